// The entities stage: recognises names (recognize.ts), merges the names of one entity within the report
// (short forms, compounds, acronyms, appositions, transliteration variants, definite descriptions), types
// each entity, geocodes places and marks places that speak for their government.
import type { Doc, Entity, EntityType, Mention, Span } from "../../model/doc.js";
import type { Stage } from "../stage.js";
import { prepare, recognize, linkAppositions, compoundHead, acronymFits, roleOf, type Chunk, type Prepared } from "./recognize.js";
import type { EntityLexicon, RoleEntry } from "./lexicon.js";
import { spellingKey } from "../../geo/spelling.js";
import { geocodeAll } from "../../geo/geocode.js";
import type { GazEntry } from "../../geo/gazetteer.js";

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
    this.p = Array.from({ length: n }, (_, i) => i);
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

/** Token keys of a chunk, demonyms replaced by their country code (Russische/Russisch → ru). */
const keyCache = new WeakMap<Chunk, string[]>();

function tokenKeys(doc: Doc, p: Prepared, c: Chunk): string[] {
  const hit = keyCache.get(c);
  if (hit) return hit;
  const out = computeKeys(p, c);
  keyCache.set(c, out);
  void doc;
  return out;
}

function computeKeys(p: Prepared, c: Chunk): string[] {
  const out: string[] = [];
  for (const w of c.text.split(/[\s.]+/)) {
    if (!w) continue;
    const cc = p.demonyms.get(w.toLowerCase());
    out.push(cc ? cc.toLowerCase() : spellingKey(w));
  }
  return out;
}

function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
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
    if (!short && c.gaz && c.gaz.some((e) => e.kind === "country")) vote(2, "location");
    if (c.typeNoun) vote(2.5, c.typeNoun);
    if (c.role) vote(3, "person");
    if (c.givenName && c.t1 - c.t0 >= 2) vote(4, "person");
    if (c.givenName) vote(8.8, "person");
    if (!short && gk === "admin1") vote(5, "location");
    if (!short && c.gaz && c.gaz.some((e) => e.kind === "place" && (e.population >= 100000 || e.fcode === "PPLC"))) vote(5, "location");
    // a town of some size, unless it speaks like a person (zegt Guerra)
    if (!short && !c.speaker && c.gaz && c.gaz.some((e) => e.kind === "place" && e.population >= 5000)) vote(5.5, "location");
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

