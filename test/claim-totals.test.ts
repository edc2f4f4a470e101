// The counters without the source (schema 18, claim_totals): the facet counters summed over sources, by
// status, outlet and language, kept by the same writes, so that counts not filtered on a source read a few
// rows. They must be claim_facets' sums after new reports, after a new version replaces a report (its
// claims taken off under its old outlet and language), and in a ledger of schema 17 once it is opened.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";
import { eachBackend, type Backend } from "./backends.js";

const filesOf = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));

function report(dir: string, name: string, url: string, outlet: string, lang: "en" | "nl", text: string): string {
  const file = join(dir, name);
  writeFileSync(file, `---\ntitle: "${name}"\nsource: "${outlet}"\nurl: "${url}"\npublished: 2023-06-02T09:00:00+02:00\nlanguage: ${lang}\n---\n${text}\n`);
  return file;
}

type Count = { status: number; outlet: string; language: string; n: number };
const key = (c: Count) => `${c.status} ${c.outlet} ${c.language}`;

/** claim_totals' rows that count something, against claim_facets summed over sources. */
async function compare(be: Backend, spec: string, what: string): Promise<void> {
  const rows = async (sql: string) =>
    (await be.rows<Count>(spec, sql)).map((r) => ({ status: Number(r.status), outlet: String(r.outlet), language: String(r.language), n: Number(r.n) })).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const totals = await rows("SELECT status, outlet, language, n FROM claim_totals WHERE n <> 0");
  const facets = await rows("SELECT status, outlet, language, sum(n) AS n FROM claim_facets GROUP BY status, outlet, language HAVING sum(n) <> 0");
  assert.ok(facets.length > 3, `${what}: counters`);
  assert.deepEqual(totals, facets, `${what}: claim_totals`);
}

eachBackend("claim_totals are the facet counters summed over sources, after new reports and new versions", async (be) => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-totals-"));
  writeCorpus(dir, 16, "t");
  const spec = await be.ledger();
  const s = await openStore(spec);
  try {
    const extra = [
      report(dir, "y1.txt", "https://example.org/y/1", "Havenbode", "nl", "Volgens de politie is de brug gesloten. De burgemeester ontkent dat de brug is ingestort."),
      report(dir, "y2.txt", "https://example.org/y/2", "Krant 2", "en", "Police said the bridge was closed. The mayor denied that the bridge had collapsed."),
    ];
    assert.equal((await ingestFiles(s, filesOf(dir), { progress: "none" })).failed.length, 0);
    await compare(be, spec, `${be.name}, first`);
    // new versions: one now comes from another outlet in another language, the other says more
    report(dir, "y1.txt", "https://example.org/y/1", "Dagblad Oost", "en", "The police said the road was closed. Officials denied that the ferry had sunk.");
    report(dir, "y2.txt", "https://example.org/y/2", "Krant 2", "en", "Police said the bridge was closed. The mayor denied that the bridge had collapsed. The army said two soldiers were hurt.");
    assert.equal((await ingestFiles(s, extra, { progress: "none" })).failed.length, 0);
    assert.equal(await be.n(spec, "SELECT count(*) AS n FROM reports WHERE current = 0"), 2, "two reports replaced");
    await compare(be, spec, `${be.name}, new versions`);
    const havenbode = await be.n(spec, "SELECT count(*) AS n FROM claim_totals WHERE outlet = 'Havenbode' AND language = 'nl' AND n <> 0");
    assert.equal(havenbode, 0, "the replaced version's claims are taken off its outlet and language");
  } finally {
    await s.close();
  }
}, { timeout: 300000 });

eachBackend("a ledger of schema 17 gets claim_totals when opened", async (be) => {
  if (be.name !== "SQLite") return; // (the migration's SQL is the same on both; the older ledger is made by hand here)
  const dir = mkdtempSync(join(tmpdir(), "sitrep-totals-"));
  writeCorpus(dir, 12, "u");
  const file = await be.ledger();
  const s = await openStore(file);
  assert.equal((await ingestFiles(s, filesOf(dir), { progress: "none" })).failed.length, 0);
  await s.close();
  const db = new Database(file);
  db.exec("DROP TABLE claim_totals; DROP INDEX claim_facets_source;");
  db.pragma("user_version = 17");
  db.close();
  const again = await openStore(file, { readonly: true });
  try {
    await compare(be, file, "migrated");
    const all = await again.reads.countClaims({ limit: 1, offset: 0 });
    assert.equal(all, (await again.reads.searchClaims({ limit: 1_000_000, offset: 0 })).items.length, "the whole ledger's count");
  } finally {
    await again.close();
  }
}, { timeout: 300000 });
