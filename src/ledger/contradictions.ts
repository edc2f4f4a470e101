import type { Approx, ClaimStatus, CountKind } from "../model/doc.js";
import { fold, type ClaimFeatures } from "./features.js";

/**
 * Contradictions over claims: one function for one report or for the whole ledger. Claims come in a
 * language-independent form (features computed from each claim's own language), so a Dutch denial can be
 * set against an English claim.
 */
export interface CClaim {
  id: string;
  doc: string;
  sentence: number;
  paragraph: number;
  text: string;
  status: ClaimStatus;
  /** Language-independent key of who asserts it; the report's own voice is `voice:<doc>`. */
  asserter: string;
  asserterName: string;
  /** Entity key of the source, when the source is an entity. */
  sourceKey?: string;
  entityKeys: string[];
  features: ClaimFeatures;
  /** ISO publication time of the report, for "latest figure of a source". */
  published?: string;
}

export interface CCount {
  claim: string;
  kind: CountKind;
  value: number;
  approx: Approx;
  text: string;
}

export type ContradictionType = "figures" | "denial" | "opposed";

export interface Found {
  claims: [string, string];
  type: ContradictionType;
  reason: string;
  /** Structured reason, for rendering in the reader's language. */
  detail: {
    asserters: [string, string];
    kind?: CountKind;
    values?: [string, string];
    opposition?: string;
    labels?: [string, string];
    words?: [string, string];
    theme?: string;
    /** How a "denial" row reads: a denial answered, pointed back at, or two doers named, two places given. */
    via?: "counter" | "backRef" | "theme" | "doers" | "place";
    /** A state a later report settles (at large, then shot dead): the earlier side is superseded, not disputed. */
    update?: boolean;
  };
  /** Further claims that say the same as one side (cross-report duplicates). */
  also?: string[];
}

export interface ContradictionOptions {
  /** How many sentences apart two claims of one report may be and still be compared. */
  window?: number;
}

const NOT_ASSERTED: ReadonlySet<ClaimStatus> = new Set(["denied", "unknown"]);
const INCIDENT_KINDS: ReadonlySet<CountKind> = new Set(["killed", "wounded", "arrested", "missing"]);

function related(a: CClaim, b: CClaim): boolean {
  const ka = new Set(a.entityKeys);
  if (a.sourceKey) ka.add(a.sourceKey);
  if (b.sourceKey && ka.has(b.sourceKey)) return true;
  return b.entityKeys.some((k) => ka.has(k));
}

/** Does `d` name the asserter of `x` (a word of the asserter's name, not one of d's own asserter)? */
function names(d: CClaim, x: CClaim): boolean {
  const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
  const own = new Set(words(d.asserterName));
  const text = new Set(words(d.text));
  return words(x.asserterName).some((w) => !own.has(w) && text.has(w));
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(x);
  }
  return m;
}

/**
 * Pairs across reports, one per pair of asserters: the asserters' claims are grouped, two groups meet
 * when their claims share an actor (entity or source key), and the earliest claims of each in different
 * reports stand for the pair; the finder's `add` keeps later repeats as "also".
 */
function crossGroups<T extends { c: CClaim }>(A: readonly T[], B: readonly T[], pair: (a: T, b: T) => void): void {
  const ga = groupBy(A, (x) => x.c.asserter);
  const gb = groupBy(B, (x) => x.c.asserter);
  const keys = (g: readonly T[]) => {
    const s = new Set<string>();
    for (const x of g) {
      for (const k of x.c.entityKeys) s.add(k);
      if (x.c.sourceKey) s.add(x.c.sourceKey);
    }
    return s;
  };
  const kb = new Map([...gb].map(([k, g]) => [k, keys(g)]));
  for (const [asA, xs] of ga) {
    const ka = keys(xs);
    for (const [asB, ys] of gb) {
      if (asA === asB) continue;
      const kys = kb.get(asB)!;
      let shared = false;
      for (const k of ka)
        if (kys.has(k)) {
          shared = true;
          break;
        }
      if (!shared) continue;
      // the first two claims in different reports, then up to a few more as repeats
      let n = 0;
      for (const a of xs) {
        for (const b of ys) {
          if (a.c.doc === b.c.doc) continue;
          pair(a, b);
          if (++n >= 8) break;
        }
        if (n >= 8) break;
      }
    }
  }
}

function near(a: CClaim, b: CClaim, window: number): boolean {
  return a.doc === b.doc && (a.paragraph === b.paragraph || Math.abs(a.sentence - b.sentence) <= window);
}

