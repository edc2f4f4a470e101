// `sitrep copy`: a ledger copied into another, on either backend, is the same ledger: the same export and
// briefing byte for byte, the same answers to a search by words (the index of words is made again on the
// target), its editors' corrections and its versions kept, and it takes new reports after the copy
// without reusing an id. The copy refuses a target that holds anything. PostgreSQL with SITREP_TEST_PG.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./helpers.js";
import { eachBackend, PG_URL } from "./backends.js";
import { HARBOUR_EN, HARBOUR_NL } from "./harbour.js";
import { StoreLedger } from "../src/server/store.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");

function sitrep(args: string[], status = 0): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(r.status, status, `sitrep ${args.join(" ")}: ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

const UPDATED = (text: string) => `---
title: Ferry service resumes
source: Harbour Courier
url: https://example.org/harbour/ferry
published: 2024-03-05T12:00:00+01:00
language: en
---
${text}
`;

let source: Promise<string> | undefined;
/** A ledger of our own reports (SQLite): a corpus, the samples, two harbour reports, a report in two versions, and an editor's correction. */
function sourceLedger(): Promise<string> {
  return (source ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-copy-"));
    writeCorpus(join(dir, "in"), 24, "c");
    const file = join(dir, "source.db");
    sitrep(["ingest", join(dir, "in"), join(root, "samples"), join(root, "test", "fixtures", "ledger"), "--db", file]);
    const l = await StoreLedger.open(file, { workers: false });
    try {
      await l.addReport({ body: HARBOUR_EN, format: "text" });
      const nl = await l.addReport({ body: HARBOUR_NL, format: "text" });
      await l.addReport({ body: UPDATED("The ferry to Hoek van Holland was cancelled on Tuesday, the operator said."), format: "text" });
      const v2 = await l.addReport({ body: UPDATED("The ferry to Hoek van Holland sailed again on Tuesday evening, the operator said. Two cranes are still down."), format: "text" });
      assert.equal(v2.status, "updated");
      await l.correct({ who: "Editor A", why: "the paper withdrew the story", target: nl.report, action: "retract" });
    } finally {
      await l.close();
    }
    return file;
  })());
}

const OUTPUTS = [["export", "--format", "json"], ["export", "--format", "csv"], ["export", "--format", "geojson"], ["brief", "--format", "json"], ["brief", "--format", "md", "--lang", "nl"]];

/** What a search by words finds on a ledger: claims and reports, by their stable ids. */
async function searches(db: string): Promise<string[]> {
  const l = await StoreLedger.open(db, { workers: false, readonly: true });
  try {
    const out: string[] = [];
    for (const q of ["ferry", "kranen", "gouverneur Gladkov", "wounded", "hoek holland"]) {
      const c = await l.searchClaims({ q, limit: 100 });
      out.push(`${q}: ${c.total} claims ${c.items.map((x) => x.id).join(" ")}`);
      const r = await l.listReports({ q, limit: 100 });
      out.push(`${q}: ${r.total} reports ${r.items.map((x) => x.id).join(" ")}`);
    }
    return out;
  } finally {
    await l.close();
  }
}

eachBackend("a SQLite ledger copied gives the same export, briefing and search, and takes new reports", async (b) => {
  const from = await sourceLedger();
  const to = await b.ledger();
  const { stdout, stderr } = sitrep(["copy", "--db", from, "--to", to]);
  assert.match(stdout, /^copied 37 reports \(\d+ rows in \d+ tables, 37 reports' words indexed\)/);
  assert.match(stderr, /sitrep: copy: claims \d+ of \d+/, "progress on stderr");
  for (const argv of OUTPUTS) assert.equal(sitrep([...argv, "--db", to]).stdout, sitrep([...argv, "--db", from]).stdout, argv.join(" "));
  const found = await searches(to);
  assert.deepEqual(found, await searches(from));
  assert.ok(found.some((s) => /^ferry: [1-9]\d* claims/.test(s)) && found.some((s) => /^kranen: [1-9]\d* claims/.test(s)), found.join("\n"));

  // the copy is a ledger like any other: a new report gets ids of its own (the counters were moved past the copied rows)
  const l = await StoreLedger.open(to, { workers: false });
  try {
    const added = await l.addReport({ body: HARBOUR_EN.replace("two cranes", "three cranes").replace("Cranes toppled", "Three cranes toppled"), format: "text" });
    assert.equal(added.status, "added");
    await l.correct({ who: "Editor B", why: "a second look", target: added.report, action: "retract" });
    assert.equal((await l.corrections()).length, 2);
  } finally {
    await l.close();
  }
  const js = JSON.parse(sitrep(["export", "--format", "json", "--db", to]).stdout) as { documents: unknown[] };
  assert.equal(js.documents.length, 37);

  // a target that holds a ledger is refused, and left as it was
  const again = sitrep(["copy", "--db", from, "--to", to], 1);
  assert.match(again.stderr, /holds a ledger already/);
  assert.equal((JSON.parse(sitrep(["export", "--format", "json", "--db", to]).stdout) as { documents: unknown[] }).documents.length, 37);
});

test("a PostgreSQL ledger copied back into SQLite is the same ledger", { skip: !PG_URL && "PostgreSQL: SITREP_TEST_PG not set" }, async () => {
  const { newDatabase } = await import("./backends.js");
  const from = await sourceLedger();
  const url = await newDatabase();
  sitrep(["copy", "--db", from, "--to", url, "--quiet"]);
  const back = join(mkdtempSync(join(tmpdir(), "sitrep-copy-back-")), "back.db");
  const r = sitrep(["copy", "--db", url, "--to", back]);
  assert.match(r.stdout, /^copied 37 reports/);
  for (const argv of OUTPUTS) assert.equal(sitrep([...argv, "--db", back]).stdout, sitrep([...argv, "--db", from]).stdout, argv.join(" "));
  assert.deepEqual(await searches(back), await searches(from));
});

test("copy refuses to copy a ledger into itself, and a target that is not a ledger", async () => {
  const from = await sourceLedger();
  assert.match(sitrep(["copy", "--db", from, "--to", from], 1).stderr, /into itself/);
  assert.match(sitrep(["copy", "--db", from], 2).stderr, /--to/);
  const other = join(mkdtempSync(join(tmpdir(), "sitrep-copy-other-")), "other.db");
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(other);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
  db.close();
  assert.match(sitrep(["copy", "--db", from, "--to", other], 1).stderr, /not a sitrep ledger/);
});
