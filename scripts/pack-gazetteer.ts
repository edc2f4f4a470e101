// Run by `npm install` (prepare) and `npm run build`: packs data/gazetteer/ into gazetteer.bin (src/geo/gazpack.ts),
// so that the first `sitrep` run opens the gazetteer without unpacking it.
import { fileURLToPath } from "node:url";
import { writePack } from "../src/geo/gazpack.js";

const dir = fileURLToPath(new URL("../../data/gazetteer/", import.meta.url));
const t = performance.now();
const buf = writePack(dir);
console.log(`gazetteer packed: ${(buf.length / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
