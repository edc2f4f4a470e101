// Claims: one per clause that carries a proposition, with who asserts it (the report itself or a named or
// unnamed source) and how sure (SPEC §4). Cue words, titles and patterns come from the language pack;
// this code only knows the shapes of attribution: a reporting verb before or after its content, a
// phrase before the source (volgens X), a passive with or without its agent, a quote whose speaker is
// named in the same, the previous or the next sentence, hedges, denials and explicit unknowns.
import type { Claim, ClaimStatus, Cue, Doc, Entity, Sentence, Source, Span, Unknown } from "../../model/doc.js";
import type { Stage } from "../stage.js";
import type { ClaimLexicon, CueRole } from "./lexicon.js";
import { compileCues, matchCues, type CompiledCue, type CueIndex, type CueMatch } from "./patterns.js";
import { isCap, isInitial, isPronoun, npBackward, npForward, parseSource, prepareLexicon, roleOf, type ParsedSource, type Prepared, type View, type Who } from "./source.js";
import { lowerTokens } from "../segment/tokens.js";

interface Compiled {
  P: Prepared;
  index: CueIndex;
}
const cache = new WeakMap<ClaimLexicon, Compiled>();
function compiled(lex: ClaimLexicon): Compiled {
  let c = cache.get(lex);
  if (!c) cache.set(lex, (c = { P: prepareLexicon(lex), index: compileCues(lex.cues) }));
  return c;
}

/** Statuses by strength of hedge: the weakest certainty wins when hedges nest. */
const HEDGE_RANK: Partial<Record<ClaimStatus, number>> = { probable: 1, possible: 2, denied: 3 };
const NAMED_ROLES: ReadonlySet<CueRole> = new Set(["report", "passive", "according", "self"]);

/** A source as read in the text, before pronouns and short names are resolved. */
interface RawSource {
  parsed: ParsedSource;
  span: Span; // character span of the whole source phrase
}

interface Clause {
  sentence: number;
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
  status: ClaimStatus;
  frame: CueMatch | null;
  raw: RawSource | null;
  /** The source is unnamed (naar verluidt, an agentless passive). */
  unnamed: boolean;
  /** An agentless passive: takes the source of the clause before it in the same sentence. */
  inherit: boolean;
  /** The frame comes after its content ("…, zegt X"): it may cover the clauses before it. */
  post: boolean;
  source: Source | null;
  cue: Cue | null;
  quote: boolean;
  /** The clause's frame had a first-person subject (I, we): the words are the quote's speaker's. */
  firstPerson?: boolean;
  /** How the clause was cut from the one before it. */
  kind?: ClauseKind;
  /** A speaking participle opens the clause without a subject to be found: it takes its sentence's speaker. */
  pendingSelf?: CueMatch;
  /** The clause's explicit unknown ("onduidelijk is of", "could not confirm"). */
  unknown?: CueMatch;
  /** The document an unnamed source is known by ("recent polls", "berichten"). */
  documentName?: string;
  /** A bare frame that points back ("Dat meldt de politie."): it gives the sentence before its source, no claim. */
  suppress?: boolean;
  /** A bare frame standing after a quote that closed the sentence before ("“…. ” OCHA said."): that quote's speaker. */
  trailing?: boolean;
}

export const claims: Stage = (doc, ctx) => extractClaims(doc, ctx.lang.claims);

export function extractClaims(doc: Doc, lex: ClaimLexicon): void {
  const n = doc.tokens.length;
  if (n > SCRATCH_TOKENS) return extractWith(doc, lex, new Array<string>(n));
  // the token texts go into one array for every document (a new one per document was ~15 MB over the
  // bench corpus); emptied afterwards, so that a read past the document's tokens still finds nothing and
  // no report's words stay alive in it
  try {
    extractWith(doc, lex, RAW);
  } finally {
    RAW.fill(undefined as unknown as string, 0, n);
  }
}
const RAW: string[] = [];

function extractWith(doc: Doc, lex: ClaimLexicon, raw: string[]): void {
  const { P, index } = compiled(lex);
  const toks = doc.tokens;
  const n = toks.length;
  const low = lowerTokens(toks);
  const sc = scratch(n, doc.sentences.length);
  const punct = sc.bytes.subarray(0, n);
  const cap = sc.bytes.subarray(n, 2 * n);
  const words = sc.ints.subarray(0, n + 1);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    const text = t.text;
    raw[i] = text;
    const lw = low[i]!;
    const k = t.kind;
    punct[i] = k === "punct" || k === "quote" || k === "symbol" ? 1 : 0;
    words[i + 1] = words[i]! + (k === "word" || k === "number" ? 1 : 0);
    if (k !== "word") continue;
    // a capital: the lower-case form differs in its first letter (cheaper than a Unicode class per look-up)
    // a first letter that lower-casing changes is a capital
    const c0 = text.charCodeAt(0);
    if (lw.charCodeAt(0) !== c0) cap[i] = 1;
    else if (P.particleFirst[c0] && particleName(P, lw, text)) cap[i] = 1;
  }
  // whether entity recognition took a token for a name: looked up rarely, so by binary search on demand
  const named = (i: number) => {
    const t = toks[i]!;
    const ms = sortedMentions(doc);
    for (let k = mentionsFrom(ms, t); k < ms.length && ms[k]!.start < t.end; k++) {
      const m = ms[k]!;
      if (m.end > t.start && (m.via === undefined || m.via === "name" || m.via === "acronym")) return true;
    }
    return false;
  };
  const time = sc.bytes.subarray(2 * n, 3 * n);
  markSpans(doc, doc.times, time);
  // "the daily wrote": a role word after a determiner is a noun, whatever the times stage took it for
  for (let i = 1; i < n; i++) if (time[i] && !time[i - 1] && !time[i + 1] && P.det.has(low[i - 1]!) && roleOf(P, low[i]!)) time[i] = 0;
  const sentOf = sc.ints.subarray(n + 1, 2 * n + 1);
  for (const s of doc.sentences) for (let i = s.tokenStart; i < s.tokenEnd; i++) sentOf[i] = s.index;
  const V: View = { doc, P, low, raw, time, punct, sentOf, cap, named, verbMemo: sc.bytes.subarray(3 * n, 4 * n), colons: sc.bytes.subarray(4 * n, 4 * n + doc.sentences.length) };

  const speech = doc.quotes.map((q) => isSpeech(V, q, words));
  const closeAt = new Set<number>();
  for (let k = 0; k < doc.quotes.length; k++) closeAt.add(doc.quotes[k]!.end);
  const cover = speechCover(V, speech);
  const inSpeech = (i: number) => cover.inside[i] === 1;
  const boundary = (i: number) => punct[i] === 1 || P.complementizers.has(low[i]!) || P.splitters.has(low[i]!);

  // 1. clauses and their cues
  const bySentence: Clause[][] = doc.sentences.map(() => []);
  const splitter = new Splitter(V, index, boundary, inSpeech);
  for (const s of doc.sentences) {
    if (s.heading || furniture(V, s)) continue;
    // a question is no claim, but a frame in it names the speaker of the quote it opens ("X wrote: “Do we
    // want …? I can see …”"): its clauses are read for that and never emitted
    if (s.question && !s.quotes.some((q) => speech[q])) continue;
    // the subject stands in the clause that opened a chain of verbs: "Trump knocked X, blamed Y and said …"
    let holder = -1;
    const pieces = splitter.split(s);
    for (let pc = 0; pc < pieces; pc++) {
      const t0 = splitter.t0[pc]!;
      const t1 = splitter.t1[pc]!;
      const ms = splitter.ms[pc]!;
      const kind = splitter.kinds[pc]!;
      // a clause that opens with a verb has no subject of its own: "X questioned A; blamed B; and said …"
      const shares = kind === "participle" || kind === "coord" || (kind === "cut" && (P.coordinators.has(V.low[t0]!) || verbAt(V, t0)));
      const c = readClause(V, s, t0, t1, ms, closeAt, inSpeech, shares && holder >= 0 ? holder : t0);
      // a frame inside a clause about a noun speaks for that clause only: the clause before it is read on its own
      const e = c.frame && c.raw && !c.post && c.frame.cue.cue.role === "report" && !inSpeech(c.frame.start) ? embeddedFrame(V, t0, c) : -1;
      const list = bySentence[s.index]!;
      if (e > t0) {
        const before = readClause(V, s, t0, e, ms.filter((x) => x.end <= e), closeAt, inSpeech, shares && holder >= 0 ? holder : t0);
        const after = readClause(V, s, e, t1, ms.filter((x) => x.start >= e), closeAt, inSpeech, e);
        before.kind = kind;
        after.kind = "relative";
        if (s.question) before.suppress = after.suppress = true;
        list.push(before, after);
      } else {
        c.kind = kind;
        if (s.question) c.suppress = true;
        list.push(c);
      }
      if (!shares || holder < 0) holder = t0;
    }
  }

  // 2. sources resolved in reading order: pronouns and descriptions look back, short names anywhere
  const resolver = new Resolver(V, doc.quotes.filter((_, k) => speech[k]));
  for (const list of bySentence) {
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      if (c.raw && P.lex.firstPerson.includes(V.low[tokenAt(V, c.raw.span.start)]!)) {
        // "I think …", "we believe …": inside a quote the speaker's own words, outside it the author's;
        // "“We check …,” explaining that …": the participle speaks for whoever says "we"
        if (c.kind === "participle" && c.frame?.cue.cue.role === "self") c.pendingSelf = c.frame;
        c.raw = null;
        c.firstPerson = true;
        if (c.frame?.cue.cue.status === "claimed") c.status = statusOf({ ...c, frame: null }, []);
        c.frame = null;
        c.cue = null;
      }
      if (c.raw) c.source = resolver.resolve(c.raw);
      else if (c.inherit && k > 0 && list[k - 1]!.source && list[k - 1]!.source!.kind !== "unnamed") c.source = list[k - 1]!.source;
      else if (c.unnamed || c.inherit) c.source = { name: c.unnamed && c.documentName ? c.documentName : lex.unnamedName, kind: "unnamed" };
      if (c.frame && !c.source && NAMED_ROLES.has(c.frame.cue.cue.role) && c.frame.cue.cue.role !== "passive") {
        // a reporting verb without a subject to be found: no attribution (a noun use, a relative clause)
        c.frame = null;
        c.cue = null;
        c.status = statusOf(c, []);
      }
      // the clause's subject is what a later "it"/"hij" most likely points at
      resolver.noteSubject(c);
    }
    // "X zegt dat A, maar dat B": the second complement clause is X's too
    for (let k = 1; k < list.length; k++) {
      const c = list[k]!;
      const prev = list[k - 1]!;
      if (c.source || c.frame || !prev.source || !prev.frame || prev.post) continue;
      const w0 = V.low[c.t0]!;
      const w1 = V.low[c.t0 + 1] ?? "";
      // "… zei dat A en B", "said hospitals were closed and the morgue was full": a coordinated clause
      // without a comma is part of the content
      // "X said he stopped because he was tired": a clause of cause or time inside the content is X's too
      // "X says the attitude is common among voters, who defy …": a relative clause that closes the content
      // describes what X spoke of, in X's words
      // (only after a verb's content: in "…, according to a statement by the court, which …" it is the source's;
      // and only after a clause: "Y denies any role in the attack, in which 140 people died" gives the toll as fact)
      const afterContent = c.kind === "relative" && prev.frame.cue.cue.role === "report" && prev.frame.cue.cue.status === "claimed" && !!prev.raw && prev.raw.span.end <= V.doc.tokens[prev.frame.start]!.start && verbIn(V, prev.frame.end, c.t0);
      if (!(P.splitters.has(w0) && P.complementizers.has(w1)) && !(c.kind === "coord" && P.additive.has(w0)) && c.kind !== "adverbial" && !afterContent) continue;
      c.source = prev.source;
      c.cue = prev.cue;
      // "Moskou heeft elke betrokkenheid ontkend en wijst Washington aan": a verb of its own after "en" makes a
      // second predicate of the subject, which it asserts; the denial or confirmation was of the first's object
      const ownVerb = c.kind === "coord" && verbAt(V, c.t0 + 1) && !nonFinite(V, c.t0 + 1);
      if (c.status === "established") c.status = (prev.frame.cue.cue.status === "denied" || prev.frame.cue.cue.status === "confirmed") && !ownVerb ? prev.frame.cue.cue.status : "claimed";
    }
    // "Dat meldt de politie.": the frame's content is the sentence before
    // ("Dat zegt de burgemeester, die wijst op …": a relative clause after it only describes the source)
    if (list.length >= 1 && restRelative(list) && list[0]!.source && list[0]!.frame && anaphoric(V, list[0]!)) {
      const c = list[0]!;
      const s = doc.sentences[c.sentence]!;
      const prev = doc.sentences[c.sentence - 1];
      // (a frame opening a paragraph points back at the sentence that closes the one before: news paragraphs
      // are short, "Dat zegt de burgemeester" often stands on its own line after the lead)
      if (prev && (prev.paragraph === s.paragraph || prev.paragraph === s.paragraph - 1) && !prev.heading && !prev.question) {
        // a frame that only attributes ("Dat meldt de politie.") is no proposition of its own; a confirmation
        // or a denial of what came before is ("Dat heeft de minister bevestigd.")
        // (nor is a belief whose grounds follow its holder: "Dat denkt de burgemeester op basis van …"; words
        // a source is said to report are its frame's adjuncts, "Dat melden bronnen aan de nieuwssite HLN")
        if (c.status === "claimed" && !(c.frame!.cue.cue.postOnly && wordsAfterSource(V, c))) c.suppress = true;
        for (const p of bySentence[c.sentence - 1]!) {
          if (p.source || !(p.status === "established" || p.status === "probable" || p.status === "possible")) continue;
          p.source = c.source;
          p.cue = c.cue;
          if (p.status === "established") p.status = c.status === "denied" || c.status === "confirmed" ? c.status : "claimed";
        }
      }
    }
    // "“…. ” OCHA said.": a quote whose full stop stands inside its marks ends the sentence, and the frame that
    // names its speaker stands alone after it; the frame is that quote's attribution, no proposition of its own
    if (list.length >= 1 && restRelative(list) && list[0]!.source && list[0]!.source.kind !== "unnamed" && list[0]!.frame && afterQuote(V, list[0]!, speech) && bareFrame(V, list[0]!)) {
      list[0]!.trailing = true;
      if (list[0]!.status === "claimed") list[0]!.suppress = true;
    }
    // a frame after the content covers the clauses before it in the sentence: "A, maar B, zegt X", "A after B,
    // according to X"
    const last = list[list.length - 1];
    if (last && last.source && (last.post || finalAccording(V, last))) {
      for (const c of list) if (c !== last && !c.source && c.status === "established") {
        c.source = last.source;
        c.cue = last.cue;
        c.status = "claimed";
      }
    }
  }

  // 3. direct speech: every sentence of a quote belongs to its speaker
  // quotes nest (the segmenter pairs marks on a stack): the outermost speech owns every sentence inside it,
  // so only outermost quotes are walked and each sentence is visited once however deep the nesting
  let outerEnd = -1;
  for (let q = 0; q < doc.quotes.length; q++) {
    if (!speech[q]) continue;
    const x = doc.quotes[q]!;
    if (x.end <= outerEnd) continue;
    outerEnd = x.end;
    assignQuote(V, q, bySentence, speech);
  }

  // "…,” explaining that …": a speaking participle without a subject of its own speaks for the clause before
  for (const list of bySentence) {
    for (let k = 1; k < list.length; k++) {
      const c = list[k]!;
      const prev = list[k - 1]!;
      if (!c.pendingSelf || c.source || !prev.source || prev.source.kind === "unnamed") continue;
      c.source = prev.source;
      c.cue = cueOf(V, c.pendingSelf);
      const st = c.pendingSelf.cue.cue.status;
      if (c.status === "established") c.status = st;
    }
  }

  // 4. emit: every clause is a proposition of its own, even when its neighbour has the same status and source
  const out: Claim[] = [];
  const unknowns: Unknown[] = [];
  for (const list of bySentence) {
    for (const c of list) {
      if (c.suppress) continue;
      const content = c.raw && c.frame ? contentOf(V, c) : null;
      const span = content ? trimSpan(V, content[0], content[1]) ?? trimSpan(V, c.t0, c.t1) : trimSpan(V, c.t0, c.t1);
      if (!span) continue;
      const id = `c${out.length + 1}`;
      const claim: Claim = {
        id,
        start: span.start,
        end: span.end,
        sentence: c.sentence,
        text: doc.text.slice(span.start, span.end),
        status: c.status,
        source: c.source,
        cue: c.cue,
        quote: c.quote || overlapsSpeech(V, cover, span, doc.sentences[c.sentence]!.quotes),
        entities: entitiesIn(doc, span),
      };
      out.push(claim);
      if (c.unknown) {
        // the open question: from the cue, or from the start of the content that holds it, to the clause's end
        const u = trimSpan(V, unknownScope(V, c.t0, c.unknown), c.t1) ?? span;
        unknowns.push({ id: `u${unknowns.length + 1}`, start: u.start, end: u.end, text: doc.text.slice(u.start, u.end), claim: id });
      }
    }
  }
  doc.claims = out;
  doc.unknowns = unknowns;
}

