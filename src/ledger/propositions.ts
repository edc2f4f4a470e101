import { plainClaim } from "./claimcolumns.js";
import type { Approx, ClaimStatus, CountKind, SourceKind } from "../model/doc.js";
import type { FusionClaim } from "./claimkeys.js";
import { firstSharedList } from "./shared-list.js";
import { mix, mixNumber, TupleMap } from "./tuples.js";

/**
 * Propositions: the claims of a block (one incident of the ledger) that state the same thing, across
 * reports and languages. Pure and order-independent: the result depends on the set of claims only.
 *
 * A claim's signature is language-free: its concepts with polarity (v:kill, !v:operate), the entities it
 * names as fused across the ledger (countries as `C:<ISO>`, whether named or said by adjective), its figures
 * and the days it points at. Two claims may fuse when they share what is said to happen (a `v:` concept),
 * their signatures overlap enough, and nothing sets them apart: a negation one has and the other lacks,
 * figures of one kind that differ, different days. Candidate pairs come from an index on the signature
 * keys (no comparison of all pairs); accepted pairs join clusters strongest first, and two clusters join
 * only when no claim of one conflicts with a claim of the other.
 */
export interface BlockContext {
  /** The fused entity key of an entity record (`<doc>/<entity id>`), when it is known. */
  entityKey(record: string): string | undefined;
  /** The ISO code of a fused entity that is a country, so "Oekraïne" meets "Oekraïense". */
  countryOf(entityKey: string): string | undefined;
  /** Who asserts a claim, as a key that is one across reports and languages, and a display name. */
  asserter(c: FusionClaim): { key: string; name: string; entity?: string; kind: SourceKind | "report" };
  /**
   * The parties a claim's asserter speaks for: its country when it is a government, a capital or an
   * official whose role names the country ("de Oekraïense president", "Russia's defence ministry"), and
   * the asserter itself. Empty for a report's own voice.
   */
  party(c: FusionClaim): readonly string[];
  /** Is a fused entity a place below a country (a city, a village, a region)? */
  isPlace(entityKey: string): boolean;
}

export interface PropositionSource {
  name: string;
  key: string;
  kind: SourceKind | "report";
  entity?: string;
}

export interface Proposition {
  /** Deterministic: from the earliest claim's content key. */
  key: string;
  /** The incident whose block it was fused in (set by the caller that blocks a ledger by incident). */
  incident?: string;
  claims: string[];
  /** The earliest claim's wording. */
  text: string;
  status: ClaimStatus;
  /** Negated concepts make a proposition of its own: the denial of P is not P. */
  polarity: "affirmed" | "negated";
  sources: PropositionSource[];
  reports: number;
  /** Independent origins: one speaker quoted by many outlets, an agency's copies, a copied sentence count once. */
  independent: number;
  origins: string[];
  first_seen: string;
  last_seen: string;
  history: { at: string; status: ClaimStatus; claim: string }[];
  figures: { kind: CountKind; value: number; approx: Approx }[];
}

/** Concepts that put an act on someone: their "agent" is the party blamed (claimkeys.ts, `agentsOf`). */
const BLAMES: ReadonlySet<string> = new Set(["v:accuse", "v:responsible", "v:involve", "v:link"]);

/**
 * Acts whose doer a claim's countries name reliably. Not killing or shooting: "two Swedes were shot dead",
 * "twee Zweden kwamen om het leven" put the victims where the doer stands.
 */
const DOER_ACTS: ReadonlySet<string> = new Set(["v:attack", "v:launch", "v:cause", "v:use", "v:explode", "v:sabotage", "v:cross", "v:stop", "v:plan", "v:produce", "v:impact", "v:campaign"]);

const W_V = 3, W_N = 1, W_E = 2, W_F = 3, W_T = 1;
/** What a claim says only in a clause that sets the scene weighs this share of what it states. */
const W_SCENE = 0.5;

/**
 * Concepts that say one thing in different words: "caused by", "fired by" and "used by" Ukrainian air
 * defence all say whose doing it was: the class stands for each of them.
 */
const CLASSES: Record<string, string> = { "v:cause": "V:doing", "v:launch": "V:doing", "v:use": "V:doing" };
/** How much of two signatures must be shared for their claims to state one thing. */
export const FUSE_AT = 0.45;
/** The fewest keys two claims must share: more than what happens. */
const MIN_SHARED = 2;
/** …unless what they share weighs this much (a rare concept of what happens). */
const MIN_SHARED_WEIGHT = 8;
/** 1 is Dice (for claims of equal size), 0 containment of the shorter claim in the longer. */
const CONTAIN = 0.5;

/**
 * What a claim says, as the comparison of two claims reads it: nothing of the claim beyond it (its id, its
 * report) is here, so claims that say alike share one (SigPool.intern), and what two of them give when
 * compared is worked out once for each pair of signatures (Judge).
 */
