// The parts of the export that come from fusing the whole ledger: which fused entity each report's entities
// are (and those entities, with every mention), the propositions and the contradictions. Working them out
// holds the whole ledger's fusion in memory, so they are worked out where the briefing's picture is (after
// an ingest: src/ledger/snapshot.ts) and kept in the ledger under its version; `export` then reads them
// back a page at a time and its memory does not grow with the ledger. An export of a ledger whose parts
// are not current works them out in memory, the same way (the same text either way).
import type { Lang } from "../model/doc.js";
import type { FusedRow, ReportParts, ReportRow, Reads, WriteTx } from "../store/index.js";
import { digest, entityUid } from "../store/ids.js";
import { codeStamp } from "./codestamp.js";
import type { EntityCluster } from "./entityfusion.js";
import { exportProposition, type ExportedProposition } from "./fusionexport.js";
import { displayName } from "./naming.js";
import { claimRows, packProposition, unpackProposition, type KeptProposition, type PackContext, type UnpackContext } from "./keptpropositions.js";
import type { LedgerFusion } from "./stored.js";
import type { SitrepExport } from "../export/schema.js";

type ExportEntity = SitrepExport["entities"][number];
export type ExportContradiction = SitrepExport["contradictions"][number] & { type?: string; also?: string[] };

/** A fused entity as kept: its names in every language kept (one string: the same in every language), its other names (all of them, the name among them). */
export interface KeptEntity {
  type: string;
  key: string;
  name: string | Partial<Record<Lang, string>>;
  names: string[];
  mentions: ExportEntity["mentions"];
  geo?: NonNullable<ExportEntity["geo"]>;
}

/** What the export reads of the ledger's fusion, kept or worked out now. */
export interface FusedParts {
  /** The export ids of the entities of these reports (by stable id), one per position (null: none). */
  entityIds(uids: readonly string[]): Promise<Map<string, (string | null)[]>>;
  /** The fused entities, by id. */
  entities(): AsyncIterable<ExportEntity[]>;
  contradictions(): AsyncIterable<ExportContradiction[]>;
  propositions(): AsyncIterable<ExportedProposition[]>;
}

const ENTITY_IDS = "export-entity-ids";
/** The export ids of the kept entities, in runs (listRuns): what ENTITY_IDS's numbers index. */
const ENTITY_LIST = "export-entity-list";
/**
 * The current reports' ids in the order the export reads them (reportPages), in runs (listRuns): the
 * runs of ENTITY_IDS follow it, and kept claim ids name their report by its place in it.
 */
const REPORT_LIST = "export-report-list";
/** The published times of REPORT_LIST's reports, in the same runs: a kept proposition's times are its claims' reports'. */
const REPORT_TIMES = "export-report-times";
const ENTITIES = "export-entities";
const propsKind = (lang: Lang) => `export-propositions:${lang}`;
const contraKind = (lang: Lang) => `export-contradictions:${lang}`;
/** fusion_state kinds: the entity parts (the same in every language), and each language's lists. */
const STATE = "export-parts";
const stateKind = (lang: Lang) => `${STATE}:${lang}`;
const PAGE = 200;

const clusterId = (c: EntityCluster) => entityUid(`cluster\u0000${c.key}`);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function* reportPages(r: Reads): AsyncIterable<ReportRow[]> {
  let cursor: { ms: number; id: number } | null = null;
  for (;;) {
    const page = await r.reportsPage(cursor, PAGE, false);
    if (!page.length) return;
    const last = page[page.length - 1]!;
    cursor = { ms: last.publishedMs, id: last.id };
    yield page;
  }
}

/**
 * A list given whole, or made a slice at a time as it is written (the refresh's: each item is made when its
 * run is kept and let go with it, instead of every item of the ledger held until the last is kept).
 */
export interface Slices<T> {
  readonly length: number;
  slice(start: number, end: number): T[];
}

/** The entity parts, the entities made when asked for (entityParts holds them all). */
export interface EntityParts {
  /** Each current report's entities by their export ids, in the order the reports are read. */
  ids: Map<string, (string | null)[]>;
  entities: Slices<{ id: string; data: KeptEntity }>;
  /** The entities' ids, in order (known before any entity is made). */
  entityIds?: readonly string[];
  /** Each report's published time, in the order of `ids` (kept beside the reports for the lists: keepLists). */
  times?: readonly string[];
}

type Group = { id: string; cluster?: EntityCluster; rows: { report: string; e: ReportParts["entities"][number] }[] };

/**
 * The entity parts: each entity of each current report → its export id (its cluster's in the ledger's
 * entity fusion; an entity an editor merged, or without a fusion record, is the store's fused entity),
 * and one entity per id with its mentions in every report, named in each of `langs`.
 */
export async function entityParts(r: Reads, F: LedgerFusion, langs: readonly Lang[]): Promise<{ ids: Map<string, (string | null)[]>; entities: { id: string; data: KeptEntity }[] }> {
  const parts = await entitySlices(r, F, langs);
  return { ids: parts.ids, entities: parts.entities.slice(0, parts.entities.length) };
}

