import type { Approx, ClaimStatus, CountKind, EntityType, Lang } from "../model/doc.js";
import type { Store } from "../store/db.js";
import { findContradictions, showFigure, type CClaim, type CCount, type Found } from "./contradictions.js";
import type { ClaimFeatures } from "./features.js";
import { aliasTable } from "./names.js";

/** A span of a stored report that a line of the briefing rests on. */
export interface Cite {
  doc: string;
  start: number;
  end: number;
}

export interface ReportInfo {
  doc: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string;
  language: Lang;
  version: number;
  cluster: number;
}

/** One statement as carried by one or more reports (same wording, same status). */
export interface Proposition {
  text: string;
  language: Lang;
  status: ClaimStatus;
  /** Who says it: names of the asserters (empty when only reports speak in their own voice). */
  sources: string[];
  sourceKind: string | null;
  quote: boolean;
  cites: Cite[];
  reports: number;
  /** Independent origins among those reports: near-identical wire copy counts once. */
  independent: number;
  first: string;
  last: string;
  isNew?: boolean;
}

export interface FigureLine {
  kind: CountKind;
  source: string;
  asserter: string;
  value: number;
  approx: Approx;
  shown: string;
  text: string;
  cite: Cite;
  published: string;
  status: ClaimStatus;
  isNew?: boolean;
}

export interface FigureKind {
  kind: CountKind;
  lines: FigureLine[];
  /** Lowest and highest latest figure across sources; equal when they agree. */
  range: [number, number];
  agree: boolean;
}

export interface TimelineEntry {
  value: string;
  text: string;
  what: string;
  cite: Cite;
  isNew?: boolean;
}

export interface FusedEntity {
  key: string;
  type: EntityType;
  name: string;
  names: string[];
  reports: number;
  mentions: number;
  geo?: { lat: number; lon: number; country: string | null; geonameId: number | null };
  /** How many claims this actor asserts across the ledger. */
  asserts: number;
  /** Where it is first named. */
  cite?: Cite;
}

export interface ContradictionView {
  found: Found;
  a: { text: string; source: string; status: ClaimStatus; cite: Cite; language: Lang };
  b: { text: string; source: string; status: ClaimStatus; cite: Cite; language: Lang };
  more: number;
  isNew?: boolean;
}

export interface Picture {
  /** The whole ledger the picture rests on. */
  basis: { reports: number; outlets: number; first: string | null; last: string | null; languages: Lang[] };
  /** The reports that lines of the picture cite. */
  reports: ReportInfo[];
  established: Proposition[];
  claimed: Proposition[];
  denied: Proposition[];
  hedged: Proposition[];
  unknowns: Proposition[];
  contradictions: ContradictionView[];
  figures: FigureKind[];
  timeline: TimelineEntry[];
  places: FusedEntity[];
  actors: FusedEntity[];
  /** Totals before any limit, so the briefing can say "and N more". */
  totals: Record<"established" | "claimed" | "denied" | "hedged" | "unknowns" | "timeline" | "places" | "actors", number>;
  since?: string;
}

export interface PictureOptions {
  /** The briefing's language: picks display names of fused actors and places. */
  lang?: Lang;
  /** Only what reports published after this instant added or changed. */
  since?: string;
  /** Most lines per section (the briefing of a large ledger stays readable). */
  limit?: number;
}

const did = (n: number) => `d${n}`;

