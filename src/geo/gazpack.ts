// The gazetteer as one file that opens without unpacking: `data/gazetteer/gazetteer.bin`, made from the tables in
// data/gazetteer/ by `npm install` (prepare, scripts/pack-gazetteer.ts) or, when it is missing or out of date, by
// the first process that needs it. Unpacking the two gzipped tables and finding their line starts cost a small
// `sitrep extract` three quarters of its time; and on a machine where fresh memory is dear even reading 20 MB is
// felt, so a look-up reads only its part of the file: one block of keys, then the rows it points to.
//
// Layout: a header of 80 bytes ("SRGZ", format version, 20-byte stamp of the sources, section positions), then
//   rows     one line per entry, "\n"-terminated; an entry is known by the position of its row in the file. Countries
//            first, then admin-1 regions, then places (most inhabitants first). Tab-separated: kind letter
//            (c country, a admin-1, p place), GeoNames id, name, lat, lon, country, admin-1, population, feature
//            code, Dutch name (countries only): the strings of the source tables.
//   keys     lines "spelling key\trow,row,…" sorted by key (JavaScript string order), in blocks of KEYS_PER_BLOCK
//   blocks   the block index, read whole at open: int32 positions of the blocks (and the end of the last), int32
//            offsets of each block's first key in the text of first keys (and its end), then that text
//   regions  lines "country.admin1\trow,row,…" (the places of one region in table order)
//   regionIx one line per region: "country.admin1\tbyte position\tbyte length", read on the first fuzzy look-up
import { createRequire } from "node:module";
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

// zlib is needed only to make a pack, not to read one: loaded then
const gunzipSync = (b: Buffer): Buffer => (createRequire(import.meta.url)("node:zlib") as typeof import("node:zlib")).gunzipSync(b);

const MAGIC = 0x5a475253; // "SRGZ" read as a little-endian int32
/** Raise when the layout or the meaning of a row changes: an older file is then rebuilt. */
const VERSION = 4;
export const HEADER_BYTES = 80;
// the header holds 28 bytes of magic, version and stamp, then one int32 per field of PackHeader
const KEYS_PER_BLOCK = 64;
export const PACK_FILE = "gazetteer.bin";

/** The tables a pack is made from; features.tsv is not among them (a short hand-made table read at start). */
const SOURCES = ["countries.tsv", "admin1.tsv", "places.tsv.gz", "place-keys.tsv.gz"] as const;

/**
 * A digest of the sources that is cheap to take (no crypto module to load on every start): the small tables
 * whole; of each gzipped table its size and its last eight bytes, gzip's CRC-32 and length of the unpacked
 * content. Not a cryptographic digest: it tells a changed table, it guards against no one.
 */
export function sourceStamp(dir: string): Buffer {
  // two lanes over 32-bit words (a few hundred kilobytes in a few milliseconds, before the JIT warms up)
  const lanes = new Int32Array([0x811c9dc5 | 0, 0x9e3779b9 | 0]);
  const feed = (b: Buffer) => {
    const n = b.length >>> 2;
    const words = b.byteOffset % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, n) : new Int32Array(Uint8Array.from(b.subarray(0, 4 * n)).buffer);
    let h0 = lanes[0]!, h1 = lanes[1]!;
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      h0 = Math.imul(h0 ^ w, 0x01000193);
      h1 = Math.imul(h1 ^ w, 0x5bd1e995);
    }
    for (let i = 4 * n; i < b.length; i++) h0 = Math.imul(h0 ^ b[i]!, 0x01000193);
    lanes[0] = h0;
    lanes[1] = Math.imul(h1 ^ b.length, 0x5bd1e995);
  };
  feed(Buffer.from(`sitrep-gazetteer ${VERSION}\n`));
  for (const f of SOURCES) {
    if (!f.endsWith(".gz")) {
      feed(readFileSync(dir + f));
      continue;
    }
    const size = statSync(dir + f).size;
    const tail = Buffer.alloc(8);
    const fd = openSync(dir + f, "r");
    try {
      readSync(fd, tail, 0, 8, Math.max(0, size - 8));
    } finally {
      closeSync(fd);
    }
    feed(Buffer.from(`${f} ${size}\n`));
    feed(tail);
  }
  const out = Buffer.alloc(20);
  lanes.forEach((h, l) => out.writeInt32LE(h, 4 * l));
  return out;
}

