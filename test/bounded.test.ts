// Whole-word lexicon expressions compiled in two steps (src/ledger/bounded.ts): every answer is the one the
// whole-word expression alone gives, on news text and on text built to trip word boundaries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Bounded, bounded } from "../src/ledger/bounded.js";

const B0 = String.raw`(?<![\p{L}\p{N}])`;
const B1 = String.raw`(?![\p{L}\p{N}])`;

const PATTERNS: string[][] = [
  ["defen[cs]e ministry", "ministry of defen[cs]e", "army", "armed forces"],
  ["(?:federal )?prosecutors?", "police"],
  ["ministerie van defensie", "leger", "politie"],
  ["un", "u\\.n\\."],
  ["a"],
];
const TEXTS = [
  "the ministry of defence said the army had withdrawn",
  "armyworms and ministry of defenceless ideas",
  "prosecutorsoffice prosecutors' office federal prosecutor",
  "het ministerie van defensie meldt dat het leger en de politie",
  "legerleiding politieagent politie-inzet",
  "un unusual u.n. mission to the unrest; 1un un1 ün un",
  "army army army",
  "ármy кarmy armyк 𝐚army army𝐚 army",
  "",
  "a",
];

test("bounded: the same first match, every match and verdict as the whole-word expression", () => {
  for (const ps of PATTERNS) {
    const one = new RegExp(`${B0}(?:${ps.join("|")})${B1}`, "u");
    const all = new RegExp(`${B0}(?:${ps.join("|")})${B1}`, "gu");
    const b = new Bounded(ps, "u");
    const g = bounded(ps, "gu")!;
    for (const t of TEXTS) {
      const want = one.exec(t);
      const got = b.exec(t);
      assert.deepEqual(got && [got.index, got[0]], want && [want.index, want[0]], `${ps} / ${t}`);
      assert.equal(b.test(t), want !== null);
      // a text without a whole-word match may still hold the bare pattern; one with a match always does
      if (want) assert.ok(b.maybe(t));
      assert.deepEqual(g.all(t).map((m) => [m.index, m[0]]), [...t.matchAll(all)].map((m) => [m.index, m[0]]), `${ps} / ${t}`);
      // and again: the expression's state does not leak from one call into the next
      assert.deepEqual(g.all(t).length, [...t.matchAll(all)].length);
      assert.equal(g.test(t), want !== null);
    }
  }
  assert.equal(bounded([], "gu"), null);
});
