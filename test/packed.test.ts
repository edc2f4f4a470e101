// The tables of two dependencies packed (scripts/pack-tables.ts): the detector over eld's pack gives eld's own
// verdicts, scores and reliability (src/ingest/eldpack.ts), the transliteration over any-ascii's pack any-ascii's
// own output for every code point (src/geo/ascii.ts), and a pack made from another version is not used.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import anyAsciiItself from "any-ascii";
import { anyAscii, buildAsciiPack, readAsciiPack } from "../src/geo/ascii.js";
import { buildEldPack, loadEld, readEldPack, type Eld, type NgramsData } from "../src/ingest/eldpack.js";

const require = createRequire(import.meta.url);
const reference = (require(fileURLToPath(import.meta.resolve("eld/small"))) as { eld: Eld }).eld;
const src = fileURLToPath(import.meta.resolve("eld/small")).replace(/[\\/]entries[\\/][^\\/]+$/, "");
const table = (require(`${src}/ngrams/small.js`) as { ngramsData: NgramsData }).ngramsData;
const factory = require(`${src}/languageDetector.js`) as { createEld(): { instance: Eld; loadData(d: NgramsData): unknown } };

// news-style text of our own in the languages eld must tell apart, long and short, with accents, digits,
// other scripts and stray punctuation
const TEXTS = [
  "The coastguard said on Saturday that 240 passengers had been taken off the ferry after a fire in its engine room.",
  "Volgens de kustwacht zijn zaterdag 240 passagiers van de veerboot gehaald na een brand in de machinekamer.",
  "Die Küstenwache teilte am Samstag mit, dass 240 Passagiere nach einem Brand im Maschinenraum von Bord geholt wurden.",
  "Les garde-côtes ont déclaré samedi que 240 passagers avaient été évacués après un incendie dans la salle des machines.",
  "Los guardacostas dijeron el sábado que 240 pasajeros fueron evacuados tras un incendio en la sala de máquinas.",
  "Береговая охрана сообщила в субботу, что 240 пассажиров были эвакуированы после пожара.",
  "Two killed as storm hits the coast",
  "Twee doden bij storm",
  "Reuters — 12:40 GMT, Kharkiv/Charkiv: \"no comment\" (update 3) ... !!! ??? 😀 ok",
  "",
  "a",
  "De minister zei dinsdag in Den Haag dat het kabinet 'voorlopig' geen nieuwe maatregelen neemt; de oppositie reageerde verbolgen. ".repeat(12),
];

test("eld over the pack: the same language, scores and reliability as eld/small", () => {
  const data = readEldPack(buildEldPack(table, "stamp A"), "stamp A");
  assert.ok(data, "a pack reads back under its own stamp");
  const { instance, loadData } = factory.createEld();
  loadData(data);
  for (const t of TEXTS) {
    const a = instance.detect(t);
    const b = reference.detect(t);
    assert.equal(a.language, b.language, t);
    assert.deepEqual(a.getScores(), b.getScores(), t);
    assert.equal(a.isReliable(), b.isReliable(), t);
  }
  // every entry of the table comes back as eld holds it, absent keys stay absent
  let k = 0;
  for (const [key, entry] of Object.entries(table.ngrams)) if (k++ % 97 === 0) assert.deepEqual(data.ngrams[key], entry, key);
  assert.equal(data.ngrams["not a key"], undefined);
  assert.equal(data.ngrams[""], undefined);
});

test("eld pack: refused when made from another eld or damaged; the installed detector answers as eld/small", () => {
  const buf = buildEldPack(table, "eld 2.1.0 small 1600055");
  assert.equal(readEldPack(buf, "eld 2.2.0 small 1700000"), null);
  assert.equal(readEldPack(buf.subarray(0, buf.length - 1), "eld 2.1.0 small 1600055"), null);
  assert.equal(readEldPack(Buffer.alloc(16), "eld 2.1.0 small 1600055"), null);
  const installed = loadEld();
  for (const t of TEXTS) assert.deepEqual(installed.detect(t).getScores(), reference.detect(t).getScores(), t);
});

test("eld pack: keeps eld's separators and byte dictionary, so that telling Dutch from English loads none of eld's modules", () => {
  const { separators } = require(`${src}/regexPatterns.js`) as { separators: RegExp };
  const { dictionary } = require(`${src}/dictionary.js`) as { dictionary: string[] };
  const text = { separators: { source: separators.source, flags: separators.flags }, dictionary };
  const kept = readEldPack(buildEldPack(table, "stamp B", text), "stamp B");
  assert.deepEqual(kept?.text, text);
  const sample = "Kyjiv/Kharkiv — één, twee; ‘drie’ 2023 😀 l'état";
  assert.equal(sample.replace(new RegExp(kept!.text!.separators.source, kept!.text!.separators.flags), " "), sample.replace(separators, " "));
  // a pack made without them still reads (the detector then takes them from eld itself)
  assert.equal(readEldPack(buildEldPack(table, "stamp C"), "stamp C")?.text, undefined);
});

test("any-ascii over the pack: the same text as any-ascii for every code point and for mixed news text", () => {
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (anyAscii(c) !== anyAsciiItself(c)) assert.equal(anyAscii(c), anyAsciiItself(c), `U+${cp.toString(16)}`);
  }
  for (const t of ["Zelenskyy — «Харків» 2023", "Oekraïne’s ‘president’ Зеленський in Kyjiv", "Łódź, Kraków & Gdańsk…", "😀 naïve café ﬁre", "\ud800 lone"]) {
    assert.equal(anyAscii(t), anyAsciiItself(t), t);
  }
});

test("any-ascii pack: refused when made from another any-ascii or damaged", () => {
  const table = (n: number) => (n === 0 ? "a\tb" : "");
  const buf = buildAsciiPack(table, "any-ascii 0.3.3 534895");
  const t = readAsciiPack(buf, "any-ascii 0.3.3 534895");
  assert.ok(t);
  assert.equal(t(0), "a\tb");
  assert.equal(t(0x10ff), "");
  assert.equal(readAsciiPack(buf, "any-ascii 0.4.0 600000"), null);
  assert.equal(readAsciiPack(buf.subarray(0, buf.length - 1), "any-ascii 0.3.3 534895"), null);
});
