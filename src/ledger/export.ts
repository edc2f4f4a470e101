// The whole ledger (current versions of reports) in the sitrep/1 shape, section by section, as streams of
// pages: entities fused across reports and languages (one entity per fusion key, mentions in every
// report), claims, figures, times, events and the contradictions found across the ledger. Nothing here
// holds more than a page of reports, except what the contradiction finder compares (the claims that can
// take part in a contradiction). The writers of the formats are in src/export.
import type { Lang } from "../model/doc.js";
import { type CorrectionRow, type PartKind, type ReportParts, type ReportRow, type Reads } from "../store/index.js";
import type { SitrepExport } from "../export/schema.js";
import { displayName } from "./naming.js";
import { ledgerFusion, type LedgerFusion } from "./stored.js";
import { exportPropositions, type ExportedProposition } from "./fusionexport.js";
import { entityUid } from "../store/ids.js";
import type { EntityCluster } from "./entityfusion.js";

type X = SitrepExport;
export type ExportDocument = X["documents"][number] & { version?: number };
export type ExportEntity = X["entities"][number];
export type ExportClaim = X["claims"][number] & {
  /** An editor corrected the claim: what the extraction said. */
  extracted?: { status: string; source: { name: string; kind: string } | null };
  /** Its report was retracted by an editor. */
  retracted?: boolean;
};
export type ExportContradiction = X["contradictions"][number] & { type?: string; also?: string[] };

/** A claim with what sits inside its span, for tables. */
export interface ClaimLine {
  claim: ExportClaim;
  document: ExportDocument;
  times: string[];
  places: string[];
  figures: string[];
}

/** What one page of reports contributes to each per-report section of the export. */
export interface ReportSections {
  documents: ExportDocument[];
  claims: ExportClaim[];
  unknowns: X["unknowns"];
  times: X["times"];
  counts: X["counts"];
  events: X["events"];
}

export interface LedgerExport {
  /** Every per-report section at once, reading each report once (what a writer of the whole export wants). */
  reportSections(): AsyncIterable<ReportSections>;
  documents(): AsyncIterable<ExportDocument[]>;
  entities(): AsyncIterable<ExportEntity[]>;
  claims(): AsyncIterable<ExportClaim[]>;
  unknowns(): AsyncIterable<X["unknowns"]>;
  times(): AsyncIterable<X["times"]>;
  counts(): AsyncIterable<X["counts"]>;
  events(): AsyncIterable<X["events"]>;
  contradictions(): AsyncIterable<ExportContradiction[]>;
  /** One entry per proposition, however many reports and languages state it (SPEC §3). */
  propositions(): AsyncIterable<ExportedProposition[]>;
  /** The claims with the times, places and figures inside each (the claims table). */
  claimLines(): AsyncIterable<ClaimLine[]>;
  /** Places with coordinates, each with the claims that name it. */
  places(): AsyncIterable<PlaceWithClaims[]>;
  /** The editors' corrections (the audit trail), oldest first, each marked when an undo took it back. */
  corrections(): AsyncIterable<ExportCorrection[]>;
}

/** A correction as exported: the store's row, marked when an undo took it back. */
export interface ExportCorrection extends CorrectionRow {
  undone?: boolean;
}

export interface PlaceWithClaims {
  entity: ExportEntity & { geo: NonNullable<ExportEntity["geo"]> };
  reports: string[];
  claims: { id: string; doc: string; start: number; end: number; status: string; source: string | null; text: string }[];
}

const PAGE = 200;
const isPlace = (t: string) => t === "location" || t === "facility";
const eventUid = (report: string, seq: number) => `${report}-v${seq + 1}`;
const unknownUid = (report: string, seq: number) => `${report}-u${seq + 1}`;

export function documentOf(r: ReportRow & { text: string }): ExportDocument {
  return {
    id: r.uid,
    ...(r.title !== null && { title: r.title }),
    ...(r.source !== null && { source: r.source }),
    ...(r.url !== null && { url: r.url }),
    published: r.published,
    published_from: r.publishedFrom,
    language: r.otherLanguage ?? r.language,
    language_from: r.languageFrom,
    text: r.text,
    ...(r.version > 1 && { version: r.version }),
  };
}

