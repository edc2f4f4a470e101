import type { Cue, Doc, DocEvent, EntityType, Span, Timex } from "../../model/doc.js";
import type { TimeLexicon } from "../times/lexicon.js";
import { isBirthDate } from "../times/index.js";
import type { Stage } from "../stage.js";
import { code3, fineTokensOf, keyTokens, KP, KW, Phrases, Suffixes, tokenAt, tokId, wordId, type FineToks } from "../counts/numbers.js";
import type { EventLexicon } from "./lexicon.js";
import { EVENT_TYPES, type EventType } from "./types.js";

export { EVENT_TYPES, EVENT_TYPE_INFO, type EventType } from "./types.js";

// Events are built from claims (or, before claims exist, from sentences): a claim is typed by the event
// words it holds, by its figures (killed/wounded → casualties, arrested → arrest), by its status (denied →
// denial) and, failing all of these, by having a named source (statement). Claims of one type on the same
// day become one event, which gathers their actors, places, time and figures.

const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(["person", "organization", "group"]);
const PLACE_TYPES: ReadonlySet<EntityType> = new Set(["location", "facility"]);
// Types by their index in EVENT_TYPES: what a claim holds is kept in small typed arrays reused from claim to
// claim, not in a Map made for each (a Map and a Set per claim were most of the stage's garbage).
const NT = EVENT_TYPES.length;
const T_CASUALTIES = EVENT_TYPES.indexOf("casualties");
const T_ARREST = EVENT_TYPES.indexOf("arrest");
const T_DENIAL = EVENT_TYPES.indexOf("denial");
const T_STATEMENT = EVENT_TYPES.indexOf("statement");
/** Types whose actor is the one who speaks. */
const SPEECH = new Uint8Array(NT);
for (const t of ["statement", "denial", "claim_of_responsibility"] as const) SPEECH[EVENT_TYPES.indexOf(t)] = 1;

interface Compiled {
  /** Values are indices into EVENT_TYPES. */
  phrases: Phrases<number>;
  /** One-word triggers that end a compound ("tegenaanval"). */
  suffixes: Suffixes<number>;
  /** Split verbs ("vielen … binnen"): the head, then the particle within a few words. */
  split: Phrases<Phrases<number>>;
  /**
   * By vocabulary id, 1 for the first word of a phrase or split head: most tokens start none, and are passed
   * by one array read instead of two tables' look-ups.
   */
  starts: Uint8Array;
  /**
   * By a hash of the last four letters of each compound entry (all have four or more), 1 where some entry
   * may end so: an ASCII word whose ending no entry has is passed without the Suffixes look-up (which is
   * exact); three letters ("-ing") let too many words through.
   */
  tails: Uint8Array;
}
const tailSlot = (code: number) => Math.imul(code, 0x9e3779b1) >>> 20;
const GAP = 8;
/** How far after its cue (in characters) a time dates the saying: "said on Tuesday", "said at a news conference just before dawn". */
const SAID_REACH = 25;
const cache = new WeakMap<EventLexicon, Compiled>();
function compile(lex: EventLexicon): Compiled {
  let c = cache.get(lex);
  if (c) return c;
  const entries: [string, number][] = [];
  const split = new Map<string, [string, number][]>();
  for (let t = 0; t < NT; t++)
    for (const w of lex.triggers[EVENT_TYPES[t]!] ?? []) {
      const [head, tail] = w.toLowerCase().split("…").map((x) => x.trim());
      if (tail) split.set(head!, [...(split.get(head!) ?? []), [tail, t]]);
      else entries.push([head!, t]);
    }
  const suffixes = new Suffixes(lex.compoundTriggers ? entries.filter(([w]) => /^[\p{L}]+$/u.test(w)) : []);
  // the first word of each key, as Phrases reads it (fine tokens, lower-cased) and interns it
  const firsts: number[] = [];
  for (const k of [...entries.map((e) => e[0]), ...split.keys()]) {
    const toks = keyTokens(k);
    if (toks.length) firsts.push(wordId(toks.t(0)));
  }
  const starts = new Uint8Array(Math.max(0, ...firsts) + 1);
  for (const id of firsts) starts[id] = 1;
  const tails = new Uint8Array(4096);
  // (as Suffixes keeps them: four letters or more; an ending outside ASCII is never that of an ASCII word)
  if (lex.compoundTriggers)
    for (const [w] of entries) {
      const n = w.length;
      if (n >= 4 && /^[\p{L}]+$/u.test(w) && code3(w.slice(-4, -1)) >= 0 && w.charCodeAt(n - 1) < 128) tails[tailSlot(code3(w.slice(-4, -1)) * 128 + w.charCodeAt(n - 1))] = 1;
    }
  c = { phrases: new Phrases(entries), suffixes, split: new Phrases([...split].map(([h, tails]) => [h, new Phrases(tails)])), starts, tails };
  cache.set(lex, c);
  return c;
}

