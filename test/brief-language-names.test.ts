// A briefing in the language asked names a body that only reports in the other language name by its
// descriptive name in the briefing's language ("Moldovan rescue services" for the Dutch reports'
// "Moldavische reddingsdiensten"), a king by the alias table's name for him in that language ("King
// Philippe"), and one denial reported in both languages is one line of "Denied" citing both reports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section } from "./briefed.js";
import { describedIn } from "../src/ledger/naming.js";

// Reports written for this test: an explosion at a fuel depot in a Moldovan town near the Ukrainian border.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Drie doden bij explosie in brandstofdepot", source: "Grensbode", published: "2025-03-04T19:00:00+01:00", lang: "nl" as const,
    text:
      "Bij een explosie in een brandstofdepot in de Moldavische stad Ocnița zijn dinsdag drie mensen om het leven gekomen, melden de Moldavische reddingsdiensten. " +
      "Het Russische ministerie van Defensie ontkent dat een Russische drone het depot heeft getroffen.\n",
  },
  {
    file: "2.en.txt", title: "Three killed in Moldova depot blast", source: "Dniester Wire", published: "2025-03-04T21:00:00+01:00", lang: "en" as const,
    text:
      "Three people were killed on Tuesday in an explosion at a fuel depot in the Moldovan town of Ocnița. " +
      "The Russian Defence Ministry denied that a Russian drone had hit the depot.\n",
  },
  {
    file: "3.nl.txt", title: "Brand in depot Ocnița geblust", source: "Prutkoerier", published: "2025-03-05T08:00:00+01:00", lang: "nl" as const,
    text:
      "De brand in het brandstofdepot in Ocnița is geblust, zeggen de Moldavische reddingsdiensten. " +
      "Koning Filip van België zei dat zijn gedachten bij de families van de slachtoffers zijn.\n",
  },
];

const b = await briefed(REPORTS, "language-names");
const headings = (lang: "en" | "nl") => (section(b[lang], "claims").groups ?? []).filter((g) => g.lines.length).map((g) => g.title);
const denied = (lang: "en" | "nl") => section(b[lang], "denied").lines.map((l) => `${l.text} [${l.cites.map((c) => c.doc).sort().join(" ")}]`);
const docs = (lang: "en" | "nl") => b[lang].reports.map((r) => r.doc).slice(0, 2).sort().join(" ");

test("an English briefing names a body only Dutch reports name in English, a Dutch one in Dutch", () => {
  assert.deepEqual(headings("en"), ["Moldovan rescue services", "King Philippe"]);
  assert.deepEqual(headings("nl"), ["Moldavische reddingsdiensten", "koning Filip"]);
});

test("one denial reported in Dutch and in English is one line citing both reports", () => {
  assert.deepEqual(denied("en"), [`Russian Defence Ministry denies it (2 reports) [${docs("en")}]`]);
  assert.deepEqual(denied("nl"), [`Russisch ministerie van Defensie ontkent het (2 berichten) [${docs("nl")}]`]);
});

test("a descriptive name in the other language: nationality, compass and the words of bodies; nothing else", () => {
  assert.equal(describedIn("Oost-Libische regering", "nl", "en"), "Eastern Libyan government");
  assert.equal(describedIn("Zweedse migratie-autoriteiten", "nl", "en"), "Swedish migration authorities");
  assert.equal(describedIn("het Belgische leger", "nl", "en"), "Belgian army");
  assert.equal(describedIn("Zweedse veiligheidsdienst", "nl", "en"), "Swedish security service");
  assert.equal(describedIn("ooggetuigen", "nl", "en"), "eyewitnesses");
  assert.equal(describedIn("Ukrainian air force", "en", "nl"), "Oekraïense luchtmacht");
  assert.equal(describedIn("British navy", "en", "nl"), "Britse marine");
  assert.equal(describedIn("eastern Libyan government", "en", "nl"), "Oost-Libische regering");
  assert.equal(describedIn("Russian health authorities", "en", "nl"), "Russische gezondheidsautoriteiten");
  // a proper name, a person, a word no lexicon knows: no translation
  for (const [n, from, to] of [["Nationaal Crisiscentrum", "nl", "en"], ["Filip van België", "nl", "en"], ["Zweedse nationale omroep SVT", "nl", "en"], ["Basmanny District Court", "en", "nl"], ["Uppsala University", "en", "nl"]] as const)
    assert.equal(describedIn(n, from, to), undefined, n);
});
