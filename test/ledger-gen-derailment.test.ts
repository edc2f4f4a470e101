import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/store/index.js";
import { expandInputs, ingestFiles } from "../src/cli/ingest.js";
import { buildPicture } from "../src/ledger/picture.js";
import { composeBriefing, renderBriefing } from "../src/brief/index.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import type { SitrepExport } from "../src/export/schema.js";
import type { Lang } from "../src/model/doc.js";
import { fuseReports } from "../src/ledger/fusion.js";
import { disputeLines, pipelineDocs, propositionGroups, type TestReport } from "./helpers.js";

// An event of a kind the devset lacks, in five reports of our own (test/fixtures/derailment): a train that
// derailed near Villach, told by a wire story and its copy, two Dutch papers and an English one a day on. A
// toll that rises (three, five, seven), counts of the wounded that are not rival tolls (40 hurt, 32 taken to
// hospital, nine still there), a count of passengers the union disputes, a charge and its denial in both
// languages, and one fact two speakers give (the police and the Red Cross: two carriages overturned).
const root = fileURLToPath(new URL("../../", import.meta.url));
const dbFile = join(mkdtempSync(join(tmpdir(), "sitrep-derail-")), "ledger.db");
{
  const s = await openStore(dbFile);
  const sum = await ingestFiles(s, expandInputs([join(root, "test", "fixtures", "derailment")]).files);
  assert.equal(sum.added, 5, JSON.stringify(sum));
  await s.close();
}

// the export's fused part as this test reads it (the schema's type leaves the ledger's own fields open)
type Ledger = Omit<SitrepExport, "contradictions"> & {
  propositions: { claims: string[]; reports: number; independent_sources: number; sources: { name: string }[] }[];
  contradictions: { claims: string[]; reason: string; type: string }[];
};
const ledger: Ledger = await (async () => {
  const s = await openStore(dbFile, { readonly: true });
  try {
    let json = "";
    await s.snapshot(async (r) => {
      for await (const chunk of exportJson(ledgerExport(r))) json += chunk;
    });
    return JSON.parse(json) as Ledger;
  } finally {
    await s.close();
  }
})();

async function briefing(lang: Lang): Promise<string[]> {
  const s = await openStore(dbFile, { readonly: true });
  try {
    return renderBriefing(composeBriefing(await s.snapshot((r) => buildPicture(r, { lang })), lang), "md").split("\n");
  } finally {
    await s.close();
  }
}

const outlet = new Map(ledger.documents.map((d) => [d.id, d.source]));
const claimText = new Map(ledger.claims.map((c) => [c.id, `${outlet.get(c.doc)}: ${c.text}`]));
/** The proposition that holds a claim with these words, as its claims (outlet: words) and source counts. */
function proposition(words: string) {
  const p = ledger.propositions.find((x) => x.claims.some((c) => claimText.get(c)!.includes(words)));
  assert.ok(p, `no proposition holds "${words}"`);
  return { claims: p.claims.map((c) => claimText.get(c)!).sort(), reports: p.reports, independent: p.independent_sources };
}

test("derailment: one fact in other words and another language fuses; copies and one speaker count once", () => {
  // the police (in the wire story and its copy) and the Red Cross (in Dutch) say the same: two independent sources
  assert.deepEqual(proposition("twee wagons gekanteld"), {
    claims: [
      "Alpine Wire: Two carriages overturned, police said",
      "Danube Post: Two carriages overturned, police said",
      "Het Noorderblad: Volgens het Oostenrijkse Rode Kruis zijn twee wagons gekanteld",
    ],
    reports: 3,
    independent: 2,
  });
  // the union's charge in English and in Dutch is one proposition (postponed repairs, uitgestelde reparaties)
  assert.deepEqual(proposition("beschuldigt de ÖBB").claims, [
    "Central Europe Herald: The union accused ÖBB of postponing repairs on the stretch of track where the train left the rails",
    "Dagblad van het Zuiden: De spoorwegvakbond vida beschuldigt de ÖBB ervan reparaties aan het spoor te hebben uitgesteld",
  ]);
  // the wire copy adds no source; the Red Cross quoted by a Dutch paper a day later is still the Red Cross
  assert.deepEqual([proposition("A passenger train derailed").reports, proposition("A passenger train derailed").independent], [3, 2]);
  assert.deepEqual(proposition("32 gewonden"), {
    claims: [
      "Alpine Wire: The Austrian Red Cross said 32 injured people had been taken to hospitals in Villach and Klagenfurt",
      "Dagblad van het Zuiden: Het Oostenrijkse Rode Kruis zegt dat 32 gewonden naar ziekenhuizen in Villach en Klagenfurt zijn gebracht",
      "Danube Post: The Austrian Red Cross said 32 injured people had been taken to hospitals in Villach and Klagenfurt",
    ],
    reports: 3,
    independent: 1,
  });
  // "a.m." then a count spelled out ends a sentence: the report says when the train left the tracks, the
  // police say that two carriages overturned
  assert.deepEqual(proposition("left the tracks").claims, [
    "Alpine Wire: The regional express from Klagenfurt to Salzburg left the tracks on a bend shortly after 7 a.m.",
    "Danube Post: The regional express from Klagenfurt to Salzburg left the tracks on a bend shortly after 7 a.m.",
  ]);
  // "de gouverneur van Karinthië" is the governor the wire story names, not the region
  assert.deepEqual(ledger.propositions.find((p) => p.claims.some((c) => claimText.get(c)!.includes("zeker vijf mensen")))!.sources.map((x) => x.name).sort(), [
    "Alpine Wire",
    "Danube Post",
    "Martina Holzer",
  ]);
  // the railway's count in English and in Dutch: one body whatever its name's language, by the acronym in
  // parentheses both give ("Austrian Federal Railways (ÖBB)", "de Oostenrijkse Spoorwegen (ÖBB)")
  assert.deepEqual(proposition("180 passagiers"), {
    claims: [
      "Alpine Wire: Austrian Federal Railways (ÖBB) said 180 passengers were on board",
      "Danube Post: Austrian Federal Railways (ÖBB) said 180 passengers were on board",
      "Het Noorderblad: De Oostenrijkse Spoorwegen (ÖBB) zeggen dat er 180 passagiers in de trein zaten",
    ],
    reports: 3,
    independent: 1,
  });
  // said once only: the rescue stays a proposition of its own
  assert.deepEqual(proposition("twaalf mensen bevrijd").claims, ["Het Noorderblad: Hulpverleners hebben twaalf mensen bevrijd die vastzaten in de wrakstukken"]);
});

