// Reading report files of every supported kind into RawReports, and settling each report's language and
// publication time (recording where each came from) when it becomes a Doc.
import { extname } from "node:path";
import { Doc, type Lang } from "../model/doc.js";
import { decode, declaredCharset, readBytes, ReadFailure, statReport } from "./bytes.js";
import { isTelegramExport, readJsonl, readTelegram, reportObject, type Item } from "./collections.js";
import { languageCode, otherLanguageCode, validIso } from "./dates.js";
import { looksLikeFeed, readFeed } from "./feed.js";
import { FrontMatterError, splitFrontMatter } from "./frontmatter.js";
import { readHtml } from "./html.js";
import { detectLanguage } from "./language.js";
import { markdownToText } from "./markdown.js";
import {
  IngestError,
  MAX_COLLECTION_BYTES,
  MAX_REPORT_BYTES,
  type RawReport,
  type ReadOptions,
  type ReadReportsOptions,
  type ReadResult,
} from "./types.js";

export { IngestError, MAX_COLLECTION_BYTES, MAX_REPORT_BYTES } from "./types.js";
export type { RawReport, ReadOptions, ReadReportsOptions, ReadResult } from "./types.js";
export { detectLanguage } from "./language.js";

export type InputFormat = "text" | "markdown" | "html" | "feed" | "jsonl" | "json";

const BY_EXTENSION: Record<string, InputFormat> = {
  ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
  ".html": "html", ".htm": "html", ".xhtml": "html",
  ".xml": "feed", ".rss": "feed", ".atom": "feed",
  ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
};

/** Format from the extension, else from the first characters. */
function sniff(path: string, head: string): InputFormat {
  const byExt = BY_EXTENSION[extname(path).toLowerCase()];
  if (byExt) return byExt;
  const h = head.slice(0, 4096).trimStart();
  if (looksLikeFeed(h)) return "feed";
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(h)) return "html";
  if (h.startsWith("<?xml")) return "feed";
  if (h.startsWith("{")) {
    const nl = h.indexOf("\n");
    try {
      JSON.parse(nl < 0 ? h : h.slice(0, nl));
      return "jsonl";
    } catch {
      return "json";
    }
  }
  return "text";
}

function isCollection(f: InputFormat | undefined): boolean {
  return f === "feed" || f === "jsonl" || f === "json";
}

/**
 * Reads one file into the reports it holds, never throwing for a bad item of a multi-report file:
 * `errors` lists those items (file:line, message id), `reports` the usable ones. A file that cannot be
 * read at all (missing, binary, empty, too big, malformed) throws IngestError.
 */
export function readFileReports(path: string): ReadResult {
  try {
    return readAny(path);
  } catch (e) {
    if (e instanceof IngestError) throw e;
    if (e instanceof ReadFailure || e instanceof FrontMatterError) throw new IngestError(path, e.message);
    throw new IngestError(path, `could not be read: ${(e as Error)?.message ?? String(e)}`);
  }
}

/**
 * Reads one file into the reports it holds. Throws IngestError when the file yields no usable report.
 * When some items of a multi-report file are bad and others fine, the fine ones are returned and each
 * bad one goes to `opts.onItemError` (default: one `sitrep: file:line: reason` line on stderr).
 */
export function readReports(path: string, opts: ReadReportsOptions = {}): RawReport[] {
  const { reports, errors } = readFileReports(path);
  const report = opts.onItemError ?? ((e: IngestError) => process.stderr.write(`sitrep: ${e.message}\n`));
  if (!reports.length && errors.length) {
    if (errors.length === 1) throw errors[0]!;
    for (const e of errors) report(e);
    throw new IngestError(path, `no usable report: all ${errors.length} items are bad`);
  }
  for (const e of errors) report(e);
  return reports;
}

function readAny(path: string): ReadResult {
  const st = statReport(path);
  const byExt = BY_EXTENSION[extname(path).toLowerCase()];
  const limit = byExt && !isCollection(byExt) ? MAX_REPORT_BYTES : MAX_COLLECTION_BYTES;
  const bytes = readBytes(path, st, limit, limit === MAX_REPORT_BYTES ? "one report" : "a file of reports");
  if (bytes.length === 0) throw new ReadFailure("is empty");
  const format = byExt ?? sniff(path, bytes.subarray(0, 4096).toString("latin1"));
  if (!isCollection(format) && bytes.length > MAX_REPORT_BYTES) {
    throw new ReadFailure(`file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit for one report is ${MAX_REPORT_BYTES / 1048576} MB`);
  }
  const markup = format === "html" || format === "feed";
  const { text } = decode(bytes, markup ? declaredCharset(bytes) : undefined);
  if (!text.trim()) throw new ReadFailure("is empty (only white space)");
  const base = { origin: path, mtime: st.mtime };

  switch (format) {
    case "text":
    case "markdown":
      return { reports: [readText(text, format === "markdown", base)], errors: [] };
    case "html": {
      const h = readHtml(text);
      return {
        reports: [
          {
            ...base,
            format: "html",
            text: h.text,
            title: h.title,
            source: h.source,
            url: h.url,
            published: h.published,
            publishedFrom: h.published ? "metadata" : undefined,
            language: h.language,
            languageFrom: h.language ? "metadata" : undefined,
            otherLanguage: otherLanguageCode(h.languageCode),
            description: h.description,
          },
        ],
        errors: [],
      };
    }
    case "feed":
      return readFeedFile(path, text, base);
    case "jsonl":
      return collect(path, readJsonl(text), base, "jsonl");
    case "json":
      return readJsonFile(path, text, base);
  }
}

