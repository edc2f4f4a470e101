import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { extname, join, relative, resolve, sep } from "node:path";
import { threadPool } from "./threads.js";
import type { Lang } from "../model/doc.js";
import { openStore, shownLocation, type Store } from "../store/index.js";
import { storeReports, type Prepared } from "../ledger/ingest.js";
import { refreshPictures } from "../ledger/snapshot.js";
import { Dispatch, extractFile, unpackPrepared, type PostedEvent, type Unit, type WorkerEvent, type WorkerSetup } from "./ingest-worker.js";
import { fail } from "./io.js";
import { limitOptimizing } from "./optimizing.js";

/** File names that a directory or glob contributes (explicit file arguments are taken as given). */
const REPORT_FILE = /\.(?:txt|md|html?|jsonl|ndjson|json|xml|rss|atom)$/i;

export interface IngestSummary {
  added: number;
  unchanged: number;
  updated: number;
  /** Files (or reports of a file) that could not be read or stored. */
  failed: { file: string; reason: string }[];
  /** Bad items of a file whose other items were read (a JSON line, a feed item, a Telegram message). */
  skipped: { file: string; item?: string; reason: string }[];
  reports: number;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (REPORT_FILE.test(name)) out.push(p);
  }
}

/** A glob as a regular expression over '/'-separated relative paths (paths are short; no nesting). */
function globRegex(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*" && glob[i + 1] === "*") {
      i++;
      if (glob[i + 1] === "/") {
        i++;
        re += "(?:[^/]*/)*";
      } else re += ".*";
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else re += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Expands PATH|DIR|GLOB arguments into files, in a stable order. */
export function expandInputs(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const a of args) {
    if (/[*?]/.test(a)) {
      const norm = a.split(sep).join("/");
      const parts = norm.split("/");
      const firstWild = parts.findIndex((p) => /[*?]/.test(p));
      const base = parts.slice(0, firstWild).join("/") || ".";
      const rx = globRegex(parts.slice(firstWild).join("/"));
      const found: string[] = [];
      try {
        walk(base, found);
      } catch {
        /* no such base */
      }
      const hits = found.filter((f) => rx.test(relative(base, f).split(sep).join("/")));
      if (!hits.length) missing.push(a);
      files.push(...hits);
      continue;
    }
    let st;
    try {
      st = statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(a, files);
    else files.push(a);
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => (seen.has(resolve(f)) ? false : (seen.add(resolve(f)), true))), missing };
}

export interface IngestOptions {
  published?: string;
  lang?: Lang;
  /** Progress on a terminal (bar) or as plain lines. */
  progress?: "bar" | "lines" | "none";
  /** Extraction threads: 0 extracts on this thread (default: one per core when there are many files). */
  jobs?: number;
  /** The ledger as the worker threads open it to read (default: the store's file, for SQLite). */
  db?: string;
  /** `sitrep ingest`: refresh the briefing's kept picture at the end (default true). */
  refresh?: boolean;
}

/**
 * Reports written per transaction, or fewer when the first of them has waited this long. A commit writes
 * every page the batch changed (on SQLite twice: into the log, and into the file at the checkpoint), and
 * the indexes keyed by hashes (propositions, names, fused entities, the claims' words) are changed all over
 * by any batch, so that a larger batch writes few pages more: at 64 reports or 250 ms, an ingest of 2,000
 * reports committed 136 times, 14% of its SQL time. The window is long enough for a loaded machine to fill a
 * batch: at 2 s, with 20-80 reports a batch, 2,000 bench reports (2.7 MB) wrote 138-166 MB; at 10 s, 85-87 MB
 * and 6-10% less CPU (two runs each, alternated, load 18-26). At most ten seconds of reports go unacknowledged.
 */
const BATCH = { reports: 256, ms: 10000 };

/** URLs are fetched only by the server, which checks where they lead. */
export const URL_INPUT = /^https?:\/\//i;

/** How many extraction threads an ingest of this many files uses: none (this thread) for a handful. */
export function defaultJobs(files: number): number {
  // a thread costs its start-up (modules, lexicons, gazetteer: a few hundred ms), worth it from a few dozen files
  return files < 24 ? 0 : Math.max(1, Math.min(availableParallelism(), 8));
}

/** Files that hold one report each: never split across threads. */
const ONE_REPORT = new Set([".txt", ".md", ".markdown", ".html", ".htm"]);

/**
 * Input per part of a file of many reports: a few reports (news reports are 2-5 KB of JSON each), so that
 * the threads share a file's reports as they share files, and a window of parts (WINDOW_PER_THREAD) holds
 * about as many reports as one of files.
 */
const PART_BYTES = 16 * 1024;

/**
 * What the extraction threads take, in the order of the files: each file whole, but one that may hold many
 * reports (JSON lines, a feed, an export: any but a report's own formats) and is larger than a part split
 * into parts, each a run of its reports. With one thread (or none) nothing is split.
 */
