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

/**
 * Real text nests quotes two or three deep, and a long paragraph of apostrophes read as opening marks
 * leaves a dozen open (a CoNLL report: 9); beyond this many open quotes a further opening mark is not
 * taken as a quote (a run of „„„… or a quote opened in every sentence and never closed would otherwise
 * put every sentence inside thousands of quotes). Output on the bench corpora is the same as unbounded.
 */
const MAX_OPEN_QUOTES = 16;

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
      // (a loop, not findIndex: a closure over `family` would make every pass of the token loop allocate
      // a context for it, 40 bytes a token)
      let keep = -1;
      if (reopens) for (let k = 0; k < stack.length && keep < 0; k++) if (stack[k]!.family === family) keep = k;
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
    } else if (role === "open" && stack.length < MAX_OPEN_QUOTES) stack.push({ family, token: i });
  }
  for (let k = stack.length - 1; k >= 0; k--) finish(stack[k]!.token, null, paraEnds[para]!);
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  return quotes;
}

function opensAfter(t: Token, role: QuoteRole): boolean {
  return (t.kind === "quote" && role === "open") || OPEN_BRACKETS.has(t.text) || t.text === "-" || t.text === "–" || t.text === "—";
}

function isTerminalMark(t: Token): boolean {
  // asked of every token: by character code, not by a set of strings ("." "!" "?" of TERMINAL; an ellipsis
  // is no end mark inside a line). No word token is a bare mark, so a word only ends in a full stop.
  const x = t.text;
  if (t.kind === "word") return x.length > 2 && x.charCodeAt(x.length - 1) === 46;
  if (x.length !== 1) return false;
  const c = x.charCodeAt(0);
  return c === 46 || c === 33 || c === 63;
}

function endsSentence(doc: Doc, lex: SegmentLexicon, i: number, abbr: (w: string) => boolean): boolean {
  const { tokens } = doc;
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (!next) return true;
  const prev = tokens[i - 1];
  const nextLower = next.text.toLowerCase();
  // an opening quote with a capital after it, apart from the full stop, opens a sentence: 'in Naples, Fla. "It …'
  const after = tokens[i + 2];
  const isStarter =
    lex.sentenceStarters.includes(nextLower) ||
    (next.kind === "quote" && next.start > t.end && !!after && after.start === next.end && /^\p{Lu}/u.test(after.text));
  if (t.kind === "word" && t.text.endsWith(".") && t.text.length > 1) {
    // a dotted abbreviation that took its own full stop: U.S. / o.a.
    const bare = t.text.slice(0, -1);
    return lex.sentenceFinalAbbreviations.includes(bare) && isStarter;
  }
  if (t.text !== "." ) return true;
  if (!prev || prev.end !== t.start || prev.kind !== "word") return true;
  // a title inside a compound keeps its abbreviation: then-Gov. Bill Clinton, ex-Min. Jansen
  // the part after the last hyphen, found from the end (a pattern anchored at $ would rescan the word from
  // every hyphen: quadratic in a very long hyphenated word)
  const w = prev.text.slice(Math.max(prev.text.lastIndexOf("-"), prev.text.lastIndexOf("‑")) + 1);
  // an initial (H. Bouwmeester), unless a capitalised pronoun follows: Dutch and Belgian papers name a
  // suspect by first name and initial ("Mohammed B."), and the next sentence often opens with "Hij"
  if (/^\p{Lu}$/u.test(w)) return /^\p{Lu}/u.test(next.text) && lex.subjectPronouns.includes(nextLower);
  if (lex.sentenceFinalAbbreviations.includes(w) || lex.sentenceFinalAbbreviations.includes(w.toLowerCase())) return isStarter;
  if (abbr(w)) return false;
  if (next.kind === "number" && lex.abbreviationsBeforeNumber.includes(w)) return false;
  if (next.kind === "number" && lex.abbreviationsBeforeNumber.includes(w.toLowerCase())) return false;
  return true;
}

