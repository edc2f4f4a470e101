import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: leaks in a gas pipeline off Bornholm. The first report counts two leaks in a
// sentence that only guesses at their cause ("probably caused by underwater blasts"); two days later a Dutch
// report counts four. The count rose as leaks were found: an update, not two sources at odds. The guess is
// about the cause, not the count (an exact figure, no "up to" or "about").
const REPORTS = [
  {
    file: "1.en.txt", title: "Leaks found in Balticlink pipeline", source: "North Wire", published: "2025-02-11T09:00:00+00:00", lang: "en" as const,
    text:
      "Two leaks, probably caused by underwater blasts, were found in the Balticlink gas pipeline near the Danish island of Bornholm on Monday.\n\n" +
      "The pipeline was not in use at the time, but it was filled with gas.\n",
  },
  {
    file: "2.nl.txt", title: "Vier lekken in Balticlink", source: "Havenkrant", published: "2025-02-13T10:00:00+01:00", lang: "nl" as const,
    text: "In de Balticlink-gaspijpleiding bij het Deense eiland Bornholm zijn inmiddels vier lekken gevonden.\n\nDe leiding was op dat moment niet in gebruik, maar bevatte wel gas.\n",
  },
];

const b = await briefed(REPORTS, "rising-hedged");

test("an exact count in a claim that only guesses at a cause rises with a later count: a series, not a range", () => {
  assert.deepEqual(groups(b.en, "figures"), [
    "Other figures (leaks) — rising: 2 → 4, latest on Thursday 13 February 2025 (an update, not a dispute): “Two leaks” 2 — North Wire, Tuesday 11 February 2025 | “vier lekken” 4 — Havenkrant, Thursday 13 February 2025",
  ]);
  assert.deepEqual(groups(b.nl, "figures"), [
    "Overige cijfers (lekken) — oplopend: 2 → 4, laatst op donderdag 13 februari 2025 (een update, geen tegenspraak): “Two leaks” 2 — North Wire, dinsdag 11 februari 2025 | “vier lekken” 4 — Havenkrant, donderdag 13 februari 2025",
  ]);
});
