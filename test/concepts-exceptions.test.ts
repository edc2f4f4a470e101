import { test } from "node:test";
import assert from "node:assert/strict";
import { conceptsOf } from "../src/ledger/concepts.js";

const said = (text: string, lang: "en" | "nl") => conceptsOf(text, lang).map((h) => (h.neg ? "!" : "") + h.concept);

// A Dutch compound head reads a compound's meaning ("gaslek" is a leak), but a word that only ends like it
// is another word ("uitgaansplek" is a place); "bekende" is "confessed" only with what was confessed after it.
test("concepts: a word that only looks like a concept's says nothing of it", () => {
  assert.deepEqual(said("Het is een hele bekende uitgaansplek.", "nl"), []);
  assert.deepEqual(said("Op die plek werden drie plekken afgezet.", "nl").filter((k) => k === "v:leak"), []);
  assert.ok(said("Bij Bornholm is een nieuw gaslek ontdekt.", "nl").includes("v:leak"));
  assert.ok(said("Er is een olielek gevonden.", "nl").includes("v:leak"));
  assert.ok(said("De verdachte bekende de aanslag tijdens het verhoor.", "nl").includes("v:plead-guilty"));
  assert.ok(said("Twee van de vier mannen hebben schuldig bekend.", "nl").includes("v:plead-guilty"));
});

// What a thing is for is nobody's doing: "worden gebruikt om gas te vervoeren" shares no word of doing with
// "causing large-scale ruptures" (the class of doing, v:use/v:cause, once fused the two), while "used by the
// army" still is a use.
test("concepts: a purpose ('used to', 'gebruikt om') is not a use by anyone", () => {
  const nl = said("De leidingen liggen in de Noordzee en worden gebruikt om gas naar Duitsland te vervoeren.", "nl");
  assert.ok(nl.includes("v:serve") && !nl.includes("v:use"), nl.join(","));
  const en = said("The pipelines are used to carry gas from Norway to Germany.", "en");
  assert.ok(en.includes("v:serve") && !en.includes("v:use"), en.join(","));
  assert.ok(said("The drones were used by the army against the depot.", "en").includes("v:use"));
  assert.ok(said("Volgens de krant zijn er drones ingezet door het leger.", "nl").includes("v:use"));
});
