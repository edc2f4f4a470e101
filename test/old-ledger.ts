// Ledgers as earlier schemas wrote them, made from one this sitrep wrote, for tests of migrations.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import Sqlite from "better-sqlite3";
import type Database from "better-sqlite3";
import { openStore, type Store } from "../src/store/index.js";
import { corrected } from "../src/store/corrected.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import { PACKED, presetOf, storedForm } from "../src/store/sql-store.js";
import { REPORT_ROWS, SPAN } from "../src/store/schema.js";
import { postgres } from "../src/store/dialect.js";
import { storeReports } from "../src/ledger/ingest.js";
import { Doc, type Lang } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import { copyLedger } from "../src/store/copy.js";

/** The outlet of the store tests' own reports: ids, publication times, its two names and a page address by number. */
export interface TestOutlet {
  prefix: string;
  published: (i: number) => string;
  source: Record<Lang, string>;
  slug: string;
}
/** Builds a store test's reports: its text numbered (so that no two are one), its metadata as front matter gives it, run through the pipeline. */
export const reportMaker =
  (o: TestOutlet) =>
  (text: string, language: Lang, i: number): Doc =>
    runPipeline(
      new Doc(`${text} (${i})\n`, {
        id: `${o.prefix}${i}`, published: o.published(i), publishedFrom: "front-matter", language, languageFrom: "front-matter", format: "text",
        source: o.source[language], url: `https://example.org/${o.slug}/${language}/${i}`,
      }),
    );

const text = (v: unknown): string | null => (v === null || v === undefined ? null : storedForm.body(v));

/** A SQLite ledger as schemas before 24 had it: reports', times' and events' words and lists as text (JSON). */
export function withTextRows(db: Database.Database): void {
  const report = db.prepare("UPDATE reports SET published = ?, published_from = ?, language_from = ?, ingested_at = ? WHERE id = ?");
  for (const r of db.prepare("SELECT id, published, published_ms, published_from, language_from, ingested_at FROM reports").all() as Record<string, unknown>[]) {
    const x = storedForm.report(postgres, r);
    report.run(x.published, x.published_from, x.language_from, x.ingested_at, r.id);
  }
  const time = db.prepare("UPDATE times SET type = ? WHERE id = ?");
  for (const t of db.prepare("SELECT id, type FROM times").all() as Record<string, unknown>[]) time.run(storedForm.time(postgres, t).type, t.id);
  const event = db.prepare("UPDATE events SET type = ?, claims = ?, actors = ?, locations = ? WHERE id = ?");
  for (const v of db.prepare("SELECT id, type, claims, actors, locations FROM events").all() as Record<string, unknown>[]) {
    const x = storedForm.event(postgres, v);
    event.run(x.type, x.claims, x.actors, x.locations, v.id);
  }
}

/**
 * A SQLite ledger as schemas before 20 had it: claims' keys and entities as text (JSON) (and rows as before 24).
 * (The claims' packed columns of schema 27 as the JSON the migration to it writes, their entities as text in it.)
 */
export function withTextClaims(db: Database.Database): void {
  withTextRows(db);
  if (!(db.prepare("SELECT 1 FROM pragma_table_info('claims') WHERE name = 'packed'").get())) {
    const cols = db.prepare("UPDATE claims SET cid = ?, entities = ? WHERE id = ?");
    for (const c of db.prepare("SELECT id, cid, entities FROM claims").all() as { id: number; cid: unknown; entities: unknown }[])
      cols.run(storedForm.cid(postgres, c.cid), storedForm.claimEntities(postgres, c.entities), c.id);
    return;
  }
  const put = db.prepare("UPDATE claims SET cid = ?, packed = ? WHERE id = ?");
  for (const c of db.prepare("SELECT id, cid, packed FROM claims").all() as { id: number; cid: unknown; packed: unknown }[]) {
    const r = storedForm.claim(postgres, c);
    put.run(r.cid, JSON.stringify(PACKED.map((k) => r[k] ?? null)), c.id);
  }
}

