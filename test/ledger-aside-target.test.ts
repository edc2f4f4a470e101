import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { disputeLines, pipelineDocs, type TestReport } from "./helpers.js";
import { briefed, section } from "./briefed.js";

// Reports written for this test: a landslide in Ratnapura. A news site gives 900 dead; days later a UN
// agency, citing health officials, puts the toll at 410 and recalls in parentheses that an earlier report
// said 900, "attributing these numbers to the Lanka Red Cross". The Red Cross denies the toll reached 900
// and that it ever gave such numbers. Its denial answers those who give 900, not the agency's 410: what a
// claim recalls in an aside is not what its speaker says. Asked about "a false death toll", the agency's
// spokesman explains the revision: the question's words are not his, and he rejects nobody.
const REPORTS: TestReport[] = [
  {
    source: "Island Online",
    published: "2025-05-17T08:00:00+00:00",
    lang: "en",
    text: "The death toll from the landslide in Ratnapura has reached 900, the Lanka Red Cross said.\n",
  },
  {
    source: "Colombo Observer",
    published: "2025-05-18T10:00:00+00:00",
    lang: "en",
    text:
      "The UN relief agency said the landslide in Ratnapura left 410 people dead, citing health officials (adjusting the numbers from a previous report that said 900 were dead, attributing these numbers to the Lanka Red Cross.)\n\n" +
      "In response to this attribution, the spokesman for the Lanka Red Cross, Nimal Perera, denied that the death toll of the landslide had reached 900, saying: \"We haven't announced these numbers.\"\n\n" +
      "The agency's spokesman, Anil Fernando, said the agency had cited the numbers verified by health officials, and when asked about the reasons for announcing a false death toll, Fernando said: \"In many disasters, the numbers end up being constantly modified.\"\n",
  },
];

test("a denial of a figure answers the claims that give it; one that recalls it in an aside is marked so, and the agency's own 410 is never its target", () => {
  const ds = pipelineDocs(REPORTS);
  const f = fuseReports(ds);
  const text = new Map(f.claims.map((c) => [c.id, c.text]));
  for (const d of f.disputes.filter((x) => x.type === "figure-denied"))
    assert.equal(!!d.detail.aside, d.claims.some((id) => /^citing health officials \(adjusting/.test(text.get(id)!)), d.reason);
  const lines = disputeLines(f, ds).filter((l) => /denied that the death toll|haven't announced/.test(l));
  assert.ok(lines.some((l) => /Island Online: The death toll from the landslide in Ratnapura has reached 900/.test(l)), lines.join("\n"));
  assert.deepEqual(lines.filter((l) => /left 410 people dead/.test(l)), []);
});

test("a question put to a speaker ('when asked about … a false death toll') is not the speaker calling anything false", () => {
  const ds = pipelineDocs(REPORTS);
  const lines = disputeLines(fuseReports(ds), ds).filter((l) => /when asked about/.test(l));
  assert.deepEqual(lines, []);
});

test("briefing: the denial is not set against the agency that only recalls the figure in an aside", async () => {
  const brief = await briefed(
    REPORTS.map((r, i) => ({ file: `${i + 1}.${r.lang}.txt`, title: `Report ${i + 1}`, source: r.source, published: r.published, lang: r.lang, text: r.text })),
    "ledger-aside-target",
  );
  const contested = (section(brief.en, "unclear").groups ?? []).flatMap((g) => g.lines.map((l) => l.text));
  // the Red Cross denies the figure a report put in its mouth: a dispute with that outlet, not with itself
  assert.ok(contested.some((t) => /^Lanka Red Cross denies having said it; .+ reports otherwise\.$/.test(t)), contested.join("\n"));
  assert.deepEqual(contested.filter((t) => /Red Cross/.test(t) && /United Nations|agency/.test(t) && !/^Killed/.test(t)), []);
});
