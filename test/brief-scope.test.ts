import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: floods in the Greek port of Volos. The toll rises from 40 to 95; one
// report counts the foreigners among the dead ("of the dead, 12 were tourists"), another the dead
// elsewhere in the country: a part of the toll and another place's toll, neither a rival count of it.
const REPORTS = [
  {
    file: "1.en.txt", title: "Floods kill 40 in Volos", source: "Aegean Wire", published: "2025-09-05T18:00:00+00:00", lang: "en",
    text:
      "At least 40 people were killed when floods swept through the port city of Volos on Thursday, the fire service said.\n\n" +
      "Of the dead, 12 were tourists, officials in Athens said on Friday.\n",
  },
  {
    file: "2.en.txt", title: "Volos flood toll rises to 95", source: "Harbour Daily", published: "2025-09-07T09:00:00+00:00", lang: "en",
    text:
      "The death toll of the floods in Volos has risen to 95, the regional governor said on Saturday.\n\n" +
      "The storm also killed about 30 people elsewhere in the country.\n",
  },
  {
    file: "3.nl.txt", title: "Dodental Volos loopt op", source: "Zuidkust", published: "2025-09-07T12:00:00+02:00", lang: "nl",
    text:
      "Bij de overstromingen in Volos zijn 95 mensen om het leven gekomen, meldt de gouverneur van de regio.\n\n" +
      "Onder de doden zijn vijf Nederlanders, zegt het ministerie van Buitenlandse Zaken.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-scope");

test("figures: a part of the toll and a toll elsewhere are listed apart, after the toll itself", () => {
  assert.deepEqual(groups(brief.en, "figures"), [
    "Killed (Volos) — rising: ≥40 → 95, latest on Sunday 7 September 2025 (an update, not a dispute): “At least 40 people” ≥40 — fire service, Friday 5 September 2025 | “95” 95 — regional governor, Sunday 7 September 2025 | “95 mensen” 95 — regional governor, Sunday 7 September 2025",
    "Killed (elsewhere) — 30, one source: “about 30 people” ~30 — Harbour Daily, Sunday 7 September 2025",
    "Killed (part of the total, Volos) — 12, one source: “12” 12 — officials, Friday 5 September 2025",
    "Killed (part of the total, Volos) — 5, one source: “vijf Nederlanders” 5 — Buitenlandse Zaken, Sunday 7 September 2025",
  ]);
  assert.deepEqual(groups(brief.nl, "figures"), [
    "Doden (Volos) — oplopend: ≥40 → 95, laatst op zondag 7 september 2025 (een update, geen tegenspraak): “At least 40 people” ≥40 — brandweer, vrijdag 5 september 2025 | “95” 95 — gouverneur, zondag 7 september 2025 | “95 mensen” 95 — gouverneur, zondag 7 september 2025",
    "Doden (elders) — 30, één bron: “about 30 people” ~30 — Harbour Daily, zondag 7 september 2025",
    "Doden (deel van het totaal, Volos) — 12, één bron: “12” 12 — autoriteiten, vrijdag 5 september 2025",
    "Doden (deel van het totaal, Volos) — 5, één bron: “vijf Nederlanders” 5 — Buitenlandse Zaken, zondag 7 september 2025",
  ]);
});

test("contested: neither a part of the toll nor a toll elsewhere contradicts the toll, and the rising toll is an update", () => {
  for (const lang of ["en", "nl"] as const) assert.deepEqual(groups(brief[lang], "unclear"), []);
});
