import { test } from "node:test";
import assert from "node:assert/strict";
import { capitalTokens, conceptTokens } from "../src/ledger/concepts.js";

const words = (text: string) => conceptTokens(text).map((t) => `${t.w}@${t.start}-${t.end}`);

// Plain ASCII words are read by their character codes and the rest by the expression: a word that an
// apostrophe, a letter beyond ASCII or a combining mark goes on with must still be read as one word, and
// every offset must be the text's.
test("concept tokens: ASCII words beside apostrophes, accents and marks keep their reading and offsets", () => {
  assert.deepEqual(words("Moscow didn't confirm Ukraine's claim."), ["moscow@0-6", "did@7-10", "not@10-13", "confirm@14-21", "ukraine@22-29", "claim@32-37"]);
  assert.deepEqual(words("Russia’s navy"), ["russia@0-6", "navy@9-13"]);
  assert.deepEqual(words("Kyiv's 1,200 troops (COVID-19)"), ["kyiv@0-4", "1@7-8", "200@9-12", "troops@13-19", "covid@21-26", "19@27-29"]);
  assert.deepEqual(words("Zo'n twintig Oekraïners vluchtten naar Polen."), ["zo@0-4", "n@0-4", "twintig@5-12", "oekrainers@13-23", "vluchtten@24-33", "naar@34-38", "polen@39-44"]);
  // a combining accent after ASCII letters belongs to the word ("Orbán" written with U+0301)
  assert.deepEqual(words("Orba\u0301n zei “nee”…"), ["orban@0-6", "zei@7-10", "nee@12-15"]);
  assert.deepEqual(words("De NAVO-top in Vilnius"), ["de@0-2", "navo@3-7", "top@8-11", "in@12-14", "vilnius@15-22"]);
  // the text as written stays in raw
  assert.deepEqual(conceptTokens("BBC News").map((t) => t.raw), ["BBC", "News"]);
});

// A report's capitalised words (where a country is named) read without the rest: the same words, with the
// same offsets, as reading every word and keeping those that begin with a capital.
test("capital tokens: the words of conceptTokens that begin with a capital", () => {
  const texts = [
    "Moscow didn't confirm Ukraine's claim that Russian missiles hit the depot near Lviv.",
    "Zo'n twintig Oekraïners vluchtten naar Polen; de Poolse grenswacht bevestigde dat.",
    "Île-de-France’s prefect said Ukraine's and Belgium's envoys met in Brussels (AFP).",
    "Orba\u0301n zei “nee” tegen Brussel, ÉÉN dag na de top in Vilnius. 'Nee', herhaalde hij.",
    "no capital here, only small words and 1,200 figures",
  ];
  for (const t of texts) {
    const want = conceptTokens(t).filter((x) => /^\p{Lu}/u.test(x.raw));
    assert.deepEqual(capitalTokens(t), want, t);
  }
  assert.deepEqual(capitalTokens("Moscow didn't confirm Ukraine's claim").map((x) => x.w), ["moscow", "ukraine"]);
});

// Words of ASCII letters and digits are numbered as they are met (a word's reading is kept by its number):
// one folded word, one number, however it is written and in whichever text; a long word too (its string
// made of its own codes); and each still reads as the text has it.
test("concept tokens: the same folded word has the same id in every text", () => {
  const a = conceptTokens("Missile strikes hit Kharkiv; the MISSILE came from Belgorod, counterintelligence said.");
  const b = conceptTokens("A missile, said Counterintelligence officials, hit nothing in 2023.");
  const id = (ts: readonly { w: string; id: number }[], w: string) => ts.filter((t) => t.w === w).map((t) => t.id);
  const [m1, m2] = id(a, "missile");
  assert.ok(m1! >= 0);
  assert.equal(m2, m1);
  assert.deepEqual(id(b, "missile"), [m1]);
  assert.deepEqual(id(b, "counterintelligence"), id(a, "counterintelligence"));
  assert.equal(new Set(a.map((t) => t.id)).size, new Set(a.map((t) => t.w)).size);
  assert.deepEqual(
    b.map((t) => t.raw),
    ["A", "missile", "said", "Counterintelligence", "officials", "hit", "nothing", "in", "2023"],
  );
  assert.equal(b[3]!.w, "counterintelligence");
  // words beyond ASCII or beside an apostrophe are read by the expression, and have no id
  assert.deepEqual(conceptTokens("Oekraïners didn't").map((t) => t.id), [-1, -1, -1]);
});

test("concept tokens: a word far longer than any word of a language is one token, read without an id", () => {
  // a base64 blob or a key pasted into a report: one run of ASCII letters of half a million characters
  const word = "Q" + "x".repeat(500_000);
  const toks = conceptTokens(`Police said ${word} was killed.`);
  const long = toks.find((t) => t.start === 12)!;
  assert.equal(long.end, 12 + word.length);
  assert.equal(long.w, word.toLowerCase());
  assert.equal(long.id, -1);
  assert.deepEqual(toks.map((t) => t.w).filter((w) => w.length < 10), ["police", "said", "was", "killed"]);
});
