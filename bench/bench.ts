// npm run bench [-- --mb N]: extraction throughput over at least N MB (default 10) of report text: our
// sample reports plus, when ../shared is here, the corpora under ../shared (read at run time), recombined
// paragraph by paragraph into new reports of the same language until the size is reached.
// Prints reports/s, MB/s, time per stage, start-up time of the CLI and peak memory (RSS).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { readReports, toDoc, type RawReport } from "../src/ingest/index.js";
import { langPack } from "../src/lang/index.js";
import { STAGES } from "../src/pipeline/index.js";
import { Doc } from "../src/model/doc.js";
import { gazetteer } from "../src/geo/gazetteer.js";
import { benchSources, root, shared } from "./corpus.js";

const mbArg = process.argv.indexOf("--mb");
const targetMB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 10;

const sources = benchSources();
const base: RawReport[] = [];
for (const f of sources) {
  try {
    base.push(...readReports(f));
  } catch {
    // a sample the reader refuses is not a benchmark input
  }
}
const baseDocs = base.map((r, i) => toDoc(r, `b${i}`));
const corpusNote = existsSync(shared) ? `${sources.length} files (samples + ../shared corpora)` : `${sources.length} sample files (../shared not here)`;

// deterministic recombination: paragraphs of one language drawn with a fixed seed
let seed = 20230523;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const paragraphs: Record<string, string[]> = { nl: [], en: [] };
for (const d of baseDocs) for (const p of d.text.split(/\n\s*\n/)) if (p.trim().length > 40) paragraphs[d.lang]!.push(p.trim());

const reports: Doc[] = [...baseDocs];
let bytes = baseDocs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const target = targetMB * 1024 * 1024;
while (bytes < target) {
  const lang = rand() < 0.5 && paragraphs.nl!.length ? "nl" : "en";
  const pool = paragraphs[lang]!.length ? paragraphs[lang]! : paragraphs.nl!;
  const n = 4 + Math.floor(rand() * 10);
  const text = Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!).join("\n\n") + "\n";
  const like = baseDocs[Math.floor(rand() * baseDocs.length)]!;
  reports.push(new Doc(text, { ...like.meta, id: `s${reports.length}`, language: lang }));
  bytes += Buffer.byteLength(text);
}

// the gazetteer loads lazily on first use: time it and its heap on its own, before any extraction
const heap0 = process.memoryUsage().heapUsed;
const g0 = performance.now();
gazetteer();
const gazMs = performance.now() - g0;
const gazHeapMB = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;

// first report alone: includes loading the remaining lexicons
const fresh = (d: Doc) => new Doc(d.text, d.meta);
const stageMs = new Map<string, number>(STAGES.map((s) => [s.name, 0]));
const t0 = performance.now();
const runOne = (d: Doc) => {
  const ctx = { lang: langPack(d.lang) };
  for (const s of STAGES) {
    const a = performance.now();
    s.run(d, ctx);
    stageMs.set(s.name, stageMs.get(s.name)! + performance.now() - a);
  }
};
runOne(fresh(reports[0]!));
const firstMs = performance.now() - t0;
for (const k of stageMs.keys()) stageMs.set(k, 0);

const t1 = performance.now();
let claims = 0;
for (const r of reports) {
  const d = fresh(r);
  runOne(d);
  claims += d.claims.length;
}
const secs = (performance.now() - t1) / 1000;
const mb = bytes / 1024 / 1024;

const startup: number[] = [];
for (let i = 0; i < 5; i++) {
  const a = performance.now();
  spawnSync(process.execPath, [join(root, "bin", "sitrep.js"), "--version"]);
  startup.push(performance.now() - a);
}
startup.sort((a, b) => a - b);

const rssMB = process.resourceUsage().maxRSS / 1024;
console.log(`corpus: ${reports.length} reports, ${mb.toFixed(1)} MB (${corpusNote}, recombined to ≥ ${targetMB} MB)`);
console.log(`gazetteer load: ${gazMs.toFixed(0)} ms, heap +${gazHeapMB.toFixed(0)} MB`);
console.log(`first report (loads the other lexicons): ${firstMs.toFixed(0)} ms`);
console.log(`extract: ${(reports.length / secs).toFixed(0)} reports/s, ${(mb / secs).toFixed(2)} MB/s, ${((secs * 1000) / (bytes / 1024)).toFixed(2)} ms per KB (${secs.toFixed(1)} s, one core, ${claims} claims)`);
console.log(`per stage (ms per MB): ${[...stageMs].map(([k, v]) => `${k} ${(v / mb).toFixed(0)}`).join(", ")}`);
console.log(`cli start-up (sitrep --version, median of 5): ${startup[2]!.toFixed(0)} ms`);
console.log(`peak memory (RSS): ${rssMB.toFixed(0)} MB`);
