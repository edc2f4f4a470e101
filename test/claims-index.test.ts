// Claims found by entity and by words through their own indexes (schema 8: claim_entities, the claims'
// words), on SQLite and PostgreSQL: the claims an entity filter or a word search selects are exactly those
// whose own entities, source and words say so (worked out here from the claims themselves), and a ledger
// written before those indexes existed gets them when it is opened and answers the same.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore, SPAN, type ClaimRow, type Reads } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";
import { eachBackend } from "./backends.js";
import { withoutFusionWords } from "./old-ledger.js";

function corpus(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-claimindex-"));
  writeCorpus(dir, 24, "x");
  const more = [
    "Mayor Anna Visser said the bridge over the Maas was closed after the blast. Police denied that anyone was arrested. Anna Visser said the clean-up would take weeks.",
    "Burgemeester Anna Visser zegt dat de brug over de Maas is gesloten. Volgens de politie zijn er geen arrestaties verricht. De brandweer meldt dat twee gebouwen zijn ingestort.",
    "The minister said the evacuation of Hasselt was complete. Residents said the minister had not visited the town. Police said the dike had been repaired.",
  ];
  more.forEach((text, i) =>
    writeFileSync(join(dir, `m${i}.txt`), `---\ntitle: "Brug ${i}"\nsource: "Dagblad ${i}"\nurl: "https://example.org/brug/${i}"\npublished: 2023-05-24T1${i}:00:00+02:00\nlanguage: ${i === 1 ? "nl" : "en"}\n---\n${text}\n`),
  );
  // a long report: claims past the thousandth of a report are found by their words too
  const long = Array.from({ length: 1060 }, (_, i) =>
    i === 1040 ? "The harbour master said the zeppelin had landed on the quay." : `The harbour master said convoy ${i + 1} had reached the depot.`,
  ).join(" ");
  writeFileSync(join(dir, "long.txt"), `---\ntitle: "Konvooien"\nsource: "Havenkrant"\nurl: "https://example.org/long/1"\npublished: 2023-05-25T10:00:00+02:00\nlanguage: en\n---\n${long}\n`);
  return readdirSync(dir).sort().map((f) => join(dir, f));
}

/** Each claim's fused entities: those it names and its source's. */
async function entitiesOf(r: Reads, claims: readonly ClaimRow[]): Promise<Map<number, { named: Set<number>; source: number | null }>> {
  const parts = new Map((await r.reportParts(await r.reportsByIds([...new Set(claims.map((c) => c.report))]), ["entities"])).map((p) => [p.report.id, p.entities]));
  return new Map(
    claims.map((c) => {
      const ents = parts.get(c.report)!;
      return [c.id, { named: new Set(c.entities.map((s) => ents[s]!.fused)), source: c.source?.entity == null ? null : ents[c.source.entity]!.fused }];
    }),
  );
}

/** As the claims were matched before their index: accents and case dropped, each word the start of one of the claim's. */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
const ids = (cs: readonly { id: number }[]) => cs.map((c) => c.id).sort((a, b) => a - b);
const hasWords = (text: string, ws: readonly string[]) => {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u);
  return ws.every((w) => words.some((x) => x.startsWith(fold(w))));
};

