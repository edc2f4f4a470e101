// The store's interface: every read and write of the ledger, by name, as promises. Two backends implement
// it (SQLite, the default, embedded; PostgreSQL for teams); nothing outside src/store writes SQL. The
// store makes no fusion decision: entity fusion keys, proposition keys, asserters, wire-copy clusters and
// what may take part in contradictions arrive in the records src/ledger hands it, and the aggregates are
// plain counters over those keys.
import type { ClaimStatus, CountKind, Approx, EntityType, Lang, PublishedFrom, LanguageFrom, SourceKind, TimexType, DocMeta } from "../model/doc.js";
import type { Backend } from "./dialect.js";

// ---------------------------------------------------------------- writes: what src/ledger hands over

export interface SpanText {
  start: number;
  end: number;
  /** The words of the span (checked against the report text; stored only when they differ). */
  text: string;
}

export interface EntityRecord {
  type: EntityType;
  name: string;
  aliases: readonly string[];
  /** The ledger's fusion key: entities of any report with the same key are one entity. */
  fkey: string;
  mentions: readonly SpanText[];
  geo?: { lat: number; lon: number; country: string; geonameId: number };
}

export interface ClaimRecord extends SpanText {
  sentence: number;
  paragraph: number;
  status: ClaimStatus;
  /** Proposition key (claims with the same key state the same thing). */
  pkey: number;
  /** Who asserts it, as a key the same across reports and languages, and the name first seen for it. */
  asserter: { key: string; name: string };
  /** The asserter key minus its "e:" prefix is the source's fusion key (a named or known source). */
  sourceKeyed: boolean;
  source: { name: string; kind: SourceKind; entity?: number; role?: string } | null;
  cue: SpanText | null;
  quote: boolean;
  /** Positions of its entities in the report's entity list. */
  entities: readonly number[];
  /** Language-free features for fusion (opaque to the store); null when none. */
  features: object | null;
  /** Bit set: why the claim may take part in fusion across reports (see NOTABLE). 0: it never does. */
  notable: number;
}

/** NOTABLE bits: a denial or a claim with features; carries a figure; in a report that has a denial. */
export const NOTABLE = { featured: 1, figure: 2, denialReport: 4 } as const;

export interface ReportRecord {
  hash: string;
  /** url:… or file:… — what makes two versions one report (null: none, the content is the identity). */
  identity: string | null;
  meta: Omit<DocMeta, "id" | "item">;
  text: string;
  ingestedAt: string;
  minhash: Uint8Array;
  bands: readonly number[];
  /** Wire-copy cluster: the internal id of an earlier report this one copies, or null for its own. */
  cluster: number | null;
  entities: readonly EntityRecord[];
  claims: readonly ClaimRecord[];
  unknowns: readonly (SpanText & { claim?: number })[];
  /** `timeline`: the claim (position) that holds a dated time, for the timeline. */
  times: readonly (SpanText & { value: string; type: TimexType; mod?: string; timeline?: number })[];
  counts: readonly (SpanText & { kind: CountKind; value: number; approx: Approx; claim?: number })[];
  events: readonly { type: string; claims: readonly number[]; actors: readonly number[]; locations: readonly number[]; time?: string }[];
  /**
   * Words the index of the claims' words leaves out (lower case, without diacritics): its language's
   * function words, which src/ledger knows and the store does not (absent: every word is indexed).
   */
  unindexed?: ReadonlySet<string>;
}

/** A report's body and its fusion records (`items`) as a ledger that deflates them stores them (sql-store.ts, encodeReport). */
export interface EncodedReport {
  body: Uint8Array;
  items: Uint8Array[];
  /** Which items leave out what the report's claim rows hold (schema 19), checked against `facts`. */
  elided: boolean[];
  /** A digest of the claim rows' facts the elision was checked against, compared by the writer with its own. */
  facts: string;
}

export interface Stored {
  id: number;
  uid: string;
  version: number;
}

export interface FusionItem {
  id: string;
  data: unknown;
}

// ---------------------------------------------------------------- reads

