// Source phrases: finding the words that name who speaks, splitting them into name, role and affiliation,
// and telling what kind of source they are. Language knowledge comes from the ClaimLexicon.
import type { Doc, SourceKind, Span } from "../../model/doc.js";
import type { ClaimLexicon, RoleWord } from "./lexicon.js";

export type Who = "person" | "group" | "unknown";

/** The lexicon turned into sets, once per lexicon. */
export interface Prepared {
  lex: ClaimLexicon;
  roleExact: Map<string, RoleWord>;
  roleSuffix: RoleWord[];
  det: Set<string>;
  stops: Set<string>;
  connectives: Set<string>;
  aux: Set<string>;
  affil: Set<string>;
  nameConn: Set<string>;
  docNouns: Set<string>;
  personPron: Set<string>;
  groupPron: Set<string>;
  anyPron: Set<string>;
  complementizers: Set<string>;
  agents: Set<string>;
  splitters: Set<string>;
  relStarters: Set<string>;
  possessives: Set<string>;
  honorifics: Set<string>;
  verbForms: Set<string>;
  coordinators: Set<string>;
  additive: Set<string>;
  relClause: Set<string>;
  relAlways: Set<string>;
  adverbial: Set<string>;
  correlatives: Set<string>;
  /** Every word that may open or announce a clause cut: one look-up per token decides whether to look closer. */
  clauseWords: Set<string>;
  preps: Set<string>;
  common: Set<string>;
  /** Furniture openings as token sequences, by their first token. */
  furniture: Map<string, string[][]>;
  credit: Set<string>;
  /** Last characters of the regular past-tense endings. */
  verbEndChars: Set<number>;
  /** 1 at the char code of every first letter of a clause word. */
  clauseFirst: Uint8Array;
  /** 1 at the char code of every first letter of a surname particle ("al-", "ibn-"). */
  particleFirst: Uint8Array;
  observed: Set<string>;
}

export function prepareLexicon(lex: ClaimLexicon): Prepared {
  const roleExact = new Map<string, RoleWord>();
  const roleSuffix: RoleWord[] = [];
  for (const r of lex.roles) {
    if (r.word.startsWith("*")) roleSuffix.push({ ...r, word: r.word.slice(1) });
    else roleExact.set(r.word, r);
  }
  // longer suffixes first: "woordvoerder" before "voerder"
  roleSuffix.sort((a, b) => b.word.length - a.word.length);
  return {
    lex,
    roleExact,
    roleSuffix,
    det: new Set(lex.determiners),
    stops: new Set(lex.npStops),
    connectives: new Set(lex.connectives),
    aux: new Set(lex.auxiliaries),
    affil: new Set(lex.affiliationPreps),
    nameConn: new Set(lex.nameConnectors),
    docNouns: new Set(lex.documentNouns),
    personPron: new Set(lex.pronouns.person),
    groupPron: new Set(lex.pronouns.group),
    anyPron: new Set(lex.pronouns.any),
    complementizers: new Set(lex.complementizers),
    agents: new Set(lex.agentMarkers),
    splitters: new Set(lex.splitters),
    relStarters: new Set(lex.relativeStarters),
    possessives: new Set(lex.possessives),
    honorifics: new Set(lex.honorifics),
    // the reporting verbs count as verbs too: "Oekraïne ontkent …" is a clause
    verbForms: new Set([...lex.verbForms, ...lex.cues.filter((c) => c.role === "report").flatMap((c) => c.pattern.split(/\s+/u)[0]!.split("|")).filter((w) => /^\p{Ll}+$/u.test(w))]),
    coordinators: new Set(lex.coordinators),
    additive: new Set(lex.additive),
    relClause: new Set(lex.relativeClause),
    relAlways: new Set(lex.relativeAlways),
    adverbial: new Set(lex.adverbialClause),
    correlatives: new Set(lex.correlatives),
    clauseWords: new Set([...lex.coordinators, ...lex.correlatives, ...lex.relativeAlways, ...lex.adverbialClause, ...lex.complementizers]),
    preps: new Set(lex.prepositions),
    common: new Set(lex.commonWords ?? []),
    furniture: furnitureIndex(lex.furniture),
    credit: new Set(lex.creditWords),
    verbEndChars: new Set(lex.verbEndings.map((e) => e.charCodeAt(e.length - 1))),
    clauseFirst: firstChars([...lex.coordinators, ...lex.correlatives, ...lex.relativeAlways, ...lex.adverbialClause, ...lex.complementizers]),
    particleFirst: firstChars(lex.nameParticles),
    observed: new Set(lex.observationNouns),
  };
}

