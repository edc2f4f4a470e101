// Text renderings of the server's structured views (briefing as Markdown or HTML, claims as CSV). Every
// piece of report text is escaped for the format it goes into.
import type { Briefing, BriefFormat, ClaimRow, Rendered } from "./port.js";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** Markdown inline text: characters that would start markup are escaped, line breaks flattened. */
function md(s: string): string {
  return s.replace(/\s+/g, " ").trim().replace(/([\\`*_{}[\]()#+!|<>~])/g, "\\$1");
}

const cite = (b: Briefing["sections"][number]["lines"][number]) => b.cites.map((c) => `${c.report}:${c.start}-${c.end}`).join(", ");

export function renderBriefing(b: Briefing, format: BriefFormat): Rendered {
  if (format === "json") return { contentType: "application/json", body: JSON.stringify(b) };
  if (format === "md") {
    const out = [`# ${md(b.title)}`, ""];
    for (const s of b.sections) {
      out.push(`## ${md(s.heading)}`, "");
      for (const l of s.lines) out.push(`- ${md(l.text)}${l.who ? ` — *${md(l.who)}*` : ""} \`${cite(l)}\``);
      out.push("");
    }
    return { contentType: "text/markdown; charset=utf-8", body: out.join("\n") };
  }
  const out = [`<!doctype html><html lang="${b.lang}"><meta charset="utf-8"><title>${escapeHtml(b.title)}</title>`, `<h1>${escapeHtml(b.title)}</h1>`];
  for (const s of b.sections) {
    out.push(`<h2>${escapeHtml(s.heading)}</h2><ul>`);
    for (const l of s.lines) out.push(`<li>${escapeHtml(l.text)}${l.who ? ` — <em>${escapeHtml(l.who)}</em>` : ""} <code>${escapeHtml(cite(l))}</code></li>`);
    out.push("</ul>");
  }
  return { contentType: "text/html; charset=utf-8", body: out.join("\n") + "\n" };
}

/** A CSV field; a leading =, +, - or @ is neutralised so a spreadsheet does not run report text as a formula. */
function csv(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function claimsCsv(rows: readonly ClaimRow[]): string {
  const head = ["id", "report", "published", "status", "source", "source_kind", "cue", "quote", "start", "end", "text", "entities", "places", "times"];
  const lines = [head.join(",")];
  for (const c of rows) {
    lines.push(
      [c.id, c.report, c.published, c.status, c.source?.name, c.source?.kind, c.cue?.text, c.quote, c.start, c.end, c.text.replace(/\s+/g, " ").trim(),
        c.entities.map((e) => e.name).join("; "), c.places.map((e) => e.name).join("; "), c.times.join("; ")].map(csv).join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
