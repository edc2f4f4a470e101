// The figures of the arrested: all the arrests first, then the attackers among them, however many reports give
// the attackers (a short briefing that shows one group of arrests shows the eleven, of whom the four are a part).
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: an attack on a theatre; two reports give the eleven arrested, three the four
// gunmen among them.
const REPORTS = [
  {
    file: "1.en.txt", title: "Five killed in Graz theatre attack", source: "Alpine Courier", published: "2025-09-12T08:00:00+00:00", lang: "en" as const,
    text: "Police in Austria have arrested 11 people after an attack on a theatre in Graz that killed five people.\n\n\"All four gunmen who carried out the attack were found and detained,\" the chancellor said.\n",
  },
  {
    file: "2.nl.txt", title: "Elf aanhoudingen na aanslag in Graz", source: "Alpenkrant", published: "2025-09-12T10:00:00+02:00", lang: "nl" as const,
    text: "In totaal zijn elf mensen aangehouden na de aanslag op het theater in Graz.\n\nVolgens de politie zijn de vier schutters die de aanval op het theater uitvoerden gearresteerd.\n",
  },
  {
    file: "3.en.txt", title: "Gunmen held after Graz attack", source: "Danube Post", published: "2025-09-12T16:00:00+00:00", lang: "en" as const,
    text: "The four gunmen who attacked a theatre in Graz on Thursday evening have been arrested, Austrian police said.\n",
  },
];

const [whole, short] = [await briefed(REPORTS, "arrests-whole"), await briefed(REPORTS, "arrests-short", 2)];

test("the arrests come before the attackers among them, in the whole briefing and the short one", () => {
  const killed = "Killed (Graz) — 5, one source: “five people” 5 — Alpine Courier, Friday 12 September 2025";
  const arrested = "Arrested (Graz) — 11, sources agree: “11 people” 11 — Alpine Courier, Friday 12 September 2025 | “elf mensen” 11 — Alpenkrant, Friday 12 September 2025";
  assert.deepEqual(groups(whole.en, "figures"), [
    killed,
    arrested,
    "Arrested (attackers, Graz) — 4, sources agree: “four gunmen” 4 — chancellor, Friday 12 September 2025 | “vier schutters” 4 — police, Friday 12 September 2025 | “four gunmen” 4 — Austrian police, Friday 12 September 2025",
  ]);
  assert.deepEqual(groups(short.en, "figures"), [killed, arrested]);
  assert.deepEqual(groups(short.nl, "figures").map((g) => g.slice(0, g.indexOf(":"))), ["Doden (Graz) — 5, één bron", "Arrestaties (Graz) — 11, bronnen zijn het eens"]);
});
