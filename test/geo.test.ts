import { test } from "node:test";
import assert from "node:assert/strict";
import { spellingKey, withinOneEdit } from "../src/geo/spelling.js";
import { gazetteer, lookupName } from "../src/geo/gazetteer.js";
import { geocodeAll } from "../src/geo/geocode.js";

test("spelling keys fold transliteration schemes together", () => {
  const same = (a: string, b: string) => assert.equal(spellingKey(a), spellingKey(b), `${a} ~ ${b}`);
  same("Grajvoron", "Graivoron");
  same("Grajvoron", "Grayvoron");
  same("Grajvoron", "Грайворон");
  same("Poetin", "Putin");
  same("Medwedew", "Medvedev");
  same("Charkiv", "Kharkiv");
  same("Tsjernihiv", "Chernihiv");
  same("Zjytomyr", "Zhytomyr");
  same("Oekraïne", "Ukraine");
  assert.notEqual(spellingKey("Belgorod"), spellingKey("Borisovka"));
});

test("one edit apart, and no more", () => {
  assert.ok(withinOneEdit("boriskovka", "borisovka"));
  assert.ok(withinOneEdit("bohoduhov", "bohoduhiv"));
  assert.ok(!withinOneEdit("bohoduhov", "bohodov"));
  assert.ok(!withinOneEdit("kiev", "kharkiv"));
});

test("the gazetteer knows places, regions and countries by their Dutch and English names", () => {
  const kyiv = lookupName("Kyiv").find((e) => e.kind === "place")!;
  assert.equal(kyiv.country, "UA");
  assert.ok(kyiv.population > 1_000_000);
  for (const n of ["Kiev", "Kiew", "Київ"]) assert.ok(lookupName(n).some((e) => e.geonameId === kyiv.geonameId), n);
  assert.ok(lookupName("Oekraïne").some((e) => e.kind === "country" && e.country === "UA"));
  assert.ok(lookupName("Rusland").some((e) => e.kind === "country" && e.country === "RU"));
  assert.ok(lookupName("Duitsland").some((e) => e.kind === "country" && e.country === "DE"));
  assert.ok(lookupName("Belgorod").some((e) => e.kind === "admin1" && e.country === "RU"));
  assert.ok(lookupName("Den Haag").some((e) => e.kind === "place" && e.country === "NL"));
  assert.equal(lookupName("Zwartebroekhoeve").length, 0);
  assert.ok(gazetteer().size > 100_000);
});

test("geocoding reads a name in the light of the other places of the report", () => {
  // Moscow, Idaho exists too; a report on Russia means the Russian capital
  const [moskou] = geocodeAll([{ names: ["Moskou"] }, { names: ["Rusland"] }]);
  assert.equal(moskou?.country, "RU");
  // a region named by the report makes a small town in it beat a bigger namesake elsewhere
  const withRegion = geocodeAll([{ names: ["Charkiv"], regionHint: true }, { names: ["Zolochiv"] }]);
  assert.equal(withRegion[1]?.country, "UA");
  assert.equal(withRegion[1]?.admin1, withRegion[0]?.admin1);
});

test("a one-letter slip is forgiven only for a long name inside a region the report names", () => {
  const inRegion = geocodeAll([{ names: ["Charkiv"] }, { names: ["Bohodoechov"] }]);
  assert.equal(inRegion[1]?.name, "Bohodukhiv");
  const noRegion = geocodeAll([{ names: ["Bohodoechov"] }]);
  assert.equal(noRegion[0], null);
  // short names are never guessed at
  const short = geocodeAll([{ names: ["Charkiv"] }, { names: ["Izjoem"] }, { names: ["Izjom"] }]);
  assert.equal(short[1]?.country, "UA");
  assert.equal(short[2], null);
});

test("a region's towns above a floor of inhabitants are its places of that size, in the same order, as the same entries", () => {
  const g = gazetteer();
  // Noord-Holland and New York hold villages of a few hundred beside their towns
  for (const [cc, a1] of [["NL", "07"], ["US", "NY"]] as const) {
    const all = g.placesIn(cc, a1);
    const towns = g.placesIn(cc, a1, 1000);
    const expected = all.filter((e) => e.population >= 1000);
    assert.ok(expected.length > 0 && expected.length < all.length, `${cc}.${a1} has towns and villages`);
    assert.equal(towns.length, expected.length, `${cc}.${a1}: only the towns`);
    towns.forEach((e, i) => assert.equal(e, expected[i], `${cc}.${a1}: town ${i} is the entry the whole list holds`));
  }
  // the floor leaves the whole list as it was
  assert.equal(g.placesIn("NL", "07").length, g.placesIn("NL", "07", 0).length);
});

test("an unknown name is never given coordinates", () => {
  assert.deepEqual(geocodeAll([{ names: ["Zwartebroekhoeve"] }, { names: ["Oekraïne"] }])[0], null);
});