type Base = { origin: string; mtime: Date };

function readText(content: string, markdown: boolean, base: Base): RawReport {
  const fm = splitFrontMatter(content);
  const f = fm.fields;
  const body = markdown ? markdownToText(fm.body) : fm.body;
  if (!body.trim()) throw new ReadFailure(fm.lines ? "has front matter but no report text after it" : "is empty");
  const rawPublished = f.published ?? f.date;
  let published: string | undefined;
  if (rawPublished) {
    // A date a person wrote that is not a date is an error to fix, not something to guess around.
    published = validIso(rawPublished);
    if (!published) {
      throw new ReadFailure(
        `front matter "published" is not an ISO 8601 date or time (such as 2023-05-23T17:00:00+02:00): ${JSON.stringify(rawPublished.slice(0, 40))}`,
      );
    }
  }
  const rawLang = f.language ?? f.lang;
  let language: Lang | undefined;
  let otherLanguage: string | undefined;
  if (rawLang) {
    const l = languageCode(rawLang);
    otherLanguage = otherLanguageCode(rawLang);
    if (!l.lang && !otherLanguage) {
      throw new ReadFailure(`front matter "language" must be a language code such as nl, en or de, not ${JSON.stringify(rawLang.slice(0, 20))}`);
    }
    language = l.lang;
  }
  return {
    ...base,
    format: "text",
    text: body,
    title: f.title || undefined,
    source: f.source || undefined,
    url: f.url || undefined,
    published,
    publishedFrom: published ? "front-matter" : undefined,
    language,
    languageFrom: language ? "front-matter" : undefined,
    otherLanguage,
  };
}

/** Language of a whole feed/channel, for items too short to detect on their own. */
function collectionLanguage(items: readonly { text?: string }[]): { lang?: Lang; other?: string } {
  let sample = "";
  for (const it of items) {
    if (sample.length > 4000) break;
    if (it.text) sample += it.text.slice(0, 500) + "\n";
  }
  const d = sample ? detectLanguage(sample) : undefined;
  if (!d || d.from !== "detected") return {};
  return d.other ? { other: d.other } : { lang: d.lang };
}

function collect(path: string, items: Item[], base: Base, format: "jsonl" | "telegram", source?: string): ReadResult {
  const reports: RawReport[] = [];
  const errors: IngestError[] = [];
  let hint: { lang?: Lang; other?: string } = {};
  let hinted = false;
  for (const it of items) {
    if (it.error || !it.text) {
      errors.push(new IngestError(path, it.error ?? "has no text", it.id));
      continue;
    }
    if (!it.language && !hinted) {
      hint = collectionLanguage(items);
      hinted = true;
    }
    reports.push({
      ...base,
      format,
      item: it.id,
      text: it.text,
      title: it.title,
      source: it.source ?? source,
      url: it.url,
      published: it.published,
      publishedFrom: it.published ? (format === "telegram" ? "feed" : "metadata") : undefined,
      language: it.language,
      languageFrom: it.language ? "metadata" : undefined,
      otherLanguage: it.language ? undefined : it.otherLanguage ?? hint.other,
      languageHint: hint.lang,
    });
  }
  return { reports, errors };
}

function readJsonFile(path: string, text: string, base: Base): ReadResult {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    // JSON lines saved under .json: the first line is a whole object on its own.
    const first = text.slice(0, text.indexOf("\n") >>> 0).trim();
    if (first.startsWith("{") && text.trim().includes("\n")) {
      try {
        JSON.parse(first);
        return collect(path, readJsonl(text), base, "jsonl");
      } catch {
        // not JSON lines either
      }
    }
    throw new ReadFailure(`is not valid JSON (${(e as Error).message})`);
  }
  if (isTelegramExport(v)) {
    const chats = readTelegram(v as Record<string, unknown>);
    const out: ReadResult = { reports: [], errors: [] };
    for (const chat of chats) {
      const r = collect(path, chat.items, base, "telegram", chat.source);
      out.reports.push(...r.reports);
      out.errors.push(...r.errors);
    }
    if (!out.reports.length && !out.errors.length) throw new ReadFailure("Telegram export holds no messages with text");
    return out;
  }
  // A .json file with one report object, or an array of them (same keys as a jsonl line).
  if (Array.isArray(v)) return collect(path, v.map((x, i) => reportObject(x, `item ${i + 1}`)), base, "jsonl");
  if (v && typeof v === "object" && ("text" in v || "html" in v)) {
    const it = reportObject(v, "");
    if (it.error) throw new ReadFailure(it.error);
    return collect(path, [it], base, "jsonl");
  }
  throw new ReadFailure("is JSON but neither a Telegram export (no \"messages\") nor a report object with \"text\"");
}

