// The facet counters (schema 9): the counts of the claim table's facets (status, source, outlet, language)
// and the totals of views filtered on them are sums over counters kept by every write, on SQLite and
// PostgreSQL. They must be what counting the current claims themselves gives, after new reports, after a
// new version of a report replaces the old one, and in a ledger written before the counters existed.
// And an entity's claims (schema 10: claim_entities keyed by publication time, current claims only), paged
// forwards and back and counted in SQL, are the current claims that name it or have it as their source.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore, SPAN, type ClaimFacet, type ClaimFilter, type Reads } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";
import { eachBackend } from "./backends.js";
import { withoutFusionWords } from "./old-ledger.js";
import { claimsByEntity, pagedIds } from "./claim-views.js";

const filesOf = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));
const FACETS: ClaimFacet[] = ["status", "source", "outlet", "language"];
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

function report(dir: string, name: string, url: string, outlet: string | null, lang: "en" | "nl", text: string): string {
  const file = join(dir, name);
  writeFileSync(file, `---\ntitle: "${name}"\n${outlet === null ? "" : `source: "${outlet}"\n`}url: "${url}"\npublished: 2023-06-02T09:00:00+02:00\nlanguage: ${lang}\n---\n${text}\n`);
  return file;
}

/** Every current claim with the four values its facets count it under, read claim by claim. */
async function claimsOf(r: Reads) {
  const claims = (await r.searchClaims({ limit: 1_000_000, offset: 0 })).items;
  const reports = new Map((await r.reportsByIds([...new Set(claims.map((c) => c.report))])).map((x) => [x.id, x]));
  return claims.map((c) => ({ status: c.status as string, source: c.source?.name ?? null, outlet: reports.get(c.report)!.source, language: reports.get(c.report)!.language as string }));
}

/** The counts and totals the store gives for these filters are those of the claims themselves. */
async function check(r: Reads, what: string): Promise<void> {
  const all = await claimsOf(r);
  assert.ok(all.length > 40, `${what}: claims`);
  const someSource = all.find((c) => c.source !== null)!.source!;
  const filters: Omit<ClaimFilter, "limit" | "offset">[] = [
    {},
    { status: ["claimed"] },
    { status: ["denied", "claimed"] },
    { language: "nl" },
    { outlet: "Krant 3" },
    { ownVoice: true },
    { sourceName: fold(someSource) },
    { language: "en", status: ["claimed"], outlet: "Krant 2" },
  ];
  for (const f of filters) {
    const selected = all.filter(
      (c) =>
        (!f.status || f.status.includes(c.status as never)) &&
        (f.language === undefined || c.language === f.language) &&
        (f.outlet === undefined || c.outlet === f.outlet) &&
        (!f.ownVoice || c.source === null) &&
        (f.sourceName === undefined || (c.source !== null && fold(c.source) === f.sourceName)),
    );
    assert.equal(await r.countClaims({ ...f, limit: 50, offset: 0 }), selected.length, `${what}: total of ${JSON.stringify(f)}`);
    for (const by of FACETS) {
      const want = new Map<string | null, number>();
      for (const c of selected) want.set(c[by], (want.get(c[by]) ?? 0) + 1);
      const got = await r.claimFacets({ ...f, limit: 50, offset: 0 }, by, 1000);
      assert.deepEqual(
        new Map(got.map((x) => [x.value, x.n])),
        want,
        `${what}: ${by} counts of ${JSON.stringify(f)}`,
      );
      for (let i = 1; i < got.length; i++) assert.ok(got[i - 1]!.n >= got[i]!.n, `${what}: the most first`);
    }
  }
}

/** Each entity's claims, paged and counted by the store, are those the claims themselves say, in publication order. */
async function checkEntities(r: Reads, what: string): Promise<void> {
  const { all, under } = await claimsByEntity(r);
  assert.ok(under.size > 5, `${what}: entities`);
  const order = new Map(all.map((c, i) => [c.id, i]));
  for (const [fused, rows] of under) {
    for (const mode of [{}, { entitiesNamedOnly: true }, { entitiesNamedOnly: true, entitiesNotSource: true }] as const) {
      const want = rows
        .filter((x) => ("entitiesNotSource" in mode ? x.named && !x.source : "entitiesNamedOnly" in mode ? x.named : true))
        .map((x) => x.id)
        .sort((a, b) => order.get(a)! - order.get(b)!);
      const f = { fused: [fused], ...mode, limit: 2, offset: 0 };
      assert.equal(await r.countClaims(f), want.length, `${what}: count of ${fused} ${JSON.stringify(mode)}`);
      for (const desc of [false, true]) {
        const g = { ...f, sort: { by: "published" as const, desc } };
        const { ids: got, last: page } = await pagedIds(r, g);
        assert.deepEqual(got, desc ? [...want].reverse() : want, `${what}: pages of ${fused} ${JSON.stringify(mode)}${desc ? " newest first" : ""}`);
        if (got.length > 2) {
          const back = await r.claimsPage(g, page.keys[0]!, true);
          const i = got.indexOf(page.items[0]!.id);
          assert.deepEqual(back.items.map((c) => c.id), got.slice(Math.max(0, i - 2), i), `${what}: the page before`);
        }
      }
    }
  }
}

