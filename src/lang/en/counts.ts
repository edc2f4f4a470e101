import type { CountLexicon } from "../../pipeline/counts/lexicon.js";

export const counts: CountLexicon = {};
