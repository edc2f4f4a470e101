import { test } from "node:test";
import assert from "node:assert/strict";
import { reportFusion, blockContext } from "../src/ledger/fusion.js";
import { findDisputes } from "../src/ledger/disputes.js";
import { blockGroups, fuseBlock } from "../src/ledger/propositions.js";
import { fuseEntities } from "../src/ledger/entityfusion.js";
import type { FusionClaim } from "../src/ledger/claimkeys.js";
import { ClaimColumns, shingleView } from "../src/ledger/claimcolumns.js";
import { shapedClaims, storedFusion } from "../src/ledger/stored.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for these tests: a blast at a chemical depot in the port of Antwerp, told in Dutch and
// English, an agency's copy carried by two outlets, a toll that rises, and the operator's denial.
const DEPOT: TestReport[] = [
  {
    source: "Scheldebode",
    published: "2025-03-04T07:30:00+01:00",
    lang: "nl",
    text:
      "Bij een explosie in een opslagplaats voor chemicaliën in de haven van Antwerpen zijn maandagavond zeker twee mensen om het leven gekomen. Dat meldt de brandweer.\n\n" +
      "Volgens de burgemeester van Antwerpen zijn vijftien arbeiders naar het ziekenhuis gebracht. De uitbater ontkent dat de veiligheidskleppen waren afgesloten.\n",
  },
  {
    source: "Port Herald (AFP)",
    published: "2025-03-04T09:00:00+00:00",
    lang: "en",
    text:
      "At least four people were killed when an explosion tore through a chemical depot in the port of Antwerp on Monday evening, the fire service said.\n\n" +
      "\"The blast shook windows across the docks,\" a worker told reporters. The operator denied that the safety valves had been shut.\n",
  },
  {
    source: "Channel Gazette (AFP)",
    published: "2025-03-04T09:25:00+00:00",
    lang: "en",
    text:
      "At least four people were killed when an explosion tore through a chemical depot in the port of Antwerp on Monday evening, the fire service said.\n\n" +
      "\"The blast shook windows across the docks,\" a worker told reporters. The operator denied that the safety valves had been shut.\n",
  },
  {
    source: "Avondkrant",
    published: "2025-03-04T20:00:00+01:00",
    lang: "nl",
    text:
      "Het dodental van de explosie in de Antwerpse haven is opgelopen tot zes, meldt de brandweer. Eerder ging het om twee doden.\n\n" +
      "Het parket stelt een onderzoek in. Volgens arbeiders waren de veiligheidskleppen wel degelijk afgesloten.\n",
  },
];

function block() {
  const docs = pipelineDocs(DEPOT);
  const records = docs.map(reportFusion);
  const made = records.flatMap((r) => r.claims);
  const columns = new ClaimColumns();
  // as the extract's spool gives them back: parsed from JSON
  const views = records.flatMap((r) => columns.add(JSON.parse(JSON.stringify(r.claims)) as FusionClaim[]));
  columns.seal();
  const ctx = blockContext(fuseEntities(records.flatMap((r) => r.entities)));
  return { docs, made, views, ctx };
}

test("a block's claims held in columns give their shingles as views of the packed hashes, equal to the claims' own, and the same propositions", () => {
  const { docs, made, views, ctx } = block();
  assert.ok(made.length > 8);
  views.forEach((v, i) => {
    const view = shingleView(v);
    // (a view into the one array of hashes: no list made for the claim)
    assert.ok(!Array.isArray(view), "a view, not a list");
    assert.deepEqual(Array.from(view), made[i]!.shingles);
    assert.ok(made[i]!.shingles.length > 0);
  });
  // a plain claim's shingles are its own list
  assert.equal(shingleView(made[0]!), made[0]!.shingles);
  // a ledger's records keep the words the shingles were made of: worked out when asked, the same numbers
  const ledger = new ClaimColumns();
  const stored = docs.flatMap((d) => ledger.add(shapedClaims(JSON.parse(JSON.stringify(storedFusion(d))), d.meta.id)!));
  ledger.seal();
  assert.deepEqual(stored.map((c) => Array.from(shingleView(c))), made.map((c) => c.shingles));
  // the agency's copy carried by two outlets is one origin, read from the views as from the lists
  const disputes = findDisputes(made, ctx, { scope: "ledger" });
  const apart = disputes.filter((d) => d.detail.denier !== undefined).map((d) => d.claims);
  const plain = fuseBlock(made, ctx, apart);
  assert.deepEqual(fuseBlock(views, ctx, apart), plain);
  assert.deepEqual(fuseBlock(stored, ctx, apart), plain);
  const copy = plain.find((p) => p.text.startsWith("At least four people"));
  assert.ok(copy, "the agency's sentence is a proposition");
  assert.ok(copy.reports >= 2);
  assert.ok(copy.independent < copy.reports, `${copy.independent} origins of ${copy.reports} reports`);
});
