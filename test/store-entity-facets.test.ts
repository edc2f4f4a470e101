// The facets of an entity's claims (claimFacets with an entity) count what the claims themselves say: each
// claim's status and source (an editor's correction in place of the extraction's) and its report's outlet
// and language, over the entity's first FACETS_COUNTED.cap claims in publication order (by time, then claim),
// marked `more` past it, with the other filters of the view applied to those. On PostgreSQL claim_entities
// keeps those four values beside each row (schema 21), written with it, filled in for a ledger written
// before when it is next opened for writing (read the old way meanwhile), and carried by `sitrep copy`
// from a ledger that lacks them (SQLite's).
import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type ClaimFacet, type ClaimFilter, type Reads } from "../src/store/index.js";
import type { ClaimStatus } from "../src/model/doc.js";
import { FACETS_COUNTED } from "../src/store/sql-store.js";
import { copyLedger } from "../src/store/copy.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";
import { BACKENDS, eachBackend, PG_URL } from "./backends.js";
import { claimsByEntity, type UnderEntity } from "./claim-views.js";

const filesOf = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));
const FACETS: ClaimFacet[] = ["status", "source", "outlet", "language"];

/** Our reports: the shared corpus, and a few whose claims have named sources that are entities of their own. */
function corpus(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-entity-facets-"));
  writeCorpus(dir, 28, tag);
  const extra: [string, string, string, string][] = [
    ["Krant 1", "en", "2023-05-23T10:00:00+02:00", "Governor Gladkov said the bridge in Belgorod was closed. The ministry denied that the bridge had collapsed. Gladkov said two civilians were wounded."],
    ["Dagblad Oost", "nl", "2023-05-23T10:00:00+02:00", "Volgens gouverneur Gladkov is de brug in Belgorod gesloten. Het ministerie ontkent dat de brug is ingestort."],
    ["Krant 2", "en", "2023-05-24T07:30:00+02:00", "The legion said it controlled Belgorod. Governor Gladkov denied that the legion controlled the town. It is unclear whether the bridge was hit."],
  ];
  extra.forEach(([outlet, lang, published, text], i) =>
    writeFileSync(join(dir, `${tag}x${i}.txt`), `---\ntitle: "Extra ${tag}${i}"\nsource: "${outlet}"\nurl: "https://example.org/${tag}/x${i}"\npublished: ${published}\nlanguage: ${lang}\n---\n${text}\n`),
  );
  return dir;
}

interface Truth {
  claims: Map<number, { status: ClaimStatus; source: string | null; outlet: string | null; language: string; ms: number }>;
  /** Each fused entity's claims: whether the claim names it and whether it is its source. */
  under: Map<number, UnderEntity[]>;
}

/** What the claims themselves say, read claim by claim. */
async function truthOf(r: Reads): Promise<Truth> {
  const { all, reports, under } = await claimsByEntity(r);
  const claims: Truth["claims"] = new Map();
  for (const c of all) {
    const rep = reports.get(c.report)!;
    claims.set(c.id, { status: c.status, source: c.source?.name ?? null, outlet: rep.source, language: rep.language, ms: rep.publishedMs });
  }
  return { claims, under };
}

