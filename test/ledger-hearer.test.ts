// Whom a speaker tells something ("told the BBC", "zei hij tegen RTL Nieuws") hears the claim; it is not
// something the claim is about. One seismologist saying in a Dutch and an English report that the tremor
// was an explosion is one proposition, with both reports behind it, whoever each told it to.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports } from "../src/ledger/fusion.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for this test: a blast at a gas storage site in Groningen.
const DUTCH: TestReport = {
  source: "Noorderkrant",
  published: "2025-03-11T09:00:00+01:00",
  lang: "nl",
  text:
    "Bij de gasopslag in Norg is maandagavond een zware trilling gemeten.\n\n" +
    "Er is geen twijfel dat het om een explosie ging, zei seismoloog Maria Visser van het KNMI tegen RTL Nieuws.\n",
};
const ENGLISH: TestReport = {
  source: "Delta Wire",
  published: "2025-03-11T14:00:00+01:00",
  lang: "en",
  text:
    "A strong tremor was recorded at a gas storage site in Norg on Monday evening.\n\n" +
    "It is \"very clear from the readings that this was an explosion,\" Maria Visser, director of the Dutch seismic network, told the BBC in a phone interview.\n",
};

const fused = (rs: TestReport[]) => {
  const f = fuseReports(pipelineDocs(rs));
  const of = (doc: string, word: RegExp) => {
    const c = f.claims.find((x) => x.doc === doc && word.test(x.text));
    assert.ok(c, `${doc}: ${f.claims.filter((x) => x.doc === doc).map((x) => x.text).join(" | ")}`);
    return c;
  };
  return { f, nl: of("d1", /explosie/), en: of("d2", /explosion/) };
};

test("the broadcaster a speaker told it to is not an entity of what she said", () => {
  const { f, nl, en } = fused([DUTCH, ENGLISH]);
  const names = (c: typeof nl) => c.entities.map((r) => f.entities.clusterOf.get(r)?.name("en"));
  assert.ok(!names(en).includes("BBC"), names(en).join(", "));
  assert.ok(!names(nl).includes("RTL Nieuws"), names(nl).join(", "));
});

test("one speaker's statement in two reports and two languages, told to two outlets, is one proposition", () => {
  const { f, nl, en } = fused([DUTCH, ENGLISH]);
  const p = f.propositions.find((x) => x.claims.includes(nl.id));
  assert.ok(p && p.claims.includes(en.id), JSON.stringify(p));
  assert.equal(p.reports, 2);
  assert.deepEqual(p.sources.map((s) => s.name), ["Maria Visser"]);
  // two speakers who each say only that it was an explosion are not made one by it
  const other = fused([DUTCH, { ...ENGLISH, text: ENGLISH.text.replace("Maria Visser", "Tom Berg") }]);
  assert.ok(!other.f.propositions.find((x) => x.claims.includes(other.nl.id))?.claims.includes(other.en.id));
});
