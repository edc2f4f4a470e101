import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { blockGroups, explainBlock, sortPairs, type GroupingStats } from "../src/ledger/propositions.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for these tests: a depot explosion in a port town, told by many outlets in English and
// Dutch, with wire copies carried word for word, tolls that differ and rise, a denial, arrests and a
// spokesman quoted in several reports. A block like a whole ledger's in small: many claims say alike.
const EN = [
  (n: number) => `At least ${n} people were killed when a fuel depot exploded in the port of Velmora on Tuesday, officials said.`,
  (n: number) => `Rescue workers said ${n} people were still missing after the blast in Velmora.`,
  (n: number) => `Police arrested ${n} suspects in connection with the explosion on Wednesday.`,
  () => "The harbour authority denied that safety inspections had been skipped at the depot.",
  () => "Spokesman Aldo Reyes said the fire was caused by a leaking fuel line.",
  (n: number) => `The death toll rose to ${n} on Wednesday as more bodies were recovered from the rubble.`,
];
const NL = [
  (n: number) => `Bij een explosie in een brandstofdepot in de haven van Velmora zijn dinsdag zeker ${n} mensen om het leven gekomen, meldden de autoriteiten.`,
  (n: number) => `Volgens de reddingswerkers worden na de ontploffing in Velmora nog ${n} mensen vermist.`,
  (n: number) => `De politie heeft woensdag ${n} verdachten aangehouden in verband met de explosie.`,
  () => "De havenautoriteit ontkent dat veiligheidsinspecties bij het depot zijn overgeslagen.",
  () => "Woordvoerder Aldo Reyes zei dat de brand werd veroorzaakt door een lekkende brandstofleiding.",
  (n: number) => `Het dodental steeg woensdag tot ${n} nadat meer lichamen onder het puin waren gevonden.`,
];

function reports(count: number, seed: number): TestReport[] {
  let x = seed;
  const next = (k: number) => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), (x >>> 8) % k);
  const out: TestReport[] = [];
  for (let r = 0; r < count; r++) {
    const nl = next(3) === 0;
    const lines = nl ? NL : EN;
    // a wire copy (the same figures as the first reports) or a report of its own figures
    const copy = next(2) === 0;
    const sentences: string[] = [];
    for (let s = 0; s < lines.length; s++) {
      if (next(4) === 0) continue;
      const n = copy ? [12, 4, 3, 0, 0, 15][s]! : [10 + next(6), 2 + next(4), 2 + next(3), 0, 0, 14 + next(4)][s]!;
      sentences.push(lines[s]!(n));
    }
    out.push({
      source: `${nl ? "Krant" : "Courier"} ${r % 9}`,
      published: `2025-03-${String(11 + (r % 2)).padStart(2, "0")}T${String(8 + (r % 10)).padStart(2, "0")}:00:00+00:00`,
      lang: nl ? "nl" : "en",
      text: sentences.join(" ") + "\n",
    });
  }
  return out;
}

test("propositions: the answers kept per pair of signatures are what comparing each pair of claims gives, in both languages", () => {
  for (const seed of [7, 1234]) {
    const f = fuseReports(pipelineDocs(reports(36, seed)));
    const ids = f.claims.map((c) => c.id);
    const x = explainBlock(f.claims, f.context);
    // copies and claims of a kind share a signature: fewer of them than claims
    assert.ok(ids.length > 80 && x.signatures < ids.length * 0.8, `${x.signatures} signatures of ${ids.length} claims`);
    let joined = 0;
    // every ordered pair, asked twice (the second time from what is kept), in a scrambled order
    let r = seed;
    const pairs: [string, string][] = [];
    for (const a of ids) for (const b of ids) if (a !== b) pairs.push([a, b]);
    for (let k = pairs.length - 1; k > 0; k--) {
      r = (Math.imul(r, 1664525) + 1013904223) >>> 0;
      const m = (r >>> 8) % (k + 1);
      [pairs[k], pairs[m]] = [pairs[m]!, pairs[k]!];
    }
    for (const round of [0, 1])
      for (const [a, b] of pairs) {
        const expected = x.conflict(a, b) ? -1 : x.similarity(a, b);
        assert.equal(x.judged(a, b), expected, `round ${round}: ${a} ${b}`);
        if (expected >= 0.45) joined++;
      }
    // (the claims are alike enough that many pairs would fuse, and different enough that many would not)
    assert.ok(joined > 1000 && joined < pairs.length, `${joined} of ${pairs.length}`);
  }
});