/** Reads the fused picture out of the ledger: the material of the briefing and of the exports. */
export function buildPicture(store: Store, opts: PictureOptions = {}): Picture {
  const db = store.db;
  const lang = opts.lang ?? "en";
  const limit = opts.limit ?? 40;
  const since = opts.since;
  const sinceSql = since ? new Date(since).toISOString() : null;
  const after = (published: string) => !!sinceSql && new Date(published).toISOString() > sinceSql;

  // --- who says it: fused actors by their name in the briefing's language
  const sets = new Map(aliasTable().sets.map((s) => [s.id, s]));
  const topNameStmt = db.prepare<[string], { name: string }>("SELECT name FROM fused_names WHERE fkey = ? ORDER BY n DESC, length(name) DESC, name LIMIT 1");
  const asserterStmt = db.prepare<[string], { name: string }>("SELECT name FROM asserters WHERE asserter = ?");
  const memo = new Map<string, string | undefined>();
  const entityName = (fkey: string): string | undefined => {
    const set = sets.get(fkey);
    if (set) return lang === "nl" ? set.nl : set.en;
    if (!memo.has(fkey)) memo.set(fkey, topNameStmt.get(fkey)?.name);
    return memo.get(fkey);
  };
  const nameOf = (asserter: string, fallback?: string): string =>
    (asserter.startsWith("e:") ? entityName(asserter.slice(2)) : undefined) ?? fallback ?? asserterStmt.get(asserter)?.name ?? asserter;

  // --- propositions, grouped by wording and status (from the aggregates the store keeps)
  type Row = {
    pkey: string; status: ClaimStatus; asserter: string | null; nr: number; first: string; last: string; text: string; language: Lang;
    sources: string | null; kind: string | null; quote: number; total: number;
  };
  const sinceLit = sinceSql ? `'${sinceSql.replace(/'/g, "")}'` : null;
  const groups = (statuses: string, cap: number, byAsserter: boolean): { rows: Row[]; total: number } => {
    const rows = byAsserter
      ? db
          .prepare<[], Row>(
            `SELECT pkey, status, asserter, n AS nr, first, last, text, language, asserter AS sources, kind, quote, count(*) OVER () AS total
             FROM props WHERE status IN (${statuses}) ${sinceLit ? `AND last > ${sinceLit}` : ""}
             ORDER BY n DESC, first, first_report, first_start LIMIT ${cap}`,
          )
          .all()
      : db
          .prepare<[], Row>(
            `SELECT pkey, status, NULL AS asserter, sum(n) AS nr, min(first) AS first, max(last) AS last, min(text) AS text, min(language) AS language,
                    group_concat(asserter, char(31)) AS sources, max(kind) AS kind, max(quote) AS quote, count(*) OVER () AS total
             FROM props WHERE status IN (${statuses}) GROUP BY pkey, status ${sinceLit ? `HAVING max(last) > ${sinceLit}` : ""}
             ORDER BY nr DESC, first, min(first_report), min(first_start) LIMIT ${cap}`,
          )
          .all();
    return { rows, total: rows[0]?.total ?? 0 };
  };
  const citeStmt = db.prepare<[string, string], { report: number; start: number; end: number }>(
    `SELECT c.report AS report, c.start AS start, c."end" AS "end" FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
     WHERE c.pkey = ? AND c.status = ? ORDER BY r.published_utc, c.report, c.start LIMIT 3`,
  );
  const citeByStmt = db.prepare<[string, string, string], { report: number; start: number; end: number }>(
    `SELECT c.report AS report, c.start AS start, c."end" AS "end" FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
     WHERE c.pkey = ? AND c.status = ? AND c.asserter = ? ORDER BY r.published_utc, c.report, c.start LIMIT 3`,
  );
  const clustersStmt = db.prepare<[string, string], { n: number }>("SELECT count(DISTINCT cluster) AS n FROM prop_clusters WHERE pkey = ? AND status = ?");
  const clustersByStmt = db.prepare<[string, string, string], { n: number }>(
    "SELECT count(DISTINCT cluster) AS n FROM prop_clusters WHERE pkey = ? AND status = ? AND asserter = ?",
  );
  const cited = new Set<number>();
  const toProp = (r: Row): Proposition => {
    const cites = (r.asserter ? citeByStmt.all(r.pkey, r.status, r.asserter) : citeStmt.all(r.pkey, r.status)).map((c) => {
      cited.add(c.report);
      return { doc: did(c.report), start: c.start, end: c.end };
    });
    return {
      text: r.text,
      language: r.language,
      status: r.status,
      sources: r.sources ? [...new Set(r.sources.split("\u001f").filter((a) => !a.startsWith("voice:")).map((a) => nameOf(a)))].sort() : [],
      sourceKind: r.kind,
      quote: !!r.quote,
      cites,
      reports: r.nr,
      independent: (r.asserter ? clustersByStmt.get(r.pkey, r.status, r.asserter) : clustersStmt.get(r.pkey, r.status))?.n ?? 1,
      first: r.first,
      last: r.last,
      ...(since && { isNew: after(r.first) }),
    };
  };
  const est = groups("'established', 'confirmed'", limit, false);
  const cla = groups("'claimed'", limit * 2, true);
  const den = groups("'denied'", limit, true);
  const hed = groups("'probable', 'possible'", limit, true);

  // --- explicit unknowns (claims with status unknown, and the unknowns table)
  const unk = db
    .prepare<[], { text: string; report: number; start: number; end: number; published: string; language: Lang }>(
      `SELECT u.text AS text, u.report AS report, u.start AS start, u."end" AS "end", r.published_utc AS published, r.language AS language
       FROM unknowns u JOIN reports r ON r.id = u.report AND r.current = 1
       UNION ALL
       SELECT c.text, c.report, c.start, c."end", r.published_utc, r.language FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
       WHERE c.status = 'unknown' AND NOT EXISTS (SELECT 1 FROM unknowns u WHERE u.report = c.report AND u.start < c."end" AND c.start < u."end")
       ORDER BY 4, 2, 3`,
    )
    .all();
  const unknownMap = new Map<string, Proposition>();
  for (const u of unk) {
    if (since && !after(u.published)) continue;
    const k = u.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const p = unknownMap.get(k);
    const cite = { doc: did(u.report), start: u.start, end: u.end };
    if (p) {
      p.reports++;
      if (p.cites.length < 3 && !p.cites.some((c) => c.doc === cite.doc)) p.cites.push(cite);
      p.last = u.published;
    } else
      unknownMap.set(k, {
        text: u.text, language: u.language, status: "unknown", sources: [], sourceKind: null, quote: false, cites: [cite],
        reports: 1, independent: 1, first: u.published, last: u.published, ...(since && { isNew: true }),
      });
  }
  const unknowns = [...unknownMap.values()];

  // --- contradictions over the whole ledger
  type CRow = {
    report: number; lid: string; sentence: number; paragraph: number; start: number; end: number; text: string; status: ClaimStatus;
    asserter: string; asserter_name: string; source_key: string | null; entity_keys: string; features: string; published: string; language: Lang; pkey: string;
  };
  // Only claims that can take part in a contradiction: denials, claims that state a state or theme, and
  // claims that give a figure (what "those figures" rejects, now that a sentence's figure and its other
  // content are separate claims); figure against figure uses the latest figure of each source and kind (a
  // source revising itself is an update).
  const claimCols = `c.report, c.lid, c.sentence, c.paragraph, c.start, c."end" AS "end", c.text, c.status, c.asserter, c.asserter_name, c.source_key, c.pkey,
              c.entity_keys, c.features, r.published_utc AS published, r.language`;
  const notable = db
    .prepare<[], CRow>(
      `SELECT ${claimCols} FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
       WHERE c.notable = 1 ORDER BY r.published_utc, c.report, c.sentence`,
    )
    .all();
  type LRow = { report: number; claim: string; kind: CountKind; value: number; approx: Approx; text: string; asserter: string };
  const latestCounts = db
    .prepare<[], LRow>(
      `SELECT report, claim, kind, value, approx, text, asserter FROM (
         SELECT n.report, n.claim, n.kind, n.value, n.approx, n.text, c.asserter,
                row_number() OVER (PARTITION BY n.kind, c.asserter ORDER BY r.published_utc DESC, n.report DESC, n.start DESC) AS rn
         FROM counts n JOIN reports r ON r.id = n.report AND r.current = 1 JOIN claims c ON c.report = n.report AND c.lid = n.claim
         WHERE c.status NOT IN ('denied', 'unknown'))
       WHERE rn = 1 ORDER BY kind, asserter`,
    )
    .all();
  {
    const have = new Set(notable.map((r) => `${r.report}/${r.lid}`));
    const one = db.prepare<[number, string], CRow>(`SELECT ${claimCols} FROM claims c JOIN reports r ON r.id = c.report WHERE c.report = ? AND c.lid = ?`);
    for (const n of latestCounts) {
      const k = `${n.report}/${n.claim}`;
      if (have.has(k)) continue;
      have.add(k);
      const row = one.get(n.report, n.claim);
      if (row) notable.push(row);
    }
  }
  const cid = (r: { report: number; lid: string }) => `${did(r.report)}/${r.lid}`;
  const cclaims: CClaim[] = notable.map((r) => ({
    id: cid(r),
    doc: did(r.report),
    sentence: r.sentence,
    paragraph: r.paragraph,
    text: r.text,
    status: r.status,
    asserter: r.asserter,
    asserterName: r.asserter_name,
    ...(r.source_key && { sourceKey: r.source_key }),
    entityKeys: JSON.parse(r.entity_keys) as string[],
    features: JSON.parse(r.features) as ClaimFeatures,
    published: r.published,
  }));
  const byCid = new Map(notable.map((r) => [cid(r), r]));
  const ccounts: CCount[] = latestCounts.map((n) => ({ claim: `${did(n.report)}/${n.claim}`, kind: n.kind, value: n.value, approx: n.approx, text: n.text }));
  const side = (id: string) => {
    const r = byCid.get(id)!;
    return { text: r.text, source: nameOf(r.asserter, r.asserter.startsWith("voice:") ? r.asserter_name : undefined), status: r.status, cite: { doc: did(r.report), start: r.start, end: r.end }, language: r.language };
  };
  const contradictions: ContradictionView[] = [];
  // Wire copy repeats a report's contradictions word for word: one line, counted.
  const byWording = new Map<string, ContradictionView>();
  for (const f of findContradictions(cclaims, ccounts)) {
    const a = side(f.claims[0]), b = side(f.claims[1]);
    const isNew = since ? [f.claims[0], f.claims[1], ...(f.also ?? [])].some((id) => after(byCid.get(id)!.published)) : undefined;
    if (since && !isNew) continue;
    const wording = `${f.type}|${f.detail.kind ?? ""}|${[byCid.get(f.claims[0])!.pkey, byCid.get(f.claims[1])!.pkey].sort().join("|")}`;
    const prior = byWording.get(wording);
    if (prior) {
      prior.more += 1 + (f.also?.length ?? 0);
      if (isNew) prior.isNew = true;
      continue;
    }
    const view: ContradictionView = { found: f, a, b, more: f.also?.length ?? 0, ...(since && { isNew }) };
    byWording.set(wording, view);
    contradictions.push(view);
  }

  // --- figures: each kind by source, one line per source and figure (citing where it first appeared)
  type FRow = { kind: CountKind; asserter: string; asserter_name: string; value: number; approx: Approx; published: string; report: number; start: number; end: number; text: string; status: ClaimStatus };
  const figureRows = db
    .prepare<[], FRow>(
      `SELECT n.kind AS kind, c.asserter AS asserter, c.asserter_name AS asserter_name, n.value AS value, n.approx AS approx,
              min(r.published_utc) AS published, n.report AS report, n.start AS start, n."end" AS "end", n.text AS text, c.status AS status
       FROM counts n JOIN reports r ON r.id = n.report AND r.current = 1 JOIN claims c ON c.report = n.report AND c.lid = n.claim
       WHERE c.status NOT IN ('denied', 'unknown')
       GROUP BY n.kind, c.asserter, n.value, n.approx ORDER BY published, report, start`,
    )
    .all();
  const figures: FigureKind[] = [];
  const KIND_ORDER: CountKind[] = ["killed", "wounded", "missing", "arrested", "personnel", "vehicles", "other"];
  for (const kind of KIND_ORDER) {
    const rows = figureRows.filter((n) => n.kind === kind);
    if (!rows.length) continue;
    const lines: FigureLine[] = rows.map((n) => ({
      kind, source: nameOf(n.asserter, n.asserter.startsWith("voice:") ? n.asserter_name : undefined), asserter: n.asserter, value: n.value, approx: n.approx,
      shown: showFigure(n), text: n.text, cite: { doc: did(n.report), start: n.start, end: n.end }, published: n.published, status: n.status,
      ...(since && { isNew: after(n.published) }),
    }));
    if (since && !lines.some((l) => l.isNew)) continue;
    const vals = latestCounts.filter((n) => n.kind === kind).map((n) => n.value);
    const range: [number, number] = [Math.min(...vals), Math.max(...vals)];
    // With --since only the new figures are listed; the range still spans every source's latest figure.
    figures.push({ kind, lines: (since ? lines.filter((l) => l.isNew) : lines).slice(0, limit), range, agree: range[0] === range[1] });
  }

  // --- timeline: time expressions with the claim that holds them, earliest first
  const tlStmt = db.prepare<[], { value: string; ttext: string; ctext: string; report: number; start: number; end: number; published: string }>(
    `SELECT t.value AS value, t.ttext AS ttext, t.ctext AS ctext, t.report AS report, t.start AS start, t."end" AS "end", r.published_utc AS published
     FROM timeline t JOIN reports r ON r.id = t.report AND r.current = 1 ${sinceLit ? `AND r.published_utc > ${sinceLit}` : ""}
     ORDER BY t.value, t.report, t.start`,
  );
  const tlSeen = new Set<string>();
  const timeline: TimelineEntry[] = [];
  let tlTotal = 0;
  // The index gives the rows in order: stop once the section is full, count the rest in SQL.
  for (const t of tlStmt.iterate()) {
    const k = `${t.value}|${t.ctext.toLowerCase()}`;
    if (tlSeen.has(k)) continue;
    tlSeen.add(k);
    timeline.push({ value: t.value, text: t.ttext, what: t.ctext, cite: { doc: did(t.report), start: t.start, end: t.end }, ...(since && { isNew: true }) });
    if (timeline.length >= limit) break;
  }
  tlTotal =
    timeline.length < limit
      ? timeline.length
      : (db
          .prepare(
            `SELECT count(*) AS n FROM (SELECT DISTINCT t.value, lower(t.ctext) FROM timeline t JOIN reports r ON r.id = t.report AND r.current = 1 ${sinceLit ? `AND r.published_utc > ${sinceLit}` : ""})`,
          )
          .get() as { n: number }).n;

  // --- places and actors, fused across reports and languages (from the aggregates)
  type ERow = { fkey: string; type: EntityType; reports: number; mentions: number; lat: number | null; lon: number | null; country: string | null; geoname_id: number | null };
  const PLACE = "('location', 'facility')";
  const entRows = (where: string) =>
    db.prepare<[], ERow>(`SELECT * FROM fused WHERE ${where} ORDER BY reports DESC, mentions DESC, fkey LIMIT ${limit}`).all();
  const entTotal = (where: string) => (db.prepare(`SELECT count(*) AS n FROM fused WHERE ${where}`).get() as { n: number }).n;
  const namesStmt = db.prepare<[string], { name: string }>("SELECT name FROM fused_names WHERE fkey = ? ORDER BY n DESC, name LIMIT 16");
  const assertsStmt = db.prepare<[string], { n: number | null }>("SELECT sum(n) AS n FROM props WHERE asserter = ?");
  const firstMention = db.prepare<[string], { report: number; mentions: string }>(
    "SELECT e.report AS report, e.mentions AS mentions FROM entities e JOIN reports r ON r.id = e.report AND r.current = 1 WHERE e.fkey = ? ORDER BY e.report LIMIT 1",
  );
  const fused = (e: ERow): FusedEntity => {
    const names = new Set(namesStmt.all(e.fkey).map((r) => r.name));
    const fm = firstMention.get(e.fkey);
    const m0 = fm ? (JSON.parse(fm.mentions) as [number, number, string][])[0] : undefined;
    const name = entityName(e.fkey) ?? e.fkey;
    names.delete(name);
    return {
      key: e.fkey, type: e.type, name, names: [...names].sort(), reports: e.reports, mentions: e.mentions,
      ...(e.lat !== null && e.lon !== null && { geo: { lat: e.lat, lon: e.lon, country: e.country, geonameId: e.geoname_id } }),
      asserts: assertsStmt.get(`e:${e.fkey}`)?.n ?? 0,
      ...(fm && m0 && { cite: { doc: did(fm.report), start: m0[0], end: m0[1] } }),
    };
  };
  const places = entRows(`type IN ${PLACE}`).map(fused);
  const actors = entRows(`type NOT IN ${PLACE}`).map(fused);

  const established = est.rows.map(toProp), claimed = cla.rows.map(toProp), denied = den.rows.map(toProp), hedged = hed.rows.map(toProp);
  const shownUnknowns = unknowns.slice(0, limit);

  // --- the reports: what the picture rests on, and those its lines cite
  const basis = db
    .prepare<[], { n: number; outlets: number; first: string | null; last: string | null; langs: string | null }>(
      `SELECT count(*) AS n, count(DISTINCT coalesce(source, id)) AS outlets, min(published_utc) AS first, max(published_utc) AS last,
              group_concat(DISTINCT language) AS langs FROM reports WHERE current = 1`,
    )
    .get()!;
  const docs = new Set<string>();
  const cite = (c: Cite) => docs.add(c.doc);
  for (const x of [...established, ...claimed, ...denied, ...hedged, ...shownUnknowns]) x.cites.forEach(cite);
  for (const c of contradictions) [c.a.cite, c.b.cite].forEach(cite);
  for (const f of figures) f.lines.forEach((l) => cite(l.cite));
  timeline.forEach((t) => cite(t.cite));
  for (const e of [...places, ...actors]) if (e.cite) cite(e.cite);
  const ids = [...docs].map((d) => Number(d.slice(1))).sort((x, y) => x - y);
  const reportStmt = db.prepare<[number], { id: number; title: string | null; source: string | null; url: string | null; published: string; language: Lang; version: number; cluster: number }>(
    "SELECT id, title, source, url, published, language, version, cluster FROM reports WHERE id = ?",
  );
  const reports = ids
    .map((id) => reportStmt.get(id)!)
    .map((r) => ({ doc: did(r.id), title: r.title, source: r.source, url: r.url, published: r.published, language: r.language, version: r.version, cluster: r.cluster }))
    .sort((x, y) => Date.parse(x.published) - Date.parse(y.published) || Number(x.doc.slice(1)) - Number(y.doc.slice(1)));

  return {
    basis: { reports: basis.n, outlets: basis.outlets, first: basis.first, last: basis.last, languages: (basis.langs ?? "").split(",").filter(Boolean).sort() as Lang[] },
    reports,
    established,
    claimed,
    denied,
    hedged,
    unknowns: shownUnknowns,
    contradictions,
    figures,
    timeline,
    places,
    actors,
    totals: {
      established: est.total, claimed: cla.total, denied: den.total, hedged: hed.total, unknowns: unknowns.length,
      timeline: tlTotal, places: entTotal(`type IN ${PLACE}`), actors: entTotal(`type NOT IN ${PLACE}`),
    },
    ...(since && { since }),
  };
}
