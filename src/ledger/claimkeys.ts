import type { Approx, Claim, ClaimStatus, CountKind, Doc, Lang, SourceKind } from "../model/doc.js";
import { LANGS } from "../model/doc.js";
import { langPack } from "../lang/index.js";
import { blankedConcepts, blankedTokens, capitalTokens, conceptNeedles, conceptStems, conceptsOf, conceptTokens, type ConceptHit, type ConceptToken } from "./concepts.js";
import { featuresOf, fold, type ClaimFeatures } from "./features.js";
import { ledgerLexicon } from "./lang.js";
import { lookupArea, lookupName } from "../geo/gazetteer.js";
import { roleOf } from "./entityfusion.js";

/**
 * The language-free fusion keys of one claim, computed from its report alone: a store keeps one
 * `FusionClaim` per claim at ingest (it is plain JSON) and never needs the report's words again to fuse it
 * with other reports. What it says (concepts with polarity), who and what it names (entity records of its
 * report, countries named by adjective), its figures and dates, and who asserts it.
 */
export interface FusionClaim {
  /** Unique in the ledger: `<doc>/<claim id>`. */
  id: string;
  doc: string;
  /** A content key that orders claims the same way whatever order reports arrived in. */
  order: string;
  published: string;
  outlet: string | null;
  /** The news agency a report credits (ANP, AP, Reuters…): its copies are one origin. */
  agency: string | null;
  lang: Lang;
  text: string;
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
  status: ClaimStatus;
  quote: boolean;
  /** The source as the report names it; `entity` is the entity record id (`<doc>/<entity id>`). */
  source: {
    name: string;
    kind: SourceKind;
    entity?: string;
    role?: string;
    /**
     * The body the report names the source a part of, right after its name ("ISIS-K, a branch of the
     * Islamic State group, …"): an entity record. The part speaks for the whole when independent sources
     * are counted. Absent otherwise (and in records stored before it was kept).
     */
    whole?: string;
    /**
     * A source that names several entities joined by "and" ("Washington en Moskou hebben ontkend") has no
     * `entity` of its own: these are the records of the ones it names, in text order, each of whom speaks.
     * Absent otherwise (and in records stored before it was kept).
     */
    members?: string[];
    /**
     * A source named only by a role, linked to no entity ("zei de minister"): the persons the report names
     * before the claim (entity records, the latest last), among whom the role's holder is looked for first.
     * Absent otherwise (and in records stored before it was kept).
     */
    before?: string[];
  } | null;
  /** Concepts with polarity, `!` before a negated one, `@<ISO>` for one a country qualifies: "v:kill", "!v:operate", "n:missile@RU". */
  concepts: string[];
  /**
   * Concepts the claim says only in a clause that sets the scene ("when the drop in pressure occurred"):
   * they count for less than what it states. Absent in records stored before it was kept.
   */
  background?: string[];
  /** What the claim says first happens (the first `v:`/`s:` concept in its words): what a denial denies. */
  main: string | null;
  /**
   * Who the claim says did what it says happened: `C:<ISO>` for a country (named, by adjective, or by its
   * capital or government), `R:<entity record>` for another party. Empty when it names no doer.
   */
  agents: string[];
  /** Entity records the claim names (its source left out). */
  entities: string[];
  /**
   * Who the claim, in the report's own voice, says does what it tells, when that is a person the report
   * names (an entity record, `<doc>/<entity id>`): the name that opens it, or the person a pronoun opening
   * it stands for. Absent otherwise, and in records stored before it was kept.
   */
  subject?: string;
  /**
   * Of `entities`, those the claim names only in a list it adds after a dash ("… getroffen door
   * overstromingen – met name de steden Derna en Benghazi, de regio rond …"): they weigh less than what it
   * states. Absent when none (and in records stored before it was kept).
   */
  listed?: string[];
  /** Countries named by an adjective or a people ("Oekraïense", "the Russians"): `C:<ISO>`. */
  countries: string[];
  /**
   * `aside`: said in parentheses ("(up from 11,300 in an earlier report)"), not what the claim counts;
   * `added`: in a clause that sets the scene or adds to what the first reports ("…, een derde raakte
   * zwaargewond"): it weighs less.
   */
  figures: { kind: CountKind; value: number; approx: Approx; aside?: true; added?: true }[];
  /** Calendar days the claim's time expressions point at: `2024-03-22`. */
  days: string[];
  /** Years the claim names alone ("since the 2011 uprising", "sinds 2011"): `2011`. Absent when none. */
  years?: string[];
  /** Wording features the contradiction finder reads (oppositions, themes, pointers back). */
  features: ClaimFeatures;
  /** Word shingles of the claim (hashes), to tell a copied sentence from an independent one. */
  shingles: number[];
  /**
   * When the claim says two things, what each says on its own (a clause read with its main clause, two
   * clauses that each count what happened): it corroborates a claim of either. Absent otherwise.
   */
  parts?: ClaimPart[];
}

const AGENCIES = ["ANP", "AP", "AFP", "Reuters", "Belga", "DPA", "EFE", "Anadolu", "TASS", "RIA Novosti", "Interfax", "Xinhua", "PA", "Ukrinform", "Associated Press", "Agence France-Presse"];
const AGENCY_RE = new RegExp(`(?:^|[\\s(/©–—-])(${AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?=$|[\\s)/,.:;–—-])`);
const AGENCY_NAME: Record<string, string> = { "Associated Press": "AP", "Agence France-Presse": "AFP" };

/** The agency a report credits: in its outlet ("upday (ANP)") or in a credit line at its start or end. */
export function agencyOf(doc: Doc): string | null {
  const src = doc.meta.source ?? "";
  const paren = /\(([^)]+)\)/.exec(src);
  const fromSource = paren && AGENCY_RE.exec(` ${paren[1]} `);
  if (fromSource) return AGENCY_NAME[fromSource[1]!] ?? fromSource[1]!;
  const t = doc.text;
  for (const part of [t.slice(0, 160), t.slice(Math.max(0, t.length - 160))]) {
    const m = /\((ANP|AP|AFP|Reuters|Belga|DPA|EFE)\)|(?:©|Copyright)\s*(ANP|AP|AFP|Reuters|Belga|DPA)/.exec(part);
    if (m) return m[1] ?? m[2]!;
  }
  return null;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** hash(`${a} ${b}`) without making the string (the hash reads one character after another). */
function hashPair(a: string, b: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 32, 0x01000193);
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const demonymMemo = new Map<Lang, Map<string, string>>();
/** Nationality words of a language first, then of the others (a Dutch text may say "Russian-made"). */
function demonyms(lang: Lang): Map<string, string> {
  let m = demonymMemo.get(lang);
  if (!m) {
    m = new Map();
    for (const l of [...LANGS.filter((x) => x !== lang), lang]) {
      for (const [w, cc] of Object.entries(langPack(l).entities.demonyms)) m.set(fold(w), cc);
      for (const [w, cc] of Object.entries(ledgerLexicon(l).entities.demonyms)) m.set(fold(w), cc);
    }
    demonymMemo.set(lang, m);
  }
  return m;
}

/**
 * The country each word names, by adjective or people in either language (a Dutch text may say
 * "Russian-made") or by a capitalised country name; `name` tells the two apart.
 */
export function countryWords(tokens: readonly ConceptToken[], lang: Lang): ({ cc: string; name: boolean } | undefined)[] {
  const dem = demonyms(lang);
  return tokens.map((t) => {
    // nationality words and country names are written with a capital in both languages
    const c0 = t.raw.charCodeAt(0);
    if (c0 < 128 ? c0 < 65 || c0 > 90 : !/^\p{Lu}/u.test(t.raw)) return undefined;
    const cc = dem.get(t.w);
    if (cc) return { cc, name: false };
    if (t.w.length < 4) return undefined;
    // a capital then a small letter: in ASCII read by their codes (the expression only for the rest)
    const c1 = t.raw.charCodeAt(1);
    if (c0 < 128 && c1 < 128 ? c1 < 97 || c1 > 122 : !/^\p{Lu}\p{Ll}/u.test(t.raw)) return undefined;
    const c = t.id >= 0 ? countryOfWord(t.id, t.raw) : countryNamed(t.raw);
    return c ? { cc: c, name: true } : undefined;
  });
}

/**
 * The country each interned word names (`ConceptToken.id`), by its id: the word as written was a new
 * string each time, hashed for the memo by name (0.4 % of a profile of the bench extract, against 1.7 % for
 * the whole of claimKeys' own code). An interned word is
 * ASCII, and the gazetteer reads a name in lower case: the word's folded form names what any way of
 * writing it does. Filled in order, never with holes; as many as the words interned, at most.
 */
