import type { Doc, DocEvent, EntityType, Span, Timex } from "../../model/doc.js";
import type { TimeLexicon } from "../times/lexicon.js";
import { isBirthDate } from "../times/index.js";
import type { Stage } from "../stage.js";
import { fineTokensOf, KP, KW, Phrases, Suffixes, tokenAt } from "../counts/numbers.js";
import type { EventLexicon } from "./lexicon.js";
import { EVENT_TYPES, type EventType } from "./types.js";

export { EVENT_TYPES, EVENT_TYPE_INFO, type EventType } from "./types.js";

// Events are built from claims (or, before claims exist, from sentences): a claim is typed by the event
// words it holds, by its figures (killed/wounded → casualties, arrested → arrest), by its status (denied →
// denial) and, failing all of these, by having a named source (statement). Claims of one type on the same
// day become one event, which gathers their actors, places, time and figures.

const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(["person", "organization", "group"]);
const PLACE_TYPES: ReadonlySet<EntityType> = new Set(["location", "facility"]);
/** Types whose actor is the one who speaks. */
const SPEECH: ReadonlySet<EventType> = new Set(["statement", "denial", "claim_of_responsibility"]);

interface Compiled {
  phrases: Phrases<EventType>;
  /** One-word triggers that end a compound ("tegenaanval"). */
  suffixes: Suffixes<EventType>;
  /** Split verbs ("vielen … binnen"): the head, then the particle within a few words. */
  split: Phrases<Phrases<EventType>>;
}
const GAP = 8;
/** How far after its cue (in characters) a time dates the saying: "said on Tuesday", "said at a news conference just before dawn". */
const SAID_REACH = 25;
const cache = new WeakMap<EventLexicon, Compiled>();
function compile(lex: EventLexicon): Compiled {
  let c = cache.get(lex);
  if (c) return c;
  const entries: [string, EventType][] = [];
  const split = new Map<string, [string, EventType][]>();
  for (const t of EVENT_TYPES)
    for (const w of lex.triggers[t] ?? []) {
      const [head, tail] = w.toLowerCase().split("…").map((x) => x.trim());
      if (tail) split.set(head!, [...(split.get(head!) ?? []), [tail, t]]);
      else entries.push([head!, t]);
    }
  const suffixes = new Suffixes(lex.compoundTriggers ? entries.filter(([w]) => /^[\p{L}]+$/u.test(w)) : []);
  c = { phrases: new Phrases(entries), suffixes, split: new Phrases([...split].map(([h, tails]) => [h, new Phrases(tails)])) };
  cache.set(lex, c);
  return c;
}

export interface Trigger extends Span {
  type: EventType;
  text: string;
}

/** Event words in a stretch of text. */
export function findTriggers(text: string, lex: EventLexicon, from = 0, to = text.length): Trigger[] {
  const c = compile(lex);
  const toks = fineTokensOf(text);
  // the stretch is tokens a..b of the whole text; phrases are matched within it
  const a = tokenAt(toks, from);
  let b = a;
  while (b < toks.length && toks.e[b]! <= to) b++;
  const out: Trigger[] = [];
  for (let i = a; i < b; ) {
    const ts = toks.s[i]!;
    // a trigger starts a word: not the "aanval" inside "tegenaanval-" handled below, nor a letter run mid-word
    const wordStart = toks.sp(i) || i === 0 || toks.k[i - 1] === KP;
    const p = wordStart ? c.phrases.match(toks, i, b) : null;
    if (p && (p[1] >= b || toks.sp(p[1]) || toks.k[p[1]] === KP)) {
      const e = toks.e[p[1] - 1]!;
      out.push({ type: p[0], start: ts, end: e, text: text.slice(ts, e) });
      i = p[1];
      continue;
    }
    const sp = wordStart ? c.split.match(toks, i, b) : null;
    if (sp) {
      let hit = false;
      for (let k = sp[1]; k < b && k < sp[1] + GAP; k++) {
        const tl = sp[0].match(toks, k, b);
        if (tl && (toks.sp(k) || toks.k[k - 1] === KP)) {
          const e = toks.e[sp[1] - 1]!;
          out.push({ type: tl[0], start: ts, end: e, text: text.slice(ts, e) });
          hit = true;
          break;
        }
      }
      if (hit) {
        i = sp[1];
        continue;
      }
    }
    if (toks.k[i] === KW && c.suffixes.size && (i + 1 >= b || toks.sp(i + 1) || toks.k[i + 1] === KP)) {
      const hit = c.suffixes.longest(toks, i);
      if (hit) out.push({ type: hit[1], start: ts, end: toks.e[i]!, text: toks.raw(i) });
    }
    i++;
  }
  return out;
}

interface Unit extends Span {
  claim?: string;
  sentence: number;
}