/** A SQLite ledger as schemas before 17 had it: report bodies deflated without their language's words (and claims as before 20). */
export function withPlainBodies(db: Database.Database): void {
  withTextClaims(db);
  const put = db.prepare("UPDATE bodies SET text = ? WHERE id = ?");
  for (const b of db.prepare("SELECT id, text FROM bodies").all() as { id: number; text: unknown }[]) put.run(deflateRawSync(Buffer.from(storedForm.body(b.text), "utf8")), b.id);
}

/** A SQLite ledger as schemas before 16 had it: each row of a report's stores its report (and bodies as before 17). */
export function withStoredReport(db: Database.Database): void {
  withPlainBodies(db);
  for (const t of Object.keys(REPORT_ROWS))
    db.exec(`ALTER TABLE ${t} DROP COLUMN report; ALTER TABLE ${t} ADD COLUMN report INTEGER NOT NULL DEFAULT 0; UPDATE ${t} SET report = id / ${SPAN};`);
}

/** A SQLite ledger as schemas before 14 had it (no indexes of the claims of one status by id). */
export function withoutStatusIndexes(db: Database.Database): void {
  // (and what schema 16 changed: it comes after)
  withStoredReport(db);
  db.exec("DROP INDEX claims_claimed; DROP INDEX claims_rare;");
}

/** A SQLite ledger as schemas before 12 had it (no reports_keys, claims_status, reports_long, reports.claims; claims_unknown). */
export function withoutPageIndexes(db: Database.Database): void {
  // (and what schema 14 added: it comes after)
  withoutStatusIndexes(db);
  db.exec(`DROP INDEX reports_long; DROP INDEX reports_keys; DROP INDEX claims_status; CREATE INDEX claims_unknown ON claims (id) WHERE status = 6;
    DROP INDEX reports_current; ALTER TABLE reports DROP COLUMN claims; CREATE INDEX reports_current ON reports (published_ms, uid) WHERE current = 1;`);
}

/**
 * A SQLite ledger's claims as schemas before 27 kept them: each of their PACKED columns a column of its own
 * (schema 26's table and indexes). A test that sets user_version back past a migration that reads those
 * columns (schema 8's) needs this.
 */
