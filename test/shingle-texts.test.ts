import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type DocMeta } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import { fusionClaims, shingleText, textShingles } from "../src/ledger/claimkeys.js";
import { reportFusion } from "../src/ledger/fusion.js";
import { fusionText } from "../src/export/oneshot.js";

// The text each claim's shingles are of (`shingleText`, what a stored record keeps instead of the hashes) is
// kept only when asked: the one-shot export never reads it. The keys are the same either way, and when kept
// the texts are those of every claim, the keys the contradictions stage handed over among them.
const reports: { lang: "nl" | "en"; source: string; text: string }[] = [
  {
    lang: "nl",
    source: "Testkrant",
    text: [
      "Bij een explosie in een opslagloods in Zeebrugge zijn dinsdagavond twee havenarbeiders om het leven gekomen, meldt de brandweer.",
      "Volgens burgemeester Dirk De fauw raakten zeker negen mensen gewond, van wie drie ernstig.",
      "Het havenbedrijf ontkent dat er eerder lekken waren aan de opslagtanks.",
      "De politie zegt dat er drie doden zijn gevallen en niet twee.",
      "",
      "Het parket van West-Vlaanderen onderzoekt de oorzaak van de ontploffing. Buurtbewoners hoorden rond negen uur een harde knal.",
    ].join("\n"),
  },
  {
    lang: "en",
    source: "Test Wire",
    text: [
      "A drone struck a fuel depot near the port of Odesa early on Friday, killing three workers, the regional governor said.",
      "Ukrainian officials said the drone had been launched by Russian forces from the occupied south.",
      "Moscow denied any involvement in the strike on the depot.",
      "",
      "Firefighters battled the blaze for six hours, the emergency service said, and at least 14 people were injured.",
    ].join("\n"),
  },
];

const metaOf = (r: (typeof reports)[number]): DocMeta => ({ id: "d1", published: "2025-03-07T09:30:00+01:00", publishedFrom: "flag", language: r.lang, languageFrom: "flag", source: r.source });
const extracted = (r: (typeof reports)[number]) => {
  const doc = new Doc(r.text, metaOf(r));
  runPipeline(doc);
  return doc;
};

for (const r of reports) {
  test(`${r.lang}: keys made without their shingle texts are those made with them, and keep none`, () => {
    const lazy = fusionClaims(extracted(r), { shingleTexts: false });
    const eager = fusionClaims(extracted(r));
    assert.ok(lazy.length >= 4, `${lazy.length} claims`);
    assert.deepEqual(lazy, eager);
    for (const c of lazy) assert.equal(shingleText(c), undefined, `no text kept for ${c.id}`);
  });

  test(`${r.lang}: kept shingle texts give each claim's shingles, the keys handed over by the stage too`, () => {
    const doc = extracted(r);
    // (the stage hands over the keys of the claims it read: the next call takes them)
    const all = fusionClaims(doc);
    const fresh = fusionClaims(extracted(r), { shingles: true, handOver: false });
    assert.deepEqual(all, fresh);
    let blanked = 0;
    for (const c of all) {
      const t = shingleText(c);
      assert.ok(t !== undefined, `a text kept for ${c.id}`);
      assert.deepEqual(textShingles(t), c.shingles, c.id);
      if (t !== c.text) blanked++;
    }
    // a claim with its attribution left out takes its shingles from the blanked text
    assert.ok(blanked >= 1, "some claim's shingles are of its text with the attribution blanked");
  });

  test(`${r.lang}: the one-shot export's fusion text is the report's fusion record`, () => {
    const f = fusionText(extracted(r));
    const record = reportFusion(extracted(r));
    assert.equal(f.claims, JSON.stringify(record.claims));
    assert.equal(f.head, JSON.stringify({ entities: record.entities, incident: record.incident }));
  });
}

test("keys handed over and then taken without texts keep none, and a later call keeps them again", () => {
  const doc = extracted(reports[0]!);
  const taken = fusionClaims(doc, { shingleTexts: false });
  assert.ok(taken.every((c) => shingleText(c) === undefined));
  const again = fusionClaims(doc);
  assert.deepEqual(again, taken);
  assert.ok(again.every((c) => shingleText(c) !== undefined));
});
