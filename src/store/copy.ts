// A ledger copied into another, on the same backend or the other one (`sitrep copy`): a team that started
// on a laptop (SQLite) moves to the newsroom's database (PostgreSQL), or takes a copy home. Every table
// is copied as it is stored, in its key order, a page at a time (memory stays flat however large the
// ledger), so that the copy has the same ids, stable ids, fusion records and kept briefing pictures (they
// stay current: a kept picture is keyed by the ledger's counts and highest ids, which do not change).
// What one backend stores in a form of its own is written in the other's: report bodies, fusion records
// and kept states (compressed on SQLite), entities' mentions and claims' keys and entities (bytes on SQLite),
// and the index of words, which is not copied but made again from the reports' text (SQLite's keeps no
// text to copy from).
//
// The copy refuses a target that holds anything: it adds a ledger, it never merges two.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Conn } from "./driver.js";
import { fullText, type Dialect } from "./dialect.js";
import { isDatabaseUrl, openStore, shownLocation } from "./index.js";
import { PostgresDriver } from "./postgres.js";
import { SqliteDriver } from "./sqlite.js";
import { elidesNames, entityFacets, namesById, SPAN } from "./schema.js";
import { entityType } from "./codes.js";
import { PACKED, packsClaims, SqlStore, storedForm } from "./sql-store.js";
import { StoreRefused } from "./types.js";

type Row = Record<string, unknown>;

export interface CopyProgress {
  /** The table being copied, or "words" while the index of words is made, "statistics" at the end. */
  table: string;
  rows: number;
  /** Rows the table has (the reports, for "words"). */
  total: number;
}

export interface CopyResult {
  tables: { name: string; rows: number }[];
  /** Reports whose words were indexed. */
  indexed: number;
  ms: number;
}

/** Tables of a database that are not the ledger's: the schema version and PostgreSQL's job queue. */
const NOT_LEDGER = new Set(["sitrep_meta", "sitrep_jobs"]);
/** The index of words on PostgreSQL (tsvectors): made again from the text, as SQLite's. */
const REBUILT = new Set(["reports_search", "claims_search"]);
/** Kept states that are work in progress of the ledger they are in: not copied. */
const NOT_COPIED_STATES = new Set(["claim-words", "entity-facets"]);

/** A page of a table: about this many bytes (its rows' size as read), between these numbers of rows. */
const PAGE_BYTES = 4 << 20;
const PAGE_ROWS = { first: 500, least: 1, most: 5000 };

