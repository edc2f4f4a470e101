import type { Approx, Claim, Count, CountKind, Doc, Span } from "../../model/doc.js";
import type { Stage } from "../stage.js";
import type { CountLexicon } from "./lexicon.js";
import { fineTokensOf, keyTokens, KD, KP, KW, maybeCompound, Phrases, readNumber, Suffixes, tokId, wordId, WordSet, type FineToks } from "./numbers.js";

// A figure is a number followed, within a few adjectives, by a noun that says what is counted. The noun gives
// the kind; for people counted by a neutral noun ("twelve people", "twaalf burgers", "four men") the clause
// decides: a casualty verb right before the figure ("killing at least seven"), a running total before it
// ("the death toll rose to 12", "of the dead, 145 were"), a split verb around it ("kwamen … om"), a passive or
// intransitive casualty verb after it ("were killed", "doodgeschoten", "omkwamen"), or the figure it is a part
// of ("including four gunmen", "daarvan vier verdachten"). A figure without a noun counts only what such a
// clause gives it, or repeats the kind of the figure it is coordinated with ("two leaks in Denmark and two in
// Sweden"). An article counts one only for a person who is a casualty ("een dode", "a civilian was killed").

interface Compiled {
  nouns: Phrases<CountKind>;
  /** Single-word nouns matched as the end of a compound (Dutch). */
  suffixes: Suffixes<CountKind>;
  verbs: Phrases<CountKind>;
  /** Split verbs ("kwamen … om") by their head before the figure: the particles closing the clause and their kinds. */
  split: Phrases<{ tail: Phrases<true>; kind: CountKind }[]>;
  objects: Phrases<true>;
  objectWords: Set<string>;
  weak: Set<string>;
  tolls: Phrases<CountKind>;
  anaphoric: Phrases<true>;
  approx: Phrases<Approx>;
  vague: Phrases<{ value: number; approx: Approx }>;
  of: Phrases<true>;
  stop: WordSet;
  functionWords: WordSet;
  including: Phrases<true>;
  partitiveOf: Phrases<true>;
  partitivePronouns: Phrases<true>;
  coordinators: WordSet;
  articleOrdinals: Set<string>;
  objectStarts: WordSet;
  generic: Phrases<true>;
  /** By word id, bits of F: what a word can be or open, so most words cost one look-up in the scans. */
  wf: Uint8Array;
}

/** Bits of `Compiled.wf`. */
const F = { start: 1, toll: 2, anaphoric: 4, verb: 8, including: 16, generic: 32, func: 64, noun: 128 } as const;
const cache = new WeakMap<CountLexicon, Compiled>();
const KINDS: CountKind[] = ["killed", "wounded", "arrested", "missing", "personnel", "vehicles", "other"];
const CASUALTY: ReadonlySet<CountKind> = new Set(["killed", "wounded", "arrested", "missing"]);
const set = (xs: readonly string[]) => new Phrases(xs.map((x) => [x, true as const]));

