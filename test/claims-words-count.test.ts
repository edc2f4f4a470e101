// The claims of some words, as /api/claims pages them: on PostgreSQL the first page counts them from the index
// of words up to WORDS_COUNTED.cap and no further (a common word on a large ledger has more claims than a
// page is worth reading), and then says so (`at_least`); the pages themselves, their order and cursors, are
// those of the whole list, forwards and backwards, oldest or newest first, as on SQLite, which counts them
// all. A word with fewer claims than the cap is counted exactly on both. (The cap is made small here: a
// ledger of forty reports stands for one of 100,000.)
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { WORDS_COUNTED } from "../src/store/sql-store.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { StoreLedger } from "../src/server/store.js";
import type { ClaimQuery } from "../src/server/port.js";
import { eachBackend } from "./backends.js";

const wards = ["Noord", "Oost", "Zuid", "West"];
const day = (i: number) => new Date(Date.UTC(2024, 1, 1 + i, 8)).toISOString();

/** Forty Dutch reports a day apart: the burgemeester speaks in all of them, the brandweer in every fifth. */
function corpus(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-wordscount-"));
  for (let i = 0; i < 40; i++) {
    const ward = wards[i % wards.length]!;
    const brand = i % 5 === 0 ? `De brandweer zei dat de brand in ${ward} rond middernacht onder controle was. ` : "";
    writeFileSync(
      join(dir, `b${String(i).padStart(3, "0")}.txt`),
      `---\ntitle: "Wateroverlast ${i}"\nsource: "Dagblad ${i % 3}"\nurl: "https://example.org/water/${i}"\npublished: ${day(i)}\nlanguage: nl\n---\n` +
        `${brand}De burgemeester zei dat de wijk ${ward} tot maandag afgesloten blijft. Bewoners zeiden dat het water ${i % 6 + 10} centimeter hoog stond (bericht ${i}).\n`,
    );
  }
  return readdirSync(dir).sort().map((f) => join(dir, f));
}

/** Every page of a query by its cursors, forwards (or backwards from the last), as claim ids in list order. */
async function walk(l: StoreLedger, q: ClaimQuery, back: boolean): Promise<{ ids: string[]; first: { total: number; at_least?: true } }> {
  const out: string[][] = [];
  let page = await l.searchClaims(q);
  const first = { total: page.total, ...(page.at_least && { at_least: page.at_least }) };
  if (back) while (page.next) page = await l.searchClaims({ ...q, after: page.next });
  for (let guard = 0; guard < 100; guard++) {
    out.push(page.items.map((c) => c.id));
    const cursor = back ? page.prev : page.next;
    if (!cursor) break;
    page = await l.searchClaims(back ? { ...q, before: cursor } : { ...q, after: cursor });
  }
  return { ids: (back ? out.reverse() : out).flat(), first };
}

eachBackend("claims of a common word: counted up to a cap and said to be at least that many on PostgreSQL, the same pages as counted whole", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  try {
    assert.equal((await ingestFiles(s, corpus(), { progress: "none" })).failed.length, 0);
  } finally {
    await s.close();
  }
  const cap = WORDS_COUNTED.cap;
  const l = await StoreLedger.open(spec, { workers: false });
  try {
    for (const [words, status] of [["burgemeester", undefined], ["brandweer", undefined], ["burgemeester", ["claimed", "established"]]] as const) {
      const base: ClaimQuery = { q: words, limit: 4, ...(status && { status: [...status] }) };
      // the whole list at once (an offset reads and counts it all), then paged with the count capped at 10
      const whole = await l.searchClaims({ ...base, limit: 1000, offset: 1 });
      const n = whole.total;
      assert.ok(n > 0, `${words}: some claims`);
      for (const sort of ["published", "-published"] as const) {
        const want = (await l.searchClaims({ ...base, sort, limit: 1000, offset: 0 })).items.map((c) => c.id);
        assert.equal(want.length, n);
        WORDS_COUNTED.cap = 10;
        try {
          for (const back of [false, true]) {
            // (a new ledger object each time: the count it keeps for a query would answer the first page)
            const l2 = await StoreLedger.open(spec, { workers: false });
            try {
              const got = await walk(l2, { ...base, sort }, back);
              const what = `${words}${status ? " " + status.join(",") : ""}, ${sort}, ${back ? "backwards" : "forwards"}`;
              assert.deepEqual(got.ids, want, `${what}: every page, in order`);
              if (be.name === "PostgreSQL" && n > 10) assert.deepEqual(got.first, { total: 10, at_least: true }, `${what}: at least the cap`);
              else assert.deepEqual(got.first, { total: n }, `${what}: counted exactly`);
            } finally {
              await l2.close();
            }
          }
        } finally {
          WORDS_COUNTED.cap = cap;
        }
      }
      if (words === "brandweer") assert.ok(n < 10, `brandweer: fewer claims (${n}) than the cap`);
      else assert.ok(n > 10, `burgemeester: more claims (${n}) than the cap`);
    }
  } finally {
    await l.close();
  }
}, { timeout: 300000 });