/** The facets an entity's view should have: the first `cap` of its claims (time, then claim), then the view's filters. */
function expected(t: Truth, f: ClaimFilter, by: ClaimFacet, cap: number): { counts: Map<string | null, number>; more: boolean } {
  const rows = t.under
    .get(f.fused![0]!)!
    .filter((x) => (f.sinceMs === undefined || t.claims.get(x.id)!.ms >= f.sinceMs) && (f.untilMs === undefined || t.claims.get(x.id)!.ms <= f.untilMs))
    .sort((a, b) => t.claims.get(a.id)!.ms - t.claims.get(b.id)!.ms || a.id - b.id);
  const more = rows.length > cap;
  const counts = new Map<string | null, number>();
  for (const x of rows.slice(0, cap)) {
    const c = t.claims.get(x.id)!;
    const moved = !!f.sourceOf?.has(x.id);
    const asSource = x.source && !moved;
    if (f.entitiesNotSource && asSource) continue;
    if (!(x.named || (!f.entitiesNamedOnly && asSource))) continue;
    const st = f.statusOf?.get(x.id) ?? c.status;
    const src = moved ? f.sourceOf!.get(x.id)! : c.source;
    if (f.status && !f.status.includes(st)) continue;
    if (f.outlet !== undefined && c.outlet !== f.outlet) continue;
    if (f.language !== undefined && c.language !== f.language) continue;
    if (f.ownVoice && src !== null) continue;
    const v = by === "status" ? st : by === "source" ? src : by === "outlet" ? c.outlet : c.language;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { counts, more };
}

/** Every entity's facets, under several views, are what its claims say; their answers, for a comparison. */
async function check(r: Reads, t: Truth, what: string, cap = FACETS_COUNTED.cap): Promise<string[]> {
  const answers: string[] = [];
  const times = [...new Set([...t.claims.values()].map((c) => c.ms))].sort((a, b) => a - b);
  let tried = 0;
  for (const [fused, rows] of t.under) {
    // (corrections: the first claim of the entity gets another status, the last another source, one of
    // those whose source is the entity the report's own voice)
    const first = rows[0]!.id, last = rows[rows.length - 1]!.id;
    const sourced = rows.find((x) => x.source)?.id;
    const statusOf = new Map<number, ClaimStatus>([[first, t.claims.get(first)!.status === "denied" ? "claimed" : "denied"]]);
    const sourceOf = new Map<number, string | null>([[last, "Het ministerie"], ...(sourced !== undefined ? [[sourced, null] as [number, null]] : [])]);
    const views: Omit<ClaimFilter, "fused" | "limit" | "offset">[] = [
      {},
      { entitiesNamedOnly: true },
      { entitiesNamedOnly: true, entitiesNotSource: true },
      { status: ["claimed"] },
      { outlet: "Krant 1" },
      { language: "nl", entitiesNamedOnly: true },
      { ownVoice: true },
      { sinceMs: times[Math.floor(times.length / 3)]!, untilMs: times[Math.floor((2 * times.length) / 3)]! },
      { statusOf, sourceOf },
      { statusOf, sourceOf, status: ["denied"], entitiesNotSource: true },
    ];
    for (const v of views) {
      const f: ClaimFilter = { fused: [fused], ...v, limit: 50, offset: 0 };
      for (const by of FACETS) {
        const got = await r.claimFacets(f, by, 1000);
        const want = expected(t, f, by, cap);
        const name = `${what}: ${by} of entity ${fused} ${JSON.stringify(v, (_k, x) => (x instanceof Map ? [...x] : x))}`;
        assert.deepEqual(new Map(got.map((x) => [x.value, x.n])), want.counts, name);
        assert.ok(got.every((x) => !!(x as { more?: boolean }).more === want.more), `${name}: more`);
        for (let i = 1; i < got.length; i++) assert.ok(got[i - 1]!.n >= got[i]!.n, `${name}: the most first`);
        answers.push(JSON.stringify([fused, v, by, got], (_k, x) => (x instanceof Map ? [...x] : x)));
        tried += got.length;
      }
    }
  }
  assert.ok(t.under.size > 10 && tried > 500, `${what}: entities and values`);
  return answers;
}

eachBackend("an entity's facets count its claims' statuses, sources, outlets and languages, in part past the cap", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  const cap = FACETS_COUNTED.cap;
  try {
    assert.equal((await ingestFiles(s, filesOf(corpus("ef")), { progress: "none" })).failed.length, 0);
    const t = await s.snapshot(truthOf);
    assert.ok([...t.under.values()].some((rows) => rows.length > 8), "an entity named in more claims than the small cap");
    assert.ok([...t.under.values()].some((rows) => rows.some((x) => x.source)), "an entity that is a claim's source");
    await s.snapshot((r) => check(r, t, be.name));
    FACETS_COUNTED.cap = 5;
    await s.snapshot((r) => check(r, t, `${be.name}, counted in part`, 5));
  } finally {
    FACETS_COUNTED.cap = cap;
    await s.close();
  }
  if (be.name === "PostgreSQL") {
    // (written with each row: every row has them, as its claim and report say)
    assert.equal(
      await be.n(
        spec,
        `SELECT count(*) AS n FROM claim_entities ce JOIN claims c ON c.id = ce.claim JOIN reports r ON r.id = c.report
         WHERE ce.status IS DISTINCT FROM c.status OR ce.source IS DISTINCT FROM c.source OR ce.outlet IS DISTINCT FROM r.source OR ce.language IS DISTINCT FROM r.language`,
      ),
      0,
    );
  }
}, { timeout: 300000 });

const pgOnly = { skip: !PG_URL && "PostgreSQL: SITREP_TEST_PG not set", timeout: 300000 };
const pg = BACKENDS.find((b) => b.name === "PostgreSQL");

