import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { deflateRawSync } from "node:zlib";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import { buildPicture } from "../src/ledger/picture.js";
import { composeBriefing, type Briefing, type BriefLine } from "../src/brief/index.js";
import type { SitrepExport } from "../src/export/schema.js";
import type { Lang } from "../src/model/doc.js";

// The ledger's fusion, through the store: reports written for this test (a missile strike on a market in
// Kharkiv told in Dutch and English, with an agency's copy in two outlets, a rising toll and a denial; and
// floods in Valencia, another incident), ingested one at a time in two different orders.
interface R {
  file: string;
  source: string;
  published: string;
  lang: Lang;
  text: string;
}
const REPORTS: R[] = [
  {
    file: "01-dagblad.nl.txt", source: "Dagblad Noord", published: "2025-03-03T12:00:00+01:00", lang: "nl",
    text:
      "Bij een raketaanval op een markt in Charkiv zijn maandagochtend zeker twaalf mensen om het leven gekomen. Dat meldt gouverneur Oleh Synjehoebov.\n\n" +
      "De Oekraïense luchtmacht zegt dat het om een Russische raket ging. Rusland ontkent dat het de markt heeft aangevallen.\n",
  },
  {
    file: "02-coast.en.txt", source: "Coast Herald (AP)", published: "2025-03-04T09:00:00+00:00", lang: "en",
    text:
      "At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said.\n\n" +
      "Ukraine's air force said the missile was Russian. Russia denied attacking the market.\n",
  },
  {
    file: "03-valley.en.txt", source: "Valley Times (AP)", published: "2025-03-04T09:30:00+00:00", lang: "en",
    text:
      "At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said.\n\n" +
      "Ukraine's air force said the missile was Russian. Russia denied attacking the market.\n",
  },
  {
    file: "04-avond.nl.txt", source: "Avondkrant", published: "2025-03-04T18:00:00+01:00", lang: "nl",
    text: "Bij de aanval op de markt in Charkiv zijn inmiddels 41 doden gevallen, meldt gouverneur Synjehoebov. Volgens burgemeester Ihor Terechov zijn 25 mensen omgekomen.\n",
  },
  { file: "05-iberia.en.txt", source: "Iberia Post", published: "2025-03-05T10:00:00+01:00", lang: "en", text: "Flash floods killed eight people in Valencia on Wednesday, the regional government said.\n" },
  { file: "06-zuider.nl.txt", source: "Zuiderkrant", published: "2025-03-05T16:00:00+01:00", lang: "nl", text: "Bij overstromingen in Valencia zijn woensdag acht mensen omgekomen, meldt de regionale regering.\n" },
];

const dir = mkdtempSync(join(tmpdir(), "sitrep-ledger-fusion-"));
const pathOf = (r: R) => join(dir, r.file);
for (const r of REPORTS) writeFileSync(pathOf(r), `---\ntitle: ${r.source} on the news\nsource: ${r.source}\npublished: ${r.published}\nlanguage: ${r.lang}\n---\n${r.text}`);

type Exported = SitrepExport & { propositions: { id: string; text: string; claims: string[]; status: string; reports: number; independent_sources: number; first_seen: string; last_seen: string }[] };

/** A ledger of the reports, each ingested on its own (as they arrive), in the order given. */
async function ledger(order: readonly R[]): Promise<{ x: Exported; brief: Record<Lang, Briefing> }> {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-ledger-fusion-db-")), "ledger.db");
  const s = await openStore(db);
  try {
    for (const r of order) assert.equal((await ingestFiles(s, [pathOf(r)])).added, 1);
    let json = "";
    const brief = {} as Record<Lang, Briefing>;
    await s.snapshot(async (rd) => {
      for await (const chunk of exportJson(ledgerExport(rd))) json += chunk;
      for (const lang of ["en", "nl"] as const) brief[lang] = composeBriefing(await buildPicture(rd, { lang }), lang);
    });
    return { x: JSON.parse(json) as Exported, brief };
  } finally {
    await s.close();
  }
}

const forward = await ledger(REPORTS);
const backward = await ledger([...REPORTS].reverse());

