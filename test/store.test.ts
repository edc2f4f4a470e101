import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { Doc, type DocMeta } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import { openStore } from "../src/store/db.js";
import { MIGRATIONS } from "../src/store/migrations.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const tmp = () => mkdtempSync(join(tmpdir(), "sitrep-store-"));

function doc(text: string, meta: Partial<DocMeta> = {}): Doc {
  const d = new Doc(text, { id: "d1", published: "2023-05-23T10:00:00+02:00", publishedFrom: "front-matter", language: "nl", languageFrom: "front-matter", format: "text", ...meta });
  return runPipeline(d);
}

const NL = "Het legioen zegt dat het de controle heeft over twee dorpen in de regio Belgorod. Oekraïne ontkent iedere betrokkenheid.\n";

test("a report is stored once; the same content again changes nothing; new text at the same URL is a new version", () => {
  const dir = tmp();
  const s = openStore(join(dir, "l.db"));
  const url = "https://example.org/nieuws/belgorod";
  const a = s.store(doc(NL, { url, source: "Dagblad" }));
  assert.equal(a.outcome, "added");
  const again = s.store(doc(NL, { url, source: "Dagblad" }));
  assert.equal(again.outcome, "unchanged");
  assert.equal(again.id, a.id);
  const b = s.store(doc(NL + "De gouverneur meldt dat de evacuatie van drie dorpen is begonnen.\n", { url, source: "Dagblad" }));
  assert.equal(b.outcome, "updated");
  assert.equal(b.version, 2);
  const rows = s.db.prepare("SELECT id, version, current, supersedes FROM reports ORDER BY id").all() as { id: number; version: number; current: number; supersedes: number | null }[];
  assert.deepEqual(rows.map((r) => [r.version, r.current, r.supersedes]), [[1, 0, null], [2, 1, a.id]]);
  // a different outlet with the same text is another report, not a version
  const c = s.store(doc(NL, { url: "https://example.org/ander/belgorod", source: "Ander Blad" }));
  assert.equal(c.outcome, "added");
  s.close();
});

test("full-text search finds reports and claims without the diacritics", () => {
  const s = openStore(join(tmp(), "l.db"));
  s.store(doc(NL, { url: "https://example.org/a" }));
  const hits = s.search("Oekraine ontkent");
  assert.ok(hits.length >= 1, "claims search");
  assert.match(hits[0]!.text, /Oekraïne/);
  assert.equal(s.searchReports("oekraine").length, 1);
  assert.equal(s.searchReports("\"unbalanced quote").length, 0, "user syntax cannot break the query");
  s.close();
});

test("migrations run once, in order, and a ledger from a newer sitrep is refused", () => {
  const file = join(tmp(), "l.db");
  openStore(file).close();
  const db = new Database(file);
  assert.equal(db.pragma("user_version", { simple: true }), MIGRATIONS.length);
  db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
  db.close();
  assert.throws(() => openStore(file), /newer sitrep/);
});

test("a failure in the middle of storing a report leaves nothing of it", () => {
  const s = openStore(join(tmp(), "l.db"));
  const d = doc(NL, { url: "https://example.org/broken" });
  assert.ok(d.claims.length > 0, "the pipeline found claims to store");
  // a claim with a duplicate id breaks the primary key after the report row and its entities are written
  d.claims.push({ ...d.claims[0]! });
  assert.throws(() => s.store(d));
  for (const t of ["reports", "entities", "claims", "counts", "times", "claims_fts", "bands"]) {
    assert.equal((s.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0, t);
  }
  s.close();
});

// Reports of our own, varied so that every one is distinct.
const PLACES = ["Grajvoron", "Kozinka", "Glotovo", "Borisovka", "Sjebekino", "Valoejki"];
function writeCorpus(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const p = PLACES[i % PLACES.length]!;
    const text =
      i % 2
        ? `Volgens gouverneur Gladkov zijn in ${p} ${i + 2} burgers gewond geraakt. Het legioen zegt dat het ${p} in handen heeft. Onduidelijk is hoeveel strijders er zijn (bericht ${i}).`
        : `The governor said ${i + 2} civilians were wounded in ${p}. The legion said it controlled ${p}, but the ministry denied that. It is unclear how many fighters remain (report ${i}).`;
    writeFileSync(
      join(dir, `r${String(i).padStart(4, "0")}.txt`),
      `---\ntitle: "Bericht ${i}"\nsource: "Krant ${i % 7}"\nurl: "https://example.org/r/${i}"\npublished: 2023-05-23T${String(8 + (i % 12)).padStart(2, "0")}:00:00+02:00\nlanguage: ${i % 2 ? "nl" : "en"}\n---\n${text}\n`,
    );
  }
}

