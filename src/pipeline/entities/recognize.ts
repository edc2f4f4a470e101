// Recognition: finds name chunks in the tokens of each sentence and the evidence for their type.
// Language-blind: every word it knows comes from the EntityLexicon of the document's language.
import type { Doc, EntityType, Sentence, Token } from "../../model/doc.js";
import type { EntityLexicon, HeadEntry, RoleEntry } from "./lexicon.js";
import { gazetteer, type GazEntry } from "../../geo/gazetteer.js";
import { spellingKey } from "../../geo/spelling.js";
import { lowerTokens } from "../segment/tokens.js";

/** A name found in the text, before merging. Token indices are into doc.tokens, end exclusive. */
export interface Chunk {
  start: number;
  end: number;
  /** Token index range of the name words. */
  t0: number;
  t1: number;
  text: string;
  via: "name" | "acronym" | "description";
  /** The first word of a sentence or heading, with no other evidence: kept only if the report confirms it. */
  tentative: boolean;
  role?: string;
  roleKind?: RoleEntry["kind"];
  /** Evidence for the type, strongest first: lexicon, head, role, given name, gazetteer, shape. */
  known?: { type: EntityType; government?: string };
  /** The entity a known name stands for, shared by its other names (IS, Islamic State). */
  same?: string;
  /** Where the title before a person's name begins (generaal Haftar): "title name" is an alias. */
  titleStart?: number;
  /** A role description set off before the name by a comma (Denmark's Prime Minister, Mette Frederiksen): an alias. */
  apposition?: { start: number; end: number };
  head?: HeadEntry;
  /** The word that carries the head: a whole word (Instituut) or a compound (Vrijheidslegioen). */
  headToken?: number;
  gaz?: readonly GazEntry[];
  /** What the gazetteer entries say, read once: a country among them, a city (>= 100k or a capital), a town (>= 5000), a region or feature first. */
  gazCountry?: boolean;
  gazCity?: boolean;
  gazTown?: boolean;
  givenName?: boolean;
  allCaps?: boolean;
  locative?: boolean;
  /** An article and capitalised common words: De Morgen, Het Laatste Nieuws (a title). */
  titled?: boolean;
  /** The name part of a compound with a common noun (Poetin-regime): no mention of its own. */
  inCompound?: boolean;
  /** After "bij" or after a person's "van": a body one works at or for. */
  orgContext?: boolean;
  /** Next to a speech verb (Deen zegt, stelt Deen). */
  speaker?: boolean;
  /** Shortened to its first word elsewhere in the report (Belgacom Mobile … Belgacom): a body's name. */
  orgLike?: boolean;
  /** Capitals alone in parentheses on a line of their own: a writer's initials. */
  initials?: boolean;
  /** Several words, one of them a common word. */
  hasCommon?: boolean;
  /** A single capitalised common word with nothing else to go on. */
  commonWord?: boolean;
  /** The type a noun before the name gives it (het weblog Oryx). */
  typeNoun?: EntityType;
  /** Starts with a capitalised adjective (Europese Schengenzone): a name of something, seldom a person. */
  adjectival?: boolean;
  /** A country abbreviation after a player's name (Safin (Rus)): the ISO code of the country it stands for. */
  country?: string;
  /** The name before such an abbreviation: a player, a person. */
  player?: boolean;
  /** For descriptions (het legioen): the head word the description names. */
  descriptionHead?: string;
  /** Index of the chunk this one stands in parentheses after (apposition or acronym). */
  appositionOf?: number;
  /** Spelling keys of the words (demonyms as country codes) and their join, made once when merging. */
  keys?: string[];
  fullKey?: string;
}

/**
 * A chunk with every field present from the start, so that all chunks share one shape: the stage reads
 * their fields in many places, and objects that grow fields one by one in varying order made each of
 * those reads slow.
 */
export function newChunk(start: number, end: number, t0: number, t1: number, text: string, via: Chunk["via"]): Chunk {
  return {
    start,
    end,
    t0,
    t1,
    text,
    via,
    tentative: false,
    role: undefined,
    roleKind: undefined,
    known: undefined,
    same: undefined,
    titleStart: undefined,
    apposition: undefined,
    head: undefined,
    headToken: undefined,
    gaz: undefined,
    gazCountry: undefined,
    gazCity: undefined,
    gazTown: undefined,
    givenName: undefined,
    allCaps: undefined,
    locative: undefined,
    titled: undefined,
    inCompound: undefined,
    orgContext: undefined,
    speaker: undefined,
    orgLike: undefined,
    initials: undefined,
    hasCommon: undefined,
    commonWord: undefined,
    typeNoun: undefined,
    country: undefined,
    player: undefined,
    adjectival: undefined,
    descriptionHead: undefined,
    appositionOf: undefined,
    keys: undefined,
    fullKey: undefined,
  };
}

export interface Prepared {
  lex: EntityLexicon;
  roles: Map<string, RoleEntry>;
  roleSuffixes: RoleEntry[];
  /** roleSuffixes by the word's length (longest first) and by word (the first entry of that word). */
  roleSuffixIndex: SuffixIndex<RoleEntry>;
  rolePrefixes: Set<string>;
  honorifics: Set<string>;
  /** The honorifics and those written with a stop without it (dhr. → dhr): one look-up for a word either way. */
  honorificWords: Set<string>;
  particles: Set<string>;
  connectors: Set<string>;
  heads: Map<string, HeadEntry>;
  compoundHeads: HeadEntry[];
  compoundHeadIndex: SuffixIndex<HeadEntry>;
  /** The pairs of ASCII letters that end a compound head, by code (128 × first + second); null when a head is shorter. */
  compoundEnds: Uint8Array | null;
  functionWords: Set<string>;
  common: Set<string>;
  nonNames: Set<string>;
  articles: Set<string>;
  /** The length of the longest article: a longer word is none, without a look-up. */
  articleMax: number;
  locatives: Set<string>;
  speech: Set<string>;
  sourceMarkers: Set<string>;
  /** The first words of the attribution markers of several words (according to → according). */
  attributionFirsts: Set<string>;
  /** Known names as written, and (all but the short all-capital ones) by spelling key: two maps, so that a look-up makes no key string. */
  known: Map<string, { type: EntityType; government?: string }>;
  knownByKey: Map<string, { type: EntityType; government?: string }>;
  demonyms: Map<string, string>;
  givenNames: Set<string>;
  typeNouns: Map<string, EntityType>;
  /** The type nouns of four letters or more that a longer word may end in, with their place in `typeNouns`. */
  typeNounSuffixes: { lengths: number[]; rank: Map<string, number> };
  /** Memos of per-word look-ups; null: the word has none (one map look-up per word, found or not). */
  compoundMemo: Map<string, { head: HeadEntry; modifier: string } | null>;
  typeNounMemo: Map<string, EntityType | null>;
  roleMemo: Map<string, RoleEntry | null>;
  /** The keys of a name's words by its text (entities stage), shared read-only by every chunk of that text. */
  keysMemo: Map<string, string[]>;
  adjectives: Set<string>;
  innerParticles: Set<string>;
  ambiguousInner: Set<string>;
  abbreviations: Set<string>;
  namePrefixes: Map<string, EntityType>;
  bodyHeads: Set<string>;
  namedBodyHeads: Set<string>;
  /** The canonical name of a known name that has others for the same entity (Islamitische Staat → IS). */
  same: Map<string, string>;
  sameByKey: Map<string, string>;
}

/** The lexicon's knowledge of a name as written (`key`: its spelling key, when the caller has it). */
function knownOf(p: Prepared, text: string, key?: string): { type: EntityType; government?: string } | undefined {
  return p.known.get(text) ?? (text.length <= 2 && ALL_CAPS.test(text) ? undefined : p.knownByKey.get(key ?? spellingKey(text)));
}

