// Who speaks when the speaker is no person by name: a newspaper by its description, a document that speaks
// for itself, a description that only a name may stand in for, the labels of a transcript (SPEC §4).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Claim } from "../src/model/doc.js";
import { claimHolding as claim, runClaims as run } from "./helpers.js";

const who = (c: Claim) => [c.status, c.source?.name ?? null] as const;

test("a newspaper by its description speaks, also after its quote and before a participle", () => {
  const doc = run(
    "The Herald endorsed Jane Doe for governor on Friday. “She has run a city. She knows the budget,” the daily wrote. " +
      "Doe, the Democratic nominee, “is tough and careful,” the newspaper wrote while noting her mistakes.",
    "en",
  );
  assert.deepEqual(who(claim(doc, "run a city")), ["claimed", "daily"]);
  assert.deepEqual(who(claim(doc, "knows the budget")), ["claimed", "daily"]);
  assert.deepEqual(who(claim(doc, "tough and careful")), ["claimed", "newspaper"]);
  // an adverb before the verb is still skipped: "famously" is no speaker
  const adv = run("The senator famously said the bill was dead.", "en");
  assert.deepEqual(who(claim(adv, "bill was dead")), ["claimed", "senator"]);
});

test("a document that speaks keeps its own quote, and documents head their clause", () => {
  const doc = run(
    "The watchdog published its annual review on Monday. “The agency is slow and timid. It waits too long,” the report said. " +
      "A statement from the ministry said the figures were wrong.",
    "en",
  );
  assert.deepEqual(who(claim(doc, "slow and timid")), ["claimed", "report"]);
  assert.deepEqual(who(claim(doc, "waits too long")), ["claimed", "report"]);
  assert.deepEqual(who(claim(doc, "figures were wrong")), ["claimed", "ministry"]);
  const subj = run(
    "Large surveys and panels show little change in opinion. Other letters from the archive that were recently found show the mayor knew. " +
      "Interviews conducted by the Gazette with workers at the plant found that safety rules were ignored.",
    "en",
  );
  assert.deepEqual(who(claim(subj, "little change")), ["claimed", "Large surveys and panels"]);
  assert.deepEqual(who(claim(subj, "mayor knew")), ["claimed", "Other letters"]);
  assert.deepEqual(who(claim(subj, "safety rules")), ["claimed", "Interviews"]);
  // what images show is seen, and a person who found something did not say it
  const seen = run("Satellite images show a crater near the dam.", "en");
  assert.deepEqual(who(claim(seen, "crater")), ["established", null]);
  const poll = run("The storm may remain a threat to the coast, according to recent forecasts.", "en");
  assert.deepEqual(who(claim(poll, "threat")), ["possible", "recent forecasts"]);
});

test("a description stands for a name, never for the words that described someone before", () => {
  const en = run(
    "An official familiar with the talks said they began on Sunday. The official, who is not authorized to speak, said the review would take weeks.",
    "en",
  );
  assert.deepEqual(who(claim(en, "review would take")), ["claimed", "official"]);
  const named = run("Governor Anna Berg visited the dam on Monday. The governor said the water was falling.", "en");
  assert.deepEqual(who(claim(named, "water was falling")), ["claimed", "Anna Berg"]);
  const nl = run(
    "Een ambtenaar die bij het onderzoek betrokken is, zei dat de gesprekken zondag begonnen. De ambtenaar zei dat het onderzoek weken duurt.",
    "nl",
  );
  assert.equal(claim(nl, "weken duurt").source?.name, "ambtenaar");
});

test("a noun after its determiner is no reporting verb after its content", () => {
  const doc = run("Radio North, the main broadcaster of the state, lost its licence on Monday.", "en");
  assert.deepEqual(who(claim(doc, "licence")), ["established", null]);
});

