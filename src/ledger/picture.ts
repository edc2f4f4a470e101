import type { Approx, ClaimStatus, CountKind, EntityType, Lang } from "../model/doc.js";
import { LANGS } from "../model/doc.js";
import { NOTABLE, SPAN, type FusionClaim, type Reads } from "../store/index.js";
import { attackersArrested, figureScope, partOfToll, showValue, supersededTolls, tollMeasure } from "./disputes.js";
import { ledgerLexicon } from "./lang.js";
import { conceptsOf } from "./concepts.js";
import { findContradictions, showFigure, type CClaim, type CCount, type Found } from "./contradictions.js";
import { fold, type ClaimFeatures } from "./features.js";
import { describedIn, displayName } from "./naming.js";
import { langPack } from "../lang/index.js";
import { ledgerFusion, type LedgerFusion } from "./stored.js";
import { clusterWithKey, type Fusion } from "./fusion.js";
import { countriesOfName } from "./claimkeys.js";
import { roleOf } from "./entityfusion.js";
import { sameFigure, type Proposition as Fused } from "./propositions.js";

/** A span of a stored report that a line of the briefing rests on (doc: the report's stable id). */
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
  /** The report whose wire copy this is (itself when it is an original). */
  cluster: string;
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
  /**
   * "Who claims what": the heading the line goes under (one speaker who has a heading of his own, chosen
   * over everything claimed, not only the lines shown) and the others who say it too.
   */
  heading?: string;
  also?: string[];
  /** Where the quoted words were cut from their sentence (the briefing marks the cut). */
  cut?: Cut;
}

/** A quote cut from its sentence: words of it left out before the quoted span, after it, or both. */
export interface Cut {
  before?: true;
  after?: true;
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
  /** What a figure of kind "other" counts (the noun after it: "households", "raketten"). */
  measure?: string;
  lines: FigureLine[];
  /** Lowest and highest latest figure across sources; equal when they agree. */
  range: [number, number];
  agree: boolean;
  /** How many sources give a figure of the group (some lines may not be shown). */
  sources: number;
  /**
   * Every figure of the group, shown or not, earliest published first: a toll later reports raise reads
   * as one series (40 → 133 → 140), not as sources at odds.
   */
  series?: { value: number; shown: string; published: string; status: ClaimStatus; cite: Cite; disputed?: boolean }[];
}

export interface TimelineEntry {
  value: string;
  text: string;
  what: string;
  cite: Cite;
  isNew?: boolean;
  /** Where `what` was cut from its sentence. */
  cut?: Cut;
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
  /** own: the report says it in its own voice (no named source). */
  a: { text: string; source: string; status: ClaimStatus; cite: Cite; language: Lang; own?: boolean; cut?: Cut };
  b: { text: string; source: string; status: ClaimStatus; cite: Cite; language: Lang; own?: boolean; cut?: Cut };
  more: number;
  isNew?: boolean;
  /** What differing figures of kind "other" count, as the figures section names it ("missiles"). */
  measure?: string;
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
  totals: Record<"established" | "claimed" | "denied" | "hedged" | "unknowns" | "timeline" | "places" | "actors" | "figures", number>;
  /** Totals that are only a floor: the actors of a ledger too large to read whole ("and at least N more"). */
  atLeast?: { actors?: true };
  /**
   * … and what they are at most, where only a floor is known: the actor lines --all could show are no more
   * than the store's entities of actors not read, besides the lines read and not shown.
   */
  upTo?: { actors?: number };
  since?: string;
}

export interface PictureOptions {
  /** The ledger's fusion in this language, when the caller has it already (one fusion, several pictures). */
  fusion?: LedgerFusion;
  /** The briefing's language: picks display names of fused actors and places. */
  lang?: Lang;
  /** Only what reports published after this instant added or changed. */
  since?: string;
  /** Most lines per section (the briefing of a large ledger stays readable). */
  limit?: number;
}


const iso = (ms: number) => new Date(ms).toISOString();

/** A claim as the contradiction finder takes it; ids sort like positions in the report. */
class FinderClaim implements CClaim {
  readonly id: string;
  readonly doc: string;
  readonly sentence: number;
  readonly paragraph: number;
  readonly status: CClaim["status"];
  readonly asserter: string;
  readonly asserterName: string;
  readonly sourceKey?: string;
  readonly entityKeys: string[];
  readonly features: ClaimFeatures;
  readonly published: string;
  constructor(private readonly c: FusionClaim) {
    this.id = finderId(c.reportUid, c.seq);
    this.doc = c.reportUid;
    this.sentence = c.sentence;
    this.paragraph = c.paragraph;
    this.status = c.status;
    this.asserter = c.asserterKey;
    this.asserterName = c.asserterName;
    if (c.sourceKeyed) this.sourceKey = c.asserterKey.slice(2);
    this.entityKeys = c.entityKeys;
    this.features = (c.features ?? {}) as ClaimFeatures;
    this.published = iso(c.publishedMs);
  }
  /** Read when the finder needs the words (few of the claims it compares). */
  get text(): string {
    return this.c.text;
  }
}

export function toCClaim(c: FusionClaim): CClaim {
  return new FinderClaim(c);
}

export const finderId = (reportUid: string, seq: number) => `${reportUid}/c${seq + 1}`;

