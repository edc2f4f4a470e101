// The lead story of an event shows in the default briefing: what every outlet carries, in both languages, from one
// origin (a group's claim of the attack) is not set behind what two outlets each state in their own words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a bombing of a station; five outlets, two languages. Four of them say that one
// group claimed it (one origin: the group's own word); four facts are each stated by two outlets.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Doden bij bomaanslag op station Lyon", source: "Twentse Bode", published: "2025-05-09T21:00:00+02:00", lang: "nl" as const,
    text: "Bij een bomaanslag op het centraal station van Lyon zijn vrijdagavond twaalf mensen om het leven gekomen.\n\nVeertig mensen raakten gewond. De aanslag is opgeëist door de terreurgroep Nordfront.\n",
  },
  {
    file: "2.nl.txt", title: "Twee aanhoudingen na aanslag in Lyon", source: "Haagse Post", published: "2025-05-10T09:00:00+02:00", lang: "nl" as const,
    text: "De Franse politie heeft na de bomaanslag op het station van Lyon twee verdachten aangehouden.\n\nDe burgemeester van Lyon heeft drie dagen van rouw afgekondigd. De terreurgroep Nordfront heeft de aanslag opgeëist.\n",
  },
  {
    file: "3.en.txt", title: "Twelve killed in Lyon station bombing", source: "Channel Courier", published: "2025-05-10T11:00:00+02:00", lang: "en" as const,
    text: "Twelve people were killed on Friday evening when a bomb exploded at the central station in Lyon.\n\nFrench police arrested two suspects on Saturday. The militant group Nordfront claimed responsibility for the attack in a statement.\n",
  },
  {
    file: "4.en.txt", title: "Lyon station stays shut after attack", source: "Harbour Daily", published: "2025-05-10T15:00:00+02:00", lang: "en" as const,
    text: "Forty people were wounded in Friday's bombing of the central station in Lyon.\n\nThe mayor of Lyon declared three days of mourning.\n",
  },
  {
    file: "5.nl.txt", title: "Nordfront eist aanslag Lyon op", source: "Zeeuwse Krant", published: "2025-05-10T18:00:00+02:00", lang: "nl" as const,
    text: "De aanslag op het station van Lyon werd zaterdag opgeëist door Nordfront, een gewapende groep die sinds vorig jaar actief is.\n",
  },
];

const [short, whole] = [await briefed(REPORTS, "lead-short", 4), await briefed(REPORTS, "lead-whole")];

test("the claim four outlets carry from one origin leads what is established, ahead of facts two outlets state", () => {
  const claim = "“De terreurgroep Nordfront heeft de aanslag opgeëist” (4 reports, 1 independent)";
  assert.deepEqual(section(short.en, "established").lines.map(show), [
    claim,
    "“Twelve people were killed on Friday evening when a bomb exploded at the central station in Lyon” (2 reports)",
    "“Forty people were wounded in Friday's bombing of the central station in Lyon” (2 reports)",
    "“French police arrested two suspects on Saturday” (2 reports)",
  ]);
  assert.equal(section(short.en, "established").more, 1);
  assert.equal(section(short.nl, "established").lines.map(show)[0], "“De terreurgroep Nordfront heeft de aanslag opgeëist” (4 berichten, 1 onafhankelijk)");
  // (the whole briefing holds the same lines in the same order: the short one only cuts it)
  assert.deepEqual(section(whole.en, "established").lines.map(show).slice(0, 4), section(short.en, "established").lines.map(show));
});
