import type { Lang } from "../model/doc.js";
import type { LedgerLexicon } from "./lexicon.js";
import { ledger as nl } from "../lang/nl/ledger.js";
import { ledger as en } from "../lang/en/ledger.js";

// Kept beside the stage packs rather than in LangPack so the ledger can grow without touching shared types.
const PACKS: Record<Lang, LedgerLexicon> = { nl, en };

export function ledgerLexicon(code: Lang): LedgerLexicon {
  return PACKS[code];
}
