import type { Approx, CountKind } from "../model/doc.js";
import type { FusionClaim } from "./claimkeys.js";
import { fold } from "./features.js";
import type { BlockContext } from "./propositions.js";
import { ledgerLexicon } from "./lang.js";

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
 * - opposed: a state and its opposite (independent vs under command; over vs still going on; at large vs
 *   caught), from the language's opposition lexicon.
 * - pointed back: a denial or a counter-statement that points back at what another said ("De Oekraïners
 *   hebben de bewering van Poetin tegengesproken", "conflicting reports … however").
 * Two claims of the same asserter never contradict each other. Each finding says why.
 */
export type DisputeType = "figures" | "figure-denied" | "toll-higher" | "denial" | "attribution" | "opposed" | "pointed-back";

export interface Dispute {
  /** Fusion claim ids, the earlier first (content order). */
  claims: [string, string];
  type: DisputeType;
  reason: string;
  detail: {
    asserters: [string, string];
    kind?: CountKind;
    values?: [string, string];
    /** The later figure is higher and comes from a later report: the earlier one is superseded. */
    update?: boolean;
    parties?: string[];
    opposition?: string;
    labels?: [string, string];
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
const TOLL_KINDS: ReadonlySet<CountKind> = new Set(["killed", "wounded", "missing", "arrested"]);
/** Concepts of doing, planning or backing an act: what an accusation says of a party and a denial denies. */
const AGENCY = new Set([
  "v:involve", "v:attack", "v:cause", "v:launch", "v:use", "v:plan", "v:cross", "v:responsible", "v:link", "v:accuse",
  "v:campaign", "v:sabotage", "v:explode", "v:move-toward", "v:origin", "v:produce", "v:shoot", "v:stop", "s:claim-responsibility",
]);
/** Acts whose doer two sources may name differently; the words of one act ("caused", "fired", "used") as one. */
const ACTS: Record<string, string> = {
  "v:attack": "attack", "v:cause": "doing", "v:launch": "doing", "v:use": "doing", "v:explode": "explosion", "v:sabotage": "explosion",
  "v:shoot": "attack", "v:stop": "stop", "v:responsible": "doing", "v:accuse": "doing", "n:missile": "projectile", "n:air-defence": "projectile",
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bare = (k: string) => k.replace(/^!/, "").replace(/@.*$/, "");
const q = (s: string) => `'${s.length > 90 ? s.slice(0, 87) + "…" : s}'`;

interface Item {
  c: FusionClaim;
  asserter: string;
  name: string;
  parties: Set<string>;
  /** Everything the claim names that can be a party: agents, countries, entities (capitals as countries). */
  names: Set<string>;
  agents: Set<string>;
  places: Set<string>;
  concepts: Set<string>;
  asserted: boolean;
  denial: boolean;
  published: number;
}

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

export function showValue(value: number, approx: Approx): string {
  return (approx === "min" ? "≥" : approx === "max" ? "≤" : approx === "about" ? "~" : "") + String(value);
}

/** The contradictions among a block's claims (one report, or one incident of the ledger). */
export function findDisputes(claims: readonly FusionClaim[], ctx: BlockContext, opts: DisputeOptions = {}): Dispute[] {
  const scope = opts.scope ?? "ledger";
  const window = opts.window ?? 8;
  const perPoint = opts.perPoint ?? 24;
  const items: Item[] = [...claims].sort((a, b) => cmp(a.order, b.order) || cmp(a.id, b.id)).map((c) => itemOf(c, ctx));
  const out: Dispute[] = [];
  const seen = new Set<string>();
  const perKey = new Map<string, number>();
  const add = (a: Item, b: Item, type: DisputeType, point: string, reason: string, detail: Omit<Dispute["detail"], "asserters">) => {
    // one source does not contradict itself, except by denying what it is reported to have said
    if (a.c.id === b.c.id || (a.asserter === b.asserter && type !== "figure-denied")) return;
    const [x, y] = cmp(a.c.order, b.c.order) <= 0 ? [a, b] : [b, a];
    const key = `${x.c.id}|${y.c.id}`;
    if (seen.has(key)) return;
    // across reports, thousands of copies of one statement make one dispute, shown by a few of its pairs
    if (x.c.doc !== y.c.doc) {
      const group = `${type}|${point}|${[x.asserter, y.asserter].sort().join("|")}`;
      const n = perKey.get(group) ?? 0;
      if (n >= perPoint) return;
      perKey.set(group, n + 1);
    }
    seen.add(key);
    const flip = x !== a;
    const sw = <T>(p: [T, T] | undefined): [T, T] | undefined => (p && flip ? [p[1], p[0]] : p);
    out.push({
      claims: [x.c.id, y.c.id],
      type,
      reason,
      detail: { asserters: [x.asserter, y.asserter], ...detail, ...(detail.values && { values: sw(detail.values) }), ...(detail.labels && { labels: sw(detail.labels) }) },
    });
  };
  const near = (a: Item, b: Item, w: number) => a.c.doc === b.c.doc && Math.abs(a.c.sentence - b.c.sentence) <= w;
  const inScope = (a: Item, b: Item) => (scope === "report" ? a.c.doc === b.c.doc : true);

  figures(items, inScope, add);
  denials(items, inScope, near, window, add);
  attributions(items, inScope, add);
  opposed(items, inScope, near, add);
  pointedBack(items, add, scope === "ledger");
  return out.sort((a, b) => cmp(a.claims[0], b.claims[0]) || cmp(a.claims[1], b.claims[1]) || cmp(a.type, b.type));
}

function itemOf(c: FusionClaim, ctx: BlockContext): Item {
  const a = ctx.asserter(c);
  const names = new Set<string>([...c.agents, ...c.countries]);
  for (const r of c.entities) {
    const k = ctx.entityKey(r);
    if (!k) continue;
    const cc = ctx.countryOf(k);
    names.add(cc ? `C:${cc}` : `E:${k}`);
  }
  const agents = new Set<string>();
  for (const g of c.agents) {
    if (g.startsWith("R:")) {
      const k = ctx.entityKey(g.slice(2));
      if (k) agents.add(`E:${k}`);
    } else agents.add(g);
  }
  for (const g of agents) names.add(g);
  const places = new Set<string>();
  for (const r of c.entities) {
    const k = ctx.entityKey(r);
    if (k && ctx.isPlace(k)) places.add(k);
  }
  const concepts = new Set(c.concepts);
  const negAgency = c.concepts.some((k) => k.startsWith("!") && AGENCY.has(bare(k)));
  // "another lie", "onzin": calling something false denies it
  const denial = c.status === "denied" || negAgency || c.concepts.includes("v:false");
  const asserted = !NOT_ASSERTED.has(c.status) && !c.main?.startsWith("!") && !c.concepts.includes("v:false");
  const parties = new Set(ctx.party(c).map((p) => (p.startsWith("e:") ? `E:${p.slice(2)}` : p)));
  if (a.key.startsWith("e:")) parties.add(`E:${a.key.slice(2)}`);
  const t = Date.parse(c.published);
  return { c, asserter: a.key, name: a.name, parties, names, agents, places, concepts, asserted, denial, published: Number.isNaN(t) ? 0 : t };
}

type Add = (a: Item, b: Item, type: DisputeType, point: string, reason: string, detail: Omit<Dispute["detail"], "asserters">) => void;

/** The measure a figure of kind "other" counts: what both claims are about (missiles, leaks). */
function measures(it: Item): string[] {
  return [...it.concepts].filter((k) => k.startsWith("n:") && !k.includes("@") && k !== "n:number");
}

function figures(items: Item[], inScope: (a: Item, b: Item) => boolean, add: Add): void {
  type F = { it: Item; kind: CountKind; value: number; approx: Approx; measure: string[] };
  const list: F[] = [];
  const lastOther = new Map<string, string[]>();
  for (const it of items) {
    for (const f of it.c.figures) {
      if (f.kind === "other") {
        // "put the number at 85": the measure of the figure just before in the same report
        let m = measures(it);
        if (!m.length && it.concepts.has("n:number")) m = lastOther.get(it.c.doc) ?? [];
        if (m.length) lastOther.set(it.c.doc, m);
        if (it.asserted && m.length) list.push({ it, kind: f.kind, value: f.value, approx: f.approx, measure: m });
        continue;
      }
      if (!TOLL_KINDS.has(f.kind)) continue;
      if (it.asserted) list.push({ it, kind: f.kind, value: f.value, approx: f.approx, measure: [] });
    }
  }
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!, b = list[j]!;
      if (a.kind !== b.kind || a.it.asserter === b.it.asserter || a.it.c.id === b.it.c.id || !inScope(a.it, b.it)) continue;
      if (a.kind === "other" && !a.measure.some((m) => b.measure.includes(m))) continue;
      const [a0, a1] = interval(a.value, a.approx), [b0, b1] = interval(b.value, b.approx);
      if (a1 >= b0 && b1 >= a0) continue;
      // figures for two different places are two tolls
      const pa = a.it.places, pb = b.it.places;
      if (pa.size && pb.size && ![...pa].some((p) => pb.has(p))) continue;
      const va = showValue(a.value, a.approx), vb = showValue(b.value, b.approx);
      const [early, late] = a.it.published <= b.it.published ? [a, b] : [b, a];
      const update = late.it.published - early.it.published >= 3 * 3600e3 && interval(late.value, late.approx)[0] > interval(early.value, early.approx)[1];
      const what = a.kind === "other" ? a.measure.find((m) => b.measure.includes(m))!.slice(2) : a.kind;
      add(a.it, b.it, "figures", a.kind === "other" ? `other:${what}` : a.kind,
        `${what}: ${va} according to ${a.it.name} vs ${vb} according to ${b.it.name}${update ? " (a later, higher figure: the earlier one is superseded)" : ""}`,
        { kind: a.kind, values: [va, vb], ...(update && { update: true }) });
    }
  // a denial of a figure against the figure; "much higher" against an official figure
  for (const d of items) {
    if (d.c.status === "denied")
      for (const f of d.c.figures)
        for (const x of items) {
          if (!x.asserted || !inScope(d, x)) continue;
          if (x.c.figures.some((g) => g.kind === f.kind && g.value === f.value))
            add(d, x, "figure-denied", `${f.kind}:${f.value}`, `${d.name} denies the figure ${f.value} (${f.kind}) that ${x.name} gives: ${q(d.c.text)} against ${q(x.c.text)}`, { kind: f.kind });
        }
    // "we haven't announced these numbers": a party denies the figures others attribute to it
    if (d.concepts.has("!v:provide") && (d.c.features.backRef || d.concepts.has("n:number")))
      for (const x of items) {
        if (!x.asserted || !inScope(d, x) || !x.c.figures.length || x.asserter === d.asserter) continue;
        // the figures are said to be the denier's: its own claim, or one that names it ("attributing these
        // numbers to the Libyan Red Crescent")
        const its = (p: string) => p.startsWith("E:") && d.parties.has(p);
        if (![...x.parties].some(its) && ![...x.names].some(its) && !d.parties.has(x.asserter.replace(/^e:/, "E:"))) continue;
        add(d, x, "figure-denied", `said:${d.c.id}`, `${d.name} denies having given the figures ${x.name} is said to have given: ${q(d.c.text)} against ${q(x.c.text)}`, {});
      }
    if (d.concepts.has("v:higher") && (d.concepts.has("v:kill") || d.concepts.has("n:number")))
      for (const x of items) {
        if (x === d || !x.asserted || x.c.doc !== d.c.doc || x.c.sentence > d.c.sentence || d.c.sentence - x.c.sentence > 8) continue;
        const f = x.c.figures.find((g) => g.kind === "killed");
        if (f) add(d, x, "toll-higher", "killed", `${d.name} says the toll is higher than ${x.name}'s ${showValue(f.value, f.approx)}: ${q(d.c.text)} against ${q(x.c.text)}`, { kind: "killed" });
      }
  }
}

function denials(items: Item[], inScope: (a: Item, b: Item) => boolean, near: (a: Item, b: Item, w: number) => boolean, window: number, add: Add): void {
  for (const d of items) {
    if (!d.denial) continue;
    // whose part is denied: the denier's own ("Kyiv: nothing to do with it"), else the doers it names
    const denied = d.parties.size ? new Set([...d.parties].filter((p) => p.startsWith("C:") || p.startsWith("E:"))) : new Set(d.agents);
    // a speaker whose country is not known from its name speaks for the country it names ("Ukrainian
    // military intelligence spokesman Andriy Yusov said Ukraine was not involved")
    if (![...denied].some((p) => p.startsWith("C:"))) for (const n of d.c.countries) denied.add(n);
    if (!denied.size) continue;
    for (const x of items) {
      if (x === d || !x.asserted || !inScope(d, x)) continue;
      if ([...x.parties].some((p) => denied.has(p))) continue;
      if (d.c.doc === x.c.doc && !near(d, x, window)) continue;
      const agent = [...x.agents].some((g) => denied.has(g));
      const named = [...x.names].some((g) => denied.has(g)) && [...x.concepts].some((k) => !k.startsWith("!") && AGENCY.has(bare(k)));
      if (!agent && !named) continue;
      const who = [...denied].find((p) => x.names.has(p)) ?? [...denied][0]!;
      add(d, x, "denial", `denial:${who}`, `${d.name} denies ${who.replace(/^[CE]:/, "")}'s part; ${x.name} says otherwise: ${q(d.c.text)} against ${q(x.c.text)}`, { parties: [who] });
    }
  }
}

function attributions(items: Item[], inScope: (a: Item, b: Item) => boolean, add: Add): void {
  const acts = (it: Item) => new Set([...it.concepts].filter((k) => !k.startsWith("!") && ACTS[bare(k)]).map((k) => ACTS[bare(k)]!));
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    if (!a.asserted || !a.agents.size) continue;
    const actsA = acts(a);
    for (let j = i + 1; j < items.length; j++) {
      const b = items[j]!;
      if (!b.asserted || !b.agents.size || !inScope(a, b) || a.asserter === b.asserter) continue;
      if ([...a.agents].some((g) => b.agents.has(g))) continue;
      const shared = [...acts(b)].filter((k) => actsA.has(k));
      if (!shared.length) continue;
      // a source does not accuse itself: the doers are other than the speakers
      if ([...a.agents].some((g) => b.parties.has(g)) && [...b.agents].some((g) => a.parties.has(g))) continue;
      const ga = [...a.agents].map((g) => g.replace(/^[CE]:/, "")).join(", "), gb = [...b.agents].map((g) => g.replace(/^[CE]:/, "")).join(", ");
      add(a, b, "attribution", `who:${shared[0]}`, `who is behind it: ${a.name} names ${ga}, ${b.name} names ${gb}: ${q(a.c.text)} against ${q(b.c.text)}`, { parties: [...a.agents, ...b.agents] });
    }
  }
}

function opposed(items: Item[], inScope: (a: Item, b: Item) => boolean, near: (a: Item, b: Item, w: number) => boolean, add: Add): void {
  const byState = new Map<string, { it: Item; label: string; words: string }[]>();
  for (const it of items) {
    if (NOT_ASSERTED.has(it.c.status)) continue;
    for (const [name, s] of Object.entries(it.c.features.states ?? {})) {
      let l = byState.get(name);
      if (!l) byState.set(name, (l = []));
      l.push({ it, label: s.label, words: s.words });
    }
  }
  for (const [name, list] of byState) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!, b = list[j]!;
        if (a.label === b.label || !inScope(a.it, b.it)) continue;
        const about = ledgerLexicon(a.it.c.lang).oppositions.find((o) => o.name === name)?.about;
        if (about && !(a.it.concepts.has(about) && b.it.concepts.has(about))) continue;
        // in one report: close together; across reports: about a shared actor (or the one the
        // opposition is about: the suspect at large, the suspect caught)
        if (a.it.c.doc === b.it.c.doc ? !near(a.it, b.it, 4) : !about && ![...a.it.names].some((n) => b.it.names.has(n))) continue;
        add(a.it, b.it, "opposed", name, `${a.it.name}: ${a.label} (${q(a.words)}) vs ${b.it.name}: ${b.label} (${q(b.words)})`, { opposition: name, labels: [a.label, b.label] });
      }
  }
}