interface Sig {
  /** The signature's number among the block's (SigPool.intern). */
  id: number;
  /** The claim's status is "unknown". */
  unknown: boolean;
  keys: Map<string, number>;
  total: number;
  verbs: Set<string>;
  /** What the claim says happens only in a clause that sets the scene. */
  sceneVerbs: ReadonlySet<string>;
  negVerbs: string;
  /** Concept → the countries that qualify it in this claim. */
  quals: ReadonlyMap<string, ReadonlySet<string>>;
  figs: ReadonlyMap<CountKind, { value: number; approx: Approx; added?: true }>;
  days: ReadonlySet<string>;
  /** The words, folded: the same words are the same statement whatever else differs. */
  wording: string;
  /** Who does what the claim says happens, fused across reports (`C:<ISO>`, `E:<key>`); empty when unnamed. */
  doers: ReadonlySet<string>;
  /** What each part says alone, when the claim says two things (FusionClaim.parts). */
  parts: readonly Sig[];
  /** The claim tells of harm (a killing, a shooting), in what it states or sets the scene with. */
  harm: boolean;
  /** Which of MODES the claim says (a bit each): asked of every candidate pair. */
  modes: number;
  /** The claim tells of harm (a killing, a shooting) and names the police in what it states. */
  policeHarm: boolean;
  /** A harm said to befall the doer himself ("is zelf ook overleden"). */
  selfHarm: boolean;
  /** The person the claim, in the report's own voice, says does it, fused across reports (FusionClaim.subject). */
  subject: string | undefined;
  /** Who says it, when a named speaker does (the block context's key): undefined for a report's own voice or an unnamed source. */
  speaker: string | undefined;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Shared by every signature that has none (never added to once a signature is made).
const NO_KEYS: ReadonlySet<string> = new Set();
// (weigh sets only the keys a signature has: an empty one is never written to)
const NO_WEIGHTS: Map<string, number> = new Map();
const NO_VERBS: Set<string> = new Set();
const NO_QUALS: ReadonlyMap<string, ReadonlySet<string>> = new Map();
const NO_FIGS: ReadonlyMap<CountKind, { value: number; approx: Approx; added?: true }> = new Map();
const NO_PARTS: readonly Sig[] = [];
const NO_STRINGS: readonly string[] = [];

/**
 * Strings' numbers and an ordered set of them, made anew for each claim (a list of keys with a number
 * each, as a Map keeps them: in the order first set, the value last set) without making anything: a block
 * of a whole ledger makes a signature for each of its 100,000 claims, most of them alike.
 */
class Bag {
  ids = new Int32Array(64);
  vs = new Float64Array(64);
  n = 0;
  private at = new Int32Array(256);
  private stamp = new Int32Array(256);
  private gen = 1;
  clear(): void {
    this.n = 0;
    this.gen++;
  }
  /** Where the string of this number is, or -1. */
  index(id: number): number {
    return id < this.stamp.length && this.stamp[id] === this.gen ? this.at[id]! : -1;
  }
  set(id: number, v: number): void {
    const i = this.index(id);
    if (i >= 0) {
      this.vs[i] = v;
      return;
    }
    if (id >= this.stamp.length) {
      const size = Math.max(id + 1, this.stamp.length * 2);
      const at = new Int32Array(size), stamp = new Int32Array(size);
      at.set(this.at);
      stamp.set(this.stamp);
      this.at = at;
      this.stamp = stamp;
    }
    if (this.n === this.ids.length) {
      const ids = new Int32Array(this.n * 2), vs = new Float64Array(this.n * 2);
      ids.set(this.ids);
      vs.set(this.vs);
      this.ids = ids;
      this.vs = vs;
    }
    this.stamp[id] = this.gen;
    this.at[id] = this.n;
    this.ids[this.n] = id;
    this.vs[this.n++] = v;
  }
  /** Adds it unless it is in (a set's order: the first time it was added). */
  add(id: number): void {
    if (this.index(id) < 0) this.set(id, 0);
  }
  get(id: number): number | undefined {
    const i = this.index(id);
    return i < 0 ? undefined : this.vs[i];
  }
}

/** A pooled map or set, and the content it was pooled by. */
type Pooled<T> = { ids: Int32Array; vs: Float64Array; it: T };

/**
 * One map or set for each content among a block's signatures, and one folded wording for each text: a block
 * of a whole ledger holds a signature per claim, and copies of a statement (or claims of one kind) have
 * keys alike. The same entries in the same order give one object, so iterating it is as iterating each;
 * none is written to once its signature is made, except the weights, which `weigh` sets once per map.
 * Contents are told by numbers (each string's, each pooled object's) hashed into a map keyed by number,
 * every candidate of a hash compared in full: a claim that says what another says makes no string.
 */
class SigPool {
  /** A number for each string a signature holds (its keys, the members of its sets, its wording …). */
  private nums = new Map<string, number>();
  private strs: string[] = [];
  private maps = new Map<number, Pooled<Map<string, number>>[]>();
  private sets = new Map<number, Pooled<Set<string>>[]>();
  private words = new Map<string, string>();
  /** A number for each pooled map and set (the shared empty ones too). */
  private ids = new Map<object, number>();
  private sigs = new TupleMap<Sig>();
  /** The keys a claim is made of, for signatures by each kind of part and each entity, made once each. */
  readonly entityKeys = new Map<string, string>();
  readonly figureKeys = new Map<string, Map<number, string>>();
  readonly dayKeys = new Map<string, string>();
  readonly speakerKeys = new Map<string, string>();
  private days = new Map<string, string>();
  /** Scratch for the claim being read: its keys, verbs, verbs of the scene, and one more set at a time (each pooled before its parts are read). */
  readonly keyBag = new Bag();
  readonly verbBag = new Bag();
  readonly sceneBag = new Bag();
  readonly otherBag = new Bag();
  private tuple = new Float64Array(64);
  private tn = 0;
  /** The block's signatures, by their number. */
  readonly all: Sig[] = [];
  num(s: string): number {
    let k = this.nums.get(s);
    if (k === undefined) {
      this.nums.set(s, (k = this.strs.length));
      this.strs.push(s);
    }
    return k;
  }
  /** A day's (or a year's) key. */
  dayKey(d: string): string {
    let k = this.days.get(d);
    if (k === undefined) this.days.set(d, (k = `T:${d}`));
    return k;
  }
  private find<T>(pool: Map<number, Pooled<T>[]>, b: Bag, withValues: boolean, make: () => T): T {
    const { ids, vs, n } = b;
    let h = n;
    for (let i = 0; i < n; i++) {
      h = mix(h, ids[i]!);
      if (withValues) h = mixNumber(h, vs[i]!);
    }
    let l = pool.get(h);
    if (l)
      next: for (const p of l) {
        if (p.ids.length !== n) continue;
        for (let i = 0; i < n; i++) if (p.ids[i] !== ids[i] || (withValues && p.vs[i] !== vs[i])) continue next;
        return p.it;
      }
    else pool.set(h, (l = []));
    const it = make();
    l.push({ ids: ids.slice(0, n), vs: withValues ? vs.slice(0, n) : EMPTY_F64, it });
    return it;
  }
  /** The bag as the one map of its keys and weights with this content. */
  keys(b: Bag): Map<string, number> {
    if (!b.n) return NO_WEIGHTS;
    return this.find(this.maps, b, true, () => {
      const m = new Map<string, number>();
      for (let i = 0; i < b.n; i++) m.set(this.strs[b.ids[i]!]!, b.vs[i]!);
      return m;
    });
  }
  /** The bag as the one set of its strings with this content. */
  set(b: Bag, none: Set<string>): Set<string> {
    if (!b.n) return none;
    return this.find(this.sets, b, false, () => {
      const s = new Set<string>();
      for (let i = 0; i < b.n; i++) s.add(this.strs[b.ids[i]!]!);
      return s;
    });
  }
  wording(text: string): string {
    let w = this.words.get(text);
    if (w === undefined) this.words.set(text, (w = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()));
    return w;
  }
  private id(x: object): number {
    let k = this.ids.get(x);
    if (k === undefined) this.ids.set(x, (k = this.ids.size));
    return k;
  }
  /**
   * The one signature of the block with this content (the one given, numbered, when it is the first).
   * Every field the comparison reads is in the key: maps and sets are pooled (one object for a content, so
   * its number stands for it, and the same entries in the same order), the rest written out as numbers.
   */
  private put(x: number): void {
    if (this.tn === this.tuple.length) {
      const g = new Float64Array(this.tn * 2);
      g.set(this.tuple);
      this.tuple = g;
    }
    this.tuple[this.tn++] = x;
  }
  intern(s: Omit<Sig, "id">): Sig {
    this.tn = 0;
    this.put(s.unknown ? 1 : 0);
    this.put(this.id(s.keys));
    this.put(this.id(s.verbs));
    this.put(this.id(s.sceneVerbs));
    this.put(this.num(s.negVerbs));
    this.put(s.quals.size);
    for (const [k, q] of s.quals) {
      this.put(this.num(k));
      this.put(q.size);
      for (const x of q) this.put(this.num(x));
    }
    // (a figure's value as the number itself: 0 and -0, which no comparison and no output tells apart, are
    // one, as their strings were)
    this.put(s.figs.size);
    for (const [k, f] of s.figs) {
      this.put(this.num(k));
      this.put(f.value === 0 ? 0 : f.value);
      this.put(this.num(f.approx));
      this.put(f.added ? 1 : 0);
    }
    this.put(this.id(s.days));
    this.put(this.num(s.wording));
    this.put(this.id(s.doers));
    this.put(s.parts.length);
    for (const p of s.parts) this.put(p.id);
    this.put((s.harm ? 1 : 0) + (s.policeHarm ? 2 : 0) + (s.selfHarm ? 4 : 0));
    this.put(s.modes);
    this.put(s.subject === undefined ? -1 : this.num(s.subject));
    this.put(s.speaker === undefined ? -1 : this.num(s.speaker));
    return this.sigs.get(this.tuple, this.tn, () => {
      const sig: Sig = { id: this.all.length, ...s };
      this.all.push(sig);
      return sig;
    });
  }
}
const EMPTY_F64 = new Float64Array(0);

/**
 * A concept without its leading "!", and without its "@" and what follows: asked of every concept of every
 * claim of a block, of a lexicon's few concepts (kept, up to a bound that only hostile input reaches).
 */
const memo = (f: (k: string) => string) => {
  const m = new Map<string, string>();
  return (k: string): string => {
    let v = m.get(k);
    if (v === undefined) {
      if (m.size > 10_000) m.clear();
      m.set(k, (v = f(k)));
    }
    return v;
  };
};
const unnegated = memo((k) => k.replace(/^!/, ""));
const unqualified = memo((k) => k.replace(/@.*$/, ""));

/** Is `k` in the list (or its set, made of a long one: a hostile claim's lists stay linear to look in)? */
function inList(l: readonly string[], k: string, set: ReadonlySet<string> | undefined): boolean {
  return set ? set.has(k) : l.includes(k);
}
const bigSet = (l: readonly string[]) => (l.length > 16 ? new Set(l) : undefined);

/** The keys of a claim with their base weights (before the block's rarity weighting). */
function rawSignature(c: FusionClaim, ctx: BlockContext, same: SigPool = new SigPool()): Sig {
  // (each claim's keys and sets are read into the pool's scratch, and pooled before its parts are read)
  const kb = same.keyBag, vb = same.verbBag, sb = same.sceneBag;
  kb.clear();
  vb.clear();
  sb.clear();
  let quals: Map<string, Set<string>> | undefined;
  const qual = (concept: string, q: string) => {
    quals ??= new Map();
    let s = quals.get(concept);
    if (!s) quals.set(concept, (s = new Set()));
    s.add(q);
  };
  const neg: string[] = [];
  const flip = (k: string) => (k.startsWith("!") ? k.slice(1) : "!" + k);
  // a denial states the negation of what it denies: the first thing it says happens ("denies any
  // involvement in the attack" denies the involvement, not the attack)
  // ("Ukraine denies any involvement"); a denial that says its own "not" ("Yusov said Ukraine was not
  // involved", read as a denial) already states the negation
  const denied = c.status === "denied" && c.main && !c.main.startsWith("!") ? c.main : null;
  const negatedMain = !!c.main && (c.main.startsWith("!") || c.status === "denied");
  const scene = c.background ?? NO_STRINGS, bigScene = bigSet(scene);
  for (const k0 of c.concepts) {
    if (k0.startsWith("x:")) continue;
    const bare0 = unqualified(unnegated(k0));
    const k = denied && bare0 === denied ? flip(k0) : k0;
    const bare = unnegated(k);
    const isVerb = bare.startsWith("v:") || bare.startsWith("s:");
    const inScene = scene.length > 0 && inList(scene, k0, bigScene);
    const ck = classKey(k);
    if (ck) {
      // one thing in different words: the class stands for each of them
      const id = same.num(ck);
      kb.set(id, W_V);
      const at = ck.indexOf("@");
      if (at >= 0) qual(ck.slice(0, at), ck.slice(at + 1));
      else {
        vb.add(id);
        if (inScene) sb.add(id);
        if (ck.startsWith("!")) neg.push(ck);
      }
      continue;
    }
    const at = k.indexOf("@");
    // a country before an act that is not done by someone ("twee Zweden kwamen om het leven") names who
    // it befell: it sets two claims apart when they differ (below), but it says no more than the country
    // and the act do each
    if (!(at >= 0 && isVerb && !DOER_ACTS.has(bare.slice(0, bare.indexOf("@"))))) kb.set(same.num(k), (isVerb ? W_V : W_N) * (inScene ? W_SCENE : 1));
    if (at >= 0) {
      qual(k.slice(0, at), k.slice(at + 1));
      continue;
    }
    if (isVerb) {
      const id = same.num(k);
      vb.add(id);
      if (inScene) sb.add(id);
      if (k.startsWith("!")) neg.push(k);
    }
  }
  const listed = c.listed ?? NO_STRINGS, bigListed = bigSet(listed);
  for (const r of c.entities) {
    const e = ctx.entityKey(r);
    if (!e) continue;
    let k = same.entityKeys.get(e);
    if (k === undefined) {
      const cc = ctx.countryOf(e);
      same.entityKeys.set(e, (k = cc ? `C:${cc}` : `E:${e}`));
    }
    const id = same.num(k);
    // a place the claim names only in a list it adds after a dash weighs as what sets the scene does
    kb.set(id, Math.max(kb.get(id) ?? 0, listed.length && inList(listed, r, bigListed) ? W_E * W_SCENE : W_E));
  }
  for (const cc of c.countries) kb.set(same.num(cc), W_E);
  // a capital or a government that does or is blamed stands for its country ("Kyiv had anything to do
  // with it" is Ukraine's doing), as "Ukraine" and "Ukrainian" do; a capital that is where something
  // happens ("a press conference in Brussels") stays a place
  for (const g of c.agents) if (g.startsWith("C:")) kb.set(same.num(g), W_E);
  // who says it is part of what is said when the claim is a speech act of its own (a claim of
  // responsibility) or denies something of the speaker ("Kyiv: nothing to do with it")
  if (c.source && (negatedMain || c.concepts.some((k) => k.startsWith("s:")))) {
    const a = ctx.asserter(c).key;
    let k = same.speakerKeys.get(a);
    if (k === undefined) same.speakerKeys.set(a, (k = a.startsWith("C:") ? a : `E:${a.replace(/^e:/, "")}`));
    kb.set(same.num(k), W_E);
    // "Ukrainian officials deny" is Ukraine denying: the country a speaker speaks for is the party it
    // speaks of, whoever of its officials says it
    for (const p of ctx.party(c)) if (p.startsWith("C:")) kb.set(same.num(p), W_E);
  }
  let figs: Map<CountKind, { value: number; approx: Approx; added?: true }> | undefined;
  if (c.figures.length) {
    figs = new Map();
    // an aside in parentheses ("(adjusting the numbers from a previous report that said 11,300 were dead)")
    // is not what the claim counts, unless it is all the claim counts of that kind
    const told = new Set<CountKind>();
    for (const f of c.figures) if (!f.aside) told.add(f.kind);
    for (const f of c.figures) {
      if (f.aside && told.has(f.kind)) continue;
      // the largest figure of a kind is what the claim counts ("11 arrested, among them four gunmen")
      const prev = figs.get(f.kind);
      if (!prev || f.value > prev.value) figs.set(f.kind, { value: f.value, approx: f.approx, ...(f.added && { added: true as const }) });
    }
    for (const [kind, f] of figs) {
      const byValue = same.figureKeys.get(kind) ?? same.figureKeys.set(kind, new Map()).get(kind)!;
      let k = byValue.get(f.value);
      if (k === undefined) byValue.set(f.value, (k = `F:${kind}:${figureKey(f.value)}`));
      kb.set(same.num(k), W_F * (f.added ? W_SCENE : 1));
    }
  }
  for (const d of c.days) kb.set(same.num(same.dayKey(d)), W_T);
  // a year said alone dates what the claim is about as surely as a day does ("sinds 2011", "a 2011 uprising")
  for (const y of c.years ?? NO_STRINGS) kb.set(same.num(same.dayKey(y)), W_T);
  const keys = same.keys(kb);
  const verbs = same.set(vb, NO_VERBS);
  const sceneVerbs = same.set(sb, NO_KEYS as Set<string>);
  const wording = same.wording(c.text);
  // only states: a person or group is named in too many ways ("a suspect", "the gunman") to tell two
  // doers apart across reports, and a claim that blames names the blamed party, not a doer
  const xb = same.otherBag;
  xb.clear();
  if (c.main && DOER_ACTS.has(c.main) && !c.concepts.some((k) => BLAMES.has(k)))
    for (const g of c.agents) {
      if (g.startsWith("C:")) xb.add(same.num(g));
      else if (g.startsWith("R:")) {
        const e = ctx.entityKey(g.slice(2));
        const cc = e && ctx.countryOf(e);
        if (cc) xb.add(same.num(`C:${cc}`));
      }
    }
  const doers = same.set(xb, NO_KEYS as Set<string>);
  xb.clear();
  for (const d of c.days) xb.add(same.num(d));
  const days = same.set(xb, NO_KEYS as Set<string>);
  const parts = c.parts?.length ? c.parts.map((p) => rawSignature({ ...plainClaim(c), ...p, background: p.background, years: p.years, parts: undefined }, ctx, same)) : NO_PARTS;
  const stated = (k: string) => c.concepts.includes(k) && !(scene.length > 0 && inList(scene, k, bigScene));
  let harm = false, stateHarm = false, modes = 0;
  for (const k of HARM)
    if (verbs.has(k)) {
      harm = true;
      if (!sceneVerbs.has(k)) stateHarm = true;
    }
  for (let b = 0; b < MODES.length; b++) if (verbs.has(MODES[b]!)) modes |= 1 << b;
  const policeHarm = stateHarm && stated("n:police");
  // "the man who shot two fans has died himself": the harm befell the one who did the act the claim's
  // scene tells, not those the act befell
  const selfHarm = stateHarm && stated("n:self");
  // (a block of a whole ledger holds a signature per claim: the many empty sets are one)
  return same.intern({
    unknown: c.status === "unknown", keys, total: 0, verbs, sceneVerbs, negVerbs: neg.length ? neg.sort().join(",") : "", quals: quals ?? NO_QUALS,
    figs: figs?.size ? figs : NO_FIGS, days, wording, doers, parts,
    harm, modes, policeHarm, selfHarm,
    subject: c.subject ? ctx.entityKey(c.subject) : undefined,
    speaker: c.source && c.source.kind !== "unnamed" ? ctx.asserter(c).key : undefined,
  });
}

/** The class key a concept stands for (CLASSES, with its negation and its qualifier), or undefined. */
const classKey = memo((k: string): string => {
  const bare = unnegated(k);
  const cls = CLASSES[unqualified(bare)];
  return cls ? (k.startsWith("!") ? "!" : "") + cls + (bare.includes("@") ? bare.slice(bare.indexOf("@")) : "") : "";
});

/**
 * Weights by rarity in the block: a key most claims of an incident share (its place, "killed") says little
 * about which of them state the same thing; a rare one (air defence, a dam) says much.
 */
function weigh(sigs: Sig[], df: ReadonlyMap<string, number> = docFreq(sigs)): void {
  const n = sigs.length;
  // (signatures alike share their map of keys: each map is weighted once)
  const totals = new Map<Map<string, number>, number>();
  const each = (s: Sig) => {
    let total = totals.get(s.keys);
    if (total === undefined) {
      total = 0;
      for (const [k, w] of s.keys) {
        const v = w * Math.log((n + 1) / (df.get(k) ?? 1));
        s.keys.set(k, v);
        total += v;
      }
      totals.set(s.keys, total);
    }
    s.total = total;
  };
  // (each signature, then its parts: no list of them all made)
  for (const s of sigs) {
    each(s);
    for (const p of s.parts) each(p);
  }
}

/**
 * How many claims of a block hold each key. (Claims alike share their map of keys: each map is read once,
 * counted as often as claims hold it.)
 */
function docFreq(sigs: readonly Sig[]): Map<string, number> {
  const holding = new Map<Map<string, number>, number>();
  for (const s of sigs) holding.set(s.keys, (holding.get(s.keys) ?? 0) + 1);
  const df = new Map<string, number>();
  for (const [m, times] of holding) for (const k of m.keys()) df.set(k, (df.get(k) ?? 0) + times);
  return df;
}

/** Figures at two significant digits: 10,000 and 10,100 are one figure. */
function figureKey(x: number): number {
  if (x < 100) return x;
  const p = Math.pow(10, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / p) * p;
}

/** Two figures name one number: equal, or equal at two significant digits (10,000 and 10,100). */
export function sameFigure(a: number, b: number): boolean {
  if (a === b) return true;
  const r = (x: number) => {
    const p = Math.pow(10, Math.max(0, Math.floor(Math.log10(Math.abs(x))) - 1));
    return Math.round(x / p) * p;
  };
  return a >= 100 && b >= 100 && r(a) === r(b);
}

/**
 * Concepts that make what a claim says a suspicion: "both countries speculate it was sabotage" is not
 * "the investigation found it was sabotage", whatever else the two share. Nor is one who reserves judgement
 * on a thing ("Duda houdt een slag om de arm over de makelij") saying it ("the missile was Russian-made").
 */
const MODES: readonly string[] = ["v:suspect", "v:hedge", "v:forecast"];

/** Acts of harm: told with the police in the claim, they are most often the police's own act. */
const HARM: readonly string[] = ["v:kill", "v:shoot", "v:wound"];

function conflict(a: Sig, b: Sig): boolean {
  if (a.unknown !== b.unknown) return true;
  // "police shot dead the suspect" and "two Swedes were shot dead" share the shooting, the place and even
  // the toll the first recalls, but one tells of the police's act and the other of the attack: a harm told
  // with the police is kept apart from one told without them
  if (a.policeHarm !== b.policeHarm && a.harm && b.harm) return true;
  if (a.selfHarm !== b.selfHarm && a.harm && b.harm) return true;
  if (a.modes !== b.modes) return true;
  // two reports that each say a different person did it ("he conveyed his condolences to the Swedish
  // prime minister", of the premier; "the king called the Swedish king to offer his condolences") tell of
  // two acts, however alike the rest
  if (a.subject && b.subject && a.subject !== b.subject) return true;
  if (a.negVerbs !== b.negVerbs) return true;
  for (const v of a.verbs) if (b.verbs.has(opposite(v))) return true;
  if (moved(a, b) || moved(b, a)) return true;
  for (const [k, f] of a.figs) {
    const g = b.figs.get(k);
    if (g && !sameFigure(f.value, g.value)) return true;
    // "at least 140" leaves no room for 137, however near the two are
    if (g && f.value !== g.value && ((f.approx === "min" && g.value < f.value) || (g.approx === "min" && f.value < g.value))) return true;
  }
  // who does it: "fired by Ukrainian air defence" and "Russian airstrikes targeted Ukraine" share what
  // happens and the countries, but one country does it in one claim and the other in the other. When both
  // claims name both countries the roles are left to the rest of the signature: word order puts an object
  // right before a Dutch participle ("Rusland heeft Oekraïne aangevallen"), where a doer would stand.
  if (a.doers.size && b.doers.size) {
    let shared = false, aInB = false, bInA = false;
    for (const g of a.doers) if (b.doers.has(g)) shared = true;
    for (const g of a.doers) if (b.keys.has(g)) aInB = true;
    for (const g of b.doers) if (a.keys.has(g)) bInA = true;
    if (!shared && !(aInB && bInA)) return true;
  }
  // whose: a Russian missile is not a Ukrainian one
  for (const [k, q] of a.quals) {
    const r = b.quals.get(k);
    if (!r) continue;
    let shared = false;
    for (const x of q) if (r.has(x)) shared = true;
    if (!shared) return true;
  }
  if (a.days.size && b.days.size) {
    // a day apart is one event told from either side of midnight, or by the day it was said ("late Monday"
    // in one report, "said on Tuesday" in the next); further apart, two events
    let near = false;
    for (const d of a.days) for (const e of b.days) if (d === e || Math.abs(dayNumber(d) - dayNumber(e)) <= 1) near = true;
    if (!near) return true;
  }
  return false;
}

/**
 * "the toll was revised upward again" tells that a count moved, not what it is: it does not state the
 * "2,000 dead" nor the "rose to 11,300" another claim gives.
 */
const moved = (x: Sig, y: Sig) => x.verbs.has("v:rise") && !x.figs.size && y.figs.size > 0;

const opposites = new Map<string, string>();
/** A concept with the other polarity ("v:kill", "!v:kill"): asked of every candidate pair, made once each. */
function opposite(v: string): string {
  let o = opposites.get(v);
  if (o === undefined) {
    o = v.startsWith("!") ? v.slice(1) : "!" + v;
    // (concepts are a lexicon's, few: the bound only keeps hostile input from growing it)
    if (opposites.size > 10_000) opposites.clear();
    opposites.set(v, o);
  }
  return o;
}

const dayMemo = new Map<string, number>();
/** Days since the epoch of a YYYY-MM-DD day (NaN otherwise, which is near nothing). */
function dayNumber(d: string): number {
  let n = dayMemo.get(d);
  if (n === undefined) {
    n = /^\d{4}-\d{2}-\d{2}$/.test(d) ? Math.round(Date.parse(d + "T00:00:00Z") / 864e5) : NaN;
    if (dayMemo.size > 10_000) dayMemo.clear();
    dayMemo.set(d, n);
  }
  return n;
}

/**
 * How alike two claims are: as wholes, or a part of one that says two things with the other. `sameDoc`:
 * whether the two are of one report, the one thing of the claims beyond their signatures it reads.
 */
function similarity(a: Sig, b: Sig, sameDoc: boolean): number {
  let best = wholeSimilarity(a, b, sameDoc);
  if (!a.parts.length && !b.parts.length) return best;
  for (const x of [a, ...a.parts]) for (const y of [b, ...b.parts]) if (x !== a || y !== b) best = Math.max(best, wholeSimilarity(x, y, sameDoc));
  return best;
}

function wholeSimilarity(a: Sig, b: Sig, sameDoc: boolean): number {
  // word for word the same (wire copy, a quote carried by many outlets): one statement, even one that names
  // nothing the keys can hold ("The Legion rejected those figures")
  if (a.wording === b.wording && a.wording.length >= 12) return 1;
  let shared = 0, count = 0, stated = 0;
  let verb = false;
  for (const [k, w] of a.keys) {
    const v = b.keys.get(k);
    if (v === undefined) continue;
    shared += w;
    // a thing one of them says happens only in a clause that sets its scene ("unleashing flooding that
    // swept away whole streets, the toll continues to mount") weighs in, but is not one of the things both
    // state ("victims were swept away into the sea" shares with it only the dead)
    // (a claim that is only such a clause, "though they remained filled with gas", states what it says)
    if (!((a.sceneVerbs.has(k) && a.verbs.size > a.sceneVerbs.size) || (b.sceneVerbs.has(k) && b.verbs.size > b.sceneVerbs.size))) (count++, stated += w);
    // what both say only in a clause that sets the scene ("after a missile hit the village") is not what
    // either states
    if (a.verbs.has(k) && !(a.sceneVerbs.has(k) && b.sceneVerbs.has(k))) verb = true;
  }
  // what is said to happen must be shared when both say something happens
  if (!verb && a.verbs.size && b.verbs.size) return 0;
  // one common key alone (what happens, with nothing about who, where or how many) is too little to go
  // on; one rare thing said by both ("will be punished") is enough
  // …unless one named speaker says it in two reports and all the shorter claim states is in the longer
  // ("geen twijfel dat het om explosies gaat", "very clear from the seismic record that these are blasts",
  // both Lund's): the speaker is what the two share beside it
  const oneSpeaker = !!a.speaker && a.speaker === b.speaker && !sameDoc && count >= 1 && count === Math.min(a.keys.size, b.keys.size);
  if (count < MIN_SHARED && stated < MIN_SHARED_WEIGHT && !oneSpeaker) return 0;
  // between Dice and containment: a short claim inside a long one that also says more (a toll in a
  // sentence on the arrests) is closer to it than their sizes alone suggest
  const lo = Math.min(a.total, b.total), hi = Math.max(a.total, b.total);
  const d = lo + CONTAIN * (hi - lo);
  const sim = d ? shared / d : 0;
  // a figure with what it counts, said whole inside a longer claim ("11,300 dead" in a sentence that also
  // tells of the dams and the search): the longer claim states it too
  if (sim < FUSE_AT && count >= 2 && count === Math.min(a.keys.size, b.keys.size)) {
    const small = a.keys.size <= b.keys.size ? a : b, large = small === a ? b : a;
    // the very figure, not one near it (137 and "at least 140" are two tolls)
    // and said in what the longer claim states, not in a clause that only sets its scene ("following the
    // breaching of two dams" in a sentence on the toll does not state that two dams broke)
    if (small.figs.size && [...small.figs].every(([k, f]) => large.figs.get(k)?.value === f.value && !large.figs.get(k)?.added)) return FUSE_AT;
  }
  return sim;
}

class UnionFind {
  private p: number[];
  members: number[][];
  constructor(n: number) {
    this.p = Array.from({ length: n }, (_, i) => i);
    this.members = Array.from({ length: n }, (_, i) => [i]);
  }
  find(x: number): number {
    while (this.p[x] !== x) x = this.p[x] = this.p[this.p[x]!]!;
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.p[drop] = keep;
    this.members[keep]!.push(...this.members[drop]!);
    this.members[drop] = [];
  }
}

/** How many members of each of two clusters are compared when they may join. */
const LINK_SAMPLE = 60;

/** Index keys that propose candidate pairs; a key shared by very many claims proposes none on its own. */
const MAX_POSTING = 400;

const STATUS_RANK: Record<ClaimStatus, number> = { confirmed: 0, established: 1, claimed: 2, probable: 3, possible: 4, unknown: 5, denied: 6 };

/**
 * The propositions of a block of claims: every claim in exactly one, propositions sorted by their earliest
 * claim. The same set of claims gives the same propositions in any order.
 */
export function fuseBlock(claims: readonly FusionClaim[], ctx: BlockContext, apart: readonly (readonly [string, string])[] = []): Proposition[] {
  return blockPropositions(blockGroups(claims, ctx, apart), ctx);
}

/** A block's claims grouped into propositions, before any speaker is named (see blockGroups). */
export interface BlockGroup {
  /** The claims, in the block's content order. */
  claims: FusionClaim[];
  /** The first claim's figures and whether what it says happens is negated: the proposition's. */
  figs: ReadonlyMap<CountKind, { value: number; approx: Approx }>;
  negated: boolean;
}

/**
 * Which claims of a block state one thing. What decides it is language-free: the block context's entity
 * keys, countries and speakers' keys, never the names it gives speakers in its language, and the pairs of
 * claims `apart` (the block's disputes with a side that speaks against the other). So a ledger fused in
 * several languages whose disputes keep the same pairs apart groups each block once and names the
 * propositions in each (blockPropositions).
 */
/**
 * How a block was grouped, for tests and benchmarks: `plain` compares every pair of claims asked as it is
 * asked (no signature pair kept), the straightforward way the kept answers must agree with; `signatures`
 * and `compared` are set to how many distinct signatures the block has and how many comparisons were made.
 */
export interface GroupingStats {
  plain?: boolean;
  signatures?: number;
  compared?: number;
}

export function blockGroups(claims: readonly FusionClaim[], ctx: BlockContext, apart: readonly (readonly [string, string])[] = [], stats?: GroupingStats): BlockGroup[] {
  const sorted = [...claims].sort((a, b) => cmp(a.order, b.order) || cmp(a.id, b.id));
  const same = new SigPool();
  const sigs = sorted.map((c) => rawSignature(c, ctx, same));
  const df = docFreq(sigs);
  weigh(sigs, df);
  const n = sigs.length;
  const judge = new Judge(sigs, sorted, !!stats?.plain);
  // claims that contradict each other (the block's disputes) never state one thing, however much of
  // their words they share ("X and Y pleaded guilty" against "conflicting reports that Z also pleaded
  // guilty"): each claim's index keeps the claims it must stay apart from
  // (positions of the claims the pairs name only: a map of every claim's id was 105,000 entries, and as many
  // arrays made to fill it, for the few hundred a block's disputes keep apart)
  const at = new Map<string, number>();
  for (const [x, y] of apart) at.set(x, -1).set(y, -1);
  if (at.size)
    for (let i = 0; i < n; i++) {
      const id = sorted[i]!.id;
      if (at.has(id)) at.set(id, i);
    }
  const notWith = new Map<number, Set<number>>();
  for (const [x, y] of apart) {
    const i = at.get(x)!, j = at.get(y)!;
    if (i < 0 || j < 0 || i === j) continue;
    (notWith.get(i) ?? notWith.set(i, new Set()).get(i)!).add(j);
    (notWith.get(j) ?? notWith.set(j, new Set()).get(j)!).add(i);
  }
  at.clear();
  const pairs = candidatePairs(sigs, df, notWith, judge);
  const uf = new UnionFind(n);
  // (per cluster, the claims its members stay apart from: merged smaller into larger as clusters join)
  const apartOf = new Map<number, Set<number>>(notWith);
  const keptApart = (ra: number, rb: number) => {
    const x = apartOf.get(ra), y = apartOf.get(rb);
    if (!x || !y) return !!(x && [...x].some((k) => uf.find(k) === rb)) || !!(y && [...y].some((k) => uf.find(k) === ra));
    const [small, other] = x.size <= y.size ? [x, rb] : [y, ra];
    for (const k of small) if (uf.find(k) === other) return true;
    return false;
  };
  const atLeast = FUSE_AT * Number(process.env.K_LINK ?? 1);
  // Two clusters that did not join are asked again by every other candidate pair between them (copies of
  // two statements that conflict: thousands of pairs). The answer depends only on the members compared
  // (the first LINK_SAMPLE of each, and a cluster only ever appends), so it is kept until either sample
  // grows: the same joins as asking each time, without the work growing with the square of the copies.
  const refused = new PairMap();
  const sampled = (r: number) => Math.min(uf.members[r]!.length, LINK_SAMPLE);
  for (let at = 0; at < pairs.length; at++) {
    const key = pairs[at]!, i = Math.floor(key / n);
    const ra = uf.find(i), rb = uf.find(key - i * n);
    if (ra === rb) continue;
    const sizes = sampled(ra) * (LINK_SAMPLE + 1) + sampled(rb);
    if (refused.get(ra, rb) === sizes) continue;
    let sum = 0, count = 0, ok = !keptApart(ra, rb);
    // a proposition repeated by thousands of copies is judged by its first members: the work stays bounded
    const ma = uf.members[ra]!, mb = uf.members[rb]!;
    const la = Math.min(ma.length, LINK_SAMPLE), lb = Math.min(mb.length, LINK_SAMPLE);
    for (let u = 0; u < la && ok; u++) {
      const a = ma[u]!;
      for (let v = 0; v < lb; v++) {
        const x = judge.of(a, mb[v]!);
        if (x < 0) {
          ok = false;
          break;
        }
        sum += x;
        count++;
      }
    }
    if (ok && sum / count >= atLeast) {
      uf.union(ra, rb);
      const root = uf.find(ra), gone = root === ra ? rb : ra;
      const x = apartOf.get(root), y = apartOf.get(gone);
      if (y) {
        if (!x || x.size < y.size) {
          if (x) for (const k of x) y.add(k);
          apartOf.set(root, y);
        } else for (const k of y) x.add(k);
        apartOf.delete(gone);
      }
    } else refused.set(ra, rb, sizes);
  }
  if (stats) {
    stats.signatures = same.all.length;
    stats.compared = judge.compared;
  }
  const out: BlockGroup[] = [];
  for (let i = 0; i < n; i++) {
    if (uf.find(i) !== i) continue;
    const members = [...uf.members[i]!].sort((a, b) => a - b);
    const first = sigs[members[0]!]!;
    out.push({ claims: members.map((k) => sorted[k]!), figs: first.figs, negated: !!first.negVerbs });
  }
  return out;
}

/** The propositions of a block's groups, their speakers named by the block context. */
export function blockPropositions(groups: readonly BlockGroup[], ctx: BlockContext): Proposition[] {
  return groups.map((g) => proposition(g, ctx));
}

/**
 * Candidate pairs of a block that fuse, strongest first: each `i * n + j` (n: the block's size), in that order.
 * A block of a whole ledger has millions of candidate pairs: kept as numbers, not objects, and what finds
 * them (postings, which lists each claim is in) is gone before the clusters are joined.
 */
function candidatePairs(sigs: readonly Sig[], df: ReadonlyMap<string, number>, notWith: ReadonlyMap<number, ReadonlySet<number>>, judge: Judge): Float64Array {
  // candidate pairs: claims that share a concept of what happens, a figure or a named actor
  // (which pairs are asked, not in which list, decides what is found: the lists may come in any order, and
  // the wording's lists, kept by the wording itself, come after the keys')
  const postings = new Map<string, number[]>();
  const worded = new Map<string, number[]>();
  // (what a signature offers, worked out once for claims alike)
  const offers = new Map<Sig, Iterable<string>>();
  sigs.forEach((s, i) => {
    // what happens proposes pairs; a claim that says nothing happens offers what it is about
    let offer = offers.get(s);
    if (!offer) offers.set(s, (offer = s.verbs.size ? s.verbs : [...s.keys.keys()].filter((k) => k.startsWith("n:") || k.startsWith("!n:"))));
    for (const k of offer) (postings.get(k) ?? postings.set(k, []).get(k)!).push(i);
    if (s.wording.length >= 12) (worded.get(s.wording) ?? worded.set(s.wording, []).get(s.wording)!).push(i);
  });
  offers.clear();
  const found = new PairList(sigs.length);
  // a key too common to pair every claim holding it (thousands of copies of "killed") is split by each
  // claim's rarest other key: copies of one statement still meet
  // (each map of keys, rarest first: the fewest claims, then the first key by code units)
  const rarest = new Map<Map<string, number>, string[]>();
  const byRarity = (m: Map<string, number>) => {
    let r = rarest.get(m);
    if (!r) rarest.set(m, (r = [...m.keys()].sort((a, b) => df.get(a)! - df.get(b)! || cmp(a, b))));
    return r;
  };
  const lists: number[][] = [];
  const split = (key: string | undefined, list: number[]) => {
    if (list.length <= MAX_POSTING) {
      lists.push(list);
      return;
    }
    const sub = new Map<string, number[]>();
    for (const i of list) {
      const r = byRarity(sigs[i]!.keys);
      const rare = r[0] !== key ? r[0] : r[1];
      if (rare) (sub.get(rare) ?? sub.set(rare, []).get(rare)!).push(i);
    }
    for (const l of sub.values()) lists.push(l.length > MAX_POSTING ? l.slice(0, MAX_POSTING) : l);
  };
  for (const [key, list] of postings) split(key, list);
  // (no key of a signature is a wording: all its keys are the wording's others)
  for (const list of worded.values()) split(undefined, list);
  postings.clear();
  worded.clear();
  rarest.clear();
  // Each pair is asked once: a pair two lists share is asked in the first of them.
  const n = sigs.length;
  const firstShared = firstSharedList(lists, n);
  const values = judge.values;
  const consider = (i: number, j: number) => {
    if (i > j) [i, j] = [j, i];
    if (notWith.get(i)?.has(j)) return;
    // (negative: the two conflict)
    const v = judge.numberOf(i, j);
    if (values[v]! >= FUSE_AT) found.push(i, j, v);
  };
  for (let li = 0; li < lists.length; li++) {
    const list = lists[li]!;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) if (firstShared(list[x]!, list[y]!) === li) consider(list[x]!, list[y]!);
  }
  // a claim that says nothing happens also meets claims that say something happens about the same thing
  // ("twee ervan bevonden zich in de Deense economische zone" and "two leaks were detected in Denmark's
  // economic zone"): only such pairs, and a bounded number per key, so the work stays near linear
  const holders = new Map<string, number[]>();
  const wanted = new Set<string>();
  for (const s of sigs) if (!s.verbs.size) for (const k of s.keys.keys()) if (k.startsWith("n:") && !k.includes("@")) wanted.add(k);
  sigs.forEach((s, i) => {
    if (!s.verbs.size) return;
    for (const k of s.keys.keys()) {
      if (!wanted.has(k)) continue;
      const l = holders.get(k) ?? holders.set(k, []).get(k)!;
      if (l.length < MAX_POSTING) l.push(i);
    }
  });
  // (a claim that says nothing happens meets each such claim once, and not one it met in a list; which
  // claims hold its keys, a function of its signature, is worked out once for claims alike)
  const meets = new Map<Sig, Int32Array>();
  const met = new Set<number>();
  sigs.forEach((s, i) => {
    if (s.verbs.size) return;
    let js = meets.get(s);
    if (!js) {
      met.clear();
      for (const k of s.keys.keys()) for (const j of holders.get(k) ?? []) met.add(j);
      meets.set(s, (js = Int32Array.from(met)));
    }
    for (let x = 0; x < js.length; x++) if (firstShared(i, js[x]!) < 0) consider(i, js[x]!);
  });
  return found.sorted(judge.values);
}

