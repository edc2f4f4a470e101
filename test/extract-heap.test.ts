// `sitrep extract` bounds its heap (src/cli/heap.ts, boundExtractHeap): the old generation's growth as an
// export does, and the young generation of its extraction threads to a few megabytes (V8's own bound is 48
// MB each), unless the user sized either themselves. The flags are process-wide, so what they do is seen in a child.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { EXPORT_HEAP_GROWTH, EXTRACT_SEMI_SPACE_MB, extractHeapFlags } from "../src/cli/heap.js";

const growth = `--heap-growing-percent=${EXPORT_HEAP_GROWTH}`;
const semi = `--max-semi-space-size=${EXTRACT_SEMI_SPACE_MB}`;

test("an extract bounds both generations unless the command line or NODE_OPTIONS sizes them", () => {
  assert.deepEqual(extractHeapFlags([], ""), [growth, semi]);
  assert.deepEqual(extractHeapFlags(["--enable-source-maps"], "--trace-warnings"), [growth, semi]);
  assert.deepEqual(extractHeapFlags(["--max-old-space-size=4096"], ""), [semi]);
  assert.deepEqual(extractHeapFlags([], "--max-semi-space-size=32"), [growth]);
  assert.deepEqual(extractHeapFlags(["--semi_space_growth_factor=4"], "--max_old_space_size=8192"), []);
  // a flag that only begins like one of these is not one of them
  assert.deepEqual(extractHeapFlags(["--max-semi-space-sizes"], ""), [growth, semi]);
});

const heap = new URL("../src/cli/heap.js", import.meta.url).href;

/**
 * The young generation's size, in MB, of a process's own thread and of a thread it starts after
 * boundExtractHeap (or without it), once each has made some hundred megabytes of short-lived objects, as
 * extracting reports does.
 */
function youngSizes(bound: boolean, nodeOptions = ""): { main: number; thread: number } {
  const script = `
    import { getHeapSpaceStatistics } from "node:v8";
    import { Worker } from "node:worker_threads";
    import { boundExtractHeap } from ${JSON.stringify(heap)};
    const churn = () => {
      let keep = [];
      for (let i = 0; i < 2e6; i++) {
        keep.push({ at: i, text: "report " + i });
        if (keep.length > 100000) keep = [];
      }
      return getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576;
    };
    if (${bound}) boundExtractHeap();
    const main = churn();
    const w = new Worker("const v8 = require('node:v8'); const { getHeapSpaceStatistics } = v8; const { parentPort } = require('node:worker_threads'); (" + churn + ")(); parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576);", { eval: true, execArgv: [] });
    w.once("message", (thread) => { console.log(JSON.stringify({ main, thread })); w.terminate(); });
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: nodeOptions } });
  return JSON.parse(out) as { main: number; thread: number };
}

test("an extraction thread's young generation stays at a few megabytes", () => {
  const unbounded = youngSizes(false);
  // (the size V8 grows it to unbounded, on 64 bits: what the bound is against)
  assert.ok(unbounded.thread > 2 * EXTRACT_SEMI_SPACE_MB, JSON.stringify(unbounded));
  const bounded = youngSizes(true);
  assert.ok(bounded.thread <= 2 * EXTRACT_SEMI_SPACE_MB, `an extraction thread: ${bounded.thread} MB`);
});

test("an extract leaves the young generation as the user sized it", () => {
  const theirs = youngSizes(true, "--max-semi-space-size=16");
  assert.ok(theirs.thread > 2 * EXTRACT_SEMI_SPACE_MB, JSON.stringify(theirs));
});
