// The one CSV writer (the command line's export and the API's). A cell a spreadsheet would run as a
// formula (one that starts with = + - @, a tab or a carriage return) gets a leading apostrophe, so a report
// that names an outlet "=HYPERLINK(…)" stays text. Rows end in CRLF (RFC 4180); the file starts with a
// byte-order mark so that spreadsheets read the UTF-8 ("Oekraïne") as such.
import type { ClaimLine } from "../ledger/export.js";

export const BOM = "\uFEFF";

export function csvCell(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: readonly (string | number | boolean | null | undefined)[]) => cells.map(csvCell).join(",") + "\r\n";

export const CLAIM_COLUMNS = ["id", "doc", "published", "outlet", "language", "start", "end", "status", "source", "source_kind", "cue", "quote", "times", "places", "figures", "text", "corrected"];

/** What an editor changed, in words: "retracted", "status was claimed", "source was Kyiv". */
function correctedCell(c: ClaimLine["claim"]): string {
  const out: string[] = [];
  if (c.retracted) out.push("retracted");
  if (c.extracted && c.extracted.status !== c.status) out.push(`status was ${c.extracted.status}`);
  if (c.extracted && (c.extracted.source?.name ?? null) !== (c.source?.name ?? null)) out.push(`source was ${c.extracted.source?.name ?? "report"}`);
  return out.join("; ");
}

/** One row per claim: where it is, who says it, how sure, and the times, places and figures inside it. */
export async function* claimsCsv(lines: AsyncIterable<ClaimLine[]>): AsyncIterable<string> {
  yield BOM + csvRow(CLAIM_COLUMNS);
  for await (const page of lines) {
    let out = "";
    for (const { claim: c, document: d, times, places, figures } of page)
      out += csvRow([
        c.id, c.doc, d.published, d.source, d.language, c.start, c.end, c.status, c.source?.name, c.source?.kind, c.cue?.text, c.quote ? "yes" : "no",
        times.join(";"), places.join(";"), figures.join(";"), c.text, correctedCell(c),
      ]);
    if (out) yield out;
  }
}
