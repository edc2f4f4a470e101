// Who speaks (SPEC §4): the source is the whole noun phrase that names the asserter, resolved to its entity.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Claim } from "../src/model/doc.js";
import { claimHolding as claim, runClaims } from "./helpers.js";

const run = runClaims;
const who = (c: Claim) => [c.status, c.source?.name ?? null, c.cue?.text ?? null] as const;

test("a name in apposition to a role is the speaker, the role describes it", () => {
  const nl = run("De woordvoerder van de brandweer, Karin Mol, zei dat het vuur onder controle is.", "nl");
  assert.deepEqual(who(claim(nl, "onder controle")), ["claimed", "Karin Mol", "zei"]);
  assert.equal(claim(nl, "onder controle").source!.role, "De woordvoerder van de brandweer");
  const en = run("The governor of the province, Anna Berg, said two bridges had collapsed.", "en");
  assert.deepEqual(who(claim(en, "bridges")), ["claimed", "Anna Berg", "said"]);
  const poss = run("The mayor's spokesman, Tom Reed, said the roads were closed.", "en");
  assert.deepEqual(who(claim(poss, "roads")), ["claimed", "Tom Reed", "said"]);
});

test("who tells an outlet speaks, not the outlet", () => {
  const pre = run("Piet de Graaf, a spokesman for the port, told Reuters that two ships had sunk.", "en");
  assert.deepEqual(who(claim(pre, "ships")), ["claimed", "Piet de Graaf", "told"]);
  const post = run("Six people were still missing, Laura Kent, the region's health minister, told local radio.", "en");
  assert.deepEqual(who(claim(post, "missing")), ["claimed", "Laura Kent", "told"]);
  const nl = run("In een interview met de NOS zegt minister Jansen dat de dijk het houdt.", "nl");
  assert.deepEqual(who(claim(nl, "dijk")), ["claimed", "Jansen", "zegt"]);
});

test("an adverb opening the sentence, a language or a place after a preposition is no source", () => {
  const nl = run("Tegelijkertijd zegt Duitsland dat het onderzoek nog loopt.", "nl");
  assert.deepEqual(who(claim(nl, "onderzoek")), ["claimed", "Duitsland", "zegt"]);
  const eerder = run("Eerder meldde de politie dat er drie mensen waren opgepakt.", "nl");
  assert.equal(claim(eerder, "opgepakt").source?.name, "politie");
  const lang = run("Op een video zegt de schutter in het Frans dat hij alleen handelde.", "nl");
  assert.equal(claim(lang, "alleen handelde").source?.name, "schutter");
  const en = run("Police in Leeds said the driver had fled.", "en");
  assert.deepEqual(who(claim(en, "driver")), ["claimed", "Police", "said"]);
});

test("a description points back to the named person who holds that title", () => {
  const nl = run('De Oekraïense president Volodymyr Zelensky sprak het parlement toe. "We blijven vechten tot het einde", zei de president.', "nl");
  const c = claim(nl, "blijven vechten");
  assert.equal(c.source?.name, "Volodymyr Zelensky");
  assert.ok(c.source?.entity, "resolved to the entity");
  // a name with a particle is a name too: "de koning" is the king named before, not a speaker "koning"
  const king = run("Koning Willem van Oranje opende dinsdag de nieuwe sluis. De koning zei trots te zijn op de bouwers.", "nl");
  const k = claim(king, "trots");
  assert.equal(k.source?.name, "Willem van Oranje");
  assert.ok(k.source?.entity, "resolved to the entity");
  const en = run("Queen Mary of Denmark visited the flooded town on Friday. The queen said the damage was heartbreaking.", "en");
  assert.equal(claim(en, "heartbreaking").source?.name, "Mary");
});

test("names with a lower-case particle and with initials are whole names", () => {
  const en = run("“We lost everything,” said resident Karim al-Masri.", "en");
  assert.deepEqual(who(claim(en, "lost everything")), ["claimed", "Karim al-Masri", "said"]);
  const init = run("“The numbers are rising,” Lisa K. Monroe, the agency's director, said.", "en");
  assert.equal(claim(init, "numbers").source?.name, "Lisa K. Monroe");
  const nl = run("“Alles is weg”, vertelt inwoner Samir el-Haddad.", "nl");
  assert.deepEqual(who(claim(nl, "Alles is weg")), ["claimed", "Samir el-Haddad", "vertelt"]);
});