function order(a: CClaim, b: CClaim): number {
  return (a.published ?? "").localeCompare(b.published ?? "") || cmp(a.doc, b.doc) || a.sentence - b.sentence || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  // d2 before d10: compare numeric tails when the prefixes agree
  const ma = /^(\D*)(\d+)$/.exec(a), mb = /^(\D*)(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}

function interval(c: CCount): [number, number] {
  switch (c.approx) {
    case "min":
      return [c.value, Infinity];
    case "max":
      return [0, c.value];
    case "about":
      return [c.value * 0.75, c.value * 1.25];
    default:
      return [c.value, c.value];
  }
}

export function showFigure(c: { value: number; approx: Approx }): string {
  const p = c.approx === "min" ? "≥" : c.approx === "max" ? "≤" : c.approx === "about" ? "~" : "";
  return p + String(c.value);
}

const q = (s: string) => `'${s.length > 90 ? s.slice(0, 87) + "…" : s}'`;

/**
 * Finds pairs of claims that cannot both hold as stated:
 * - figures: the same kind of figure for the incident, different sources, values that cannot both be true
 *   (each source's latest figure counts; a source revising itself is an update, not a contradiction);
 * - opposed: one says a state (independent, ended), another its opposite (under command, goes on);
 * - denial: a denial against a claim or evidence that it points back at, that argues against it, or that
 *   affirms what was denied (involvement).
 * Two claims by the same asserter never contradict here. Across reports, one entry per pair of asserters
 * and point keeps the ledger readable when many outlets repeat the same statements.
 */
export function findContradictions(claims: readonly CClaim[], counts: readonly CCount[], opts: ContradictionOptions = {}): Found[] {
  const window = opts.window ?? 4;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const out: Found[] = [];
  const seen = new Map<string, Found>();
  const add = (key: string, a: CClaim, b: CClaim, f: Omit<Found, "claims">) => {
    const [x, y] = order(a, b) <= 0 ? [a, b] : [b, a];
    const flip = x !== a;
    const prior = seen.get(key);
    if (prior) {
      prior.also ??= [];
      if (prior.also.length < 50) for (const id of [x.id, y.id]) if (!prior.claims.includes(id) && !prior.also.includes(id)) prior.also.push(id);
      return;
    }
    const d = f.detail;
    const sw = <T>(p: [T, T] | undefined): [T, T] | undefined => (p && flip ? [p[1], p[0]] : p);
    const found: Found = {
      claims: [x.id, y.id],
      type: f.type,
      reason: f.reason,
      detail: { ...d, asserters: sw(d.asserters)!, ...(d.values && { values: sw(d.values) }), ...(d.labels && { labels: sw(d.labels) }), ...(d.words && { words: sw(d.words) }) },
    };
    seen.set(key, found);
    out.push(found);
  };
  const pairKey = (type: string, point: string, a: CClaim, b: CClaim) => {
    if (a.doc === b.doc) return `${type}|${point}|${a.id}|${b.id}`;
    const [x, y] = a.asserter < b.asserter ? [a.asserter, b.asserter] : [b.asserter, a.asserter];
    return `${type}|${point}|${x}|${y}`;
  };

  // --- opposed states
  const byState = new Map<string, { label: string; words: string; c: CClaim }[]>();
  for (const c of claims) {
    if (c.status === "denied" || c.status === "unknown") continue;
    for (const [name, s] of Object.entries(c.features.states ?? {})) {
      let l = byState.get(name);
      if (!l) byState.set(name, (l = []));
      l.push({ label: s.label, words: s.words, c });
    }
  }
  type Stated = { label: string; words: string; c: CClaim };
  const opposed = (name: string, a: Stated, b: Stated) =>
    add(pairKey("opposed", name, a.c, b.c), a.c, b.c, {
      type: "opposed",
      reason: `${a.c.asserterName}: ${a.label} (${q(a.words)}) vs ${b.c.asserterName}: ${b.label} (${q(b.words)})`,
      detail: { asserters: [a.c.asserter, b.c.asserter], opposition: name, labels: [a.label, b.label], words: [a.words, b.words] },
    });
  for (const [name, list] of byState) {
    const labels = [...new Set(list.map((x) => x.label))].sort();
    if (labels.length < 2) continue;
    const A = list.filter((x) => x.label === labels[0]);
    const B = list.filter((x) => x.label === labels[1]);
    // Within a report: pairs close together. Across reports: one pair per two asserters whose claims
    // share an actor, found over asserter groups so that thousands of repeats stay cheap.
    const bByDoc = groupBy(B, (x) => x.c.doc);
    for (const a of A) {
      for (const b of bByDoc.get(a.c.doc) ?? []) {
        if (a.c.asserter === b.c.asserter || !near(a.c, b.c, window)) continue;
        opposed(name, a, b);
      }
    }
    crossGroups(A, B, (a, b) => opposed(name, a, b));
  }

  // --- denials
  const byDoc = new Map<string, CClaim[]>();
  for (const c of claims) {
    let l = byDoc.get(c.doc);
    if (!l) byDoc.set(c.doc, (l = []));
    l.push(c);
  }
  for (const l of byDoc.values()) l.sort((a, b) => a.sentence - b.sentence || a.id.localeCompare(b.id));
  const byTheme = new Map<string, CClaim[]>();
  for (const c of claims) {
    if (NOT_ASSERTED.has(c.status)) continue;
    for (const t of c.features.themes ?? []) {
      let l = byTheme.get(t);
      if (!l) byTheme.set(t, (l = []));
      l.push(c);
    }
  }
  const denial = (d: CClaim, x: CClaim, via: "counter" | "backRef" | "theme", theme?: string) => {
    const key = d.doc === x.doc ? `denial|${d.id}|${x.id}` : pairKey("denial", theme ?? via, d, x);
    add(key, d, x, {
      type: "denial",
      reason:
        via === "backRef"
          ? `${d.asserterName} denies what ${x.asserterName} says: ${q(d.text)} against ${q(x.text)}`
          : via === "counter"
            ? `${d.asserterName} denies it, ${x.asserterName} argues otherwise: ${q(d.text)} against ${q(x.text)}`
            : `${d.asserterName} denies ${theme}; ${x.asserterName} affirms it: ${q(d.text)} against ${q(x.text)}`,
      detail: { asserters: [d.asserter, x.asserter], via, ...(theme && { theme }) },
    });
  };
  for (const d of claims) {
    if (d.status !== "denied") continue;
    const docClaims = byDoc.get(d.doc)!;
    // A pointer back ("those figures") reaches the nearest earlier statement by someone else, and the
    // statements before it in the same paragraph.
    // When the denial names whose statement it rejects ("the ministry's account"), that asserter's
    // statements are the ones meant.
    const named = d.features.backRef
      ? docClaims.filter(
          (x) => x.sentence < d.sentence && d.sentence - x.sentence <= 4 && x.asserter !== d.asserter && !NOT_ASSERTED.has(x.status) && names(d, x),
        )
      : [];
    for (const x of named) denial(d, x, "backRef");
    let nearest = -1;
    if (d.features.backRef && !named.length)
      for (const x of docClaims)
        if (x.sentence < d.sentence && d.sentence - x.sentence <= 3 && x.asserter !== d.asserter && !NOT_ASSERTED.has(x.status)) nearest = Math.max(nearest, x.sentence);
    for (const x of docClaims) {
      if (x === d || x.asserter === d.asserter || NOT_ASSERTED.has(x.status)) continue;
      const after = x.sentence - d.sentence;
      if (after >= 0 && after <= 2 && x.features.counter && (x.paragraph === d.paragraph || after <= 1)) denial(d, x, "counter");
      else if (after < 0 && after >= -3 && nearest >= 0 && (x.sentence === nearest || x.paragraph === d.paragraph)) denial(d, x, "backRef");
    }
    for (const t of [...(d.features.themes ?? []), ...(d.features.negThemes ?? [])]) {
      for (const x of byDoc.get(d.doc)!) {
        if (x === d || x.asserter === d.asserter || NOT_ASSERTED.has(x.status) || !(x.features.themes ?? []).includes(t)) continue;
        if (near(d, x, window) && related(d, x)) denial(d, x, "theme", t);
      }
    }
  }
  // Across reports: a denial of a theme against another asserter affirming it about the same actor.
  const deniedByTheme = new Map<string, CClaim[]>();
  for (const d of claims) {
    if (d.status !== "denied") continue;
    for (const t of new Set([...(d.features.themes ?? []), ...(d.features.negThemes ?? [])])) {
      let l = deniedByTheme.get(t);
      if (!l) deniedByTheme.set(t, (l = []));
      l.push(d);
    }
  }
  for (const [t, ds] of deniedByTheme) {
    crossGroups(
      ds.map((c) => ({ c })),
      (byTheme.get(t) ?? []).map((c) => ({ c })),
      (d, x) => denial(d.c, x.c, "theme", t),
    );
  }

  // --- figures: latest figure of each asserter for each kind
  const latest = new Map<string, { n: CCount; c: CClaim }>();
  for (const n of counts) {
    const c = byId.get(n.claim);
    if (!c || NOT_ASSERTED.has(c.status) || !INCIDENT_KINDS.has(n.kind)) continue;
    const k = `${n.kind}|${c.asserter}`;
    const prev = latest.get(k);
    if (!prev || order(prev.c, c) <= 0) latest.set(k, { n, c });
  }
  const perKind = new Map<string, { n: CCount; c: CClaim }[]>();
  for (const v of latest.values()) {
    let l = perKind.get(v.n.kind);
    if (!l) perKind.set(v.n.kind, (l = []));
    l.push(v);
  }
  for (const [kind, list] of [...perKind].sort((a, b) => a[0].localeCompare(b[0]))) {
    list.sort((a, b) => order(a.c, b.c));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!, b = list[j]!;
        const [a0, a1] = interval(a.n), [b0, b1] = interval(b.n);
        if (a1 >= b0 && b1 >= a0) continue;
        const va = showFigure(a.n), vb = showFigure(b.n);
        add(pairKey("figures", kind, a.c, b.c), a.c, b.c, {
          type: "figures",
          reason: `${kind}: ${va} according to ${a.c.asserterName} vs ${vb} according to ${b.c.asserterName}`,
          detail: { asserters: [a.c.asserter, b.c.asserter], kind: kind as CountKind, values: [va, vb] },
        });
      }
    }
  }
  return out;
}
