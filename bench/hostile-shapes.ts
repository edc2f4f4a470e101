// Hostile and unlucky report bodies for the linear-time suite (npm run bench:hostile, test/hostile.test.ts):
// each shape builds a text of about `size` characters that has once driven some stage superlinear, plus
// normal news text of the same size to compare against. Every builder is deterministic.
import type { Lang } from "../src/model/doc.js";

export interface Shape {
  name: string;
  lang: Lang;
  /** What the shape stresses, for the report. */
  note: string;
  build(size: number): string;
  /**
   * Shapes still superlinear in a stage another branch is fixing: the test marks them `todo` with the stage
   * named, so the lead can flip them once that branch is merged.
   */
  todo?: string;
}

/** `unit` repeated until the text reaches `size` characters (cut at a unit boundary). */
function fill(unit: string | ((i: number) => string), size: number, sep = ""): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const u = typeof unit === "string" ? unit : unit(i);
    parts.push(u);
    n += u.length + sep.length;
  }
  return parts.join(sep);
}

/**
 * A run of `size` characters inside an ordinary sentence, followed by a word in lower case (no sentence
 * starts there, so every mark of the run is judged).
 */
function run(lang: Lang, mark: string, size: number): string {
  const head = lang === "nl" ? "De minister zei dat het waar was" : "The minister said it was true";
  const tail = lang === "nl" ? " daarna ging hij naar huis.\n" : " then he went home.\n";
  return head + mark.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / mark.length))) + tail;
}

// deterministic pseudo-random numbers for the shapes that need variety
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ["ka", "ro", "ven", "mil", "dor", "sa", "tek", "lu", "bran", "os", "ni", "gar", "pe", "zu", "hol", "ma"];
function name(r: () => number, parts = 2): string {
  let s = "";
  for (let i = 0; i < parts; i++) s += SYL[Math.floor(r() * SYL.length)]!;
  return s[0]!.toUpperCase() + s.slice(1);
}

