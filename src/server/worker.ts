// Work that would stall the event loop runs here, off the thread that answers requests: extracting a report
// (the pipeline), and the briefing, read from the ledger through a read-only store of its own.
import { parentPort } from "node:worker_threads";
import type { Doc, Lang } from "../model/doc.js";
import { toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { corrected, openStore, type Store } from "../store/index.js";
import { buildPicture } from "../ledger/picture.js";
import { composeBriefing, type Briefing } from "../brief/index.js";
import { readBody } from "./extract.js";
import { ReportError, type NewReport } from "./port.js";

export type WorkerRequest = { type: "extract"; id: number; input: NewReport } | { type: "brief"; id: number; db: string; lang: Lang };

export type WorkerReply = { id: number; ok: true; docs?: Doc[]; briefing?: Briefing } | { id: number; ok: false; error: string; reportError: boolean };

const stores = new Map<string, Promise<Store>>();

async function handle(m: WorkerRequest): Promise<WorkerReply> {
  if (m.type === "extract") {
    const docs = readBody(m.input).map((raw) => runPipeline(toDoc(raw, "d0", { published: m.input.published, lang: m.input.language })));
    return { id: m.id, ok: true, docs };
  }
  let st = stores.get(m.db);
  if (!st) stores.set(m.db, (st = openStore(m.db, { readonly: true })));
  const store = await st;
  const briefing = composeBriefing(await store.snapshot(async (r) => buildPicture(await corrected(r), { lang: m.lang })), m.lang);
  return { id: m.id, ok: true, briefing };
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
