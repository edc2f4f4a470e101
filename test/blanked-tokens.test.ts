import { test } from "node:test";
import assert from "node:assert/strict";
import { blankedConcepts, blankedTokens, conceptsOf, conceptTokens } from "../src/ledger/concepts.js";
import type { Lang } from "../src/model/doc.js";

// A claim's keys read what it says with its attribution blanked (src/ledger/claimkeys.ts): those words are
// taken from the words of the whole claim, read once, instead of reading the blanked text again. They must
// be the words, offsets and concepts that reading the blanked text gives.

/** The text with all but the stretches kept turned to spaces, as claimKeys blanks an attribution. */
function blank(text: string, keep: readonly [number, number][]): string {
  let t = "";
  let at = 0;
  for (const [x, y] of keep) {
    t += " ".repeat(x - at) + text.slice(x, y);
    at = y;
  }
  return t + " ".repeat(text.length - at);
}

const show = (ts: readonly { w: string; raw: string; start: number; end: number }[]) => ts.map((t) => `${t.w}|${t.raw}@${t.start}-${t.end}`);

function same(text: string, keep: [number, number][], lang: Lang): void {
  const b = blankedTokens(text, keep);
  assert.ok(b, `${JSON.stringify(text)} ${JSON.stringify(keep)}: no cut inside a word, so the words are taken`);
  const blanked = blank(text, keep);
  assert.deepEqual(show(b.tokens), show(conceptTokens(blanked)), `words of ${JSON.stringify(blanked)}`);
  // read whole first, as claimKeys does, so that the readings of its words are there to take
  conceptsOf(text, lang);
  assert.deepEqual(blankedConcepts(blanked, lang, b), conceptsOf(blanked, lang), `concepts of ${JSON.stringify(blanked)}`);
}

/** The stretches before and after a span of the text (the attribution): found by its words. */
function around(text: string, attribution: string): [number, number][] {
  const a = text.indexOf(attribution);
  assert.ok(a >= 0, attribution);
  return [
    [0, a],
    [a + attribution.length, text.length],
  ];
}

test("blanked claim words: an attribution blanked out of English claims gives the words and concepts of the blanked text", () => {
  const en: [string, string][] = [
    ["Two missiles fired by Russian forces struck a grain depot near Odesa overnight, the Ukrainian air force said on Telegram.", "the Ukrainian air force said on Telegram"],
    ["According to the ministry, at least 40 people were killed and 120 wounded when the dam collapsed.", "According to the ministry,"],
    ["The Kremlin's spokesman said Moscow wasn't involved in the sabotage of the pipelines.", "The Kremlin's spokesman said"],
    ["Police said the gunman, who opened fire in the concert hall, hasn't been caught yet.", "Police said"],
    ["The rocket that hit the farm was not a Russian missile, Poland’s president told reporters.", "Poland’s president told reporters"],
  ];
  for (const [text, attribution] of en) same(text, around(text, attribution), "en");
});

test("blanked claim words: Dutch claims with their attribution blanked, accents and compounds included", () => {
  const nl: [string, string][] = [
    ["Volgens het Oekraïense leger is de raket door Russische troepen afgevuurd op een graansilo bij Odesa.", "Volgens het Oekraïense leger"],
    ["Zeker veertig mensen kwamen om het leven toen de dam doorbrak, meldt de Libische Rode Halve Maan.", "meldt de Libische Rode Halve Maan"],
    ["Het Kremlin heeft elke betrokkenheid bij de sabotage van de gasleidingen ontkend, zei woordvoerder Peskov.", "zei woordvoerder Peskov"],
    ["De politie zegt dat de schutter, die het vuur opende in de concertzaal, nog voortvluchtig is.", "De politie zegt dat"],
    ["Een Oekraïense luchtafweerraket is volgens de Poolse regering neergekomen in Przewodów.", "volgens de Poolse regering"],
  ];
  for (const [text, attribution] of nl) same(text, around(text, attribution), "nl");
  // a cue blanked in the middle, the source's name kept ("X, director of …, told NPR" keeps two stretches)
  const t = "Ingrid Maes, head of the regional seismic service, told the broadcaster that the tremors were 'clearly blasts'.";
  same(t, [
    [0, t.indexOf(", told")],
    [t.indexOf(" that"), t.length],
  ], "en");
});

test("blanked claim words: a stretch that ends inside a word, or at an apostrophe, is read from the blanked text", () => {
  const t = "Moscow didn't confirm Ukraine's claim about the Kakhovka dam.";
  // inside "confirm"
  assert.equal(blankedTokens(t, [[0, t.indexOf("firm")]]), undefined);
  // between "Ukraine" and its "'s": the apostrophe goes on with the word
  assert.equal(blankedTokens(t, [[t.indexOf("'s"), t.length]]), undefined);
  // inside "Oekraïense", after the letter beyond ASCII
  const n = "Het Oekraïense leger meldt twee doden.";
  assert.equal(blankedTokens(n, [[n.indexOf("ense"), n.length]]), undefined);
  // at a dash beyond ASCII and a closing quote: no word is cut
  const d = "De brug is ingestort – zei de burgemeester – “onbegaanbaar” voor maanden.";
  same(d, [
    [0, d.indexOf(" – zei")],
    [d.indexOf("“"), d.length],
  ], "nl");
});

test("blanked claim words: every cut between words of realistic claims gives what reading the blanked text gives", () => {
  const claims: [string, Lang][] = [
    ["Russia's defence ministry denied that its missiles had struck the Polish village of Przewodów, calling the reports a 'deliberate provocation'.", "en"],
    ["Minstens 5.300 mensen zijn om het leven gekomen in Derna nadat twee dammen waren doorgebroken, aldus het ministerie van Binnenlandse Zaken.", "nl"],
    ["Four gunmen stormed Crocus City Hall near Moscow on Friday, opening fire on concertgoers; IS claimed responsibility.", "en"],
    ["De explosies bij de Nord Stream-leidingen waren volgens Zweedse onderzoekers geen ongelukken: het ging om sabotage.", "nl"],
  ];
  // (a fixed sequence of cuts, so that the test reads the same stretches every time)
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  let taken = 0;
  for (const [text, lang] of claims) {
    // cuts at the edges of words and at punctuation (as attributions end), and anywhere (mostly inside words)
    const edges = [0, text.length, ...conceptTokens(text).flatMap((t) => [t.start, t.end])];
    for (let i = 0; i < text.length; i++) if (/[\s,.:;'“”–-]/.test(text[i]!)) edges.push(i, i + 1);
    for (let round = 0; round < 300; round++) {
      const at = () => (round % 3 === 2 ? next(text.length + 1) : edges[next(edges.length)]!);
      const cuts = [at(), at(), at(), at()].sort((a, b) => a - b);
      const keep: [number, number][] = [
        [cuts[0]!, cuts[1]!],
        [cuts[2]!, cuts[3]!],
      ];
      const b = blankedTokens(text, keep);
      const blanked = blank(text, keep);
      if (!b) continue;
      taken++;
      assert.deepEqual(show(b.tokens), show(conceptTokens(blanked)), `words of ${JSON.stringify(blanked)}`);
      conceptsOf(text, lang);
      assert.deepEqual(blankedConcepts(blanked, lang, b), conceptsOf(blanked, lang), `concepts of ${JSON.stringify(blanked)}`);
    }
  }
  // most cuts at the edges of words are taken
  assert.ok(taken > 500, `taken ${taken}`);
});
