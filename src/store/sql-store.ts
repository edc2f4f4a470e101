// The store over any SQL backend: every query of the ledger, written once against the Dialect, and the
// bookkeeping of the aggregates. A backend (sqlite.ts; postgres.ts in step 2) only runs the SQL.
import { brotliCompressSync, brotliDecompressSync, constants as zc, deflateRawSync, inflateRawSync } from "node:zlib";
import { fullText, sqlite, type Dialect, type FullText } from "./dialect.js";
import type { Conn, Driver } from "./driver.js";
import { B32, base32, claimKey, claimUid, digest, entityUid, reportUid } from "./ids.js";
import { APPLIED, elidesNames, entityFacets, LATEST, namesById, PKEY_BUCKET, plan, RARE_STATUS, REPORT_ROWS, reportStored, SPAN } from "./schema.js";
import {
  StoreBusy,
  StoreFull,
  StoreBehind,
  StoreRefused,
  type AsserterRow,
  type Basis,
  type ClaimFacet,
  type CorrectionRecord,
  type CorrectionRow,
  type ClaimFilter,
  type ClaimKey,
  type ClaimPage,
  type ClaimRecord,
  type ClaimRow,
  type CountRow,
  type EntityRow,
  type EncodedReport,
  type EventRow,
  type FigureRow,
  type FusedRow,
  type FusionClaim,
  type FusionItem,
  type NameRow,
  type PartKind,
  type PropRow,
  type Reads,
  type ReportParts,
  type ReportRecord,
  type ReportRow,
  type SpanText,
  type Store,
  type StoreOptions,
  type Stored,
  type TimeRow,
  type UnknownRow,
  type WriteTx,
} from "./types.js";
import { CLAIM_STATUSES, type ClaimStatus, type EntityType, type Lang } from "../model/doc.js";
import { timexOrder } from "../model/timex.js";
import { entityType, EVENT_TYPES, LANGUAGE_FROM, PUBLISHED_FROM, sourceKind, status, TIMEX_TYPES } from "./codes.js";
import { LebReader, LebWriter } from "./leb.js";
import { bodyWords as enBodyWords } from "../lang/en/body-words.js";
import { bodyWords as nlBodyWords } from "../lang/nl/body-words.js";

const PLACES = `(${entityType.code("location")}, ${entityType.code("facility")})`;
const STATUS_CODES = CLAIM_STATUSES.map((_, i) => i);
const NOT_ASSERTED = `(${status.code("denied")}, ${status.code("unknown")})`;

type Row = Record<string, unknown>;
const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const json = <T>(v: unknown, empty: T): T => (v === null || v === undefined ? empty : (JSON.parse(String(v)) as T));
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/** Queries that do not depend on one another: in one round trip where the backend can, else in turn. */
async function batch(c: Conn, qs: readonly { sql: string; params: readonly unknown[] }[]): Promise<Row[][]> {
  if (c.batch) return c.batch<Row>(qs);
  const out: Row[][] = [];
  for (const q of qs) out.push(await c.all<Row>(q.sql, q.params));
  return out;
}

/** Reports whose rows of every kind are read in one round trip (reportParts): a page's, not an export's. */
const BATCH_REPORTS = 200;

/** Fused entities' names with their counts, by entity, from rows in order (most used first). */
function namesOf(rows: Row[]): Map<number, { name: string; n: number }[]> {
  const out = new Map<number, { name: string; n: number }[]>();
  for (const r of rows) {
    const k = num(r.fused);
    (out.get(k) ?? out.set(k, []).get(k)!).push({ name: String(r.name), n: num(r.n) });
  }
  return out;
}

/** Rows [lo, hi) of a report. */
const range = (report: number) => [report * SPAN, (report + 1) * SPAN] as const;
/** The rows of the reports listed in j (see listTable): a key range each. */
const ofListed = (alias: string) => `${alias}.id >= j.value * ${SPAN} AND ${alias}.id < (j.value + 1) * ${SPAN}`;
/** A span's text: the slice of the report, unless the stage's own text differed (then it was stored). */
const slice = (text: string, start: number, end: number, stored: unknown) => (stored === null || stored === undefined ? text.slice(start, end) : String(stored));

const RCOLS = "r.id, r.uid, r.version, r.current, r.cluster, r.hash, r.identity, r.title, r.source, r.url, r.published, r.published_ms, r.published_from, r.language, r.language_from, r.other_language, r.origin, (SELECT fo.path FROM folders fo WHERE fo.id = r.folder) AS folder_path, r.format, r.ingested_at";
/**
 * A report's origin as its row keeps it (schema 31): the folder (up to its last separator, which it keeps)
 * for the folders table, and the rest for the row; an origin without a folder is kept whole.
 */
function originStored(origin: string | null | undefined): [folder: string | null, rest: string | null] {
  if (origin === null || origin === undefined) return [null, null];
  const at = Math.max(origin.lastIndexOf("/"), origin.lastIndexOf("\\"));
  return at <= 0 ? [null, origin] : [origin.slice(0, at + 1), origin.slice(at + 1)];
}
/** Reports, with their bodies when asked for (kept apart, so that a report's row is small to read). */
const reportsFrom = (withText: boolean) => (withText ? "reports r JOIN bodies b ON b.id = r.id" : "reports r");
const textCol = (withText: boolean) => (withText ? ", b.text" : "");
/**
 * A claim's columns that are only ever read to show it, never filtered, ordered or joined on: on SQLite
 * (schema 27) kept together in one column, `packed` (packClaim), where each took a byte of the row's header
 * besides its value (a NULL, a 0 or a 1 too); 12 of them, eight bytes of each of a ledger's claims.
 */
export const PACKED = ["sentence", "paragraph", "source_keyed", "source_kind", "source_entity", "source_role", "cue_start", "cue_stop", "cue_text", "quote", "entities", "features"] as const;
const IS_PACKED: ReadonlySet<string> = new Set(PACKED);
/** Does the backend keep a claim's PACKED columns in one (SQLite, schema 27)? */
export const packsClaims = (d: Dialect): boolean => d.backend === "sqlite";
/** The columns `cols` of claims (alias `a`) as this backend selects them: those packed as their one column. */
function claimColumns(d: Dialect, a: string, cols: readonly string[]): string {
  const out: string[] = [];
  for (const x of cols) {
    const col = `${a}.${packsClaims(d) && IS_PACKED.has(x) ? "packed" : x}`;
    if (!out.includes(col)) out.push(col);
  }
  return out.join(", ");
}
const CLAIM_COLS = ["id", "report", "cid", "sentence", "paragraph", "start", "stop", "status", "pkey", "asserter", "source_keyed", "source_kind", "source_entity", "source_role",
  "cue_start", "cue_stop", "cue_text", "quote", "entities", "features", "notable", "text"];
/** A claim's columns as read to show it (with its source's name): on SQLite, those packed as their one column (schema 27). */
const CCOLS_OF = { sqlite: `${claimColumns(sqlite, "c", CLAIM_COLS)}, s.name AS source_name`, postgres: `${CLAIM_COLS.map((x) => `c.${x}`).join(", ")}, s.name AS source_name` };
const ccols = (d: Dialect) => CCOLS_OF[d.backend];
/** The columns a claim row is written with after its key and report, on this backend. */
const WRITTEN = ["cid", "sentence", "paragraph", "start", "stop", "status", "pkey", "asserter", "source_keyed", "source", "source_kind", "source_entity", "source_role",
  "cue_start", "cue_stop", "cue_text", "quote", "entities", "features", "notable", "text"];
const INSERT_COLS = { postgres: WRITTEN, sqlite: [...WRITTEN.filter((x) => !IS_PACKED.has(x)), "packed"] };
const claimInsertCols = (d: Dialect): readonly string[] => INSERT_COLS[d.backend];
const CJOIN = "LEFT JOIN sources s ON s.id = c.source";
/**
 * Claims counted for the facets of a view the counters cannot answer (dates, an entity, words): past it the
 * counts are of the first `cap` claims the view's index yields, marked `more` (there are at least n). (An
 * object, so that a test can make it small.)
 */
export const FACETS_COUNTED = { cap: 2000 };
/**
 * The first page of the claims of some words alone (PostgreSQL: their index holds the current claims) counts
 * them up to `cap` and no further; beyond it the page says "at least cap" (ClaimPage.atLeast). Counting reads
 * a row of the index for each claim: on 100,000 reports a common word's 14,000 took longer than the page.
 * (An object, so that a test can make it small.)
 */
export const WORDS_COUNTED = { cap: 1000 };
/**
 * The words of this many claims or more are found, a page of them, by walking reports in publication order
 * and testing each one's claims (wordsWalk): the page is full within a few hundred reports. Fewer, through
 * the index of words.
 */
const COMMON_WORDS = 8000;
/**
 * A word's page walk (wordsWalk) matches the claims it finds to their reports one by one where the word is in
 * fewer than one report in this many, else joins them to the walked reports. At 100,000 reports, the walk
 * statement of a word in 1,200 claims: 60-90 ms joined, 10-20 one by one; of a word in 4,000-5,000: about the
 * same either way, four times the pages one by one (claims bench words, PostgreSQL).
 */
export const SPARSE_WORDS = { ratio: 30 };
/** From this offset on, a page of claims skips the rows before it by their ids alone. */
const DEEP = 1000;

/**
 * The insert of a report's rows into one of REPORT_ROWS (their key, their report, then `cols`), and the rows
 * for it: the report only where the table stores it (schema 16: SQLite works it out from the key).
 */
const rowsInsert = (d: Dialect, table: keyof typeof REPORT_ROWS, cols: readonly string[]): string => {
  const all = reportStored(d) ? ["id", "report", ...cols] : ["id", ...cols];
  return `INSERT INTO ${table} (${all.join(", ")}) VALUES (${all.map(() => "?").join(", ")})`;
};
const rowsOf = (d: Dialect, rows: readonly (readonly unknown[])[]): readonly (readonly unknown[])[] => (reportStored(d) ? rows : rows.map((r) => [r[0], ...r.slice(2)]));

/**
 * An entity row's name in a query of the rows as `alias` (`AS name`), and the join it needs: where the row
 * keeps NULL for its fused entity's first name (schema 29, SQLite), that name. (A LEFT JOIN: SQLite then
 * keeps the order of the joins before it, as a CROSS JOIN asks.)
 */
const entityName = (d: Dialect, alias: string): { name: string; join: string } =>
  elidesNames(d) ? { name: `coalesce(${alias}.name, ${alias}_f.name) AS name`, join: `LEFT JOIN fused ${alias}_f ON ${alias}_f.id = ${alias}.fused` } : { name: `${alias}.name`, join: "" };

/**
 * The first name of each of these fused entities (schema 29): the name their rows leave out where the
 * ledger does, from fused.name there, else their first row's. (A ledger copied works it out: copy.ts.)
 */
async function firstNames(c: Conn, d: Dialect, fused: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < fused.length; i += 1000) {
    const part = d.list(fused.slice(i, i + 1000));
    const rows = elidesNames(d)
      ? await c.all<Row>(`SELECT id AS fused, name FROM fused WHERE ${d.inList("id")}`, [part])
      : await c.all<Row>(`SELECT j.value AS fused, (SELECT e.name FROM entities e WHERE e.fused = j.value ORDER BY e.id LIMIT 1) AS name FROM ${d.listTable("j")}`, [part]);
    for (const r of rows) if (r.name !== null && r.name !== undefined) out.set(num(r.fused), String(r.name));
  }
  return out;
}

/**
 * Preset dictionaries of report bodies (schema 17, SQLite), by number: the words news reports of a language
 * are made of (src/lang/<code>/body-words.ts). A body of a kilobyte or two, deflated alone, spells out every
 * common word once before it can refer back to it: with its language's words, 6.5% smaller at 10,000 bench
 * reports, at the speed of plain deflate. A body deflated with one starts with a byte 6 + 8 × its number,
 * which no deflate stream starts with (its block type would be 3, which is reserved); one without starts
 * as deflate does (bodies of ledgers before schema 17, of a language without words, copied from another
 * backend). Part of the format: a number, once used, always names the same words.
 */
const BODY_WORDS: readonly (Buffer | undefined)[] = [undefined, Buffer.from(enBodyWords, "utf8"), Buffer.from(nlBodyWords, "utf8")];
const BODY_WORDS_OF: Readonly<Record<string, number>> = { en: 1, nl: 2 };
/** A report's body as stored (deflated with its language's words, where there are some), and back. */
function encodeBody(d: Dialect, text: string, language?: string): unknown {
  if (!d.compressBody) return text;
  const k = language === undefined ? undefined : BODY_WORDS_OF[language];
  if (k === undefined) return deflateRawSync(Buffer.from(text, "utf8"));
  const z = deflateRawSync(Buffer.from(text, "utf8"), { dictionary: BODY_WORDS[k]! });
  // (a buffer of its own: a slice of Node's shared pool would keep the pool's other 8 KB alive as long as it)
  const out = Buffer.allocUnsafeSlow(z.length + 1);
  out[0] = 6 + 8 * k;
  z.copy(out, 1);
  return out;
}
function decodeBody(v: unknown): string {
  if (!(v instanceof Uint8Array)) return String(v);
  if (!v.length || (v[0]! & 6) !== 6) return inflateRawSync(v).toString("utf8");
  if (v[0] === BROTLI) return brotliDecompressSync(v.subarray(1)).toString("utf8");
  const words = BODY_WORDS[v[0]! >> 3];
  if (!words) throw new Error(`a report body deflated with preset words this sitrep does not know (${v[0]! >> 3}): written by a newer sitrep`);
  return inflateRawSync(v.subarray(1), { dictionary: words }).toString("utf8");
}
/**
 * A kept state (fusion_state: briefing pictures, hundreds of KB of JSON at 10k reports) as stored: compressed
 * where bodies are (SQLite; BROTLI below), unless it is small; read back by decodeBody whichever it is
 * (ledgers before schema 11 kept them as text, before schema 20 deflated, and are read as they are).
 */
const encodeState = (d: Dialect, json: string): unknown => {
  if (!d.compressBody || json.length <= 512) return json;
  const z = brotliCompressSync(Buffer.from(json, "utf8"), { params: { [zc.BROTLI_PARAM_QUALITY]: 5, [zc.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json) } });
  const out = Buffer.allocUnsafeSlow(z.length + 1);
  out[0] = BROTLI;
  z.copy(out, 1);
  return out;
};
/**
 * The first byte of a kept state compressed with brotli (schema 20), in the place of a body's preset words
 * (a number no words take): a briefing picture is hundreds of KB of JSON whose repeats lie further apart
 * than deflate's 32 KB window; at quality 5, a quarter smaller than deflate (0.8 → 0.6 MB for the four
 * pictures of a 10,000-report ledger) for a third more time to write it (tens of ms) and the same to read.
 * States written before are deflated, and read as they are.
 */
const BROTLI = 6 + 8 * 31;
/**
 * Words that fusion records of every kind are made of (src/ledger's keys and common values), put before
 * the body in the preset dictionary of records written since schema 11 (fusion_items.words = 1): a record
 * of a few hundred bytes otherwise spends a fifth of them spelling out its keys once. Only a hint for
 * deflate, but part of the format: records written with it are read with it, so it never changes (a
 * better one would be words = 2).
 */
const FUSION_WORDS = Buffer.from(
  JSON.stringify({
    entities: [
      { type: "person", name: "", aliases: [], roles: [], titled: true, government: true, metonym: true },
      { type: "organization", name: "", aliases: [], roles: [] },
      { type: "other", name: "", aliases: [], roles: [] },
      { type: "location", name: "", aliases: [], roles: [], geo: "geo:", country: "" },
    ],
    claims: [
      { text: "", start: 0, sentence: 1, paragraph: 1, status: "established", quote: false, source: null, concepts: [], main: null, entities: ["\u0001/e1"], agents: [], countries: [], figures: [], days: [], features: {}, shingled: "" },
      { status: "claimed", quote: true, source: { name: "", kind: "person", entity: "", role: "" }, background: true, years: [], listed: true },
      { status: "denied", figures: [{ kind: "killed", value: 1, approx: "exact", added: true, aside: true }], features: { states: { continuation: { label: "", words: [] } }, backRef: true, themes: [], counter: true } },
      { status: "unknown", parts: [{ concepts: [], background: false, main: null, agents: [], entities: [], countries: [], figures: [], days: [] }] },
    ],
    incident: { doc: "\u0001", order: "", entities: [{ mentions: 1, lead: true }, { mentions: 1, lead: false }], acts: [], days: [], published: "" },
    shared: { claims: { doc: "\u0001", published: "", outlet: "", agency: null, lang: "nl" }, entities: { doc: "\u0001", lang: "en" } },
    export: [
      { id: "p1", text: "", claims: [], status: "established", sources: [{ name: "", kind: "media" }], reports: 1, independent_sources: 1, first_seen: "", last_seen: "", history: [{ at: "", status: "", claim: "" }], incident: "i:" },
      { type: "other", key: "R:", name: { en: "", nl: "" }, names: [], mentions: [{ doc: "", start: 0, end: 0, text: "" }] },
      { claims: [], reason: "", type: "denial", incident: "" },
    ],
  }),
  "utf8",
);
/**
 * What a record of words = 3 (schema 25) is made of once the rows' values are left out (ROW_WORDS): its
 * claims' and entities' shapes with the tokens in their places, put after FUSION_WORDS (which spells a claim
 * out whole, as records were before schema 19). Part of the format, as FUSION_WORDS.
 */
const RECORD_SHAPES = Buffer.from(
  JSON.stringify({
    entities: [
      { type: 0, name: 0, aliases: 0, roles: [] },
      { type: 0, name: 0, aliases: 0, roles: [], geo: "geo:", country: "" },
    ],
    claims: [
      { text: 0, at: false, status: 0, quote: 0, source: 0, concepts: [], main: null, entities: 0, agents: [], countries: [], figures: [], days: [], features: {} },
      { text: 0, at: false, status: 0, quote: 0, source: 0, concepts: ["v:"], background: [], main: "v:", entities: 1, agents: [], countries: [], figures: [], days: [], features: {} },
    ],
    incident: { doc: "\u0001", order: "", entities: [{ mentions: 1, lead: true }, { mentions: 1, lead: false }], acts: [], days: [], published: 0 },
    shared: { claims: { doc: "\u0001", published: 0, outlet: 0, agency: null, lang: 0 }, entities: { doc: "\u0001", lang: 0 } },
  }),
  "utf8",
);
/**
 * The preset dictionary of a fusion record: FUSION_WORDS (schema 11 on; words = 1 or 2, or true), with
 * RECORD_SHAPES (words = 3), and its report's body, as much as deflate can refer back to.
 */
export const presetOf = (body: string | null, words: boolean | number): Buffer => {
  const b = body === null ? Buffer.alloc(0) : Buffer.from(body, "utf8");
  const all = words === ROW_WORDS ? Buffer.concat([FUSION_WORDS, RECORD_SHAPES, b]) : words ? Buffer.concat([FUSION_WORDS, b]) : b;
  return all.length > 32768 ? all.subarray(all.length - 32768) : all;
};
const encodeAgainst = (json: string, body: string | null, words: number = 1): Buffer => deflateRawSync(Buffer.from(json, "utf8"), { dictionary: presetOf(body, words) });
/** A fusion record as stored (data, the body it was deflated against, words: FUSION_WORDS too) back to its JSON (of words = 2: as stored, its claims not filled in). */
const decodeRecord = (data: unknown, body: unknown, words: unknown): string =>
  decodeRecordText(data, body === null || body === undefined ? null : decodeBody(body), words);
const decodeRecordText = (data: unknown, b: string | null, words: unknown): string => {
  if (!(data instanceof Uint8Array)) return String(data);
  if (b === null && !num(words)) return inflateRawSync(data).toString("utf8");
  return inflateRawSync(data, { dictionary: presetOf(b, num(words) === ROW_WORDS ? ROW_WORDS : !!num(words)) }).toString("utf8");
};

/**
 * Fusion records of words = 2 (schema 19, SQLite): FUSION_WORDS as words = 1, and what a report's record
 * says of each claim that the report's claim rows hold too (its words, where it starts, status, quote,
 * source: a quarter of a deflated record) left out, each value replaced by a token of a type that
 * value never has, in its place (so the record's keys keep their order), and put back from the claim rows
 * of the report it was deflated against (`against`) when read. The writer leaves a value out only when
 * what the rows give back is the same JSON (SqlTx.putFusionItems); a record it cannot is written whole.
 * What the store knows of the record for it (the ledger's, src/ledger/stored.ts): its `claims` are the
 * report's claims in order, `at` is where a claim starts from the end of the one before, and an entity is
 * named "\u0001/" + its id in the record (`entityIds`, else e1, e2 … in order).
 */
export const CLAIM_WORDS = 2;
/** Each field left out, with its token (never a value of that field: a string, a number, a boolean, an object or null, an array). */
const ELIDED: Readonly<Record<string, unknown>> = { text: 0, at: false, status: 0, quote: 0, source: 0 };
const ELIDED_KEYS = Object.keys(ELIDED);
const SELF = "\u0001";
/** A claim as its rows give it back, to fill a record's claims in: the same from the record written as from the rows read. */
interface ClaimFacts {
  text: string;
  start: number;
  end: number;
  status: string;
  quote: boolean;
  source: { name: string; kind: string; entity: number | null; role: string | null } | null;
  /** The entities it names (positions in its report), as its row keeps them (words = 3). */
  entities: readonly number[];
}
const factsOfRow = (row: Row, body: string, r = unpackClaim(row)): ClaimFacts => ({
  text: slice(body, num(r.start), num(r.stop), r.text),
  start: num(r.start),
  end: num(r.stop),
  status: status.word(r.status),
  quote: !!num(r.quote),
  source: r.source_name === null || r.source_name === undefined ? null : { name: String(r.source_name), kind: sourceKind.word(r.source_kind), entity: numOrNull(r.source_entity), role: str(r.source_role) },
  entities: claimEntities(r.entities),
});
/** The same of a claim as putReport writes it (each value through its stored form and back). */
const factsOfRecord = (c: ClaimRecord): ClaimFacts => ({
  text: c.text,
  start: c.start,
  end: c.end,
  status: status.word(status.code(c.status)),
  quote: !!c.quote,
  source: c.source ? { name: c.source.name, kind: sourceKind.word(sourceKind.code(c.source.kind)), entity: c.source.entity ?? null, role: c.source.role ?? null } : null,
  entities: claimEntities(claimEntitiesStored(sqlite, c.entities)),
});
/** The rows' value of a field left out of a report's record's i-th claim. */
function restored(key: string, facts: readonly ClaimFacts[], i: number, entityIds: readonly string[]): unknown {
  const f = facts[i]!;
  const ref = (p: number) => `${SELF}/${entityIds[p]}`;
  switch (key) {
    case "text":
      return f.text;
    case "at":
      return f.start - (i ? facts[i - 1]!.end : 0);
    case "status":
      return f.status;
    case "quote":
      return f.quote;
    default: {
      if (!f.source) return null;
      const s: Record<string, unknown> = { name: f.source.name, kind: f.source.kind };
      if (f.source.entity !== null) s.entity = ref(f.source.entity);
      if (f.source.role !== null) s.role = f.source.role;
      return s;
    }
  }
}
type LooseRecord = { claims?: Record<string, unknown>[]; entities?: unknown[]; entityIds?: string[] };
const entityIdsOf = (r: LooseRecord) => r.entityIds ?? Array.from({ length: r.entities?.length ?? 0 }, (_, i) => `e${i + 1}`);
/** A record of words = 2 as parsed, its claims' fields put back from its report's claims, in place. */
function restoreClaims(record: unknown, facts: readonly ClaimFacts[] | undefined): unknown {
  const r = record as LooseRecord;
  if (!r || !Array.isArray(r.claims)) return record;
  if (!facts || facts.length !== r.claims.length) throw new Error("a fusion record whose report's claims are not in the ledger");
  const ids = entityIdsOf(r);
  r.claims.forEach((c, i) => {
    for (const k of ELIDED_KEYS) if (k in c && c[k] === ELIDED[k]) c[k] = restored(k, facts, i, ids);
  });
  return record;
}
/** The claims of these reports as the records of words = 2 are filled in from, by report. */
async function claimFacts(c: Conn, d: Dialect, reports: readonly { id: number; body: string }[]): Promise<Map<number, ClaimFacts[]>> {
  const out = new Map<number, ClaimFacts[]>();
  if (!reports.length) return out;
  const bodies = new Map(reports.map((r) => [r.id, r.body]));
  for (const r of reports) out.set(r.id, []);
  const rows = await c.all<Row>(
    `SELECT ${claimColumns(d, "c", ["id", "start", "stop", "status", "quote", "source_kind", "source_entity", "source_role", "text", "entities"])}, s.name AS source_name
     FROM ${d.listTable("j")} CROSS JOIN claims c LEFT JOIN sources s ON s.id = c.source WHERE ${ofListed("c")} ORDER BY c.id`,
    [d.list([...bodies.keys()])],
  );
  for (const r of rows) {
    const report = Math.floor(num(r.id) / SPAN);
    out.get(report)!.push(factsOfRow(r, bodies.get(report)!));
  }
  return out;
}
/** Records of these forms leave out what their report's rows hold, and are filled in from them when read. */
const isFilled = (words: unknown) => num(words) === CLAIM_WORDS || num(words) === ROW_WORDS;

/**
 * Fusion records of words = 3 (schema 25, SQLite): as words = 2, and also what the report's other rows hold
 * (a third of a record of words = 2, at 10,000 bench reports): the entities each claim names (its row's, in
 * their order: token 0, or sorted as strings: 1), each of the report's entities' type, name and aliases
 * (its entity row, by position), and where the record has them, the report's publication time, outlet and
 * language (its report row). Each value is left out only where the rows give back the same JSON, one by
 * one (a record keeps whatever they do not), and is put back when read; deflated with RECORD_SHAPES too.
 * A record with a value that is one of the tokens where one may stand is written whole (words = 1).
 */