const abbreviationTests = new WeakMap<SegmentLexicon, (w: string) => boolean>();
/** Whether a word is one of the lexicon's abbreviations (written with a capital: as written; else in any case); made once per lexicon. */
function abbreviationTest(lex: SegmentLexicon): (w: string) => boolean {
  let test = abbreviationTests.get(lex);
  if (!test) {
    const exact = new Set(lex.abbreviations.filter((a) => /\p{Lu}/u.test(a)));
    const folded = new Set(lex.abbreviations.filter((a) => !/\p{Lu}/u.test(a)));
    abbreviationTests.set(lex, (test = (w: string) => exact.has(w) || folded.has(w.toLowerCase())));
  }
  return test;
}

export function segmentDoc(doc: Doc, lex: SegmentLexicon): void {
  const { text } = doc;
  const lineList = lines(text);
  const tokens: Token[] = [];
  // every line's tokens straight into the one list, with no list per line to copy from; where each line's
  // tokens begin, so that the line of every token is filled in at once (no growing list of numbers)
  const lineFirst = new Int32Array(lineList.length + 1);
  for (let li = 0; li < lineList.length; li++) {
    const l = lineList[li]!;
    lineFirst[li] = tokens.length;
    tokenize(text, lex, l.start, l.end, tokens);
  }
  lineFirst[lineList.length] = tokens.length;
  doc.tokens = tokens;
  const lineOf = new Int32Array(tokens.length);
  for (let li = 0; li < lineList.length; li++) lineOf.fill(li, lineFirst[li]!, lineFirst[li + 1]!);
  const paraSpans: Span[] = [];
  for (const l of lineList) {
    const p = paraSpans[l.paragraph];
    if (p) p.end = l.end;
    else paraSpans[l.paragraph] = { start: l.start, end: l.end };
  }
  doc.paragraphs = paraSpans;

  const roles = tokens.map((t) => (t.kind === "quote" ? quoteRole(text, t) : ("none" as QuoteRole)));
  doc.quotes = pairQuotes(doc, roles, lineOf, lineList);

  const abbr = abbreviationTest(lex);

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
    if (!isTerminalMark(t)) continue;
    // closing quotes and brackets that hug the mark belong to this sentence
    let j = i;
    while (j + 1 < tokens.length && lineOf[j + 1] === lineOf[i] && tokens[j + 1]!.start === tokens[j]!.end) {
      const n = tokens[j + 1]!;
      if ((n.kind === "quote" && roles[j + 1] !== "open") || CLOSE_BRACKETS.has(n.text) || TERMINAL.has(n.text)) j++;
      else break;
    }
    // Every mark in i+1..j hugs the same run and sees the same token after it, so the outcome for those
    // marks is settled here too and the scan resumes after the run: a run of n marks (!!!…, ?”?”…) costs
    // n steps, not n²/2.
    const after = tokens[j + 1];
    if (!after) {
      i = Math.max(i, j - 1);
      continue;
    }
    if (lineOf[j + 1] !== lineOf[i]) {
      i = j - 1; // the line-break rule handles the token before the break
      continue;
    }
    if (after.start === tokens[j]!.end || !(isUpperStart(after.text) || opensAfter(after, roles[j + 1]!))) {
      // no space (nos.nl, 3.500, "?"-), or no capital or opening mark after the run
      i = Math.max(i, j - 1);
      continue;
    }
    // where this mark (an abbreviation's full stop) does not end the sentence, a later mark of the run may: "Mr.!"
    let ends = endsSentence(doc, lex, i, abbr);
    for (let k = i + 1; k <= j && !ends; k++) ends = isTerminalMark(tokens[k]!) && endsSentence(doc, lex, k, abbr);
    if (!ends) {
      i = Math.max(i, j - 1);
      continue;
    }
    push(j);
    i = j;
  }

  // flags and quote membership: quotes enter `active` when they start before the sentence ends and leave
  // it once they end before a sentence starts, so each quote is added and dropped once
  const quotes = doc.quotes;
  let nextQuote = 0;
  let active: number[] = [];
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
    while (nextQuote < quotes.length && quotes[nextQuote]!.start < s.end) active.push(nextQuote++);
    if (active.length) {
      active = active.filter((k) => quotes[k]!.end > s.start);
      for (const k of active) s.quotes.push(k);
    }
  }
  doc.sentences = sentences;
}

export const segment: Stage = (doc, ctx) => segmentDoc(doc, ctx.lang.segment);
