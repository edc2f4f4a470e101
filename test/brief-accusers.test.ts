import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a gas pipeline under the Gulf of Finland found leaking, Ukraine blaming
// Russia twice in one report (once with a "probably", once outright through a presidential adviser), and
// Moscow denying any part. One party's denial against one speaker's charges is one contested line, with the
// speaker's surest words.
const REPORTS = [
  {
    file: "1-dagblad.nl.txt", title: "Kiev: lek in gasleiding was Russische aanval", source: "Noorderdagblad", published: "2023-10-11T18:00:00+02:00", lang: "nl" as const,
    text:
      "Het lek in de gasleiding Balticconnector tussen Finland en Estland is waarschijnlijk veroorzaakt door een ‘terroristische aanval’ door Rusland, stelt Oekraïne.\n\n" +
      "‘Het lek in de Balticconnector is niets meer dan een door Rusland geplande terroristische aanval’, zei de presidentiële adviseur van Kiev, Mikhaylo Podolyak, op Twitter.\n\n" +
      "De leiding vervoert gas tussen Finland en Estland.\n",
  },
  {
    file: "2-wire.en.txt", title: "Finland investigates pipeline leak", source: "Baltic Wire", published: "2023-10-12T09:00:00+00:00", lang: "en" as const,
    text:
      "Finnish investigators are examining damage to the Balticconnector gas pipeline between Finland and Estonia.\n\n" +
      "Moscow has denied any involvement.\n",
  },
];

const b = await briefed(REPORTS, "accusers");

test("one party's denial against one speaker's charges is one contested line, with the speaker's surest words", () => {
  const charge = "“‘Het lek in de Balticconnector is niets meer dan een door Rusland geplande terroristische aanval’, zei de presidentiële adviseur van Kiev, Mikhaylo Podolyak, op Twitter”";
  assert.deepEqual(groups(b.en, "unclear").filter((g) => g.startsWith("Contested")), [`Contested: “Moscow has denied any involvement” ⟷ ${charge} Russia denies involvement; Ukraine says otherwise.`]);
  assert.deepEqual(groups(b.nl, "unclear").filter((g) => g.startsWith("Betwist")), [`Betwist: “Moscow has denied any involvement” ⟷ ${charge} Rusland ontkent betrokkenheid; Oekraïne zegt het tegendeel.`]);
});