/** A claim as outlet + words, whatever ids it got. */
const named = (x: Exported) => {
  const outlet = new Map(x.documents.map((d) => [d.id, d.source]));
  const claim = new Map(x.claims.map((c) => [c.id, c]));
  return (id: string) => `${outlet.get(claim.get(id)!.doc)}: ${claim.get(id)!.text}`;
};
const groups = (x: Exported) => {
  const n = named(x);
  return x.propositions.filter((p) => p.claims.length > 1).map((p) => p.claims.map(n).sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
};
const contradictions = (x: Exported) => {
  const n = named(x);
  return x.contradictions.map((c) => `${(c as { type?: string }).type}${(c as { update?: boolean }).update ? " (update)" : ""} | ${c.claims.map(n).sort().join(" || ")}`).sort();
};

const AIR = ["Coast Herald (AP): Ukraine's air force said the missile was Russian", "Dagblad Noord: De Oekraïense luchtmacht zegt dat het om een Russische raket ging", "Valley Times (AP): Ukraine's air force said the missile was Russian"];
const DENY = ["Coast Herald (AP): Russia denied attacking the market", "Dagblad Noord: Rusland ontkent dat het de markt heeft aangevallen", "Valley Times (AP): Russia denied attacking the market"];
const FORTY = "At least 40 people were killed when a missile struck a market in Kharkiv on Monday, regional governor Oleh Syniehubov said";

test("ledger propositions: one statement across reports and languages, the agency's copies and one speaker counted once", () => {
  assert.deepEqual(groups(forward.x), [
    [`Coast Herald (AP): ${FORTY}`, `Valley Times (AP): ${FORTY}`],
    DENY,
    AIR,
    ["Iberia Post: Flash floods killed eight people in Valencia on Wednesday, the regional government said", "Zuiderkrant: Bij overstromingen in Valencia zijn woensdag acht mensen omgekomen, meldt de regionale regering"],
  ]);
  const p = (t: string) => forward.x.propositions.find((x) => x.text.startsWith(t))!;
  assert.deepEqual([p("Rusland ontkent").status, p("Rusland ontkent").reports, p("Rusland ontkent").independent_sources], ["denied", 3, 1]);
  assert.equal(p("Rusland ontkent").first_seen, "2025-03-03T12:00:00+01:00");
  assert.equal(p("Rusland ontkent").last_seen, "2025-03-04T09:30:00+00:00");
  assert.deepEqual([p("De Oekraïense luchtmacht").status, p("De Oekraïense luchtmacht").independent_sources], ["claimed", 1]);
  assert.deepEqual([p("Flash floods").reports, p("Flash floods").independent_sources], [2, 1]);
  // every claim is in exactly one proposition
  const all = forward.x.propositions.flatMap((x) => x.claims);
  assert.equal(all.length, forward.x.claims.length);
  assert.equal(new Set(all).size, all.length);
});

test("ledger contradictions: the denial against the air force, the mayor's toll against the governor's; the governor raising his own toll is none", () => {
  assert.deepEqual(contradictions(forward.x), [
    ...AIR.flatMap((a) => DENY.map((d) => `denial | ${[a, d].sort().join(" || ")}`)),
    "figures | Avondkrant: Bij de aanval op de markt in Charkiv zijn inmiddels 41 doden gevallen, meldt gouverneur Synjehoebov || Avondkrant: Volgens burgemeester Ihor Terechov zijn 25 mensen omgekomen",
    `figures | Avondkrant: Volgens burgemeester Ihor Terechov zijn 25 mensen omgekomen || Coast Herald (AP): ${FORTY}`,
    `figures | Avondkrant: Volgens burgemeester Ihor Terechov zijn 25 mensen omgekomen || Valley Times (AP): ${FORTY}`,
  ].sort());
  // nothing of Valencia is set against Kharkiv
  assert.ok(!contradictions(forward.x).some((c) => /Valencia/.test(c)));
});

test("the ledger's fusion does not depend on the order reports arrive in", () => {
  assert.deepEqual(groups(backward.x), groups(forward.x));
  assert.deepEqual(contradictions(backward.x), contradictions(forward.x));
  assert.deepEqual(backward.x.entities.map((e) => [e.id, e.name]).sort(), forward.x.entities.map((e) => [e.id, e.name]).sort());
});

test("entities across reports and languages: the governor in two spellings, Kharkiv as Charkiv", () => {
  const gov = forward.x.entities.filter((e) => [e.name, ...e.aliases].some((n) => /Syniehubov|Synjehoebov/.test(n)));
  assert.equal(gov.length, 1);
  assert.equal(gov[0]!.name, "Oleh Syniehubov");
  const city = forward.x.entities.filter((e) => [e.name, ...e.aliases].some((n) => n === "Kharkiv" || n === "Charkiv"));
  assert.equal(city.length, 1);
});

const lines = (b: Briefing, id: string, title?: string): string[] => {
  const s = b.sections.find((x) => x.id === id)!;
  const ls: BriefLine[] = title === undefined ? s.lines : s.groups!.find((g) => g.title === title)?.lines ?? [];
  return ls.map((l) => (l.quote ? `“${l.quote}” ${l.text}`.trimEnd() : l.text));
};

// the governor is named as each language's reports spell him: "Syniehubov" in English, "Synjehoebov" in Dutch
test("the briefing: one line per proposition, speakers by one name, the denial and the dispute once, in the reader's language", () => {
  for (const b of [forward.brief, backward.brief]) {
    const en = b.en, nl = b.nl;
    assert.deepEqual(lines(en, "established"), []);
    assert.deepEqual(en.sections.find((s) => s.id === "claims")!.groups!.map((g) => g.title), ["Ukraine's air force", "Oleh Syniehubov", "regional government", "Ihor Terechov"]);
    assert.deepEqual(lines(en, "claims", "Ukraine's air force"), ["“Ukraine's air force said the missile was Russian” (3 reports, 1 independent)"]);
    assert.deepEqual(lines(en, "claims", "Oleh Syniehubov"), [
      `“${FORTY}” (2 reports, 1 independent)`,
      "“Bij een raketaanval op een markt in Charkiv zijn maandagochtend zeker twaalf mensen om het leven gekomen”",
      "“Bij de aanval op de markt in Charkiv zijn inmiddels 41 doden gevallen, meldt gouverneur Synjehoebov”",
    ]);
    assert.deepEqual(lines(en, "denied"), ["“Russia denied attacking the market” Russia denies it (3 reports, 1 independent)"]);
    assert.deepEqual(lines(nl, "denied"), ["“Rusland ontkent dat het de markt heeft aangevallen” Rusland ontkent het (3 berichten, 1 onafhankelijk)"]);
    assert.deepEqual(nl.sections.find((s) => s.id === "claims")!.groups!.map((g) => g.title), ["Oekraïense luchtmacht", "Oleh Synjehoebov", "regionale regering", "Ihor Terechov"]);
    const contested = lines(en, "unclear", "Contested");
    assert.equal(contested.length, 2);
    assert.equal(contested[0], "Killed: ≥40 according to Oleh Syniehubov; 41 according to Oleh Syniehubov; 25 according to Ihor Terechov.");
    assert.match(contested[1]!, /^“Russia denied attacking the market” ⟷ “Ukraine's air force said the missile was Russian” Russia denies involvement; Ukraine's air force says otherwise\. \(\+2 more reports saying the same\)$/);
    assert.match(lines(nl, "unclear", "Betwist")[1]!, /Rusland ontkent betrokkenheid; Oekraïense luchtmacht zegt het tegendeel\. \(\+2 berichten die hetzelfde zeggen\)$/);
  }
});

test("a toll that a later report raises is an update, not a contested line", async () => {
  const rs: R[] = [
    { file: "b1.en.txt", source: "Morning Star", published: "2025-06-02T08:00:00+02:00", lang: "en", text: "Officials said 12 people died in the collapse of the Linden Street bridge in Rotterdam on Sunday.\n" },
    { file: "b2.en.txt", source: "Evening Post", published: "2025-06-04T18:00:00+02:00", lang: "en", text: "Rescuers said 31 people died in the collapse of the Linden Street bridge in Rotterdam on Sunday.\n" },
  ];
  for (const r of rs) writeFileSync(pathOf(r), `---\nsource: ${r.source}\npublished: ${r.published}\nlanguage: ${r.lang}\n---\n${r.text}`);
  const { x, brief } = await ledger(rs);
  assert.deepEqual(contradictions(x), [
    "figures (update) | Evening Post: Rescuers said 31 people died in the collapse of the Linden Street bridge in Rotterdam on Sunday || Morning Star: Officials said 12 people died in the collapse of the Linden Street bridge in Rotterdam on Sunday",
  ]);
  assert.deepEqual(lines(brief.en, "unclear", "Contested"), []);
});

test("a report's fusion record reads back from its stored form exactly as it was made (shared fields said once, ids and order keys left out only where they follow, shingles worked out again from the words they were made of)", async () => {
  const { Doc } = await import("../src/model/doc.js");
  const { runPipeline } = await import("../src/pipeline/index.js");
  const { reportFusion } = await import("../src/ledger/fusion.js");
  const { storedFusion, rehydrate, shapedClaims, shaped } = await import("../src/ledger/stored.js");
  const shingles = { own: 0, other: 0 };
  for (const r of REPORTS) {
    const doc = runPipeline(new Doc(r.text, { id: "d1", source: r.source, published: r.published, publishedFrom: "front-matter", language: r.lang, languageFrom: "front-matter", format: "text" }));
    const stored = JSON.parse(JSON.stringify(storedFusion(doc)));
    // as made: the report's own id in place of the placeholder
    const self = Object.assign(Object.create(doc) as typeof doc, { meta: { ...doc.meta, id: "\u0001" } });
    const made = { ...reportFusion(self), claimIds: doc.claims.map((c) => c.id), entityIds: doc.entities.map((e) => e.id) };
    const want = rehydrate(JSON.parse(JSON.stringify(made)), "dabc");
    assert.ok(want.claims.length > 0 && want.claims.some((c) => c.shingles.length > 0));
    assert.equal(JSON.stringify(rehydrate(stored, "dabc")), JSON.stringify(want));
    // ids numbered in order are not stored, nor the incident's entity records (the report's, in order)
    assert.ok(!("claimIds" in stored) && !("entityIds" in stored) && stored.incident.entities.every((x: object) => !("record" in x)));
    // no shingles are stored, only the words they were made of where those are not the claim's own
    // (its attribution left out)
    for (const c of stored.claims as { shingles?: string; shingled?: string }[]) {
      assert.ok(!("shingles" in c));
      shingles["shingled" in c ? "other" : "own"]++;
    }
    // a record stored before this (every claim's shingles as bytes) reads back the same
    const older = JSON.parse(JSON.stringify(storedFusion(doc)));
    older.claims.forEach((c: { shingles?: string; shingled?: string }, i: number) => {
      delete c.shingled;
      c.shingles = Buffer.from(new Uint32Array(want.claims[i]!.shingles).buffer).toString("base64");
    });
    assert.equal(JSON.stringify(rehydrate(older, "dabc")), JSON.stringify(want));
    // a claim's start is kept as its distance from the end of the claim before; a record that kept the
    // start itself (before that) reads back the same
    assert.ok(stored.claims.every((c: object) => "at" in c && !("start" in c)));
    const positioned = JSON.parse(JSON.stringify(storedFusion(doc)));
    positioned.claims = positioned.claims.map((c: Record<string, unknown>, i: number) =>
      Object.fromEntries(Object.entries(c).map(([k, v]) => (k === "at" ? ["start", want.claims[i]!.start] : [k, v]))),
    );
    assert.equal(JSON.stringify(rehydrate(positioned, "dabc")), JSON.stringify(want));
    // the claims as a ledger's fusion reads them, in one pass, are the record's claims read back whole
    // (every key, in the fixed shape; the report's id put in everywhere but in their words), from either form
    for (const form of [stored, older, positioned]) {
      const quick = shapedClaims(JSON.parse(JSON.stringify(form)), "dabc");
      assert.ok(quick && quick.length === want.claims.length);
      // (every key of the fixed shape, also those no claim of these reports has, such as an own-voice subject)
      for (const k of Object.keys(shaped(want.claims[0]!))) assert.ok(k in quick[0]!, `the claims read in one pass have no ${k}`);
      // (their shingles worked out when asked for: read through every key, as a plain claim)
      const plain = quick.map(shaped);
      assert.deepStrictEqual(plain, want.claims.map(shaped));
      assert.equal(JSON.stringify(plain), JSON.stringify(want.claims.map(shaped)));
      assert.ok(plain.every((c) => c.id.startsWith("dabc/") && c.doc === "dabc" && !JSON.stringify(c).includes("\\u0001")));
      assert.deepStrictEqual(quick.map((c) => c.shingles), want.claims.map((c) => c.shingles));
    }
    // and the stored form is smaller
    assert.ok(deflateRawSync(JSON.stringify(stored)).length < deflateRawSync(JSON.stringify(made)).length);
  }
  assert.ok(shingles.own > 0 && shingles.other > 0, JSON.stringify(shingles));
});
