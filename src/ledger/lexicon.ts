import type { CountKind } from "../model/doc.js";
/**
 * What the ledger needs to know about a language (supplied by src/lang/<code>/ledger.ts). Patterns are
 * regular-expression sources matched on text that has been lower-cased and stripped of diacritics
 * (so "beëindigd" is written "beeindigd"), between word boundaries. Gaps between words must be bounded
 * (e.g. `(?:\S+\s+){0,3}`) so that matching stays linear.
 */
export interface OppositionLexicon {
  /** Language-independent name of the opposition, shared by every language (e.g. "independence"). */
  name: string;
  /** The two states that cannot both hold; `label` is language-independent ("independent", "subordinate"). */
  a: { label: string; patterns: string[] };
  b: { label: string; patterns: string[] };
  /** A concept both claims must say for the states to be of one thing (`n:suspect`: the suspect is caught). */
  about?: string;
  /**
   * The state that, said in a later report, settles the other rather than disputing it: a suspect at large on
   * Monday and shot dead on Tuesday is news, not a contradiction (the reverse, at large after caught, is one).
   */
  settles?: "a" | "b";
}

export interface LedgerLexicon {
  /** Entities across reports (institutions, nationality adjectives). */
  entities: EntityFusionLexicon;
  /**
   * How "who claims what" heads a line that several independent sources back: the speakers' names and how
   * many more independent sources there are ("IFRC, Red Crescent and 2 more").
   */
  severalSources?: (names: readonly string[], more: number) => string;
  /**
   * The words of language-free concepts (src/ledger/concepts.ts has the entry syntax): `v:` what is said to
   * happen or hold (v:kill, v:arrest, v:leak), `n:` what it is about (n:missile, n:dam). Concept names are
   * shared by every language; a concept a language does not list is simply never found in it.
   */
  concepts: Record<string, string>;
  /**
   * How a language names who did something: `markers` introduce the doer after the act ("door", "by");
   * `auxiliaries` may stand between a subject and its verb ("Russia has cut", "Rusland heeft…").
   */
  agents: {
    markers: string[];
    auxiliaries: string[];
    /** Words that point back at the country named last ("dat land", "that country"): a doer like its name. */
    countryAnaphors?: string[];
    /**
     * A noun that names a country without naming which ("het land", "the oil-rich country"), after one of
     * the determiners with at most two words between: the report's country (see claimkeys.ts). Lower case.
     */
    countryNoun?: { determiners: string[]; nouns: string[] };
    /**
     * A country word is no doer right after a locative ("police in Belgium", "de raket die in Polen
     * neerkwam") or just before a passive ("two Swedish nationals were shot dead"). Lower case. `of`: the
     * word that ties a place to the noun a locative opens ("in het centrum van Brussel", "in the heart of
     * Brussels"): the place there is where, not who. `owners`: the word after a country that says it owns
     * the thing ("Russian-owned pipelines", "in Russisch bezit"): an owner, not a doer.
     */
    notDoer?: { locatives: string[]; passives: string[]; of?: string[]; owners?: string[] };
  };
  oppositions: OppositionLexicon[];
  /**
   * What a count of arrests names when it counts the attackers among the arrested ("the four gunmen were
   * detained"): a part of all arrests, shown as its own measure ("attackers", "daders").
   */
  attackersArrested?: string;
  /**
   * Figures that do not count the incident's whole toll: `partOf` phrases (patterns) name the total a
   * figure is a part of, at the start of a clause or right after the figure ("Of the dead, at least 145
   * were Egyptians", "145 of the dead", "onder de doden"); `elsewhere` phrases (patterns) put the figure
   * outside the incident's place ("killed about 170 people elsewhere in the country", "elders in het land").
   * Such a figure never contradicts the toll, and the briefing lists it apart under its label.
   */
  figureScope?: { partOf: string[]; elsewhere: string[]; partLabel: string; elsewhereLabel: string };
  /**
   * Words that recall a figure as another's ("disputing the figure of 180 given by the railway", "het door de
   * spoorwegen genoemde aantal van 180"): the claim names the figure it answers, it does not give it.
   * Patterns on the claim's text; such a claim's figures stand against no other.
   */
  recalledFigure?: string[];
  /**
   * Narrower counts of a toll that its claim's words name ("32 injured were taken to hospital", "nog negen
   * gewonden liggen in het ziekenhuis", "drie in kritieke toestand"): a count of the hospitalised, of those
   * still in hospital or of the critically hurt is a part of the wounded, not a rival total, and a falling
   * count of those still in hospital is patients going home. The first entry whose pattern the claim has
   * names the measure (`name` is shared by every language; `label` is how the briefing shows it), for the
   * figure kinds listed.
   */
  tollMeasures?: { name: string; kinds: CountKind[]; patterns: string[]; label: string }[];
  /**
   * What a count names when its claim spreads it over places ("two leaks in Denmark's zone and two in
   * Sweden's"): each is a part of the whole, shown as its own measure ("per place", "per plaats").
   */
  perPlace?: string;
  /** Is this noun plural? So that a noun counted, named only in another language, is shown in this one in the same number. */
  plural?: (noun: string) => boolean;
  /** Words after a number that point back at what was counted before ("twee ervan", "two of them"): no noun. */
  countBackRefs?: string[];
  /**
   * Words that open a clause which only sets the scene for what a claim states ("when the pressure
   * dropped", "nadat de druk was gedaald", "after a missile hit"): what that clause says, up to the next
   * punctuation, counts for less when claims are compared.
   */
  subordinators?: string[];
  /**
   * A relative clause after the noun a claim opens with says which thing is meant, not what the claim
   * states ("De raket die dinsdag neerkwam … is het gevolg van …", "The missile that hit the village was
   * …"): from the pronoun to the main clause's verb (an auxiliary of `agents`) it sets the scene. Only
   * after a determiner and at most two words, so that "zei dat …" stays what is said. Lower case.
   */
  relatives?: {
    pronouns: string[];
    determiners: string[];
    /**
     * A participle after a noun says which one is meant as a relative clause does ("a suspected extremist
     * accused of killing two fans"): from it to the next punctuation. Not after an auxiliary ("he was
     * accused of"), nor right after the claim's first word (a headline's "Russia accused of …").
     */
    participles?: string[];
    /**
     * A participle of harm between a determiner and its noun ("de doodgeschoten Zweden", "the slain fans")
     * says which ones are meant, not that it happened: what the claim states is the rest ("… waren
     * voetbalsupporters"). `determiners`: only articles and demonstratives (not "zijn", which is also an
     * auxiliary). Lower case.
     */
    adjectival?: { determiners: string[]; participles: string[] };
    /**
     * Pronouns that open a relative clause anywhere in a claim ("who"): set off by punctuation before what
     * the claim states, it says which ones are meant. Not ambiguous ones ("that", Dutch "die", "dat").
     */
    enclosed?: string[];
  };
  /**
   * Subordinators whose clause states something of its own rather than setting the scene of its main
   * clause: a concession ("though they remained filled with gas", "hoewel …"). A claim that is only
   * such a clause is not read with the main clause before it. Lower case.
   */
  concessives?: string[];
  /**
   * Words that open a condition ("if", "als", "indien"): a claim that opens with one only supposes what the
   * condition says ("Als Oekraïne de explosie heeft veroorzaakt, is dat aan Rusland te wijten"), and charges
   * nobody with it. Lower case.
   */
  conditionals?: string[];
  /**
   * Words that open a question put to a speaker ("when asked about", "gevraagd naar"): up to the next comma,
   * colon or quote, the words are the asker's, not the speaker's ("when asked about a false death toll, Haq
   * said: …" calls nothing false). Lower case.
   */
  askedAbout?: string[];
  /**
   * An apposition that makes a body a part of another ("ISIS-K, a branch of the Islamic State group", "de
   * jeugdafdeling van de partij"): patterns for the words between the part's name and the whole's, after
   * the comma (ending in the preposition and the article after it, if any). A source so named speaks for the
   * whole when the ledger counts independent sources. Lower case, folded.
   */
  partOfBody?: string[];
  /**
   * Who a speaker tells something to ("told NPR", "zei hij tegen de NOS", "in an interview with the BBC"):
   * the outlet or person right after the attribution is its hearer, not something the claim is about.
   * `verbs`: speech verbs whose object is the hearer ("told"); `before`: the words that put the hearer
   * after any speech verb ("to", "tegen", "in een interview met"), and `determiners` that may stand before
   * it. Lower case, folded.
   */
  hearer?: { verbs: string[]; before: string[]; determiners: string[] };
  /** Words that turn the following state into its opposite ("niet", "not"), looked for just before a match. */
  negators: string[];
  /**
   * What someone is accused of having done ("die ervan wordt verdacht twee mensen te hebben doodgeschoten",
   * "accused of having shot dead two fans"): a state word of an opposition after one of the `cues` in its
   * clause, right after one of the `closes`, is the accused one's act against others, not his state (the
   * suspect who shot two people is not therefore "shot dead" himself). Lower case, folded.
   */
  accusedOf?: { cues: string[]; closes: string[] };
  /**
   * How many words before a concept a negator reaches (default 3): Dutch puts "niet" before the whole
   * verb-final phrase ("is niet door de Russische autoriteiten geleverd").
   */
  negationWindow?: number;
  /** Phrases that mark a statement as running against something said before ("ondenkbaar dat", "however"). */
  counter: string[];
  /** Phrases by which a denial points back at an earlier statement ("die cijfers", "the ministry's account"). */
  backRef: string[];
  /** Themes a denial and a claim can share across languages (involvement in an attack, …). */
  themes: { name: string; patterns: string[] }[];
}

