import { test } from "node:test";
import assert from "node:assert/strict";
import { claimFeatures, featuresOf } from "../src/ledger/features.js";

// featuresOf remembers what it read by the claim's text (and language), not by the claim object: the same
// features as reading the text afresh, whichever object carries the text and whichever language asks.
const claims = [
  { lang: "nl" as const, text: "De regering in Kyiv ontkent elke betrokkenheid bij de aanslag op de pijpleiding." },
  { lang: "nl" as const, text: "Het leger zegt dat de verdachte van de schietpartij nog steeds voortvluchtig is." },
  { lang: "en" as const, text: "Moscow denied any involvement in the strike on the fuel depot." },
  { lang: "en" as const, text: "The suspected gunman is still at large, police in Antwerp said." },
];

test("a claim's features are those of its text, asked again or by another object with the same text", () => {
  for (const c of claims) {
    const want = claimFeatures(c.text, c.lang);
    assert.ok(Object.keys(want).length > 0, `${c.text} has features`);
    assert.deepEqual(featuresOf(c, c.lang), want);
    assert.deepEqual(featuresOf({ text: c.text }, c.lang), want);
    assert.deepEqual(featuresOf(c, c.lang), want);
  }
});

test("the same claim asked in the other language gets that language's features", () => {
  for (const c of claims) {
    const other = c.lang === "nl" ? "en" : "nl";
    featuresOf(c, c.lang);
    assert.deepEqual(featuresOf(c, other), claimFeatures(c.text, other));
    assert.deepEqual(featuresOf(c, c.lang), claimFeatures(c.text, c.lang));
  }
});

test("a claim whose text was changed is read again", () => {
  const c = { text: claims[0]!.text };
  assert.deepEqual(featuresOf(c, "nl"), claimFeatures(claims[0]!.text, "nl"));
  c.text = "Het leger zegt dat de verdachte van de schietpartij is opgepakt in Gent.";
  assert.deepEqual(featuresOf(c, "nl"), claimFeatures(c.text, "nl"));
});

test("many claims read in turn (more than the memo holds) keep their own features", () => {
  const texts: string[] = [];
  for (let i = 0; i < 4000; i++) texts.push(`${claims[i % 4]!.text} (bericht ${i} van de persdienst, bijgewerkt om ${i % 24} uur)`);
  const got = texts.map((t, i) => featuresOf({ text: t }, claims[i % 4]!.lang));
  texts.forEach((t, i) => assert.deepEqual(featuresOf({ text: t }, claims[i % 4]!.lang), got[i]));
  texts.forEach((t, i) => assert.deepEqual(got[i], claimFeatures(t, claims[i % 4]!.lang)));
});