const punct = (V: View, i: number) => V.punct[i] === 1;

/** Every clause after the sentence's first is a relative clause (a loop: a copy of the list per sentence was not needed). */
function restRelative(list: readonly Clause[]): boolean {
  for (let k = 1; k < list.length; k++) if (list[k]!.kind !== "relative") return false;
  return true;
}

/**
 * The per-token marks of a document (View's typed arrays), zeroed: one buffer of bytes and one of integers
 * for every document, not seven arrays each (a typed array's store is allocated outside the heap, zeroed and
 * freed by the collector). A document of more tokens than SCRATCH_TOKENS has buffers of its own, so that one
 * huge report does not keep its buffers for the rest of the process.
 */
function scratch(n: number, sentences: number): { bytes: Uint8Array; ints: Int32Array } {
  const nb = 4 * n + sentences;
  const ni = 2 * n + 1;
  if (n > SCRATCH_TOKENS || sentences > SCRATCH_TOKENS) return { bytes: new Uint8Array(nb), ints: new Int32Array(ni) };
  if (SCRATCH.bytes.length < nb) SCRATCH.bytes = new Uint8Array(Math.max(nb, 2 * SCRATCH.bytes.length));
  else SCRATCH.bytes.fill(0, 0, nb);
  if (SCRATCH.ints.length < ni) SCRATCH.ints = new Int32Array(Math.max(ni, 2 * SCRATCH.ints.length));
  else SCRATCH.ints.fill(0, 0, ni);
  return SCRATCH;
}
const SCRATCH_TOKENS = 1 << 16;
const SCRATCH = { bytes: new Uint8Array(0), ints: new Int32Array(0) };


/** A surname that opens with a lower-case particle: "al-Obaidi", "el-Drese". */
function particleName(P: Prepared, low: string, raw: string): boolean {
  // the dash stands after a particle of two or three letters: look at those two places only
  const dash = low.charCodeAt(2) === 45 ? 2 : low.charCodeAt(3) === 45 ? 3 : -1;
  if (dash < 0 || !P.lex.nameParticles.includes(low.slice(0, dash))) return false;
  return isCap(raw.slice(dash + 1));
}

function markSpans(doc: Doc, spans: readonly Span[], mark: Uint8Array): void {
  if (!spans.length) return;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let j = 0;
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    while (j < sorted.length && sorted[j]!.end <= t.start) j++;
    for (let k = j; k < sorted.length && sorted[k]!.start < t.end; k++) {
      if (sorted[k]!.end > t.start) {
        mark[i] = 1;
        break;
      }
    }
  }
}

/** Page furniture: "Lees ook: …", "Volg het laatste nieuws in dit liveblog", "Photo: Getty Images", "© AFP". */
function furniture(V: View, s: Sentence): boolean {
  const { P, low } = V;
  let a = s.tokenStart;
  while (a < s.tokenEnd && V.punct[a] && low[a] !== "©") a++;
  for (const seq of P.furniture.get(low[a] ?? "") ?? []) {
    let k = 0;
    while (k < seq.length && a + k < s.tokenEnd && low[a + k] === seq[k]) k++;
    if (k === seq.length) return true;
  }
  if (s.tokenEnd - s.tokenStart > 14) return false;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!V.punct[i]) continue;
    const w = low[i]!;
    if (w === "©") return true;
    if ((w === ":" || w === "/" || w === "|") && i > s.tokenStart && P.credit.has(low[i - 1]!)) return true;
  }
  return false;
}

