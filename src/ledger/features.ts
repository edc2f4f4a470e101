import type { Lang } from "../model/doc.js";
import { ledgerLexicon } from "./lang.js";
import type { LedgerLexicon } from "./lexicon.js";
import { conceptsOf } from "./concepts.js";
import { bounded, type Bounded } from "./bounded.js";

/** What a claim's wording says that matters for comparing it with other claims (language-independent). */
export interface ClaimFeatures {
  /** Opposition name → the state the claim asserts (after negation), with the words that say it. */
  states?: Record<string, { label: string; words: string }>;
  /** The claim runs against something said before ("ondenkbaar dat", "however"). */
  counter?: boolean;
  /** A denial that points back at an earlier statement ("die cijfers", "the ministry's account"). */
  backRef?: boolean;
  /** Themes the claim affirms (not negated), and themes it mentions only negated. */
  themes?: string[];
  negThemes?: string[];
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case without diacritics; keeps the length of Latin text so offsets stay comparable. */
export function fold(s: string): string {
  // a claim's text is folded by its wording features and again by the test of whether it may take part in
  // a contradiction, one right after the other: the same string, known by a comparison of references
  if (s === lastIn) return lastOut;
  lastIn = s;
  // ASCII has nothing to decompose or strip; most claims are ASCII and skip both passes. (A word, folded
  // by the thousand, is looked through by its codes: the expression's call cost more than its reading.)
  if (s.length <= 32 ? asciiOnly(s) : !NON_ASCII.test(s)) return (lastOut = s.toLowerCase());
  // Most text beyond ASCII is so only by its quotes and dashes (’ “ – …), which decomposition leaves alone:
  // such text is only lower-cased, without the two passes
  if (plainBeyondAscii(s)) return (lastOut = s.toLowerCase());
  return (lastOut = s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase());
}
let lastIn = "", lastOut = "";

/**
 * Per UTF-16 unit: 1 when canonical decomposition leaves it as it is and it is no mark (so a text of such
 * units is its own decomposition, with no mark to strip), 2 when not (surrogates included), 0 until asked.
 */
const plainUnits = new Uint8Array(0x10000);
const MARK = /\p{M}/u;

function plainBeyondAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    let p = plainUnits[c]!;
    if (p === 0) {
      const ch = String.fromCharCode(c);
      plainUnits[c] = p = (c >= 0xd800 && c <= 0xdfff) || ch.normalize("NFD") !== ch || MARK.test(ch) ? 2 : 1;
    }
    if (p === 2) return false;
  }
  return true;
}

function asciiOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

interface Compiled {
  lex: LedgerLexicon;
  /** Every pattern of the lexicon in one expression: most claims match none, and one pass rules them out. */
  any: Bounded;
  /**
   * The literal strings of which every match of `any` contains at least one, as one expression (null
   * when a pattern has none): it rules out most claims several times faster than `any`, which tries the
   * alternation of every pattern at each word.
   */
  needles: RegExp | null;
  opp: { name: string; a: Bounded; b: Bounded; la: string; lb: string; about?: string }[];
  counter: Bounded | null;
  backRef: Bounded | null;
  themes: { name: string; re: Bounded }[];
  negators: Set<string>;
  multiNeg: string[];
}

/** Whole-word expressions, compiled only once a text holds the bare pattern (src/ledger/bounded.ts). */
function alt(patterns: string[]): Bounded | null {
  return bounded(patterns, "gu");
}

const cache = new Map<Lang, Compiled>();
function compiled(lang: Lang): Compiled {
  let c = cache.get(lang);
  if (!c) {
    const lex = ledgerLexicon(lang);
    const all = [...lex.oppositions.flatMap((o) => [...o.a.patterns, ...o.b.patterns]), ...lex.counter, ...lex.backRef, ...lex.themes.flatMap((t) => t.patterns)];
    c = {
      lex,
      any: alt(all)!,
      needles: needlesOf(all),
      opp: lex.oppositions.map((o) => ({ name: o.name, a: alt(o.a.patterns)!, b: alt(o.b.patterns)!, la: o.a.label, lb: o.b.label, ...(o.about && { about: o.about }) })),
      counter: alt(lex.counter),
      backRef: alt(lex.backRef),
      themes: lex.themes.map((t) => ({ name: t.name, re: alt(t.patterns)! })),
      negators: new Set(lex.negators.filter((n) => !n.includes(" "))),
      multiNeg: lex.negators.filter((n) => n.includes(" ")),
    };
    cache.set(lang, c);
  }
  return c;
}

/**
 * Literals of which every match of a pattern contains at least one. Consecutive plain items multiply
 * out ("(?:go|going) on" → "go on", "going on"); of a sequence the chain with the longest words counts; a group or an alternation gives the union over its alternatives. Classes, escapes, lookaround
 * and repeated items break a chain, which only makes the filter weaker, never wrong. Null when some
 * alternative requires no literal at all.
 */
