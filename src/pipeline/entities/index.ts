// The entities stage: recognises names (recognize.ts), merges the names of one entity within the report
// (short forms, compounds, acronyms, appositions, transliteration variants, definite descriptions), types
// each entity, geocodes places and marks places that speak for their government.
import type { Doc, Entity, EntityType, Mention, Span } from "../../model/doc.js";
import type { Stage } from "../stage.js";
import { prepare, recognize, linkAppositions, compoundHead, acronymFits, roleOf, type Chunk, type Prepared } from "./recognize.js";
import type { EntityLexicon, RoleEntry } from "./lexicon.js";
import { spellingKey } from "../../geo/spelling.js";
import { geocodeAll, type PlaceQuery } from "../../geo/geocode.js";
import { gazetteer, type GazEntry } from "../../geo/gazetteer.js";

/** A word joined to a common noun by a hyphen ("EK-kwalificatiewedstrijd", "NAVO-topoverleg"): a thing's name. */
const COMMON_COMPOUND = /(?:^|\s)\p{Lu}[\p{L}\p{N}]*-\p{Ll}{5,}(?:\s|$)/u;

export { roleOf } from "./recognize.js";
export type { EntityLexicon, RoleEntry, RoleKind, HeadEntry } from "./lexicon.js";

/**
 * The role a word names in a language's entity lexicon (kolonel → official, Oost-Europadeskundige →
 * expert, oud-president → president/official, spokesman → official), or undefined. For the claims stage:
 * `roleOfWord(ctx.lang.entities, word)?.kind` tells what kind of source a titled speaker is.
 */
export function roleOfWord(lex: EntityLexicon, word: string): RoleEntry | undefined {
  return roleOf(prepare(lex), word);
}

/**
 * The entity one of whose mentions overlaps [start, end) most (a name mention before a description), or
 * undefined. For other stages: the claims stage maps a source span to its entity with it.
 */
export function entityAt(doc: Doc, start: number, end: number): Entity | undefined {
  // a source span names its speaker first and the speaker's body after ("kolonel Han Bouwmeester van de
  // Nederlandse Defensie Academie"): a person beats the rest, then the earliest mention, then the longest
  let best: Mention | undefined;
  const rank = (m: Mention) => (m.type === "person" ? 0 : 1);
  for (const m of doc.mentions) {
    if (m.end <= start || m.start >= end || !m.entity) continue;
    if (!best || rank(m) < rank(best) || (rank(m) === rank(best) && (m.start < best.start || (m.start === best.start && m.end > best.end)))) best = m;
  }
  return best?.entity ? doc.entityById(best.entity) : undefined;
}

/** The mention that covers a span (as entityAt, but the mention itself). */
export function mentionAt(doc: Doc, span: Span): Mention | undefined {
  const e = entityAt(doc, span.start, span.end);
  if (!e) return undefined;
  return e.mentions.map((i) => doc.mentions[i]!).find((m) => m.start < span.end && m.end > span.start);
}

