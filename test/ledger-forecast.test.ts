// What may yet happen is not what happened: "the toll is expected to rise" is no report that it rose, and a
// Dutch report that the toll "is opnieuw naar boven bijgesteld" is not backed by an English one that
// officials expect it to climb. Both stay their own propositions; two reports that it rose are one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a landslide above a village in the Alps.
const DUTCH: TestReport = {
  source: "Dagblad Zuid",
  published: "2025-06-18T08:00:00+02:00",
  lang: "nl",
  text:
    "Een modderstroom heeft dinsdag het dorp Brienz in Zwitserland getroffen.\n\n" +
    "Het dodental in Brienz is opnieuw naar boven bijgesteld.\n",
};
const ENGLISH: TestReport = {
  source: "Alpine Wire",
  published: "2025-06-18T12:00:00+02:00",
  lang: "en",
  text:
    "A mudslide struck the village of Brienz in Switzerland on Tuesday.\n\n" +
    "The death toll in Brienz is expected to rise as rescue teams dig through the debris, officials said.\n",
};
const ROSE: TestReport = {
  source: "Bergpost",
  published: "2025-06-18T15:00:00+02:00",
  lang: "nl",
  text:
    "Een modderstroom heeft dinsdag het dorp Brienz in Zwitserland getroffen.\n\n" +
    "Het dodental in Brienz is woensdag naar boven bijgesteld.\n",
};

const claimOf = (f: ReturnType<typeof fuseReports>, doc: string, word: RegExp) => {
  const c = f.claims.find((x) => x.doc === doc && word.test(x.text));
  assert.ok(c, `${doc}: ${f.claims.filter((x) => x.doc === doc).map((x) => x.text).join(" | ")}`);
  return c;
};

test("a toll expected to rise and a toll revised upward are two propositions", () => {
  const f = fuseReports(pipelineDocs([DUTCH, ENGLISH]));
  const nl = claimOf(f, "d1", /bijgesteld/), en = claimOf(f, "d2", /expected to rise/);
  const p = f.propositions.find((x) => x.claims.includes(nl.id));
  assert.ok(p, "no proposition for the Dutch claim");
  assert.ok(!p.claims.includes(en.id), JSON.stringify(p));
});

test("two reports that the toll was revised upward are one proposition", () => {
  const f = fuseReports(pipelineDocs([DUTCH, ROSE]));
  const a = claimOf(f, "d1", /bijgesteld/), b = claimOf(f, "d2", /bijgesteld/);
  const p = f.propositions.find((x) => x.claims.includes(a.id));
  assert.ok(p && p.claims.includes(b.id), JSON.stringify(p));
});
