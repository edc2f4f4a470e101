// The stamp of the CLI bundle (made by scripts/bundle-cli.ts): which compiled modules it holds, each with the
// size and time of change it had then. A bundle whose modules have all stayed the same is the same code as
// dist; one that is stale (a bare `tsc` rewrites every module) is not used.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BUNDLE_FILE = "main.bundle.js";
export const STAMP_FILE = "main.bundle.json";

export interface BundleStamp {
  /** [path from dist/src/cli, size in bytes, mtimeMs] of every compiled module in the bundle. */
  modules: [string, number, number][];
}

/** The bundle's URL when it exists and every module it was made of is unchanged; null otherwise. */
export function freshBundle(dir: URL = new URL("./", import.meta.url)): URL | null {
  try {
    const stamp = JSON.parse(readFileSync(fileURLToPath(new URL(STAMP_FILE, dir)), "utf8")) as BundleStamp;
    if (!Array.isArray(stamp.modules) || stamp.modules.length === 0) return null;
    for (const [path, size, mtimeMs] of stamp.modules) {
      const s = statSync(fileURLToPath(new URL(path, dir)), { throwIfNoEntry: false });
      if (!s || s.size !== size || s.mtimeMs !== mtimeMs) return null;
    }
    const bundle = new URL(BUNDLE_FILE, dir);
    return statSync(fileURLToPath(bundle), { throwIfNoEntry: false }) ? bundle : null;
  } catch {
    return null;
  }
}
