/** What the counts stage needs to know about a language (supplied by src/lang/<code>/counts.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CountLexicon {}
