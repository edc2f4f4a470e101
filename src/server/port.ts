// The narrow interface the HTTP server needs from a ledger. The server and the page speak only this; the
// one implementation (store.ts) reads the store (src/store) through src/ledger, src/brief and src/export,
// whatever the backend. Everything here is plain JSON: these shapes are also the API's response bodies.
import type { ClaimStatus, EntityType, Lang, SourceKind } from "../model/doc.js";

export type ReportFormat = "text" | "html";

/** A report handed to the ledger over HTTP: the raw body as the client sent it, plus optional metadata. */
export interface NewReport {
  body: string;
  format: ReportFormat;
  title?: string;
  source?: string;
  url?: string;
  /** ISO 8601; used when the report itself states no publication time. */
  published?: string;
  language?: Lang;
  /** Where the report came from (an uploaded file's name, a fetched URL), for the audit trail. */
  origin?: string;
}

export interface AddResult {
  /** added: new; unchanged: the same content was already stored; updated: a new version of a known URL. */
  status: "added" | "unchanged" | "updated";
  report: string;
  title?: string;
  claims: number;
}

export interface ReportSummary {
  id: string;
  title?: string;
  source?: string;
  url?: string;
  published: string;
  language: Lang;
  claims: number;
  /** Ingestion order: higher is newer. */
  seq: number;
}

export interface SpanRef {
  start: number;
  end: number;
}

export interface ClaimSource {
  name: string;
  kind: SourceKind;
  entity?: string;
  /** Where the report names the source, when it does. */
  span?: SpanRef;
}

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

export interface ClaimRow {
  id: string;
  report: string;
  reportTitle?: string;
  reportSource?: string;
  published: string;
  language: Lang;
  start: number;
  end: number;
  text: string;
  status: ClaimStatus;
  source: ClaimSource | null;
  cue: { text: string; start: number; end: number } | null;
  quote: boolean;
  entities: EntityRef[];
  places: EntityRef[];
  /** TIMEX3 values of the time expressions inside the claim span. */
  times: string[];
  /** Set when an editor corrected the claim or retracted its report: status and source above are then the
   * corrected ones, these the extraction's. */
  extracted?: { status: ClaimStatus; source: ClaimSource | null };
  retracted?: boolean;
  /** The corrections in effect for this claim and its report, oldest first. */
  corrections?: Correction[];
}

export type CorrectionAction = "retract" | "status" | "source" | "merge" | "split" | "undo";

/** An editor's correction as kept: never a change to the extraction, always with who, when and why. */
export interface Correction {
  id: number;
  at: string;
  who: string;
  why: string;
  /** The stable id of the report, claim or entity it is about. */
  target: string;
  action: CorrectionAction;
  /** status: { status }; source: { source }; merge: { into }; split: { report? }; undo: none. */
  data: Record<string, unknown> | null;
  /** For an undo: the correction it takes back. */
  undoes: number | null;
  /** Taken back by a later undo. */
  undone?: boolean;
}

export interface NewCorrection {
  who: string;
  why: string;
  target: string;
  action: CorrectionAction;
  data?: Record<string, unknown>;
  undoes?: number;
}

export interface ClaimQuery {
  status?: ClaimStatus[];
  /** A source's name or entity id, or "report" for claims the report makes in its own voice. */
  source?: string;
  entity?: string;
  place?: string;
  /** An entity id: claims that name it, except those it makes itself (what is said about it). */
  about?: string;
  report?: string;
  /** Publication time window (ISO 8601), inclusive. */
  since?: string;
  until?: string;
  /** Free text: words that must all occur in the claim (case and diacritics ignored; function words such as "the", "de" too). */
  q?: string;
  /** The report's outlet, as the reports name it. */
  outlet?: string;
  language?: Lang;
  /** published, status, source or outlet; a leading "-" for descending. */
  sort?: string;
  limit?: number;
  offset?: number;
  /** A page's `next` cursor: the page after it (keyset paging; offset then ignored). */
  after?: string;
  /** A page's `prev` cursor: the page before it. */
  before?: string;
}