export interface ReportRow {
  id: number;
  uid: string;
  version: number;
  current: boolean;
  cluster: number;
  hash: string;
  identity: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string;
  publishedMs: number;
  publishedFrom: PublishedFrom;
  language: Lang;
  languageFrom: LanguageFrom;
  /** A language sitrep has no lexicons for (ISO 639-1), when the report is in one; `language` is then what it was read as. */
  otherLanguage: string | null;
  origin: string | null;
  format: string | null;
  ingestedAt: string;
  /** Only when asked for. */
  text?: string;
  /** An editor retracted it (set by corrected.ts). */
  retracted?: boolean;
  /** Its place in commit order where ids do not follow it (PostgreSQL: writers commit in any order); else its id. reportsAfter goes by it. */
  committed?: number;
}

export interface EntityRow {
  id: number;
  report: number;
  seq: number;
  fused: number;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: SpanText[];
  /** Its fused entity is one an editor merged (`fused` is then the merged entity; set by corrected.ts). */
  edited?: boolean;
}

export interface ClaimRow {
  id: number;
  report: number;
  seq: number;
  /** Stable id: report uid + "-" + key. */
  uid: string;
  sentence: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  status: ClaimStatus;
  pkey: number;
  asserter: number;
  sourceKeyed: boolean;
  source: { name: string; kind: SourceKind; entity: number | null; role: string | null } | null;
  cue: SpanText | null;
  quote: boolean;
  entities: number[];
  features: object | null;
  notable: number;
  /** Set by corrected.ts when an editor changed the claim: the extraction's status and source. */
  extracted?: { status: ClaimStatus; source: ClaimRow["source"] };
  /** Its report is retracted (corrected.ts). */
  retracted?: boolean;
}

export interface TimeRow extends SpanText {
  id: number;
  report: number;
  seq: number;
  value: string;
  type: TimexType;
  mod: string | null;
  /** Position of the claim that holds it on the timeline. */
  timeline: number | null;
}

export interface CountRow extends SpanText {
  id: number;
  report: number;
  seq: number;
  kind: CountKind;
  value: number;
  approx: Approx;
  claim: number | null;
}

export interface UnknownRow extends SpanText {
  id: number;
  report: number;
  seq: number;
  claim: number | null;
}

export interface EventRow {
  id: number;
  report: number;
  seq: number;
  type: string;
  claims: number[];
  actors: number[];
  locations: number[];
  time: string | null;
}

/** "claimIds", "entityIds": claims and entities with their ids, positions (and fused entity) only; no text read. */
export type PartKind = "entities" | "entityIds" | "claims" | "claimIds" | "times" | "counts" | "unknowns" | "events";

/** Everything a report yielded, for the export and a report's page. */
export interface ReportParts {
  report: ReportRow & { text: string };
  entities: EntityRow[];
  claims: ClaimRow[];
  times: TimeRow[];
  counts: CountRow[];
  unknowns: UnknownRow[];
  events: EventRow[];
}

export interface FusedRow {
  id: number;
  uid: string;
  fkey: string;
  type: EntityType;
  reports: number;
  mentions: number;
  claims: number;
  geo: { lat: number; lon: number; country: string | null; geonameId: number | null } | null;
  /** Stable ids of the entities an editor merged into this one (corrected.ts). */
  merged?: string[];
}

export interface AsserterRow {
  id: number;
  key: string;
  name: string;
  claims: number;
}

export interface PropRow {
  status: ClaimStatus;
  pkey: number;
  /** Null when grouped over asserters. */
  asserter: number | null;
  asserters: number[];
  n: number;
  firstMs: number;
  lastMs: number;
  kind: string | null;
  quote: boolean;
}

/** A claim in the form fusion reads it: language-free keys and features, with where it is. */
export interface FusionClaim {
  id: number;
  uid: string;
  report: number;
  reportUid: string;
  seq: number;
  sentence: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  status: ClaimStatus;
  pkey: number;
  asserterKey: string;
  /** The source's name, else the outlet's, else "the report". */
  asserterName: string;
  sourceKeyed: boolean;
  entityKeys: string[];
  features: object | null;
  notable: number;
  published: string;
  publishedMs: number;
  language: Lang;
  cluster: number;
}

