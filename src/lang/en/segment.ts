import type { SegmentLexicon } from "../../pipeline/segment/lexicon.js";

// English abbreviations written with a full stop that rarely end a sentence: titles and ranks before a
// name, company suffixes, US state abbreviations in datelines, and measure words.
export const segment: SegmentLexicon = {
  abbreviations: [
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "Sen", "Rep", "Gov", "Lt", "Col", "Gen", "Sgt",
    "Capt", "Cpt", "Maj", "Cmdr", "Adm", "Brig", "Cpl", "Pvt", "Supt", "Insp", "Det", "Atty", "Pres", "Amb",
    "St", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp", "Ltd", "Bros", "vs", "approx", "est", "dept", "govt", "fig",
    "Gens", "Reps", "Sens", "Lt.-Col", "Adj", "Ave", "Blvd",
    "cf", "ca", "viz", "Sept", "Oct", "Nov", "Dec", "Aug", "Jan", "Feb", "Apr", "Jul", "Jun",
    // a transcript's speaker labels: "MR. SMITH:", "MS. DOE:"
    "MR", "MRS", "MS",
  ],
  abbreviationsBeforeNumber: ["No", "Nos", "no", "nos", "Art", "art", "vol", "Vol", "p", "pp", "Mar", "Fig"],
  // US state abbreviations end a dateline or a place at the end of a sentence ("said in Naples, Fla. The …"), so
  // they end it before a sentence opener or a quote, unlike titles (Sen., Gov.), which always precede a name
  sentenceFinalAbbreviations: [
    "etc", "U.S", "U.K", "U.N", "a.m", "p.m", "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "D.C",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
    "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo", "Mass",
  ],
  sentenceStarters: [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
    "but", "and", "in", "on", "at", "according", "meanwhile", "however", "after", "before", "his", "her",
    "their", "its", "our", "officials", "police", "some", "many", "no", "yet", "still", "also", "as", "when",
    // a count spelled out opens many a sentence of news ("… shortly after 7 a.m. Two carriages overturned")
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "several",
  ],
  subjectPronouns: ["he", "she", "they", "we", "you"],
  splitSuffixes: ["'s", "’s"],
  elisions: [],
  furniture: [
    "Continue reading", "Read more", "Read the full story", "Read the full article", "Read the rest of this story",
    "Read full story", "Read full article", "Click here to read more", "The post {} appeared first on {}",
    "This article originally appeared on {}", "This story originally appeared on {}", "This post first appeared on {}",
    "Related:", "See also:",
  ],
};
