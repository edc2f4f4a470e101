import type { Doc, Span, Timex, TimexType } from "../../model/doc.js";
import type { Stage } from "../stage.js";
import { fineTokensOf, keyTokens, KD, KP, KW, Phrases, readNumber, scaleOf, tokenAt, tokId, wordId, WordSet, type FineToks } from "../counts/numbers.js";
import type { CountLexicon } from "../counts/lexicon.js";
import type { Approx, DayPart, Edge, Season, TimeLexicon, Unit } from "./lexicon.js";
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, pad, parseLocal, validDay, weekday, type Ymd } from "./calendar.js";

// A lexicon-driven TIMEX3 tagger in the manner of HeidelTime: the language pack names the words, the rules
// here combine them (number + unit, modifier + unit, day + month + year …) and normalise each expression
// against the publication date (DCT), the last date in the text (anaphora) and the tense of the clause.

interface Hit {
  i: number;
  j: number;
  value: string;
  type?: TimexType;
  mod?: string;
  /** A day counted from the moment of speaking ("gisteren", "this morning"): inside a quote, from when it was said. */
  deictic?: { offset: number; part?: DayPart };
}

/** What the times stage may know of the text from earlier stages: quotes (to date what is said) and names. */
export interface TimeContext {
  quotes?: readonly Span[];
  mentions?: readonly { start: number; end: number; type: string; text: string }[];
}
type Tense = "past" | "future" | "none";

interface Compiled {
  months: Phrases<number>;
  weekdays: Phrases<number>;
  seasons: Phrases<Season>;
  parts: Phrases<DayPart>;
  days: Phrases<{ offset: number; part?: DayPart; pastNight?: boolean }>;
  weekdayParts: Phrases<{ weekday: number; part: DayPart }>;
  units: Phrases<{ unit: Unit; plural: boolean; stretch?: boolean }>;
  relatives: Phrases<{ offset: number; durative?: boolean }>;
  determiners: Phrases<true>;
  articles: Phrases<true>;
  ofWords: Phrases<true>;
  ago: Phrases<true>;
  shifts: Phrases<number>;
  anaphors: Phrases<{ unit: "day" | "week" | "month" | "year"; offset: number; part?: DayPart }>;
  edges: Phrases<Edge>;
  theYear: Phrases<true>;
  approx: Phrases<Approx>;
  vague: Phrases<true>;
  vaguePluralAfter: Phrases<true>;
  every: Phrases<true>;
  sets: Phrases<string>;
  refs: Phrases<string>;
  clockWords: Phrases<true>;
  clockPrepositions: Phrases<true>;
  meridiem: Phrases<"am" | "pm">;
  zones: Phrases<string>;
  ordinals: Phrases<number>;
  quarterWords: Phrases<true>;
  halfWords: Phrases<true>;
  centuryWords: Phrases<true>;
  decadeNames: Phrases<string>;
  decadePrefixes: Phrases<true>;
  futureCues: Phrases<true>;
  pastCues: Phrases<true>;
  untilWords: Phrases<true>;
  than: Phrases<true>;
  ageAfter: Phrases<true>;
  vaguePluralBefore: Phrases<true>;
  blockers: Phrases<true>;
  unitAdjectives: Phrases<true>;
  nightOf: Phrases<true>;
  nightTo: Phrases<true>;
  namedClock: Phrases<string>;
  rangeWords: Phrases<true>;
  monthAbbrev: Set<string>;
  /** First tokens of every phrase a rule can start with: other tokens are skipped without trying the rules. */
  starts: Set<string>;
  /** Determiners and articles: frequent starts that only matter before another start or a phrase's second word. */
  prefixes: Set<string>;
  seconds: Set<string>;
  /** By word id: 1 a start, 2 a prefix, 4 a second word (the sets above, looked up once per token). */
  flags: Uint8Array;
  /** By word id: the rules (bits of R) whose expressions can open with the word. */
  rules: Uint16Array;
  ambiguousMonths: Set<string>;
  ambiguousSeasons: Set<string>;
  ordinalSuffixes: Set<string>;
  nameBefore: Set<string>;
  clauseJoiners: WordSet;
  dayPrepositions: Phrases<true>;
  dayMoments: Phrases<{ part: DayPart; prefixed?: boolean }>;
  dayMomentPrefixes: Phrases<true>;
  partPrepositions: Set<string>;
  birthCues: Phrases<true>;
  lastOrdinals: Phrases<true>;
}

const cache = new WeakMap<TimeLexicon, Compiled>();
const set = (xs: readonly string[]) => new Phrases(xs.map((x) => [x, true as const]));
function compile(lex: TimeLexicon): Compiled {
  let c = cache.get(lex);
  if (c) return c;
  c = {
    months: new Phrases(Object.entries(lex.months)),
    weekdays: new Phrases(Object.entries(lex.weekdays)),
    seasons: new Phrases(Object.entries(lex.seasons)),
    parts: new Phrases(Object.entries(lex.partsOfDay)),
    days: new Phrases(Object.entries(lex.days)),
    weekdayParts: new Phrases(Object.entries(lex.weekdayParts)),
    units: new Phrases(Object.entries(lex.units)),
    relatives: new Phrases(Object.entries(lex.relatives)),
    determiners: set(lex.determiners),
    articles: set(lex.articles),
    ofWords: set(lex.ofWords),
    ago: set(lex.ago),
    shifts: new Phrases(Object.entries(lex.shifts)),
    anaphors: new Phrases(Object.entries(lex.anaphors)),
    edges: new Phrases(Object.entries(lex.edges)),
    theYear: set(lex.theYear),
    approx: new Phrases(Object.entries(lex.approx)),
    vague: set(lex.vague),
    vaguePluralAfter: set(lex.vaguePluralAfter),
    every: set(lex.every),
    sets: new Phrases(Object.entries(lex.sets)),
    refs: new Phrases(Object.entries(lex.refs)),
    clockWords: set(lex.clockWords),
    clockPrepositions: set(lex.clockPrepositions),
    meridiem: new Phrases(Object.entries(lex.meridiem)),
    zones: new Phrases(Object.entries(lex.zones)),
    ordinals: new Phrases(Object.entries(lex.ordinals)),
    quarterWords: set(lex.quarterWords),
    halfWords: set(lex.halfWords),
    centuryWords: set(lex.centuryWords),
    decadeNames: new Phrases(Object.entries(lex.decadeNames)),
    decadePrefixes: set(lex.decadePrefixes),
    futureCues: set(lex.futureCues),
    pastCues: set(lex.pastCues),
    untilWords: set(lex.untilWords ?? []),
    than: set(lex.than),
    ageAfter: set(lex.ageAfter),
    vaguePluralBefore: set(lex.vaguePluralBefore),
    blockers: set(lex.blockers),
    unitAdjectives: set(lex.unitAdjectives),
    nightOf: set(lex.nightOf),
    nightTo: set(lex.nightTo),
    namedClock: new Phrases(Object.entries(lex.namedClock)),
    rangeWords: set(lex.rangeWords),
    // an abbreviation is a key that a longer name of the same month starts with: "feb", "sept" (not "june")
    starts: new Set(),
    prefixes: new Set(),
    seconds: new Set(),
    flags: new Uint8Array(0),
    rules: new Uint16Array(0),
    monthAbbrev: new Set(Object.keys(lex.months).filter((k) => Object.keys(lex.months).some((o) => o.length > k.length && o.startsWith(k) && lex.months[o] === lex.months[k]))),
    ambiguousMonths: new Set(lex.ambiguousMonths),
    ambiguousSeasons: new Set(lex.ambiguousSeasons),
    ordinalSuffixes: new Set(lex.ordinalSuffixes),
    nameBefore: new Set(lex.nameBefore ?? []),
    clauseJoiners: new WordSet(lex.clauseJoiners),
    dayPrepositions: set(lex.dayPrepositions),
    dayMoments: new Phrases(Object.entries(lex.dayMoments)),
    dayMomentPrefixes: set(lex.dayMomentPrefixes),
    partPrepositions: new Set(lex.partPrepositions),
    birthCues: set(lex.birthCues),
    lastOrdinals: set(lex.lastOrdinals),
  };
  const starts = new Set<string>(["'", "’"]);
  const seconds = new Set<string>();
  const first = (k: string) => {
    const t = keyTokens(k);
    if (t.length > 0) starts.add(t.t(0));
    if (t.length > 1) seconds.add(t.t(1));
  };
  for (const table of [lex.months, lex.weekdays, lex.seasons, lex.partsOfDay, lex.days, lex.weekdayParts, lex.units, lex.relatives, lex.anaphors, lex.edges, lex.approx, lex.sets, lex.refs, lex.ordinals, lex.decadeNames, lex.numbers.words, lex.numbers.fractions, lex.dayMoments])
    for (const k of Object.keys(table)) first(k);
  for (const list of [lex.nightOf, Object.keys(lex.namedClock), lex.determiners, lex.theYear, lex.vague, lex.vaguePluralAfter, lex.every, lex.decadePrefixes, lex.blockers, lex.quarterWords, lex.numbers.articles, lex.lastOrdinals]) for (const k of list) first(k);
  // words that continue an expression after its first word
  for (const list of [lex.vaguePluralBefore, lex.unitAdjectives, lex.rangeWords, lex.ago, Object.keys(lex.shifts), lex.clockWords, Object.keys(lex.meridiem), Object.keys(lex.zones), lex.ofWords, lex.quarterWords, lex.halfWords, lex.centuryWords, lex.ordinalSuffixes, lex.numbers.andAHalf, Object.keys(lex.numbers.scales), lex.numbers.joiners, lex.ageAfter])
    for (const k of list) {
      const t = keyTokens(k);
      if (t.length) seconds.add(t.t(0));
    }
  for (const p of ["-", ",", ".", "/", ":"]) seconds.add(p);
  starts.add("q");
  c.starts = starts;
  c.seconds = seconds;
  // a start that is no expression on its own ("the", "in", "three") only matters before another start
  const standalone = new Set<string>();
  for (const table of [lex.months, lex.weekdays, lex.seasons, lex.days, lex.weekdayParts, lex.sets, lex.refs, lex.decadeNames, lex.namedClock, lex.dayMoments])
    for (const k of Object.keys(table)) {
      const t = keyTokens(k);
      if (t.length === 1) standalone.add(t.t(0));
    }
  c.prefixes = new Set([...starts].filter((x) => !standalone.has(x)));
  const flagged: [number, number][] = [];
  for (const [set, bit] of [[c.starts, 1], [c.prefixes, 2], [c.seconds, 4]] as const) for (const w of set) flagged.push([wordId(w), bit]);
  c.flags = new Uint8Array(Math.max(0, ...flagged.map(([id]) => id)) + 1);
  for (const [id, bit] of flagged) c.flags[id]! |= bit;
  // which rules can open at a word: each rule is tried only where its first word stands
  const ruleWords: [number, string[]][] = [
    [R.anaphor, Object.keys(lex.anaphors)],
    [R.nightOf, lex.nightOf],
    [R.edged, Object.keys(lex.edges)],
    [R.clock, Object.keys(lex.namedClock)],
    [R.explicitDate, ["'", "’", "q", ...lex.determiners, ...Object.keys(lex.ordinals), ...lex.lastOrdinals, ...Object.keys(lex.months), ...Object.keys(lex.decadeNames), ...lex.decadePrefixes, ...Object.keys(lex.seasons)]],
    [R.weekday, [...Object.keys(lex.weekdays), ...Object.keys(lex.weekdayParts)]],
    [R.dayWord, Object.keys(lex.days)],
    [R.dayPart, Object.keys(lex.dayMoments)],
    [R.thePart, lex.articles],
    [R.relative, [...lex.articles, ...Object.keys(lex.relatives)]],
    [R.duration, [...Object.keys(lex.approx), ...lex.determiners, ...Object.keys(lex.numbers.words), ...lex.numbers.articles, ...Object.keys(lex.numbers.fractions), ...lex.vague]],
    [R.setExpr, [...Object.keys(lex.sets), ...lex.every]],
    [R.vaguePlural, [...Object.keys(lex.units), ...lex.vaguePluralAfter]],
    [R.ref, Object.keys(lex.refs)],
  ];
  const masks: [number, number][] = [];
  for (const [bit, words] of ruleWords)
    for (const k of words) {
      const t = keyTokens(k);
      if (t.length) masks.push([wordId(t.t(0)), bit]);
    }
  c.rules = new Uint16Array(Math.max(0, ...masks.map(([id]) => id)) + 1);
  for (const [id, bit] of masks) c.rules[id]! |= bit;
  cache.set(lex, c);
  return c;
}