export interface FigureRow {
  kind: CountKind;
  reportUid: string;
  asserter: number;
  asserterKey: string;
  /** The source's name, else the outlet's, else "the report". */
  asserterName: string;
  report: number;
  claim: number;
  value: number;
  approx: Approx;
  start: number;
  end: number;
  text: string;
  publishedMs: number;
  status: ClaimStatus;
}

export interface ClaimFilter {
  status?: readonly ClaimStatus[];
  /** Internal report id. */
  report?: number;
  /** Claims whose source name, folded, is this (the caller folds). */
  sourceName?: string;
  /** Claims the report makes in its own voice. */
  ownVoice?: boolean;
  /** Claims that name one of these fused entities (internal ids: an entity and those an editor merged into it), or whose source is one. */
  fused?: readonly number[];
  /** Only entities named in the claim, not its source. */
  entitiesNamedOnly?: boolean;
  /** Not the claims whose source is one of `fused` (what others say about them). */
  entitiesNotSource?: boolean;
  /** Claims whose source is one of these fused entities. */
  sourceFused?: readonly number[];
  sinceMs?: number;
  untilMs?: number;
  words?: readonly string[];
  /** The report's outlet, exactly as stored. */
  outlet?: string;
  language?: Lang;
  /** Claims (internal id) whose status an editor corrected: filters, sorting and counts use this one. */
  statusOf?: ReadonlyMap<number, ClaimStatus>;
  /** Claims (internal id) whose source an editor corrected (null: the report's own voice): the source filter, facet and sort use this one. */
  sourceOf?: ReadonlyMap<number, string | null>;
  /** Default: publication time, oldest first. Ties keep publication order. */
  sort?: { by: ClaimSort; desc?: boolean };
  /**
   * How many claims the filter selects, where the caller has counted them already (a list's later pages):
   * it chooses how a page is read (SqlReads.claimsPage), never what it holds.
   */
  known?: number;
  /** `known` is a lower bound (ClaimPage.atLeast): the filter selects at least that many. */
  knownAtLeast?: boolean;
  /** With `knownAtLeast`: about how many there are (ClaimPage.about), for how far a page's walk goes. */
  knownAbout?: number;
  limit: number;
  offset: number;
}

/**
 * An editor's correction, kept beside the extraction (which it never changes): who, when, why, what it is
 * about (a report, claim or entity stable id), what it does, and the earlier correction it undoes.
 */
export interface CorrectionRecord {
  at: string;
  who: string;
  why: string;
  target: string;
  action: string;
  data: unknown;
  undoes: number | null;
}

export interface CorrectionRow extends CorrectionRecord {
  id: number;
}

export type ClaimSort = "published" | "status" | "source" | "outlet";
/**
 * Where a claim stands in a sorted list (a cursor for keyset paging): the value sorted by (status code,
 * outlet or source name; null when empty, or for the publication order), then the report's publication
 * time and stable id, then the claim's internal id.
 */
export interface ClaimKey {
  seg: string | number | null;
  ms: number;
  uid: string;
  id: number;
}
export interface ClaimPage {
  items: ClaimRow[];
  /** Each item's key, in the same order. */
  keys: ClaimKey[];
  /** Rows lie beyond this page in the direction read (after it, or with `back` before it). */
  more: boolean;
  /** How many claims the filter selects, when reading the page counted them anyway (an entity or words). */
  total?: number;
  /** `total` is a lower bound: the claims of some words, counted up to WORDS_COUNTED and no further. */
  atLeast?: boolean;
  /** With `atLeast`: about how many there are, as far as the first of them say (for the later pages' reads). */
  about?: number;
}
/** What claims can be counted by (facets): status, source name, the report's outlet, its language. */
export type ClaimFacet = "status" | "source" | "outlet" | "language";

export interface Basis {
  reports: number;
  outlets: number;
  firstMs: number | null;
  lastMs: number | null;
  languages: Lang[];
}

