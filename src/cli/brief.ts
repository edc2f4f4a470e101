import type { Lang } from "../model/doc.js";
import { ledgerExists, openStore, shownLocation, StoreRefused, type Store } from "../store/index.js";
import { currentPicture, openForKeeping } from "../ledger/snapshot.js";
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
    // the picture kept in the ledger when it is current; else worked out, and kept for the next brief
    const { picture } = await currentPicture(store, { lang: o.lang, since: o.since, limit: o.limit }, () => openForKeeping(db));
    return renderBriefing(composeBriefing(picture, o.lang), o.format);
  } finally {
    await store.close();
  }
}
