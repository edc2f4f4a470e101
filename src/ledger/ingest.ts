// Storing extracted reports in the ledger: the fusion decisions that are made when a report arrives (which
// entity of the ledger each of its entities is, who asserts each claim, which proposition a claim states,
// which earlier report it copies, what may take part in contradictions), handed to the store as one
// record per report. Everything that needs only the report is worked out before the write transaction
// opens; inside it, only what depends on the ledger (names seen before, earlier wire copy).
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { Doc, Entity, EntityType } from "../model/doc.js";
import { key52, NOTABLE, StoreFull, type ClaimRecord, type EncodedReport, type NameRow, type ReportRecord, type Store, type Stored, type WriteTx } from "../store/index.js";
import { asserterOf, fusionKey } from "./fromdoc.js";
import { featuresOf, fold } from "./features.js";
import { bands, keptSignature, keptSimilarity, minhash } from "./minhash.js";
import { featureName, nameKey, shortFormOf } from "./names.js";
import { putStoredFusion, storedFusion, type StoredFusion } from "./stored.js";
import { unindexedWords } from "./search-words.js";

/** Two reports at least this similar (estimated Jaccard of word 3-shingles) are one source: wire copy. */
const WIRE_COPY = 0.6;

/** The content hash that decides "unchanged": the body and the metadata that identify the report. */
export function contentHash(doc: Doc): string {
  const m = doc.meta;
  return createHash("sha256")
    .update(JSON.stringify([m.url ?? "", m.source ?? "", m.title ?? "", m.published, doc.text]))
    .digest("hex")
    .slice(0, 32);
}

/** What makes two versions the same report: its URL, else the file it was read from. */
export function identityOf(doc: Doc): string | null {
  const m = doc.meta;
  if (m.url) return `url:${m.url}`;
  if (m.origin && (m.format === "text" || m.format === "html")) return `file:${resolve(m.origin)}`;
  return null;
}

/** A proposition key: claims with the same wording (case, accents, punctuation aside) state the same thing. */
export function propositionKey(text: string): number {
  return key52(fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim());
}

/** An entity of a report as its fusion key is decided (entityKeys): its names' keys, its own key, the entity whose short form it is. */
interface EntityPlan {
  id: string;
  type: EntityType;
  /** The entity of the report whose full name this one abbreviates. */
  full?: string;
  nkeys: string[];
  /** Its key by the alias table or its own name. */
  table: string;
}

/** Who asserts a claim: decided by the report alone, or the fusion key of one of its entities (the source's). */
type AsserterPlan = { key: string; name: string; keyed: boolean } | { entity: string; name: string };

/**
 * What can be worked out from the report alone, before the ledger is asked anything: the record to store
 * but for what the ledger decides (its entities' fusion keys, its claims' asserters, its wire-copy cluster,
 * the time it arrived). Plain data, so that an ingest's extraction threads make it and send it across.
 */
export interface Prepared {
  hash: string;
  identity: string | null;
  sig: Uint32Array;
  /** The ledger's keys of the names that may join the report's entities to others, asked at once. */
  nkeys: string[];
  /** The report's entities, longest names first. */
  plan: EntityPlan[];
  /** The id of each entity of the record. */
  entityIds: string[];
  asserters: AsserterPlan[];
  /** cluster, ingestedAt, entities' fkey and claims' asserter and sourceKeyed are filled in by storeOne. */
  record: ReportRecord;
  fusion: StoredFusion;
  /** The body and fusion record as SQLite stores them, when the extraction thread deflated them. */
  encoded?: EncodedReport;
}

/** The names of an entity that may join it to others: a short name only when it is an acronym. */
const joiningNames = (e: Entity) => [e.name, ...e.aliases].filter((n) => n.length >= 3 || /^\p{Lu}{2,}$/u.test(n));

