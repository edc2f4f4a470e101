import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: leaks in a gas pipeline under the Baltic, first counted as a whole, then
// spread over two countries' waters ("two in Denmark's zone and two in Sweden's"). A count given for one
// place beside another is a part of the whole: its own group, never a rival total in the range.
const REPORTS = [
  {
    file: "1.en.txt", title: "Four leaks in Baltic pipeline", source: "Baltic Wire", published: "2025-06-03T12:00:00+00:00", lang: "en" as const,
    text:
      "Four leaks have been found in the Baltic Link gas pipeline, the Danish Energy Agency said on Tuesday.\n\n" +
      "Two leaks had been detected in Denmark's exclusive economic zone and two in Sweden's.\n",
  },
  {
    file: "2.nl.txt", title: "Lekken in Baltic Link", source: "Noorderkrant", published: "2025-06-04T10:00:00+02:00", lang: "nl" as const,
    text:
      "In de gasleiding Baltic Link zijn vier lekken gevonden.\n\n" +
      "Drie ervan bevinden zich in de Deense exclusieve economische zone en één in die van Zweden.\n",
  },
];

const b = await briefed(REPORTS, "parts-places");

test("figures: a count spread over places is a part of the whole, its own group in both languages", () => {
  assert.deepEqual(groups(b.en, "figures"), [
    "Other figures (leaks) — 4, sources agree: “Four leaks” 4 — Danish Energy Agency, Tuesday 3 June 2025 | “vier lekken” 4 — Noorderkrant, Wednesday 4 June 2025",
    "Other figures (leaks, per place) — 2, one source: “Two leaks” 2 — Baltic Wire, Tuesday 3 June 2025",
    "Other figures (leaks, per place) — 3, one source: “Drie ervan” 3 — Noorderkrant, Wednesday 4 June 2025",
  ]);
  assert.deepEqual(groups(b.nl, "figures"), [
    "Overige cijfers (lekken) — 4, bronnen zijn het eens: “Four leaks” 4 — Danish Energy Agency, dinsdag 3 juni 2025 | “vier lekken” 4 — Noorderkrant, woensdag 4 juni 2025",
    "Overige cijfers (lekken, per plaats) — 2, één bron: “Two leaks” 2 — Baltic Wire, dinsdag 3 juni 2025",
    "Overige cijfers (lekken, per plaats) — 3, één bron: “Drie ervan” 3 — Noorderkrant, woensdag 4 juni 2025",
  ]);
});