function compile(lex: CountLexicon): Compiled {
  let c = cache.get(lex);
  if (c) return c;
  const nouns: [string, CountKind][] = [];
  const verbs: [string, CountKind][] = [];
  const split = new Map<string, { tail: Phrases<true>; kind: CountKind }[]>();
  for (const k of KINDS) {
    for (const n of lex.kinds[k].nouns) nouns.push([n, k]);
    for (const v of lex.kinds[k].verbs) {
      const [head, tail] = v.split("…").map((x) => x.trim());
      if (tail) split.set(head!, [...(split.get(head!) ?? []), { tail: new Phrases([[tail, true]]), kind: k }]);
      else verbs.push([v, k]);
    }
  }
  for (const o of lex.objects) nouns.push([o, "other"]);
  c = {
    nouns: new Phrases(nouns),
    suffixes: new Suffixes(lex.compoundNouns ? nouns.filter(([n]) => !/\s/.test(n)) : []),
    verbs: new Phrases(verbs),
    split: new Phrases(split),
    objects: set(lex.objects),
    objectWords: new Set(lex.objects),
    weak: new Set(lex.weakNouns),
    tolls: new Phrases(Object.entries(lex.tolls)),
    anaphoric: set(lex.anaphoricTolls),
    approx: new Phrases(Object.entries(lex.approx)),
    vague: new Phrases(Object.entries(lex.vagueAmounts)),
    of: set(lex.of),
    stop: new WordSet(lex.stopBefore),
    functionWords: new WordSet(lex.functionWords),
    including: set(lex.including),
    partitiveOf: set(lex.partitiveOf),
    partitivePronouns: set(lex.partitivePronouns),
    coordinators: new WordSet(lex.coordinators),
    articleOrdinals: new Set(lex.articleOrdinals),
    objectStarts: new WordSet(lex.objectStarts),
    generic: set(lex.generic),
    wf: new Uint8Array(0),
  };
  const bits: [number, number][] = [];
  const mark = (keys: Iterable<string>, bit: number) => {
    for (const k of keys) {
      const t = keyTokens(k);
      if (t.length) bits.push([wordId(t.t(0)), bit]);
    }
  };
  mark([...Object.keys(lex.approx), ...Object.keys(lex.vagueAmounts), ...Object.keys(lex.numbers.words), ...lex.numbers.articles, ...Object.keys(lex.numbers.fractions)], F.start);
  mark(Object.keys(lex.tolls), F.toll);
  mark(lex.anaphoricTolls, F.anaphoric);
  mark(verbs.map(([v]) => v), F.verb);
  mark(lex.including, F.including);
  mark(lex.generic, F.generic);
  mark(lex.functionWords, F.func);
  mark(nouns.map(([n]) => n), F.noun);
  c.wf = new Uint8Array(Math.max(0, ...bits.map(([id]) => id)) + 1);
  for (const [id, bit] of bits) c.wf[id]! |= bit;
  cache.set(lex, c);
  return c;
}

// ASCII answered by code, the rest by the Unicode class
const CLAUSE_END = new Set([".", ";", "!", "?", ":"]);
const QUOTES = new Set(["'", "’", "‘", '"', "“", "”", "„", "«", "»"]);
/** How far a clause is searched on either side of a figure, in tokens (bounded work per figure). */
const REACH = 20;
/** How far back a figure may look for the figure it is a part of or repeats, in tokens. */
const PRIOR = 80;