/** The entity parts with each entity made only when its slice is asked for (see entityParts). */
export async function entitySlices(r: Reads, F: LedgerFusion, langs: readonly Lang[]): Promise<EntityParts> {
  const fused = new Map<number, FusedRow>();
  const groups = new Map<string, Group>();
  const ids = new Map<string, (string | null)[]>();
  const times: string[] = [];
  for await (const page of reportPages(r)) {
    for (const x of page) times.push(x.published);
    const ps = await r.reportParts(page, ["entities"]);
    const want = [...new Set(ps.flatMap((p) => p.entities.map((e) => e.fused)))].filter((i) => !fused.has(i));
    for (let i = 0; i < want.length; i += 500) for (const f of await r.fusedByIds(want.slice(i, i + 500))) fused.set(f.id, f);
    for (const p of ps) {
      const mine: (string | null)[] = [];
      p.entities.forEach((e, seq) => {
        const rec = F.entityRecord(p.report.uid, seq);
        const cluster = rec && !e.edited ? F.fusion.entities.clusterOf.get(rec) : undefined;
        const made = cluster ? clusterId(cluster) : fused.get(e.fused)?.uid;
        if (made === undefined) return void mine.push(null);
        const g = groups.get(made) ?? groups.set(made, { id: made, ...(cluster && { cluster }), rows: [] }).get(made)!;
        // (the group's string: one copy of an entity's id for all its mentions, not one per report naming it)
        mine.push(g.id);
        g.rows.push({ report: p.report.uid, e });
      });
      ids.set(p.report.uid, mine);
    }
  }
  const sorted = [...groups.values()].sort(byId);
  groups.clear();
  const entity = (g: Group): { id: string; data: KeptEntity } => {
    const counts = new Map<string, number>();
    const names = new Set<string>();
    for (const { e } of g.rows) {
      counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
      names.add(e.name);
      for (const a of e.aliases) names.add(a);
    }
    // the cluster's name forms: titles with the name, roles that name the one person ("NATO Secretary General")
    if (g.cluster) for (const n of g.cluster.names) names.add(n);
    const first = fused.get(g.rows[0]!.e.fused);
    const name: Partial<Record<Lang, string>> = {};
    for (const lang of langs)
      name[lang] = g.cluster ? g.cluster.name(lang) : displayName(first?.fkey ?? "", lang, [...counts].map(([name, n]) => ({ name, n }))) ?? g.rows[0]!.e.name;
    const gf = g.rows.map((x) => fused.get(x.e.fused)?.geo).find(Boolean);
    return {
      id: g.id,
      data: {
        type: g.cluster?.type ?? g.rows[0]!.e.type,
        key: g.cluster?.key ?? first?.fkey ?? "",
        name,
        names: [...names].sort(),
        mentions: g.rows.flatMap(({ report, e }) => e.mentions.map((m) => ({ doc: report, start: m.start, end: m.end, text: m.text }))),
        ...(gf && { geo: { lat: gf.lat, lon: gf.lon, country: gf.country ?? "", geonameId: gf.geonameId ?? 0 } }),
      },
    };
  };
  return { ids, entities: { length: sorted.length, slice: (i, j) => sorted.slice(i, j).map(entity) }, entityIds: sorted.map((g) => g.id), times };
}

/**
 * A kept entity as stored: its mentions a run per report (the report once, by its place in REPORT_LIST:
 * a report's id is 13 random characters that do not compress, most of a run), each as where it starts and
 * the index of its words among the entity's names (most mentions are one of them), else its words; its
 * name one string when it is the same in every language. A third of the size of the mentions spelt out;
 * a sixth smaller again (1.06 → 0.90 MB at 10,000 reports) with each run's place the step from the run
 * before's, each start the step from the mention before's end, and no length where it is its words'.
 */
interface PackedEntity {
  type: string;
  /**
   * Its key, or of a key that names a report ("R:" + its id + the entity's place in it, an entity fusion
   * left alone) the report's place in REPORT_LIST and the rest: [place, "/e2"] (three in four entities at
   * 10,000 reports, their report's random id most of the key), or ["/e2"] when that report is its first run's.
   */
  key: string | [number, string] | [string];
  name: string | Partial<Record<Lang, string>>;
  names: string[];
  /**
   * Per report: [report, start, words, start, words, …]: the report as the step from the place of the run
   * before (the first's from 0), or its id when it has no place; a start as the step from the end of the
   * mention before in the run (the first's from 0); words as the index of a name, or spelt out, or when
   * the mention is not as long as its words [those, its length].
   */
  ms: (string | number | [string | number, number])[][];
  geo?: KeptEntity["geo"];
}

function packEntity(k: KeptEntity, place: ReadonlyMap<string, number>): PackedEntity {
  const at = new Map(k.names.map((n, i) => [n, i]));
  const ms: PackedEntity["ms"] = [];
  let run: PackedEntity["ms"][number] | undefined;
  let doc: string | undefined;
  let prev = 0, end = 0, first: number | undefined;
  for (const x of k.mentions) {
    if (!run || doc !== x.doc) {
      const p = place.get((doc = x.doc));
      if (!run) first = p;
      ms.push((run = [p === undefined ? x.doc : p - prev]));
      if (p !== undefined) prev = p;
      end = 0;
    }
    const w = at.get(x.text) ?? x.text;
    run.push(x.start - end, x.end - x.start === x.text.length ? w : [w, x.end - x.start]);
    end = x.end;
  }
  const names = [...new Set(Object.values(k.name))];
  const name = names.length === 1 && Object.keys(k.name).length > 0 ? names[0]! : k.name;
  const key = keyKept(k.key, place);
  return { type: k.type, key: typeof key !== "string" && key[0] === first ? [key[1]] : key, name, names: k.names, ms, ...(k.geo && { geo: k.geo }) };
}

