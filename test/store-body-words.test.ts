// SQLite (schema 17): a report's body is deflated with the words news reports of its language are made of,
// and reads back as written; a ledger written before is brought to that form when it is next opened for
// writing, its index of claims' words merged into one segment, and read as before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import Database from "better-sqlite3";
import type { Doc } from "../src/model/doc.js";
import { openStore } from "../src/store/index.js";
import { storedForm } from "../src/store/sql-store.js";
import { LATEST } from "../src/store/schema.js";
import { storeReports } from "../src/ledger/ingest.js";
import { withPlainBodies, reportMaker } from "./old-ledger.js";

// Reports written for this test.
const NL = [
  "De politie in Rotterdam zegt dat bij een explosie in een flatgebouw aan de Beukelsdijk zeker drie mensen gewond zijn geraakt.",
  "Volgens de brandweer zijn veertig bewoners geëvacueerd; het is nog niet duidelijk of er nog mensen worden vermist.",
  "Een woordvoerder van de gemeente zei dinsdag tegen verslaggevers dat de opvang in een sporthal in de wijk is geregeld.",
  "Het openbaar ministerie heeft een onderzoek ingesteld naar de oorzaak van de explosie.",
].join(" ");
const EN = [
  "Police in Leeds said on Tuesday that at least two people were injured when a gas explosion destroyed a terraced house on Harehills Lane.",
  "According to the fire service, thirty residents were evacuated overnight, and it was not immediately clear whether anyone was missing.",
  "A spokeswoman for the city council told reporters that an emergency shelter had been opened in a school nearby.",
  "The Health and Safety Executive has opened an investigation into the cause of the blast.",
].join(" ");

const report = reportMaker({ prefix: "d", published: (i) => `2025-04-0${1 + (i % 8)}T10:00:00+01:00`, source: { nl: "Havenkrant", en: "Northern Courier" }, slug: "blast" });

const bodies = (file: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT b.id, b.text, r.language FROM bodies b JOIN reports r ON r.id = b.id ORDER BY b.id").all() as { id: number; text: Buffer; language: string }[];
  db.close();
  return rows;
};

test("SQLite: a report's body is deflated with its language's words, smaller than deflate alone, and reads back as written", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-bodywords-")), "l.db");
  const s = await openStore(file);
  const docs = [report(NL, "nl", 1), report(EN, "en", 2)];
  const stored = await storeReports(s, docs);
  assert.ok(stored.every((r) => r.ok), JSON.stringify(stored));
  const rows = await s.reads.reportsByIds(stored.map((r) => (r.ok ? r.id : 0)), true);
  assert.deepEqual(rows.map((r) => r.text), docs.map((d) => d.text));
  await s.close();
  for (const b of bodies(file)) {
    const text = storedForm.body(b.text);
    const plain = deflateRawSync(Buffer.from(text, "utf8")).length;
    // (the first byte names the words; then deflate)
    assert.equal(b.text[0]! & 6, 6, `${b.language}: deflated with words`);
    assert.ok(b.text.length < 0.93 * plain, `${b.language}: ${b.text.length} bytes against ${plain} deflated alone`);
  }
  // a claim's words are still the slice of its body
  const again = await openStore(file, { readonly: true });
  const page = await again.reads.searchClaims({ words: ["sporthal"], limit: 10, offset: 0 });
  assert.equal(page.items.length, 1);
  assert.match(page.items[0]!.text, /opvang in een sporthal/);
  await again.close();
});

test("SQLite: a ledger of schema 16 gets its bodies deflated with their words and its index of words merged when next opened for writing, and reads as before", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-bodywords-")), "old.db");
  // (a ledger this small is never compacted at close: what merges its index of words is the migration)
  const s = await openStore(file);
  // one report a transaction: each leaves a segment of its own in the index of words
  const docs: Doc[] = [];
  for (let i = 0; i < 12; i++) docs.push(report(i % 2 ? EN : NL, i % 2 ? "en" : "nl", i));
  for (const d of docs) assert.ok((await storeReports(s, [d]))[0]?.ok);
  await s.close();
  const db = new Database(file);
  withPlainBodies(db);
  db.pragma(`user_version = 16`);
  const ftsRows = (db.prepare("SELECT count(*) AS n FROM claims_fts_data").get() as { n: number }).n;
  db.close();
  const plain = bodies(file).reduce((n, b) => n + b.text.length, 0);
  assert.ok(bodies(file).every((b) => (b.text[0]! & 6) !== 6), "the bodies as schema 16 kept them");

  // opened for writing: migrated, the bodies deflated again
  const w = await openStore(file);
  await w.close();
  const after = bodies(file);
  assert.ok(after.every((b) => (b.text[0]! & 6) === 6), "every body deflated with its words");
  const smaller = after.reduce((n, b) => n + b.text.length, 0);
  assert.ok(smaller < 0.93 * plain, `${smaller} bytes against ${plain}`);
  const db2 = new Database(file, { readonly: true });
  assert.equal(db2.pragma("user_version", { simple: true }), LATEST);
  assert.equal((db2.prepare("SELECT count(*) AS n FROM fusion_state WHERE kind = 'body-words'").get() as { n: number }).n, 0, "the conversion finished");
  const merged = (db2.prepare("SELECT count(*) AS n FROM claims_fts_data").get() as { n: number }).n;
  db2.close();
  assert.ok(merged < ftsRows, `the index of words in fewer rows (${merged} against ${ftsRows})`);

  // read as before: the texts, the claims by their words, and the fusion records deflated against the bodies' texts
  const r = await openStore(file, { readonly: true });
  const rows = await r.reads.reportsPage(null, 100, true);
  assert.deepEqual(new Set(rows.map((x) => x.text)), new Set(docs.map((d) => d.text)));
  const found = await r.reads.searchClaims({ words: ["Harehills"], limit: 100, offset: 0 });
  assert.equal(found.items.length, 6);
  for (const c of found.items) assert.match(c.text, /Harehills Lane/);
  let records = 0;
  for await (const page of r.reads.fusionItems("report-fusion"))
    for (const it of page) {
      records++;
      assert.ok((it.data as { claims: { text: string }[] }).claims.some((c) => /explosi|explosion/.test(c.text)));
    }
  assert.equal(records, 12);
  await r.close();
});
