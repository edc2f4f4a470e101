// What the claims of a ledger say of themselves, read claim by claim, for tests that check the store's
// views (counts, pages, facets) against them: written once for the facet and word tests.
import type { ClaimFilter, ClaimPage, ClaimRow, Reads, ReportRow } from "../src/store/index.js";

/** A claim under a fused entity: whether the claim names it and whether it is the claim's source. */
export interface UnderEntity {
  id: number;
  named: boolean;
  source: boolean;
}

/** Every current claim, its reports, and each fused entity's claims with the roles it has in them. */
export async function claimsByEntity(r: Reads): Promise<{ all: ClaimRow[]; reports: Map<number, ReportRow>; under: Map<number, UnderEntity[]> }> {
  const all = (await r.searchClaims({ limit: 1_000_000, offset: 0 })).items;
  const reports = new Map((await r.reportsByIds([...new Set(all.map((c) => c.report))])).map((x) => [x.id, x]));
  const parts = new Map((await r.reportParts([...reports.values()], ["entities"])).map((p) => [p.report.id, p.entities]));
  const under = new Map<number, UnderEntity[]>();
  for (const c of all) {
    const ents = parts.get(c.report)!;
    const roles = new Map<number, { named: boolean; source: boolean }>();
    for (const e of c.entities) roles.set(ents[e]!.fused, { named: true, source: false });
    if (c.source?.entity != null) {
      const f = ents[c.source.entity]!.fused;
      roles.set(f, { named: roles.get(f)?.named ?? false, source: true });
    }
    for (const [f, x] of roles) (under.get(f) ?? under.set(f, []).get(f)!).push({ id: c.id, ...x });
  }
  return { all, reports, under };
}

/**
 * The ids of a view's claims, page after page to the end by cursor, and the last page. With `known`, each
 * later page is told the total the first one counted, as the page does.
 */
export async function pagedIds(r: Reads, g: ClaimFilter, known = false): Promise<{ ids: number[]; last: ClaimPage }> {
  const ids: number[] = [];
  let page = await r.claimsPage(g, null);
  ids.push(...page.items.map((c) => c.id));
  while (page.more) {
    page = await r.claimsPage({ ...g, ...(known && page.total !== undefined && { known: page.total }) }, page.keys[page.keys.length - 1]!);
    ids.push(...page.items.map((c) => c.id));
  }
  return { ids, last: page };
}
