// Schema 26 (SQLite): claims_status and claims_notable no longer name the rowid's column (id), which an
// index of a table with rowids keeps after its columns anyway. The reads that go through them (a claim's
// status found by status and rowid, the notable claims of the whole ledger) answer as before; a ledger of
// schema 25 takes the new indexes when opened for writing, as a new ledger has them, and reads the same.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { NOTABLE, openStore, type Reads, type Store } from "../src/store/index.js";
import { LATEST, RARE_STATUS } from "../src/store/schema.js";
import { status } from "../src/store/codes.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";
import { exportedEn } from "./old-ledger.js";

const filesOf = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));

const indexes = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(["claims_status", "claims_notable"].map((n) => [n, (db.pragma(`index_info(${n})`) as { name: string }[]).map((c) => c.name)]));
  } finally {
    db.close();
  }
};

/** What is read through the two indexes: the notable claims (all, and since a watermark), the claims of each status, and the export. */
async function reads(s: Store): Promise<string> {
  const out: unknown[] = [];
  await s.snapshot(async (r: Reads) => {
    for (const bits of [NOTABLE.featured, NOTABLE.figure, NOTABLE.featured | NOTABLE.figure]) {
      const all: number[] = [], since: number[] = [];
      for await (const page of r.fusionClaims(bits)) all.push(...page.map((c) => c.id));
      for await (const page of r.fusionClaims(bits, 0)) since.push(...page.map((c) => c.id));
      out.push([bits, all, since]);
    }
    for (const st of ["claimed", "denied", "unknown", "established"] as const) out.push([st, (await r.searchClaims({ status: [st], limit: 1_000_000, offset: 0 })).items.map((c) => c.id)]);
    return undefined;
  });
  out.push(await exportedEn(s));
  return JSON.stringify(out);
}

test("SQLite: claims_status and claims_notable keep the rowid once; a ledger of schema 25 takes them when opened for writing and reads the same", { timeout: 300000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-rowid-indexes-"));
  writeCorpus(join(dir, "in"), 40, "ri");
  const fresh = join(dir, "new.db"), old = join(dir, "old.db");
  for (const f of [fresh, old]) {
    const s = await openStore(f);
    assert.equal((await ingestFiles(s, filesOf(join(dir, "in")), { progress: "none" })).failed.length, 0);
    await s.close();
  }
  assert.deepEqual(indexes(fresh), { claims_status: ["status"], claims_notable: ["notable"] });

  // (as schema 25 left them)
  const db = new Database(old);
  db.exec(`DROP INDEX claims_status; CREATE INDEX claims_status ON claims (status, id) WHERE status >= ${RARE_STATUS};
    DROP INDEX claims_notable; CREATE INDEX claims_notable ON claims (id) WHERE notable <> 0;`);
  db.pragma("user_version = 25");
  db.close();
  const r0 = await openStore(old, { readonly: true });
  const before = await reads(r0);
  await r0.close();

  const w = await openStore(old);
  await w.close();
  const after = new Database(old, { readonly: true });
  assert.equal(after.pragma("user_version", { simple: true }), LATEST);
  // a claim's status found by its status and rowid in the index alone, as the reads ask it (statusOfId)
  const rare = after.prepare(`SELECT id, status FROM claims WHERE status >= ${RARE_STATUS}`).all() as { id: number; status: number }[];
  assert.ok(rare.length >= 3, `claims of rare statuses: ${rare.length}`);
  const plan = after.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM claims x INDEXED BY claims_status WHERE x.status >= ${RARE_STATUS} AND x.status = ? AND x.id = ?`).all(rare[0]!.status, rare[0]!.id) as { detail: string }[];
  assert.match(plan.map((p) => p.detail).join(" "), /COVERING INDEX claims_status \(status=\? AND rowid=\?\)/);
  const one = after.prepare(`SELECT count(*) AS n FROM claims x INDEXED BY claims_status WHERE x.status >= ${RARE_STATUS} AND x.status = ? AND x.id = ?`);
  for (const c of rare) assert.equal((one.get(c.status, c.id) as { n: number }).n, 1);
  assert.equal((one.get(status.code("unknown") === rare[0]!.status ? status.code("denied") : status.code("unknown"), rare[0]!.id) as { n: number }).n, 0);
  after.close();
  assert.deepEqual(indexes(old), indexes(fresh));

  const a = await openStore(old, { readonly: true }), b = await openStore(fresh, { readonly: true });
  try {
    const [ra, rb] = [await reads(a), await reads(b)];
    assert.ok(ra.length > 1000 && ra.includes("claimed"), ra.slice(0, 300));
    assert.equal(ra, before, "read as before the new indexes");
    assert.equal(ra, rb, "read as a new ledger");
  } finally {
    await a.close();
    await b.close();
  }
});
