import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseReports, type Fusion } from "../src/ledger/fusion.js";
import { disputeLines, pipelineDocs, type TestReport } from "./helpers.js";

// Contradictions and entities across reports, on reports written for these tests: a blast at a railway
// bridge in Mykolaiv told in English and Dutch (a toll that rises, an accusation, a denial, a group that
// claims the attack), floods in Valencia in the same ledger (another incident, two figures), and a shooting
// in Brussels where the reports disagree on where it happened and whether the gunman is still at large.
const BRIDGE: TestReport[] = [
  {
    source: "Harbour Gazette",
    published: "2025-06-10T09:00:00+00:00",
    lang: "en",
    text:
      "An explosion destroyed a railway bridge in Mykolaiv on Tuesday, killing at least four people, regional governor Vitaliy Kim said.\n\n" +
      "Ukraine's defence ministry accused Russia of blowing up the bridge. Moscow denied any involvement.\n",
  },
  {
    source: "Dagblad Zuid",
    published: "2025-06-11T18:00:00+02:00",
    lang: "nl",
    text:
      "Bij de explosie bij een spoorbrug in Mykolajiv zijn inmiddels twaalf mensen omgekomen, meldt gouverneur Kim.\n\n" +
      "Een groep die zich het Zwarte Zee Front noemt, eiste de aanslag op de brug op. Het Oekraïense ministerie van Defensie zegt dat de brug door Rusland is opgeblazen.\n",
  },
  {
    source: "Black Sea Wire",
    published: "2025-06-12T08:00:00+00:00",
    lang: "en",
    text: "The death toll from the explosion at the railway bridge in Mykolaiv has risen to 15, Ukraine's emergency service said on Thursday.\n",
  },
];
const FLOODS: TestReport[] = [
  { source: "Iberia Post", published: "2025-06-11T10:00:00+02:00", lang: "en", text: "Flash floods killed eight people in Valencia on Wednesday, the regional government said.\n" },
  { source: "Zuiderkrant", published: "2025-06-11T16:00:00+02:00", lang: "nl", text: "Bij overstromingen in Valencia zijn woensdag zes mensen omgekomen, zegt burgemeester María José Catalá.\n" },
];
const SHOOTING: TestReport[] = [
  {
    source: "Capital Wire",
    published: "2025-02-03T22:00:00+01:00",
    lang: "en",
    text:
      "Two people were shot dead in Brussels on Monday evening. The shots were fired in the neighbourhood of Place Sainctelette.\n\n" +
      "The gunman is still at large, police said.\n",
  },
  {
    source: "Stadskrant",
    published: "2025-02-04T11:00:00+01:00",
    lang: "nl",
    text: "De verdachte van de aanslag in Brussel is dinsdagochtend door de politie gevonden. Hij werd in een café in de wijk Schaarbeek neergeschoten.\n",
  },
];

/** The names of every cluster that joins names of more than one report or more than one name. */
function clusters(f: Fusion): string[][] {
  return f.entities.clusters.filter((c) => c.names.length > 1).map((c) => [...c.names].sort());
}

const BRIDGE_AND_FLOODS = [...BRIDGE, ...FLOODS];

