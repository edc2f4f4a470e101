import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { disputeLines, pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a bombing at a bus station in Quetta that a group claims. In one ledger
// the interior ministry says another party carried the bombing out: a rival account of who did it, set
// against the claim. In another it says that party was behind the attack and backed the group: both can
// hold (one may have ordered or armed what the other carried out), so nothing is set against the claim; nor
// when the prime minister counts the attack "among India's attacks on Pakistan" (whose campaign, not who
// carried it out).
const CLAIM: TestReport = {
  source: "Indus Wire",
  published: "2025-03-09T14:00:00+00:00",
  lang: "en",
  text:
    "A bomb exploded at a bus station in Quetta on Sunday, killing nine people.\n\n" +
    "A group calling itself the Bolan Liberation Army claimed responsibility for the attack on the bus station.\n",
};
const DID_IT: TestReport = {
  source: "Avondpost",
  published: "2025-03-09T20:00:00+01:00",
  lang: "nl",
  text: "Het Pakistaanse ministerie van Binnenlandse Zaken zegt dat het busstation in Quetta door India is opgeblazen.\n",
};
const BEHIND_IT: TestReport = {
  source: "Avondpost",
  published: "2025-03-09T20:00:00+01:00",
  lang: "nl",
  text: "Het Pakistaanse ministerie van Binnenlandse Zaken zegt dat India achter de aanslag op het busstation in Quetta zit.\n",
};

const ONE_OF_ITS: TestReport = {
  source: "Avondpost",
  published: "2025-03-09T20:00:00+01:00",
  lang: "nl",
  text: "De Pakistaanse premier beschouwt de aanslag op het busstation in Quetta als een van de aanvallen van India op Pakistan.\n",
};

const attributions = (rs: TestReport[]) => {
  const ds = pipelineDocs(rs);
  return disputeLines(fuseReports(ds), ds).filter((l) => l.startsWith("attribution"));
};

test("a charge that another party carried out the attack is set against the group's claim of it", () => {
  const lines = attributions([CLAIM, DID_IT]);
  assert.ok(
    lines.some((l) => /Bolan Liberation Army claimed responsibility/.test(l) && /door India is opgeblazen/.test(l)),
    lines.join("\n"),
  );
});

test("a charge that another party was behind the attack stands beside the claim of it, not against it", () => {
  assert.deepEqual(attributions([CLAIM, BEHIND_IT]), []);
});

test("a charge that counts the attack among another party's attacks stands beside the claim of it", () => {
  assert.deepEqual(attributions([CLAIM, ONE_OF_ITS]), []);
});
