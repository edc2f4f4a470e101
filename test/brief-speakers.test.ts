import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";
import type { Briefing } from "../src/brief/index.js";

// Reports written for this test: a shooting on the market square of a town, told by its mayor (who says
// several things no one else says), by the police and a police source in a Dutch report, and by a king who only speaks of the
// victims. A shared claim goes under the mayor's heading and names the police beside him, in the short
// briefing as in the whole one; the king, who gives no toll, does not say there were three dead.
const REPORTS = [
  {
    file: "1-post.en.txt", title: "Three shot dead in Leuven", source: "Harbour Post", published: "2025-06-06T23:00:00+02:00", lang: "en" as const,
    text:
      "Three people were shot dead in Leuven on Friday evening, mayor Anna Berg said.\n\n" +
      "Berg said the gunman had fled on foot towards the station.\n\n" +
      "Berg said the square would stay closed until Monday.\n\n" +
      "Berg said extra officers would patrol the city centre all weekend.\n\n" +
      "Berg said the gunman had shot the three victims in Leuven with a hunting rifle.\n",
  },
  {
    file: "2-oost.nl.txt", title: "Drie doden bij schietpartij in Leuven", source: "Dagblad Oost", published: "2025-06-07T09:00:00+02:00", lang: "nl" as const,
    text:
      "In Leuven zijn vrijdagavond volgens de politie drie mensen doodgeschoten.\n\n" +
      "Volgens een politiebron schoot de dader de drie slachtoffers in Leuven neer met een jachtgeweer.\n\n" +
      "Koning Willem van Oranje sprak zaterdag in het stadhuis. De koning zei dat zijn gedachten bij de families van de slachtoffers zijn die vrijdagavond in Leuven werden doodgeschoten.\n",
  },
];

test("a claim several speakers share goes under the one with a heading of his own and names the others, in the short briefing too", async () => {
  for (const limit of [1000, 1]) {
    const b = await briefed(REPORTS, `speakers-${limit}`, limit);
    for (const [lang, also] of [["en", "also"], ["nl", "ook"]] as const) {
      const g = groups(b[lang], "claims");
      const toll = g.find((x) => /drie mensen doodgeschoten|Three people were shot dead/.test(x));
      assert.ok(toll, `the toll is a claimed line: ${g.join(" || ")}`);
      // the police named in the briefing's language, whatever language the report that cites them is in
      // (and the unnamed police source heads nothing beside named speakers, but is named on the line)
      const [police, unnamed] = lang === "en" ? ["police", "unnamed source"] : ["politie", "niet genoemde bron"];
      assert.match(toll, new RegExp(`^Anna Berg: “[^”]+” \\(${also}: ${police}, ${unnamed}\\) \\(2 (reports|berichten)\\)`), `${lang} ${limit}: ${toll}`);
      // the words quoted are those of one who says it, never the king's, who only speaks of the victims
      assert.ok(!/koning|king/i.test(toll), toll);
      // the king speaks of the victims, not of how many died, and "koning" alone is never a heading
      assert.ok(!g.some((x) => /^[^:]*(koning|king)\b/i.test(x) && /doodgeschoten|shot dead/.test(x)), g.join(" || "));
      assert.ok(!toll.includes("Willem"), toll);
    }
  }
});

// Officials of a country that only English reports quote are named in a Dutch briefing in Dutch.
const OFFICIALS = [
  {
    file: "1-wire.en.txt", title: "Blast at Narva border post", source: "Baltic Wire", published: "2025-02-03T10:00:00+02:00", lang: "en" as const,
    text:
      "An explosion damaged the border post at Narva on Sunday night, Estonian officials said.\n\n" +
      "Estonian officials said the border would stay closed for two days.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Explosie bij grenspost", source: "Noorderkrant", published: "2025-02-03T12:00:00+01:00", lang: "nl" as const,
    text: "Bij de grenspost in Narva heeft zondagnacht een explosie plaatsgevonden.\n",
  },
];

test("a country's officials whom only reports in another language quote are named in the briefing's language", async () => {
  const b = await briefed(OFFICIALS, "officials");
  assert.deepEqual(groups(b.nl, "claims").map((g) => g.slice(0, g.indexOf(":"))), ["Estse autoriteiten"]);
  assert.deepEqual(groups(b.en, "claims").map((g) => g.slice(0, g.indexOf(":"))), ["Estonian officials"]);
});

// A storm the reports state in their own voice; one of them adds a toll that a source disputes, another
// quotes eyewitnesses with it. It is not the eyewitnesses' claim: the contested lines show the dispute.
const STORM = [
  {
    file: "1-wire.en.txt", title: "Storm floods Volos", source: "Aegean Wire", published: "2025-09-08T20:00:00+03:00", lang: "en" as const,
    text: "Storm Elias caused deadly flooding in Volos on Monday, killing 12 people.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Storm in Volos", source: "Zuiderkrant", published: "2025-09-09T09:00:00+02:00", lang: "nl" as const,
    text: "Storm Elias veroorzaakte maandag dodelijke overstromingen in Volos.\n\nOoggetuigen zeiden dat een kwart van Volos is verwoest als gevolg van storm Elias.\n",
  },
  {
    file: "3-times.en.txt", title: "Volos", source: "Greek Times", published: "2025-09-08T21:00:00+03:00", lang: "en" as const,
    text: "Storm Elias caused deadly flooding in Volos on Monday.\n\nThe flooding killed 30 people in Volos on Monday, the fire service said.\n",
  },
];

