import { test } from "node:test";
import assert from "node:assert/strict";
import { conceptNeedles, conceptStems, conceptsOf, conceptFilter } from "../src/ledger/concepts.js";
import { fold } from "../src/ledger/features.js";
import { ledgerLexicon } from "../src/ledger/lang.js";

// Sentences of our own in the manner of the reports: what happened, who denies it, who blames whom, with
// compounds, phrases with gaps, contractions ("didn't") and diacritics.
const SENTENCES: Record<"en" | "nl", string[]> = {
  en: [
    "Russia didn't launch the missile that killed two farmers near the border, the ministry said.",
    "A spokesman in Kyiv said Ukraine had nothing to do with the attack on the pipeline.",
    "Police have not yet arrested anyone, and no group has claimed responsibility for the blast.",
    "Neither of the pipelines was in operation when the explosions occurred on Monday.",
    "The governor blamed Ukrainian saboteurs for the drone strikes on the oil depot.",
    "Officials said the death toll had risen to 5,300, far higher than first reported.",
    "The Kremlin dismissed the accusations as baseless propaganda and fabricated claims.",
    "Investigators found traces of explosives on the seabed near the damaged Nord Stream line.",
    "At least 40 people lost their lives when the dam collapsed and flooded the city.",
    "The air defence system intercepted a rocket fired from across the border late on Tuesday.",
    "Gas supplies through the pipeline were halted after the leak was discovered by the coast guard.",
    "Islamic State's affiliate said it was behind the assault on the concert hall.",
    "The minister visited the port on Tuesday and met the mayor's staff.",
    "He wouldn't say whether the figures given by the railway were accurate.",
    "The suspect, who fled the scene, is still at large according to the prosecutor's office.",
  ],
  nl: [
    "Een Oekraïense luchtafweerraket kwam neer op een boerderij in Przewodów, zei de Poolse president.",
    "Het Kremlin zegt niets met de aanslag te maken te hebben.",
    "De politie heeft nog niemand aangehouden en geen enkele groep eiste de aanslag op.",
    "Rusland ontkent dat het de leidingen heeft opgeblazen, maar niet dat er gas lekt.",
    "Volgens de gouverneur zijn bij de overstromingen in Derna meer dan 5300 doden gevallen.",
    "De minister beschuldigde Moskou ervan de gaslevering bewust te hebben stilgelegd.",
    "Twee dammen begaven het en het water sleurde hele wijken mee naar zee.",
    "De schutter, die voortvluchtig was, werd later doodgeschoten door de politie.",
    "Het ministerie noemde de cijfers van de hulporganisaties schromelijk overdreven.",
    "De raket is niet door de Russische autoriteiten geleverd, aldus een woordvoerder.",
    "Bij de explosies raakten de Nord Stream-pijpleidingen zwaar beschadigd.",
    "De burgemeester bezocht dinsdag de haven en sprak met de havenmeester.",
    "Volgens Oekraïne is de aanval op de grensovergang het werk van Russische sabotagegroepen.",
    "Het dodental is volgens de Rode Halve Maan veel hoger dan de regering zegt.",
    "De verdachte werd in Brussel gearresteerd nadat hij op de vlucht was geslagen.",
  ],
};

// The test may say "maybe" wrongly, never "no" wrongly: of every concept a sentence says, the test for that
// concept alone lets it through (each entry is looked for by its longest word, which the sentence holds
// wherever the entry matches; "not" read from "didn't" is never the word looked for).
for (const lang of ["en", "nl"] as const) {
  test(`concept needles: every concept a sentence says passes its test, in ${lang === "en" ? "English" : "Dutch"}`, () => {
    let said = 0;
    for (const text of SENTENCES[lang]) {
      const t = fold(text);
      for (const h of conceptsOf(text, lang)) {
        const re = conceptNeedles(lang, [h.concept]);
        assert.ok(re === null || re.test(t), `${lang}: "${text}" says ${h.concept}, but its test says it cannot`);
        said++;
      }
    }
    // (the sentences say many things: the test is asked of many concepts)
    assert.ok(said >= 40, `only ${said} concepts said`);
  });
}

