// "The minister said", "zei de minister": a minister named by the role alone, without the portfolio, is the one
// minister the same report names, else the one the ledger names; with two candidates in the ledger and none
// in the report it names neither.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { pipelineDocs, type TestReport } from "./helpers.js";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a fire in the port of Ghent.
const DUTCH: TestReport = {
  source: "Dagblad West",
  published: "2025-02-10T10:00:00+01:00",
  lang: "nl",
  text:
    "In de haven van Gent is zondagnacht een grote brand uitgebroken in een opslagplaats voor chemicaliën.\n\n" +
    "Binnenlandminister Annelies Claes bezocht maandag de haven.\n\n" +
    "De brandweer heeft het vuur onder controle, zei de minister.\n",
};
const english = (extra: string): TestReport => ({
  source: "Delta Wire",
  published: "2025-02-10T13:00:00+01:00",
  lang: "en",
  text: `A large fire broke out overnight in a chemical storage depot in the port of Ghent.\n\n${extra}The minister said that nobody had been injured in the fire.\n`,
});
const speakerOf = (rs: TestReport[], doc: string, word: RegExp) => {
  const f = fuseReports(pipelineDocs(rs));
  const c = f.claims.find((x) => x.doc === doc && word.test(x.text));
  assert.ok(c, f.claims.map((x) => x.text).join(" | "));
  return f.context.asserter(c).name;
};

test("the minister of one report is the one minister another report names", () => {
  assert.equal(speakerOf([DUTCH, english("")], "d2", /nobody had been injured/), "Annelies Claes");
});

test("the minister of a report that names one minister is that one, though the ledger names another; of one that names none, neither", () => {
  const en = english("Defence Minister Jan Peeters flew to Ghent on Monday morning.\n\n");
  assert.equal(speakerOf([DUTCH, en], "d2", /nobody had been injured/), "Jan Peeters");
  assert.equal(speakerOf([DUTCH, en], "d1", /vuur onder controle/), "Annelies Claes");
  // and a report that names no minister, in a ledger that names the two, has the minister of neither
  const peeters = { ...en, text: "Defence Minister Jan Peeters flew to Ghent on Monday morning to visit the burnt-out depot.\n" };
  const name = speakerOf([DUTCH, peeters, english("")], "d3", /nobody had been injured/);
  assert.ok(!["Jan Peeters", "Annelies Claes"].includes(name), name);
});

test("who claims what has one heading for the minister named in one report and unnamed in the other", async () => {
  const b = await briefed(
    [
      { file: "1-krant.nl.txt", title: "Brand in haven van Gent", ...DUTCH },
      { file: "2-wire.en.txt", title: "Fire at Ghent port", ...english("") },
    ],
    "bare-minister",
  );
  for (const lang of ["en", "nl"] as const) {
    const g = groups(b[lang], "claims");
    const heads = g.map((x) => x.slice(0, x.indexOf(":")));
    assert.ok(!heads.some((h) => /^minister$/i.test(h)), `${lang}: ${heads.join(" | ")}`);
    assert.ok(g.some((x) => x.startsWith("Annelies Claes: ") && /injured|gewond/.test(x)), `${lang}: ${g.join(" || ")}`);
  }
});
