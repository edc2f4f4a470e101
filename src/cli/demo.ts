import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Lang } from "../model/doc.js";
import { corrected, openStore } from "../store/index.js";
import { buildPicture } from "../ledger/picture.js";
import { composeBriefing, renderBriefing } from "../brief/index.js";
import { ingestFiles } from "./ingest.js";
import { fail, out } from "./io.js";

/** The sample reports that ship with the package (samples/ at the package root). */
export function sampleDir(): string {
  // dist/src/cli/demo.js → package root
  return fileURLToPath(new URL("../../../samples/", import.meta.url));
}

export function sampleFiles(): string[] {
  const dir = sampleDir();
  return readdirSync(dir)
    .filter((f) => /\.(txt|md|html?|jsonl|json|xml|rss|atom)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Ingests the sample reports into a temporary ledger and prints the briefing; the ledger is removed after. */
export async function demo(format: string, lang: Lang = "en"): Promise<number> {
  let files: string[];
  try {
    files = sampleFiles();
  } catch {
    fail(`the sample reports are missing (${sampleDir()})`);
    return 1;
  }
  const dir = mkdtempSync(join(tmpdir(), "sitrep-demo-"));
  try {
    const store = await openStore(join(dir, "demo.db"));
    let text: string;
    let failed: number;
    try {
      const sum = await ingestFiles(store, files, { progress: "none" });
      failed = sum.failed.length;
      const briefing = composeBriefing(await store.snapshot(async (r) => buildPicture(await corrected(r), { lang })), lang);
      text = renderBriefing(briefing, format === "json" ? "json" : format === "html" ? "html" : "md");
    } finally {
      await store.close();
    }
    await out(text);
    return failed ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
