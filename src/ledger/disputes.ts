import type { Approx, CountKind } from "../model/doc.js";
import { countryWords, placedAt, type FusionClaim } from "./claimkeys.js";
import { conceptsOf, conceptTokens, type ConceptToken } from "./concepts.js";
import { lookupName } from "../geo/gazetteer.js";
import { accusedAct, fold } from "./features.js";
import type { BlockContext } from "./propositions.js";
import { ledgerLexicon } from "./lang.js";
import { langPack } from "../lang/index.js";
import { TupleMap } from "./tuples.js";

/**
 * A claim's text folded, once per claim: its scope, its narrower measure and whether it recalls another's
 * figure are each read from the same folded words, for every claim with a figure.
 */
const folded = new WeakMap<object, string>();
function foldedText(c: { text: string }): string {
  let t = folded.get(c);
  if (t === undefined) folded.set(c, (t = fold(c.text)));
  return t;
}

/**
 * Contradictions over fusion claims: two claims that cannot both hold as stated, inside one report (the
 * pipeline's contradictions stage) or across the reports of one incident (the ledger). Pure and
 * order-independent: pairs are found from the claims' language-free keys and listed in content order.
 *
 * - figures: one kind of figure (killed, wounded, missing, arrested, or one measure of another kind) for
 *   the incident by different sources, with values that cannot both be true. A figure for one place can
 *   contradict a figure for the whole only by exceeding it; figures for two different places never do. A
 *   source revising itself is an update, not a contradiction; a later, higher figure by another source is
 *   listed with `update: true` (the toll rose; the earlier one is superseded, not refuted).
 * - figure denied: a denial of a figure ("denied that the toll had reached 11,300") against a claim of it.
 * - toll higher: "the real toll is much higher" against an official figure.
 * - denial: a party denies its part ("nothing to do with it", "not involved", "Russia denies carrying out a
 *   missile attack") against another's claim that names that party as doing, planning or backing it.
 * - attribution: two sources put the same act on different doers (Russian missiles vs Ukrainian air
 *   defence; Moscow vs British navy personnel).
 * - place: two sources put the act in different parts of a town.
 * - opposed: a state and its opposite (independent vs under command; over vs still going on; at large vs
 *   caught), from the language's opposition lexicon.
 * - pointed back: a denial or a counter-statement that points back at what another said ("De Oekraïners
 *   hebben de bewering van Poetin tegengesproken", "conflicting reports … however").
 * Two claims of the same asserter never contradict each other. Each finding says why.
 */
export type DisputeType = "figures" | "figure-denied" | "toll-higher" | "denial" | "attribution" | "opposed" | "place" | "pointed-back";

export interface Dispute {
  /** Fusion claim ids, the earlier first (content order). */
  claims: [string, string];
  /** The incident whose block it was found in (set by the caller that blocks a ledger by incident). */
  incident?: string;
  type: DisputeType;
  reason: string;
  detail: {
    asserters: [string, string];
    kind?: CountKind;
    values?: [string, string];
    /** The later figure is higher and comes from a later report: the earlier one is superseded. */
    update?: boolean;
    /**
     * The figure denied is one the other claim only recalls in an aside (an earlier report's, "(adjusting
     * the numbers from a previous report that said …)"): its speaker did not give it.
     */
    aside?: boolean;
    parties?: string[];
    opposition?: string;
    labels?: [string, string];
    /** The two places of a "place" dispute (fused entity keys). */
    places?: [string, string];
    /** The claim that denies, rejects or says higher (a denial of either kind): it speaks first. */
    denier?: string;
  };
}

export interface DisputeOptions {
  /** "report": pairs inside one report only (the pipeline stage); "ledger": across reports too. */
  scope?: "report" | "ledger";
  /** How many sentences apart two claims of one report may be for a denial to answer an accusation. */
  window?: number;
  /** At most this many pairs for one pair of asserters and one point (a ledger with thousands of copies). */
  perPoint?: number;
}

const NOT_ASSERTED = new Set(["denied", "unknown"]);
/** Disputes whose rules pass the denying claim first. */
const DENYING: ReadonlySet<DisputeType> = new Set(["denial", "figure-denied", "pointed-back", "toll-higher"]);
const TOLL_KINDS: ReadonlySet<CountKind> = new Set(["killed", "wounded", "missing", "arrested"]);
/**
 * A figure its claim gives only as what may be ("mogelijk tot wel twintigduizend", "could reach 20,000"): an
 * estimate of what the toll might turn out to be, not a count. It still stands against a count of the same
 * toll (the mayor's 20,000 against the Red Crescent's 11,300), but it replaces no earlier count: a count
 * that a later estimate exceeds is not superseded by it.
 */
const estimate = (c: Pick<FusionClaim, "status">): boolean => c.status === "possible" || c.status === "probable";
/** Concepts of doing, planning or backing an act: what an accusation says of a party and a denial denies. */
const AGENCY = new Set([
  "v:involve", "v:attack", "v:cause", "v:launch", "v:use", "v:plan", "v:cross", "v:responsible", "v:link", "v:accuse",
  "v:sabotage", "v:explode", "v:move-toward", "v:origin", "v:produce", "v:shoot", "v:stop", "s:claim-responsibility",
  // the weapon a party is said to own ("the missile was Russian")
  "n:missile", "n:air-defence",
]);
/**
 * Words of doing that say little alone ("used", "caused", "launched", "cut", "planned"): they speak of an
 * act of violence only beside one (an attack, a missile), of a cut in supplies only beside what is cut.
 */
const WEAK: Record<string, (k: Set<string>) => boolean> = {
  "v:use": (k) => STRONG.some((x) => k.has(x)),
  "v:cause": (k) => STRONG.some((x) => k.has(x)) || k.has("v:leak") || k.has("v:collapse"),
  "v:launch": (k) => STRONG.some((x) => k.has(x)),
  "v:plan": (k) => STRONG.some((x) => k.has(x)) || k.has("v:cross") || k.has("n:border"),
  "v:stop": (k) => ["n:gas", "n:pipeline", "n:supply"].some((x) => k.has(x)),
};
const STRONG = ["v:attack", "v:shoot", "v:explode", "v:sabotage", "n:missile", "n:air-defence", "v:kill"];

/** The concepts of doing or having a part that a claim really says (weak words only with support). */
function agencyIn(concepts: Set<string>, negated = false): string[] {
  const plain = new Set([...concepts].map(bare));
  return [...concepts].filter((k) => k.startsWith("!") === negated && AGENCY.has(bare(k)) && (!WEAK[bare(k)] || WEAK[bare(k)]!(plain)));
}

/** What a denial of `denied` can answer in a claim: the same act family, or any part when a part is denied. */
function related(denied: string, acts: readonly string[]): boolean {
  if (PART.has(denied)) return acts.length > 0;
  const fam = VIOLENCE.has(denied) ? "violence" : denied;
  return acts.some((k) => (VIOLENCE.has(bare(k)) ? "violence" : bare(k)) === fam);
}

/** Acts of violence and their weapons: denying an attack answers a claim about the missile that struck. */
const VIOLENCE = new Set(["v:attack", "v:shoot", "v:explode", "v:sabotage", "v:launch", "v:cause", "v:use", "n:missile", "n:air-defence"]);

/** Concepts that put the blame or a part on someone: what a denial of blame answers. */
const BLAME_PART = new Set(["v:responsible", "v:accuse", "v:involve", "s:claim-responsibility", "v:link"]);

/** Concepts of having a part in something, whatever the act: denying them denies any act named. */
const PART = new Set(["v:involve", "v:responsible", "v:origin", "v:plan", "v:link", "s:claim-responsibility"]);

