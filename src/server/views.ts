// The server's read views (claims with their entities and places, entities merged by key, places as GeoJSON,
// the timeline, contradictions) derived from processed documents. Used by the in-memory ledger, and by any
// ledger that can hand back its documents.
import type { Doc, Lang } from "../model/doc.js";
import type {
  Briefing,
  BriefingLine,
  ClaimQuery,
  ClaimRow,
  ContradictionRow,
  EntityRef,
  EntityRow,
  Page,
  PlaceCollection,
  ReportDetail,
  ReportSummary,
  TimelineItem,
} from "./port.js";

export interface StoredDoc {
  id: string;
  seq: number;
  doc: Doc;
}

/** Lower case without diacritics, for matching typed search words against report text. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

export function words(q: string | undefined): string[] {
  return q ? fold(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean) : [];
}

const ord = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class DocViews {
  readonly reports: ReportSummary[];
  readonly claims: ClaimRow[];
  private readonly folded: string[];
  private readonly byId = new Map<string, StoredDoc>();
  private readonly entityRows: EntityRow[];
  /** (report, local entity id) → ledger entity id */
  private readonly entityOf = new Map<string, string>();
  private readonly claimById = new Map<string, ClaimRow>();

  constructor(readonly docs: readonly StoredDoc[]) {
    const keyToId = new Map<string, EntityRow>();
    const entityReports = new Map<string, Set<string>>();
    for (const s of docs) {
      this.byId.set(s.id, s);
      for (const e of s.doc.entities) {
        const k = `${e.type === "location" ? "L" : "X"}:${e.key || fold(e.name)}`;
        let row = keyToId.get(k);
        if (!row) {
          row = { id: `e${keyToId.size + 1}`, name: e.name, type: e.type, aliases: [], mentions: 0, reports: 0, claims: 0 };
          if (e.geo) row.geo = { lat: e.geo.lat, lon: e.geo.lon, country: e.geo.country };
          keyToId.set(k, row);
          entityReports.set(row.id, new Set());
        }
        for (const a of [e.name, ...e.aliases]) if (a !== row.name && !row.aliases.includes(a)) row.aliases.push(a);
        if (!row.geo && e.geo) row.geo = { lat: e.geo.lat, lon: e.geo.lon, country: e.geo.country };
        row.mentions += e.mentions.length;
        entityReports.get(row.id)!.add(s.id);
        this.entityOf.set(`${s.id}\u0000${e.id}`, row.id);
      }
    }
    this.entityRows = [...keyToId.values()];
    const rowById = new Map(this.entityRows.map((r) => [r.id, r]));
    for (const r of this.entityRows) r.reports = entityReports.get(r.id)!.size;

    this.reports = docs.map((s) => this.summary(s));
    this.claims = [];
    for (const s of docs) {
      const d = s.doc;
      const ents = new Map(d.entities.map((e) => [e.id, e]));
      for (const c of d.claims) {
        const refs: EntityRef[] = [];
        const places: EntityRef[] = [];
        const seen = new Set<string>();
        for (const local of c.entities) {
          const id = this.entityOf.get(`${s.id}\u0000${local}`);
          const e = ents.get(local);
          if (!id || !e || seen.has(id)) continue;
          seen.add(id);
          const row = rowById.get(id)!;
          row.claims++;
          const ref = { id, name: row.name, type: row.type };
          (e.type === "location" || e.type === "facility" ? places : refs).push(ref);
        }
        const srcEntity = c.source?.entity ? this.entityOf.get(`${s.id}\u0000${c.source.entity}`) : undefined;
        const row: ClaimRow = {
          id: `${s.id}-${c.id}`,
          report: s.id,
          ...(d.meta.title !== undefined && { reportTitle: d.meta.title }),
          ...(d.meta.source !== undefined && { reportSource: d.meta.source }),
          published: d.meta.published,
          language: d.meta.language,
          start: c.start,
          end: c.end,
          text: c.text,
          status: c.status,
          source: c.source
            ? {
                name: c.source.name,
                kind: c.source.kind,
                ...(srcEntity && { entity: srcEntity }),
                ...(c.source.span && { span: { start: c.source.span.start, end: c.source.span.end } }),
              }
            : null,
          cue: c.cue ? { text: c.cue.text, start: c.cue.start, end: c.cue.end } : null,
          quote: c.quote,
          entities: refs,
          places,
          times: d.times.filter((t) => t.start >= c.start && t.end <= c.end).map((t) => t.value),
        };
        this.claims.push(row);
        this.claimById.set(row.id, row);
      }
    }
    this.folded = this.claims.map((c) => fold(`${c.text} ${c.source?.name ?? ""}`));
  }

  private summary(s: StoredDoc): ReportSummary {
    const m = s.doc.meta;
    return {
      id: s.id,
      ...(m.title !== undefined && { title: m.title }),
      ...(m.source !== undefined && { source: m.source }),
      ...(m.url !== undefined && { url: m.url }),
      published: m.published,
      language: m.language,
      claims: s.doc.claims.length,
      seq: s.seq,
    };
  }

  listReports(opts: { limit?: number; offset?: number; q?: string }): Page<ReportSummary> {
    const ws = words(opts.q);
    let items = [...this.reports].sort((a, b) => b.seq - a.seq);
    if (ws.length) {
      items = items.filter((r) => {
        const t = fold(`${r.title ?? ""} ${r.source ?? ""} ${this.byId.get(r.id)!.doc.text}`);
        return ws.every((w) => t.includes(w));
      });
    }
    const off = opts.offset ?? 0;
    return { total: items.length, items: items.slice(off, off + (opts.limit ?? 50)) };
  }

  getReport(id: string): ReportDetail | undefined {
    const s = this.byId.get(id);
    if (!s) return undefined;
    const d = s.doc;
    return {
      ...this.summary(s),
      text: d.text,
      claims: this.claims.filter((c) => c.report === id),
      mentions: d.mentions.map((m) => ({
        start: m.start,
        end: m.end,
        type: m.type,
        ...(m.entity && this.entityOf.has(`${id}\u0000${m.entity}`) && { entity: this.entityOf.get(`${id}\u0000${m.entity}`)! }),
      })),
      times: d.times.map((t) => ({ start: t.start, end: t.end, value: t.value })),
    };
  }

  searchClaims(q: ClaimQuery): Page<ClaimRow> {
    const ws = words(q.q);
    const status = q.status?.length ? new Set(q.status) : undefined;
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
        .filter((e) => e.geo)
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
    for (const s of this.docs) {
      const d = s.doc;
      for (const t of d.times) {
        if (t.type === "DURATION" || t.type === "SET" || !/^\d{4}/.test(t.value)) continue;
        const c = d.claims.find((x) => t.start >= x.start && t.end <= x.end);
        const si = d.sentenceAt(t.start);
        const label = c ? c.text : si >= 0 ? d.slice(d.sentences[si]!) : t.text;
        items.push({ value: t.value, text: t.text, report: s.id, start: t.start, end: t.end, ...(c && { claim: `${s.id}-${c.id}` }), label: label.trim() });
      }
    }
    return items.sort((a, b) => ord(a.value, b.value) || ord(a.report, b.report) || a.start - b.start);
  }

  contradictions(): ContradictionRow[] {
    const rows: ContradictionRow[] = [];
    for (const s of this.docs) {
      for (const x of s.doc.contradictions) {
        const a = this.claimById.get(`${s.id}-${x.claims[0]}`);
        const b = this.claimById.get(`${s.id}-${x.claims[1]}`);
        if (a && b) rows.push({ a, b, reason: x.reason });
      }
    }
    return rows;
  }

  claim(id: string): ClaimRow | undefined {
    return this.claimById.get(id);
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
    const unknowns: BriefingLine[] = [];
    for (const s of this.docs) for (const u of s.doc.unknowns) unknowns.push({ text: u.text.trim(), status: "unknown", cites: [{ report: s.id, start: u.start, end: u.end }] });
    const figures: BriefingLine[] = [];
    for (const s of this.docs) {
      for (const n of s.doc.counts) {
        const c = n.claim ? this.claimById.get(`${s.id}-${n.claim}`) : undefined;
        figures.push({
          text: `${T.kinds[n.kind] ?? n.kind}: ${n.approx === "exact" ? "" : `${T.approx[n.approx]} `}${n.value}`,
          ...(c?.source && { who: c.source.name }),
          cites: [{ report: s.id, ...(c && { claim: c.id }), start: n.start, end: n.end }],
        });
      }
    }
    const contested = this.claims.filter((c) => ["probable", "possible", "unknown"].includes(c.status)).map(line);
    return {
      lang,
      title: T.title,
      generated: new Date().toISOString(),
      reports: this.docs.length,
      sections: [
        { key: "established", heading: T.established, lines: pick("established", "confirmed") },
        { key: "claimed", heading: T.claimed, lines: pick("claimed") },
        { key: "denied", heading: T.denied, lines: pick("denied") },
        { key: "unclear", heading: T.unclear, lines: [...unknowns, ...contested] },
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