function firstChars(words: readonly string[]): Uint8Array {
  const a = new Uint8Array(65536);
  for (const w of words) a[w.charCodeAt(0)] = 1;
  return a;
}

function furnitureIndex(lines: readonly string[]): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const l of lines) {
    const seq = l.split(/\s+/u);
    const list = m.get(seq[0]!);
    if (list) list.push(seq);
    else m.set(seq[0]!, [seq]);
  }
  return m;
}

export function roleOf(P: Prepared, low: string): RoleWord | undefined {
  const hit = P.roleExact.get(low);
  if (hit) return hit;
  // a compound: "oost-europadeskundige", "defensiewoordvoerder"; the head must be a real part of the word
  for (const r of P.roleSuffix) if (low.endsWith(r.word)) return r;
  const dash = low.lastIndexOf("-");
  if (dash > 0) return P.roleExact.get(low.slice(dash + 1));
  return undefined;
}

const CAP = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const HAS_LETTER = /\p{L}/u;
export const isCap = (s: string) => CAP.test(s);

/** Token-level view of the document shared by the claim stage's helpers. */
export interface View {
  doc: Doc;
  P: Prepared;
  low: readonly string[];
  raw: string[];
  /** 1 where a token lies inside a time expression. */
  time: Uint8Array;
  /** 1 where a token is punctuation or a quote mark. */
  punct: Uint8Array;
  /** Index of the sentence each token belongs to. */
  sentOf: Int32Array;
  /** 1 where a token begins with a capital letter. */
  cap: Uint8Array;
  /** Whether a token lies inside a name that entity recognition found. */
  named: (i: number) => boolean;
  /** Per token: 0 not yet known, 1 no verb, 2 a verb (filled as clauses are cut). */
  verbMemo: Uint8Array;
  /** Per sentence: 1 when it holds a colon (found while cutting it), so only those look for a colon frame. */
  colons: Uint8Array;
}

/** A single capital letter: an initial inside a name ("Lisa O. Monaco", "James B. Comey"). */
export function isInitial(V: View, i: number): boolean {
  const r = V.raw[i]!;
  return r.length === 1 && V.cap[i] === 1;
}

export function isPronoun(P: Prepared, low: string): boolean {
  return P.personPron.has(low) || P.groupPron.has(low) || P.anyPron.has(low);
}

function isHead(V: View, i: number): boolean {
  const low = V.low[i]!;
  if (V.punct[i]) return false;
  // "the daily wrote": a role word after a determiner is no time expression
  if (V.time[i] && !(i > 0 && V.P.det.has(V.low[i - 1]!) && roleOf(V.P, low))) return false;
  if (roleOf(V.P, low) || V.P.docNouns.has(low) || V.P.honorifics.has(low)) return true;
  // an acronym is a name even when it spells a function word: "het OM", "US officials"
  if (V.cap[i] === 1 && ACRONYM.test(V.raw[i]!)) return true;
  return (V.cap[i] === 1) && !V.P.stops.has(low) && !V.P.det.has(low) && !V.P.connectives.has(low) && !isFirstFunctionWord(V, i);
}

/** A capitalised common word opening the sentence ("Former", "Senior"): a head only until a real one follows. */
function softHead(V: View, i: number): boolean {
  const s = V.doc.sentences[V.sentOf[i]!];
  return !!s && s.tokenStart === i && V.P.common.has(V.low[i]!) && !V.named(i) && !roleOf(V.P, V.low[i]!);
}

