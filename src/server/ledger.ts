// Which ledger `sitrep serve` runs on: the one at --db (created when missing), or, with --memory, a ledger
// in a temporary file that is removed when the server stops. Both are the same store underneath.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shownLocation } from "../store/index.js";
import { StoreLedger, type StoreLedgerOptions } from "./store.js";

export interface OpenedLedger {
  port: StoreLedger;
  description: string;
}

export async function openLedger(db: string | undefined, opts: StoreLedgerOptions = { warm: true, warmLater: true }): Promise<OpenedLedger> {
  if (db === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-memory-"));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    process.once("exit", remove);
    const port = await StoreLedger.open(join(dir, "ledger.db"), { ...opts, onClose: remove });
    return { port, description: "a temporary ledger (nothing is kept after exit)" };
  }
  return { port: await StoreLedger.open(db, opts), description: `the ledger ${shownLocation(db)}` };
}
