// Shared by the times and counts stages: a fine tokeniser (letter runs, digit runs, single marks) and a
// number reader over it. Both are language-blind; the words come from a NumberLexicon.

export interface NumberLexicon {
  /** Cardinal words and their values: "twelve" 12, "twaalf" 12, "vierentwintig" 24. */
  words: Record<string, number>;
  /** Multipliers that follow a number: "hundred" 100, "duizend" 1000, "million" 1e6. */
  scales: Record<string, number>;
  /** Words that join parts of a written number: "and" (one hundred and five). */
  joiners: string[];
  /** Indefinite articles that read as "one" before a unit or a casualty noun: "a", "an", "een". */
  articles: string[];
  /** Phrases that add a half: "and a half", "en een half". */
  andAHalf: string[];
  /** Whole words with a fractional value: "anderhalf" 1.5. */
  fractions: Record<string, number>;
  /** "," or "." — the other one groups thousands (3.500 in Dutch, 1,200 in English). */
  decimalMark: "," | ".";
  /**
   * Numbers above a thousand are written as one word around their scale (Dutch "twintigduizend",
   * "honderdduizend", "tweemiljoenvijfhonderdduizend"): a word is read as [number]scale[number].
   */
  compoundScales?: boolean;
}

export interface Tok {
  s: number;
  e: number;
  /** Lower-cased text. */
  t: string;
  raw: string;
  /** Whitespace (or start of text) before the token. */
  sp: boolean;
  kind: "w" | "d" | "p";
  /** Id of `t` in the phrase vocabulary (-1: in no phrase), valid while `v` equals the vocabulary's version. */
  id?: number;
  v?: number;
  /** The value of a one-word compound number ("twintigduizend"), null when the word is none; set when first read. */
  cn?: number | null;
  /** `hashOf(t)`, computed while scanning when the token is ASCII; -1 (or absent): not yet computed. */
  h?: number;
}

// Every word of every phrase table gets a small integer id; a token looks its text up once and the tables
// then step by id, so the many tables tried at each token cost an integer lookup each, not a string hash.
const VOCAB = new Map<string, number>();
let vocabVersion = 0;
// The first look-up of a token's text cost more than the tables that step by id: a fresh string has no
// hash yet, and V8 hashes it in a pass of its own. The tokeniser hashes a token's characters as it scans
// them (hashOf, the same function), and the token finds its id in this open-addressing table of
// vocabulary ids (id + 1; 0 is an empty slot), compared by string only on a hash hit.
const WORDS: string[] = [];
let slots = new Int32Array(1024);
// the hash of each slot's word: a probe that meets another word is turned away by an integer compare, not
// a string compare (a token's fresh string has no hash of its own for V8 to compare first)
let slotHash = new Int32Array(1024);
let slotMask = slots.length - 1;
const FNV = 0x811c9dc5 | 0;
const fnv = (h: number, c: number) => Math.imul(h ^ c, 16777619);
/** FNV-1a over the UTF-16 code units, kept to 30 bits (a small integer for V8, never -1). */
export function hashOf(s: string): number {
  let h = FNV;
  for (let i = 0; i < s.length; i++) h = fnv(h, s.charCodeAt(i));
  return h & 0x3fffffff;
}
function place(id: number, h: number): void {
  let k = h & slotMask;
  while (slots[k] !== 0) k = (k + 1) & slotMask;
  slots[k] = id + 1;
  slotHash[k] = h;
}
function intern(w: string): number {
  let id = VOCAB.get(w);
  if (id === undefined) {
    VOCAB.set(w, (id = VOCAB.size));
    WORDS.push(w);
    // at most half full: a miss ends at an empty slot after a probe or two
    if (WORDS.length * 2 > slots.length) {
      slots = new Int32Array(slots.length * 2);
      slotHash = new Int32Array(slots.length);
      slotMask = slots.length - 1;
      for (let k = 0; k < WORDS.length; k++) place(k, hashOf(WORDS[k]!));
    } else place(id, hashOf(w));
    vocabVersion++;
  }
  return id;
}
function lookup(w: string, h: number): number {
  for (let k = h & slotMask; ; k = (k + 1) & slotMask) {
    const x = slots[k]!;
    if (x === 0) return -1;
    if (slotHash[k] === h && WORDS[x - 1] === w) return x - 1;
  }
}
/**
 * The vocabulary id of the ASCII token text[s, e) lower-cased, whose hashOf is h, or -1: compared in place,
 * so that a word of the vocabulary needs no string of its own (the tokeniser takes the vocabulary's).
 */