class UnionFind {
  private p: number[];
  constructor(n: number) {
    this.p = [];
    for (let i = 0; i < n; i++) this.p.push(i);
  }
  find(x: number): number {
    while (this.p[x] !== x) x = this.p[x] = this.p[this.p[x]!]!;
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    // the earlier chunk stays the root, so groups are numbered in reading order
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function computeKeys(p: Prepared, c: Chunk): string[] {
  // names recur within and across reports: split and keyed once per text (bounded like the other memos); the
  // list is shared by every chunk of that text, read-only
  const memo = p.keysMemo;
  let out = memo.get(c.text);
  if (out) return out;
  out = [];
  for (const w of c.text.split(/[\s.]+/)) {
    if (!w) continue;
    const cc = p.demonyms.get(w.toLowerCase());
    out.push(cc ? cc.toLowerCase() : spellingKey(w));
  }
  if (memo.size > 50000) memo.clear();
  memo.set(c.text, out);
  return out;
}


/**
 * The type of a group of names from the strongest evidence any of them carries (lower rank = stronger):
 * lexicon, head noun, country, type noun, role, given name, region or big town, initials, capitals,
 * context (in/naar, bij/van), title, short form of a body, several words (a person), a speaker, nothing.
 */
function decideType(cs: readonly Chunk[]): { type: EntityType; government?: string; rank?: number } {
  let best: { type: EntityType; government?: string; rank?: number } | undefined;
  let rank = 99;
  const vote = (r: number, type: EntityType, government?: string) => {
    if (r < rank) {
      rank = r;
      best = government ? { type, government } : { type };
    }
  };
  // the full name decides: a short form's reading of its own (Eastwood, a town) does not outvote it
  let longest = 0;
  for (const c of cs) if (c.via === "name") longest = Math.max(longest, c.t1 - c.t0);
  for (const c of cs) {
    if (c.via === "description") continue;
    const short = c.via === "name" && c.t1 - c.t0 < longest;
    if (c.known) vote(0, c.known.type, c.known.government);
    if (c.initials) vote(6.4, "person");
    if (c.head && c.headToken !== undefined) vote(1, c.head.type);
    const gk = c.gaz?.[0]?.kind;
    if (!short && c.gazCountry) vote(2, "location");
    if (c.typeNoun) vote(2.5, c.typeNoun);
    // voorzitter BBL, CEO of IBM: a role before an acronym names the body's office, not a person
    if (c.role && !c.allCaps) vote(3, "person");
    if (c.givenName && c.t1 - c.t0 >= 2) vote(4, "person");
    if (c.player) vote(4, "person");
    if (c.givenName) vote(8.8, "person");
    if (!short && (gk === "admin1" || gk === "feature")) vote(5, "location");
    if (!short && c.gazCity) vote(5, "location");
    // a town of some size, unless it speaks like a person (zegt Guerra)
    if (!short && !c.speaker && c.gazTown) vote(5.5, "location");
    if (c.allCaps) vote(6.5, "organization");
    if (!short && c.gaz && c.locative) vote(6, "location");
    if (c.locative) vote(7, "location");
    if (c.orgContext) vote(7.5, "organization");
    if (c.adjectival) vote(8.5, "organization");
    if (c.titled) vote(8.6, "organization");
    if (c.speaker) vote(9.2, "person");
    if (c.commonWord) vote(9.5, "other");
    if (c.orgLike) vote(8.9, "organization");
    if (c.t1 - c.t0 >= 2) vote(9, c.hasCommon ? "other" : "person");
    // a single capitalised word with no evidence at all: a name, but of what we cannot say
    vote(10, "other");
  }
  if (best) best.rank = rank;
  return best ?? { type: "other" };
}

/** The token keys of a chunk and their join, computed once per chunk. */
function tokenKeys(p: Prepared, c: Chunk): string[] {
  return (c.keys ??= computeKeys(p, c));
}

function fullKeyOf(p: Prepared, c: Chunk): string {
  return (c.fullKey ??= tokenKeys(p, c).join(" "));
}

// The array helpers below are plain loops on purpose: the engine's inlined map/filter kept deoptimising the
// stage (wrong map on arrays whose element kind varies from report to report), costing more than the work.

/** Tentative sentence-initial words, kept only when the report confirms them; names inside compounds, dropped. */
function confirmChunks(p: Prepared, chunks: readonly Chunk[]): Chunk[] {
  // confirm tentative sentence-initial words: kept when the report names the same thing elsewhere
  const confirmed = new Set<string>();
  const fullKeys = new Set<string>();
  for (const c of chunks) {
    if (c.via === "description" || c.tentative) continue;
    for (const k of tokenKeys(p, c)) confirmed.add(k);
    if (!c.inCompound) fullKeys.add(fullKeyOf(p, c));
  }
  const out: Chunk[] = [];
  for (const c of chunks) {
    if (c.tentative) {
      let ok = true;
      for (const k of tokenKeys(p, c)) if (!confirmed.has(k)) {
        ok = false;
        break;
      }
      if (!ok) continue;
    }
    // Poetin-regime, KID-kinderen, NAVO-chef: a compound with a common noun is a word about the name, not a
    // mention of it (the entity stands on the report's other mentions)
    if (c.inCompound) continue;
    out.push(c);
  }
  return out;
}

/**
 * Belgacom … Belgacom Mobile: a body is shortened to its first word, a person to the last; a name that
 * also stands alone as the first word of a longer one is a body's.
 */
function markOrgLike(p: Prepared, chunks: readonly Chunk[]): void {
  const singles = new Set<string>();
  for (const c of chunks) if (c.via === "name" && c.t1 - c.t0 === 1) singles.add(tokenKeys(p, c)[0]!);
  if (!singles.size) return;
  const firsts = new Set<string>();
  for (const c of chunks) {
    if (c.via !== "name" || c.t1 - c.t0 < 2 || c.givenName || c.role) continue;
    const k = tokenKeys(p, c)[0]!;
    if (singles.has(k) && !p.particles.has(k)) {
      c.orgLike = true;
      firsts.add(k);
    }
  }
  if (!firsts.size) return;
  for (const c of chunks) if (c.via === "name" && c.t1 - c.t0 === 1 && firsts.has(tokenKeys(p, c)[0]!)) c.orgLike = true;
}

/** True when the chunks are in reading order, as recognize() makes them. */
function inOrder(chunks: readonly Chunk[]): boolean {
  for (let i = 1; i < chunks.length; i++) if (chunks[i]!.start < chunks[i - 1]!.start) return false;
  return true;
}

/**
 * Sorts `xs` by `cmp` unless it is in that order already, as it mostly is (chunks come in reading order):
 * the sort, stable, would leave it as it is, and still copy it to a work array of its own.
 */
function sortUnlessSorted<T>(xs: T[], cmp: (a: T, b: T) => number): void {
  for (let k = 1; k < xs.length; k++) if (cmp(xs[k - 1]!, xs[k]!) > 0) {
    xs.sort(cmp);
    return;
  }
}

/** Longest run of words a short form may be (longer names are only ever matched whole). */
const MAX_RUN = 6;
/** An acronym that fits more long names of its shape than this is taken as ambiguous without trying them all. */
const MAX_ACRONYM_CANDIDATES = 64;

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const l = m.get(k);
  if (!l) m.set(k, [v]);
  else if (l[l.length - 1] !== v) l.push(v);
}

/**
 * Joins the names of one entity: same key, apposition, acronym, short form, compound.
 * Linear in the number of names: the pairwise rules run once per distinct name (every occurrence of a
 * name is one group from the start) and find their partners through indexes of suffixes and word runs,
 * each list of which is read by the one distinct name whose key it holds.
 */
function mergeNames(doc: Doc, p: Prepared, chunks: readonly Chunk[], isName: readonly boolean[]): UnionFind {
  const n = chunks.length;
  const uf = new UnionFind(n);
  // distinct names by full key; the first occurrence stands for them all
  const byKey = new Map<string, number>();
  const distinct: number[] = [];
  /** Some occurrence of the distinct name is neither an acronym in parentheses nor known to the lexicon. */
  const shortOk = new Map<number, boolean>();
  for (let i = 0; i < n; i++) {
    if (!isName[i]) continue;
    const c = chunks[i]!;
    const fk = fullKeyOf(p, c);
    const prev = byKey.get(fk);
    // a known name is a short form only of itself after a country adjective (Libyan Red Crescent)
    const ok = c.via !== "acronym";
    if (prev !== undefined) {
      uf.union(prev, i);
      if (ok) shortOk.set(prev, true);
    } else {
      byKey.set(fk, i);
      distinct.push(i);
      shortOk.set(i, ok);
    }
  }
  for (let i = 0; i < n; i++) {
    const a = chunks[i]!.appositionOf;
    if (a !== undefined && isName[i]) uf.union(a, i);
  }
  // the other names of a known entity: IS, Islamitische Staat, Islamic State
  const sameAt = new Map<string, number>();
  for (const i of distinct) {
    const k = chunks[i]!.same;
    if (k === undefined) continue;
    const at = sameAt.get(k);
    if (at === undefined) sameAt.set(k, i);
    else uf.union(at, i);
  }
  // acronyms used on their own later (RVK) join the group whose name they abbreviate
  const acronymAt = new Map<string, number>();
  for (let i = 0; i < n; i++) if (isName[i] && chunks[i]!.via === "acronym" && !acronymAt.has(chunks[i]!.text)) acronymAt.set(chunks[i]!.text, i);
  if (acronymAt.size) for (const i of distinct) {
    const c = chunks[i]!;
    if (!c.allCaps || c.t1 - c.t0 !== 1 || c.known) continue;
    const acr = acronymAt.get(c.text);
    if (acr !== undefined) uf.union(acr, i);
  }
  // indexes over the distinct long names: a person's name by each of its endings (Deen = Bob Deen), a
  // body's name by each run of its words (Clingendael = Instituut Clingendael), and by head and word
  // (Vrijheidslegioen = Legioen Vrijheid voor Rusland)
  const features = p.lex.featureWords;
  const feature = (c: Chunk) => !!features?.length && c.t1 - c.t0 >= 2 && features.includes(doc.tokens[c.t0]!.text.toLowerCase());
  const personLike = (c: Chunk) => !c.head && !c.known && !c.gaz && (c.givenName || !!c.role || c.t1 - c.t0 >= 2);
  const suffixes = new Map<string, number[]>();
  // Filip = Koning Filip van België, Vladimir = Vladimir Poetin: a given name alone is the one person so named
  const givenFirst = new Map<string, number[]>();
  const runs = new Map<string, number[]>();
  const headWord = new Map<string, number[]>();
  for (const j of distinct) {
    const l = chunks[j]!;
    const kj = tokenKeys(p, l);
    if (kj.length < 2) continue;
    // "Wadi Derna" is the valley, not the town "Derna" its other word names: no short form of it
    if (feature(l)) continue;
    if (personLike(l)) {
      for (let s = Math.max(1, kj.length - MAX_RUN); s < kj.length; s++) push(suffixes, kj.slice(s).join(" "), j);
      if (l.givenName) push(givenFirst, kj[0]!, j);
    } else if (l.head) {
      for (let a = 0; a < kj.length; a++) {
        for (let b = a + 1; b <= Math.min(kj.length, a + MAX_RUN); b++) if (b - a < kj.length) push(runs, kj.slice(a, b).join(" "), j);
      }
    }
    if (l.headToken !== undefined) {
      const hk = spellingKey(doc.tokens[l.headToken]!.text);
      for (let x = 0; x < kj.length; x++) if (kj.indexOf(kj[x]!) === x) push(headWord, `${hk}\u0000${kj[x]}`, j);
    }
  }
  // short forms: Deen = Bob Deen, Clingendael = Instituut Clingendael, Vrijwilligerskorps = Russische Vrijwilligerskorps;
  // longer ones first, so that Donna Brazile has joined Chairperson Donna Brazile before Brazile asks
  const byLength: number[] = [];
  for (let len = MAX_RUN; len >= 1; len--) for (const i of distinct) if (tokenKeys(p, chunks[i]!).length === len) byLength.push(i);
  for (const i of byLength) {
    const c = chunks[i]!;
    if (!shortOk.get(i)) continue;
    // a name the gazetteer knows well is its own place, unless a person's full name ends in it and it
    // stands after no locative (Lindsay Davenport … Davenport, but in Davenport)
    const wellKnown = !!c.gaz && c.gaz.some((e) => e.kind !== "place" || e.population >= 100000);
    if (wellKnown && (c.locative || c.gazCountry)) continue;
    const ki = tokenKeys(p, c);
    if (!ki.length || ki.length > MAX_RUN) continue;
    const fk = fullKeyOf(p, c);
    const single = ki.length === 1 ? c.text.toLowerCase() : "";
    let target = -1;
    let ambiguous = false;
    const bySuffix = suffixes.get(fk);
    // a given name alone that ends no full name: the first name of the one person so named
    const byGiven = !bySuffix && ki.length === 1 && c.givenName && !c.known ? givenFirst.get(fk) : undefined;
    const byRun = wellKnown ? undefined : runs.get(fk);
    for (const list of [bySuffix, byRun, wellKnown ? undefined : byGiven]) {
      if (!list || ambiguous) continue;
      for (const j of list) {
        if (j === i) continue;
        if (c.known && !(chunks[j]!.adjectival && tokenKeys(p, chunks[j]!).length === ki.length + 1)) continue;
        // a body's head word alone (Instituut) is a description of it, not its short name
        if (list === byRun && single && chunks[j]!.head!.word === single) continue;
        const r = uf.find(j);
        if (target >= 0 && uf.find(target) !== r) {
          ambiguous = true;
          break;
        }
        target = j;
      }
    }
    if (target >= 0 && !ambiguous) uf.union(target, i);
  }
  // compounds: Vrijheidslegioen = Legioen Vrijheid voor Rusland (same head, the modifier among the words)
  if (headWord.size) for (const i of distinct) {
    const c = chunks[i]!;
    if (c.t1 - c.t0 !== 1) continue;
    const ch = compoundHead(p, c.text);
    if (!ch) continue;
    const js = headWord.get(`${spellingKey(ch.head.word)}\u0000${spellingKey(ch.modifier)}`);
    if (js) for (const j of js) if (j !== i) uf.union(j, i);
  }
  // an acronym standing alone that fits exactly one long name of the report joins it
  const longWithHead = new Map<string, number[]>();
  for (const j of distinct) {
    const x = chunks[j]!;
    if (x.t1 - x.t0 < 2 || !x.head) continue;
    // acronymFits may skip a leading adjective: index by the initial of the first two words
    const words = x.text.toLowerCase().split(/\s+/, 2);
    push(longWithHead, `${x.t1 - x.t0}${words[0]![0]}`, j);
    if (words[1] && words[1][0] !== words[0]![0]) push(longWithHead, `${x.t1 - x.t0}${words[1][0]}`, j);
  }
  if (longWithHead.size) {
    const size = new Map<number, number>();
    for (let j = 0; j < n; j++) if (isName[j]) size.set(uf.find(j), (size.get(uf.find(j)) ?? 0) + 1);
    for (const i of distinct) {
      const c = chunks[i]!;
      if (!c.allCaps || c.known || c.t1 - c.t0 !== 1 || uf.find(i) !== i || (size.get(i) ?? 0) > 1) continue;
      const cands = longWithHead.get(`${c.text.length}${c.text[0]!.toLowerCase()}`);
      if (!cands) continue;
      let fit = -1;
      let root = -1;
      let groups = 0;
      for (let x = 0; x < cands.length && groups < 2; x++) {
        if (x >= MAX_ACRONYM_CANDIDATES) {
          groups = 2;
          break;
        }
        const j = cands[x]!;
        if (!acronymFits(c.text, chunks[j]!.text)) continue;
        const r = uf.find(j);
        if (fit < 0) {
          fit = j;
          root = r;
          groups = 1;
        } else if (r !== root) groups = 2;
      }
      if (groups === 1) uf.union(fit, i);
    }
  }
  return uf;
}

interface Group {
  idx: number[];
  type: EntityType;
  /** Always present (undefined when none), so that every group has one shape. */
  government: string | undefined;
  name: string;
  heads: Set<string>;
  /** True when nothing but being a name typed it (it may borrow the type of the names it is listed with). */
  untyped: boolean;
}

/** Lists of places are lists of places: Grajvoron, Kozinka en Glotovo. */
function typeLists(doc: Doc, p: Prepared, chunks: readonly Chunk[], groups: readonly Group[]): void {
  const gOf: (Group | undefined)[] = [];
  for (let i = 0; i < chunks.length; i++) gOf.push(undefined);
  const order: number[] = [];
  for (const g of groups) for (const i of g.idx) {
    if (!gOf[i]) order.push(i);
    gOf[i] = g;
  }
  sortUnlessSorted(order, (x, y) => chunks[x]!.start - chunks[y]!.start);
  // only places pass their type on: a list of villages is a list of places, while a list that
  // mixes a company with its founder is common enough to make the other types unsafe
  const typed = (g: Group) => !g.untyped && g.type === "location";
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k + 1 < order.length; k++) {
      const x = chunks[order[k]!]!, y = chunks[order[k + 1]!]!;
      if (y.t0 - x.t1 !== 1) continue;
      const sep = doc.tokens[x.t1]!.text.toLowerCase();
      if (!p.lex.listSeparators.includes(sep)) continue;
      const gx = gOf[order[k]!]!, gy = gOf[order[k + 1]!]!;
      if (gx === gy) continue;
      if (gx.untyped && typed(gy)) {
        gx.type = gy.type;
        gx.untyped = false;
      } else if (gy.untyped && typed(gx)) {
        gy.type = gx.type;
        gy.untyped = false;
      }
    }
  }
}