export function unitsOf(files: readonly string[], jobs: number): Unit[] {
  const out: Unit[] = [];
  for (const file of files) {
    let parts = 1;
    if (jobs > 1 && !ONE_REPORT.has(extname(file).toLowerCase())) {
      try {
        parts = Math.max(1, Math.ceil(statSync(file).size / PART_BYTES));
      } catch {
        // told by the thread that reads it
      }
    }
    for (let part = 0; part < parts; part++) out.push({ file, part, parts });
  }
  return out;
}

/**
 * Ingests files into an open store. Reports are extracted outside any transaction (in worker threads when
 * there are many files) and written a few hundred at a time (BATCH), one transaction each, in the order of
 * the files whatever order they were extracted in; a line (and the summary) counts a report only once its
 * batch has committed, so a process killed mid-ingest loses no report it told of (SQLite's log makes a
 * commit last through a crash of the process; the batch in flight is rolled back whole).
 */
export async function ingestFiles(store: Store, files: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  // (before the extraction threads start: they share the process's V8 flags)
  limitOptimizing();
  const sum: IngestSummary = { added: 0, unchanged: 0, updated: 0, failed: [], skipped: [], reports: 0 };
  const mode = opts.progress ?? "none";
  const started = Date.now();
  let lastDraw = 0;
  let done = 0;
  const draw = (final = false) => {
    if (mode !== "bar") return;
    const now = Date.now();
    if (!final && now - lastDraw < 80) return;
    lastDraw = now;
    const w = 28;
    const bar = Math.round((done / Math.max(1, files.length)) * w);
    const rate = sum.reports / Math.max(0.001, (now - started) / 1000);
    process.stderr.write(
      `\r[${"#".repeat(bar)}${".".repeat(w - bar)}] ${done}/${files.length} files · ${sum.added} added, ${sum.unchanged} unchanged, ${sum.updated} updated, ${sum.failed.length} failed · ${rate.toFixed(0)} reports/s\x1b[K`,
    );
    if (final) process.stderr.write("\n");
  };
  const say = (line: string) => {
    if (mode === "lines") process.stderr.write(line + "\n");
  };
  const problem = (line: string) => {
    if (mode === "bar") process.stderr.write("\r\x1b[K");
    fail(line);
  };

  let pending: { prep: Prepared; file: string; label: string }[] = [];
  let batchStart = Date.now();
  let full: string | undefined;
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    const results = await storeReports(store, batch.map((p) => p.prep));
    results.forEach((r, i) => {
      const { file, label } = batch[i]!;
      if (r.ok) {
        sum[r.status]++;
        say(`${r.status} ${r.report} ${file}${label}${r.version > 1 && r.status === "updated" ? ` (version ${r.version})` : ""}`);
      } else {
        if (r.full) full ??= r.error;
        sum.failed.push({ file: file + label, reason: `not stored: ${r.error}` });
        if (!r.full || full === r.error) problem(`${file}${label}: not stored: ${r.error}`);
      }
    });
  };

  /** What the extraction of a file says, taken in the order of the files. */
  const take = async (file: string, e: WorkerEvent): Promise<void> => {
    if (e.type === "skipped") {
      sum.skipped.push({ file: e.file, ...(e.item && { item: e.item }), reason: e.reason });
      problem(`${e.message} (skipped)`);
    } else if (e.type === "failed") {
      sum.failed.push({ file, reason: e.reason });
      problem(`${file}: ${e.reason}`);
    } else if (e.type === "report") {
      if (e.warning) problem(`warning: ${e.warning}`);
      sum.reports++;
      if (!e.prep) {
        sum.unchanged++;
        say(`unchanged ${file}${e.label}`);
        return;
      }
      if (!pending.length) batchStart = Date.now();
      pending.push({ prep: e.prep, file, label: e.label });
      if (pending.length >= BATCH.reports || Date.now() - batchStart > BATCH.ms) await flush();
    } else {
      done++;
      draw();
    }
  };
  const notIngested = (file: string) => sum.failed.push({ file, reason: "not ingested: the ledger could not take more" });

  const jobs = opts.jobs ?? defaultJobs(files.length);
  if (jobs < 1) {
    const isKnown = async (hash: string) => !!(await store.reads.findByHash(hash));
    for (let seq = 0; seq < files.length; seq++) {
      const file = files[seq]!;
      if (full) {
        notIngested(file);
        continue;
      }
      await extractFile(file, seq, opts, isKnown, (e) => take(file, e));
    }
  } else {
    const units = unitsOf(files, jobs);
    await withWorkers(store, units, opts, Math.min(jobs, units.length), take, () => !!full, notIngested);
  }
  await flush();
  if (full) problem(`stopped: the ledger ${shownLocation(store.location)} could not take more (${full}); what is listed as added was stored`);
  draw(true);
  return sum;
}

/** Units (files) a thread may extract past the last one the writer has taken: covers what the threads make while a batch is written. */
const WINDOW_PER_THREAD = 96;

