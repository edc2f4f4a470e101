// What is no claim (issue 10): page furniture, credits, and a frame that only attributes the sentence before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segment } from "../src/pipeline/segment/index.js";
import { entities } from "../src/pipeline/entities/index.js";
import { times } from "../src/pipeline/times/index.js";
import { claims } from "../src/pipeline/claims/index.js";

function run(text: string, lang: Lang): Doc {
  const doc = new Doc(text, { id: "d1", published: "2024-03-05T12:00:00+01:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const ctx = { lang: langPack(lang) };
  for (const stage of [segment, entities, times, claims]) stage(doc, ctx);
  return doc;
}
const readings = (d: Doc) => d.claims.map((c) => [c.text, c.status, c.source?.name ?? null]);

test("reading tips, live-blog promotions and credits are no claims", () => {
  const nl = run("De brug bij Zwolle is ingestort.\n\nLees ook: Drie doden bij brand in Gent.\n\nVolg het laatste nieuws in dit liveblog.\n\nFoto: ANP / Remko de Waal.", "nl");
  assert.deepEqual(readings(nl), [["De brug bij Zwolle is ingestort", "established", null]]);
  const en = run("The bridge near Leeds collapsed.\n\nRELATED: Five dead in flood.\n\nContinue reading the main story.\n\nPhoto: Getty Images.\n\n© AFP 2024.", "en");
  assert.deepEqual(readings(en), [["The bridge near Leeds collapsed", "established", null]]);
});

test("a frame that only attributes the sentence before gives it its source and no claim of its own", () => {
  const nl = run("De brug is ingestort. Dat meldt de politie.", "nl");
  assert.deepEqual(readings(nl), [["De brug is ingestort", "claimed", "politie"]]);
  const acc = run("Moskou zit achter de aanslag. Die beschuldiging uitte Oekraïne.", "nl");
  assert.deepEqual(readings(acc), [["Moskou zit achter de aanslag", "claimed", "Oekraïne"]]);
  const en = run("The bridge collapsed. That is what police said.", "en");
  assert.deepEqual(readings(en), [["The bridge collapsed", "claimed", "police"]]);
  // a confirmation of what came before is a proposition of its own
  const conf = run("De dijk hield stand. Dat heeft de minister bevestigd.", "nl");
  assert.deepEqual(readings(conf), [
    ["De dijk hield stand", "confirmed", "minister"],
    ["Dat heeft de minister bevestigd", "confirmed", "minister"],
  ]);
});
