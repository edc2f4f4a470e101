// The words search leaves out: each language's function words (src/lang/<code>/function-words.ts). "the",
// "de", "van", "een" are in most claims of their language, so they narrow nothing a search finds and they
// were the largest lists of the index of words (a quarter of SQLite's, issue 16). The index of a report's
// claims leaves out its own language's (the record says which: ReportRecord.unindexed, applied by the store,
// which knows no language), and a query leaves out every language's, since it does not know which language
// the claims it looks for are in. Both together answer as the full index did: a query never asks for a word
// that is left out. So a ledger written before keeps its larger index and answers the same; it needs no
// migration, and its next reports are written the new way beside the old. (Only a query word that is the
// start of a function word and no word itself, "th", no longer finds a claim by "the" alone.)
import type { Lang } from "../model/doc.js";
import { functionWords as nl } from "../lang/nl/function-words.js";
import { functionWords as en } from "../lang/en/function-words.js";

const BY_LANGUAGE: Record<Lang, ReadonlySet<string>> = { nl: new Set(nl), en: new Set(en) };
const ANY = new Set([...nl, ...en]);

/** The words a report of this language is not indexed by (lower case, without diacritics); none for another language. */
export function unindexedWords(language: string): ReadonlySet<string> | undefined {
  return language === "nl" || language === "en" ? BY_LANGUAGE[language] : undefined;
}

/**
 * A query's words (lower case, without diacritics) without the function words of any language; none left
 * (a query of function words alone): no word filter, as every claim has such words.
 */
export function searchWords(words: readonly string[]): string[] {
  return words.filter((w) => !ANY.has(w));
}
