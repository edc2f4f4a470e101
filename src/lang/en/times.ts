import type { DayPart, TimeLexicon, Unit } from "../../pipeline/times/lexicon.js";
import { numbers } from "./counts.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const months: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  months[m] = i + 1;
  if (m.length > 3) months[m.slice(0, 3)] = i + 1;
});
Object.assign(months, { sept: 9 });

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const weekdays: Record<string, number> = {};
WEEKDAYS.forEach((d, i) => (weekdays[d] = i + 1));

const partsOfDay: Record<string, DayPart> = { morning: "MO", afternoon: "AF", evening: "EV", night: "NI", overnight: "NI" };

const weekdayParts: Record<string, { weekday: number; part: DayPart }> = {};

const units: Record<string, { unit: Unit; plural: boolean }> = {};
const U: [string, string, Unit][] = [
  ["second", "seconds", "second"],
  ["minute", "minutes", "minute"],
  ["hour", "hours", "hour"],
  ["day", "days", "day"],
  ["week", "weeks", "week"],
  ["weekend", "weekends", "weekend"],
  ["month", "months", "month"],
  ["quarter", "quarters", "quarter"],
  ["year", "years", "year"],
  ["decade", "decades", "decade"],
  ["century", "centuries", "century"],
];
for (const [s, p, u] of U) (units[s] = { unit: u, plural: false }), (units[p] = { unit: u, plural: true });
Object.assign(units, { "trading days": { unit: "day", plural: true }, "trading day": { unit: "day", plural: false }, "fiscal year": { unit: "year", plural: false }, "financial year": { unit: "year", plural: false } });

const ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
const ordinals: Record<string, number> = { "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, thirtieth: 30, "thirty-first": 31 };
ORD.forEach((w, i) => (ordinals[w] = i + 1));

export const times: TimeLexicon = {
  numbers,
  months,
  ambiguousMonths: ["may", "march", "mar", "jan", "dec", "aug"],
  monthsCapitalised: true,
  weekdays,
  seasons: { spring: "SP", summer: "SU", autumn: "FA", fall: "FA", winter: "WI" },
  ambiguousSeasons: ["fall", "spring"],
  partsOfDay,
  days: {
    today: { offset: 0 },
    yesterday: { offset: -1 },
    tomorrow: { offset: 1 },
    tonight: { offset: 0, part: "NI" },
    "the day before yesterday": { offset: -2 },
    "the day after tomorrow": { offset: 2 },
  },
  weekdayParts,
  units,
  relatives: {
    last: { offset: -1 },
    past: { offset: -1, durative: true },
    previous: { offset: -1 },
    next: { offset: 1 },
    coming: { offset: 1, durative: true },
    upcoming: { offset: 1 },
    this: { offset: 0 },
    current: { offset: 0 },
  },
  determiners: ["the", "this", "that"],
  articles: ["the"],
  ofWords: ["of"],
  ago: ["ago"],
  shifts: { later: 1, afterwards: 1, earlier: -1 },
  than: ["than"],
  ageAfter: ["old", "and older", "or older", "and up", "and younger", "of age"],
  vaguePluralBefore: ["before", "after", "ago", "later", "earlier"],
  unitAdjectives: ["straight", "consecutive", "full", "whole", "long", "successive", "more", "additional", "further"],
  rangeWords: ["and", "to", "or", "-", "–"],
  nightOf: ["the night of"],
  nightTo: ["to", "into"],
  namedClock: { midnight: "24:00", noon: "12:00", midday: "12:00" },
  blockers: ["as soon as", "summer time", "daylight saving time", "sooner or later", "from time to time", "time and again", "in no time", "may day"],
  anaphors: {
    "the previous day": { unit: "day", offset: -1 },
    "the day before": { unit: "day", offset: -1 },
    "the next day": { unit: "day", offset: 1 },
    "the following day": { unit: "day", offset: 1 },
    "the day after": { unit: "day", offset: 1 },
    "the same day": { unit: "day", offset: 0 },
    "that day": { unit: "day", offset: 0 },
    "on the day": { unit: "day", offset: 0 },
    "end the day": { unit: "day", offset: 0 },
    "ended the day": { unit: "day", offset: 0 },
    "ending the day": { unit: "day", offset: 0 },
    "ends the day": { unit: "day", offset: 0 },
    "finish the day": { unit: "day", offset: 0 },
    "finished the day": { unit: "day", offset: 0 },
    "finishing the day": { unit: "day", offset: 0 },
    "start the day": { unit: "day", offset: 0 },
    "started the day": { unit: "day", offset: 0 },
    "close the day": { unit: "day", offset: 0 },
    "closed the day": { unit: "day", offset: 0 },
    "in the day": { unit: "day", offset: 0 },
    "for the day": { unit: "day", offset: 0 },
    "the following morning": { unit: "day", offset: 1, part: "MO" },
    "the next morning": { unit: "day", offset: 1, part: "MO" },
    "the previous night": { unit: "day", offset: -1, part: "NI" },
    "the night before": { unit: "day", offset: -1, part: "NI" },
    "the previous evening": { unit: "day", offset: -1, part: "EV" },
    "that morning": { unit: "day", offset: 0, part: "MO" },
    "that afternoon": { unit: "day", offset: 0, part: "AF" },
    "that evening": { unit: "day", offset: 0, part: "EV" },
    "that night": { unit: "day", offset: 0, part: "NI" },
    "the previous week": { unit: "week", offset: -1 },
    "the following week": { unit: "week", offset: 1 },
    "the week before": { unit: "week", offset: -1 },
    "that week": { unit: "week", offset: 0 },
    "the previous month": { unit: "month", offset: -1 },
    "the following month": { unit: "month", offset: 1 },
    "that month": { unit: "month", offset: 0 },
    "the previous year": { unit: "year", offset: -1 },
    "the year before": { unit: "year", offset: -1 },
    "the year previous": { unit: "year", offset: -1 },
    "the following year": { unit: "year", offset: 1 },
    "that year": { unit: "year", offset: 0 },
    "the same year": { unit: "year", offset: 0 },
  },
  edges: {
    early: "START",
    late: "END",
    mid: "MID",
    "the beginning of": "START",
    "the start of": "START",
    "the middle of": "MID",
    "the end of": "END",
    "the close of": "END",
    "earlier": "START",
  },
  theYear: ["the year", "year"],
  approx: {
    about: "APPROX",
    around: "APPROX",
    roughly: "APPROX",
    approximately: "APPROX",
    some: "APPROX",
    almost: "LESS_THAN",
    nearly: "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "more than": "MORE_THAN",
    over: "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "a mere": "EQUAL_OR_LESS",
    "just": "EQUAL_OR_LESS",
  },
  vague: ["several", "a few", "few", "many", "recent", "some"],
  vaguePluralAfter: ["for", "over", "in", "within", "after"],
  every: ["every", "each"],
  sets: { daily: "P1D", weekly: "P1W", monthly: "P1M", annually: "P1Y", yearly: "P1Y", annual: "P1Y", hourly: "PT1H", nightly: "XXXX-XX-XXTNI", "per year": "P1Y", "per day": "P1D", "per week": "P1W", "per month": "P1M", "a year": "P1Y" },
  refs: {
    now: "PRESENT_REF",
    currently: "PRESENT_REF",
    nowadays: "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "the time being": "PRESENT_REF",
    recently: "PAST_REF",
    recent: "PAST_REF",
    "more recently": "PAST_REF",
    "the past": "PAST_REF",
    "at the time": "PAST_REF",
    "the future": "FUTURE_REF",
    soon: "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
  },
  clockWords: ["o'clock", "o’clock", "hours", "hrs", "h"],
  clockPrepositions: ["at", "between", "from"],
  meridiem: { "a.m.": "am", "p.m.": "pm", am: "am", pm: "pm", "a.m": "am", "p.m": "pm", "in the morning": "am", "in the evening": "pm", "in the afternoon": "pm", "at night": "pm" },
  zones: { utc: "Z", gmt: "Z", z: "Z" },
  numericOrder: "mdy",
  ordinals,
  ordinalSuffixes: ["st", "nd", "rd", "th"],
  quarterWords: ["quarter"],
  halfWords: ["half"],
  centuryWords: ["century"],
  decadeNames: { twenties: "192", thirties: "193", forties: "194", fifties: "195", sixties: "196", seventies: "197", eighties: "198", nineties: "199" },
  decadePrefixes: [],
  futureCues: ["will", "'ll", "’ll", "shall", "won't", "won’t", "going to", "plans to", "plan to", "planned", "expected to", "expects to", "due to", "scheduled", "is to", "are to", "set to", "next", "upcoming", "would", "should", "until", "aims to", "intends to", "wants to", "hopes to", "tomorrow", "ahead of", "in advance of", "could", "might", "may", "coming", "forthcoming", "later this"],
  pastCues: ["was", "were", "had", "did", "said", "told", "went", "came", "took", "made", "gave", "saw", "began", "fell", "rose", "won", "lost", "left", "met", "found", "held", "led", "sold", "bought", "paid", "spent", "cut", "hit", "shot", "struck", "fled", "brought", "thought", "became", "ran", "knew", "wrote", "spoke", "broke", "chose", "drove", "flew", "grew", "threw", "wore", "ago", "last", "since", "yesterday"],
  pastPatterns: [/^(?!(?:need|speed|indeed|hundred|red|bed|feed|seed|breed|proceed|exceed|succeed|united|based|shed|weed|deed|greed|bred|fled|led|embed|wed|bled)$)[a-z]{2,}ed$/],
  nameBefore: ["black", "good", "cyber", "super", "easter", "palm", "ash", "bloody", "holy", "st"],
  clauseJoiners: ["and", "but", "while", "whereas", "although", "though", "as", "when"],
  dayPrepositions: ["on"],
  dayPartPhrases: (() => {
    const out: Record<string, DayPart> = {};
    const moments: [string, DayPart][] = [["dawn", "MO"], ["daybreak", "MO"], ["sunrise", "MO"], ["first light", "MO"], ["dusk", "EV"], ["sunset", "EV"], ["sundown", "EV"], ["nightfall", "NI"], ["dark", "NI"]];
    for (const [m, p] of moments) {
      if (m !== "dark" && m !== "first light") out[m] = p;
      for (const pre of ["at", "before", "just before", "shortly before", "after", "just after", "shortly after", "around", "until", "by"]) out[`${pre} ${m}`] = p;
    }
    delete out.dark;
    out["in the early morning"] = "MO";
    out["early in the morning"] = "MO";
    out["late at night"] = "NI";
    return out;
  })(),
  partPrepositions: ["in", "during", "through", "throughout"],
  birthCues: ["born", "born in", "born on", "b."],
};
