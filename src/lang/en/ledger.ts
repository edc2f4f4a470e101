import type { LedgerLexicon } from "../../ledger/lexicon.js";

// English knowledge for fusing reports. Text is matched lower-cased without diacritics.
const W = String.raw`(?:\S+\s+){0,3}`; // up to three words in between

export const ledger: LedgerLexicon = {
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