/** Acts whose doer two sources may name differently; the words of one act ("caused", "fired", "used") as one. */
// An attack, a blast and sabotage are one act when a report says who is behind it: "a terrorist attack by
// Moscow" and "British navy personnel blew up the pipeline" name two doers of the one thing that happened.
const ACTS: Record<string, string> = {
  "v:attack": "attack", "v:cause": "doing", "v:launch": "doing", "v:use": "doing", "v:explode": "attack", "v:sabotage": "attack",
  "v:shoot": "attack", "v:stop": "stop", "n:missile": "projectile", "n:air-defence": "projectile",
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bares = new Map<string, string>();
/**
 * A concept without its polarity and qualifier ("!v:kill@RU" → "v:kill"): asked for every concept of every
 * claim and of every pair a rule compares, of a lexicon's few concepts (kept, up to a bound hostile input
 * alone reaches).
 */
const bare = (k: string): string => {
  let b = bares.get(k);
  if (b === undefined) {
    if (bares.size > 10_000) bares.clear();
    bares.set(k, (b = k.replace(/^!/, "").replace(/@.*$/, "")));
  }
  return b;
};
const q = (s: string) => `'${s.length > 90 ? s.slice(0, 87) + "…" : s}'`;

interface Item {
  c: FusionClaim;
  asserter: string;
  /** The asserter as a number, one for each asserter of the block: compared for every pair a rule looks at. */
  who: number;
  /** The claim id as a number, one for each id of the block (-1 until asked: see Index.idOf). */
  id: number;
  /** Its place in the block's content order. */
  at: number;
  name: string;
  parties: Set<string>;
  /** Everything the claim names that can be a party: agents, countries, entities (capitals as countries). */
  names: Set<string>;
  agents: Set<string>;
  places: Set<string>;
  /** Places below a country the claim names (a town, a district, a square), as fused entity keys. */
  sites: Set<string>;
  /** The claim names a party (a person, a body, a country), not only places. */
  namesParty: boolean;
  concepts: Set<string>;
  /** What its concepts alone say, one for all items with the same concepts. */
  facts: Facts;
  asserted: boolean;
  denial: boolean;
  published: number;
  /** What the rules ask of it beyond that, once asked (see Memo). */
  memo: Memo | undefined;
}

/**
 * What the rules read of a set of concepts, worked out once for every item that has that set (claims of a
 * kind say alike: a block of a whole ledger holds a few thousand sets for a hundred thousand claims).
 */
class Facts {
  /** The concepts of doing or having a part it says (agencyIn), affirmed and negated. */
  readonly acts: string[];
  readonly negActs: string[];
  private made: boolean | undefined = undefined;
  private subjectSet: Set<string> | undefined = undefined;
  constructor(readonly concepts: Set<string>) {
    this.acts = agencyIn(concepts);
    this.negActs = agencyIn(concepts, true);
  }
  /** The only act it says is making the weapon (see madeOnly). */
  get madeOnly(): boolean {
    return (this.made ??= madeOnlyOf(this.acts));
  }
  /** What an act is done to or with (see subjects). */
  get subjects(): Set<string> {
    return (this.subjectSet ??= subjectsOf(this.concepts));
  }
}

/**
 * What the rules ask of one item beyond its concepts, each worked out when first asked and kept for the
 * block: a ledger's denials are each set against up to MAX_GROUP claims naming the party, the same claims
 * asked again by every denial (tokenising their text each time). None of it depends on the language the
 * speakers are named in, so every language's rules read the same answers.
 */
class Memo {
  supposes: boolean | undefined = undefined;
  statedActs: string[] | undefined = undefined;
  doers: Set<string> | undefined = undefined;
  others: string[] | undefined = undefined;
  partOnly: boolean | undefined = undefined;
  owner: Map<string, boolean> | undefined = undefined;
  destination: Map<string, boolean> | undefined = undefined;
  /**
   * Whether it speaks of each `about` asked (see speaksOf), as bits by the block's number for that `about`:
   * asked of most items of a block of a whole ledger, a map of one entry for each was a tenth of the
   * disputes' heap. A block with more `about`s than bits keeps the rest in `speaks`.
   */
  speaksAsked = 0;
  speaksSaid = 0;
  speaks: Map<string, boolean> | undefined = undefined;
}
const memoOf = (it: Item): Memo => (it.memo ??= new Memo());

const supposesIt = (x: Item): boolean => (memoOf(x).supposes ??= supposes(x.c));
/** What a claim says of an act outside a clause that only sets its scene (see denials). */
const statedActsOf = (x: Item): string[] =>
  (memoOf(x).statedActs ??= x.c.background?.length ? agencyIn(new Set([...x.concepts].filter((k) => !x.c.background!.includes(k)))) : x.facts.acts);
const doersOf = (x: Item): Set<string> => (memoOf(x).doers ??= doersIn(x));
const othersOf = (x: Item): string[] => (memoOf(x).others ??= otherCountries(x));
const partOnlyIt = (x: Item): boolean => (memoOf(x).partOnly ??= partOnly(x, doersOf(x)));
function asked(m: Map<string, boolean>, g: string, f: () => boolean): boolean {
  let v = m.get(g);
  if (v === undefined) m.set(g, (v = f()));
  return v;
}
const ownerOnlyIt = (x: Item, g: string): boolean => asked((memoOf(x).owner ??= new Map()), g, () => ownerOnly(x, g));
const destinationOnlyIt = (x: Item, g: string): boolean => asked((memoOf(x).destination ??= new Map()), g, () => destinationOnly(x, g));

function interval(value: number, approx: Approx): [number, number] {
  switch (approx) {
    case "min":
      return [value, Infinity];
    case "max":
      // "up to", "nearly": an estimate just below its figure
      return [value * 0.8, value];
    case "about":
      return [value * 0.9, value * 1.1];
    default:
      return [value, value];
  }
}

/**
 * The top of a figure's range (from `lo` to `hi` as stated: `interval`) against another source's: "at least
 * 5,300 bodies counted" is a count so far, not any number above it, so a figure of another source several
 * times as high runs against it ("up to 20,000"); against another "at least" both are lower bounds and
 * either may hold. (The bottom is as stated.) `stated`: the range as stated, whatever the other.
 */
function rangeTop(f: { value: number; approx: Approx; hi: number }, other: { approx: Approx }, stated: boolean): number {
  return !stated && f.approx === "min" && other.approx !== "min" ? f.value * MIN_SPAN : f.hi;
}
const MIN_SPAN = 3;

/** How much later a report must be for its figure to be a new one, not a rival of the same hour. */
const LATER_MS = 3 * 3600e3;

export function showValue(value: number, approx: Approx): string {
  return (approx === "min" ? "≥" : approx === "max" ? "≤" : approx === "about" ? "~" : "") + String(value);
}

/**
 * The claims of a block, indexed so that no rule compares every pair: by report and sentence (windows
 * inside a report), by the parties a claim names, by figure, by act.
 */
class Index {
  readonly byDoc = new Map<string, Item[]>();
  private readonly byName = new Map<string, Item[]>();
  private readonly accusing = new Map<string, Item[]>();
  /** The pairs the language-free rules keep, for the block's other languages (see disputesOf). */
  plan: Plan | undefined = undefined;
  /** A mark per item, for taking each once from several lists. */
  readonly marks: Uint32Array;
  private stamp = 0;
  private readonly ids = new Map<string, number>();
  private readonly abouts = new Map<string, number>();
  constructor(readonly items: Item[]) {
    this.marks = new Uint32Array(items.length);
    for (const it of items) (this.byDoc.get(it.c.doc) ?? this.byDoc.set(it.c.doc, []).get(it.c.doc)!).push(it);
    for (const l of this.byDoc.values()) l.sort((a, b) => a.c.sentence - b.c.sentence || cmp(a.c.order, b.c.order));
    // (the names a clause inherits are names it is found by)
    inheritNames(this.byDoc.values());
    for (const it of items) {
      for (const n of it.names) this.named(n, it);
      for (const p of it.parties) if (!it.names.has(p)) this.named(p, it);
    }
  }
  private named(n: string, it: Item): void {
    const l = this.byName.get(n) ?? this.byName.set(n, []).get(n)!;
    // (no rule reads past MAX_GROUP of them)
    if (l.length < MAX_GROUP) l.push(it);
  }
  /** The claims of a report from `from` to `to` sentences (inclusive), in order. */
  around(doc: string, from: number, to: number): Item[] {
    const l = this.byDoc.get(doc) ?? NO_ITEMS;
    const out: Item[] = [];
    for (let k = firstAt(l, from); k < l.length && l[k]!.c.sentence <= to; k++) out.push(l[k]!);
    return out;
  }
  /** The claims that name a party (as doer, country, entity or speaker), the first MAX_GROUP of them. */
  naming(key: string): readonly Item[] {
    return this.byName.get(key) ?? NO_ITEMS;
  }
  /**
   * Of the claims naming a party, those that can charge it with an act across reports (see denials): an
   * asserted claim that denies nothing, says an act (not only the making of a weapon) and is not the party's
   * own. Every denial of the party is set against these, not against every claim that names it.
   */
  accusers(p: string): readonly Item[] {
    let l = this.accusing.get(p);
    if (!l) this.accusing.set(p, (l = this.naming(p).filter((x) => x.asserted && !x.denial && !x.parties.has(p) && x.facts.acts.length > 0 && !x.facts.madeOnly)));
    return l;
  }
  /** The claim id of an item as a number (only the items of pairs a rule would keep are asked). */
  idOf(it: Item): number {
    if (it.id < 0) {
      let n = this.ids.get(it.c.id);
      if (n === undefined) this.ids.set(it.c.id, (n = this.ids.size));
      it.id = n;
    }
    return it.id;
  }
  /** A bit of Memo's `speaksAsked` for each `about` of the block (the lexicons name a few); -1 past 31 of them. */
  aboutBit(about: string): number {
    let b = this.abouts.get(about);
    if (b === undefined) this.abouts.set(about, (b = this.abouts.size < 31 ? this.abouts.size : -1));
    return b;
  }
  /** A new mark: `take(it, mark)` is true the first time an item is taken with it. */
  mark(): number {
    return ++this.stamp;
  }
  take(it: Item, mark: number): boolean {
    if (this.marks[it.at] === mark) return false;
    this.marks[it.at] = mark;
    return true;
  }
}
const NO_ITEMS: readonly Item[] = Object.freeze([]);

/** Where the claims of a report (in order of sentence) from sentence `from` on begin. */
function firstAt(l: readonly Item[], from: number): number {
  let lo = 0, hi = l.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (l[mid]!.c.sentence < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The most claims one rule compares with one claim across reports: enough for any real ledger's incident. */
const MAX_GROUP = 2000;

/** The contradictions among a block's claims (one report, or one incident of the ledger). */
export function findDisputes(claims: readonly FusionClaim[], ctx: BlockContext, opts: DisputeOptions = {}): Dispute[] {
  return findDisputesIn(claims, [ctx], opts)[0]!;
}

/**
 * The contradictions among a block's claims in each of several block contexts (the languages a ledger is
 * fused in): what `findDisputes` gives in each, with the block's items made and indexed once. An item is
 * the same in every language but for its speaker's name (keys, parties and entities are language-free),
 * so each language's rules run over the same items with only their names set anew; a context whose
 * speakers' keys differ from the first's has its items made afresh. (The items of a block of a whole
 * ledger, and their index, were a third of each language's time and made again for the next.) Which pairs
 * the rules keep does not depend on the names either, but for the last rule's (see disputesOf).
 */
export function findDisputesIn(claims: readonly FusionClaim[], ctxs: readonly BlockContext[], opts: DisputeOptions = {}): Dispute[][] {
  if (!ctxs.length) return [];
  const mk = new Maker(ctxs[0]!);
  const items: Item[] = [...claims].sort((a, b) => cmp(a.order, b.order) || cmp(a.id, b.id)).map((c, at) => itemOf(c, mk, at));
  const ix = new Index(items);
  return ctxs.map((ctx, k) => {
    if (k) {
      const names: string[] = [];
      for (const it of items) {
        const a = ctx.asserter(it.c);
        if (a.key !== it.asserter) return findDisputesIn(claims, [ctx], opts)[0]!;
        names.push(a.name);
      }
      items.forEach((it, i) => (it.name = names[i]!));
    }
    return disputesOf(ix, opts, k < ctxs.length - 1);
  });
}

/** A dispute's reason and detail, made when its pair is kept: read again, with the speakers' names of each language. */
type Make = () => [string, Omit<Dispute["detail"], "asserters">];
type Add = (a: Item, b: Item, type: DisputeType, point: string, make: Make) => void;

/** The pairs the language-free rules kept, in the order kept, and what was kept once they had run. */
interface Plan {
  made: { a: Item; b: Item; type: DisputeType; make: Make }[];
  kept: Kept;
}

/**
 * The pairs a block's disputes hold so far: a pair once, whatever the rule; across reports, at most
 * `perPoint` pairs for one rule, one point and one pair of asserters (thousands of copies of one statement
 * make one dispute, shown by a few of its pairs).
 */
class Kept {
  private readonly seen = new Set<number>();
  private readonly perKey = new Map<DisputeType, Map<string, Map<number, number>>>();
  private readonly n: number;
  constructor(private readonly ix: Index, private readonly perPoint: number) {
    this.n = ix.items.length;
  }
  admit(a: Item, b: Item, type: DisputeType, point: string): boolean {
    // one source does not contradict itself, except by denying what it is reported to have said
    if ((a.who === b.who && type !== "figure-denied") || this.ix.idOf(a) === this.ix.idOf(b)) return false;
    const ab = cmp(a.c.order, b.c.order) <= 0;
    const x = ab ? a : b, y = ab ? b : a;
    const key = x.id * this.n + y.id;
    if (this.seen.has(key)) return false;
    if (x.c.doc !== y.c.doc) {
      const byPoint = this.perKey.get(type) ?? this.perKey.set(type, new Map()).get(type)!;
      const m = byPoint.get(point) ?? byPoint.set(point, new Map()).get(point)!;
      // (the two asserters in either order)
      const pair = x.who <= y.who ? x.who * this.n + y.who : y.who * this.n + x.who;
      const k = m.get(pair) ?? 0;
      if (k >= this.perPoint) return false;
      m.set(pair, k + 1);
    }
    this.seen.add(key);
    return true;
  }
  copy(): Kept {
    const c = new Kept(this.ix, this.perPoint);
    for (const k of this.seen) c.seen.add(k);
    for (const [t, byPoint] of this.perKey) c.perKey.set(t, new Map([...byPoint].map(([p, m]) => [p, new Map(m)])));
    return c;
  }
}

function dispute(a: Item, b: Item, type: DisputeType, [reason, detail]: ReturnType<Make>): Dispute {
  const flip = cmp(a.c.order, b.c.order) > 0;
  const x = flip ? b : a, y = flip ? a : b;
  const sw = <T>(p: [T, T] | undefined): [T, T] | undefined => (p && flip ? [p[1], p[0]] : p);
  return {
    claims: [x.c.id, y.c.id],
    type,
    reason,
    detail: { asserters: [x.asserter, y.asserter], ...detail, ...(DENYING.has(type) && { denier: a.c.id }), ...(detail.values && { values: sw(detail.values) }), ...(detail.labels && { labels: sw(detail.labels) }) },
  };
}

/**
 * The contradictions among a block's items (made, their names inherited and indexed). Which pairs the rules
 * keep depends on the claims alone, never on the names the speakers have in a language, but for the last
 * rule's (a denial that names whose statement it rejects): with `again`, what the other rules keep is kept
 * on the index, and the next language's call only names their pairs anew.
 */
function disputesOf(ix: Index, opts: DisputeOptions, again: boolean): Dispute[] {
  const items = ix.items;
  const scope = opts.scope ?? "ledger";
  const window = opts.window ?? 8;
  const out: Dispute[] = [];
  let kept: Kept;
  if (ix.plan) {
    for (const m of ix.plan.made) out.push(dispute(m.a, m.b, m.type, m.make()));
    kept = ix.plan.kept.copy();
  } else {
    const k = (kept = new Kept(ix, opts.perPoint ?? 24));
    const made: Plan["made"] = [];
    const add: Add = (a, b, type, point, make) => {
      if (!k.admit(a, b, type, point)) return;
      if (again) made.push({ a, b, type, make });
      out.push(dispute(a, b, type, make()));
    };
    const near = (a: Item, b: Item, w: number) => a.c.doc === b.c.doc && Math.abs(a.c.sentence - b.c.sentence) <= w;
    const inScope = (a: Item, b: Item) => (scope === "report" ? a.c.doc === b.c.doc : true);
    figures(ix, inScope, add);
    denials(ix, scope, window, add);
    attributions(items, inScope, add);
    opposed(ix, items, inScope, near, add);
    whereDisputes(items, inScope, add);
    if (again) ix.plan = { made, kept: kept.copy() };
  }
  pointedBack(ix, (a, b, type, point, make) => {
    if (kept.admit(a, b, type, point)) out.push(dispute(a, b, type, make()));
  }, scope === "ledger");
  return out.sort((a, b) => cmp(a.claims[0], b.claims[0]) || cmp(a.claims[1], b.claims[1]) || cmp(a.type, b.type));
}

/**
 * A clause that names no party but says what was done ("…, en was dat land van plan de grens open te
 * stellen") speaks of the parties the clause before it in the same sentence names. (Each report's claims,
 * in order of sentence: a sentence of one claim, most of them, has none before it.)
 */
function inheritNames(reports: Iterable<Item[]>): void {
  for (const l of reports)
    for (let s = 0; s < l.length; ) {
      let e = s + 1;
      while (e < l.length && l[e]!.c.sentence === l[s]!.c.sentence) e++;
      if (e - s > 1) {
        // (the clauses of a sentence in the order written; claims at one place in content order)
        const clauses = l.slice(s, e).sort((a, b) => a.c.start - b.c.start);
        for (let k = 1; k < clauses.length; k++) {
          const it = clauses[k]!, prev = clauses[k - 1]!;
          if (it.namesParty || !it.facts.acts.length) continue;
          // (an item's names may be one set with other items' alike, see itemOf: added to in a copy)
          let own = false;
          for (const n of prev.names)
            if (n.startsWith("C:") || n.startsWith("E:")) {
              if (!own) (it.names = new Set(it.names)), (own = true);
              it.names.add(n);
            }
        }
      }
      s = e;
    }
}

/** Whether some member of a set passes (asked of every candidate pair: no array made for it). */
function someOf<T>(xs: ReadonlySet<T>, f: (x: T) => boolean): boolean {
  for (const x of xs) if (f(x)) return true;
  return false;
}

/** Shared by every item whose set of this kind is empty (so never added to: see inheritNames). */
const NO_NAMES: Set<string> = new Set();
const NO_PARTIES: readonly string[] = [];

/**
 * One set for each content among a block's items: a block of a whole ledger holds an item per claim, and
 * copies of a statement (or claims that say the same kind of thing) have sets alike. A pooled set is never
 * added to once the item is made (`names` is copied before it is: see inheritNames); the same members in the same order
 * give one set, so iterating it is as iterating each.
 */
class SetPool {
  /** A number for each member string; sets by their members' numbers, in order (no string made of a set's content). */
  private nums = new Map<string, number>();
  private sets = new TupleMap<Set<string>>();
  private ids = new Int32Array(16);
  of(x: Set<string> | undefined): Set<string> {
    if (!x?.size) return NO_NAMES;
    if (this.ids.length < x.size) this.ids = new Int32Array(Math.max(x.size, this.ids.length * 2));
    const ids = this.ids;
    let n = 0;
    for (const k of x) {
      let id = this.nums.get(k);
      if (id === undefined) this.nums.set(k, (id = this.nums.size));
      ids[n++] = id;
    }
    return this.sets.get(ids, n, () => x);
  }
}

/** What a list of entity records says of a claim that names them (see itemOf). */
interface Named {
  /** Each record as a party: its country (`C:UA`), else the entity (`E:<key>`). */
  names: string[];
  /** The places among them (fused entity keys). */
  places: Set<string>;
  /** Places below a country (a town, a district, a square). */
  sites: Set<string>;
  /** One of them is no place below a country: the claim names a party. */
  party: boolean;
}

/**
 * What a block's items are made of, each worked out once for the block: an entity record and a list of
 * records (a report's claims name its entities alike), a publication time (a report's claims share it), a
 * list of concepts (claims read from a ledger share one list for each content) and what the rules read of
 * it, an asserter's number.
 */
class Maker {
  readonly same = new SetPool();
  private readonly ents = new Map<string, string | null>();
  private readonly named = new Map<readonly string[], Named>();
  private readonly times = new Map<string, number>();
  private readonly lists = new Map<readonly string[], Facts>();
  private readonly facts = new Map<Set<string>, Facts>();
  private readonly whos = new Map<string, number>();
  private readonly partySets = new Map<readonly string[], Map<string, Set<string>>>();
  constructor(readonly ctx: BlockContext) {}
  /** The fused entity key of a record. */
  key(r: string): string | null {
    let k = this.ents.get(r);
    if (k === undefined) this.ents.set(r, (k = this.ctx.entityKey(r) ?? null));
    return k;
  }
  names(records: readonly string[]): Named {
    let n = this.named.get(records);
    if (!n) {
      const names: string[] = [];
      const places = new Set<string>(), sites = new Set<string>();
      let party = false;
      for (const r of records) {
        const k = this.key(r);
        if (!k) continue;
        const cc = this.ctx.countryOf(k);
        names.push(cc ? `C:${cc}` : `E:${k}`);
        const place = this.ctx.isPlace(k);
        if (place) places.add(k);
        if (!cc && (place || /^(?:G:\d|N:place:)/.test(k))) sites.add(k);
        else party = true;
      }
      this.named.set(records, (n = { names, places: this.same.of(places), sites: this.same.of(sites), party }));
    }
    return n;
  }
  time(published: string): number {
    let t = this.times.get(published);
    if (t === undefined) {
      t = Date.parse(published);
      this.times.set(published, (t = Number.isNaN(t) ? 0 : t));
    }
    return t;
  }
  /** The concepts of a list as one set for each content, and what they say. */
  concepts(list: readonly string[]): Facts {
    let f = this.lists.get(list);
    if (!f) {
      const set = this.same.of(new Set(list));
      f = this.facts.get(set) ?? this.facts.set(set, new Facts(set)).get(set)!;
      this.lists.set(list, f);
    }
    return f;
  }
  /**
   * The parties a claim's speaker speaks for, as the rules name them (`E:` for an entity), one set for each
   * list the block context gives and each asserter (the context gives one list for each speaker).
   */
  parties(c: FusionClaim, asserter: string): Set<string> {
    // (a report's own voice speaks for no party: see BlockContext.party)
    const ps = c.source ? this.ctx.party(c) : NO_PARTIES;
    let by = this.partySets.get(ps);
    if (!by) this.partySets.set(ps, (by = new Map()));
    let set = by.get(asserter);
    if (!set) {
      const x = new Set(ps.map((p) => (p.startsWith("e:") ? `E:${p.slice(2)}` : p)));
      if (asserter.startsWith("e:")) x.add(`E:${asserter.slice(2)}`);
      by.set(asserter, (set = this.same.of(x)));
    }
    return set;
  }
  /** A number for each asserter key. */
  who(key: string): number {
    let n = this.whos.get(key);
    if (n === undefined) this.whos.set(key, (n = this.whos.size));
    return n;
  }
}

function itemOf(c: FusionClaim, mk: Maker, at: number): Item {
  const ctx = mk.ctx;
  const a = ctx.asserter(c);
  const named = mk.names(c.entities);
  const names = new Set<string>(c.agents);
  for (const g of c.countries) names.add(g);
  for (const n of named.names) names.add(n);
  const agents = new Set<string>();
  for (const g of c.agents) {
    if (g.startsWith("R:")) {
      const k = mk.key(g.slice(2));
      if (k) agents.add(`E:${k}`);
    } else agents.add(g);
  }
  const facts = mk.concepts(c.concepts);
  const concepts = facts.concepts;
  // the party an act is blamed on when the blame is the claim's cue ("and blamed British navy personnel of
  // blowing up the pipeline"): the country named right after the blaming word
  if (!agents.size && facts.acts.length) for (const g of blamed(c)) agents.add(g);
  // who claims an attack names itself as its doer ("Een groep … eiste de aanslag op"), whatever else the
  // claim names ("in een boodschap op Telegram")
  if (c.source && concepts.has("s:claim-responsibility") && !c.main?.startsWith("!")) {
    agents.clear();
    agents.add(a.key.startsWith("e:") ? `E:${a.key.slice(2)}` : a.key);
  }
  for (const g of agents) names.add(g);
  const namesParty = agents.size > 0 || c.countries.length > 0 || named.party;
  const negAgency = facts.negActs.length > 0;
  // "another lie", "onzin": calling something false denies it (unless only the question put to the
  // speaker calls it so)
  const callsFalse = concepts.has("v:false") && !falseOnlyAsked(c);
  const denial = c.status === "denied" || negAgency || callsFalse;
  const asserted = !NOT_ASSERTED.has(c.status) && !c.main?.startsWith("!") && !callsFalse;
  const same = mk.same;
  // (a block of a whole ledger holds an item per claim: the many empty sets are one, never added to, and
  // its names one set for each content, as claims of a report name alike: a set for each was 12 MB)
  return {
    c, asserter: a.key, who: mk.who(a.key), id: -1, at, name: a.name, parties: mk.parties(c, a.key), names: same.of(names),
    agents: same.of(agents), places: named.places, sites: named.sites, namesParty, concepts, facts, asserted, denial, published: mk.time(c.published), memo: undefined,
  };
}

const BLAMING = new Set(["v:accuse", "v:responsible"]);

/** Countries a claim blames: a country word within three words after "blamed", "accused" (not "by"). */
function blamed(c: FusionClaim): string[] {
  const toks = conceptTokens(c.text);
  const hits = conceptsOf(c.text, c.lang, toks).filter((h) => !h.neg && BLAMING.has(h.concept));
  if (!hits.length) return [];
  const cws = countryWords(toks, c.lang);
  const markers = new Set(ledgerLexicon(c.lang).agents.markers);
  const out: string[] = [];
  for (const h of hits)
    for (let k = h.end + 1; k <= h.end + 3 && k < toks.length; k++) {
      if (markers.has(toks[k]!.w)) break;
      const q = cws[k];
      if (q) {
        out.push(`C:${q.cc}`);
        break;
      }
    }
  return out;
}


/** The measure a figure of kind "other" counts: what both claims are about (missiles, leaks). */
function measures(it: Item): string[] {
  return [...it.concepts].filter((k) => k.startsWith("n:") && !k.includes("@") && k !== "n:number");
}

const includingMemo = new Map<FusionClaim["lang"], RegExp>();
/**
 * A figure that a larger one of its kind in the same claim contains, by the claim's own words ("137 dead,
 * including three children", "waaronder drie kinderen"): a part of the toll, not a toll of its own. A claim
 * that gives a revised toll beside the earlier one ("3,958 dead, after a report that said 11,300") has none.
 */
export function partOfToll(c: Pick<FusionClaim, "figures" | "text" | "lang">, f: { kind: CountKind; value: number }): boolean {
  if (!c.figures.some((g) => g.kind === f.kind && !g.aside && g.value > f.value)) return false;
  let re = includingMemo.get(c.lang);
  if (!re) {
    const words = [...langPack(c.lang).counts.including].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    re = new RegExp(`(?:^|[^\\p{L}])(?:${words.join("|")})(?![\\p{L}])`, "u");
    includingMemo.set(c.lang, re);
  }
  return re.test(foldedText(c));
}

const scopeMemo = new Map<FusionClaim["lang"], { part: RegExp; elsewhere: RegExp } | null>();
/**
 * Whether a figure counts less than the incident's whole toll by its claim's own words: "part", a part of a
 * total named elsewhere ("Of the dead, at least 145 were Egyptians"); "elsewhere", a toll of another place
 * ("The storm also killed about 170 people elsewhere in the country"). Only for a claim that gives no other
 * figure of the kind, whose words could be the ones meant. Neither contradicts the toll.
 */
export function figureScope(c: Pick<FusionClaim, "figures" | "text" | "lang">, f: { kind: CountKind; value: number }): "part" | "elsewhere" | undefined {
  if (c.figures.some((g) => g.kind === f.kind && !g.aside && g.value !== f.value)) return undefined;
  let re = scopeMemo.get(c.lang);
  if (re === undefined) {
    const lex = ledgerLexicon(c.lang).figureScope;
    re = lex
      ? {
          // the total named at the start of a clause, or right after the figure ("145 of the dead"): "the
          // number of the dead" names the total itself
          part: new RegExp(`(?:^|[,;:(\u2013\u2014]\\s*|\\d\\s+)(?:${lex.partOf.join("|")})(?![\\p{L}\\p{N}])`, "u"),
          elsewhere: new RegExp(`(?<![\\p{L}\\p{N}])(?:${lex.elsewhere.join("|")})(?![\\p{L}\\p{N}])`, "u"),
        }
      : null;
    scopeMemo.set(c.lang, re);
  }
  if (!re) return undefined;
  const t = foldedText(c);
  return re.part.test(t) ? "part" : re.elsewhere.test(t) ? "elsewhere" : undefined;
}

const measureMemo = new Map<FusionClaim["lang"], { name: string; kinds: ReadonlySet<CountKind>; re: RegExp }[]>();
/**
 * The narrower count of a toll a figure is by its claim's words (the language's `tollMeasures`: taken to
 * hospital, still in hospital, in critical condition), by its language-free name; undefined for the toll
 * itself. A part of the wounded, never a rival total of them, and one measure in every language.
 */
export function tollMeasure(c: Pick<FusionClaim, "text" | "lang">, f: { kind: CountKind }): string | undefined {
  let ms = measureMemo.get(c.lang);
  if (!ms) {
    ms = (ledgerLexicon(c.lang).tollMeasures ?? []).map((m) => ({
      name: m.name,
      kinds: new Set(m.kinds),
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${m.patterns.join("|")})(?![\\p{L}\\p{N}])`, "u"),
    }));
    measureMemo.set(c.lang, ms);
  }
  if (!ms.length) return undefined;
  const t = foldedText(c);
  return ms.find((m) => m.kinds.has(f.kind) && m.re.test(t))?.name;
}

const recalledMemo = new Map<FusionClaim["lang"], RegExp | null>();
/** A claim that recalls another's figure to answer it ("disputing the figure of 180 given by …"): it gives none. */
export function recallsFigure(c: Pick<FusionClaim, "text" | "lang">): boolean {
  let re = recalledMemo.get(c.lang);
  if (re === undefined) {
    const ps = ledgerLexicon(c.lang).recalledFigure;
    re = ps?.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${ps.join("|")})(?![\\p{L}\\p{N}])`, "u") : null;
    recalledMemo.set(c.lang, re);
  }
  return !!re && re.test(foldedText(c));
}

/**
 * Counts fixed when the incident happened (those on board a train, a ferry, a plane): another source's
 * later, higher count of them disputes the earlier one, it does not bring it up to date.
 */
const FIXED_MEASURES: ReadonlySet<string> = new Set(["n:passenger"]);

const ATTACK_ACTS = ["v:attack", "v:shoot", "v:kill", "v:involve"];
/**
 * An arrest figure that counts the attackers among the arrested: its claim says the ones held are the
 * suspects who carried out the act, or the men charged with it ("all four direct perpetrators … were
 * detained", "vier verdachten die deelnamen aan de aanval"), and gives no larger arrest count of its own
 * ("11 people, including four gunmen": the 11 counts all). A part of all arrests: it never contradicts the
 * total, and the briefing lists it apart.
 */
export function attackersArrested(c: Pick<FusionClaim, "figures" | "concepts">, f: { kind: CountKind; value: number }): boolean {
  if (f.kind !== "arrested" || c.figures.some((g) => g.kind === "arrested" && g.value !== f.value)) return false;
  const has = (k: string) => c.concepts.includes(k);
  return (has("n:suspect") || has("v:charge")) && ATTACK_ACTS.some(has);
}

function figures(ix: Index, inScope: (a: Item, b: Item) => boolean, add: Add): void {
  // (with its range as stated: `interval`)
  type F = { it: Item; kind: CountKind; value: number; approx: Approx; measure: string[]; lo: number; hi: number };
  // one statement of a figure by one asserter stands for its repeats: pairs are over distinct statements
  const groups = new Map<string, F[]>();
  const seenStatement = new Set<string>();
  const byValue = new Map<string, Item[]>();
  for (const list of ix.byDoc.values()) {
    let lastOther: string[] = [];
    let lastAt = -Infinity;
    for (const it of list) {
      if (it.c.figures.length && recallsFigure(it.c)) continue;
      for (const f of it.c.figures) {
        let measure: string[] = [];
        if (f.kind === "other") {
          // "put the number at 85": the measure of the figure just before in the same report (in the
          // sentence before at most: further on "the number" may count something else)
          measure = measures(it);
          if (!measure.length && it.concepts.has("n:number") && it.c.sentence - lastAt <= 1) measure = lastOther;
          if (measure.length) (lastOther = measure), (lastAt = it.c.sentence);
          if (!measure.length) continue;
        } else if (!TOLL_KINDS.has(f.kind)) continue;
        else if (attackersArrested(it.c, f)) measure = ["attackers"];
        // "137 dead, among them three children": the smaller figure of a kind in one claim is a part of the
        // larger, not a toll of its own
        else if (partOfToll(it.c, f)) continue;
        // a part of a total given elsewhere, or a toll somewhere else than where (the words do not say
        // which part or which place, so two of them are no rival counts either)
        else if (figureScope(it.c, f)) continue;
        else {
          const tm = tollMeasure(it.c, f);
          if (tm) measure = [tm];
        }
        if (!it.asserted) continue;
        const fv = `${f.kind}:${f.value}`;
        (byValue.get(fv) ?? byValue.set(fv, []).get(fv)!).push(it);
        const st = `${it.asserter}|${it.c.doc}|${f.kind}|${f.value}|${f.approx}|${measure.join(",")}`;
        if (seenStatement.has(st)) continue;
        seenStatement.add(st);
        for (const g of f.kind === "other" ? measure.map((m) => `other:${m}`) : [measure.length ? `${f.kind}:${measure[0]}` : f.kind]) {
          const l = groups.get(g) ?? groups.set(g, []).get(g)!;
          if (l.length < MAX_GROUP) {
            const [lo, hi] = interval(f.value, f.approx);
            l.push({ it, kind: f.kind, value: f.value, approx: f.approx, measure, lo, hi });
          }
        }
      }
    }
  }
  for (const [group, list] of groups) {
    list.sort((a, b) => cmp(a.it.c.order, b.it.c.order));
    const what = group.startsWith("other:") ? group.slice(8) : group;
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!;
        // one figure stated alike: its ranges meet whenever each was given (most pairs of a ledger's copies)
        if (a.value === b.value && a.approx === b.approx) continue;
        if (a.it.who === b.it.who || a.it.c.id === b.it.c.id || !inScope(a.it, b.it)) continue;
        const aFirst = a.it.published <= b.it.published;
        const early = aFirst ? a : b, late = aFirst ? b : a;
        const later = late.it.published - early.it.published >= LATER_MS;
        // (the earlier of two hours apart as stated: an "at least" that a later report raises is a count that
        // has risen, not one contradicted)
        if (rangeTop(a, b, later && aFirst) >= b.lo && rangeTop(b, a, later && !aFirst) >= a.lo) continue;
        // figures for two different places are two tolls
        const pa = a.it.places, pb = b.it.places;
        if (pa.size && pb.size && !someOf(pa, (p) => pb.has(p))) continue;
        // (the missing are found as well as reported: an upper bound of them a later figure exceeds, "up to
        // 6,000 missing" then "at least 10,000", was not overtaken by a rising count, and both cannot hold)
        const update = later && !estimate(late.it.c) && !a.measure.some((m) => FIXED_MEASURES.has(m)) && !(a.kind === "missing" && early.approx === "max") && late.lo > early.hi;
        add(a.it, b.it, "figures", group, () => {
          const va = showValue(a.value, a.approx), vb = showValue(b.value, b.approx);
          return [`${what}: ${va} according to ${a.it.name} vs ${vb} according to ${b.it.name}${update ? " (a later, higher figure: the earlier one is superseded)" : ""}`, { kind: a.kind, values: [va, vb], ...(update && { update: true }) }];
        });
      }
    }
  }
  for (const d of ix.items) {
    // a denial of a figure against the figure
    // (a claim that gives the figure only in an aside, "(adjusting the numbers from a previous report that
    // said 11,300 were dead)", recalls an earlier report's figure: the pair stands, but the claim's speaker
    // did not give it, and `aside` says so)
    if (d.c.status === "denied")
      for (const f of d.c.figures)
        for (const x of byValue.get(`${f.kind}:${f.value}`) ?? []) {
          const aside = !x.c.figures.some((g) => g.kind === f.kind && g.value === f.value && !g.aside);
          if (inScope(d, x)) add(d, x, "figure-denied", `${f.kind}:${f.value}`, () => [`${d.name} denies the figure ${f.value} (${f.kind}) that ${aside ? "a report recalled by " : ""}${x.name} gives: ${q(d.c.text)} against ${q(x.c.text)}`, { kind: f.kind, ...(aside && { aside: true }) }]);
        }
    // "we haven't announced these numbers": a party denies the figures others attribute to it
    if (d.concepts.has("!v:provide") && (d.c.features.backRef || d.concepts.has("n:number"))) {
      const its = (p: string) => p.startsWith("E:") && d.parties.has(p);
      for (const p of d.parties) {
        if (!p.startsWith("E:")) continue;
        for (const x of ix.naming(p)) {
          if (!x.asserted || !inScope(d, x) || !x.c.figures.length || x.asserter === d.asserter) continue;
          // the figures are said to be the denier's: its own claim, or one that names it ("attributing
          // these numbers to the Libyan Red Crescent")
          if (!someOf(x.parties, its) && !someOf(x.names, its)) continue;
          // (a claim of another that recalls earlier figures in an aside, "(adjusting the numbers from a
          // previous report …, attributing these numbers to the Libyan Red Crescent)": the figures said to be
          // the denier's are the aside's, an earlier report's, not what the claim's speaker says)
          const aside = !x.parties.has(p) && x.c.figures.some((f) => f.aside);
          add(d, x, "figure-denied", `said:${d.c.id}`, () => [`${d.name} denies having given the figures ${x.name} is said to have given: ${q(d.c.text)} against ${q(x.c.text)}`, aside ? { aside: true } : {}]);
        }
        // the figures are put on the denier by a clause of their own that points back at them ("…
        // 11,300 dead, attributing these numbers to the Libyan Red Crescent"): the figures just before it
        for (const y of ix.naming(p)) {
          if (y === d || y.c.doc !== d.c.doc || y.asserter === d.asserter || y.c.figures.length || !y.names.has(p)) continue;
          if (!y.c.features.backRef && !y.concepts.has("n:number")) continue;
          // ("these numbers" are the nearest figures before the clause; when they are recalled in an aside,
          // "(adjusting the numbers from a previous report that said …", they are an earlier report's, and
          // no claim's speaker here is said to have given them)
          let x: Item | undefined;
          for (const z of ix.around(y.c.doc, y.c.sentence, y.c.sentence)) if (cmp(z.c.order, y.c.order) < 0 && z.c.figures.length) x = z;
          if (!x || !x.asserted || x.asserter === d.asserter || !inScope(d, x)) continue;
          const aside = x.c.figures.some((f) => f.aside);
          const z = x;
          add(d, x, "figure-denied", `said:${d.c.id}`, () => [`${d.name} denies having given the figures attributed to it: ${q(d.c.text)} against ${q(z.c.text)}`, aside ? { aside: true } : {}]);
        }
      }
    }
    // "the real toll is much higher" against an official figure just before it
    if (d.concepts.has("v:higher") && (d.concepts.has("v:kill") || d.concepts.has("n:number")))
      for (const x of ix.around(d.c.doc, d.c.sentence - 8, d.c.sentence)) {
        if (x === d || !x.asserted) continue;
        const f = x.c.figures.find((g) => g.kind === "killed");
        // "at least 250" is not contradicted by a toll said to be higher
        if (f && f.approx !== "min") add(d, x, "toll-higher", "killed", () => [`${d.name} says the toll is higher than ${x.name}'s ${showValue(f.value, f.approx)}: ${q(d.c.text)} against ${q(x.c.text)}`, { kind: "killed" }]);
      }
  }
}

/**
 * The countries (`C:<ISO>`) a claim names neither as where something happened ("in Polen") nor as the one
 * who says it ("Ukraine's air force said …"): one of them other than the party denied names another party.
 */
function otherCountries(x: Item): string[] {
  const toks = conceptTokens(x.c.text);
  const out: string[] = [];
  countryWords(toks, x.c.lang).forEach((q, k) => {
    if (q && !x.parties.has(`C:${q.cc}`) && !placedAt(toks, k, x.c.lang)) out.push(`C:${q.cc}`);
  });
  return out;
}

const conditionalMemo = new Map<FusionClaim["lang"], RegExp | null>();
/** A claim that opens with a condition ("Als Oekraïne …, is dat …", "If Ukraine …"): it supposes, not says. */
function supposes(c: Pick<FusionClaim, "text" | "lang">): boolean {
  let re = conditionalMemo.get(c.lang);
  if (re === undefined) {
    const ws = ledgerLexicon(c.lang).conditionals ?? [];
    re = ws.length ? new RegExp(`^\\P{L}*(?:${ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}\\p{N}])`, "u") : null;
    conditionalMemo.set(c.lang, re);
  }
  return !!re && re.test(foldedText(c));
}

function denials(ix: Index, scope: "report" | "ledger", window: number, add: Add): void {
  const deniedBefore = (x: Item, p: string) =>
    ix.around(x.c.doc, x.c.sentence, x.c.sentence).some((y) => y !== x && y.denial && cmp(y.c.order, x.c.order) < 0 && (y.parties.has(p) || y.names.has(p)));
  for (const d of ix.items) {
    if (!d.denial) continue;
    // whose part is denied: the denier's own ("Kyiv: nothing to do with it"), else the doers it names
    const denied = d.parties.size ? new Set([...d.parties].filter((p) => p.startsWith("C:") || p.startsWith("E:"))) : new Set(d.agents);
    // a speaker whose country is not known from its name speaks for the country it names ("Ukrainian
    // military intelligence spokesman Andriy Yusov said Ukraine was not involved")
    if (!someOf(denied, (p) => p.startsWith("C:"))) for (const n of d.c.countries) denied.add(n);
    if (!denied.size) continue;
    // what it denies: an act or a part in one ("any involvement", "attacking the market"); a denial that
    // says nothing of what it denies ("denied the charge") answers only what it points back at
    const what = [...d.facts.acts, ...d.facts.negActs];
    // the countries the denial names as where or against whom ("a missile attack on Poland"): not the party
    // whose part is denied, nor the denier's own
    const target = new Set(d.c.countries.filter((g) => !denied.has(g) && !d.parties.has(g)));
    const answer = (x: Item) => {
      if (x === d || !x.asserted) return;
      // a claim that itself denies a part ("not Ukraine's fault") accuses nobody: it agrees with a denial
      if (x.denial) return;
      // nor does one that only supposes it ("if Ukraine caused the blast, Russia is still to blame")
      if (supposesIt(x)) return;
      if (someOf(x.parties, (p) => denied.has(p))) return;
      const agent = someOf(x.agents, (g) => denied.has(g));
      // a country named only as the owner of what was hit ("the Russian-owned pipelines") is not charged
      // nor is one named only as where someone went ("the attackers sought to escape towards Ukraine")
      const named = what.length > 0 && someOf(x.names, (g) => denied.has(g) && !ownerOnlyIt(x, g) && !destinationOnlyIt(x, g)) && statedActsOf(x).length > 0;
      if (!agent && !named) return;
      if (x.c.doc !== d.c.doc && !agent) {
        // across reports, a claim that names who did what it says, and names someone else, does not put
        // the act on the party that denies: "Russian airstrikes targeted Ukraine" is no charge against
        // Ukraine, however widely Ukraine denies a part in the incident
        if (doersOf(x).size) return;
        // nor does one that names it beside another country it does not name as a place: "the explosion
        // is a consequence of the war with Ukraine that Russia started" puts it on Russia
        if (othersOf(x).some((cc) => !denied.has(cc))) return;
      }
      // who made the weapon is not who used it: "an explosion caused by a Russian-made missile" charges
      // nobody with the strike
      if (x.facts.madeOnly) return;
      // a denial of an act against one country does not answer an act against another: "Russia denies a
      // missile attack on Poland" is silent on "Russian airstrikes targeted Ukraine"
      if (x.c.doc !== d.c.doc && target.size) {
        const elsewhere = x.c.countries.filter((g) => !denied.has(g) && !x.parties.has(g) && !x.agents.has(g));
        if (elsewhere.length && !elsewhere.some((g) => target.has(g))) return;
        // an attack denied on a country answers only a claim of an attack that reaches it
        if (what.some((k) => bare(k) === "v:attack") && !someOf(x.names, (g) => target.has(g)) && !x.c.countries.some((g) => target.has(g))) return;
      }
      // across reports, the accusation must be of the kind of thing denied: an act of the family, or any
      // part in the incident when a part is what is denied
      if (x.c.doc !== d.c.doc && !what.some((k) => related(bare(k), x.facts.acts))) return;
      // "this is not Ukraine's fault" denies blame, not the act: it answers who is to blame, never "the
      // missile was fired by Ukraine's air defence"
      if (what.length && what.every((k) => bare(k) === "v:responsible") && !x.facts.acts.some((k) => BLAME_PART.has(bare(k)))) return;
      // a clause in the report's own voice that follows a denial of the party's part in its own sentence
      // ("Ukraine denies any part in Friday's attack, in which 140 were killed") names the party because the
      // denial does (it takes the denier as its subject): the report charges nobody. (A claim before the
      // denial still can: "Putin hinted at a Ukrainian link, despite Kyiv's denials"; so can a speaker's
      // after it: "…, but Moscow says Ukrainian agents planned it".)
      const charged = [...denied].filter((p) => x.names.has(p));
      if (!x.c.source && charged.length && charged.every((p) => deniedBefore(x, p))) return;
      const who = charged[0] ?? [...denied][0]!;
      add(d, x, "denial", `denial:${who}`, () => [`${d.name} denies ${who.replace(/^[CE]:/, "")}'s part; ${x.name} says otherwise: ${q(d.c.text)} against ${q(x.c.text)}`, { parties: [who] }]);
    };
    // the accusations it answers: near it in its report, and (in a ledger) a claim of another report naming
    // the party; across reports only a claim that says an act answers a denial, and only one that says
    // what it denies (see `accusers`)
    for (const x of ix.around(d.c.doc, d.c.sentence - window, d.c.sentence + window)) answer(x);
    if (scope === "ledger" && what.length) {
      const mark = ix.mark();
      for (const p of denied) for (const x of ix.accusers(p)) if (x.c.doc !== d.c.doc && ix.take(x, mark)) answer(x);
    }
  }
}

function attributions(items: Item[], inScope: (a: Item, b: Item) => boolean, add: Add): void {
  // per act, the claims that name its doer, grouped by the doers they name: groups with different doers
  // are compared, a few pairs each (thousands of repeats of one attribution make one group)
  const byAct = new Map<string, Map<string, Item[]>>();
  for (const it of items) {
    // what a claim says of the doer stands even when it opens with something negated ("Neither pipeline
    // is active, as Russia has cut deliveries"): the acts read are the ones it affirms
    if (NOT_ASSERTED.has(it.c.status) || it.concepts.has("v:false") || !it.agents.size) continue;
    const doers = doersOf(it);
    if (!doers.size) continue;
    const sig = [...doers].sort().join(",");
    for (const act of new Set(it.facts.acts.filter((k) => ACTS[bare(k)]).map((k) => ACTS[bare(k)]!))) {
      const m = byAct.get(act) ?? byAct.set(act, new Map()).get(act)!;
      const l = m.get(sig) ?? m.set(sig, []).get(sig)!;
      if (l.length < MAX_GROUP) l.push(it);
    }
  }
  for (const [act, groups] of byAct) {
    const sigs = [...groups.keys()].sort();
    for (let i = 0; i < sigs.length; i++)
      for (let j = i + 1; j < sigs.length; j++) {
        const A = groups.get(sigs[i]!)!, B = groups.get(sigs[j]!)!;
        const da0 = doersOf(A[0]!), db0 = doersOf(B[0]!);
        if (someOf(da0, (g) => db0.has(g))) continue;
        for (const a of A)
          for (const b of B) {
            if (!inScope(a, b) || a.who === b.who) continue;
            // a claim of responsibility (the group says it did it) is set against a charge that another
            // party carried out the act ("the bridge was blown up by Russia"), not against one that another
            // party was involved, behind it or backed it ("Iran is behind the attack"): one may have ordered
            // or helped what the other carried out. Two claims of it (a branch beside its parent group) are
            // no rivals either; the reports set them side by side under who claims what.
            const ca = claimsIt(a), cb = claimsIt(b);
            if (ca && cb) continue;
            const da = doersOf(a), db = doersOf(b);
            if ((ca && partOnlyIt(b)) || (cb && partOnlyIt(a))) continue;
            // a source does not accuse itself: the doers are other than the speakers
            if (someOf(da, (g) => b.parties.has(g)) && someOf(db, (g) => a.parties.has(g))) continue;
            // the two name doers of one thing: the missile that fell, the pipeline blown up, the attack
            if (!shareSubject(a, b)) continue;
            if (a.c.doc !== b.c.doc) {
              // each names the other's doer, but not as a doer: two acts, one answering the other ("Russian
              // airstrikes targeted Ukraine"; "Ukraine's air defence fired at the Russian strikes")
              const other = (x: Item, dx: Set<string>, dy: Set<string>) => someOf(dy, (g) => x.names.has(g) && !dx.has(g));
              if (other(a, da, db) && other(b, db, da)) continue;
              // who made the weapon is not who fired it ("a Russian-made missile"): a claim that says only
              // who produced it names no doer of the act
              if (a.facts.madeOnly || b.facts.madeOnly) continue;
              // a count of many ("launched around 40 drones") is the barrage, not the one that came down
              if (countsMany(a) !== countsMany(b)) continue;
            }
            add(a, b, "attribution", `who:${act}`, () => {
              const ga = [...da].map((g) => g.replace(/^[CE]:/, "")).join(", "), gb = [...db].map((g) => g.replace(/^[CE]:/, "")).join(", ");
              return [`who is behind it: ${a.name} names ${ga}, ${b.name} names ${gb}: ${q(a.c.text)} against ${q(b.c.text)}`, { parties: [...a.agents, ...b.agents] }];
            });
          }
      }
  }
}

/**
 * Every word of the claim that calls something false stands in a question put to its speaker ("when asked
 * about the reasons for announcing a false death toll, Haq said: …"): from the words that open the question
 * to the next comma, colon or quote the words are the asker's.
 */
function falseOnlyAsked(c: Pick<FusionClaim, "text" | "lang">): boolean {
  const cues = ledgerLexicon(c.lang).askedAbout;
  if (!cues?.length) return false;
  const t = c.text.toLowerCase();
  // (where the next comma, colon or quote is from each place on: one pass from the end)
  const stop = new Array<number>(t.length + 1).fill(t.length);
  for (let i = t.length - 1; i >= 0; i--) stop[i] = /[,:"“”]/.test(t[i]!) ? i : stop[i + 1]!;
  const spans: [number, number][] = [];
  for (const cue of cues) {
    for (let at = t.indexOf(cue); at >= 0; at = t.indexOf(cue, at + cue.length)) {
      if (/[\p{L}\p{N}]/u.test(t[at - 1] ?? "") || /[\p{L}\p{N}]/u.test(t[at + cue.length] ?? "")) continue;
      spans.push([at, stop[at + cue.length]!]);
    }
  }
  if (!spans.length) return false;
  const toks = conceptTokens(c.text);
  const hits = conceptsOf(c.text, c.lang, toks).filter((h) => h.concept === "v:false" && !h.neg);
  return hits.length > 0 && hits.every((h) => spans.some(([a, b]) => toks[h.at]!.start >= a && toks[h.end]!.end <= b));
}

/** A claim of responsibility: the claimant names itself as the doer. */
const claimsIt = (it: Item) => it.concepts.has("s:claim-responsibility");

/**
 * A charge that gives a party only a part in an act, not the act itself: involved, behind it, responsible,
 * linked, planned or prepared it, backed or armed the doers (the concepts of a part, or the words of the
 * language's involvement theme); or one that counts the act among the party's ("one of the attacks of
 * Ukraine on Russia", "a broader campaign of the Ukrainians"): whose campaign, not who carried it out.
 */
function partOnly(it: Item, doers: ReadonlySet<string>): boolean {
  return agencyIn(it.concepts).some((k) => PART.has(bare(k))) || !!it.c.features.themes?.includes("involvement") || (doers.size > 0 && [...doers].every((g) => afterOf(it, g)));
}

/** Every word that names the country `g` follows "of" ("van"), an article between at most. */
function afterOf(it: Item, g: string): boolean {
  const of = ledgerLexicon(it.c.lang).agents.notDoer?.of;
  if (!of?.length || !g.startsWith("C:")) return false;
  const toks = conceptTokens(it.c.text);
  const at = countryWords(toks, it.c.lang).flatMap((q, k) => (q && `C:${q.cc}` === g ? [k] : []));
  return at.length > 0 && at.every((k) => of.includes(toks[k - 1]?.w ?? "") || of.includes(toks[k - 2]?.w ?? ""));
}

type Opp = { name: string; about: string; a: RegExp; b: RegExp; la: string; lb: string; neg: Set<string> };
const oppMemo = new Map<string, Opp[]>();
/** A language's oppositions about one thing (the suspect at large or caught), compiled once. */
function oppositionsAbout(lang: FusionClaim["lang"]): Opp[] {
  let l = oppMemo.get(lang);
  if (!l) {
    const lex = ledgerLexicon(lang);
    const re = (ps: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${ps.join("|")})(?![\\p{L}\\p{N}])`, "u");
    l = lex.oppositions
      .filter((o) => o.about)
      .map((o) => ({ name: o.name, about: o.about!, a: re(o.a.patterns), b: re(o.b.patterns), la: o.a.label, lb: o.b.label, neg: new Set(lex.negators) }));
    oppMemo.set(lang, l);
  }
  return l;
}

/**
 * The one state of an opposition a text says (a negator just before turns it round). When it says both
 * ("Two Swedes were shot dead by a suspect who remains at large"), the one said right after the thing the
 * opposition is about (the suspect) is the suspect's.
 */
function stateIn(text: string, lang: FusionClaim["lang"], o: Opp): { label: string; words: string } | undefined {
  const t = fold(text);
  const found = new Map<string, { words: string; at: number[] }>();
  for (const [re, label, other] of [[o.a, o.la, o.lb], [o.b, o.lb, o.la]] as const) {
    for (const m of t.matchAll(new RegExp(re.source, "gu"))) {
      if (accusedAct(ledgerLexicon(lang), t, m.index)) continue;
      const before = t.slice(Math.max(0, m.index - 40), m.index).split(/[^\p{L}']+/u).filter(Boolean).slice(-3);
      const l = before.some((w) => o.neg.has(w)) ? other : label;
      const f = found.get(l) ?? found.set(l, { words: m[0], at: [] }).get(l)!;
      f.at.push(m.index);
    }
  }
  if (found.size === 1) {
    const [label, f] = [...found][0]!;
    return { label, words: f.words };
  }
  if (found.size !== 2) return undefined;
  const toks = conceptTokens(t);
  const ends = conceptsOf(t, lang, toks).filter((h) => h.concept === o.about && !h.neg).map((h) => toks[h.end]!.end);
  const near = [...found].filter(([, f]) => f.at.some((x) => ends.some((e) => x >= e && x - e <= 40)));
  return near.length === 1 ? { label: near[0]![0], words: near[0]![1].words } : undefined;
}

/**
 * Does a claim speak of `about` (the suspect)? It says so, or it names no one ("Hij werd … neergeschoten",
 * "He was shot by police in Schaerbeek") within two sentences after a claim of its report that does: it
 * goes on about the same one. Claims in between that name no one either carry the thread further back
 * ("De dader is de 45-jarige Abdesalem L. Hij woont in Schaarbeek. … Hij werd … neergeschoten": the
 * sentences about "him" go on about the suspect named first), a few steps at most.
 */
function speaksOf(ix: Index, it: Item, about: string): boolean {
  if (it.concepts.has(about)) return true;
  if (it.namesParty) return false;
  // (asked of each pair a state is compared in, and in each language: the thread is followed once)
  const m = memoOf(it), b = ix.aboutBit(about);
  if (b < 0) return asked((m.speaks ??= new Map()), about, () => threadSpeaksOf(ix, it, about));
  const bit = 1 << b;
  if (!(m.speaksAsked & bit)) {
    m.speaksAsked |= bit;
    if (threadSpeaksOf(ix, it, about)) m.speaksSaid |= bit;
  }
  return (m.speaksSaid & bit) !== 0;
}
function threadSpeaksOf(ix: Index, it: Item, about: string): boolean {
  const l = ix.byDoc.get(it.c.doc) ?? NO_ITEMS;
  let at = it.c.sentence;
  for (let step = 0; step < SPEAKS_OF_STEPS; step++) {
    // the claims of the two sentences before: one that speaks of it, else the first that names no one
    let next = -1;
    for (let k = firstAt(l, at - 2); k < l.length && l[k]!.c.sentence <= at - 1; k++) {
      const x = l[k]!;
      if (x.concepts.has(about)) return true;
      if (next < 0 && !x.namesParty) next = k;
    }
    if (next < 0) return false;
    at = l[next]!.c.sentence;
  }
  return false;
}
const SPEAKS_OF_STEPS = 3;

/**
 * Where it happened: two sources put the act in two different parts of a town ("near Place Sainctelette"
 * against "in the Schaerbeek neighbourhood where the rampage had taken place"). Only claims that place the
 * act in a neighbourhood or district, each naming one place, and naming different ones: a claim that says
 * the town ("in Brussels") holds every part of it.
 */
function whereDisputes(items: Item[], inScope: (a: Item, b: Item) => boolean, add: Add): void {
  const placed: Item[] = [];
  for (const it of items) {
    if (NOT_ASSERTED.has(it.c.status) || it.sites.size !== 1 || !it.concepts.has("n:neighbourhood")) continue;
    if (!it.facts.acts.some((k) => ACTS[bare(k)] === "attack")) continue;
    if (placed.length < MAX_GROUP) placed.push(it);
  }
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i]!, b = placed[j]!;
      if (a.c.doc === b.c.doc || a.who === b.who || !inScope(a, b)) continue;
      const [pa] = a.sites, [pb] = b.sites;
      if (pa === pb) continue;
      add(a, b, "place", `where:${[pa, pb].sort().join("|")}`, () => [`where it happened: ${a.name} and ${b.name} put it in different places: ${q(a.c.text)} against ${q(b.c.text)}`, { places: [pa!, pb!] }]);
    }
}

/** Every word of the claim that names the country is followed by an owner word ("Russian-owned"). */
function ownerOnly(it: Item, g: string): boolean {
  const owners = ledgerLexicon(it.c.lang).agents.notDoer?.owners;
  if (!owners?.length || !g.startsWith("C:")) return false;
  const toks = conceptTokens(it.c.text);
  const at = countryWords(toks, it.c.lang).flatMap((q, k) => (q && `C:${q.cc}` === g ? [k] : []));
  return at.length > 0 && at.every((k) => owners.includes(toks[k + 1]?.w ?? ""));
}

/**
 * Every word of the claim that names the country closes a movement towards it ("escape towards Ukraine",
 * "op weg naar Oekraïne", "heading for Ukraine"): the country is where someone went, not who did anything.
 */
function destinationOnly(it: Item, g: string): boolean {
  if (!g.startsWith("C:") || !it.concepts.has("v:move-toward")) return false;
  const toks = conceptTokens(it.c.text);
  const at = countryWords(toks, it.c.lang).flatMap((q, k) => (q && `C:${q.cc}` === g ? [k] : []));
  if (!at.length) return false;
  const ends = conceptsOf(it.c.text, it.c.lang, toks).filter((h) => !h.neg && h.concept === "v:move-toward").map((h) => h.end);
  // the movement word right before the country, or one word between ("fled to Ukraine")
  return at.every((k) => ends.some((e) => e < k && k - e <= 2));
}

/** The claim counts the weapons of an act (more than one): a barrage, not one of its strikes. */
const countsMany = (it: Item) => it.c.figures.some((f) => f.kind === "other" && f.value > 1) && (it.concepts.has("n:missile") || it.concepts.has("n:air-defence"));

const numberWordsOf = new Map<string, Set<string>>();
/** A figure or a number word of the language ("12", "twee", "two"). */
function isNumberWord(w: string, lang: FusionClaim["lang"]): boolean {
  if (/^\d[\d.,]*$/.test(w)) return true;
  let set = numberWordsOf.get(lang);
  if (!set) {
    const n = langPack(lang).counts.numbers;
    set = new Set([...Object.keys(n.words), ...Object.keys(n.scales)].filter((x) => !x.includes(" ")));
    numberWordsOf.set(lang, set);
  }
  return set.has(w.toLowerCase());
}

/** A claim whose only act (of its `agencyIn`) is making the weapon ("door Rusland geproduceerd", "Russian-made"). */
function madeOnlyOf(agency: readonly string[]): boolean {
  const acts = agency.map(bare);
  return acts.includes("v:produce") && acts.every((k) => k === "v:produce" || k === "n:missile" || k === "n:air-defence" || k === "v:cause" || k === "v:explode");
}

/** Things an act is done to or with, one name for each: an air-defence missile is a missile, a shooting an attack. */
const SUBJECT: Record<string, string> = { "n:air-defence": "n:missile", "v:shoot": "v:attack", "v:explode": "v:attack", "v:sabotage": "v:attack", "v:attack": "v:attack", "v:kill": "v:kill" };
const NOT_SUBJECT = new Set(["n:number", "n:conflict", "n:government", "n:social-media", "n:video", "n:suspect", "n:police"]);
function subjectsOf(concepts: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const k of concepts) {
    if (k.startsWith("!")) continue;
    const b = bare(k);
    if (SUBJECT[b]) out.add(SUBJECT[b]!);
    else if (b.startsWith("n:") && !NOT_SUBJECT.has(b)) out.add(b);
  }
  return out;
}
function shareSubject(a: Item, b: Item): boolean {
  const sb = b.facts.subjects;
  for (const k of a.facts.subjects) if (sb.has(k)) return true;
  return false;
}

/**
 * The doers a claim names, less the countries it names only as the place of the act ("the missile that
 * came down in Poland", "police in Belgium") or as the ones it was done to ("two Swedish nationals were
 * shot dead"): a country word right after a locative, or followed (one word between at most) by a passive.
 */
function doersIn(it: Item): Set<string> {
  const countries = [...it.agents].filter((g) => g.startsWith("C:"));
  const toks = conceptTokens(it.c.text);
  const cws = countryWords(toks, it.c.lang);
  const out = new Set(it.agents);
  // a capital or a channel named only as where the act happened or was said ("in het centrum van Brussel
  // doodschoot", "in een boodschap op Telegram") is the place, not a doer: a party named as a doer
  // elsewhere in the claim stays
  for (const g of it.agents) {
    const at = placeTokens(toks, cws, g);
    if (at.length && at.every((k) => placedAt(toks, k, it.c.lang))) out.delete(g);
  }
  if (!countries.length) return out;
  // "door Rusland is opgeblazen": right after "by" a country is the doer, passive or not
  const { markers, notDoer: nd = { locatives: [], passives: [] } } = ledgerLexicon(it.c.lang).agents;
  // "Rusland werd beschuldigd van …", "X was accused of …": the subject of a passive accusation is the
  // doer named, not one the act was done to
  let blames: number[] | undefined;
  let borders: number[] | undefined;
  let makes: number[] | undefined;
  const accusedAt = (k: number) =>
    (blames ??= conceptsOf(it.c.text, it.c.lang, toks).filter((h) => !h.neg && BLAMING.has(h.concept)).map((h) => h.at)).some((b) => b > k && b - k <= 4);
  for (const g of countries) {
    if (!out.has(g)) continue;
    const at = cws.map((q, k) => (q && `C:${q.cc}` === g ? k : -1)).filter((k) => k >= 0);
    if (!at.length) continue;
    // one word (an article) may stand between ("op de Russische televisie", "by the Russian army")
    const before = (k: number, ws: string[]) => ws.includes(toks[k - 1]?.w ?? "") || ws.includes(toks[k - 2]?.w ?? "");
    // "twee Polen", "two Swedes": people counted, the ones it befell; "the border with Poland": a place
    const counted = (k: number) => isNumberWord(toks[k - 1]?.w ?? "", it.c.lang);
    // "een door Rusland geproduceerde raket", "Russian-made": the maker of the weapon, not who fired it
    const made = (k: number) => (makes ??= conceptsOf(it.c.text, it.c.lang, toks).filter((h) => !h.neg && h.concept === "v:produce").map((h) => h.at)).some((m) => m > k && m - k <= 1);
    const atBorder = (k: number) => (borders ??= conceptsOf(it.c.text, it.c.lang, toks).filter((h) => !h.neg && h.concept === "n:border").map((h) => h.end)).some((e) => k > e && k - e <= 2);
    const notDoer = at.every((k) => counted(k) || made(k) || (!before(k, markers) && (before(k, nd.locatives) || atBorder(k) || nd.passives.includes(toks[k + 1]?.w ?? "") || nd.passives.includes(toks[k + 2]?.w ?? "")) && !accusedAt(k)));
    if (notDoer) out.delete(g);
  }
  return out;
}

/**
 * Where a claim names a doer that is no country word: a capital of the country (`C:`), or a party whose
 * key ends in its name (`E:N:org:telegram`). Empty when not found by its words.
 */
function placeTokens(toks: readonly ConceptToken[], cws: ReturnType<typeof countryWords>, g: string): number[] {
  const out: number[] = [];
  if (g.startsWith("C:")) {
    const cc = g.slice(2);
    if (cws.some((q) => q?.cc === cc)) return out;
    toks.forEach((t, k) => {
      if (/^\p{Lu}\p{Ll}/u.test(t.raw) && t.w.length > 3 && lookupName(t.raw).some((e) => e.fcode === "PPLC" && e.country === cc)) out.push(k);
    });
    return out;
  }
  const m = /^E:N:[a-z]+:([\p{L}\p{N}]+)$/u.exec(g);
  if (m) toks.forEach((t, k) => t.w === m[1] && out.push(k));
  return out;
}

function opposed(ix: Index, items: Item[], inScope: (a: Item, b: Item) => boolean, near: (a: Item, b: Item, w: number) => boolean, add: Add): void {
  type S = { it: Item; label: string; words: string };
  const byState = new Map<string, S[]>();
  for (const it of items) {
    if (NOT_ASSERTED.has(it.c.status)) continue;
    const states = it.c.features.states;
    if (states)
      for (const name in states) {
        const s = states[name]!;
        const l = byState.get(name) ?? byState.set(name, []).get(name)!;
        if (l.length < MAX_GROUP) l.push({ it, label: s.label, words: s.words });
      }
  }
  // a state said of "him" right after a claim about the suspect is said of the suspect ("Hij werd …
  // neergeschoten"); of two states in one claim, the one said of the suspect
  for (const it of items) {
    if (NOT_ASSERTED.has(it.c.status)) continue;
    for (const o of oppositionsAbout(it.c.lang)) {
      if (it.c.features.states?.[o.name] || !speaksOf(ix, it, o.about)) continue;
      const st = stateIn(it.c.text, it.c.lang, o);
      if (!st) continue;
      const l = byState.get(o.name) ?? byState.set(o.name, []).get(o.name)!;
      if (l.length < MAX_GROUP) l.push({ it, ...st });
    }
  }
  for (const [name, list] of byState) {
    const about = ledgerLexicon(list[0]!.it.c.lang).oppositions.find((o) => o.name === name)?.about;
    const ok = (a: S, b: S) => {
      if (a.label === b.label || !inScope(a.it, b.it)) return false;
      if (about && !(speaksOf(ix, a.it, about) && speaksOf(ix, b.it, about))) return false;
      // in one report: close together; across reports: about a shared actor (or the one the opposition
      // is about: the suspect at large, the suspect caught)
      return a.it.c.doc === b.it.c.doc ? near(a.it, b.it, 4) : !!about || someOf(a.it.names, (n) => b.it.names.has(n));
    };
    // the settling state in a later report is an update ("at large" on Monday, "shot dead" on Tuesday): the
    // pair stands, the earlier state marked superseded
    const lexOf = ledgerLexicon(list[0]!.it.c.lang).oppositions.find((o) => o.name === name);
    const settled = lexOf?.settles && lexOf[lexOf.settles].label;
    const pair = (a: S, b: S) => {
      const [early, late] = a.it.published <= b.it.published ? [a, b] : [b, a];
      const update = !!settled && late.label === settled && early.label !== settled && late.it.published - early.it.published >= LATER_MS;
      add(a.it, b.it, "opposed", name, () => [`${a.it.name}: ${a.label} (${q(a.words)}) vs ${b.it.name}: ${b.label} (${q(b.words)})${update ? " (a later report settles it: the earlier state is superseded)" : ""}`, { opposition: name, labels: [a.label, b.label], ...(update && { update: true }) }]);
    };
    // inside a report: neighbours; across reports: a few claims of each asserter and state stand for all
    const byDoc = new Map<string, S[]>();
    for (const x of list) (byDoc.get(x.it.c.doc) ?? byDoc.set(x.it.c.doc, []).get(x.it.c.doc)!).push(x);
    for (const l of byDoc.values())
      for (let i = 0; i < l.length; i++)
        for (let j = i + 1; j < l.length && Math.abs(l[j]!.it.c.sentence - l[i]!.it.c.sentence) <= 4; j++) if (ok(l[i]!, l[j]!)) pair(l[i]!, l[j]!);
    const reps = new Map<string, S[]>();
    for (const x of list) {
      const k = `${x.it.asserter}|${x.label}`;
      const r = reps.get(k) ?? reps.set(k, []).get(k)!;
      if (r.length < 3) r.push(x);
    }
    const rl = [...reps.values()].flat();
    for (let i = 0; i < rl.length; i++)
      for (let j = i + 1; j < rl.length; j++) if (rl[i]!.it.c.doc !== rl[j]!.it.c.doc && ok(rl[i]!, rl[j]!)) pair(rl[i]!, rl[j]!);
  }
}

/** Words of a name that a text may use to point at its speaker ("de bewering van Poetin"). */
function nameWords(s: string): string[] {
  return fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
}

/**
 * The claims that say most of what a denial names: the acts it speaks of and the parties it names, two
 * of them at least and one an act (one shared word is chance: "the death toll" is in half a report).
 */
function sameThing(d: Item, cands: Item[]): Item[] {
  const acts = new Set([...d.concepts].map(bare).filter((k) => /^[vs]:/.test(k) && k !== "v:false" && k !== "v:provide"));
  if (!acts.size) return [];
  const countries = [...d.names].filter((n) => n.startsWith("C:") || n.startsWith("E:"));
  let best = 1;
  let out: Item[] = [];
  for (const x of cands) {
    const xs = new Set([...x.concepts].map(bare));
    const a = [...acts].filter((k) => xs.has(k)).length;
    if (!a) continue;
    const n = a + countries.filter((k) => x.names.has(k)).length;
    if (n > best) (best = n), (out = [x]);
    else if (n === best && out.length) out.push(x);
  }
  return out;
}

function pointedBack(ix: Index, add: Add, scopeAll: boolean): void {
  for (const d of ix.items) {
    const f = d.c.features;
    if (d.denial && f.backRef) {
      // the statement it names ("de bewering van Poetin"), else the nearest earlier one by someone else
      const text = new Set(nameWords(d.c.text));
      const own = new Set(nameWords(d.name));
      const earlier = ix.around(d.c.doc, d.c.sentence - 4, d.c.sentence - 1).filter((x) => x.asserted && x.asserter !== d.asserter);
      const named = earlier.filter((x) => nameWords(x.name).some((w) => !own.has(w) && text.has(w)));
      const nearest = earlier.length ? Math.max(...earlier.map((x) => x.c.sentence)) : -1;
      // else the statement that says what the denial rejects ("the version that the suspects were arrested
      // en route to Ukraine … a lie" against "they moved towards Ukraine"), a little further back too
      const same = named.length ? [] : sameThing(d, ix.around(d.c.doc, d.c.sentence - 8, d.c.sentence - 1).filter((x) => x.asserted && x.asserter !== d.asserter));
      const targets = named.length ? named : same.length ? same : earlier.filter((x) => x.c.sentence === nearest || (x.c.paragraph === d.c.paragraph && d.c.sentence - x.c.sentence <= 3));
      for (const x of targets) add(d, x, "pointed-back", `back:${d.c.id}`, () => [`${d.name} denies what ${x.name} says: ${q(d.c.text)} against ${q(x.c.text)}`, {}]);
      // across reports: a denial that names whose version it rejects ("the FSB version … another lie")
      // against what that party says about the same thing elsewhere; the thing is what the denial shares
      // with the statement it answers in its own report ("en route to Ukraine" with "moved towards
      // Ukraine"), not every word of the version ("arrested": the arrests themselves are not denied)
      if (scopeAll) {
        const all = [...d.concepts].filter((k) => /^[vs]:/.test(k) && !k.includes("@") && k !== "v:false");
        const answered = all.filter((k) => targets.some((x) => x.concepts.has(k)));
        const verbs = answered.length ? answered : all;
        for (const t of [...d.names].filter((n) => n.startsWith("E:") || n.startsWith("C:")))
          for (const x of ix.naming(t)) {
            if (x.c.doc === d.c.doc || !x.asserted || x.asserter === d.asserter || !x.parties.has(t)) continue;
            if (verbs.some((v) => x.concepts.has(v))) add(d, x, "pointed-back", `back:${d.c.id}`, () => [`${d.name} rejects ${x.name}'s version: ${q(d.c.text)} against ${q(x.c.text)}`, {}]);
          }
      }
    }
    // a statement that runs against what was just said ("conflicting reports … however"): the nearest
    // earlier one by someone else that says the same kind of thing
    if (f.counter && d.asserted) {
      const verbs = [...d.concepts].filter((k) => /^[vs]:/.test(k) && !k.includes("@"));
      for (const x of ix.around(d.c.doc, d.c.sentence - 2, d.c.sentence)) {
        if (x === d || x.asserter === d.asserter || !x.asserted) continue;
        if (verbs.some((v) => x.concepts.has(v))) add(d, x, "pointed-back", `counter:${d.c.id}`, () => [`${d.name} runs against what ${x.name} says: ${q(d.c.text)} against ${q(x.c.text)}`, {}]);
      }
    }
    // a denial that answers a counter-statement right after it ("… denies it; the images show otherwise")
    if (d.c.status === "denied")
      for (const x of ix.around(d.c.doc, d.c.sentence, d.c.sentence + 2)) {
        if (x === d || x.asserter === d.asserter || !x.asserted || !x.c.features.counter) continue;
        add(d, x, "pointed-back", `counter:${x.c.id}`, () => [`${d.name} denies it, ${x.name} argues otherwise: ${q(d.c.text)} against ${q(x.c.text)}`, {}]);
      }
  }
}


