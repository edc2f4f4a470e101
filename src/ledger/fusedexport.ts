import type { Doc, Lang } from "../model/doc.js";
import type { SitrepExport } from "../export/schema.js";
import { buildExport } from "../export/json.js";
import { fuseReports } from "./fusion.js";
import { exportClaimIds, exportPropositions, type ExportedProposition } from "./fusionexport.js";

/**
 * A whole-ledger sitrep/1 export of extracted reports without a store: one entity per cluster of names
 * across reports and languages (mentions in every report), the claims and figures as extracted. Used by
 * the evaluation script and by tests; the store-backed export does the same from its tables.
 */
export function fusedLedgerExport(docs: readonly Doc[], lang: Lang = "en"): SitrepExport {
  const out = buildExport(docs, { fuse: false });
  const fusion = fuseReports(docs, lang);
  const { clusters } = fusion.entities;
  // buildExport numbers entities e1… over the documents in order: the same walk maps them back
  const exportId = new Map<string, string>();
  let ne = 0;
  for (const d of docs) for (const e of d.entities) exportId.set(`e${++ne}`, `${d.meta.id}/${e.id}`);
  const fusedId = new Map<string, string>();
  clusters.forEach((c, i) => {
    for (const r of c.records) fusedId.set(r.id, `e${i + 1}`);
  });
  const byOld = new Map<string, string>();
  for (const [eid, rid] of exportId) byOld.set(eid, fusedId.get(rid)!);
  const oldEntities = new Map(out.entities.map((e) => [e.id, e]));
  out.entities = clusters.map((c, i) => {
    const mentions = c.records.flatMap((r) => {
      const old = [...exportId].find(([, rid]) => rid === r.id)?.[0];
      return old ? oldEntities.get(old)!.mentions : [];
    });
    const name = c.name(lang);
    const geo = c.records.map((r) => oldEntities.get([...exportId].find(([, rid]) => rid === r.id)![0])!.geo).find(Boolean);
    return {
      id: `e${i + 1}`,
      type: c.type,
      name,
      aliases: c.names.filter((n) => n !== name),
      key: c.key,
      mentions,
      ...(geo && { geo }),
    };
  });
  const map = (id: string) => byOld.get(id) ?? id;
  for (const c of out.claims) {
    c.entities = [...new Set(c.entities.map(map))];
    if (c.source?.entity) c.source.entity = map(c.source.entity);
  }
  for (const v of out.events) {
    v.actors = [...new Set(v.actors.map(map))];
    v.locations = [...new Set(v.locations.map(map))];
  }
  const claimId = exportClaimIds(docs);
  // contradictions: the fusion's, inside reports and across them (the stage's are the same pairs inside reports)
  const pairs = new Set<string>();
  out.contradictions = [];
  for (const d of fusion.disputes) {
    const a = claimId.get(d.claims[0])!, b = claimId.get(d.claims[1])!;
    if (pairs.has(`${a}|${b}`)) continue;
    pairs.add(`${a}|${b}`);
    out.contradictions.push({ claims: [a, b], reason: d.reason, type: d.type, ...(d.detail.update && { update: true }) } as never);
  }
  const clusterIndex = new Map(clusters.map((c, i) => [c.key, `e${i + 1}`]));
  (out as SitrepExport & { propositions: ExportedProposition[] }).propositions = exportPropositions(fusion, claimId, (k) => clusterIndex.get(k));
  return out;
}
