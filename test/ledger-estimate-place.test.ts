import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: floods in northern Moldova. The morning's report counts the dead for the
// region; in the evening a Dutch report gives a mayor's estimate for his own town, a place no count names.
// An estimate replaces no count, so the town has no toll that could supersede anything: the ledger is
// built (it once failed on such a place) and what is known still rests on the morning's count.
const REPORTS = [
  {
    file: "1.en.txt", title: "Floods kill dozens in northern Moldova", source: "Dniester Wire", published: "2025-05-20T07:00:00+00:00", lang: "en",
    text:
      "Floods in northern Moldova killed at least 40 people on Tuesday, the interior ministry said.\n\n" +
      "Rescue teams were searching for survivors along the Dniester river.\n",
  },
  {
    file: "2.nl.txt", title: "Burgemeester Otaci vreest veel meer doden", source: "Oost-Europa Vandaag", published: "2025-05-20T19:00:00+00:00", lang: "nl",
    text:
      "In de Moldavische stad Otaci zijn door de overstromingen in het noorden van Moldavië mogelijk tot wel tweehonderd mensen om het leven gekomen.\n\n" +
      "Dat zegt de burgemeester van de stad, die wijst op de vele huizen die door het water zijn weggespoeld.\n",
  },
] as const;

const brief = await briefed(REPORTS, "ledger-estimate-place");
const morning = brief.en.reports.find((r) => r.published.startsWith("2025-05-20T07:00"))!.doc;

test("an estimate for a place no count names supersedes nothing: both figures are listed, the count still cited", () => {
  const g = section(brief.en, "figures").groups!.find((x) => /^Killed/.test(x.title));
  assert.ok(g, section(brief.en, "figures").groups!.map((x) => x.title).join(" | "));
  const lines = g.lines.map(show);
  assert.ok(lines.some((l) => /≥40/.test(l)), lines.join(" | "));
  assert.ok(lines.some((l) => /≤200 \(estimate\)/.test(l)), lines.join(" | "));
  const cited = [...section(brief.en, "established").lines, ...section(brief.en, "claims").lines].some((l) => l.cites.some((c) => c.doc === morning));
  assert.ok(cited, "the morning's count is still cited");
});
