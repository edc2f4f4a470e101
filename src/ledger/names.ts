import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { anyAscii } from "../geo/ascii.js";
import type { EntityType, Lang } from "../model/doc.js";
import { langPack } from "../lang/index.js";

/**
 * A spelling key that brings transliterations and Dutch/English spellings of one name together:
 * Grajvoron/Grayvoron/Грайворон, Poetin/Putin, Medwedew/Medvedev, Charkiv/Kharkiv, Vjatsjeslav/Vyacheslav.
 */
const keyMemo = new Map<string, string>();

export function nameKey(name: string): string {
  let k = keyMemo.get(name);
  if (k === undefined) {
    k = computeNameKey(name);
    // Names repeat across reports; the memo stays small enough to never matter.
    if (keyMemo.size > 100_000) keyMemo.clear();
    keyMemo.set(name, k);
  }
  return k;
}

function computeNameKey(name: string): string {
  let s = anyAscii(name).toLowerCase();
  s = s.replace(/^(?:the|het|de|de|een|an?)\s+/, "");
  s = s.replace(/['’`"«»„“”]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  s = s
    .replace(/tsj/g, "ch")
    .replace(/ch/g, "h")
    .replace(/kh/g, "h")
    .replace(/sj/g, "sh")
    .replace(/zj/g, "zh")
    .replace(/oe/g, "u")
    .replace(/w/g, "v")
    .replace(/ij/g, "i")
    .replace(/[jy]/g, "i")
    .replace(/([a-z])\1+/g, "$1");
  return s;
}

export interface AliasSet {
  id: string;
  type: EntityType;
  en: string;
  nl: string;
  names: string[];
  /** The state a body belongs to (FSB, Kremlin: RU): who speaks when it speaks. */
  country?: string;
}

const COMPATIBLE: Record<EntityType, EntityType[]> = {
  person: ["person"],
  organization: ["organization", "group", "other"],
  group: ["group", "organization", "other"],
  location: ["location", "facility", "other", "organization"],
  facility: ["facility", "location", "other"],
  other: ["person", "organization", "group", "location", "facility", "other"],
};

// Asked for every pair of entities in a report: a table of booleans instead of two array scans.
const COMPATIBLE_PAIR: Record<string, Record<string, boolean>> = {};
for (const a of Object.keys(COMPATIBLE) as EntityType[]) {
  COMPATIBLE_PAIR[a] = {};
  for (const b of Object.keys(COMPATIBLE) as EntityType[]) COMPATIBLE_PAIR[a]![b] = COMPATIBLE[a].includes(b) || COMPATIBLE[b].includes(a);
}

export function compatibleTypes(a: EntityType, b: EntityType): boolean {
  return COMPATIBLE_PAIR[a]?.[b] ?? (COMPATIBLE[a].includes(b) || COMPATIBLE[b].includes(a));
}

let table: { sets: AliasSet[]; byKey: Map<string, AliasSet[]>; byTail: Map<string, AliasSet[]> } | undefined;

/** The shipped cross-language name table (data/aliases.json at the package root). */
export function aliasTable(): { sets: AliasSet[]; byKey: Map<string, AliasSet[]>; byTail: Map<string, AliasSet[]> } {
  if (table) return table;
  const sets: AliasSet[] = [];
  const byKey = new Map<string, AliasSet[]>();
  // every word-final tail of a listed name ("russia legion" of "freedom of russia legion"): a name that
  // ends a listed one is found with one look-up
  const byTail = new Map<string, AliasSet[]>();
  try {
    // dist/src/ledger/names.js → package root
    const path = fileURLToPath(new URL("../../../data/aliases.json", import.meta.url));
    const raw = JSON.parse(readFileSync(path, "utf8")) as { sets: { type: EntityType; nl: string; names: string[]; country?: string }[] };
    raw.sets.forEach((s, i) => {
      const set: AliasSet = { id: `a${i + 1}:${nameKey(s.names[0]!)}`, type: s.type, en: s.names[0]!, nl: s.nl, names: s.names, ...(s.country && { country: s.country }) };
      sets.push(set);
      for (const n of s.names) {
        const k = nameKey(n);
        const l = byKey.get(k) ?? [];
        if (!l.includes(set)) l.push(set);
        byKey.set(k, l);
        for (let p = k.indexOf(" "); p >= 0; p = k.indexOf(" ", p + 1)) {
          const tail = k.slice(p + 1);
          const t = byTail.get(tail) ?? [];
          if (!t.includes(set)) t.push(set);
          byTail.set(tail, t);
        }
      }
    });
  } catch {
    // Without the table, names still merge by spelling key.
  }
  table = { sets, byKey, byTail };
  return table;
}

/**
 * The alias set a name belongs to, when its type fits. A name of two or more words that ends a listed
 * name also belongs to it ("Russia Legion" for "Freedom of Russia Legion"): reports drop leading words.
 */
// Keyed by type, then by the name itself: a joined key would be a new string to hash on every call.
const setMemo = new Map<EntityType, Map<string, AliasSet | null>>();
let setMemoSize = 0;

export function aliasSetOf(name: string, type: EntityType): AliasSet | undefined {
  let byName = setMemo.get(type);
  if (!byName) setMemo.set(type, (byName = new Map()));
  let r = byName.get(name);
  if (r === undefined) {
    r = findAliasSet(name, type) ?? null;
    if (setMemoSize > 100_000) {
      for (const m of setMemo.values()) m.clear();
      setMemoSize = 0;
    }
    // (a copy of its own: a name cut from a report is a slice of it, which held the report's whole text
    // for as long as the memo keeps the name)
    byName.set(JSON.parse(JSON.stringify(name)) as string, r);
    setMemoSize++;
  }
  return r ?? undefined;
}

function findAliasSet(name: string, type: EntityType): AliasSet | undefined {
  const t = aliasTable();
  const k = nameKey(name);
  const hit = t.byKey.get(k)?.find((s) => compatibleTypes(s.type, type));
  if (hit || !k.includes(" ")) return hit;
  let found: AliasSet | undefined;
  for (const s of t.byTail.get(k) ?? []) {
    if (!compatibleTypes(s.type, type)) continue;
    if (found && found !== s) return undefined; // ambiguous
    found = s;
  }
  return found;
}

/**
 * Within one report a short form ("the Legion", "Gladkov") of a longer name of the same type
 * ("Liberty of Russia Legion", "Vyacheslav Gladkov") is the same referent: its words end the longer name.
 */
export function shortFormOf<T extends { name: string; type: EntityType }>(e: T, others: readonly T[], feature?: (name: string) => boolean): T | undefined {
  const k = nameKey(e.name);
  if (k.length < 3) return undefined;
  const tail = " " + k;
  let best: T | undefined;
  for (const o of others) {
    if (o === e || !compatibleTypes(o.type, e.type) || (e.type === "location") !== (o.type === "location")) continue;
    const ok = nameKey(o.name);
    if (ok.length > k.length && ok.endsWith(tail) && (!best || o.name.length > best.name.length) && !feature?.(o.name)) best = o;
  }
  return best;
}

/**
 * `shortFormOf(e, entities)` for every entity of a report at once: the keys are indexed by each of their
 * word-final tails, so a report with many entities costs no comparison of every pair.
 */
export function shortFormsOf<T extends { name: string; type: EntityType }>(entities: readonly T[], feature?: (name: string) => boolean): Map<T, T> {
  const keys = entities.map((e) => nameKey(e.name));
  const byTail = new Map<string, number[]>();
  keys.forEach((ok, j) => {
    for (let p = ok.indexOf(" "); p >= 0; p = ok.indexOf(" ", p + 1)) {
      const tail = ok.slice(p + 1);
      const l = byTail.get(tail);
      if (l) l.push(j);
      else byTail.set(tail, [j]);
    }
  });
  const out = new Map<T, T>();
  entities.forEach((e, i) => {
    const k = keys[i]!;
    if (k.length < 3 || out.has(e)) return;
    let best: T | undefined;
    for (const j of byTail.get(k) ?? []) {
      const o = entities[j]!;
      if (o === e || !compatibleTypes(o.type, e.type) || (e.type === "location") !== (o.type === "location")) continue;
      // "Wadi Derna" is the valley, another place than the town "Derna"
      if (feature?.(o.name)) continue;
      if (!best || o.name.length > best.name.length) best = o;
    }
    if (best) out.set(e, best);
  });
  return out;
}

/**
 * Whether a name opens with a word for a natural feature in its language ("Wadi Derna", "Lake Chad"): see
 * EntityLexicon.featureWords. One test per language, made once, for every report of it.
 */
export function featureName(lang: Lang): (name: string) => boolean {
  let f = featureTests.get(lang);
  if (!f) {
    const words = new Set(langPack(lang).entities.featureWords ?? []);
    f = words.size
      ? (name) => {
          const sp = name.indexOf(" ");
          return sp > 0 && words.has(name.slice(0, sp).toLowerCase());
        }
      : () => false;
    featureTests.set(lang, f);
  }
  return f;
}
const featureTests = new Map<Lang, (name: string) => boolean>();
