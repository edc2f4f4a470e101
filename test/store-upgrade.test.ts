// A ledger an older sitrep wrote, opened to be read after an upgrade (sitrep brief, export, serve open it
// read-only): it is brought up to date once, as a write would, and then read; not refused until someone
// ingests into it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Doc } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import { openStore } from "../src/store/index.js";
import { LATEST } from "../src/store/schema.js";
import { storeReports } from "../src/ledger/ingest.js";
import { withStoredReport } from "./old-ledger.js";

// A report written for this test.
const TEXT = "De brandweer van Gent meldt dat bij een brand in een loods aan de haven twee mensen gewond zijn geraakt.\n";

test("a ledger of the schema before, opened read-only, is brought up to date and read", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-upgrade-")), "old.db");
  const s = await openStore(file);
  const d = runPipeline(new Doc(TEXT, { id: "d1", published: "2025-03-02T10:00:00+01:00", publishedFrom: "front-matter", language: "nl", languageFrom: "front-matter", format: "text", source: "Havenkrant" }));
  const [r] = await storeReports(s, [d]);
  assert.ok(r?.ok, JSON.stringify(r));
  await s.close();
  // as schema 15 left it (two migrations back: 16 and 17)
  const db = new Database(file);
  withStoredReport(db);
  db.pragma("user_version = 15");
  db.close();

  const read = await openStore(file, { readonly: true });
  const [row] = await read.reads.reportsByIds([r.id], true);
  assert.equal(row?.source, "Havenkrant");
  // the rows of the report read with their report, now worked out from their keys (schema 16)
  const [parts] = await read.reads.reportParts([row!]);
  assert.ok(parts!.claims.length > 0 && parts!.entities.length > 0);
  for (const x of [...parts!.claims, ...parts!.entities, ...parts!.times, ...parts!.counts]) assert.equal(x.report, r.id);
  assert.match(parts!.claims[0]!.text, /brand in een loods/);
  await read.close();
  const after = new Database(file, { readonly: true });
  assert.equal(after.pragma("user_version", { simple: true }), LATEST);
  const report = after.prepare("SELECT hidden FROM pragma_table_xinfo('claims') WHERE name = 'report'").get() as { hidden: number };
  assert.equal(report.hidden, 2, "the claims' report is a virtual column: the migration ran");
  assert.equal((after.prepare("SELECT report FROM claims LIMIT 1").get() as { report: number }).report, r.id);
  after.close();
});
