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

const lowAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
/** Three ASCII characters as one number (7 bits each), -1 for anything else: a key made without a string. */
export function code3(k: string): number {
  if (k.length !== 3) return -1;
  const a = k.charCodeAt(0), b = k.charCodeAt(1), d = k.charCodeAt(2);
  return a < 128 && b < 128 && d < 128 ? (a << 14) | (b << 7) | d : -1;
}

/** Kinds of fine token (`FineToks.kd`): a letter run, a digit run, a single mark; 0 past the end. */
export const KW = 1, KD = 2, KP = 3;
// bits of FineToks.f
const SP = 1, FOLD = 2, UPPER = 4, ASCII = 8;

/**
 * The fine tokens of a text as parallel typed arrays, not one object per token: the times, counts and events
 * stages read every report's tokens, and an object with its strings per token was a quarter of a gigabyte
 * of garbage over the 10 MB bench corpus. Strings are made only when asked (a word of the phrase tables
 * is the vocabulary's own string). Accessors answer past the end (0, false, "") as the object list's
 * `toks[i]?.x` did, so callers bound-check as before.
 */
export class FineToks {
  text = "";
  length = 0;
  s: Int32Array;
  e: Int32Array;
  /** KW, KD or KP. */
  k: Uint8Array;
  /** SP (white space or start of text before), FOLD (lower-casing changes the text), UPPER (an ASCII capital). */
  f: Uint8Array;
  /** Vocabulary id of the lower-cased text (-1: in no phrase), valid while `v` equals the vocabulary's version. */
  id: Int32Array;
  v: Int32Array;
  /** hashOf the lower-cased text, made while scanning an ASCII token; -1: not yet made. */
  h: Int32Array;
  /** The value of a one-word compound number, read when first asked: NaN not yet, -1 none. */
  cn: Float64Array;
  /** Lower-cased text of tokens outside the vocabulary, made when first asked. */
  private low: (string | undefined)[] = [];
  private lowUsed = 0;
  constructor(cap = 16) {
    this.s = new Int32Array(cap);
    this.e = new Int32Array(cap);
    this.k = new Uint8Array(cap);
    this.f = new Uint8Array(cap);
    this.id = new Int32Array(cap);
    this.v = new Int32Array(cap);
    this.h = new Int32Array(cap);
    this.cn = new Float64Array(cap);
  }
  /** Starts over on another text, keeping the buffers. */
  reset(text: string): void {
    this.text = text;
    this.length = 0;
    // strings of the text before are let go
    this.low.fill(undefined, 0, this.lowUsed);
    this.lowUsed = 0;
  }
  push(s: number, e: number, k: number, f: number, id: number, v: number, h: number): void {
    const n = this.length;
    if (n === this.s.length) this.grow();
    this.s[n] = s;
    this.e[n] = e;
    this.k[n] = k;
    this.f[n] = f;
    this.id[n] = id;
    this.v[n] = v;
    this.h[n] = h;
    this.cn[n] = NaN;
    this.length = n + 1;
  }
  private grow(): void {
    const cap = this.s.length * 2;
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    this.s = i32(this.s);
    this.e = i32(this.e);
    this.k = u8(this.k);
    this.f = u8(this.f);
    this.id = i32(this.id);
    this.v = i32(this.v);
    this.h = i32(this.h);
    const cn = new Float64Array(cap);
    cn.set(this.cn);
    this.cn = cn;
  }
  /** Kind of token i, 0 past either end. */
  kd(i: number): number {
    return i >= 0 && i < this.length ? this.k[i]! : 0;
  }
  /** White space (or the start of the text) before token i; false past either end. */
  sp(i: number): boolean {
    return i >= 0 && i < this.length && (this.f[i]! & SP) !== 0;
  }
  /** Length of token i in UTF-16 units. */
  len(i: number): number {
    return this.e[i]! - this.s[i]!;
  }
  /** Lower-cased text of token i; "" past either end. */
  t(i: number): string {
    if (i < 0 || i >= this.length) return "";
    const id = this.id[i]!;
    if (id >= 0) return WORDS[id]!;
    let x = this.low[i];
    if (x === undefined) {
      const s = this.s[i]!;
      // a mark of one Latin-1 character: V8 answers with a string it keeps, no new one
      if (this.e[i] === s + 1 && this.text.charCodeAt(s) < 256) return this.text[s]!;
      const raw = this.text.slice(this.s[i], this.e[i]);
      x = this.k[i] === KW && this.f[i]! & FOLD ? raw.toLowerCase() : raw;
      while (this.low.length <= i) this.low.push(undefined);
      this.low[i] = x;
      if (i >= this.lowUsed) this.lowUsed = i + 1;
    }
    return x;
  }
  /** Text of token i as written; "" past either end. */
  raw(i: number): string {
    if (i < 0 || i >= this.length) return "";
    if (!(this.f[i]! & (UPPER | FOLD))) return this.t(i);
    return this.text.slice(this.s[i], this.e[i]);
  }
  /** Length of token i's lower-cased text (which only outside ASCII may differ from its length as written). */
  tlen(i: number): number {
    return this.f[i]! & ASCII ? this.e[i]! - this.s[i]! : this.t(i).length;
  }
  /** Token i is all ASCII (as scanned; a token of fineTokensRe is not known to be). */
  isAscii(i: number): boolean {
    return (this.f[i]! & ASCII) !== 0;
  }
  /** For an ASCII token: three units of its lower-cased text from offset `at`, as code3 gives them. */
  low3(i: number, at: number): number {
    const t = this.text, p = this.s[i]! + at;
    return (lowAscii(t.charCodeAt(p)) << 14) | (lowAscii(t.charCodeAt(p + 1)) << 7) | lowAscii(t.charCodeAt(p + 2));
  }
  /** The lower-cased text of token i ends with `suffix`: an ASCII token compared in place, with no string. */
  endsWith(i: number, suffix: string): boolean {
    if (!(this.f[i]! & ASCII)) return this.t(i).endsWith(suffix);
    const n = suffix.length, e = this.e[i]!;
    if (n > e - this.s[i]!) return false;
    for (let k = 0; k < n; k++) if (lowAscii(this.text.charCodeAt(e - n + k)) !== suffix.charCodeAt(k)) return false;
    return true;
  }
  /** The value of a digit token, as `+raw(i)` reads it: a short ASCII run by its codes, with no string. */
  num(i: number): number {
    const s = this.s[i]!, e = this.e[i]!;
    // fifteen digits at most: the sum stays exact, as Number() of the string would read it
    if (!(this.f[i]! & ASCII) || e - s > 15) return +this.raw(i);
    let v = 0;
    for (let p = s; p < e; p++) v = v * 10 + (this.text.charCodeAt(p) - 48);
    return v;
  }
  /** Token i opens with a capital letter (an ASCII one read by its code). */
  cap(i: number): boolean {
    const c = this.text.charCodeAt(this.s[i]!);
    return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(this.raw(i));
  }
  /** Token i is the single mark `ch`. */
  is(i: number, ch: string): boolean {
    return i >= 0 && i < this.length && this.e[i]! - this.s[i]! === ch.length && this.text.startsWith(ch, this.s[i]!);
  }
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
/** The vocabulary id of token i's text, or -1. */
export function tokId(toks: FineToks, i: number): number {
  return idOf(toks, i);
}
function idOf(toks: FineToks, i: number): number {
  if (toks.v[i] !== vocabVersion) {
    let h = toks.h[i]!;
    // (the text before the id: t() answers from the id when it has one)
    const w = toks.t(i);
    if (h < 0) toks.h[i] = h = hashOf(w);
    toks.id[i] = lookup(w, h);
    toks.v[i] = vocabVersion;
  }
  return toks.id[i]!;
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

// lexicon keys are tokenised by the thousand when a language's tables are built, each read at once and let go:
// one list for them all, apart from the report's (a table may be built in the middle of a report)
const keyScratch = new FineToks(64);
/** The fine tokens of a lexicon key, valid until the next key is asked for. */
export function keyTokens(key: string): FineToks {
  return scanFine(key, key.length, (keyScratch.reset(key), keyScratch));
}

/** Splits text into letter runs, digit runs and single marks (the tokens FINE matches), by code point: a list of its own. */
export function fineTokens(text: string, from = 0, to = text.length): FineToks {
  const out = new FineToks();
  out.reset(text);
  if (from !== 0) return fineTokensRe(text, from, to, out);
  return scanFine(text, to, out);
}

function scanFine(text: string, to: number, out: FineToks): FineToks {
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
    // a mark is its own lower-cased text, beyond ASCII too (“ ” — ‘): hashed and looked up in place as well
    let hashed = ascii;
    if (!ascii && k === 3) {
      h = fnv(FNV, text.charCodeAt(s));
      if (i - s === 2) h = fnv(h, text.charCodeAt(s + 1));
      hashed = true;
    }
    h &= 0x3fffffff;
    // most tokens of a report are words of the phrase tables ("the", "de", "in", digits and marks): those
    // take the vocabulary's id, and their text is the vocabulary's string
    const id = hashed ? lookupAt(text, s, i, h) : -1;
    // only a word is lower-cased (FOLD); UPPER: its text as written is not the vocabulary's
    const f = (prevEnd !== s ? SP : 0) | (k === 1 && fold ? FOLD : 0) | (upper ? UPPER : 0) | (ascii ? ASCII : 0);
    // a hashed token's look-up is done, found or not, for this version of the vocabulary: a word outside it
    // is asked for its id again (with a string of its own) only after the vocabulary grows
    out.push(s, i, k, f, id, hashed ? vocabVersion : -1, hashed ? h : -1);
    prevEnd = i;
  }
  return out;
}

export function fineTokensRe(text: string, from: number, to: number, out = new FineToks()): FineToks {
  out.reset(text);
  FINE.lastIndex = from;
  let prevEnd = -1;
  for (let m = FINE.exec(text); m && m.index < to; m = FINE.exec(text)) {
    const raw = m[0];
    const s = m.index;
    const k = m[1] !== undefined ? KW : m[2] !== undefined ? KD : KP;
    // FOLD and UPPER only say whether the text may differ from its lower-cased form: a word is lower-cased
    out.push(s, s + raw.length, k, (prevEnd !== s ? SP : 0) | (k === KW ? FOLD | UPPER : 0), -1, -1, -1);
    prevEnd = s + raw.length;
  }
  return out;
}

// the times, counts and events stages read the same text one after the other: tokenise it once, into
// buffers kept from report to report (valid until the next text is asked for)
const shared = new FineToks(4096);
export function fineTokensOf(text: string): FineToks {
  if (text !== shared.text || shared.length === 0) scanFine(text, text.length, (shared.reset(text), shared));
  return shared;
}

/** Index of the first token that starts at or after offset `at`. */
export function tokenAt(toks: FineToks, at: number): number {
  const st = toks.s;
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (st[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A set of words asked about by token, through the vocabulary: its words are interned, and a token is in it
 * when its id is, so a token outside the vocabulary is turned away without a string of its own.
 */
export class WordSet {
  private ids = new Set<number>();
  constructor(words: Iterable<string>) {
    for (const w of words) this.ids.add(intern(w));
  }
  /** The lower-cased text of token i is one of the words (false past either end). */
  has(toks: FineToks, i: number): boolean {
    if (i < 0 || i >= toks.length) return false;
    const id = idOf(toks, i);
    return id >= 0 && this.ids.has(id);
  }
}

/**
 * One-word entries found at the end of a longer word, as languages that write compounds as one word have
 * them ("tegenaanval" ends in "aanval", "reddingswerkers" in "werkers"): entries of four letters or more,
 * found by the word's last three letters, the longest first.
 */
export class Suffixes<V> {
  readonly size: number;
  private byTail = new Map<string, [string, V][]>();
  /** The same lists by code3 of their three letters when ASCII: an ASCII word is looked up without a string. */
  private byCode = new Map<number, [string, V][]>();
  constructor(entries: Iterable<readonly [string, V]>) {
    const long = [...entries].filter(([w]) => w.length >= 4).sort((a, b) => b[0].length - a[0].length);
    for (const [w, v] of long) {
      const k = w.slice(-3);
      (this.byTail.get(k) ?? this.byTail.set(k, []).get(k)!).push([w, v]);
    }
    for (const [k, l] of this.byTail) if (code3(k) >= 0) this.byCode.set(code3(k), l);
    this.size = long.length;
  }
  /** The longest entry the lower-cased text of token i ends in and is longer than. */
  longest(toks: FineToks, i: number): [string, V] | undefined {
    const n = toks.tlen(i);
    // (every entry has four letters or more, and the word must be longer)
    if (n < 5) return undefined;
    // an ASCII word's tail read from the text, lower-cased by code: most words end in no entry and need no string
    const l = toks.isAscii(i) ? this.byCode.get(toks.low3(i, n - 3)) : this.byTail.get(toks.t(i).slice(-3));
    if (!l) return undefined;
    // (a loop, not find: a closure would cost this call, made for every long word, a context)
    for (const e of l) if (n > e[0].length && toks.endsWith(i, e[0])) return e;
    return undefined;
  }
}

/** A phrase table keyed by fine-token sequences, matched longest first. */
export class Phrases<V> {
  private root: PNode<V> = { next: new Map() };
  constructor(entries: Iterable<[string, V]>) {
    for (const [k, v] of entries) this.add(k, v);
  }
  add(key: string, v: V): void {
    const toks = keyTokens(key);
    if (!toks.length) return;
    let n = this.root;
    for (let i = 0; i < toks.length; i++) {
      const id = intern(toks.t(i));
      let c = n.next.get(id);
      if (!c) n.next.set(id, (c = { next: new Map() }));
      n = c;
    }
    n.value = v;
    n.has = true;
  }
  /** Longest entry starting at token i and ending by token `to`: [value, index after it], or null. */
  match(toks: FineToks, i: number, to = toks.length): [V, number] | null {
    let n: PNode<V> | undefined = this.root;
    let best: PNode<V> | null = null;
    let end = 0;
    for (let j = i; j < to; j++) {
      const id = idOf(toks, j);
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
  /** The ASCII ones of compoundStarts by code3: an ASCII word is ruled out without a string of its own. */
  compoundStartCodes: Set<number>;
  /** Scales by the vocabulary id of their word (every scale is interned): a word outside the vocabulary is none. */
  scaleIds: Map<number, number>;
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
      compoundStartCodes: new Set(),
      scaleIds: new Map(),
    };
    for (const k of c.compoundStarts) if (code3(k) >= 0) c.compoundStartCodes.add(code3(k));
    for (const [k, v] of c.scales) c.scaleIds.set(intern(k), v);
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
export function readNumber(toks: FineToks, i: number, lex: NumberLexicon, allowArticle = false): NumberHit | null {
  if (i < 0 || i >= toks.length) return null;
  const kind = toks.k[i]!;
  const c = compile(lex);
  if (kind === KD) {
    // the digit run must not be glued to letters before it (A380, MH17)
    if (!toks.sp(i) && i > 0 && toks.k[i - 1] === KW) return null;
    let j = i + 1;
    const group = lex.decimalMark === "," ? "." : ",";
    // thousands groups: 3.500, 1,200,000
    const grouped = toks.len(i) <= 3;
    // at most six groups (a quintillion): a longer run is no one number, and the bound keeps every call short
    while (grouped && j - i < 12 && j + 1 < toks.length && toks.is(j, group) && !toks.sp(j) && toks.k[j + 1] === KD && !toks.sp(j + 1) && toks.len(j + 1) === 3) j += 2;
    // the digits of the groups without their marks: one string only when the number is grouped
    let text = toks.raw(i);
    for (let g = i + 2; g < j; g += 2) text += toks.raw(g);
    let value = Number(text);
    if (j + 1 < toks.length && toks.is(j, lex.decimalMark) && !toks.sp(j) && toks.k[j + 1] === KD && !toks.sp(j + 1)) {
      value = Number(`${text}.${toks.raw(j + 1)}`);
      j += 2;
    }
    const h = c.half.match(toks, j);
    if (h) (value += 0.5), (j = h[1]);
    const sc = scaleAt(toks, j, c);
    if (sc) (value *= sc[0]), (j = sc[1]);
    return { value, j, digits: true, article: false };
  }
  if (kind !== KW) return null;
  const f = c.fractions.match(toks, i);
  if (f) {
    // "half a dozen", "een half miljoen": a part of the number after it
    const w = c.words.match(toks, f[1]);
    const sc = w ? null : scaleAt(toks, f[1], c);
    if (w) return { value: f[0] * w[0], j: w[1], digits: false, article: false };
    if (sc) return { value: f[0] * sc[0], j: sc[1], digits: false, article: false };
    return { value: f[0], j: f[1], digits: false, article: false };
  }
  if (c.bigScales.length && toks.tlen(i) >= 7) {
    const v = compoundOf(toks, i, c);
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
      if (j + 1 < toks.length && toks.is(j, "-") && !toks.sp(j)) {
        const w2 = c.words.match(toks, j + 1);
        if (w2 && w2[0] < 10) (current += w2[0]), (j = w2[1]);
      } else {
        const w2 = c.words.match(toks, j);
        if (w2 && w2[0] < 10 && w[0] >= 20 && w[0] % 10 === 0) (current += w2[0]), (j = w2[1]);
      }
    } else if (!any && allowArticle && c.articles.has(toks.t(j))) {
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
      if (j + 1 < toks.length && c.joiners.has(toks.t(j)) && c.words.match(toks, j + 1)) {
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
function compoundOf(toks: FineToks, i: number, c: CompiledNumbers): number | null {
  let v = toks.cn[i]!;
  // (length >= 3: every caller asks about words of seven letters or more)
  if (v !== v && toks.isAscii(i) && !c.compoundStartCodes.has(toks.low3(i, 0))) toks.cn[i] = v = -1;
  if (v !== v) {
    const w = toks.t(i);
    toks.cn[i] = v = (!c.compoundStarts.has(w.slice(0, 3)) || c.single.has(w) ? null : compoundNumber(w, c, 0)) ?? -1;
  }
  return v === -1 ? null : v;
}

/** A word that may be a one-word compound number of a language that writes them ("twintigduizend"). */
export function maybeCompound(toks: FineToks, i: number, lex: NumberLexicon): boolean {
  if (!lex.compoundScales || toks.kd(i) !== KW || toks.tlen(i) < 7) return false;
  return compoundOf(toks, i, compile(lex)) !== null;
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

function scaleAt(toks: FineToks, j: number, c: CompiledNumbers): [number, number] | null {
  if (toks.kd(j) !== KW) return null;
  const v = c.scaleIds.get(idOf(toks, j));
  return v === undefined ? null : [v, j + 1];
}