export function extractEntities(doc: Doc, p: Prepared): void {
  let chunks = recognize(doc, p);
  linkAppositions(doc, chunks);
  const names = chunks.filter((c) => c.via !== "description");
  // confirm tentative sentence-initial words: kept when the report names the same thing elsewhere
  const confirmed = new Set<string>();
  for (const c of names) {
    if (c.tentative) continue;
    for (const k of tokenKeys(doc, p, c)) confirmed.add(k);
  }
  const fullKeys = new Set(names.filter((c) => !c.tentative && !c.inCompound).map((c) => tokenKeys(doc, p, c).join(" ")));
  chunks = chunks.filter((c) => (!c.tentative || tokenKeys(doc, p, c).every((k) => confirmed.has(k))) && (!c.inCompound || fullKeys.has(tokenKeys(doc, p, c).join(" "))));
  // appositions refer by index: rebuild them after filtering
  linkAppositions(doc, chunks);

  // Belgacom … Belgacom Mobile: a body is shortened to its first word, a person to the last; a name that
  // also stands alone as the first word of a longer one is a body's
  {
    const singles = new Set<string>();
    for (const c of chunks) if (c.via === "name" && c.t1 - c.t0 === 1) singles.add(tokenKeys(doc, p, c)[0]!);
    const firsts = new Set<string>();
    for (const c of chunks) {
      if (c.via !== "name" || c.t1 - c.t0 < 2 || c.givenName || c.role) continue;
      const k = tokenKeys(doc, p, c)[0]!;
      if (singles.has(k) && !p.particles.has(k)) {
        c.orgLike = true;
        firsts.add(k);
      }
    }
    for (const c of chunks) if (c.via === "name" && c.t1 - c.t0 === 1 && firsts.has(tokenKeys(doc, p, c)[0]!)) c.orgLike = true;
  }
  const n = chunks.length;
  const uf = new UnionFind(n);
  const keys = chunks.map((c) => tokenKeys(doc, p, c));
  const full = keys.map((k) => k.join(" "));
  const nameFlags = chunks.map((c) => c.via !== "description");
  const isName = (i: number) => nameFlags[i]!;
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!isName(i)) continue;
    const prev = byKey.get(full[i]!);
    if (prev !== undefined) uf.union(prev, i);
    else byKey.set(full[i]!, i);
  }
  for (let i = 0; i < n; i++) {
    const a = chunks[i]!.appositionOf;
    if (a !== undefined && isName(i)) uf.union(a, i);
  }
  // indexes for the pairwise rules below, so that they stay linear in practice
  const byToken = new Map<string, number[]>();
  const byHeadWord = new Map<string, number[]>();
  const acronymAt = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    if (!isName(j)) continue;
    const c = chunks[j]!;
    if (c.via === "acronym" && !acronymAt.has(c.text)) acronymAt.set(c.text, j);
    if (keys[j]!.length < 2) continue;
    for (const k of new Set(keys[j]!)) {
      const l = byToken.get(k);
      if (l) l.push(j);
      else byToken.set(k, [j]);
    }
    if (c.headToken !== undefined) {
      const hk = spellingKey(doc.tokens[c.headToken]!.text);
      const l = byHeadWord.get(hk);
      if (l) l.push(j);
      else byHeadWord.set(hk, [j]);
    }
  }
  // acronyms used on their own later (RVK) join the group whose name they abbreviate
  for (let i = 0; i < n; i++) {
    const c = chunks[i]!;
    if (!isName(i) || !c.allCaps || c.t1 - c.t0 !== 1 || c.known) continue;
    const acr = acronymAt.get(c.text);
    if (acr !== undefined) uf.union(acr, i);
  }
  // short forms: Deen = Bob Deen, Clingendael = Instituut Clingendael, Vrijwilligerskorps = Russische Vrijwilligerskorps
  const personLike = (c: Chunk) => !c.head && !c.known && !c.gaz && (c.givenName || !!c.role || c.t1 - c.t0 >= 2);
  for (let i = 0; i < n; i++) {
    const c = chunks[i]!;
    if (!isName(i) || c.via === "acronym" || c.known) continue;
    if (c.gaz && c.gaz.some((e) => e.kind !== "place" || e.population >= 100000)) continue;
    const ki = keys[i]!;
    if (!ki.length) continue;
    let target = -1;
    let ambiguous = false;
    for (const j of new Set([...(byToken.get(ki[0]!) ?? []), ...(byToken.get(ki[ki.length - 1]!) ?? [])])) {
      const l = chunks[j]!;
      if (j === i || keys[j]!.length <= ki.length) continue;
      const kj = keys[j]!;
      let ok: boolean;
      // a person's short form is the end of the full name: Deen, Van Uhm
      if (personLike(l)) ok = ki.every((k, x) => kj[kj.length - ki.length + x] === k);
      else if (l.head) ok = containsRun(kj, ki) && !(ki.length === 1 && l.head.word === c.text.toLowerCase());
      else ok = false;
      if (!ok) continue;
      const r = uf.find(j);
      if (target >= 0 && uf.find(target) !== r) ambiguous = true;
      if (target < 0 || Math.abs(j - i) < Math.abs(target - i)) target = j;
    }
    if (target >= 0 && !ambiguous) uf.union(target, i);
  }
  // compounds: Vrijheidslegioen = Legioen Vrijheid voor Rusland (same head, the modifier among the words)
  for (let i = 0; i < n; i++) {
    const c = chunks[i]!;
    if (!isName(i) || c.t1 - c.t0 !== 1) continue;
    const ch = compoundHead(p, c.text);
    if (!ch) continue;
    const mod = spellingKey(ch.modifier);
    for (const j of byHeadWord.get(spellingKey(ch.head.word)) ?? []) if (j !== i && keys[j]!.includes(mod)) uf.union(j, i);
  }
  // an acronym standing alone that fits exactly one long name of the report joins it
  const size = new Map<number, number>();
  for (let j = 0; j < n; j++) if (isName(j)) size.set(uf.find(j), (size.get(uf.find(j)) ?? 0) + 1);
  const longWithHead = chunks.map((x, j) => (isName(j) && x.t1 - x.t0 >= 2 && x.head ? j : -1)).filter((j) => j >= 0);
  for (let i = 0; i < n; i++) {
    const c = chunks[i]!;
    if (!isName(i) || !c.allCaps || c.known || c.t1 - c.t0 !== 1 || uf.find(i) !== i || (size.get(i) ?? 0) > 1) continue;
    const fits = longWithHead.filter((j) => acronymFits(c.text, chunks[j]!.text) && c.text.length === chunks[j]!.t1 - chunks[j]!.t0);
    const groups = new Set(fits.map((j) => uf.find(j)));
    if (groups.size === 1) uf.union(fits[0]!, i);
  }

  // groups in reading order
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!isName(i)) continue;
    const r = uf.find(i);
    const l = members.get(r);
    if (l) l.push(i);
    else members.set(r, [i]);
  }
  interface Group {
    idx: number[];
    type: EntityType;
    government?: string;
    name: string;
    heads: Set<string>;
    /** True when nothing but being a name typed it (it may borrow the type of the names it is listed with). */
    untyped: boolean;
  }
  const groups: Group[] = [];
  for (const idx of [...members.values()].sort((a, b) => a[0]! - b[0]!)) {
    const cs = idx.map((i) => chunks[i]!);
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
    groups.push({ idx, type, ...(government && { government }), name: canon.text, heads, untyped: (decided.rank ?? 10) >= 9.5 });
  }
  // lists of places are lists of places: Grajvoron, Kozinka en Glotovo
  {
    const gOf = new Map<number, Group>();
    for (const g of groups) for (const i of g.idx) gOf.set(i, g);
    const order = [...gOf.keys()].sort((x, y) => chunks[x]!.start - chunks[y]!.start);
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k + 1 < order.length; k++) {
        const x = chunks[order[k]!]!, y = chunks[order[k + 1]!]!;
        if (y.t0 - x.t1 !== 1) continue;
        const sep = doc.tokens[x.t1]!.text.toLowerCase();
        if (!p.lex.listSeparators.includes(sep)) continue;
        const gx = gOf.get(order[k]!)!, gy = gOf.get(order[k + 1]!)!;
        if (gx === gy) continue;
        // only places pass their type on: a list of villages is a list of places, while a list that
        // mixes a company with its founder is common enough to make the other types unsafe
        const typed = (g: Group) => !g.untyped && g.type === "location";
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
  // definite descriptions: het legioen → the one group with that head (the nearest before it if several)
  for (let i = 0; i < n; i++) {
    const c = chunks[i]!;
    if (isName(i)) continue;
    const h = c.descriptionHead!;
    const ch = compoundHead(p, h);
    const word = ch ? ch.head.word : h;
    const fits = groups.filter((g) => g.heads.has(word) && g.type !== "person" && g.type !== "location");
    if (!fits.length) continue;
    let g = fits[0]!;
    if (fits.length > 1) {
      const before = fits.filter((x) => chunks[x.idx[0]!]!.start < c.start);
      if (!before.length) continue;
      g = before.reduce((a, b) => (Math.max(...b.idx.map((k) => chunks[k]!.start).filter((s) => s < c.start)) > Math.max(...a.idx.map((k) => chunks[k]!.start).filter((s) => s < c.start)) ? b : a));
    }
    g.idx.push(i);
  }

  // geocode the places, all at once so that each is read in the light of the others
  // places: what the evidence types as a location, and single names with no evidence at all, which the
  // gazetteer may still know in the context of the report (bij Bohodoechov, in a report on the Charkiv oblast)
  const weak = (g: Group) => g.type === "other" && g.idx.every((i) => { const c = chunks[i]!; return c.via === "description" || (c.t1 - c.t0 === 1 && !c.head && !c.commonWord && !c.allCaps && !c.adjectival); });
  const locs = groups.filter((g) => g.type === "location" || weak(g));
  const geo = geocodeAll(
    locs.map((g) => ({
      strict: g.type !== "location",
      names: [...new Set(g.idx.filter(isName).map((i) => chunks[i]!.text))],
      regionHint: 2 * g.idx.filter((i) => /\b(?:regio|region|oblast|provincie|province)\b/i.test(doc.text.slice(Math.max(0, chunks[i]!.start - 12), chunks[i]!.end + 8))).length > g.idx.length,
    })),
  );
  const geoOf = new Map<Group, GazEntry>();
  locs.forEach((g, k) => {
    const e = geo[k];
    if (e) {
      geoOf.set(g, e);
      g.type = "location";
    }
  });

  // build mentions and entities
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  const order = chunks.map((_, i) => i).sort((a, b) => chunks[a]!.start - chunks[b]!.start || chunks[b]!.end - chunks[a]!.end);
  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => g.idx.forEach((i) => groupOf.set(i, gi)));
  const mentionIndex = new Map<number, number>();
  for (const i of order) {
    const gi = groupOf.get(i);
    if (gi === undefined) continue;
    const c = chunks[i]!;
    const m: Mention = { start: c.start, end: c.end, text: c.text, type: groups[gi]!.type, entity: `e${gi + 1}`, via: c.via };
    if (c.role) m.role = c.role;
    mentionIndex.set(i, mentions.length);
    mentions.push(m);
  }
  groups.forEach((g, gi) => {
    const id = `e${gi + 1}`;
    const ms = g.idx.map((i) => mentionIndex.get(i)!).sort((a, b) => a - b);
    const aliases: string[] = [];
    for (const i of g.idx) {
      const c = chunks[i]!;
      if (c.via === "description" || c.text === g.name || aliases.includes(c.text)) continue;
      aliases.push(c.text);
    }
    const e: Entity = { id, type: g.type, name: g.name, aliases, key: "", mentions: ms };
    const ge = geoOf.get(g);
    if (ge) {
      e.geo = { lat: ge.lat, lon: ge.lon, country: ge.country, geonameId: ge.geonameId, ...(ge.admin1 && { admin1: ge.admin1 }), ...(ge.population && { population: ge.population }) };
      e.key = ge.kind === "place" ? `geo:${ge.geonameId}` : ge.kind === "country" ? `geo:${ge.country}` : `geo:${ge.country}.${ge.admin1}`;
    } else if (g.government) {
      e.key = `gov:${g.government}`;
      e.metonymGovernment = true;
    } else if (g.type === "person") {
      const canon = chunks[g.idx.find((i) => chunks[i]!.text === g.name)!]!;
      const ks = tokenKeys(doc, p, canon);
      e.key = `per:${ks[ks.length - 1]}`;
    } else {
      const canon = chunks[g.idx.find((i) => chunks[i]!.text === g.name)!]!;
      e.key = `${g.type === "location" ? "loc" : "org"}:${tokenKeys(doc, p, canon).join(" ")}`;
    }
    entities.push(e);
  });
  markMetonymy(doc, p, mentions, entities, geoOf, groups);
  doc.mentions = mentions;
  doc.entities = entities;
}

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
