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