/**
 * What the ledger needs beyond contradictions to fuse reports: institutions named by a common noun phrase
 * and nationality adjectives the entity lexicon does not list. Patterns as above.
 */
export interface EntityFusionLexicon {
  /**
   * Institutions a report names by what they are ("het Poolse ministerie van Buitenlandse Zaken", "Poland's
   * foreign ministry"): a language-free concept and its patterns. With the country a name carries, the
   * concept identifies the body across languages.
   */
  institutions: { name: string; patterns: string[]; /** How a briefing in this language names it. */ shown?: string }[];
  /**
   * The form of a nationality adjective that stands before a plural noun, from its forms in the order the
   * tables list them ("Oekraïense functionarissen", "Ukrainian officials"): a speaker that reports in
   * another language named is named so in a briefing in this one.
   */
  attributive: (forms: readonly string[]) => string | undefined;
  /** Nationality adjectives (lower case, all inflections) → ISO country code, beyond the entity lexicon's. */
  demonyms: Record<string, string>;
  /** Words that may stand in an institution's name without naming another body: nationale, federal, the. */
  fillers: string[];
  /**
   * The words of a body's descriptive name ("Oost-Libische regering", "Swedish migration authorities"), so
   * that a body only reports in another language name is named in this one ("eastern Libyan government",
   * "Zweedse migratieautoriteiten"). Language-free concepts → their forms, lower case, the first the one
   * shown: `n:` nouns that head such a name, `m:` nouns that qualify the head ("migratie-", "migration"),
   * `a:` adjectives, `d:` points of the compass before a nationality ("Oost-", "eastern"), `x:` articles
   * (dropped). A name with a word none of them, the nationality adjectives or the compass know keeps its words.
   */
  nameWords?: Record<string, string[]>;
  /** A point of the compass (its `d:` concept) with a nationality adjective: "Oost-Libische", "eastern Libyan". */
  regional?: (compass: string, adjective: string) => string;
  /** A qualifying noun (`m:`) with the noun it qualifies: "migratieautoriteiten", "migration authorities". */
  compound?: (modifier: string, head: string) => string;
  /**
   * Roles that name one person once the body or country is known ("de Russische leider", "NATO Secretary
   * General", "NAVO-chef"): a language-free concept and its patterns.
   */
  roles: { name: string; patterns: string[]; /** How a briefing in this language names it. */ shown?: string }[];
}
