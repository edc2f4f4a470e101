import type { ClaimLexicon, CuePattern, RoleWord } from "../../pipeline/claims/lexicon.js";
import { verbForms } from "./verb-forms.js";
import { commonWords } from "./common-words.js";

// Forms of a Dutch reporting verb: present singular and plural, past singular and plural, participle.
const v = (...forms: string[]) => forms.join("|");

const ZEGGEN = v("zegt", "zeggen", "zei", "zeiden", "zeg");
const STELLEN = v("stelt", "stellen", "stelde", "stelden");
const MELDEN = v("meldt", "melden", "meldde", "meldden");
const OTHER_REPORT = v(
  "claimt", "claimen", "claimde", "claimden",
  "beweert", "beweren", "beweerde", "beweerden",
  "vertelt", "vertellen", "vertelde", "vertelden",
  "schrijft", "schrijven", "schreef", "schreven",
  "benadrukt", "benadrukken", "benadrukte", "benadrukten",
  "waarschuwt", "waarschuwen", "waarschuwde", "waarschuwden",
  "meent", "menen", "meende", "meenden",
  "twittert", "twitterde", "twitterden",
  "berichtte", "berichtten",
  "rapporteert", "rapporteren", "rapporteerde", "rapporteerden",
  "antwoordt", "antwoordde", "antwoordden",
  "concludeert", "concluderen", "concludeerde", "concludeerden",
  "suggereert", "suggereerde",
  "speculeert", "speculeren", "speculeerde", "speculeerden",
  "uitte", "uitten",
  "betoogt", "betoogde",
  "onderstreept", "onderstreepte",
  "dreigt", "dreigde", "dreigden",
  "beschuldigt", "beschuldigen", "beschuldigde", "beschuldigden",
  "aldus",
);
// attitude verbs count only before their "dat": "de aanval vond plaats" is no report
const ATTITUDE = v(
  "denkt", "denken", "dacht", "dachten", "vindt", "vinden", "vond", "vonden", "gelooft", "geloven",
  "geloofde", "geloofden", "verwacht", "verwachten", "verwachtte", "verwachtten", "hoopt", "hopen", "hoopte",
  "hoopten", "vreest", "vrezen", "vreesde", "vreesden", "weet", "wist", "wisten", "vermoedt",
  "vermoeden", "vermoedde", "vermoedden", "schat", "schatten", "schatte",
);
const VERKLAREN = v("verklaart", "verklaren", "verklaarde", "verklaarden");
const BEVESTIGEN = v("bevestigt", "bevestigen", "bevestigde", "bevestigden");
const ONTKENNEN = v("ontkent", "ontkennen", "ontkende", "ontkenden", "weerspreekt", "weerspreken", "weersprak", "weerspraken");
const WIJZEN = v("wijst", "wijzen", "wees", "wezen");
const LATEN = v("laat", "laten", "liet", "lieten");
const GEVEN = v("geeft", "geven", "gaf", "gaven");
const HOUDEN = v("houdt", "houden", "hield", "hielden");
const SPREKEN = v("spreekt", "spreken", "sprak", "spraken");
const KONDIGEN = v("kondigt", "kondigen", "kondigde", "kondigden");
const MAKEN = v("maakt", "maken", "maakte", "maakten");
const DOEN = v("doet", "doen", "deed", "deden");

