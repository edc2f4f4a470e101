/** What the claims stage needs to know about a language (supplied by src/lang/<code>/claims.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClaimLexicon {}
