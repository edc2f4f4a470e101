/** What the times stage needs to know about a language (supplied by src/lang/<code>/times.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TimeLexicon {}
