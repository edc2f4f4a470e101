import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Lang } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";

// Contradictions inside one report (the pipeline's stage), on sentences of our own in Dutch and English:
// each test states which pairs of claims cannot both hold, and why.
function report(lang: Lang, text: string): Doc {
  return runPipeline(new Doc(text + "\n", { id: "d1", source: "Test", published: "2025-05-01T12:00:00+02:00", publishedFrom: "flag", language: lang, languageFrom: "flag" }));
}
function found(d: Doc): { pair: string; reason: string }[] {
  const text = (id: string) => d.claims.find((c) => c.id === id)!.text;
  return d.contradictions.map((x) => ({ pair: `${text(x.claims[0])} || ${text(x.claims[1])}`, reason: x.reason }));
}

test("an official toll against 'the real toll is much higher' (nl)", () => {
  const d = report("nl", "Volgens de autoriteiten zijn veertien mensen omgekomen bij de aardverschuiving. Burgemeester Anna de Wit zegt dat het werkelijke dodental veel hoger ligt.");
  const f = found(d);
  assert.deepEqual(f.map((x) => x.pair), ["Volgens de autoriteiten zijn veertien mensen omgekomen bij de aardverschuiving || Burgemeester Anna de Wit zegt dat het werkelijke dodental veel hoger ligt"]);
  assert.match(f[0]!.reason, /Anna de Wit says the toll is higher than autoriteiten's 14/);
});

test("a denial against the accusation that names the denier (nl)", () => {
  const d = report("nl", "Volgens het Russische leger zat Oekraïne achter de aanval op de brug. Kyiv zegt dat het niets met de aanval te maken heeft.");
  const f = found(d);
  assert.deepEqual(f.map((x) => x.pair), ["Volgens het Russische leger zat Oekraïne achter de aanval op de brug || Kyiv zegt dat het niets met de aanval te maken heeft"]);
  assert.match(f[0]!.reason, /Kyiv denies UA's part; Russische leger says otherwise/);
});

test("two sources naming different doers of one act (en)", () => {
  const d = report("en", "Witnesses said a Turkish drone struck the convoy near the border. Syrian officials said the convoy was hit by an Israeli missile.");
  const f = found(d);
  assert.deepEqual(f.map((x) => x.pair), ["Witnesses said a Turkish drone struck the convoy near the border || Syrian officials said the convoy was hit by an Israeli missile"]);
  assert.match(f[0]!.reason, /who is behind it: .*IL.*TR|who is behind it: .*TR.*IL/);
});

test("different figures of one kind by different sources (en); a statement running against the one before it", () => {
  const a = found(report("en", "According to the interior ministry, 30 people were arrested after the riots. Police said 12 people had been arrested."));
  assert.deepEqual(a.map((x) => x.pair), ["According to the interior ministry, 30 people were arrested after the riots || Police said 12 people had been arrested"]);
  assert.match(a[0]!.reason, /arrested: 30 according to interior ministry vs 12 according to Police/);
  const b = found(report("en", "The court said two of the men pleaded guilty on Tuesday. There were conflicting reports by local media, however, that a third man also pleaded guilty."));
  assert.deepEqual(b.map((x) => x.pair), ["The court said two of the men pleaded guilty on Tuesday || There were conflicting reports by local media, however, that a third man also pleaded guilty"]);
});

test("no contradiction: tolls of two places, or one source updating its own figure (en, nl)", () => {
  assert.deepEqual(found(report("en", "Rescuers said 20 people died in Aleppo. In Idlib, the civil defence said 5 people died.")), []);
  assert.deepEqual(found(report("nl", "De politie meldde zondag drie doden. Maandag meldde de politie zeven doden.")), []);
});

test("'put the number at' counts what the figure just before it counts (en); a figure further on does not (en, nl)", () => {
  const a = found(report("en", "A navy spokesman said the rebels launched about 40 drones overnight. The defence minister put the number at 25."));
  assert.deepEqual(a.map((x) => x.pair), ["A navy spokesman said the rebels launched about 40 drones overnight || The defence minister put the number at 25"]);
  assert.match(a[0]!.reason, /missile: ~40 according to navy spokesman vs 25 according to defence minister/);
  // three sentences on, "the number" may count anything
  assert.deepEqual(found(report("en", "A navy spokesman said the rebels launched about 40 drones overnight. The port reopened on Monday. Ships left the harbour. The defence minister put the number at 25.")), []);
  const b = found(report("nl", "Volgens de luchtmacht vuurde Rusland ongeveer 60 raketten af. President Zelensky zei dat het aantal 45 was."));
  assert.deepEqual(b.map((x) => x.pair), ["Volgens de luchtmacht vuurde Rusland ongeveer 60 raketten af || President Zelensky zei dat het aantal 45 was"]);
});

test("one party accused of an act, another blamed for it by the accused side (en, nl); the same culprit twice is no contradiction", () => {
  const a = found(report("en", "Georgia had earlier been accused of being behind the explosion at the depot. The Armenian defence ministry blamed Turkish agents of blowing up the depot."));
  assert.deepEqual(a.map((x) => x.pair), ["Georgia had earlier been accused of being behind the explosion at the depot || The Armenian defence ministry blamed Turkish agents of blowing up the depot"]);
  assert.match(a[0]!.reason, /who is behind it: .*names GE.*names TR/);
  const b = found(report("nl", "Rusland werd eerder beschuldigd van betrokkenheid bij de explosies bij de pijpleiding. Het Russische ministerie van Defensie beschuldigde Britse mariniers van het opblazen van de pijpleiding."));
  assert.deepEqual(b.map((x) => x.pair), ["Rusland werd eerder beschuldigd van betrokkenheid bij de explosies bij de pijpleiding || Het Russische ministerie van Defensie beschuldigde Britse mariniers van het opblazen van de pijpleiding"]);
  assert.match(b[0]!.reason, /who is behind it: .*names GB.*names RU/);
  assert.deepEqual(found(report("en", "Georgia had earlier been accused of being behind the explosion at the depot. The Armenian defence ministry blamed Georgian agents of blowing up the depot.")), []);
});

test("a body denies having announced the figures another puts on it (en, nl); figures put on someone else are not its", () => {
  const a = found(report("en", 'The relief agency said on Friday that 4,200 people had died, attributing these numbers to the Red Cross. A spokesman for the Red Cross, Omar Haddad, told reporters: "We have not announced these numbers."'));
  assert.deepEqual(a.map((x) => x.pair), ['The relief agency said on Friday that 4,200 people had died || A spokesman for the Red Cross, Omar Haddad, told reporters: "We have not announced these numbers."']);
  assert.match(a[0]!.reason, /Red Cross denies having given the figures attributed to it/);
  const b = found(report("nl", "Het VN-agentschap meldde vrijdag dat 4.200 mensen zijn omgekomen, en schreef die aantallen toe aan het Rode Kruis. Een woordvoerder van het Rode Kruis zegt dat de organisatie die cijfers nooit bekendgemaakt heeft."));
  assert.deepEqual(b.map((x) => x.pair), ["Het VN-agentschap meldde vrijdag dat 4.200 mensen zijn omgekomen || Een woordvoerder van het Rode Kruis zegt dat de organisatie die cijfers nooit bekendgemaakt heeft"]);
  assert.deepEqual(found(report("en", 'The relief agency said on Friday that 4,200 people had died, attributing these numbers to the health ministry. A spokesman for the Red Cross, Omar Haddad, told reporters: "We have not announced these numbers."')), []);
});

test("'after being charged' stays inside the clause a final 'according to' attributes (en)", () => {
  const d = report("en", "Two of the men pleaded guilty after being charged, according to a statement by the court. There were conflicting reports by local media, however, that a third man also pleaded guilty.");
  assert.deepEqual(d.claims.map((c) => [c.text, c.status, c.source?.name]), [
    ["Two of the men pleaded guilty after being charged, according to a statement by the court", "claimed", "court"],
    ["There were conflicting reports by local media, however, that a third man also pleaded guilty", "claimed", "local media"],
  ]);
  assert.deepEqual(found(d).map((x) => x.pair), ["Two of the men pleaded guilty after being charged, according to a statement by the court || There were conflicting reports by local media, however, that a third man also pleaded guilty"]);
});

test("a 'lie' that names no speaker answers the statement that says what it rejects, not the one just before it (en)", () => {
  const d = report("en", [
    'The interior minister said the gunmen had fled towards Moldova after the attack.',
    'A militant group claimed responsibility for the attack in a message on Telegram.',
    'Moldovan police spokesman Ion Rusu said the ministry version that the gunmen were arrested on their way to Moldova was "a lie".',
  ].join(" "));
  assert.deepEqual(found(d).map((x) => x.pair), ['The interior minister said the gunmen had fled towards Moldova after the attack || Moldovan police spokesman Ion Rusu said the ministry version that the gunmen were arrested on their way to Moldova was "a lie"']);
});

test("'dat land' / 'that country' is the country named just before it: a doer its denial answers (nl, en)", () => {
  const nl = found(report("nl", "Volgens de Russische president waren de daders na de aanval op weg naar Georgië en was dat land van plan de grens voor hen open te stellen. Tbilisi zei dat het niets met de aanval te maken heeft."));
  // (that they were on their way to Georgia says where they went, not what Georgia did: no charge)
  assert.deepEqual(nl.map((x) => x.pair), [
    "en was dat land van plan de grens voor hen open te stellen || Tbilisi zei dat het niets met de aanval te maken heeft",
  ]);
  assert.match(nl[0]!.reason, /Tbilisi denies GE's part/);
  const en = found(report("en", "The Russian president said the gunmen were heading for Georgia after the attack and that country had planned to open the border for them. Tbilisi said it had nothing to do with the attack."));
  assert.ok(en.some((x) => x.pair === "and that country had planned to open the border for them || Tbilisi said it had nothing to do with the attack"), JSON.stringify(en));
  // no country before it: "that country" names no one
  const none = found(report("en", "The Russian president said the gunmen were heading for the border after the attack and that country had planned to open it for them. Tbilisi said it had nothing to do with the attack."));
  assert.deepEqual(none, []);
});

test("'at least' is a count so far: a figure several times as high runs against it, another 'at least' does not (nl, en)", () => {
  const nl = found(report("nl", "Volgens de burgemeester zijn mogelijk tot wel achtduizend mensen omgekomen in de stad. Volgens de minister van Binnenlandse Zaken zijn zeker 1.900 lichamen geteld."));
  assert.deepEqual(nl.map((x) => x.pair), ["Volgens de burgemeester zijn mogelijk tot wel achtduizend mensen omgekomen in de stad || Volgens de minister van Binnenlandse Zaken zijn zeker 1.900 lichamen geteld"]);
  assert.match(nl[0]!.reason, /killed: ≤8000 according to burgemeester vs ≥1900/);
  const en = found(report("en", "The mayor said as many as 8,000 people may have died in the city. The interior minister said at least 1,900 bodies had been recovered. Rescuers said at least 4,000 people were killed."));
  assert.deepEqual(en.map((x) => x.pair), ["The mayor said as many as 8,000 people may have died in the city || The interior minister said at least 1,900 bodies had been recovered"]);
  // within three times the count: both may hold
  assert.deepEqual(found(report("en", "The interior minister said at least 1,900 bodies had been recovered. The mayor said about 2,500 people had died.")), []);
});

test("no contradiction: a toll and the children among it, a denial and who made the missile, a denial and a claim that clears the same party (en, nl)", () => {
  assert.deepEqual(found(report("en", "Officials said 37 people died in the collapse, including three children. Firefighters said at least 30 people were killed.")), []);
  assert.deepEqual(found(report("nl", "De explosie in het dorp is veroorzaakt door een in Rusland geproduceerde raket, zegt het ministerie van Buitenlandse Zaken. Rusland ontkent dat het een raket op het dorp heeft afgevuurd.")), []);
  assert.deepEqual(found(report("en", "Ukraine denied any involvement in the blast. The alliance's chief said the blast was not Ukraine's fault.")), []);
});

test("a part of a toll only by the report's words: a revised toll beside the earlier one is still set against another figure (en)", () => {
  const f = found(report("en", "The agency said 3,958 people died, adjusting the figure from a previous report that said 11,300 were dead. The mayor said up to 20,000 people were killed."));
  assert.ok(f.some((x) => /3,958/.test(x.pair) && /20,000/.test(x.pair)), JSON.stringify(f));
});
