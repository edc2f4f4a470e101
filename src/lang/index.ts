import type { Lang } from "../model/doc.js";
import type { LangPack } from "./types.js";
import { nl } from "./nl/index.js";
import { en } from "./en/index.js";

const PACKS: Record<Lang, LangPack> = { nl, en };

export function langPack(code: Lang): LangPack {
  return PACKS[code];
}
export type { LangPack } from "./types.js";
