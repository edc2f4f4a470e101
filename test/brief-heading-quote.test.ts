import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a knife attack on Norwegian tourists in Rotterdam. The mayor says in
// English that the attacker targeted Norwegians; a Dutch report has the same from an unnamed police source.
// One proposition, two speakers: the line goes under the mayor's heading, and quotes his words in either
// briefing, never the unnamed source's under his name.
const REPORTS = [
  {
    file: "1-wire.en.txt", title: "Two Norwegians stabbed in Rotterdam", source: "Harbour Wire", published: "2025-06-02T22:00:00+02:00", lang: "en" as const,
    text:
      "Two Norwegian tourists were stabbed in the centre of Rotterdam on Monday evening.\n\n" +
      "Rotterdam's mayor, Ahmed Aboutaleb, said the attacker had targeted Norwegians.\n\n" +
      "Aboutaleb said the city would increase police patrols in the centre.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Noren neergestoken in Rotterdam", source: "Maasbode", published: "2025-06-03T08:00:00+02:00", lang: "nl" as const,
    text:
      "In het centrum van Rotterdam zijn maandagavond twee Noorse toeristen neergestoken.\n\n" +
      "Volgens een politiebron zou de dader doelbewust op zoek zijn gegaan naar Noren.\n",
  },
];

const b = await briefed(REPORTS, "heading-quote");

test("a line under a named speaker's heading quotes him, not the unnamed source beside him, in either language", () => {
  const mayor = "“Rotterdam's mayor, Ahmed Aboutaleb, said the attacker had targeted Norwegians”";
  for (const [lang, unnamed, reports] of [["en", "unnamed source", "reports"], ["nl", "niet genoemde bron", "berichten"]] as const) {
    const line = groups(b[lang], "claims").find((g) => g.includes("targeted Norwegians") || g.includes("politiebron"));
    assert.ok(line, JSON.stringify(groups(b[lang], "claims")));
    assert.ok(line.startsWith(`Ahmed Aboutaleb: ${mayor} (${lang === "en" ? "also" : "ook"}: ${unnamed}) (2 ${reports})`), line);
  }
});
