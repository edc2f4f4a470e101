// The PostgreSQL backend (node-postgres): one ledger shared by a team, written by ingest workers on any
// number of machines. The SQL is sitrep's one SQL (sql-store.ts over the postgres Dialect); this file only
// runs it: a pool of connections for reads, a connection per write transaction, a read-only repeatable-read
// transaction for a consistent view.
//
// Writers do not take turns for a whole transaction. They take turns only where two reports could decide
// something about each other (the same content or identity, a band of near-duplicate signatures, a name
// new to the ledger): a transaction-scoped advisory lock for each, taken before what it guards is read
// (sql-store.ts, lookup), so that the fusion decisions made while a report is stored read what any writer
// that shares one with it committed, whichever machine it ran on. Rows that many writers update (counters)
// are written in one order. And one short lock goes with the commit, to give the transaction's reports
// their place in commit order (seq: what readers that ask "what is new" go by, as ids no longer follow
// it). Every lock goes with its transaction: a killed writer holds nothing. A write transaction makes few
// round trips: BEGIN goes with its first query, queries that do not depend on one another go together
// (batch), and writes that return nothing wait and go with the next query or the commit.
//
// Every write transaction also sends a notification on commit (NOTIFY sitrep_ledger), so that every
// `sitrep serve` on the database hears at once of reports any worker stored.
import pg from "pg";
import { postgres } from "./dialect.js";
import type { Conn, Driver, ErrorKind } from "./driver.js";

/** Key of the advisory lock that writers hold for their transaction ("sitrep" in ASCII). */
const WRITER_LOCK = 0x736974726570;
export const CHANNEL = "sitrep_ledger";

// 64-bit integers and numerics (sums, counts) as JavaScript numbers: every id and count of the ledger is
// below 2^53 (report * 2^20 + position).
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** Names of prepared statements, by their text: the same few hundred statements run millions of times. */
const prepared = new Map<string, string>();
function statement(text: string, values: readonly unknown[], prepare = true): pg.QueryConfig {
  let name = prepare ? prepared.get(text) : undefined;
  // Statement texts that vary (multi-row inserts) are not worth preparing, nor an unbounded set of them.
  if (!name && prepare && prepared.size < 2000 && !text.includes("/*once*/")) prepared.set(text, (name = `s${prepared.size + 1}`));
  return { text, values: values as unknown[], ...(name && { name }) };
}

type Queryable = pg.Pool | pg.PoolClient;

/**
 * What this process's write transactions cost: round trips to the server, time holding the writers' lock
 * (by the server's clock: what bounds the ledger's rate however many workers there are), and time from
 * asking for the lock to the commit (waiting for other writers included). SITREP_PG_PROFILE=1 also keeps
 * the time of each statement, by its first words.
 */
export const writeStats = { transactions: 0, roundTrips: 0, heldMs: 0, sharedMs: 0, txMs: 0, profile: new Map<string, { n: number; ms: number }>() };
const profiling = !!process.env.SITREP_PG_PROFILE;
if (profiling)
  process.on("exit", () => {
    for (const [k, v] of [...writeStats.profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
      process.stderr.write(`${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(6)}× ${k}\n`);
  });
async function timed<R>(text: string, run: () => Promise<R>): Promise<R> {
  if (!profiling) return run();
  const t = performance.now();
  try {
    return await run();
  } finally {
    const k = text.replace(/\s+/g, " ").trim().slice(0, 60);
    const e = writeStats.profile.get(k) ?? writeStats.profile.set(k, { n: 0, ms: 0 }).get(k)!;
    e.n++;
    e.ms += performance.now() - t;
  }
}

/** A value written into the text of a statement: the same value the server would get as a parameter. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  // (a negative number in brackets: "- ?" must not become the start of a comment)
  if (typeof v === "number") return Number.isFinite(v) ? (v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v)) : `'${String(v)}'`;
  if (typeof v === "bigint") return v < 0n ? `(${String(v)})` : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Uint8Array) return `'\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex")}'::bytea`;
  if (Array.isArray(v)) return pg.escapeLiteral(`{${v.map((x) => (x === null ? "NULL" : `"${String(x).replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`);
  return pg.escapeLiteral(String(v));
}

/** A statement with its parameters written in (for a batch of statements sent as one query). */
function inline(sql: string, params: readonly unknown[]): string {
  let k = 0;
  let out = "";
  let quoted = false;
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === "?" && !quoted ? literal(params[k++]) : ch;
  }
  return out;
}

/** Statements whose result nobody reads: a write transaction sends them later, with the next query. */
const DEFERRABLE = /^\s*(INSERT|UPDATE|DELETE)\b/i;

/**
 * A statement as it goes to the server: its text alone (sent as it is), or a prepared statement with its
 * values (a client's Batch). Single statements only.
 */
type Stmt = string | pg.QueryConfig;

/** About how many bytes a statement sends (for the limit on writes kept waiting). */
function stmtSize(s: Stmt): number {
  if (typeof s === "string") return s.length;
  let n = s.text.length;
  for (const v of s.values ?? []) n += typeof v === "string" ? v.length : v instanceof Uint8Array ? v.byteLength : Array.isArray(v) ? 16 * v.length : 8;
  return n;
}

/** A value as a parameter of the extended protocol (what pg's own queries send for it). */
function param(v: unknown): string | Buffer | null {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return v;
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v)) return `{${v.map((x) => (x === null || x === undefined ? "NULL" : `"${String(x).replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`;
  return String(v);
}

