// Run by `npm install` (prepare) and `npm run build`: packs the tables of two dependencies into data/packed/, so
// that the first `sitrep` run neither evaluates eld's n-gram table (src/ingest/eldpack.ts) nor parses any-ascii's
// (src/geo/ascii.ts). A missing or stale pack is made again by the first process that needs it.
import { writeEldPack } from "../src/ingest/eldpack.js";
import { writeAsciiPack } from "../src/geo/ascii.js";

for (const [name, write] of [
  ["eld n-gram table", writeEldPack],
  ["any-ascii table", writeAsciiPack],
] as const) {
  const t = performance.now();
  const bytes = write();
  console.log(`${name} packed: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