/** An entity's key as kept (PackedEntity.key). */
function keyKept(key: string, place: ReadonlyMap<string, number>): string | [number, string] {
  if (!key.startsWith("R:")) return key;
  const k = key.indexOf("/", 2);
  const at = k > 2 ? place.get(key.slice(2, k)) : undefined;
  return at === undefined ? key : [at, key.slice(k)];
}

/** A stored entity back as kept, its reports named by their places in `reports`. */
function unpackEntity(p: PackedEntity, reports: readonly string[]): KeptEntity {
  const mentions: KeptEntity["mentions"] = [];
  let prev = 0, first: number | undefined;
  for (const run of p.ms) {
    const r = run[0]!;
    let doc: string;
    if (typeof r === "number") {
      doc = reports[(prev += r)]!;
      if (!mentions.length) first = prev;
    } else doc = r as string;
    let end = 0;
    for (let i = 1; i + 1 < run.length; i += 2) {
      const start = end + (run[i] as number), v = run[i + 1]!;
      const w = Array.isArray(v) ? v[0] : v;
      const text = typeof w === "number" ? p.names[w]! : w;
      end = start + (Array.isArray(v) ? v[1] : text.length);
      mentions.push({ doc, start, end, text });
    }
  }
  const key = typeof p.key === "string" ? p.key : `R:${reports[p.key.length === 1 ? first! : p.key[0]]!}${p.key[p.key.length - 1]}`;
  return { type: p.type, key, name: p.name, names: p.names, mentions, ...(p.geo && { geo: p.geo }) };
}

/** A kept entity as the export writes it, in one language. */
export function exportEntity(id: string, k: KeptEntity, lang: Lang): ExportEntity {
  const name = typeof k.name === "string" ? k.name : (k.name[lang] ?? k.name.en ?? Object.values(k.name)[0] ?? "");
  return { id, type: k.type as ExportEntity["type"], name, aliases: k.names.filter((n) => n !== name), key: k.key, mentions: k.mentions, ...(k.geo && { geo: k.geo }) };
}

/**
 * Fusion claim id → the store's stable claim id, for the claims a proposition or a contradiction names; the
 * current reports' ids in the order read (what keepLists keeps claim ids against); and `worded`: the store's
 * internal id of each proposition's first claim whose words are the proposition's (stable claim id → id),
 * by which keepLists keeps the proposition's text (the text of its first claim, as fusion words it).
 */
export async function claimUids(r: Reads, F: LedgerFusion): Promise<ClaimUids & { worded: Map<string, number> }> {
  const { uids, worded } = await claimUidsOf(r, [F]);
  return Object.assign(uids, { worded: worded[0]! });
}

/**
 * Fusion claim id → stable claim id, with the current reports' ids in the order read and their published
 * times, and the store's internal id of each claim named (by stable id: keepLists keeps a claim by it).
 */
export type ClaimUids = Map<string, string> & { reports: string[]; times: string[]; ids: Map<string, number> };

/**
 * claimUids for the fusions of several languages from one reading of the ledger's claim ids: one map of
 * the claims any of them names (each language reads its own from it), and each language's `worded`.
 */
export async function claimUidsOf(r: Reads, Fs: readonly LedgerFusion[]): Promise<{ uids: ClaimUids; worded: Map<string, number>[] }> {
  // the claims named, by report and position (a key string for each of a ledger's claims was most of what this allocated)
  const bySeq = new Map<string, Map<number, string>>();
  const want = (F: LedgerFusion, id: string) => {
    const at = F.claimAt.get(id);
    if (at) (bySeq.get(at.report) ?? bySeq.set(at.report, new Map()).get(at.report)!).set(at.seq, id);
  };
  const wordedIds = Fs.map((F) => {
    for (const p of F.fusion.propositions) {
      for (const c of p.claims) want(F, c);
      for (const h of p.history) want(F, h.claim);
    }
    for (const d of F.fusion.disputes) for (const c of d.claims) want(F, c);
    // the first claims whose words are their proposition's (null: a claim first in two propositions of other words)
    const firstOf = new Map<string, string | null>();
    for (const p of F.fusion.propositions) {
      const c = p.claims[0];
      if (c !== undefined) firstOf.set(c, firstOf.has(c) && firstOf.get(c) !== p.text ? null : p.text);
    }
    const worded = new Set<string>();
    for (const c of F.fusion.claims) if (firstOf.has(c.id) && firstOf.get(c.id) === c.text) worded.add(c.id);
    return worded;
  });
  const uids: ClaimUids = Object.assign(new Map<string, string>(), { reports: [] as string[], times: [] as string[], ids: new Map<string, number>() });
  const worded = Fs.map(() => new Map<string, number>());
  for await (const page of reportPages(r))
    for (const p of await r.reportParts(page, ["claimIds"])) {
      uids.reports.push(p.report.uid);
      uids.times.push(p.report.published);
      const named = bySeq.get(p.report.uid);
      if (!named) continue;
      p.claims.forEach((c, seq) => {
        const id = named.get(seq);
        if (id === undefined) return;
        uids.set(id, c.uid);
        uids.ids.set(c.uid, c.id);
        wordedIds.forEach((w, k) => {
          if (w.has(id)) worded[k]!.set(c.uid, c.id);
        });
      });
    }
  return { uids, worded };
}

