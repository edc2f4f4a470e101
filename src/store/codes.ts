// Words the ledger stores millions of times, kept as small numbers: a claim's status, an entity's type, a
// source's kind. The position in each list is the code; lists only ever grow at the end.
import { CLAIM_STATUSES, type ClaimStatus, type EntityType, type LanguageFrom, type PublishedFrom, type SourceKind, type TimexType } from "../model/doc.js";

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

/**
 * Words of rows the store keeps compact where it compacts (SQLite, schema 24: sql-store.ts, wordStored): an
 * event's type, a time's type, where a report's publication time and language were found. The store's own
 * lists, not the pipeline's, so that a word added or moved there never changes what a stored code means; a
 * word missing here is kept as its text.
 */
export const EVENT_TYPES: readonly string[] = [
  "attack", "explosion", "strike", "casualties", "arrest", "evacuation", "statement", "denial", "claim_of_responsibility", "operation", "other",
];
export const TIMEX_TYPES: readonly TimexType[] = ["DATE", "TIME", "DURATION", "SET"];
export const PUBLISHED_FROM: readonly PublishedFrom[] = ["front-matter", "metadata", "flag", "file-mtime", "feed"];
export const LANGUAGE_FROM: readonly LanguageFrom[] = ["front-matter", "metadata", "flag", "detected", "fallback"];

export const status = codes(STATUS);
export const entityType = codes(ENTITY_TYPES);
export const sourceKind = codes(SOURCE_KINDS);