export function withUnpackedClaims(db: Database.Database): void {
  const rows = (db.prepare("SELECT id, cid, start, stop, status, pkey, asserter, source, notable, text, packed FROM claims ORDER BY id").all() as Record<string, unknown>[]).map(
    storedForm.unpackedClaim,
  );
  db.exec(`DROP TABLE claims;
  CREATE TABLE claims (
    id INTEGER PRIMARY KEY, cid TEXT NOT NULL, sentence INTEGER NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,
    status INTEGER NOT NULL, pkey INTEGER NOT NULL, asserter INTEGER NOT NULL, source_keyed INTEGER NOT NULL,
    source INTEGER, source_kind INTEGER, source_entity INTEGER, source_role TEXT, cue_start INTEGER, cue_stop INTEGER, cue_text TEXT,
    quote INTEGER NOT NULL, entities TEXT, features TEXT, notable INTEGER NOT NULL, text TEXT,
    report INTEGER GENERATED ALWAYS AS (id / ${SPAN}) VIRTUAL);
  CREATE INDEX claims_pkey ON claims (pkey);
  CREATE INDEX claims_source ON claims (source) WHERE source IS NOT NULL;
  CREATE INDEX claims_rare ON claims (id) WHERE status >= 2;
  CREATE INDEX claims_claimed ON claims (status) WHERE status = 1;
  CREATE INDEX claims_status ON claims (status) WHERE status >= 2;
  CREATE INDEX claims_notable ON claims (notable) WHERE notable <> 0;`);
  const cols = ["id", "cid", "sentence", "paragraph", "start", "stop", "status", "pkey", "asserter", "source_keyed", "source", "source_kind", "source_entity", "source_role",
    "cue_start", "cue_stop", "cue_text", "quote", "entities", "features", "notable", "text"];
  const put = db.prepare(`INSERT INTO claims (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
  for (const r of rows) put.run(cols.map((k) => r[k] ?? null));
}

/**
 * A SQLite ledger's entities as schemas before 29 kept them: every row its name, and no first name kept by
 * its fused entity. A test that sets user_version back past a migration that makes the fused entities'
 * table again (schema 28's) needs this, or its rows' names are lost with that column.
 */
export function withNamedEntities(db: Database.Database): void {
  if (!db.prepare("SELECT 1 FROM pragma_table_info('fused') WHERE name = 'name'").get()) return;
  db.exec(`ALTER TABLE entities RENAME TO entities_elided;
  CREATE TABLE entities (id INTEGER PRIMARY KEY, fused INTEGER NOT NULL, type INTEGER NOT NULL, name TEXT NOT NULL, aliases TEXT, mentions TEXT NOT NULL,
    report INTEGER GENERATED ALWAYS AS (id / ${SPAN}) VIRTUAL);
  INSERT INTO entities (id, fused, type, name, aliases, mentions)
    SELECT e.id, e.fused, e.type, coalesce(e.name, f.name), e.aliases, e.mentions FROM entities_elided e JOIN fused f ON f.id = e.fused ORDER BY e.id;
  DROP TABLE entities_elided;
  CREATE INDEX entities_fused ON entities (fused);
  ALTER TABLE fused DROP COLUMN name;`);
}

/**
 * A SQLite ledger's fusion records re-encoded as schemas before 11 wrote them (against their report's body
 * alone, without the preset words) and the `words` column dropped: a test that sets user_version back past
 * 11 needs this, or migration 11 finds its column already there (and schema 12's indexes, withoutPageIndexes).
 */
export function withoutFusionWords(db: Database.Database): void {
  // (and what schema 12 added: it comes after; and the claims' columns as schema 8 reads them)
  withUnpackedClaims(db);
  withoutPageIndexes(db);
  const rows = db
    .prepare("SELECT f.kind, f.id, f.data, f.words, b.text AS body FROM fusion_items f LEFT JOIN bodies b ON b.id = f.against WHERE f.words IS NOT NULL")
    .all() as { kind: string; id: string; data: unknown; words: number; body: unknown }[];
  const put = db.prepare("UPDATE fusion_items SET data = ?, words = NULL WHERE kind = ? AND id = ?");
  for (const r of rows) {
    if (!(r.data instanceof Uint8Array)) continue;
    const body = text(r.body);
    // (as stored: a record of words 2 or 3 keeps its tokens, which no read of these tests asks for)
    const json = inflateRawSync(r.data, { dictionary: presetOf(body, r.words === 3 ? 3 : true) });
    put.run(body === null ? deflateRawSync(json) : deflateRawSync(json, { dictionary: presetOf(body, false) }), r.kind, r.id);
  }
  db.exec("ALTER TABLE fusion_items DROP COLUMN words");
}

/** A SQLite ledger's report fusion records as stored (the form each is kept in, and the body it is deflated against). */
export type StoredRecord = { rid: number; id: string; data: Buffer; words: number | null; against: number | null; body: Buffer | null };
export function storedRecords(file: string): StoredRecord[] {
  const db = new Sqlite(file, { readonly: true });
  const rows = db
    .prepare("SELECT f.rowid AS rid, f.id, f.data, f.words, f.against, b.text AS body FROM fusion_items f LEFT JOIN bodies b ON b.id = f.against WHERE f.kind = 'report-fusion' ORDER BY f.id")
    .all() as StoredRecord[];
  db.close();
  return rows;
}

/** Every report fusion record of a ledger as the store reads it back, by id. */
export async function recordsRead(s: Store): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for await (const page of s.reads.fusionItems("report-fusion")) for (const it of page) out.set(it.id, it.data);
  return out;
}

/** The ledger's `export --format json` in English. */
export const exportedEn = (s: Store): Promise<string> =>
  s.snapshot(async (r) => {
    let text = "";
    for await (const chunk of exportJson(ledgerExport(await corrected(r), "en"))) text += chunk;
    return text;
  });

/**
 * A SQLite ledger as schemas before 19 had it (the number given): every report's fusion record whole,
 * deflated against its report's body with the words. Gives the records as they read.
 */
export async function withWholeRecords(file: string, version: number): Promise<Map<string, unknown>> {
  const s = await openStore(file, { readonly: true });
  const whole = await recordsRead(s);
  await s.close();
  const db = new Sqlite(file);
  const put = db.prepare("UPDATE fusion_items SET data = ?, words = 1 WHERE kind = 'report-fusion' AND id = ?");
  for (const r of storedRecords(file)) put.run(deflateRawSync(Buffer.from(JSON.stringify(whole.get(r.id)), "utf8"), { dictionary: presetOf(storedForm.body(r.body), true) }), r.id);
  db.pragma(`user_version = ${version}`);
  db.close();
  return whole;
}

/**
 * A SQLite ledger as schemas before 25 had it (the number given): the indexes that named the rowid's column,
 * and every report's fusion record with only its claims' fields left out (words = 2: text, at, status, quote,
 * source each as its token, deflated with the words and its report's body). Gives the records as they read.
 */
export async function withClaimRecords(file: string, version: number): Promise<Map<string, unknown>> {
  const s = await openStore(file, { readonly: true });
  const whole = await recordsRead(s);
  await s.close();
  const db = new Sqlite(file);
  db.exec(`DROP INDEX entities_fused; CREATE INDEX entities_fused ON entities (fused, id);
    DROP INDEX times_timeline; CREATE INDEX times_timeline ON times (value, id) WHERE claim IS NOT NULL;
    DROP INDEX claims_claimed; CREATE INDEX claims_claimed ON claims (id) WHERE status = 1;`);
  const TOKENS: Record<string, [unknown, (v: unknown) => boolean]> = {
    text: [0, (v) => typeof v === "string"], at: [false, (v) => typeof v === "number"], status: [0, (v) => typeof v === "string"], quote: [0, (v) => typeof v === "boolean"],
    source: [0, (v) => v === null || (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).every((k) => ["name", "kind", "entity", "role"].includes(k)))],
  };
  const put = db.prepare("UPDATE fusion_items SET data = ?, words = 2 WHERE kind = 'report-fusion' AND id = ?");
  for (const r of storedRecords(file)) {
    const record = structuredClone(whole.get(r.id)) as { claims: Record<string, unknown>[] };
    for (const c of record.claims) for (const [k, [token, fits]] of Object.entries(TOKENS)) if (k in c && fits(c[k])) c[k] = token;
    put.run(deflateRawSync(Buffer.from(JSON.stringify(record), "utf8"), { dictionary: presetOf(storedForm.body(r.body), true) }), r.id);
  }
  db.pragma(`user_version = ${version}`);
  db.close();
  return whole;
}

/** The rows a query of a SQLite ledger's file gives, read through a connection of its own (what the store wrote, as it is). */
export function sqlRows(file: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Sqlite(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** Two SQLite ledgers of the same reports in a new folder: one to be made as an older schema had it, one kept. */
export async function twinLedgers(prefix: string, docs: readonly Doc[]): Promise<{ fresh: string; old: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const fresh = join(dir, "new.db"), old = join(dir, "old.db");
  for (const f of [fresh, old]) {
    const s = await openStore(f);
    assert.ok((await storeReports(s, docs)).every((r) => r.ok));
    await s.close();
  }
  return { fresh, old };
}

/** A SQLite ledger copied into the database at `url` and from there into a new file beside it: that file's path. */
export async function copiedThrough(fresh: string, url: string): Promise<string> {
  await copyLedger(fresh, url);
  const back = fresh.replace(/new\.db$/, "back.db");
  await copyLedger(url, back);
  return back;
}

/**
 * The same reports in a new SQLite ledger, copied into the (new) PostgreSQL database at `url` and from there
 * into a new file: the three opened to be read, in that order, with the two files' paths. (The database is
 * the caller's: this file is no test of its own, and backends.ts would hold a run of it open.)
 */
export async function readCopies(prefix: string, docs: readonly Doc[], url: string): Promise<{ fresh: string; back: string; stores: [Store, Store, Store] }> {
  const { fresh } = await twinLedgers(prefix, docs);
  const back = await copiedThrough(fresh, url);
  return { fresh, back, stores: [await openStore(fresh, { readonly: true }), await openStore(url, { readonly: true }), await openStore(back, { readonly: true })] };
}
