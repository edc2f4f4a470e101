// The SQLite backend (better-sqlite3): a ledger in one file, for one machine. Synchronous underneath; the
// driver's promises resolve at once. Writes go through one connection in WAL mode (readers never wait for
// the writer), reads through another, and a consistent view (an export, a briefing) opens a connection
// of its own for its duration.
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { sqlite } from "./dialect.js";
import type { Conn, Driver, ErrorKind } from "./driver.js";

type Stmt = Database.Statement<unknown[], unknown>;

class SqliteConn implements Conn {
  private stmts = new Map<string, Stmt>();
  constructor(readonly db: Database.Database) {}

  private prep(sql: string): Stmt {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      // A cache without bound would grow with every distinct query text; the set used is small.
      if (this.stmts.size > 500) this.stmts.clear();
      this.stmts.set(sql, s);
    }
    return s;
  }

  allSync<T>(sql: string, params: readonly unknown[] = []): T[] {
    return this.prep(sql).all(...params) as T[];
  }
  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.prep(sql).all(...params) as T[];
  }
  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.prep(sql).get(...params) as T | undefined;
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.prep(sql).run(...params).changes;
  }
  async many(sql: string, rows: readonly (readonly unknown[])[]): Promise<void> {
    if (!rows.length) return;
    const s = this.prep(sql);
    for (const r of rows) s.run(...r);
  }
}

export interface SqliteOptions {
  readonly?: boolean;
  /** How long SQLite itself waits for another writer's lock before reporting busy (ms). */
  busyWaitMs?: number;
  /** A ledger smaller than this (bytes) is never compacted at close (see close). */
  compactFrom?: number;
}

/**
 * The writer compacts the ledger at close (VACUUM) when this session grew it by at least this share of its
 * size at close. Rows are written in key order only for claims and reports: the indexes and the tables keyed
 * by hashes, names and fused ids (a third of a ledger) fill their pages at random, and rewriting the file
 * packs them (3% of the file at 10,000 reports, after `sitrep ingest` and its refresh). A compaction costs the
 * file's size once; made only after a session that wrote a fifth of it, its cost stays within five times
 * what was written, however a ledger grows (small ingests into a large ledger never compact it).
 */
const COMPACT_GROWTH = 0.2;
/** Pages that hold the ledger (the file's, less those free for reuse): what a session's writes grow. */
const usedPages = (db: Database.Database): number =>
  (db.pragma("page_count", { simple: true }) as number) - (db.pragma("freelist_count", { simple: true }) as number);
const COMPACT_FROM = 1 << 20;

export class SqliteDriver implements Driver {
  readonly dialect = sqlite;
  readonly readonly: boolean;
  private w: SqliteConn | undefined;
  private r: SqliteConn;
  private busyWaitMs: number;
  /** The pages in use when the writer opened the file (usedPages), and the size from which it is compacted at close. */
  private pagesAtOpen = 0;
  private compactFrom: number;
  /** Did this session bring the schema up to date? Then it compacts at close too (once per upgrade). */
  private migrated = false;

  constructor(readonly location: string, o: SqliteOptions = {}) {
    this.readonly = !!o.readonly;
    this.busyWaitMs = o.busyWaitMs ?? 2000;
    this.compactFrom = o.compactFrom ?? COMPACT_FROM;
    if (!this.readonly) {
      const db = new Database(location, { timeout: this.busyWaitMs });
      // Pages of 8 KB hold report bodies and index runs with less waste (a new ledger only; ignored after).
      db.pragma("page_size = 8192");
      // WAL + NORMAL: a killed process loses at most the transaction in flight, never half of one.
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("cache_size = -64000");
      db.pragma("automatic_index = OFF");
      this.w = new SqliteConn(db);
      this.pagesAtOpen = usedPages(db);
    }
    this.r = new SqliteConn(this.open(true));
  }

  private open(readonly: boolean): Database.Database {
    const db = new Database(this.location, { readonly, fileMustExist: true, timeout: this.busyWaitMs });
    // Readers mostly stream (exports) or look up a few rows: a small page cache; the OS caches the file.
    db.pragma("cache_size = -16000");

    // A temporary index built for one query over a large table costs more than it saves, every time.
    db.pragma("automatic_index = OFF");
    return db;
  }

  get reader(): Conn {
    return this.r;
  }

  /** The writing connection itself, for maintenance and for tests (a size limit stands in for a full disk). */
  get database(): Database.Database | undefined {
    return this.w?.db;
  }

  private writer(): SqliteConn {
    if (!this.w) throw new Error(`the ledger ${this.location} is open for reading only`);
    return this.w;
  }

  async schemaVersion(): Promise<number> {
    const v = this.r.db.pragma("user_version", { simple: true }) as number;
    if (v === 0 && this.r.allSync<{ n: number }>("SELECT count(*) AS n FROM sqlite_master")[0]!.n > 0) return -1;
    return v;
  }

