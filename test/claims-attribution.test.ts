// Attribution in English news (SPEC §3, §4): the span is the reported content when a long frame follows it, the
// speaker is the whole noun phrase that names them. Sentences of our own, in news style.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Claim, Lang } from "../src/model/doc.js";
import { claimHolding as claim, runClaims } from "./helpers.js";

const run = (text: string, lang: Lang = "en") => runClaims(text, lang);
const reading = (c: Claim) => [c.text, c.status, c.source?.name ?? null] as const;

test("a quote followed by a long frame is the claim; a short frame stays in the span", () => {
  const long = run(
    "“We will rebuild the bridge,” the mayor said to applause from several hundred residents who had gathered outside the town hall on Friday evening.",
  );
  assert.deepEqual(reading(claim(long, "rebuild")), ["“We will rebuild the bridge,”", "claimed", "mayor"]);
  const short = run("“The water is falling,” Lena Dijkstra said on Friday.");
  assert.deepEqual(reading(claim(short, "falling")), ["“The water is falling,” Lena Dijkstra said on Friday", "claimed", "Lena Dijkstra"]);
  // a frame before its content stays: the clause is the proposition
  const pre = run("Tom Walsh, the harbour master of the eastern port and a former naval officer, said the pier had held.");
  assert.deepEqual(reading(claim(pre, "pier")), [
    "Tom Walsh, the harbour master of the eastern port and a former naval officer, said the pier had held",
    "claimed",
    "Tom Walsh",
  ]);
});

test("a head noun with its prepositional phrase is the speaker", () => {
  const doc = run("Engineers at the regional water board say the levees will hold until Sunday. Many farmers in the valley say the harvest is lost.");
  assert.deepEqual(reading(claim(doc, "levees")), ["Engineers at the regional water board say the levees will hold until Sunday", "claimed", "Engineers"]);
  assert.deepEqual(reading(claim(doc, "harvest")), ["Many farmers in the valley say the harvest is lost", "claimed", "Many farmers"]);
  // a noun after "of" inside an object is no subject: "accused X of …"
  const obj = run("The minister accused the contractor of cutting corners on the bridge.");
  assert.notEqual(claim(obj, "corners").source?.name, "contractor of cutting");
});

test("a quote that follows a quoted sentence goes on in the voice of that quote's speaker", () => {
  const doc = run(
    "“The dam will hold,” Mayor Ruth Hale said, though engineers and other officials have not said the dam is safe. “Remember, the water is still rising. And the pumps are failing.” The county closed the road.",
  );
  assert.deepEqual(reading(claim(doc, "Remember")), ["“Remember, the water is still rising", "claimed", "Ruth Hale"]);
  assert.deepEqual(reading(claim(doc, "pumps")), ["And the pumps are failing.”", "claimed", "Ruth Hale"]);
});

test("a word inside the quote is no subject of a participle after the frame", () => {
  const doc = run("“I don’t think the bridge is safe,” Hale said, before suggesting that the inspectors had been rushed.");
  assert.deepEqual(reading(claim(doc, "bridge")), [
    "“I don’t think the bridge is safe,” Hale said, before suggesting that the inspectors had been rushed",
    "claimed",
    "Hale",
  ]);
  const more = run("“We are glad you came,” Nora Bakker wrote, adding, “These floods will come back. The dikes are too low.”");
  assert.deepEqual(reading(claim(more, "glad")), ["“We are glad you came,” Nora Bakker wrote, adding, “These floods will come back", "claimed", "Nora Bakker"]);
  assert.deepEqual(reading(claim(more, "dikes")), ["The dikes are too low.”", "claimed", "Nora Bakker"]);
});

test("a relative clause between the speaker and the verb is stepped over", () => {
  const doc = run("The farmers, who lost most of their herds, said the dike broke at night. The insurers, which paid out millions, said they had done nothing wrong.");
  assert.deepEqual(reading(claim(doc, "dike")), ["The farmers, who lost most of their herds, said the dike broke at night", "claimed", "farmers"]);
  assert.deepEqual(reading(claim(doc, "insurers")), ["The insurers, which paid out millions, said they had done nothing wrong", "claimed", "insurers"]);
  // "said nothing" reports nothing
  const none = run("The insurers said nothing about the dike.");
  assert.deepEqual(reading(claim(none, "insurers")), ["The insurers said nothing about the dike", "established", null]);
});