/**
 * What two claims of a block give when compared: -1 when they conflict, else how alike they are. Both are
 * functions of the two signatures and whether the claims are of one report, and a block of a whole ledger
 * holds few signatures for its claims (copies of a statement, claims of a kind alike: 105,000 claims, 15,600
 * signatures), so each pair of signatures is compared once (millions of pairs asked, a tenth of them new).
 * Asked in the order given: the similarity of a to b adds up the shared weights in a's order.
 */
class Judge {
  /** Each claim's report, as a number. */
  private docs: Int32Array;
  private as = new Int32Array(1 << 12).fill(-1);
  private bs = new Int32Array(1 << 12);
  /** The answer of each pair kept, by its number among the answers (`values`). */
  private vs = new Int32Array(1 << 12);
  private size = 0;
  /**
   * Each distinct answer, by its number: a block's answers are few values (its candidate pairs keep the
   * number, 4 bytes, not the float). Told apart as a Map tells keys apart: 0 and -0 are one (no sum, and
   * no comparison with the threshold, tells them apart).
   */
  readonly values: number[] = [];
  private numbers = new Map<number, number>();
  /** Comparisons made (each a pair of signatures, unless plain). */
  compared = 0;
  constructor(
    private readonly sigs: readonly Sig[],
    claims: readonly FusionClaim[],
    /** Every pair asked is compared, none kept (GroupingStats.plain). */
    private readonly plain = false,
  ) {
    const ids = new Map<string, number>();
    this.docs = Int32Array.from(claims, (c) => ids.get(c.doc) ?? (ids.set(c.doc, ids.size), ids.size - 1));
  }
  /** The claims at i and j (the block's positions), compared. */
  of(i: number, j: number): number {
    return this.values[this.numberOf(i, j)]!;
  }
  /** The number of what the claims at i and j give when compared (`values`: -1 when they conflict, else how alike they are). */
  numberOf(i: number, j: number): number {
    const a = this.sigs[i]!, b = this.sigs[j]!;
    const sameDoc = this.docs[i] === this.docs[j];
    if (this.plain) {
      this.compared++;
      return this.number(conflict(a, b) ? -1 : similarity(a, b, sameDoc));
    }
    const x = a.id, y = 2 * b.id + (sameDoc ? 1 : 0);
    const mask = this.as.length - 1;
    let k = slot(x, y, mask);
    for (;;) {
      const at = this.as[k]!;
      if (at === -1) break;
      if (at === x && this.bs[k] === y) return this.vs[k]!;
      k = (k + 1) & mask;
    }
    this.compared++;
    const v = this.number(conflict(a, b) ? -1 : similarity(a, b, sameDoc));
    this.as[k] = x;
    this.bs[k] = y;
    this.vs[k] = v;
    if (++this.size * 10 > this.as.length * 7) this.grow();
    return v;
  }
  private number(x: number): number {
    let v = this.numbers.get(x);
    if (v === undefined) this.numbers.set(x, (v = this.values.push(x) - 1));
    return v;
  }
  private grow(): void {
    const { as, bs, vs } = this;
    const size = as.length * 2, mask = size - 1;
    this.as = new Int32Array(size).fill(-1);
    this.bs = new Int32Array(size);
    this.vs = new Int32Array(size);
    for (let k = 0; k < as.length; k++) {
      if (as[k] === -1) continue;
      let s = slot(as[k]!, bs[k]!, mask);
      while (this.as[s] !== -1) s = (s + 1) & mask;
      this.as[s] = as[k]!;
      this.bs[s] = bs[k]!;
      this.vs[s] = vs[k]!;
    }
  }
}

