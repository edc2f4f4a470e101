import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { Doc, EntityType } from "../model/doc.js";
import { migrate } from "./migrations.js";
import { bands, minhash, similarity } from "./minhash.js";
import { docForContradictions, fusionKey } from "../ledger/fromdoc.js";
import { nameKey, shortFormOf } from "../ledger/names.js";
import { fold } from "../ledger/features.js";

export type Outcome = "added" | "unchanged" | "updated";

export interface StoredReport {
  id: number;
  outcome: Outcome;
  version: number;
}

/** Two reports at least this similar (estimated Jaccard of word 3-shingles) are one source: wire copy. */
const WIRE_COPY = 0.6;

export function openStore(file: string, opts: { readonly?: boolean } = {}): Store {
  return new Store(file, opts);
}

/** The content hash that decides "unchanged": the body and the metadata that identify the report. */
export function contentHash(doc: Doc): string {
  const m = doc.meta;
  return createHash("sha256")
    .update(JSON.stringify([m.url ?? "", m.source ?? "", m.title ?? "", m.published, doc.text]))
    .digest("hex");
}

/** What makes two versions the same report: its URL, else the file it was read from. */
export function identityOf(doc: Doc): string | null {
  const m = doc.meta;
  if (m.url) return `url:${m.url}`;
  if (m.origin && (m.format === "text" || m.format === "html")) return `file:${resolve(m.origin)}`;
  return null;
}

/** A proposition key: claims with the same wording (case, accents, punctuation aside) state the same thing. */
export function propositionKey(text: string): string {
  const t = fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return createHash("sha1").update(t).digest("hex").slice(0, 16);
}

export class Store {
  readonly db: Database.Database;
  private st!: ReturnType<Store["prepare"]>;

