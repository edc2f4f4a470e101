// The whole ledger (current versions of reports) in the sitrep/1 shape, section by section, as streams of
// pages: entities fused across reports and languages (one entity per fusion key, mentions in every
// report), claims, figures, times, events and the contradictions found across the ledger. The per-report
// sections hold a page of reports at a time; what comes from fusing the whole ledger (which entity is
// which, propositions, contradictions) is read back as kept after the last ingest (src/ledger/exportparts.ts),
// so that memory does not grow with the ledger; only when that is not current is it worked out in memory.
// The writers of the formats are in src/export.
import type { Lang } from "../model/doc.js";
import { type CorrectionRow, type PartKind, type ReportParts, type ReportRow, type Reads } from "../store/index.js";
import type { SitrepExport } from "../export/schema.js";
import { displayName } from "./naming.js";
import { ledgerFusion } from "./stored.js";
import type { ExportedProposition } from "./fusionexport.js";
import { keptParts, partsInMemory, type ExportContradiction, type FusedParts } from "./exportparts.js";

type X = SitrepExport;
export type ExportDocument = X["documents"][number] & { version?: number };
export type ExportEntity = X["entities"][number];
export type ExportClaim = X["claims"][number] & {
  /** An editor corrected the claim: what the extraction said. */
  extracted?: { status: string; source: { name: string; kind: string } | null };
  /** Its report was retracted by an editor. */
  retracted?: boolean;
};
export type { ExportContradiction };

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

/**
 * The export of the ledger behind `r` (use a snapshot, so that every section sees the same ledger). What
 * comes from fusing the whole ledger is read from the parts kept after the last ingest when they are current
 * (src/ledger/exportparts.ts), else worked out in memory (`kept: false` always works them out).
 */
export function ledgerExport(r: Reads, lang: Lang = "en", o: { kept?: boolean } = {}): LedgerExport {
  let partsP: Promise<FusedParts> | undefined;
  const fused = () =>
    (partsP ??= (async () => (o.kept !== false ? await keptParts(r, lang) : undefined) ?? partsInMemory(r, await ledgerFusion(r, lang), lang))());
  /** Export ids of the entities of the page of reports being read, by report. */
  let pageIds = new Map<string, (string | null)[]>();

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
    const ents = only.includes("entityIds") || only.includes("entities");
    const f = ents ? await fused() : undefined;
    for await (const page of pages(withText)) {
      const ps = await r.reportParts(page, only);
      if (f) pageIds = await f.entityIds(ps.map((p) => p.report.uid));
      yield ps;
    }
  }

  /** Ids within one report's parts. */
  const within = (p: ReportParts) => {
    const ids = pageIds.get(p.report.uid);
    const ent = (seq: number | null | undefined) => (seq === null || seq === undefined ? undefined : ids?.[seq] ?? undefined);
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
      yield* (await fused()).entities();
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
      yield* (await fused()).contradictions();
    },

    async *propositions() {
      yield* (await fused()).propositions();
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
          const claims = await r.searchClaims({ fused: await r.fusedMembers(f.id), entitiesNamedOnly: true, limit: 1_000_000, offset: 0 });
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
