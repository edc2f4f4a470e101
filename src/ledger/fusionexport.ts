import type { Doc, Lang } from "../model/doc.js";
import type { SitrepExport } from "../export/schema.js";
import { fuseReports, type Fusion } from "./fusion.js";

/** A proposition as the sitrep/1 export writes it (SPEC §3), with its incident. */
export interface ExportedProposition {
  id: string;
  text: string;
  claims: string[];
  status: string;
  sources: { name: string; entity?: string; kind: string }[];
  reports: number;
  independent_sources: number;
  first_seen: string;
  last_seen: string;
  history: { at: string; status: string; claim: string }[];
  incident?: string;
}

/**
 * Export ids of the claims of extracted reports, as buildExport numbers them (c1… over the documents in
 * order): fusion claim id (`<doc>/<claim id>`) → export id.
 */
export function exportClaimIds(docs: readonly Doc[]): Map<string, string> {
  const out = new Map<string, string>();
  let n = 0;
  for (const d of docs) for (const c of d.claims) out.set(`${d.meta.id}/${c.id}`, `c${++n}`);
  return out;
}

/** The fusion's propositions in export form. */
export function exportPropositions(fusion: Fusion, claimId: { get(id: string): string | undefined }, entityId?: (key: string) => string | undefined): ExportedProposition[] {
  return fusion.propositions.map((p, i) => exportProposition(p, i, claimId, entityId));
}

/**
 * The `i`-th proposition of a fusion in export form: one at a time, for an export that writes each as it is
 * made rather than holding them all (and their text) until the end.
 */
export function exportProposition(
  p: Fusion["propositions"][number],
  i: number,
  claimId: { get(id: string): string | undefined },
  entityId?: (key: string) => string | undefined,
): ExportedProposition {
  return {
    id: `p${i + 1}`,
    text: p.text,
    claims: p.claims.map((c) => claimId.get(c)!),
    status: p.status,
    sources: p.sources.map((s) => {
      const e = s.entity ? entityId?.(s.entity) : undefined;
      return { name: s.name, kind: s.kind === "report" ? "media" : s.kind, ...(e && { entity: e }) };
    }),
    reports: p.reports,
    independent_sources: p.independent,
    first_seen: p.first_seen,
    last_seen: p.last_seen,
    history: p.history.map((h) => ({ at: h.at, status: h.status, claim: claimId.get(h.claim)! })),
    ...(p.incident && { incident: p.incident }),
  };
}

/**
 * What a one-shot export of several reports gains from fusion (SPEC §3 allows it): the propositions, and
 * the contradictions across reports (those inside a report are the pipeline's already). `out` is the
 * export buildExport made of `docs`; its claim ids are mapped, nothing else is touched.
 */
export function addFusion(out: SitrepExport, docs: readonly Doc[], lang: Lang = "en"): void {
  const fusion = fuseReports(docs, lang);
  const claimId = exportClaimIds(docs);
  (out as SitrepExport & { propositions: ExportedProposition[] }).propositions = exportPropositions(fusion, claimId);
  const docOf = new Map(fusion.claims.map((c) => [c.id, c.doc]));
  for (const d of fusion.disputes) {
    if (docOf.get(d.claims[0]) === docOf.get(d.claims[1])) continue;
    out.contradictions.push({
      claims: [claimId.get(d.claims[0])!, claimId.get(d.claims[1])!],
      reason: d.reason,
      type: d.type,
      ...(d.detail.update && { update: true }),
    } as SitrepExport["contradictions"][number]);
  }
}
