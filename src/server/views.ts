// The server's read views (claims with their entities and places, entities, places as GeoJSON, the timeline,
// contradictions, a plain briefing) derived from one sitrep/1 export. Any ledger that can produce an export
// gets the whole read side of the API: the in-memory ledger from its documents, the SQLite store from its
// fused export (where an entity id already stands for one entity across reports and languages).
import type { Lang } from "../model/doc.js";
import type { SitrepExport } from "../export/schema.js";
import type {
  Briefing,
  BriefingLine,
  ClaimQuery,
  ClaimRow,
  ClaimSource,
  ContradictionRow,
  EntityRef,
  EntityRow,
  Page,
  PlaceCollection,
  ReportDetail,
  ReportSummary,
  TimelineItem,
} from "./port.js";

/** Lower case without diacritics, for matching typed search words against report text. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

export function words(q: string | undefined): string[] {
  return q ? fold(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean) : [];
}

const ord = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type Doc = SitrepExport["documents"][number];
type Ent = SitrepExport["entities"][number];
const isPlace = (t: string) => t === "location" || t === "facility";

/** The stretch of text around `at` up to sentence ends (a label for a time expression outside any claim). */
function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && start - s < 400 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && e - end < 400 && !/[.!?\n]/.test(text[e]!)) e++;
  return text.slice(s, Math.min(text.length, e + 1)).trim();
}

export class ExportViews {
  readonly reports: ReportSummary[];
  readonly claims: ClaimRow[];
  private readonly folded: string[];
  private readonly docs = new Map<string, Doc>();
  private readonly seqs = new Map<string, number>();
  private readonly entityRows: EntityRow[];
  /** export entity id → row (entities with the same key are one row) */
  private readonly rowOf = new Map<string, EntityRow>();
  /** export claim id → row */
  private readonly claimById = new Map<string, ClaimRow>();

