// The gazetteer that ships in data/gazetteer/ (built by scripts/build-gazetteer.ts from GeoNames, CC BY 4.0):
// populated places with >= 1000 inhabitants and their alternate names, admin-1 regions, countries with their
// Dutch and English names. Loaded once, lazily, on the first look-up; every name is indexed by its spelling key.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { gunzip, gunzipSync } from "node:zlib";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { spellingKey } from "./spelling.js";

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
  /** The places of one admin-1 region (for fuzzy matching inside a region the report names). */
  placesIn(country: string, admin1: string): readonly GazEntry[];
  country(code: string): GazEntry | undefined;
  /** Populated places inside a box (degrees; west may exceed east across the antimeridian), most inhabitants first. */
  townsWithin(box: { west: number; south: number; east: number; north: number }, limit: number): readonly GazEntry[];
  size: number;
}

function dataDir(): string {
  // dist/src/geo/ → package root/data/gazetteer; src/geo/ (ts-node style) → same
  for (const up of ["../../../data/gazetteer/", "../../data/gazetteer/"]) {
    const p = fileURLToPath(new URL(up, import.meta.url));
    try {
      readFileSync(p + "countries.tsv", { flag: "r" });
      return p;
    } catch {
      /* try the next */
    }
  }
  throw new Error("sitrep: data/gazetteer is missing from the installation");
}

let loaded: Gazetteer | null = null;
/** The two big tables, unpacked ahead of the first look-up by `preloadGazetteer`. */
let unpacked: { places: Buffer; keys: Buffer } | null = null;
let unpacking: Promise<void> | null = null;

/** The gazetteer, loaded on first call. */
export function gazetteer(): Gazetteer {
  return (loaded ??= load());
}

/**
 * Reads and unpacks the big tables off the main thread (zlib works on libuv's thread pool), so that a
 * command that will geocode can do it while its modules load and its input is read; `gazetteer()` then
 * finds them ready. Harmless to call more than once, or never.
 */
export function preloadGazetteer(): Promise<void> {
  if (loaded || unpacked) return Promise.resolve();
  return (unpacking ??= (async () => {
    const dir = dataDir();
    const unzip = promisify(gunzip);
    const [places, keys] = await Promise.all([readFile(dir + "places.tsv.gz").then((b) => unzip(b)), readFile(dir + "place-keys.tsv.gz").then((b) => unzip(b))]);
    unpacked ??= { places, keys };
  })().catch(() => {
    // the synchronous load will meet the same problem and say so
  }));
}

/** Offsets of the line starts of a table (one pass over its bytes, no strings made). */
function lineStarts(buf: Buffer): Int32Array {
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  const out = new Int32Array(n);
  let at = 0;
  for (let k = 0; k < n; k++) {
    out[k] = at;
    at = buf.indexOf(10, at) + 1;
  }
  return out;
}