test("in a quoted transcript every sentence after a speaker's label is that speaker's", () => {
  const doc = run(
    "Doe spoke to bankers at a gala. “PARTICIPANT: Senator, I am Ann Lee from Austin. I raised money for you. " +
      "MS. DOE: You are the best people. PARTICIPANT: You called me on my phone, too.”",
    "en",
  );
  assert.deepEqual(who(claim(doc, "raised money")), ["claimed", "PARTICIPANT"]);
  assert.deepEqual(who(claim(doc, "best people")), ["claimed", "MS. DOE"]);
  assert.deepEqual(who(claim(doc, "my phone")), ["claimed", "PARTICIPANT"]);
  const nl = run(
    "Het verslag van de vergadering lekte uit. „VOORZITTER: Ik open de vergadering. De agenda is lang. WETHOUDER: Ik wil eerst de begroting bespreken.”",
    "nl",
  );
  assert.equal(claim(nl, "agenda is lang").source?.name, "VOORZITTER");
  assert.equal(claim(nl, "begroting bespreken").source?.name, "WETHOUDER");
});

test("a headline's speaker before a colon may name whom or what they address", () => {
  const doc = run(
    "Rural Mayors to Governor Ann Lee: Fix the Roads Before Winter.\nThe mayors of nine towns wrote to the governor on Monday. " +
      "Update on the storm: two more roads were closed overnight.",
    "en",
  );
  const ask = claim(doc, "Fix the Roads");
  assert.equal(ask.text, "Rural Mayors to Governor Ann Lee: Fix the Roads Before Winter");
  assert.deepEqual(who(ask), ["claimed", "Rural Mayors"]);
  // a label with a verb-less topic and no capitalised speaker says nothing itself
  assert.deepEqual(who(claim(doc, "two more roads")), ["established", null]);
});

test("a bare 'citing X' gives the subject's reason, 'citing X as saying' gives X's word", () => {
  const doc = run(
    "The mayor of Dayton last week asked the governor to close the bridge to trucks, citing safety concerns. " +
      "The agency says the toll keeps rising, citing the health ministry as saying that 40 people died.",
    "en",
  );
  const why = claim(doc, "safety concerns");
  assert.equal(why.text, "citing safety concerns");
  assert.deepEqual(who(why), ["claimed", "mayor of Dayton"]);
  const toll = claim(doc, "40 people died");
  assert.equal(toll.text, "citing the health ministry as saying that 40 people died");
  assert.deepEqual(who(toll), ["claimed", "health ministry"]);
});

test("one who declines to comment is the source of the refusal", () => {
  const doc = run(
    "The port authority declined to comment on the letter. Hospital spokesman Tom Reed declined to comment on the memo, calling it private.",
    "en",
  );
  const port = claim(doc, "letter");
  assert.equal(port.text, "The port authority declined to comment on the letter");
  assert.deepEqual(who(port), ["claimed", "port authority"]);
  const memo = claim(doc, "memo");
  assert.equal(memo.text, "Hospital spokesman Tom Reed declined to comment on the memo");
  assert.deepEqual(who(memo), ["claimed", "Tom Reed"]);
});

test("an appeal names who makes it, not whom it addresses", () => {
  const doc = run(
    "Senator Jane Doe urged voters at a rally in Dayton to elect a Democratic governor. Doe asked the minister whether the dam would hold. " +
      "Two senior lawmakers urged the mayor to fund the repairs, warning that costs would rise. The mayor was asked to resign.",
    "en",
  );
  assert.deepEqual(who(claim(doc, "elect a Democratic")), ["claimed", "Jane Doe"]);
  assert.deepEqual(who(claim(doc, "dam would hold")), ["claimed", "Jane Doe"]);
  assert.deepEqual(who(claim(doc, "fund the repairs")), ["claimed", "Two senior lawmakers"]);
  assert.deepEqual(who(claim(doc, "costs would rise")), ["claimed", "Two senior lawmakers"]);
  assert.deepEqual(who(claim(doc, "resign")), ["established", null]);
});

test("a noun inside an according-to phrase is no verb, and one of several speakers speaks", () => {
  const doc = run("Exports fell in the autumn, according to a few district reports. Farm output rose, according to recent surveys.", "en");
  assert.deepEqual(who(claim(doc, "Exports fell")), ["claimed", "few district reports"]);
  assert.deepEqual(who(claim(doc, "Farm output")), ["claimed", "recent surveys"]);
  const voters = run("“I feel good about him,” one said. “She lies too much,” said another. Others said they would stay home.", "en");
  assert.deepEqual(who(claim(voters, "lies too much")), ["claimed", "another"]);
  assert.deepEqual(who(claim(voters, "stay home")), ["claimed", "Others"]);
});
