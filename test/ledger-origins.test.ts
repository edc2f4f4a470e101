import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a shooting at a tram stop in Antwerp. A Dutch paper tells that the alert
// was raised; an English wire that the gunman fled and the crisis centre raised the alert (one sentence,
// two clauses); a later English report that the police shot the gunman dead. A Dutch paper says in its own
// voice that the attack was claimed by a group, and two English reports quote the group claiming it.
const REPORTS = [
  {
    file: "1-krant.nl.txt", title: "Twee doden bij schietpartij in Antwerpen", source: "Scheldekrant", published: "2025-05-12T22:00:00+02:00", lang: "nl" as const,
    text:
      "Bij een tramhalte in Antwerpen zijn maandagavond twee mensen doodgeschoten.\n\n" +
      "Het terreurdreigingsniveau in de stad is verhoogd naar vier, het hoogste niveau.\n\n" +
      "De aanslag werd later op de avond opgeëist door de terreurgroep Ansar al-Sahil.\n",
  },
  {
    file: "2-wire.en.txt", title: "Two shot dead in Antwerp", source: "Delta Wire", published: "2025-05-13T01:00:00+02:00", lang: "en" as const,
    text:
      "Two people were shot dead at a tram stop in Antwerp late Monday.\n\n" +
      "The gunman fled on a motorbike and the national crisis centre raised its terror alert to level four for Antwerp.\n\n" +
      "The militant group Ansar al-Sahil claimed responsibility for the attack in a message on Telegram.\n",
  },
  {
    file: "3-post.en.txt", title: "Antwerp gunman killed by police", source: "North Sea Post", published: "2025-05-13T15:00:00+02:00", lang: "en" as const,
    text:
      "Police in Antwerp shot dead the gunman in a flat on Tuesday morning.\n\n" +
      "The militant group Ansar al-Sahil has claimed responsibility for Monday's attack.\n",
  },
];

// Two Dutch reports on a shooting in Ghent: one tells what local media said of the victims ("de
// doodgeschoten Denen" only says which ones are meant), the other what the mayor said of the shooting.
const GHENT = [
  {
    file: "1-courant.nl.txt", title: "Twee doden bij schietpartij in Gent", source: "Gentse Courant", published: "2025-06-02T22:00:00+02:00", lang: "nl" as const,
    text:
      "In het centrum van Gent zijn maandagavond twee mensen doodgeschoten.\n\n" +
      "Lokale media meldden eerder dat de doodgeschoten Denen wielrenners waren.\n",
  },
  {
    file: "2-dagblad.nl.txt", title: "Burgemeester: laffe aanslag", source: "Leiedagblad", published: "2025-06-03T09:00:00+02:00", lang: "nl" as const,
    text:
      "Bij de schietpartij in Gent kwamen twee Denen om het leven.\n\n" +
      "De burgemeester zei dat de slachtoffers laf werden beschoten toen ze op weg waren naar een wielerwedstrijd.\n",
  },
];

// Three reports on the attack in Antwerp that quote the unnamed gunman on his allegiance, each with its own
// word for him: no one in the ledger is named as the gunman, and he is one speaker.
const GUNMAN = [
  {
    file: "1-krant.nl.txt", title: "Schutter zegt lid te zijn van terreurgroep", source: "Scheldekrant", published: "2025-05-13T08:00:00+02:00", lang: "nl" as const,
    text: "Bij een tramhalte in Antwerpen zijn maandagavond twee mensen doodgeschoten.\n\nDe schutter beweert in een video lid te zijn van Ansar al-Sahil.\n",
  },
  {
    file: "2-dagblad.nl.txt", title: "Aanslagpleger noemt zich lid van Ansar al-Sahil", source: "Havendagblad", published: "2025-05-13T12:00:00+02:00", lang: "nl" as const,
    text: "De verdachte aanslagpleger zei in een video lid te zijn van Ansar al-Sahil.\n",
  },
  {
    file: "3-wire.en.txt", title: "Antwerp gunman claims allegiance", source: "Delta Wire", published: "2025-05-13T14:00:00+02:00", lang: "en" as const,
    text: "The gunman said in a video that he was a member of Ansar al-Sahil.\n",
  },
];

// (all ledgers before any test: the runner starts on the first test, and a later await would come too late)
const [b, g, m] = await Promise.all([briefed(REPORTS, "ledger-origins"), briefed(GHENT, "ledger-origins-ghent"), briefed(GUNMAN, "ledger-origins-gunman")]);

test("a clause joined by 'and' to the gunman's flight still states the raised alert: its report counts", () => {
  // (the flight is superseded by the gunman's death; the alert, in its own clause, is not)
  for (const [lang, reports] of [["en", "reports"], ["nl", "berichten"]] as const) {
    const est = section(b[lang], "established").lines.map(show);
    const alert = est.filter((l) => /terreurdreigingsniveau|terror alert/.test(l));
    assert.deepEqual(alert, [`“Het terreurdreigingsniveau in de stad is verhoogd naar vier, het hoogste niveau” (2 ${reports})`], est.join("\n"));
    assert.ok(!est.some((l) => l.includes("fled")), est.join("\n"));
  }
});

test("a claim of responsibility has one origin, the claimant, whether a report quotes it or tells it", () => {
  for (const lang of ["en", "nl"] as const) {
    const all = [...section(b[lang], "established").lines, ...section(b[lang], "claims").lines, ...(section(b[lang], "claims").groups ?? []).flatMap((g) => g.lines)].map(show);
    const claimed = all.filter((l) => /opgeëist|claimed responsibility/.test(l));
    assert.equal(claimed.length, 1, claimed.join("\n"));
    assert.match(claimed[0]!, lang === "en" ? /\(3 reports, 1 independent\)$/ : /\(3 berichten, 1 onafhankelijk\)$/);
  }
});

test("a killing named only to say which victims are meant is not what the claim states: the media and the mayor say different things", () => {
  for (const lang of ["en", "nl"] as const) {
    const heads = (section(g[lang], "claims").groups ?? []).map((x) => x.title);
    assert.ok(!heads.some((h) => /media/i.test(h) && /burgemeester|mayor/i.test(h)), heads.join(" | "));
    const media = (section(g[lang], "claims").groups ?? []).flatMap((x) => x.lines).map(show).filter((l) => l.includes("wielrenners"));
    assert.deepEqual(media, ["“Lokale media meldden eerder dat de doodgeschoten Denen wielrenners waren”"]);
  }
});

test("the gunman named by a role and no name is one speaker, whatever the word and the language", () => {
  for (const [lang, reports, independent] of [["en", "reports", "independent"], ["nl", "berichten", "onafhankelijk"]] as const) {
    const lines = (section(m[lang], "claims").groups ?? []).flatMap((x) => x.lines.map((l) => `${x.title}: ${show(l)}`)).filter((l) => l.includes("Ansar al-Sahil"));
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.ok(lines[0]!.endsWith(`(3 ${reports}, 1 ${independent})`), lines[0]);
    assert.ok(!lines[0]!.includes("(also:") && !lines[0]!.includes("(ook:"), lines[0]);
  }
});
