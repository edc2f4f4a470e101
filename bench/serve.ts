// `sitrep serve` started as a user starts it, for the benchmarks that time a ledger's reads over HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";

/** Starts `serve` on a free port; resolves once it says where it listens (`listenMs` from the spawn). */
export async function startServe(bin: string, db: string): Promise<{ server: ChildProcess; base: string; listenMs: number }> {
  const t = performance.now();
  const server = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, SITREP_TOKEN: "bench-token-0123456789abcdef" } });
  let err = "";
  const base = await new Promise<string>((resolve, reject) => {
    server.stderr!.setEncoding("utf8").on("data", (s: string) => {
      err += s;
      const m = /on (http:\/\/localhost:\d+)\//.exec(err);
      if (m) resolve(m[1]!);
    });
    server.on("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { server, base, listenMs: performance.now() - t };
}
