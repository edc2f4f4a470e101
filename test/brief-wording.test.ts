import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test: floods in the river town of Tessel. The premier speaks in Dutch, an English
// report gives the same through "officials"; a storm report gives the outage in a clause after its main
// sentence; the fire service's toll rises over three days.
const REPORTS = [
  {
    file: "1.nl.txt", title: "Overstroming in Tessel", source: "Rivierbode", published: "2025-11-03T20:00:00+01:00", lang: "nl" as const,
    text:
      "Bij de overstroming in Tessel zijn zeker twaalf mensen omgekomen, meldt de brandweer.\n\n" +
      "Premier Jan Smit zei dat het water hele woonwijken heeft weggespoeld.\n\n" +
      "Smit kondigde drie dagen van nationale rouw af.\n\n" +
      "Smit zei ook dat het leger helpt bij het zoeken naar vermisten.\n",
  },
  {
    file: "2.en.txt", title: "Floods hit Tessel", source: "Delta Wire", published: "2025-11-04T09:00:00+00:00", lang: "en" as const,
    text:
      "Severe storms battered the coast on Monday, knocking out power for around two hundred thousand homes.\n\n" +
      "According to officials, entire neighbourhoods of Tessel were swept away by the water.\n\n" +
      "The death toll in Tessel rose to 19, the fire service said on Tuesday.\n",
  },
  {
    file: "3.en.txt", title: "Tessel toll rises to 31", source: "Coast Courier", published: "2025-11-05T12:00:00+00:00", lang: "en" as const,
    text: "The death toll in Tessel has risen to 31, the fire service said on Wednesday.\n",
  },
];

const b = await briefed(REPORTS, "wording");

test("under a speaker's heading the line quotes his own words, in the other language before another's in the briefing's", () => {
  for (const [lang, also, reports] of [["en", "also: officials", "2 reports"], ["nl", "ook: autoriteiten", "2 berichten"]] as const)
    assert.equal(groups(b[lang], "claims").find((g) => g.startsWith("Jan Smit:")), `Jan Smit: “Premier Jan Smit zei dat het water hele woonwijken heeft weggespoeld” (${also}) (${reports}) | “Smit zei ook dat het leger helpt bij het zoeken naar vermisten”`);
});

test("a clause cut from its sentence is quoted with the whole sentence, and the line of the sentence's first part goes", () => {
  for (const lang of ["en", "nl"] as const)
    assert.deepEqual(section(b[lang], "established").lines.map(show), ["“Smit kondigde drie dagen van nationale rouw af”", "“Severe storms battered the coast on Monday, knocking out power for around two hundred thousand homes”"]);
});

test("a toll one source raises day by day reads as a rising series, not as sources that differ", () => {
  assert.deepEqual(groups(b.en, "figures")[0], "Killed — rising: ≥12 → 19 → 31, latest on Wednesday 5 November 2025 (an update, not a dispute): “zeker twaalf mensen” ≥12 — fire service, Monday 3 November 2025 | “19” 19 — fire service, Tuesday 4 November 2025 | “31” 31 — fire service, Wednesday 5 November 2025");
  assert.deepEqual(groups(b.nl, "figures")[0], "Doden — oplopend: ≥12 → 19 → 31, laatst op woensdag 5 november 2025 (een update, geen tegenspraak): “zeker twaalf mensen” ≥12 — brandweer, maandag 3 november 2025 | “19” 19 — brandweer, dinsdag 4 november 2025 | “31” 31 — brandweer, woensdag 5 november 2025");
});

// A cinema fire whose toll a later report lowers: that is no rising series.
const FELL = [
  {
    file: "1.en.txt", title: "Fire at the Orion cinema", source: "City Herald", published: "2025-12-05T22:00:00+00:00", lang: "en" as const,
    text: "At least 40 people were killed when a fire swept through a cinema in Dunmore on Friday, the fire service said.\n",
  },
  {
    file: "2.nl.txt", title: "Brand in bioscoop", source: "Avondkrant", published: "2025-12-06T11:00:00+01:00", lang: "nl" as const,
    text: "Bij de brand in een bioscoop in Dunmore zijn 32 mensen om het leven gekomen, zeggen de autoriteiten zaterdag.\n",
  },
];
const fell = await briefed(FELL, "wording-fell");

test("a toll a later report lowers is not a rising series: the range of figures that differ", () => {
  assert.match(groups(fell.en, "figures")[0]!, /^Killed \(Dunmore\) — range 32–40, sources differ: /);
  assert.match(groups(fell.nl, "figures")[0]!, /^Doden \(Dunmore\) — 32 tot 40, bronnen lopen uiteen: /);
});

// A bombing in Kazan: the Kremlin and President Putin each say the bombers fled towards the border, and
// neither says anything else. One speaker, one heading: the one whose words the line quotes, the other
// named on the line, not a joint heading that reads as if both had said those words.
const JOINT = [
  {
    file: "1.en.txt", title: "Bomb kills nine at Kazan station", source: "Lowlands Wire", published: "2025-09-08T10:00:00+00:00", lang: "en" as const,
    text:
      "A bomb exploded at the main railway station in Kazan on Sunday evening, killing nine people.\n\n" +
      "The Kremlin said the bombers had tried to flee towards the border with Kazakhstan.\n",
  },
  {
    file: "2.en.txt", title: "Putin speaks on Kazan bombing", source: "Eastern Desk", published: "2025-09-08T14:00:00+00:00", lang: "en" as const,
    text:
      "A bomb exploded at the main railway station in Kazan on Sunday, killing nine people.\n\n" +
      "President Vladimir Putin said the bombers had tried to flee towards the border with Kazakhstan.\n",
  },
];
const joint = await briefed(JOINT, "wording-joint");

test("a line two speakers share, neither with a heading of his own, goes under the one it quotes", () => {
  assert.deepEqual(groups(joint.en, "claims"), ["Kremlin: “The Kremlin said the bombers had tried to flee towards the border with Kazakhstan” (also: Vladimir Putin) (2 reports)"]);
  assert.deepEqual(groups(joint.nl, "claims"), ["Kremlin: “The Kremlin said the bombers had tried to flee towards the border with Kazakhstan” (ook: Vladimir Putin) (2 berichten)"]);
});
