// A ledger that cannot grow (a full disk; here a page limit on the file stands in for one): ingest says a
// report was added only once it was committed, stops with one line saying why, and a later ingest with
// room stores the rest, nothing half-stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore } from "../src/store/index.js";
import type { SqlStore } from "../src/store/sql-store.js";
import type { SqliteDriver } from "../src/store/sqlite.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";

async function capture<T>(f: () => Promise<T>): Promise<{ value: T; err: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let err = "";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { value: await f(), err };
  } finally {
    process.stderr.write = write;
  }
}

test("a full disk: ingest reports as added exactly what was committed, says that it stopped, and the next ingest stores the rest", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-full-"));
  const corpus = join(dir, "in");
  writeCorpus(corpus, 200, "f");
  const files = readdirSync(corpus).sort().map((f) => join(corpus, f));
  const file = join(dir, "ledger.db");
  const store = await openStore(file);
  const db = ((store as SqlStore).driver as SqliteDriver).database!;
  // Room for some 150 KB more: a few dozen of these small reports, with what fusion keeps of each.
  const page = db.pragma("page_size", { simple: true }) as number;
  db.pragma(`max_page_count = ${(db.pragma("page_count", { simple: true }) as number) + Math.ceil(150_000 / page)}`);
  const { value: sum, err } = await capture(() => ingestFiles(store, files, { progress: "lines" }));
  await store.close();

  const announced = [...err.matchAll(/^added (d[0-9a-z]+) /gm)].map((m) => m[1]!).sort();
  const check = new Database(file, { readonly: true });
  const stored = (check.prepare("SELECT uid FROM reports WHERE current = 1 ORDER BY uid").all() as { uid: string }[]).map((r) => r.uid);
  check.close();
  assert.ok(stored.length > 3 && stored.length < 200, `the limit was reached midway (${stored.length} stored)`);
  assert.deepEqual(announced, stored, "every report announced as added is stored, and every stored one was announced");
  assert.equal(sum.added, stored.length);
  assert.equal(sum.failed.length, 200 - stored.length, "the others are counted as not stored");
  assert.match(err, /^sitrep: stopped: the ledger .* could not take more .*what is listed as added was stored$/m);
  assert.ok(err.split("\n").filter((l) => /not stored/.test(l)).length <= 2, "one line for the full disk, not one per report");

  // With room again, the rest goes in and nothing is doubled or half-stored.
  const again = await openStore(file);
  const { value: rest } = await capture(() => ingestFiles(again, files, { progress: "none" }));
  await again.close();
  assert.deepEqual([rest.added, rest.unchanged, rest.failed.length], [200 - stored.length, stored.length, 0]);
  const done = new Database(file, { readonly: true });
  const n = (sql: string) => (done.prepare(sql).get() as { n: number }).n;
  assert.equal(n("SELECT count(DISTINCT hash) AS n FROM reports WHERE current = 1"), 200);
  assert.equal(n("SELECT sum(n) AS n FROM props"), n("SELECT count(*) AS n FROM claims"));
  done.close();
});
