// The gazetteer that ships in data/gazetteer/ (built by scripts/build-gazetteer.ts from GeoNames, CC BY 4.0):
// populated places with >= 1000 inhabitants and their alternate names, admin-1 regions, countries with their
// Dutch and English names. Opened once, lazily, on the first look-up, from the pack made of these tables
// (src/geo/gazpack.ts); every name is indexed by its spelling key.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { spellingKey } from "./spelling.js";
import { buildPack, HEADER_BYTES, PACK_FILE, readHeader, SEEN_FILE, seenStamp, sourceStamp, writeAtomically, writePack, type PackHeader } from "./gazpack.js";

/** place: a populated place; feature: a sea, strait, gulf, canal or island (features.tsv). */
export type PlaceKind = "country" | "admin1" | "place" | "feature";

export interface GazEntry {
  kind: PlaceKind;
  /** GeoNames id for places; 0 for countries and regions (GeoNames has none in this data). */
  geonameId: number;
  name: string;
  lat: number;
  lon: number;
  country: string;
  /** Admin-1 code (without the country prefix) for places and regions. */
  admin1: string;
  population: number;
  /** GeoNames feature code (PPLC capital, PPLA seat of a first-order division, SEA, ISL …); "" for regions, countries. */
  fcode: string;
  /** Dutch name, for countries. */
  nameNl?: string;
  /** "country.admin1", made once on first use (geocoding compares regions for every candidate). */
  region?: string;
}

export interface Gazetteer {
  /** Every entry (country, region or place) one of whose names has this spelling key. */
  byKey(key: string): readonly GazEntry[];
  /** Whether any entry has this spelling key (`byKey(key).length > 0`, without reading the towns' rows). */
  has(key: string): boolean;
  /** The countries, regions and seas of a key, without its towns: the first of `byKey(key)` that are not towns. */
  areas(key: string): readonly GazEntry[];
  /**
   * The places of one admin-1 region (for fuzzy matching inside a region the report names), in table order;
   * with `minPopulation`, only those of at least that many inhabitants (the others are not read as entries).
   */
  placesIn(country: string, admin1: string, minPopulation?: number): readonly GazEntry[];
  country(code: string): GazEntry | undefined;
  /** Populated places inside a box (degrees; west may exceed east across the antimeridian), most inhabitants first. */
  townsWithin(box: { west: number; south: number; east: number; north: number }, limit: number): readonly GazEntry[];
  size: number;
  /** Bytes of the pack held in memory (the pack is read whole once a process has looked up enough). */
  held(): number;
  /**
   * Lets go of the pack's bytes held whole, for a process done with most look-ups (an extract turning to
   * its fusion across reports, which looks up few places): the 20 MB are read again piece by piece if asked.
   * The entries made so far stay the same objects.
   */
  release(): void;
}

/** Lets go of the loaded gazetteer's bytes held whole (see Gazetteer.release), if it is loaded. */
export function releaseGazetteer(): void {
  loaded?.release();
}

function dataDir(): string {
  // dist/src/geo/ → package root/data/gazetteer; src/geo/ (ts-node style) → same
  for (const up of ["../../../data/gazetteer/", "../../data/gazetteer/"]) {
    const p = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(p + "countries.tsv")) return p;
  }
  throw new Error("sitrep: data/gazetteer is missing from the installation");
}

let loaded: Gazetteer | null = null;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The gazetteer, loaded on first call. */
export function gazetteer(): Gazetteer {
  return (loaded ??= openGazetteer(dataDir()));
}

/**
 * The bytes of the pack: read piece by piece where a look-up needs them (a short report touches a few hundred
 * rows of 200,000), and whole once so many pieces were asked for that one read is cheaper.
 */
class PackBytes {
  private reads = 0;
  constructor(
    private readonly path: string,
    private fd: number | null,
    private whole: Buffer | null,
    readonly size: number,
  ) {
    this.fromFile = whole === null;
  }

  /** Whether the bytes are the file's at `path` (not a pack made in memory because none could be written). */
  private readonly fromFile: boolean;

  static readonly PIECES_BEFORE_WHOLE = 4000;

  /** Bytes [pos, pos + len) (fewer at the end of the file). */
  read(pos: number, len: number): Buffer {
    len = Math.max(0, Math.min(len, this.size - pos));
    if (!this.whole && ++this.reads > PackBytes.PIECES_BEFORE_WHOLE) this.readWhole();
    if (this.whole) return this.whole.subarray(pos, pos + len);
    const b = Buffer.allocUnsafe(len);
    readSync((this.fd ??= openSync(this.path, "r")), b, 0, len, pos);
    return b;
  }