export interface Trigger extends Span {
  type: EventType;
  text: string;
}

// what step() found: a type index (-1: nothing) and its span; module variables, not an object per token
let hitType = -1;
let hitStart = 0;
let hitEnd = 0;
/** Looks for a trigger at token i of the stretch ending at token b; answers the token to go on from. */
function step(toks: FineToks, c: Compiled, i: number, b: number): number {
  hitType = -1;
  const ts = toks.s[i]!;
  // a trigger starts a word: not the "aanval" inside "tegenaanval-" handled below, nor a letter run mid-word
  if (toks.sp(i) || i === 0 || toks.k[i - 1] === KP) {
    const id = tokId(toks, i);
    if (id >= 0 && id < c.starts.length && c.starts[id] === 1) {
      const p = c.phrases.match(toks, i, b);
      if (p && (p[1] >= b || toks.sp(p[1]) || toks.k[p[1]] === KP)) {
        hitType = p[0];
        hitStart = ts;
        hitEnd = toks.e[p[1] - 1]!;
        return p[1];
      }
      const sp = c.split.match(toks, i, b);
      if (sp) {
        for (let k = sp[1]; k < b && k < sp[1] + GAP; k++) {
          const tl = sp[0].match(toks, k, b);
          if (tl && (toks.sp(k) || toks.k[k - 1] === KP)) {
            hitType = tl[0];
            hitStart = ts;
            hitEnd = toks.e[sp[1] - 1]!;
            return sp[1];
          }
        }
      }
    }
  }
  if (toks.k[i] === KW && c.suffixes.size && (i + 1 >= b || toks.sp(i + 1) || toks.k[i + 1] === KP)) {
    if (toks.isAscii(i)) {
      // (Suffixes asks for five letters at least: an entry of four and one more)
      const n = toks.e[i]! - toks.s[i]!;
      if (n < 5) return i + 1;
      let last = toks.text.charCodeAt(toks.e[i]! - 1);
      if (last >= 65 && last <= 90) last += 32;
      if (c.tails[tailSlot(toks.low3(i, n - 4) * 128 + last)] !== 1) return i + 1;
    }
    const hit = c.suffixes.longest(toks, i);
    if (hit) {
      hitType = hit[1];
      hitStart = ts;
      hitEnd = toks.e[i]!;
    }
  }
  return i + 1;
}

/** The token range [a, b) of text[from, to): phrases are matched within it. */
let rangeEnd = 0;
function rangeOf(toks: FineToks, from: number, to: number): number {
  const a = tokenAt(toks, from);
  let b = a;
  while (b < toks.length && toks.e[b]! <= to) b++;
  rangeEnd = b;
  return a;
}

