// A language pack whose stage lexicons load when a stage first reads them. A process reads the packs of the
// languages its reports are in (and, for names and demonyms, the other language's entity lexicon): a small
// `sitrep extract` of an English report does not evaluate the Dutch claim, time and count lexicons.
import type { Lang } from "../model/doc.js";
import type { LangPack } from "./types.js";

type Stages = Omit<LangPack, "code">;

/**
 * Loads a lexicon module of the pack's own folder: `bundled` is the call `require("./x.js")` written out,
 * which the CLI bundle (CommonJS, scripts/bundle-cli.ts) turns into that module's initialiser; in dist, an ES
 * module without `require`, Node's require of an ES module loads `path` (synchronously, as stages need it).
 */
export type LexiconLoader = <T>(path: string, bundled: () => T) => T;

/** The pack of `code`; `esm` is `createRequire(import.meta.url)` of the folder that holds its modules. */
export function lazyPack(code: Lang, esm: NodeJS.Require, load: { readonly [K in keyof Stages]: (from: LexiconLoader) => Stages[K] }): LangPack {
  const from: LexiconLoader = (path, bundled) => (typeof require === "function" ? bundled() : esm(path));
  const pack = { code } as LangPack;
  for (const k of Object.keys(load) as (keyof Stages)[]) {
    let v: Stages[typeof k] | undefined;
    Object.defineProperty(pack, k, { enumerable: true, get: () => (v ??= load[k](from)) });
  }
  return pack;
}
