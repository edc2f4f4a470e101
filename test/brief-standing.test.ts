import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test: a missile that killed two farmers in the Moldovan village of Ocnita. An
// American official gives the toll with the cause (Russian missiles); two reports state the toll in their own
// voice, one of them in a second sentence with the missile that Russia denies firing.
const REPORTS = [
  {
    file: "1.en.txt", title: "Russian missiles kill two in Moldova", source: "Prut Wire", published: "2025-10-14T20:00:00+00:00", lang: "en" as const,
    text: "Two people have been killed in Ocnita after Russian missiles crossed into Moldova, according to a senior US intelligence official.\n",
  },
  {
    file: "2.nl.txt", title: "Twee doden in Ocnita", source: "Dnjestrkrant", published: "2025-10-15T08:00:00+02:00", lang: "nl" as const,
    text: "In het Moldavische dorp Ocnita zijn twee mensen om het leven gekomen.\n\nRusland ontkent dat het een raket op Moldavië heeft afgevuurd.\n",
  },
  {
    file: "3.en.txt", title: "What we know about the Ocnita blast", source: "Border Desk", published: "2025-10-15T12:00:00+00:00", lang: "en" as const,
    text: "Two people were killed in Ocnita on Tuesday, after a Russian missile hit a barn in the village.\n",
  },
];

const b = await briefed(REPORTS, "standing");

test("a toll two reports state in their own voice is established, though a source disputes the missile one of them names beside it", () => {
  assert.deepEqual(section(b.en, "established").lines.map(show), ["“Two people were killed in Ocnita on Tuesday …” (2 reports)"]);
  assert.deepEqual(section(b.nl, "established").lines.map(show), ["“In het Moldavische dorp Ocnita zijn twee mensen om het leven gekomen” (2 berichten)"]);
});

// A gunman who killed four in a Dutch mall: the president of the neighbouring country says in one
// sentence that the gunman fled towards the border and that the neighbour had opened it for him; the
// neighbour denies it. One dispute, one line.
const ONE = [
  {
    file: "1.nl.txt", title: "Vier doden bij schietpartij", source: "Grensbode", published: "2025-03-23T10:00:00+01:00", lang: "nl" as const,
    text:
      "Bij een schietpartij in een winkelcentrum in Enschede zijn vrijdag vier mensen om het leven gekomen.\n\n" +
      "President Volkov sprak zaterdag het land toe. Volgens hem was de schutter na de aanslag op weg naar Duitsland en was dat land van plan de grens voor hem open te stellen. " +
      "De Duitsers hebben de bewering van Volkov meteen tegengesproken.\n",
  },
];
const one = await briefed(ONE, "standing-one");

test("one dispute, one line; and a speaker's clause is quoted with his whole sentence, not beside it", () => {
  assert.deepEqual(groups(one.en, "unclear"), ["Contested: “De Duitsers hebben de bewering van Volkov meteen tegengesproken” ⟷ “Volgens hem was de schutter na de aanslag op weg naar Duitsland …” Germany rejects what Volkov says."]);
  assert.deepEqual(groups(one.en, "claims"), ["Volkov: “Volgens hem was de schutter na de aanslag op weg naar Duitsland en was dat land van plan de grens voor hem open te stellen”"]);
});