/** A slot for a pair of numbers in an open-addressed table of mask + 1 slots. */
function slot(i: number, j: number, mask: number): number {
  let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  h ^= h >>> 15;
  return (Math.imul(h, 0x2c1b3c6d) >>> 0) & mask;
}

/**
 * Pairs of clusters with a number each: open addressing over typed arrays (a block of a whole ledger
 * refuses many pairs, and a Map keyed by numbers that large holds each key as an object).
 */
class PairMap {
  private is = new Int32Array(1 << 12).fill(-1);
  private js = new Int32Array(1 << 12);
  private vs = new Int32Array(1 << 12);
  private size = 0;
  private slot(i: number, j: number, mask: number): number {
    let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
    h ^= h >>> 15;
    return (Math.imul(h, 0x2c1b3c6d) >>> 0) & mask;
  }
  private find(i: number, j: number): number {
    const mask = this.is.length - 1;
    let k = this.slot(i, j, mask);
    for (;;) {
      const x = this.is[k]!;
      if (x === -1 || (x === i && this.js[k] === j)) return k;
      k = (k + 1) & mask;
    }
  }
  /** The number kept for the pair, undefined when none is. */
  get(i: number, j: number): number | undefined {
    const k = this.find(i, j);
    return this.is[k] === -1 ? undefined : this.vs[k];
  }
  /** Keeps a number for the pair; false when the pair had one already (which is replaced). */
  set(i: number, j: number, v: number): boolean {
    const k = this.find(i, j);
    const had = this.is[k] !== -1;
    this.is[k] = i;
    this.js[k] = j;
    this.vs[k] = v;
    if (!had && ++this.size * 10 > this.is.length * 7) this.grow();
    return !had;
  }
  private grow(): void {
    const { is, js, vs } = this;
    this.is = new Int32Array(is.length * 2).fill(-1);
    this.js = new Int32Array(is.length * 2);
    this.vs = new Int32Array(is.length * 2);
    for (let k = 0; k < is.length; k++) {
      if (is[k] === -1) continue;
      const s = this.find(is[k]!, js[k]!);
      this.is[s] = is[k]!;
      this.js[s] = js[k]!;
      this.vs[s] = vs[k]!;
    }
  }
}