const cues: CuePattern[] = [
  // explicit unknowns first: "er wordt niets gemeld" is an unknown, not a passive report
  { pattern: "onduidelijk|onbekend|onzeker|onduidelijkheid|onzekerheid", role: "unknown", status: "unknown" },
  { pattern: "niet|nog|niets … duidelijk|bekend", role: "unknown", status: "unknown" },
  { pattern: "niets|geen … gemeld|bekendgemaakt|bevestigd|vernomen", role: "unknown", status: "unknown" },
  { pattern: "niet … te verifiëren|controleren|bevestigen", role: "unknown", status: "unknown" },
  { pattern: "niet … na te gaan", role: "unknown", status: "unknown" },
  { pattern: "niet … geverifieerd|gecontroleerd", role: "unknown", status: "unknown" },
  { pattern: "kon|konden|kan|kunnen niet … worden bevestigd|geverifieerd|vastgesteld|gecontroleerd", role: "unknown", status: "unknown" },
  { pattern: "niet onafhankelijk", role: "unknown", status: "unknown" },
  { pattern: "de vraag is of|wat", role: "unknown", status: "unknown" },
  { pattern: "valt|viel … niet te zeggen", role: "unknown", status: "unknown" },
  { pattern: "niet … gezegd|bekendgemaakt|gemeld|verteld hoeveel|of|wie|wat|waar|wanneer|waarom|hoe", role: "unknown", status: "unknown" },
  { pattern: "wil|wilde|willen|wilden|kan|kon|kunnen|konden niet zeggen|bevestigen|melden of|hoeveel|wie|wat|waar|wanneer", role: "unknown", status: "unknown" },
  // nobody confirms, establishes or verifies it yet: "is nog niet officieel bevestigd", "wilde niet bevestigen dat"
  { pattern: "bevestigd|bevestigen|vastgesteld|vaststellen|verifiëren|nagaan|controleren", role: "unknown", status: "unknown", requireBefore: ["niet"] },
  { pattern: "vast te stellen", role: "unknown", status: "unknown", requireBefore: ["niet"] },
  { pattern: "te voorspellen|bepalen|achterhalen|zeggen", role: "unknown", status: "unknown", requireBefore: ["niet"] },
  { pattern: "moeilijk … te zeggen|bepalen|voorspellen", role: "unknown", status: "unknown" },
  // a question the future or an inquiry must answer: "zal moeten uitwijzen of", "wordt nog onderzocht"
  { pattern: "uitwijzen", role: "unknown", status: "unknown", requireBefore: ["zal", "zullen", "moet", "moeten"] },
  // "dat zal (nog) moeten blijken", "het moet nog blijken of …"
  { pattern: "blijken", role: "unknown", status: "unknown", requireBefore: ["moet", "moeten"] },
  { pattern: "onderzocht", role: "unknown", status: "unknown", requireBefore: ["nog"] },
  { pattern: "zekerheid|duidelijkheid|uitsluitsel", role: "unknown", status: "unknown", requireBefore: ["geen"] },
  { pattern: "uitspraken|uitspraak", role: "unknown", status: "unknown", requireBefore: ["geen"] },
  // what a source leaves out: "zonder te zeggen waarvoor", "zonder een schuldige aan te wijzen"
  { pattern: "zonder … te zeggen|noemen|melden|vermelden|specificeren|wijzen", role: "unknown", status: "unknown", scopeFromCue: true },

  // denial
  { pattern: ONTKENNEN, role: "report", status: "denied" },
  { pattern: `${WIJZEN} … van de hand$`, role: "report", status: "denied" },
  { pattern: `${WIJZEN} … af$`, role: "report", status: "denied" },
  { pattern: `${SPREKEN} … tegen$`, role: "report", status: "denied" },
  { pattern: "van de hand gewezen", role: "passive", status: "denied" },
  { pattern: "ontkend|afgewezen|tegengesproken|weersproken", role: "passive", status: "denied" },
  { pattern: "niet waar", role: "hedge", status: "denied" },
  { pattern: "is|was|zijn|waren … leugen|leugens|gelogen|onzin|verzonnen", role: "hedge", status: "denied" },

  // confirmation
  { pattern: BEVESTIGEN, role: "report", status: "confirmed" },
  { pattern: "bevestigd|geverifieerd", role: "passive", status: "confirmed" },

  // reporting verbs, before or after the content
  // "zegt het bezoek af" (cancels), "zegt steun toe" (promises) are no reports
  { pattern: ZEGGEN, role: "report", status: "claimed", unlessFinal: ["af", "toe"], unlessObject: ["niets", "niks"] },
  // "erkent de fout" is an act; "erkent dat …" reports ("de internationaal erkende regering" is neither)
  { pattern: "erkent|erkennen|erkende|erkenden", role: "report", status: "claimed", needsContent: true },
  { pattern: STELLEN, role: "report", status: "claimed", needsContent: true },
  { pattern: VERKLAREN, role: "report", status: "claimed", needsContent: true },
  { pattern: MELDEN, role: "report", status: "claimed", unlessNext: ["zich"], unlessFinal: ["aan", "af", "ziek"] },
  { pattern: `${ATTITUDE} dat`, role: "report", status: "claimed" },
  { pattern: ATTITUDE, role: "report", status: "claimed", postOnly: true },
  { pattern: "noemt|noemen|noemde|noemden", role: "report", status: "claimed" },
  { pattern: `${SPREKEN} van|over`, role: "report", status: "claimed" },
  // "Zelensky wijst Rusland aan als schuldige", "X beschouwt het als een aanval"
  { pattern: `${WIJZEN} … aan als`, role: "report", status: "claimed" },
  { pattern: "beschouwt|beschouwen|beschouwde|beschouwden … als", role: "report", status: "claimed" },
  { pattern: "voegt|voegen|voegde|voegden … toe$", role: "report", status: "claimed", needsContent: true },
  { pattern: `${ATTITUDE} hij|zij|ze|men|niet|ook|wel|nog dat`, role: "report", status: "claimed" },
  { pattern: OTHER_REPORT, role: "report", status: "claimed" },
  { pattern: `${LATEN} … weten$`, role: "report", status: "claimed" },
  { pattern: `${GEVEN} … aan$`, role: "report", status: "claimed", needsContent: true },
  { pattern: `${KONDIGEN} … aan$`, role: "report", status: "claimed", needsContent: true },
  { pattern: `${HOUDEN} … open$`, role: "report", status: "claimed" },
  { pattern: `${HOUDEN} … *verantwoordelijk$`, role: "report", status: "claimed" },
  { pattern: `${DOEN} … melding$`, role: "report", status: "claimed" },
  { pattern: `${MAKEN} … melding`, role: "report", status: "claimed" },
  { pattern: `${MAKEN} … bekend$`, role: "report", status: "claimed", needsContent: true },
  // passive reports: the agent after door, else an unnamed source
  { pattern: "melding gemaakt|gedaan", role: "passive", status: "claimed" },
  { pattern: "gemeld|gezegd|beweerd|geclaimd|gerapporteerd|bekendgemaakt", role: "passive", status: "claimed" },
  { pattern: "*verantwoordelijk gehouden", role: "passive", status: "claimed" },
  { pattern: "beschuldigd", role: "passive", status: "claimed" },
  // attribution by phrase
  { pattern: "volgens", role: "according", status: "claimed" },
  { pattern: "ontkenning|ontkenningen van|door", role: "according", status: "denied" },
  { pattern: "berichten|bericht van|door", role: "according", status: "claimed" },
  { pattern: "naar verluidt", role: "hearsay", status: "claimed" },
  { pattern: "er zijn|waren|gaan|gingen … berichten|geruchten", role: "hearsay", status: "claimed" },
  { pattern: "onbevestigde berichten", role: "hearsay", status: "claimed" },
  { pattern: "naar eigen zeggen", role: "self", status: "claimed" },
  { pattern: "blijkt|bleek|blijken|bleken uit", role: "according", status: "claimed" },
  { pattern: "uit … blijkt|bleek", role: "according", status: "claimed", sourceIn: "gap" },
  { pattern: "was|is|luidde|luidt het|de … *bericht|*boodschap|*reactie|*verklaring|*antwoord|tweet van", role: "according", status: "claimed" },
  // hearsay conditional: "de aanvallers zouden uit Oekraïne komen"
  { pattern: "zou|zouden", role: "hearsay", status: "claimed", unlessBefore: ["als", "indien", "wanneer", "mocht", "dat", "of"], unless: ["alsof", "moeten", "willen", "mogen", "kunnen", "zeggen", "zegt", "zei", "zeiden"] },

  // hedges towards likely
  { pattern: "lijkt|lijken|leek|leken|schijnt|schijnen|scheen", role: "hedge", status: "probable" },
  { pattern: "waarschijnlijk|hoogstwaarschijnlijk|vermoedelijk|kennelijk|klaarblijkelijk|blijkbaar", role: "hedge", status: "probable" },
  { pattern: "algemeen aangenomen", role: "hedge", status: "probable" },
  { pattern: "wordt|werd aangenomen|vermoed|verwacht", role: "hedge", status: "probable" },
  // the report's own forecast: "het dodental kan nog verder oplopen"
  { pattern: "oplopen|stijgen|toenemen|verslechteren", role: "hedge", status: "possible", requireBefore: ["kan", "kunnen"] },
  { pattern: "naar alle waarschijnlijkheid", role: "hedge", status: "probable" },
  // hedges towards maybe
  // "daar is geen twijfel over mogelijk" is certainty, not a hedge
  { pattern: "mogelijk|misschien|wellicht|eventueel|mogelijkerwijs|mogelijkheid", role: "hedge", status: "possible", notAfter: ["zo", "zoveel", "zomin", "zoveel", "maakt", "maakte", "maken", "niet", "twijfel"] },
  { pattern: "zou|zouden … kunnen", role: "hedge", status: "possible" },
  { pattern: "kan|kon … zijn dat", role: "hedge", status: "possible" },
  { pattern: "niet uitgesloten", role: "hedge", status: "possible" },
  { pattern: "sluit|sluiten|sloot|sloten … niet uit$", role: "report", status: "possible" },
];

