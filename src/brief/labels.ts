import type { ClaimStatus, CountKind } from "../model/doc.js";
import { weekStart } from "../model/timex.js";

// (the order of times is the model's: the store reads the timeline in it too)
export { timexOrder } from "../model/timex.js";

/** The words of the briefing in one language (supplied by src/lang/<code>/brief.ts). */
export interface BriefLabels {
  title: string;
  basis: (n: number, outlets: number, from: string, to: string, langs: string) => string;
  changesSince: (t: string) => string;
  nothingNew: string;
  sections: Record<"established" | "claims" | "denied" | "unclear" | "figures" | "timeline" | "places" | "actors" | "reports", string>;
  sub: Record<"unknowns" | "contested" | "hedged", string>;
  status: Record<ClaimStatus, string>;
  kinds: Record<CountKind, string>;
  /** State labels of the contradiction finder (independent, subordinate, ended, ongoing …). */
  states: Record<string, string>;
  theReport: string;
  reportsCount: (reports: number, independent: number) => string;
  more: (n: number) => string;
  /** More lines, of which only a floor is known, and perhaps a ceiling: "… and at least 12 more (at most 4031)." */
  moreAtLeast: (n: number, upTo?: number) => string;
  /**
   * The speaker of a denied line, after the quote of the denial: a whole clause ("Russia denies it"), never one
   * that ends on a colon as if what is denied came after it.
   */
  denies: (who: string) => string;
  confirmedBy: (who: string) => string;
  range: (lo: string, hi: string) => string;
  /** Figures of one kind that later reports raise, no source disputing: "rising: 40 → 133 → 140, latest on …". */
  rising: (series: string[], latest: string) => string;
  agree: string;
  /** A figure only one source gives: nobody agrees with it, nobody differs. */
  oneSource: string;
  figuresDiffer: (kind: string, items: [string, string][]) => string;
  /** After a figure its source gives only as possible: "≤20000 (estimate)". */
  estimate: string;
  opposed: (a: string, sa: string, b: string, sb: string) => string;
  /** A state a later report settles: "NH Nieuws: at large; later Waterkant: caught or dead (an update)". */
  settled: (a: string, sa: string, b: string, sb: string) => string;
  denial: (a: string, b: string, via: "counter" | "backRef" | "theme" | "doers" | "place") => string;
  /** A speaker denies words an outlet reported as its own: "X denies having said it; 1News reports otherwise." */
  deniesSaying: (who: string, outlet: string) => string;
  alsoKnownAs: string;
  /** Others who say what a line under one speaker's heading says: "(also: Kremlin)". */
  alsoSaidBy: (who: string) => string;
  reportsOf: (n: number) => string;
  asserts: (n: number) => string;
  isNew: string;
  none: string;
  /** The briefing of a ledger without reports: one sentence saying so and how to add some. */
  empty: string;
  sayingMore: (n: number) => string;
  /** Calendar words for a TIMEX3 date: weekdays Monday first, months January first, parts of the day. */
  calendar: {
    weekdays: readonly string[]; months: readonly string[]; parts: Record<"MO" | "AF" | "EV" | "NI" | "DT", string>; date: (weekday: string, day: number, month: string, year: number) => string; at: (date: string, time: string) => string;
    /** A week by its Monday: "the week of 4 September 2023". */
    week: (day: number, month: string, year: number) => string;
  };
}

/** A TIMEX3 value in words ("Monday 3 March 2025, morning"); a value it cannot read stays as it is. */
export function timexInWords(value: string, L: BriefLabels): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI|DT|(\d{2}):(\d{2})))?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const wd = (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7;
    const c = L.calendar;
    const date = c.date(c.weekdays[wd]!, d, c.months[mo - 1]!, y);
    if (!m[4]) return date;
    return c.at(date, m[5] ? `${m[5]}:${m[6]}` : c.parts[m[4] as keyof BriefLabels["calendar"]["parts"]]);
  }
  const ym = /^(\d{4})-(\d{2})$/.exec(value);
  if (ym) return `${L.calendar.months[Number(ym[2]) - 1]} ${ym[1]}`;
  const wk = /^(\d{4})-W(\d{2})$/.exec(value);
  if (wk) {
    const monday = weekStart(Number(wk[1]), Number(wk[2]));
    return L.calendar.week(monday.getUTCDate(), L.calendar.months[monday.getUTCMonth()]!, monday.getUTCFullYear());
  }
  return value;
}