  /**
   * `seq` gives each document its ingestion order (newest highest). Claims get ids of their own, made of the
   * report and the span (d3-120-188): export ids are renumbered whenever an earlier report arrives, and a
   * link to a claim must survive that.
   */
  constructor(readonly x: SitrepExport, seq: (doc: string) => number) {
    for (const d of x.documents) {
      this.docs.set(d.id, d);
      this.seqs.set(d.id, seq(d.id));
    }
    const byKey = new Map<string, EntityRow>();
    const entReports = new Map<EntityRow, Set<string>>();
    for (const e of x.entities) {
      const k = `${isPlace(e.type) ? "P" : "A"}:${e.key || fold(e.name)}`;
      let row = byKey.get(k);
      if (!row) {
        row = { id: e.id, name: e.name, type: e.type, aliases: [], mentions: 0, reports: 0, claims: 0 };
        byKey.set(k, row);
        entReports.set(row, new Set());
      }
      for (const a of [e.name, ...e.aliases]) if (a !== row.name && !row.aliases.includes(a)) row.aliases.push(a);
      if (!row.geo && e.geo) row.geo = { lat: e.geo.lat, lon: e.geo.lon, country: e.geo.country };
      row.mentions += e.mentions.length;
      for (const m of e.mentions) entReports.get(row)!.add(m.doc);
      this.rowOf.set(e.id, row);
    }
    this.entityRows = [...byKey.values()];
    for (const [row, set] of entReports) row.reports = set.size;

    const mentionsOf = new Map<string, Ent["mentions"]>();
    for (const e of x.entities) {
      const row = this.rowOf.get(e.id)!;
      const list = mentionsOf.get(row.id) ?? [];
      list.push(...e.mentions);
      mentionsOf.set(row.id, list);
    }
    const perDoc = new Map<string, number>();
    for (const c of x.claims) perDoc.set(c.doc, (perDoc.get(c.doc) ?? 0) + 1);
    this.reports = x.documents.map((d) => this.summary(d, perDoc.get(d.id) ?? 0));
    const timesOf = new Map<string, SitrepExport["times"]>();
    for (const t of x.times) {
      const l = timesOf.get(t.doc) ?? [];
      l.push(t);
      timesOf.set(t.doc, l);
    }
    this.claims = [];
    const usedIds = new Set<string>();
    for (const c of x.claims) {
      const d = this.docs.get(c.doc)!;
      const refs: EntityRef[] = [];
      const places: EntityRef[] = [];
      const seen = new Set<string>();
      for (const eid of c.entities) {
        const row = this.rowOf.get(eid);
        if (!row || seen.has(row.id)) continue;
        seen.add(row.id);
        row.claims++;
        (isPlace(row.type) ? places : refs).push({ id: row.id, name: row.name, type: row.type });
      }
      let source: ClaimSource | null = null;
      if (c.source) {
        const srow = c.source.entity ? this.rowOf.get(c.source.entity) : undefined;
        source = { name: c.source.name, kind: c.source.kind, ...(srow && { entity: srow.id }) };
        const span = this.sourceSpan(d.text, c.start, c.end, c.source.name, srow ? (mentionsOf.get(srow.id) ?? []).filter((m) => m.doc === c.doc) : []);
        if (span) source.span = span;
      }
      let id = `${c.doc}-${c.start}-${c.end}`;
      for (let n = 2; usedIds.has(id); n++) id = `${c.doc}-${c.start}-${c.end}-${n}`;
      usedIds.add(id);
      const row: ClaimRow = {
        id,
        report: c.doc,
        ...(d.title !== undefined && { reportTitle: d.title }),
        ...(d.source !== undefined && { reportSource: d.source }),
        published: d.published,
        language: d.language,
        start: c.start,
        end: c.end,
        text: c.text,
        status: c.status,
        source,
        cue: c.cue ? { text: c.cue.text, start: c.cue.start, end: c.cue.end } : null,
        quote: c.quote,
        entities: refs,
        places,
        times: (timesOf.get(c.doc) ?? []).filter((t) => t.start >= c.start && t.end <= c.end).map((t) => t.value),
      };
      this.claims.push(row);
      this.claimById.set(c.id, row);
    }
    this.folded = this.claims.map((c) => fold(`${c.text} ${c.source?.name ?? ""}`));
  }

  /**
   * Where the report names the claim's source: the source entity's mention nearest the claim, else the name
   * itself nearest the claim, within the paragraph around it.
   */
  private sourceSpan(text: string, start: number, end: number, name: string, mentions: { start: number; end: number }[]): { start: number; end: number } | undefined {
    const lo = Math.max(0, text.lastIndexOf("\n", start - 1) + 1);
    const nl = text.indexOf("\n", end);
    const hi = nl < 0 ? text.length : nl;
    const dist = (m: { start: number; end: number }) => (m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0);
    const near = mentions.filter((m) => m.start >= lo && m.end <= hi).sort((a, b) => dist(a) - dist(b));
    if (near.length) return { start: near[0]!.start, end: near[0]!.end };
    if (name.length < 2) return undefined;
    const para = text.slice(lo, hi);
    let best: number | undefined;
    for (let i = para.indexOf(name); i >= 0; i = para.indexOf(name, i + 1)) {
      if (best === undefined || dist({ start: lo + i, end: lo + i + name.length }) < dist({ start: lo + best, end: lo + best + name.length })) best = i;
    }
    return best === undefined ? undefined : { start: lo + best, end: lo + best + name.length };
  }

  private summary(d: Doc, claims: number): ReportSummary {
    return {
      id: d.id,
      ...(d.title !== undefined && { title: d.title }),
      ...(d.source !== undefined && { source: d.source }),
      ...(d.url !== undefined && { url: d.url }),
      published: d.published,
      language: d.language,
      claims,
      seq: this.seqs.get(d.id) ?? 0,
    };
  }

