import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { fusionClaims } from "../src/ledger/claimkeys.js";
import { pipelineDocs, propositionGroups, type TestReport } from "./helpers.js";

// Reports written for these tests: a cyclone over eastern Yemen, told by a Dutch paper and an English
// agency, each naming the country by a noun in places ("het land", "the impoverished country").
const CYCLONE: TestReport[] = [
  {
    source: "Dagblad Zuid",
    published: "2025-10-22T19:00:00+02:00",
    lang: "nl",
    text:
      "Overstromingen veroorzaakt door cycloon Tej hebben het oosten van Jemen getroffen – met name de steden Mukalla en Sayun, de provincie Hadramaut en de kust bij Nishtun.\n\n" +
      "Bij de overstromingen kwamen zeker veertig mensen om het leven, meldt het ministerie van Volksgezondheid.\n\n" +
      "Jemen is zwaar verscheurd door een langdurige oorlog.\n\n" +
      "Het land telt de facto twee rivaliserende regeringen.\n",
  },
  {
    source: "Gulf Wire",
    published: "2025-10-23T08:00:00+00:00",
    lang: "en",
    text:
      "Cyclone Tej, a powerful storm from the Arabian Sea, caused deadly flooding across eastern Yemen.\n\n" +
      "At least 40 people died in the floods, the health ministry said.\n\n" +
      "The floods destroyed hundreds of homes and exposed the weakness of the impoverished country that has been mired in war since 2014.\n",
  },
];

const cd = pipelineDocs(CYCLONE);
const cyclone = fuseReports(cd);

test("propositions: 'het land' and 'the impoverished country' name the report's country", () => {
  const [nl] = [fusionClaims(cd[0]!).find((c) => c.text.startsWith("Het land telt"))!];
  assert.ok(nl.countries.includes("C:YE"), nl.countries.join(" "));
  const en = fusionClaims(cd[1]!).find((c) => c.text.includes("impoverished country"))!;
  assert.ok(en.countries.includes("C:YE"), en.countries.join(" "));
  // the relative clause on the country says something of its own: a part that names the country and the war
  assert.ok(en.parts?.some((p) => p.countries.includes("C:YE") && p.concepts.includes("n:conflict") && p.years?.includes("2014")));
});

test("propositions: a country at war, one with two rival governments and one mired in war since 2014 are one proposition; the toll and the cyclone stay apart", () => {
  assert.deepEqual(propositionGroups(cyclone, cd, true), [
    [
      "Dagblad Zuid: Bij de overstromingen kwamen zeker veertig mensen om het leven, meldt het ministerie van Volksgezondheid",
      "Gulf Wire: At least 40 people died in the floods, the health ministry said",
    ],
    [
      "Dagblad Zuid: Het land telt de facto twee rivaliserende regeringen",
      "Dagblad Zuid: Jemen is zwaar verscheurd door een langdurige oorlog",
      "Gulf Wire: The floods destroyed hundreds of homes and exposed the weakness of the impoverished country that has been mired in war since 2014",
    ],
    [
      "Dagblad Zuid: Overstromingen veroorzaakt door cycloon Tej hebben het oosten van Jemen getroffen – met name de steden Mukalla en Sayun, de provincie Hadramaut en de kust bij Nishtun",
      "Gulf Wire: Cyclone Tej, a powerful storm from the Arabian Sea, caused deadly flooding across eastern Yemen",
    ],
  ]);
});

test("propositions: places listed after a dash weigh less than what the claim states", () => {
  const c = fusionClaims(cd[0]!).find((x) => x.text.startsWith("Overstromingen veroorzaakt"))!;
  assert.ok(c.listed && c.listed.length >= 1, JSON.stringify(c.listed));
  // the country before the dash is what the claim is about, not one of the listed places
  assert.ok(c.listed.every((r) => c.entities.includes(r)));
  // a dash pair around a clause that says something happens is no list
  const [k] = fusionClaims(pipelineDocs([{ source: "x", published: "2025-10-22T19:00:00+02:00", lang: "nl", text: "De stad Mukalla – waar twee bruggen instortten door het water – is onbereikbaar.\n" }])[0]!);
  assert.equal(k!.listed, undefined);
});