/** Beside the pack: the sizes and times of change its sources and it had when a start last checked its stamp. */
export const SEEN_FILE = "gazetteer.bin.seen";

/**
 * The sizes and times of change of the sources and of the pack (a stat each): while they are those written in
 * SEEN_FILE, the pack is the one whose stamp was checked then, and a start skips hashing the tables again
 * (reading and hashing them was a tenth of a small extract's CPU). Any write to a table or to the pack
 * changes its time; a copied pack or table, too, and the stamp is then checked as before.
 */
export function seenStamp(dir: string): string | null {
  try {
    return [...SOURCES, PACK_FILE].map((f) => {
      const s = statSync(dir + f);
      return `${f} ${s.size} ${s.mtimeMs}`;
    }).join("\n") + "\n";
  } catch {
    return null;
  }
}

function lines(text: string): string[] {
  const l = text.split("\n");
  if (l.length && l[l.length - 1] === "") l.pop();
  return l;
}

/** Where the sections lie in a pack. */
export interface PackHeader {
  entries: number;
  /** Key blocks. */
  blockCount: number;
  /** Rows before this byte offset are countries and regions; from it on, places. */
  firstPlace: number;
  /** Rows before this byte offset are countries. */
  countriesEnd: number;
  rows: number;
  keys: number;
  blocks: number;
  blocksLen: number;
  regions: number;
  regionIx: number;
  regionIxLen: number;
  total: number;
}

const FIELDS = ["entries", "blockCount", "firstPlace", "countriesEnd", "rows", "keys", "blocks", "blocksLen", "regions", "regionIx", "regionIxLen", "total"] as const;

