// eld's n-gram database as one binary file that opens without being evaluated: `data/packed/eld-small.bin`, made
// from eld's own table by `npm install` (prepare, scripts/pack-tables.ts) or, when missing or made from another eld,
// by the first process that needs it. eld ships its database as a JavaScript object literal of 81,000 entries
// (1.6 MB); parsing and building it cost a small `sitrep extract` more than half of its CPU time, while telling
// the language of one report looks up a few hundred of those entries. The pack is read whole (1.3 MB, about a
// millisecond) and an entry becomes an object only when eld asks for it. For the eld whose detect() it mirrors
// (2.1.0), packedDetector does eld's steps over the pack itself, with eld's own separators, byte dictionary and
// result object, so verdicts, scores and reliability stay exactly those of `eld/small` (test/packed.test.ts,
// test/language-scores.test.ts); any other eld's own code does the detecting over the pack. The separators and
// the dictionary are kept in the pack and eld's result object is loaded only when scores are asked for (not for
// a Dutch or English verdict): loading any of eld's modules, which are ES modules, readies Node's loader of ES
// modules for require(), ~20 ms of a small extract.
//
// eld exports only its ready-made instances: the table and the factory that loads one are reached by their
// place in the package (checked against the version in the stamp). If they are not where this eld keeps
// them, `eld/small` is loaded as it is: slower, never different.
//
// Layout, little-endian: a header of HEADER_BYTES ("SREL", format version, entry count N, pair count, byte
// length of the keys, length of the stamp, the stamp: eld's version and the size of its table), then
//   keyEnd   uint32 × N   where each key ends in `keys` (sorted in JavaScript string order)
//   pairEnd  uint32 × N   where each entry's (language, score) pairs end, counted in pairs
//   keys     the keys, one byte per character (eld's keys are strings of characters U+0000–U+00FF)
//   pairs    two bytes per pair: the language's index, the score (what eld's table holds, 6–207)
//   head     uint32 length, then JSON: the table's type and languages, and (when they were found) eld's
//            separators (a regular expression's source and flags) and byte dictionary
import { createRequire } from "node:module";
import { existsSync, readFileSync, statSync } from "node:fs";
import { writeAtomically } from "../geo/gazpack.js";
import { fileURLToPath } from "node:url";

const MAGIC = 0x4c455253; // "SREL" read as a little-endian int32
/** Raise when the layout changes: an older file is then rebuilt. */
const VERSION = 2;
const HEADER_BYTES = 128;
const FIXED = 24; // magic, version, N, pairs, key bytes, stamp length

/** What eld's table is: `{ type, languages: { 0: "am", … }, ngrams: { " de ": { 37: 52 }, … } }`. */
export interface NgramsData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

export interface Eld {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
}

/** Where this eld keeps its parts. */
function eldFiles(): { dir: string; table: string; factory: string; pkg: string } {
  // the folder as require() finds it (import.meta.resolve costs a few milliseconds on its first call)
  const dir = createRequire(import.meta.url).resolve.paths("eld")?.map((d) => `${d}/eld`).find((d) => existsSync(`${d}/package.json`));
  if (!dir) throw new Error("eld is not installed");
  return { dir, table: `${dir}/src/ngrams/small.js`, factory: `${dir}/src/languageDetector.js`, pkg: `${dir}/package.json` };
}

/** eld's version and the size of its table: a pack made from another eld is not used. */
function eldStamp(files: { table: string; pkg: string }): string {
  const version = (JSON.parse(readFileSync(files.pkg, "utf8")) as { version?: string }).version ?? "?";
  return `eld ${version} small ${statSync(files.table).size}`;
}

/** What eld's detect() reads besides its table and result object, as kept in the pack. */
export interface EldText {
  separators: { source: string; flags: string };
  dictionary: string[];
}

