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
  // a rough amount names no number: no figure (and "honderd" inside "honderden" is no figure either)
  assert.deepEqual(find("nl", "Tientallen strijders zijn gearresteerd."), []);
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
  assert.deepEqual(find("en", "Dozens of tanks crossed the border."), []);
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

// The classes of issue #10 ("how many"), each in Dutch and English sentences of our own.

test("an article counts one only for a person who is a casualty", () => {
  assert.deepEqual(find("nl", "Na een concert in de stad werd een man gearresteerd."), [["arrested", 1, "exact", "een man"]]);
  assert.deepEqual(find("nl", "Bij de brand in een kerk in Gent vielen geen gewonden."), []);
  assert.deepEqual(find("nl", "Twee agenten kwamen om, een derde raakte zwaargewond."), [
    ["killed", 2, "exact", "Twee agenten"],
    ["wounded", 1, "exact", "een derde raakte zwaargewond"],
  ]);
  assert.deepEqual(find("en", "A ward full of wounded soldiers was evacuated."), []);
  assert.deepEqual(find("en", "A shooting rampage that killed 12 people shocked the town."), [["killed", 12, "exact", "12 people"]]);
  assert.deepEqual(find("en", "A civilian was killed and a second was wounded."), [
    ["killed", 1, "exact", "A civilian"],
    ["wounded", 1, "exact", "a second was wounded"],
  ]);
  assert.deepEqual(find("en", "Police shot dead a suspected gunman."), [["killed", 1, "exact", "a suspected gunman"]]);
  assert.deepEqual(find("en", "The gunman fired at a crowd of shoppers."), []);
  assert.deepEqual(find("en", "\"You are not a victim,\" she told the crowd."), []);
});

test("number words with scales and in compounds; rough amounts give no figure", () => {
  assert.deepEqual(find("nl", "Volgens de burgemeester zijn mogelijk tot wel dertigduizend mensen omgekomen."), [["killed", 30000, "max", "tot wel dertigduizend mensen"]]);
  assert.deepEqual(find("nl", "Ruim tweehonderdvijftigduizend inwoners moesten hun huis uit."), [["other", 250000, "min", "Ruim tweehonderdvijftigduizend inwoners"]]);
  assert.deepEqual(find("nl", "Nog eens tienduizend mensen worden vermist."), [["missing", 10000, "exact", "tienduizend mensen"]]);
  assert.deepEqual(find("nl", "Honderdduizenden mensen zijn op de vlucht."), []);
  assert.deepEqual(find("en", "As many as twenty thousand people may have died."), [["killed", 20000, "max", "As many as twenty thousand people"]]);
  assert.deepEqual(find("en", "Half a dozen fishermen are missing."), [["missing", 6, "exact", "Half a dozen fishermen"]]);
  assert.deepEqual(find("en", "Thousands of residents fled the town."), []);
});

test("the kind comes from the head noun and the verb of the clause", () => {
  assert.deepEqual(find("nl", "De VN telden inmiddels 4.200 slachtoffers."), [["killed", 4200, "exact", "4.200 slachtoffers"]]);
  assert.deepEqual(find("nl", "Zeven slachtoffers raakten zwaargewond."), [["wounded", 7, "exact", "Zeven slachtoffers"]]);
  assert.deepEqual(find("nl", "De schutter die vrijdag drie bezoekers doodschoot, is gearresteerd."), [["killed", 3, "exact", "drie bezoekers"]]);
  assert.deepEqual(find("nl", "Vier verdachten die bij de overval betrokken waren, zijn later in Gent opgepakt."), [["arrested", 4, "exact", "Vier verdachten"]]);
  assert.deepEqual(find("nl", "Bij de ramp verdronken zeker zestig mensen."), [["killed", 60, "min", "zeker zestig mensen"]]);
  assert.deepEqual(find("en", "Four men were detained and charged with murder."), [["arrested", 4, "exact", "Four men"]]);
  assert.deepEqual(find("en", "Two gunmen killed nine worshippers."), [
    ["personnel", 2, "exact", "Two gunmen"],
    ["killed", 9, "exact", "nine worshippers"],
  ]);
  assert.deepEqual(find("en", "Rescuers recovered 48 bodies from the river."), [["killed", 48, "exact", "48 bodies"]]);
  assert.deepEqual(find("en", "More than 600 people remain unaccounted for."), [["missing", 600, "min", "More than 600 people"]]);
});

