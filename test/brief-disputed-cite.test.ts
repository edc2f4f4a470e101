import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a shooting in Liège. Two reports say in their own voice that two people
// were shot dead; a wire quotes the police that they were shot "by a gunman who remains at large", and a later
// report says the gunman was shot dead by the police. The toll is known, but the line that says so does not
// cite the claim disputed for what only it adds (the gunman at large).
const REPORTS = [
  {
    file: "1.nl.txt", title: "Twee doden bij schietpartij in Luik", source: "Maasbode", published: "2025-04-11T06:00:00+00:00", lang: "nl",
    text: "In het centrum van Luik zijn donderdagavond twee mensen doodgeschoten.\n\nDe politie heeft de omgeving afgezet.\n",
  },
  {
    file: "2.en.txt", title: "Two shot dead in Liège", source: "Meuse Wire", published: "2025-04-11T07:00:00+00:00", lang: "en",
    text: "Two people were shot dead in the centre of Liège on Thursday evening by a gunman who remains at large, police said.\n",
  },
  {
    file: "3.en.txt", title: "Liège shooting: two dead", source: "Walloon Times", published: "2025-04-11T08:00:00+00:00", lang: "en",
    text: "Two people were shot dead in the centre of Liège on Thursday evening.\n",
  },
  {
    file: "4.nl.txt", title: "Schutter Luik doodgeschoten", source: "Luikse Courant", published: "2025-04-11T20:00:00+00:00", lang: "nl",
    text: "De schutter van Luik werd vrijdag door de politie doodgeschoten.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-disputed-cite");
const docOf = (published: string) => brief.en.reports.find((r) => r.published.startsWith(published))!.doc;

test("what is known does not cite a claim disputed for what only it says", () => {
  const lines = section(brief.en, "established").lines;
  const toll = lines.find((l) => /twee mensen doodgeschoten|Two people were shot dead/.test(show(l)));
  assert.ok(toll, lines.map(show).join(" | "));
  assert.ok(!toll.cites.some((c) => c.doc === docOf("2025-04-11T07:00")), show(toll));
});