/**
 * Definite descriptions: het legioen → the one group with that head, or, if several have it, the one
 * named last before the description. One sweep in reading order.
 */
function attachDescriptions(p: Prepared, chunks: readonly Chunk[], isName: readonly boolean[], groups: readonly Group[]): void {
  let any = false;
  for (let i = 0; i < chunks.length; i++) if (!isName[i]) any = true;
  if (!any) return;
  // the groups a description may name, by head, in group order
  const byHead = new Map<string, Group[]>();
  const groupOf: (Group | undefined)[] = [];
  for (let i = 0; i < chunks.length; i++) groupOf.push(undefined);
  for (const g of groups) {
    for (const i of g.idx) groupOf[i] = g;
    if (g.type === "person" || g.type === "location") continue;
    for (const h of g.heads) {
      const l = byHead.get(h);
      if (l) l.push(g);
      else byHead.set(h, [g]);
    }
  }
  // chunks come in reading order (recognize() scans left to right)
  const order: number[] = [];
  for (let i = 0; i < chunks.length; i++) order.push(i);
  if (!inOrder(chunks)) order.sort((x, y) => chunks[x]!.start - chunks[y]!.start || x - y);
  // the group of each head named last so far
  const last = new Map<string, Group>();
  const seen = (g: Group) => {
    if (g.type !== "person" && g.type !== "location") for (const h of g.heads) last.set(h, g);
  };
  for (const i of order) {
    const c = chunks[i]!;
    if (isName[i]) {
      const g = groupOf[i];
      if (g) seen(g);
      continue;
    }
    const h = c.descriptionHead!;
    const ch = compoundHead(p, h);
    const word = ch ? ch.head.word : h;
    const fits = byHead.get(word);
    if (!fits) continue;
    const g = fits.length === 1 ? fits[0]! : last.get(word);
    if (!g) continue;
    g.idx.push(i);
    seen(g);
  }
}

