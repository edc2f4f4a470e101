import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";
import type { BriefLine } from "../src/brief/index.js";

// Reports written for this test: a shooting in Ghent. On Monday night a wire says three people were shot
// dead by a suspect who remains at large, in an attack the mayor called cowardly; a Dutch paper states the
// deaths; on Tuesday another wire says the police shot the gunman dead. The custody update disputes where the
// gunman is, not that three died: the deaths stay known, the wire's own words keep their speaker (the wire,
// not the mayor), and only the superseded "at large" stays out of what is known.
const REPORTS = [
  {
    file: "1.en.txt", title: "Three shot dead in Ghent", source: "Scheldt Wire", published: "2025-03-10T23:00:00+01:00", lang: "en",
    text: "Three Dutch tourists were shot dead in Ghent on Monday evening by a suspect who remains at large, in an attack the mayor described as \"cowardly\".\n\nThe city's threat level was raised overnight.\n",
  },
  {
    file: "2.nl.txt", title: "Drie doden bij schietpartij in Gent", source: "Leiekrant", published: "2025-03-10T23:30:00+01:00", lang: "nl",
    text: "Drie Nederlandse toeristen zijn maandagavond in Gent doodgeschoten.\n\nDe schutter vluchtte op een scooter.\n",
  },
  {
    file: "3.en.txt", title: "Police kill Ghent gunman", source: "Harbour Press", published: "2025-03-11T12:00:00+01:00", lang: "en",
    text: "Police shot dead the gunman in a café in Ghent on Tuesday morning, hours after three Dutch tourists were shot dead in the city centre.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-other-facet");

const lines = (lang: "en" | "nl", id: string): (BriefLine & { group?: string })[] => [
  ...section(brief[lang], id).lines,
  ...(section(brief[lang], id).groups ?? []).flatMap((g) => g.lines.map((l) => ({ ...l, group: g.title }))),
];

test("the deaths stay established when the custody of the gunman is updated; the update is the wire's", () => {
  // the deaths stand on the report that says nothing of the gunman (the wire's claim, whose words carry the
  // superseded state, is neither quoted nor cited for them)
  const est = (lang: "en" | "nl") => section(brief[lang], "established").lines.map(show);
  for (const lang of ["en", "nl"] as const) assert.ok(est(lang).includes("“Drie Nederlandse toeristen zijn maandagavond in Gent doodgeschoten”"), est(lang).join("\n"));
  const toll = section(brief.en, "established").lines.find((l) => l.quote?.startsWith("Drie"))!;
  assert.deepEqual(toll.cites.map((c) => brief.en.reports.find((r) => r.doc === c.doc)!.source), ["Leiekrant"]);
  // neither the superseded state nor the news that settles it is known while the pair stands
  for (const l of [...est("en"), ...est("nl")]) assert.doesNotMatch(l, /at large|shot dead the gunman/, l);
  // the wire says the suspect is at large in its own voice; the mayor only named the attack
  const contested = lines("en", "unclear").filter((l) => l.quote?.includes("⟷")).map((l) => l.text);
  assert.deepEqual(contested, ["Scheldt Wire: at large; later Harbour Press: caught or dead (an update, not a dispute: the earlier report is superseded)."]);
  assert.deepEqual(lines("en", "claims").filter((l) => l.group === "mayor").map(show), ["“… in an attack the mayor described as ‘cowardly’”"]);
  assert.deepEqual(lines("en", "figures").filter((l) => l.quote === "Three Dutch tourists").map(show), ["“Three Dutch tourists” 3 — Scheldt Wire, Monday 10 March 2025"]);
});
