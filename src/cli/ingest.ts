import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Lang } from "../model/doc.js";
import { IngestError, languageWarning, readReports, toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { openStore, shownLocation, type Store } from "../store/index.js";
import { known, prepare, storeReports } from "../ledger/ingest.js";
import { fail } from "./io.js";

/** File names that a directory or glob contributes (explicit file arguments are taken as given). */
const REPORT_FILE = /\.(?:txt|md|html?|jsonl|ndjson|json|xml|rss|atom)$/i;

export interface IngestSummary {
  added: number;
  unchanged: number;
  updated: number;
  /** Files (or reports of a file) that could not be read or stored. */
  failed: { file: string; reason: string }[];
  /** Bad items of a file whose other items were read (a JSON line, a feed item, a Telegram message). */
  skipped: { file: string; item?: string; reason: string }[];
  reports: number;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (REPORT_FILE.test(name)) out.push(p);
  }
}

/** A glob as a regular expression over '/'-separated relative paths (paths are short; no nesting). */
function globRegex(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*" && glob[i + 1] === "*") {
      i++;
      if (glob[i + 1] === "/") {
        i++;
        re += "(?:[^/]*/)*";
      } else re += ".*";
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else re += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Expands PATH|DIR|GLOB arguments into files, in a stable order. */
export function expandInputs(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const a of args) {
    if (/[*?]/.test(a)) {
      const norm = a.split(sep).join("/");
      const parts = norm.split("/");
      const firstWild = parts.findIndex((p) => /[*?]/.test(p));
      const base = parts.slice(0, firstWild).join("/") || ".";
      const rx = globRegex(parts.slice(firstWild).join("/"));
      const found: string[] = [];
      try {
        walk(base, found);
      } catch {
        /* no such base */
      }
      const hits = found.filter((f) => rx.test(relative(base, f).split(sep).join("/")));
      if (!hits.length) missing.push(a);
      files.push(...hits);
      continue;
    }
    let st;
    try {
      st = statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(a, files);
    else files.push(a);
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => (seen.has(resolve(f)) ? false : (seen.add(resolve(f)), true))), missing };
}

export interface IngestOptions {
  published?: string;
  lang?: Lang;
  /** Progress on a terminal (bar) or as plain lines. */
  progress?: "bar" | "lines" | "none";
}

/** URLs are fetched only by the server, which checks where they lead. */
export const URL_INPUT = /^https?:\/\//i;

/**
 * Ingests files into an open store. Reports are extracted outside any transaction and written a few
 * dozen at a time, each in a transaction of its own within the batch; a line (and the summary) counts a
 * report only once its batch has committed.
 */
