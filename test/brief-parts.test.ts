import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a gun attack on a concert hall in Vienna. The police hold eleven people;
// four of them, other reports say, are the gunmen themselves (a part of the arrests, not a rival count).
// The minister says where the gunman shot ("in the centre of Vienna"), and a group claims the attack on
// Telegram: a city and a channel named as where are no doers, so nobody names "different doers".
const REPORTS = [
  {
    file: "1.en.txt", title: "Eleven held after concert hall attack", source: "Danube Post", published: "2025-11-14T08:00:00+00:00", lang: "en",
    text:
      "Police in Austria have arrested 11 people, including four gunmen, after an attack on a concert hall in Vienna that killed six people.\n\n" +
      "\"All four gunmen who carried out the attack were found and detained,\" the chancellor said.\n",
  },
  {
    file: "2.nl.txt", title: "Vier verdachten opgepakt", source: "Alpenkrant", published: "2025-11-14T10:00:00+01:00", lang: "nl",
    text:
      "In totaal zijn elf mensen aangehouden na de aanslag op de concertzaal in Wenen.\n\n" +
      "Volgens de politie zouden vier verdachten daadwerkelijk hebben deelgenomen aan de aanval op de concertzaal.\n",
  },
  {
    file: "3.nl.txt", title: "Dader overleden", source: "Weekblad Oost", published: "2025-11-15T09:00:00+01:00", lang: "nl",
    text:
      "De man die vrijdagavond zes bezoekers in het centrum van Wenen doodschoot, is zelf ook overleden, zei de Oostenrijkse minister van Binnenlandse Zaken.\n\n" +
      "Islamitische Staat zegt in een boodschap op Telegram verantwoordelijk te zijn voor de aanslag in het centrum van Wenen.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-parts");

test("figures: the gunmen among the arrested are a group of their own, never a range with all arrests", () => {
  assert.deepEqual(groups(brief.en, "figures"), [
    "Killed (Vienna) — 6, sources agree: “six people” 6 — Danube Post, Friday 14 November 2025 | “zes bezoekers” 6 — Binnenlandse Zaken, Saturday 15 November 2025",
    "Arrested (Vienna) — 11, sources agree: “11 people” 11 — Danube Post, Friday 14 November 2025 | “elf mensen” 11 — Alpenkrant, Friday 14 November 2025",
    "Arrested (attackers, Vienna) — 4, one source: “four gunmen” 4 — chancellor, Friday 14 November 2025",
    "Other figures (suspects, Vienna) — 4, one source: “vier verdachten” 4 — police, Friday 14 November 2025",
  ]);
  assert.deepEqual(groups(brief.nl, "figures"), [
    "Doden (Wenen) — 6, bronnen zijn het eens: “six people” 6 — Danube Post, vrijdag 14 november 2025 | “zes bezoekers” 6 — Binnenlandse Zaken, zaterdag 15 november 2025",
    "Arrestaties (Wenen) — 11, bronnen zijn het eens: “11 people” 11 — Danube Post, vrijdag 14 november 2025 | “elf mensen” 11 — Alpenkrant, vrijdag 14 november 2025",
    "Arrestaties (daders, Wenen) — 4, één bron: “four gunmen” 4 — chancellor, vrijdag 14 november 2025",
    "Overige cijfers (verdachten, Wenen) — 4, één bron: “vier verdachten” 4 — politie, vrijdag 14 november 2025",
  ]);
});

test("contested: no figure dispute between all arrests and the gunmen, and no doer dispute over the city or the channel where it happened", () => {
  for (const lang of ["en", "nl"] as const) assert.deepEqual(groups(brief[lang], "unclear"), []);
});