/** The ledger fusion's contradictions and propositions in export form (ids: the store's). */
export function fusedLists(F: LedgerFusion, uid: Map<string, string>): { contradictions: ExportContradiction[]; propositions: ExportedProposition[] } {
  const { contradictions, propositions } = fusedSlices(F, uid);
  return { contradictions, propositions: propositions.slice(0, propositions.length) };
}

/** As fusedLists, each proposition made in export form only when its slice is asked for. */
export function fusedSlices(F: LedgerFusion, uid: Map<string, string>): { contradictions: ExportContradiction[]; propositions: Slices<ExportedProposition> } {
  // the ledger fusion's: inside reports and across them, per incident
  const contradictions: ExportContradiction[] = [];
  const pairs = new Set<string>();
  for (const d of F.fusion.disputes) {
    const a = uid.get(d.claims[0]), b = uid.get(d.claims[1]);
    if (!a || !b || pairs.has(`${a}|${b}`)) continue;
    pairs.add(`${a}|${b}`);
    contradictions.push({ claims: [a, b], reason: d.reason, type: d.type, ...(d.detail.update && { update: true }), ...(d.incident && { incident: d.incident }) } as ExportContradiction);
  }
  const byKey = new Map(F.fusion.entities.clusters.map((c) => [c.key, c]));
  const entityId = (k: string) => {
    const c = byKey.get(k);
    return c ? clusterId(c) : undefined;
  };
  const ps = F.fusion.propositions;
  return {
    contradictions,
    propositions: { length: ps.length, slice: (i, j) => ps.slice(i, j).map((p, k) => exportProposition(p, i + k, uid, entityId)) },
  };
}

/** The parts worked out now, in memory, for one language. */
export async function partsInMemory(r: Reads, F: LedgerFusion, lang: Lang): Promise<FusedParts> {
  const { ids, entities } = await entityParts(r, F, [lang]);
  const lists = fusedLists(F, await claimUids(r, F));
  return {
    entityIds: async (uids) => new Map(uids.map((u) => [u, ids.get(u) ?? []])),
    async *entities() {
      for (let i = 0; i < entities.length; i += PAGE) yield entities.slice(i, i + PAGE).map((x) => exportEntity(x.id, x.data, lang));
    },
    async *contradictions() {
      yield lists.contradictions;
    },
    async *propositions() {
      yield lists.propositions;
    },
  };
}

interface PartsState {
  version: string;
  code: string;
  /** A language's lists kept as the changes from this language's (keepLists): current only while that one's are. */
  base?: Lang;
  /** How many reports REPORT_LIST holds (entity parts), or held when the lists' claim ids were kept against it. */
  reports?: number;
  /** The entity parts: REPORT_TIMES is kept. A language's lists: kept against it (current only with entity parts that keep it). */
  timed?: boolean;
}

const stateOf = async (r: Reads, kind: string, version: string) => {
  const s = (await r.fusionState(kind))?.data as PartsState | undefined;
  return s && s.version === version && s.code === codeStamp() ? s : undefined;
};

/** A language's kept lists when current: the language whose lists they are kept as changes from, if any. */
async function listsState(r: Reads, version: string, lang: Lang): Promise<{ base?: Lang; timed?: boolean } | undefined> {
  const s = await stateOf(r, stateKind(lang), version);
  // (their claim ids name reports by their place in the entity parts' list of reports, and their times are those reports')
  const e = await stateOf(r, STATE, version);
  if (!s || !e || s.reports !== e.reports || (s.timed && !e.timed)) return undefined;
  if (s.base === undefined) return { timed: !!s.timed };
  const b = await stateOf(r, stateKind(s.base), version);
  return b && b.base === undefined && (!b.timed || e.timed) ? { base: s.base, timed: !!(s.timed || b.timed) } : undefined;
}

/** Whether the kept entity parts, and those of a language, are current for the ledger version `version`. */
export async function keptCurrent(r: Reads, version: string, lang?: Lang): Promise<{ entities: boolean; lists: boolean }> {
  return { entities: !!(await stateOf(r, STATE, version)), lists: lang ? !!(await listsState(r, version, lang)) : false };
}

