import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Claim, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { extractClaims } from "../src/pipeline/claims/index.js";

function run(text: string, lang: Lang): Doc {
  const doc = new Doc(text, {
    id: "d1",
    published: "2024-03-05T12:00:00+01:00",
    publishedFrom: "flag",
    language: lang,
    languageFrom: "flag",
  });
  const pack = langPack(lang);
  segmentDoc(doc, pack.segment);
  extractClaims(doc, pack.claims);
  return doc;
}

/** The claim whose text contains `part`. */
function claim(doc: Doc, part: string): Claim {
  const c = doc.claims.find((x) => x.text.includes(part));
  assert.ok(c, `no claim holds "${part}"; claims: ${doc.claims.map((x) => x.text).join(" | ")}`);
  return c;
}
const reading = (c: Claim) => [c.status, c.source?.name ?? null] as const;

test("plain statements are established and the report itself speaks", () => {
  const nl = run("De brug over de Maas is gisteren ingestort. Twee auto's raakten te water.", "nl");
  assert.deepEqual(reading(claim(nl, "brug")), ["established", null]);
  assert.equal(nl.claims.length, 2);
  const en = run("The bridge over the river collapsed on Monday. Two cars fell into the water.", "en");
  assert.deepEqual(reading(claim(en, "bridge")), ["established", null]);
  assert.equal(claim(en, "bridge").cue, null);
});

test("headings and questions are not claims", () => {
  const nl = run("Wat weten we nog niet?\n\nDe aanslag kostte drie mensen het leven.", "nl");
  assert.equal(nl.claims.length, 1);
  const en = run("Who is behind the attack?\n\nThree people died in the blast.", "en");
  assert.equal(en.claims.length, 1);
  assert.match(en.claims[0]!.text, /Three people/);
});

test("reporting verb before the content: X zegt dat … / X said …", () => {
  const nl = run("Het Russische ministerie van Defensie zegt dat er twintig strijders zijn gedood.", "nl");
  const c = claim(nl, "twintig");
  assert.equal(c.status, "claimed");
  assert.match(c.source!.name, /ministerie van Defensie/);
  assert.equal(c.source!.kind, "official");
  assert.equal(c.cue!.text, "zegt");
  const en = run("The Ukrainian army said it had shot down four drones overnight.", "en");
  assert.deepEqual(reading(claim(en, "drones")), ["claimed", "Ukrainian army"]);
  assert.equal(claim(en, "drones").source!.kind, "party");
});

test("reporting verb after the content, with titles stripped into the role", () => {
  const nl = run("De aanval was goed voorbereid, zegt terrorismedeskundige Anna de Wit van de Universiteit Leiden.", "nl");
  const c = claim(nl, "voorbereid");
  assert.deepEqual(reading(c), ["claimed", "Anna de Wit"]);
  assert.equal(c.source!.kind, "expert");
  assert.match(c.source!.role ?? "", /terrorismedeskundige/);
  const nl2 = run("De situatie is onder controle, liet de burgemeester van Kursk vanmiddag weten.", "nl");
  assert.deepEqual(reading(claim(nl2, "onder controle")), ["claimed", "burgemeester van Kursk"]);
  assert.equal(claim(nl2, "onder controle").source!.kind, "official");
  const en = run("The convoy was hit near the border, a police spokesman said on Tuesday.", "en");
  const e = claim(en, "convoy");
  assert.equal(e.status, "claimed");
  assert.match(e.source!.name, /police spokesman/);
  const en2 = run("The strike killed at least nine civilians, said Maria Lopez, an analyst at the Crisis Group.", "en");
  assert.deepEqual(reading(claim(en2, "nine civilians")), ["claimed", "Maria Lopez"]);
});

