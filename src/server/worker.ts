// Work that would stall the event loop runs here, off the thread that answers requests: extracting a report
// (the pipeline), and building a snapshot of the ledger (the fused export and the briefings) from the SQLite
// file, opened read-only beside the writer.
import { parentPort } from "node:worker_threads";
import type { Doc } from "../model/doc.js";
import { toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { openStore, type Store } from "../store/db.js";
import { exportLedger } from "../ledger/export.js";
import { buildPicture } from "../ledger/picture.js";
import { composeBriefing } from "../brief/index.js";
import { readBody } from "./extract.js";
import { ReportError, type NewReport } from "./port.js";

export type WorkerRequest =
  | { type: "extract"; id: number; input: NewReport }
  | { type: "snapshot"; id: number; file: string; version: number; langs: ("nl" | "en")[] };

export type WorkerReply =
  | { id: number; ok: true; docs?: Doc[]; snapshot?: { version: number; export: unknown; briefs: Record<string, unknown> } }
  | { id: number; ok: false; error: string; reportError: boolean };

let store: Store | undefined;

function handle(m: WorkerRequest): WorkerReply {
  if (m.type === "extract") {
    const docs = readBody(m.input).map((raw) => runPipeline(toDoc(raw, "d0", { published: m.input.published, lang: m.input.language })));
    return { id: m.id, ok: true, docs };
  }
  const st = (store ??= openStore(m.file, { readonly: true }));
  // One read transaction: every query of the snapshot sees the same state of the ledger.
  return st.db.transaction(() => {
    const x = exportLedger(st, "en");
    const briefs: Record<string, unknown> = {};
    for (const lang of m.langs) briefs[lang] = composeBriefing(buildPicture(st, { lang }), lang);
    return { id: m.id, ok: true as const, snapshot: { version: m.version, export: x, briefs } };
  })();
}

parentPort?.on("message", (m: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = handle(m);
  } catch (e) {
    reply = { id: m.id, ok: false, error: (e as Error)?.message ?? String(e), reportError: e instanceof ReportError };
  }
  parentPort!.postMessage(reply);
});
