import { Worker } from "node:worker_threads";

/**
 * Extraction threads whose taker waits for whatever comes next: a message, a thread's error or its exit.
 * The first failure of any thread is kept and thrown at the taker's next wait, so a thread that dies is
 * never waited for in silence. Used by `ingest` and `extract` alike.
 */
export function threadPool<M>(url: URL, count: number, workerData: unknown, onMessage: (m: M) => void) {
  let broken: Error | undefined;
  let wake: (() => void) | undefined;
  const ring = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const workers = Array.from({ length: count }, () => {
    const w = new Worker(url, { workerData });
    w.on("message", (m: M) => {
      onMessage(m);
      ring();
    });
    w.on("error", (e) => {
      broken ??= e;
      ring();
    });
    w.on("exit", (code) => {
      if (code !== 0) broken ??= new Error(`an extraction thread stopped (exit code ${code})`);
      ring();
    });
    return w;
  });
  return {
    workers,
    /** Resolves at the next message or failure; throws a failure already seen. */
    wait(): Promise<void> {
      if (broken) return Promise.reject(broken);
      return new Promise<void>((r) => (wake = r));
    },
    stop: () => Promise.all(workers.map((w) => w.terminate())).then(() => undefined),
  };
}