test("a figure that is part of a figure before it, or of a running total, takes its kind", () => {
  assert.deepEqual(find("nl", "Er vielen zeventien doden, onder wie vier kinderen."), [
    ["killed", 17, "exact", "zeventien doden"],
    ["killed", 4, "exact", "vier kinderen"],
  ]);
  assert.deepEqual(find("nl", "De dood van drie Belgen leidde tot woede."), [["killed", 3, "exact", "drie Belgen"]]);
  assert.deepEqual(find("nl", "Onder de doden zijn ook zes Nederlanders."), [["killed", 6, "exact", "zes Nederlanders"]]);
  assert.deepEqual(find("nl", "Het dodental in de getroffen regio is volgens de autoriteiten opgelopen tot 412."), [["killed", 412, "exact", "412"]]);
  assert.deepEqual(find("en", "The blast killed 31 people, including four children."), [
    ["killed", 31, "exact", "31 people"],
    ["killed", 4, "exact", "four children"],
  ]);
  assert.deepEqual(find("en", "Of the dead, at least 12 were Filipinos."), [["killed", 12, "min", "at least 12"]]);
  assert.deepEqual(find("en", "The death toll in the coastal province has climbed to 96."), [["killed", 96, "exact", "96"]]);
  assert.deepEqual(find("en", "Officials said 40 drones were launched. The army put the number at 35."), [
    ["other", 40, "exact", "40 drones"],
    ["other", 35, "exact", "35"],
  ]);
});

test("hedges: two in a row, and one hedge over coordinated figures", () => {
  assert.deepEqual(find("nl", "Er vielen zeker vijftien doden en dertig gewonden."), [
    ["killed", 15, "min", "zeker vijftien doden"],
    ["wounded", 30, "min", "dertig gewonden"],
  ]);
  assert.deepEqual(find("nl", "Daarbij kwamen zeker bijna tachtig mensen om het leven."), [["killed", 80, "max", "zeker bijna tachtig mensen"]]);
  assert.deepEqual(find("en", "Some 1,500 residents were evacuated."), [["other", 1500, "about", "Some 1,500 residents"]]);
  assert.deepEqual(find("en", "Up to 300 soldiers were captured and some 40 were wounded."), [
    ["arrested", 300, "max", "Up to 300 soldiers"],
    ["wounded", 40, "about", "some 40 were wounded"],
  ]);
});

test("general statements, names, ages and partitives", () => {
  assert.deepEqual(find("nl", "Een bataljon telt doorgaans zo'n achthonderd militairen."), []);
  assert.deepEqual(find("en", "An infantry company typically has 150 soldiers."), []);
  assert.deepEqual(find("nl", "De lekken in Nord Stream 1 en 2 zijn gedicht."), []);
  assert.deepEqual(find("en", "The Nord Stream 2 pipeline was damaged."), []);
  assert.deepEqual(find("nl", "Piet Jansen (52) werd dinsdag aangehouden."), []);
  assert.deepEqual(find("en", "John Smith, 45, was arrested at the airport."), []);
  assert.deepEqual(find("nl", "Duikers vonden drie lekken, twee ervan bij Gotland."), [
    ["other", 3, "exact", "drie lekken"],
    ["other", 2, "exact", "twee ervan"],
  ]);
  assert.deepEqual(find("nl", "Twee lekken zitten in Deense wateren en twee in die van Zweden."), [
    ["other", 2, "exact", "Twee lekken"],
    ["other", 2, "exact", "twee"],
  ]);
  assert.deepEqual(find("en", "Two leaks were found off Denmark and two off Sweden."), [
    ["other", 2, "exact", "Two leaks"],
    ["other", 2, "exact", "two"],
  ]);
  assert.deepEqual(find("nl", "Drie van de vijf zijn inmiddels gedicht."), [["other", 3, "exact", "Drie van de vijf"]]);
  assert.deepEqual(find("en", "Six of the wounded children died in hospital."), [["killed", 6, "exact", "Six of the wounded children"]]);
  assert.deepEqual(find("en", "He said one of those films was his favourite."), []);
});

