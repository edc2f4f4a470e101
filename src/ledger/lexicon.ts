/**
 * What the ledger needs to know about a language (supplied by src/lang/<code>/ledger.ts). Patterns are
 * regular-expression sources matched on text that has been lower-cased and stripped of diacritics
 * (so "beëindigd" is written "beeindigd"), between word boundaries. Gaps between words must be bounded
 * (e.g. `(?:\S+\s+){0,3}`) so that matching stays linear.
 */
export interface OppositionLexicon {
  /** Language-independent name of the opposition, shared by every language (e.g. "independence"). */
  name: string;
  /** The two states that cannot both hold; `label` is language-independent ("independent", "subordinate"). */
  a: { label: string; patterns: string[] };
  b: { label: string; patterns: string[] };
}

export interface LedgerLexicon {
  oppositions: OppositionLexicon[];
  /** Words that turn the following state into its opposite ("niet", "not"), looked for just before a match. */
  negators: string[];
  /** Phrases that mark a statement as running against something said before ("ondenkbaar dat", "however"). */
  counter: string[];
  /** Phrases by which a denial points back at an earlier statement ("die cijfers", "the ministry's account"). */
  backRef: string[];
  /** Themes a denial and a claim can share across languages (involvement in an attack, …). */
  themes: { name: string; patterns: string[] }[];
}