export const SHAPES: Shape[] = [
  { name: "bang-run", lang: "nl", note: "one run of ! inside a sentence", build: (n) => run("nl", "!", n) },
  { name: "question-run", lang: "en", note: "one run of ? inside a sentence", build: (n) => run("en", "?", n) },
  { name: "bang-question-mix", lang: "nl", note: "!?!? with closing quotes in one run", build: (n) => run("nl", "!?”)", n) },
  { name: "low-quote-run", lang: "nl", note: "one run of „", build: (n) => run("nl", "„", n) },
  { name: "low-quote-words", lang: "nl", note: "„ before every word, never closed", build: (n) => fill((i) => (i % 7 === 6 ? "„Ja! " : "„ja "), n) + "\n" },
  { name: "quote-sentences", lang: "nl", note: "every sentence opens a quote it never closes", build: (n) => fill("„Wij waren daar. ", n) + "\n" },
  { name: "straight-quote-run", lang: "en", note: "a run of \" and '", build: (n) => run("en", "\"'", n) },
  { name: "apostrophes", lang: "nl", note: "a long mix of apostrophe forms", build: (n) => fill("'s 't 'n zo'n d'r ’s m’n ", n) + "\n" },
  { name: "apostrophes-en", lang: "en", note: "a long mix of apostrophe forms", build: (n) => fill("Russia's don't 'em o'clock ’tis rock'n'roll ", n) + "\n" },
  {
    name: "hyphen-word-stop",
    lang: "nl",
    note: "one very long hyphenated word before a full stop",
    build: (n) => "Het was een " + "a".repeat(Math.max(1, n - 40)) + "-b. Daarna niet.\n",
  },
  {
    name: "hyphen-chain-stop",
    lang: "nl",
    note: "a word of a thousand hyphenated parts before a full stop",
    build: (n) => "Het was een " + fill("ab-", n - 40) + "a. Daarna niet.\n",
  },
  {
    name: "hyphen-tail-capital",
    lang: "nl",
    note: "a capitalised word with a long hyphenated tail",
    build: (n) => "Volgens " + "Noord" + fill("-Oost", n - 40) + " is het rustig.\n",
  },
  {
    name: "hyphen-words-many",
    lang: "en",
    note: "many capitalised hyphenated names",
    build: (n) => fill((i) => `Al-Ka-${i % 97}-Ro said. `, n) + "\n",
  },
  { name: "abbreviations", lang: "en", note: "many repeated abbreviations", build: (n) => fill("U.S. Mr. Dr. Gen. Lt. Col. St. ", n) + "\n" },
  { name: "abbreviations-nl", lang: "nl", note: "many repeated Dutch abbreviations", build: (n) => fill("dhr. mevr. o.a. i.p.v. ca. Prof. dr. ", n) + "\n" },
  { name: "initials", lang: "en", note: "initials without end", build: (n) => fill("A. B. C. D. E. F. G. H. ", n) + "\n" },
  {
    name: "repeated-name",
    lang: "en",
    note: "one name repeated in every sentence",
    build: (n) => fill("Mr. John Smith said the army moved. ", n) + "\n",
  },
  {
    name: "many-names",
    lang: "nl",
    note: "thousands of distinct capitalised names",
    build: (n) => {
      const r = rng(7);
      return fill(() => `${name(r)} ${name(r, 3)} zegt dat ${name(r)} in ${name(r)} was. `, n) + "\n";
    },
  },
  {
    name: "many-names-en",
    lang: "en",
    note: "thousands of distinct capitalised names",
    build: (n) => {
      const r = rng(11);
      return fill(() => `${name(r)} ${name(r, 3)} told ${name(r)} that ${name(r)} was in ${name(r)}. `, n) + "\n";
    },
  },
  { name: "speech-chain", lang: "nl", note: "says-clauses without end", build: (n) => fill("zegt hij, zei zij, meldt het leger, ", n) + "einde.\n" },
  { name: "speech-chain-en", lang: "en", note: "says-clauses without end", build: (n) => fill("he said, she says, the army reported, ", n) + "end.\n" },
  { name: "one-long-word", lang: "nl", note: "one word, no spaces", build: (n) => "Het woord " + "a".repeat(n) + " eindigt.\n" },
  {
    name: "long-word-claim",
    lang: "en",
    note: "one word of letters alone inside a reported claim (the claim's features are read from its words)",
    build: (n) => "Police said " + "b".repeat(n) + " was killed in the city on Monday.\n",
  },
  { name: "capital-word-run", lang: "en", note: "capitalised words without punctuation", build: (n) => fill("Alpha Bravo Charlie Delta ", n) + "\n" },
  { name: "digits", lang: "en", note: "numbers without end", build: (n) => fill((i) => `${i} ${i * 7},5 ${i}.000 `, n) + "\n" },
  { name: "counts", lang: "en", note: "casualty figures without end", build: (n) => fill((i) => `${i} killed, ${i + 1} wounded and ${i + 2} missing; `, n) + "\n" },
  { name: "dates", lang: "nl", note: "time expressions without end", build: (n) => fill("gisteren op 23 mei 2023 om 14.00 uur, dinsdag, vorige week, ", n) + "\n" },
  { name: "ellipsis-run", lang: "en", note: "a run of full stops", build: (n) => run("en", ".", n) },
  { name: "bang-words", lang: "nl", note: "short exclamations with runs of marks", build: (n) => fill((i) => (i % 3 ? "nee!!! " : "Nee?!?! „ja”!! "), n) + "\n" },
  { name: "dot-space-run", lang: "en", note: "full stops and spaces", build: (n) => run("en", ". ", n) },
  { name: "brackets", lang: "en", note: "opening brackets never closed", build: (n) => run("en", "(", n) },
  { name: "newlines", lang: "nl", note: "one word a line", build: (n) => fill("woord\n", n) },
  { name: "blank-lines", lang: "nl", note: "paragraph after paragraph of one word", build: (n) => fill("Woord.\n\n", n) },
  { name: "headings", lang: "en", note: "short lines without punctuation", build: (n) => fill((i) => `Heading number ${i}\n`, n) },
  { name: "colons", lang: "en", note: "colons and dashes", build: (n) => fill("Army: – yes — no: ", n) + "\n" },
  { name: "urls", lang: "en", note: "URLs and e-mail addresses", build: (n) => fill((i) => `https://example.org/a/${i}?x=1&y=2 mail${i}@example.org `, n) + "\n" },
  { name: "symbols", lang: "en", note: "symbols and emoji", build: (n) => fill("😀 ★ § ¶ € $ % & * # @ ~ ", n) + "\n" },
  { name: "combining", lang: "nl", note: "letters with stacked combining marks", build: (n) => fill("e\u0301\u0302\u0303\u0304 ", n) + "\n" },
  { name: "cjk", lang: "en", note: "Chinese text without spaces", build: (n) => fill("北京时间今天上午发生了爆炸。", n) + "\n" },
  { name: "control-separators", lang: "en", note: "form feed, vertical tab, U+0085, U+2028", build: (n) => fill("word\fword\vword\u0085word\u2028word\u2029", n) + "\n" },
  { name: "mixed-scripts", lang: "nl", note: "Cyrillic, Arabic and Latin names mixed", build: (n) => fill("Грайворон الرقة Belgorod Грайворон-Сити ", n) + "\n" },
];

/** Paragraphs of normal news text per language: our samples, plus the corpora under ../shared when present. */
export function newsParagraphs(files: readonly string[], read: (f: string) => { text: string; lang: Lang }[]): Record<Lang, string[]> {
  const out: Record<Lang, string[]> = { nl: [], en: [] };
  for (const f of files) {
    let docs: { text: string; lang: Lang }[];
    try {
      docs = read(f);
    } catch {
      continue;
    }
    for (const d of docs) for (const p of d.text.split(/\n\s*\n/)) if (p.trim().length > 40) out[d.lang].push(p.trim());
  }
  return out;
}

/** Normal news text of about `size` characters: paragraphs drawn with a fixed seed. */
export function normalText(paras: readonly string[], size: number): string {
  const r = rng(20230523);
  return fill(() => paras[Math.floor(r() * paras.length)]!, size, "\n\n") + "\n";
}
