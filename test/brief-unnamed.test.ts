import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a fire in a tunnel, in which one report attributes to "reports" what it
// cannot source ("volgens berichten", "according to reports") and another to an unnamed police source. The
// unnamed source is one speaker, with one heading in the briefing's language, whatever word the report used.
const REPORTS = [
  {
    file: "1-noord.nl.txt", title: "Brand in Kennedytunnel", source: "Noorderlicht", published: "2025-09-12T08:00:00+02:00", lang: "nl" as const,
    text:
      "In de Kennedytunnel in Antwerpen is donderdagavond brand uitgebroken in een vrachtwagen.\n\n" +
      "Volgens berichten zaten er nog twintig automobilisten vast in de tunnel.\n\n" +
      "Volgens een politiebron was de chauffeur van de vrachtwagen onwel geworden.\n",
  },
  {
    file: "2-wire.en.txt", title: "Fire closes Antwerp tunnel", source: "Scheldt Wire", published: "2025-09-12T10:00:00+02:00", lang: "en" as const,
    text:
      "A lorry caught fire in the Kennedy tunnel in Antwerp on Thursday evening.\n\n" +
      "According to reports, the tunnel will stay closed until Saturday.\n",
  },
];

test("every unnamed source is one heading in the briefing's language, whatever the report called it", async () => {
  const b = await briefed(REPORTS, "unnamed", 1000);
  for (const [lang, unnamed] of [["en", "unnamed source"], ["nl", "niet genoemde bron"]] as const) {
    const g = groups(b[lang], "claims");
    for (const [words, what] of [[/twintig automobilisten/, "the Dutch 'volgens berichten'"], [/stay closed until Saturday/, "the English 'according to reports'"], [/onwel geworden/, "the police source"]] as const) {
      const line = g.find((x) => words.test(x));
      assert.ok(line, `${lang}: ${what} is a claimed line: ${g.join(" || ")}`);
      assert.ok(line.startsWith(`${unnamed}: `), `${lang}: ${what} goes under "${unnamed}": ${line}`);
    }
    assert.ok(!g.some((x) => /^(berichten|reports):/.test(x)), g.join(" || "));
  }
});
