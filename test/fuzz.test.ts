// The fuzz properties of scripts/fuzz.ts at a size that fits CI (npm run fuzz runs 10 000+ inputs each):
// readers only refuse with an IngestError of one line, every span lies within the text and says what the
// text says there, and the same input gives the same result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { READERS, runTarget } from "../scripts/fuzz.js";

const RUNS = Number(process.env.SITREP_FUZZ_RUNS ?? 150);

for (const name of [...READERS.map((r) => r.name), "pipeline"]) {
  test(`fuzz: ${name} (${RUNS} inputs)`, () => {
    const { slowestMs } = runTarget(name, RUNS, 20230523);
    // a generous bound for one small input on a loaded machine; a superlinear path shows as seconds
    assert.ok(slowestMs < 5000, `slowest input took ${slowestMs.toFixed(0)} ms`);
  });
}
