// Cue patterns compiled to token matchers. A pattern is a short sequence of steps; matching tries each
// clause position once per pattern that can start there, and a gap step looks at most GAP tokens ahead,
// so the cost is linear in the clause length (times a small constant) whatever the input.
import type { CuePattern } from "./lexicon.js";

const GAP = 6;
const HAS_LETTER = /\p{L}/u;

interface WordStep {
  gap: false;
  /** Lower-case words matched case-insensitively. */
  words: Set<string>;
  /** Words matched exactly (case-sensitive). */
  exact: Set<string>;
  suffixes: string[];
}
interface GapStep {
  gap: true;
}
type Step = WordStep | GapStep;

export interface CompiledCue {
  cue: CuePattern;
  order: number;
  steps: Step[];
  final: boolean;
  hasGap: boolean;
  notAfter: Set<string>;
  unless: Set<string>;
  unlessBefore: Set<string>;
  notRightAfter: Set<string>;
  unlessFinal: Set<string>;
  unlessNext: Set<string>;
  unlessObject: Set<string>;
  requireBefore: Set<string>;
}

export interface CueMatch {
  cue: CompiledCue;
  /** Token indices [start, end) into Doc.tokens. */
  start: number;
  end: number;
  /** Token index where the first gap begins, or -1. */
  gapStart: number;
  gapEnd: number;
}

export interface CueIndex {
  byFirst: Map<string, CompiledCue[]>;
  /** Patterns whose first step is a suffix or exact-case word: tried everywhere. */
  loose: CompiledCue[];
}

function compileStep(s: string): Step {
  if (s === "…" || s === "...") return { gap: true };
  const words = new Set<string>();
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const alt of s.split("|")) {
    if (alt.startsWith("*")) suffixes.push(alt.slice(1).toLowerCase());
    else if (alt.startsWith("=")) exact.add(alt.slice(1));
    else words.add(alt.toLowerCase());
  }
  return { gap: false, words, exact, suffixes };
}

export function compileCues(cues: readonly CuePattern[]): CueIndex {
  const byFirst = new Map<string, CompiledCue[]>();
  const loose: CompiledCue[] = [];
  cues.forEach((cue, order) => {
    let p = cue.pattern.trim();
    const final = p.endsWith("$");
    if (final) p = p.slice(0, -1).trim();
    const steps = p.split(/\s+/).map(compileStep);
    const c: CompiledCue = {
      cue,
      order,
      steps,
      final,
      hasGap: steps.some((s) => s.gap),
      notAfter: new Set(cue.notAfter ?? []),
      unless: new Set(cue.unless ?? []),
      unlessBefore: new Set(cue.unlessBefore ?? []),
      notRightAfter: new Set(cue.notRightAfter ?? []),
      unlessFinal: new Set(cue.unlessFinal ?? []),
      unlessNext: new Set(cue.unlessNext ?? []),
      unlessObject: new Set(cue.unlessObject ?? []),
      requireBefore: new Set(cue.requireBefore ?? []),
    };
    const first = steps[0]!;
    if (first.gap) throw new Error(`cue pattern starts with a gap: ${cue.pattern}`);
    for (const w of [...first.words, ...[...first.exact].map((x) => x.toLowerCase())]) {
      const list = byFirst.get(w);
      if (list) {
        if (!list.includes(c)) list.push(c);
      } else byFirst.set(w, [c]);
    }
    if (first.suffixes.length) loose.push(c);
  });
  return { byFirst, loose };
}

function stepHit(step: WordStep, low: string, raw: string): boolean {
  if (step.words.has(low)) return true;
  if (step.exact.size && step.exact.has(raw)) return true;
  if (step.suffixes.length) for (const s of step.suffixes) if (low.length >= s.length && low.endsWith(s)) return true;
  return false;
}

/**
 * All cue matches inside tokens [from, to). `low` holds the lower-cased token texts, `raw` the originals,
 * `boundary(i)` says whether token i may follow a clause-final particle (punctuation, complementiser).
 */
export function matchCues(
  index: CueIndex,
  low: readonly string[],
  raw: readonly string[],
  from: number,
  to: number,
  boundary: (i: number) => boolean,
  isName?: (i: number) => boolean,
): CueMatch[] {
  // most clauses match no cue: they share one empty list, which no caller changes
  let out: CueMatch[] | null = null;
  const st = SCRATCH;
  st.low = low;
  st.from = from;
  st.to = to;
  st.firstAt = null;
  st.lastWord = -2;
  const loose = index.loose;
  for (let i = from; i < to; i++) {
    const w = low[i]!;
    const cands = index.byFirst.get(w);
    // a loose cue is tried only where its first step takes the word (what matchAt would test first), so most
    // tokens try none, and only then is it asked whether the word's own cues already hold it
    let nl = 0;
    for (const c of loose) if (stepHit(c.steps[0] as WordStep, w, raw[i]!) && !cands?.includes(c)) LOOSE[nl++] = c;
    if (!cands && !nl) continue;
    if (isName?.(i)) continue;
    out ??= [];
    if (cands) for (const c of cands) tryCue(c, st, raw, i, boundary, out);
    for (let k = 0; k < nl; k++) tryCue(LOOSE[k]!, st, raw, i, boundary, out);
  }
  st.low = NO_WORDS; // the scratch keeps no document's words alive
  st.firstAt = null;
  return out && out.length ? out : NO_MATCHES;
}

