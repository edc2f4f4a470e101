import type { DayPart, TimeLexicon, Unit } from "../../pipeline/times/lexicon.js";
import { numbers } from "./counts.js";

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const months: Record<string, number> = {};
MONTHS.forEach((m, i) => (months[m] = i + 1));
Object.assign(months, { jan: 1, feb: 2, mrt: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12 });

const WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
const weekdays: Record<string, number> = {};
WEEKDAYS.forEach((d, i) => (weekdays[d] = i + 1));

// "morgen" is both tomorrow and morning; as a part of day it only follows a day ("maandagmorgen") or a
// determiner ("de volgende morgen"), which the stage checks
const partsOfDay: Record<string, DayPart> = { ochtend: "MO", morgen: "MO", middag: "AF", namiddag: "AF", avond: "EV", nacht: "NI" };

// Dutch writes a day and its part as one word: maandagavond, gisterochtend, vanmiddag
const weekdayParts: Record<string, { weekday: number; part: DayPart }> = {};
WEEKDAYS.forEach((d, i) => {
  for (const [p, v] of Object.entries(partsOfDay)) weekdayParts[d + p] = { weekday: i + 1, part: v };
});
const days: Record<string, { offset: number; part?: DayPart; pastNight?: boolean }> = {
  vandaag: { offset: 0 },
  gisteren: { offset: -1 },
  morgen: { offset: 1 },
  eergisteren: { offset: -2 },
  overmorgen: { offset: 2 },
  vanavond: { offset: 0, part: "EV" },
  vannacht: { offset: 0, part: "NI", pastNight: true },
  vanochtend: { offset: 0, part: "MO" },
  vanmorgen: { offset: 0, part: "MO" },
  vanmiddag: { offset: 0, part: "AF" },
  "deze ochtend": { offset: 0, part: "MO" },
  "deze middag": { offset: 0, part: "AF" },
  "afgelopen nacht": { offset: -1, part: "NI" },
  "de afgelopen nacht": { offset: -1, part: "NI" },
};
for (const [p, v] of Object.entries(partsOfDay)) {
  days[`gister${p}`] = { offset: -1, part: v };
  days[`gisteren${p}`] = { offset: -1, part: v };
  if (p !== "morgen") days[`morgen${p}`] = { offset: 1, part: v };
  days[`eergister${p}`] = { offset: -2, part: v };
}

const units: Record<string, { unit: Unit; plural: boolean; stretch?: boolean }> = {};
const U: [string, string, Unit][] = [
  ["seconde", "seconden", "second"],
  ["minuut", "minuten", "minute"],
  ["uur", "uren", "hour"],
  ["etmaal", "etmalen", "day"],
  ["dag", "dagen", "day"],
  ["week", "weken", "week"],
  ["weekend", "weekenden", "weekend"],
  ["maand", "maanden", "month"],
  ["kwartaal", "kwartalen", "quarter"],
  ["jaar", "jaren", "year"],
  ["decennium", "decennia", "decade"],
  ["eeuw", "eeuwen", "century"],
];
for (const [s, p, u] of U) (units[s] = { unit: u, plural: false }), (units[p] = { unit: u, plural: true });
Object.assign(units, { etmaal: { unit: "day", plural: false, stretch: true }, etmalen: { unit: "day", plural: true, stretch: true }, boekjaar: { unit: "year", plural: false } });

const ORD = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste"];
const ordinals: Record<string, number> = { eenentwintigste: 21, tweeëntwintigste: 22, drieëntwintigste: 23, vierentwintigste: 24, vijfentwintigste: 25, zesentwintigste: 26, zevenentwintigste: 27, achtentwintigste: 28, negenentwintigste: 29, dertigste: 30, eenendertigste: 31 };
ORD.forEach((w, i) => (ordinals[w] = i + 1));

