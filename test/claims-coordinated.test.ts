// A coordinated subject (SPEC §4): "Washington en Moskou hebben ontkend", "Both Ankara and Athens denied": names
// joined by "and" before the verb are all the source; none of them alone. In the ledger each speaks for its
// party, and the briefing names them together in its own language.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Claim } from "../src/model/doc.js";
import { claimHolding as claim, runClaims } from "./helpers.js";
import { briefed, section, show } from "./briefed.js";

const reading = (c: Claim) => [c.status, c.source?.name ?? null, c.source?.entity ?? null] as const;

test("names joined by 'and' before the verb are one source of all of them", () => {
  const nl = runClaims("De kabel in de Egeïsche Zee werd zondag doorgesneden. Ankara en Athene hebben beide elke betrokkenheid ontkend en wijzen elkaar als schuldige aan.", "nl");
  assert.deepEqual(reading(claim(nl, "betrokkenheid ontkend")), ["denied", "Ankara en Athene", null]);
  // a second verb of the same subject is what they say themselves, not what they deny
  assert.deepEqual(reading(claim(nl, "elkaar als schuldige")).slice(0, 2), ["claimed", "Ankara en Athene"]);
  const en = runClaims("The cable in the Aegean was cut on Sunday. Both Ankara and Athens denied any involvement.", "en");
  assert.deepEqual(reading(claim(en, "involvement")).slice(0, 2), ["denied", "Ankara and Athens"]);
  // a common noun before "and" may close another phrase: only names are joined
  const object = runClaims("The storm hit the harbour and officials said the port was closed.", "en");
  assert.equal(claim(object, "port was closed").source?.name, "officials");
});

// Reports written for this test: a cut cable in the Aegean Sea.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Kabel in Egeïsche Zee doorgesneden", source: "Zeebode", published: "2025-03-02T18:00:00+01:00", lang: "nl",
    text: "Een datakabel op de bodem van de Egeïsche Zee is zondag doorgesneden.\n\nAnkara en Athene hebben beide elke betrokkenheid ontkend.\n",
  },
  {
    file: "2.en.txt", title: "Aegean cable cut", source: "Harbour Wire", published: "2025-03-02T20:00:00+01:00", lang: "en",
    text: "A data cable on the floor of the Aegean Sea was cut on Sunday.\n\nGreek officials said divers had found the cable severed near Lesbos.\n",
  },
] as const;

test("the briefing names a coordinated source together, in its own language, with the verb for several", async () => {
  const brief = await briefed(REPORTS, "claims-coordinated");
  const denied = (lang: "en" | "nl") => section(brief[lang], "denied").lines.map(show);
  assert.ok(denied("en").some((l) => /Ankara and Athen\w* deny it/.test(l)), denied("en").join(" | "));
  assert.ok(denied("nl").some((l) => /Ankara en Athene ontkennen het/.test(l)), denied("nl").join(" | "));
});

test("a name before an apposition whose closing comma is left out is the speaker; the role describes him", () => {
  const en = runClaims('It is "plain from the gauges that the levee failed," Karin Holm, director of the Danish Flood Service at Aarhus University told the radio.', "en");
  const c = claim(en, "levee failed");
  assert.equal(c.source?.name, "Karin Holm");
  assert.equal(c.source?.role, "director of the Danish Flood Service at Aarhus University");
  // a place before the comma is no speaker
  const place = runClaims("In Aarhus, officials of the Danish Flood Service said the levee failed.", "en");
  assert.notEqual(claim(place, "levee failed").source?.name, "Aarhus");
});
