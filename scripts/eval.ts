// npm run eval [-- SUITE…]: extracts the reports of each gold suite under ../shared and prints the scorer's
// table. Suites: model (the seed report, default), conll, meantime, tempeval, polnear, all.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { extractFiles } from "../src/cli/extract.js";
import { buildExport } from "../src/export/json.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const shared = resolve(root, "../shared");

const SUITES: Record<string, { dir: string; texts: (dir: string) => string[]; golds: (dir: string) => string[] }> = {
  model: {
    dir: "gold",
    texts: () => readdirSync(join(shared, "corpus")).filter((f) => f.endsWith(".txt")).sort().map((f) => join(shared, "corpus", f)),
    golds: (d) => readdirSync(d).filter((f) => f.endsWith(".gold.json")).sort().map((f) => join(d, f)),
  },
};
for (const [name, dir] of [
  ["conll", "external/conll2002-nl-testb"],
  ["meantime", "external/meantime-en"],
  ["tempeval", "external/tempeval3-platinum"],
  ["polnear", "external/polnear-en-test"],
] as const) {
  SUITES[name] = {
    dir,
    texts: (d) => readdirSync(d).filter((f) => f.endsWith(".txt")).sort().map((f) => join(d, f)),
    golds: (d) => readdirSync(d).filter((f) => f.endsWith(".gold.json")).sort().map((f) => join(d, f)),
  };
}

const args = process.argv.slice(2);
const full = args.includes("--misses");
let wanted = args.filter((a) => !a.startsWith("--"));
if (!wanted.length) wanted = ["model"];
if (wanted.includes("all")) wanted = Object.keys(SUITES);

if (!existsSync(join(shared, "eval", "score.mjs"))) {
  console.log(`eval: ../shared is not here (looked in ${shared}); nothing to score`);
  process.exit(0);
}
let status = 0;
const tmp = mkdtempSync(join(tmpdir(), "sitrep-eval-"));
for (const name of wanted) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`eval: unknown suite ${name} (known: ${Object.keys(SUITES).join(", ")}, all)`);
    process.exit(2);
  }
  const dir = join(shared, suite.dir);
  if (!existsSync(dir)) {
    console.log(`== ${name}: ${dir} is not here; skipped`);
    continue;
  }
  const t0 = performance.now();
  const { docs } = extractFiles(suite.texts(dir), {});
  const ms = performance.now() - t0;
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify(buildExport(docs)));
  console.log(`== ${name}: ${docs.length} reports extracted in ${ms.toFixed(0)} ms`);
  const r = spawnSync(process.execPath, [join(shared, "eval", "score.mjs"), file, ...suite.golds(dir)], { encoding: "utf8", maxBuffer: 1 << 28 });
  const lines = r.stdout.split("\n");
  const cut = lines.indexOf("misses:");
  if (full || cut < 0) process.stdout.write(r.stdout);
  else {
    const misses = lines.slice(cut + 1).filter((l) => l.startsWith("  "));
    process.stdout.write([...lines.slice(0, cut), `misses: ${misses.length} (npm run eval -- ${name} --misses to list)`, ...lines.slice(cut + 1).filter((l) => !l.startsWith("  "))].join("\n"));
  }
  if (r.status !== 0) status = 1;
}
rmSync(tmp, { recursive: true, force: true });
process.exit(status);