interface PgMessage {
  text?: string;
  fields?: { name: string; dataTypeID: number }[];
}
interface PgConnection {
  parsedStatements: Record<string, string>;
  stream: { cork?(): void; uncork?(): void };
  parse(q: { text: string; name?: string; types?: number[] }): void;
  bind(c: { statement?: string; values: unknown[]; valueMapper: (v: unknown) => unknown }): void;
  describe(m: { type: "P"; name: string }): void;
  execute(c: { portal: string; rows?: number }): void;
  sync(): void;
  on(event: "parseComplete", fn: () => void): void;
  off(event: "parseComplete", fn: () => void): void;
}

/**
 * Statements that go together, as one pg query (a "submittable"): each parsed (or, prepared already on
 * this connection, only bound), bound to its values and executed, and one Sync after them all: one write
 * to the server, one answer, and the server neither parses nor plans again the statements it has prepared,
 * nor parses values written into a text. An error stops the rest (the server skips to the Sync); it is the
 * one reported.
 */
class Batch {
  callback?: (err: Error | null, results?: pg.QueryResult[]) => void;
  private results: pg.QueryResult[] = [];
  private at = 0;
  private parsers: ((v: string) => unknown)[] = [];
  private fields: string[] = [];
  private parsing: { name: string; text: string }[] = [];
  private parsed = 0;
  private failed: Error | null = null;
  private con: PgConnection | undefined;
  // (every Parse answers with a ParseComplete, the unnamed ones too: `parsing` lists them all, in the order
  // sent, so that each answer marks its own statement. Counting the named ones only, an unnamed Parse's answer
  // marked the next named one prepared before the server had parsed it; an error in between (a deadlock)
  // then left that name marked on the connection and never prepared, and every later use of it on that
  // connection failed with "prepared statement does not exist".)
  private onParse = () => {
    const p = this.parsing[this.parsed++];
    if (p?.name && this.con) this.con.parsedStatements[p.name] = p.text;
  };
  constructor(private readonly stmts: readonly pg.QueryConfig[]) {
    this.results = stmts.map(() => ({ command: "", rowCount: 0, oid: 0, fields: [], rows: [] }) as unknown as pg.QueryResult);
  }

