import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: a bombing at a railway station in Kazan. The Kremlin and President Putin
// both say the bombers fled towards the border, and Putin alone says more: one speaker, one heading in
// "who claims what", not "Kremlin / Vladimir Putin" beside "Vladimir Putin".
const REPORTS = [
  {
    file: "1.en.txt", title: "Bomb kills nine at Kazan station", source: "Lowlands Wire", published: "2025-09-08T10:00:00+00:00", lang: "en",
    text:
      "A bomb exploded at the main railway station in Kazan on Sunday evening, killing nine people.\n\n" +
      "The Kremlin said the bombers had tried to flee towards the border with Kazakhstan.\n",
  },
  {
    file: "2.en.txt", title: "Putin vows revenge for Kazan bombing", source: "Eastern Desk", published: "2025-09-08T14:00:00+00:00", lang: "en",
    text:
      "A bomb exploded at the main railway station in Kazan on Sunday, killing nine people.\n\n" +
      "President Vladimir Putin said the bombers had tried to flee towards the border with Kazakhstan. " +
      "Putin said the security services had doubled the guard at every station in the country.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-headings");

test("who claims what: a speaker's claims under one heading, what he says with others among them", () => {
  const gs = groups(brief.en, "claims");
  const putin = gs.filter((g) => /Putin/.test(g.slice(0, g.indexOf(":"))));
  assert.equal(putin.length, 1, gs.join("\n"));
  assert.match(putin[0]!, /flee towards the border/);
  assert.match(putin[0]!, /doubled the guard/);
});
