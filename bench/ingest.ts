// npm run bench:ingest [-- --n 10000] [--jobs 0,2] [--no-brief] [--db FILE [--reads] | --db postgres://… --workers 1,2 [--no-reads]] [--keep]: ingest of N reports (default 10,000) made by
// recombining sentences of our sample reports and, when ../shared is here, the corpora under ../shared
// (read at run time), into a fresh ledger. A few are wire copies (same text, other outlet) and updates
// (same URL, new text). Prints reports/s, peak memory (RSS), and the time of `brief` on that ledger,
// in process and through the CLI; with --reads also serve start-up and /api/claims latency.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { readReports, toDoc } from "../src/ingest/index.js";
import { runPipeline } from "../src/pipeline/index.js";
import { openStore } from "../src/store/index.js";
import { tableSizes } from "../src/store/sqlite.js";
import { buildPicture } from "../src/ledger/picture.js";
import { composeBriefing, renderBriefing } from "../src/brief/index.js";
import { benchSources, root, shared } from "./corpus.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg("--n") ?? arg("--reports") ?? 10000);
const work = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
const dbFile = arg("--db") ?? join(work, "bench.db");
const keep = process.argv.includes("--keep");

const sources = benchSources();
const sentences: Record<"nl" | "en", string[]> = { nl: [], en: [] };
for (const f of sources) {
  try {
    for (const raw of readReports(f)) {
      const d = runPipeline(toDoc(raw, "b"), new Set(["segment"]));
      for (const s of d.sentences) {
        const t = d.slice(s).trim();
        if (!s.heading && t.length > 30 && t.length < 400) sentences[d.lang].push(t);
      }
    }
  } catch {
    // a file the reader refuses is not a benchmark input
  }
}

let seed = 20230522;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
const OUTLETS = ["Northline Wire", "Dagblad Oost", "Eastbridge Daily", "Nieuwsblad Noord", "Harbour Times", "Avondkrant Zuid", "Coastal Courier", "Dagblad Midden"];

const input = join(work, "in");
mkdirSync(input, { recursive: true });
const bodies: { url: string; text: string; lang: "nl" | "en" }[] = [];
let bytes = 0;
for (let i = 0; i < N; i++) {
  const hour = Math.floor((i / N) * 72);
  const published = new Date(Date.UTC(2023, 4, 22, 6 + hour, Math.floor(rand() * 60))).toISOString().replace(".000Z", "+00:00");
  let lang: "nl" | "en" = rand() < 0.5 && sentences.nl.length ? "nl" : "en";
  if (!sentences[lang].length) lang = lang === "nl" ? "en" : "nl";
  let url = `https://example.org/bench/${i}`;
  let text: string;
  const r = rand();
  if (r < 0.05 && bodies.length) {
    const orig = pick(bodies); // wire copy in another outlet
    text = orig.text;
    lang = orig.lang;
  } else if (r < 0.08 && bodies.length) {
    const orig = pick(bodies); // an update of an earlier report
    url = orig.url;
    lang = orig.lang;
    text = orig.text + "\n\n" + pick(sentences[lang]);
  } else {
    const n = 6 + Math.floor(rand() * 10);
    const paras: string[] = [];
    let p: string[] = [];
    for (let k = 0; k < n; k++) {
      p.push(pick(sentences[lang]));
      if (p.length >= 2 + Math.floor(rand() * 2)) {
        paras.push(p.join(" "));
        p = [];
      }
    }
    if (p.length) paras.push(p.join(" "));
    text = paras.join("\n\n");
  }
  bodies.push({ url, text, lang });
  const file = `---\ntitle: "Bench ${i}"\nsource: "${pick(OUTLETS)}"\nurl: "${url}"\npublished: ${published}\nlanguage: ${lang}\n---\n${text}\n`;
  bytes += Buffer.byteLength(file);
  writeFileSync(join(input, `r${String(i).padStart(6, "0")}.txt`), file);
}

