import type { Doc } from "../model/doc.js";
import { langPack } from "../lang/index.js";
import type { Stage, StageContext } from "./stage.js";
import { segment } from "./segment/index.js";
import { entities } from "./entities/index.js";
import { times } from "./times/index.js";
import { counts } from "./counts/index.js";
import { claims } from "./claims/index.js";
import { events } from "./events/index.js";
import { contradictions } from "./contradictions/index.js";

/**
 * The stages in the order they run. Each reads what the earlier ones wrote: claims resolve their sources
 * against entities, counts attach to claims, events gather claims, entities, times and counts.
 */
export const STAGES: readonly { name: string; run: Stage }[] = [
  { name: "segment", run: segment },
  { name: "entities", run: entities },
  { name: "times", run: times },
  { name: "claims", run: claims },
  { name: "counts", run: counts },
  { name: "events", run: events },
  { name: "contradictions", run: contradictions },
];

/** Stages that read a language's lexicons for meaning; not run on a report in a language sitrep does not read. */
const SEGMENT_ONLY: ReadonlySet<string> = new Set(["segment"]);

export function runPipeline(doc: Doc, only?: ReadonlySet<string>): Doc {
  const ctx: StageContext = { lang: langPack(doc.lang) };
  // German read with Dutch lexicons would yield invented claims and figures: such a report is split into
  // sentences and stored, nothing more
  if (doc.meta.otherLanguage) only = only ? new Set([...only].filter((s) => SEGMENT_ONLY.has(s))) : SEGMENT_ONLY;
  for (const stage of STAGES) if (!only || only.has(stage.name)) stage.run(doc, ctx);
  return doc;
}