test("concept needles: a sentence without the words of a concept does not pass its test", () => {
  const kill = conceptNeedles("en", ["v:kill"]);
  assert.ok(kill);
  assert.equal(kill.test(fold("The minister visited the port on Tuesday and met the mayor's staff.")), false);
  assert.equal(kill.test(fold("At least 40 people lost their lives when the dam collapsed.")), true);
  const attack = conceptNeedles("nl", ["v:attack", "v:explode"]);
  assert.ok(attack);
  assert.equal(attack.test(fold("De burgemeester bezocht dinsdag de haven en sprak met de havenmeester.")), false);
  assert.equal(attack.test(fold("Bij de explosies raakten de Nord Stream-pijpleidingen zwaar beschadigd.")), true);
  // a concept a language does not list is never said in it: no text passes
  const none = conceptNeedles("en", ["v:no-such-concept"]);
  assert.ok(none);
  assert.equal(none.test(fold("Anything at all, killed or not.")), false);
});

// The needles are stricter than the stems of `conceptFilter` (the first word of each entry, which for a
// phrase is often "de", "in" or "the"): over these sentences they let fewer through, and never one the
// stems keep out and the reading finds the concepts in.
test("concept needles: stricter than the stems, and as sure", () => {
  for (const lang of ["en", "nl"] as const) {
    const concepts = ["v:involve", "v:attack", "v:accuse", "v:kill", "v:stop", "n:number", "v:false", "v:produce", "n:missile"];
    const stems = conceptStems(lang, concepts, false);
    const filter = conceptFilter(lang, concepts, false);
    const needles = conceptNeedles(lang, concepts)!;
    let byStems = 0, byNeedles = 0;
    for (const text of SENTENCES[lang]) {
      const t = fold(text);
      assert.equal(stems.test(t), filter(text));
      if (stems.test(t)) byStems++;
      if (needles.test(t)) byNeedles++;
      const says = conceptsOf(text, lang).some((h) => concepts.includes(h.concept));
      if (says) assert.ok(needles.test(t), `${lang}: "${text}"`);
    }
    assert.ok(byNeedles < byStems, `${lang}: needles ${byNeedles}, stems ${byStems}`);
  }
});

// Every concept of both lexicons has a test (or none, when an entry has no word to look for but "not"):
// built from the lexicon as it is, without error.
test("concept needles: built for every concept of both lexicons", () => {
  for (const lang of ["en", "nl"] as const) {
    const all = Object.keys(ledgerLexicon(lang).concepts);
    assert.ok(all.length > 20);
    for (const c of all) conceptNeedles(lang, [c]);
    assert.ok(conceptNeedles(lang, all));
  }
});

// A text folded is remembered: the same text asked again, or another after it, folds as it should.
test("fold: the text folded last, and others in turn", () => {
  const a = "De Oekraïense president beëindigde het bezoek.";
  const b = "The ministry's account was FALSE.";
  for (let k = 0; k < 3; k++) {
    assert.equal(fold(a), "de oekraiense president beeindigde het bezoek.");
    assert.equal(fold(a), "de oekraiense president beeindigde het bezoek.");
    assert.equal(fold(b), "the ministry's account was false.");
  }
});

// A claim's wording features are read with each pattern group's one expression, from the start of the text
// each time: claims read one after another, the same again, give what each gives alone.
test("features: claims read in turn give what each gives alone", async () => {
  const { claimFeatures } = await import("../src/ledger/features.js");
  const texts: [string, "en" | "nl"][] = [
    ["The suspect is still at large and remains on the run, police said.", "en"],
    ["Those figures are false: the attack was not carried out by our forces.", "en"],
    ["De verdachte is nog voortvluchtig en nog steeds spoorloos, aldus de politie.", "nl"],
    ["Die cijfers kloppen niet, het is ondenkbaar dat onze troepen erbij betrokken waren.", "nl"],
  ];
  const alone = texts.map(([t, l]) => JSON.stringify(claimFeatures(t, l)));
  // (of two words of one state, the first is the one shown)
  assert.equal(alone[0], JSON.stringify({ states: { custody: { label: "at large", words: "at large" } } }));
  assert.equal(alone[2], JSON.stringify({ states: { custody: { label: "at large", words: "voortvluchtig" } } }));
  assert.equal(alone[3], JSON.stringify({ counter: true, backRef: true, themes: ["involvement"] }));
  for (let k = 0; k < 2; k++) for (let i = texts.length - 1; i >= 0; i--) assert.equal(JSON.stringify(claimFeatures(texts[i]![0], texts[i]![1])), alone[i]);
});
