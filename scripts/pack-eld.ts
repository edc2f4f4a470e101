// Run by `npm install` (prepare) and `npm run build`: packs eld's n-gram table into data/eld/ngrams-small.bin
// (src/ingest/eldpack.ts), so that the first `sitrep` run that must tell a report's language does not evaluate it.
import { writeEldPack } from "../src/ingest/eldpack.js";

const t = performance.now();
const bytes = writeEldPack();
console.log(`eld table packed: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
