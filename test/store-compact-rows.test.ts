// Schema 24 (SQLite): the words of short lists a report's rows repeat (an event's and a time's type, where a
// report's publication time and language were found) are kept as a byte, an event's claims, actors and
// places as bytes, and when a report was ingested as 6 bytes; they read back as the text an earlier schema
// kept, an upgraded ledger's rows take the new form (resumably), and a copy to PostgreSQL keeps text.
import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { Doc, type Lang } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { LATEST } from "../src/store/schema.js";
import { storeReports } from "../src/ledger/ingest.js";
import { eachBackend, PG_URL, newDatabase } from "./backends.js";
import { exportedEn, twinLedgers, withTextRows, readCopies } from "./old-ledger.js";

// Reports written for this test: a depot fire at a harbour, an evacuation, an arrest and a denial.
const EN = [
  "A fuel depot in the port of Eemshaven exploded on Tuesday night, the fire brigade said.",
  "Police arrested two men on Wednesday morning near the depot, according to a spokeswoman.",
  "About 300 residents were evacuated for six hours while the fire burned.",
  "The depot's owner denied that safety checks had been skipped in March 2024.",
  "\"We heard a bang at 23:40 and then the sky turned orange,\" said resident Marit Bos.",
].join(" ");
const NL = [
  "Een brandstofdepot in de haven van Eemshaven is dinsdagavond ontploft, meldt de brandweer.",
  "De politie heeft woensdagochtend twee mannen aangehouden bij het depot, aldus een woordvoerster.",
  "Ongeveer 300 bewoners werden zes uur lang geëvacueerd terwijl het vuur brandde.",
  "De eigenaar van het depot ontkent dat veiligheidscontroles in maart 2024 zijn overgeslagen.",
].join(" ");

// (each form of a time the store keeps as two bytes beside its milliseconds, and one it keeps as text)
const PUBLISHED = ["2025-06-11T21:00:00+02:00", "2025-06-12T19:05:00Z", "2025-06-13T09:20:00.250-05:30", "2025-06-14T06:00:00.000Z"];
const report = (text: string, language: Lang, i: number) =>
  runPipeline(
    new Doc(`${text} (${i})\n`, {
      id: `h${i}`, published: PUBLISHED[i - 1]!, publishedFrom: "front-matter", language, languageFrom: i === 3 ? "detected" : "front-matter", format: "text",
      source: language === "nl" ? "Groninger Bode" : "Northern Harbour News", url: `https://example.org/depot/${language}/${i}`,
    }),
  );
const DOCS = () => [report(EN, "en", 1), report(NL, "nl", 2), report(EN.replace("two men", "three men"), "en", 3), report(NL.replace("twee", "drie"), "nl", 4)];

/** What the reads give of the rows schema 24 changes: reports' words and times, times' and events' words and lists. */
const rowsRead = (s: Store) =>
  s.snapshot(async (r) => {
    const reports = await r.reportsPage(null, 100);
    const parts = await r.reportParts(reports);
    return {
      reports: reports.map((x) => [x.uid, x.publishedFrom, x.languageFrom, x.ingestedAt, x.published, x.publishedMs]),
      times: parts.map((p) => p.times.map((t) => [t.id, t.type, t.value, t.mod, t.text])),
      events: parts.map((p) => p.events.map((v) => ({ ...v }))),
    };
  });

const stored = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      reports: db.prepare("SELECT id, published, published_from, language_from, ingested_at FROM reports ORDER BY id").all() as Record<string, unknown>[],
      times: db.prepare("SELECT id, type FROM times ORDER BY id").all() as Record<string, unknown>[],
      events: db.prepare("SELECT id, type, claims, actors, locations FROM events ORDER BY id").all() as Record<string, unknown>[],
      bytes: (db.prepare("SELECT sum(length(type) + length(claims) + length(actors) + length(locations)) AS n FROM events").get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
};

const isBytes = (v: unknown, n?: number) => v instanceof Uint8Array && (n === undefined || v.length === n);

eachBackend("the words and lists of reports', times' and events' rows read back as the reports gave them (SQLite keeps them as bytes)", async (b) => {
  const spec = await b.ledger();
  const docs = DOCS();
  const s = await openStore(spec);
  const now = new Date(Date.UTC(2025, 5, 14, 7, 30, 12, 345));
  assert.ok((await storeReports(s, docs, now)).every((r) => r.ok));
  const read = await rowsRead(s);
  await s.close();
  assert.deepEqual(
    read.reports.map((x) => x.slice(1)),
    docs.map((d, i) => ["front-matter", i === 2 ? "detected" : "front-matter", now.toISOString(), PUBLISHED[i], Date.parse(PUBLISHED[i]!)]),
  );
  const want = docs.map((d) => d.times.map((t) => t.type));
  assert.deepEqual(read.times.map((ts) => ts.map((t) => t[1])), want);
  assert.ok(want.flat().includes("DATE") && want.flat().length >= 4);
  // (the report names its claims and entities by id, c1 and e2; the ledger by position, 0 and 1)
  const pos = (ids: readonly string[]) => ids.map((x) => Number(x.slice(1)) - 1);
  assert.deepEqual(read.events.map((vs) => vs.map((v) => [v.type, v.claims, v.actors, v.locations, v.time])), docs.map((d) => d.events.map((v) => [v.type, pos(v.claims), pos(v.actors), pos(v.locations), v.time ?? null])));
  const types = new Set(read.events.flat().map((v) => v.type));
  assert.ok(types.size >= 3, `several kinds of event: ${[...types].join(", ")}`);
  assert.ok(read.events.flat().some((v) => v.claims.length > 0) && read.events.flat().some((v) => v.actors.length === 0 || v.locations.length === 0));
  if (b.name === "SQLite") {
    const st = stored(spec);
    assert.ok(st.reports.every((r) => isBytes(r.published_from, 1) && isBytes(r.language_from, 1) && isBytes(r.ingested_at, 6)), "reports' words and times as bytes");
    assert.deepEqual(st.reports.map((r) => (isBytes(r.published, 2) ? "bytes" : r.published)), ["bytes", "bytes", "bytes", "2025-06-14T06:00:00.000Z"]);
    assert.ok(st.times.every((t) => isBytes(t.type, 1)), "times' types as a byte");
    assert.ok(st.events.every((v) => isBytes(v.type, 1) && isBytes(v.claims) && isBytes(v.actors) && isBytes(v.locations)), "events as bytes");
    const json = read.events.flat().reduce((n, v) => n + v.type.length + JSON.stringify(v.claims).length + JSON.stringify(v.actors).length + JSON.stringify(v.locations).length, 0);
    assert.ok(st.bytes < 0.4 * json, `events' columns ${st.bytes} bytes, as text ${json}`);
  } else {
    const rows = await b.rows<{ type: unknown }>(spec, "SELECT type FROM events");
    assert.ok(rows.length > 0 && rows.every((r) => typeof r.type === "string"), "PostgreSQL keeps text");
  }
});

