/** What the events stage needs to know about a language (supplied by src/lang/<code>/events.ts). */
import type { EventType } from "./types.js";

export interface EventLexicon {
  /**
   * Words and phrases that signal an event of a type ("aanval", "shelling", "eisten de aanval op").
   * With `compoundTriggers`, one-word triggers also match as the end of a compound ("raketaanval"), the
   * longest ending winning, so "luchtaanval" (strike) is not read as "aanval" (attack).
   */
  triggers: Partial<Record<EventType, string[]>>;
  compoundTriggers?: boolean;
}
