import { test } from "node:test";
import assert from "node:assert/strict";
import { countryWords, textShingles } from "../src/ledger/claimkeys.js";
import { conceptTokens, conceptWords, type ConceptToken } from "../src/ledger/concepts.js";

// Claim keys read some things of a word by its intern id (`ConceptToken.id`) rather than by its string: the
// country a capitalised word names, and the hash state a shingle's first word leaves. Read either way, a
// word gives the same.

/** FNV-1a of a string's UTF-16 units: the shingle of words a and b is that of `${a} ${b}`. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

test("a text's shingles are the hashes of its word pairs, sorted and distinct, whether its words have intern ids or not", () => {
  // ASCII words have ids, "Zoë" and "café" none; words repeat, so heads are read again from what was kept
  const text = "Zoë said the café near the port was hit, and the port was closed; the café was not";
  assert.ok(conceptTokens(text).some((t) => t.id < 0) && conceptTokens(text).some((t) => t.id >= 0));
  const words = conceptWords(text);
  const want = [...new Set(words.slice(1).map((w, i) => fnv(`${words[i]} ${w}`)))].sort((a, b) => a - b);
  for (let round = 0; round < 2; round++) assert.deepEqual(textShingles(text), want);
  assert.deepEqual(textShingles("one"), []);
});

test("a capitalised country name names its country read by its intern id as by its string", () => {
  for (const [text, lang] of [["Drones hit Ukraine and Poland overnight", "en"], ["Rusland viel Oekraïne aan, meldt Polen", "nl"]] as const) {
    const tokens = conceptTokens(text);
    const byId = countryWords(tokens, lang);
    // the same words without ids are read by their strings
    const plain: ConceptToken[] = tokens.map((t) => ({ w: t.w, raw: t.raw, start: t.start, end: t.end, id: -1 }));
    assert.deepEqual(byId, countryWords(plain, lang));
    assert.ok(byId.some((x) => x?.name), text);
    // asked again (the country kept by id)
    assert.deepEqual(countryWords(tokens, lang), byId);
  }
});