/** One bit per rule of `Tagger.at`. */
const R = {
  anaphor: 1,
  nightOf: 2,
  edged: 4,
  clock: 8,
  explicitDate: 16,
  weekday: 32,
  dayWord: 64,
  dayPart: 128,
  thePart: 256,
  relative: 512,
  duration: 1024,
  setExpr: 2048,
  vaguePlural: 4096,
  ref: 8192,
} as const;
/** The rules a number written in digits can open. */
const DIGIT_RULES = R.clock | R.explicitDate | R.duration;

const UNIT_CODE: Record<Unit, string> = {
  second: "TS",
  minute: "TM",
  hour: "TH",
  day: "D",
  week: "W",
  weekend: "WE",
  month: "M",
  quarter: "Q",
  half: "H",
  year: "Y",
  decade: "DE",
  century: "CE",
};

/** TIMEX3 duration: P3D, PT24H, P10Y for a decade (the TempEval convention), PXM when vague. */
export function durationValue(n: number | "X", unit: Unit): string {
  if (unit === "decade" && n !== "X") return `P${fmtNum(n * 10)}Y`;
  if (unit === "century" && n !== "X") return `P${fmtNum(n * 100)}Y`;
  if (unit === "half" && n !== "X") return `P${fmtNum(n * 6)}M`;
  const code = UNIT_CODE[unit];
  const num = n === "X" ? "X" : fmtNum(n);
  return code.startsWith("T") ? `PT${num}${code.slice(1)}` : `P${num}${code}`;
}
const fmtNum = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

// ASCII answered by code, the rest by the Unicode class
/** The longer of two hits at token i (the earlier one on a tie); a hit must cover a token. */
const better = (best: Hit | null, h: Hit | null, i: number): Hit | null => (h && h.j > i && (!best || h.j > best.j) ? h : best);

class Tagger {
  readonly c: Compiled;
  readonly toks: FineToks;
  readonly dct: Ymd;
  readonly dctHour: number;
  /** The last date in the text at day, month and year granularity (the DCT until one is seen). */
  anchor: Ymd;
  anchorMonth: Ymd;
  anchorYear: number;
  sentDay: Ymd | null = null;
  /** Token index after the last expression found: a look behind stops there. */
  lastEnd = 0;
  sentStart = 0;
  sentEnd = 0;
  private cues: Map<number, number> | null = null;

  constructor(
    readonly text: string,
    readonly lex: TimeLexicon,
    published: string,
    /** Nouns that a number counts ("2000 soldiers" is not a year). */
    readonly countNouns: ReadonlySet<string> = new Set(),
  ) {
    this.c = compile(lex);
    this.toks = fineTokensOf(text);
    const p = parseLocal(published) ?? { date: { y: 2000, m: 1, d: 1 }, hour: 12 };
    this.dct = p.date;
    this.dctHour = p.hour;
    this.anchor = p.date;
    this.anchorMonth = p.date;
    this.anchorYear = p.date.y;
  }

  // ---------- helpers over tokens ----------
  /** Token i is in the sentence (the sentences' tokens are read up to its end only). */
  tok(i: number): boolean {
    return i >= 0 && i < this.sentEnd;
  }
  /** Kind of token i, 0 past the sentence. */
  kd(i: number): number {
    return i >= 0 && i < this.sentEnd ? this.toks.k[i]! : 0;
  }
  /** Lower-cased text of token i, "" past the sentence. */
  tt(i: number): string {
    return i >= 0 && i < this.sentEnd ? this.toks.t(i) : "";
  }
  m<V>(p: Phrases<V>, i: number): [V, number] | null {
    if (i >= this.sentEnd) return null;
    const r = p.match(this.toks, i);
    return r && r[1] <= this.sentEnd ? r : null;
  }
  /** Skips one determiner ("the", "de") if present. */
  det(i: number): number {
    const d = this.m(this.c.determiners, i);
    return d ? d[1] : i;
  }
  glued(i: number): boolean {
    return this.tok(i) && !this.toks.sp(i);
  }
  isPunct(i: number, ch: string): boolean {
    return this.tok(i) && this.toks.k[i] === KP && this.toks.is(i, ch);
  }
  /** A word boundary after token j-1: the next token is not glued letters or digits. */
  endsClean(j: number): boolean {
    return !this.tok(j) || this.toks.sp(j) || this.toks.k[j] === KP;
  }
  startsClean(i: number): boolean {
    return i <= 0 || this.toks.sp(i) || this.toks.k[i - 1] === KP;
  }
  sentenceInitial(i: number): boolean {
    // only marks (quotes, dashes) may precede; a long run of marks is no sentence start either
    for (let k = i - 1, n = 0; k >= this.sentStart; k--, n++) if (this.toks.k[k] !== KP || n > 8) return false;
    return true;
  }

  // ---------- tense of the clause ----------
  /** A new clause starts at token k: "; …", ", and …", ", maar …". */
  clauseBreak(k: number): boolean {
    const toks = this.toks;
    if (toks.k[k] === KP) return toks.is(k, ";");
    return this.c.clauseJoiners.has(toks, k) && k > 0 && toks.is(k - 1, ",");
  }

  /** Tense cue at token k, cached per sentence: 1 future, -1 listed past word, -2 past shape ("-ed"), 0 none. */
  cueAt(k: number): number {
    if (!this.cues) this.cues = new Map();
    let v = this.cues.get(k);
    if (v === undefined) {
      if (this.m(this.c.futureCues, k)) v = 1;
      else if (this.m(this.c.pastCues, k)) v = -1;
      else if (this.toks.k[k] === KW) {
        const w = this.toks.t(k);
        v = this.lex.pastPatterns.some((r) => r.test(w)) ? -2 : 0;
      } else v = 0;
      this.cues.set(k, v);
    }
    return v;
  }

