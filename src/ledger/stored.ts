// What fusion keeps of each report in the ledger, and the fusion of the whole ledger from it. At ingest a
// report's fusion record (entity records, claim keys, incident keys: src/ledger/fusion.ts) is worked out
// from the report alone and stored beside it, with its own ids standing in for the report's id (which the
// store only gives when it writes). When the ledger is read, the records of the current reports are fused
// in memory: the result depends only on which reports are current, never on the order they came in.
import type { Doc, Lang } from "../model/doc.js";
import type { Reads, ReportRow, WriteTx } from "../store/index.js";
import { fusionFixes, type FusionFixes } from "../store/corrected.js";
import { fuseStreamed, reportFusion, type Fusion, type ReportFusion } from "./fusion.js";
import { entityKeys, type EntityRecord } from "./entityfusion.js";
import { fold } from "./features.js";
import { shingleText, textShingles, type FusionClaim } from "./claimkeys.js";
import { SHINGLE_SOURCE, type LazyShingles } from "./claimcolumns.js";

/** The fusion_items kind under which each report's record is kept, by the report's stable id. */
export const REPORT_FUSION = "report-fusion";
/** Stands for the report's id inside a stored record (a character no report text or name holds). */
const SELF = "\u0001";

/** A report's fusion record as stored: ids relative to the report, and the report's claim and entity ids in order. */
export interface StoredFusion extends ReportFusion {
  claimIds: string[];
  entityIds: string[];
}

/** Worked out before the write transaction: the report as the fusion sees it, its id left open, in its stored form. */
export function storedFusion(doc: Doc): StoredFusion {
  const view = Object.assign(Object.create(doc) as Doc, { meta: { ...doc.meta, id: SELF } });
  return compact({ ...reportFusion(view), claimIds: doc.claims.map((c) => c.id), entityIds: doc.entities.map((e) => e.id) });
}

// The stored form says once what every claim (entity) of the report repeats, and leaves out the ids and
// order keys that follow from the report's (a claim's order is the report's and its offset): each only
// when it does follow, so the record reads back exactly as it was made. Likewise a claim's end, sentence
// and paragraph (from its text and the claim before it), ids numbered in order, and the incident's entity
// records. Word shingles are not stored: they are hashes, which do not compress, and were half of a
// record; they are worked out again from the words they were made of (the claim's own text, else that
// text kept, as `shingled`). A claim's start is kept as its distance from the end of the claim before (`at`).
// Records of older sitreps (shingles as the base64 bytes of their 32-bit values, or as numbers; every id;
// no `shared`; `start`) read as they are.
const CLAIM_SHARED = ["doc", "published", "outlet", "agency", "lang"] as const;
const ENTITY_SHARED = ["doc", "lang"] as const;
type Loose = Record<string, unknown>;
const orderOf = (f: { incident: { order: string } }, start: number) => `${f.incident.order}|${String(start).padStart(7, "0")}`;

function hoist(rows: readonly Loose[], keys: readonly string[]): Loose {
  const shared: Loose = {};
  for (const k of keys) if (rows.length && rows.every((r) => k in r && r[k] === rows[0]![k])) shared[k] = rows[0]![k];
  return shared;
}