  submit(con: PgConnection): null {
    this.con = con;
    con.on("parseComplete", this.onParse);
    con.stream.cork?.();
    try {
      // (a statement twice in one batch is parsed once: the server knows it from the first on)
      const parsing = new Set<string>();
      for (const q of this.stmts) {
        const name = q.name;
        if (!name || (con.parsedStatements[name] === undefined && !parsing.has(name))) {
          if (name) parsing.add(name);
          this.parsing.push({ name: name ?? "", text: q.text });
          con.parse({ text: q.text, name: name ?? "", types: [] });
        }
        con.bind({ statement: name ?? "", values: (q.values ?? []) as unknown[], valueMapper: param });
        con.describe({ type: "P", name: "" });
        con.execute({ portal: "", rows: 0 });
      }
    } catch (e) {
      // (a value that cannot be sent: what was written still ends with the Sync, and the batch fails)
      this.failed = e as Error;
    } finally {
      con.sync();
      con.stream.uncork?.();
    }
    return null;
  }
  handleRowDescription(msg: PgMessage): void {
    this.fields = msg.fields!.map((f) => f.name);
    this.parsers = msg.fields!.map((f) => types.getTypeParser(f.dataTypeID, "text") as (v: string) => unknown);
    this.results[this.at]!.fields = msg.fields as pg.FieldDef[];
  }
  handleDataRow(msg: { fields: (string | null)[] }): void {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < msg.fields.length; i++) {
      const v = msg.fields[i];
      row[this.fields[i]!] = v === null || v === undefined ? null : this.parsers[i]!(v);
    }
    this.results[this.at]?.rows.push(row);
  }
  handleCommandComplete(msg: PgMessage): void {
    const r = this.results[this.at++];
    const m = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/.exec(msg.text ?? "");
    if (r && m) {
      r.command = m[1]!;
      r.rowCount = Number(m[3] ?? m[2] ?? 0);
    }
  }
  handleEmptyQuery(): void {
    this.at++;
  }
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}
  private done(err: Error | null): void {
    this.con?.off("parseComplete", this.onParse);
    this.con = undefined;
    const cb = this.callback;
    this.callback = undefined;
    cb?.(err, err ? undefined : this.results);
  }
  handleError(err: Error): void {
    this.done(this.failed ?? err);
  }
  handleReadyForQuery(): void {
    this.done(this.failed);
  }
}

/**
 * Statement texts with $n parameters, by their text with ?: one map for the process, not one per
 * connection (a write transaction has a connection of its own, so it rewrote every statement again, and the
 * new text was hashed anew to find its prepared name).
 */
const sqlCache = new Map<string, string>();

/** An INSERT … VALUES (…) read once: its parts around the tuple, and which parameters hold its conflict key. */
interface InsertForm {
  head: string;
  tuple: string;
  tail: string;
  /** Which parameter of a row holds each column of the conflict key (an insert that updates on conflict). */
  key: number[] | null;
  /** The statement for n rows, made once for each n. */
  texts: Map<number, string>;
}
/** By statement text; null: not a multi-row insert (each row is a statement). */
const insertForms = new Map<string, InsertForm | null>();

function insertForm(sql: string): InsertForm | null {
  let f = insertForms.get(sql);
  if (f !== undefined) return f;
  f = null;
  const m = /^(\s*INSERT\s+INTO\s+\w+\s*\(([^()]*)\)\s*VALUES\s*)(\([^()]*\))([\s\S]*)$/i.exec(sql);
  if (m) {
    const [, head, columns, tuple, tail] = m;
    let key: number[] | null = null;
    let ok = true;
    if (/DO\s+UPDATE/i.test(tail!)) {
      const conflict = /ON\s+CONFLICT\s*\(([^()]*)\)/i.exec(tail!);
      const cols = columns!.split(",").map((c) => c.trim());
      // which parameter of a row holds each column of the conflict key (the tuple may hold constants)
      const slots = tuple!.slice(1, -1).split(",").map((x) => x.trim());
      const param = new Map<string, number>();
      let k = 0;
      slots.forEach((x, i) => {
        if (x === "?") param.set(cols[i]!, k++);
      });
      const ks = conflict?.[1]!.split(",").map((c) => param.get(c.trim()));
      if (!ks || ks.some((i) => i === undefined)) ok = false;
      else key = ks as number[];
    }
    if (ok) f = { head: head!, tuple: tuple!, tail: tail!, key, texts: new Map() };
  }
  if (insertForms.size > 1000) insertForms.clear();
  insertForms.set(sql, f);
  return f;
}