const NO_MATCHES: CueMatch[] = [];
/** The loose cues to try at a token: written by index, never truncated (they are the lexicon's, kept anyway). */
const LOOSE: CompiledCue[] = [];
const NO_WORDS: readonly string[] = [];
/** The state of the clause being matched: one object for every clause (matching never nests). */
const SCRATCH: ClauseState = { low: NO_WORDS, from: 0, to: 0, firstAt: null, lastWord: -2 };

/** What a clause's cue conditions look up, computed once per clause when first asked. */
interface ClauseState {
  low: readonly string[];
  from: number;
  to: number;
  /** Where each word first stands in the clause: "unless" and "unlessBefore" are look-ups, not scans. */
  firstAt: Map<string, number> | null;
  /** The clause's last token with a letter (its final particle), -2 until asked. */
  lastWord: number;
}

function firstAt(st: ClauseState, w: string): number {
  if (!st.firstAt) {
    st.firstAt = new Map();
    for (let k = st.from; k < st.to; k++) if (!st.firstAt.has(st.low[k]!)) st.firstAt.set(st.low[k]!, k);
  }
  return st.firstAt.get(w) ?? -1;
}

function finalWord(st: ClauseState): number {
  if (st.lastWord === -2) {
    let f = st.to - 1;
    while (f >= st.from && !HAS_LETTER.test(st.low[f]!)) f--;
    st.lastWord = f;
  }
  return st.lastWord;
}

function tryCue(c: CompiledCue, st: ClauseState, raw: readonly string[], i: number, boundary: (i: number) => boolean, out: CueMatch[]): void {
  const { low, from, to } = st;
  const m = matchAt(c, low, raw, i, to, boundary);
  if (!m) return;
  if (c.notAfter.size) {
    for (let k = Math.max(from, i - 3); k < i; k++) if (c.notAfter.has(low[k]!)) return;
  }
  if (c.requireBefore.size) {
    let found = -1;
    for (let k = Math.max(from, i - 6); k < i; k++) if (c.requireBefore.has(low[k]!)) found = k;
    if (found < 0) return;
    // the cue's span runs from that word ("niet officieel bevestigd"), as a pattern with a gap would
    m.start = found;
  }
  if (c.unless.size) for (const x of c.unless) if (firstAt(st, x) >= 0) return;
  if (i > from && c.notRightAfter.has(low[i - 1]!)) return;
  if (c.unlessNext.size && m.end < to && c.unlessNext.has(low[m.end]!)) return;
  if (c.unlessFinal.size) {
    const f = finalWord(st);
    if (f >= m.end && c.unlessFinal.has(low[f]!)) return;
  }
  if (c.unlessBefore.size) {
    for (const x of c.unlessBefore) {
      const at = firstAt(st, x);
      if (at >= 0 && at < i) return;
    }
  }
  if (c.unlessObject.size) {
    // "zei in zijn toespraak niets": nothing said, up to the clause's content
    for (let k = m.end; k < to && k < m.end + 4 && !boundary(k); k++) if (c.unlessObject.has(low[k]!)) return;
  }
  out.push(m);
}

function matchAt(
  c: CompiledCue,
  low: readonly string[],
  raw: readonly string[],
  at: number,
  to: number,
  boundary: (i: number) => boolean,
): CueMatch | null {
  let i = at;
  let gapStart = -1;
  let gapEnd = -1;
  for (let s = 0; s < c.steps.length; s++) {
    const step = c.steps[s]!;
    if (step.gap) {
      // the shortest gap after which the rest matches; the rest holds no further gap in practice
      const next = c.steps[s + 1] as WordStep | undefined;
      if (!next) return null;
      let found = -1;
      for (let k = i; k < to && k <= i + GAP; k++) {
        if (stepHit(next, low[k]!, raw[k]!)) {
          const rest = matchRest(c, s + 1, low, raw, k, to);
          if (rest >= 0 && (!c.final || rest >= to || boundary(rest))) {
            found = k;
            break;
          }
        }
      }
      if (found < 0) return null;
      if (gapStart < 0) (gapStart = i), (gapEnd = found);
      const end = matchRest(c, s + 1, low, raw, found, to);
      return { cue: c, start: at, end, gapStart, gapEnd };
    }
    if (i >= to || !stepHit(step, low[i]!, raw[i]!)) return null;
    i++;
  }
  if (c.final && i < to && !boundary(i)) return null;
  return { cue: c, start: at, end: i, gapStart, gapEnd };
}

/** Matches steps from `s` on at token `i` without gaps; returns the end token or -1. */
function matchRest(c: CompiledCue, s: number, low: readonly string[], raw: readonly string[], i: number, to: number): number {
  for (let k = s; k < c.steps.length; k++) {
    const step = c.steps[k]!;
    if (step.gap) return -1;
    if (i >= to || !stepHit(step, low[i]!, raw[i]!)) return -1;
    i++;
  }
  return i;
}
