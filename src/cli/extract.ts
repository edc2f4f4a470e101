import { availableParallelism } from "node:os";
import { statSync } from "node:fs";
import type { Doc } from "../model/doc.js";
import type { RawReport } from "../ingest/types.js";
import { IngestError, languageWarning, readReports, toDoc, type ReadOptions } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import type { FusionText } from "../export/oneshot.js";
import type { ExtractJob, ThreadResult } from "./extract-worker.js";
import { threadPool } from "./threads.js";
import { fail } from "./io.js";
import { releaseGazetteer } from "../geo/gazetteer.js";
// (from here, so that the extract command's one bundle holds it: see scripts/bundle-cli.ts)
export { boundExtractHeap } from "./heap.js";

/**
 * Lets go of what extracting reports in this thread held for the look-ups of every report and what comes
 * after it no longer reads: the gazetteer's pack, read whole (20 MB outside the heap) once a run looked up
 * enough places. Called when the last report is extracted, before the fusion across reports, whose peak it
 * would otherwise add to; a place looked up later is read piece by piece, as at the start, and is the same
 * entry as before.
 */
export function endExtraction(): void {
  releaseGazetteer();
}

export interface ExtractResult {
  docs: Doc[];
  failed: number;
}

/**
 * Reads and extracts each report of the files, in order, one at a time: a caller that writes each out as it
 * comes holds one report, not all. A bad file is reported and skipped, the others go on; `failed` counts
 * what failed so far.
 */
export function* extractReports(files: readonly string[], opts: ReadOptions, failed: { n: number } = { n: 0 }): Generator<Doc> {
  let n = 0;
  for (const file of files) {
    try {
      // a bad line of a JSON-lines file or a bad feed item fails the call, but the good ones still come through
      const onItemError = (e: IngestError) => {
        failed.n++;
        fail(e.message);
      };
      for (const raw of readReports(file, { onItemError })) {
        // (numbered by the reports extracted: one that fails leaves no gap)
        const doc = toDoc(raw, `d${n + 1}`, opts);
        const warning = languageWarning(doc);
        if (warning) fail(`warning: ${warning}`);
        runPipeline(doc);
        // the tokens (a third of an extracted report's memory) serve the stages only: neither the export
        // nor the fusion across reports reads them
        doc.tokens = [];
        n++;
        yield doc;
      }
    } catch (e) {
      failed.n++;
      if (e instanceof IngestError) fail(e.message);
      else fail(`${file}: could not be processed: ${(e as Error)?.message ?? String(e)}`);
    }
  }
}

/** Reads and extracts each file, every report kept; a bad file is reported and skipped, the others go on. */
export function extractFiles(files: readonly string[], opts: ReadOptions): ExtractResult {
  const failed = { n: 0 };
  const docs = [...extractReports(files, opts, failed)];
  return { docs, failed: failed.n };
}

export { parseLang, parsePublished } from "./args.js";

/** A report extracted in a worker thread: what the export reads of it, and its fusion record as text. */
export interface Extracted {
  doc: Doc;
  fusion: FusionText;
}

/**
 * How many extraction threads a one-shot extract of these files uses unless told (`--jobs`): none below a
 * few megabytes (starting a thread and loading the pipeline in it costs more than a small extract), else
 * two on two cores or more, not more: each thread holds the pipeline's lexicons and its own heap.
 */
export function defaultExtractJobs(files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      // a missing file fails when it is read, in its turn
    }
  }
  // (one core: a thread would only add the copying of each report to the same work)
  return bytes < 4e6 || availableParallelism() < 2 ? 0 : 2;
}

/**
 * The reports of the files as extractReports gives them (the same documents, ids, messages and failures, in
 * the same order), extracted by `jobs` worker threads while this thread takes them. A report is sent with
 * the id it gets if every report before it is extracted; when one fails, the rest of its file is dropped
 * (as in one thread, where reading the file stops there) and the reports sent after it are sent again with
 * their ids counted anew. At most a few reports per thread are out at a time, so memory does not grow with
 * the number of reports.
 */
