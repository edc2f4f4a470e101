import type { Lang } from "../model/doc.js";
import { fold } from "./features.js";
import { ledgerLexicon } from "./lang.js";

/**
 * Language-free concepts in a claim's words: what is said to happen (`v:kill`, `v:arrest`, `v:leak`) and
 * what it is about (`n:missile`, `n:dam`, `n:threat-level`), each with its polarity; `x:` marks words that say
 * how something is known ("analysis suggests", "uit onderzoek blijkt"): read so that their words are not
 * taken for what the claim says, and left out of what claims share. A language's lexicon
 * (src/lang/<code>/ledger.ts, `concepts`) lists the words of each concept; two claims in different
 * languages that say the same thing share concepts, entity keys, figures and dates, not words.
 *
 * Entry syntax (space-separated entries per concept):
 * - `word` the word itself; `stem*` any word it begins; `*head` any word it ends (a Dutch compound head:
 *   `*raket` in luchtafweerraket); `*part*` any word containing it;
 * - `a_b_c` a phrase; `~` inside a phrase stands for up to three other words (`om_~_leven`);
 * - a leading `-` marks an entry that says the concept negated (`-stil_~_liggen` for "not in operation");
 * - a leading `!` marks one word that looks like the concept's but is not (`!*plek`: "uitgaansplek" is a
 *   place, not a leak, however `*lek` reads it).
 * At each word the longest entry wins and its words are not read again ("claimed responsibility" is one
 * claim of responsibility, not also a statement about responsibility).
 */
export interface ConceptHit {
  concept: string;
  /** Negated by a negator shortly before, or an entry that says it negated. */
  neg: boolean;
  /** Index (into `conceptTokens`) of its first word and of its last. */
  at: number;
  end: number;
}

type Tok = { kind: "exact" | "prefix" | "suffix" | "infix" | "gap"; s: string; /** words a gap may span */ n?: number };
interface Entry {
  concept: string;
  toks: Tok[];
  neg: boolean;
  /** Words an entry covers at least: longer entries win. */
  len: number;
  /** Says something happens or holds (`v:`, `s:`): what a negator before it negates. */
  said: boolean;
}

/** What the lexicon makes of one word: the entries its first token matches, and whether it is a negator. */
interface WordReading {
  cands: readonly Entry[];
  neg: boolean;
}

interface Compiled {
  exact: Map<string, Entry[]>;
  prefix: Map<string, Entry[]>;
  suffix: Map<string, Entry[]>;
  infix: { s: string; e: Entry }[];
  negators: Set<string>;
  /** How many words before a concept a negator reaches. */
  window: number;
  /** The lengths of the prefix and suffix stems the lexicon has, ascending: a word is looked up at these only. */
  prefixLengths: number[];
  suffixLengths: number[];
  /** Each word read lately (news repeats its words; most match nothing): one lookup a word. */
  memo: Map<string, WordReading>;
  /** The reading of each interned word (`ConceptToken.id`), by its id: no string hashed or compared. */
  byId: (WordReading | undefined)[];
  /** Per concept, the words that only look like its own (`!` entries). */
  not: Map<string, Tok[]>;
}

function parseEntry(concept: string, raw: string): Entry {
  const neg = raw.startsWith("-");
  const body = neg ? raw.slice(1) : raw;
  // words are read split at hyphens too: "anti-missile_defence" is three words, as in the text
  const toks: Tok[] = body.split(/[_-]/).filter(Boolean).map((t): Tok => {
    if (t === "~") return { kind: "gap", s: "", n: 3 };
    if (t === "~~") return { kind: "gap", s: "", n: 6 };
    const f = fold(t);
    if (f.startsWith("*") && f.endsWith("*") && f.length > 2) return { kind: "infix", s: f.slice(1, -1) };
    if (f.endsWith("*")) return { kind: "prefix", s: f.slice(0, -1) };
    if (f.startsWith("*")) return { kind: "suffix", s: f.slice(1) };
    return { kind: "exact", s: f };
  });
  if (toks[0]!.kind === "gap" || toks[toks.length - 1]!.kind === "gap") throw new Error(`concept entry ${raw}: a phrase cannot begin or end with ~`);
  return { concept, toks, neg, len: toks.filter((t) => t.kind !== "gap").length, said: /^[vs]:/.test(concept) };
}