test("volgens X / according to X, and blijkt uit X", () => {
  const nl = run("Volgens de Oekraïense luchtmacht zijn er die nacht zes raketten onderschept.", "nl");
  assert.deepEqual(reading(claim(nl, "raketten")), ["claimed", "Oekraïense luchtmacht"]);
  const nl2 = run("Er zijn minstens drie tanks vernietigd, blijkt uit een analyse van de onderzoeksgroep Bellingcat.", "nl");
  assert.deepEqual(reading(claim(nl2, "tanks")), ["claimed", "Bellingcat"]);
  const en = run("Six missiles were intercepted overnight, according to the Ukrainian air force.", "en");
  assert.deepEqual(reading(claim(en, "missiles")), ["claimed", "Ukrainian air force"]);
});

test("naar eigen zeggen / by its own account: the subject is the source", () => {
  const nl = run("De militie telt naar eigen zeggen ruim vierhonderd leden.", "nl");
  const c = claim(nl, "vierhonderd");
  assert.equal(c.status, "claimed");
  assert.equal(c.source!.name, "militie");
  const en = run("The militia has, by its own account, more than four hundred members.", "en");
  assert.deepEqual(reading(claim(en, "four hundred")), ["claimed", "militia"]);
});

test("passive reports without an agent have an unnamed source", () => {
  const nl = run("Er werd vannacht melding gemaakt van schoten in het centrum.", "nl");
  const c = claim(nl, "schoten");
  assert.equal(c.status, "claimed");
  assert.equal(c.source!.kind, "unnamed");
  const en = run("Gunfire was reportedly heard in the city centre.", "en");
  assert.equal(claim(en, "Gunfire").status, "claimed");
  assert.equal(claim(en, "Gunfire").source!.kind, "unnamed");
  const nl2 = run("De verdachten zouden de grens bij nacht zijn overgestoken.", "nl");
  assert.equal(claim(nl2, "verdachten").status, "claimed");
  assert.equal(claim(nl2, "verdachten").source!.kind, "unnamed");
});

test("passive agent, and the agent carried into a coordinated clause", () => {
  const nl = run("De arrestatie van de twee mannen is door het Openbaar Ministerie bevestigd, maar hun namen worden van de hand gewezen als speculatie.", "nl");
  const a = claim(nl, "arrestatie");
  assert.equal(a.status, "confirmed");
  assert.match(a.source!.name, /Openbaar Ministerie/);
  const b = claim(nl, "namen");
  assert.equal(b.status, "denied");
  assert.equal(b.source!.name, a.source!.name);
  assert.ok(b.start > a.end - 1, "the denial is a claim of its own");
  const en = run("The arrest was confirmed by the prosecutor's office, but a link to the bombing was denied.", "en");
  assert.equal(claim(en, "arrest").status, "confirmed");
  assert.match(claim(en, "arrest").source!.name, /prosecutor/);
  assert.equal(claim(en, "link").status, "denied");
  assert.equal(claim(en, "link").source!.name, claim(en, "arrest").source!.name);
});

test("two claims when coordinated clauses differ in source or status", () => {
  const nl = run("De rebellen zeggen dat ze de stad veroveren, terwijl het leger nog in de haven staat.", "nl");
  assert.equal(claim(nl, "veroveren").status, "claimed");
  assert.deepEqual(reading(claim(nl, "haven")), ["established", null]);
  assert.ok(claim(nl, "haven").text.startsWith("terwijl"));
  const en = run("The rebels say they hold the airport, although government troops were seen there on Sunday.", "en");
  assert.equal(claim(en, "airport").status, "claimed");
  assert.deepEqual(reading(claim(en, "troops")), ["established", null]);
  // two propositions are two claims even when the report vouches for both
  const same = run("The river rose by two metres, but the dikes held.", "en");
  assert.deepEqual(same.claims.map((c) => [c.text, c.status]), [["The river rose by two metres", "established"], ["but the dikes held", "established"]]);
});

