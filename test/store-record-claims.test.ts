// SQLite (schema 20): fusion records a ledger kept whole before schema 19 (words = 1) take the smaller form
// (words = 2) when the ledger is next opened for writing, where the report's claim rows give back every value
// left out; they read back, and the ledger exports, as before. A record the rows do not agree with stays whole.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Doc } from "../src/model/doc.js";
import { openStore } from "../src/store/index.js";
import { ROW_WORDS } from "../src/store/sql-store.js";
import { LATEST } from "../src/store/schema.js";
import { status } from "../src/store/codes.js";
import { storeReports } from "../src/ledger/ingest.js";
import { exportedEn, recordsRead, storedRecords, twinLedgers, withWholeRecords, reportMaker } from "./old-ledger.js";

// Reports written for this test: a harbour strike told by the port, a union and the city, in both languages.
const NL = [
  "Het havenbedrijf van Vlissingen meldt dat sinds dinsdag zeker twaalf schepen niet zijn gelost.",
  "\"Wij leggen het werk neer tot er een nieuw voorstel ligt\", zei vakbondsbestuurder Anouk de Wit.",
  "Volgens de gemeente zijn er geen goederen bedorven.",
  "Het havenbedrijf ontkent dat er extra personeel is ingehuurd.",
].join(" ");
const EN = [
  "The port authority of Hull said on Tuesday that at least twelve ships had not been unloaded since the weekend.",
  "\"We will stay out until there is a new offer on the table,\" said union organiser Sam Booth.",
  "According to the city council, no goods had spoiled.",
  "The port authority denied that it had hired extra staff.",
].join(" ");

const report = reportMaker({ prefix: "h", published: (i) => `2025-03-0${1 + (i % 8)}T14:30:00+01:00`, source: { nl: "Zeeuwse Bode", en: "Humber Post" }, slug: "strike" });

const records = storedRecords;
const readBack = recordsRead;
const exported = exportedEn;
const asSchema18 = (file: string) => withWholeRecords(file, 19);

test("SQLite: records kept whole before schema 19 are left out as new ones when the ledger is opened for writing, and read and export the same", async () => {
  const docs: Doc[] = [];
  for (let i = 0; i < 6; i++) docs.push(report(i % 2 ? EN : NL, i % 2 ? "en" : "nl", i));
  const { fresh, old } = await twinLedgers("sitrep-recordclaims-", docs);
  const whole = await asSchema18(old);
  const before = records(old);
  assert.ok(before.length === 6 && before.every((r) => r.words === 1));

  const w = await openStore(old);
  await w.close();
  const db = new Database(old, { readonly: true });
  assert.equal(db.pragma("user_version", { simple: true }), LATEST);
  assert.equal((db.prepare("SELECT count(*) AS n FROM fusion_state WHERE kind = 'record-claims'").get() as { n: number }).n, 0, "the conversion finished");
  db.close();
  const after = records(old);
  // (in the form this sitrep writes now: schema 25's)
  assert.deepEqual(after.map((r) => r.words), after.map(() => ROW_WORDS));
  // as small as a record this sitrep writes: the same bytes
  assert.deepEqual(after.map((r) => r.data), records(fresh).map((r) => r.data));
  const kept = before.reduce((n, r) => n + r.data.length, 0), now = after.reduce((n, r) => n + r.data.length, 0);
  assert.ok(now < 0.9 * kept, `${now} bytes against ${kept} kept whole`);

  const a = await openStore(old, { readonly: true }), b = await openStore(fresh, { readonly: true });
  assert.deepEqual(await readBack(a), whole);
  assert.deepEqual(await readBack(a), await readBack(b));
  const ea = await exported(a);
  assert.ok(ea.length > 1000 && ea.includes("Sam Booth"));
  assert.equal(ea, await exported(b));
  await a.close();
  await b.close();
});

test("SQLite: a record kept whole whose report's claim rows say otherwise of a value keeps that value, and reads as it was", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-recordclaims-")), "l.db");
  const s = await openStore(file);
  assert.ok((await storeReports(s, [report(EN, "en", 1), report(NL, "nl", 2)])).every((r) => r.ok));
  await s.close();
  const whole = await asSchema18(file);
  // one claim row of the first report no longer gives back its record's status
  const db = new Database(file);
  const first = records(file).find((r) => r.id === [...whole.keys()][0])!;
  const claim = db.prepare("SELECT id, status FROM claims WHERE id >= ? ORDER BY id LIMIT 1").get(first.against! * 1048576) as { id: number; status: number };
  db.prepare("UPDATE claims SET status = ? WHERE id = ?").run(claim.status === status.code("denied") ? status.code("claimed") : status.code("denied"), claim.id);
  db.close();

  const w = await openStore(file);
  await w.close();
  const words = new Map(records(file).map((r) => [r.id, r.words]));
  // (each value is left out on its own where the rows give it back: schema 25)
  assert.deepEqual([...words.values()], [ROW_WORDS, ROW_WORDS]);
  const r = await openStore(file, { readonly: true });
  assert.deepEqual(await readBack(r), whole);
  await r.close();
});
