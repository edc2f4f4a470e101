// Work that would stall the event loop runs here, off the thread that answers requests: extracting a report
// (the pipeline), the briefing, and the reads that take seconds on a large ledger (the claim counts, the
// entities), read from the ledger through a read-only store of its own. Each thread loads only the code
// of what it is asked (the reader never loads the pipeline's lexicons).
import { parentPort } from "node:worker_threads";
import type { Doc, Lang } from "../model/doc.js";
import type { Store } from "../store/index.js";
import type { Briefing } from "../brief/index.js";
import { ReportError, type NewReport } from "./port.js";
import type { HeavyRead, StoreLedger } from "./store.js";

export type WorkerRequest =
  | { type: "extract"; id: number; input: NewReport }
  | { type: "brief"; id: number; db: string; lang: Lang; limit?: number }
  | { type: "refresh"; id: number; db: string }
  | ({ type: "read"; id: number; db: string } & HeavyRead);

export type WorkerReply =
  | { id: number; ok: true; docs?: Doc[]; briefing?: Briefing; asOf?: string; stale?: boolean; read?: { version: string; value: unknown } }
  | { id: number; ok: false; error: string; reportError: boolean };

const stores = new Map<string, Promise<Store>>();
const readers = new Map<string, Promise<StoreLedger>>();

async function handle(m: WorkerRequest): Promise<WorkerReply> {
  if (m.type === "extract") {
    const [{ toDoc }, { runPipeline }, { readBody }] = await Promise.all([import("../ingest/index.js"), import("../pipeline/index.js"), import("./extract.js")]);
    const docs = readBody(m.input).map((raw) => runPipeline(toDoc(raw, "d0", { published: m.input.published, lang: m.input.language })));
    return { id: m.id, ok: true, docs };
  }
  if (m.type === "read") {
    let l = readers.get(m.db);
    if (!l) readers.set(m.db, (l = import("./store.js").then((x) => x.StoreLedger.open(m.db, { readonly: true, workers: false, pollMs: 3_600_000 }))));
    // (a ledger of its own that only reads, looks for no one's changes and computes nothing ahead)
    return { id: m.id, ok: true, read: await (await l).readNow(m) };
  }
  const [{ openStore }, { openForKeeping }, { servedPicture }, { composeBriefing }] = await Promise.all([
    import("../store/index.js"),
    import("../ledger/snapshot.js"),
    import("./briefing.js"),
    import("../brief/index.js"),
  ]);
  let st = stores.get(m.db);
  if (!st) stores.set(m.db, (st = openStore(m.db, { readonly: true })));
  const store = await st;
  if (m.type === "refresh") {
    await refreshKept(m.db);
    return { id: m.id, ok: true };
  }
  // the picture kept in the ledger, even one a few reports old (it says when it was made, and a fresh one
  // is worked out in the background); none kept: worked out now, in every language, and kept
  const p = await servedPicture(store, m.lang, m.limit ?? 40, () => openForKeeping(m.db), () => void refreshSoon(m.db));
  return { id: m.id, ok: true, briefing: composeBriefing(p.picture, m.lang), asOf: p.builtAt, stale: p.stale };
}

/** One refresh at a time per ledger; asked again while one runs, it runs once more after it. */
const refreshing = new Map<string, { run: Promise<void>; again: boolean }>();
function refreshSoon(db: string): Promise<void> {
  const cur = refreshing.get(db);
  if (cur) {
    cur.again = true;
    return cur.run;
  }
  const entry = { run: Promise.resolve(), again: false };
  entry.run = (async () => {
    do {
      entry.again = false;
      await refreshKept(db).catch(() => undefined);
    } while (entry.again);
    refreshing.delete(db);
  })();
  refreshing.set(db, entry);
  return entry.run;
}

async function refreshKept(db: string): Promise<void> {
  const { openForKeeping, refreshWhenIdle } = await import("../ledger/snapshot.js");
  const w = await openForKeeping(db);
  try {
    await refreshWhenIdle(w);
  } finally {
    await w.close();
  }
}

// One request at a time, in order: each one's reads form one consistent view.
let queue: Promise<unknown> = Promise.resolve();
parentPort?.on("message", (m: WorkerRequest) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = await handle(m);
    } catch (e) {
      reply = { id: m.id, ok: false, error: (e as Error)?.message ?? String(e), reportError: e instanceof ReportError };
    }
    parentPort!.postMessage(reply);
  });
});
