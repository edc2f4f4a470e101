// Keyset paging of claims (Reads.claimsPage), on SQLite and PostgreSQL: walked a page at a time, forwards
// and backwards, under every sort and the filters, every claim the filter selects comes exactly once and
// in the order of the whole list, also where many rows tie on the sorted-by value and on publication time.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type ClaimFilter, type ClaimKey, type ClaimSort, type Reads } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";
import { eachBackend } from "./backends.js";

/** Reports whose publication times tie (several an hour), in seven outlets, and three without an outlet. */
function corpus(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-paging-"));
  writeCorpus(dir, 48, "p");
  const bare = [
    "The mayor said the bridge over the river was closed after the blast. Police denied that anyone was arrested.",
    "De brandweer meldt dat twee gebouwen zijn ingestort. Volgens de burgemeester is de brug gesloten.",
    "Officials said the fire was under control by the evening, but residents said the smoke was still thick.",
  ];
  bare.forEach((text, i) =>
    writeFileSync(join(dir, `zz${i}.txt`), `---\ntitle: "Zonder krant ${i}"\nurl: "https://example.org/bare/${i}"\npublished: 2023-05-23T09:00:00+02:00\nlanguage: ${i === 1 ? "nl" : "en"}\n---\n${text}\n`),
  );
  return readdirSync(dir).sort().map((f) => join(dir, f));
}

/** Every page of `f` (seven rows a page), forwards or backwards, as claim ids in the list's order. */
async function walk(r: Reads, f: ClaimFilter, back: boolean): Promise<number[]> {
  const out: number[][] = [];
  let at: ClaimKey | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await r.claimsPage({ ...f, limit: 7, offset: 0 }, at, back);
    assert.equal(page.items.length, page.keys.length);
    assert.ok(page.items.length <= 7);
    if (page.items.length) out.push(page.items.map((c) => c.id));
    if (!page.more) break;
    assert.equal(page.items.length, 7, "a page short of the limit is the last");
    at = back ? page.keys[0]! : page.keys[page.keys.length - 1]!;
  }
  return (back ? out.reverse() : out).flat();
}

eachBackend("claims page by keyset under every sort and filter: each claim once, in the list's order, both ways", async (be) => {
  const s = await openStore(await be.ledger());
  try {
    const sum = await ingestFiles(s, corpus(), { progress: "none" });
    assert.equal(sum.failed.length, 0);
    const r = s.reads;
    const all = await r.searchClaims({ limit: 100000, offset: 0 });
    assert.ok(all.total > 100, `claims: ${all.total}`);
    const sourced = all.items.find((c) => c.source)!;
    const entity = all.items.find((c) => c.entities.length)!;
    const [part] = await r.reportParts(await r.reportsByIds([entity.report]), ["entities"]);
    const fused = part!.entities[entity.entities[0]!]!.fused;
    const filters: Record<string, Omit<ClaimFilter, "limit" | "offset">> = {
      all: {},
      statuses: { status: ["claimed", "denied"] },
      outlet: { outlet: "Krant 3" },
      source: { sourceName: sourced.source!.name.toUpperCase() },
      ownVoice: { ownVoice: true },
      language: { language: "nl" },
      since: { sinceMs: Date.parse("2023-05-23T12:00:00+02:00") },
      // (days and an outlet: counted by report; rare statuses: from their own index; a source on a span of days)
      daysOutlet: { sinceMs: Date.parse("2023-05-23T12:00:00+02:00"), untilMs: Date.parse("2023-05-25T12:00:00+02:00"), outlet: "Krant 3" },
      rare: { status: ["denied"] },
      rares: { status: ["denied", "unknown", "probable", "possible"] },
      rareOutlet: { status: ["denied", "unknown"], outlet: "Krant 2" },
      sourceDays: { sourceName: sourced.source!.name, sinceMs: Date.parse("2023-05-23T12:00:00+02:00") },
      entity: { fused: [fused] },
      words: { words: ["legion"] },
      // (words with conditions on the claims and their reports: the words' index drives, the rest filters)
      wordsStatus: { words: ["legion"], status: ["established", "claimed"] },
      // (common words, not function words: the index leaves those out, and search never asks for them)
      wordsSource: { words: ["said"], sourceName: sourced.source!.name },
      wordsOutlet: { words: ["said"], outlet: "Krant 3", sinceMs: Date.parse("2023-05-23T12:00:00+02:00") },
    };
    let tiesSeen = 0;
    for (const [name, base] of Object.entries(filters))
      for (const by of ["published", "status", "source", "outlet"] as ClaimSort[])
        for (const desc of [false, true]) {
          const f: ClaimFilter = { ...base, sort: { by, desc }, limit: 100000, offset: 0 };
          const what = `${name}, ${desc ? "-" : ""}${by}`;
          const whole = (await r.searchClaims(f)).items.map((c) => c.id);
          assert.ok(whole.length > 0, `${what}: some claims`);
          // (a page by its offset: a slice of the whole list, however the rows before it are skipped)
          for (const offset of [1, 9, Math.floor(whole.length / 2), whole.length - 3, whole.length])
            if (offset >= 0)
              assert.deepEqual((await r.searchClaims({ ...f, offset, limit: 10 })).items.map((c) => c.id), whole.slice(offset, offset + 10), `${what}: the page at offset ${offset}`);
          assert.equal(await r.countClaims(f), whole.length, `${what}: the count`);
          const fwd = await walk(r, f, false);
          assert.equal(new Set(fwd).size, fwd.length, `${what}: no claim twice`);
          assert.deepEqual([...fwd].sort(), [...whole].sort(), `${what}: every claim the filter selects`);
          // (an entity or words: the rows are sorted in memory, where the offset path kept ties as read)
          if (!base.fused && !base.words) assert.deepEqual(fwd, whole, `${what}: the order of the whole list`);
          assert.deepEqual(await walk(r, f, true), fwd, `${what}: backwards, the same list`);
          if (name === "all" && by !== "published") tiesSeen += whole.length - new Set(all.items.map((c) => (by === "status" ? c.status : by === "source" ? c.source?.name : c.report))).size;
        }
    assert.ok(tiesSeen > 100, "pages break inside runs of equal values");
    // a page from the middle, asked again from its cursor, is the same page
    const f: ClaimFilter = { sort: { by: "status", desc: true }, limit: 7, offset: 0 };
    const p1 = await r.claimsPage(f, null);
    const p2 = await r.claimsPage(f, p1.keys[6]!);
    const p3 = await r.claimsPage(f, p2.keys[6]!);
    assert.deepEqual((await r.claimsPage(f, p3.keys[0]!, true)).items.map((c) => c.id), p2.items.map((c) => c.id));
  } finally {
    await s.close();
  }
}, { timeout: 300000 });
