// The actors of the briefing are the ledger's: a minister one report names only by her office ("de minister van
// Binnenlandse Zaken"), whom the ledger hears as the minister another report names, is one actor with her, her
// reports counted once; not a ministry of its own beside two lines of her name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a stabbing in a city; the interior minister is named in passing in one report,
// speaks by her office in another and by her name in a third.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Twee doden bij steekpartij in Utrecht", source: "Utrechts Dagblad", published: "2025-06-02T21:00:00+02:00", lang: "nl" as const,
    text: "Bij een steekpartij op het Vredenburgplein in Utrecht zijn maandagavond twee mensen om het leven gekomen.\n\nPremier Van Loon en minister van Binnenlandse Zaken Bosman zijn bijeen in het crisiscentrum in Den Haag. De dader is voortvluchtig.\n",
  },
  {
    file: "2.nl.txt", title: "Verdachte steekpartij Utrecht aangehouden", source: "Haagse Post", published: "2025-06-03T10:00:00+02:00", lang: "nl" as const,
    text: "De man die maandagavond twee mensen doodstak op het Vredenburgplein in Utrecht, is aangehouden. Dat heeft de Nederlandse minister van Binnenlandse Zaken vanmorgen bevestigd.\n\nHij werd in een woning in Zeist opgepakt, zei de minister.\n",
  },
  {
    file: "3.en.txt", title: "Suspect held after Utrecht stabbing", source: "Channel Courier", published: "2025-06-03T14:00:00+02:00", lang: "en" as const,
    text: "Dutch police arrested a man suspected of stabbing two people to death in Utrecht on Monday evening.\n\nInterior Minister Karin Bosman told broadcaster NOS on Tuesday: 'We have found the man.' She said that the knife believed to have been used in the attack was recovered.\n",
  },
];

const [short, whole] = [await briefed(REPORTS, "actors-short", 4), await briefed(REPORTS, "actors-whole")];

test("a speaker named by her office in one report and by her name in others is one actor, her reports counted once", () => {
  const bosman = "Karin Bosman (also: Bosman, Interior Minister Karin Bosman, Nederlandse minister van Binnenlandse Zaken) — 3 reports, 4 claims attributed";
  assert.deepEqual(section(whole.en, "actors").lines.map(show), [bosman, "NOS — 1 report", "Van Loon (also: Premier Van Loon) — 1 report"]);
  assert.deepEqual(section(short.en, "actors").lines.map(show), [bosman, "NOS — 1 report", "Van Loon (also: Premier Van Loon) — 1 report"]);
  assert.equal(
    section(short.nl, "actors").lines.map(show)[0],
    "Bosman (ook: Interior Minister Karin Bosman, Karin Bosman, Nederlandse minister van Binnenlandse Zaken) — 3 berichten, 4 uitspraken toegeschreven",
  );
  // (the line the claims rest on names the same speaker)
  assert.ok(section(whole.en, "established").lines.map(show).includes("“Dat heeft de Nederlandse minister van Binnenlandse Zaken vanmorgen bevestigd” confirmed by Karin Bosman"));
});
