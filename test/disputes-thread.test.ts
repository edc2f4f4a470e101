import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { disputeLines, pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a shooting in Ghent. On Monday evening a wire says the gunman is still at
// large; on Tuesday a report tells of a man shot by the police, in a clause that names no one ("Hij werd …",
// "He was …"). Such a clause is about the suspect only when the thread of the report leads back to him
// within two sentences: named in the sentence right before, it is; named three sentences before, with
// two sentences between that name other people (the mayor, the minister), it is not.
const EVENING: TestReport = {
  source: "Scheldt Wire",
  published: "2025-03-10T21:00:00+01:00",
  lang: "en",
  text: "Two people were shot dead in Ghent on Monday evening.\n\nThe gunman is still at large, police said.\n",
};

const NEXT: Record<"nl" | "en", { before: string; behind: string; far: string }> = {
  nl: {
    behind:
      "Twee mensen werden maandagavond in Gent doodgeschoten. " +
      "De verdachte is een 29-jarige man uit Lokeren. " +
      "Hij werd dinsdagochtend in een garage in de wijk Ledeberg door de politie neergeschoten.\n",
    before:
      "De verdachte van de schietpartij in Gent is een 29-jarige man uit Lokeren. " +
      "Hij werd dinsdagochtend in een garage in de wijk Ledeberg door de politie neergeschoten.\n",
    far:
      "De verdachte van de schietpartij in Gent is een 29-jarige man uit Lokeren. " +
      "Burgemeester Mathias De Clercq bezocht dinsdagmiddag de plek van de schietpartij. " +
      "Minister van Binnenlandse Zaken Annelies Verlinden sprak met de families van de slachtoffers. " +
      "Hij werd dinsdagochtend in een garage in de wijk Ledeberg door de politie neergeschoten.\n",
  },
  en: {
    behind:
      "Two people were shot dead in Ghent on Monday evening. " +
      "The suspect is a 29-year-old man from Lokeren. " +
      "He was shot dead by police in a garage in the Ledeberg district on Tuesday morning.\n",
    before:
      "The suspect in the Ghent shooting is a 29-year-old man from Lokeren. " +
      "He was shot dead by police in a garage in the Ledeberg district on Tuesday morning.\n",
    far:
      "The suspect in the Ghent shooting is a 29-year-old man from Lokeren. " +
      "Mayor Mathias De Clercq visited the scene on Tuesday afternoon. " +
      "Interior minister Annelies Verlinden met the families of the victims. " +
      "He was shot dead by police in a garage in the Ledeberg district on Tuesday morning.\n",
  },
};

function opposedLines(lang: "nl" | "en", which: keyof (typeof NEXT)["nl"]): string[] {
  const ds = pipelineDocs([EVENING, { source: "Havenkrant", published: "2025-03-11T10:00:00+01:00", lang, text: NEXT[lang][which] }]);
  return disputeLines(fuseReports(ds), ds, true).filter((l) => l.startsWith("opposed"));
}

for (const lang of ["nl", "en"] as const) {
  test(`a clause that names no one speaks of the suspect named in the sentence before it (${lang})`, () => {
    const lines = opposedLines(lang, "before");
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0]!, /^opposed \(update\) \| Havenkrant: (?:Hij werd|He was) .* \|\| Scheldt Wire: The gunman is still at large, police said$/);
  });

  // a claim that names no one two sentences back ("Two people were shot dead") does not end the window: the
  // suspect of the sentence after it is still found
  test(`the thread is read over both sentences before, not up to the first claim that names no one (${lang})`, () => {
    const lines = opposedLines(lang, "behind");
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0]!, /^opposed \(update\) \| Havenkrant: (?:Hij werd|He was) .* \|\| Scheldt Wire: The gunman is still at large, police said$/);
  });

  test(`a clause that names no one does not speak of a suspect named three sentences before, others named between (${lang})`, () => {
    assert.deepEqual(opposedLines(lang, "far"), []);
  });
}
