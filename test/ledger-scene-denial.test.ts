// A clause that only sets the scene of its main clause ("[three people were killed] after a drone hit a
// village near the border with Ukraine") charges nobody it names: a denial by Ukraine is not set against it.
// A claim that states the act ("the drone was launched from Ukraine") still is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { disputeLines, pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a drone that came down in Tulcea, Romania.
const DENIAL: TestReport = {
  source: "Kustkrant",
  published: "2025-10-08T18:00:00+01:00",
  lang: "nl",
  text:
    "Bij de inslag van een drone in Tulcea zijn dinsdag drie mensen om het leven gekomen.\n\n" +
    "De drone die in het dorp neerstortte en daarbij drie mensen doodde, was volgens de Oekraïense president Petro Hrytsenko niet uit zijn land afkomstig.\n",
};
const wire = (second: string): TestReport => ({
  source: "Harbour Wire",
  published: "2025-10-08T10:00:00+01:00",
  lang: "en",
  text: `Three people were killed in Tulcea on Tuesday after a drone hit a village near the border with Ukraine.\n\n${second}\n`,
});

test("a denial is not set against a clause that only sets the scene", () => {
  const ds = pipelineDocs([wire("Romania's president called an urgent meeting of the security council."), DENIAL]);
  const lines = disputeLines(fuseReports(ds), ds);
  assert.deepEqual(lines.filter((l) => l.includes("near the border with Ukraine")), [], lines.join("\n"));
});

test("a denial is still set against a claim that states the act", () => {
  const ds = pipelineDocs([wire("Romanian investigators said the drone was launched from Ukraine."), DENIAL]);
  const lines = disputeLines(fuseReports(ds), ds);
  assert.ok(lines.some((l) => l.startsWith("denial") && l.includes("launched from Ukraine")), lines.join("\n"));
});