const countryById: (string | null | undefined)[] = [];
function countryOfWord(id: number, raw: string): string | undefined {
  let c = id < countryById.length ? countryById[id] : undefined;
  if (c === undefined) {
    c = countryNamed(raw) ?? null;
    while (countryById.length <= id) countryById.push(undefined);
    countryById[id] = c;
  }
  return c ?? undefined;
}

const countryMemo = new Map<string, string | null>();
/** The country a capitalised word names, from the gazetteer (remembered: names repeat). */
function countryNamed(word: string): string | undefined {
  let c = countryMemo.get(word);
  if (c === undefined) {
    c = lookupArea(word).find((e) => e.kind === "country")?.country ?? null;
    if (countryMemo.size > 50_000) countryMemo.clear();
    countryMemo.set(word, c);
  }
  return c ?? undefined;
}

const nameMemo = new Map<string, string[]>();
/** The countries a name says by adjective or people ("Ukrainian officials", "de Russische leider"). */
export function countriesOfName(name: string, lang: Lang): string[] {
  const key = `${lang}|${name}`;
  let r = nameMemo.get(key);
  if (!r) {
    r = [...new Set(countryWords(conceptTokens(name), lang).filter((x) => !!x && !x.name).map((x) => `C:${x!.cc}`))];
    if (nameMemo.size > 50_000) nameMemo.clear();
    nameMemo.set(key, r);
  }
  return r;
}

/** Do these words stand at token k on? */
function wordsAt(tokens: readonly ConceptToken[], k: number, words: readonly string[]): boolean {
  for (let j = 0; j < words.length; j++) if (tokens[k + j]?.w !== words[j]) return false;
  return true;
}

