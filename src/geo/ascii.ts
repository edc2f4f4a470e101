// any-ascii's transliteration, read from a pack: `data/packed/any-ascii.bin`, made from any-ascii's own table by
// `npm install` (prepare, scripts/pack-tables.ts) or, when missing or made from another any-ascii, by the first
// process that needs it. any-ascii keeps its table as one function of 530 KB of string literals, which V8 parses
// whole on the first non-ASCII character of a run: about a tenth of a small `sitrep extract`. The pack holds the
// same strings, and a block of 256 code points is read when a character of it first comes by.
//
// The table is reached by its place in the package (block.js beside the entry point): if it is not there, any-ascii
// is used as it is, slower and never different.
//
// Layout: "SRAA", format version, block count N, stamp length, the stamp (any-ascii's version and the size of its
// table), padded to HEADER_BYTES; then uint32 × (N + 1) where each block's text starts (and the last ends), then
// the texts: each block's transliterations of its 256 code points, tab-separated, as any-ascii holds them (ASCII).
import { createRequire } from "node:module";
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { writeAtomically } from "./gazpack.js";
import { fileURLToPath } from "node:url";

const MAGIC = 0x41415253; // "SRAA" read as a little-endian int32
/** Raise when the layout changes: an older file is then rebuilt. */
const VERSION = 1;
const HEADER_BYTES = 96;
const FIXED = 16;
/** Blocks of 256 code points up to U+10FFFF. */
const BLOCKS = 0x1100;

type Table = (block: number) => string | undefined;

function packageFiles(): { entry: string; table: string; pkg: string } {
  // the folder as require() finds it (import.meta.resolve costs a few milliseconds on its first call)
  const dir = createRequire(import.meta.url).resolve.paths("any-ascii")?.map((d) => `${d}/any-ascii`).find((d) => existsSync(`${d}/package.json`));
  if (!dir) throw new Error("any-ascii is not installed");
  return { entry: `${dir}/any-ascii.js`, table: `${dir}/block.js`, pkg: `${dir}/package.json` };
}

function stampOf(files: { table: string; pkg: string }): string {
  const version = (JSON.parse(readFileSync(files.pkg, "utf8")) as { version?: string }).version ?? "?";
  return `any-ascii ${version} ${statSync(files.table).size}`;
}

/** The pack of a block table (`table(n)`: the tab-separated transliterations of block n, "" or undefined when none). */
export function buildAsciiPack(table: Table, stamp: string): Buffer {
  const texts: string[] = [];
  for (let n = 0; n < BLOCKS; n++) {
    const t = table(n) ?? "";
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 0x7f) throw new Error(`any-ascii pack: block ${n} is not ASCII`);
    texts.push(t);
  }
  const stampBytes = Buffer.from(stamp, "utf8");
  if (FIXED + stampBytes.length > HEADER_BYTES) throw new Error("any-ascii pack: stamp too long");
  const textAt = HEADER_BYTES + 4 * (BLOCKS + 1);
  const total = textAt + texts.reduce((s, t) => s + t.length, 0);
  const buf = Buffer.alloc(total);
  buf.writeInt32LE(MAGIC, 0);
  buf.writeInt32LE(VERSION, 4);
  buf.writeInt32LE(BLOCKS, 8);
  buf.writeInt32LE(stampBytes.length, 12);
  stampBytes.copy(buf, FIXED);
  let at = textAt;
  texts.forEach((t, n) => {
    buf.writeUInt32LE(at, HEADER_BYTES + 4 * n);
    buf.write(t, at, "latin1");
    at += t.length;
  });
  buf.writeUInt32LE(at, HEADER_BYTES + 4 * BLOCKS);
  return buf;
}

/** The block table of a pack; null if `buf` is no pack of `stamp`. */
export function readAsciiPack(buf: Buffer, stamp: string): Table | null {
  return tableOf((pos, len) => buf.subarray(pos, pos + len), buf.length, stamp);
}

/** The block table of a pack read through `read` (the head at once, a block when first asked for). */
function tableOf(read: (pos: number, len: number) => Buffer, size: number, stamp: string): Table | null {
  const headLen = HEADER_BYTES + 4 * (BLOCKS + 1);
  if (size < headLen) return null;
  const head = read(0, headLen);
  if (head.length < headLen || head.readInt32LE(0) !== MAGIC || head.readInt32LE(4) !== VERSION || head.readInt32LE(8) !== BLOCKS) return null;
  const stampLen = head.readInt32LE(12);
  if (stampLen > HEADER_BYTES - FIXED || head.toString("utf8", FIXED, FIXED + stampLen) !== stamp) return null;
  if (head.readUInt32LE(HEADER_BYTES + 4 * BLOCKS) !== size) return null;
  return (n) => {
    if (n < 0 || n >= BLOCKS) return undefined;
    const from = head.readUInt32LE(HEADER_BYTES + 4 * n);
    return read(from, head.readUInt32LE(HEADER_BYTES + 4 * n + 4) - from).toString("latin1");
  };
}

/** The installed pack, read a block at a time (reading all of it cost more than a short report needs). */
function openPack(stamp: string): Table | null {
  let fd: number;
  try {
    fd = openSync(packPath(), "r");
  } catch {
    return null;
  }
  const read = (pos: number, len: number): Buffer => {
    const b = Buffer.allocUnsafe(len);
    return b.subarray(0, readSync(fd, b, 0, len, pos));
  };
  const t = tableOf(read, fstatSync(fd).size, stamp);
  if (!t) closeSync(fd);
  return t;
}

function packPath(): string {
  return fileURLToPath(new URL("../../../data/packed/any-ascii.bin", import.meta.url));
}

function store(buf: Buffer): void {
  try {
    writeAtomically(packPath(), buf);
  } catch {
    // a read-only installation: every process then reads any-ascii's table as any-ascii ships it
  }
}

/** Makes the pack from the installed any-ascii and stores it (scripts/pack-tables.ts); returns its size in bytes. */
export function writeAsciiPack(): number {
  const files = packageFiles();
  const table = (createRequire(import.meta.url)(files.table) as { default: Table }).default;
  const buf = buildAsciiPack(table, stampOf(files));
  store(buf);
  return buf.length;
}

/** The table from the pack, else any-ascii's own (storing the pack for the next process); null: use any-ascii whole. */
function openTable(): Table | null {
  const require = createRequire(import.meta.url);
  try {
    const files = packageFiles();
    const stamp = stampOf(files);
    const t = openPack(stamp);
    if (t) return t;
    const table = (require(files.table) as { default: Table }).default;
    if (typeof table !== "function") return null;
    try {
      store(buildAsciiPack(table, stamp));
    } catch {
      /* a table this code cannot pack: used as it is */
    }
    return table;
  } catch {
    return null;
  }
}

let table: Table | null | undefined;
let whole: ((s: string) => string) | undefined;
const blocks: (string[] | undefined)[] = [];

/** Transliterates a Unicode string into ASCII: any-ascii's function, over the same table. */
export function anyAscii(s: string): string {
  if (table === undefined) table = openTable();
  if (table === null) return (whole ??= (createRequire(import.meta.url)(packageFiles().entry) as { default: (s: string) => string }).default)(s);
  let result = "";
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (cp <= 0x7f) {
      result += c;
      continue;
    }
    const n = cp >>> 8;
    const lo = cp & 0xff;
    const b = (blocks[n] ??= (table(n) ?? "").split("\t"));
    if (b.length > lo) result += b[lo];
  }
  return result;
}