  /** Bytes of the pack held in memory: all of it once read whole, else none. */
  get held(): number {
    return this.whole?.length ?? 0;
  }

  /**
   * Lets go of the pack read whole, when it is a file that can be read again (a pack made in memory stays):
   * later reads go piece by piece, as at the start.
   */
  release(): void {
    if (!this.whole || !this.fromFile) return;
    this.whole = null;
    this.reads = 0;
  }

  /** The "\n"-terminated line that starts at `pos`, without its end. */
  line(pos: number): Buffer {
    if (this.whole) {
      const end = this.whole.indexOf(10, pos);
      return this.whole.subarray(pos, end < 0 ? this.size : end);
    }
    for (let len = 256; ; len *= 4) {
      const b = this.read(pos, len);
      const end = b.indexOf(10);
      if (end >= 0) return b.subarray(0, end);
      if (b.length < len) return b;
    }
  }

  get isWhole(): boolean {
    return this.whole !== null;
  }

  readWhole(): Buffer {
    if (!this.whole) {
      this.whole = readFileSync(this.path);
      if (this.fd !== null) closeSync(this.fd);
      this.fd = null;
    }
    return this.whole;
  }
}

/** The pack beside the tables, made (and stored, when the folder is writable) if it is missing or stale. */
function openData(dir: string): { bytes: PackBytes; h: PackHeader } {
  const path = dir + PACK_FILE;
  const seen = seenStamp(dir);
  let known = false;
  try {
    known = seen !== null && readFileSync(dir + SEEN_FILE, "utf8") === seen;
  } catch {
    /* never checked here */
  }
  try {
    const fd = openSync(path, "r");
    const head = Buffer.alloc(HEADER_BYTES);
    readSync(fd, head, 0, HEADER_BYTES, 0);
    // the pack and its tables unchanged since a start checked its stamp: the stamp it carries is theirs
    const h = readHeader(head, known ? head.subarray(8, 28) : sourceStamp(dir));
    if (h && fstatSync(fd).size === h.total) {
      if (!known && seen !== null) {
        try {
          writeAtomically(dir + SEEN_FILE, Buffer.from(seen));
        } catch {
          /* a read-only installation checks the stamp at every start */
        }
      }
      return { bytes: new PackBytes(path, fd, null, h.total), h };
    }
    closeSync(fd);
  } catch {
    /* not made yet */
  }
  let made: Buffer;
  try {
    made = writePack(dir);
  } catch {
    // a read-only installation: the pack lives in memory for this process only
    made = buildPack(dir);
  }
  const h = readHeader(made, sourceStamp(dir));
  if (!h) throw new Error("sitrep: the gazetteer pack could not be made");
  return { bytes: new PackBytes(path, null, made, h.total), h };
}

