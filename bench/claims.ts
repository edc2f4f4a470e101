// npm run bench:claims -- --db FILE|postgres://… [--n 12] [--only GROUP,…] [--cold]: how long `sitrep serve` takes to
// listen on a ledger, then the latency of uncached /api/claims reads of many kinds, p50/p95 per kind (issue
// 15: every uncached page p95 < 50 ms). Each request is a URL asked once, so the server's reply cache never
// answers it; a filter's first page also counts its total (later pages of a list reuse that count, as the page
// does). Kinds: the first page, deep offsets, each sort paged by cursor, filters (status, outlet, language,
// dates, entity, place, source, words) and the facets. The ledger is only read (opened once first so that
// its migrations, if any, are not timed as start-up). --dump FILE: every answer, by its URL, as JSON lines
// (to compare the answers of two builds on the same ledger).
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

const get = async (path: string): Promise<{ ms: number; body: any }> => {
  const t = performance.now();
  const res = await fetch(`${base}${path}`);
  const body = await res.json();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
  if (dump) answers.push(JSON.stringify({ path, body }));
  return { ms, body };
};

const results: { group: string; lat: number[]; worst: string }[] = [];
async function group(name: string, paths: string[], pages = 1) {
  if (only && !only.includes(name)) return;
  const lat: number[] = [];
  let worst = "", worstMs = -1;
  for (const p of paths) {
    let cursor = "";
    for (let i = 0; i < pages; i++) {
      const { ms, body } = await get(`${p}${cursor}`);
      lat.push(ms);
      if (ms > worstMs) (worstMs = ms), (worst = `${p}${cursor ? " (page " + (i + 1) + ")" : ""}`);
      if (!body.next) break;
      cursor = `&after=${body.next}`;
    }
  }
  results.push({ group: name, lat, worst });
  console.log(`${name.padEnd(18)} n=${String(lat.length).padStart(3)}  p50 ${pct(lat, 50).toFixed(1).padStart(7)} ms  p95 ${pct(lat, 95).toFixed(1).padStart(7)} ms  max ${Math.max(...lat).toFixed(1).padStart(7)} ms  (worst: ${worst})`);
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
  console.log(`all pages: n=${pages.length} p50 ${pct(pages, 50).toFixed(1)} ms, p95 ${pct(pages, 95).toFixed(1)} ms`);
  console.log(JSON.stringify({ listen_ms: Math.round(listenMs), groups: Object.fromEntries(results.map((r) => [r.group, { n: r.lat.length, p50: +pct(r.lat, 50).toFixed(1), p95: +pct(r.lat, 95).toFixed(1), max: +Math.max(...r.lat).toFixed(1) }])) }));
} finally {
  if (dump) writeFileSync(dump, answers.join("\n") + "\n");
  server.kill("SIGTERM");
  await closeCold?.();
}
