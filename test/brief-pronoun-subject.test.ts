import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups, section, show } from "./briefed.js";

// Reports written for this test: a stabbing of Norwegian tourists in The Hague. One Dutch report tells in
// its own voice that "he" (the premier named just before) conveyed his condolences to the Norwegian prime
// minister; two English reports quote the premier saying so; a later Dutch report tells that the king
// called the Norwegian king with his condolences. The premier's condolences are one proposition, his own
// words, and one origin (the Dutch report has it from him too); the king's call is another act, by another
// person.
const REPORTS = [
  {
    file: "1-krant.nl.txt", title: "Twee Noren neergestoken in Den Haag", source: "Hofstad Nieuws", published: "2025-09-08T22:00:00+02:00", lang: "nl" as const,
    text:
      "In het centrum van Den Haag zijn maandagavond twee Noorse toeristen neergestoken.\n\n" +
      "Premier Schoof roept inwoners van Den Haag op om kalm te blijven. Hij heeft zijn medeleven overgebracht aan de premier van Noorwegen.\n",
  },
  {
    file: "2-wire.en.txt", title: "Two Norwegians stabbed in The Hague", source: "Delta Wire", published: "2025-09-09T01:00:00+02:00", lang: "en" as const,
    text:
      "Two Norwegian tourists were stabbed in The Hague late Monday.\n\n" +
      "Prime Minister Dick Schoof said he had \"offered my sincere condolences to the Norwegian PM\" in a post on social media.\n",
  },
  {
    file: "3-paper.en.txt", title: "Hague stabbing suspect arrested", source: "North Sea Post", published: "2025-09-09T12:00:00+02:00", lang: "en" as const,
    text:
      "Police in The Hague arrested a man on Tuesday over the stabbing of two Norwegian tourists.\n\n" +
      "Prime Minister Dick Schoof told reporters that the country was in shock, and that he had sent his condolences to the Norwegian prime minister.\n",
  },
  {
    file: "4-dagblad.nl.txt", title: "Koning belt Noorse koning na steekpartij", source: "Residentie Dagblad", published: "2025-09-10T08:00:00+02:00", lang: "nl" as const,
    text:
      "Bij de steekpartij in Den Haag raakten twee Noorse toeristen gewond.\n\n" +
      "Koning Willem-Alexander heeft ook gebeld met de Noorse koning om zijn medeleven te betuigen.\n",
  },
];

const b = await briefed(REPORTS, "pronoun-subject");

test("an own-voice sentence whose pronoun stands for a named premier is his act; the king's call with his condolences is another", () => {
  // (the premier is named as the reports in the briefing's language name him)
  for (const [lang, name, reports, independent] of [["en", "Dick Schoof", "reports", "independent"], ["nl", "Schoof", "berichten", "onafhankelijk"]] as const) {
    const established = section(b[lang], "established").lines.map(show);
    assert.ok(!established.some((l) => l.startsWith("“Hij heeft")), JSON.stringify(established));
    const premier = groups(b[lang], "claims").find((g) => g.includes("condolences") || g.includes("medeleven"));
    assert.equal(
      premier?.split(" | ")[0],
      `${name}: “Prime Minister Dick Schoof said he had ‘offered my sincere condolences to the Norwegian PM’ in a post on social media” (3 ${reports}, 1 ${independent})`,
    );
    // the king's call stands on its own, in the report's own voice
    assert.ok(established.includes("“Koning Willem-Alexander heeft ook gebeld met de Noorse koning om zijn medeleven te betuigen”"), JSON.stringify(established));
  }
});