function compact(f: StoredFusion): StoredFusion {
  const claims = f.claims as unknown as Loose[], entities = f.entities as unknown as Loose[];
  const cs = hoist(claims, CLAIM_SHARED), es = hoist(entities, ENTITY_SHARED);
  const claimShared = new Set(Object.keys(cs)), entityShared = new Set(Object.keys(es));
  const out = {
    ...f,
    // (copies made key by key, leaving out what follows: a copy that had keys deleted was a slow
    // dictionary for everything after it, the JSON of the record first)
    claims: claims.map((c, i) => {
      const prev = i ? claims[i - 1]! : { sentence: -1, paragraph: 0 };
      // shingles are worked out again when read, from the words they were made of (hashes do not
      // compress: they were half of a stored record); those words are the claim's own, most often
      const from = shingleText(c as unknown as FusionClaim);
      const o: Loose = {};
      for (const k of Object.keys(c)) {
        if (claimShared.has(k)) continue;
        switch (k) {
          case "id":
            if (c.id === `${SELF}/${f.claimIds[i]}`) continue;
            break;
          case "order":
            if (c.order === orderOf(f, c.start as number)) continue;
            break;
          // where a claim starts, as how far after the claim before it ends (`at`): mostly 1 or 2, which
          // deflate spells in a few bits, where a position in the report is a new number every claim
          case "start":
            o.at = (c.start as number) - (i ? (claims[i - 1]!.end as number) : 0);
            continue;
          // where a claim ends, its sentence and its paragraph, where they follow from its text and the
          // claim before it
          case "end":
            if (c.end === (c.start as number) + String(c.text).length) continue;
            break;
          case "sentence":
            if (c.sentence === (prev.sentence as number) + 1) continue;
            break;
          case "paragraph":
            if (c.paragraph === prev.paragraph) continue;
            break;
          case "shingles":
            if (from !== undefined) continue;
            break;
        }
        o[k] = c[k];
      }
      if (from !== undefined) {
        if (from !== c.text) o.shingled = from;
      } else if (Array.isArray(c.shingles)) {
        const b = Buffer.alloc(c.shingles.length * 4);
        (c.shingles as number[]).forEach((v, j) => b.writeUInt32LE(v, j * 4));
        o.shingles = b.toString("base64");
      }
      return o;
    }),
    entities: entities.map((e, i) => {
      const o: Loose = {};
      for (const k of Object.keys(e)) if (!entityShared.has(k) && !(k === "id" && e.id === `${SELF}/${f.entityIds[i]}`)) o[k] = e[k];
      return o;
    }),
    shared: { claims: cs, entities: es },
  } as Loose;
  // the incident's entities are the report's, in order: their record ids follow
  const inc = f.incident as unknown as Loose;
  if (Array.isArray(inc.entities))
    out.incident = {
      ...inc,
      entities: (inc.entities as Loose[]).map((x, i) => {
        const { record, ...o } = x;
        return record === `${SELF}/${f.entityIds[i]}` ? o : x;
      }),
    };
  // ids numbered in order (c1, c2 …; e1, e2 …) follow from how many there are
  if (sameIds(f.claimIds, numbered("c", claims.length)) && sameIds(f.entityIds, numbered("e", entities.length))) {
    delete out.claimIds;
    delete out.entityIds;
  }
  return out as unknown as StoredFusion;
}

// (one list for every record with that many: a ledger's records read back held a list of its own each)
const numberedLists = new Map<string, readonly string[]>();
const numbered = (p: string, n: number): string[] => {
  let l = numberedLists.get(p + n);
  if (!l) numberedLists.set(p + n, (l = Object.freeze(Array.from({ length: n }, (_, i) => `${p}${i + 1}`))));
  return l as string[];
};
const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A stored record as it was made (the report's id still left open), its keys in the order they were made in. */
function expand(data: unknown, withClaims = true): unknown {
  const f = data as Loose & { shared?: { claims: Loose; entities: Loose }; claims: Loose[]; entities: Loose[]; claimIds?: string[]; entityIds?: string[]; incident: { order: string } };
  if (!f || typeof f !== "object" || !f.shared) return data;
  const { shared, ...rest } = f;
  const whole = (x: Loose, head: Record<string, () => unknown>, common: Loose): Loose => {
    const o: Loose = {};
    for (const k of Object.keys(head)) {
      if (k in x) o[k] = x[k];
      else if (k in common) o[k] = common[k];
      else if (k === "id" || k === "order") o[k] = head[k]!();
    }
    for (const [k, v] of Object.entries(x)) if (!(k in o)) o[k] = v;
    return o;
  };
  const none = () => undefined;
  const claimIds = f.claimIds ?? numbered("c", f.claims.length), entityIds = f.entityIds ?? numbered("e", f.entities.length);
  const inc = f.incident as unknown as Loose;
  let prev: Loose | null = null;
  return {
    ...rest,
    ...(Array.isArray(inc.entities) && {
      incident: { ...inc, entities: (inc.entities as Loose[]).map((x, i) => ("record" in x ? x : { record: `${SELF}/${entityIds[i]}`, ...x })) },
    }),
    claimIds,
    entityIds,
    claims: !withClaims ? [] : f.claims.map((kept, i) => {
      const c = started(kept, prev);
      const o = placed(whole(c, { id: () => `${SELF}/${claimIds[i]}`, doc: none, order: () => orderOf(f, c.start as number), published: none, outlet: none, agency: none, lang: none }, shared.claims), prev);
      prev = o;
      if (typeof o.shingles === "string") o.shingles = shinglesOf(o.shingles);
      else if (!("shingles" in o)) return withShingles(o, textShingles(String(o.shingled ?? o.text)));
      return o;
    }),
    entities: f.entities.map((e, i) => whole(e, { id: () => `${SELF}/${entityIds[i]}`, doc: none, lang: none }, shared.entities)),
  };
}

/** A stored claim with its start put back in place of `at` (from the end of the claim before), else as it is. */
function started(c: Loose, prev: Loose | null): Loose {
  if (!("at" in c)) return c;
  const o: Loose = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === "at") o.start = (prev ? (prev.end as number) : 0) + (v as number);
    else o[k] = v;
  }
  return o;
}