test("direct quotes, over several sentences, with the speaker before, inside or after", () => {
  const nl = run(
    'Dat zegt korpschef Pieter Smit van de politie Rotterdam. "We hebben de situatie onderschat. De wijk was niet voorbereid. Dat gaan we verbeteren."',
    "nl",
  );
  for (const part of ["onderschat", "niet voorbereid", "verbeteren"]) {
    const c = claim(nl, part);
    assert.deepEqual(reading(c), ["claimed", "Pieter Smit"], part);
    assert.equal(c.quote, true);
  }
  const en = run('"We did not see it coming. Nobody did," Colonel James Hart told reporters. The base was closed.', "en");
  assert.deepEqual(reading(claim(en, "coming")), ["claimed", "James Hart"]);
  assert.deepEqual(reading(claim(en, "Nobody did")), ["claimed", "James Hart"]);
  assert.deepEqual(reading(claim(en, "base was closed")), ["established", null]);
  const after = run('"The roads are blocked everywhere." That is what the governor of Sumy wrote on Telegram.', "en");
  assert.equal(claim(after, "roads").status, "claimed");
  assert.match(claim(after, "roads").source!.name, /governor of Sumy/);
});

test("a term in quote marks is no quote of speech", () => {
  const nl = run("De regering noemt de groep 'terroristen' en spreekt van een 'speciale operatie'.", "nl");
  assert.equal(nl.claims[0]!.quote, false);
  const en = run('The group calls itself a "liberation army" and operates from the north.', "en");
  assert.equal(en.claims[0]!.quote, false);
  assert.equal(en.claims[0]!.source, null);
});

test("pronoun and short-name sources resolve to the person or group named before", () => {
  const nl = run(
    "De aanval was volgens Oost-Europakenner Karel Bakker een signaal aan Moskou. Hij denkt dat er meer volgt. " +
      '"Dit is nog maar het begin", stelt Bakker.',
    "nl",
  );
  assert.equal(claim(nl, "meer volgt").source!.name, "Karel Bakker");
  assert.equal(claim(nl, "begin").source!.name, "Karel Bakker");
  const nl2 = run("De Nationale Garde meldt dat de brug is hersteld. Ze zeggen ook dat de weg weer open is.", "nl");
  assert.equal(claim(nl2, "weg weer open").source!.name, "Nationale Garde");
  const en = run("Analyst Sarah Moore expects more strikes, but she said Kyiv was well prepared.", "en");
  assert.equal(claim(en, "well prepared").source!.name, "Sarah Moore");
});

test("hedges: probable and possible, nested under a source", () => {
  const nl = run("De explosie was waarschijnlijk een ongeluk. Mogelijk zijn er meer slachtoffers.", "nl");
  assert.equal(claim(nl, "ongeluk").status, "probable");
  assert.equal(claim(nl, "slachtoffers").status, "possible");
  const nl2 = run("Het vuur zou door kortsluiting kunnen zijn ontstaan. Er wordt algemeen aangenomen dat de dader alleen handelde.", "nl");
  assert.deepEqual(reading(claim(nl2, "kortsluiting")), ["possible", null]);
  assert.deepEqual(reading(claim(nl2, "dader")), ["probable", null]);
  const en = run("The fire appears to have started in the kitchen. The death toll may rise.", "en");
  assert.equal(claim(en, "kitchen").status, "probable");
  assert.equal(claim(en, "toll").status, "possible");
  const nested = run("Defence expert Tom Rijks said Russia might be behind the sabotage.", "en");
  assert.deepEqual(reading(claim(nested, "sabotage")), ["possible", "Tom Rijks"]);
  const noHedge = run("De hulpdiensten kwamen zo snel mogelijk ter plaatse.", "nl");
  assert.equal(noHedge.claims[0]!.status, "established");
  const month = run("The ceasefire was signed in May after long talks.", "en");
  assert.equal(month.claims[0]!.status, "established");
});

