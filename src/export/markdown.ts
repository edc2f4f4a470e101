import type { Claim, Doc } from "../model/doc.js";

const STATUS_ORDER = ["established", "confirmed", "claimed", "probable", "possible", "denied", "unknown"] as const;

function who(c: Claim): string {
  if (!c.source) return "the report";
  return c.source.kind === "unnamed" ? `unnamed (${c.source.name})` : `${c.source.name} (${c.source.kind})`;
}

const one = (s: string) => s.replace(/\s+/g, " ").trim();
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A readable per-report summary: what each report says, who says it, and how sure. */
export function renderSummary(docs: readonly Doc[]): string {
  return docs.map(summaryPart).join("\n\n---\n\n") + "\n";
}

/** One report's part of the summary (renderSummary puts them between rules). */
export function summaryPart(doc: Doc): string {
  const m = doc.meta;
  const lines: string[] = [];
  lines.push(`# ${m.title ?? m.origin ?? m.id}`);
  lines.push("");
  lines.push(
    `${m.source ? `${m.source} · ` : ""}published ${m.published} (from ${m.publishedFrom}) · language ${m.language} (${m.languageFrom}) · ` +
      `${count(doc.sentences.length, "sentence")}, ${count(doc.claims.length, "claim")}`,
  );
  if (m.origin) lines.push(`file: ${m.origin}`);
  for (const status of STATUS_ORDER) {
    const cs = doc.claims.filter((c) => c.status === status);
    if (!cs.length) continue;
    lines.push("", `## ${status} (${cs.length})`, "");
    for (const c of cs) lines.push(`- ${one(c.text)} — *${who(c)}*${c.cue ? ` [${c.cue.text}]` : ""} \`${m.id}:${c.start}-${c.end}\``);
  }
  if (doc.unknowns.length) {
    lines.push("", "## what we don't know", "");
    for (const u of doc.unknowns) lines.push(`- ${one(u.text)} \`${m.id}:${u.start}-${u.end}\``);
  }
  if (doc.counts.length) {
    lines.push("", "## figures", "");
    for (const c of doc.counts) {
      const claim = doc.claims.find((x) => x.id === c.claim);
      lines.push(`- ${c.kind}: ${c.approx === "exact" ? "" : `${c.approx} `}${c.value} ("${one(c.text)}")${claim ? ` — ${who(claim)}` : ""} \`${m.id}:${c.start}-${c.end}\``);
    }
  }
  if (doc.times.length) {
    lines.push("", "## times", "");
    for (const t of doc.times) lines.push(`- ${t.text} → ${t.value} (${t.type}) \`${m.id}:${t.start}-${t.end}\``);
  }
  if (doc.entities.length) {
    lines.push("", "## who and where", "");
    for (const e of doc.entities) {
      const aka = e.aliases.filter((a) => a !== e.name);
      const geo = e.geo ? ` @ ${e.geo.lat.toFixed(3)},${e.geo.lon.toFixed(3)} ${e.geo.country}` : "";
      lines.push(`- ${e.name} (${e.type})${aka.length ? ` aka ${aka.join(", ")}` : ""}${geo} — ${e.mentions.length}×`);
    }
  }
  return lines.join("\n");
}
