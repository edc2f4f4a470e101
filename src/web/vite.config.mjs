// Builds the page into dist/web, which `sitrep serve` serves. Run by the package's build and prepare scripts.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../../dist/web", import.meta.url));

/**
 * Every text file of the build also as .br and .gz beside it (when smaller): the server sends the one the
 * browser accepts, compressed once here at the strongest setting rather than on every request. The map's
 * outlines and waters are most of the page's bytes (about 1.9 MB of JSON, a fifth of that compressed).
 */
function precompress() {
  const br = promisify(brotliCompress), gz = promisify(gzip);
  return {
    name: "sitrep-precompress",
    apply: "build",
    async closeBundle() {
      const files = [];
      const walk = (d) => {
        for (const n of readdirSync(d)) {
          const p = join(d, n);
          if (statSync(p).isDirectory()) walk(p);
          else if (/\.(html|js|css|json|svg|txt)$/.test(n) && statSync(p).size >= 1024) files.push(p);
        }
      };
      walk(outDir);
      await Promise.all(
        files.map(async (p) => {
          const body = readFileSync(p);
          const [b, g] = await Promise.all([
            br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gz(body, { level: 9 }),
          ]);
          if (b.length < body.length) writeFileSync(`${p}.br`, b);
          if (g.length < body.length) writeFileSync(`${p}.gz`, g);
        }),
      );
    },
  };
}

export default defineConfig({
  root: here,
  base: "/",
  logLevel: "warn",
  build: {
    outDir,
    emptyOutDir: true,
    // The map's outlines stay a separate file (fetched once, cached), not inlined into the script.
    assetsInlineLimit: 0,
    target: "es2022",
    reportCompressedSize: false,
  },
  plugins: [precompress()],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
});
