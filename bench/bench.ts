// npm run bench [-- --mb N]: extraction throughput over at least N MB (default 10) of report text: our
// sample reports plus, when ../shared is here, the corpora under ../shared (read at run time), recombined
// paragraph by paragraph into new reports of the same language until the size is reached.
// Prints reports/s, MB/s, time per stage, start-up time of the CLI and peak memory (RSS); next to it the
// floor (a plain word-splitting pass over the same text) and the ratio, and `sitrep extract` run as a whole
// process over the same reports (module loading, reading, output included). `--no-whole` skips the latter.
// On a shared machine wall time swings with the load: CPU time (user + system) is printed beside it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

// `--write FILE`: the corpus as the JSON-lines file the whole-process run extracts, and nothing else (to compare
// the output of two builds on it, or to profile one extract)
const jsonl = () => reports.map((r) => JSON.stringify({ text: r.text, language: r.meta.language, published: r.meta.published, title: r.meta.title, source: r.meta.source })).join("\n") + "\n";
const writeArg = process.argv.indexOf("--write");
if (writeArg > 0) {
  const file = process.argv[writeArg + 1]!;
  // `sitrep extract` reads a file by its name: JSON lines under any other name are one report of text
  // (a 10 MB report, measured as nothing like the corpus)
  if (!/\.jsonl$/i.test(file)) process.stderr.write(`bench: ${file} does not end in .jsonl: \`sitrep extract\` will read it as one text report, not as the corpus' reports\n`);
  writeFileSync(file, jsonl());
  process.exit(0);
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
// CPU time too: on a loaded machine a stage's wall time counts the time other processes had the core
const stageCpu = new Map<string, number>(STAGES.map((s) => [s.name, 0]));
const t0 = performance.now();
const runOne = (d: Doc) => {
  const ctx = { lang: langPack(d.lang) };
  for (const s of STAGES) {
    const a = performance.now();
    const c = process.cpuUsage();
    s.run(d, ctx);
    const used = process.cpuUsage(c);
    stageMs.set(s.name, stageMs.get(s.name)! + performance.now() - a);
    stageCpu.set(s.name, stageCpu.get(s.name)! + (used.user + used.system) / 1000);
  }
};
runOne(fresh(reports[0]!));
const firstMs = performance.now() - t0;
for (const k of stageMs.keys()) stageMs.set(k, 0), stageCpu.set(k, 0);

const cpuSecs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
const t1 = performance.now();
const c1 = process.cpuUsage();
let claims = 0;
for (const r of reports) {
  const d = fresh(r);
  runOne(d);
  claims += d.claims.length;
}
const secs = (performance.now() - t1) / 1000;
const cpu = cpuSecs(process.cpuUsage(c1));
const mb = bytes / 1024 / 1024;

// the floor: what any single-pass rule system pays at least, one regular expression over the words
const c2 = process.cpuUsage();
const t2 = performance.now();
let words = 0;
for (let rep = 0; rep < 3; rep++) for (const r of reports) for (const m of r.text.matchAll(/[\p{L}\p{N}]+/gu)) words += m[0].length > 0 ? 1 : 0;
const floorSecs = (performance.now() - t2) / 1000 / 3;
const floorCpu = cpuSecs(process.cpuUsage(c2)) / 3;

/** CPU seconds of the waited-for children of this process (Linux), to time a child beside its wall time. */
function childCpu(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields 16 and 17 (cutime, cstime), counted from after the command name, in clock ticks of 1/100 s
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return undefined;
  }
}

let whole = "";
if (!process.argv.includes("--no-whole")) {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
  try {
    const file = join(dir, "corpus.jsonl");
    writeFileSync(file, jsonl());
    const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
    const cmd = [process.execPath, join(root, "bin", "sitrep.js"), "extract", file];
    const cc0 = childCpu();
    const a = performance.now();
    const res = timeBin
      ? spawnSync(timeBin, ["-f", "maxrss=%M", ...cmd], { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 })
      : spawnSync(cmd[0]!, cmd.slice(1), { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
    const wall = (performance.now() - a) / 1000;
    const cc1 = childCpu();
    const rss = /maxrss=(\d+)/.exec(res.stderr?.toString() ?? "")?.[1];
    const cpuPart = cc0 !== undefined && cc1 !== undefined ? `, ${(mb / (cc1 - cc0)).toFixed(2)} MB/s by CPU time (${(cc1 - cc0).toFixed(1)} s)` : "";
    whole =
      `whole process (sitrep extract of the corpus as one JSON-lines file, output to /dev/null): ${(mb / wall).toFixed(2)} MB/s wall (${wall.toFixed(1)} s)${cpuPart}` +
      (rss ? `, peak RSS ${(Number(rss) / 1024).toFixed(0)} MB` : "") +
      (res.status !== 0 ? ` (exit ${res.status})` : "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
console.log(`by CPU time: ${(mb / cpu).toFixed(2)} MB/s (${cpu.toFixed(1)} s user + system)`);
console.log(
  `floor (one regular-expression pass over the words, ${words / 3} words): ${(mb / floorSecs).toFixed(1)} MB/s wall, ${(mb / floorCpu).toFixed(1)} MB/s by CPU; sitrep is ${(secs / floorSecs).toFixed(1)}× the floor (wall), ${(cpu / floorCpu).toFixed(1)}× (CPU)`,
);
if (whole) console.log(whole);
console.log(`per stage (ms per MB): ${[...stageMs].map(([k, v]) => `${k} ${(v / mb).toFixed(0)}`).join(", ")}`);
console.log(`per stage by CPU time (ms per MB): ${[...stageCpu].map(([k, v]) => `${k} ${(v / mb).toFixed(0)}`).join(", ")}`);
console.log(`cli start-up (sitrep --version, median of 5): ${startup[2]!.toFixed(0)} ms`);
console.log(`peak memory (RSS): ${rssMB.toFixed(0)} MB`);
