// A clause in the report's own voice that follows a denial in its sentence ("Moldavië ontkent iedere
// betrokkenheid bij de explosie van zaterdag, waarbij zeker twaalf mensen omkwamen") names the denier only because
// the denial does: no denial, of that report or another, is set against it, and so the toll it gives is not
// "in dispute". A claim before the denial in its sentence still is ("… hinted at a Moldovan link, despite denials").
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { disputeLines, pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a blast at a fuel depot in Odesa.
const DUTCH: TestReport = {
  source: "Havenblad",
  published: "2025-11-17T19:00:00+01:00",
  lang: "nl",
  text:
    "Bij een explosie in een brandstofdepot in Odesa zijn zaterdag zeker twaalf mensen omgekomen.\n\n" +
    "Moldavië ontkent iedere betrokkenheid bij de explosie van zaterdag waarbij zeker twaalf mensen omkwamen.\n",
};
const english = (second: string): TestReport => ({
  source: "Black Sea Wire",
  published: "2025-11-16T12:00:00+01:00",
  lang: "en",
  text: `At least twelve people were killed in a blast at a fuel depot in Odesa on Saturday.\n\n${second}\n`,
});

test("no denial is set against a clause that follows a denial in its own sentence", () => {
  const ds = pipelineDocs([english("Moldova's government denied any involvement in the blast."), DUTCH]);
  const lines = disputeLines(fuseReports(ds), ds);
  assert.deepEqual(lines.filter((l) => l.includes("omkwamen")), [], lines.join("\n"));
});

test("a claim before the denial in its sentence is still set against it", () => {
  const ds = pipelineDocs([english("Ukraine's interior minister Oleh Marchenko hinted at a Moldovan link to the blast, despite denials from Moldovan officials that Chisinau had anything to do with it."), DUTCH]);
  const lines = disputeLines(fuseReports(ds), ds);
  assert.ok(lines.some((l) => l.startsWith("denial") && l.includes("Moldovan link")), lines.join("\n"));
});
