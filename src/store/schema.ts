// The ledger's schema and its migrations, for both backends, from one place: each migration is SQL written
// against the Dialect. Add new migrations at the end; never edit one that has shipped.
//
// Layout, and why:
// - A report's body is kept once, apart from its metadata (bodies; compressed on SQLite, where PostgreSQL
//   compresses by itself), so that the rows read most are small; every span (claim, mention, time, figure, unknown, cue) is stored as
//   offsets and sliced from it when read. No span text is stored twice (a `text` column is filled only in
//   the unexpected case that a stage's span text is not the slice of its offsets).
// - The rows a report yields (entities, claims, times, counts, unknowns, events) have the key
//   report * 2^20 + position in the report, so one report's rows are one key range (no index needed to
//   read a report's claims) and claim keys grow with ingestion (a watermark reads what is new).
// - A report's wire-copy cluster is the id of the earlier report it copies (NULL: its own id).
// - Names of sources are kept once (sources), with a folded form for search; a claim's status, an entity's
//   type and a source's kind are small numbers (codes.ts).
// - Reports have two identities: `id`, internal and per version, and `uid`, the stable id users see and
//   cite (d + 12 base32 characters of a hash of the report's URL or file, else of its content), shared by
//   all versions. A claim's stable id is uid + "-" + `cid`, a hash of its wording and its occurrence in the
//   report (ids.ts), so it survives a new version that keeps the claim's words.
// - Fusion keys chosen by src/ledger (entity fusion keys, proposition keys, asserters, wire-copy clusters)
//   are stored as given; the aggregates below (props, fused, fused_names, asserters) are counters over them
//   kept current by every write, so that a briefing of a large ledger reads small tables.
// - fusion_items / fusion_links / fusion_state hold what src/ledger computes over the whole ledger
//   (propositions, incidents …) in a shape the ledger owns.
// - corrections: an editor's corrections (retract a report, a claim's status or source, merge or split
//   entities) with who, when and why; the extraction rows are never changed by one.
import type { Dialect } from "./dialect.js";
import { fullText } from "./dialect.js";
import { ENTITY_TYPES, status } from "./codes.js";

/** Rows of one report: key = report * SPAN + position. */
export const SPAN = 1048576;

/** Ledgers of sitrep 0.1 (schema 1 and 2) kept every span's text several times over; they are re-ingested. */
export const FIRST = 3;