// A shooting in Lyon: the attack, and the police shooting the suspect the next day, in both languages.
const SHOOTING: TestReport[] = [
  {
    source: "Avondpost",
    published: "2025-05-12T23:00:00+02:00",
    lang: "nl",
    text: "In het centrum van Lyon zijn maandagavond twee toeristen doodgeschoten.\n\nDe verdachte werd dinsdag door de politie doodgeschoten in een café in de wijk Croix-Rousse.\n",
  },
  {
    source: "Rhone Courier",
    published: "2025-05-13T12:00:00+02:00",
    lang: "en",
    text: "Two tourists were shot dead in central Lyon on Monday evening.\n\nPolice shot dead a man suspected of killing two tourists in Lyon, officials said on Tuesday.\n",
  },
];

test("propositions: the police shooting the suspect is kept apart from the shooting of the victims", () => {
  const ds = pipelineDocs(SHOOTING);
  assert.deepEqual(propositionGroups(fuseReports(ds), ds), [
    ["Avondpost: De verdachte werd dinsdag door de politie doodgeschoten in een café in de wijk Croix-Rousse"],
    ["Avondpost: In het centrum van Lyon zijn maandagavond twee toeristen doodgeschoten", "Rhone Courier: Two tourists were shot dead in central Lyon on Monday evening"],
    ["Rhone Courier: Police shot dead a man suspected of killing two tourists in Lyon, officials said on Tuesday"],
  ]);
});

test("propositions: a relative clause set off by commas says which ones are meant, and 'found and detained' is an arrest", () => {
  const [c] = fusionClaims(pipelineDocs([{ source: "x", published: "2025-05-13T12:00:00+02:00", lang: "en", text: "All four gunmen, all those who opened fire on the crowd, were found and detained, the minister said.\n" }])[0]!);
  assert.ok(c!.concepts.includes("v:arrest") && !c!.concepts.includes("v:find"), c!.concepts.join(" "));
  assert.ok(c!.background?.includes("v:shoot"), JSON.stringify(c!.background));
  // left open to the end, the clause holds the main verb and stays what the claim states
  const [d] = fusionClaims(pipelineDocs([{ source: "x", published: "2025-05-13T12:00:00+02:00", lang: "en", text: "\"Those who ordered this crime will be punished,\" the minister said.\n" }])[0]!);
  assert.ok(d!.concepts.includes("v:punish") && !d!.background?.includes("v:punish"), JSON.stringify(d));
});

test("propositions: a hedge that carries the verb keeps it ('kan nog verder oplopen')", () => {
  const ds = pipelineDocs([
    { source: "Avondpost", published: "2025-05-12T23:00:00+02:00", lang: "nl", text: "Bij de brand in de fabriek zijn twaalf doden gevallen. Die aantallen kunnen nog verder oplopen.\n" },
  ]);
  const c = fusionClaims(ds[0]!).find((x) => x.text.startsWith("Die aantallen"))!;
  assert.ok(c.concepts.includes("v:rise"), c.concepts.join(" "));
});

test("propositions: 'in een video is te zien dat' and 'footage shows' say how it is known, not what happened", () => {
  const concepts = (lang: "nl" | "en", text: string) => fusionClaims(pipelineDocs([{ source: "x", published: "2025-05-13T12:00:00+02:00", lang, text }])[0]!)[0]!.concepts;
  const nl = concepts("nl", "In een video vanuit de hal is te zien dat drie mannen in camouflagekleding het vuur openen.\n");
  assert.ok(nl.includes("v:shoot") && nl.includes("n:camouflage") && !nl.includes("n:video"), nl.join(" "));
  const en = concepts("en", "Footage from the hall shows three men in camouflage opening fire.\n");
  assert.ok(en.includes("v:shoot") && !en.includes("n:video"), en.join(" "));
  // footage that is itself the news keeps what it is about
  const seen = concepts("nl", "In verscheidene video's zijn gewonde mensen in de hal te zien.\n");
  assert.ok(seen.includes("n:video"), seen.join(" "));
});