/** The kept parts, read back a page at a time; undefined when they are not current. */
export async function keptParts(r: Reads, lang: Lang): Promise<FusedParts | undefined> {
  const version = await r.ledgerVersion();
  const lists = await listsState(r, version, lang);
  if (!(await stateOf(r, STATE, version)) || !lists) return undefined;
  const base = lists.base;
  let list: string[] | undefined;
  // the reports in the order the export reads them (read when first needed: an export of the documents alone does not)
  let reports: string[] | undefined;
  const reportList = async () => (reports ??= await keptList(r, REPORT_LIST));
  // A report's place in it: the export asks for its pages in that order, so the next place is the one after
  // the last found (no map of every report's id, a few MB at 100,000 reports, held beside the pages); a
  // report asked out of that order is found by such a map.
  let next = 0;
  let at: Map<string, number> | undefined;
  const place = (u: string): number | undefined => {
    if (reports![next] === u) return next++;
    at ??= new Map(reports!.map((x, i) => [x, i]));
    const i = at.get(u);
    if (i !== undefined) next = i + 1;
    return i;
  };
  const claimId = (ref: string) => {
    const k = ref.indexOf("-");
    return k > 0 && /^[0-9]/.test(ref) ? reports![Number(ref.slice(0, k))]! + ref.slice(k) : ref;
  };
  async function* runs<T>(kind: (l: Lang) => string): AsyncIterable<T[]> {
    await reportList();
    yield* keptRuns<T>(kind);
  }
  async function* keptRuns<T>(kind: (l: Lang) => string): AsyncIterable<T[]> {
    if (base === undefined) {
      for await (const items of r.fusionItems(kind(lang), 3)) yield items.flatMap((it) => it.data as T[]);
      return;
    }
    // the base language's runs with this language's changes put in, run by run
    for await (const items of r.fusionItems(kind(base), 3)) {
      const changes = new Map((await r.fusionItemsByIds(kind(lang), items.map((it) => it.id))).map((it) => [it.id, it.data as Changes]));
      yield items.flatMap((it) => {
        const ch = changes.get(it.id);
        if (!ch) throw new Error(`sitrep: the kept ${kind(lang)} run ${it.id} is missing`);
        const out = (it.data as T[]).slice();
        for (const [j, e] of ch.changed) out[j] = edited(out[j], e) as T;
        return out;
      });
    }
  }
  return {
    async entityIds(uids) {
      const out = new Map<string, (string | null)[]>();
      list ??= await keptList(r, ENTITY_LIST);
      await reportList();
      const idOf = (x: number | null) => (x === null ? null : list![x]!);
      const places = uids.map(place);
      // the runs of RUN reports these are in (a page of the export's reports: one or two runs)
      const want = [...new Set(places.flatMap((i) => (i === undefined ? [] : [runId(Math.floor(i / RUN))])))];
      const got = new Map<string, (number | null)[][]>();
      for (let i = 0; i < want.length; i += 500) for (const it of await r.fusionItemsByIds(ENTITY_IDS, want.slice(i, i + 500))) got.set(it.id, it.data as (number | null)[][]);
      uids.forEach((u, k) => {
        const i = places[k];
        const ids = i === undefined ? undefined : got.get(runId(Math.floor(i / RUN)))?.[i % RUN];
        out.set(u, ids ? ids.map(idOf) : []);
      });
      return out;
    },
    async *entities() {
      // a page of entities holds their mentions: fewer than the store's default page
      const order = await reportList();
      list ??= await keptList(r, ENTITY_LIST);
      for await (const items of r.fusionItems(ENTITIES, 200 / BUCKET))
        yield items.flatMap((it) =>
          (it.data as (PackedEntity & { id: string | number })[]).map((p) => exportEntity(typeof p.id === "number" ? list![p.id]! : p.id, unpackEntity(p, order), lang)),
        );
    },
    async *contradictions() {
      for await (const cs of runs<ExportContradiction>(contraKind)) yield cs.map((c) => keptContradiction(c, claimId));
    },
    async *propositions() {
      // (the times of the reports in their order, when the lists were kept against them)
      const times = lists.timed ? await keptList(r, REPORT_TIMES) : [];
      const placeOf = (u: string) => (at ??= new Map(reports!.map((x, i) => [x, i]))).get(u);
      const un: UnpackContext = { row: () => undefined, place: placeOf, report: (i) => reports![i], time: (i) => times[i] };
      let n = 0;
      // the claims a page of propositions is kept by (keptpropositions.ts) read from the store, a page at a time
      for await (const ps of runs<KeptProposition>(propsKind)) {
        const ids = ps.flatMap(claimRows);
        const rows = new Map<number, { uid: string; text: string }>();
        for (let i = 0; i < ids.length; i += 500) for (const c of await r.claimsByIds(ids.slice(i, i + 500))) rows.set(c.id, c);
        un.row = (id) => rows.get(id);
        yield ps.map((p) => unpackProposition(p, n++, un));
      }
    },
  };
}

/**
 * Propositions and contradictions are kept in runs of FUSED_RUN, an item each (alike rows compress together:
 * a contradiction's reason names the figures and sources of the ones around it, and runs of 400 took a
 * fifth less than runs of 100, 0.83 → 0.72 MB for the two lists at 10,000 reports; a change rewrites a
 * longer run), read three runs at a time; the reports' entity ids RUN reports of REPORT_LIST an item. Entities, in
 * buckets of about BUCKET (they hold every mention), made ENTITY_RUN at a time. An item of its own for each of
 * ten thousand small things took as much again for its key (in the table and its index) and compressed alone.
 */
const RUN = 100;
const FUSED_RUN = 400;
const ENTITY_RUN = 50;
const runId = (i: number) => String(i).padStart(9, "0");

/**
 * A claim id as kept: its report by its place in REPORT_LIST ("412-8drbvn76" for "d…-8drbvn76": a
 * report's id is random, 13 characters that do not compress), or as it is when its report is not there.
 * A report's id starts with a letter, a place with a digit.
 */
const claimRef = (at: ReadonlyMap<string, number>) => {
  return (id: string) => {
    const k = id.indexOf("-");
    const i = k > 0 ? at.get(id.slice(0, k)) : undefined;
    return i === undefined ? id : `${i}${id.slice(k)}`;
  };
};
/** A contradiction with its claim ids passed through `f` (to keep them, or back). */
const keptContradiction = (c: ExportContradiction, f: (id: string) => string): ExportContradiction => ({
  ...c,
  claims: c.claims.map((x) => (typeof x === "string" ? f(x) : x)) as ExportContradiction["claims"],
});