/** A claim with where it ends, its sentence and its paragraph put back, after its start, from its text and the claim before it (as read back). */
function placed(c: Loose, prev: Loose | null): Loose {
  if ("end" in c && "sentence" in c && "paragraph" in c) return c;
  const o: Loose = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === "end" || k === "sentence" || k === "paragraph") continue;
    o[k] = v;
    if (k !== "start") continue;
    o.end = "end" in c ? c.end : (v as number) + String(c.text).length;
    o.sentence = "sentence" in c ? c.sentence : (prev ? (prev.sentence as number) : -1) + 1;
    o.paragraph = "paragraph" in c ? c.paragraph : prev ? prev.paragraph : 0;
  }
  return o;
}

/** A claim with its shingles put back where they were made: after its features, before its parts. */
function withShingles(c: Loose, shingles: number[]): Loose {
  const o: Loose = {};
  let put = false;
  for (const [k, v] of Object.entries(c)) {
    if (k === "shingled") continue;
    if (k === "parts" && !put) (o.shingles = shingles), (put = true);
    o[k] = v;
    if (k === "features") (o.shingles = shingles), (put = true);
  }
  if (!put) o.shingles = shingles;
  return o;
}

function shinglesOf(b64: string): number[] {
  const b = Buffer.from(b64, "base64");
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i += 4) out.push(b.readUInt32LE(i));
  return out;
}

export async function putStoredFusion(tx: WriteTx, reportUid: string, f: StoredFusion): Promise<void> {
  await tx.putFusionItems(REPORT_FUSION, [{ id: reportUid, data: f }]);
}

/**
 * The record with the report's id put in. Without `claims` (false), the record without its claims (none
 * read, no shingles worked out): what fusing the whole ledger's entities and incidents needs.
 */
export function rehydrate(stored: unknown, uid: string, o: { claims?: boolean } = {}): StoredFusion {
  const withClaims = o.claims !== false;
  // (an older record, read as it is, leaves its claims out here)
  const data = withClaims ? expand(stored) : { ...(expand(stored, false) as Loose), claims: [] };
  return withUid(data, uid) as StoredFusion;
}

/**
 * The report's id put in for SELF wherever a string holds it (but in a text or shingles), copying only the
 * arrays and objects that hold one: the rest of a freshly parsed record is used as it is (a whole copy of
 * every record, each time it was read, was most of what a refresh allocated).
 */
function withUid(v: unknown, uid: string): unknown {
  if (typeof v === "string") return v.includes(SELF) ? v.split(SELF).join(uid) : v;
  if (!v || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = v[i], y = withUid(x, uid);
      if (y !== x) (out ??= v.slice())[i] = y;
    }
    return out ?? v;
  }
  let out: Loose | undefined;
  for (const k in v as Loose) {
    if (k === "text" || k === "shingles") continue;
    const x = (v as Loose)[k], y = withUid(x, uid);
    if (y !== x) (out ??= { ...(v as Loose) })[k] = y;
  }
  return out ?? v;
}

/**
 * The claims of a stored record, with the report's id put in, each already in the fixed shape the fusion
 * reads (`shaped`): what `rehydrate(stored, uid).claims.map(shaped)` gives, in one pass over each claim
 * instead of five copies of it. Undefined for a record of an older sitrep (no `shared`), read as before.
 */
