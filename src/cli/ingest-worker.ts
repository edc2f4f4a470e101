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
  /** The files of the ingest: each thread takes the next one not yet taken (Dispatch.next). */
  files: readonly string[];
  /** Shared with the writing thread (Dispatch). */
  control: SharedArrayBuffer;
  /** How many files past the last one the writer has taken a thread may extract. */
  window: number;
}

/**
 * The slots of WorkerSetup.control: the next file to extract (each thread takes one by adding 1), the files
 * the writer has taken, and whether it stopped. The threads take files themselves rather than waiting to be
 * sent them: the writer stores a batch without letting go of its thread (SQLite's calls are synchronous), and
 * threads fed by its messages went idle for as long as it wrote.
 */
export const Dispatch = { next: 0, taken: 1, stop: 2, slots: 3 } as const;

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
  const ctl = new Int32Array(setup.control);
  let store: Promise<Store | null> | undefined;
  const isKnown = async (hash: string) => {
    // a ledger that cannot be read here is asked nothing: the writer decides "unchanged" in its transaction
    const s = await (store ??= openStore(setup.db, { readonly: true }).catch(() => null));
    return !!s && !!(await s.reads.findByHash(hash));
  };
  // Files in the order this thread takes them (the writer takes each thread's output in that order), never
  // more than `window` past what the writer has taken, so that memory does not grow with the files.
  for (;;) {
    if (Atomics.load(ctl, Dispatch.stop)) break;
    const seq = Atomics.add(ctl, Dispatch.next, 1);
    if (seq >= setup.files.length) break;
    for (let taken; seq >= (taken = Atomics.load(ctl, Dispatch.taken)) + setup.window && !Atomics.load(ctl, Dispatch.stop); ) Atomics.wait(ctl, Dispatch.taken, taken, 1000);
    if (Atomics.load(ctl, Dispatch.stop)) break;
    await extractFile(setup.files[seq]!, seq, setup, isKnown, (e) => port.postMessage(e));
  }
  await (await store)?.close();
}
