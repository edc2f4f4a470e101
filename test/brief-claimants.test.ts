import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test: a bombing at a wedding hall in Kabul, claimed by Islamic State and by its
// Khorasan branch, while the Taliban government points at Pakistan and Pakistan denies. The claim of
// responsibility is what the reports state happened, not a rival account of who is behind it; the branch is
// not the group; a country named only as where the bomber's helpers fled is not charged with anything.
const REPORTS = [
  {
    file: "1-wire.en.txt", title: "Bomber kills 30 at Kabul wedding hall", source: "Kabul Wire", published: "2025-05-10T20:00:00+04:30", lang: "en" as const,
    text:
      "At least 30 people were killed in a suicide bombing at a wedding hall in Kabul on Saturday evening.\n\n" +
      "Islamic State claimed responsibility for the bombing.\n\n" +
      "ISIS-K, a branch of the Islamic State group, has claimed responsibility for the attack.\n\n" +
      "Afghan officials said two accomplices had tried to escape towards Pakistan.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Aanslag op bruiloft in Kabul", source: "Avondkrant", published: "2025-05-11T09:00:00+02:00", lang: "nl" as const,
    text:
      "Bij een zelfmoordaanslag op een trouwzaal in Kabul zijn zaterdagavond zeker dertig mensen om het leven gekomen.\n\n" +
      "De aanslag werd opgeëist door Islamitische Staat.\n\n" +
      "De Taliban-regering beschuldigt Pakistan ervan de aanslag te hebben gepland.\n\n" +
      "Pakistan ontkent iedere betrokkenheid bij de aanslag.\n",
  },
];

const b = await briefed(REPORTS, "claimants");

test("a claim of responsibility the reports state is established under the group's own name, and is no rival to another party's charge", () => {
  for (const [lang, heading] of [["en", "Contested"], ["nl", "Betwist"]] as const) {
    // (the report's own "opgeëist door Islamitische Staat" has it from the group, and the branch the wire
    // names as "a branch of the Islamic State group" speaks for the group: one origin)
    assert.deepEqual(section(b[lang], "established").lines.map(show).filter((l) => l.includes("opgeëist")), [`“De aanslag werd opgeëist door Islamitische Staat” (2 ${lang === "en" ? "reports, 1 independent" : "berichten, 1 onafhankelijk"})`]);
    // the one dispute is the denial against the charge: not the group's claim against the charge, not the
    // accomplices' way out towards the denier's country
    const contested = groups(b[lang], "unclear").filter((g) => g.startsWith(heading));
    assert.equal(contested.length, 1);
    assert.match(contested[0]!, /^[^:]+: “Pakistan ontkent iedere betrokkenheid bij de aanslag” ⟷ “De Taliban-regering beschuldigt Pakistan ervan de aanslag te hebben gepland” Pakistan (denies involvement|ontkent betrokkenheid); Taliban-regering (says otherwise|zegt het tegendeel)\.$/);
    assert.ok(!groups(b[lang], "claims").some((g) => /opge[eë]ist|claimed responsibility/.test(g)), "the claim is not a group's claim under who claims what");
  }
});

test("the Khorasan branch is an actor of its own beside Islamic State, named in each language", () => {
  assert.deepEqual(section(b.en, "actors").lines.map(show).filter((l) => /Islam|ISIS|Khorasan/.test(l)), ["Islamic State (also: Islamitische Staat) — 2 reports, 1 claim attributed", "ISIS-K — 1 report, 1 claim attributed"]);
  assert.deepEqual(section(b.nl, "actors").lines.map(show).filter((l) => /Islam|ISIS|Khorasan/.test(l)), ["Islamitische Staat (ook: Islamic State) — 2 berichten, 1 uitspraak toegeschreven", "IS-Khorasan (ook: ISIS-K) — 1 bericht, 1 uitspraak toegeschreven"]);
});