function requiredLiterals(src: string): string[] | null {
  interface Part {
    /** One of these occurs in every match. */
    req: string[] | null;
    /** Every string the part matches, when it is plain text. */
    exact: string[] | null;
  }
  let i = 0;
  const fail = (): never => {
    throw new Error(`cannot read pattern ${src}`);
  };
  const alternation = (): Part => {
    const alts = [sequence()];
    while (src[i] === "|") {
      i++;
      alts.push(sequence());
    }
    const union = (l: (string[] | null)[]) => (l.some((x) => x === null) ? null : [...new Set(l.flat() as string[])]);
    return { req: union(alts.map((a) => a.req)), exact: union(alts.map((a) => a.exact)) };
  };
  const quantifier = (): { min: number; max: number } | null => {
    const ch = src[i];
    let q: { min: number; max: number };
    if (ch === "?") q = { min: 0, max: 1 };
    else if (ch === "*") q = { min: 0, max: Infinity };
    else if (ch === "+") q = { min: 1, max: Infinity };
    else if (ch === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return fail();
      q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity };
      i += m[0].length - 1;
    } else return null;
    i++;
    if (src[i] === "?") i++;
    return q;
  };
  const sequence = (): Part => {
    let best: string[] | null = null;
    let bestScore = 0;
    const offer = (l: string[] | null) => {
      if (!l || !l.length) return;
      // Long words say more than short strings of little words ("van de", "has"): the longest word of
      // the weakest string counts first, its length breaks ties.
      const score = Math.min(...l.map((x) => Math.max(...x.split(" ").map((w) => w.length)) * 1000 + x.length));
      if (score > bestScore) [best, bestScore] = [l, score];
    };
    let chain: string[] = [""];
    let exact = true;
    const endChain = () => {
      offer(chain);
      chain = [""];
    };
    const extend = (set: string[]) => {
      if (chain.length * set.length > 64) {
        endChain();
        exact = false;
      }
      chain = [...new Set(chain.flatMap((a) => set.map((b) => a + b)))];
    };
    while (i < src.length && src[i] !== "|" && src[i] !== ")") {
      const ch = src[i]!;
      let item: Part = { req: null, exact: null };
      let zeroWidth = false;
      if (ch === "(") {
        i++;
        if (src[i] === "?") {
          if (src[i + 1] === ":") i += 2;
          else if (src[i + 1] === "=" || src[i + 1] === "!") [i, zeroWidth] = [i + 2, true];
          else if (src[i + 1] === "<" && (src[i + 2] === "=" || src[i + 2] === "!")) [i, zeroWidth] = [i + 3, true];
          else if (src[i + 1] === "<") i = src.indexOf(">", i) + 1 || fail();
          else fail();
        }
        const inner = alternation();
        if (src[i] !== ")") fail();
        i++;
        if (!zeroWidth) item = inner;
      } else if (ch === "[") {
        i++;
        if (src[i] === "]") i++;
        while (i < src.length && src[i] !== "]") i += src[i] === "\\" ? 2 : 1;
        if (src[i] !== "]") fail();
        i++;
      } else if (ch === "\\") {
        const e = src[i + 1] ?? fail();
        i += 2;
        if (/[^\p{L}\p{N}\s]/u.test(e)) item = { req: [e], exact: [e] };
        else if ((e === "p" || e === "P" || e === "u") && src[i] === "{") i = src.indexOf("}", i) + 1 || fail();
        else if (e === "u") i += 4;
        else if (e === "x") i += 2;
        else if (e === "c") i += 1;
        else if (/[1-9k]/.test(e)) fail(); // back-references are not read here
      } else if ("?*+{}]".includes(ch)) {
        fail();
      } else {
        if (ch !== "." && ch !== "^" && ch !== "$") item = { req: [ch], exact: [ch] };
        i++;
      }
      const q = quantifier();
      if (q) {
        if (q.min === 0 && q.max === 1 && item.exact) item = { req: null, exact: [...new Set([...item.exact, ""])] };
        else item = { req: q.min >= 1 ? item.req : null, exact: null };
      }
      if (item.exact) extend(item.exact);
      else if (!zeroWidth) {
        endChain();
        exact = false;
        offer(item.req);
      }
    }
    const whole = chain;
    endChain();
    return { req: best, exact: exact ? whole : null };
  };
  const out = alternation();
  if (i !== src.length) fail();
  return out.req;
}