class PgConn implements Conn {
  /** Round trips made through this connection. */
  trips = 0;
  /**
   * Writes not sent yet (deferring connections only). A write transaction's inserts and updates that
   * return nothing wait here and go with the next query that returns something, or with the commit, as
   * one multi-statement query: a report's dozen inserts cost one round trip, not a dozen. An error
   * among them surfaces with that query, still inside the transaction.
   */
  private pending: Stmt[] = [];
  private pendingChars = 0;
  /**
   * A client (a transaction's, a snapshot's): statements that go together go as one Batch (prepared
   * statements and their values, one round trip). The pool: written out into one text.
   */
  private readonly batched: boolean;
  constructor(
    readonly q: Queryable,
    private readonly defer = false,
  ) {
    this.batched = !(q instanceof pg.Pool);
  }

  /**
   * The last query sent on a client. A client runs one query at a time; callers that ask two at once
   * (a snapshot's `Promise.all` of two reads) are put in line here, not in the client's own queue, which
   * pg 8 deprecates and pg 9 drops. The pool needs none: it gives each query a client of its own.
   */
  private tail: Promise<unknown> = Promise.resolve();

  private inLine<T>(f: () => Promise<T>): Promise<T> {
    if (!this.batched) return f();
    const run = this.tail.then(f, f);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private query(c: pg.QueryConfig | string): Promise<pg.QueryResult> {
    this.trips++;
    const text = typeof c === "string" ? c : c.text;
    return this.inLine(() => timed(text, () => this.q.query(c as pg.QueryConfig)));
  }

  /** A statement to send later with others: prepared (on a client), else written out. */
  private stmt(sql: string, params: readonly unknown[] = []): Stmt {
    if (!this.batched) return inline(sql, params);
    // (one without values is not prepared: a plan made once for it is never made again)
    return statement(this.sql(sql), params, params.length > 0);
  }

  /** Sends the waiting writes with `last` in one round trip; last's result. */
  async flush(last?: Stmt): Promise<pg.QueryResult | undefined> {
    const r = await this.send(last === undefined ? [] : [last]);
    return r[r.length - 1];
  }

  /** The waiting writes and then these statements, in one round trip: the results of these. */
  async send(stmts: readonly Stmt[]): Promise<pg.QueryResult[]> {
    const all = this.pending.length ? [...this.pending, ...stmts] : stmts;
    const before = this.pending.length;
    this.pending = [];
    this.pendingChars = 0;
    if (!all.length) return [];
    if (!this.batched) {
      const r = (await this.query((all as string[]).join(";\n"))) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(r) ? r : [r]).slice(before);
    }
    this.trips++;
    const b = new Batch(all.map((c) => (typeof c === "string" ? { text: c, values: [] } : c)));
    const r = await this.inLine(() =>
      timed(`batch of ${all.length}`, () =>
        new Promise<pg.QueryResult[]>((resolve, reject) => {
          b.callback = (err, results) => (err ? reject(err) : resolve(results!));
          (this.q as pg.PoolClient).query(b as unknown as pg.QueryConfig);
        }),
      ),
    );
    return r.slice(before);
  }

  /**
   * Writes to rows other writers write too (late()), in the order made: they go after every other write of
   * the transaction, with the commit (or before a savepoint's statement), so that the row locks they
   * take are held only from there to the commit. A note of the server's clock goes first (writeStats).
   */
  private lateTexts: Stmt[] = [];
  private lateView: Conn | undefined;

  late(): Conn {
    if (!this.defer) return this;
    const self = this;
    return (this.lateView ??= {
      all: (sql, params) => self.all(sql, params),
      get: (sql, params) => self.get(sql, params),
      async run(sql: string, params: readonly unknown[] = []) {
        if (!DEFERRABLE.test(sql) || /\bRETURNING\b/i.test(sql)) return self.run(sql, params);
        self.lateTexts.push(self.stmt(sql, params));
        return 0;
      },
      many: (sql, rows) => self.manyInto(sql, rows, (text, params) => this.lateView!.run(text, params)),
    });
  }

  /** The late writes, after those waiting, with a note of when they began (as the transaction's first). */
  private takeLate(): void {
    if (!this.lateTexts.length) return;
    this.pending.push(this.stmt("SELECT set_config('sitrep.shared', coalesce(nullif(current_setting('sitrep.shared', true), ''), clock_timestamp()::text), true)"), ...this.lateTexts);
    this.lateTexts = [];
  }