/** What the indexes must answer, worked out from every claim's own entities and words. */
async function check(r: Reads, what: string): Promise<number> {
  const all = (await r.searchClaims({ limit: 100000, offset: 0 })).items;
  const of = await entitiesOf(r, all);
  const fusedIds = [...new Set([...of.values()].flatMap((e) => [...e.named, ...(e.source === null ? [] : [e.source])]))];
  assert.ok(fusedIds.length > 10, `${what}: entities named`);
  let checked = 0;
  for (const f of fusedIds) {
    const named = all.filter((c) => of.get(c.id)!.named.has(f));
    const said = all.filter((c) => of.get(c.id)!.source === f);
    const any = all.filter((c) => of.get(c.id)!.named.has(f) || of.get(c.id)!.source === f);
    const about = named.filter((c) => of.get(c.id)!.source !== f);
    assert.deepEqual(ids((await r.searchClaims({ fused: [f], limit: 100000, offset: 0 })).items), ids(any), `${what}: claims of entity ${f}`);
    assert.deepEqual(ids((await r.searchClaims({ fused: [f], entitiesNamedOnly: true, limit: 100000, offset: 0 })).items), ids(named), `${what}: claims naming ${f}`);
    assert.deepEqual(ids((await r.searchClaims({ fused: [f], entitiesNamedOnly: true, entitiesNotSource: true, limit: 100000, offset: 0 })).items), ids(about), `${what}: about ${f}`);
    assert.deepEqual(ids((await r.searchClaims({ sourceFused: [f], limit: 100000, offset: 0 })).items), ids(said), `${what}: said by ${f}`);
    assert.equal(await r.countClaims({ fused: [f], limit: 0, offset: 0 }), any.length);
    checked += any.length;
  }
  // two entities as one (an editor's merge): each claim once
  const [a, b] = fusedIds;
  const either = all.filter((c) => [a!, b!].some((f) => of.get(c.id)!.named.has(f) || of.get(c.id)!.source === f));
  assert.deepEqual(ids((await r.searchClaims({ fused: [a!, b!], limit: 100000, offset: 0 })).items), ids(either), `${what}: merged`);
  for (const ws of [["zeppelin"], ["harbour", "zeppelin"], ["anna"], ["police"], ["brug", "maas"], ["minister", "town"], ["gewond"], ["civilians", "wounded"], ["nowhere"]]) {
    const want = all.filter((c) => hasWords(c.text, ws));
    const got = (await r.searchClaims({ words: ws, limit: 100000, offset: 0 })).items;
    assert.deepEqual(ids(got), ids(want), `${what}: words ${ws.join(" ")}`);
    assert.equal(await r.countClaims({ words: ws, limit: 0, offset: 0 }), want.length);
    assert.equal((await r.claimsPage({ words: ws, limit: 2, offset: 0 }, null)).total, want.length, `${what}: words ${ws.join(" ")}, the first page's count`);
    if (ws[0] !== "nowhere") assert.ok(want.length > 0, `${what}: ${ws.join(" ")} is said`);
  }
  // words and statuses (on PostgreSQL the index of words keeps each claim's status, schema 13): the list,
  // its count and its pages in publication order are those of the claims' own words and status (a word of
  // many claims with the rare statuses: a function word, "the", was, before the index left those out)
  let withStatus = 0;
  for (const [ws, sts] of [[["police"], ["claimed"]], [["ministry"], ["denied", "unknown"]], [["minister"], ["established", "claimed"]], [["wounded"], ["claimed", "denied"]], [["said"], ["established"]]] as const) {
    const want = all.filter((c) => hasWords(c.text, ws) && (sts as readonly string[]).includes(c.status));
    const f = { words: [...ws], status: [...sts], limit: 100000, offset: 0 };
    const label = `${what}: words ${ws.join(" ")} with ${sts.join(",")}`;
    assert.deepEqual(ids((await r.searchClaims(f)).items), ids(want), label);
    assert.equal(await r.countClaims(f), want.length, `${label}: the count`);
    const page = await r.claimsPage(f, null);
    assert.deepEqual(ids(page.items), ids(want), `${label}: a page in publication order`);
    // (the first page counts what it read to order the claims: the count is not asked for apart)
    assert.equal(page.total, want.length, `${label}: the first page's count`);
    if (want.length > 3) assert.equal((await r.claimsPage({ ...f, limit: 2 }, null)).total, want.length, `${label}: the count of a short first page`);
    withStatus += want.length;
  }
  assert.ok(withStatus > 10, `${what}: claims with words and a status: ${withStatus}`);
  // reports with all the words, in their title, their claims or elsewhere (on SQLite the claims' index
  // holds them all; PostgreSQL also matches their stems: it finds at least those, and a pair no report
  // holds together, each word said somewhere, finds none)
  const reports = await r.reportsPage(null, 1000, true);
  for (const ws of [["konvooien"], ["zeppelin", "convoy"], ["maas", "police"], ["clean", "weeks"], ["bericht", "legioen"], ["brug", "zeppelin"]]) {
    const want = reports.filter((x) => hasWords(`${x.title ?? ""} ${x.text}`, ws)).map((x) => x.id).sort((a, b) => a - b);
    const found = await r.listReports({ words: ws, limit: 1000, offset: 0 });
    const got = found.items.map((x) => x.id).sort((a, b) => a - b);
    assert.equal(found.total, got.length, `${what}: the count of reports with ${ws.join(" ")}`);
    if (what !== "PostgreSQL") assert.deepEqual(got, want, `${what}: reports with ${ws.join(" ")}`);
    else assert.deepEqual(got.filter((id) => want.includes(id)), want, `${what}: reports with ${ws.join(" ")}`);
    if (ws[1] !== "zeppelin" || ws[0] !== "brug") assert.ok(want.length > 0, `${what}: ${ws.join(" ")} in a report`);
    else {
      assert.deepEqual(got, [], `${what}: no report with both ${ws.join(" ")}`);
      for (const w of ws) assert.ok(reports.some((x) => hasWords(`${x.title ?? ""} ${x.text}`, [w])), `${what}: ${w} in a report`);
    }
  }
  // words and an entity at once
  const zeppelin = all.filter((c) => /zeppelin/.test(c.text));
  assert.equal(zeppelin.length, 1);
  assert.ok(zeppelin[0]!.id % SPAN > 1023, `the claim is the ${zeppelin[0]!.id % SPAN}th of its report`);
  const visser = all.find((c) => /Anna Visser/.test(c.text) && c.source?.entity != null)!;
  const v = of.get(visser.id)!.source!;
  const both = all.filter((c) => (of.get(c.id)!.named.has(v) || of.get(c.id)!.source === v) && hasWords(c.text, ["bridge"]));
  assert.ok(both.length > 0);
  assert.deepEqual(ids((await r.searchClaims({ fused: [v], words: ["bridge"], limit: 100000, offset: 0 })).items), ids(both), `${what}: entity and words`);
  return checked;
}