/** Index of the first token that starts at or after `offset`. */
function firstTokenFrom(V: View, offset: number): number {
  const toks = V.doc.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A quote of someone's words, not a term in quote marks ('rode lijnen', "als ratten"). Quotes may nest and
 * run long on hostile input, so the test reads token counts and never the quote's text.
 */
function isSpeech(V: View, q: { start: number; end: number; inner: Span }, words: Int32Array): boolean {
  const { doc } = V;
  const a = firstTokenFrom(V, q.inner.start);
  const b = firstTokenFrom(V, q.inner.end);
  if (words[b]! - words[a]! < 4) return false;
  const last = b > a ? doc.tokens[b - 1]!.text : "";
  const lastChar = last.slice(-1);
  if (lastChar && ".,!?…:;".includes(lastChar)) return true;
  const before = doc.text.slice(Math.max(0, q.start - 3), q.start);
  if (/:\s*$/u.test(before)) return true;
  const after = doc.text.slice(q.end, q.end + 2);
  if (/^\s*,/u.test(after)) return true;
  const s = doc.sentenceAt(q.start);
  const e = doc.sentenceAt(Math.max(q.start, q.end - 1));
  if (s !== e) return true;
  const sent = doc.sentences[s];
  return !!sent && q.end - q.start >= 0.6 * (sent.end - sent.start);
}

interface SpeechCover {
  /** 1 where a token lies inside the words of a speech quote. */
  inside: Uint8Array;
}

/**
 * Which tokens stand inside quoted speech. Quotes nest, so each quote marks only the tokens after what the
 * quotes before it already covered: every token is marked at most once.
 */
function speechCover(V: View, speech: readonly boolean[]): SpeechCover {
  const { doc } = V;
  const inside = new Uint8Array(doc.tokens.length);
  let covered = 0;
  doc.quotes.forEach((q, k) => {
    if (!speech[k]) return;
    const a = Math.max(covered, firstTokenFrom(V, q.inner.start));
    const b = firstTokenFrom(V, q.inner.end);
    for (let i = a; i < b; i++) inside[i] = 1;
    covered = Math.max(covered, b);
  });
  return { inside };
}

/** How a clause was cut from the one before it in its sentence. */
type ClauseKind = "first" | "cut" | "coord" | "participle" | "relative" | "adverbial";

const DASHES: ReadonlySet<string> = new Set(["–", "—", "--", "-", "―"]);
/** How many tokens an aside between dashes may hold. */
const ASIDE = 25;
/** How far ahead a clause's verb is looked for: a subject of a few words, an adverb or two. */
const CLAUSE_AHEAD = 8;
/** How many words an item of a semicolon list may have ("and Mukhammadsobir Faizov"). */
const LIST_ITEM = 8;
/**
 * A clause this short without a verb is a subject that an interruption follows: "Trump, despite an effort to
 * stay on script, said …", "De minister, hoewel ziek, zei …" (the verb test alone misses some past tenses).
 */
const SUBJECT_ONLY = 4;
/** How far a trailing relative clause may run to the sentence's end (longer: the main clause resumes). */
const RELATIVE_TAIL = 40;

/**
 * Clause boundaries, each the start of a proposition of its own: a semicolon; a comma before a concessive
 * conjunction; "en"/"and"/"maar"/"but" between two clauses (not between two noun phrases: "Derna en
 * Benghazi", "both A and B"); a dash or a colon between two clauses; a relative clause that closes the
 * sentence (", which did not …", "waarbij zeker 140 mensen omkwamen"); a clause of time or cause
 * (nadat, after); a participle after a comma (", knocking out power for …").
 *
 * One splitter serves a whole document: the scan's state lives in its fields and its pieces in arrays it
 * reuses, so a sentence costs no closures, no context object and no tuples (they were most of what the
 * stage allocated). `split` fills `t0`/`t1`/`ms`/`kinds` with the sentence's pieces and returns their number;
 * they hold until the next call.
 */
class Splitter {
  readonly t0: number[] = [];
  readonly t1: number[] = [];
  readonly ms: CueMatch[][] = [];
  readonly kinds: ClauseKind[] = [];
  private readonly cutAt: number[] = [];
  private readonly cutKind: ClauseKind[] = [];
  // the arrays are never truncated (V8 frees an array's store when its length is set to 0): counts say how
  // much of them is this sentence's
  private cuts = 0;
  private pieces = 0;
  private s!: Sentence;
  private b0 = 0;
  private from = 0; // where the current clause began
  private seenVerb = false; // a verb stands between `from` and `scanned`
  private scanned = 0;
  private correlative = false; // "both A and B", "zowel A als B": no cut at its "and"
  private lastComma = -1; // "A, B and C": a comma after the clause's first verb makes a list, not two clauses
  private firstVerb = -1;
  private lastComp = -1; // the last complementiser: a new clause whose subject comes before its verb
  private firstComma = -1; // the clause's first comma: a subject without a verb before it may open an apposition
  // in a title-cased line ("Clinton Said That The Blame …") capitals say nothing about names
  private titleCase = -1;
  /** A capitalised word inside a sentence is a name, not a cue: "the United States", "The Post". */
  private readonly isName: (i: number) => boolean;

  constructor(
    private readonly V: View,
    private readonly index: CueIndex,
    private readonly boundary: (i: number) => boolean,
    private readonly inSpeech: (i: number) => boolean,
  ) {
    // one closure for the document, reading the sentence from the splitter
    this.isName = (i) => i > this.s.tokenStart && V.cap[i] === 1 && !punct(V, i - 1) && !this.titled();
  }

  /** Whether a verb stands between the clause's start and `i`: each token is looked at once per clause. */
  private verbBefore(i: number): boolean {
    const V = this.V;
    while (!this.seenVerb && this.scanned < i) if (verbAt(V, this.scanned++)) (this.seenVerb = true), (this.firstVerb = this.scanned - 1);
    return this.seenVerb;
  }

  private cut(at: number, kind: ClauseKind): void {
    this.cutAt[this.cuts] = at;
    this.cutKind[this.cuts++] = kind;
    this.startClause(at);
  }

  /** A clause begins at token `at`: nothing of it read yet. */
  private startClause(at: number): void {
    this.from = at;
    this.seenVerb = false;
    this.scanned = at;
    this.correlative = false;
    this.lastComma = -1;
    this.firstVerb = -1;
    this.lastComp = -1;
    this.firstComma = -1;
  }

  /**
   * A semicolon between two items of a list ("A, 32; B, 30"): no verb in the item before it (since the last
   * comma) nor in the one after it (up to the next comma or semicolon, an "and" opening the last item).
   */
  private listSemicolon(i: number): boolean {
    const { V, b0 } = this;
    const { low, raw, P } = V;
    if (this.lastComma < this.from || verbBetween(V, this.lastComma, i)) return false;
    let k = i + 1;
    if (k < b0 && P.additive.has(low[k]!)) k++;
    const first = k;
    for (; k < b0 && k < first + LIST_ITEM; k++) {
      if (V.punct[k]) return k > first && (raw[k] === "," || raw[k] === ";");
      if (verbAt(V, k)) return false;
    }
    return false;
  }

  /** The clause opens with a subordinate clause or a phrase ("When the dam broke, the water …"): in a language whose subject stays before its verb, the comma closes that. */
  private subordinateOpen(): boolean {
    const { V, b0 } = this;
    const { low, P } = V;
    let k = this.from;
    while (k < b0 && (V.punct[k] || P.connectives.has(low[k]!))) k++;
    const w = low[k] ?? "";
    return P.adverbial.has(w) || P.complementizers.has(w) || P.preps.has(w) || P.relStarters.has(w) || !!P.lex.subordinators?.includes(w) || (!!P.lex.participleEnding && w.endsWith(P.lex.participleEnding));
  }

  private titled(): boolean {
    if (this.titleCase < 0) {
      const V = this.V;
      let words = 0;
      let caps = 0;
      for (let i = this.s.tokenStart; i < this.s.tokenEnd; i++) if (!V.punct[i]) (words++, V.cap[i] && caps++);
      this.titleCase = words >= 5 && caps >= 0.7 * words ? 1 : 0;
    }
    return this.titleCase === 1;
  }

  private piece(t0: number, t1: number, ms: CueMatch[], kind: ClauseKind): void {
    const k = this.pieces++;
    this.t0[k] = t0;
    this.t1[k] = t1;
    this.ms[k] = ms;
    this.kinds[k] = kind;
  }

  split(s: Sentence): number {
    const { V, index, boundary, inSpeech } = this;
    const { low, raw, P } = V;
    const a0 = s.tokenStart;
    const b0 = s.tokenEnd;
    this.s = s;
    this.b0 = b0;
    this.cuts = 0;
    this.pieces = 0;
    this.titleCase = -1;
    this.startClause(a0);
    let embedded = false; // inside a relative clause between commas
    let aside = -1; // the dash that opened an aside still open
    let asideVerb = false; // whether the clause had its verb before the aside
    for (let i = a0 + 1; i < b0 - 1; i++) {
      const w = low[i]!;
      // one array look-up turns away most words before the set is asked
      if (!V.punct[i] && (!P.clauseFirst[w.charCodeAt(0)] || !P.clauseWords.has(w))) continue;
      if (P.complementizers.has(w)) {
        this.lastComp = i;
        continue;
      }
      const r = raw[i]!;
      if (r === ":") V.colons[s.index] = 1;
      if (r === ";") {
        // "identified as A, 32; B, 30; and C, 19, are …": a semicolon between items of a list is no clause end
        if (this.verbBefore(i) && !this.listSemicolon(i)) this.cut(i + 1, "cut");
        continue;
      }
      // inside quoted speech a sentence is the speaker's unit: only a comma before a conjunction cuts it;
      // inside a relative clause between commas ("X, who spoke because she feared …, said") nothing cuts
      if ((inSpeech(i) || embedded) && r !== ",") continue;
      if (r === ",") {
        let j = i + 1;
        while (j < b0 - 1 && V.doc.tokens[j]!.kind === "quote") j++; // ', "maar …'
        const nj = low[j]!;
        const cuts0 = this.cuts;
        if (embedded) {
          embedded = false;
          continue;
        }
        // "The mayor, a former sailor who ran the port, has conceded A and says B": the comma closes an
        // apposition of the subject, whose verbs are no verbs of the main clause (nor make its commas a list)
        if (this.firstComma >= 0 && !verbBetween(V, this.from - 1, this.firstComma) && verbAt(V, j)) {
          this.seenVerb = false;
          this.scanned = j;
          this.firstVerb = -1;
          this.lastComma = -1;
          this.firstComma = -1;
          continue;
        }
        if (this.firstComma < 0) this.firstComma = i;
        if (P.additive.has(nj)) {
          if (this.verbBefore(i) && clauseAhead(V, index, b0, j + 1, 2 * CLAUSE_AHEAD)) this.cut(j, "cut");
        } else if (P.splitters.has(nj) && raw[j + 1] !== "," && (i - this.from > SUBJECT_ONLY || this.verbBefore(i))) this.cut(j, "cut"); // "X, though, say …" is an adverb
        else if (inSpeech(i) && inSpeech(j)) {
          /* only conjunctions cut a quoted sentence */
        } else if (P.relClause.has(nj) && this.verbBefore(i) && relativeTail(V, j, b0)) this.cut(j, "relative");
        else if (P.adverbial.has(nj) && this.verbBefore(i) && clauseAhead(V, index, b0, j + 1)) this.cut(j, "adverbial");
        else if (P.lex.participleEnding && isParticiple(V, j) && this.verbBefore(i) && !listAhead(V, b0, j + 1) && !reportVerbAt(V, index, i - 1)) this.cut(j, "participle");
        // ('"…," the club posted': after a quote the phrase is its frame, whatever its verb)
        else if (j === i + 1 && !inSpeech(i) && this.lastComp < this.from && this.verbBefore(i) && spliceAhead(V, index, b0, j) && !(P.lex.subjectAfterVerb === false && this.subordinateOpen())) this.cut(j, "cut");
        this.lastComma = i;
        // a relative clause that did not close the sentence is embedded: the main clause resumes after it
        if (this.cuts === cuts0 && P.relStarters.has(nj) && !P.complementizers.has(nj)) embedded = true;
        continue;
      }
      if (DASHES.has(r) && V.punct[i] && spaced(V, i)) {
        // "--" typed as two hyphens is one dash
        const e = raw[i + 1] === "-" && V.doc.tokens[i + 1]!.start === V.doc.tokens[i]!.end ? i + 1 : i;
        // (only when the clause goes on with its verb: "– and develop …" after it is a clause of its own)
        if (aside >= 0 && !(verbAt(V, e + 1) || P.aux.has(low[e + 1] ?? ""))) aside = -1;
        if (aside >= 0) {
          // the dash that closes an aside ("De stad – waar twee dammen het begaven – is onbereikbaar"): the
          // clause it interrupted goes on, and the aside's verbs are none of that clause's
          this.seenVerb = asideVerb;
          this.scanned = e + 1;
          if (!asideVerb) this.firstVerb = -1;
          aside = -1;
        } else if (this.verbBefore(i) && !P.relStarters.has(low[e + 1] ?? "") && clauseAhead(V, index, b0, e + 1)) this.cut(e + 1, "cut");
        // (an aside interrupts a clause before its verb: after the verb a dash opens what follows it)
        else if (!inSpeech(i) && !this.verbBefore(i) && hasDash(V, b0, e + 1)) {
          aside = i;
          asideVerb = this.seenVerb;
        }
        i = e;
        continue;
      }
      if (r === ":" && this.verbBefore(i) && V.doc.tokens[i + 1]!.kind !== "quote" && !frameBefore(V, index, this.from, i) && clauseAhead(V, index, b0, i + 1)) {
        this.cut(i + 1, "cut");
        continue;
      }
      if (P.correlatives.has(w)) this.correlative = true;
      // "to be heard and acknowledged": two verbs side by side share everything
      // "said that Gov. McCrory and other officials have used …": after "that" the subject may list names
      const subjectListed = this.lastComp > this.firstVerb && !verbBetween(V, this.lastComp, i);
      if (P.coordinators.has(w) && this.verbBefore(i) && !this.correlative && !(this.lastComma > this.firstVerb) && !subjectListed && raw[i - 1] !== "," && !namePair(V, i) && !(verbAt(V, i - 1) && verbAt(V, i + 1) && verbKind(P, low[i + 1]!) === 2) && clauseAhead(V, index, b0, i + 1)) {
        this.cut(i, "coord");
        continue;
      }
      if (P.relAlways.has(w) && this.verbBefore(i) && relativeTail(V, i, b0)) {
        this.cut(i, "relative");
        continue;
      }
      // "pleaded guilty after being charged": a conjunction before a participle opens no clause of its own
      if (P.adverbial.has(w) && this.verbBefore(i) && raw[i - 1] !== "," && clauseAhead(V, index, b0, i + 1) && !nonFinite(V, i + 1)) {
        this.cut(i, "adverbial");
        continue;
      }
    }
    // the clauses between the cuts (an empty one, two cuts at one place, is none)
    let a = a0;
    let kind: ClauseKind = "first";
    const cuts = this.cutAt;
    for (let k = 0; k <= this.cuts; k++) {
      const c = k < this.cuts ? cuts[k]! : b0;
      if (c > a) this.clause(a, c, kind);
      if (k === this.cuts) break;
      a = c;
      kind = this.cutKind[k]!;
    }
    return this.pieces;
  }

  /** A clause's cues; an explicit unknown in a later subordinate clause stands on its own: "…, waarvan het doel onbekend is". */
  private clause(t0: number, t1: number, kind: ClauseKind): void {
    const { V } = this;
    const { low, raw, P } = V;
    const ms = matchCues(this.index, low, raw, t0, t1, this.boundary, this.isName);
    let unk: CueMatch | undefined;
    for (const m of ms) if (m.cue.cue.role === "unknown") {
      unk = m;
      break;
    }
    if (unk) {
      for (let k = unk.start - 1; k > t0; k--) {
        if (raw[k] !== ",") continue;
        if (P.relStarters.has(low[k + 1]!) && !ms.some((m) => m.cue.cue.role === "unknown" && m.start < k)) {
          this.piece(t0, k + 1, cuesWithin(ms, t0, k + 1), kind);
          this.piece(k + 1, t1, cuesWithin(ms, k + 1, t1), "cut");
          return;
        }
        break;
      }
    }
    this.piece(t0, t1, ms, kind);
  }
}

// (the helpers of the splitter that keep no state of its own are functions of the module)

/** A clause opens at `j`: a complementiser, or a verb within a few words before any relative or infinitive. */
function clauseAhead(V: View, index: CueIndex, b0: number, j: number, ahead = CLAUSE_AHEAD): boolean {
  const { low, raw, P } = V;
  if (j >= b0) return false;
  if (P.complementizers.has(low[j]!)) return true;
  for (let k = j, seen = 0; k < b0 && seen < ahead; k++) {
    if (V.punct[k]) {
      // an apposition's or an adverbial's commas are passed ("and ISIS-K, a branch of …, has claimed"),
      // not a frame after the content (", zei de adviseur")
      if (raw[k] === "," && !(k + 1 < b0 && reportVerbAt(V, index, k + 1))) continue;
      return false;
    }
    seen++;
    const w = low[k]!;
    if (k > j && (P.relStarters.has(w) || P.complementizers.has(w))) return false;
    // an infinitive ("en de oorlog te beëindigen"), not a preposition ("a link to the bombing")
    if (P.lex.infinitiveMarkers.includes(w) && !(k + 1 < b0 && (P.det.has(low[k + 1]!) || V.cap[k + 1] === 1))) return false;
    if (verbAt(V, k)) return true;
  }
  return false;
}

function verbBetween(V: View, a: number, b: number): boolean {
  for (let k = a + 1; k < b && k < a + 30; k++) if (verbAt(V, k)) return true;
  return b - a >= 30;
}

/** Another spaced dash follows in the sentence, not far: the one that would close an aside. */
function hasDash(V: View, b0: number, j: number): boolean {
  for (let k = j; k < b0 && k < j + ASIDE; k++) if (DASHES.has(V.raw[k]!) && V.punct[k] && spaced(V, k)) return true;
  return false;
}

/**
 * "De stad is onbereikbaar, het water staat er drie meter hoog": after a comma a determiner, a noun and a
 * finite verb open a main clause of their own (a comma splice). Not a frame ("…, the mayor said"), whose
 * content is the clause before it.
 */
function spliceAhead(V: View, index: CueIndex, b0: number, j: number): boolean {
  const { low, P } = V;
  const w = low[j]!;
  if (!P.det.has(w) || P.complementizers.has(w) || P.relStarters.has(w) || isPronoun(P, w)) return false;
  for (let k = j + 1; k < b0 && k <= j + 3; k++) {
    if (V.punct[k] || P.coordinators.has(low[k]!) || P.preps.has(low[k]!) || P.det.has(low[k]!)) return false;
    if (verbAt(V, k)) return k > j + 1 && !reportVerbAt(V, index, k) && !P.lex.infinitiveMarkers.includes(low[k - 1]!);
  }
  return false;
}

/** "…, liberating its territory and is fighting …": a participle that is one item of a list of verbs. */
function listAhead(V: View, b0: number, j: number): boolean {
  const { low, P } = V;
  for (let k = j; k < b0 && k < j + CLAUSE_AHEAD; k++) {
    if (V.punct[k]) return false;
    if (P.coordinators.has(low[k]!)) return verbAt(V, k + 1) || (k + 2 < b0 && verbAt(V, k + 2));
  }
  return false;
}

function cuesWithin(ms: CueMatch[], a: number, b: number): CueMatch[] {
  return ms.filter((m) => m.start >= a && m.end <= b);
}

/** "Strijders die aan Oekraïense zijde vechten, zeggen …": the clause opens with a subject and its relative clause. */
function subjectWithRelative(V: View, a: number, b: number): boolean {
  // "The farmers, who lost their herds, said …": a short phrase without a verb, then the relative clause
  for (let j = a + 1; j < b - 1 && j <= a + 8; j++) {
    if (V.punct[j] && V.raw[j] !== ",") break;
    if (V.raw[j] === ",") {
      const w = V.low[j + 1]!;
      if (V.P.lex.relativeSubjects.includes(w) || w === "which") return true;
      break;
    }
    if (verbAt(V, j)) break;
  }
  const np = npForward(V, a, b);
  return !!np && np.end < b && V.P.relStarters.has(V.low[np.end]!);
}

/** The source phrase is headed by a document or a body of evidence ("Records", "the latest poll", "interviews … by X"). */
function punctIn(V: View, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (V.punct[k]) return true;
  return false;
}

/** A document noun that opens the clause within its first few words ("Other emails from X that …"). */
function documentSubject(V: View, t0: number, verb: number): RawSource | null {
  const { P, low } = V;
  let i = t0;
  while (i < verb && (V.punct[i] || P.connectives.has(low[i]!) || P.coordinators.has(low[i]!))) i++;
  if (verb - i > 30) return null;
  for (let j = i; j < verb && j < i + 4; j++) {
    const w = low[j]!;
    if (V.punct[j] || P.stops.has(w) && !P.det.has(w) || P.complementizers.has(w) || isPronoun(P, w)) return null;
    if (P.docNouns.has(w) && !P.observed.has(w)) {
      // "surveys and panels": a second noun joined to the first stays in the phrase
      const end = j + 2 < verb && P.additive.has(low[j + 1]!) && !V.punct[j + 2] && !verbAt(V, j + 2) ? j + 3 : j + 1;
      return sourceAt(V, { start: i, end });
    }
  }
  return null;
}

function documentHead(V: View, rs: RawSource): boolean {
  const a = tokenAt(V, rs.span.start);
  for (let k = a; k < V.low.length && V.doc.tokens[k]!.start < rs.span.end && k < a + 8; k++) {
    const w = V.low[k]!;
    // what images or footage show is seen, not said: the report states it ("satellite images show …")
    if (V.P.observed.has(w)) return false;
    if (V.P.docNouns.has(w)) return true;
  }
  return !!rs.parsed.document;
}

/** A verb stands in [a, b) (the last 40 tokens of it: content before a frame is near it). */
function verbIn(V: View, a: number, b: number): boolean {
  const s = V.doc.sentences[V.sentOf[Math.max(a, 0)]!]!;
  for (let k = Math.max(a, b - 40); k < b; k++) if (verbAt(V, k)) return true;
  return false;
}

/** White space on both sides of token `i`: a dash between clauses, not a hyphen ("U.S.-Russian"). */
function spaced(V: View, i: number): boolean {
  const t = V.doc.tokens;
  if (i < 1 || i + 1 >= t.length) return false;
  // "--" may come as two hyphens: the pair is one dash
  let j = i;
  if (t[i + 1]!.text === "-" && t[i + 1]!.start === t[i]!.end) j = i + 1;
  else if (t[i - 1]!.text === "-" && t[i - 1]!.end === t[i]!.start) return false;
  return j + 1 < t.length && t[i]!.start > t[i - 1]!.end && t[j + 1]!.start > t[j]!.end;
}

/** Only conjunctions, connectives and punctuation stand in [a, b): a verb at `b` opens its clause. */
function opensClause(V: View, a: number, b: number): boolean {
  const { P, low } = V;
  for (let k = a; k < b; k++) if (!V.punct[k] && !P.coordinators.has(low[k]!) && !P.connectives.has(low[k]!) && !P.aux.has(low[k]!)) return false;
  return true;
}

/** Whether token `i` is a verb, looked up once per token (0 unknown, 1 no, 2 yes). */
function verbAt(V: View, i: number): boolean {
  const x = V.verbMemo[i]!;
  if (x) return x === 2;
  const y = isVerb(V, i, V.doc.sentences[V.sentOf[i]!]!.tokenStart);
  V.verbMemo[i] = y ? 2 : 1;
  return y;
}

/**
 * A finite verb or an infinitive: a form the language lists, else a regular past tense ("raised",
 * "meldde") that is no adjective after a determiner ("the armed men", "de tweede").
 */
function isVerb(V: View, i: number, sentStart: number): boolean {
  const { P, low } = V;
  if (V.punct[i]) return false;
  if (i > sentStart && V.cap[i] === 1) return false;
  // an infinitive after "te"/"to" is no finite verb of its own clause ("zonder te zeggen waarvoor")
  if (i > sentStart && P.lex.infinitiveMarkers.includes(low[i - 1]!)) return false;
  const w = low[i]!;
  const kind = verbKind(P, w);
  if (kind === 1) return true;
  // a regular past tense is no adjective after a determiner: "the armed men", "de tweede"
  return kind === 2 && !(i > sentStart && (P.det.has(low[i - 1]!) || P.possessives.has(low[i - 1]!)));
}

/** 1: a listed verb form; 2: a regular past tense by its ending; 0: neither. */
function verbKind(P: Prepared, w: string): number {
  if (P.verbForms.has(w)) return 1;
  if (w.length < P.lex.verbEndingMin || !P.verbEndChars.has(w.charCodeAt(w.length - 1))) return 0;
  for (const e of P.lex.verbEndings) if (w.endsWith(e) && !w.endsWith("s" + e) && LOWER_WORD.test(w)) return 2;
  return 0;
}
const LOWER_WORD = /^\p{Ll}+$/u;

/** "Nord Stream 1 and Nord Stream 2", "Mirzoyev and Rachabalizoda": names (or numbers) on both sides. */
function namePair(V: View, i: number): boolean {
  const before = V.raw[i - 1]!;
  const after = V.raw[i + 1] ?? "";
  return (isCap(before) || /^\d/u.test(before)) && isCap(after);
}

/** A participle opening a clause after a comma: ", knocking out power", not ", according to" or ", including". */
function isParticiple(V: View, j: number): boolean {
  const { P, low, raw } = V;
  const w = low[j]!;
  const e = P.lex.participleEnding!;
  if (w.length <= e.length + 2 || !w.endsWith(e) || (V.cap[j] === 1) || !LOWER_WORD.test(w)) return false;
  if (P.stops.has(w) || P.affil.has(w) || P.preps.has(w)) return false;
  return !P.lex.infinitiveMarkers.includes(low[j + 1] ?? "");
}

/** A participle right after a conjunction ("after being charged", "after meeting the minister"): no subject, no clause. */
function nonFinite(V: View, j: number): boolean {
  const e = V.P.lex.participleEnding;
  const w = V.low[j] ?? "";
  return !!e && w.length > e.length + 1 && w.endsWith(e) && V.cap[j] !== 1 && LOWER_WORD.test(w);
}

/** A relative clause at `j` that runs to the sentence's end: no main clause resumes after it. */
function relativeTail(V: View, j: number, end: number): boolean {
  if (end - j > RELATIVE_TAIL) return false;
  for (let k = j + 1; k < end - 1; k++) if (V.raw[k] === "," || V.raw[k] === ";") return false; // "X, die …, zei"
  return true;
}

/** The clause ends in ", according to X" / ", volgens X": the attribution closes the sentence. */
function finalAccording(V: View, c: Clause): boolean {
  const m = c.frame;
  if (!m || m.cue.cue.role !== "according" || m.cue.cue.sourceIn === "gap") return false;
  if (m.start <= c.t0 || V.raw[m.start - 1] !== ",") return false;
  const src = c.source?.span;
  return !!src && tokenAfterSpan(V, src) >= c.t1 - 1;
}

/** A relative pronoun after a noun stands in the few words before `k`: "a developer that it says". */
function inRelative(V: View, t0: number, k: number): boolean {
  const { P, low } = V;
  for (let j = k - 1; j >= t0 && j >= k - 3; j--) {
    if (P.relStarters.has(low[j]!) || P.complementizers.has(low[j]!)) return j > t0 && !V.punct[j - 1] && !verbAt(V, j - 1);
  }
  return false;
}

/**
 * Where a frame's clause begins when the frame speaks from inside a clause about a noun, after a main clause
 * with a verb of its own: "Two men were shot dead, in an attack the prime minister described as “terrorism”",
 * "… bij een aanslag die de premier terrorisme noemde", "…, wat de premier een aanslag noemde". The speaker
 * named the attack; the deaths are the report's own words. -1 when the frame's subject opens no such clause.
 */
function embeddedFrame(V: View, t0: number, c: Clause): number {
  const { P, low } = V;
  const m = c.frame!;
  let sa = tokenAt(V, c.raw!.span.start);
  if (sa >= m.start) return -1;
  const rel = P.lex.objectRelatives ?? [];
  // the subject's determiner, unless it is a complementiser or a pronoun ("the lies that the regime told")
  if (sa - 1 > t0 && P.det.has(low[sa - 1]!) && !rel.includes(low[sa - 1]!) && !P.complementizers.has(low[sa - 1]!)) sa--;
  let b = sa - 1;
  if (b <= t0) return -1;
  let head = -1;
  if (rel.includes(low[b]!)) {
    // ", wat de premier een aanslag noemde": the clause before the comma is what the pronoun stands for
    if (V.raw[b - 1] === ",") head = b;
    else b--;
  } else if (!P.lex.reducedRelatives) return -1;
  // ("the lies the regime told" has no content after its verb; "a man calling himself X said “…”" opens one
  // right after it: a subject with its verb)
  else if (m.end === m.start + 1 && m.end < c.t1 && (V.doc.tokens[m.end]!.kind === "quote" || V.raw[m.end] === ":" || P.complementizers.has(low[m.end]!))) return -1;
  if (head < 0) {
    // the noun the clause is about, back to its determiner: adjectives and nouns only ("an unprovoked attack")
    for (let k = b; k > t0 && k >= b - 5; k--) {
      const w = low[k]!;
      if (P.det.has(w)) {
        head = k;
        break;
      }
      if (V.punct[k] || P.preps.has(w) || P.coordinators.has(w) || P.complementizers.has(w) || P.relStarters.has(w)) return -1;
      if (verbAt(V, k) && !P.det.has(low[k - 1]!)) return -1;
    }
    if (head < 0 || head === b) return -1;
    // "in an attack …": the preposition goes with its noun
    if (head - 1 > t0 && P.preps.has(low[head - 1]!)) head--;
  }
  // the main clause states something of its own only with a verb
  return verbIn(V, t0, head) ? head : -1;
}

/**
 * The subject of a reporting verb that closes a relative clause: "een aanslag die de premier terrorisme
 * noemde" (the verb last, its subject right after the pronoun, its object between).
 */
function relativeSubject(V: View, t0: number, t1: number, m: CueMatch): RawSource | null {
  const rel = V.P.lex.objectRelatives;
  if (!rel || !(m.end >= t1 || V.punct[m.end] === 1)) return null;
  for (let k = m.start - 1; k >= t0 && k >= m.start - 12; k--) {
    if (V.punct[k] && V.doc.tokens[k]!.kind !== "quote") return null;
    if (!rel.includes(V.low[k]!)) continue;
    // the pronoun is the object: a subject of its own stands between it and the verb, with no other verb
    if (verbIn(V, k + 1, m.start)) return null;
    // a name or a role, else a determiner and its noun ("wat de dijkgraaf een ramp noemde")
    const bare = k + 2 < m.start && V.P.det.has(V.low[k + 1]!) && !V.punct[k + 2] ? { start: k + 1, end: k + 3 } : null;
    return sourceAt(V, npForward(V, k + 1, m.start) ?? bare);
  }
  return null;
}

/** A one-word reporting verb at `k`: ", banking analysts say, cleaning up …" closes an interposed frame. */
function reportVerbAt(V: View, index: CueIndex, k: number): boolean {
  if (k > 0 && (V.P.det.has(V.low[k - 1]!) || V.P.possessives.has(V.low[k - 1]!))) return false; // "denied the report"
  for (const c of index.byFirst.get(V.low[k]!) ?? []) if (c.cue.role === "report" && c.steps.length === 1) return true;
  return false;
}

/** A reporting frame stands in [a, b): "X said:" introduces what follows the colon. */
function frameBefore(V: View, index: CueIndex, a: number, b: number): boolean {
  for (let k = Math.max(a, b - 30); k < b; k++) {
    for (const c of index.byFirst.get(V.low[k]!) ?? []) {
      const role = c.cue.role;
      if (role === "report" || role === "according" || role === "self" || role === "passive") return true;
    }
  }
  return false;
}

/** An "according to" phrase ends at most five words before `at`, with no punctuation between. */
function afterAccording(V: View, ends: Set<number>, at: number): boolean {
  for (let e = Math.max(0, at - 5); e <= at; e++) if (ends.has(e) && !punctIn(V, e, at)) return true;
  return false;
}

function readClause(
  V: View,
  s: Sentence,
  t0: number,
  t1: number,
  ms: CueMatch[],
  closeAt: Set<number>,
  inSpeech: (i: number) => boolean,
  subjT0: number,
): Clause {
  const c: Clause = {
    sentence: s.index,
    t0,
    t1,
    status: "established",
    frame: null,
    raw: null,
    unnamed: false,
    inherit: false,
    post: false,
    source: null,
    cue: null,
    quote: false,
    // every field set up front: one object shape for all clauses keeps the property look-ups fast
    firstPerson: false,
    kind: "first",
    pendingSelf: undefined,
    unknown: undefined,
    documentName: undefined,
    suppress: false,
    trailing: false,
  };
  // frames, best first: explicit source phrases, then reporting verbs (the innermost, i.e. last, one
  // before its content; else one after it), then passives, then unnamed hearsay
  const frames = ms.length ? ms.filter((m) => m.cue.cue.role !== "hedge" && m.cue.cue.role !== "unknown") : ms;
  let best: { m: CueMatch; raw: RawSource | null; post: boolean; rank: number } | null = null;
  let denial: CueMatch | null = null;
  // looked up per frame, so kept as an index rather than a rescan of every frame (a sentence of nothing but
  // reporting verbs has thousands): the earliest end of a reporting verb, and where "according to" phrases end
  let firstReportEnd = Infinity;
  // (made only for a clause that has such a phrase: most have none, and a set per clause was a tenth of what
  // the stage allocated)
  let accordingEnds: Set<number> | null = null;
  for (const o of frames) {
    if (o.cue.cue.role === "report") firstReportEnd = Math.min(firstReportEnd, o.end);
    else if (o.cue.cue.role === "according") (accordingEnds ??= new Set<number>()).add(o.end);
  }
  for (const m of frames) {
    const role = m.cue.cue.role;
    let found: { raw: RawSource | null; post: boolean } | null = null;
    let rank = 0;
    if (role === "according") {
      const inGap = m.cue.cue.sourceIn === "gap" && m.gapStart >= 0;
      const a = inGap ? m.gapStart : m.end;
      const b = inGap ? m.gapEnd : t1;
      found = { raw: sourceAt(V, npForward(V, a, b, true) ?? bareSource(V, a, b)), post: false };
      rank = 5;
    } else if (role === "self") {
      // "“…,” the paper wrote while noting …": after a reporting verb of its clause the participle shares
      // that verb's subject, which the verb's own frame finds
      if (m.start > t0 && firstReportEnd <= m.start) continue;
      // a participle clause's subject is its sentence's: "X denied it, saying …"
      // "… grew so loud that the embassy issued a statement saying …": without a comma the participle belongs to
      // the clause it stands in, which opens at the last complementiser
      let from = m.start === t0 ? subjT0 : t0;
      if (m.start > t0 && !V.punct[m.start - 1]) {
        for (let k = m.start - 2; k > t0 && k >= m.start - 20; k--) if (V.P.complementizers.has(V.low[k]!)) (from = k + 1), (k = 0);
      }
      found = { raw: absoluteSubject(V, t0, m) ?? selfSubject(V, from, t1, m), post: false };
      // "“I doubt it,” Hale said, adding that …": a word inside the quote is no subject of the participle
      if (found.raw && m.start !== t0 && inSpeech(tokenAt(V, found.raw.span.start))) found.raw = null;
      rank = m.cue.cue.attitude ? (inSpeech(m.start) ? 0 : 2) : 5;
    } else if (role === "report") {
      // "according to a few district reports": a noun of the phrase after "according to" is no verb
      if (accordingEnds && afterAccording(V, accordingEnds, m.start)) continue;
      found = reportSubject(V, t0, t1, m, closeAt);
      // "Hij betuigde zijn medeleven en schrijft op X dat …": a coordinated verb shares its subject
      if (!found?.raw && subjT0 < t0 && opensClause(V, t0, m.start)) found = { raw: selfSubject(V, subjT0, t1, m, false), post: false };
      // "een aanslag die de premier terrorisme noemde": the verb closes a relative clause, its subject follows the pronoun
      if (!found?.raw) {
        const r = relativeSubject(V, t0, t1, m);
        if (r) found = { raw: r, post: false };
      }
      if (found && !found.post && m.cue.cue.needsContent && !contentFollows(V, m.end, t1)) found = null;
      if (found && m.cue.cue.quoteObject && !quoteFollows(V, m.end, t1)) found = null;
      // "Large polls and panels show …", "Interviews conducted by the paper with workers found …": the
      // document heads the clause's first phrase, however long the phrase runs before its verb
      if (m.cue.cue.subjectDocument && !(found?.raw && documentHead(V, found.raw))) {
        const d = documentSubject(V, t0, m.start);
        if (d) found = { raw: d, post: false };
      }
      if (found && m.cue.cue.subjectDocument && !(found.raw && documentHead(V, found.raw))) found = null;
      // "Dat denkt de burgemeester.": an anaphor right before the verb stands for its content, the sentence before
      if (found && !found.post && m.cue.cue.postOnly && !(m.start === t0 + 1 && V.P.lex.anaphors.includes(V.low[t0]!))) found = null;
      rank = found?.raw ? (found.post ? 3 : 4) : 0;
      // an attitude yields to every frame that reports words ("Putin said the attackers had sought to flee",
      // "they agreed to let lobbyists bundle checks, the emails show"), and inside a quote it is the speaker's
      if (rank && m.cue.cue.attitude) rank = inSpeech(m.start) ? 0 : 2;
    } else if (role === "passive") {
      const agent = agentOf(V, t0, t1, m);
      found = { raw: agent, post: false };
      rank = agent ? 3 : 1;
      // "Het Kremlin heeft de beschuldigingen ontkend": a perfect, not a passive; its subject is the source
      // "had been accused": the match opens with a passive auxiliary, so it is a passive whatever precedes
      const passiveOpen = V.P.lex.passiveAuxiliaries.includes(V.low[m.start]!);
      const perf = agent || passiveOpen ? -1 : perfectAux(V, t0, m.start);
      if (perf >= 0) {
        const subj = reportSubject(V, t0, t1, { ...m, start: perf, end: perf + 1, gapStart: -1, gapEnd: -1 }, closeAt);
        if (subj?.raw) (found = subj), (rank = 3);
      }
    } else if (role === "hearsay") {
      found = { raw: null, post: false };
      rank = 1;
    }
    if (!found || rank === 0) continue;
    if (role === "self" && !found.raw) {
      // "…,” explaining that …": the speaker is found once the quotes are assigned
      if (m.start === t0) c.pendingSelf = m;
      continue;
    }
    if (role === "according" && found.raw?.parsed.document) {
      // "according to recent polls": no one is named, the document is
      c.documentName = found.raw.parsed.name;
      (found = { raw: null, post: false }), (rank = 1);
    }
    else if (role === "according" && !found.raw) continue;
    // a cue inside quoted speech yields to the frame that names the quote's speaker
    if (inSpeech(m.start)) rank -= 5;
    // "Moscow denied responsibility and accused Kyiv of sabotage": the denial sets the status
    if (m.cue.cue.status === "denied" && found.raw) denial = m;
    // the innermost frame wins ("X said that Y says Z": Y), but not one inside a relative clause of an object
    // ("The document says A for a developer that it says …")
    if (!best || rank > best.rank || (rank === best.rank && rank === 4 && m.start > best.m.start && !inRelative(V, t0, m.start))) {
      // "The councillors say they will ask voters to …": the inner frame's pronoun is the outer frame's
      // subject when the two agree in number
      const p = found.raw?.parsed.pronoun;
      const outer = best && best.rank === 4 && !best.post ? best.raw?.parsed : null;
      if (p && outer && !outer.pronoun && !outer.document && (p === "any" || p === outer.who || outer.who === "unknown")) found = { raw: best!.raw, post: found.post };
      best = { m, raw: found.raw, post: found.post, rank };
    }
  }
  // "Stoltenberg continued: “…”", "Mook agreed: …", "PARTICIPANT: …": a speaker before a colon
  if ((!best || best.rank < 3 || best.m.cue.cue.attitude) && V.colons[s.index]) {
    const cf = colonFrame(V, t0, t1, closeAt);
    if (cf) best = { m: cf.m, raw: cf.raw, post: false, rank: 4 };
  }
  if (best) {
    c.frame = best.m;
    c.raw = best.raw;
    c.post = best.post;
    const role = best.m.cue.cue.role;
    if (!best.raw) {
      if (role === "passive") c.inherit = true;
      else c.unnamed = true;
    }
    c.cue = cueOf(V, best.m);
  }
  c.status = statusOf(c, ms);
  if (denial && c.status !== "unknown" && c.status !== "denied") {
    c.status = "denied";
    c.cue = cueOf(V, denial);
  }
  // "er wordt niets gemeld over X": nobody claims anything
  if (c.status === "unknown") {
    const unk = ms.find((x) => x.cue.cue.role === "unknown")!;
    c.unknown = unk;
    // an open question has no asserter ("Het Pentagon wil niet zeggen of …", "Reuters could not verify …"),
    // unless a named source reports it as open: "Polen zegt dat nog niet is vastgesteld wie …"
    const embedded = !!c.frame && !!c.raw && c.frame.end <= unk.start && !c.post && NAMED_ROLES.has(c.frame.cue.cue.role);
    if (!embedded) {
      c.unnamed = c.inherit = false;
      c.frame = null;
      c.raw = null;
      c.cue = null;
    }
  }
  // an unknown or hedge cue without a frame still shows why the status is what it is
  if (!c.cue) {
    const h = ms.find((m) => m.cue.cue.role === "unknown") ?? ms.find((m) => m.cue.cue.role === "hedge");
    if (h) c.cue = cueOf(V, h);
  }
  return c;
}

function statusOf(c: Clause, ms: CueMatch[]): ClaimStatus {
  if (ms.some((m) => m.cue.cue.role === "unknown")) return "unknown";
  let hedge: ClaimStatus | null = null;
  for (const m of ms) {
    if (m.cue.cue.role !== "hedge") continue;
    const st = m.cue.cue.status;
    if (!hedge || (HEDGE_RANK[st] ?? 0) > (HEDGE_RANK[hedge] ?? 0)) hedge = st;
  }
  const frameStatus = c.frame?.cue.cue.status ?? null;
  if (frameStatus === "denied" || hedge === "denied") return "denied";
  if (hedge) return hedge;
  if (frameStatus) return frameStatus;
  return "established";
}

function cueOf(V: View, m: CueMatch): Cue {
  const t = V.doc.tokens;
  const start = t[m.start]!.start;
  const end = t[m.end - 1]!.end;
  return { start, end, text: V.doc.text.slice(start, end) };
}

function sourceAt(V: View, span: Span | null): RawSource | null {
  if (!span) return null;
  const parsed = parseSource(V, span);
  if (!parsed) return null;
  const t = V.doc.tokens;
  return { parsed, span: { start: t[span.start]!.start, end: t[span.end - 1]!.end } };
}

/**
 * The subject of a reporting verb. After its content ("…, zegt X", "…, said X", "…," X said) or before
 * it ("X zegt dat", "Daarom zegt hij dat", "X, analist bij Y, zegt dat").
 */
function reportSubject(V: View, t0: number, t1: number, m: CueMatch, closeAt: Set<number>): { raw: RawSource | null; post: boolean } | null {
  const { P, low, raw, doc } = V;
  const after = m.gapStart >= 0 ? m.gapStart : m.end;
  const limit = m.gapStart >= 0 ? m.gapEnd : t1;
  // what stands right before the verb, connectives aside ("…, zo zegt X")
  let k = m.start - 1;
  while (k >= t0 && P.connectives.has(low[k]!)) k--;
  const closesQuote = (x: number) => doc.tokens[x]!.kind === "quote" && closeAt.has(doc.tokens[x]!.end);
  // "…, zegt X" follows its content: a clause or a quote, not a bare subject with an adverb ("The ministry,
  // however, accused the West")
  const afterComma = k > t0 && (raw[k] === "," || raw[k] === ":" || closesQuote(k)) && (closesQuote(k) || closesQuote(k - 1) || (verbIn(V, t0, k) && !subjectWithRelative(V, t0, k)));
  let weakPost: RawSource | null = null;
  // "told Reuters": the noun phrase after the verb is who was told; after "dat"/"that" the content begins
  const hearer = !!m.cue.cue.objectAfter || (after > m.start && P.complementizers.has(low[after - 1]!));
  if (afterComma && !hearer) {
    const fwd = sourceAt(V, npForward(V, after, limit, true));
    if (fwd) {
      // "…, said X" ends with its source (adjuncts aside); "…, said Kyiv was …" is no post frame, and
      // "X, analist bij Y, zegt dat …" makes the comma an apposition's
      const next = tokenAfterSpan(V, fwd.span);
      const w = next < limit ? low[next]! : "";
      const closes = next >= limit || V.punct[next] === 1 || V.time[next] === 1 || (P.stops.has(w) && !P.aux.has(w) && !P.complementizers.has(w));
      if (closes && raw[next] !== ":") return { raw: fwd, post: true };
      // not clearly closed ("said a spokeswoman for Trump hotels, …"): kept unless a subject turns up before
      if (!P.aux.has(w) && !P.complementizers.has(w) && !P.stops.has(w)) weakPost = fwd;
    }
  }
  // before the verb: back to the clause start or the last comma; an apposition's commas are stepped over
  let segStart = Math.max(t0, m.start - 40); // a subject stands near its verb; bounded for run-on text
  for (let j = m.start - 1; j >= segStart; j--) {
    if (raw[j] === "," || raw[j] === ";" || raw[j] === ":" || (doc.tokens[j]!.kind === "quote" && closeAt.has(doc.tokens[j]!.end))) {
      segStart = j + 1;
      break;
    }
  }
  let kv = m.start - 1;
  while (kv >= segStart && (P.aux.has(low[kv]!) || V.time[kv])) kv--;
  // "Democrats - especially in New York - said": an aside between dashes stands between the subject and its verb
  if (kv > segStart && DASHES.has(raw[kv]!) && V.punct[kv] && spaced(V, kv)) {
    for (let d = kv - 2; d > segStart && d >= kv - 15; d--) {
      if (!(DASHES.has(raw[d]!) && V.punct[d] && spaced(V, d))) continue;
      const np = npBackward(V, segStart, d);
      const src = np && sourceAt(V, np);
      if (src) return { raw: src, post: false };
      break;
    }
  }
  if (kv < segStart && segStart > t0 && raw[segStart - 1] === ",") {
    // "“…”, the spokesman for the prosecutor, Jan Peeters, said on television": with no content after it the
    // frame follows its content, and a frame inside that content is the innermost one
    let tail = 0;
    for (let j = m.end; j < t1 && tail <= BARE_TAIL; j++) if (!V.punct[j] && !V.time[j]) tail++;
    const post = tail <= BARE_TAIL && !contentFollows(V, m.end, t1) && !verbIn(V, m.end, t1) && verbIn(V, t0, segStart);
    // the verb right after a comma, content after it: the clause's subject carries an apposition or a
    // relative clause ("X, analist bij Y, zegt dat", "Strijders die aan Oekraïense zijde vechten, zeggen")
    const app = appositionName(V, t0, segStart - 1);
    if (app) return { raw: app, post };
    // "The companies, which gave few answers, said …": the phrase before a relative clause set off by commas
    const rel = relativeHost(V, t0, segStart - 1);
    if (rel) return { raw: rel, post };
    // after content ("Six people were missing, X, minister, told …") the clause's first phrase is no subject
    const subj = afterComma ? null : selfSubject(V, t0, t1, { ...m, start: segStart - 1 }, P.lex.subjectAfterVerb);
    if (subj) return { raw: subj, post: false };
    // "“…,” Chris Weston, chief strategist at IG, said": the name before the apposition's first comma
    let j = segStart - 2;
    while (j > t0 && raw[j] !== ",") j--;
    if (j > t0) {
      let b = j - 1;
      while (b >= t0 && !(V.punct[b] && raw[b] !== "." && raw[b] !== "-")) b--;
      // "…, Trump's finance chairman, Steve Mnuchin, told …": the role comes first, the name between the commas
      if (j - 1 > b && roleOf(P, low[j - 1]!) && segStart - 1 - j >= 2 && segStart - 1 - j <= 5) {
        let allCap = true;
        for (let k = j + 1; k < segStart - 1; k++) if (V.cap[k] !== 1 && !isInitial(V, k) && raw[k] !== ".") allCap = false;
        const name = allCap ? sourceAt(V, { start: j + 1, end: segStart - 1 }) : null;
        if (name) return { raw: name, post };
      }
      const name = sourceAt(V, npBackward(V, b + 1, j));
      if (name) return { raw: name, post };
    }
  }
  // "X praised A and criticized B": the subject of the first verb
  let kb = m.start - 1;
  while (kb >= segStart && P.aux.has(low[kb]!)) kb--;
  if (kb > t0 && P.connectives.has(low[kb]!) && !P.complementizers.has(low[kb]!)) {
    const subj = selfSubject(V, t0, t1, { ...m, start: kb, end: m.end });
    if (subj) return { raw: subj, post: false };
  }
  // "the neighbours, who said …": the relative pronoun stands for the phrase before its comma
  const s0 = doc.sentences[V.sentOf[t0]!]!.tokenStart;
  if (m.start - 1 >= t0 && P.lex.relativeSubjects.includes(low[m.start - 1]!) && m.start - 2 > s0 && raw[m.start - 2] === ",") {
    const c = m.start - 2;
    // the phrase before the comma: a name or a role, else a determiner and its noun ("de buren, die zeiden")
    const span = npBackward(V, Math.max(s0, m.start - 12), c) ?? (c - 2 >= s0 && P.det.has(low[c - 2]!) && !V.punct[c - 1] ? { start: c - 2, end: c } : null);
    const ante = sourceAt(V, span);
    if (ante) return { raw: ante, post: false };
  }
  let back = npBackward(V, segStart, m.start);
  // "Die beschuldiging uitte Oekraïne": an anaphoric object opens the clause and the subject follows the verb
  if (back && P.lex.subjectAfterVerb && back.start === t0 && P.lex.anaphors.includes(low[t0]!)) back = null;
  // the object of a preposition is no subject: "waarin de schutter in het Arabisch zegt", "police in Kyiv said"
  for (let hop = 0; back && hop < 2 && back.start - 1 >= segStart && P.preps.has(low[back.start - 1]!); hop++) {
    back = npBackward(V, segStart, back.start - 1);
    // "Interviews conducted by the paper with workers found": a participle makes the phrase a clause's
    if (back && verbsIn(V, back.start + 1, back.end)) back = null;
  }
  // "Experts in flood control say", "Many women in politics say": a head noun and its prepositional phrase
  if (!back && P.lex.subjectAfterVerb === false) back = headWithPhrase(V, segStart, kv + 1);
  if (back) back = coordinated(V, segStart, back);
  if (back) {
    // "…,” Björn Lund, director of the Swedish network, told NPR": a person's name before an apposition whose
    // closing comma is left out; the person speaks, the role describes him
    const named = back.start === segStart ? nameBeforeRole(V, t0, back) : null;
    if (named) return { raw: named, post: segStart > t0 };
    const src = sourceAt(V, back);
    // "…, he said." / "“…,” Obama said on Monday": the subject and its verb close the clause
    let tail = 0;
    for (let j = m.end; j < t1 && tail <= 4; j++) if (!V.punct[j] && !V.time[j]) tail++;
    const post = segStart > t0 && back.start === segStart && tail <= 4 && !contentFollows(V, m.end, t1) && !(m.end < t1 && P.lex.infinitiveMarkers.includes(low[m.end]!));
    if (src) return { raw: src, post };
  }
  if (weakPost) return { raw: weakPost, post: true };
  // inverted order: "Daarom zegt hij dat", "inmiddels claimen ze", "In een verklaring zegt het ministerie"
  if (!P.lex.subjectAfterVerb || hearer) return null;
  const fwd = sourceAt(V, npForward(V, after, limit, true));
  if (fwd) return { raw: fwd, post: afterComma };
  return null;
}

/**
 * "Washington en Moskou hebben ontkend", "Both Kyiv and Warsaw said", "Poland, Hungary and Slovakia said": names
 * joined by "and" (and commas) before the verb are one subject, all of them speak. Only names: in "the
 * minister and the mayor said" each could be another clause's, and a common noun before "and" is often an
 * object ("hit the bridge and police said").
 */
const COORDINATED = 4;
function coordinated(V: View, from: number, span: Span): Span {
  const { P, low, raw } = V;
  const name = (a: number, b: number) => V.cap[b - 1] === 1 && V.named(b - 1) && !isPronoun(P, low[a]!);
  if (!name(span.start, span.end)) return span;
  let start = span.start;
  let members = 1;
  let sawAnd = false;
  while (members < COORDINATED && start - 2 >= from) {
    const j = start - 1;
    const and = !sawAnd && P.additive.has(low[j]!);
    // a comma joins only the members before the "and": "A, B en C"
    if (!and && !(sawAnd && raw[j] === ",")) break;
    const prev = npBackward(V, from, j);
    if (!prev || prev.end !== j || !name(prev.start, prev.end)) break;
    // ("Both Ankara": a capital at the sentence's start passes for part of a name)
    start = P.correlatives.has(low[prev.start]!) && prev.end - prev.start > 1 ? prev.start + 1 : prev.start;
    members++;
    if (and) sawAnd = true;
  }
  if (members === 1) return span;
  // the names open the clause: nothing but a connective or punctuation stands before them, or the "both" of
  // "both A and B" (which names no one)
  for (let k = from; k < start; k++) if (!V.punct[k] && !P.connectives.has(low[k]!) && !P.complementizers.has(low[k]!) && !(k === start - 1 && P.correlatives.has(low[k]!) && !P.preps.has(low[k]!))) return span;
  return { start, end: span.end };
}

/**
 * "Belgium's premier, Alexander De Croo, said", "Voormalig ambassadeur in Moskou, Ron Keller, vertelt": a
 * role phrase and then a name between commas before the verb; the name speaks, the role describes it.
 */
/** Whether a verb stands in [a, b). */
function verbsIn(V: View, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (verbAt(V, k)) return true;
  return false;
}

/** "Experts in flood control" before a verb ending at `e`: a head noun before a preposition whose object ends there. */
function headWithPhrase(V: View, from: number, e: number): Span | null {
  const { P, low } = V;
  for (let j = e - 2; j >= from && j >= e - 5; j--) {
    const w = low[j]!;
    if (V.punct[j] || P.aux.has(w) || P.complementizers.has(w) || P.connectives.has(w) || verbAt(V, j) || w.endsWith("ing")) return null;
    if (!P.affil.has(w) && !P.lex.locativePreps.includes(w)) continue;
    const head = npBackward(V, from, j);
    // the phrase is the clause's subject: nothing but connectives before it ("accused X of showering praise")
    if (!head || isPronoun(P, low[head.start]!)) return null;
    for (let k = from; k < head.start; k++) if (!P.connectives.has(low[k]!)) return null;
    // "Interviews conducted by the paper with workers": a participle inside makes the phrase a document's
    if (verbsIn(V, head.start + 1, j)) return null;
    return { start: head.start, end: e };
  }
  return null;
}

/** The noun phrase that opens the clause before ", which/who …," ending at the comma `close`. */
function relativeHost(V: View, t0: number, close: number): RawSource | null {
  const { P, low, raw } = V;
  for (let j = close - 2; j > t0 && j >= close - 30; j--) {
    if (raw[j] !== ",") continue;
    if (!P.lex.relativeSubjects.includes(low[j + 1]!) && low[j + 1] !== "which") return null;
    const np = npBackward(V, t0, j);
    if (!np || np.start !== t0 || isPronoun(P, low[np.start]!)) return null;
    return sourceAt(V, np);
  }
  return null;
}

function nameBeforeRole(V: View, t0: number, role: Span): RawSource | null {
  const { P, low, raw } = V;
  const comma = role.start - 1;
  if (comma <= t0 || raw[comma] !== ",") return null;
  // the phrase is a role without a name: it opens with a lower-case title
  if (V.cap[role.start] === 1 || (!roleOf(P, low[role.start]!) && !(P.det.has(low[role.start]!) && roleOf(P, low[role.start + 1] ?? "")))) return null;
  const inner = sourceAt(V, role);
  if (!inner || inner.parsed.pronoun || inner.parsed.document) return null;
  // before the comma: two to four capitalised words that a quote's close, a comma or the clause's start
  // stands before ("Björn Lund", not "the town of Lund")
  let a = comma;
  while (a - 1 >= t0 && a > comma - 4 && (V.cap[a - 1] === 1 || isInitial(V, a - 1)) && !V.punct[a - 1]) a--;
  if (comma - a < 2) return null;
  if (a > t0 && !V.punct[a - 1] && !P.connectives.has(low[a - 1]!)) return null;
  if (!V.named(a) && !V.named(comma - 1)) return null;
  const name = sourceAt(V, { start: a, end: comma });
  if (!name || name.parsed.pronoun || roleOf(P, low[a]!)) return null;
  const text = V.doc.text.slice(V.doc.tokens[role.start]!.start, V.doc.tokens[role.end - 1]!.end);
  return { parsed: { ...name.parsed, who: "person", kind: inner.parsed.kind, role: text }, span: name.span };
}

function appositionName(V: View, t0: number, comma: number): RawSource | null {
  const { raw } = V;
  let c1 = -1;
  for (let k = t0; k < comma && k < t0 + 12; k++) if (raw[k] === ",") (c1 = k), (k = comma);
  if (c1 < 0 || comma - c1 < 2 || comma - c1 > 6) return null;
  // the first phrase is a role without a name: its head word is a title or function
  const firstSpan = npForward(V, t0, c1);
  const first = sourceAt(V, firstSpan);
  if (!first || !firstSpan || first.parsed.pronoun || !roleOf(V.P, V.low[firstSpan.end - 1]!)) return null;
  const span = npForward(V, c1 + 1, comma);
  if (!span || span.end !== comma) return null;
  for (let k = span.start; k < span.end; k++) if (V.cap[k] !== 1 && !isInitial(V, k) && raw[k] !== ".") return null;
  const name = sourceAt(V, span);
  if (!name) return null;
  const role = V.doc.text.slice(V.doc.tokens[t0]!.start, V.doc.tokens[c1 - 1]!.end);
  return { parsed: { ...name.parsed, who: "person", kind: first.parsed.kind, role }, span: name.span };
}

/**
 * A bare plural that closes its clause after "according to"/"volgens": "according to recent polls",
 * "according to exit surveys of voters", "volgens ooggetuigen".
 */
function bareSource(V: View, a: number, b: number): Span | null {
  const { P, low } = V;
  let words = 0;
  // a vague time word before the noun is its modifier: "according to recent polls", "a few district reports"
  let a0 = a;
  if (a0 + 1 < b && P.det.has(low[a0]!) && V.time[a0 + 1] === 1) a0++;
  let k = a0;
  const timeMod = (j: number) => V.time[j] === 1 && j === a0 && j + 1 < b && !V.time[j + 1] && !V.punct[j + 1];
  const word = (j: number) => !V.punct[j] && (!V.time[j] || timeMod(j)) && V.cap[j] !== 1 && LOWER_WORD.test(low[j]!) && !P.stops.has(low[j]!) && !P.det.has(low[j]!) && !P.aux.has(low[j]!) && !P.complementizers.has(low[j]!) && !isPronoun(P, low[j]!);
  while (k < b && words < 3 && word(k)) k++, words++;
  if (!words) return null;
  // "of voters", "with the Federal Election Commission": one affiliation
  if (k + 1 < b && P.affil.has(low[k]!)) {
    const np = npForward(V, k + 1, b);
    if (np) k = np.end;
    else if (word(k + 1)) {
      let j = k + 1;
      while (j < b && j < k + 3 && word(j)) j++;
      k = j;
    }
  }
  if (k < b && !V.punct[k]) return null;
  return { start: a, end: k };
}

/** A reporting verb no lexicon lists, recognised by the colon and the speech after it. */
const COLON_CUE: CompiledCue = {
  cue: { pattern: ":", role: "report", status: "claimed" },
  order: -1,
  steps: [],
  final: false,
  hasGap: false,
  notAfter: new Set(),
  unless: new Set(),
  unlessBefore: new Set(),
  notRightAfter: new Set(),
  unlessFinal: new Set(),
  unlessNext: new Set(),
  unlessObject: new Set(),
  requireBefore: new Set(),
};

/**
 * A colon that introduces speech: a verb before it with its subject ("X continued: “…”", "X wrote: …"),
 * or a name alone at the start of the sentence (a transcript's "PARTICIPANT: …", "Ken Bone: …").
 */
function colonFrame(V: View, t0: number, t1: number, closeAt: Set<number>): { m: CueMatch; raw: RawSource } | null {
  const { raw, doc } = V;
  let k = -1;
  for (let j = t0 + 1; j < t1 - 1 && j < t0 + 40; j++) if (V.punct[j] && raw[j] === ":") (k = j), (j = t1);
  if (k < 0) return null;
  const next = k + 1;
  const speech = doc.tokens[next]!.kind === "quote" || next >= t1 - 1 || V.P.lex.firstPerson.includes(V.low[next]!);
  const s = doc.sentences[V.sentOf[t0]!]!;
  let v = k - 1;
  while (v > t0 && (V.time[v] || (!V.cap[v] && V.low[v]!.length > 4 && V.P.lex.adverbEndings.some((e) => V.low[v]!.endsWith(e))))) v--;
  // "asked her:", "told reporters:": whom the speaker addresses stands between the verb and the colon
  if (v > t0 && !verbAt(V, v) && (isPronoun(V.P, V.low[v]!) || !V.cap[v]) && verbAt(V, v - 1)) v--;
  if (speech && verbAt(V, v)) {
    const m: CueMatch = { cue: COLON_CUE, start: v, end: v + 1, gapStart: -1, gapEnd: -1 };
    const subj = reportSubject(V, t0, t1, m, closeAt);
    if (subj?.raw && !subj.post) return { m, raw: subj.raw };
    return null;
  }
  // a name that opens the sentence and ends at the colon, with no verb; an affiliation may follow it after a
  // comma ("Meghan McCain, Twitter:", "Jeremy Lott, author:")
  // a label may open a quoted transcript: "“PARTICIPANT: …"
  let a = t0;
  if (a === s.tokenStart && doc.tokens[a]!.kind === "quote" && a + 1 < k) a++;
  if (k - a > 12 || t0 !== s.tokenStart || V.cap[a] !== 1) return null;
  for (let j = a; j < k; j++) if (verbAt(V, j) && V.cap[j] !== 1) return null;
  const span = npForward(V, a, k);
  if (!span) return null;
  if (span.end !== k && V.P.lex.prepositions.includes(V.low[span.end]!) && raw[span.end] !== "of" && raw[span.end] !== "Of") {
    // a headline's speaker with whom or what they address: "Black Mayors to Jane Doe: Send Money",
    // "Channel 4's Ann Lee on the Budget Leak: ‘Shameful’"; no punctuation and no verb up to the colon
    if (span.end - a > 5 || k - span.end > 8) return null;
    for (let j = span.end + 1; j < k; j++) if (V.punct[j] || V.doc.tokens[j]!.kind === "quote") return null;
  } else if (span.end !== k) {
    // "Jeremy Lott, author:", "Meghan McCain, Twitter:": a short affiliation without a verb after the comma
    if (raw[span.end] !== "," || span.end - a > 6 || k - span.end > 7) return null;
    for (let j = span.end + 1; j < k; j++) if (V.punct[j] && raw[j] !== "," && raw[j] !== ".") return null;
  }
  const src = sourceAt(V, span);
  if (!src || src.parsed.pronoun || src.parsed.document) return null;
  return { m: { cue: COLON_CUE, start: k, end: k + 1, gapStart: -1, gapEnd: -1 }, raw: src };
}

/** A perfect auxiliary (heeft, has) before a participle cue, with no passive auxiliary in between. */
function perfectAux(V: View, t0: number, at: number): number {
  const { P, low } = V;
  for (let k = at - 1; k >= t0 && k >= at - 10; k--) {
    const w = low[k]!;
    if (P.lex.perfectAuxiliaries.includes(w)) return k;
    if (P.lex.passiveAuxiliaries.includes(w) || V.punct[k]) return -1;
  }
  return -1;
}

/**
 * Words other than punctuation and times follow the clause's source phrase inside the clause, beyond the
 * source's own affiliation ("de burgemeester van de stad"): "… op basis van het aantal weggevaagde wijken".
 */
function wordsAfterSource(V: View, c: Clause): boolean {
  const end = c.raw?.span.end;
  if (end === undefined) return false;
  let k = c.t0;
  while (k < c.t1 && V.doc.tokens[k]!.start < end) k++;
  if (k < c.t1 && V.P.lex.affiliationPreps.includes(V.low[k]!)) {
    k++;
    while (k < c.t1 && V.P.det.has(V.low[k]!)) k++;
    k++;
  }
  for (; k < c.t1; k++) if (!V.punct[k] && !V.time[k]) return true;
  return false;
}

/** The clause is a bare frame opened by an anaphor: "Dat meldt de politie", "That is what X said". */
function anaphoric(V: View, c: Clause): boolean {
  const { P, low } = V;
  const m = c.frame!;
  if (!P.lex.anaphors.includes(low[c.t0]!)) return false;
  const src = c.source?.span;
  // only what stands before the cue counts: adjuncts after it ("said on Monday") do not
  for (let k = c.t0; k < m.start; k++) {
    if (k >= m.start && k < m.end) continue;
    const t = V.doc.tokens[k]!;
    if (src && t.start >= src.start && t.end <= src.end) continue;
    // "Die beschuldiging uitte Oekraïne": a noun for what was said may follow the anaphor
    if (V.punct[k] || V.time[k] || P.lex.anaphors.includes(low[k]!) || P.aux.has(low[k]!) || P.det.has(low[k]!) || P.agents.has(low[k]!) || (k === c.t0 + 1 && P.docNouns.has(low[k]!))) continue;
    return false;
  }
  return true;
}

/** The clause's sentence follows, in the same paragraph, a sentence that quoted speech closes. */
function afterQuote(V: View, c: Clause, speech: readonly boolean[]): boolean {
  const s = V.doc.sentences[c.sentence]!;
  const prev = V.doc.sentences[c.sentence - 1];
  if (!prev || prev.paragraph !== s.paragraph || prev.heading || c.t0 !== s.tokenStart) return false;
  // the quote's closing mark is the last token of that sentence, and nothing stands between it and this one
  for (const q of prev.quotes) if (speech[q] && V.doc.quotes[q]!.end >= prev.end && V.doc.quotes[q]!.end <= s.start) return true;
  return false;
}

/**
 * The clause is only a frame: its source, its verb, an auxiliary and adjuncts without a verb of their own
 * ("OCHA said.", "said the minister on Monday.", "the ministry said in a statement."), so it carries no content.
 */
const BARE_TAIL = 8;
function bareFrame(V: View, c: Clause): boolean {
  const m = c.frame!;
  if (m.cue.cue.role !== "report" || !c.raw) return false;
  const src = c.raw.span;
  const outside = (k: number) => {
    const t = V.doc.tokens[k]!;
    return !(t.start >= src.start && t.end <= src.end) && !(k >= m.start && k < m.end);
  };
  const words = (a: number, b: number) => {
    let n = 0;
    for (let k = a; k < b; k++) if (outside(k) && !V.punct[k] && !V.time[k] && !V.P.aux.has(V.low[k]!)) n++;
    return n;
  };
  // nothing but the source (and an auxiliary) before the verb
  if (words(c.t0, m.start) > 0) return false;
  // after it, the source if it follows ("said OCHA") and a short adjunct, no content nor verb of its own
  if (words(m.end, c.t1) > BARE_TAIL || contentFollows(V, m.end, c.t1)) return false;
  for (let k = m.end; k < c.t1; k++) if (outside(k) && verbAt(V, k)) return false;
  return true;
}

/** A quotation opens within six words after `from`, before any other punctuation: "called it “a disgrace”". */
function quoteFollows(V: View, from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 6; k++) {
    if (V.doc.tokens[k]!.kind === "quote") return true;
    if (V.punct[k]) return false;
  }
  return false;
}

