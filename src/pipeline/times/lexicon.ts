/** What the times stage needs to know about a language (supplied by src/lang/<code>/times.ts). */
import type { NumberLexicon } from "../counts/numbers.js";

/** TIMEX3 parts of day. */
export type DayPart = "MO" | "MI" | "AF" | "EV" | "NI" | "DT";
export type Season = "SP" | "SU" | "FA" | "WI";
export type Unit = "second" | "minute" | "hour" | "day" | "week" | "weekend" | "month" | "quarter" | "half" | "year" | "decade" | "century";
export type Edge = "START" | "MID" | "END";
export type Approx = "APPROX" | "LESS_THAN" | "MORE_THAN" | "EQUAL_OR_LESS" | "EQUAL_OR_MORE";

/**
 * Every key is a phrase: it is split into letter runs, digit runs and single marks the way the text is,
 * so "a.m.", "'s avonds" and "the day before yesterday" are entries like any word. Keys are lower case.
 */
export interface TimeLexicon {
  numbers: NumberLexicon;
  /** Month names and abbreviations ("feb" also matches "Feb."). */
  months: Record<string, number>;
  /** Month names that are also ordinary words ("may", "march"): only read with a day or year, or capitalised. */
  ambiguousMonths: string[];
  /** Month names are capitalised in running text (English); a lower-case one is then not a month. */
  monthsCapitalised: boolean;
  /** ISO weekday numbers, Monday = 1. */
  weekdays: Record<string, number>;
  seasons: Record<string, Season>;
  /** Season words that are also ordinary words ("fall"): only read after a determiner or before "of YEAR". */
  ambiguousSeasons: string[];
  partsOfDay: Record<string, DayPart>;
  /** One-word day references: "yesterday" -1, "gisteravond" -1 EV, "vannacht" 0 NI. */
  days: Record<string, { offset: number; part?: DayPart; /** "vannacht": the night before in a past-tense clause */ pastNight?: boolean }>;
  /** Weekday and part of day written as one word: "maandagavond". */
  weekdayParts: Record<string, { weekday: number; part: DayPart }>;
  /** Singular and plural unit nouns; a `stretch` is no calendar unit ("etmaal": any 24 hours), so "afgelopen etmaal" is a duration. */
  units: Record<string, { unit: Unit; plural: boolean; stretch?: boolean }>;
  /** Deictic modifiers before a unit, month, weekday or season: "last" -1, "next" 1, "this" 0. */
  relatives: Record<string, { offset: number; /** "the past week" is a stretch of time, not a calendar week */ durative?: boolean }>;
  /** Articles and demonstratives that may open a time expression and stay in its span. */
  determiners: string[];
  /** The articles among them: only these stand before a modifier ("the past week", not "dat dit jaar"). */
  articles: string[];
  /** "of"/"van" between a season, quarter or month and its year. */
  ofWords: string[];
  /** Words after a number and unit that count back from now: "ago", "geleden". */
  ago: string[];
  /** Words after a number and unit that count from the last date in the text: "later" 1, "earlier" -1. */
  shifts: Record<string, number>;
  /** Comparatives after a shift word that make the phrase a plain duration: "a month earlier than usual". */
  than: string[];
  /** Words after a number and unit that make it an age, not a time: "22-year-old". */
  ageAfter: string[];
  /** Words after a bare plural unit that make it a vague duration: "days before", "weken later". */
  vaguePluralBefore: string[];
  /** Adjectives allowed between a number and its unit: "six straight days", "two consecutive quarters". */
  unitAdjectives: string[];
  /** Words joining two numbers of one range, the first taking the second's unit: "between 60 and 90 days". */
  rangeWords: string[];
  /** "the night of" before a day: that day's night ("in de nacht van zaterdag op zondag" → Saturday TNI). */
  nightOf: string[];
  /** Joins the second day of a night: "op" (zaterdag op zondag), "to". */
  nightTo: string[];
  /** Named clock times: "midnight" 24:00, "middaguur" 12:00 (after a clock preposition). */
  namedClock: Record<string, string>;
  /** Phrases that look like times but are not: "as soon as", "summer time". Matched first and skipped. */
  blockers: string[];
  /** Fixed anaphoric phrases resolved against the last date in the text: "the previous day" day -1. */
  anaphors: Record<string, { unit: "day" | "week" | "month" | "year"; offset: number; part?: DayPart }>;
  /** Phrases before a date that narrow it: "early" START, "the end of" END, "mid" MID. */
  edges: Record<string, Edge>;
  /** "the year" after an edge: "the end of the year". */
  theYear: string[];
  /** Phrases before a duration that hedge it: "almost" LESS_THAN, "more than" MORE_THAN, "about" APPROX. */
  approx: Record<string, Approx>;
  /** Quantifiers that leave a duration vague: "several", "a few", "recent", "enkele". */
  vague: string[];
  /** Prepositions after which a bare plural unit is a vague duration: "for years", "over the years". */
  vaguePluralAfter: string[];
  /** Words that make a SET of the next unit, weekday or part of day: "every", "elke". */
  every: string[];
  /** Single-word sets: "daily" P1D, "jaarlijks" P1Y. */
  sets: Record<string, string>;
  /** Document-relative references: "currently" PRESENT_REF, "recently" PAST_REF, "the future" FUTURE_REF. */
  refs: Record<string, string>;
  /** After a clock time: "uur", "h", "o'clock". */
  clockWords: string[];
  /** Prepositions that make a bare hour a clock time: "om 3 uur", "at 3". */
  clockPrepositions: string[];
  /** "a.m." / "p.m." and the like, and "'s avonds" after a clock time. */
  meridiem: Record<string, "am" | "pm">;
  /** Time-zone names and their TIMEX3 suffix ("Z" for UTC). */
  zones: Record<string, string>;
  /** Numeric dates: day-month-year (Dutch) or month/day/year (American English). */
  numericOrder: "dmy" | "mdy";
  /** Ordinal words for days, quarters, halves and centuries: "first" 1, "tweede" 2. */
  ordinals: Record<string, number>;
  /** Suffixes written after ordinal digits: "st", "nd", "rd", "th", "e", "ste", "de". */
  ordinalSuffixes: string[];
  quarterWords: string[];
  halfWords: string[];
  centuryWords: string[];
  /** Decades by name: "nineties" 199; Dutch "jaren" before a number reads as a decade. */
  decadeNames: Record<string, string>;
  /** Words before a two-digit number or a decade name that make a decade: "jaren" (de jaren negentig). */
  decadePrefixes: string[];
  /** Words that suggest the clause speaks of the future ("will", "zal") or the past ("was", "zei"). */
  futureCues: string[];
  pastCues: string[];
  /**
   * Words that bound a stretch ahead of the report before a weekday: "until (at least)", "tot (en met)". The
   * day after them is the coming one unless a past word of the list above says the clause is past (a
   * participle, "remains closed", "blijft gesloten", says nothing of when).
   */
  untilWords?: string[];
  /** Past-tense word shapes: English "-ed", Dutch participles "ge…d/t". */
  pastPatterns: RegExp[];
  /** Words that, right before a weekday or month, make it part of a name rather than a date. */
  nameBefore?: string[];
  /** Conjunctions that open a new clause after a comma (", and", ", maar"): the tense of a clause stops there. */
  clauseJoiners: string[];
  /** "on"/"op" before a day: "at midnight on Sunday", "om 3 uur op maandag". */
  dayPrepositions: string[];
  /** Moments of the day by the sun: "dawn" MO, "zonsondergang" EV; `prefixed` ones only after a prefix ("after dark"). */
  dayMoments: Record<string, { part: DayPart; prefixed?: boolean }>;
  /** Prepositions before a moment that stay in its span: "just before (dawn)", "bij (zonsopgang)". */
  dayMomentPrefixes: string[];
  /** Prepositions before "the evening", "de avond" that make it a part of the day the text last named: "in", "tijdens". */
  partPrepositions: string[];
  /** Words next to a date that make it a birth date, no moment of the events: "born in", "geboren". */
  birthCues: string[];
  /** "final", "laatste": before "quarter of 2009" the last quarter (or half) of that year. */
  lastOrdinals: string[];
}
