// A worker thread as a promise: one request at a time is fine for each (they queue inside the worker).
import { Worker } from "node:worker_threads";
import { Doc } from "../model/doc.js";
import { ReportError } from "./port.js";
import type { WorkerReply, WorkerRequest } from "./worker.js";

type Pending = { resolve: (r: WorkerReply & { ok: true }) => void; reject: (e: Error) => void };
type Req = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

export class WorkerClient {
  private w: Worker;
  private seq = 0;
  private pending = new Map<number, Pending>();
  private dead: Error | undefined;

  constructor() {
    this.w = new Worker(new URL("./worker.js", import.meta.url));
    this.w.unref();
    this.w.on("message", (r: WorkerReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r);
      else p.reject(r.reportError ? new ReportError(r.error) : new Error(r.error));
    });
    const fail = (e: Error) => {
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.w.on("error", fail);
    this.w.on("exit", (code) => fail(new Error(`worker stopped (${code})`)));
  }

  request(req: Req): Promise<WorkerReply & { ok: true }> {
    if (this.dead) return Promise.reject(this.dead);
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.w.postMessage({ ...req, id });
    });
  }

  close(): Promise<number> {
    return this.w.terminate();
  }
}

/** A Doc that crossed a thread boundary arrives as plain data: give it back its class. */
export function revive(o: Doc): Doc {
  return Object.assign(new Doc(o.text, o.meta), o);
}
