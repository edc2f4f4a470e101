// The gazetteer that ships in data/gazetteer/ (built by scripts/build-gazetteer.ts from GeoNames, CC BY 4.0):
// populated places with >= 1000 inhabitants and their alternate names, admin-1 regions, countries with their
// Dutch and English names. Loaded once, lazily, on the first look-up; every name is indexed by its spelling key.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
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
  /** The places of one admin-1 region (for fuzzy matching inside a region the report names). */
  placesIn(country: string, admin1: string): readonly GazEntry[];
  country(code: string): GazEntry | undefined;
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

/** The gazetteer, loaded on first call. */
export function gazetteer(): Gazetteer {
  return (loaded ??= load());
}

/** Offsets of the line starts of a text (one pass, no strings made). */
function lineStarts(text: string): Int32Array {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  const out = new Int32Array(n);
  let at = 0;
  for (let k = 0; k < n; k++) {
    out[k] = at;
    at = text.indexOf("\n", at) + 1;
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
  // the two big tables stay as text; rows are parsed when a look-up needs them
  const places = gunzipSync(readFileSync(dir + "places.tsv.gz")).toString("utf8");
  const keys = gunzipSync(readFileSync(dir + "place-keys.tsv.gz")).toString("utf8");
  const placeAt = lineStarts(places);
  const keyAt = lineStarts(keys);
  const rows = new Map<number, GazEntry>();
  const row = (i: number): GazEntry => {
    let e = rows.get(i);
    if (e) return e;
    const end = places.indexOf("\n", placeAt[i]!);
    const f = places.slice(placeAt[i]!, end).split("\t");
    e = { kind: "place", geonameId: +f[0]!, name: f[1]!, lat: +f[2]!, lon: +f[3]!, country: f[4]!, admin1: f[5]!, population: +f[6]!, fcode: f[7]! };
    rows.set(i, e);
    return e;
  };
  // the key of row i compared with k in place (as the string comparison would), without slicing it out
  const compareKey = (i: number, k: string): number => {
    let at = keyAt[i]!;
    for (let x = 0; ; x++, at++) {
      const a = keys.charCodeAt(at);
      if (x === k.length) return a === 9 ? 0 : 1;
      if (a === 9) return -1;
      const b = k.charCodeAt(x);
      if (a !== b) return a - b;
    }
  };
  const findKey = (k: string): number => {
    let lo = 0, hi = keyAt.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compareKey(mid, k);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
  const cache = new Map<string, readonly GazEntry[]>();
  const byKey = (k: string): readonly GazEntry[] => {
    let hit = cache.get(k);
    if (hit) return hit;
    const out: GazEntry[] = [...(small.get(k) ?? [])];
    const i = findKey(k);
    if (i >= 0) {
      const tab = keys.indexOf("\t", keyAt[i]!);
      const end = keys.indexOf("\n", tab);
      for (const n of keys.slice(tab + 1, end).split(",")) out.push(row(+n));
    }
    hit = out;
    if (cache.size > 50000) cache.clear();
    cache.set(k, hit);
    return hit;
  };
  // rows by region, built on the first fuzzy look-up (one pass over the table)
  let regionRows: Map<string, number[]> | null = null;
  const regionCache = new Map<string, GazEntry[]>();
  const placesIn = (cc: string, a1: string): readonly GazEntry[] => {
    const rk = `${cc}.${a1}`;
    let r = regionCache.get(rk);
    if (r) return r;
    if (!regionRows) {
      regionRows = new Map();
      for (let i = 0; i < placeAt.length; i++) {
        let at = placeAt[i]!;
        for (let f = 0; f < 4; f++) at = places.indexOf("\t", at) + 1;
        const t1 = places.indexOf("\t", at);
        const t2 = places.indexOf("\t", t1 + 1);
        const key = `${places.slice(at, t1)}.${places.slice(t1 + 1, t2)}`;
        const l = regionRows.get(key);
        if (l) l.push(i);
        else regionRows.set(key, [i]);
      }
    }
    r = (regionRows.get(rk) ?? []).map(row);
    regionCache.set(rk, r);
    return r;
  };
  return { byKey, placesIn, country: (cc) => countries.get(cc), size: placeAt.length + regions + countries.size };
}

/** Convenience: entries for a name as written. */
export function lookupName(name: string): readonly GazEntry[] {
  return gazetteer().byKey(spellingKey(name));
}
