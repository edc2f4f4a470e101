// Small builders the language packs share: lexicons are written as space-separated word lists, which
// keeps them readable, and these turn them into the entries the stages take.
import type { EntityType } from "../model/doc.js";
import type { RoleEntry, RoleKind } from "../pipeline/entities/lexicon.js";

/** Role nouns of one kind: "kolonel generaal" → [{word: "kolonel", kind}, …]. */
export const roles = (kind: RoleKind, words: string): RoleEntry[] => words.split(" ").map((word) => ({ word, kind }));

/** Nouns that say what a name is, by entity type: { location: "dorp stad", … } → { dorp: "location", … }. */
export function typeNouns(m: Record<string, string>): Record<string, EntityType> {
  const out: Record<string, EntityType> = {};
  for (const [t, ws] of Object.entries(m)) for (const w of ws.split(" ")) out[w] = t as EntityType;
  return out;
}

/** Nationality adjectives in all their inflections → the country's ISO code. */
export function demonymTable(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [cc, forms] of Object.entries(m)) for (const f of forms.split(" ")) out[f] = cc;
  return out;
}