export const MIGRATIONS: readonly ((d: Dialect) => string)[] = [
  // 3: the whole ledger
  (d) => `
  CREATE TABLE reports (
    id ${d.autoId},
    uid TEXT NOT NULL,
    hash ${d.bytes} NOT NULL UNIQUE,
    identity TEXT,
    version INTEGER NOT NULL,
    supersedes ${d.int8},
    current INTEGER NOT NULL,
    cluster ${d.int8},
    title TEXT, source TEXT, url TEXT,
    published TEXT NOT NULL, published_ms ${d.int8} NOT NULL, published_from TEXT NOT NULL,
    language TEXT NOT NULL, language_from TEXT NOT NULL,
    other_language TEXT,
    origin TEXT, format TEXT,
    ingested_at TEXT NOT NULL,
    minhash ${d.bytes}
  );
  CREATE TABLE bodies (id ${d.int8} PRIMARY KEY, text ${d.body} NOT NULL);
  CREATE INDEX reports_uid ON reports (uid);
  CREATE INDEX reports_current ON reports (published_ms, uid) WHERE current = 1;
  CREATE TABLE bands (band ${d.int8} NOT NULL, report ${d.int8} NOT NULL, PRIMARY KEY (band, report))${d.clustered};

  CREATE TABLE fused (
    id ${d.autoId},
    fkey TEXT NOT NULL UNIQUE,
    uid TEXT NOT NULL UNIQUE,
    type INTEGER NOT NULL,
    reports INTEGER NOT NULL, mentions INTEGER NOT NULL, claims INTEGER NOT NULL,
    lat ${d.real}, lon ${d.real}, country TEXT, geoname_id INTEGER
  );
  CREATE TABLE fused_names (fused ${d.int8} NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (fused, name))${d.clustered};
  CREATE TABLE names (nkey TEXT NOT NULL, type TEXT NOT NULL, fkey TEXT NOT NULL, PRIMARY KEY (nkey, type))${d.clustered};

  CREATE TABLE entities (
    id ${d.int8} PRIMARY KEY,
    report ${d.int8} NOT NULL,
    fused ${d.int8} NOT NULL,
    type INTEGER NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT,
    mentions TEXT NOT NULL
  );
  CREATE INDEX entities_fused ON entities (fused, id);

  CREATE TABLE asserters (id ${d.autoId}, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, claims INTEGER NOT NULL);
  CREATE TABLE sources (id ${d.autoId}, name TEXT NOT NULL UNIQUE, folded TEXT NOT NULL);
  CREATE INDEX sources_folded ON sources (folded);

  CREATE TABLE claims (
    id ${d.int8} PRIMARY KEY,
    report ${d.int8} NOT NULL,
    cid TEXT NOT NULL,
    sentence INTEGER NOT NULL, paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL, stop INTEGER NOT NULL,
    status INTEGER NOT NULL,
    pkey ${d.int8} NOT NULL,
    asserter ${d.int8} NOT NULL,
    source_keyed INTEGER NOT NULL,
    source ${d.int8}, source_kind INTEGER, source_entity INTEGER, source_role TEXT,
    cue_start INTEGER, cue_stop INTEGER, cue_text TEXT,
    quote INTEGER NOT NULL,
    entities TEXT,
    features TEXT,
    notable INTEGER NOT NULL,
    text TEXT
  );
  -- (on PostgreSQL the name claims_pkey is the primary key's own index)
  CREATE INDEX ${d.backend === "postgres" ? "claims_by_pkey" : "claims_pkey"} ON claims (pkey);
  CREATE INDEX claims_notable ON claims (id) WHERE notable <> 0;
  CREATE INDEX claims_unknown ON claims (id) WHERE status = ${status.code("unknown")};

  CREATE TABLE props (
    status INTEGER NOT NULL, pkey ${d.int8} NOT NULL, asserter ${d.int8} NOT NULL,
    n INTEGER NOT NULL, first_ms ${d.int8} NOT NULL, last_ms ${d.int8} NOT NULL, first_claim ${d.int8} NOT NULL,
    kind INTEGER, quote INTEGER NOT NULL,
    PRIMARY KEY (status, pkey, asserter)
  )${d.clustered};

  CREATE TABLE times (
    id ${d.int8} PRIMARY KEY, report ${d.int8} NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,
    value TEXT NOT NULL, type TEXT NOT NULL, mod TEXT, claim INTEGER, text TEXT
  );
  CREATE INDEX times_timeline ON times (value, id) WHERE claim IS NOT NULL;
  CREATE TABLE counts (
    id ${d.int8} PRIMARY KEY, report ${d.int8} NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,
    kind TEXT NOT NULL, value ${d.real} NOT NULL, approx TEXT NOT NULL, claim INTEGER, text TEXT
  );
  CREATE TABLE unknowns (id ${d.int8} PRIMARY KEY, report ${d.int8} NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL, claim INTEGER, text TEXT);
  CREATE TABLE events (
    id ${d.int8} PRIMARY KEY, report ${d.int8} NOT NULL, type TEXT NOT NULL,
    claims TEXT NOT NULL, actors TEXT NOT NULL, locations TEXT NOT NULL, time TEXT
  );

  CREATE TABLE fusion_items (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id))${d.clustered};
  CREATE TABLE fusion_links (kind TEXT NOT NULL, claim ${d.int8} NOT NULL, item TEXT NOT NULL, PRIMARY KEY (kind, claim))${d.clustered};
  CREATE INDEX fusion_links_item ON fusion_links (kind, item);
  CREATE TABLE fusion_state (kind TEXT PRIMARY KEY, watermark ${d.int8} NOT NULL, data TEXT);

  CREATE TABLE corrections (
    id ${d.autoId},
    at TEXT NOT NULL, who TEXT NOT NULL, why TEXT NOT NULL,
    target TEXT NOT NULL, action TEXT NOT NULL, data TEXT, undoes ${d.int8}
  );
  CREATE INDEX corrections_target ON corrections (target);
  ${fullText(d).schema}
  `,
  // 4: SQLite keeps report fusion records in their pages. A WITHOUT ROWID table keeps at most about 2 KB of a
  // row in the page and the rest in an overflow page of the row's own: a record of 3 KB took 10 KB on disk,
  // half of a ledger. A rowid table keeps a row of up to a page inline. (PostgreSQL: nothing to change.)
  (d) =>
    d.backend === "sqlite"
      ? `
  ALTER TABLE fusion_items RENAME TO fusion_items_clustered;
  CREATE TABLE fusion_items (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id));
  INSERT INTO fusion_items (kind, id, data) SELECT kind, id, data FROM fusion_items_clustered ORDER BY kind, id;
  DROP TABLE fusion_items_clustered;
  `
      : "SELECT 1;",
  // 5: a report's fusion record is deflated against its report's body (a preset dictionary: most of the
  // record's words, its claims and names, are words of the report), so that they are not stored twice.
  // `against` is the report whose body it was deflated against (NULL: none, as in ledgers of schema 4).
  (d) => `ALTER TABLE fusion_items ADD COLUMN against ${d.int8};`,
  // 6: PostgreSQL writers no longer take turns for a whole report, so report ids no longer follow commit
  // order. `seq` does: it is given in the commit's last statement, under a lock held only for the commit
  // (postgres.ts), and readers that ask "what is new since" (live updates) go by it. NULL: a row of a
  // transaction that has not committed yet, or a ledger on SQLite (one writer: ids follow commit order).
  (d) =>
    d.backend === "postgres"
      ? `
  ALTER TABLE reports ADD COLUMN seq BIGINT;
  CREATE SEQUENCE sitrep_commit_seq;
  UPDATE reports SET seq = id;
  SELECT setval('sitrep_commit_seq', (SELECT coalesce(max(id), 0) + 1 FROM reports), false);
  CREATE UNIQUE INDEX reports_seq ON reports (seq);
  CREATE INDEX reports_uncommitted ON reports (id) WHERE seq IS NULL;
  `
      : "ALTER TABLE reports ADD COLUMN seq INTEGER;",
  // 7: keyset paging of claims (SqlReads.claimsPage). Sorted by outlet, or an outlet filtered on: the current
  // reports of one outlet in publication order. Sorted by source, or a source filtered on: one source's
  // claims (a quarter of the claims have a named source; the rest are left out of the index).
  (_d) => `
  CREATE INDEX reports_outlet ON reports (source, published_ms, uid) WHERE current = 1;
  CREATE INDEX claims_source ON claims (source) WHERE source IS NOT NULL;
  `,
  // 8: claims found by their entities and their words without reading their reports (SqlReads.claimSet).
  // claim_entities: each claim under every fused entity it names (role bit 1) or has as its source (bit 2),
  // written with the claim; an editor's merges and splits join whole fused entities, so they need no rows
  // of their own (the filter names every member). The claims' words: an index of the claims' own text,
  // keeping no copy of it (as the reports' index). A ledger of an earlier schema gets its claims' entities
  // here and their words when it is next opened for writing (SqlStore.open: the text is in the compressed
  // bodies): fusion_state 'claim-words' holds how far that got (watermark: the next report) and where it
  // ends. On SQLite the claims' index holds each report's other words too, and the reports' is dropped
  // (dialect.ts, fullText).
  (d) => `
  CREATE TABLE claim_entities (fused ${d.int8} NOT NULL, claim ${d.int8} NOT NULL, role INTEGER NOT NULL, PRIMARY KEY (fused, claim))${d.clustered};
  INSERT INTO claim_entities (fused, claim, role)
    SELECT e.fused, x.claim, max(x.named) + max(x.src) FROM (
      SELECT c.id AS claim, c.report * ${SPAN} + ${d.backend === "postgres" ? "j.value::bigint" : "CAST(j.value AS INTEGER)"} AS entity, 1 AS named, 0 AS src
        FROM claims c ${d.backend === "postgres" ? "CROSS JOIN LATERAL jsonb_array_elements_text(c.entities::jsonb) AS j(value)" : "CROSS JOIN json_each(c.entities) AS j"} WHERE c.entities IS NOT NULL
      UNION ALL
      SELECT c.id, c.report * ${SPAN} + c.source_entity, 0, 2 FROM claims c WHERE c.source_entity IS NOT NULL
    ) x JOIN entities e ON e.id = x.entity GROUP BY e.fused, x.claim;
  ${fullText(d).claimSchema}
  INSERT INTO fusion_state (kind, watermark, data) SELECT 'claim-words', 0, CAST(max(id) + 1 AS TEXT) FROM reports HAVING count(*) > 0;
  ${d.backend === "sqlite" ? "DROP TABLE reports_fts;" : ""}
  `,
  // 9: facet counters (SqlReads.claimFacets, countClaims): how many current claims have each status,
  // source, outlet and language together, kept by every write (putReport adds a report's claims, retire
  // takes them off), so that the claim table's counts, unfiltered or filtered on these four, are a sum
  // over a small table rather than a count of every claim (seconds on a large ledger). source 0: the
  // report's own voice; outlet '': none. A few thousand rows at 100,000 claims.
  (d) => `
  CREATE TABLE claim_facets (
    status INTEGER NOT NULL, source ${d.int8} NOT NULL, outlet TEXT NOT NULL, language TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (status, source, outlet, language)
  )${d.clustered};
  INSERT INTO claim_facets (status, source, outlet, language, n)
    SELECT c.status, coalesce(c.source, 0), coalesce(r.source, ''), r.language, count(*)
    FROM claims c JOIN reports r ON r.id = c.report WHERE r.current = 1
    GROUP BY c.status, coalesce(c.source, 0), coalesce(r.source, ''), r.language;
  `,
  // 10: an entity's claims in publication order (SqlReads.claimsPage): claim_entities carries its claim's
  // publication time (its report's) and is keyed by it, so that a page of an entity's claims is one range
  // of the key, however many claims name it, rather than all of them read and sorted. It holds the current
  // claims only (SqlTx.retire takes a replaced version's off), so that an entity's count is its range's.
  (d) => `
  CREATE TABLE claim_entities_by_time (fused ${d.int8} NOT NULL, ms ${d.int8} NOT NULL, claim ${d.int8} NOT NULL, role INTEGER NOT NULL, PRIMARY KEY (fused, ms, claim))${d.clustered};
  INSERT INTO claim_entities_by_time (fused, ms, claim, role)
    SELECT ce.fused, r.published_ms, ce.claim, ce.role FROM claim_entities ce JOIN reports r ON r.id = ce.claim / ${SPAN} WHERE r.current = 1;
  DROP TABLE claim_entities;
  ALTER TABLE claim_entities_by_time RENAME TO claim_entities;
  ${d.backend === "postgres" ? "ALTER INDEX claim_entities_by_time_pkey RENAME TO claim_entities_pkey;" : ""}
  `,
  // 11: a smaller ledger (SQLite). Fusion records are deflated with a preset dictionary of the words records
  // are made of before their report's body (words = 1, sql-store.ts FUSION_WORDS; NULL: as before), and
  // kept states (briefing pictures) deflated as bodies are. Rows of earlier schemas are read as they are.
  (_d) => `ALTER TABLE fusion_items ADD COLUMN words INTEGER;`,
  // 12: pages of claims on a large ledger (SqlReads.claimsPage, issue 15). reports_keys: what orders a claim
  // and filters it by its report, found by the report's id, without reading the report's row (a third of a
  // KB, most of it the minhash): claims found by a source or by their words are put in publication order
  // from it, tens of thousands of them in milliseconds. claims_status: the claims of the rare statuses
  // (all but established and claimed, a twentieth of the claims) by status and id, so that a page of one
  // of them finds each report's few in its index, instead of reading every claim of every report; it
  // replaces claims_unknown (the claims of one of them by id). reports.claims: how many claims a report
  // has (they are its keys report * SPAN + 0 … claims - 1, never changed), in the index of current reports
  // in publication order, so that the claims of a span of days are counted as a sum over that index
  // (a read of every claim of the span before: 35 ms for a day of a 100,000-report ledger). reports_long
  // (SQLite): the reports with claims past the claims' index of words (dialect.ts, unindexedFrom), almost
  // always none, so that a search asks for their claims only when there are some.
  (d) => `
  CREATE INDEX reports_keys ON reports (id, published_ms, uid, source, language) WHERE current = 1;
  CREATE INDEX claims_status ON claims (status, id) WHERE status >= ${RARE_STATUS};
  DROP INDEX claims_unknown;
  ALTER TABLE reports ADD COLUMN claims INTEGER;
  UPDATE reports SET claims = (SELECT count(*) FROM claims c WHERE c.id >= reports.id * ${SPAN} AND c.id < (reports.id + 1) * ${SPAN});
  DROP INDEX reports_current;
  CREATE INDEX reports_current ON reports (published_ms, uid, claims) WHERE current = 1;
  ${longReports(d)}
  `,
  // 13 (PostgreSQL): the index of claims' words keeps each claim's extracted status (never changed once
  // written; an editor's correction is applied by the reads), so that claims found by their words are
  // filtered by status on the rows the index has just found, instead of each claim's row read for it (a
  // common word with a status read ten thousand claim rows, or every claim: a seconds-long page at 100,000
  // reports, issue 15). SQLite: nothing.
  (d) =>
    d.backend === "postgres"
      ? `
  ALTER TABLE claims_search ADD COLUMN status INTEGER;
  UPDATE claims_search cs SET status = c.status FROM claims c WHERE c.id = cs.id;
  `
      : "SELECT 1;",
  // 14 (SQLite): the claims of each status by id, in small indexes (claims_status has the rare ones by status
  // and id), so that a search by words and a status asks each claim the words find for its status there,
  // not its row (SqlReads.claimSet, statusOfId): the claimed ones, and the rare ones by id; established is
  // neither. A common word with a common status read ten thousand claim rows a page. (PostgreSQL: the
  // index of words keeps the status, schema 13.)
  (d) =>
    d.backend === "sqlite"
      ? `
  CREATE INDEX claims_claimed ON claims (id) WHERE status = ${status.code("claimed")};
  CREATE INDEX claims_rare ON claims (id) WHERE status >= ${RARE_STATUS};
  `
      : "SELECT 1;",
  // 15 (PostgreSQL): the index of claims' words holds the current claims only (SqlTx.retire takes a replaced
  // version's off, as claim_entities'), and their statuses in its GIN index beside their words (btree_gin),
  // so that the claims of some words, or of some words and statuses, are counted from the index's rows
  // alone: a common word's ten thousand claims were each joined to their report for whether it is current,
  // and a status read on every row the words found (issue 15). SQLite: nothing.
  (d) =>
    d.backend === "postgres"
      ? `
  CREATE EXTENSION IF NOT EXISTS btree_gin;
  DELETE FROM claims_search cs USING reports r WHERE r.id = cs.id / ${SPAN} AND r.current = 0;
  DROP INDEX claims_search_gin;
  CREATE INDEX claims_search_gin ON claims_search USING GIN (search, status);
  `
      : "SELECT 1;",
  // 16 (SQLite): the rows a report yields no longer store their report: it is their key's high part (key =
  // report * SPAN + position), worked out when read (a virtual generated column, readable as before, stored
  // nowhere). Three bytes of each of a ledger's half-million rows at 10,000 reports. No index holds it.
  // (PostgreSQL: kept; its rows are not what a ledger's size on disk is measured by.) SQLite's DROP COLUMN
  // leaves every row as long as it was (and 0 and 1 spelled out in a byte each): the rows are written once
  // more, by an update of a column no index holds, to take their new, shorter form.
  (d) => (reportStored(d) ? "SELECT 1;" : Object.entries(REPORT_ROWS).map(([t, col]) => `
  ALTER TABLE ${t} DROP COLUMN report;
  ALTER TABLE ${t} ADD COLUMN report INTEGER GENERATED ALWAYS AS (id / ${SPAN}) VIRTUAL;
  UPDATE ${t} SET ${col} = ${col};`).join("")),
  // 17: a smaller ledger. Bands of reports' signatures are kept by the low 31 bits of their keys (sql-store.ts,
  // bandKey: four bytes, not eight), on both backends, so that a copy between them finds the same candidates.
  // (SQLite) Report bodies are deflated with the words of their language (sql-store.ts,
  // BODY_WORDS): those written before are deflated again when the ledger is next opened for writing
  // (SqlStore.open; fusion_state 'body-words' holds how far that got and where it ends). The index of
  // claims' words is merged into one segment (FTS5 'optimize'; the writer merges it again before each
  // compaction, sqlite.ts): each word's list of rows once, not once in every segment that ingests left.
  // (PostgreSQL: nothing; TOAST compresses its bodies, and its index of words is its own.)
  (d) => `
  CREATE TABLE bands_short (band ${d.int8} NOT NULL, report ${d.int8} NOT NULL, PRIMARY KEY (band, report))${d.clustered};
  INSERT INTO bands_short (band, report) SELECT DISTINCT band % 2147483648, report FROM bands ORDER BY 1, 2;
  DROP TABLE bands;
  ALTER TABLE bands_short RENAME TO bands;
  ${d.backend === "postgres" ? "ALTER INDEX bands_short_pkey RENAME TO bands_pkey;" : `
  INSERT INTO fusion_state (kind, watermark, data) SELECT 'body-words', 0, CAST(max(id) + 1 AS TEXT) FROM reports HAVING count(*) > 0;
  INSERT INTO claims_fts (claims_fts) VALUES ('optimize');`}
  `,
  // 18: counts of claims on a large ledger (SqlReads.counters, issue 15). claim_totals: the facet counters
  // without the source (status, outlet, language: a hundred rows, where claim_facets has them again for
  // every source, tens of thousands of rows at 100,000 reports), kept by the same writes (SqlTx.addFacets),
  // so that a count not filtered on a source (the whole ledger's, an outlet's, a language's, a status's)
  // is a sum over a few rows rather than a read of every counter (a page's first count, and every
  // offset's, read all of them). claim_facets_source: a source's counters by its id, for its count.
  // claim_entities_sourced (PostgreSQL): the rows of entities that are a claim's source (role 2 or 3), so
  // that an entity's claims are counted from indexes alone, its range of the key less these (SqlReads.
  // countClaims): the role is in no index, and counting by it read a table page for every few claims (an
  // entity named in thirty thousand claims). SQLite's rows are its key's own (clustered): nothing.
  // reports_current (PostgreSQL) also holds what a walk through the reports in publication order reads of
  // each (its id, outlet and language), and orders their stable ids as the reads do (bytewise), so that
  // the walks (a page of claims of an outlet and a rare status, of some words, of a common source) read
  // the index alone: they read a table page for every report they passed (four thousand for a page).
  // (What it makes is dropped first: a ledger set back to an earlier schema runs it again.)
  (d) => `
  DROP TABLE IF EXISTS claim_totals;
  DROP INDEX IF EXISTS claim_facets_source;
  ${d.backend === "postgres" ? "DROP INDEX IF EXISTS claim_entities_sourced;" : ""}
  CREATE TABLE claim_totals (
    status INTEGER NOT NULL, outlet TEXT NOT NULL, language TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (status, outlet, language)
  )${d.clustered};
  INSERT INTO claim_totals (status, outlet, language, n)
    SELECT status, outlet, language, sum(n) FROM claim_facets GROUP BY status, outlet, language;
  CREATE INDEX claim_facets_source ON claim_facets (source);
  ${d.backend === "postgres" ? `
  CREATE INDEX claim_entities_sourced ON claim_entities (fused, role) WHERE role <> 1;
  DROP INDEX reports_current;
  CREATE INDEX reports_current ON reports (published_ms, uid COLLATE "C") INCLUDE (claims, id, source, language) WHERE current = 1;` : ""}
  `,
  // 19 (SQLite): a smaller ledger. A report's fusion record may leave out what it says of each claim that
  // the report's claim rows hold too (its words, where it starts, status, quote, source), put back
  // from them when read (fusion_items.words = 2, sql-store.ts CLAIM_WORDS): a quarter of the records' size.
  // Records written before are read as they are. Nothing changes in the tables: the new number keeps a
  // sitrep that would read such a record as it stands from opening the ledger. (PostgreSQL: nothing.)
  (_d) => "SELECT 1;",
  // 20 (SQLite): a smaller upgraded ledger. Report fusion records written whole before schema 19 (words = 1,
  // deflated against their report's body) take the form of words = 2 when the ledger is next opened for
  // writing, where the report's claim rows give back each value left out (SqlStore.open, elideOldRecords);
  // fusion_state 'record-claims' holds how far that got (watermark: the next record's rowid) and where it
  // ends. Kept states (briefing pictures) are compressed with brotli (sql-store.ts, BROTLI), and a claim row
  // keeps its key (cid) as 5 bytes and the entities it names as bytes (cidStored, claimEntitiesStored), which
  // an earlier sitrep would not read; rows written before are read as they are. (PostgreSQL: nothing.)
  (d) =>
    d.backend === "sqlite"
      ? `INSERT INTO fusion_state (kind, watermark, data)
  SELECT 'record-claims', min(rowid), CAST(max(rowid) + 1 AS TEXT) FROM fusion_items WHERE words = 1 AND against IS NOT NULL HAVING count(*) > 0;`
      : "SELECT 1;",
  // 21 (PostgreSQL): an entity's facets (SqlReads.entityFacetRows, issue 15). claim_entities keeps beside
  // each row its claim's status and source and its report's outlet and language (ENTITY_FACETS), written
  // with the row (none of them changes once written: an editor's correction is applied by the reads, and a
  // new version is a new report), so that the facets of an entity's claims are counted from one read of its
  // range of the key, in an index that holds them all (claim_entities_pkey INCLUDE), rather than each claim
  // and its report looked up (~7.5 pages a claim, 2,000 claims: 80 ms at 100,000 reports). The rows written
  // before are filled when the ledger is next opened for writing, a few entities per transaction
  // (SqlStore.open, fillEntityFacets; fusion_state 'entity-facets' holds the next entity and where they
  // end), and the index is made again with them once all are (a row not filled yet is read the old way).
  // (A ledger set back to an earlier schema runs it again: what it adds is kept, what it fills is filled.)
  // SQLite: nothing (an entity's facets take less than the page's budget there; its rows stay small).
  (d) =>
    d.backend === "postgres"
      ? `
  ALTER TABLE claim_entities ADD COLUMN IF NOT EXISTS status INTEGER, ADD COLUMN IF NOT EXISTS source BIGINT, ADD COLUMN IF NOT EXISTS outlet TEXT, ADD COLUMN IF NOT EXISTS language TEXT;
  DELETE FROM fusion_state WHERE kind = 'entity-facets';
  INSERT INTO fusion_state (kind, watermark, data) SELECT 'entity-facets', 0, CAST(coalesce(max(fused), 0) + 1 AS TEXT) FROM claim_entities;
  `
      : "SELECT 1;",
  // 22 (SQLite): a page of claims found by their words and a status (SqlReads.claimSet, issue 15). The index
  // of claims' words keeps each claim's extracted status as a word of its row (dialect.ts, statusToken), so
  // that such a page is one query of the index: each claim the words found was asked for its status in the
  // indexes of claims by status (schema 14), 80 ms for a common word's page at 100,000 reports. The index
  // is made again, by the claims' words' re-index when the ledger is next opened for writing (SqlStore.open,
  // indexClaimWords; fusion_state 'claim-words' from the first report); until it is done, words and a status
  // are asked the old way. (An index keeps no text to re-index a row from: it is emptied first. A re-index
  // under way before is begun again from the start.) (PostgreSQL: its index of words has the status, schema 13.)
  (d) =>
    d.backend === "sqlite"
      ? `
  INSERT INTO claims_fts (claims_fts) VALUES ('delete-all');
  DELETE FROM fusion_state WHERE kind = 'claim-words';
  INSERT INTO fusion_state (kind, watermark, data) SELECT 'claim-words', 0, CAST(max(id) + 1 AS TEXT) FROM reports HAVING count(*) > 0;
  `
      : "SELECT 1;",
  // 23 (PostgreSQL): a page of the claims of a word found by walking the reports (SqlReads.wordsWalk) asks
  // the index of words for its claims in the walked reports' span of keys: that span was read from the
  // claims_search key, a leaf page for every few hundred claims of the span (500 pages, 170,000 claims, for
  // a word found a thousand times at 100,000 reports), to keep the words' few hundred. The block ranges of
  // the keys (BRIN: the index's rows are written mostly in key order, a report's claims together) say the
  // same in a few pages, and the rows of those blocks that the words find are then read. Two blocks a range:
  // rows written later into the room deleted ones left (a replaced version's) make a range span keys far
  // apart, and the words' rows of every block of it are read; at eight blocks a range, the newest reports'
  // span read twice the pages the key did. (autosummarize: the ranges of rows written later are summed up as
  // they fill, not only by a vacuum; a range not summed up is read whole.) SQLite: nothing (its index of
  // words is its own).
  (d) =>
    d.backend === "postgres"
      ? `CREATE INDEX IF NOT EXISTS claims_search_ids ON claims_search USING brin (id) WITH (pages_per_range = 2, autosummarize = on);`
      : "SELECT 1;",
  // 24 (SQLite): a smaller ledger. Words of short lists a report's rows repeat are kept as a byte (codes.ts:
  // an event's and a time's type, where a report's publication time and language were found), an event's
  // claims, actors and places as bytes (as a claim's entities, schema 20), when a report was ingested as 6
  // bytes of milliseconds (sql-store.ts, wordStored, positionsStored, ingestedStored); an earlier sitrep
  // would not read them. Rows written before are read as they are, and take the new form when the ledger
  // is next opened for writing (SqlStore.open, compactOldRows; fusion_state 'compact-rows' holds the next
  // report and where they end). (PostgreSQL: nothing; its rows are not what a ledger's size is measured by.)
  (d) =>
    d.backend === "sqlite"
      ? `DELETE FROM fusion_state WHERE kind = 'compact-rows';
  INSERT INTO fusion_state (kind, watermark, data) SELECT 'compact-rows', 0, CAST(max(id) + 1 AS TEXT) FROM reports HAVING count(*) > 0;`
      : "SELECT 1;",
  // 25 (SQLite): a smaller ledger. An index of a table with rowids keeps each row's rowid after its columns,
  // so one that names the rowid's column (id) kept it twice: six bytes more an entry, a third of the index.
  // entities_fused, times_timeline and claims_claimed name it no longer: in each, the rows of one value are
  // in the order of their rowids all the same, so every read finds and orders them as before (its `id`
  // is the rowid). A report's fusion record leaves out, besides its claims' fields (schema 19), what the
  // report's other rows hold: the entities each claim names, each entity's type, name and aliases, the
  // report's publication time, outlet and language (fusion_items.words = 3, sql-store.ts ROW_WORDS), and is
  // deflated with their shapes; those written before take this form when the ledger is next opened for
  // writing (SqlStore.open, elideOldRecords; fusion_state 'record-rows' holds the next record's rowid and
  // where they end). An earlier sitrep would not read them. (PostgreSQL: nothing; its indexes order by what
  // they name, and its records are not what a ledger's size is measured by.)
  (d) =>
    d.backend === "sqlite"
      ? `
  DROP INDEX IF EXISTS entities_fused;
  CREATE INDEX entities_fused ON entities (fused);
  DROP INDEX IF EXISTS times_timeline;
  CREATE INDEX times_timeline ON times (value) WHERE claim IS NOT NULL;
  DROP INDEX IF EXISTS claims_claimed;
  CREATE INDEX claims_claimed ON claims (status) WHERE status = ${status.code("claimed")};
  DELETE FROM fusion_state WHERE kind = 'record-rows';
  INSERT INTO fusion_state (kind, watermark, data)
  SELECT 'record-rows', min(rowid), CAST(max(rowid) + 1 AS TEXT) FROM fusion_items WHERE words IN (1, 2) AND against IS NOT NULL HAVING count(*) > 0;`
      : "SELECT 1;",
  // 26 (SQLite): a smaller ledger. The last two indexes of claims that named the rowid's column (id) keep it
  // once (schema 25): claims_status by status alone (the rows of one status are in the order of their
  // rowids all the same, and a claim's status is found by status and rowid as before, statusOfId), and
  // claims_notable by the notable bits, which the read of notable claims asks (fusionClaims: `notable & bits`
  // from the index alone, where it read each claim's row). (PostgreSQL: nothing; its indexes keep no rowid.)
  (d) =>
    d.backend === "sqlite"
      ? `
  DROP INDEX IF EXISTS claims_status;
  CREATE INDEX claims_status ON claims (status) WHERE status >= ${RARE_STATUS};
  DROP INDEX IF EXISTS claims_notable;
  CREATE INDEX claims_notable ON claims (notable) WHERE notable <> 0;`
      : "SELECT 1;",
  // 27 (SQLite): a smaller ledger. A claim's columns that are only read to show it, never filtered, ordered
  // or joined on (sentence, paragraph, its source's kind, entity and role, its cue, quote, the entities it
  // names, features: sql-store.ts PACKED), are one column, packed: each took a byte of the row's header
  // besides its value, a NULL or a 0 too. The table is made again without them (SQLite keeps a dropped
  // column's bytes in every row); each row's values are put in packed as the JSON array of them here, and
  // take their compact form (packClaim) when the ledger is next opened for writing (SqlStore.open,
  // packOldClaims; fusion_state 'claim-pack' holds the next claim and where they end). Either form is read.
  // (PostgreSQL: nothing; its rows are not what a ledger's size is measured by.)
  (d) =>
    d.backend === "sqlite"
      ? `
  ALTER TABLE claims RENAME TO claims_unpacked;
  CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    cid TEXT NOT NULL,
    start INTEGER NOT NULL, stop INTEGER NOT NULL,
    status INTEGER NOT NULL,
    pkey INTEGER NOT NULL,
    asserter INTEGER NOT NULL,
    source INTEGER,
    notable INTEGER NOT NULL,
    text TEXT,
    packed BLOB NOT NULL,
    report INTEGER GENERATED ALWAYS AS (id / ${SPAN}) VIRTUAL
  );
  INSERT INTO claims (id, cid, start, stop, status, pkey, asserter, source, notable, text, packed)
    SELECT id, cid, start, stop, status, pkey, asserter, source, notable, text,
      json_array(sentence, paragraph, source_keyed, source_kind, source_entity, source_role, cue_start, cue_stop, cue_text, quote,
        CASE WHEN typeof(entities) = 'blob' THEN hex(entities) ELSE entities END, features)
    FROM claims_unpacked ORDER BY id;
  DROP TABLE claims_unpacked;
  CREATE INDEX claims_pkey ON claims (pkey);
  CREATE INDEX claims_source ON claims (source) WHERE source IS NOT NULL;
  CREATE INDEX claims_rare ON claims (id) WHERE status >= ${RARE_STATUS};
  CREATE INDEX claims_claimed ON claims (status) WHERE status = ${status.code("claimed")};
  CREATE INDEX claims_status ON claims (status) WHERE status >= ${RARE_STATUS};
  CREATE INDEX claims_notable ON claims (notable) WHERE notable <> 0;
  DELETE FROM fusion_state WHERE kind = 'claim-pack';
  INSERT INTO fusion_state (kind, watermark, data) SELECT 'claim-pack', min(id), CAST(max(id) + 1 AS TEXT) FROM claims HAVING count(*) > 0;`
      : "SELECT 1;",
  // 28 (SQLite): a smaller ledger. A fused entity is found by its key (fkey) through its stable id, which is
  // the key's hash (ids.ts, entityUid: the writes ask for uid = entityUid(fkey) and keep the row whose key
  // is the one asked), so the unique index of the keys, a fifth of the fused entities' bytes, is not kept:
  // the table is made again without it (SQLite cannot drop an index a UNIQUE constraint made). Two keys are
  // still never one entity: their stable ids are unique, and equal keys have equal ids. A name's row keeps
  // its entity's type as a code (codes.ts) and its entity's row id for its key (a third of the names' bytes:
  // the key is the entity row's own), or the key where the entity had no row when the name was written
  // (sql-store.ts, SqlTx.settleNames; the column takes either). (PostgreSQL: nothing; its index of the keys
  // stays, and the writes there ask by stable id all the same.)
  (d) =>
    d.backend === "sqlite"
      ? `
  ALTER TABLE fused RENAME TO fused_keyed;
  CREATE TABLE fused (
    id INTEGER PRIMARY KEY,
    fkey TEXT NOT NULL,
    uid TEXT NOT NULL UNIQUE,
    type INTEGER NOT NULL,
    reports INTEGER NOT NULL, mentions INTEGER NOT NULL, claims INTEGER NOT NULL,
    lat REAL, lon REAL, country TEXT, geoname_id INTEGER
  );
  INSERT INTO fused (id, fkey, uid, type, reports, mentions, claims, lat, lon, country, geoname_id)
    SELECT id, fkey, uid, type, reports, mentions, claims, lat, lon, country, geoname_id FROM fused_keyed ORDER BY id;
  ALTER TABLE names RENAME TO names_keyed;
  CREATE TABLE names (nkey TEXT NOT NULL, type INTEGER NOT NULL, fkey NOT NULL, PRIMARY KEY (nkey, type)) WITHOUT ROWID;
  INSERT INTO names (nkey, type, fkey)
    SELECT n.nkey, ${typeCode("n.type")}, coalesce(f.id, n.fkey) FROM names_keyed n LEFT JOIN fused_keyed f ON f.fkey = n.fkey ORDER BY n.nkey, 2;
  DROP TABLE names_keyed;
  DROP TABLE fused_keyed;`
      : "SELECT 1;",
  // 29 (SQLite): a smaller ledger. Nine entity rows in ten carry the name of their fused entity's first row
  // (a tenth of the entities' bytes at 10,000 bench reports). A fused entity keeps that name (fused.name),
  // written once when its row is made and never changed, for its first report's first entity of its key
  // is never changed or removed either; an entity row whose name is that one keeps NULL, any other name
  // its own (sql-store.ts, entityName: the reads put it back). The most used name (fused_names) would not
  // do: it changes as reports arrive, and every row that left it out would have to be written again. The
  // table is made again (SQLite cannot make a column NOT NULL no longer): its rows are written once here,
  // in one statement as they are copied, so there is nothing to resume; a migration is one transaction.
  // (PostgreSQL: nothing; its rows keep their names, and copy.ts converts between the forms.)
  (d) =>
    elidesNames(d)
      ? `
  ALTER TABLE fused ADD COLUMN name TEXT;
  UPDATE fused SET name = (SELECT e.name FROM entities e WHERE e.fused = fused.id ORDER BY e.id LIMIT 1);
  ALTER TABLE entities RENAME TO entities_named;
  CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    fused INTEGER NOT NULL,
    type INTEGER NOT NULL,
    name TEXT,
    aliases TEXT,
    mentions TEXT NOT NULL,
    report INTEGER GENERATED ALWAYS AS (id / ${SPAN}) VIRTUAL
  );
  INSERT INTO entities (id, fused, type, name, aliases, mentions)
    SELECT e.id, e.fused, e.type, CASE WHEN e.name = f.name THEN NULL ELSE e.name END, e.aliases, e.mentions
    FROM entities_named e LEFT JOIN fused f ON f.id = e.fused ORDER BY e.id;
  DROP TABLE entities_named;
  CREATE INDEX entities_fused ON entities (fused);`
      : "SELECT 1;",
  // 30 (SQLite): a smaller ledger. The index by which a proposition's claims are found (claims_pkey) keeps
  // the top 23 bits of each claim's key (pkey >> PKEY_BUCKET: three bytes an entry, not the key's eight),
  // a quarter of the index; the reads ask for the bucket and then the key itself (sql-store.ts, byPkey).
  // Keys are 52-bit hashes, so a bucket holds one key's claims and rarely another's: at a million claims, a
  // bucket of 2^23 is shared by one key in eight. ANALYZE gives the planner the new index's figures at once.
  // (PostgreSQL: nothing; its rows are not what a ledger's size is measured by.)
  (d) =>
    d.backend === "sqlite"
      ? `
  DROP INDEX IF EXISTS claims_pkey;
  CREATE INDEX claims_pkey ON claims (pkey >> ${PKEY_BUCKET});
  ANALYZE claims;`
      : "SELECT 1;",
  // 31: a smaller ledger. A report's origin (the file it was read from) keeps its folder once, in folders,
  // and only its own name in the report's row (reports.folder: the folder's row; NULL where the origin is
  // whole, as in rows written before, which are read as they are): the reports of one ingest share their
  // folder, a path of tens of bytes, most of an origin. (Both backends: the layout is one, and a copy keeps it.)
  // (PostgreSQL says IF NOT EXISTS where SQLite cannot: a ledger a test set back to an earlier schema has them; APPLIED for SQLite)
  (d) => {
    const ifNew = d.backend === "postgres" ? "IF NOT EXISTS " : "";
    return `
  CREATE TABLE ${ifNew}folders (id ${d.autoId}, path TEXT NOT NULL UNIQUE);
  ALTER TABLE reports ADD COLUMN ${ifNew}folder ${d.int8};`;
  },
];

