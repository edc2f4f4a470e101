// Quoted speech (SPEC §4): every sentence of a quote is its speaker's, wherever the speaker is named; a colon
// introduces speech; documents nobody is named for are no sources.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Claim } from "../src/model/doc.js";
import { claimHolding as claim, runClaims } from "./helpers.js";

const run = runClaims;
const reading = (c: Claim) => [c.status, c.source?.name ?? null] as const;

test("a quote after a sentence without a frame belongs to the speaker named just before", () => {
  const nl = run(
    "Oud-burgemeester Kees Bakker vertelt dat hij het gebouw goed kent. Zijn dochter werkte er jaren. „Het is een enorm complex. Er zitten winkels en kantoren.”",
    "nl",
  );
  for (const part of ["enorm complex", "winkels en kantoren"]) assert.deepEqual(reading(claim(nl, part)), ["claimed", "Kees Bakker"], part);
  assert.deepEqual(reading(claim(nl, "dochter")), ["established", null]);
  const en = run('Marta Ruiz, the agency\'s spokeswoman, said: “The numbers change daily.”\n\n"We check every figure with partners," explaining that the toll could still rise.', "en");
  assert.deepEqual(reading(claim(en, "every figure")), ["claimed", "Marta Ruiz"]);
  const c = claim(en, "explaining");
  assert.deepEqual([c.text, ...reading(c), c.cue?.text], ["explaining that the toll could still rise", "claimed", "Marta Ruiz", "explaining"]);
});

test("a colon after a verb or a name introduces speech", () => {
  const en = run("The mayor continued: “We will rebuild the bridge before winter.”", "en");
  assert.deepEqual([...reading(claim(en, "rebuild")), claim(en, "rebuild").cue?.text], ["claimed", "mayor", "continued"]);
  const nl = run("Minister Anna Berg vervolgde: „We bouwen de brug voor de winter weer op.”", "nl");
  assert.deepEqual([...reading(claim(nl, "bouwen")), claim(nl, "bouwen").cue?.text], ["claimed", "Anna Berg", "vervolgde"]);
  const label = run("Tom Haas: I saw the water rise within minutes.", "en");
  assert.deepEqual(reading(claim(label, "water rise")), ["claimed", "Tom Haas"]);
  // a clause before a colon is no speaker
  const clause = run("The country has two governments: the east is held by a general.", "en");
  assert.deepEqual(reading(claim(clause, "general")), ["established", null]);
});

test("a frame with a first-person owner inside a quote is the speaker's own", () => {
  const en = run('Anna Berg said: "Our analysis shows that the dam failed overnight."', "en");
  assert.deepEqual(reading(claim(en, "dam failed")), ["claimed", "Anna Berg"]);
  const nl = run('"Onze metingen laten zien dat de dijk verzakt", zegt ingenieur Piet Kok.', "nl");
  assert.deepEqual(reading(claim(nl, "verzakt")), ["claimed", "Piet Kok"]);
});

test("a document nobody is named for is hearsay; inside a quote the speaker stays", () => {
  const nl = run("Volgens berichten waren er vier daders.", "nl");
  const c = claim(nl, "vier daders");
  assert.equal(c.status, "claimed");
  assert.equal(c.source?.kind, "unnamed");
  const en = run('"They fled towards the border, where, according to preliminary data, a car was waiting," the president said.', "en");
  assert.deepEqual(reading(claim(en, "car was waiting")), ["claimed", "president"]);
  const owned = run("According to figures from the Red Cross, 300 people are missing.", "en");
  assert.deepEqual(reading(claim(owned, "missing")), ["claimed", "Red Cross"]);
  const nlOwned = run("Volgens de nieuwste cijfers van het Rode Kruis zijn er 300 vermisten.", "nl");
  assert.deepEqual(reading(claim(nlOwned, "vermisten")), ["claimed", "Rode Kruis"]);
});

test("a quoted sentence is not cut at a conjunction without a comma", () => {
  const en = run('"We want all the facts and will share them with the public," the minister said.', "en");
  assert.equal(en.claims.length, 1);
  assert.deepEqual(reading(en.claims[0]!), ["claimed", "minister"]);
});

test("the accused of a passive accusation is no source", () => {
  const en = run("The militia had previously been accused of shelling the market.", "en");
  const c = claim(en, "shelling");
  assert.equal(c.status, "claimed");
  assert.equal(c.source?.kind, "unnamed");
});

test("a colon frame may name whom the speaker addresses; a label may carry an affiliation", () => {
  const en = run("The mayor reassured residents: “The dam will hold through the night.”", "en");
  const c = claim(en, "dam will hold");
  assert.deepEqual([c.status, c.source?.name, c.cue?.text], ["claimed", "mayor", "reassured"]);
  const label = run("Dana Reyes, historian: “The river has never risen this fast.”", "en");
  assert.deepEqual(reading(claim(label, "never risen")), ["claimed", "Dana Reyes"]);
});

test("a frame standing alone after a quote that closed its sentence names that quote's speaker", () => {
  // the agency named before the quote cites a second body; the quote is the agency's, as the frame after it says
  const en = run(
    'The relief agency said the roads into the valley remain cut, citing the army as saying that 40 villages are without water.\n\n"The count is expected to grow as teams reach the hills to find the missing." The agency said.\n\nThe army gave no figures.',
    "en",
  );
  const c = claim(en, "count is expected");
  assert.deepEqual(reading(c), ["probable", "agency"]);
  // the bare frame carries no proposition of its own
  assert.ok(!en.claims.some((x) => x.text.startsWith("The agency said")), en.claims.map((x) => x.text).join(" | "));
  // an infinitive of aim is no finding: "teams reach the hills to find" does not make "the count" a document that speaks
  const aim = run("The count is expected to grow as teams reach the hills to find the missing.", "en");
  assert.deepEqual(reading(aim.claims[0]!), ["probable", null]);
  const nl = run("„We zoeken tot de laatste vermiste is gevonden.” De brandweer zei het zondag.\n\nDe weg blijft dicht.", "nl");
  assert.deepEqual(reading(claim(nl, "laatste vermiste")), ["claimed", "brandweer"]);
});