export function prepare(doc: Doc): Prepared {
  const sig = minhash(doc.text);
  const m = doc.meta;
  const features = doc.claims.map((c) => {
    const f = JSON.stringify(featuresOf(c, doc.lang));
    return f === "{}" ? null : (JSON.parse(f) as object);
  });
  const feature = featureName(doc.lang);
  const plan = [...doc.entities]
    .sort((a, b) => b.name.length - a.name.length || a.id.localeCompare(b.id))
    .map((e): EntityPlan => {
      const full = shortFormOf(e, doc.entities, feature);
      return { id: e.id, type: e.type, ...(full && { full: full.id }), nkeys: joiningNames(e).map(nameKey), table: fusionKey(e.name, e.type, e.key, e.aliases) };
    });
  const seqOf = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    if (!seqOf.has(e.id)) seqOf.set(e.id, i);
  });
  const claimSeq = new Map(doc.claims.map((c, i) => [c.id, i]));
  // asserterOf asks the document for entities by id; answer from an index rather than a scan per claim.
  const byId = new Map<string, Entity>();
  for (const e of doc.entities) if (!byId.has(e.id)) byId.set(e.id, e);
  const view = Object.assign(Object.create(doc) as Doc, { entityById: (id: string) => byId.get(id) });
  // (an asserter that asks for an entity's fusion key waits for the ledger's: the entity it asked for is kept)
  const asserters = doc.claims.map((c): AsserterPlan => {
    let asked: string | undefined;
    const a = asserterOf(view, c, (eid) => ((asked = eid), ""));
    return asked === undefined ? { key: a.key, name: a.name, keyed: a.sourceKey !== undefined } : { entity: asked, name: a.name };
  });

  // The claim each figure belongs to: the one it names, else the one whose span holds it.
  const countClaim = doc.counts.map((n) => n.claim ?? doc.claims.find((c) => c.start <= n.start && n.end <= c.end)?.id);
  const withCounts = new Set(countClaim.filter(Boolean));
  const hasDenial = doc.claims.some((c) => c.status === "denied");
  const claims: ClaimRecord[] = doc.claims.map((c, i) => {
    const s = doc.sentences[c.sentence] ?? doc.sentences[doc.sentenceAt(c.start)];
    const f = features[i]!;
    return {
      start: c.start,
      end: c.end,
      text: c.text,
      sentence: s ? s.index : c.sentence,
      paragraph: s ? s.paragraph : 0,
      status: c.status,
      pkey: propositionKey(c.text),
      asserter: { key: "", name: "" },
      sourceKeyed: false,
      source: c.source
        ? {
            name: c.source.name,
            kind: c.source.kind,
            ...(c.source.entity !== undefined && seqOf.has(c.source.entity) && { entity: seqOf.get(c.source.entity)! }),
            ...(c.source.role && { role: c.source.role }),
          }
        : null,
      cue: c.cue ? { start: c.cue.start, end: c.cue.end, text: c.cue.text } : null,
      quote: c.quote,
      entities: c.entities.map((id) => seqOf.get(id)).filter((x): x is number => x !== undefined),
      features: f,
      notable: (c.status === "denied" || f ? NOTABLE.featured : 0) | (withCounts.has(c.id) ? NOTABLE.figure : 0) | (hasDenial ? NOTABLE.denialReport : 0),
    };
  });
  const hash = contentHash(doc);
  const identity = identityOf(doc);
  const record: ReportRecord = {
    hash,
    identity,
    meta: {
      title: m.title, source: m.source, url: m.url, published: m.published, publishedFrom: m.publishedFrom, language: m.language,
      languageFrom: m.languageFrom, otherLanguage: m.otherLanguage, origin: m.origin, format: m.format,
    },
    text: doc.text,
    ingestedAt: "",
    minhash: keptSignature(sig),
    bands: bands(sig).map(key52),
    cluster: null,
    entities: doc.entities.map((e) => ({
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      fkey: "",
      mentions: e.mentions.map((i) => doc.mentions[i]).filter((x) => !!x).map((x) => ({ start: x!.start, end: x!.end, text: x!.text })),
      ...(e.geo && { geo: { lat: e.geo.lat, lon: e.geo.lon, country: e.geo.country, geonameId: e.geo.geonameId } }),
    })),
    claims,
    unknowns: doc.unknowns.map((u) => ({ start: u.start, end: u.end, text: u.text, ...(u.claim && claimSeq.has(u.claim) && { claim: claimSeq.get(u.claim)! }) })),
    times: doc.times.map((t) => {
      // A dated time belongs on the timeline with the (not denied) claim that holds it.
      const dated = (t.type === "DATE" || t.type === "TIME") && /^\d{4}/.test(t.value);
      const at = dated ? doc.claims.findIndex((k) => k.start <= t.start && t.end <= k.end && k.status !== "denied") : -1;
      return { start: t.start, end: t.end, text: t.text, value: t.value, type: t.type, ...(t.mod && { mod: t.mod }), ...(at >= 0 && { timeline: at }) };
    }),
    counts: doc.counts.map((n, i) => ({
      start: n.start, end: n.end, text: n.text, kind: n.kind, value: n.value, approx: n.approx,
      ...(countClaim[i] !== undefined && claimSeq.has(countClaim[i]!) && { claim: claimSeq.get(countClaim[i]!)! }),
    })),
    events: doc.events.map((v) => ({
      type: v.type,
      claims: v.claims.map((x) => claimSeq.get(x)).filter((x): x is number => x !== undefined),
      actors: v.actors.map((x) => seqOf.get(x)).filter((x): x is number => x !== undefined),
      locations: v.locations.map((x) => seqOf.get(x)).filter((x): x is number => x !== undefined),
      ...(v.time && { time: v.time }),
    })),
  };
  return {
    hash,
    identity,
    sig,
    nkeys: doc.entities.flatMap((e) => joiningNames(e).map(nameKey)),
    plan,
    entityIds: doc.entities.map((e) => e.id),
    asserters,
    record,
    fusion: storedFusion(doc),
  };
}

