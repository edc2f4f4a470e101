import type { ClaimLexicon } from "../../pipeline/claims/lexicon.js";

export const claims: ClaimLexicon = {};