  /** Tense of the clause around token `at`, from cue words within a window (bounded work per call). */
  /** `after`: where the expression ends ("23 May" must not read its own "May" as the modal verb). */
  tense(at: number, after = at + 1): Tense {
    const W = 30;
    const lo = Math.max(this.sentStart, at - W);
    const hi = Math.min(this.sentEnd, at + W);
    // the clause only: "warned of the coming storm, and on Sunday they ordered …" is past; every scan stops
    // where a new clause begins
    // a future auxiliary shortly before the expression governs it ("is due to be published in May")
    for (let k = at - 1; k >= lo && at - k <= 10 && !this.clauseBreak(k); k--) if (this.cueAt(k) === 1) return "future";
    // the nearest cue before the expression (a listed word at the same place outranks a shape), else after
    for (let k = at - 1; k >= lo && !this.clauseBreak(k); k--) {
      const v = this.cueAt(k);
      if (v !== 0) return v === 1 ? "future" : "past";
    }
    for (let k = after; k < hi && !this.clauseBreak(k); k++) {
      const v = this.cueAt(k);
      if (v !== 0) return v === 1 ? "future" : "past";
    }
    return "none";
  }


  // ---------- resolution ----------
  weekdayDate(wd: number, at: number): Ymd {
    const cur = weekday(this.dct);
    if (wd === cur) return this.dct;
    const back = (cur - wd + 7) % 7;
    return this.tense(at) === "future" || this.untilAhead(at) ? addDays(this.dct, 7 - back) : addDays(this.dct, -back);
  }

  /**
   * "blijft tot zeker vrijdag gesloten", "closed through Friday": a stretch that lasts until the day looks
   * ahead, unless its clause says in a past word that it is over ("bleef tot vrijdag gesloten"); the end of
   * a range whose start is a day too ("van maandag tot woensdag") goes with its start.
   */
  untilAhead(at: number): boolean {
    for (let k = Math.max(this.sentStart, at - 4); k < at; k++) {
      const u = this.m(this.c.untilWords, k);
      if (!u || u[1] !== at) continue;
      if (k > this.sentStart && this.m(this.c.weekdays, k - 1)) return false;
      // (within the commas: "…, heeft de rechter besloten", "…, police said" tell when it was said, not how long it lasts)
      for (let b = k - 1; b >= Math.max(this.sentStart, k - 30) && !this.isPunct(b, ","); b--) if (this.cueAt(b) === -1) return false;
      for (let a = at + 1; a < Math.min(this.sentEnd, at + 30) && !this.isPunct(a, ","); a++) if (this.cueAt(a) === -1) return false;
      return true;
    }
    return false;
  }
  monthYear(mo: number, at: number, after?: number): number {
    const { y, m } = this.dct;
    if (mo === m) return y;
    const t = this.tense(at, after);
    if (t === "future") return mo > m ? y : y + 1;
    if (t === "past") return mo < m ? y : y - 1;
    return y;
  }
  /** The year a season starts in, for a modifier offset (-1 last, 1 next, 0 this) or else the tense. */
  seasonYear(s: Season, at: number, offset?: number): number {
    // seasons counted absolutely; winter starts in December and carries that year (2022-WI = Dec 2022 – Feb 2023)
    const { y, m } = this.dct;
    const idx = (x: Season) => ["SP", "SU", "FA", "WI"].indexOf(x);
    const cur = m >= 3 && m <= 5 ? y * 4 : m >= 6 && m <= 8 ? y * 4 + 1 : m >= 9 && m <= 11 ? y * 4 + 2 : m === 12 ? y * 4 + 3 : (y - 1) * 4 + 3;
    const want = idx(s);
    const prev = cur - ((((cur % 4) - want) % 4) + 4) % 4; // latest occurrence at or before now
    const next = prev === cur ? cur : prev + 4;
    let abs: number;
    if (offset !== undefined) abs = offset < 0 ? (prev === cur ? cur - 4 : prev) : offset > 0 ? (next === cur ? cur + 4 : next) : cur - prev <= next - cur ? prev : next;
    else {
      const t = this.tense(at);
      abs = prev === cur ? cur : t === "future" ? next : t === "past" ? prev : cur - prev <= next - cur ? prev : next;
    }
    return Math.floor(abs / 4);
  }