export function extractEntities(doc: Doc, p: Prepared): void {
  const found = recognize(doc, p);
  linkAppositions(doc, found);
  const chunks = confirmChunks(p, found);
  // appositions refer by index: rebuild them after filtering
  linkAppositions(doc, chunks);
  markOrgLike(p, chunks);
  // "Wadi Derna", "Lake Chad": the feature word says what the name is, as "de stad" before a name does
  const features = p.lex.featureWords;
  if (features?.length) for (const c of chunks) if (c.t1 - c.t0 >= 2 && !c.typeNoun && features.includes(doc.tokens[c.t0]!.text.toLowerCase())) c.typeNoun = "location";
  const n = chunks.length;
  const isName: boolean[] = [];
  for (const c of chunks) isName.push(c.via !== "description");
  const uf = mergeNames(doc, p, chunks, isName);

  // groups in reading order
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!isName[i]) continue;
    const r = uf.find(i);
    const l = members.get(r);
    if (l) l.push(i);
    else members.set(r, [i]);
  }
  const groups: Group[] = [];
  const byFirst = [...members.values()];
  sortUnlessSorted(byFirst, (a, b) => a[0]! - b[0]!);
  for (const idx of byFirst) {
    const cs: Chunk[] = [];
    for (const i of idx) cs.push(chunks[i]!);
    const decided = decideType(cs);
    const { type, government } = decided;
    let canon = cs[0]!;
    for (const c of cs) {
      if (c.via === "acronym") continue;
      if (canon.via === "acronym" || c.t1 - c.t0 > canon.t1 - canon.t0) canon = c;
    }
    const heads = new Set<string>();
    for (const c of cs) {
      if (c.head) heads.add(c.head.word);
      const ch = compoundHead(p, doc.tokens[c.t1 - 1]!.text);
      if (ch) heads.add(ch.head.word);
    }
    // no spread of an optional field: it made the literal a slow copy and gave groups two shapes
    groups.push({ idx, type, government: government || undefined, name: canon.text, heads, untyped: (decided.rank ?? 10) >= 9.5 });
  }
  typeLists(doc, p, chunks, groups);
  attachDescriptions(p, chunks, isName, groups);

  // geocode the places, all at once so that each is read in the light of the others
  // places: what the evidence types as a location, and single names with no evidence at all, which the
  // gazetteer may still know in the context of the report (bij Bohodoechov, in a report on the Charkiv oblast)
  const weak = (g: Group) => g.type === "other" && g.idx.every((i) => { const c = chunks[i]!; return c.via === "description" || (c.t1 - c.t0 === 1 && !c.head && !c.commonWord && !c.allCaps && !c.adjectival); });
  const locs: Group[] = [];
  for (const g of groups) if (g.type === "location" || weak(g)) locs.push(g);
  const queries: PlaceQuery[] = [];
  for (const g of locs) {
    const names = new Set<string>();
    let hinted = 0;
    let supported = false;
    for (const i of g.idx) {
      const c = chunks[i]!;
      if (isName[i]) names.add(c.text);
      if (REGION_WORD.test(doc.text.slice(Math.max(0, c.start - 12), c.end + 8))) hinted++;
      if (c.locative || c.typeNoun === "location" || (c.head && c.head.type === "location")) supported = true;
    }
    const common = g.idx.some((i) => chunks[i]!.commonWord === true);
    queries.push({ strict: g.type !== "location", names: [...names], regionHint: 2 * hinted > g.idx.length, supported: supported || hinted > 0, common });
  }
  const geo = geocodeAll(queries);
  const geoOf = new Map<Group, GazEntry>();
  for (let k = 0; k < locs.length; k++) {
    // a country abbreviation of a results list is that country
    let e = geo[k];
    for (const i of locs[k]!.idx) if (chunks[i]!.country) e = gazetteer().country(chunks[i]!.country!) ?? e;
    if (e) {
      geoOf.set(locs[k]!, e);
      locs[k]!.type = "location";
    }
  }
  const within = placeTowns(doc, chunks, groups, geoOf);
  // "Wadi Derna" the gazetteer does not hold runs by the town its other words name: that town's coordinates,
  // a key of its own
  if (features?.length) {
    const byName = new Map<string, Group>();
    for (const g of groups) if (geoOf.get(g)?.kind === "place" && !byName.has(g.name)) byName.set(g.name, g);
    for (const g of groups) {
      if (g.type !== "location" || geoOf.has(g) || within.has(g)) continue;
      const sp = g.name.indexOf(" ");
      if (sp < 0 || !features.includes(g.name.slice(0, sp).toLowerCase())) continue;
      const town = byName.get(g.name.slice(sp + 1));
      if (town) within.set(g, geoOf.get(town)!);
    }
  }

  // build mentions and entities
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  sortUnlessSorted(order, (a, b) => chunks[a]!.start - chunks[b]!.start || chunks[b]!.end - chunks[a]!.end);
  const groupOf = new Int32Array(n).fill(-1);
  for (let gi = 0; gi < groups.length; gi++) for (const i of groups[gi]!.idx) groupOf[i] = gi;
  const mentionIndex = new Int32Array(n);
  for (const i of order) {
    const gi = groupOf[i]!;
    if (gi < 0) continue;
    const c = chunks[i]!;
    const m: Mention = { start: c.start, end: c.end, text: c.text, type: groups[gi]!.type, entity: `e${gi + 1}`, via: c.via };
    if (c.role) m.role = c.role;
    mentionIndex[i] = mentions.length;
    mentions.push(m);
  }
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const id = `e${gi + 1}`;
    const ms: number[] = [];
    for (const i of g.idx) ms.push(mentionIndex[i]!);
    sortUnlessSorted(ms, (a, b) => a - b);
    const aliases: string[] = [];
    // a set only for the rare group with many names: an array is cheaper for the usual few
    const had = g.idx.length > 16 ? new Set<string>([g.name]) : undefined;
    const add = (alt: string) => {
      if (alt === g.name || (had ? had.has(alt) : aliases.includes(alt))) return;
      had?.add(alt);
      aliases.push(alt);
    };
    for (const i of g.idx) {
      const c = chunks[i]!;
      if (c.via === "description") continue;
      add(c.text);
      // generaal Haftar, President Duda, Koning Filip: the name with its title is a name of the person too;
      // so is a role description in apposition (Denmark's Prime Minister, Mette Frederiksen)
      if (g.type === "person" && c.titleStart !== undefined) add(doc.text.slice(c.titleStart, c.end));
      if (g.type === "person" && c.apposition) add(doc.text.slice(c.apposition.start, c.apposition.end));
    }
    const e: Entity = { id, type: g.type, name: g.name, aliases, key: "", mentions: ms };
    const ge = geoOf.get(g);
    const town = within.get(g);
    if (town) {
      // the venue itself is not in the gazetteer: its town's coordinates, and a key of its own
      e.geo = { lat: town.lat, lon: town.lon, country: town.country, geonameId: 0, within: { name: town.name, geonameId: town.geonameId } };
      e.key = `${g.type === "facility" ? "fac" : "loc"}:${fullKeyOf(p, chunks[g.idx.find((i) => chunks[i]!.text === g.name)!]!)}`;
    } else if (ge) {
      // the optional fields added in the order the output has them, without spreading literals (slow copies)
      const geo: NonNullable<Entity["geo"]> = { lat: ge.lat, lon: ge.lon, country: ge.country, geonameId: ge.geonameId };
      if (ge.admin1) geo.admin1 = ge.admin1;
      if (ge.population) geo.population = ge.population;
      e.geo = geo;
      e.key = ge.kind === "place" ? `geo:${ge.geonameId}` : ge.kind === "country" ? `geo:${ge.country}` : ge.kind === "feature" ? `geo:${ge.fcode}.${spellingKey(ge.name)}` : `geo:${ge.country}.${ge.admin1}`;
    } else if (g.idx.some((i) => chunks[i]!.same !== undefined)) {
      // IS, Islamitische Staat, Islamic State: one key in every language
      e.key = `known:${chunks[g.idx.find((i) => chunks[i]!.same !== undefined)!]!.same}`;
    } else if (g.government) {
      e.key = `gov:${g.government}`;
      e.metonymGovernment = true;
    } else if (g.type === "person") {
      const canon = chunks[g.idx.find((i) => chunks[i]!.text === g.name)!]!;
      const ks = tokenKeys(p, canon);
      // a compound whose head is a common noun ("EK-kwalificatiewedstrijd België") names no person by its
      // last word: keyed whole, it never joins a surname ("Koning Filip van België")
      e.key = COMMON_COMPOUND.test(g.name) ? `per:${ks.join(" ")}` : `per:${ks[ks.length - 1]}`;
    } else {
      const canon = chunks[g.idx.find((i) => chunks[i]!.text === g.name)!]!;
      e.key = `${g.type === "location" ? "loc" : "org"}:${fullKeyOf(p, canon)}`;
    }
    entities.push(e);
  }
  markMetonymy(doc, p, mentions, entities, geoOf, groups);
  doc.mentions = mentions;
  doc.entities = entities;
}

