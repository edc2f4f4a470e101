// Linear time on hostile input (issue #12, #16): shapes that made the entities stage quadratic, at 100 KB
// through segment + entities, each within a generous bound of ordinary news text of the same size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { entities as entityStage } from "../src/pipeline/entities/index.js";
import { lowerTail } from "../src/pipeline/entities/recognize.js";
import { gazetteer } from "../src/geo/gazetteer.js";

function timed(text: string, lang: Lang): { ms: number; doc: Doc } {
  const doc = new Doc(text, { id: "d1", published: "2024-03-05T12:00:00+01:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const pack = langPack(lang);
  const t0 = performance.now();
  segmentDoc(doc, pack.segment);
  entityStage(doc, { lang: pack });
  return { ms: performance.now() - t0, doc };
}

const SIZE = 100_000;
const fill = (unit: (i: number) => string) => {
  let s = "";
  for (let i = 0; s.length < SIZE; i++) s += unit(i);
  return s;
};

// ordinary news text of our own, varied enough that names recur as they do in a long report
const news = fill((i) =>
  `De Nederlandse minister Anna Berg${i % 13} sprak dinsdag in Den Haag met generaal Peter van Dijk over de aanval op Charkiv. ` +
  `Volgens Berg${i % 13} is de situatie ernstig. Het Instituut voor Strategische Studies (ISS) meldt dat het leger troepen verplaatst. ` +
  `Woordvoerder Jan de Vries${i % 7} van de NAVO wilde niet reageren, zegt De Vries${i % 7}.\n\n`);

const hostile: Record<string, string> = {
  // one name over and over: every occurrence used to scan every other occurrence of its words
  "repeated names": fill((i) => `Jan Peeters${i % 7} zei dat Peeters${i % 7} en Marie De Smet${i % 5} het rapport lazen. `),
  "one name": fill(() => "Jan Peeters zei het. "),
  "abbreviations": fill(() => "U.S. Mr. Dr. "),
  "capitalised words": fill(() => "De Minister Van Het Land Zegt Dat Jan Peeters Komt. "),
  // a capitalised word with a long hyphenated tail, with and without a capital at its end
  "hyphenated tail": "Noord" + "-zuid".repeat(SIZE / 5) + "-Zuid.",
  "hyphenated tails": fill(() => "Noord" + "-zuid".repeat(500) + "-Zuid "),
  // many bodies sharing a head and the descriptions that point back at them
  "descriptions": fill((i) => `Het Legioen Vrijheid${i % 50} voor Rusland eiste de aanval op. Het legioen zweeg daarna. `),
  // many long names shaped like the acronyms beside them
  "acronyms": fill((i) => `Het Nationaal Instituut Onderzoek${i} (NIO) en de NIO spraken. `),
};

test("entities: hostile 100 KB texts take time in proportion to their size", () => {
  gazetteer();
  timed(news.slice(0, 20_000), "nl");
  const base = Math.min(timed(news, "nl").ms, timed(news, "nl").ms);
  for (const [name, text] of Object.entries(hostile)) {
    const { ms, doc } = timed(text, "nl");
    // generous: a loaded CI machine, and shapes denser in names than any news text
    assert.ok(ms < 10 * base + 500, `${name}: ${ms.toFixed(0)} ms for 100 KB, news text ${base.toFixed(0)} ms`);
    assert.ok(doc.entities.length >= 0);
  }
});

test("entities: the lower-case tail of a compound is found in one pass", () => {
  assert.equal(lowerTail("Poetin-regime"), 6);
  assert.equal(lowerTail("Kremlin-woordvoerder"), 7);
  assert.equal(lowerTail("Oost-Europa"), -1);
  assert.equal(lowerTail("Noord-zuid-Zuid"), -1);
  assert.equal(lowerTail("Noord-zuid-zuid"), 5);
  assert.equal(lowerTail("Noord" + "-zuid".repeat(100_000) + "-Zuid"), -1);
});

test("entities: a name repeated thousands of times is still one entity with every mention", () => {
  const { doc } = timed(fill(() => "Jan Peeters zei het. Peeters bevestigde het. "), "nl");
  const e = doc.entities.find((x) => x.name === "Jan Peeters")!;
  assert.equal(doc.entities.length, 1);
  assert.equal(e.mentions.length, doc.mentions.length);
  assert.deepEqual(e.aliases, ["Peeters"]);
});
