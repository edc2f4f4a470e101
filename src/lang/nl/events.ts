import type { EventLexicon } from "../../pipeline/events/lexicon.js";

export const events: EventLexicon = {};