test("what more reports state in their own voice than speakers say is no speaker's claim, though a dispute keeps it from being established", async () => {
  const b = await briefed(STORM, "storm");
  for (const lang of ["en", "nl"] as const) {
    assert.ok(!groups(b[lang], "claims").some((g) => /Storm Elias|storm Elias/.test(g)), groups(b[lang], "claims").join(" || "));
    // the toll the source disputes is contested
    assert.ok(groups(b[lang], "unclear").some((g) => /12/.test(g) && /30/.test(g)), groups(b[lang], "unclear").join(" || "));
  }
});

// A people as the speaker, named only in Dutch: in an English briefing it is its country.
const PEOPLE = [
  {
    file: "1-wire.en.txt", title: "Blast near Chernihiv", source: "Baltic Wire", published: "2025-02-03T10:00:00+02:00", lang: "en" as const,
    text: "An explosion damaged a bridge near Chernihiv in northern Ukraine on Sunday night.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Brug beschadigd", source: "Noorderkrant", published: "2025-02-03T12:00:00+01:00", lang: "nl" as const,
    text: "De Oekraïners zeiden dat de brug bij Tsjernihiv twee weken dicht blijft.\n",
  },
];

test("a people that only reports in another language name as the speaker is named by its country", async () => {
  const b = await briefed(PEOPLE, "people");
  assert.deepEqual(groups(b.en, "claims").map((g) => g.slice(0, g.indexOf(":"))), ["Ukraine"]);
  assert.deepEqual(groups(b.nl, "claims").map((g) => g.slice(0, g.indexOf(":"))), ["Oekraïners"]);
});

/** The speakers heading the "who claims what" lines of a briefing. */
const headings = (brief: Briefing) => groups(brief, "claims").map((g) => g.slice(0, g.indexOf(":")));

// The perpetrator as the speaker, named by what he did only in a Dutch report: an English briefing names him
// in English, and the two Dutch words for him ("schutter", "verdachte aanslagpleger") make one heading.
const PERPETRATOR = [
  {
    file: "1-wire.en.txt", title: "Shooting in Gent", source: "Scheldt Wire", published: "2025-04-11T22:00:00+02:00", lang: "en" as const,
    text: "Two people were shot dead near the Korenmarkt in Gent on Friday evening.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Schietpartij in Gent", source: "Westkrant", published: "2025-04-12T08:00:00+02:00", lang: "nl" as const,
    text:
      "In Gent zijn vrijdagavond bij de Korenmarkt twee mensen doodgeschoten.\n\n" +
      "De schutter zei in een filmpje dat hij uit wraak had gehandeld.\n\n" +
      "De verdachte aanslagpleger zei in hetzelfde filmpje dat hij nog vrij rondliep in Gent.\n",
  },
];

test("a perpetrator whom only reports in another language name by what he did is named in the briefing's language", async () => {
  const b = await briefed(PERPETRATOR, "perpetrator");
  const heads = (lang: "en" | "nl") => headings(b[lang]);
  assert.deepEqual(heads("en"), ["attacker"], groups(b.en, "claims").join(" || "));
  // a Dutch briefing keeps a word its reports use: one of them, as he is one speaker
  assert.deepEqual(heads("nl"), ["schutter"], groups(b.nl, "claims").join(" || "));
});

// The press of a country as the speaker, named only in a Dutch report ("Belgische media"): "media" is spelt
// alike in both languages, but the Dutch adjective is not English, so the English briefing names it anew.
const PRESS = [
  {
    file: "1-wire.en.txt", title: "Shooting in Antwerp", source: "Scheldt Wire", published: "2025-05-02T22:00:00+02:00", lang: "en" as const,
    text: "Two people were shot dead near the central station in Antwerp on Friday evening.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Schietpartij in Antwerpen", source: "Westkrant", published: "2025-05-03T08:00:00+02:00", lang: "nl" as const,
    text:
      "In Antwerpen zijn vrijdagavond bij het centraal station twee mensen doodgeschoten.\n\n" +
      "Belgische media meldden dat de schutter met een tram naar het station was gekomen.\n",
  },
];

test("a country's media whom only reports in another language name are named in the briefing's language", async () => {
  const b = await briefed(PRESS, "press");
  const heads = (lang: "en" | "nl") => headings(b[lang]);
  assert.deepEqual(heads("en"), ["Belgian media"], groups(b.en, "claims").join(" || "));
  assert.deepEqual(heads("nl"), ["Belgische media"], groups(b.nl, "claims").join(" || "));
});
