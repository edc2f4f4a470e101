// One name per actor in every section of the briefing, in the briefing's language: the heading of "who claims
// what", the speaker of a denial and the actors line name a speaking body alike. A body the alias table knows
// goes by the table's name ("Russian Defence Ministry", not one report's "Russian Defense Ministry" in one
// section and the table's in another); one it does not know by what reports in the briefing's language call
// it ("Poland's foreign ministry" in English, not the Dutch reports' name in the actors section only).
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section } from "./briefed.js";

// Reports written for this test: a missile that hit a Polish village near the Ukrainian border.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Raket slaat in bij Hrubieszów", source: "Oosterbode", published: "2025-05-06T20:00:00+02:00", lang: "nl" as const,
    text: "Het Poolse ministerie van Buitenlandse Zaken meldt dat dinsdag een raket van Russische makelij is ingeslagen in het dorp Hrubieszów. Daarbij kwamen twee boeren om het leven.\n",
  },
  {
    file: "2.nl.txt", title: "Russische ambassadeur ontboden", source: "Dagblad Noord", published: "2025-05-06T22:00:00+02:00", lang: "nl" as const,
    text:
      "Volgens het Poolse ministerie van Buitenlandse Zaken is de Russische ambassadeur ontboden na de inslag in Hrubieszów. " +
      "Het Russische ministerie van Defensie ontkent dat zijn raketten doelen bij de Poolse grens hebben getroffen.\n",
  },
  {
    file: "3.en.txt", title: "Poland summons Russian envoy", source: "Vistula Wire", published: "2025-05-07T09:00:00+02:00", lang: "en" as const,
    text:
      "Poland’s foreign ministry said the Russian ambassador had been summoned after a missile hit Hrubieszów. " +
      "The Russian Defense Ministry denied that its missiles had hit targets near the Polish border.\n",
  },
];

const b = await briefed(REPORTS, "actor-names");
const headings = (lang: "en" | "nl") => (section(b[lang], "claims").groups ?? []).filter((g) => g.lines.length).map((g) => g.title);
const actors = (lang: "en" | "nl") => section(b[lang], "actors").lines.map((l) => l.text.split(" — ")[0]);
const denied = (lang: "en" | "nl") => section(b[lang], "denied").lines.map((l) => l.text);

test("an English briefing names each speaking body once, in English, in every section", () => {
  assert.deepEqual(headings("en"), ["Poland’s foreign ministry"]);
  // (one denial, reported in each language: one line, both reports)
  assert.deepEqual(denied("en"), ["Russian Defence Ministry denies it (2 reports)"]);
  assert.deepEqual(actors("en"), ["Russian Defence Ministry (also: Russian Defense Ministry, Russische ministerie van Defensie)", "Poland’s foreign ministry (also: Poolse ministerie van Buitenlandse Zaken)"]);
});

test("a Dutch briefing names them once, in Dutch", () => {
  assert.deepEqual(headings("nl"), ["Poolse ministerie van Buitenlandse Zaken"]);
  assert.deepEqual(denied("nl"), ["Russisch ministerie van Defensie ontkent het (2 berichten)"]);
  assert.deepEqual(actors("nl"), ["Russisch ministerie van Defensie (ook: Russian Defense Ministry, Russische ministerie van Defensie)", "Poolse ministerie van Buitenlandse Zaken"]);
});
