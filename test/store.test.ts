import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { Doc, type DocMeta } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import { key52, openStore, SPAN, type Store } from "../src/store/index.js";
import { LATEST } from "../src/store/schema.js";
import { presetOf, storedForm } from "../src/store/sql-store.js";
import { storeReports, type Result } from "../src/ledger/ingest.js";
import { bands, minhash } from "../src/ledger/minhash.js";
import { writeCorpus } from "./helpers.js";
import { BACKENDS, eachBackend, newDatabase, PG_URL, type Backend } from "./backends.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const tmp = () => mkdtempSync(join(tmpdir(), "sitrep-store-"));

function doc(text: string, meta: Partial<DocMeta> = {}): Doc {
  const d = new Doc(text, { id: "d1", published: "2023-05-23T10:00:00+02:00", publishedFrom: "front-matter", language: "nl", languageFrom: "front-matter", format: "text", ...meta });
  return runPipeline(d);
}

const ok = (r: Result | undefined) => {
  assert.ok(r && r.ok, JSON.stringify(r));
  return r as Extract<Result, { ok: true }>;
};

const NL = "Het legioen zegt dat het de controle heeft over twee dorpen in de regio Belgorod. Oekraïne ontkent iedere betrokkenheid.\n";

async function claimsOf(s: Store, id: number) {
  const [row] = await s.reads.reportsByIds([id], true);
  return (await s.reads.reportParts([row!]))[0]!.claims;
}

eachBackend("a report is stored once; the same content again changes nothing; new text at the same URL is a new version with the same ids", async (be) => {
  const s = await openStore(await be.ledger());
  const url = "https://example.org/nieuws/belgorod";
  const a = ok((await storeReports(s, [doc(NL, { url, source: "Dagblad" })]))[0]);
  assert.equal(a.status, "added");
  assert.match(a.report, /^d[0-9a-z]{12}$/);
  const again = ok((await storeReports(s, [doc(NL, { url, source: "Dagblad" })]))[0]);
  assert.deepEqual([again.status, again.report, again.id], ["unchanged", a.report, a.id]);
  const b = ok((await storeReports(s, [doc("De gouverneur meldt dat de evacuatie van drie dorpen is begonnen.\n" + NL, { url, source: "Dagblad" })]))[0]);
  assert.deepEqual([b.status, b.version, b.report], ["updated", 2, a.report], "a new version keeps the report's id");
  const rows = await s.reads.reportsByIds([a.id, b.id]);
  assert.deepEqual(rows.map((r) => [r.version, r.current]), [[1, false], [2, true]]);
  // The claims the new version keeps word for word keep their ids, though their offsets moved.
  const before = await claimsOf(s, a.id), after = await claimsOf(s, b.id);
  const legion = (cs: typeof before) => cs.find((c) => c.text.startsWith("Het legioen zegt"))!;
  assert.equal(legion(after).uid, legion(before).uid);
  assert.ok(legion(after).start > legion(before).start);
  assert.match(legion(after).uid, new RegExp(`^${a.report}-[0-9a-z]{8}$`));
  assert.equal(new Set(after.map((c) => c.uid)).size, after.length, "claim ids are unique in a report");
  // the current version is the one the stable id opens
  assert.equal((await s.reads.reportByUid(a.report))!.version, 2);
  // a different outlet with the same text is another report, not a version
  const c = ok((await storeReports(s, [doc(NL, { url: "https://example.org/ander/belgorod", source: "Ander Blad" })]))[0]);
  assert.equal(c.status, "added");
  assert.notEqual(c.report, a.report);
  await s.close();
});

eachBackend("full-text search finds reports and claims without the diacritics, by whole words or their start", async (be) => {
  const s = await openStore(await be.ledger());
  await storeReports(s, [doc(NL, { url: "https://example.org/a" })]);
  const hits = await s.reads.searchClaims({ words: ["oekraine", "ontkent"], limit: 10, offset: 0 });
  assert.equal(hits.total, 1);
  assert.equal(hits.items[0]!.text, "Oekraïne ontkent iedere betrokkenheid");
  assert.equal((await s.reads.searchClaims({ words: ["betrok"], limit: 10, offset: 0 })).total, 1, "the start of a word");
  assert.equal((await s.reads.searchClaims({ words: ["oekraine", "dorpen"], limit: 10, offset: 0 })).total, 0, "every word in the one claim");
  assert.equal((await s.reads.listReports({ words: ["oekraine", "dorpen"], limit: 10, offset: 0 })).total, 1, "every word in the report");
  assert.equal((await s.reads.listReports({ words: ['"unbalanced'], limit: 10, offset: 0 })).total, 0, "user syntax cannot break the query");
  await s.close();
});

