// How sure (SPEC §4): reporting verbs and hedges by their scope, in sentences written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Claim, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segment } from "../src/pipeline/segment/index.js";
import { entities } from "../src/pipeline/entities/index.js";
import { times } from "../src/pipeline/times/index.js";
import { claims } from "../src/pipeline/claims/index.js";

function run(text: string, lang: Lang): Doc {
  const doc = new Doc(text, { id: "d1", published: "2024-03-05T12:00:00+01:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const ctx = { lang: langPack(lang) };
  for (const stage of [segment, entities, times, claims]) stage(doc, ctx);
  return doc;
}
const only = (text: string, lang: Lang) => {
  const d = run(text, lang);
  assert.equal(d.claims.length, 1, d.claims.map((c) => c.text).join(" | "));
  return d.claims[0]!;
};
const reading = (c: Claim) => [c.status, c.source?.name ?? null, c.cue?.text ?? null] as const;

test("Dutch reporting verbs that take their content with als, over or toe", () => {
  assert.deepEqual(reading(only("Het Rode Kruis spreekt over zeker 250 doden.", "nl")), ["claimed", "Rode Kruis", "spreekt over"]);
  assert.deepEqual(reading(only("De premier beschouwt de aanval als een oorlogsdaad.", "nl")), ["claimed", "premier", "beschouwt de aanval als"]);
  assert.deepEqual(reading(only("De minister wijst de rebellen aan als daders.", "nl")), ["claimed", "minister", "wijst de rebellen aan als"]);
  assert.deepEqual(reading(only("De minister voegde eraan toe dat de grens dicht blijft.", "nl")), ["claimed", "minister", "voegde eraan toe"]);
});

test("English reporting verbs: putting a figure, naming, describing", () => {
  assert.deepEqual(reading(only("The president put the death toll at 85.", "en")), ["claimed", "president", "put the death toll at"]);
  assert.deepEqual(reading(only("Local media named the suspect as a 45-year-old man.", "en")), ["claimed", "Local media", "named the suspect as"]);
});

test("an act is no report: erkend, warned the public, charged the men, said nothing", () => {
  assert.deepEqual(reading(only("De internationaal erkende regering zetelt in Tripoli.", "nl")), ["established", null, null]);
  assert.deepEqual(reading(only("Poetin zei in zijn toespraak niets over de claim.", "nl")), ["established", null, null]);
  assert.deepEqual(reading(only("Hij zei dat er niets gestolen was.", "nl")).slice(0, 2), ["claimed", "Hij"]);
  assert.deepEqual(reading(only("Officials warned the public about the storm.", "en")), ["established", null, null]);
  assert.deepEqual(reading(only("Officials warned that the storm would hit the coast.", "en")).slice(0, 2), ["claimed", "Officials"]);
  assert.deepEqual(reading(only("The court charged the men with terrorism.", "en")), ["established", null, null]);
  assert.deepEqual(reading(only("Police shot dead a man accused of killing two fans.", "en")), ["established", null, null]);
});

test("hedges by scope", () => {
  assert.deepEqual(reading(only("Die aantallen kunnen nog verder oplopen.", "nl")).slice(0, 2), ["possible", null]);
  assert.deepEqual(reading(only("Er wordt verwacht dat de schade groter is.", "nl")).slice(0, 2), ["probable", null]);
  assert.deepEqual(reading(only("De ramp is hoogstwaarschijnlijk veroorzaakt door een lek.", "nl")), ["probable", null, "hoogstwaarschijnlijk"]);
  // certainty, not a hedge
  assert.deepEqual(reading(only("Volgens de directeur is er geen twijfel over mogelijk dat het explosies waren.", "nl")).slice(0, 2), ["claimed", "directeur"]);
  assert.deepEqual(reading(only("The men appeared in court on Sunday.", "en")), ["established", null, null]);
  assert.deepEqual(reading(only("The men appeared to be armed.", "en")).slice(0, 2), ["probable", null]);
  assert.deepEqual(reading(only("The suspects are all believed to be local.", "en")).slice(0, 2), ["probable", null]);
  assert.deepEqual(reading(only("Engineers said the drop could only be caused by a leak.", "en")).slice(0, 2), ["claimed", "Engineers"]);
});

test("denials and reports named by a noun", () => {
  const d = run("The rebels claimed the attack, despite denials from the army that it fired the rocket.", "en");
  const c = d.claims.find((x) => x.text.startsWith("despite"))!;
  assert.deepEqual([c.text, ...reading(c)], ["despite denials from the army that it fired the rocket", "denied", "army", "denials from"]);
  assert.deepEqual(reading(only("There were reports by local media that the suspect fled.", "en")).slice(0, 2), ["claimed", "local media"]);
});

test("a version called a lie, untrue or nonsense is denied; a false alarm is not", () => {
  assert.equal(only("The lawyer of the two men said that version is a lie.", "en").status, "denied");
  assert.equal(only("The company said the reports were untrue.", "en").status, "denied");
  assert.equal(only("It was a false alarm, the fire brigade said.", "en").status, "claimed");
  assert.equal(only('The mayor said the police account was "once again a lie from the city hall".', "en").status, "denied");
  assert.notEqual(only("The documentary was about the lies that the regime told.", "en").status, "denied");
  assert.equal(only("Volgens hun advocaat is dat verhaal een leugen.", "nl").status, "denied");
  assert.equal(only("Dat is gelogen, zegt de burgemeester.", "nl").status, "denied");
  assert.equal(only("De burgemeester zegt dat het gemaal een leugen in stand hield.", "nl").status, "claimed");
});