/**
 * A kind's items written again as a whole, in a write transaction, where only the items whose content
 * changed are written and the kept items not written again are deleted: an ingest of one report into a
 * ledger of 10,000 changes a few items of the parts (4 of 1,668, 9 KB), and every item written again (3 MB,
 * twice through SQLite's log and its checkpoint) made most of the 13.7 MB such an ingest wrote (6.1 MB
 * since). Items kept by other code (another layout) are cleared first, as before. What is kept is compared
 * by a digest of its JSON, read once (a digest, not the text: the entities hold every mention).
 */
class Rewrite {
  private written = new Set<string>();
  private constructor(
    private readonly tx: WriteTx,
    private readonly kind: string,
    private readonly kept: Map<string, string> | undefined,
  ) {}

  /** `incremental`: the items kept are this code's (else they are cleared and every item written). */
  static async of(tx: WriteTx, kind: string, incremental: boolean): Promise<Rewrite> {
    if (!incremental) {
      await tx.clearFusionItems(kind);
      return new Rewrite(tx, kind, undefined);
    }
    const kept = new Map<string, string>();
    for await (const items of tx.fusionItems(kind, 200)) for (const it of items) kept.set(it.id, jsonDigest(it.data));
    return new Rewrite(tx, kind, kept);
  }

  async put(items: readonly { id: string; data: unknown }[]): Promise<void> {
    for (const it of items) this.written.add(it.id);
    const kept = this.kept;
    const changed = kept ? items.filter((it) => kept.get(it.id) !== jsonDigest(it.data)) : items;
    if (changed.length) await this.tx.putFusionItems(this.kind, changed);
  }

  /** Deletes the kept items not written again. */
  async end(): Promise<void> {
    if (!this.kept) return;
    const gone = [...this.kept.keys()].filter((id) => !this.written.has(id));
    if (gone.length) await this.tx.deleteFusionItems(this.kind, gone);
  }
}
const jsonDigest = (data: unknown) => digest("sha1", JSON.stringify(data) ?? "").toString("base64");

/** Whether the parts kept under this state are this code's (of any version of the ledger): kept again item by item. */
const ownParts = async (r: Reads, kind: string) => ((await r.fusionState(kind))?.data as PartsState | undefined)?.code === codeStamp();

/** Ids in a list item: runs of LIST_RUN, so that ids added at its end change its last run only. */
const LIST_RUN = 1000;
const listRuns = (xs: readonly string[]) => Array.from({ length: Math.ceil(xs.length / LIST_RUN) }, (_, k) => ({ id: runId(k), data: xs.slice(k * LIST_RUN, (k + 1) * LIST_RUN) }));
/** A list kept in runs (listRuns) back whole. */
async function keptList(r: Reads, kind: string): Promise<string[]> {
  const out: string[] = [];
  for await (const items of r.fusionItems(kind, 50)) for (const it of items) out.push(...(it.data as string[]));
  return out;
}

/**
 * Entities are kept in buckets by the first characters of their ids (random, so the buckets are even, and
 * in id order, the order the export reads them in): a new entity changes its bucket alone, where runs of a
 * fixed number of entities all moved along after it. About BUCKET entities a bucket.
 */
const BUCKET = 40;
const bucketOf = (n: number) => {
  let chars = 1;
  for (let b = 32; n > BUCKET * b && chars < 4; b *= 32) chars++;
  return (id: string) => id.slice(0, 1 + chars);
};

/**
 * Keeps the entity parts (the same for every language) as current for `version`. Entities given a slice at
 * a time (entitySlices) are made, packed and written twenty runs at a time. Parts this code kept before are
 * kept again item by item (Rewrite): the list of entities keeps the places it gave (a report's entities
 * are kept as those places), new entities after them, so that a report's run changes only when its
 * entities do.
 */
export async function keepEntityParts(tx: WriteTx, version: string, parts: EntityParts): Promise<void> {
  const own = await ownParts(tx, STATE);
  const outs: Rewrite[] = [];
  for (const k of [ENTITY_IDS, ENTITIES, ENTITY_LIST, REPORT_LIST, REPORT_TIMES]) outs.push(await Rewrite.of(tx, k, own));
  const [idsOut, entitiesOut, listOut, reportsOut, timesOut] = outs as [Rewrite, Rewrite, Rewrite, Rewrite, Rewrite];
  // a report's entities by the place of their id among the entities' (random ids do not compress: 11
  // characters against 2-3 digits), the places given in the order the reports first name them (a run of
  // reports names entities of near places, which compress: 258 → 218 KB at 10,000 reports, against the
  // entities' own order)
  const entityIds = parts.entityIds ?? parts.entities.slice(0, parts.entities.length).map((e) => e.id);
  const wanted = [...new Set([...[...parts.ids.values()].flat().filter((x) => x !== null), ...entityIds])];
  let list = wanted;
  if (own) {
    // the places given before, then the new entities; made afresh once most places name entities gone
    const before = await keptList(tx, ENTITY_LIST);
    const now = new Set(wanted);
    const still = before.filter((id) => now.has(id)).length;
    if (still * 2 >= before.length) {
      const had = new Set(before);
      list = [...before, ...wanted.filter((id) => !had.has(id))];
    }
  }
  const at = new Map(list.map((id, i) => [id, i]));
  await listOut.put(listRuns(list));
  // the reports in the order read (entityParts: reportPages), their entity ids in runs of RUN in that order
  const reports = [...parts.ids.keys()];
  await reportsOut.put(listRuns(reports));
  const timed = parts.times?.length === reports.length;
  if (timed) await timesOut.put(listRuns(parts.times!));
  const ids = [...parts.ids.values()];
  for (let i = 0; i < ids.length; i += 20 * RUN) {
    const idRuns: { id: string; data: unknown }[] = [];
    for (let k = i; k < Math.min(ids.length, i + 20 * RUN); k += RUN)
      idRuns.push({ id: runId(k / RUN), data: ids.slice(k, k + RUN).map((data) => data.map((x) => (x === null ? null : at.get(x)!))) });
    await idsOut.put(idRuns);
  }
  const place = new Map(reports.map((u, i) => [u, i]));
  const n = parts.entities.length;
  const bucket = bucketOf(n);
  // (entities come in id order: a bucket's are together, and may run on into the next slice)
  let runs: { id: string; data: unknown[] }[] = [];
  let last = "";
  for (let i = 0; i < n; i += 20 * ENTITY_RUN) {
    for (const e of parts.entities.slice(i, Math.min(n, i + 20 * ENTITY_RUN))) {
      const b = bucket(e.id);
      if (b !== last) {
        // (a bucket met again would overwrite what it held: never, the ids being ASCII and sorted)
        if (b < last) throw new Error(`sitrep: the entities to keep are not in the order of their ids (${e.id})`);
        if (runs.length >= 20) await entitiesOut.put(runs.splice(0));
        runs.push({ id: (last = b), data: [] });
      }
      // (its id by its place in the list of entities: eleven random characters against a few digits)
      runs[runs.length - 1]!.data.push({ id: at.get(e.id) ?? e.id, ...packEntity(e.data, place) });
    }
  }
  await entitiesOut.put(runs);
  for (const w of outs) await w.end();
  await tx.setFusionState(STATE, Date.now(), { version, code: codeStamp(), reports: reports.length, ...(timed && { timed }) } satisfies PartsState);
}