test("SQLite: a ledger of schema 23 (rows as text) takes the compact rows when opened for writing, byte for byte a new ledger's, and reads and exports the same", async () => {
  const { fresh, old } = await twinLedgers("sitrep-compact-", DOCS());
  const db = new Database(old);
  withTextRows(db);
  // (schema 23: before the compact rows, whatever came after)
  db.pragma("user_version = 23");
  db.close();
  const before = stored(old);
  assert.ok(before.events.every((v) => typeof v.type === "string" && typeof v.claims === "string") && before.times.every((t) => typeof t.type === "string"));
  assert.ok(before.reports.every((r) => typeof r.ingested_at === "string"));

  const s = await openStore(old);
  const a = await openStore(fresh, { readonly: true });
  assert.deepEqual({ ...(await rowsRead(s)), reports: null }, { ...(await rowsRead(a)), reports: null });
  assert.equal(await exportedEn(s), await exportedEn(a));
  assert.equal(await s.reads.fusionState("compact-rows"), undefined);
  await s.close();
  await a.close();

  const after = stored(old), want = stored(fresh);
  assert.deepEqual(after.times, want.times);
  assert.deepEqual(after.events, want.events);
  assert.deepEqual(after.reports.map((r) => [r.published, r.published_from, r.language_from]), want.reports.map((r) => [r.published, r.published_from, r.language_from]));
  assert.ok(before.reports.every((r) => typeof r.published === "string"));
  // (each report keeps when it was ingested: the twins' differ by the milliseconds between their ingests)
  const s2 = await openStore(old, { readonly: true });
  assert.deepEqual((await s2.reads.reportsPage(null, 10)).map((r) => r.ingestedAt), before.reports.map((r) => r.ingested_at));
  await s2.close();
  assert.ok(after.reports.every((r) => isBytes(r.ingested_at, 6)));
  assert.ok(after.bytes < 0.4 * before.bytes, `events ${before.bytes} -> ${after.bytes} bytes`);
});

test("SQLite: a conversion of rows stopped midway goes on from its watermark when the ledger is next opened for writing", async () => {
  const { fresh, old } = await twinLedgers("sitrep-compact-resume-", DOCS());
  const db = new Database(old);
  withTextRows(db);
  // (as a sitrep killed after the first report's transaction leaves it: that report done, the rest to do)
  db.prepare("INSERT INTO fusion_state (kind, watermark, data) VALUES ('compact-rows', 2, '5')").run();
  db.close();
  const s = await openStore(old);
  const a = await openStore(fresh, { readonly: true });
  assert.deepEqual({ ...(await rowsRead(s)), reports: null }, { ...(await rowsRead(a)), reports: null });
  assert.equal(await s.reads.fusionState("compact-rows"), undefined);
  await s.close();
  await a.close();
  const after = stored(old);
  const first = (id: number) => Math.floor(id / 1048576) === 1;
  assert.ok(after.events.filter((v) => first(Number(v.id))).every((v) => typeof v.type === "string"), "the report before the watermark is not read again");
  assert.ok(after.events.filter((v) => !first(Number(v.id))).every((v) => isBytes(v.type, 1)) && after.events.some((v) => !first(Number(v.id))));
  assert.ok(typeof after.reports[0]!.ingested_at === "string" && after.reports.slice(1).every((r) => isBytes(r.ingested_at, 6)));
});

test("a copy of a SQLite ledger to PostgreSQL and back keeps the rows' words and lists", { skip: !PG_URL && "SITREP_TEST_PG not set" }, async () => {
  const { fresh, back, stores: [a, p, c] } = await readCopies("sitrep-compact-copy-", DOCS(), await newDatabase());
  const ra = await rowsRead(a);
  assert.deepEqual(await rowsRead(p), ra);
  assert.deepEqual(await rowsRead(c), ra);
  for (const s of [a, p, c]) await s.close();
  assert.deepEqual(stored(back).events, stored(fresh).events);
});

test("every event type the pipeline makes is one the store keeps as a byte", async () => {
  const { EVENT_TYPES: made } = await import("../src/pipeline/events/types.js");
  const { EVENT_TYPES: kept } = await import("../src/store/codes.js");
  assert.deepEqual(made.filter((t) => !kept.includes(t)), []);
});
