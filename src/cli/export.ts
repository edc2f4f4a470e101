import type { Lang } from "../model/doc.js";
import { ledgerExport } from "../ledger/export.js";
import { claimsCsv } from "../export/csv.js";
import { exportJson, pipeTo, placesGeoJson } from "../export/stream.js";
import { openLedger } from "./brief.js";
import { corrected } from "../store/index.js";

/** Writes the export as it is read (flat memory however large the ledger). */
export async function exportTo(db: string, o: { format: "json" | "csv" | "geojson"; lang: Lang }, out: NodeJS.WritableStream): Promise<void> {
  const store = await openLedger(db);
  try {
    await store.snapshot(async (r) => {
      const x = ledgerExport(await corrected(r), o.lang);
      await pipeTo(o.format === "csv" ? claimsCsv(x.claimLines()) : o.format === "geojson" ? placesGeoJson(x) : exportJson(x), out);
    });
  } finally {
    await store.close();
  }
}
