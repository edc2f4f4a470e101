// An attitude (wanting, hoping, fearing, expecting, seeking) is its holder's, as a word said is; inside what
// another frame reports it is part of that report. A relative clause that closes a reported clause is the
// speaker's; one after a denied object is not. Sentences of our own.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Claim } from "../src/model/doc.js";
import { claimHolding as claim, runClaims } from "./helpers.js";

const run = (text: string) => runClaims(text, "en");
const reading = (c: Claim) => [c.text, c.status, c.source?.name ?? null, c.cue?.text ?? null] as const;

test("an attitude with an object, an infinitive or a clause is its holder's claim", () => {
  const doc = run(
    "Traders expect ferry fares to rise sharply after the closure. " +
      "Harbour officials fear the eastern quay will give way before the winter. " +
      "The mayor's aides sought to play down the closure of the pier. " +
      "Fishermen want the board to reopen the western basin.",
  );
  assert.deepEqual(reading(claim(doc, "fares")), ["Traders expect ferry fares to rise sharply after the closure", "claimed", "Traders", "expect"]);
  assert.deepEqual(reading(claim(doc, "give way")), ["Harbour officials fear the eastern quay will give way before the winter", "claimed", "Harbour officials", "fear"]);
  assert.deepEqual(reading(claim(doc, "play down")), ["The mayor's aides sought to play down the closure of the pier", "claimed", "mayor's aides", "sought"]);
  assert.deepEqual(reading(claim(doc, "reopen")), ["Fishermen want the board to reopen the western basin", "claimed", "Fishermen", "want"]);
});

test("an attitude inside reported speech leaves the speaker as the source", () => {
  const doc = run("The harbour master said the smugglers had sought to escape by boat.");
  assert.deepEqual(reading(claim(doc, "escape")), ["The harbour master said the smugglers had sought to escape by boat", "claimed", "harbour master", "said"]);
});

test("an attitude word without its holder's object attributes nothing", () => {
  const doc = run("The planned closure of the pier was delayed. Fares rose as expected.");
  assert.deepEqual(reading(claim(doc, "closure")), ["The planned closure of the pier was delayed", "established", null, null]);
  assert.deepEqual(reading(claim(doc, "Fares")), ["Fares rose as expected", "established", null, null]);
});

test("an attitude's participle after a comma is the clause subject's", () => {
  const doc = run("Mayor Ruth Hale toured the quay on Sunday, hoping her visit would calm the fishermen.");
  assert.deepEqual(reading(claim(doc, "toured")), ["Mayor Ruth Hale toured the quay on Sunday", "established", null, null]);
  assert.deepEqual(reading(claim(doc, "calm")), ["hoping her visit would calm the fishermen", "claimed", "Ruth Hale", "hoping"]);
});

test("a relative clause closing a reported clause is the speaker's; one after a denied object is the report's", () => {
  const doc = run(
    "The harbour master says such fees are common among ports on the coast, which charge far more in summer. " +
      "The dredging company denied any role in the collapse, which killed two workers.",
  );
  assert.deepEqual(reading(claim(doc, "charge far")), ["which charge far more in summer", "claimed", "harbour master", "says"]);
  assert.deepEqual(reading(claim(doc, "any role")), ["The dredging company denied any role in the collapse", "denied", "dredging company", "denied"]);
  assert.deepEqual(reading(claim(doc, "two workers")), ["which killed two workers", "established", null, null]);
});

test("an attitude yields to a frame after its content, to a quote's speaker and to a speaker's colon", () => {
  const doc = run(
    "The fishermen agreed to pay the harbour fees for another year, the minutes show. " +
      "“We did what we could. He wanted to keep the port open,” said Mayor Ruth Hale. " +
      "Ruth Hale: Fishermen want the basin reopened by May.",
  );
  assert.deepEqual(reading(claim(doc, "another year")), ["The fishermen agreed to pay the harbour fees for another year, the minutes show", "claimed", "minutes", "show"]);
  assert.deepEqual(reading(claim(doc, "port open")), ["He wanted to keep the port open,” said Mayor Ruth Hale", "claimed", "Ruth Hale", "said"]);
  assert.deepEqual(reading(claim(doc, "by May")), ["Ruth Hale: Fishermen want the basin reopened by May", "claimed", "Ruth Hale", ":"]);
});

test("indicating a clause reports it; the holder of an attitude inside it is not the source", () => {
  const doc = run("Some council members have indicated they wanted the mayor to step aside. The gauge indicated a sharp drop.");
  assert.deepEqual(reading(claim(doc, "step aside")), ["Some council members have indicated they wanted the mayor to step aside", "claimed", "Some council members", "indicated"]);
  assert.deepEqual(reading(claim(doc, "gauge")), ["The gauge indicated a sharp drop", "established", null, null]);
});