test("denials and confirmations by a named source", () => {
  const nl = run("Het Kremlin ontkent dat Russische troepen bij de aanval betrokken waren.", "nl");
  assert.deepEqual(reading(claim(nl, "troepen")), ["denied", "Kremlin"]);
  const nl2 = run("De minister wijst de beschuldigingen van de hand.", "nl");
  assert.equal(nl2.claims[0]!.status, "denied");
  const en = run("The ministry denied that its jets had struck the hospital. Police confirmed that two suspects were held.", "en");
  assert.deepEqual(reading(claim(en, "hospital")), ["denied", "ministry"]);
  assert.deepEqual(reading(claim(en, "suspects")), ["confirmed", "Police"]);
});

test("explicit unknowns become claims with status unknown and go to unknowns", () => {
  const nl = run(
    "Onduidelijk is of er gewonden zijn gevallen. Bij de brand vielen drie doden, wat de oorzaak was is onbekend. Over de daders wordt niets gemeld.",
    "nl",
  );
  assert.equal(claim(nl, "gewonden").status, "unknown");
  assert.equal(claim(nl, "daders").status, "unknown");
  assert.equal(claim(nl, "daders").source, null);
  assert.equal(claim(nl, "drie doden").status, "established");
  assert.equal(claim(nl, "oorzaak").status, "unknown");
  assert.deepEqual(nl.unknowns.map((u) => nl.text.slice(u.start, u.end)), [
    "Onduidelijk is of er gewonden zijn gevallen",
    "wat de oorzaak was is onbekend",
    "Over de daders wordt niets gemeld",
  ]);
  const en = run("It is unclear whether the dam was hit. Reuters was unable to verify the footage.", "en");
  assert.equal(en.unknowns.length, 2);
  assert.equal(claim(en, "dam").status, "unknown");
});

test("claim spans stay within one sentence and cues point into the text", () => {
  const doc = run("De politie meldt twee arrestaties. Volgens getuigen vluchtte een derde man. Dat is niet bevestigd.", "nl");
  for (const c of doc.claims) {
    const s = doc.sentences[c.sentence]!;
    assert.ok(c.start >= s.start && c.end <= s.end);
    assert.equal(doc.text.slice(c.start, c.end), c.text);
    if (c.cue) assert.equal(doc.text.slice(c.cue.start, c.cue.end), c.cue.text);
  }
});

test("announcing or stating an act is no attribution without reported content", () => {
  const nl = run("De regering verklaarde de noodtoestand. De burgemeester stelt dat de wijk veilig is.", "nl");
  assert.deepEqual(reading(claim(nl, "noodtoestand")), ["established", null]);
  assert.deepEqual(reading(claim(nl, "wijk veilig")), ["claimed", "burgemeester"]);
  const en = run("The government announced a curfew. The mayor announced that schools would reopen.", "en");
  assert.deepEqual(reading(claim(en, "curfew")), ["established", null]);
  assert.deepEqual(reading(claim(en, "schools")), ["claimed", "mayor"]);
});

test("a bare frame with an anaphor attributes the sentence before it", () => {
  const nl = run("Bij de botsing raakten zes mensen gewond. Dat meldt de veiligheidsregio. Het verkeer staat vast.", "nl");
  assert.deepEqual(reading(claim(nl, "zes mensen")), ["claimed", "veiligheidsregio"]);
  assert.deepEqual(reading(claim(nl, "verkeer")), ["established", null]);
  const en = run("Six people were hurt in the crash. That is what the fire service said on Sunday.", "en");
  assert.deepEqual(reading(claim(en, "Six people")), ["claimed", "fire service"]);
});

test("a perfect with a participle cue is active: the subject is the source", () => {
  const nl = run("Het leger heeft de berichten over burgerdoden ontkend. Gisteren heeft de premier bevestigd dat de grens dichtgaat.", "nl");
  assert.deepEqual(reading(claim(nl, "burgerdoden")), ["denied", "leger"]);
  assert.deepEqual(reading(claim(nl, "grens")), ["confirmed", "premier"]);
  const en = run("The army has denied reports of civilian deaths.", "en");
  assert.deepEqual(reading(claim(en, "civilian")), ["denied", "army"]);
});

