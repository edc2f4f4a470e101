import type { DocMeta, Lang } from "../model/doc.js";

/** A report as read from its container, before language and publication time are settled. */
export interface RawReport {
  text: string;
  title?: string;
  source?: string;
  url?: string;
  /** ISO 8601 with offset, when the container says. */
  published?: string;
  publishedFrom?: DocMeta["publishedFrom"];
  language?: Lang;
  origin: string;
  format: NonNullable<DocMeta["format"]>;
  /** The file's modification time: the last fallback for the publication time. */
  mtime?: Date;
}

export interface ReadOptions {
  /** --published: the publication time for reports that do not state one. */
  published?: string;
  /** --lang: overrides detection (not front matter). */
  lang?: Lang;
}

/** Bad input: names the file and says why, in one line. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "IngestError";
  }
}