  /** Everything not sent yet, late writes last, then these statements: for the commit. */
  async finish(texts: readonly string[]): Promise<pg.QueryResult[]> {
    this.takeLate();
    return this.send(texts.map((t) => this.stmt(t)));
  }

  /** Starts with these statements, sent with the first query (a transaction's BEGIN). */
  prefix(texts: readonly string[]): void {
    this.pending.unshift(...texts);
  }

  /** Nothing was sent yet: what waits (a BEGIN) can be dropped. */
  untouched(): boolean {
    return this.trips === 0;
  }

  /** Is something waiting to go with the next query (writes, BEGIN)? */
  private get waiting(): boolean {
    return this.pending.length > 0;
  }

  async batch<T>(qs: readonly { sql: string; params: readonly unknown[] }[]): Promise<T[][]> {
    if (!qs.length) return [];
    if (qs.length === 1 && !this.waiting) return [await this.all<T>(qs[0]!.sql, qs[0]!.params)];
    return (await this.send(qs.map((q) => this.stmt(q.sql, q.params)))).map((r) => r.rows as T[]);
  }

  private sql(text: string): string {
    let s = sqlCache.get(text);
    if (s === undefined) {
      s = postgres.params(text);
      if (sqlCache.size > 2000) sqlCache.clear();
      sqlCache.set(text, s);
    }
    return s;
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    // with writes waiting: all in one query, this one's rows last
    if (this.waiting) return (await this.flush(this.stmt(sql, params)))!.rows as T[];
    const r = await this.query(statement(this.sql(sql), params));
    return r.rows as T[];
  }
  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    if (this.defer) {
      if (DEFERRABLE.test(sql) && !/\bRETURNING\b/i.test(sql)) {
        const s = this.stmt(sql, params);
        this.pending.push(s);
        this.pendingChars += stmtSize(s);
        if (this.pendingChars > 4 << 20) await this.flush();
        return 0;
      }
      // A savepoint is set, or let go, after the writes before it (and its failures surface inside it);
      // rolling back to one drops the writes not sent yet, all made after it.
      if (/^\s*ROLLBACK\s+TO\b/i.test(sql)) {
        this.pending = [];
        this.pendingChars = 0;
        this.lateTexts = [];
      } else if (/^\s*(SAVEPOINT|RELEASE)\b/i.test(sql)) {
        // (what a savepoint keeps or undoes must have been sent before it)
        this.takeLate();
        return (await this.flush(this.stmt(sql, params)))!.rowCount ?? 0;
      } else if (this.waiting || !params.length) return (await this.flush(this.stmt(sql, params)))!.rowCount ?? 0;
    }
    if (!params.length && !/\?/.test(sql)) return (await this.query(sql)).rowCount ?? 0;
    return (await this.query(statement(this.sql(sql), params))).rowCount ?? 0;
  }
  many(sql: string, rows: readonly (readonly unknown[])[]): Promise<void> {
    return this.manyInto(sql, rows, (text, params) => this.run(text, params));
  }

  /** many, each statement written through `write` (a deferring connection's run, or its late writes). */
  private async manyInto(sql: string, rows: readonly (readonly unknown[])[], write: (sql: string, params: readonly unknown[]) => Promise<number>): Promise<void> {
    if (!rows.length) return;
    if (rows.length === 1) return void (await write(sql, rows[0]!));
    // An insert goes as multi-row inserts: one round trip for many rows. One that updates on conflict
    // cannot hold the same key twice: rows go in rounds, the k-th row of each key in round k, so that each
    // key's rows are still applied in their order.
    const form = insertForm(sql);
    if (!form) {
      for (const r of rows) await write(sql, r);
      return;
    }
    let rounds: (readonly unknown[])[][] = [rows as (readonly unknown[])[]];
    const key = form.key;
    if (key) {
      rounds = [];
      const seen = new Map<string, number>();
      for (const r of rows) {
        const id = JSON.stringify(key.map((i) => r[i]));
        const n = seen.get(id) ?? 0;
        seen.set(id, n + 1);
        (rounds[n] ??= []).push(r);
      }
    }
    // Rows go in parts of a power of two (13: 8, 4, 1), so that a statement has few forms, each
    // prepared once on a connection (at most 30,000 values a statement: the protocol allows 65,535).
    const per = rows[0]!.length || 1;
    const most = 2 ** Math.floor(Math.log2(Math.max(1, Math.floor(30000 / per))));
    for (const round of rounds)
      for (let i = 0; i < round.length; ) {
        const n = Math.min(most, 2 ** Math.floor(Math.log2(round.length - i)));
        const part = round.slice(i, (i += n));
        if (part.length === 1) {
          await write(sql, part[0]!);
          continue;
        }
        let text = form.texts.get(part.length);
        if (text === undefined) form.texts.set(part.length, (text = `${form.head}${Array(part.length).fill(form.tuple).join(", ")}${form.tail}`));
        if (this.defer) await write(text, part.flat());
        else await this.query(statement(this.sql(text), part.flat()));
      }
  }
}