export interface FacetValue {
  /** null: none (a claim the report makes in its own voice; a report without an outlet). */
  value: string | null;
  n: number;
  /** The view holds more claims than are counted for its facets (a large ledger's month, an entity named everywhere): at least n. */
  more?: boolean;
}

/** How many of the selected claims have each value, per facet (each facet ignoring its own filter). */
export interface ClaimFacets {
  status: FacetValue[];
  source: FacetValue[];
  outlet: FacetValue[];
  language: FacetValue[];
}

export interface Page<T> {
  total: number;
  /** Claims: `total` is a lower bound (the claims of some words are counted up to 1,000, no further). */
  at_least?: true;
  items: T[];
  /** Claims: the cursor of the page after this one (`after=`), when there is one. */
  next?: string;
  /** Claims: the cursor of the page before this one (`before=`), when there is one. */
  prev?: string;
}

export interface ReportDetail extends Omit<ReportSummary, "claims"> {
  text: string;
  retracted?: boolean;
  /** Every correction about the report or one of its claims, oldest first, undone ones included. */
  corrections?: Correction[];
  claims: ClaimRow[];
  mentions: { start: number; end: number; entity?: string; type: EntityType }[];
  times: { start: number; end: number; value: string }[];
}

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  reports: number;
  claims: number;
  /** area: a country or region (drawn as its outline where the map has one), not a point. */
  geo?: { lat: number; lon: number; country: string; area?: boolean };
  /** The entities an editor merged into this one (their ids lead here). */
  merged?: string[];
}

export interface PlaceFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: { id: string; name: string; country: string; mentions: number; reports: number; claims: number; area?: boolean };
}

/** A populated place of the gazetteer (GeoNames), shown on the map as a label. */
export interface Town {
  name: string;
  lat: number;
  lon: number;
  country: string;
  population: number;
}

export interface PlaceCollection {
  type: "FeatureCollection";
  features: PlaceFeature[];
}

export interface TimelineItem {
  /** TIMEX3 value (2023-05-22, 2023-05-22TMO, 2023-W21 …): sorts chronologically as a string prefix. */
  value: string;
  text: string;
  report: string;
  start: number;
  end: number;
  /** The claim whose span holds the time expression, when one does. */
  claim?: string;
  /** What happened then: the claim text, or the sentence. */
  label: string;
}

export interface ContradictionRow {
  a: ClaimRow;
  b: ClaimRow;
  reason: string;
}

/** A citation: the report and span a briefing line stands on. */
export interface Cite {
  report: string;
  claim?: string;
  start: number;
  end: number;
  /** The version of the report the offsets are in (a later version may have moved the words: see `anchor`). */
  v?: number;
}

/** Where a span cited in one version of a report stands in the current version. */
export interface Anchor {
  report: string;
  /** same: the report has not changed; moved: the cited words are found at a new place; stale: they are gone. */
  state: "same" | "moved" | "stale";
  /** The version the citation was made on, and the current one. */
  cited: number;
  version: number;
  /** In the current version (the offsets given, when stale). */
  start: number;
  end: number;
  /** The words cited. */
  text: string;
}

export interface BriefingLine {
  text: string;
  /** The report's own words, in its language, when the line quotes them. */
  quote?: string;
  /** New since the time the briefing was asked about. */
  isNew?: boolean;
  status?: ClaimStatus;
  /** Who says it, when someone other than the report does. */
  who?: string;
  cites: Cite[];
}

export interface BriefingSection {
  key: string;
  heading: string;
  lines: BriefingLine[];
  /** Sub-lists (one per source, per figure kind …). */
  groups?: { heading: string; lines: BriefingLine[] }[];
  /** Lines left out to keep the briefing readable. */
  more?: number;
}

/** The briefing as structured data, so the page can render it as text with links to spans. */
export interface Briefing {
  lang: Lang;
  title: string;
  /** When the picture shown was made: now, or, on a large ledger being refreshed, its last kept picture's time. */
  generated: string;
  /** Reports came in since `generated`: a newer picture is being made. */
  stale?: boolean;
  reports: number;
  /** What the briefing rests on, in words ("5 reports from 4 outlets, …"). */
  basis?: string;
  sections: BriefingSection[];
}