function load(): Gazetteer {
  const dir = dataDir();
  const small = new Map<string, GazEntry[]>();
  const countries = new Map<string, GazEntry>();
  const add = (k: string, e: GazEntry) => {
    const l = small.get(k);
    if (l) l.push(e);
    else small.set(k, [e]);
  };
  for (const line of readFileSync(dir + "countries.tsv", "utf8").split("\n")) {
    if (!line) continue;
    const [cc, en, nl, lat, lon, keys] = line.split("\t") as [string, string, string, string, string, string];
    const e: GazEntry = { kind: "country", geonameId: 0, name: en, nameNl: nl, lat: +lat, lon: +lon, country: cc, admin1: "", population: 0, fcode: "" };
    countries.set(cc, e);
    for (const k of keys.split("|")) add(k, e);
  }
  let regions = 0;
  for (const line of readFileSync(dir + "admin1.tsv", "utf8").split("\n")) {
    if (!line) continue;
    const [code, name, lat, lon, keys] = line.split("\t") as [string, string, string, string, string];
    const dot = code.indexOf(".");
    const e: GazEntry = { kind: "admin1", geonameId: 0, name, lat: +lat, lon: +lon, country: code.slice(0, dot), admin1: code.slice(dot + 1), population: 0, fcode: "" };
    for (const k of keys.split("|")) add(k, e);
    regions++;
  }
  // seas, straits and islands: a short hand-made table (GeoNames' hydrographic and island classes are not
  // in the data this package is built from)
  try {
    for (const line of readFileSync(dir + "features.tsv", "utf8").split("\n")) {
      if (!line) continue;
      const [fcode, lat, lon, cc, names] = line.split("\t") as [string, string, string, string, string];
      const ns = names.split("|");
      const e: GazEntry = { kind: "feature", geonameId: 0, name: ns[0]!, lat: +lat, lon: +lon, country: cc, admin1: "", population: 0, fcode };
      for (const k of new Set(ns.map(spellingKey))) add(k, e);
      regions++;
    }
  } catch {
    /* an installation without the table still has every town */
  }
  // the two big tables stay as bytes (never one string of 10 MB, nor a string per row): rows are parsed
  // when a look-up needs them
  const { places, keys } = unpacked ?? { places: gunzipSync(readFileSync(dir + "places.tsv.gz")), keys: gunzipSync(readFileSync(dir + "place-keys.tsv.gz")) };
  unpacked = null;
  const placeAt = lineStarts(places);
  const rows = new Map<number, GazEntry>();
  const row = (i: number): GazEntry => {
    let e = rows.get(i);
    if (e) return e;
    const end = places.indexOf(10, placeAt[i]!);
    const f = places.toString("utf8", placeAt[i]!, end).split("\t");
    e = { kind: "place", geonameId: +f[0]!, name: f[1]!, lat: +f[2]!, lon: +f[3]!, country: f[4]!, admin1: f[5]!, population: +f[6]!, fcode: f[7]! };
    rows.set(i, e);
    return e;
  };
  // the key of the line starting at byte `at` compared with k (as UTF-8 bytes; the keys are ASCII) in
  // place, without slicing it out
  const compareKey = (at: number, k: Uint8Array): number => {
    for (let x = 0; ; x++, at++) {
      const a = keys[at]!;
      if (x === k.length) return a === 9 ? 0 : 1;
      if (a === 9) return -1;
      const b = k[x]!;
      if (a !== b) return a - b;
    }
  };
  // binary search over the bytes of the sorted key table: [lo, hi) always begins and ends at line starts,
  // so no index of its 360,000 lines is needed
  const findKey = (key: string): number => {
    const k = Buffer.from(key, "utf8");
    let lo = 0, hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = mid === 0 ? 0 : keys.lastIndexOf(10, mid - 1) + 1;
      const c = compareKey(at, k);
      if (c === 0) return at;
      if (c < 0) {
        const end = keys.indexOf(10, at);
        if (end < 0) break;
        lo = end + 1;
      } else hi = at;
    }
    return -1;
  };
  const cache = new Map<string, readonly GazEntry[]>();
  const byKey = (k: string): readonly GazEntry[] => {
    let hit = cache.get(k);
    if (hit) return hit;
    const out: GazEntry[] = [...(small.get(k) ?? [])];
    const at = findKey(k);
    if (at >= 0) {
      const tab = keys.indexOf(9, at);
      const end = keys.indexOf(10, tab);
      for (const n of keys.toString("latin1", tab + 1, end).split(",")) out.push(row(+n));
    }
    hit = out;
    if (cache.size > 50000) cache.clear();
    cache.set(k, hit);
    return hit;
  };
  // rows by region, indexed on the first fuzzy look-up by a hash of the bytes of the country and admin-1
  // columns (the fifth and sixth): no string per row; a hit is checked byte by byte
  const hashBytes = (b: Uint8Array, from: number, to: number): number => {
    let h = 0x811c9dc5;
    for (let x = from; x < to; x++) h = Math.imul(h ^ b[x]!, 0x01000193);
    return h;
  };
  let regionAt: Int32Array | null = null;
  let byRegion: Map<number, number[]> | null = null;
  const regionCache = new Map<string, GazEntry[]>();
  const placesIn = (cc: string, a1: string): readonly GazEntry[] => {
    const rk = `${cc}.${a1}`;
    let r = regionCache.get(rk);
    if (r) return r;
    if (!regionAt || !byRegion) {
      regionAt = new Int32Array(placeAt.length);
      byRegion = new Map();
      for (let i = 0; i < placeAt.length; i++) {
        let at = placeAt[i]!;
        for (let f = 0; f < 4; f++) at = places.indexOf(9, at) + 1;
        regionAt[i] = at;
        const end = places.indexOf(9, places.indexOf(9, at) + 1) + 1;
        const h = hashBytes(places, at, end);
        const l = byRegion.get(h);
        if (l) l.push(i);
        else byRegion.set(h, [i]);
      }
    }
    const found: number[] = [];
    const want = Buffer.from(`${cc}\t${a1}\t`, "utf8");
    for (const i of byRegion.get(hashBytes(want, 0, want.length)) ?? []) {
      const at = regionAt[i]!;
      let x = 0;
      while (x < want.length && places[at + x] === want[x]) x++;
      if (x === want.length) found.push(i);
    }
    r = found.map(row);
    regionCache.set(rk, r);
    return r;
  };
  // coordinates and inhabitants of every row, read on the first box asked for (map labels), most inhabitants first
  let byPop: { i: number; lat: number; lon: number }[] | null = null;
  const townsWithin = (b: { west: number; south: number; east: number; north: number }, limit: number): readonly GazEntry[] => {
    if (!byPop) {
      const all: { i: number; lat: number; lon: number; pop: number }[] = [];
      for (let i = 0; i < placeAt.length; i++) {
        const end = places.indexOf(10, placeAt[i]!);
        const f = places.toString("latin1", placeAt[i]!, end).split("\t");
        all.push({ i, lat: +f[2]!, lon: +f[3]!, pop: +f[6]! });
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
  const none: readonly GazEntry[] = [];
  return {
    townsWithin,
    byKey,
    has: (k) => (cache.get(k)?.length ?? 0) > 0 || (small.get(k)?.length ?? 0) > 0 || findKey(k) >= 0,
    areas: (k) => small.get(k) ?? none,
    placesIn,
    country: (cc) => countries.get(cc),
    size: placeAt.length + regions + countries.size,
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
