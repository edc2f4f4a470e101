// A page of the claims of some words (Reads.claimsPage). On PostgreSQL the index of claims' words holds the
// current claims only, with their statuses (schema 15): words alone, or words and statuses, are counted from
// it, and a page of them walks the reports in publication order until it is full, a bounded number of
// reports (set by the count where it is known), and is read from the words' claims instead where the walk
// does not fill it. Here: a word in every report, one only in the oldest reports (read newest first, a
// short walk finds none), words of replaced versions only (found nowhere), and statuses. Every page,
// forwards and backwards, in either order, whatever count the caller says it knows, is the slice of the
// whole list, and the first page's count is the number of current claims with the words; on SQLite too.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, SPAN, type ClaimFilter, type ClaimRow, type Reads } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { eachBackend } from "./backends.js";
import { everyPage, hasWords } from "./claim-views.js";
import { LATEST } from "../src/store/schema.js";

const streets = ["Dorpsstraat", "Kerkweg", "Havenkade", "Molenlaan", "Stationsplein"];
const day = (i: number) => new Date(Date.UTC(2023, 4, 1 + i, 9)).toISOString();
const report = (dir: string, i: number, text: string) =>
  writeFileSync(join(dir, `w${String(i).padStart(3, "0")}.txt`), `---\ntitle: "Storm ${i}"\nsource: "Courier ${i % 3}"\nurl: "https://example.org/storm/${i}"\npublished: ${day(i)}\nlanguage: en\n---\n${text}\n`);

const REPLACED = [2, 9, 20, 27, 33];

/**
 * Forty reports a day apart; the dike warden speaks in the fourteen oldest, the mayor in all of them; the
 * harbour master only in the first versions of the reports replaced later.
 */
function corpus(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-wordswalk-"));
  for (let i = 0; i < 40; i++) {
    const street = streets[i % streets.length]!;
    const warden = i < 14 ? `The dike warden said the water on ${street} had risen ${i % 7 + 2} centimetres overnight. Police said ${i + 3} homes were evacuated. ` : "";
    const harbour = REPLACED.includes(i) ? "The harbour master said a zeppelin was moored at the quay. " : "";
    report(dir, i, `${warden}${harbour}The mayor said the road along ${street} would stay closed until Monday. Residents said the storm could be heard from miles away (report ${i}).`);
  }
  return { dir, files: readdirSync(dir).sort().map((f) => join(dir, f)) };
}

/** New versions of five reports (two of the warden's among them), without the harbour master. */
function corrections(dir: string): string[] {
  const out: string[] = [];
  for (const i of REPLACED) {
    const first = i < 14 ? `The dike warden said the water had fallen again by the morning. ` : "";
    report(dir, i, `${first}The mayor said the road would reopen on Tuesday, not Monday. Officials said the clean-up had begun (report ${i}, updated).`);
    out.push(join(dir, `w${String(i).padStart(3, "0")}.txt`));
  }
  return out;
}


