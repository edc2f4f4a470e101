#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm install` through the prepare script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("sitrep: not built yet: run `npm install` (or `npm run build`) in the sitrep folder first\n");
  process.exit(1);
}
// `extract` runs from the one-file bundle of its modules when that bundle is as new as dist (see
// scripts/bundle-cli.ts): loading ~85 modules one by one was a fifth of a small extract's CPU
let entry = main;
if (process.argv[2] === "extract") {
  const { freshBundle } = await import(new URL("../dist/src/cli/bundle-stamp.js", import.meta.url).href);
  entry = freshBundle() ?? main;
}
const { run } = await import(entry.href);
process.exitCode = await run(process.argv.slice(2));
