import type { BriefLabels } from "../../brief/labels.js";

/**
 * The verb's form for a speaker: plural for several ("Russia, Belarus") and for a speaker named by a plural
 * common noun ("Ukrainian officials", "local media", "the police"); a name that ends in s ("United States",
 * "Reuters") is one speaker.
 */
const PLURAL_NOUNS = new Set(["media", "police", "people", "personnel"]);
const NOT_PLURAL = new Set(["news", "press", "series", "crisis", "status", "analysis"]);
/** Two names joined ("Washington and Moskou"), each of capitalised words only: two speakers. */
const TWO_NAMES = /^\p{Lu}\S*(?: \p{Lu}\S*)* and \p{Lu}\S*(?: \p{Lu}\S*)*$/u;
function verb(who: string, one: string, many: string): string {
  if (who.includes(", ") || TWO_NAMES.test(who)) return many;
  const head = who.slice(who.lastIndexOf(" ") + 1);
  return PLURAL_NOUNS.has(head) || (/^\p{Ll}{3,}s$/u.test(head) && !/(ss|us|is)$/.test(head) && !NOT_PLURAL.has(head)) ? many : one;
}

export const brief: BriefLabels = {
  title: "What we know and what we don't",
  basis: (n, o, from, to, langs) => `Based on ${n} report${n === 1 ? "" : "s"} from ${o} outlet${o === 1 ? "" : "s"} (${langs}), published ${from} – ${to}.`,
  changesSince: (t) => `Changes since ${t}.`,
  nothingNew: "Nothing new in this section.",
  sections: {
    established: "Established",
    claims: "Who claims what",
    denied: "Denied",
    unclear: "Unclear",
    figures: "Figures",
    timeline: "Timeline",
    places: "Places",
    actors: "Actors",
    reports: "Reports",
  },
  sub: { unknowns: "Open questions", contested: "Contested", hedged: "Likely or possible, not established" },
  status: { established: "established", claimed: "claimed", confirmed: "confirmed", denied: "denied", probable: "probable", possible: "possible", unknown: "unknown" },
  kinds: { killed: "Killed", wounded: "Wounded", arrested: "Arrested", missing: "Missing", personnel: "Fighters / personnel", vehicles: "Vehicles", other: "Other figures" },
  // whole predicates: a state label the lexicon gives raw ("at large") reads without a subject
  states: { independent: "it acts independently", subordinate: "it acts under another's command", ended: "it is over", ongoing: "it goes on" },
  theReport: "the report",
  reportsCount: (r, i) => (r > 1 ? ` (${r} reports${i < r ? `, ${i} independent` : ""})` : ""),
  more: (n) => `… and ${n} more.`,
  moreAtLeast: (n, upTo) => `… and at least ${n} more${upTo !== undefined && upTo > n ? ` (at most ${upTo})` : ""}.`,
  denies: (who) => `${who} ${verb(who, "denies", "deny")} it`,
  confirmedBy: (who) => `confirmed by ${who}`,
  range: (lo, hi) => `range ${lo}–${hi}, sources differ`,
  rising: (xs, latest) => `rising: ${xs.join(" → ")}, latest on ${latest} (an update, not a dispute)`,
  agree: "sources agree",
  oneSource: "one source",
  estimate: "(estimate)",
  figuresDiffer: (k, items) => `${k}: ${items.map(([who, v]) => `${v} according to ${who}`).join("; ")}.`,
  opposed: (a, sa, b, sb) => `${a}: ${sa}; ${b}: ${sb}.`,
  settled: (a, sa, b, sb) => `${a}: ${sa}; later ${b}: ${sb} (an update, not a dispute: the earlier report is superseded).`,
  denial: (a, b, via) =>
    via === "doers"
      ? `${a} and ${b} name different doers.`
      : via === "place"
        ? `${a} and ${b} put it in different places.`
        : via === "backRef"
          ? `${a} ${verb(a, "rejects", "reject")} what ${b} ${verb(b, "says", "say")}.`
          : via === "counter"
            ? `${a} ${verb(a, "denies", "deny")} it; ${b} ${verb(b, "argues", "argue")} otherwise.`
            : `${a} ${verb(a, "denies", "deny")} involvement; ${b} ${verb(b, "says", "say")} otherwise.`,
  deniesSaying: (a, outlet) => `${a} ${verb(a, "denies", "deny")} having said it; ${outlet} reports otherwise.`,
  alsoKnownAs: "also",
  alsoSaidBy: (who) => `(also: ${who})`,
  reportsOf: (n) => `${n} report${n === 1 ? "" : "s"}`,
  asserts: (n) => `${n} claim${n === 1 ? "" : "s"} attributed`,
  isNew: "new",
  none: "None.",
  empty: "The ledger holds no reports yet. Add reports with `sitrep ingest FILE…`, or through `sitrep serve`.",
  sayingMore: (n) => `(+${n} more report${n === 1 ? "" : "s"} saying the same)`,
  calendar: { weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], parts: { MO: "morning", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" }, date: (w, d, m, y) => `${w} ${d} ${m} ${y}`, at: (date, t) => `${date}, ${t}`, week: (d, m, y) => `the week of ${d} ${m} ${y}` },
};