/** Event words in a stretch of text. */
export function findTriggers(text: string, lex: EventLexicon, from = 0, to = text.length): Trigger[] {
  const c = compile(lex);
  const toks = fineTokensOf(text);
  const a = rangeOf(toks, from, to), b = rangeEnd;
  const out: Trigger[] = [];
  for (let i = a; i < b; ) {
    i = step(toks, c, i, b);
    if (hitType >= 0) out.push({ type: EVENT_TYPES[hitType]!, start: hitStart, end: hitEnd, text: text.slice(hitStart, hitEnd) });
  }
  return out;
}

/** A list without repeats in the order first added: searched while short, hashed once long, so that an event of many names stays linear. */
const SHORT = 16;
function addUnique<T>(list: T[], set: Set<T> | undefined, x: T): Set<T> | undefined {
  if (set) {
    if (!set.has(x)) set.add(x), list.push(x);
    return set;
  }
  if (list.includes(x)) return undefined;
  list.push(x);
  return list.length >= SHORT ? new Set(list) : undefined;
}

class Ev {
  claims: string[] = [];
  actors: string[] = [];
  locations: string[] = [];
  counts: number[] = [];
  claimSet: Set<string> | undefined = undefined;
  actorSet: Set<string> | undefined = undefined;
  locationSet: Set<string> | undefined = undefined;
  countSet: Set<number> | undefined = undefined;
  constructor(
    readonly type: EventType,
    /** Place in the order of creation. */
    readonly ord: number,
    public time: string | undefined,
    public day: string,
    /** Start of the first claim. */
    readonly first: number,
    public trigger: Cue | undefined,
  ) {}
}

/**
 * The events of one type and speaker, found as the scan of all events in creation order found them: the
 * first with the claim's day or with none (any, for a claim without a day). An event without a day is
 * dated only as such a first, so the undated ones leave their queue from the front.
 */
interface Group {
  first: Ev;
  undated: Ev[];
  head: number;
  /** The first event of each day. */
  byDay: Map<string, Ev> | undefined;
}
function findEv(g: Group, day: string): Ev | undefined {
  if (!day) return g.first;
  const d = g.byDay?.get(day);
  const u = g.head < g.undated.length ? g.undated[g.head] : undefined;
  return d && u ? (d.ord < u.ord ? d : u) : d ?? u;
}

// the claim at hand, reused from claim to claim: its types (in the order found, with the span of the first
// trigger of each, -1 for a type read from a figure or status), its figures, names and candidate times
const tOrder = new Int8Array(NT);
let tCount = 0;
const tHas = new Uint8Array(NT);
const tStart = new Int32Array(NT);
const tEnd = new Int32Array(NT);
function addType(t: number, s: number, e: number): void {
  if (tHas[t]) return;
  tHas[t] = 1;
  tOrder[tCount++] = t;
  tStart[t] = s;
  tEnd[t] = e;
}
const countIdx: number[] = [];
const inClaim: Timex[] = [];
const actors: string[] = [];
const places: string[] = [];