/** The gazetteer of the tables in `dir` (the installed ones: `gazetteer()`); exported for tests. */
export function openGazetteer(dir: string): Gazetteer {
  const { bytes, h } = openData(dir);
  // seas, straits and islands: a short hand-made table (GeoNames' hydrographic and island classes are not
  // in the data this package is built from), read here so that editing it needs no rebuild
  const features = new Map<string, GazEntry[]>();
  let featureCount = 0;
  try {
    for (const line of readFileSync(dir + "features.tsv", "utf8").split("\n")) {
      if (!line) continue;
      const [fcode, lat, lon, cc, names] = line.split("\t") as [string, string, string, string, string];
      const ns = names.split("|");
      const e: GazEntry = { kind: "feature", geonameId: 0, name: ns[0]!, lat: +lat, lon: +lon, country: cc, admin1: "", population: 0, fcode };
      for (const k of new Set(ns.map(spellingKey))) {
        const l = features.get(k);
        if (l) l.push(e);
        else features.set(k, [e]);
      }
      featureCount++;
    }
  } catch {
    /* an installation without the table still has every town */
  }
  // an entry (known by where its row starts) becomes an object when a look-up first returns it, and stays the same object
  const rows = new Map<number, GazEntry>();
  const parseRow = (line: string): GazEntry => {
    const f = line.split("\t");
    const kind: PlaceKind = f[0] === "p" ? "place" : f[0] === "c" ? "country" : "admin1";
    // the same fields in the same order as ever (a country's Dutch name after its name)
    return kind === "country"
      ? { kind, geonameId: +f[1]!, name: f[2]!, nameNl: f[9]!, lat: +f[3]!, lon: +f[4]!, country: f[5]!, admin1: f[6]!, population: +f[7]!, fcode: f[8]! }
      : { kind, geonameId: +f[1]!, name: f[2]!, lat: +f[3]!, lon: +f[4]!, country: f[5]!, admin1: f[6]!, population: +f[7]!, fcode: f[8]! };
  };
  const row = (at: number): GazEntry => {
    let e = rows.get(at);
    if (!e) rows.set(at, (e = parseRow(bytes.line(at).toString("utf8"))));
    return e;
  };
  // the first key of every block, read at open; a block is read when a key falls in it
  const index = bytes.read(h.blocks, h.blocksLen);
  const ints = (from: number, n: number) => {
    // a copy of the bytes seen as int32s: a loop of readInt32LE over 11,000 numbers is slow before the JIT warms up
    if (LITTLE_ENDIAN) return new Int32Array(Uint8Array.prototype.slice.call(index, from, from + 4 * n).buffer);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = index.readInt32LE(from + 4 * i);
    return out;
  };
  const blockAt = ints(0, h.blockCount + 1);
  const firstAt = ints(4 * (h.blockCount + 1), h.blockCount + 1);
  const firstKeys = index.toString("utf8", 8 * (h.blockCount + 1));
  const blocks = new Map<number, string>();
  /** The entries of a key as "row,row,…", or null. */
  const findKey = (key: string): string | null => {
    if (key.includes("\n") || key.includes("\t")) return null;
    let lo = 0, hi = h.blockCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (firstKeys.slice(firstAt[mid]!, firstAt[mid + 1]!) <= key) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    if (b < 0) return null;
    // blocks read piece by piece are kept (a short report asks for a few, often again); once the file is read
    // whole a block is decoded each time, which keeps no second copy of the keys as strings
    let text = blocks.get(b);
    if (text === undefined) {
      text = "\n" + bytes.read(blockAt[b]!, blockAt[b + 1]! - blockAt[b]!).toString("utf8");
      if (bytes.isWhole) blocks.clear();
      else blocks.set(b, text);
    }
    const at = text.indexOf(`\n${key}\t`);
    if (at < 0) return null;
    const from = at + key.length + 2;
    return text.slice(from, text.indexOf("\n", from));
  };
  const none: readonly GazEntry[] = [];
  const cache = new Map<string, readonly GazEntry[]>();
  const byKey = (k: string): readonly GazEntry[] => {
    let hit = cache.get(k);
    if (hit) return hit;
    const out: GazEntry[] = [];
    const at = findKey(k)?.split(",").map(Number) ?? [];
    // countries and regions come first, then the hand-made features, then the towns (largest first)
    let p = 0;
    for (; p < at.length && at[p]! < h.firstPlace; p++) out.push(row(at[p]!));
    for (const e of features.get(k) ?? none) out.push(e);
    for (; p < at.length; p++) out.push(row(at[p]!));
    hit = out;
    if (cache.size > 50000) cache.clear();
    cache.set(k, hit);
    return hit;
  };
  // asked of every name run of every report, most of them no place: the answer is kept, found or not (a miss
  // would otherwise search its block again each time the name recurs)
  const hasCache = new Map<string, boolean>();
  const has = (k: string): boolean => {
    let hit = hasCache.get(k);
    if (hit === undefined) {
      hit = (cache.get(k)?.length ?? 0) > 0 || features.has(k) || findKey(k) !== null;
      if (hasCache.size > 50000) hasCache.clear();
      hasCache.set(k, hit);
    }
    return hit;
  };
  const areaCache = new Map<string, readonly GazEntry[]>();
  const areas = (k: string): readonly GazEntry[] => {
    let hit = areaCache.get(k);
    if (hit) return hit;
    const out: GazEntry[] = [];
    for (const at of findKey(k)?.split(",") ?? []) if (+at < h.firstPlace) out.push(row(+at));
    for (const e of features.get(k) ?? none) out.push(e);
    hit = out.length ? out : none;
    if (areaCache.size > 50000) areaCache.clear();
    areaCache.set(k, hit);
    return hit;
  };
  // the region index as text, searched for the one region asked for: splitting it into a map of every
  // region cost a small extract ~20 ms for the one or two regions it reads
  let regionIndex: string | null = null;
  const regionCache = new Map<string, GazEntry[]>();
  /** The population of the row at `at`, read from its bytes unless the row is an entry already. */
  const populationAt = (at: number): number => {
    const e = rows.get(at);
    if (e) return e.population;
    const line = bytes.line(at);
    // the eighth field (kind, id, name, lat, lon, country, admin1, population)
    let from = 0;
    for (let f = 0; f < 7 && from >= 0; f++) {
      const tab = line.indexOf(9, from);
      from = tab < 0 ? -1 : tab + 1;
    }
    if (from < 0) return NaN;
    const tab = line.indexOf(9, from);
    return +line.toString("latin1", from, tab < 0 ? line.length : tab);
  };
  const placesIn = (cc: string, a1: string, minPopulation = 0): readonly GazEntry[] => {
    const rk = `${cc}.${a1}`;
    let r = minPopulation > 0 ? undefined : regionCache.get(rk);
    if (r) return r;
    regionIndex ??= "\n" + bytes.read(h.regionIx, h.regionIxLen).toString("utf8");
    r = [];
    const hit = rk.includes("\n") || rk.includes("\t") ? -1 : regionIndex.indexOf(`\n${rk}\t`);
    if (hit >= 0) {
      const from = hit + rk.length + 2;
      const end = regionIndex.indexOf("\n", from);
      const [at, len] = regionIndex.slice(from, end < 0 ? regionIndex.length : end).split("\t") as [string, string];
      const line = bytes.read(+at, +len).toString("utf8");
      // a region's villages are two in five of its rows: below the floor asked for they stay unread (the rows
      // come most inhabitants first, as the pack lays out the places, so the first below it ends the list)
      for (const at of line.slice(line.indexOf("\t") + 1, line.length - 1).split(",")) {
        if (minPopulation > 0 && !(populationAt(+at) >= minPopulation)) break;
        r.push(row(+at));
      }
    }
    // the filtered lists are kept by their one caller (geocode's region index)
    if (minPopulation <= 0) regionCache.set(rk, r);
    return r;
  };
  let countries: Map<string, GazEntry> | null = null;
  const country = (cc: string): GazEntry | undefined => {
    if (!countries) {
      countries = new Map();
      const all = bytes.read(h.rows, h.countriesEnd - h.rows);
      for (let at = 0; at < all.length; ) {
        const end = all.indexOf(10, at);
        const pos = h.rows + at;
        let e = rows.get(pos);
        if (!e) rows.set(pos, (e = parseRow(all.toString("utf8", at, end))));
        countries.set(e.country, e);
        at = end + 1;
      }
    }
    return countries.get(cc);
  };
  // coordinates and inhabitants of every row, read on the first box asked for (map labels), most inhabitants first
  let byPop: { i: number; lat: number; lon: number }[] | null = null;
  const townsWithin = (b: { west: number; south: number; east: number; north: number }, limit: number): readonly GazEntry[] => {
    if (!byPop) {
      const whole = bytes.readWhole();
      const all: { i: number; lat: number; lon: number; pop: number }[] = [];
      for (let i = h.firstPlace; i < h.keys; ) {
        const end = whole.indexOf(10, i);
        const f = whole.toString("latin1", i, end).split("\t");
        all.push({ i, lat: +f[3]!, lon: +f[4]!, pop: +f[7]! });
        i = end + 1;
      }
      byPop = all.sort((a, c) => c.pop - a.pop || a.i - c.i);
    }
    const out: GazEntry[] = [];
    const inLon = (lon: number) => (b.west <= b.east ? lon >= b.west && lon <= b.east : lon >= b.west || lon <= b.east);
    for (const p of byPop) {
      if (p.lat < b.south || p.lat > b.north || !inLon(p.lon)) continue;
      out.push(row(p.i));
      if (out.length >= limit) break;
    }
    return out;
  };
  return {
    townsWithin,
    byKey,
    has,
    areas,
    placesIn,
    country,
    size: h.entries + featureCount,
    held: () => bytes.held,
    release: () => bytes.release(),
  };
}

/** The countries, regions and seas (no towns) for a name as written. */
export function lookupArea(name: string): readonly GazEntry[] {
  return gazetteer().areas(spellingKey(name));
}

/** Convenience: entries for a name as written. */
export function lookupName(name: string): readonly GazEntry[] {
  return gazetteer().byKey(spellingKey(name));
}