const cache = new WeakMap<EntityLexicon, Prepared>();

/** Entries sorted longest word first, looked up by the ending of a word. */
interface SuffixIndex<T> {
  /** The lengths of the words, longest first, each once. */
  lengths: number[];
  /** Each word's first entry in the sorted list. */
  byWord: Map<string, T>;
}

function suffixIndex<T extends { word: string }>(sorted: readonly T[]): SuffixIndex<T> {
  const byWord = new Map<string, T>();
  const lengths: number[] = [];
  for (const e of sorted) {
    if (!byWord.has(e.word)) byWord.set(e.word, e);
    if (!lengths.includes(e.word.length)) lengths.push(e.word.length);
  }
  return { lengths, byWord };
}

/**
 * The first entry of the sorted list (longest word first) whose word ends `w` with at least `before`
 * characters before it: what a pass over the list finds, in one look-up per length.
 */
function endingIn<T>(ix: SuffixIndex<T>, w: string, before: number): T | undefined {
  for (const l of ix.lengths) {
    if (w.length < l + before) continue;
    const e = ix.byWord.get(w.slice(w.length - l));
    if (e) return e;
  }
  return undefined;
}

function typeNounSuffixes(typeNouns: ReadonlyMap<string, EntityType>): Prepared["typeNounSuffixes"] {
  const rank = new Map<string, number>();
  const lengths: number[] = [];
  let k = 0;
  for (const n of typeNouns.keys()) {
    const at = k++;
    if (n.length < 4) continue;
    if (!rank.has(n)) rank.set(n, at);
    if (!lengths.includes(n.length)) lengths.push(n.length);
  }
  lengths.sort((a, b) => a - b);
  return { lengths, rank };
}

/** Which pairs of ASCII characters end one of the words, as a table by code; null if a word is shorter than two. */
function lastPairs(words: readonly string[]): Uint8Array | null {
  const t = new Uint8Array(128 * 128);
  for (const w of words) {
    if (w.length < 2) return null;
    const c1 = w.charCodeAt(w.length - 2), c2 = w.charCodeAt(w.length - 1);
    if (c1 < 128 && c2 < 128) t[c1 * 128 + c2] = 1;
  }
  return t;
}

/**
 * False when `word`, lower-cased, cannot end in any of the words of the table: its last two characters are
 * ASCII (lower-casing maps those alone, whatever comes before) and no word ends in them. True otherwise.
 */
function mayEndIn(t: Uint8Array | null, word: string): boolean {
  const n = word.length;
  if (!t || n < 2) return true;
  let c1 = word.charCodeAt(n - 2), c2 = word.charCodeAt(n - 1);
  if (c1 >= 128 || c2 >= 128) return true;
  if (c1 >= 65 && c1 <= 90) c1 += 32;
  if (c2 >= 65 && c2 <= 90) c2 += 32;
  return t[c1 * 128 + c2] === 1;
}

function knownValue(k: EntityLexicon["known"][number]): { type: EntityType; government?: string } {
  return { type: k.type, ...(k.government && { government: k.government }) };
}

export function prepare(lex: EntityLexicon): Prepared {
  let p = cache.get(lex);
  if (p) return p;
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const roleSuffixes = [...lex.roleSuffixes].sort((a, b) => b.word.length - a.word.length);
  const compoundHeads = lex.heads.filter((h) => h.compound).sort((a, b) => b.word.length - a.word.length);
  const typeNouns = new Map(Object.entries(lex.typeNouns));
  const knownValues = lex.known.map(knownValue);
  p = {
    lex,
    roles: new Map(lex.roles.map((r) => [r.word, r])),
    roleSuffixes,
    roleSuffixIndex: suffixIndex(roleSuffixes),
    rolePrefixes: lower(lex.rolePrefixes),
    honorifics: lower(lex.honorifics),
    honorificWords: new Set([...lower(lex.honorifics)].flatMap((h) => (h.endsWith(".") ? [h, h.slice(0, -1)] : [h]))),
    particles: lower(lex.nameParticles),
    connectors: lower(lex.nameConnectors),
    heads: new Map(lex.heads.map((h) => [h.word, h])),
    compoundHeads,
    compoundHeadIndex: suffixIndex(compoundHeads),
    compoundEnds: lastPairs(compoundHeads.map((h) => h.word)),
    functionWords: lower(lex.functionWords),
    common: lower(lex.commonWords),
    nonNames: lower(lex.nonNames),
    articles: lower(lex.definiteArticles),
    articleMax: Math.max(0, ...[...lower(lex.definiteArticles)].map((w) => w.length)),
    locatives: lower(lex.locativePrepositions),
    speech: lower(lex.speechVerbs),
    sourceMarkers: lower(lex.sourceMarkers),
    attributionFirsts: new Set(lex.attributionMarkers.flatMap((m) => (m.includes(" ") ? [m.slice(0, m.indexOf(" "))] : []))),
    known: new Map(lex.known.map((k, x) => [k.name, knownValues[x]!] as const)),
    // short all-capital names (IS, VN) match only as written; the rest also by spelling key
    knownByKey: new Map(lex.known.flatMap((k, x) => (ALL_CAPS.test(k.name) && k.name.length <= 2 ? [] : [[spellingKey(k.name), knownValues[x]!] as const]))),
    demonyms: new Map(Object.entries(lex.demonyms)),
    givenNames: new Set(lex.givenNames),
    typeNouns,
    typeNounSuffixes: typeNounSuffixes(typeNouns),
    compoundMemo: new Map(),
    typeNounMemo: new Map(),
    roleMemo: new Map(),
    keysMemo: new Map(),
    adjectives: new Set(lex.capitalisedAdjectives),
    innerParticles: lower(lex.innerParticles),
    ambiguousInner: lower(lex.ambiguousInnerParticles),
    abbreviations: lower(lex.nonNameAbbreviations),
    namePrefixes: new Map(Object.entries(lex.namePrefixes)),
    bodyHeads: lower(lex.bodyHeads),
    namedBodyHeads: lower(lex.namedBodyHeads),
    same: new Map(lex.known.flatMap((k) => (k.same ? [[k.name, k.same] as const] : []))),
    sameByKey: new Map(lex.known.flatMap((k) => (k.same ? [[spellingKey(k.name), k.same] as const] : []))),
  };
  cache.set(lex, p);
  return p;
}

const UPPER_RE = /^[\p{Lu}\p{Lt}]/u;
// ascii first: the unicode class is only consulted for letters outside it
const UPPER_START = {
  test(s: string): boolean {
    const c = s.charCodeAt(0);
    if (c >= 65 && c <= 90) return true;
    if (c < 192) return false;
    return UPPER_RE.test(s);
  },
};
const ALL_CAPS = /^[\p{Lu}\d&-]{2,}$/u;
const HAS_LOWER = /\p{Ll}/u;
const INITIAL = /^\p{Lu}$/u;

/**
 * The token at k, or undefined past either end: recognize() looks around a chunk's edges, and a read past
 * the end of an array (or at -1) deoptimised it; a length check costs less.
 */
const at = (toks: readonly Token[], k: number): Token | undefined => (k >= 0 && k < toks.length ? toks[k] : undefined);
const isWord = (t: Token | undefined): t is Token => !!t && t.kind === "word";
const initialOnly = (t: Token) => INITIAL.test(t.text);
const isCap = (t: Token | undefined): boolean => isWord(t) && UPPER_START.test(t.text);

