import type { Stage } from "../stage.js";
import { findContradictions } from "../../ledger/contradictions.js";
import { docForContradictions } from "../../ledger/fromdoc.js";

/** Within-report contradictions; the same finder runs over the whole ledger in src/ledger. */
export const contradictions: Stage = (doc) => {
  const { claims, counts } = docForContradictions(doc);
  doc.contradictions = findContradictions(claims, counts).map((f) => ({ claims: f.claims, reason: f.reason }));
};