/**
 * Candidate pairs with their similarity, in chunks of typed arrays: a block of a whole ledger finds millions,
 * and arrays doubled as they grew held up to twice the room, and both sizes while copying. A pair is one
 * number (its two positions, `i * n + j`) and the number of its similarity among the block's (Judge): 12
 * bytes, not the 16 of two positions and a float.
 */
class PairList {
  private keys: Float64Array[] = [];
  private vals: Int32Array[] = [];
  /** Pairs in the last chunk. */
  private fill = 0;
  private count = 0;
  /** `n`: the block's size, above every position. */
  constructor(private readonly n: number) {
    // (i * n + j is exact below 2 ** 53: a block of 2 ** 26 claims would hold tens of gigabytes of claims first)
    if (n > 2 ** 26) throw new RangeError(`a block of ${n} claims is beyond what its pairs can be numbered in`);
  }
  push(i: number, j: number, value: number): void {
    let k = this.keys.length - 1;
    if (k < 0 || this.fill === this.keys[k]!.length) {
      // (small blocks, most of them, find a few pairs: chunks grow up to a bound)
      const size = 1024 << Math.min(this.keys.length, 6);
      this.keys.push(new Float64Array(size));
      this.vals.push(new Int32Array(size));
      this.fill = 0;
      k++;
    }
    this.keys[k]![this.fill] = i * this.n + j;
    this.vals[k]![this.fill++] = value;
    this.count++;
  }
  /**
   * The pairs strongest first, then by position (the first claim, then the second): a total order, so the
   * same pairs give the same order. `values`: each similarity by its number (distinct values).
   * One array of the pairs, each `i * n + j`: their similarities are put in order by counting (a block's
   * pairs have few values), each chunk let go as it is taken in, and the pairs of one value sorted as
   * numbers in place. (A sort of three whole arrays side by side, and the copies it gathered through, held
   * the pairs four times over at the peak of an extract.)
   */
  sorted(values: ArrayLike<number>): Float64Array {
    const total = this.count, chunks = this.keys.length;
    const last = this.fill;
    const counts = new Int32Array(values.length);
    for (let c = 0; c < chunks; c++) {
      const vs = this.vals[c]!, m = c === chunks - 1 ? last : vs.length;
      for (let k = 0; k < m; k++) counts[vs[k]!]!++;
    }
    // the values the pairs have, strongest first (distinct numbers: sorted as such, each found again by halving)
    let used = 0;
    for (let v = 0; v < counts.length; v++) if (counts[v]) used++;
    const ascending = new Float64Array(used);
    used = 0;
    for (let v = 0; v < counts.length; v++) if (counts[v]) ascending[used++] = values[v]!;
    ascending.sort();
    const byRank = new Int32Array(used);
    for (let v = 0; v < counts.length; v++) {
      if (!counts[v]) continue;
      let lo = 0, hi = used - 1;
      const x = values[v]!;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ascending[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      byRank[used - 1 - lo] = v;
    }
    // where each value's pairs go
    const at = new Int32Array(values.length);
    for (let r = 0, sum = 0; r < used; r++) {
      at[byRank[r]!] = sum;
      sum += counts[byRank[r]!]!;
    }
    const out = new Float64Array(total);
    for (let c = 0; c < chunks; c++) {
      const ks = this.keys[c]!, vs = this.vals[c]!, m = c === chunks - 1 ? last : vs.length;
      for (let k = 0; k < m; k++) out[at[vs[k]!]!++] = ks[k]!;
      this.keys[c] = this.vals[c] = EMPTY_CHUNK as never;
    }
    this.keys.length = this.vals.length = 0;
    this.count = this.fill = 0;
    // each value's pairs by position (`at` is now where each value's pairs end)
    for (let r = 0; r < used; r++) {
      const v = byRank[r]!, end = at[v]!, start = end - counts[v]!;
      if (end - start > 1) out.subarray(start, end).sort();
    }
    return out;
  }
}
const EMPTY_CHUNK = new Float64Array(0);

/**
 * Sorts pairs in place, in three arrays side by side, as a block orders its candidate pairs: strongest
 * first, then by the first claim, then the second. For tests: positions below 2 ** 26.
 */
export function sortPairs(is: Int32Array, js: Int32Array, sims: Float64Array): void {
  let n = 1;
  for (let k = 0; k < is.length; k++) n = Math.max(n, is[k]! + 1, js[k]! + 1);
  const values: number[] = [], number = new Map<number, number>();
  const list = new PairList(n);
  for (let k = 0; k < is.length; k++) {
    let v = number.get(sims[k]!);
    if (v === undefined) number.set(sims[k]!, (v = values.push(sims[k]!) - 1));
    list.push(is[k]!, js[k]!, v);
  }
  const keys = list.sorted(values);
  // (strongest first: the k-th pair has the k-th largest similarity)
  sims.sort().reverse();
  keys.forEach((key, k) => {
    is[k] = Math.floor(key / n);
    js[k] = key - is[k]! * n;
  });
}

function proposition(g: BlockGroup, ctx: BlockContext): Proposition {
  const cs = g.claims;
  const first = cs[0]!;
  const sources = new Map<string, PropositionSource>();
  for (const c of cs) {
    const a = ctx.asserter(c);
    if (!sources.has(a.key)) sources.set(a.key, { name: a.name, key: a.key, kind: a.kind, ...(a.entity && { entity: a.entity }) });
  }
  const statuses = cs.map((c) => c.status);
  let status: ClaimStatus;
  if (statuses.includes("confirmed")) status = "confirmed";
  else if (statuses.includes("established")) status = "established";
  else if (statuses.every((s) => s === "denied")) status = "denied";
  else status = statuses.filter((s) => s !== "denied").sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])[0]!;
  const byTime = [...cs].sort((a, b) => cmp(a.order, b.order));
  const history: Proposition["history"] = [];
  for (const c of byTime) if (!history.length || history[history.length - 1]!.status !== c.status) history.push({ at: c.published, status: c.status, claim: c.id });
  const origins = originsOf(cs, ctx);
  const figs = g.figs;
  return {
    key: `p:${first.order}`,
    claims: cs.map((c) => c.id),
    text: first.text,
    status,
    polarity: g.negated ? "negated" : "affirmed",
    sources: [...sources.values()].sort((a, b) => cmp(a.key, b.key)),
    reports: new Set(cs.map((c) => c.doc)).size,
    independent: new Set(origins).size,
    origins: [...new Set(origins)].sort(),
    first_seen: byTime[0]!.published,
    last_seen: byTime[byTime.length - 1]!.published,
    history,
    figures: [...figs].map(([kind, f]) => ({ kind, value: f.value, approx: f.approx })),
  };
}