export function buildEvents(doc: Doc, lex: EventLexicon, timeLex?: TimeLexicon): DocEvent[] {
  const units: Unit[] = doc.claims.length
    ? doc.claims.map((c) => ({ start: c.start, end: c.end, claim: c.id, sentence: c.sentence }))
    : doc.sentences.map((s) => ({ start: s.start, end: s.end, sentence: s.index }));
  const claimById = new Map(doc.claims.map((c) => [c.id, c]));
  const inside = (x: Span, u: Span) => x.start >= u.start && x.end <= u.end;
  // items sorted by start, searched per unit, so the stage stays linear in the document
  const byStart = <T extends Span>(xs: readonly T[]) => xs.map((x, i) => [x, i] as const).sort((p, q) => p[0].start - q[0].start);
  const within = <T extends Span>(xs: readonly (readonly [T, number])[], u: Span): (readonly [T, number])[] => {
    let lo = 0, hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]![0].start < u.start) lo = mid + 1;
      else hi = mid;
    }
    const out: (readonly [T, number])[] = [];
    for (let k = lo; k < xs.length && xs[k]![0].start < u.end; k++) if (xs[k]![0].end <= u.end) out.push(xs[k]!);
    return out;
  };
  const countsSorted = byStart(doc.counts);
  const mentionsSorted = byStart(doc.mentions);
  const timesSorted = byStart(doc.times);
  const events: (DocEvent & { day: string; speaker: string; counts: number[]; _first: number })[] = [];
  for (const u of units) {
    const claim = u.claim ? claimById.get(u.claim) : undefined;
    // "whether X happened is unclear" reports no event
    if (claim?.status === "unknown") continue;
    const types = new Map<EventType, Trigger | null>();
    for (const t of findTriggers(doc.text, lex, u.start, u.end)) if (!types.has(t.type)) types.set(t.type, t);
    const countIdx: number[] = [];
    for (const [c, i] of within(countsSorted, u)) {
      countIdx.push(i);
      if (c.kind === "killed" || c.kind === "wounded" || c.kind === "missing") {
        if (!types.has("casualties")) types.set("casualties", null);
      } else if (c.kind === "arrested" && !types.has("arrest")) types.set("arrest", null);
    }
    if (claim?.status === "denied" && !types.has("denial")) types.set("denial", null);
    if (!types.size && claim?.source && claim.source.kind !== "unnamed") types.set("statement", null);
    if (!types.size) continue;
    // the time: a date or time of day in the claim, else one earlier in its sentence
    const sent = doc.sentences[u.sentence];
    // a time right after the cue dates the saying ("said on Tuesday", "zei dinsdag", "said at a news conference
    // just before dawn"), not what is said: it is the time of a statement, never of the attack or the toll
    const cue = claim?.cue;
    // the birth check (a look at the words around) only for the times that could be chosen
    const inClaim: Timex[] = [];
    for (const [t] of within(timesSorted, u)) if (datedShape(t)) inClaim.push(t);
    // (loops over module functions, not closures over `cue`: each would cost every unit a context)
    let eventTime: Timex | undefined;
    for (const t of inClaim) if (!ofSaying(cue, t) && dated(doc, timeLex, t)) {
      eventTime = t;
      break;
    }
    if (!eventTime && sent) for (const [t] of within(timesSorted, sent)) if (t.end <= u.start && dated(doc, timeLex, t)) {
      eventTime = t;
      break;
    }
    let saidTime: Timex | undefined;
    for (const t of inClaim) if (ofSaying(cue, t) && dated(doc, timeLex, t)) {
      saidTime = t;
      break;
    }
    saidTime ??= eventTime;
    const actors = new Set<string>();
    const places = new Set<string>();
    for (const [m] of within(mentionsSorted, u)) {
      if (!m.entity) continue;
      if (PLACE_TYPES.has(m.type)) places.add(m.entity);
      else if (ACTOR_TYPES.has(m.type)) actors.add(m.entity);
    }
    for (const [type, trig] of types) {
      const time = SPEECH.has(type) ? saidTime : eventTime;
      const day = time ? time.value.slice(0, 10) : "";
      const who = new Set(actors);
      if (SPEECH.has(type) && claim?.source?.entity) who.add(claim.source.entity);
      // one event per type and day (and speaker, for what is said); a claim without a date joins the type's event
      const speaker = SPEECH.has(type) ? (claim?.source?.entity ?? claim?.source?.name ?? "") : "";
      let ev: (typeof events)[number] | undefined;
      for (const e of events) if (e.type === type && e.speaker === speaker && (e.day === day || !day || !e.day)) {
        ev = e;
        break;
      }
      if (!ev) {
        // every field present from the start: events that grew fields in varying order sent the optimised
        // stage back to the interpreter and through the compiler again, report after report
        ev = { id: "", type, claims: [], actors: [], locations: [], time: time?.value, trigger: trig ? { start: trig.start, end: trig.end, text: trig.text } : undefined, day, speaker, counts: [], _first: u.start };
        events.push(ev);
      } else if (!ev.time && time) (ev.time = time.value), (ev.day = day);
      if (u.claim && !ev.claims.includes(u.claim)) ev.claims.push(u.claim);
      for (const a of who) if (!ev.actors.includes(a)) ev.actors.push(a);
      for (const p of places) if (!ev.locations.includes(p)) ev.locations.push(p);
      for (const c of countIdx) if (!ev.counts.includes(c)) ev.counts.push(c);
      if (!ev.trigger && trig) ev.trigger = { start: trig.start, end: trig.end, text: trig.text };
    }
  }
  events.sort((a, b) => a._first - b._first);
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
