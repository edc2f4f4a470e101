// The classes of issue #10 "who and where", each in Dutch and English sentences of our own: exact mention
// spans, which names are one entity, what is no entity, and where places are.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Entity, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { entities as entityStage } from "../src/pipeline/entities/index.js";

function run(text: string, lang: Lang): Doc {
  const doc = new Doc(text, { id: "d1", published: "2024-03-05T12:00:00+01:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const pack = langPack(lang);
  segmentDoc(doc, pack.segment);
  entityStage(doc, { lang: pack });
  return doc;
}
const named = (doc: Doc, name: string): Entity | undefined => doc.entities.find((e) => e.name === name || e.aliases.includes(name));
const texts = (doc: Doc, e: Entity) => e.mentions.map((i) => doc.mentions[i]!.text);
const mentionTexts = (doc: Doc) => doc.mentions.map((m) => m.text);
/** The entity of the mention that starts where `text` first occurs in the document. */
const at = (doc: Doc, text: string): Entity | undefined => {
  const start = doc.text.indexOf(text);
  const m = doc.mentions.find((x) => x.start === start && x.end === start + text.length);
  return m?.entity ? doc.entityById(m.entity) : undefined;
};
const km = (a: { lat: number; lon: number }, lat: number, lon: number) => {
  const r = Math.PI / 180;
  const h = Math.sin(((lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(lat * r) * Math.sin(((lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};

test("names with particles and function words: Dutch", () => {
  const doc = run(
    "Premier Luís Montenegro ontving gisteren president Marcelo Rebelo de Sousa. Later sprak Rebelo de Sousa met de pers. " +
      "Volgens bewoner Khaled al-Mansouri kwam het water snel; ook in Al Jabal al Akhdar viel veel regen. " +
      "Het Internationaal Comité van het Rode Kruis stuurde hulp.",
    "nl",
  );
  const sousa = at(doc, "Marcelo Rebelo de Sousa")!;
  assert.equal(sousa.type, "person");
  assert.deepEqual(texts(doc, sousa), ["Marcelo Rebelo de Sousa", "Rebelo de Sousa"]);
  assert.ok(at(doc, "Khaled al-Mansouri"), "al-Mansouri belongs to the name");
  assert.ok(at(doc, "Al Jabal al Akhdar"));
  assert.equal(at(doc, "Internationaal Comité van het Rode Kruis")?.type, "organization");
  // the name is not split at its particle, nor is its last part a place of its own
  assert.equal(named(doc, "Sousa"), undefined);
});

test("names with particles and function words: English", () => {
  const doc = run(
    "The International Committee of the Red Cross said on Monday that Osama bin Laden's former compound was empty. " +
      "Resident Marie el-Haddad told reporters the water rose fast. The Legion of Free Russia claimed the raid.",
    "en",
  );
  assert.equal(at(doc, "International Committee of the Red Cross")?.type, "organization");
  assert.ok(at(doc, "Osama bin Laden"));
  assert.ok(at(doc, "Marie el-Haddad"));
  assert.equal(at(doc, "Legion of Free Russia")?.type, "group");
});

test("a foreign 'and' inside a name, a number after a name: Dutch and English", () => {
  const nl = run("De vakantieketen Pierre et Vacances neemt Center Parcs over. Radio 1 en Nord Stream 2 kwamen ook ter sprake.", "nl");
  assert.ok(at(nl, "Pierre et Vacances"));
  assert.ok(at(nl, "Radio 1"));
  assert.ok(at(nl, "Nord Stream 2"));
  const en = run("Both the Nord Stream 1 and Nord Stream 2 pipelines lost pressure, operators said. In Geel 2 0 1 the table went on.", "en");
  assert.ok(at(en, "Nord Stream 1"));
  assert.ok(at(en, "Nord Stream 2"));
  // a town in a table of figures takes no number
  assert.ok(!mentionTexts(en).includes("Geel 2"));
});

test("storms are named with their kind: Dutch and English", () => {
  const nl = run("De overstromingen werden veroorzaakt door storm Daniel. Volgens meteorologen was Daniel uitzonderlijk krachtig.", "nl");
  const daniel = at(nl, "storm Daniel")!;
  assert.equal(daniel.type, "other");
  assert.deepEqual(texts(nl, daniel), ["storm Daniel", "Daniel"]);
  const en = run("Damage from Hurricane Ian was still being counted when Storm Ciarán hit northern France.", "en");
  assert.equal(at(en, "Hurricane Ian")?.type, "other");
  assert.equal(at(en, "Storm Ciarán")?.type, "other");
});

test("title and name: the titled form is an alias, the bare name the same person", () => {
  const nl = run(
    "Koning Filip van België belde dinsdag met de premier. Filip sprak zijn medeleven uit. " +
      "Ook generaal Khalifa Haftar reageerde. Haftar beloofde hulp. President Duda riep de veiligheidsraad bijeen; Duda sprak van een incident.",
    "nl",
  );
  const filip = at(nl, "Filip van België")!;
  assert.deepEqual(texts(nl, filip), ["Filip van België", "Filip"]);
  assert.ok(filip.aliases.includes("Koning Filip van België"));
  const haftar = at(nl, "Khalifa Haftar")!;
  assert.deepEqual(texts(nl, haftar), ["Khalifa Haftar", "Haftar"]);
  assert.ok(haftar.aliases.includes("generaal Khalifa Haftar"));
  const duda = at(nl, "Duda")!;
  assert.ok(duda.aliases.includes("President Duda"));
  assert.equal(duda.mentions.length, 2);
  const en = run("Governor Anna Berg said the dam had failed. Later Berg asked for help. Vladimir Putin spoke; Putin blamed Kyiv.", "en");
  const berg = at(en, "Anna Berg")!;
  assert.deepEqual(texts(en, berg), ["Anna Berg", "Berg"]);
  assert.ok(berg.aliases.includes("Governor Anna Berg"));
  assert.deepEqual(texts(en, at(en, "Vladimir Putin")!), ["Vladimir Putin", "Putin"]);
});

test("a title of several words stays whole in the titled alias, never half of it", () => {
  const en = run("The alliance would respond, NATO Secretary General Marta Lindqvist told reporters. Lindqvist did not say how.", "en");
  const lindqvist = at(en, "Marta Lindqvist")!;
  assert.ok(lindqvist.aliases.includes("NATO Secretary General Marta Lindqvist"), lindqvist.aliases.join(" | "));
  assert.ok(!lindqvist.aliases.includes("General Marta Lindqvist"));
  const nl = run("Volgens de Poolse vice-premier Tomasz Walczak is er geen reden tot paniek.", "nl");
  assert.ok(!at(nl, "Tomasz Walczak")!.aliases.some((a) => a.startsWith("premier ")));
});

test("a role description in apposition is a name of the person", () => {
  const en = run("Norway's Foreign Minister, Espen Barth Eide, said the talks would go on.", "en");
  assert.ok(at(en, "Espen Barth Eide")!.aliases.includes("Norway's Foreign Minister"));
  const nl = run("Dat zei de presidentiële adviseur van Kiev, Mikhaylo Podolyak, op Telegram.", "nl");
  assert.ok(at(nl, "Mikhaylo Podolyak")!.aliases.includes("presidentiële adviseur van Kiev"));
});

test("an acronym in parentheses joins its name, also when it abbreviates the tail of it", () => {
  const en = run(
    "The United Nations Office for the Coordination of Humanitarian Affairs (OCHA) revised its figures. OCHA said more help was needed.",
    "en",
  );
  const ocha = at(en, "United Nations Office for the Coordination of Humanitarian Affairs")!;
  assert.deepEqual(texts(en, ocha), ["United Nations Office for the Coordination of Humanitarian Affairs", "OCHA", "OCHA"]);
  const nl = run("Het Orgaan voor de Coördinatie en de Analyse van de Dreiging (OCAD) verhoogde het niveau. Volgens het OCAD blijft de dreiging groot.", "nl");
  assert.deepEqual(texts(nl, at(nl, "Orgaan voor de Coördinatie en de Analyse van de Dreiging")!), ["Orgaan voor de Coördinatie en de Analyse van de Dreiging", "OCAD", "OCAD"]);
});

test("known names that are one entity: IS = Islamitische Staat, UN = United Nations", () => {
  const nl = run("Islamitische Staat eiste de aanslag op. Het is niet de eerste keer dat IS zich meldt. De VN en de Verenigde Naties zijn één.", "nl");
  const is = at(nl, "Islamitische Staat")!;
  assert.deepEqual(texts(nl, is), ["Islamitische Staat", "IS"]);
  assert.equal(at(nl, "VN"), at(nl, "Verenigde Naties"));
  const en = run("Islamic State claimed the attack through its Amaq agency; IS has done so before. The United Nations said the UN would help.", "en");
  assert.deepEqual(texts(en, at(en, "Islamic State")!), ["Islamic State", "IS"]);
  assert.equal(at(en, "United Nations"), at(en, "UN"));
});

test("two names joined by en/and are two entities", () => {
  const nl = run("Jan Peeters en Marie Claes verlieten het gebouw. Peeters en Claes zijn ongedeerd.", "nl");
  assert.notEqual(at(nl, "Jan Peeters"), at(nl, "Marie Claes"));
  assert.deepEqual(texts(nl, at(nl, "Jan Peeters")!), ["Jan Peeters", "Peeters"]);
  assert.deepEqual(texts(nl, at(nl, "Marie Claes")!), ["Marie Claes", "Claes"]);
  const en = run("Sweden and Denmark opened inquiries; Mats Ljungqvist and Björn Lund led them.", "en");
  assert.notEqual(at(en, "Sweden"), at(en, "Denmark"));
  assert.notEqual(at(en, "Mats Ljungqvist"), at(en, "Björn Lund"));
});

test("state bodies named by a country adjective: Dutch needs a qualifier, English services stand bare", () => {
  const nl = run(
    "De Duitse geologische dienst mat twee trillingen. Het Russische ministerie van Defensie ontkende. " +
      "De Oost-Libische regering riep de noodtoestand uit, terwijl de Britse regering zweeg. De Zweedse nationale omroep SVT meldde het eerst; SVT citeerde de politie.",
    "nl",
  );
  assert.equal(at(nl, "Duitse geologische dienst")?.type, "organization");
  assert.equal(at(nl, "Russische ministerie van Defensie")?.type, "organization");
  assert.equal(at(nl, "Oost-Libische regering")?.type, "organization");
  assert.ok(!mentionTexts(nl).includes("Britse regering"));
  assert.deepEqual(texts(nl, at(nl, "Zweedse nationale omroep SVT")!), ["Zweedse nationale omroep SVT", "SVT"]);
  const en = run("A Ukrainian air force spokesman said the British navy was not involved, while the Russian government blamed Kyiv.", "en");
  assert.ok(at(en, "Ukrainian air force"));
  assert.ok(at(en, "British navy"));
  assert.ok(!mentionTexts(en).includes("Russian government"));
});

test("nationality and creed words, months, weekdays and AM/PM are no entities", () => {
  const en = run("A Tunisian man and two Egyptians were held. Islamist groups praised it. On Sept. 26 at 10 AM, Danish officials spoke. The vote is on Wed. 4 June.", "en");
  for (const w of ["Tunisian", "Egyptians", "Islamist", "Sept", "AM", "Danish", "Wed"]) assert.ok(!mentionTexts(en).includes(w), w);
  const nl = run("De Tunesiër sprak Arabisch. Op wo 12 juni en op 3 okt. om 10 uur zaten de Oekraïners en Syriërs samen.", "nl");
  for (const w of ["Tunesiër", "Arabisch", "wo", "okt", "Oekraïners", "Syriërs"]) assert.ok(!mentionTexts(nl).includes(w), w);
});

test("a word that is also a far-away town is no place without support from the text", () => {
  // Hamada is a town in Japan; in a report on Libya it is a name, not that town
  const nl = run("In Libië regeert in het oosten de regering van Hamada. Hamada wordt niet erkend. Derna ligt in Libië.", "nl");
  assert.equal(at(nl, "Hamada")?.geo, undefined);
  assert.equal(at(nl, "Derna")?.geo?.country, "LY");
  // with a locative the text supports it
  const en = run("Japan sent help. The ship left from Hamada on Monday, officials in Japan said.", "en");
  assert.equal(at(en, "Hamada")?.geo?.country, "JP");
});

test("seas and islands, with Dutch exonyms", () => {
  const nl = run("De lekken liggen in de Oostzee, bij het Deense eiland Bornholm. Ook in de Noordzee wordt gezocht.", "nl");
  const oostzee = at(nl, "Oostzee")!;
  assert.ok(km(oostzee.geo!, 58.5, 19.5) < 200, "Oostzee is the Baltic Sea");
  assert.ok(km(at(nl, "Bornholm")!.geo!, 55.13, 14.92) < 20);
  assert.equal(at(nl, "Noordzee")?.type, "location");
  const en = run("The pipeline runs under the Baltic Sea from Russia to Germany, past Bornholm.", "en");
  assert.equal(at(en, "Baltic Sea")!.key, oostzee.key, "one key for both languages");
});

test("districts and villages of the 2023 gazetteer: Schaarbeek and Schaerbeek", () => {
  const nl = run("De verdachte werd in Schaarbeek doodgeschoten, meldt de politie in Brussel.", "nl");
  const en = run("The suspect was shot dead in Schaerbeek, police in Brussels said.", "en");
  const a = at(nl, "Schaarbeek")!.geo!, b = at(en, "Schaerbeek")!.geo!;
  assert.equal(a.geonameId, b.geonameId);
  assert.ok(km(a, 50.867, 4.374) < 3);
});

test("venues and squares the gazetteer lacks get the coordinates of their town", () => {
  const nl = run("De wedstrijd in het Koning Boudewijnstadion in Brussel werd gestaakt. De schutter stond op het Place Sainctelette.", "nl");
  const stadion = at(nl, "Koning Boudewijnstadion")!;
  assert.equal(stadion.type, "facility");
  assert.equal(stadion.geo?.within?.name, "Brussels");
  assert.notEqual(stadion.key, at(nl, "Brussel")!.key, "the venue is not its town");
  assert.equal(at(nl, "Place Sainctelette")?.geo?.within?.name, "Brussels");
  const en = run("Gunmen attacked the Crocus City Hall on the edge of Moscow. The concert hall burned for hours.", "en");
  const crocus = at(en, "Crocus City Hall")!;
  assert.equal(crocus.type, "facility");
  assert.ok(km(crocus.geo!, 55.8256, 37.3886) < 25);
  const paleis = run("De aanwezigen op het koninklijk paleis in Brussel hielden een minuut stilte.", "nl");
  assert.equal(at(paleis, "koninklijk paleis")?.type, "facility");
  assert.ok(km(at(paleis, "koninklijk paleis")!.geo!, 50.8417, 4.3621) < 3);
});

test("a word of a group's name is not geocoded on its own", () => {
  const en = run("The West blamed Moscow. Western officials and the Islamic State Khorasan Province were named.", "en");
  assert.equal(named(en, "West")?.geo, undefined);
  assert.equal(named(en, "Khorasan")?.geo, undefined);
});

test("results lists: a country abbreviation after a player is that country; initials after the last sentence are the writer", () => {
  const nl = run("Tweede ronde: Kim Clijsters (Bel) - Elena Dementieva (Rus) 6-3, 6-2. Tim Henman (GBr) won ook. (JVD)", "nl");
  const bel = at(nl, "Bel")!;
  assert.equal(bel.type, "location");
  assert.equal(bel.geo?.country, "BE");
  assert.equal(at(nl, "Rus")?.geo?.country, "RU");
  assert.equal(at(nl, "GBr")?.geo?.country, "GB");
  assert.equal(at(nl, "JVD")?.type, "person");
  const en = run("Men's 100 metres: Noah Lyles (USA) won ahead of Kishane Thompson (JAM).", "en");
  assert.equal(at(en, "USA")?.type, "location");
});

test("a role before an acronym makes no person of the acronym", () => {
  const nl = run("Voorzitter BBL Michel Tilmant leidt de bank. Volgens de BBL zijn de cijfers goed.", "nl");
  assert.notEqual(at(nl, "Michel Tilmant"), undefined);
  assert.notEqual(named(nl, "BBL")?.type, "person");
});

test("a one-shot export of several reports has one entity for the same person or body in each", async () => {
  const { buildExport } = await import("../src/export/json.js");
  const a = run("Premier Alexander De Croo sprak van een terreurdaad. Islamitische Staat eiste de aanslag op.", "nl");
  const b = new Doc("De Croo said the attack targeted Swedes. Islamic State claimed it.", { id: "d2", published: "2024-03-05T12:00:00+01:00", publishedFrom: "flag", language: "en", languageFrom: "flag" });
  const pack = langPack("en");
  segmentDoc(b, pack.segment);
  entityStage(b, { lang: pack });
  const exp = buildExport([a, b]);
  const croo = exp.entities.filter((e) => [e.name, ...e.aliases].includes("De Croo"));
  assert.equal(croo.length, 1);
  assert.deepEqual(croo[0]!.mentions.map((m) => `${m.doc}:${m.text}`), ["d1:Alexander De Croo", "d2:De Croo"]);
  const is = exp.entities.filter((e) => [e.name, ...e.aliases].includes("Islamic State"));
  assert.equal(is.length, 1);
  assert.ok(is[0]!.aliases.includes("Islamic State") || is[0]!.name === "Islamic State");
  assert.deepEqual([...new Set(is[0]!.mentions.map((m) => m.doc))], ["d1", "d2"]);
});

test("players before a country abbreviation, people named by what they are, a party after a politician", () => {
  const nl = run("Uitslagen: Belli (Ita) - Olano (Spa) 6-2. De Nederlandse zakenman Derksen kocht het bedrijf. Vera Dua (Agalev) reageerde.", "nl");
  assert.equal(at(nl, "Belli")?.type, "person");
  assert.equal(at(nl, "Derksen")?.type, "person");
  assert.equal(at(nl, "Agalev")?.type, "organization");
  // a surname that is also a town is the person once the full name stands in the report
  const en = run("Lindsay Davenport won the first set. Davenport then served for the match in Houston.", "en");
  assert.deepEqual(texts(en, at(en, "Lindsay Davenport")!), ["Lindsay Davenport", "Davenport"]);
  assert.equal(at(en, "Houston")?.type, "location");
});

test("a name inside a compound with a common noun is no mention of its own", () => {
  const nl = run("Het Kremlin zweeg. Een Kremlin-woordvoerder sprak later van provocatie; ook het Poetin-regime reageerde niet.", "nl");
  assert.deepEqual(texts(nl, at(nl, "Kremlin")!), ["Kremlin"]);
  assert.ok(!mentionTexts(nl).includes("Poetin"));
  const en = run("NATO met on Tuesday. The NATO-led mission will go on, NATO said.", "en");
  assert.deepEqual(texts(en, at(en, "NATO")!), ["NATO", "NATO"]);
});
