// Words the ledger stores millions of times, kept as small numbers: a claim's status, an entity's type, a
// source's kind. The position in each list is the code; lists only ever grow at the end.
import { CLAIM_STATUSES, type ClaimStatus, type EntityType, type SourceKind } from "../model/doc.js";

export const STATUS: readonly ClaimStatus[] = CLAIM_STATUSES;
export const ENTITY_TYPES: readonly EntityType[] = ["person", "organization", "group", "location", "facility", "other"];
export const SOURCE_KINDS: readonly SourceKind[] = ["party", "official", "expert", "media", "unnamed", "other"];

function codes<T extends string>(list: readonly T[]) {
  const index = new Map(list.map((x, i) => [x, i]));
  return {
    code(x: T): number {
      const c = index.get(x);
      if (c === undefined) throw new Error(`not a known value: ${JSON.stringify(x)}`);
      return c;
    },
    word(c: unknown): T {
      const w = list[Number(c)];
      if (w === undefined) throw new Error(`not a known code: ${String(c)}`);
      return w;
    },
  };
}

export const status = codes(STATUS);
export const entityType = codes(ENTITY_TYPES);
export const sourceKind = codes(SOURCE_KINDS);
