import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a trial in Ghent. "…, according to a statement by the prosecutor, which did
// not mention the third suspect" — the relative clause is the report's remark on the statement, not what the
// prosecutor said, and not one proposition with it: the prosecutor's heading holds only the admissions.
const REPORTS = [
  {
    file: "1.en.txt", title: "Three men in court over Ghent arson", source: "Lowlands Wire", published: "2025-06-02T18:00:00+00:00", lang: "en",
    text:
      "Three men appeared in court in Ghent on Monday over the fire that destroyed a warehouse in the harbour last week.\n\n" +
      "Two of the men admitted setting the fire, according to a statement by the prosecutor, which did not mention the third suspect. " +
      "Local media reported, however, that the third man had also confessed.\n",
  },
  {
    file: "2.nl.txt", title: "Drie mannen voor de rechter na brand in Gentse haven", source: "Scheldepost", published: "2025-06-02T20:00:00+02:00", lang: "nl",
    text: "Drie mannen zijn maandag in Gent voor de rechter verschenen voor de brand die vorige week een loods in de haven verwoestte.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-source-relative");

test("a relative clause after the source's name is not the source's, nor one proposition with its content", () => {
  const prosecutor = groups(brief.en, "claims").filter((g) => g.startsWith("prosecutor"));
  assert.equal(prosecutor.length, 1, groups(brief.en, "claims").join("\n"));
  assert.match(prosecutor[0]!, /Two of the men admitted setting the fire/);
  assert.doesNotMatch(prosecutor[0]!, /did not mention/);
});