test("contradictions across reports: a denial against the accusation, a claim of the attack against a charge that another blew it up, a rising toll as an update, another incident apart", () => {
  const ds = pipelineDocs(BRIDGE_AND_FLOODS);
  const f = fuseReports(ds);
  assert.deepEqual(disputeLines(f, ds, true), [
    // the group that claims the attack against the ministry's charge that Russia blew the bridge up: two
    // accounts of who carried it out (a charge that Russia was only behind it would stand beside the claim)
    "attribution | Dagblad Zuid: Een groep die zich het Zwarte Zee Front noemt, eiste de aanslag op de brug op || Dagblad Zuid: Het Oekraïense ministerie van Defensie zegt dat de brug door Rusland is opgeblazen",
    "attribution | Dagblad Zuid: Een groep die zich het Zwarte Zee Front noemt, eiste de aanslag op de brug op || Harbour Gazette: Ukraine's defence ministry accused Russia of blowing up the bridge",
    // Moscow's denial against the accusations, in its own report and in the Dutch one
    "denial | Dagblad Zuid: Het Oekraïense ministerie van Defensie zegt dat de brug door Rusland is opgeblazen || Harbour Gazette: Moscow denied any involvement",
    "denial | Harbour Gazette: Moscow denied any involvement || Harbour Gazette: Ukraine's defence ministry accused Russia of blowing up the bridge",
    // the governor's twelve, then the emergency service's fifteen a day later: the toll rose
    "figures (update) | Black Sea Wire: The death toll from the explosion at the railway bridge in Mykolaiv has risen to 15, Ukraine's emergency service said on Thursday || Dagblad Zuid: Bij de explosie bij een spoorbrug in Mykolajiv zijn inmiddels twaalf mensen omgekomen, meldt gouverneur Kim",
    // eight against six for one flood, by two sources on one day
    "figures | Iberia Post: Flash floods killed eight people in Valencia on Wednesday, the regional government said || Zuiderkrant: Bij overstromingen in Valencia zijn woensdag zes mensen omgekomen, zegt burgemeester María José Catalá",
  ]);
  // never across incidents: the flood's eight never stands against the bridge's twelve
  for (const d of f.disputes) assert.equal(f.incidents.get(d.claims[0].split("/")[0]!), f.incidents.get(d.claims[1].split("/")[0]!));
  // the governor's four and twelve are one source revising itself: no dispute between them
  assert.ok(!f.disputes.some((d) => d.type === "figures" && d.claims.every((id) => /Kim/.test(f.claims.find((c) => c.id === id)!.text))));
  // each says why
  assert.ok(f.disputes.filter((d) => d.type === "attribution").every((d) => /^who is behind it: .* names RU, Zwarte Zee Front names /.test(d.reason)), f.disputes.map((d) => d.reason).join("\n"));
  const who = f.disputes.find((d) => d.type === "denial")!;
  assert.match(who.reason, /^Russia denies RU's part; Ukraine's defence ministry says otherwise/);
  const up = f.disputes.find((d) => d.detail.update)!;
  assert.match(up.reason, /killed: 12 according to Vitaliy Kim vs 15 .*superseded/);
});

test("entities across reports: a capital acting as its state, transliterations, a title with a short surname", () => {
  const ds = pipelineDocs(BRIDGE_AND_FLOODS);
  const f = fuseReports(ds);
  const cs = clusters(f);
  // "Moscow denied" is Russia speaking; "Russia" and "Rusland" the same state
  assert.ok(cs.some((c) => c.join("|") === "Moscow|Rusland|Russia"), JSON.stringify(cs));
  assert.ok(cs.some((c) => c.join("|") === "Mykolaiv|Mykolajiv"), JSON.stringify(cs));
  // "gouverneur Kim" is the "regional governor Vitaliy Kim" of the English report: a surname of three
  // letters joins the one full name that carries the same role
  assert.ok(cs.some((c) => c.includes("Kim") && c.includes("Vitaliy Kim")), JSON.stringify(cs));
  // the Ukrainian defence ministry in English and in Dutch is one speaker
  const ministry = f.claims.filter((c) => /defen[cs]/i.test(c.source?.name ?? "")).map((c) => f.context.asserter(c).key);
  assert.equal(new Set(ministry).size, 1);
  assert.equal(ministry.length, 2);
});

test("entities: a capital named as a place stays the city", () => {
  const ds = pipelineDocs([
    { source: "A", published: "2025-06-10T09:00:00+00:00", lang: "en", text: "Moscow fired missiles at the port, Kyiv said.\n" },
    { source: "B", published: "2025-06-10T10:00:00+00:00", lang: "en", text: "Thousands gathered in Moscow on Tuesday for the parade.\n" },
  ]);
  const f = fuseReports(ds);
  const moscow = f.entities.clusters.filter((c) => c.names.includes("Moscow"));
  // the acting Moscow is the Russian state, the Moscow of the parade the city: two entities
  assert.equal(moscow.length, 2);
  assert.ok(moscow.some((c) => c.country === "RU"));
  assert.ok(moscow.some((c) => !c.country));
});