const people = (kind: RoleWord["kind"], who: RoleWord["who"], words: string): RoleWord[] => words.split(" ").map((word) => ({ word, kind, who }));

const roles: RoleWord[] = [
  // officials
  { word: "*woordvoerder", kind: "official", who: "person" },
  { word: "*woordvoerster", kind: "official", who: "person" },
  { word: "gouverneur", kind: "official", who: "person" },
  { word: "*chef", kind: "official", who: "person" },
  { word: "*commissaris", kind: "official", who: "person" },
  { word: "burgemeester", kind: "official", who: "person" },
  { word: "*minister", kind: "official", who: "person" },
  { word: "staatssecretaris", kind: "official", who: "person" },
  { word: "ambassadeur", kind: "official", who: "person" },
  { word: "functionaris", kind: "official", who: "person" },
  { word: "ambtenaar", kind: "official", who: "person" },
  { word: "ambtenaren", kind: "official", who: "group" },
  { word: "*ministerie", kind: "official", who: "group" },
  { word: "politie", kind: "official", who: "group" },
  { word: "autoriteiten", kind: "official", who: "group" },
  { word: "*functionarissen", kind: "official", who: "group" },
  { word: "openbaar", kind: "official", who: "group" },
  { word: "aanklager", kind: "official", who: "person" },
  { word: "rechtbank", kind: "official", who: "group" },
  { word: "rechter", kind: "official", who: "person" },
  { word: "brandweer", kind: "official", who: "group" },
  { word: "*directeur", kind: "official", who: "person" },
  { word: "*voorzitter", kind: "official", who: "person" },
  { word: "*secretaris", kind: "official", who: "person" },
  { word: "*secretaris-generaal", kind: "official", who: "person" },
  { word: "*dienst", kind: "official", who: "group" },
  // parties: governments, leaders, armies, armed groups
  { word: "*president", kind: "party", who: "person" },
  { word: "premier", kind: "party", who: "person" },
  { word: "regeringsleider", kind: "party", who: "person" },
  { word: "regering", kind: "party", who: "group" },
  { word: "kabinet", kind: "party", who: "group" },
  { word: "leger", kind: "party", who: "group" },
  { word: "*legerleiding", kind: "party", who: "group" },
  { word: "strijdkrachten", kind: "party", who: "group" },
  { word: "troepen", kind: "party", who: "group" },
  { word: "legioen", kind: "party", who: "group" },
  { word: "militie", kind: "party", who: "group" },
  { word: "korps", kind: "party", who: "group" },
  { word: "*vrijwilligerskorps", kind: "party", who: "group" },
  { word: "*groep", kind: "party", who: "group" },
  { word: "*groepen", kind: "party", who: "group" },
  { word: "beweging", kind: "party", who: "group" },
  { word: "rebellen", kind: "party", who: "group" },
  { word: "opstandelingen", kind: "party", who: "group" },
  { word: "commandant", kind: "party", who: "person" },
  { word: "generaal", kind: "party", who: "person" },
  { word: "kolonel", kind: "other", who: "person" },
  { word: "majoor", kind: "other", who: "person" },
  { word: "kapitein", kind: "other", who: "person" },
  { word: "luitenant", kind: "other", who: "person" },
  { word: "leider", kind: "party", who: "person" },
  { word: "oprichter", kind: "party", who: "person" },
  { word: "kremlin", kind: "party", who: "group" },
  // experts
  { word: "*deskundige", kind: "expert", who: "person" },
  { word: "*deskundigen", kind: "expert", who: "group" },
  { word: "*expert", kind: "expert", who: "person" },
  { word: "*experts", kind: "expert", who: "group" },
  { word: "*analist", kind: "expert", who: "person" },
  { word: "*analisten", kind: "expert", who: "group" },
  { word: "hoogleraar", kind: "expert", who: "person" },
  { word: "professor", kind: "expert", who: "person" },
  { word: "*onderzoeker", kind: "expert", who: "person" },
  { word: "*onderzoekers", kind: "expert", who: "group" },
  { word: "*kenner", kind: "expert", who: "person" },
  { word: "*instituut", kind: "expert", who: "group" },
  { word: "*academie", kind: "expert", who: "group" },
  { word: "universiteit", kind: "expert", who: "group" },
  { word: "denktank", kind: "expert", who: "group" },
  // media
  { word: "*krant", kind: "media", who: "group" },
  { word: "dagblad", kind: "media", who: "group" },
  { word: "*weblog", kind: "media", who: "group" },
  { word: "blog", kind: "media", who: "group" },
  { word: "*persbureau", kind: "media", who: "group" },
  { word: "*omroep", kind: "media", who: "group" },
  { word: "*zender", kind: "media", who: "group" },
  { word: "*website", kind: "media", who: "group" },
  { word: "*kanaal", kind: "media", who: "group" },
  { word: "*correspondent", kind: "media", who: "person" },
  { word: "journalist", kind: "media", who: "person" },
  { word: "*verslaggever", kind: "media", who: "person" },
  { word: "*media", kind: "media", who: "group" },
  // unnamed
  { word: "bron", kind: "unnamed", who: "person" },
  { word: "bronnen", kind: "unnamed", who: "group" },
  // a source named only by where it sits is still unnamed: "een politiebron", "regeringsbronnen"
  { word: "*bron", kind: "unnamed", who: "person" },
  { word: "*bronnen", kind: "unnamed", who: "group" },
  { word: "ingewijden", kind: "unnamed", who: "group" },
  { word: "ingewijde", kind: "unnamed", who: "person" },
  { word: "betrokkene", kind: "unnamed", who: "person" },
  { word: "betrokkenen", kind: "unnamed", who: "group" },
  // others
  { word: "schutter", kind: "other", who: "person" },
  { word: "dader", kind: "other", who: "person" },
  { word: "*verdachte", kind: "other", who: "person" },
  { word: "aanslagpleger", kind: "other", who: "person" },
  { word: "aanvaller", kind: "other", who: "person" },
  { word: "*inwoner", kind: "other", who: "person" },
  { word: "*inwoners", kind: "other", who: "group" },
  // wie als groep van hun soort spreken: "critici zeggen", "de meeste wetenschappers zijn het erover eens dat …"
  ...people("other", "person", "criticus kiezer aanhanger activist werknemer medewerker demonstrant student leraar investeerder waarnemer tegenstander bondgenoot"),
  ...people("other", "group", "critici kiezers aanhangers activisten werknemers medewerkers demonstranten studenten leraren investeerders waarnemers tegenstanders bondgenoten"),
  ...people("expert", "person", "wetenschapper historicus advocaat arts"),
  ...people("expert", "group", "wetenschappers historici advocaten artsen"),
  ...people("official", "person", "diplomaat adviseur kamerlid"),
  ...people("official", "group", "diplomaten adviseurs leiders kamerleden"),
  { word: "*getuige", kind: "other", who: "person" },
  { word: "*getuigen", kind: "other", who: "group" },
  { word: "*bewoner", kind: "other", who: "person" },
  { word: "*bewoners", kind: "other", who: "group" },
  { word: "*organisatie", kind: "other", who: "group" },
];