test("PostgreSQL: a ledger of schema 20 gets its entities' facets filled when opened for writing, and counts the same meanwhile", pgOnly, async () => {
  const spec = await pg!.ledger();
  const s = await openStore(spec);
  let t: Truth, before: string[];
  try {
    assert.equal((await ingestFiles(s, filesOf(corpus("eg")), { progress: "none" })).failed.length, 0);
    t = await s.snapshot(truthOf);
    before = await s.snapshot((r) => check(r, t, "as written"));
  } finally {
    await s.close();
  }
  // as schema 20 left it: claim_entities with its key and role only
  await pg!.rows(
    spec,
    `ALTER TABLE claim_entities DROP CONSTRAINT claim_entities_pkey, DROP COLUMN status, DROP COLUMN source, DROP COLUMN outlet, DROP COLUMN language;
     ALTER TABLE claim_entities ADD CONSTRAINT claim_entities_pkey PRIMARY KEY (fused, ms, claim);
     UPDATE sitrep_meta SET value = '20' WHERE key = 'schema';`,
  );
  const upgraded = await openStore(spec);
  try {
    assert.deepEqual(await upgraded.snapshot((r) => check(r, t, "upgraded")), before, "the same answers after the upgrade");
  } finally {
    await upgraded.close();
  }
  const filled = `SELECT count(*) AS n FROM claim_entities ce JOIN claims c ON c.id = ce.claim JOIN reports r ON r.id = c.report
    WHERE ce.status = c.status AND ce.source IS NOT DISTINCT FROM c.source AND ce.outlet IS NOT DISTINCT FROM r.source AND ce.language = r.language`;
  const rows = await pg!.n(spec, "SELECT count(*) AS n FROM claim_entities");
  assert.ok(rows > 50, `rows: ${rows}`);
  assert.equal(await pg!.n(spec, filled), rows, "every row filled");
  assert.equal(await pg!.n(spec, "SELECT count(*) AS n FROM fusion_state WHERE kind = 'entity-facets'"), 0, "the fill is done");
  assert.match(String((await pg!.rows<{ d: string }>(spec, "SELECT indexdef AS d FROM pg_indexes WHERE indexname = 'claim_entities_pkey'"))[0]!.d), /INCLUDE \(role, status, source, outlet, language\)/);
  // (and the table vacuumed after: every page of it marked all-visible again, so that an entity's range is
  // read from the index alone, as before the fill rewrote its rows)
  const visible = "SELECT relallvisible AS n FROM pg_class WHERE relname = 'claim_entities'";
  const pages = "SELECT relpages AS n FROM pg_class WHERE relname = 'claim_entities'";
  assert.ok((await pg!.n(spec, pages)) > 0);
  assert.equal(await pg!.n(spec, visible), await pg!.n(spec, pages), "every page all-visible after the fill");

  // Midway (a sitrep stopped during the fill): the entities from the watermark on have none yet. A reader
  // counts the same; the next writer fills the rest from there.
  const mid = await pg!.n(spec, "SELECT fused AS n FROM claim_entities ORDER BY fused OFFSET (SELECT count(*) / 2 FROM claim_entities) LIMIT 1");
  await pg!.rows(
    spec,
    `UPDATE claim_entities SET status = NULL, source = NULL, outlet = NULL, language = NULL WHERE fused >= ${mid};
     INSERT INTO fusion_state (kind, watermark, data) SELECT 'entity-facets', ${mid}, CAST(max(fused) + 1 AS TEXT) FROM claim_entities;`,
  );
  const reader = await openStore(spec, { readonly: true });
  try {
    assert.deepEqual(await reader.snapshot((r) => check(r, t, "midway")), before, "the same answers midway");
  } finally {
    await reader.close();
  }
  assert.ok((await pg!.n(spec, "SELECT count(*) AS n FROM claim_entities WHERE status IS NULL")) > 0);
  await (await openStore(spec)).close();
  assert.equal(await pg!.n(spec, filled), rows, "every row filled after the writer");
  assert.equal(await pg!.n(spec, "SELECT count(*) AS n FROM fusion_state WHERE kind = 'entity-facets'"), 0);
  assert.equal(await pg!.n(spec, visible), await pg!.n(spec, pages), "every page all-visible after the rest of the fill");
});

test("PostgreSQL: a SQLite ledger copied into PostgreSQL has its entities' facets, and counts them the same", pgOnly, async () => {
  const sqlite = BACKENDS.find((b) => b.name === "SQLite")!;
  const file = await sqlite.ledger();
  const s = await openStore(file);
  let t: Truth, before: string[];
  try {
    assert.equal((await ingestFiles(s, filesOf(corpus("eh")), { progress: "none" })).failed.length, 0);
    t = await s.snapshot(truthOf);
    before = await s.snapshot((r) => check(r, t, "SQLite"));
  } finally {
    await s.close();
  }
  const url = await pg!.ledger();
  await copyLedger(file, url);
  const rows = await pg!.n(url, "SELECT count(*) AS n FROM claim_entities");
  assert.equal(
    await pg!.n(
      url,
      `SELECT count(*) AS n FROM claim_entities ce JOIN claims c ON c.id = ce.claim JOIN reports r ON r.id = c.report
       WHERE ce.status = c.status AND ce.source IS NOT DISTINCT FROM c.source AND ce.outlet IS NOT DISTINCT FROM r.source AND ce.language = r.language`,
    ),
    rows,
  );
  const copy = await openStore(url, { readonly: true });
  try {
    assert.deepEqual(await copy.snapshot((r) => check(r, t, "copied")), before);
  } finally {
    await copy.close();
  }
});
