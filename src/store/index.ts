// Opening a ledger: `--db FILE` (SQLite, the default) or `--db postgres://…` (PostgreSQL), else SITREP_DB,
// else ./sitrep.db. Everything else in sitrep reaches the ledger through the Store interface (types.ts).
import { existsSync } from "node:fs";
import { SqliteDriver } from "./sqlite.js";
import { PostgresDriver } from "./postgres.js";
import { SqlStore } from "./sql-store.js";
import { StoreBehind, StoreRefused, type Store, type StoreOptions } from "./types.js";

export * from "./types.js";
export { reportUid, claimUid, entityUid, reportOfClaim, claimKey, key52 } from "./ids.js";
export { SPAN } from "./schema.js";

export const DEFAULT_LEDGER = "sitrep.db";

/** Where the ledger is: the --db value, else SITREP_DB, else ./sitrep.db. */
export function ledgerLocation(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.SITREP_DB || DEFAULT_LEDGER);
}

export function isDatabaseUrl(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec);
}

/** A ledger location fit to print: a database URL without its password. */
export function shownLocation(spec: string): string {
  return isDatabaseUrl(spec) ? spec.replace(/:\/\/([^:/@]+):[^@]*@/, "://$1:***@") : spec;
}

/** Does a ledger exist there? (A database URL is taken to exist; connecting tells.) */
export function ledgerExists(spec: string): boolean {
  return isDatabaseUrl(spec) || existsSync(spec);
}

export async function openStore(spec: string, o: StoreOptions = {}): Promise<Store> {
  try {
    return await openAs(spec, o);
  } catch (e) {
    if (!(e instanceof StoreBehind) || !o.readonly) throw e;
    // a ledger of an older sitrep, opened to be read (brief, export, serve after an upgrade): brought up to
    // date once, as any write would, then read; where it cannot be written (a read-only file, a role without
    // rights) the refusal says how to update it
    try {
      await (await openAs(spec, { ...o, readonly: false })).close();
    } catch {
      throw e;
    }
    return openAs(spec, o);
  }
}

async function openAs(spec: string, o: StoreOptions): Promise<Store> {
  if (isDatabaseUrl(spec)) return openPostgres(spec, o);
  if (o.readonly && !existsSync(spec)) throw new StoreRefused(`no ledger at ${spec}`);
  let driver: SqliteDriver;
  try {
    driver = new SqliteDriver(spec, { readonly: o.readonly, busyWaitMs: o.busyWaitMs });
  } catch (e) {
    const code = String((e as { code?: unknown })?.code ?? "");
    if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") throw new StoreRefused(`${spec} is not a sitrep ledger (${(e as Error).message})`);
    if (code === "SQLITE_CANTOPEN") throw new StoreRefused(`cannot open the ledger ${spec}: ${(e as Error).message}`);
    throw e;
  }
  return SqlStore.open(driver, o);
}

async function openPostgres(url: string, o: StoreOptions): Promise<Store> {
  const shown = shownLocation(url);
  const driver = new PostgresDriver(url, shown, { readonly: o.readonly, busyWaitMs: o.busyWaitMs, asyncCommit: o.asyncCommit });
  try {
    // An empty database read from is no ledger yet (as a missing file is not); written to, it becomes one.
    // (Asking also tells at once whether the database can be reached.)
    if ((await driver.schemaVersion()) === 0 && o.readonly) throw new StoreRefused(`no ledger at ${shown}: the database is empty (sitrep ingest or sitrep worker creates it)`);
  } catch (e) {
    await driver.close();
    if (e instanceof StoreRefused) throw e;
    throw new StoreRefused(`cannot open the ledger ${shown}: ${(e as Error).message}`);
  }
  return SqlStore.open(driver, o);
}
export { corrected, liveCorrections } from "./corrected.js";
export { encodeReport } from "./sql-store.js";