export const claims: ClaimLexicon = {
  cues,
  splitters: ["maar", "hoewel", "terwijl", "ofschoon", "echter", "doch", "alhoewel", "en", "ondanks", "zonder"],
  relativeStarters: ["waarvan", "waarbij", "waarover", "wat", "die", "hoeveel", "hoe", "wie", "waar", "waarom", "maar", "en"],
  agentMarkers: ["door"],
  complementizers: ["dat", "of", "om"],
  determiners: ["de", "het", "een", "'t", "die", "deze", "dit", "dat"],
  // ze and zij are she as well as they
  pronouns: { person: ["hij", "hem"], group: ["hen", "hun"], any: ["ze", "zij", "haar"] },
  roles,
  affiliationPreps: ["van", "bij", "namens", "uit"],
  locativePreps: ["in", "uit"],
  nameConnectors: ["van", "voor", "de", "der", "den", "het", "ter", "te"],
  npStops: [
    // prepositions
    "in", "op", "aan", "met", "tegen", "tegenover", "tijdens", "na", "voor", "over", "onder", "naar", "om", "rond",
    "bij", "tot", "vanuit", "via", "zonder", "sinds", "door", "namens",
    // adverbs and particles
    "ook", "nog", "al", "wel", "niet", "echter", "dus", "daarom", "toen", "nu", "later", "eerder", "inmiddels",
    "vandaag", "gisteren", "morgen", "vanochtend", "vanmorgen", "vanmiddag", "vanavond", "vannacht", "gisteravond",
    "gisterochtend", "gistermiddag", "zelf", "opnieuw", "weer", "eerst", "daarbij", "er", "zo", "alsnog",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "weten", "aan", "af", "open", "mee", "uit", "toe",
    // verbs and auxiliaries that follow a subject
    "is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "heeft", "hebben", "had", "hadden",
    "kan", "kon", "kunnen", "konden", "zal", "zullen", "zou", "zouden", "moet", "moeten", "wil", "willen",
    "bestaat", "bestaan", "blijft", "blijven", "gaat", "gaan", "komt", "komen",
    // conjunctions and complementisers
    "en", "of", "maar", "dat", "die", "omdat", "als", "want", "wat", "hoe", "wie", "waar",
  ],
  connectives: [
    "maar", "en", "ook", "toch", "daarnaast", "bovendien", "inmiddels", "ondertussen", "intussen", "verder",
    "daarom", "dus", "echter", "wel", "zo", "nu", "later", "eerder", "aanvankelijk", "tegelijk", "ten", "slotte",
  ],
  // auxiliaries and the adverbs that stand between a subject and its verb ("heeft eerder gezegd")
  auxiliaries: [
    "heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "zal",
    "zullen", "zou", "zouden", "al", "ook", "nog", "eerder", "later", "opnieuw", "herhaaldelijk", "zelf",
  ],
  documentNouns: [
    "overzicht", "rapport", "verslag", "verklaring", "analyse", "onderzoek", "bericht", "berichten", "cijfers",
    "beelden", "gegevens", "inschatting", "schatting", "update", "persbericht", "tweet", "reactie", "boodschap",
    "peilingen", "peiling", "onderzoeken", "documenten", "resultaten", "bevindingen", "statistieken",
    "beschuldiging", "beschuldigingen", "bewering", "beweringen", "claim", "conclusie", "waarschuwing",
  ],
  observationNouns: ["beelden", "beeld", "foto's", "foto", "video", "video's", "satellietbeelden", "camerabeelden", "opnames"],
  possessives: ["'s", "’s"],
  infinitiveMarkers: ["te", "om"],
  adverbEndings: [],
  anaphors: ["dat", "dit", "zo", "die", "deze"],
  firstPerson: ["ik", "we", "wij", "mijn", "ons", "onze"],
  adjectiveEndings: ["se", "sche"],
  perfectAuxiliaries: ["heeft", "hebben", "had", "hadden"],
  passiveAuxiliaries: ["wordt", "worden", "werd", "werden", "is", "zijn", "was", "waren"],
  honorifics: ["dhr", "mevr", "mw", "mevrouw", "meneer", "heer"],
  subjectAfterVerb: true,
  unnamedName: "niet genoemde bron",
  // the treebank's forms and the auxiliaries, which it also tags as pronouns (zijn) or leaves out
  verbForms: [
    ...verbForms,
    ..."is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen zou zouden kan kunnen kon konden moet moeten moest moesten mag mogen mocht mochten wil willen wilde wilden blijft blijven bleef bleven gaat gaan ging gingen komt komen kwam kwamen staat staan stond stonden ligt liggen lag lagen zit zitten zat zaten".split(" "),
  ],
  // regular past tenses (meldde, vluchtten); "-ste" is a superlative or an ordinal
  verbEndings: ["de", "te", "den", "ten"],
  verbEndingMin: 6,
  additive: ["en"],
  coordinators: ["en", "maar"],
  correlatives: ["zowel", "tussen"],
  relativeClause: ["die", "waarbij", "waardoor", "waarna", "waarin", "waarmee", "waarop"],
  relativeAlways: ["waarbij", "waardoor", "waarna"],
  relativeSubjects: ["die"],
  // "dat" is also the complementiser ("meldt de politie dat …"): only the pronouns that are never one
  objectRelatives: ["die", "wat", "waarvan", "waarover"],
  adverbialClause: ["nadat", "doordat"],
  prepositions: "in op aan met tegen tegenover tijdens na voor over onder naar om rond bij tot vanuit via zonder sinds door namens van uit binnen buiten achter langs".split(" "),
  nameParticles: ["al", "el", "ad", "as", "ash", "bin", "ibn", "abu", "ben"],
  commonWords,
  // page furniture that reaches the body: promotions, reading tips, labels of media
  furniture: [
    "lees ook", "lees meer", "lees hier", "lees verder", "lees het hele", "bekijk ook", "bekijk hier", "bekijk de",
    "volg het laatste nieuws", "volg ons", "volg alle", "meer nieuws", "klik hier",
    "download de app", "abonneer", "schrijf je in", "gerelateerd :", "update :", "foto :", "beeld :", "video :",
    "bron :", "correctie :", "luister ook", "kijk ook", "kijk hier",
  ],
  creditWords: ["foto", "beeld", "fotograaf", "fotografie", "©"],
};
