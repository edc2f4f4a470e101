import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { Doc, type Lang } from "../model/doc.js";
import { splitFrontMatter } from "./frontmatter.js";
import { IngestError, type RawReport, type ReadOptions } from "./types.js";
import { detectLanguage } from "./language.js";

export { IngestError } from "./types.js";
export type { RawReport, ReadOptions } from "./types.js";

/** Reads one file into the reports it holds. Throws IngestError for bad input. */
export function readReports(path: string): RawReport[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new IngestError(path, "no such file");
  }
  if (st.isDirectory()) throw new IngestError(path, "is a directory, not a report file");
  const bytes = readFileSync(path);
  const text = bytes.toString("utf8");
  const ext = extname(path).toLowerCase();
  void ext;
  let fm;
  try {
    fm = splitFrontMatter(text);
  } catch (e) {
    throw new IngestError(path, (e as Error).message);
  }
  const f = fm.fields;
  const lang = f.language === "nl" || f.language === "en" ? (f.language as Lang) : undefined;
  return [
    {
      text: fm.body,
      title: f.title,
      source: f.source,
      url: f.url,
      published: f.published,
      publishedFrom: f.published ? "front-matter" : undefined,
      language: lang,
      origin: path,
      format: "text",
      mtime: st.mtime,
    },
  ];
}

/** Normalises the body and settles language and publication time, recording where each came from. */
export function toDoc(raw: RawReport, id: string, opts: ReadOptions = {}): Doc {
  const text = raw.text.replace(/\r\n?/g, "\n").replace(/^\s+/, "").replace(/\s+$/, "") + "\n";
  let published = raw.published;
  let publishedFrom = raw.publishedFrom ?? "front-matter";
  if (!published && opts.published) {
    published = opts.published;
    publishedFrom = "flag";
  }
  if (!published) {
    published = (raw.mtime ?? new Date(0)).toISOString();
    publishedFrom = "file-mtime";
  }
  let language: Lang;
  let languageFrom: Doc["meta"]["languageFrom"];
  if (raw.language) {
    language = raw.language;
    languageFrom = raw.format === "text" ? "front-matter" : "metadata";
  } else if (opts.lang) {
    language = opts.lang;
    languageFrom = "flag";
  } else {
    const d = detectLanguage(text);
    language = d.lang;
    languageFrom = d.from;
  }
  return new Doc(text, {
    id,
    title: raw.title,
    source: raw.source,
    url: raw.url,
    published,
    publishedFrom,
    language,
    languageFrom,
    origin: raw.origin,
    format: raw.format,
  });
}
