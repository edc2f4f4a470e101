// The extraction side of `sitrep ingest`, in a worker thread: reads a file (or a part of a file of many
// reports), extracts each of its reports and works out everything that needs only the report (ledger/
// ingest.ts `prepare`: the record to store but for what the ledger decides; for SQLite its body and fusion
// record deflated too), then hands the result to the thread that writes, packed in one transferred buffer.
// That thread stores reports in the order of the files, whatever order the workers finish in, so the ledger
// is the same as that of an ingest on one thread.
import { parentPort, workerData } from "node:worker_threads";
import type { Lang } from "../model/doc.js";
import { IngestError, languageWarning, readReports, toDoc, type RawReport } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { encodeReport, openStore, type Store } from "../store/index.js";
import { contentHash, prepare, type Prepared } from "../ledger/ingest.js";

/**
 * What a thread takes at a time: a file, or one of `parts` equal runs of the reports of a file of many
 * (a large JSON-lines file, feed or export), so that such a file is extracted by every thread and not one.
 */
export interface Unit {
  file: string;
  part: number;
  parts: number;
}

export interface WorkerSetup {
  /** The ledger, read (never written) to skip the pipeline for reports it holds already. */
  db: string;
  published?: string;
  lang?: Lang;
  /** What the ingest extracts: each thread takes the next unit not yet taken (Dispatch.next). */
  units: readonly Unit[];
  /** Shared with the writing thread (Dispatch). */
  control: SharedArrayBuffer;
  /** How many units past the last one the writer has taken a thread may extract. */
  window: number;
  /** The ledger deflates bodies and fusion records (SQLite): deflate them here, off the writer's thread. */
  encode: boolean;
}

/**
 * The slots of WorkerSetup.control: the next unit to extract (each thread takes one by adding 1), the units
 * the writer has taken, and whether it stopped. The threads take units themselves rather than waiting to be
 * sent them: the writer stores a batch without letting go of its thread (SQLite's calls are synchronous), and
 * threads fed by its messages went idle for as long as it wrote.
 */
export const Dispatch = { next: 0, taken: 1, stop: 2, slots: 3 } as const;

export type WorkerEvent =
  | { seq: number; type: "skipped"; file: string; item?: string; reason: string; message: string }
  | { seq: number; type: "report"; label: string; warning?: string; prep?: Prepared }
  | { seq: number; type: "failed"; reason: string }
  | { seq: number; type: "end" };

/** A WorkerEvent as it crosses to the writing thread: a report's Prepared packed in one buffer (packPrepared). */
export type PostedEvent = Exclude<WorkerEvent, { type: "report" }> | { seq: number; type: "report"; label: string; warning?: string; packed?: ArrayBuffer };

/** The reports of a file as read, or why it could not be. */
interface FileRead {
  raws: RawReport[];
  skipped: Extract<WorkerEvent, { type: "skipped" }>[];
  failure?: string;
}

