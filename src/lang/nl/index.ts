import type { LangPack } from "../types.js";
import { segment } from "./segment.js";
import { entities } from "./entities.js";
import { claims } from "./claims.js";
import { times } from "./times.js";
import { counts } from "./counts.js";
import { events } from "./events.js";

export const nl: LangPack = { code: "nl", segment, entities, claims, times, counts, events };