/**
 * The bits of a claim's key (a non-negative 52-bit hash, ids.ts key52) below its bucket, which SQLite's
 * index of the keys keeps instead of the key (schema 30): a bucket below 2^23 is a three-byte integer.
 */
export const PKEY_BUCKET = 29;

/**
 * The columns claim_entities keeps of each row's claim and report where the backend has them (schema 21,
 * PostgreSQL), in the order they are written after (fused, ms, claim, role); none on SQLite.
 */
export const entityFacets = (d: Dialect): readonly string[] => (d.backend === "postgres" ? ["status", "source", "outlet", "language"] : []);

/**
 * Tables of rows keyed report * SPAN + position, whose report column SQLite works out from the key (schema
 * 16), each with a column of it that no index holds.
 */
export const REPORT_ROWS = { claims: "cid", entities: "name", times: "type", counts: "kind", unknowns: "start", events: "type" } as const;

/** Is a report's row's report column written (PostgreSQL), or worked out from its key (SQLite, schema 16)? */
export const reportStored = (d: Dialect): boolean => d.backend === "postgres";

/** The index of reports with claims past the claims' index of words (its condition is the reads' own: SqlReads.unindexedWith). */
export function longReports(d: Dialect): string {
  const from = fullText(d).unindexedFrom;
  return from === undefined ? "" : `CREATE INDEX reports_long ON reports (id) WHERE claims > ${from};`;
}

