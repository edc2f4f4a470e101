import type { Token, TokenKind } from "../../model/doc.js";
import type { SegmentLexicon } from "./lexicon.js";

// Every alternative consumes at least one character and no quantified group can match the same text two
// ways, so the scanner is linear in the input whatever the input.
const TOKEN = new RegExp(
  [
    // dotted abbreviations and initialisms: U.S., o.a., i.p.v., a.m.
    String.raw`(\p{L}(?:\.\p{L}){1,8}\.?)`,
    // numbers with group or decimal separators and clock times: 3.500, 1,200, 14.00, 2.5, 10:30
    String.raw`(\p{Nd}+(?:[.,:]\p{Nd}+)+)`,
    // words, with inner hyphens and apostrophes: Oost-Europadeskundige, zo'n, don't, 24-jarige (the characters
    // beyond ASCII as escapes, which the expression reads alike, so that the CLI bundle is ASCII: V8 decodes
    // and parses a one-byte source faster; \u2019 ’, \u2011 non-breaking hyphen, \u2026 …, then the quotes
    // “ ” „ ‟ « » ‹ › ‘ ’ ‚ ‛ and the dashes – —)
    String.raw`([\p{L}\p{M}\p{Nd}]+(?:[-'\u2019\u2011][\p{L}\p{M}\p{Nd}]+)*)`,
    String.raw`(\.{2,}|\u2026)`,
    String.raw`(["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a'\u2018\u2019\u201a\u201b])`,
    String.raw`([.,;:!?()\[\]{}\-\u2013\u2014/])`,
    String.raw`([^\s])`,
  ].join("|"),
  "uy",
);
const SPACE = /\s/u;
const DIGITS = /^\p{Nd}+$/u;
const WORDISH = /[\p{L}\p{Nd}]/u;
// group numbers of TOKEN's alternatives, in order
const ABBR = 1, NUM = 2, WORD = 3, ELLIPSIS = 4, QUOTE = 5, PUNCT = 6;

// ASCII white space is by far the most common separator: test it by code before asking the regex engine
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13) || c === 0x85) return true;
  return c > 127 && SPACE.test(text[i]!);
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * The end of a plain ASCII word of two letters or more starting at `at` when the scanner would read exactly
 * that (what follows is no letter, digit, mark, hyphen or apostrophe that could extend it), else -1.
 * Most tokens are such words; they skip the regular expression and its match array.
 */
function plainWordEnd(text: string, at: number, to: number): number {
  let i = at;
  while (i < to && isAsciiLetter(text.charCodeAt(i))) i++;
  if (i - at < 2) return -1;
  if (i >= to) return i;
  const c = text.charCodeAt(i);
  // a digit, a non-ASCII letter or mark, or a joiner (- ' and their Unicode kin) may continue the word
  if (c > 127 || (c >= 48 && c <= 57) || c === 45 || c === 39) return -1;
  return i;
}

/** ASCII marks that TOKEN reads as a punctuation token of one character wherever they stand: , ; : ! ? ( ) [ ] { } / - */
const SOLO_PUNCT = new Uint8Array(128);
for (const c of ",;:!?()[]{}/-") SOLO_PUNCT[c.charCodeAt(0)] = 1;

/**
 * The end of a run of ASCII digits starting at `at` when TOKEN would read exactly that run as a number: what
 * follows (in the whole text, as the expression looks) can neither extend it into a word (a letter, mark or
 * joiner) nor into a number with separators (. , : and a digit), and the run ends by `to`; else -1.
 */
function plainNumberEnd(text: string, at: number, to: number): number {
  const n = text.length;
  let i = at;
  let c = 0;
  while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
  if (i > to) return -1;
  if (i >= n) return i;
  if (c > 127 || isAsciiLetter(c) || c === 45 || c === 39) return -1;
  if (c === 46 || c === 44 || c === 58) {
    const d = i + 1 < n ? text.charCodeAt(i + 1) : 32;
    if (d > 127 || (d >= 48 && d <= 57)) return -1;
  }
  return i;
}

/** The tokens of text[from, to), appended to `out` (a new list unless given), which is returned. */
export function tokenize(text: string, lex: SegmentLexicon, from = 0, to = text.length, out: Token[] = []): Token[] {
  return scan(text, lex, from, to, out, true);
}

