// A page of the claims of a common word read by walking the reports in publication order (SqlReads.wordsWalk):
// on PostgreSQL the words' claims in the walked reports' span of keys (schema 23: found by the keys' block
// ranges) are joined to the walked reports, or, for a rarer word, each matched to its report and kept when
// the report was published before the last walked one's time. Here reports come in threes published at the same minute, so that a walk mostly ends
// inside such a three: every page, forwards and backwards, oldest or newest first, whatever count the
// caller says it knows, is still the slice of the whole list in (time, report's stable id, claim) order.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type ClaimFilter } from "../src/store/index.js";
import { SPARSE_WORDS, WORDS_COUNTED } from "../src/store/sql-store.js";
import { LATEST } from "../src/store/schema.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { eachBackend } from "./backends.js";
import { everyPage, hasWords } from "./claim-views.js";

const lanes = ["Dijkweg", "Sluisstraat", "Polderlaan", "Kanaalkade", "Gemaalpad", "Zuiderweg", "Brugstraat"];
/** Report i's time: threes at the same minute, an hour between threes. */
const at = (i: number) => Date.UTC(2024, 1, 3, 6) + Math.floor(i / 3) * 3_600_000;

/** Sixty reports of a flood: the pumping station's engineer in every one, a boat in one of five. */
function corpus(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-wordsspan-"));
  for (let i = 0; i < 60; i++) {
    const lane = lanes[i % lanes.length]!;
    const boat = i % 5 === 2 ? ` Firefighters said a boat took ${i % 4 + 2} residents from ${lane} to the dike.` : "";
    const text = `The engineer said the pumping station on ${lane} had run all night and would run until Thursday.${boat} Residents said the water reached the doorsteps (bulletin ${i}).`;
    writeFileSync(
      join(dir, `f${String(i).padStart(3, "0")}.txt`),
      `---\ntitle: "Flood bulletin ${i}"\nsource: "Polder Post ${i % 4}"\nurl: "https://example.org/flood/${i}"\npublished: ${new Date(at(i)).toISOString()}\nlanguage: en\n---\n${text}\n`,
    );
  }
  // (ingested out of order, each six reports the other way round: report ids, in the order written, are not
  // in publication order within an hour or two, as in a ledger filled by several workers)
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  return files.map((_, i) => files[i - (i % 6) + 5 - (i % 6)]!);
}


eachBackend("claims of a common word paged by a walk that ends among reports of the same minute: every page the slice of the whole list", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  const cap = WORDS_COUNTED.cap, ratioWas = SPARSE_WORDS.ratio;
  // (a count that stops early, as a common word's does on a large ledger: the pages are then found by walking)
  WORDS_COUNTED.cap = 4;
  try {
    assert.equal((await ingestFiles(s, corpus(), { progress: "none" })).failed.length, 0);
    const r = s.reads;
    const all = (await r.searchClaims({ limit: 100000, offset: 0 })).items;
    assert.ok(all.length >= 120, `${all.length} claims`);
    const reports = await r.reportsByIds([...new Set(all.map((c) => c.report))]);
    const timeOf = new Map(reports.map((x) => [x.id, Date.parse(x.published)]));
    const uidOf = new Map(reports.map((x) => [x.id, x.uid]));
    // (the list's order: time, the report's stable id bytewise, the claim)
    const order = (a: (typeof all)[number], b: (typeof all)[number]) =>
      timeOf.get(a.report)! - timeOf.get(b.report)! || (uidOf.get(a.report)! === uidOf.get(b.report)! ? a.id - b.id : uidOf.get(a.report)! < uidOf.get(b.report)! ? -1 : 1);
    const filters: Record<string, Omit<ClaimFilter, "limit" | "offset">> = {
      engineer: { words: ["engineer"] },
      pumping: { words: ["pumping", "station"] },
      said: { words: ["said"] },
      boat: { words: ["boat"] },
      claimed: { words: ["said"], status: ["claimed"] },
    };
    for (const [name, base] of Object.entries(filters)) {
      const want = all.filter((c) => hasWords(c.text, base.words!) && (!base.status || base.status.includes(c.status))).sort(order);
      assert.ok(want.length > WORDS_COUNTED.cap, `${name}: ${want.length} claims`);
      // (the span's claims matched to their reports one by one, as for a rare word, or joined to the walked reports)
      for (const ratio of [0, ratioWas])
      for (const desc of [false, true])
        for (const limit of [3]) {
          SPARSE_WORDS.ratio = ratio;
          const f: ClaimFilter = { ...base, sort: { by: "published", desc }, limit, offset: 0 };
          const whole = desc ? want.map((c) => c.id).reverse() : want.map((c) => c.id);
          const what = `${name}${desc ? ", newest first" : ""}, pages of ${limit}${ratio ? "" : ", one by one"}`;
          for (const known of [undefined, 1, want.length, 1_000_000])
            for (const back of [false, true]) {
              const got = await everyPage(r, f, back, known);
              assert.deepEqual(got.ids, whole, `${what}: every page ${back ? "backwards" : "forwards"}, told ${known ?? "nothing"}`);
              // (PostgreSQL counts a word's claims up to the cap, SQLite all of them)
              if (!back) assert.equal(got.total, be.name === "PostgreSQL" ? WORDS_COUNTED.cap : want.length, `${what}: the first page's count`);
            }
        }
    }
  } finally {
    WORDS_COUNTED.cap = cap;
    SPARSE_WORDS.ratio = ratioWas;
    await s.close();
  }
}, { timeout: 300000 });

eachBackend("the index of claims' words has its keys' block ranges (schema 23), also once a ledger of schema 22 is opened", async (be) => {
  if (be.name !== "PostgreSQL") return; // (SQLite's index of words is its own)
  const spec = await be.ledger();
  const brin = `SELECT count(*) AS n FROM pg_indexes WHERE tablename = 'claims_search' AND indexname = 'claims_search_ids' AND indexdef LIKE '%USING brin (id)%'`;
  const s = await openStore(spec);
  assert.equal((await ingestFiles(s, corpus().slice(0, 12), { progress: "none" })).failed.length, 0);
  await s.close();
  assert.equal(await be.n(spec, brin), 1, "a new ledger has it");
  await be.rows(spec, `DROP INDEX claims_search_ids; UPDATE sitrep_meta SET value = '22' WHERE key = 'schema'`);
  const again = await openStore(spec);
  try {
    assert.equal(await be.n(spec, "SELECT value AS n FROM sitrep_meta WHERE key = 'schema'"), LATEST);
    assert.equal(await be.n(spec, brin), 1, "a ledger of schema 22 has it once opened");
    const all = (await again.reads.searchClaims({ limit: 100000, offset: 0 })).items;
    const engineer = all.filter((c) => hasWords(c.text, ["engineer"]));
    assert.equal(await again.reads.countClaims({ words: ["engineer"], limit: 1, offset: 0 }), engineer.length);
  } finally {
    await again.close();
  }
}, { timeout: 300000 });
