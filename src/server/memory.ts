// A ledger held in memory: what the API tests run against, and what `sitrep serve` falls back on when no
// store is available. Same behaviour as the store where it matters to clients: idempotent adds by content
// hash, a new version for a known URL with new text, a change event after every change.
import { createHash } from "node:crypto";
import { buildExport } from "../export/json.js";
import type { Lang } from "../model/doc.js";
import { toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { readBody } from "./extract.js";
import type { AddResult, BriefFormat, ExportFormat, LedgerChange, LedgerPort, NewReport, Rendered } from "./port.js";
import { ExportViews } from "./views.js";
import type { Doc } from "../model/doc.js";
import { claimsCsv, renderBriefing } from "./render.js";

export class MemoryLedger implements LedgerPort {
  private docs: { id: string; seq: number; doc: Doc }[] = [];
  private hashes = new Map<string, string>();
  private v = 0;
  private cached: ExportViews | undefined;
  private listeners = new Set<(c: LedgerChange) => void>();

  version(): number {
    return this.v;
  }

  private views(): ExportViews {
    if (!this.cached) {
      const seq = new Map(this.docs.map((d) => [d.id, d.seq]));
      this.cached = new ExportViews(buildExport(this.docs.map((d) => d.doc)), (id) => seq.get(id) ?? 0);
    }
    return this.cached;
  }

  async addReport(input: NewReport): Promise<AddResult> {
    const raws = readBody(input);
    let last: AddResult | undefined;
    for (const raw of raws) {
      const hash = createHash("sha256").update(`${raw.url ?? ""}\u0000${raw.text}`).digest("hex");
      const known = this.hashes.get(hash);
      if (known) {
        const s = this.docs.find((d) => d.id === known)!;
        last = { status: "unchanged", report: known, ...(s.doc.meta.title !== undefined && { title: s.doc.meta.title }), claims: s.doc.claims.length };
        continue;
      }
      const id = `r${this.docs.length + 1}`;
      const doc = runPipeline(toDoc(raw, id, { published: input.published, lang: input.language }));
      const updated = raw.url !== undefined && this.docs.some((d) => d.doc.meta.url === raw.url);
      this.docs = [...this.docs, { id, seq: this.docs.length + 1, doc }];
      this.hashes.set(hash, id);
      this.cached = undefined;
      this.v++;
      last = { status: updated ? "updated" : "added", report: id, ...(doc.meta.title !== undefined && { title: doc.meta.title }), claims: doc.claims.length };
      const change: LedgerChange = { type: "report", status: last.status, report: id, ...(last.title !== undefined && { title: last.title }), version: this.v };
      for (const l of this.listeners) l(change);
    }
    return last!;
  }

  listReports(opts: { limit?: number; offset?: number; q?: string }) {
    return this.views().listReports(opts);
  }
  getReport(id: string) {
    return this.views().getReport(id);
  }
  searchClaims(q: Parameters<ExportViews["searchClaims"]>[0]) {
    return this.views().searchClaims(q);
  }
  entities(opts: { type?: string; q?: string }) {
    return this.views().entities(opts);
  }
  places() {
    return this.views().places();
  }
  timeline() {
    return this.views().timeline();
  }
  contradictions() {
    return this.views().contradictions();
  }
  briefing(lang: Lang) {
    return this.views().briefing(lang);
  }
  renderBrief(lang: Lang, format: BriefFormat): Rendered {
    return renderBriefing(this.briefing(lang), format);
  }
  export(format: ExportFormat): Rendered {
    if (format === "geojson") return { contentType: "application/geo+json", body: JSON.stringify(this.places()) };
    if (format === "csv") return { contentType: "text/csv; charset=utf-8", body: claimsCsv(this.views().claims) };
    return { contentType: "application/json", body: JSON.stringify(buildExport(this.docs.map((d) => d.doc))) };
  }
  subscribe(listener: (c: LedgerChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  close(): void {
    this.listeners.clear();
  }
}
