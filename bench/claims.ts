// npm run bench:claims -- --db FILE|postgres://… [--n 12] [--only GROUP,…] [--cold]: how long `sitrep serve` takes to
// listen on a ledger, then the latency of uncached /api/claims reads of many kinds, p50/p95 per kind (issue
// 15: every uncached page p95 < 50 ms). Each request is a URL asked once, so the server's reply cache never
// answers it; a filter's first page also counts its total (later pages of a list reuse that count, as the page
// does). Kinds: the first page, deep offsets, each sort paged by cursor, filters (status, outlet, language,
// dates, entity, place, source, words) and the facets. The ledger is only read (opened once first so that
// its migrations, if any, are not timed as start-up). --dump FILE: every answer, by its URL, as JSON lines
// (to compare the answers of two builds on the same ledger). --explain (PostgreSQL, with --cold): each page's
// SELECTs run again under EXPLAIN (ANALYZE, BUFFERS), and per kind the server's time and buffers a page, with
// this process's CPU time a page (the server's side of a read, which the load of a shared machine leaves as
// it is where the wall clock is not).
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/store/index.js";
import { startServe } from "./serve.js";

const bin = fileURLToPath(new URL("../../bin/sitrep.js", import.meta.url));
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const db = arg("--db");
if (!db) throw new Error("--db FILE|postgres://… is needed");
const N = Number(arg("--n") ?? 12);
const only = arg("--only")?.split(",");
const dump = arg("--dump");
const answers: string[] = [];
const explain = process.argv.includes("--explain") && /^postgres/.test(db) && process.argv.includes("--cold");

export const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

// Samples of what an analyst filters on: entities and places of every frequency (the most named and the
// rarer), outlets, sources, days.
const store = await openStore(db, {});
const samples = await store.snapshot(async (r) => {
  const ents = (await r.fusedEntities({ limit: 2000 })).rows.filter((e) => !e.geo);
  const places = (await r.fusedEntities({ places: true, limit: 2000 })).rows;
  const spread = <T>(xs: T[]) => Array.from({ length: Math.min(N, xs.length) }, (_, i) => xs[Math.floor((i * i * xs.length) / (N * N))]!);
  return { entities: spread(ents).map((e) => e.uid), places: spread(places).map((e) => e.uid) };
});
await store.close();

