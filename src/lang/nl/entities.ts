import type { EntityLexicon, HeadEntry } from "../../pipeline/entities/lexicon.js";
import { givenNames } from "../given-names.js";
import { demonymTable, roles, typeNouns } from "../builders.js";
import { commonWords, capitalisedAdjectives } from "./common-words.js";

const heads = (type: HeadEntry["type"], compound: boolean, words: string): HeadEntry[] =>
  words.split(" ").map((word) => ({ word, type, compound }));

// nationality adjectives in all their inflections → the country's ISO code
const demonyms = demonymTable({
  RU: "russisch russische", UA: "oekraïens oekraïense oekraiens oekraiense", NL: "nederlands nederlandse",
  BE: "belgisch belgische vlaams vlaamse waals waalse", US: "amerikaans amerikaanse", GB: "brits britse engels engelse schots schotse", DE: "duits duitse",
  FR: "frans franse", CN: "chinees chinese", PL: "pools poolse", BY: "wit-russisch wit-russische belarussisch belarussische",
  TR: "turks turkse", IL: "israëlisch israëlische", IR: "iraans iraanse", SY: "syrisch syrische",
  EU: "europees europese", IT: "italiaans italiaanse", ES: "spaans spaanse", GE: "georgisch georgische",
  SE: "zweeds zweedse", DK: "deens deense", NO: "noors noorse", FI: "fins finse", EE: "ests estse", LV: "lets letse", LT: "litouws litouwse",
  CZ: "tsjechisch tsjechische", SK: "slowaaks slowaakse", HU: "hongaars hongaarse", RO: "roemeens roemeense", BG: "bulgaars bulgaarse",
  GR: "grieks griekse", PT: "portugees portugese", AT: "oostenrijks oostenrijkse", CH: "zwitsers zwitserse", IE: "iers ierse",
  RS: "servisch servische", HR: "kroatisch kroatische", MD: "moldavisch moldavische", AM: "armeens armeense", AZ: "azerbeidzjaans azerbeidzjaanse",
  KZ: "kazachs kazachse", TJ: "tadzjieks tadzjiekse", UZ: "oezbeeks oezbeekse", AF: "afghaans afghaanse", PK: "pakistaans pakistaanse",
  IN: "indiaas indiase", JP: "japans japanse", KR: "koreaans koreaanse", KP: "noord-koreaans noord-koreaanse", TW: "taiwanees taiwanese",
  IQ: "iraaks iraakse", SA: "saoedisch saoedische", JO: "jordaans jordaanse", LB: "libanees libanese", EG: "egyptisch egyptische",
  LY: "libisch libische", TN: "tunesisch tunesische", DZ: "algerijns algerijnse", MA: "marokkaans marokkaanse", SD: "soedanees soedanese",
  ET: "ethiopisch ethiopische", NG: "nigeriaans nigeriaanse", ZA: "zuid-afrikaans zuid-afrikaanse", PS: "palestijns palestijnse",
  YE: "jemenitisch jemenitische", QA: "qatarees qatarese", CA: "canadees canadese", MX: "mexicaans mexicaanse", BR: "braziliaans braziliaanse",
  AR: "argentijns argentijnse", AU: "australisch australische", SO: "somalisch somalische", ML: "malinees malinese", NE: "nigerees nigerese",
});
// the people of a country (de Russen, een Tunesiër): nouns, never a name on their own
const peoples = demonymTable({
  RU: "rus russen", UA: "oekraïner oekraïners oekraïeners", NL: "nederlander nederlanders", US: "amerikaan amerikanen", GB: "brit britten",
  DE: "duitser duitsers", FR: "fransman fransen", BE: "belg belgen", CN: "chinees chinezen", EU: "europeaan europeanen", IL: "israëliër israëliërs",
  PS: "palestijn palestijnen", IR: "iraniër iraniërs", TR: "turk turken", SE: "zweed", DK: "denen", TN: "tunesiër tunesiërs",
  LY: "libiër libiërs", EG: "egyptenaar egyptenaren", SY: "syriër syriërs", IQ: "irakees irakezen", AF: "afghaan afghanen", MA: "marokkaan marokkanen",
  TJ: "tadzjiek tadzjieken", CZ: "tsjech tsjechen", HU: "hongaar hongaren", IT: "italiaan italianen", ES: "spanjaard spanjaarden",
});
// adjectives of religion and ideology, written with a capital in Dutch and never a name alone
const creeds = "islamitisch islamitische islamistisch islamistische christelijk christelijke joods joodse arabisch arabische soennitisch soennitische sjiitisch sjiitische koerdisch koerdische jihadistisch jihadistische moslim moslims";