/**
 * Where each claim of a proposition comes from: a named speaker is one origin however many outlets quote
 * them (and so is what he does himself when other reports have it from him); a report's own voice is its agency when it credits one, else its outlet, and a sentence copied
 * nearly word for word from another outlet's shares that outlet's origin.
 */
function originsOf(cs: readonly FusionClaim[], ctx: BlockContext): string[] {
  // a part speaks for the body it is a part of ("ISIS-K, a branch of the Islamic State group, claimed …")
  const speaker = (c: FusionClaim) => {
    const whole = c.source?.whole && ctx.entityKey(c.source.whole);
    return whole ? `e:${whole}` : ctx.asserter(c).key;
  };
  const speakers = new Set<string>();
  for (const c of cs) if (c.source && c.source.kind !== "unnamed") speakers.add(speaker(c));
  const out: string[] = cs.map((c) => {
    if (c.source && c.source.kind !== "unnamed") return `S:${speaker(c)}`;
    // what a speaker does himself, told in a report's own voice ("he conveyed his condolences to the Swedish
    // premier", "the ministry arrested eleven"), rests on his own word when other reports quote him saying
    // it: one origin, his; and a claim of responsibility is the claimant's word wherever the report names
    // him ("the attack, claimed by the group, …")
    if (speakers.size && !c.source) {
      const doers = c.concepts.includes("s:claim-responsibility") ? c.entities : [...(c.subject ? [c.subject] : []), ...c.agents.filter((a) => a.startsWith("R:")).map((a) => a.slice(2))];
      for (const r of doers) {
        const k = ctx.entityKey(r);
        if (k && speakers.has(`e:${k}`)) return `S:e:${k}`;
      }
    }
    if (c.agency) return `W:${c.agency}`;
    return `O:${c.outlet ?? c.doc}`;
  });
  // copies: the later of two nearly identical sentences takes the earlier one's origin
  // (each claim's shingles asked once here, and let go with the proposition: a block's claims hand out a
  // new list each time they are asked, see ClaimColumns.shingles)
  const sh: (readonly number[] | undefined)[] = new Array(cs.length);
  const shinglesAt = (k: number) => (sh[k] ??= cs[k]!.shingles);
  for (let i = 0; i < cs.length; i++) {
    if (!out[i]!.startsWith("O:")) continue;
    for (let j = Math.max(0, i - 200); j < i; j++) {
      if (cs[j]!.lang !== cs[i]!.lang) continue;
      if (jaccard(shinglesAt(i), shinglesAt(j)) >= 0.6) {
        out[i] = out[j]!;
        break;
      }
    }
  }
  return out;
}

