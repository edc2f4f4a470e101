// What is open (SPEC §4): explicit unknowns in their many forms, each with the open question as its span.
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
/** The one unknown of a one-sentence report: its span's text, and the status of its claim. */
function open(text: string, lang: Lang): [string, string] {
  const d = run(text, lang);
  assert.equal(d.unknowns.length, 1, `unknowns: ${d.unknowns.map((u) => u.text).join(" | ")}`);
  const u = d.unknowns[0]!;
  const c = d.claims.find((x) => x.id === u.claim)!;
  return [u.text, c.status];
}

test("Dutch unknowns beyond 'onduidelijk is of'", () => {
  for (const s of [
    "Dat is nog niet officieel bevestigd",
    "Het is moeilijk te zeggen of de dijk het houdt",
    "De oorzaak valt niet vast te stellen",
    "De politie doet geen uitspraken over het motief",
    "Het onderzoek zal moeten uitwijzen of er opzet in het spel was",
    "Journalisten konden de beelden niet verifiëren",
    "De toedracht wordt nog onderzocht",
    "Over de daders bestaat nog veel onduidelijkheid",
  ]) assert.deepEqual(open(s + ".", "nl"), [s, "unknown"], s);
});

test("English unknowns beyond 'unclear whether'", () => {
  for (const s of [
    "Little is known about the gunman",
    "It is not clear whether the dam was inspected",
    "Reuters was unable to verify the footage",
    "The ministry gave no figures for the wounded",
    "The office did not provide any further information on the inquiry",
    "It is too early to say what caused the blast",
  ]) assert.deepEqual(open(s + ".", "en"), [s, "unknown"], s);
});

test("the open question is the span: after the content's 'dat', from 'zonder', not the clause after a dash", () => {
  const d = run("Het OM zegt dat nog niet is vastgesteld wie de brand stichtte.", "nl");
  assert.deepEqual(d.unknowns.map((u) => u.text), ["nog niet is vastgesteld wie de brand stichtte"]);
  // the speaker who reports the question open stays ("OM" is an acronym, not the preposition "om")
  assert.equal(d.claims[0]!.status, "unknown");
  assert.match(d.claims[0]!.source?.name ?? "", /\bOM$/);
  const z = run("Hij zat twee jaar vast, melden de autoriteiten, zonder te zeggen waarvoor.", "nl");
  assert.deepEqual(z.unknowns.map((u) => u.text), ["zonder te zeggen waarvoor"]);
  const first = z.claims[0]!;
  assert.deepEqual([first.text, first.status, first.source?.name], ["Hij zat twee jaar vast, melden de autoriteiten", "claimed", "autoriteiten"]);
  const dash = run("Hoe het vuur ontstond is onduidelijk – de brandweer zoekt verder in de ruïne.", "nl");
  assert.deepEqual(dash.unknowns.map((u) => u.text), ["Hoe het vuur ontstond is onduidelijk"]);
  assert.equal(dash.claims.find((c) => c.text.startsWith("de brandweer"))?.status, "established");
});

test("a question an inquiry still has to answer is open; a finding it made is not", () => {
  for (const [s, lang] of [
    ["Further investigation could show who sabotaged the cable", "en"],
    ["The autopsy must establish how the fisherman died", "en"],
    ["Tests will determine whether the water is safe to drink", "en"],
    ["Het moet nog blijken of de brug weer open kan", "nl"],
    ["Of het om brandstichting ging, zal uit onderzoek moeten blijken", "nl"],
  ] as const)
    assert.deepEqual(open(s + ".", lang), [s, "unknown"], s);
  for (const [s, lang] of [
    ["The inquiry showed that the cable had been cut", "en"],
    ["Investigators said the footage shows two men near the depot", "en"],
    ["Uit onderzoek bleek dat de brug veilig is", "nl"],
  ] as const)
    assert.equal(run(s + ".", lang).unknowns.length, 0, s);
});