// --cold: the reads served in this process by a server that computes no first views (a ledger whose
// briefing picture is not kept yet: `serve` would work out the whole ledger's fusion meanwhile, and the
// reads would be timed against it); `serve` is still started once, for the time it takes to listen.
const cold = process.argv.includes("--cold");
const { server, base: served, listenMs } = await startServe(bin, db);
console.log(`serve: listening after ${listenMs.toFixed(0)} ms`);
let base = served;
let closeCold: (() => Promise<void>) | undefined;
if (cold) {
  server.kill("SIGTERM");
  const [{ StoreLedger }, { buildServer }] = await Promise.all([import("../src/server/store.js"), import("../src/server/app.js")]);
  const ledger = await StoreLedger.open(db, { workers: true, warm: false });
  const app = await buildServer({ ledger, token: "bench-token-0123456789abcdef", loopback: true, readNeedsToken: false, allowFetch: false, webDir: fileURLToPath(new URL("../web", import.meta.url)) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  closeCold = async () => {
    await app.close();
    await ledger.close();
  };
}

// (--explain: the statements this process sends while a page is served, captured from the client's query)
const captured: { text: string; values: unknown[] }[] = [];
let capturing = false;
let explainer: { query: (q: { text: string; values: unknown[] }) => Promise<{ rows: Record<string, any>[] }>; end: () => Promise<void> } | undefined;
if (explain) {
  const pg = (await import("pg")).default;
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    const c = a[0] as { stmts?: { text: string; values?: unknown[] }[]; text?: string; values?: unknown[] } | string | undefined;
    if (capturing && c) {
      if (typeof c === "string") captured.push({ text: c, values: [] });
      else if (c.stmts) for (const s of c.stmts) captured.push({ text: s.text, values: s.values ?? [] });
      else if (c.text) captured.push({ text: c.text, values: c.values ?? (a[1] as unknown[]) ?? [] });
    }
    return query.apply(this, a);
  } as typeof pg.Client.prototype.query;
  // (with the settings of sitrep's own connections, src/store/postgres.ts: no JIT, no parallel workers;
  // a plain connection's plans for the same statements start workers, 10-40 ms a statement on a busy machine)
  const client = new pg.Client({ connectionString: db, options: "-c jit=off -c max_parallel_workers_per_gather=0" } as ConstructorParameters<typeof pg.Client>[0]);
  await client.connect();
  explainer = client as unknown as typeof explainer;
}
/** The server's time (ms) and buffers (shared hit + read) of the statements captured for one page. */
async function explained(): Promise<{ ms: number; buffers: number; statements: number }> {
  let ms = 0, buffers = 0, statements = 0;
  const blocks = (n: Record<string, number> | undefined) => (n?.["Shared Hit Blocks"] ?? 0) + (n?.["Shared Read Blocks"] ?? 0);
  // (in a transaction of its own, with the settings the page's views made: SET LOCAL)
  await explainer!.query({ text: "BEGIN", values: [] });
  for (const s of captured.splice(0)) {
    if (/^\s*SET LOCAL\b/i.test(s.text)) await explainer!.query(s);
    if (!/^\s*(WITH|SELECT)\b/i.test(s.text) || /pg_current_snapshot|txid_current|pg_advisory/.test(s.text)) continue;
    const plan = (await explainer!.query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.text}`, values: s.values })).rows[0]!["QUERY PLAN"][0];
    ms += plan["Planning Time"] + plan["Execution Time"];
    buffers += blocks(plan.Plan) + blocks(plan.Planning);
    statements++;
  }
  await explainer!.query({ text: "COMMIT", values: [] });
  return { ms, buffers, statements };
}

const get = async (path: string): Promise<{ ms: number; cpu: number; body: any }> => {
  captured.length = 0;
  capturing = explain;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const res = await fetch(`${base}${path}`);
  const body = await res.json();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu0);
  capturing = false;
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
  if (dump) answers.push(JSON.stringify({ path, body }));
  return { ms, cpu: (used.user + used.system) / 1000, body };
};

const results: { group: string; lat: number[]; cpus: number[]; server: number[]; worst: string }[] = [];
async function group(name: string, paths: string[], pages = 1) {
  if (only && !only.includes(name)) return;
  const lat: number[] = [], cpus: number[] = [], server: number[] = [], bufs: number[] = [];
  let worst = "", worstMs = -1;
  let worstServer = "", worstServerMs = -1;
  for (const p of paths) {
    let cursor = "";
    for (let i = 0; i < pages; i++) {
      const { ms, cpu, body } = await get(`${p}${cursor}`);
      lat.push(ms);
      cpus.push(cpu);
      if (explain) {
        const x = await explained();
        server.push(x.ms);
        bufs.push(x.buffers);
        if (x.ms > worstServerMs) (worstServerMs = x.ms), (worstServer = `${p}${cursor ? " (page " + (i + 1) + ")" : ""}: ${x.buffers} buffers, ${x.statements} statements`);
      }
      if (ms > worstMs) (worstMs = ms), (worst = `${p}${cursor ? " (page " + (i + 1) + ")" : ""}`);
      if (!body.next) break;
      cursor = `&after=${body.next}`;
    }
  }
  results.push({ group: name, lat, cpus, server, worst });
  console.log(`${name.padEnd(18)} n=${String(lat.length).padStart(3)}  p50 ${pct(lat, 50).toFixed(1).padStart(7)} ms  p95 ${pct(lat, 95).toFixed(1).padStart(7)} ms  max ${Math.max(...lat).toFixed(1).padStart(7)} ms  (worst: ${worst})`);
  console.log(`${"".padEnd(18)}        cpu p50 ${pct(cpus, 50).toFixed(1).padStart(7)} ms  p95 ${pct(cpus, 95).toFixed(1).padStart(7)} ms`);
  if (explain)
    console.log(
      `${"".padEnd(18)}        server p50 ${pct(server, 50).toFixed(1)} ms p95 ${pct(server, 95).toFixed(1)} ms; buffers p50 ${pct(bufs, 50)} p95 ${pct(bufs, 95)} (slowest: ${worstServer})`,
    );
}

try {
  // (the facets name the outlets, sources and languages to filter on; read before the timed reads, once)
  const facets = (await get("/api/claims/facets")).body as Record<string, { value: string | null; n: number }[]>;
  const outlets = facets.outlet!.map((x) => x.value).filter((x): x is string => !!x);
  const sources = facets.source!.map((x) => x.value).filter((x): x is string => !!x);
  const langs = facets.language!.map((x) => x.value).filter((x): x is string => !!x);
  const total = facets.status!.reduce((a, x) => a + x.n, 0);
  const { body: newest } = await get("/api/claims?limit=1&sort=-published");
  const { body: oldest } = await get("/api/claims?limit=1");
  const t0 = Date.parse(oldest.items[0].published), t1 = Date.parse(newest.items[0].published);
  console.log(`ledger: ${total} claims; ${outlets.length} outlets, ${sources.length} sources in the facets, ${langs.length} languages`);
  const n = (k: number) => Array.from({ length: k }, (_, i) => i);
  const limits = (path: string) => n(N).map((i) => `${path}${path.includes("?") ? "&" : "?"}limit=${50 + i}`);
  const statuses = ["denied", "claimed", "established,confirmed", "unknown", "probable", "possible,probable", "confirmed"];
  const day = (i: number) => {
    const a = t0 + ((t1 - t0) * i) / N;
    return `since=${new Date(a).toISOString()}&until=${new Date(a + (t1 - t0) / 8).toISOString()}`;
  };
  const words = ["police", "minister", "attack", "killed", "government", "explosion", "politie", "minister president", "aanslag", "regering", "brand", "evacuated"];
  await group("first page", limits("/api/claims"));
  // (offsets up to the deepest the API takes, 10,000 rows; deeper pages are read by cursor, the sorts below)
  await group("offset", n(N).map((i) => `/api/claims?limit=50&offset=${Math.floor(((i + 1) * Math.min(total, 10_000)) / (N + 1))}`));
  for (const sort of ["published", "-published", "status", "-status", "source", "-source", "outlet", "-outlet"])
    await group(`sort ${sort}`, [`/api/claims?limit=50&sort=${sort}`], 15);
  await group("status", statuses.map((s) => `/api/claims?limit=50&status=${s}`), 2);
  await group("outlet", outlets.slice(0, N).map((o) => `/api/claims?limit=50&outlet=${encodeURIComponent(o)}`), 2);
  await group("outlet+status", outlets.slice(0, N).map((o, i) => `/api/claims?limit=50&outlet=${encodeURIComponent(o)}&status=${statuses[i % statuses.length]}&sort=-published`));
  await group("language", langs.flatMap((l) => [`/api/claims?limit=50&language=${l}`, `/api/claims?limit=50&language=${l}&sort=-published`, `/api/claims?limit=50&language=${l}&sort=status`]), 2);
  await group("dates", n(N).map((i) => `/api/claims?limit=50&${day(i)}`), 2);
  await group("dates sorted", n(N).map((i) => `/api/claims?limit=50&${day(i)}&sort=${["-published", "status", "source", "outlet"][i % 4]}`));
  await group("entity", samples.entities.map((e) => `/api/claims?limit=50&entity=${e}`), 2);
  await group("place", samples.places.map((e) => `/api/claims?limit=50&place=${e}`), 2);
  await group("about", samples.entities.slice(0, 6).map((e) => `/api/claims?limit=50&about=${e}`));
  await group("source", sources.slice(0, N).map((s) => `/api/claims?limit=50&source=${encodeURIComponent(s)}`), 2);
  await group("source own", [`/api/claims?limit=50&source=report`, `/api/claims?limit=50&source=report&sort=-published`], 3);
  await group("words", words.map((w) => `/api/claims?limit=50&q=${encodeURIComponent(w)}`), 2);
  await group("words+status", words.slice(0, 6).map((w, i) => `/api/claims?limit=50&q=${encodeURIComponent(w)}&status=${statuses[i % statuses.length]}`));
  await group("facets", [
    ...statuses.map((s) => `/api/claims/facets?status=${s}`),
    ...outlets.slice(0, 4).map((o) => `/api/claims/facets?outlet=${encodeURIComponent(o)}`),
    ...langs.map((l) => `/api/claims/facets?language=${l}`),
    ...n(4).map((i) => `/api/claims/facets?${day(i)}`),
    ...samples.entities.slice(0, 3).map((e) => `/api/claims/facets?entity=${e}`),
    ...words.slice(0, 3).map((w) => `/api/claims/facets?q=${encodeURIComponent(w)}`),
  ]);
  const pages = results.filter((r) => r.group !== "facets").flatMap((r) => r.lat);
  const cpus = results.filter((r) => r.group !== "facets").flatMap((r) => r.cpus);
  console.log(`all pages: n=${pages.length} p50 ${pct(pages, 50).toFixed(1)} ms, p95 ${pct(pages, 95).toFixed(1)} ms; cpu p50 ${pct(cpus, 50).toFixed(1)} ms, p95 ${pct(cpus, 95).toFixed(1)} ms`);
  const p = (xs: number[], q: number) => (xs.length ? +pct(xs, q).toFixed(1) : undefined);
  console.log(
    JSON.stringify({
      listen_ms: Math.round(listenMs),
      groups: Object.fromEntries(
        results.map((r) => [r.group, { n: r.lat.length, p50: p(r.lat, 50), p95: p(r.lat, 95), max: +Math.max(...r.lat).toFixed(1), cpu50: p(r.cpus, 50), cpu95: p(r.cpus, 95), server50: p(r.server, 50), server95: p(r.server, 95) }]),
      ),
    }),
  );
} finally {
  if (dump) writeFileSync(dump, answers.join("\n") + "\n");
  server.kill("SIGTERM");
  await closeCold?.();
  await explainer?.end();
}