const memo = new Map<Lang, Compiled>();
function compiled(lang: Lang): Compiled {
  let c = memo.get(lang);
  if (c) return c;
  const lex = ledgerLexicon(lang);
  c = { exact: new Map(), prefix: new Map(), suffix: new Map(), infix: [], negators: new Set(lex.negators.filter((n) => !n.includes(" ")).map(fold)), window: lex.negationWindow ?? 3, prefixLengths: [], suffixLengths: [], memo: new Map(), byId: [], not: new Map() };
  const put = (m: Map<string, Entry[]>, k: string, e: Entry) => {
    const l = m.get(k);
    if (l) l.push(e);
    else m.set(k, [e]);
  };
  for (const [concept, list] of Object.entries(lex.concepts)) {
    for (const raw of list.split(/\s+/).filter(Boolean)) {
      if (raw.startsWith("!")) {
        const t = parseEntry(concept, raw.slice(1)).toks;
        if (t.length !== 1) throw new Error(`concept entry ${raw}: an exception is one word`);
        (c.not.get(concept) ?? c.not.set(concept, []).get(concept)!).push(t[0]!);
        continue;
      }
      const e = parseEntry(concept, raw);
      const t = e.toks[0]!;
      if (t.kind === "exact") put(c.exact, t.s, e);
      else if (t.kind === "prefix") {
        put(c.prefix, t.s, e);
        if (!c.prefixLengths.includes(t.s.length)) c.prefixLengths.push(t.s.length);
      } else if (t.kind === "suffix") {
        put(c.suffix, t.s, e);
        if (!c.suffixLengths.includes(t.s.length)) c.suffixLengths.push(t.s.length);
      }
      else if (t.kind === "infix") c.infix.push({ s: t.s, e });
    }
  }
  c.prefixLengths.sort((a, b) => a - b);
  c.suffixLengths.sort((a, b) => a - b);
  memo.set(lang, c);
  return c;
}

function tokMatches(t: Tok, w: string): boolean {
  switch (t.kind) {
    case "exact":
      return w === t.s;
    case "prefix":
      return w.startsWith(t.s);
    case "suffix":
      return w.endsWith(t.s);
    case "infix":
      return w.includes(t.s);
    default:
      return false;
  }
}

const NONE: readonly Entry[] = [];
const PLAIN: WordReading = { cands: NONE, neg: false };
const NEGATOR: WordReading = { cands: NONE, neg: true };

/**
 * Every entry whose first token a word matches, looked up by the stem lengths the lexicon has, and whether
 * the word is a negator, remembered per word: a word met for the first time is hashed once for both (a
 * word's string is new each time it is read, and hashing it was most of a lookup).
 */
function readingOf(c: Compiled, t: ConceptToken): WordReading {
  // an interned word's reading is kept by its id: most words of a text are read so, by an index, where a
  // lookup by the word hashed a string new each time (the most costly line of a claim's reading)
  const id = t.id;
  if (id >= 0) {
    const known = id < c.byId.length ? c.byId[id] : undefined;
    if (known !== undefined) return known;
  }
  const w = t.w;
  let r = c.memo.get(w);
  if (r === undefined) {
    const cands = candidates(c, w);
    const neg = c.negators.has(w);
    r = cands.length ? { cands, neg } : neg ? NEGATOR : PLAIN;
    if (c.memo.size > 100_000) c.memo.clear();
    c.memo.set(w, r);
  }
  if (id >= 0) {
    // (filled in order, never with holes: the array stays a plain list of values)
    while (c.byId.length <= id) c.byId.push(undefined);
    c.byId[id] = r;
  }
  return r;
}

