import type { Doc } from "../model/doc.js";
import type { SitrepExport } from "./schema.js";
import { fusionKey } from "../ledger/fromdoc.js";
import { addFusion } from "../ledger/fusionexport.js";

/** An export with every list present and empty: the shape the one-shot and the ledger exports fill in. */
export function emptyExport(): SitrepExport {
  return { schema: "sitrep/1", documents: [], entities: [], claims: [], unknowns: [], times: [], counts: [], events: [], contradictions: [] };
}

/**
 * Builds the sitrep/1 export of one or more processed documents. Ids inside a document are local
 * (e1, c1 …); here they are renumbered across documents so that every id in the export is unique,
 * and every reference (claim → entity, count → claim, event → claim) follows the renumbering.
 */
/** The running numbering of ids across the documents of one export. */
export interface ExportNumbering {
  ne: number;
  nc: number;
  nu: number;
  nv: number;
}

type Sections = Omit<SitrepExport, "schema">;
type ExportEntity = Sections["entities"][number];
type ExportClaim = Sections["claims"][number];
type ExportUnknown = Sections["unknowns"][number];
type ExportTime = Sections["times"][number];
type ExportEvent = Sections["events"][number];

/** A claim's source in the export, its optional keys in the order the export has always had them. */
function sourceOf(src: NonNullable<Doc["claims"][number]["source"]>, entity: string | undefined): NonNullable<ExportClaim["source"]> {
  const o: NonNullable<ExportClaim["source"]> = { name: src.name } as NonNullable<ExportClaim["source"]>;
  if (entity) o.entity = entity;
  o.kind = src.kind;
  if (src.role) o.role = src.role;
  return o;
}

/**
 * One processed document's part of every section of the export, its ids numbered on from `n` (which it
 * advances): what buildExport puts together for each document in turn.
 */
export function docSections(doc: Doc, n: ExportNumbering): { [K in keyof Sections]: Sections[K] } {
  const out: Sections = { documents: [], entities: [], claims: [], unknowns: [], times: [], counts: [], events: [], contradictions: [] };
  const m = doc.meta;
  const d = m.id;
  out.documents.push({
    id: d,
    ...(m.title !== undefined && { title: m.title }),
    ...(m.source !== undefined && { source: m.source }),
    ...(m.url !== undefined && { url: m.url }),
    published: m.published,
    published_from: m.publishedFrom,
    // a language sitrep has no lexicons for is named as detected; nothing was extracted from it
    language: m.otherLanguage ?? m.language,
    language_from: m.languageFrom,
    text: doc.text,
  });
  const eid = new Map<string, string>();
  for (const e of doc.entities) eid.set(e.id, `e${++n.ne}`);
  const cid = new Map<string, string>();
  for (const c of doc.claims) cid.set(c.id, `c${++n.nc}`);
  const ent = (id: string | undefined) => (id === undefined ? undefined : eid.get(id));
  // Optional keys are set by assignment, in the same key order, not spread from `x && { k }`: V8 makes such a
  // literal through a runtime call per spread, and these run once per entity, claim, time and event.
  for (const e of doc.entities) {
    const o: ExportEntity = {
      id: eid.get(e.id)!,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      key: e.key,
      mentions: e.mentions.map((i) => doc.mentions[i]!).map((x) => ({ doc: d, start: x.start, end: x.end, text: x.text })),
    };
    if (e.geo) o.geo = e.geo;
    out.entities.push(o);
  }
  for (const c of doc.claims) {
    out.claims.push({
      id: cid.get(c.id)!,
      doc: d,
      start: c.start,
      end: c.end,
      text: c.text,
      status: c.status,
      source: c.source ? sourceOf(c.source, ent(c.source.entity)) : null,
      cue: c.cue ? { text: c.cue.text, start: c.cue.start, end: c.cue.end } : null,
      quote: c.quote,
      entities: c.entities.map((x) => eid.get(x)).filter((x): x is string => !!x),
    });
  }
  for (const u of doc.unknowns) {
    const o: ExportUnknown = { id: `u${++n.nu}`, doc: d, start: u.start, end: u.end, text: u.text };
    if (u.claim) o.claim = cid.get(u.claim);
    out.unknowns.push(o);
  }
  for (const t of doc.times) {
    const o: ExportTime = { doc: d, start: t.start, end: t.end, text: t.text, value: t.value, type: t.type };
    if (t.mod) o.mod = t.mod;
    if (t.unresolved) o.unresolved = true;
    out.times.push(o);
  }
  for (const c of doc.counts) {
    out.counts.push({ doc: d, start: c.start, end: c.end, text: c.text, kind: c.kind, value: c.value, approx: c.approx, claim: c.claim ? cid.get(c.claim) ?? null : null });
  }
  for (const v of doc.events) {
    const o: ExportEvent = {
      id: `v${++n.nv}`,
      type: v.type,
      claims: v.claims.map((x) => cid.get(x)).filter((x): x is string => !!x),
      actors: v.actors.map((x) => eid.get(x)).filter((x): x is string => !!x),
      locations: v.locations.map((x) => eid.get(x)).filter((x): x is string => !!x),
      time: v.time ?? null,
    };
    if (v.counts) o.counts = v.counts.map((i) => doc.counts[i]!).map((c) => ({ kind: c.kind, value: c.value, approx: c.approx, start: c.start, end: c.end }));
    if (v.trigger) o.trigger = { text: v.trigger.text, start: v.trigger.start, end: v.trigger.end };
    out.events.push(o);
  }
  for (const x of doc.contradictions) {
    const a = cid.get(x.claims[0]);
    const b = cid.get(x.claims[1]);
    if (a && b) out.contradictions.push({ claims: [a, b], reason: x.reason });
  }
  return out;
}