eachBackend("facet counts and filtered totals are the counts of the current claims, after new versions too", async (be) => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-facets-"));
  writeCorpus(dir, 30, "f");
  const spec = await be.ledger();
  const s = await openStore(spec);
  try {
    const extra = [
      report(dir, "x1.txt", "https://example.org/x/1", null, "en", "Police said the bridge was closed. The mayor denied that the bridge had collapsed."),
      report(dir, "x2.txt", "https://example.org/x/2", "Krant 3", "nl", "Volgens de politie is de brug gesloten. De burgemeester ontkent dat de brug is ingestort."),
    ];
    assert.equal((await ingestFiles(s, filesOf(dir), { progress: "none" })).failed.length, 0);
    await s.snapshot((r) => check(r, `${be.name}, first`));
    await s.snapshot((r) => checkEntities(r, `${be.name}, first`));
    // new versions: one report says more, another now comes from another outlet in another language
    report(dir, "x1.txt", "https://example.org/x/1", null, "en", "Police said the bridge was closed. The mayor denied that the bridge had collapsed. Officials said the ferry was running. The army said two soldiers were hurt.");
    report(dir, "x2.txt", "https://example.org/x/2", "Dagblad Oost", "en", "The police said the road was closed.");
    assert.equal((await ingestFiles(s, extra, { progress: "none" })).failed.length, 0);
    assert.equal(await be.n(spec, "SELECT count(*) AS n FROM reports WHERE current = 0"), 2, "two reports replaced");
    await s.snapshot((r) => check(r, `${be.name}, new versions`));
    await s.snapshot((r) => checkEntities(r, `${be.name}, new versions`));
    assert.equal(await be.n(spec, `SELECT count(*) AS n FROM claim_entities ce JOIN reports r ON r.id = ce.claim / ${SPAN} WHERE r.current = 0`), 0, "a replaced version's claims are off their entities' lists");
    assert.equal(await be.n(spec, "SELECT count(*) AS n FROM claim_facets WHERE n <= 0"), 0, "no empty counters kept");
  } finally {
    await s.close();
  }
}, { timeout: 300000 });

eachBackend("a ledger written before the facet counters gets them when opened, and counts the same", async (be) => {
  if (be.name !== "SQLite") return; // (the migration's SQL is the same on both; the older ledger is made by hand here)
  const dir = mkdtempSync(join(tmpdir(), "sitrep-facets-"));
  writeCorpus(dir, 24, "g");
  const file = await be.ledger();
  const s = await openStore(file);
  assert.equal((await ingestFiles(s, filesOf(dir), { progress: "none" })).failed.length, 0);
  await s.close();
  const db = new Database(file);
  // as schema 8 left it: no counters; claim_entities without times, keyed by entity and claim
  db.exec(`DROP TABLE claim_facets;
    CREATE TABLE ce8 (fused INTEGER NOT NULL, claim INTEGER NOT NULL, role INTEGER NOT NULL, PRIMARY KEY (fused, claim)) WITHOUT ROWID;
    INSERT INTO ce8 SELECT fused, claim, role FROM claim_entities; DROP TABLE claim_entities; ALTER TABLE ce8 RENAME TO claim_entities;`);
  withoutFusionWords(db);
  db.pragma("user_version = 8");
  db.close();
  const again = await openStore(file);
  try {
    assert.ok((await be.n(file, "SELECT count(*) AS n FROM claim_facets")) > 0);
    await again.snapshot((r) => check(r, "migrated"));
    await again.snapshot((r) => checkEntities(r, "migrated"));
  } finally {
    await again.close();
  }
}, { timeout: 300000 });
