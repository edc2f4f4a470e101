import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";
import { quoteWords } from "../src/brief/quote.js";

// Reports written for this test: a flood in the village of Karst. The mayor is quoted with a sentence that is
// a quotation whole, and one that opens with a quotation; the dyke warden's quotation runs over two
// sentences, the second followed by who said it; the governor's colon quotation runs over two sentences;
// a sentence gives what is unclear after what only seems so, another after what the water board says; and a
// clause after a comma holds a time.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Doden door overstroming in Karst", source: "Dalbode", published: "2025-10-06T18:00:00+02:00", lang: "nl" as const,
    text:
      "Bij de overstroming in het dorp Karst zijn zeker negen mensen omgekomen, meldt de brandweer.\n\n" +
      'Volgens burgemeester Anna Berg is de schade enorm. "Het water kwam in de nacht en nam alles mee", aldus Berg. “Hele straten zijn weggespoeld.” Veel inwoners zijn naar familie gevlucht.\n\n' +
      '"We hebben gedaan wat we konden. De dijk was gewoon te oud", zei dijkgraaf Piet Mulder.\n\n' +
      "De dijk werd in 1998 voor het laatst versterkt, meldt het waterschap, zonder te zeggen waarom het onderhoud daarna stopte.\n\n" +
      "Het lijkt te gaan om de zwaarste overstroming in decennia, maar dat is nog niet officieel bevestigd.\n",
  },
  {
    file: "2.en.txt", title: "Floods kill nine in Karst", source: "Valley Wire", published: "2025-10-06T20:00:00+00:00", lang: "en" as const,
    text:
      "At least nine people were killed when floods hit the village of Karst on Monday, the fire service said.\n\n" +
      "The regional governor said: “Help is on its way. The army will reach Karst before nightfall.”\n\n" +
      "The old dyke north of the village gave way on Sunday evening, and by Monday morning the water stood in the market square.\n",
  },
];

const b = await briefed(REPORTS, "quotes");

test("a quotation quoted whole, or cut from a longer one, has one pair of quotation marks; the report's marks inside become single", () => {
  for (const lang of ["en", "nl"] as const) {
    const g = groups(b[lang], "claims");
    assert.equal(g.find((x) => x.startsWith("Anna Berg:")), "Anna Berg: “Volgens burgemeester Anna Berg is de schade enorm” | “‘Het water kwam in de nacht en nam alles mee’, aldus Berg” | “Hele straten zijn weggespoeld.”");
    assert.equal(g.find((x) => x.startsWith("Piet Mulder:")), "Piet Mulder: “We hebben gedaan wat we konden” | “‘De dijk was gewoon te oud’, zei dijkgraaf Piet Mulder”");
    assert.equal(g.find((x) => x.includes("governor") || x.startsWith("gouverneur")), `${lang === "en" ? "regional governor" : "gouverneur"}: “The regional governor said: ‘Help is on its way’” | “The army will reach Karst before nightfall.”`);
  }
});

test("an open question is quoted with its sentence, whoever says the rest of it; words cut from theirs are marked where they were cut", () => {
  assert.deepEqual(groups(b.en, "unclear"), [
    "Open questions: “De dijk werd in 1998 voor het laatst versterkt, meldt het waterschap, zonder te zeggen waarom het onderhoud daarna stopte” | “Het lijkt te gaan om de zwaarste overstroming in decennia, maar dat is nog niet officieel bevestigd”",
    "Likely or possible, not established: “Het lijkt te gaan om de zwaarste overstroming in decennia …” (probable)",
  ]);
  assert.deepEqual(groups(b.nl, "unclear"), [
    "Open vragen: “De dijk werd in 1998 voor het laatst versterkt, meldt het waterschap, zonder te zeggen waarom het onderhoud daarna stopte” | “Het lijkt te gaan om de zwaarste overstroming in decennia, maar dat is nog niet officieel bevestigd”",
    "Waarschijnlijk of mogelijk, niet vastgesteld: “Het lijkt te gaan om de zwaarste overstroming in decennia …” (waarschijnlijk)",
  ]);
});

test("a timeline entry that is a clause is quoted with its sentence, and a sentence's first half is marked as cut", () => {
  assert.deepEqual(section(b.en, "timeline").lines.map(show), [
    "“De dijk werd in 1998 voor het laatst versterkt, meldt het waterschap …” 1998 (1998)",
    "“The old dyke north of the village gave way on Sunday evening …” Sunday 5 October 2025, evening (Sunday evening)",
    "“At least nine people were killed when floods hit the village of Karst on Monday, the fire service said” Monday 6 October 2025 (Monday)",
    "“The old dyke north of the village gave way on Sunday evening, and by Monday morning the water stood in the market square” Monday 6 October 2025, morning (Monday morning)",
    "“‘Het water kwam in de nacht en nam alles mee’, aldus Berg” Monday 6 October 2025, night (de nacht)",
    "“The army will reach Karst before nightfall.” Monday 6 October 2025, night (before nightfall)",
  ]);
  assert.deepEqual(section(b.nl, "timeline").lines.map(show)[3], "“The old dyke north of the village gave way on Sunday evening, and by Monday morning the water stood in the market square” maandag 6 oktober 2025, ochtend (Monday morning)");
});

test("quotation marks of every kind: the low Dutch pair, straight marks, and marks whose partner lies outside", () => {
  assert.equal(quoteWords("„Wij weten nog niets.”"), "Wij weten nog niets.");
  assert.equal(quoteWords("De minister sprak van „een zwarte dag” voor het land"), "De minister sprak van ‘een zwarte dag’ voor het land");
  assert.equal(quoteWords('"Dit is geen ongeluk".'), "Dit is geen ongeluk.");
  assert.equal(quoteWords("nog steeds onderzocht”"), "nog steeds onderzocht");
  assert.equal(quoteWords("maar dat wordt nog onderzocht", { before: true }), "… maar dat wordt nog onderzocht");
  assert.equal(quoteWords("De stad is onbereikbaar,", { after: true }), "De stad is onbereikbaar …");
  // linear on hostile input (many marks, spaces and commas): four times the text takes well under sixteen
  // times as long. The fastest of a few runs each, since a loaded machine slows single runs, not the best one
  const hostile = (n: number) => '"'.repeat(n) + " ,".repeat(n) + "x";
  const time = (n: number) => {
    const text = hostile(n);
    const t0 = performance.now();
    quoteWords(text, { before: true, after: true });
    return performance.now() - t0;
  };
  const best = (n: number, k: number) => Math.min(...Array.from({ length: k }, () => time(n)));
  time(1_000);
  const small = best(25_000, 3), large = best(100_000, 2);
  assert.ok(large < Math.max(8 * small, 200), `${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
});
