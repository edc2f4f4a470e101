// SQLite: the writer compacts the ledger when it closes after a session that grew it by a fifth or brought
// its schema up to date, and leaves it as it is after a small one (a compaction rewrites the whole file).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Doc } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import { SqliteDriver } from "../src/store/sqlite.js";
import { SqlStore } from "../src/store/sql-store.js";
import { storeReports } from "../src/ledger/ingest.js";

// Reports written for this test.
const report = (i: number) =>
  runPipeline(
    new Doc(
      `De brandweer van Gent meldt dat bij een brand in loods ${i} aan de haven ${i % 7} mensen gewond zijn geraakt. ` +
        `Volgens de politie is de oorzaak nog onbekend; het parket onderzoekt of de brand in loods ${i} werd aangestoken.\n`,
      { id: `d${i}`, published: `2025-03-02T${String(8 + (i % 10)).padStart(2, "0")}:00:00+01:00`, publishedFrom: "front-matter", language: "nl", languageFrom: "front-matter", format: "text", source: i % 2 ? "Havenkrant" : "Dagblad Gent", url: `https://example.org/haven/${i}` },
    ),
  );

const stats = (file: string) => {
  const db = new Database(file, { readonly: true });
  const out = { pages: db.pragma("page_count", { simple: true }) as number, free: db.pragma("freelist_count", { simple: true }) as number };
  db.close();
  return out;
};

/** Pages left free in the file, outside the ledger's tables (as a session's deletes leave them). */
const leaveFreePages = (file: string) => {
  const db = new Database(file);
  db.exec("CREATE TABLE scratch (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) INSERT INTO scratch SELECT randomblob(4000) FROM n; DROP TABLE scratch;");
  db.close();
};

test("SQLite: a session that grew the ledger by a fifth compacts it at close; a small one leaves it as it is", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-compact-")), "l.db");
  const open = async () => SqlStore.open(new SqliteDriver(file, { compactFrom: 0 }));

  // a first ingest: the whole ledger is this session's
  let s = await open();
  for (let i = 0; i < 12; i++) await storeReports(s, [report(i)]);
  await s.close();
  leaveFreePages(file);
  const before = stats(file);
  assert.ok(before.free > 10, JSON.stringify(before));

  // one more report: far less than a fifth of the ledger, so the free pages stay
  s = await open();
  await storeReports(s, [report(12)]);
  await s.close();
  assert.ok(stats(file).free > 0, "a small session rewrote the whole ledger");

  // many more: the session wrote more than a fifth of the ledger, which is rewritten packed
  s = await open();
  for (let i = 13; i < 200; i++) await storeReports(s, [report(i)]);
  const grown = (s.driver as SqliteDriver).database!.pragma("page_count", { simple: true }) as number;
  await s.close();
  const after = stats(file);
  assert.equal(after.free, 0);
  assert.ok(after.pages < grown, `${after.pages} pages after the compaction, ${grown} before`);

  // and it reads as before
  const r = await SqlStore.open(new SqliteDriver(file, { readonly: true }));
  assert.equal((await r.snapshot((x) => x.basis())).reports, 200);
  await r.close();
});
