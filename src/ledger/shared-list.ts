/**
 * Candidate pairs drawn from posting lists are asked once each, in the first list (in list order) both
 * items are in; which one that is, the lists each item is in tell (kept as compact rows), so no set of the
 * millions of pairs asked is kept: at 10,000 reports such a set held 1.6 million pairs and grew faster than
 * the ledger. Returns, for two items, the index of that first list (-1: they share none).
 */
export function firstSharedList(lists: readonly (readonly number[])[], n: number): (i: number, j: number) => number {
  const from = new Int32Array(n + 1);
  for (const list of lists) for (const i of list) from[i + 1]!++;
  for (let i = 0; i < n; i++) from[i + 1]! += from[i]!;
  const inList = new Int32Array(from[n]!);
  const put = from.slice(0, n);
  lists.forEach((list, li) => {
    for (const i of list) inList[put[i]!++] = li;
  });
  // (both rows are in list order: a merge walk, linear in the two items' lists)
  return (i, j) => {
    for (let p = from[i]!, q = from[j]!; p < from[i + 1]! && q < from[j + 1]!; ) {
      const a = inList[p]!, b = inList[q]!;
      if (a === b) return a;
      if (a < b) p++;
      else q++;
    }
    return -1;
  };
}
