// What a fused entity is called in the reader's language: the cross-language alias table's name for it,
// else the name the ledger's reports use most (the longest of equals, then the first in the order given).
import type { Lang } from "../model/doc.js";
import { aliasTable } from "./names.js";

let sets: Map<string, { nl: string; en: string }> | undefined;

export function displayName(fkey: string, lang: Lang, names?: readonly { name: string; n: number }[]): string | undefined {
  sets ??= new Map(aliasTable().sets.map((s) => [s.id, s]));
  const set = sets.get(fkey);
  if (set) return lang === "nl" ? set.nl : set.en;
  let best: { name: string; n: number } | undefined;
  for (const x of names ?? []) {
    if (!best || x.n > best.n || (x.n === best.n && x.name.length > best.name.length)) best = x;
  }
  return best?.name;
}
