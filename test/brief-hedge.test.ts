import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test: a drone that came down in a Moldovan village. The president "reserves
// judgement" on who made it (a hedge, not the ministry's "Russian-made"); Kyiv denies the drone was
// Ukrainian, and NATO's chief answers with a condition ("if Ukraine fired it, Russia is still to blame")
// and with the war Russia started: neither charges Ukraine, so neither is set against Kyiv's denial.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Drone neergestort in Moldavië", source: "Prutbode", published: "2025-10-14T20:00:00+02:00", lang: "nl",
    text:
      "Een drone is dinsdag neergestort in het Moldavische dorp Ocnita. Het Moldavische ministerie van Buitenlandse Zaken zegt dat de drone van Russische makelij was.\n\n" +
      "President Sandu houdt nog een slag om de arm over de makelij. Zij zegt dat die \"zeer waarschijnlijk\" door Rusland is gemaakt, \"maar dat wordt allemaal nog onderzocht\".\n",
  },
  {
    file: "2.en.txt", title: "Drone in Moldova was Russian-made", source: "Chisinau Times", published: "2025-10-14T21:00:00+00:00", lang: "en",
    text:
      "A drone crashed in the Moldovan village of Ocnita on Tuesday. Moldova's foreign ministry had earlier said the drone was “Russian-made”.\n\n" +
      "Ukrainian President Volodymyr Zelensky said the drone was not from Ukraine.\n",
  },
  {
    file: "4.nl.txt", title: "Zelensky: drone niet van ons", source: "Dnjestrkrant", published: "2025-10-15T08:00:00+02:00", lang: "nl",
    text:
      "De drone die dinsdag in een Moldavisch dorp neerstortte en daarbij een boer doodde, was volgens de Oekraïense president Volodymyr Zelensky niet uit zijn land afkomstig.\n\n" +
      "\"Ik twijfel er niet aan dat die drone niet van ons was\", zei hij.\n",
  },
  {
    file: "3.nl.txt", title: "NAVO: Rusland schuldig", source: "Grenskrant", published: "2025-10-15T10:00:00+02:00", lang: "nl",
    text:
      "Als Oekraïne daarbij een dodelijke explosie over de grens met Moldavië heeft veroorzaakt, is dat volgens NAVO-chef Mark Rutte nog steeds aan de Russen te wijten.\n\n" +
      "\"De explosie in Moldavië is een direct gevolg van de oorlog met Oekraïne die Rusland is begonnen\", zei Rutte.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-hedge");

test("established: the president's reserve on who made the drone is a line of its own, not the ministry's 'Russian-made'", () => {
  assert.deepEqual(section(brief.en, "established").lines.map(show), [
    "“A drone crashed in the Moldovan village of Ocnita on Tuesday” (3 reports)",
    "“President Sandu houdt nog een slag om de arm over de makelij”",
  ]);
  assert.deepEqual(section(brief.nl, "established").lines.map(show), [
    "“De drone die dinsdag in een Moldavisch dorp neerstortte …” (3 berichten)",
    "“President Sandu houdt nog een slag om de arm over de makelij”",
  ]);
});

test("contested: a condition ('als Oekraïne … heeft veroorzaakt') and the war Russia started charge nobody: Kyiv's denial faces neither", () => {
  assert.deepEqual(groups(brief.en, "unclear"), ["Open questions: “Zij zegt dat die ‘zeer waarschijnlijk’ door Rusland is gemaakt, ‘maar dat wordt allemaal nog onderzocht’”"]);
  assert.deepEqual(groups(brief.nl, "unclear"), ["Open vragen: “Zij zegt dat die ‘zeer waarschijnlijk’ door Rusland is gemaakt, ‘maar dat wordt allemaal nog onderzocht’”"]);
});
