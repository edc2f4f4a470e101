import type { Lang } from "../model/doc.js";
import { exportLedger } from "../ledger/export.js";
import { claimsCsv, placesGeoJson } from "../ledger/tables.js";
import { openLedger } from "./brief.js";

export function exportText(dbFile: string, o: { format: "json" | "csv" | "geojson"; lang: Lang }): string {
  const store = openLedger(dbFile);
  try {
    const ledger = exportLedger(store, o.lang);
    if (o.format === "csv") return claimsCsv(ledger);
    if (o.format === "geojson") return JSON.stringify(placesGeoJson(ledger), null, 2) + "\n";
    return JSON.stringify(ledger, null, 2) + "\n";
  } finally {
    store.close();
  }
}
