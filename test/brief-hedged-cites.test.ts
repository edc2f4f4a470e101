import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: floods in Volos. Two reports say in their own voice that floodwaters went
// through the town; a third says that "possibly up to two thousand" died in the floods there. The hedge
// shares what happened and where with the flood lines, so it may join their proposition, but a line of
// what is established neither quotes nor cites words that only say "possibly".
const REPORTS = [
  {
    file: "1.en.txt", title: "Floods hit Volos", source: "Aegean Wire", published: "2025-09-06T18:00:00+00:00", lang: "en",
    text:
      "Storm Elena brought torrential rain to central Greece on Tuesday. Floodwaters gushed through Volos, a port city on the coast.\n\n" +
      "At least 15 people were killed in Volos, officials said.\n",
  },
  {
    file: "2.nl.txt", title: "Noodweer treft Volos", source: "Middagblad", published: "2025-09-07T09:00:00+02:00", lang: "nl",
    text:
      "In de stad Volos zijn mogelijk tot wel tweeduizend mensen om het leven gekomen door de verwoestende overstromingen.\n\n" +
      "Storm Elena bracht dinsdag zware regen naar Volos en de rest van Midden-Griekenland.\n",
  },
  {
    file: "3.nl.txt", title: "Storm Elena", source: "Ochtendpost", published: "2025-09-07T10:00:00+02:00", lang: "nl",
    text: "Storm Elena zorgde dinsdag voor zware regenval, die in Volos leidde tot hevige overstromingen. Daarbij kwamen zeker vijftien mensen om het leven.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-hedged-cites");

test("established: the flood line rests on the reports that say it outright, not on the 'possibly' toll", () => {
  const lines = section(brief.en, "established").lines;
  const flood = lines.filter((l) => /Floodwaters|overstromingen/.test(l.quote ?? ""));
  assert.deepEqual(flood.map(show), ["“Floodwaters gushed through Volos, a port city on the coast” (2 reports)"]);
  const hedging = brief.en.reports.find((r) => r.published.startsWith("2025-09-07T09:00"))!.doc;
  const theHedge = REPORTS[1].text.indexOf("In de stad");
  for (const l of lines) assert.ok(!l.cites.some((c) => c.doc === hedging && c.start === theHedge), `${show(l)} cites the hedge`);
  assert.ok(!lines.some((l) => /mogelijk/.test(l.quote ?? "")));
});
