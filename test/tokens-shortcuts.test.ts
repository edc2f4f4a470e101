import { test } from "node:test";
import assert from "node:assert/strict";
import type { Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { lowerCase, lowerTokens, tokenize, tokenizeByExpression } from "../src/pipeline/segment/tokens.js";

// The tokeniser reads plain words, single marks and plain digit runs without its regular expression; these
// texts (our own, both languages) put every shortcut next to what must still go to the expression: numbers
// with separators, clock times, hyphenated and glued numbers, ellipses, elisions, dotted abbreviations.
const NL =
  "Bij de aanval op de kazerne in Dnipro (oblast Dnipropetrovsk) vielen dinsdag 12 doden en 3.500 mensen sloegen op de vlucht, " +
  "meldt gouverneur Serhij Lysak om 14:30 uur. De 24-jarige dader had 2,5 kilo springstof bij zich... Volgens o.a. de politie " +
  "waren er 's nachts al 10km files; 't was 'n chaos! Zie ook art. 12, lid 3. Het dodental steeg tot 17 [bron: NOS] {bijgewerkt} " +
  "2023/24 en 1.5 of 1,5? Er vielen 7-8 doden; 40% van de 1200 inwoners vluchtte… In 2022. Tel: 06-12345678.\n\n(ANP)\n";
const EN =
  "Russian forces shelled Kherson on Tuesday, killing 9 people and wounding 21, regional governor Oleksandr Prokudin said at 9:15 a.m. " +
  "The U.S. embassy said 1,200 Americans had left; the 2nd convoy arrived at 10pm. Officials said it's the worst attack since 2022... " +
  "A 72-year-old woman was among the dead (the ministry's count was 11). Costs rose 3.5% to $4.2bn - or 4 200 million - by Friday: " +
  "no one knew. Figures: 5, 6, 7. Call 555-0199 or see pages 12-14/15! Was it 3:2? Yes, 3.\n";

for (const [lang, text] of [["nl", NL], ["en", EN]] as [Lang, string][]) {
  test(`the tokeniser's shortcuts read the same tokens as its expression (${lang})`, () => {
    const lex = langPack(lang).segment;
    assert.deepEqual(tokenize(text, lex), tokenizeByExpression(text, lex));
    // line by line too: the segmenter tokenises a line at a time
    let from = 0;
    for (const line of text.split("\n")) {
      const to = from + line.length;
      assert.deepEqual(tokenize(text, lex, from, to), tokenizeByExpression(text, lex, from, to));
      from = to + 1;
    }
  });
}

test("digit runs: plain ones are numbers, glued or separated ones go on as the expression reads them", () => {
  const lex = langPack("nl").segment;
  const read = (s: string) => tokenize(s, lex).map((t) => `${t.text}/${t.kind}`);
  assert.deepEqual(read("12 doden, 3.500 vluchtelingen en 24-jarige 10km 14:30."), [
    "12/number", "doden/word", ",/punct", "3.500/number", "vluchtelingen/word", "en/word", "24-jarige/word", "10km/word", "14:30/number", "./punct",
  ]);
  assert.deepEqual(read("In 2022. Of 7-8? Nee: 3."), ["In/word", "2022/number", "./punct", "Of/word", "7-8/word", "?/punct", "Nee/word", ":/punct", "3/number", "./punct"]);
  // a range that ends inside a glued word: the expression's word, cut at the range
  assert.deepEqual(tokenize("12abc", lex, 0, 2).map((t) => `${t.text}/${t.kind}`), ["12/word"]);
});

test("lower-case forms: every token's equals toLowerCase, words beyond ASCII and capitals included", () => {
  for (const [lang, text] of [["nl", NL], ["en", EN]] as [Lang, string][]) {
    const toks = tokenize(text + " Oekraïense ÖBB Ærø İzmir Σοφία café’s", langPack(lang).segment);
    const low = lowerTokens(toks);
    assert.equal(low.length, toks.length);
    toks.forEach((t, i) => assert.equal(low[i], t.text.toLowerCase()));
    // made once per tokenisation
    assert.equal(lowerTokens(toks), low);
  }
  for (const w of ["kazerne", "Kazerne", "NAVO-top", "o.a.", "12", "", "ÉÉN", "één", "İ", "ǅ", "inlichtingendiensten", "Inlichtingendiensten"]) assert.equal(lowerCase(w), w.toLowerCase());
});
