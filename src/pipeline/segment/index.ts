import type { Doc, Quote, Sentence, Span, Token } from "../../model/doc.js";
import type { Stage } from "../stage.js";
import type { SegmentLexicon } from "./lexicon.js";
import { tokenize } from "./tokens.js";

export { tokenize } from "./tokens.js";

const TERMINAL = new Set([".", "!", "?", "…"]);
const OPEN_BRACKETS = new Set(["(", "[", "{"]);
const CLOSE_BRACKETS = new Set([")", "]", "}"]);
// quote marks by family; a mark's role (opening or closing) comes from its shape where it has one and
// from its position where it does not (" and ')
const DOUBLE = new Set(['"', "“", "”", "„", "‟", "«", "»"]);
const SINGLE = new Set(["'", "‘", "’", "‚", "‛", "‹", "›"]);
const ALWAYS_OPEN = new Set(["„", "‚", "«", "‹"]);
const ALWAYS_CLOSE = new Set(["»", "›"]);

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isUpperStart = (s: string) => /^[\p{Lu}\p{Lt}\p{Nd}]/u.test(s);
const isLowerStart = (s: string) => /^\p{Ll}/u.test(s);

type QuoteRole = "open" | "close" | "none";

/** Opening or closing, judged from the characters on either side of the mark. */
function quoteRole(text: string, t: Token): QuoteRole {
  const mark = t.text;
  const prev = text[t.start - 1];
  const next = text[t.end];
  const openPos = (isSpace(prev) || /[(\[{\-–—/:„“‘"'«]/u.test(prev!)) && !isSpace(next);
  const closePos = !isSpace(prev) && (isSpace(next) || /[\p{P}\p{S}]/u.test(next!));
  if (ALWAYS_OPEN.has(mark)) return "open";
  if (ALWAYS_CLOSE.has(mark)) return "close";
  if (mark === "“" || mark === "‘") {
    // “ opens in English and closes after „ in Dutch/German: position decides
    if (closePos && !openPos) return "close";
    return "open";
  }
  if (mark === "”" || mark === "’") {
    if (openPos && !closePos) return "open"; // Dutch ”…” with the same mark on both sides
    return closePos ? "close" : "none";
  }
  if (openPos && !closePos) return "open";
  if (closePos && !openPos) return "close";
  return "none";
}

interface Line extends Span {
  paragraph: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let paragraph = 0;
  let blank = false;
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf("\n", at);
    if (nl < 0) nl = text.length;
    const raw = text.slice(at, nl);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) {
      if (blank && out.length) paragraph++;
      blank = false;
      out.push({ start: at + lead, end: at + lead + body.length, paragraph });
    } else blank = true;
    at = nl + 1;
  }
  return out;
}

/** Pairs quote marks into quotes; a quote left open at a paragraph's end runs on when the next paragraph reopens it. */
function pairQuotes(doc: Doc, roles: QuoteRole[], lineOf: Int32Array, lineList: Line[]): Quote[] {
  const { tokens } = doc;
  const quotes: Quote[] = [];
  const stack: { family: "d" | "s"; token: number }[] = [];
  const paraEnds: number[] = [];
  for (const l of lineList) paraEnds[l.paragraph] = l.end;
  const finish = (opener: number, closeTok: Token | null, endAt: number) => {
    const open = tokens[opener]!;
    quotes.push({
      start: open.start,
      end: closeTok ? closeTok.end : endAt,
      open: open.text,
      close: closeTok ? closeTok.text : "",
      inner: { start: open.end, end: closeTok ? closeTok.start : endAt },
    });
  };
  let para = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const family = t.kind !== "quote" ? null : DOUBLE.has(t.text) ? "d" : SINGLE.has(t.text) ? "s" : null;
    let role = roles[i]!;
    const p = lineList[lineOf[i]!]!.paragraph;
    if (p !== para) {
      // a new paragraph: quotes left open end with the last one, unless this paragraph opens by reopening them
      const reopens = family !== null && role === "open";
      const keep = reopens ? stack.findIndex((s) => s.family === family) : -1;
      for (let k = stack.length - 1; k >= 0; k--) if (k !== keep) finish(stack[k]!.token, null, paraEnds[para]!);
      const kept = keep >= 0 ? stack[keep]! : null;
      stack.length = 0;
      if (kept) stack.push(kept);
      para = p;
      if (kept) continue; // the reopening mark is not a quote of its own
    }
    if (!family) continue;
    const top = stack.length ? stack[stack.length - 1]! : null;
    if (role === "none" && family === "d") role = top?.family === "d" ? "close" : "open";
    if (role === "close") {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.family !== family) k--;
      if (k >= 0) {
        const opener = stack[k]!;
        stack.length = k;
        finish(opener.token, t, t.end);
      }
    } else if (role === "open") stack.push({ family, token: i });
  }
  for (let k = stack.length - 1; k >= 0; k--) finish(stack[k]!.token, null, paraEnds[para]!);
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  return quotes;
}

function endsSentence(doc: Doc, lex: SegmentLexicon, i: number, abbr: (w: string) => boolean): boolean {
  const { tokens } = doc;
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (!next) return true;
  const prev = tokens[i - 1];
  const nextLower = next.text.toLowerCase();
  const isStarter = lex.sentenceStarters.includes(nextLower);
  if (t.kind === "word" && t.text.endsWith(".") && t.text.length > 1) {
    // a dotted abbreviation that took its own full stop: U.S. / o.a.
    const bare = t.text.slice(0, -1);
    return lex.sentenceFinalAbbreviations.includes(bare) && isStarter;
  }
  if (t.text !== "." ) return true;
  if (!prev || prev.end !== t.start || prev.kind !== "word") return true;
  // a title inside a compound keeps its abbreviation: then-Gov. Bill Clinton, ex-Min. Jansen
  const w = prev.text.slice(prev.text.search(/[^-‑]*$/u));
  if (/^\p{Lu}$/u.test(w)) return false; // an initial: H. Bouwmeester
  if (lex.sentenceFinalAbbreviations.includes(w) || lex.sentenceFinalAbbreviations.includes(w.toLowerCase())) return isStarter;
  if (abbr(w)) return false;
  if (next.kind === "number" && lex.abbreviationsBeforeNumber.includes(w)) return false;
  if (next.kind === "number" && lex.abbreviationsBeforeNumber.includes(w.toLowerCase())) return false;
  return true;
}

export function segmentDoc(doc: Doc, lex: SegmentLexicon): void {
  const { text } = doc;
  const lineList = lines(text);
  const tokens: Token[] = [];
  const lineOfTok: number[] = [];
  lineList.forEach((l, li) => {
    for (const t of tokenize(text, lex, l.start, l.end)) {
      tokens.push(t);
      lineOfTok.push(li);
    }
  });
  doc.tokens = tokens;
  const lineOf = Int32Array.from(lineOfTok);
  const paraSpans: Span[] = [];
  for (const l of lineList) {
    const p = paraSpans[l.paragraph];
    if (p) p.end = l.end;
    else paraSpans[l.paragraph] = { start: l.start, end: l.end };
  }
  doc.paragraphs = paraSpans;

  const roles = tokens.map((t) => (t.kind === "quote" ? quoteRole(text, t) : ("none" as QuoteRole)));
  doc.quotes = pairQuotes(doc, roles, lineOf, lineList);

  const exact = new Set(lex.abbreviations.filter((a) => /\p{Lu}/u.test(a)));
  const folded = new Set(lex.abbreviations.filter((a) => !/\p{Lu}/u.test(a)));
  const abbr = (w: string) => exact.has(w) || folded.has(w.toLowerCase());

  const sentences: Sentence[] = [];
  let first = 0;
  const push = (last: number) => {
    if (last < first) return;
    const a = tokens[first]!;
    const b = tokens[last]!;
    sentences.push({
      index: sentences.length,
      start: a.start,
      end: b.end,
      tokenStart: first,
      tokenEnd: last + 1,
      paragraph: lineList[lineOf[first]!]!.paragraph,
      heading: false,
      question: false,
      quotes: [],
    });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) {
      push(i);
      break;
    }
    if (lineOf[i] !== lineOf[i + 1]) {
      // a line break ends a sentence, except inside a paragraph hard-wrapped mid-sentence
      const sameParagraph = lineList[lineOf[i]!]!.paragraph === lineList[lineOf[i + 1]!]!.paragraph;
      const terminal = TERMINAL.has(t.text) || (t.kind === "quote" && roles[i] === "close") || t.text === ":";
      if (!(sameParagraph && !terminal && isLowerStart(next.text))) push(i);
      continue;
    }
    // an ellipsis inside a line marks an omission more often than a sentence end: it does not split
    const terminalMark = (TERMINAL.has(t.text) && t.text !== "…") || (t.kind === "word" && t.text.endsWith(".") && t.text.length > 2);
    if (!terminalMark) continue;
    // closing quotes and brackets that hug the mark belong to this sentence
    let j = i;
    while (j + 1 < tokens.length && lineOf[j + 1] === lineOf[i] && tokens[j + 1]!.start === tokens[j]!.end) {
      const n = tokens[j + 1]!;
      if ((n.kind === "quote" && roles[j + 1] !== "open") || CLOSE_BRACKETS.has(n.text) || TERMINAL.has(n.text)) j++;
      else break;
    }
    const after = tokens[j + 1];
    if (!after) continue;
    if (lineOf[j + 1] !== lineOf[i]) {
      i = j - 1; // the line-break rule handles the token before the break
      continue;
    }
    if (after.start === tokens[j]!.end) continue; // no space: nos.nl, 3.500, "?"-
    const opens = (after.kind === "quote" && roles[j + 1] === "open") || OPEN_BRACKETS.has(after.text) ||
      after.text === "-" || after.text === "–" || after.text === "—";
    if (!(isUpperStart(after.text) || opens)) continue;
    if (!endsSentence(doc, lex, i, abbr)) continue;
    push(j);
    i = j;
  }

  // flags and quote membership
  let q = 0;
  for (const s of sentences) {
    let lastReal: Token | undefined;
    for (let k = s.tokenEnd - 1; k >= s.tokenStart && !lastReal; k--) {
      const t = tokens[k]!;
      if (t.kind !== "quote" && !CLOSE_BRACKETS.has(t.text)) lastReal = t;
    }
    const count = s.tokenEnd - s.tokenStart;
    let quoted = false;
    for (let k = s.tokenStart; k < s.tokenEnd && !quoted; k++) quoted = tokens[k]!.kind === "quote";
    s.question = lastReal?.text === "?";
    const line = lineList[lineOf[s.tokenStart]!]!;
    const wholeLine = line.start === s.start && line.end === s.end;
    const closes = lastReal ? TERMINAL.has(lastReal.text) || /^\.{2,}$/.test(lastReal.text) : false;
    s.heading = wholeLine && (!closes || (s.question && count <= 12 && !quoted));
    while (q < doc.quotes.length && doc.quotes[q]!.end <= s.start) q++;
    for (let k = q; k < doc.quotes.length && doc.quotes[k]!.start < s.end; k++) {
      if (doc.quotes[k]!.end > s.start) s.quotes.push(k);
    }
  }
  doc.sentences = sentences;
}

export const segment: Stage = (doc, ctx) => segmentDoc(doc, ctx.lang.segment);
