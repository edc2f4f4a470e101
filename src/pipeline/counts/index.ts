import type { Approx, Claim, Count, CountKind, Doc, Span } from "../../model/doc.js";
import type { Stage } from "../stage.js";
import type { CountLexicon } from "./lexicon.js";
import { fineTokensOf, Phrases, readNumber, type Tok } from "./numbers.js";

// A figure is a number (digits, words, or a rough amount such as "tientallen") followed, within a few
// adjectives, by a noun that says what is counted. The noun gives the kind; for people counted by a
// neutral noun ("twelve people", "twaalf burgers") a casualty verb nearby ("were killed", "raakten gewond")
// or a running total before the figure ("the death toll rose to 12") decides.

interface Compiled {
  nouns: Phrases<CountKind>;
  /** Single-word nouns matched as the end of a compound (Dutch), by their last three letters. */
  suffixes: Map<string, [string, CountKind][]>;
  verbs: Phrases<CountKind>;
  /** Split verbs ("kwamen … om"): head before the figure, particle after the noun. */
  split: { head: Phrases<true>; tail: Phrases<true>; kind: CountKind }[];
  objects: Phrases<true>;
  tolls: Phrases<CountKind>;
  approx: Phrases<Approx>;
  vague: Phrases<{ value: number; approx: Approx }>;
  of: Phrases<true>;
  stop: Set<string>;
}
const cache = new WeakMap<CountLexicon, Compiled>();
const KINDS: CountKind[] = ["killed", "wounded", "arrested", "missing", "personnel", "vehicles", "other"];
const CASUALTY: ReadonlySet<CountKind> = new Set(["killed", "wounded", "arrested", "missing"]);

function compile(lex: CountLexicon): Compiled {
  let c = cache.get(lex);
  if (c) return c;
  const nouns: [string, CountKind][] = [];
  const verbs: [string, CountKind][] = [];
  const split: Compiled["split"] = [];
  for (const k of KINDS) {
    for (const n of lex.kinds[k].nouns) nouns.push([n, k]);
    for (const v of lex.kinds[k].verbs) {
      const [head, tail] = v.split("…").map((x) => x.trim());
      if (tail) split.push({ head: new Phrases([[head!, true]]), tail: new Phrases([[tail, true]]), kind: k });
      else verbs.push([v, k]);
    }
  }
  for (const o of lex.objects) nouns.push([o, "other"]);
  const suffixes = new Map<string, [string, CountKind][]>();
  if (lex.compoundNouns)
    for (const e of nouns.filter(([n]) => !/\s/.test(n) && n.length >= 4).sort((a, b) => b[0].length - a[0].length)) {
      const k = e[0].slice(-3);
      suffixes.set(k, [...(suffixes.get(k) ?? []), e]);
    }
  c = {
    nouns: new Phrases(nouns),
    suffixes,
    verbs: new Phrases(verbs),
    split,
    objects: new Phrases(lex.objects.map((o) => [o, true as const])),
    tolls: new Phrases(Object.entries(lex.tolls)),
    approx: new Phrases(Object.entries(lex.approx)),
    vague: new Phrases(Object.entries(lex.vagueAmounts)),
    of: new Phrases(lex.of.map((o) => [o, true as const])),
    stop: new Set(lex.stopBefore),
  };
  cache.set(lex, c);
  return c;
}

// ASCII answered by code, the rest by the Unicode class
const isCap = (t: Tok) => {
  const c = t.raw.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t.raw);
};
const CLAUSE_END = new Set([".", ";", "!", "?", ":"]);
const QUOTES = new Set(["'", "’", "‘", '"', "“", "”", "„", "«", "»"]);