// A PostgreSQL ledger (--db postgres://…): queued, and taken by 1, 2 … worker processes (--workers 1,2).
if (/^postgres(?:ql)?:\/\//i.test(dbFile)) {
  const { benchWorkers } = await import("./workers.js");
  await benchWorkers({ url: dbFile, input, reports: N, bytes, workers: arg("--workers") ?? "1,2", keep, noReads: process.argv.includes("--no-reads") });
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// Each ingest runs in a process of its own (`sitrep ingest`), so that its peak memory is its own and not
// that of making the input; --jobs 0,2 ingests the same input once per value (0: extraction on the thread
// that writes), into a fresh ledger each, for figures from one run.
const runs: { jobs: string; secs: number; rss: number; sum: { added: number; unchanged: number; updated: number; failed: number; reports: number } }[] = [];
for (const jobs of (arg("--jobs") ?? "default").split(",")) {
  for (const s of ["", "-wal", "-shm"]) rmSync(dbFile + s, { force: true });
  const child = spawnSync(
    process.execPath,
    [join(root, "dist", "bench", "ingest-child.js"), dbFile, input, jobs],
    { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) throw new Error(`ingest failed (${child.status})`);
  runs.push({ jobs, ...(JSON.parse(child.stdout.trim().split("\n").pop()!) as Omit<(typeof runs)[number], "jobs">) });
}
const last = runs[runs.length - 1]!;
const sum = last.sum;
const secs = last.secs;
const rssIngest = last.rss;
const dbBytes = ["", "-wal"].reduce((n, s) => n + (existsSync(dbFile + s) ? statSync(dbFile + s).size : 0), 0);

// --no-brief: the ingest figures only
const brief = !process.argv.includes("--no-brief");
const t1 = performance.now();
let md = "";
if (brief) {
  const s2 = await openStore(dbFile, { readonly: true });
  md = renderBriefing(composeBriefing(await s2.snapshot((r) => buildPicture(r, { lang: "en" })), "en"), "md");
  await s2.close();
}
const briefMs = performance.now() - t1;
// through the CLI twice: the first finds no kept picture (the ingest here is ingestFiles, without the
// refresh `sitrep ingest` ends with) and makes and keeps it; the second reads it
const cliBrief = () => {
  const t = performance.now();
  const cli = brief ? spawnSync(process.execPath, [join(root, "bin", "sitrep.js"), "brief", "--db", dbFile, "--lang", "nl"], { encoding: "utf8", maxBuffer: 1 << 28 }) : { status: 0, stderr: "" };
  if (cli.status !== 0) throw new Error(`brief failed: ${cli.stderr}`);
  return performance.now() - t;
};
const refreshMs = cliBrief();
const cliMs = cliBrief();
// The ledger after brief (its kept pictures and export parts: what issue 16's bar is measured on), and where
// its bytes are: each table's and index's pages, with the bytes of them left unused (SQLite's dbstat).
const briefBytes = ["", "-wal"].reduce((n, s) => n + (existsSync(dbFile + s) ? statSync(dbFile + s).size : 0), 0);
const sizes = brief && !/^postgres/i.test(dbFile) ? tableSizes(dbFile) : [];

const result = {
  reports: sum.reports,
  added: sum.added,
  unchanged: sum.unchanged,
  updated: sum.updated,
  failed: sum.failed,
  input_mb: +(bytes / 1048576).toFixed(2),
  corpus: `${sources.length} files${existsSync(shared) ? " (samples + ../shared)" : " (samples only)"}`,
  ingest_s: +secs.toFixed(2),
  reports_per_s: +(sum.reports / secs).toFixed(1),
  mb_per_s: +(bytes / 1048576 / secs).toFixed(3),
  peak_rss_mb: +rssIngest.toFixed(1),
  db_mb: +(dbBytes / 1048576).toFixed(2),
  db_over_input: +(dbBytes / bytes).toFixed(2),
  brief_in_process_ms: +briefMs.toFixed(0),
  brief_refresh_cli_ms: +refreshMs.toFixed(0),
  brief_cli_ms: +cliMs.toFixed(0),
  brief_md_chars: md.length,
  ...(brief && { db_after_brief_mb: +(briefBytes / 1048576).toFixed(2), after_brief_over_input: +(briefBytes / bytes).toFixed(2) }),
};
if (runs.length > 1)
  for (const r of runs)
    console.log(`jobs ${r.jobs.padEnd(7)}: ${(r.sum.reports / r.secs).toFixed(1)} reports/s (${r.secs.toFixed(2)} s), peak RSS ${r.rss.toFixed(1)} MB; ×${(runs[0]!.secs / r.secs).toFixed(2)} the speed of jobs ${runs[0]!.jobs}`);
console.log(`ingest: ${result.reports} reports (${result.input_mb} MB) in ${result.ingest_s} s = ${result.reports_per_s} reports/s, ${result.mb_per_s} MB/s; peak RSS ${result.peak_rss_mb} MB`);
console.log(`        ${result.added} added, ${result.unchanged} unchanged, ${result.updated} updated, ${result.failed} failed; corpus ${result.corpus}`);
console.log(`ledger: ${result.db_mb} MB on disk, ${result.db_over_input} × the input`);
console.log(`brief:  ${result.brief_in_process_ms} ms in process from scratch; through the CLI (node start-up included) ${result.brief_refresh_cli_ms} ms making the kept picture, then ${result.brief_cli_ms} ms reading it`);
if (brief) {
  console.log(`after brief: ${result.db_after_brief_mb} MB on disk, ${result.after_brief_over_input} × the input; largest tables and indexes (MB, of it unused):`);
  for (const t of sizes.slice(0, 16)) console.log(`        ${t.name.padEnd(34)} ${(t.bytes / 1048576).toFixed(2).padStart(6)}  ${(t.unused / 1048576).toFixed(2).padStart(5)}`);
}
console.log(JSON.stringify(result));
if (process.argv.includes("--reads")) {
  // the same read figures as for PostgreSQL (bench/workers.ts): serve's start and /api/claims latency
  const { measureReads, pct, readBars } = await import("./workers.js");
  const m = await measureReads(dbFile);
  console.log(`serve:  listening after ${m.listenMs.toFixed(0)} ms; /api/claims (50 a page, uncached, ${m.total} claims): p50 ${pct(m.lat, 50).toFixed(1)} ms, p95 ${pct(m.lat, 95).toFixed(1)} ms; brief (CLI) median ${pct(m.briefs, 50).toFixed(0)} ms`);
  console.log(readBars(m, sum.reports));
}
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept: ${work}`);
