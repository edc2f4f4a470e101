import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Lang } from "../model/doc.js";
import { IngestError, languageWarning, readReports, toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { openStore, type Store } from "../store/db.js";
import { fail } from "./io.js";

/** File names that a directory or glob contributes (explicit file arguments are taken as given). */
const REPORT_FILE = /\.(?:txt|md|html?|jsonl|ndjson|json|xml|rss|atom)$/i;

export interface IngestSummary {
  added: number;
  unchanged: number;
  updated: number;
  failed: { file: string; reason: string }[];
  /** Bad items of multi-report files (a JSON line, a feed item, a Telegram message) whose other items were stored. */
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

/** Ingests files into an open store; every report in its own transaction. */
export function ingestFiles(store: Store, files: readonly string[], opts: IngestOptions = {}): IngestSummary {
  const sum: IngestSummary = { added: 0, unchanged: 0, updated: 0, failed: [], skipped: [], reports: 0 };
  const mode = opts.progress ?? "none";
  const started = Date.now();
  let lastDraw = 0;
  const draw = (i: number, final = false) => {
    if (mode !== "bar") return;
    const now = Date.now();
    if (!final && now - lastDraw < 80) return;
    lastDraw = now;
    const w = 28;
    const done = Math.round((i / Math.max(1, files.length)) * w);
    const rate = sum.reports / Math.max(0.001, (now - started) / 1000);
    process.stderr.write(
      `\r[${"#".repeat(done)}${".".repeat(w - done)}] ${i}/${files.length} files · ${sum.added} added, ${sum.unchanged} unchanged, ${sum.updated} updated, ${sum.failed.length} failed · ${rate.toFixed(0)} reports/s\x1b[K`,
    );
    if (final) process.stderr.write("\n");
  };
  let batchStart = Date.now();
  let inBatch = 0;
  files.forEach((file, i) => {
    if (inBatch === 0) {
      store.beginBatch();
      batchStart = Date.now();
    }
    try {
      const raws = readReports(file, {
        onItemError: (e) => {
          sum.skipped.push({ file, item: e.item, reason: e.reason });
          if (mode === "bar") process.stderr.write("\r\x1b[K");
          fail(e.message);
        },
      });
      for (const raw of raws) {
        const doc = toDoc(raw, "d1", { published: opts.published, lang: opts.lang });
        const warning = languageWarning(doc);
        if (warning) fail(`warning: ${warning}`);
        sum.reports++;
        if (store.has(doc)) {
          sum.unchanged++;
          if (mode === "lines") process.stderr.write(`unchanged ${file}${raws.length > 1 ? ` (${doc.meta.title ?? doc.meta.url ?? "report"})` : ""}\n`);
          continue;
        }
        runPipeline(doc);
        const r = store.store(doc);
        sum[r.outcome]++;
        inBatch++;
        if (mode === "lines") process.stderr.write(`${r.outcome} d${r.id} ${file}${r.version > 1 ? ` (version ${r.version})` : ""}\n`);
      }
    } catch (e) {
      const reason = e instanceof IngestError ? e.reason : `could not be processed: ${(e as Error)?.message ?? String(e)}`;
      sum.failed.push({ file, reason });
      if (mode === "bar") process.stderr.write("\r\x1b[K");
      fail(`${file}: ${reason}`);
    }
    // Commit every few dozen reports or a fraction of a second, whichever comes first.
    if (inBatch >= 64 || (inBatch > 0 && Date.now() - batchStart > 250)) {
      store.commitBatch();
      inBatch = 0;
    }
    draw(i + 1);
  });
  store.commitBatch();
  draw(files.length, true);
  return sum;
}

export function summaryText(s: IngestSummary): string {
  const lines = [`${s.added} added, ${s.unchanged} unchanged, ${s.updated} updated, ${s.failed.length} failed, ${s.skipped.length} skipped (${s.reports} reports)`];
  for (const f of s.failed) lines.push(`failed: ${f.file}: ${f.reason}`);
  for (const k of s.skipped) lines.push(`skipped: ${new IngestError(k.file, k.reason, k.item).message}`);
  return lines.join("\n") + "\n";
}

export function runIngest(inputs: readonly string[], dbFile: string, opts: IngestOptions): { summary: IngestSummary; missing: string[] } {
  const { files, missing } = expandInputs(inputs);
  for (const m of missing) fail(`${m}: no such file, directory or matching files`);
  const store = openStore(dbFile);
  try {
    const summary = ingestFiles(store, files, opts);
    for (const m of missing) summary.failed.push({ file: m, reason: "no such file, directory or matching files" });
    return { summary, missing };
  } finally {
    store.close();
  }
}
