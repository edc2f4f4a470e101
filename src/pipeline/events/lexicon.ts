/** What the events stage needs to know about a language (supplied by src/lang/<code>/events.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventLexicon {}