  listReports(opts: { limit?: number; offset?: number; q?: string }): Page<ReportSummary> {
    const ws = words(opts.q);
    let items = [...this.reports].sort((a, b) => b.seq - a.seq);
    if (ws.length) {
      items = items.filter((r) => {
        const t = fold(`${r.title ?? ""} ${r.source ?? ""} ${this.docs.get(r.id)!.text}`);
        return ws.every((w) => t.includes(w));
      });
    }
    const off = opts.offset ?? 0;
    return { total: items.length, items: items.slice(off, off + (opts.limit ?? 50)) };
  }

  getReport(id: string): ReportDetail | undefined {
    const d = this.docs.get(id);
    if (!d) return undefined;
    const claims = this.claims.filter((c) => c.report === id);
    const { claims: _n, ...summary } = this.summary(d, claims.length);
    void _n;
    const mentions: ReportDetail["mentions"] = [];
    for (const e of this.x.entities) {
      const row = this.rowOf.get(e.id)!;
      for (const m of e.mentions) if (m.doc === id) mentions.push({ start: m.start, end: m.end, type: e.type, entity: row.id });
    }
    mentions.sort((a, b) => a.start - b.start);
    return {
      ...summary,
      text: d.text,
      claims,
      mentions,
      times: this.x.times.filter((t) => t.doc === id).map((t) => ({ start: t.start, end: t.end, value: t.value })),
    };
  }

  searchClaims(q: ClaimQuery): Page<ClaimRow> {
    const ws = words(q.q);
    const status = q.status?.length ? new Set<string>(q.status) : undefined;
    const src = q.source ? fold(q.source) : undefined;
    const since = q.since ? Date.parse(q.since) : undefined;
    const until = q.until ? Date.parse(q.until) : undefined;
    const items: ClaimRow[] = [];
    this.claims.forEach((c, i) => {
      if (status && !status.has(c.status)) return;
      if (q.report && c.report !== q.report) return;
      if (src !== undefined) {
        if (src === "report" ? c.source !== null : !c.source || (c.source.entity !== q.source && fold(c.source.name) !== src)) return;
      }
      if (q.entity && !c.entities.some((e) => e.id === q.entity) && !c.places.some((e) => e.id === q.entity) && c.source?.entity !== q.entity) return;
      if (q.place && !c.places.some((e) => e.id === q.place)) return;
      if (since !== undefined || until !== undefined) {
        const t = Date.parse(c.published);
        if (since !== undefined && t < since) return;
        if (until !== undefined && t > until) return;
      }
      if (ws.length && !ws.every((w) => this.folded[i]!.includes(w))) return;
      items.push(c);
    });
    const off = q.offset ?? 0;
    return { total: items.length, items: items.slice(off, off + (q.limit ?? 100)) };
  }

  entities(opts: { type?: string; q?: string }): EntityRow[] {
    const ws = words(opts.q);
    return this.entityRows
      .filter((e) => !opts.type || e.type === opts.type)
      .filter((e) => !ws.length || ws.every((w) => fold([e.name, ...e.aliases].join(" ")).includes(w)))
      .sort((a, b) => b.mentions - a.mentions || ord(a.name, b.name));
  }

  places(): PlaceCollection {
    return {
      type: "FeatureCollection",
      features: this.entityRows
        .filter((e) => e.geo && isPlace(e.type))
        .map((e) => ({
          type: "Feature" as const,
          id: e.id,
          geometry: { type: "Point" as const, coordinates: [e.geo!.lon, e.geo!.lat] as [number, number] },
          properties: { id: e.id, name: e.name, country: e.geo!.country, mentions: e.mentions, reports: e.reports, claims: e.claims },
        })),
    };
  }

