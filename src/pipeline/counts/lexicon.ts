/** What the counts stage needs to know about a language (supplied by src/lang/<code>/counts.ts). */
import type { Approx, CountKind } from "../../model/doc.js";
import type { NumberLexicon } from "./numbers.js";

export interface CountLexicon {
  numbers: NumberLexicon;
  /**
   * Per kind, the nouns a figure counts ("doden", "soldiers"; in Dutch also the last part of a compound:
   * "voertuig" covers "pantservoertuig") and the verbs or predicates that give people counted by another
   * noun that kind ("twelve people were killed", "raakten gewond").
   */
  kinds: Record<CountKind, { nouns: string[]; verbs: string[] }>;
  /** Things counted as "other" that no casualty verb turns into people: "raketten", "houses". */
  objects: string[];
  /** Nouns for a running total that give a figure after them its kind: "dodental" killed, "death toll". */
  tolls: Record<string, CountKind>;
  /** Compound nouns end in the counted noun (Dutch, German): match nouns as word endings. */
  compoundNouns?: boolean;
  /** Endings of plural nationality nouns that count people ("Russen", "Ukrainians"): personnel. */
  demonymSuffixes: string[];
  /** Hedges before a figure: "ruim" min, "bijna" max, "ongeveer" about. */
  approx: Record<string, Approx>;
  /**
   * Words that stand for a rough figure: "tientallen" at least 20, "dozens" at least 24. Only words that
   * imply a size: "several" or "enkele" give no figure.
   */
  vagueAmounts: Record<string, { value: number; approx: Approx }>;
  /** "of" between a vague amount and its noun: "dozens of soldiers". */
  of: string[];
  /** How many words (adjectives) may stand between the figure and its noun. */
  skipAdjectives: number;
  /** Words right after a figure that make it something else: "%", "jaar", "km". */
  stopBefore: string[];
}
