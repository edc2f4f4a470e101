// A body named as a part of another ("ISIS-K, a branch of the Islamic State group") speaks for the whole when
// the ledger counts independent sources: the group's claim and its branch's claim are one origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a bombing at a bus station in Kandahar, claimed by Islamic State; one
// English report says its branch claimed it, naming the branch as such; a Dutch one tells the claim in its own voice.
const REPORTS: TestReport[] = [
  {
    source: "Frontier Daily",
    published: "2025-09-04T18:00:00+04:30",
    lang: "en",
    text:
      "At least twelve people were killed when a bomb exploded at a bus station in Kandahar on Thursday.\n\n" +
      "Islamic State claimed responsibility for the attack in a statement on Telegram.\n",
  },
  {
    source: "Gulf Courier",
    published: "2025-09-04T21:00:00+04:30",
    lang: "en",
    text:
      "A bomb tore through a crowded bus station in Kandahar on Thursday, killing at least twelve people.\n\n" +
      "ISIS-K, a regional branch of the Islamic State group, claimed responsibility for the attack.\n",
  },
  {
    source: "Dagblad Oost",
    published: "2025-09-05T08:00:00+02:00",
    lang: "nl",
    text:
      "Bij een bomaanslag op een busstation in Kandahar zijn donderdag zeker twaalf mensen om het leven gekomen.\n\n" +
      "De aanslag werd opgeëist door terreurgroep Islamitische Staat.\n",
  },
];

test("a branch named as part of its group claims for the group: one independent source", () => {
  const ds = pipelineDocs(REPORTS);
  const f = fuseReports(ds);
  const claim = f.propositions.find((p) => p.claims.length >= 3 && f.claims.find((c) => c.id === p.claims[0])!.concepts.includes("s:claim-responsibility"));
  assert.ok(claim, f.propositions.map((p) => `${p.reports} ${p.text}`).join("\n"));
  assert.equal(claim.reports, 3);
  assert.equal(claim.independent, 1, "Islamic State and its branch are one source");
  // each claim keeps its own speaker (the Dutch report tells the claim in its own voice)
  assert.deepEqual(claim.sources.map((s) => s.name).sort(), ["Dagblad Oost", "ISIS-K", "Islamic State"]);
});

test("a body named beside another, not as its part, stays a source of its own", () => {
  const ds = pipelineDocs([
    REPORTS[0]!,
    {
      source: "Gulf Courier",
      published: "2025-09-04T21:00:00+04:30",
      lang: "en",
      text:
        "A bomb tore through a crowded bus station in Kandahar on Thursday, killing at least twelve people.\n\n" +
        "ISIS-K, a rival of the Islamic State group, claimed responsibility for the attack.\n",
    },
  ]);
  const f = fuseReports(ds);
  const claim = f.propositions.find((p) => p.claims.length === 2 && f.claims.find((c) => c.id === p.claims[0])!.concepts.includes("s:claim-responsibility"));
  assert.ok(claim, f.propositions.map((p) => `${p.reports} ${p.text}`).join("\n"));
  assert.equal(claim.independent, 2);
});
