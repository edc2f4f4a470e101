// The API's rows made from what the store reads: claims with their entities, places, source span and
// times; a report with every span marked. Entity ids are the fused entities' stable ids, claim and report
// ids the stable ids of the export (src/store/ids.ts).
import type { Lang } from "../model/doc.js";
import type { Reads, ReportParts, ClaimRow as StoredClaim } from "../store/index.js";
import { displayName } from "../ledger/naming.js";
import { sentenceAround as sentenceBounds } from "../ledger/picture.js";
import { searchWords } from "../ledger/search-words.js";
import type { ClaimLine } from "../ledger/export.js";
import { gazetteer } from "../geo/gazetteer.js";
import type { ClaimRow, ClaimSource, Correction, EntityRef, ReportDetail, ReportSummary, Town } from "./port.js";

/** Lower case without diacritics, for matching typed search words against report text. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

export function words(q: string | undefined): string[] {
  return q ? fold(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean) : [];
}

/** The words of a search of claims or reports: without function words, which their index leaves out (src/ledger/search-words.ts). */
export const searchedWords = (q: string | undefined): string[] => searchWords(words(q));

export const isPlace = (t: string) => t === "location" || t === "facility";

/** The map's labels: the gazetteer's populated places inside a box, most inhabitants first. */
export function townsWithin(box: { west: number; south: number; east: number; north: number }, limit: number): Town[] {
  return gazetteer()
    .townsWithin(box, limit)
    .map((e) => ({ name: e.name, lat: e.lat, lon: e.lon, country: e.country, population: e.population }));
}

/** The sentence around a span (a label for a time expression outside any claim), else the span itself. */
export function sentenceAround(text: string, start: number, end: number): string {
  const at = sentenceBounds(text, start, end);
  return (at ? text.slice(at[0], at[1]) : text.slice(start, end)).trim();
}

/**
 * Where the report names the claim's source: the source entity's mention nearest the claim, else the name
 * itself nearest the claim, within the paragraph around it.
 */
function sourceSpan(text: string, start: number, end: number, name: string, mentions: { start: number; end: number }[]): { start: number; end: number } | undefined {
  const lo = Math.max(0, text.lastIndexOf("\n", start - 1) + 1);
  const nl = text.indexOf("\n", end);
  const hi = nl < 0 ? text.length : nl;
  const dist = (m: { start: number; end: number }) => (m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0);
  const near = mentions.filter((m) => m.start >= lo && m.end <= hi).sort((a, b) => dist(a) - dist(b));
  if (near.length) return { start: near[0]!.start, end: near[0]!.end };
  if (name.length < 2) return undefined;
  const para = text.slice(lo, hi);
  let best: number | undefined;
  for (let i = para.indexOf(name); i >= 0; i = para.indexOf(name, i + 1)) {
    if (best === undefined || dist({ start: lo + i, end: lo + i + name.length }) < dist({ start: lo + best, end: lo + best + name.length })) best = i;
  }
  return best === undefined ? undefined : { start: lo + best, end: lo + best + name.length };
}

/** Fused entities' stable ids and names, fetched once per request. */
export class Names {
  private uid = new Map<number, string>();
  private name = new Map<number, string>();
  constructor(
    private readonly r: Reads,
    private readonly lang: Lang,
  ) {}

  async load(fused: Iterable<number>): Promise<void> {
    const want = [...new Set(fused)].filter((f) => !this.uid.has(f));
    for (let i = 0; i < want.length; i += 500) {
      const chunk = want.slice(i, i + 500);
      const { rows, names } = await this.r.fusedWithNames(chunk);
      for (const f of rows) {
        this.uid.set(f.id, f.uid);
        this.name.set(f.id, displayName(f.fkey, this.lang, names.get(f.id)) ?? f.fkey);
      }
    }
  }
  uidOf(f: number): string | undefined {
    return this.uid.get(f);
  }
  nameOf(f: number): string {
    return this.name.get(f) ?? "";
  }
}

export function summaryOf(p: ReportParts["report"], claims: number): ReportSummary {
  return {
    id: p.uid,
    ...(p.title !== null && { title: p.title }),
    ...(p.source !== null && { source: p.source }),
    ...(p.url !== null && { url: p.url }),
    published: p.published,
    language: p.language,
    claims,
    seq: p.id,
  };
}

