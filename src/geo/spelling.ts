// Spelling keys: one string for the many ways a name is written across languages and transliteration
// schemes (Grajvoron, Graivoron, Grayvoron, Грайворон; Poetin, Putin; Charkiv, Kharkiv; Medwedew, Medvedev).
// The key is lossy on purpose: it is only ever compared with other keys, never shown.
import { anyAscii } from "./ascii.js";

// Applied in order to the ascii, lower-case form. Dutch transliteration of Cyrillic writes /x/ as "ch"
// and /tʃ/ as "tsj"; English writes them "kh" and "ch". Folding tsj, ch and kh all to "h" merges both
// schemes without having to know which one a text uses.
// Each rule carries the text it needs to be present (null: always run), so that most rules skip the
// regular expression for most names: the keys stay exactly those of running every rule.
const RULES: readonly [RegExp, string, string | null, string | null][] = [
  [/tsj/g, "h", "tsj", null],
  [/tch/g, "h", "tch", null],
  [/ch/g, "h", "ch", null],
  [/kh/g, "h", "kh", null],
  [/sj/g, "sh", "sj", null],
  [/zj/g, "zh", "zj", null],
  [/sch/g, "sh", "sch", null],
  [/oe/g, "u", "oe", null],
  [/ou/g, "u", "ou", null],
  [/w/g, "v", "w", null],
  [/ij/g, "i", "ij", null],
  [/[jy]/g, "i", "j", "y"],
  [/x/g, "ks", "x", null],
  [/ph/g, "f", "ph", null],
  [/c(?=[eiy])/g, "s", "c", null],
  [/c/g, "k", "c", null],
  [/q/g, "k", "q", null],
  // a soft sign transliterated as an apostrophe is gone by now; doubled letters collapse last
  [/([a-z])\1+/g, "$1", "", null],
];

const ASCII_ONLY = /^[\x20-\x7e]*$/;

/** Lower-case ascii with separators folded to single spaces; no other change. */
export function asciiFold(s: string): string {
  const a = ASCII_ONLY.test(s) ? s : anyAscii(s);
  const l = a.toLowerCase();
  // most names are letters and digits with single spaces between words: the replacements would change nothing
  return plainFolded(l) ? l : l.replace(/['’`ʼ]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
}

/** Only a-z, 0-9 and single spaces between them: a string asciiFold leaves as it is. */
function plainFolded(l: string): boolean {
  const n = l.length;
  for (let i = 0; i < n; i++) {
    const c = l.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c === 32 && i > 0 && i < n - 1 && l.charCodeAt(i - 1) !== 32) continue;
    return false;
  }
  return true;
}

/** A letter a-z written twice in a row (the last rule's only work). */
function hasDoubled(k: string): boolean {
  for (let i = 1; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c >= 97 && c <= 122 && c === k.charCodeAt(i - 1)) return true;
  }
  return false;
}

const memo = new Map<string, string>();

/** The spelling key of a name (see the file comment). */
export function spellingKey(s: string): string {
  let k = memo.get(s);
  if (k !== undefined) return k;
  k = spellingKeyOnce(s);
  // names recur within and across reports; the bound keeps a long run's memory flat
  if (memo.size > 100000) memo.clear();
  memo.set(s, k);
  return k;
}

/** The spelling key without the memo: for bulk keys (a region's places) that would only crowd it out. */
export function spellingKeyOnce(s: string): string {
  let k = asciiFold(s);
  for (const [re, to, need, or] of RULES) {
    // "": the rule of doubled letters, run only where two letters stand doubled
    if (need === "" ? hasDoubled(k) : need === null || k.includes(need) || (or !== null && k.includes(or))) k = k.replace(re, to);
  }
  return k;
}

/** True when a and b differ by exactly one insertion, deletion or substitution (or are equal). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  if (la > lb) return a.slice(i + 1) === b.slice(i);
  return a.slice(i) === b.slice(i + 1);
}