/**
 * Reported content opens after token `from`: a complementiser, a colon or an opening quote, or a clause
 * without its complementiser whose pronoun subject stands right after the verb or its time ("announced
 * Monday it was launching …", "stated they were fine with it").
 */
function contentFollows(V: View, from: number, to: number): boolean {
  const P = V.P;
  let bare = true;
  for (let k = from; k < to && k < from + 10; k++) {
    const w = V.low[k]!;
    if (P.complementizers.has(w) || w === ":" || V.doc.tokens[k]!.kind === "quote") return true;
    if (bare && k + 1 < to && (P.personPron.has(w) || P.groupPron.has(w) || P.anyPron.has(w)) && verbAt(V, k + 1) && !P.preps.has(V.low[k - 1]!)) return true;
    // only a time ("Monday", "on Tuesday") may stand between the verb and such a subject
    if (!V.time[k] && !P.preps.has(w)) bare = false;
  }
  return false;
}

function tokenAt(V: View, offset: number): number {
  const i = tokenAfterSpan(V, { start: offset, end: offset });
  return Math.min(i, V.doc.tokens.length - 1);
}

function tokenAfterSpan(V: View, span: Span): number {
  const toks = V.doc.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < span.end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * "…, with analysts saying a rate rise is near", "with spokesman Glen Caplin saying …": in an absolute
 * construction the noun phrase between the preposition and the participle is who speaks.
 */
function absoluteSubject(V: View, t0: number, m: CueMatch): RawSource | null {
  const marks = V.P.lex.absoluteMarkers;
  if (!marks?.length) return null;
  for (let k = m.start - 1; k >= t0 && k >= m.start - 8; k--) {
    if (V.punct[k]) return null;
    if (!marks.includes(V.low[k]!)) continue;
    const np = npForward(V, k + 1, m.start);
    // the phrase must run up to the participle (an adverb may stand between: "with both banks both reporting")
    if (!np || np.end < m.start - 1) return null;
    return sourceAt(V, np);
  }
  return null;
}

/** "Het legioen bestaat naar eigen zeggen uit …": the subject opens the clause (or follows the verb). */
function selfSubject(V: View, t0: number, t1: number, m: CueMatch, forward = true): RawSource | null {
  const { P, low, punct } = V;
  let i = t0;
  // a dateline opens the first sentence: "Washington (AFP) – The Washington Post said …"
  for (let k = t0 + 1; k < Math.min(m.start, t0 + 8); k++) {
    if ((V.raw[k] === "–" || V.raw[k] === "—" || V.raw[k] === "-") && (V.raw[k - 1] === ")" || (V.cap[k - 1] === 1))) {
      i = k + 1;
      break;
    }
  }
  while (i < m.start && (P.connectives.has(low[i]!) || P.splitters.has(low[i]!) || punct[i])) i++;
  // a fronted adverb before its comma: "Already, Trump has denounced …", "Separately, the ministry said …"
  if (i + 1 < m.start && V.raw[i + 1] === "," && !V.named(i) && (P.aux.has(low[i]!) || (low[i]!.length > 4 && P.lex.adverbEndings.some((e) => low[i]!.endsWith(e))))) i += 2;
  // a fronted adjunct before its comma: "On Russia, Trump again knocked …", "Asked about it, Conway said …"
  if (i < m.start && (P.preps.has(low[i]!) || verbAt(V, i))) {
    for (let k = i + 1; k < m.start && k < i + 10; k++) if (V.raw[k] === ",") (i = k + 1), (k = m.start);
  }
  if (i < m.start) {
    const s = sourceAt(V, npForward(V, i, m.start));
    if (s) return s;
    // the clause opens with something else than its subject: no source here
    if (m.end < t1 && !P.connectives.has(low[i]!)) {
      let k = i;
      while (k < m.start && k < i + 20 && (punct[k] || V.time[k] || P.connectives.has(low[k]!))) k++;
      if (k < m.start) return null;
    }
  }
  // the cue opens the clause: "Naar eigen zeggen bestaat de groep uit …", "By its own account, the group …"
  if (!forward) return null;
  let j = m.end;
  while (j < t1 && j < m.end + 8 && punct[j]) j++;
  return sourceAt(V, npForward(V, j, t1)) ?? sourceAt(V, npForward(V, j + 1, t1));
}

const AGENT_WINDOW = 30;

/** The agent of a passive: "is door Kyiv bevestigd", "was confirmed by the ministry". */
function agentOf(V: View, t0: number, t1: number, m: CueMatch): RawSource | null {
  const { P, low } = V;
  let best = -1;
  // an agent stands near its participle; the window keeps a clause of many passives linear
  for (let k = Math.max(t0, m.start - AGENT_WINDOW); k < t1 && k <= m.end + AGENT_WINDOW; k++) {
    if (!P.agents.has(low[k]!)) continue;
    if (best < 0 || Math.abs(k - m.start) < Math.abs(best - m.start)) best = k;
  }
  if (best < 0) return null;
  const limit = best < m.start ? m.start : t1;
  return sourceAt(V, npForward(V, best + 1, limit));
}

/** The quote's speaker: named in a sentence of the quote, else in the sentence before, else after. */
function assignQuote(V: View, q: number, bySentence: Clause[][], speech: readonly boolean[]): void {
  const { doc } = V;
  const quote = doc.quotes[q]!;
  const first = doc.sentenceAt(quote.start);
  const last = doc.sentenceAt(Math.max(quote.start, quote.end - 1));
  if (first < 0 || last < 0) return;
  const inside = (c: Clause) => {
    const a = doc.tokens[c.t0]!.start;
    const b = doc.tokens[c.t1 - 1]!.end;
    const ov = Math.min(b, quote.inner.end) - Math.max(a, quote.inner.start);
    return ov > 0.6 * (b - a);
  };
  const outsideCue = (c: Clause) => !!c.cue && (c.cue.end <= quote.inner.start || c.cue.start >= quote.inner.end);
  // a document that speaks for itself ("…,” the report said) names its speaker as well as a person does
  const own = (c: Clause) => !!c.source && !!c.frame && (c.source.kind !== "unnamed" || !!c.raw?.parsed.document);
  const named = own;
  // a sentence may hold many quotes and clauses (hostile input): only the clauses at the quote and two on
  // either side are looked at, which is every clause of a news sentence
  const near = (s: number) => clausesNear(V, bySentence[s] ?? [], quote.start, quote.end, 2);
  let speaker: Clause | null = null;
  for (let s = last; s >= first && !speaker; s--) {
    for (const c of near(s)) if (named(c) && outsideCue(c)) speaker = c;
  }
  if (!speaker) {
    const after = bySentence[last + 1]?.[0];
    if (after?.trailing) speaker = after;
  }
  if (!speaker) {
    // the speaker named just before: in the sentence before, or a sentence or two further back in the same
    // paragraph ("X vertelt dat … . En zijn zoons … . „…”"), or whoever spoke the quote before this one
    const para = doc.sentences[first]!.paragraph;
    for (let s = first - 1; s >= 0 && s >= first - 3 && !speaker; s--) {
      const prev = doc.sentences[s]!;
      if (prev.heading || prev.question || para - prev.paragraph > (s === first - 1 ? 1 : 0)) break;
      const list = bySentence[s] ?? [];
      for (const c of list.slice(-3)) if ((named(c) && !inside(c)) || (c.quote && c.source && c.source.kind !== "unnamed" && s === first - 1)) speaker = c;
      // “…,” X said, though officials have not said … “…”: a quote goes on from the speaker of the quote just
      // before it, not from a later subject of that sentence
      if (s === first - 1 && speaker && !holdsQuote(V, speaker, speech)) {
        for (const c of list.slice(-3)) if (named(c) && holdsQuote(V, c, speech)) speaker = c;
      }
    }
  }
  if (!speaker) {
    const next = doc.sentences[last + 1];
    if (next && !next.heading && next.paragraph === doc.sentences[last]!.paragraph) {
      for (const c of (bySentence[last + 1] ?? []).slice(0, 3)) if (named(c) && c.frame?.cue.cue.role !== "passive") speaker = c;
    }
  }
  // a transcript inside the quote: every sentence after a speaker's label ("MR. SMITH: …") is that speaker's
  let turn: Clause | null = null;
  for (let s = first; s <= last; s++) {
    for (const c of s === first || s === last ? near(s) : (bySentence[s] ?? [])) {
      if (c.frame?.cue === COLON_CUE && named(c) && !outsideCue(c)) turn = c;
      if (!inside(c) && !(c.frame && outsideCue(c))) continue;
      c.quote = true;
      const who = turn ?? speaker;
      if (!who || c === who) continue;
      if (c.source && (c.source.kind !== "unnamed" || own(c))) continue;
      c.source = who.source;
      c.cue = who.cue;
      if (c.status === "established" || (c.status === "claimed" && !c.frame) || c.source?.kind === "unnamed") c.status = "claimed";
    }
  }
}

/** The clauses of a sentence (in text order) that overlap [a, b), with `extra` more on either side. */
/** Whether quoted speech of the clause's sentence stands within the clause (not a quoted word). */
function holdsQuote(V: View, c: Clause, speech: readonly boolean[]): boolean {
  const a = V.doc.tokens[c.t0]!.start;
  const b = V.doc.tokens[c.t1 - 1]!.end;
  for (const q of V.doc.sentences[c.sentence]!.quotes) {
    const x = V.doc.quotes[q]!;
    if (speech[q] && x.start < b && x.end > a) return true;
  }
  return false;
}

function clausesNear(V: View, list: readonly Clause[], a: number, b: number, extra: number): readonly Clause[] {
  if (list.length <= 2 * extra + 1) return list;
  const toks = V.doc.tokens;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[list[mid]!.t1 - 1]!.end <= a) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < list.length && toks[list[end]!.t0]!.start < b) end++;
  return list.slice(Math.max(0, lo - extra), Math.min(list.length, end + extra));
}