export interface PostgresOptions {
  readonly?: boolean;
  /** How long one statement waits for a lock before the write is tried again (ms). */
  busyWaitMs?: number;
  /** Connections in the pool (reads and views; writes of one process go one at a time). */
  poolSize?: number;
  /** Commit without waiting for the disk (a crash of the database loses the last commits, in order). */
  asyncCommit?: boolean;
}

export class PostgresDriver implements Driver {
  readonly dialect = postgres;
  readonly readonly: boolean;
  readonly pool: pg.Pool;
  private r: PgConn;
  private listener: pg.Client | undefined;
  private listeners = new Set<() => void>();
  private notices = 0;
  private closed = false;

  constructor(
    readonly url: string,
    readonly location: string,
    private readonly o: PostgresOptions = {},
  ) {
    this.readonly = !!o.readonly;
    const options = [
      o.readonly ? "-c default_transaction_read_only=on" : "",
      o.asyncCommit ? "-c synchronous_commit=off" : "",
      // A statement that waits longer than this for a lock fails as busy, and the write is tried again.
      `-c lock_timeout=${Math.max(1000, o.busyWaitMs ?? 60_000)}`,
      // The planner cannot estimate a join of reports to their range of claim keys (it takes a page of 51
      // rows for a hundred million), so it compiled such queries with JIT (0.9 s of a count that takes
      // 0.1 s) and started parallel workers for them (0.15 s for a page read in 2 ms). The reads are
      // index walks that stop early: neither pays.
      "-c jit=off -c max_parallel_workers_per_gather=0",
    ]
      .filter(Boolean)
      .join(" ");
    this.pool = new pg.Pool({ connectionString: url, max: o.poolSize ?? 6, types, options, application_name: "sitrep", idleTimeoutMillis: 30_000 } as pg.PoolConfig);
    // An idle connection the server drops (a restart) is an event of the pool, not a crash of sitrep.
    this.pool.on("error", () => undefined);
    this.r = new PgConn(this.pool);
  }

  get reader(): Conn {
    return this.r;
  }

