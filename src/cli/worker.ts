// Ingest through a queue (PostgreSQL ledgers): `sitrep ingest --queue` reads the files and queues each
// report they hold; `sitrep worker` takes reports from the queue, extracts them and stores each one in a
// transaction of its own, on as many machines as there are workers (see src/store/queue.ts for why a
// killed worker loses nothing and no report is stored twice).
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Lang } from "../model/doc.js";
import type { RawReport } from "../ingest/types.js";
import { IngestError, readReports, toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { isDatabaseUrl, openStore } from "../store/index.js";
import { openQueue, type JobQueue } from "../store/queue.js";
import { writeStats } from "../store/postgres.js";
import { known, prepare, storeReports } from "../ledger/ingest.js";
import { refreshWhenIdle } from "../ledger/snapshot.js";
import { expandInputs, URL_INPUT } from "./ingest.js";
import { fail, UsageError } from "./io.js";
import { limitOptimizing } from "./optimizing.js";

/** What a job holds: one report as read from its file, and the options of the ingest that queued it. */
interface JobData {
  raw: Omit<RawReport, "mtime"> & { mtime?: string };
  published?: string;
  lang?: Lang;
}

function needsDatabase(db: string, what: string): void {
  if (!isDatabaseUrl(db)) throw new UsageError(`${what} needs a PostgreSQL ledger (--db postgres://…); a SQLite ledger is written by sitrep ingest itself`);
}

export interface EnqueueSummary {
  queued: number;
  already: number;
  failed: { file: string; reason: string }[];
}

/**
 * Reads the files here (so that workers elsewhere need no access to them) and queues their reports. A
 * report read from a file keeps that file's absolute path as its origin, which is what makes a later
 * version of the file a new version of the report, wherever the worker runs.
 */
export async function enqueueFiles(inputs: readonly string[], db: string, o: { published?: string; lang?: Lang }): Promise<EnqueueSummary> {
  needsDatabase(db, "--queue");
  const sum: EnqueueSummary = { queued: 0, already: 0, failed: [] };
  for (const u of inputs.filter((a) => URL_INPUT.test(a))) sum.failed.push({ file: u, reason: "a URL is fetched by the server (sitrep serve --allow-fetch), not queued" });
  const { files, missing } = expandInputs(inputs.filter((a) => !URL_INPUT.test(a)));
  for (const m of missing) sum.failed.push({ file: m, reason: "no such file, directory or matching files" });
  // The ledger's tables exist before any worker looks at the queue (and the database is checked now).
  await (await openStore(db)).close();
  const q = openQueue(db);
  try {
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const n = await q.enqueue(batch);
      sum.queued += n;
      sum.already += batch.length - n;
      batch = [];
    };
    for (const file of files) {
      try {
        for (const raw of readReports(file, { onItemError: (e) => fail(`${e.message} (skipped)`) })) {
          const data: JobData = { raw: { ...raw, origin: resolve(raw.origin), mtime: raw.mtime?.toISOString() }, published: o.published, lang: o.lang };
          batch.push(JSON.stringify(data));
          if (batch.length >= 500) await flush();
        }
      } catch (e) {
        const reason = e instanceof IngestError ? e.reason : `could not be read: ${(e as Error)?.message ?? String(e)}`;
        sum.failed.push({ file, reason });
        fail(`${file}: ${reason}`);
      }
    }
    await flush();
  } finally {
    await q.close();
  }
  return sum;
}

export interface WorkerOptions {
  concurrency?: number;
  untilIdle?: boolean;
  /** Refresh the briefing's kept picture when the queue goes idle (default true). */
  refresh?: boolean;
  /** Lines per report on stderr. */
  quiet?: boolean;
  /** How long to wait between looks at an empty queue (ms). */
  idleMs?: number;
}

export interface WorkerSummary {
  added: number;
  unchanged: number;
  updated: number;
  failed: number;
  /** Worker processes that ended with an error (--concurrency). */
  crashed?: number;
  /** Milliseconds spent extracting, and storing (waiting for other writers included). */
  extractMs?: number;
  /** … of which CPU time of this process (on a loaded machine the wall-clock time is mostly waiting for a core). */
  extractCpuMs?: number;
  storeMs?: number;
  /** Write transactions, their round trips to the database, time holding the writers' lock and waiting for it (ms). */
  tx?: { n: number; trips: number; heldMs: number; sharedMs?: number; txMs: number };
}