test("people of a kind speak as a body: critics, voters, scientists, former employees", () => {
  const doc = run(
    "Most scientists agree that the levees are too low. Some former employees of the water board said in interviews that nothing would change. Critics say the plan will fail.",
  );
  assert.deepEqual(reading(claim(doc, "levees")), ["Most scientists agree that the levees are too low", "claimed", "Most scientists"]);
  assert.deepEqual(reading(claim(doc, "nothing would change")), [
    "Some former employees of the water board said in interviews that nothing would change",
    "claimed",
    "Some former employees",
  ]);
  assert.deepEqual(reading(claim(doc, "plan")), ["Critics say the plan will fail", "claimed", "Critics"]);
  const nl = run("Critici zeggen dat het plan zal mislukken. De meeste wetenschappers denken dat de dijk het houdt.", "nl");
  assert.deepEqual(reading(claim(nl, "plan")), ["Critici zeggen dat het plan zal mislukken", "claimed", "Critici"]);
  assert.deepEqual(reading(claim(nl, "dijk")), ["De meeste wetenschappers denken dat de dijk het houdt", "claimed", "meeste wetenschappers"]);
});

test("an interruption between the speaker and the verb, or a fronted adverb, does not part them", () => {
  const doc = run(
    "Hale, despite a long night at the pumps, said the water was falling. Already, the mayor has closed the bridge and said, “We will reopen it on Monday.”",
  );
  assert.deepEqual(reading(claim(doc, "falling")), ["Hale, despite a long night at the pumps, said the water was falling", "claimed", "Hale"]);
  assert.deepEqual(reading(claim(doc, "reopen")), ["and said, “We will reopen it on Monday.”", "claimed", "mayor"]);
  // a clause with its verb before the comma is still one of two: "A rose, but B fell"
  const two = run("The river caused flooding in three villages across the valley, but the worst-hit was Kampen.");
  assert.deepEqual(reading(claim(two, "Kampen")), ["but the worst-hit was Kampen", "established", null]);
  const nl = run("De burgemeester, ondanks een lange nacht bij de pompen, zei dat het water zakte.", "nl");
  assert.deepEqual(reading(claim(nl, "zakte")), ["De burgemeester, ondanks een lange nacht bij de pompen, zei dat het water zakte", "claimed", "burgemeester"]);
});

test("a role before the name between commas, an aside between dashes and a function before a name give the speaker", () => {
  const doc = run(
    "The board will not raise the dike this year, the province’s spokeswoman, Anna Berg, told The Herald. " +
      "Farmers - especially in the lower polders - said that the pumps had failed. " +
      "The utility’s operations manager Ruth Hale said the pumps were old.",
  );
  assert.deepEqual(reading(claim(doc, "raise the dike")), [
    "The board will not raise the dike this year, the province’s spokeswoman, Anna Berg, told The Herald",
    "claimed",
    "Anna Berg",
  ]);
  assert.deepEqual(reading(claim(doc, "pumps had failed")), ["Farmers - especially in the lower polders - said that the pumps had failed", "claimed", "Farmers"]);
  assert.deepEqual(reading(claim(doc, "were old")), ["The utility’s operations manager Ruth Hale said the pumps were old", "claimed", "Ruth Hale"]);
});

test("joining a conversation is speaking: the quote after “chimed in” is the speaker's", () => {
  const doc = run("Nora Bakker said the ferry was late. Her neighbour Ruth Hale chimed in. “We waited two hours. The captain never came.”");
  assert.deepEqual(reading(claim(doc, "waited")), ["“We waited two hours", "claimed", "Her neighbour Ruth Hale"]);
  assert.deepEqual(reading(claim(doc, "captain")), ["The captain never came.”", "claimed", "Her neighbour Ruth Hale"]);
});

