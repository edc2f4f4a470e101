/**
 * What the entities stage needs to know about a language (supplied by src/lang/<code>/entities.ts).
 * All word lists are lower case unless a field says otherwise; matching folds case.
 *
 * The role/title part (`roles`, `roleSuffixes`, `rolePrefixes`) is shared with the claims stage, which
 * uses it to tell an official from an expert when it names a source: keep `RoleEntry` stable.
 */
import type { EntityType, SourceKind } from "../../model/doc.js";

/** What kind of source a person holding this role usually is when they speak. */
export type RoleKind = Extract<SourceKind, "official" | "expert" | "party" | "media" | "other">;

export interface RoleEntry {
  /** The role noun, lower case: "kolonel", "woordvoerder", "spokesman", "president". */
  word: string;
  kind: RoleKind;
}

export interface HeadEntry {
  /** An organisation head noun, lower case: "instituut", "legioen", "ministry". */
  word: string;
  type: EntityType;
  /** True when the head also ends compounds that name the same kind of body (Vrijheidslegioen, Vrijwilligerskorps). */
  compound?: boolean;
}

export interface EntityLexicon {
  /** Titles and role nouns seen before a name (kolonel Han Bouwmeester, spokesman John Kirby). */
  roles: readonly RoleEntry[];
  /** Role nouns that end compounds: Oost-Europa|deskundige, defensie|woordvoerder. */
  roleSuffixes: readonly RoleEntry[];
  /** Prefixes a role may carry: oud-, ex-, vice-, former. */
  rolePrefixes: readonly string[];
  /** Honorifics that belong before a person's name and are not part of it: dhr., mevrouw, Mr, Dr. */
  honorifics: readonly string[];
  /** Lower-case particles inside a person's name: van, de, van der, ter (Dutch), bin, al (Arabic names). */
  nameParticles: readonly string[];
  /** Lower-case words that may join the parts of an organisation's name: voor, van, of, for, and, &. */
  nameConnectors: readonly string[];
  /** Head nouns of organisations, groups and facilities: Instituut, Academie, Korps, Legioen, Ministry, Corps. */
  heads: readonly HeadEntry[];
  /** Words written with a capital that start sentences or headings but are not names (De, Het, The, Maar…). */
  functionWords: readonly string[];
  /** Common words of the language (not names), to keep a capitalised sentence start out of the names. */
  commonWords: readonly string[];
  /** Capitalised words that are never names on their own: months, weekdays, "I", abbreviations of common nouns (BTW, GDP). */
  nonNames: readonly string[];
  /** Definite articles and demonstratives that make a lower-case head a description (het legioen, the ministry). */
  definiteArticles: readonly string[];
  /** Prepositions after which a name is likely a place: in, bij, naar, uit, near, from. */
  locativePrepositions: readonly string[];
  /**
   * Words for a natural feature that open a place's name (Wadi Derna, Lake Chad, rivier de Maas): the name is
   * that feature's, another place than the town its other words name. Optional.
   */
  featureWords?: readonly string[];
  /** Verbs by which a place speaks for its government (Kyiv bevestigt, Moscow said): finite forms and participles. */
  speechVerbs: readonly string[];
  /** Auxiliaries that may stand between a subject and its speech verb: heeft, zal, would, has. */
  auxiliaries: readonly string[];
  /** Words that introduce a source and may precede a metonymic place: volgens, according (to). */
  sourceMarkers: readonly string[];
  /** Words that attribute what follows to the name after them: volgens, aldus, according to. */
  attributionMarkers: readonly string[];
  /**
   * Known names with their type: organisations and people a gazetteer cannot type (FSB, NAVO, Kremlin).
   * `same`: names with the same value are one entity (IS, Islamitische Staat, Islamic State).
   */
  known: readonly { name: string; type: EntityType; government?: string; same?: string }[];
  /** Demonym adjectives (all inflections) → ISO country code: Russische → RU. Used for keys, not as mentions. */
  demonyms: Readonly<Record<string, string>>;
  /** Lower-case linking letters between the parts of a compound: Vrijheid|s|legioen. */
  compoundLinkers: readonly string[];
  /** Nouns that say what the name after them is: weblog, krant, stad, grensplaats, company, town. */
  typeNouns: Readonly<Record<string, EntityType>>;
  /** Adjectives written with a capital (Russische, European): they begin names but are none alone. */
  capitalisedAdjectives: readonly string[];
  /** Endings of inflected attributive adjectives (het Franse Danone → Danone): "se" in Dutch. */
  adjectiveSuffixes: readonly string[];
  /** The ending an attributive adjective takes before a noun ("e" in Dutch: het Franse Danone); "" when none. */
  inflectedAdjectiveEnding: string;
  /** Prepositions before the name of a body one works at: bij (Dutch). */
  organizationPrepositions: readonly string[];
  /** The word linking a role to its portfolio: minister van Onderwijs, minister of Finance. */
  portfolioLinkers: readonly string[];
  /** Second words of two-word portfolios: Buitenlandse Zaken, Foreign Affairs. */
  portfolioContinuations: readonly string[];
  /** Abbreviations that end company names and keep their stop: Inc, Corp, Co, Ltd. */
  nameAbbreviations: readonly string[];
  /** Articles of other languages that open titles of films, books, bands (The Lion King in a Dutch text). */
  foreignArticles: readonly string[];
  /** Words and marks that separate the items of a list of names: ",", en, of. */
  listSeparators: readonly string[];
  /** Common given names (capitalised as written), to type a two-word name as a person. */
  givenNames: readonly string[];
  /**
   * Abbreviations of months, weekdays and the time of day (sept, wed, am): no names when a stop follows
   * them or a number stands beside them (Sept. 26, 10 AM, wo 12 mei).
   */
  nonNameAbbreviations: readonly string[];
  /**
   * Particles of (mostly Arabic) names that join two capitalised words even without a given name before
   * them (Osama bin Laden, Al Jabal al Akhdar), and that start a hyphenated name part (al-Obaidi).
   * `ambiguous`: those that are also ordinary words of the language (Dutch "al"): they join only inside a
   * name that begins with a particle.
   */
  innerParticles: readonly string[];
  ambiguousInnerParticles: readonly string[];
  /** Foreign words joining two capitalised words into one name: Pierre et Vacances, Ortega y Gasset. */
  foreignConnectors: readonly string[];
  /**
   * Nouns that name a kind of named thing and belong to the name after them, with its type: storm
   * Daniel, orkaan Katrina, Hurricane Ian. Lower case; several words allowed (tropical storm).
   */
  namePrefixes: Readonly<Record<string, EntityType>>;
  /**
   * Heads of a state body named by a country adjective and a common noun: de Duitse geologische dienst,
   * the British navy, the Ukrainian air force. Lower case; several words allowed (air force). A word that
   * ends in one of them also counts when written as a compound (migratie-autoriteiten, inlichtingendienst).
   */
  bodyHeads: readonly string[];
  /**
   * Country abbreviations of sports results, written after a player's name: Kim Clijsters (Bel), Marat
   * Safin (Rus); English uses the IOC codes (FRA, GBR). Abbreviation as written → ISO country code.
   */
  countryAbbreviations: Readonly<Record<string, string>>;
  /** Adjectives that make a building one of a kind: het koninklijk paleis, the presidential palace. Lower case. */
  landmarkAdjectives: readonly string[];
  /** Heads of a body named by its name right after them: de Zweedse nationale omroep SVT, het Duitse persbureau DPA. */
  namedBodyHeads: readonly string[];
  /** Compound endings that make such a body only inside a compound: migratie-|autoriteiten. */
  bodyCompoundHeads: readonly string[];
  /**
   * The body nouns that name the body after a country adjective alone (the British navy, the Ukrainian
   * air force); other heads need a qualifier to make a name (de Duitse geologische dienst, het Russische
   * ministerie van Defensie, de Oost-Libische regering), while the bare "de Britse regering" describes.
   */
  bareBodyHeads: readonly string[];
}
