// An upper bound of the missing that a later report exceeds ("up to 300 missing", a day later "at least 500")
// is a dispute, not a count that rose: the missing are found as well as reported. A toll of the dead that a
// later report raises stays an update.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { disputeLines, pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a landslide in Sarno, Italy.
const reports = (noun: { en: string; nl: string }): TestReport[] => [
  { source: "Harbour Wire", published: "2025-04-02T18:00:00+02:00", lang: "en", text: `In Sarno, up to 300 people ${noun.en} after the landslide, regional governor Paolo Greco said on Wednesday.\n` },
  { source: "Kustkrant", published: "2025-04-03T20:00:00+02:00", lang: "nl", text: `Na de aardverschuiving in Sarno ${noun.nl}.\n` },
];

test("a later figure above an earlier upper bound of the missing is disputed, not an update", () => {
  const ds = pipelineDocs(reports({ en: "are missing", nl: "worden nog zeker 500 mensen vermist" }));
  const lines = disputeLines(fuseReports(ds), ds, true).filter((l) => l.startsWith("figures"));
  assert.ok(lines.length > 0, "the figures are set against each other");
  assert.ok(lines.every((l) => !l.includes("(update)")), lines.join("\n"));
});

test("a later toll of the dead above an earlier upper bound is still an update", () => {
  const ds = pipelineDocs(reports({ en: "were killed", nl: "zijn zeker 500 mensen om het leven gekomen" }));
  const lines = disputeLines(fuseReports(ds), ds, true).filter((l) => l.startsWith("figures"));
  assert.ok(lines.length > 0 && lines.every((l) => l.startsWith("figures (update)")), lines.join("\n"));
});