/**
 * Venues, squares and streets the gazetteer does not hold (het Koning Boudewijnstadion in Brussel, the
 * Crocus City Hall on the edge of Moscow): the town the report puts them in, a town named in the same
 * sentence, else the town the report names most, if it names one more than once or only one.
 */
function placeTowns(doc: Doc, chunks: readonly Chunk[], groups: readonly Group[], geoOf: Map<Group, GazEntry>): Map<Group, GazEntry> {
  const out = new Map<Group, GazEntry>();
  const venue = (g: Group) => !geoOf.has(g) && (g.type === "facility" || (g.type === "location" && g.idx.some((i) => chunks[i]!.head?.type === "location")));
  if (!groups.some(venue)) return out;
  const sentenceOf = new Int32Array(doc.tokens.length);
  for (const st of doc.sentences) for (let k = st.tokenStart; k < st.tokenEnd; k++) sentenceOf[k] = st.index;
  // towns by sentence, and the report's main town
  const townsIn = new Map<number, { at: number; e: GazEntry }[]>();
  const count = new Map<GazEntry, number>();
  for (const g of groups) {
    const e = geoOf.get(g);
    if (!e || e.kind !== "place") continue;
    for (const i of g.idx) {
      const c = chunks[i]!;
      const si = sentenceOf[c.t0]!;
      const l = townsIn.get(si);
      if (l) l.push({ at: c.start, e });
      else townsIn.set(si, [{ at: c.start, e }]);
      count.set(e, (count.get(e) ?? 0) + 1);
    }
  }
  let main: GazEntry | undefined;
  let best = 0;
  for (const [e, n] of count) if (n > best) {
    best = n;
    main = e;
  }
  if (main && best < 2 && count.size > 1) main = undefined;
  for (const g of groups) {
    if (!venue(g)) continue;
    let town: GazEntry | undefined;
    for (const i of g.idx) {
      const c = chunks[i]!;
      const l = townsIn.get(sentenceOf[c.t0]!);
      if (!l) continue;
      let d = Infinity;
      for (const t of l) if (Math.abs(t.at - c.start) < d) {
        d = Math.abs(t.at - c.start);
        town = t.e;
      }
      if (town) break;
    }
    town ??= main;
    if (town) out.set(g, town);
  }
  return out;
}

