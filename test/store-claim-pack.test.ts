// Schema 27 (SQLite): a claim's columns that are only read to show it (sentence, paragraph, its source's
// kind, entity and role, its cue, quote, the entities it names, features) are one column, packed. They read
// back as the reports gave them, on both backends; a ledger of schema 26 is moved to the packed table and
// its rows take the compact form (resumably), byte for byte a new ledger's; a copy to PostgreSQL and back
// keeps them.
import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { openStore, type Store } from "../src/store/index.js";
import { FIRST, LATEST, MIGRATIONS, SPAN } from "../src/store/schema.js";
import { sqlite } from "../src/store/dialect.js";
import { storeReports } from "../src/ledger/ingest.js";
import { eachBackend, PG_URL, newDatabase } from "./backends.js";
import { exportedEn, twinLedgers, withUnpackedClaims, reportMaker, readCopies } from "./old-ledger.js";

// Reports written for this test: a dyke breach, an evacuation, a named and quoted official, a denial.
const EN = [
  "A dyke near Kampen gave way on Sunday night, the water board said.",
  "\"The water rose faster than anyone expected,\" said mayor Ilse Doorn, who ordered the evacuation of 400 homes.",
  "According to the water board's spokesman Ruud Kramer, the breach is about twenty metres wide.",
  "The contractor denied that repairs in May 2024 had been rushed.",
].join(" ");
const NL = [
  "Een dijk bij Kampen is zondagavond bezweken, meldt het waterschap.",
  "\"Het water steeg sneller dan iemand had verwacht\", zei burgemeester Ilse Doorn, die 400 woningen liet ontruimen.",
  "Volgens woordvoerder Ruud Kramer van het waterschap is het gat ongeveer twintig meter breed.",
  "De aannemer ontkent dat het herstel in mei 2024 was afgeraffeld.",
].join(" ");

const report = reportMaker({ prefix: "k", published: (i) => `2025-03-0${i}T10:00:00+01:00`, source: { nl: "Stentor", en: "Delta Post" }, slug: "dyke" });
const DOCS = () => [report(EN, "en", 1), report(NL, "nl", 2), report(EN.replace("400", "450"), "en", 3), report(NL.replace("400", "450"), "nl", 4)];

/** What the reads give of claims: as a report's parts, by id, and as fusion reads them. */
const claimsRead = (s: Store) =>
  s.snapshot(async (r) => {
    const reports = (await r.reportsPage(null, 100)).filter((x) => x.current);
    const parts = await r.reportParts(reports);
    const ids = parts.flatMap((p) => p.claims.map((c) => c.id));
    return {
      parts: parts.map((p) => p.claims.map((c) => ({ ...c, cue: c.cue && { ...c.cue } }))),
      byIds: (await r.claimsByIds(ids)).map((c) => ({ ...c, cue: c.cue && { ...c.cue } })),
      fusion: (await r.fusionClaimsByIds(ids)).map((c) => [c.uid, c.sentence, c.paragraph, c.sourceKeyed, c.entityKeys, c.features]),
    };
  });

const storedClaims = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT id, cid, start, stop, status, pkey, asserter, source, notable, text, packed FROM claims ORDER BY id").all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

eachBackend("a claim's fields read back as the report gave them (SQLite keeps those only shown packed in one column)", async (b) => {
  const spec = await b.ledger();
  const docs = DOCS();
  const s = await openStore(spec);
  assert.ok((await storeReports(s, docs)).every((r) => r.ok));
  const read = await claimsRead(s);
  await s.close();
  const made = docs.flatMap((d) => d.claims);
  const got = read.parts.flat();
  assert.equal(got.length, made.length);
  got.forEach((c, i) => {
    const m = made[i]!;
    assert.deepEqual([c.sentence, c.start, c.end, c.quote, c.source?.role ?? null, c.cue ? [c.cue.start, c.cue.end, c.cue.text] : null], [
      m.sentence, m.start, m.end, !!m.quote, m.source?.role ?? null, m.cue ? [m.cue.start, m.cue.end, m.cue.text] : null,
    ]);
  });
  assert.ok(got.some((c) => c.source?.role) && got.some((c) => c.cue) && got.some((c) => c.entities.length) && got.some((c) => c.quote), "the reports exercise every packed field");
  assert.deepEqual(read.byIds, got);
  if (b.name === "SQLite") {
    const rows = storedClaims(spec);
    assert.ok(rows.every((r) => r.packed instanceof Uint8Array && r.packed.length < 40), "packed as bytes");
  }
});