/**
 * A run of a language's lists kept as changes from the base language's run of the same id: [position, the
 * edit of the base's item there] for each item that differs.
 */
interface Changes {
  changed: [number, Edit][];
}

/**
 * What makes a value of another: ["v", the value], or of a string ["s", how many characters of the other's
 * start, the characters between, how many of its end], of an array as long ["a", index, edit, …], of an
 * object of the same fields in the same order ["o", field, edit, …]. The languages' items differ in a few
 * words (a name in a source or a reason): a Dutch source list was kept whole for one name in it (the
 * Dutch lists were 187 KB at 10,000 reports).
 */
type Edit = ["v", unknown] | ["s", number, string, number] | ["a", ...(number | Edit)[]] | ["o", ...(string | Edit)[]];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
/** The edit that makes `x` of `base` (undefined: they are the same). */
function editOf(base: unknown, x: unknown): Edit | undefined {
  if (base === x) return undefined;
  if (typeof base === "string" && typeof x === "string") {
    const n = Math.min(base.length, x.length);
    let p = 0;
    while (p < n && base.charCodeAt(p) === x.charCodeAt(p)) p++;
    let q = 0;
    while (q < n - p && base.charCodeAt(base.length - 1 - q) === x.charCodeAt(x.length - 1 - q)) q++;
    // (a few characters kept are not worth two numbers)
    return p + q >= 8 ? ["s", p, x.slice(p, x.length - q), q] : ["v", x];
  }
  if (Array.isArray(base) && Array.isArray(x) && base.length === x.length) {
    const out: ["a", ...(number | Edit)[]] = ["a"];
    x.forEach((v, i) => {
      const e = editOf(base[i], v);
      if (e) out.push(i, e);
    });
    return out.length > 1 ? out : undefined;
  }
  if (isObject(base) && isObject(x)) {
    const ks = Object.keys(x), bs = Object.keys(base);
    if (ks.length === bs.length && ks.every((k, i) => k === bs[i])) {
      const out: ["o", ...(string | Edit)[]] = ["o"];
      for (const k of ks) {
        const e = editOf(base[k], x[k]);
        if (e) out.push(k, e);
      }
      return out.length > 1 ? out : undefined;
    }
  }
  return JSON.stringify(base) === JSON.stringify(x) ? undefined : ["v", x];
}

/** `base` with an edit made (editOf). */
function edited(base: unknown, e: Edit): unknown {
  switch (e[0]) {
    case "v":
      return e[1];
    case "s": {
      const b = base as string;
      return b.slice(0, e[1]) + e[2] + b.slice(b.length - e[3]);
    }
    case "a": {
      const out = (base as unknown[]).slice();
      for (let k = 1; k + 1 < e.length; k += 2) out[e[k] as number] = edited(out[e[k] as number], e[k + 1] as Edit);
      return out;
    }
    case "o": {
      const out = { ...(base as Record<string, unknown>) };
      for (let k = 1; k + 1 < e.length; k += 2) out[e[k] as string] = edited(out[e[k] as string], e[k + 1] as Edit);
      return out;
    }
  }
}

/**
 * A language's lists kept whole, that the next language's lists for the same version may be kept as changes
 * from: what it is, and a way to read its runs back.
 */
export interface KeptLists {
  version: string;
  lang: Lang;
  reports: number;
  propositions: number;
  contradictions: number;
  /** The kept runs of this language (propositions or contradictions) with these ids, by id. */
  runs(kind: "propositions" | "contradictions", ids: readonly string[]): Promise<Map<string, unknown[]>>;
}

/**
 * The lists kept whole by a transaction, by the transaction: the languages' lists are the same but for a
 * few words (a source's name, a contradiction's reason; 8% of the items), so the next language kept in
 * the same transaction for the same version keeps only the items that differ from them.
 */
