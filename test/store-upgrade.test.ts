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
import { withoutStatusIndexes } from "./old-ledger.js";

// A report written for this test.
const TEXT = "De brandweer van Gent meldt dat bij een brand in een loods aan de haven twee mensen gewond zijn geraakt.\n";

test("a ledger of an earlier schema, opened read-only, is brought up to date and read", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-upgrade-")), "old.db");
  const s = await openStore(file);
  const d = runPipeline(new Doc(TEXT, { id: "d1", published: "2025-03-02T10:00:00+01:00", publishedFrom: "front-matter", language: "nl", languageFrom: "front-matter", format: "text", source: "Havenkrant" }));
  const [r] = await storeReports(s, [d]);
  assert.ok(r?.ok, JSON.stringify(r));
  await s.close();
  // as schema 13 left it (14 made the indexes withoutStatusIndexes takes off; the later ones come after)
  const db = new Database(file);
  withoutStatusIndexes(db);
  db.pragma("user_version = 13");
  db.close();

  const read = await openStore(file, { readonly: true });
  const [row] = await read.reads.reportsByIds([r.id], true);
  assert.equal(row?.source, "Havenkrant");
  await read.close();
  const after = new Database(file, { readonly: true });
  assert.equal(after.pragma("user_version", { simple: true }), LATEST);
  assert.ok(after.prepare("SELECT 1 FROM sqlite_master WHERE name = 'claims_claimed'").get(), "the migration ran");
  after.close();
});