  async migrate(version: number, sql: string): Promise<void> {
    const db = this.writer().db;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
    // (a migration may have written tables anew, leaving their old pages and half-filled new ones)
    this.migrated = true;
  }

  async transaction<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    const c = this.writer();
    c.db.exec("BEGIN IMMEDIATE");
    try {
      const out = await fn(c);
      c.db.exec("COMMIT");
      return out;
    } catch (e) {
      if (c.db.inTransaction) c.db.exec("ROLLBACK");
      throw e;
    }
  }

  async snapshot<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    // A reader of its own (opening one costs more than many reads): the reading connection when the store
    // is only read (a command that briefs or exports) and no view is open on it; else a new connection, so
    // that a long view (an export that streams) never holds back what the reading connection sees.
    // Connections of views are kept for the next view (a few): a new one starts with an empty page cache
    // and no prepared statements, and a page of claims read through one cost several times as much.
    const own = !this.readonly || this.r.db.inTransaction;
    const c = own ? (this.idle.pop() ?? new SqliteConn(this.open(true))) : this.r;
    const db = c.db;
    let ok = false;
    try {
      db.exec("BEGIN");
      const out = await fn(c);
      ok = true;
      return out;
    } finally {
      if (db.inTransaction) db.exec("COMMIT");
      if (own) {
        if (ok && !this.closed && this.idle.length < 4) this.idle.push(c);
        else db.close();
      }
    }
  }

  /** Reading connections of finished views, for the next ones. */
  private idle: SqliteConn[] = [];
  private closed = false;

  errorKind(e: unknown): ErrorKind {
    const code = String((e as { code?: unknown })?.code ?? "");
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
    if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_READONLY") || code === "SQLITE_CANTOPEN") return "full";
    return "other";
  }

  async changeMark(): Promise<number> {
    return this.r.db.pragma("data_version", { simple: true }) as number;
  }

  async close(): Promise<void> {
    // The readers first: the writer, closing last, folds the write-ahead log into the file and removes it.
    this.closed = true;
    for (const c of this.idle.splice(0)) if (c.db.open) c.db.close();
    if (this.r.db.open) this.r.db.close();
    if (this.w?.db.open) {
      // Statistics for the query planner, cheap when nothing changed.
      try {
        this.w.db.pragma("optimize");
      } catch {
        /* a full disk or a lock: the statistics can wait */
      }
      this.compact(this.w.db);
      // SQLite folds the log into the file when its last connection closes, but a reader may outlive the
      // writer (`brief` keeps its picture through a writer of its own while its read-only store is open) and
      // a read-only connection never folds it: the picture and export parts a brief kept stayed in the log,
      // 4.4 MB beside the file at 10,000 reports. Folded here, unless a reader is reading from it (busy:
      // left to the next writer, as before).
      try {
        this.w.db.pragma("wal_checkpoint(TRUNCATE)");
      } catch {
        /* a full disk: the log stays, whole, and is folded another time */
      }
      this.w.db.close();
    }
  }

  /** VACUUM when this session grew the file enough (COMPACT_GROWTH) or migrated it; skipped when another process writes. */
  private compact(db: Database.Database): void {
    try {
      const pages = db.pragma("page_count", { simple: true }) as number;
      const size = pages * (db.pragma("page_size", { simple: true }) as number);
      if (size < this.compactFrom || db.inTransaction) return;
      if (!this.migrated && usedPages(db) - this.pagesAtOpen < COMPACT_GROWTH * pages) return;
      // (another process reading holds part of the log: the rewritten file would stay in the log, as large
      // as the ledger, for as long as that process reads; it is compacted another time)
      const [log] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
      if (log?.busy) return;
      // (the index of claims' words in one segment: every ingest adds segments of its own, which list a
      // common word's rows again in each; merged, it is a tenth smaller at 10,000 reports, and reads the same)
      db.exec("INSERT INTO claims_fts (claims_fts) VALUES ('optimize')");
      db.exec("VACUUM");
      // (in WAL mode the rewritten file went through the log: give its space back now, where no reader holds it)
      db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      /* another writer, a reader holding the log, a full disk: the ledger stays as it is, whole */
    }
  }

  static exists(file: string): boolean {
    return existsSync(file);
  }
}

/**
 * Each table's and index's bytes in a SQLite ledger's pages, and of them the bytes left unused, largest first
 * (dbstat; opened read-only, so a log not yet folded into the file is read as it is): for size reports.
 */
export function tableSizes(file: string): { name: string; bytes: number; unused: number }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT name, sum(pgsize) AS bytes, sum(unused) AS unused FROM dbstat GROUP BY name ORDER BY bytes DESC").all() as { name: string; bytes: number; unused: number }[];
  } finally {
    db.close();
  }
}