/** Builds the pack from the tables in `dir` (a few seconds). */
export function buildPack(dir: string): Buffer {
  const rows: string[] = [];
  const keyEntries = new Map<string, number[]>();
  const add = (k: string, e: number) => {
    const l = keyEntries.get(k);
    if (l) l.push(e);
    else keyEntries.set(k, [e]);
  };
  for (const line of lines(readFileSync(dir + "countries.tsv", "utf8"))) {
    if (!line) continue;
    const [cc, en, nl, lat, lon, keys] = line.split("\t") as [string, string, string, string, string, string];
    const e = rows.push(["c", "0", en, lat, lon, cc, "", "0", "", nl].join("\t")) - 1;
    for (const k of keys.split("|")) add(k, e);
  }
  const countries = rows.length;
  for (const line of lines(readFileSync(dir + "admin1.tsv", "utf8"))) {
    if (!line) continue;
    const [code, name, lat, lon, keys] = line.split("\t") as [string, string, string, string, string];
    const dot = code.indexOf(".");
    const e = rows.push(["a", "0", name, lat, lon, code.slice(0, dot), code.slice(dot + 1), "0", ""].join("\t")) - 1;
    for (const k of keys.split("|")) add(k, e);
  }
  const firstPlace = rows.length;
  const regionPlaces = new Map<string, number[]>();
  for (const line of lines(gunzipSync(readFileSync(dir + "places.tsv.gz")).toString("utf8"))) {
    const f = line.split("\t");
    const e = rows.push(["p", ...f].join("\t")) - 1;
    const r = `${f[4]}.${f[5]}`;
    const l = regionPlaces.get(r);
    if (l) l.push(e);
    else regionPlaces.set(r, [e]);
  }
  for (const line of lines(gunzipSync(readFileSync(dir + "place-keys.tsv.gz")).toString("utf8"))) {
    const tab = line.indexOf("\t");
    for (const n of line.slice(tab + 1).split(",")) add(line.slice(0, tab), firstPlace + Number(n));
  }

  const rowBufs = rows.map((r) => Buffer.from(r + "\n", "utf8"));
  const offset = new Array<number>(rows.length);
  let at = 0;
  rowBufs.forEach((b, i) => {
    offset[i] = at;
    at += b.length;
  });
  const rowsBuf = Buffer.concat(rowBufs);
  const keys = [...keyEntries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keyParts: Buffer[] = [];
  const blockPos: number[] = [];
  const firstKeys: string[] = [];
  let keyAt = HEADER_BYTES + rowsBuf.length;
  for (let b = 0; b < keys.length; b += KEYS_PER_BLOCK) {
    const block = Buffer.from(
      keys
        .slice(b, b + KEYS_PER_BLOCK)
        .map((k) => `${k}\t${keyEntries.get(k)!.map((e) => HEADER_BYTES + offset[e]!).join(",")}\n`)
        .join(""),
      "utf8",
    );
    blockPos.push(keyAt);
    firstKeys.push(keys[b]!);
    keyParts.push(block);
    keyAt += block.length;
  }
  blockPos.push(keyAt);
  // the block index: where each block starts (one more: where the last ends), where each first key starts in
  // the first keys' text (in UTF-16 units, one more: its end), then that text
  const keyStart = [0];
  for (const k of firstKeys) keyStart.push(keyStart[keyStart.length - 1]! + k.length);
  const int32s = (a: number[]) => {
    const b = Buffer.alloc(a.length * 4);
    a.forEach((v, i) => b.writeInt32LE(v, i * 4));
    return b;
  };
  const blocksBuf = Buffer.concat([int32s(blockPos), int32s(keyStart), Buffer.from(firstKeys.join(""), "utf8")]);
  const keysBuf = Buffer.concat(keyParts);
  const regionParts: Buffer[] = [];
  const regionIxLines: string[] = [];
  let regionAt = keyAt + blocksBuf.length;
  for (const r of [...regionPlaces.keys()].sort()) {
    const b = Buffer.from(`${r}\t${regionPlaces.get(r)!.map((e) => HEADER_BYTES + offset[e]!).join(",")}\n`, "utf8");
    regionIxLines.push(`${r}\t${regionAt}\t${b.length}\n`);
    regionParts.push(b);
    regionAt += b.length;
  }
  const regionsBuf = Buffer.concat(regionParts);
  const regionIxBuf = Buffer.from(regionIxLines.join(""), "utf8");

  const h: PackHeader = {
    entries: rows.length,
    blockCount: firstKeys.length,
    firstPlace: HEADER_BYTES + offset[firstPlace]!,
    countriesEnd: HEADER_BYTES + offset[countries]!,
    rows: HEADER_BYTES,
    keys: HEADER_BYTES + rowsBuf.length,
    blocks: keyAt,
    blocksLen: blocksBuf.length,
    regions: keyAt + blocksBuf.length,
    regionIx: regionAt,
    regionIxLen: regionIxBuf.length,
    total: regionAt + regionIxBuf.length,
  };
  const head = Buffer.alloc(HEADER_BYTES);
  head.writeInt32LE(MAGIC, 0);
  head.writeInt32LE(VERSION, 4);
  sourceStamp(dir).copy(head, 8);
  FIELDS.forEach((f, i) => head.writeInt32LE(h[f], 28 + 4 * i));
  const out = Buffer.concat([head, rowsBuf, keysBuf, blocksBuf, regionsBuf, regionIxBuf]);
  if (out.length !== h.total) throw new Error("gazetteer pack: layout mismatch");
  return out;
}

/** The header of a pack, if `head` (its first HEADER_BYTES) is one of this version made from sources with `stamp`. */
export function readHeader(head: Buffer, stamp: Buffer): PackHeader | null {
  if (head.length < HEADER_BYTES || head.readInt32LE(0) !== MAGIC || head.readInt32LE(4) !== VERSION || !head.subarray(8, 28).equals(stamp)) return null;
  const h = {} as PackHeader;
  FIELDS.forEach((f, i) => (h[f] = head.readInt32LE(28 + 4 * i)));
  return h;
}

/** Builds the pack and writes it beside the tables. */
export function writePack(dir: string): Buffer {
  const buf = buildPack(dir);
  writeAtomically(dir + PACK_FILE, buf);
  return buf;
}

/** Writes a pack atomically (readers never see half a file); throws when it cannot be written. */
export function writeAtomically(path: string, buf: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, buf);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never written */
    }
    throw e;
  }
}