test("propositions: a block is grouped as comparing every pair asked groups it, each pair of signatures compared once", () => {
  const f = fuseReports(pipelineDocs(reports(60, 99)));
  const ids = (gs: ReturnType<typeof blockGroups>) => gs.map((g) => ({ claims: g.claims.map((c) => c.id), figs: [...g.figs], negated: g.negated }));
  const kept: GroupingStats = {}, plain: GroupingStats = { plain: true };
  const groups = blockGroups(f.claims, f.context, [], kept);
  assert.deepEqual(ids(groups), ids(blockGroups(f.claims, f.context, [], plain)));
  // and in another order of the same claims
  assert.deepEqual(ids(blockGroups([...f.claims].reverse(), f.context, [])), ids(groups));
  assert.ok(groups.some((g) => g.claims.length >= 5), "copies fuse");
  assert.ok(groups.length > 10, "different figures stay apart");
  // each ordered pair of signatures, in a report or across reports, is compared at most once
  assert.ok(kept.signatures! > 10 && kept.signatures! < f.claims.length);
  assert.ok(kept.compared! <= 2 * kept.signatures! * kept.signatures!);
  assert.ok(kept.compared! * 3 < plain.compared!, `${kept.compared} comparisons kept, ${plain.compared} plain`);
});

test("propositions: claims a dispute keeps apart stay apart when their signatures are one", () => {
  const f = fuseReports(pipelineDocs(reports(24, 5)));
  // two copies of one sentence (one signature), kept apart: never in one group, whatever else joins them
  const byText = new Map<string, string[]>();
  for (const c of f.claims) byText.set(c.text, [...(byText.get(c.text) ?? []), c.id]);
  const copies = [...byText.values()].find((l) => l.length >= 3)!;
  assert.ok(copies);
  const apart: [string, string][] = [[copies[0]!, copies[1]!]];
  for (const stats of [{}, { plain: true }]) {
    const gs = blockGroups(f.claims, f.context, apart, stats);
    const groupOf = (id: string) => gs.findIndex((g) => g.claims.some((c) => c.id === id));
    assert.notEqual(groupOf(copies[0]!), groupOf(copies[1]!));
  }
});

test("candidate pairs sort strongest first, then by claim, with positions far apart and values that differ in the last bit", () => {
  const reference = (ps: [number, number, number][]) => [...ps].sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);
  const sorted = (ps: [number, number, number][]) => {
    const is = Int32Array.from(ps, (p) => p[0]), js = Int32Array.from(ps, (p) => p[1]), sims = Float64Array.from(ps, (p) => p[2]);
    sortPairs(is, js, sims);
    return [...is].map((i, k): [number, number, number] => [i, js[k]!, sims[k]!]);
  };
  let x = 3;
  const rnd = (k: number) => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), Math.floor((x / 2 ** 32) * k));
  const values = [1, 0.45, 0.45 + Number.EPSILON, 0.6, 0.6000000000000001, 0.7, 0.5];
  for (const spread of [50, 3000, 30_000_000]) {
    const ps: [number, number, number][] = [];
    for (let k = 0; k < 2000; k++) {
      const i = rnd(spread), j = i + 1 + rnd(spread);
      ps.push([i, Math.min(j, 2 ** 26 - 1), values[rnd(values.length)]!]);
    }
    assert.deepEqual(sorted(ps), reference(ps));
  }
});