  // ---------- rules ----------
  /** A four-digit year at i (or '82). */
  year(i: number, loose = false): { y: number; j: number } | null {
    if (!this.tok(i)) return null;
    const toks = this.toks;
    if ((toks.is(i, "'") || toks.is(i, "’")) && this.kd(i + 1) === KD && this.glued(i + 1) && toks.len(i + 1) === 2 && this.endsClean(i + 2)) {
      const n = toks.num(i + 1);
      const y = 2000 + n <= this.dct.y + 1 ? 2000 + n : 1900 + n;
      return { y, j: i + 2 };
    }
    if (toks.k[i] !== KD || toks.len(i) !== 4 || !this.startsClean(i) || !this.endsClean(i + 1)) return null;
    const y = toks.num(i);
    if (y < (loose ? 1000 : 1800) || y > 2100) return null;
    const prev = i > 0;
    const next = this.tok(i + 1);
    if (prev && /^[$€£¥#]$/.test(toks.t(i - 1))) return null;
    if (prev && !toks.sp(i) && (toks.is(i - 1, ".") || toks.is(i - 1, ","))) return null;
    if (next && !toks.sp(i + 1) && (toks.is(i + 1, ",") || toks.is(i + 1, ".")) && this.kd(i + 2) === KD && !toks.sp(i + 2)) return null;
    if (next && (toks.is(i + 1, "%") || scaleOf(this.lex.numbers, toks.t(i + 1)) !== undefined || this.m(this.c.units, i + 1) || this.countNouns.has(toks.t(i + 1)))) return null;
    return { y, j: i + 1 };
  }

  dayNumber(i: number): { d: number; j: number } | null {
    if (!this.tok(i)) return null;
    const toks = this.toks;
    if (toks.k[i] === KD && toks.len(i) <= 2 && this.startsClean(i)) {
      const d = toks.num(i);
      if (d < 1 || d > 31) return null;
      let j = i + 1;
      if (this.tok(j) && !toks.sp(j) && toks.k[j] === KW) {
        if (!this.c.ordinalSuffixes.has(toks.t(j))) return null;
        j++;
      }
      if (this.isPunct(j, ".") && this.glued(j) && this.lex.numericOrder === "dmy" && this.kd(j + 1) === KW) j++; // 22. Mai style
      return { d, j };
    }
    const o = this.m(this.c.ordinals, i);
    if (o && o[0] >= 1 && o[0] <= 31) return { d: o[0], j: o[1] };
    return null;
  }

  /** A month name at i; `alone` asks for the stricter checks a month without a day or year needs. */
  month(i: number, alone: boolean): { mo: number; j: number } | null {
    const r = this.m(this.c.months, i);
    if (!r) return null;
    const toks = this.toks;
    if (!this.startsClean(i)) return null;
    let j = r[1];
    if (this.isPunct(j, ".") && this.glued(j) && this.c.monthAbbrev.has(toks.t(i))) j++; // Feb.
    else if (!this.endsClean(j) && !(this.tt(j) === "-")) return null;
    const ambiguous = this.c.ambiguousMonths.has(toks.t(i));
    if (this.lex.monthsCapitalised && !toks.cap(i)) return null;
    if (alone) {
      if (!this.lex.monthsCapitalised && toks.cap(i) && !this.sentenceInitial(i)) return null; // Maart in a name
      const prev = i > this.sentStart;
      if (prev && toks.k[i - 1] === KW && toks.cap(i - 1) && !this.sentenceInitial(i - 1) && !this.m(this.c.clockPrepositions, i - 1)) return null; // Theresa May
      if (prev && this.c.nameBefore.has(toks.t(i - 1))) return null;
      if (ambiguous && this.sentenceInitial(i)) return null;
      if (ambiguous && this.kd(j) === KW && toks.cap(j)) return null;
    }
    return { mo: r[0], j };
  }

  explicitDate(i: number): Hit | null {
    if (!this.tok(i)) return null;
    const toks = this.toks;
    // numeric: 2023-05-22, 22-05-2023, 22/05/2023, 5/22/2023, 7/8/07
    if (toks.k[i] === KD && this.startsClean(i)) {
      const s1 = i + 1, b = i + 2, s2 = i + 3, c = i + 4;
      if (this.tok(c) && !toks.sp(s1) && !toks.sp(b) && !toks.sp(s2) && !toks.sp(c) && toks.k[s1] === KP && toks.t(s1) === toks.t(s2) && "-/.".includes(toks.t(s1)) && toks.k[b] === KD && toks.k[c] === KD && this.endsClean(i + 5)) {
        const al = toks.len(i), bl = toks.len(b), cl = toks.len(c);
        let y: number, mo: number, d: number;
        if (al === 4) (y = toks.num(i)), (mo = toks.num(b)), (d = toks.num(c));
        else if (cl === 4 || cl === 2) {
          const cn = toks.num(c);
          y = cl === 4 ? cn : 2000 + cn <= this.dct.y + 1 ? 2000 + cn : 1900 + cn;
          let first = toks.num(i), second = toks.num(b);
          if (this.lex.numericOrder === "mdy" ? first <= 12 : second > 12) [first, second] = [second, first];
          (d = first), (mo = second);
          if (al > 2 || bl > 2) return null;
        } else return null;
        if (validDay(y, mo, d) && y >= 1800 && y <= 2100) return { i, j: i + 5, value: fmtDay({ y, m: mo, d }) };
      }
    }
    let best: Hit | null = null;
    const take = (h: Hit | null) => {
      if (h && (!best || h.j > best.j)) best = h;
    };
    // [the] 22 [of] May [,] [2023]
    {
      const k = this.det(i);
      const dn = this.dayNumber(k);
      if (dn) {
        let j = dn.j;
        const of = this.m(this.c.ofWords, j);
        if (of) j = of[1];
        const mo = this.month(j, false);
        if (mo) {
          let e = mo.j;
          let y: number | null = null;
          const yy = this.year(this.isPunct(e, ",") ? e + 1 : e, true);
          const ry = yy ? null : this.relYear(e); // 24 februari vorig jaar
          if (yy) (y = yy.y), (e = yy.j);
          else if (ry) (y = ry.y), (e = ry.j);
          const year = y ?? this.monthYear(mo.mo, i, e);
          if (validDay(year, mo.mo, dn.d)) take({ i, j: e, value: fmtDay({ y: year, m: mo.mo, d: dn.d }) });
        }
      }
    }
    // May 22[nd][,] [2023] | May 2010 | May [of] 2010 | May
    {
      const mo = this.month(i, false);
      if (mo) {
        let j = mo.j;
        const dn = this.dayNumber(j);
        const yy0 = this.year(j, true);
        if (dn && !yy0 && !this.m(this.c.units, dn.j)) {
          let e = dn.j;
          let y: number | null = null;
          const yy = this.year(this.isPunct(e, ",") ? e + 1 : e, true);
          if (yy) (y = yy.y), (e = yy.j);
          const year = y ?? this.monthYear(mo.mo, i, e);
          if (validDay(year, mo.mo, dn.d)) take({ i, j: e, value: fmtDay({ y: year, m: mo.mo, d: dn.d }) });
        }
        if (this.isPunct(j, ",")) j++;
        else {
          const of = this.m(this.c.ofWords, j);
          if (of) j = of[1];
        }
        const yy = this.year(j, true);
        if (yy) take({ i, j: yy.j, value: fmtMonth(yy.y, mo.mo) });
        const ry = this.relYear(j);
        if (ry) take({ i, j: ry.j, value: fmtMonth(ry.y, mo.mo) });
        if (!best) {
          const alone = this.month(i, true);
          if (alone) take({ i, j: alone.j, value: fmtMonth(this.monthYear(alone.mo, i, alone.j), alone.mo) });
        }
      }
    }
    // [the] first quarter [of 2009 | of this year], Q1 2009, third-quarter; first half of 2009
    {
      const k = this.det(i);
      let ord: [number, number] | null = this.m(this.c.ordinals, k);
      // "the final quarter of 2009": the last one of the year named after it
      const fin = ord ? null : this.m(this.c.lastOrdinals, k);
      if (fin) {
        let f = fin[1];
        if (this.isPunct(f, "-") && this.glued(f)) f++;
        const q = this.m(this.c.quarterWords, f);
        const h = q ? null : this.m(this.c.halfWords, f);
        const of = q || h ? this.m(this.c.ofWords, (q ?? h)![1]) : null;
        if (of && (this.year(of[1], true) || this.relYear(of[1]))) ord = [q ? 4 : 2, fin[1]];
      }
      if (!ord) {
        if (this.kd(k) === KD && this.toks.len(k) <= 2) {
          if (this.tok(k + 1) && !this.toks.sp(k + 1) && this.c.ordinalSuffixes.has(this.toks.t(k + 1))) ord = [this.toks.num(k), k + 2];
        }
      }
      if (ord) {
        let j = ord[1];
        if (this.isPunct(j, "-") && this.glued(j)) j++;
        const q = this.m(this.c.quarterWords, j);
        const h = q ? null : this.m(this.c.halfWords, j);
        const cen = q || h ? null : this.m(this.c.centuryWords, j);
        if (cen && ord[0] >= 1 && ord[0] <= 30) take({ i, j: cen[1], value: pad(ord[0] - 1, 2) });
        if ((q && ord[0] >= 1 && ord[0] <= 4) || (h && ord[0] >= 1 && ord[0] <= 2)) {
          const n = ord[0];
          const code = q ? "Q" : "H";
          const per = q ? 3 : 6;
          let e = (q ?? h)![1];
          let y: number | null = null;
          const of = this.m(this.c.ofWords, e);
          if (of) {
            const yy = this.year(of[1], true);
            const rel = yy ? null : this.relYear(of[1]);
            if (yy) (y = yy.y), (e = yy.j);
            else if (rel) (y = rel.y), (e = rel.j);
          } else {
            const yy = this.year(e);
            if (yy) (y = yy.y), (e = yy.j);
          }
          if (y === null) {
            const cur = Math.floor((this.dct.m - 1) / per) + 1;
            const tn = this.tense(i);
            y = this.dct.y;
            if (tn === "future") y = n >= cur ? y : y + 1;
            else if (n >= cur) y = y - 1;
          }
          take({ i, j: e, value: `${y}-${code}${n}` });
        }
      }
      if (this.tt(k) === "q" && this.kd(k + 1) === KD && this.glued(k + 1) && this.endsClean(k + 2)) {
        const n = this.toks.num(k + 1);
        const yy = this.year(k + 2);
        if (n >= 1 && n <= 4 && yy) take({ i, j: yy.j, value: `${yy.y}-Q${n}` });
      }
    }
    // [the] 1990s, '90s, 70s; the nineties; de jaren negentig, jaren '90
    {
      const k = this.det(i);
      if (this.tok(k)) {
        const toks = this.toks;
        let at = k;
        if ((toks.is(k, "'") || toks.is(k, "’")) && this.kd(k + 1) === KD && this.glued(k + 1)) at = k + 1;
        if (this.kd(at) === KD && this.tok(at + 1) && !toks.sp(at + 1) && toks.t(at + 1) === "s" && this.endsClean(at + 2) && (toks.len(at) === 4 || toks.len(at) === 2)) {
          const d = toks.raw(at);
          if (d.endsWith("0")) take({ i, j: at + 2, value: d.length === 4 ? d.slice(0, 3) : `19${d[0]}` });
        }
        const dn = this.m(this.c.decadeNames, k);
        if (dn) take({ i, j: dn[1], value: dn[0] });
        const pre = this.m(this.c.decadePrefixes, k);
        if (pre) {
          let p = pre[1];
          if (this.tt(p) === "'" || this.tt(p) === "’") p++;
          const dn2 = this.m(this.c.decadeNames, p);
          if (dn2) take({ i, j: dn2[1], value: dn2[0] });
          else if (this.kd(p) === KD && this.toks.len(p) === 2 && this.toks.raw(p).endsWith("0")) take({ i, j: p + 1, value: `19${this.toks.raw(p)[0]}` });
          else {
            const w = readNumber(this.toks, p, this.lex.numbers);
            if (w && !w.digits && w.value >= 20 && w.value <= 90 && w.value % 10 === 0 && w.j <= this.sentEnd) take({ i, j: w.j, value: `19${w.value / 10}` });
          }
        }
      }
    }
    // [the] summer [of] 2022, summer 2022, [the] summer
    {
      const k = this.det(i);
      const s = this.m(this.c.seasons, k);
      if (s) {
        let j = s[1];
        const of = this.m(this.c.ofWords, j);
        const yy = this.year(of ? of[1] : j, true);
        if (yy) take({ i, j: yy.j, value: `${yy.y}-${s[0]}` });
        else {
          const ambiguous = this.c.ambiguousSeasons.has(this.toks.t(k));
          // "the fall of the Berlin Wall"
          if (!ambiguous || (k > i && !of)) take({ i, j, value: `${this.seasonYear(s[0], i)}-${s[0]}` });
        }
      }
    }
    // 2023
    {
      const yy = this.year(i);
      if (yy) take({ i, j: yy.j, value: String(yy.y) });
    }
    return best;
  }

  /** "this year", "last year", "vorig jaar" as a year number (for "the first quarter of last year"). */
  relYear(i: number): { y: number; j: number } | null {
    const r = this.m(this.c.relatives, i);
    if (!r) return null;
    const u = this.m(this.c.units, r[1]);
    if (!u || u[0].unit !== "year") return null;
    return { y: this.dct.y + r[0].offset, j: u[1] };
  }

  /** Modifier + unit, month, weekday, season or part of day: last week, vorig jaar, the past 24 hours. */
  relative(i: number): Hit | null {
    const art = this.m(this.c.articles, i);
    let k = art ? art[1] : i;
    let r = this.m(this.c.relatives, k);
    if (!r && k > i) {
      // "over the weekend", "in het weekend": the last one in a past clause, else the coming one
      const wk = this.m(this.c.units, k);
      if (wk && wk[0].unit === "weekend" && !wk[0].plural && this.endsClean(wk[1])) {
        const back = (weekday(this.dct) + 1) % 7; // days since the last Saturday (0 on a Saturday)
        const sat = this.tense(i) === "future" && back > 1 ? addDays(this.dct, 7 - back) : addDays(this.dct, -back);
        return { i, j: wk[1], value: `${fmtWeek(sat)}-WE` };
      }
      (k = i), (r = this.m(this.c.relatives, i));
    }
    if (!r) return null;
    const hasDet = k > i;
    const { offset, durative } = r[0];
    const j = r[1];
    // the past 24 hours, de afgelopen drie dagen, the next few months
    const n = readNumber(this.toks, j, this.lex.numbers);
    const vg = n ? null : this.m(this.c.vague, j);
    if ((n && n.j <= this.sentEnd) || vg) {
      const u = this.m(this.c.units, n ? n.j : vg![1]);
      if (u) return { i, j: u[1], value: durationValue(n ? n.value : "X", u[0].unit), type: "DURATION" };
      return null;
    }
    const u = this.m(this.c.units, j);
    if (u) {
      const unit = u[0].unit;
      if (u[0].plural) {
        if (offset === 0) return null;
        // "the coming days and weeks", "de afgelopen weken of maanden": no one unit, a stretch of the past or future
        const rw = this.m(this.c.rangeWords, u[1]);
        const u2 = rw ? this.m(this.c.units, rw[1]) : null;
        if (u2 && u2[0].plural && this.endsClean(u2[1])) return { i, j: u2[1], value: offset > 0 ? "FUTURE_REF" : "PAST_REF", type: "DATE" };
        return { i, j: u[1], value: durationValue("X", unit), type: "DURATION" };
      }
      if ((hasDet && (durative || unit === "decade" || unit === "century")) || u[0].stretch) return { i, j: u[1], value: durationValue(1, unit), type: "DURATION" };
      // volgende week dinsdag: a weekday of that week
      const wd = unit === "week" ? this.m(this.c.weekdays, u[1]) : null;
      if (wd) {
        const monday = addDays(this.dct, 7 * offset - (weekday(this.dct) - 1));
        return { i, j: wd[1], value: fmtDay(addDays(monday, wd[0] - 1)) };
      }
      const v = this.shiftUnit(this.dct, unit, offset);
      return v ? { i, j: u[1], value: v } : null;
    }
    const mo = this.month(j, false);
    if (mo) {
      const { y, m } = this.dct;
      const year = offset < 0 ? (mo.mo < m ? y : y - 1) : offset > 0 ? (mo.mo > m ? y : y + 1) : y;
      return { i, j: mo.j, value: fmtMonth(year, mo.mo) };
    }
    const wd = this.m(this.c.weekdays, j);
    if (wd) {
      const cur = weekday(this.dct);
      let d: Ymd;
      if (offset < 0) d = addDays(this.dct, -(((cur - wd[0] + 7) % 7) || 7));
      else if (offset > 0) d = addDays(this.dct, ((wd[0] - cur + 7) % 7) || 7);
      else d = addDays(this.dct, wd[0] - cur);
      const p = this.m(this.c.parts, wd[1]);
      if (p) return { i, j: p[1], value: `${fmtDay(d)}T${p[0]}`, type: "TIME" };
      return { i, j: wd[1], value: fmtDay(d) };
    }
    const s = this.m(this.c.seasons, j);
    if (s) return { i, j: s[1], value: `${this.seasonYear(s[0], i, offset)}-${s[0]}` };
    const p = this.m(this.c.parts, j);
    if (p && !hasDet) {
      // this morning; last night = the night before today
      const o = Math.sign(offset);
      return { i, j: p[1], value: `${fmtDay(addDays(this.dct, o))}T${p[0]}`, type: "TIME", deictic: { offset: o, part: p[0] } };
    }
    return null;
  }

  shiftUnit(from: Ymd, unit: Unit, n: number): string | null {
    switch (unit) {
      case "day":
        return fmtDay(addDays(from, n));
      case "week":
        return fmtWeek(addDays(from, 7 * n));
      case "weekend":
        return `${fmtWeek(addDays(from, 7 * n))}-WE`;
      case "month": {
        const d = addMonths(from, n);
        return fmtMonth(d.y, d.m);
      }
      case "quarter": {
        const d = addMonths(from, 3 * n);
        return `${d.y}-Q${Math.floor((d.m - 1) / 3) + 1}`;
      }
      case "half": {
        const d = addMonths(from, 6 * n);
        return `${d.y}-H${d.m <= 6 ? 1 : 2}`;
      }
      case "year":
        return String(from.y + n);
      case "decade":
        return String(Math.floor(from.y / 10) + n);
      case "century":
        return String(Math.floor(from.y / 100) + n);
      default:
        return null;
    }
  }

  /** today, gisteravond, the day before yesterday [+ morning]. */
  dayWord(i: number): Hit | null {
    const r = this.m(this.c.days, i);
    if (!r) return null;
    if (!this.startsClean(i) || !this.endsClean(r[1])) return null;
    // Dutch "morgen" after a determiner is the morning, not tomorrow
    if (r[1] === i + 1 && this.m(this.c.parts, i) && i > this.sentStart && (this.m(this.c.determiners, i - 1) || this.m(this.c.relatives, i - 1) || this.m(this.c.every, i - 1))) return null;
    // "De Financiële Morgen": a capitalised day word after a capitalised word is part of a name
    const toks = this.toks;
    if (toks.cap(i) && i > this.sentStart && toks.k[i - 1] === KW && toks.cap(i - 1) && !this.sentenceInitial(i - 1)) return null;
    let { offset, part } = r[0];
    let j = r[1];
    if (!part) {
      const p = this.m(this.c.parts, j);
      if (p) (part = p[0]), (j = p[1]);
    }
    // a night carries the date of the evening it starts: "tonight" written before dawn is the night that began
    // the day before, and so is "vannacht" told in the past tense (last night)
    if (part === "NI" && offset === 0 && (this.dctHour < 6 || (r[0].pastNight && this.tense(i) === "past"))) offset = -1;
    const d = addDays(this.dct, offset);
    const deictic: NonNullable<Hit["deictic"]> = { offset };
    if (part) deictic.part = part;
    return part ? { i, j, value: `${fmtDay(d)}T${part}`, type: "TIME", deictic } : { i, j, value: fmtDay(d), deictic };
  }

  /** just before dawn, bij zonsopgang, after nightfall [on Sunday]: a part of the day the sentence speaks of. */
  dayPartPhrase(i: number): Hit | null {
    const r = this.m(this.c.dayMoments, i);
    if (!r || !this.startsClean(i) || !this.endsClean(r[1])) return null;
    // "Dawn" in mid-sentence is a name ("by Dawn Butler")
    const last = r[1] - 1;
    if (this.toks.cap(last) && !this.sentenceInitial(last)) return null;
    // the preposition before the moment stays in the span ("just before dawn", "vlak voor zonsopgang"); it is
    // looked for behind the moment, so that frequent words like "before" or "voor" open no search of their own
    const from = this.momentPrefix(i);
    if (r[0].prefixed && from === i) return null;
    const day = this.dayAfter(r[1]) ?? this.sentDay ?? this.dct;
    return { i: from, j: r[1], value: `${fmtDay(day)}T${r[0].part}`, type: "TIME" };
  }

  /** "(in de loop van) de avond", "(during) the night": that part of the day the text last named. */
  thePart(i: number): Hit | null {
    if (i <= this.sentStart || !this.c.partPrepositions.has(this.toks.t(i - 1))) return null;
    const a = this.m(this.c.articles, i);
    const p = a ? this.m(this.c.parts, a[1]) : null;
    if (!p || !this.endsClean(p[1])) return null;
    // "de avond van 22 maart", "the night of the attack" (the night-of rule reads a date after it)
    if (this.m(this.c.ofWords, p[1])) return null;
    if (this.tense(i) === "future") return null;
    return { i, j: p[1], value: `${fmtDay(this.anchor)}T${p[0]}`, type: "TIME" };
  }

  /** Where a preposition before a moment of the day begins ("just before", "kort na"), else i. */
  momentPrefix(i: number): number {
    for (let k = Math.max(this.sentStart, this.lastEnd, i - 3); k < i; k++) {
      const p = this.m(this.c.dayMomentPrefixes, k);
      if (p && p[1] === i) return k;
    }
    return i;
  }

  /** Monday, maandagavond, Friday afternoon, Monday, May 22. */
  weekdayExpr(i: number): Hit | null {
    const wp = this.m(this.c.weekdayParts, i);
    if (wp) {
      const d = this.weekdayDate(wp[0].weekday, i);
      return { i, j: wp[1], value: `${fmtDay(d)}T${wp[0].part}`, type: "TIME" };
    }
    const r = this.m(this.c.weekdays, i);
    if (!r || !this.startsClean(i) || !this.endsClean(r[1])) return null;
    // "Black Monday", "Goede Vrijdag": a name
    if (i > this.sentStart && this.c.nameBefore.has(this.toks.t(i - 1))) return null;
    let j = r[1];
    // Monday, May 22
    const after = this.isPunct(j, ",") ? j + 1 : j;
    const ex = this.explicitDate(after);
    if (ex && /^\d{4}-\d{2}-\d{2}$/.test(ex.value)) return { i, j: ex.j, value: ex.value };
    const d = this.weekdayDate(r[0], i);
    const p = this.m(this.c.parts, j);
    if (p) return { i, j: p[1], value: `${fmtDay(d)}T${p[0]}`, type: "TIME" };
    return { i, j, value: fmtDay(d) };
  }

  /** 14.00 uur, 2 p.m., 10:30, 0800 UTC, om 3 uur [+ Saturday/today]. */
  clock(i: number): Hit | null {
    // "at midnight"; "shortly after midnight", "kort na middernacht" keep their preposition in the span
    const byPrep = i > this.sentStart && !!this.m(this.c.clockPrepositions, i - 1);
    const nc = this.m(this.c.namedClock, i);
    let from = i;
    if (nc && !byPrep) from = this.momentPrefix(i);
    if (nc && (byPrep || from < i)) {
      let j = nc[1];
      let day: Ymd | null = null;
      const on = this.m(this.c.nightTo, j) ?? this.m(this.c.dayPrepositions, j);
      const wd = this.m(this.c.weekdays, on ? on[1] : j);
      if (wd) (day = this.weekdayDate(wd[0], i)), (j = wd[1]);
      day ??= this.dayAfter(j);
      // the midnight that has passed, told in the past tense, ends the day before
      if (!day && nc[0] === "24:00" && !this.sentDay && this.tense(i) === "past") day = addDays(this.clockDay(i), -1);
      day ??= this.clockDay(i);
      return { i: from, j, value: `${fmtDay(day)}T${nc[0]}`, type: "TIME" };
    }
    const toks = this.toks;
    if (this.kd(i) !== KD || !this.startsClean(i) || toks.len(i) > 4) return null;
    let h: number, mi = 0, sec: number | null = null;
    let j: number;
    let strong = false;
    const s1 = i + 1, b = i + 2;
    const len = toks.len(i);
    if (len <= 2 && this.tok(b) && !toks.sp(s1) && !toks.sp(b) && (toks.is(s1, ":") || toks.is(s1, ".")) && toks.k[b] === KD && toks.len(b) === 2) {
      h = toks.num(i);
      mi = toks.num(b);
      j = i + 3;
      strong = toks.is(s1, ":");
      const s2 = j, c = j + 1;
      if (this.tok(c) && !toks.sp(s2) && !toks.sp(c) && toks.is(s2, ":") && toks.k[c] === KD && toks.len(c) === 2) (sec = toks.num(c)), (j += 2);
      if (!this.endsClean(j) && !(this.kd(j) === KW)) return null;
    } else if (len === 4) {
      // (the first two digits and the last two, as the text reads them)
      const v = toks.num(i);
      h = Math.floor(v / 100);
      mi = v % 100;
      j = i + 1;
      if (!this.m(this.c.zones, j)) return null;
    } else if (len <= 2) {
      h = toks.num(i);
      j = i + 1;
    } else return null;
    if (h > 24 || mi > 59) return null;
    let suffix = false;
    const cwAt = j;
    const cw = this.m(this.c.clockWords, j);
    if (cw) (j = cw[1]), (suffix = true);
    const mer = this.m(this.c.meridiem, j);
    if (mer) {
      if (h > 12) return null;
      if (mer[0] === "pm" && h < 12) h += 12;
      if (mer[0] === "am" && h === 12) h = 0;
      j = mer[1];
      suffix = true;
    }
    let zone = "";
    const z = this.m(this.c.zones, j);
    if (z) (zone = z[0]), (j = z[1]), (suffix = true);
    const prep = i > this.sentStart && !!this.m(this.c.clockPrepositions, i - 1);
    const bare = j === i + 1;
    if (bare) return null; // a lone number is never a clock time
    if (this.tok(j) && (toks.is(j, "%") || scaleOf(this.lex.numbers, toks.t(j)) !== undefined)) return null;
    if (!strong && !suffix && !(prep && this.tt(s1) === ".")) return null;
    if (cw && !mer && !z && this.kd(b) !== KD && !prep && cw[1] - cwAt === 1) return null; // "24 uur" is a duration; "9 o'clock" is not
    if (sec !== null && !suffix) {
      return { i, j, value: `PT${h ? `${h}H` : ""}${mi ? `${mi}M` : ""}${sec}S`, type: "DURATION" };
    }
    // a date right after: 15:00 GMT Saturday, 16:00 UTC today
    let day: Ymd | null = null;
    const wd = this.m(this.c.weekdays, j);
    const dw = wd ? null : this.m(this.c.days, j);
    if (wd) (day = this.weekdayDate(wd[0], i)), (j = wd[1]);
    else if (dw && !dw[0].part) (day = addDays(this.dct, dw[0].offset)), (j = dw[1]);
    // "3 a.m. on Sunday", "16:15 UTC, June 1st": a day right after gives the date without joining the expression;
    // else the day the text last named, the one it tells of ("maandag … De eerste trilling werd rond 2.00 uur waargenomen")
    day ??= this.dayAfter(j) ?? this.clockDay(i);
    const hh = pad(h);
    const value = `${fmtDay(day)}T${hh}:${pad(mi)}${sec !== null ? `:${pad(sec)}` : ""}${zone}`;
    return { i, j, value, type: "TIME" };
  }

  /** A day named within a few tokens after a clock time: "on Sunday", ", June 1st", "maandagavond". */
  dayAfter(j: number): Ymd | null {
    for (let k = j; k < j + 3 && k < this.sentEnd; k++) {
      const w = this.m(this.c.weekdays, k);
      if (w) return this.weekdayDate(w[0], k);
      const wp = this.m(this.c.weekdayParts, k);
      if (wp) return this.weekdayDate(wp[0].weekday, k);
      const d = this.m(this.c.days, k);
      if (d) return addDays(this.dct, d[0].offset);
      const kk = this.toks.k[k];
      if (kk === KD || this.m(this.c.months, k)) {
        const ex = this.explicitDate(k);
        const dm = ex && /^(\d{4})-(\d{2})-(\d{2})$/.exec(ex.value);
        if (dm) return { y: +dm[1]!, m: +dm[2]!, d: +dm[3]! };
        return null;
      }
      if (kk === KW && !this.m(this.c.determiners, k) && !this.m(this.c.dayPrepositions, k)) return null;
    }
    return null;
  }

  /** The day of a clock time the text gives no day for: the last day it named, unless the clause looks ahead. */
  clockDay(i: number): Ymd {
    if (this.sentDay) return this.sentDay;
    const a = this.anchor, d = this.dct;
    if (a.y === d.y && a.m === d.m && a.d === d.d) return d;
    return this.tense(i) === "future" ? d : a;
  }

  /** [almost] three days, a decade, 15 months ago, twee dagen later, four-week, several years. */
  duration(i: number): Hit | null {
    let k = i;
    let mod: string | undefined;
    const ap = this.m(this.c.approx, k);
    if (ap) (mod = ap[0]), (k = ap[1]);
    const k2 = this.det(k);
    let n: number | "X";
    let j: number;
    const num = readNumber(this.toks, k2, this.lex.numbers, true);
    const vg = this.m(this.c.vague, k2);
    if (num && num.j <= this.sentEnd) {
      if (num.digits && !this.startsClean(k2)) return null;
      n = num.value;
      j = num.j;
    } else if (vg) {
      n = "X";
      j = vg[1];
    } else return null;
    if (k2 > k && n !== "X") return null; // "the three days" is rarely a time
    if (this.isPunct(j, "-") && this.glued(j)) j++; // four-week, 24-hour
    // between 60 and 90 days: the first number takes the unit of the second
    const rg = n !== "X" ? this.m(this.c.rangeWords, j) : null;
    if (rg) {
      const n2 = readNumber(this.toks, rg[1], this.lex.numbers);
      const u2 = n2 && n2.j <= this.sentEnd ? this.m(this.c.units, n2.j) : null;
      if (u2 && this.endsClean(u2[1])) return { i: k2, j, value: durationValue(n, u2[0].unit), type: "DURATION" };
    }
    const adj = this.m(this.c.unitAdjectives, j);
    const withAdj = !!adj && !!this.m(this.c.units, adj[1]);
    if (withAdj) j = adj![1];
    const u = this.m(this.c.units, j);
    if (!u || (!this.endsClean(u[1]) && this.kd(u[1]) !== KP)) return null;
    if (this.isPunct(u[1], "-") && this.glued(u[1]) && this.kd(u[1] + 1) === KW && this.glued(u[1] + 1)) return null; // a quarter-century
    if (n === "X" && !u[0].plural) return null;
    const unit = u[0].unit;
    j = u[1];
    if (num && num.article && unit === "weekend") return null;
    // "rond 3 uur", "om 8 uur": a clock time, which the clock rule reads from the number on
    if (unit === "hour" && num?.digits !== undefined && n !== "X" && n <= 24 && k2 > 0 && this.m(this.c.clockPrepositions, k2 - 1) && !this.m(this.c.ago, j)) return null;
    if (num && !num.digits && n === 1 && unit === "second") return null; // "a second A380", "one second slower"
    // a quarter of its dealers, three quarters of the votes; but two consecutive quarters of growth
    if ((unit === "quarter" || unit === "half") && !withAdj && this.m(this.c.ofWords, j)) return null;
    if (this.m(this.c.ageAfter, this.isPunct(j, "-") ? j + 1 : j)) return null; // 22-year-old
    const ago = this.m(this.c.ago, j);
    if (ago) {
      if (n === "X") return { i, j: ago[1], value: "PAST_REF", type: "DATE" };
      const h: Hit = { i, j: ago[1], value: this.backFrom(this.dct, unit, -n), type: "DATE" };
      if (mod) h.mod = mod;
      return h;
    }
    const sh = this.m(this.c.shifts, j);
    if (sh && n !== "X" && !this.m(this.c.than, sh[1])) {
      const from = unit === "year" || unit === "decade" ? { y: this.anchorYear, m: 6, d: 15 } : unit === "month" || unit === "quarter" || unit === "half" ? this.anchorMonth : this.anchor;
      return { i, j: sh[1], value: this.backFrom(from, unit, n * sh[0]), type: "DATE" };
    }
    const h: Hit = { i, j, value: durationValue(n, unit), type: "DURATION" };
    if (mod) h.mod = mod;
    return h;
  }

  /** Shift a date by n units and write it at the unit's granularity (days for weeks: "a week ago"). */
  backFrom(from: Ymd, unit: Unit, n: number): string {
    const whole = Math.round(n);
    switch (unit) {
      case "year":
        return String(from.y + whole);
      case "decade":
        return String(from.y + 10 * whole);
      case "century":
        return String(from.y + 100 * whole);
      case "month":
      case "half":
      case "quarter": {
        const d = addMonths(from, whole * (unit === "month" ? 1 : unit === "half" ? 6 : 3));
        return fmtMonth(d.y, d.m);
      }
      case "week":
      case "weekend":
        return fmtDay(addDays(from, 7 * whole));
      case "day":
        return fmtDay(addDays(from, whole));
      default:
        return fmtDay(from);
    }
  }

  /** for years, over the years, in recent weeks. */
  vaguePlural(i: number): Hit | null {
    const u0 = this.m(this.c.units, i);
    if (u0 && u0[0].plural && this.startsClean(i) && this.m(this.c.vaguePluralBefore, u0[1])) return { i, j: u0[1], value: durationValue("X", u0[0].unit), type: "DURATION" };
    const p = this.m(this.c.vaguePluralAfter, i);
    if (!p) return null;
    const k = this.det(p[1]);
    const u = this.m(this.c.units, k);
    if (!u || !u[0].plural) return null;
    if (this.m(this.c.ofWords, u[1])) return null;
    return { i: k, j: u[1], value: durationValue("X", u[0].unit), type: "DURATION" };
  }

  anaphor(i: number): Hit | null {
    const r = this.m(this.c.anaphors, i);
    if (!r || !this.endsClean(r[1])) return null;
    const { unit, offset } = r[0];
    const from = unit === "year" ? { y: this.anchorYear, m: 6, d: 15 } : unit === "month" ? this.anchorMonth : this.anchor;
    const v = this.shiftUnit(from, unit, offset);
    if (v && r[0].part) return { i, j: r[1], value: `${v}T${r[0].part}`, type: "TIME" };
    return v ? { i, j: r[1], value: v } : null;
  }

  setExpr(i: number): Hit | null {
    const one = this.m(this.c.sets, i);
    if (one && this.endsClean(one[1])) {
      // "the influential US daily" is a newspaper
      const prev = i > this.sentStart;
      const nx = this.kd(one[1]);
      const asNoun = one[1] === i + 1 && prev && ((this.m(this.c.determiners, i - 1) && (!nx || nx === KP)) || (this.toks.k[i - 1] === KW && this.toks.cap(i - 1) && !this.sentenceInitial(i - 1)));
      // "jarenlang" is a vague stretch of time, "dagelijks" a set
      if (!asNoun) return { i, j: one[1], value: one[0], type: one[0].startsWith("PX") || one[0].startsWith("PTX") ? "DURATION" : "SET" };
    }
    const e = this.m(this.c.every, i);
    if (!e) return null;
    let j = e[1];
    const num = readNumber(this.toks, j, this.lex.numbers);
    let n = 1;
    if (num && num.j <= this.sentEnd) (n = num.value), (j = num.j);
    const u = this.m(this.c.units, j);
    if (u) return { i, j: u[1], value: durationValue(n, u[0].unit), type: "SET" };
    const wd = this.m(this.c.weekdays, j);
    if (wd) return { i, j: wd[1], value: `XXXX-WXX-${wd[0]}`, type: "SET" };
    const p = this.m(this.c.parts, j);
    if (p) return { i, j: p[1], value: `XXXX-XX-XXT${p[0]}`, type: "SET" };
    return null;
  }

  ref(i: number): Hit | null {
    const r = this.m(this.c.refs, i);
    if (!r || !this.startsClean(i) || !this.endsClean(r[1])) return null;
    if (this.isPunct(r[1], "-") && this.glued(r[1])) return null; // the now-cancelled deal, the soon-to-open terminal
    return { i, j: r[1], value: r[0], type: "DATE" };
  }

  /** early December, the end of last year, eind mei, mid-2011. */
  edged(i: number): Hit | null {
    const e = this.m(this.c.edges, i);
    if (!e) return null;
    let j = e[1];
    if (this.isPunct(j, "-") && this.glued(j)) j++;
    const ty = this.m(this.c.theYear, j);
    // the end of the month / het eind van de week: the current one
    const du = ty ? null : this.m(this.c.units, this.det(j));
    const cur = du && !du[0].plural && this.det(j) > j ? this.shiftUnit(this.dct, du[0].unit, 0) : null;
    // "peaked by the end of the year", told in March, is the year before
    // (not "later dit jaar": this year is named)
    const yearOf = () => {
      if (!ty || (ty[1] - j > 1 && !this.m(this.c.articles, j))) return this.dct.y;
      if (e[0] === "END" && this.dct.m < 12 && this.tense(i) === "past") return this.dct.y - 1;
      if (e[0] === "START" && this.dct.m > 1 && this.tense(i) === "future") return this.dct.y + 1;
      return this.dct.y;
    };
    const inner = ty ? { i: j, j: ty[1], value: String(yearOf()) } : cur ? { i: j, j: du![1], value: cur } : this.longest(j, [(x) => this.explicitDate(x), (x) => this.relative(x), (x) => this.dayWord(x), (x) => this.weekdayExpr(x)]);
    if (!inner || inner.type === "DURATION" || inner.type === "SET") return null;
    return { i, j: inner.j, value: inner.value, type: inner.type, mod: e[0] };
  }

  /** de nacht van zaterdag op zondag, the night of May 22 */
  nightOf(i: number): Hit | null {
    const n = this.m(this.c.nightOf, i);
    if (!n) return null;
    const inner = this.longest(n[1], [(x) => this.weekdayExpr(x), (x) => this.explicitDate(x), (x) => this.dayWord(x)]);
    if (!inner || !/^\d{4}-\d{2}-\d{2}$/.test(inner.value)) return null;
    let j = inner.j;
    const to = this.m(this.c.nightTo, j);
    const second = to ? this.longest(to[1], [(x) => this.weekdayExpr(x), (x) => this.explicitDate(x), (x) => this.dayWord(x)]) : null;
    if (second) j = second.j;
    return { i, j, value: `${inner.value}TNI`, type: "TIME" };
  }

  longest(i: number, rules: ((i: number) => Hit | null)[]): Hit | null {
    let best: Hit | null = null;
    for (const r of rules) {
      const h = r(i);
      if (h && h.j > i && (!best || h.j > best.j)) best = h;
    }
    return best;
  }

  at(i: number): Hit | null {
    // the rules in a fixed order, the longest hit winning and the first on a tie; called directly, not
    // through a list of closures, because this runs at every candidate token; a rule is tried only where
    // its first word stands
    const r = this.toks.k[i] === KD ? DIGIT_RULES : (this.c.rules[tokId(this.toks, i)] ?? 0);
    if (!r) return null;
    let b: Hit | null = null;
    if (r & R.anaphor) b = better(b, this.anaphor(i), i);
    if (r & R.nightOf) b = better(b, this.nightOf(i), i);
    if (r & R.edged) b = better(b, this.edged(i), i);
    if (r & R.clock) b = better(b, this.clock(i), i);
    if (r & R.explicitDate) b = better(b, this.explicitDate(i), i);
    if (r & R.weekday) b = better(b, this.weekdayExpr(i), i);
    if (r & R.dayWord) b = better(b, this.dayWord(i), i);
    if (r & R.dayPart) b = better(b, this.dayPartPhrase(i), i);
    if (r & R.thePart) b = better(b, this.thePart(i), i);
    if (r & R.relative) b = better(b, this.relative(i), i);
    if (r & R.duration) b = better(b, this.duration(i), i);
    if (r & R.setExpr) b = better(b, this.setExpr(i), i);
    if (r & R.vaguePlural) b = better(b, this.vaguePlural(i), i);
    if (r & R.ref) b = better(b, this.ref(i), i);
    return b;
  }

  run(sentences: { start: number; end: number }[], context: TimeContext = {}): Timex[] {
    const out: Timex[] = [];
    /** Per output: its sentence and, for a day counted from the moment of speaking, how. */
    const meta: { sentence: number; deictic?: Hit["deictic"] }[] = [];
    let sn = -1;
    const toks = this.toks;
    let ti = 0;
    for (const s of sentences) {
      sn++;
      while (ti < toks.length && toks.s[ti]! < s.start) ti++;
      let te = ti;
      while (te < toks.length && toks.e[te]! <= s.end) te++;
      this.sentStart = ti;
      this.sentEnd = te;
      this.sentDay = null;
      this.cues = null;
      let i = ti;
      const flags = this.c.flags;
      while (i < te) {
        const f = flags[tokId(toks, i)]!;
        if (toks.k[i] !== KD && !(f & 1)) {
          i++;
          continue;
        }
        if (f & 2) {
          if (i + 1 >= toks.length || (toks.k[i + 1] !== KD && !(flags[tokId(toks, i + 1)]! & 5))) {
            i++;
            continue;
          }
        }
        const b = this.m(this.c.blockers, i);
        if (b) {
          i = b[1];
          continue;
        }
        const h = this.at(i);
        if (!h) {
          i++;
          continue;
        }
        const start = toks.s[h.i]!;
        const end = toks.e[h.j - 1]!;
        const type: TimexType = h.type ?? (h.value.startsWith("P") && h.value !== "PAST_REF" && h.value !== "PRESENT_REF" ? "DURATION" : /T\d/.test(h.value) ? "TIME" : "DATE");
        // optional keys by assignment, in the same key order: V8 makes a literal with `...(x && { k })` through a
        // runtime call per spread, and this runs once per time expression
        const tx: Timex = { start, end, text: this.text.slice(start, end), value: h.value, type };
        if (h.mod) tx.mod = h.mod;
        out.push(tx);
        const mt: (typeof meta)[number] = { sentence: sn };
        if (h.deictic) mt.deictic = h.deictic;
        meta.push(mt);
        const dm = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(h.value);
        // a birth date is no moment of the events told: it anchors nothing
        if (dm && type !== "DURATION" && type !== "SET" && !this.birth(h.i, h.j)) {
          this.anchorYear = +dm[1]!;
          if (dm[2]) this.anchorMonth = { y: +dm[1]!, m: +dm[2]!, d: 15 };
          if (dm[3]) {
            this.anchor = { y: +dm[1]!, m: +dm[2]!, d: +dm[3]! };
            this.sentDay = this.anchor;
          }
        }
        i = h.j;
        this.lastEnd = h.j;
      }
      ti = te;
    }
    if (context.quotes?.length && meta.some((m) => m.deictic)) this.quoted(out, meta, sentences, context);
    return out;
  }

  /** The date is a birth date: "born in 1985", "geboren op 3 mei 1985", "in 1985 geboren". */
  birth(i: number, j: number): boolean {
    for (let k = Math.max(this.sentStart, i - 2); k < i; k++) {
      const b = this.m(this.c.birthCues, k);
      if (b && b[1] >= i - 1) return true;
    }
    return !!this.m(this.c.birthCues, j);
  }

  /**
   * Days counted from the moment of speaking ("gisteren", "last night") inside a quote count from when it was
   * said, where the report dates that: a date in the quote's own sentences outside the quote ("…,” zei hij
   * dinsdag), else the date of a sentence just before that names the same speaker ("Koning Filip heeft
   * dinsdagavond … „…gisteren…”, zei Filip").
   */
  quoted(out: Timex[], meta: { sentence: number; deictic?: Hit["deictic"] }[], sentences: readonly Span[], context: TimeContext): void {
    const quotes = [...context.quotes!].sort((a, b) => a.start - b.start);
    const quoteAt = (x: number): Span | null => {
      let lo = 0, hi = quotes.length - 1, at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (quotes[mid]!.start <= x) (at = mid), (lo = mid + 1);
        else hi = mid - 1;
      }
      return at >= 0 && x < quotes[at]!.end ? quotes[at]! : null;
    };
    const sentenceOf = (x: number): number => {
      let lo = 0, hi = sentences.length - 1, at = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sentences[mid]!.start <= x) (at = mid), (lo = mid + 1);
        else hi = mid - 1;
      }
      return at;
    };
    const dayOf = (t: Timex): Ymd | null => {
      const dm = /^(\d{4})-(\d{2})-(\d{2})/.exec(t.value);
      return dm && (t.type === "DATE" || t.type === "TIME") ? { y: +dm[1]!, m: +dm[2]!, d: +dm[3]! } : null;
    };
    // names of speakers (people, organisations) in a sentence, as lower-case name words; read when first asked
    let mentions: readonly { start: number; end: number; type: string; text: string }[] | null = null;
    const names = new Map<number, Set<string>>();
    const namesIn = (sn: number): Set<string> => {
      let set = names.get(sn);
      if (set) return set;
      names.set(sn, (set = new Set()));
      mentions ??= [...(context.mentions ?? [])].sort((a, b) => a.start - b.start);
      const sent = sentences[sn]!;
      let lo = 0, hi = mentions.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (mentions[mid]!.start < sent.start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < mentions.length && mentions[k]!.start < sent.end; k++) {
        const m = mentions[k]!;
        if ((m.type !== "person" && m.type !== "organization" && m.type !== "group") || quoteAt(m.start)) continue;
        for (const w of m.text.split(/[^\p{L}]+/u)) if (w.length > 2 && /^\p{Lu}/u.test(w)) set.add(w.toLowerCase());
      }
      return set;
    };
    const shareName = (a: number, b0: number, b1: number) => {
      const sa = namesIn(a);
      if (!sa.size) return false;
      for (let b = b0; b <= b1 && b < sentences.length; b++) for (const w of namesIn(b)) if (sa.has(w)) return true;
      return false;
    };
    for (let n = 0; n < out.length; n++) {
      const d = meta[n]!.deictic;
      const t = out[n]!;
      const q = d ? quoteAt(t.start) : null;
      if (!d || !q) continue;
      const s0 = sentenceOf(q.start), s1 = sentenceOf(Math.max(q.start, q.end - 1));
      let said: Ymd | null = null;
      // a date in the quote's sentences, outside the quote (and in the next sentence when the quote closes
      // its own: "„…” Dat zei hij dinsdag."): the nearest after it, else before it; a few expressions each way
      const last = s1 + (sentences[s1]!.end <= q.end ? 1 : 0);
      for (let k = n + 1, c = 0; k < out.length && !said && meta[k]!.sentence <= last && c < 24; k++, c++) {
        const o = out[k]!;
        if (o.start >= q.end && !quoteAt(o.start) && !meta[k]!.deictic) said = dayOf(o);
      }
      for (let k = n - 1, c = 0; k >= 0 && !said && meta[k]!.sentence >= s0 && c < 24; k--, c++) {
        const o = out[k]!;
        if (o.end <= q.start && !quoteAt(o.start)) said = dayOf(o);
      }
      // a dated sentence shortly before that names the same speaker
      if (!said) {
        for (let k = n - 1, c = 0; k >= 0 && meta[k]!.sentence >= s0 - 2 && c < 24; k--, c++) {
          const o = out[k]!;
          if (o.end > q.start || quoteAt(o.start)) continue;
          const day = dayOf(o);
          if (day && meta[k]!.sentence < s0 && shareName(meta[k]!.sentence, s0, s1 + 1)) said = day;
          if (day) break;
        }
      }
      if (!said || fmtDay(said) > fmtDay(this.dct)) continue;
      const day = fmtDay(addDays(said, d.offset));
      t.value = d.part ? `${day}T${d.part}` : day;
    }
  }
}

