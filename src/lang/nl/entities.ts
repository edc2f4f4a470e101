import type { EntityLexicon } from "../../pipeline/entities/lexicon.js";

export const entities: EntityLexicon = {};
