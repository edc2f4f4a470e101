import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { buildExport } from "../export/json.js";
import { renderSummary } from "../export/markdown.js";
import { extractFiles } from "./extract.js";
import { fail, out } from "./io.js";

/** The sample reports that ship with the package (samples/ at the package root). */
export function sampleDir(): string {
  // dist/src/cli/demo.js → package root
  return fileURLToPath(new URL("../../../samples/", import.meta.url));
}

export function sampleFiles(): string[] {
  const dir = sampleDir();
  return readdirSync(dir)
    .filter((f) => /\.(txt|md|html?)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export async function demo(format: string): Promise<number> {
  let files: string[];
  try {
    files = sampleFiles();
  } catch {
    fail(`the sample reports are missing (${sampleDir()})`);
    return 1;
  }
  const { docs, failed } = extractFiles(files, {});
  await out(format === "json" ? JSON.stringify(buildExport(docs), null, 2) + "\n" : renderSummary(docs));
  return failed ? 1 : 0;
}