/** Tags time expressions in a text; exported for the tests and for callers without a pipeline. */
export function tagTimes(text: string, lex: TimeLexicon, published: string, sentences?: { start: number; end: number }[], countNouns?: ReadonlySet<string>, context?: TimeContext): Timex[] {
  const t = new Tagger(text, lex, published, countNouns);
  return t.run(sentences && sentences.length ? sentences : [{ start: 0, end: text.length }], context);
}

/** A time expression that dates a birth ("born in 1985", "in 1985 geboren"): no moment of the events told. */
export function isBirthDate(text: string, lex: TimeLexicon, t: Span): boolean {
  const toks = fineTokensOf(text);
  const i = tokenAt(toks, t.start);
  let j = i;
  while (j < toks.length && toks.e[j]! <= t.end) j++;
  const cues = compile(lex).birthCues;
  for (let k = Math.max(0, i - 2); k < i; k++) {
    const b = cues.match(toks, k);
    if (b && b[1] >= i - 1) return true;
  }
  return !!cues.match(toks, j);
}

const nounCache = new WeakMap<object, Set<string>>();
function countNouns(lex: CountLexicon): Set<string> {
  let s = nounCache.get(lex);
  if (!s) {
    s = new Set<string>();
    for (const k of Object.values(lex.kinds)) for (const n of k.nouns) if (!/\s/.test(n)) s.add(n);
    for (const n of lex.objects) s.add(n);
    nounCache.set(lex, s);
  }
  return s;
}