/**
 * Where an unknown's open question begins: at its cue when the cue opens it ("zonder te zeggen waarom"), else
 * after the last complementiser before the cue ("Polen zegt dat [nog niet is vastgesteld wie …]"), else at
 * the clause's start ("[De dienst wilde niet bevestigen dat …]").
 */
function unknownScope(V: View, t0: number, m: CueMatch): number {
  if (m.cue.cue.scopeFromCue) return m.start;
  // a fronted question is the open one whole: "[Of het om brand ging], is onduidelijk"
  if (V.P.complementizers.has(V.low[t0]!) && !V.P.lex.infinitiveMarkers.includes(V.low[t0]!)) return t0;
  let te = false;
  for (let k = m.start - 1; k > t0 && k >= m.start - 30; k--) {
    const w = V.low[k]!;
    // "om" opens a clause only with its "te" ("weigerde om te zeggen of …"); else it is a preposition ("het gaat om")
    if (V.P.complementizers.has(w) && (!V.P.lex.infinitiveMarkers.includes(w) || te)) return k + 1;
    else if (V.P.lex.infinitiveMarkers.includes(w) && !V.P.complementizers.has(w)) te = true;
  }
  return t0;
}

/** The clause's span without the punctuation and conjunction-less commas at its edges. */
/** Below this share of its clause the reported content is the claim, not the frame after it. */
const CONTENT_SHARE = 0.3;

