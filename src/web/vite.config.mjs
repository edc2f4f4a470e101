// Builds the page into dist/web, which `sitrep serve` serves. Run by the package's build and prepare scripts.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "/",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    emptyOutDir: true,
    // The map's outlines stay a separate file (fetched once, cached), not inlined into the script.
    assetsInlineLimit: 0,
    target: "es2022",
    reportCompressedSize: false,
  },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
});
