#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm install` through the prepare script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("sitrep: not built yet: run `npm install` (or `npm run build`) in the sitrep folder first\n");
  process.exit(1);
}
// `extract` runs from the one-file bundle of its modules, with V8's code cache, when that bundle is as new as
// dist (see scripts/bundle-cli.ts): loading ~80 modules one by one and compiling them was a third of a small
// extract's CPU
let run;
if (process.argv[2] === "extract") {
  const { freshBundle, loadBundle } = await import(new URL("../dist/src/cli/bundle-stamp.js", import.meta.url).href);
  const bundle = freshBundle();
  if (bundle) ({ run } = loadBundle(bundle));
}
run ??= (await import(main.href)).run;
process.exitCode = await run(process.argv.slice(2));
