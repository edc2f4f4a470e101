import { test } from "node:test";
import assert from "node:assert/strict";
import { blockContext, fuseReports } from "../src/ledger/fusion.js";
import { findDisputes, findDisputesIn } from "../src/ledger/disputes.js";
import { entityRecords, fuseEntities } from "../src/ledger/entityfusion.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// A ledger's block as a wire story makes it: a dam burst near Kherson told in English and Dutch, each
// report copied by several outlets hours apart. Copies of one statement are many pairs of one dispute
// (at most a few kept per point), a denial answers accusations in other reports, tolls rise and differ.
const STORY: TestReport[] = [
  {
    source: "River Courier",
    published: "2025-09-02T07:00:00+00:00",
    lang: "en",
    text:
      "A dam on the Ingulets river near Kherson burst on Tuesday morning, killing at least nine people, the regional governor said.\n\n" +
      "Ukraine's interior ministry accused Russia of blowing up the dam. Moscow denied any involvement in the blast.\n\n" +
      "About 40 people are still missing, rescuers said.\n",
  },
  {
    source: "Steppe Wire",
    published: "2025-09-02T08:30:00+00:00",
    lang: "en",
    text:
      "Five people were killed when the dam near Kherson gave way, the mayor of Kherson said.\n\n" +
      "The Kremlin said Ukrainian saboteurs had planted the explosives.\n",
  },
  {
    source: "Delta Dagblad",
    published: "2025-09-02T19:00:00+02:00",
    lang: "nl",
    text:
      "Bij de doorbraak van een stuwdam bij Cherson zijn inmiddels zeventien mensen omgekomen, meldt de gouverneur.\n\n" +
      "Het Oekraïense ministerie van Binnenlandse Zaken zegt dat de dam door Rusland is opgeblazen. Rusland ontkent elke betrokkenheid.\n",
  },
  {
    source: "Polderpost",
    published: "2025-09-03T09:00:00+02:00",
    lang: "nl",
    text: "Het dodental van de dambreuk bij Cherson is gestegen tot 23, zegt de Oekraïense noodhulpdienst. Nog zestig mensen worden vermist.\n",
  },
];

/** Each report as several outlets carry it, an hour apart: the block of one incident of a wire story. */
function copies(n: number): TestReport[] {
  const out: TestReport[] = [];
  for (let k = 0; k < n; k++)
    for (const r of STORY) out.push({ ...r, source: `${r.source} ${k + 1}`, published: new Date(Date.parse(r.published) + k * 3600e3).toISOString() });
  return out;
}

test("a block's disputes in two languages at once are each language's disputes made alone, whatever order the claims come in", () => {
  const ds = pipelineDocs(copies(6));
  const f = fuseReports(ds);
  const en = blockContext(f.entities, "en"), nl = blockContext(f.entities, "nl");
  const block = f.claims.filter((c) => f.incidents.get(c.doc) === f.incidents.get("d1"));
  assert.ok(block.length > 60, `a block of copies (${block.length} claims)`);
  const both = findDisputesIn(block, [en, nl], { scope: "ledger" });
  const alone = [findDisputes(block, blockContext(f.entities, "en"), { scope: "ledger" }), findDisputes(block, blockContext(f.entities, "nl"), { scope: "ledger" })];
  assert.deepEqual(both, alone);
  assert.deepEqual(findDisputesIn([...block].reverse(), [en, nl], { scope: "ledger" }), both);
  // the rules found what the story holds, in either language's names
  const types = new Set(both[0]!.map((d) => d.type));
  for (const t of ["figures", "denial"]) assert.ok(types.has(t as never), `a ${t} dispute`);
  assert.notDeepEqual(both[0]!.map((d) => d.reason), both[1]!.map((d) => d.reason), "the reasons name speakers in each language");
  assert.deepEqual(both[0]!.map((d) => [d.claims, d.type, d.detail]), both[1]!.map((d) => [d.claims, d.type, d.detail]));
});

test("a block's disputes do not depend on where a denial's accusers sit among the claims naming the party", () => {
  const ds = pipelineDocs(copies(3));
  const f = fuseReports(ds);
  const block = f.claims.filter((c) => f.incidents.get(c.doc) === f.incidents.get("d1"));
  const ctx = blockContext(f.entities, "en");
  const all = findDisputes(block, ctx, { scope: "ledger" });
  // a denial in one report answers the accusation of another report (across reports)
  const denials = all.filter((d) => d.type === "denial" && d.claims[0]!.split("/")[0] !== d.claims[1]!.split("/")[0]);
  assert.ok(denials.length > 0, "denials across reports");
  // each report alone: only its own pairs, the same as the ledger finds inside that report
  for (const doc of ["d1", "d3"]) {
    const own = findDisputes(block.filter((c) => c.doc === doc), ctx, { scope: "report" });
    const inLedger = all.filter((d) => d.claims.every((id) => id.startsWith(`${doc}/`)));
    assert.deepEqual(own.map((d) => [d.claims, d.type]), inLedger.map((d) => [d.claims, d.type]));
  }
});

test("entity clusters are the same for any order of the records and for a record given twice", () => {
  const ds = pipelineDocs(copies(2));
  const records = ds.flatMap((d) => entityRecords(d));
  const show = (f: ReturnType<typeof fuseEntities>) =>
    f.clusters.map((c) => [c.key, c.records.map((r) => r.id), [...c.keys].sort(), c.name("en"), c.name("nl"), c.country ?? "", c.government ?? ""]);
  const f = fuseEntities(records);
  assert.deepEqual(show(fuseEntities([...records].reverse())), show(f));
  // Russia of every report, in either language, is one party
  assert.ok(f.clusters.some((c) => c.records.length >= 4 && c.country === "RU"), "Russia as one cluster across reports and languages");
  const twice = fuseEntities([...records, ...records.slice(0, 5)]);
  assert.deepEqual(twice.clusters.map((c) => c.key), f.clusters.map((c) => c.key));
  for (const r of records) assert.equal(f.clusterOf.get(r.id)?.key, twice.clusterOf.get(r.id)?.key);
});
