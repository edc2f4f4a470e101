// One claim per proposition (SPEC §3): where a sentence holds two clauses it gives two claims, with their own
// status and source; a list of names or of verbs stays one claim.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Claim, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { extractClaims } from "../src/pipeline/claims/index.js";

function run(text: string, lang: Lang): Doc {
  const doc = new Doc(text, { id: "d1", published: "2024-03-05T12:00:00+01:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const pack = langPack(lang);
  segmentDoc(doc, pack.segment);
  extractClaims(doc, pack.claims);
  return doc;
}
const texts = (d: Doc) => d.claims.map((c) => c.text);
const reading = (c: Claim) => [c.text, c.status, c.source?.name ?? null] as const;

test("two clauses joined by en/and are two claims; two names joined by en/and are not", () => {
  const nl = run("De brand verwoestte drie woningen en twee gezinnen zijn dakloos.", "nl");
  assert.deepEqual(texts(nl), ["De brand verwoestte drie woningen", "en twee gezinnen zijn dakloos"]);
  const en = run("The storm flattened the harbour and 400 people are homeless.", "en");
  assert.deepEqual(texts(en), ["The storm flattened the harbour", "and 400 people are homeless"]);
  assert.deepEqual(texts(run("De dijken bij Kampen en Zwolle houden het water tegen.", "nl")), ["De dijken bij Kampen en Zwolle houden het water tegen"]);
  assert.deepEqual(texts(run("Officials said both the north bridge and the south tunnel remained closed.", "en")).length, 1);
  // a verb phrase joined to the first: still a proposition of its own
  const vp = run("De rivier trad buiten haar oevers en overstroomde het dorp.", "nl");
  assert.deepEqual(texts(vp), ["De rivier trad buiten haar oevers", "en overstroomde het dorp"]);
});

test("a list of verb phrases is one claim", () => {
  const en = run('"The army is defending the border, evacuating villages and is repairing roads," the spokesman said.', "en");
  assert.equal(en.claims.length, 1);
  assert.equal(en.claims[0]!.source?.name, "spokesman");
});

test("a clause coordinated inside reported content keeps the speaker", () => {
  const nl = run("De burgemeester zei dat de school dicht blijft en dat de leerlingen thuis les krijgen.", "nl");
  assert.deepEqual(nl.claims.map(reading), [
    ["De burgemeester zei dat de school dicht blijft", "claimed", "burgemeester"],
    ["en dat de leerlingen thuis les krijgen", "claimed", "burgemeester"],
  ]);
  const en = run("Emergency crews said the bridge was closed and the ferry service was suspended.", "en");
  assert.deepEqual(en.claims.map(reading), [
    ["Emergency crews said the bridge was closed", "claimed", "Emergency crews"],
    ["and the ferry service was suspended", "claimed", "Emergency crews"],
  ]);
});

test("a coordinated reporting verb shares the subject of the first verb", () => {
  const nl = run("Premier Jan Smit bracht een bezoek aan Gent en schrijft op X dat het land rouwt.", "nl");
  const c = nl.claims.find((x) => x.text.startsWith("en schrijft"))!;
  assert.deepEqual(reading(c), ["en schrijft op X dat het land rouwt", "claimed", "Jan Smit"]);
  assert.equal(c.cue?.text, "schrijft");
});

test("a dash or a colon between two clauses cuts; a colon after a reporting verb does not", () => {
  const nl = run("De minister trad af – de coalitie viel een dag later – en er komen verkiezingen.", "nl");
  assert.deepEqual(texts(nl), ["De minister trad af", "de coalitie viel een dag later", "en er komen verkiezingen"]);
  const en = run("The country has two governments: the east is held by a general.", "en");
  assert.deepEqual(texts(en), ["The country has two governments", "the east is held by a general"]);
  const frame = run("The minister told reporters: the east is held by a general.", "en");
  assert.equal(frame.claims.length, 1);
  // a dash before a list of names is no clause
  assert.equal(run("De storm trof vooral het zuiden – de steden Gent en Brugge, en de kust.", "nl").claims.length, 1);
});

test("a relative clause that closes the sentence is a proposition of its own; one inside it is not", () => {
  const nl = run("Oekraïne ontkent elke betrokkenheid bij de aanslag waarbij twaalf mensen omkwamen.", "nl");
  assert.deepEqual(nl.claims.map((c) => [c.text, c.status]), [
    ["Oekraïne ontkent elke betrokkenheid bij de aanslag", "denied"],
    ["waarbij twaalf mensen omkwamen", "established"],
  ]);
  const en = run("The court released a statement, which did not mention the fourth suspect.", "en");
  assert.deepEqual(texts(en), ["The court released a statement", "which did not mention the fourth suspect"]);
  const inner = run("De verdachte, die gisteren werd opgepakt, zei dat hij alleen handelde.", "nl");
  assert.equal(inner.claims.length, 1);
  assert.equal(inner.claims[0]!.source?.name, "verdachte");
});

test("a participle clause after a comma is a claim; its speaking participle takes the sentence's subject", () => {
  const en = run("Rockets hit the power plant on Monday, cutting electricity to 200,000 homes.", "en");
  assert.deepEqual(texts(en), ["Rockets hit the power plant on Monday", "cutting electricity to 200,000 homes"]);
  const said = run("The ministry denied the report, saying the figures were invented.", "en");
  const c = said.claims.find((x) => x.text.startsWith("saying"))!;
  assert.deepEqual(reading(c), ["saying the figures were invented", "claimed", "ministry"]);
});

test("a semicolon between items of a list (name, age) cuts no clause; one between two clauses does", () => {
  const en = run("The three crew members, named as Tom Harker, 41; Liam Osei, 29; and Petra Vane, 35, are all thought to be from Leeds.", "en");
  assert.deepEqual(en.claims.map((c) => [c.text, c.status]), [
    ["The three crew members, named as Tom Harker, 41; Liam Osei, 29; and Petra Vane, 35, are all thought to be from Leeds", "probable"],
  ]);
  const nl = run("De slachtoffers zijn geïdentificeerd als Joris Baak, 52; Anke de Wit, 47; en Sem Oudman, 19, zo meldt de politie.", "nl");
  assert.equal(nl.claims.length, 1);
  assert.equal(nl.claims[0]!.source?.name, "politie");
  // two clauses stay two claims, also when the first names a place after a comma
  assert.deepEqual(texts(run("In Hull, the river burst its banks; the army evacuated two villages.", "en")), [
    "In Hull, the river burst its banks",
    "the army evacuated two villages",
  ]);
});

test("an aside between dashes does not cut the clause it interrupts; a comma splice does cut", () => {
  const nl = run("Vooral het dorp Oosterend – waar de dijk het begaf door het hoge water – is onbereikbaar door de schade, het water zou er een meter hoog staan.", "nl");
  assert.deepEqual(nl.claims.map(reading), [
    ["Vooral het dorp Oosterend – waar de dijk het begaf door het hoge water – is onbereikbaar door de schade", "established", null],
    ["het water zou er een meter hoog staan", "claimed", "niet genoemde bron"],
  ]);
  const en = run("The village of Eastend – where the dyke gave way overnight – was flooded, the water reached a metre in the streets.", "en");
  assert.deepEqual(texts(en), ["The village of Eastend – where the dyke gave way overnight – was flooded", "the water reached a metre in the streets"]);
  // a frame after the comma is no clause of its own, nor is the main clause after a fronted subordinate one
  assert.equal(run("The village is cut off, the mayor said.", "en").claims.length, 1);
  assert.equal(run('The match was called off "because of the flooding," the club posted on its website.', "en").claims.length, 1);
  assert.equal(run("When the dyke gave way, the water flooded the village.", "en").claims.length, 1);
});
