import type { Doc } from "../model/doc.js";
import type { LangPack } from "../lang/types.js";

/** What a stage may use besides the document: the language pack of the document's language. */
export interface StageContext {
  lang: LangPack;
}

/** A stage annotates a document in place; it reads the annotations of earlier stages. */
export type Stage = (doc: Doc, ctx: StageContext) => void;
