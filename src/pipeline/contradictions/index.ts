import type { Stage } from "../stage.js";
import { fusionClaims, mayDispute } from "../../ledger/claimkeys.js";
import { featuresOf } from "../../ledger/features.js";
import { findDisputes } from "../../ledger/disputes.js";
import { reportContext } from "../../ledger/fusion.js";

/**
 * Contradictions inside one report: the ledger's finder (src/ledger/disputes.ts) over this report's claims
 * alone, so a report is read by the same rules as a ledger of many.
 */
export const contradictions: Stage = (doc) => {
  // claims that can take part in no contradiction (no figure, no denial, no act, blame or pointer) are
  // not read further: most of a report
  const counted = new Set(doc.counts.map((n) => n.claim).filter((x): x is string => !!x));
  // a figure inside a claim's span is among its figures even when not linked to it
  const loose = doc.counts.filter((n) => n.claim === undefined).sort((a, b) => a.start - b.start);
  if (loose.length)
    for (const c of doc.claims) {
      let lo = 0, hi = loose.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (loose[mid]!.start < c.start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < loose.length && loose[k]!.start < c.end; k++)
        if (loose[k]!.end <= c.end) {
          counted.add(c.id);
          break;
        }
    }
  // what a denial or a counter-statement points back at may be any statement just before or after it;
  // those are kept first, so that mayDispute (reading a claim's concepts: most of this stage outside the
  // finder) runs only on the claims left
  const keep = new Set<string>();
  let near: Uint8Array | undefined;
  for (const c of doc.claims) {
    const f = featuresOf(c, doc.lang);
    if (!(c.status === "denied" || f.backRef || f.counter)) continue;
    near ??= new Uint8Array(doc.sentences.length + 1);
    for (let k = Math.max(0, c.sentence - 4); k <= Math.min(doc.sentences.length, c.sentence + 4); k++) near[k] = 1;
  }
  for (const c of doc.claims) if ((near && near[Math.min(c.sentence, doc.sentences.length)]) || mayDispute(doc, c, counted)) keep.add(c.id);
  const claims = fusionClaims(doc, { shingles: false, only: (c) => keep.has(c.id) });
  const ctx = reportContext(doc);
  const prefix = `${doc.meta.id}/`;
  doc.contradictions = findDisputes(claims, ctx, { scope: "report" }).map((d) => ({
    claims: [d.claims[0].slice(prefix.length), d.claims[1].slice(prefix.length)],
    reason: d.reason,
  }));
};