export async function* extractThreaded(files: readonly string[], opts: ReadOptions, jobs: number, failed: { n: number } = { n: 0 }): AsyncGenerator<Extracted> {
  // the worker's module beside this one (in the bundle too: its import.meta.resolve resolves from dist)
  const url = new URL(import.meta.resolve("./extract-worker.js"));
  const results = new Map<number, ThreadResult>();
  const pool = threadPool<ThreadResult>(url, jobs, { sitrepExtract: opts }, (r) => {
    // (one sent before a failure that numbered it wrong is forgotten)
    if (r.seq >= seq0) results.set(r.seq, r);
  });
  /** Reports read and not yet taken, in order; `sent` of them are out with a seq, from `seq0` on. */
  const queue: { raw: RawReport; file: number }[] = [];
  let head = 0;
  let sent = 0;
  let seq = 0;
  let seq0 = 0;
  /** Reports taken: the next one sent is d(n + 1 + what is out before it). */
  let n = 0;
  let nextFile = 0;
  let turn = 0;
  const ahead = jobs * 8;
  const read = () => {
    // a file is read when the queue runs low; its item errors are told in their turn, before its reports
    while (nextFile < files.length && queue.length - head < ahead) {
      const file = nextFile++;
      const itemErrors: IngestError[] = [];
      try {
        const raws = readReports(files[file]!, { onItemError: (e) => itemErrors.push(e) });
        fileNotes.set(file, { itemErrors });
        for (const raw of raws) queue.push({ raw, file });
      } catch (e) {
        fileNotes.set(file, { itemErrors, error: e });
      }
    }
  };
  const fileNotes = new Map<number, { itemErrors: IngestError[]; error?: unknown }>();
  const send = () => {
    read();
    const batch: ExtractJob[][] = pool.workers.map(() => []);
    while (sent < queue.length - head && sent < ahead) {
      const q = queue[head + sent]!;
      batch[seq % jobs]!.push({ seq: seq, raw: q.raw, id: `d${n + sent + 1}` });
      seq++;
      sent++;
    }
    batch.forEach((b, i) => b.length && pool.workers[i]!.postMessage(b));
  };
  /** Tells a file's problems once, when the reports before it are taken. */
  const open = (file: number): void => {
    for (; turn <= file; turn++) {
      const note = fileNotes.get(turn)!;
      for (const e of note.itemErrors) {
        failed.n++;
        fail(e.message);
      }
      if (note.error !== undefined) {
        failed.n++;
        const e = note.error;
        if (e instanceof IngestError) fail(e.message);
        else fail(`${files[turn]}: could not be processed: ${(e as Error)?.message ?? String(e)}`);
      }
    }
  };
  try {
    send();
    for (;;) {
      if (sent === 0) {
        // every file read and every report taken: tell the problems of files left with none
        open(files.length - 1);
        break;
      }
      const r = results.get(seq0);
      if (!r) {
        await pool.wait();
        continue;
      }
      results.delete(seq0);
      const q = queue[head]!;
      queue[head] = undefined as never;
      head++;
      seq0++;
      sent--;
      open(q.file);
      if ("error" in r) {
        failed.n++;
        fail(r.ingest ? r.error : `${files[q.file]}: could not be processed: ${r.error}`);
        // the rest of its file is not extracted, and what was sent after it was numbered as if it were:
        // those out are forgotten (their results ignored) and sent again
        while (head < queue.length && queue[head]!.file === q.file) queue[head++] = undefined as never;
        seq0 = seq;
        sent = 0;
        results.clear();
      } else {
        if (r.warning) fail(`warning: ${r.warning}`);
        n++;
        // what the export reads of a document: its fields, not its methods
        yield { doc: r.doc as Doc, fusion: r.fusion };
      }
      if (head > 4096) {
        queue.splice(0, head);
        head = 0;
      }
      send();
    }
  } finally {
    await pool.stop();
  }
}
