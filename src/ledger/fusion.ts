/**
 * Fusion across reports: one picture from many reports, as pure functions that give the same result
 * whatever order the reports arrive in.
 *
 * ## The interface for a store
 *
 * At ingest, per report (each a pure function of the report alone; the results are plain JSON):
 * - `entityRecords(doc)` and `entityKeys(record)` (entityfusion.ts): one record per entity with its link
 *   keys (strong keys, and keys it seeks or offers);
 * - `fusionClaims(doc)` (claimkeys.ts): one record per claim with its language-free fusion keys: concepts
 *   with polarity, entity records, countries, figures, days, source, wording features;
 * - `incidentKeys(doc, claims)` (incidents.ts): the places, days and event kinds the report is about.
 *
 * When the ledger is read (or after a batch of reports), recomputed from the stored records:
 * - `fuseEntities(records)`: entity clusters (components over shared keys: a store may keep them as a
 *   union-find over keys and only recompute the components a new report touches);
 * - `clusterIncidents(reports)`: incidents, blocked on place and day keys;
 * - per incident, `fuseBlock(claims, context)` (propositions.ts) and `crossContradictions(claims, context)`
 *   (crossfind.ts): a block is all claims of one incident's reports, so a new report only asks for the
 *   recomputation of its own incident's block.
 * `fuseReports(docs)` below does all of it for reports in memory (the one-shot export and the evaluation).
 */
import type { Doc, Lang, SourceKind } from "../model/doc.js";
import { fusionClaims, type FusionClaim } from "./claimkeys.js";
import { entityRecords, fuseEntities, roleKeyOf, type EntityFusion } from "./entityfusion.js";
import { nameKey } from "./names.js";
import { fuseBlock, type BlockContext, type Proposition } from "./propositions.js";

export interface Fusion {
  entities: EntityFusion;
  claims: FusionClaim[];
  propositions: Proposition[];
  context: BlockContext;
}

/** The block context over a ledger's fused entities. */
export function blockContext(entities: EntityFusion, lang: Lang = "en"): BlockContext {
  return {
    entityKey: (r) => entities.clusterOf.get(r)?.key,
    countryOf: (k) => entities.clusters.find((c) => c.key === k)?.country,
    asserter: (c) => asserterOf(c, entities, lang),
  };
}

export function asserterOf(c: FusionClaim, entities: EntityFusion, lang: Lang): { key: string; name: string; entity?: string; kind: SourceKind | "report" } {
  if (!c.source) return { key: `voice:${c.outlet ?? c.doc}`, name: c.outlet ?? "the report", kind: "report" };
  const s = c.source;
  const cluster = s.entity ? entities.clusterOf.get(s.entity) : undefined;
  const byRole = cluster ? undefined : (() => {
    const rk = roleKeyOf(s.name, c.lang);
    return rk ? entities.byKey(rk) : undefined;
  })();
  const e = cluster ?? byRole;
  // a capital or a government body speaks for its country: "Kyiv zei", "Ukraine denies" are one speaker
  if (e) return { key: e.government ? `C:${e.government}` : `e:${e.key}`, name: e.name(lang), entity: e.key, kind: s.kind };
  return { key: `${s.kind === "unnamed" ? "u" : "n"}:${nameKey(s.name)}`, name: s.name, kind: s.kind };
}

/** Everything fused from reports in memory. */
export function fuseReports(docs: readonly Doc[], lang: Lang = "en"): Fusion {
  const entities = fuseEntities(docs.flatMap(entityRecords));
  const claims = docs.flatMap(fusionClaims);
  const context = blockContext(entities, lang);
  const propositions = fuseBlock(claims, context);
  return { entities, claims, propositions, context };
}