test("not ruling something out is a possibility held by the source", () => {
  const nl = run("De politie sluit een aanslag niet uit.", "nl");
  assert.deepEqual(reading(nl.claims[0]!), ["possible", "politie"]);
  const en = run("Investigators did not rule out sabotage.", "en");
  assert.equal(en.claims[0]!.status, "possible");
});

test("a subject with an apposition or a relative clause before the verb", () => {
  const nl = run("Strijders die aan Oekraïense zijde vechten, zeggen dat ze het dorp hebben ingenomen.", "nl");
  assert.deepEqual(reading(claim(nl, "dorp")), ["claimed", "Strijders"]);
  const en = run("Olena Kovalenko, an adviser to the mayor, said the shelter was full.", "en");
  assert.deepEqual(reading(claim(en, "shelter")), ["claimed", "Olena Kovalenko"]);
  const en2 = run("The minister said Kyiv was ready to talk.", "en");
  assert.deepEqual(reading(claim(en2, "ready")), ["claimed", "minister"]);
});

test("attitude verbs after their content, and a pronoun that does not point into a quote", () => {
  const nl = run(
    'Dat zegt hoogleraar Ellen Vos van de Universiteit Utrecht. "Zonder hulp van Brussel lukt dit niet", zegt zij. ' +
      "De schade is waarschijnlijk groter, denkt Vos.",
    "nl",
  );
  assert.equal(claim(nl, "Brussel").source!.name, "Ellen Vos");
  assert.deepEqual(reading(claim(nl, "schade")), ["probable", "Ellen Vos"]);
  const en = run("The damage is worse than reported, he believes.", "en");
  assert.equal(en.claims[0]!.status, "claimed");
  const noVerb = run("Volgens het Kremlin zit Oekraïne achter de aanval.", "nl");
  assert.equal(noVerb.claims[0]!.source!.name, "Kremlin");
});

test("a denial coordinated with another report keeps the denial; a place name is no short name", () => {
  const en = run("Moscow denied responsibility and accused Kyiv of sabotage.", "en");
  assert.deepEqual(reading(en.claims[0]!), ["denied", "Moscow"]);
  const nl = run("Rusland ontkent de aanval en beschuldigt Kyiv van sabotage.", "nl");
  assert.deepEqual(reading(nl.claims[0]!), ["denied", "Rusland"]);
  const place = run('Two people died, the governor of Odesa said. "We need boats," a volunteer in Odesa told reporters.', "en");
  // the place is where the volunteer speaks from, kept in the role
  assert.equal(claim(place, "boats").source!.name, "volunteer");
  assert.equal(claim(place, "boats").source!.role, "in Odesa");
});

test("conditional zou is no hearsay; zou alone is", () => {
  const nl = run("Als de dijk breekt, zou het dorp onderlopen. De daders zouden via de haven zijn gevlucht.", "nl");
  assert.deepEqual(reading(claim(nl, "dijk")), ["established", null]);
  assert.equal(claim(nl, "daders").status, "claimed");
  assert.equal(claim(nl, "daders").source!.kind, "unnamed");
});

test("a first-person frame inside a quote belongs to the quote's speaker", () => {
  const en = run('"I think the bridge will hold. We believe the worst is over," the mayor told reporters.', "en");
  assert.deepEqual(reading(claim(en, "bridge")), ["claimed", "mayor"]);
  assert.deepEqual(reading(claim(en, "worst")), ["claimed", "mayor"]);
  const nl = run('"Ik denk dat de dijk het houdt", zei de dijkgraaf.', "nl");
  assert.deepEqual(reading(nl.claims[0]!), ["claimed", "dijkgraaf"]);
});

