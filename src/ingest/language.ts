// Dutch or English? eld (an n-gram detector, restricted to nl/en) for text long enough to judge; for a
// headline-length text n-grams are unreliable (a 28-character English headline came out Dutch), so short
// text is judged by function words, and when those do not decide either, English is the stated fallback.
import type { Lang } from "../model/doc.js";
import { loadEld, type Eld } from "./eldpack.js";

/** Below this many letters eld's verdict is not trusted. */
export const MIN_DETECT_LETTERS = 40;
/** eld reads at most the first 1000 characters; a sample from the start is what it would see anyway. */
const SAMPLE = 2000;

let eld: Eld | undefined;

/**
 * eld's database is loaded on first use only (a run whose reports all state their language never pays for
 * it), from a pack that opens without evaluating eld's 1.6 MB table (src/ingest/eldpack.ts). All of eld's
 * languages, not only nl/en: a German or French report must be told apart from a Dutch or English one.
 * Between nl and en the higher of the two scores decides, which picks the same language as eld restricted
 * to those two (checked on 2 561 paragraphs and reports of the devset and corpora).
 */
function detector(): Eld {
  return (eld ??= loadEld());
}

// Frequent in one language and absent (or rare) in the other; shared spellings ("is", "in", "was", "of",
// "over", "we", "had") are left out: "of" is as common in Dutch as in English.
const NL = new Set([
  "de", "het", "een", "en", "van", "dat", "die", "niet", "op", "zijn", "met", "voor", "er", "maar", "ook", "zegt", "werd",
  "naar", "bij", "wordt", "worden", "heeft", "hebben", "zich", "nog", "uit", "aan", "om", "dan", "wel", "geen",
  "tegen", "na", "door", "tot", "zou", "zei", "volgens", "twee", "drie", "doden", "gewonden", "aanval", "wat", "hoe",
  "deze", "dit", "wie", "waar", "waarom", "hij", "zij", "ze", "haar", "hun", "kan", "moet", "kunnen", "nu", "al",
  "omdat", "als", "toen", "sinds", "zonder", "onder", "tussen", "heel", "veel", "meer", "nieuwe", "eerste",
]);
const EN = new Set([
  "the", "a", "and", "that", "to", "not", "on", "are", "with", "for", "but", "also", "said", "says", "by", "from",
  "has", "have", "were", "been", "after", "into", "killed", "two", "three", "attack", "at", "who", "which",
  "would", "will", "its", "their", "they", "according", "than", "more", "what", "how", "this", "these", "where",
  "why", "he", "she", "it", "his", "her", "can", "must", "now", "because", "when", "since", "without", "under",
  "between", "very", "many", "new", "first", "there", "be", "no",
]);

export interface Detection {
  /** The language pack to segment with: the report's language, or the nearer of nl/en for another one. */
  lang: Lang;
  /** The report's language when it is one sitrep has no lexicons for (ISO 639-1: de, fr, es …). */
  other?: string;
  from: "detected" | "fallback";
  /** Which judge decided: n-grams, function words, the language of the feed or channel, or none. */
  by: "eld" | "function-words" | "collection" | "fallback";
}

/**
 * Another language is only declared on this much text, and when eld puts it this far above both nl and en
 * (German news text: de 0.82 against nl 0.51; Dutch: nl 0.84 against de 0.60, Afrikaans-like text nl).
 */
const MIN_OTHER_LETTERS = 100;
const OTHER_MARGIN = 0.1;

/** Below this many letters not even a short-text guess is made. */
const MIN_GUESS_LETTERS = 5;

/** The higher of the nl and en scores: what eld restricted to those two languages answers. */
function nlOrEn(scores: Record<string, number>): Lang | undefined {
  const nl = scores.nl ?? 0;
  const en = scores.en ?? 0;
  if (nl === en) return undefined;
  return nl > en ? "nl" : "en";
}

/** At least `min` letters? Counts word by word and stops as soon as it knows. */
function hasLetters(s: string, min: number): boolean {
  let n = 0;
  for (const m of s.matchAll(/\p{L}+/gu)) if ((n += m[0].length) >= min) return true;
  return false;
}

function functionWords(sample: string): { nl: number; en: number } {
  let nl = 0;
  let en = 0;
  for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (NL.has(m[0])) nl++;
    if (EN.has(m[0])) en++;
  }
  return { nl, en };
}

/**
 * Long enough text: eld. Short text (a headline, a one-line message): function words when they decide,
 * else the language of the feed or channel it came from (`hint`), else eld's best guess, and English when
 * there is nothing to go on. On 1 738 short news segments (8–39 letters; CoNLL-2002 Dutch, MEANTIME
 * English) function words then eld were right for 94%, function words then English for 54%.
 */
export function detectLanguage(text: string, hint?: Lang): Detection {
  const sample = text.slice(0, SAMPLE);
  if (hasLetters(sample, MIN_DETECT_LETTERS)) {
    const r = detector().detect(sample);
    // the scores are ordered and scaled only when asked for (a tenth of eld's time): a Dutch or English verdict,
    // nearly every report, needs none
    if (r.language === "nl" || r.language === "en") return { lang: r.language, from: "detected", by: "eld" };
    const scores = r.getScores();
    const nl = scores.nl ?? 0;
    const en = scores.en ?? 0;
    const top = scores[r.language] ?? 0;
    if (r.language && hasLetters(sample, MIN_OTHER_LETTERS) && r.isReliable() && top - Math.max(nl, en) >= OTHER_MARGIN) {
      return { lang: nl >= en ? "nl" : "en", other: r.language, from: "detected", by: "eld" };
    }
    const pick = nlOrEn(scores);
    if (pick) return { lang: pick, from: "detected", by: "eld" };
  }
  const fw = functionWords(sample);
  if (fw.nl !== fw.en) return { lang: fw.nl > fw.en ? "nl" : "en", from: "detected", by: "function-words" };
  if (hint) return { lang: hint, from: "detected", by: "collection" };
  if (hasLetters(sample, MIN_GUESS_LETTERS)) {
    const r = detector().detect(sample);
    const pick = r.language === "nl" || r.language === "en" ? r.language : nlOrEn(r.getScores());
    if (pick) return { lang: pick, from: "detected", by: "eld" };
  }
  return { lang: "en", from: "fallback", by: "fallback" };
}
