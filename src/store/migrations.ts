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