function needlesOf(patterns: string[]): RegExp | null {
  const all: string[] = [];
  try {
    for (const p of patterns) {
      const l = requiredLiterals(p);
      if (!l) return null;
      all.push(...l);
    }
  } catch {
    return null;
  }
  // A needle that contains another is implied by it.
  const uniq = [...new Set(all)];
  const kept = uniq.filter((n) => !uniq.some((m) => m !== n && n.includes(m)));
  return new RegExp(kept.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"));
}

/** Is the match at `at` negated by one of the three words before it? */
function negated(c: Compiled, text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const words = before.split(/[^\p{L}']+/u).filter(Boolean).slice(-3);
  for (const w of words) if (c.negators.has(w) || (c.negators.has("n't") && w.endsWith("n't"))) return true;
  return c.multiNeg.some((m) => before.endsWith(m + " "));
}

/**
 * Is the state word at `at` (in folded text) an act the clause says someone is accused of ("verdacht …
 * twee mensen te hebben doodgeschoten")? Looks back over its clause only, a bounded window.
 */
export function accusedAct(lex: LedgerLexicon, text: string, at: number): boolean {
  const acc = lex.accusedOf;
  if (!acc) return false;
  const before = text.slice(Math.max(0, at - ACCUSED_WINDOW), at);
  const clause = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":"), before.lastIndexOf("."), before.lastIndexOf("(")) + 1);
  const words = clause.split(/[^\p{L}']+/u).filter(Boolean);
  const tail = words.join(" ");
  if (!acc.closes.some((c) => tail === c || tail.endsWith(" " + c))) return false;
  return words.some((w) => acc.cues.includes(w));
}
const ACCUSED_WINDOW = 140;

/**
 * Texts whose features were read lately: a claim's are asked by the contradictions stage twice, then by its
 * fusion keys (and by the store). By text, not by claim object: an entry in a weak map for every claim cost
 * more than the lookups it saved, and features follow from the text and language alone. Bounded by the
 * characters held (a report's claims and more).
 */
const memo = new Map<string, { lang: Lang; f: ClaimFeatures }>();
let memoChars = 0;

/** Features of a claim, computed once even when the stage and the store both ask (callers share the object: never changed). */
export function featuresOf(claim: { text: string }, lang: Lang): ClaimFeatures {
  const text = claim.text;
  const m = memo.get(text);
  if (m !== undefined && m.lang === lang) return m.f;
  const f = claimFeatures(text, lang);
  if (memoChars > 1 << 18) {
    memo.clear();
    memoChars = 0;
  }
  memo.set(text, { lang, f });
  memoChars += text.length;
  return f;
}

/**
 * Every whole-word match of a group's expression, left to right: what `Bounded.all` gives, read with the
 * group's one compiled expression. (`matchAll` reads with a copy of the expression it is given: a copy made
 * for every claim, and one that V8 compiled again, at about half a millisecond, whenever its cache of
 * compiled expressions had let the copy's source go.)
 */
function allMatches(b: Bounded, text: string): RegExpExecArray[] {
  if (!b.maybe(text)) return [];
  const re = b.re;
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // (an empty match moves on by a character, as matchAll does: by a code point under the u flag)
    if (m[0] === "") re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}

export function claimFeatures(text: string, lang: Lang): ClaimFeatures {
  const c = compiled(lang);
  const t = fold(text);
  const f: ClaimFeatures = {};
  if (c.needles && !c.needles.test(t)) return f;
  // the bare patterns: a claim without a whole-word match finds none below either, and f stays empty
  if (!c.any.maybe(t)) return f;
  const sameLength = t.length === text.length;
  const words = (m: RegExpExecArray) => (sameLength ? text.slice(m.index, m.index + m[0].length) : m[0]).trim();
  for (const o of c.opp) {
    const seen = new Map<string, string>();
    for (const [re, label, other] of [
      [o.a, o.la, o.lb],
      [o.b, o.lb, o.la],
    ] as const) {
      for (const m of allMatches(re, t)) {
        if (accusedAct(c.lex, t, m.index)) continue;
        const l = negated(c, t, m.index) ? other : label;
        if (!seen.has(l)) seen.set(l, words(m));
      }
    }
    // A claim that names both states ("not independent but under command") is left to the reader; an
    // opposition about one thing (the suspect caught or at large) holds only for claims that name it.
    if (seen.size === 1 && o.about && !conceptsOf(text, lang).some((h) => h.concept === o.about)) continue;
    if (seen.size === 1) {
      const [label, w] = [...seen][0]!;
      (f.states ??= {})[o.name] = { label, words: w };
    }
  }
  if (c.counter?.test(t)) f.counter = true;
  if (c.backRef?.test(t)) f.backRef = true;
  for (const th of c.themes) {
    const ms = allMatches(th.re, t);
    if (!ms.length) continue;
    if (ms.some((m) => !negated(c, t, m.index))) (f.themes ??= []).push(th.name);
    else (f.negThemes ??= []).push(th.name);
  }
  return f;
}
