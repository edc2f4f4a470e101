// The picture the server briefs from: the one the command line keeps and reads (src/ledger/snapshot.ts),
// whether the briefing is made in its worker thread or, without threads, on the calling one. Both ways a
// kept picture that is current is read back, and one that is missing or stale is refreshed in every
// language at once and kept, so no briefing of the server fuses the ledger that a `brief` has already
// fused, and no language fuses it again after the other.
import type { Lang } from "../model/doc.js";
import type { Store } from "../store/index.js";
import { currentPicture, keptPicture, type Pictured } from "../ledger/snapshot.js";

/** Ledgers of at least this many reports are briefed from their last kept picture while a new one is made. */
export const SERVE_STALE_FROM = 1000;

/**
 * The picture of `lang` at `limit` lines. With `refreshSoon` (the worker thread), a large ledger's last kept
 * picture is served, marked stale, while `refreshSoon` makes a new one in the background; a small ledger
 * (fused in well under a second) and a ledger with none kept are refreshed now. `save` opens the ledger
 * for keeping what is made (none: a ledger the server only reads is worked out and not kept).
 */
export async function servedPicture(
  store: Store,
  lang: Lang,
  limit: number,
  save: (() => Promise<Store>) | undefined,
  refreshSoon?: () => void,
): Promise<Pictured> {
  const o = { lang, limit };
  const kept = await store.snapshot((r) => keptPicture(r, o));
  if (kept && !kept.stale) return kept;
  if (kept && refreshSoon && kept.picture.basis.reports >= SERVE_STALE_FROM) {
    refreshSoon();
    return kept;
  }
  return currentPicture(store, o, save);
}
