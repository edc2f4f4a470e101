// Differing figures of another kind than the dead, wounded, missing or arrested say what they count: "Other
// figures (drones): 40 according to …", as the figures section names the group; a bare "Other figures" could be
// drones, households or fans.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a night attack on a port; two sources count the drones differently.
const REPORTS = [
  {
    file: "1.en.txt", title: "Drones and missiles hit Odesa port", source: "Black Sea Herald", published: "2025-07-08T07:00:00+00:00", lang: "en" as const,
    text: "Russia attacked the port of Odesa overnight with drones and missiles, damaging grain silos.\n\nThe Ukrainian navy said 40 drones were launched at the port. The regional governor said 32 drones were launched.\n",
  },
  {
    file: "2.en.txt", title: "Odesa counts the damage", source: "Harbour Daily", published: "2025-07-08T12:00:00+00:00", lang: "en" as const,
    text: "Grain silos in the port of Odesa were damaged in an overnight attack.\n\nThe grid operator said 20,000 households were left without power. The mayor of Odesa said 15,000 households were left without power.\n",
  },
];

const brief = await briefed(REPORTS, "contested-measure");

test("a contested line of other figures names what they count, in both languages", () => {
  assert.deepEqual(groups(brief.en, "unclear"), ["Contested: Other figures (drones): 40 according to Ukrainian navy; 32 according to regional governor."]);
  assert.deepEqual(groups(brief.nl, "unclear"), ["Betwist: Overige cijfers (drones): 40 volgens Oekraïense marine; 32 volgens gouverneur."]);
  assert.ok(groups(brief.en, "figures").some((g) => g.startsWith("Other figures (drones, Odesa) — range 32–40, sources differ")));
});
