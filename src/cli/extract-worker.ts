// The extraction side of a threaded `sitrep extract` (src/cli/extract.ts, extractThreaded), in a worker
// thread: each report it is sent is made a document under the id the export gives it, run through the
// pipeline and given its fusion record; what the export reads of it goes back to the thread that writes.
import { parentPort, workerData } from "node:worker_threads";
import type { RawReport, ReadOptions } from "../ingest/types.js";
import { IngestError, languageWarning, toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { fusionText, type FusionText } from "../export/oneshot.js";
import type { Doc } from "../model/doc.js";

export interface ExtractJob {
  seq: number;
  raw: RawReport;
  id: string;
}

/** What the export reads of a document (src/export/json.ts docSections): what crosses back, and no more. */
export type ExportedDoc = Pick<Doc, "text" | "meta" | "mentions" | "entities" | "claims" | "unknowns" | "times" | "counts" | "events" | "contradictions">;

export type ThreadResult =
  | { seq: number; doc: ExportedDoc; fusion: FusionText; warning?: string }
  | { seq: number; error: string; ingest: boolean };

export function extractOne(job: ExtractJob, opts: ReadOptions): ThreadResult {
  try {
    const doc = toDoc(job.raw, job.id, opts);
    const warning = languageWarning(doc);
    runPipeline(doc);
    doc.tokens = [];
    // made before the document crosses: the export's sections and this record read the same document, as
    // in one thread, where the sections are made first (neither changes what the other reads)
    const fusion = fusionText(doc);
    const { text, meta, mentions, entities, claims, unknowns, times, counts, events, contradictions } = doc;
    return { seq: job.seq, doc: { text, meta, mentions, entities, claims, unknowns, times, counts, events, contradictions }, fusion, ...(warning && { warning }) };
  } catch (e) {
    return { seq: job.seq, error: e instanceof IngestError ? e.message : `${(e as Error)?.message ?? String(e)}`, ingest: e instanceof IngestError };
  }
}

if (parentPort && (workerData as { sitrepExtract?: ReadOptions } | undefined)?.sitrepExtract) {
  const opts = (workerData as { sitrepExtract: ReadOptions }).sitrepExtract;
  const port = parentPort;
  port.on("message", (jobs: ExtractJob[]) => {
    for (const job of jobs) port.postMessage(extractOne(job, opts));
  });
}
