import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test: the toll of floods in Volos, "revised upward again" in the reports' own
// words, beside the figures the mayor and the fire service give. That a count moved is not the count: the
// revision is one proposition (in both languages), the mayor's feared 300 and the fire service's 95 others.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Burgemeester vreest 300 doden", source: "Zuidkust", published: "2025-09-05T20:00:00+02:00", lang: "nl",
    text:
      "De overstromingen in Volos hebben zeker twaalf levens geëist.\n\n" +
      "Volgens burgemeester Nikos Papadakis is de dodentol in realiteit nog veel hoger. \"Enkel in Volos vrezen we al voor 300 doden, en daar zijn ook honderden mensen vermist\", aldus Papadakis.\n",
  },
  {
    file: "2.nl.txt", title: "Dodental Volos bijgesteld", source: "Egeïsche Post", published: "2025-09-07T12:00:00+02:00", lang: "nl",
    text:
      "Het dodental in Volos is opnieuw naar boven bijgesteld. Volgens de recentste cijfers van de brandweer zijn er inmiddels 95 slachtoffers geteld.\n",
  },
  {
    file: "3.en.txt", title: "Volos toll revised", source: "Aegean Wire", published: "2025-09-07T15:00:00+00:00", lang: "en",
    text:
      "The death toll in Volos has been revised upward again. The fire service said 95 people had died.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-moved");

test("established: a toll revised upward is the reports' own words in two languages, fused with no speaker's figure", () => {
  assert.deepEqual(section(brief.en, "established").lines.map(show), ["“The death toll in Volos has been revised upward again” (2 reports)"]);
  assert.deepEqual(section(brief.nl, "established").lines.map(show), ["“Het dodental in Volos is opnieuw naar boven bijgesteld” (2 berichten)"]);
});

test("who claims what: the mayor's feared toll stays his own line", () => {
  assert.deepEqual(groups(brief.nl, "claims"), [
    "brandweer: “Volgens de recentste cijfers van de brandweer zijn er inmiddels 95 slachtoffers geteld” (2 berichten, 1 onafhankelijk)",
    // (the clause of the missing quoted with his whole sentence, which holds the feared toll too)
    "Nikos Papadakis: “Volgens burgemeester Nikos Papadakis is de dodentol in realiteit nog veel hoger” | “‘Enkel in Volos vrezen we al voor 300 doden, en daar zijn ook honderden mensen vermist’, aldus Papadakis”",
  ]);
});