function tableCounts(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT r.hash AS hash, r.current AS current,
        (SELECT count(*) FROM claims c WHERE c.report = r.id) AS claims,
        (SELECT count(*) FROM entities e WHERE e.report = r.id) AS entities,
        (SELECT count(*) FROM counts n WHERE n.report = r.id) AS counts,
        (SELECT count(*) FROM times t WHERE t.report = r.id) AS times,
        (SELECT count(*) FROM claims_fts f WHERE f.report = r.id) AS fts
       FROM reports r`,
    )
    .all() as { hash: string; current: number; claims: number; entities: number; counts: number; times: number; fts: number }[];
  db.close();
  return new Map(rows.map((r) => [r.hash, `${r.current}/${r.claims}/${r.entities}/${r.counts}/${r.times}/${r.fts}`]));
}

test("kill -9 during a bulk ingest, then ingest again: nothing missing, duplicated or half-stored", async () => {
  const dir = tmp();
  const corpus = join(dir, "in");
  const N = 400;
  writeCorpus(corpus, N);
  const killed = join(dir, "killed.db");
  // Kill the ingest once it has stored some reports but long before it is done.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "ingest", corpus, "--db", killed], { stdio: ["ignore", "ignore", "pipe"] });
    let stored = 0;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s: string) => {
      stored += (s.match(/^added /gm) ?? []).length;
      if (stored >= 40 && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`ingest was not killed (exit ${code}); make N larger`))));
  });
  const partial = tableCounts(killed);
  assert.ok(partial.size > 0 && partial.size < N, `stored ${partial.size} of ${N} before the kill`);
  const r = spawnSync(process.execPath, [bin, "ingest", corpus, "--db", killed], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^${N - partial.size} added, ${partial.size} unchanged, 0 updated, 0 failed`));
  // The same corpus ingested without interruption gives the same reports with the same contents.
  const clean = join(dir, "clean.db");
  const c = spawnSync(process.execPath, [bin, "ingest", corpus, "--db", clean], { encoding: "utf8" });
  assert.equal(c.status, 0, c.stderr.split("\n").filter((l) => !/^(added|unchanged|updated) /.test(l)).join("\n"));
  const after = tableCounts(killed);
  const expected = tableCounts(clean);
  assert.equal(after.size, N);
  assert.deepEqual(after, expected);
});

test("near-identical copy of a report in another outlet joins its wire-copy cluster; other reports do not", () => {
  const s = openStore(join(tmp(), "l.db"));
  const wire =
    "Russische strijders die aan Oekraïense zijde vechten, zeggen dat ze verder zijn opgerukt in de regio Belgorod. De gouverneur meldt dat drie dorpen zijn ontruimd en dat er twee gewonden zijn gevallen. Het ministerie van Defensie spreekt van een mislukte aanval.\n";
  const a = s.store(doc(wire, { url: "https://example.org/a", source: "Persbureau" }));
  const b = s.store(doc(wire.replace("drie dorpen", "drie grensdorpen"), { url: "https://example.org/b", source: "Dagblad" }));
  const c = s.store(doc("De burgemeester van Koersk opende woensdag een nieuwe brug over de rivier. Volgens de gemeente kostte het project acht miljoen roebel.\n", { url: "https://example.org/c", source: "Dagblad" }));
  const cluster = (id: number) => (s.db.prepare("SELECT cluster FROM reports WHERE id = ?").get(id) as { cluster: number }).cluster;
  assert.equal(cluster(b.id), cluster(a.id));
  assert.notEqual(cluster(c.id), cluster(a.id));
  s.close();
});
