import type { Lang } from "../model/doc.js";

// Function words that are frequent in one language and rare in the other; enough to tell Dutch from
// English in news text. A statistical detector can take over here.
const NL = new Set(["de", "het", "een", "en", "van", "is", "dat", "die", "niet", "op", "zijn", "met", "voor", "er", "maar", "ook", "zegt", "werd", "naar", "bij"]);
const EN = new Set(["the", "a", "and", "of", "is", "that", "to", "in", "not", "on", "are", "with", "for", "was", "but", "also", "said", "says", "by", "from"]);

export function detectLanguage(text: string): { lang: Lang; from: "detected" | "fallback" } {
  let nl = 0;
  let en = 0;
  const sample = text.slice(0, 20000).toLowerCase();
  for (const m of sample.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    if (NL.has(w)) nl++;
    if (EN.has(w)) en++;
  }
  if (nl + en < 3) return { lang: "en", from: "fallback" };
  return { lang: nl > en ? "nl" : "en", from: "detected" };
}