const REGION_WORD = /\b(?:regio|region|oblast|provincie|province)\b/i;

/** Kyiv bevestigt, volgens Moskou, door Kyiv bevestigd, Moscow said: the place speaks for its government. */
function markMetonymy(doc: Doc, p: Prepared, mentions: Mention[], entities: Entity[], geoOf: Map<object, GazEntry>, groups: object[]): void {
  const toks = doc.tokens;
  const tokenAt = { get(at: number): number | undefined {
    let lo = 0, hi = toks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = toks[mid]!.start;
      if (s < at) lo = mid + 1;
      else if (s > at) hi = mid - 1;
      else return mid;
    }
    return undefined;
  } };
  entities.forEach((e, gi) => {
    const ge = geoOf.get(groups[gi]!);
    const seat = e.metonymGovernment === true;
    const governs = seat || (ge && (ge.kind === "country" || ge.fcode === "PPLC" || ge.kind === "admin1" || ge.fcode === "PPLA"));
    if (!governs) return;
    for (const mi of e.mentions) {
      const m = mentions[mi]!;
      if (m.via === "description") continue;
      const a = tokenAt.get(m.start);
      if (a === undefined) continue;
      let b = a;
      while (b < toks.length && toks[b]!.end < m.end) b++;
      const next = toks[b + 1];
      const prev = toks[a - 1];
      const prev2 = toks[a - 2];
      const lw = (t: typeof next) => (t && t.kind === "word" ? t.text.toLowerCase() : "");
      // Kyiv bevestigt, Moscow would say: one auxiliary may stand between
      let speaks = p.speech.has(lw(next)) || (p.lex.auxiliaries.includes(lw(next)) && p.speech.has(lw(toks[b + 2])));
      if (!speaks && p.sourceMarkers.has(lw(prev))) {
        // volgens Kyiv / aldus Kyiv speak at once; door Kyiv / by Moscow need a speech verb close after
        speaks = lw(prev) === "volgens" || lw(prev) === "aldus" || lw(prev) === "according";
        for (let k = b + 1; !speaks && k <= b + 3 && k < toks.length; k++) if (p.speech.has(lw(toks[k]))) speaks = true;
      }
      if (!speaks && lw(prev) === "to" && p.sourceMarkers.has(lw(prev2))) speaks = true;
      if (speaks || seat) {
        m.via = "metonym";
        m.type = "organization";
        e.metonymGovernment = true;
      }
    }
  });
}

export const entities: Stage = (doc, ctx) => extractEntities(doc, prepare(ctx.lang.entities));
