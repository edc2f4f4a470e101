/** What the counts stage needs to know about a language (supplied by src/lang/<code>/counts.ts). */
import type { Approx, CountKind } from "../../model/doc.js";
import type { NumberLexicon } from "./numbers.js";

export interface CountLexicon {
  numbers: NumberLexicon;
  /**
   * Per kind, the nouns a figure counts ("doden", "soldiers"; in Dutch also the last part of a compound:
   * "voertuig" covers "pantservoertuig") and the verbs or predicates that give people counted by another
   * noun that kind ("twelve people were killed", "raakten gewond"). A verb written "head … particle" is a
   * split verb ("kwamen … om"): the head before the figure, the particle closing the clause.
   */
  kinds: Record<CountKind, { nouns: string[]; verbs: string[] }>;
  /** Things counted as "other" that no casualty verb turns into people: "raketten", "houses", "leaks". */
  objects: string[];
  /** Nouns whose kind gives way to a casualty verb of their clause: "slachtoffers" (killed unless "raakten gewond"). */
  weakNouns: string[];
  /** Nouns for a running total that give a figure after them its kind: "dodental" killed, "death toll", "of the dead". */
  tolls: Record<string, CountKind>;
  /** A total named without its kind ("the number", "het aantal"): the figure counts what the figure before it counted. */
  anaphoricTolls: string[];
  /** Compound nouns end in the counted noun (Dutch, German): match nouns as word endings. */
  compoundNouns?: boolean;
  /** Endings of plural nationality nouns that count people ("Russen", "Ukrainians"): personnel. */
  demonymSuffixes: string[];
  /** Hedges before a figure: "ruim" min, "bijna" max, "ongeveer" about. Two may stand in a row ("zeker bijna"): the nearer one holds. */
  approx: Record<string, Approx>;
  /**
   * Words for a rough amount ("tientallen", "dozens", "thousands"). They give no figure: the report names no
   * number. They are listed so that their parts ("honderd" in "honderden") are not read as one.
   */
  vagueAmounts: Record<string, { value: number; approx: Approx }>;
  /** "of" between a vague amount and its noun: "dozens of soldiers". */
  of: string[];
  /** How many words (adjectives) may stand between the figure and its noun. */
  skipAdjectives: number;
  /** Words right after a figure that make it something else: "%", "jaar", "km". */
  stopBefore: string[];
  /**
   * Words that end the noun phrase of a figure: prepositions, articles, pronouns, conjunctions, auxiliaries.
   * The counted noun stands before them ("a ward full of wounded" counts no wounded, "twee in die van Zweden" no Swedes).
   */
  functionWords: string[];
  /** A figure's part of the figure before it: "including", "onder wie", "daarvan" (the four of the eleven arrested are arrested). */
  including: string[];
  /** "N of the M": "drie van de vier", "two of the five". */
  partitiveOf: string[];
  /** "N of them": a figure of things named before ("twee ervan", "two of them"). */
  partitivePronouns: string[];
  /** Words joining a figure to a bare number that counts the same: "two leaks in Denmark and two in Sweden". */
  coordinators: string[];
  /** Words after an article that make it count one more person: "een derde (raakte gewond)", "a third". */
  articleOrdinals: string[];
  /** Words that open a verb's object: after them the verb is active and says nothing of the figure before it. */
  objectStarts: string[];
  /** Words that make a figure a general statement, not one of the event: "usually", "doorgaans". */
  generic: string[];
  /**
   * Phrases by which a sentence says its subject gave a figure without repeating it ("gave the number of
   * missing people", "noemde het aantal vermisten"): lower case, each ending where the counted noun begins.
   * The figure of that kind the sentence before states in the report's own voice is the subject's.
   */
  figureGivers?: string[];
}
