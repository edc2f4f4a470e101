import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a landslide in a mountain province. A Dutch report names the governor
// ("gouverneur Marta Kovac"); an English one quotes only "the regional governor". One person holds that
// role in the ledger, so the role is her: one heading, her name, in both briefings.
const SLIDE = [
  {
    file: "1-krant.nl.txt", title: "Aardverschuiving in Brela", source: "Dagblad Zuid", published: "2025-04-02T10:00:00+02:00", lang: "nl" as const,
    text:
      "Bij een aardverschuiving in het dorp Brela zijn dinsdagnacht vier mensen om het leven gekomen, zei gouverneur Marta Kovac.\n\n" +
      "Kovac zei dat de weg naar Brela zeker een week dicht blijft.\n",
  },
  {
    file: "2-wire.en.txt", title: "Landslide hits Brela", source: "Adriatic Wire", published: "2025-04-02T12:00:00+02:00", lang: "en" as const,
    text:
      "Rescuers searched for survivors in the village of Brela on Wednesday after a landslide buried six houses overnight.\n\n" +
      "The regional governor said a school in Brela would shelter the families who lost their homes.\n",
  },
];

test("a speaker named only by a role is the one person of the ledger named with that role", async () => {
  const b = await briefed(SLIDE, "roles-one");
  for (const lang of ["en", "nl"] as const) {
    const g = groups(b[lang], "claims");
    const heads = g.map((x) => x.slice(0, x.indexOf(":")));
    // the school the governor speaks of goes under her name: no heading of the role, in either language
    const school = g.find((x) => /school/.test(x));
    assert.ok(school?.startsWith("Marta Kovac: "), `${lang}: ${g.join(" || ")}`);
    assert.ok(!heads.some((h) => /governor|gouverneur/i.test(h)), `${lang}: ${heads.join(" | ")}`);
  }
});

// The same, but two governors are named: the role names neither of them.
const TWO = [
  SLIDE[0]!,
  {
    ...SLIDE[1]!,
    text:
      SLIDE[1]!.text +
      "\nIn the neighbouring province, governor Ivan Horvat said roads had been closed as a precaution.\n\n" +
      "Horvat said no one had been hurt there.\n",
  },
];

test("a role two people of the ledger hold names neither of them", async () => {
  const b = await briefed(TWO, "roles-two");
  for (const lang of ["en", "nl"] as const) {
    const g = groups(b[lang], "claims");
    const school = g.find((x) => /school/.test(x));
    assert.ok(school, `${lang}: ${g.join(" || ")}`);
    assert.ok(!/^(Marta Kovac|Ivan Horvat|Kovac|Horvat):/.test(school), `${lang}: ${school}`);
    // unlinked, the role is named in the briefing's language, never in the words of the report's
    assert.ok(school.startsWith(lang === "en" ? "regional governor: " : "gouverneur: "), `${lang}: ${school}`);
  }
});

// A prime minister named beside her role with its country in one report ("Croatia's premier, Ana Lind")
// and only by that role in another language ("de Kroatische premier"): one speaker.
const PREMIER = [
  {
    file: "1-wire.en.txt", title: "Floods in Karlovac", source: "Adriatic Post", published: "2025-05-12T10:00:00+02:00", lang: "en" as const,
    text:
      "Floods cut off the town of Karlovac on Sunday after two days of heavy rain.\n\n" +
      "Croatia's premier, Ana Lind, said the army would bring drinking water to Karlovac.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Overstromingen in Karlovac", source: "Dagblad Oost", published: "2025-05-12T14:00:00+02:00", lang: "nl" as const,
    text:
      "Het stadje Karlovac is sinds zondag afgesneden door overstromingen.\n\n" +
      "Volgens de Kroatische premier zijn er geen slachtoffers gevallen in Karlovac.\n",
  },
];

test("a role with its country is the person named with that role and country in another report and language", async () => {
  const b = await briefed(PREMIER, "roles-premier");
  for (const lang of ["en", "nl"] as const) {
    const g = groups(b[lang], "claims");
    const none = g.find((x) => /geen slachtoffers/.test(x));
    assert.ok(none?.startsWith("Ana Lind: "), `${lang}: ${g.join(" || ")}`);
    assert.ok(!g.some((x) => /^[^:]*(premier|prime minister)[^:]*:/i.test(x)), `${lang}: ${g.join(" || ")}`);
  }
});
