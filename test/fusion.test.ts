import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc } from "../src/model/doc.js";
import { blockContext, fuseRecords, fuseReports, fuseStreamed, reportFusion, type Fusion } from "../src/ledger/fusion.js";
import { findDisputes, findDisputesIn } from "../src/ledger/disputes.js";
import type { FusionClaim } from "../src/ledger/claimkeys.js";
import { plainClaim } from "../src/ledger/claimcolumns.js";
import { disputeLines, namedClaim, pipelineDocs, propositionGroups, type TestReport } from "./helpers.js";
import { buildExport } from "../src/export/json.js";

// Reports written for these tests: two incidents in one ledger (a missile strike on a market in Kharkiv, told
// in Dutch and English, and floods in Valencia), a toll that rises, a denial, and an agency's copy carried by
// two outlets.
const KHARKIV: TestReport[] = [
  {
    source: "Dagblad Noord",
    published: "2025-03-03T12:00:00+01:00",
    lang: "nl",
    text:
      "Bij een raketaanval op een markt in Charkiv zijn maandagochtend zeker twaalf mensen om het leven gekomen. Dat meldt gouverneur Oleh Synjehoebov.\n\n" +
      "De Oekraïense luchtmacht zegt dat het om een Russische raket ging. Rusland ontkent dat het de markt heeft aangevallen.\n",
  },
  {
    source: "Coast Herald (AP)",
    published: "2025-03-04T09:00:00+00:00",
    lang: "en",
    text:
      "At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said.\n\n" +
      "Ukraine's air force said the missile was Russian. Russia denied attacking the market.\n",
  },
  {
    source: "Valley Times (AP)",
    published: "2025-03-04T09:30:00+00:00",
    lang: "en",
    text:
      "At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said.\n\n" +
      "Ukraine's air force said the missile was Russian. Russia denied attacking the market.\n",
  },
  {
    source: "Avondkrant",
    published: "2025-03-04T18:00:00+01:00",
    lang: "nl",
    text: "Bij de aanval op de markt in Charkiv zijn inmiddels 41 doden gevallen, meldt gouverneur Synjehoebov. Volgens burgemeester Ihor Terechov zijn 25 mensen omgekomen.\n",
  },
];
const VALENCIA: TestReport[] = [
  { source: "Iberia Post", published: "2025-03-05T10:00:00+01:00", lang: "en", text: "Flash floods killed eight people in Valencia on Wednesday, the regional government said.\n" },
  { source: "Zuiderkrant", published: "2025-03-05T16:00:00+01:00", lang: "nl", text: "Bij overstromingen in Valencia zijn woensdag acht mensen omgekomen, meldt de regionale regering.\n" },
];

const ALL = [...KHARKIV, ...VALENCIA];

test("propositions: one statement across reports and languages is one proposition, its copies and its speaker counted once", () => {
  const ds = pipelineDocs(ALL);
  const f = fuseReports(ds);
  assert.deepEqual(propositionGroups(f, ds, true), [
    [
      "Coast Herald (AP): At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said",
      "Valley Times (AP): At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said",
    ],
    [
      "Coast Herald (AP): Russia denied attacking the market",
      "Dagblad Noord: Rusland ontkent dat het de markt heeft aangevallen",
      "Valley Times (AP): Russia denied attacking the market",
    ],
    [
      "Coast Herald (AP): Ukraine's air force said the missile was Russian",
      "Dagblad Noord: De Oekraïense luchtmacht zegt dat het om een Russische raket ging",
      "Valley Times (AP): Ukraine's air force said the missile was Russian",
    ],
    ["Iberia Post: Flash floods killed eight people in Valencia on Wednesday, the regional government said", "Zuiderkrant: Bij overstromingen in Valencia zijn woensdag acht mensen omgekomen, meldt de regionale regering"],
  ]);
  const byText = (t: string) => f.propositions.find((p) => p.text.startsWith(t))!;
  const denial = byText("Rusland ontkent");
  assert.equal(denial.status, "denied");
  assert.equal(denial.reports, 3);
  assert.equal(denial.independent, 1, "one speaker, Russia, however many outlets quote it");
  assert.equal(denial.first_seen, "2025-03-03T12:00:00+01:00");
  assert.equal(denial.last_seen, "2025-03-04T09:30:00+00:00");
  const missile = byText("De Oekraïense luchtmacht");
  assert.equal(missile.status, "claimed");
  assert.equal(missile.independent, 1, "the Ukrainian air force, named in Dutch and in English");
  const floods = byText("Flash floods");
  assert.equal(floods.independent, 1, "the regional government, named in two languages, is one source");
  // the toll of twelve and the toll of forty-one are different statements of the rising toll
  assert.ok(!f.propositions.some((p) => p.claims.length > 1 && p.text.includes("twaalf")));
});