/** eld's separators and byte dictionary, from their place in the package; undefined when not there as expected. */
function eldText(dir: string): EldText | undefined {
  const require = createRequire(import.meta.url);
  try {
    const { separators } = require(`${dir}/src/regexPatterns.js`) as { separators: unknown };
    const { dictionary } = require(`${dir}/src/dictionary.js`) as { dictionary: unknown };
    if (!(separators instanceof RegExp) || !Array.isArray(dictionary) || dictionary.length !== 256 || !dictionary.every((d) => typeof d === "string")) return undefined;
    return { separators: { source: separators.source, flags: separators.flags }, dictionary: dictionary as string[] };
  } catch {
    return undefined;
  }
}

/** The pack of eld's table, with the stamp of the eld it was made from (and eld's separators and dictionary). */
export function buildEldPack(data: NgramsData, stamp: string, text?: EldText): Buffer {
  const keys = Object.keys(data.ngrams).sort();
  const n = keys.length;
  let keyBytes = 0;
  let pairs = 0;
  for (const k of keys) {
    keyBytes += k.length;
    for (const [lang, score] of Object.entries(data.ngrams[k]!)) {
      for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) > 0xff) throw new Error(`eld pack: a key beyond U+00FF: ${JSON.stringify(k)}`);
      if (!(+lang >= 0 && +lang < 256 && Number.isInteger(score) && score >= 0 && score < 256)) throw new Error(`eld pack: an entry out of range: ${k} ${lang} ${score}`);
      pairs++;
    }
  }
  const langs = Buffer.from(JSON.stringify({ type: data.type, languages: data.languages, ...text }), "utf8");
  const stampBytes = Buffer.from(stamp, "utf8");
  if (FIXED + stampBytes.length > HEADER_BYTES) throw new Error("eld pack: stamp too long");
  const total = HEADER_BYTES + 8 * n + keyBytes + 2 * pairs + 4 + langs.length;
  const buf = Buffer.alloc(total);
  buf.writeInt32LE(MAGIC, 0);
  buf.writeInt32LE(VERSION, 4);
  buf.writeInt32LE(n, 8);
  buf.writeInt32LE(pairs, 12);
  buf.writeInt32LE(keyBytes, 16);
  buf.writeInt32LE(stampBytes.length, 20);
  stampBytes.copy(buf, FIXED);
  let at = HEADER_BYTES;
  let keyAt = HEADER_BYTES + 8 * n;
  let pairAt = keyAt + keyBytes;
  let pairCount = 0;
  let keyEnd = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    buf.write(k, keyAt, "latin1");
    keyAt += k.length;
    keyEnd += k.length;
    // the pairs in eld's order (ascending language index, as an object's integer keys are enumerated)
    for (const [lang, score] of Object.entries(data.ngrams[k]!)) {
      buf[pairAt++] = +lang;
      buf[pairAt++] = score;
      pairCount++;
    }
    buf.writeUInt32LE(keyEnd, at + 4 * i);
    buf.writeUInt32LE(pairCount, at + 4 * n + 4 * i);
  }
  buf.writeUInt32LE(langs.length, pairAt);
  langs.copy(buf, pairAt + 4);
  return buf;
}

/** eld's table read from its pack: as eld reads it, and as the detector over the pack itself reads it. */
export interface PackedNgrams extends NgramsData {
  /** eld's separators and byte dictionary, when the pack has them. */
  text?: EldText;
  /** Adds what the table gives n-gram `key` (its score plus eld's base score, per language index) to `into`. */
  addScores(key: string, into: number[]): void;
}

