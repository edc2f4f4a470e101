// The one-file bundle `sitrep extract` runs from (scripts/bundle-cli.ts): used only while it is made of the
// modules in dist as they are, and then it writes what the modules write.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, utimesSync, writeFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUNDLE_FILE, freshBundle, loadBundle, STAMP_FILE } from "../src/cli/bundle-stamp.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const samples = join(root, "samples");

test("a bundle is used only while every module it was made of is unchanged", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bundle-"));
  try {
    const url = pathToFileURL(dir + "/");
    const mods = ["main.js", "extract.js"];
    for (const m of mods) writeFileSync(join(dir, m), `export const name = ${JSON.stringify(m)};\n`);
    writeFileSync(join(dir, BUNDLE_FILE), "exports.run = async () => 0;\n");
    const stamp = () =>
      writeFileSync(join(dir, STAMP_FILE), JSON.stringify({ modules: mods.map((m) => [m, statSync(join(dir, m)).size, statSync(join(dir, m)).mtimeMs]) }));
    stamp();
    assert.equal(freshBundle(url)?.href, new URL(BUNDLE_FILE, url).href);

    // a rebuilt module (tsc rewrites them all) makes the bundle stale, even with the same size
    const later = new Date(statSync(join(dir, "extract.js")).mtimeMs + 5000);
    utimesSync(join(dir, "extract.js"), later, later);
    assert.equal(freshBundle(url), null);
    stamp();
    assert.notEqual(freshBundle(url), null);
    // a changed size alone, too
    writeFileSync(join(dir, "main.js"), "export const name = 'main.js, changed';\n");
    utimesSync(join(dir, "main.js"), later, later);
    stamp();
    assert.notEqual(freshBundle(url), null);
    writeFileSync(join(dir, "main.js"), "export const name = 'main.js, changed again';\n");
    utimesSync(join(dir, "main.js"), later, later);
    assert.equal(freshBundle(url), null);
    stamp();

    // a module gone, the bundle gone, or no readable stamp: the modules run
    rmSync(join(dir, "extract.js"));
    assert.equal(freshBundle(url), null);
    writeFileSync(join(dir, "extract.js"), "");
    stamp();
    assert.notEqual(freshBundle(url), null);
    rmSync(join(dir, BUNDLE_FILE));
    assert.equal(freshBundle(url), null);
    writeFileSync(join(dir, BUNDLE_FILE), "");
    writeFileSync(join(dir, STAMP_FILE), '{"modules": [["main.js", 4');
    assert.equal(freshBundle(url), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the code cache is taken only for the bundle file it was made from", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bundle-"));
  try {
    const file = join(dir, BUNDLE_FILE);
    const url = pathToFileURL(file);
    // two bundles of the same length (all V8 itself checks), answering differently
    const bundle = (code: number) => `exports.run = async (argv) => argv.length + ${code};\n`;
    writeFileSync(file, bundle(10));
    const first = loadBundle(url);
    assert.equal(first.cacheUsed, false);
    assert.equal(await first.run(["a", "b"]), 12);
    first.saveCache();
    const again = loadBundle(url);
    assert.equal(again.cacheUsed, true);
    assert.equal(await again.run(["a"]), 11);

    writeFileSync(file, bundle(20));
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later);
    const changed = loadBundle(url);
    assert.equal(changed.cacheUsed, false);
    assert.equal(await changed.run(["a"]), 21);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("extract from the bundle writes what extract from the modules writes", () => {
  const made = spawnSync(process.execPath, [join(root, "dist", "scripts", "bundle-cli.js")], { encoding: "utf8", cwd: root });
  assert.equal(made.status, 0, made.stderr);
  const fresh = freshBundle(pathToFileURL(join(root, "dist", "src", "cli") + "/"));
  assert.notEqual(fresh, null, "the bundle just made is fresh");
  assert.equal(loadBundle(fresh!).cacheUsed, true, "V8 takes the code cache made with the bundle");
  // the modules, in this process's way: main.js imported directly, never the bundle
  const fromModules = (args: string[]) =>
    spawnSync(process.execPath, ["--input-type=module", "-e", `const { run } = await import(${JSON.stringify(pathToFileURL(join(root, "dist/src/cli/main.js")).href)}); process.exitCode = await run(process.argv.slice(1));`, ...args], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
      cwd: root,
    });
  const fromBin = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 28, cwd: root });
  const files = ["2023-05-22-grayvoron-raid.en.txt", "2023-05-23-belgorod-legioen.nl.txt", "2023-05-23-kozinka-evacuation.en.html"].map((f) => join(samples, f));
  for (const args of [["extract", ...files], ["extract", files[1]!, "--format", "md"], ["extract", join(samples, "no-such-report.txt")], ["extract", "--lang", "xx", files[0]!]]) {
    const a = fromModules(args);
    const b = fromBin(args);
    assert.equal(b.status, a.status, `${args.join(" ")}: ${b.stderr}`);
    assert.equal(b.stdout, a.stdout, args.join(" "));
    assert.equal(b.stderr, a.stderr, args.join(" "));
  }
});
