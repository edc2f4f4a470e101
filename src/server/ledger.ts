// Which ledger `sitrep serve` runs on: the SQLite store at --db (created when missing), or, with --memory,
// one that lives only as long as the process.
import { MemoryLedger } from "./memory.js";
import type { LedgerPort } from "./port.js";
import { StoreLedger } from "./store.js";

export interface OpenedLedger {
  port: LedgerPort;
  description: string;
}

export async function openLedger(db: string | undefined): Promise<OpenedLedger> {
  if (db === undefined) return { port: new MemoryLedger(), description: "an in-memory ledger (nothing is kept after exit)" };
  return { port: new StoreLedger(db), description: `the ledger ${db}` };
}