/** Indices of xs by start (ties in list order, as a stable sort leaves them); null when xs is in that order already. */
function byStart(xs: readonly Span[]): number[] | null {
  let k = 1;
  while (k < xs.length && xs[k]!.start >= xs[k - 1]!.start) k++;
  if (k >= xs.length) return null;
  return Array.from(xs, (_, i) => i).sort((p, q) => xs[p]!.start - xs[q]!.start || p - q);
}
/** First position in the order whose item starts at or after `at`. */
function lowerBound(xs: readonly Span[], ord: number[] | null, at: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[ord ? ord[mid]! : mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildEvents(doc: Doc, lex: EventLexicon, timeLex?: TimeLexicon): DocEvent[] {
  const c = compile(lex);
  const text = doc.text;
  const toks = fineTokensOf(text);
  const claims = doc.claims, counts = doc.counts, mentions = doc.mentions, times = doc.times;
  // items sorted by start, searched per unit, so the stage stays linear in the document
  const countOrd = byStart(counts), mentionOrd = byStart(mentions), timeOrd = byStart(times);
  const events: Ev[] = [];
  const groups: (Map<string, Group> | undefined)[] = new Array(NT).fill(undefined);
  // a name counts once per unit and list: each map holds the number of the unit a name was last taken for
  // (two maps for the report, not two Sets for each unit)
  let seenActor: Map<string, number> | undefined, seenPlace: Map<string, number> | undefined;
  const nUnits = claims.length || doc.sentences.length;
  for (let un = 0; un < nUnits; un++) {
    // a unit is a claim or, before claims exist, a sentence (claim ids are unique: c1, c2 …, so the claim is the unit's own)
    const claim = claims.length ? claims[un]! : undefined;
    const uStart = claim ? claim.start : doc.sentences[un]!.start;
    const uEnd = claim ? claim.end : doc.sentences[un]!.end;
    const uSentence = claim ? claim.sentence : doc.sentences[un]!.index;
    const uClaim = claim ? claim.id : undefined;
    // "whether X happened is unclear" reports no event
    if (claim?.status === "unknown") continue;
    for (let k = 0; k < tCount; k++) tHas[tOrder[k]!] = 0;
    tCount = 0;
    const a = rangeOf(toks, uStart, uEnd), b = rangeEnd;
    for (let i = a; i < b; ) {
      i = step(toks, c, i, b);
      if (hitType >= 0) addType(hitType, hitStart, hitEnd);
    }
    countIdx.length = 0;
    for (let k = lowerBound(counts, countOrd, uStart); k < counts.length; k++) {
      const ci = countOrd ? countOrd[k]! : k;
      const x = counts[ci]!;
      if (x.start >= uEnd) break;
      if (x.end > uEnd) continue;
      countIdx.push(ci);
      if (x.kind === "killed" || x.kind === "wounded" || x.kind === "missing") addType(T_CASUALTIES, -1, -1);
      else if (x.kind === "arrested") addType(T_ARREST, -1, -1);
    }
    if (claim?.status === "denied") addType(T_DENIAL, -1, -1);
    if (!tCount && claim?.source && claim.source.kind !== "unnamed") addType(T_STATEMENT, -1, -1);
    if (!tCount) continue;
    // the time: a date or time of day in the claim, else one earlier in its sentence
    const sent = doc.sentences[uSentence];
    // a time right after the cue dates the saying ("said on Tuesday", "zei dinsdag", "said at a news conference
    // just before dawn"), not what is said: it is the time of a statement, never of the attack or the toll
    const cue = claim?.cue;
    // the birth check (a look at the words around) only for the times that could be chosen
    inClaim.length = 0;
    for (let k = lowerBound(times, timeOrd, uStart); k < times.length; k++) {
      const t = times[timeOrd ? timeOrd[k]! : k]!;
      if (t.start >= uEnd) break;
      if (t.end <= uEnd && datedShape(t)) inClaim.push(t);
    }
    // (loops over module functions, not closures over `cue`: each would cost every unit a context)
    let eventTime: Timex | undefined;
    for (const t of inClaim) if (!ofSaying(cue, t) && dated(doc, timeLex, t)) {
      eventTime = t;
      break;
    }
    if (!eventTime && sent)
      for (let k = lowerBound(times, timeOrd, sent.start); k < times.length; k++) {
        const t = times[timeOrd ? timeOrd[k]! : k]!;
        if (t.start >= sent.end) break;
        if (t.end <= sent.end && t.end <= uStart && dated(doc, timeLex, t)) {
          eventTime = t;
          break;
        }
      }
    let saidTime: Timex | undefined;
    for (const t of inClaim) if (ofSaying(cue, t) && dated(doc, timeLex, t)) {
      saidTime = t;
      break;
    }
    inClaim.length = 0;
    saidTime ??= eventTime;
    actors.length = 0;
    places.length = 0;
    for (let k = lowerBound(mentions, mentionOrd, uStart); k < mentions.length; k++) {
      const m = mentions[mentionOrd ? mentionOrd[k]! : k]!;
      if (m.start >= uEnd) break;
      if (m.end > uEnd || !m.entity) continue;
      if (PLACE_TYPES.has(m.type)) {
        seenPlace ??= new Map();
        if (seenPlace.get(m.entity) !== un) seenPlace.set(m.entity, un), places.push(m.entity);
      } else if (ACTOR_TYPES.has(m.type)) {
        seenActor ??= new Map();
        if (seenActor.get(m.entity) !== un) seenActor.set(m.entity, un), actors.push(m.entity);
      }
    }
    for (let k = 0; k < tCount; k++) {
      const t = tOrder[k]!;
      const type = EVENT_TYPES[t]!;
      const speech = SPEECH[t] === 1;
      const time = speech ? saidTime : eventTime;
      const day = time ? time.value.slice(0, 10) : "";
      // one event per type and day (and speaker, for what is said); a claim without a date joins the type's event
      const speaker = speech ? (claim?.source?.entity ?? claim?.source?.name ?? "") : "";
      const bySpeaker = (groups[t] ??= new Map());
      const g = bySpeaker.get(speaker);
      let ev = g ? findEv(g, day) : undefined;
      if (!ev) {
        const trig = tStart[t]! >= 0 ? { start: tStart[t]!, end: tEnd[t]!, text: text.slice(tStart[t], tEnd[t]) } : undefined;
        ev = new Ev(type, events.length, time?.value, day, uStart, trig);
        events.push(ev);
        if (!g) bySpeaker.set(speaker, { first: ev, undated: day ? [] : [ev], head: 0, byDay: day ? new Map([[day, ev]]) : undefined });
        else if (day) (g.byDay ??= new Map()).set(day, ev);
        else g.undated.push(ev);
      } else if (!ev.time && time) {
        // (an event without a time is the first undated one: see findEv; and the first of its new day)
        ev.time = time.value;
        ev.day = day;
        g!.head++;
        (g!.byDay ??= new Map()).set(day, ev);
      }
      if (uClaim) ev.claimSet = addUnique(ev.claims, ev.claimSet, uClaim);
      for (const x of actors) ev.actorSet = addUnique(ev.actors, ev.actorSet, x);
      if (speech && claim?.source?.entity) ev.actorSet = addUnique(ev.actors, ev.actorSet, claim.source.entity);
      for (const x of places) ev.locationSet = addUnique(ev.locations, ev.locationSet, x);
      for (const x of countIdx) ev.countSet = addUnique(ev.counts, ev.countSet, x);
      if (!ev.trigger && tStart[t]! >= 0) ev.trigger = { start: tStart[t]!, end: tEnd[t]!, text: text.slice(tStart[t], tEnd[t]) };
    }
  }
  actors.length = 0;
  places.length = 0;
  events.sort((x, y) => x.first - y.first);
  return events.map((e, i) => {
    const out: DocEvent = { id: `v${i + 1}`, type: e.type, claims: e.claims, actors: e.actors, locations: e.locations };
    if (e.time) out.time = e.time;
    if (e.counts.length) out.counts = e.counts;
    if (e.trigger) out.trigger = e.trigger;
    return out;
  });
}

const datedShape = (t: Timex) => (t.type === "DATE" || t.type === "TIME") && /^\d/.test(t.value);
// a birth date ("born in 1985") is no time of the event
const dated = (doc: Doc, timeLex: TimeLexicon | undefined, t: Timex) => datedShape(t) && !(timeLex && isBirthDate(doc.text, timeLex, t));
const ofSaying = (cue: Span | null | undefined, t: Timex) => !!cue && t.start >= cue.start && t.start - cue.end <= SAID_REACH;

export const events: Stage = (doc: Doc, ctx) => {
  doc.events = buildEvents(doc, ctx.lang.events, ctx.lang.times);
};
