// A name that opens with a word for a natural feature ("Wadi X", "Lake X", "rivier X") names that feature:
// another place than the town X, in the report and across the ledger, though it lies by that town.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a flash flood in Jordan.
const REPORTS: TestReport[] = [
  {
    source: "Desert Wire", published: "2025-02-10T12:00:00+02:00", lang: "en",
    text: "A flash flood hit the town of Aqaba on Sunday. Water rushed down Wadi Aqaba, a valley that runs through the town, and swept cars into the sea. In Aqaba, schools stayed shut.\n",
  },
  {
    source: "Woestijnbode", published: "2025-02-10T18:00:00+01:00", lang: "nl",
    text: "Een plotselinge overstroming trof zondag de stad Aqaba in Jordanië. In Aqaba bleven de scholen dicht.\n",
  },
];

test("a feature's name is another place than the town it is named after", () => {
  const [en] = pipelineDocs(REPORTS);
  const town = en!.entities.find((e) => e.name === "Aqaba")!;
  const wadi = en!.entities.find((e) => e.name === "Wadi Aqaba")!;
  assert.ok(town && wadi && town !== wadi, en!.entities.map((e) => `${e.name} [${e.aliases}]`).join(" | "));
  assert.ok(!town.aliases.includes("Wadi Aqaba"));
  assert.equal(wadi.type, "location");
  // it lies by the town: its coordinates, not its key
  assert.ok(wadi.geo && town.geo && Math.abs(wadi.geo.lat - town.geo.lat) < 0.01);
  assert.notEqual(wadi.key, town.key);
  const f = fuseReports(pipelineDocs(REPORTS));
  const cluster = f.entities.clusters.find((c) => c.name("en") === "Aqaba")!;
  assert.ok(cluster && ![...cluster.keys].some((k) => k.includes("wadi") || k.includes("vadi")), [...(cluster?.keys ?? [])].join(" "));
});
