// Quality checks against the gold reports in ../shared. They run when that folder is there (CI has it)
// and say so when it is not: nothing from ../shared is copied into the repository.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFiles } from "../src/cli/extract.js";
import { buildExport } from "../src/export/json.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const shared = resolve(root, "../shared");
const here = existsSync(join(shared, "eval", "score.mjs"));
const skip = here ? false : `../shared is not here (${shared}): gold-report checks skipped`;
if (!here) console.log(`# ${skip}`);

const corpus = () => readdirSync(join(shared, "corpus")).filter((f) => f.endsWith(".txt")).sort().map((f) => join(shared, "corpus", f));

function score(files: string[], golds: string[]): Record<string, number> {
  const { docs } = extractFiles(files, {});
  const dir = mkdtempSync(join(tmpdir(), "sitrep-quality-"));
  const file = join(dir, "export.json");
  writeFileSync(file, JSON.stringify(buildExport(docs)));
  const r = spawnSync(process.execPath, [join(shared, "eval", "score.mjs"), file, ...golds, "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
  return JSON.parse(r.stdout).score;
}

test("the model report splits into its 48 sentences", { skip }, () => {
  const { docs } = extractFiles([join(shared, "corpus", "belgorod-2023-05-23.nl.txt")], {});
  assert.equal(docs[0]!.sentences.length, 48);
});

test("the model report is scored by the gold scorer", { skip }, () => {
  const golds = readdirSync(join(shared, "gold")).filter((f) => f.endsWith(".gold.json")).map((f) => join(shared, "gold", f));
  const s = score(corpus(), golds);
  assert.ok("claims.found" in s);
});
