import type { Doc } from "../model/doc.js";
import { IngestError, languageWarning, readReports, toDoc, type ReadOptions } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { fail } from "./io.js";

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