test("comma-coordinated main clauses with their own sources split; a second dat-clause stays with its speaker", () => {
  const nl = run("Rusland meldt dat er vijf drones zijn neergehaald, en Oekraïne ontkent dat. De minister zegt dat de brug dicht is, maar dat de veerpont vaart.", "nl");
  assert.deepEqual(reading(claim(nl, "drones")), ["claimed", "Rusland"]);
  assert.deepEqual(reading(claim(nl, "Oekraïne ontkent")), ["denied", "Oekraïne"]);
  assert.deepEqual(reading(claim(nl, "veerpont")), ["claimed", "minister"]);
  const en = run("Russia said it downed five drones, and Ukraine denied it. The mayor said the bridge was closed, but that the ferry was running.", "en");
  assert.deepEqual(reading(claim(en, "Ukraine denied")), ["denied", "Ukraine"]);
  assert.deepEqual(reading(claim(en, "ferry")), ["claimed", "mayor"]);
  const hearsay = run("Er zijn berichten over explosies in Koersk. There are reports of gunfire in the capital.", "nl");
  assert.equal(claim(hearsay, "Koersk").status, "claimed");
  assert.equal(claim(hearsay, "Koersk").source!.kind, "unnamed");
});

test("a source that will not say is an open question, with no asserter", () => {
  const nl = run("Het Pentagon wil niet zeggen of er Amerikanen bij betrokken zijn.", "nl");
  assert.deepEqual(reading(nl.claims[0]!), ["unknown", null]);
  assert.equal(nl.unknowns.length, 1);
  const en = run("The Pentagon declined to say whether Americans were involved.", "en");
  assert.deepEqual(reading(en.claims[0]!), ["unknown", null]);
});

test("multi-word sources read backwards: names with inner determiners, capitalised adjectives before modifiers", () => {
  const en = run("The Institute for the Study of War said Moscow was likely to escalate. Russian state media reported that the fire was out.", "en");
  assert.deepEqual(reading(claim(en, "escalate")), ["probable", "Institute for the Study of War"]);
  assert.equal(claim(en, "escalate").source!.kind, "expert");
  assert.deepEqual(reading(claim(en, "fire")), ["claimed", "Russian state media"]);
  const unk = run("Officials have not said how many people were inside. De politie heeft niet gezegd hoeveel mensen binnen waren.", "en");
  assert.equal(unk.claims[0]!.status, "unknown");
});

test("verbs that also name an act or a thing are attributions only with content", () => {
  const en = run('The economy added 150,000 jobs. "We will rebuild," the mayor added. Both states held primaries. The senator is said to have left.', "en");
  assert.deepEqual(reading(claim(en, "economy")), ["established", null]);
  assert.deepEqual(reading(claim(en, "rebuild")), ["claimed", "mayor"]);
  assert.deepEqual(reading(claim(en, "primaries")), ["established", null]);
  assert.equal(claim(en, "senator").source!.kind, "unnamed");
});

test("separable and reflexive uses of reporting verbs are no reports", () => {
  const nl = run("De minister zegt het bezoek af. De verdachte meldde zich bij de politie. De premier zegt steun toe.", "nl");
  for (const c of nl.claims) assert.deepEqual(reading(c), ["established", null], c.text);
});

test("name particles stay in the name; an affiliation after a full name goes to the role", () => {
  const nl = run("De brug is dicht, zegt Mark van der Linden. De dijk houdt, zegt Bob Jansen van Rijkswaterstaat.", "nl");
  assert.equal(claim(nl, "brug").source!.name, "Mark van der Linden");
  assert.equal(claim(nl, "dijk").source!.name, "Bob Jansen");
  assert.match(claim(nl, "dijk").source!.role ?? "", /Rijkswaterstaat/);
  const en = run("The rate will rise, the Bank of America said.", "en");
  assert.equal(en.claims[0]!.source!.name, "Bank of America");
});