function jaccard(a: readonly number[], b: readonly number[]): number {
  if (!a.length || !b.length) return 0;
  let i = 0, j = 0, both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

/** For inspection and tests: the weighted keys of each claim of a block and how alike two of them are. */
export function explainBlock(claims: readonly FusionClaim[], ctx: BlockContext): {
  keys(id: string): Map<string, number>;
  similarity(a: string, b: string): number;
  conflict(a: string, b: string): boolean;
  /** What the block's grouping reads of two claims (-1: they conflict), from the answers it keeps per pair of signatures. */
  judged(a: string, b: string): number;
  /** How many distinct signatures the block's claims have. */
  signatures: number;
} {
  const same = new SigPool();
  const sorted = [...claims].sort((a, b) => cmp(a.order, b.order));
  const sigs = sorted.map((c) => rawSignature(c, ctx, same));
  weigh(sigs);
  const by = new Map(sorted.map((c, i) => [c.id, { sig: sigs[i]!, doc: c.doc, at: i }]));
  const judge = new Judge(sigs, sorted);
  return {
    judged: (a, b) => judge.of(by.get(a)!.at, by.get(b)!.at),
    signatures: same.all.length,
    keys: (id) => by.get(id)!.sig.keys,
    similarity: (a, b) => similarity(by.get(a)!.sig, by.get(b)!.sig, by.get(a)!.doc === by.get(b)!.doc),
    conflict: (a, b) => conflict(by.get(a)!.sig, by.get(b)!.sig),
  };
}
