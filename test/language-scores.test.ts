import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { detectLanguage } from "../src/ingest/index.js";
import { buildEldPack, loadEld, readEldPack, type Eld, type NgramsData } from "../src/ingest/eldpack.js";

// eld's scores are read only when its verdict is neither Dutch nor English: a report in another language is
// still told apart, and the nearer of nl/en still chosen to segment it with
test("another language is still declared, with the nearer of Dutch and English beside it", () => {
  const de =
    "Die Polizei in Leipzig hat am Samstagabend nach den Ausschreitungen in der Innenstadt drei Männer festgenommen. " +
    "Nach Angaben eines Sprechers wurden dabei zwei Beamte leicht verletzt; die Ermittlungen dauern an.";
  const d = detectLanguage(de);
  assert.equal(d.other, "de");
  assert.equal(d.by, "eld");
  assert.ok(d.lang === "nl" || d.lang === "en");
  const nl = detectLanguage("Bij de explosie in de haven van Rotterdam zijn dinsdagochtend zeker drie doden gevallen, meldt de veiligheidsregio.");
  assert.deepEqual(nl, { lang: "nl", from: "detected", by: "eld" });
  const en = detectLanguage("At least fourteen people were killed when two missiles hit a residential block in Dnipro, the governor said.");
  assert.deepEqual(en, { lang: "en", from: "detected", by: "eld" });
});

// the detector reads the pack's scores where they lie (addScores), not through eld's object table: the sums
// are the table's entries plus eld's base score, and its verdicts, scores and reliability those of eld/small
test("the detector over eld's pack adds the table's scores and answers as eld/small", () => {
  const require = createRequire(import.meta.url);
  const src = fileURLToPath(import.meta.resolve("eld/small")).replace(/[\\/]entries[\\/][^\\/]+$/, "");
  const table = (require(`${src}/ngrams/small.js`) as { ngramsData: NgramsData }).ngramsData;
  const reference = (require(fileURLToPath(import.meta.resolve("eld/small"))) as { eld: Eld }).eld;
  const data = readEldPack(buildEldPack(table, "stamp"), "stamp")!;
  const langs = Object.keys(table.languages).length;
  let k = 0;
  for (const [key, entry] of Object.entries(table.ngrams)) {
    if (k++ % 211 !== 0) continue;
    const got = new Array<number>(langs).fill(0);
    data.addScores(key, got);
    data.addScores(key, got); // found once, added each time
    const want = new Array<number>(langs).fill(0);
    for (const [l, v] of Object.entries(entry)) want[+l] = 2 * (v + 53);
    assert.deepEqual(got, want, key);
  }
  const none = new Array<number>(langs).fill(0);
  data.addScores(" zzqx", none);
  data.addScores("", none);
  assert.ok(none.every((v) => v === 0));
  const installed = loadEld();
  const texts = [
    "Bij de explosie in de haven van Rotterdam zijn dinsdagochtend zeker drie doden gevallen en raakten twaalf mensen gewond. ".repeat(9),
    "At least fourteen people were killed when two missiles hit a residential block in Dnipro on Saturday, the governor said. ".repeat(9),
    "Oekraïne’s ‘president’ sprak in Kyjiv over de coördinatie — “we weten het niet” — en de naïeve vragen van de pers.",
    "Die Polizei in Leipzig hat am Samstagabend drei Männer festgenommen.",
    "Évacuation à Zürich: 240 passagers, 12:40 GMT 😀",
    "",
    "…",
  ];
  for (const t of texts) {
    const a = installed.detect(t);
    const b = reference.detect(t);
    assert.equal(a.language, b.language, t);
    assert.deepEqual(a.getScores(), b.getScores(), t);
    assert.equal(a.isReliable(), b.isReliable(), t);
  }
});
