// The extraction side of `sitrep ingest`, in a worker thread: reads a file, extracts each of its reports and
// works out everything that needs only the report (ledger/ingest.ts `prepare`), then hands the result to
// the thread that writes. That thread stores reports in the order of the files, whatever order the
// workers finish in, so the ledger is the same as that of an ingest on one thread.
import { parentPort, workerData } from "node:worker_threads";
import type { Lang } from "../model/doc.js";
import { IngestError, languageWarning, readReports, toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { openStore, type Store } from "../store/index.js";
import { contentHash, prepare, type Prepared } from "../ledger/ingest.js";

export interface WorkerSetup {
  /** The ledger, read (never written) to skip the pipeline for reports it holds already. */
  db: string;
  published?: string;
  lang?: Lang;
}

export type WorkerEvent =
  | { seq: number; type: "skipped"; file: string; item?: string; reason: string; message: string }
  | { seq: number; type: "report"; label: string; warning?: string; prep?: Prepared }
  | { seq: number; type: "failed"; reason: string }
  | { seq: number; type: "end" };

/** One file's reports: a label for each when the file holds several, as the single-threaded ingest prints. */
export async function extractFile(
  file: string,
  seq: number,
  o: { published?: string; lang?: Lang },
  isKnown: (hash: string) => Promise<boolean>,
  post: (e: WorkerEvent) => void | Promise<void>,
): Promise<void> {
  // an item's problem is told before the file's reports (the reader calls back while it reads)
  const skipped: WorkerEvent[] = [];
  try {
    const raws = readReports(file, {
      onItemError: (e) => skipped.push({ seq, type: "skipped", file: e.file, ...(e.item && { item: e.item }), reason: e.reason, message: e.message }),
    });
    for (const e of skipped.splice(0)) await post(e);
    for (const raw of raws) {
      const doc = toDoc(raw, "d1", { published: o.published, lang: o.lang });
      const label = raws.length > 1 ? ` (${doc.meta.title ?? doc.meta.url ?? doc.meta.item ?? "report"})` : "";
      const warning = languageWarning(doc) ?? undefined;
      if (await isKnown(contentHash(doc))) {
        await post({ seq, type: "report", label, ...(warning && { warning }) });
        continue;
      }
      runPipeline(doc);
      const prep = prepare(doc);
      // the tokens (a third of a report), paragraphs, quotes and in-report contradictions serve the stages
      // only: what is stored never reads them, and each report crosses to the writing thread
      doc.tokens = [];
      doc.paragraphs = [];
      doc.quotes = [];
      doc.contradictions = [];
      await post({ seq, type: "report", label, ...(warning && { warning }), prep });
    }
  } catch (e) {
    for (const x of skipped.splice(0)) await post(x);
    await post({ seq, type: "failed", reason: e instanceof IngestError ? e.reason : `could not be processed: ${(e as Error)?.message ?? String(e)}` });
  }
  await post({ seq, type: "end" });
}

if (parentPort && (workerData as { sitrepIngest?: WorkerSetup } | undefined)?.sitrepIngest) {
  const setup = (workerData as { sitrepIngest: WorkerSetup }).sitrepIngest;
  const port = parentPort;
  let store: Promise<Store | null> | undefined;
  const isKnown = async (hash: string) => {
    // a ledger that cannot be read here is asked nothing: the writer decides "unchanged" in its transaction
    const s = await (store ??= openStore(setup.db, { readonly: true }).catch(() => null));
    return !!s && !!(await s.reads.findByHash(hash));
  };
  // Files one at a time, in the order given: the writer takes this worker's output in that order.
  let queue: Promise<unknown> = Promise.resolve();
  port.on("message", (m: { seq: number; file: string } | { close: true }) => {
    queue = queue.then(async () => {
      if ("close" in m) {
        const s = await store;
        await s?.close();
        port.close();
        return;
      }
      await extractFile(m.file, m.seq, setup, isKnown, (e) => port.postMessage(e));
    });
  });
}