function lookupAt(text: string, s: number, e: number, h: number): number {
  const n = e - s;
  for (let k = h & slotMask; ; k = (k + 1) & slotMask) {
    const x = slots[k]!;
    if (x === 0) return -1;
    if (slotHash[k] !== h) continue;
    const w = WORDS[x - 1]!;
    if (w.length !== n) continue;
    let i = 0;
    for (; i < n; i++) {
      let c = text.charCodeAt(s + i);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== w.charCodeAt(i)) break;
    }
    if (i === n) return x - 1;
  }
}
/** The id of a word in the phrase vocabulary, adding it: for callers that index their own tables by id. */
export const wordId = intern;
/** The vocabulary id of a token's text, or -1. */
export function tokId(t: Tok): number {
  return idOf(t);
}
function idOf(t: Tok): number {
  if (t.v !== vocabVersion) {
    let h = t.h;
    if (h === undefined || h < 0) t.h = h = hashOf(t.t);
    t.id = lookup(t.t, h);
    t.v = vocabVersion;
  }
  return t.id!;
}

// one alternative per class, each consuming at least one character: linear on any input
const FINE = /([\p{L}\p{M}]+)|(\p{Nd}+)|\S/gu;

// code point classes of FINE: 0 white space (skipped), 1 letter or mark, 2 decimal digit, 3 anything else
const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{Nd}$/u;
const SPACE = /^\s$/u;
const classes = new Map<number, number>();
// ASCII, nearly every character of a report, by one array read instead of a chain of comparisons
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : c === 32 || (c >= 9 && c <= 13) ? 0 : 3;
}
function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  let k = classes.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    // a lone surrogate is one "anything else" mark, as FINE reads it
    k = cp >= 0xd800 && cp <= 0xdfff ? 3 : LETTER.test(ch) ? 1 : DIGIT.test(ch) ? 2 : SPACE.test(ch) ? 0 : 3;
    classes.set(cp, k);
  }
  return k;
}

/** Splits text into letter runs, digit runs and single marks (the tokens FINE matches), by code point. */
export function fineTokens(text: string, from = 0, to = text.length): Tok[] {
  if (from !== 0) return fineTokensRe(text, from, to);
  const out: Tok[] = [];
  const n = text.length;
  let prevEnd = -1;
  let i = 0;
  while (i < n && i < to) {
    let cp = text.charCodeAt(i);
    let w = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) (cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000), (w = 2);
    }
    const k = classOf(cp);
    if (k === 0) {
      i += w;
      continue;
    }
    const s = i;
    i += w;
    // a word needs lower-casing only when it holds a capital or a letter outside ASCII
    let fold = cp < 97 || cp > 122;
    // an ASCII capital: the text differs from its lower-cased form
    let upper = cp >= 65 && cp <= 90;
    // hashOf of the lower-cased text, for ASCII tokens (lower-casing maps A-Z only, one unit for one)
    let ascii = cp < 128;
    let h = ascii ? fnv(FNV, cp >= 65 && cp <= 90 ? cp + 32 : cp) : 0;
    if (k !== 3) {
      while (i < n) {
        let c2 = text.charCodeAt(i);
        let w2 = 1;
        if (c2 >= 0xd800 && c2 <= 0xdbff && i + 1 < n) {
          const lo = text.charCodeAt(i + 1);
          if (lo >= 0xdc00 && lo <= 0xdfff) (c2 = (c2 - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000), (w2 = 2);
        }
        if (classOf(c2) !== k) break;
        if (c2 < 97 || c2 > 122) fold = true;
        if (c2 >= 65 && c2 <= 90) (upper = true), (h = fnv(h, c2 + 32));
        else if (c2 < 128) h = fnv(h, c2);
        else ascii = false;
        i += w2;
      }
    }
    const kind: Tok["kind"] = k === 1 ? "w" : k === 2 ? "d" : "p";
    h &= 0x3fffffff;
    // most tokens of a report are words of the phrase tables ("the", "de", "in", digits and marks): those
    // take the vocabulary's string and id, and a lower-case one needs no slice of the text either
    const id = ascii ? lookupAt(text, s, i, h) : -1;
    if (id >= 0) {
      const w = WORDS[id]!;
      const raw = upper ? text.slice(s, i) : w;
      out.push({ s, e: i, t: w, raw, sp: prevEnd !== s, kind, id, v: vocabVersion, cn: undefined, h });
    } else {
      const raw = text.slice(s, i);
      out.push({ s, e: i, t: kind === "w" && fold ? raw.toLowerCase() : raw, raw, sp: prevEnd !== s, kind, id: -1, v: -1, cn: undefined, h: ascii ? h : -1 });
    }
    prevEnd = i;
  }
  return out;
}

