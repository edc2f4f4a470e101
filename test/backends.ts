// The two backends for the store and ledger suites (this file holds no tests). SQLite always; PostgreSQL
// when SITREP_TEST_PG holds a connection string to a server where the user may create databases: every
// ledger is a database of its own, dropped when the test file ends.
import { test, after } from "node:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";

export const PG_URL = process.env.SITREP_TEST_PG || undefined;

export interface Backend {
  name: "SQLite" | "PostgreSQL";
  /** A new, empty ledger: a file path or a database URL. */
  ledger(): Promise<string>;
  /** Rows of a query on a ledger, outside sitrep (to check what is stored). */
  rows<T = Record<string, unknown>>(spec: string, sql: string): Promise<T[]>;
  /** A number from a query with one row and a column n. */
  n(spec: string, sql: string): Promise<number>;
  /** SQL: a hash column as hexadecimal text. */
  hex(col: string): string;
}

const sqliteBackend: Backend = {
  name: "SQLite",
  async ledger() {
    return join(mkdtempSync(join(tmpdir(), "sitrep-ledger-")), "l.db");
  },
  async rows<T>(spec: string, sql: string) {
    const db = new Database(spec, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  },
  async n(spec, sql) {
    return Number((await this.rows<{ n: number }>(spec, sql))[0]!.n);
  },
  hex: (col) => `lower(hex(${col}))`,
};

/** The URL of another database on the same server as `url`. */
export function withDatabase(url: string, name: string): string {
  const m = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(url);
  if (!m) throw new Error(`SITREP_TEST_PG is not a postgres:// URL: ${url}`);
  return `${m[1]}/${name}${m[3] ?? ""}`;
}

const created: string[] = [];
let seq = 0;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new database on the test server; its URL. */
export async function newDatabase(): Promise<string> {
  const name = `sitrep_test_${process.pid}_${Date.now().toString(36)}_${++seq}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  created.push(name);
  return withDatabase(PG_URL!, name);
}

// Registered when the test file loads (at the top level: a hook registered inside a test would run when
// that test ends), so the databases go when the file's tests are done. Not when this file is itself the
// entry point (node --test runs every file under test/): Node 20 never ends a run of no tests with an
// after hook.
const entry = process.argv[1] ? pathToFileURL(process.argv[1]).href : "";
if (PG_URL && entry !== import.meta.url)
  after(async () => {
    if (!created.length) return;
    await admin(async (c) => {
      for (const d of created) await c.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`).catch(() => undefined);
    });
  });

const postgresBackend: Backend = {
  name: "PostgreSQL",
  ledger: newDatabase,
  async rows<T>(spec: string, sql: string) {
    const c = new pg.Client({ connectionString: spec });
    await c.connect();
    try {
      return (await c.query(sql)).rows as T[];
    } finally {
      await c.end();
    }
  },
  async n(spec, sql) {
    return Number((await this.rows<{ n: string }>(spec, sql))[0]!.n);
  },
  hex: (col) => `encode(${col}, 'hex')`,
};

/** The backends to run on: SQLite, and PostgreSQL when SITREP_TEST_PG is set. */
export const BACKENDS: Backend[] = PG_URL ? [sqliteBackend, postgresBackend] : [sqliteBackend];

let toldSkip = false;
/** A test once per backend, named with the backend; without SITREP_TEST_PG, a skipped test says so. */
export function eachBackend(title: string, fn: (b: Backend) => Promise<void>, o: { timeout?: number } = {}): void {
  for (const b of BACKENDS) test(`${title} [${b.name}]`, { timeout: o.timeout }, () => fn(b));
  if (!PG_URL && !toldSkip) {
    toldSkip = true;
    test.skip("PostgreSQL: SITREP_TEST_PG not set (these tests ran on SQLite only)");
  }
}
