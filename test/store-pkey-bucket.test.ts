// Schema 30 (SQLite): the index by which a proposition's claims are found keeps each key's bucket (its top
// bits), not the key; the reads ask for the bucket and then the key. A claim of another key in the same
// bucket is not one of the proposition's, the read goes through the index (not a scan of the claims), and a
// ledger of schema 29 moves to the new index when opened and reads the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { openStore } from "../src/store/index.js";
import { LATEST, PKEY_BUCKET } from "../src/store/schema.js";
import { pkeyWhere } from "../src/store/sql-store.js";
import { sqlite as sqliteDialect } from "../src/store/dialect.js";
import { exportedEn, twinLedgers, reportMaker, sqlRows } from "./old-ledger.js";

// Reports written for this test: a bridge closed after a barge struck it, told by three outlets in their own words
// around one sentence they share.
const SHARED = "Traffic towards Utrecht was diverted for at least six hours.";
const EN = [
  `A barge struck the Van Brienenoord bridge early on Thursday, the waterways authority said. ${SHARED} Engineers will inspect the pillars before the bridge reopens.`,
  `Commuters faced long queues on Thursday morning after a collision on the river. ${SHARED} The skipper of the barge was questioned by police, a spokeswoman said.`,
  `The eastern span of the bridge remains closed to lorries until further notice. ${SHARED} Ferry operators added extra crossings between Kralingen and Feijenoord.`,
];

const report = reportMaker({ prefix: "b", published: (i) => `2025-06-1${i}T08:00:00+02:00`, source: { nl: "Rijnmond", en: "River Desk" }, slug: "bridge" });
const DOCS = () => EN.map((t, i) => report(t, "en", i + 1));

/** The key, status and number of claims of the proposition most reports repeat. */
const repeated = (file: string) => sqlRows(file, "SELECT pkey, status, count(*) AS n FROM claims GROUP BY pkey, status ORDER BY n DESC, pkey LIMIT 1")[0]!;
const indexSql = (file: string) => String(sqlRows(file, "SELECT sql FROM sqlite_master WHERE name = 'claims_pkey'")[0]?.sql);

test("SQLite: a proposition's claims are found through the bucket of its key, and a claim of another key in that bucket is not one of them", async () => {
  const { fresh } = await twinLedgers("sitrep-pkey-", DOCS());
  assert.match(indexSql(fresh), new RegExp(`\\(pkey >> ${PKEY_BUCKET}\\)`));
  const p = repeated(fresh);
  const key = Number(p.pkey), st = Number(p.status) === 0 ? "established" : "claimed";
  assert.equal(Number(p.n), 3, "the three reports share the sentence");
  let s = await openStore(fresh, { readonly: true });
  const before = await s.reads.propCites(key, st, null, 10);
  assert.equal(before.length, 3);
  assert.equal(await s.reads.propClusters(key, st, null), 3);
  await s.close();
  // one of those claims given a key that differs in its lowest bit: the same bucket, another proposition
  const db = new Database(fresh);
  const moved = db.prepare("SELECT id FROM claims WHERE pkey = ? ORDER BY id DESC LIMIT 1").get(key) as { id: number };
  db.prepare("UPDATE claims SET pkey = ? WHERE id = ?").run(key % 2 ? key - 1 : key + 1, moved.id);
  db.close();
  s = await openStore(fresh, { readonly: true });
  const after = await s.reads.propCites(key, st, null, 10);
  assert.deepEqual(after, before.filter((c) => c.seq !== moved.id % 2 ** 20 || c.report !== Math.floor(moved.id / 2 ** 20)));
  assert.equal(after.length, 2);
  assert.equal(await s.reads.propClusters(key, st, null), 2);
  assert.equal((await s.reads.propCites(key % 2 ? key - 1 : key + 1, st, null, 10)).length, 1);
  await s.close();
});

test("SQLite: the read by key goes through the index of buckets, not a scan of the claims", async () => {
  const { fresh } = await twinLedgers("sitrep-pkey-plan-", DOCS());
  const where = pkeyWhere(sqliteDialect);
  const key = Number(repeated(fresh).pkey);
  // the read's own condition, as propCites joins it with the reports and orders it
  const plan = sqlRows(
    fresh,
    `EXPLAIN QUERY PLAN SELECT c.report, c.id FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
     WHERE ${where.sql} AND c.status = ? ORDER BY r.published_ms, c.report, c.start LIMIT 10`,
    ...where.params(key),
    0,
  ).map((r) => String(r.detail));
  assert.ok(plan.some((d) => /SEARCH c USING INDEX claims_pkey/.test(d)), plan.join("; "));
});

test("SQLite: a ledger of schema 29 moves to the index of buckets when opened, and reads and exports the same", async () => {
  const { fresh, old } = await twinLedgers("sitrep-pkey-old-", DOCS());
  const db = new Database(old);
  db.exec("DROP INDEX claims_pkey; CREATE INDEX claims_pkey ON claims (pkey);");
  db.pragma("user_version = 29");
  db.close();
  assert.doesNotMatch(indexSql(old), />>/);
  const key = Number(repeated(old).pkey);
  const [s, a] = [await openStore(old, { readonly: true }), await openStore(fresh, { readonly: true })];
  assert.deepEqual(await s.reads.propCites(key, "established", null, 10), await a.reads.propCites(key, "established", null, 10));
  assert.equal(await exportedEn(s), await exportedEn(a));
  await s.close();
  await a.close();
  assert.equal(sqlRows(old, "PRAGMA user_version")[0]!.user_version, LATEST);
  assert.equal(indexSql(old), indexSql(fresh));
});