/**
 * The reported content of a clause whose frame follows it and takes up most of it: "“We won,” Clinton said to
 * cheers from some 4,000 supporters who had crammed into the hall" is the quote. A frame no longer than about
 * twice its content stays in the span (the clause is the proposition), and so does a frame before its content,
 * whose clause the claim is ("X, a long title, said that …").
 */
function contentOf(V: View, c: Clause): [number, number] | null {
  const m = c.frame!;
  const toks = V.doc.tokens;
  const fa = Math.max(c.t0, Math.min(tokenAt(V, c.raw!.span.start), m.start));
  if (fa <= c.t0 + 1) return null;
  // after its content: flagged so, or right after a closing quote ("“…,” Clinton said to cheers …")
  const afterQuote = toks[fa - 1]!.kind === "quote" || (V.punct[fa - 1] === 1 && toks[fa - 2]!.kind === "quote");
  if (!c.post && !afterQuote) return null;
  // “…,” X wrote, adding, “…”: the frame opens more speech, which the span keeps
  for (let k = Math.max(m.end, tokenAfterSpan(V, c.raw!.span)); k < c.t1; k++) if (toks[k]!.kind === "quote" && (V.raw[k - 1] === "," || V.raw[k - 1] === ":")) return null;
  const whole = toks[c.t1 - 1]!.end - toks[c.t0]!.start;
  const part = toks[fa - 1]!.end - toks[c.t0]!.start;
  return part < CONTENT_SHARE * whole ? [c.t0, fa] : null;
}