export const ROW_WORDS = 3;
/** An entity of a report as its row gives it back, to fill a record's entities in. */
interface EntityFacts {
  type: string;
  name: string;
  aliases: readonly string[];
}
/** A report as its row gives it back, to fill a record's shared values in. */
interface ReportFacts {
  published: string;
  outlet: string | null;
  language: string;
}
/** What a report's rows give back of it, to fill its records in (words = 2: the claims; 3: all). */
interface RowFacts {
  claims: readonly ClaimFacts[];
  entities: readonly EntityFacts[];
  report: ReportFacts | null;
}
const CLAIM_TOKENS: Readonly<Record<string, readonly unknown[]>> = { text: [0], at: [false], status: [0], quote: [0], source: [0], entities: [0, 1] };
const ENTITY_TOKENS = ["type", "name", "aliases"] as const;
/** Where a record keeps a value of its report's row (path), with the row's value there; token 0. */
const REPORT_PLACES: readonly { path: readonly string[]; value: (r: ReportFacts) => unknown }[] = [
  { path: ["shared", "claims", "published"], value: (r) => r.published },
  { path: ["shared", "claims", "outlet"], value: (r) => r.outlet },
  { path: ["shared", "claims", "lang"], value: (r) => r.language },
  { path: ["shared", "entities", "lang"], value: (r) => r.language },
  { path: ["incident", "published"], value: (r) => r.published.slice(0, 10) },
];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
/** The rows' value of a claim's field (words = 3), for the token it has there. */
function restoredRow(key: string, token: unknown, facts: readonly ClaimFacts[], i: number, entityIds: readonly string[]): unknown {
  if (key !== "entities") return restored(key, facts, i, entityIds);
  const refs = facts[i]!.entities.map((p) => `${SELF}/${entityIds[p]}`);
  return token === 1 ? refs.sort() : refs;
}
/** The record with the values its report's rows give back left out (tokens in their place), or undefined when it cannot be (a value that is a token). */
function elidedRows(record: unknown, facts: RowFacts): { record: unknown; elided: boolean } | undefined {
  if (!isObject(record)) return { record, elided: false };
  const r = record as LooseRecord & Record<string, unknown>;
  const out: Record<string, unknown> = { ...r };
  let elided = false;
  if (Array.isArray(r.claims)) {
    const ids = entityIdsOf(r);
    const fits = r.claims.length === facts.claims.length;
    const claims: unknown[] = [];
    for (let i = 0; i < r.claims.length; i++) {
      const c = r.claims[i];
      if (!isObject(c)) {
        claims.push(c);
        continue;
      }
      const o: Record<string, unknown> = { ...c };
      for (const k in CLAIM_TOKENS) {
        if (!(k in c)) continue;
        if (CLAIM_TOKENS[k]!.includes(c[k])) return undefined;
        if (!fits) continue;
        const token = CLAIM_TOKENS[k]!.find((t) => same(restoredRow(k, t, facts.claims, i, ids), c[k]));
        if (token !== undefined) (o[k] = token), (elided = true);
      }
      claims.push(o);
    }
    out.claims = claims;
  }
  if (Array.isArray(r.entities)) {
    out.entities = r.entities.map((e, i) => {
      if (!isObject(e)) return e;
      const f = facts.entities[i];
      const o: Record<string, unknown> = { ...e };
      for (const k of ENTITY_TOKENS) {
        if (!(k in e)) continue;
        if (e[k] === 0) throw TOKEN;
        if (f && same(f[k], e[k])) (o[k] = 0), (elided = true);
      }
      return o;
    });
  }
  for (const place of REPORT_PLACES) {
    const [top, ...rest] = place.path as [string, ...string[]];
    const holder = rest.slice(0, -1).reduce<unknown>((x, k) => (isObject(x) ? x[k] : undefined), out[top]);
    const key = rest[rest.length - 1]!;
    if (!isObject(holder) || !(key in holder)) continue;
    if (holder[key] === 0) return undefined;
    if (!facts.report || !same(place.value(facts.report), holder[key])) continue;
    // (copies down the path: the record given is not changed)
    const copy = (x: Record<string, unknown>, ks: readonly string[]): Record<string, unknown> =>
      ks.length ? { ...x, [ks[0]!]: copy(x[ks[0]!] as Record<string, unknown>, ks.slice(1)) } : { ...x, [key]: 0 };
    out[top] = copy(out[top] as Record<string, unknown>, rest.slice(0, -1));
    elided = true;
  }
  return { record: out, elided };
}
const TOKEN = new Error("a value that is a token");
/** A record of words = 3 as parsed, the values left out put back from its report's rows, in place. */
function restoreRows(record: unknown, facts: RowFacts | undefined): unknown {
  if (!isObject(record)) return record;
  if (!facts) throw new Error("a fusion record whose report's rows are not in the ledger");
  const r = record as LooseRecord & Record<string, unknown>;
  if (Array.isArray(r.claims)) {
    const ids = entityIdsOf(r);
    r.claims.forEach((c, i) => {
      if (!isObject(c)) return;
      for (const k in CLAIM_TOKENS) if (k in c && CLAIM_TOKENS[k]!.includes(c[k])) c[k] = restoredRow(k, c[k], facts.claims, i, ids);
    });
  }
  if (Array.isArray(r.entities))
    r.entities.forEach((e, i) => {
      if (!isObject(e)) return;
      for (const k of ENTITY_TOKENS) if (e[k] === 0) e[k] = k === "aliases" ? [...facts.entities[i]!.aliases] : facts.entities[i]![k];
    });
  for (const place of REPORT_PLACES) {
    const holder = place.path.slice(0, -1).reduce<unknown>((x, k) => (isObject(x) ? x[k] : undefined), r);
    const key = place.path[place.path.length - 1]!;
    if (isObject(holder) && holder[key] === 0) holder[key] = place.value(facts.report!);
  }
  return record;
}
/** The rows of these reports as the records of words = 2 and 3 are filled in from, by report. */
async function rowFacts(c: Conn, d: Dialect, reports: readonly { id: number; body: string }[]): Promise<Map<number, RowFacts>> {
  const out = new Map<number, RowFacts>();
  if (!reports.length) return out;
  const unique = [...new Map(reports.map((r) => [r.id, r])).values()];
  const claims = await claimFacts(c, d, unique);
  const ids = unique.map((r) => r.id);
  const en = entityName(d, "e");
  const [entities, rows] = await batch(c, [
    { sql: `SELECT e.id, e.type, ${en.name}, e.aliases FROM ${d.listTable("j")} CROSS JOIN entities e ${en.join} WHERE ${ofListed("e")} ORDER BY e.id`, params: [d.list(ids)] },
    { sql: `SELECT id, published, published_ms, source, language FROM reports WHERE ${d.inList("id")}`, params: [d.list(ids)] },
  ]);
  const ents = new Map<number, EntityFacts[]>(ids.map((id) => [id, []]));
  for (const e of entities!) ents.get(Math.floor(num(e.id) / SPAN))!.push({ type: entityType.word(e.type), name: String(e.name), aliases: json<string[]>(e.aliases, []) });
  const reps = new Map(rows!.map((r) => [num(r.id), { published: publishedRead(r.published, r.published_ms), outlet: str(r.source), language: String(r.language) }]));
  for (const id of ids) out.set(id, { claims: claims.get(id) ?? [], entities: ents.get(id) ?? [], report: reps.get(id) ?? null });
  return out;
}
/** What a report as written gives back from its rows (each value through its stored form and back), to leave out of its records. */
function factsOfReport(r: { meta: { published: string; source?: string | null; language: string }; entities: readonly { type: EntityType; name: string; aliases: readonly string[] }[]; claims: readonly ClaimRecord[] }): RowFacts {
  return {
    claims: r.claims.map(factsOfRecord),
    entities: r.entities.map((e) => ({ type: entityType.word(entityType.code(e.type)), name: e.name, aliases: [...e.aliases] })),
    report: { published: r.meta.published, outlet: r.meta.source ?? null, language: r.meta.language },
  };
}
const factsDigest = (f: RowFacts) => digest("sha1", JSON.stringify(f)).toString("base64");

/** Fusion records as read (data, words, against and its body), each parsed, with what it left out of its report's rows put back. */
async function parseRecords(c: Conn, d: Dialect, rows: readonly Row[]): Promise<unknown[]> {
  const texts = rows.map((r) => (r.body === null || r.body === undefined ? null : decodeBody(r.body)));
  const need = rows.flatMap((r, i) => (isFilled(r.words) && texts[i] !== null ? [{ id: num(r.against), body: texts[i]! }] : []));
  const facts = await rowFacts(c, d, need);
  return rows.map((r, i) => {
    const data = JSON.parse(decodeRecordText(r.data, texts[i]!, r.words)) as unknown;
    if (num(r.words) === CLAIM_WORDS) return restoreClaims(data, facts.get(num(r.against))?.claims);
    return num(r.words) === ROW_WORDS ? restoreRows(data, facts.get(num(r.against))) : data;
  });
}

/**
 * How the columns a backend encodes are read back and written for another (copy.ts): a report's body, a
 * fusion record and a kept state, each as its plain text and as a backend stores it.
 */
export const storedForm = {
  body: decodeBody,
  encodeBody,
  record: decodeRecord,
  /**
   * Fusion records as read (data, words, against, body: against's), each back to its JSON, with its claims
   * filled in from the claim rows read through `c` (words = 2).
   */
  records: async (c: Conn, d: Dialect, rows: readonly Row[]): Promise<string[]> => {
    const parsed = rows.some((r) => isFilled(r.words)) ? await parseRecords(c, d, rows) : undefined;
    return rows.map((r, i) => (isFilled(r.words) ? JSON.stringify(parsed![i]) : decodeRecord(r.data, r.body, r.words)));
  },
  /** A fusion record for a ledger on this dialect, deflated against no body: data, against, words. */
  encodeRecord: (d: Dialect, json: string): [unknown, null, number | null] => (d.compressBody ? [encodeAgainst(json, null), null, 1] : [encodeBody(d, json), null, null]),
  state: (v: unknown): string | null => (v === null || v === undefined ? null : decodeBody(v)),
  encodeState,
  /** A claim row's key and entities (bytes on SQLite, text on PostgreSQL) as the given dialect stores them. */
  cid: (d: Dialect, v: unknown): string | Buffer => cidStored(d, cidRead(v)),
  claimEntities: (d: Dialect, v: unknown): string | Buffer | null => claimEntitiesStored(d, claimEntities(v)),
  /**
   * A claim row read from either backend (its PACKED columns in one or not: schema 27) as the given dialect
   * stores it: its key and entities in its form, and those columns packed where it packs them.
   */
  /** A claim row read with its PACKED columns in one (SQLite, schema 27), those columns put back (their values as stored before). */
  unpackedClaim: (row: Readonly<Record<string, unknown>>): Record<string, unknown> => unpackClaim({ ...row }),
  claim: (d: Dialect, row: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const r = unpackClaim({ ...row });
    r.cid = cidStored(d, cidRead(r.cid));
    r.entities = claimEntitiesStored(d, claimEntities(r.entities));
    if (packsClaims(d)) {
      r.packed = packClaim(r);
      for (const k of PACKED) delete r[k];
    }
    return r;
  },
  /** A report's, a time's and an event's words and lists (schema 24: bytes on SQLite, text on PostgreSQL) as the given dialect stores them. */
  report: (d: Dialect, r: Readonly<Record<string, unknown>>) => ({
    published: publishedStored(d, publishedRead(r.published, r.published_ms)),
    published_from: wordStored(d, PUBLISHED_FROM, wordRead(PUBLISHED_FROM, r.published_from)),
    language_from: wordStored(d, LANGUAGE_FROM, wordRead(LANGUAGE_FROM, r.language_from)),
    ingested_at: ingestedStored(d, ingestedRead(r.ingested_at)),
  }),
  time: (d: Dialect, r: Readonly<Record<string, unknown>>) => ({ type: wordStored(d, TIMEX_TYPES, wordRead(TIMEX_TYPES, r.type)) }),
  event: (d: Dialect, r: Readonly<Record<string, unknown>>) => ({
    type: wordStored(d, EVENT_TYPES, wordRead(EVENT_TYPES, r.type)),
    claims: positionsStored(d, claimEntities(r.claims)),
    actors: positionsStored(d, claimEntities(r.actors)),
    locations: positionsStored(d, claimEntities(r.locations)),
  }),
  firstNames,
  /** An entity row's mentions (bytes on SQLite, JSON on PostgreSQL) as the given dialect stores them. */
  mentions: (d: Dialect, r: Readonly<Record<string, unknown>>): string | Buffer => {
    const name = String(r.name), aliases = json<string[]>(r.aliases, []);
    return encodeMentions(d, { name, aliases, mentions: mentions(r.mentions, [name, ...aliases]) });
  },
};

/**
 * A report's body and fusion records as a ledger that deflates them (SQLite) stores them, worked out where
 * the report was extracted (an ingest's threads), off the thread that writes: beforeLock takes them as they
 * are, for the same bytes it would have made.
 */
export function encodeReport(
  text: string,
  language: string,
  items: readonly unknown[],
  claims: readonly ClaimRecord[],
  report?: Pick<ReportRecord, "meta" | "entities">,
): EncodedReport {
  // (the writer compares the facts the records were checked against here with its own before it keeps them so)
  const facts = factsOfReport(report ? { ...report, claims } : { meta: { published: "", language }, entities: [], claims });
  if (!report) facts.report = null;
  const forms = items.map((i) => deflatedRecord(i, text, facts));
  return { body: encodeBody(sqlite, text, language) as Uint8Array, items: forms.map((f) => f.data), elided: forms.map((f) => f.elided), facts: factsDigest(facts) };
}

/**
 * A fusion record deflated against its report's text: the values its report's rows (`facts`) give back left
 * out (words = 3), else whole (words = 1; `elided` says which).
 */
function deflatedRecord(record: unknown, text: string, facts: RowFacts): { data: Uint8Array; elided: boolean } {
  let e: ReturnType<typeof elidedRows>;
  try {
    e = elidedRows(record, facts);
  } catch (x) {
    if (x !== TOKEN) throw x;
  }
  return e ? { data: encodeAgainst(JSON.stringify(e.record), text, ROW_WORDS), elided: true } : { data: encodeAgainst(JSON.stringify(record), text), elided: false };
}

/**
 * A band of a report's signature as stored (schema 17): the low 31 bits of the ledger's key for it (52), four
 * bytes where the whole key took eight, in a table of eight rows a report. A band only proposes candidates:
 * each is then compared by its signature (src/ledger/ingest.ts, clusterOf), so two bands that share their
 * low bits (once in two billion) cost one more comparison, not a wrong cluster.
 */
export const bandKey = (band: number): number => band % 2147483648;

/** A content hash (hex) as stored: its bytes. */
const hashBytes = (hex: string) => Buffer.from(hex, "hex");
const hashHex = (v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString("hex") : String(v));
/**
 * A report's identity as stored: nothing when it is just its URL (the common case), "" when it has none
 * although it has a URL, else the identity itself.
 */
const identityStored = (identity: string | null, url: string | null | undefined) => (url ? (identity === `url:${url}` ? null : (identity ?? "")) : identity);
const identityRead = (stored: unknown, url: unknown) => (stored === null || stored === undefined ? (url ? `url:${String(url)}` : null) : stored === "" ? null : String(stored));

/** The current version of an identity: under either form of its uid. */
const IDENTITY_SQL = "SELECT r.id, r.uid, r.version, r.identity, b.text, r.url, r.title FROM reports r JOIN bodies b ON b.id = r.id WHERE r.uid IN (?, ?) AND r.current = 1";
function currentOf(rows: readonly Row[], identity: string, uids: readonly string[]) {
  for (const uid of uids) {
    const r = rows.find((x) => String(x.uid) === uid && identityRead(x.identity, x.url) === identity);
    if (r) return { id: num(r.id), uid: String(r.uid), version: num(r.version), text: decodeBody(r.text), url: str(r.url), title: str(r.title) };
  }
  return undefined;
}

function reportRow(r: Row): ReportRow {
  const id = num(r.id);
  return {
    id,
    uid: String(r.uid),
    version: num(r.version),
    current: !!num(r.current),
    cluster: r.cluster === null || r.cluster === undefined ? id : num(r.cluster),
    hash: hashHex(r.hash),
    identity: identityRead(r.identity, r.url),
    title: str(r.title),
    source: str(r.source),
    url: str(r.url),
    published: publishedRead(r.published, r.published_ms),
    publishedMs: num(r.published_ms),
    publishedFrom: wordRead(PUBLISHED_FROM, r.published_from) as ReportRow["publishedFrom"],
    language: r.language as Lang,
    languageFrom: wordRead(LANGUAGE_FROM, r.language_from) as ReportRow["languageFrom"],
    otherLanguage: str(r.other_language),
    origin: r.folder_path === null || r.folder_path === undefined ? str(r.origin) : `${String(r.folder_path)}${String(r.origin)}`,
    format: str(r.format),
    ingestedAt: ingestedRead(r.ingested_at),
    ...(r.text !== undefined && { text: decodeBody(r.text) }),
  };
}

function claimRow(read: Row, rep: { uid: string; readonly text: string }, lazy = false): ClaimRow {
  const r = unpackClaim(read);
  const id = num(r.id);
  const start = num(r.start), end = num(r.stop);
  const cueStart = numOrNull(r.cue_start);
  const row: ClaimRow = {
    id,
    report: num(r.report),
    seq: id % SPAN,
    uid: claimUid(rep.uid, cidRead(r.cid)),
    sentence: num(r.sentence),
    paragraph: num(r.paragraph),
    start,
    end,
    text: lazy ? "" : slice(rep.text, start, end, r.text),
    status: status.word(r.status),
    pkey: num(r.pkey),
    asserter: num(r.asserter),
    sourceKeyed: !!num(r.source_keyed),
    source:
      r.source_name === null || r.source_name === undefined
        ? null
        : { name: String(r.source_name), kind: sourceKind.word(r.source_kind), entity: numOrNull(r.source_entity), role: str(r.source_role) },
    cue: cueStart === null ? null : { start: cueStart, end: num(r.cue_stop), text: lazy ? "" : slice(rep.text, cueStart, num(r.cue_stop), r.cue_text) },
    quote: !!num(r.quote),
    entities: claimEntities(r.entities),
    features: json<object | null>(r.features, null),
    notable: num(r.notable),
  };
  if (lazy) {
    let text: string | undefined;
    Object.defineProperty(row, "text", { enumerable: true, get: () => (text ??= slice(rep.text, start, end, r.text)) });
    if (cueStart !== null) {
      let cue: string | undefined;
      Object.defineProperty(row.cue, "text", { enumerable: true, get: () => (cue ??= slice(rep.text, cueStart, num(r.cue_stop), r.cue_text)) });
    }
  }
  return row;
}

/**
 * An entity's mentions as stored: a flat list of offsets, each pair followed by nothing when the mention
 * reads as the entity's name, by -(k+1) when it reads as its k-th name (aliases from 1), or by its words
 * when it reads as neither (a pronoun, a description). So a mention's words are known without reading the
 * report, and nearly never stored. Where the store compacts what it keeps (SQLite, which keeps bytes in
 * any column), the same as bytes (mentionBytes): a third of the size of the JSON; either is read.
 */
function encodeMentions(d: Dialect, e: { name: string; aliases: readonly string[]; mentions: readonly SpanText[] }): string | Buffer {
  const names = [e.name, ...e.aliases];
  if (d.compressBody) return mentionBytes(names, e.mentions);
  return JSON.stringify(
    e.mentions.flatMap((m) => {
      const k = names.indexOf(m.text);
      return k === 0 ? [m.start, m.end] : k > 0 ? [m.start, m.end, -(k + 1)] : [m.start, m.end, m.text];
    }),
  );
}

/**
 * Mentions as bytes: for each, unsigned LEB128 numbers: its start less the one before's and its length
 * (both zigzag: never negative in practice, but a span is read back whatever it was), then 2k when it reads
 * as the entity's k-th name (0: the name), else 2n + 1 and its words, n bytes of UTF-8.
 */
function mentionBytes(names: readonly string[], ms: readonly SpanText[]): Buffer {
  const w = new LebWriter();
  const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);
  let prev = 0;
  for (const m of ms) {
    w.put(zigzag(m.start - prev));
    w.put(zigzag(m.end - m.start));
    prev = m.start;
    const k = names.indexOf(m.text);
    if (k >= 0) w.put(2 * k);
    else {
      const b = Buffer.from(m.text, "utf8");
      w.put(2 * b.length + 1);
      w.raw(b);
    }
  }
  return w.done();
}

function mentionsOfBytes(b: Uint8Array, names: readonly string[]): SpanText[] {
  const out: SpanText[] = [];
  const r = new LebReader(b);
  const unzigzag = (n: number) => (n % 2 ? -(n + 1) / 2 : n / 2);
  let prev = 0;
  while (r.more) {
    const start = prev + unzigzag(r.get());
    const end = start + unzigzag(r.get());
    prev = start;
    const t = r.get();
    let text: string;
    if (t % 2 === 0) text = names[t / 2] ?? "";
    else {
      const n = (t - 1) / 2;
      text = Buffer.from(b.buffer, b.byteOffset + r.at, n).toString("utf8");
      r.at += n;
    }
    out.push({ start, end, text });
  }
  return out;
}

function mentions(v: unknown, names: readonly string[]): SpanText[] {
  if (v instanceof Uint8Array) return mentionsOfBytes(v, names);
  const flat = json<(number | string)[]>(v, []);
  const out: SpanText[] = [];
  for (let i = 0; i < flat.length; ) {
    const start = flat[i++] as number, end = flat[i++] as number;
    const next = flat[i];
    let text = names[0] ?? "";
    if (typeof next === "string") text = flat[i++] as string;
    else if (typeof next === "number" && next < 0) text = names[-(flat[i++] as number) - 1] ?? "";
    out.push({ start, end, text });
  }
  return out;
}

/**
 * The claims of a key (c.pkey), through SQLite's index of key buckets (schema 30): the bucket, then the key
 * itself. (The `+` keeps the key's own condition out of the index's way: written with a literal value, SQLite
 * puts that value into the bucket's expression, which is then no longer the index's, and scans the claims.)
 */
export function pkeyWhere(d: Dialect): { sql: string; params: (pkey: number) => number[] } {
  if (d.backend !== "sqlite") return { sql: "c.pkey = ?", params: (pkey) => [pkey] };
  return { sql: `(c.pkey >> ${PKEY_BUCKET}) = ? AND +c.pkey = ?`, params: (pkey) => [Math.floor(pkey / 2 ** PKEY_BUCKET), pkey] };
}

/**
 * A claim's key (cid, ids.ts: 8 base32 characters, 40 bits) as stored where the store compacts what it keeps
 * (SQLite, schema 20): its 5 bytes, where the text took 8 (0.4 MB of a ledger of 10,000 reports). Keys kept
 * as text, by an earlier schema or another backend, read as they are.
 */
function cidStored(d: Dialect, cid: string): string | Buffer {
  if (!d.compressBody || !/^[0-9a-hjkmnp-tv-z]{8}$/.test(cid)) return cid;
  let n = 0;
  for (const ch of cid) n = n * 32 + B32.indexOf(ch);
  const out = Buffer.allocUnsafe(5);
  out.writeUIntBE(n, 0, 5);
  return out;
}
const cidRead = (v: unknown): string => (v instanceof Uint8Array ? base32(v, 8) : String(v));
/**
 * The entities a claim names (their positions in its report) as stored: JSON, or where the store compacts
 * what it keeps (SQLite, schema 20) unsigned LEB128 numbers, a byte each for a report's first 128 entities
 * ("[0,3,4]" took 7 bytes, now 3). Either is read.
 */
function claimEntitiesStored(d: Dialect, es: readonly number[]): string | Buffer | null {
  if (!es.length) return null;
  if (!d.compressBody || !es.every((e) => Number.isSafeInteger(e) && e >= 0)) return JSON.stringify(es);
  const w = new LebWriter();
  for (const e of es) w.put(e);
  return w.done();
}
function claimEntities(v: unknown): number[] {
  if (!(v instanceof Uint8Array)) return json<number[]>(v, []);
  const out: number[] = [];
  for (const r = new LebReader(v); r.more; ) out.push(r.get());
  return out;
}

/**
 * A claim's PACKED columns (their values as a row of schema 26 held them) as one value (SQLite, schema 27):
 * unsigned LEB128 numbers, first a bit for each of source_keyed and quote and for each column that is not
 * NULL (source_kind, source_entity, source_role, the cue, entities, features, cue_text), then sentence,
 * paragraph and those that are there: source_kind, source_entity, the role (its length in bytes, its
 * UTF-8), cue_start and the cue's length, the entities' bytes (claimEntitiesStored: their length, them),
 * features and cue_text (as the role). A row with a value outside that form (never, as written) is kept
 * as the JSON array of its values, as the migration to schema 27 wrote every row (the entities' bytes
 * as hex), and read as such (unpackClaim).
 */
function packClaim(r: Readonly<Record<string, unknown>>): Buffer | string {
  const nat = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
  const bit = (v: unknown) => v === 0 || v === 1;
  const txt = (v: unknown) => v === null || v === undefined || typeof v === "string";
  const opt = (v: unknown) => v === null || v === undefined || nat(v);
  const has = (v: unknown) => v !== null && v !== undefined;
  const ents = has(r.entities) ? claimEntities(r.entities) : [];
  const entBytes = ents.length ? claimEntitiesStored(sqlite, ents) : null;
  const cue = has(r.cue_start) || has(r.cue_stop);
  const ok =
    nat(r.sentence) && nat(r.paragraph) && bit(r.source_keyed) && bit(r.quote) && opt(r.source_kind) && opt(r.source_entity) && txt(r.source_role) &&
    txt(r.cue_text) && txt(r.features) && (entBytes === null || entBytes instanceof Buffer) &&
    (!cue || (nat(r.cue_start) && nat(r.cue_stop) && r.cue_stop >= r.cue_start));
  if (!ok) return JSON.stringify(PACKED.map((k) => { const v = r[k]; return v instanceof Uint8Array ? Buffer.from(v).toString("hex") : typeof v === "bigint" ? Number(v) : v ?? null; }));
  const w = new LebWriter();
  const put = (n: number) => w.put(n);
  const words = (v: unknown) => w.bytes(Buffer.from(String(v), "utf8"));
  put(
    (r.source_keyed as number) | ((r.quote as number) << 1) | (has(r.source_kind) ? 4 : 0) | (has(r.source_entity) ? 8 : 0) | (has(r.source_role) ? 16 : 0) |
      (cue ? 32 : 0) | (entBytes ? 64 : 0) | (has(r.features) ? 128 : 0) | (has(r.cue_text) ? 256 : 0),
  );
  put(r.sentence as number);
  put(r.paragraph as number);
  if (has(r.source_kind)) put(r.source_kind as number);
  if (has(r.source_entity)) put(r.source_entity as number);
  if (has(r.source_role)) words(r.source_role);
  if (cue) {
    put(r.cue_start as number);
    put((r.cue_stop as number) - (r.cue_start as number));
  }
  if (entBytes) w.bytes(entBytes as Buffer);
  if (has(r.features)) words(r.features);
  if (has(r.cue_text)) words(r.cue_text);
  return w.done();
}

/** A claim row as read with its PACKED columns in one (SQLite, schema 27), those columns put back, in place. */
function unpackClaim<T extends Row>(r: T): T {
  const v = r.packed;
  if (v === undefined) return r;
  const o = r as Row;
  delete o.packed;
  if (typeof v === "string") {
    const a = JSON.parse(v) as unknown[];
    PACKED.forEach((k, i) => (o[k] = a[i] ?? null));
    if (typeof o.entities === "string" && !o.entities.startsWith("[")) o.entities = Buffer.from(o.entities, "hex");
    return r;
  }
  if (!(v instanceof Uint8Array)) throw new Error("a claim row without its packed columns");
  const lr = new LebReader(v);
  const get = () => lr.get();
  const bytes = () => lr.bytes();
  const words = () => Buffer.from(bytes()).toString("utf8");
  const f = get();
  o.source_keyed = f & 1;
  o.quote = (f >> 1) & 1;
  o.sentence = get();
  o.paragraph = get();
  o.source_kind = f & 4 ? get() : null;
  o.source_entity = f & 8 ? get() : null;
  o.source_role = f & 16 ? words() : null;
  if (f & 32) {
    o.cue_start = get();
    o.cue_stop = (o.cue_start as number) + get();
  } else o.cue_start = o.cue_stop = null;
  o.entities = f & 64 ? bytes() : null;
  o.features = f & 128 ? words() : null;
  o.cue_text = f & 256 ? words() : null;
  return r;
}

/**
 * A word of a short list (codes.ts) as stored where the store compacts what it keeps (SQLite, schema 24): its
 * position as one byte, where its text took up to 23 ("claim_of_responsibility"); a word not in the list,
 * or any word on another backend, as its text. Either is read (wordRead).
 */
function wordStored(d: Dialect, list: readonly string[], w: string): string | Buffer {
  const i = d.compressBody ? list.indexOf(w) : -1;
  return i >= 0 && i < 256 ? Buffer.of(i) : w;
}
function wordRead(list: readonly string[], v: unknown): string {
  if (!(v instanceof Uint8Array)) return String(v);
  const w = v.length === 1 ? list[v[0]!] : undefined;
  if (w === undefined) throw new Error(`not a known code: ${Buffer.from(v).toString("hex")}`);
  return w;
}
/**
 * When a report was ingested as stored where the store compacts (SQLite, schema 24): the milliseconds as 6
 * bytes, where the ISO text took 24, when the text is what they give back (else, and on another backend,
 * the text). Either is read (ingestedRead).
 */
function ingestedStored(d: Dialect, iso: string): string | Buffer {
  const ms = Date.parse(iso);
  if (!d.compressBody || !Number.isSafeInteger(ms) || ms < 0 || ms >= 2 ** 48 || new Date(ms).toISOString() !== iso) return iso;
  const out = Buffer.allocUnsafe(6);
  out.writeUIntBE(ms, 0, 6);
  return out;
}
function ingestedRead(v: unknown): string {
  return v instanceof Uint8Array && v.length === 6 ? new Date(Buffer.from(v.buffer, v.byteOffset, 6).readUIntBE(0, 6)).toISOString() : String(v);
}
/**
 * When a report was published as stored where the store compacts (SQLite, schema 24): beside its
 * milliseconds (published_ms), two bytes, the form of its text (1: "…:ssZ", 2: "…:ss±hh:mm", 3: "…:ss.mmm
 * ±hh:mm"; the seconds always) and its offset from UTC in minutes / 15 (signed), where the text took 25;
 * only when that is what they give back (else, and on another backend, the text). Either is read.
 */