test("SQLite: a ledger of schema 26 moves to the packed claims when opened for writing, byte for byte a new ledger's, and reads and exports the same", async () => {
  const { fresh, old } = await twinLedgers("sitrep-claimpack-", DOCS());
  const db = new Database(old);
  withUnpackedClaims(db);
  db.pragma("user_version = 26");
  db.close();
  const s = await openStore(old);
  const a = await openStore(fresh, { readonly: true });
  assert.deepEqual(await claimsRead(s), await claimsRead(a));
  assert.equal(await exportedEn(s), await exportedEn(a));
  assert.equal(await s.reads.fusionState("claim-pack"), undefined);
  await s.close();
  await a.close();
  const check = new Database(old, { readonly: true });
  assert.equal(check.pragma("user_version", { simple: true }), LATEST);
  assert.equal((check.prepare("SELECT count(*) AS n FROM pragma_table_info('claims') WHERE name = 'sentence'").get() as { n: number }).n, 0, "the old columns are gone");
  check.close();
  assert.deepEqual(storedClaims(old), storedClaims(fresh));
});

test("SQLite: a packing of claims stopped midway reads the same, and goes on from its watermark when the ledger is next opened for writing", async () => {
  const { fresh, old } = await twinLedgers("sitrep-claimpack-resume-", DOCS());
  const db = new Database(old);
  withUnpackedClaims(db);
  // (as the migration leaves it, and a sitrep killed after the first report's claims: those packed, the rest JSON)
  db.exec(MIGRATIONS[27 - FIRST]!(sqlite));
  db.pragma("user_version = 27");
  const want = storedClaims(fresh);
  const firstOf = (id: unknown) => Math.floor(Number(id) / SPAN) === 1;
  const put = db.prepare("UPDATE claims SET packed = ? WHERE id = ?");
  for (const r of want.filter((r) => firstOf(r.id))) put.run(r.packed, r.id);
  db.prepare("UPDATE fusion_state SET watermark = ? WHERE kind = 'claim-pack'").run(2 * SPAN);
  db.close();
  const mid = storedClaims(old);
  assert.ok(mid.filter((r) => !firstOf(r.id)).every((r) => typeof r.packed === "string") && mid.some((r) => !firstOf(r.id)));

  const r1 = await openStore(old, { readonly: true });
  const a = await openStore(fresh, { readonly: true });
  assert.deepEqual(await claimsRead(r1), await claimsRead(a), "the JSON form reads as the packed one");
  await r1.close();
  const s = await openStore(old);
  assert.equal(await s.reads.fusionState("claim-pack"), undefined);
  assert.deepEqual(await claimsRead(s), await claimsRead(a));
  await s.close();
  await a.close();
  assert.deepEqual(storedClaims(old), want);
});

test("a copy of a SQLite ledger to PostgreSQL and back keeps the claims' packed fields", { skip: !PG_URL && "SITREP_TEST_PG not set" }, async () => {
  const { fresh, back, stores: [a, p, c] } = await readCopies("sitrep-claimpack-copy-", DOCS(), await newDatabase());
  const ra = await claimsRead(a);
  assert.deepEqual(await claimsRead(p), ra);
  assert.deepEqual(await claimsRead(c), ra);
  for (const s of [a, p, c]) await s.close();
  assert.deepEqual(storedClaims(back), storedClaims(fresh));
});
