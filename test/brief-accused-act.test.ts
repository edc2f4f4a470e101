import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a shooting in Ghent. The morning's wire says the gunman is at large; a
// Dutch report that evening describes him as the man "die ervan wordt verdacht … twee toeristen te hebben
// doodgeschoten" (what he is accused of doing to his victims, not that he was shot dead), an English one as
// the man "suspected of having shot dead two tourists", and another says
// he was shot dead by the police. Only the last stands against "at large".
const REPORTS = [
  {
    file: "1.en.txt", title: "Two tourists shot dead in Ghent", source: "Scheldt Wire", published: "2025-03-07T06:00:00+00:00", lang: "en",
    text:
      "Two tourists were shot dead in the Belgian city of Ghent late on Thursday by a suspect who remains at large, police said.\n\n" +
      "The city has raised its security level.\n",
  },
  {
    file: "2.nl.txt", title: "Verdachte schietpartij Gent had strafblad", source: "Vlaams Avondblad", published: "2025-03-07T18:00:00+00:00", lang: "nl",
    text:
      "De man die ervan wordt verdacht donderdag in Gent twee toeristen te hebben doodgeschoten, had al een strafblad in Frankrijk.\n\n" +
      "Hij woonde sinds vorig jaar in Gent.\n",
  },
  {
    file: "3.nl.txt", title: "Verdachte doodgeschoten", source: "Gentse Courant", published: "2025-03-07T20:00:00+00:00", lang: "nl",
    text: "De verdachte van de schietpartij in Gent werd vrijdagavond door de politie doodgeschoten in een café.\n",
  },
  {
    file: "4.en.txt", title: "Ghent suspect had French record", source: "Low Countries Post", published: "2025-03-07T19:00:00+00:00", lang: "en",
    text: "The man suspected of having shot dead two tourists in Ghent had a criminal record in France, prosecutors said.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-accused-act");
const docOf = (published: string) => brief.en.reports.find((r) => r.published.startsWith(published))!.doc;

test("at large vs shot dead: the act the suspect is accused of is no state of his", () => {
  const contested = section(brief.en, "unclear").groups!.find((g) => g.title === "Contested")!.lines;
  const shot = docOf("2025-03-07T20:00");
  for (const accused of [docOf("2025-03-07T18:00"), docOf("2025-03-07T19:00")])
    assert.ok(!contested.some((l) => l.cites.some((c) => c.doc === accused)), contested.map(show).join(" | "));
  assert.ok(contested.some((l) => l.cites.some((c) => c.doc === shot) && /at large/.test(show(l))), contested.map(show).join(" | "));
});