export function fineTokensRe(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  FINE.lastIndex = from;
  let prevEnd = -1;
  for (let m = FINE.exec(text); m && m.index < to; m = FINE.exec(text)) {
    const raw = m[0];
    const s = m.index;
    const kind: Tok["kind"] = m[1] !== undefined ? "w" : m[2] !== undefined ? "d" : "p";
    out.push({ s, e: s + raw.length, t: kind === "w" ? raw.toLowerCase() : raw, raw, sp: prevEnd !== s, kind, id: -1, v: -1, cn: undefined, h: -1 });
    prevEnd = s + raw.length;
  }
  return out;
}

// the times, counts and events stages read the same text one after the other: tokenise it once
let lastText: string | null = null;
let lastToks: Tok[] = [];
export function fineTokensOf(text: string): Tok[] {
  if (text !== lastText) {
    lastToks = fineTokens(text);
    lastText = text;
  }
  return lastToks;
}

/** Index of the first token that starts at or after offset `at`. */
export function tokenAt(toks: readonly Tok[], at: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.s < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A phrase table keyed by fine-token sequences, matched longest first. */
export class Phrases<V> {
  private root: PNode<V> = { next: new Map() };
  constructor(entries: Iterable<[string, V]>) {
    for (const [k, v] of entries) this.add(k, v);
  }
  add(key: string, v: V): void {
    const toks = fineTokens(key);
    if (!toks.length) return;
    let n = this.root;
    for (const t of toks) {
      const id = intern(t.t);
      let c = n.next.get(id);
      if (!c) n.next.set(id, (c = { next: new Map() }));
      n = c;
    }
    n.value = v;
    n.has = true;
  }
  /** Longest entry starting at token i and ending by token `to`: [value, index after it], or null. */
  match(toks: readonly Tok[], i: number, to = toks.length): [V, number] | null {
    let n: PNode<V> | undefined = this.root;
    let best: PNode<V> | null = null;
    let end = 0;
    for (let j = i; j < to; j++) {
      const id = idOf(toks[j]!);
      if (id < 0) break;
      n = n.next.get(id);
      if (!n) break;
      if (n.has) (best = n), (end = j + 1);
    }
    return best ? [best.value as V, end] : null;
  }
}
interface PNode<V> {
  next: Map<number, PNode<V>>;
  value?: V;
  has?: boolean;
}

export interface NumberHit {
  value: number;
  /** Token index after the number. */
  j: number;
  /** Written with digits. */
  digits: boolean;
  /** Read from an indefinite article ("a", "een"). */
  article: boolean;
}

interface CompiledNumbers {
  words: Phrases<number>;
  half: Phrases<true>;
  fractions: Phrases<number>;
  articles: Set<string>;
  joiners: Set<string>;
  /** Own keys only: a word such as "constructor" is no scale. */
  scales: Map<string, number>;
  /** One-word number words by their text, for compounds. */
  single: Map<string, number>;
  /** Scales of a thousand and more, largest first, for compounds. */
  bigScales: [string, number][];
  /** First three letters of the number words and scales a compound can open with: most words are ruled out at once. */
  compoundStarts: Set<string>;
}
const compiled = new WeakMap<NumberLexicon, CompiledNumbers>();
// readNumber runs at nearly every token with the same lexicon: remember the last one
let lastLex: NumberLexicon | null = null;
let lastCompiled: CompiledNumbers | null = null;
function compile(lex: NumberLexicon): CompiledNumbers {
  if (lex === lastLex) return lastCompiled!;
  let c = compiled.get(lex);
  if (!c) {
    c = {
      words: new Phrases(Object.entries(lex.words)),
      half: new Phrases(lex.andAHalf.map((k) => [k, true as const])),
      fractions: new Phrases(Object.entries(lex.fractions)),
      articles: new Set(lex.articles),
      joiners: new Set(lex.joiners),
      scales: new Map(Object.entries(lex.scales)),
      single: new Map(Object.entries(lex.words).filter(([k]) => /^\p{L}+$/u.test(k))),
      bigScales: lex.compoundScales ? Object.entries(lex.scales).filter(([k, v]) => v >= 1000 && /^\p{L}{4,}$/u.test(k)).sort((a, b) => b[1] - a[1]) : [],
      compoundStarts: new Set([...Object.keys(lex.words), ...Object.keys(lex.scales)].filter((k) => /^\p{L}{3,}$/u.test(k)).map((k) => k.slice(0, 3))),
    };
    compiled.set(lex, c);
  }
  lastLex = lex;
  lastCompiled = c;
  return c;
}

/** The multiplier a word stands for ("hundred" 100, "miljoen" 1e6), or undefined. */
export function scaleOf(lex: NumberLexicon, word: string): number | undefined {
  return compile(lex).scales.get(word);
}

/** Reads a number at token i: digits with group/decimal marks, or words ("twee honderd", "twenty-four"). */
export function readNumber(toks: readonly Tok[], i: number, lex: NumberLexicon, allowArticle = false): NumberHit | null {
  const t = toks[i];
  if (!t) return null;
  const c = compile(lex);
  if (t.kind === "d") {
    // the digit run must not be glued to letters before it (A380, MH17)
    if (!t.sp && i > 0 && toks[i - 1]!.kind === "w") return null;
    let text = t.raw;
    let j = i + 1;
    const group = lex.decimalMark === "," ? "." : ",";
    // thousands groups: 3.500, 1,200,000
    const grouped = t.raw.length <= 3;
    // at most six groups (a quintillion): a longer run is no one number, and the bound keeps every call short
    for (let g = 0; grouped && g < 6 && j + 1 < toks.length && toks[j]!.t === group && !toks[j]!.sp && toks[j + 1]!.kind === "d" && !toks[j + 1]!.sp && toks[j + 1]!.raw.length === 3; g++) {
      text += toks[j + 1]!.raw;
      j += 2;
    }
    let value = Number(text);
    if (j + 1 < toks.length && toks[j]!.t === lex.decimalMark && !toks[j]!.sp && toks[j + 1]!.kind === "d" && !toks[j + 1]!.sp) {
      value = Number(`${text}.${toks[j + 1]!.raw}`);
      j += 2;
    }
    const h = c.half.match(toks, j);
    if (h) (value += 0.5), (j = h[1]);
    const sc = scaleAt(toks, j, c);
    if (sc) (value *= sc[0]), (j = sc[1]);
    return { value, j, digits: true, article: false };
  }
  if (t.kind !== "w") return null;
  const f = c.fractions.match(toks, i);
  if (f) {
    // "half a dozen", "een half miljoen": a part of the number after it
    const w = c.words.match(toks, f[1]);
    const sc = w ? null : scaleAt(toks, f[1], c);
    if (w) return { value: f[0] * w[0], j: w[1], digits: false, article: false };
    if (sc) return { value: f[0] * sc[0], j: sc[1], digits: false, article: false };
    return { value: f[0], j: f[1], digits: false, article: false };
  }
  if (c.bigScales.length && t.t.length >= 7) {
    const v = compoundOf(t, c);
    if (v !== null) {
      let value = v;
      let j = i + 1;
      const h = c.half.match(toks, j);
      if (h) (value += 0.5), (j = h[1]);
      return { value, j, digits: false, article: false };
    }
  }
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  let article = false;
  // a written number has few parts; the cap keeps hostile input ("one hundred and one hundred and …") linear
  for (let parts = 0; parts < 8; parts++) {
    const w = c.words.match(toks, j);
    if (w) {
      current += w[0];
      j = w[1];
      any = true;
      // twenty-four, twenty four
      if (j + 1 < toks.length && toks[j]!.t === "-" && !toks[j]!.sp) {
        const w2 = c.words.match(toks, j + 1);
        if (w2 && w2[0] < 10) (current += w2[0]), (j = w2[1]);
      } else {
        const w2 = c.words.match(toks, j);
        if (w2 && w2[0] < 10 && w[0] >= 20 && w[0] % 10 === 0) (current += w2[0]), (j = w2[1]);
      }
    } else if (!any && allowArticle && c.articles.has(toks[j]!.t)) {
      current = 1;
      j++;
      any = true;
      article = true;
    }
    if (!any) return null;
    const sc = scaleAt(toks, j, c);
    if (sc) {
      if (current === 0) current = 1;
      if (sc[0] >= 1000) {
        total += current * sc[0];
        current = 0;
      } else current *= sc[0];
      j = sc[1];
      article = false;
      // one hundred and five
      if (j + 1 < toks.length && c.joiners.has(toks[j]!.t) && c.words.match(toks, j + 1)) {
        j++;
        continue;
      }
      if (c.words.match(toks, j)) continue;
    }
    break;
  }
  let value = total + current;
  const h = c.half.match(toks, j);
  if (h) (value += 0.5), (j = h[1]), (article = false);
  return { value, j, digits: false, article };
}

/** The value of a one-word compound number ("twintigduizend"), or null; remembered on the token, which the stages share. */
function compoundOf(t: Tok, c: CompiledNumbers): number | null {
  if (t.cn === undefined) t.cn = !c.compoundStarts.has(t.t.slice(0, 3)) || c.single.has(t.t) ? null : compoundNumber(t.t, c, 0);
  return t.cn;
}

/** A word that may be a one-word compound number of a language that writes them ("twintigduizend"). */
export function maybeCompound(t: Tok, lex: NumberLexicon): boolean {
  if (!lex.compoundScales || t.kind !== "w" || t.t.length < 7) return false;
  return compoundOf(t, compile(lex)) !== null;
}

/**
 * A one-word number around a scale: "twintigduizend" 20000, "honderdduizend" 100000, "duizendvijfhonderd"
 * 1500. Each scale is looked for once, largest first, and the rest below it: bounded work per word.
 */
function compoundNumber(w: string, c: CompiledNumbers, from: number): number | null {
  if (w.length > 60) return null;
  for (let k = from; k < c.bigScales.length; k++) {
    const [name, scale] = c.bigScales[k]!;
    const at = w.indexOf(name);
    if (at < 0) continue;
    const left = w.slice(0, at), right = w.slice(at + name.length);
    const lv = left === "" ? 1 : (c.single.get(left) ?? compoundNumber(left, c, k + 1));
    if (lv === null || lv <= 0 || lv >= 1000) return null;
    const rv = right === "" ? 0 : (c.single.get(right) ?? compoundNumber(right, c, k + 1));
    if (rv === null || rv >= scale) return null;
    return lv * scale + rv;
  }
  return null;
}

function scaleAt(toks: readonly Tok[], j: number, c: CompiledNumbers): [number, number] | null {
  const t = toks[j];
  if (!t || t.kind !== "w") return null;
  const v = c.scales.get(t.t);
  return v === undefined ? null : [v, j + 1];
}
