import { existsSync } from "node:fs";
import type { Lang } from "../model/doc.js";
import { openStore } from "../store/db.js";
import { buildPicture } from "../ledger/picture.js";
import { composeBriefing, renderBriefing } from "../brief/index.js";

export class NoLedger extends Error {}

export function openLedger(dbFile: string) {
  if (!existsSync(dbFile)) throw new NoLedger(`no ledger at ${dbFile}: run \`sitrep ingest\` first (or pass --db FILE)`);
  return openStore(dbFile, { readonly: true });
}

export function briefText(dbFile: string, o: { lang: Lang; format: "md" | "html" | "json"; since?: string; limit?: number }): string {
  const store = openLedger(dbFile);
  try {
    const picture = buildPicture(store, { lang: o.lang, since: o.since, limit: o.limit });
    return renderBriefing(composeBriefing(picture, o.lang), o.format);
  } finally {
    store.close();
  }
}