/** Every entry whose first token a word matches, looked up by the stem lengths the lexicon has. */
function candidates(c: Compiled, w: string): readonly Entry[] {
  let out: Entry[] | undefined;
  const put = (es: Entry[] | undefined) => {
    if (es) (out ??= []).push(...es);
  };
  put(c.exact.get(w));
  for (const l of c.prefixLengths) {
    if (l > w.length) break;
    put(c.prefix.get(w.slice(0, l)));
  }
  for (const l of c.suffixLengths) {
    if (l > w.length) break;
    put(c.suffix.get(w.slice(w.length - l)));
  }
  for (const x of c.infix) if (w.includes(x.s)) (out ??= []).push(x.e);
  // a word that only looks like a concept's ("uitgaansplek" for *lek) says nothing of it
  if (out && c.not.size) out = out.filter((e) => !c.not.get(e.concept)?.some((t) => tokMatches(t, w)));
  return out?.length ? out : NONE;
}

/** The word positions an entry covers from word i (gap words left out), or null when it does not match there. */
function matchAt(e: Entry, words: readonly ConceptToken[], i: number): number[] | null {
  let j = i;
  const at: number[] = [];
  for (let k = 0; k < e.toks.length; k++) {
    const t = e.toks[k]!;
    if (t.kind === "gap") {
      // the next token within the gap's reach
      const next = e.toks[++k]!;
      let found = -1;
      for (let g = j; g < Math.min(words.length, j + t.n! + 1); g++)
        if (tokMatches(next, words[g]!.w)) {
          found = g;
          break;
        }
      if (found < 0) return null;
      at.push(found);
      j = found + 1;
      continue;
    }
    if (j >= words.length || !tokMatches(t, words[j]!.w)) return null;
    at.push(j);
    j++;
  }
  return at;
}

/**
 * A cheap test of whether a text may say any of some concepts (or, when asked, hold a negator): one
 * expression of the literal stems of their entries' first words, without word boundaries (a false "maybe"
 * only costs a closer reading). False means it surely does not; true means read it with `conceptsOf`.
 */
export function conceptFilter(lang: Lang, concepts: readonly string[], negators = true): (text: string) => boolean {
  const re = conceptStems(lang, concepts, negators);
  return (text) => re.test(fold(text));
}

/** The expression of `conceptFilter`, to test on folded text. */
export function conceptStems(lang: Lang, concepts: readonly string[], negators = true): RegExp {
  const lex = ledgerLexicon(lang);
  const lits = new Set<string>();
  for (const [, entry] of readingEntries(lang, concepts)) {
    const first = fold(entry).split(/[_-]/).filter(Boolean)[0]!.replace(/\*/g, "");
    if (first) lits.add(first);
  }
  if (negators) for (const n of lex.negators) lits.add(fold(n));
  return new RegExp(fewestLiterals(lits).join("|"));
}

/**
 * The entries of some concepts that give a reading, each without its leading "-" (an exception, "!", takes
 * a reading away, never gives one, so no text needs it to pass a test).
 */
function readingEntries(lang: Lang, concepts: readonly string[]): [concept: string, entry: string][] {
  const want = new Set(concepts);
  const out: [string, string][] = [];
  for (const [concept, list] of Object.entries(ledgerLexicon(lang).concepts)) {
    if (!want.has(concept)) continue;
    for (const raw of list.split(/\s+/)) if (raw && !raw.startsWith("!")) out.push([concept, raw.replace(/^-/, "")]);
  }
  return out;
}

