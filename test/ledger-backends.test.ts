// The ledger on both backends: the same reports ingested into SQLite and into PostgreSQL give the same
// export (sitrep/1 JSON, CSV) and the same briefing, byte for byte — fusion, figures, contradictions and
// the stable ids included. Needs SITREP_TEST_PG (skipped, and says so, without it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./helpers.js";
import { newDatabase, PG_URL } from "./backends.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");

function sitrep(args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `sitrep ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

test("SQLite and PostgreSQL ledgers of the same reports give the same export and briefing", { skip: !PG_URL && "PostgreSQL: SITREP_TEST_PG not set" }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-backends-"));
  writeCorpus(join(dir, "in"), 40, "b");
  const inputs = [join(dir, "in"), join(root, "samples")];
  const file = join(dir, "l.db");
  const url = await newDatabase();
  for (const db of [file, url]) sitrep(["ingest", ...inputs, "--db", db]);
  const exported = JSON.parse(sitrep(["export", "--format", "json", "--db", file])) as { documents: unknown[] };
  assert.equal(exported.documents.length, 45);
  for (const argv of [["export", "--format", "json"], ["export", "--format", "csv"], ["brief", "--format", "json"], ["brief", "--format", "md", "--lang", "nl"]]) {
    assert.equal(sitrep([...argv, "--db", url]), sitrep([...argv, "--db", file]), argv.join(" "));
  }
});