export interface Reads {
  // reports
  basis(): Promise<Basis>;
  /** The commit mark of the last report committed (its id on SQLite; see ReportRow.committed). */
  maxReportId(): Promise<number>;
  /** Reports committed after a commit mark, in commit order. */
  reportsAfter(mark: number): Promise<ReportRow[]>;
  reportsByIds(ids: readonly number[], withText?: boolean): Promise<ReportRow[]>;
  /** The newest version of the report with this stable id. */
  reportByUid(uid: string, withText?: boolean): Promise<ReportRow | undefined>;
  /** One version of the report with this stable id, current or not (what an old citation was made on). */
  reportVersion(uid: string, version: number, withText?: boolean): Promise<ReportRow | undefined>;
  /** Current reports, newest ingested first, optionally those whose title or text has all the words. */
  listReports(o: { words?: readonly string[]; limit: number; offset: number }): Promise<{ total: number; items: ReportRow[] }>;
  /** Current reports in publication order (then stable id), a page after the cursor (keyset paging for streams). */
  reportsPage(after: { ms: number; id: number } | null, limit: number, withText?: boolean): Promise<ReportRow[]>;
  /** What the given reports yielded (all of it, or the kinds asked for), in the order given. */
  reportParts(reports: readonly ReportRow[], only?: readonly PartKind[]): Promise<ReportParts[]>;
  findByHash(hash: string): Promise<Stored | undefined>;
  /** The current version of the report with this identity (URL or file). */
  currentByIdentity(identity: string): Promise<(Stored & { text: string; url: string | null; title: string | null }) | undefined>;
  claimCount(report: number): Promise<number>;
  /** Claims of each of these reports (internal ids), in one read. */
  claimCounts(reports: readonly number[]): Promise<Map<number, number>>;

  // claims
  searchClaims(f: ClaimFilter): Promise<{ total: number; items: ClaimRow[] }>;
  /** How many of the claims `f` selects have each value of `by` (limit and offset ignored), most first. */
  claimFacets(f: ClaimFilter, by: ClaimFacet, limit: number): Promise<{ value: string | null; n: number; more?: boolean }[]>;
  /**
   * A page of the claims `f` selects, in its order (`f.limit` rows; `f.offset` ignored): those after `at`,
   * or with `back` those before it (returned in the page's order). Keyset paging: the cost of a page does
   * not grow with how deep it is.
   */
  claimsPage(f: ClaimFilter, at: ClaimKey | null, back?: boolean): Promise<ClaimPage>;
  /** How many claims `f` selects (limit and offset ignored). */
  countClaims(f: ClaimFilter): Promise<number>;
  /** Corrections, oldest first: all, or those about these targets. */
  corrections(o: { targets?: readonly string[]; limit: number; offset: number }): Promise<{ total: number; rows: CorrectionRow[] }>;
  /** Claims by internal id (any version). */
  claimsByIds(ids: readonly number[]): Promise<ClaimRow[]>;
  /** Current claims that may take part in fusion, in publication order: those with any of the NOTABLE bits. */
  fusionClaims(bits: number, after?: number): AsyncIterable<FusionClaim[]>;
  /** Current claims by internal id, in the fusion form. */
  fusionClaimsByIds(ids: readonly number[]): Promise<FusionClaim[]>;

  // aggregates for the briefing
  propGroups(o: { statuses: readonly ClaimStatus[]; byAsserter: boolean; sinceMs?: number; limit: number }): Promise<{ total: number; rows: PropRow[] }>;
  /** The first current claims of a proposition, in publication order. */
  propCites(pkey: number, status: ClaimStatus, asserter: number | null, limit: number): Promise<{ report: number; reportUid: string; seq: number; start: number; end: number; text: string; language: Lang }[]>;
  /** Independent origins (wire-copy clusters) among the current reports that carry a proposition. */
  propClusters(pkey: number, status: ClaimStatus, asserter: number | null): Promise<number>;
  asserters(ids: readonly number[]): Promise<AsserterRow[]>;
  asserterByKey(keys: readonly string[]): Promise<AsserterRow[]>;
  /** Unknowns and claims with status unknown (not inside an unknown), in publication order. */
  unknownItems(): Promise<{ report: number; reportUid: string; start: number; end: number; text: string; publishedMs: number; language: Lang }[]>;
  /** Figures of current, asserted claims: one row per kind, asserter, value and figure, where first seen. */
  figures(): Promise<FigureRow[]>;
  /** The latest figure of each kind by each asserter. */
  latestFigures(): Promise<FigureRow[]>;
  /** Dated times held by a claim, in time order, from current reports (published after sinceMs). */
  timeline(o: { sinceMs?: number }): AsyncIterable<{ value: string; timeText: string; claimText: string; report: number; reportUid: string; start: number; end: number; claim: number; pkey: number; publishedMs: number }[]>;
  timelineTotal(o: { sinceMs?: number }): Promise<number>;