function publishedStored(d: Dialect, iso: string): string | Buffer {
  const ms = publishedMs(iso);
  if (!d.compressBody || !ms) return iso;
  const m = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?(?:Z|([+-])(\d\d):(\d\d))$/.exec(iso);
  if (!m) return iso;
  const offset = m[2] ? (m[2] === "-" ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4])) : 0;
  const form = !m[2] ? (m[1] ? 0 : 1) : m[1] ? 3 : 2;
  if (!form || offset % 15 || Math.abs(offset / 15) > 127) return iso;
  const out = Buffer.of(form, (offset / 15) & 255);
  return publishedRead(out, ms) === iso ? out : iso;
}
function publishedRead(v: unknown, ms: unknown): string {
  if (!(v instanceof Uint8Array)) return String(v);
  if (v.length !== 2 || v[0]! < 1 || v[0]! > 3) throw new Error(`not a known form of a time: ${Buffer.from(v).toString("hex")}`);
  const offset = ((v[1]! << 24) >> 24) * 15;
  const local = new Date(num(ms) + offset * 60_000).toISOString();
  if (v[0] === 1) return local.slice(0, 19) + "Z";
  const a = Math.abs(offset);
  return (v[0] === 2 ? local.slice(0, 19) : local.slice(0, 23)) + `${offset < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}
/**
 * A list of a report's rows (an event's claims, actors, places: positions in its report) as stored: JSON, or
 * where the store compacts (SQLite, schema 24) the bytes of claimEntitiesStored, none for an empty list
 * (the columns hold no NULL). Either is read (claimEntities).
 */
function positionsStored(d: Dialect, xs: readonly number[]): string | Buffer {
  if (!xs.length) return d.compressBody ? Buffer.alloc(0) : "[]";
  return claimEntitiesStored(d, xs) ?? JSON.stringify(xs);
}

function fusedRow(r: Row): FusedRow {
  return {
    id: num(r.id),
    uid: String(r.uid),
    fkey: String(r.fkey),
    type: entityType.word(r.type),
    reports: num(r.reports),
    mentions: num(r.mentions),
    claims: num(r.claims),
    geo: r.lat === null || r.lat === undefined ? null : { lat: num(r.lat), lon: num(r.lon), country: str(r.country), geonameId: numOrNull(r.geoname_id) },
  };
}

interface ReportText {
  uid: string;
  /** Decompressed when first read: many readers of a report need only its metadata. */
  readonly text: string;
  source: string | null;
  publishedMs: number;
  language: Lang;
  published: string;
  cluster: number;
}

class StoredText implements ReportText {
  private raw: unknown;
  private decoded: string | undefined;
  constructor(
    r: Row,
    readonly uid = String(r.uid),
    readonly source = str(r.source),
    readonly publishedMs = num(r.published_ms),
    readonly language = r.language as Lang,
    readonly published = publishedRead(r.published, r.published_ms),
    readonly cluster = r.cluster === null ? num(r.id) : num(r.cluster),
  ) {
    this.raw = r.text;
  }
  get text(): string {
    if (this.decoded === undefined) {
      this.decoded = decodeBody(this.raw);
      this.raw = undefined;
    }
    return this.decoded;
  }
}

/** A claim as fusion reads it; its words are read from the report only when asked for (few are). */
class StoredFusionClaim implements FusionClaim {
  readonly id: number;
  readonly uid: string;
  readonly report: number;
  readonly reportUid: string;
  readonly seq: number;
  readonly sentence: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly status: ClaimStatus;
  readonly pkey: number;
  readonly asserterKey: string;
  readonly asserterName: string;
  readonly sourceKeyed: boolean;
  readonly entityKeys: string[];
  readonly features: object | null;
  readonly notable: number;
  readonly published: string;
  readonly publishedMs: number;
  readonly language: Lang;
  readonly cluster: number;
  private words: string | undefined;
  private readonly own: unknown;

  constructor(
    r: Row,
    private readonly rep: ReportText,
    keyOf: Map<number, string>,
  ) {
    unpackClaim(r);
    this.id = num(r.id);
    this.report = num(r.report);
    this.seq = this.id % SPAN;
    this.uid = claimUid(rep.uid, cidRead(r.cid));
    this.reportUid = rep.uid;
    this.sentence = num(r.sentence);
    this.paragraph = num(r.paragraph);
    this.start = num(r.start);
    this.end = num(r.stop);
    this.status = status.word(r.status);
    this.pkey = num(r.pkey);
    this.asserterKey = String(r.akey);
    this.asserterName = str(r.source_name) ?? rep.source ?? "the report";
    this.sourceKeyed = !!num(r.source_keyed);
    const keys: string[] = [];
    for (const s of claimEntities(r.entities)) {
      const k = keyOf.get(this.report * SPAN + s);
      if (k) keys.push(k);
    }
    this.entityKeys = keys;
    this.features = json<object | null>(r.features, null);
    this.notable = num(r.notable);
    this.published = rep.published;
    this.publishedMs = rep.publishedMs;
    this.language = rep.language;
    this.cluster = rep.cluster;
    this.own = r.text;
  }

  get text(): string {
    return (this.words ??= slice(this.rep.text, this.start, this.end, this.own));
  }
}

class SqlReads implements Reads {
  constructor(
    protected readonly c: Conn,
    protected readonly d: Dialect,
    protected readonly ft: FullText,
    /** One consistent view (a snapshot's): rows read in it stay as read while it lasts. */
    private readonly view = false,
  ) {}

  /** The counts of claims by every facet's value, for the facets of one view (claimFacets). */
  private facetCounts: { key: string; rows: Row[]; more: boolean } | undefined;
  /** The claims of an entity or words, for the facets of one view (claimFacets). */
  private facetBase: { key: string; rows: Row[]; more: boolean } | undefined;

  /** Report rows never change once written: their bodies (decompressed) are worth keeping a while. */
  private textCache = new Map<number, ReportText>();

  protected async texts(ids: Iterable<number>): Promise<Map<number, ReportText>> {
    const out = new Map<number, ReportText>();
    const want: number[] = [];
    for (const id of new Set(ids)) {
      const hit = this.textCache.get(id);
      if (hit) out.set(id, hit);
      else want.push(id);
    }
    for (let i = 0; i < want.length; i += 500) this.keepTexts(await this.c.all<Row>(this.textsSql, [this.d.list(want.slice(i, i + 500))]), out);
    return out;
  }

  /** Report rows read with their texts, kept as the texts are (reportsByIds then needs no read of its own). */
  private rowCache = new Map<number, Row>();

  /** Reports' texts, by their ids (a list), with their whole rows. */
  private get textsSql(): string {
    return `SELECT ${RCOLS}, b.text FROM reports r JOIN bodies b ON b.id = r.id WHERE ${this.d.inList("r.id")}`;
  }

  private keepTexts(rows: Row[], out: Map<number, ReportText>): void {
    for (const r of rows) {
      const t = new StoredText(r);
      out.set(num(r.id), t);
      if (this.textCache.size >= 4096) this.textCache.delete(this.textCache.keys().next().value!);
      this.textCache.set(num(r.id), t);
      // (a report's row changes, when a new version replaces it: kept only within one view)
      if (!this.view) continue;
      if (this.rowCache.size >= 4096) this.rowCache.delete(this.rowCache.keys().next().value!);
      this.rowCache.set(num(r.id), { ...r, text: undefined });
    }
  }

  // ------------------------------------------------------------------ reports

  async basis(): Promise<Basis> {
    const b = (await this.c.get<Row>(
      `SELECT count(*) AS n, count(DISTINCT coalesce(source, CAST(id AS TEXT))) AS outlets, min(published_ms) AS first, max(published_ms) AS last FROM reports WHERE current = 1`,
    ))!;
    const langs = await this.c.all<Row>("SELECT DISTINCT language FROM reports WHERE current = 1");
    return {
      reports: num(b.n),
      outlets: num(b.outlets),
      firstMs: numOrNull(b.first),
      lastMs: numOrNull(b.last),
      languages: langs.map((l) => l.language as Lang).sort(),
    };
  }

  // On PostgreSQL reports are in commit order by seq (schema 6), on SQLite by id (one writer).
  async maxReportId(): Promise<number> {
    const col = this.d.backend === "postgres" ? "seq" : "id";
    return num((await this.c.get<Row>(`SELECT coalesce(max(${col}), 0) AS n FROM reports`))!.n);
  }

  async reportsAfter(mark: number): Promise<ReportRow[]> {
    if (this.d.backend !== "postgres") return (await this.c.all<Row>(`SELECT ${RCOLS} FROM reports r WHERE r.id > ? ORDER BY r.id`, [mark])).map(reportRow);
    return (await this.c.all<Row>(`SELECT ${RCOLS}, r.seq FROM reports r WHERE r.seq > ? ORDER BY r.seq`, [mark])).map((r) => ({ ...reportRow(r), committed: num(r.seq) }));
  }

  async reportsByIds(ids: readonly number[], withText = false): Promise<ReportRow[]> {
    if (!ids.length) return [];
    const q = { sql: `SELECT ${RCOLS} FROM reports r WHERE ${this.d.inList("r.id")}`, params: [this.d.list(ids)] };
    // (the bodies through this view's kept texts: a page of claims has just read and inflated them; the
    // others read with the rows, in one round trip)
    const unread = withText ? [...new Set(ids)].filter((id) => !this.textCache.has(id)) : [];
    let rows: Row[];
    const kept = ids.every((id) => this.rowCache.has(id));
    if (kept) rows = ids.map((id) => this.rowCache.get(id)!);
    else if (unread.length && unread.length <= 500) {
      const [got, bodies] = await batch(this.c, [q, { sql: this.textsSql, params: [this.d.list(unread)] }]);
      rows = got!;
      this.keepTexts(bodies!, new Map());
    } else rows = await this.c.all<Row>(q.sql, q.params);
    const texts = withText ? await this.texts(ids) : undefined;
    const by = new Map(rows.filter((r) => !texts || texts.has(num(r.id))).map((r) => [num(r.id), texts ? { ...reportRow(r), text: texts.get(num(r.id))!.text } : reportRow(r)]));
    return ids.map((i) => by.get(i)).filter((r): r is ReportRow => !!r);
  }

  async reportByUid(uid: string, withText = false): Promise<ReportRow | undefined> {
    const r = await this.c.get<Row>(`SELECT ${RCOLS}${textCol(withText)} FROM ${reportsFrom(withText)} WHERE r.uid = ? ORDER BY r.current DESC, r.version DESC LIMIT 1`, [uid]);
    return r && reportRow(r);
  }

  async reportVersion(uid: string, version: number, withText = false): Promise<ReportRow | undefined> {
    const r = await this.c.get<Row>(`SELECT ${RCOLS}${textCol(withText)} FROM ${reportsFrom(withText)} WHERE r.uid = ? AND r.version = ? ORDER BY r.id DESC LIMIT 1`, [uid, version]);
    return r && reportRow(r);
  }

  async listReports(o: { words?: readonly string[]; limit: number; offset: number }): Promise<{ total: number; items: ReportRow[] }> {
    const m = o.words?.length ? this.ft.reportsMatching(o.words) : undefined;
    const where = m ? `r.current = 1 AND r.id IN (${m.sql})` : "r.current = 1";
    const params = m ? m.params : [];
    const total = num((await this.c.get<Row>(`SELECT count(*) AS n FROM reports r WHERE ${where}`, params))!.n);
    const items = (await this.c.all<Row>(`SELECT ${RCOLS} FROM reports r WHERE ${where} ORDER BY r.id DESC LIMIT ? OFFSET ?`, [...params, o.limit, o.offset])).map(reportRow);
    return { total, items };
  }

  async reportsPage(after: { ms: number; id: number } | null, limit: number, withText = false): Promise<ReportRow[]> {
    const cols = `${RCOLS}${textCol(withText)}`;
    const from = reportsFrom(withText);
    // Publication time, then the stable id: the order does not depend on the order of ingestion.
    if (!after) return (await this.c.all<Row>(`SELECT ${cols} FROM ${from} WHERE r.current = 1 ORDER BY r.published_ms, r.uid${this.d.binary} LIMIT ?`, [limit])).map(reportRow);
    const uid = (await this.c.get<Row>("SELECT uid FROM reports WHERE id = ?", [after.id]))?.uid;
    return (
      await this.c.all<Row>(
        `SELECT ${cols} FROM ${from} WHERE r.current = 1 AND (r.published_ms, r.uid${this.d.binary}) > (?, ?) ORDER BY r.published_ms, r.uid${this.d.binary} LIMIT ?`,
        [after.ms, uid ?? "", limit],
      )
    ).map(reportRow);
  }

  async reportParts(reports: readonly ReportRow[], only?: readonly PartKind[]): Promise<ReportParts[]> {
    const want = (k: PartKind) => !only || only.includes(k);
    if (!reports.length) return [];
    const needText = (["claims", "times", "counts", "unknowns"] as const).some(want);
    const missing = needText ? reports.filter((r) => r.text === undefined).map((r) => r.id) : [];
    const texts = missing.length ? await this.texts(missing) : new Map();
    const parts = new Map<number, ReportParts>();
    for (const r of reports) {
      const text = r.text ?? texts.get(r.id)?.text ?? "";
      parts.set(r.id, { report: { ...r, text }, entities: [], claims: [], times: [], counts: [], unknowns: [], events: [] });
    }
    const ids = this.d.list(reports.map((r) => r.id));
    // The list drives the join, each report one range of keys. SQLite keeps the order of a CROSS JOIN.
    // PostgreSQL cannot estimate a range of keys per listed report (it takes 140,000 rows each), so it may
    // walk the whole index in order instead, to save sorting what it thinks are millions of rows (25 s for a
    // page of 200 reports of a 100,000-report ledger, against 3 ms): each report's range is a LATERAL
    // subquery that is not flattened (OFFSET 0), which can only be read as one range per listed report.
    const from = (table: string, alias: string, join = "") =>
      this.d.backend === "postgres"
        ? `${this.d.listTable("j")} CROSS JOIN LATERAL (SELECT * FROM ${table} ${alias} WHERE ${ofListed(alias)} OFFSET 0) ${alias} ${join}`
        : `${this.d.listTable("j")} CROSS JOIN ${table} ${alias} ${join} WHERE ${ofListed(alias)}`;
    const of = (r: Row) => parts.get(num(r.report))!;
    // The kinds of rows asked for, all in one round trip (each a key range per report) for a page's few
    // reports; for many (an export's), one kind after the other, so that one kind's raw rows are held at a time.
    const entityIds = !!only?.includes("entityIds") && !want("entities");
    const claimIds = !!only?.includes("claimIds") && !want("claims");
    const qs: { sql: string; params: readonly unknown[] }[] = [];
    const ask = (yes: boolean, sql: string) => (yes ? qs.push({ sql, params: [ids] }) - 1 : -1);
    const xn = entityName(this.d, "x");
    const qEntities = ask(want("entities"), `SELECT x.id, x.report, x.fused, x.type, ${xn.name}, x.aliases, x.mentions FROM ${from("entities", "x", xn.join)} ORDER BY x.id`);
    const qClaims = ask(want("claims"), `SELECT ${ccols(this.d)} FROM ${from("claims", "c", CJOIN)} ORDER BY c.id`);
    const qEntityIds = ask(entityIds, `SELECT x.id, x.report, x.fused, x.type FROM ${from("entities", "x")} ORDER BY x.id`);
    const qClaimIds = ask(claimIds, `SELECT x.id, x.report, x.cid FROM ${from("claims", "x")} ORDER BY x.id`);
    const qTimes = ask(want("times"), `SELECT x.* FROM ${from("times", "x")} ORDER BY x.id`);
    const qCounts = ask(want("counts"), `SELECT x.* FROM ${from("counts", "x")} ORDER BY x.id`);
    const qUnknowns = ask(want("unknowns"), `SELECT x.* FROM ${from("unknowns", "x")} ORDER BY x.id`);
    const qEvents = ask(want("events"), `SELECT x.* FROM ${from("events", "x")} ORDER BY x.id`);
    const got = reports.length <= BATCH_REPORTS ? await batch(this.c, qs) : [];
    const rowsOf = (i: number): Row[] | Promise<Row[]> => (i < 0 ? [] : reports.length <= BATCH_REPORTS ? got[i]! : this.c.all<Row>(qs[i]!.sql, qs[i]!.params));
    for (const r of await rowsOf(qEntities)) {
      const p = of(r);
      p.entities.push({
        id: num(r.id), report: num(r.report), seq: num(r.id) % SPAN, fused: num(r.fused), type: entityType.word(r.type), name: String(r.name),
        aliases: json<string[]>(r.aliases, []), mentions: mentions(r.mentions, [String(r.name), ...json<string[]>(r.aliases, [])]),
      });
    }
    for (const r of await rowsOf(qClaims)) {
      const p = of(r);
      p.claims.push(claimRow(r, p.report));
    }
    if (entityIds)
      for (const r of await rowsOf(qEntityIds)) {
        of(r).entities.push({ id: num(r.id), report: num(r.report), seq: num(r.id) % SPAN, fused: num(r.fused), type: entityType.word(r.type), name: "", aliases: [], mentions: [] });
      }
    if (claimIds)
      for (const r of await rowsOf(qClaimIds)) {
        const p = of(r);
        p.claims.push({ id: num(r.id), report: num(r.report), seq: num(r.id) % SPAN, uid: claimUid(p.report.uid, cidRead(r.cid)) } as ClaimRow);
      }
    for (const r of await rowsOf(qTimes)) {
      const p = of(r);
      const start = num(r.start), end = num(r.stop);
      p.times.push({
        id: num(r.id), report: num(r.report), seq: num(r.id) % SPAN, start, end, text: slice(p.report.text, start, end, r.text),
        value: String(r.value), type: wordRead(TIMEX_TYPES, r.type) as TimeRow["type"], mod: str(r.mod), timeline: numOrNull(r.claim),
      });
    }
    for (const r of await rowsOf(qCounts)) {
      const p = of(r);
      const start = num(r.start), end = num(r.stop);
      p.counts.push({
        id: num(r.id), report: num(r.report), seq: num(r.id) % SPAN, start, end, text: slice(p.report.text, start, end, r.text),
        kind: r.kind as CountRow["kind"], value: num(r.value), approx: r.approx as CountRow["approx"], claim: numOrNull(r.claim),
      });
    }
    for (const r of await rowsOf(qUnknowns)) {
      const p = of(r);
      const start = num(r.start), end = num(r.stop);
      p.unknowns.push({ id: num(r.id), report: num(r.report), seq: num(r.id) % SPAN, start, end, text: slice(p.report.text, start, end, r.text), claim: numOrNull(r.claim) } satisfies UnknownRow);
    }
    for (const r of await rowsOf(qEvents)) {
      of(r).events.push({
        id: num(r.id), report: num(r.report), seq: num(r.id) % SPAN, type: wordRead(EVENT_TYPES, r.type), claims: claimEntities(r.claims), actors: claimEntities(r.actors),
        locations: claimEntities(r.locations), time: str(r.time),
      } satisfies EventRow);
    }
    return reports.map((r) => parts.get(r.id)!);
  }

  async findByHash(hash: string): Promise<Stored | undefined> {
    const r = await this.c.get<Row>("SELECT id, uid, version FROM reports WHERE hash = ?", [hashBytes(hash)]);
    return r && { id: num(r.id), uid: String(r.uid), version: num(r.version) };
  }

  async currentByIdentity(identity: string): Promise<(Stored & { text: string; url: string | null; title: string | null }) | undefined> {
    // Both forms of the id in one query (each query is a round trip to a database server).
    const uids = [reportUid(identity), reportUid(identity, true)];
    return currentOf(await this.c.all<Row>(IDENTITY_SQL, uids), identity, uids);
  }

  async claimCount(report: number): Promise<number> {
    return num((await this.c.get<Row>("SELECT count(*) AS n FROM claims WHERE id >= ? AND id < ?", [...range(report)]))!.n);
  }

  async claimCounts(reports: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!reports.length) return out;
    // One query for a page of reports. A report's claims are the keys report * SPAN + 0, 1, … n - 1: the
    // highest key tells how many (one seek, where counting would read every claim row).
    for (const r of await this.c.all<Row>(
      `SELECT j.value AS report, (SELECT max(c.id) FROM claims c WHERE c.id >= j.value * ${SPAN} AND c.id < (j.value + 1) * ${SPAN}) AS top FROM ${this.d.listTable("j")}`,
      [this.d.list(reports)],
    ))
      out.set(num(r.report), r.top === null || r.top === undefined ? 0 : num(r.top) - num(r.report) * SPAN + 1);
    return out;
  }

  // ------------------------------------------------------------------ claims

  /** Whole claim rows for rows read with only some columns (claimSet's, or ids), in the same order, with their keys' columns. */
  private async whole(rows: Row[]): Promise<Row[]> {
    if (!rows.length) return rows;
    // (with the texts of their reports not kept yet, which are read next: one round trip)
    const unread = [...new Set(rows.map((r) => Math.floor(num(r.id) / SPAN)))].filter((id) => !this.textCache.has(id));
    const [claims, bodies] = await batch(this.c, [
      { sql: `SELECT ${ccols(this.d)} FROM claims c ${CJOIN} WHERE ${this.d.inList("c.id")}`, params: [this.d.list(rows.map((r) => num(r.id)))] },
      ...(unread.length && unread.length <= 500 ? [{ sql: this.textsSql, params: [this.d.list(unread)] }] : []),
    ]);
    if (bodies) this.keepTexts(bodies, new Map());
    const got = new Map(claims!.map((r) => [num(r.id), r]));
    return rows.map((r) => ({ ...got.get(num(r.id))!, r_ms: r.r_ms, r_uid: r.r_uid, r_outlet: r.r_outlet, r_lang: r.r_lang }));
  }

  private async withReports(rows: Row[]): Promise<ClaimRow[]> {
    const texts = await this.texts(rows.map((r) => num(r.report)));
    return rows.map((r) => claimRow(r, texts.get(num(r.report))!));
  }

  /**
   * The claims a filter selects, as SQL (from, where, params) when SQL alone decides; with an entity or
   * words, as the rows themselves, filtered here (`rows`, in publication order).
   */
  private async claimSet(
    f: ClaimFilter,
    keysOnly = false,
    cap?: number,
    asSql = false,
  ): Promise<{ from: string; where: string[]; params: unknown[]; rows?: Row[]; more?: boolean; id?: string }> {
    const where: string[] = ["r.current = 1"];
    const params: unknown[] = [];
    if (f.report !== undefined) {
      where.push("r.id = ?");
      params.push(f.report);
    }
    // Words and a status, where the index of words keeps the status (claimsMatchingStatus): both asked of
    // that index, for SQL that orders and cuts the page (no claim row read but the page's).
    const codes = f.status?.length ? [...new Set(f.status.map(status.code))] : [];
    const wordsStatus =
      asSql && !!codes.length && !!f.words?.length && !f.fused && !f.sourceFused && !f.statusOf?.size && !!this.ft.claimsMatchingStatus && this.ft.unindexedFrom === undefined;
    // Words and a status on SQLite: the status asked of the small indexes of the claims of each status by
    // id (schema 14), for each claim the words find, rather than of its row (a common word with a common
    // status read ten thousand claim rows for a page).
    const sqliteStatus = this.d.backend === "sqlite" && !!codes.length && !!f.words?.length && !wordsStatus && !f.statusOf?.size && codes.every((c) => Number.isInteger(c));
    // … asked of the index of words itself where it keeps each claim's status among its words (schema 22,
    // once re-indexed): the words and statuses one query of it.
    const tagged = sqliteStatus ? this.ft.queryWithStatus?.(f.words!, codes) : undefined;
    const tagStatus = tagged !== undefined && (await this.statusInWords());
    const idStatus = sqliteStatus && !tagStatus;
    if (f.status?.length && !wordsStatus && !idStatus && !tagStatus) {
      const rare = statusIs(this.d, f, codes);
      if (rare) where.push(rare);
      else {
        where.push(this.d.inList(statusExpr(f)));
        params.push(this.d.list(codes));
      }
    }
    // A claim whose source an editor corrected is matched by its corrected source, never by the extracted one.
    const moved = f.sourceOf?.size ? [...f.sourceOf] : [];
    const idIn = (ids: number[]) => {
      if (!ids.length) return "1 = 0";
      params.push(this.d.list(ids));
      return this.d.inList("c.id");
    };
    if (f.ownVoice) {
      if (!moved.length) where.push("c.source IS NULL");
      else {
        const to = moved.filter(([, s]) => s === null).map(([id]) => id);
        const notMoved = `NOT ${idIn(moved.map(([id]) => id))}`;
        where.push(`((c.source IS NULL AND ${notMoved}) OR ${idIn(to)})`);
      }
    }
    if (f.sourceName !== undefined) {
      const want = fold(f.sourceName);
      if (!moved.length) {
        where.push("c.source IN (SELECT id FROM sources WHERE folded = ?)");
        params.push(want);
      } else {
        params.push(want);
        const notMoved = `NOT ${idIn(moved.map(([id]) => id))}`;
        const to = moved.filter(([, s]) => s !== null && fold(s) === want).map(([id]) => id);
        where.push(`((c.source IN (SELECT id FROM sources WHERE folded = ?) AND ${notMoved}) OR ${idIn(to)})`);
      }
    }
    if (f.outlet !== undefined) {
      where.push("r.source = ?");
      params.push(f.outlet);
    }
    if (f.language !== undefined) {
      where.push("r.language = ?");
      params.push(f.language);
    }
    if (f.sinceMs !== undefined) {
      where.push("r.published_ms >= ?");
      params.push(f.sinceMs);
    }
    if (f.untilMs !== undefined) {
      where.push("r.published_ms <= ?");
      params.push(f.untilMs);
    }
    // Claims naming an entity, or with it as their source, or with all the words: they drive, from their
    // index (claim_entities; the claims' words), and each finds its report; the rows come back whole
    // (a few thousand at most per entity on a large ledger), in publication order.
    if (f.fused || f.sourceFused || f.words?.length) {
      // (the first index read drives; the others are conditions on its claims)
      const drive: string[] = [];
      const driveParams: unknown[] = [];
      const cond: string[] = [];
      const condParams: unknown[] = [];
      let id = "";
      const add = (sub: string, subParams: unknown[], alias: string, col: string) => {
        if (!id) {
          drive.push(`(${sub}) ${alias}`);
          driveParams.push(...subParams);
          id = `${alias}.${col}`;
        } else {
          cond.push(`${id} IN (SELECT ${col} FROM (${sub}) ${alias})`);
          condParams.push(...subParams);
        }
      };
      if (f.fused) {
        if (!f.fused.length) return { from: "", where, params, rows: [] };
        // (an entity an editor merged is several fused entities: a claim naming two of them is one claim)
        // (counted in part, an entity alone: the first of its claims in publication order, its index's, read in
        // order and no further, each then joined to its claim and report. Without it PostgreSQL read all of
        // a common entity's forty thousand rows, or split them among workers that each read more than their
        // share, and counted whichever came first, in the order they lay in its table.)
        const first = cap !== undefined && f.fused.length === 1 && !f.sourceFused && !f.words?.length && where.length === 1 ? ` ORDER BY ms, claim LIMIT ${Math.floor(cap) + 1}` : "";
        if (f.fused.length === 1) add(`SELECT claim, ms, role & 1 AS nm, role & 2 AS sr FROM claim_entities WHERE fused = ?${first}`, [f.fused[0]], "ce", "claim");
        else add(`SELECT claim, max(role & 1) AS nm, max(role & 2) AS sr FROM claim_entities WHERE ${this.d.inList("fused")} GROUP BY claim`, [this.d.list(f.fused)], "ce", "claim");
      }
      if (f.sourceFused) {
        if (!f.sourceFused.length) return { from: "", where, params, rows: [] };
        add(`SELECT DISTINCT claim FROM claim_entities WHERE ${this.d.inList("fused")} AND role >= 2`, [this.d.list(f.sourceFused)], "cs", "claim");
      }
      if (f.words?.length) {
        // (and the claims the index leaves out that have the words, found through their reports' entries)
        let extra = await this.unindexedWith(f.words);
        // (of those, the statuses asked for: from their rows, a report's thousandth claim and later, almost never any)
        if (tagStatus && extra.length)
          extra = (await this.c.all<Row>(`SELECT id FROM claims WHERE ${this.d.inList("id")} AND ${this.d.inList("status")}`, [this.d.list(extra), this.d.list(codes)])).map((x) => num(x.id));
        const q = tagStatus ? tagged : this.ft.query(f.words);
        if (wordsStatus) add(this.ft.claimsMatchingStatus!, [q, this.d.list(codes)], "cw", "id");
        else if (extra.length) add(`${this.ft.claimsMatching} UNION SELECT value FROM ${this.d.listTable("x")}`, [q, this.d.list(extra)], "cw", "id");
        else add(this.ft.claimsMatching, [q], "cw", "id");
      }
      if (idStatus) cond.push(`(${codes.map((c) => statusOfId(id, c)).join(" OR ")})`);
      const named = !!f.fused;
      // Only what orders the claims and finds their report, unless a condition or the order is on the
      // claims' own columns: each claim row read costs as much again (an entity named in ten thousand).
      // (Each report found from its claim's key: reports_keys then has all that is read of it.)
      const claimCols = !keysOnly || (!!f.status?.length && !wordsStatus && !idStatus && !tagStatus) || f.sourceName !== undefined || !!f.ownVoice;
      const from = `${drive.join(" CROSS JOIN ")}${claimCols ? " CROSS JOIN claims c" : ""} CROSS JOIN reports r${claimCols ? ` ${CJOIN}` : ""}`;
      const all = [...cond, ...(claimCols ? [`c.id = ${id}`, `r.id = c.id / ${SPAN}`] : [`r.id = ${id} / ${SPAN}`]), ...where];
      // Words alone (no entity, whose rows are filtered here): as SQL, for a page ordered and cut by the
      // database (a common word is in tens of thousands of claims: none of them is read but the page's).
      // (without the sources' names, which no condition reads: a rare status is then answered by its index alone)
      if (asSql && !f.fused && !f.sourceFused)
        return { from: from.replace(` ${CJOIN}`, ""), where: all, params: [...driveParams, ...condParams, ...params], id: claimCols ? "c.id" : id };
      // (counted in part, an entity with other conditions: the first of its claims that meet them in publication order)
      const capOrder = cap !== undefined && f.fused?.length === 1 ? " ORDER BY ce.ms, ce.claim" : "";
      const got = await this.c.all<Row>(
        `SELECT ${claimCols ? `c.id, c.report, c.status, ${claimColumns(this.d, "c", ["source_entity"])}, s.name AS source_name` : `${id} AS id, r.id AS report`}, r.published_ms AS r_ms, r.uid AS r_uid, r.source AS r_outlet, r.language AS r_lang${named ? ", ce.nm, ce.sr" : ""}
         FROM ${from}
         WHERE ${all.join(" AND ")}${cap === undefined ? "" : `${capOrder} LIMIT ${Math.floor(cap) + 1}`}`,
        [...driveParams, ...condParams, ...params],
      );
      const more = cap !== undefined && got.length > cap;
      const rows = (more ? got.slice(0, cap) : got)
        .map(unpackClaim)
        .filter((r) => {
          // (a source an editor renamed is no longer the entity the extraction linked)
          if (f.sourceFused && f.sourceOf?.has(num(r.id))) return false;
          return !named || inRole(f, r);
        })
        .sort(publicationOrder);
      return { from: "", where, params, rows, more };
    }
    // Reports drive (in publication order, from their index), each one's claims a key range. (With a
    // source's name the claims drive, from the sources' index: then also said as an equality, so that
    // PostgreSQL joins each claim to its report rather than trying every report for every claim: 2.2 s
    // for a source's count. Not otherwise: it would then join all claims to all reports before a page.
    // The report found from the claim's key, not its row: the sources' index and reports_keys then hold
    // all that orders and filters the claims, and no claim's row is read but the page's.)
    // (So too when the filter asks for rare statuses that few claims have, on PostgreSQL: then their index,
    // claims_status, can drive, each claim finding its report. Report-driven, a confirmed claim of one outlet
    // took reading every report of it: 45,000 buffers for a page, against 1,300 the other way.)
    const claimsDrive = f.sourceName !== undefined || (await this.fewOfStatus(f, codes));
    where.push(`c.id >= r.id * ${SPAN} AND c.id < (r.id + 1) * ${SPAN}${claimsDrive ? ` AND r.id = c.id / ${SPAN}` : ""}`);
    return { from: `reports r CROSS JOIN claims c ${CJOIN}`, where, params };
  }

  /**
   * The filter asks for rare statuses only (claims_status indexes them), and reading all the claims of
   * those statuses costs less than walking the reports for a page. The n claims of the statuses cost a
   * few index reads each; of the R reports the walk goes through (those of the filter's outlet and
   * language), a page of `want` of the k claims the whole filter selects walks about want * R / k (as in
   * sourceWalk): the claims drive when n * k <= 2 * want * R. (k from the facet
   * counters when they can count the filter, else n: its own voice or an outlet with a rare status can
   * select a hundred claims of five thousand, and a page would walk half of the reports.) PostgreSQL:
   * SQLite's planner takes its own way.
   */
  private async fewOfStatus(f: ClaimFilter, codes: readonly number[]): Promise<boolean> {
    if (this.d.backend !== "postgres" || !statusIs(this.d, f, codes)) return false;
    const counted = this.counters(f);
    // (the walk goes through the reports of the filter's outlet and language only: R is theirs, about the
    // ledger's reports times their share of its claims)
    const walked = this.counters({ limit: 0, offset: 0, ...(f.outlet !== undefined && { outlet: f.outlet }), ...(f.language !== undefined && { language: f.language }) })!;
    // (one read of the counters for the four sums: those without a source from claim_totals' few rows)
    const cond = (where: string) => where.replace(/^WHERE /, "") || "1 = 1";
    const x = await this.c.get<Row>(
      `SELECT coalesce(sum(cf.n) FILTER (WHERE ${this.d.inList("cf.status")}), 0) AS n,
              ${counted ? (counted.table === "claim_totals" ? `coalesce(sum(cf.n) FILTER (WHERE ${cond(counted.where)}), 0)` : `(SELECT coalesce(sum(cf.n), 0) FROM ${counted.table} cf ${counted.where})`) : "NULL"} AS k,
              coalesce(sum(cf.n) FILTER (WHERE ${cond(walked.where)}), 0) AS w, coalesce(sum(cf.n), 0) AS t,
              (SELECT coalesce(max(id), 0) FROM reports) AS r
       FROM claim_totals cf`,
      [this.d.list([...codes]), ...(counted?.params ?? []), ...walked.params],
    );
    const n = num(x?.n ?? 0), k = x?.k === null || x?.k === undefined ? n : num(x.k);
    const reports = (num(x?.r ?? 0) * num(x?.w ?? 0)) / Math.max(num(x?.t ?? 0), 1);
    return n * k <= 2 * (Math.max(f.limit, 1) + 1) * reports;
  }

  /**
   * Whether the index of claims' words holds every claim's status among its words (SQLite, schema 22): not
   * while it is being made again (fusion_state 'claim-words').
   */
  private async statusInWords(): Promise<boolean> {
    return !(await this.c.get<Row>("SELECT 1 AS x FROM fusion_state WHERE kind = 'claim-words'"));
  }

  /** Claims past the index of claims' words (FullText.unindexedFrom) with all the words: ids. */
  private async unindexedWith(words: readonly string[]): Promise<number[]> {
    const from = this.ft.unindexedFrom;
    if (from === undefined || !this.ft.reportRowMatching) return [];
    // (almost always there are none: reports_long says so at once, where the words' rows of every report would be read)
    if (!(await this.c.get<Row>(`SELECT 1 AS x FROM reports WHERE claims > ${from} LIMIT 1`))) return [];
    // (their words are in their report's own row: it has them all)
    const rows = await this.c.all<Row>(
      `SELECT c.id, c.report, c.start, c.stop, c.text FROM reports r CROSS JOIN claims c WHERE r.id IN (${this.ft.reportRowMatching}) AND c.id >= r.id * ${SPAN} + ${from} AND c.id < (r.id + 1) * ${SPAN}`,
      [this.ft.query(words)],
    );
    if (!rows.length) return [];
    const ws = words.map(fold);
    const texts = await this.texts(rows.map((r) => num(r.report)));
    return rows
      .filter((r) => {
        const own = fold(slice(texts.get(num(r.report))!.text, num(r.start), num(r.stop), r.text)).split(/[^\p{L}\p{N}]+/u);
        return ws.every((w) => own.some((x) => x.startsWith(w)));
      })
      .map((r) => num(r.id));
  }

  /**
   * Words alone, or words and extracted statuses, where the index of claims' words holds the current claims
   * only (FullText.unindexClaims): the claims selected are the index's rows that the words (and statuses)
   * find, with nothing to ask of their reports. `sql` lists their ids; `cond` says the same of a row `x` of
   * the index (for a walk through the reports); both take `params`. Undefined for any other filter.
   */
  private wordsOnly(f: ClaimFilter): { sql: string; cond: string; params: unknown[] } | undefined {
    if (!this.ft.unindexClaims || !this.ft.claimHasWords || !f.words?.length) return undefined;
    if (f.fused || f.sourceFused || f.sourceName !== undefined || f.ownVoice || f.outlet !== undefined || f.language !== undefined) return undefined;
    if (f.sinceMs !== undefined || f.untilMs !== undefined || f.report !== undefined) return undefined;
    const q = this.ft.query(f.words);
    if (!f.status?.length) return { sql: this.ft.claimsMatching, cond: this.ft.claimHasWords, params: [q] };
    // (a status an editor corrected is not the one the index keeps)
    if (f.statusOf?.size || !this.ft.claimsMatchingStatus) return undefined;
    const codes = [...new Set(f.status.map(status.code))];
    return { sql: this.ft.claimsMatchingStatus, cond: `${this.ft.claimHasWords} AND x.status = ANY(?)`, params: [q, this.d.list(codes)] };
  }

  /** The highest report id (the ledger's size, for how far a walk through its reports goes). */
  private async maxReport(): Promise<number> {
    return num((await this.c.get<Row>("SELECT coalesce(max(id), 0) AS n FROM reports"))?.n ?? 0);
  }

  /**
   * A page of the claims of some words (wordsOnly) in publication order, found among the current reports
   * walked in that order from the cursor, rather than by reading every claim the words find and sorting
   * them (a common word's ten thousand claims each on a page of its own, and their reports). `k`: how many
   * claims the words find; `how`: whether k is their count, an estimate from the first of them (the first
   * page of a word found more often than counted), or only that there are at least k (a later page of
   * one). The walk goes about three times as far as a page of k claims should take. A page it does not fill
   * is undefined, read the other way (the words of one week of a long ledger, read from its other end).
   *
   * Reports are mostly written in the order they were published, so the reports walked have ids in a
   * narrow span: then the claims of the words in that span of keys are asked of the index of words and of
   * the claims' keys together (each index read once, a page of rows for each claim found), and only those
   * of the walked reports kept. Where the walked reports' ids are spread over the ledger (written in
   * another order), each report's claims are read in turn and their words tested (a few pages read for
   * every report walked: four thousand reports, 17,000 pages, for a word found a thousand times).
   */
  private async wordsWalk(
    w: { cond: string; params: unknown[] },
    k: number,
    how: "exact" | "estimate" | "atLeast",
    at: ClaimKey | null,
    tailDesc: boolean,
    want: number,
  ): Promise<Row[] | undefined> {
    if (k < want) return undefined;
    const reports = await this.maxReport();
    const B = this.d.binary;
    const op = tailDesc ? "<" : ">";
    const D = tailDesc ? " DESC" : "";
    const after = at ? ` AND r.published_ms ${op}= ? AND (r.published_ms ${op} ? OR r.uid${B} ${op} ? OR (r.uid = ? AND cw.id ${op} ?))` : "";
    const atParams = at ? [at.ms] : [];
    const afterParams = at ? [at.ms, at.ms, at.uid, at.uid, at.id] : [];
    const walked = (n: number) =>
      `SELECT r.id, r.published_ms, r.uid, r.source, r.claims FROM reports r WHERE r.current = 1${at ? ` AND r.published_ms ${op}= ?` : ""} ORDER BY r.published_ms${D}, r.uid${B}${D} LIMIT ${n}`;
    const order = `ORDER BY r.published_ms${D}, r.uid${B}${D}, cw.id${D} LIMIT ?`;
    const far = (n: number) => Math.ceil((3 * want * reports) / n) + 16;
    // Each walked report's claims read in turn, their words tested: a few pages read a report, but the walk
    // stops when the page is full, which for a word found ten thousand times is a few hundred reports.
    const oneByOne = async (walk: number) => {
      // (the claims of each report in a subquery of their own, fenced (OFFSET 0), so that PostgreSQL reads each
      // report's key range and tests its words there, never the index of words once per report)
      const rows = await this.c.all<Row>(
        `SELECT cw.id AS id, r.published_ms AS r_ms, r.uid AS r_uid, r.source AS r_outlet
         FROM (${walked(walk)}) r
         CROSS JOIN LATERAL (SELECT x.id FROM (SELECT id, search, status FROM claims_search WHERE id >= r.id * ${SPAN} AND id < (r.id + 1) * ${SPAN} OFFSET 0) x
                             WHERE ${w.cond}) cw
         WHERE 1 = 1${after} ${order}`,
        [...atParams, ...w.params, ...afterParams, want],
      );
      return rows.length === want ? rows : undefined;
    };
    if (how !== "atLeast" && k >= COMMON_WORDS) return oneByOne(far(how === "estimate" ? k / 3 : k));
    // (at least k: first as far as for ten times as many, which most common words are, then as for k)
    let spanned = false;
    for (const n of how === "atLeast" ? [far(10 * k), far(k)] : [far(k)]) {
      // (each claim of the span is a bit of the keys' read, a hundred and fifty of them costing about what
      // one claim of the words read the other way does, with its report: with k counted, the cheaper way)
      if (how === "exact" && n * 12 > 150 * k) break;
      const span = await this.c.get<Row>(
        `SELECT min(id) AS lo, max(id) AS hi, count(*) AS n, coalesce(sum(claims), 0) AS claims, ${tailDesc ? "min" : "max"}(published_ms) AS edge FROM (${walked(n)}) r`,
        atParams,
      );
      const got = num(span?.n ?? 0);
      if (!got) return undefined;
      const lo = num(span!.lo), hi = num(span!.hi);
      if (hi - lo + 1 > 4 * got || (how === "exact" && num(span!.claims) > 150 * k)) break;
      spanned = true;
      // (the span's keys are found in the claims' keys' block ranges, schema 23: the key's own leaf pages, a
      // page for every few hundred claims of the span, were most of what a page of a rare word read)
      const all = got < n;
      // A word with fewer claims than one for every SPARSE_WORDS reports: the claims of the words in the span's keys, each
      // then finding its report (a few index pages), kept if the report is among the walked: every report
      // published before the last walked one's time is (that time's own may go on past the walk), and with a
      // walk that reached the last report, every one. The walked reports hashed and joined to them cost their
      // whole walk again, thirteen thousand reports for a word found a thousand times at 100,000 reports;
      // a commoner word's walk is shorter and finds more claims, each looked up: then hashed.
      // (both subqueries fenced: PostgreSQL would otherwise join the span's claims to every current report)
      const sparse = k * SPARSE_WORDS.ratio < reports;
      const rows = sparse
        ? await this.c.all<Row>(
            `SELECT cw.id AS id, r.published_ms AS r_ms, r.uid AS r_uid, r.source AS r_outlet
             FROM (SELECT x.id FROM claims_search x WHERE ${w.cond} AND x.id >= ? AND x.id < ? OFFSET 0) cw
             CROSS JOIN LATERAL (SELECT r.published_ms, r.uid, r.source FROM reports r WHERE r.id = cw.id / ${SPAN} AND r.current = 1 OFFSET 0) r
             WHERE ${all ? "1 = 1" : `r.published_ms ${tailDesc ? ">" : "<"} ?`}${after} ${order}`,
            [...w.params, lo * SPAN, (hi + 1) * SPAN, ...(all ? [] : [num(span!.edge)]), ...afterParams, want],
          )
        : await this.c.all<Row>(
            `SELECT cw.id AS id, r.published_ms AS r_ms, r.uid AS r_uid, r.source AS r_outlet
             FROM (${walked(n)}) r CROSS JOIN (SELECT x.id FROM claims_search x WHERE ${w.cond} AND x.id >= ? AND x.id < ?) cw
             WHERE r.id = cw.id / ${SPAN}${after} ${order}`,
            [...atParams, ...w.params, lo * SPAN, (hi + 1) * SPAN, ...afterParams, want],
          );
      // (a walk that reached the last report has found them all)
      if (rows.length === want || all) return rows;
    }
    if (spanned) return undefined;
    // (the walked reports' ids spread over the ledger, or a walk too long for k counted claims. A count that stopped at WORDS_COUNTED says only that there are at least k: the walk
    // then goes as far as it would for the fewest claims it is ever tried for, those whose walk is as long
    // as they are many. With more of them, the page is found sooner: the walk stops when it is full.)
    const atLeast = how !== "exact";
    const few = how === "estimate" ? WORDS_COUNTED.cap : k;
    const most = Math.ceil(Math.sqrt(3 * want * reports)) + 16;
    const walk = atLeast ? Math.min(far(few), most) : far(few);
    if (walk > few && !atLeast) return undefined;
    return oneByOne(walk);
  }

  async searchClaims(f: ClaimFilter): Promise<{ total: number; items: ClaimRow[] }> {
    const by = f.sort?.by ?? "published";
    const set = await this.claimSet(f, by === "published" || by === "outlet");
    const desc = !!f.sort?.desc;
    if (set.rows) {
      const rows = set.rows;
      if (by !== "published" || desc) {
        // Rows arrive in publication order; a stable sort keeps it as the tie-break.
        const key = (r: Row): string | number | null =>
          by === "status" ? rowStatus(f, r) : by === "source" ? rowSource(f, r) : by === "outlet" ? str(r.r_outlet) : num(r.r_ms);
        const cmp = (a: Row, b: Row) => {
          const x = key(a), y = key(b);
          const c = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
          return desc ? -c : c;
        };
        rows.sort(cmp);
      }
      return { total: rows.length, items: await this.withReports(await this.whole(rows.slice(f.offset, f.offset + f.limit))) };
    }
    const { from, where, params } = set;
    const total = await this.totalOf(f, set);
    const dir = desc ? " DESC" : "";
    // Empty values first in either direction on both backends (PostgreSQL puts NULLs last by default).
    const col = (c: string) => `CASE WHEN ${c} IS NULL THEN 0 ELSE 1 END${dir}, ${c}${dir}, `;
    const sourceCol = sourceExpr(f);
    const head = by === "status" ? `${statusExpr(f)}${dir}, ` : by === "source" ? col(sourceCol.sql) : by === "outlet" ? col("r.source") : "";
    const order = by === "published" ? `ORDER BY r.published_ms${dir}, r.uid${this.d.binary}${dir}, c.id${dir}` : `ORDER BY ${head}r.published_ms, r.uid${this.d.binary}, c.id`;
    // (the source expression appears twice in `col`)
    const orderParams = by === "source" ? [...sourceCol.params, ...sourceCol.params] : [];
    const rest = by === "published" && f.offset > 0 ? this.onReports(f, set) : undefined;
    if (rest) {
      // Filtered on reports alone, in publication order: the rows skipped are skipped a report at a time, by
      // their count (reports.claims, in the index of current reports), and the page read from the report
      // where it starts (an offset of 9,000 claims read 9,000 claims to skip them).
      const B = this.d.binary;
      const op = desc ? "<" : ">";
      let skip = f.offset;
      let at: Row | undefined;
      for (let last: Row | undefined; ; ) {
        const chunk = await this.c.all<Row>(
          `SELECT r.published_ms AS ms, r.uid, r.claims FROM reports r WHERE ${[...rest, ...(last ? [`(r.published_ms ${op} ? OR (r.published_ms = ? AND r.uid${B} ${op} ?))`] : [])].join(" AND ")}
           ORDER BY r.published_ms${dir}, r.uid${B}${dir} LIMIT 500`,
          [...params, ...(last ? [last.ms, last.ms, last.uid] : [])],
        );
        for (const r of chunk) {
          if (skip < num(r.claims)) {
            at = r;
            break;
          }
          skip -= num(r.claims);
        }
        if (at || chunk.length < 500) break;
        last = chunk[chunk.length - 1];
      }
      if (!at) return { total, items: [] };
      const ids = await this.c.all<Row>(
        `SELECT c.id FROM ${from} WHERE ${[...where, `(r.published_ms ${op} ? OR (r.published_ms = ? AND r.uid${B} ${op}= ?))`].join(" AND ")} ${order} LIMIT ? OFFSET ?`,
        [...params, at.ms, at.ms, at.uid, f.limit, skip],
      );
      return { total, items: await this.withReports(await this.whole(ids)) };
    }
    if (f.offset < DEEP) {
      const rows = await this.c.all<Row>(`SELECT ${ccols(this.d)} FROM ${from} WHERE ${where.join(" AND ")} ${order} LIMIT ? OFFSET ?`, [...params, ...orderParams, f.limit, f.offset]);
      return { total, items: await this.withReports(rows) };
    }
    // A deep page: the rows skipped are stepped over with their ids alone (whole rows cost three times as
    // much each), and then the page's rows read whole.
    const ids = await this.c.all<Row>(`SELECT c.id FROM ${from} WHERE ${where.join(" AND ")} ${order} LIMIT ? OFFSET ?`, [...params, ...orderParams, f.limit, f.offset]);
    return { total, items: await this.withReports(await this.whole(ids)) };
  }

  /** A filter's conditions when they are all on reports (days, an outlet, a language): the set's, without the join to claims. */
  private onReports(f: ClaimFilter, set: { where: string[] }): string[] | undefined {
    if (f.status?.length || f.statusOf?.size || f.report !== undefined || f.ownVoice || f.sourceName !== undefined || f.fused || f.sourceFused || f.words?.length) return undefined;
    const rest = set.where.filter((w) => !w.startsWith("c.id >= r.id *"));
    return rest.length === set.where.length - 1 && rest.every((w) => !/\bc\./.test(w)) ? rest : undefined;
  }

  private async totalOf(f: ClaimFilter, set: { from: string; where: string[]; params: unknown[] }): Promise<number> {
    const counted = this.counters(f);
    if (counted) return num((await this.c.get<Row>(`SELECT coalesce(sum(cf.n), 0) AS n FROM ${counted.table} cf ${counted.where}`, counted.params))!.n);
    // With no filter but statuses, the propositions' counters hold the total (they count current claims).
    const onlyStatus =
      !f.statusOf?.size &&
      f.report === undefined && !f.ownVoice && f.sourceName === undefined && f.outlet === undefined && f.language === undefined && f.sinceMs === undefined && f.untilMs === undefined;
    // With filters on reports alone (days, an outlet, a language), their claims are counted by report (reports.claims).
    const rest = onlyStatus ? undefined : this.onReports(f, set);
    if (rest) return num((await this.c.get<Row>(`SELECT coalesce(sum(r.claims), 0) AS n FROM reports r WHERE ${rest.join(" AND ")}`, set.params))!.n);
    return onlyStatus
      ? num(
          (await this.c.get<Row>(
            `SELECT coalesce(sum(n), 0) AS n FROM props${f.status?.length ? ` WHERE ${this.d.inList("status")}` : ""}`,
            f.status?.length ? [this.d.list(f.status.map(status.code))] : [],
          ))!.n,
        )
      : num((await this.c.get<Row>(`SELECT count(*) AS n FROM ${set.from} WHERE ${set.where.join(" AND ")}`, set.params))!.n);
  }

  async countClaims(f: ClaimFilter): Promise<number> {
    const one = await this.oneEntity(f);
    if (one) {
      // (counted in SQL, on the entity's range: not its claims read here)
      // (claim_entities holds current claims only: with no other condition, its range alone)
      const claimCols = !!f.status?.length || f.sourceName !== undefined || !!f.ownVoice;
      const reports = one.rest.length > 1 || one.rest[0] !== "r.current = 1";
      const from = claimCols ? one.from : reports ? "claim_entities ce CROSS JOIN reports r" : "claim_entities ce";
      if (!claimCols && !reports && this.d.backend === "postgres") {
        // (a role is 1, 2 or 3: the entity's range of the key, less its rows as a source that the role leaves
        // out, both counted in indexes (claim_entities_sourced, schema 18), never a table page read for a role)
        const all = "(SELECT count(*) FROM claim_entities WHERE fused = ?)";
        const less = f.entitiesNotSource ? "role <> 1" : f.entitiesNamedOnly ? "role = 2" : undefined;
        const sql = less ? `SELECT ${all} - (SELECT count(*) FROM claim_entities WHERE fused = ? AND ${less}) AS n` : `SELECT ${all} AS n`;
        return num((await this.c.get<Row>(sql, less ? [one.fused, one.fused] : [one.fused]))!.n);
      }
      const where = claimCols ? one.where : ["ce.fused = ?", one.role, ...(reports ? [`r.id = ce.claim / ${SPAN}`, ...one.rest] : [])];
      return num((await this.c.get<Row>(`SELECT count(*) AS n FROM ${from} WHERE ${where.join(" AND ")}`, [one.fused, ...one.params]))!.n);
    }
    // (the claims of some words: the index of words' own rows, none joined to its report)
    const words = this.wordsOnly(f);
    if (words) return num((await this.c.get<Row>(`SELECT count(*) AS n FROM (${words.sql}) x`, words.params))!.n);
    const set = await this.claimSet(f, true, undefined, true);
    if (set.id) return num((await this.c.get<Row>(`SELECT count(*) AS n FROM ${set.from} WHERE ${set.where.join(" AND ")}`, set.params))!.n);
    return set.rows ? set.rows.length : this.totalOf(f, set);
  }

  /**
   * The claims of one entity (not several an editor merged; without words or a source entity; no source an
   * editor corrected) as SQL driven by claim_entities' key (fused, ms, claim): the entity's claims in
   * publication order, the filter's other conditions on their claims and reports. Undefined otherwise.
   */
  private async oneEntity(f: ClaimFilter): Promise<{ from: string; where: string[]; fused: number; role: string; rest: string[]; params: unknown[] } | undefined> {
    if (f.fused?.length !== 1 || f.sourceFused || f.words?.length || f.sourceOf?.size) return undefined;
    const { fused: _f, entitiesNamedOnly: _n, entitiesNotSource: _s, ...others } = f;
    const set = await this.claimSet(others);
    if (set.rows || !/^c\.id >= r\.id \*/.test(set.where[set.where.length - 1] ?? "")) return undefined;
    // (the reports' conditions, without the key range that joins reports to their claims: here each claim finds its report)
    const rest = set.where.slice(0, -1);
    // A claim names the entity (role bit 1) or has it as its source (bit 2): role is 1, 2 or 3. Said as
    // comparisons of the whole value, which the planner estimates from its statistics (it took the bit tests
    // for one row in two hundred, and sorted an entity's eight thousand claims rather than read its first
    // fifty in order from claim_entities' key).
    const role = f.entitiesNotSource ? "ce.role = 1" : f.entitiesNamedOnly ? "ce.role <> 2" : "ce.role <> 0";
    return {
      from: `claim_entities ce CROSS JOIN claims c CROSS JOIN reports r ${CJOIN}`,
      where: ["ce.fused = ?", role, "c.id = ce.claim", `r.id = ce.claim / ${SPAN}`, ...rest],
      fused: f.fused[0]!,
      role,
      rest,
      params: set.params,
    };
  }

  /**
   * A page of one entity's claims in publication order (oneEntity), `want` rows after `at` (before it, with
   * `back`), in the page's reading direction. The key orders by time and claim; the order is time, report
   * stable id and claim: the claims at the page's edge times are read whole (a report's few) and put in order.
   */
  private async entityPage(f: ClaimFilter, at: ClaimKey | null, back: boolean, want: number): Promise<Row[] | undefined> {
    if ((f.sort?.by ?? "published") !== "published") return undefined;
    const one = await this.oneEntity(f);
    if (!one) return undefined;
    const down = !!f.sort?.desc !== back;
    const D = down ? " DESC" : "";
    const cols = `${ccols(this.d)}, r.published_ms AS r_ms, r.uid AS r_uid, r.source AS r_outlet`;
    const read = (cond: string, p: unknown[], limit?: number) =>
      this.c.all<Row>(
        `SELECT ${cols} FROM ${one.from} WHERE ${[...one.where, cond].join(" AND ")}${limit === undefined ? "" : ` ORDER BY ce.ms${D}, ce.claim${D} LIMIT ${Math.floor(limit)}`}`,
        [one.fused, ...one.params, ...p],
      );
    const cmp = (a: Row, b: Row) => {
      const c = num(a.r_ms) - num(b.r_ms) || (a.r_uid === b.r_uid ? num(a.id) - num(b.id) : String(a.r_uid) < String(b.r_uid) ? -1 : 1);
      return down ? -c : c;
    };
    const atRow: Row | undefined = at ? { r_ms: at.ms, r_uid: at.uid, id: at.id } : undefined;
    const got = new Map<number, Row>();
    const keep = (rows: Row[]) => {
      for (const r of rows) if (!atRow || cmp(r, atRow) > 0) got.set(num(r.id), r);
    };
    if (at) keep(await read("ce.ms = ?", [at.ms]));
    const main = await read(at ? `ce.ms ${down ? "<" : ">"} ?` : "1 = 1", at ? [at.ms] : [], want);
    keep(main);
    if (main.length === want) keep(await read("ce.ms = ?", [num(main[main.length - 1]!.r_ms)]));
    return [...got.values()].sort(cmp).slice(0, want);
  }

  /**
   * Keyset paging. The order is (sorted-by value, then publication time, report stable id, claim id); the
   * sorted-by value is read a segment at a time (a status; an outlet; no source, then the sources by
   * name), each segment in publication order from an index, so that a page reads about as many rows as
   * it shows, however deep it is. Reading backwards (`back`) reverses every direction and then the page.
   */
  async claimsPage(f: ClaimFilter, at: ClaimKey | null, back = false): Promise<ClaimPage> {
    const by = f.sort?.by ?? "published";
    const want = f.limit + 1;
    const paged = await this.entityPage(f, at, back, want);
    const set: { from: string; where: string[]; params: unknown[]; rows?: Row[]; id?: string } = paged
      ? { from: "", where: [], params: [] }
      : await this.claimSet(f, by === "published" || by === "outlet", undefined, by === "published");
    // Sources' names are read here only to sort by them: without their join PostgreSQL reads what orders and
    // filters a claim from an index alone (a rare status's claims from claims_status), where the join, though
    // dropped from the plan, still made it read each claim's row (a heap page a claim: 983 for a page of one).
    if (by !== "source" && set.from.endsWith(` ${CJOIN}`) && !set.where.some((w) => /\bs\./.test(w))) set.from = set.from.slice(0, -CJOIN.length - 1);
    // (the claim's id column: the words' index's own, when no claim row is joined)
    const cid = set.id ?? "c.id";
    const desc = !!f.sort?.desc;
    const keyOf = (r: Row): ClaimKey => ({
      seg: by === "status" ? rowStatus(f, r) : by === "outlet" ? str(r.r_outlet) : by === "source" ? rowSource(f, r) : null,
      ms: num(r.r_ms),
      uid: String(r.r_uid),
      id: num(r.id),
    });
    let rows: Row[] = [];
    let counted: number | undefined;
    let atLeast = false;
    let about: number | undefined;
    // Sorted by source while editors gave some claims another source: the sources' index orders the extracted
    // names, so the set is read whole and sorted here, by the corrected ones (only then, and only this set).
    const atHand =
      set.rows ??
      (by === "source" && f.sourceOf?.size
        ? await this.c.all<Row>(
            `SELECT ${ccols(this.d)}, r.published_ms AS r_ms, r.uid AS r_uid, r.source AS r_outlet FROM ${set.from} WHERE ${set.where.join(" AND ")}`,
            set.params,
          )
        : undefined);
    if (paged) rows = paged;
    else if (atHand) {
      // (an entity or words: the rows are at hand; the same order as SQL's, empty values first)
      const seg = (a: ClaimKey["seg"], b: ClaimKey["seg"]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
      const tail = (a: ClaimKey, b: ClaimKey) => a.ms - b.ms || (a.uid === b.uid ? a.id - b.id : a.uid < b.uid ? -1 : 1);
      const cmp = (a: ClaimKey, b: ClaimKey) => {
        if (by === "published") return desc ? -tail(a, b) : tail(a, b);
        const c = seg(a.seg, b.seg);
        return c ? (desc ? -c : c) : tail(a, b);
      };
      const keyed = atHand.map((r) => ({ r, k: keyOf(r) })).sort((x, y) => cmp(x.k, y.k));
      if (back) keyed.reverse();
      const i = at ? keyed.findIndex((x) => (back ? cmp(x.k, at) < 0 : cmp(x.k, at) > 0)) : 0;
      rows = i < 0 ? [] : keyed.slice(i, i + want).map((x) => x.r);
    } else {
      const B = this.d.binary;
      const segDesc = desc !== back;
      const tailDesc = (by === "published" && desc) !== back;
      const op = tailDesc ? "<" : ">";
      const D = tailDesc ? " DESC" : "";
      const order = `r.published_ms${D}, r.uid${B}${D}, ${cid}${D}`;
      const after = (k: ClaimKey) => ({
        sql: `r.published_ms ${op}= ? AND (r.published_ms ${op} ? OR r.uid${B} ${op} ? OR (r.uid = ? AND ${cid} ${op} ?))`,
        params: [k.ms, k.ms, k.uid, k.uid, k.id],
      });
      // Only what orders the rows (and their segment's value): the indexes hold it, and rows that are read
      // and sorted but not shown (a source's thousands) are never read whole; the page's rows are, after.
      // The first page of claims found by their words also counts them, in the same read: every match is
      // read to order them anyway, and counting them again apart read them all a second time.
      // (the claims of some words alone are counted apart, from the index of words: wordsWalk)
      const words = by === "published" && !!set.id ? this.wordsOnly(f) : undefined;
      const counting = by === "published" && !!set.id && at === null && !words;
      const cols = `${cid} AS id, r.published_ms AS r_ms, r.uid AS r_uid, r.source AS r_outlet${by === "status" ? ", c.status" : by === "source" ? ", s.name AS source_name" : ""}${counting ? ", count(*) OVER () AS n_total" : ""}`;
      // A source named in the filter, or sorting by source: from the sources, through their claims (an index).
      const bySource = `sources s CROSS JOIN claims c CROSS JOIN reports r`;
      // (naming the source folded, as the filter does: the sources' index finds them)
      const sourceJoin = [`c.source = s.id AND r.id = c.id / ${SPAN}`, ...(f.sourceName !== undefined ? ["s.folded = ?"] : [])];
      const sourceParams = f.sourceName !== undefined ? [fold(f.sourceName)] : [];
      // (a source corrected by an editor is matched by the filter's own conditions, not through the names' index)
      const driven = f.sourceName !== undefined && !f.sourceOf?.size && !set.id ? { from: bySource, join: sourceJoin, params: sourceParams } : { from: set.from, join: [] as string[], params: [] as unknown[] };
      const read = async (from: string, extra: string[], params: unknown[], orderBy: string) => {
        if (rows.length >= want) return;
        rows.push(
          ...(await this.c.all<Row>(`SELECT ${cols} FROM ${from} WHERE ${[...set.where, ...extra].join(" AND ")} ORDER BY ${orderBy} LIMIT ?`, [
            ...set.params,
            ...params,
            want - rows.length,
          ])),
        );
      };
      /** One segment: rows with this value of the sorted-by column, in publication order; the cursor's own segment from the cursor on. */
      const segment = async (cond: string, condParams: unknown[], own: boolean) => {
        const k = own && at ? after(at) : undefined;
        await read(driven.from, [...driven.join, cond, ...(k ? [k.sql] : [])], [...driven.params, ...condParams, ...(k?.params ?? [])], order);
      };
      if (by === "published") {
        const walk = driven.from === bySource ? await this.sourceWalk(f, want) : undefined;
        if (walk !== undefined) {
          // A common source: the reports in publication order, each one's claims a key range, until the page
          // is full, rather than all of the source's claims put in order (ten thousand reports looked up for
          // a page). The walk goes at most `walk` reports (a source whose claims are all at the other end of
          // the ledger would make it walk every report); a page it does not fill is read the other way.
          // (The claims of each report in a subquery of their own, so that PostgreSQL reads each report's
          // range and does not try the sources' index, all of the source's claims, for each report.)
          const k = at ? after(at) : undefined;
          const reportsInOrder = `SELECT r.id, r.published_ms, r.uid, r.source FROM reports r WHERE r.current = 1${k ? ` AND r.published_ms ${op}= ?` : ""} ORDER BY r.published_ms${D}, r.uid${B}${D} LIMIT ${walk}`;
          const theirClaims = `SELECT c.id, c.source FROM claims c WHERE c.id >= r.id * ${SPAN} AND c.id < (r.id + 1) * ${SPAN} OFFSET 0`;
          rows = await this.c.all<Row>(
            `SELECT ${cols} FROM (${reportsInOrder}) r CROSS JOIN LATERAL (${theirClaims}) c
             WHERE c.source IN (SELECT id FROM sources WHERE folded = ?)${k ? ` AND ${k.sql}` : ""} ORDER BY ${order} LIMIT ?`,
            [...(k ? [at!.ms] : []), fold(f.sourceName!), ...(k?.params ?? []), want],
          );
          if (rows.length < want) rows = [];
        }
        // (the words' claims counted first, from the index of words alone: how many there are says whether a
        // walk through the reports finds a page of them sooner than they are all read and sorted)
        // (counted up to WORDS_COUNTED only: each claim counted is a row of the index read, and a common
        // word's fourteen thousand on a ledger of 100,000 reports took longer than the page itself)
        // (the count reads the claims' ids, up to the cap: all of them when there are no more, for the page to be
        // ordered from without the index of words asked again; with more, how far into the ledger the first
        // cap of them, in the index's table order, which is about the order they were written in, reach says
        // about how many there are: a word found a thousand times in the first tenth of the ledger is found
        // about ten thousand times in all)
        let found: number[] | undefined;
        if (words) {
          let est: number | undefined;
          if (at === null) {
            const ids = (await this.c.all<Row>(`SELECT x.id FROM (${words.sql}) x LIMIT ${WORDS_COUNTED.cap + 1}`, words.params)).map((x) => num(x.id));
            atLeast = ids.length > WORDS_COUNTED.cap;
            counted = atLeast ? WORDS_COUNTED.cap : ids.length;
            if (!atLeast) found = ids;
            else {
              // (by the median: a few of the rows are where replaced ones were, anywhere in the table)
              const reach = Math.floor(ids.map((id) => Math.floor(id / SPAN)).sort((a, b) => a - b)[ids.length >> 1]!);
              est = Math.max(WORDS_COUNTED.cap + 1, Math.floor(((ids.length >> 1) * (await this.maxReport())) / Math.max(reach, 1)));
            }
          }
          const k = est ?? (at === null ? counted : f.knownAtLeast ? f.knownAbout ?? f.known : f.known);
          const how = at === null || (f.knownAtLeast && f.knownAbout !== undefined) ? "estimate" : f.knownAtLeast ? "atLeast" : "exact";
          if (k !== undefined && !found) rows = (await this.wordsWalk(words, k, how, at, tailDesc, want)) ?? [];
          about = est;
        }
        // (all the claims of the words are at hand, or few, counted, and read here by their ids alone: only
        // their reports read, to put them in order. Asked of the index of words joined to the reports, a later
        // page of a word found a few hundred times hashed every report after the cursor, a quarter of a second.)
        if (!rows.length && words && !found && at !== null && !f.knownAtLeast && f.known !== undefined && f.known <= WORDS_COUNTED.cap)
          found = (await this.c.all<Row>(`SELECT x.id FROM (${words.sql}) x LIMIT ${WORDS_COUNTED.cap + 1}`, words.params)).map((x) => num(x.id));
        // (more than the count said: not all of them)
        if (found && found.length > WORDS_COUNTED.cap) found = undefined;
        if (!rows.length && found) {
          const k = at ? after(at) : undefined;
          rows = found.length
            ? await this.c.all<Row>(
                `SELECT cw.id AS id, r.published_ms AS r_ms, r.uid AS r_uid, r.source AS r_outlet FROM (SELECT value AS id FROM ${this.d.listTable("j")}) cw CROSS JOIN reports r
                 WHERE r.id = cw.id / ${SPAN} AND r.current = 1${k ? ` AND ${k.sql}` : ""} ORDER BY ${order} LIMIT ?`,
                [this.d.list(found), ...(k?.params ?? []), want],
              )
            : [];
        }
        else if (!rows.length) await segment("1 = 1", [], true);
        if (counting) counted = rows.length ? num(rows[0]!.n_total) : 0;
      }
      else if (by === "status") {
        let codes = (f.status?.length ? [...new Set(f.status.map(status.code))] : STATUS_CODES).sort((a, b) => (segDesc ? b - a : a - b));
        if (at) codes = codes.filter((c) => (segDesc ? c <= Number(at.seg) : c >= Number(at.seg)));
        for (const c of codes) await segment(statusIs(this.d, f, [c]) ?? `${statusExpr(f)} = ${c}`, [], at !== null && c === Number(at.seg));
      } else {
        // Outlets and sources: no value first when reading upwards, last when reading downwards.
        const sop = segDesc ? "<" : ">";
        const inEmpty = at !== null && at.seg === null;
        const start = at && typeof at.seg === "string" ? at.seg : undefined;
        const empty = async () => {
          if (by === "outlet" ? f.outlet !== undefined : f.sourceName !== undefined) return; // a value is asked for
          await segment(`${by === "outlet" ? "r.source" : "c.source"} IS NULL`, [], inEmpty);
        };
        const named = async () => {
          if (by === "outlet") {
            if (f.outlet !== undefined) {
              if (start === undefined || start === f.outlet) await segment("r.source = ?", [f.outlet], start !== undefined);
              return;
            }
            // each outlet in turn, the next one found from the index
            const next = async (v: string | undefined) =>
              str((await this.c.get<Row>(`SELECT ${segDesc ? "max" : "min"}(source) AS v FROM reports WHERE current = 1${v === undefined ? "" : ` AND source ${sop} ?`}`, v === undefined ? [] : [v]))?.v);
            let v = start ?? (await next(undefined));
            let own = start !== undefined;
            while (v !== null && rows.length < want) {
              await segment("r.source = ?", [v], own);
              own = false;
              v = await next(v);
            }
          } else if (!f.ownVoice && (f.sinceMs !== undefined || f.untilMs !== undefined || f.outlet !== undefined || f.language !== undefined || f.report !== undefined)) {
            // Reports narrowed down (dates, an outlet, a language): their claims with a source, sorted here
            // in one read (a few thousand), rather than each of the ledger's sources asked in turn for
            // claims in them (most have none: a thousand reads for a page).
            const k = at && typeof at.seg === "string" ? after(at) : undefined;
            await read(
              set.from,
              ["c.source IS NOT NULL", ...(k ? [`(s.name${B} ${sop} ? OR (s.name = ? AND ${k.sql}))`] : [])],
              k ? [at!.seg, at!.seg, ...k.params] : [],
              `s.name${B}${segDesc ? " DESC" : ""}, ${order}`,
            );
          } else if (!f.ownVoice) {
            // each named source in turn (the next found from the names' index), its claims from their index
            // in publication order (one sort of all named sources' claims would cost seconds on a large ledger)
            const next = async (v: string | undefined) =>
              str(
                (
                  await this.c.get<Row>(
                    `SELECT ${segDesc ? "max" : "min"}(name) AS v FROM sources WHERE ${f.sourceName !== undefined ? "folded = ?" : "1 = 1"}${v === undefined ? "" : ` AND name ${sop} ?`}`,
                    [...sourceParams, ...(v === undefined ? [] : [v])],
                  )
                )?.v,
              );
            let v = start ?? (await next(undefined));
            let own = start !== undefined;
            while (v !== null && rows.length < want) {
              const k = own && at ? after(at) : undefined;
              await read(bySource, [...sourceJoin, "s.name = ?", ...(k ? [k.sql] : [])], [...sourceParams, v, ...(k?.params ?? [])], order);
              own = false;
              v = await next(v);
            }
          }
        };
        if (!segDesc) {
          if (!at || inEmpty) await empty();
          await named();
        } else {
          if (!inEmpty) await named();
          await empty();
        }
      }
    }
    const more = rows.length > f.limit;
    rows = rows.slice(0, f.limit);
    if (back) rows.reverse();
    const shown = paged || (atHand && !set.rows) ? rows : await this.whole(rows);
    const total = set.rows ? set.rows.length : counted;
    return { items: await this.withReports(shown), keys: shown.map(keyOf), more, ...(total !== undefined && { total }), ...(total !== undefined && atLeast && !set.rows && { atLeast, ...(about !== undefined && { about }) }) };
  }

  /**
   * How many reports a page of claims of one named source may walk in publication order (claimsPage), when
   * that costs less than reading all of the source's claims: a source with n of the ledger's claims has
   * one in about R / n of its R reports, so a page of `want` walks about want * R / n reports (a few index
   * reads each), where reading all of its claims in order costs as much for each of them: the walk when
   * n * n > 2 * want * R, at most three times the reports expected. PostgreSQL (SQLite reads the source's
   * claims in its own order, fast enough), a source alone in the filter. Undefined: read the source's claims.
   */
  private async sourceWalk(f: ClaimFilter, want: number): Promise<number | undefined> {
    if (this.d.backend !== "postgres" || f.sourceName === undefined || f.sourceOf?.size || f.statusOf?.size) return undefined;
    if (f.status?.length || f.ownVoice || f.outlet !== undefined || f.language !== undefined || f.sinceMs !== undefined || f.untilMs !== undefined || f.report !== undefined) return undefined;
    if (f.fused || f.sourceFused || f.words?.length) return undefined;
    const x = await this.c.get<Row>(
      "SELECT (SELECT coalesce(sum(cf.n), 0) FROM claim_facets cf WHERE cf.source IN (SELECT id FROM sources WHERE folded = ?)) AS n, (SELECT coalesce(max(id), 0) FROM reports) AS r",
      [fold(f.sourceName)],
    );
    const n = num(x?.n ?? 0), reports = num(x?.r ?? 0);
    if (!n || n * n <= 2 * want * reports) return undefined;
    return Math.ceil((3 * want * reports) / n);
  }

  /**
   * The facet counters' conditions for a filter when they can count what it selects: its conditions are
   * all on a claim's status and source and its report's outlet and language, and no editor gave a claim
   * another status or source (undefined otherwise). `table`: claim_totals when the filter says nothing of
   * the source (a few rows), else claim_facets; either is read as `cf`.
   */
  private counters(f: ClaimFilter): { table: string; where: string; params: unknown[] } | undefined {
    if (f.fused || f.sourceFused || f.words?.length || f.report !== undefined || f.sinceMs !== undefined || f.untilMs !== undefined) return undefined;
    if (f.statusOf?.size || f.sourceOf?.size) return undefined;
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.status?.length) {
      where.push(this.d.inList("cf.status"));
      params.push(this.d.list(f.status.map(status.code)));
    }
    if (f.ownVoice) where.push("cf.source = 0");
    if (f.sourceName !== undefined) {
      where.push("cf.source IN (SELECT id FROM sources WHERE folded = ?)");
      params.push(fold(f.sourceName));
    }
    if (f.outlet !== undefined) {
      where.push("cf.outlet = ?");
      params.push(f.outlet);
    }
    if (f.language !== undefined) {
      where.push("cf.language = ?");
      params.push(f.language);
    }
    const table = f.ownVoice || f.sourceName !== undefined ? "claim_facets" : "claim_totals";
    return { table, where: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
  }

  /**
   * The claims of one entity for its facets (claimFacets) from its rows of claim_entities alone, where they
   * keep what the facets count (schema 21: the key holds it, one read of the entity's range): the first `cap`
   * in publication order by time and claim, as claimSet counts an entity in part, with `more` when there are
   * others. Undefined where the rows do not keep it (SQLite; a row not filled yet after an upgrade: then
   * each claim and its report are read), for several entities an editor merged, and with words, a source
   * entity or a report.
   */
  private async entityFacetRows(f: ClaimFilter, cap: number): Promise<{ rows: Row[]; more: boolean } | undefined> {
    if (!entityFacets(this.d).length || f.fused?.length !== 1 || f.sourceFused || f.words?.length || f.report !== undefined) return undefined;
    const where = ["fused = ?"];
    const params: unknown[] = [f.fused[0]];
    if (f.sinceMs !== undefined) where.push("ms >= ?"), params.push(f.sinceMs);
    if (f.untilMs !== undefined) where.push("ms <= ?"), params.push(f.untilMs);
    // (the sources' names looked up once each, after the cut: a few hundred among thousands of rows)
    const got = await this.c.all<Row>(
      `WITH ce AS MATERIALIZED (SELECT ms, claim, role, status, source, outlet, language FROM claim_entities WHERE ${where.join(" AND ")} ORDER BY ms, claim LIMIT ${Math.floor(cap) + 1}),
            named AS (SELECT id, name FROM sources WHERE id IN (SELECT source FROM ce))
       SELECT ce.claim AS id, ce.role, ce.status, ce.outlet AS r_outlet, ce.language AS r_lang, s.name AS source_name
       FROM ce LEFT JOIN named s ON s.id = ce.source ORDER BY ce.ms, ce.claim`,
      params,
    );
    if (got.some((r) => r.status === null || r.status === undefined)) return undefined;
    const more = got.length > cap;
    const rows = (more ? got.slice(0, cap) : got).filter((r) => inRole(f, { ...r, nm: num(r.role) & 1, sr: num(r.role) & 2 }));
    return { rows, more };
  }

  async claimFacets(f: ClaimFilter, by: ClaimFacet, limit: number): Promise<{ value: string | null; n: number }[]> {
    const valueOf = (v: unknown): string | null => (v === null || v === undefined ? null : by === "status" ? status.word(v) : String(v));
    const counted = this.counters(f);
    if (counted) {
      // (a sum over the counters: the values in the same order as a count of the claims gives them)
      const col = by === "status" ? "cf.status" : by === "source" ? "s.name" : by === "outlet" ? "cf.outlet" : "cf.language";
      const rows = await this.c.all<Row>(
        `SELECT ${col} AS v, sum(cf.n) AS n FROM ${by === "source" ? "claim_facets cf LEFT JOIN sources s ON s.id = cf.source" : `${counted.table} cf`} ${counted.where} GROUP BY ${col}`,
        counted.params,
      );
      const raw = (a: unknown, b: unknown) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as string | number) < (b as string | number) ? -1 : 1);
      return rows
        .map((r) => ({ v: r.v === null || r.v === undefined || (by === "outlet" && r.v === "") ? null : by === "status" ? num(r.v) : String(r.v), n: num(r.n) }))
        .filter((r) => r.n > 0)
        .sort((a, b) => b.n - a.n || raw(a.v, b.v))
        .slice(0, limit)
        .map((r) => ({ value: valueOf(r.v), n: r.n }));
    }
    if (f.fused || f.sourceFused || f.words?.length) {
      // Claims of an entity or with words are read whole (claimSet's rows): read them once for every facet
      // of this view (each facet drops another of the filters below, which are applied here).
      const { status: _s, sourceName: _n, ownVoice: _o, outlet: _u, language: _l, sort: _x, limit: _y, offset: _z, ...base } = f;
      const key = JSON.stringify(base);
      if (this.facetBase?.key !== key) {
        // (at most FACETS_COUNTED.cap of them: an entity named in a hundred thousand claims is counted in part, and said so)
        const set = (await this.entityFacetRows({ ...base, limit: 0, offset: 0 }, FACETS_COUNTED.cap)) ?? (await this.claimSet({ ...base, limit: 0, offset: 0 }, false, FACETS_COUNTED.cap));
        this.facetBase = { key, rows: set.rows!, more: !!set.more };
      }
      const codes = f.status?.length ? new Set(f.status.map(status.code)) : undefined;
      const want = f.sourceName === undefined ? undefined : fold(f.sourceName);
      const m = new Map<string | null, number>();
      for (const r of this.facetBase.rows) {
        if (codes && !codes.has(rowStatus(f, r))) continue;
        if ((f.outlet !== undefined && str(r.r_outlet) !== f.outlet) || (f.language !== undefined && r.r_lang !== f.language)) continue;
        if (f.ownVoice || want !== undefined) {
          const src = rowSource(f, r);
          if (f.ownVoice && src !== null) continue;
          if (want !== undefined && (src === null || fold(src) !== want)) continue;
        }
        const v = valueOf(by === "status" ? rowStatus(f, r) : by === "source" ? rowSource(f, r) : by === "outlet" ? r.r_outlet : r.r_lang);
        m.set(v, (m.get(v) ?? 0) + 1);
      }
      const more = this.facetBase.more;
      return [...m]
        .map(([value, n]) => ({ value, n, ...(more && { more }) }))
        .sort((a, b) => b.n - a.n || String(a.value).localeCompare(String(b.value)))
        .slice(0, limit);
    }
    const set = await this.claimSet(f);
    const col = by === "status" ? statusExpr(f) : by === "source" ? "s.name" : by === "outlet" ? "r.source" : "r.language";
    const moved = by === "source" && f.sourceOf?.size ? [...f.sourceOf.keys()] : [];
    if (!moved.length) {
      // The facets of a view whose filters are all on reports (dates) count the same claims: one count by
      // all four values at once serves them all (each read of a day's claims costs as much as the count).
      const { sort: _x, limit: _y, offset: _z, ...base } = f;
      const key = JSON.stringify(base, (_k, v) => (v instanceof Map ? [...v] : v));
      if (this.facetCounts?.key !== key) {
        // (by the source's id, named after: grouping by names costs half as much again). At most FACETS_COUNTED.cap
        // claims are counted: a view of more (a month of a large ledger) is counted in part, and says so.
        const rows = await this.c.all<Row>(
          `SELECT st, sid, outlet, lang, count(*) AS n FROM (SELECT ${statusExpr(f)} AS st, c.source AS sid, r.source AS outlet, r.language AS lang FROM ${set.from} WHERE ${set.where.join(" AND ")} LIMIT ${FACETS_COUNTED.cap}) x GROUP BY st, sid, outlet, lang`,
          set.params,
        );
        const more = rows.reduce((a, x) => a + num(x.n), 0) >= FACETS_COUNTED.cap;
        const sids = [...new Set(rows.map((x) => x.sid).filter((x) => x !== null && x !== undefined))].map(num);
        const names = new Map<number, string>();
        for (let i = 0; i < sids.length; i += 5000)
          for (const x of await this.c.all<Row>(`SELECT id, name FROM sources WHERE ${this.d.inList("id")}`, [this.d.list(sids.slice(i, i + 5000))])) names.set(num(x.id), String(x.name));
        for (const x of rows) x.src = x.sid === null || x.sid === undefined ? null : names.get(num(x.sid)) ?? null;
        this.facetCounts = { key, rows, more };
      }
      const m = new Map<unknown, number>();
      const field = by === "status" ? "st" : by === "source" ? "src" : by === "outlet" ? "outlet" : "lang";
      for (const r of this.facetCounts.rows) {
        const v = r[field] === null || r[field] === undefined ? null : by === "status" ? num(r[field]) : String(r[field]);
        m.set(v, (m.get(v) ?? 0) + num(r.n));
      }
      // (as SQL orders them: the most first, then by value, none first)
      const raw = (a: unknown, b: unknown) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as string | number) < (b as string | number) ? -1 : 1);
      const more = this.facetCounts.more;
      return [...m]
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1] || raw(a[0], b[0]))
        .slice(0, limit)
        .map(([v, n]) => ({ value: valueOf(v), n, ...(more && { more }) }));
    }
    const rows = await this.c.all<Row>(`SELECT ${col} AS v, count(*) AS n FROM ${set.from} WHERE ${set.where.join(" AND ")} GROUP BY ${col} ORDER BY n DESC, v LIMIT ?`, [...set.params, limit + moved.length]);
    const out = rows.map((r) => ({ value: valueOf(r.v), n: num(r.n) }));
    if (!moved.length) return out;
    // Claims an editor gave another source count under it: the few of them in the set move from one value to the other.
    const counts = new Map(out.map((x) => [x.value, x.n]));
    const hits = await this.c.all<Row>(`SELECT c.id, s.name AS v FROM ${set.from} WHERE ${[...set.where, this.d.inList("c.id")].join(" AND ")}`, [...set.params, this.d.list(moved)]);
    for (const h of hits) {
      const from = valueOf(h.v), to = f.sourceOf!.get(num(h.id)) ?? null;
      if (counts.has(from)) counts.set(from, counts.get(from)! - 1);
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    return [...counts].filter(([, n]) => n > 0).map(([value, n]) => ({ value, n })).sort((a, b) => b.n - a.n || String(a.value).localeCompare(String(b.value))).slice(0, limit);
  }

  async corrections(o: { targets?: readonly string[]; limit: number; offset: number }): Promise<{ total: number; rows: CorrectionRow[] }> {
    const where = o.targets ? (o.targets.length ? `WHERE ${this.d.inList("target")}` : "WHERE 1 = 0") : "";
    const params = o.targets?.length ? [this.d.list([...o.targets])] : [];
    // (every view of the server asks this first: one round trip)
    const [counted, rows] = await batch(this.c, [
      { sql: `SELECT count(*) AS n FROM corrections ${where}`, params },
      { sql: `SELECT id, at, who, why, target, action, data, undoes FROM corrections ${where} ORDER BY id LIMIT ? OFFSET ?`, params: [...params, o.limit, o.offset] },
    ]);
    return {
      total: num(counted![0]!.n),
      rows: rows!.map((r) => ({
        id: num(r.id), at: String(r.at), who: String(r.who), why: String(r.why), target: String(r.target), action: String(r.action),
        data: r.data === null ? null : JSON.parse(String(r.data)), undoes: r.undoes === null ? null : num(r.undoes),
      })),
    };
  }

  async claimsByIds(ids: readonly number[]): Promise<ClaimRow[]> {
    if (!ids.length) return [];
    return this.withReports(await this.c.all<Row>(`SELECT ${ccols(this.d)} FROM claims c ${CJOIN} WHERE ${this.d.inList("c.id")} ORDER BY c.id`, [this.d.list(ids)]));
  }

  private async fusionForm(rows: Row[], reports: Map<number, ReportText>): Promise<FusionClaim[]> {
    if (!rows.length) return [];
    // The fusion keys of the entities the claims name.
    const want = new Set<number>();
    for (const r of rows) for (const e of claimEntities(unpackClaim(r).entities)) want.add(num(r.report) * SPAN + e);
    const keyOf = new Map<number, string>();
    const ids = [...want];
    for (let i = 0; i < ids.length; i += 5000)
      for (const e of await this.c.all<Row>(`SELECT e.id, f.fkey FROM entities e JOIN fused f ON f.id = e.fused WHERE ${this.d.inList("e.id")}`, [this.d.list(ids.slice(i, i + 5000))]))
        keyOf.set(num(e.id), String(e.fkey));
    return rows.map((r) => new StoredFusionClaim(r, reports.get(num(r.report))!, keyOf));
  }

  async *fusionClaims(bits: number, after?: number): AsyncIterable<FusionClaim[]> {
    if (after !== undefined) {
      // In the order of ingestion: what arrived since a watermark.
      let last = after;
      for (;;) {
        const rows = await this.c.all<Row>(
          `SELECT ${ccols(this.d)}, a.key AS akey FROM claims c ${CJOIN} JOIN asserters a ON a.id = c.asserter JOIN reports r ON r.id = c.report AND r.current = 1
           WHERE c.id > ? AND (c.notable & ?) <> 0 ORDER BY c.id LIMIT 2000`,
          [last, bits],
        );
        if (!rows.length) return;
        last = num(rows[rows.length - 1]!.id);
        yield this.fusionForm(rows, await this.texts(rows.map((r) => num(r.report))));
      }
    }
    // In publication order (then stable id): the keys of every such claim first (small, from their partial
    // index), then the claims a chunk at a time, so that only a chunk of rows is held at once.
    const keys = await this.c.all<Row>(
      `SELECT c.id, r.published_ms, r.uid FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1 WHERE c.notable <> 0 AND (c.notable & ?) <> 0`,
      [bits],
    );
    keys.sort((a, b) => num(a.published_ms) - num(b.published_ms) || (String(a.uid) < String(b.uid) ? -1 : String(a.uid) > String(b.uid) ? 1 : 0) || num(a.id) - num(b.id));
    const ids = keys.map((k) => num(k.id));
    keys.length = 0;
    for (let i = 0; i < ids.length; i += 5000) yield this.fusionClaimsByIds(ids.slice(i, i + 5000));
  }

  async fusionClaimsByIds(ids: readonly number[]): Promise<FusionClaim[]> {
    if (!ids.length) return [];
    const rows = await this.c.all<Row>(`SELECT ${ccols(this.d)}, a.key AS akey FROM claims c ${CJOIN} JOIN asserters a ON a.id = c.asserter WHERE ${this.d.inList("c.id")}`, [this.d.list(ids)]);
    const by = new Map(rows.map((r) => [num(r.id), r]));
    const ordered = ids.map((i) => by.get(i)).filter((r): r is Row => !!r);
    return this.fusionForm(ordered, await this.texts(ordered.map((r) => num(r.report))));
  }

  // ------------------------------------------------------------------ aggregates for the briefing

  async propGroups(o: { statuses: readonly ClaimStatus[]; byAsserter: boolean; sinceMs?: number; limit: number }): Promise<{ total: number; rows: PropRow[] }> {
    const since = o.sinceMs !== undefined;
    const rows = o.byAsserter
      ? await this.c.all<Row>(
          `SELECT status, pkey, asserter, CAST(asserter AS TEXT) AS asserters, n, first_ms, last_ms, kind, quote, count(*) OVER () AS total
           FROM props WHERE ${this.d.inList("status")} ${since ? "AND last_ms > ?" : ""}
           ORDER BY n DESC, first_ms, first_claim LIMIT ?`,
          [this.d.list(o.statuses.map(status.code)), ...(since ? [o.sinceMs] : []), o.limit],
        )
      : await this.c.all<Row>(
          `SELECT status, pkey, NULL AS asserter, ${this.d.stringAgg("CAST(asserter AS TEXT)", "','")} AS asserters, sum(n) AS n, min(first_ms) AS first_ms,
                  max(last_ms) AS last_ms, max(kind) AS kind, max(quote) AS quote, count(*) OVER () AS total
           FROM props WHERE ${this.d.inList("status")} GROUP BY pkey, status ${since ? "HAVING max(last_ms) > ?" : ""}
           ORDER BY n DESC, first_ms, min(first_claim) LIMIT ?`,
          [this.d.list(o.statuses.map(status.code)), ...(since ? [o.sinceMs] : []), o.limit],
        );
    return {
      total: rows.length ? num(rows[0]!.total) : 0,
      rows: rows.map((r) => ({
        status: status.word(r.status),
        pkey: num(r.pkey),
        asserter: numOrNull(r.asserter),
        asserters: String(r.asserters ?? "").split(",").filter(Boolean).map(Number),
        n: num(r.n),
        firstMs: num(r.first_ms),
        lastMs: num(r.last_ms),
        kind: r.kind === null || r.kind === undefined ? null : sourceKind.word(r.kind),
        quote: !!num(r.quote),
      })),
    };
  }

  private get byPkey() {
    return pkeyWhere(this.d);
  }

  async propCites(pkey: number, st: ClaimStatus, asserter: number | null, limit: number) {
    const rows = await this.c.all<Row>(
      `SELECT c.report, c.id, c.start, c.stop, c.text, r.uid, r.language FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
       WHERE ${this.byPkey.sql} AND c.status = ? ${asserter !== null ? "AND c.asserter = ?" : ""} ORDER BY r.published_ms, c.report, c.start LIMIT ?`,
      [...this.byPkey.params(pkey), status.code(st), ...(asserter !== null ? [asserter] : []), limit],
    );
    const texts = await this.texts(rows.map((r) => num(r.report)));
    return rows.map((r) => ({
      report: num(r.report), reportUid: String(r.uid), seq: num(r.id) % SPAN, start: num(r.start), end: num(r.stop),
      text: slice(texts.get(num(r.report))!.text, num(r.start), num(r.stop), r.text), language: r.language as Lang,
    }));
  }

  async propClusters(pkey: number, st: ClaimStatus, asserter: number | null): Promise<number> {
    const r = await this.c.get<Row>(
      `SELECT count(DISTINCT coalesce(r.cluster, r.id)) AS n FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
       WHERE ${this.byPkey.sql} AND c.status = ? ${asserter !== null ? "AND c.asserter = ?" : ""}`,
      [...this.byPkey.params(pkey), status.code(st), ...(asserter !== null ? [asserter] : [])],
    );
    return num(r?.n ?? 0);
  }

  async asserters(ids: readonly number[]): Promise<AsserterRow[]> {
    if (!ids.length) return [];
    return (await this.c.all<Row>(`SELECT id, key, name, claims FROM asserters WHERE ${this.d.inList("id")}`, [this.d.list(ids)])).map((r) => ({
      id: num(r.id), key: String(r.key), name: String(r.name), claims: num(r.claims),
    }));
  }

  async asserterByKey(keys: readonly string[]): Promise<AsserterRow[]> {
    if (!keys.length) return [];
    return (await this.c.all<Row>(`SELECT id, key, name, claims FROM asserters WHERE ${this.d.inList("key")}`, [this.d.list(keys)])).map((r) => ({
      id: num(r.id), key: String(r.key), name: String(r.name), claims: num(r.claims),
    }));
  }

  async unknownItems() {
    const rows = await this.c.all<Row>(
      `SELECT u.report AS report, u.start AS start, u.stop AS stop, u.text AS text, r.published_ms AS published_ms, r.language AS language
       FROM unknowns u JOIN reports r ON r.id = u.report AND r.current = 1
       UNION ALL
       SELECT c.report, c.start, c.stop, c.text, r.published_ms, r.language FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
       WHERE ${this.d.partial(`c.status >= ${RARE_STATUS}`, `c.status = ${status.code("unknown")}`)} AND NOT EXISTS (SELECT 1 FROM unknowns u WHERE u.id >= c.report * ${SPAN} AND u.id < (c.report + 1) * ${SPAN} AND u.start < c.stop AND c.start < u.stop)
       ORDER BY 5, 1, 2`,
    );
    const out: { report: number; reportUid: string; start: number; end: number; text: string; publishedMs: number; language: Lang }[] = [];
    // Report texts in slices, so that a ledger with many unknowns does not hold every text at once.
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      const texts = await this.texts(chunk.map((r) => num(r.report)));
      for (const r of chunk)
        out.push({
          report: num(r.report), reportUid: texts.get(num(r.report))!.uid, start: num(r.start), end: num(r.stop),
          text: slice(texts.get(num(r.report))!.text, num(r.start), num(r.stop), r.text),
          publishedMs: num(r.published_ms), language: r.language as Lang,
        });
    }
    return out;
  }

  private async figureRows(rows: Row[]): Promise<FigureRow[]> {
    const texts = await this.texts(rows.map((r) => num(r.report)));
    return rows.map((r) => {
      const t = texts.get(num(r.report))!;
      const start = num(r.start), end = num(r.stop);
      let words: string | undefined;
      return {
        kind: r.kind as FigureRow["kind"], asserter: num(r.asserter), asserterKey: String(r.akey), asserterName: str(r.source_name) ?? t.source ?? "the report",
        report: num(r.report), reportUid: t.uid, claim: num(r.claim), value: num(r.value), approx: r.approx as FigureRow["approx"],
        start, end, publishedMs: num(r.published_ms), status: status.word(r.status),
        // the words of a figure are shown for few of them: read the report only then
        get text() {
          return (words ??= slice(t.text, start, end, r.text));
        },
      };
    });
  }

  async figures(): Promise<FigureRow[]> {
    return this.figureRows(
      await this.c.all<Row>(
        `SELECT * FROM (
           SELECT n.kind, c.asserter, a.key AS akey, s.name AS source_name, n.report, n.claim, n.value, n.approx, n.start, n.stop, n.text, r.published_ms, c.status,
                  row_number() OVER (PARTITION BY n.kind, c.asserter, n.value, n.approx ORDER BY r.published_ms, n.report, n.start) AS rn
           FROM counts n JOIN reports r ON r.id = n.report AND r.current = 1 JOIN claims c ON c.id = n.report * ${SPAN} + n.claim
           LEFT JOIN sources s ON s.id = c.source JOIN asserters a ON a.id = c.asserter
           WHERE c.status NOT IN ${NOT_ASSERTED}) x
         WHERE rn = 1 ORDER BY published_ms, report, start`,
      ),
    );
  }

  async latestFigures(): Promise<FigureRow[]> {
    return this.figureRows(
      await this.c.all<Row>(
        `SELECT * FROM (
           SELECT n.kind, c.asserter, a.key AS akey, s.name AS source_name, n.report, n.claim, n.value, n.approx, n.start, n.stop, n.text, r.published_ms, c.status,
                  row_number() OVER (PARTITION BY n.kind, c.asserter ORDER BY r.published_ms DESC, n.report DESC, n.start DESC) AS rn
           FROM counts n JOIN reports r ON r.id = n.report AND r.current = 1 JOIN claims c ON c.id = n.report * ${SPAN} + n.claim
           LEFT JOIN sources s ON s.id = c.source JOIN asserters a ON a.id = c.asserter
           WHERE c.status NOT IN ${NOT_ASSERTED}) x
         WHERE rn = 1 ORDER BY kind${this.d.binary}, akey${this.d.binary}`,
      ),
    );
  }

  async *timeline(o: { sinceMs?: number }) {
    // In the order of time (src/model/timex.ts), not of the values' text: a week ("2023-W37") where it
    // begins, not after every date because "W" sorts after the digits; the parts of a day (morning,
    // evening) at their hours among the day's clock times. The index gives every other time in order, a
    // page at a time: the weeks (few) are read apart, their keys worked out here, and merged in; and the
    // times of one day, which the index gives together, are ordered by key once the day is read whole.
    const since = o.sinceMs !== undefined;
    const current = `JOIN reports r ON r.id = t.report AND r.current = 1 ${since ? "AND r.published_ms > ?" : ""}`;
    const sinceParams = since ? [o.sinceMs] : [];
    const WEEK = `substr(t.value, 5, 2) = '-W'`;
    type T = { id: number; value: string; key: string };
    const byKey = (x: T, y: T) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id - y.id);
    const weeks: T[] = (await this.c.all<Row>(`SELECT t.id, t.value FROM times t ${current} WHERE t.claim IS NOT NULL AND ${WEEK}`, sinceParams))
      .map((r) => ({ id: num(r.id), value: String(r.value), key: timexOrder(String(r.value)) }))
      .sort(byKey);
    let w = 0;
    const rowsOf = async (ids: number[]): Promise<Row[]> => {
      const rows = await this.c.all<Row>(
        `SELECT t.id, t.value, t.report, t.start, t.stop, t.text, t.claim, c.start AS cstart, c.stop AS cstop, c.text AS ctext, c.pkey, r.published_ms
         FROM times t JOIN reports r ON r.id = t.report JOIN claims c ON c.id = t.report * ${SPAN} + t.claim WHERE ${this.d.inList("t.id")}`,
        [this.d.list(ids)],
      );
      const at = new Map(ids.map((id, i) => [id, i]));
      return rows.sort((x, y) => at.get(num(x.id))! - at.get(num(y.id))!);
    };
    const shown = async (order: T[]) => {
      const rows = await rowsOf(order.map((x) => x.id));
      const texts = await this.texts(rows.map((r) => num(r.report)));
      return rows.map((r) => {
        const t = texts.get(num(r.report))!.text;
        return {
          value: String(r.value), timeText: slice(t, num(r.start), num(r.stop), r.text), claimText: slice(t, num(r.cstart), num(r.cstop), r.ctext),
          report: num(r.report), reportUid: texts.get(num(r.report))!.uid, start: num(r.cstart), end: num(r.cstop), claim: num(r.claim), pkey: num(r.pkey),
          publishedMs: num(r.published_ms),
        };
      });
    };
    // the times read and not yet given: the day the index is in may go on in its next page
    let held: T[] = [];
    let after: { value: string; id: number } | null = null;
    for (;;) {
      const page: Row[] = await this.c.all<Row>(
        `SELECT t.id, t.value FROM times t ${current}
         WHERE t.claim IS NOT NULL AND NOT (${WEEK}) ${after ? `AND (t.value${this.d.binary} > ? OR (t.value = ? AND t.id > ?))` : ""}
         ORDER BY t.value${this.d.binary}, t.id LIMIT 200`,
        [...sinceParams, ...(after ? [after.value, after.value, after.id] : [])],
      );
      const end = page.length < 200;
      for (const r of page) held.push({ id: num(r.id), value: String(r.value), key: timexOrder(String(r.value)) });
      if (page.length) after = { value: String(page[page.length - 1]!.value), id: num(page[page.length - 1]!.id) };
      // (what is held up to the day the page ends in is whole; at the end, all of it)
      const day = (x: T) => x.value.slice(0, 10);
      let whole = held.length;
      if (!end) while (whole > 0 && day(held[whole - 1]!) === day(held[held.length - 1]!)) whole--;
      const ready = held.slice(0, whole).sort(byKey);
      held = held.slice(whole);
      const out: T[] = [];
      for (const x of ready) {
        while (w < weeks.length && byKey(weeks[w]!, x) < 0) out.push(weeks[w++]!);
        out.push(x);
      }
      if (end) while (w < weeks.length) out.push(weeks[w++]!);
      for (let i = 0; i < out.length; i += 200) yield await shown(out.slice(i, i + 200));
      if (end) return;
    }
  }

  async timelineTotal(o: { sinceMs?: number }): Promise<number> {
    const since = o.sinceMs !== undefined;
    const r = await this.c.get<Row>(
      `SELECT count(*) AS n FROM (SELECT DISTINCT t.value, c.pkey FROM times t JOIN reports r ON r.id = t.report AND r.current = 1 ${since ? "AND r.published_ms > ?" : ""}
       JOIN claims c ON c.id = t.report * ${SPAN} + t.claim WHERE t.claim IS NOT NULL) x`,
      since ? [o.sinceMs] : [],
    );
    return num(r!.n);
  }

  // ------------------------------------------------------------------ fused entities

  async fusedEntities(o: { places?: boolean; type?: EntityType; words?: readonly string[]; limit: number; offset?: number; geo?: boolean }) {
    const where = ["reports > 0"];
    const params: unknown[] = [];
    if (o.places !== undefined) where.push(`type ${o.places ? "" : "NOT "}IN ${PLACES}`);
    if (o.type) {
      where.push("type = ?");
      params.push(entityType.code(o.type));
    }
    if (o.geo) where.push("lat IS NOT NULL");
    if (o.words?.length) {
      // Names are few next to claims: match them here.
      const ws = o.words.map(fold);
      const hits = new Set<number>();
      for (const r of await this.c.all<Row>(`SELECT fused, ${this.d.stringAgg("name", "' '")} AS names FROM fused_names GROUP BY fused`)) {
        const t = fold(String(r.names));
        if (ws.every((w) => t.includes(w))) hits.add(num(r.fused));
      }
      where.push(this.d.inList("id"));
      params.push(this.d.list([...hits]));
    }
    const w = where.join(" AND ");
    const total = num((await this.c.get<Row>(`SELECT count(*) AS n FROM fused WHERE ${w}`, params))!.n);
    const rows = await this.c.all<Row>(`SELECT * FROM fused WHERE ${w} ORDER BY reports DESC, mentions DESC, fkey${this.d.binary} LIMIT ? OFFSET ?`, [...params, o.limit, o.offset ?? 0]);
    return { total, rows: rows.map(fusedRow) };
  }

  async fusedByIds(ids: readonly number[]): Promise<FusedRow[]> {
    if (!ids.length) return [];
    return (await this.c.all<Row>(`SELECT * FROM fused WHERE ${this.d.inList("id")}`, [this.d.list(ids)])).map(fusedRow);
  }

  async fusedByUid(uid: string): Promise<FusedRow | undefined> {
    const r = await this.c.get<Row>("SELECT * FROM fused WHERE uid = ?", [uid]);
    return r && fusedRow(r);
  }

  async fusedByKeys(fkeys: readonly string[]): Promise<FusedRow[]> {
    if (!fkeys.length) return [];
    // (by their stable ids, which are their keys' hashes: SQLite keeps no index of the keys, schema 28)
    const want = new Set(fkeys);
    return (await this.c.all<Row>(`SELECT * FROM fused WHERE ${this.d.inList("uid")}`, [this.d.list([...want].map(entityUid))])).filter((r) => want.has(String(r.fkey))).map(fusedRow);
  }

  async fusedNames(ids: readonly number[]): Promise<Map<number, { name: string; n: number }[]>> {
    if (!ids.length) return new Map();
    return namesOf(await this.c.all<Row>(this.namesSql, [this.d.list(ids)]));
  }

  private get namesSql(): string {
    return `SELECT fused, name, n FROM fused_names WHERE ${this.d.inList("fused")} ORDER BY fused, n DESC, name${this.d.binary}`;
  }

  async fusedWithNames(ids: readonly number[]): Promise<{ rows: FusedRow[]; names: Map<number, { name: string; n: number }[]> }> {
    if (!ids.length) return { rows: [], names: new Map() };
    // (one round trip: every page of claims names its entities)
    const [rows, names] = await batch(this.c, [
      { sql: `SELECT * FROM fused WHERE ${this.d.inList("id")}`, params: [this.d.list(ids)] },
      { sql: this.namesSql, params: [this.d.list(ids)] },
    ]);
    return { rows: rows!.map(fusedRow), names: namesOf(names!) };
  }

  async firstMention(fused: number) {
    const r = await this.c.get<Row>(
      `SELECT e.report, e.mentions, r.uid FROM entities e JOIN reports r ON r.id = e.report AND r.current = 1 WHERE e.fused = ? ORDER BY e.id LIMIT 1`,
      [fused],
    );
    if (!r) return undefined;
    // Only the offsets are wanted: no need to read the report's text.
    const m = mentions(r.mentions, [])[0];
    return m && { report: num(r.report), reportUid: String(r.uid), start: m.start, end: m.end };
  }

  async fusedMembers(fused: number): Promise<number[]> {
    return [fused];
  }

  async entitiesOfFused(fused: number, limit = 1_000_000) {
    return (
      await this.c.all<Row>(`SELECT e.id, e.report FROM entities e JOIN reports r ON r.id = e.report AND r.current = 1 WHERE e.fused = ? ORDER BY e.id LIMIT ?`, [fused, limit])
    ).map((r) => ({ report: num(r.report), seq: num(r.id) % SPAN }));
  }

  async entitiesPage(after: { fused: number; id: number } | null, limit: number) {
    // Fused entities in the order of their stable ids; each one's rows in publication order.
    const fusedIds = await this.c.all<Row>(
      after
        ? `SELECT id, uid, fkey FROM fused WHERE reports > 0 AND uid${this.d.binary} > (SELECT uid FROM fused WHERE id = ?) ORDER BY uid${this.d.binary} LIMIT ?`
        : `SELECT id, uid, fkey FROM fused WHERE reports > 0 ORDER BY uid${this.d.binary} LIMIT ?`,
      after ? [after.fused, limit] : [limit],
    );
    if (!fusedIds.length) return [];
    const en = entityName(this.d, "e");
    const rows = await this.c.all<Row>(
      `SELECT e.id, e.report, e.fused, e.type, ${en.name}, e.aliases, e.mentions, r.published_ms, r.uid AS ruid FROM ${this.d.listTable("j")} CROSS JOIN entities e
       JOIN reports r ON r.id = e.report AND r.current = 1 ${en.join} WHERE e.fused = j.value`,
      [this.d.list(fusedIds.map((f) => num(f.id)))],
    );
    const order = new Map(fusedIds.map((f, i) => [num(f.id), i]));
    const fkey = new Map(fusedIds.map((f) => [num(f.id), String(f.fkey)]));
    rows.sort(
      (a, b) =>
        order.get(num(a.fused))! - order.get(num(b.fused))! ||
        num(a.published_ms) - num(b.published_ms) ||
        (String(a.ruid) < String(b.ruid) ? -1 : String(a.ruid) > String(b.ruid) ? 1 : 0) ||
        num(a.id) - num(b.id),
    );
    return rows.map((r) => ({
      id: num(r.id), report: num(r.report), seq: num(r.id) % SPAN, fused: num(r.fused), fkey: fkey.get(num(r.fused))!, type: entityType.word(r.type),
      name: String(r.name), aliases: json<string[]>(r.aliases, []), mentions: mentions(r.mentions, [String(r.name), ...json<string[]>(r.aliases, [])]),
      publishedMs: num(r.published_ms),
    }));
  }

  // ------------------------------------------------------------------ fusion results

  async *fusionItems(kind: string, page = 1000): AsyncIterable<FusionItem[]> {
    let after = "";
    for (;;) {
      const rows = await this.c.all<Row>(
        `SELECT f.id, f.data, f.words, f.against, b.text AS body FROM fusion_items f LEFT JOIN bodies b ON b.id = f.against
         WHERE f.kind = ? AND f.id${this.d.binary} > ? ORDER BY f.id${this.d.binary} LIMIT ?`,
        [kind, after, Math.max(1, Math.floor(page))],
      );
      if (!rows.length) return;
      after = String(rows[rows.length - 1]!.id);
      const data = await parseRecords(this.c, this.d, rows);
      yield rows.map((r, i) => ({ id: String(r.id), data: data[i] }));
    }
  }

  async fusionItemsByIds(kind: string, ids: readonly string[]): Promise<FusionItem[]> {
    if (!ids.length) return [];
    const rows = await this.c.all<Row>(
      `SELECT f.id, f.data, f.words, f.against, b.text AS body FROM fusion_items f LEFT JOIN bodies b ON b.id = f.against WHERE f.kind = ? AND ${this.d.inList("f.id")}`,
      [kind, this.d.list(ids)],
    );
    const data = await parseRecords(this.c, this.d, rows);
    return rows.map((r, i) => ({ id: String(r.id), data: data[i] }));
  }

  async fusionLinks(kind: string, claims: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (!claims.length) return out;
    for (const r of await this.c.all<Row>(`SELECT claim, item FROM fusion_links WHERE kind = ? AND ${this.d.inList("claim")}`, [kind, this.d.list(claims)]))
      out.set(num(r.claim), String(r.item));
    return out;
  }

  async ledgerVersion(): Promise<string> {
    // counts as well as the highest ids: on PostgreSQL, rows commit out of id order (two workers), and a
    // report committed late under a lower id still changes the count
    const r = await this.c.get<Row>(
      "SELECT (SELECT count(*) FROM reports) AS rn, (SELECT coalesce(max(id), 0) FROM reports) AS rm, (SELECT count(*) FROM corrections) AS cn, (SELECT coalesce(max(id), 0) FROM corrections) AS cm",
    );
    return `r${num(r!.rn)}.${num(r!.rm)}/c${num(r!.cn)}.${num(r!.cm)}`;
  }

  async fusionState(kind: string) {
    const r = await this.c.get<Row>("SELECT watermark, data FROM fusion_state WHERE kind = ?", [kind]);
    return r && { watermark: num(r.watermark), data: r.data === null ? undefined : (JSON.parse(decodeBody(r.data)) as unknown) };
  }
}

/**
 * A claim's status as the filter sees it: the editors' corrections (few, numbers only, written into the
 * SQL) in place of the extraction's.
 */
function statusExpr(f: ClaimFilter): string {
  if (!f.statusOf?.size) return "c.status";
  const cases = [...f.statusOf].map(([id, st]) => {
    if (!Number.isSafeInteger(id)) throw new Error(`not a claim id: ${id}`);
    return `WHEN ${id} THEN ${status.code(st)}`;
  });
  return `(CASE c.id ${cases.join(" ")} ELSE c.status END)`;
}

/**
 * Claims of these statuses when they are all rare ones and no editor changed a claim's status, as a
 * condition claims_status answers (schema 12): the codes written out, which is how the planners know the
 * index holds them (Dialect.partial). Undefined otherwise. (Codes are our own small integers.)
 */
/**
 * SQLite: whether the claim with this id has this extracted status, from the indexes of claims by id of
 * one status (claims_claimed, claims_rare, claims_status; schema 14), never its row: established is
 * neither claimed nor rare. (INDEXED BY: SQLite would otherwise read the claim's row by its key.)
 */
function statusOfId(id: string, code: number): string {
  const claimed = status.code("claimed");
  const isClaimed = `EXISTS (SELECT 1 FROM claims x INDEXED BY claims_claimed WHERE x.id = ${id} AND x.status = ${claimed})`;
  if (code === claimed) return isClaimed;
  if (code >= RARE_STATUS) return `EXISTS (SELECT 1 FROM claims x INDEXED BY claims_status WHERE x.status >= ${RARE_STATUS} AND x.status = ${code} AND x.id = ${id})`;
  if (code !== status.code("established")) return "1 = 0";
  return `(NOT ${isClaimed} AND NOT EXISTS (SELECT 1 FROM claims x INDEXED BY claims_rare WHERE x.id = ${id} AND x.status >= ${RARE_STATUS}))`;
}

function statusIs(d: Dialect, f: ClaimFilter, codes: readonly number[]): string | undefined {
  if (f.statusOf?.size || !codes.length || codes.some((c) => !Number.isInteger(c) || c < RARE_STATUS)) return undefined;
  return d.partial(`c.status >= ${RARE_STATUS}`, codes.length === 1 ? `c.status = ${codes[0]}` : `c.status IN (${codes.join(", ")})`);
}

/** A claim's source name as the sort sees it: an editor's correction in place of the extraction's (bound, not written into the SQL). */
function sourceExpr(f: ClaimFilter): { sql: string; params: unknown[] } {
  if (!f.sourceOf?.size) return { sql: "s.name", params: [] };
  const params: unknown[] = [];
  const cases = [...f.sourceOf].map(([id, name]) => {
    if (!Number.isSafeInteger(id)) throw new Error(`not a claim id: ${id}`);
    params.push(name);
    return `WHEN ${id} THEN CAST(? AS TEXT)`;
  });
  return { sql: `(CASE c.id ${cases.join(" ")} ELSE s.name END)`, params };
}

function rowSource(f: ClaimFilter, r: Row): string | null {
  return f.sourceOf?.has(num(r.id)) ? f.sourceOf.get(num(r.id))! : str(r.source_name);
}

/**
 * The claims' words of a ledger that had reports before schema 8, indexed a few hundred reports per
 * transaction from where the last attempt stopped (fusion_state 'claim-words'); nothing once done.
 */
async function indexClaimWords(driver: Driver): Promise<void> {
  const ft = fullText(driver.dialect);
  const d = driver.dialect;
  for (let done = false; !done; )
    done = await driver.transaction(async (c) => {
      const st = await c.get<Row>("SELECT watermark, data FROM fusion_state WHERE kind = 'claim-words'");
      if (!st) return true;
      // a few hundred reports at a time, each with all its claims (its own row is made from them all)
      const reports = await c.all<Row>("SELECT r.id, r.title, r.language FROM reports r WHERE r.id >= ? AND r.id < ? ORDER BY r.id LIMIT 300", [num(st.watermark), Number(st.data)]);
      if (!reports.length) {
        await c.run("DELETE FROM fusion_state WHERE kind = 'claim-words'");
        // (SQLite: the index in one segment, each word's rows once, as the writer keeps it: schema 17)
        if (d.backend === "sqlite") await c.run("INSERT INTO claims_fts (claims_fts) VALUES ('optimize')");
        return true;
      }
      const ids = reports.map((x) => num(x.id));
      const last = ids[ids.length - 1]!;
      const bodies = new Map((await c.all<Row>(`SELECT id, text FROM bodies WHERE ${d.inList("id")}`, [d.list(ids)])).map((b) => [num(b.id), decodeBody(b.text)]));
      const claims = await c.all<Row>("SELECT id, start, stop, text, status FROM claims WHERE id >= ? AND id < ? ORDER BY id", [ids[0]! * SPAN, (last + 1) * SPAN]);
      const byReport = new Map<number, Row[]>();
      for (const x of claims) (byReport.get(Math.floor(num(x.id) / SPAN)) ?? byReport.set(Math.floor(num(x.id) / SPAN), []).get(Math.floor(num(x.id) / SPAN))!).push(x);
      const rows: unknown[][] = [];
      for (const rep of reports) {
        const text = bodies.get(num(rep.id)) ?? "";
        const cs = byReport.get(num(rep.id)) ?? [];
        for (const x of cs) {
          const p = ft.indexClaimParams(num(x.id), String(rep.language), slice(text, num(x.start), num(x.stop), x.text), num(x.status));
          if (p) rows.push(p);
        }
        if (ft.indexReportRest) rows.push(ft.indexReportRest(num(rep.id), str(rep.title) ?? "", text, cs.map((x) => ({ start: num(x.start), end: num(x.stop) }))));
      }
      await c.many(ft.indexClaim, rows);
      await c.run("UPDATE fusion_state SET watermark = ? WHERE kind = 'claim-words'", [last + 1]);
      return false;
    });
}

/**
 * A conversion of an upgraded ledger, a few hundred rows per transaction, from where the last attempt stopped:
 * fusion_state `kind` holds the next row (watermark) and where the rows to convert end (data), and is gone
 * once done, so a ledger opened again, or by a sitrep killed midway, goes on where it was. `step` converts the
 * rows from `from` (below `end`) and gives the row after the last it read, or undefined when none were left.
 */
async function resumably(driver: Driver, kind: string, step: (c: Conn, from: number, end: number) => Promise<number | undefined>): Promise<void> {
  for (let done = false; !done; )
    done = await driver.transaction(async (c) => {
      const st = await c.get<Row>("SELECT watermark, data FROM fusion_state WHERE kind = ?", [kind]);
      if (!st) return true;
      const next = await step(c, num(st.watermark), Number(st.data));
      if (next === undefined) await c.run("DELETE FROM fusion_state WHERE kind = ?", [kind]);
      else await c.run("UPDATE fusion_state SET watermark = ? WHERE kind = ?", [next, kind]);
      return next === undefined;
    });
}

/**
 * The bodies of a ledger from before schema 17 deflated again with their language's words (BODY_WORDS)
 * (fusion_state 'body-words'; nothing once done). Fusion records deflated against a body refer to its text,
 * not to its bytes: they read as before.
 */
async function deflateBodiesWithWords(driver: Driver): Promise<void> {
  const d = driver.dialect;
  if (!d.compressBody) return;
  await resumably(driver, "body-words", async (c, from, end) => {
    const rows = await c.all<Row>(
      "SELECT b.id, b.text, r.language FROM bodies b JOIN reports r ON r.id = b.id WHERE b.id >= ? AND b.id < ? ORDER BY b.id LIMIT 500",
      [from, end],
    );
    if (!rows.length) return undefined;
    const again: unknown[][] = [];
    for (const b of rows) {
      const raw = b.text;
      // (one written since, with its words, is left as it is)
      if (raw instanceof Uint8Array && raw.length && (raw[0]! & 6) === 6) continue;
      again.push([encodeBody(d, decodeBody(raw), String(b.language)), num(b.id)]);
    }
    await c.many("UPDATE bodies SET text = ? WHERE id = ?", again);
    return num(rows[rows.length - 1]!.id) + 1;
  });
}

/**
 * The report fusion records a ledger kept whole before schema 19 (words = 1, deflated against their report's
 * body) or without their claims' fields before schema 25 (words = 2) in the form of words = 3, as
 * putFusionItems writes them now: each value left out only where the report's rows give it back, and a
 * record with a value that is a token kept as it is (fusion_state 'record-claims', of schema 20, and
 * 'record-rows', of schema 25, by rowid; nothing once done). A compaction may number the rows anew: a record
 * passed over then stays as it was, which costs its size, never its reading.
 */
async function elideOldRecords(driver: Driver): Promise<void> {
  const d = driver.dialect;
  if (!d.compressBody) return;
  for (const kind of ["record-claims", "record-rows"])
    await resumably(driver, kind, async (c, from, end) => {
      const rows = await c.all<Row>(
        `SELECT f.rowid AS rid, f.data, f.words, f.against, b.text AS body FROM fusion_items f JOIN bodies b ON b.id = f.against
         WHERE f.rowid >= ? AND f.rowid < ? AND f.words IN (1, ${CLAIM_WORDS}) ORDER BY f.rowid LIMIT 300`,
        [from, end],
      );
      if (!rows.length) return undefined;
      const texts = rows.map((r) => decodeBody(r.body));
      const facts = await rowFacts(c, d, rows.map((r, i) => ({ id: num(r.against), body: texts[i]! })));
      const records = await parseRecords(c, d, rows);
      const again: unknown[][] = [];
      rows.forEach((r, i) => {
        const f = deflatedRecord(records[i], texts[i]!, facts.get(num(r.against))!);
        if (f.elided) again.push([f.data, ROW_WORDS, num(r.rid)]);
      });
      await c.many("UPDATE fusion_items SET data = ?, words = ? WHERE rowid = ?", again);
      return num(rows[rows.length - 1]!.rid) + 1;
    });
}

/**
 * The rows a ledger from before schema 24 wrote as text in the compact form of its words and lists (SQLite:
 * storedForm.report, time, event), a few hundred reports with their times and events per transaction
 * (fusion_state 'compact-rows', by report id; nothing once done). Rows already compact are left alone.
 */
async function compactOldRows(driver: Driver): Promise<void> {
  const d = driver.dialect;
  if (!d.compressBody) return;
  await resumably(driver, "compact-rows", async (c, from, end) => {
    const reports = await c.all<Row>("SELECT id, published, published_ms, published_from, language_from, ingested_at FROM reports WHERE id >= ? AND id < ? ORDER BY id LIMIT 300", [from, end]);
    if (!reports.length) return undefined;
    const last = num(reports[reports.length - 1]!.id);
    const text = (...vs: unknown[]) => vs.some((v) => typeof v === "string");
    await c.many(
      "UPDATE reports SET published = ?, published_from = ?, language_from = ?, ingested_at = ? WHERE id = ?",
      reports.filter((r) => text(r.published, r.published_from, r.language_from, r.ingested_at)).map((r) => {
        const x = storedForm.report(d, r);
        return [x.published, x.published_from, x.language_from, x.ingested_at, num(r.id)];
      }),
    );
    const lo = from * SPAN, hi = (last + 1) * SPAN;
    const times = await c.all<Row>("SELECT id, type FROM times WHERE id >= ? AND id < ? AND typeof(type) = 'text'", [lo, hi]);
    await c.many("UPDATE times SET type = ? WHERE id = ?", times.map((t) => [storedForm.time(d, t).type, num(t.id)]));
    const events = await c.all<Row>(
      "SELECT id, type, claims, actors, locations FROM events WHERE id >= ? AND id < ? AND (typeof(type) = 'text' OR typeof(claims) = 'text' OR typeof(actors) = 'text' OR typeof(locations) = 'text')",
      [lo, hi],
    );
    await c.many(
      "UPDATE events SET type = ?, claims = ?, actors = ?, locations = ? WHERE id = ?",
      events.map((v) => {
        const x = storedForm.event(d, v);
        return [x.type, x.claims, x.actors, x.locations, num(v.id)];
      }),
    );
    return last + 1;
  });
}

/**
 * The claims a ledger from before schema 27 had, whose packed columns the migration wrote as JSON, in their
 * compact form (packClaim), a few thousand per transaction (fusion_state 'claim-pack', by claim id; nothing
 * once done). Rows already compact are left alone.
 */
async function packOldClaims(driver: Driver): Promise<void> {
  if (!packsClaims(driver.dialect)) return;
  await resumably(driver, "claim-pack", async (c, from, end) => {
    const rows = await c.all<Row>("SELECT id, packed FROM claims WHERE id >= ? AND id < ? ORDER BY id LIMIT 2000", [from, end]);
    if (!rows.length) return undefined;
    await c.many(
      "UPDATE claims SET packed = ? WHERE id = ?",
      rows.filter((r) => typeof r.packed === "string").map((r) => [packClaim(unpackClaim({ ...r })), num(r.id)]),
    );
    return num(rows[rows.length - 1]!.id) + 1;
  });
}

/**
 * What an entity's facets count each claim_entities row under (schema 21: its claim's status and source, its
 * report's outlet and language), for the rows written before, a few entities per transaction (fusion_state
 * 'entity-facets', by fused id; nothing once done). Once all are, the key is made again holding them, so
 * that an entity's facets are read from the key alone (an index that held them while they were filled
 * would have been written twice over). Where the rows have none of them (SQLite): nothing.
 */
async function fillEntityFacets(driver: Driver): Promise<void> {
  const cols = entityFacets(driver.dialect);
  if (!cols.length) return;
  let filled = false;
  await resumably(driver, "entity-facets", async (c, from, end) => {
    filled = true;
    if (from >= end) {
      await c.run(`ALTER TABLE claim_entities DROP CONSTRAINT claim_entities_pkey, ADD CONSTRAINT claim_entities_pkey PRIMARY KEY (fused, ms, claim) INCLUDE (role, ${cols.join(", ")})`);
      return undefined;
    }
    // (whole entities, about 20,000 rows a transaction: from the entity that many rows on, or the next one)
    const past = await c.get<Row>("SELECT fused FROM claim_entities WHERE fused >= ? ORDER BY fused OFFSET 20000 LIMIT 1", [from]);
    const to = Math.min(end, Math.max(from + 1, past ? num(past.fused) : end));
    // (each row's claim and report found by their keys, one at a time: the rows of a few entities are a
    // sliver of the claims, which a join of the tables would read whole)
    await c.run(
      `UPDATE claim_entities ce SET status = x.status, source = x.source, outlet = x.outlet, language = x.language
       FROM (SELECT e.fused, e.ms, e.claim, k.status, k.source, k.outlet, k.language FROM claim_entities e
             CROSS JOIN LATERAL (SELECT c.status, c.source, r.source AS outlet, r.language FROM claims c CROSS JOIN reports r
                                 WHERE c.id = e.claim AND r.id = e.claim / ${SPAN} OFFSET 0) k
             WHERE e.fused >= ? AND e.fused < ? AND e.status IS NULL) x
       WHERE ce.fused = x.fused AND ce.ms = x.ms AND ce.claim = x.claim`,
      [from, to],
    );
    return to;
  });
  // The fill wrote every row again: the table's pages are no longer marked all-visible, and an index-only
  // read of an entity's range (a count, a page, its facets) went to the table for most of its rows, 12,000
  // pages for the count of an entity named in 40,000 claims at 100,000 reports against 450 once vacuumed.
  // Autovacuum, which counted the 180,000 rows the fill left dead against its threshold of a fifth of the
  // table's 1.4 million, did not come. (VACUUM outside a transaction: the pool's connection, autocommit.)
  if (filled) await driver.reader.run("VACUUM (ANALYZE) claim_entities");
}

/** Rows with their report's publication time and stable id (r_ms, r_uid) in publication order, as SQL orders them. */
function publicationOrder(a: Row, b: Row): number {
  const x = num(a.r_ms), y = num(b.r_ms);
  if (x !== y) return x - y;
  const u = String(a.r_uid), v = String(b.r_uid);
  return u === v ? num(a.id) - num(b.id) : u < v ? -1 : 1;
}

/**
 * Whether a claim read under the filter's entities (its roles there: nm, sr) is one the filter selects: one
 * that names them, or has one as its source, unless the filter leaves those out. A source an editor
 * corrected is no longer the entity the extraction linked.
 */
function inRole(f: ClaimFilter, r: Row): boolean {
  const asSource = !f.sourceOf?.has(num(r.id)) && num(r.sr) > 0;
  if (f.entitiesNotSource && asSource) return false;
  return num(r.nm) > 0 || (!f.entitiesNamedOnly && asSource);
}

function rowStatus(f: ClaimFilter, r: Row): number {
  const st = f.statusOf?.get(num(r.id));
  return st === undefined ? num(r.status) : status.code(st);
}

/** Claims of a report that name each of its entities (each claim once per entity). */
function claimsNaming(claims: readonly { entities: readonly number[] }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of claims) for (const s of new Set(c.entities)) out.set(s, (out.get(s) ?? 0) + 1);
  return out;
}

class SqlTx extends SqlReads implements WriteTx {
  private sourceIds = new Map<string, number>();
  private savepoints = 0;
  /** Prepared before the writers' lock: search entries by (language, title, text), encoded bodies and fusion records. */
  private vectors = new Map<string, string>();
  private bodies = new Map<string, unknown>();
  /** Fusion records encoded before the lock, with the report text they were deflated against (if any). */
  // (facts: what an extraction thread checked a left-out record against, when it encoded it: encodeReport)
  // (no data: one to be deflated when put, with the rows of its report that this transaction wrote)
  private blobs = new WeakMap<object, { data?: unknown; against?: string; elided?: boolean; facts?: string }>();
  /** The reports this transaction wrote, by their text: what a fusion record deflated against it names. */
  private written = new Map<string, number>();
  /** The rows of the reports this transaction wrote, as a record of words = 3 is filled in from (by report id). */
  private facts = new Map<number, RowFacts>();

  constructor(c: Conn, d: Dialect, ft: FullText, private readonly kind: (e: unknown) => "busy" | "full" | "other") {
    super(c, d, ft);
  }

  fatal(e: unknown): boolean {
    return this.kind(e) !== "other";
  }

  /** Writes to counters that every report adds to: late on a server (Conn.late), at once otherwise. */
  private get lateWrites(): Conn {
    return (this.lateConn ??= this.c.late?.() ?? this.c);
  }
  private lateConn: Conn | undefined;

  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    const name = `s${++this.savepoints}`;
    await this.settleNames();
    await this.c.run(`SAVEPOINT ${name}`);
    try {
      const out = await fn();
      await this.c.run(`RELEASE ${name}`);
      return out;
    } catch (e) {
      try {
        await this.c.run(`ROLLBACK TO ${name}`);
        await this.c.run(`RELEASE ${name}`);
      } catch {
        /* the transaction itself is lost; the caller's error says why */
      }
      this.sourceIds.clear();
      this.pendingNames = [];
      this.written.clear();
      this.facts.clear();
      throw e;
    }
  }

  private bandQuery(bands: readonly number[], limit: number) {
    // the first `limit` reports of each band, by the (band, report) key, and only then their rows
    bands = bands.map(bandKey);
    return {
      sql: `SELECT h.band, h.report, coalesce(r.cluster, r.id) AS cluster, r.minhash
       FROM (SELECT band, report, row_number() OVER (PARTITION BY band ORDER BY report) AS k FROM bands WHERE ${this.d.inList("band")}) h
       JOIN reports r ON r.id = h.report WHERE h.k <= ? ORDER BY h.band, h.report`,
      params: [this.d.list([...new Set(bands)]), limit],
    };
  }

  /** The reports found under each band asked for (by the caller's key: bands are stored by bandKey). */
  private static hitsOf(rows: readonly Row[], asked: readonly number[]) {
    const stored = new Map<number, { report: number; cluster: number; minhash: Uint8Array | null }[]>();
    for (const r of rows) {
      const b = num(r.band);
      (stored.get(b) ?? stored.set(b, []).get(b)!).push({ report: num(r.report), cluster: num(r.cluster), minhash: (r.minhash as Uint8Array | null) ?? null });
    }
    const out = new Map<number, { report: number; cluster: number; minhash: Uint8Array | null }[]>();
    for (const b of asked) {
      const hits = stored.get(bandKey(b));
      if (hits) out.set(b, hits);
    }
    return out;
  }

  private nameQuery(nkeys: readonly string[]) {
    const list = [this.d.list([...new Set(nkeys)])];
    if (!namesById(this.d)) return { sql: `SELECT nkey, type, fkey FROM names WHERE ${this.d.inList("nkey")}`, params: list };
    // (a name's entity by its row's id, or by its key where it had no row when the name was written: schema 28)
    return {
      sql: `SELECT n.nkey, n.type, coalesce(f.fkey, n.fkey) AS fkey FROM names n LEFT JOIN fused f ON typeof(n.fkey) <> 'text' AND f.id = n.fkey WHERE ${this.d.inList("n.nkey")}`,
      params: list,
    };
  }

  private static namesOf(rows: readonly Row[]): NameRow[] {
    return rows.map((r) => ({ nkey: String(r.nkey), type: (typeof r.type === "string" ? r.type : entityType.word(r.type)) as EntityType, fkey: String(r.fkey) }));
  }

  async bandHits(bands: readonly number[], limit: number) {
    if (!bands.length) return new Map();
    const q = this.bandQuery(bands, limit);
    return SqlTx.hitsOf(await this.c.all<Row>(q.sql, q.params), bands);
  }

  async namesFor(nkeys: readonly string[]): Promise<NameRow[]> {
    if (!nkeys.length) return [];
    await this.settleNames();
    const q = this.nameQuery(nkeys);
    return SqlTx.namesOf(await this.c.all<Row>(q.sql, q.params));
  }

  /**
   * Writers on a database server do not take turns for the whole report; they take turns only where two
   * reports could decide something about each other: the same content or identity (stored once, versions
   * in order), a band of near-duplicate signatures (wire copies), a name not yet in the ledger (one fusion
   * key for it). A transaction-scoped advisory lock for each, taken in one order (by key) before what it
   * guards is read, so that a report that shares one with another in flight waits for its commit and then
   * sees it, and two reports that share none never wait for each other.
   */
  private lockKeys(keys: readonly string[]) {
    const ks = [...new Set(keys.map((k) => digest("sha1", k).readBigInt64BE(0)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { sql: "SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS u(k)", params: [ks.map(String)] };
  }

  async lookup(q: { hash: string; identity: string | null; bands: readonly number[]; bandLimit: number; nkeys: readonly string[] }) {
    await this.settleNames();
    const uids = q.identity ? [reportUid(q.identity), reportUid(q.identity, true)] : [];
    const locking = this.d.backend === "postgres";
    const qs = [
      ...(locking ? [this.lockKeys([`h:${q.hash}`, ...(q.identity ? [`i:${q.identity}`] : []), ...q.bands.map((b) => `b:${b}`)])] : []),
      { sql: "SELECT id, uid, version FROM reports WHERE hash = ?", params: [hashBytes(q.hash)] },
      ...(q.identity ? [{ sql: IDENTITY_SQL, params: uids }] : []),
      ...(q.bands.length ? [this.bandQuery(q.bands, q.bandLimit)] : []),
      ...(q.nkeys.length ? [this.nameQuery(q.nkeys)] : []),
    ];
    const res = await batch(this.c, qs);
    let k = locking ? 1 : 0;
    const h = res[k++]![0];
    const same = h && { id: num(h.id), uid: String(h.uid), version: num(h.version) };
    const prev = q.identity ? currentOf(res[k++]!, q.identity, uids) : undefined;
    const hits = q.bands.length ? SqlTx.hitsOf(res[k++]!, q.bands) : new Map();
    const names = q.nkeys.length ? SqlTx.namesOf(res[k++]!) : [];
    // names the ledger does not have yet: wait for any writer in flight that may be adding them, then ask again
    const known = new Set(names.map((n) => n.nkey));
    const unknown = [...new Set(q.nkeys)].filter((n) => !known.has(n));
    if (locking && !same && unknown.length) {
      const again = await batch(this.c, [this.lockKeys(unknown.map((n) => `n:${n}`)), this.nameQuery(unknown)]);
      names.push(...SqlTx.namesOf(again[1]!));
    }
    return { same, prev, hits, names };
  }

  async beforeLock(reports: readonly { title: string | null; text: string; language: string; items?: readonly unknown[]; encoded?: EncodedReport }[]): Promise<void> {
    for (const r of reports) {
      // (encoded by an ingest's extraction thread for a ledger that deflates: encodeReport)
      const pre = r.encoded && this.d.compressBody ? r.encoded : undefined;
      this.bodies.set(SqlTx.bodyKey(r.language, r.text), pre ? pre.body : encodeBody(this.d, r.text, r.language));
      (r.items ?? []).forEach((i, k) => {
        if (i && typeof i === "object")
          this.blobs.set(i, !this.d.compressBody ? { data: encodeBody(this.d, JSON.stringify(i)) } : pre?.items[k] ? { data: pre.items[k]!, against: r.text, elided: pre.elided[k], facts: pre.facts } : { against: r.text, elided: true });
      });
    }
    const sv = this.ft.searchVector;
    if (!sv || !this.ft.indexVector || !reports.length) return;
    const qs = reports.map((r) => ({ sql: sv, params: [r.language, r.title ?? "", r.text] }));
    // only reads: nothing another writer waits for is held before the lock
    const res = await (this.c.beforeLock ? this.c.beforeLock(() => batch(this.c, qs)) : batch(this.c, qs));
    reports.forEach((r, i) => {
      const v = res[i]?.[0]?.v;
      if (typeof v === "string") this.vectors.set(SqlTx.vectorKey(r.language, r.title ?? "", r.text), v);
    });
  }

  /** A body encoded before the lock, by its language (its preset words) and text. */
  private static bodyKey(language: string, text: string): string {
    return `${language}\u0000${text}`;
  }

  private static vectorKey(language: string, title: string, text: string): string {
    return `${language}\u0000${title}\u0000${text}`;
  }

  async addNames(rows: readonly NameRow[]): Promise<void> {
    // (SQLite: kept until the report's fused entities have rows, whose ids the names then keep: schema 28)
    if (namesById(this.d)) this.pendingNames.push(...rows);
    else await this.c.many("INSERT INTO names (nkey, type, fkey) VALUES (?, ?, ?) ON CONFLICT (nkey, type) DO NOTHING", rows.map((r) => [r.nkey, r.type, r.fkey]));
  }

  /** Writes the names added since last time, each with its entity's row id where `fusedId` has it, else its key. */
  async settleNames(fusedId?: ReadonlyMap<string, number>): Promise<void> {
    if (!this.pendingNames.length) return;
    const rows = this.pendingNames;
    this.pendingNames = [];
    await this.c.many(
      "INSERT INTO names (nkey, type, fkey) VALUES (?, ?, ?) ON CONFLICT (nkey, type) DO NOTHING",
      // (an id as a BigInt: a number is bound as a REAL to the column, which has no type)
      rows.map((r) => {
        const id = fusedId?.get(r.fkey);
        return [r.nkey, entityType.code(r.type), id === undefined ? r.fkey : BigInt(id)];
      }),
    );
  }
  private pendingNames: NameRow[] = [];

  private async sourceId(name: string): Promise<number> {
    let id = this.sourceIds.get(name);
    if (id === undefined) {
      const r =
        (await this.c.get<Row>("SELECT id FROM sources WHERE name = ?", [name])) ??
        (await this.c.get<Row>("INSERT INTO sources (name, folded) VALUES (?, ?) RETURNING id", [name, fold(name)]))!;
      id = num(r.id);
      this.sourceIds.set(name, id);
    }
    return id;
  }

  /**
   * Adds n claims of each (status, source id; 0: none) to the facet counters of an outlet and language (n < 0:
   * takes them off). In key order: on a server, two writers then wait for each other at most, never each
   * for the other.
   */
  private async addFacets(rows: [number, number, number][], outlet: string, language: string): Promise<void> {
    rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    await this.lateWrites.many(
      `INSERT INTO claim_facets (status, source, outlet, language, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (status, source, outlet, language) DO UPDATE SET n = claim_facets.n + excluded.n`,
      rows.map(([st, src, n]) => [st, src, outlet, language, n]),
    );
    // (and the same without the source: claim_totals, schema 18; after claim_facets' rows, in key order, as every writer takes them)
    const byStatus = new Map<number, number>();
    for (const [st, , n] of rows) byStatus.set(st, (byStatus.get(st) ?? 0) + n);
    await this.lateWrites.many(
      `INSERT INTO claim_totals (status, outlet, language, n) VALUES (?, ?, ?, ?)
       ON CONFLICT (status, outlet, language) DO UPDATE SET n = claim_totals.n + excluded.n`,
      [...byStatus].map(([st, n]) => [st, outlet, language, n]),
    );
    const less = rows.filter((x) => x[2] < 0);
    if (less.length)
      await this.lateWrites.many(
        "DELETE FROM claim_facets WHERE status = ? AND source = ? AND outlet = ? AND language = ? AND n <= 0",
        less.map(([st, src]) => [st, src, outlet, language]),
      );
  }

  async retire(id: number): Promise<void> {
    await this.c.run("UPDATE reports SET current = 0 WHERE id = ?", [id]);
    const [lo, hi] = range(id);
    // (its claims leave the index of words where that holds the current ones only)
    if (this.ft.unindexClaims) await this.c.run(this.ft.unindexClaims, [lo, hi]);
    const claims = (await this.c.all<Row>(`SELECT ${claimColumns(this.d, "claims", ["status", "pkey", "asserter", "entities", "source"])} FROM claims WHERE id >= ? AND id < ?`, [lo, hi])).map(unpackClaim);
    const rep = await this.c.get<Row>("SELECT source, language, published_ms FROM reports WHERE id = ?", [id]);
    // Its claims leave their entities' lists (only current claims are kept there: an entity's count is its range's).
    if (rep)
      await this.c.run(
        `DELETE FROM claim_entities WHERE fused IN (SELECT DISTINCT fused FROM entities WHERE id >= ? AND id < ?) AND ms = ? AND claim >= ? AND claim < ?`,
        [lo, hi, num(rep.published_ms), lo, hi],
      );
    const perFacet = new Map<string, [number, number, number]>();
    for (const c of claims) {
      const st = num(c.status), src = c.source === null || c.source === undefined ? 0 : num(c.source);
      const k = `${st} ${src}`;
      const x = perFacet.get(k) ?? perFacet.set(k, [st, src, 0]).get(k)!;
      x[2]--;
    }
    if (rep) await this.addFacets([...perFacet.values()], str(rep.source) ?? "", String(rep.language));
    for (const c of claims) {
      await this.lateWrites.run("UPDATE props SET n = n - 1 WHERE status = ? AND pkey = ? AND asserter = ?", [c.status, c.pkey, c.asserter]);
      await this.lateWrites.run("DELETE FROM props WHERE status = ? AND pkey = ? AND asserter = ? AND n <= 0", [c.status, c.pkey, c.asserter]);
      await this.lateWrites.run("UPDATE asserters SET claims = claims - 1 WHERE id = ?", [c.asserter]);
    }
    const naming = claimsNaming(claims.map((c) => ({ entities: claimEntities(c.entities) })));
    const perFused = new Map<number, { mentions: number; claims: number; names: Set<string> }>();
    const en = entityName(this.d, "e");
    for (const e of await this.c.all<Row>(`SELECT e.id, e.fused, ${en.name}, e.aliases, e.mentions FROM entities e ${en.join} WHERE e.id >= ? AND e.id < ?`, [lo, hi])) {
      const f = num(e.fused);
      const agg = perFused.get(f) ?? perFused.set(f, { mentions: 0, claims: 0, names: new Set() }).get(f)!;
      agg.mentions += mentions(e.mentions, []).length;
      agg.claims += naming.get(num(e.id) % SPAN) ?? 0;
      agg.names.add(String(e.name));
      for (const a of json<string[]>(e.aliases, [])) agg.names.add(a);
    }
    for (const [f, agg] of perFused) {
      await this.lateWrites.run("UPDATE fused SET reports = reports - 1, mentions = mentions - ?, claims = claims - ? WHERE id = ?", [agg.mentions, agg.claims, f]);
      for (const n of agg.names) {
        await this.lateWrites.run("UPDATE fused_names SET n = n - 1 WHERE fused = ? AND name = ?", [f, n]);
        await this.lateWrites.run("DELETE FROM fused_names WHERE fused = ? AND name = ? AND n <= 0", [f, n]);
      }
    }
  }

  async putReport(r: ReportRecord, supersedes: Stored | undefined): Promise<Stored> {
    const m = r.meta;
    let uid: string;
    const lineage = r.identity ?? `hash:${r.hash}`;
    if (supersedes) {
      uid = supersedes.uid;
      await this.retire(supersedes.id);
    } else uid = reportUid(lineage);
    const version = supersedes ? supersedes.version + 1 : 1;
    const parts = Math.max(r.entities.length, r.claims.length, r.times.length, r.counts.length, r.unknowns.length, r.events.length);
    if (parts >= SPAN) throw new Error(`the report yields ${parts} rows of one kind; a report can hold at most ${SPAN - 1}`);

    // Fused entities: one row per fusion key, counted once per report.
    const naming = claimsNaming(r.claims);
    const perKey = new Map<string, { type: EntityType; first: string; mentions: number; claims: number; geo?: EntityRecord["geo"]; names: Set<string> }>();
    r.entities.forEach((e, seq) => {
      const agg = perKey.get(e.fkey) ?? perKey.set(e.fkey, { type: e.type, first: e.name, mentions: 0, claims: 0, names: new Set() }).get(e.fkey)!;
      agg.mentions += e.mentions.length;
      agg.claims += naming.get(seq) ?? 0;
      agg.geo ??= e.geo;
      agg.names.add(e.name);
      for (const a of e.aliases) agg.names.add(a);
    });
    const fkeys = [...perKey.keys()].sort();
    const perAsserter = new Map<string, { name: string; n: number }>();
    for (const c of r.claims) {
      const a = perAsserter.get(c.asserter.key) ?? perAsserter.set(c.asserter.key, { name: c.asserter.name, n: 0 }).get(c.asserter.key)!;
      a.n++;
    }
    // (on a server, rows that other writers may update at the same time are written in one order, by key:
    // two writers then wait for each other at most, never each for the other)
    const inOrder = this.d.backend === "postgres";
    const akeys = inOrder ? [...perAsserter.keys()].sort() : [...perAsserter.keys()];
    const newSources = [...new Set(r.claims.flatMap((c) => (c.source && !this.sourceIds.has(c.source.name) ? [c.source.name] : [])))];

    // What returns ids goes in one batch (one round trip to a database server): whether another lineage
    // has this uid already (it is asked before the report is written), the report's row, its fused
    // entities and its asserters (one statement each for all of them: their keys are distinct), and the
    // ids of its sources that this transaction has not met yet.
    const qs: { sql: string; params: readonly unknown[] }[] = [];
    if (!supersedes) qs.push({ sql: "SELECT identity, url, hash FROM reports WHERE uid = ? LIMIT 1", params: [uid] });
    const [folder, origin] = originStored(m.origin);
    if (folder !== null) qs.push({ sql: "INSERT INTO folders (path) VALUES (?) ON CONFLICT (path) DO NOTHING RETURNING id", params: [folder] });
    qs.push({
      sql: `INSERT INTO reports (uid, hash, identity, version, supersedes, current, cluster, title, source, url, published, published_ms, published_from,
           language, language_from, other_language, folder, origin, format, ingested_at, minhash, claims)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM folders WHERE path = ?), ?, ?, ?, ?, ?) RETURNING id`,
      params: [
        uid, hashBytes(r.hash), identityStored(r.identity, m.url), version, supersedes?.id ?? null, r.cluster, m.title ?? null, m.source ?? null, m.url ?? null, publishedStored(this.d, m.published),
        publishedMs(m.published), wordStored(this.d, PUBLISHED_FROM, m.publishedFrom), m.language, wordStored(this.d, LANGUAGE_FROM, m.languageFrom),
        m.otherLanguage ?? null, folder, origin, m.format ?? null, ingestedStored(this.d, r.ingestedAt),
        Buffer.from(r.minhash.buffer, r.minhash.byteOffset, r.minhash.byteLength), r.claims.length,
      ],
    });
    // On a server the counters of fused entities and asserters are added up late (SqlTx.lateWrites): here
    // only the rows this report needs that the ledger lacks are added (counting nothing yet), and all their
    // ids read. A row another writer is adding is waited for by the insert and then read.
    const late = !!this.c.late;
    // (where entity rows leave out their fused entity's first name, a new fused row keeps it: the name of
    // this report's first entity of its key; an existing row's stays as it is, and is returned: schema 29)
    const elide = elidesNames(this.d);
    const fusedCols = `fkey, uid, type, reports, mentions, claims, lat, lon, country, geoname_id${elide ? ", name" : ""}`;
    const fusedValues = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?${elide ? ", ?" : ""})`;
    const fusedRow = (fkey: string, n: number) => {
      const agg = perKey.get(fkey)!, g = agg.geo;
      const row = [fkey, entityUid(fkey), entityType.code(agg.type), n, n && agg.mentions, n && agg.claims, g?.lat ?? null, g?.lon ?? null, g?.country ?? null, g?.geonameId ?? null];
      if (elide) row.push(agg.first);
      return row;
    };
    const fusedUpsert = (n: number) =>
      `INSERT INTO fused (${fusedCols}) VALUES ${Array(n).fill(fusedValues).join(", ")}
         ON CONFLICT (uid) DO UPDATE SET reports = fused.reports + excluded.reports, mentions = fused.mentions + excluded.mentions, claims = fused.claims + excluded.claims,
           lat = coalesce(fused.lat, excluded.lat), lon = coalesce(fused.lon, excluded.lon), country = coalesce(fused.country, excluded.country),
           geoname_id = coalesce(fused.geoname_id, excluded.geoname_id)`;
    const asserterUpsert = (n: number) =>
      `INSERT INTO asserters (key, name, claims) VALUES ${Array(n).fill("(?, ?, ?)").join(", ")} ON CONFLICT (key) DO UPDATE SET claims = asserters.claims + excluded.claims`;
    for (let i = 0; i < fkeys.length; i += 200) {
      const part = fkeys.slice(i, i + 200);
      if (late) {
        qs.push({
          sql: `INSERT INTO fused (${fusedCols}) VALUES ${part.map(() => fusedValues).join(", ")}
           ON CONFLICT (uid) DO NOTHING`,
          params: part.flatMap((fkey) => fusedRow(fkey, 0)),
        });
        qs.push({ sql: `SELECT id, fkey${elide ? ", name" : ""} FROM fused WHERE ${this.d.inList("uid")}`, params: [this.d.list(part.map(entityUid))] });
      } else qs.push({ sql: `${fusedUpsert(part.length)} RETURNING id, fkey${elide ? ", name" : ""}`, params: part.flatMap((fkey) => fusedRow(fkey, 1)) });
    }
    for (let i = 0; i < akeys.length; i += 200) {
      const part = akeys.slice(i, i + 200);
      if (late) {
        qs.push({
          sql: `INSERT INTO asserters (key, name, claims) VALUES ${part.map(() => "(?, ?, 0)").join(", ")} ON CONFLICT (key) DO NOTHING`,
          params: part.flatMap((k) => [k, perAsserter.get(k)!.name]),
        });
        qs.push({ sql: `SELECT id, key FROM asserters WHERE ${this.d.inList("key")}`, params: [this.d.list(part)] });
      } else qs.push({ sql: `${asserterUpsert(part.length)} RETURNING id, key`, params: part.flatMap((k) => [k, perAsserter.get(k)!.name, perAsserter.get(k)!.n]) });
    }
    // On a server, the sources the ledger has not met yet are added first, in the same round trip, in
    // the order they are met (those it has met use up no ids; one another writer adds meanwhile is left
    // to it); then all their ids are read.
    const adding = !!this.c.batch && newSources.length > 0;
    for (let i = 0; adding && i < newSources.length; i += 200) {
      const part = newSources.slice(i, i + 200);
      qs.push({
        sql: `INSERT INTO sources (name, folded) SELECT v.name, v.folded FROM (VALUES ${part.map(() => "(?, ?, ?)").join(", ")}) AS v(k, name, folded)
         WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.name = v.name) ORDER BY v.k ON CONFLICT (name) DO NOTHING`,
        params: part.flatMap((n, j) => [j, n, fold(n)]),
      });
    }
    for (let i = 0; i < newSources.length; i += 500)
      qs.push({ sql: `SELECT id, name FROM sources WHERE ${this.d.inList("name")}`, params: [this.d.list(newSources.slice(i, i + 500))] });
    const res = await batch(this.c, qs);
    let k = 0;
    if (!supersedes) {
      const other = res[k++]![0];
      // (the report's row was written after this was read: a uid of another lineage is rare, renamed at once)
      if (other && (identityRead(other.identity, other.url) ?? `hash:${hashHex(other.hash)}`) !== lineage) uid = reportUid(lineage, true);
    }
    if (folder !== null) k++;
    const id = num(res[k++]![0]!.id);
    if (!supersedes && uid !== reportUid(lineage)) await this.c.run("UPDATE reports SET uid = ? WHERE id = ?", [uid, id]);
    const fusedId = new Map<string, number>();
    const firstName = new Map<string, string>();
    const asserterId = new Map<string, number>();
    for (let i = 0; i < fkeys.length; i += 200) {
      if (late) k++;
      for (const row of res[k++]!) {
        fusedId.set(String(row.fkey), num(row.id));
        if (elide && typeof row.name === "string") firstName.set(String(row.fkey), row.name);
      }
    }
    await this.settleNames(fusedId);
    for (let i = 0; i < akeys.length; i += 200) {
      if (late) k++;
      for (const row of res[k++]!) asserterId.set(String(row.key), num(row.id));
    }
    if (late) {
      // the counts, with the commit (in key order, as every writer writes them)
      for (let i = 0; i < fkeys.length; i += 200) {
        const part = fkeys.slice(i, i + 200);
        await this.lateWrites.run(fusedUpsert(part.length), part.flatMap((fkey) => fusedRow(fkey, 1)));
      }
      for (let i = 0; i < akeys.length; i += 200) {
        const part = akeys.slice(i, i + 200);
        await this.lateWrites.run(asserterUpsert(part.length), part.flatMap((k) => [k, perAsserter.get(k)!.name, perAsserter.get(k)!.n]));
      }
    }
    if (adding) k += Math.ceil(newSources.length / 200);
    for (let i = 0; i < newSources.length; i += 500) for (const row of res[k++]!) this.sourceIds.set(String(row.name), num(row.id));
    // and those the ledger has not met yet, in one statement (writers one at a time: none can add them meanwhile)
    const unmet = newSources.filter((n) => !this.sourceIds.has(n));
    for (let i = 0; i < unmet.length; i += 200) {
      const part = unmet.slice(i, i + 200);
      for (const row of await this.c.all<Row>(`INSERT INTO sources (name, folded) VALUES ${part.map(() => "(?, ?)").join(", ")} RETURNING id, name`, part.flatMap((n) => [n, fold(n)])))
        this.sourceIds.set(String(row.name), num(row.id));
    }

    // The rest returns nothing (on a database server it waits, and goes with the commit).
    await this.c.run("INSERT INTO bodies (id, text) VALUES (?, ?)", [id, this.bodies.get(SqlTx.bodyKey(m.language, r.text)) ?? encodeBody(this.d, r.text, m.language)]);
    this.written.set(r.text, id);
    if (this.d.compressBody) this.facts.set(id, factsOfReport(r));
    const key = (seq: number) => id * SPAN + seq;
    const own = (s: SpanText) => (r.text.slice(s.start, s.end) === s.text ? null : s.text);
    await this.c.many("INSERT INTO bands (band, report) VALUES (?, ?) ON CONFLICT (band, report) DO NOTHING", [...new Set(r.bands.map(bandKey))].map((b) => [b, id]));
    const vector = this.vectors.get(SqlTx.vectorKey(m.language, m.title ?? "", r.text));
    if (vector !== undefined && this.ft.indexVector) await this.c.run(this.ft.indexVector, [id, vector]);
    else if (this.ft.indexReport) await this.c.run(this.ft.indexReport, [id, m.title ?? "", r.text]);
    await this.lateWrites.many(
      "INSERT INTO fused_names (fused, name, n) VALUES (?, ?, 1) ON CONFLICT (fused, name) DO UPDATE SET n = fused_names.n + 1",
      fkeys.flatMap((fkey) => (inOrder ? [...perKey.get(fkey)!.names].sort() : [...perKey.get(fkey)!.names]).map((n) => [fusedId.get(fkey)!, n])),
    );
    await this.c.many(
      rowsInsert(this.d, "entities", ["fused", "type", "name", "aliases", "mentions"]),
      rowsOf(this.d, r.entities.map((e, seq) => [
        key(seq), id, fusedId.get(e.fkey)!, entityType.code(e.type), elide && firstName.get(e.fkey) === e.name ? null : e.name, e.aliases.length ? JSON.stringify(e.aliases) : null,
        encodeMentions(this.d, e),
      ])),
    );

    // Claims, their full-text index and the propositions they count into.
    const seen = new Map<string, number>();
    const claimRows: unknown[][] = [];
    const claimSources: (number | null)[] = [];
    for (let seq = 0; seq < r.claims.length; seq++) {
      const c = r.claims[seq]!;
      const words = c.text.replace(/\s+/g, " ").trim();
      const n = seen.get(words) ?? 0;
      seen.set(words, n + 1);
      claimSources.push(c.source ? await this.sourceId(c.source.name) : null);
      const row: Row = {
        cid: cidStored(this.d, claimKey(c.text, n)), sentence: c.sentence, paragraph: c.paragraph, start: c.start, stop: c.end, status: status.code(c.status), pkey: c.pkey,
        asserter: asserterId.get(c.asserter.key)!, source_keyed: c.sourceKeyed ? 1 : 0, source: claimSources[seq], source_kind: c.source ? sourceKind.code(c.source.kind) : null,
        source_entity: c.source?.entity ?? null, source_role: c.source?.role ?? null, cue_start: c.cue?.start ?? null, cue_stop: c.cue?.end ?? null,
        cue_text: c.cue ? own(c.cue) : null, quote: c.quote ? 1 : 0, entities: claimEntitiesStored(this.d, c.entities),
        features: c.features ? JSON.stringify(c.features) : null, notable: c.notable, text: own(c),
      };
      if (packsClaims(this.d)) row.packed = packClaim(row);
      claimRows.push([key(seq), id, ...claimInsertCols(this.d).map((k) => row[k])]);
    }
    await this.c.many(rowsInsert(this.d, "claims", claimInsertCols(this.d)), rowsOf(this.d, claimRows));
    // Each claim under the fused entities it names and its source's, and its words in the claims' index.
    const roles = new Map<number, number>();
    const claimEntities: unknown[][] = [];
    const facetCols = entityFacets(this.d);
    r.claims.forEach((c, seq) => {
      roles.clear();
      const under = (e: number | undefined, bit: number) => {
        const f = e === undefined ? undefined : fusedId.get(r.entities[e]?.fkey ?? "");
        if (f !== undefined) roles.set(f, (roles.get(f) ?? 0) | bit);
      };
      for (const e of c.entities) under(e, 1);
      under(c.source?.entity ?? undefined, 2);
      // (and what an entity's facets count it under, where the rows keep it: schema 21)
      const facets = facetCols.length ? [status.code(c.status), claimSources[seq], m.source ?? null, m.language] : [];
      for (const [f, role] of roles) claimEntities.push([f, publishedMs(m.published), key(seq), role, ...facets]);
    });
    const ceCols = ["fused", "ms", "claim", "role", ...facetCols];
    await this.c.many(`INSERT INTO claim_entities (${ceCols.join(", ")}) VALUES (${ceCols.map(() => "?").join(", ")})`, claimEntities);
    const words = r.claims.map((c, seq) => this.ft.indexClaimParams(key(seq), m.language, c.text, status.code(c.status), r.unindexed)).filter((x) => x !== null);
    if (this.ft.indexReportRest) words.push(this.ft.indexReportRest(id, m.title ?? "", r.text, r.claims, r.unindexed));
    if (this.ft.indexClaims && words.length > 1) await this.c.run(this.ft.indexClaims, [words.map((w) => w[0]), words.map((w) => w[1])]);
    else await this.c.many(this.ft.indexClaim, words);
    const ms = publishedMs(m.published);
    await this.lateWrites.many(
      `INSERT INTO props (status, pkey, asserter, n, first_ms, last_ms, first_claim, kind, quote) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)
       ON CONFLICT (status, pkey, asserter) DO UPDATE SET n = props.n + 1,
         first_claim = CASE WHEN excluded.first_ms < props.first_ms THEN excluded.first_claim ELSE props.first_claim END,
         first_ms = ${this.d.least("props.first_ms", "excluded.first_ms")}, last_ms = ${this.d.greatest("props.last_ms", "excluded.last_ms")},
         kind = coalesce(props.kind, excluded.kind), quote = ${this.d.greatest("props.quote", "excluded.quote")}`,
      ((rows) => (inOrder ? rows.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!) : rows))(
        r.claims.map((c, seq) => [status.code(c.status), c.pkey, asserterId.get(c.asserter.key)!, ms, ms, key(seq), c.source ? sourceKind.code(c.source.kind) : null, c.quote ? 1 : 0]),
      ),
    );

    await this.c.many(
      rowsInsert(this.d, "times", ["start", "stop", "value", "type", "mod", "claim", "text"]),
      rowsOf(this.d, r.times.map((t, seq) => [key(seq), id, t.start, t.end, t.value, wordStored(this.d, TIMEX_TYPES, t.type), t.mod ?? null, t.timeline ?? null, own(t)])),
    );
    await this.c.many(
      rowsInsert(this.d, "counts", ["start", "stop", "kind", "value", "approx", "claim", "text"]),
      rowsOf(this.d, r.counts.map((n, seq) => [key(seq), id, n.start, n.end, n.kind, n.value, n.approx, n.claim ?? null, own(n)])),
    );
    await this.c.many(
      rowsInsert(this.d, "unknowns", ["start", "stop", "claim", "text"]),
      rowsOf(this.d, r.unknowns.map((u, seq) => [key(seq), id, u.start, u.end, u.claim ?? null, own(u)])),
    );
    await this.c.many(
      rowsInsert(this.d, "events", ["type", "claims", "actors", "locations", "time"]),
      rowsOf(this.d, r.events.map((v, seq) => [
        key(seq), id, wordStored(this.d, EVENT_TYPES, v.type), positionsStored(this.d, v.claims), positionsStored(this.d, v.actors), positionsStored(this.d, v.locations), v.time ?? null,
      ])),
    );
    // The facet counters (schema 9, written late on a server: SqlTx.lateWrites): the report's claims by status and source, under its outlet and language.
    // (last: every report of an outlet adds to the same few rows, which a concurrent writer on a server then
    // waits for until this transaction ends; the less of it is left after them, the shorter the wait)
    const perFacet = new Map<number, number>();
    for (let seq = 0; seq < r.claims.length; seq++) {
      const k = status.code(r.claims[seq]!.status) * 2 ** 40 + (claimSources[seq] ?? 0);
      perFacet.set(k, (perFacet.get(k) ?? 0) + 1);
    }
    await this.addFacets([...perFacet].map(([k, n]) => [Math.floor(k / 2 ** 40), k % 2 ** 40, n]), m.source ?? "", m.language);
    return { id, uid, version };
  }

  async putFusionItems(kind: string, items: readonly FusionItem[]): Promise<void> {
    await this.c.many(
      "INSERT INTO fusion_items (kind, id, data, against, words) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, against = excluded.against, words = excluded.words",
      // deflated as report bodies are (a report's fusion record repeats its keys for every claim: a quarter of the size),
      // and against the body of the report it was prepared with when this transaction wrote that report
      items.map((i) => {
        const b = i.data && typeof i.data === "object" ? this.blobs.get(i.data) : undefined;
        const against = b?.against === undefined ? undefined : this.written.get(b.against);
        const words = this.d.compressBody ? 1 : null;
        if (b?.elided && against !== undefined) {
          // (as encoded before, when that was checked against the same rows as this transaction wrote; else deflated here against them)
          const facts = this.facts.get(against);
          if (b.data !== undefined && facts && b.facts === factsDigest(facts)) return [kind, i.id, b.data, against, ROW_WORDS];
          const f = deflatedRecord(i.data, b.against!, facts ?? { claims: [], entities: [], report: null });
          return [kind, i.id, f.data, against, f.elided ? ROW_WORDS : words];
        }
        if (b && b.data !== undefined && (b.against === undefined || against !== undefined)) return [kind, i.id, b.data, against ?? null, b.against === undefined ? null : words];
        return [kind, i.id, this.d.compressBody ? encodeAgainst(JSON.stringify(i.data), null) : encodeBody(this.d, JSON.stringify(i.data)), null, words];
      }),
    );
  }

  async deleteFusionItems(kind: string, ids: readonly string[]): Promise<void> {
    await this.c.many("DELETE FROM fusion_items WHERE kind = ? AND id = ?", ids.map((i) => [kind, i]));
  }

  async clearFusionItems(kind: string): Promise<void> {
    await this.c.run("DELETE FROM fusion_items WHERE kind = ?", [kind]);
  }

  async linkClaims(kind: string, links: readonly { claim: number; item: string }[]): Promise<void> {
    await this.c.many(
      "INSERT INTO fusion_links (kind, claim, item) VALUES (?, ?, ?) ON CONFLICT (kind, claim) DO UPDATE SET item = excluded.item",
      links.map((l) => [kind, l.claim, l.item]),
    );
  }

  async putCorrection(c: CorrectionRecord): Promise<number> {
    const r = await this.c.get<Row>("INSERT INTO corrections (at, who, why, target, action, data, undoes) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", [
      c.at, c.who, c.why, c.target, c.action, c.data === null || c.data === undefined ? null : JSON.stringify(c.data), c.undoes,
    ]);
    return num(r!.id);
  }

  async setFusionState(kind: string, watermark: number, data?: unknown): Promise<void> {
    await this.c.run(
      "INSERT INTO fusion_state (kind, watermark, data) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET watermark = excluded.watermark, data = excluded.data",
      [kind, watermark, data === undefined ? null : encodeState(this.d, JSON.stringify(data))],
    );
  }

  async deleteFusionStates(kinds: readonly string[]): Promise<void> {
    await this.c.many("DELETE FROM fusion_state WHERE kind = ?", kinds.map((k) => [k]));
  }
}

