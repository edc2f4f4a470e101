// Reads of claims that stop early on a large ledger, checked on a small one with their limits made small.
// The facets of an entity named in more claims than are counted (FACETS_COUNTED) count its first claims in
// publication order, whatever order its reports were written in (PostgreSQL read them in the order they lay
// in the table: the newest first, for a ledger written newest first). On PostgreSQL the first page of a word
// counted in part (WORDS_COUNTED) says about how many claims have it, from how far into the ledger the
// first of them reach, and the later pages, told so, are those of the whole list.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { FACETS_COUNTED, WORDS_COUNTED } from "../src/store/sql-store.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { StoreLedger } from "../src/server/store.js";
import type { ClaimQuery } from "../src/server/port.js";
import { eachBackend } from "./backends.js";

const dikes = ["Lekdijk", "Waaldijk", "Maasdijk", "IJsseldijk", "Zeedijk"];
const day = (i: number) => new Date(Date.UTC(2024, 0, 2 + i, 7, i)).toISOString();

/**
 * Thirty Dutch reports a day apart about high water; Hans Oosterhuis speaks in every one of them. The
 * oldest fifteen come from one paper, the newest from another; every third report also has the
 * dijkgraaf speak. Written to disk (and ingested) newest first.
 */
function corpus(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-countedfirst-"));
  const files: string[] = [];
  for (let i = 29; i >= 0; i--) {
    const dike = dikes[i % dikes.length]!;
    const paper = i < 15 ? "Dagblad Rivierenland" : "Noordelijk Nieuwsblad";
    const graaf = i % 3 === 0 ? `De dijkgraaf zei dat de ${dike} het water voorlopig houdt. ` : "";
    const file = join(dir, `h${String(i).padStart(3, "0")}.txt`);
    writeFileSync(
      file,
      `---\ntitle: "Hoogwater ${i}"\nsource: "${paper}"\nurl: "https://example.org/hoogwater/${i}"\npublished: ${day(i)}\nlanguage: nl\n---\n` +
        `Woordvoerder Hans Oosterhuis van Rijkswaterstaat zei dat het water bij de ${dike} ${i % 4 + 20} centimeter was gestegen. ${graaf}Bewoners zeiden dat zij de zandzakken klaar hadden liggen (bericht ${i}).\n`,
    );
    files.push(file);
  }
  return files;
}

/** Every page of a query by its cursors, as claim ids in list order, and the first page's count. */
async function pages(l: StoreLedger, q: ClaimQuery): Promise<{ ids: string[]; total: number; atLeast: boolean }> {
  const out: string[] = [];
  let page = await l.searchClaims(q);
  const first = { total: page.total, atLeast: !!page.at_least };
  for (let guard = 0; guard < 100; guard++) {
    out.push(...page.items.map((c) => c.id));
    if (!page.next) break;
    page = await l.searchClaims({ ...q, after: page.next });
  }
  return { ids: out, ...first };
}

eachBackend("the facets of an entity counted in part are those of its first claims in publication order, its reports written newest first", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  let uid: string;
  try {
    assert.equal((await ingestFiles(s, corpus(), { progress: "none" })).failed.length, 0);
    const ents = (await s.reads.fusedEntities({ limit: 200 })).rows;
    const rws = ents.filter((e) => e.fkey.startsWith("per:")).sort((a, b) => b.claims - a.claims)[0];
    assert.ok(rws, `Hans Oosterhuis among the entities: ${ents.map((e) => e.fkey).join(", ")}`);
    uid = rws.uid;
  } finally {
    await s.close();
  }
  const cap = FACETS_COUNTED.cap;
  const l = await StoreLedger.open(spec, { workers: false });
  try {
    // its claims in publication order, each report's in their order in it
    const all = (await l.searchClaims({ entity: uid, limit: 1000 })).items;
    assert.ok(all.length >= 30, `Hans Oosterhuis in ${all.length} claims`);
    const whole = await l.claimFacets({ entity: uid });
    assert.ok(whole.status.every((x) => !x.more), "all of them counted");
    FACETS_COUNTED.cap = 8;
    const l2 = await StoreLedger.open(spec, { workers: false });
    try {
      const got = await l2.claimFacets({ entity: uid });
      const first = all.slice(0, 8);
      const count = <T>(xs: T[]) => {
        const m = new Map<T, number>();
        for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
        return [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
      };
      assert.deepEqual(got.outlet.map((x) => [x.value, x.n]), count(first.map((c) => c.reportSource ?? null)), "the outlets of the oldest claims");
      assert.deepEqual(got.outlet.map((x) => x.value), ["Dagblad Rivierenland"]);
      assert.deepEqual(got.status.map((x) => [x.value, x.n]), count(first.map((c) => c.status)), "their statuses");
      assert.deepEqual(got.source.map((x) => [x.value, x.n]), count(first.map((c) => c.source?.name ?? null)), "their sources");
      assert.ok([...got.status, ...got.outlet, ...got.source, ...got.language].every((x) => x.more), "said to be counted in part");
    } finally {
      await l2.close();
      FACETS_COUNTED.cap = cap;
    }
  } finally {
    await l.close();
  }
}, { timeout: 300000 });

eachBackend("the first page of a word counted in part says about how many claims have it; the later pages, told so, are the whole list's", async (be) => {
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
    for (const [q, sort] of [["zandzakken", "published"], ["zandzakken", "-published"], ["water", "published"], ["dijkgraaf", "-published"]] as const) {
      const want = (await l.searchClaims({ q, sort, limit: 1000, offset: 1 })).total;
      const whole = (await l.searchClaims({ q, sort, limit: 1000 })).items.map((c) => c.id);
      assert.equal(whole.length, want);
      WORDS_COUNTED.cap = 5;
      const l2 = await StoreLedger.open(spec, { workers: false });
      try {
        const s2 = await openStore(spec);
        try {
          const page = await s2.reads.claimsPage({ words: [q], limit: 4, offset: 0, sort: { by: "published", desc: sort.startsWith("-") } }, null);
          if (be.name === "PostgreSQL") {
            assert.equal(page.atLeast, true, `${q}: counted in part`);
            // (ingested newest first, the first claims in the table are the newest: a word in every report,
            // found five times in its last five, is about thirty times)
            assert.ok(page.about !== undefined && page.about >= want / 2 && page.about <= want * 2, `${q}: about ${page.about} claims, of ${want}`);
          } else assert.equal(page.about, undefined, "counted whole on SQLite");
        } finally {
          await s2.close();
        }
        const got = await pages(l2, { q, sort, limit: 4 });
        assert.deepEqual(got.ids, whole, `${q} ${sort}: every page, in order`);
      } finally {
        await l2.close();
        WORDS_COUNTED.cap = cap;
      }
    }
  } finally {
    await l.close();
  }
}, { timeout: 300000 });