test("contradictions across reports: where it happened and the gunman at large or shot, in two languages", () => {
  const ds = pipelineDocs(SHOOTING);
  const f = fuseReports(ds);
  assert.deepEqual(disputeLines(f, ds, true), [
    // "hij" is the suspect of the sentence before: shot, against the gunman still at large the evening before
    // (the next morning's report settles it: an update, the evening's state superseded)
    "opposed (update) | Capital Wire: The gunman is still at large, police said || Stadskrant: Hij werd in een café in de wijk Schaarbeek neergeschoten",
    // the English report puts the shots near Place Sainctelette, the Dutch one in Schaerbeek
    "place | Capital Wire: The shots were fired in the neighbourhood of Place Sainctelette || Stadskrant: Hij werd in een café in de wijk Schaarbeek neergeschoten",
  ]);
  const opp = f.disputes.find((d) => d.type === "opposed")!;
  assert.deepEqual([...opp.detail.labels!].sort(), ["at large", "caught or dead"]);
  assert.equal(opp.detail.update, true);
  assert.match(f.disputes.find((d) => d.type === "place")!.reason, /^where it happened: .* put it in different places/);
});

test("contradictions: a suspect named by initial, then sentences about \"him\", then shot: still the suspect", () => {
  const ds = pipelineDocs([
    { source: "Capital Wire", published: "2025-02-03T22:00:00+01:00", lang: "en", text: "Two people were shot dead in Brussels on Monday evening.\n\nThe gunman is still at large, police said.\n" },
    {
      source: "Stadskrant",
      published: "2025-02-04T11:00:00+01:00",
      lang: "nl",
      text:
        "De dader van de aanslag in Brussel is volgens de politie de 38-jarige Karim T. Hij woonde in de wijk Molenbeek. " +
        "Hij had sinds het voorjaar geen vast werk meer. Hij werd dinsdagochtend in een café in de wijk Anderlecht neergeschoten.\n",
    },
  ]);
  const f = fuseReports(ds);
  // three sentences after the one that names the suspect, with two about "him" in between: the thread of
  // "hij" goes back to "de dader", so being shot stands against the gunman still at large
  assert.ok(
    disputeLines(f, ds, true).some((l) => /^opposed \(update\) \| Capital Wire: The gunman is still at large, police said \|\| Stadskrant: Hij werd dinsdagochtend .* neergeschoten$/.test(l)),
    JSON.stringify(disputeLines(f, ds, true)),
  );
});

test("entities: a country the alias table does not list is named in each language as that language's reports name it", () => {
  const ds = pipelineDocs([
    { source: "A", published: "2025-06-10T09:00:00+00:00", lang: "nl", text: "Polen heeft de Russische ambassadeur ontboden, meldt de regering in Warschau.\n" },
    { source: "B", published: "2025-06-10T10:00:00+00:00", lang: "nl", text: "Volgens Polen viel de raket op een graanschuur bij de grens.\n" },
    { source: "C", published: "2025-06-10T11:00:00+00:00", lang: "en", text: "Poland summoned the Russian ambassador on Tuesday.\n" },
  ]);
  const f = fuseReports(ds);
  const poland = f.entities.clusters.filter((c) => c.names.includes("Polen") || c.names.includes("Poland"));
  assert.equal(poland.length, 1, JSON.stringify(poland.map((c) => c.names)));
  // two Dutch reports name it more often, but an English reader reads "Poland"
  assert.deepEqual([poland[0]!.name("en"), poland[0]!.name("nl")], ["Poland", "Polen"]);
});
