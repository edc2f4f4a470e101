import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type DocMeta } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import { fusionClaims } from "../src/ledger/claimkeys.js";
import { reportFusion } from "../src/ledger/fusion.js";

// The contradictions stage works out the fusion keys of the claims it reads and hands them over to the
// report's fusion record: the record is what working every claim out afresh gives, and those keys are not
// worked out a second time.
const text = [
  "Bij een explosie in een fabriek in Gent zijn dinsdagochtend drie mensen om het leven gekomen, meldt de brandweer.",
  "Volgens burgemeester Mathias De Clercq raakten zeker twaalf werknemers gewond.",
  "Het bedrijf ontkent dat er eerder problemen waren met de installatie.",
  "De politie zegt dat er vier doden zijn gevallen.",
  "",
  "Het parket onderzoekt de oorzaak van de ontploffing. Omwonenden hoorden rond acht uur een harde knal.",
].join("\n");
const meta: DocMeta = { id: "d1", published: "2024-05-14T11:00:00+02:00", publishedFrom: "flag", language: "nl", languageFrom: "flag", source: "Testkrant" };

test("the fusion record of an extracted report takes the keys the contradictions stage worked out, and is as worked out afresh", () => {
  const doc = new Doc(text, { ...meta });
  runPipeline(doc);
  const record = reportFusion(doc);
  const fresh = new Doc(text, { ...meta });
  runPipeline(fresh);
  // a second call works every claim out again: nothing is taken twice
  assert.deepEqual(record.claims, fusionClaims(fresh));
  assert.deepEqual(record.claims, fusionClaims(doc));
  assert.ok(record.claims.length >= 4);
});

test("keys handed over are taken once, by the next call for every claim of the report", () => {
  const doc = new Doc(text, { ...meta });
  runPipeline(doc);
  // (the stage has handed its keys over: the record takes them)
  reportFusion(doc);
  const some = (c: { status: string }) => c.status !== "denied";
  const given = fusionClaims(doc, { only: some, handOver: true });
  assert.ok(given.length >= 2);
  const all = fusionClaims(doc);
  for (const c of given) assert.ok(all.includes(c), `the keys of ${c.id} are those handed over`);
  assert.deepEqual(all.filter((c) => given.includes(c)).map((c) => c.id), given.map((c) => c.id));
  assert.ok(given.every((c) => c.shingles.length > 0), "handed over with their shingles");
  const again = fusionClaims(doc);
  assert.ok(!again.some((c) => given.includes(c)), "taken once");
  assert.deepEqual(again, all);
});

// The report's index (and the country it names most, read once from its whole text) goes over with the keys:
// a claim the stage did not read that names the country by a noun only takes it from that index.
test("a claim naming the report's country by a noun has the same keys whether the index was handed over or not", () => {
  const en = [
    "Floods swept through the coastal city of Tobruk in Libya on Sunday, killing at least 40 people, the civil defence said.",
    "Libyan officials denied that the dam had been neglected.",
    "The country has declared three days of mourning, the government said.",
    "Rescue teams from neighbouring countries arrived on Monday to help the country search for survivors.",
  ].join("\n\n");
  const m: DocMeta = { ...meta, language: "en", source: "Test Wire" };
  const doc = new Doc(en, { ...m });
  runPipeline(doc);
  const record = reportFusion(doc);
  const fresh = new Doc(en, { ...m });
  runPipeline(fresh);
  assert.deepEqual(record.claims, fusionClaims(fresh));
  assert.ok(record.claims.length >= 3);
});
