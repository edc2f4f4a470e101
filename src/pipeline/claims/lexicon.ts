import type { ClaimStatus, SourceKind } from "../../model/doc.js";

/**
 * What a cue does to the clause it stands in.
 * - report: a speech or attitude verb whose subject is the source (X zegt dat … / …, zegt X / …, X said)
 * - passive: a participle whose agent (door X / by X) is the source; no agent means an unnamed source, or
 *   the source of the clause before it in the same sentence (… is door X bevestigd, maar … wordt ontkend)
 * - according: the source is the phrase after the cue (volgens X, according to X, blijkt uit X)
 * - self: the source is the clause's own subject (naar eigen zeggen, by its own account)
 * - hearsay: an unnamed source (naar verluidt, reportedly, hearsay zou)
 * - hedge: status only (lijkt, mogelijk, may)
 * - unknown: an explicit unknown (onduidelijk is of, unclear whether)
 */
export type CueRole = "report" | "passive" | "according" | "self" | "hearsay" | "hedge" | "unknown";

export interface CuePattern {
  /**
   * Space-separated steps over tokens. A step lists alternatives with "|": a lower-case word matches
   * case-insensitively, "=Word" matches exactly (the modal "may", not the month), "*suffix" matches a word
   * ending so (compounds: "*deskundige"). "…" lets up to six tokens pass (separable verbs: "liet … weten").
   * A final "$" requires the clause, a punctuation mark or a complementiser to follow (the particle of a
   * separable verb closes its clause).
   */
  pattern: string;
  role: CueRole;
  status: ClaimStatus;
  /** The cue does not hold when one of these words stands within three tokens before it ("zo snel mogelijk"). */
  notAfter?: readonly string[];
  /**
   * The cue holds only when one of these words stands within six tokens before it in the clause: "niet …
   * bevestigd" anchored on its rare word, so that frequent words like "niet" or "was" start no search.
   */
  requireBefore?: readonly string[];
  /**
   * A reporting verb that is only an attribution with reported content after it (a complementiser, a colon,
   * a quote) or after its content: "stelt dat …", "…, stelt X", but not "stelt een ultimatum",
   * "announced a curfew".
   */
  needsContent?: boolean;
  /** Only after its content: "…, denkt Verhoef", "…, he believes"; before it the verb needs "dat"/"that". */
  postOnly?: boolean;
  /** Where an "according" cue's source stands: after the cue (default) or in its gap ("uit X blijkt"). */
  sourceIn?: "after" | "gap";
  /** The cue does not hold when the clause ends in one of these particles (zegt … af, zegt … toe). */
  unlessFinal?: readonly string[];
  /** The cue does not hold right before one of these words (reflexive "meldde zich"). */
  unlessNext?: readonly string[];
  /** The cue does not hold right after one of these words (an adjective: "the reported loss"). */
  notRightAfter?: readonly string[];
  /** The cue does not hold when one of these words stands before it in the clause (conditional "als … zou"). */
  unlessBefore?: readonly string[];
  /** The cue does not hold when one of these words stands anywhere in the clause ("zou moeten"). */
  unless?: readonly string[];
  /** An unknown whose open question starts at the cue, not at its clause ("…, zonder te zeggen waarom"). */
  scopeFromCue?: boolean;
  /** The cue holds only with a document or a body of evidence as its subject ("Records show …", "the poll found"). */
  subjectDocument?: boolean;
  /** The content must be a quotation that opens within a few words, before any comma ("called it “a disgrace”"). */
  quoteObject?: boolean;
  /** The noun phrase right after the verb is who is spoken to, never the speaker ("told Reuters"). */
  objectAfter?: boolean;
  /**
   * An attitude ("wants", "sought", "fears"): its holder is the source only when no frame that reports words
   * stands in the clause (before or after it: "Putin said the attackers had sought to escape", "they agreed to
   * pay, the minutes show"), and never inside a quote, whose words are the speaker's.
   */
  attitude?: boolean;
  /** The cue does not hold when one of these words is its object, within four words after it ("zei niets"). */
  unlessObject?: readonly string[];
}

export interface RoleWord {
  /** Lower case; a leading "*" matches the end of a compound ("*woordvoerder", "Oost-Europadeskundige"). */
  word: string;
  kind: SourceKind;
  /** Who the word names: one person (hij/he), a body or a group (ze/they). */
  who: "person" | "group";
}