/** The role a word names: kolonel, oud-president, Oost-Europadeskundige, defensiewoordvoerder. */
export function roleOf(p: Prepared, word: string): RoleEntry | undefined {
  // asked for most words of every report: remembered per lexicon (bounded, like the other memos)
  let r = p.roleMemo.get(word);
  if (r === undefined) {
    r = findRole(p, word) ?? null;
    if (p.roleMemo.size > 50000) p.roleMemo.clear();
    p.roleMemo.set(word, r);
  }
  return r ?? undefined;
}

function findRole(p: Prepared, word: string): RoleEntry | undefined {
  let w = word.toLowerCase();
  const dash = w.lastIndexOf("-");
  const direct = p.roles.get(w);
  if (direct) return direct;
  if (dash > 0) {
    const pre = w.slice(0, dash);
    const rest = w.slice(dash + 1);
    if (p.rolePrefixes.has(pre)) {
      const r = p.roles.get(rest);
      if (r) return r;
    }
    w = rest.length >= 4 ? rest : w;
    const r = p.roles.get(w);
    if (r && dash > 0) return r;
  }
  return endingIn(p.roleSuffixIndex, w, 3);
}

/** The compound head a word ends in (Vrijheidslegioen → legioen), with the modifier before it. */
export function compoundHead(p: Prepared, word: string): { head: HeadEntry; modifier: string } | undefined {
  // asked of most capitalised words and of every word after an article; most end in no head's last letters
  if (!mayEndIn(p.compoundEnds, word)) return undefined;
  let r = p.compoundMemo.get(word);
  if (r === undefined) {
    r = findCompoundHead(p, word) ?? null;
    if (p.compoundMemo.size > 50000) p.compoundMemo.clear();
    p.compoundMemo.set(word, r);
  }
  return r ?? undefined;
}

function findCompoundHead(p: Prepared, word: string): { head: HeadEntry; modifier: string } | undefined {
  const w = word.toLowerCase();
  const h = endingIn(p.compoundHeadIndex, w, 3);
  if (!h) return undefined;
  let mod = w.slice(0, w.length - h.word.length);
  for (const l of p.lex.compoundLinkers) if (mod.endsWith(l) && mod.length > l.length + 2) {
    mod = mod.slice(0, mod.length - l.length);
    break;
  }
  return { head: h, modifier: mod.replace(/-$/, "") };
}

function typeNoun(p: Prepared, word: string): EntityType | undefined {
  const w = word.toLowerCase();
  const hit = p.typeNounMemo.get(w);
  if (hit !== undefined) return hit ?? undefined;
  let out = p.typeNouns.get(w);
  if (!out) {
    // the first type noun (in the table's order) of four letters or more that the word ends in, at least three
    // letters before it: one look-up per length of such nouns, not a pass over the table per new word
    const { lengths, rank } = p.typeNounSuffixes;
    let best = Infinity;
    for (const l of lengths) {
      if (w.length <= l + 2) break;
      const r = rank.get(w.slice(w.length - l));
      if (r !== undefined && r < best) {
        best = r;
        out = p.typeNouns.get(w.slice(w.length - l));
      }
    }
  }
  if (p.typeNounMemo.size > 50000) p.typeNounMemo.clear();
  p.typeNounMemo.set(w, out ?? null);
  return out;
}

function headOf(p: Prepared, word: string): HeadEntry | undefined {
  return p.heads.get(word.toLowerCase());
}

const LOWER = /\p{Ll}/u;
const inTail = (c: string) => c === "-" || c === "'" || c === "’" || LOWER.test(c);

/**
 * Where a lower-case tail after a dash begins in a word (Poetin-regime → 6), or -1: the first dash
 * followed by a lower-case letter from which only lower-case letters, apostrophes and dashes run to the
 * end. One pass back and one forward, so that a long hyphenated word costs its length, not its square.
 */
export function lowerTail(w: string): number {
  if (w.indexOf("-") < 0 && w.indexOf("‑") < 0) return -1;
  let k = w.length;
  while (k > 0 && inTail(w[k - 1]!)) k--;
  for (let d = Math.max(0, k - 1); d + 1 < w.length; d++) {
    const c = w[d];
    if ((c === "-" || c === "‑") && LOWER.test(w[d + 1]!)) return d;
  }
  return -1;
}

/** Is token i the first word of its sentence or of a quoted sentence? Capitals there say nothing. */
function sentenceInitial(doc: Doc, s: Sentence, i: number): boolean {
  for (let k = i - 1; k >= s.tokenStart; k--) {
    const t = doc.tokens[k]!;
    if (t.kind === "quote" || t.text === "(" || t.text === "[") continue;
    return t.text === ":" || t.text === "-" || t.text === "–" || t.text === "—" || t.text === "…" || (t.kind === "punct" && /^[.!?]$/.test(t.text));
  }
  return true;
}

/** A heading in title case (Apple Unveils New iPod): capitals there say nothing either. */
function titleCase(doc: Doc, s: Sentence): boolean {
  if (!s.heading) return false;
  let words = 0, caps = 0;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== "word" || t.text.length < 4) continue;
    words++;
    if (UPPER_START.test(t.text)) caps++;
  }
  return words >= 3 && caps / words >= 0.7;
}

/** What the helpers of recognize() read of one document. */
interface Scan {
  doc: Doc;
  p: Prepared;
  toks: readonly Token[];
  low: readonly string[];
  lowerSeen: ReadonlySet<string>;
  midCaps: ReadonlySet<string>;
  /** The span last asked about by spanText/spanKey, its text and (once asked) its spelling key. */
  spanFrom: number;
  spanTo: number;
  spanStr: string;
  spanKeyStr: string | undefined;
}

// recognize()'s helpers are module functions over the Scan, not closures inside it: closures made every
// local they read live in a heap context (a load per read, a context per loop pass for block-scoped ones)

const lowerKnown = (x: Scan, w: string): boolean => x.p.common.has(w) || x.p.functionWords.has(w) || x.lowerSeen.has(w);

// the text of a span and its spelling key, asked several times of the same run of words while a chunk is
// trimmed and read: sliced and keyed once for the run last asked about
function spanText(x: Scan, from: number, to: number, tok?: Token): string {
  if (from !== x.spanFrom || to !== x.spanTo) {
    x.spanFrom = from;
    x.spanTo = to;
    // a run of one word is that token's text, whose hash the look-ups have made already (a new slice has none)
    x.spanStr = tok && tok.start === from && tok.end === to ? tok.text : x.doc.text.slice(from, to);
    x.spanKeyStr = undefined;
  }
  return x.spanStr;
}

function spanKey(x: Scan, from: number, to: number, tok?: Token): string {
  const t = spanText(x, from, to, tok);
  return (x.spanKeyStr ??= spellingKey(t));
}

const runText = (x: Scan, a: number, b: number): string => spanText(x, x.toks[a]!.start, x.toks[b - 1]!.end, x.toks[a]);
const runKey = (x: Scan, a: number, b: number): string => spanKey(x, x.toks[a]!.start, x.toks[b - 1]!.end, x.toks[a]);
const nameWord = (x: Scan, k: number): boolean => isCap(x.toks[k]) || particleWord(x, k);

// connectors join the parts of a body's name, not of a street's (Brugstraat en de Kapelstraat)
function bodyHeadAt(x: Scan, k: number): boolean {
  const h = x.p.heads.get(x.low[k]!) ?? compoundHead(x.p, x.toks[k]!.text)?.head;
  return !!h && h.type !== "location";
}

/** Does `w` end in one of `ends`? (A loop, not .some with a closure over the word: no context per call.) */
function endsWithAny(w: string, ends: readonly string[]): boolean {
  for (let k = 0; k < ends.length; k++) if (w.endsWith(ends[k]!)) return true;
  return false;
}

