// A source named by its role and linked to the body its words name ("de Belgische minister van Binnenlandse
// Zaken", linked to "Binnenlandse Zaken") is the person another report names in that role ("Interior
// Minister Sofie Claes"), not the ministry; a minister of another country is not taken for them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: an arrest after a shooting in Antwerp.
const DUTCH: TestReport = {
  source: "Scheldekrant",
  published: "2025-05-13T09:00:00+02:00",
  lang: "nl",
  text: "De man die maandagavond in Antwerpen twee mensen doodschoot, is gearresteerd. Dat heeft de Belgische minister van Binnenlandse Zaken vanmorgen bevestigd.\n",
};
const english = (who: string): TestReport => ({
  source: "Delta Wire",
  published: "2025-05-13T12:00:00+02:00",
  lang: "en",
  text: `Belgian police arrested the gunman who shot two people in Antwerp, ${who} told broadcaster VRT on Tuesday.\n`,
});
const speakers = (rs: TestReport[]) => {
  const ds = pipelineDocs(rs);
  const f = fuseReports(ds);
  return f.claims.filter((c) => c.doc === "d1").map((c) => f.context.asserter(c).name);
};

test("the minister of a portfolio, unnamed in one report, is the person another report names in that role", () => {
  assert.deepEqual(speakers([DUTCH, english("Interior Minister Sofie Claes")]), ["Sofie Claes", "Sofie Claes"]);
});

test("an interior minister of another country is not the Belgian one", () => {
  const names = speakers([DUTCH, english("French Interior Minister Paul Morel")]);
  assert.ok(!names.includes("Paul Morel"), names.join(", "));
});