/** The ledger's tables in a database, with their columns and primary keys. */
async function tablesOf(c: Conn, d: Dialect): Promise<Map<string, { columns: string[]; key: string[]; readable: string[] }>> {
  const out = new Map<string, { columns: string[]; key: string[]; readable: string[] }>();
  if (d.backend === "sqlite") {
    const all = await c.all<Row>("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name");
    // virtual tables (the index of words) and the tables they keep their data in
    const virtual = all.filter((t) => /^\s*CREATE\s+VIRTUAL\b/i.test(String(t.sql ?? ""))).map((t) => `${String(t.name)}_`);
    for (const t of all) {
      const name = String(t.name);
      if (name.startsWith("sqlite_") || /^\s*CREATE\s+VIRTUAL\b/i.test(String(t.sql ?? "")) || virtual.some((v) => name.startsWith(v))) continue;
      // (a generated column, as a row's report (schema 16), is read but never written)
      const all = await c.all<Row>("SELECT name, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid", [name]);
      const cols = all.filter((x) => Number(x.hidden) === 0);
      out.set(name, {
        columns: cols.map((x) => String(x.name)),
        readable: all.filter((x) => [0, 2, 3].includes(Number(x.hidden))).map((x) => String(x.name)),
        key: cols.filter((x) => Number(x.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((x) => String(x.name)),
      });
    }
  } else {
    const all = await c.all<Row>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
    for (const t of all) {
      const name = String(t.name);
      const cols = await c.all<Row>(
        "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
        [name],
      );
      const key = await c.all<Row>(
        `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
         WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
        [name],
      );
      out.set(name, { columns: cols.map((x) => String(x.name)), readable: cols.map((x) => String(x.name)), key: key.map((x) => String(x.name)) });
    }
  }
  for (const n of [...NOT_LEDGER, ...REBUILT]) out.delete(n);
  return out;
}

/** The schema version at a location, without creating or changing anything there (0: empty or missing). */
async function versionAt(spec: string): Promise<number> {
  if (isDatabaseUrl(spec)) {
    const d = new PostgresDriver(spec, shownLocation(spec), { readonly: true });
    try {
      return await d.schemaVersion();
    } catch (e) {
      throw new StoreRefused(`cannot open ${shownLocation(spec)}: ${(e as Error).message}`);
    } finally {
      await d.close();
    }
  }
  if (!existsSync(spec) || statSync(spec).size === 0) return 0;
  let d: SqliteDriver;
  try {
    d = new SqliteDriver(spec, { readonly: true });
  } catch (e) {
    throw new StoreRefused(`${spec} is not a sitrep ledger (${(e as Error).message})`);
  }
  try {
    return await d.schemaVersion();
  } catch (e) {
    throw new StoreRefused(`${spec} is not a sitrep ledger (${(e as Error).message})`);
  } finally {
    await d.close();
  }
}

const sameLocation = (a: string, b: string) => (isDatabaseUrl(a) || isDatabaseUrl(b) ? a === b : resolve(a) === resolve(b));

/**
 * Copies the ledger at `from` into `to` (a new SQLite file, or an empty PostgreSQL database), whichever
 * backend each is on. The source is read through one consistent view, and only read. `unindexed`: the words
 * the copy's index leaves out of a report of a language, as a new report's (ReportRecord.unindexed; without
 * it every word is indexed, which answers the same).
 */
export async function copyLedger(
  from: string,
  to: string,
  o: { onProgress?: (p: CopyProgress) => void; unindexed?: (language: string) => ReadonlySet<string> | undefined } = {},
): Promise<CopyResult> {
  const t0 = performance.now();
  if (sameLocation(from, to)) throw new StoreRefused("a ledger cannot be copied into itself");
  const target = await versionAt(to);
  if (target < 0) throw new StoreRefused(`${shownLocation(to)} holds tables that are not a sitrep ledger's: the copy goes into a new file or an empty database`);
  const src = await openStore(from, { readonly: true });
  let dst: SqlStore | undefined;
  try {
    if (!(src instanceof SqlStore)) throw new Error("the ledger is not stored in SQL");
    const opened = await openStore(to);
    if (!(opened instanceof SqlStore)) throw new Error("the target is not stored in SQL");
    dst = opened;
    const sd = src.driver.dialect, dd = dst.driver.dialect;
    const dstTables = await tablesOf(dst.driver.reader, dd);
    // (a target that held a ledger: copied into only when every table of it is empty)
    if (target > 0)
      for (const t of dstTables.keys())
        if (await dst.driver.reader.get(`SELECT 1 AS x FROM ${t} LIMIT 1`))
          throw new StoreRefused(`${shownLocation(to)} holds a ledger already (its ${t} are not empty): the copy goes into a new file or an empty database`);

    const result: CopyResult = { tables: [], indexed: 0, ms: 0 };
    const d = dst;
    const copying = src.driver.snapshot(async (sc) => {
      const srcTables = await tablesOf(sc, sd);
      for (const name of srcTables.keys())
        if (!dstTables.has(name)) throw new Error(`the ledger has a table ${name} that the copy's schema lacks`);
      for (const [name, t] of srcTables) {
        const cols = dstTables.get(name)!.columns;
        // (what claim_entities keeps of its claims on the target's backend, the copy works out: schema 21)
        // (and a claim's packed columns, one on SQLite and many on PostgreSQL: schema 27)
        const claimForm = name === "claims" && packsClaims(sd) !== packsClaims(dd);
        // (and a fused entity's first name, which SQLite keeps and PostgreSQL works out: schema 29)
        const derived =
          name === "claim_entities" ? entityFacets(dd) : claimForm ? (packsClaims(dd) ? ["packed"] : [...PACKED]) : name === "fused" && elidesNames(dd) && !elidesNames(sd) ? ["name"] : [];
        const extra = claimForm ? (packsClaims(sd) ? ["packed"] : [...PACKED]) : [];
        const missing = cols.filter((c) => !t.readable.includes(c) && !derived.includes(c));
        if (missing.length) throw new Error(`the copy's table ${name} has columns the ledger's lacks: ${missing.join(", ")}`);
        if (!t.key.length) throw new Error(`the ledger's table ${name} has no primary key to copy it in order by`);
        const rows = await copyTable(sc, d, name, cols, [...cols.filter((c) => t.readable.includes(c)), ...extra], t.key, sd, dd, o.onProgress);
        result.tables.push({ name, rows });
      }
      result.indexed = await indexWords(sc, d, dd, o.onProgress, o.unindexed);
    });
    // (what was written stays: the target holds part of the ledger, and a copy into it again is refused)
    await copying.catch((e: unknown) => {
      throw new StoreRefused(`the copy stopped (${(e as Error)?.message ?? String(e)}): ${shownLocation(to)} holds part of the ledger; remove it, or empty the database, before copying again`);
    });
    o.onProgress?.({ table: "statistics", rows: 0, total: 0 });
    await finish(d);
    result.ms = performance.now() - t0;
    return result;
  } finally {
    await src.close();
    await dst?.close();
  }
}

/** One table, page by page in key order; the rows copied. */
async function copyTable(
  sc: Conn,
  dst: SqlStore,
  name: string,
  cols: readonly string[],
  /** The columns read of the ledger: `cols`, but for those the conversion works out. */
  read: readonly string[],
  key: readonly string[],
  sd: Dialect,
  dd: Dialect,
  onProgress?: (p: CopyProgress) => void,
): Promise<number> {
  const total = Number((await sc.get<Row>(`SELECT count(*) AS n FROM ${name}`))!.n);
  const list = read.join(", ");
  const order = key.join(", ");
  const after = `(${order}) > (${key.map(() => "?").join(", ")})`;
  const insert = `INSERT INTO ${name} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`;
  const convert = converter(name, sd, dd);
  let last: unknown[] | undefined;
  let limit = PAGE_ROWS.first;
  let copied = 0;
  onProgress?.({ table: name, rows: 0, total });
  for (;;) {
    const page = await sc.all<Row>(`SELECT ${list} FROM ${name}${last ? ` WHERE ${after}` : ""} ORDER BY ${order} LIMIT ?`, [...(last ?? []), limit]);
    if (!page.length) break;
    last = key.map((k) => page[page.length - 1]![k]);
    let bytes = 0;
    for (const r of page) for (const c of read) bytes += sizeOf(r[c]);
    const rows = await convert(sc, page);
    if (rows.length) await dst.driver.transaction((c) => c.many(insert, rows.map((r) => cols.map((k) => r[k]))));
    copied += page.length;
    onProgress?.({ table: name, rows: copied, total });
    if (page.length < limit) break;
    limit = Math.max(PAGE_ROWS.least, Math.min(PAGE_ROWS.most, Math.floor(PAGE_BYTES / Math.max(1, bytes / page.length))));
  }
  return copied;
}

const sizeOf = (v: unknown) => (typeof v === "string" ? v.length : v instanceof Uint8Array ? v.byteLength : 8);

/**
 * The rows of a table as the target stores them. On the same backend they are copied as they are; across
 * backends, what one stores in a form of its own is read back and written in the other's.
 */
function converter(name: string, sd: Dialect, dd: Dialect): (sc: Conn, rows: Row[]) => Promise<Row[]> {
  const same = sd.backend === dd.backend;
  if (name === "fusion_state") return async (_sc, rows) => rows.filter((r) => !NOT_COPIED_STATES.has(String(r.kind))).map((r) => (same ? r : { ...r, data: encodeState(dd, storedForm.state(r.data)) }));
  if (name === "reports")
    // PostgreSQL gives each report its place in commit order (seq); on SQLite ids are that order
    // (and its words in the target's form: schema 24)
    return async (_sc, rows) => (dd.backend === "postgres" ? rows.map((r) => ({ ...r, ...storedForm.report(dd, r), seq: r.seq ?? r.id })) : rows.map((r) => ({ ...r, ...(!same && storedForm.report(dd, r)), seq: null })));
  if (name === "claim_entities" && entityFacets(dd).length)
    // (each row with its claim's status and source and its report's outlet and language, where the ledger's
    // rows lack them: SQLite's, or PostgreSQL's not filled yet after an upgrade)
    return async (sc, rows) => {
      const want = [...new Set(rows.filter((r) => r.status === null || r.status === undefined).map((r) => Number(r.claim)))];
      if (!want.length) return rows;
      const of = new Map<number, Row>();
      for (let i = 0; i < want.length; i += 1000)
        for (const x of await sc.all<Row>(`SELECT c.id, c.status, c.source, r.source AS outlet, r.language FROM claims c JOIN reports r ON r.id = c.report WHERE ${sd.inList("c.id")}`, [sd.list(want.slice(i, i + 1000))]))
          of.set(Number(x.id), x);
      return rows.map((r) => {
        const x = r.status === null || r.status === undefined ? of.get(Number(r.claim)) : undefined;
        return x ? { ...r, status: x.status, source: x.source, outlet: x.outlet, language: x.language } : r;
      });
    };
  if (same) return async (_sc, rows) => rows;
  if (name === "bodies") return async (_sc, rows) => rows.map((r) => ({ ...r, text: storedForm.encodeBody(dd, storedForm.body(r.text)) }));
  if (name === "entities" || (name === "fused" && elidesNames(dd) && !elidesNames(sd))) {
    // (an entity row leaves out its fused entity's first name where the ledger keeps that in fused.name:
    // schema 29, SQLite; the name is put back for its mentions and left out again where the target does)
    const first = new Map<number, string | undefined>();
    const firstOf = async (sc: Conn, fused: Iterable<number>) => {
      const want = [...new Set(fused)].filter((f) => !first.has(f));
      const got = await storedForm.firstNames(sc, sd, want);
      for (const f of want) first.set(f, got.get(f));
    };
    if (name === "fused")
      return async (sc, rows) => {
        await firstOf(sc, rows.map((r) => Number(r.id)));
        return rows.map((r) => ({ ...r, name: first.get(Number(r.id)) ?? null }));
      };
    return async (sc, rows) => {
      await firstOf(sc, rows.filter((r) => elidesNames(dd) || r.name === null || r.name === undefined).map((r) => Number(r.fused)));
      return rows.map((r) => {
        const f = first.get(Number(r.fused));
        const named = { ...r, name: r.name ?? f ?? null };
        return { ...named, mentions: storedForm.mentions(dd, named), name: elidesNames(dd) && named.name === f ? null : named.name };
      });
    };
  }
  if (name === "claims") return async (_sc, rows) => rows.map((r) => storedForm.claim(dd, r));
  if (name === "times") return async (_sc, rows) => rows.map((r) => ({ ...r, ...storedForm.time(dd, r) }));
  if (name === "events") return async (_sc, rows) => rows.map((r) => ({ ...r, ...storedForm.event(dd, r) }));
  if (name === "names" && namesById(sd) !== namesById(dd))
    // (a name's entity type as a code and its entity by row id, or as words: schema 28; fused ids are copied as they are)
    return async (sc, rows) => {
      const byId = namesById(sd);
      const want = [...new Set(rows.map((r) => r.fkey).filter((k) => (byId ? typeof k !== "string" : true)))];
      const of = new Map<unknown, unknown>();
      for (let i = 0; i < want.length; i += 1000)
        for (const f of await sc.all<Row>(`SELECT id, fkey FROM fused WHERE ${sd.inList(byId ? "id" : "fkey")}`, [sd.list(want.slice(i, i + 1000) as (string | number)[])]))
          if (byId) of.set(Number(f.id), String(f.fkey));
          else of.set(String(f.fkey), BigInt(f.id as number)); // (bound as an INTEGER, not a REAL)
      return rows.map((r) => ({
        ...r,
        type: byId ? (typeof r.type === "string" ? r.type : entityType.word(r.type)) : entityType.code(r.type as never),
        fkey: (byId ? of.get(Number(r.fkey)) : of.get(String(r.fkey))) ?? r.fkey,
      }));
    };
  if (name === "fusion_items")
    return async (sc, rows) => {
      // a record deflated against its report's body is read with that body
      const against = [...new Set(rows.flatMap((r) => (r.against === null || r.against === undefined ? [] : [Number(r.against)])))];
      const bodies = new Map<number, unknown>();
      if (against.length) for (const b of await sc.all<Row>(`SELECT id, text FROM bodies WHERE ${sd.inList("id")}`, [sd.list(against)])) bodies.set(Number(b.id), b.text);
      // (one whose claims' fields are left out, with its report's claim rows)
      const texts = await storedForm.records(sc, sd, rows.map((r) => ({ ...r, body: r.against === null || r.against === undefined ? null : (bodies.get(Number(r.against)) ?? null) })));
      return rows.map((r, i) => {
        const [data, against, words] = storedForm.encodeRecord(dd, texts[i]!);
        return { ...r, data, against, words };
      });
    };
  return async (_sc, rows) => rows;
}

const encodeState = (d: Dialect, json: string | null) => (json === null ? null : storedForm.encodeState(d, json));

/** The index of words of the copy, made from each report's text and its claims' spans; the reports indexed. */
async function indexWords(
  sc: Conn,
  dst: SqlStore,
  dd: Dialect,
  onProgress?: (p: CopyProgress) => void,
  unindexedOf?: (language: string) => ReadonlySet<string> | undefined,
): Promise<number> {
  const ft = fullText(dd);
  const total = Number((await sc.get<Row>("SELECT count(*) AS n FROM reports"))!.n);
  let done = 0;
  let after = -1;
  onProgress?.({ table: "words", rows: 0, total });
  for (;;) {
    const reports = await sc.all<Row>("SELECT id, title, language FROM reports WHERE id > ? ORDER BY id LIMIT ?", [after, 200]);
    if (!reports.length) break;
    const ids = reports.map((r) => Number(r.id));
    const lo = ids[0]!, hi = ids[ids.length - 1]!;
    after = hi;
    const bodies = new Map<number, string>();
    for (const b of await sc.all<Row>("SELECT id, text FROM bodies WHERE id >= ? AND id <= ?", [lo, hi])) bodies.set(Number(b.id), storedForm.body(b.text));
    const claims = new Map<number, Row[]>();
    for (const c of await sc.all<Row>("SELECT id, start, stop, text, status FROM claims WHERE id >= ? AND id < ? ORDER BY id", [lo * SPAN, (hi + 1) * SPAN])) {
      const rep = Math.floor(Number(c.id) / SPAN);
      (claims.get(rep) ?? claims.set(rep, []).get(rep)!).push(c);
    }
    const words: unknown[][] = [];
    const whole: unknown[][] = [];
    for (const r of reports) {
      const id = Number(r.id), text = bodies.get(id) ?? "", title = r.title === null || r.title === undefined ? "" : String(r.title);
      const cs = claims.get(id) ?? [];
      const unindexed = unindexedOf?.(String(r.language));
      for (const c of cs) {
        const span = c.text === null || c.text === undefined ? text.slice(Number(c.start), Number(c.stop)) : String(c.text);
        const p = ft.indexClaimParams(Number(c.id), String(r.language), span, Number(c.status), unindexed);
        if (p) words.push(p);
      }
      if (ft.indexReportRest) words.push(ft.indexReportRest(id, title, text, cs.map((c) => ({ start: Number(c.start), end: Number(c.stop) })), unindexed));
      if (ft.indexReport) whole.push([id, title, text]);
    }
    await dst.driver.transaction(async (c) => {
      if (ft.indexClaims && words.length > 1) await c.run(ft.indexClaims, [words.map((w) => w[0]), words.map((w) => w[1])]);
      else await c.many(ft.indexClaim, words);
      if (ft.indexReport) await c.many(ft.indexReport, whole);
    });
    done += reports.length;
    onProgress?.({ table: "words", rows: done, total });
  }
  return done;
}

/** What a database needs after rows were written with their ids: its counters past them, and the planner's statistics. */
async function finish(dst: SqlStore): Promise<void> {
  const c = dst.driver.reader;
  if (dst.driver.dialect.backend === "postgres") {
    await dst.driver.transaction(async (t) => {
      const ids = await t.all<Row>("SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'");
      for (const x of ids) {
        const table = String(x.t), col = String(x.c);
        if (NOT_LEDGER.has(table) || !/^\w+$/.test(table) || !/^\w+$/.test(col)) continue;
        await t.all(`SELECT setval(pg_get_serial_sequence('${table}', '${col}'), (SELECT coalesce(max(${col}), 0) + 1 FROM ${table}), false)`);
      }
      await t.all("SELECT setval('sitrep_commit_seq', (SELECT coalesce(max(seq), 0) + 1 FROM reports), false)");
    });
    // (a table written in one go has no visibility map yet: without it no index answers a query alone)
    await c.run("VACUUM (ANALYZE)");
  } else await dst.driver.transaction((t) => t.run("ANALYZE"));
}
