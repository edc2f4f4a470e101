import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Claim, type Mention } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { times } from "../src/pipeline/times/index.js";
import { counts } from "../src/pipeline/counts/index.js";
import { buildEvents } from "../src/pipeline/events/index.js";

// Events are looked up by type, speaker and day through per-group indexes, not by a scan of all events:
// these pin the order the scan gave (the first event with the claim's day or none; any, for a claim without one).
function docOf(sentences: string[]) {
  const text = sentences.join(" ");
  const doc = new Doc(text, { id: "d1", published: "2023-05-23T17:00:00+02:00", publishedFrom: "flag", language: "en", languageFrom: "flag" });
  const pack = langPack("en");
  segmentDoc(doc, pack.segment);
  let at = 0;
  sentences.forEach((s, k) => {
    const start = text.indexOf(s, at);
    at = start + s.length;
    doc.claims.push({ id: `c${k + 1}`, start, end: start + s.length - 1, sentence: doc.sentenceAt(start), text: s.slice(0, -1), status: "established", source: null, cue: null, quote: false, entities: [] } as Claim);
  });
  times(doc, { lang: pack });
  counts(doc, { lang: pack });
  return doc;
}

test("claims join the first event of their day or one without a day, in the order of the scan", () => {
  const doc = docOf([
    "Rebels launched an attack on the town.",
    "The attack took place on 3 May 2023.",
    "Another attack followed on 4 May 2023.",
    "The attack was condemned.",
    "An attack hit the market on 4 May 2023.",
  ]);
  const evs = buildEvents(doc, langPack("en").events, langPack("en").times).filter((e) => e.type === "attack");
  assert.deepEqual(
    evs.map((e) => [e.claims, e.time]),
    [
      [["c1", "c2", "c4"], "2023-05-03"],
      [["c3", "c5"], "2023-05-04"],
    ],
  );
});

test("many dated claims and many names stay one event per day, names once each", () => {
  const days = Array.from({ length: 300 }, (_, k) => `An attack hit the town on ${(k % 29) + 1} ${k % 2 ? "May" : "June"} 2022.`);
  const doc = docOf(days);
  // a name in every claim, forty in all
  doc.claims.forEach((c, k) => {
    doc.mentions.push({ start: c.start, end: c.start + 2, text: "An", type: "group", entity: `g${k % 40}` } as Mention);
  });
  const evs = buildEvents(doc, langPack("en").events, langPack("en").times).filter((e) => e.type === "attack");
  assert.equal(evs.length, 58);
  assert.equal(new Set(evs.map((e) => e.time)).size, 58);
  for (const e of evs) assert.equal(new Set(e.actors).size, e.actors.length);
  assert.equal(evs.reduce((n, e) => n + e.claims.length, 0), 300);
  // the first event (1 June 2022) holds claims 0, 58, 116 …
  assert.deepEqual(evs[0]!.claims.slice(0, 3), ["c1", "c59", "c117"]);
});

test("an event of many names keeps each once, in the order first seen", () => {
  const doc = docOf(Array.from({ length: 60 }, () => "An attack hit the town."));
  doc.claims.forEach((c, k) => {
    doc.mentions.push({ start: c.start, end: c.start + 2, text: "An", type: "group", entity: `g${k % 25}` } as Mention);
    doc.mentions.push({ start: c.end - 4, end: c.end, text: "town", type: "location", entity: `p${(k * 7) % 30}` } as Mention);
  });
  const [ev] = buildEvents(doc, langPack("en").events, langPack("en").times).filter((e) => e.type === "attack");
  assert.deepEqual(ev!.actors, Array.from({ length: 25 }, (_, k) => `g${k}`));
  assert.deepEqual(ev!.locations, Array.from({ length: 30 }, (_, k) => `p${(k * 7) % 30}`));
  assert.equal(ev!.claims.length, 60);
});
