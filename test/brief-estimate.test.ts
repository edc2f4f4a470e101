import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: floods in the Moldovan town of Soroca. The morning's report counts the
// dead in its own voice; in the evening a Dutch report gives the mayor's estimate of what the toll might
// reach ("mogelijk tot wel driehonderd"). An estimate of the possible toll is no count: it does not replace
// the morning's count, so the line of what is known still quotes and cites it, and the two figures stand
// side by side as a dispute, not as a toll that rose.
const REPORTS = [
  {
    file: "1.en.txt", title: "Floods hit Soroca", source: "Dniester Wire", published: "2025-05-20T07:00:00+00:00", lang: "en",
    text:
      "Floods in the Moldovan town of Soroca killed at least 40 people on Tuesday.\n\n" +
      "The river burst its banks after three days of heavy rain.\n",
  },
  {
    file: "2.nl.txt", title: "Burgemeester Soroca vreest veel meer doden", source: "Oost-Europa Vandaag", published: "2025-05-20T19:00:00+00:00", lang: "nl",
    text:
      "In de Moldavische stad Soroca zijn mogelijk tot wel driehonderd mensen om het leven gekomen door de overstromingen.\n\n" +
      "Dat zegt de burgemeester van de stad, die wijst op de vele huizen die door het water zijn weggespoeld.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-estimate");
const morning = brief.en.reports.find((r) => r.published.startsWith("2025-05-20T07:00"))!.doc;

test("a later estimate of the possible toll does not supersede the count: what is known still cites it", () => {
  for (const lang of ["en", "nl"] as const) {
    const lines = section(brief[lang], "established").lines;
    const toll = lines.find((l) => /at least 40/.test(show(l)));
    assert.ok(toll, lines.map(show).join(" | "));
    assert.ok(toll.cites.some((c) => c.doc === morning), show(toll));
  }
});

// the figure is the mayor's ("Dat zegt de burgemeester", a paragraph that points back at the lead), not the
// outlet's, and it reads as the estimate it is
test("the estimate is listed beside the count in the figures, with its own bound, as its speaker's estimate", () => {
  const g = section(brief.en, "figures").groups!.find((x) => /^Killed/.test(x.title))!;
  assert.deepEqual([g.title, ...g.lines.map(show)], [
    "Killed (Soroca) — range 40–300, sources differ",
    "“at least 40 people” ≥40 — Dniester Wire, Tuesday 20 May 2025",
    "“tot wel driehonderd mensen” ≤300 (estimate) — mayor, Tuesday 20 May 2025",
  ]);
  const nl = section(brief.nl, "figures").groups!.find((x) => /^Doden/.test(x.title))!;
  assert.ok(nl.lines.map(show).includes("“tot wel driehonderd mensen” ≤300 (schatting) — burgemeester, dinsdag 20 mei 2025"), nl.lines.map(show).join(" | "));
});