/** API rows for claims of one report (all of its claims, or the ones given). */
export function claimRows(p: ReportParts, names: Names, claims: readonly StoredClaim[] = p.claims): ClaimRow[] {
  const d = p.report;
  const mentionsOf = new Map<number, { start: number; end: number }[]>();
  for (const e of p.entities) {
    const l = mentionsOf.get(e.fused) ?? mentionsOf.set(e.fused, []).get(e.fused)!;
    l.push(...e.mentions);
  }
  return claims.map((c) => {
    const refs: EntityRef[] = [];
    const places: EntityRef[] = [];
    const seen = new Set<number>();
    for (const s of c.entities) {
      const e = p.entities[s];
      if (!e || seen.has(e.fused)) continue;
      seen.add(e.fused);
      const uid = names.uidOf(e.fused);
      if (!uid) continue;
      (isPlace(e.type) ? places : refs).push({ id: uid, name: names.nameOf(e.fused), type: e.type });
    }
    const sourceOf = (x: StoredClaim["source"]): ClaimSource | null => {
      if (!x) return null;
      const se = x.entity !== null ? p.entities[x.entity] : undefined;
      const uid = se ? names.uidOf(se.fused) : undefined;
      return { name: x.name, kind: x.kind, ...(uid && { entity: uid }) };
    };
    let source: ClaimSource | null = null;
    if (c.source) {
      const se = c.source.entity !== null ? p.entities[c.source.entity] : undefined;
      const uid = se ? names.uidOf(se.fused) : undefined;
      source = { name: c.source.name, kind: c.source.kind, ...(uid && { entity: uid }) };
      const span = sourceSpan(d.text, c.start, c.end, c.source.name, se ? (mentionsOf.get(se.fused) ?? []) : []);
      if (span) source.span = span;
    }
    return {
      id: c.uid,
      report: d.uid,
      ...(d.title !== null && { reportTitle: d.title }),
      ...(d.source !== null && { reportSource: d.source }),
      published: d.published,
      language: d.language,
      start: c.start,
      end: c.end,
      text: c.text,
      status: c.status,
      source,
      cue: c.cue ? { text: c.cue.text, start: c.cue.start, end: c.cue.end } : null,
      quote: c.quote,
      entities: refs,
      places,
      times: p.times.filter((t) => t.start >= c.start && t.end <= c.end).map((t) => t.value),
      ...(c.extracted && { extracted: { status: c.extracted.status, source: sourceOf(c.extracted.source) } }),
      ...(c.retracted && { retracted: true }),
    };
  });
}

export function reportDetail(p: ReportParts, names: Names): ReportDetail {
  const { claims: _n, ...summary } = summaryOf(p.report, p.claims.length);
  void _n;
  const mentions: ReportDetail["mentions"] = [];
  for (const e of p.entities) {
    const uid = names.uidOf(e.fused);
    for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, type: e.type, ...(uid && { entity: uid }) });
  }
  mentions.sort((a, b) => a.start - b.start);
  return {
    ...summary,
    text: p.report.text,
    claims: claimRows(p, names),
    mentions,
    times: p.times.map((t) => ({ start: t.start, end: t.end, value: t.value })),
  };
}

/**
 * The API's claim rows as the export's claim lines, so that a filtered view is written by the one CSV
 * writer (src/export) with the columns of the whole ledger's CSV. Figures are not part of an API row: the
 * filtered view's figures column stays empty (the whole export has them).
 */
export async function* claimLines(pages: AsyncIterable<ClaimRow[]>): AsyncIterable<ClaimLine[]> {
  for await (const rows of pages)
    yield rows.map((c) => ({
      claim: {
        id: c.id,
        doc: c.report,
        start: c.start,
        end: c.end,
        text: c.text,
        status: c.status,
        source: c.source ? { name: c.source.name, ...(c.source.entity && { entity: c.source.entity }), kind: c.source.kind } : null,
        cue: c.cue,
        quote: c.quote,
        entities: c.entities.map((e) => e.id),
        ...(c.extracted && { extracted: { status: c.extracted.status, source: c.extracted.source && { name: c.extracted.source.name, kind: c.extracted.source.kind } } }),
        ...(c.retracted && { retracted: true }),
      },
      document: {
        id: c.report,
        ...(c.reportTitle !== undefined && { title: c.reportTitle }),
        ...(c.reportSource !== undefined && { source: c.reportSource }),
        published: c.published,
        language: c.language,
      } as ClaimLine["document"],
      times: c.times,
      places: c.places.map((p) => p.name),
      figures: [],
    }));
}

/** The filtered view as JSON: the query, then the same rows /api/claims answers with, written as read. */
export async function* claimsJson(pages: AsyncIterable<ClaimRow[]>, meta: { filters: object; version: number }): AsyncIterable<string> {
  yield `{"format":"sitrep-claims/1","filters":${JSON.stringify(meta.filters)},"version":${meta.version},"claims":[`;
  let first = true;
  for await (const rows of pages) {
    let out = "";
    for (const r of rows) {
      out += (first ? "\n" : ",\n") + JSON.stringify(r);
      first = false;
    }
    if (out) yield out;
  }
  yield "\n]}\n";
}

/**
 * Claims with the audit trail of the corrections in effect for each (about the claim or its report),
 * oldest first. The corrections themselves were applied when the store was read (src/store/corrected.ts).
 */
export function withCorrections(rows: ClaimRow[], corrections: readonly Correction[]): ClaimRow[] {
  const live = corrections.filter((c) => !c.undone && c.action !== "undo");
  if (!live.length) return rows;
  const about = new Map<string, Correction[]>();
  for (const c of live) (about.get(c.target) ?? about.set(c.target, []).get(c.target)!).push(c);
  return rows.map((row) => {
    const mine = [...(about.get(row.report) ?? []), ...(about.get(row.id) ?? [])].sort((a, b) => a.id - b.id);
    return mine.length ? { ...row, corrections: mine } : row;
  });
}