test("derailment: the disputed count of passengers and the denials contradict; counts of the wounded in hospital do not", () => {
  const line = (type: string, a: string, b: string) => `${type} | ${[a, b].sort().join(" || ")}`;
  const lines = ledger.contradictions.map((c) => line(c.type, claimText.get(c.claims[0]!)!, claimText.get(c.claims[1]!)!)).sort();
  const vida = "Central Europe Herald: The railway workers' union vida said on Wednesday that more than 300 passengers were on board the train that derailed near Villach";
  assert.deepEqual(lines, [
    line("denial", "Central Europe Herald: ÖBB denied that any maintenance work had been postponed", "Central Europe Herald: The union accused ÖBB of postponing repairs on the stretch of track where the train left the rails"),
    line("denial", "Dagblad van het Zuiden: De ÖBB ontkent dat", "Dagblad van het Zuiden: De spoorwegvakbond vida beschuldigt de ÖBB ervan reparaties aan het spoor te hebben uitgesteld"),
    // the railway's 180 (in each report that gives it) against the union's more than 300; not the
    // report's own "disputing the figure of 180 given by Austrian Federal Railways", which only recalls it
    line("figures", vida, "Alpine Wire: Austrian Federal Railways (ÖBB) said 180 passengers were on board"),
    line("figures", vida, "Danube Post: Austrian Federal Railways (ÖBB) said 180 passengers were on board"),
    line("figures", vida, "Het Noorderblad: De Oostenrijkse Spoorwegen (ÖBB) zeggen dat er 180 passagiers in de trein zaten"),
  ].sort());
  // a count of those on board does not rise: the later, higher one disputes the earlier, it is no update
  for (const c of ledger.contradictions) assert.doesNotMatch(c.reason, /superseded/);
});

