import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a gas explosion at a market in Tbilisi whose toll rises over a day, from
// "nearly thirty" in the morning to "at least 45" in the evening. The morning's figure is history once the
// evening's report raises it: the line that the blast killed people at the market stands, but it neither
// quotes nor cites the superseded toll, and the arrests line does not cite the claim that gives the
// arrests beside the morning's toll.
const REPORTS = [
  {
    file: "1.en.txt", title: "Blast at Tbilisi market", source: "Caucasus Wire", published: "2025-06-14T07:00:00+00:00", lang: "en",
    text:
      "A gas explosion at a market in Tbilisi on Saturday killed nearly 30 people.\n\n" +
      "Police have arrested two men in connection with the blast, which killed nearly 30 people, according to the interior ministry.\n",
  },
  {
    file: "2.nl.txt", title: "Explosie op markt in Tbilisi", source: "Kaukasuskrant", published: "2025-06-14T09:00:00+02:00", lang: "nl",
    text:
      "Bij een gasexplosie op een markt in Tbilisi zijn zaterdag verscheidene mensen om het leven gekomen.\n\n" +
      "De politie heeft twee mannen aangehouden.\n",
  },
  {
    file: "3.en.txt", title: "Tbilisi market toll rises to 45", source: "Black Sea Times", published: "2025-06-14T19:00:00+00:00", lang: "en",
    text:
      "At least 45 people were killed in Saturday's gas explosion at a market in Tbilisi, the health ministry said on Saturday evening.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-superseded");
const docOf = (b: typeof brief.en, published: string) => b.reports.find((r) => r.published.startsWith(published))!.doc;

test("established: a toll a later report raises is neither quoted nor cited by what is known", () => {
  const lines = section(brief.en, "established").lines;
  assert.deepEqual(lines.map(show), [
    "“Bij een gasexplosie op een markt in Tbilisi zijn zaterdag verscheidene mensen om het leven gekomen”",
    "“De politie heeft twee mannen aangehouden”",
  ]);
  const morning = docOf(brief.en, "2025-06-14T07:00");
  for (const l of lines) assert.ok(!l.cites.some((c) => c.doc === morning), `${show(l)} cites the morning's toll`);
  assert.deepEqual(section(brief.nl, "established").lines.map(show), lines.map(show));
});

test("figures: the superseded toll stays listed with its date beside the later one", () => {
  const killed = section(brief.en, "figures").groups!.find((g) => g.lines.some((l) => /45/.test(show(l))))!;
  assert.ok(killed.lines.some((l) => /nearly 30/.test(show(l))), killed.lines.map(show).join(" | "));
});