test("long runs of digits, groups and number words stay linear", () => {
  const pack = langPack("nl").counts;
  for (const unit of ["1.000", "twee ", "duizend", "drie van de vier ", "twee doden en "]) {
    // the fastest of five runs, so a busy machine (or a collection of the heap) does not make a linear stage look quadratic
    const t = (n: number) => {
      const text = unit.repeat(n);
      let best = Infinity;
      for (let k = 0; k < 5; k++) {
        // CPU time, not wall time: a busy machine that sets the process aside does not count
        const t0 = process.cpuUsage();
        findCounts(text, pack);
        const u = process.cpuUsage(t0);
        best = Math.min(best, (u.user + u.system) / 1000);
      }
      return best;
    };
    t(500);
    const small = Math.max(t(4000), 10);
    // eight times the text (450 KB at most): a quadratic pass would take some 64 times as long, seconds
    assert.ok(t(32000) < small * 8 * 3, `${unit}: not linear`);
  }
});

test("people named in the singular, conditions, split verbs with an adjunct, active verbs", () => {
  assert.deepEqual(find("en", "A police officer was stabbed to death outside the station."), [["killed", 1, "exact", "A police officer"]]);
  assert.deepEqual(find("en", "Six people remain in critical condition."), [["wounded", 6, "exact", "Six people"]]);
  assert.deepEqual(find("en", "More than two dozen people were hurt."), [["wounded", 24, "min", "More than two dozen people"]]);
  assert.deepEqual(find("en", "Police arrested the two men on Friday."), [["arrested", 2, "exact", "two men"]]);
  assert.deepEqual(find("en", "Two officers arrested the suspect at his home."), [["personnel", 2, "exact", "Two officers"]]);
  assert.deepEqual(find("en", "He was one of 200 passengers on board."), [["other", 200, "exact", "200 passengers"]]);
  assert.deepEqual(find("nl", "Een agent raakte lichtgewond."), [["wounded", 1, "exact", "Een agent"]]);
  assert.deepEqual(find("nl", "In 2022 kwamen 45 mensen om bij overstromingen."), [["killed", 45, "exact", "45 mensen"]]);
  assert.deepEqual(find("nl", "De rebellen namen 25 soldaten gevangen."), [["arrested", 25, "exact", "25 soldaten"]]);
  assert.deepEqual(find("nl", "Het dodental liep op tot boven de 100."), [["killed", 100, "min", "boven de 100"]]);
  assert.deepEqual(find("nl", "Drie agenten en een voorbijganger raakten gewond."), [
    ["wounded", 3, "exact", "Drie agenten"],
    ["wounded", 1, "exact", "een voorbijganger"],
  ]);
});

test("ages and model numbers are no figures", () => {
  assert.deepEqual(find("en", "The man, 34, was arrested at the scene."), []);
  assert.deepEqual(find("en", "Two men, 34 and 36, were arrested."), [["arrested", 2, "exact", "Two men"]]);
  assert.deepEqual(find("nl", "De man (34) werd aangehouden."), []);
  assert.deepEqual(find("en", "The air force lost two Su-25 jets."), [["vehicles", 2, "exact", "two Su-25 jets"]]);
  assert.deepEqual(find("en", "He held a 3 1/2-minute news conference."), []);
});

test("a lone 'one' right before its verb, lives as the toll", () => {
  assert.deepEqual(find("en", "One was killed and two were injured."), [
    ["killed", 1, "exact", "One was killed"],
    ["wounded", 2, "exact", "two were injured"],
  ]);
  assert.deepEqual(find("nl", "Eén raakte zwaargewond."), [["wounded", 1, "exact", "Eén raakte zwaargewond"]]);
  assert.deepEqual(find("en", "He is the one who should be indicted."), []);
  assert.deepEqual(find("en", "The blast claimed the lives of 14 people."), [["killed", 14, "exact", "14 people"]]);
  assert.deepEqual(find("nl", "De aanslag kostte aan zeker 30 mensen het leven."), [["killed", 30, "min", "zeker 30 mensen"]]);
  assert.deepEqual(find("nl", "De ramp eiste zeker 30 levens."), [["killed", 30, "min", "zeker 30 levens"]]);
});
