// Which ledger `sitrep serve` runs on.
import { MemoryLedger } from "./memory.js";
import type { LedgerPort } from "./port.js";

export interface OpenedLedger {
  port: LedgerPort;
  description: string;
}

export async function openLedger(db: string | undefined): Promise<OpenedLedger> {
  void db;
  return { port: new MemoryLedger(), description: "an in-memory ledger (nothing is kept after exit)" };
}