/**
 * The fusion keys of a report's entities, longest names first so that a short form takes the key of the
 * full name it abbreviates: the alias table, then any name already in the ledger (`known`: the ledger's
 * keys for all the names of the report, asked at once), then its own key. The names each entity adds are
 * seen by the entities after it, as if each had been written before the next was looked up.
 */
async function entityKeys(tx: WriteTx, plan: readonly EntityPlan[], known: readonly NameRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const at = (nkey: string, type: string) => `${type}\u0000${nkey}`;
  for (const r of known) names.set(at(r.nkey, r.type), r.fkey);
  const added: NameRow[] = [];
  const fkeys = new Map<string, string>();
  for (const e of plan) {
    if (e.full !== undefined && fkeys.has(e.full)) {
      fkeys.set(e.id, fkeys.get(e.full)!);
      continue;
    }
    let fkey = /^a\d+:/.test(e.table) ? e.table : undefined;
    if (!fkey)
      for (const k of e.nkeys) {
        fkey = names.get(at(k, e.type));
        if (fkey) break;
      }
    fkey ??= e.table;
    for (const k of new Set(e.nkeys))
      if (!names.has(at(k, e.type))) {
        names.set(at(k, e.type), fkey);
        added.push({ nkey: k, type: e.type, fkey });
      }
    fkeys.set(e.id, fkey);
  }
  await tx.addNames(added);
  return fkeys;
}

/** The wire-copy cluster of a new report: that of the first earlier report similar enough, else its own. */
function clusterOf(p: Prepared, bandKeys: readonly number[], hits: Map<number, { report: number; cluster: number; minhash: Uint8Array | null }[]>): number | null {
  const checked = new Set<number>();
  for (const b of bandKeys) {
    for (const h of hits.get(b) ?? []) {
      if (checked.has(h.report)) continue;
      checked.add(h.report);
      const m = h.minhash;
      if (m && keptSimilarity(p.sig, m) >= WIRE_COPY) return h.cluster;
      if (checked.size >= 24) return null;
    }
  }
  return null;
}

export type Status = "added" | "updated" | "unchanged";

export interface Outcome {
  status: Status;
  /** Stable report id. */
  report: string;
  id: number;
  version: number;
  claims: number;
}

async function storeOne(tx: WriteTx, p: Prepared, now: Date): Promise<Outcome> {
  const r = p.record;
  const m = r.meta;
  const bandKeys = r.bands;
  // everything the ledger is asked before the report is written, at once
  const look = await tx.lookup({ hash: p.hash, identity: p.identity, bands: bandKeys, bandLimit: 8, nkeys: p.nkeys });
  const same = look.same;
  if (same) return { status: "unchanged", report: same.uid, id: same.id, version: same.version, claims: await tx.claimCount(same.id) };
  const prev: (Stored & { text: string; url: string | null; title: string | null }) | undefined = look.prev;
  // A report dated only by its file's time (or its arrival) is the same report when its words are.
  if (prev && m.publishedFrom === "file-mtime" && prev.text === r.text && (prev.url ?? "") === (m.url ?? "") && (prev.title ?? "") === (m.title ?? ""))
    return { status: "unchanged", report: prev.uid, id: prev.id, version: prev.version, claims: await tx.claimCount(prev.id) };

  const cluster = clusterOf(p, bandKeys, look.hits);
  const fkeys = await entityKeys(tx, p.plan, look.names);
  const record: ReportRecord = {
    ...r,
    ingestedAt: now.toISOString(),
    // (given here, on the writer's side, not in prepare: a prepared record crosses threads as bytes)
    unindexed: unindexedWords(m.language),
    cluster,
    entities: r.entities.map((e, i) => ({ ...e, fkey: fkeys.get(p.entityIds[i]!)! })),
    claims: r.claims.map((c, i) => {
      const a = p.asserters[i]!;
      if (!("entity" in a)) return { ...c, asserter: { key: a.key, name: a.name }, sourceKeyed: a.keyed };
      const k = fkeys.get(a.entity)!;
      return { ...c, asserter: { key: `e:${k}`, name: a.name }, sourceKeyed: true };
    }),
  };
  const s = await tx.putReport(record, prev);
  await putStoredFusion(tx, s.uid, p.fusion);
  return { status: prev ? "updated" : "added", report: s.uid, id: s.id, version: s.version, claims: record.claims.length };
}

