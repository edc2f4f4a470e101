// Claims found by their words and a status: every page, count and search is the claims of those words whose
// status is one of those asked for, in publication order, on both backends. On SQLite the index of claims'
// words keeps each claim's status among its words (schema 22), so that this is one query of the index; a
// ledger indexed before gets the statuses when it is next opened for writing (the claims' words re-indexed),
// and is read the old way until then.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore, SPAN, type ClaimFilter, type Reads } from "../src/store/index.js";
import type { ClaimStatus } from "../src/model/doc.js";
import { status } from "../src/store/codes.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";
import { BACKENDS, eachBackend } from "./backends.js";
import { pagedIds } from "./claim-views.js";

const filesOf = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));
const WORDS = [["governor"], ["legion"], ["gouverneur"], ["wounded"], ["leg"], ["ministry", "denied"], ["strijders"], ["legion", "controlled"]];

/** Every view of the words and statuses, as the store answers it: pages read forwards to the end, the count, a search. */
async function answers(r: Reads, what: string): Promise<string[]> {
  const out: string[] = [];
  const all = (await r.searchClaims({ limit: 1_000_000, offset: 0 })).items;
  const statuses = [...new Set(all.map((c) => c.status))].sort();
  assert.ok(statuses.length >= 3, `${what}: statuses`);
  // (each alone, some together, and all but a rare one: the claims without that one's)
  const lists: ClaimStatus[][] = [...statuses.map((s) => [s]), statuses.slice(0, 2), statuses.slice(1), ["established", "claimed"], ["unknown", "denied"], statuses.filter((s) => s !== "denied")];
  let nonEmpty = 0;
  for (const words of WORDS) {
    // (what the words alone find, and the statuses of those: the claims the view should have)
    const byWords = (await r.searchClaims({ words, limit: 1_000_000, offset: 0 })).items;
    assert.ok(byWords.length > 0, `${what}: claims of ${words}`);
    for (const st of lists) {
      const want = byWords.filter((c) => st.includes(c.status)).map((c) => c.id);
      if (want.length) nonEmpty++;
      const f: ClaimFilter = { words, status: st, limit: 3, offset: 0 };
      const name = `${what}: ${words.join(" ")} ${st.join(",")}`;
      assert.equal(await r.countClaims(f), want.length, `${name}: count`);
      const search = await r.searchClaims({ ...f, limit: 1000 });
      assert.deepEqual([search.total, search.items.map((c) => c.id)], [want.length, want], `${name}: search`);
      for (const desc of [false, true]) {
        const g = { ...f, sort: { by: "published" as const, desc } };
        const { ids: got } = await pagedIds(r, g, true);
        assert.deepEqual(got, desc ? [...want].reverse() : want, `${name}: pages${desc ? ", newest first" : ""}`);
      }
      out.push(JSON.stringify([words, st, want]));
    }
  }
  assert.ok(nonEmpty > 10, `${what}: views with claims`);
  return out;
}

async function ledgerWithReports(spec: string, tag: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-words-status-"));
  writeCorpus(dir, 40, tag);
  const s = await openStore(spec);
  try {
    assert.equal((await ingestFiles(s, filesOf(dir), { progress: "none" })).failed.length, 0);
    return await s.snapshot((r) => answers(r, "written"));
  } finally {
    await s.close();
  }
}

eachBackend("the claims of some words and statuses are those of the words with those statuses, paged, counted and searched", async (be) => {
  const spec = await be.ledger();
  await ledgerWithReports(spec, "ws");
  if (be.name !== "SQLite") return;
  // (the index of words holds each claim's status: the claims of each status, found by it alone)
  for (const st of ["claimed", "denied", "unknown"] as const) {
    const tagged = await be.n(spec, `SELECT count(*) AS n FROM claims_fts WHERE claims_fts MATCH '"\uE000${status.code(st)}"'`);
    assert.equal(tagged, await be.n(spec, `SELECT count(*) AS n FROM claims WHERE status = ${status.code(st)} AND id % ${SPAN} < 1023`), st);
  }
}, { timeout: 300000 });

/** The claims' index as schema 21 kept it: each claim's words alone (a report's own row left out: no view here reads it). */
async function untagged(file: string, pending: boolean): Promise<void> {
  const s = await openStore(file, { readonly: true });
  const claims = await s.snapshot(async (r) => (await r.searchClaims({ limit: 1_000_000, offset: 0 })).items);
  await s.close();
  const db = new Database(file);
  db.exec("INSERT INTO claims_fts (claims_fts) VALUES ('delete-all')");
  const ins = db.prepare("INSERT INTO claims_fts (rowid, text) VALUES (?, ?)");
  for (const c of claims) ins.run(Math.floor(c.id / SPAN) * 1024 + (c.id % SPAN), c.text);
  if (pending) db.prepare("INSERT INTO fusion_state (kind, watermark, data) VALUES ('claim-words', 0, ?)").run(String(Math.max(...claims.map((c) => c.report)) + 1));
  else db.pragma("user_version = 21");
  db.close();
}

test("SQLite: a ledger whose index of words has no statuses is read the old way, and re-indexed with them when opened for writing", { timeout: 300000 }, async () => {
  const be = BACKENDS.find((b) => b.name === "SQLite")!;
  const file = await be.ledger();
  const before = await ledgerWithReports(file, "wt");
  const tag = `SELECT count(*) AS n FROM claims_fts WHERE claims_fts MATCH '"\uE000${status.code("claimed")}"'`;
  // midway through a re-index (the words' rows as they were): words and a status read the old way
  await untagged(file, true);
  assert.equal(await be.n(file, tag), 0);
  const reader = await openStore(file, { readonly: true });
  try {
    assert.deepEqual(await reader.snapshot((r) => answers(r, "midway")), before);
  } finally {
    await reader.close();
  }
  // a ledger of schema 21, opened for writing: its index made again, with the statuses
  const db = new Database(file);
  db.exec("DELETE FROM fusion_state WHERE kind = 'claim-words'");
  db.close();
  await untagged(file, false);
  const s = await openStore(file);
  try {
    assert.equal(await be.n(file, "SELECT count(*) AS n FROM fusion_state WHERE kind = 'claim-words'"), 0, "re-indexed");
    assert.ok((await be.n(file, tag)) > 10, "with the statuses");
    assert.deepEqual(await s.snapshot((r) => answers(r, "re-indexed")), before);
    // (and each report's own row again: a word of a report's title finds it)
    assert.ok((await s.snapshot((r) => r.listReports({ words: ["bericht"], limit: 100, offset: 0 }))).total >= 40);
  } finally {
    await s.close();
  }
});
