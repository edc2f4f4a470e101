// node dist/scripts/fuse-eval.js [EVENT…] [--misses] [--keep DIR]: for each devset event under
// ../shared/devset, extracts its reports (as `sitrep extract` does), fuses them without a store, writes a
// whole-ledger sitrep/1 export and prints score-cross.mjs's cross-report scores and score.mjs's
// contradictions inside reports. A development tool: nothing here ships in the package.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { extractFiles } from "../src/cli/extract.js";
import { buildExport } from "../src/export/json.js";
import { fusedLedgerExport } from "../src/ledger/fusedexport.js";
import { useGold } from "./devset-gold.js";
import { runPipeline } from "../src/pipeline/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const shared = resolve(root, "../shared");
const devset = join(shared, "devset");
if (!existsSync(join(shared, "eval", "score-cross.mjs"))) {
  console.log(`fuse-eval: ../shared is not here (looked in ${shared}); nothing to score`);
  process.exit(0);
}
const args = process.argv.slice(2);
const misses = args.includes("--misses");
// --gold-inputs: the claims and figures of each report from its gold file instead of the extraction (entities,
// places and times stay extracted): how well fusion does on correct claims, apart from extraction errors
const goldInputs = args.includes("--gold-inputs");
const keepAt = args.indexOf("--keep");
const keep = keepAt >= 0 ? args[keepAt + 1] : undefined;
const wanted = args.filter((a, i) => !a.startsWith("--") && !(keepAt >= 0 && i === keepAt + 1));
const events = readdirSync(devset, { withFileTypes: true }).filter((d) => d.isDirectory() && (!wanted.length || wanted.includes(d.name))).map((d) => d.name).sort();
const tmp = keep ?? mkdtempSync(join(tmpdir(), "fuse-eval-"));
if (keep) mkdirSync(keep, { recursive: true });

const COLS = ["contra", "x.ent.merged", "x.contra", "x.figures", "x.corrob.pairs", "x.kept_apart"];
const rows: Record<string, string>[] = [];
const sums: Record<string, [number, number]> = {};
for (const ev of events) {
  const dir = join(devset, ev);
  const files = readdirSync(join(dir, "corpus")).filter((f) => f.endsWith(".txt")).sort().map((f) => join(dir, "corpus", f));
  const golds = readdirSync(join(dir, "gold")).filter((f) => f.endsWith(".gold.json")).sort().map((f) => join(dir, "gold", f));
  const { docs } = extractFiles(files, {});
  if (goldInputs)
    docs.forEach((d, i) => {
      useGold(d, golds.find((g) => g.endsWith(files[i]!.split("/").pop()!.replace(/\.txt$/, ".gold.json")))!);
      runPipeline(d, new Set(["contradictions"]));
    });
  const one = join(tmp, `${ev}-extract.json`);
  writeFileSync(one, JSON.stringify(buildExport(docs)));
  const ledger = join(tmp, `${ev}-ledger.json`);
  writeFileSync(ledger, JSON.stringify(fusedLedgerExport(docs), null, 1));
  const s = spawnSync("node", [join(shared, "eval", "score.mjs"), one, ...golds, "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const sj = JSON.parse(s.stdout);
  const x = spawnSync("node", [join(shared, "eval", "score-cross.mjs"), ledger, join(dir, "CROSS.md"), "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const lines = x.stdout.trim().split("\n");
  const xs = JSON.parse(lines.pop()!).score as Record<string, number>;
  const row: Record<string, string> = { set: ev };
  const put = (col: string, v: number | undefined) => (row[col] = v === undefined ? "–" : (v * 100).toFixed(1));
  put("contra", sj.score["contradictions.found"]);
  put("x.ent.merged", xs["cross.entities.merged"]);
  put("x.contra", xs["cross.contradictions.found"]);
  put("x.figures", xs["cross.figures.found"]);
  put("x.corrob.pairs", xs["cross.corroborations.pairs"]);
  put("x.kept_apart", xs["cross.propositions.kept_apart"]);
  rows.push(row);
  for (const l of lines) {
    const m = /^(\S+)\s+[\d.]+%\s+\((\d+)\/(\d+)\)/.exec(l);
    if (m) {
      const t = (sums[m[1]!] ??= [0, 0]);
      t[0] += Number(m[2]);
      t[1] += Number(m[3]);
    }
  }
  const cm = /contradictions\.found[^(]*\((\d+)\/(\d+)\)/.exec(spawnSync("node", [join(shared, "eval", "score.mjs"), one, ...golds], { encoding: "utf8", maxBuffer: 1 << 28 }).stdout);
  if (cm) {
    const t = (sums["contradictions.found"] ??= [0, 0]);
    t[0] += Number(cm[1]);
    t[1] += Number(cm[2]);
  }
  if (misses) console.log(`# ${ev}\n${lines.join("\n")}`);
}
console.log(["set".padEnd(11), ...COLS.map((c) => c.padStart(13))].join(" "));
for (const r of rows) console.log([r.set!.padEnd(11), ...COLS.map((c) => (r[c] ?? "–").padStart(13))].join(" "));
console.log("pooled: " + Object.entries(sums).map(([k, [h, n]]) => `${k} ${h}/${n}`).join(", "));
if (!keep) rmSync(tmp, { recursive: true, force: true });
