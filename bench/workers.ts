// The PostgreSQL part of `npm run bench:ingest -- --db postgres://… [--workers 1,2] [--reports N]`: the
// generated reports queued once per run (`sitrep ingest --queue`) into a new database each, then taken by
// 1, 2 … worker processes (`sitrep worker --until-idle`) at once. Prints reports/s per number of workers
// and the ratio to one worker, each worker's peak memory (VmHWM), whether every report was stored exactly
// once; on the last ledger, `sitrep brief` (CLI, median of 3), and `sitrep serve`: time until it listens
// and the latency of uncached /api/claims pages (p50/p95).
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { root } from "./corpus.js";
import { startServe } from "./serve.js";

const bin = join(root, "bin", "sitrep.js");

function withDatabase(url: string, name: string): string {
  const m = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(url);
  if (!m) throw new Error(`not a postgres:// URL: ${url}`);
  return `${m[1]}/${name}${m[3] ?? ""}`;
}
const dbName = (url: string) => /^postgres(?:ql)?:\/\/[^/?]*\/([^?]*)/i.exec(url)?.[1] || "postgres";

async function admin(url: string, sql: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Peak resident memory of a process so far (MB), from /proc (Linux); 0 where there is none. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Clock ticks of CPU (user + system) of a process (and, with `children`, of its reaped children), from /proc. */
function cpuTicks(pid: number, children = false): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8");
    // fields after the command (which may hold spaces): state is field 3, utime 14, stime 15, cutime 16, cstime 17
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
    return Number(rest[11]) + Number(rest[12]) + (children ? Number(rest[13]) + Number(rest[14]) : 0);
  } catch {
    return 0;
  }
}

/**
 * CPU seconds the database server has used so far, when it runs on this machine (a Unix socket): its
 * postmaster with every child it has reaped, and its living children. null where it cannot be read.
 */
