import type { Lang } from "../model/doc.js";
import { ledgerExport } from "../ledger/export.js";
import { keptCurrent } from "../ledger/exportparts.js";
import { claimsCsv } from "../export/csv.js";
import { exportJson, pipeTo, placesGeoJson } from "../export/stream.js";
import { openLedger } from "./brief.js";
import { keepExportParts, openForKeeping } from "../ledger/snapshot.js";
import { corrected } from "../store/index.js";
import { boundHeapGrowth } from "./heap.js";

export { EXPORT_HEAP_GROWTH, heapGrowthFlag, boundHeapGrowth } from "./heap.js";

/** Writes the export as it is read (flat memory however large the ledger). */
export async function exportTo(db: string, o: { format: "json" | "csv" | "geojson"; lang: Lang }, out: NodeJS.WritableStream): Promise<void> {
  const store = await openLedger(db);
  try {
    // Parts never made, or made by another sitrep or for another version (json and csv read them, geojson
    // does not): made and kept first when the ledger can be written, so that this export streams them as
    // every later one will; a ledger that cannot be written to is fused in memory below, as before. The
    // ledger's fusion is then held by the refresh alone, not beside the export's pages, and the next `brief`
    // finds its picture kept.
    if (o.format !== "geojson") {
      const stale = await store.snapshot(async (r) => {
        const k = await keptCurrent(r, await r.ledgerVersion(), o.lang);
        return !(k.entities && k.lists);
      });
      if (stale) {
        boundHeapGrowth();
        await keepExportParts(() => openForKeeping(db));
      }
    }
    await store.snapshot(async (r) => {
      const rd = await corrected(r);
      // Only when the parts fused across the ledger are read back as kept: when they are not, they are worked
      // out in memory first, a heap of gigabytes at 100,000 reports that V8 is left to grow as it sees fit.
      const kept = await keptCurrent(rd, await rd.ledgerVersion(), o.lang);
      if (kept.entities && kept.lists) boundHeapGrowth();
      const x = ledgerExport(rd, o.lang);
      await pipeTo(o.format === "csv" ? claimsCsv(x.claimLines()) : o.format === "geojson" ? placesGeoJson(x) : exportJson(x), out);
    });
  } finally {
    await store.close();
  }
}