eachBackend("claims by entity and by words come from their indexes, and are those the claims' own entities and words select", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  try {
    assert.equal((await ingestFiles(s, corpus(), { progress: "none" })).failed.length, 0);
    assert.ok((await s.snapshot((r) => check(r, be.name))) > 50);
  } finally {
    await s.close();
  }
  if (be.name === "PostgreSQL")
    assert.equal(
      await be.n(spec, "SELECT count(*) AS n FROM claims c LEFT JOIN claims_search cs ON cs.id = c.id WHERE cs.status IS DISTINCT FROM c.status"),
      0,
      "every claim's words are kept with its status",
    );
}, { timeout: 300000 });

eachBackend("a ledger written before the claims' indexes gets them when opened, and answers the same", async (be) => {
  if (be.name !== "SQLite") return; // (the migration's SQL is the same on both; the older ledger is made by hand here)
  const file = await be.ledger();
  const s = await openStore(file);
  assert.equal((await ingestFiles(s, corpus(), { progress: "none" })).failed.length, 0);
  await s.close();
  // as schema 7 left it: no claim_entities, no index of the claims' words
  const db = new Database(file);
  // (and none of the later schemas' tables)
  db.exec(`DROP TABLE claim_entities; DROP TABLE claims_fts; DELETE FROM fusion_state WHERE kind = 'claim-words'; DROP TABLE claim_facets;
    CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2', detail=none);`);
  withoutFusionWords(db);
  db.pragma("user_version = 7");
  db.close();
  const again = await openStore(file);
  try {
    assert.ok((await again.snapshot((r) => check(r, "migrated"))) > 50);
    assert.equal(await be.n(file, "SELECT count(*) AS n FROM fusion_state WHERE kind = 'claim-words'"), 0, "the words are all indexed");
  } finally {
    await again.close();
  }
}, { timeout: 300000 });
