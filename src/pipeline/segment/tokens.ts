import type { Token, TokenKind } from "../../model/doc.js";
import type { SegmentLexicon } from "./lexicon.js";

// Every alternative consumes at least one character and no quantified group can match the same text two
// ways, so the scanner is linear in the input whatever the input.
const TOKEN = new RegExp(
  [
    // dotted abbreviations and initialisms: U.S., o.a., i.p.v., a.m.
    String.raw`(?<abbr>\p{L}(?:\.\p{L}){1,8}\.?)`,
    // numbers with group or decimal separators and clock times: 3.500, 1,200, 14.00, 2.5, 10:30
    String.raw`(?<num>\p{Nd}+(?:[.,:]\p{Nd}+)+)`,
    // words, with inner hyphens and apostrophes: Oost-Europadeskundige, zo'n, don't, 24-jarige
    String.raw`(?<word>[\p{L}\p{M}\p{Nd}]+(?:[-'’‑][\p{L}\p{M}\p{Nd}]+)*)`,
    String.raw`(?<ellipsis>\.{2,}|…)`,
    String.raw`(?<quote>["“”„‟«»‹›'‘’‚‛])`,
    String.raw`(?<punct>[.,;:!?()\[\]{}\-–—/])`,
    String.raw`(?<symbol>[^\s])`,
  ].join("|"),
  "uy",
);
const SPACE = /\s+/y;
const DIGITS = /^\p{Nd}+$/u;

export function tokenize(text: string, lex: SegmentLexicon, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const elisions = lex.elisions;
  let at = from;
  while (at < to) {
    SPACE.lastIndex = at;
    if (SPACE.test(text)) {
      at = SPACE.lastIndex;
      if (at >= to) break;
    }
    // an elided article or verb ('s, 't, 'n) directly before a space: a word, not a quote mark
    const ch = text[at]!;
    if ((ch === "'" || ch === "’") && elisions.length) {
      const two = text.slice(at, at + 2);
      const after = text[at + 2];
      if (elisions.includes(two) && (after === undefined || !/[\p{L}\p{Nd}]/u.test(after))) {
        out.push({ start: at, end: at + 2, text: two, kind: "word" });
        at += 2;
        continue;
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
    const g = m.groups!;
    let kind: TokenKind;
    if (g.abbr !== undefined) kind = "word";
    else if (g.num !== undefined) kind = "number";
    else if (g.word !== undefined) kind = DIGITS.test(g.word) ? "number" : "word";
    else if (g.quote !== undefined) kind = "quote";
    else if (g.punct !== undefined || g.ellipsis !== undefined) kind = "punct";
    else kind = "symbol";
    if (kind === "word" && g.word !== undefined && lex.splitSuffixes.length) {
      const suffix = lex.splitSuffixes.find((x) => g.word!.length > x.length && g.word!.endsWith(x));
      if (suffix) {
        const cut = end - suffix.length;
        out.push({ start: at, end: cut, text: text.slice(at, cut), kind });
        out.push({ start: cut, end, text: suffix, kind: "word" });
        at = end;
        continue;
      }
    }
    out.push({ start: at, end, text: text.slice(at, end), kind });
    at = end;
  }
  return out;
}
