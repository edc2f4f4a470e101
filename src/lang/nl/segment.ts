import type { SegmentLexicon } from "../../pipeline/segment/lexicon.js";

// Dutch abbreviations written with a full stop that rarely end a sentence. Dotted forms (o.a., m.n.,
// i.p.v.) are one token already and need no entry unless they may also close a sentence.
export const segment: SegmentLexicon = {
  abbreviations: [
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "ds", "pastoor", "br", "zr", "st", "sr", "jr",
    "ca", "circa", "bijv", "bv", "vgl", "resp", "evt", "ev", "incl", "excl", "max", "min", "mln", "mld", "mrd",
    "mil", "blz", "pag", "afd", "tel", "adv", "vnl", "jl", "nl", "ong", "plm", "gen", "luit", "kol", "maj",
    "kapt", "sgt", "burg", "wethr", "gem", "prov", "Gebr", "Fa", "Co", "Kon", "Min", "Mgr", "ds", "art",
    "vs", "lt", "gr", "kg", "km", "cm", "mm", "pct", "proc", "nov", "dec", "okt", "sept", "aug",
  ],
  abbreviationsBeforeNumber: ["nr", "no", "jan", "feb", "mrt", "apr", "jun", "jul", "sep", "art", "blz", "hfst", "vol"],
  sentenceFinalAbbreviations: ["etc", "enz", "e.d", "e.a", "e.v", "ca", "nl"],
  sentenceStarters: [
    "de", "het", "een", "dat", "die", "dit", "deze", "er", "hij", "zij", "ze", "wij", "we", "ik", "u", "jij",
    "het", "in", "op", "volgens", "maar", "ook", "toch", "daarnaast", "bovendien", "na", "bij", "tijdens",
    "nog", "wel", "zo", "dan", "toen", "later", "eerder", "intussen", "inmiddels", "ondertussen", "daarna",
  ],
  subjectPronouns: ["hij", "zij", "ze", "wij", "we", "ik", "jij"],
  splitSuffixes: [],
  elisions: ["'s", "'t", "'n", "’s", "’t", "’n"],
  furniture: [
    "Lees verder", "Lees meer", "Lees ook", "Lees het hele artikel", "Lees het volledige artikel", "Lees het hele verhaal",
    "Het bericht {} verscheen eerst op {}", "Dit artikel verscheen eerder op {}", "Bekijk ook", "Meer over dit onderwerp",
    "Klik hier om verder te lezen", "Verder lezen",
  ],
};