  constructor(file: string, opts: { readonly?: boolean } = {}) {
    this.db = new Database(file, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
    if (!opts.readonly) {
      // WAL + NORMAL: a killed process loses at most the transaction in flight, never half of one.
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      migrate(this.db);
    }
    this.db.pragma("cache_size = -64000");
  }

  close(): void {
    this.commitBatch();
    // Statistics for the query planner, cheap when nothing changed.
    if (this.db.open && !this.db.readonly) this.db.pragma("optimize");
    this.db.close();
  }

  /**
   * Groups the next reports into one write transaction (each report still in its own savepoint, so a
   * report is stored whole or not at all). Fewer commits make bulk ingest several times faster; a kill
   * loses at most the open batch, which the next ingest adds again.
   */
  beginBatch(): void {
    if (!this.db.inTransaction) this.db.exec("BEGIN IMMEDIATE");
  }

  commitBatch(): void {
    if (this.db.open && this.db.inTransaction) this.db.exec("COMMIT");
  }

  private prepare() {
    const d = this.db;
    return {
      byHash: d.prepare<[string], { id: number; version: number }>("SELECT id, version FROM reports WHERE hash = ?"),
      byIdentity: d.prepare<[string], { id: number; version: number }>("SELECT id, version FROM reports WHERE identity = ? AND current = 1"),
      retire: d.prepare("UPDATE reports SET current = 0 WHERE id = ?"),
      report: d.prepare(
        `INSERT INTO reports (hash, identity, version, supersedes, current, cluster, title, source, url, published, published_utc, published_from, language, language_from, origin, format, text, ingested_at, minhash)
         VALUES (@hash, @identity, @version, @supersedes, 1, NULL, @title, @source, @url, @published, @published_utc, @published_from, @language, @language_from, @origin, @format, @text, @ingested_at, @minhash)`,
      ),
      setCluster: d.prepare("UPDATE reports SET cluster = ? WHERE id = ?"),
      band: d.prepare("INSERT INTO bands (band, report, cluster) VALUES (?, ?, ?)"),
      bandHits: d.prepare<[string], { report: number; cluster: number }>("SELECT report, cluster FROM bands WHERE band = ? LIMIT 8"),
      minhashOf: d.prepare<[number], { minhash: Buffer }>("SELECT minhash FROM reports WHERE id = ?"),
      fts: d.prepare("INSERT INTO reports_fts (rowid, title, text) VALUES (?, ?, ?)"),
      name: d.prepare<[string, string], { fkey: string }>("SELECT fkey FROM names WHERE nkey = ? AND type = ?"),
      addName: d.prepare("INSERT OR IGNORE INTO names (nkey, type, fkey) VALUES (?, ?, ?)"),
      entity: d.prepare(
        `INSERT INTO entities (report, lid, type, name, key, fkey, aliases, mentions, lat, lon, country, geoname_id, admin1)
         VALUES (@report, @lid, @type, @name, @key, @fkey, @aliases, @mentions, @lat, @lon, @country, @geoname_id, @admin1)`,
      ),
      claim: d.prepare(
        `INSERT INTO claims (report, lid, sentence, paragraph, start, "end", text, status, pkey, source_name, source_kind, source_entity, source_role, cue_text, cue_start, cue_end, quote, entities, asserter, asserter_name, source_key, entity_keys, features, notable)
         VALUES (@report, @lid, @sentence, @paragraph, @start, @end, @text, @status, @pkey, @source_name, @source_kind, @source_entity, @source_role, @cue_text, @cue_start, @cue_end, @quote, @entities, @asserter, @asserter_name, @source_key, @entity_keys, @features, @notable)`,
      ),
      claimFts: d.prepare("INSERT INTO claims_fts (text, report, lid) VALUES (?, ?, ?)"),
      unknown: d.prepare(`INSERT INTO unknowns (report, lid, start, "end", text, claim) VALUES (?, ?, ?, ?, ?, ?)`),
      time: d.prepare(`INSERT INTO times (report, seq, start, "end", text, value, type, mod) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      count: d.prepare(`INSERT INTO counts (report, seq, start, "end", text, kind, value, approx, claim) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      event: d.prepare(`INSERT INTO events (report, lid, type, claims, actors, locations, time) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      contradiction: d.prepare(`INSERT INTO contradictions (report, seq, a, b, reason) VALUES (?, ?, ?, ?, ?)`),
      // aggregates (migration 2)
      propAdd: d.prepare(
        `INSERT INTO props (status, pkey, asserter, n, first, last, text, language, kind, quote, first_report, first_start)
         VALUES (@status, @pkey, @asserter, 1, @published, @published, @text, @language, @kind, @quote, @report, @start)
         ON CONFLICT (status, pkey, asserter) DO UPDATE SET n = n + 1,
           first_report = CASE WHEN excluded.first < first THEN excluded.first_report ELSE first_report END,
           first_start = CASE WHEN excluded.first < first THEN excluded.first_start ELSE first_start END,
           first = min(first, excluded.first), last = max(last, excluded.last),
           kind = coalesce(kind, excluded.kind), quote = max(quote, excluded.quote)`,
      ),
      clusterAdd: d.prepare(
        `INSERT INTO prop_clusters (status, pkey, asserter, cluster, n) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (status, pkey, asserter, cluster) DO UPDATE SET n = n + 1`,
      ),
      asserter: d.prepare("INSERT OR IGNORE INTO asserters (asserter, name) VALUES (?, ?)"),
      fusedAdd: d.prepare(
        `INSERT INTO fused (fkey, type, reports, mentions, lat, lon, country, geoname_id) VALUES (@fkey, @type, 1, @mentions, @lat, @lon, @country, @geoname_id)
         ON CONFLICT (fkey) DO UPDATE SET reports = reports + 1, mentions = mentions + excluded.mentions,
           lat = coalesce(lat, excluded.lat), lon = coalesce(lon, excluded.lon), country = coalesce(country, excluded.country),
           geoname_id = coalesce(geoname_id, excluded.geoname_id)`,
      ),
      nameAdd: d.prepare(`INSERT INTO fused_names (fkey, name, n) VALUES (?, ?, 1) ON CONFLICT (fkey, name) DO UPDATE SET n = n + 1`),
      timeline: d.prepare(`INSERT INTO timeline (report, value, ttext, ctext, start, "end") VALUES (?, ?, ?, ?, ?, ?)`),
      // taking a superseded version out of the aggregates
      oldClaims: d.prepare<[number], { status: string; pkey: string; asserter: string; cluster: number }>(
        "SELECT c.status, c.pkey, c.asserter, r.cluster FROM claims c JOIN reports r ON r.id = c.report WHERE c.report = ?",
      ),
      propSub: d.prepare("UPDATE props SET n = n - 1 WHERE status = ? AND pkey = ? AND asserter = ?"),
      clusterSub: d.prepare("UPDATE prop_clusters SET n = n - 1 WHERE status = ? AND pkey = ? AND asserter = ? AND cluster = ?"),
      propGc: d.prepare("DELETE FROM props WHERE status = ? AND pkey = ? AND asserter = ? AND n <= 0"),
      clusterGc: d.prepare("DELETE FROM prop_clusters WHERE status = ? AND pkey = ? AND asserter = ? AND cluster = ? AND n <= 0"),
      oldEntities: d.prepare<[number], { fkey: string; name: string; aliases: string; m: number }>(
        "SELECT fkey, name, aliases, json_array_length(mentions) AS m FROM entities WHERE report = ?",
      ),
      fusedSub: d.prepare("UPDATE fused SET reports = reports - ?, mentions = mentions - ? WHERE fkey = ?"),
      nameSub: d.prepare("UPDATE fused_names SET n = n - 1 WHERE fkey = ? AND name = ?"),
      fusedGc: d.prepare("DELETE FROM fused WHERE fkey = ? AND reports <= 0"),
      nameGc: d.prepare("DELETE FROM fused_names WHERE fkey = ? AND name = ? AND n <= 0"),
    };
  }

  /** Fusion key of an entity: the alias table, then any name already in the ledger, then its own key. */
  private resolveEntity(type: EntityType, name: string, key: string, aliases: readonly string[]): string {
    const st = this.st;
    const names = [name, ...aliases].filter((n) => n.length >= 3 || /^\p{Lu}{2,}$/u.test(n));
    const table = fusionKey(name, type, key, aliases);
    let fkey = table.startsWith("a") && /^a\d+:/.test(table) ? table : undefined;
    if (!fkey) {
      for (const n of names) {
        const hit = st.name.get(nameKey(n), type);
        if (hit) {
          fkey = hit.fkey;
          break;
        }
      }
    }
    fkey ??= table;
    for (const n of names) st.addName.run(nameKey(n), type, fkey);
    return fkey;
  }

  /**
   * Stores one extracted report with everything extracted from it, in one transaction: a kill at any
   * moment leaves all of it or none. Same content hash: unchanged. Same URL (or file) with new content:
   * a new version that supersedes the old one.
   */
  store(doc: Doc, now: Date = new Date()): StoredReport {
    this.st ??= this.prepare();
    const st = this.st;
    const hash = contentHash(doc);
    const identity = identityOf(doc);
    const run = this.db.transaction((): StoredReport => {
      const same = st.byHash.get(hash);
      if (same) return { id: same.id, outcome: "unchanged", version: same.version };
      const prev = identity ? st.byIdentity.get(identity) : undefined;
      if (prev) this.retire(prev.id);
      const m = doc.meta;
      const sig = minhash(doc.text);
      const version = prev ? prev.version + 1 : 1;
      const id = Number(
        st.report.run({
          hash,
          identity,
          version,
          supersedes: prev?.id ?? null,
          title: m.title ?? null,
          source: m.source ?? null,
          url: m.url ?? null,
          published: m.published,
          published_utc: utc(m.published),
          published_from: m.publishedFrom,
          language: m.language,
          language_from: m.languageFrom,
          origin: m.origin ?? null,
          format: m.format ?? null,
          text: doc.text,
          ingested_at: now.toISOString(),
          minhash: Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength),
        }).lastInsertRowid,
      );
      // Wire copy: the cluster of the first earlier report similar enough, else its own. Candidates come
      // from shared LSH bands; each is compared once.
      let cluster = id;
      const checked = new Set<number>();
      const bs = bands(sig);
      search: for (const b of bs) {
        for (const h of st.bandHits.all(b)) {
          if (checked.has(h.report)) continue;
          checked.add(h.report);
          const m = st.minhashOf.get(h.report);
          if (!m) continue;
          const other = new Uint32Array(m.minhash.buffer.slice(m.minhash.byteOffset, m.minhash.byteOffset + m.minhash.byteLength));
          if (similarity(sig, other) >= WIRE_COPY) {
            cluster = h.cluster;
            break search;
          }
          if (checked.size >= 24) break search;
        }
      }
      for (const b of bs) st.band.run(b, id, cluster);
      st.setCluster.run(cluster, id);
      st.fts.run(id, m.title ?? "", doc.text);

      const fkeys = new Map<string, string>();
      // Longest names first, so that a short form can take the key of the full name it abbreviates.
      const byLength = [...doc.entities].sort((a, b) => b.name.length - a.name.length || a.id.localeCompare(b.id));
      for (const e of byLength) {
        const full = shortFormOf(e, doc.entities);
        fkeys.set(e.id, full && fkeys.has(full.id) ? fkeys.get(full.id)! : this.resolveEntity(e.type, e.name, e.key, e.aliases));
      }
      for (const e of doc.entities) {
        const fkey = fkeys.get(e.id)!;
        st.entity.run({
          report: id,
          lid: e.id,
          type: e.type,
          name: e.name,
          key: e.key,
          fkey,
          aliases: JSON.stringify(e.aliases),
          mentions: JSON.stringify(e.mentions.map((i) => doc.mentions[i]).filter(Boolean).map((x) => [x!.start, x!.end, x!.text])),
          lat: e.geo?.lat ?? null,
          lon: e.geo?.lon ?? null,
          country: e.geo?.country ?? null,
          geoname_id: e.geo?.geonameId ?? null,
          admin1: e.geo?.admin1 ?? null,
        });
      }
      const { claims, counts, countClaims } = docForContradictions(doc, (eid) => fkeys.get(eid));
      const withCounts = new Set(counts.map((c) => c.claim));
      doc.claims.forEach((c, i) => {
        const x = claims[i]!;
        const features = JSON.stringify(x.features);
        const pkey = propositionKey(c.text);
        st.claim.run({
          report: id,
          lid: c.id,
          sentence: x.sentence,
          paragraph: x.paragraph,
          start: c.start,
          end: c.end,
          text: c.text,
          status: c.status,
          pkey,
          source_name: c.source?.name ?? null,
          source_kind: c.source?.kind ?? null,
          source_entity: c.source?.entity ?? null,
          source_role: c.source?.role ?? null,
          cue_text: c.cue?.text ?? null,
          cue_start: c.cue?.start ?? null,
          cue_end: c.cue?.end ?? null,
          quote: c.quote ? 1 : 0,
          entities: JSON.stringify(c.entities),
          asserter: x.asserter,
          asserter_name: x.asserterName,
          source_key: x.sourceKey ?? null,
          entity_keys: JSON.stringify(x.entityKeys),
          features,
          // Only these can take part in a contradiction: the ledger loads just them for the finder.
          notable: c.status === "denied" || features !== "{}" || withCounts.has(c.id) ? 1 : 0,
        });
        st.claimFts.run(c.text, id, c.id);
        const status = c.status;
        st.propAdd.run({
          status, pkey, asserter: x.asserter, published: utc(m.published), text: c.text, language: m.language,
          kind: c.source?.kind ?? null, quote: c.quote ? 1 : 0, report: id, start: c.start,
        });
        st.clusterAdd.run(status, pkey, x.asserter, cluster);
        st.asserter.run(x.asserter, x.asserterName);
      });
      const perKey = new Map<string, { type: string; mentions: number; geo?: Doc["entities"][number]["geo"]; names: Set<string> }>();
      for (const e of doc.entities) {
        const k = fkeys.get(e.id)!;
        let agg = perKey.get(k);
        if (!agg) perKey.set(k, (agg = { type: e.type, mentions: 0, names: new Set() }));
        agg.mentions += e.mentions.length;
        agg.geo ??= e.geo;
        agg.names.add(e.name);
        for (const a of e.aliases) agg.names.add(a);
      }
      for (const [fkey, agg] of perKey) {
        st.fusedAdd.run({
          fkey, type: agg.type, mentions: agg.mentions, lat: agg.geo?.lat ?? null, lon: agg.geo?.lon ?? null,
          country: agg.geo?.country ?? null, geoname_id: agg.geo?.geonameId ?? null,
        });
        for (const n of agg.names) st.nameAdd.run(fkey, n);
      }
      for (const t of doc.times) {
        if ((t.type !== "DATE" && t.type !== "TIME") || !/^\d{4}/.test(t.value)) continue;
        const c = doc.claims.find((k) => k.start <= t.start && t.end <= k.end && k.status !== "denied");
        if (c) st.timeline.run(id, t.value, t.text, c.text, c.start, c.end);
      }
      for (const u of doc.unknowns) st.unknown.run(id, u.id, u.start, u.end, u.text, u.claim ?? null);
      doc.times.forEach((t, i) => st.time.run(id, i, t.start, t.end, t.text, t.value, t.type, t.mod ?? null));
      doc.counts.forEach((n, i) => {
        st.count.run(id, i, n.start, n.end, n.text, n.kind, n.value, n.approx, countClaims[i] ?? null);
      });
      for (const v of doc.events) st.event.run(id, v.id, v.type, JSON.stringify(v.claims), JSON.stringify(v.actors), JSON.stringify(v.locations), v.time ?? null);
      doc.contradictions.forEach((x, i) => st.contradiction.run(id, i, x.claims[0], x.claims[1], x.reason));
      return { id, outcome: prev ? "updated" : "added", version };
    });
    return this.db.inTransaction ? run() : run.immediate();
  }

  /** A report superseded by a newer version leaves the current picture and the aggregates. */
  private retire(old: number): void {
    const st = this.st;
    st.retire.run(old);
    for (const c of st.oldClaims.all(old)) {
      st.propSub.run(c.status, c.pkey, c.asserter);
      st.clusterSub.run(c.status, c.pkey, c.asserter, c.cluster);
      st.propGc.run(c.status, c.pkey, c.asserter);
      st.clusterGc.run(c.status, c.pkey, c.asserter, c.cluster);
    }
    const perKey = new Map<string, { m: number; names: Set<string> }>();
    for (const e of st.oldEntities.all(old)) {
      const agg = perKey.get(e.fkey) ?? { m: 0, names: new Set<string>() };
      agg.m += e.m;
      agg.names.add(e.name);
      for (const a of JSON.parse(e.aliases) as string[]) agg.names.add(a);
      perKey.set(e.fkey, agg);
    }
    for (const [fkey, agg] of perKey) {
      st.fusedSub.run(1, agg.m, fkey);
      st.fusedGc.run(fkey);
      for (const n of agg.names) {
        st.nameSub.run(fkey, n);
        st.nameGc.run(fkey, n);
      }
    }
  }

  /** Does the ledger hold this exact report already? (Cheap check before running the pipeline.) */
  has(doc: Doc): boolean {
    this.st ??= this.prepare();
    return !!this.st.byHash.get(contentHash(doc));
  }

  search(query: string, limit = 20): { report: number; lid: string; text: string }[] {
    return this.db
      .prepare<[string, number], { report: number; lid: string; text: string }>("SELECT report, lid, text FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?")
      .all(ftsQuery(query), limit);
  }

  searchReports(query: string, limit = 20): { id: number; title: string | null }[] {
    return this.db
      .prepare<[string, number], { id: number; title: string | null }>("SELECT rowid AS id, title FROM reports_fts WHERE reports_fts MATCH ? ORDER BY rank LIMIT ?")
      .all(ftsQuery(query), limit);
  }
}

/** User words as an FTS5 query of quoted terms, so punctuation in them cannot break the syntax. */
function ftsQuery(q: string): string {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `"${w.replace(/"/g, '""')}"`)
    .join(" ");
}

/** UTC form of an ISO time, so that SQL can compare instants as text. */
export function utc(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString();
}