  // fused entities
  fusedEntities(o: { places?: boolean; type?: EntityType; words?: readonly string[]; limit: number; offset?: number; geo?: boolean }): Promise<{ total: number; rows: FusedRow[] }>;
  fusedByIds(ids: readonly number[]): Promise<FusedRow[]>;
  fusedByUid(uid: string): Promise<FusedRow | undefined>;
  fusedByKeys(fkeys: readonly string[]): Promise<FusedRow[]>;
  /** Names of fused entities, most used first. */
  fusedNames(ids: readonly number[]): Promise<Map<number, { name: string; n: number }[]>>;
  /** fusedByIds and fusedNames of the same entities together (one round trip where the backend can). */
  fusedWithNames(ids: readonly number[]): Promise<{ rows: FusedRow[]; names: Map<number, { name: string; n: number }[]> }>;
  /** The first current mention of a fused entity. */
  firstMention(fused: number): Promise<{ report: number; reportUid: string; start: number; end: number } | undefined>;
  /** The fused entities one is (itself, or every entity an editor merged with it). */
  fusedMembers(fused: number): Promise<number[]>;
  /** Current entity rows of a fused entity (report, position), at most `limit`. */
  entitiesOfFused(fused: number, limit?: number): Promise<{ report: number; seq: number }[]>;
  /** Current entity rows in fused order, a page after the cursor (the export's entities). */
  entitiesPage(after: { fused: number; id: number } | null, limit: number): Promise<(EntityRow & { fkey: string; publishedMs: number })[]>;

  // fusion results
  /** Items of a kind by id, in pages of `page` items (default 1000). */
  fusionItems(kind: string, page?: number): AsyncIterable<FusionItem[]>;
  /** The items of a kind with these ids (those that exist, in no particular order). */
  fusionItemsByIds(kind: string, ids: readonly string[]): Promise<FusionItem[]>;
  fusionLinks(kind: string, claims: readonly number[]): Promise<Map<number, string>>;
  fusionState(kind: string): Promise<{ watermark: number; data: unknown } | undefined>;
  /**
   * What every view of the ledger rests on, as one string that changes whenever a report (a version) or
   * a correction is stored, by any process, and never comes back (rows are only ever added): results kept
   * under it (src/ledger/snapshot.ts) are current while it is unchanged.
   */
  ledgerVersion(): Promise<string>;
}

/** A name key of one entity type, and the fusion key it was first given. */
export interface NameRow {
  nkey: string;
  type: EntityType;
  fkey: string;
}