/** The literals as alternatives of an expression, escaped; one that contains another is implied by it. */
function fewestLiterals(lits: ReadonlySet<string>): string[] {
  const all = [...lits];
  return all.filter((x) => !all.some((y) => y !== x && x.includes(y))).map((x) => x.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
}

/**
 * A test a text must pass to say any of some concepts, stricter than `conceptFilter`: of each entry of the
 * concepts, the longest of its words (a stem, a head, a part) is in the folded text, anywhere. An entry
 * matches only where each of its words is one of the text's words, and a word as the lexicon reads it is
 * folded text, save "not" read from "n't" (so no stem "not" may match is looked for): false means the text
 * surely says none of the concepts. Null when some entry has no word to look for.
 */
export function conceptNeedles(lang: Lang, concepts: readonly string[]): RegExp | null {
  const lits = new Set<string>();
  for (const [concept, entry] of readingEntries(lang, concepts)) {
    let best = "";
    for (const t of parseEntry(concept, entry).toks) if (t.kind !== "gap" && !"not".includes(t.s) && t.s.length > best.length) best = t.s;
    if (!best) return null;
    lits.add(best);
  }
  const kept = fewestLiterals(lits);
  return kept.length ? new RegExp(kept.join("|")) : /(?!)/;
}

/** A word of a text as the lexicon reads it, with where it stands in the text. */
export interface ConceptToken {
  /** Folded; "n't" read as "not", a possessive 's dropped. */
  readonly w: string;
  /** As written (for capitals). */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /**
   * The number of the folded word among the words met so far (the same word, the same number, in every
   * text), or -1 when it has none: what the lexicon made of a word is kept by it.
   */
  readonly id: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * Texts read lately, with their tokens: a claim's words are read again by each of its keys and checks (a
 * report's texts were tokenized about three times each). Shared, so never changed: readonly. Bounded by the
 * characters held.
 */
const tokenMemo = new Map<string, readonly ConceptToken[]>();
let tokenMemoChars = 0;

/** The words of a text as the lexicon reads them, split at anything but letters and digits. */
export function conceptTokens(text: string): readonly ConceptToken[] {
  let out = tokenMemo.get(text);
  if (out === undefined) {
    out = readTokens(text);
    if (tokenMemoChars > 1 << 18) {
      tokenMemo.clear();
      tokenMemoChars = 0;
    }
    tokenMemo.set(text, out);
    tokenMemoChars += text.length;
  }
  return out;
}

/**
 * Words met in texts, each once (`ConceptToken.id`): a table of their folded forms, open addressing by a
 * hash read with the word's characters. Only words of ASCII letters and digits (most words) are kept, and
 * at most `INTERN_MAX` of them (then words new to it have none), so the table's memory is bounded.
 */
// (at most half the slots of the largest table are ever taken)
const INTERN_MAX = 1 << 17;
const INTERN_LONGEST = 64;
const INTERN_PROBES = 64;
/**
 * The slots, two numbers each: a word's hash and its id + 1 (0: free), side by side, so that a probe reads
 * one place; grown by doubling, so that a small input's table stays small (and in the processor's cache).
 */
let internSlots: Int32Array = new Int32Array(2 << 12);
const internWords: string[] = [];
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
/** (the codes of a long word, to make its string of its own: a slice of a long text would keep the text) */
const scratchCodes: number[] = [];

/**
 * The id of the word text[i..j) (ASCII letters and digits), folded (`| 32` lowers an ASCII capital and
 * leaves a small letter or a digit as it is), `h` the hash of its folded codes; -1 when the table is full.
 */
function internAscii(text: string, i: number, j: number, h: number, upper: boolean): number {
  const n = j - i;
  // (a word longer than any the lexicons hold is read without an id: its string is made once, not code by code)
  if (n > INTERN_LONGEST) return -1;
  const slots = internSlots;
  const mask = (slots.length >> 1) - 1;
  let s = h & mask;
  // (linear probing: at most half the slots are ever taken, so a free one is always near — unless words were
  // chosen to share a hash's low bits: past INTERN_PROBES slots a word has no id, and each look-up stays short)
  let probes = 0;
  for (let k = slots[2 * s + 1]!; k !== 0; s = (s + 1) & mask, k = slots[2 * s + 1]!) {
    if (++probes > INTERN_PROBES) return -1;
    if (slots[2 * s] !== h) continue;
    const w = internWords[k - 1]!;
    if (w.length !== n) continue;
    // (a word without capitals is its folded form as written: compared by the engine, not code by code)
    if (!upper) {
      if (text.startsWith(w, i)) return k - 1;
      continue;
    }
    let q = 0;
    while (q < n && w.charCodeAt(q) === (text.charCodeAt(i + q) | 32)) q++;
    if (q === n) return k - 1;
  }
  const id = internWords.length;
  if (id >= INTERN_MAX) return -1;
  let w: string;
  if (n < 13) w = text.slice(i, j).toLowerCase();
  else {
    scratchCodes.length = 0;
    for (let q = i; q < j; q++) scratchCodes.push(text.charCodeAt(q) | 32);
    w = String.fromCharCode.apply(null, scratchCodes);
  }
  internWords.push(w);
  slots[2 * s] = h;
  slots[2 * s + 1] = id + 1;
  if (2 * internWords.length > mask + 1) internSlots = rehashed(slots, 2 * (mask + 1));
  return id;
}

/** The table's words in a table of `size` slots. */
function rehashed(old: Int32Array, size: number): Int32Array {
  const slots = new Int32Array(2 * size);
  const mask = size - 1;
  for (let t = 0; t < old.length; t += 2) {
    if (old[t + 1] === 0) continue;
    let s = old[t]! & mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = old[t]!;
    slots[2 * s + 1] = old[t + 1]!;
  }
  return slots;
}

const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * The words of `conceptTokens(text)` that begin with a capital (as written), read without keeping the
 * text's words: what names a country in a whole report (claimkeys.ts, `reportCountry`). Most words of a
 * report are small and are skipped unread.
 */
export function capitalTokens(text: string): ConceptToken[] {
  return readTokens(text, true);
}

const isCapital = (raw: string) => {
  const c0 = raw.charCodeAt(0);
  return c0 < 128 ? c0 >= 65 && c0 <= 90 : /^\p{Lu}/u.test(raw);
};

function readTokens(text: string, capitals = false): ConceptToken[] {
  const out: ConceptToken[] = [];
  // (the words read by the expression below, with a capital only when asked)
  const put = (t: ConceptToken) => {
    if (!capitals || isCapital(t.raw)) out.push(t);
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Most words are ASCII letters and digits ended by ASCII that cannot go on with them (not an
    // apostrophe): read by their character codes, without the expression's match or a fold's test. In ASCII
    // no other character is a letter, mark or number, so none can start a word or be inside one.
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!isAsciiWordChar(c)) {
        i++;
        continue;
      }
      // (whether a capital is among its letters: most words have none, and are their own folded form; the
      // hash of its folded codes is read on the way, to find the word among those met before)
      let upper = c <= 90 && c >= 65;
      let h = Math.imul(FNV_BASIS ^ (c | 32), FNV_PRIME);
      let j = i + 1;
      for (let d = 0; j < n && isAsciiWordChar((d = text.charCodeAt(j))); j++) {
        if (d <= 90 && d >= 65) upper = true;
        h = Math.imul(h ^ (d | 32), FNV_PRIME);
      }
      const next = j < n ? text.charCodeAt(j) : 32;
      if (next < 128 && next !== 39) {
        if (!capitals || (c <= 90 && c >= 65)) {
          const id = internAscii(text, i, j, h, upper);
          if (id >= 0) {
            // a word without capitals is its own folded form, and is not sliced out again
            const w = internWords[id]!;
            out.push({ w, raw: upper ? text.slice(i, j) : w, start: i, end: j, id });
          } else {
            const raw = text.slice(i, j);
            out.push({ w: upper ? raw.toLowerCase() : raw, raw, start: i, end: j, id: -1 });
          }
        }
        i = j;
        continue;
      }
    }
    // anything else (a letter beyond ASCII, a word that an apostrophe or a mark may go on with) as the
    // expression reads it from here: the first word it finds starts here or after the ASCII skipped
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (!m) break;
    let raw = m[0];
    const start = m.index;
    i = start + raw.length;
    const q = raw.indexOf("'") >= 0 || raw.indexOf("’") >= 0;
    if (q) {
      const neg = /^(.+)n['’]t$/iu.exec(raw);
      if (neg) {
        put({ w: fold(neg[1]!), raw: neg[1]!, start, end: start + neg[1]!.length, id: -1 });
        put({ w: "not", raw: "not", start: start + neg[1]!.length, end: start + raw.length, id: -1 });
        continue;
      }
      raw = raw.replace(/['’]s$/u, "");
      for (const part of raw.split(/['’]/u)) if (part) put({ w: fold(part), raw: part, start, end: start + raw.length, id: -1 });
    } else put({ w: fold(raw), raw, start, end: start + raw.length, id: -1 });
  }
  return out;
}

/** Words of a text as the lexicon reads them (folded). */
export function conceptWords(text: string): string[] {
  return conceptTokens(text).map((t) => t.w);
}

/**
 * The concepts a text says, in order (a concept said twice is there twice; `at` indexes `conceptTokens`). Words a matched phrase uses are not read
 * again, and a negator inside a phrase ("niets met … te maken") negates nothing else; words in a phrase's
 * gap are still read ("aanslag" in "niets met de aanslag te maken"). A negator negates the first thing
 * said to happen or hold (`v:`, `s:`) within the language's window after it: "Neither of the pipelines
 * are active" negates being active, not the pipelines.
 */
export function conceptsOf(text: string, lang: Lang, tokens: readonly ConceptToken[] = conceptTokens(text)): ConceptHit[] {
  const m = hitMemo.get(text);
  if (m !== undefined && m.lang === lang && m.tokens === tokens) return m.hits.slice();
  const readings = new Array<WordReading>(tokens.length);
  const hits = readConcepts(text, lang, tokens, undefined, readings);
  if (hitMemoChars > 1 << 18) {
    hitMemo.clear();
    hitMemoChars = 0;
  }
  hitMemo.set(text, { lang, tokens, hits, readings });
  hitMemoChars += text.length;
  return hits.slice();
}

/**
 * Texts read lately with their concepts: a claim's text is read by the contradictions stage, its fusion keys
 * and the dispute rules, two to three times each. Valid for the same tokens (the memo of `conceptTokens`);
 * callers get their own array of the same (never changed) hits. Bounded by the characters held.
 */
const hitMemo = new Map<string, { lang: Lang; tokens: readonly ConceptToken[]; hits: readonly ConceptHit[]; readings: readonly WordReading[] }>();
let hitMemoChars = 0;

/**
 * `given`: what the lexicon made of each word, read already; `readings`, when given, is filled with it (kept
 * with the text's concepts: the words of a claim with its attribution blanked are some of the claim's words,
 * `blankedTokens`, and are not looked up again).
 */
function readConcepts(text: string, lang: Lang, tokens: readonly ConceptToken[], given?: readonly WordReading[], readings?: WordReading[]): ConceptHit[] {
  const c = compiled(lang);
  const n = tokens.length;
  const raw: { e: Entry; at: number; end: number }[] = [];
  const used = new Uint8Array(n);
  // the negators no phrase uses, in word order (a word is never marked used by a phrase that starts after
  // it, so whether it is used is known once its own reading is done)
  let negAt: number[] | undefined;
  for (let i = 0; i < n; i++) {
    // (a used word too when the readings are kept: they serve a later reading of some of these words)
    if (used[i] && !readings) continue;
    const r = given ? given[i]! : readingOf(c, tokens[i]!);
    if (readings) readings[i] = r;
    if (used[i]) continue;
    const cands = r.cands;
    if (!cands.length) {
      if (r.neg) (negAt ??= []).push(i);
      continue;
    }
    let best: Entry | undefined;
    let bestAt: number[] = [];
    for (const e of cands) {
      if (e.len === 1) {
        if (!best) (best = e), (bestAt = [i]);
        continue;
      }
      if (e.len < (best?.len ?? 0)) continue;
      const at = matchAt(e, tokens, i);
      if (!at || at.some((k) => used[k])) continue;
      const span = at[at.length - 1]! - i;
      if (e.len > (best?.len ?? 0) || span > bestAt[bestAt.length - 1]! - i) (best = e), (bestAt = at);
    }
    if (!best) {
      if (r.neg) (negAt ??= []).push(i);
      continue;
    }
    const top: Entry = best;
    if (top.len > 1) raw.push({ e: top, at: i, end: bestAt[bestAt.length - 1]! });
    else {
      // one word may say several things: a compound (luchtafweer|raket) names each of its parts (each
      // entry once: the few read at this word are looked through, no set made for them)
      const from = raw.length;
      for (const e of cands)
        if (e.len === 1) {
          let seen = false;
          for (let j = from; j < raw.length && !seen; j++) seen = raw[j]!.e === e;
          if (!seen) raw.push({ e, at: i, end: i });
        }
    }
    for (const k of bestAt) used[k] = 1;
  }
  const flipped = new Uint8Array(raw.length);
  // hits are in word order: one pointer walks them as the negators come (linear however many there are)
  let next = 0;
  if (negAt)
    for (const p of negAt) {
      while (next < raw.length && raw[next]!.at <= p) next++;
      let k = -1;
      for (let j = next; j < raw.length && raw[j]!.at - p <= c.window; j++)
        if (raw[j]!.e.said) {
          k = j;
          break;
        }
      if (k >= 0) {
        // every concept read at that word (a compound's parts) is negated together
        for (let j = k; j < raw.length && raw[j]!.at === raw[k]!.at; j++) flipped[j] ^= 1;
      }
    }
  return raw.map((h, j) => ({ concept: h.e.concept, neg: h.e.neg !== !!flipped[j], at: h.at, end: h.end }));
}

/**
 * Some words of a text read with `conceptTokens` (`tokens`), with the stretches between them blanked:
 * the words of `text` within the stretches kept, and where each is among the text's words. Undefined when
 * the edge of a stretch falls inside a word (there blanking makes other words than the text's).
 */
export interface BlankedTokens {
  tokens: readonly ConceptToken[];
  /** The text they were taken from (not blanked). */
  text: string;
  /** For each word, its index among the words of the text it was taken from. */
  from: Int32Array;
  /** The words of that text. */
  of: readonly ConceptToken[];
}

/**
 * A word is made of letters, marks, digits and apostrophes only (`WORD`): a word of a text lies within
 * one unbroken run of such characters, and is read the same from its run alone. Surrogates count as word
 * characters (a letter beyond the first plane), which can only make a cut look unsafe.
 */
const wordish = (ch: number) =>
  ch < 128 ? isAsciiWordChar(ch) || ch === 39 : ch === 0x2019 || (ch >= 0xd800 && ch <= 0xdfff) || /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(ch));

/**
 * The words of `text` with all but the stretches `keep` blanked (offsets into text, in order, not
 * overlapping), as `conceptTokens` reads the blanked text, taken from the words of the text itself when no
 * edge of a stretch cuts a run of word characters; undefined otherwise (read the blanked text then).
 */
export function blankedTokens(text: string, keep: readonly (readonly [number, number])[]): BlankedTokens | undefined {
  const cut = (at: number) => at > 0 && at < text.length && wordish(text.charCodeAt(at - 1)) && wordish(text.charCodeAt(at));
  for (const [x, y] of keep) if (cut(x) || cut(y)) return undefined;
  const of = conceptTokens(text);
  const from: number[] = [];
  const tokens: ConceptToken[] = [];
  let r = 0;
  for (let k = 0; k < of.length; k++) {
    const t = of[k]!;
    while (r < keep.length && keep[r]![1] <= t.start) r++;
    if (r === keep.length) break;
    if (t.start >= keep[r]![0] && t.end <= keep[r]![1]) {
      tokens.push(t);
      from.push(k);
    }
  }
  return { tokens, text, from: Int32Array.from(from), of };
}

/**
 * The concepts of a text with stretches blanked, as `conceptsOf` reads it from `b.tokens`: the words'
 * readings are those of the whole text's words when it was read (each word is looked up once a claim).
 */
export function blankedConcepts(text: string, lang: Lang, b: BlankedTokens): ConceptHit[] {
  const whole = hitMemo.get(b.text);
  const given = whole && whole.lang === lang && whole.tokens === b.of ? Array.from(b.from, (k) => whole.readings[k]!) : undefined;
  return readConcepts(text, lang, b.tokens, given);
}
