import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a shooting in Antwerp. On Monday evening a wire says the gunman is still at
// large; on Tuesday morning a Dutch report says the police shot him dead. That is news, not a dispute: the
// briefing shows the pair as an update that supersedes the evening's state, and neither side is what is known.
const REPORTS = [
  {
    file: "1.en.txt", title: "Two shot dead in Antwerp", source: "Scheldt Wire", published: "2025-03-10T21:00:00+01:00", lang: "en",
    text: "Two people were shot dead in Antwerp on Monday evening.\n\nThe gunman is still at large, police said.\n",
  },
  {
    file: "2.nl.txt", title: "Schutter Antwerpen doodgeschoten", source: "Havenkrant", published: "2025-03-11T10:00:00+01:00", lang: "nl",
    text: "De schutter van Antwerpen werd dinsdagochtend in een café in de wijk Borgerhout door de politie doodgeschoten.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-settled");
const contested = (lang: "en" | "nl") => (section(brief[lang], "unclear").groups ?? []).flatMap((g) => g.lines).filter((l) => l.quote?.includes("⟷"));

test("a state a later report settles reads as an update, the earlier report first", () => {
  assert.deepEqual(contested("en").map((l) => l.text), ["police: at large; later Havenkrant: caught or dead (an update, not a dispute: the earlier report is superseded)."]);
  assert.deepEqual(contested("nl").map((l) => l.text), ["politie: voortvluchtig; later Havenkrant: gepakt of dood (een update, geen tegenspraak: het eerdere bericht is achterhaald)."]);
  // neither the superseded state nor the news that settles it is stated as known while the pair stands
  for (const l of section(brief.en, "established").lines) assert.doesNotMatch(show(l), /still at large|doodgeschoten/, show(l));
});