/**
 * Claims whose toll a later report of the same incident raises (a later, higher figure of one kind, at
 * least three hours on: "nearly a hundred dead" on Saturday morning, "at least 133" that evening): their
 * figure is history, not what is known now. The toll's figures stay listed with their dates; a line of
 * what is established never rests on such a claim. Parts of a toll, tolls elsewhere and figures in an
 * aside are not the toll; figures of two different places never supersede each other.
 */
export function supersededTolls(claims: readonly FusionClaim[], ctx: BlockContext, incidentOf: (doc: string) => string): Set<string> {
  type R = { id: string; at: number; hi: number; places: string[] };
  // per incident and kind: every figure, and the figures of each place (a figure that names no place
  // counts against all of them)
  type Seq = { at: number[]; maxLoAfter: number[] };
  const groups = new Map<string, { rs: R[]; any: { at: number; lo: number }[]; unplaced: { at: number; lo: number }[]; byPlace: Map<string, { at: number; lo: number }[]> }>();
  for (const c of claims) {
    if (NOT_ASSERTED.has(c.status) || c.main?.startsWith("!")) continue;
    const at = Date.parse(c.published);
    if (Number.isNaN(at)) continue;
    let places: string[] | undefined;
    for (const f of c.figures) {
      if (f.aside || !TOLL_KINDS.has(f.kind) || attackersArrested(c, f) || partOfToll(c, f) || figureScope(c, f)) continue;
      places ??= [...new Set(c.entities.map((r) => ctx.entityKey(r)).filter((k): k is string => !!k && ctx.isPlace(k)))];
      // ("at least 133" still holds beside a later 137, but it is no longer the toll: its own figure is
      // what a later, higher one replaces)
      const [lo, top] = interval(f.value, f.approx);
      const hi = f.approx === "min" ? f.value : top;
      // (a count of those still in hospital falls as they go home: it supersedes no toll, nor is superseded)
      const k = `${incidentOf(c.doc)}\u0000${f.kind}\u0000${tollMeasure(c, f) ?? ""}`;
      const g = groups.get(k) ?? groups.set(k, { rs: [], any: [], unplaced: [], byPlace: new Map() }).get(k)!;
      g.rs.push({ id: c.id, at, hi, places });
      // (an estimate may itself be overtaken by a count, but replaces none)
      if (estimate(c)) continue;
      g.any.push({ at, lo });
      if (!places.length) g.unplaced.push({ at, lo });
      for (const p of places) (g.byPlace.get(p) ?? g.byPlace.set(p, []).get(p)!).push({ at, lo });
    }
  }
  const seq = (xs: { at: number; lo: number }[]): Seq => {
    xs.sort((a, b) => a.at - b.at);
    const maxLoAfter = new Array<number>(xs.length + 1).fill(-Infinity);
    for (let i = xs.length - 1; i >= 0; i--) maxLoAfter[i] = Math.max(maxLoAfter[i + 1]!, xs[i]!.lo);
    return { at: xs.map((x) => x.at), maxLoAfter };
  };
  // the highest lower bound among figures published at `from` or later
  const highestFrom = (s: Seq, from: number) => {
    let lo = 0, hi = s.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s.at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return s.maxLoAfter[lo]!;
  };
  const out = new Set<string>();
  // (a place only estimates give a figure for has no figure that supersedes one: estimates replace none)
  const none = seq([]);
  for (const g of groups.values()) {
    const any = seq(g.any), unplaced = seq(g.unplaced);
    const byPlace = new Map([...g.byPlace].map(([p, xs]) => [p, seq(xs)]));
    for (const r of g.rs) {
      const from = r.at + LATER_MS;
      const top = r.places.length ? Math.max(highestFrom(unplaced, from), ...r.places.map((p) => highestFrom(byPlace.get(p) ?? none, from))) : highestFrom(any, from);
      if (top > r.hi) out.add(r.id);
    }
  }
  return out;
}
