// The ledger port over the SQLite store (src/store) with its fusion, contradictions and briefing
// (src/ledger, src/brief). Reads are served from a snapshot of the fused export; the snapshot is rebuilt
// after changes, at most about half the time (a burst of reports does not turn every read into a rebuild),
// and change events go out once a snapshot that holds the change is in place, so a client that refetches on
// an event sees it. Reports written by another process (`sitrep ingest --db` on the same file) are noticed
// through SQLite's data_version and announced the same way.
import type { Lang } from "../model/doc.js";
import { toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { contentHash, openStore, type Store } from "../store/db.js";
import { exportLedger } from "../ledger/export.js";
import { claimsCsv, placesGeoJson } from "../ledger/tables.js";
import { buildPicture } from "../ledger/picture.js";
import { composeBriefing, renderBriefing, type Briefing as StoreBriefing, type BriefLine } from "../brief/index.js";
import type { SitrepExport } from "../export/schema.js";
import { readBody } from "./extract.js";
import type { AddResult, Briefing, BriefingLine, BriefFormat, ExportFormat, LedgerChange, LedgerPort, NewReport, Rendered } from "./port.js";
import { ExportViews } from "./views.js";

interface Snapshot {
  version: number;
  x: SitrepExport;
  views: ExportViews;
  briefs: Map<string, unknown>;
}

const did = (n: number) => `d${n}`;

export class StoreLedger implements LedgerPort {
  readonly store: Store;
  private snap: Snapshot;
  private writes = 0;
  private pending: Omit<LedgerChange, "version">[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastBuildMs = 0;
  private lastBuildEnd = 0;
  private dataVersion: number;
  private maxId: number;
  private poll: NodeJS.Timeout;
  private listeners = new Set<(c: LedgerChange) => void>();

  constructor(file: string, opts: { pollMs?: number } = {}) {
    this.store = openStore(file);
    this.dataVersion = this.store.db.pragma("data_version", { simple: true }) as number;
    this.maxId = this.currentMaxId();
    this.snap = this.build();
    this.poll = setInterval(() => this.checkOthers(), opts.pollMs ?? 2000);
    this.poll.unref();
  }

  private currentMaxId(): number {
    return (this.store.db.prepare("SELECT coalesce(max(id), 0) AS n FROM reports").get() as { n: number }).n;
  }

  private build(): Snapshot {
    const t0 = performance.now();
    const x = exportLedger(this.store, "en");
    const views = new ExportViews(x, (id) => Number(id.slice(1)) || 0);
    this.lastBuildMs = performance.now() - t0;
    this.lastBuildEnd = Date.now();
    return { version: this.writes, x, views, briefs: new Map() };
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastBuildEnd + this.lastBuildMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.snap = this.build();
      const done = this.pending;
      this.pending = [];
      for (const c of done) for (const l of this.listeners) l({ ...c, version: this.snap.version });
    }, wait);
  }

  /** Reports another process committed since we last looked. */
  private checkOthers(): void {
    const dv = this.store.db.pragma("data_version", { simple: true }) as number;
    if (dv === this.dataVersion) return;
    this.dataVersion = dv;
    const rows = this.store.db.prepare("SELECT id, title, version FROM reports WHERE id > ? ORDER BY id").all(this.maxId) as { id: number; title: string | null; version: number }[];
    if (!rows.length) return;
    this.maxId = rows[rows.length - 1]!.id;
    this.writes++;
    for (const r of rows) this.pending.push({ type: "report", status: r.version > 1 ? "updated" : "added", report: did(r.id), ...(r.title !== null && { title: r.title }) });
    this.schedule();
  }

  version(): number {
    return this.snap.version;
  }

  async addReport(input: NewReport): Promise<AddResult> {
    let last: AddResult | undefined;
    for (const raw of readBody(input)) {
      const doc = toDoc(raw, "d0", { published: input.published, lang: input.language });
      // An upload with no date of its own is dated on arrival, so its content hash changes with every
      // sending: look for the same text (and address) instead.
      const same =
        doc.meta.publishedFrom === "file-mtime"
          ? (this.store.db.prepare("SELECT id, title FROM reports WHERE current = 1 AND text = ? AND coalesce(url, '') = ? AND coalesce(title, '') = ? LIMIT 1").get(doc.text, doc.meta.url ?? "", doc.meta.title ?? "") as { id: number; title: string | null } | undefined)
          : (this.store.db.prepare("SELECT id, title FROM reports WHERE hash = ?").get(contentHash(doc)) as { id: number; title: string | null } | undefined);
      if (same) {
        const n = (this.store.db.prepare("SELECT count(*) AS n FROM claims WHERE report = ?").get(same.id) as { n: number }).n;
        last = { status: "unchanged", report: did(same.id), ...(same.title !== null && { title: same.title }), claims: n };
        continue;
      }
      runPipeline(doc);
      const r = this.store.store(doc);
      this.dataVersion = this.store.db.pragma("data_version", { simple: true }) as number;
      this.maxId = Math.max(this.maxId, r.id);
      last = { status: r.outcome, report: did(r.id), ...(doc.meta.title !== undefined && { title: doc.meta.title }), claims: doc.claims.length };
      if (r.outcome !== "unchanged") {
        this.writes++;
        this.pending.push({ type: "report", status: r.outcome, report: did(r.id), ...(last.title !== undefined && { title: last.title }) });
        this.schedule();
      }
    }
    return last!;
  }

  listReports(opts: { limit?: number; offset?: number; q?: string }) {
    return this.snap.views.listReports(opts);
  }
  getReport(id: string) {
    return this.snap.views.getReport(id);
  }
  searchClaims(q: Parameters<ExportViews["searchClaims"]>[0]) {
    return this.snap.views.searchClaims(q);
  }
  entities(opts: { type?: string; q?: string }) {
    return this.snap.views.entities(opts);
  }
  places() {
    return this.snap.views.places();
  }
  timeline() {
    return this.snap.views.timeline();
  }
  contradictions() {
    return this.snap.views.contradictions();
  }

  private storeBriefing(lang: Lang): StoreBriefing {
    const key = `brief:${lang}`;
    let b = this.snap.briefs.get(key) as StoreBriefing | undefined;
    if (!b) {
      b = composeBriefing(buildPicture(this.store, { lang }), lang);
      this.snap.briefs.set(key, b);
    }
    return b;
  }

  briefing(lang: Lang): Briefing {
    const b = this.storeBriefing(lang);
    const line = (l: BriefLine): BriefingLine => ({
      text: l.text,
      ...(l.quote !== undefined && { quote: l.quote }),
      ...(l.isNew && { isNew: true }),
      cites: l.cites.map((c) => ({ report: c.doc, start: c.start, end: c.end })),
    });
    return {
      lang,
      title: b.title,
      generated: new Date(this.lastBuildEnd).toISOString(),
      reports: b.reports.length,
      basis: b.basis,
      sections: b.sections.map((s) => ({
        key: s.id,
        heading: s.title,
        lines: s.lines.map(line),
        ...(s.groups && { groups: s.groups.map((g) => ({ heading: g.title, lines: g.lines.map(line) })) }),
        ...(s.more && { more: s.more }),
      })),
    };
  }

  renderBrief(lang: Lang, format: BriefFormat): Rendered {
    const body = renderBriefing(this.storeBriefing(lang), format);
    return { contentType: format === "json" ? "application/json" : format === "html" ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8", body };
  }

  export(format: ExportFormat): Rendered {
    const x = this.snap.x;
    if (format === "csv") return { contentType: "text/csv; charset=utf-8", body: claimsCsv(x) };
    if (format === "geojson") return { contentType: "application/geo+json", body: JSON.stringify(placesGeoJson(x)) };
    return { contentType: "application/json", body: JSON.stringify(x) };
  }

  subscribe(listener: (c: LedgerChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
    this.store.close();
  }
}
