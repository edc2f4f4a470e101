import type { EntityLexicon, HeadEntry } from "../../pipeline/entities/lexicon.js";
import { givenNames } from "../given-names.js";
import { demonymTable, roles, typeNouns } from "../builders.js";
import { commonWords, capitalisedAdjectives } from "./common-words.js";

const heads = (type: HeadEntry["type"], words: string): HeadEntry[] => words.split(" ").map((word) => ({ word, type }));

// nationality adjectives in all their inflections → the country's ISO code
const demonyms = demonymTable({
  RU: "russian", UA: "ukrainian", NL: "dutch", BE: "belgian", US: "american", GB: "british english scottish welsh", DE: "german",
  FR: "french", CN: "chinese", PL: "polish", BY: "belarusian", TR: "turkish", IL: "israeli", IR: "iranian",
  SY: "syrian", EU: "european", IT: "italian", ES: "spanish", GE: "georgian", JP: "japanese", CA: "canadian",
  SE: "swedish", DK: "danish", NO: "norwegian", FI: "finnish", EE: "estonian", LV: "latvian", LT: "lithuanian", CZ: "czech",
  SK: "slovak", HU: "hungarian", RO: "romanian", BG: "bulgarian", GR: "greek", PT: "portuguese", AT: "austrian", CH: "swiss",
  IE: "irish", RS: "serbian", HR: "croatian", MD: "moldovan", AM: "armenian", AZ: "azerbaijani", KZ: "kazakh", TJ: "tajik",
  UZ: "uzbek", AF: "afghan", PK: "pakistani", IN: "indian", KR: "korean", KP: "north-korean", TW: "taiwanese", IQ: "iraqi",
  SA: "saudi", JO: "jordanian", LB: "lebanese", EG: "egyptian", LY: "libyan", TN: "tunisian", DZ: "algerian", MA: "moroccan",
  SD: "sudanese", ET: "ethiopian", NG: "nigerian", ZA: "south-african", PS: "palestinian", YE: "yemeni", QA: "qatari",
  MX: "mexican", BR: "brazilian", AR: "argentinian argentine", AU: "australian", SO: "somali", ML: "malian", NE: "nigerien",
});
// the people of a country (Russians, a Tunisian): nouns, never a name on their own
const peoples = demonymTable({
  RU: "russians", UA: "ukrainians", US: "americans", GB: "brits britons", DE: "germans", EU: "europeans", IL: "israelis",
  PS: "palestinians", IR: "iranians", SE: "swedes swede", DK: "danes dane", PL: "poles", TN: "tunisians", LY: "libyans",
  EG: "egyptians", SY: "syrians", IQ: "iraqis", AF: "afghans", TJ: "tajiks", FR: "frenchmen", NL: "dutchmen", BE: "belgians",
  IT: "italians", ES: "spaniards", CA: "canadians", TR: "turks", CZ: "czechs", HU: "hungarians", MA: "moroccans",
});
// adjectives of religion and ideology: never a name alone
const creeds = "islamist islamists jihadist jihadists muslim muslims arab arabs arabic sunni shiite shia kurdish christian christians jewish";