  async schemaVersion(): Promise<number> {
    const meta = await this.pool.query<{ t: string | null }>("SELECT to_regclass('sitrep_meta')::text AS t");
    if (meta.rows[0]?.t) {
      const v = await this.pool.query<{ value: string }>("SELECT value FROM sitrep_meta WHERE key = 'schema'");
      return Number(v.rows[0]?.value ?? 0);
    }
    // Tables of something else in the schema sitrep would write to: not a ledger (the job queue aside).
    const other = await this.pool.query<{ n: number }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'sitrep_jobs'",
    );
    return Number(other.rows[0]!.n) > 0 ? -1 : 0;
  }

  async migrate(version: number, sql: string): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query("BEGIN");
      await c.query("SELECT pg_advisory_xact_lock($1)", [WRITER_LOCK]);
      await c.query("CREATE TABLE IF NOT EXISTS sitrep_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      // Another process may have run it while this one waited for the lock.
      const v = await c.query<{ value: string }>("SELECT value FROM sitrep_meta WHERE key = 'schema'");
      if (Number(v.rows[0]?.value ?? 0) < version) {
        await c.query(sql);
        await c.query("INSERT INTO sitrep_meta (key, value) VALUES ('schema', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(version)]);
      }
      await c.query("COMMIT");
    } catch (e) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async transaction<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    if (this.readonly) throw new Error(`the ledger ${this.location} is open for reading only`);
    const client = await this.pool.connect();
    let broken = false;
    try {
      // (each pair of statements in one round trip: a query with no parameters may hold several)
      const t0 = performance.now();
      const conn = new PgConn(client, true);
      // BEGIN goes with the transaction's first query. Writers take turns only for the commit itself:
      // the reports of the transaction get their place in commit order (seq, see schema.ts), and the
      // lock goes with the commit. The server notes when it got the lock.
      conn.prefix(["BEGIN"]);
      const out = await fn(conn);
      const end = (
        await conn.finish([
          `SELECT pg_advisory_xact_lock(${WRITER_LOCK}), set_config('sitrep.locked', clock_timestamp()::text, true)`,
          "UPDATE reports SET seq = nextval('sitrep_commit_seq') WHERE seq IS NULL",
          `SELECT pg_notify('${CHANNEL}', ''), 1000 * extract(epoch FROM clock_timestamp() - current_setting('sitrep.locked')::timestamptz) AS held,
             1000 * extract(epoch FROM clock_timestamp() - coalesce(nullif(current_setting('sitrep.shared', true), ''), current_setting('sitrep.locked'))::timestamptz) AS shared`,
          "COMMIT",
        ])
      )[2];
      writeStats.heldMs += Number((end?.rows[0] as { held?: unknown } | undefined)?.held ?? 0);
      writeStats.sharedMs += Number((end?.rows[0] as { shared?: unknown } | undefined)?.shared ?? 0);
      writeStats.transactions++;
      writeStats.roundTrips += conn.trips;
      writeStats.txMs += performance.now() - t0;
      return out;
    } catch (e) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true;
      }
      throw e;
    } finally {
      client.release(broken);
    }
  }

  async snapshot<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // BEGIN goes with the view's first query, and the COMMIT is not waited for (the connection sends it
    // before anything its next user asks): a page of claims is a dozen short reads, and on a busy machine
    // each round trip costs more than the read itself.
    const conn = new PgConn(client);
    conn.prefix(["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"]);
    try {
      return await fn(conn);
    } finally {
      if (!conn.untouched()) void client.query("COMMIT").catch(() => undefined);
      client.release();
    }
  }

  errorKind(e: unknown): ErrorKind {
    const code = String((e as { code?: unknown })?.code ?? "");
    // serialization failure, deadlock, lock not available (lock_timeout), a statement cancelled by it
    if (code === "40001" || code === "40P01" || code === "55P03") return "busy";
    // disk full, out of memory, too many connections … and a read-only server
    if (code.startsWith("53") || code === "25006") return "full";
    return "other";
  }

  /** Moves whenever anyone commits a write (the next transaction id), or a notification arrives. */
  async changeMark(): Promise<number> {
    const r = await this.pool.query<{ x: number }>({ name: "sitrep_mark", text: "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS x" });
    return Number(r.rows[0]!.x) * 1024 + (this.notices % 1024);
  }

  async exclusive<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
    const client = await this.pool.connect();
    try {
      const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)::bigint) AS ok", [`sitrep:${name}`]);
      if (!got.rows[0]!.ok) return undefined;
      try {
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext($1)::bigint)", [`sitrep:${name}`]);
      }
    } finally {
      client.release();
    }
  }

  /** Calls back whenever any process commits a write to this database (LISTEN). */
  async onChange(cb: () => void): Promise<() => void> {
    this.listeners.add(cb);
    if (!this.listener && !this.closed) {
      const client = new pg.Client({ connectionString: this.url, types, application_name: "sitrep-listen" } as pg.ClientConfig);
      this.listener = client;
      client.on("error", () => undefined);
      client.on("notification", () => {
        this.notices++;
        for (const l of this.listeners) l();
      });
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    }
    return () => this.listeners.delete(cb);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    if (this.listener) await this.listener.end().catch(() => undefined);
    await this.pool.end();
  }
}
