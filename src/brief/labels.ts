import type { ClaimStatus, CountKind } from "../model/doc.js";

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
  denies: (who: string) => string;
  confirmedBy: (who: string) => string;
  range: (lo: string, hi: string) => string;
  agree: string;
  figuresDiffer: (kind: string, items: [string, string][]) => string;
  opposed: (a: string, sa: string, b: string, sb: string) => string;
  denial: (a: string, b: string, via: "counter" | "backRef" | "theme") => string;
  alsoKnownAs: string;
  reportsOf: (n: number) => string;
  asserts: (n: number) => string;
  isNew: string;
  none: string;
  /** The briefing of a ledger without reports: one sentence saying so and how to add some. */
  empty: string;
  sayingMore: (n: number) => string;
}
