import type Database from "better-sqlite3";

/**
 * Versioned migrations: each runs once, in order, inside a transaction, and bumps PRAGMA user_version.
 * Add new ones at the end; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: reports with their extraction, full-text search, fusion tables
  `
  CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    identity TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    supersedes INTEGER REFERENCES reports(id),
    current INTEGER NOT NULL DEFAULT 1,
    cluster INTEGER,
    title TEXT, source TEXT, url TEXT,
    published TEXT NOT NULL, published_utc TEXT NOT NULL, published_from TEXT NOT NULL,
    language TEXT NOT NULL, language_from TEXT NOT NULL,
    origin TEXT, format TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    minhash BLOB
  );
  CREATE INDEX reports_identity ON reports(identity, current);
  CREATE INDEX reports_published ON reports(published_utc);
  CREATE TABLE bands (band TEXT NOT NULL, report INTEGER NOT NULL REFERENCES reports(id), cluster INTEGER NOT NULL);
  CREATE INDEX bands_band ON bands(band);

  CREATE TABLE entities (
    report INTEGER NOT NULL REFERENCES reports(id), lid TEXT NOT NULL,
    type TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, fkey TEXT NOT NULL,
    aliases TEXT NOT NULL, mentions TEXT NOT NULL,
    lat REAL, lon REAL, country TEXT, geoname_id INTEGER, admin1 TEXT,
    PRIMARY KEY (report, lid)
  ) WITHOUT ROWID;
  CREATE INDEX entities_fkey ON entities(fkey);
  CREATE TABLE names (nkey TEXT NOT NULL, type TEXT NOT NULL, fkey TEXT NOT NULL, PRIMARY KEY (nkey, type)) WITHOUT ROWID;

  CREATE TABLE claims (
    report INTEGER NOT NULL REFERENCES reports(id), lid TEXT NOT NULL,
    sentence INTEGER NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, status TEXT NOT NULL, pkey TEXT NOT NULL,
    source_name TEXT, source_kind TEXT, source_entity TEXT, source_role TEXT,
    cue_text TEXT, cue_start INTEGER, cue_end INTEGER, quote INTEGER NOT NULL,
    entities TEXT NOT NULL,
    asserter TEXT NOT NULL, asserter_name TEXT NOT NULL, source_key TEXT, entity_keys TEXT NOT NULL,
    features TEXT NOT NULL, notable INTEGER NOT NULL,
    PRIMARY KEY (report, lid)
  ) WITHOUT ROWID;
  CREATE INDEX claims_pkey ON claims(pkey, status);
  CREATE INDEX claims_status ON claims(status, pkey, asserter);
  CREATE INDEX claims_notable ON claims(notable);

  CREATE TABLE unknowns (report INTEGER NOT NULL REFERENCES reports(id), lid TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, claim TEXT, PRIMARY KEY (report, lid)) WITHOUT ROWID;
  CREATE TABLE times (report INTEGER NOT NULL REFERENCES reports(id), seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, value TEXT NOT NULL, type TEXT NOT NULL, mod TEXT, PRIMARY KEY (report, seq)) WITHOUT ROWID;
  CREATE TABLE counts (report INTEGER NOT NULL REFERENCES reports(id), seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, value REAL NOT NULL, approx TEXT NOT NULL, claim TEXT, PRIMARY KEY (report, seq)) WITHOUT ROWID;
  CREATE INDEX counts_kind ON counts(kind);
  CREATE TABLE events (report INTEGER NOT NULL REFERENCES reports(id), lid TEXT NOT NULL, type TEXT NOT NULL, claims TEXT NOT NULL, actors TEXT NOT NULL, locations TEXT NOT NULL, time TEXT, PRIMARY KEY (report, lid)) WITHOUT ROWID;
  CREATE TABLE contradictions (report INTEGER NOT NULL REFERENCES reports(id), seq INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (report, seq)) WITHOUT ROWID;

  CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
  CREATE VIRTUAL TABLE claims_fts USING fts5(text, report UNINDEXED, lid UNINDEXED, tokenize='unicode61 remove_diacritics 2');
  `,
  // 2: aggregates kept up to date by every store, so that the briefing of a large ledger reads small
  // tables instead of grouping every claim and entity: propositions (with their wire-copy clusters),
  // fused entities and their names, asserter names, the timeline. Backfilled from existing ledgers.
  `
  CREATE TABLE props (
    status TEXT NOT NULL, pkey TEXT NOT NULL, asserter TEXT NOT NULL,
    n INTEGER NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL, text TEXT NOT NULL, language TEXT NOT NULL,
    kind TEXT, quote INTEGER NOT NULL, first_report INTEGER NOT NULL, first_start INTEGER NOT NULL,
    PRIMARY KEY (status, pkey, asserter)
  ) WITHOUT ROWID;
  CREATE INDEX props_asserter ON props(asserter);
  CREATE TABLE prop_clusters (status TEXT NOT NULL, pkey TEXT NOT NULL, asserter TEXT NOT NULL, cluster INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (status, pkey, asserter, cluster)) WITHOUT ROWID;
  CREATE TABLE fused (fkey TEXT PRIMARY KEY, type TEXT NOT NULL, reports INTEGER NOT NULL, mentions INTEGER NOT NULL,
    lat REAL, lon REAL, country TEXT, geoname_id INTEGER) WITHOUT ROWID;
  CREATE TABLE fused_names (fkey TEXT NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (fkey, name)) WITHOUT ROWID;
  CREATE TABLE asserters (asserter TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
  -- the aggregates answer what this index was for; every claim written paid for it
  DROP INDEX claims_status;
  CREATE INDEX claims_unknown ON claims(report) WHERE status = 'unknown';
  CREATE TABLE timeline (report INTEGER NOT NULL REFERENCES reports(id), value TEXT NOT NULL, ttext TEXT NOT NULL, ctext TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL);
  CREATE INDEX timeline_value ON timeline(value, report, start);

  INSERT INTO props
    SELECT c.status, c.pkey, c.asserter, count(*), min(r.published_utc), max(r.published_utc), min(c.text), min(r.language),
           max(c.source_kind), max(c.quote), min(c.report), 0
    FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1 GROUP BY c.status, c.pkey, c.asserter;
  INSERT INTO prop_clusters
    SELECT c.status, c.pkey, c.asserter, r.cluster, count(*) FROM claims c JOIN reports r ON r.id = c.report AND r.current = 1
    GROUP BY c.status, c.pkey, c.asserter, r.cluster;
  INSERT INTO fused
    SELECT e.fkey, min(e.type), count(DISTINCT e.report), sum(json_array_length(e.mentions)), max(e.lat), max(e.lon), max(e.country), max(e.geoname_id)
    FROM entities e JOIN reports r ON r.id = e.report AND r.current = 1 GROUP BY e.fkey;
  INSERT INTO fused_names
    SELECT fkey, name, count(DISTINCT report) FROM (
      SELECT e.fkey AS fkey, e.name AS name, e.report AS report FROM entities e JOIN reports r ON r.id = e.report AND r.current = 1
      UNION ALL
      SELECT e.fkey, j.value, e.report FROM entities e JOIN reports r ON r.id = e.report AND r.current = 1, json_each(e.aliases) j
    ) GROUP BY fkey, name;
  INSERT OR IGNORE INTO asserters SELECT asserter, min(asserter_name) FROM claims GROUP BY asserter;
  INSERT INTO timeline
    SELECT t.report, t.value, t.text, c.text, c.start, c."end" FROM times t
    JOIN claims c ON c.report = t.report AND t.start >= c.start AND t."end" <= c."end"
    WHERE t.type IN ('DATE', 'TIME') AND t.value GLOB '[0-9][0-9][0-9][0-9]*' AND c.status <> 'denied';
  `,
];

export function migrate(db: Database.Database): number {
  const from = db.pragma("user_version", { simple: true }) as number;
  if (from > MIGRATIONS.length) throw new Error(`the ledger was written by a newer sitrep (schema ${from}, this one knows ${MIGRATIONS.length})`);
  for (let v = from; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