/** A capitalised word that is only capitalised because it opens the sentence and is a function word. */
function isFirstFunctionWord(V: View, i: number): boolean {
  const s = V.doc.sentences[V.sentOf[i]!];
  // the first word of a sentence, or of a quote or bracket inside it
  if (!s || (s.tokenStart !== i && !(i > s.tokenStart && V.punct[i - 1] && V.raw[i - 1] !== ","))) return false;
  const low = V.low[i]!;
  if (V.P.stops.has(low) || V.P.det.has(low) || V.P.connectives.has(low) || V.P.splitters.has(low) || V.P.complementizers.has(low) || V.P.affil.has(low)) return true;
  // an adverb that opens the sentence before its verb ("Tegelijkertijd zegt Polen", "Eerder meldde …"),
  // unless entity recognition took it for a name; "Emergency crews said" keeps its modifier
  const next = V.low[i + 1] ?? "";
  return V.P.common.has(low) && !V.named(i) && !roleOf(V.P, low) && (V.punct[i + 1] === 1 || V.P.verbForms.has(next));
}

/**
 * A source phrase read forwards from token `i` (after a reporting verb, after volgens/according to, after
 * door/by): determiners, modifiers, role words and names, with an affiliation (van het Instituut X, of the
 * ministry). Returns the token range, or null when no head word (name, role, pronoun) stands there.
 */
export function npForward(V: View, i: number, limit: number, loose = false): Span | null {
  const { P, low, raw } = V;
  if (i >= limit) return null;
  if (isPronoun(P, low[i]!) && !V.punct[i]) return { start: i, end: i + 1 };
  let k = i;
  let lastHead = -1;
  const max = Math.min(limit, i + 14);
  while (k < max) {
    const w = low[k]!;
    if (w === "." && k > i && (P.honorifics.has(low[k - 1]!) || isInitial(V, k - 1)) && k + 1 < limit && V.cap[k + 1] === 1) {
      k++;
      continue;
    }
    if (V.punct[k] || (V.time[k] && !isHead(V, k))) break;
    if (P.det.has(w) && !P.complementizers.has(w) && (k === i || P.affil.has(low[k - 1]!) || P.nameConn.has(low[k - 1]!))) {
      k++;
      continue;
    }
    if (isHead(V, k)) {
      lastHead = k;
      k++;
      continue;
    }
    if (lastHead === k - 1 && (V.cap[lastHead] === 1) && !roleOf(P, low[lastHead]!) && P.lex.adjectiveEndings.some((e) => low[lastHead]!.endsWith(e))) {
      // a noun after a capitalised modifier, up to where the phrase ends: "de Oekraïense luchtmacht zijn",
      // "the Ukrainian air force."
      let j = k;
      while (j < max && j < k + 2 && !V.punct[j] && !V.time[j] && !P.det.has(low[j]!) && !P.stops.has(low[j]!) && !P.complementizers.has(low[j]!) && !P.aux.has(low[j]!) && !(V.cap[j] === 1) && HAS_LETTER.test(low[j]!)) j++;
      const ends = j >= limit || V.punct[j] || V.time[j] || P.stops.has(low[j]!) || P.complementizers.has(low[j]!) || P.aux.has(low[j]!);
      if (j > k && ends) {
        lastHead = j - 1;
        k = j;
        continue;
      }
    }
    // a connector that is an article joins a name only after a name ("Jaap de Hoop Scheffer"); after a common
    // noun it opens a new phrase: "volgens de politie de 45-jarige X" names the police, the rest is what they say
    const article = P.det.has(w) && !P.affil.has(w) && V.cap[k - 1] !== 1;
    if ((P.affil.has(w) || (P.nameConn.has(w) && !article) || (P.agents.has(w) && P.docNouns.has(low[lastHead]!))) && lastHead >= 0) {
      // only when a name, role or determiner + name follows: "van het Instituut Clingendael", "voor Rusland"
      let j = k + 1;
      if (j < max && P.det.has(low[j]!)) j++;
      while (j < max && !V.punct[j] && !isHead(V, j) && !P.stops.has(low[j]!) && j < k + 4 && !(V.cap[j] === 1)) j++;
      if (j < max && isHead(V, j)) {
        k = j;
        continue;
      }
      break;
    }
    if (loose && k > i && k === i + 1 && P.det.has(low[i]!) && !(V.cap[k] === 1) && HAS_LETTER.test(w) && !P.stops.has(w) && !P.aux.has(w) && !P.complementizers.has(w) && !isPronoun(P, w)) {
      // after a reporting verb, a determiner and a common noun that close the phrase: "meldt de veiligheidsregio."
      let j = k;
      while (j < max && j < k + 2 && !V.punct[j] && !V.time[j] && !P.det.has(low[j]!) && !P.stops.has(low[j]!) && !P.complementizers.has(low[j]!) && !P.aux.has(low[j]!) && !(V.cap[j] === 1) && HAS_LETTER.test(low[j]!)) j++;
      const ends = j >= limit || V.punct[j] || V.time[j] || P.stops.has(low[j]!) || P.complementizers.has(low[j]!);
      if (ends) {
        lastHead = j - 1;
        k = j;
        continue;
      }
    }
    // a word before a determiner is no modifier but a verb: "lawmakers urged the mayor"
    if (!P.stops.has(w) && !P.complementizers.has(w) && !P.aux.has(w) && HAS_LETTER.test(w) && !(k + 1 < max && P.det.has(low[k + 1]!))) {
      // a modifier counts when a head follows within two words: "militaire weblog", "state media"
      // after a head only a role word may follow ("het Nederlandse militaire weblog"), or a verb would pass
      // for a modifier ("het Kremlin zit Oekraïne")
      let j = k + 1;
      let ok = false;
      // a capitalised common word that opens the sentence is a modifier too: "Former senior law enforcement officials"
      const soft = lastHead === i && softHead(V, i);
      for (; j < max && j <= k + (lastHead < 0 || soft ? 4 : 2); j++) {
        if (V.punct[j] || V.time[j] || P.stops.has(low[j]!)) break;
        if (isHead(V, j)) {
          ok = lastHead < 0 || soft || !!roleOf(P, low[j]!);
          break;
        }
      }
      if (ok) {
        k = j;
        continue;
      }
    }
    break;
  }
  if (lastHead < 0) return null;
  return { start: i, end: lastHead + 1 };
}