test("incidents: the Kharkiv reports are one incident, the Valencia floods another", () => {
  const ds = pipelineDocs(ALL);
  const f = fuseReports(ds);
  const inc = ds.map((d) => f.incidents.get(d.meta.id));
  assert.equal(new Set(inc.slice(0, 4)).size, 1);
  assert.equal(new Set(inc.slice(4)).size, 1);
  assert.notEqual(inc[0], inc[4]);
  // nothing is fused or set against each other across the two incidents
  for (const p of f.propositions) assert.equal(new Set(p.claims.map((c) => f.incidents.get(c.split("/")[0]!))).size, 1);
});

test("contradictions: a denial against the claim that names the denier, figures by different sources; a rising toll is no contradiction", () => {
  const ds = pipelineDocs(ALL);
  const f = fuseReports(ds);
  const air = ["Coast Herald (AP): Ukraine's air force said the missile was Russian", "Dagblad Noord: De Oekraïense luchtmacht zegt dat het om een Russische raket ging", "Valley Times (AP): Ukraine's air force said the missile was Russian"];
  const deny = ["Coast Herald (AP): Russia denied attacking the market", "Dagblad Noord: Rusland ontkent dat het de markt heeft aangevallen", "Valley Times (AP): Russia denied attacking the market"];
  const expected = [
    ...air.flatMap((a) => deny.map((d) => `denial | ${[a, d].sort().join(" || ")}`)),
    "figures | Avondkrant: Bij de aanval op de markt in Charkiv zijn inmiddels 41 doden gevallen, meldt gouverneur Synjehoebov || Avondkrant: Volgens burgemeester Ihor Terechov zijn 25 mensen omgekomen",
    "figures | Avondkrant: Volgens burgemeester Ihor Terechov zijn 25 mensen omgekomen || Coast Herald (AP): At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said",
    "figures | Avondkrant: Volgens burgemeester Ihor Terechov zijn 25 mensen omgekomen || Valley Times (AP): At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said",
  ].sort();
  assert.deepEqual(disputeLines(f, ds), expected);
  const fig = f.disputes.find((d) => d.type === "figures" && d.detail.values?.includes("41"))!;
  // speakers by their name across the ledger: the governor as the English reports spell him
  assert.match(fig.reason, /killed: 41 according to Oleh Syniehubov vs 25 according to Ihor Terechov/);
  const den = f.disputes.find((d) => d.type === "denial")!;
  assert.match(den.reason, /denies RU's part/);
});

test("a later, higher figure from another source is marked as an update; one source raising its own figure is none", () => {
  const ds = pipelineDocs([
    { source: "Morning Star", published: "2025-06-02T08:00:00+02:00", lang: "en", text: "Officials said 12 people died in the collapse of the Linden Street bridge in Rotterdam on Sunday.\n" },
    { source: "Evening Post", published: "2025-06-04T18:00:00+02:00", lang: "en", text: "Rescuers said 31 people died in the collapse of the Linden Street bridge in Rotterdam on Sunday.\n" },
    { source: "Evening Post", published: "2025-06-05T18:00:00+02:00", lang: "en", text: "Rescuers said 35 people died in the collapse of the Linden Street bridge in Rotterdam on Sunday.\n" },
  ]);
  const f = fuseReports(ds);
  const figs = f.disputes.filter((d) => d.type === "figures");
  assert.deepEqual(figs.map((d) => d.detail.values).sort(), [["12", "31"], ["12", "35"]]);
  assert.ok(figs.every((d) => d.detail.update === true));
  assert.match(figs[0]!.reason, /superseded/);
});

test("the result does not depend on the order reports arrive in", () => {
  const a = pipelineDocs(ALL);
  const b = pipelineDocs([...ALL].reverse());
  const fa = fuseReports(a), fb = fuseReports(b);
  assert.deepEqual(propositionGroups(fb, b, true), propositionGroups(fa, a, true));
  assert.deepEqual(disputeLines(fb, b), disputeLines(fa, a));
  const inc = (f: Fusion, ds: Doc[]) => ds.map((d) => `${d.meta.source}=${f.incidents.get(d.meta.id)}`).sort();
  assert.deepEqual(inc(fb, b), inc(fa, a));
});

test("read one incident at a time, in both languages at once, the ledger fuses as it does whole, and never holds two incidents' claims", async () => {
  const ds = pipelineDocs([...ALL].reverse());
  const records = ds.map(reportFusion);
  const claimsOf = new Map(records.map((r) => [r.incident.doc, r.claims]));
  const heads = records.map((r) => ({ entities: r.entities, incident: r.incident }));
  const asked: string[][] = [];
  const streamed = await fuseStreamed(
    heads,
    async (docs) => (asked.push([...docs]), new Map(docs.map((d) => [d, claimsOf.get(d)!]))),
    // (a claim of a block is read field by field: a copy by spread holds none of them)
    (c: FusionClaim) => ({ ...plainClaim(c), shingles: [] }),
    ["en", "nl"],
  );
  for (const lang of ["en", "nl"] as const) {
    const whole = fuseRecords(records, lang), f = streamed.get(lang)!;
    assert.deepEqual(f.propositions, whole.propositions);
    assert.deepEqual(f.disputes, whole.disputes);
    assert.deepEqual([...f.incidents].sort(), [...whole.incidents].sort());
    // the claims kept, in the ledger's order, without what only their incident's fusion reads
    assert.deepEqual(f.claims.map((c) => c.id), whole.claims.map((c) => c.id));
    assert.ok(f.claims.every((c) => c.shingles.length === 0));
  }
  // the Kharkiv reports and the Valencia floods: each incident's reports asked for once, apart
  assert.deepEqual(asked.map((a) => a.length).sort((a, b) => a - b), [VALENCIA.length, KHARKIV.length].sort((a, b) => a - b));
  assert.equal(new Set(asked.flat()).size, ds.length);
  // speakers are named in each language's words: the propositions of the two languages are not one list
  assert.notDeepEqual(streamed.get("en")!.propositions.flatMap((p) => p.sources.map((s) => s.name)), streamed.get("nl")!.propositions.flatMap((p) => p.sources.map((s) => s.name)));
});

test("claims read back as JSON for their incident hold one shared, frozen empty list and object, one frozen list of strings for each content, and fuse as the records do whole", async () => {
  const records = pipelineDocs(ALL).map(reportFusion);
  // as a store or the one-shot extract reads them: every claim's lists and objects its own
  const text = new Map(records.map((r) => [r.incident.doc, JSON.stringify(r.claims)]));
  const heads = records.map((r) => ({ entities: r.entities, incident: r.incident }));
  const read: FusionClaim[] = [];
  const streamed = await fuseStreamed(
    heads,
    async (docs) => new Map(docs.map((d) => [d, JSON.parse(text.get(d)!) as FusionClaim[]])),
    (c) => (read.push(c), c),
  );
  const whole = fuseRecords(records);
  assert.deepEqual(streamed.get("en")!.propositions, whole.propositions);
  assert.deepEqual(streamed.get("en")!.disputes, whole.disputes);
  // most claims name no doer and no figure: one list for all of them, which nothing can add to
  const noAgents = new Set(read.filter((c) => !c.agents.length).map((c) => c.agents));
  const noFigures = new Set(read.filter((c) => !c.figures.length).map((c) => c.figures));
  assert.ok(read.filter((c) => !c.agents.length).length > 10);
  assert.equal(noAgents.size, 1);
  assert.deepEqual(noFigures, noAgents);
  assert.ok(Object.isFrozen([...noAgents][0]));
  const noFeatures = read.filter((c) => !Object.keys(c.features).length).map((c) => c.features);
  assert.ok(noFeatures.length > 1 && noFeatures.every((f) => f === noFeatures[0] && Object.isFrozen(f)));
  // a list of strings is one frozen list for each content (the agency's copy carried by two outlets says
  // its concepts in the lists of the first), and reads as it was made
  const lists = read.filter((c) => c.concepts.length).map((c) => c.concepts);
  assert.ok(lists.every((l) => Object.isFrozen(l)));
  const byContent = new Map<string, Set<readonly string[]>>();
  for (const l of lists) (byContent.get(JSON.stringify(l)) ?? byContent.set(JSON.stringify(l), new Set()).get(JSON.stringify(l))!).add(l);
  assert.ok([...byContent.values()].every((s) => s.size === 1));
  assert.ok(byContent.size < lists.length);
  const made = new Map(records.flatMap((r) => r.claims).map((c) => [c.id, c]));
  for (const c of read) for (const k of ["concepts", "entities", "countries", "days"] as const) assert.deepEqual(c[k], made.get(c.id)![k]);
});

test("claims given deferred are read a report at a time, as the block takes them in, once each, and fuse as the records do whole", async () => {
  const records = pipelineDocs(ALL).map(reportFusion);
  const text = new Map(records.map((r) => [r.incident.doc, JSON.stringify(r.claims)]));
  const heads = records.map((r) => ({ entities: r.entities, incident: r.incident }));
  const reads: string[] = [];
  let asked = 0;
  const streamed = await fuseStreamed(
    heads,
    async (docs) => {
      asked++;
      // nothing is read when the block's reports are asked for: each is read when its turn comes
      return new Map(docs.map((d) => [d, { n: JSON.parse(text.get(d)!).length as number, read: () => (reads.push(d), JSON.parse(text.get(d)!) as FusionClaim[]) }]));
    },
    (c) => ({ id: c.id, doc: c.doc }) as FusionClaim,
  );
  const whole = fuseRecords(records);
  assert.deepEqual(streamed.get("en")!.propositions, whole.propositions);
  assert.deepEqual(streamed.get("en")!.disputes, whole.disputes);
  assert.deepEqual(streamed.get("en")!.claims.map((c) => c.id), whole.claims.map((c) => c.id));
  assert.equal(asked, 2);
  assert.deepEqual([...reads].sort(), records.map((r) => r.incident.doc).sort());
});

test("the disputes of a block in two languages are each language's own, from one set of the block's items", () => {
  const records = pipelineDocs(ALL).map(reportFusion);
  const whole = fuseRecords(records);
  const kharkiv = whole.incidents.get(records.find((r) => r.claims.some((c) => /Kharkiv/.test(c.text)))!.incident.doc)!;
  const block = whole.claims.filter((c) => whole.incidents.get(c.doc) === kharkiv);
  // (the parties of a claim are asked once for each item made)
  let asked = 0;
  const counted = (lang: "en" | "nl") => {
    const ctx = blockContext(whole.entities, lang);
    return { ...ctx, party: (c: FusionClaim) => (asked++, ctx.party(c)) };
  };
  const [en, nl] = [counted("en"), counted("nl")];
  const apart = [findDisputes(block, en, { scope: "ledger" }), findDisputes(block, nl, { scope: "ledger" })];
  const twice = asked;
  asked = 0;
  const together = findDisputesIn(block, [en, nl], { scope: "ledger" });
  assert.deepEqual(together, apart);
  assert.ok(apart[0]!.length >= 4);
  // Russia's denial against the air force: named in each language's words
  assert.notDeepEqual(together[0]!.map((d) => d.reason), together[1]!.map((d) => d.reason));
  assert.equal(asked * 2, twice);
});

test("the one-shot export of several reports carries their propositions and the contradictions across them", () => {
  const ds = pipelineDocs(ALL);
  const x = buildExport(ds) as ReturnType<typeof buildExport> & { propositions: { claims: string[]; reports: number; independent_sources: number; status: string }[] };
  const multi = x.propositions.filter((p) => p.claims.length > 1);
  assert.equal(multi.length, 4);
  assert.ok(x.propositions.every((p) => p.claims.every((c) => x.claims.some((k) => k.id === c))));
  const across = x.contradictions.filter((c) => {
    const [a, b] = c.claims.map((id) => x.claims.find((k) => k.id === id)!.doc);
    return a !== b;
  });
  // Russia's denial in three reports against the air force in three: the six pairs across reports, and the
  // two figures of 40 against the mayor's 25
  assert.equal(across.length, 8);
  const one = buildExport([ds[0]!]) as { propositions?: unknown };
  assert.equal(one.propositions, undefined, "a single report is not fused");
});

test("propositions: the same countries as doer in one claim and as target in the other say different things", () => {
  const rs: TestReport[] = [
    {
      source: "Grenskrant",
      published: "2025-04-08T10:00:00+02:00",
      lang: "nl",
      text: "Russische raketten hebben dinsdag Oekraïne aangevallen. De raket die in het dorp Hrubieszów insloeg, werd volgens onderzoekers afgevuurd door de Oekraïense luchtverdediging.\n",
    },
    {
      source: "Border Daily",
      published: "2025-04-08T12:00:00+00:00",
      lang: "en",
      text: "Investigators said the missile that hit the village of Hrubieszów was fired by Ukrainian air defence against a Russian attack on Ukraine on Tuesday.\n",
    },
    {
      source: "Eastern Wire",
      published: "2025-04-08T14:00:00+00:00",
      lang: "en",
      text: "Russian missiles attacked Ukraine on Tuesday, the Ukrainian air force said.\n",
    },
  ];
  const ds = pipelineDocs(rs);
  const f = fuseReports(ds);
  const n = namedClaim(f, ds);
  const propOf = (t: string) => f.propositions.find((p) => p.claims.some((id) => n(id).includes(t)))!;
  // the Ukrainian launch is its own statement, never the Russian attack
  assert.notEqual(propOf("fired by Ukrainian air defence"), propOf("Russian missiles attacked Ukraine"));
  assert.notEqual(propOf("afgevuurd door de Oekraïense luchtverdediging"), propOf("Russische raketten hebben"));
  // the same doer in two languages still makes one statement
  assert.equal(propOf("Russian missiles attacked Ukraine"), propOf("Russische raketten hebben"));
});

test("propositions: a toll said alone is the same toll said inside a longer sentence, and another toll is not", () => {
  const long: TestReport = {
    source: "Kustkrant",
    published: "2025-05-12T10:00:00+02:00",
    lang: "en",
    text: "The death toll in the coastal town of Marsa has soared to 2,340 as rescuers search the mud after two dams collapsed in heavy rain.\n",
  };
  const short = (toll: string): TestReport => ({ source: "Avondblad", published: "2025-05-12T18:00:00+02:00", lang: "nl", text: `Volgens de laatste cijfers zijn er in Marsa inmiddels ${toll} doden gevallen.\n` });
  const fused = (toll: string) => {
    const ds = pipelineDocs([long, short(toll)]);
    const f = fuseReports(ds);
    return f.propositions.some((p) => p.claims.length === 2);
  };
  assert.ok(fused("2.340"));
  assert.ok(!fused("1.200"));
});
