// Schema 25 (SQLite): a report's fusion record leaves out what the report's other rows hold too (the
// entities each claim names, its entities' type, name and aliases, its publication time, outlet and
// language; words = 3), and three indexes no longer name the rowid's column. Records read back, and the
// ledger exports, as on PostgreSQL (which keeps records whole); a ledger of schema 24 takes the new form
// when opened for writing, byte for byte a new ledger's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inflateRawSync } from "node:zlib";
import Database from "better-sqlite3";
import pg from "pg";
import { openStore } from "../src/store/index.js";
import { presetOf, ROW_WORDS, storedForm } from "../src/store/sql-store.js";
import { LATEST } from "../src/store/schema.js";
import { storeReports } from "../src/ledger/ingest.js";
import { storedFusion } from "../src/ledger/stored.js";
import { newDatabase, PG_URL } from "./backends.js";
import { exportedEn, recordsRead, storedRecords, twinLedgers, withClaimRecords, reportMaker } from "./old-ledger.js";

// Reports written for this test: a ferry that ran aground, told by the operator, the coastguard and a passenger.
const EN = [
  "The ferry Stella Maris ran aground off Texel on Friday evening, the coastguard said.",
  "All 214 passengers were taken ashore by lifeboats from Den Helder, according to operator Wadden Lines.",
  "\"The ship suddenly lurched and we heard a scraping noise,\" said passenger Joost Visser.",
  "Wadden Lines denied that the captain had ignored a warning about the low tide.",
].join(" ");
const NL = [
  "De veerboot Stella Maris is vrijdagavond voor de kust van Texel vastgelopen, meldt de kustwacht.",
  "Alle 214 passagiers zijn volgens rederij Wadden Lines met reddingsboten uit Den Helder aan wal gebracht.",
  "\"Het schip maakte plotseling een slinger en we hoorden geschraap\", zei passagier Joost Visser.",
  "Wadden Lines ontkent dat de kapitein een waarschuwing over het lage tij heeft genegeerd.",
].join(" ");

const report = reportMaker({ prefix: "f", published: (i) => `2025-09-1${i % 8}T20:15:00+02:00`, source: { nl: "Noordkop Courant", en: "Island Gazette" }, slug: "ferry" });
const DOCS = () => [report(EN, "en", 1), report(NL, "nl", 2), report(EN.replace("214", "216"), "en", 3), report(NL.replace("214", "216"), "nl", 4)];

const indexes = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(["entities_fused", "times_timeline", "claims_claimed"].map((n) => [n, (db.pragma(`index_info(${n})`) as { name: string }[]).map((c) => c.name)]));
  } finally {
    db.close();
  }
};

test("SQLite: a report's fusion record leaves out what its report's rows hold, and reads back and exports as PostgreSQL's whole records", async () => {
  const { fresh } = await twinLedgers("sitrep-recordrows-", DOCS());
  const s = await openStore(fresh, { readonly: true });
  const back = await recordsRead(s);
  const docs = DOCS();
  // what the ledger gave to be stored, as JSON gives it back
  assert.deepEqual([...back.values()].map((r) => JSON.stringify(r)).sort(), docs.map((d) => JSON.stringify(storedFusion(d))).sort());
  const exported = await exportedEn(s);
  await s.close();
  assert.ok(exported.includes("Joost Visser") && exported.includes("Wadden Lines"));

  let named = 0, left = 0, claims = 0;
  for (const r of storedRecords(fresh)) {
    assert.equal(r.words, ROW_WORDS, `${r.id}: what the rows hold left out`);
    const kept = JSON.parse(inflateRawSync(r.data, { dictionary: presetOf(storedForm.body(r.body), ROW_WORDS) }).toString("utf8")) as {
      entities: Record<string, unknown>[];
      claims: Record<string, unknown>[];
      shared?: { claims: Record<string, unknown> };
    };
    const whole = back.get(r.id) as { entities: Record<string, unknown>[]; claims: Record<string, unknown>[] };
    assert.ok(kept.entities.length >= 4 && kept.entities.every((e) => e.name === 0 && e.type === 0 && e.aliases === 0), JSON.stringify(kept.entities));
    assert.ok(whole.entities.some((e) => e.name === "Joost Visser"));
    kept.claims.forEach((c, i) => {
      if (Array.isArray(whole.claims[i]!.entities) && (whole.claims[i]!.entities as unknown[]).length) named++;
      if (typeof c.entities === "number") left++;
      claims++;
    });
    if (kept.shared) assert.deepEqual([kept.shared.claims.published, kept.shared.claims.lang], [0, 0]);
  }
  assert.ok(named >= 4, "claims that name entities");
  // (where a claim's record lists them otherwise than its row, as the ledger may, they are kept)
  assert.ok(left >= 4 && left <= claims, `the entities of ${left} of ${claims} claims left out`);

  if (PG_URL) {
    const url = await newDatabase();
    const p = await openStore(url);
    assert.ok((await storeReports(p, DOCS())).every((r) => r.ok));
    const pb = await recordsRead(p);
    await p.close();
    // (the same reports in another ledger: the same records, kept whole there)
    assert.deepEqual([...pb.values()].map((r) => JSON.stringify(r)).sort(), [...back.values()].map((r) => JSON.stringify(r)).sort());
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const rows = (await c.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'entities_fused'")).rows as { indexdef: string }[];
      assert.match(rows[0]!.indexdef, /\(fused, id\)/, "PostgreSQL's index orders by what it names");
      const words = (await c.query("SELECT DISTINCT words FROM fusion_items")).rows as { words: number | null }[];
      assert.deepEqual(words.map((w) => w.words), [null], "PostgreSQL keeps its records whole");
    } finally {
      await c.end();
    }
  }
});