export type BriefFormat = "md" | "html" | "json";
export type ExportFormat = "json" | "csv" | "geojson";

export interface Rendered {
  contentType: string;
  body: string;
}

/** A response written as it is read (an export of the whole ledger). */
export interface Streamed {
  contentType: string;
  chunks: AsyncIterable<string>;
}

export interface LedgerChange {
  type: "report" | "correction";
  status: AddResult["status"];
  report: string;
  title?: string;
  /** Ledger version after the change. */
  version: number;
}

/** The numbers of lines per section a briefing is kept at (the short one is painted first, the full one after). */
export const BRIEF_LINES = [4, 40] as const;
export type BriefLines = (typeof BRIEF_LINES)[number];

export interface LedgerPort {
  /** Grows by one at every change; used for ETags and to tell clients what they have seen. */
  version(): number;
  addReport(report: NewReport): Promise<AddResult>;
  listReports(opts: { limit?: number; offset?: number; q?: string }): Promise<Page<ReportSummary>>;
  getReport(id: string): Promise<ReportDetail | undefined>;
  searchClaims(q: ClaimQuery): Promise<Page<ClaimRow>>;
  claimFacets(q: ClaimQuery): Promise<ClaimFacets>;
  /** Runs `write` over the claims `q` selects (all of them, limit and offset ignored), in its order. */
  exportClaims(q: ClaimQuery, format: "csv" | "json", write: (s: Streamed) => Promise<void>): Promise<void>;
  entities(opts: { type?: EntityType; q?: string }): Promise<EntityRow[]>;
  /** One entity by its stable id; the id of an entity an editor merged into another leads to that one. */
  entity(id: string): Promise<EntityRow | undefined>;
  places(): Promise<PlaceCollection>;
  timeline(opts?: { limit?: number }): Promise<TimelineItem[]>;
  contradictions(): Promise<ContradictionRow[]>;
  /** `lines`: at most this many lines per section (4: the short briefing a page paints first; default 40). */
  briefing(lang: Lang, lines?: BriefLines): Promise<Briefing>;
  /** A span cited in version `v` of a report, found in its current version (by the words cited). */
  anchor?(report: string, v: number, start: number, end: number): Promise<Anchor | undefined>;
  /** The briefing if it is ready; else undefined, and it is being built (the page shows what is ready meanwhile). */
  briefingIfReady?(lang: Lang, lines?: BriefLines): Promise<Briefing | undefined>;
  /**
   * The gazetteer's populated places inside a box (degrees), most inhabitants first: the map's labels. A
   * ledger may look them up off the thread that answers requests (the first look indexes every place).
   */
  towns?(box: { west: number; south: number; east: number; north: number }, limit: number): Promise<Town[]>;
  /** The server is listening (a ledger may start work it kept back so as not to delay the first answers). */
  listening?(): void;
  renderBrief(lang: Lang, format: BriefFormat): Promise<Rendered>;
  /** Runs `write` over the export, read from one consistent view of the ledger. */
  export(format: ExportFormat, write: (s: Streamed) => Promise<void>): Promise<void>;
  /** Keeps an editor's correction (checked against the ledger); ReportError when it does not apply. */
  correct(c: NewCorrection): Promise<Correction>;
  /** Corrections, oldest first: all of them, or those about these targets. */
  corrections(targets?: readonly string[]): Promise<Correction[]>;
  subscribe(listener: (change: LedgerChange) => void): () => void;
  close(): Promise<void>;
}

/** The ledger cannot take a report now (a full disk; other writers held it too long): 503, nothing stored. */
export class LedgerUnavailable extends Error {
  override name = "LedgerUnavailable";
}

/** Bad input from the client (the report cannot be read): the server answers 422 with the message. */
export class ReportError extends Error {
  override name = "ReportError";
}