export function shapedClaims(stored: unknown, uid: string): FusionClaim[] | undefined {
  const f = stored as Loose & { shared?: { claims: Loose }; claims: Loose[]; claimIds?: string[]; incident: { order: string } };
  if (!f || typeof f !== "object" || !f.shared) return undefined;
  const common = f.shared.claims;
  const claimIds = f.claimIds ?? numbered("c", f.claims.length);
  const out: FusionClaim[] = [];
  let prevSentence = -1, prevParagraph: unknown = 0, prevEnd = 0;
  for (let i = 0; i < f.claims.length; i++) {
    const x = f.claims[i]!;
    // as `whole` reads a key: the claim's own, else the record's shared one
    const pick = (k: string): unknown => (k in x ? x[k] : k in common ? common[k] : undefined);
    const sub = (k: string): any => withUid(pick(k), uid);
    const text = pick("text"), start = "at" in x ? prevEnd + (x.at as number) : pick("start");
    const end = ("end" in x ? x.end : "end" in common ? common.end : (start as number) + String(text).length) as number;
    prevEnd = end;
    const sentence = "sentence" in x ? x.sentence : "sentence" in common ? common.sentence : prevSentence + 1;
    const paragraph = "paragraph" in x ? x.paragraph : "paragraph" in common ? common.paragraph : prevParagraph;
    (prevSentence = sentence as number), (prevParagraph = paragraph);
    const raw = pick("shingles");
    // (worked out from the words they were made of only when asked: see ReadClaim)
    const shingles = typeof raw === "string" ? shinglesOf(raw) : raw === undefined && !(("shingles" in x) || ("shingles" in common)) ? String(pick("shingled") ?? text) : raw;
    const id = "id" in x || "id" in common ? sub("id") : withUid(`${SELF}/${claimIds[i]}`, uid);
    const order = "order" in x || "order" in common ? sub("order") : withUid(orderOf(f, start as number), uid);
    out.push(
      new ReadClaim(
        id, sub("doc"), order, sub("published"), sub("outlet"), sub("agency"), sub("lang"), text as string,
        start as number, end,
        sentence as number, paragraph as number, sub("status"), sub("quote"), sub("source"),
        sub("concepts"), sub("background"), sub("main"), sub("agents"), sub("entities"), sub("subject"), sub("listed"),
        sub("countries"), sub("figures"), sub("days"), sub("years"), sub("features"), shingles as number[] | string, sub("parts"),
      ),
    );
  }
  return out;
}

/**
 * A claim read back for its incident's block, as `shaped` gives it, but for its word shingles: those are
 * worked out from the words they were made of when first asked for. Only the proposition's origins read
 * them (a sentence copied from another outlet), after the block's claims are grouped: a block of a whole
 * ledger held every claim's shingles through its contradictions and grouping, a tenth of its memory.
 */
class ReadClaim implements FusionClaim, LazyShingles {
  constructor(
    public id: string, public doc: string, public order: string, public published: string, public outlet: string | null,
    public agency: string | null, public lang: Lang, public text: string, public start: number, public end: number,
    public sentence: number, public paragraph: number, public status: FusionClaim["status"], public quote: boolean,
    public source: FusionClaim["source"], public concepts: string[], public background: string[] | undefined, public main: string | null,
    public agents: string[], public entities: string[], public subject: string | undefined, public listed: string[] | undefined, public countries: string[],
    public figures: FusionClaim["figures"], public days: string[], public years: string[] | undefined, public features: FusionClaim["features"],
    /** The shingles, or the words they are made of (until asked for). */
    private shingled: number[] | string,
    public parts: FusionClaim["parts"],
  ) {}
  get shingles(): number[] {
    if (typeof this.shingled === "string") this.shingled = textShingles(this.shingled);
    return this.shingled;
  }
  set shingles(v: number[]) {
    this.shingled = v;
  }
  [SHINGLE_SOURCE](): number[] | string {
    return this.shingled;
  }
}

/** The fusion of the current reports, with the ways back from fusion ids to the store's rows. */
export interface LedgerFusion {
  fusion: Fusion;
  /** Fusion claim id (`<report uid>/<claim id>`) → (report uid, position). */
  claimAt: { get(id: string): { report: string; seq: number } | undefined };
  /** (report uid, entity position) → fusion entity record id. */
  entityRecord(report: string, seq: number): string | undefined;
  /** Reports (current) that have no stored fusion record (ingested by an older sitrep). */
  missing: string[];
}

/**
 * Reads the stored records of the current reports and fuses them. The claims, most of a record, are read
 * one incident at a time (src/ledger/fusion.ts, fuseStreamed) and kept, once their incident is fused, with
 * only what is read of them afterwards: memory holds every report's entities and incident keys, the claims
 * as the picture reads them, and one incident's claims whole.
 */
export async function ledgerFusion(r: Reads, lang: Lang = "en"): Promise<LedgerFusion> {
  return (await ledgerFusions(r, [lang])).get(lang)!;
}