export interface WriteTx extends Reads {
  /** Runs fn so that, should it throw, what it wrote is undone and the transaction goes on. */
  savepoint<T>(fn: () => Promise<T>): Promise<T>;
  /** Errors after which the transaction cannot go on (another writer, a full disk): rethrow them. */
  fatal(e: unknown): boolean;
  /** Takes a version out of the current picture and out of the aggregates. */
  retire(id: number): Promise<void>;
  /**
   * For each of these bands, the first `limit` earlier reports whose signature shares it (oldest first),
   * with their wire-copy cluster and signature: one query for all the bands of a report.
   */
  bandHits(bands: readonly number[], limit: number): Promise<Map<number, { report: number; cluster: number; minhash: Uint8Array | null }[]>>;
  /** Fusion keys already given to these name keys, of any type: one query for all the names of a report. */
  namesFor(nkeys: readonly string[]): Promise<NameRow[]>;
  /**
   * All that storing a report asks of the ledger first, at once (one round trip to a database server): the
   * report with this content, the current version of this identity, the reports that share these bands
   * (as bandHits) and the fusion keys of these name keys (as namesFor).
   */
  lookup(q: { hash: string; identity: string | null; bands: readonly number[]; bandLimit: number; nkeys: readonly string[] }): Promise<{
    same: Stored | undefined;
    prev: (Stored & { text: string; url: string | null; title: string | null }) | undefined;
    hits: Map<number, { report: number; cluster: number; minhash: Uint8Array | null }[]>;
    names: NameRow[];
  }>;
  /**
   * What storing these reports will need that depends on nothing in the ledger (their search index
   * entries, their compressed bodies and fusion records), worked out before the transaction takes the
   * writers' lock (a database server), so that other writers do not wait for it. Only an optimisation:
   * putReport and putFusionItems do the same for what was not prepared.
   */
  beforeLock(reports: readonly { title: string | null; text: string; language: string; items?: readonly unknown[]; encoded?: EncodedReport }[]): Promise<void>;
  /** Gives fusion keys to names (a name that has one keeps it). */
  addNames(rows: readonly NameRow[]): Promise<void>;
  /** Writes a report and all it yielded, and counts it into the aggregates; retires the version it supersedes. */
  putReport(r: ReportRecord, supersedes: Stored | undefined): Promise<Stored>;
  putFusionItems(kind: string, items: readonly FusionItem[]): Promise<void>;
  deleteFusionItems(kind: string, ids: readonly string[]): Promise<void>;
  /** Deletes every item of a kind (a result worked out again as a whole). */
  clearFusionItems(kind: string): Promise<void>;
  linkClaims(kind: string, links: readonly { claim: number; item: string }[]): Promise<void>;
  setFusionState(kind: string, watermark: number, data?: unknown): Promise<void>;
  /** Deletes the kept states of these kinds (those there are). */
  deleteFusionStates(kinds: readonly string[]): Promise<void>;
  /** Keeps a correction; its id. */
  putCorrection(c: CorrectionRecord): Promise<number>;
}

export interface StoreOptions {
  /** Open an existing ledger for reading only. */
  readonly?: boolean;
  /** How long one attempt waits for another writer before the transaction is tried again (ms). */
  busyWaitMs?: number;
  /** Give up on a write after waiting this long for other writers in all (ms). */
  writeDeadlineMs?: number;
  /** Told once per write that has to wait for another writer. */
  onWait?: (waitedMs: number) => void;
  /** PostgreSQL: commit without waiting for the disk (a crash of the database server loses the last commits, in order). */
  asyncCommit?: boolean;
}

export interface Store {
  readonly backend: Backend;
  /** What the ledger is: a file path, or a database URL without its password. */
  readonly location: string;
  /** Reads that each see the latest commits. */
  readonly reads: Reads;
  /** Runs fn in one write transaction. When another writer holds the ledger, the whole of fn runs again. */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** Runs fn over one consistent view of the ledger. */
  snapshot<T>(fn: (r: Reads) => Promise<T>): Promise<T>;
  /** A number that changes whenever anyone (another process too) commits to the ledger. */
  changeMark(): Promise<number>;
  /**
   * Runs fn unless another process is running work of this name (PostgreSQL: an advisory lock, held by a
   * session that ends with its process); undefined when it is. On SQLite fn always runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T | undefined>;
  /** PostgreSQL: fn is called as soon as any process commits a write (LISTEN/NOTIFY); resolves to a way to stop. */
  onChange?(fn: () => void): Promise<() => void>;
  close(): Promise<void>;
}

/** The ledger could not take the write (disk full, read-only file …): nothing of it was stored. */
export class StoreFull extends Error {
  override name = "StoreFull";
}

/** The ledger cannot be opened (missing, of another version, not a ledger). */
export class StoreRefused extends Error {
  override name = "StoreRefused";
}

/** The ledger is of an older schema and was opened read-only: opened for writing, it is brought up to date. */
export class StoreBehind extends StoreRefused {
  override name = "StoreBehind";
}

/** Other writers held the ledger longer than the write could wait. */
export class StoreBusy extends Error {
  override name = "StoreBusy";
}
