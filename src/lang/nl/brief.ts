import type { BriefLabels } from "../../brief/labels.js";

/**
 * The verb's form for a speaker: plural for several ("Rusland, Wit-Rusland"), for a speaker
 * named by a plural common noun ("autoriteiten", "Russische media") and by a plural of inhabitants ("Oekraïners",
 * "Duitsers"). A name in -en stays one speaker: "Zweden" is the country as often as its people.
 */
const NOT_PLURAL = new Set(["nieuws", "bus", "status", "crisis", "analyse"]);
/** Two names joined ("Washington en Moskou"), each of capitalised words only: two speakers. */
const TWO_NAMES = /^\p{Lu}\S*(?: \p{Lu}\S*)* en \p{Lu}\S*(?: \p{Lu}\S*)*$/u;
function verb(who: string, one: string, many: string): string {
  if (who.includes(", ") || TWO_NAMES.test(who)) return many;
  const head = who.slice(who.lastIndexOf(" ") + 1);
  if (head === "media") return many;
  const common = /^[\p{Ll}-]{3,}(?:en|s)$/u.test(head) && !/(ss|us|is)$/.test(head) && !NOT_PLURAL.has(head);
  return common || /^\p{Lu}\p{Ll}+ers$/u.test(head) ? many : one;
}

export const brief: BriefLabels = {
  title: "Wat we wel en niet weten",
  basis: (n, o, from, to, langs) => `Op basis van ${n} bericht${n === 1 ? "" : "en"} van ${o} medi${o === 1 ? "um" : "a"} (${langs}), gepubliceerd ${from} – ${to}.`,
  changesSince: (t) => `Wijzigingen sinds ${t}.`,
  nothingNew: "Niets nieuws in dit onderdeel.",
  sections: {
    established: "Vaststaand",
    claims: "Wie claimt wat",
    denied: "Ontkend",
    unclear: "Onduidelijk",
    figures: "Cijfers",
    timeline: "Tijdlijn",
    places: "Plaatsen",
    actors: "Betrokkenen",
    reports: "Berichten",
  },
  sub: { unknowns: "Open vragen", contested: "Betwist", hedged: "Waarschijnlijk of mogelijk, niet vastgesteld" },
  status: { established: "vastgesteld", claimed: "geclaimd", confirmed: "bevestigd", denied: "ontkend", probable: "waarschijnlijk", possible: "mogelijk", unknown: "onbekend" },
  kinds: { killed: "Doden", wounded: "Gewonden", arrested: "Arrestaties", missing: "Vermisten", personnel: "Strijders / manschappen", vehicles: "Voertuigen", other: "Overige cijfers" },
  states: { independent: "opereert zelfstandig", subordinate: "staat onder bevel van een ander", ended: "is voorbij", ongoing: "gaat door", "at large": "voortvluchtig", "caught or dead": "gepakt of dood" },
  theReport: "het bericht",
  reportsCount: (r, i) => (r > 1 ? ` (${r} berichten${i < r ? `, ${i} onafhankelijk` : ""})` : ""),
  more: (n) => `… en nog ${n}.`,
  moreAtLeast: (n, upTo) => `… en nog minstens ${n}${upTo !== undefined && upTo > n ? ` (hooguit ${upTo})` : ""}.`,
  denies: (who) => `${who} ${verb(who, "ontkent", "ontkennen")} het`,
  confirmedBy: (who) => `bevestigd door ${who}`,
  range: (lo, hi) => `${lo} tot ${hi}, bronnen lopen uiteen`,
  rising: (xs, latest) => `oplopend: ${xs.join(" → ")}, laatst op ${latest} (een update, geen tegenspraak)`,
  agree: "bronnen zijn het eens",
  oneSource: "één bron",
  estimate: "(schatting)",
  figuresDiffer: (k, items) => `${k}: ${items.map(([who, v]) => `${v} volgens ${who}`).join("; ")}.`,
  opposed: (a, sa, b, sb) => `${a}: ${sa}; ${b}: ${sb}.`,
  settled: (a, sa, b, sb) => `${a}: ${sa}; later ${b}: ${sb} (een update, geen tegenspraak: het eerdere bericht is achterhaald).`,
  denial: (a, b, via) =>
    via === "doers" ? `${a} en ${b} wijzen een andere dader aan.` : via === "place" ? `${a} en ${b} noemen een andere plaats.` : via === "backRef"
          ? `${a} ${verb(a, "spreekt", "spreken")} tegen wat ${b} ${verb(b, "zegt", "zeggen")}.`
          : via === "counter"
            ? `${a} ${verb(a, "ontkent", "ontkennen")}; ${b} ${verb(b, "stelt", "stellen")} het tegendeel.`
            : `${a} ${verb(a, "ontkent", "ontkennen")} betrokkenheid; ${b} ${verb(b, "zegt", "zeggen")} het tegendeel.`,
  deniesSaying: (a, outlet) => `${a} ${verb(a, "ontkent", "ontkennen")} dit te hebben gezegd; ${outlet} ${verb(outlet, "meldt", "melden")} van wel.`,
  alsoKnownAs: "ook",
  alsoSaidBy: (who) => `(ook: ${who})`,
  reportsOf: (n) => `${n} bericht${n === 1 ? "" : "en"}`,
  asserts: (n) => `${n} uitspra${n === 1 ? "ak" : "ken"} toegeschreven`,
  isNew: "nieuw",
  none: "Geen.",
  empty: "Het grootboek bevat nog geen berichten. Voeg berichten toe met `sitrep ingest BESTAND…` of via `sitrep serve`.",
  sayingMore: (n) => (n === 1 ? "(+1 bericht dat hetzelfde zegt)" : `(+${n} berichten die hetzelfde zeggen)`),
  calendar: { weekdays: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"], months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"], parts: { MO: "ochtend", AF: "middag", EV: "avond", NI: "nacht", DT: "overdag" }, date: (w, d, m, y) => `${w} ${d} ${m} ${y}`, at: (date, t) => `${date}, ${t}`, week: (d, m, y) => `de week van ${d} ${m} ${y}` },
};
