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
  // (each claim's features looked up once here: asked by both tests below, by the text, they were a
  // look-up in the memo of features each time)
  const features = doc.claims.map((c) => featuresOf(c, doc.lang));
  const keep = new Set<string>();
  for (let i = 0; i < doc.claims.length; i++) if (mayDispute(doc, doc.claims[i]!, counted, features[i]!)) keep.add(doc.claims[i]!.id);
  // what a denial or a counter-statement points back at may be any statement just before or after it
  const pointers = doc.claims.filter((c, i) => c.status === "denied" || features[i]!.backRef || features[i]!.counter);
  if (pointers.length) {
    const near = new Uint8Array(doc.sentences.length + 1);
    for (const p of pointers) for (let k = Math.max(0, p.sentence - 4); k <= Math.min(doc.sentences.length, p.sentence + 4); k++) near[k] = 1;
    for (const c of doc.claims) if (near[Math.min(c.sentence, doc.sentences.length)]) keep.add(c.id);
  }
  // (handed over to the report's fusion record, which needs the keys of every claim)
  const claims = fusionClaims(doc, { only: (c) => keep.has(c.id), handOver: true });
  // a contradiction is a pair of claims: with one claim read (or none) there is none to find, and the
  // report's entities need not be fused for a context (a fifth of reports)
  if (claims.length < 2) {
    doc.contradictions = [];
    return;
  }
  const ctx = reportContext(doc);
  const prefix = `${doc.meta.id}/`;
  doc.contradictions = findDisputes(claims, ctx, { scope: "report" }).map((d) => ({
    claims: [d.claims[0].slice(prefix.length), d.claims[1].slice(prefix.length)],
    reason: d.reason,
  }));
};
