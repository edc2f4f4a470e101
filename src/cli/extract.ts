import type { Doc } from "../model/doc.js";
import { IngestError, languageWarning, readReports, toDoc, type ReadOptions } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { fail } from "./io.js";

export interface ExtractResult {
  docs: Doc[];
  failed: number;
}

/** Reads and extracts each file; a bad file is reported and skipped, the others go on. */
export function extractFiles(files: readonly string[], opts: ReadOptions): ExtractResult {
  const docs: Doc[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      // a bad line of a JSON-lines file or a bad feed item fails the call, but the good ones still come through
      const onItemError = (e: IngestError) => {
        failed++;
        fail(e.message);
      };
      for (const raw of readReports(file, { onItemError })) {
        const doc = toDoc(raw, `d${docs.length + 1}`, opts);
        const warning = languageWarning(doc);
        if (warning) fail(`warning: ${warning}`);
        runPipeline(doc);
        // the tokens (a third of an extracted report's memory) serve the stages only: neither the export
        // nor the fusion across reports reads them, and a run over many reports holds every report to the end
        doc.tokens = [];
        docs.push(doc);
      }
    } catch (e) {
      failed++;
      if (e instanceof IngestError) fail(e.message);
      else fail(`${file}: could not be processed: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  return { docs, failed };
}

export { parseLang, parsePublished } from "./args.js";
