// A week in the timeline ("vorige week", "earlier this week") reads as the week it is and comes where it begins,
// before the days in it: never as "2025-W46" after every dated line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { brief as en } from "../src/lang/en/brief.js";
import { brief as nl } from "../src/lang/nl/brief.js";
import { timexInWords, timexOrder } from "../src/brief/labels.js";
import { briefed, section, show } from "./briefed.js";

// A report written for this test: a dike gives way after a week of rain.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Dijk bij Roermond doorgebroken", source: "Limburgse Post", published: "2025-11-20T09:00:00+01:00", lang: "nl" as const,
    text: "Door de aanhoudende regen van vorige week is dinsdag een dijk bij Roermond doorgebroken.\n\nWoensdag werden driehonderd bewoners van de wijk Hoogvonderen geëvacueerd.\n",
  },
];

const brief = await briefed(REPORTS, "timeline-week");

test("the week before a dated day comes first in the timeline, in words", () => {
  assert.deepEqual(section(brief.en, "timeline").lines.map(show), [
    "“Door de aanhoudende regen van vorige week is dinsdag een dijk bij Roermond doorgebroken” the week of 10 November 2025 (vorige week); Tuesday 18 November 2025 (dinsdag)",
    "“Woensdag werden driehonderd bewoners van de wijk Hoogvonderen geëvacueerd” Wednesday 19 November 2025 (Woensdag)",
  ]);
  assert.equal(section(brief.nl, "timeline").lines.map(show)[0]!.split("” ")[1], "de week van 10 november 2025 (vorige week); dinsdag 18 november 2025 (dinsdag)");
});

test("a week's order key: before its Monday and after the day before; its weekend before its Saturday; ISO weeks across a new year", () => {
  const sorted = ["2025-11-10", "2025-W46", "2025-11-09T22:00", "2025-11-15", "2025-W46-WE", "2025-11-14"].sort((a, b) => (timexOrder(a) < timexOrder(b) ? -1 : timexOrder(a) > timexOrder(b) ? 1 : 0));
  assert.deepEqual(sorted, ["2025-11-09T22:00", "2025-W46", "2025-11-10", "2025-11-14", "2025-W46-WE", "2025-11-15"]);
  assert.equal(timexInWords("2026-W01", en), "the week of 29 December 2025");
  assert.equal(timexInWords("2026-W01", nl), "de week van 29 december 2025");
});