async function serverCpu(url: string): Promise<number | null> {
  // the postmaster's pid is the first line of postmaster.pid in its data directory (a superuser may ask where)
  const r = await admin(url, "SELECT current_setting('data_directory') AS dir").catch(() => null);
  let ppid = 0;
  try {
    ppid = Number(readFileSync(join(String(r?.rows[0]?.dir), "postmaster.pid"), "utf8").split("\n")[0]);
    if (!ppid) return null;
    readFileSync(`/proc/${ppid}/stat`);
  } catch {
    return null;
  }
  let ticks = cpuTicks(ppid, true);
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d) || Number(d) === ppid) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, "utf8");
      if (Number(f.slice(f.lastIndexOf(")") + 2).split(" ")[1]) === ppid) ticks += cpuTicks(Number(d));
    } catch {
      // (gone meanwhile)
    }
  }
  return ticks / 100;
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export async function benchWorkers(o: { url: string; input: string; reports: number; bytes: number; workers: string; keep: boolean; noReads?: boolean }): Promise<void> {
  const counts = o.workers.split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const base = dbName(o.url);
  const runs: { workers: number; secs: number; perSec: number; rss: number[]; stored: number; distinct: number; queued: number; enqueueS: number; serverMs: number | null; atMarks: { stored: number; rss: number[] }[] }[] = [];
  let last = "";
  for (const w of counts) {
    const name = `${base}_bench_${process.pid}_w${w}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
    await admin(o.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(o.url, `CREATE DATABASE ${name}`);
    const db = withDatabase(o.url, name);
    last = db;
    const tq = performance.now();
    const q = spawnSync(process.execPath, [bin, "ingest", "--queue", "--db", db, o.input], { encoding: "utf8", maxBuffer: 1 << 28 });
    if (q.status !== 0) throw new Error(`queueing failed: ${q.stderr}`);
    const enqueueS = (performance.now() - tq) / 1000;
    const queued = Number(/^(\d+) queued/.exec(q.stdout)?.[1] ?? 0);
    const cpu0 = await serverCpu(o.url);
    const t0 = performance.now();
    const rss = Array<number>(w).fill(0);
    const children = Array.from({ length: w }, () => spawn(process.execPath, [bin, "worker", "--db", db, "--until-idle", "--quiet", "--no-refresh"], { stdio: ["ignore", "pipe", "inherit"] }));
    const watch = setInterval(() => children.forEach((c, i) => (rss[i] = Math.max(rss[i]!, peakRss(c.pid!)))), 200);
    // "flat" memory needs more than one peak: each worker's peak so far when the ledger reaches a tenth, a
    // quarter, a half and three quarters of the queue (and at the end), so growth with the ledger shows
    const marks = [0.1, 0.25, 0.5, 0.75].map((f) => Math.round(f * queued)).filter((n) => n > 0);
    const atMarks: { stored: number; rss: number[] }[] = [];
    const counter = new pg.Client({ connectionString: db });
    await counter.connect();
    let counting = false;
    const count = setInterval(() => {
      if (counting || !marks.length) return;
      counting = true;
      counter
        .query("SELECT count(*) AS n FROM reports")
        .then((r) => {
          const n = Number(r.rows[0].n);
          const now = children.map((c, i) => (rss[i] = Math.max(rss[i]!, peakRss(c.pid!))));
          while (marks.length && n >= marks[0]!) {
            atMarks.push({ stored: n, rss: now });
            console.log(`  ${n} reports stored: peak RSS per worker so far ${now.map((x) => x.toFixed(0)).join(", ")} MB`);
            marks.shift();
          }
        })
        .catch(() => {})
        .finally(() => (counting = false));
    }, 2000);
    const outs = await Promise.all(
      children.map(
        (c) =>
          new Promise<string>((resolve, reject) => {
            let out = "";
            c.stdout!.setEncoding("utf8").on("data", (s: string) => (out += s));
            c.on("exit", () => children.forEach((x, i) => (rss[i] = Math.max(rss[i]!, peakRss(x.pid!)))));
            c.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`a worker exited ${code}: ${out}`))));
          }),
      ),
    );
    clearInterval(watch);
    clearInterval(count);
    await counter.end().catch(() => {});
    const secs = (performance.now() - t0) / 1000;
    const cpu1 = await serverCpu(o.url);
    const serverMs = cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * 1000) / Math.max(1, queued) : null;
    const r = await admin(db, "SELECT count(*) AS n, count(DISTINCT hash) AS d FROM reports");
    const stored = Number(r.rows[0].n), distinct = Number(r.rows[0].d);
    atMarks.push({ stored, rss: [...rss] });
    runs.push({ workers: w, secs, perSec: queued / secs, rss, stored, distinct, queued, enqueueS, serverMs, atMarks });
    console.log(
      `${w} worker${w > 1 ? "s" : ""}: ${queued} reports in ${secs.toFixed(1)} s = ${(queued / secs).toFixed(1)} reports/s; peak RSS per worker ${rss.map((x) => x.toFixed(0)).join(", ")} MB; ` +
        `${stored} report rows, ${distinct} distinct (queued in ${enqueueS.toFixed(1)} s)` +
        (serverMs !== null ? `; database server CPU ${serverMs.toFixed(1)} ms a report (all its processes, other clients of the server included)` : "") +
        ` — ${outs.map((s) => s.trim()).join(" | ")}`,
    );
  }
  const one = runs.find((r) => r.workers === 1);
  for (const r of runs) if (one && r !== one) console.log(`${r.workers} workers / 1 worker: ${(r.perSec / one.perSec).toFixed(2)}×`);

  if (o.noReads) {
    if (!o.keep) for (const w of counts) await admin(o.url, `DROP DATABASE IF EXISTS ${`${base}_bench_${process.pid}_w${w}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase()} WITH (FORCE)`);
    return;
  }
  const m = await measureReads(last);
  const { briefs, listenMs, lat, total } = m;
  console.log(`brief (CLI, node start-up included): median ${pct(briefs, 50).toFixed(0)} ms on ${runs[runs.length - 1]?.stored} reports`);
  console.log(`serve: listening after ${listenMs.toFixed(0)} ms; /api/claims (50 a page, uncached, ${total} claims): p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms`);
  console.log(readBars(m, runs[runs.length - 1]?.stored ?? 0));
  console.log(
    JSON.stringify({
      backend: "postgres",
      reports: o.reports,
      input_mb: +(o.bytes / 1048576).toFixed(2),
      runs: runs.map((r) => ({ workers: r.workers, secs: +r.secs.toFixed(2), reports_per_s: +r.perSec.toFixed(1), peak_rss_mb: r.rss.map((x) => +x.toFixed(1)), peak_rss_mb_at: r.atMarks.map((m) => ({ stored: m.stored, mb: m.rss.map((x) => +x.toFixed(1)) })), stored: r.stored, distinct: r.distinct })),
      brief_cli_ms: +pct(briefs, 50).toFixed(0),
      serve_listen_ms: +listenMs.toFixed(0),
      api_claims_p50_ms: +pct(lat, 50).toFixed(1),
      api_claims_p95_ms: +pct(lat, 95).toFixed(1),
      export_json_s: +(m.exportMs / 1000).toFixed(1),
      export_json_peak_rss_mb: +m.exportMb.toFixed(0),
    }),
  );
  if (!o.keep) for (const w of counts) await admin(o.url, `DROP DATABASE IF EXISTS ${`${base}_bench_${process.pid}_w${w}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase()} WITH (FORCE)`);
}

/** `sitrep brief` through the CLI (median of three), and `sitrep serve`: until it listens, then uncached /api/claims pages. */
export async function measureReads(last: string): Promise<{ briefs: number[]; listenMs: number; lat: number[]; total: number; exportMs: number; exportMb: number; exportBytes: number }> {
  // brief through the CLI (node start-up included), median of three: the first finds no kept picture (the
  // workers were told not to refresh, so that their rate is that of ingest alone) and makes it
  const briefs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const b = spawnSync(process.execPath, [bin, "brief", "--db", last], { encoding: "utf8", maxBuffer: 1 << 28 });
    if (b.status !== 0) throw new Error(`brief failed: ${b.stderr}`);
    briefs.push(performance.now() - t);
  }
  // export --format json: time, and the peak memory of the process (sampled from /proc while it runs), after
  // the first brief has kept the ledger's picture and export parts, as a ledger is read once refreshed (on a
  // ledger never refreshed, export fuses it whole in memory first)
  const te = performance.now();
  const ex = spawn(process.execPath, [bin, "export", "--format", "json", "--db", last], { stdio: ["ignore", "pipe", "pipe"] });
  let exportBytes = 0, exportMb = 0, exportErr = "";
  ex.stdout!.on("data", (b: Buffer) => (exportBytes += b.length));
  ex.stderr!.setEncoding("utf8").on("data", (t: string) => (exportErr += t));
  const sample = setInterval(() => (exportMb = Math.max(exportMb, peakRss(ex.pid!))), 50);
  const code = await new Promise<number | null>((res) => ex.on("close", res));
  clearInterval(sample);
  if (code !== 0) throw new Error(`export failed: ${exportErr}`);
  const exportMs = performance.now() - te;
  // serve: until it listens, then uncached pages of claims (each offset and filter asked once)
  const { server, base: baseUrl, listenMs } = await startServe(bin, last);
  const lat: number[] = [];
  let total = 0;
  try {
    const first = (await (await fetch(`${baseUrl}/api/claims?limit=50`)).json()) as { total: number };
    total = first.total;
    // As the page reads them: a list (filter and sort), then its next pages by cursor (keyset paging), each
    // page asked once. The first page of each list also counts its total (kept for the later pages).
    const lists = ["", "&status=denied", "&status=claimed", "&status=established,confirmed", "&sort=-published", "&sort=status", "&sort=-source", "&sort=outlet"];
    for (const list of lists) {
      let cursor = "";
      for (let i = 0; i < 25; i++) {
        const t = performance.now();
        const res = await fetch(`${baseUrl}/api/claims?limit=50${list}${cursor}`);
        const page = (await res.json()) as { next?: string };
        if (res.status !== 200) throw new Error(`/api/claims answered ${res.status}`);
        lat.push(performance.now() - t);
        if (!page.next) break;
        cursor = `&after=${page.next}`;
      }
    }
  } finally {
    server.kill("SIGTERM");
  }
  return { briefs, listenMs, lat, total, exportMs, exportMb, exportBytes };
}

/** The reading bars of a ledger (issue 15), each with its figure and whether it holds. */
export function readBars(m: Awaited<ReturnType<typeof measureReads>>, reports: number): string {
  const ok = (b: boolean) => (b ? "holds" : "MISSED");
  return [
    `bars on ${reports} reports:`,
    `  serve listening within 5 s: ${(m.listenMs / 1000).toFixed(2)} s — ${ok(m.listenMs < 5000)}`,
    `  export --format json streams with memory < 300 MB: peak ${m.exportMb.toFixed(0)} MB, ${(m.exportBytes / 1048576).toFixed(1)} MB in ${(m.exportMs / 1000).toFixed(1)} s — ${ok(m.exportMb < 300)}`,
    `  brief < 1 s (CLI, node start-up included): median ${(pct(m.briefs, 50) / 1000).toFixed(2)} s — ${ok(pct(m.briefs, 50) < 1000)}`,
    `  uncached /api/claims page p95 < 50 ms: ${pct(m.lat, 95).toFixed(1)} ms (p50 ${pct(m.lat, 50).toFixed(1)} ms) — ${ok(pct(m.lat, 95) < 50)}`,
  ].join("\n");
}