/**
 * A subject read backwards from just before a verb at token `e` down to `from`: names, role words and their
 * modifiers back to a determiner ("De twee Russische groepen", "the top Russian general"), or a pronoun.
 */
export function npBackward(V: View, from: number, e: number): Span | null {
  const { P, low, raw } = V;
  let k = e - 1;
  // skip auxiliaries, adverbs and time expressions between subject and verb: "Trump on Tuesday has said"
  while (k >= from) {
    const w = low[k]!;
    // an adverb between subject and verb ("Obama famously said"), not a noun after its determiner ("the daily wrote")
    const adverb = !(V.cap[k] === 1) && w.length > 4 && P.lex.adverbEndings.some((x) => w.endsWith(x)) && !(k > from && P.det.has(low[k - 1]!));
    if ((V.time[k] && !isHead(V, k)) || P.aux.has(w) || adverb) {
      k--;
      continue;
    }
    if (P.stops.has(w) && !P.det.has(w) && !isPronoun(P, w) && k + 1 < e && V.time[k + 1]) {
      k--; // the preposition of a time expression: "on Tuesday"
      continue;
    }
    if (raw[k] === ")") {
      // a short aside in brackets after the name: "Sen. Elizabeth Warren (D-Mass.) said"
      let j = k - 1;
      while (j >= from && j > k - 8 && raw[j] !== "(" && raw[j] !== ")") j--;
      if (j >= from && raw[j] === "(" && j > from) {
        k = j - 1;
        continue;
      }
    }
    break;
  }
  if (k < from) return null;
  const end = k + 1;
  if (isPronoun(P, low[k]!)) return { start: k, end };
  let start = -1;
  // a common noun right before the verb heads the subject when a determiner or an owner closes it within
  // three words: "a bartender said", "Donald Trump's son told". In a language with verb-final subordinate
  // clauses the noun before the verb may be its object ("die betrokkenheid claimde"), so there the phrase
  // must open the clause (a main clause's first constituent: "Het bedrijf zegt").
  const svo = !P.lex.subjectAfterVerb;
  if (!isHead(V, k) && !V.punct[k] && HAS_LETTER.test(low[k]!) && !P.stops.has(low[k]!) && !P.complementizers.has(low[k]!) && !P.connectives.has(low[k]!)) {
    const opensClause = (j: number) => {
      for (let x = from; x < j; x++) if (!P.connectives.has(low[x]!) && !V.punct[x]) return false;
      return true;
    };
    // a bare plural opening the clause: "And regulators say …"
    if (svo && opensClause(k)) {
      start = k;
      k--;
    }
    for (let j = k - 1; start < 0 && j >= from && j >= k - 3; j--) {
      if (svo && j === k - 1 && isHead(V, j)) {
        start = k; // a compound: "Clinton campaign allies"
        k--;
        break;
      }
      if (V.punct[j] && !P.possessives.has(low[j]!)) break;
      if (((P.det.has(low[j]!) && !P.stops.has(low[j]!)) || P.possessives.has(low[j]!)) && (svo || opensClause(j))) {
        start = k;
        k--;
        break;
      }
      // "An earlier version said": an adverb after a determiner is an adjective
      if (P.stops.has(low[j]!) && !(j - 1 >= from && P.det.has(low[j - 1]!) && !V.punct[j - 1])) break;
    }
    if (start < 0) return null;
  }
  while (k >= from) {
    const w = low[k]!;
    if (P.possessives.has(w) && start >= 0 && k - 1 >= from && isHead(V, k - 1)) {
      k--;
      continue;
    }
    if (w === "." && k - 1 >= from && P.honorifics.has(low[k - 1]!) && start >= 0) {
      start = k - 1; // "Mrs. Trump"
      k -= 2;
      continue;
    }
    if (w === "." && k - 1 >= from && isInitial(V, k - 1) && start >= 0) {
      start = k - 1; // "Lisa O. Monaco"
      k -= 2;
      continue;
    }
    if (V.punct[k] || (V.time[k] && !isHead(V, k))) break;
    if (P.det.has(w) && !isPronoun(P, w)) {
      // "the Institute for the Study of War": a determiner after a connector inside a name
      if (start >= 0 && k - 2 >= from && (P.nameConn.has(low[k - 1]!) || P.affil.has(low[k - 1]!)) && isHead(V, k - 2) && !P.stops.has(low[k - 1]!)) {
        k -= 2;
        continue;
      }
      if (start >= 0) start = k;
      break;
    }
    if (isHead(V, k)) {
      start = k;
      k--;
      continue;
    }
    if (start >= 0 && P.lex.locativePreps.includes(w) && k - 2 >= from && !isHead(V, k - 1) && P.det.has(low[k - 2]!) && !P.stops.has(low[k - 2]!)) {
      start = k - 2; // "a volunteer in Kherson"
      break;
    }
    if ((P.nameConn.has(w) || P.affil.has(w) || P.lex.locativePreps.includes(w)) && start >= 0 && k - 1 >= from && isHead(V, k - 1)) {
      k--;
      continue;
    }
    if (start >= 0 && (P.nameConn.has(w) || P.affil.has(w)) && k - 1 >= from && P.det.has(low[k - 1]!) && k - 2 >= from && isHead(V, k - 2)) {
      k -= 2; // "spokesman for the ministry": step over "for the"
      continue;
    }
    if (start >= 0 && !P.stops.has(w) && !P.aux.has(w) && !P.connectives.has(w) && !P.complementizers.has(w) && HAS_LETTER.test(w)) {
      // modifiers before a head only count when a determiner closes them within two words
      let j = k;
      while (j >= from && j > k - 2 && !V.punct[j] && !P.det.has(low[j]!) && !P.stops.has(low[j]!) && !(V.cap[j] === 1) && HAS_LETTER.test(low[j]!)) j--;
      if (j >= from && P.det.has(low[j]!)) {
        start = j;
      } else if (j >= from && j < k && isHead(V, j) && (V.cap[j] === 1)) {
        // a capitalised adjective before the modifier: "Russian state media"
        start = j;
        k = j - 1;
        continue;
      }
      break;
    }
    break;
  }
  if (start < 0) return null;
  return { start, end };
}

