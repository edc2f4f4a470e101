import type { Lang } from "../model/doc.js";
import { corrected, ledgerExists, openStore, shownLocation, StoreRefused, type Store } from "../store/index.js";
import { buildPicture } from "../ledger/picture.js";
import { composeBriefing, renderBriefing } from "../brief/index.js";

/** The ledger to read is missing or cannot be opened: one line, exit 1. */
export class NoLedger extends Error {}

export async function openLedger(db: string): Promise<Store> {
  if (!ledgerExists(db)) throw new NoLedger(`no ledger at ${shownLocation(db)}: run \`sitrep ingest\` first (or pass --db FILE)`);
  try {
    return await openStore(db, { readonly: true });
  } catch (e) {
    if (e instanceof StoreRefused) throw new NoLedger(e.message);
    throw e;
  }
}

export async function briefText(db: string, o: { lang: Lang; format: "md" | "html" | "json"; since?: string; limit?: number }): Promise<string> {
  const store = await openLedger(db);
  try {
    return await store.snapshot(async (r) => renderBriefing(composeBriefing(await buildPicture(await corrected(r), { lang: o.lang, since: o.since, limit: o.limit }), o.lang), o.format));
  } finally {
    await store.close();
  }
}