/** What the claims stage needs to know about a language (supplied by src/lang/<code>/claims.ts). */
export interface ClaimLexicon {
  cues: readonly CuePattern[];
  /** Conjunctions that open a coordinate clause after a comma (maar, hoewel, but, although). */
  splitters: readonly string[];
  /** Words that open a subordinate clause after a comma: a later explicit unknown may stand there alone. */
  relativeStarters: readonly string[];
  /** The agent of a passive (door, by). */
  agentMarkers: readonly string[];
  /** Complementisers that open reported content (dat, of, that, whether). */
  complementizers: readonly string[];
  determiners: readonly string[];
  /** Personal pronouns that can be a source, by what they refer to. "any" is both (Dutch zij). */
  pronouns: { person: readonly string[]; group: readonly string[]; any: readonly string[] };
  /** Titles, functions and bodies that say what kind of source speaks. */
  roles: readonly RoleWord[];
  /** Prepositions that tie an affiliation to a source (van het Instituut Clingendael, of the ministry). */
  affiliationPreps: readonly string[];
  /** Prepositions of place inside a subject read backwards ("a volunteer in Kherson", "officials in Kyiv"). */
  locativePreps: readonly string[];
  /** Lower-case words that may stand inside a name (Legioen Vrijheid voor Rusland). */
  nameConnectors: readonly string[];
  /** Words that end a source phrase: prepositions, adverbs, auxiliaries, verbs, particles. */
  npStops: readonly string[];
  /** Words that open a clause before its subject and are skipped when looking for it (maar, ook, also). */
  connectives: readonly string[];
  /** Auxiliaries between a subject and a participle (heeft gezegd, has said). */
  auxiliaries: readonly string[];
  /** Nouns for a document or message whose author is the source (een rapport van X, a statement from X). */
  documentNouns: readonly string[];
  /** Nouns for what is seen rather than said (images, footage): what they show, the report states. */
  observationNouns: readonly string[];
  /**
   * Words that make a frame point back at the sentence before it: "Dat meldt de politie.", "That is what
   * the governor said." The first word must be one of these; the rest may be too.
   */
  anaphors: readonly string[];
  /** Auxiliaries of the perfect (heeft ontkend, has denied): a participle after them is active. */
  perfectAuxiliaries: readonly string[];
  /** Auxiliaries of the passive (wordt ontkend, was denied). */
  passiveAuxiliaries: readonly string[];
  /** Endings of capitalised adjectives of nationality (Oekraïense, Ukrainian) that a noun may follow. */
  adjectiveEndings: readonly string[];
  /** First-person pronouns and possessives: a frame with them is the speaker's own (I think, our analysis shows). */
  firstPerson: readonly string[];
  /** Endings of adverbs that may stand between a subject and its verb ("Obama famously said"). */
  adverbEndings: readonly string[];
  /** Words that open an infinitive ("are expected to gain"): what follows a verb so is its content. */
  infinitiveMarkers: readonly string[];
  /** Possessive clitics that tie an owner to a noun ("Trump's son"). */
  possessives: readonly string[];
  /** Honorifics that stay with a surname and mark a person (Mr, Mrs, dhr, mevrouw). */
  honorifics: readonly string[];
  /**
   * Whether a subject may follow its verb outside a post-content frame (Dutch inversion: "Daarom zegt hij
   * dat"); in English a noun after the verb is its object ("X criticized Obama").
   */
  subjectAfterVerb: boolean;
  /** The name given to a source that the report leaves unnamed. */
  unnamedName: string;
  /**
   * Finite verbs and infinitives (lower case): what tells a clause from a noun phrase after "en"/"and", a
   * dash or a colon. Words not listed count as verbs by `verbEndings` (regular past tenses).
   */
  verbForms: readonly string[];
  /** Endings of regular past tenses ("raised", "meldde"), for words of at least `verbEndingMin` letters. */
  verbEndings: readonly string[];
  verbEndingMin: number;
  /** Conjunctions that join two clauses, with or without a comma (en, maar, and, but). */
  coordinators: readonly string[];
  /** The coordinators that also join noun phrases (en, and): after a comma too they cut only before a clause. */
  additive: readonly string[];
  /** Words that announce a coordination of noun phrases ("both A and B"): no clause cut after them. */
  correlatives: readonly string[];
  /**
   * Words opening a relative clause that adds a proposition of its own when it closes the sentence after a
   * comma (", which did not …", ", die …"); `relativeAlways` do so even without a comma (waarbij).
   */
  relativeClause: readonly string[];
  relativeAlways: readonly string[];
  /**
   * Prepositions that open an absolute construction whose noun phrase is the subject of the participle after
   * it: "…, with analysts saying a rate rise is near" (the analysts say it, not the clause's subject).
   */
  absoluteMarkers?: readonly string[];
  /**
   * Relative pronouns that open a clause about a noun before them, or after a comma about the clause before
   * ("an attack which the minister called …", "een aanslag die de premier terrorisme noemde", ", wat de
   * premier een aanslag noemde"): a frame in such a clause speaks for that clause only.
   */
  objectRelatives?: readonly string[];
  /**
   * Whether a relative clause may go without its pronoun right after its noun ("an attack the minister
   * described as terrorism"): English yes, Dutch no.
   */
  reducedRelatives?: boolean;
  /** Relative pronouns that are the subject of their clause: "the neighbours, who said …" speak. */
  relativeSubjects: readonly string[];
  /** Subordinators of time and cause whose clause is a proposition of its own (after, nadat). */
  adverbialClause: readonly string[];
  /**
   * Conjunctions that open a subordinate clause put before the main one ("When the dam broke, the water …"):
   * a comma after such a clause is no comma splice. Only a language whose subject stays before its verb needs
   * them (in Dutch the main clause's verb comes first after the comma).
   */
  subordinators?: readonly string[];
  /** Prepositions: a noun phrase right after one is its object, never the subject of the verb that follows. */
  prepositions: readonly string[];
  /** Lower-case particles that open a surname ("al-Obaidi", "el-Drese"): such a word counts as capitalised. */
  nameParticles: readonly string[];
  /** Words used as common words more often than in names: capitalised at a sentence's start they are no name. */
  commonWords?: readonly string[];
  /** The ending of a participle that opens a clause after a comma (", knocking out power"). */
  participleEnding?: string;
  /**
   * Lines that are page furniture, not reporting: "Lees ook", "Continue reading", photo credits. A sentence
   * whose first words match one of these (space-separated, lower case) gives no claim.
   */
  furniture: readonly string[];
  /**
   * Words of a credit line ("Foto: ANP", "Photo: Getty Images", "© AFP"): a short sentence with one of them
   * before a colon or a slash, or with ©, gives no claim.
   */
  creditWords: readonly string[];
}