/** eld's table in the shape eld reads, its entries made from the pack when looked up; null if `buf` is no pack of `stamp`. */
export function readEldPack(buf: Buffer, stamp: string): PackedNgrams | null {
  if (buf.length < HEADER_BYTES || buf.readInt32LE(0) !== MAGIC || buf.readInt32LE(4) !== VERSION) return null;
  const n = buf.readInt32LE(8);
  const pairs = buf.readInt32LE(12);
  const keyBytes = buf.readInt32LE(16);
  const stampLen = buf.readInt32LE(20);
  if (stampLen > HEADER_BYTES - FIXED || buf.toString("utf8", FIXED, FIXED + stampLen) !== stamp) return null;
  const keysAt = HEADER_BYTES + 8 * n;
  const pairsAt = keysAt + keyBytes;
  const langsAt = pairsAt + 2 * pairs;
  if (langsAt + 4 > buf.length) return null;
  const langsLen = buf.readUInt32LE(langsAt);
  if (langsAt + 4 + langsLen !== buf.length) return null;
  const head = JSON.parse(buf.toString("utf8", langsAt + 4, langsAt + 4 + langsLen)) as { type: string; languages: Record<string, string> } & Partial<EldText>;
  const keyEnd = (i: number): number => (i < 0 ? 0 : buf.readUInt32LE(HEADER_BYTES + 4 * i));
  const pairEnd = (i: number): number => (i < 0 ? 0 : buf.readUInt32LE(HEADER_BYTES + 4 * n + 4 * i));
  /** Key i against `s` in JavaScript string order (code unit by code unit, a prefix first). */
  const compare = (i: number, s: string): number => {
    const from = keysAt + keyEnd(i - 1);
    const len = keysAt + keyEnd(i) - from;
    const m = Math.min(len, s.length);
    for (let j = 0; j < m; j++) {
      const d = buf[from + j]! - s.charCodeAt(j);
      if (d !== 0) return d;
    }
    return len - s.length;
  };
  // eld asks for the same few thousand n-grams (" de ", "the ") in every report: each found once by the binary
  // search and kept, found or not. eld only reads an entry (for…in), so one object can serve every call.
  const seen = new Map<string, Record<string, number> | null>();
  const lookUp = (s: string): Record<string, number> | undefined => {
    const hit = seen.get(s);
    if (hit !== undefined) return hit ?? undefined;
    const found = search(s);
    if (seen.size >= 200_000) seen.clear();
    seen.set(s, found ?? null);
    return found;
  };
  // (the index of the entry for an n-gram, by halving: -1 when the pack has none)
  const find = (s: string): number => {
    if (s.length === 0 || s.length > 64) return -1;
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(mid, s);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
  const search = (s: string): Record<string, number> | undefined => {
    const at = find(s);
    if (at < 0) return undefined;
    const entry: Record<string, number> = {};
    for (let p = pairEnd(at - 1), end = pairEnd(at); p < end; p++) entry[buf[pairsAt + 2 * p]!] = buf[pairsAt + 2 * p + 1]!;
    return entry;
  };
  // eld reads its table only as `ngrams[key]`, then walks the entry with for…in
  const ngrams = new Proxy({} as Record<string, Record<string, number>>, {
    get: (_t, key) => (typeof key === "string" ? lookUp(key) : undefined),
    has: (_t, key) => typeof key === "string" && lookUp(key) !== undefined,
  });
  // the detector over the pack reads an entry's pairs where they lie: the entry's index, found once per n-gram
  const indexOf = new Map<string, number>();
  const addScores = (key: string, into: number[]): void => {
    let at = indexOf.get(key);
    if (at === undefined) {
      at = find(key);
      if (indexOf.size >= 200_000) indexOf.clear();
      indexOf.set(key, at);
    }
    if (at < 0) return;
    for (let p = pairEnd(at - 1), end = pairEnd(at); p < end; p++) into[buf[pairsAt + 2 * p]!]! += buf[pairsAt + 2 * p + 1]! + BASE_NGRAM_SCORE;
  };
  const text = head.separators && Array.isArray(head.dictionary) && head.dictionary.length === 256 ? { separators: head.separators, dictionary: head.dictionary } : undefined;
  return { type: head.type, languages: head.languages, ngrams, addScores, text };
}

/** What eld adds to every score of its table (which holds the score less this, to be smaller). */
const BASE_NGRAM_SCORE = 53;
/** The eld whose detect() packedDetector() does as eld does: another version is used as it is. */
const PACKED_DETECT_VERSION = "2.1.0";

type EldResult = ReturnType<Eld["detect"]>;
type LanguageResultClass = new (language: string, results: number[], numNgrams: number, langCodes: Record<string, string>) => EldResult;

/**
 * A verdict whose scores and reliability are eld's own result object's, made when first asked for: `make`
 * loads eld's LanguageResult then (or, if it cannot, asks eld/small itself about the same text).
 */
class PackedResult implements EldResult {
  private made: EldResult | undefined;
  constructor(
    readonly language: string,
    private readonly make: () => EldResult,
  ) {}
  getScores(): Record<string, number> {
    return (this.made ??= this.make()).getScores();
  }
  isReliable(): boolean {
    return (this.made ??= this.make()).isReliable();
  }
}

/**
 * eld's detect() (eld 2.1.0 without a language subset or text clean-up, as sitrep uses it) over the pack: the
 * same steps, the same integer sums and eld's own result object, so the same verdict, scores and reliability.
 * eld collects a text's n-grams as the keys of an object and reads every entry through the table (here a
 * Proxy): two string hash tables with internalised keys per n-gram, most of the time of telling a report's
 * language. Here the n-grams are a Set and each entry's scores are added from the pack.
 */
function packedDetector(data: PackedNgrams, separators: RegExp, dictionary: readonly string[], result: (language: string, results: number[], numNgrams: number, langCodes: Record<string, string>, text: string) => EldResult): Eld {
  const langCodes = data.languages;
  const langs = Object.keys(langCodes).length;
  return {
    detect(text: string) {
      if (typeof text !== "string") return result("", [], 0, {}, text);
      const words = utf8Words(text.substring(0, 1000).replace(separators, " ").trim().toLowerCase(), dictionary);
      const grams = new Set<string>();
      for (const word of words) {
        let len = word.length;
        if (len > 70) len = 70;
        let j = 0;
        for (; j + 4 < len; j += 3) grams.add((j === 0 ? " " : "") + word.substring(j, j + 4));
        grams.add((j === 0 ? " " : "") + word.substring(len !== 3 ? len - 4 : 0) + " ");
      }
      const results = new Array<number>(langs).fill(0);
      for (const g of grams) data.addScores(g, results);
      let maxKey = -1;
      let maxVal = 0;
      for (let k = 0; k < results.length; k++) {
        const v = results[k]!;
        if (v > 0 && v > maxVal) (maxVal = v), (maxKey = k);
      }
      if (maxKey < 0) return result("", [], 0, {}, text);
      return result(langCodes[maxKey]!, results, grams.size, langCodes, text);
    },
  };
}

/** eld's strToUtf8Bytes: the words of a text as strings of its UTF-8 bytes (one character of `dictionary` a byte), cut after about 350 bytes. */
function utf8Words(str: string, dictionary: readonly string[]): string[] {
  let encoded = "";
  const words: string[] = [];
  let countBytes = 0;
  const cutAfter = 350;
  const enforceCutAfter = 380;
  for (let ii = 0; ii < str.length; ii++) {
    let charCode = str.charCodeAt(ii);
    if (charCode < 0x80) {
      if (charCode === 32) {
        if (encoded !== "") {
          words.push(encoded);
          encoded = "";
        }
        if (countBytes > cutAfter) break;
      } else {
        encoded += str[ii];
      }
      countBytes++;
    } else if (charCode < 0x800) {
      encoded += dictionary[0xc0 | (charCode >> 6)]! + dictionary[0x80 | (charCode & 0x3f)]!;
      countBytes += 2;
    } else if (charCode < 0xd800 || charCode >= 0xe000) {
      encoded += dictionary[0xe0 | (charCode >> 12)]! + dictionary[0x80 | ((charCode >> 6) & 0x3f)]! + dictionary[0x80 | (charCode & 0x3f)]!;
      countBytes += 3;
    } else {
      ii++;
      charCode = 0x10000 + (((charCode & 0x3ff) << 10) | (str.charCodeAt(ii) & 0x3ff));
      encoded += dictionary[0xf0 | (charCode >> 18)]! + dictionary[0x80 | ((charCode >> 12) & 0x3f)]! + dictionary[0x80 | ((charCode >> 6) & 0x3f)]! + dictionary[0x80 | (charCode & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > enforceCutAfter) break;
  }
  if (encoded !== "") words.push(encoded);
  return words;
}

function packPath(): string {
  return fileURLToPath(new URL("../../../data/packed/eld-small.bin", import.meta.url));
}

/** Makes the pack from the installed eld and stores it (scripts/pack-tables.ts); returns its size in bytes. */
export function writeEldPack(): number {
  const require = createRequire(import.meta.url);
  const files = eldFiles();
  const { ngramsData } = require(files.table) as { ngramsData: NgramsData };
  const buf = buildEldPack(ngramsData, eldStamp(files), eldText(files.dir));
  store(buf);
  return buf.length;
}

function store(buf: Buffer): void {
  try {
    writeAtomically(packPath(), buf);
  } catch {
    // a read-only installation: every process then loads eld's table as eld ships it
  }
}

/**
 * The eld detector over all of eld's languages: from the pack when there is one for this eld; else eld's
 * own table is loaded (and the pack stored for the next process), or `eld/small` itself when eld's parts are not
 * where they were.
 */
export function loadEld(): Eld {
  const require = createRequire(import.meta.url);
  const small = () => (require(fileURLToPath(import.meta.resolve("eld/small"))) as { eld: Eld }).eld;
  let files: ReturnType<typeof eldFiles> | undefined;
  let stamp = "";
  try {
    files = eldFiles();
    stamp = eldStamp(files);
  } catch {
    return small();
  }
  let data: NgramsData | PackedNgrams | null = null;
  try {
    data = readEldPack(readFileSync(packPath()), stamp);
  } catch {
    /* not made yet */
  }
  if (!data) {
    const table = (require(files.table) as { ngramsData: NgramsData }).ngramsData;
    try {
      store(buildEldPack(table, stamp, eldText(files.dir)));
    } catch {
      /* a table this code cannot pack: used as it is */
    }
    data = table;
  }
  if ("addScores" in data && stamp.startsWith(`eld ${PACKED_DETECT_VERSION} `)) {
    const text = data.text ?? eldText(files.dir);
    if (text) {
      const dir = files.dir;
      let LanguageResult: LanguageResultClass | null | undefined;
      const result = (language: string, results: number[], numNgrams: number, langCodes: Record<string, string>, sample: string) =>
        new PackedResult(language, () => {
          if (LanguageResult === undefined) {
            try {
              const c = (require(`${dir}/src/LanguageResult.js`) as { LanguageResult: unknown }).LanguageResult;
              LanguageResult = typeof c === "function" ? (c as LanguageResultClass) : null;
            } catch {
              LanguageResult = null;
            }
          }
          // eld's result object not where this eld keeps it: eld/small's own answer for the same text
          return LanguageResult ? new LanguageResult(language, results, numNgrams, langCodes) : small().detect(sample);
        });
      return packedDetector(data, new RegExp(text.separators.source, text.separators.flags), text.dictionary, result);
    }
  }
  // what eld/small's entry does with its table
  try {
    const factory = require(files.factory) as { createEld?: () => { instance: Eld; loadData(d: NgramsData): unknown } };
    if (typeof factory.createEld === "function") {
      const { instance, loadData } = factory.createEld();
      loadData(data);
      return instance;
    }
  } catch {
    /* not where this eld keeps it */
  }
  return small();
}