test("a participle without a comma speaks for the subject of its own clause, after “that”", () => {
  const doc = run(
    "The protests grew so loud that the Rijnland Water Board issued a statement saying that the dike was safe. The ministry released a report saying the pumps were old.",
  );
  assert.deepEqual(reading(claim(doc, "dike was safe")), [
    "The protests grew so loud that the Rijnland Water Board issued a statement saying that the dike was safe",
    "claimed",
    "Rijnland Water Board",
  ]);
  assert.deepEqual(reading(claim(doc, "pumps were old")), ["The ministry released a report saying the pumps were old", "claimed", "ministry"]);
});

test("'Dat denkt de burgemeester': the sentence before is the mayor's, and the grounds he gives stay a claim", () => {
  const doc = run("In de stad Soroca zijn mogelijk tot wel driehonderd mensen omgekomen. Dat denkt de burgemeester van de stad op basis van het aantal weggespoelde huizen.", "nl");
  assert.deepEqual(reading(claim(doc, "driehonderd")).slice(1), ["possible", "burgemeester"]);
  assert.equal(claim(doc, "op basis van").source?.name, "burgemeester");
});

test("a frame inside a clause about a noun speaks for that clause only; the main clause stays the report's", () => {
  const reduced = run("Three workers died in the blaze at the depot on Friday, in a fire the mayor described as “arson”. The road stays closed.");
  assert.deepEqual(reading(claim(reduced, "workers")), ["Three workers died in the blaze at the depot on Friday", "established", null]);
  assert.deepEqual(reading(claim(reduced, "arson")), ["in a fire the mayor described as “arson”", "claimed", "mayor"]);
  const which = run("Two guards were injured in a raid which the governor called “a cowardly act”.");
  assert.deepEqual(reading(claim(which, "guards")), ["Two guards were injured", "established", null]);
  assert.deepEqual(reading(claim(which, "cowardly")), ["in a raid which the governor called “a cowardly act”", "claimed", "governor"]);
  // the frame of the main clause keeps its own content
  const outer = run("The ministry said two died in an attack the prime minister described as terrorism.");
  assert.deepEqual(reading(claim(outer, "two died")), ["The ministry said two died", "claimed", "ministry"]);
  assert.deepEqual(reading(claim(outer, "terrorism")), ["in an attack the prime minister described as terrorism", "claimed", "prime minister"]);
  // a fronted adjunct has no verb of its own, and "that" after a noun may open what the noun says: no cut
  assert.deepEqual(reading(claim(run("Earlier this week the ministry said the road was closed."), "road")), ["Earlier this week the ministry said the road was closed", "claimed", "ministry"]);
  assert.equal(run("The documentary was about the lies that the regime told.").claims.length, 1);
});

test("Dutch: 'een aanslag die de premier terrorisme noemde' is the premier's, the deaths the report's", () => {
  const die = run("Twee fietsers zijn zondag in Arnhem doodgereden bij een ongeluk dat volgens de politie te voorkomen was. Drie mensen raakten gewond bij een aanslag die de burgemeester “laf” noemde.", "nl");
  assert.deepEqual(reading(claim(die, "Drie mensen")), ["Drie mensen raakten gewond", "established", null]);
  assert.deepEqual(reading(claim(die, "laf")), ["bij een aanslag die de burgemeester “laf” noemde", "claimed", "burgemeester"]);
  const wat = run("De dijk bij Lobith is vannacht doorgebroken, wat de dijkgraaf een ramp noemde.", "nl");
  assert.deepEqual(reading(claim(wat, "dijk")), ["De dijk bij Lobith is vannacht doorgebroken", "established", null]);
  assert.deepEqual(reading(claim(wat, "ramp")), ["wat de dijkgraaf een ramp noemde", "claimed", "dijkgraaf"]);
  // a frame in the main clause is left whole
  assert.deepEqual(reading(claim(run("De politie meldt dat de burgemeester het een aanslag noemde.", "nl"), "aanslag")), [
    "De politie meldt dat de burgemeester het een aanslag noemde",
    "claimed",
    "politie",
  ]);
});
