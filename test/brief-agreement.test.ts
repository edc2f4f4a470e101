// The English briefing's verbs agree with the speaker they follow: "Ukrainian officials deny", "Russia denies".
import { test } from "node:test";
import assert from "node:assert/strict";
import { brief } from "../src/lang/en/brief.js";

test("a speaker named by a plural noun takes a plural verb; a country or an agency whose name ends in s does not", () => {
  assert.equal(brief.denial("Ukrainian officials", "Vladimir Putin", "theme"), "Ukrainian officials deny involvement; Vladimir Putin says otherwise.");
  assert.equal(brief.denial("Russia", "local authorities", "counter"), "Russia denies it; local authorities argue otherwise.");
  assert.equal(brief.denial("the police", "Reuters", "backRef"), "the police reject what Reuters says.");
  assert.equal(brief.denial("United States", "Iranian state media", "theme"), "United States denies involvement; Iranian state media say otherwise.");
  assert.equal(brief.denies("Russia, Belarus"), "Russia, Belarus deny:");
  assert.equal(brief.denies("The Associated Press"), "The Associated Press denies:");
  assert.equal(brief.deniesSaying("Ministry officials", "Harbour Daily"), "Ministry officials deny having said it; Harbour Daily reports otherwise.");
});
