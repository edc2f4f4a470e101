import type { LedgerLexicon } from "../../ledger/lexicon.js";

// English knowledge for fusing reports. Text is matched lower-cased without diacritics.
const W = String.raw`(?:\S+\s+){0,3}`; // up to three words in between

export const ledger: LedgerLexicon = {
  entities: {
    institutions: [
      { name: "ministry:defence", patterns: [String.raw`defen[cs]e ministry`, String.raw`ministry of defen[cs]e`, String.raw`defen[cs]e department`, String.raw`department of defen[cs]e`, String.raw`pentagon`] },
      { name: "ministry:foreign", patterns: [String.raw`foreign (?:affairs )?ministry`, String.raw`ministry of foreign affairs`, String.raw`foreign office`, String.raw`state department`] },
      { name: "ministry:interior", patterns: [String.raw`interior ministry`, String.raw`ministry of (?:the )?interior`, String.raw`home office`] },
      { name: "ministry:health", patterns: [String.raw`health ministry`, String.raw`ministry of (?:public )?health`] },
      { name: "ministry:justice", patterns: [String.raw`justice ministry`, String.raw`ministry of justice`, String.raw`justice department`] },
      { name: "prosecution", patterns: [String.raw`(?:public |federal )?prosecutor'?s'? office`, String.raw`prosecution (?:authority|service|office)`, String.raw`public prosecutor`, String.raw`(?:federal )?prosecutors?`] },
      { name: "police", patterns: [String.raw`(?:federal |local )?police`] },
      { name: "military", patterns: [String.raw`army`, String.raw`armed forces`, String.raw`military`] },
      { name: "air-force", patterns: [String.raw`air force`] },
      { name: "navy", patterns: [String.raw`navy`] },
      { name: "air-defence", patterns: [String.raw`air defen[cs]e`] },
      { name: "intelligence:military", patterns: [String.raw`military intelligence`] },
      { name: "intelligence:security", patterns: [String.raw`security service`, String.raw`secret service`] },
      { name: "seismology", patterns: [String.raw`seismi(?:c|ological) (?:network|service|institute)`] },
      { name: "meteorology", patterns: [String.raw`meteorological (?:center|centre|office|service|institute)`, String.raw`weather service`] },
      { name: "red-cross", patterns: [String.raw`red cross`] },
      { name: "red-crescent", patterns: [String.raw`red crescent`] },
      { name: "coast-guard", patterns: [String.raw`coast ?guard`] },
      { name: "fire-service", patterns: [String.raw`fire (?:service|department|brigade)`] },
      { name: "government", patterns: [String.raw`government`, String.raw`cabinet`, String.raw`administration`] },
      { name: "parliament", patterns: [String.raw`parliament`] },
      { name: "court", patterns: [String.raw`court`] },
    ],
    fillers: ["the", "of", "s", "national", "federal", "public", "state", "central"],
    roles: [
      { name: "head", patterns: [String.raw`president`, String.raw`leader`, String.raw`chief`, String.raw`head`, String.raw`boss`, String.raw`secretary[- ]general`, String.raw`head of state`] },
      { name: "premier", patterns: [String.raw`prime minister`, String.raw`premier`, String.raw`pm`] },
      { name: "minister:defence", patterns: [String.raw`defen[cs]e minister`, String.raw`minister of defen[cs]e`, String.raw`defen[cs]e secretary`] },
      { name: "minister:foreign", patterns: [String.raw`foreign minister`, String.raw`minister of foreign affairs`, String.raw`foreign secretary`, String.raw`secretary of state`] },
      { name: "minister:interior", patterns: [String.raw`interior minister`, String.raw`minister of (?:the )?interior`, String.raw`home secretary`] },
      { name: "minister:health", patterns: [String.raw`health minister`, String.raw`minister of health`] },
      { name: "governor", patterns: [String.raw`governor`] },
      { name: "mayor", patterns: [String.raw`mayor`] },
      { name: "spokesperson", patterns: [String.raw`spokes(?:man|woman|person)`] },
      { name: "prosecutor", patterns: [String.raw`prosecutor`] },
    ],
    // beyond the entity lexicon's: the countries news on wars and disasters names most
    demonyms: {
      swedish: "SE", danish: "DK", norwegian: "NO", finnish: "FI", latvian: "LV", lithuanian: "LT", estonian: "EE",
      libyan: "LY", egyptian: "EG", tunisian: "TN", moroccan: "MA", algerian: "DZ", iraqi: "IQ", lebanese: "LB", saudi: "SA",
      afghan: "AF", pakistani: "PK", indian: "IN", tajik: "TJ", austrian: "AT", swiss: "CH", czech: "CZ", hungarian: "HU",
      romanian: "RO", moldovan: "MD", greek: "GR", portuguese: "PT", korean: "KR", mexican: "MX", sudanese: "SD",
      yemeni: "YE", jordanian: "JO", armenian: "AM", azerbaijani: "AZ",
    },
  },
  oppositions: [
    {
      name: "independence",
      a: {
        label: "independent",
        patterns: [
          String.raw`independent(?:ly)?`,
          String.raw`autonomous(?:ly)?`,
          String.raw`on (?:its|their|his|her) own (?:initiative|authority|accord)`,
          String.raw`(?:takes?|taking) no orders from`,
        ],
      },
      b: {
        label: "subordinate",
        patterns: [
          String.raw`under ${W}(?:command|control|orders|direction|authority)`,
          String.raw`(?:on|at) the (?:orders|behest|instruction|direction) of`,
          String.raw`(?:reports?|reporting|answers?|answering) (?:directly )?to`,
          String.raw`(?:directed|commanded|controlled|run) (?:by|from)`,
          String.raw`part of ${W}(?:army|armed forces|military)`,
        ],
      },
    },
    {
      name: "continuation",
      a: {
        label: "ended",
        patterns: [
          String.raw`(?:is|was|are|were|has been|have been) over`,
          String.raw`ended`,
          String.raw`finished`,
          String.raw`completed`,
          String.raw`concluded`,
          String.raw`halted`,
          String.raw`called off`,
          String.raw`repelled`,
          String.raw`routed`,
          String.raw`pushed (?:back|out)`,
          String.raw`driven (?:back|out)`,
          String.raw`withdrawn`,
          String.raw`(?:has|have|had) (?:\S+\s+){0,1}(?:left|withdrawn|pulled out)`,
          String.raw`(?:completely )?eliminated`,
        ],
      },
      b: {
        label: "ongoing",
        patterns: [
          String.raw`goes on`,
          String.raw`(?:go|going|went) on`,
          String.raw`continu(?:es|e|ing)`,
          String.raw`ongoing`,
          String.raw`under ?way`,
          String.raw`still (?:inside|in|on|fighting|advancing|going|there)`,
          String.raw`(?:carry|carrying|carries|press|pressing|presses) on`,
          String.raw`(?:not|never) (?:over|finished)`,
        ],
      },
    },
  ],
  negators: ["not", "no", "never", "n't", "hardly"],
  counter: [
    String.raw`inconceivable`,
    String.raw`implausible`,
    String.raw`(?:highly )?unlikely`,
    String.raw`contrary to`,
    String.raw`(?:contradicts?|contradicting|refuted|belies)`,
    String.raw`despite (?:the|its|their|his|her) denials?`,
    String.raw`(?:footage|images|videos|photos|evidence|satellite images) (?:\S+\s+){0,3}(?:shows?|suggests?|indicates?|appears? to show)`,
    String.raw`however`,
  ],
  backRef: [
    String.raw`(?:the|that|this|those|these|its|their) (?:\S+\s+){0,1}(?:figures?|claims?|account|allegations?|accusations?|reports?|version|statement|assertion)`,
    String.raw`[\p{L}]+'s? (?:account|claims?|figures?|version|statement|allegations?)`,
  ],
  themes: [
    {
      name: "involvement",
      patterns: [
        String.raw`involve(?:d|ment)`,
        String.raw`(?:is|was|are|were) ${W}behind`,
        String.raw`responsib(?:le|ility)`,
        String.raw`(?:took|take|taking|takes) part`,
        String.raw`(?:had|has|have) ${W}(?:a hand|a role|anything to do)`,
        String.raw`armed (?:the|them|those)`,
        String.raw`(?:backed|supported|sponsored) by`,
      ],
    },
  ],
};