function readFeedFile(path: string, text: string, base: Base): ReadResult {
  const feed = readFeed(text);
  if (!feed.items.length) throw new ReadFailure(`${feed.kind === "rss" ? "RSS" : "Atom"} feed has no items`);
  const coll = feed.language || feed.otherLanguage ? {} : collectionLanguage(feed.items);
  const hint = feed.language ?? coll.lang;
  const reports: RawReport[] = [];
  const errors: IngestError[] = [];
  for (const it of feed.items) {
    if (it.error || !it.text) {
      errors.push(new IngestError(path, it.error ?? "has no text", it.id));
      continue;
    }
    const language = it.language ?? (it.otherLanguage ? undefined : feed.language);
    reports.push({
      ...base,
      format: feed.kind,
      item: it.url ?? it.id,
      text: it.text,
      title: it.title,
      source: feed.source,
      url: it.url,
      published: it.published,
      publishedFrom: it.published ? "feed" : undefined,
      language,
      languageFrom: language ? "metadata" : undefined,
      otherLanguage: language ? undefined : it.otherLanguage ?? feed.otherLanguage ?? coll.other,
      languageHint: hint,
      description: it.description,
    });
  }
  return { reports, errors };
}

// C0 controls other than tab, newline and the separators below, DEL, and C1 controls other than U+0085:
// never meaningful in a report body.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// Vertical tab, form feed, NEXT LINE (U+0085), LINE and PARAGRAPH SEPARATOR (U+2028/9) separate lines as
// surely as a newline does; dropping them would glue the words on either side together. One character
// for one, so offsets into the body stay those of the text as written (after CRLF → LF).
const LINE_SEPARATORS = /[\u000b\u000c\u0085\u2028\u2029]/g;

/** Normalises the body and settles language and publication time, recording where each came from. */
export function toDoc(raw: RawReport, id: string, opts: ReadOptions = {}): Doc {
  const text =
    raw.text
      .replace(/\r\n?/g, "\n")
      .replace(CONTROL, "")
      .replace(LINE_SEPARATORS, "\n")
      // no Unicode normalisation: spans must stay offsets into the text as the source wrote it, and the
      // stages match letters with their combining marks (\p{M}) anyway
      .replace(/^\s+/, "")
      .trimEnd() + "\n";
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
  let otherLanguage: string | undefined;
  if (raw.language) {
    language = raw.language;
    languageFrom = raw.languageFrom ?? (raw.format === "text" ? "front-matter" : "metadata");
    // A page or feed template may state nl or en over text in another language (a German item in a feed
    // that says <language>en</language>): on enough text, detection overrules the metadata then, so no
    // claims are read from it with the wrong lexicons. What a person wrote in front matter stands.
    if (languageFrom === "metadata" && !opts.lang && text.length >= 200) {
      const d = detectLanguage(text);
      if (d.other) otherLanguage = d.other;
    }
  } else if (opts.lang) {
    // --lang forces a language, also on a report stated or detected to be in another one
    language = opts.lang;
    languageFrom = "flag";
  } else {
    const d = detectLanguage(text, raw.languageHint);
    language = d.lang;
    languageFrom = d.from;
    otherLanguage = d.other;
    if (raw.otherLanguage && !d.other) {
      // The container says German: believed unless the text itself is unmistakably Dutch or English
      // (a site template that says lang="de" over every page), judged on enough text.
      const sure = d.by === "eld" && d.from === "detected" && text.length >= 200;
      if (!sure) {
        otherLanguage = raw.otherLanguage;
        languageFrom = raw.format === "text" ? "front-matter" : "metadata";
      }
    } else if (raw.otherLanguage && d.other) {
      otherLanguage = raw.otherLanguage;
      languageFrom = raw.format === "text" ? "front-matter" : "metadata";
    }
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
    ...(otherLanguage ? { otherLanguage } : {}),
    origin: raw.origin,
    item: raw.item,
    format: raw.format,
  });
}

/**
 * The one-line warning for a report in a language sitrep has no lexicons for, or undefined: what the
 * commands print when such a report is extracted or stored.
 */
export function languageWarning(doc: Doc): string | undefined {
  const code = doc.meta.otherLanguage;
  if (!code) return undefined;
  let name = code;
  try {
    name = new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    // a code Intl does not know: the code itself
  }
  const where = `${doc.meta.origin ?? doc.meta.id}${doc.meta.item ? `: ${doc.meta.item}` : ""}`;
  return `${where}: written in ${name === code ? code : `${name} (${code})`}, a language sitrep has no lexicons for: stored without claims, statuses or figures (--lang nl|en forces one)`;
}
