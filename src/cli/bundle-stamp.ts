// The CLI bundle (made by scripts/bundle-cli.ts) and its stamp: which compiled modules it holds, each with the
// size and time of change it had then. A bundle whose modules have all stayed the same is the same code as
// dist; one that is stale (a bare `tsc` rewrites every module) is not used.
//
// The bundle is CommonJS so that it can be compiled with V8's code cache (Node 20 has none for ES modules):
// the cache, made at build by extracting the sample reports, holds the bytecode of every function that run
// compiled, which a small extract otherwise compiles anew (a sixth of its CPU).
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import vm from "node:vm";

export const BUNDLE_FILE = "main.bundle.cjs";
export const STAMP_FILE = "main.bundle.json";
export const CACHE_FILE = "main.bundle.cache";
/** The name under which the bundle finds `import.meta.resolve` (CommonJS has no import.meta). */
export const RESOLVE_PARAM = "__sitrep_import_meta_resolve";

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

export interface LoadedBundle {
  /** The CLI's `run` (src/cli/main.ts). */
  run(argv: string[]): Promise<number>;
  /** Whether V8 took the code cache (false: none, or made for another bundle, V8 or flags). */
  cacheUsed: boolean;
  /** Writes the code cache of what has been compiled so far, stamped with the bundle it belongs to. */
  saveCache(): void;
}

// the cache file starts with the bundle's size and time of change: V8 checks a cache against the source's
// length only, so a cache is taken only for the very bundle file it was made from
const HEAD = 16;
const head = (s: { size: number; mtimeMs: number }) => {
  const b = Buffer.alloc(HEAD);
  b.writeDoubleLE(s.size, 0);
  b.writeDoubleLE(s.mtimeMs, 8);
  return b;
};

/**
 * V8 optimises a function once it has run this many bytes of bytecode (four times V8's default): a small
 * extract spent a sixteenth of its instructions optimising functions it then barely ran, while a long one
 * still has every hot function optimised within its first fraction of a second. Set before the bundle is
 * compiled, so that its code cache is made and taken under the same flags (V8 checks them).
 */
export const V8_FLAGS = "--interrupt-budget=270336";

/** Compiles and runs the bundle as a CommonJS module, with the code cache beside it when that is its own. */
export function loadBundle(bundle: URL): LoadedBundle {
  setFlagsFromString(V8_FLAGS);
  const filename = fileURLToPath(bundle);
  const cacheFile = fileURLToPath(new URL(CACHE_FILE, bundle));
  // ASCII by construction (scripts/bundle-cli.ts): latin1 reads it as one-byte characters without decoding
  const source = readFileSync(filename, "latin1");
  const stamp = head(statSync(filename));
  let cachedData: Buffer | undefined;
  try {
    const c = readFileSync(cacheFile);
    if (c.length > HEAD && c.subarray(0, HEAD).equals(stamp)) cachedData = c.subarray(HEAD);
  } catch {
    /* no cache: compiled as usual */
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, ${RESOLVE_PARAM}) {${source}\n})`, {
    filename,
    cachedData,
    // the bundle keeps the other commands' dynamic imports; they load as from any module
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as { run?: LoadedBundle["run"] } };
  const fn = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string, resolve: (s: string) => string) => void;
  fn(module.exports, createRequire(filename), module, filename, dirname(filename), (s) => import.meta.resolve(s));
  const run = module.exports.run;
  if (typeof run !== "function") throw new Error(`${filename}: not the CLI bundle`);
  return {
    run,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    saveCache: () => {
      // whole or not at all for a process starting meanwhile
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([stamp, script.createCachedData()]));
      renameSync(tmp, cacheFile);
    },
  };
}
