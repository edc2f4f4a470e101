import { test } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage } from "../src/ingest/index.js";

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
