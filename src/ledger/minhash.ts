import { fold } from "./features.js";

// Near-duplicate detection for wire copy: MinHash over word 3-shingles, LSH bands for candidates.
const N = 32;
const ROWS = 4;
const SEEDS = Array.from({ length: N }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);

function hash32(s: string, seed: number): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** FNV-1a steps over the characters of s (hash32's loop). */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** hash32(`${a} ${b} ${c}`, 0) without making the string: one for every word of a report. */
function shingle32(a: string, b: string, c: string): number {
  let h = fnv(0x811c9dc5, a);
  h = Math.imul(h ^ 32, 0x01000193);
  h = fnv(h, b);
  h = Math.imul(h ^ 32, 0x01000193);
  h = fnv(h, c);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export function minhash(text: string): Uint32Array {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const sig = new Uint32Array(N).fill(0xffffffff);
  // (kept as 32-bit signed integers, small integers to V8 rather than a heap number each: the same bits)
  const base = new Set<number>();
  if (words.length < 3) base.add(hash32(words.join(" "), 0) | 0);
  for (let i = 0; i + 3 <= words.length; i++) base.add(shingle32(words[i]!, words[i + 1]!, words[i + 2]!) | 0);
  for (const b of base) {
    for (let k = 0; k < N; k++) {
      let h = (b ^ SEEDS[k]!) >>> 0;
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

export function bands(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b * ROWS < N; b++) out.push(`${b}:${Array.from(sig.subarray(b * ROWS, b * ROWS + ROWS), (x) => x.toString(36)).join(".")}`);
  return out;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < N; k++) if (a[k] === b[k]) same++;
  return same / N;
}

/**
 * A signature as the ledger keeps it: the low 16 bits of each value (64 bytes, not 128: the minhash was a
 * third of a report's row). Two values that differ agree in their low 16 bits once in 65,536, so a kept
 * signature estimates the same similarity (WIRE_COPY is 0.6: 20 of 32 values).
 */
export function keptSignature(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(2 * N);
  for (let k = 0; k < N; k++) {
    out[2 * k] = sig[k]! & 0xff;
    out[2 * k + 1] = (sig[k]! >>> 8) & 0xff;
  }
  return out;
}

/** The similarity of a signature and a kept one: of its low 16 bits a value each (keptSignature), or whole (as ledgers kept them before). */
export function keptSimilarity(a: Uint32Array, kept: Uint8Array): number {
  if (kept.byteLength === 4 * N) return similarity(a, new Uint32Array(kept.buffer.slice(kept.byteOffset, kept.byteOffset + kept.byteLength)));
  if (kept.byteLength !== 2 * N) return 0;
  let same = 0;
  for (let k = 0; k < N; k++) if ((a[k]! & 0xffff) === (kept[2 * k]! | (kept[2 * k + 1]! << 8))) same++;
  return same / N;
}
