// Schema 29 (SQLite): an entity row keeps its name only where it differs from its fused entity's first name
// (fused.name, written once with the fused row); the reads put the name back. Names read back as the reports
// gave them on both backends, after a fused entity comes to be named otherwise more often, after a new
// version of a report and under an editor's merge; a ledger of schema 28 moves to that form when opened,
// byte for byte a new ledger's; a copy to PostgreSQL and back keeps the names.
import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { openStore, type Store } from "../src/store/index.js";
import { corrected } from "../src/store/corrected.js";
import { LATEST } from "../src/store/schema.js";
import { storeReports } from "../src/ledger/ingest.js";
import type { Doc } from "../src/model/doc.js";
import { eachBackend, PG_URL, newDatabase } from "./backends.js";
import { exportedEn, twinLedgers, reportMaker, withNamedEntities, recordsRead, sqlRows, readCopies } from "./old-ledger.js";

// Reports written for this test: a dam near a city first written with its umlaut, then mostly without.
const FIRST = "Mayor Anna de Vries of Zürich said the dam held on Monday. Greenpeace said GREENPEACE activists were not at the dam.";
const LATER = [
  "Police in Zurich closed the road to the dam on Tuesday, the Zurich water board said.",
  "Zurich officials said the dam was inspected, according to Reuters. Greenpeace denied that it had blocked the road.",
  "The ZURICH water board said on Thursday that the dam near Zurich would reopen.",
];

const report = reportMaker({ prefix: "z", published: (i) => `2025-05-0${i}T10:00:00+02:00`, source: { nl: "Limmat", en: "Alpine Wire" }, slug: "dam" });
const DOCS = (): Doc[] => [report(FIRST, "en", 1), ...LATER.map((t, i) => report(t, "en", i + 2))];

const storedEntities = (file: string) => sqlRows(file, "SELECT * FROM entities ORDER BY id");
const storedFused = (file: string) => sqlRows(file, "SELECT * FROM fused ORDER BY id");

/** Every entity name the reads give: a report's parts, the entity pages (as read and corrected), and the reports' fusion records. */
const namesRead = (s: Store) =>
  s.snapshot(async (r) => {
    const reports = (await r.reportsPage(null, 100)).filter((x) => x.current);
    const parts = (await r.reportParts(reports)).map((p) => [p.report.uid, p.entities.map((e) => [e.name, e.aliases, e.mentions.map((m) => m.text)])]);
    const page = async (x: typeof r) => (await x.entitiesPage(null, 1000)).map((e) => [e.fkey, e.seq, e.name, e.aliases, e.mentions.map((m) => m.text)]);
    // (records in the order of their ids; the reports' order is not theirs)
    const records = [...(await recordsRead(s)).values()].map((x) => JSON.stringify((x as { entities?: { name?: unknown }[] }).entities?.map((e) => e.name))).sort();
    return { parts, page: await page(r), corrected: await page(await corrected(r)), records };
  });

/** The names each report gave its entities, in order, from the pipeline's own records. */
const namesGiven = (docs: readonly Doc[]) => docs.map((d) => d.entities.map((e) => e.name));

eachBackend("an entity's name reads back as its report gave it, where its fused entity's first name or its most used name is another", async (b) => {
  const spec = await b.ledger();
  const docs = DOCS();
  const s = await openStore(spec);
  assert.ok((await storeReports(s, docs)).every((r) => r.ok));
  const read = await namesRead(s);
  await s.close();
  assert.deepEqual(read.parts.map((p) => (p[1] as unknown[][]).map((e) => e[0])), namesGiven(docs));
  assert.deepEqual(read.records, namesGiven(docs).map((x) => JSON.stringify(x)).sort());
  assert.deepEqual(read.corrected, read.page);
  assert.ok(read.page.length >= docs.flatMap((d) => d.entities).length - 1);
  const given = new Set(docs.flatMap((d) => d.entities.map((e) => e.name)));
  assert.ok(read.page.every((e) => given.has(String(e[2]))));
  if (b.name !== "SQLite") {
    assert.equal(await b.n(spec, "SELECT count(*) AS n FROM entities WHERE name IS NULL"), 0, "PostgreSQL keeps every row's name");
    return;
  }
  // The city: first named with its umlaut, then more often without; its later rows keep their own name,
  // its first name stays the fused row's, and most rows keep none.
  const [city] = sqlRows(spec, "SELECT f.id, f.name FROM fused f WHERE f.name = 'Zürich'");
  assert.ok(city, "the city's first name is its first report's");
  const top = sqlRows(spec, `SELECT name FROM fused_names WHERE fused = ${Number(city.id)} ORDER BY n DESC, name LIMIT 1`)[0]!;
  assert.equal(top.name, "Zurich", "its most used name is another");
  const cityRows = sqlRows(spec, `SELECT id, name FROM entities WHERE fused = ${Number(city.id)} ORDER BY id`);
  assert.deepEqual(cityRows.map((e) => e.name), [null, "Zurich", "Zurich", "ZURICH"]);
  const all = storedEntities(spec);
  assert.ok(all.filter((e) => e.name === null).length > all.length / 2, "most rows keep no name");
  assert.ok(all.filter((e) => e.name !== null).every((e) => sqlRows(spec, `SELECT name FROM fused WHERE id = ${Number(e.fused)}`)[0]!.name !== e.name));
});

