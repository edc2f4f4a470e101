import { setFlagsFromString } from "node:v8";

/**
 * An ingest spent as much CPU optimizing code as running it: the extraction's and the store's large
 * functions (a few of 20-60 kB of bytecode) met new object shapes report after report, were thrown back
 * ("wrong map") and compiled again by TurboFan, up to a second each, on V8's helper threads: ~8 ms CPU a
 * report in a `sitrep worker` run of 1000, taken from the cores the extraction threads, the writer and the
 * database need. Left to the baseline compiler, those functions run about as fast here, and the small hot
 * ones are still optimized. `sitrep ingest` of 2,000 generated reports: CPU 33.5 → 22.1 s on one thread,
 * 41.8 → 25.6 s with two extraction threads (the flag is the process's: its threads share it). Not where
 * the user set the flag.
 */
export function limitOptimizing(): void {
  const flag = "--max-optimized-bytecode-size";
  if ([...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((a) => a.startsWith(flag))) return;
  setFlagsFromString(`${flag}=2000`);
}
