import { test } from "node:test";
import assert from "node:assert/strict";
import { sortPairs } from "../src/ledger/propositions.js";

// The candidate pairs of a block are joined strongest first; ties (copies of one statement are all alike:
// similarity 1) by the first claim, then the second, so that the same pairs always join in the same order.
const reference = (ps: [number, number, number][]) => [...ps].sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);

function sorted(ps: [number, number, number][]): [number, number, number][] {
  const is = Int32Array.from(ps, (p) => p[0]), js = Int32Array.from(ps, (p) => p[1]), sims = Float64Array.from(ps, (p) => p[2]);
  sortPairs(is, js, sims);
  return [...is].map((i, k) => [i, js[k]!, sims[k]!]);
}

test("candidate pairs sort strongest first, then by their first and second claim, whatever order they were found in", () => {
  // pairs of 60 claims, found in a scrambled order; similarities from a few values, so most tie
  const sims = [1, 0.45, 0.5, 0.7250000000000001, 0.725, 0.6];
  const ps: [number, number, number][] = [];
  let x = 7;
  for (let i = 0; i < 60; i++)
    for (let j = i + 1; j < 60; j++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      if (x % 3) ps.push([i, j, sims[x % sims.length]!]);
    }
  for (let k = ps.length - 1; k > 0; k--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const r = x % (k + 1);
    [ps[k], ps[r]] = [ps[r]!, ps[k]!];
  }
  assert.ok(ps.length > 1000);
  assert.deepEqual(sorted(ps), reference(ps));
  // already in order, in reverse order, and none or one
  assert.deepEqual(sorted(reference(ps)), reference(ps));
  assert.deepEqual(sorted(reference(ps).reverse()), reference(ps));
  assert.deepEqual(sorted([]), []);
  assert.deepEqual(sorted([[3, 4, 0.5]]), [[3, 4, 0.5]]);
});

test("candidate pairs sort alike when every pair has a value of its own, and when one pair is found with two values", () => {
  let x = 11;
  const rnd = (k: number) => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), Math.floor((x / 2 ** 32) * k));
  // (each similarity its own: as many values as pairs, ranked by halving)
  const distinct: [number, number, number][] = [];
  for (let k = 0; k < 3000; k++) {
    const i = rnd(500);
    distinct.push([i, i + 1 + rnd(500), 0.45 + k / 5000]);
  }
  for (let k = distinct.length - 1; k > 0; k--) {
    const r = rnd(k + 1);
    [distinct[k], distinct[r]] = [distinct[r]!, distinct[k]!];
  }
  assert.deepEqual(sorted(distinct), reference(distinct));
  // (the same two claims with two values: each where its value puts it)
  const twice: [number, number, number][] = [[2, 5, 0.5], [1, 3, 0.7], [2, 5, 0.9], [0, 9, 0.5], [1, 3, 0.7]];
  assert.deepEqual(sorted(twice), reference(twice));
});
