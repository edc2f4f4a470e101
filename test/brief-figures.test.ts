import { test } from "node:test";
import assert from "node:assert/strict";
import type { Briefing } from "../src/brief/index.js";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test, two incidents in one ledger: a missile that killed two in a Polish border
// town on the day a barrage killed one in Lviv, with the denials that followed (English and Dutch); and a
// stadium collapse in Porto whose toll rose from "at least 30" to 37, "including three children".
const REPORTS = [
  {
    file: "1.en.txt", title: "Missile kills two in Polish border town", source: "Border Herald", published: "2025-10-07T20:00:00+00:00", lang: "en",
    text:
      "Two people were killed when a missile struck a grain farm in Hrubieszow, a Polish town, on Tuesday, police said.\n\n" +
      "At least one person was killed in a residential building in Lviv on Tuesday, the city's mayor said.\n\n" +
      "Russia denied firing any missile at Poland. A Ukrainian defence spokesman said Ukraine was not involved in the strike on Hrubieszow.\n",
  },
  {
    file: "2.nl.txt", title: "Twee doden door raket in Polen", source: "Grensbode", published: "2025-10-08T09:00:00+02:00", lang: "nl",
    text:
      "Bij de inslag van een raket op een boerderij in Hrubieszow in Polen zijn twee mensen om het leven gekomen.\n\n" +
      "Polen heeft de Russische ambassadeur ontboden. De Poolse regering roept de NAVO bijeen.\n\n" +
      "Moskou en Kyiv hebben allebei elke betrokkenheid ontkend en wijzen de ander als verantwoordelijke aan.\n",
  },
  {
    file: "3.en.txt", title: "Stadium collapse toll rises", source: "Coastal Times", published: "2025-10-09T18:00:00+00:00", lang: "en",
    text:
      "The death toll of the stadium collapse in Porto rose to 37, including three children, officials said on Thursday.\n",
  },
  {
    file: "4.nl.txt", title: "Stadion ingestort", source: "Zuiderkrant", published: "2025-10-08T21:00:00+02:00", lang: "nl",
    text:
      "Bij de instorting van een stadion in Porto zijn zeker 30 mensen om het leven gekomen, meldt de brandweer.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-figures");

test("figures: one group per place and kind (the town's toll and the city's are never one range), each range over the figures it lists, a part of a toll no figure of its own, each figure with its day", () => {
  assert.deepEqual(groups(brief.en, "figures"), [
    "Killed (Hrubieszow) — 2, sources agree: “Two people” 2 — police, Tuesday 7 October 2025 | “twee mensen” 2 — Grensbode, Wednesday 8 October 2025",
    "Killed (Porto) — rising: ≥30 → 37, latest on Thursday 9 October 2025 (an update, not a dispute): “37” 37 — officials, Thursday 9 October 2025 | “zeker 30 mensen” ≥30 — fire service, Wednesday 8 October 2025",
    "Killed (Lviv) — 1, one source: “At least one person” ≥1 — city's mayor, Tuesday 7 October 2025",
  ]);
  assert.deepEqual(groups(brief.nl, "figures"), [
    "Doden (Hrubieszow) — 2, bronnen zijn het eens: “Two people” 2 — politie, dinsdag 7 oktober 2025 | “twee mensen” 2 — Grensbode, woensdag 8 oktober 2025",
    "Doden (Porto) — oplopend: ≥30 → 37, laatst op donderdag 9 oktober 2025 (een update, geen tegenspraak): “37” 37 — autoriteiten, donderdag 9 oktober 2025 | “zeker 30 mensen” ≥30 — brandweer, woensdag 8 oktober 2025",
    "Doden (Lviv) — 1, één bron: “At least one person” ≥1 — city's mayor, dinsdag 7 oktober 2025",
  ]);
});

test("a toll that rose is no dispute, three children among the dead are no toll set against it", () => {
  for (const lang of ["en", "nl"] as const) assert.deepEqual(groups(brief[lang], "unclear"), []);
});

test("denied holds the denials; the clause after one that only blames is what the party claims", () => {
  assert.deepEqual(section(brief.en, "denied").lines.map(show), [
    "“Russia denied firing any missile at Poland” Russia denies it",
    // both capitals are the subject: they deny together
    "“Moskou en Kyiv hebben allebei elke betrokkenheid ontkend …” Moscow and Kyiv deny it",
  ]);
  // (the clause quoted with its whole sentence: "en wijzen de ander …" alone names nobody)
  assert.ok(groups(brief.en, "claims").includes("Moscow and Kyiv: “Moskou en Kyiv hebben allebei elke betrokkenheid ontkend en wijzen de ander als verantwoordelijke aan”"), JSON.stringify(groups(brief.en, "claims")));
});

test("a country is named in the briefing's language, however many reports of the other language name it", () => {
  const poland = (b: Briefing) => section(b, "places").lines.map((l) => l.text.split(" — ")[0]).find((t) => /Pol/.test(t));
  assert.equal(poland(brief.en), "Poland (also: Polen)");
  assert.equal(poland(brief.nl), "Polen (ook: Poland)");
});
