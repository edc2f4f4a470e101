// What fusion keeps of each report in the ledger, and the fusion of the whole ledger from it. At ingest a
// report's fusion record (entity records, claim keys, incident keys: src/ledger/fusion.ts) is worked out
// from the report alone and stored beside it, with its own ids standing in for the report's id (which the
// store only gives when it writes). When the ledger is read, the records of the current reports are fused
// in memory: the result depends only on which reports are current, never on the order they came in.
import type { Doc, Lang } from "../model/doc.js";
import type { Reads, ReportRow, WriteTx } from "../store/index.js";
import { fuseRecords, reportFusion, type Fusion, type ReportFusion } from "./fusion.js";

/** The fusion_items kind under which each report's record is kept, by the report's stable id. */
export const REPORT_FUSION = "report-fusion";
/** Stands for the report's id inside a stored record (a character no report text or name holds). */
const SELF = "\u0001";

/** A report's fusion record as stored: ids relative to the report, and the report's claim and entity ids in order. */
export interface StoredFusion extends ReportFusion {
  claimIds: string[];
  entityIds: string[];
}

/** Worked out before the write transaction: the report as the fusion sees it, its id left open. */
export function storedFusion(doc: Doc): StoredFusion {
  const view = Object.assign(Object.create(doc) as Doc, { meta: { ...doc.meta, id: SELF } });
  return { ...reportFusion(view), claimIds: doc.claims.map((c) => c.id), entityIds: doc.entities.map((e) => e.id) };
}

export async function putStoredFusion(tx: WriteTx, reportUid: string, f: StoredFusion): Promise<void> {
  await tx.putFusionItems(REPORT_FUSION, [{ id: reportUid, data: f }]);
}

/** The record with the report's id put in. */
function rehydrate(data: unknown, uid: string): StoredFusion {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.includes(SELF) ? v.split(SELF).join(uid) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = k === "text" || k === "shingles" ? x : walk(x);
      return o;
    }
    return v;
  };
  return walk(data) as StoredFusion;
}

/** The fusion of the current reports, with the ways back from fusion ids to the store's rows. */
export interface LedgerFusion {
  fusion: Fusion;
  /** Fusion claim id (`<report uid>/<claim id>`) → (report uid, position). */
  claimAt: Map<string, { report: string; seq: number }>;
  /** (report uid, entity position) → fusion entity record id. */
  entityRecord(report: string, seq: number): string | undefined;
  /** Reports (current) that have no stored fusion record (ingested by an older sitrep). */
  missing: string[];
}

/** Reads the stored records of the current reports and fuses them. */
export async function ledgerFusion(r: Reads, lang: Lang = "en"): Promise<LedgerFusion> {
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
  const records: StoredFusion[] = [];
  const entityIds = new Map<string, string[]>();
  const claimAt = new Map<string, { report: string; seq: number }>();
  const seen = new Set<string>();
  for await (const items of r.fusionItems(REPORT_FUSION))
    for (const it of items) {
      if (!current.has(it.id)) continue;
      seen.add(it.id);
      const f = rehydrate(it.data, it.id);
      records.push(f);
      entityIds.set(it.id, f.entityIds);
      f.claimIds.forEach((c, seq) => claimAt.set(`${it.id}/${c}`, { report: it.id, seq }));
    }
  return {
    fusion: fuseRecords(records, lang),
    claimAt,
    entityRecord: (report, seq) => {
      const id = entityIds.get(report)?.[seq];
      return id === undefined ? undefined : `${report}/${id}`;
    },
    missing: [...current].filter((u) => !seen.has(u)).sort(),
  };
}
