// One ingest for bench/ingest.ts, in a process of its own: node ingest-child.js DB DIR JOBS ("default" or a
// number). Prints one JSON line: seconds, peak RSS (MB) of this process and its threads, the summary.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";

const [db, dir, jobs] = process.argv.slice(2) as [string, string, string];
const files = readdirSync(dir).sort().map((f) => join(dir, f));
const store = await openStore(db);
const t0 = performance.now();
const sum = await ingestFiles(store, files, { progress: process.stderr.isTTY ? "bar" : "none", ...(jobs !== "default" && { jobs: Number(jobs) }) });
await store.close();
const secs = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    secs,
    rss: process.resourceUsage().maxRSS / 1024,
    sum: { added: sum.added, unchanged: sum.unchanged, updated: sum.updated, failed: sum.failed.length, reports: sum.reports },
  }),
);