/** A report that could not be stored, carried out of its transaction so that the transaction is undone. */
class NotStored extends Error {
  constructor(override readonly cause: unknown) {
    super("not stored");
  }
}

/** A report of a batch written without savepoints could not be stored: the batch is undone, to go again with them. */
class Isolate extends Error {
  constructor() {
    super("a report of the batch could not be stored");
  }
}

export type Result = ({ ok: true } & Outcome) | { ok: false; error: string; full?: boolean };

/**
 * Stores reports in one write transaction, so that one that cannot be stored is left out and the others go
 * in. The results are known to be committed when the promise resolves; when the ledger is busy the whole
 * transaction runs again, and when it cannot take the write (a full disk) the reports are tried one at a
 * time so that exactly those that fit are stored and reported.
 *
 * A batch is first written without a savepoint per report: SQLite copies every page a report is the first
 * to change inside a savepoint into a journal of its own (the SAVEPOINT and RELEASE statements alone were
 * 5% of an ingest's SQL time), and a server takes two round trips, for a failure that almost never comes. Should one report fail, the transaction is rolled back
 * whole and written again, each report in a savepoint: the same reports are stored, in the same order, with
 * the same rows, as had savepoints been there from the start.
 */
export async function storeReports(store: Store, docs: readonly (Doc | Prepared)[], now: Date = new Date()): Promise<Result[]> {
  const prepared = docs.map((d) => ("record" in d && "plan" in d ? d : prepare(d as Doc)));
  const write = (ps: readonly Prepared[], isolated: boolean) =>
    store.write(async (tx) => {
      // What needs nothing of the ledger is done before the writers' lock is taken.
      await tx.beforeLock(ps.map((p) => ({ title: p.record.meta.title ?? null, text: p.record.text, language: p.record.meta.language, items: [p.fusion], ...(p.encoded && { encoded: p.encoded }) })));
      // One report needs no savepoint: should it fail, its whole transaction is rolled back.
      if (ps.length === 1 || !isolated) {
        const out: Result[] = [];
        for (const p of ps)
          try {
            out.push({ ok: true, ...(await storeOne(tx, p, now)) });
          } catch (e) {
            if (e instanceof StoreFull || tx.fatal(e)) throw e;
            throw ps.length === 1 ? new NotStored(e) : new Isolate();
          }
        return out;
      }
      const out: Result[] = [];
      for (const p of ps) {
        try {
          out.push({ ok: true, ...(await tx.savepoint(() => storeOne(tx, p, now))) });
        } catch (e) {
          if (e instanceof StoreFull || tx.fatal(e)) throw e;
          out.push({ ok: false, error: (e as Error)?.message ?? String(e) });
        }
      }
      return out;
    });
  const batch = (ps: readonly Prepared[]) =>
    write(ps, false).catch((e: unknown) => {
      if (e instanceof NotStored) return [{ ok: false, error: (e.cause as Error)?.message ?? String(e.cause) }] as Result[];
      if (e instanceof Isolate) return write(ps, true);
      throw e;
    });
  try {
    return await batch(prepared);
  } catch (e) {
    if (!(e instanceof StoreFull) || prepared.length === 1) {
      if (e instanceof StoreFull) return [{ ok: false, error: e.message, full: true }];
      throw e;
    }
  }
  const out: Result[] = [];
  for (const p of prepared) {
    if (out.length && !out[out.length - 1]!.ok && (out[out.length - 1] as { full?: boolean }).full) {
      out.push({ ok: false, error: "not stored: the ledger could not take more", full: true });
      continue;
    }
    try {
      out.push(...(await batch([p])));
    } catch (e) {
      if (!(e instanceof StoreFull)) throw e;
      out.push({ ok: false, error: e.message, full: true });
    }
  }
  return out;
}

/** Is this exact report in the ledger already? (A cheap check before running the pipeline.) */
export async function known(store: Store, doc: Doc): Promise<boolean> {
  return !!(await store.reads.findByHash(contentHash(doc)));
}
