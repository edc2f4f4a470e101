// One report from an HTTP body to a processed Doc, through the same readers `sitrep extract` uses: the body
// goes to a private temporary file with the extension of its format, so every check the file readers make
// (size, encoding, binary content, front matter, HTML article extraction) applies to uploads as well.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Doc } from "../model/doc.js";
import { IngestError, readReports, toDoc, type RawReport } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { ReportError, type NewReport } from "./port.js";

let dir: string | undefined;
let seq = 0;

function workDir(): string {
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), "sitrep-serve-"));
    const d = dir;
    process.once("exit", () => rmSync(d, { recursive: true, force: true }));
  }
  return dir;
}

/** Readers return either the reports or { reports, errors }; accept both so the server follows the ingest API. */
function reportsOf(r: unknown): RawReport[] {
  if (Array.isArray(r)) return r as RawReport[];
  const o = r as { reports?: RawReport[] } | undefined;
  return o?.reports ?? [];
}

/** Reads the raw reports a body holds (one, for text and HTML). Throws ReportError for bad input. */
export function readBody(input: NewReport): RawReport[] {
  if (!input.body.trim()) throw new ReportError("the report is empty");
  const name = input.format === "html" ? "report.html" : "report.txt";
  const file = join(workDir(), `${process.pid}-${++seq}-${name}`);
  writeFileSync(file, input.body, { mode: 0o600 });
  try {
    const raws = reportsOf(readReports(file));
    if (!raws.length) throw new ReportError("no report found in the body");
    return raws.map((r) => ({
      ...r,
      title: r.title ?? input.title,
      source: r.source ?? input.source,
      url: r.url ?? input.url,
      language: r.language ?? input.language,
      // A ledger takes the origin of a report without a URL for its identity (a new text from the same file
      // is a new version of it). Uploads share no file, so each text is its own origin.
      origin: input.url ?? `${input.origin ?? "upload"}#${createHash("sha256").update(r.text).digest("hex").slice(0, 16)}`,
    }));
  } catch (e) {
    if (e instanceof IngestError) throw new ReportError(e.reason);
    throw e;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Reads and extracts a report body into processed Docs with ids from `nextId`. */
export function extractBody(input: NewReport, nextId: () => string): Doc[] {
  return readBody(input).map((raw) => {
    // The temporary file's time is the time of arrival: the honest last resort for an undated upload.
    return runPipeline(toDoc(raw, nextId(), { published: input.published, lang: input.language }));
  });
}
