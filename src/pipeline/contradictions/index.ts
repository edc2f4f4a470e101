import type { Stage } from "../stage.js";
import { fusionClaims } from "../../ledger/claimkeys.js";
import { findDisputes } from "../../ledger/disputes.js";
import { reportContext } from "../../ledger/fusion.js";

/**
 * Contradictions inside one report: the ledger's finder (src/ledger/disputes.ts) over this report's claims
 * alone, so a report is read by the same rules as a ledger of many.
 */
export const contradictions: Stage = (doc) => {
  const claims = fusionClaims(doc, { shingles: false });
  const ctx = reportContext(doc);
  const prefix = `${doc.meta.id}/`;
  doc.contradictions = findDisputes(claims, ctx, { scope: "report" }).map((d) => ({
    claims: [d.claims[0].slice(prefix.length), d.claims[1].slice(prefix.length)],
    reason: d.reason,
  }));
};
