// What a backend supplies to the store: connections that run SQL (written with ? placeholders, see
// dialect.ts), transactions, and how its errors read. Everything else (the queries, the bookkeeping, the
// retries) is shared by both backends in sql-store.ts.
import type { Dialect } from "./dialect.js";

export interface Conn {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Resolves to the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** The same statement once for each row of parameters (a prepared statement, or one multi-row insert). */
  many(sql: string, rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Queries that do not depend on one another, in one round trip (a server backend); the rows of each. */
  batch?<T>(qs: readonly { sql: string; params: readonly unknown[] }[]): Promise<T[][]>;
  /**
   * Runs fn before the transaction takes the writers' lock (a server backend: the lock otherwise goes with
   * the transaction's first query). fn may only read: what it asks of the ledger may change before the
   * lock is held, and a row it wrote could be one another writer holding the lock waits for.
   */
  beforeLock?<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * The same connection for writes to rows that other writers write too (counters kept current by every
   * report): a server backend sends them as late as it can, just before the commit (or a savepoint), so
   * that the row locks they take are held for the commit only, not while the rest of the transaction is
   * written. Nothing of the transaction may read what they write before then. Without it: at once.
   */
  late?(): Conn;
}

export type ErrorKind = "busy" | "full" | "other";

export interface Driver {
  readonly dialect: Dialect;
  readonly location: string;
  readonly readonly: boolean;
  /** A connection for reads outside transactions. */
  readonly reader: Conn;
  /** The schema version of the ledger (0: empty). */
  schemaVersion(): Promise<number>;
  /** Runs one migration and records its version, atomically. */
  migrate(version: number, sql: string): Promise<void>;
  /** One attempt at a write transaction: commits when fn resolves, rolls back when it throws. */
  transaction<T>(fn: (c: Conn) => Promise<T>): Promise<T>;
  /** fn over one consistent read view (its own connection or read transaction). */
  snapshot<T>(fn: (c: Conn) => Promise<T>): Promise<T>;
  errorKind(e: unknown): ErrorKind;
  /** Changes whenever any connection commits. */
  changeMark(): Promise<number>;
  /**
   * Runs fn unless another process holds the lock of this name (a server backend: an advisory lock on a
   * session of its own); undefined when it was held. Without it, fn always runs.
   */
  exclusive?<T>(name: string, fn: () => Promise<T>): Promise<T | undefined>;
  /** Calls back when any process commits (where the backend can tell at once). */
  onChange?(cb: () => void): Promise<() => void>;
  close(): Promise<void>;
}
