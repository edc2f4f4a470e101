// The document model: one report body and the annotations every stage adds to it.
// All offsets are UTF-16 code-unit offsets into `Doc.text` (JavaScript string indices), end-exclusive,
// so a span's text is always `doc.text.slice(start, end)`.

export type Lang = "nl" | "en";
export const LANGS: readonly Lang[] = ["nl", "en"];

export interface Span {
  start: number;
  end: number;
}

/**
 * Where `published` came from. "file-mtime" means the report stated no time and none was given: the
 * file's modification time stands in for the export, but it is no anchor for "Wednesday" or "yesterday"
 * (the times stage leaves such expressions unresolved for these reports).
 */
export type PublishedFrom = "front-matter" | "metadata" | "flag" | "file-mtime" | "feed";
export type LanguageFrom = "front-matter" | "metadata" | "flag" | "detected" | "fallback";

export interface DocMeta {
  /** Stable id within one run/export (d1, d2 …). */
  id: string;
  title?: string;
  source?: string;
  url?: string;
  /** ISO 8601 with offset. */
  published: string;
  publishedFrom: PublishedFrom;
  language: Lang;
  languageFrom: LanguageFrom;
  /**
   * Set when the report is written in a language sitrep has no lexicons for (ISO 639-1: "de", "fr" …):
   * it is stored and listed with this code, segmented with `language`'s rules only, and no claims,
   * statuses, entities, times or figures are read from it (src/pipeline/index.ts skips those stages).
   */
  otherLanguage?: string;
  /** Where the report came from (file path or URL) and in what format. */
  origin?: string;
  /** Which item of a multi-report file this is: "line 3" (jsonl), a feed item's link, "message 812" (Telegram). */
  item?: string;
  format?: "text" | "html" | "jsonl" | "rss" | "atom" | "telegram";
}

export type TokenKind = "word" | "number" | "punct" | "quote" | "symbol";

export interface Token extends Span {
  text: string;
  kind: TokenKind;
}

/** A stretch of quoted speech between an opening and a closing mark; it may run over several sentences. */
export interface Quote extends Span {
  open: string;
  close: string;
  /** Inner span, marks excluded. */
  inner: Span;
}

export interface Sentence extends Span {
  index: number;
  /** Token index range [tokenStart, tokenEnd) into `Doc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
  /** A line on its own without final punctuation, or a line ending in "?" standing alone. */
  heading: boolean;
  question: boolean;
  /** Index into `Doc.quotes` of a quote that covers this sentence wholly or in part. */
  quotes: number[];
}

export type EntityType = "person" | "organization" | "group" | "location" | "facility" | "other";

export interface Mention extends Span {
  text: string;
  type: EntityType;
  /** Id of the entity this mention belongs to (set by alias merging). */
  entity?: string;
  /** Title or role seen before the name ("kolonel", "gouverneur van Belgorod", "spokesman"). */
  role?: string;
  /** How the mention was found: name, acronym, pronoun, description (het legioen) … */
  via?: "name" | "acronym" | "description" | "pronoun" | "metonym";
}

export interface Geo {
  lat: number;
  lon: number;
  country: string;
  geonameId: number;
  /** Admin-1 code or name, when known. */
  admin1?: string;
  population?: number;
  /** A venue or square the gazetteer does not hold: the coordinates are those of the town it lies in. */
  within?: { name: string; geonameId: number };
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Language-independent key for merging across reports and languages. */
  key: string;
  /** Indices into `Doc.mentions`. */
  mentions: number[];
  geo?: Geo;
  /** A place that also acts as its government when it speaks (Kyiv bevestigt, het Kremlin). */
  metonymGovernment?: boolean;
}

export type ClaimStatus = "established" | "claimed" | "confirmed" | "denied" | "probable" | "possible" | "unknown";
export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  "established",
  "claimed",
  "confirmed",
  "denied",
  "probable",
  "possible",
  "unknown",
];

export type SourceKind = "party" | "official" | "expert" | "media" | "unnamed" | "other";

export interface Source {
  name: string;
  entity?: string;
  kind: SourceKind;
  /** The span that names the source in this document, when it is named here. */
  span?: Span;
  role?: string;
}

export interface Cue extends Span {
  text: string;
}

export interface Claim extends Span {
  id: string;
  sentence: number;
  text: string;
  status: ClaimStatus;
  source: Source | null;
  cue: Cue | null;
  quote: boolean;
  entities: string[];
}

export interface Unknown extends Span {
  id: string;
  text: string;
  claim?: string;
}

export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

export interface Timex extends Span {
  text: string;
  value: string;
  type: TimexType;
  mod?: string;
  /** The value hangs on a moment the report does not state (only a file's time was known): left open. */
  unresolved?: boolean;
}

export type CountKind = "killed" | "wounded" | "arrested" | "missing" | "personnel" | "vehicles" | "other";
export type Approx = "exact" | "min" | "max" | "about";

export interface Count extends Span {
  text: string;
  kind: CountKind;
  value: number;
  approx: Approx;
  claim?: string;
}

export interface DocEvent {
  id: string;
  type: string;
  claims: string[];
  actors: string[];
  locations: string[];
  time?: string;
  /** Indices into `Doc.counts` of the figures the event's claims give. */
  counts?: number[];
  /** The word that typed the event ("aanval", "shelling"), when a word did. */
  trigger?: Cue;
}

export interface Contradiction {
  claims: [string, string];
  reason: string;
}

export class Doc {
  readonly text: string;
  readonly meta: DocMeta;
  paragraphs: Span[] = [];
  tokens: Token[] = [];
  sentences: Sentence[] = [];
  quotes: Quote[] = [];
  mentions: Mention[] = [];
  entities: Entity[] = [];
  claims: Claim[] = [];
  unknowns: Unknown[] = [];
  times: Timex[] = [];
  counts: Count[] = [];
  events: DocEvent[] = [];
  contradictions: Contradiction[] = [];

  constructor(text: string, meta: DocMeta) {
    this.text = text;
    this.meta = meta;
  }

  get lang(): Lang {
    return this.meta.language;
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** Tokens of a sentence. */
  sentenceTokens(s: Sentence): Token[] {
    return this.tokens.slice(s.tokenStart, s.tokenEnd);
  }

  /** Index of the sentence containing offset `at`, or -1 (binary search: sentences are sorted). */
  sentenceAt(at: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  entityById(id: string): Entity | undefined {
    return this.entities.find((e) => e.id === id);
  }
}
