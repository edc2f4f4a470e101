// What a fused entity is called in the reader's language: the cross-language alias table's name for it,
// else the name the ledger's reports use most (the longest of equals, then the first in the order given);
// a body only another language's reports name, by its descriptive name in the reader's (describedIn).
import type { Lang } from "../model/doc.js";
import { aliasTable } from "./names.js";
import { langPack } from "../lang/index.js";
import { fold } from "./features.js";
import { ledgerLexicon } from "./lang.js";

let sets: Map<string, { nl: string; en: string }> | undefined;

export function displayName(fkey: string, lang: Lang, names?: readonly { name: string; n: number }[]): string | undefined {
  sets ??= new Map(aliasTable().sets.map((s) => [s.id, s]));
  const set = sets.get(fkey);
  if (set) return lang === "nl" ? set.nl : set.en;
  let best: { name: string; n: number } | undefined;
  for (const x of names ?? []) {
    if (!best || x.n > best.n || (x.n === best.n && x.name.length > best.name.length)) best = x;
  }
  return best?.name;
}

type Part = { kind: "d" | "c" | "a" | "m" | "n"; concept: string };

interface NameWords {
  /** A form (one or more words, folded) → the concepts it may be. */
  phrases: Map<string, string[]>;
  /** Most words a form has. */
  longest: number;
  /** Nationality adjectives and peoples, folded → country. */
  demonyms: Map<string, string>;
  /** Country → its adjectives and peoples as the tables write them (with their diacritics: "Oekraïense"). */
  formsOf: Map<string, string[]>;
  /** Qualifying nouns and heads, for a Dutch closed compound ("migratiedienst"). */
  modifiers: [string, string][];
  heads: Map<string, string>;
}
const wordTables = new Map<Lang, NameWords>();

function wordsOfLang(lang: Lang): NameWords {
  let t = wordTables.get(lang);
  if (t) return t;
  const lex = ledgerLexicon(lang).entities;
  const phrases = new Map<string, string[]>();
  const modifiers: [string, string][] = [];
  const heads = new Map<string, string>();
  let longest = 1;
  for (const [concept, forms] of Object.entries(lex.nameWords ?? {}))
    for (const form of forms) {
      const f = fold(form);
      (phrases.get(f) ?? phrases.set(f, []).get(f)!).push(concept);
      longest = Math.max(longest, f.split(" ").length);
      if (concept.startsWith("m:")) modifiers.push([f, concept]);
      if (concept.startsWith("n:") && !f.includes(" ")) heads.set(f, concept);
    }
  const demonyms = new Map<string, string>();
  const formsOf = new Map<string, string[]>();
  for (const table of [langPack(lang).entities.demonyms, lex.demonyms])
    for (const [w, cc] of Object.entries(table)) {
      demonyms.set(fold(w), cc);
      (formsOf.get(cc) ?? formsOf.set(cc, []).get(cc)!).push(w);
    }
  t = { phrases, longest, demonyms, formsOf, modifiers, heads };
  wordTables.set(lang, t);
  return t;
}

/** A descriptive name's parts in its language ("Oost-Libische regering": east, LY, government), if it is one. */
function partsOf(name: string, lang: Lang): Part[] | undefined {
  const t = wordsOfLang(lang);
  const ws = fold(name).split(/[\s\-‐–]+/).filter(Boolean);
  if (ws.length > 8) return undefined;
  const parts: Part[] = [];
  for (let i = 0; i < ws.length; ) {
    const cc = t.demonyms.get(ws[i]!);
    if (cc) {
      parts.push({ kind: "c", concept: cc });
      i++;
      continue;
    }
    let hit: { concept: string; n: number } | undefined;
    for (let n = Math.min(t.longest, ws.length - i); n >= 1 && !hit; n--) {
      const cs = t.phrases.get(ws.slice(i, i + n).join(" "));
      if (!cs) continue;
      // (a word both a head and a qualifier, "intelligence", heads the name at its end and qualifies before)
      const last = i + n === ws.length;
      const c = cs.find((x) => x.startsWith(last ? "n:" : "m:")) ?? cs.find((x) => !x.startsWith("n:") && !x.startsWith("m:")) ?? cs[0]!;
      hit = { concept: c, n };
    }
    if (hit) {
      if (!hit.concept.startsWith("x:")) parts.push({ kind: hit.concept[0] as Part["kind"], concept: hit.concept });
      i += hit.n;
      continue;
    }
    // a closed compound of a qualifier and a head ("migratiedienst")
    const w = ws[i]!;
    const m = t.modifiers.find(([f]) => w.length > f.length && w.startsWith(f) && t.heads.has(w.slice(f.length)));
    if (!m) return undefined;
    parts.push({ kind: "m", concept: m[1] }, { kind: "n", concept: t.heads.get(w.slice(m[0].length))! });
    i++;
  }
  // the shape: [[compass] nationality], then adjectives and nouns, a noun last ("residents", "ooggetuigen":
  // a group named by what it is needs no country)
  const at = parts.findIndex((p) => p.kind === "c");
  if (!parts.length || at > 1 || (at === 1 && parts[0]!.kind !== "d") || parts.at(-1)!.kind !== "n") return undefined;
  if (at < 0 && parts.some((p) => p.kind === "d")) return undefined;
  if (parts.slice(at + 1).some((p) => p.kind === "c" || p.kind === "d")) return undefined;
  return parts;
}

/**
 * A body's descriptive name, written in one language, in another: "Oost-Libische regering" → "Eastern Libyan
 * government", "Swedish migration authorities" → "Zweedse migratie-autoriteiten", "residents" → "inwoners".
 * Only a name of words the lexicons of both languages know (a nationality, with a point of the compass, and
 * adjectives and nouns of bodies and groups, a noun last); else undefined
 * (a proper name, a person, a word with no safe translation keeps its own words).
 */
export function describedIn(name: string, from: Lang, to: Lang): string | undefined {
  if (from === to) return undefined;
  const parts = partsOf(name, from);
  if (!parts) return undefined;
  const lex = ledgerLexicon(to).entities;
  const words = lex.nameWords ?? {};
  const out: string[] = [];
  let compass: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind === "d") compass = p.concept;
    else if (p.kind === "c") {
      const adj = lex.attributive(wordsOfLang(to).formsOf.get(p.concept) ?? []);
      if (!adj) return undefined;
      const cap = `${adj[0]!.toUpperCase()}${adj.slice(1)}`;
      out.push(compass ? (lex.regional?.(compass, adj) ?? cap) : cap);
    } else {
      const w = words[p.concept]?.[0];
      if (!w) return undefined;
      const next = parts[i + 1];
      if (p.kind === "m" && next?.kind === "n") {
        const head = words[next.concept]?.[0];
        if (!head) return undefined;
        out.push(lex.compound ? lex.compound(w, head) : `${w} ${head}`);
        i++;
      } else out.push(w);
    }
  }
  // (a capital where the name had one: "Eastern Libyan government", "residents")
  const s = out.join(" ");
  return /^\p{Lu}/u.test(name.trim()) ? `${s[0]!.toUpperCase()}${s.slice(1)}` : s;
}