export const times: Stage = (doc: Doc, ctx) => {
  const tag = (published: string) =>
    tagTimes(doc.text, ctx.lang.times, published, doc.sentences, countNouns(ctx.lang.counts), {
      quotes: doc.quotes.map((q) => q.inner),
      mentions: doc.mentions,
    });
  doc.times = tag(doc.meta.published);
  // A file's modification time is no publication time: what the text dates only from "now" ("Wednesday",
  // "yesterday", "23 May" without a year) must not be dated by it. Tagging again against another moment
  // shows which values hang on it; those keep only what the text itself fixes, and are flagged.
  if (doc.meta.publishedFrom === "file-mtime") unanchor(doc.times, tag(OTHER_NOW));
};

/** A moment unlike any real publication time: another year, month, weekday and hour. */
const OTHER_NOW = "1987-02-17T03:00:00+00:00";

function unanchor(times: Timex[], other: readonly Timex[]): void {
  const at = new Map<string, Timex>();
  for (const t of other) at.set(`${t.start}:${t.end}`, t);
  for (const t of times) {
    const o = at.get(`${t.start}:${t.end}`);
    if (o && o.value === t.value) continue;
    t.value = o && o.value.length === t.value.length ? maskDiffering(t.value, o.value) : maskDigits(t.value);
    t.unresolved = true;
  }
}

/** Parts where two readings differ are masked whole: "2026-05-23" and "1987-05-23" give "XXXX-05-23". */
function maskDiffering(a: string, b: string): string {
  const pa = a.split(/([-T:])/), pb = b.split(/([-T:])/);
  if (pa.length !== pb.length) return maskDigits(a);
  return pa.map((p, i) => (p === pb[i] ? p : p.replace(/\d/g, "X"))).join("");
}

/** A date whose every part hangs on the moment of writing: its digits masked, its form kept. */
function maskDigits(v: string): string {
  return /^\d{4}/.test(v) ? v.replace(/^[\d-]+/, (d) => d.replace(/\d/g, "X")) : v;
}