test("derailment briefing: the toll rises, the hospital counts stand apart, the passengers are contested", async () => {
  for (const [lang, rising, hospital, contested] of [
    ["en", "### Killed (Villach) — rising: ≥3 → ≥5 → 7", "### Wounded (in hospital, Villach) — 32, one source", "- Other figures (passengers): 180 according to Austrian Federal Railways; ≥300 according to vida."],
    ["nl", "### Doden (Villach) — oplopend: ≥3 → ≥5 → 7", "### Gewonden (in het ziekenhuis, Villach) — 32, één bron", "- Overige cijfers (passagiers): "],
  ] as const) {
    const b = await briefing(lang);
    assert.ok(b.some((l) => l.startsWith(rising)), `${lang}: ${rising}\n${b.join("\n")}`);
    assert.ok(b.includes(hospital), `${lang}: ${hospital}`);
    assert.ok(b.some((l) => l.startsWith(contested) && /: 180 (according to|volgens) (Austrian Federal Railways|ÖBB); ≥300 (according to|volgens) vida\./.test(l)), `${lang}: ${contested}`);
    // 40 hurt, 32 taken to hospital and 9 still there are no rival counts of the wounded
    assert.ok(!b.some((l) => /^- (Wounded|Gewonden):/.test(l)), `${lang}: a contested count of the wounded`);
    assert.ok(!b.some((l) => /^### (Wounded|Gewonden) \(Villach\) — (range|\d+ tot)/.test(l)), `${lang}: a range of the wounded`);
  }
});

test("derailment briefing: the wire story and its copy ask one open question, in one line citing both", async () => {
  // "The cause of the derailment is not yet known" and its copy's "… is still unknown" are one proposition
  for (const [lang, heading] of [["en", "### Open questions"], ["nl", "### Open vragen"]] as const) {
    const b = await briefing(lang);
    const at = b.indexOf(heading);
    assert.ok(at >= 0, `${lang}: no ${heading}\n${b.join("\n")}`);
    const lines: string[] = [];
    for (let i = at + 1; i < b.length && b[i]!.startsWith("- "); i++) lines.push(b[i]!);
    const cause = lines.filter((l) => /cause of the derailment/.test(l));
    assert.equal(cause.length, 1, `${lang}: ${lines.join("\n")}`);
    const docs = new Set([...cause[0]!.matchAll(/\[(\w+):\d+–\d+\]/g)].map((m) => outlet.get(m[1]!)));
    assert.deepEqual([...docs].sort(), ["Alpine Wire", "Danube Post"], cause[0]);
    // the copy is no second origin
    assert.match(cause[0]!, lang === "en" ? /\(2 reports, 1 independent\)/ : /\(2 berichten, 1 onafhankelijk\)/);
  }
});

test("derailment: the line that stays closed until Friday is closed until the coming Friday", () => {
  // Het Noorderblad, published Tuesday 10 March: "blijft tot zeker vrijdag gesloten" is Friday the 13th
  const noorderblad = ledger.documents.find((d) => d.source === "Het Noorderblad")!;
  const friday = ledger.times.filter((t) => t.doc === noorderblad.id && t.text === "vrijdag");
  assert.deepEqual(friday.map((t) => t.value), ["2026-03-13"]);
});

// A hostage siege in four short reports of our own, two English and two Dutch: the hostage-taking, the
// freeing of the hostages and the arrest are three things that happened, each told in both languages.
const SIEGE: TestReport[] = [
  {
    source: "Meuse Wire",
    published: "2026-04-02T14:00:00+00:00",
    lang: "en",
    text:
      "A gunman took twelve people hostage in a supermarket in Liège on Thursday afternoon, police said.\n\n" +
      "About 200 residents were evacuated from nearby buildings, the mayor of Liège, Sophie Lambert, said. Two people were wounded when the man opened fire, a hospital spokesman said.\n",
  },
  {
    source: "De Grenskoerier",
    published: "2026-04-02T18:00:00+02:00",
    lang: "nl",
    text:
      "Een gewapende man heeft donderdagmiddag twaalf mensen gegijzeld in een supermarkt in Luik, meldt de politie.\n\n" +
      "Volgens de burgemeester zijn zo'n 200 buurtbewoners geëvacueerd. Bij de schietpartij raakten twee mensen gewond.\n",
  },
  {
    source: "Brussels Daily",
    published: "2026-04-03T07:00:00+00:00",
    lang: "en",
    text: "Special forces stormed the supermarket in Liège late on Thursday and freed all twelve hostages, the federal prosecutor's office said. The hostage-taker was arrested.\n\nThree of the wounded are still in hospital, the mayor said.\n",
  },
  {
    source: "Het Noorderblad",
    published: "2026-04-03T10:00:00+02:00",
    lang: "nl",
    text: "Een speciale eenheid van de politie heeft donderdagavond alle twaalf gijzelaars in een supermarkt in Luik bevrijd. De gijzelnemer is aangehouden, meldt het federaal parket.\n\nBurgemeester Sophie Lambert zegt dat vijf gewonden naar het ziekenhuis zijn gebracht.\n",
  },
];

test("hostage siege: taking hostages and freeing them are two propositions, each fused across languages", () => {
  const ds = pipelineDocs(SIEGE);
  const f = fuseReports(ds);
  assert.deepEqual(propositionGroups(f, ds, true), [
    [
      "Brussels Daily: The hostage-taker was arrested",
      "Het Noorderblad: De gijzelnemer is aangehouden, meldt het federaal parket",
    ],
    [
      "Brussels Daily: and freed all twelve hostages, the federal prosecutor's office said",
      "Het Noorderblad: Een speciale eenheid van de politie heeft donderdagavond alle twaalf gijzelaars in een supermarkt in Luik bevrijd",
    ],
    [
      "De Grenskoerier: Bij de schietpartij raakten twee mensen gewond",
      "Meuse Wire: Two people were wounded when the man opened fire, a hospital spokesman said",
    ],
    [
      "De Grenskoerier: Een gewapende man heeft donderdagmiddag twaalf mensen gegijzeld in een supermarkt in Luik, meldt de politie",
      "Meuse Wire: A gunman took twelve people hostage in a supermarket in Liège on Thursday afternoon, police said",
    ],
    [
      "De Grenskoerier: Volgens de burgemeester zijn zo'n 200 buurtbewoners geëvacueerd",
      "Meuse Wire: About 200 residents were evacuated from nearby buildings, the mayor of Liège, Sophie Lambert, said",
    ],
  ]);
  // the mayor of Liège is Sophie Lambert, not the city: her word in two reports is one source
  const evacuated = f.propositions.find((p) => p.claims.length === 2 && p.text.includes("evacuated"));
  assert.deepEqual([evacuated?.independent, evacuated?.sources.map((x) => x.name)], [1, ["Sophie Lambert"]]);
  // five taken to hospital and three still there a day on are no rival counts of the wounded
  assert.deepEqual(disputeLines(f, ds, true), []);
});
