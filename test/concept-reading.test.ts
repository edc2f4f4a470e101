import { test } from "node:test";
import assert from "node:assert/strict";
import { conceptsOf } from "../src/ledger/concepts.js";

const read = (text: string, lang: "en" | "nl") => conceptsOf(text, lang).map((h) => `${h.neg ? "!" : ""}${h.concept}@${h.at}-${h.end}`);

// The reader looks each word up once for both what it may say and whether it is a negator. A negator that
// a phrase uses ("nothing to do", "niets … te maken") negates nothing else; one that no phrase uses negates
// the first thing said to happen after it, within the window; a compound says each of its parts, once each,
// and they are negated together.
test("concepts: negators beside phrases and compounds, in English", () => {
  assert.deepEqual(read("Russia did not launch the missile that killed two farmers near the border.", "en"), ["!v:launch@3-3", "n:missile@5-5", "v:kill@7-7", "n:border@12-12"]);
  assert.deepEqual(read("A spokesman in Kyiv said Ukraine had nothing to do with the attack on the pipeline.", "en"), ["!v:involve@7-9", "v:attack@12-12", "n:pipeline@15-15"]);
  assert.deepEqual(read("Police have not yet arrested anyone, and no group has claimed responsibility for the blast.", "en"), [
    "n:police@0-0",
    "!v:arrest@4-4",
    "!s:claim-responsibility@10-11",
    "v:explode@14-14",
  ]);
  assert.deepEqual(read("Neither of the pipelines was in operation when the explosions occurred.", "en"), ["n:pipeline@3-3", "!v:operate@5-6", "v:explode@9-9"]);
});

test("concepts: negators beside phrases and compounds, in Dutch", () => {
  assert.deepEqual(read("Een Oekraïense luchtafweerraket kwam neer op een boerderij in Przewodów.", "nl"), ["n:missile@2-2", "n:air-defence@2-2"]);
  // (the phrase's gap words are still read: the attack is said, not denied)
  assert.deepEqual(read("Het Kremlin zegt niets met de aanslag te maken te hebben.", "nl"), ["!v:involve@3-8", "v:attack@6-6", "v:attack@6-6"]);
  assert.deepEqual(read("De politie heeft nog niemand aangehouden en geen enkele groep eiste de aanslag op.", "nl"), [
    "n:police@1-1",
    "n:police@1-1",
    "v:arrest@5-5",
    "!s:claim-responsibility@10-13",
    "v:attack@12-12",
    "v:attack@12-12",
  ]);
  // a negator with nothing said after it in its window negates nothing
  assert.deepEqual(read("Rusland ontkent dat het de leidingen heeft opgeblazen, maar niet dat er gas lekt.", "nl"), ["n:pipeline@5-5", "v:explode@7-7", "n:gas@12-12", "n:gas@12-12"]);
  // the same words read again give the same hits (each word's reading is remembered)
  assert.deepEqual(read("Het Kremlin zegt niets met de aanslag te maken te hebben.", "nl"), ["!v:involve@3-8", "v:attack@6-6", "v:attack@6-6"]);
});
