// SQLite (schema 19): a report's fusion record leaves out what it says of each claim that the report's claim
// rows hold too (words = 2), is smaller for it, and reads back as the whole record; a ledger of schema 17
// (whole records) is read as before, after its migration, and then holds records of both forms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import Database from "better-sqlite3";
import type { Doc } from "../src/model/doc.js";
import { openStore } from "../src/store/index.js";
import { presetOf, ROW_WORDS, storedForm } from "../src/store/sql-store.js";
import { LATEST } from "../src/store/schema.js";
import { storeReports } from "../src/ledger/ingest.js";
import { storedFusion } from "../src/ledger/stored.js";
import { exportedEn, recordsRead, storedRecords, twinLedgers, withWholeRecords, reportMaker } from "./old-ledger.js";

// Reports written for this test: claims of the report's own voice, of named and unnamed sources, a quote.
const NL = [
  "De politie in Zwolle zegt dat bij een brand in een loods aan de Hanzeweg zeker vier mensen gewond zijn geraakt.",
  "\"We hebben de brand na drie uur onder controle gekregen\", zei brandweercommandant Petra Smit.",
  "Volgens omwonenden was er vlak voor de brand een harde knal te horen.",
  "De gemeente heeft ontkend dat de loods zonder vergunning in gebruik was.",
].join(" ");
const EN = [
  "Police in Derby said on Monday that at least three people were hurt when a fire broke out in a warehouse on Ascot Drive.",
  "\"The crews had the blaze under control within three hours,\" said fire chief Helen Ward.",
  "According to neighbours, a loud bang was heard shortly before the fire started.",
  "The council denied that the warehouse had been used without a permit.",
].join(" ");

const report = reportMaker({ prefix: "d", published: (i) => `2025-06-1${i % 8}T09:00:00+02:00`, source: { nl: "Stadsblad", en: "Midlands Herald" }, slug: "fire" });

const records = storedRecords;
const readBack = recordsRead;
const exported = exportedEn;

test("SQLite: a report's fusion record leaves out its claims' words, places, statuses and sources, and reads back whole", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-claimwords-")), "l.db");
  const s = await openStore(file);
  const docs = [report(NL, "nl", 1), report(EN, "en", 2), report(NL.replace("vier", "vijf"), "nl", 3)];
  const stored = await storeReports(s, docs);
  assert.ok(stored.every((r) => r.ok), JSON.stringify(stored));
  const uids = stored.map((r) => (r.ok ? r.report : ""));
  const back = await readBack(s);
  assert.equal(back.size, 3);
  // what the ledger gave to be stored, as JSON gives it back
  docs.forEach((d, i) => assert.deepEqual(back.get(uids[i]!), JSON.parse(JSON.stringify(storedFusion(d))), `report ${i + 1}`));
  const byIds = await s.reads.fusionItemsByIds("report-fusion", [uids[1]!]);
  assert.deepEqual(byIds[0]!.data, back.get(uids[1]!));
  await s.close();

  for (const r of records(file)) {
    // (in the form this sitrep writes now, schema 25's, which leaves out these and more)
    assert.equal(r.words, ROW_WORDS, `${r.id}: its claims' fields left out`);
    const body = storedForm.body(r.body);
    const kept = JSON.parse(inflateRawSync(r.data, { dictionary: presetOf(body, ROW_WORDS) }).toString("utf8")) as { claims: Record<string, unknown>[] };
    assert.ok(kept.claims.length >= 4);
    for (const c of kept.claims) for (const k of ["text", "status", "quote"]) assert.equal(typeof c[k], "number", `${k} left out`);
    const whole = deflateRawSync(Buffer.from(JSON.stringify(back.get(r.id)), "utf8"), { dictionary: presetOf(body, true) }).length;
    assert.ok(r.data.length < 0.9 * whole, `${r.data.length} bytes against ${whole} for the whole record`);
  }
});

test("SQLite: a ledger of schema 17 (whole fusion records) is migrated, exports the same, and its records then take the smaller form", async () => {
  const docs: Doc[] = [];
  for (let i = 0; i < 6; i++) docs.push(report(i % 2 ? EN : NL, i % 2 ? "en" : "nl", i));
  const { fresh, old } = await twinLedgers("sitrep-claimwords-", docs);
  // the old one as schema 17 wrote it: each record whole, deflated against its report's body with the words
  await withWholeRecords(old, 17);
  assert.ok(records(old).every((r) => r.words === 1));

  // opened for writing: migrated; read and exported as the ledger written whole by this sitrep
  const w = await openStore(old);
  await w.close();
  const db2 = new Database(old, { readonly: true });
  assert.equal(db2.pragma("user_version", { simple: true }), LATEST);
  db2.close();
  assert.ok(LATEST >= 19);
  const a = await openStore(old, { readonly: true }), b = await openStore(fresh, { readonly: true });
  assert.deepEqual(await readBack(a), await readBack(b));
  const [ea, eb] = [await exported(a), await exported(b)];
  assert.ok(ea.length > 1000 && ea.includes("Helen Ward"));
  assert.equal(ea, eb);
  await a.close();
  await b.close();

  // a report added after: its record left out, as the old ones are once opened for writing (schema 20), all read back
  const more = report(EN.replace("three people", "four people"), "en", 7);
  for (const f of [old, fresh]) {
    const s = await openStore(f);
    assert.ok((await storeReports(s, [more]))[0]?.ok);
    await s.close();
  }
  const words = records(old).map((r) => r.words);
  assert.deepEqual([...new Set(words)].sort(), [ROW_WORDS]);
  const a2 = await openStore(old, { readonly: true }), b2 = await openStore(fresh, { readonly: true });
  assert.equal(await exported(a2), await exported(b2));
  await a2.close();
  await b2.close();
});
