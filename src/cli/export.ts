import { setFlagsFromString } from "node:v8";
import type { Lang } from "../model/doc.js";
import { ledgerExport } from "../ledger/export.js";
import { keptCurrent } from "../ledger/exportparts.js";
import { claimsCsv } from "../export/csv.js";
import { exportJson, pipeTo, placesGeoJson } from "../export/stream.js";
import { openLedger } from "./brief.js";
import { corrected } from "../store/index.js";

/** How much V8 lets the heap grow past what a full collection leaves, in percent, while an export streams. */
export const EXPORT_HEAP_GROWTH = 50;

/**
 * The V8 flag that bounds the heap's growth for a streaming export, unless the user set one of their own
 * that sizes the heap (on the command line or in NODE_OPTIONS). An export's live set is small (40-60 MB at
 * 100,000 reports) and almost all it allocates is garbage a page later, but V8, allowed gigabytes on a large
 * machine, lets the old generation grow to four times what its last full collection left before the next
 * one: 380 MB at the peak, 250 MB of it garbage. At half as much again the same export peaks at 250 MB.
 * The factor is read at every full collection, so setting it now holds for the rest of the process.
 */
export function heapGrowthFlag(execArgv: readonly string[], nodeOptions = ""): string | undefined {
  const own = [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => /^--(heap-growing-percent|heap_growing_percent|max-old-space-size|max_old_space_size|max-heap-size|max_heap_size)\b/.test(a));
  return own ? undefined : `--heap-growing-percent=${EXPORT_HEAP_GROWTH}`;
}

/** Writes the export as it is read (flat memory however large the ledger). */
export async function exportTo(db: string, o: { format: "json" | "csv" | "geojson"; lang: Lang }, out: NodeJS.WritableStream): Promise<void> {
  const store = await openLedger(db);
  try {
    await store.snapshot(async (r) => {
      const rd = await corrected(r);
      // Only when the parts fused across the ledger are read back as kept: when they are not, they are worked
      // out in memory first, a heap of gigabytes at 100,000 reports that V8 is left to grow as it sees fit.
      const kept = await keptCurrent(rd, await rd.ledgerVersion(), o.lang);
      const flag = kept.entities && kept.lists ? heapGrowthFlag(process.execArgv, process.env.NODE_OPTIONS) : undefined;
      if (flag) setFlagsFromString(flag);
      const x = ledgerExport(rd, o.lang);
      await pipeTo(o.format === "csv" ? claimsCsv(x.claimLines()) : o.format === "geojson" ? placesGeoJson(x) : exportJson(x), out);
    });
  } finally {
    await store.close();
  }
}
