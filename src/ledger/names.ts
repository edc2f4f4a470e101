import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import anyAscii from "any-ascii";
import type { EntityType } from "../model/doc.js";

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
}

const COMPATIBLE: Record<EntityType, EntityType[]> = {
  person: ["person"],
  organization: ["organization", "group", "other"],
  group: ["group", "organization", "other"],
  location: ["location", "facility", "other", "organization"],
  facility: ["facility", "location", "other"],
  other: ["person", "organization", "group", "location", "facility", "other"],
};

export function compatibleTypes(a: EntityType, b: EntityType): boolean {
  return COMPATIBLE[a].includes(b) || COMPATIBLE[b].includes(a);
}

let table: { sets: AliasSet[]; byKey: Map<string, AliasSet[]> } | undefined;

/** The shipped cross-language name table (data/aliases.json at the package root). */
export function aliasTable(): { sets: AliasSet[]; byKey: Map<string, AliasSet[]> } {
  if (table) return table;
  const sets: AliasSet[] = [];
  const byKey = new Map<string, AliasSet[]>();
  try {
    // dist/src/ledger/names.js → package root
    const path = fileURLToPath(new URL("../../../data/aliases.json", import.meta.url));
    const raw = JSON.parse(readFileSync(path, "utf8")) as { sets: { type: EntityType; nl: string; names: string[] }[] };
    raw.sets.forEach((s, i) => {
      const set: AliasSet = { id: `a${i + 1}:${nameKey(s.names[0]!)}`, type: s.type, en: s.names[0]!, nl: s.nl, names: s.names };
      sets.push(set);
      for (const n of s.names) {
        const k = nameKey(n);
        const l = byKey.get(k) ?? [];
        if (!l.includes(set)) l.push(set);
        byKey.set(k, l);
      }
    });
  } catch {
    // Without the table, names still merge by spelling key.
  }
  table = { sets, byKey };
  return table;
}

/**
 * The alias set a name belongs to, when its type fits. A name of two or more words that ends a listed
 * name also belongs to it ("Russia Legion" for "Freedom of Russia Legion"): reports drop leading words.
 */
const setMemo = new Map<string, AliasSet | null>();

export function aliasSetOf(name: string, type: EntityType): AliasSet | undefined {
  const mk = `${type}\u0000${name}`;
  let r = setMemo.get(mk);
  if (r === undefined) {
    r = findAliasSet(name, type) ?? null;
    if (setMemo.size > 100_000) setMemo.clear();
    setMemo.set(mk, r);
  }
  return r ?? undefined;
}

function findAliasSet(name: string, type: EntityType): AliasSet | undefined {
  const t = aliasTable();
  const k = nameKey(name);
  const hit = t.byKey.get(k)?.find((s) => compatibleTypes(s.type, type));
  if (hit || !k.includes(" ")) return hit;
  let found: AliasSet | undefined;
  for (const [key, sets] of t.byKey) {
    if (!key.endsWith(" " + k)) continue;
    for (const s of sets) {
      if (!compatibleTypes(s.type, type)) continue;
      if (found && found !== s) return undefined; // ambiguous
      found = s;
    }
  }
  return found;
}

/**
 * Within one report a short form ("the Legion", "Gladkov") of a longer name of the same type
 * ("Liberty of Russia Legion", "Vyacheslav Gladkov") is the same referent: its words end the longer name.
 */
export function shortFormOf<T extends { name: string; type: EntityType }>(e: T, others: readonly T[]): T | undefined {
  const k = nameKey(e.name);
  if (k.length < 3) return undefined;
  let best: T | undefined;
  for (const o of others) {
    if (o === e || !compatibleTypes(o.type, e.type) || (e.type === "location") !== (o.type === "location")) continue;
    const ok = nameKey(o.name);
    if (ok.length > k.length && ok.endsWith(" " + k) && (!best || o.name.length > best.name.length)) best = o;
  }
  return best;
}