const keptWhole = new WeakMap<WriteTx, KeptLists>();

/** Lists kept whole, read back from the ledger as `r` sees it (the transaction that kept them committed). */
export function keptListsIn(r: Reads, kept: Omit<KeptLists, "runs">): KeptLists {
  return {
    ...kept,
    async runs(kind, ids) {
      const k = kind === "propositions" ? propsKind(kept.lang) : contraKind(kept.lang);
      return new Map((await r.fusionItemsByIds(k, ids)).map((it) => [it.id, it.data as unknown[]]));
    },
  };
}

/**
 * What keepLists keeps a language's lists against, besides the reports: the claims' internal ids (`ids`, by
 * stable id), the first claims whose words are their proposition's (`worded`: stable id → internal id),
 * and the reports' published times (`times`, in the order of the reports: keepEntityParts keeps the same).
 */
export interface KeptAgainst {
  ids?: ReadonlyMap<string, number>;
  worded?: ReadonlyMap<string, number>;
  times?: readonly string[];
}

/**
 * Keeps a language's propositions and contradictions as current for `version`, their claim ids against
 * `reports`, the current reports in the order read (claimUids; keepEntityParts keeps the same list), a
 * proposition as packProposition keeps it (its claims by the store's ids, its times by its claims'
 * reports', its text by its first claim's words when `worded` has it: the export reads them back from
 * the claims, keptParts). Lists given a slice at a time (fusedSlices) are made, kept and written twenty
 * runs at a time. They are kept as the changes from `from` (else from the lists this transaction kept
 * first) when those are of the same version and as long. Returns what was kept, when kept whole (without
 * `runs` when not kept in memory: given as slices).
 */
export async function keepLists(
  tx: WriteTx,
  version: string,
  lang: Lang,
  given: { propositions: Slices<ExportedProposition>; contradictions: Slices<ExportContradiction> },
  reports: readonly string[],
  against: KeptAgainst = {},
  from?: KeptLists,
): Promise<Omit<KeptLists, "runs"> | undefined> {
  const at = new Map(reports.map((u, i) => [u, i]));
  const ref = claimRef(at);
  // (times kept against only when they are the reports', as keepEntityParts keeps them)
  const times = against.times?.length === reports.length ? against.times : undefined;
  const pack: PackContext = {
    place: (u) => at.get(u),
    claimId: (u) => against.ids?.get(u),
    time: (i) => times?.[i],
    worded: (u) => against.worded?.get(u),
  };
  const keptProp = (p: ExportedProposition, i: number) => packProposition(p, i, pack);
  const keptContra = (c: ExportContradiction) => keptContradiction(c, ref);
  const whole = from ?? keptWhole.get(tx);
  const base =
    whole &&
    whole.version === version &&
    whole.lang !== lang &&
    whole.reports === reports.length &&
    whole.propositions === given.propositions.length &&
    whole.contradictions === given.contradictions.length
      ? whole
      : undefined;
  // (given whole, the kept lists are held for the next language of this transaction, as they always were)
  const held = Array.isArray(given.propositions) && Array.isArray(given.contradictions) ? { propositions: [] as unknown[], contradictions: [] as unknown[] } : undefined;
  const pairs: ["propositions" | "contradictions", string, Slices<unknown>, (x: never, i: number) => object][] = [
    ["propositions", propsKind(lang), given.propositions, keptProp],
    ["contradictions", contraKind(lang), given.contradictions, keptContra],
  ];
  const own = await ownParts(tx, stateKind(lang));
  for (const [name, kind, xs, keep] of pairs) {
    const out = await Rewrite.of(tx, kind, own);
    for (let i = 0; i < xs.length; i += 5 * FUSED_RUN) {
      const some = xs.slice(i, Math.min(xs.length, i + 5 * FUSED_RUN)).map((x, k) => keep(x as never, i + k));
      if (held) held[name].push(...some);
      const ids: string[] = [];
      for (let k = 0; k < some.length; k += FUSED_RUN) ids.push(runId((i + k) / FUSED_RUN));
      const bs = base && (await base.runs(name, ids));
      const runs = ids.map((id, r) => {
        const run = some.slice(r * FUSED_RUN, (r + 1) * FUSED_RUN);
        if (!bs) return { id, data: run as unknown };
        const b = bs.get(id);
        if (!b) throw new Error(`sitrep: the kept ${name} run ${id} of ${base!.lang} is missing`);
        const changed: Changes["changed"] = [];
        run.forEach((x, j) => {
          const e = editOf(b[j], x);
          if (e) changed.push([j, e]);
        });
        return { id, data: { changed } satisfies Changes as unknown };
      });
      await out.put(runs);
    }
    await out.end();
  }
  const kept = base ? undefined : { version, lang, reports: reports.length, propositions: given.propositions.length, contradictions: given.contradictions.length };
  if (kept && held && !whole)
    keptWhole.set(tx, {
      ...kept,
      async runs(kind, ids) {
        const xs = held[kind];
        return new Map(ids.map((id) => [id, xs.slice(Number(id) * FUSED_RUN, (Number(id) + 1) * FUSED_RUN)]));
      },
    });
  await tx.setFusionState(stateKind(lang), Date.now(), { version, code: codeStamp(), reports: reports.length, ...(base && { base: base.lang }), ...(times && { timed: true }) } satisfies PartsState);
  return kept;
}