/** Finds counts in a text. `skip` holds spans (time expressions) whose numbers are not counts. */
export function findCounts(text: string, lex: CountLexicon, skip: readonly Span[] = []): Count[] {
  const c = compile(lex);
  const toks = fineTokensOf(text);
  const out: Count[] = [];
  const sorted = [...skip].sort((a, b) => a.start - b.start);
  const inSkip = (s: number) => {
    // binary search for the last span starting at or before s
    let lo = 0, hi = sorted.length - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= s) (at = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return at >= 0 && s < sorted[at]!.end;
  };
  const nounAt = (j: number): [CountKind, number, boolean] | null => {
    const p = c.nouns.match(toks, j);
    if (p) return [p[0], p[1], !!c.objects.match(toks, j)];
    const t = toks[j]!;
    if (t.kind !== "w") return null;
    // the compound ends at the next space or mark
    if (c.suffixes.size && (j + 1 >= toks.length || toks[j + 1]!.sp || toks[j + 1]!.kind === "p")) {
      for (const [n, k] of c.suffixes.get(t.t.slice(-3)) ?? []) if (t.t.length > n.length && t.t.endsWith(n)) return [k, j + 1, lex.objects.includes(n)];
    }
    if (isCap(t) && t.t.length > 4 && lex.demonymSuffixes.some((s) => t.t.endsWith(s))) return ["personnel", j + 1, false];
    return null;
  };
  let i = 0;
  while (i < toks.length) {
    const t0 = toks[i]!;
    if (inSkip(t0.s)) {
      i++;
      continue;
    }
    let k = i;
    let approx: Approx = "exact";
    const ap = c.approx.match(toks, k);
    if (ap) (approx = ap[0]), (k = ap[1]);
    let value: number;
    let j: number;
    let article = false;
    const vg = c.vague.match(toks, k);
    const num = vg ? null : readNumber(toks, k, lex.numbers, true);
    if (vg) {
      value = vg[0].value;
      if (approx === "exact") approx = vg[0].approx;
      j = vg[1];
      const of = c.of.match(toks, j);
      if (of) j = of[1];
    } else if (num) {
      if (inSkip(toks[k]!.s)) {
        i = num.j;
        continue;
      }
      value = num.value;
      j = num.j;
      article = num.article;
    } else {
      i++;
      continue;
    }
    const next = toks[j];
    // 45-jarige, 3-0, 24-uurs: a compound adjective, not a count
    const compound = !!next && !next.sp && next.t === "-" && !!num?.digits && toks[j + 1]?.kind === "w" && !toks[j + 1]!.sp;
    if (next && (compound || c.stop.has(next.t) || (!next.sp && next.kind === "w" && num?.digits))) {
      i = j;
      continue;
    }
    // the counted noun, a few adjectives (or a closing quote: "'ruim honderd' Russen") later
    let noun: [CountKind, number, boolean] | null = null;
    let words = 0;
    for (let m = j; m < toks.length && words <= lex.skipAdjectives && m < j + lex.skipAdjectives + 6; m++) {
      const t = toks[m]!;
      if (t.kind === "p") {
        if (QUOTES.has(t.t) || t.t === "-") continue;
        break;
      }
      if (t.kind === "d") {
        // "een 45-jarige man": the age is an adjective of the counted noun
        if (toks[m + 1]?.t === "-" && !toks[m + 1]!.sp && toks[m + 2]?.kind === "w" && !toks[m + 2]!.sp) {
          m += 2;
          words++;
          continue;
        }
        break;
      }
      noun = nounAt(m);
      if (noun) break;
      if (c.verbs.match(toks, m)) break;
      words++;
    }
    let kind: CountKind | null = noun ? noun[0] : null;
    let end = noun ? noun[1] : j;
    // a casualty verb right before the figure ("killing at least seven"), a running total before it, or a
    // casualty verb after the noun ("twelve people were killed")
    if (!kind || ((kind === "other" || kind === "personnel") && !noun![2])) {
      let found: CountKind | null = null;
      for (let m = i - 1, n = 0; m >= 0 && n < 6; m--, n++) {
        const t = toks[m]!;
        if (t.kind === "p" && CLAUSE_END.has(t.t)) break;
        const tl = c.tolls.match(toks, m);
        if (tl && tl[1] <= i) {
          found = tl[0];
          break;
        }
        const v = n === 0 ? c.verbs.match(toks, m) : null;
        if (v && v[1] <= i) {
          found = v[0];
          break;
        }
      }
      // "kwamen twaalf burgers om": the verb's head before the figure, its particle closing the clause
      if (!found && c.split.length && i > 0) {
        for (const sv of c.split) {
          if (!sv.head.match(toks, i - 1)) continue;
          for (let m = end, n = 0; m < toks.length && n < 8; m++, n++) {
            const t = toks[m]!;
            if (t.kind === "p" && CLAUSE_END.has(t.t)) break;
            const tl = sv.tail.match(toks, m);
            if (tl && (tl[1] >= toks.length || toks[tl[1]]!.kind === "p")) {
              found = sv.kind;
              break;
            }
          }
          if (found) break;
        }
      }
      if (!found) {
        for (let m = end, n = 0; m < toks.length && n < 8; m++, n++) {
          const t = toks[m]!;
          if (t.kind === "p" && CLAUSE_END.has(t.t)) break;
          const v = c.verbs.match(toks, m);
          if (v) {
            found = v[0];
            if (!noun) end = v[1];
            break;
          }
          if (t.kind === "d") break;
        }
      }
      if (found) kind = found;
    }
    // "een dode", "a man was arrested": an article counts one only for a casualty
    if (!kind || (!noun && !CASUALTY.has(kind)) || (article && !CASUALTY.has(kind))) {
      i = j;
      continue;
    }
    if (!Number.isFinite(value) || value <= 0) {
      i = j;
      continue;
    }
    const start = toks[i]!.s;
    const e = toks[end - 1]!.e;
    out.push({ start, end: e, text: text.slice(start, e), kind, value, approx });
    i = noun ? noun[1] : j;
  }
  return out;
}

/** The innermost claim whose span holds the figure: the figure inherits that claim's source. */
export function claimFor(claims: readonly Claim[], span: Span): string | undefined {
  let best: Claim | undefined;
  for (const cl of claims) {
    if (cl.start <= span.start && span.end <= cl.end && (!best || cl.end - cl.start < best.end - best.start)) best = cl;
  }
  if (!best) {
    for (const cl of claims) if (cl.start <= span.start && span.start < cl.end && (!best || cl.end - cl.start < best.end - best.start)) best = cl;
  }
  return best?.id;
}

/** The claims of a sentence-sorted document near an offset: those starting within the preceding stretch. */
function claimsNear(sorted: readonly Claim[], at: number, reach: number): Claim[] {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= at) lo = mid + 1;
    else hi = mid;
  }
  const out: Claim[] = [];
  for (let k = lo - 1; k >= 0 && out.length < reach; k--) out.push(sorted[k]!);
  return out;
}

export const counts: Stage = (doc: Doc, ctx) => {
  const found = findCounts(doc.text, ctx.lang.counts, doc.times);
  const sorted = [...doc.claims].sort((a, b) => a.start - b.start);
  for (const f of found) {
    // claims span at most a sentence, so the containing ones start shortly before the figure
    const cl = claimFor(claimsNear(sorted, f.start, 24), f);
    if (cl) f.claim = cl;
  }
  doc.counts = found;
};
