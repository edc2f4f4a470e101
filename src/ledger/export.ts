import type { Store } from "../store/db.js";
import type { SitrepExport } from "../export/schema.js";
import { emptyExport } from "../export/json.js";
import type { Approx, ClaimStatus, CountKind, EntityType, Lang, SourceKind, TimexType } from "../model/doc.js";
import { findContradictions, type CClaim, type CCount } from "./contradictions.js";
import type { ClaimFeatures } from "./features.js";
import { aliasTable } from "./names.js";

const did = (n: number) => `d${n}`;

type EntRow = { report: number; lid: string; type: EntityType; name: string; fkey: string; aliases: string; mentions: string; lat: number | null; lon: number | null; country: string | null; geoname_id: number | null };
type ClaimRow = {
  report: number; lid: string; sentence: number; paragraph: number; start: number; end: number; text: string; status: ClaimStatus;
  source_name: string | null; source_kind: SourceKind | null; source_entity: string | null; source_role: string | null;
  cue_text: string | null; cue_start: number | null; cue_end: number | null; quote: number; entities: string;
  asserter: string; asserter_name: string; source_key: string | null; entity_keys: string; features: string; published: string;
};

/**
 * The whole ledger (current versions of reports) as one sitrep/1 export: entities fused across reports
 * and languages (one entity per fusion key, mentions in every report), claims, figures, times and the
 * contradictions found across the ledger.
 */
