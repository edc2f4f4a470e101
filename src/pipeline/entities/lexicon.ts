/** What the entities stage needs to know about a language (supplied by src/lang/<code>/entities.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EntityLexicon {}