  timeline(): TimelineItem[] {
    const items: TimelineItem[] = [];
    const byDoc = new Map<string, SitrepExport["claims"]>();
    for (const c of this.x.claims) {
      const l = byDoc.get(c.doc) ?? [];
      l.push(c);
      byDoc.set(c.doc, l);
    }
    for (const t of this.x.times) {
      if (t.type === "DURATION" || t.type === "SET" || !/^\d{4}/.test(t.value)) continue;
      const c = (byDoc.get(t.doc) ?? []).find((x) => t.start >= x.start && t.end <= x.end);
      const text = this.docs.get(t.doc)?.text ?? "";
      const label = c ? c.text : sentenceAround(text, t.start, t.end);
      items.push({ value: t.value, text: t.text, report: t.doc, start: t.start, end: t.end, ...(c && { claim: this.claimById.get(c.id)!.id }), label: label.trim() });
    }
    return items.sort((a, b) => ord(a.value, b.value) || ord(a.report, b.report) || a.start - b.start);
  }

  contradictions(): ContradictionRow[] {
    const rows: ContradictionRow[] = [];
    for (const x of this.x.contradictions) {
      const a = this.claimById.get(x.claims[0]!);
      const b = this.claimById.get(x.claims[1]!);
      if (a && b) rows.push({ a, b, reason: x.reason });
    }
    return rows;
  }

  /** A plain briefing by status, for ledgers without their own: each line one claim, citing its span. */
  briefing(lang: Lang): Briefing {
    const T = BRIEF_WORDS[lang];
    const line = (c: ClaimRow): BriefingLine => ({
      text: c.text.trim(),
      status: c.status,
      ...(c.source && { who: c.source.name }),
      cites: [{ report: c.report, claim: c.id, start: c.start, end: c.end }],
    });
    const pick = (...st: string[]) => this.claims.filter((c) => st.includes(c.status)).map(line);
    const unknowns: BriefingLine[] = this.x.unknowns.map((u) => ({ text: u.text.trim(), status: "unknown", cites: [{ report: u.doc, start: u.start, end: u.end }] }));
    const figures: BriefingLine[] = this.x.counts.map((n) => {
      const c = n.claim ? this.claimById.get(n.claim) : undefined;
      return {
        text: `${T.kinds[n.kind] ?? n.kind}: ${n.approx === "exact" ? "" : `${T.approx[n.approx]} `}${n.value}`,
        ...(c?.source && { who: c.source.name }),
        cites: [{ report: n.doc, ...(c && { claim: c.id }), start: n.start, end: n.end }],
      };
    });
    const hedged = this.claims.filter((c) => c.status === "probable" || c.status === "possible").map(line);
    return {
      lang,
      title: T.title,
      generated: new Date().toISOString(),
      reports: this.x.documents.length,
      sections: [
        { key: "established", heading: T.established, lines: pick("established", "confirmed") },
        { key: "claimed", heading: T.claimed, lines: pick("claimed") },
        { key: "denied", heading: T.denied, lines: pick("denied") },
        { key: "unclear", heading: T.unclear, lines: [...unknowns, ...hedged] },
        { key: "figures", heading: T.figures, lines: figures },
      ].filter((s) => s.lines.length),
    };
  }
}

const BRIEF_WORDS: Record<Lang, { title: string; established: string; claimed: string; denied: string; unclear: string; figures: string; kinds: Record<string, string>; approx: Record<string, string> }> = {
  nl: {
    title: "Wat we wel en niet weten",
    established: "Wat vaststaat",
    claimed: "Wie wat beweert",
    denied: "Wat wordt ontkend",
    unclear: "Wat onduidelijk is",
    figures: "Cijfers",
    kinds: { killed: "doden", wounded: "gewonden", arrested: "arrestaties", missing: "vermisten", personnel: "manschappen", vehicles: "voertuigen", other: "overig" },
    approx: { min: "minstens", max: "hoogstens", about: "ongeveer", exact: "" },
  },
  en: {
    title: "What we know and what we don't",
    established: "What is established",
    claimed: "Who claims what",
    denied: "What is denied",
    unclear: "What is unclear",
    figures: "Figures",
    kinds: { killed: "killed", wounded: "wounded", arrested: "arrested", missing: "missing", personnel: "personnel", vehicles: "vehicles", other: "other" },
    approx: { min: "at least", max: "at most", about: "about", exact: "" },
  },
};
