import type { DocMeta, Lang } from "../model/doc.js";

/** A report as read from its container, before language and publication time are settled. */
export interface RawReport {
  text: string;
  title?: string;
  source?: string;
  url?: string;
  /** ISO 8601 (with offset when the container gives one), exactly as the container wrote it when valid. */
  published?: string;
  publishedFrom?: DocMeta["publishedFrom"];
  language?: Lang;
  languageFrom?: DocMeta["languageFrom"];
  /** A language the container states that sitrep has no lexicons for (ISO 639 code: de, fr …). */
  otherLanguage?: string;
  /**
   * The language of the collection this report came from (a feed, a channel), detected over all its
   * items: used when this report's own text is too short to detect.
   */
  languageHint?: Lang;
  /** Standfirst / description from the page or feed, when there is one (not part of `text`). */
  description?: string;
  origin: string;
  /** Which item of a multi-report file this is: "line 3" (jsonl), a guid or link (feeds), "message 812" (Telegram). */
  item?: string;
  format: NonNullable<DocMeta["format"]>;
  /** The file's modification time: the last fallback for the publication time. */
  mtime?: Date;
}

export interface ReadOptions {
  /** --published: the publication time for reports that do not state one. */
  published?: string;
  /** --lang: overrides detection (not front matter or metadata). */
  lang?: Lang;
}

export interface ReadReportsOptions {
  /**
   * Called for each bad item (a jsonl line, a feed item) of a file whose other items are fine. Without a
   * handler the message goes to stderr as one `sitrep: …` line, so nothing is dropped silently.
   */
  onItemError?: (error: IngestError) => void;
}

/** What one file yielded: the usable reports and, for multi-report files, the items that were not usable. */
export interface ReadResult {
  reports: RawReport[];
  errors: IngestError[];
}

/** Bad input: names the file (and the item, for multi-report files) and says why, in one line. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** "line 3", "item 2", "message 812" … for one bad item of a multi-report file. */
    readonly item?: string,
  ) {
    super(`${file}${where(item)}: ${oneLine(reason)}`);
    this.name = "IngestError";
  }
}

/** "file.jsonl:3: …" for a line, "result.json: message 812: …" for other items. */
function where(item: string | undefined): string {
  if (!item) return "";
  return /^line \d+$/.test(item) ? `:${item.slice(5)}` : `: ${item}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** Largest file holding one report (.txt, .md, .html): far above any real article, small enough to read at once. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
/** Largest file holding many reports (.jsonl, RSS/Atom, Telegram export). */
export const MAX_COLLECTION_BYTES = 64 * 1024 * 1024;
