import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test: a gunman who shot two cyclists in Ghent and was later found dead himself,
// and a qualifying match named in a sentence that also names the king. That the gunman died is not that the
// cyclists died, whoever says either; and "EK-kwalificatiewedstrijd België" is a match, not a person whose
// surname joins "Koning Filip van België".
const REPORTS = [
  {
    file: "1.nl.txt", title: "Twee wielrenners doodgeschoten in Gent", source: "Scheldepost", published: "2025-05-12T21:00:00+02:00", lang: "nl",
    text:
      "In het centrum van Gent zijn twee wielrenners doodgeschoten.\n\n" +
      "De man die maandagavond twee wielrenners in het centrum van Gent doodschoot, is zelf ook overleden, zegt de minister van Binnenlandse Zaken.\n",
  },
  {
    file: "2.en.txt", title: "Two cyclists shot dead in Ghent", source: "Lowlands Wire", published: "2025-05-12T22:00:00+00:00", lang: "en",
    text: "Two cyclists were shot dead in the centre of Ghent on Monday evening, police said.\n",
  },
  {
    file: "3.nl.txt", title: "Koning bij herdenking", source: "Leiebode", published: "2025-05-13T18:00:00+02:00", lang: "nl",
    text:
      "Koning Filip van België sprak dinsdagavond zijn medeleven uit met de families van de slachtoffers.\n\n" +
      "De schutter zei in een filmpje dat hij de fans die de EK-kwalificatiewedstrijd België – Nederland zouden bezoeken wilde treffen.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-self");

test("established: the two shot dead, in two reports; the gunman's own death is not fused with it", () => {
  assert.deepEqual(section(brief.nl, "established").lines.map(show), [
    "“In het centrum van Gent zijn twee wielrenners doodgeschoten” (2 berichten)",
    "“Koning Filip van België sprak dinsdagavond zijn medeleven uit met de families van de slachtoffers”",
  ]);
  assert.ok(groups(brief.nl, "claims").some((g) => g.endsWith("“De man die maandagavond twee wielrenners in het centrum van Gent doodschoot, is zelf ook overleden, zegt de minister van Binnenlandse Zaken”")));
});

test("actors: a match named after a country is no person, and the king keeps his own name", () => {
  assert.deepEqual(section(brief.nl, "actors").lines.map(show).filter((l) => /Filip|EK-/.test(l)), [
    "koning Filip (ook: Filip van België, Koning Filip van België) — 1 bericht",
    "EK-kwalificatiewedstrijd België — 1 bericht",
  ]);
});
