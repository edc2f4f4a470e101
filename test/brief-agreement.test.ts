// The briefing's verbs agree with the speaker they follow: "Ukrainian officials deny", "Russia denies"; "Duitsers
// ontkennen", "Rusland ontkent".
import { test } from "node:test";
import assert from "node:assert/strict";
import { brief } from "../src/lang/en/brief.js";
import { brief as nl } from "../src/lang/nl/brief.js";
import { briefed, groups, section, show } from "./briefed.js";

test("a speaker named by a plural noun takes a plural verb; a country or an agency whose name ends in s does not", () => {
  assert.equal(brief.denial("Ukrainian officials", "Vladimir Putin", "theme"), "Ukrainian officials deny involvement; Vladimir Putin says otherwise.");
  assert.equal(brief.denial("Russia", "local authorities", "counter"), "Russia denies it; local authorities argue otherwise.");
  assert.equal(brief.denial("the police", "Reuters", "backRef"), "the police reject what Reuters says.");
  assert.equal(brief.denial("United States", "Iranian state media", "theme"), "United States denies involvement; Iranian state media say otherwise.");
  assert.equal(brief.denies("Russia, Belarus"), "Russia, Belarus deny it");
  assert.equal(brief.denies("The Associated Press"), "The Associated Press denies it");
  assert.equal(brief.deniesSaying("Ministry officials", "Harbour Daily"), "Ministry officials deny having said it; Harbour Daily reports otherwise.");
});


test("Dutch: a plural of inhabitants or a plural common noun takes a plural verb; one report more says so in the singular", () => {
  assert.equal(nl.denial("Oekraïners", "Vladimir Poetin", "backRef"), "Oekraïners spreken tegen wat Vladimir Poetin zegt.");
  assert.equal(nl.denial("Rusland", "Oekraïense autoriteiten", "theme"), "Rusland ontkent betrokkenheid; Oekraïense autoriteiten zeggen het tegendeel.");
  assert.equal(nl.denial("Russische media", "Zweden", "counter"), "Russische media ontkennen; Zweden stelt het tegendeel.");
  assert.equal(nl.denies("Zweedse migratie-autoriteiten"), "Zweedse migratie-autoriteiten ontkennen het");
  assert.equal(nl.denies("Verenigde Staten"), "Verenigde Staten ontkent het");
  assert.equal(nl.deniesSaying("Rode Kruis", "Het Nieuws"), "Rode Kruis ontkent dit te hebben gezegd; Het Nieuws meldt van wel.");
  assert.equal(nl.sayingMore(1), "(+1 bericht dat hetzelfde zegt)");
  assert.equal(nl.sayingMore(3), "(+3 berichten die hetzelfde zeggen)");
  assert.equal(brief.sayingMore(1), "(+1 more report saying the same)");
  assert.equal(brief.sayingMore(2), "(+2 more reports saying the same)");
});

// Reports written for this test: the president of one country says a gunman fled towards the neighbour, whose
// people contradict him at once.
const DENIED = [
  {
    file: "1.nl.txt", title: "Vier doden bij schietpartij in Hengelo", source: "Twentse Bode", published: "2025-04-12T10:00:00+02:00", lang: "nl" as const,
    text:
      "Bij een schietpartij op het station van Hengelo zijn vrijdag vier mensen om het leven gekomen.\n\n" +
      "President Orlov sprak zaterdag het land toe. Volgens hem was de schutter na de aanslag op weg naar Duitsland en lag daar een vluchtauto voor hem klaar. " +
      "De Duitsers hebben de bewering van Orlov meteen tegengesproken.\n",
  },
];
const denied = await briefed(DENIED, "agreement-nl");

test("Dutch: the briefing's verb agrees with the inhabitants who contradict a president", () => {
  assert.deepEqual(section(denied.nl, "denied").lines.map(show), ["“De Duitsers hebben de bewering van Orlov meteen tegengesproken” Duitsers ontkennen het"]);
  assert.deepEqual(groups(denied.nl, "unclear"), ["Betwist: “De Duitsers hebben de bewering van Orlov meteen tegengesproken” ⟷ “Volgens hem was de schutter na de aanslag op weg naar Duitsland …” Duitsers spreken tegen wat Orlov zegt."]);
});
