// What the claims of a ledger say of themselves, read claim by claim, for tests that check the store's
// views (counts, pages, facets) against them: written once for the facet and word tests.
import assert from "node:assert/strict";
import type { ClaimFilter, ClaimKey, ClaimPage, ClaimRow, Reads, ReportRow } from "../src/store/index.js";

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

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
/** Whether a claim's text has each of the words (as the index of words finds them: folded, by prefix). */
export const hasWords = (text: string, ws: readonly string[]): boolean => {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u);
  return ws.every((w) => words.some((x) => x.startsWith(fold(w))));
};

/** Every page of `f`, forwards or backwards (read from the end, put back in order), as claim ids in the list's order; later pages told `known`. */
export async function everyPage(r: Reads, f: ClaimFilter, back: boolean, known: number | undefined): Promise<{ ids: number[]; total: number | undefined }> {
  const out: number[][] = [];
  let at: ClaimKey | null = null;
  let total: number | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await r.claimsPage(at && known !== undefined ? { ...f, known } : f, at, back);
    if (!at) total = page.total;
    if (page.items.length) out.push(page.items.map((c) => c.id));
    if (!page.more) break;
    assert.equal(page.items.length, f.limit, "a page short of the limit is the last");
    at = back ? page.keys[0]! : page.keys[page.keys.length - 1]!;
  }
  return { ids: (back ? out.reverse() : out).flat(), total };
}
