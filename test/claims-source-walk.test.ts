// A page of one named source's claims (Reads.claimsPage). On PostgreSQL a common source's page walks the
// reports in publication order until it is full, at most a bounded number of reports, and a page the walk
// does not fill is read from the source's claims instead. Here: a source quoted in every report (the walk
// fills its pages), and one quoted only in the oldest reports (read newest first, the walk finds none of
// its claims within its bound and the page is read the other way). Every page, forwards and backwards, in
// either order, is the slice of the whole list the source selects; on SQLite too (always the other way).
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type ClaimFilter, type ClaimKey, type Reads } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { eachBackend } from "./backends.js";

/** Forty reports a day apart; the fire brigade speaks in the fourteen oldest, the mayor in all of them. */
function corpus(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-walk-"));
  const streets = ["Dorpsstraat", "Kerkweg", "Havenkade", "Molenlaan", "Stationsplein"];
  for (let i = 0; i < 40; i++) {
    const street = streets[i % streets.length]!;
    const brigade =
      i < 14 ? `The fire brigade said the blaze on ${street} was under control by ${i % 12 + 1} p.m. The fire brigade said ${i + 3} homes were evacuated. ` : "";
    const text = `${brigade}The mayor said the road along ${street} would stay closed until Monday. Residents said the smoke could be seen from miles away (report ${i}).`;
    const day = new Date(Date.UTC(2023, 4, 1 + i, 9)).toISOString();
    writeFileSync(join(dir, `w${String(i).padStart(3, "0")}.txt`), `---\ntitle: "Fire ${i}"\nsource: "Courier ${i % 3}"\nurl: "https://example.org/walk/${i}"\npublished: ${day}\nlanguage: en\n---\n${text}\n`);
  }
  return readdirSync(dir).sort().map((f) => join(dir, f));
}

/** Every page of `f`, `limit` a page, forwards or backwards, as claim ids in the list's order. */
async function pages(r: Reads, f: ClaimFilter, back: boolean): Promise<number[]> {
  const out: number[][] = [];
  let at: ClaimKey | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await r.claimsPage(f, at, back);
    if (page.items.length) out.push(page.items.map((c) => c.id));
    if (!page.more) break;
    assert.equal(page.items.length, f.limit, "a page short of the limit is the last");
    at = back ? page.keys[0]! : page.keys[page.keys.length - 1]!;
  }
  return (back ? out.reverse() : out).flat();
}

eachBackend("a named source's claims, paged in publication order both ways, are the whole list's", async (be) => {
  const s = await openStore(await be.ledger());
  try {
    const sum = await ingestFiles(s, corpus(), { progress: "none" });
    assert.equal(sum.failed.length, 0);
    const r = s.reads;
    const all = (await r.searchClaims({ limit: 100000, offset: 0 })).items;
    const named = new Map<string, number>();
    for (const c of all) if (c.source) named.set(c.source.name, (named.get(c.source.name) ?? 0) + 1);
    const brigade = [...named.keys()].find((n) => /fire brigade/i.test(n));
    const mayor = [...named.keys()].find((n) => /mayor/i.test(n));
    assert.ok(brigade && mayor, [...named].join(", "));
    // (enough of the claims for the walk at these page sizes: n * n > 2 * (limit + 1) * reports)
    assert.ok(named.get(brigade)! >= 20 && named.get(mayor)! >= 35, [...named].join(", "));
    for (const name of [brigade, mayor])
      for (const desc of [false, true])
        for (const limit of [2, 7]) {
          const f: ClaimFilter = { sourceName: name, sort: { by: "published", desc }, limit, offset: 0 };
          const what = `${name}, ${desc ? "newest" : "oldest"} first, ${limit} a page`;
          const whole = (await r.searchClaims({ ...f, limit: 100000 })).items.map((c) => c.id);
          assert.equal(whole.length, named.get(name), `${what}: every claim of the source`);
          assert.deepEqual(await pages(r, f, false), whole, `${what}: forwards`);
          assert.deepEqual(await pages(r, f, true), whole, `${what}: backwards`);
        }
  } finally {
    await s.close();
  }
}, { timeout: 300000 });
