// Unsigned LEB128, the compact numbers of what the SQLite store packs (mentions, a claim's entities and its
// packed columns): seven bits a byte, low bits first, the high bit set on every byte but a number's last.

export class LebWriter {
  private readonly out: number[] = [];
  put(n: number): void {
    for (; n >= 128; n = Math.floor(n / 128)) this.out.push((n % 128) + 128);
    this.out.push(n);
  }
  /** Bytes as they are. */
  raw(b: Iterable<number>): void {
    for (const x of b) this.out.push(x);
  }
  /** Bytes after their length. */
  bytes(b: Uint8Array): void {
    this.put(b.length);
    this.raw(b);
  }
  done(): Buffer {
    return Buffer.from(this.out);
  }
}

export class LebReader {
  at = 0;
  constructor(private readonly b: Uint8Array) {}
  get more(): boolean {
    return this.at < this.b.length;
  }
  get(): number {
    const b = this.b;
    let n = 0;
    for (let scale = 1; this.at < b.length; scale *= 128) {
      const x = b[this.at++]!;
      n += (x % 128) * scale;
      if (x < 128) break;
    }
    return n;
  }
  /** n bytes (a view, not a copy). */
  raw(n: number): Uint8Array {
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  /** Bytes written after their length. */
  bytes(): Uint8Array {
    return this.raw(this.get());
  }
}
