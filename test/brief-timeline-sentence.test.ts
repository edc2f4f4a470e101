import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a bridge that collapsed in the town of Lorn. One sentence gives two years
// (when the bridge was last repaired); three others give the days of the collapse, the rescue and the
// inquiry. The default briefing's timeline shows three sentences: the two years are one line, not two lines
// with the same words that leave out a day.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Brug in Lorn ingestort", source: "Rivierbode", published: "2025-06-04T18:00:00+02:00", lang: "nl" as const,
    text:
      "De brug werd tussen 1996 en 1998 voor het laatst hersteld, meldt de provincie.\n\n" +
      "De brug over de Maas in Lorn stortte maandag in.\n\n" +
      "Reddingswerkers haalden dinsdag drie mensen uit het water.\n\n" +
      "De provincie begint woensdag een onderzoek naar de oorzaak.\n",
  },
];

const b = await briefed(REPORTS, "timeline-sentence", 4);

test("times one sentence gives one after the other are one line of the timeline, which then shows one sentence more", () => {
  const s = section(b.en, "timeline");
  assert.deepEqual(s.lines.map(show), [
    "“De brug werd tussen 1996 en 1998 voor het laatst hersteld, meldt de provincie” 1996 (1996); 1998 (1998)",
    "“De brug over de Maas in Lorn stortte maandag in” Monday 2 June 2025 (maandag)",
    "“Reddingswerkers haalden dinsdag drie mensen uit het water” Tuesday 3 June 2025 (dinsdag)",
  ]);
  assert.equal(s.more, 1);
  assert.equal(show(section(b.nl, "timeline").lines[0]!), "“De brug werd tussen 1996 en 1998 voor het laatst hersteld, meldt de provincie” 1996 (1996); 1998 (1998)");
});
