// Values found by a tuple of numbers (the numbers of a content's parts), for the pools that give contents
// alike one object: hashed into a map keyed by number and each candidate of a hash compared in full, so a
// content met again finds its object with no string made of it.

const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);
/** A number's bits mixed into a hash (0 and -0 one value, as they are for every comparison). */
export function mixNumber(h: number, v: number): number {
  F64[0] = v === 0 ? 0 : v;
  return mix(mix(h, I32[0]!), I32[1]!);
}
/** A 32-bit integer mixed into a hash. */
export function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return (h ^ (h >>> 15)) | 0;
}

export class TupleMap<V> {
  private byHash = new Map<number, { key: Float64Array; value: V }[]>();
  /** The value kept for the first `n` numbers of `t` (a scratch array: copied when kept), else `make`'s, kept. */
  get(t: ArrayLike<number>, n: number, make: () => V): V {
    let h = n;
    for (let i = 0; i < n; i++) h = mixNumber(h, t[i]!);
    let l = this.byHash.get(h);
    if (l)
      next: for (const x of l) {
        if (x.key.length !== n) continue;
        for (let i = 0; i < n; i++) if (x.key[i] !== t[i]) continue next;
        return x.value;
      }
    else this.byHash.set(h, (l = []));
    const key = new Float64Array(n);
    for (let i = 0; i < n; i++) key[i] = t[i]!;
    const value = make();
    l.push({ key, value });
    return value;
  }
}