/** The ledger's fusion in each of these languages, from one reading of the records (see ledgerFusion). */
export async function ledgerFusions(r: Reads, langs: readonly Lang[]): Promise<Map<Lang, LedgerFusion>> {
  const current = new Set<string>();
  let cursor: { ms: number; id: number } | null = null;
  for (;;) {
    const page: ReportRow[] = await r.reportsPage(cursor, 500, false);
    if (!page.length) break;
    // (a report an editor retracted is out of the picture: src/store/corrected.ts marks it)
    for (const x of page) if (!x.retracted) current.add(x.uid);
    const last = page[page.length - 1]!;
    cursor = { ms: last.publishedMs, id: last.id };
  }
  const heads: StoredFusion[] = [];
  const entityIds = new Map<string, string[]>();
  const byUid = new Map<string, StoredFusion>();
  for await (const items of r.fusionItems(REPORT_FUSION))
    for (const it of items) {
      if (!current.has(it.id)) continue;
      const f = rehydrate(it.data, it.id, { claims: false });
      byUid.set(it.id, f);
      heads.push(f);
      entityIds.set(it.id, f.entityIds);
    }
  const fixes = await fusionFixes(r);
  if (fixes) correctEntities(byUid, fixes);
  // from here on a report's record is needed for its claims' ids only (its entity records are the fused
  // entities', its incident keys the grouping's, and let go once incidents are found: see fuseStreamed)
  const claimIdsOf = new Map<string, string[]>();
  for (const [uid, f] of byUid) claimIdsOf.set(uid, f.claimIds);
  byUid.clear();
  // (asked of the claims a proposition or a contradiction names: an index of every claim would cost more
  // than the claims kept)
  const claimAt = {
    get(id: string) {
      const cut = id.lastIndexOf("/");
      const report = id.slice(0, cut), ids = claimIdsOf.get(report);
      if (!ids) return undefined;
      const c = id.slice(cut + 1);
      // ids numbered in order (c1, c2 …) are found at once
      const n = /^c(\d+)$/.exec(c);
      const seq = n && ids[Number(n[1]) - 1] === c ? Number(n[1]) - 1 : ids.indexOf(c);
      return seq < 0 ? undefined : { report, seq };
    },
  };
  // one string for a report's id, however many claims name it
  const uids = new Map([...claimIdsOf.keys()].map((u) => [u, u]));
  const keep = (c: FusionClaim) => {
    const k = keptClaim(c);
    k.doc = uids.get(k.doc) ?? k.doc;
    return k;
  };
  const claimsOf = async (uids: readonly string[]) => {
    const out = new Map<string, FusionClaim[]>();
    // a page of records at a time: only the claims in their compact shape outlive their page
    for (let i = 0; i < uids.length; i += 500) {
      const got = new Map<string, StoredFusion>();
      for (const it of await r.fusionItemsByIds(REPORT_FUSION, uids.slice(i, i + 500))) {
        // (a record an editor corrected, or of an older sitrep, is read whole, as it always was)
        const quick = fixes?.claims.has(it.id) ? undefined : shapedClaims(it.data, it.id);
        if (quick) out.set(it.id, quick);
        else got.set(it.id, rehydrate(it.data, it.id));
      }
      if (fixes) correctClaims(got, fixes);
      for (const [uid, f] of got) out.set(uid, f.claims.map(shaped));
    }
    return out;
  };
  const fusions = await fuseStreamed(heads, claimsOf, keep, langs);
  const missing = [...current].filter((u) => !claimIdsOf.has(u)).sort();
  const entityRecord = (report: string, seq: number) => {
    const id = entityIds.get(report)?.[seq];
    return id === undefined ? undefined : `${report}/${id}`;
  };
  return new Map([...fusions].map(([lang, fusion]) => [lang, { fusion, claimAt, entityRecord, missing }]));
}

/**
 * A claim as one object of a fixed shape. A record read back builds each claim key by key, and V8 keeps an
 * object of that many keys so built as a dictionary: 2.3 KB a claim against under 1 KB in this form, and a
 * block of a whole ledger is every claim of it. (Keys a record leaves out are undefined here.)
 */
