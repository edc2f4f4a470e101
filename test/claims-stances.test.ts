// English news attributes more than speech: a public stance ("called for", "blasted", "expressed concern"),
// an announcement whose content has no "that", and a quote opened by a question. Sentences of our own.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Claim } from "../src/model/doc.js";
import { claimHolding as claim, runClaims } from "./helpers.js";

const run = (text: string) => runClaims(text, "en");
const reading = (c: Claim) => [c.text, c.status, c.source?.name ?? null] as const;

test("a public stance is its holder's claim", () => {
  const doc = run(
    "Governor Anna Berg has called for an independent inquiry into the collapse of the pier. " +
      "The harbour master blasted the contractor for cutting corners on the repairs. " +
      "The port authority has expressed concern that the eastern quay could also give way. " +
      "Engineers have warned of further cracks in the sea wall.",
  );
  assert.deepEqual(reading(claim(doc, "inquiry")), ["Governor Anna Berg has called for an independent inquiry into the collapse of the pier", "claimed", "Anna Berg"]);
  assert.deepEqual(reading(claim(doc, "corners")), ["The harbour master blasted the contractor for cutting corners on the repairs", "claimed", "harbour master"]);
  assert.deepEqual(reading(claim(doc, "quay")), ["The port authority has expressed concern that the eastern quay could also give way", "possible", "port authority"]);
  assert.deepEqual(reading(claim(doc, "sea wall")), ["Engineers have warned of further cracks in the sea wall", "claimed", "Engineers"]);
});

test("a stance verb without an object takes no stance: the speech before it keeps its speaker", () => {
  const doc = run("“We will rebuild the pier by summer,” Mayor Ruth Hale said, as the crowd applauded. The council thanked the volunteers for their work.");
  assert.deepEqual(reading(claim(doc, "rebuild")), ["“We will rebuild the pier by summer,” Mayor Ruth Hale said, as the crowd applauded", "claimed", "Ruth Hale"]);
  assert.deepEqual(reading(claim(doc, "volunteers")), ["The council thanked the volunteers for their work", "claimed", "council"]);
});

test("a call, an expression or a warning that is no stance stays the report's", () => {
  const doc = run(
    "The ferry was called for repairs after the storm. The crew expressed the cargo to the mainland. The warning lights failed at noon.",
  );
  assert.deepEqual(reading(claim(doc, "ferry")), ["The ferry was called for repairs after the storm", "established", null]);
  assert.deepEqual(reading(claim(doc, "lights")), ["The warning lights failed at noon", "established", null]);
});

test("an announcement reports when a clause with its own subject follows, with or without 'that'", () => {
  const doc = run(
    "The harbour board announced Monday it was closing the eastern quay for a month. " +
      "The fishermen's union stated they would keep their boats in the western basin. " +
      "The board also announced a curfew for the docks.",
  );
  assert.deepEqual(reading(claim(doc, "eastern quay")), ["The harbour board announced Monday it was closing the eastern quay for a month", "claimed", "harbour board"]);
  assert.deepEqual(reading(claim(doc, "western basin")), ["The fishermen's union stated they would keep their boats in the western basin", "claimed", "fishermen's union"]);
  // announcing an act without reported content is an event the report states
  assert.deepEqual(reading(claim(doc, "curfew")), ["The board also announced a curfew for the docks", "established", null]);
});

test("a quote that opens with a question after a colon is its writer's in every sentence", () => {
  const doc = run(
    "The memo was sent in March by the mayor's press secretary, John Baker. " +
      "Baker wrote: “Do we really want to leave the harbour out of the plan? I can see the council coming after us for it.”",
  );
  assert.deepEqual(reading(claim(doc, "council")), ["I can see the council coming after us for it.”", "claimed", "John Baker"]);
  // the question itself is no claim
  assert.equal(doc.claims.some((c) => c.text.includes("really want")), false);
});

test("in an absolute construction the phrase after 'with' speaks, not the clause's subject", () => {
  const doc = run(
    "The harbour board declined to comment on the leaked plan, with spokesman Glen Carter saying the documents were drafts. " +
      "The council met on Friday.",
  );
  const c = claim(doc, "drafts");
  assert.equal(c.source?.name, "Glen Carter");
  assert.equal(c.status, "claimed");
});

test("a verb inside the subject's apposition does not keep the main clause's coordinated verbs together", () => {
  const doc = run("The mayor, a former sailor who ran the port for years, has conceded the harbour fees are unfair and says he alone can fix them.");
  assert.deepEqual(reading(claim(doc, "unfair")), ["The mayor, a former sailor who ran the port for years, has conceded the harbour fees are unfair", "claimed", "mayor"]);
  assert.deepEqual(reading(claim(doc, "fix them")), ["and says he alone can fix them", "claimed", "mayor"]);
});

test("revealing, disclosing or ruling that something holds reports it", () => {
  const doc = run("The harbour master revealed that the pier had been closed twice before. The court ruled that the fees were unlawful.");
  assert.deepEqual(reading(claim(doc, "closed twice")), ["The harbour master revealed that the pier had been closed twice before", "claimed", "harbour master"]);
  assert.deepEqual(reading(claim(doc, "unlawful")), ["The court ruled that the fees were unlawful", "claimed", "court"]);
});

test("a pronoun subject of an inner frame is the outer frame's speaker", () => {
  const doc = run("With the mayor so weak, the councillors say they will now ask voters to elect a divided council. Earlier, Mayor Ruth Hale spoke.");
  assert.deepEqual(reading(claim(doc, "divided council")), ["With the mayor so weak, the councillors say they will now ask voters to elect a divided council", "claimed", "councillors"]);
});

test("backing someone is a stance, backing down is none; considering X a Y is an attitude", () => {
  const doc = run(
    "The harbour board backs Mayor Ruth Hale for a second term. The council backed down from the plan. " +
      "Critics consider the new fees a tax on fishermen. A truck slammed into the sea wall.",
  );
  assert.deepEqual(reading(claim(doc, "second term")), ["The harbour board backs Mayor Ruth Hale for a second term", "claimed", "harbour board"]);
  assert.deepEqual(reading(claim(doc, "backed down")), ["The council backed down from the plan", "established", null]);
  assert.deepEqual(reading(claim(doc, "new fees")), ["Critics consider the new fees a tax on fishermen", "claimed", "Critics"]);
  assert.deepEqual(reading(claim(doc, "truck")), ["A truck slammed into the sea wall", "established", null]);
});
