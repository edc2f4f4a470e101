import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc, EntityType, Lang } from "../src/model/doc.js";
import { conceptsOf } from "../src/ledger/concepts.js";
import { fuseEntities, type EntityRecord } from "../src/ledger/entityfusion.js";

// Entities across reports and the language-free concepts of claims, on names and sentences of our own.
let n = 0;
function rec(name: string, type: EntityType, lang: Lang, o: Partial<EntityRecord> = {}): EntityRecord {
  const doc = o.doc ?? `d${++n}`;
  return { id: `${doc}/e1`, doc, lang, type, name, aliases: [], roles: [], ...o };
}
function together(records: EntityRecord[], ...names: string[]): boolean {
  const f = fuseEntities(records);
  const ks = names.map((x) => f.clusterOf.get(records.find((r) => r.name === x)!.id)!.key);
  return new Set(ks).size === 1;
}

test("entities: spellings, transliterations and the two languages of one name fuse; different ones stay apart", () => {
  const rs = [
    rec("Vladimir Poetin", "person", "nl"),
    rec("Vladimir Putin", "person", "en"),
    rec("Poetin", "person", "nl"),
    rec("Kiev", "location", "en"),
    rec("Kyiv", "location", "en"),
    rec("Andriy Yusov", "person", "en"),
    rec("Joesov", "person", "nl"),
    rec("Moammar Gadhafi", "person", "en"),
    rec("Kadhafi", "other", "nl"),
    rec("Islamitische Staat", "group", "nl"),
    rec("Islamic State", "organization", "en"),
    rec("ISIS-K", "group", "en"),
  ];
  assert.ok(together(rs, "Vladimir Poetin", "Vladimir Putin", "Poetin"));
  assert.ok(together(rs, "Kiev", "Kyiv"));
  assert.ok(together(rs, "Andriy Yusov", "Joesov"), "a surname alone joins the one full name ending in it");
  assert.ok(together(rs, "Moammar Gadhafi", "Kadhafi"), "romanisations of one Arabic name");
  assert.ok(together(rs, "Islamitische Staat", "Islamic State"));
  assert.ok(!together(rs, "Islamic State", "ISIS-K"), "the branch is not the group");
  assert.ok(!together(rs, "Vladimir Putin", "Andriy Yusov"));
});

test("entities: an institution named by what it is, in either language, is one body per country", () => {
  const rs = [
    rec("Poolse ministerie van Buitenlandse Zaken", "organization", "nl"),
    rec("Poland's foreign ministry", "organization", "en"),
    rec("ministerie van Buitenlandse Zaken", "organization", "nl"),
    rec("Litouwse ministerie van Defensie", "organization", "nl"),
    rec("Lithuanian Defence Ministry", "organization", "en"),
    rec("Libische Rode Halve Maan", "organization", "nl"),
    rec("Libyan Red Crescent", "organization", "en"),
  ];
  assert.ok(together(rs, "Poolse ministerie van Buitenlandse Zaken", "Poland's foreign ministry"));
  assert.ok(together(rs, "Litouwse ministerie van Defensie", "Lithuanian Defence Ministry"));
  assert.ok(together(rs, "Libische Rode Halve Maan", "Libyan Red Crescent"));
  assert.ok(together(rs, "ministerie van Buitenlandse Zaken", "Poland's foreign ministry"), "without a country it joins the only foreign ministry");
  assert.ok(!together(rs, "Poland's foreign ministry", "Lithuanian Defence Ministry"));
});

test("entities: a surname shared by two full names joins neither; an acronym joins the long name it abbreviates", () => {
  const rs = [
    rec("Anna Berg", "person", "en"),
    rec("Peter Berg", "person", "en"),
    rec("Berg", "person", "nl"),
    rec("United Nations Office for the Coordination of Humanitarian Affairs", "organization", "en"),
    rec("OCHA", "organization", "nl"),
  ];
  const f = fuseEntities(rs);
  assert.equal(new Set(rs.slice(0, 3).map((r) => f.clusterOf.get(r.id)!.key)).size, 3);
  assert.ok(together(rs, "United Nations Office for the Coordination of Humanitarian Affairs", "OCHA"));
});

test("entities: a role with its body names the person who holds it in another report", () => {
  const rs = [
    rec("Marta Kowalska", "person", "en", { roles: ["Polish foreign minister"] }),
    rec("Poolse minister van Buitenlandse Zaken", "other", "nl"),
  ];
  assert.ok(together(rs, "Marta Kowalska", "Poolse minister van Buitenlandse Zaken"));
  void ({} as Doc);
});

// each concept once, in the order first said
const c = (text: string, lang: Lang) => [...new Set(conceptsOf(text, lang).map((h) => (h.neg ? "!" : "") + h.concept))];

test("concepts: what a claim says, language-free, with the negation on what happens", () => {
  assert.deepEqual(c("Neither of the pipelines was active on Monday", "en"), ["n:pipeline", "!v:operate"]);
  assert.deepEqual(c("Beide leidingen lagen stil", "nl"), ["n:pipeline", "!v:operate"]);
  assert.deepEqual(c("De raket was het gevolg van een luchtafweerraket", "nl").sort(), ["n:air-defence", "n:missile", "v:cause"].sort());
  // "niets met … te maken" negates the involvement, not the attack it names
  assert.deepEqual(c("Het land zegt niets met de aanslag in de hoofdstad te maken te hebben", "nl").sort(), ["!v:involve", "v:attack"].sort());
  assert.deepEqual(c("The group claimed responsibility for the bombing", "en").sort(), ["s:claim-responsibility", "v:explode"].sort());
  assert.deepEqual(c("Two people died and three were wounded", "en"), ["v:kill", "v:wound"]);
  assert.deepEqual(c("Bij de schietpartij kwamen twee agenten om het leven", "nl").sort(), ["n:police", "v:kill", "v:shoot"].sort());
});

test("entities: a named storm called by its name alone in another report is the storm; a person of another name is not", () => {
  const rs = [
    rec("Storm Xaver", "other", "en", { aliases: ["storm Xaver"] }),
    rec("orkaan Xaver", "other", "nl"),
    rec("Xaver", "person", "nl"),
    rec("Helga Brandt", "person", "en"),
  ];
  assert.ok(together(rs, "Storm Xaver", "Xaver"));
  assert.ok(together(rs, "orkaan Xaver", "Xaver"));
  assert.ok(!together(rs, "Xaver", "Helga Brandt"));
});

test("entities: one word no gazetteer knows, read as a place, joins the one person whose surname it spells", () => {
  const rs = [
    rec("Osama Hamad", "person", "en"),
    rec("Hamada", "location", "nl"),
    rec("Derna", "location", "nl", { geo: "geo:87205" }),
    rec("Anna Derner", "person", "en"),
  ];
  assert.ok(together(rs, "Osama Hamad", "Hamada"), "a transliteration of the surname");
  assert.ok(!together(rs, "Derna", "Anna Derner"), "a place the gazetteer knows stays a place");
});
