import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore } from "../src/store/index.js";
import { ROW_WORDS } from "../src/store/sql-store.js";
import { expandInputs, ingestFiles, type IngestSummary } from "../src/cli/ingest.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import { writeCorpus } from "./helpers.js";

// Extraction in worker threads must not change the ledger: reports are stored in the order of the files,
// so an update that follows its first version, a wire copy that follows its original and an entity's
// fusion key are what an ingest on one thread makes of them.
const dir = mkdtempSync(join(tmpdir(), "sitrep-ingest-workers-"));
writeCorpus(dir, 30);
// a wire copy in another outlet, and a new version of an earlier report at its URL (files sort after them)
const wire = "The governor said 12 civilians were wounded in Shebekino. The legion said it controlled Shebekino, but the ministry denied that. Two of the wounded are children.";
const head = (source: string, url: string, at: string) => `---\ntitle: "Shebekino"\nsource: "${source}"\nurl: "${url}"\npublished: ${at}\nlanguage: en\n---\n`;
writeFileSync(join(dir, "w1.txt"), head("Coast Herald (AP)", "https://example.org/w/1", "2023-05-23T11:00:00+02:00") + wire + "\n");
writeFileSync(join(dir, "w2.txt"), head("Valley Times (AP)", "https://example.org/w/2", "2023-05-23T11:30:00+02:00") + wire + "\n");
writeFileSync(join(dir, "w3.txt"), head("Coast Herald (AP)", "https://example.org/w/1", "2023-05-23T11:00:00+02:00") + wire + " Governor Gladkov later said 14 were wounded.\n");
const files = expandInputs([dir]).files;

async function ingest(jobs: number): Promise<{ sum: IngestSummary; json: string; again: IngestSummary; forms: unknown[] }> {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-ingest-workers-db-")), "ledger.db");
  const s = await openStore(db);
  try {
    const sum = await ingestFiles(s, files, { jobs });
    let json = "";
    await s.snapshot(async (r) => {
      for await (const chunk of exportJson(ledgerExport(r))) json += chunk;
    });
    // every report is known already: the threads skip them without extracting
    const again = await ingestFiles(s, files, { jobs });
    return { sum, json, again, forms: formsOf(db) };
  } finally {
    await s.close();
  }
}

/** The forms the reports' fusion records are kept in (whole, or without what their claim rows hold), counted. */
function formsOf(db: string): unknown[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare("SELECT words, count(*) AS n FROM fusion_items WHERE kind = 'report-fusion' GROUP BY words ORDER BY words").all();
  } finally {
    d.close();
  }
}

test("ingest with extraction in two worker threads stores the same ledger as on one thread, in the order of the files", async () => {
  const one = await ingest(0);
  const two = await ingest(2);
  assert.equal(one.sum.reports, files.length);
  assert.equal(one.sum.updated, 1, "w3 is the second version of w1");
  assert.deepEqual(two.sum, one.sum);
  const x = JSON.parse(two.json) as { documents: { source: string | null }[] };
  assert.ok(x.documents.some((d) => d.source === "Valley Times (AP)"));
  assert.equal(two.json, one.json);
  assert.equal(two.again.unchanged, files.length);
  assert.equal(two.again.added + two.again.updated, 0);
  assert.deepEqual(two.again, one.again);
  // records the threads encode are kept as the writer would keep them: as small, not only as readable
  assert.ok((one.forms as { words: number }[]).some((f) => f.words === ROW_WORDS), JSON.stringify(one.forms));
  assert.deepEqual(two.forms, one.forms);
});
