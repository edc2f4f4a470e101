import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { pipelineDocs, propositionGroups, type TestReport } from "./helpers.js";
import { fusionClaims } from "../src/ledger/claimkeys.js";

// Reports written for these tests: a drone attack on a port told in Dutch, by an agency whose copy two
// outlets carry word for word, and by a paper in its own words.
const WIRE =
  "Three dock workers were killed in a drone attack on the port of Odesa overnight Monday, the regional governor said.\n\n" +
  "Two storage tanks at the port were still filled with grain when the fire broke out.\n\n" +
  "Russia denies any involvement in the attack on the port.\n\n" +
  "Two of the drones came down in Romania's territorial waters, according to the Romanian coast guard.\n";
const PORT: TestReport[] = [
  {
    source: "Havenblad",
    published: "2025-06-02T20:00:00+02:00",
    lang: "nl",
    text:
      "Bij een droneaanval op de haven van Odesa zijn maandagnacht drie havenarbeiders omgekomen. Dat meldt de regionale gouverneur.\n\n" +
      "Twee opslagtanks van de haven bevatten nog graan. Moskou zei dat het niets met de aanval op de haven te maken heeft.\n\n" +
      "Twee van de drones werden gevonden in de Roemeense territoriale wateren, meldt de Roemeense kustwacht.\n",
  },
  { source: "Coastal Wire (AP)", published: "2025-06-03T08:00:00+00:00", lang: "en", text: WIRE },
  { source: "Harbour Times (AP)", published: "2025-06-03T08:30:00+00:00", lang: "en", text: WIRE },
  {
    source: "Morning Ledger",
    published: "2025-06-03T12:00:00+00:00",
    lang: "en",
    text: "The attack left three port workers dead, officials in Odesa said. A fire broke out in the grain terminal after the strike.\n",
  },
];

const ds = pipelineDocs(PORT);
const fusion = fuseReports(ds);
const byText = (words: string) => fusion.propositions.find((p) => p.claims.some((id) => fusion.claims.find((c) => c.id === id)!.text.includes(words)))!;

test("propositions: one statement in Dutch, in an agency's two copies and in a paper's own words is one proposition", () => {
  assert.deepEqual(propositionGroups(fusion, ds), [
    ["Coastal Wire (AP): Russia denies any involvement in the attack on the port", "Harbour Times (AP): Russia denies any involvement in the attack on the port", "Havenblad: Moskou zei dat het niets met de aanval op de haven te maken heeft"],
    [
      "Coastal Wire (AP): Three dock workers were killed in a drone attack on the port of Odesa overnight Monday, the regional governor said",
      "Harbour Times (AP): Three dock workers were killed in a drone attack on the port of Odesa overnight Monday, the regional governor said",
      "Havenblad: Bij een droneaanval op de haven van Odesa zijn maandagnacht drie havenarbeiders omgekomen",
      "Morning Ledger: The attack left three port workers dead, officials in Odesa said",
    ],
    [
      "Coastal Wire (AP): Two of the drones came down in Romania's territorial waters, according to the Romanian coast guard",
      "Harbour Times (AP): Two of the drones came down in Romania's territorial waters, according to the Romanian coast guard",
      "Havenblad: Twee van de drones werden gevonden in de Roemeense territoriale wateren, meldt de Roemeense kustwacht",
    ],
    ["Coastal Wire (AP): Two storage tanks at the port were still filled with grain when the fire broke out", "Harbour Times (AP): Two storage tanks at the port were still filled with grain when the fire broke out", "Havenblad: Twee opslagtanks van de haven bevatten nog graan"],
    ["Morning Ledger: A fire broke out in the grain terminal after the strike"],
  ]);
});

test("propositions: the agency's copies count once, a paper and a Dutch report on their own", () => {
  const toll = byText("drie havenarbeiders");
  assert.equal(toll.reports, 4);
  // the agency's two copies of the governor's words are one origin, whoever else is counted
  const origins = new Set(toll.claims.map((id) => fusion.claims.find((c) => c.id === id)!.agency ?? id));
  assert.equal(toll.independent <= origins.size && toll.independent < toll.reports, true);
  const tanks = byText("opslagtanks");
  // the report's own voice: the Dutch paper, and the agency once for its two copies
  assert.equal(tanks.reports, 3);
  assert.equal(tanks.independent, 2);
  assert.equal(tanks.status, "established");
});

test("propositions: a claim that names no act meets one that does by what both are about (drones in Romanian waters)", () => {
  const drones = byText("territoriale wateren");
  assert.equal(drones.claims.length, 3);
  assert.equal(drones.reports, 3);
});

test("propositions: what a scene-setting clause says is kept apart from what the claim states", () => {
  const [en] = fusionClaims(pipelineDocs([{ source: "x", published: "2025-06-03T08:00:00+00:00", lang: "en", text: "Both pipelines were still filled with gas when the pressure in them dropped.\n" }])[0]!);
  assert.ok(en!.concepts.includes("v:contain") && en!.concepts.includes("v:decrease"));
  assert.deepEqual(en!.background, ["n:pressure", "v:decrease"]);
  const [nl] = fusionClaims(pipelineDocs([{ source: "x", published: "2025-06-03T08:00:00+00:00", lang: "nl", text: "De leidingen bevatten nog gas toen de druk daalde.\n" }])[0]!);
  assert.deepEqual(nl!.background, ["n:pressure", "v:decrease"]);
  // a claim without such a clause has none
  const [plain] = fusionClaims(pipelineDocs([{ source: "x", published: "2025-06-03T08:00:00+00:00", lang: "en", text: "The pressure in both pipelines dropped on Monday.\n" }])[0]!);
  assert.equal(plain!.background, undefined);
});

test("propositions: a year said alone is a key in either language; a figure in parentheses is an aside", () => {
  const [nl] = fusionClaims(pipelineDocs([{ source: "x", published: "2025-06-03T08:00:00+00:00", lang: "nl", text: "Sinds de opstand van 2011 verkeert het land in een politieke crisis.\n" }])[0]!);
  assert.deepEqual(nl!.years, ["2011"]);
  const [en] = fusionClaims(pipelineDocs([{ source: "x", published: "2025-06-03T08:00:00+00:00", lang: "en", text: "The country has been mired in conflict since a 2011 uprising.\n" }])[0]!);
  assert.deepEqual(en!.years, ["2011"]);
  const [toll] = fusionClaims(
    pipelineDocs([{ source: "x", published: "2025-06-03T08:00:00+00:00", lang: "en", text: "Floods have killed 3,958 people in Derna, the health ministry said (adjusting an earlier report that said 11,300 people were killed).\n" }])[0]!,
  );
  const killed = toll!.figures.filter((f) => f.kind === "killed");
  assert.deepEqual(killed.map((f) => [f.value, !!f.aside]).sort(), [[11300, true], [3958, false]].sort());
});