test("verbs in a chain share the subject of the first; an aside in brackets stays out of the name", () => {
  const en = run("On Tuesday, the mayor visited the harbour, thanked the crews and said the damage was worse than feared.", "en");
  const c = claim(en, "damage");
  assert.deepEqual(who(c), ["claimed", "mayor", "said"]);
  const but = run("The minister has praised the rescue teams, but has denied that the warnings came too late.", "en");
  assert.deepEqual(who(claim(but, "warnings")), ["denied", "minister", "denied"]);
  const aside = run("“We were never told,” Sen. Maria Lopez (D-Ore.) said.", "en");
  assert.deepEqual(who(claim(aside, "never told")), ["claimed", "Maria Lopez", "said"]);
  const dash = run("Officials said U.S.-Russian talks would resume on Monday.", "en");
  assert.equal(dash.claims.length, 1, "a hyphen between names is no dash between clauses");
});

test("what documents show is claimed by them; what images show, the report states", () => {
  const en = run("Court records show the company owed $2 million in taxes.", "en");
  assert.deepEqual(who(claim(en, "owed")), ["claimed", "Court records", "show"]);
  const img = run("Satellite images show trucks massing near the border.", "en");
  assert.deepEqual(who(claim(img, "trucks")), ["established", null, null]);
  const poll = run("Polls showing a close race have unsettled the campaign.", "en");
  assert.equal(claim(poll, "close race").status, "claimed");
});

test("a relative pronoun that speaks stands for the phrase before its comma", () => {
  const en = run("Police questioned the neighbours, who said the man had fled.", "en");
  assert.deepEqual(who(claim(en, "man had fled")), ["claimed", "neighbours", "said"]);
  const nl = run("De politie sprak met de buren, die zeiden dat de man was gevlucht.", "nl");
  assert.deepEqual(who(claim(nl, "was gevlucht")), ["claimed", "buren", "zeiden"]);
});

test("calling something names it only with a quotation; calling someone is an act", () => {
  const en = run("The senator called the plan “a reckless gamble”.", "en");
  assert.deepEqual(who(claim(en, "reckless gamble")), ["claimed", "senator", "called"]);
  const act = run("Police called the neighbours, who said the man had fled.", "en");
  assert.deepEqual(who(claim(act, "called the neighbours")), ["established", null, null]);
});

test("after volgens / according to the source is one noun phrase: an article after a common noun opens the next", () => {
  const nl = run("De schutter is volgens de politie de 32-jarige Karim B. uit Antwerpen.", "nl");
  assert.deepEqual(who(claim(nl, "schutter")), ["claimed", "politie", "volgens"]);
  const het = run("De eigenaar is volgens de brandweer het bedrijf Van Dam.", "nl");
  assert.deepEqual(who(claim(het, "eigenaar")), ["claimed", "brandweer", "volgens"]);
  // a particle inside a name stays in it
  const name = run("De dijk houdt het volgens Jaap de Vries nog een week.", "nl");
  assert.equal(claim(name, "dijk").source?.name, "Jaap de Vries");
  const en = run("The gunman was, according to police, the 32-year-old Karim B. from Antwerp.", "en");
  assert.equal(claim(en, "gunman").source?.name, "police");
});

test("a source named only by where it sits is unnamed: een politiebron, regeringsbronnen", () => {
  const nl = run("Volgens een politiebron zou de dader zijn gevlucht. Regeringsbronnen zeggen dat de grens dicht blijft.", "nl");
  assert.equal(claim(nl, "gevlucht").source?.kind, "unnamed");
  assert.equal(claim(nl, "grens").source?.kind, "unnamed");
  // a named body stays what it is
  assert.equal(run("Volgens de politie is de dader gevlucht.", "nl").claims[0]!.source?.kind, "official");
});
