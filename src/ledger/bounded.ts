// Lexicon patterns that match whole words only: `(?<![\p{L}\p{N}])(?:…)(?![\p{L}\p{N}])`. V8 compiles each
// Unicode letter class into a search over some 800 ranges, which makes such an expression cost about half a
// millisecond to compile, however short the pattern: the ledger's lexicons compiled dozens of them when a
// process first read a claim, a third of a small `sitrep extract`. The same pattern without the word
// boundaries compiles forty times faster, and every whole-word match is one of its matches, so it is asked
// first: the bounded expression is compiled, and run, only for text in which the bare pattern occurs.

const B0 = String.raw`(?<![\p{L}\p{N}])`;
const B1 = String.raw`(?![\p{L}\p{N}])`;

/**
 * Whether a pattern opens with an unbounded run of a class (`[\p{L}]+'s account`, `(?:\S+\s+){0,3}…`), maybe
 * inside opening groups. Searched for without a boundary, such a pattern is tried from every character of a
 * long word and runs to the word's end each time: quadratic in the word (a 100,000-letter word took 11 s).
 */
const OPENS_WITH_RUN = /^(?:\(\?:)*(?:\[(?:\\.|[^\]\\])*\]|\\[pP]\{[^}]*\}|\\[a-zA-Z]|\.)(?:[+*]|\{\d+,\})/u;

/** A pattern for the bare expression: one that opens with a run is tried only where a word starts. */
const bare = (p: string): string => (OPENS_WITH_RUN.test(p) ? `${B0}(?:${p})` : p);

export class Bounded {
  /** The patterns without the boundaries: no match here, no whole-word match. */
  private readonly bare: RegExp;
  private whole: RegExp | undefined;

  constructor(
    private readonly patterns: readonly string[],
    private readonly flags: string,
  ) {
    this.bare = new RegExp(patterns.map(bare).join("|"), flags.replace(/[gy]/g, ""));
  }

  /** Whether the text may hold a whole-word match (false: it surely holds none). */
  maybe(text: string): boolean {
    return this.bare.test(text);
  }

  /** The whole-word expression, with the flags given; compiled on first use. */
  get re(): RegExp {
    return (this.whole ??= new RegExp(`${B0}(?:${this.patterns.join("|")})${B1}`, this.flags));
  }

  /** The first whole-word match (from the start of the text), or null. */
  exec(text: string): RegExpExecArray | null {
    if (!this.maybe(text)) return null;
    const re = this.re;
    re.lastIndex = 0;
    const m = re.exec(text);
    re.lastIndex = 0;
    return m;
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }

  /** Every whole-word match, left to right (the flags must include g). */
  all(text: string): RegExpExecArray[] {
    if (!this.maybe(text)) return [];
    const re = this.re;
    re.lastIndex = 0;
    return [...text.matchAll(re)];
  }
}

/** The patterns as one whole-word expression; null when there are none. */
export function bounded(patterns: readonly string[], flags: string): Bounded | null {
  return patterns.length ? new Bounded(patterns, flags) : null;
}
