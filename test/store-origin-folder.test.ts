// Schema 31: a report's origin keeps its folder once (folders) and only its own name in the report's row.
// Origins read back whole, whatever their form; a ledger of the schema before (origins whole in every row) moves to
// the new form when opened and reads the same; a copy to PostgreSQL and back keeps the origins.
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
import { PG_URL, newDatabase } from "./backends.js";
import { copiedThrough, sqlRows } from "./old-ledger.js";

// Reports written for this test: a dyke inspection after heavy rain, filed as files of two folders, an
// upload and a web address.
const TEXTS = [
  "Water boards inspected the dykes along the Lek on Tuesday after two days of heavy rain, a spokesman said.",
  "The dyke near Schoonhoven held, but a footpath was closed as a precaution, the municipality said.",
  "Farmers in the Alblasserwaard were told to move cattle to higher ground, according to the water board.",
  "Residents said the river had not been this high since 1995.",
];
const ORIGINS = [
  "/srv/feeds/2025-11-04/dyke-lek.txt",
  "/srv/feeds/2025-11-04/dyke-schoonhoven.txt",
  "upload",
  "https://example.org/regio/alblasserwaard",
];
const docs = () =>
  TEXTS.map((t, i) =>
    runPipeline(
      new Doc(`${t}\n`, {
        id: `o${i}`, published: `2025-11-0${i + 1}T09:00:00+01:00`, publishedFrom: "front-matter", language: "en", languageFrom: "front-matter",
        format: "text", source: "Riverside Post", origin: ORIGINS[i], ...(i === 3 && { url: ORIGINS[3] }),
      }),
    ),
  );


async function ledger(prefix: string): Promise<{ file: string; uids: string[] }> {
  const file = join(mkdtempSync(join(tmpdir(), prefix)), "new.db");
  const s = await openStore(file);
  const out = await storeReports(s, docs());
  assert.ok(out.every((r) => r.ok));
  await s.close();
  return { file, uids: out.map((r) => (r.ok ? r.report : "")) };
}

async function origins(spec: string, uids: readonly string[]): Promise<(string | null)[]> {
  const s = await openStore(spec, { readonly: true });
  try {
    return await Promise.all(uids.map(async (u) => (await s.reads.reportByUid(u))?.origin ?? null));
  } finally {
    await s.close();
  }
}

test("a report's origin reads back whole; its folder is kept once", async () => {
  const { file, uids } = await ledger("sitrep-origin-");
  assert.deepEqual(await origins(file, uids), ORIGINS);
  assert.deepEqual(sqlRows(file, "SELECT path FROM folders ORDER BY id").map((r) => r.path), ["/srv/feeds/2025-11-04/", "https://example.org/regio/"]);
  assert.deepEqual(
    sqlRows(file, "SELECT origin, folder IS NOT NULL AS f FROM reports ORDER BY id").map((r) => [r.origin, r.f]),
    [["dyke-lek.txt", 1], ["dyke-schoonhoven.txt", 1], ["upload", 0], ["alblasserwaard", 1]],
  );
});

test("SQLite: a ledger of the schema before keeps its whole origins, moves to folders when opened, and reads old and new reports' origins", async () => {
  const { file, uids } = await ledger("sitrep-origin-old-");
  const db = new Database(file);
  db.exec(`UPDATE reports SET origin = (SELECT path FROM folders WHERE id = reports.folder) || origin WHERE folder IS NOT NULL;
    ALTER TABLE reports DROP COLUMN folder; DROP TABLE folders;`);
  db.pragma(`user_version = ${LATEST - 1}`);
  db.close();
  assert.deepEqual(await origins(file, uids), ORIGINS);
  assert.equal(sqlRows(file, "PRAGMA user_version")[0]!.user_version, LATEST);
  const s = await openStore(file);
  const more = runPipeline(
    new Doc("The water board said the level of the Lek was falling again on Thursday.\n", {
      id: "o9", published: "2025-11-06T09:00:00+01:00", publishedFrom: "front-matter", language: "en", languageFrom: "front-matter", format: "text",
      source: "Riverside Post", origin: "/srv/feeds/2025-11-06/lek-falling.txt",
    }),
  );
  const [r] = await storeReports(s, [more]);
  await s.close();
  assert.ok(r?.ok);
  assert.deepEqual(await origins(file, [...uids, r.report]), [...ORIGINS, "/srv/feeds/2025-11-06/lek-falling.txt"]);
});

test("PostgreSQL: origins ingested there read back whole, and a copy of a SQLite ledger to it and back keeps them", { skip: !PG_URL && "SITREP_TEST_PG not set" }, async () => {
  const direct = await newDatabase();
  const p = await openStore(direct);
  const out = await storeReports(p, docs());
  await p.close();
  assert.deepEqual(await origins(direct, out.map((r) => (r.ok ? r.report : ""))), ORIGINS);
  const { file, uids } = await ledger("sitrep-origin-copy-");
  const url = await newDatabase();
  const back = await copiedThrough(file, url);
  assert.deepEqual(await origins(url, uids), ORIGINS);
  assert.deepEqual(await origins(back, uids), ORIGINS);
});
