import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a flood in the port city of Valona. On Monday a Dutch report gives the first
// official toll, the Red Cross's higher one and the mayor's fear; on Wednesday the health ministry counts more;
// on Saturday the WHO revises the toll down. The differing figures read in the order the reports gave them,
// not in the order the disputes were found.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Dodental overstroming Valona", source: "Kustkrant", published: "2025-09-01T20:00:00+02:00", lang: "nl" as const,
    text:
      "Bij de overstroming in de Albanese havenstad Valona zijn zeker twaalf mensen omgekomen. De officiële dodentol staat voorlopig op 12, maar dat zijn voorlopige cijfers. Het Rode Kruis spreekt over zeker 80 doden.\n\n" +
      'Volgens burgemeester Ilir Dervishi is de dodentol in realiteit nog veel hoger. "Enkel in de benedenstad vrezen we al voor 300 doden", aldus Dervishi.\n',
  },
  {
    file: "2.en.txt", title: "Valona flood toll", source: "Adriatic Wire", published: "2025-09-03T10:00:00+00:00", lang: "en" as const,
    text: "At least 450 people died in the floods in the Albanian port city of Valona, the health ministry said on Wednesday.\n",
  },
  {
    file: "3.en.txt", title: "UN revises Valona toll", source: "Relief Daily", published: "2025-09-06T10:00:00+00:00", lang: "en" as const,
    text: "The World Health Organization said 210 people were killed in the floods in Valona, revising the toll.\n",
  },
];

const b = await briefed(REPORTS, "contested-order");
const contested = (lang: "en" | "nl") => section(b[lang], "unclear").groups!.find((g) => g.title === (lang === "en" ? "Contested" : "Betwist"))!.lines.map(show);

test("differing figures of one kind read in the order the reports gave them", () => {
  assert.equal(contested("en")[0], "Killed: ≥12 according to Kustkrant; 12 according to Kustkrant; ≥80 according to Red Cross; 300 according to Ilir Dervishi; ≥450 according to health ministry; 210 according to World Health Organization.");
  assert.equal(contested("nl")[0], "Doden: ≥12 volgens Kustkrant; 12 volgens Kustkrant; ≥80 volgens Rode Kruis; 300 volgens Ilir Dervishi; ≥450 volgens ministerie van Volksgezondheid; 210 volgens Wereldgezondheidsorganisatie.");
  // (each figure's citation in the same order)
  const line = section(b.en, "unclear").groups!.find((g) => g.title === "Contested")!.lines[0]!;
  const published = new Map(b.en.reports.map((r) => [r.doc, Date.parse(r.published)]));
  const times = line.cites.map((c) => published.get(c.doc)!);
  assert.deepEqual(times, [...times].sort((x, y) => x - y));
});
