// A dependency loaded on first use. The HTML, feed and YAML readers pull in large packages (linkedom with
// its CSS engine, parse5, Readability, fast-xml-parser, yaml) that a run over plain-text reports never
// needs: loading them at start-up doubled the time of `sitrep extract report.txt`. require() of an ES
// module is synchronous in Node ≥ 20.19, so the readers stay synchronous.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The module `specifier` (resolved as an import would, so the same ES build loads), on first call. */
export function lazyModule<T>(specifier: string): () => T {
  let m: T | undefined;
  return () => (m ??= require(fileURLToPath(import.meta.resolve(specifier))) as T);
}