/**
 * Builds the sitrep/1 export of one or more processed documents. Ids inside a document are local
 * (e1, c1 …); here they are renumbered across documents so that every id in the export is unique,
 * and every reference (claim → entity, count → claim, event → claim) follows the renumbering.
 */
export function buildExport(docs: readonly Doc[], opts: { fuse?: boolean } = {}): SitrepExport {
  const out = emptyExport();
  const n: ExportNumbering = { ne: 0, nc: 0, nu: 0, nv: 0 };
  for (const doc of docs) {
    const part = docSections(doc, n);
    for (const k of SECTIONS) (out[k] as unknown[]).push(...part[k]);
  }
  // several reports: their propositions and the contradictions across them (src/ledger/fusionexport.ts),
  // then one entity for one referent across them
  if (docs.length > 1 && opts.fuse !== false) {
    addFusion(out, docs);
    fuseEntities(out);
  }
  return out;
}

/** The sections of the export that list what the documents hold, in the order the export writes them. */
export const SECTIONS = ["documents", "entities", "claims", "unknowns", "times", "counts", "events", "contradictions"] as const;

type Entity = SitrepExport["entities"][number];

/**
 * Which entities of a one-shot extract are one (see fuseEntities), decided an entity at a time in export
 * order: an entity joins the first one kept before it with its fusion key and type, and that one alone is
 * kept. What was decided for an entity never changes with those after it.
 */
export class EntityJoins {
  private byKey = new Map<string, { type: Entity["type"]; id: string }[]>();
  /** Joined entity id → the id of the entity kept for it. */
  readonly into = new Map<string, string>();

  /** The id of the kept entity this one joins, or undefined when it is kept itself. */
  add(e: Pick<Entity, "id" | "name" | "type" | "key" | "aliases">): string | undefined {
    const k = fusionKey(e.name, e.type, e.key, e.aliases);
    // the same type only: a mention keeps the type its own report gave it
    const l = this.byKey.get(k);
    const same = l?.find((x) => x.type === e.type);
    if (same) {
      this.into.set(e.id, same.id);
      return same.id;
    }
    if (l) l.push({ type: e.type, id: e.id });
    else this.byKey.set(k, [{ type: e.type, id: e.id }]);
    return undefined;
  }
}

/** What joining `e` into the kept entity `same` adds to it: its names as aliases, its mentions, its place. */
export function joinEntity(same: Entity, e: Entity): void {
  for (const n of [e.name, ...e.aliases]) if (n !== same.name && !same.aliases.includes(n)) same.aliases.push(n);
  same.mentions.push(...e.mentions);
  if (!same.geo && e.geo) same.geo = e.geo;
}

/** A claim's references to entities once joined entities are one (`id` maps a joined id to the kept one). */
export function joinedClaim(c: SitrepExport["claims"][number], id: (x: string) => string): void {
  if (c.source?.entity) c.source.entity = id(c.source.entity);
  c.entities = [...new Set(c.entities.map(id))];
}

/** An event's references to entities once joined entities are one. */
export function joinedEvent(v: SitrepExport["events"][number], id: (x: string) => string): void {
  v.actors = [...new Set(v.actors.map(id))];
  v.locations = [...new Set(v.locations.map(id))];
}

/**
 * One entity for the same person, body or place named in several reports of a one-shot extract, by the
 * ledger's fusion key (so that `extract a b c` and `ingest a b c; export` agree on who is who): mentions
 * and aliases are joined, references follow.
 */
function fuseEntities(out: SitrepExport): void {
  const joins = new EntityJoins();
  const kept: Entity[] = [];
  const byId = new Map<string, Entity>();
  for (const e of out.entities) {
    const into = joins.add(e);
    if (into === undefined) {
      kept.push(e);
      byId.set(e.id, e);
    } else joinEntity(byId.get(into)!, e);
  }
  if (!joins.into.size) return;
  out.entities = kept;
  const id = (x: string) => joins.into.get(x) ?? x;
  for (const c of out.claims) joinedClaim(c, id);
  for (const v of out.events) joinedEvent(v, id);
}