/** Statuses from this code on are rare (all but established and claimed): claims_status indexes them (schema 12). */
export const RARE_STATUS = status.code("claimed") + 1;

/**
 * Migrations whose work a ledger may hold already (one a test set back to an earlier schema, as SQLite keeps
 * it): a query that finds a row when it does, and the migration is then not run again (it could not be).
 */
export const APPLIED: Readonly<Record<number, (d: Dialect) => string | undefined>> = {
  27: (d) => (d.backend === "sqlite" ? "SELECT 1 AS x FROM pragma_table_info('claims') WHERE name = 'packed'" : undefined),
  28: (d) => (d.backend === "sqlite" ? "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'fused' AND sql NOT LIKE '%fkey TEXT NOT NULL UNIQUE%'" : undefined),
  29: (d) => (elidesNames(d) ? "SELECT 1 AS x FROM pragma_table_info('fused') WHERE name = 'name'" : undefined),
  31: (d) => (d.backend === "sqlite" ? "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'folders'" : undefined),
};

/** An entity type's code (codes.ts) from its word in SQL; a word not in the list stays as it is. */
function typeCode(col: string): string {
  return `CASE ${col} ${ENTITY_TYPES.map((t, i) => `WHEN '${t}' THEN ${i}`).join(" ")} ELSE ${col} END`;
}

