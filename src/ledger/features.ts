import type { Lang } from "../model/doc.js";
import { ledgerLexicon } from "./lang.js";
import type { LedgerLexicon } from "./lexicon.js";

/** What a claim's wording says that matters for comparing it with other claims (language-independent). */
export interface ClaimFeatures {
  /** Opposition name → the state the claim asserts (after negation), with the words that say it. */
  states?: Record<string, { label: string; words: string }>;
  /** The claim runs against something said before ("ondenkbaar dat", "however"). */
  counter?: boolean;
  /** A denial that points back at an earlier statement ("die cijfers", "the ministry's account"). */
  backRef?: boolean;
  /** Themes the claim affirms (not negated), and themes it mentions only negated. */
  themes?: string[];
  negThemes?: string[];
}

/** Lower case without diacritics; keeps the length of Latin text so offsets stay comparable. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

interface Compiled {
  lex: LedgerLexicon;
  /** Every pattern of the lexicon in one expression: most claims match none, and one pass rules them out. */
  any: RegExp;
  opp: { name: string; a: RegExp; b: RegExp; la: string; lb: string }[];
  counter: RegExp | null;
  backRef: RegExp | null;
  themes: { name: string; re: RegExp }[];
  negators: Set<string>;
  multiNeg: string[];
}

const B0 = String.raw`(?<![\p{L}\p{N}])`;
const B1 = String.raw`(?![\p{L}\p{N}])`;
function alt(patterns: string[]): RegExp | null {
  return patterns.length ? new RegExp(`${B0}(?:${patterns.join("|")})${B1}`, "gu") : null;
}

const cache = new Map<Lang, Compiled>();
function compiled(lang: Lang): Compiled {
  let c = cache.get(lang);
  if (!c) {
    const lex = ledgerLexicon(lang);
    const all = [...lex.oppositions.flatMap((o) => [...o.a.patterns, ...o.b.patterns]), ...lex.counter, ...lex.backRef, ...lex.themes.flatMap((t) => t.patterns)];
    c = {
      lex,
      any: alt(all)!,
      opp: lex.oppositions.map((o) => ({ name: o.name, a: alt(o.a.patterns)!, b: alt(o.b.patterns)!, la: o.a.label, lb: o.b.label })),
      counter: alt(lex.counter),
      backRef: alt(lex.backRef),
      themes: lex.themes.map((t) => ({ name: t.name, re: alt(t.patterns)! })),
      negators: new Set(lex.negators.filter((n) => !n.includes(" "))),
      multiNeg: lex.negators.filter((n) => n.includes(" ")),
    };
    cache.set(lang, c);
  }
  return c;
}

/** Is the match at `at` negated by one of the three words before it? */
function negated(c: Compiled, text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const words = before.split(/[^\p{L}']+/u).filter(Boolean).slice(-3);
  for (const w of words) if (c.negators.has(w) || (c.negators.has("n't") && w.endsWith("n't"))) return true;
  return c.multiNeg.some((m) => before.endsWith(m + " "));
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const r = re.test(text);
  re.lastIndex = 0;
  return r;
}

function firstMatch(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)];
}

const memo = new WeakMap<object, { text: string; f: ClaimFeatures }>();

/** Features of a claim object, computed once even when the stage and the store both ask. */
export function featuresOf(claim: { text: string }, lang: Lang): ClaimFeatures {
  const m = memo.get(claim);
  if (m && m.text === claim.text) return m.f;
  const f = claimFeatures(claim.text, lang);
  memo.set(claim, { text: claim.text, f });
  return f;
}

export function claimFeatures(text: string, lang: Lang): ClaimFeatures {
  const c = compiled(lang);
  const t = fold(text);
  const f: ClaimFeatures = {};
  if (!test(c.any, t)) return f;
  const sameLength = t.length === text.length;
  const words = (m: RegExpExecArray) => (sameLength ? text.slice(m.index, m.index + m[0].length) : m[0]).trim();
  for (const o of c.opp) {
    const seen = new Map<string, string>();
    for (const [re, label, other] of [
      [o.a, o.la, o.lb],
      [o.b, o.lb, o.la],
    ] as const) {
      for (const m of firstMatch(re, t)) {
        const l = negated(c, t, m.index) ? other : label;
        if (!seen.has(l)) seen.set(l, words(m));
      }
    }
    // A claim that names both states ("not independent but under command") is left to the reader.
    if (seen.size === 1) {
      const [label, w] = [...seen][0]!;
      (f.states ??= {})[o.name] = { label, words: w };
    }
  }
  if (c.counter && test(c.counter, t)) f.counter = true;
  if (c.backRef && test(c.backRef, t)) f.backRef = true;
  for (const th of c.themes) {
    const ms = firstMatch(th.re, t);
    if (!ms.length) continue;
    if (ms.some((m) => !negated(c, t, m.index))) (f.themes ??= []).push(th.name);
    else (f.negThemes ??= []).push(th.name);
  }
  return f;
}