/**
 * Files extracted by `jobs` worker threads, their output taken unit by unit in the order given (so that
 * the ledger's decisions that depend on what came before, such as which name a new entity joins or which
 * earlier report a wire copy repeats, are those of an ingest on one thread). The threads take the files
 * themselves (Dispatch), at most a window of files ahead of the writer, so memory does not grow with the
 * number of files and the threads go on extracting while the writer writes.
 */
async function withWorkers(
  store: Store,
  units: readonly Unit[],
  opts: IngestOptions,
  jobs: number,
  take: (file: string, e: WorkerEvent) => Promise<void>,
  stopped: () => boolean,
  notIngested: (file: string) => void,
): Promise<void> {
  const readFrom = opts.db ?? (store.backend === "sqlite" ? store.location : undefined);
  const control = new SharedArrayBuffer(Dispatch.slots * Int32Array.BYTES_PER_ELEMENT);
  const ctl = new Int32Array(control);
  const setup: WorkerSetup = {
    db: readFrom ?? "", published: opts.published, lang: opts.lang, units, control, window: WINDOW_PER_THREAD * jobs, encode: store.backend === "sqlite",
  };
  const url = new URL("./ingest-worker.js", import.meta.url);
  const events = new Map<number, WorkerEvent[]>();
  const pool = threadPool<PostedEvent>(url, jobs, { sitrepIngest: setup }, (m) => {
    let e: WorkerEvent;
    if (m.type === "report" && m.packed) {
      const { packed, ...rest } = m;
      e = { ...rest, prep: unpackPrepared(packed) };
    } else e = m as WorkerEvent;
    const q = events.get(e.seq);
    if (q) q.push(e);
    else events.set(e.seq, [e]);
  });
  const next = async (seq: number): Promise<WorkerEvent> => {
    for (;;) {
      const q = events.get(seq);
      if (q?.length) return q.shift()!;
      await pool.wait();
    }
  };
  try {
    for (let seq = 0; seq < units.length; seq++) {
      const { file, part, parts } = units[seq]!;
      if (stopped()) {
        Atomics.store(ctl, Dispatch.stop, 1);
        Atomics.notify(ctl, Dispatch.taken);
        if (part === 0) notIngested(file);
        continue;
      }
      for (;;) {
        const e = await next(seq);
        if (e.type === "end") {
          events.delete(seq);
          Atomics.store(ctl, Dispatch.taken, seq + 1);
          Atomics.notify(ctl, Dispatch.taken);
        }
        // (a file is done at the end of its last part)
        if (e.type !== "end" || part === parts - 1) await take(file, e);
        if (e.type === "end" || stopped()) break;
      }
    }
  } finally {
    Atomics.store(ctl, Dispatch.stop, 1);
    Atomics.notify(ctl, Dispatch.taken);
    await pool.stop();
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summaryText(s: IngestSummary): string {
  const lines = [`${s.added} added, ${s.unchanged} unchanged, ${s.updated} updated, ${s.failed.length} failed, ${s.skipped.length} skipped (${plural(s.reports, "report", "reports")})`];
  for (const f of s.failed) lines.push(`failed: ${f.file}: ${f.reason}`);
  for (const k of s.skipped) lines.push(`skipped: ${k.file}${k.item ? ` (${k.item})` : ""}: ${k.reason}`);
  return lines.join("\n") + "\n";
}

export async function runIngest(inputs: readonly string[], db: string, opts: IngestOptions): Promise<{ summary: IngestSummary; missing: string[] }> {
  const urls = inputs.filter((a) => URL_INPUT.test(a));
  const { files, missing } = expandInputs(inputs.filter((a) => !URL_INPUT.test(a)));
  const URL_REASON = "ingest reads files; a URL is fetched by the server: run `sitrep serve --allow-fetch` and add it there (POST /api/reports with {\"url\": …}), or save the page and ingest the file";
  for (const u of urls) fail(`${u}: ${URL_REASON}`);
  for (const m of missing) fail(`${m}: no such file, directory or matching files`);
  let told = false;
  const store = await openStore(db, {
    onWait: () => {
      if (told) return;
      told = true;
      if (opts.progress === "bar") process.stderr.write("\r\x1b[K");
      process.stderr.write(`sitrep: another process is writing to ${shownLocation(db)}; waiting for it\n`);
    },
  });
  try {
    const summary = await ingestFiles(store, files, { ...opts, db: opts.db ?? db });
    // the briefing's picture, kept for this version of the ledger, so that `brief` and the server read it
    // instead of fusing every report (src/ledger/snapshot.ts); a refresh that fails leaves it stale
    if (opts.refresh !== false) await refreshPictures(store).catch((e: unknown) => process.stderr.write(`sitrep: the briefing was not refreshed: ${(e as Error)?.message ?? String(e)}\n`));
    for (const u of urls) summary.failed.push({ file: u, reason: URL_REASON });
    for (const m of missing) summary.failed.push({ file: m, reason: "no such file, directory or matching files" });
    return { summary, missing };
  } finally {
    await store.close();
  }
}