eachBackend("a new version of a report and an editor's merge leave every name read as given", async (b) => {
  const spec = await b.ledger();
  const docs = DOCS();
  const s = await openStore(spec);
  assert.ok((await storeReports(s, docs)).every((r) => r.ok));
  // (the first report again, its city now without the umlaut: the names its old version counted are taken off)
  const again = report(FIRST.replace("Zürich", "Zurich").replace("Monday", "Sunday"), "en", 1);
  assert.ok((await storeReports(s, [again])).every((r) => r.ok));
  const now = [again, ...docs.slice(1)];
  const counted = await s.snapshot(async (r) => {
    const fused = await r.fusedEntities({ limit: 1000 });
    return r.fusedNames(fused.rows.map((f) => f.id));
  });
  // each fused entity's names counted once per current report that gives them
  const want = new Map<string, number>();
  for (const d of now) for (const n of new Set(d.entities.flatMap((e) => [e.name, ...e.aliases]))) want.set(n, (want.get(n) ?? 0) + 1);
  const got = new Map<string, number>();
  for (const ns of counted.values()) for (const n of ns) got.set(n.name, (got.get(n.name) ?? 0) + n.n);
  assert.deepEqual(new Map([...got].sort()), new Map([...want].sort()));
  // an editor merges the organisation into the city: its rows, and the city's, read with their own names
  const fused = await s.snapshot(async (r) => (await r.fusedEntities({ limit: 1000 })).rows);
  const named = (n: string) => fused.find((f) => counted.get(f.id)?.some((x) => x.name === n))!;
  const city = named("Zurich"), org = named("Greenpeace");
  assert.ok(city && org && city.id !== org.id);
  const before = await namesRead(s);
  await s.write((tx) => tx.putCorrection({ at: "2025-05-09T10:00:00Z", who: "Editor A", why: "a test of names under a merge", target: org.uid, action: "merge", data: { into: city.uid }, undoes: null }));
  const after = await namesRead(s);
  await s.close();
  assert.deepEqual(after.parts, before.parts);
  assert.deepEqual(after.page, before.page);
  const names = (x: typeof after.corrected) => x.map((e) => e[2]).sort();
  assert.deepEqual(names(after.corrected), names(before.page));
  assert.deepEqual(before.parts.map((p) => (p[1] as unknown[][]).map((e) => e[0])), namesGiven(now));
});

test("SQLite: a ledger of schema 28 moves to entity rows without their fused entity's first name, byte for byte a new ledger's, and reads, exports and ingests the same", async () => {
  const { fresh, old } = await twinLedgers("sitrep-entnames-old-", DOCS());
  const db = new Database(old);
  withNamedEntities(db);
  db.pragma("user_version = 28");
  db.close();
  assert.ok(storedEntities(old).every((e) => typeof e.name === "string"));
  const s = await openStore(old);
  const a = await openStore(fresh);
  assert.deepEqual(await namesRead(s), await namesRead(a));
  assert.equal(await exportedEn(s), await exportedEn(a));
  // new reports that name the city again, both ways, are written as in a new ledger
  const more = () => [report("Zürich police said the dam near Zurich held, according to Greenpeace.", "en", 6), report("De politie van Zürich zegt dat de dam het houdt.", "nl", 7)];
  assert.ok((await storeReports(s, more())).every((r) => r.ok));
  assert.ok((await storeReports(a, more())).every((r) => r.ok));
  assert.deepEqual(await namesRead(s), await namesRead(a));
  assert.equal(await exportedEn(s), await exportedEn(a));
  await s.close();
  await a.close();
  assert.equal(sqlRows(old, "PRAGMA user_version")[0]!.user_version, LATEST);
  assert.deepEqual(storedEntities(old), storedEntities(fresh));
  assert.deepEqual(storedFused(old), storedFused(fresh));
  assert.ok(storedEntities(old).some((e) => e.name === null));
  assert.deepEqual(sqlRows(old, "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'entities' ORDER BY name"), sqlRows(fresh, "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'entities' ORDER BY name"));
});

test("a copy of a SQLite ledger to PostgreSQL and back keeps the entities' names", { skip: !PG_URL && "SITREP_TEST_PG not set" }, async () => {
  const { fresh, back, stores: [a, p, c] } = await readCopies("sitrep-entnames-copy-", DOCS(), await newDatabase());
  const ra = await namesRead(a);
  assert.deepEqual(await namesRead(p), ra);
  assert.deepEqual(await namesRead(c), ra);
  const ea = await exportedEn(a);
  assert.equal(await exportedEn(p), ea);
  assert.equal(await exportedEn(c), ea);
  for (const s of [a, p, c]) await s.close();
  assert.deepEqual(storedEntities(back), storedEntities(fresh));
  assert.deepEqual(storedFused(back), storedFused(fresh));
});