/** al-Obaidi, el-Drese, bin-Salman: a lower-case particle (two to four letters) and a capitalised name in one word. */
function particleWord(x: Scan, k: number): boolean {
  const t = x.toks[k];
  if (!t || t.kind !== "word") return false;
  const w = t.text;
  // a particle of two letters, its dash and one letter at least: shorter words, the most, read no character
  if (w.length < 4) return false;
  const d = w.charCodeAt(2) === 45 ? 2 : w.charCodeAt(3) === 45 ? 3 : w.charCodeAt(4) === 45 ? 4 : -1;
  return d > 0 && d + 1 < w.length && UPPER_START.test(w.slice(d + 1)) && x.p.innerParticles.has(x.low[k]!.slice(0, d));
}

/** A word the gazetteer knows as a country or a region. */
function countryLike(w: string): boolean {
  for (const e of gazetteer().areas(spellingKey(w))) if (e.kind === "country" || e.kind === "admin1") return true;
  return false;
}

/** A word that may follow a particle inside a name: no country, people, adjective, common word or head. */
function nameAfterParticle(x: Scan, k: number): boolean {
  const { p, low } = x;
  const w = x.toks[k]!.text;
  const lw = low[k]!;
  return !p.demonyms.has(lw) && !p.adjectives.has(w) && !p.common.has(lw) && !p.functionWords.has(lw) && !x.lowerSeen.has(lw) && !headOf(p, w) && !compoundHead(p, w) && !countryLike(w);
}

/** A country adjective, also with a compass prefix: Zweedse, Oost-Libische, West-Libische. */
function demonymAt(x: Scan, k: number): boolean {
  const w = x.low[k]!;
  if (x.p.demonyms.has(w)) return true;
  const d = w.lastIndexOf("-");
  return d > 0 && x.p.demonyms.has(w.slice(d + 1)) && UPPER_START.test(x.toks[k]!.text);
}

/**
 * de Zweedse nationale seismische dienst, the British navy, het Russische ministerie van Defensie, de
 * Zweedse nationale omroep SVT: where the body's head ends, whether a compound made it, whether a name
 * must follow (a broadcaster or paper is named by its name).
 */
function bodyAt(x: Scan, k: number, end: number): { end: number; compound: boolean; named: boolean } | null {
  const { p, toks, low } = x;
  if (!isCap(toks[k]) || !demonymAt(x, k)) return null;
  let m = k + 1;
  for (let adj = 0; adj <= 3 && m < end; adj++, m++) {
    if (!isWord(toks[m]) || UPPER_START.test(toks[m]!.text)) return null;
    const w = low[m]!;
    if (m + 1 < end && isWord(toks[m + 1]) && p.bodyHeads.has(`${w} ${low[m + 1]}`)) return { end: m + 2, compound: false, named: false };
    if (p.bodyHeads.has(w)) return { end: m + 1, compound: false, named: false };
    if (p.namedBodyHeads.has(w)) return m + 1 < end && isCap(toks[m + 1]) ? { end: m + 1, compound: false, named: true } : null;
    // migratie-autoriteiten, inlichtingendienst: a compound names a body of its own
    for (const h of p.lex.bodyCompoundHeads) if (w.length > h.length + 2 && w.endsWith(h)) return { end: m + 1, compound: true, named: false };
    // only adjectives stand between: no function word, no verb of the sentence
    if (p.functionWords.has(w) || p.speech.has(w) || p.articles.has(w)) return null;
  }
  return null;
}

/** The chunk of a state body starting at token i (or after a sentence-initial article there), or null. */
function bodyChunk(x: Scan, from: number, to: number, i: number): Chunk | null {
  const { p, toks, low, doc } = x;
  let at = i;
  let body = bodyAt(x, at, to);
  // De Duitse geologische dienst at the start of a sentence: the article is no part of the body's name
  if (!body && p.functionWords.has(low[i]!) && i + 1 < to) body = bodyAt(x, (at = i + 1), to);
  if (!body) return null;
  void from;
  const bodyEnd = body.end;
  // qualified: an adjective, a compound, a compass point, a portfolio or its own name says which body;
  // the bare country adjective and noun (de Britse regering) is a name only for the heads that say so
  let qualified = body.compound || body.named || bodyEnd > at + 2 || low[at]!.includes("-");
  let e = bodyEnd;
  // de Zweedse nationale omroep SVT: the name after the head belongs to the body's name
  if (body.named) while (e < to && isCap(toks[e])) e++;
  // ministerie van Buitenlandse Zaken: the portfolio after "van" belongs to the body
  if (e + 1 < to && p.lex.portfolioLinkers.includes(low[e]!) && isCap(toks[e + 1])) {
    e += 2;
    if (e < to && p.lex.portfolioContinuations.includes(low[e]!) && isCap(toks[e])) e++;
    qualified = true;
  }
  if (!qualified && !p.lex.bareBodyHeads.includes(low.slice(at + 1, bodyEnd).join(" "))) return null;
  const first = toks[at]!, last = toks[e - 1]!;
  const c = newChunk(first.start, last.end, at, e, doc.text.slice(first.start, last.end), "name");
  c.head = { word: low[bodyEnd - 1]!, type: "organization" };
  c.headToken = bodyEnd - 1;
  c.adjectival = true;
  return c;
}