test("migrations run once, in order; a ledger of a newer or of the old sitrep, or another database, is refused with the reason", async () => {
  const file = join(tmp(), "l.db");
  await (await openStore(file)).close();
  const db = new Database(file);
  assert.equal(db.pragma("user_version", { simple: true }), LATEST);
  db.pragma(`user_version = ${LATEST + 5}`);
  db.close();
  await assert.rejects(openStore(file), /newer sitrep/);
  const old = join(tmp(), "old.db");
  const o = new Database(old);
  o.exec("CREATE TABLE reports (id INTEGER PRIMARY KEY, text TEXT)");
  o.pragma("user_version = 2");
  o.close();
  await assert.rejects(openStore(old), /sitrep 0\.1 \(schema 2\).*ingest its reports into a new ledger/);
  const other = join(tmp(), "other.db");
  const x = new Database(other);
  x.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
  x.close();
  await assert.rejects(openStore(other), /not a sitrep ledger/);
  const notDb = join(tmp(), "notes.db");
  writeFileSync(notDb, "these are my notes, not a database ".repeat(200));
  await assert.rejects(openStore(notDb), /not a sitrep ledger/);
});

test("PostgreSQL: migrations run once, also from two processes at once; a ledger of a newer sitrep or another database is refused", { skip: !PG_URL && "SITREP_TEST_PG not set" }, async () => {
  const spec = await newDatabase();
  const [a, b] = await Promise.all([openStore(spec), openStore(spec)]);
  await Promise.all([a.close(), b.close()]);
  const pgb = BACKENDS.find((x) => x.name === "PostgreSQL")!;
  assert.equal(await pgb.n(spec, "SELECT value::int AS n FROM sitrep_meta WHERE key = 'schema'"), LATEST);
  await pgb.rows(spec, `UPDATE sitrep_meta SET value = '${LATEST + 5}' WHERE key = 'schema'`);
  await assert.rejects(openStore(spec), /newer sitrep/);
  const other = await newDatabase();
  await pgb.rows(other, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
  await assert.rejects(openStore(other), /not a sitrep ledger/);
  await assert.rejects(openStore(await newDatabase(), { readonly: true }), /no ledger at .*database is empty/);
});

eachBackend("a failure in the middle of storing a report leaves nothing of it; the other reports of the batch are stored", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  const bad = doc(NL, { url: "https://example.org/broken" });
  assert.ok(bad.claims.length > 1 && bad.entities.length > 0, "the pipeline found claims and entities to store");
  // a claim without a status breaks a constraint after the report row, its entities and names are written
  (bad.claims[1] as { status: unknown }).status = null;
  const good = doc("De burgemeester van Koersk opende woensdag een nieuwe brug, meldt de gemeente.\n", { url: "https://example.org/good" });
  const [r1, r2] = await storeReports(s, [bad, good]);
  assert.equal(r1!.ok, false);
  assert.equal(ok(r2).status, "added");
  await s.close();
  const n = (sql: string) => be.n(spec, sql);
  assert.equal(await n("SELECT count(*) AS n FROM reports"), 1);
  assert.equal(await n("SELECT count(*) AS n FROM bodies"), 1);
  const [lo, hi] = [ok(r2).id * SPAN, (ok(r2).id + 1) * SPAN];
  for (const t of ["entities", "claims", "counts", "times", "unknowns", "events"]) assert.equal(await n(`SELECT count(*) AS n FROM ${t} WHERE id < ${lo} OR id >= ${hi}`), 0, t);
  assert.equal(await n("SELECT count(*) AS n FROM bands WHERE report <> " + ok(r2).id), 0);
  assert.equal(await n("SELECT coalesce(sum(n), 0) AS n FROM props"), await n("SELECT count(*) AS n FROM claims"), "the aggregates count only what is stored");
  assert.equal(await n("SELECT count(*) AS n FROM names WHERE nkey LIKE '%belgorod%'"), 0, "names of the broken report are gone too");
});

/** Per report (by content hash): current?, and how many claims, entities, figures and times it has. */
async function tableCounts(be: Backend, spec: string): Promise<Map<string, string>> {
  const per = (t: string) => `(SELECT count(*) FROM ${t} x WHERE x.id >= r.id * ${SPAN} AND x.id < (r.id + 1) * ${SPAN})`;
  const rows = await be.rows<{ hash: string; current: number; claims: number; entities: number; counts: number; times: number }>(
    spec,
    `SELECT ${be.hex("r.hash")} AS hash, r.current AS current, ${per("claims")} AS claims, ${per("entities")} AS entities, ${per("counts")} AS counts, ${per("times")} AS times
     FROM reports r`,
  );
  return new Map(rows.map((r) => [r.hash, `${r.current}/${r.claims}/${r.entities}/${r.counts}/${r.times}`]));
}

