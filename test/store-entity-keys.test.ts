// Schema 28 (SQLite): a fused entity is found by its key through its stable id (the key's hash), so no index
// of the keys is kept; a name keeps its entity's type as a code and its fused row's id for the key. A ledger
// of schema 27 moves to that form when opened, byte for byte a new ledger's, and reads, exports and takes
// new reports the same; a copy to PostgreSQL and back keeps the names.
import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { openStore } from "../src/store/index.js";
import { ENTITY_TYPES } from "../src/store/codes.js";
import { LATEST } from "../src/store/schema.js";
import { storeReports } from "../src/ledger/ingest.js";
import { PG_URL, newDatabase } from "./backends.js";
import { exportedEn, twinLedgers, reportMaker, copiedThrough, withNamedEntities, sqlRows } from "./old-ledger.js";

// Reports written for this test: a port fire, named people, organisations and places met again.
const EN = [
  "A fire broke out at the Port of Rotterdam on Monday, the Rotterdam fire brigade said.",
  "Harbour master Anna de Vries said two tankers were moved away from the quay.",
  "Shell denied that its terminal in Pernis was involved, according to Reuters.",
].join(" ");
const NL = [
  "In de haven van Rotterdam is maandag brand uitgebroken, meldt de brandweer Rotterdam.",
  "Havenmeester Anna de Vries zei dat twee tankers van de kade zijn weggesleept.",
  "Shell ontkent dat zijn terminal in Pernis erbij betrokken was, aldus Reuters.",
].join(" ");

const report = reportMaker({ prefix: "p", published: (i) => `2025-04-0${i}T10:00:00+02:00`, source: { nl: "Rijnmond", en: "Harbour News" }, slug: "port" });
const DOCS = () => [report(EN, "en", 1), report(NL, "nl", 2), report(EN.replace("two", "three"), "en", 3)];

const names = (file: string) => sqlRows(file, "SELECT nkey, type, fkey, typeof(fkey) AS t FROM names ORDER BY nkey, type");
const fused = (file: string) => sqlRows(file, "SELECT * FROM fused ORDER BY id");

/** A ledger's fused entities and names as schema 27 kept them: a unique index of the keys, names as words (and entities as before 29). */
function withKeyedNames(db: Database.Database): void {
  withNamedEntities(db);
  db.exec(`
    ALTER TABLE fused RENAME TO fused_new;
    CREATE TABLE fused (id INTEGER PRIMARY KEY, fkey TEXT NOT NULL UNIQUE, uid TEXT NOT NULL UNIQUE, type INTEGER NOT NULL,
      reports INTEGER NOT NULL, mentions INTEGER NOT NULL, claims INTEGER NOT NULL, lat REAL, lon REAL, country TEXT, geoname_id INTEGER);
    INSERT INTO fused SELECT * FROM fused_new ORDER BY id;
    ALTER TABLE names RENAME TO names_new;
    CREATE TABLE names (nkey TEXT NOT NULL, type TEXT NOT NULL, fkey TEXT NOT NULL, PRIMARY KEY (nkey, type)) WITHOUT ROWID;
    INSERT INTO names SELECT n.nkey, CASE n.type ${ENTITY_TYPES.map((t, i) => `WHEN ${i} THEN '${t}'`).join(" ")} END, f.fkey FROM names_new n JOIN fused f ON f.id = n.fkey;
    DROP TABLE names_new;
    DROP TABLE fused_new;`);
  db.pragma("user_version = 27");
}

test("SQLite: names keep their entity's type as a code and its row id; fused entities keep no index of their keys", async () => {
  const { fresh } = await twinLedgers("sitrep-entkeys-", DOCS());
  const ns = names(fresh);
  assert.ok(ns.length > 5, "the reports name entities");
  assert.ok(ns.every((n) => n.t === "integer" && typeof n.type === "number"), "ids and codes");
  const idx = sqlRows(fresh, "SELECT name FROM pragma_index_list('fused') WHERE origin = 'u'");
  assert.equal(idx.length, 1, "one unique index: the stable ids'");
  // a name read gives its entity's key
  const s = await openStore(fresh);
  const keys = await s.write((tx) => tx.namesFor(ns.map((n) => String(n.nkey))));
  await s.close();
  const byId = new Map(fused(fresh).map((f) => [Number(f.id), String(f.fkey)]));
  assert.deepEqual(
    keys.map((k) => [k.nkey, k.type, k.fkey]).sort(),
    ns.map((n) => [n.nkey, ENTITY_TYPES[Number(n.type)], byId.get(Number(n.fkey))]).sort(),
  );
});

test("SQLite: a ledger of schema 27 moves to names by id and fused entities without a key index, byte for byte a new ledger's, and reads, exports and ingests the same", async () => {
  const { fresh, old } = await twinLedgers("sitrep-entkeys-old-", DOCS());
  const db = new Database(old);
  withKeyedNames(db);
  db.close();
  assert.ok(names(old).every((n) => n.t === "text"));
  const s = await openStore(old);
  const a = await openStore(fresh);
  assert.equal(await exportedEn(s), await exportedEn(a));
  // new reports that meet the names again fuse as they do in a new ledger
  const more = [report(NL.replace("twee", "drie"), "nl", 4), report(EN.replace("Monday", "Tuesday"), "en", 5)];
  assert.ok((await storeReports(s, more)).every((r) => r.ok));
  assert.ok((await storeReports(a, [report(NL.replace("twee", "drie"), "nl", 4), report(EN.replace("Monday", "Tuesday"), "en", 5)])).every((r) => r.ok));
  assert.equal(await exportedEn(s), await exportedEn(a));
  await s.close();
  await a.close();
  assert.equal(sqlRows(old, "PRAGMA user_version")[0]!.user_version, LATEST);
  assert.deepEqual(names(old), names(fresh));
  assert.deepEqual(fused(old), fused(fresh));
  assert.equal(sqlRows(old, "SELECT name FROM pragma_index_list('fused') WHERE origin = 'u'").length, 1);
});

test("a copy of a SQLite ledger to PostgreSQL and back keeps the names", { skip: !PG_URL && "SITREP_TEST_PG not set" }, async () => {
  const { fresh } = await twinLedgers("sitrep-entkeys-copy-", DOCS());
  const url = await newDatabase();
  const back = await copiedThrough(fresh, url);
  const [a, p, c] = [await openStore(fresh, { readonly: true }), await openStore(url), await openStore(back, { readonly: true })];
  const ea = await exportedEn(a);
  assert.equal(await exportedEn(p), ea);
  assert.equal(await exportedEn(c), ea);
  const pgNames = await p.write((tx) => tx.namesFor(names(fresh).map((n) => String(n.nkey))));
  for (const s of [a, p, c]) await s.close();
  assert.deepEqual(names(back), names(fresh));
  if (pgNames) assert.ok(pgNames.every((n) => typeof n.type === "string" && n.fkey.includes(":")), "words and keys on PostgreSQL");
});