export const entities: EntityLexicon = {
  roles: [
    ...roles("official", "president premier minister secretary governor mayor spokesman spokeswoman spokesperson ambassador envoy consul diplomat colonel lieutenant general major captain sergeant admiral commander chief prosecutor judge officer official king queen prince princess chancellor senator congressman congresswoman representative rep sen gov lt col gen adm sgt capt cmdr"),
    ...roles("expert", "expert analyst researcher professor scientist historian economist specialist adviser advisor strategist lawyer attorney doctor"),
    ...roles("media", "journalist correspondent reporter editor columnist photographer"),
    ...roles("party", "leader founder rebel fighter activist"),
    ...roles("other", "chairman chairwoman chair director executive ceo cfo coo founder owner coach manager captain pope bishop cardinal imam rabbi"),
    ...roles("other", "businessman businesswoman entrepreneur emperor empress tsar sultan emir singer actress actor director poet composer artist painter daughter son father mother brother sister husband wife widow widower uncle aunt nephew niece suspect victim witness"),
  ],
  roleSuffixes: [],
  rolePrefixes: ["former", "ex", "vice", "deputy", "acting", "interim", "then", "new", "outgoing", "incoming", "assistant"],
  honorifics: ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "lord", "lady", "dame"],
  nameParticles: ["van", "de", "der", "den", "von", "di", "da", "du", "le", "la", "el", "al", "bin", "ibn", "ben", "dos", "do", "del", "della"],
  nameConnectors: ["of", "for", "and", "the", "&", "de"],
  heads: [
    ...heads("organization", "institute academy university college ministry department party bank council commission court parliament senate congress agency service police army navy forces corps union federation association foundation organization organisation bureau office center centre fund group company corporation corp inc ltd llc plc co motors news times post network studio studios radio telecom software capital partners systems technologies holding holdings media records soundsystem brothers entertainment energy electric pharma labs solutions services international committee administration authority board alliance coalition movement guard railways railroad airlines airways"),
    ...heads("group", "legion militia brigade battalion regiment"),
    ...heads("other", "games open awards league cup trophy prize tour festival championship championships war treaty accord act operation"),
    ...heads("location", "street avenue boulevard road square lane island place"),
    ...heads("facility", "airport hospital bridge plant base prison palace stadium embassy station refinery dam factory hall arena theater theatre"),
  ],
  functionWords: "the a an and or but so yet also still as if when while where why how what who which that this these those there here then than it its he she they we you i his her their our my your nobody nothing everyone everybody not no yes now today yesterday tomorrow later earlier meanwhile however moreover furthermore finally according in on at by for with from to of into over under after before since during without about against between among through".split(" "),
  commonWords: commonWords.concat(capitalisedAdjectives.map((w) => w.toLowerCase())),
  nonNames: creeds.split(" ").concat("january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday easter christmas i ipo adsl umts gsm sms pc tv cd dvd dna hiv aids gdp mri ict ceo cfo coo".split(" ")),
  definiteArticles: ["the", "that", "this"],
  // (a wadi is a valley or dry river bed: "Wadi Derna" runs through Derna, it is not the town)
  featureWords: ["wadi", "river", "valley", "lake", "mount", "gulf", "bay", "cape", "strait", "canal"],
  locativePrepositions: ["in", "near", "into", "outside", "around", "across", "toward", "towards"],
  speechVerbs: "says said say claims claimed claim confirms confirmed confirm denies denied deny announced announces announce warned warns accused accuses stated states insists insisted reported responded rejected rejects dismissed dismisses admitted acknowledged threatened threatens demanded demands called calls maintains maintained".split(" "),
  auxiliaries: ["has", "had", "have", "will", "would", "could", "may", "might", "did", "does", "also"],
  sourceMarkers: ["according", "by"],
  attributionMarkers: ["according to"],
  known: [
    { name: "Kremlin", type: "organization", government: "RU" },
    { name: "White House", type: "organization", government: "US" },
    { name: "Pentagon", type: "organization", government: "US" },
    { name: "Downing Street", type: "organization", government: "GB" },
    { name: "Elysee", type: "organization", government: "FR" },
    { name: "Bankova", type: "organization", government: "UA" },
    ...("Europe Africa Asia Oceania Latin-America South-America North-America Central-America Middle-East Balkans Scandinavia Caucasus Siberia Eastern-Europe Western-Europe Central-Asia Southeast-Asia North-Africa Sahel Donbas Gaza Gaza-Strip West-Bank Antarctica Arctic").split(" ").map((n) => ({ name: n, type: "location" as const })), // spelling keys fold the hyphens
    { name: "US", type: "location" }, { name: "U.S.", type: "location" }, { name: "USA", type: "location" }, { name: "UK", type: "location" },
    { name: "NATO", type: "organization", same: "NATO" }, { name: "UN", type: "organization", same: "UN" }, { name: "United Nations", type: "organization", same: "UN" },
    { name: "EU", type: "organization", same: "EU" }, { name: "European Union", type: "organization", same: "EU" }, { name: "European Commission", type: "organization" },
    { name: "Red Crescent", type: "organization" },
    { name: "OSCE", type: "organization" }, { name: "Red Cross", type: "organization" }, { name: "IAEA", type: "organization" },
    { name: "FSB", type: "organization" }, { name: "SBU", type: "organization" }, { name: "GRU", type: "organization" },
    { name: "KGB", type: "organization" }, { name: "CIA", type: "organization" }, { name: "FBI", type: "organization" },
    { name: "Wagner", type: "group" }, { name: "Hamas", type: "group" }, { name: "Hezbollah", type: "group" },
    { name: "Taliban", type: "group" },
    ...["IS", "ISIS", "ISIL", "Islamic State", "Daesh"].map((name) => ({ name, type: "group" as const, same: "IS" })),
    // a branch is not the group: "ISIS-K, a branch of the Islamic State group" names two bodies
    ...["IS-K", "ISIS-K", "ISKP", "Islamic State Khorasan"].map((name) => ({ name, type: "group" as const, same: "ISK" })),
    ...["Al-Qaeda", "al-Qaeda", "al-Qaida", "Al Qaeda", "al Qaeda"].map((name) => ({ name, type: "group" as const, same: "AQ" })),
    { name: "Reuters", type: "organization" }, { name: "AP", type: "organization" }, { name: "AFP", type: "organization" },
    { name: "BBC", type: "organization" }, { name: "CNN", type: "organization" }, { name: "Congress", type: "organization" },
    { name: "Senate", type: "organization" }, { name: "Wall Street", type: "organization" },
  ],
  demonyms: { ...demonyms, ...peoples },
  compoundLinkers: [],
  typeNouns: typeNouns({
    organization: "blog website newspaper paper outlet broadcaster network agency company firm carrier airline automaker manufacturer maker bank organization organisation party group club team institute foundation association union",
    group: "militia faction",
    location: "city town village hamlet settlement region province state country capital district county oblast island river",
    facility: "airport hospital base prison plant venue stadium arena",
  }),
  capitalisedAdjectives,
  inflectedAdjectiveEnding: "",
  organizationPrepositions: [],
  adjectiveSuffixes: [],
  portfolioLinkers: ["of"],
  portfolioContinuations: ["affairs", "security", "defense", "defence", "development", "trade"],
  nameAbbreviations: ["inc", "corp", "co", "ltd", "jr", "sr", "bros"],
  foreignArticles: ["les", "los", "las", "il"],
  listSeparators: [",", "and", "or", "&"],
  givenNames,
  nonNameAbbreviations: "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun am pm".split(" "),
  innerParticles: ["al", "el", "bin", "ibn", "bint", "abu"],
  ambiguousInnerParticles: [],
  foreignConnectors: ["et", "y", "und"],
  namePrefixes: { storm: "other", hurricane: "other", typhoon: "other", cyclone: "other", "tropical storm": "other" },
  bodyHeads: ["government", "ministry", "army", "navy", "air force", "coast guard", "military intelligence", "intelligence service", "security service", "foreign ministry", "defense ministry", "defence ministry"],
  bareBodyHeads: ["navy", "air force", "army", "coast guard", "military intelligence", "intelligence service", "security service"],
  countryAbbreviations: {
    NED: "NL", BEL: "BE", FRA: "FR", GER: "DE", ITA: "IT", ESP: "ES", POR: "PT", GBR: "GB", IRL: "IE", USA: "US", CAN: "CA", RUS: "RU", UKR: "UA",
    BLR: "BY", POL: "PL", CZE: "CZ", SVK: "SK", HUN: "HU", ROU: "RO", BUL: "BG", CRO: "HR", SLO: "SI", SRB: "RS", GRE: "GR", TUR: "TR", SWE: "SE",
    NOR: "NO", DEN: "DK", FIN: "FI", SUI: "CH", AUT: "AT", ARG: "AR", BRA: "BR", CHI: "CL", COL: "CO", MEX: "MX", AUS: "AU", NZL: "NZ", JPN: "JP",
    KOR: "KR", CHN: "CN", IND: "IN", RSA: "ZA", KEN: "KE", ETH: "ET",
  },
  landmarkAdjectives: ["royal", "presidential", "imperial"],
  namedBodyHeads: ["broadcaster", "newspaper", "daily", "news agency", "agency", "network", "channel"],
  bodyCompoundHeads: [],
};
