import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a stabbing in Ghent. One report names the prime minister ("Belgium's premier,
// Alexander De Croo"); another gives the toll on the word of "the Belgian prime minister" only. The ledger
// knows one person with that role, so the figure is De Croo's, named as the ledger names him.
const REPORTS = [
  {
    file: "1.en.txt", title: "De Croo condemns Ghent attack", source: "Flanders Wire", published: "2025-09-02T08:00:00+00:00", lang: "en",
    text: "Belgium's premier, Alexander De Croo, said the attack in Ghent was a cowardly act.\n",
  },
  {
    file: "2.en.txt", title: "Three dead in Ghent stabbing", source: "Lowlands Post", published: "2025-09-02T09:00:00+00:00", lang: "en",
    text: "Three people were killed in a stabbing in Ghent on Monday, the Belgian prime minister said.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-figure-speakers");

test("a figure given by a role names the one person the ledger knows with that role", () => {
  const g = section(brief.en, "figures").groups!.find((x) => /^Killed/.test(x.title))!;
  assert.deepEqual(g.lines.map(show), ["“Three people” 3 — Alexander De Croo, Tuesday 2 September 2025"]);
});