/** Does a name's row keep its entity's type as a code and the entity's row id for its key (schema 28, SQLite)? */
export const namesById = (d: Dialect): boolean => d.backend === "sqlite";

/**
 * Does an entity row keep NULL for its name where that is its fused entity's first name, kept in fused.name
 * (schema 29, SQLite)? PostgreSQL keeps every row's name.
 */
export const elidesNames = (d: Dialect): boolean => d.backend === "sqlite";

/** The schema version a ledger written by this sitrep has. */
export const LATEST = FIRST + MIGRATIONS.length - 1;

/** The migrations to run on a ledger at `from` (0: a new one), or why it cannot be opened. */
export function plan(from: number): { run: { version: number; sql: (d: Dialect) => string }[] } | { refuse: string } {
  if (from > LATEST) return { refuse: `it was written by a newer sitrep (schema ${from}; this one knows up to ${LATEST})` };
  if (from > 0 && from < FIRST)
    return { refuse: `it was written by sitrep 0.1 (schema ${from}), which stored ledgers differently: ingest its reports into a new ledger` };
  const start = from === 0 ? FIRST : from + 1;
  const run: { version: number; sql: (d: Dialect) => string }[] = [];
  for (let v = start; v <= LATEST; v++) run.push({ version: v, sql: MIGRATIONS[v - FIRST]! });
  return { run };
}
