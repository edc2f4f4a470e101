// Run by `npm install` (prepare) and `npm run build`, after tsc: bundles what `sitrep extract` runs (the CLI and
// every module of the extract path, ~80 files) into one CommonJS file, dist/src/cli/main.bundle.cjs, beside a
// stamp of the compiled modules it was made of (main.bundle.json) and V8's code cache of it after extracting
// the sample reports (main.bundle.cache; see src/cli/bundle-stamp.ts). A small extract spent a fifth of its
// CPU finding, reading and compiling those files one by one through the ESM loader, and a sixth compiling the
// functions it runs.
//
// bin/sitrep.js uses the bundle for `extract` only, and only while every module it was made of is the same
// file (size and time of change) as in dist: after a bare `tsc` it is stale and the modules in dist run, so a
// bundle can never run code older than dist. The other commands' modules stay outside it (their dynamic
// imports are kept), so no class is ever loaded twice in a process.
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { rolldown } from "rolldown";
import { BUNDLE_FILE, CACHE_FILE, RESOLVE_PARAM, STAMP_FILE, type BundleStamp } from "../src/cli/bundle-stamp.js";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cliDir = resolve(dist, "src/cli");
const entry = resolve(cliDir, "main.js");
// what the extract command imports when it runs: bundled; every other command's modules stay outside
const EXTRACT_IMPORTS = new Set(["./extract.js", "../export/oneshot.js", "../export/markdown.js"]);
// packages in the bundle (pure JavaScript, loaded by every extract, used by no module outside the bundle in the
// same process); their files are in the stamp, so a bundle made from another version of one is stale
const BUNDLED_PACKAGES = new Set(["commander"]);

const t = performance.now();
const bundle = await rolldown({
  input: entry,
  platform: "node",
  // packages resolve from node_modules as before (some load lazily through require), but for those that every
  // extract loads: compiled from the bundle's code cache, not found, read and compiled file by file
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("\0") && !BUNDLED_PACKAGES.has(id),
  plugins: [
    {
      name: "extract-only",
      resolveDynamicImport(source, importer) {
        if (typeof source !== "string" || !importer) return null;
        if (importer === entry && EXTRACT_IMPORTS.has(source)) return null;
        if (!source.startsWith(".")) return { id: source, external: true };
        // kept as written: right from the bundle only when the importer sits in the same folder
        if (dirname(importer) !== cliDir) throw new Error(`bundle-cli: dynamic import ${source} in ${importer} would not resolve from the bundle`);
        return { id: source, external: true };
      },
    },
  ],
  // CommonJS has no import.meta.resolve: the loader hands the bundle its own (src/cli/bundle-stamp.ts), which
  // resolves from dist/src/cli as the modules do from their folders (the same node_modules)
  transform: { define: { "import.meta.resolve": RESOLVE_PARAM } },
  logLevel: "warn",
});
// ASCII (escapes for the rest) and no comments: V8 decodes and parses a one-byte source faster
const { output } = await bundle.generate({ format: "cjs", codeSplitting: false, charset: "ascii", comments: false });
await bundle.close();

const chunk = output.find((o) => o.type === "chunk");
if (!chunk) throw new Error("bundle-cli: no output");
// a process starting meanwhile sees no stamp (and runs dist), never a bundle half written
rmSync(resolve(cliDir, STAMP_FILE), { force: true });
rmSync(resolve(cliDir, CACHE_FILE), { force: true });
const tmp = resolve(cliDir, `${BUNDLE_FILE}.${process.pid}.tmp`);
writeFileSync(tmp, chunk.code);
renameSync(tmp, resolve(cliDir, BUNDLE_FILE));
const modules: BundleStamp["modules"] = [];
for (const id of chunk.moduleIds) {
  if (!id.startsWith("/")) continue;
  const s = statSync(id);
  modules.push([relative(cliDir, id), s.size, s.mtimeMs]);
}
if (!modules.some(([p]) => p === "extract.js")) throw new Error("bundle-cli: the extract modules are not in the bundle");
writeFileSync(resolve(cliDir, STAMP_FILE), JSON.stringify({ modules } satisfies BundleStamp) + "\n");
const wide = /[^\x00-\x7f]/.exec(chunk.code);
if (wide) console.warn(`cli bundle: not ASCII (${JSON.stringify(chunk.code.slice(Math.max(0, wide.index - 40), wide.index + 10))}): a raw template with such characters makes the whole source two-byte, slower to decode and parse`);

// the code cache: what extracting the samples (both languages, text and HTML) compiles, in a process of its own
const root = resolve(dist, "..");
const samples = readdirSync(resolve(root, "samples")).filter((f) => /\.(txt|html)$/.test(f)).map((f) => resolve(root, "samples", f));
const warm = spawnSync(
  process.execPath,
  [
    "--input-type=module",
    "-e",
    `const { freshBundle, loadBundle } = await import(${JSON.stringify(pathToFileURL(resolve(cliDir, "bundle-stamp.js")).href)});
     const url = freshBundle();
     if (!url) throw new Error("the bundle just made is not fresh");
     const b = loadBundle(url);
     await b.run(["extract", ...process.argv.slice(1)]);
     b.saveCache();`,
    ...samples,
  ],
  // (the extract's heap bound left out: it sets V8 flags, and V8 refuses a code cache made under other flags)
  { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, SITREP_BUNDLE_WARMUP: "1" } },
);
if (warm.status !== 0) throw new Error(`bundle-cli: the bundle failed on the samples: ${warm.stderr}`);
console.log(
  `cli bundle: ${modules.length} modules, ${(chunk.code.length / 1e6).toFixed(2)} MB, code cache ${(statSync(resolve(cliDir, CACHE_FILE)).size / 1e6).toFixed(2)} MB, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