function trimSpan(V: View, t0: number, t1: number): Span | null {
  const { doc } = V;
  let a = t0;
  let b = t1;
  while (a < b && V.punct[a] && doc.tokens[a]!.kind !== "quote") a++;
  while (b > a && V.punct[b - 1] && doc.tokens[b - 1]!.kind !== "quote") b--;
  if (a >= b) return null;
  return { start: doc.tokens[a]!.start, end: doc.tokens[b - 1]!.end };
}

function overlapsSpeech(V: View, cover: SpeechCover, span: Span, quotes: readonly number[]): boolean {
  if (!quotes.length) return false;
  // the characters of the span (a token and the space after it) that stand inside speech
  const toks = V.doc.tokens;
  let chars = 0;
  for (let i = firstTokenFrom(V, span.start); i < toks.length && toks[i]!.start < span.end; i++) {
    if (cover.inside[i]) chars += (i + 1 < toks.length ? Math.min(toks[i + 1]!.start, span.end) : toks[i]!.end) - toks[i]!.start;
  }
  return chars > 0.3 * (span.end - span.start);
}

/** Mentions overlapping a span; mentions are short, so a sorted list and a bounded look-back suffice. */
function mentionsIn(doc: Doc, span: Span): Doc["mentions"] {
  const ms = sortedMentions(doc);
  const out: Doc["mentions"] = [];
  for (let k = mentionsFrom(ms, span); k < ms.length && ms[k]!.start < span.end; k++) {
    const m = ms[k]!;
    if (m.end > span.start) out.push(m);
  }
  return out;
}
/**
 * Where the sorted mentions that may overlap a span begin: the callers that run per token or per claim walk
 * the list from here themselves (`k < ms.length && ms[k].start < span.end`, skipping `end <= span.start`), as
 * a list of their own for each look-up was a tenth of what the stage allocated.
 */