export const times: TimeLexicon = {
  numbers,
  months,
  ambiguousMonths: ["mei", "maart", "jan", "dec", "juni", "juli"],
  monthsCapitalised: false,
  weekdays,
  seasons: { lente: "SP", voorjaar: "SP", zomer: "SU", herfst: "FA", najaar: "FA", winter: "WI" },
  ambiguousSeasons: [],
  partsOfDay,
  days,
  weekdayParts,
  units,
  relatives: {
    vorig: { offset: -1 },
    vorige: { offset: -1 },
    afgelopen: { offset: -1, durative: true },
    laatste: { offset: -1, durative: true },
    verleden: { offset: -1 },
    volgend: { offset: 1 },
    volgende: { offset: 1 },
    komend: { offset: 1, durative: true },
    komende: { offset: 1, durative: true },
    aanstaande: { offset: 1 },
    deze: { offset: 0 },
    dit: { offset: 0 },
    huidige: { offset: 0 },
  },
  determiners: ["de", "het", "dit", "deze", "die", "dat"],
  articles: ["de", "het"],
  ofWords: ["van"],
  ago: ["geleden"],
  than: ["dan"],
  ageAfter: ["oud", "jarige", "en ouder", "of ouder", "en jonger"],
  vaguePluralBefore: ["geleden", "later", "eerder", "voordat", "nadat", "daarna", "daarvoor"],
  unitAdjectives: ["volle", "hele", "achtereenvolgende", "lange", "extra", "ruime"],
  rangeWords: ["en", "tot", "of", "à", "-", "–"],
  nightOf: ["de nacht van"],
  nightTo: ["op"],
  namedClock: { middernacht: "24:00", middaguur: "12:00" },
  blockers: ["zo snel mogelijk", "zomertijd", "wintertijd", "af en toe", "van tijd tot tijd", "nu en dan", "tot nu toe", "nu.nl", "nu eenmaal", "nu wel", "nu eens", "neem nu"],
  shifts: { later: 1, daarna: 1, erna: 1, nadien: 1, eerder: -1, daarvoor: -1, ervoor: -1, tevoren: -1, voordien: -1 },
  anaphors: {
    "de dag erna": { unit: "day", offset: 1 },
    "de dag daarna": { unit: "day", offset: 1 },
    "de dag daarop": { unit: "day", offset: 1 },
    "de volgende dag": { unit: "day", offset: 1 },
    "de dag erop": { unit: "day", offset: 1 },
    "een dag later": { unit: "day", offset: 1 },
    "de dag ervoor": { unit: "day", offset: -1 },
    "de dag daarvoor": { unit: "day", offset: -1 },
    "de dag voordien": { unit: "day", offset: -1 },
    "de vorige dag": { unit: "day", offset: -1 },
    "de dag tevoren": { unit: "day", offset: -1 },
    "die dag": { unit: "day", offset: 0 },
    "diezelfde dag": { unit: "day", offset: 0 },
    "dezelfde dag": { unit: "day", offset: 0 },
    "de volgende ochtend": { unit: "day", offset: 1, part: "MO" },
    "de volgende morgen": { unit: "day", offset: 1, part: "MO" },
    "de ochtend erna": { unit: "day", offset: 1, part: "MO" },
    "de avond ervoor": { unit: "day", offset: -1, part: "EV" },
    "de nacht ervoor": { unit: "day", offset: -1, part: "NI" },
    "die ochtend": { unit: "day", offset: 0, part: "MO" },
    "die middag": { unit: "day", offset: 0, part: "AF" },
    "die avond": { unit: "day", offset: 0, part: "EV" },
    "die nacht": { unit: "day", offset: 0, part: "NI" },
    "die week": { unit: "week", offset: 0 },
    "de week erna": { unit: "week", offset: 1 },
    "de week daarop": { unit: "week", offset: 1 },
    "de volgende week": { unit: "week", offset: 1 },
    "de week ervoor": { unit: "week", offset: -1 },
    "die maand": { unit: "month", offset: 0 },
    "de maand erna": { unit: "month", offset: 1 },
    "de maand ervoor": { unit: "month", offset: -1 },
    "dat jaar": { unit: "year", offset: 0 },
    "datzelfde jaar": { unit: "year", offset: 0 },
    "hetzelfde jaar": { unit: "year", offset: 0 },
    "het jaar erna": { unit: "year", offset: 1 },
    "het jaar daarop": { unit: "year", offset: 1 },
    "het volgende jaar": { unit: "year", offset: 1 },
    "het jaar ervoor": { unit: "year", offset: -1 },
    "het jaar daarvoor": { unit: "year", offset: -1 },
    "het vorige jaar": { unit: "year", offset: -1 },
  },
  edges: {
    begin: "START",
    "het begin van": "START",
    "aan het begin van": "START",
    "in het begin van": "START",
    "de start van": "START",
    "eind": "END",
    "einde": "END",
    "eind van": "END",
    "het eind van": "END",
    "het einde van": "END",
    "aan het eind van": "END",
    "aan het einde van": "END",
    eerder: "START",
    later: "END",
    half: "MID",
    medio: "MID",
    midden: "MID",
    "het midden van": "MID",
    halverwege: "MID",
  },
  theYear: ["het jaar", "dit jaar"],
  approx: {
    ongeveer: "APPROX",
    circa: "APPROX",
    "ca.": "APPROX",
    rond: "APPROX",
    "zo'n": "APPROX",
    "zo’n": "APPROX",
    bijna: "LESS_THAN",
    "nog geen": "LESS_THAN",
    "minder dan": "LESS_THAN",
    "ruim": "MORE_THAN",
    "meer dan": "MORE_THAN",
    "langer dan": "MORE_THAN",
    "ten minste": "EQUAL_OR_MORE",
    minstens: "EQUAL_OR_MORE",
    "slechts": "EQUAL_OR_LESS",
    "amper": "EQUAL_OR_LESS",
    "nauwelijks": "EQUAL_OR_LESS",
  },
  vague: ["enkele", "een paar", "meerdere", "vele", "verscheidene", "ettelijke", "recente", "een aantal", "tal van", "talloze"],
  vaguePluralAfter: ["al", "sinds", "na", "binnen", "in", "over"],
  every: ["elke", "ieder", "iedere", "elk"],
  sets: {
    dagelijks: "P1D",
    wekelijks: "P1W",
    maandelijks: "P1M",
    jaarlijks: "P1Y",
    "per dag": "P1D",
    "per week": "P1W",
    "per maand": "P1M",
    "per jaar": "P1Y",
    "per uur": "PT1H",
    "'s nachts": "XXXX-XX-XXTNI",
    "’s nachts": "XXXX-XX-XXTNI",
    "'s ochtends": "XXXX-XX-XXTMO",
    "’s ochtends": "XXXX-XX-XXTMO",
    "'s avonds": "XXXX-XX-XXTEV",
    "’s avonds": "XXXX-XX-XXTEV",
    jarenlang: "PXY",
    maandenlang: "PXM",
    wekenlang: "PXW",
    dagenlang: "PXD",
    urenlang: "PTXH",
    decennialang: "PXDE",
    eeuwenlang: "PXCE",
  },
  // "nu" is the present of the report ("wat nu onderzocht wordt"); "tot nu toe" (so far), the particles "nu
  // eenmaal" and "nu wel" ("wat we nu wel en niet weten") and the outlet NU.nl are blocked
  refs: {
    nu: "PRESENT_REF",
    momenteel: "PRESENT_REF",
    tegenwoordig: "PRESENT_REF",
    thans: "PRESENT_REF",
    "op dit moment": "PRESENT_REF",
    "op het moment": "PRESENT_REF",
    "op dit ogenblik": "PRESENT_REF",
    onlangs: "PAST_REF",
    recent: "PAST_REF",
    recentelijk: "PAST_REF",
    "het verleden": "PAST_REF",
    "destijds": "PAST_REF",
    "de toekomst": "FUTURE_REF",
    binnenkort: "FUTURE_REF",
    "op korte termijn": "FUTURE_REF",
    "op lange termijn": "FUTURE_REF",
  },
  clockWords: ["uur", "u", "h"],
  clockPrepositions: ["om", "rond", "tot", "vanaf", "omstreeks", "tegen", "tussen", "van"],
  meridiem: { "'s ochtends": "am", "’s ochtends": "am", "'s morgens": "am", "’s morgens": "am", "'s middags": "pm", "’s middags": "pm", "'s avonds": "pm", "’s avonds": "pm", "'s nachts": "am", "’s nachts": "am", "a.m.": "am", "p.m.": "pm" },
  zones: { utc: "Z", gmt: "Z" },
  numericOrder: "dmy",
  ordinals,
  ordinalSuffixes: ["e", "ste", "de"],
  quarterWords: ["kwartaal"],
  halfWords: ["helft", "halfjaar"],
  centuryWords: ["eeuw"],
  decadeNames: {},
  decadePrefixes: ["jaren"],
  futureCues: ["zal", "zullen", "zult", "zou", "zouden", "gaat", "gaan", "wil", "willen", "komende", "volgende", "aanstaande", "verwacht", "gepland", "moet", "moeten", "morgen", "kan", "kunnen", "zou", "zouden", "in aanloop naar", "voorafgaand aan"],
  pastCues: ["was", "waren", "werd", "werden", "had", "hadden", "heeft", "zei", "zeiden", "vielen", "viel", "kwam", "kwamen", "ging", "gingen", "sprak", "liet", "lieten", "nam", "namen", "gaf", "gaven", "vond", "vonden", "stond", "stonden", "bleef", "bleven", "ontstonden", "ontstond", "trok", "trokken", "geleden", "vorige", "afgelopen", "sinds", "gisteren"],
  pastPatterns: [/^ge[a-zë]{2,}[dt]$/, /^[a-z]{3,}(?:dde|tte|dden|tten)$/],
  nameBefore: ["sint", "st"],
  clauseJoiners: ["en", "maar", "terwijl", "hoewel", "want", "toen", "nadat", "voordat"],
  dayPrepositions: ["op"],
  dayPartPhrases: (() => {
    const out: Record<string, DayPart> = {};
    const moments: [string, DayPart][] = [["zonsopgang", "MO"], ["dageraad", "MO"], ["het ochtendgloren", "MO"], ["het krieken van de dag", "MO"], ["zonsondergang", "EV"], ["het vallen van de avond", "EV"], ["de schemering", "EV"], ["het vallen van de nacht", "NI"], ["het invallen van de duisternis", "NI"], ["het invallen van de nacht", "NI"]];
    for (const [m, p] of moments) {
      if (!m.includes(" ")) out[m] = p;
      for (const pre of ["bij", "voor", "vlak voor", "kort voor", "net voor", "na", "vlak na", "kort na", "net na", "rond", "tegen", "in"]) out[`${pre} ${m}`] = p;
    }
    out["in de vroege ochtend"] = "MO";
    out["vroeg in de ochtend"] = "MO";
    out["in de vroege ochtenduren"] = "MO";
    out["laat in de avond"] = "EV";
    out["in de late avond"] = "EV";
    out["in de nachtelijke uren"] = "NI";
    out["midden in de nacht"] = "NI";
    return out;
  })(),
  partPrepositions: ["in", "van", "tijdens", "gedurende", "heel"],
  birthCues: ["geboren", "geboren in", "geboren op", "geb."],
};