function readFile(file: string, seq: number): FileRead {
  const skipped: FileRead["skipped"] = [];
  try {
    const raws = readReports(file, {
      onItemError: (e) => skipped.push({ seq, type: "skipped", file: e.file, ...(e.item && { item: e.item }), reason: e.reason, message: e.message }),
    });
    return { raws, skipped };
  } catch (e) {
    return { raws: [], skipped, failure: e instanceof IngestError ? e.reason : `could not be processed: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** The reports of a part: [from, to) of the file's. */
const partRange = (n: number, part: number, parts: number): [number, number] => [Math.floor((part * n) / parts), Math.floor(((part + 1) * n) / parts)];

/**
 * One file's reports (or a part's: `unit`, with `read` the file as read, kept by the caller for the
 * file's other parts): a label for each when the file holds several, as the single-threaded ingest prints.
 * A file's bad items and its failure are told by its first part only.
 */
export async function extractFile(
  file: string,
  seq: number,
  o: { published?: string; lang?: Lang; encode?: boolean },
  isKnown: (hash: string) => Promise<boolean>,
  post: (e: WorkerEvent) => void | Promise<void>,
  unit?: { part: number; parts: number; read: (file: string, seq: number) => FileRead },
): Promise<void> {
  // an item's problem is told before the file's reports (the reader calls back while it reads)
  const first = !unit || unit.part === 0;
  const read = unit ? unit.read(file, seq) : readFile(file, seq);
  if (first) for (const e of read.skipped) await post({ ...e, seq });
  if (read.failure !== undefined) {
    if (first) await post({ seq, type: "failed", reason: read.failure });
    await post({ seq, type: "end" });
    return;
  }
  const raws = read.raws;
  const [from, to] = unit ? partRange(raws.length, unit.part, unit.parts) : [0, raws.length];
  try {
    for (let i = from; i < to; i++) {
      const doc = toDoc(raws[i]!, "d1", { published: o.published, lang: o.lang });
      const label = raws.length > 1 ? ` (${doc.meta.title ?? doc.meta.url ?? doc.meta.item ?? "report"})` : "";
      const warning = languageWarning(doc) ?? undefined;
      if (await isKnown(contentHash(doc))) {
        await post({ seq, type: "report", label, ...(warning && { warning }) });
        continue;
      }
      runPipeline(doc);
      const prep = prepare(doc);
      if (o.encode) prep.encoded = encodeReport(prep.record.text, prep.record.meta.language, [prep.fusion], prep.record.claims, prep.record);
      await post({ seq, type: "report", label, ...(warning && { warning }), prep });
    }
  } catch (e) {
    await post({ seq, type: "failed", reason: e instanceof IngestError ? e.reason : `could not be processed: ${(e as Error)?.message ?? String(e)}` });
  }
  await post({ seq, type: "end" });
}

/**
 * A Prepared in one buffer, to be transferred rather than copied: its plain data as JSON, its text as
 * UTF-8, and its binary parts as bytes. A whole document sent as objects cost ~1 ms of structured cloning a
 * report on each side, the writer's side being the one every report waits for.
 */
export function packPrepared(p: Prepared): ArrayBuffer {
  const { sig, record, encoded, fusion, ...rest } = p;
  const { text, minhash, ...fields } = record;
  const enc = new TextEncoder();
  const json = enc.encode(JSON.stringify({ ...rest, record: fields, ...(encoded && { elided: encoded.elided, facts: encoded.facts }) }));
  const fused = enc.encode(JSON.stringify(fusion));
  const body = enc.encode(text);
  const blobs = encoded ? [encoded.body, ...encoded.items] : [];
  const head = [sig.length, json.length, fused.length, body.length, minhash.length, encoded ? encoded.items.length : -1, ...blobs.map((b) => b.length)];
  const size = 4 * (1 + head.length) + 4 * sig.length + json.length + fused.length + body.length + minhash.length + blobs.reduce((n, b) => n + b.length, 0);
  const buf = new ArrayBuffer(size);
  const words = new Int32Array(buf, 0, 1 + head.length + sig.length);
  words[0] = head.length;
  words.set(head, 1);
  new Uint32Array(buf, 4 * (1 + head.length), sig.length).set(sig);
  const bytes = new Uint8Array(buf);
  let at = 4 * (1 + head.length + sig.length);
  for (const part of [json, fused, body, minhash, ...blobs]) {
    bytes.set(part, at);
    at += part.length;
  }
  return buf;
}

const decoder = new TextDecoder();

/** packPrepared's buffer back to a Prepared (its binary parts are views of the buffer). */
export function unpackPrepared(buf: ArrayBuffer): Prepared {
  const n = new Int32Array(buf, 0, 1)[0]!;
  const head = new Int32Array(buf, 4, n);
  const [sigLen, jsonLen, fusedLen, bodyLen, minhashLen, items] = head as unknown as [number, number, number, number, number, number];
  const sig = new Uint32Array(buf, 4 * (1 + n), sigLen);
  let at = 4 * (1 + n + sigLen);
  const take = (len: number) => {
    const v = Buffer.from(buf, at, len);
    at += len;
    return v;
  };
  const { elided, facts, ...json } = JSON.parse(decoder.decode(take(jsonLen))) as Omit<Prepared, "sig" | "record" | "encoded" | "fusion"> & { record: Omit<Prepared["record"], "text" | "minhash">; elided?: boolean[]; facts?: string };
  const fusionJson = decoder.decode(take(fusedLen));
  const text = decoder.decode(take(bodyLen));
  const minhash = take(minhashLen);
  const encoded = items >= 0 ? { body: take(head[6]!), items: Array.from({ length: items }, (_, k) => take(head[7 + k]!)), elided: elided ?? [], facts: facts ?? "" } : undefined;
  // A fusion record deflated already is written as it is, and its object never read: it is parsed only
  // should the store want its JSON after all (what JSON.stringify makes of it is then the same text).
  const fusion = (encoded ? { toJSON: () => JSON.parse(fusionJson) as unknown } : JSON.parse(fusionJson)) as Prepared["fusion"];
  const p: Prepared = { ...json, sig, record: { ...json.record, text, minhash }, fusion };
  if (encoded) p.encoded = encoded;
  return p;
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
  // The file whose parts this thread extracts, as read once (its parts come one after another).
  let kept: { file: string; read: FileRead } | undefined;
  const read = (file: string, seq: number): FileRead => {
    if (kept?.file !== file) kept = { file, read: readFile(file, seq) };
    return kept.read;
  };
  const post = (e: WorkerEvent) => {
    if (e.type === "report" && e.prep) {
      const { prep, ...rest } = e;
      const packed = packPrepared(prep);
      port.postMessage({ ...rest, packed } satisfies PostedEvent, [packed]);
    } else port.postMessage(e satisfies PostedEvent);
  };
  // Units in the order this thread takes them (the writer takes each thread's output in that order), never
  // more than `window` past what the writer has taken, so that memory does not grow with the files.
  for (;;) {
    if (Atomics.load(ctl, Dispatch.stop)) break;
    const seq = Atomics.add(ctl, Dispatch.next, 1);
    if (seq >= setup.units.length) break;
    for (let taken; seq >= (taken = Atomics.load(ctl, Dispatch.taken)) + setup.window && !Atomics.load(ctl, Dispatch.stop); ) Atomics.wait(ctl, Dispatch.taken, taken, 1000);
    if (Atomics.load(ctl, Dispatch.stop)) break;
    const u = setup.units[seq]!;
    if (u.parts === 1) kept = undefined;
    await extractFile(u.file, seq, setup, isKnown, post, u.parts > 1 ? { part: u.part, parts: u.parts, read } : undefined);
  }
  await (await store)?.close();
}
