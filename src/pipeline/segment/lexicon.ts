/** What the segmenter needs to know about a language (supplied by src/lang/<code>/segment.ts). */
export interface SegmentLexicon {
  /**
   * Words that, followed by a full stop, do not end a sentence ("dhr", "ca", "Mr", "Gen").
   * Matched case-insensitively unless the entry has a capital, then exactly ("No" but not "no").
   */
  abbreviations: readonly string[];
  /** Abbreviations that only hold before a number ("nr. 5", "Jan. 12", "art. 3"). */
  abbreviationsBeforeNumber: readonly string[];
  /**
   * Abbreviations that may also close a sentence ("etc.", "enz.", "U.S."): a boundary is made after them
   * when the next word is one that typically opens a sentence.
   */
  sentenceFinalAbbreviations: readonly string[];
  /** Words that typically open a sentence (lower case): "de", "het", "the", "he" … */
  sentenceStarters: readonly string[];
  /**
   * Subject pronouns (lower case) that no name goes on with: after an initial's full stop one of them
   * with a capital opens a sentence ("de 45-jarige Mohammed B. Hij woont …"), where a surname would not.
   */
  subjectPronouns: readonly string[];
  /** Elided words written with a leading apostrophe ("'s", "'t", "'n"); not quote marks. */
  elisions: readonly string[];
  /** Clitics split off the end of a word as tokens of their own ("'s" in "Russia's"). */
  splitSuffixes: readonly string[];
  /**
   * Lines a site or feed adds after a report, not part of it: "Continue reading", "The post {} appeared
   * first on {}" ("{}" stands for a title or a site name). Matched case-insensitively as a whole line or
   * as the last sentence of the last paragraph, before segmenting (by the readers, for every language).
   */
  furniture: readonly string[];
}