export function recognize(doc: Doc, p: Prepared): Chunk[] {
  const chunks: Chunk[] = [];
  const toks = doc.tokens;
  // every token's lower-case form, made once (the claims stage reads the same)
  const low = lowerTokens(toks);
  const gaz = gazetteer();
  // capitalised words seen inside sentences: a sentence-initial word seen there too is a name
  const midCaps = new Set<string>();
  const lowerSeen = new Set<string>();
  // indexed loops over the sentences: for-of's iterator results deoptimised this function (wrong map)
  const sentences = doc.sentences;
  const titled: boolean[] = [];
  for (let si = 0; si < sentences.length; si++) titled.push(titleCase(doc, sentences[si]!));
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const tc = titled[s.index]!;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = toks[i]!;
      if (t.kind !== "word") continue;
      if (!UPPER_START.test(t.text)) lowerSeen.add(low[i]!);
      else if (!tc && !sentenceInitial(doc, s, i)) midCaps.add(t.text);
    }
  }
  const x: Scan = { doc, p, toks, low, lowerSeen, midCaps, spanFrom: -1, spanTo: -1, spanStr: "", spanKeyStr: undefined };
  // "rebelo de sousa" once Marcelo Rebelo de Sousa has been named: the short form keeps its particle
  const particleTails = new Set<string>();

  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const tc = titled[s.index]!;
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      const t = toks[i]!;
      const articleStart = isWord(t) && low[i]!.length <= p.articleMax && p.articles.has(low[i]!) && (!isCap(t) || sentenceInitial(doc, s, i));
      if (!nameWord(x, i) || (articleStart && isWord(at(toks, i + 1)) && !UPPER_START.test(toks[i + 1]!.text))) {
        // het koninklijk paleis, the presidential palace: a building of which a capital has one, named so
        if (articleStart && isWord(at(toks, i + 1)) && isWord(at(toks, i + 2)) && i + 2 < s.tokenEnd && p.lex.landmarkAdjectives.includes(low[i + 1]!) && headOf(p, low[i + 2]!)?.type === "facility" && !isCap(at(toks, i + 3))) {
          const a1 = toks[i + 1]!, a2 = toks[i + 2]!;
          const c = newChunk(a1.start, a2.end, i + 1, i + 3, doc.text.slice(a1.start, a2.end), "name");
          c.head = headOf(p, low[i + 2]!)!;
          c.headToken = i + 2;
          c.hasCommon = true;
          chunks.push(c);
          i += 3;
          continue;
        }
        // a definite description naming a head: het legioen, the ministry
        if (articleStart) {
          const n = toks[i + 1];
          if (isWord(n) && i + 1 < s.tokenEnd && !UPPER_START.test(n.text) && (headOf(p, n.text) || compoundHead(p, n.text)) && !isCap(at(toks, i + 2))) {
            const c = newChunk(t.start, n.end, i + 1, i + 2, doc.text.slice(t.start, n.end), "description");
            c.descriptionHead = n.text.toLowerCase();
            chunks.push(c);
            i += 2;
            continue;
          }
        }
        i++;
        continue;
      }
      const body = bodyChunk(x, s.tokenStart, s.tokenEnd, i);
      if (body) {
        chunks.push(body);
        i = body.t1;
        continue;
      }
      // grow the chunk: capitalised words, initials, particles inside person names, connectors inside
      // organisation names
      let j = i + 1;
      let hasHead = bodyHeadAt(x, i);
      while (j < s.tokenEnd) {
        const u = toks[j]!;
        const prev = toks[j - 1]!;
        if (nameWord(x, j) && !(tc && lowerKnown(x, low[j]!) && !midCaps.has(u.text))) {
          // a given name inside a run starts a new name: minister van Onderwijs | Marleen Vanderpoorten
          if (p.givenNames.has(u.text) && !p.givenNames.has(prev.text) && prev.text !== "." && !p.particles.has(low[j - 1]!) && !hasHead && !roleOf(p, prev.text) && !p.namePrefixes.has(low[j - 1]!)) break;
          if (bodyHeadAt(x, j)) hasHead = true;
          j++;
          continue;
        }
        // an initial with its full stop: H. Bouwmeester
        if (u.text === "." && u.start === prev.end && INITIAL.test(prev.text) && isCap(at(toks, j + 1))) {
          j++;
          continue;
        }
        // S. de Wilde: an initial, its stop, particles, a surname
        if (u.text === "." && u.start === prev.end && INITIAL.test(prev.text) && isWord(at(toks, j + 1)) && p.particles.has(toks[j + 1]!.text)) {
          let k = j + 1;
          while (k < s.tokenEnd && isWord(at(toks, k)) && p.particles.has(toks[k]!.text)) k++;
          if (k < s.tokenEnd && isCap(at(toks, k))) {
            j = k;
            continue;
          }
        }
        // a name ending in an initial: Jozef V.
        if (u.text === "." && u.start === prev.end && INITIAL.test(prev.text) && j - i >= 1 && (j - i > 1 || !initialOnly(prev))) {
          j++;
          break;
        }
        if (u.text === "&" && isCap(at(toks, j + 1)) && j + 1 < s.tokenEnd) {
          j += 2;
          continue;
        }
        if (isWord(u) && !UPPER_START.test(u.text)) {
          const lw = low[j]!;
          // particles: Jan van der Berg, Ursula von der Leyen — right after a given name or an initial
          if (p.particles.has(lw)) {
            let k = j;
            while (k < s.tokenEnd && isWord(at(toks, k)) && p.particles.has(low[k]!)) k++;
            const first = toks[i]!;
            void first;
            const nextCap = k < s.tokenEnd && isCap(at(toks, k));
            let nameSoFar = nextCap && (p.givenNames.has(prev.text) || INITIAL.test(prev.text) ||
              (j - i === 2 && toks[i + 1]!.text === "." && INITIAL.test(first.text)) ||
              (p.particles.has(low[j - 1]!) && !p.articles.has(low[j - 1]!)));
            // Rebelo de Sousa once Marcelo Rebelo de Sousa has been named
            let tail = "";
            if (nextCap && (nameSoFar || particleTails.size > 0 || j - i >= 2)) tail = `${low[j - 1]} ${k - j === 1 ? lw : low.slice(j, k).join(" ")} ${low[k]}`;
            if (!nameSoFar && tail && particleTails.has(tail)) nameSoFar = true;
            // Marcelo Rebelo de Sousa: two capitalised words that are no common words make a person's name so far
            // (but "van" after a full name is "of": Ronan Keating van Boyzone)
            if (!nameSoFar && nextCap && j - i >= 2 && !hasHead && !p.lex.portfolioLinkers.includes(lw)) {
              let twoNames = true;
              for (let m = i; twoNames && m < j; m++) if (!isCap(at(toks, m)) || lowerKnown(x, low[m]!) || p.demonyms.has(low[m]!) || knownOf(p, toks[m]!.text)) twoNames = false;
              nameSoFar = twoNames && nameAfterParticle(x, k);
            }
            if (nameSoFar && !p.heads.get(low[k]!)) {
              if (particleTails.size < 10000) particleTails.add(tail);
              j = k;
              continue;
            }
          }
          // Osama bin Laden, Al Jabal al Akhdar: an Arabic particle between two name words
          if (p.innerParticles.has(lw) && j + 1 < s.tokenEnd && isCap(at(toks, j + 1)) && (!p.ambiguousInner.has(lw) || p.innerParticles.has(low[i]!)) &&
            !p.givenNames.has(toks[j + 1]!.text) && nameAfterParticle(x, j + 1)) {
            j += 1;
            continue;
          }
          // Pierre et Vacances: a foreign word for "and" inside one name
          if (p.lex.foreignConnectors.includes(lw) && j + 1 < s.tokenEnd && isCap(at(toks, j + 1)) && isCap(prev)) {
            j += 1;
            continue;
          }
          // connectors inside an organisation's name: Legioen Vrijheid voor Rusland, Bank of America
          if ((hasHead || lw === "&") && p.connectors.has(lw)) {
            let k = j;
            while (k < s.tokenEnd && isWord(at(toks, k)) && p.connectors.has(low[k]!) && k - j < 3) k++;
            if (k < s.tokenEnd && isCap(at(toks, k))) {
              j = k;
              continue;
            }
          }
        }
        break;
      }
      // trim the chunk: a sentence-initial function word, leading titles and honorifics, trailing non-names
      let a = i, b = j;
      const initial = sentenceInitial(doc, s, i) || tc;
      let role: string | undefined;
      let roleKind: RoleEntry["kind"] | undefined;
      let titleAt = -1;
      const fullKey = runKey(x, a, b);
      // a whole chunk the lexicon or (for several words: Den Haag) the gazetteer knows is kept whole
      const fullKnown = knownOf(p, runText(x, a, b), fullKey) ?? (j - i > 1 && gaz.has(fullKey) ? { type: "location" as EntityType } : undefined);
      let titled = false;
      let particleName = false;
      let typeNounLead: EntityType | undefined;
      if (!fullKnown) {
        const fw = low[a]!;
        // Van Roost, Van de Steene: a particle that is no article starts a name even at a sentence start
        const particleStart = b - a > 1 && p.particles.has(fw) && !p.articles.has(fw) && isCap(at(toks, a + 1)) && !p.demonyms.has(low[a + 1]!) && !p.adjectives.has(toks[a + 1]!.text);
        const prefixStart = b - a > 1 && p.namePrefixes.has(fw);
        while (!particleStart && !prefixStart && a < b && initial && a === i && (p.functionWords.has(low[a]!) || (lowerKnown(x, low[a]!) && !midCaps.has(toks[a]!.text) && !p.givenNames.has(toks[a]!.text) && !knownOf(p, toks[a]!.text)))) a++;
        // De Volder regisseert: an article that is also a surname particle, before one unknown capitalised word
        if (a === i + 1 && b - a === 1 && p.particles.has(fw) && p.articles.has(fw)) {
          const w = toks[a]!.text;
          const lw2 = w.toLowerCase();
          if (!lowerKnown(x, lw2) && !p.demonyms.has(lw2) && !p.adjectives.has(w) && !ALL_CAPS.test(w) && !knownOf(p, w) && !gaz.byKey(spellingKey(w)).some((e) => e.kind !== "place" || e.population >= 50000) && !headOf(p, w) && !compoundHead(p, w) && !typeNoun(p, w)) {
            a = i;
            particleName = true;
          }
        }
        // De Morgen, Het Laatste Nieuws: an article before capitalised common words is part of a title
        if (a === i + 1 && a < b && p.articles.has(fw)) {
          let allCommon = true;
          for (let k = a; k < b; k++) if (!lowerKnown(x, low[k]!) || p.demonyms.has(low[k]!)) allCommon = false;
          // De Vlaamse, De Brusselse: an adjective standing for a noun left out, no title
          const lastW = toks[b - 1]!.text;
          if (p.adjectives.has(lastW) || (lastW.length >= 6 && endsWithAny(lastW, p.lex.adjectiveSuffixes))) allCommon = false;
          const restKey = runKey(x, a, b);
          if (allCommon && !gaz.has(restKey) && !knownOf(p, runText(x, a, b), restKey) && !p.heads.get(low[b - 1]!)) {
            a = i;
            titled = true;
          }
        }
        // Textielbedrijf Domo, the carmaker Ford: a leading noun that says what the name is
        if (a < b - 1 && !titled) {
          const tn = typeNoun(p, toks[a]!.text);
          if (tn && !p.heads.get(low[a]!)) {
            typeNounLead = tn;
            a++;
          }
        }
        // Defense Minister Sergei Shoigu: a capitalised title of up to three words before the name
        for (let k = Math.min(a + 2, b - 2); k > a; k--) {
          const r = roleOf(p, toks[k]!.text);
          if (!r || p.heads.get(low[k + 1]!) || compoundHead(p, toks[k + 1]!.text)) continue;
          role = doc.text.slice(toks[a]!.start, toks[k]!.end);
          roleKind = r.kind;
          // (the alias is the whole title with the name: "Prime Minister Alexander De Croo", not half of it)
          titleAt = toks[a]!.start;
          a = k + 1;
          break;
        }
        while (a < b - 1) {
          const w = low[a]!;
          const r = roleOf(p, w);
          if (r || p.honorificWords.has(w) || p.rolePrefixes.has(w)) {
            // General Motors, Royal Navy, Koning Boudewijnstadion: a role word followed by a head is the name itself
            if (p.heads.get(low[a + 1]!) || compoundHead(p, toks[a + 1]!.text)) break;
            if (r) {
              role = role ? `${role} ${toks[a]!.text}` : toks[a]!.text;
              roleKind = r.kind;
              titleAt = toks[a]!.start;
            }
            a++;
            if (at(toks, a)?.text === ".") a++;
          } else break;
        }
        while (b > a && (p.nonNames.has(low[b - 1]!) || (toks[b - 1]!.text === "." && !(b - a > 2 && INITIAL.test(toks[b - 2]!.text))))) b--;
        // a connector or particle left dangling at the end
        while (b > a && !UPPER_START.test(toks[b - 1]!.text) && !particleWord(x, b - 1) && !(toks[b - 1]!.text === "." && b - a > 2 && INITIAL.test(toks[b - 2]!.text))) b--;
        // het Franse Danone, de Amerikaanse Osterloh: the adjective is no part of the name
        const adj = a < b ? toks[a]!.text : "";
        const inflected = !p.lex.inflectedAdjectiveEnding || adj.endsWith(p.lex.inflectedAdjectiveEnding);
        if (b - a >= 2 && inflected && (p.demonyms.has(adj.toLowerCase()) || p.adjectives.has(adj) || (adj.length >= 6 && !p.givenNames.has(adj) && endsWithAny(adj, p.lex.adjectiveSuffixes)))) {
          let head = false;
          for (let k = a; k < b; k++) if (p.heads.get(low[k]!) || compoundHead(p, toks[k]!.text)) head = true;
          // an acronym after it that takes the adjective's letter says the adjective belongs: Vlaamse Scholierenkoepel (VSK)
          const acr = at(toks, b)?.text === "(" && at(toks, b + 2)?.text === ")" ? toks[b + 1]!.text : "";
          const spelled = acr && ALL_CAPS.test(acr) && acronymFits(acr, runText(x, a, b));
          // The United Nations, New York: a name the lexicon or the gazetteer knows keeps its adjective
          if (!head && !spelled && !lowerKnown(x, low[a + 1]!)) {
            const whole = runText(x, a, b);
            const wholeKey = runKey(x, a, b);
            if (!knownOf(p, whole, wholeKey) && !gaz.has(wholeKey)) a++;
          }
        }
      }
      // a role word on its own (CEO, Minister) is no name
      if (a >= b || (b - a === 1 && roleOf(p, toks[a]!.text) && !knownOf(p, toks[a]!.text) && !(at(toks, a - 1)?.text === "(" && p.lex.countryAbbreviations[toks[a]!.text]))) {
        i = j;
        continue;
      }
      // minister van Onderwijs Marleen Vanderpoorten: after "role van", the first word is the portfolio
      if (b - a >= 2 && a === i && a - 2 >= s.tokenStart && p.lex.portfolioLinkers.includes(low[a - 1]!) && roleOf(p, toks[a - 2]!.text)) {
        const len = p.lex.portfolioContinuations.includes(low[a + 1]!) ? 2 : 1;
        if (b - a > len) {
          b = a + len;
          j = a + len;
        }
      }
      // Nord Stream 2, Radio 1: a small number right after a name that is no place belongs to it, unless
      // a table of figures goes on after it (Geel 2 0 1 1)
      const nt = at(toks, b);
      const after = at(toks, b + 1);
      if (b === j && b < s.tokenEnd && nt && nt.kind === "number" && /^[1-9]$/.test(nt.text) && nt.start === toks[b - 1]!.end + 1 &&
        !(after?.kind === "number" && /^\d+$/.test(after.text)) && !(after && after.start === nt.end && !/^[.,;:)]$/.test(after.text)) &&
        !(p.heads.get(low[b - 1]!) ?? compoundHead(p, toks[b - 1]!.text)?.head)?.type.startsWith("loc") &&
        !gaz.has(runKey(x, a, b)) && !knownOf(p, runText(x, a, b), runKey(x, a, b)) &&
        !p.givenNames.has(toks[b - 1]!.text)) {
        b++;
        j++;
      }
      const first = toks[a]!;
      const last = toks[b - 1]!;
      // a name inside a compound with a common noun (Poetin-regime, Kremlin-woordvoerder): the name part only
      let lastEnd = last.end;
      let dash = lowerTail(last.text);
      // ING-groep, Likoed-partij, Milieu-inspectie: a head after the dash makes the whole word the name
      let dashHead: HeadEntry | undefined;
      let dashType: EntityType | undefined;
      if (dash >= 0) {
        const tail = last.text.slice(dash + 1);
        dashHead = headOf(p, tail);
        dashType = dashHead ? undefined : typeNoun(p, tail);
        if ((dashHead && dashHead.type !== "other") || (dashType && dashType !== "location")) dash = -1;
        else dashHead = dashType = undefined;
      }
      if (dash >= 0) lastEnd = last.start + dash;
      // Milk Inc., Ford Motor Co.: the stop of a company abbreviation belongs to the name
      else if (at(toks, b)?.text === "." && toks[b]!.start === last.end && p.lex.nameAbbreviations.includes(low[b - 1]!)) lastEnd = toks[b]!.end;
      if (lastEnd - first.start < 2) {
        i = j;
        continue;
      }
      const text = spanText(x, first.start, lastEnd, first);
      const key = spanKey(x, first.start, lastEnd, first);
      const single = b - a === 1;
      const lw = low[a]!;
      // a capitalised adjective alone (Russische, European) is no name; nor a month or weekday
      const nextLower = isWord(at(toks, b)) && b < s.tokenEnd && !UPPER_START.test(toks[b]!.text);
      // Marat Safin (Rus), Tim Henman (GBr) / 6): a country abbreviation in parentheses after a name
      const abbrCountry = single && at(toks, a - 1)?.text === "(" && a - 2 >= s.tokenStart && isCap(at(toks, a - 2)) && (at(toks, b)?.text === ")" || at(toks, b)?.text === "/") ? p.lex.countryAbbreviations[first.text] : undefined;
      // Sept. 26, 10 AM, wo 12 mei: an abbreviated month, weekday or time of day
      const abbreviation = single && p.abbreviations.has(lw) && ((at(toks, b)?.text === "." && toks[b]!.start === first.end) || at(toks, b)?.kind === "number" || at(toks, a - 1)?.kind === "number");
      if (!abbrCountry && (abbreviation || (single && !fullKnown && ((nextLower && first.text.length >= 6 && !p.givenNames.has(first.text) && endsWithAny(first.text, p.lex.adjectiveSuffixes)) || p.demonyms.has(lw) || p.nonNames.has(lw) || (p.common.has(lw) && !initial && /^\p{Lu}\p{Ll}+e$/u.test(first.text) && !gaz.has(key)))))) {
        i = j;
        continue;
      }
      const chunk = newChunk(first.start, lastEnd, a, b, text, "name");
      if (dash >= 0) chunk.inCompound = true;
      if (dashHead) {
        chunk.head = dashHead;
        chunk.headToken = b - 1;
      }
      if (dashType) chunk.typeNoun = dashType;
      // bij Besix, de ploegleider van Once, Ronan Keating van Boyzone: a body one works at or for
      const p1 = a > s.tokenStart ? toks[a - 1] : undefined;
      const p2 = a - 1 > s.tokenStart ? toks[a - 2] : undefined;
      if (isWord(p1) && p.lex.organizationPrepositions.includes(low[a - 1]!)) chunk.orgContext = true;
      if (isWord(p1) && isWord(p2) && p.lex.portfolioLinkers.includes(low[a - 1]!) && (isCap(p2) || roleOf(p, p2.text))) chunk.orgContext = true;
      // Piet Jansen van de Koninklijke Landmacht
      const p3 = a - 2 > s.tokenStart ? toks[a - 3] : undefined;
      if (isWord(p1) && isWord(p2) && isWord(p3) && p.articles.has(low[a - 1]!) && p.lex.portfolioLinkers.includes(low[a - 2]!) && isCap(p3)) chunk.orgContext = true;
      // a capitalised word followed by a speech verb, or after one (zegt Deen): a person speaking
      const nextTok = toks[b];
      const prevTok = a > s.tokenStart ? toks[a - 1] : undefined;
      const prevTok2 = a - 1 > s.tokenStart ? toks[a - 2] : undefined;
      // (a two-word marker is joined for the look-up only after a word that can begin one)
      const attributed = (isWord(prevTok) && p.lex.attributionMarkers.includes(low[a - 1]!)) ||
        (isWord(prevTok2) && p.attributionFirsts.has(low[a - 2]!) && p.lex.attributionMarkers.includes(`${low[a - 2]} ${low[a - 1]}`));
      if ((isWord(nextTok) && b < s.tokenEnd && p.speech.has(low[b]!)) || (isWord(prevTok) && p.speech.has(low[a - 1]!)) || attributed) chunk.speaker = true;
      if (role) chunk.role = role;
      if (role && roleKind === "official" && titleAt >= 0) chunk.titleStart = titleAt;
      if (titled) chunk.titled = true;
      if (particleName) chunk.givenName = true;
      // H. Bouwmeester, S. de Wilde: an initial and its stop start a person's name
      if (INITIAL.test(first.text) && at(toks, a + 1)?.text === "." && b - a >= 3) chunk.givenName = true;
      if (typeNounLead) chunk.typeNoun = typeNounLead;
      // a lone capitalised common word (Radio, Leven): part of a title more often than a name
      if (single && !titled && p.common.has(lw) && !p.givenNames.has(first.text)) chunk.commonWord = true;
      // The Lion King in a Dutch text: a title, not a person
      if (!single && p.lex.foreignArticles.includes(lw)) chunk.hasCommon = true;
      // True Romance, Camping Casablanca: a run holding common words is seldom a person's name
      if (!single) for (let k = a; k < b; k++) {
        const w = low[k]!;
        if (p.common.has(w) && !p.particles.has(w) && !p.givenNames.has(toks[k]!.text)) chunk.hasCommon = true;
      }
      if (roleKind) chunk.roleKind = roleKind;
      // a role word just before the chunk: kolonel Han Bouwmeester, oud-president Medvedev
      if (!role && a > s.tokenStart) {
        const pt = toks[a - 1]!;
        const r = isWord(pt) && !UPPER_START.test(pt.text) ? roleOf(p, pt.text) : undefined;
        const r2 = !r && isWord(pt) && UPPER_START.test(pt.text) && a - 1 >= s.tokenStart && sentenceInitial(doc, s, a - 1) ? roleOf(p, pt.text) : undefined;
        const rr = r ?? r2;
        if (rr) {
          let rs = a - 1;
          const pp = toks[rs - 1];
          if (rs - 1 >= s.tokenStart && isWord(pp) && (p.rolePrefixes.has(low[rs - 1]!) || p.demonyms.has(low[rs - 1]!))) rs--;
          chunk.role = doc.text.slice(toks[rs]!.start, pt.end);
          chunk.roleKind = rr.kind;
          if (rr.kind === "official" && pt.end + 1 === first.start) chunk.titleStart = pt.start;
        }
      }
      // de presidentiële adviseur van Kiev, Mikhaylo Podolyak; Denmark's Prime Minister, Mette Frederiksen
      if (!single && !chunk.role && at(toks, a - 1)?.text === "," && a - 2 >= s.tokenStart) {
        const ap = roleApposition(doc, p, s.tokenStart, a - 2);
        if (ap) chunk.apposition = ap;
      }
      if (abbrCountry) {
        chunk.country = abbrCountry;
        chunk.typeNoun = "location";
      }
      if (at(toks, b)?.text === "(" && toks[b + 1] && p.lex.countryAbbreviations[toks[b + 1]!.text] && (at(toks, b + 2)?.text === ")" || at(toks, b + 2)?.text === "/")) chunk.player = true;
      // Vera Dua (Agalev), Didier Reynders (PRL): a name in parentheses after a person's is their party or club
      if (single && !abbrCountry && at(toks, a - 1)?.text === "(" && at(toks, b)?.text === ")" && a - 3 >= s.tokenStart && isCap(at(toks, a - 2)) && isCap(at(toks, a - 3)) && p.givenNames.has(toks[a - 3]!.text)) chunk.orgContext = true;
      const known = knownOf(p, text, key);
      if (known) chunk.known = known;
      if (known) {
        const same = p.same.get(text) ?? (text.length <= 2 && ALL_CAPS.test(text) ? undefined : p.sameByKey.get(key));
        if (same) chunk.same = same;
      }
      // a noun that says what the name is: het weblog Oryx, de grensplaats Sjebekino, the company Apple
      const tn = a > s.tokenStart && isWord(at(toks, a - 1)) && !UPPER_START.test(toks[a - 1]!.text) ? typeNoun(p, toks[a - 1]!.text) : undefined;
      if (tn && !chunk.typeNoun) chunk.typeNoun = tn;
      if (b - a > 1 && (p.demonyms.has(lw) || p.adjectives.has(first.text))) chunk.adjectival = true;
      // the first head names the body (Institute for the Study of War); an "other" head only when alone
      for (let k = a; k < b; k++) {
        const h = p.heads.get(low[k]!);
        if (h && (!chunk.head || (chunk.head.type === "other" && h.type !== "other"))) {
          chunk.head = h;
          chunk.headToken = k;
        }
      }
      if (!chunk.head) {
        const ch = compoundHead(p, last.text) ?? compoundHead(p, first.text);
        if (ch) {
          chunk.head = ch.head;
          chunk.headToken = compoundHead(p, last.text) ? b - 1 : a;
        }
      }
      let g = ALL_CAPS.test(text) ? [] : gaz.byKey(key);
      // a common word that is also a small town's name is the word, not the town
      if (chunk.commonWord) g = g.filter((e) => e.kind !== "place" || e.population >= 500000);
      if (g.length) {
        chunk.gaz = g;
        for (const e of g) {
          if (e.kind === "country") chunk.gazCountry = true;
          else if (e.kind === "place") {
            if (e.population >= 100000 || e.fcode === "PPLC") chunk.gazCity = true;
            if (e.population >= 5000) chunk.gazTown = true;
          }
        }
      }
      if (p.givenNames.has(first.text) && !ALL_CAPS.test(first.text)) chunk.givenName = true;
      if (!HAS_LOWER.test(text) && ALL_CAPS.test(text.replace(/\s/g, ""))) chunk.allCaps = true;
      // (JAB) on a line of its own or after the last sentence: a writer's initials under an article
      if (chunk.allCaps && single && text.length <= 4 && !known && at(toks, a - 1)?.text === "(" && at(toks, b)?.text === ")" && (a - 1 === s.tokenStart || /^[.!?”"’]$/.test(at(toks, a - 2)?.text ?? "")) && !p.lex.countryAbbreviations[text]) chunk.initials = true;
      const before = a > s.tokenStart ? toks[a - 1] : undefined;
      const before2 = a - 1 > s.tokenStart ? toks[a - 2] : undefined;
      if (isWord(before) && (p.locatives.has(low[a - 1]!) || (p.articles.has(low[a - 1]!) && isWord(before2) && p.locatives.has(low[a - 2]!)))) chunk.locative = true;
      // storm Daniel, orkaan Katrina, Hurricane Ian: the kind of thing is part of its name
      if (b - a >= 2 && p.namePrefixes.has(lw)) {
        chunk.head = { word: lw, type: p.namePrefixes.get(lw)! };
        chunk.headToken = a;
      } else if (a === i && a > s.tokenStart && !chunk.role) {
        const w1 = toks[a - 1]!;
        const w2 = a - 1 > s.tokenStart ? toks[a - 2] : undefined;
        let pre = isWord(w1) && !UPPER_START.test(w1.text) && p.namePrefixes.has(low[a - 1]!) ? a - 1 : -1;
        const two = pre >= 0 && isWord(w2) ? `${low[a - 2]} ${low[a - 1]}` : "";
        if (two && p.namePrefixes.has(two) && !UPPER_START.test(w2!.text)) pre = a - 2;
        if (pre >= 0) {
          const word = pre === a - 2 ? two : low[a - 1]!;
          chunk.start = toks[pre]!.start;
          chunk.t0 = pre;
          chunk.text = doc.text.slice(chunk.start, chunk.end);
          chunk.head = { word, type: p.namePrefixes.get(word)! };
          chunk.headToken = pre;
          chunk.gaz = undefined;
          chunk.givenName = undefined;
          chunk.tentative = false;
          chunks.push(chunk);
          i = j;
          continue;
        }
      }
      // a sentence-initial single word with no evidence waits for the rest of the report to confirm it (a
      // village of a few hundred, Four, is no evidence)
      if (initial && a === i && single && !known && !g.some((e) => e.kind !== "place" || e.population >= 1000) && !chunk.head && !chunk.role && !chunk.allCaps && !midCaps.has(first.text)) chunk.tentative = true;
      chunks.push(chunk);
      i = j;
    }
  }
  return chunks;
}