/** tokenize() by the regular expression alone, without the shortcuts for plain words, numbers and marks: what they must equal. */
export function tokenizeByExpression(text: string, lex: SegmentLexicon, from = 0, to = text.length, out: Token[] = []): Token[] {
  return scan(text, lex, from, to, out, false);
}

function scan(text: string, lex: SegmentLexicon, from: number, to: number, out: Token[], shortcuts: boolean): Token[] {
  const elisions = lex.elisions;
  const suffixes = lex.splitSuffixes;
  let at = from;
  while (at < to) {
    while (at < to && isSpaceAt(text, at)) at++;
    if (at >= to) break;
    // an elided article or verb ('s, 't, 'n) directly before a space: a word, not a quote mark
    const ch = text[at]!;
    if ((ch === "'" || ch === "’") && elisions.length) {
      const two = text.slice(at, at + 2);
      const after = text[at + 2];
      if (elisions.includes(two) && (after === undefined || !WORDISH.test(after))) {
        out.push({ start: at, end: at + 2, text: two, kind: "word" });
        at += 2;
        continue;
      }
    }
    if (shortcuts) {
      const c = text.charCodeAt(at);
      // most tokens are plain words, marks and numbers: they skip the regular expression and its match array
      if (c < 128 && SOLO_PUNCT[c] === 1) {
        out.push({ start: at, end: at + 1, text: ch, kind: "punct" });
        at++;
        continue;
      }
      // a full stop alone (two or more are an ellipsis, which the expression reads)
      if (c === 46 && text.charCodeAt(at + 1) !== 46) {
        out.push({ start: at, end: at + 1, text: ch, kind: "punct" });
        at++;
        continue;
      }
      if (c >= 48 && c <= 57) {
        const e = plainNumberEnd(text, at, to);
        if (e > 0) {
          out.push({ start: at, end: e, text: text.slice(at, e), kind: "number" });
          at = e;
          continue;
        }
      } else {
        const plain = plainWordEnd(text, at, to);
        if (plain > 0) {
          out.push({ start: at, end: plain, text: text.slice(at, plain), kind: "word" });
          at = plain;
          continue;
        }
      }
    }
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) {
      // unreachable in practice: the symbol alternative takes any non-space character
      at++;
      continue;
    }
    let end = TOKEN.lastIndex;
    if (end > to) end = to;
    let kind: TokenKind;
    const word = m[WORD];
    if (m[ABBR] !== undefined) kind = "word";
    else if (m[NUM] !== undefined) kind = "number";
    else if (word !== undefined) kind = DIGITS.test(word) ? "number" : "word";
    else if (m[QUOTE] !== undefined) kind = "quote";
    else if (m[PUNCT] !== undefined || m[ELLIPSIS] !== undefined) kind = "punct";
    else kind = "symbol";
    if (word !== undefined && kind === "word" && suffixes.length && (word.includes("'") || word.includes("’"))) {
      const suffix = suffixes.find((x) => word.length > x.length && word.endsWith(x));
      if (suffix) {
        const cut = end - suffix.length;
        out.push({ start: at, end: cut, text: text.slice(at, cut), kind });
        out.push({ start: cut, end, text: suffix, kind: "word" });
        at = end;
        continue;
      }
    }
    out.push({ start: at, end, text: m[0].length === end - at ? m[0] : text.slice(at, end), kind });
    at = end;
  }
  return out;
}

const lowered = new WeakMap<readonly Token[], string[]>();

/**
 * A string in lower case: the string itself when it is shorter than 13 characters and holds no capital and
 * nothing beyond ASCII. V8's toLowerCase copies even a string it leaves unchanged, and most words are such
 * strings; the same string also keeps the hash its look-ups have computed. A longer token text may be a view
 * into the whole report's text (V8 copies shorter slices): a copy keeps a word a later stage stores from
 * holding on to that text (with those shared too, the extract peaked 1-29 MB above the base in three runs).
 */
export function lowerCase(s: string): string {
  if (s.length >= 13) return s.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

/**
 * Every token's lower-case form, made once per tokenisation of a report: entity recognition and the claims
 * stage both read them (a word already in lower case is its own lower-case form, no copy). Read-only.
 */
export function lowerTokens(tokens: readonly Token[]): readonly string[] {
  let low = lowered.get(tokens);
  if (!low) {
    low = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) low[i] = lowerCase(tokens[i]!.text);
    lowered.set(tokens, low);
  }
  return low;
}