eachBackend("kill -9 during a bulk ingest, then ingest again: nothing missing, duplicated or half-stored", async (be) => {
  const dir = tmp();
  const corpus = join(dir, "in");
  const N = 400;
  writeCorpus(corpus, N);
  const killed = await be.ledger();
  // An "added" line is written only once its batch has committed: kill at the first one, so that some
  // reports are stored and the ingest is far from done, however slow or fast the machine.
  const announced = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "ingest", corpus, "--db", killed], { stdio: ["ignore", "ignore", "pipe"] });
    let added = 0;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s: string) => {
      added += (s.match(/^added /gm) ?? []).length;
      if (added > 0 && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve(added) : reject(new Error(`ingest was not killed (exit ${code})`))));
  });
  const partial = await tableCounts(be, killed);
  assert.ok(partial.size >= announced, `every report announced as added was stored (${partial.size} stored, ${announced} announced)`);
  assert.ok(partial.size < N, `the kill came before the end (${partial.size} of ${N})`);
  const r = spawnSync(process.execPath, [bin, "ingest", corpus, "--db", killed], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^${N - partial.size} added, ${partial.size} unchanged, 0 updated, 0 failed, 0 skipped`));
  // The same corpus ingested without interruption gives the same reports with the same contents.
  const clean = await be.ledger();
  const c = spawnSync(process.execPath, [bin, "ingest", corpus, "--db", clean], { encoding: "utf8" });
  assert.equal(c.status, 0, c.stderr.split("\n").filter((l) => !/^(added|unchanged|updated) /.test(l)).join("\n"));
  const after = await tableCounts(be, killed);
  assert.equal(after.size, N);
  assert.deepEqual(after, await tableCounts(be, clean));
});

eachBackend("near-identical copy of a report in another outlet joins its wire-copy cluster; other reports do not", async (be) => {
  const s = await openStore(await be.ledger());
  const wire =
    "Russische strijders die aan Oekraïense zijde vechten, zeggen dat ze verder zijn opgerukt in de regio Belgorod. De gouverneur meldt dat drie dorpen zijn ontruimd en dat er twee gewonden zijn gevallen. Het ministerie van Defensie spreekt van een mislukte aanval.\n";
  const [a, b, c] = (
    await storeReports(s, [
      doc(wire, { url: "https://example.org/a", source: "Persbureau" }),
      doc(wire.replace("drie dorpen", "drie grensdorpen"), { url: "https://example.org/b", source: "Dagblad" }),
      doc("De burgemeester van Koersk opende woensdag een nieuwe brug over de rivier. Volgens de gemeente kostte het project acht miljoen roebel.\n", { url: "https://example.org/c", source: "Dagblad" }),
    ])
  ).map(ok);
  const cluster = async (id: number) => (await s.reads.reportsByIds([id]))[0]!.cluster;
  assert.equal(await cluster(b!.id), a!.id);
  assert.equal(await cluster(a!.id), a!.id);
  assert.equal(await cluster(c!.id), c!.id);
  await s.close();
});

eachBackend("a report's bands are kept by the low 31 bits of their keys, and copies are found by them, also in a ledger whose bands schema 16 kept whole", async (be) => {
  const spec = await be.ledger();
  let s = await openStore(spec);
  const wire =
    "Bij een busongeluk op de A2 bij Weert zijn vanochtend vijf mensen gewond geraakt, meldt de politie. De bus van een reisorganisatie uit Maastricht raakte van de weg en kantelde in de berm. Twee slachtoffers zijn met een traumahelikopter naar het ziekenhuis gebracht.\n";
  const [a] = (await storeReports(s, [doc(wire, { url: "https://example.org/bus-a", source: "Persbureau" })])).map(ok);
  // eight bands a report, each under four bytes
  assert.equal(await be.n(spec, "SELECT count(*) AS n FROM bands"), 8);
  assert.ok((await be.n(spec, "SELECT max(band) AS n FROM bands")) < 2 ** 31);
  const [b] = (await storeReports(s, [doc(wire.replace("vijf mensen", "vijf inzittenden"), { url: "https://example.org/bus-b", source: "Dagblad" })])).map(ok);
  assert.equal((await s.reads.reportsByIds([b!.id]))[0]!.cluster, a!.id);
  await s.close();
  if (be.name !== "SQLite") return;
  // as schema 16 kept them (the whole 52-bit keys), then brought up to date: a third copy is found by them
  const db = new Database(spec);
  db.exec("DELETE FROM bands");
  const put = db.prepare("INSERT INTO bands (band, report) VALUES (?, ?)");
  for (const r of db.prepare("SELECT b.id, b.text FROM bodies b").all() as { id: number; text: Buffer }[])
    for (const k of bands(minhash(storedForm.body(r.text))).map(key52)) put.run(k, r.id);
  assert.ok((db.prepare("SELECT max(band) AS n FROM bands").get() as { n: number }).n >= 2 ** 31);
  db.pragma("user_version = 16");
  db.close();
  s = await openStore(spec);
  assert.equal(await be.n(spec, "SELECT count(*) AS n FROM bands"), 16);
  assert.ok((await be.n(spec, "SELECT max(band) AS n FROM bands")) < 2 ** 31);
  const [c] = (await storeReports(s, [doc(wire.replace("kantelde in de berm", "belandde op zijn kant in de berm"), { url: "https://example.org/bus-c", source: "Avondblad" })])).map(ok);
  assert.equal((await s.reads.reportsByIds([c!.id]))[0]!.cluster, a!.id);
  await s.close();
});

eachBackend("a report's signature is kept in 64 bytes, and copies are found by it as by the whole signatures ledgers kept before", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  const wire =
    "De dijk bij Zaltbommel is in de nacht op twee plaatsen doorgebroken, meldt het waterschap. Zeshonderd bewoners van de uiterwaarden zijn geëvacueerd naar een sporthal in Tiel. De brandweer pompt sinds middernacht water weg.\n";
  const [a] = (await storeReports(s, [doc(wire, { url: "https://example.org/dijk-a", source: "Persbureau" })])).map(ok);
  assert.equal(await be.n(spec, "SELECT min(length(minhash)) AS n FROM reports"), 64);
  assert.equal(await be.n(spec, "SELECT max(length(minhash)) AS n FROM reports"), 64);
  // a copy in another outlet joins its cluster
  const [b] = (await storeReports(s, [doc(wire.replace("op twee plaatsen", "op twee punten"), { url: "https://example.org/dijk-b", source: "Dagblad" })])).map(ok);
  assert.equal((await s.reads.reportsByIds([b!.id]))[0]!.cluster, a!.id);
  await s.close();
  // the whole 32-bit values, as a ledger of an earlier sitrep kept them: a copy is found by them as well
  const whole = Buffer.from(minhash(wire).buffer).toString("hex");
  if (be.name === "SQLite") {
    const db = new Database(spec);
    db.prepare("UPDATE reports SET minhash = ? WHERE id = ?").run(Buffer.from(whole, "hex"), a!.id);
    db.close();
  } else {
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: spec });
    await c.connect();
    await c.query("UPDATE reports SET minhash = decode($1, 'hex') WHERE id = $2", [whole, a!.id]);
    await c.end();
  }
  assert.equal(await be.n(spec, `SELECT length(minhash) AS n FROM reports WHERE id = ${a!.id}`), 128);
  const s2 = await openStore(spec);
  const [c] = (await storeReports(s2, [doc(wire.replace("Tiel", "Culemborg"), { url: "https://example.org/dijk-c", source: "Avondblad" })])).map(ok);
  assert.equal((await s2.reads.reportsByIds([c!.id]))[0]!.cluster, a!.id);
  await s2.close();
});

eachBackend("the ledger keeps each span's text once: a claim's words are not stored beside the report", async (be) => {
  const dir = tmp();
  writeCorpus(join(dir, "in"), 60);
  const spec = await be.ledger();
  const r = spawnSync(process.execPath, [bin, "ingest", join(dir, "in"), "--db", spec], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const n = (sql: string) => be.n(spec, sql);
  assert.equal(await n("SELECT count(*) AS n FROM claims WHERE text IS NOT NULL"), 0);
  assert.equal(await n("SELECT count(*) AS n FROM times WHERE text IS NOT NULL"), 0);
  assert.ok((await n("SELECT count(*) AS n FROM claims")) >= 120);
  if (be.name === "SQLite") {
    const indexes = await be.rows<{ name: string }>(spec, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
    // (each index serves a read; those of schema 7 page the claims by outlet and by source, those of schema
    // 12 order a source's or the words' claims by their report (reports_keys) and say whether a search
    // must look past the words' index (reports_long); claims_status took claims_unknown's place; those of
    // schema 14 tell the status of the claims the words find, by id, claims_claimed and claims_rare; that of
    // schema 18 counts a source's claims from its counters, claim_facets_source)
    assert.ok(indexes.length <= 17, indexes.map((i) => i.name).join(", "));
    assert.ok(statSync(spec).size > 0);
  } else {
    // the primary keys' and unique constraints' own indexes aside
    const indexes = await be.rows<{ name: string }>(spec, "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'");
    // (as on SQLite, plus the full-text indexes of reports and of claims and the commit order that writers
    // working at once need; reports_long is SQLite's only; and schema 18's claim_entities_sourced, which
    // counts an entity's claims from indexes alone, and schema 23's claims_search_ids, the block ranges of the
    // words' keys that a word's page walk reads its span of keys from)
    assert.ok(indexes.length <= 19, indexes.map((i) => i.name).join(", "));
  }
});

eachBackend("fusion reads every claim's language-free keys in bulk and since a watermark, and keeps what the ledger computes from them", async (be) => {
  const s = await openStore(await be.ledger());
  const [a] = (await storeReports(s, [doc(NL, { url: "https://example.org/f1", source: "Dagblad" })])).map(ok);
  const all = [];
  for await (const page of s.reads.fusionClaims(7)) all.push(...page);
  const denial = all.find((c) => c.status === "denied")!;
  assert.ok(denial, JSON.stringify(all.map((c) => c.text)));
  assert.equal(denial.text, "Oekraïne ontkent iedere betrokkenheid");
  assert.equal(denial.reportUid, a!.report);
  assert.match(denial.asserterKey, /^(e:|voice:)/);
  assert.ok(denial.entityKeys.length >= 1, "the fusion keys of the entities it names");
  // what arrived after a watermark, in the order of arrival
  const mark = Math.max(...all.map((c) => c.id));
  const [b] = (await storeReports(s, [doc("De gouverneur ontkent dat er gewonden zijn gevallen in Sjebekino.\n", { url: "https://example.org/f2" })])).map(ok);
  const fresh = [];
  for await (const page of s.reads.fusionClaims(7, mark)) fresh.push(...page);
  assert.ok(fresh.length >= 1 && fresh.every((c) => c.report === b!.id), JSON.stringify(fresh.map((c) => c.text)));
  // the ledger's own results: items of a kind, links from claims to them, and how far it got
  await s.write(async (tx) => {
    await tx.putFusionItems("proposition", [{ id: "p1", data: { text: denial.text, claims: [denial.uid] } }, { id: "p2", data: { text: "x" } }]);
    await tx.linkClaims("proposition", [{ claim: denial.id, item: "p1" }]);
    await tx.deleteFusionItems("proposition", ["p2"]);
    await tx.setFusionState("proposition", mark, { version: 1 });
  });
  const items = [];
  for await (const page of s.reads.fusionItems("proposition")) items.push(...page);
  assert.deepEqual(items, [{ id: "p1", data: { text: denial.text, claims: [denial.uid] } }]);
  assert.deepEqual([...(await s.reads.fusionLinks("proposition", [denial.id, denial.id + 1]))], [[denial.id, "p1"]]);
  assert.deepEqual(await s.reads.fusionState("proposition"), { watermark: mark, data: { version: 1 } });
  // a result worked out again as a whole: read in pages of a size asked for, by id, and cleared at once
  const runs = Array.from({ length: 25 }, (_, i) => ({ id: `r${String(i).padStart(3, "0")}`, data: [i, denial.uid] }));
  await s.write((tx) => tx.putFusionItems("runs", runs));
  const pages: number[] = [];
  const back = [];
  for await (const page of s.reads.fusionItems("runs", 10)) pages.push(page.length), back.push(...page);
  assert.deepEqual(pages, [10, 10, 5]);
  assert.deepEqual(back, runs);
  assert.deepEqual((await s.reads.fusionItemsByIds("runs", ["r007", "r024", "r999"])).sort((a, b) => (a.id < b.id ? -1 : 1)), [runs[7], runs[24]]);
  await s.write((tx) => tx.clearFusionItems("runs"));
  assert.deepEqual(await s.reads.fusionItemsByIds("runs", ["r007"]), []);
  assert.equal((await s.reads.fusionItemsByIds("proposition", ["p1"])).length, 1, "other kinds are left alone");
  await s.close();
});

test("one schema for both backends: the PostgreSQL form has no SQLite-only syntax, and parameters are numbered", async () => {
  const { MIGRATIONS } = await import("../src/store/schema.js");
  const { postgres, sqlite } = await import("../src/store/dialect.js");
  const pg = MIGRATIONS.map((m) => m(postgres)).join("\n");
  const lite = MIGRATIONS.map((m) => m(sqlite)).join("\n");
  for (const sqliteOnly of [/WITHOUT ROWID/, /fts5/i, /json_each/, /INTEGER PRIMARY KEY/]) assert.doesNotMatch(pg, sqliteOnly);
  assert.match(pg, /GENERATED BY DEFAULT AS IDENTITY/);
  assert.match(pg, /tsvector/);
  assert.match(lite, /fts5/);
  // the same tables in both
  // (a table made again by a later migration is still one table)
  const tables = (sql: string) => [...new Set([...sql.matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?(\w+)/g)].map((m) => m[1]).filter((t) => !/_(fts|search)$/.test(t!)))].sort();
  assert.deepEqual(tables(pg), tables(lite));
  assert.equal(postgres.params("SELECT ? , '?' , ? WHERE x = ?"), "SELECT $1 , '?' , $2 WHERE x = $3");
  assert.equal(sqlite.params("SELECT ?"), "SELECT ?");
});

test("SQLite: a report's fusion record is kept deflated in the table's own pages (no overflow page per report), and a ledger of schema 3 keeps its records when it moves to the inline table", async () => {
  const file = join(tmp(), "fusion.db");
  const s = await openStore(file);
  const long = Array.from({ length: 12 }, (_, i) => `Het legioen zegt dat het de controle heeft over ${i + 2} dorpen in de regio Belgorod, meldt de gouverneur.`).join(" ") + "\n";
  ok((await storeReports(s, [doc(long, { url: "https://example.org/fusion/1" })]))[0]);
  await s.close();
  const db = new Database(file, { readonly: true });
  const row = db.prepare("SELECT data FROM fusion_items").get() as { data: unknown };
  assert.ok(row.data instanceof Uint8Array, "deflated bytes, not JSON text");
  const pages = db.prepare("SELECT pagetype, count(*) AS n FROM dbstat WHERE name = 'fusion_items' GROUP BY pagetype").all() as { pagetype: string; n: number }[];
  assert.ok(!pages.some((p) => p.pagetype === "overflow"), JSON.stringify(pages));
  db.close();

  // a ledger written before: the clustered table and its JSON text
  const { MIGRATIONS } = await import("../src/store/schema.js");
  const { sqlite } = await import("../src/store/dialect.js");
  const oldFile = join(tmp(), "three.db");
  const o = new Database(oldFile);
  o.exec(MIGRATIONS[0]!(sqlite));
  o.prepare("INSERT INTO fusion_items (kind, id, data) VALUES (?, ?, ?)").run("proposition", "p1", JSON.stringify({ text: "x", claims: ["a"] }));
  o.pragma("user_version = 3");
  o.close();
  const moved = await openStore(oldFile);
  const items = [];
  for await (const page of moved.reads.fusionItems("proposition")) items.push(...page);
  assert.deepEqual(items, [{ id: "p1", data: { text: "x", claims: ["a"] } }]);
  await moved.close();
  const after = new Database(oldFile, { readonly: true });
  assert.equal(after.pragma("user_version", { simple: true }), LATEST);
  assert.match(String((after.prepare("SELECT sql FROM sqlite_master WHERE name = 'fusion_items'").get() as { sql: string }).sql), /^CREATE TABLE fusion_items \(/);
  assert.doesNotMatch(String((after.prepare("SELECT sql FROM sqlite_master WHERE name = 'fusion_items'").get() as { sql: string }).sql), /WITHOUT ROWID/);
  after.close();
});

test("SQLite: a report's fusion record is deflated against its report's body (its words are not stored twice), reads back whole, and a record of schema 4 (no dictionary) still reads", async () => {
  const { inflateRawSync, deflateRawSync } = await import("node:zlib");
  const { storedFusion } = await import("../src/ledger/stored.js");
  const file = join(tmp(), "against.db");
  const s = await openStore(file);
  const text = [
    "De burgemeester van Zwolle zegt dat veertig woningen aan de Thorbeckegracht zijn ontruimd na de dijkdoorbraak bij Hasselt.",
    "Volgens de veiligheidsregio IJsselland staan ruim tweehonderd hectare landbouwgrond onder water.",
    "Rijkswaterstaat meldt dat de pompen van het gemaal Streukelerzijl sinds dinsdagavond op volle kracht draaien.",
    "Een woordvoerder van het waterschap Drents Overijsselse Delta ontkent dat de kade al maanden verzakte.",
    "Boeren uit Genemuiden zeggen dat zij het waterschap in januari hebben gewaarschuwd voor lekkages.",
    "De minister van Infrastructuur kondigde donderdag een onafhankelijk onderzoek aan naar de oorzaak van de doorbraak.",
    "Het Rode Kruis heeft in sporthal De Wolder opvang geregeld voor ongeveer honderdvijftig inwoners.",
    "De provincie Overijssel verwacht dat de schade in de tientallen miljoenen euro's loopt.",
  ].join(" ") + "\n";
  const d = doc(text, { url: "https://example.org/against/1" });
  const stored = ok((await storeReports(s, [d]))[0]);
  const items = [];
  for await (const page of s.reads.fusionItems("report-fusion")) items.push(...page);
  await s.close();
  // what the ledger reads back is the record it stored (the report's own id in place of its placeholder)
  assert.equal(items.length, 1);
  const back = items[0]!.data as { claims: { text: string }[] };
  const want = JSON.parse(JSON.stringify(storedFusion(d))) as { claims: { text: string }[] };
  assert.equal(back.claims.length, want.claims.length);
  assert.ok(want.claims.length >= 5);
  assert.deepEqual(back.claims.map((c) => c.text), want.claims.map((c) => c.text));

  const db = new Database(file);
  const row = db.prepare("SELECT f.data, f.against, f.words, b.text AS body FROM fusion_items f JOIN bodies b ON b.id = f.against").get() as { data: Buffer; against: number; words: number; body: Buffer };
  assert.equal(row.against, stored.id);
  assert.equal(row.words, 3, "with the words records are made of (schema 11), what the report's rows hold left out (schemas 19 and 25)");
  const body = storedForm.body(row.body);
  const json = inflateRawSync(row.data, { dictionary: presetOf(body, 3) }).toString("utf8");
  // against the body it takes well under what the record alone deflates to, and the words save more still
  assert.ok(row.data.length < 0.8 * deflateRawSync(Buffer.from(json)).length, `${row.data.length} vs ${deflateRawSync(Buffer.from(json)).length}`);
  const bodyOnly = deflateRawSync(Buffer.from(json), { dictionary: Buffer.from(body) });
  assert.ok(row.data.length < bodyOnly.length, `${row.data.length} vs ${bodyOnly.length} against the body alone`);

  // a record written by schema 5-10: against the body alone (no words)
  db.prepare("INSERT INTO fusion_items (kind, id, data, against) VALUES (?, ?, ?, ?)").run("report-fusion", "dyyyyyyyyyyyy", deflateRawSync(Buffer.from(JSON.stringify({ claims: [{ text: "Volgens de veiligheidsregio" }] })), { dictionary: Buffer.from(body) }), stored.id);

  // a record written by schema 4: deflated alone, no `against`
  db.prepare("INSERT INTO fusion_items (kind, id, data) VALUES (?, ?, ?)").run("report-fusion", "dzzzzzzzzzzzz", deflateRawSync(Buffer.from(JSON.stringify({ claims: [{ text: "oud" }] }))));
  db.close();
  const again = await openStore(file, { readonly: true });
  const all = [];
  for await (const page of again.reads.fusionItems("report-fusion")) all.push(...page);
  assert.deepEqual(all.find((i) => i.id === "dzzzzzzzzzzzz")?.data, { claims: [{ text: "oud" }] });
  assert.deepEqual(all.find((i) => i.id === "dyyyyyyyyyyyy")?.data, { claims: [{ text: "Volgens de veiligheidsregio" }] });
  await again.close();
});

test("SQLite: a kept state (a briefing picture) is deflated on disk and reads back whole; one kept as text by an earlier schema still reads", async () => {
  const file = join(tmp(), "state.db");
  const s = await openStore(file);
  const picture = { version: "r12.12/c0.0", lines: Array.from({ length: 200 }, (_, i) => ({ text: `De dijk bij Hasselt is over ${i + 10} meter doorgebroken`, reports: i % 7, cites: [`d${i}-c1`] })) };
  await s.write((tx) => tx.setFusionState("briefing-picture:nl:40", 7, picture));
  await s.write((tx) => tx.setFusionState("small", 8, { version: 1 }));
  await s.close();
  const db = new Database(file);
  const row = db.prepare("SELECT typeof(data) AS t, length(data) AS n FROM fusion_state WHERE kind = 'briefing-picture:nl:40'").get() as { t: string; n: number };
  assert.equal(row.t, "blob");
  assert.ok(row.n < JSON.stringify(picture).length / 4, `${row.n} bytes for ${JSON.stringify(picture).length}`);
  db.prepare("INSERT INTO fusion_state (kind, watermark, data) VALUES ('old', 9, ?)").run(JSON.stringify(picture));
  db.close();
  const again = await openStore(file, { readonly: true });
  assert.deepEqual(await again.reads.fusionState("briefing-picture:nl:40"), { watermark: 7, data: picture });
  assert.deepEqual(await again.reads.fusionState("small"), { watermark: 8, data: { version: 1 } });
  assert.deepEqual(await again.reads.fusionState("old"), { watermark: 9, data: picture });
  await again.close();
});

test("PostgreSQL: writers do not wait for one another, and what is new since a mark goes by commit order: a report that got its id first but commits last is still seen as new", { skip: !PG_URL && "SITREP_TEST_PG not set" }, async () => {
  const url = await newDatabase();
  const first = await openStore(url);
  const second = await openStore(url);
  let reached!: () => void;
  const atCommit = new Promise<void>((r) => (reached = r));
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  // the first writer's transaction stops just before its commit
  const slow = Object.assign(Object.create(first) as Store, {
    write: <T>(fn: Parameters<Store["write"]>[0]) =>
      first.write(async (tx) => {
        const out = (await fn(tx)) as T;
        reached();
        await gate;
        return out;
      }),
  });
  const a = storeReports(slow, [doc("Het waterschap meldt dat de dijk bij Olst op twee plaatsen lekt.\n", { url: "https://example.org/volgorde/a" })]);
  await atCommit;
  const mark = await second.reads.maxReportId();
  // the second writer stores and commits while the first is still open
  const b = ok((await storeReports(second, [doc("De burgemeester van Deventer zegt dat de kade bij de Welle wordt verhoogd.\n", { url: "https://example.org/volgorde/b" })]))[0]);
  const afterB = await second.reads.reportsAfter(mark);
  assert.deepEqual(afterB.map((r) => r.id), [b.id]);
  release();
  const ra = ok((await a)[0]);
  assert.ok(ra.id < b.id, `the first writer took its id first (${ra.id} < ${b.id})`);
  const seen = afterB[0]!.committed!;
  // by id, the first report is older than one already seen; by commit order it is new
  assert.deepEqual((await second.reads.reportsAfter(seen)).map((r) => r.id), [ra.id]);
  assert.equal(await second.reads.maxReportId(), (await second.reads.reportsAfter(seen))[0]!.committed);
  await first.close();
  await second.close();
});

test("SQLite: an entity's mentions are kept as bytes, smaller than their JSON, and read back as written (by its name, an alias or other words, in any order); mentions kept as JSON by an earlier sitrep still read", async () => {
  const text =
    "Waterschap Rivierenland meldt dat de dijk bij Zaltbommel het water houdt. Het waterschap zegt dat de Oekraïense pompen welkom zijn.\n\n" +
    "Volgens Rivierenland is het gevaar nog niet geweken. ".repeat(40) +
    "Waterschap Rivierenland roept de bewoners op alert te blijven.\n";
  const d = doc(text);
  const at = (words: string, from = 0) => {
    const i = text.indexOf(words, from);
    assert.ok(i >= 0, words);
    return { start: i, end: i + words.length, text: words };
  };
  // a late mention first (offsets go back as well as forward), the name, other words (with a letter of two bytes), an alias
  const spans = [at("Waterschap Rivierenland", 200), at("Waterschap Rivierenland"), at("Het waterschap"), at("de Oekraïense pompen"), at("Rivierenland", 100)];
  const mentions = spans.map((m) => d.mentions.push({ ...m, type: "organization", entity: "e900" } as Doc["mentions"][number]) - 1);
  d.entities.push({ id: "e900", type: "organization", name: "Waterschap Rivierenland", aliases: ["Rivierenland"], key: "waterschap rivierenland", mentions });
  const file = join(tmp(), "mentions.db");
  const s = await openStore(file);
  const r = ok((await storeReports(s, [d]))[0]);
  const read = async (st: Store) => {
    const [row] = await st.reads.reportsByIds([r.id]);
    return (await st.reads.reportParts([row!], ["entities"]))[0]!.entities.find((e) => e.name === "Waterschap Rivierenland" && e.aliases.includes("Rivierenland"))!;
  };
  assert.deepEqual((await read(s)).mentions, spans);
  await s.close();
  const db = new Database(file);
  const seq = d.entities.length - 1;
  const row = db.prepare("SELECT typeof(mentions) AS t, length(mentions) AS n FROM entities WHERE id = ?").get(r.id * SPAN + seq) as { t: string; n: number };
  assert.equal(row.t, "blob");
  const json = JSON.stringify([spans[0]!.start, spans[0]!.end, spans[1]!.start, spans[1]!.end, spans[2]!.start, spans[2]!.end, "Het waterschap", spans[3]!.start, spans[3]!.end, "de Oekraïense pompen", spans[4]!.start, spans[4]!.end, -2]);
  // (the words of the two mentions that read as no name are most of it: a mention by a name takes 3 or 4 bytes)
  assert.ok(row.n < json.length * 0.7, `${row.n} bytes for ${json.length}`);
  // as an earlier sitrep kept them
  db.prepare("UPDATE entities SET mentions = ? WHERE id = ?").run(json, r.id * SPAN + seq);
  db.close();
  const again = await openStore(file, { readonly: true });
  assert.deepEqual((await read(again)).mentions, spans);
  await again.close();
});
