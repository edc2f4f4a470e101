import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles, unitsOf, type IngestSummary } from "../src/cli/ingest.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";

// A large JSON-lines file is shared by the extraction threads, a run of its reports each, and its reports
// are still stored in the order of its lines: a later version of a report (same URL) after the first, a
// wire copy after its original, an entity's fusion key as an ingest on one thread decides it.
const dir = mkdtempSync(join(tmpdir(), "sitrep-ingest-split-"));
const TOWNS = ["Shebekino", "Belgorod", "Graivoron", "Kozinka", "Novaya Tavolzhanka", "Valuyki"];
const lines: string[] = [];
const item = (i: number, url: string, text: string, source = `Regional Courier ${i % 5}`) =>
  JSON.stringify({
    title: `Shelling near ${TOWNS[i % TOWNS.length]} (${i})`,
    source,
    url,
    published: `2023-05-${String(22 + (i % 3)).padStart(2, "0")}T${String(6 + (i % 14)).padStart(2, "0")}:15:00+02:00`,
    language: "en",
    text,
  });
const story = (i: number) => {
  const t = TOWNS[i % TOWNS.length]!;
  return [
    `Governor Vyacheslav Gladkov said ${i + 3} civilians were wounded when shells hit ${t} overnight.`,
    `The Freedom of Russia Legion said it controlled the outskirts of ${t}, but the defence ministry denied that and said the attack had been repelled.`,
    `Residents told reporters that power was cut in ${i % 2 ? "two" : "three"} districts and that buses were taking people to Belgorod.`,
    `It is not clear how many fighters crossed the border; the ministry put the number at ${70 + i}.`,
    `Report ${i} of the evening bulletin.`,
  ].join(" ");
};
for (let i = 0; i < 90; i++) lines.push(item(i, `https://example.org/split/${i}`, story(i)));
// a wire copy of report 3 in another outlet, and a new version of report 5 at its URL, far down the file
lines.splice(60, 0, item(3, "https://example.org/split/wire-3", story(3), "Valley Times (AP)"));
lines.splice(80, 0, item(5, "https://example.org/split/5", story(5) + " Later the governor said two of the wounded had died."));
lines.splice(70, 0, "{ this line is not JSON");
const file = join(dir, "bulletins.jsonl");
writeFileSync(file, lines.join("\n") + "\n");

async function ingest(jobs: number): Promise<{ sum: IngestSummary; json: string }> {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-ingest-split-db-")), "ledger.db");
  const s = await openStore(db);
  try {
    const sum = await ingestFiles(s, [file], { jobs });
    let json = "";
    await s.snapshot(async (r) => {
      for await (const chunk of exportJson(ledgerExport(r))) json += chunk;
    });
    return { sum, json };
  } finally {
    await s.close();
  }
}

test("a large JSON-lines file is split across the extraction threads and stored in the order of its lines", async () => {
  const units = unitsOf([file], 2);
  assert.ok(units.length >= 3, `the file is taken in parts (${units.length})`);
  assert.deepEqual(units.map((u) => u.part), units.map((_, i) => i));
  assert.equal(unitsOf([file], 1).length, 1, "one thread reads the file whole");
  const one = await ingest(0);
  const two = await ingest(2);
  assert.equal(one.sum.reports, 92);
  assert.equal(one.sum.updated, 1, "the later version of report 5 follows its first");
  assert.equal(one.sum.skipped.length, 1);
  assert.deepEqual(two.sum, one.sum);
  assert.equal(two.json, one.json);
});
