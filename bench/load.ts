// Load test of `sitrep serve` on loopback: 50 clients read the briefing and the claims without pause while
// one more client adds 500 reports, for at most 30 seconds. Reports requests/s, latency percentiles and
// errors, then checks that every report that was accepted is in the ledger (nothing lost).
//
//   npm run bench:load [-- --clients 50 --reports 500 --seconds 30]
//
// The server is started here as a separate process on 127.0.0.1 with a fresh ledger in a temporary folder;
// no other address is ever contacted. The reports are recombined from the sample reports that ship with
// sitrep, each made unique, so that every one is a new report for the ledger.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CLIENTS = arg("clients", 50);
const REPORTS = arg("reports", 500);
const SECONDS = arg("seconds", 30);
const TOKEN = "load-test-token-0123456789abcdef";

function sampleSentences(): { nl: string[]; en: string[] } {
  const dir = join(root, "samples");
  const out = { nl: [] as string[], en: [] as string[] };
  for (const f of readdirSync(dir).filter((x) => /\.(nl|en)\.txt$/.test(x)).sort()) {
    const body = readFileSync(join(dir, f), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
    const lang = f.includes(".nl.") ? "nl" : "en";
    for (const p of body.split(/\n\s*\n/)) for (const s of p.split(/(?<=[.!?][”"]?)\s+(?=[A-Z“"])/)) if (s.trim().length > 30) out[lang].push(s.trim());
  }
  return out;
}

/** Report i: a deterministic recombination of sample sentences, with a title and a dateline of its own. */
function makeReport(i: number, pool: { nl: string[]; en: string[] }): string {
  const lang = i % 3 === 0 ? "nl" : "en";
  const s = pool[lang];
  const pick = (k: number) => s[(i * 7 + k * 13) % s.length]!;
  const n = 6 + (i % 5);
  const paras: string[] = [];
  for (let k = 0; k < n; k += 2) paras.push([pick(k), pick(k + 1)].join(" "));
  const day = 10 + (i % 18);
  return `---\ntitle: Load report ${i + 1}\nsource: Outlet ${(i % 12) + 1}\npublished: 2024-05-${day}T${String(6 + (i % 14)).padStart(2, "0")}:00:00+02:00\nlanguage: ${lang}\n---\n${paras.join("\n\n")}\n\n${lang === "nl" ? `Dit is bericht ${i + 1}.` : `This is report ${i + 1}.`}\n`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 4 });

function request(port: number, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method, path, agent, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${TOKEN}` } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function startServer(db: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(root, "bin", "sitrep.js"), "serve", "--db", db, "--port", "0", "--host", "127.0.0.1"], {
    env: { ...process.env, SITREP_TOKEN: TOKEN },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  const port = await new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
      if (process.env.SITREP_LOAD_VERBOSE) process.stderr.write(c);
      const m = /on http:\/\/(?:localhost|127\.0\.0\.1):(\d+)\//.exec(err);
      if (m) {
        clearTimeout(t);
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-load-"));
  const server = await startServer(join(dir, "ledger.db"));
  const pool = sampleSentences();
  const reports = Array.from({ length: REPORTS }, (_, i) => makeReport(i, pool));
  const reads: { path: string; ms: number }[] = [];
  const writes: number[] = [];
  const errors: string[] = [];
  const accepted = new Set<string>();
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;
  let ingestDone = false;
  let ingestEnd = 0;

  const ingest = (async () => {
    for (const text of reports) {
      if (performance.now() > deadline) break;
      const s = performance.now();
      try {
        const r = await request(server.port, "POST", "/api/reports", JSON.stringify({ text }));
        writes.push(performance.now() - s);
        if (r.status !== 201) errors.push(`POST ${r.status} ${r.body.slice(0, 200)}`);
        else accepted.add((JSON.parse(r.body) as { report: string }).report);
      } catch (e) {
        errors.push(`POST ${(e as Error).message}`);
      }
    }
    ingestDone = true;
    ingestEnd = performance.now();
  })();

  const paths = ["/api/brief?lang=en", "/api/claims?limit=100", "/api/brief?lang=nl", "/api/claims?status=denied,claimed&limit=100"];
  const reader = async (k: number) => {
    let n = k;
    // Readers go on for the whole window, or stop a moment after the ingest is through.
    while (performance.now() < deadline && !(ingestDone && performance.now() > ingestEnd + 1000)) {
      const path = paths[n++ % paths.length]!;
      const s = performance.now();
      try {
        const r = await request(server.port, "GET", path);
        reads.push({ path, ms: performance.now() - s });
        // A whole JSON body (cheap check: the parse of every body would load this process more than the server).
        if (r.status !== 200) errors.push(`GET ${path} ${r.status}`);
        else if (!/^[[{][\s\S]*[\]}]\s*$/.test(r.body)) errors.push(`GET ${path}: not a whole JSON body`);
      } catch (e) {
        errors.push(`GET ${path} ${(e as Error).message}`);
      }
    }
  };
  await Promise.all([ingest, ...Array.from({ length: CLIENTS }, (_, k) => reader(k))]);
  const elapsed = (performance.now() - t0) / 1000;

  // Nothing lost: every accepted report is listed and readable, and the count matches. Reads come from a
  // snapshot rebuilt shortly after writes, so wait (bounded) for it to catch up with the last write.
  const settleStart = performance.now();
  let listed = { total: 0, items: [] as { id: string }[] };
  while (performance.now() - settleStart < 20_000) {
    listed = JSON.parse((await request(server.port, "GET", "/api/reports?limit=1000")).body) as typeof listed;
    if (listed.total >= accepted.size) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const settleMs = performance.now() - settleStart;
  const ids = new Set(listed.items.map((r) => r.id));
  const lost = [...accepted].filter((id) => !ids.has(id));
  for (const id of [...accepted].slice(0, 50)) {
    const r = await request(server.port, "GET", `/api/reports/${id}`);
    if (r.status !== 200) lost.push(id);
  }
  await server.stop();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });

  const readMs = reads.map((r) => r.ms);
  const out = {
    window_s: Number(elapsed.toFixed(1)),
    clients: CLIENTS,
    reads: reads.length,
    reads_per_s: Math.round(reads.length / elapsed),
    read_latency_ms: { p50: +pct(readMs, 50).toFixed(1), p95: +pct(readMs, 95).toFixed(1), p99: +pct(readMs, 99).toFixed(1), max: +Math.max(...readMs).toFixed(1) },
    by_path_p95_ms: Object.fromEntries(paths.map((p) => [p, +pct(reads.filter((r) => r.path === p).map((r) => r.ms), 95).toFixed(1)])),
    reports_sent: writes.length,
    reports_accepted: accepted.size,
    ingest_s: Number(((ingestEnd - t0) / 1000).toFixed(1)),
    reports_per_s: Number((accepted.size / ((ingestEnd - t0) / 1000)).toFixed(1)),
    ingest_latency_ms: { p50: +pct(writes, 50).toFixed(1), p95: +pct(writes, 95).toFixed(1) },
    ledger_reports: listed.total,
    settle_ms: Math.round(settleMs),
    errors: errors.length,
    lost: lost.length,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  if (errors.length) process.stderr.write(`errors (first 5):\n${errors.slice(0, 5).join("\n")}\n`);
  const ok = !errors.length && !lost.length && accepted.size === REPORTS && listed.total === REPORTS;
  process.stderr.write(ok ? `load: OK — ${REPORTS} reports in, none lost, no errors\n` : `load: FAILED — accepted ${accepted.size}/${REPORTS}, listed ${listed.total}, lost ${lost.length}, errors ${errors.length}\n`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
