// `sitrep copy`: the ledger into another (src/store/copy.ts), with a line of progress on stderr every few
// seconds and at the end of each table (a 100,000-report ledger takes minutes).
import { copyLedger, type CopyProgress } from "../store/copy.js";
import { shownLocation } from "../store/index.js";
import { unindexedWords } from "../ledger/search-words.js";

const EVERY_MS = 3000;

export async function copyText(from: string, to: string, o: { quiet?: boolean } = {}): Promise<string> {
  const say = (p: CopyProgress) => process.stderr.write(`sitrep: copy: ${p.table}${p.table === "statistics" ? " (the planner's, for the new tables)" : ` ${p.rows.toLocaleString("en")} of ${p.total.toLocaleString("en")}`}\n`);
  let shown = Date.now();
  /** The last progress not shown yet: a table's last is shown when the next begins. */
  let unsaid: CopyProgress | undefined;
  const onProgress = (p: CopyProgress) => {
    if (unsaid && unsaid.table !== p.table) say(unsaid);
    unsaid = p;
    if (Date.now() - shown >= EVERY_MS || p.table === "statistics") {
      shown = Date.now();
      say(p);
      unsaid = undefined;
    }
  };
  // (the copy's index of words without function words, as ingest writes a report's)
  const r = await copyLedger(from, to, { unindexed: unindexedWords, ...(!o.quiet && { onProgress }) });
  const rows = r.tables.reduce((n, t) => n + t.rows, 0);
  const reports = r.tables.find((t) => t.name === "reports")?.rows ?? 0;
  return `copied ${reports} reports (${rows} rows in ${r.tables.length} tables, ${r.indexed} reports' words indexed) into ${shownLocation(to)} in ${(r.ms / 1000).toFixed(1)} s\n`;
}