test("SQLite: a ledger of schema 24 takes the new records and indexes when opened for writing, byte for byte a new ledger's, and reads and exports the same", async () => {
  const { fresh, old } = await twinLedgers("sitrep-recordrows-old-", DOCS());
  const whole = await withClaimRecords(old, 24);
  const before = storedRecords(old);
  assert.ok(before.every((r) => r.words === 2));
  assert.deepEqual(indexes(old), { entities_fused: ["fused", "id"], times_timeline: ["value", "id"], claims_claimed: ["id"] });

  const w = await openStore(old);
  assert.equal(await w.reads.fusionState("record-rows"), undefined, "the conversion finished");
  await w.close();
  const db = new Database(old, { readonly: true });
  assert.equal(db.pragma("user_version", { simple: true }), LATEST);
  db.close();
  const after = storedRecords(old), want = storedRecords(fresh);
  assert.deepEqual(after.map((r) => [r.id, r.words]), want.map((r) => [r.id, ROW_WORDS]));
  assert.deepEqual(after.map((r) => r.data), want.map((r) => r.data), "the same bytes as a new ledger's");
  const was = before.reduce((n, r) => n + r.data.length, 0), now = after.reduce((n, r) => n + r.data.length, 0);
  assert.ok(now < 0.9 * was, `${now} bytes against ${was} of schema 24`);
  assert.deepEqual(indexes(old), { entities_fused: ["fused"], times_timeline: ["value"], claims_claimed: ["status"] });
  assert.deepEqual(indexes(old), indexes(fresh));

  const a = await openStore(old, { readonly: true }), b = await openStore(fresh, { readonly: true });
  assert.deepEqual(await recordsRead(a), whole);
  assert.equal(await exportedEn(a), await exportedEn(b));
  // an entity's page and the timeline read through the indexes that changed: the same on both
  const through = (s: typeof a) =>
    s.snapshot(async (r) => {
      const { rows } = await r.fusedEntities({ limit: 100 });
      const timeline: unknown[] = [];
      for await (const page of r.timeline({})) timeline.push(...page);
      return { entities: await Promise.all(rows.map(async (f) => [f.uid, await r.entitiesOfFused(f.id), await r.firstMention(f.id)])), timeline };
    });
  const [ta, tb] = [await through(a), await through(b)];
  assert.ok(ta.entities.length >= 4 && ta.timeline.length >= 1, JSON.stringify(ta).slice(0, 300));
  assert.deepEqual(ta, tb);
  await a.close();
  await b.close();
});

test("SQLite: a conversion of records stopped midway goes on from its watermark, and a record passed over reads as it was", async () => {
  const { old } = await twinLedgers("sitrep-recordrows-resume-", DOCS());
  const whole = await withClaimRecords(old, LATEST);
  const rids = storedRecords(old).map((r) => r.rid).sort((x, y) => x - y);
  // (as a sitrep killed after the first record's transaction leaves it: that one to stay, the rest to do)
  const db = new Database(old);
  db.prepare("INSERT INTO fusion_state (kind, watermark, data) VALUES ('record-rows', ?, ?)").run(rids[1], String(rids[rids.length - 1]! + 1));
  db.close();
  const w = await openStore(old);
  await w.close();
  const words = new Map(storedRecords(old).map((r) => [r.rid, r.words]));
  assert.deepEqual(rids.map((r) => words.get(r)), [2, ...rids.slice(1).map(() => ROW_WORDS)]);
  const r = await openStore(old, { readonly: true });
  assert.deepEqual(await recordsRead(r), whole);
  await r.close();
});
