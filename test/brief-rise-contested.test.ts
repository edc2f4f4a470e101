// A toll that a later report raises is an update, not a contradiction, unless a source disputes the toll. When
// the figures of the toll are also at odds in a way no rise explains (a count revised down), every figure of
// the rise is a side of that dispute: the contested line lists the early counts the later ones overtook too,
// as an editor tells the toll's story ("12 → at least 40 → 150, then 60"). A toll that only rises stays out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: floods in the Albanian port city of Vlorë. Monday evening a Dutch report
// counts twelve dead; on Tuesday an English one says at least 40 in its own voice; on Wednesday a Dutch one
// quotes the Red Cross's 150; on Thursday the health ministry puts the toll at 60.
const DISPUTED = [
  {
    file: "1.nl.txt", title: "Doden bij overstromingen Vlorë", source: "Kustkrant", published: "2025-03-03T20:00:00+01:00", lang: "nl" as const,
    text: "Bij overstromingen in de Albanese havenstad Vlorë zijn maandag twaalf mensen om het leven gekomen.\n",
  },
  {
    file: "2.en.txt", title: "Vlore floods", source: "Adriatic Wire", published: "2025-03-04T19:00:00+01:00", lang: "en" as const,
    text: "At least 40 people died in the floods in the Albanian port city of Vlorë on Monday.\n",
  },
  {
    file: "3.nl.txt", title: "Rode Kruis: 150 doden in Vlorë", source: "Balkan Bulletin", published: "2025-03-05T18:00:00+01:00", lang: "nl" as const,
    text: "Het Rode Kruis spreekt over 150 doden door de overstromingen in Vlorë.\n",
  },
  {
    file: "4.en.txt", title: "Ministry revises Vlore toll", source: "Relief Daily", published: "2025-03-06T12:00:00+01:00", lang: "en" as const,
    text: "The health ministry said on Thursday that 60 people were killed in the floods in Vlorë.\n",
  },
];

const contested = (b: Awaited<ReturnType<typeof briefed>>, lang: "en" | "nl") =>
  (section(b[lang], "unclear").groups!.find((g) => g.title === (lang === "en" ? "Contested" : "Betwist"))?.lines ?? []).map(show);

test("a toll in dispute lists the figures of its rise too, in the order the reports gave them", async () => {
  const b = await briefed(DISPUTED, "rise-contested");
  assert.deepEqual(contested(b, "en"), ["Killed: 12 according to Kustkrant; ≥40 according to Adriatic Wire; 150 according to Red Cross; 60 according to health ministry."]);
  assert.deepEqual(contested(b, "nl"), ["Doden: 12 volgens Kustkrant; ≥40 volgens Adriatic Wire; 150 volgens Rode Kruis; 60 volgens ministerie van Volksgezondheid."]);
});

test("a toll that only rises is no dispute", async () => {
  const b = await briefed(DISPUTED.slice(0, 3), "rise-only");
  assert.deepEqual(contested(b, "en"), []);
  assert.deepEqual(contested(b, "nl"), []);
});
