import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Entity, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { entities as entityStage, entityAt, roleOf, roleOfWord } from "../src/pipeline/entities/index.js";
import { compoundHead, prepare } from "../src/pipeline/entities/recognize.js";

function run(text: string, lang: Lang): Doc {
  const doc = new Doc(text, { id: "d1", published: "2024-03-05T12:00:00+01:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const pack = langPack(lang);
  segmentDoc(doc, pack.segment);
  entityStage(doc, { lang: pack });
  return doc;
}
const byName = (doc: Doc, name: string): Entity | undefined => doc.entities.find((e) => e.name === name || e.aliases.includes(name));
const mentionTexts = (doc: Doc, e: Entity) => e.mentions.map((i) => doc.mentions[i]!.text);

test("Dutch: persons with particles, titles and short forms", () => {
  const doc = run(
    "De Nederlandse generaal Peter van Uhm sprak gisteren in Den Haag met burgemeester Jan van Zanen. " +
      "Van Uhm zei na afloop dat de situatie ernstig is. Volgens Oost-Europadeskundige Anna de Wit is dat overdreven. " +
      '"We moeten afwachten", zegt De Wit.',
    "nl",
  );
  const uhm = byName(doc, "Peter van Uhm")!;
  assert.equal(uhm.type, "person");
  assert.deepEqual(mentionTexts(doc, uhm), ["Peter van Uhm", "Van Uhm"]);
  assert.equal(doc.mentions[uhm.mentions[0]!]!.role, "Nederlandse generaal");
  const zanen = byName(doc, "Jan van Zanen")!;
  assert.equal(doc.mentions[zanen.mentions[0]!]!.role, "burgemeester");
  const wit = byName(doc, "Anna de Wit")!;
  assert.deepEqual(mentionTexts(doc, wit), ["Anna de Wit", "De Wit"]);
  assert.equal(doc.mentions[wit.mentions[0]!]!.role, "Oost-Europadeskundige");
  assert.equal(byName(doc, "Den Haag")?.geo?.country, "NL");
  // sentence-initial words that are no names stay out
  for (const w of ["De", "Van", "Volgens", "We"]) assert.equal(byName(doc, w), undefined, w);
});

test("Dutch: organisation heads, acronyms in parentheses and definite descriptions", () => {
  const doc = run(
    "Het Centrum voor Veiligheidsstudies (CVS) publiceerde vandaag een rapport. Volgens het centrum is de dreiging groot. " +
      "Onderzoekers van het CVS wijzen op de Wagner-groep.",
    "nl",
  );
  const cvs = byName(doc, "Centrum voor Veiligheidsstudies")!;
  assert.equal(cvs.type, "organization");
  assert.ok(cvs.aliases.includes("CVS"));
  const vias = cvs.mentions.map((i) => doc.mentions[i]!.via);
  assert.deepEqual(vias, ["name", "acronym", "description", "name"]);
  assert.equal(doc.entities.filter((e) => e.name === "Centrum").length, 0);
});

test("Dutch: a compound and its spelled-out form, and another-language name in parentheses, are one group", () => {
  const doc = run(
    "De Brigade Vrijheid van het Noorden (Brigada Svobody Severa) eiste de aanval op. " +
      "Later meldde de Vrijheidsbrigade nieuwe acties. Ook de brigade zelf zweeg over verliezen.",
    "nl",
  );
  const b = byName(doc, "Brigade Vrijheid van het Noorden")!;
  assert.equal(b.type, "group");
  assert.ok(b.aliases.includes("Vrijheidsbrigade"));
  assert.ok(b.aliases.includes("Brigada Svobody Severa"));
  assert.equal(b.mentions.length, 4);
  assert.equal(doc.entities.length, 1);
});

test("Dutch: transliteration variants merge and keep their coordinates; unknown hamlets get none", () => {
  const doc = run(
    "De strijders trokken via Grajvoron naar het gehucht Zwartebroekhoeve. Russische media spreken van Grayvoron.",
    "nl",
  );
  const g = byName(doc, "Grajvoron")!;
  assert.ok(g.aliases.includes("Grayvoron"));
  assert.equal(g.geo?.country, "RU");
  assert.ok(Math.abs(g.geo!.lat - 50.48) < 0.1);
  const z = byName(doc, "Zwartebroekhoeve")!;
  assert.equal(z.type, "location");
  assert.equal(z.geo, undefined);
  // demonym adjectives are not entities
  assert.equal(byName(doc, "Russische"), undefined);
});

test("Dutch: a misspelt town is found only inside the region the report names", () => {
  const withRegion = run("Het leger rukte op in de oblast Charkiv. Bij Bohodoechov werd hevig gevochten.", "nl");
  assert.equal(byName(withRegion, "Bohodoechov")?.geo?.country, "UA");
  const without = run("Bij Bohodoechov werd hevig gevochten.", "nl");
  assert.equal(byName(without, "Bohodoechov")?.geo, undefined);
});

test("Dutch: a capital or the Kremlin speaking is the government speaking, the place keeps its coordinates", () => {
  const doc = run("Kyiv bevestigde de aanval, maar het Kremlin ontkent alles. Volgens Moskou is de situatie onder controle. In Kyiv bleef het rustig.", "nl");
  const kyiv = byName(doc, "Kyiv")!;
  assert.equal(kyiv.metonymGovernment, true);
  assert.ok(kyiv.geo);
  assert.deepEqual(kyiv.mentions.map((i) => doc.mentions[i]!.via), ["metonym", "name"]);
  const kremlin = byName(doc, "Kremlin")!;
  assert.equal(kremlin.metonymGovernment, true);
  assert.equal(kremlin.key, "gov:RU");
  assert.equal(byName(doc, "Moskou")?.metonymGovernment, true);
});

test("English: titles, organisations with connectors, acronyms, metonymy", () => {
  const doc = run(
    "Russian Defense Minister Sergei Shoigu said on Monday that the Russian Volunteer Corps (RVC) had been pushed back. " +
      "Shoigu added that the corps had lost dozens of fighters. The Institute for the Study of War said the RVC still held two villages. " +
      "According to Kyiv, the raid started from Sumy.",
    "en",
  );
  const s = byName(doc, "Sergei Shoigu")!;
  assert.equal(s.type, "person");
  assert.equal(doc.mentions[s.mentions[0]!]!.role, "Russian Defense Minister");
  assert.deepEqual(mentionTexts(doc, s), ["Sergei Shoigu", "Shoigu"]);
  const rvc = byName(doc, "Russian Volunteer Corps")!;
  assert.deepEqual(mentionTexts(doc, rvc), ["Russian Volunteer Corps", "RVC", "the corps", "RVC"]);
  assert.equal(byName(doc, "Institute for the Study of War")?.type, "organization");
  assert.equal(byName(doc, "Kyiv")?.metonymGovernment, true);
  assert.equal(byName(doc, "Sumy")?.geo?.country, "UA");
  assert.equal(byName(doc, "Sumy")?.metonymGovernment, undefined);
  assert.equal(byName(doc, "Monday"), undefined);
});

test("keys are language-independent: the same place and person in a Dutch and an English report", () => {
  const nl = run("President Poetin sprak in Charkiv met soldaten.", "nl");
  const en = run("President Putin spoke with soldiers in Kharkiv.", "en");
  assert.equal(byName(nl, "Charkiv")!.key, byName(en, "Kharkiv")!.key);
  assert.equal(byName(nl, "Poetin")!.key, byName(en, "Putin")!.key);
});

test("entityAt maps a source span to its speaker, and the role lexicon is shared", () => {
  const text = '"Dit is pas het begin", zegt kolonel Piet Jansen van de Koninklijke Landmacht.';
  const doc = run(text, "nl");
  const span = text.indexOf("kolonel");
  const e = entityAt(doc, span, text.length - 1)!;
  assert.equal(e.name, "Piet Jansen");
  assert.equal(byName(doc, "Koninklijke Landmacht")?.type, "organization");
  const p = prepare(langPack("nl").entities);
  assert.equal(roleOf(p, "kolonel")?.kind, "official");
  assert.equal(roleOf(p, "Oost-Europadeskundige")?.kind, "expert");
  assert.equal(roleOf(p, "oud-president")?.word, "president");
  assert.equal(roleOf(p, "tafel"), undefined);
  assert.equal(roleOfWord(langPack("en").entities, "spokesman")?.kind, "official");
  assert.equal(roleOfWord(langPack("en").entities, "analyst")?.kind, "expert");
});

test("a word's role suffix and compound head are the ones a scan of the lexicon, longest first, finds", () => {
  // the look-ups go by the word's ending; every suffix and head of both lexicons, behind a few modifiers
  for (const lang of ["nl", "en"] as const) {
    const lex = langPack(lang).entities;
    const p = prepare(lex);
    const suffixes = [...lex.roleSuffixes].sort((a, b) => b.word.length - a.word.length);
    const heads = lex.heads.filter((h) => h.compound).sort((a, b) => b.word.length - a.word.length);
    const words = ["tafel", "woordvoerder", "defensiewoordvoerder", "Vrijheidslegioen", "persagentschap", "ab"];
    for (const x of [...suffixes.map((s) => s.word), ...heads.map((h) => h.word)]) for (const m of ["", "x", "ab", "oost", "Staats-"]) words.push(m + x);
    for (const w of words) {
      const low = w.toLowerCase();
      const head = heads.find((h) => low.length >= h.word.length + 3 && low.endsWith(h.word));
      assert.equal(compoundHead(p, w)?.head, head, `${lang} compound ${w}`);
      // a word the role table or its prefixes know is found there first; the rest by the scan of suffixes
      if (lex.roles.some((r) => low === r.word || low.endsWith("-" + r.word) || low.split("-").pop() === r.word)) continue;
      const rest = low.includes("-") && low.slice(low.lastIndexOf("-") + 1).length >= 4 ? low.slice(low.lastIndexOf("-") + 1) : low;
      const suffix = suffixes.find((s) => rest.length > s.word.length + 2 && rest.endsWith(s.word));
      assert.equal(roleOf(p, w), suffix, `${lang} role ${w}`);
    }
  }
});

test("recognition is linear on hostile input", () => {
  const text = "Aa ".repeat(20000) + "van ".repeat(20000) + "(".repeat(5000) + "De Het ".repeat(5000);
  const doc = run(text, "nl");
  assert.ok(doc.mentions.length >= 0);
});

test("places listed with a known place are places, even when no gazetteer knows them", () => {
  const doc = run("De strijders trokken door Grajvoron, Kozinka en Glotovo voordat ze zich terugtrokken.", "nl");
  for (const n of ["Grajvoron", "Kozinka", "Glotovo"]) assert.equal(byName(doc, n)?.type, "location", n);
  assert.ok(byName(doc, "Grajvoron")?.geo);
  assert.equal(byName(doc, "Glotovo")?.geo, undefined);
});

test("streets are places and a foreign film title is no person", () => {
  const doc = run("De politie sloot de Kerkstraat in Zedelgem af. Later draaide de bioscoop The Lion King.", "nl");
  assert.equal(byName(doc, "Kerkstraat")?.type, "location");
  assert.equal(byName(doc, "Zedelgem")?.type, "location");
  assert.notEqual(byName(doc, "The Lion King")?.type, "person");
});