eachBackend("claims of some words paged by walking the reports: every page the slice of the whole list, counted, replaced versions left out", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  try {
    const { dir, files } = corpus();
    assert.equal((await ingestFiles(s, files, { progress: "none" })).failed.length, 0);
    const updated = await ingestFiles(s, corrections(dir), { progress: "none" });
    assert.equal(updated.failed.length, 0);
    const r = s.reads;
    const all: ClaimRow[] = (await r.searchClaims({ limit: 100000, offset: 0 })).items;
    const filters: Record<string, Omit<ClaimFilter, "limit" | "offset">> = {
      common: { words: ["mayor"] },
      oldest: { words: ["warden"] },
      two: { words: ["mayor", "road"] },
      closed: { words: ["stay", "closed"] },
      // (in the replaced versions only)
      replaced: { words: ["zeppelin"] },
      updated: { words: ["reopen"] },
      statuses: { words: ["said"], status: ["claimed"] },
      rare: { words: ["evacuated"], status: ["established", "claimed"] },
    };
    for (const [name, base] of Object.entries(filters)) {
      const want = all.filter((c) => hasWords(c.text, base.words!) && (!base.status || base.status.includes(c.status)));
      assert.equal(want.length > 0, name !== "replaced", `${name}: ${want.length} claims`);
      for (const desc of [false, true]) {
        const f: ClaimFilter = { ...base, sort: { by: "published", desc }, limit: 3, offset: 0 };
        const what = `${name}${desc ? ", newest first" : ""}`;
        // (the whole list in publication order, claims of a report by their order in it; newest first, all reversed)
        const whole = desc ? want.map((c) => c.id).reverse() : want.map((c) => c.id);
        assert.deepEqual((await r.searchClaims({ ...f, limit: 100000 })).items.map((c) => c.id).sort(), [...whole].sort(), `${what}: the claims with the words`);
        assert.equal(await r.countClaims(f), want.length, `${what}: the count`);
        // (a count the caller knows chooses how far a walk goes: none, the true one, far too many)
        for (const known of [undefined, 1, want.length, 1_000_000])
          for (const back of [false, true]) {
            const got = await everyPage(r, f, back, known);
            assert.deepEqual(got.ids, whole, `${what}: every page ${back ? "backwards" : "forwards"}, told ${known ?? "nothing"}`);
            if (!back) assert.equal(got.total, want.length, `${what}: the first page's count`);
          }
      }
    }
  } finally {
    await s.close();
  }
  if (be.name === "PostgreSQL") {
    assert.equal(
      await be.n(spec, `SELECT count(*) AS n FROM claims_search cs WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = cs.id / ${SPAN} AND r.current = 1)`),
      0,
      "the index of words holds no claim of a replaced version",
    );
    assert.equal(
      await be.n(spec, `SELECT count(*) AS n FROM claims c JOIN reports r ON r.id = c.id / ${SPAN} AND r.current = 1 LEFT JOIN claims_search cs ON cs.id = c.id WHERE cs.id IS NULL`),
      0,
      "and every current claim",
    );
  }
}, { timeout: 300000 });

eachBackend("a ledger of schema 14 loses its replaced versions' claims from the index of words when opened, and counts the same", async (be) => {
  if (be.name !== "PostgreSQL") return; // (schema 15 is PostgreSQL's alone)
  const spec = await be.ledger();
  const s = await openStore(spec);
  const { dir, files } = corpus();
  assert.equal((await ingestFiles(s, files, { progress: "none" })).failed.length, 0);
  assert.equal((await ingestFiles(s, corrections(dir), { progress: "none" })).failed.length, 0);
  await s.close();
  // as schema 14 left it: the replaced versions' claims indexed too (the harbour master's among them), the
  // words' GIN index without the statuses
  await be.rows(
    spec,
    `INSERT INTO claims_search (id, status, search)
       SELECT c.id, c.status, to_tsvector('simple', 'the harbour master said a zeppelin was moored at the quay') FROM claims c JOIN reports r ON r.id = c.id / ${SPAN} WHERE r.current = 0;
     DROP INDEX claims_search_gin; CREATE INDEX claims_search_gin ON claims_search USING GIN (search);
     UPDATE sitrep_meta SET value = '14' WHERE key = 'schema'`,
  );
  assert.ok((await be.n(spec, `SELECT count(*) AS n FROM claims_search cs JOIN reports r ON r.id = cs.id / ${SPAN} WHERE r.current = 0`)) > 0);
  const again = await openStore(spec);
  try {
    assert.equal(await be.n(spec, "SELECT value AS n FROM sitrep_meta WHERE key = 'schema'"), LATEST);
    assert.equal(await be.n(spec, `SELECT count(*) AS n FROM claims_search cs JOIN reports r ON r.id = cs.id / ${SPAN} WHERE r.current = 0`), 0, "no claim of a replaced version");
    const r = again.reads;
    assert.equal(await r.countClaims({ words: ["zeppelin"], limit: 1, offset: 0 }), 0);
    assert.equal((await r.claimsPage({ words: ["zeppelin"], limit: 3, offset: 0 }, null)).total, 0);
    const all = (await r.searchClaims({ limit: 100000, offset: 0 })).items;
    const said = all.filter((c) => hasWords(c.text, ["said"]) && c.status === "claimed").map((c) => c.id);
    assert.ok(said.length > 3);
    assert.deepEqual((await everyPage(r, { words: ["said"], status: ["claimed"], limit: 3, offset: 0 }, false, undefined)).ids, said, "words and a status, from the index that keeps both");
  } finally {
    await again.close();
  }
}, { timeout: 300000 });