export async function ingestFiles(store: Store, files: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const sum: IngestSummary = { added: 0, unchanged: 0, updated: 0, failed: [], skipped: [], reports: 0 };
  const mode = opts.progress ?? "none";
  const started = Date.now();
  let lastDraw = 0;
  let done = 0;
  const draw = (final = false) => {
    if (mode !== "bar") return;
    const now = Date.now();
    if (!final && now - lastDraw < 80) return;
    lastDraw = now;
    const w = 28;
    const bar = Math.round((done / Math.max(1, files.length)) * w);
    const rate = sum.reports / Math.max(0.001, (now - started) / 1000);
    process.stderr.write(
      `\r[${"#".repeat(bar)}${".".repeat(w - bar)}] ${done}/${files.length} files · ${sum.added} added, ${sum.unchanged} unchanged, ${sum.updated} updated, ${sum.failed.length} failed · ${rate.toFixed(0)} reports/s\x1b[K`,
    );
    if (final) process.stderr.write("\n");
  };
  const say = (line: string) => {
    if (mode === "lines") process.stderr.write(line + "\n");
  };
  const problem = (line: string) => {
    if (mode === "bar") process.stderr.write("\r\x1b[K");
    fail(line);
  };

  let pending: { prep: ReturnType<typeof prepare>; file: string; label: string }[] = [];
  let batchStart = Date.now();
  let full: string | undefined;
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    const results = await storeReports(store, batch.map((p) => p.prep));
    results.forEach((r, i) => {
      const { file, label } = batch[i]!;
      if (r.ok) {
        sum[r.status]++;
        say(`${r.status} ${r.report} ${file}${label}${r.version > 1 && r.status === "updated" ? ` (version ${r.version})` : ""}`);
      } else {
        if (r.full) full ??= r.error;
        sum.failed.push({ file: file + label, reason: `not stored: ${r.error}` });
        if (!r.full || full === r.error) problem(`${file}${label}: not stored: ${r.error}`);
      }
    });
  };

  for (const file of files) {
    if (full) {
      sum.failed.push({ file, reason: "not ingested: the ledger could not take more" });
      continue;
    }
    try {
      const raws = readReports(file, {
        onItemError: (e) => {
          sum.skipped.push({ file: e.file, ...(e.item && { item: e.item }), reason: e.reason });
          problem(`${e.message} (skipped)`);
        },
      });
      for (const raw of raws) {
        const doc = toDoc(raw, "d1", { published: opts.published, lang: opts.lang });
        const label = raws.length > 1 ? ` (${doc.meta.title ?? doc.meta.url ?? doc.meta.item ?? "report"})` : "";
        const warning = languageWarning(doc);
        if (warning) problem(`warning: ${warning}`);
        sum.reports++;
        if (await known(store, doc)) {
          sum.unchanged++;
          say(`unchanged ${file}${label}`);
          continue;
        }
        runPipeline(doc);
        if (!pending.length) batchStart = Date.now();
        pending.push({ prep: prepare(doc), file, label });
        // Write every few dozen reports or a fraction of a second, whichever comes first.
        if (pending.length >= 64 || Date.now() - batchStart > 250) await flush();
      }
    } catch (e) {
      const reason = e instanceof IngestError ? e.reason : `could not be processed: ${(e as Error)?.message ?? String(e)}`;
      sum.failed.push({ file, reason });
      problem(`${file}: ${reason}`);
    }
    done++;
    draw();
  }
  await flush();
  if (full) problem(`stopped: the ledger ${shownLocation(store.location)} could not take more (${full}); what is listed as added was stored`);
  draw(true);
  return sum;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summaryText(s: IngestSummary): string {
  const lines = [`${s.added} added, ${s.unchanged} unchanged, ${s.updated} updated, ${s.failed.length} failed, ${s.skipped.length} skipped (${plural(s.reports, "report", "reports")})`];
  for (const f of s.failed) lines.push(`failed: ${f.file}: ${f.reason}`);
  for (const k of s.skipped) lines.push(`skipped: ${k.file}${k.item ? ` (${k.item})` : ""}: ${k.reason}`);
  return lines.join("\n") + "\n";
}

export async function runIngest(inputs: readonly string[], db: string, opts: IngestOptions): Promise<{ summary: IngestSummary; missing: string[] }> {
  const urls = inputs.filter((a) => URL_INPUT.test(a));
  const { files, missing } = expandInputs(inputs.filter((a) => !URL_INPUT.test(a)));
  const URL_REASON = "ingest reads files; a URL is fetched by the server: run `sitrep serve --allow-fetch` and add it there (POST /api/reports with {\"url\": …}), or save the page and ingest the file";
  for (const u of urls) fail(`${u}: ${URL_REASON}`);
  for (const m of missing) fail(`${m}: no such file, directory or matching files`);
  let told = false;
  const store = await openStore(db, {
    onWait: () => {
      if (told) return;
      told = true;
      if (opts.progress === "bar") process.stderr.write("\r\x1b[K");
      process.stderr.write(`sitrep: another process is writing to ${shownLocation(db)}; waiting for it\n`);
    },
  });
  try {
    const summary = await ingestFiles(store, files, opts);
    for (const u of urls) summary.failed.push({ file: u, reason: URL_REASON });
    for (const m of missing) summary.failed.push({ file: m, reason: "no such file, directory or matching files" });
    return { summary, missing };
  } finally {
    await store.close();
  }
}