/** The export of the ledger behind `r` (use a snapshot, so that every section sees the same ledger). */
export function ledgerExport(r: Reads, lang: Lang = "en"): LedgerExport {
  const fusedUid = new Map<number, string>();
  const uidsOf = async (ids: Iterable<number>) => {
    const want = [...new Set(ids)].filter((i) => !fusedUid.has(i));
    for (let i = 0; i < want.length; i += 500) for (const f of await r.fusedByIds(want.slice(i, i + 500))) fusedUid.set(f.id, f.uid);
  };

  // The ledger's fusion (entity clusters, propositions, contradictions), read once and shared by every section.
  let fusedP: Promise<LedgerFusion> | undefined;
  let F: LedgerFusion | undefined;
  const fused = async () => (F ??= await (fusedP ??= ledgerFusion(r, lang)));
  const clusterId = (c: EntityCluster) => entityUid(`cluster\u0000${c.key}`);
  /**
   * The export id of entity `seq` of a report: its fused cluster's, else the store's fusion key's. An
   * entity an editor merged is the store's merged entity (the ids the page and the corrections use).
   */
  const entityId = (report: string, seq: number, fused: number, edited?: boolean): string | undefined => {
    if (edited) return fusedUid.get(fused);
    const rec = F?.entityRecord(report, seq);
    const c = rec ? F!.fusion.entities.clusterOf.get(rec) : undefined;
    return c ? clusterId(c) : fusedUid.get(fused);
  };
  /** Fusion claim id → the store's stable claim id (read once, for contradictions and propositions). */
  let claimUids: Map<string, string> | undefined;
  const claimUidMap = async () => {
    if (claimUids) return claimUids;
    const f = await fused();
    const bySeq = new Map<string, string>();
    for await (const ps of parts(["claimIds"], false)) for (const p of ps) for (const c of p.claims) bySeq.set(`${p.report.uid}/${c.seq}`, c.uid);
    claimUids = new Map();
    for (const [id, at] of f.claimAt) {
      const u = bySeq.get(`${at.report}/${at.seq}`);
      if (u) claimUids.set(id, u);
    }
    return claimUids;
  };

  async function* pages(withText: boolean): AsyncIterable<ReportRow[]> {
    let cursor: { ms: number; id: number } | null = null;
    for (;;) {
      const page = await r.reportsPage(cursor, PAGE, withText);
      if (!page.length) return;
      const last = page[page.length - 1]!;
      cursor = { ms: last.publishedMs, id: last.id };
      yield page;
    }
  }

  /** Pages of what reports yielded: only the kinds asked for (each section reads only its own). */
  async function* parts(only: readonly PartKind[], withText = true): AsyncIterable<ReportParts[]> {
    await fused();
    for await (const page of pages(withText)) {
      const ps = await r.reportParts(page, only);
      await uidsOf(ps.flatMap((p) => p.entities.map((e) => e.fused)));
      yield ps;
    }
  }

  /** Ids within one report's parts. */
  const within = (p: ReportParts) => {
    const ent = (seq: number | null | undefined) => {
      if (seq === null || seq === undefined) return undefined;
      const e = p.entities[seq];
      return e ? entityId(p.report.uid, seq, e.fused, e.edited) : undefined;
    };
    const claim = (seq: number | null | undefined) => (seq === null || seq === undefined ? undefined : p.claims[seq]?.uid);
    return { ent, claim };
  };

  const claimOf = (p: ReportParts, c: ReportParts["claims"][number]): ExportClaim => {
    const { ent } = within(p);
    const src = c.source;
    return {
      id: c.uid,
      doc: p.report.uid,
      start: c.start,
      end: c.end,
      text: c.text,
      status: c.status,
      source: src ? { name: src.name, ...(ent(src.entity) && { entity: ent(src.entity)! }), kind: src.kind, ...(src.role && { role: src.role }) } : null,
      cue: c.cue ? { text: c.cue.text, start: c.cue.start, end: c.cue.end } : null,
      quote: c.quote,
      entities: [...new Set(c.entities.map((s) => ent(s)).filter((x): x is string => !!x))],
      // an editor's correction: the extraction kept beside it
      ...(c.extracted && {
        extracted: { status: c.extracted.status, source: c.extracted.source ? { name: c.extracted.source.name, kind: c.extracted.source.kind } : null },
      }),
      ...(c.retracted && { retracted: true }),
    };
  };

  const unknownsOf = (p: ReportParts) => {
    const { claim } = within(p);
    return p.unknowns.map((u) => ({
      id: unknownUid(p.report.uid, u.seq), doc: p.report.uid, start: u.start, end: u.end, text: u.text, ...(claim(u.claim) && { claim: claim(u.claim)! }),
    }));
  };
  const timesOf = (p: ReportParts) => p.times.map((t) => ({ doc: p.report.uid, start: t.start, end: t.end, text: t.text, value: t.value, type: t.type, ...(t.mod && { mod: t.mod }) }));
  const countsOf = (p: ReportParts) => {
    const { claim } = within(p);
    return p.counts.map((n) => ({ doc: p.report.uid, start: n.start, end: n.end, text: n.text, kind: n.kind, value: n.value, approx: n.approx, claim: claim(n.claim) ?? null }));
  };
  const eventsOf = (p: ReportParts) => {
    const { ent, claim } = within(p);
    const ids = (xs: number[], f: (s: number) => string | undefined) => [...new Set(xs.map(f).filter((x): x is string => !!x))];
    return p.events.map((v) => ({
      id: eventUid(p.report.uid, v.seq), type: v.type, claims: ids(v.claims, claim), actors: ids(v.actors, ent), locations: ids(v.locations, ent), time: v.time,
    }));
  };
  return {
    async *reportSections() {
      for await (const ps of parts(["entityIds", "claims", "times", "counts", "unknowns", "events"]))
        yield {
          documents: ps.map((p) => documentOf(p.report)),
          claims: ps.flatMap((p) => p.claims.map((c) => claimOf(p, c))),
          unknowns: ps.flatMap(unknownsOf),
          times: ps.flatMap(timesOf),
          counts: ps.flatMap(countsOf),
          events: ps.flatMap(eventsOf),
        };
    },

    async *documents() {
      for await (const page of pages(true)) yield page.map((x) => documentOf(x as ReportRow & { text: string }));
    },

    async *entities() {
      // One entity per cluster of the ledger's entity fusion (titles, acronyms, both languages, a role that
      // names a person), its mentions in every current report; its name in the asked language.
      const f = await fused();
      type Group = { id: string; cluster?: EntityCluster; rows: { report: string; e: ReportParts["entities"][number] }[] };
      const groups = new Map<string, Group>();
      for await (const ps of parts(["entities"], false))
        for (const p of ps)
          p.entities.forEach((e, seq) => {
            const rec = f.entityRecord(p.report.uid, seq);
            const cluster = rec && !e.edited ? f.fusion.entities.clusterOf.get(rec) : undefined;
            const id = cluster ? clusterId(cluster) : fusedUid.get(e.fused)!;
            const g = groups.get(id) ?? groups.set(id, { id, ...(cluster && { cluster }), rows: [] }).get(id)!;
            g.rows.push({ report: p.report.uid, e });
          });
      const geo = new Map((await r.fusedByIds([...new Set([...groups.values()].flatMap((g) => g.rows.map((x) => x.e.fused)))])).map((x) => [x.id, x]));
      const out: ExportEntity[] = [];
      for (const g of [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const counts = new Map<string, number>();
        const names = new Set<string>();
        for (const { e } of g.rows) {
          counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
          names.add(e.name);
          for (const a of e.aliases) names.add(a);
        }
        // the cluster's name forms: titles with the name, roles that name the one person ("NATO Secretary General")
        if (g.cluster) for (const n of g.cluster.names) names.add(n);
        const first = geo.get(g.rows[0]!.e.fused);
        const name = g.cluster ? g.cluster.name(lang) : displayName(first?.fkey ?? "", lang, [...counts].map(([name, n]) => ({ name, n }))) ?? g.rows[0]!.e.name;
        names.delete(name);
        const gf = g.rows.map((x) => geo.get(x.e.fused)?.geo).find(Boolean);
        out.push({
          id: g.id,
          type: g.cluster?.type ?? g.rows[0]!.e.type,
          name,
          aliases: [...names].sort(),
          key: g.cluster?.key ?? first?.fkey ?? "",
          mentions: g.rows.flatMap(({ report, e }) => e.mentions.map((m) => ({ doc: report, start: m.start, end: m.end, text: m.text }))),
          ...(gf && { geo: { lat: gf.lat, lon: gf.lon, country: gf.country ?? "", geonameId: gf.geonameId ?? 0 } }),
        });
        if (out.length >= 200) yield out.splice(0);
      }
      yield out;
    },

    async *claims() {
      for await (const ps of parts(["entityIds", "claims"])) yield ps.flatMap((p) => p.claims.map((c) => claimOf(p, c)));
    },

    async *unknowns() {
      for await (const ps of parts(["claimIds", "unknowns"])) yield ps.flatMap(unknownsOf);
    },

    async *times() {
      for await (const ps of parts(["times"])) yield ps.flatMap(timesOf);
    },

    async *counts() {
      for await (const ps of parts(["claimIds", "counts"])) yield ps.flatMap(countsOf);
    },

    async *events() {
      for await (const ps of parts(["claimIds", "events", "entityIds"], false)) yield ps.flatMap(eventsOf);
    },

    async *contradictions() {
      // the ledger fusion's: inside reports and across them, per incident
      const f = await fused();
      const uid = await claimUidMap();
      const out: ExportContradiction[] = [];
      const pairs = new Set<string>();
      for (const d of f.fusion.disputes) {
        const a = uid.get(d.claims[0]), b = uid.get(d.claims[1]);
        if (!a || !b || pairs.has(`${a}|${b}`)) continue;
        pairs.add(`${a}|${b}`);
        out.push({ claims: [a, b], reason: d.reason, type: d.type, ...(d.detail.update && { update: true }), ...(d.incident && { incident: d.incident }) } as ExportContradiction);
      }
      yield out;
    },

    async *propositions() {
      const f = await fused();
      const uid = await claimUidMap();
      const byKey = new Map(f.fusion.entities.clusters.map((c) => [c.key, c]));
      yield exportPropositions(f.fusion, uid, (k) => {
        const c = byKey.get(k);
        return c ? clusterId(c) : undefined;
      });
    },

    async *claimLines() {
      const placeName = new Map<number, string>();
      for await (const ps of parts(["entityIds", "claims", "times", "counts"])) {
        const places = ps.flatMap((p) => p.entities.filter((e) => isPlace(e.type)).map((e) => e.fused)).filter((f) => !placeName.has(f));
        if (places.length) {
          const fused = await r.fusedByIds([...new Set(places)]);
          const nameLists = await r.fusedNames(fused.map((f) => f.id));
          for (const f of fused) placeName.set(f.id, displayName(f.fkey, lang, nameLists.get(f.id)) ?? f.fkey);
        }
        yield ps.flatMap((p) => {
          const document = documentOf(p.report);
          return p.claims.map((c) => {
            const inside = (t: { start: number; end: number }) => t.start >= c.start && t.end <= c.end;
            return {
              claim: claimOf(p, c),
              document,
              times: p.times.filter(inside).map((t) => t.value),
              places: [
                ...new Set(
                  c.entities
                    .map((s) => p.entities[s])
                    .filter((e) => e && isPlace(e.type))
                    .map((e) => placeName.get(e!.fused)!),
                ),
              ],
              figures: p.counts
                .filter((n) => n.claim === c.seq || (n.claim === null && inside(n)))
                .map((n) => `${n.kind}=${n.approx === "exact" ? "" : n.approx + ":"}${n.value}`),
            };
          });
        });
      }
    },

    async *corrections() {
      const all: ExportCorrection[] = [];
      for (let offset = 0; ; offset += 5000) {
        const page = await r.corrections({ limit: 5000, offset });
        all.push(...page.rows);
        if (page.rows.length < 5000) break;
      }
      const undone = new Set(all.filter((c) => c.action === "undo").map((c) => c.undoes));
      yield all.map((c) => (undone.has(c.id) ? { ...c, undone: true } : c));
    },

    async *places() {
      for (let offset = 0; ; offset += 100) {
        const { rows } = await r.fusedEntities({ places: true, geo: true, limit: 100, offset });
        if (!rows.length) return;
        const nameLists = await r.fusedNames(rows.map((f) => f.id));
        const out: PlaceWithClaims[] = [];
        for (const f of rows) {
          const at = await r.entitiesOfFused(f.id);
          const reports = await r.reportsByIds([...new Set(at.map((e) => e.report))]);
          const claims = await r.searchClaims({ entities: at, entitiesNamedOnly: true, limit: 1_000_000, offset: 0 });
          const uid = new Map(reports.map((x) => [x.id, x.uid]));
          const all = nameLists.get(f.id) ?? [];
          const name = displayName(f.fkey, lang, all) ?? f.fkey;
          out.push({
            entity: {
              id: f.uid, type: f.type, name, aliases: all.map((x) => x.name).filter((n) => n !== name).sort(), key: f.fkey, mentions: [],
              geo: { lat: f.geo!.lat, lon: f.geo!.lon, country: f.geo!.country ?? "", geonameId: f.geo!.geonameId ?? 0 },
            },
            reports: reports.map((x) => x.uid),
            claims: claims.items.map((c) => ({ id: c.uid, doc: uid.get(c.report)!, start: c.start, end: c.end, status: c.status, source: c.source?.name ?? null, text: c.text })),
          });
        }
        yield out;
      }
    },
  };
}
