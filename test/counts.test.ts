import { test } from "node:test";
import assert from "node:assert/strict";
import type { Claim, Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { claimFor, findCounts } from "../src/pipeline/counts/index.js";

const find = (lang: Lang, text: string) => findCounts(text, langPack(lang).counts).map((c) => [c.kind, c.value, c.approx, c.text]);

test("nl: number words and casualty nouns", () => {
  assert.deepEqual(find("nl", "De autoriteiten melden een dode en twaalf gewonden."), [
    ["killed", 1, "exact", "een dode"],
    ["wounded", 12, "exact", "twaalf gewonden"],
  ]);
  assert.deepEqual(find("nl", "Bij de aanval kwamen vierentwintig burgers om het leven."), [["killed", 24, "exact", "vierentwintig burgers"]]);
});

test("nl: split verbs give the kind of people counted by a neutral noun", () => {
  assert.deepEqual(find("nl", "Eind vorige maand kwamen twaalf burgers om."), [["killed", 12, "exact", "twaalf burgers"]]);
  assert.deepEqual(find("nl", "Gisteren raakten vijf agenten gewond."), [["wounded", 5, "exact", "vijf agenten"]]);
  assert.deepEqual(find("nl", "Zaterdag werden drie verdachten opgepakt."), [["arrested", 3, "exact", "drie verdachten"]]);
});

test("nl: hedges, digits with thousands dots, rough amounts", () => {
  assert.deepEqual(find("nl", "Het ging om 'ruim honderd' Russen."), [["personnel", 100, "min", "ruim honderd' Russen"]]);
  assert.deepEqual(find("nl", "Minstens twee militairen werden gedood."), [["killed", 2, "min", "Minstens twee militairen"]]);
  assert.deepEqual(find("nl", "Ongeveer 3.500 mensen zijn geëvacueerd."), [["other", 3500, "about", "Ongeveer 3.500 mensen"]]);
  assert.deepEqual(find("nl", "Tientallen strijders zijn gearresteerd."), [["arrested", 20, "min", "Tientallen strijders"]]);
  assert.deepEqual(find("nl", "Er werd één Amerikaans pantservoertuig gespot."), [["vehicles", 1, "exact", "één Amerikaans pantservoertuig"]]);
  assert.deepEqual(find("nl", "Bijna vijftig mensen worden nog vermist."), [["missing", 50, "max", "Bijna vijftig mensen"]]);
});

test("en: digits, words, hedges and casualty verbs", () => {
  assert.deepEqual(find("en", "More than 70 soldiers were killed and 1,200 civilians fled."), [
    ["killed", 70, "min", "More than 70 soldiers"],
    ["other", 1200, "exact", "1,200 civilians"],
  ]);
  assert.deepEqual(find("en", "At least two police officers were injured."), [["wounded", 2, "min", "At least two police officers"]]);
  assert.deepEqual(find("en", "Police arrested a dozen protesters."), [["arrested", 12, "exact", "a dozen protesters"]]);
  assert.deepEqual(find("en", "Dozens of tanks crossed the border."), [["vehicles", 24, "min", "Dozens of tanks"]]);
  assert.deepEqual(find("en", "The death toll rose to 31."), [["killed", 31, "exact", "31"]]);
  assert.deepEqual(find("en", "Up to 300 fighters are missing."), [["missing", 300, "max", "Up to 300 fighters"]]);
});

test("an article counts one only for a casualty; ages are adjectives", () => {
  assert.deepEqual(find("nl", "Een 45-jarige man is opgepakt."), [["arrested", 1, "exact", "Een 45-jarige man"]]);
  assert.deepEqual(find("en", "A Ukrainian soldier was killed near Bakhmut."), [["killed", 1, "exact", "A Ukrainian soldier"]]);
  assert.deepEqual(find("en", "A soldier told reporters the town was quiet."), []);
  assert.deepEqual(find("nl", "Het dodental is opgelopen tot 15."), [["killed", 15, "exact", "15"]]);
});

test("numbers that are not counts of anything", () => {
  assert.deepEqual(find("nl", "De inflatie steeg met 3,5 procent in 2022 en de weg is 12 km lang."), []);
  assert.deepEqual(find("en", "He is 45 years old and owns an Airbus A380."), []);
  assert.deepEqual(find("en", "A spokesman said the village was quiet."), []);
});

test("a figure belongs to the innermost claim that contains it", () => {
  const text = "Rusland zegt dat er een dode en twaalf gewonden zijn gevallen.";
  const outer = { id: "c1", start: 0, end: 61 } as Claim;
  const inner = { id: "c2", start: 17, end: 61 } as Claim;
  const [dead] = findCounts(text, langPack("nl").counts);
  assert.equal(claimFor([outer, inner], dead!), "c2");
  assert.equal(claimFor([outer], dead!), "c1");
  assert.equal(claimFor([], dead!), undefined);
});
