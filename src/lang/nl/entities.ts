import type { EntityLexicon, HeadEntry } from "../../pipeline/entities/lexicon.js";
import { givenNames } from "../given-names.js";
import { demonymTable, roles, typeNouns } from "../builders.js";
import { commonWords, capitalisedAdjectives } from "./common-words.js";

const heads = (type: HeadEntry["type"], compound: boolean, words: string): HeadEntry[] =>
  words.split(" ").map((word) => ({ word, type, compound }));

// nationality adjectives in all their inflections → the country's ISO code
const demonyms = demonymTable({
  RU: "russisch russische", UA: "oekraïens oekraïense oekraiens oekraiense", NL: "nederlands nederlandse",
  BE: "belgisch belgische vlaams vlaamse waals waalse", US: "amerikaans amerikaanse", GB: "brits britse", DE: "duits duitse",
  FR: "frans franse", CN: "chinees chinese", PL: "pools poolse", BY: "wit-russisch wit-russische belarussisch belarussische",
  TR: "turks turkse", IL: "israëlisch israëlische", IR: "iraans iraanse", SY: "syrisch syrische",
  EU: "europees europese", IT: "italiaans italiaanse", ES: "spaans spaanse", GE: "georgisch georgische",
});

export const entities: EntityLexicon = {
  roles: [
    ...roles("official", "president premier minister-president minister staatssecretaris gouverneur burgemeester wethouder gedeputeerde commissaris woordvoerder woordvoerster ambassadeur consul diplomaat kolonel luitenant-kolonel generaal luitenant-generaal generaal-majoor majoor kapitein luitenant sergeant admiraal commandant bevelhebber opperbevelhebber stafchef procureur aanklager rechter officier politiechef koning koningin prins prinses kanselier secretaris-generaal hoofdcommissaris burgervader functionaris topdiplomaat vicepremier"),
    ...roles("expert", "deskundige expert analist onderzoeker hoogleraar professor wetenschapper historicus politicoloog econoom kenner specialist adviseur strateeg criminoloog jurist advocaat arts"),
    ...roles("media", "journalist correspondent verslaggever redacteur columnist fotograaf hoofdredacteur"),
    ...roles("party", "leider oprichter commandant rebellenleider strijder oppositieleider partijleider fractievoorzitter kamerlid senator europarlementariër activist"),
    ...roles("other", "italiaan amerikaan spanjaard fransman brit duitser belg nederlander rus oekraïner marokkaan serviër kroaat portugees braziliaan argentijn australiër canadees zweed noor fin pool tsjech hongaar roemeen bulgaar griek turk iraniër israëliër palestijn japanner keniaan ethiopiër zwitser oostenrijker ier schot engelsman mexicaan colombiaan"),
    ...roles("other", "substituut voorzitter directeur topman topvrouw ceo bestuurder eigenaar trainer coach bondscoach aanvoerder doelman spits renner schrijver zanger acteur paus bisschop kardinaal imam rabbijn dominee"),
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
    ...heads("organization", true, "instituut academie universiteit hogeschool ministerie departement partij bank raad commissie rechtbank parlement senaat agentschap dienst politie krijgsmacht strijdkrachten marine luchtmacht landmacht zeemacht korps bond federatie unie vereniging stichting organisatie bureau centrum fonds omroep inspectie consortium maatschappij alliantie coalitie beweging"),
    ...heads("organization", false, "groep leger hof kamer krant studio radio nv bv inc telecom software capital partners systems technologies holding holdings media records soundsystem brothers entertainment energy electric pharma labs solutions services international airlines airways"),
    ...heads("group", true, "legioen militie brigade bataljon regiment"),
    ...heads("other", false, "spelen open awards league cup beker prijs trofee tour festival kampioenschap kampioenschappen oorlog wereldoorlog verdrag akkoord operatie"),
    ...heads("location", true, "straat laan steenweg plein kaai dreef gracht singel boulevard"),
    ...heads("facility", true, "luchthaven vliegveld ziekenhuis kerncentrale centrale kazerne paleis brug gevangenis stadion ambassade haven basis fabriek raffinaderij dam"),
  ],
  functionWords: "de het een en of maar want dus toch ook nog al dan die dat deze dit wie wat waar wanneer hoe waarom welke er hier daar zo als om in op aan bij met voor van naar uit door over onder tegen tussen na sinds tijdens volgens zonder hij zij ze wij we jij je u ik men zijn haar hun ons onze mijn uw iedereen niemand niets alles geen niet wel nu toen later eerder vandaag gisteren morgen inmiddels intussen ondertussen bovendien daarnaast echter verder tenslotte uiteindelijk volgens aldus mogelijk misschien waarschijnlijk vermoedelijk onduidelijk duidelijk zeker ja nee".split(" "),
  commonWords: commonWords.concat(capitalisedAdjectives.map((w) => w.toLowerCase())),
  nonNames: "januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag pasen kerstmis pinksteren wk ek btw ipo adsl umts gsm sms pc tv cd dvd dna hiv aids mri ict kmo pvc cao wao".split(" "),
  definiteArticles: ["het", "de", "dat", "die", "deze", "dit"],
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
    { name: "NAVO", type: "organization" }, { name: "NATO", type: "organization" },
    { name: "VN", type: "organization" }, { name: "Verenigde Naties", type: "organization" },
    { name: "EU", type: "organization" }, { name: "Europese Unie", type: "organization" },
    { name: "Europese Commissie", type: "organization" }, { name: "OVSE", type: "organization" },
    { name: "Rode Kruis", type: "organization" }, { name: "IAEA", type: "organization" },
    { name: "FSB", type: "organization" }, { name: "SBU", type: "organization" }, { name: "GRU", type: "organization" },
    { name: "KGB", type: "organization" }, { name: "CIA", type: "organization" }, { name: "FBI", type: "organization" },
    { name: "AIVD", type: "organization" }, { name: "MIVD", type: "organization" }, { name: "Wagner", type: "group" },
    { name: "Hamas", type: "group" }, { name: "Hezbollah", type: "group" }, { name: "Hezbollah", type: "group" },
    { name: "Taliban", type: "group" }, { name: "IS", type: "group" }, { name: "Al-Qaida", type: "group" },
    { name: "Tweede Kamer", type: "organization" }, { name: "Eerste Kamer", type: "organization" },
    { name: "Defensie", type: "organization" }, { name: "Reuters", type: "organization" }, { name: "ANP", type: "organization" },
    { name: "Belga", type: "organization" }, { name: "AP", type: "organization" }, { name: "AFP", type: "organization" },
    { name: "NOS", type: "organization" }, { name: "BBC", type: "organization" }, { name: "CNN", type: "organization" },
  ],
  demonyms: { ...demonyms, ...{ russen: "RU", rus: "RU", oekraïners: "UA", oekraïner: "UA", nederlanders: "NL", nederlander: "NL", amerikanen: "US", amerikaan: "US", britten: "GB", brit: "GB", duitsers: "DE", duitser: "DE", fransen: "FR", fransman: "FR", belgen: "BE", belg: "BE", chinezen: "CN", europeanen: "EU", israëliërs: "IL", palestijnen: "PS", iraniërs: "IR", turken: "TR" } },
  compoundLinkers: ["s", "en", "e", "-"],
  typeNouns: typeNouns({
    organization: "tv weblog blog krant dagblad weekblad website nieuwssite site zender omroep persbureau bedrijf onderneming concern firma bank organisatie partij denktank instituut club ploeg vereniging stichting beweging groep dienst agentschap fabrikant producent uitgeverij",
    group: "militie rebellengroep strijdgroep knokploeg eenheid bende",
    location: "stad dorp gehucht plaats grensplaats gemeente regio provincie deelstaat land hoofdstad havenstad grensstad grensdorp oblast district wijk buurt eiland rivier",
    facility: "vliegveld luchthaven ziekenhuis kazerne gevangenis centrale",
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
};
