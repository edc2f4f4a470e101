import { createRequire } from "node:module";
import type { LangPack } from "../types.js";
import { lazyPack } from "../lazy.js";

// each stage's lexicon is loaded when a stage first reads it (src/lang/lazy.ts); the requires are written out
// so that the CLI bundle finds the modules
export const nl: LangPack = lazyPack("nl", createRequire(import.meta.url), {
  segment: (from) => from<typeof import("./segment.js")>("./segment.js", () => require("./segment.js")).segment,
  entities: (from) => from<typeof import("./entities.js")>("./entities.js", () => require("./entities.js")).entities,
  claims: (from) => from<typeof import("./claims.js")>("./claims.js", () => require("./claims.js")).claims,
  times: (from) => from<typeof import("./times.js")>("./times.js", () => require("./times.js")).times,
  counts: (from) => from<typeof import("./counts.js")>("./counts.js", () => require("./counts.js")).counts,
  events: (from) => from<typeof import("./events.js")>("./events.js", () => require("./events.js")).events,
});
