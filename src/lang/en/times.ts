import type { TimeLexicon } from "../../pipeline/times/lexicon.js";

export const times: TimeLexicon = {};