type EntityRecord = ReportRecord["entities"][number];
export type { ClaimRecord };

function publishedMs(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SqlStore implements Store {
  readonly reads: Reads;
  private readonly ft: FullText;
  private closed = false;

  private constructor(
    readonly driver: Driver,
    private readonly o: StoreOptions,
  ) {
    this.ft = fullText(driver.dialect);
    this.reads = new SqlReads(driver.reader, driver.dialect, this.ft);
  }

  /** Opens the ledger behind a driver, bringing its schema up to date (unless read-only). */
  static async open(driver: Driver, o: StoreOptions = {}): Promise<SqlStore> {
    try {
      const from = await driver.schemaVersion();
      if (from < 0) throw new StoreRefused(`${driver.location} is not a sitrep ledger (it holds other tables)`);
      const p = plan(from);
      if ("refuse" in p) throw new StoreRefused(`cannot open the ledger ${driver.location}: ${p.refuse}`);
      if (p.run.length) {
        if (driver.readonly) throw new StoreBehind(`the ledger ${driver.location} has schema ${from}; this sitrep needs ${LATEST}, and it could not be updated: open it for writing once (sitrep ingest) to update it`);
        for (const step of p.run) {
          const applied = APPLIED[step.version]?.(driver.dialect);
          const done = applied !== undefined && !!(await driver.reader.get(applied));
          await driver.migrate(step.version, done ? "SELECT 1;" : step.sql(driver.dialect));
        }
      }
      if (!driver.readonly) await indexClaimWords(driver);
      if (!driver.readonly) await deflateBodiesWithWords(driver);
      if (!driver.readonly) await elideOldRecords(driver);
      if (!driver.readonly) await fillEntityFacets(driver);
      if (!driver.readonly) await compactOldRows(driver);
      if (!driver.readonly) await packOldClaims(driver);
      return new SqlStore(driver, o);
    } catch (e) {
      await driver.close();
      if (e instanceof StoreRefused) throw e;
      const code = String((e as { code?: unknown })?.code ?? "");
      if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") throw new StoreRefused(`${driver.location} is not a sitrep ledger (${(e as Error).message})`);
      throw e;
    }
  }

  get backend() {
    return this.driver.dialect.backend;
  }
  get location() {
    return this.driver.location;
  }

  async write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const deadline = Date.now() + (this.o.writeDeadlineMs ?? 10 * 60_000);
    const started = Date.now();
    let told = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.lock(() =>
          this.driver.transaction(async (c) => {
            const tx = new SqlTx(c, this.driver.dialect, this.ft, (x) => this.driver.errorKind(x));
            const out = await fn(tx);
            await tx.settleNames();
            return out;
          }),
        );
      } catch (e) {
        const kind = this.driver.errorKind(e);
        if (kind === "full") throw new StoreFull(`the ledger ${this.location} could not take the write: ${(e as Error).message}`);
        if (kind !== "busy") throw e;
        // Another writer holds the ledger: run the whole transaction again once it lets go.
        if (Date.now() > deadline) throw new StoreBusy(`other writers held the ledger ${this.location} for over ${Math.round((Date.now() - started) / 1000)} s`);
        if (!told && this.o.onWait) {
          told = true;
          this.o.onWait(Date.now() - started);
        }
        await sleep(Math.min(1000, 10 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
      }
    }
  }

  /** Writes of this process one at a time (another process's wait in the database). */
  private queue: Promise<unknown> = Promise.resolve();
  private lock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async snapshot<T>(fn: (r: Reads) => Promise<T>): Promise<T> {
    return this.driver.snapshot((c) => fn(new SqlReads(c, this.driver.dialect, this.ft, true)));
  }

  changeMark(): Promise<number> {
    return this.driver.changeMark();
  }

  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
    return this.driver.exclusive ? this.driver.exclusive(name, fn) : fn();
  }

  get onChange(): Store["onChange"] {
    const d = this.driver;
    return d.onChange ? (fn) => d.onChange!(fn) : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}
