// A participle phrase that opens a claim and only sets the scene of the clause after it ("unleashing floods
// that swept away entire villages, the humanitarian toll continues to mount") does not make the claim state
// what the phrase says: it no longer fuses with a claim that the victims were swept away. A participle that
// is the claim's content ("causing two dams to collapse, sending water into the streets") still is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { pipelineDocs, propositionGroups, type TestReport } from "./helpers.js";

// Reports written for this test: floods after a cyclone in Mozambique, in Dutch and in English.
const toll = (lang: "nl" | "en"): string =>
  lang === "nl"
    ? "Bij overstromingen in het zuiden van Mozambique zijn zeker tweehonderd mensen om het leven gekomen.\n\n"
    : "At least 200 people were killed in floods in southern Mozambique.\n\n";
const report = (lang: "nl" | "en", text: string, day: string): TestReport => ({
  source: lang === "nl" ? "Kustkrant" : "Harbour Wire",
  published: `2025-10-${day}T10:00:00+01:00`,
  lang,
  text: toll(lang) + text + "\n",
});

test("a participle phrase that sets the scene of the clause after it is not what the claim states", () => {
  const ds = pipelineDocs([
    report("nl", "Veel slachtoffers zouden door het water naar zee zijn meegesleurd.", "08"),
    report("en", "The UN relief agency said that a week after Cyclone Tamsin hit the coast, unleashing floods that swept away entire villages, the humanitarian toll of the disaster continues to mount.", "09"),
  ]);
  const groups = propositionGroups(fuseReports(ds), ds, true);
  assert.ok(!groups.some((g) => g.some((c) => c.includes("meegesleurd"))), groups.map((g) => g.join(" || ")).join("\n"));
  assert.equal(groups.length, 1, "the toll is still one proposition");
});

test("a participle phrase that is what the claim says still fuses", () => {
  const ds = pipelineDocs([
    report("nl", "Door de regen begaven twee dammen het.", "08"),
    report("en", "Cyclone Tamsin brought heavy rains to the coast, causing two dams to collapse, sending water into the streets.", "09"),
  ]);
  const groups = propositionGroups(fuseReports(ds), ds, true);
  assert.ok(groups.some((g) => g.length === 2 && g.some((c) => c.includes("begaven twee dammen")) && g.some((c) => c.includes("causing two dams"))), groups.map((g) => g.join(" || ")).join("\n"));
});