function mentionsFrom(ms: Doc["mentions"], span: Span): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 8);
}
const sortedCache = new WeakMap<Doc, { n: number; list: Doc["mentions"] }>();
function sortedMentions(doc: Doc): Doc["mentions"] {
  const hit = sortedCache.get(doc);
  if (hit && hit.n === doc.mentions.length) return hit.list;
  const list = [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  sortedCache.set(doc, { n: doc.mentions.length, list });
  return list;
}

function entitiesIn(doc: Doc, span: Span): string[] {
  const out: string[] = [];
  const ms = sortedMentions(doc);
  for (let k = mentionsFrom(ms, span); k < ms.length && ms[k]!.start < span.end; k++) {
    const m = ms[k]!;
    if (m.end > span.start && m.entity && !out.includes(m.entity)) out.push(m.entity);
  }
  return out;
}

interface Candidate {
  at: number;
  name: string;
  entity?: string;
  kind: Source["kind"];
  who: Who;
  role?: string;
  /** The name's words, lower case: read when first needed (most candidates are never compared). */
  words?: string[];
  /** The title seen before the name ("Oekraïense president"): what "de president" later points back to. */
  title?: string;
  /** The title's words, lower case, when first compared. */
  titleWords?: string[];
  quoted?: boolean;
}

// Sources and candidates get their optional keys by assignment, in the key order the literals had: a literal
// with `...(x && { k })` is made through a runtime call per spread, and these are made per source and name.

function sourceRecord(name: string, entity: string | undefined, kind: Source["kind"], span: Span, role: string | undefined): Source {
  const o = { name } as Source;
  if (entity) o.entity = entity;
  o.kind = kind;
  o.span = span;
  if (role) o.role = role;
  return o;
}

function candidate(at: number, name: string, entity: string | undefined, kind: Source["kind"], who: Who, role?: string, title?: string): Candidate {
  const o = { at, name } as Candidate;
  if (entity) o.entity = entity;
  o.kind = kind;
  o.who = who;
  if (role) o.role = role;
  if (title) o.title = title;
  return o;
}

/**
 * Resolves pronouns, descriptions and short names against what came before: earlier sources and, when
 * entity recognition ran, mentions (person, group, organisation, place); without it, capitalised names.
 */
class Resolver {
  private namesList: Candidate[] | null = null;
  private readonly sources: Candidate[] = [];
  private readonly entityMap = new Map<string, Entity>();
  private entity(id: string | undefined): Entity | undefined {
    return id === undefined ? undefined : this.entityMap.get(id);
  }
  constructor(
    private readonly V: View,
    private readonly speech: readonly Span[],
  ) {
    for (const e of V.doc.entities) this.entityMap.set(e.id, e);
  }

  /** The names of the report, gathered the first time a pronoun or a short name needs them. */
  private get names(): Candidate[] {
    if (!this.namesList) {
      this.namesList = [];
      this.gatherNames();
    }
    return this.namesList;
  }

  private gatherNames(): void {
    const { V, speech } = this;
    const { doc } = V;
    // a name inside quoted speech is seldom what a later pronoun points at ("Zonder steun van Kyiv …", zegt zij)
    let q = 0;
    const quoted = (at: number) => {
      while (q < speech.length && speech[q]!.end <= at) q++;
      return q < speech.length && speech[q]!.start <= at;
    };
    if (doc.mentions.length) {
      const { P } = V;
      for (const m of doc.mentions) {
        if (m.via === "pronoun") continue;
        // a function word taken for a name is no antecedent (one word only: names of several words are names)
        if (m.text.length < 14 && !m.text.includes(" ")) {
          const lw = m.text.toLowerCase();
          if (P.det.has(lw) || P.stops.has(lw) || P.connectives.has(lw) || P.personPron.has(lw) || P.groupPron.has(lw)) continue;
        }
        const e = this.entity(m.entity);
        const type = e?.type ?? m.type;
        const who: Who = type === "person" ? "person" : type === "other" || type === "facility" ? "unknown" : "group";
        const kind: Source["kind"] = type === "location" || type === "group" ? "party" : "other";
        this.names.push(candidate(m.start, e?.name ?? m.text, m.entity, kind, who, undefined, m.role));
      }
    } else this.scanNames();
    this.names.sort((a, b) => a.at - b.at);
    for (const c of this.names) if (quoted(c.at)) c.quoted = true;
  }

  /** Capitalised runs as stand-in mentions: "Legioen Vrijheid voor Rusland", "oud-president Medvedev". */
  private scanNames(): void {
    const { doc, P, low, raw } = this.V;
    const personAt = new Set<number>();
    for (const s of doc.sentences) {
      let i = s.tokenStart;
      while (i < s.tokenEnd) {
        const first = i === s.tokenStart;
        if (!(this.V.cap[i] === 1) || this.V.punct[i] || (first && (P.det.has(low[i]!) || P.stops.has(low[i]!) || P.connectives.has(low[i]!)))) {
          i++;
          continue;
        }
        // a title opens the run: "Oost-Europadeskundige Bob Deen" names Bob Deen, a person
        const title = roleOfWord(this.V, low[i]!);
        if (title?.who === "person" && i + 1 < s.tokenEnd && (this.V.cap[i + 1] === 1) && !this.V.punct[i + 1]) {
          personAt.add(i + 1);
          i++;
        }
        let j = i + 1;
        while (j < s.tokenEnd) {
          if ((this.V.cap[j] === 1) && !this.V.punct[j]) j++;
          else if (P.nameConn.has(low[j]!) && j + 1 < s.tokenEnd && (this.V.cap[j + 1] === 1)) j += 2;
          else break;
        }
        const text = doc.text.slice(doc.tokens[i]!.start, doc.tokens[j - 1]!.end);
        const before = i > s.tokenStart ? low[i - 1]! : "";
        const r = before ? roleOfWord(this.V, before) : undefined;
        const headRole = roleOfWord(this.V, low[i]!);
        let plain = true; // "Han Bouwmeester", not "Legioen Vrijheid voor Rusland"
        for (let k = i; k < j; k++) if (!(this.V.cap[k] === 1)) plain = false;
        const who: Who = r?.who === "person" || personAt.has(i) ? "person" : headRole?.who === "group" ? "group" : plain && j - i >= 2 && j - i <= 3 && !headRole ? "person" : "unknown";
        this.names.push({ at: doc.tokens[i]!.start, name: text, kind: r?.kind ?? headRole?.kind ?? "other", who });
        i = j;
      }
    }
  }

  resolve(rs: RawSource): Source {
    const { doc } = this.V;
    const p = rs.parsed;
    const at = rs.span.start;
    let out: Source;
    const mention = mentionAt(doc, p.nameSpan);
    if (p.pronoun) {
      // entity recognition's own coreference, when it resolved this pronoun
      const viaMention = mention?.entity && mention.via === "pronoun" ? this.entity(mention.entity) : undefined;
      const ante = viaMention ? undefined : this.antecedent(at, p.pronoun);
      if (viaMention) out = { name: viaMention.name, entity: viaMention.id, kind: kindOfEntity(viaMention.type), span: rs.span };
      else if (ante) out = sourceRecord(ante.name, ante.entity, ante.kind, rs.span, ante.role);
      else out = { name: p.name, kind: p.kind, span: rs.span };
    } else {
      let name = p.name;
      let entity = mention?.entity;
      let kind = p.kind;
      let who = p.who;
      // "Washington en Moskou": a source that names several entities is all of them, none alone; of one kind
      // when they are all of it
      const several = this.joined(p.name) ? this.several(p.nameSpan) : null;
      if (several) {
        entity = undefined;
        if (kind === "other" && several.every((x) => kindOfEntity(x.type) === kindOfEntity(several[0]!.type))) kind = kindOfEntity(several[0]!.type);
      }
      const e = this.entity(entity);
      if (e) {
        if (kind === "other") kind = kindOfEntity(e.type);
        if (e.type === "person") who = "person";
        const ew = words(e.name);
        const nw = words(name);
        if (ew.length > nw.length && ew.includes(nw.at(-1)!)) name = e.name;
      } else if (p.description) {
        // "het legioen", "the group": the latest name or source with that head word
        const d = p.description;
        const ante =
          this.latest(at, (c) => {
            const w = candWords(c);
            return w.length > 1 && w[w.length - 1] === d;
          }) ??
          this.latest(at, (c) => endsWord(candWords(c), d)) ??
          // "de president" after "de Oekraïense president Volodymyr Zelensky"
          this.latest(at, (c) => !!c.title && titleWords(c).includes(d));
        // only a name stands in for a description: "the official" after "an official familiar with the
        // matter" is still the official, not the words that described him
        if (ante && capitalisedWords(ante.name, this.V.P.nameConn)) {
          name = ante.name;
          if (ante.entity) entity = ante.entity;
          if (ante.who !== "unknown") who = ante.who;
        }
      } else if (!/\s/u.test(name) && !p.honorific) {
        // a short name: the fuller name it ends, before or after ("Deen" → "Bob Deen")
        const w = name.toLowerCase();
        const full = this.fuller(w);
        if (full) {
          name = full.name;
          if (full.entity) entity = full.entity;
          if (full.who === "person") who = "person";
          if (kind === "other") kind = full.kind;
        }
      }
      out = sourceRecord(name, entity, kind, rs.span, p.role);
      this.sources.push(candidate(at, name, entity, kind, who, p.role));
      return out;
    }
    return out;
  }

  /** The name joins several with "and" or a comma ("Washington en Moskou"), not one name's parts ("Mr. Burr"). */
  private joined(name: string): boolean {
    const ws = name.toLowerCase().split(/\s+/u);
    return ws.some((w) => this.V.P.additive.has(w)) || name.includes(", ");
  }

  /** The entities a source's name holds when it holds more than one (names joined by "and"). */
  private several(span: Span): Entity[] | null {
    const ids = new Set<string>();
    for (const m of mentionsIn(this.V.doc, span)) if (m.entity && m.via !== "pronoun" && m.start >= span.start && m.end <= span.end) ids.add(m.entity);
    if (ids.size < 2) return null;
    const out: Entity[] = [];
    for (const id of ids) {
      const e = this.entity(id);
      if (e) out.push(e);
    }
    return out.length > 1 ? out : null;
  }

  private readonly clauses: Clause[] = [];
  private readonly subjectOf = new Map<Clause, Candidate | null>();
  /** Remembers a clause whose subject a later "it"/"hij" may point at; the subject is read when one does. */
  noteSubject(c: Clause): void {
    this.clauses.push(c);
  }

  /** The subject that opens a clause ("The prosecutor's office did not …"), read once. */
  private subject(c: Clause): Candidate | null {
    let hit = this.subjectOf.get(c);
    if (hit === undefined) this.subjectOf.set(c, (hit = this.readSubject(c)));
    return hit;
  }

  private readSubject(c: Clause): Candidate | null {
    const { V } = this;
    let i = c.t0;
    while (i < c.t1 && i < c.t0 + 3 && (V.punct[i] || V.P.connectives.has(V.low[i]!) || V.P.coordinators.has(V.low[i]!))) i++;
    const span = npForward(V, i, c.t1);
    if (!span) return null;
    const raw = sourceAt(V, span);
    if (!raw || raw.parsed.pronoun || raw.parsed.document) return null;
    const p = raw.parsed;
    const m = mentionAt(V.doc, p.nameSpan);
    const e = this.entity(m?.entity);
    const type = e?.type ?? m?.type;
    const who: Who = type === "person" ? "person" : type && type !== "other" && type !== "facility" ? "group" : p.who;
    if (who === "unknown") return null;
    const name = e?.name ?? p.name;
    return candidate(raw.span.start, name, e?.id, p.kind === "other" && type ? kindOfEntity(type) : p.kind, who);
  }

  /** The latest clause subject before `at` (and after `floor`) that `ok` accepts. */
  private latestSubject(at: number, ok: (c: Candidate) => boolean, floor: number): Candidate | undefined {
    const toks = this.V.doc.tokens;
    for (let k = this.clauses.length - 1, seen = 0; k >= 0 && seen < 12; k--, seen++) {
      const c = this.clauses[k]!;
      const start = toks[c.t0]!.start;
      if (start >= at) continue;
      if (start < floor) break;
      const s = this.subject(c);
      if (s && s.at < at && ok(s)) return s;
    }
    return undefined;
  }

  private antecedent(at: number, pron: "person" | "group" | "any"): Candidate | undefined {
    const ok = (c: Candidate) => !c.quoted && (pron === "any" ? c.who !== "unknown" : c.who === pron);
    const { doc } = this.V;
    const s = doc.sentenceAt(at);
    const floor = s >= 0 ? doc.sentences[Math.max(0, s - 6)]!.start : 0;
    // speakers and clause subjects first: a later mention in an object or an adjunct is less likely meant
    const sp = this.latest(at, ok, floor, this.sources);
    const su = this.latestSubject(at, ok, floor);
    const a = !sp ? su : !su ? sp : su.at > sp.at ? su : sp;
    const b = this.latest(at, ok, floor, this.names);
    if (!a) return b;
    if (!b) return a;
    // a speaker named just before outranks a mere mention when both stand in the same sentence
    return b.at > a.at && doc.sentenceAt(b.at) !== doc.sentenceAt(a.at) ? b : a;
  }

  private latest(at: number, ok: (c: Candidate) => boolean, floor = -1, list?: Candidate[]): Candidate | undefined {
    const lists = list ? [list] : [this.sources, this.names];
    let best: Candidate | undefined;
    for (const l of lists) {
      // candidates are in text order: start from the last one before `at`
      let lo = 0;
      let hi = l.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (l[mid]!.at < at) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo - 1, seen = 0; k >= 0 && seen < 200; k--, seen++) {
        const c = l[k]!;
        if (c.at < floor) break;
        if (ok(c)) {
          if (!best || c.at > best.at) best = c;
          break;
        }
      }
    }
    return best;
  }

  private byLast: Map<string, Candidate> | null = null;
  private readonly srcByLast = new Map<string, Candidate>();
  private sourcesSeen = 0;
  private fuller(last: string): Candidate | undefined {
    // only people go by their surname alone: "Rusland" is no short form of "Legioen Vrijheid voor Rusland"
    // a personal name: capitalised words only ("Bob Deen"), not a role phrase ("governor of Kherson")
    const full = (c: Candidate) => c.who === "person" && candWords(c).length >= 2 && candWords(c).length <= 4 && capitalisedWords(c.name, this.V.P.nameConn);
    for (let k = this.sourcesSeen; k < this.sources.length; k++) {
      const c = this.sources[k]!;
      if (full(c) && !this.srcByLast.has(candWords(c).at(-1)!)) this.srcByLast.set(candWords(c).at(-1)!, c);
    }
    this.sourcesSeen = this.sources.length;
    const fromSources = this.srcByLast.get(last);
    if (fromSources) return fromSources;
    if (!this.byLast) {
      this.byLast = new Map();
      for (const c of this.names) if (full(c) && !this.byLast.has(candWords(c).at(-1)!)) this.byLast.set(candWords(c).at(-1)!, c);
    }
    return this.byLast.get(last);
  }
}

const candWords = (c: Candidate) => (c.words ??= words(c.name));
// held by the candidate: a description is compared with up to 200 candidates' titles, each a memo look-up
const titleWords = (c: Candidate) => (c.titleWords ??= words(c.title!));
/** A word that is `d` or ends in it (a loop: a closure per candidate was most of what the look-back allocated). */
function endsWord(ws: readonly string[], d: string): boolean {
  for (const w of ws) if (w === d || w.endsWith(d)) return true;
  return false;
}

/**
 * Every word of a name begins with a capital ("Bob Deen", not "governor of Kherson"), but for a particle
 * between capitalised words ("Filip van België", "Jaap de Vries").
 */
function capitalisedWords(name: string, particles?: ReadonlySet<string>): boolean {
  const ws = name.split(" ").filter((w) => w);
  if (!ws.length) return true;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (isCap(w[0]!)) continue;
    if (i === 0 || i === ws.length - 1 || !particles?.has(w)) return false;
  }
  return true;
}

const wordCache = new Map<string, string[]>();
function words(s: string): string[] {
  const hit = wordCache.get(s);
  if (hit) return hit;
  if (wordCache.size > 50000) wordCache.clear();
  // keyed and split on a copy of its own: a claim's words are a slice of its report's text, which the
  // memo would otherwise keep whole for as long as it keeps the words. Slicing a concatenation makes V8
  // flatten it into a new string first, so the copy's parent is those few characters, not the report
  // (what the JSON round trip it replaces did, at a fraction of the cost)
  const own = (" " + s).slice(1);
  const w = wordsOf(own);
  wordCache.set(own, w);
  return w;
}
function wordsOf(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
}

function roleOfWord(V: View, low: string) {
  const r = V.P.roleExact.get(low);
  if (r) return r;
  for (const x of V.P.roleSuffix) if (low.endsWith(x.word)) return x;
  return undefined;
}

function kindOfEntity(type: string): Source["kind"] {
  return type === "location" || type === "group" ? "party" : "other";
}

/** The mention that overlaps a span most (entity recognition's output, when it ran). */
function mentionAt(doc: Doc, span: Span) {
  let best: (typeof doc.mentions)[number] | undefined;
  let bestOv = 0;
  const ms = sortedMentions(doc);
  for (let k = mentionsFrom(ms, span); k < ms.length && ms[k]!.start < span.end; k++) {
    const m = ms[k]!;
    if (m.end <= span.start) continue;
    const ov = Math.min(m.end, span.end) - Math.max(m.start, span.start);
    if (ov > bestOv) (best = m), (bestOv = ov);
  }
  return best;
}