/**
 * Particles inside a personal name after one given name: "Mark van der Linden", "Ursula von der Leyen" (one
 * capitalised word before, one after); not an affiliation: "Bob Deen van Clingendael", "… van de Nederlandse
 * Defensie Academie".
 */
function surnameParticle(V: View, a: number, k: number, b: number): boolean {
  const { P, low, raw } = V;
  if (k - 1 < a || !(V.cap[k - 1] === 1) || (k - 2 >= a && (V.cap[k - 2] === 1))) return false;
  let j = k;
  while (j < b && j < k + 3 && P.nameConn.has(low[j]!)) j++;
  if (j === k || j >= b || !(V.cap[j] === 1) || roleOf(P, low[j]!)) return false;
  return j + 1 === b;
}

export interface ParsedSource {
  name: string;
  nameSpan: Span; // character span of the name
  role?: string;
  kind: SourceKind;
  who: Who;
  pronoun: "person" | "group" | "any" | null;
  /** A definite description without a name ("het legioen", "the group"): its head word. */
  description?: string;
  /** The name carries an honorific and is not to be expanded ("Mrs. Trump"). */
  honorific?: boolean;
  /** A document without an author ("berichten", "preliminary data"): hearsay, not a named source. */
  document?: boolean;
}

/** Splits a source phrase into name, role and affiliation and tells its kind. */
export function parseSource(V: View, span: Span): ParsedSource | null {
  const { P, low, raw, doc } = V;
  let a = span.start;
  const b = span.end;
  if (a >= b) return null;
  const t = doc.tokens;
  const chars = (x: number, y: number) => doc.text.slice(t[x]!.start, t[y - 1]!.end);
  if (b - a === 1 && isPronoun(P, low[a]!)) {
    const w = low[a]!;
    const pronoun = P.anyPron.has(w) ? "any" : P.personPron.has(w) ? "person" : "group";
    return { name: raw[a]!, nameSpan: { start: t[a]!.start, end: t[a]!.end }, kind: "other", who: "unknown", pronoun };
  }
  // ("Both Ankara and Athens": the "both" of a coordination names no one)
  while (a < b && (P.det.has(low[a]!) || (a + 1 < b && P.correlatives.has(low[a]!) && !P.preps.has(low[a]!)))) a++;
  if (a >= b) return null;
  // a document or message: the source is its author ("een overzicht van het weblog X", "a report by X")
  // ("de recentste cijfers van de VN": modifiers may stand before the noun)
  for (let d = a; d < b - 1 && d < a + 3; d++) {
    if (!P.docNouns.has(low[d]!)) continue;
    if (P.affil.has(low[d + 1]!) || P.agents.has(low[d + 1]!)) {
      const inner = parseSource(V, { start: d + 2, end: b });
      if (inner) return { ...inner, role: [chars(a, d + 1), inner.role].filter(Boolean).join(", ") };
    }
    break;
  }
  // a document nobody is named for ("volgens berichten", "according to preliminary data"): no named source
  if (P.docNouns.has(low[b - 1]!) && V.cap[b - 1] !== 1) {
    let named = false;
    for (let k = a; k < b - 1; k++) if (V.cap[k] === 1 || roleOf(P, low[k]!)) named = true;
    if (!named) return { name: chars(a, b), nameSpan: { start: t[a]!.start, end: t[b - 1]!.end }, kind: "unnamed", who: "unknown", pronoun: null, document: true };
  }
  // head and affiliation: the first affiliation preposition after a head word
  let cut = b;
  for (let k = a + 1; k < b; k++) {
    // "Freedom of Russia Legion" holds its connector; after a given name and surname it opens an
    // affiliation: "Bob Deen van Clingendael"
    const personBefore = k - 2 >= a && (V.cap[k - 1] === 1) && (V.cap[k - 2] === 1) && (k - 3 < a || !(V.cap[k - 3] === 1));
    const inName = P.nameConn.has(low[k]!) && (V.cap[k - 1] === 1) && k + 1 < b && (V.cap[k + 1] === 1) && !roleOf(P, low[k + 1]!) && !personBefore;
    // "Police in Leeds": a place after the head is where, not who
    if ((P.affil.has(low[k]!) || P.lex.locativePreps.includes(low[k]!)) && !inName && !surnameParticle(V, a, k, b)) {
      cut = k;
      break;
    }
  }
  if (P.honorifics.has(low[a]!)) {
    // "Mrs. Trump", "dhr. Jansen": the honorific tells a person and stays with the name
    let e = a + 1;
    while (e < b && !P.affil.has(low[e]!)) e++;
    const nameSpan = { start: t[a]!.start, end: t[e - 1]!.end };
    return { name: doc.text.slice(nameSpan.start, nameSpan.end), nameSpan, kind: "other", who: "person", pronoun: null, honorific: true };
  }
  let lastRole = -1;
  let role: RoleWord | undefined;
  for (let k = a; k < cut; k++) {
    const r = roleOf(P, low[k]!);
    if (r) (lastRole = k), (role = r);
  }
  let kind: SourceKind = role?.kind ?? "other";
  let who: Who = role?.who ?? "unknown";
  // an affiliation may tell the kind better than a rank: "kolonel … van de Defensie Academie"
  for (let k = cut; k < b; k++) {
    const r = roleOf(P, low[k]!);
    if (r && (kind === "other" || r.kind === "expert" || r.kind === "media") && r.kind !== "unnamed") kind = r.kind;
  }
  let nameStart = a;
  let nameEnd = cut;
  let roleText: string | undefined;
  if (lastRole >= 0 && lastRole + 1 < cut && (V.cap[lastRole + 1] === 1)) {
    // "Oost-Europadeskundige Bob Deen", "Russian President Vladimir Putin": the name follows the role
    nameStart = lastRole + 1;
    roleText = chars(a, lastRole + 1);
    if (cut < b) roleText += " " + chars(cut, b);
    if (role?.who === "person" || role === undefined) who = "person";
  } else if (lastRole >= 0) {
    // no name: the role is the name ("de gouverneur van Belgorod", "the Foreign Ministry"), without the
    // place it speaks from ("police in Leeds")
    const where = cut < b && !P.affil.has(low[cut]!);
    nameEnd = where ? cut : b;
    if (where) roleText = chars(cut, b);
  } else if (V.cap[a] !== 1 && cut - a >= 2 && V.cap[cut - 1] === 1) {
    // a title no lexicon lists before a name: "ingenieur Piet Kok", "resident Karim al-Masri"
    let k = cut - 1;
    while (k > a && (V.cap[k - 1] === 1 || isInitial(V, k - 1) || (raw[k - 1] === "." && k - 2 > a && isInitial(V, k - 2)))) k--;
    if (k > a) {
      nameStart = k;
      roleText = chars(a, k) + (cut < b ? " " + chars(cut, b) : "");
      who = "person";
    } else if (cut < b) roleText = chars(cut, b);
  } else {
    if (cut < b) roleText = chars(cut, b);
    const capRun = cut - a;
    let allCap = true;
    for (let k = a; k < cut; k++) if (!(V.cap[k] === 1)) allCap = false;
    if (allCap && capRun >= 2 && capRun <= 3) who = "person";
  }
  const nameSpan = { start: t[nameStart]!.start, end: t[nameEnd - 1]!.end };
  const name = doc.text.slice(nameSpan.start, nameSpan.end);
  let description: string | undefined;
  if (nameEnd - nameStart === 1 && !(V.cap[nameStart] === 1) && span.start < nameStart) description = low[nameStart];
  // optional keys by assignment, in the same key order (a literal with `...(x && { k })` is made through a runtime call per spread)
  const out = { name, nameSpan } as ParsedSource;
  if (roleText) out.role = roleText;
  out.kind = kind;
  out.who = who;
  out.pronoun = null;
  if (description) out.description = description;
  return out;
}
