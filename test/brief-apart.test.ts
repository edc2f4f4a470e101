import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test: three men charged over an arson attack on a depot in Rotterdam. The court
// says two of them pleaded guilty; other media report, "however", that the third did too. The two share
// what happened (pleading guilty) and where, but contradict each other: they are two lines, each under its own
// speaker, never one line under both.
const REPORTS = [
  {
    file: "1.en.txt", title: "Three charged over Rotterdam depot fire", source: "Harbour Post", published: "2025-02-09T18:00:00+00:00", lang: "en",
    text:
      "Three men were charged on Sunday over the arson attack on a fuel depot in Rotterdam.\n\n" +
      "Jan Verhoek and Piet Dassen both pleaded guilty in Schiedam after being charged, according to a statement by the district court.\n\n" +
      "There were conflicting reports by other Dutch media outlets, however, that Kees Walraven also pleaded guilty in Schiedam.\n",
  },
  {
    file: "2.nl.txt", title: "Drie mannen aangeklaagd voor brand", source: "Maasbode", published: "2025-02-10T08:00:00+01:00", lang: "nl",
    text: "Drie mannen zijn zondag aangeklaagd voor de brandstichting bij een brandstofdepot in Rotterdam.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-apart");

test("who claims what: the court's pleas and the media's conflicting report are two lines under two speakers", () => {
  const claims = groups(brief.en, "claims");
  const court = claims.filter((g) => g.includes("Verhoek"));
  const media = claims.filter((g) => g.includes("Walraven"));
  assert.equal(court.length, 1, claims.join("\n"));
  assert.equal(media.length, 1, claims.join("\n"));
  assert.notEqual(court[0], media[0], "one line holds both sides");
  assert.ok(!/Walraven/.test(court[0]!) && !/Verhoek/.test(media[0]!), claims.join("\n"));
});

test("contested: the two are set against each other", () => {
  const lines = section(brief.en, "unclear").groups!.flatMap((g) => g.lines.map(show));
  assert.ok(lines.some((l) => l.includes("Walraven") && l.includes("Verhoek")), lines.join("\n"));
});
