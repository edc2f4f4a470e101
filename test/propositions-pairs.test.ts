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
