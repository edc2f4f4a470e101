import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: leaks in a gas pipeline under the Baltic, counted in English ("leaks") and
// later in Dutch ("gaslekken"): one measure, named as the briefing's language names it.
const REPORTS = [
  {
    file: "1.en.txt", title: "Explosions behind pipeline leaks", source: "Baltic Wire", published: "2025-06-02T12:00:00+00:00", lang: "en",
    text:
      "Two undersea leaks that began in the Russian-owned Baltic Link gas pipelines on Monday were likely caused by underwater explosions, Danish seismologists said.\n",
  },
  {
    file: "2.nl.txt", title: "Vier gaslekken gevonden", source: "Noorderkrant", published: "2025-06-05T10:00:00+02:00", lang: "nl",
    text:
      "Moskou heeft elke betrokkenheid bij de explosies ontkend.\n\n" +
      "In de Baltic Link-leidingen zijn inmiddels vier grote gaslekken gevonden, meldt de Deense kustwacht.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-measures");

test("figures: leaks counted in English and in Dutch read as one measure, named in the briefing's language", () => {
  assert.deepEqual(groups(brief.en, "figures"), [
    "Other figures (leaks) — 2, one source: “Two undersea leaks” 2 — Danish seismologists, Monday 2 June 2025",
    "Other figures (leaks) — 4, one source: “vier grote gaslekken” 4 — Danish coast guard, Thursday 5 June 2025",
  ]);
  assert.deepEqual(groups(brief.nl, "figures"), [
    "Overige cijfers (gaslekken) — 2, één bron: “Two undersea leaks” 2 — Danish seismologists, maandag 2 juni 2025",
    "Overige cijfers (gaslekken) — 4, één bron: “vier grote gaslekken” 4 — Deense kustwacht, donderdag 5 juni 2025",
  ]);
});
