import { test } from "node:test";
import assert from "node:assert/strict";
import { fold } from "../src/ledger/features.js";

// The folding as it is defined: decomposed, marks stripped, lower-cased. Text beyond ASCII only by quotes
// and dashes is lower-cased without decomposing it, and must fold to the same.
const byDefinition = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();

test("fold: quotes, dashes and accents fold as decomposing and stripping marks would", () => {
  const texts = [
    "“We hebben niets met de aanslag te maken”, zei een woordvoerder van het ministerie – dinsdag.",
    "The ministry’s account — “a fabrication” — was rejected by Kyiv…",
    "Volgens de Oekraïense minister is de pijpleiding in België beschadigd.",
    "Le député a déclaré à l’AFP que « l’explosion » n’était pas accidentelle.",
    // a combining accent after the letter it marks, as some feeds write it
    "President Orba\u0301n ontkende het bericht “in alle toonaarden”.",
    // decomposition maps this space to another one: such text is decomposed, never only lower-cased
    "Two\u2000dams collapsed “overnight”",
    "İstanbul’s governor said the fire was out",
    // a letter beyond the first plane, written as two units
    "Het bericht 𝐁𝐑𝐄𝐊𝐄𝐍𝐃 ging rond – “nep”, aldus de politie",
  ];
  for (const t of texts) assert.equal(fold(t), byDefinition(t), t);
  // asked again, and one word at a time as the lexicon folds words
  for (const t of texts) assert.equal(fold(t), byDefinition(t), t);
  for (const w of texts.join(" ").split(/\s+/)) assert.equal(fold(w), byDefinition(w), w);
  assert.equal(fold("Two\u2000dams"), "two\u2002dams");
});