export const entities: EntityLexicon = {
  roles: [
    ...roles("official", "president premier minister-president minister staatssecretaris gouverneur burgemeester wethouder gedeputeerde commissaris woordvoerder woordvoerster ambassadeur consul diplomaat kolonel luitenant-kolonel generaal luitenant-generaal generaal-majoor majoor kapitein luitenant sergeant admiraal commandant bevelhebber opperbevelhebber stafchef procureur aanklager rechter officier politiechef koning koningin prins prinses kanselier secretaris-generaal hoofdcommissaris burgervader functionaris topdiplomaat vicepremier"),
    ...roles("expert", "deskundige expert analist onderzoeker hoogleraar professor wetenschapper historicus politicoloog econoom kenner specialist adviseur strateeg criminoloog jurist advocaat arts"),
    ...roles("media", "journalist correspondent verslaggever redacteur columnist fotograaf hoofdredacteur"),
    ...roles("party", "leider oprichter commandant rebellenleider strijder oppositieleider partijleider fractievoorzitter kamerlid senator europarlementariër activist"),
    ...roles("other", "italiaan amerikaan spanjaard fransman brit duitser belg nederlander rus oekraïner marokkaan serviër kroaat portugees braziliaan argentijn australiër canadees zweed noor fin pool tsjech hongaar roemeen bulgaar griek turk iraniër israëliër palestijn japanner keniaan ethiopiër zwitser oostenrijker ier schot engelsman mexicaan colombiaan"),
    ...roles("other", "substituut voorzitter directeur topman topvrouw ceo bestuurder eigenaar trainer coach bondscoach aanvoerder doelman spits renner schrijver zanger acteur paus bisschop kardinaal imam rabbijn dominee"),
    // people named by what they are or whose they are: zakenman Derksen, keizer Saturninus, dochter Lavinia
    ...roles("other", "zakenman zakenvrouw ondernemer keizer keizerin tsaar sultan emir onderluitenant zangeres actrice regisseur regisseuse dichter componist kunstenaar schilder choreograaf dochter zoon vader moeder broer zus zuster echtgenoot echtgenote weduwe weduwnaar grootvader grootmoeder oom tante neef nicht vriendin vriend familie verdachte slachtoffer getuige"),
  ],
  roleSuffixes: [
    ...roles("expert", "deskundige expert kenner analist onderzoeker specialist"),
    ...roles("official", "woordvoerder woordvoerster minister president commandant ambassadeur burgemeester gouverneur chef"),
    ...roles("media", "correspondent journalist verslaggever"),
    ...roles("party", "leider"),
    ...roles("other", "italiaan amerikaan spanjaard fransman brit duitser belg nederlander rus oekraïner marokkaan serviër kroaat portugees braziliaan argentijn australiër canadees zweed noor fin pool tsjech hongaar roemeen bulgaar griek turk iraniër israëliër palestijn japanner keniaan ethiopiër zwitser oostenrijker ier schot engelsman mexicaan colombiaan"),
    ...roles("other", "substituut voorzitter directeur topman"),
  ],
  rolePrefixes: ["oud", "ex", "vice", "voormalig", "voormalige", "toenmalig", "toenmalige", "waarnemend", "interim", "adjunct", "plaatsvervangend", "kersvers", "kersverse", "huidige", "nieuwe"],
  honorifics: ["dhr", "dhr.", "mevr", "mevr.", "meneer", "mevrouw", "dr", "dr.", "prof", "prof.", "mr", "mr.", "ir", "ir.", "drs", "drs.", "sir", "lord"],
  nameParticles: ["van", "de", "der", "den", "ter", "ten", "te", "'t", "von", "di", "da", "du", "le", "la", "el", "al", "bin", "ibn", "ben", "dos", "do"],
  nameConnectors: ["voor", "van", "en", "de", "der", "den", "het", "&"],
  heads: [
    ...heads("organization", true, "instituut academie universiteit hogeschool ministerie departement partij bank raad commissie rechtbank parlement senaat agentschap dienst politie krijgsmacht strijdkrachten marine luchtmacht landmacht zeemacht korps bond federatie unie vereniging stichting organisatie bureau centrum fonds omroep inspectie consortium maatschappij alliantie coalitie beweging orgaan comité comite tribunaal"),
    ...heads("organization", false, "groep leger hof kamer krant studio radio nv bv inc telecom software capital partners systems technologies holding holdings media records soundsystem brothers entertainment energy electric pharma labs solutions services international airlines airways spoorwegen"),
    ...heads("group", true, "legioen militie brigade bataljon regiment"),
    ...heads("other", false, "spelen open awards league cup beker prijs trofee tour festival kampioenschap kampioenschappen oorlog wereldoorlog verdrag akkoord operatie"),
    ...heads("location", true, "straat laan steenweg plein kaai dreef gracht singel boulevard"),
    ...heads("location", false, "place"),
    ...heads("facility", true, "luchthaven vliegveld ziekenhuis kerncentrale centrale kazerne paleis brug gevangenis stadion ambassade haven basis fabriek raffinaderij dam"),
    // venues named in English or another language inside Dutch text: Crocus City Hall, Sportpaleis Arena
    ...heads("facility", false, "hall arena theater theatre stadium"),
  ],
  functionWords: "de het een en of maar want dus toch ook nog al dan die dat deze dit wie wat waar wanneer hoe waarom welke er hier daar zo als om in op aan bij met voor van naar uit door over onder tegen tussen na sinds tijdens volgens zonder hij zij ze wij we jij je u ik men zijn haar hun ons onze mijn uw iedereen niemand niets alles geen niet wel nu toen later eerder vandaag gisteren morgen inmiddels intussen ondertussen bovendien daarnaast echter verder tenslotte uiteindelijk volgens aldus mogelijk misschien waarschijnlijk vermoedelijk onduidelijk duidelijk zeker ja nee".split(" "),
  commonWords: commonWords.concat(capitalisedAdjectives.map((w) => w.toLowerCase())),
  nonNames: creeds.split(" ").concat("januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag pasen kerstmis pinksteren wk ek btw ipo adsl umts gsm sms pc tv cd dvd dna hiv aids mri ict kmo pvc cao wao".split(" ")),
  definiteArticles: ["het", "de", "dat", "die", "deze", "dit"],
  // (a wadi is a valley or dry river bed: "Wadi Derna" runs through Derna, it is not the town)
  featureWords: ["wadi", "rivier", "vallei", "meer", "golf", "baai", "kaap", "kanaal"],
  locativePrepositions: ["in", "naar", "uit", "nabij", "rond", "rondom", "vanuit", "richting", "langs", "te"],
  speechVerbs: "zegt zei zeiden zeggen stelt stelde stellen meldt meldde melden gemeld bevestigt bevestigde bevestigd ontkent ontkende ontkend claimt claimde geclaimd eist eiste geëist waarschuwt waarschuwde beschuldigt beschuldigde verklaart verklaarde verklaard reageert reageerde laat liet kondigt kondigde aangekondigd dreigt dreigde spreekt sprak erkent erkende erkend benadrukt benadrukte noemt noemde beweert beweerde ontkennen bevestigen wijst wees weigert weigerde gezegd gesteld".split(" "),
  auxiliaries: ["heeft", "had", "zal", "zou", "kan", "moet", "wil", "liet"],
  sourceMarkers: ["volgens", "aldus", "door"],
  attributionMarkers: ["volgens", "aldus"],
  known: [
    { name: "Kremlin", type: "organization", government: "RU" },
    { name: "Witte Huis", type: "organization", government: "US" },
    { name: "Pentagon", type: "organization", government: "US" },
    { name: "Downing Street", type: "organization", government: "GB" },
    { name: "Élysée", type: "organization", government: "FR" },
    { name: "Binnenhof", type: "organization", government: "NL" },
    { name: "Catshuis", type: "organization", government: "NL" },
    { name: "Bankova", type: "organization", government: "UA" },
    ...("Europa Afrika Azië Oceanië Latijns-Amerika Zuid-Amerika Noord-Amerika Midden-Amerika Midden-Oosten Balkan Scandinavië Kaukasus Siberië Oost-Europa West-Europa Centraal-Azië Zuidoost-Azië Noord-Afrika Sahel Donbas Gaza Gazastrook Westelijke-Jordaanoever Antarctica Noordpool Zuidpool Middellandse-Zeegebied").split(" ").map((n) => ({ name: n, type: "location" as const })), // spelling keys fold the hyphens
    { name: "VS", type: "location" }, { name: "USA", type: "location" },
    { name: "NAVO", type: "organization", same: "NATO" }, { name: "NATO", type: "organization", same: "NATO" }, { name: "Navo", type: "organization", same: "NATO" },
    { name: "VN", type: "organization", same: "UN" }, { name: "Verenigde Naties", type: "organization", same: "UN" },
    { name: "EU", type: "organization", same: "EU" }, { name: "Europese Unie", type: "organization", same: "EU" },
    { name: "Rode Halve Maan", type: "organization" },
    { name: "Europese Commissie", type: "organization" }, { name: "OVSE", type: "organization" },
    { name: "Rode Kruis", type: "organization" }, { name: "IAEA", type: "organization" },
    { name: "FSB", type: "organization" }, { name: "SBU", type: "organization" }, { name: "GRU", type: "organization" },
    { name: "KGB", type: "organization" }, { name: "CIA", type: "organization" }, { name: "FBI", type: "organization" },
    { name: "AIVD", type: "organization" }, { name: "MIVD", type: "organization" }, { name: "Wagner", type: "group" },
    { name: "Hamas", type: "group" }, { name: "Hezbollah", type: "group" }, { name: "Taliban", type: "group" },
    ...["IS", "ISIS", "Islamitische Staat", "Islamic State"].map((name) => ({ name, type: "group" as const, same: "IS" })),
    // een tak is niet de groep zelf: IS-Khorasan en IS zijn twee organisaties
    ...["IS-K", "ISIS-K", "ISKP", "IS-Khorasan", "Provincie Khorasan"].map((name) => ({ name, type: "group" as const, same: "ISK" })),
    ...["Al-Qaida", "al-Qaeda", "Al-Qaeda", "al-Qaida", "Al Qaida", "Al Qaeda"].map((name) => ({ name, type: "group" as const, same: "AQ" })),
    { name: "Tweede Kamer", type: "organization" }, { name: "Eerste Kamer", type: "organization" },
    { name: "Defensie", type: "organization" }, { name: "Reuters", type: "organization" }, { name: "ANP", type: "organization" },
    { name: "Belga", type: "organization" }, { name: "AP", type: "organization" }, { name: "AFP", type: "organization" },
    { name: "NOS", type: "organization" }, { name: "BBC", type: "organization" }, { name: "CNN", type: "organization" },
  ],
  demonyms: { ...demonyms, ...peoples },
  compoundLinkers: ["s", "en", "e", "-"],
  typeNouns: typeNouns({
    organization: "tv weblog blog krant dagblad weekblad website nieuwssite site zender omroep persbureau bedrijf onderneming concern firma bank organisatie partij denktank instituut club ploeg vereniging stichting beweging groep dienst agentschap fabrikant producent uitgeverij vzw nv bv holding keten rederij maatschappij bedrijven",
    group: "militie rebellengroep strijdgroep knokploeg eenheid bende",
    location: "stad dorp gehucht plaats grensplaats gemeente regio provincie deelstaat land hoofdstad havenstad grensstad grensdorp oblast district wijk buurt eiland rivier",
    facility: "vliegveld luchthaven ziekenhuis kazerne gevangenis centrale concertzaal zaal concertgebouw stadion theater",
  }),
  capitalisedAdjectives,
  inflectedAdjectiveEnding: "e",
  organizationPrepositions: [],
  adjectiveSuffixes: ["se", "sche"],
  portfolioLinkers: ["van"],
  portfolioContinuations: ["zaken"],
  nameAbbreviations: ["inc", "corp", "co", "ltd", "jr", "sr"],
  foreignArticles: ["the", "les", "los", "las", "il"],
  listSeparators: [",", "en", "of", "&"],
  givenNames,
  nonNameAbbreviations: "jan feb mrt apr jun jul aug sep sept okt nov dec ma di wo do vr za zo".split(" "),
  innerParticles: ["al", "el", "bin", "ibn", "bint", "abu", "ben"],
  ambiguousInnerParticles: ["al", "ben"],
  foreignConnectors: ["et", "y", "und"],
  namePrefixes: { storm: "other", orkaan: "other", cycloon: "other", tyfoon: "other", wervelstorm: "other", "tropische storm": "other" },
  bodyHeads: "regering overheid ministerie leger marine luchtmacht landmacht kustwacht krijgsmacht strijdkrachten inlichtingendienst veiligheidsdienst geheime-dienst dienst parket openbaar-ministerie justitie grenswacht".split(" ").map((w) => w.replace("-", " ")),
  bareBodyHeads: [],
  countryAbbreviations: {
    Ned: "NL", Bel: "BE", Fra: "FR", Dui: "DE", Ita: "IT", Spa: "ES", Por: "PT", Eng: "GB", GBr: "GB", Sch: "GB", Ier: "IE", VSt: "US", Can: "CA",
    Rus: "RU", Oek: "UA", Wru: "BY", Pol: "PL", Tsj: "CZ", Slk: "SK", Hon: "HU", Roe: "RO", Bul: "BG", Kro: "HR", Slo: "SI", Ser: "RS", Bos: "BA",
    Gri: "GR", Tur: "TR", Zwe: "SE", Noo: "NO", Den: "DK", Fin: "FI", Zwi: "CH", Oos: "AT", Lux: "LU", Arg: "AR", Bra: "BR", Chi: "CL", Chil: "CL",
    Col: "CO", Mex: "MX", Ven: "VE", Per: "PE", Uru: "UY", Aus: "AU", NZe: "NZ", Jap: "JP", Kor: "KR", Chn: "CN", Ind: "IN", ZAf: "ZA", Zim: "ZW",
    Mar: "MA", Alg: "DZ", Tun: "TN", Egy: "EG", Ken: "KE", Eth: "ET", Nig: "NG", Kaz: "KZ", Isr: "IL", Let: "LV", Lit: "LT", Est: "EE", Slv: "SI",
  },
  landmarkAdjectives: ["koninklijk", "koninklijke", "presidentieel", "presidentiële", "keizerlijk", "keizerlijke"],
  namedBodyHeads: ["omroep", "zender", "krant", "dagblad", "weekblad", "persbureau", "nieuwszender", "nieuwsagentschap", "publieke omroep"],
  bodyCompoundHeads: ["autoriteiten", "autoriteit", "dienst", "ministerie"],
};