interface Noun {
  kind: CountKind;
  /** Token index after the noun. */
  end: number;
  object: boolean;
  /** Its kind gives way to a verb of the clause. */
  weak: boolean;
  /** No noun but a partitive standing for one ("twee ervan", "drie van de vier"). */
  pseudo?: boolean;
}
interface Prior {
  kind: CountKind;
  /** Token index of the figure. */
  start: number;
  approx: Approx;
  /** Token index after the figure. */
  end: number;
}

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
  /** The bits of F of the word at m (0 for marks, digits and unknown words). */
  const fl = (m: number): number => {
    return toks.k[m] === KW ? (c.wf[tokId(toks, m)] ?? 0) : 0;
  };
  const clauseEnd = (m: number) => {
    return toks.k[m] === KP && CLAUSE_END.has(toks.t(m));
  };
  const isNumber = (m: number) => {
    const k = toks.k[m];
    if (k === KD) return true;
    if (k !== KW || (!(fl(m) & F.start) && !maybeCompound(toks, m, lex.numbers))) return false;
    return !!c.vague.match(toks, m) || !!readNumber(toks, m, lex.numbers);
  };
  const nounAt = (j: number): Noun | null => {
    const f = fl(j);
    const p = f & F.noun ? c.nouns.match(toks, j) : null;
    // "death toll", "aantal doden": a running total, not the counted noun
    if (p && f & F.toll && c.tolls.match(toks, j)) return null;
    if (p) return { kind: p[0], end: p[1], object: !!c.objects.match(toks, j), weak: p[1] === j + 1 && c.weak.has(toks.t(j)) };
    if (toks.k[j] !== KW) return null;
    // the compound ends at the next space or mark
    if (c.suffixes.size && (j + 1 >= toks.length || toks.sp(j + 1) || toks.k[j + 1] === KP)) {
      const hit = c.suffixes.longest(toks, j);
      if (hit) return { kind: hit[1], end: j + 1, object: c.objectWords.has(hit[0]), weak: c.weak.has(hit[0]) };
    }
    if (toks.cap(j) && toks.tlen(j) > 4) {
      const w = toks.t(j);
      if (lex.demonymSuffixes.some((s) => w.endsWith(s))) return { kind: "personnel", end: j + 1, object: false, weak: false };
    }
    return null;
  };
  /** A casualty verb is active, with an object after it: "killed 12 people", "arrested the suspect", "killing at least 7". */
  const activeAt = (after: number) => {
    const k = toks.kd(after);
    if (!k) return false;
    if (k === KD) return true;
    if (k !== KW) return false;
    if (c.objectStarts.has(toks, after) || !!nounAt(after) || isNumber(after)) return true;
    const ap = c.approx.match(toks, after);
    return !!ap && ap[1] < toks.length && isNumber(ap[1]);
  };
  /** A hedge word in the clause that makes the figure a general statement. */
  const generic = (from: number, to: number) => {
    for (let m = from - 1, n = 0; m >= 0 && n < REACH && !clauseEnd(m); m--, n++) if (fl(m) & F.generic && c.generic.match(toks, m)) return true;
    for (let m = to, n = 0; m < toks.length && n < REACH && !clauseEnd(m); m++, n++) if (fl(m) & F.generic && c.generic.match(toks, m)) return true;
    return false;
  };
  /** Digits that end a name ("Nord Stream 2", "Boeing 737"), or join such a number ("Nord Stream 1 en 2"). */
  const nameNumber = (m: number, joined = false): boolean => {
    const p = m - 1;
    // "A330-200", "Su-25": the number of a model
    if (toks.is(p, "-") && !toks.sp(p) && !toks.sp(m) && m >= 2 && toks.k[m - 2] !== KP) return true;
    if (toks.kd(p) !== KW) return false;
    if (c.coordinators.has(toks, p)) return !joined && m >= 2 && toks.k[m - 2] === KD && nameNumber(m - 2, true);
    if (!toks.cap(p) || m < 2 || clauseEnd(m - 2) || QUOTES.has(toks.t(m - 2))) return false;
    return !(fl(m - 1) & (F.func | F.verb | F.toll)) && !nounAt(m - 1);
  };
  /** Nothing after a bare number that could be its own noun: a mark, a function word, the end. */
  const ellipsis = (m: number) => {
    const k = toks.kd(m);
    return !k || k === KP || !!(fl(m) & F.func) || (!!(fl(m) & F.verb) && !!c.verbs.match(toks, m));
  };
  /** An age after the one it belongs to: "Jan de Vries (48)", "de man (34)", "the man, 34, was", "two men, 34 and 36,". */
  const age = (m: number, after: number) => {
    const p = m - 1, n = after, who = m - 2;
    if (!toks.kd(p) || !toks.kd(n) || !toks.kd(who)) return false;
    const coordinated = c.coordinators.has(toks, p);
    if (toks.k[who] !== KW && !coordinated) return false;
    if (toks.is(p, "(")) return toks.is(n, ")");
    // the second of two: "34 and 36,"
    if (coordinated) return toks.k[who] === KD && toks.is(m - 3, ",") && (toks.is(n, ",") || toks.is(n, ")"));
    return toks.is(p, ",") && (toks.is(n, ",") || (c.coordinators.has(toks, n) && toks.kd(after + 1) === KD));
  };
  let prior: Prior | null = null;
  let i = 0;
  const compounds = !!lex.numbers.compoundScales;
  while (i < toks.length) {
    const k0 = toks.k[i]!;
    // most words open no figure: a digit, a listed first word, or (Dutch) a long word that may be a compound number
    if (k0 !== KD && !(k0 === KW && (c.wf[tokId(toks, i)]! & F.start || (compounds && maybeCompound(toks, i, lex.numbers))))) {
      i++;
      continue;
    }
    if (inSkip(toks.s[i]!)) {
      i++;
      continue;
    }
    let k = i;
    let approx: Approx = "exact";
    // "zeker bijna honderd": the hedge nearest the number holds
    for (let h = 0; h < 2; h++) {
      const ap = c.approx.match(toks, k);
      if (!ap) break;
      (approx = ap[0]), (k = ap[1]);
    }
    const vg = c.vague.match(toks, k);
    if (vg) {
      // a rough amount names no number: no figure
      i = vg[1];
      continue;
    }
    const num = readNumber(toks, k, lex.numbers, true);
    if (!num) {
      i++;
      continue;
    }
    if (inSkip(toks.s[k]!)) {
      i = num.j;
      continue;
    }
    if (num.digits && k === i && (nameNumber(i) || age(i, num.j))) {
      i = num.j;
      continue;
    }
    const value = num.value;
    let j = num.j;
    const article = num.article;
    const next = j < toks.length;
    // 45-jarige, 3-0, 24-uurs: a compound adjective, not a count
    const compound = next && !toks.sp(j) && toks.is(j, "-") && num.digits && toks.kd(j + 1) === KW && !toks.sp(j + 1);
    if (next && (compound || c.stop.has(toks, j) || (!toks.sp(j) && toks.k[j] === KW && num.digits))) {
      i = j;
      continue;
    }
    // "een derde (raakte gewond)": one more person
    let ordinal = false;
    if (article && next && c.articleOrdinals.has(toks.t(j))) (ordinal = true), (j = j + 1);
    let noun: Noun | null = null;
    let nounFrom = j;
    // "twee ervan", "two of them": things or people named before
    const pp = article ? null : c.partitivePronouns.match(toks, j);
    if (pp) noun = { kind: "other", end: pp[1], object: false, weak: false, pseudo: true };
    // "drie van de vier (pijpleidingen)", "six of the pediatric deaths": the figure counts what follows
    const po = article || pp ? null : c.partitiveOf.match(toks, j);
    const second = po && po[1] < toks.length && !inSkip(toks.s[po[1]]!) ? readNumber(toks, po[1], lex.numbers) : null;
    if (po) nounFrom = second ? second.j : po[1];
    // the counted noun, a few adjectives (or a closing quote: "'ruim honderd' Russen") later
    let words = 0;
    const limit = article ? 2 : lex.skipAdjectives;
    for (let m = nounFrom; !noun && m < toks.length && words <= limit && m < nounFrom + limit + 6; m++) {
      const km = toks.k[m];
      if (km === KP) {
        const tm = toks.t(m);
        if (QUOTES.has(tm) || tm === "-") continue;
        break;
      }
      if (km === KD) {
        // "een 45-jarige man": the age is an adjective of the counted noun
        if (toks.is(m + 1, "-") && !toks.sp(m + 1) && toks.kd(m + 2) === KW && !toks.sp(m + 2)) {
          m += 2;
          words++;
          continue;
        }
        // "two Su-25 jets": the number of a model is part of its name
        if (!toks.sp(m) && toks.is(m - 1, "-") && !toks.sp(m - 1) && m - 2 >= nounFrom && toks.k[m - 2] === KW) continue;
        break;
      }
      noun = nounAt(m);
      if (noun) {
        // "the wounded children", "dead soldiers": an adjective before the head noun, whose kind a verb may still change
        const head = noun.end < toks.length && toks.sp(noun.end) ? nounAt(noun.end) : null;
        if (head && CASUALTY.has(noun.kind) && (head.kind === "other" || head.kind === "personnel") && !head.object) noun = { kind: noun.kind, end: head.end, object: false, weak: true };
        break;
      }
      if (fl(m) & F.func || (fl(m) & F.verb && c.verbs.match(toks, m)) || isNumber(m)) break;
      words++;
    }
    // "drie van de vier hebben …": the second number stands for things named before
    if (!noun && second && ellipsis(nounFrom)) noun = { kind: "other", end: nounFrom, object: false, weak: false, pseudo: true };
    // an article without a person after it is no figure whatever the clause says: spare the search
    if (article && !ordinal && (!noun || noun.object)) {
      i = Math.max(j, i + 1);
      continue;
    }
    let kind: CountKind | null = noun ? noun.kind : null;
    let end = noun ? noun.end : j;
    let licensed = !!noun;
    if (!noun || ((noun.kind === "other" || noun.kind === "personnel") && !noun.object) || noun.weak) {
      let found: CountKind | null = null;
      let anaphoric = false;
      // the part of a figure before it: "including four gunmen", "Daarvan zouden vier verdachten"
      for (let m = i - 1, n = 0; m >= 0 && n < 6; m--, n++) {
        if (clauseEnd(m) && n > 0) break;
        const inc = fl(m) & F.including ? c.including.match(toks, m) : null;
        // right before the figure, a word at most between ("Daarvan zouden vier verdachten")
        if (inc && inc[1] <= i && inc[1] >= i - 2) {
          if (prior && CASUALTY.has(prior.kind) && m - prior.end < PRIOR) found = prior.kind;
          break;
        }
        if (isNumber(m)) break;
      }
      // a casualty verb right before the figure, or a running total before it in its clause
      for (let m = i - 1, n = 0; !found && m >= 0 && n < REACH; m--, n++) {
        if (clauseEnd(m) || isNumber(m)) break;
        const f = fl(m);
        const tl = f & F.toll ? c.tolls.match(toks, m) : null;
        if (tl && tl[1] <= i) {
          found = tl[0];
          break;
        }
        const an = f & F.anaphoric ? c.anaphoric.match(toks, m) : null;
        if (an && an[1] <= i && n < 6) {
          // "put the number at 85": what the figure before it counted
          if (prior && i - prior.end < PRIOR) (found = prior.kind), (anaphoric = true);
          break;
        }
        // "killing at least seven", "arrested the two men"
        const v = f & F.verb && (n === 0 || (n === 1 && c.objectStarts.has(toks, i - 1))) ? c.verbs.match(toks, m) : null;
        if (v && v[1] <= i) {
          found = v[0];
          break;
        }
      }
      // "kwamen twaalf burgers om": the verb's head before the figure, its particle closing the clause
      // (across a preposition: "kostte aan zeker 30 mensen het leven")
      let heads: [{ tail: Phrases<true>; kind: CountKind }[], number] | null = !found && i > 0 ? c.split.match(toks, i - 1) : null;
      if (!found && !heads && i > 1 && fl(i - 1) & F.func) {
        heads = c.split.match(toks, i - 2);
        if (heads && heads[1] !== i - 1) heads = null;
        else if (heads) heads = [heads[0], i];
      }
      if (heads && heads[1] === i) {
        for (const sv of heads[0]) {
          for (let m = end, n = 0; m < toks.length && n < REACH; m++, n++) {
            if (clauseEnd(m)) break;
            const tl = sv.tail.match(toks, m);
            // the particle closes the clause, or an adjunct follows it ("kwamen 45 mensen om bij de overstromingen")
            if (tl && (tl[1] >= toks.length || toks.k[tl[1]] === KP || fl(tl[1]) & F.func)) {
              found = sv.kind;
              break;
            }
          }
          if (found) break;
        }
      }
      // a passive or intransitive verb later in the clause: "were killed", "werden … doodgeschoten", "omkwamen";
      // without a noun only close by ("11,300 were dead", "two of them lost their lives")
      const reach = noun && !noun.pseudo && !article ? REACH : 8;
      let verbFound = false;
      let verbGap = 0;
      if (!found) {
        for (let m = end, n = 0; m < toks.length && n < reach; m++, n++) {
          if (clauseEnd(m) || (m > end && isNumber(m) && !(toks.k[m] === KD && age(m, m + 1)))) break;
          const v = fl(m) & F.verb ? c.verbs.match(toks, m) : null;
          if (v) {
            if (activeAt(v[1])) {
              m = v[1] - 1;
              continue;
            }
            found = v[0];
            verbFound = true;
            verbGap = m - end;
            if (!noun) end = v[1];
            break;
          }
        }
      }
      if (found && (!noun || noun.weak || !CASUALTY.has(noun.kind))) kind = found;
      // a figure without a noun stands on its own ("killing at least seven,"), not before more of a number ("a 3 1/2-minute")
      if (found && (CASUALTY.has(found) || anaphoric) && (noun || toks.kd(j) !== KD)) licensed = true;
      // "two leaks in Denmark and two in Sweden": a bare number after a coordinator repeats the figure before
      // it, when nothing follows that could be its own noun and that figure heads its clause (not "met 40.000
      // inwoners en vier voor …")
      if (!kind && !article && i > 0 && c.coordinators.has(toks, i - 1) && prior && i - prior.end < 16 && ellipsis(j)) {
        // … and the coordinated part has words of its own ("in Denmark's waters and two in Sweden's"), not
        // only numbers ("two men, 34 and 36")
        const before = prior.start - 1;
        const kb = toks.kd(before);
        let same = !kb || kb === KP || !c.functionWords.has(toks, before) || c.coordinators.has(toks, before);
        let words = false;
        for (let m = prior.end; same && m < i - 1; m++) {
          if (clauseEnd(m)) same = false;
          if (toks.k[m] === KW) words = true;
        }
        same &&= words;
        if (same) (kind = prior.kind), (licensed = true);
      }
      // a lone "one" or "één" is a pronoun unless a casualty verb follows its partitive: "one of them was killed"
      // ("one was killed", "één raakte gewond": the verb right after it)
      if (value === 1 && !ordinal && ((!noun && !(verbFound && verbGap <= 2)) || (noun && (noun.pseudo || second) && !verbFound))) licensed = false;
      // "you're not a victim": an article with a noun of uncertain kind needs the verb
      if (article && noun?.weak && !found) licensed = false;
    }
    // an article counts one only for a person who is a casualty: "een dode", "a civilian was killed", "een derde"
    if (article && !(ordinal || (noun && !noun.object))) licensed = false;
    if (article && (!kind || !CASUALTY.has(kind))) licensed = false;
    if (!kind || !licensed || !Number.isFinite(value) || value <= 0 || generic(i, end)) {
      i = Math.max(j, i + 1);
      continue;
    }
    // "zeker veertig doden en honderd gewonden": the hedge covers both figures
    if (approx === "exact" && prior && prior.approx !== "exact" && i > 0 && prior.end === i - 1 && c.coordinators.has(toks, i - 1)) approx = prior.approx;
    const start = toks.s[i]!;
    const e = toks.e[end - 1]!;
    out.push({ start, end: e, text: text.slice(start, e), kind, value, approx });
    prior = { kind, start: i, approx, end };
    i = Math.max(j, noun ? noun.end : j, i + 1);
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
  if (ctx.lang.counts.figureGivers?.length) creditGivenFigures(doc, ctx.lang.counts);
};