export function exportLedger(store: Store, lang: Lang = "en"): SitrepExport & { ledger: { fused: true; contradictions_found_across_reports: boolean } } {
  const db = store.db;
  const reports = db
    .prepare<[], { id: number; title: string | null; source: string | null; url: string | null; published: string; published_from: string; language: Lang; language_from: string; text: string; version: number }>(
      "SELECT id, title, source, url, published, published_from, language, language_from, text, version FROM reports WHERE current = 1 ORDER BY published_utc, id",
    )
    .all();
  const out: SitrepExport & { ledger: { fused: true; contradictions_found_across_reports: boolean } } = {
    ...emptyExport(),
    documents: reports.map((r) => ({
      id: did(r.id),
      ...(r.title !== null && { title: r.title }),
      ...(r.source !== null && { source: r.source }),
      ...(r.url !== null && { url: r.url }),
      published: r.published,
      published_from: r.published_from as never,
      language: r.language,
      language_from: r.language_from as never,
      text: r.text,
      ...(r.version > 1 && { version: r.version }),
    })),
    ledger: { fused: true, contradictions_found_across_reports: true },
  };
  const cur = "JOIN reports r ON r.id = x.report AND r.current = 1";
  const ents = db.prepare<[], EntRow>(`SELECT x.* FROM entities x ${cur} ORDER BY r.published_utc, x.report, x.lid`).all();
  const sets = new Map(aliasTable().sets.map((s) => [s.id, s]));
  const fused = new Map<string, { id: string; rows: EntRow[] }>();
  for (const e of ents) {
    let f = fused.get(e.fkey);
    if (!f) fused.set(e.fkey, (f = { id: `e${fused.size + 1}`, rows: [] }));
    f.rows.push(e);
  }
  const entId = new Map<string, string>(); // report/lid → fused id
  for (const [fkey, f] of fused) {
    const counts = new Map<string, number>();
    const names = new Set<string>();
    for (const r of f.rows) {
      entId.set(`${r.report}/${r.lid}`, f.id);
      counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
      names.add(r.name);
      for (const a of JSON.parse(r.aliases) as string[]) names.add(a);
    }
    const set = sets.get(fkey);
    const name = set ? (lang === "nl" ? set.nl : set.en) : [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
    names.delete(name);
    const geo = f.rows.find((r) => r.lat !== null && r.lon !== null);
    out.entities.push({
      id: f.id,
      type: f.rows[0]!.type,
      name,
      aliases: [...names].sort(),
      key: fkey,
      mentions: f.rows.flatMap((r) => (JSON.parse(r.mentions) as [number, number, string][]).map(([start, end, text]) => ({ doc: did(r.report), start, end, text }))),
      ...(geo && { geo: { lat: geo.lat!, lon: geo.lon!, country: geo.country ?? "", geonameId: geo.geoname_id ?? 0 } }),
    });
  }
  const claims = db.prepare<[], ClaimRow>(`SELECT x.*, r.published_utc AS published FROM claims x ${cur} ORDER BY r.published_utc, x.report, x.start, x.lid`).all();
  const claimId = new Map<string, string>();
  claims.forEach((c, i) => claimId.set(`${c.report}/${c.lid}`, `c${i + 1}`));
  for (const c of claims) {
    const ent = (lid: string | null) => (lid === null ? undefined : entId.get(`${c.report}/${lid}`));
    out.claims.push({
      id: claimId.get(`${c.report}/${c.lid}`)!,
      doc: did(c.report),
      start: c.start,
      end: c.end,
      text: c.text,
      status: c.status,
      source: c.source_name
        ? { name: c.source_name, ...(ent(c.source_entity) && { entity: ent(c.source_entity)! }), kind: c.source_kind ?? "other", ...(c.source_role && { role: c.source_role }) }
        : null,
      cue: c.cue_text !== null ? { text: c.cue_text, start: c.cue_start!, end: c.cue_end! } : null,
      quote: !!c.quote,
      entities: [...new Set((JSON.parse(c.entities) as string[]).map((l) => ent(l)).filter((x): x is string => !!x))],
    });
  }
  const unknowns = db.prepare<[], { report: number; lid: string; start: number; end: number; text: string; claim: string | null }>(`SELECT x.* FROM unknowns x ${cur} ORDER BY r.published_utc, x.report, x.start`).all();
  unknowns.forEach((u, i) =>
    out.unknowns.push({ id: `u${i + 1}`, doc: did(u.report), start: u.start, end: u.end, text: u.text, ...(u.claim && claimId.get(`${u.report}/${u.claim}`) && { claim: claimId.get(`${u.report}/${u.claim}`)! }) }),
  );
  for (const t of db.prepare<[], { report: number; start: number; end: number; text: string; value: string; type: TimexType; mod: string | null }>(`SELECT x.* FROM times x ${cur} ORDER BY r.published_utc, x.report, x.start`).all())
    out.times.push({ doc: did(t.report), start: t.start, end: t.end, text: t.text, value: t.value, type: t.type, ...(t.mod && { mod: t.mod }) });
  const countRows = db.prepare<[], { report: number; start: number; end: number; text: string; kind: CountKind; value: number; approx: Approx; claim: string | null }>(`SELECT x.* FROM counts x ${cur} ORDER BY r.published_utc, x.report, x.start`).all();
  for (const n of countRows)
    out.counts.push({ doc: did(n.report), start: n.start, end: n.end, text: n.text, kind: n.kind, value: n.value, approx: n.approx, claim: n.claim ? claimId.get(`${n.report}/${n.claim}`) ?? null : null });
  const events = db.prepare<[], { report: number; lid: string; type: string; claims: string; actors: string; locations: string; time: string | null }>(`SELECT x.* FROM events x ${cur} ORDER BY r.published_utc, x.report, x.lid`).all();
  events.forEach((v, i) => {
    const m = (ids: string, map: Map<string, string>) => [...new Set((JSON.parse(ids) as string[]).map((l) => map.get(`${v.report}/${l}`)).filter((x): x is string => !!x))];
    out.events.push({ id: `v${i + 1}`, type: v.type, claims: m(v.claims, claimId), actors: m(v.actors, entId), locations: m(v.locations, entId), time: v.time });
  });
  const cclaims: CClaim[] = claims.map((c) => ({
      id: `${c.report}/${c.lid}`, doc: did(c.report), sentence: c.sentence, paragraph: c.paragraph, text: c.text, status: c.status,
      asserter: c.asserter, asserterName: c.asserter_name, ...(c.source_key && { sourceKey: c.source_key }),
      entityKeys: JSON.parse(c.entity_keys) as string[], features: JSON.parse(c.features) as ClaimFeatures, published: c.published,
    }));
  const ccounts: CCount[] = countRows.filter((n) => n.claim).map((n) => ({ claim: `${n.report}/${n.claim}`, kind: n.kind, value: n.value, approx: n.approx, text: n.text }));
  for (const f of findContradictions(cclaims, ccounts)) {
    const a = claimId.get(f.claims[0]), b = claimId.get(f.claims[1]);
    if (a && b) out.contradictions.push({ claims: [a, b], reason: f.reason, type: f.type, ...(f.also?.length && { also: f.also.map((x) => claimId.get(x)!).filter(Boolean) }) } as never);
  }
  return out;
}