/**
 * The role description that ends at token `end` (inclusive) and stands before a comma and a name: back
 * to an article, a comma or the sentence start, at most six words, ending in a role noun or in a role
 * noun and "van/of" with a capitalised name (presidentiële adviseur van Kiev). Its offsets, or null.
 */
function roleApposition(doc: Doc, p: Prepared, from: number, end: number): { start: number; end: number } | null {
  const toks = doc.tokens;
  let roleAt = -1;
  let k = end;
  // "van Kiev", "of Denmark": a linker and capitalised words after the role
  let m = end;
  while (m > from && isCap(at(toks, m)) && end - m < 3) m--;
  if (m < end && p.lex.portfolioLinkers.includes(toks[m]!.text.toLowerCase()) && m - 1 >= from && roleOf(p, toks[m - 1]!.text)) k = m - 1;
  if (!isWord(at(toks, k)) || !roleOf(p, toks[k]!.text)) return null;
  roleAt = k;
  let start = k;
  for (let x = k - 1; x >= from && k - x < 6; x--) {
    const t = toks[x]!;
    const lw = t.text.toLowerCase();
    if (!isWord(t) || p.articles.has(lw) || lw === "a" || lw === "an" || lw === "een") break;
    if (p.functionWords.has(lw) || p.speech.has(lw)) return null;
    start = x;
  }
  void roleAt;
  return { start: toks[start]!.start, end: toks[end]!.end };
}

