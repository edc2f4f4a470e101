import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Lang } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";

// Contradictions inside one report (the pipeline's stage), on sentences of our own in Dutch and English:
// each test states which pairs of claims cannot both hold, and why.
function report(lang: Lang, text: string): Doc {
  return runPipeline(new Doc(text + "\n", { id: "d1", source: "Test", published: "2025-05-01T12:00:00+02:00", publishedFrom: "flag", language: lang, languageFrom: "flag" }));
}
function found(d: Doc): { pair: string; reason: string }[] {
  const text = (id: string) => d.claims.find((c) => c.id === id)!.text;
  return d.contradictions.map((x) => ({ pair: `${text(x.claims[0])} || ${text(x.claims[1])}`, reason: x.reason }));
}

test("an official toll against 'the real toll is much higher' (nl)", () => {
  const d = report("nl", "Volgens de autoriteiten zijn veertien mensen omgekomen bij de aardverschuiving. Burgemeester Anna de Wit zegt dat het werkelijke dodental veel hoger ligt.");
  const f = found(d);
  assert.deepEqual(f.map((x) => x.pair), ["Volgens de autoriteiten zijn veertien mensen omgekomen bij de aardverschuiving || Burgemeester Anna de Wit zegt dat het werkelijke dodental veel hoger ligt"]);
  assert.match(f[0]!.reason, /Anna de Wit says the toll is higher than autoriteiten's 14/);
});

test("a denial against the accusation that names the denier (nl)", () => {
  const d = report("nl", "Volgens het Russische leger zat Oekraïne achter de aanval op de brug. Kyiv zegt dat het niets met de aanval te maken heeft.");
  const f = found(d);
  assert.deepEqual(f.map((x) => x.pair), ["Volgens het Russische leger zat Oekraïne achter de aanval op de brug || Kyiv zegt dat het niets met de aanval te maken heeft"]);
  assert.match(f[0]!.reason, /Kyiv denies UA's part; Russische leger says otherwise/);
});

test("two sources naming different doers of one act (en)", () => {
  const d = report("en", "Witnesses said a Turkish drone struck the convoy near the border. Syrian officials said the convoy was hit by an Israeli missile.");
  const f = found(d);
  assert.deepEqual(f.map((x) => x.pair), ["Witnesses said a Turkish drone struck the convoy near the border || Syrian officials said the convoy was hit by an Israeli missile"]);
  assert.match(f[0]!.reason, /who is behind it: .*IL.*TR|who is behind it: .*TR.*IL/);
});

test("different figures of one kind by different sources (en); a statement running against the one before it", () => {
  const a = found(report("en", "According to the interior ministry, 30 people were arrested after the riots. Police said 12 people had been arrested."));
  assert.deepEqual(a.map((x) => x.pair), ["According to the interior ministry, 30 people were arrested after the riots || Police said 12 people had been arrested"]);
  assert.match(a[0]!.reason, /arrested: 30 according to interior ministry vs 12 according to Police/);
  const b = found(report("en", "The court said two of the men pleaded guilty on Tuesday. There were conflicting reports by local media, however, that a third man also pleaded guilty."));
  assert.deepEqual(b.map((x) => x.pair), ["The court said two of the men pleaded guilty on Tuesday || There were conflicting reports by local media, however, that a third man also pleaded guilty"]);
});

test("no contradiction: tolls of two places, or one source updating its own figure (en, nl)", () => {
  assert.deepEqual(found(report("en", "Rescuers said 20 people died in Aleppo. In Idlib, the civil defence said 5 people died.")), []);
  assert.deepEqual(found(report("nl", "De politie meldde zondag drie doden. Maandag meldde de politie zeven doden.")), []);
});
