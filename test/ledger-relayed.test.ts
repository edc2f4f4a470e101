// What a speaker says in his own video, relayed by an official and by outlets, has one origin: the speaker
// is the innermost named asserter (SPEC §4), not the official who tells what the video says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { claimHolding as claim, pipelineDocs, runClaims, type TestReport } from "./helpers.js";

test("the speaker inside a relayed statement is the source, not the one who relays it", () => {
  const en = runClaims('In a video posted online, a man identifying himself as the gunman said "he acted for the Northern Front" movement, the spokesman for the prosecutor, Jan Peeters, said on the radio.', "en");
  assert.equal(claim(en, "Northern Front").source?.name, "gunman");
  // a relative clause without content after its verb keeps its noun: "in an attack the mayor described as …"
  const rel = runClaims('Two people were shot dead in Liège on Monday, in an attack the mayor described as "cowardly".', "en");
  assert.equal(claim(rel, "described").source?.name, "mayor");
});

// Reports written for this test: a shooting in Liège whose gunman claimed allegiance in a video.
const REPORTS: TestReport[] = [
  {
    source: "Meuse Wire", published: "2025-04-08T09:00:00+02:00", lang: "en",
    text: 'Two people were shot dead in Liège on Monday evening.\n\nIn a video posted online, a man identifying himself as the gunman said "he was a member of the Islamic State" group, the spokesman for the prosecutor, Jan Peeters, said on the radio.\n',
  },
  {
    source: "Maaskrant", published: "2025-04-08T12:00:00+02:00", lang: "nl",
    text: "In Luik zijn maandagavond twee mensen doodgeschoten.\n\nDe schutter beweert in een video lid te zijn van Islamitische Staat.\n",
  },
];

test("a statement the gunman made in his video counts as one origin however many relay it", () => {
  const ds = pipelineDocs(REPORTS);
  const f = fuseReports(ds);
  const p = f.propositions.find((x) => x.claims.some((id) => f.claims.find((c) => c.id === id)?.text.includes("Islamic State")));
  assert.ok(p, "no proposition of the allegiance");
  assert.equal(p.claims.length, 2, p.claims.join(" "));
  assert.equal(p.independent, 1, p.origins.join(" "));
});