/** One worker process: takes reports from the queue until it is empty (--until-idle) or it is stopped. */
export async function runWorker(db: string, o: WorkerOptions = {}): Promise<WorkerSummary> {
  needsDatabase(db, "sitrep worker");
  if ((o.concurrency ?? 1) > 1) return runWorkers(db, o);
  limitOptimizing();
  const sum: WorkerSummary = { added: 0, unchanged: 0, updated: 0, failed: 0 };
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Commits need not wait for the disk: should the database server crash, it loses the last commits in
  // order, and a job's deletion commits after its report's, so a lost report is a job still queued.
  const store = await openStore(db, { asyncCommit: true });
  const q: JobQueue = openQueue(db);
  const say = (line: string) => {
    if (!o.quiet) process.stderr.write(line + "\n");
  };
  let stored = false;
  try {
    while (!stopping) {
      const took = await q.take(async (job) => {
        const data = JSON.parse(job.data) as JobData;
        const raw: RawReport = { ...data.raw, ...(data.raw.mtime !== undefined && { mtime: new Date(data.raw.mtime) }) } as RawReport;
        const doc = toDoc(raw, "d1", { published: data.published, lang: data.lang });
        const label = raw.item ? ` (${raw.item})` : "";
        if (await known(store, doc)) {
          sum.unchanged++;
          say(`unchanged ${raw.origin}${label}`);
          return;
        }
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        runPipeline(doc);
        const p = prepare(doc);
        const t1 = performance.now();
        const c1 = process.cpuUsage(c0);
        const [r] = await storeReports(store, [p]);
        sum.extractMs = (sum.extractMs ?? 0) + (t1 - t0);
        sum.extractCpuMs = (sum.extractCpuMs ?? 0) + (c1.user + c1.system) / 1000;
        sum.storeMs = (sum.storeMs ?? 0) + (performance.now() - t1);
        if (!r || !r.ok) throw new Error(r ? r.error : "not stored");
        sum[r.status]++;
        if (r.status !== "unchanged") stored = true;
        say(`${r.status} ${r.report} ${raw.origin}${label}`);
      });
      if (!took) {
        // the queue is empty: the briefing's picture for what is stored now (one worker at a time)
        if (stored && o.refresh !== false) {
          // another worker refreshing: look again when next idle, for what was stored since it began
          stored = !(await refreshWhenIdle(store).catch((e: unknown) => (say(`the briefing was not refreshed: ${(e as Error)?.message ?? String(e)}`), true)));
        }
        if (o.untilIdle) break;
        await new Promise((res) => setTimeout(res, o.idleMs ?? 500));
        continue;
      }
      if (took.error !== undefined) {
        sum.failed++;
        fail(`job ${took.job.id}: not stored: ${(took.error as Error)?.message ?? String(took.error)} (kept in the queue with its error)`);
      }
    }
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await q.close();
    await store.close();
  }
  sum.tx = { n: writeStats.transactions, trips: writeStats.roundTrips, heldMs: writeStats.heldMs, sharedMs: writeStats.sharedMs, txMs: writeStats.txMs };
  return sum;
}

/** N worker processes on this machine (one per core is the sensible most: extraction is CPU work). */
async function runWorkers(db: string, o: WorkerOptions): Promise<WorkerSummary> {
  const n = o.concurrency!;
  const bin = resolve(process.argv[1] ?? "bin/sitrep.js");
  const args = [bin, "worker", "--db", db, "--concurrency", "1", ...(o.untilIdle ? ["--until-idle"] : []), ...(o.quiet ? ["--quiet"] : []), ...(o.refresh === false ? ["--no-refresh"] : [])];
  const sum: WorkerSummary = { added: 0, unchanged: 0, updated: 0, failed: 0 };
  const children = Array.from({ length: n }, () => spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] }));
  const forward = (sig: NodeJS.Signals) => () => children.forEach((c) => c.kill(sig));
  const onInt = forward("SIGINT"), onTerm = forward("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  try {
    const codes = await Promise.all(
      children.map(
        (c) =>
          new Promise<number>((res) => {
            let text = "";
            c.stdout!.setEncoding("utf8").on("data", (s: string) => (text += s));
            c.on("close", (code) => {
              // each child prints its summary line: add them up
              const m = /(\d+) added, (\d+) unchanged, (\d+) updated, (\d+) failed/.exec(text);
              if (m) {
                sum.added += Number(m[1]);
                sum.unchanged += Number(m[2]);
                sum.updated += Number(m[3]);
                sum.failed += Number(m[4]);
              }
              res(code ?? 1);
            });
          }),
      ),
    );
    sum.crashed = codes.filter((c) => c !== 0).length;
    return sum;
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  }
}

export function workerSummaryText(s: WorkerSummary): string {
  const stored = s.added + s.updated;
  const tx = s.tx?.n
    ? `, ${(s.tx.trips / s.tx.n).toFixed(1)} round trips a write transaction, ${(s.tx.heldMs / s.tx.n).toFixed(1)} ms holding the writers' lock${s.tx.sharedMs !== undefined ? ` (${(s.tx.sharedMs / s.tx.n).toFixed(1)} ms holding rows other writers update)` : ""}, ${(s.tx.txMs / s.tx.n).toFixed(1)} ms from asking for it to the commit`
    : "";
  const per = stored && s.extractMs !== undefined ? ` (per report: extraction ${(s.extractMs / stored).toFixed(1)} ms${s.extractCpuMs !== undefined ? ` (${(s.extractCpuMs / stored).toFixed(1)} ms CPU)` : ""}, storing ${(s.storeMs! / stored).toFixed(1)} ms${tx})` : "";
  return `${s.added} added, ${s.unchanged} unchanged, ${s.updated} updated, ${s.failed} failed${s.crashed ? `; ${s.crashed} worker processes failed` : ""}${per}\n`;
}
