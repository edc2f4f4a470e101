import { test } from "node:test";
import assert from "node:assert/strict";
import { featuresOf } from "../src/ledger/features.js";

// Sentences written for this test. Dutch "afgelopen" says that something is over ("de zoekactie is
// afgelopen"), but before a time it is "past" ("de afgelopen twee dagen", "afgelopen week"): such a claim
// says nothing about whether anything has ended, and must not be set against "the search goes on".
test("nl: 'afgelopen' before a time is the past, not 'over'", () => {
  const past = featuresOf({ text: "Het oosten van het land werd de afgelopen twee dagen getroffen door zware overstromingen" }, "nl");
  assert.equal(past.states?.continuation, undefined, JSON.stringify(past.states));
  const week = featuresOf({ text: "Afgelopen week vielen er tientallen doden bij de overstromingen" }, "nl");
  assert.equal(week.states?.continuation, undefined, JSON.stringify(week.states));
  const over = featuresOf({ text: "De zoektocht naar overlevenden is afgelopen, zegt de burgemeester" }, "nl");
  assert.equal(over.states?.continuation?.label, "ended", JSON.stringify(over.states));
});
