import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Claim, type Lang, type Mention, type Entity } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { times } from "../src/pipeline/times/index.js";
import { counts } from "../src/pipeline/counts/index.js";
import { buildEvents, findTriggers, EVENT_TYPES, EVENT_TYPE_INFO } from "../src/pipeline/events/index.js";

// A document built by hand: claims, entities and mentions as the earlier stages would leave them.
function docWith(lang: Lang, text: string, claims: Partial<Claim>[], names: [string, Entity["type"]][] = []) {
  const doc = new Doc(text, { id: "d1", published: "2023-05-23T17:00:00+02:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const pack = langPack(lang);
  segmentDoc(doc, pack.segment);
  names.forEach(([name, type], k) => {
    const id = `e${k + 1}`;
    const mentions: number[] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      mentions.push(doc.mentions.length);
      doc.mentions.push({ start: at, end: at + name.length, text: name, type, entity: id } as Mention);
    }
    doc.entities.push({ id, type, name, aliases: [], key: name.toLowerCase(), mentions });
  });
  claims.forEach((c, k) => {
    const start = text.indexOf(c.text!);
    doc.claims.push({ id: `c${k + 1}`, start, end: start + c.text!.length, sentence: doc.sentenceAt(start), status: "established", source: null, cue: null, quote: false, entities: [], ...c } as Claim);
  });
  times(doc, { lang: pack });
  counts(doc, { lang: pack });
  return doc;
}

test("every event type is documented with its ACLED mapping", () => {
  for (const t of EVENT_TYPES) assert.ok(EVENT_TYPE_INFO[t].label, t);
  assert.equal(EVENT_TYPE_INFO.strike.acled?.type, "Explosions/Remote violence");
  assert.equal(EVENT_TYPE_INFO.arrest.acled?.subTypes[0], "Arrests");
});

test("nl: triggers, including split verbs and compounds", () => {
  const types = (s: string) => findTriggers(s, langPack("nl").events).map((t) => t.type);
  assert.deepEqual(types("Opstandelingen vielen de grensregio gisterochtend vanuit Oekraïne binnen."), ["attack"]);
  assert.deepEqual(types("Een raketaanval trof de haven."), ["strike"]);
  assert.deepEqual(types("De anti-terreuroperatie is nog in volle gang."), ["operation"]);
  assert.deepEqual(types("Twee groepen hebben de aanval opgeëist."), ["attack", "claim_of_responsibility"]);
  assert.deepEqual(types("Er werden explosieven gevonden bij een kantoor."), ["explosion"]);
});

test("en: triggers", () => {
  const types = (s: string) => findTriggers(s, langPack("en").events).map((t) => t.type);
  assert.deepEqual(types("Artillery shelling hit the town overnight."), ["strike", "strike"]);
  assert.deepEqual(types("The legion claimed responsibility for the raid."), ["claim_of_responsibility", "attack"]);
  assert.deepEqual(types("Hundreds of residents were evacuated."), ["evacuation"]);
});

test("nl: an attack with its actor, place, time and figures", () => {
  const text = "Gewapende strijders van het Legioen vielen gisterochtend Grajvoron binnen. Rusland zegt dat er een dode en twaalf gewonden zijn gevallen.";
  const doc = docWith("nl", text, [
    { text: "Gewapende strijders van het Legioen vielen gisterochtend Grajvoron binnen" },
    { text: "er een dode en twaalf gewonden zijn gevallen", status: "claimed", source: { name: "Rusland", entity: "e3", kind: "party" } },
  ], [["Legioen", "group"], ["Grajvoron", "location"], ["Rusland", "location"]]);
  const evs = buildEvents(doc, langPack("nl").events);
  const attack = evs.find((e) => e.type === "attack")!;
  assert.deepEqual(attack.claims, ["c1"]);
  assert.deepEqual(attack.actors, ["e1"]);
  assert.deepEqual(attack.locations, ["e2"]);
  assert.equal(attack.time, "2023-05-22TMO");
  const cas = evs.find((e) => e.type === "casualties")!;
  assert.deepEqual(cas.claims, ["c2"]);
  assert.deepEqual(cas.counts?.map((i) => [doc.counts[i]!.kind, doc.counts[i]!.value]), [["killed", 1], ["wounded", 12]]);
});

test("en: denial, statement and arrest; unknowns report no event", () => {
  const text = "Kyiv denied any role in the raid. The governor said the situation was calm. Police arrested three men on Monday. It is unclear whether troops were evacuated.";
  const doc = docWith("en", text, [
    { text: "any role in the raid", status: "denied", source: { name: "Kyiv", entity: "e1", kind: "party" } },
    { text: "the situation was calm", status: "claimed", source: { name: "governor", kind: "official" } },
    { text: "Police arrested three men on Monday" },
    { text: "troops were evacuated", status: "unknown" },
  ], [["Kyiv", "location"], ["Police", "organization"]]);
  const evs = buildEvents(doc, langPack("en").events);
  const byType = new Map(evs.map((e) => [e.type, e]));
  assert.ok(byType.get("denial")!.claims.includes("c1"));
  assert.ok(byType.get("denial")!.actors.includes("e1"));
  assert.deepEqual(byType.get("statement")!.claims, ["c2"]);
  assert.equal(byType.get("arrest")!.time, "2023-05-22");
  assert.ok(!byType.has("evacuation"));
});

test("claims of one type on different days are different events", () => {
  const text = "A drone strike hit Belgorod on Monday. Another drone strike hit Kursk on Wednesday.";
  const doc = docWith("en", text, [{ text: "A drone strike hit Belgorod on Monday" }, { text: "Another drone strike hit Kursk on Wednesday" }], [["Belgorod", "location"], ["Kursk", "location"]]);
  const strikes = buildEvents(doc, langPack("en").events).filter((e) => e.type === "strike");
  assert.equal(strikes.length, 2);
  assert.deepEqual(strikes.map((e) => e.locations), [["e1"], ["e2"]]);
});

test("without claims, sentences are the units", () => {
  const doc = docWith("nl", "In Belgorod klonken gisteravond explosies.", [], [["Belgorod", "location"]]);
  const evs = buildEvents(doc, langPack("nl").events);
  assert.deepEqual(evs.map((e) => [e.type, e.time, e.locations]), [["explosion", "2023-05-22TEV", ["e1"]]]);
});

test("a time right after the cue dates the saying, not the casualties or the attack", () => {
  const text = "Twaalf mensen kwamen om bij de aanval, zei de burgemeester dinsdag.";
  const cueAt = text.indexOf("zei");
  const doc = docWith("nl", text, [{ text: text.slice(0, -1), source: { name: "de burgemeester", kind: "official" }, cue: { start: cueAt, end: cueAt + 3, text: "zei" } }]);
  const ev = buildEvents(doc, langPack("nl").events, langPack("nl").times);
  const cas = ev.find((e) => e.type === "casualties");
  assert.ok(cas, JSON.stringify(ev));
  assert.equal(cas.time, undefined);
  const en = "Two people were killed on Monday, police said on Tuesday.";
  const cue = en.indexOf("said");
  const d2 = docWith("en", en, [{ text: en.slice(0, -1), source: { name: "police", kind: "official" }, cue: { start: cue, end: cue + 4, text: "said" } }]);
  const e2 = buildEvents(d2, langPack("en").events, langPack("en").times);
  assert.deepEqual(e2.map((e) => [e.type, e.time]), [["casualties", "2023-05-22"]]);
  // what is said is dated by the saying
  const st = "The minister said on Friday that the talks had failed.";
  const c3 = st.indexOf("said");
  const d3 = docWith("en", st, [{ text: st.slice(0, -1), source: { name: "The minister", kind: "official" }, cue: { start: c3, end: c3 + 4, text: "said" } }]);
  assert.deepEqual(buildEvents(d3, langPack("en").events, langPack("en").times).map((e) => [e.type, e.time]), [["statement", "2023-05-19"]]);
});

test("a claim without a date of its own takes one said earlier in its sentence, never one after it", () => {
  const text = "On Monday, officials in Belgorod said a drone strike hit the power station. A drone strike hit the fuel depot before the talks on Friday.";
  const doc = docWith("en", text, [{ text: "a drone strike hit the power station" }, { text: "A drone strike hit the fuel depot" }], [["Belgorod", "location"]]);
  const strikes = buildEvents(doc, langPack("en").events, langPack("en").times).filter((e) => e.type === "strike");
  assert.deepEqual(strikes.map((e) => [e.claims, e.time]), [[["c1", "c2"], "2023-05-22"]]);
  // an event with no time and no trigger word carries neither key
  const bare = buildEvents(docWith("en", "The governor said the situation was calm.", [{ text: "the situation was calm", status: "claimed", source: { name: "governor", kind: "official" } }]), langPack("en").events);
  assert.deepEqual(Object.keys(bare[0]!), ["id", "type", "claims", "actors", "locations"]);
});