/** Punctuation that ends a stretch of words (each one UTF-16 unit). */
const PUNCT_CODES = (() => {
  // a table by character code (all of them below U+2020), not a set: asked of every character between
  // every two words of every claim, several times
  const codes = [...',.;:!?()[]"“”„«»–—'].map((ch) => ch.charCodeAt(0));
  const t = new Uint8Array(Math.max(...codes) + 1);
  for (const c of codes) t[c] = 1;
  return t;
})();
/** Is there punctuation in text[from, to)? Asked between every two words of a claim: no slice made for it. */
function punctBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (PUNCT_CODES[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Concepts that are acts someone does (their doer is an agent). */
const ACTS = new Set(["v:attack", "v:launch", "v:cause", "v:use", "v:explode", "v:sabotage", "v:shoot", "v:kill", "v:cross", "v:stop", "v:plan", "v:produce", "v:impact", "v:campaign", "n:missile", "n:air-defence"]);
/** Concepts that put an act on someone (the accused follows, or stands before a passive). */
const BLAME = new Set(["v:accuse", "v:responsible", "v:involve", "v:link"]);

/**
 * The doers a claim names: after an agent marker ("door Moskou", "fired by Ukrainian air defence"),
 * the party blamed ("blamed British navy personnel", "Russia had been accused"), or the subject or
 * adjective right before the act ("Russian missiles", "Moscow fired", "Russia has cut"). Explicit
 * markers win over the rest.
 */
function agentsOf(doc: Doc, ix: DocIndex, c: Claim, text: string, tokens: readonly ConceptToken[], hits: readonly ConceptHit[], cws: ReturnType<typeof countryWords>, blameAfter?: number): string[] {
  // most claims name no act or blame: nothing to look for
  if (blameAfter === undefined && !hits.some((h) => !h.neg && (ACTS.has(h.concept) || BLAME.has(h.concept)))) return [];
  const { markers, aux, anaphors } = agentWords(doc.lang);
  const party: (string | undefined)[] = cws.map((q) => (q ? `C:${q.cc}` : undefined));
  for (const id of c.entities) {
    if (id === c.source?.entity) continue;
    const e = ix.entity.get(id);
    if (!e) continue;
    const gov = e.key.startsWith("gov:") ? e.key.slice(4) : e.key.startsWith("geo:") && /^geo:[A-Z]{2}$/.test(e.key) ? e.key.slice(4) : capitalOf(e);
    if (!gov && (e.type === "location" || e.type === "facility")) continue;
    const key = gov ? `C:${gov}` : `R:${doc.meta.id}/${e.id}`;
    for (const m of within(ix.mentionsOf.get(id) ?? [], c.start, c.end)) {
      for (let k = firstTokenAt(tokens, m.start - c.start); k < tokens.length && tokens[k]!.start < m.end - c.start; k++)
        if (tokens[k]!.end <= m.end - c.start) party[k] ??= key;
    }
  }
  // "en was dat land van plan …": the country named last before the claim, in its sentence or the one before
  for (const a of anaphors) {
    const at = findWords(tokens, a);
    if (at < 0) continue;
    const cc = countryBefore(doc, c);
    if (cc) for (let k = at; k < at + a.length; k++) party[k] ??= `C:${cc}`;
    break;
  }
  const gap = (a: number, b: number) => punctBetween(text, tokens[a]!.end, tokens[b]!.start);
  const firstParty = (from: number, to: number, step: 1 | -1, origin: number): string | undefined => {
    for (let k = from; step > 0 ? k <= to : k >= to; k += step) {
      if (k < 0 || k >= tokens.length) return undefined;
      if (gap(Math.min(origin, k), Math.max(origin, k))) return undefined;
      if (party[k]) return party[k];
    }
    return undefined;
  };
  const explicit = new Set<string>(), other = new Set<string>();
  if (blameAfter !== undefined) {
    // the one blamed is the object of the cue; after an agent marker ("was blamed by") it is the accuser
    const k0 = firstTokenAt(tokens, blameAfter);
    const p = k0 < tokens.length && !markers.has(tokens[k0]!.w) ? firstParty(k0, k0 + 2, 1, k0) : undefined;
    if (p) other.add(p);
  }
  for (const h of hits) {
    if (h.neg) continue;
    if (ACTS.has(h.concept)) {
      for (let k = h.end + 1; k <= h.end + 3 && k < tokens.length; k++)
        if (markers.has(tokens[k]!.w)) {
          const p = firstParty(k + 1, k + 5, 1, k);
          if (p) explicit.add(p);
          break;
        }
      // the subject before the act: right before it, or before an auxiliary, or an adjective of the
      // subject's noun before an auxiliary ("German authorities had halted")
      let before = party[h.at - 1] && !gap(h.at - 1, h.at) ? party[h.at - 1] : undefined;
      if (!before && h.at >= 2 && aux.has(tokens[h.at - 1]!.w) && !gap(h.at - 3 >= 0 ? h.at - 3 : h.at - 2, h.at)) {
        before = party[h.at - 2] ?? (h.at >= 3 && cws[h.at - 3] && !cws[h.at - 3]!.name ? party[h.at - 3] : undefined);
      }
      if (before) other.add(before);
    } else if (BLAME.has(h.concept)) {
      const p = firstParty(h.end + 1, h.end + 3, 1, h.end) ?? firstParty(h.at - 1, h.at - 4, -1, h.at);
      if (p) other.add(p);
    }
  }
  return [...(explicit.size ? explicit : other)].sort();
}

const pronounMemo = new Map<Lang, Set<string>>();
/**
 * The person a claim in the report's own voice opens with, as its subject: a person's name, after a title
 * at most ("Filip heeft dinsdag gebeld…", "Koning Filip van België heeft…"), not a possessive ("Putin's
 * spokesman"); or a personal pronoun that stands for the person the report named last before it in the
 * paragraph ("De Croo roept … op. Hij heeft zijn medeleven overgebracht…"). The entity id, or undefined.
 */
function subjectOf(doc: Doc, ix: DocIndex, c: Claim): string | undefined {
  let pron = pronounMemo.get(doc.lang);
  if (!pron) pronounMemo.set(doc.lang, (pron = new Set(langPack(doc.lang).claims.pronouns.person.map(fold))));
  const lead = /^\s*(\p{L}+)/u.exec(c.text);
  if (!lead) return undefined;
  const persons = (ix.persons ??= personMentions(doc, ix));
  // (the mentions near the claim's start found by halving: a report of many claims and names asked every
  // name of every claim)
  let lo = 0, hi = persons.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (persons[mid]!.start < c.start) lo = mid + 1;
    else hi = mid;
  }
  if (pron.has(fold(lead[1]!))) {
    // the person named last before the claim, in its paragraph (of mentions ending together, the one of
    // the entity the report names first)
    const para = doc.sentences[c.sentence]?.paragraph;
    const paraStart = para === undefined ? c.start : doc.paragraphs[para]?.start ?? c.start;
    let best: PersonMention | undefined;
    for (let i = lo - 1; i >= 0; i--) {
      const m = persons[i]!;
      if (m.start < paraStart || (best && m.start + MAX_NAME < best.end)) break;
      if (m.end <= c.start && (!best || m.end > best.end || (m.end === best.end && m.rank < best.rank))) best = m;
    }
    return best?.id;
  }
  // a name opening the claim, after one word (a title) at most, and not a possessive
  let first: PersonMention | undefined;
  for (let i = lo; i < persons.length && persons[i]!.start < c.start + 40; i++) {
    const m = persons[i]!;
    if ((!first || m.rank < first.rank) && /^\s*(?:\p{L}+\s+)?$/u.test(doc.text.slice(c.start, m.start)) && !/^\s*['’]s?\b/u.test(doc.text.slice(m.end, m.end + 3))) first = m;
  }
  return first?.id;
}

interface PersonMention {
  id: string;
  start: number;
  end: number;
  /** Where its entity is among the report's entities. */
  rank: number;
}
/** No person's name is longer: a longer mention is not looked behind for. */
const MAX_NAME = 200;

/** Every mention of a person in the report, by where it starts. */
function personMentions(doc: Doc, ix: DocIndex): PersonMention[] {
  const out: PersonMention[] = [];
  doc.entities.forEach((e, rank) => {
    if (e.type !== "person") return;
    for (const m of ix.mentionsOf.get(e.id) ?? []) if (m.end - m.start <= MAX_NAME) out.push({ id: e.id, start: m.start, end: m.end, rank });
  });
  return out.sort((a, b) => a.start - b.start || a.rank - b.rank);
}

const placeMemo = new Map<Lang, { loc: Set<string>; of: Set<string> }>();
/**
 * A name at token k stands where a locative puts it: right after the locative, one word (an article)
 * between at most ("in Brussel", "op de Telegram"), or after the noun the locative opens and its "of"
 * ("in het centrum van Brussel", "in the heart of Brussels").
 */
export function placedAt(tokens: readonly ConceptToken[], k: number, lang: Lang): boolean {
  let m = placeMemo.get(lang);
  if (!m) {
    const nd = ledgerLexicon(lang).agents.notDoer;
    placeMemo.set(lang, (m = { loc: new Set(nd?.locatives ?? []), of: new Set(nd?.of ?? []) }));
  }
  const w = (j: number) => (j >= 0 ? tokens[j]?.w ?? "" : "");
  if (m.loc.has(w(k - 1)) || m.loc.has(w(k - 2))) return true;
  return m.of.has(w(k - 1)) && (m.loc.has(w(k - 3)) || m.loc.has(w(k - 4)));
}

const agentMemo = new Map<Lang, { markers: Set<string>; aux: Set<string>; anaphors: string[][] }>();
function agentWords(lang: Lang): { markers: Set<string>; aux: Set<string>; anaphors: string[][] } {
  let m = agentMemo.get(lang);
  if (!m) {
    const lex = ledgerLexicon(lang).agents;
    agentMemo.set(lang, (m = { markers: new Set(lex.markers), aux: new Set(lex.auxiliaries), anaphors: (lex.countryAnaphors ?? []).map((a) => conceptTokens(a).map((t) => t.w)) }));
  }
  return m;
}

/** Where a run of words starts among the tokens, or -1. */
function findWords(tokens: readonly ConceptToken[], words: readonly string[]): number {
  if (!words.length) return -1;
  for (let k = 0; k + words.length <= tokens.length; k++) {
    let j = 0;
    while (j < words.length && tokens[k + j]!.w === words[j]) j++;
    if (j === words.length) return k;
  }
  return -1;
}

/** The country named last before a claim: in its sentence, or the sentence before in its paragraph. */
function countryBefore(doc: Doc, c: Claim): string | undefined {
  const s = doc.sentences[c.sentence];
  if (!s) return undefined;
  const prev = doc.sentences[c.sentence - 1];
  const from = prev && prev.paragraph === s.paragraph ? prev.start : s.start;
  const cws = countryWords(conceptTokens(doc.text.slice(from, c.start)), doc.lang);
  for (let k = cws.length - 1; k >= 0; k--) if (cws[k]) return cws[k]!.cc;
  return undefined;
}

/** The first token that starts at or after an offset (tokens are in text order). */
function firstTokenAt(tokens: readonly ConceptToken[], at: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What a report's claims look up, indexed once per report (no scan of every count or time per claim). */
interface DocIndex {
  entity: Map<string, Doc["entities"][number]>;
  countsOf: Map<string, Doc["counts"]>;
  /** Counts not linked to a claim, and times, in text order. */
  loose: Doc["counts"];
  times: Doc["times"];
  /** Each entity's mentions in text order. */
  mentionsOf: Map<string, { start: number; end: number }[]>;
  /** The country the report names most (`reportCountry`), once asked. */
  country?: string | null;
  /** The report's mentions of persons by where they start (`subjectOf`), once asked. */
  persons?: PersonMention[];
  /** Every mention linked to an entity (pronouns left out) by where it starts (`sourceMembers`), once asked. */
  named?: { start: number; end: number; entity: string }[];
  /** The country of each entity that is a people ("Swedes"), or null: asked by every claim that names it. */
  people?: Map<Doc["entities"][number], string | null>;
}

/** The country an entity names when it is a people ("Swedes", "de Oekraïners"), its name folded once a report. */
function peopleOf(doc: Doc, ix: DocIndex, e: Doc["entities"][number]): string | undefined {
  const m = (ix.people ??= new Map());
  let cc = m.get(e);
  if (cc === undefined) m.set(e, (cc = demonyms(doc.lang).get(fold(e.name)) ?? null));
  return cc ?? undefined;
}

/**
 * The country a report is about: the one it names most, by name or adjective ("Libië", "Libische"); of
 * two named as often, the one named first. What "het land" and "the country" stand for when the sentence
 * names none before them.
 */
function reportCountry(doc: Doc, ix: DocIndex): string | undefined {
  if (ix.country === undefined) {
    const n = new Map<string, number>();
    // (a country is named by a word with a capital: the others are not read, nor the report's words kept)
    for (const x of countryWords(capitalTokens(doc.text), doc.lang)) if (x) n.set(x.cc, (n.get(x.cc) ?? 0) + 1);
    let best: string | null = null;
    for (const [cc, k] of n) if (best === null || k > n.get(best)!) best = cc;
    ix.country = best;
  }
  return ix.country ?? undefined;
}

const nounMemo = new Map<Lang, { det: Set<string>; nouns: Set<string> } | null>();
/**
 * The country a claim names by a noun that says no name ("het land telt twee regeringen", "the oil-rich
 * country"): the country named last before it in its sentence, else the report's country. A determiner
 * must open the noun's phrase, with at most two words between that name no country themselves.
 */
function countryByNoun(doc: Doc, ix: DocIndex, c: Claim, tokens: readonly ConceptToken[], cws: ReturnType<typeof countryWords>, text: string): { cc: string | undefined; det: number; noun: number } | undefined {
  let lex = nounMemo.get(doc.lang);
  if (lex === undefined) {
    const l = ledgerLexicon(doc.lang).agents.countryNoun;
    nounMemo.set(doc.lang, (lex = l ? { det: new Set(l.determiners.map(fold)), nouns: new Set(l.nouns.map(fold)) } : null));
  }
  if (!lex) return undefined;
  for (let k = 1; k < tokens.length; k++) {
    if (!lex.nouns.has(tokens[k]!.w)) continue;
    let det = -1;
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      if (punctBetween(text, tokens[j]!.end, tokens[j + 1]!.start) || cws[j]) break;
      if (lex.det.has(tokens[j]!.w)) {
        det = j;
        break;
      }
    }
    if (det < 0) continue;
    const found = (cc: string | undefined) => ({ cc, det, noun: k });
    for (let j = det - 1; j >= 0; j--) if (cws[j]) return found(cws[j]!.cc);
    const s = doc.sentences[c.sentence];
    if (s && s.start < c.start) {
      const before = countryWords(conceptTokens(doc.text.slice(s.start, c.start)), doc.lang);
      for (let j = before.length - 1; j >= 0; j--) if (before[j]) return found(before[j]!.cc);
    }
    return found(reportCountry(doc, ix));
  }
  return undefined;
}

function indexDoc(doc: Doc): DocIndex {
  const entity = new Map<string, Doc["entities"][number]>();
  for (const e of doc.entities) if (!entity.has(e.id)) entity.set(e.id, e);
  const countsOf = new Map<string, Doc["counts"]>();
  const loose: Doc["counts"] = [];
  for (const n of doc.counts) {
    if (n.claim === undefined) loose.push(n);
    else (countsOf.get(n.claim) ?? countsOf.set(n.claim, []).get(n.claim)!).push(n);
  }
  loose.sort((a, b) => a.start - b.start);
  const times = [...doc.times].sort((a, b) => a.start - b.start);
  const mentionsOf = new Map<string, { start: number; end: number }[]>();
  for (const e of doc.entities) {
    const ms = e.mentions.map((i) => doc.mentions[i]).filter((m): m is NonNullable<typeof m> => !!m).sort((a, b) => a.start - b.start);
    mentionsOf.set(e.id, ms);
  }
  return { entity, countsOf, loose, times, mentionsOf };
}

/** The spans of a sorted list that start within [start, end). */
function within<T extends { start: number; end: number }>(list: readonly T[], start: number, end: number): T[] {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < list.length && list[k]!.start < end; k++) if (list[k]!.end <= end) out.push(list[k]!);
  return out;
}

const capitalMemo = new Map<number, string | null>();
/** The country whose capital a place is, from the gazetteer (remembered per place). */
function capitalOf(e: Doc["entities"][number]): string | undefined {
  const id = e.geo?.geonameId;
  if (!id) return undefined;
  let c = capitalMemo.get(id);
  if (c === undefined) {
    c = lookupName(e.name).find((g) => g.geonameId === id && g.fcode === "PPLC")?.country ?? null;
    if (capitalMemo.size > 50_000) capitalMemo.clear();
    capitalMemo.set(id, c);
  }
  return c ?? undefined;
}

/**
 * A content key of a report that orders reports the same way whatever order they arrived in: its
 * publication instant (UTC), then a hash of the start of its text and its length.
 */
export function reportKey(doc: Doc): string {
  const published = new Date(doc.meta.published);
  const utc = Number.isNaN(published.getTime()) ? doc.meta.published : published.toISOString();
  // enough of the text to tell two reports published at one moment apart, without hashing all of it
  return `${utc}|${hash(doc.text.slice(0, 256)).toString(36)}${doc.text.length.toString(36)}`;
}

/**
 * The fusion keys of every claim of an extracted report. `shingles: false` leaves out what only the
 * ledger needs (word shingles for telling copies apart). `handOver` keeps what is worked out (with its
 * shingles) for the next call of the report's every claim, which takes it instead of working it out again:
 * the pipeline's contradictions stage works out the keys of the claims it reads, and the report's fusion
 * record (reportFusion) needs them all, once the stages are done and the claims as they stay.
 * `shingleTexts: false` keeps no `shingleText` for the claims (no caller will ask for it); keys handed over
 * keep theirs only once taken by a call that keeps them.
 */
export function fusionClaims(doc: Doc, opts: { shingles?: boolean; only?: (c: Claim) => boolean; handOver?: boolean; shingleTexts?: boolean } = {}): FusionClaim[] {
  const rk = reportKey(doc);
  const agency = agencyOf(doc);
  const withShingles = (opts.shingles ?? true) || !!opts.handOver;
  // keys handed over keep their texts for the call that takes them, which keeps them if asked
  const keepTexts = withShingles && !opts.handOver && (opts.shingleTexts ?? true);
  // taken once: a later call works the keys out again, as the claims may have changed since
  const given = opts.only || !withShingles ? undefined : handedOver.get(doc);
  if (given) handedOver.delete(doc);
  // the report's index (with what it has learnt of the report, its country read from the whole text) is
  // taken over with the keys: the same report, as the keys handed over are
  const ix = given?.ix ?? indexDoc(doc);
  const claims = opts.only ? doc.claims.filter(opts.only) : doc.claims;
  const heads = headClauses(doc);
  const texts: string[] | undefined = keepTexts || opts.handOver ? new Array<string>(claims.length) : undefined;
  const out = claims.map((c, i) => {
    const h = given?.keys.get(c);
    if (h) {
      if (texts) texts[i] = h.text;
      return h.keys;
    }
    const k = claimKeys(doc, ix, c, `${rk}|${String(c.start).padStart(7, "0")}`, agency, withShingles, heads.get(c));
    if (texts) texts[i] = lastShingled;
    return k;
  });
  if (keepTexts) for (let i = 0; i < out.length; i++) shingled.set(out[i]!, texts![i]!);
  if (opts.handOver) handedOver.set(doc, { keys: new Map(claims.map((c, i) => [c, { keys: out[i]!, text: texts![i]! }])), ix });
  return out;
}
/**
 * Keys worked out for some claims of a report (`fusionClaims` with `handOver`), by the claim they are of,
 * with the text their shingles are of, and the index they were read with.
 */
const handedOver = new WeakMap<Doc, { keys: Map<Claim, { keys: FusionClaim; text: string }>; ix: DocIndex }>();

/**
 * Claims that are only a clause setting the scene ("after a missile hit the village", "nadat de dam was
 * doorgebroken"), cut off from the main clause before them in their sentence: that main clause. A clause
 * opened by a subordinator cannot stand alone; it says what it says of its main clause ("Two people were
 * killed | after a missile hit the village" states the deaths), and is read with it.
 */
function headClauses(doc: Doc): Map<Claim, Claim> {
  const out = new Map<Claim, Claim>();
  let subs = subordinatorMemo.get(doc.lang);
  if (!subs) subordinatorMemo.set(doc.lang, (subs = new Set((ledgerLexicon(doc.lang).subordinators ?? []).map(fold))));
  let concessive = concessiveMemo.get(doc.lang);
  if (!concessive) concessiveMemo.set(doc.lang, (concessive = new Set((ledgerLexicon(doc.lang).concessives ?? []).map(fold))));
  const sorted = [...doc.claims].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const c = sorted[i]!, prev = sorted[i - 1]!;
    if (prev.sentence !== c.sentence || prev.end > c.start || out.has(prev)) continue;
    // right after it: nothing but a comma or spaces between
    if (c.start - prev.end > 3 || !/^[\s,]*$/.test(doc.text.slice(prev.end, c.start))) continue;
    const first = /^[\p{L}]+/u.exec(c.text);
    if (!first) continue;
    const w = fold(first[0]);
    // a relative clause right after the name of the main clause's source ("…, according to a statement by
    // the court, which did not include …") speaks of that source or its statement, not of what it said
    const rel = relativeWords(doc.lang);
    if (rel?.pronouns.has(w) && prev.source?.span && c.start - prev.source.span.end <= 3) continue;
    if (subs.has(w) && !concessive.has(w)) out.set(c, prev);
  }
  return out;
}
const concessiveMemo = new Map<Lang, Set<string>>();

/**
 * Whether a claim can take part in a contradiction inside its report (everything else is skipped there).
 * `f`: the claim's features, when the caller has them.
 */
export function mayDispute(doc: Doc, c: Claim, counted: ReadonlySet<string>, f: ClaimFeatures = featuresOf(c, doc.lang)): boolean {
  if (c.status === "denied" || counted.has(c.id)) return true;
  if (f.states || f.counter || f.backRef || f.themes || f.negThemes) return true;
  // a negator matters only beside a word of doing, which the test looks for anyway
  let test = disputeFilters.get(doc.lang);
  if (!test) disputeFilters.set(doc.lang, (test = { stems: conceptStems(doc.lang, DISPUTE_CONCEPTS, false), needles: conceptNeedles(doc.lang, [...DISPUTE_READS]) }));
  const t = fold(c.text);
  // a claim that holds the longest word of no entry of the concepts read below says none of them: the
  // stems of phrases ("de", "in", "aan") let nine claims in ten through the test after it, this one half
  // of them (reading their concepts was most of this test), so it is asked first
  if (test.needles && !test.needles.test(t)) return false;
  if (!test.stems.test(t)) return false;
  // the test above reads stems anywhere in the text ("de", "in", "aan" begin phrases of doing): nine
  // claims in ten pass it. Reading the concepts the claim really says keeps one in ten, and the keys
  // that follow are the stage's main cost. The set is wider than the rules need (every concept a rule
  // or a doer reads), so that no pair the rules would find is lost.
  return conceptsOf(c.text, doc.lang).some((h) => DISPUTE_READS.has(h.concept));
}
const disputeFilters = new Map<Lang, { stems: RegExp; needles: RegExp | null }>();

/**
 * The concepts the contradiction rules read in a report: doing (its weak words only count beside these),
 * weapons, blame, "higher", "not announced", falsehood. Figures, states and pointers are tested apart.
 */
const DISPUTE_CONCEPTS = [
  "v:involve", "v:attack", "v:cross", "v:responsible", "v:link", "v:accuse", "v:sabotage", "v:explode", "v:move-toward", "v:origin",
  "v:produce", "v:shoot", "s:claim-responsibility", "n:missile", "n:air-defence", "v:campaign", "v:higher", "v:provide", "v:false",
];

/** Concepts that a contradiction rule, a doer or a denial reads (src/ledger/disputes.ts, `agentsOf`). */
const DISPUTE_READS: ReadonlySet<string> = new Set([
  ...DISPUTE_CONCEPTS, ...ACTS, ...BLAME, "v:launch", "v:cause", "v:use", "v:kill", "v:stop", "v:plan", "v:impact", "v:leak", "v:collapse",
  "n:number", "n:gas", "n:pipeline", "n:supply", "n:border",
]);

/** Whether an offset of a text stands inside parentheses opened before it (and not closed before it). */
function inParentheses(text: string, at: number): boolean {
  const open = text.lastIndexOf("(", at);
  return open >= 0 && text.lastIndexOf(")", at) < open;
}

const subordinatorMemo = new Map<Lang, Set<string>>();

/**
 * Which words of a claim stand in a clause that sets the scene: from a subordinator of the language
 * ("when", "nadat") to the next punctuation or the end of the claim. One pass over the words.
 */
function sceneWords(text: string, tokens: readonly ConceptToken[], lang: Lang, hits: readonly ConceptHit[] = []): Uint8Array {
  let subs = subordinatorMemo.get(lang);
  if (!subs) subordinatorMemo.set(lang, (subs = new Set((ledgerLexicon(lang).subordinators ?? []).map(fold))));
  const out = new Uint8Array(tokens.length);
  let inside = false;
  for (let k = 0; k < tokens.length; k++) {
    if (inside && k > 0 && punctBetween(text, tokens[k - 1]!.end, tokens[k]!.start)) inside = false;
    if (subs.has(tokens[k]!.w)) inside = true;
    if (inside) out[k] = 1;
  }
  const rel = relativeWords(lang);
  // a relative clause set off by commas inside the claim ("All four perpetrators, all those who shot and
  // killed people, were detained") says which ones are meant: up to the closing comma, when what the
  // claim states follows it. Left open to the end, it may hold the main verb ("those who ordered this
  // crime will be punished") and stays.
  if (rel?.enclosed.size) {
    // one pass: where the next punctuation after each word falls, and whether a word of doing follows
    let lastVerb = -1;
    for (const h of hits) if (h.concept.startsWith("v:")) lastVerb = Math.max(lastVerb, h.at);
    let close = -1;
    for (let k = 1; k < tokens.length - 1; k++) {
      if (!rel.enclosed.has(tokens[k]!.w) || out[k]) continue;
      if (close <= k) {
        close = -1;
        for (let j = k + 1; j < tokens.length; j++)
          if (punctBetween(text, tokens[j - 1]!.end, tokens[j]!.start)) {
            close = j;
            break;
          }
        // no punctuation after this word: none after any later word either
        if (close < 0) break;
      }
      if (lastVerb < close) continue;
      for (let j = k; j < close; j++) out[j] = 1;
      k = close - 1;
    }
  }
  // a participle that says which one is meant ("a suspected extremist accused of killing …")
  if (rel?.participles.length)
    for (let k = 2; k < tokens.length - 1; k++) {
      let participle = false;
      for (const w of rel.participles) if ((participle = wordsAt(tokens, k, w))) break;
      if (!participle || rel.aux.has(tokens[k - 1]!.w) || punctBetween(text, tokens[k - 1]!.end, tokens[k]!.start)) continue;
      for (let j = k; j < tokens.length; j++) {
        if (j > k && punctBetween(text, tokens[j - 1]!.end, tokens[j]!.start)) break;
        out[j] = 1;
      }
      break;
    }
  // a relative clause after the opening noun ("De raket die dinsdag neerkwam in … is"): to the main verb
  if (rel && tokens.length > 3 && rel.determiners.has(tokens[0]!.w)) {
    for (let p = 2; p <= 3 && p < tokens.length - 1; p++) {
      if (!rel.pronouns.has(tokens[p]!.w)) continue;
      let plain = true;
      for (let k = 1; k < p; k++) if (rel.aux.has(tokens[k]!.w) || rel.pronouns.has(tokens[k]!.w) || punctBetween(text, tokens[k - 1]!.end, tokens[k]!.start)) plain = false;
      if (!plain) break;
      for (let k = p; k < tokens.length; k++) {
        if (k > p && punctBetween(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
        if (k > p + 1 && rel.aux.has(tokens[k]!.w)) break;
        out[k] = 1;
      }
      break;
    }
  }
  return out;
}

/**
 * A claim cut off after a comma of its sentence that opens with a participle and goes on after a comma of its
 * own to a clause with a word of doing ("…, unleashing devastating flooding that swept away whole streets, the
 * toll continues to mount"): the participle's phrase only sets the scene of that clause.
 */
function openingParticiple(doc: Doc, c: Claim, text: string, tokens: readonly ConceptToken[], hits: readonly ConceptHit[], scene: Uint8Array): void {
  const ending = langPack(doc.lang).claims.participleEnding;
  const first = tokens[0];
  if (!ending || !first || first.start > 0 || first.w.length <= ending.length + 2 || !first.w.endsWith(ending)) return;
  // cut after a comma: the sentence goes on before the claim
  if (!/,\s*$/.test(doc.text.slice(Math.max(0, c.start - 3), c.start))) return;
  let close = -1;
  for (let k = 1; k < tokens.length && close < 0; k++) if (text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes(",")) close = k;
  // (a second participle after the comma goes on with the first: "causing two dams to collapse, sending
  // water into the streets" states both)
  if (close < 0 || tokens.length - close < 3 || tokens[close]!.w.endsWith(ending) || !hits.some((h) => h.at >= close && h.concept.startsWith("v:"))) return;
  for (let k = 0; k < close; k++) scene[k] = 1;
}

interface RelativeWords {
  pronouns: Set<string>;
  enclosed: Set<string>;
  determiners: Set<string>;
  aux: Set<string>;
  participles: string[][];
  adjDeterminers: Set<string>;
  adjectival: Set<string>;
}
const relativeMemo = new Map<Lang, RelativeWords | null>();
const hearerMemo = new Map<Lang, { verbs: Set<string>; before: string[][]; determiners: Set<string> } | null>();
/**
 * Where the name of a speaker's hearer may begin, right after the attribution (the cue, or the source's
 * name after it: "zei hij tegen de NOS"): after a speech verb whose object is the hearer ("told NPR"), or
 * after the words that name one ("tegen", "in an interview with"), an article allowed. Both offsets, with
 * and without the article. Undefined when nothing of the kind follows. Looks at a few words only.
 */
function hearerAt(doc: Doc, c: Claim): number[] | undefined {
  if (!c.source || !c.cue || c.cue.start < c.start || c.cue.end > c.end) return undefined;
  let lex = hearerMemo.get(doc.lang);
  if (lex === undefined) {
    const h = ledgerLexicon(doc.lang).hearer;
    lex = h ? { verbs: new Set(h.verbs.map(fold)), before: h.before.map((b) => fold(b).split(/\s+/)), determiners: new Set(h.determiners.map(fold)) } : null;
    hearerMemo.set(doc.lang, lex);
  }
  if (!lex) return undefined;
  const span = c.source.span;
  const from = span && span.start >= c.cue.end && span.end <= c.end && /^\s*$/.test(doc.text.slice(c.cue.end, span.start)) ? span.end : c.cue.end;
  const words: { w: string; start: number }[] = [];
  const re = /[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu;
  const window = doc.text.slice(from, Math.min(c.end, from + 80));
  for (let m = re.exec(window); m && words.length < 8; m = re.exec(window)) words.push({ w: fold(m[0]), start: from + m.index });
  const cueWord = fold(/[\p{L}]+$/u.exec(c.cue.text)?.[0] ?? "");
  let at = 0;
  const phrase = lex.before.find((b) => b.every((w, k) => words[k]?.w === w));
  if (phrase) at = phrase.length;
  else if (!(from === c.cue.end && lex.verbs.has(cueWord))) return undefined;
  const out: number[] = [];
  if (words[at] && lex.determiners.has(words[at]!.w)) out.push(words[at++]!.start);
  if (words[at] && /^\p{L}/u.test(words[at]!.w)) out.push(words[at]!.start);
  return out.length ? out : undefined;
}

function relativeWords(lang: Lang): RelativeWords | null {
  let r = relativeMemo.get(lang);
  if (r === undefined) {
    const lex = ledgerLexicon(lang);
    r = lex.relatives
      ? {
          pronouns: new Set(lex.relatives.pronouns.map(fold)),
          enclosed: new Set((lex.relatives.enclosed ?? []).map(fold)),
          determiners: new Set(lex.relatives.determiners.map(fold)),
          aux: new Set(lex.agents.auxiliaries.map(fold)),
          participles: (lex.relatives.participles ?? []).map((p) => conceptTokens(p).map((t) => t.w)),
          adjDeterminers: new Set((lex.relatives.adjectival?.determiners ?? []).map(fold)),
          adjectival: new Set((lex.relatives.adjectival?.participles ?? []).map(fold)),
        }
      : null;
    relativeMemo.set(lang, r);
  }
  return r;
}

/**
 * The concepts a claim states, without those of a participle that only says which ones are meant ("de
 * doodgeschoten Zweden waren voetbalsupporters" tells who the victims were, not that they were shot): a
 * listed participle of the language between a determiner and a following word, no punctuation between.
 */
function withoutAdjectival(text: string, tokens: readonly ConceptToken[], lang: Lang, hits: ConceptHit[]): ConceptHit[] {
  const rel = relativeWords(lang);
  if (!rel?.adjectival.size || !hits.length) return hits;
  const adjectival = (k: number) =>
    k > 0 && k + 1 < tokens.length && rel.adjectival.has(tokens[k]!.w) && rel.adjDeterminers.has(tokens[k - 1]!.w) && !rel.aux.has(tokens[k + 1]!.w) &&
    !punctBetween(text, tokens[k - 1]!.end, tokens[k]!.start) && !punctBetween(text, tokens[k]!.end, tokens[k + 1]!.start);
  return hits.some((h) => h.at === h.end && adjectival(h.at)) ? hits.filter((h) => !(h.at === h.end && adjectival(h.at))) : hits;
}

const partOfMemo = new Map<Lang, RegExp | null>();
/** How far after a source's name the name of the body it is part of may begin (", a regional branch of the "). */
const WHOLE_REACH = 60;
/**
 * The body a claim's source is named a part of right after its name ("ISIS-K, a branch of the Islamic State
 * group, has claimed …"): the entity id of a group or organisation whose mention follows the apposition.
 */
function sourceWhole(doc: Doc, ix: DocIndex, c: Claim): string | undefined {
  const span = c.source?.span, own = c.source?.entity;
  if (!span || !own) return undefined;
  let re = partOfMemo.get(doc.lang);
  if (re === undefined) {
    const ps = ledgerLexicon(doc.lang).partOfBody ?? [];
    partOfMemo.set(doc.lang, (re = ps.length ? new RegExp(`^ ?, ?(?:${ps.join("|")}) ?$`, "u") : null));
  }
  if (!re) return undefined;
  let best: { id: string; at: number } | undefined;
  for (const id of c.entities) {
    if (id === own) continue;
    const e = ix.entity.get(id);
    if (!e || (e.type !== "group" && e.type !== "organization")) continue;
    // the entity's first mention after the source's name (mentions are in text order)
    const ms = ix.mentionsOf.get(id) ?? [];
    let lo = 0, hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start <= span.end) lo = mid + 1;
      else hi = mid;
    }
    const m = ms[lo];
    if (!m || m.start > span.end + WHOLE_REACH || (best && m.start >= best.at)) continue;
    if (re.test(fold(doc.text.slice(span.end, m.start)).replace(/\s+/g, " "))) best = { id, at: m.start };
  }
  return best?.id;
}

/** The entities a source without one of its own names in its span, when it names two or more (FusionClaim.source.members). */
function sourceMembers(doc: Doc, ix: DocIndex, c: Claim): string[] | undefined {
  const span = c.source?.span;
  if (!span || c.source!.entity || c.source!.kind === "unnamed") return undefined;
  const named = (ix.named ??= doc.mentions
    .filter((m) => m.entity !== undefined && m.via !== "pronoun")
    .map((m) => ({ start: m.start, end: m.end, entity: m.entity! }))
    .sort((a, b) => a.start - b.start || a.end - b.end));
  const ids: string[] = [];
  for (const m of within(named, span.start, span.end)) if (!ids.includes(m.entity)) ids.push(m.entity);
  return ids.length >= 2 ? ids.map((id) => `${doc.meta.id}/${id}`) : undefined;
}

/** How many persons named before a claim `personsBefore` keeps: the latest, where a role's holder is named. */
const PERSONS_BEFORE = 12;

/**
 * The persons a report names before a claim whose source is only a role without its country and linked to
 * no one ("the minister said"), as entity records, the latest last: a role points back at who holds it.
 */
function personsBefore(doc: Doc, ix: DocIndex, c: Claim): string[] | undefined {
  if (!c.source || c.source.entity || c.source.kind === "unnamed") return undefined;
  const role = roleOf(c.source.name, doc.lang);
  if (!role || role.qualifier) return undefined;
  const persons = (ix.persons ??= personMentions(doc, ix));
  // (in text order: the last mention of each person before the claim decides its place)
  const last = new Map<string, number>();
  for (const m of persons) if (m.end <= c.start) last.set(m.id, Math.max(last.get(m.id) ?? -1, m.start));
  const ids = [...last].sort((a, b) => a[1] - b[1]).slice(-PERSONS_BEFORE).map(([id]) => `${doc.meta.id}/${id}`);
  return ids.length ? ids : undefined;
}

/** What a part of a claim says, when the claim says two things (FusionClaim.parts). */
export type ClaimPart = Pick<FusionClaim, "concepts" | "main" | "agents" | "entities" | "countries" | "figures" | "days"> & Pick<Partial<FusionClaim>, "background" | "years">;

function partOf(k: FusionClaim): ClaimPart {
  // (properties set one by one in the order a literal with spreads gave them: see claimKeys)
  const p = { concepts: k.concepts } as ClaimPart;
  if (k.background) p.background = k.background;
  p.main = k.main;
  p.agents = k.agents;
  p.entities = k.entities;
  p.countries = k.countries;
  p.figures = k.figures;
  p.days = k.days;
  if (k.years) p.years = k.years;
  return p;
}

/** Adds to a claim's concepts those a country qualifies (see `claimKeys`), as `concept@cc`. */
function addQualified(text: string, tokens: readonly ConceptToken[], hits: readonly ConceptHit[], cws: ReturnType<typeof countryWords>, concepts: Set<string>): void {
  const qualified = new Map<number, string[]>();
  hits.forEach((h, i) => {
    const qs: string[] = [];
    for (const k of [h.at - 1, h.at - 2]) {
      const q = k >= 0 ? cws[k] : undefined;
      if (!q || (k === h.at - 2 && !h.concept.startsWith("n:"))) continue;
      if (punctBetween(text, tokens[k]!.end, tokens[h.at]!.start)) continue;
      qs.push(q.cc);
    }
    if (!qs.length && h.concept.startsWith("n:") && i > 0) {
      const g = hits[i - 1]!;
      if (g.end === h.at - 1 && g.at < h.at && g.concept.startsWith("n:")) qs.push(...(qualified.get(i - 1) ?? []));
    }
    if (qs.length) qualified.set(i, qs);
    for (const cc of qs) concepts.add(`${h.neg ? "!" : ""}${h.concept}@${cc}`);
  });
}

/** Whether a span (offsets in the claim) lies inside one of the spans of the claim kept. */
function kept(keep: readonly [number, number][], start: number, end: number): boolean {
  for (const [x, y] of keep) if (start >= x && end <= y) return true;
  return false;
}

/**
 * A figure of a claim, made as one of four literals rather than given its flags one at a time: a flag added
 * to a record is a change of its shape the compiled `claimKeys` had not met (same keys, same order).
 */
function figureOf(n: Doc["counts"][number], aside: boolean, added: boolean): FusionClaim["figures"][number] {
  if (aside) return added ? { kind: n.kind, value: n.value, approx: n.approx, aside: true, added: true } : { kind: n.kind, value: n.value, approx: n.approx, aside: true };
  return added ? { kind: n.kind, value: n.value, approx: n.approx, added: true } : { kind: n.kind, value: n.value, approx: n.approx };
}

/** The days and the years a claim says, in what it says (not in its attribution). */
function timesOf(ix: DocIndex, c: Claim, keep: readonly [number, number][]): { days: Set<string>; years: Set<string> } {
  const days = new Set<string>(), years = new Set<string>();
  for (const t of within(ix.times, c.start, c.end)) {
    if (!kept(keep, t.start - c.start, t.end - c.start) || (t.type !== "DATE" && t.type !== "TIME")) continue;
    const d = /^(\d{4}-\d{2}-\d{2})/.exec(t.value);
    if (d) days.add(d[1]!);
    else if (/^\d{4}$/.test(t.value)) years.add(t.value);
  }
  return { days, years };
}

/**
 * What a claim says: its text with the attribution blanked (offsets stay those of the claim), and the spans
 * of the claim kept. (A function of its own, as are the other steps `claimKeys` takes out of it: that one is
 * compiled again whole each time a path it has not run yet is taken, and its size made each compile long.)
 */
function contentOf(doc: Doc, c: Claim): { text: string; keep: [number, number][] } {
  let text = c.text;
  let keep: [number, number][] = [[0, text.length]];
  const inside = (x: { start: number; end: number } | null | undefined): x is { start: number; end: number } => !!x && x.start >= c.start && x.end <= c.end;
  // without a named source the cue is a hedge or a bare verb ("waarschijnlijk", "reportedly"): only it goes
  const parts = c.source?.span && inside(c.source.span) ? [c.cue, c.source.span].filter(inside) : [];
  // a hedge that carries the verb of what it hedges ("kunnen nog verder oplopen", the extraction's cue) is
  // not left out: the verb is what the claim says
  if (!parts.length && inside(c.cue) && !conceptsOf(doc.text.slice(c.cue.start, c.cue.end), doc.lang).some((h) => h.concept.startsWith("v:"))) {
    const a = c.cue.start - c.start, b = c.cue.end - c.start;
    keep = [[0, a], [b, text.length]];
    text = text.slice(0, a) + " ".repeat(b - a) + text.slice(b);
  }
  if (parts.length) {
    const a = Math.min(...parts.map((x) => x.start)) - c.start, b = Math.max(...parts.map((x) => x.end)) - c.start;
    const before = text.slice(0, a).trim().length, after = text.slice(b).trim().length;
    // a name without its speech verb is the subject of what follows: only it goes
    const spoken = inside(c.cue);
    // the name first and the verb last ("Washington en Moskou hebben elke betrokkenheid ontkend"): what
    // they say is between them
    const src = c.source?.span && inside(c.source.span) ? c.source.span : null;
    // (an apposition between them, set off by commas, is still the attribution's)
    const middle = src && spoken && src.end <= c.cue!.start ? text.slice(src.end - c.start, c.cue!.start - c.start) : "";
    if (after < 3 && middle.trim().length >= 3 && !/[,;:()]/.test(middle)) keep = before < 3 ? [[src!.end - c.start, c.cue!.start - c.start]] : [[0, src!.start - c.start], [src!.end - c.start, c.cue!.start - c.start]];
    else if (before < 3) keep = [[b, text.length]];
    else if (spoken && (after < 3 || a > text.length / 2)) keep = [[0, a]];
    else keep = [[0, a], [b, text.length]];
    // blank what is left out, so offsets stay those of the claim
    let t = "";
    let at = 0;
    for (const [x, y] of keep) {
      t += " ".repeat(x - at) + text.slice(x, y);
      at = y;
    }
    text = t + " ".repeat(text.length - at);
  }
  return { text, keep };
}

function claimKeys(doc: Doc, ix: DocIndex, own: Claim, order: string, agency: string | null, withShingles: boolean, head?: Claim, isPart = false): FusionClaim {
  // a clause read with its main clause (headClauses): its keys are those of both, its attribution its own
  const c: Claim = head ? { ...own, start: head.start, text: doc.text.slice(head.start, own.end), entities: [...new Set([...head.entities, ...own.entities])] } : own;
  // the attribution (the source's name, its apposition, the cue: "Björn Lund, director of …, told NPR",
  // "Volgens een minister van …") says who holds the claim, not what it says: it is left out, with what
  // trails it at the end of the claim or leads it at the start
  const { text, keep } = contentOf(doc, c);
  const inContent = (start: number, end: number) => kept(keep, start - c.start, end - c.start);
  // the claim's words read whole first (a speech act is looked for there): those of what it says are some of
  // them, taken with what the lexicon made of each rather than read again from the blanked text
  const whole = text === c.text ? [] : conceptsOf(c.text, doc.lang);
  const blanked = text === c.text ? undefined : blankedTokens(c.text, keep);
  const tokens = blanked ? blanked.tokens : conceptTokens(text);
  const hits: ConceptHit[] = withoutAdjectival(text, tokens, doc.lang, blanked ? blankedConcepts(text, doc.lang, blanked) : conceptsOf(text, doc.lang, tokens));
  const cws = countryWords(tokens, doc.lang);
  const byNoun = countryByNoun(doc, ix, c, tokens, cws, text);
  const concepts = new Set(hits.map((h) => (h.neg ? "!" : "") + h.concept));
  const scene = sceneWords(text, tokens, doc.lang, hits);
  // two clauses that each count what happened ("twee Zweden kwamen om het leven, een derde raakte
  // zwaargewond"): the first is what the claim reports, the second adds to it and weighs as a scene does
  // (a main clause's figures are the clause's only when one voice says both: "10,000 are missing" that the
  // report credits to the IFRC is not the report's own because its "after the storm …" is)
  const headFigures = head && (head.source?.name ?? null) === (own.source?.name ?? null) ? ix.countsOf.get(head.id) ?? [] : [];
  // (in this order: the claim's own figures, its main clause's, those inside it linked to no claim)
  const claimFigures: Doc["counts"] = [];
  for (const list of [ix.countsOf.get(c.id), headFigures, within(ix.loose, c.start, c.end)]) if (list) for (const n of list) if (inContent(n.start, n.end)) claimFigures.push(n);
  const cut = isPart ? undefined : clauseCut(text, tokens, hits, scene, claimFigures.map((n) => n.start - c.start));
  if (cut !== undefined) for (let k = 0; k < tokens.length; k++) if (tokens[k]!.start >= cut) scene[k] = 1;
  if (!head && !isPart) openingParticiple(doc, c, text, tokens, hits, scene);
  // (loops, not chains of filter and map: the arrays those make, empty or not, are of two kinds, and each
  // kind the compiled claimKeys had not met yet threw its code away)
  const foreground = new Set<string>();
  for (const h of hits) if (!scene[h.at]) foreground.add((h.neg ? "!" : "") + h.concept);
  // a speech act that is what the claim says is carried by its cue ("IS claimed responsibility", "eiste de
  // aanslag op"): left out with the attribution, it is looked for in the whole claim (the first is the main)
  let act: string | null = null;
  let numberWord = false;
  if (text !== c.text) {
    for (const h of whole) {
      if (h.neg) continue;
      if (h.concept.startsWith("s:")) {
        concepts.add(h.concept);
        act ??= h.concept;
      } else if (h.concept === "n:number") numberWord = true;
    }
  }
  // a figure the cue calls a number ("put the number at 85") is a figure of the measure just before it
  if (numberWord && (ix.countsOf.get(c.id)?.length || within(ix.loose, c.start, c.end).length)) concepts.add("n:number");
  // a cue that blames ("blamed British navy personnel of …", "beschuldigde Rusland van …") names the doer
  // right after it, in what the claim says
  const cueBlames = !!c.cue && text !== c.text && c.cue.start >= c.start && c.cue.end <= c.end && conceptsOf(doc.text.slice(c.cue.start, c.cue.end), doc.lang).some((h) => h.concept === "v:accuse" && !h.neg);
  // a concept a country qualifies ("Russische raketten", "Ukrainian air defence", "Russia fired", "door
  // Rusland geproduceerde raket"): whose missile, whose air defence. Next to it, or one word between for
  // what it is about; never across punctuation.
  // A country that qualifies a noun of a compound qualifies its head too: "a Ukrainian air defence
  // missile" is a Ukrainian missile, as "een Oekraïense luchtafweerraket" is.
  addQualified(text, tokens, hits, cws, concepts);
  const sourceEntity = c.source?.entity;
  // an "entity" that is a people ("Swedes", "de Oekraïners") names its country
  const peoples: string[] = [];
  // who the speaker tells it to ("told NPR", "zei hij tegen de NOS") hears the claim; it is not in it
  const hearer = hearerAt(doc, c);
  const named = c.entities.filter((id) => {
    if (id === sourceEntity) return false;
    const e = ix.entity.get(id);
    if (e && !within(ix.mentionsOf.get(id) ?? [], c.start, c.end).some((m) => inContent(m.start, m.end) && !hearer?.includes(m.start))) return false;
    const cc = e ? peopleOf(doc, ix, e) : undefined;
    if (cc) peoples.push(`C:${cc}`);
    return !cc;
  });
  const entities = [...new Set(named.map((e) => `${doc.meta.id}/${e}`))].sort();
  const subjectId = !head && !isPart && !c.source ? subjectOf(doc, ix, c) : undefined;
  const subject = subjectId && `${doc.meta.id}/${subjectId}`;
  const tail = dashList(text, hits, tokens);
  const listed = tail === undefined ? [] : [...new Set(named.filter((id) => within(ix.mentionsOf.get(id) ?? [], c.start, c.end).every((m) => !inContent(m.start, m.end) || m.start - c.start >= tail)).map((e) => `${doc.meta.id}/${e}`))].sort();
  // a figure said where the claim only sets the scene or adds to what it reports weighs as little
  const inScene = (at: number) => {
    const k = firstTokenAt(tokens, at);
    return k < tokens.length && tokens[k]!.start < at + 12 && !!scene[k];
  };
  const figures = claimFigures.map((n) => figureOf(n, inParentheses(c.text, n.start - c.start), inScene(n.start - c.start)));
  const { days, years } = timesOf(ix, c, keep);
  // A claim that says two things corroborates either: a clause read with its main clause still says what
  // it says alone ("nadat de druk was gedaald" is a drop in pressure)
  const sayings: ClaimPart[] = [];
  if (!isPart && head) sayings.push(partOf(claimKeys(doc, ix, own, order, agency, false, undefined, true)));
  // a relative clause on a country ("… exposed vulnerabilities in the oil-rich country that has been mired
  // in conflict since 2011", "het land, dat sinds 2011 verdeeld is") says something of that country on its
  // own: read from the country's noun on, it corroborates a claim that says only that
  if (!isPart && !head && byNoun && byNoun.det > 0) {
    const rel = relativeWords(doc.lang);
    const next = tokens[byNoun.noun + 1];
    if (rel && next && rel.pronouns.has(next.w) && !/[.;:()]/.test(text.slice(tokens[byNoun.noun]!.end, next.start))) {
      const from = tokens[byNoun.det]!.start;
      sayings.push(partOf(claimKeys(doc, ix, { ...own, start: own.start + from, text: own.text.slice(from) }, order, agency, false, undefined, true)));
    }
  }
  const s = doc.sentences[c.sentence] ?? doc.sentences[doc.sentenceAt(c.start)];
  const shingles = withShingles ? shinglesOf(tokens) : [];
  const partOfWhole = isPart ? undefined : sourceWhole(doc, ix, c);
  const members = sourceMembers(doc, ix, c);
  const before = personsBefore(doc, ix, c);
  // The record is made a property at a time, in the order of the record as it was written out before: an
  // object literal with spreads in it (`...(x && { x })`) is built by the engine's slow path, a call into
  // its runtime for each spread: about half a microsecond a spread (a record had up to eleven)
  let source: FusionClaim["source"] = null;
  if (c.source) {
    source = { name: c.source.name, kind: c.source.kind };
    if (c.source.entity) source.entity = `${doc.meta.id}/${c.source.entity}`;
    if (c.source.role) source.role = c.source.role;
    if (partOfWhole) source.whole = `${doc.meta.id}/${partOfWhole}`;
    if (members) source.members = members;
    if (before) source.before = before;
  }
  const out = {
    id: `${doc.meta.id}/${c.id}`,
    doc: doc.meta.id,
    order,
    published: doc.meta.published,
    outlet: doc.meta.source ?? null,
    agency,
    lang: doc.lang,
    text: own.text,
    start: own.start,
    end: own.end,
    sentence: s ? s.index : c.sentence,
    paragraph: s ? s.paragraph : 0,
    status: c.status,
    quote: c.quote,
    source,
    concepts: [...concepts].sort(),
  } as FusionClaim;
  if (scene.includes(1)) out.background = [...concepts].filter((k) => !foreground.has(k) && !k.includes("@")).sort();
  out.main = (() => {
    if (act !== null) return act;
    // what the claim states comes before what only sets its scene ("De raket die neerkwam … is het gevolg van")
    const said = (x: ConceptHit) => x.concept.startsWith("v:") || x.concept.startsWith("s:");
    const h = hits.find((x) => said(x) && !scene[x.at]) ?? hits.find(said);
    return h ? (h.neg ? "!" : "") + h.concept : null;
  })();
  out.entities = entities;
  if (subject) out.subject = subject;
  if (listed.length) out.listed = listed;
  out.agents = agentsOf(doc, ix, c, text, tokens, hits, cws, cueBlames ? c.cue!.end - c.start : undefined);
  const countries = new Set<string>();
  for (const x of cws) if (x) countries.add(`C:${x.cc}`);
  for (const p of peoples) countries.add(p);
  if (byNoun?.cc) countries.add(`C:${byNoun.cc}`);
  out.countries = [...countries].sort();
  out.figures = figures;
  out.days = [...days].sort();
  if (years.size) out.years = [...years].sort();
  out.features = featuresOf(own, doc.lang);
  out.shingles = shingles;
  if (sayings.length) out.parts = sayings;
  if (withShingles) lastShingled = text;
  return out;
}

/** The text the shingles of the last claim `claimKeys` made with shingles are of: `fusionClaims` keeps it only when asked. */
let lastShingled = "";

/** Word-pair shingles of tokens: distinct and in order (sorted as unsigned integers, repeats dropped). */
function shinglesOf(tokens: readonly ConceptToken[]): number[] {
  const shingles: number[] = [];
  if (tokens.length > 1) {
    const hs = new Uint32Array(tokens.length - 1);
    for (let i = 0; i + 1 < tokens.length; i++) hs[i] = hashPair(tokens[i]!.w, tokens[i + 1]!.w);
    hs.sort();
    for (let i = 0; i < hs.length; i++) if (i === 0 || hs[i] !== hs[i - 1]) shingles.push(hs[i]!);
  }
  return shingles;
}

/**
 * The text each claim made here took its shingles from: its own with the attribution blanked, or read
 * with its main clause. A stored record keeps this (its words are the report's: it costs little
 * deflated against the report) and not the shingles, and works them out again when read. Kept unless
 * `fusionClaims` is told `shingleTexts: false` (the one-shot export, which never reads it: an entry per
 * claim in a weak map cost a seventh of the keys' own time).
 */
const shingled = new WeakMap<FusionClaim, string>();
export const shingleText = (c: FusionClaim): string | undefined => shingled.get(c);

/** The shingles of a text, as `fusionClaims` makes them from its `shingleText`. */
export const textShingles = (text: string): number[] => shinglesOf(conceptTokens(text));

/**
 * Where a list the claim adds after a dash begins (an offset into its text): a stretch from a dash to the
 * end that says nothing happens ("… getroffen door overstromingen – met name de steden Derna en Benghazi,
 * de regio rond Al Jabal al Akhdar en de buitenwijken van Al-Marj"). A dash pair around a clause that does
 * say something ("Derna – waar twee dammen het begaven – is onbereikbaar") is no such list.
 */
function dashList(text: string, hits: readonly ConceptHit[], tokens: readonly ConceptToken[]): number | undefined {
  const m = /\s[–—-]\s/.exec(text);
  if (!m || m.index < 12) return undefined;
  const at = m.index + m[0].length;
  if (/\s[–—-]\s/.test(text.slice(at))) return undefined;
  const from = firstTokenAt(tokens, at);
  if (tokens.length - from < 2) return undefined;
  if (hits.some((h) => h.at >= from && (h.concept.startsWith("v:") || h.concept.startsWith("s:")))) return undefined;
  return at;
}

/**
 * Where a claim of two main clauses that each count what happened divides (an offset into its text): at
 * a comma or semicolon, outside a clause that sets the scene, with something said to happen and a figure
 * on either side. Undefined when it does not divide so.
 */
function clauseCut(text: string, tokens: readonly ConceptToken[], hits: readonly ConceptHit[], scene: Uint8Array, figureAt: readonly number[]): number | undefined {
  if (figureAt.length < 2 || hits.length < 2) return undefined;
  // one pass: the first and last word that says something happens, the first and last figure
  let firstAct = Infinity, lastAct = -1;
  for (const h of hits)
    if (h.concept.startsWith("v:") && !h.neg && !scene[h.at]) {
      firstAct = Math.min(firstAct, h.at);
      lastAct = Math.max(lastAct, h.at);
    }
  let firstFig = Infinity, lastFig = -1;
  for (const f of figureAt) (firstFig = Math.min(firstFig, f)), (lastFig = Math.max(lastFig, f));
  for (let k = 1; k < tokens.length; k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    // a comma between clauses, not the one inside a figure ("11,300")
    if (!/[,;]\s/.test(gap) || scene[k] || scene[k - 1]) continue;
    const at = tokens[k]!.start;
    if (firstAct < k && lastAct >= k && firstFig < at && lastFig >= at) return at;
  }
  return undefined;
}