/** Words of a name that a text may use to point at its speaker ("de bewering van Poetin"). */
function nameWords(s: string): string[] {
  return fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
}

function pointedBack(items: Item[], add: Add, scopeAll: boolean): void {
  const others = (d: Item) => items.filter((x) => x.c.doc !== d.c.doc);
  const byDoc = new Map<string, Item[]>();
  for (const it of items) (byDoc.get(it.c.doc) ?? byDoc.set(it.c.doc, []).get(it.c.doc)!).push(it);
  for (const list of byDoc.values()) {
    list.sort((a, b) => a.c.sentence - b.c.sentence || cmp(a.c.order, b.c.order));
    for (const d of list) {
      const f = d.c.features;
      const denies = d.denial;
      if (denies && f.backRef) {
        // the statement it names ("de bewering van Poetin"), else the nearest earlier one by someone else
        const text = new Set(nameWords(d.c.text));
        const own = new Set(nameWords(d.name));
        const earlier = list.filter((x) => x.asserted && x.asserter !== d.asserter && x.c.sentence < d.c.sentence && d.c.sentence - x.c.sentence <= 4);
        const named = earlier.filter((x) => nameWords(x.name).some((w) => !own.has(w) && text.has(w)));
        const nearest = earlier.length ? Math.max(...earlier.map((x) => x.c.sentence)) : -1;
        for (const x of named.length ? named : earlier.filter((x) => x.c.sentence === nearest || (x.c.paragraph === d.c.paragraph && d.c.sentence - x.c.sentence <= 3)))
          add(d, x, "pointed-back", `back:${d.c.id}`, `${d.name} denies what ${x.name} says: ${q(d.c.text)} against ${q(x.c.text)}`, {});
      }
      // across reports: a denial that names whose version it rejects ("the FSB version … another lie")
      // against what that party says about the same thing elsewhere
      if (d.denial && f.backRef && scopeAll) {
        const verbs = [...d.concepts].filter((k) => /^[vs]:/.test(k) && !k.includes("@") && k !== "v:false");
        const targets = [...d.names].filter((n) => n.startsWith("E:") || n.startsWith("C:"));
        for (const x of others(d)) {
          if (!x.asserted || x.asserter === d.asserter) continue;
          if (![...x.parties].some((p) => targets.includes(p))) continue;
          if (verbs.some((v) => x.concepts.has(v))) add(d, x, "pointed-back", `back:${d.c.id}`, `${d.name} rejects ${x.name}'s version: ${q(d.c.text)} against ${q(x.c.text)}`, {});
        }
      }
      // a statement that runs against what was just said ("conflicting reports … however"): the nearest
      // earlier one by someone else that says the same kind of thing
      if (f.counter && d.asserted) {
        const verbs = [...d.concepts].filter((k) => /^[vs]:/.test(k) && !k.includes("@"));
        for (const x of list) {
          if (x === d || x.asserter === d.asserter || !x.asserted || x.c.sentence > d.c.sentence || d.c.sentence - x.c.sentence > 2) continue;
          if (verbs.some((v) => x.concepts.has(v))) add(d, x, "pointed-back", `counter:${d.c.id}`, `${d.name} runs against what ${x.name} says: ${q(d.c.text)} against ${q(x.c.text)}`, {});
        }
      }
      // a denial that answers a counter-statement right after it ("… denies it; the images show otherwise")
      if (d.c.status === "denied")
        for (const x of list) {
          const after = x.c.sentence - d.c.sentence;
          if (x === d || x.asserter === d.asserter || !x.asserted || !x.c.features.counter || after < 0 || after > 2) continue;
          add(d, x, "pointed-back", `counter:${x.c.id}`, `${d.name} denies it, ${x.name} argues otherwise: ${q(d.c.text)} against ${q(x.c.text)}`, {});
        }
    }
  }
}
