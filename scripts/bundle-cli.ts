// Run by `npm install` (prepare) and `npm run build`, after tsc: bundles what `sitrep extract` runs (the CLI and
// every module of the extract path, ~85 files) into one file, dist/src/cli/main.bundle.js, beside a stamp of the
// compiled modules it was made of (main.bundle.json). A small extract spent a fifth of its CPU finding, reading
// and compiling those files one by one through the ESM loader.
//
// bin/sitrep.js uses the bundle for `extract` only, and only while every module it was made of is the same
// file (size and time of change) as in dist: after a bare `tsc` it is stale and the modules in dist run, so a
// bundle can never run code older than dist. The other commands' modules stay outside it (their dynamic
// imports are kept), so no class is ever loaded twice in a process.
import { renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";
import { BUNDLE_FILE, STAMP_FILE, type BundleStamp } from "../src/cli/bundle-stamp.js";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cliDir = resolve(dist, "src/cli");
const entry = resolve(cliDir, "main.js");
// what the extract command imports when it runs: bundled; every other command's modules stay outside
const EXTRACT_IMPORTS = new Set(["./extract.js", "../export/json.js", "../export/markdown.js"]);

const t = performance.now();
const bundle = await rolldown({
  input: entry,
  platform: "node",
  // packages resolve from node_modules as before (some load lazily through require)
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("\0"),
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
  logLevel: "warn",
});
// ASCII (escapes for the rest) and no comments: V8 decodes and parses a one-byte source faster
const { output } = await bundle.generate({ format: "esm", codeSplitting: false, charset: "ascii", comments: false });
await bundle.close();

const chunk = output.find((o) => o.type === "chunk");
if (!chunk) throw new Error("bundle-cli: no output");
// a process starting meanwhile sees no stamp (and runs dist), never a bundle half written
rmSync(resolve(cliDir, STAMP_FILE), { force: true });
const tmp = resolve(cliDir, `${BUNDLE_FILE}.${process.pid}.tmp`);
writeFileSync(tmp, chunk.code);
renameSync(tmp, resolve(cliDir, BUNDLE_FILE));
const modules: BundleStamp["modules"] = [];
for (const id of chunk.moduleIds) {
  if (!id.startsWith(dist + "/")) continue;
  const s = statSync(id);
  modules.push([relative(cliDir, id), s.size, s.mtimeMs]);
}
if (!modules.some(([p]) => p === "extract.js")) throw new Error("bundle-cli: the extract modules are not in the bundle");
writeFileSync(resolve(cliDir, STAMP_FILE), JSON.stringify({ modules } satisfies BundleStamp) + "\n");
const wide = /[^\x00-\x7f]/.exec(chunk.code);
if (wide) console.warn(`cli bundle: not ASCII (${JSON.stringify(chunk.code.slice(Math.max(0, wide.index - 40), wide.index + 10))}): a raw template with such characters makes the whole source two-byte, slower to decode and parse`);
console.log(`cli bundle: ${modules.length} modules, ${(chunk.code.length / 1e6).toFixed(2)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