/** Reads the fused picture out of the ledger: the material of the briefing. */
export async function buildPicture(r: Reads, opts: PictureOptions = {}): Promise<Picture> {
  const lang = opts.lang ?? "en";
  const limit = opts.limit ?? 40;
  // The sections read from the store's aggregates (figures, timeline, places, actors) back up the lines
  // above them: fewer of them, so a default briefing of a busy event stays on a page or two.
  const few = Math.max(1, Math.ceil((limit * 3) / 4));
  const perKind = Math.max(2, Math.ceil(limit / 2));
  const since = opts.since;
  const sinceMs = since ? Date.parse(since) : undefined;
  const after = (ms: number) => sinceMs !== undefined && ms > sinceMs;

  // --- who says it: fused actors by their name in the briefing's language
  const names = new Map<string, string | undefined>();
  const entityName = async (fkey: string): Promise<string | undefined> => {
    if (!names.has(fkey)) {
      const f = (await r.fusedByKeys([fkey]))[0];
      const top = f ? (await r.fusedNames([f.id])).get(f.id) : undefined;
      names.set(fkey, displayName(fkey, lang, top));
    }
    return names.get(fkey);
  };
  const asserterRows = new Map<number, { key: string; name: string }>();
  const asserter = async (id: number) => {
    let a = asserterRows.get(id);
    if (!a) {
      const row = (await r.asserters([id]))[0];
      a = row ? { key: row.key, name: row.name } : { key: String(id), name: String(id) };
      asserterRows.set(id, a);
    }
    return a;
  };
  // (a speaker named only by a role in another language's words is named in the briefing's: "Belgische premier")
  const nameOfKey = async (key: string, fallback?: string, stored?: string): Promise<string> =>
    (key.startsWith("e:") ? await entityName(key.slice(2)) : undefined) ?? fallback ?? (stored ? roleShown(stored, lang) : undefined) ?? stored ?? key;
  const byKey = new Map<string, { name: string; claims: number } | undefined>();
  const asserterOfKey = async (key: string) => {
    if (!byKey.has(key)) byKey.set(key, (await r.asserterByKey([key]))[0]);
    return byKey.get(key);
  };

  // --- propositions, grouped by wording and status (from the aggregates the store keeps)
  const toProp = async (row: Awaited<ReturnType<Reads["propGroups"]>>["rows"][number]): Promise<Proposition> => {
    const cites = await r.propCites(row.pkey, row.status, row.asserter, 3);
    const sources: string[] = [];
    for (const id of row.asserters) {
      const a = await asserter(id);
      if (!a.key.startsWith("voice:")) sources.push(await nameOfKey(a.key, undefined, a.name));
    }
    return {
      text: cites[0]?.text ?? "",
      language: cites[0]?.language ?? lang,
      status: row.status,
      sources: [...new Set(sources)].sort(),
      sourceKind: row.kind,
      quote: row.quote,
      cites: cites.map((c) => ({ doc: c.reportUid, start: c.start, end: c.end })),
      reports: row.n,
      independent: (await r.propClusters(row.pkey, row.status, row.asserter)) || 1,
      first: iso(row.firstMs),
      last: iso(row.lastMs),
      ...(since && { isNew: after(row.firstMs) }),
    };
  };
  const est = await r.propGroups({ statuses: ["established", "confirmed"], byAsserter: false, sinceMs, limit });
  const cla = await r.propGroups({ statuses: ["claimed"], byAsserter: true, sinceMs, limit: limit * 2 });
  const den = await r.propGroups({ statuses: ["denied"], byAsserter: true, sinceMs, limit });
  const hed = await r.propGroups({ statuses: ["probable", "possible"], byAsserter: true, sinceMs, limit });

  // --- contradictions over the whole ledger: denials, claims that state a state or theme, and claims that
  // give a figure (what "those figures" rejects, now that a sentence's figure and its other content are
  // separate claims); figure against figure uses the latest figure of each source and kind (a source
  // revising itself is an update).
  const contradictions: ContradictionView[] = [];
  // every side of every dispute, shown or not: a figure one of them gives is in dispute in the short briefing
  // as in the whole one (a toll a hidden dispute sets against another never reads as an update)
  let disputedSides: ContradictionView[] = contradictions;
  const lf = opts.fusion ?? (await ledgerFusion(r, lang));
  const fusedProps = lf.missing.length === 0 || lf.fusion.claims.length > 0;
  // --- explicit unknowns (claims with status unknown, and the unknowns table): one line per open question,
  // as every other section has one per proposition. A wire story's copy that words it a little otherwise
  // ("is not yet known", "is still unknown") fuses into the same proposition: one line citing both reports.
  const openQuestions = once(lf.fusion, "open questions", () => {
    const of = new Map<string, Fused>();
    for (const p of lf.fusion.propositions) if (p.status === "unknown") for (const id of p.claims) of.set(id, p);
    const byDoc = new Map<string, Fusion["claims"][number][]>();
    for (const c of lf.fusion.claims) if (of.has(c.id)) (byDoc.get(c.doc) ?? byDoc.set(c.doc, []).get(c.doc)!).push(c);
    for (const cs of byDoc.values()) cs.sort((a, b) => a.start - b.start);
    return { of, byDoc };
  });
  // (the unknowns table keeps a report's span, not always its claim: the claim saying it unknown over it,
  // the last to start before the span ends; found by halving, a report may have many)
  const questionOf = (doc: string, start: number, end: number): Fused | undefined => {
    const cs = openQuestions.byDoc.get(doc) ?? [];
    let lo = 0, hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    const c = cs[lo - 1];
    return c && c.end > start ? openQuestions.of.get(c.id) : undefined;
  };
  const unknownMap = new Map<string, Proposition>();
  const unknownByProp = new Map<Fused, Proposition>();
  const line = new Map<Proposition, { docs: Set<string>; fused?: Fused }>();
  for (const u of await r.unknownItems()) {
    if (since && !after(u.publishedMs)) continue;
    const k = u.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const fp = questionOf(u.reportUid, u.start, u.end);
    const cite = { doc: u.reportUid, start: u.start, end: u.end };
    let p = (fp && unknownByProp.get(fp)) ?? unknownMap.get(k);
    if (p) {
      const l = line.get(p)!;
      if (p.cites.length < 3 && !l.docs.has(cite.doc)) p.cites.push(cite);
      l.docs.add(cite.doc);
      l.fused ??= fp;
      p.last = iso(u.publishedMs);
    } else {
      p = {
        text: u.text, language: u.language, status: "unknown", sources: [], sourceKind: null, quote: false, cites: [cite],
        reports: 1, independent: 1, first: iso(u.publishedMs), last: iso(u.publishedMs), ...(since && { isNew: true }),
      };
      line.set(p, { docs: new Set([cite.doc]), fused: fp });
    }
    if (!unknownMap.has(k)) unknownMap.set(k, p);
    if (fp && !unknownByProp.has(fp)) unknownByProp.set(fp, p);
  }
  const unknowns = [...line.keys()];
  // (a report that says it twice is one report; reports that word it alike may be one agency's copies: as
  // many origins as the fusion counts, at most one a report)
  for (const [p, l] of line) {
    p.reports = l.docs.size;
    if (l.fused) p.independent = Math.max(1, Math.min(l.fused.independent, l.docs.size));
  }
  // the strongest disputes first (carried by more reports; differing figures, which read as one line a kind,
  // before the rest), at most `limit`
  if (fusedProps) {
    const views = once(lf.fusion, `views|${since ?? ""}|${lang}`, () => disputeViews(lf.fusion, since, lang));
    disputedSides = views;
    const figureViews = views.filter((v) => v.found.type === "figures");
    contradictions.push(...figureViews);
    // the briefing reads differing figures as one line a kind: those lines count against the section's limit
    const figureKinds = new Set(figureViews.map((v) => v.found.detail.kind)).size;
    contradictions.push(
      ...views
        .map((v, i) => ({ v, i }))
        .filter((x) => x.v.found.type !== "figures")
        // a quarrel between named parties leads; a report's own background sentence set against a party
        // ("Russian airstrikes targeted Ukraine") comes after, however many reports carry it
        .sort((a, b) => voices(a.v) - voices(b.v) || b.v.more - a.v.more || a.i - b.i)
        .slice(0, Math.max(1, limit - figureKinds))
        .map((x) => x.v),
    );
  }
  else {
    // (the notable claims of the whole ledger are read only here: a ledger fused by incident never needs them)
    const notable: FusionClaim[] = [];
    for await (const page of r.fusionClaims(NOTABLE.featured | NOTABLE.figure)) notable.push(...page);
    const latest = await r.latestFigures();
    {
      const have = new Set(notable.map((c) => c.id));
      const missing: number[] = [];
      for (const n of latest) {
        const id = n.report * SPAN + n.claim;
        if (!have.has(id)) {
          have.add(id);
          missing.push(id);
        }
      }
      notable.push(...(await r.fusionClaimsByIds(missing)));
    }
    const byCid = new Map(notable.map((c) => [finderId(c.reportUid, c.seq), c]));
    const ccounts: CCount[] = latest.map((n) => ({ claim: finderId(n.reportUid, n.claim), kind: n.kind, value: n.value, approx: n.approx, text: n.text }));
    const side = async (id: string) => {
      const c = byCid.get(id)!;
      return {
        text: c.text,
        source: await nameOfKey(c.asserterKey, c.asserterKey.startsWith("voice:") ? c.asserterName : undefined, (await asserterOfKey(c.asserterKey))?.name),
        status: c.status,
        cite: { doc: c.reportUid, start: c.start, end: c.end },
        language: c.language,
      };
    };
    // Wire copy repeats a report's contradictions word for word: one line, counted.
    const byWording = new Map<string, ContradictionView>();
    for (const f of findContradictions(notable.map(toCClaim), ccounts)) {
      const isNew = since ? [f.claims[0], f.claims[1], ...(f.also ?? [])].some((id) => after(byCid.get(id)!.publishedMs)) : undefined;
      if (since && !isNew) continue;
      const wording = `${f.type}|${f.detail.kind ?? ""}|${[byCid.get(f.claims[0])!.pkey, byCid.get(f.claims[1])!.pkey].sort().join("|")}`;
      const prior = byWording.get(wording);
      if (prior) {
        prior.more += 1 + (f.also?.length ?? 0);
        if (isNew) prior.isNew = true;
        continue;
      }
      const view: ContradictionView = { found: f, a: await side(f.claims[0]), b: await side(f.claims[1]), more: f.also?.length ?? 0, ...(since && { isNew }) };
      byWording.set(wording, view);
      contradictions.push(view);
    }
  }

  // --- figures: each kind by source, one line per source and figure (citing where it first appeared), one
  // group per incident, place and kind: the toll of a village and of the capital struck the same day are
  // two figures, never a range
  const figureRows = (await r.figures()).filter((n) => !partFigure(n, lf.fusion));
  const figureSpeakers = () => once(lf.fusion, `speakers|${lang}`, () => speakerNames(lf.fusion, lang));
  const figures: FigureKind[] = [];
  let figuresHidden = 0;
  const disputedAt = new Map<string, Cite[]>();
  for (const v of disputedSides) for (const s of [v.a.cite, v.b.cite]) (disputedAt.get(s.doc) ?? disputedAt.set(s.doc, []).get(s.doc)!).push(s);
  const KIND_ORDER: CountKind[] = ["killed", "wounded", "missing", "arrested", "personnel", "vehicles", "other"];
  const { scopeOf, incidentPlace } = figureScopes(lf.fusion, lang);
  const incidentCount = new Set(lf.fusion.incidents.values()).size;
  // "other" counts anything: households, missiles, fans, dams. One range over them sets a count of fans
  // against one of missiles, so each measure (the noun counted) is a group of its own.
  const groupsOf = (kind: CountKind) => {
    const rows = figureRows.filter((n) => n.kind === kind);
    const byMeasure = new Map<string, typeof rows>();
    const last = new Map<string, { claim: number; measure: string }>();
    const sorted = [...rows].sort((a, b) => a.report - b.report || a.start - b.start);
    const measureOf = new Map<(typeof rows)[number], string | undefined>();
    // figures of another place than the incident's: not counted where the incident happened
    const away = new Set<(typeof rows)[number]>();
    const scoped = new Set<(typeof rows)[number]>();
    const parts = new Set<(typeof rows)[number]>();
    // the attackers among the arrested: a part of the arrests, listed after them however many reports give it
    // (the short briefing gives the 11 arrested before the four of them who did it)
    const attackers = new Set<(typeof rows)[number]>();
    for (const n of sorted) {
      let m: string | undefined;
      if (kind === "other") {
        m = countedNoun(n.text);
        // "put the number at 85": a bare figure counts what the figure of the claim before it counted
        const prev = last.get(n.reportUid);
        if (!m && prev && n.claim - prev.claim <= 1) m = prev.measure;
        if (m) last.set(n.reportUid, { claim: n.claim, measure: m });
        // "two leaks in Denmark's zone and two in Sweden's": a part of the whole, never a rival total
        const c = claimById(lf.fusion).get(finderId(n.reportUid, n.claim));
        if (m && c && spreadOverPlaces(c, n)) parts.add(n);
      } else {
        const c = claimById(lf.fusion).get(finderId(n.reportUid, n.claim));
        // the attackers among the arrested are a part of all arrests, listed apart (never a range with them)
        if (c && kind === "arrested" && attackersArrested(c, n)) {
          m = ledgerLexicon(lang).attackersArrested;
          attackers.add(n);
        }
        // so are a part of a total given elsewhere ("of the dead, 145 were Egyptians") and a toll somewhere
        // else ("170 elsewhere in the country")
        const scope = c && !m ? figureScope(c, n) : undefined;
        const names = ledgerLexicon(lang).figureScope;
        if (scope && names) m = scope === "part" ? names.partLabel : names.elsewhereLabel;
        if (scope) scoped.add(n);
        if (scope === "elsewhere") away.add(n);
        // the hospitalised, those still in hospital: a narrower count of the wounded, a group of its own
        const tm = c && !m ? tollMeasure(c, n) : undefined;
        if (tm) m = ledgerLexicon(lang).tollMeasures?.find((x) => x.name === tm)?.label ?? tm;
      }
      measureOf.set(n, m);
    }
    // the noun counted in two languages ("leaks", "gaslekken") is one measure when the concept lexicons
    // read it as one thing: one group, named as a report in the briefing's language names it
    const conceptOf = new Map<string, string>();
    const label = new Map<string, { name: string; own: boolean; lang?: Lang }>();
    for (const n of sorted) {
      const m = measureOf.get(n);
      if (kind !== "other" || !m) continue;
      const c = claimById(lf.fusion).get(finderId(n.reportUid, n.claim));
      const hit = c && conceptsOf(m, c.lang).find((h) => !h.neg);
      if (!hit) continue;
      conceptOf.set(m, hit.concept);
      const own = c.lang === lang, l = label.get(hit.concept);
      if (!l || (own && !l.own)) label.set(hit.concept, { name: m, own, lang: c.lang });
    }
    // a noun no report in the briefing's language names is shown by this language's word for its concept, in
    // the same number ("passengers" in a Dutch briefing: "passagiers"), where the lexicon has a plain word
    const lex = ledgerLexicon(lang);
    for (const [concept, l] of label) {
      const other = !l.own && l.lang ? ledgerLexicon(l.lang).plural : undefined;
      if (!other || !lex.plural) continue;
      const words = (lex.concepts[concept] ?? "").split(/\s+/).filter((w) => /^\p{L}+(?:-\p{L}+)*$/u.test(w));
      // (a word both languages use, "drones", stays: the concept may hold kindred things, drones and missiles)
      const same = words.includes(l.name) ? l.name : words.find((w) => lex.plural!(w) === other(l.name));
      if (same) label.set(concept, { name: same, own: true });
    }
    for (const n of sorted) {
      const m0 = measureOf.get(n);
      const cm = m0 && conceptOf.get(m0);
      const m1 = cm ? label.get(cm)!.name : m0;
      const m = parts.has(n) ? `${m1}, ${ledgerLexicon(lang).perPlace ?? "per place"}` : m1;
      const sc = scopeOf(n.reportUid, n.claim);
      const inc = incidentCount > 1 ? sc.incident : "";
      // a figure that names no place counts where its incident happened, as far as the reports say
      // (the words do not say which part: each part of a total is a group of its own; a part spread over
      // places is read only beside its claim's other parts: which place it counts the words say, not the
      // keys, so it is never set in a range with another claim's part)
      const part = scoped.has(n) && !away.has(n) ? `\u0001${String(n.report).padStart(9, "0")}:${String(n.start).padStart(9, "0")}` : "";
      const k = `${inc}\u0000${away.has(n) ? "" : (sc.place ?? incidentPlace(sc.incident) ?? "")}\u0000${m ?? ""}${parts.has(n) ? `\u0000${n.publishedMs}/${n.start}` : ""}${part}`;
      (byMeasure.get(k) ?? byMeasure.set(k, []).get(k)!).push(n);
    }
    const attackersOnly = (rows: typeof sorted) => Number(rows.every((n) => attackers.has(n)));
    return [...byMeasure]
      .sort((a, b) => attackersOnly(a[1]) - attackersOnly(b[1]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
      .map(([k, rows]) => {
        const [, place, m] = k.replace(/\u0001.*$/, "").split("\u0000");
        return { measure: [m, place].filter(Boolean).join(", ") || undefined, noun: m || undefined, rows, minor: rows.every((n) => scoped.has(n)) };
      });
  };
  // the parts of a total and the tolls elsewhere after every kind's own groups: the short briefing shows
  // the tolls themselves first
  const allGroups = KIND_ORDER.flatMap((kind) => groupsOf(kind).map((g) => ({ kind, ...g })));
  // differing figures of another kind say what they count as the figures section does: "Other figures
  // (missiles): ~100 according to …", never the bare kind, which could be missiles, leaks or fans
  {
    const nounsAt = new Map<string, { start: number; noun: string }[]>();
    for (const g of allGroups)
      if (g.kind === "other" && g.noun) for (const n of g.rows) (nounsAt.get(n.reportUid) ?? nounsAt.set(n.reportUid, []).get(n.reportUid)!).push({ start: n.start, noun: g.noun });
    const nounOf = (c: Cite) => (nounsAt.get(c.doc) ?? []).find((x) => c.start <= x.start && x.start < c.end)?.noun;
    for (let i = 0; i < contradictions.length; i++) {
      const v = contradictions[i]!;
      if (v.found.type !== "figures" || v.found.detail.kind !== "other") continue;
      const noun = nounOf(v.a.cite) ?? nounOf(v.b.cite);
      if (noun) contradictions[i] = { ...v, measure: noun };
    }
  }
  for (const { kind, measure, rows } of [...allGroups.filter((g) => !g.minor), ...allGroups.filter((g) => g.minor)]) {
    const lines: FigureLine[] = [];
    for (const n of rows) {
      // the speaker as the ledger knows him, not as one report named him: "the Belgian prime minister" of
      // one report is the De Croo another names with that role
      const fc = claimById(lf.fusion).get(finderId(n.reportUid, n.claim));
      // (not a body the ledger counts as its country's government: the FSB's figure is the FSB's, not the Kremlin's)
      const fa = fc?.source ? lf.fusion.context.asserter(fc) : undefined;
      const fused = fa && !fa.key.startsWith("C:") ? fa : undefined;
      lines.push({
        kind, source: fused ? (figureSpeakers().get(fused.key) ?? fused.name) : await nameOfKey(n.asserterKey, n.asserterKey.startsWith("voice:") ? n.asserterName : undefined, (await asserter(n.asserter)).name),
        asserter: fused?.key ?? n.asserterKey, value: n.value, approx: n.approx, shown: showFigure(n), text: n.text,
        cite: { doc: n.reportUid, start: n.start, end: n.end }, published: iso(n.publishedMs), status: n.status,
        ...(since && { isNew: after(n.publishedMs) }),
      });
    }
    if (since && !lines.some((l) => l.isNew)) continue;
    // the range spans the figures the group lists (with --since, every figure of the group: the new ones
    // are read against the rest)
    const vals = rows.map((n) => n.value);
    const range: [number, number] = [Math.min(...vals), Math.max(...vals)];
    const listed = since ? lines.filter((l) => l.isNew) : lines;
    if (figures.length >= few) {
      figuresHidden += listed.length;
      continue;
    }
    const shown = strongestFigures(listed, perKind);
    figuresHidden += listed.length - shown.length;
    const disputed = (x: Cite) => (disputedAt.get(x.doc) ?? []).some((s) => s.start <= x.start && x.end <= s.end);
    const series = [...lines]
      .sort((a, b) => Date.parse(a.published) - Date.parse(b.published))
      .map((l) => ({ value: l.value, shown: l.shown, published: l.published, status: l.status, cite: l.cite, ...(disputed(l.cite) && { disputed: true }) }));
    figures.push({ kind, ...(measure && { measure }), lines: shown, range, agree: range[0] === range[1], sources: new Set(lines.map((l) => l.asserter)).size, series });
  }

  // --- timeline: time expressions with the claim that holds them, earliest first
  const tlSeen = new Set<string>();
  let tlWords = 0;
  const timeline: TimelineEntry[] = [];
  // The index gives the rows in order: stop once the section is full, count the rest in SQL.
  timeline: for await (const page of r.timeline({ sinceMs })) {
    for (const t of page) {
      const k = `${t.value}|${t.pkey}`;
      if (tlSeen.has(k)) continue;
      tlSeen.add(k);
      // (times of one sentence read as one line of the briefing: the section holds `few` sentences, however
      // many times each gives; the rows come by time, so such times come one after the other)
      const prev = timeline[timeline.length - 1];
      const sameWords = prev !== undefined && prev.cite.doc === t.reportUid && prev.cite.start === t.start && prev.cite.end === t.end;
      if (!sameWords && ++tlWords > few) break timeline;
      timeline.push({ value: t.value, text: t.timeText, what: t.claimText, cite: { doc: t.reportUid, start: t.start, end: t.end }, ...(since && { isNew: true }) });
    }
  }
  const tlTotal = timeline.length < few ? timeline.length : await r.timelineTotal({ sinceMs });

  // --- places and actors, fused across reports and languages (from the aggregates)
  let named: Map<string, Fusion["entities"]["clusters"][number] | null> | undefined;
  const clusterNamed = () => {
    if (!named) {
      named = new Map();
      for (const c of lf.fusion.entities.clusters) for (const n of c.names) named.set(n, named.has(n) ? null : c);
    }
    return named;
  };
  const storeIds = new Map<FusedEntity, number>();
  const fusedOf = async (places: boolean, n = few, cites = true) => {
    const { rows, total } = await r.fusedEntities({ places, limit: n });
    const nameLists = await r.fusedNames(rows.map((e) => e.id));
    const out: FusedEntity[] = [];
    for (const e of rows) {
      const all = nameLists.get(e.id) ?? [];
      const set = new Set(all.slice(0, 16).map((x) => x.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      // the fusion names an entity in the briefing's language (a country as that language's reports or the
      // gazetteer name it: "Poland", never the Dutch reports' "Polen" because they mention it more)
      const cc = /^(?:geo|G):([A-Z]{2})$/.exec(e.fkey)?.[1];
      const cl = cc && lf.fusion.claims.length ? clusterWithKey(lf.fusion.entities, `G:${cc}`) : undefined;
      // any other entity by the fused cluster that alone holds the ledger's name for it ("Putin" in English)
      const used = displayName(e.fkey, lang, all);
      const byUsed = !cl && used !== undefined ? clusterNamed().get(used) : undefined;
      const name = displayName(e.fkey, lang) ?? cl?.name(lang) ?? byUsed?.name(lang) ?? used ?? e.fkey;
      set.delete(name);
      const fm = cites ? await r.firstMention(e.id) : undefined;
      const x: FusedEntity = {
        key: e.fkey, type: e.type, name, names: [...set].sort(), reports: e.reports, mentions: e.mentions,
        ...(e.geo && { geo: { lat: e.geo.lat, lon: e.geo.lon, country: e.geo.country, geonameId: e.geo.geonameId } }),
        asserts: (await asserterOfKey(`e:${e.fkey}`))?.claims ?? 0,
        ...(fm && { cite: { doc: fm.reportUid, start: fm.start, end: fm.end } }),
      };
      storeIds.set(x, e.id);
      out.push(x);
    }
    return { rows: out, total };
  };
  const places = await fusedOf(true);
  const actors = await ledgerActors(r, lf, lang, few, fusedOf, storeIds);

  // --- propositions: the ledger's fusion (one line per thing said, however many reports and languages say
  // it); a ledger whose reports were stored without fusion records falls back to the store's wording groups
  const established: Proposition[] = [], claimed: Proposition[] = [], denied: Proposition[] = [], hedged: Proposition[] = [];
  const totals = { established: est.total, claimed: cla.total, denied: den.total, hedged: hed.total };
  if (fusedProps) {
    const split = once(lf.fusion, `split|${since ?? ""}|${lang}`, () => splitPropositions(lf.fusion, since, lang));
    const take = (xs: Proposition[]) => xs.slice(0, limit);
    established.push(...take(split.established));
    claimed.push(...take(split.claimed));
    denied.push(...take(split.denied));
    hedged.push(...take(split.hedged));
    Object.assign(totals, { established: split.established.length, claimed: split.claimed.length, denied: split.denied.length, hedged: split.hedged.length });
  } else {
    for (const x of est.rows) established.push(await toProp(x));
    for (const x of cla.rows) claimed.push(await toProp(x));
    for (const x of den.rows) denied.push(await toProp(x));
    for (const x of hed.rows) hedged.push(await toProp(x));
  }
  const shownUnknowns = unknowns.slice(0, limit);

  // a line's words must read as a statement: a clause cut from its sentence ("though they remained filled
  // with natural gas", "and blamed British navy personnel") is quoted with the whole sentence it stands in,
  // of the first report whose sentence adds nothing the line cannot vouch for (a line of what is established
  // never quotes a sentence that also says what a source disputes, or only claims; what a speaker claims
  // may stand beside the rest of what he says)
  const texts = new Map<string, { text?: string; language: Lang } | undefined>();
  const byDoc = () => once(lf.fusion, "claims by report", () => {
    const m = new Map<string, Fusion["claims"][number][]>();
    for (const c of lf.fusion.claims) (m.get(c.doc) ?? m.set(c.doc, []).get(c.doc)!).push(c);
    return m;
  });
  const inDispute = () => once(lf.fusion, "claims in dispute", () => new Set(lf.fusion.disputes.filter((d) => !d.detail.update || d.type === "opposed").flatMap((d) => d.claims)));
  const whole = async (c: Cite, known: boolean, unknown = false): Promise<{ text: string; cite: Cite; language: Lang } | undefined> => {
    if (!texts.has(c.doc)) texts.set(c.doc, await r.reportByUid(c.doc, true));
    const t = texts.get(c.doc)?.text;
    if (!t || !isClause(t.slice(c.start, c.end))) return undefined;
    const at = sentenceAround(t, c.start, c.end);
    if (!at || at[0] >= c.start || !opensSentence(t[at[0]])) return undefined;
    // (what a clause lacks is the subject before it: of a long sentence, the words up to the clause's end)
    const [from, to] = at[1] - at[0] <= WHOLE ? at : c.end - at[0] <= WHOLE ? [at[0], c.end] : [];
    if (from === undefined || to === undefined) return undefined;
    // (and never words of another speaker, or of the report's own voice beside a speaker's: "… by a suspect
    // who remains at large, in an attack the mayor described as cowardly" is not the mayor's)
    const inSpan = (byDoc().get(c.doc) ?? []).filter((o) => o.start < to && o.end > from);
    const self = inSpan.find((o) => o.start === c.start && o.end === c.end);
    // (but an open question speaks for nobody, and may be one the report's list of unknowns holds with no
    // claim of its own: the sentence that says what is not known may name who said the rest, "Poland says
    // that it is not yet established who fired the missile", "he was jailed, the authorities say, without
    // saying what for")
    if (!unknown) {
      if (!self) return undefined;
      const by = lf.fusion.context.asserter(self).key;
      if (inSpan.some((o) => o !== self && lf.fusion.context.asserter(o).key !== by)) return undefined;
    }
    const others = inSpan.filter((o) => o !== self);
    if (known && others.some((o) => inDispute().has(o.id) || (o.status !== "established" && o.status !== "confirmed"))) return undefined;
    return { text: t.slice(from, to), cite: { doc: c.doc, start: from, end: to }, language: texts.get(c.doc)!.language };
  };
  let unknownTotal = unknowns.length;
  const dropped = (k: keyof typeof totals | "unknowns") => (k === "unknowns" ? unknownTotal-- : totals[k]--);
  for (const [xs, known, k] of [[established, true, "established"], [claimed, false, "claimed"], [denied, false, "denied"], [hedged, false, "hedged"], [shownUnknowns, false, "unknowns"]] as const) {
    // (the lines of one report, by report: a widened line looks only at its own report's, so that `--all`
    // on a large ledger stays linear; a line dropped is marked, and the list filtered once at the end)
    const single = new Map<string, Proposition[]>();
    for (const y of xs) if (y.cites.length === 1) (single.get(y.cites[0]!.doc) ?? single.set(y.cites[0]!.doc, []).get(y.cites[0]!.doc)!).push(y);
    const gone = new Set<Proposition>();
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      if (gone.has(x) || !isClause(x.text) || !fusedProps) continue;
      for (const [n, c] of x.cites.entries()) {
        const w = await whole(c, known, k === "unknowns");
        if (!w) continue;
        const y0 = (xs[i] = { ...x, text: w.text, language: w.language, cites: [w.cite, ...x.cites.filter((_, j) => j !== n)] });
        const mine = single.get(c.doc);
        if (mine && x.cites.length === 1) mine[mine.indexOf(x)] = y0;
        // (a line of one report that quotes a part of that sentence says nothing the whole does not)
        for (const y of mine ?? [])
          if (y !== y0 && !gone.has(y) && y.cites[0]!.start >= w.cite.start && y.cites[0]!.end <= w.cite.end) {
            gone.add(y);
            dropped(k);
          }
        break;
      }
    }
    if (gone.size) {
      let o = 0;
      for (const y of xs) if (!gone.has(y)) xs[o++] = y;
      xs.length = o;
    }
  }
  for (let i = 0; i < contradictions.length; i++) {
    const v = contradictions[i]!;
    // (differing figures read as the figures, not as quotes: their citations stay on the figure's claim)
    if (v.found.type === "figures") continue;
    const [a, b] = [isClause(v.a.text) ? await whole(v.a.cite, false) : undefined, isClause(v.b.text) ? await whole(v.b.cite, false) : undefined];
    if (a || b) contradictions[i] = { ...v, a: a ? { ...v.a, ...a } : v.a, b: b ? { ...v.b, ...b } : v.b };
  }
  // a timeline entry's words too: "and on Sunday, they ordered residents to evacuate" leaves out who
  if (fusedProps)
    for (let i = 0; i < timeline.length; i++) {
      const e = timeline[i]!;
      const w = isClause(e.what) ? await whole(e.cite, false) : undefined;
      if (w) timeline[i] = { ...e, what: w.text, cite: w.cite };
    }

  // what stays cut from its sentence is marked as cut: a quote is the report's words as they stand, and a
  // clause or a sentence's first half never reads as a whole sentence of the report's (new objects: the
  // lines may be the fusion's, kept for the next picture)
  const cutOf = async (c: Cite | undefined, words: string): Promise<Cut | undefined> => {
    if (!c) return undefined;
    if (!texts.has(c.doc)) texts.set(c.doc, await r.reportByUid(c.doc, true));
    const t = texts.get(c.doc)?.text;
    return t !== undefined && t.slice(c.start, c.end) === words ? sentenceCut(t, c.start, c.end) : undefined;
  };
  for (const xs of [established, claimed, denied, hedged, shownUnknowns])
    for (let i = 0; i < xs.length; i++) {
      const cut = await cutOf(xs[i]!.cites[0], xs[i]!.text);
      if (cut) xs[i] = { ...xs[i]!, cut };
    }
  for (let i = 0; i < contradictions.length; i++) {
    const v = contradictions[i]!;
    if (v.found.type === "figures") continue;
    const [ca, cb] = [await cutOf(v.a.cite, v.a.text), await cutOf(v.b.cite, v.b.text)];
    if (ca || cb) contradictions[i] = { ...v, a: ca ? { ...v.a, cut: ca } : v.a, b: cb ? { ...v.b, cut: cb } : v.b };
  }
  for (let i = 0; i < timeline.length; i++) {
    const cut = await cutOf(timeline[i]!.cite, timeline[i]!.what);
    if (cut) timeline[i] = { ...timeline[i]!, cut };
  }

  // --- the reports: what the picture rests on, and those its lines cite
  const basis = await r.basis();
  const docs = new Set<string>();
  const cite = (c: Cite) => docs.add(c.doc);
  for (const x of [...established, ...claimed, ...denied, ...hedged, ...shownUnknowns]) x.cites.forEach(cite);
  for (const c of contradictions) [c.a.cite, c.b.cite].forEach(cite);
  for (const f of figures) f.lines.forEach((l) => cite(l.cite));
  timeline.forEach((t) => cite(t.cite));
  for (const e of [...places.rows, ...actors.rows]) if (e.cite) cite(e.cite);
  const rows = [];
  for (const uid of docs) {
    const row = await r.reportByUid(uid);
    if (row) rows.push(row);
  }
  const clusters = new Map((await r.reportsByIds([...new Set(rows.map((x) => x.cluster))])).map((x) => [x.id, x.uid]));
  const reports: ReportInfo[] = rows
    .map((x) => ({
      doc: x.uid, title: x.title, source: x.source, url: x.url, published: x.published, language: x.language, version: x.version,
      cluster: clusters.get(x.cluster) ?? x.uid, ms: x.publishedMs,
    }))
    .sort((x, y) => x.ms - y.ms || (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : 0))
    .map(({ ms: _ms, ...x }) => x);

  return {
    basis: {
      reports: basis.reports, outlets: basis.outlets, first: basis.firstMs === null ? null : iso(basis.firstMs), last: basis.lastMs === null ? null : iso(basis.lastMs),
      languages: basis.languages,
    },
    reports,
    established,
    claimed,
    denied,
    hedged,
    unknowns: shownUnknowns,
    contradictions,
    figures,
    timeline,
    places: places.rows,
    actors: actors.rows,
    totals: {
      ...totals, unknowns: unknownTotal,
      timeline: tlTotal, places: places.total, actors: actors.total, figures: figuresHidden,
    },
    ...(actors.atLeast && { atLeast: { actors: true as const } }),
    ...(actors.upTo !== undefined && { upTo: { actors: actors.upTo } }),
    ...(since && { since }),
  };
}

/**
 * The most store entities of actors read to count the ledger's actors exactly: one small read each, about
 * 0.1 ms on SQLite (some 40 ms at the bound); a larger ledger (a 100,000-report one has far more) keeps the
 * few reads of its lines shown and says only a floor.
 */
const ACTORS_READ_WHOLE = 400;

/**
 * The actors as the ledger knows them, not as each report's entities were stored: the store's entities one
 * fused cluster of the ledger holds are one line ("Verlinden" and "Annelies Verlinden"), and so is an entity
 * that only ever speaks as another ("de minister van Binnenlandse Zaken", whom the ledger hears as Annelies
 * Verlinden, is her and not a ministry of its own). Each line counts the reports that name it once, whichever
 * of its names they use, and every claim the ledger gives it. The store's strongest entities are read a few
 * times over the lines wanted, so that the parts of one actor meet, and every one of them when the ledger has
 * few enough (ACTORS_READ_WHOLE) to count its actors exactly; a ledger without fusion records keeps the
 * store's lines.
 */
async function ledgerActors(
  r: Reads, lf: LedgerFusion, lang: Lang, few: number,
  fusedOf: (places: boolean, n?: number, cites?: boolean) => Promise<{ rows: FusedEntity[]; total: number }>, storeIds: Map<FusedEntity, number>,
): Promise<{ rows: FusedEntity[]; total: number; atLeast?: true; upTo?: number }> {
  const f = lf.fusion;
  if (!f.claims.length) return fusedOf(false);
  // (where each is first named is read for the lines shown only)
  let { rows, total } = await fusedOf(false, few * 4 + 8, false);
  // (the store's count of its entities of actors, every one a line at most)
  const stored = total;
  // how many lines the rest make is known only once every store entity is read: the parts of an actor may be
  // any of them. A ledger of few enough is read whole, so "and N more" is the number --all shows; a larger one
  // says only what is sure (the actors read and not shown: the rest may all be parts of them)
  const whole = total <= rows.length || total <= ACTORS_READ_WHOLE;
  if (whole && total > rows.length) ({ rows, total } = await fusedOf(false, total, false));
  type Cluster = Fusion["entities"]["clusters"][number];
  const who = once(f, "actors as speakers", () => speakingAs(f));
  // each store entity's cluster, by its first mention's record (one row read per entity, however often named)
  const firstRows = new Map<FusedEntity, { report: number; seq: number }>();
  for (const x of rows) {
    const at = (await r.entitiesOfFused(storeIds.get(x)!, 1))[0];
    if (at) firstRows.set(x, at);
  }
  const uids = new Map((await r.reportsByIds([...new Set([...firstRows.values()].map((a) => a.report))])).map((x) => [x.id, x.uid]));
  const groups = new Map<Cluster | FusedEntity, { own?: FusedEntity; members: FusedEntity[]; clusters: Set<Cluster> }>();
  const clusterOf = new Map<FusedEntity, Cluster>();
  for (const x of rows) {
    const at = firstRows.get(x);
    const uid = at && uids.get(at.report);
    const rec = uid !== undefined ? lf.entityRecord(uid, at!.seq) : undefined;
    const cl = rec ? f.entities.clusterOf.get(rec) : undefined;
    if (cl) clusterOf.set(x, cl);
    const id = cl ? (who.as.get(cl) ?? cl) : x;
    const g = groups.get(id) ?? groups.set(id, { members: [], clusters: new Set() }).get(id)!;
    g.members.push(x);
    if (cl) g.clusters.add(cl);
    if (!g.own && (!cl || cl === id)) g.own = x;
  }
  const speaker = once(f, `speakers|${lang}`, () => speakerNames(f, lang));
  const spoken = once(f, `speaker clusters|${lang}`, () => speakerNamesOfClusters(f, lang));
  const out: FusedEntity[] = [];
  const firstOf = new Map<FusedEntity, FusedEntity>();
  for (const [id, g] of groups) {
    if (!("records" in id)) {
      out.push(g.members[0]!);
      continue;
    }
    // the clusters of this actor: its own, and every one the ledger hears only as it (read or not)
    const parts = new Set<Cluster>([id, ...g.clusters, ...(who.speakers.get(id) ?? [])]);
    const docs = new Set<string>();
    for (const c of parts) for (const rec of c.records) docs.add(rec.doc);
    const base = g.own ?? g.members[0]!;
    // (an actor that speaks by the name its heading in "who claims what" gives it: one name per actor)
    const name = spoken.get(id) ?? (g.own ? base.name : (speaker.get(`e:${id.key}`) ?? id.name(lang)));
    // (of an entity heard only as this one, the words that named it as the speaker, not the entity's own name:
    // "Belgische minister van Binnenlandse Zaken", not "Binnenlandse Zaken")
    const names = new Set<string>(g.members.filter((m) => clusterOf.get(m) === id).flatMap((m) => [m.name, ...m.names]));
    if (g.members.length > 1 || parts.size > 1) for (const n of id.names) names.add(n);
    for (const c of parts) if (c !== id) for (const n of who.words.get(c) ?? []) names.add(n);
    names.delete(name);
    const line: FusedEntity = {
      ...base, name, names: [...names].sort(), reports: Math.max(docs.size, ...g.members.map((m) => m.reports)),
      mentions: g.members.reduce((n, m) => n + m.mentions, 0),
      asserts: Math.max(who.claims.get(id) ?? 0, g.own?.asserts ?? 0),
    };
    firstOf.set(line, base);
    out.push(line);
  }
  const order = new Map(rows.map((x, i) => [firstOf.get(x) ?? x, i]));
  const at = (x: FusedEntity) => order.get(firstOf.get(x) ?? x) ?? 0;
  out.sort((a, b) => b.reports - a.reports || b.mentions - a.mentions || at(a) - at(b));
  const shown = out.slice(0, few);
  for (let i = 0; i < shown.length; i++) {
    const fm = await r.firstMention(storeIds.get(firstOf.get(shown[i]!) ?? shown[i]!)!);
    if (fm) shown[i] = { ...shown[i]!, cite: { doc: fm.reportUid, start: fm.start, end: fm.end } };
  }
  // a ledger too large to read whole says how many more lines there are at least (those read and not
  // shown) and at most (and every store entity not read a line of its own)
  return { rows: shown, total: out.length, ...(!whole && { atLeast: true as const, upTo: out.length + stored - rows.length }) };
}

/**
 * Who each of the ledger's clusters speaks as: a cluster every claim of whose words the ledger gives to one
 * other entity (the role "de minister van Binnenlandse Zaken", heard as the minister the ledger names) is that
 * entity as an actor; with the words that named it as the speaker, and the claims each actor is heard saying.
 */
function speakingAs(f: Fusion) {
  type Cluster = Fusion["entities"]["clusters"][number];
  const heard = new Map<Cluster, Set<string>>();
  const words = new Map<Cluster, Set<string>>();
  for (const c of f.claims) {
    const cl = c.source?.entity ? f.entities.clusterOf.get(c.source.entity) : undefined;
    if (!cl) continue;
    (heard.get(cl) ?? heard.set(cl, new Set()).get(cl)!).add(f.context.asserter(c).key);
    (words.get(cl) ?? words.set(cl, new Set()).get(cl)!).add(c.source!.name);
  }
  const as = new Map<Cluster, Cluster>();
  const speakers = new Map<Cluster, Cluster[]>();
  for (const [cl, keys] of heard) {
    if (keys.size !== 1) continue;
    const k = [...keys][0]!;
    const other = k.startsWith("e:") ? clusterWithKey(f.entities, k.slice(2)) : undefined;
    if (!other || other === cl) continue;
    as.set(cl, other);
    (speakers.get(other) ?? speakers.set(other, []).get(other)!).push(cl);
  }
  // the claims each actor is heard saying, its own and those of the clusters heard as it
  const claims = new Map<Cluster, number>();
  for (const c of f.claims) {
    const cl = c.source?.entity ? f.entities.clusterOf.get(c.source.entity) : undefined;
    if (!cl) continue;
    const id = as.get(cl) ?? cl;
    claims.set(id, (claims.get(id) ?? 0) + 1);
  }
  return { as, speakers, words, claims };
}

/**
 * Whether a span of a report's text leaves out words of its sentence before it, after it, or both (an opening
 * quotation mark, and a stop or closing mark after it, are no words). A span in no sentence the finder can
 * bound (a list, a table) is cut before when it opens as a clause.
 */
export function sentenceCut(t: string, start: number, end: number): Cut | undefined {
  const at = sentenceAround(t, start, end);
  let before: boolean, after = false;
  if (!at) before = isClause(t.slice(start, end));
  else {
    let s = at[0], e = at[1];
    while (s < start && /[\s"“„‘'«([]/u.test(t[s]!)) s++;
    while (e > end && /[\s.!?"”’'»)\]…]/u.test(t[e - 1]!)) e--;
    before = start > s;
    // (words that end on a stop, a closing mark after it or not, end their sentence: the finder, looking
    // for a stop only after the words, would run on into the next)
    let k = end;
    while (k > start && /["”’'»]/u.test(t[k - 1]!)) k--;
    after = end < e && !(k > start && /[.!?]/.test(t[k - 1]!));
  }
  return before || after ? { ...(before && { before: true as const }), ...(after && { after: true as const }) } : undefined;
}

/** Words that do not open a sentence: a clause cut from one ("and summoned the ambassador", "though …"). */
const isClause = (t: string) => !/^[\p{Lu}\p{N}"“‘'«„]/u.test(t);
/** The longest sentence a clause is quoted with (characters): a line of the briefing reads on one screen. */
const WHOLE = 300;

/** What a sentence opens with: a capital or an opening quotation mark. */
const opensSentence = (ch: string | undefined) => ch !== undefined && /[\p{Lu}"“‘'«„]/u.test(ch);

/**
 * The sentence around a span of a report's text, as [start, end): from after the last sentence end before it
 * (a stop, a question or exclamation mark and a space before a capital, or a line break) to the next one
 * after it, a closing quotation mark included. Undefined when it runs on for more than a few hundred
 * characters (a list, a table: no sentence to quote). The briefing's quotes and the page's timeline labels.
 */
export function sentenceAround(t: string, start: number, end: number): [number, number] | undefined {
  const MAX = 400;
  const stop = (ch: string | undefined) => ch === "." || ch === "!" || ch === "?";
  const closing = (ch: string | undefined) => ch !== undefined && "\"”’»'".includes(ch);
  const opens = opensSentence;
  let i = start;
  for (; i > 0; i--) {
    if (start - i > MAX) return undefined;
    const before = t[i - 1]!;
    if (before === "\n") break;
    if (/\s/.test(before) && opens(t[i])) {
      let k = i - 2;
      while (k >= 0 && closing(t[k])) k--;
      if (stop(t[k])) break;
    }
  }
  let j = end;
  for (; j < t.length; j++) {
    if (j - end > MAX) return undefined;
    const ch = t[j]!;
    if (ch === "\n") break;
    if (stop(ch)) {
      let k = j + 1;
      while (k < t.length && closing(t[k])) k++;
      // ("on Sept. 26": a stop before a figure or a small letter ends no sentence)
      if (k >= t.length || t[k] === "\n" || (/\s/.test(t[k]!) && (k + 1 >= t.length || t[k + 1] === "\n" || opens(t[k + 1])))) {
        if (k > j + 1) j = k;
        break;
      }
    }
  }
  while (i < j && /\s/.test(t[i]!)) i++;
  while (j > end && /\s/.test(t[j - 1]!)) j--;
  return [i, j];
}

/** Words of a number itself ("million", "duizend") and words pointing back ("ervan"), in every language: never the thing counted. */
let numberWords: Set<string> | undefined;
/** The noun a figure counts: the last word of its text when that word is not part of the number. */
export function countedNoun(text: string): string | undefined {
  numberWords ??= new Set(
    (["en", "nl"] as const).flatMap((l) => {
      const n = langPack(l).counts.numbers;
      return [...Object.keys(n.words), ...Object.keys(n.scales), ...n.articles, ...n.joiners, ...(ledgerLexicon(l).countBackRefs ?? [])].flatMap((w) => w.split(" "));
    }),
  );
  const w = /(\p{L}+)\P{L}*$/u.exec(text)?.[1]?.toLowerCase();
  return w && w.length > 2 && !numberWords.has(w) ? w : undefined;
}

/**
 * A figure its claim spreads over places with another one ("Two leaks had been detected in Denmark's
 * zone and two in Sweden's", "twee ervan in de Deense zone en twee in die van Zweden"): the figure is
 * followed by a place word within a few words, then by "and" and a number with a place word of its own.
 * Each figure counts one place's part, not the whole.
 */
export function spreadOverPlaces(c: Pick<Fusion["claims"][number], "text" | "start" | "lang">, n: { kind: CountKind; end: number }): boolean {
  const at = n.end - c.start;
  if (at < 0 || at > c.text.length) return false;
  const words = c.text.slice(at, at + 240).toLowerCase().split(/[^\p{L}\p{N}'’]+/u).filter(Boolean).slice(0, 30);
  const lex = ledgerLexicon(c.lang).agents.notDoer;
  const places = new Set(lex?.locatives ?? []);
  const pack = langPack(c.lang);
  const ands = new Set(pack.entities.listSeparators.filter((w) => /\p{L}/u.test(w)));
  const nums = pack.counts.numbers;
  const isNumber = (w: string) => /^\d[\d.,]*$/.test(w) || w in nums.words;
  const placeWithin = (from: number, k: number) => words.slice(from, from + k).some((w) => places.has(w));
  if (!placeWithin(0, 4)) return false;
  for (let j = 1; j + 1 < words.length; j++) if (ands.has(words[j]!) && isNumber(words[j + 1]!) && placeWithin(j + 2, 3)) return true;
  return false;
}

/** A figure that is a part of a larger toll its claim gives ("including three children"). */
function partFigure(n: { reportUid: string; claim: number; kind: CountKind; value: number }, f: Fusion): boolean {
  const c = claimById(f).get(finderId(n.reportUid, n.claim));
  return !!c && partOfToll(c, n);
}

/**
 * What a fusion gives in one way once per fusion: the pictures of one fusion at several numbers of lines
 * (src/ledger/snapshot.ts) read the same sections of the whole ledger, and only cut them differently.
 * (What is kept here is read, never changed, by those who ask for it.)
 */
const made = new WeakMap<Fusion, Map<string, unknown>>();
function once<T>(f: Fusion, key: string, make: () => T): T {
  let m = made.get(f);
  if (!m) made.set(f, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

const claimIndex = new WeakMap<Fusion, Map<string, Fusion["claims"][number]>>();
function claimById(f: Fusion): Map<string, Fusion["claims"][number]> {
  let m = claimIndex.get(f);
  if (!m) claimIndex.set(f, (m = new Map(f.claims.map((c) => [c.id, c]))));
  return m;
}

/**
 * Where a figure counts: the incident of its report, and the place (a town or village, not a country) its
 * claim names first, in the briefing's language.
 */
function figureScopes(f: Fusion, lang: Lang) {
  const byId = claimById(f);
  const named = new Map<string, string | undefined>();
  const placeKey = (c: Fusion["claims"][number]): string | undefined => {
    if (named.has(c.id)) return named.get(c.id);
    let out: string | undefined;
    for (const r of c.entities) {
      const k = f.context.entityKey(r);
      if (k && f.context.isPlace(k) && !f.context.countryOf(k)) {
        out = k;
        break;
      }
    }
    named.set(c.id, out);
    return out;
  };
  const nameOf = (k: string) => {
    const cl = clusterWithKey(f.entities, k);
    return cl ? (displayName(cl.key, lang) ?? cl.name(lang)) : undefined;
  };
  // the place of an incident: the town that at least half of its reports name (the village a missile hit,
  // the city a flood swept through); none when the reports name no town that often
  let places: Map<string, string | undefined> | undefined;
  const incidentPlace = (incident: string): string | undefined => {
    if (!places) {
      places = new Map();
      const reportsOf = new Map<string, Set<string>>();
      const byPlace = new Map<string, Map<string, Set<string>>>();
      for (const c of f.claims) {
        const inc = f.incidents.get(c.doc) ?? "";
        (reportsOf.get(inc) ?? reportsOf.set(inc, new Set()).get(inc)!).add(c.doc);
        for (const r of c.entities) {
          const k = f.context.entityKey(r);
          if (!k || !f.context.isPlace(k) || f.context.countryOf(k)) continue;
          const m = byPlace.get(inc) ?? byPlace.set(inc, new Map()).get(inc)!;
          (m.get(k) ?? m.set(k, new Set()).get(k)!).add(c.doc);
        }
      }
      for (const [inc, m] of byPlace) {
        const top = [...m].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0];
        places.set(inc, top && top[1].size * 2 >= (reportsOf.get(inc)?.size ?? 0) ? nameOf(top[0]) : undefined);
      }
    }
    return places.get(incident);
  };
  const scopeOf = (reportUid: string, claim: number): { incident: string; place?: string } => {
    const incident = f.incidents.get(reportUid) ?? "";
    const c = byId.get(finderId(reportUid, claim));
    const k = c && placeKey(c);
    const place = k && nameOf(k);
    return place ? { incident, place } : { incident };
  };
  return { scopeOf, incidentPlace };
}

/** How many sides of a dispute are a report's own voice (0: two named sources). */
const voices = (v: ContradictionView) => Number(!!v.a.own) + Number(!!v.b.own);

/**
 * At most `n` of one kind's figure lines, in their order: the lowest and the highest figure first, so the
 * lines shown span the kind's spread, then the rest as they came.
 */
function strongestFigures(lines: FigureLine[], n: number): FigureLine[] {
  if (lines.length <= n) return lines;
  let lo = 0, hi = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].value < lines[lo].value) lo = i;
    if (lines[i].value > lines[hi].value) hi = i;
  }
  const pick = new Set([lo, hi]);
  for (let i = 0; i < lines.length && pick.size < n; i++) pick.add(i);
  return lines.filter((_, i) => pick.has(i));
}

/**
 * The fusion's propositions as the briefing's sections, strongest first (more independent sources, more
 * reports, earlier). "Established" holds only what a report states in its own voice and no claim of the
 * ledger disputes; what a named source says goes under "claimed" by that source, however sure it sounds;
 * denials and hedges have sections of their own. With `since`, only propositions seen again or anew after it.
 */
export function splitPropositions(f: Fusion, since?: string, lang: Lang = "en"): Record<"established" | "claimed" | "denied" | "hedged", Proposition[]> {
  const claimOf = claimById(f);
  const speaker = once(f, `speakers|${lang}`, () => speakerNames(f, lang));
  // (a state a later report settles, "remains at large" then "shot dead", keeps both sides out of what is
  // known: the earlier is no longer so, and the briefing shows the pair as the update it is)
  const kept = f.disputes.filter((d) => !d.detail.update || d.type === "opposed");
  const disputed = new Set(kept.flatMap((d) => d.claims));
  const disputesOf = new Map<string, (typeof kept)[number][]>();
  for (const d of kept) for (const id of d.claims) (disputesOf.get(id) ?? disputesOf.set(id, []).get(id)!).push(d);
  const sinceMs = since ? Date.parse(since) : undefined;
  const out = { established: [] as Fused[], claimed: [] as Fused[], denied: [] as Fused[], hedged: [] as Fused[] };
  // a claim whose toll a later report raises is history, and one that says it only "possibly" or
  // "probably" is a hedge: an established line neither quotes nor cites either (the figures section lists
  // the toll with its date), and a line that only such claims state in their own voice is no line of what
  // is known
  const superseded = once(f, "superseded", () => supersededTolls(f.claims, f.context, (doc) => f.incidents.get(doc) ?? ""));
  const shownClaims = new Map<Fused, string[]>();
  for (const p of f.propositions) {
    if (sinceMs !== undefined && !(Date.parse(p.last_seen) > sinceMs)) continue;
    const cs = p.claims.map((id) => claimOf.get(id)!);
    if (p.status === "unknown") continue; // the unknowns section has them
    // a claim disputed on what the proposition states: a dispute about the state of another thing (the
    // suspect at large, then shot dead) that only this claim of the proposition mentions leaves the
    // proposition's own fact (two shot dead) undisputed: it stands on the other claims (below), and the
    // disputed claim is neither quoted nor cited for it, its words carrying the superseded state
    // (each dispute judged once for the proposition: a large one has many claims, each in the same few disputes)
    const facet = new Map<(typeof kept)[number], boolean>();
    const disputedHere = (id: string) =>
      (disputesOf.get(id) ?? []).some((d) => {
        let other = facet.get(d);
        if (other === undefined) facet.set(d, (other = otherFacet(d, cs)));
        return !other;
      });
    if (p.status === "denied") {
      // "… both deny any involvement and blame each other": the clause after a denial that inherited its
      // status but only blames or accuses denies nothing; it is what that party claims
      if (cs.every((c) => blamesOnly(c))) out.claimed.push(p);
      else out.denied.push(p);
    }
    else if (p.status === "probable" || p.status === "possible") out.hedged.push(p);
    else if (p.status === "confirmed" ? !cs.some((c) => disputedHere(c.id)) : ownVoice(p, cs, { has: disputedHere })) {
      // (nor one a source disputes for what only it says: "two shot dead … by a suspect who remains at large"
      // stands for the toll, but what is known does not rest on it)
      const live = cs.filter((c) => !superseded.has(c.id) && !disputed.has(c.id) && c.status !== "probable" && c.status !== "possible");
      if (live.length < cs.length) {
        if (!live.some((c) => !c.source && (c.status === "established" || c.status === "confirmed"))) continue;
        shownClaims.set(p, live.map((c) => c.id));
      }
      out.established.push(p);
    }
    // the report's own voice against a source: the contested lines show both sides (and so when every report
    // that names a speaker for it also says it in its own voice: it is not the claim of the eyewitnesses one
    // report quotes with its own words, and only a dispute keeps it from being established)
    else if ((!p.sources.some((x) => x.kind !== "report") || ownSaysIt(cs)) && cs.some((c) => disputed.has(c.id))) continue;
    else out.claimed.push(p);
  }
  // The order of each section, strongest first, by the counts its line shows (a line that cites only some of
  // its proposition's claims ranks by those): reports and independent origins together, so that what every
  // outlet carries from one origin (a group's claim of the attack, in four reports in two languages) is not
  // set behind what two outlets state each in their own words; then more independent origins, more reports,
  // earlier. Lines that show as many go by the whole proposition's (a line that cites only the claims of it
  // still standing is no weaker for the rest, carried by reports now superseded or disputed).
  const counted = new Map<Fused, { reports: number; independent: number; first: string }>();
  const countsOf = (p: Fused) => {
    let c = counted.get(p);
    if (!c) {
      const only = shownClaims.get(p);
      c = only ? shownCounts(p, only.map((id) => claimOf.get(id)!)) : { reports: p.reports, independent: Math.max(1, p.independent), first: p.first_seen };
      counted.set(p, c);
    }
    return c;
  };
  const strength = (pa: Fused, pb: Fused) => {
    const a = countsOf(pa), b = countsOf(pb);
    return (
      b.reports + b.independent - (a.reports + a.independent) || b.independent - a.independent || b.reports - a.reports ||
      pb.reports + Math.max(1, pb.independent) - (pa.reports + Math.max(1, pa.independent)) || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0) || (pa.key < pb.key ? -1 : 1)
    );
  };
  // whose words each line quotes (a speaker's name as the headings give it)
  const quotedBy = new Map<Fused, string>();
  const view = (p: Fused, heading?: string, claimedLine = false): Proposition => {
    const only = shownClaims.get(p);
    const cs = (only ?? p.claims).map((id) => claimOf.get(id)!);
    // the words quoted: what the claims have in common is best said by the shortest of them (a claim that
    // also says who fired the missile must not speak for the reports that only give the toll), in the
    // briefing's language when a report in it says it (a whole sentence before a clause: "and summoned the
    // ambassador" leaves out who)
    const clause = (t: string) => Number(!/^[\p{Lu}\p{N}"“‘'«]/u.test(t));
    // only words that say it as the line does: a claim of the proposition's status, and for what is
    // established one the report says in its own voice ("Putin called the attack barbaric" does not quote
    // the toll)
    // (and words that give a figure only some of the claims give do not speak for the rest: "nearly a
    // hundred dead" is one report's toll of the attack the others report)
    const shared = (c: (typeof cs)[number]) => c.figures.every((f) => f.aside || cs.every((o) => o.figures.some((g) => g.kind === f.kind && g.value === f.value)));
    // (and never the words of a speaker who does not say it, only refers to it)
    const who = speakersOf(p, cs);
    // a line under a speaker's heading never quotes the unnamed source beside him ("(also: unnamed
    // source)"), and of the speakers it names, the heading's words in the briefing's language first
    // (a line of who claims what whose proposition a report also states in its own voice, fewer reports
    // than put it in a speaker's mouth, quotes the speaker: "he conveyed his condolences", of the premier
    // in one report's own voice, is the premier's "I offered my sincere condolences" in two others)
    const known = !claimedLine && (p.status === "established" || p.status === "confirmed");
    const claimedBy = (c: (typeof cs)[number]) => !!c.source && !known;
    const unheard = (c: (typeof cs)[number]) => claimedBy(c) && !who.keys.has(f.context.asserter(c).key);
    // (a sentence that names the heading's speaker as the one who says it is his too: "a man identifying
    // himself as the attacker said …", the prosecutor's words under the attacker's heading)
    const headingWords = new Set((heading ?? "").toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 3));
    const namesHeading = (t: string) => t.toLowerCase().split(/[^\p{L}]+/u).some((w) => headingWords.has(w));
    const other = (c: (typeof cs)[number]) => Number(heading !== undefined && claimedBy(c) && (speaker.get(f.context.asserter(c).key) ?? c.source!.name) !== heading && !namesHeading(c.text));
    const fit = (c: (typeof cs)[number]) => Number(!!c.source && who.silent.has(f.context.asserter(c).key)) * 8 + Number(claimedLine && p.status !== "claimed" ? !c.source : c.status !== p.status) * 4 + Number(known && !!c.source) * 2 + Number(unheard(c)) * 2 + Number(!shared(c));
    // (under a speaker's heading his own words come before any other's, even in the other language: "according
    // to authorities, …" in English is not what the premier under whose name it stands said in Dutch)
    const first = [...cs].sort((a, b) => fit(a) - fit(b) || other(a) - other(b) || clause(a.text) - clause(b.text) || Number(a.lang !== lang) - Number(b.lang !== lang) || a.text.length - b.text.length || (a.order < b.order ? -1 : 1))[0]!;
    // every citation: one per report, the quoted words first, then the rest earliest first
    const cites: Cite[] = [{ doc: first.doc, start: first.start, end: first.end }];
    const seen = new Set<string>([first.doc]);
    for (const c of [...cs].sort((a, b) => (a.order < b.order ? -1 : 1))) {
      if (seen.has(c.doc)) continue;
      seen.add(c.doc);
      cites.push({ doc: c.doc, start: c.start, end: c.end });
    }
    if (first.source) quotedBy.set(p, speaker.get(f.context.asserter(first).key) ?? first.source.name);
    return {
      text: first.text,
      language: first.lang,
      status: p.status,
      sources: who.names,
      sourceKind: p.sources.find((s) => s.kind !== "report")?.kind ?? null,
      quote: cs.some((c) => c.quote),
      cites,
      // (counted over the claims shown when some are left out)
      ...(only ? shownCounts(p, cs) : { reports: p.reports, independent: Math.max(1, p.independent), first: p.first_seen, last: p.last_seen }),
      ...(sinceMs !== undefined && { isNew: Date.parse(p.first_seen) > sinceMs }),
    };
  };
  // who says it: an unnamed source beside named ones adds no speaker to group by ("who claims what" has one
  // heading for the unnamed source: what only it says); and when the line gives a figure, a speaker none of
  // whose words give it only refers to what happened ("de doodgeschoten Zweden waren voetbalsupporters",
  // "his thoughts are with the families of the victims") and does not say it
  const speakersOf = (p: Fused, cs: readonly Fusion["claims"][number][]): { names: string[]; silent: Set<string>; keys: Set<string> } => {
    const named = p.sources.filter((s) => s.kind !== "report" && (s.kind !== "unnamed" || p.sources.every((o) => o.kind === "report" || o.kind === "unnamed")));
    const keys = new Set(named.map((s) => s.key));
    // (a figure the proposition fused as one, 10,100 beside 10,000 missing, is the same figure)
    const counts = (c: (typeof cs)[number]) => p.figures.some((g) => c.figures.some((x) => !x.aside && x.kind === g.kind && sameFigure(x.value, g.value)));
    const saying = new Set<string>();
    for (const c of cs) {
      if (!c.source) continue;
      const k = f.context.asserter(c).key;
      if (keys.has(k) && counts(c)) saying.add(k);
    }
    const shown = p.figures.length && saying.size ? named.filter((s) => saying.has(s.key)) : named;
    const silent = new Set(p.figures.length && saying.size ? named.filter((s) => !saying.has(s.key)).map((s) => s.key) : []);
    return { names: [...new Set(shown.map((s) => speaker.get(s.key) ?? s.name))].sort(), silent, keys: new Set(shown.map((s) => s.key)) };
  };
  // an unnamed source beside named ones heads nothing, but the line says it too: "(also: unnamed source)"
  const unnamed = langPack(lang).claims.unnamedName;
  const unnamedToo = new Set<Proposition>();
  const sorted = out.claimed.sort(strength);
  const claimed = sorted.map((p) => {
    const x = view(p, undefined, true);
    if (p.sources.some((s) => s.kind === "unnamed") && p.sources.some((s) => s.kind !== "report" && s.kind !== "unnamed")) unnamedToo.add(x);
    return x;
  });
  // one speaker, one heading: what several speakers say goes under the heading of one of them who has his
  // own (the one who says most alone: "Kremlin / Vladimir Putin" beside "Vladimir Putin" would split one
  // speaker's claims over two places), and the line names the others; else under all their names, never
  // under names of others who did not say it. Counted over everything claimed, so that a short briefing
  // that shows only the strongest lines (which several speakers share) heads them as the whole one would.
  const alone = new Map<string, number>();
  for (const x of claimed) if (x.sources.length === 1) alone.set(x.sources[0]!, (alone.get(x.sources[0]!) ?? 0) + 1);
  const several = ledgerLexicon(lang).severalSources;
  claimed.forEach((x, i) => {
    // several speakers each their own origin, and reports that state it on their own beside them (10,000
    // missing: the IFRC, the Red Crescent and two reports): the line is no one speaker's claim, and its
    // heading names them ("Marie el-Drese, Tamer Ramadan and 2 more")
    const independent = Math.max(1, sorted[i]!.independent);
    if (several && x.sources.length >= 2 && independent > x.sources.length && independent >= 3 && !unnamedToo.has(x)) {
      // (those with lines of their own first: the names a reader meets under their own headings)
      const first = [...x.sources].sort((a, b) => (alone.get(b) ?? 0) - (alone.get(a) ?? 0) || (a < b ? -1 : 1)).slice(0, 2);
      x.heading = several(first, independent - first.length);
      return;
    }
    // (when none of them has a heading of his own, the one whose words the line quotes: "Belgian media / the
    // king" over the media's words reads as if the king had said them)
    const quoted = quotedBy.get(sorted[i]!);
    const own = x.sources.length < 2 ? undefined : (x.sources.filter((s) => alone.has(s)).sort((a, b) => alone.get(b)! - alone.get(a)! || (a < b ? -1 : 1))[0] ?? (quoted && x.sources.includes(quoted) ? quoted : undefined));
    const also = unnamedToo.has(x);
    // (the words quoted are the heading speaker's own when he has some in the line)
    if (own) (claimed[i] = view(sorted[i]!, own, true)), (claimed[i]!.heading = own), (claimed[i]!.also = x.sources.filter((s) => s !== own));
    if (also) claimed[i]!.also = [...(claimed[i]!.also ?? []), unnamed];
  });
  return {
    established: out.established.sort(strength).map((p) => view(p)),
    claimed,
    denied: sameDenials(out.denied, claimOf, f).sort(strength).map((p) => view(p)),
    hedged: out.hedged.sort(strength).map((p) => view(p)),
  };
}

/**
 * One denial reported in two languages is one line of "Denied": propositions of one incident that the same
 * speakers deny, whose claims (in different languages) name the same things, entities, countries and doers,
 * and of which one says every act the other says ("ontkent dat een Russische drone het depot heeft
 * getroffen", "denied that a Russian drone had hit the depot": the Dutch words name no act the lexicon
 * knows), are joined into the first, with the claims and reports of both. Within one language the wording
 * already fuses what says the same; two denials there stay apart.
 */
function sameDenials(denied: Fused[], claimOf: Map<string, Fusion["claims"][number]>, f: Fusion): Fused[] {
  const sig = (p: Fused) => {
    const cs = p.claims.map((id) => claimOf.get(id)!);
    const nouns = new Set<string>(), acts = new Set<string>(), named = new Set<string>();
    for (const c of cs) {
      for (const k of c.concepts) {
        const bare = k.replace(/^!/, "");
        if (/^[vs]:/.test(bare)) acts.add(bare.split("@")[0]!);
        else nouns.add(bare);
      }
      for (const e of c.entities) named.add(`e:${f.entities.clusterOf.get(e)?.key ?? e}`);
      for (const x of [...c.countries, ...c.agents]) named.add(x.startsWith("R:") ? `e:${f.entities.clusterOf.get(x.slice(2))?.key ?? x}` : x);
    }
    const id = [p.incident ?? "", [...new Set(p.sources.map((x) => x.key))].sort().join("+"), [...nouns].sort().join(" "), [...named].sort().join(" ")].join("|");
    return { id, acts, langs: new Set(cs.map((c) => c.lang)), says: acts.size > 0 || nouns.size > 0 };
  };
  const out: Fused[] = [];
  // (the lines kept so far by their signature: a ledger's denials are compared with those of the same one only)
  const kept = new Map<string, { p: Fused; s: ReturnType<typeof sig>; at: number }[]>();
  const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));
  for (const p of denied) {
    const s = sig(p);
    const alike = kept.get(s.id) ?? [];
    const k = s.says ? alike.find((k) => ![...k.s.langs].some((l) => s.langs.has(l)) && (subset(k.s.acts, s.acts) || subset(s.acts, k.s.acts))) : undefined;
    if (!k) {
      alike.push({ p, s, at: out.length });
      kept.set(s.id, alike);
      out.push(p);
      continue;
    }
    const docs = new Set([...k.p.claims, ...p.claims].map((id) => claimOf.get(id)!.doc));
    const joined: Fused = {
      ...k.p,
      claims: [...k.p.claims, ...p.claims],
      sources: [...k.p.sources, ...p.sources.filter((x) => !k.p.sources.some((y) => y.key === x.key))],
      reports: docs.size,
      independent: Math.min(docs.size, k.p.independent + p.independent),
      origins: [...new Set([...k.p.origins, ...p.origins])],
      first_seen: k.p.first_seen < p.first_seen ? k.p.first_seen : p.first_seen,
      last_seen: k.p.last_seen > p.last_seen ? k.p.last_seen : p.last_seen,
      history: [...k.p.history, ...p.history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    };
    out[k.at] = joined;
    k.p = joined;
    k.s = { ...k.s, acts: new Set([...k.s.acts, ...s.acts]), langs: new Set([...k.s.langs, ...s.langs]) };
  }
  return out;
}

/**
 * A dispute over the state of a thing other than what a proposition states ("the suspect remains at large"
 * against "the suspect was shot dead", an opposition about the suspect) is on another facet of a
 * proposition that none of whose claims in other reports gives that state: the claims fused for the toll,
 * the place, the victims, and one of them also says where the suspect is. A dispute over figures, places,
 * denials or who did it, or over a state the proposition's other claims give too, is about the proposition
 * itself.
 */
function otherFacet(d: Fusion["disputes"][number], cs: readonly Fusion["claims"][number][]): boolean {
  const name = d.detail.opposition;
  if (d.type !== "opposed" || !name) return false;
  const mine = cs.filter((c) => d.claims.includes(c.id));
  if (!mine.length || !mine.every((c) => ledgerLexicon(c.lang).oppositions.find((o) => o.name === name)?.about)) return false;
  // (other reports: a report's other clause fused with the claim, "hours after three were shot dead", says
  // nothing of what the others state without the state)
  const rest = cs.filter((c) => !mine.some((m) => m.doc === c.doc));
  return rest.length > 0 && rest.every((c) => !c.features.states?.[name]);
}

/** A line's counts over some of its proposition's claims: reports, independent origins (at most as many), first and last seen. */
function shownCounts(p: Fused, cs: readonly Fusion["claims"][number][]): Pick<Proposition, "reports" | "independent" | "first" | "last"> {
  const reports = new Set(cs.map((c) => c.doc)).size;
  const times = cs.map((c) => c.published).sort();
  return { reports, independent: Math.max(1, Math.min(p.independent, reports)), first: times[0] ?? p.first_seen, last: times[times.length - 1] ?? p.last_seen };
}

/**
 * A proposition the reports state in their own voice: at least one report says it as established fact, and
 * no more reports put it in a named source's mouth than state it themselves ("Russia bears ultimate
 * responsibility", one outlet's words and two outlets' quote of Stoltenberg, is Stoltenberg's claim).
 */
function ownVoice(p: Fused, cs: readonly Fusion["claims"][number][], disputed: { has(id: string): boolean }): boolean {
  // a claim that a source disputes is out; one that says more than the rest ("two killed after Russian
  // missiles crossed into Poland") may be disputed for what only it says, and leaves the others standing
  // (of one report: "Two people were killed" stands when the clause after it, "after a missile hit the
  // village", is disputed for the missile; a report all of whose words of it are disputed keeps it out)
  const own = ownDocs(cs);
  const standing = new Set(cs.filter((c) => !c.source && c.status === "established" && !disputed.has(c.id)).map((c) => c.doc));
  if (!own.size || [...own].some((d) => !standing.has(d))) return false;
  const named = new Set(cs.filter((c) => c.source && c.source.kind !== "unnamed" && !own.has(c.doc) && !disputed.has(c.id)).map((c) => c.doc));
  return own.size >= named.size && p.status !== "unknown";
}

/** The reports that state it in their own voice, as established fact. */
function ownDocs(cs: readonly Fusion["claims"][number][]): Set<string> {
  return new Set(cs.filter((c) => !c.source && c.status === "established").map((c) => c.doc));
}

/**
 * Every report that names a speaker for it also says it in its own voice: the speaker adds nothing the
 * report does not state itself (a report that states the storm's flooding and quotes eyewitnesses with it).
 */
function ownSaysIt(cs: readonly Fusion["claims"][number][]): boolean {
  const own = ownDocs(cs);
  return own.size > 0 && cs.every((c) => !c.source || own.has(c.doc));
}

/**
 * The ledger fusion's contradictions as the briefing shows them: a figure that a later report raises is an
 * update and not shown; wire copies and one speaker quoted by many outlets make one line ("+N more").
 */
export function disputeViews(f: Fusion, since?: string, lang: Lang = "en"): ContradictionView[] {
  const claimOf = claimById(f);
  const speaker = once(f, `speakers|${lang}`, () => speakerNames(f, lang));
  const propOf = new Map<string, number>();
  f.propositions.forEach((p, i) => p.claims.forEach((c) => propOf.set(c, i)));
  const sinceMs = since ? Date.parse(since) : undefined;
  const side = (id: string) => {
    const c = claimOf.get(id)!;
    const a = f.context.asserter(c);
    return { text: c.text, source: a.kind === "report" ? c.outlet ?? "the report" : speaker.get(a.key) ?? a.name, status: c.status, cite: { doc: c.doc, start: c.start, end: c.end }, language: c.lang, ...(a.kind === "report" && { own: true }) };
  };
  const out: ContradictionView[] = [];
  const byPair = new Map<string, ContradictionView>();
  const reportsOf = new Map<ContradictionView, Set<string>>();
  // the pair shown for a dispute many reports carry: in the briefing's language if one is, else the earliest
  const rank = (d: Fusion["disputes"][number]) => {
    const [a, b] = d.claims.map((id) => claimOf.get(id)!);
    return `${Number(a!.lang !== lang) + Number(b!.lang !== lang)}|${a!.order}|${b!.order}`;
  };
  const ranked = f.disputes.map((d) => ({ d, r: rank(d) })).sort((x, y) => (x.r < y.r ? -1 : x.r > y.r ? 1 : 0)).map((x) => x.d);
  // A toll that a later report raises is an update, unless a source disputes the toll: where figures of one
  // kind in one incident are also at odds in a way no rise explains (a later, lower count; a figure denied;
  // two at odds the same day), the toll is in dispute, and each figure of the rise is one of its sides
  // ("≥3000" on the second day of a toll that went to 11,300, was denied and revised to 3,958). A measure of
  // another kind (missiles, leaks) is no toll that rises over time: its updates stay out.
  const incidentOf = (id: string) => f.incidents.get(claimOf.get(id)!.doc) ?? "";
  const tollKey = (d: Fusion["disputes"][number]) => `${incidentOf(d.claims[0])}\u0000${d.detail.kind}`;
  const tollsInDispute = new Set<string>();
  for (const d of f.disputes) if ((d.type === "figures" || d.type === "figure-denied") && d.detail.kind && d.detail.kind !== "other" && !d.detail.update && !d.detail.aside) tollsInDispute.add(tollKey(d));
  // (each side a figure its claim gives, not one it recalls in an aside: "over 10,100 missing" of "a previous
  // report" is no count of the source that revised it)
  const gives = (id: string, kind: CountKind, shown: string) => claimOf.get(id)!.figures.some((g) => !g.aside && g.kind === kind && showValue(g.value, g.approx) === shown);
  const riseInDispute = (d: Fusion["disputes"][number]) =>
    d.type === "figures" && !!d.detail.kind && d.detail.kind !== "other" && !!d.detail.values && tollsInDispute.has(tollKey(d)) && d.claims.every((id, i) => gives(id, d.detail.kind!, d.detail.values![i]!));
  for (const d of ranked) {
    // (a denial of a figure the other claim only recalls in an aside is not set against that claim's
    // speaker: "the Red Crescent rejects what WHO says" when WHO gave another figure)
    // (a state a later report settles stays, worded as the update it is: "at large; later: shot dead")
    if ((d.detail.update && d.type !== "opposed" && !riseInDispute(d)) || d.detail.aside) continue;
    const isNew = sinceMs !== undefined ? d.claims.some((id) => Date.parse(claimOf.get(id)!.published) > sinceMs) : undefined;
    if (sinceMs !== undefined && !isNew) continue;
    // one line per thing disputed: a denial by one speaker against one proposition, however many outlets
    // and languages carry either side
    // (a denial in words, "Ukraine was not involved", "another lie", denies as much as one the report
    // marks as such)
    const denier = d.detail.denier ?? (d.type === "denial" ? (d.claims.find((id) => claimOf.get(id)!.status === "denied") ?? d.claims.find((id) => deniesInWords(claimOf.get(id)!))) : undefined);
    // (or by one thing denied against one proposition: the party's denial fused across speakers, "Kyiv",
    // "Ukrainian officials", its spokesman); an opposition of states once per thing said on either side
    const other = denier && d.claims.filter((id) => id !== denier).map((id) => propOf.get(id) ?? id).join("|");
    // (and one party's denial against what one named speaker charges it with, however many ways the
    // speaker put it: "Moscow denies; Ukraine says otherwise" once, with the surest of Ukraine's words)
    const accuser = denier && side(d.claims.find((id) => id !== denier)!);
    const byAccuser = accuser && !accuser.own && d.type === "denial" ? [`denial|${f.context.asserter(claimOf.get(denier)!).key}|by:${accuser.source}`, `denial|p${propOf.get(denier) ?? denier}|by:${accuser.source}`] : [];
    const keys = denier
      ? [`denial|${f.context.asserter(claimOf.get(denier)!).key}|${other}`, `denial|p${propOf.get(denier) ?? denier}|${other}`, ...byAccuser]
      : d.type === "attribution"
        // who is behind it: one line per thing said on one side against one speaker on the other
        ? d.claims.map((id, i) => `attribution|${propOf.get(id) ?? id}|${d.detail.asserters[1 - i]}`)
        : d.type === "opposed"
        ? d.claims.map((id, i) => `opposed|${d.detail.opposition ?? ""}|${d.detail.labels?.[i] ?? ""}|${propOf.get(id) ?? id}`)
        : [`${d.type}|${d.detail.kind ?? ""}|${d.claims.map((id) => propOf.get(id) ?? id).sort().join("|")}`];
    const prior = keys.map((k) => byPair.get(k)).find((x) => x);
    if (prior) for (const k of keys) byPair.set(k, prior);
    if (prior) {
      // the words shown for the charge: the surest the speaker used (a claim before a "probably")
      if (accuser && denier && prior.found.claims.includes(denier) && SURENESS[accuser.status] < SURENESS[prior.b.status]) {
        prior.found = { ...prior.found, claims: d.claims, reason: d.reason };
        prior.b = accuser;
      }
      // "+N more reports": the reports carrying either side beyond the two cited
      const rs = reportsOf.get(prior)!;
      for (const id of d.claims) rs.add(claimOf.get(id)!.doc);
      prior.more = rs.size - new Set([prior.a.cite.doc, prior.b.cite.doc]).size;
      if (isNew) prior.isNew = true;
      continue;
    }
    const type: Found["type"] = d.type === "figures" && d.detail.values ? "figures" : d.type === "opposed" && d.detail.labels ? "opposed" : "denial";
    const found: Found = {
      claims: d.claims,
      type,
      reason: d.reason,
      detail: { asserters: d.detail.asserters, ...(d.detail.kind && { kind: d.detail.kind }), ...(d.detail.values && { values: d.detail.values }), ...(d.detail.labels && { labels: d.detail.labels }), ...(d.detail.update && type === "opposed" && { update: true }), ...(type === "denial" && { via: d.type === "denial" ? ("theme" as const) : d.type === "attribution" ? ("doers" as const) : d.type === "place" ? ("place" as const) : ("backRef" as const) }) },
    };
    // the denier speaks first, whichever claim came first and whatever its status says
    // (and of a state a later report settles, the earlier report)
    const published = (id: string) => Date.parse(claimOf.get(id)!.published);
    const later = !!found.detail.update && published(d.claims[1]) < published(d.claims[0]);
    const [ia, ib] = denier === d.claims[1] || later ? [d.claims[1], d.claims[0]] : d.claims;
    if (later && found.detail.labels) found.detail.labels = [found.detail.labels[1], found.detail.labels[0]];
    const view: ContradictionView = { found, a: side(ia), b: side(ib), more: 0, ...(isNew !== undefined && { isNew }) };
    for (const k of keys) byPair.set(k, view);
    reportsOf.set(view, new Set(d.claims.map((id) => claimOf.get(id)!.doc)));
    out.push(view);
  }
  // in the order of the claims' content keys (publication, then words): never the order of ids or of arrival
  const at = (v: ContradictionView) => claimOf.get(v.found.claims[0])!.order;
  return out.map((v, i) => ({ v, i })).sort((a, b) => (at(a.v) < at(b.v) ? -1 : at(a.v) > at(b.v) ? 1 : a.i - b.i)).map((x) => x.v);
}

/** How sure a claim's words are: said outright before likely, likely before possible. */
const SURENESS: Record<ClaimStatus, number> = { confirmed: 0, established: 0, claimed: 0, probable: 1, possible: 2, unknown: 3, denied: 3 };

const BLAME = new Set(["v:responsible", "v:accuse"]);
/** A claim whose words only blame or accuse (nothing negated, nothing called false). */
function blamesOnly(c: Fusion["claims"][number]): boolean {
  return !!c.main && BLAME.has(c.main) && !c.concepts.some((k) => k.startsWith("!") || k === "v:false");
}

/** A claim that says in its own words that something did not happen or is false (a negated act, "a lie"). */
function deniesInWords(c: Fusion["claims"][number]): boolean {
  return !!c.main?.startsWith("!") || c.concepts.includes("v:false") || c.concepts.some((k) => k.startsWith("!v:involve") || k.startsWith("!v:responsible"));
}

/**
 * One name per speaker across the ledger, so that "who claims what" has one heading per speaker: a fused
 * entity's name in the briefing's language, else the name reports in that language use most, else the most
 * used ("Russian defence ministry" and "Russische ministerie van Defensie" are one speaker).
 */
export function speakerNames(f: Fusion, lang: Lang): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  const ownLang = new Map<string, Map<string, number>>();
  const inTable = new Set<string>();
  const fixed = new Map<string, string>();
  const peopleOf = new Map<string, string>();
  for (const c of f.claims) {
    if (!c.source) continue;
    const a = f.context.asserter(c);
    if (!fixed.has(a.key)) {
      // a body named by what it is ("Russia's defence ministry") is the entity that offers that key
      const cl = a.entity ? clusterWithKey(f.entities, a.entity) : a.key.startsWith("i:") ? f.entities.byKey(`I:${a.key.slice(2)}`) : undefined;
      if (cl) fixed.set(a.key, cl.name(lang));
      // a cluster the alias table does not know is named by its most used name, whatever its language:
      // a report in the briefing's language that names the speaker names it better (one the table knows,
      // keyed "A:", has the table's name in that language, the one the actors section gives it too:
      // "Russian Defence Ministry", not an English report's "Russian Defense Ministry" as a heading beside it;
      // but a country's government, "C:RU", speaks through many bodies, and its entity is only the first)
      if (cl && !(cl.key.startsWith("A:") && /^[ei]:/.test(a.key))) inTable.add(a.key);
    }
    // a people named as the speaker ("De Oekraïners hebben … tegengesproken"): its country
    if (!fixed.has(a.key) && a.kind !== "report" && !/\s/.test(a.name.trim())) {
      const cc = countriesOfName(a.name, c.lang);
      if (cc.length === 1) peopleOf.set(a.key, cc[0]!.replace(/^C:/, ""));
    }
    const v = votes.get(a.key) ?? votes.set(a.key, new Map()).get(a.key)!;
    v.set(a.name, (v.get(a.name) ?? 0) + (c.lang === lang ? 2 : 1));
    if (c.lang === lang) {
      const w = ownLang.get(a.key) ?? ownLang.set(a.key, new Map()).get(a.key)!;
      w.set(a.name, (w.get(a.name) ?? 0) + 1);
    }
  }
  const top = (v: Map<string, number>) => [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  // (only when the cluster's name is not itself a name those reports use, in any capitals)
  for (const k of inTable) {
    const v = ownLang.get(k);
    const have = fixed.get(k)?.toLowerCase();
    if (v && ![...v.keys()].some((n) => n.toLowerCase() === have)) fixed.set(k, top(v));
    // (and one no report in the briefing's language names, named only by a role or a group noun, by the
    // lexicon in that language: "Belgian media", not "Belgische media", in an English briefing)
    const role = v ? undefined : roleShown(fixed.get(k)!, lang);
    if (role) fixed.set(k, role);
  }
  // the unnamed source is one speaker, called so in the briefing's language whatever report named it and
  // whatever it was called there ("according to reports", "volgens berichten": no heading "berichten" beside
  // "unnamed source" in an English briefing)
  const unnamed = langPack(lang).claims.unnamedName;
  for (const c of f.claims) if (c.source?.kind === "unnamed") fixed.set(f.context.asserter(c).key, unnamed);
  const out = new Map(fixed);
  for (const [k, v] of votes) {
    if (out.has(k)) continue;
    // a body no report in the briefing's language names is named by the lexicon in that language, as is
    // one whose name only a capital at the start of a sentence sets apart ("Officials said")
    // (and a people that only reports in another language name, by its country's name in this one:
    // "Ukraine", not "Oekraïners", in an English briefing)
    const cc = ownLang.has(k) ? undefined : peopleOf.get(k);
    const land = cc ? (clusterWithKey(f.entities, `G:${cc}`) ?? f.entities.clusters.find((x) => x.keys.has(`G:${cc}`))) : undefined;
    const name = top(v);
    // (or a body so named by its descriptive name in this language: "Swedish migration authorities")
    const shown = institutionShown(k, lang) ?? (land && (displayName(land.key, lang) ?? land.name(lang))) ?? (ownLang.has(k) ? undefined : roleShown(name, lang) ?? LANGS.map((l) => describedIn(name, l, lang)).find((x) => x !== undefined));
    out.set(k, shown && (!ownLang.has(k) || name.toLowerCase() === shown.toLowerCase()) ? shown : name);
  }
  return out;
}

/**
 * The name "who claims what" gives each of the ledger's clusters that speaks (speakerNames): the actors
 * section names such an actor the same, in the briefing's language ("Poland's foreign ministry" in an English
 * briefing, not the Dutch reports' "Poolse ministerie van Buitenlandse Zaken" under its heading's name). Of
 * a cluster heard under several speaker keys, the name of the key it says most under.
 */
export function speakerNamesOfClusters(f: Fusion, lang: Lang): Map<Fusion["entities"]["clusters"][number], string> {
  const speaker = once(f, `speakers|${lang}`, () => speakerNames(f, lang));
  type Cluster = Fusion["entities"]["clusters"][number];
  const said = new Map<Cluster, Map<string, number>>();
  const clusterOfKey = new Map<string, Cluster | undefined>();
  for (const c of f.claims) {
    if (!c.source || c.source.kind === "unnamed") continue;
    const a = f.context.asserter(c);
    // (only a speaker that is the entity itself: a country's government, "C:RU", is not the body it first
    // spoke through)
    if (!/^[ei]:/.test(a.key)) continue;
    if (!clusterOfKey.has(a.key)) clusterOfKey.set(a.key, a.entity ? clusterWithKey(f.entities, a.entity) : a.key.startsWith("i:") ? f.entities.byKey(`I:${a.key.slice(2)}`) : undefined);
    const cl = clusterOfKey.get(a.key);
    if (!cl) continue;
    const m = said.get(cl) ?? said.set(cl, new Map()).get(cl)!;
    m.set(a.key, (m.get(a.key) ?? 0) + 1);
  }
  const out = new Map<Cluster, string>();
  for (const [cl, m] of said) {
    const key = [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
    const name = speaker.get(key);
    if (name) out.set(cl, name);
  }
  return out;
}

/**
 * A speaker named only by a role in words of another language ("Belgian prime minister", "de regionale
 * gouverneur") as a briefing in `lang` names it: "Belgische premier", "governor". Undefined when the name
 * is in that language already, is more than a role, or its body has no name in the lexicon.
 */
export function roleShown(name: string, lang: Lang): string | undefined {
  const r = roleOf(name, lang);
  if (!r || (r.qualifier && !r.qualifier.startsWith("C:"))) return undefined;
  const lex = ledgerLexicon(lang).entities;
  const noun = lex.roles.find((x) => x.name === r.concept)?.shown;
  // a noun both languages spell alike ("media") in the words of the other: its country's adjective tells
  // ("Belgische media")
  if (r.in === lang) {
    const own = r.qualifier && noun ? ofCountry(noun, r.qualifier.slice(2), lang) : undefined;
    return own && !fold(name).split(/\s+/).includes(fold(own.split(" ")[0]!)) ? own : undefined;
  }
  return noun && r.qualifier ? ofCountry(noun, r.qualifier.slice(2), lang) : noun;
}

/**
 * A body named by what it is (`i:police`, `i:C:UA:officials`) as a briefing in `lang` names it when no report
 * in that language does: "politie", "Oekraïense autoriteiten" for the English reports' "police" and
 * "Ukrainian officials". Undefined when the lexicon has no name for it.
 */
function institutionShown(key: string, lang: Lang): string | undefined {
  const m = /^i:(?:C:([A-Z]{2}):)?(.+)$/.exec(key);
  if (!m) return undefined;
  const lex = ledgerLexicon(lang).entities;
  const noun = lex.institutions.find((x) => x.name === m[2])?.shown;
  return noun && m[1] ? ofCountry(noun, m[1], lang) : noun;
}

/** "Oekraïense autoriteiten": a noun with the adjective of a country, in `lang`; undefined when it has none. */
function ofCountry(noun: string, cc: string, lang: Lang): string | undefined {
  const lex = ledgerLexicon(lang).entities;
  const forms: string[] = [];
  for (const table of [langPack(lang).entities.demonyms, lex.demonyms]) for (const [w, c] of Object.entries(table)) if (c === cc) forms.push(w);
  const adj = lex.attributive(forms);
  return adj ? `${adj[0]!.toUpperCase()}${adj.slice(1)} ${noun}` : undefined;
}
