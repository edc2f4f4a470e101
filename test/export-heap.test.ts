// `sitrep export` bounds how far V8 lets the heap grow between full collections (src/cli/export.ts), unless
// the user sized the heap themselves: their flag is theirs to keep.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EXPORT_HEAP_GROWTH, heapGrowthFlag } from "../src/cli/export.js";

test("the export bounds the heap's growth unless the command line or NODE_OPTIONS sizes the heap", () => {
  assert.equal(heapGrowthFlag([], ""), `--heap-growing-percent=${EXPORT_HEAP_GROWTH}`);
  assert.equal(heapGrowthFlag(["--enable-source-maps"], "--trace-warnings"), `--heap-growing-percent=${EXPORT_HEAP_GROWTH}`);
  assert.equal(heapGrowthFlag(["--max-old-space-size=4096"], ""), undefined);
  assert.equal(heapGrowthFlag([], "--max_old_space_size=8192 --trace-warnings"), undefined);
  assert.equal(heapGrowthFlag([], " --heap-growing-percent=20"), undefined);
  assert.equal(heapGrowthFlag(["--max-heap-size=512"]), undefined);
  // a flag that only begins like one of these is not one of them
  assert.equal(heapGrowthFlag(["--max-old-space-sizes"], ""), `--heap-growing-percent=${EXPORT_HEAP_GROWTH}`);
});