const giverMemo = new WeakMap<CountLexicon, RegExp>();
/** How many words after a figure-giving phrase may name what the figure counts ("missing people"). */
const GIVEN_NOUN_REACH = 3;
/** How far into its sentence the name of the one who gave a figure may begin (a title before it). */
const SUBJECT_REACH = 30;

/**
 * "10,000 are missing after the storm. X, head of the delegation, gave the number of missing people at a
 * press conference": a sentence that says its subject gave the figure of a kind, without a figure of that
 * kind of its own, makes the figure of that kind the sentence before states in the report's own voice the
 * subject's. The subject is a person or body named at the start of the sentence.
 */
function creditGivenFigures(doc: Doc, lex: CountLexicon): void {
  let re = giverMemo.get(lex);
  if (!re) giverMemo.set(lex, (re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${lex.figureGivers!.map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")).join("|")})\\s+`, "giu")));
  // (indexes made at the first phrase found: a report of many such sentences is read once, not once per phrase)
  let ix: { claims: Map<string, Claim>; entities: Map<string, Doc["entities"][number]>; spoken: Map<string, NonNullable<Claim["source"]>>; counts: Map<number, Count[]>; mentions: Doc["mentions"] } | undefined;
  let done = -1; // a sentence is read once, whatever the number of phrases in it
  for (const m of doc.text.matchAll(re)) {
    const si = doc.sentenceAt(m.index!);
    if (si <= 0 || si === done) continue;
    done = si;
    if (!ix) {
      const counts = new Map<number, Count[]>();
      for (const n of doc.counts) {
        const k = doc.sentenceAt(n.start);
        (counts.get(k) ?? counts.set(k, []).get(k)!).push(n);
      }
      const spoken = new Map<string, NonNullable<Claim["source"]>>();
      for (const c of doc.claims) if (c.source?.entity && !spoken.has(c.source.entity)) spoken.set(c.source.entity, c.source);
      ix = { claims: new Map(doc.claims.map((c) => [c.id, c])), entities: new Map(doc.entities.map((e) => [e.id, e])), spoken, counts, mentions: [...doc.mentions].sort((a, b) => a.start - b.start) };
    }
    const s = doc.sentences[si]!;
    const kind = givenKind(doc.text.slice(m.index! + m[0].length, Math.min(s.end, m.index! + m[0].length + 60)), lex);
    if (!kind || (ix.counts.get(si) ?? []).some((n) => n.kind === kind)) continue;
    // (after a title at most: "Burgemeester Anna Kool noemde het aantal vermisten")
    let lo = 0, hi = ix.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ix.mentions[mid]!.start < s.start) lo = mid + 1;
      else hi = mid;
    }
    let subject: Doc["mentions"][number] | undefined;
    for (let k = lo; k < ix.mentions.length; k++) {
      const x = ix.mentions[k]!;
      if (x.start > s.start + SUBJECT_REACH || x.start >= m.index!) break;
      if (x.entity && (x.type === "person" || x.type === "organization" || x.type === "group")) {
        subject = x;
        break;
      }
    }
    const entity = subject?.entity ? ix.entities.get(subject.entity) : undefined;
    if (!entity) continue;
    for (const n of ix.counts.get(si - 1) ?? []) {
      if (n.kind !== kind || !n.claim) continue;
      const c = ix.claims.get(n.claim);
      if (!c || c.source || c.status !== "established") continue;
      // the name as the report's claims give it elsewhere ("“The death toll is huge,” she said"), else the entity's
      const known = ix.spoken.get(entity.id);
      c.source = known ? { name: known.name, entity: entity.id, kind: known.kind, ...(known.role && { role: known.role }) } : { name: entity.name, entity: entity.id, kind: "other" };
      c.status = "claimed";
    }
  }
}

/** The kind a figure-giving phrase names in the words after it ("missing people", "vermisten"). */
function givenKind(after: string, lex: CountLexicon): CountKind | undefined {
  const words = after.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(0, GIVEN_NOUN_REACH);
  for (const w of words)
    for (const [kind, k] of Object.entries(lex.kinds) as [CountKind, CountLexicon["kinds"][CountKind]][]) {
      if (kind === "other") continue;
      if (k.nouns.some((n) => n === w || (lex.compoundNouns && !n.includes(" ") && w.endsWith(n)))) return kind;
    }
  return undefined;
}
