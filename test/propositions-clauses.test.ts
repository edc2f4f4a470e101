import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { explainBlock } from "../src/ledger/propositions.js";
import { fusionClaims } from "../src/ledger/claimkeys.js";
import { pipelineDocs, propositionGroups, type TestReport } from "./helpers.js";

// Reports written for these tests: a drone strike on a warehouse in a border village, told in English and
// Dutch, in sentences that state two things at once or hang a clause on the noun they open with; and a
// depot fire whose cause an analysis suggests and whose toll two reports give differently.
const STRIKE: TestReport[] = [
  {
    source: "Ridge Post",
    published: "2025-07-10T18:00:00+00:00",
    lang: "en",
    text:
      "Three people were killed after a drone hit a warehouse in the village of Kiliia on Thursday. The drone that struck the warehouse was most likely launched by Russian forces, the army said.\n\n" +
      "Three people were killed in the blast, and a fourth was badly injured.\n",
  },
  {
    source: "Delta Dagblad",
    published: "2025-07-10T20:00:00+02:00",
    lang: "nl",
    text:
      "Bij de explosie in een loods in Kilija kwamen donderdag drie mensen om het leven, een vierde raakte zwaargewond.\n\n" +
      "De drone die donderdag insloeg in de loods is volgens het leger waarschijnlijk afgevuurd door Russische troepen.\n\n" +
      "Een vierde slachtoffer raakte zwaargewond.\n",
  },
];
const IMPACT: TestReport = { source: "Grens Nieuws", published: "2025-07-11T09:00:00+02:00", lang: "nl", text: "Een drone is donderdag ingeslagen in een loods in Kilija.\n" };

test("propositions: a clause cut off from its main clause is read with it, and the first of two counted clauses is what a claim reports", () => {
  const ds = pipelineDocs(STRIKE);
  assert.deepEqual(propositionGroups(fuseReports(ds), ds), [
    [
      // "after a drone hit …" is a claim of its own, but says what it says of the deaths before it; the
      // Dutch claim reports the deaths first and adds the wounded
      "Delta Dagblad: Bij de explosie in een loods in Kilija kwamen donderdag drie mensen om het leven, een vierde raakte zwaargewond",
      "Ridge Post: Three people were killed",
      "Ridge Post: Three people were killed in the blast",
      "Ridge Post: after a drone hit a warehouse in the village of Kiliia on Thursday",
    ],
    [
      "Delta Dagblad: De drone die donderdag insloeg in de loods is volgens het leger waarschijnlijk afgevuurd door Russische troepen",
      "Ridge Post: The drone that struck the warehouse was most likely launched by Russian forces, the army said",
    ],
    ["Delta Dagblad: Een vierde slachtoffer raakte zwaargewond", "Ridge Post: and a fourth was badly injured"],
  ]);
});

test("propositions: a clause read with its main clause still meets a claim of what it says alone", () => {
  const ds = pipelineDocs([...STRIKE, IMPACT]);
  const groups = propositionGroups(fuseReports(ds), ds);
  assert.ok(groups.some((g) => g.join("|") === "Grens Nieuws: Een drone is donderdag ingeslagen in een loods in Kilija|Ridge Post: after a drone hit a warehouse in the village of Kiliia on Thursday"), JSON.stringify(groups));
  // the claim that the drone hit is one thing; which side launched it another
  assert.ok(groups.some((g) => g.length === 2 && g[0]!.startsWith("Delta Dagblad: De drone die")));
});

test("propositions: a relative clause after the opening noun sets the scene, in Dutch and English", () => {
  const [nl] = fusionClaims(pipelineDocs([{ ...STRIKE[1]!, text: "De drone die donderdag insloeg in de loods is volgens het leger afgevuurd door Russische troepen.\n" }])[0]!);
  assert.equal(nl!.main, "v:launch");
  assert.deepEqual(nl!.background, ["v:impact"]);
  const [en] = fusionClaims(pipelineDocs([{ ...STRIKE[0]!, text: "The drone that struck the warehouse was launched by Russian forces, the army said.\n" }])[0]!);
  assert.equal(en!.main, "v:launch");
  assert.deepEqual(en!.background, ["v:impact"]);
  // "said that …" is what is said, not a relative clause
  const [said] = fusionClaims(pipelineDocs([{ ...STRIKE[0]!, text: "The army said that a drone struck the warehouse on Thursday.\n" }])[0]!);
  assert.equal(said!.background, undefined);
});

test("propositions: a participle after a noun says which one is meant ('a gunman accused of killing two tourists')", () => {
  const [c] = fusionClaims(pipelineDocs([{ ...STRIKE[0]!, text: "Police have shot dead a gunman accused of killing two tourists in the old town.\n" }])[0]!);
  assert.equal(c!.main, "v:kill");
  assert.deepEqual(c!.background, ["v:accuse"]);
  // the two tourists are who he is said to have killed, not whom the police shot: a figure of the scene
  assert.deepEqual(c!.figures.find((f) => f.value === 2), { kind: "killed", value: 2, approx: "exact", added: true });
  const [was] = fusionClaims(pipelineDocs([{ ...STRIKE[0]!, text: "The gunman was accused of killing two tourists in the old town.\n" }])[0]!);
  assert.equal(was!.background, undefined);
});

const DEPOT: TestReport[] = [
  {
    source: "Ridge Post",
    published: "2025-07-10T18:00:00+00:00",
    lang: "en",
    text: "Initial analysis suggests the fire in the fuel depot in Odesa was caused by a Ukrainian air defence missile. At least 140 people were killed in the fire in Odesa, officials said.\n",
  },
  {
    source: "Delta Dagblad",
    published: "2025-07-10T20:00:00+02:00",
    lang: "nl",
    text: "Uit eerste onderzoek blijkt dat de brand in het brandstofdepot in Odesa is veroorzaakt door een Oekraïense luchtafweerraket. Het dodental van de brand in Odesa is opgelopen tot 137.\n",
  },
];

test("propositions: how a finding is known is not what it says, a country qualifies a compound's head, and 'at least 140' leaves no room for 137", () => {
  const ds = pipelineDocs(DEPOT);
  const f = fuseReports(ds);
  assert.deepEqual(propositionGroups(f, ds), [
    ["Delta Dagblad: Het dodental van de brand in Odesa is opgelopen tot 137"],
    [
      "Delta Dagblad: Uit eerste onderzoek blijkt dat de brand in het brandstofdepot in Odesa is veroorzaakt door een Oekraïense luchtafweerraket",
      "Ridge Post: Initial analysis suggests the fire in the fuel depot in Odesa was caused by a Ukrainian air defence missile",
    ],
    ["Ridge Post: At least 140 people were killed in the fire in Odesa, officials said"],
  ]);
  const en = f.claims.find((c) => c.text.startsWith("Initial analysis"))!;
  const nl = f.claims.find((c) => c.text.startsWith("Uit eerste onderzoek"))!;
  for (const c of [en, nl]) {
    assert.ok(!c.concepts.includes("v:analyse") && !c.concepts.includes("v:investigate"), c.concepts.join(" "));
    // "a Ukrainian air defence missile" is a Ukrainian missile, as "een Oekraïense luchtafweerraket" is
    assert.ok(c.concepts.includes("n:missile@UA"), c.concepts.join(" "));
  }
  const at140 = f.claims.find((c) => c.text.startsWith("At least 140"))!;
  const at137 = f.claims.find((c) => c.text.startsWith("Het dodental"))!;
  assert.equal(explainBlock(f.claims, f.context).conflict(at140.id, at137.id), true);
});
