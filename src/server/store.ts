// The ledger port over the SQLite store (src/store) with its fusion, contradictions and briefing
// (src/ledger, src/brief). Reads are served from a snapshot of the fused export and the briefings. The
// pipeline and the snapshot builds run in worker threads, so requests keep being answered while reports
// are extracted and the picture is recomputed; builds are coalesced (a burst of reports gives a few
// snapshots, not one each), and change events go out once a snapshot that holds the change is in place, so
// a client that refetches on an event sees it. Reports written by another process (`sitrep ingest --db` on the same file) are noticed
// through SQLite's data_version and announced the same way.
import type { Doc, Lang } from "../model/doc.js";
import { toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { contentHash, openStore, type Store } from "../store/db.js";
import { exportLedger } from "../ledger/export.js";
import { claimsCsv, placesGeoJson } from "../ledger/tables.js";
import { buildPicture } from "../ledger/picture.js";
import { composeBriefing, renderBriefing, type Briefing as StoreBriefing, type BriefLine } from "../brief/index.js";
import type { SitrepExport } from "../export/schema.js";
import { readBody } from "./extract.js";
import { revive, WorkerClient } from "./workers.js";
import { ReportError, type AddResult, type Briefing, type BriefingLine, type BriefFormat, type ExportFormat, type LedgerChange, type LedgerPort, type NewReport, type Rendered } from "./port.js";
import { ExportViews } from "./views.js";

interface Snapshot {
  version: number;
  x: SitrepExport;
  views: ExportViews;
  briefs: Map<string, StoreBriefing>;
  built: number;
}

export interface StoreLedgerOptions {
  /** How often to look for reports other processes wrote (ms). */
  pollMs?: number;
  /** Extract and build snapshots in worker threads (default); off, everything runs on the calling thread. */
  workers?: boolean;
}

const did = (n: number) => `d${n}`;

export class StoreLedger implements LedgerPort {
  readonly store: Store;
  private snap: Snapshot;
  private writes = 0;
  private pending: (Omit<LedgerChange, "version"> & { at: number })[] = [];
  private building = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private lastBuildMs = 0;
  private dataVersion: number;
  private maxId: number;
  private poll: NodeJS.Timeout;
  private listeners = new Set<(c: LedgerChange) => void>();
  private extractor: WorkerClient | undefined;
  private snapper: WorkerClient | undefined;
  private closed = false;

  constructor(private readonly file: string, opts: StoreLedgerOptions = {}) {
    this.store = openStore(file);
    this.dataVersion = this.store.db.pragma("data_version", { simple: true }) as number;
    this.maxId = this.currentMaxId();
    this.snap = this.build();
    if (opts.workers !== false) {
      this.extractor = new WorkerClient();
      this.snapper = new WorkerClient();
    }
    this.poll = setInterval(() => this.checkOthers(), opts.pollMs ?? 2000);
    this.poll.unref();
  }

  private currentMaxId(): number {
    return (this.store.db.prepare("SELECT coalesce(max(id), 0) AS n FROM reports").get() as { n: number }).n;
  }

  private build(): Snapshot {
    const t0 = performance.now();
    const version = this.writes;
    const x = exportLedger(this.store, "en");
    const snap = this.install(version, x, new Map());
    this.lastBuildMs = performance.now() - t0;
    return snap;
  }

  private install(version: number, x: SitrepExport, briefs: Map<string, StoreBriefing>): Snapshot {
    return { version, x, views: new ExportViews(x, (id) => Number(id.slice(1)) || 0), briefs, built: Date.now() };
  }

  /** Puts a new snapshot in place and announces the changes it holds. */
  private swap(snap: Snapshot): void {
    if (this.closed || snap.version < this.snap.version) return;
    this.snap = snap;
    const done = this.pending.filter((c) => c.at <= snap.version);
    this.pending = this.pending.filter((c) => c.at > snap.version);
    for (const { at: _at, ...c } of done) for (const l of this.listeners) l({ ...c, version: snap.version });
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.building) {
      this.again = true;
      return;
    }
    this.building = true;
    const finish = () => {
      this.building = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    };
    if (this.snapper) {
      // The worker builds at most a third of the time, so that during a burst of reports it leaves CPU for
      // extraction and for answering requests (two cores are common).
      const wait = Math.max(0, this.snap.built + 2 * this.lastBuildMs - Date.now());
      this.timer = setTimeout(() => {
        this.timer = undefined;
        const t0 = Date.now();
        const version = this.writes;
        this.snapper!
          .request({ type: "snapshot", file: this.file, version, langs: ["en", "nl"] })
          .then(
            (r) => {
              const s = r.snapshot!;
              this.lastBuildMs = Date.now() - t0;
              this.swap(this.install(s.version, s.export as SitrepExport, new Map(Object.entries(s.briefs) as [string, StoreBriefing][])));
            },
            () => {
              if (!this.closed) this.swap(this.build());
            },
          )
          .finally(finish);
      }, wait);
      return;
    }
    // Without workers, a build blocks the thread: leave at least as long between builds as one takes.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.swap(this.build());
      finish();
    }, Math.max(0, this.snap.built + this.lastBuildMs - Date.now()));
  }

  /** Reports another process committed since we last looked. */
  private checkOthers(): void {
    const dv = this.store.db.pragma("data_version", { simple: true }) as number;
    if (dv === this.dataVersion) return;
    this.dataVersion = dv;
    const rows = this.store.db.prepare("SELECT id, title, version FROM reports WHERE id > ? ORDER BY id").all(this.maxId) as { id: number; title: string | null; version: number }[];
    if (!rows.length) return;
    this.maxId = rows[rows.length - 1]!.id;
    const at = ++this.writes;
    for (const r of rows) this.pending.push({ type: "report", status: r.version > 1 ? "updated" : "added", report: did(r.id), ...(r.title !== null && { title: r.title }), at });
    this.schedule();
  }

  version(): number {
    return this.snap.version;
  }

  private async extract(input: NewReport): Promise<Doc[]> {
    if (this.extractor) return ((await this.extractor.request({ type: "extract", input })).docs ?? []).map(revive);
    return readBody(input).map((raw) => runPipeline(toDoc(raw, "d0", { published: input.published, lang: input.language })));
  }

  async addReport(input: NewReport): Promise<AddResult> {
    const docs = await this.extract(input);
    if (this.closed) throw new Error("the ledger is closed");
    // From here on nothing awaits: each report is checked and stored before any other request runs.
    let last: AddResult | undefined;
    for (const doc of docs) {
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
      const r = this.store.store(doc);
      this.dataVersion = this.store.db.pragma("data_version", { simple: true }) as number;
      this.maxId = Math.max(this.maxId, r.id);
      last = { status: r.outcome, report: did(r.id), ...(doc.meta.title !== undefined && { title: doc.meta.title }), claims: doc.claims.length };
      if (r.outcome !== "unchanged") {
        const at = ++this.writes;
        this.pending.push({ type: "report", status: r.outcome, report: did(r.id), ...(last.title !== undefined && { title: last.title }), at });
        this.schedule();
      }
    }
    if (!last) throw new ReportError("no report found in the body");
    return last;
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
    let b = this.snap.briefs.get(lang);
    if (!b) {
      b = composeBriefing(buildPicture(this.store, { lang }), lang);
      this.snap.briefs.set(lang, b);
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
      generated: new Date(this.snap.built).toISOString(),
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
    this.closed = true;
    clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
    void this.extractor?.close();
    void this.snapper?.close();
    this.store.close();
  }
}
