// Work that would stall the event loop runs here, off the thread that answers requests: extracting a report
// (the pipeline), and the briefing, read from the ledger through a read-only store of its own.
import { parentPort } from "node:worker_threads";
import type { Doc, Lang } from "../model/doc.js";
import { toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { openStore, type Store } from "../store/index.js";
import { currentPicture, keptPicture, openForKeeping, refreshWhenIdle } from "../ledger/snapshot.js";
import { composeBriefing, type Briefing } from "../brief/index.js";
import { readBody } from "./extract.js";
import { ReportError, type NewReport } from "./port.js";

export type WorkerRequest = { type: "extract"; id: number; input: NewReport } | { type: "brief"; id: number; db: string; lang: Lang } | { type: "refresh"; id: number; db: string };

export type WorkerReply =
  | { id: number; ok: true; docs?: Doc[]; briefing?: Briefing; asOf?: string; stale?: boolean }
  | { id: number; ok: false; error: string; reportError: boolean };

const stores = new Map<string, Promise<Store>>();

async function handle(m: WorkerRequest): Promise<WorkerReply> {
  if (m.type === "extract") {
    const docs = readBody(m.input).map((raw) => runPipeline(toDoc(raw, "d0", { published: m.input.published, lang: m.input.language })));
    return { id: m.id, ok: true, docs };
  }
  let st = stores.get(m.db);
  if (!st) stores.set(m.db, (st = openStore(m.db, { readonly: true })));
  const store = await st;
  if (m.type === "refresh") {
    await refreshKept(m.db);
    return { id: m.id, ok: true };
  }
  // the picture kept in the ledger, even one a few reports old (it says when it was made, and a fresh one
  // is worked out in the background); none kept: worked out now, and kept
  // (a small ledger is fused in well under a second: it is shown as it is now)
  let kept = await store.snapshot((r) => keptPicture(r, { lang: m.lang }));
  if (kept?.stale && kept.picture.basis.reports < SERVE_STALE_FROM) kept = undefined;
  if (kept?.stale) void refreshSoon(m.db);
  const p = kept ?? (await currentPicture(store, { lang: m.lang }, () => openForKeeping(m.db)));
  return { id: m.id, ok: true, briefing: composeBriefing(p.picture, m.lang), asOf: p.builtAt, stale: p.stale };
}

/** Ledgers of at least this many reports are briefed from their last kept picture while a new one is made. */
const SERVE_STALE_FROM = 1000;

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