export function shaped(c: FusionClaim): FusionClaim {
  return {
    id: c.id, doc: c.doc, order: c.order, published: c.published, outlet: c.outlet, agency: c.agency, lang: c.lang, text: c.text,
    start: c.start, end: c.end, sentence: c.sentence, paragraph: c.paragraph, status: c.status, quote: c.quote, source: c.source,
    concepts: c.concepts, background: c.background, main: c.main, agents: c.agents, entities: c.entities, subject: c.subject, listed: c.listed,
    countries: c.countries, figures: c.figures, days: c.days, years: c.years, features: c.features, shingles: c.shingles, parts: c.parts,
  };
}

const NONE: never[] = [];
const NO_FEATURES = {} as FusionClaim["features"];
/**
 * A claim as the ledger's fusion keeps it once its incident is fused: what the picture and the export read
 * of it (words, place, status, source, concepts, entities, figures), without what only the block's fusion
 * reads (word shingles, wording features, parts, background, doers, countries, days).
 */
function keptClaim(c: FusionClaim): FusionClaim {
  // Written out key by key, in the order the claim's own keys come in (a copy by rest and spread made each
  // kept claim an object of its own hidden class, with its own descriptors: ~600 bytes more per claim)
  return {
    id: c.id, doc: c.doc, order: c.order, published: c.published, outlet: c.outlet, agency: c.agency, lang: c.lang, text: c.text,
    start: c.start, end: c.end, sentence: c.sentence, paragraph: c.paragraph, status: c.status, quote: c.quote, source: c.source,
    concepts: c.concepts, main: c.main, entities: c.entities, figures: c.figures, shingles: NONE, features: NO_FEATURES, agents: NONE, countries: NONE, days: NONE,
  };
}

/**
 * The editors' corrections put into the records of the current reports (by report uid), in place: a claim's
 * status and source, entities merged (one shared key) or split (each side without the keys of the other).
 * The stored records, the extraction, are not changed: these are the records as read.
 */
export function applyCorrections(records: Map<string, StoredFusion>, fixes: FusionFixes): void {
  correctClaims(records, fixes);
  correctEntities(records, fixes);
}

/** The editors' corrections of claims (status, source) put into these records, in place. */
function correctClaims(records: ReadonlyMap<string, StoredFusion>, fixes: FusionFixes): void {
  for (const [uid, claims] of fixes.claims) {
    const f = records.get(uid);
    if (!f) continue;
    const at = new Map(f.claims.map((c, i) => [c.id, i]));
    for (const [seq, fix] of claims) {
      const i = at.get(`${uid}/${f.claimIds[seq]}`);
      if (i === undefined) continue;
      const c = { ...f.claims[i]! };
      if (fix.status) c.status = fix.status;
      if (fix.source !== undefined && fix.source !== c.source?.name) {
        // a name one of the report's entities goes by is that entity speaking
        const name = fold(fix.source);
        const e = f.entities.find((x) => [x.name, ...x.aliases].some((n) => fold(n) === name));
        c.source = fix.source === "report" ? null : { name: fix.source, kind: "other", ...(e && { entity: e.id }) };
      }
      f.claims[i] = c;
    }
  }
}

/** The editors' merges and splits of entities put into these records, in place. */
function correctEntities(records: ReadonlyMap<string, StoredFusion>, fixes: FusionFixes): void {
  const recordAt = (pos: string): EntityRecord | undefined => {
    const cut = pos.lastIndexOf("/");
    const uid = pos.slice(0, cut), f = records.get(uid);
    const id = f?.entityIds[Number(pos.slice(cut + 1))];
    return id === undefined ? undefined : f!.entities.find((x) => x.id === `${uid}/${id}`);
  };
  // What each split side joins by, before any correction.
  const keysOf = new Map<number, string[]>();
  for (const [g, ps] of fixes.groups) {
    const ks = new Set<string>();
    for (const p of ps) {
      const rec = recordAt(p);
      if (!rec) continue;
      const k = entityKeys(rec);
      for (const x of [...k.strong, ...k.seeks, ...k.offers]) ks.add(x);
    }
    keysOf.set(g, [...ks]);
  }
  for (const [uid, ents] of fixes.entities) {
    const f = records.get(uid);
    if (!f) continue;
    for (const [seq, edit] of ents) {
      const id = f.entityIds[seq];
      const i = f.entities.findIndex((x) => x.id === `${uid}/${id}`);
      if (id === undefined || i < 0) continue;
      f.entities[i] = { ...f.entities[i]!, editor: { join: edit.join, drop: edit.apartFrom.flatMap((g) => keysOf.get(g) ?? []) } };
    }
  }
}