/** Links a chunk in parentheses right after another: the acronym (RVK) or the other-language name (Legion Svoboda Rossija). */
export function linkAppositions(doc: Doc, chunks: Chunk[]): void {
  const byStartToken = new Map<number, number>();
  chunks.forEach((c, k) => byStartToken.set(c.t0, k));
  chunks.forEach((c, k) => {
    if (c.via === "description") return;
    const open = doc.tokens[c.t1];
    if (open?.text !== "(") return;
    const inner = byStartToken.get(c.t1 + 1);
    if (inner === undefined) return;
    const x = chunks[inner]!;
    if (doc.tokens[x.t1]?.text !== ")") return;
    if (x.allCaps && x.t1 - x.t0 === 1) {
      // a body named by its head noun keeps its own language's acronym when its name is translated
      // ("Austrian Federal Railways (ÖBB)", "de Oostenrijkse Spoorwegen (ÖBB)")
      if (!acronymFits(x.text, c.text) && !initialsOfTail(x.text, c.text) && c.head?.type !== "organization") return;
      x.via = "acronym";
    } else if (x.t1 - x.t0 < 2 || c.givenName || c.role) {
      // Christian Ruud (Noo), Vera Dua (Agalev): a country or a party beside a person, not another name
      return;
    }
    x.appositionOf = k;
    x.tentative = false;
  });
}

/**
 * OCHA fits United Nations Office for the Coordination of Humanitarian Affairs: the acronym is the
 * initials of the last capitalised words of the name (the body's parent left out in front).
 */
export function initialsOfTail(acr: string, name: string): boolean {
  let initials = "";
  for (const w of name.split(/\s+/)) if (/^\p{Lu}/u.test(w)) initials += w[0]!.toUpperCase();
  return acr.length >= 2 && initials.length > acr.length && initials.endsWith(acr.toUpperCase());
}

/** RVK fits Russische Vrijwilligerskorps: the letters in order, the first at the start, each word used. */
export function acronymFits(acr: string, name: string): boolean {
  const a = acr.toLowerCase().replace(/[^a-z]/g, "");
  const words = name.toLowerCase().split(/\s+/);
  if (!a) return false;
  // the acronym may leave out a leading adjective: Oekraïense Instituut voor Strategische Studies (ISS)
  for (let w = 0; w < Math.min(2, words.length); w++) {
    const n = words.slice(w).join(" ");
    if (n[0] !== a[0]) continue;
    let k = 0;
    for (let i = 0; i < n.length && k < a.length; i++) if (n[i] === a[k]) k++;
    if (k === a.length) return true;
  }
  return false;
}
