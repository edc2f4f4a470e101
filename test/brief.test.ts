import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/store/index.js";
import { expandInputs, ingestFiles } from "../src/cli/ingest.js";
import { buildPicture, sentenceCut } from "../src/ledger/picture.js";
import { quoteWords } from "../src/brief/quote.js";
import { composeBriefing, renderBriefing, type Briefing, type BriefLine } from "../src/brief/index.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import { ExportSchema, type SitrepExport } from "../src/export/schema.js";
import type { Lang } from "../src/model/doc.js";

// Four reports of our own about the May 2023 raid: two Dutch, two English, one of them wire copy of the other.
const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = join(root, "test", "fixtures", "ledger");
const bin = join(root, "bin", "sitrep.js");

const dbFile = join(mkdtempSync(join(tmpdir(), "sitrep-brief-")), "ledger.db");
{
  const s = await openStore(dbFile);
  const sum = await ingestFiles(s, expandInputs([fixtures]).files);
  assert.equal(sum.added, 4, JSON.stringify(sum));
  await s.close();
}

async function briefing(lang: Lang, since?: string): Promise<Briefing> {
  const s = await openStore(dbFile, { readonly: true });
  try {
    return composeBriefing(await s.snapshot((r) => buildPicture(r, { lang, since })), lang);
  } finally {
    await s.close();
  }
}
const B = { en: await briefing("en"), nl: await briefing("nl") };
const ledger: SitrepExport = await (async () => {
  const s = await openStore(dbFile, { readonly: true });
  try {
    let json = "";
    await s.snapshot(async (r) => {
      for await (const chunk of exportJson(ledgerExport(r))) json += chunk;
    });
    return JSON.parse(json) as SitrepExport;
  } finally {
    await s.close();
  }
})();
const docByTitle = (t: RegExp) => ledger.documents.find((d) => t.test(d.title ?? ""))!.id;
const section = (b: Briefing, id: string) => b.sections.find((s) => s.id === id)!;
const allLines = (b: Briefing, id: string): BriefLine[] => {
  const s = section(b, id);
  return [...s.lines, ...(s.groups ?? []).flatMap((g) => g.lines)];
};
const group = (b: Briefing, id: string, title: RegExp) => section(b, id).groups!.find((g) => title.test(g.title));

test("every line with a quote cites spans that hold exactly that quote", () => {
  const texts = new Map(ledger.documents.map((d) => [d.id, d.text]));
  for (const lang of ["nl", "en"] as const) {
    const b = B[lang];
    for (const s of b.sections) {
      for (const l of [...s.lines, ...(s.groups ?? []).flatMap((g) => g.lines)]) {
        if (!l.quote || s.id === "unclear" && l.quote.includes("⟷")) continue;
        assert.ok(l.cites.length > 0, `${s.id}: ${l.quote}`);
        // a proposition's line quotes its first claim and cites every report that states it, in its own words
        // (as the briefing quotes words: one pair of quotation marks, and "…" where they were cut from their sentence)
        const said = (c: { doc: string; start: number; end: number }) => quoteWords(texts.get(c.doc)!.slice(c.start, c.end), s.id === "figures" ? undefined : sentenceCut(texts.get(c.doc)!, c.start, c.end));
        assert.equal(said(l.cites[0]!), l.quote, `${s.id} ${l.cites[0]!.doc}`);
        for (const c of l.cites.slice(1))
          assert.ok(ledger.claims.some((k) => k.doc === c.doc && k.start === c.start && k.end === c.end) || said(c) === l.quote, `${s.id} ${c.doc}`);
      }
    }
  }
});

test("the briefing lists every figure by source, each kind as a range where sources differ", () => {
  const b = B.en;
  const killed = group(b, "figures", /^Killed/)!;
  const wounded = group(b, "figures", /^Wounded/)!;
  assert.ok(killed && wounded, JSON.stringify(section(b, "figures")));
  assert.match(killed.title, /1–70, sources differ/);
  assert.match(wounded.title, /2–12, sources differ/);
  const expect: [BriefLine[], string, string, RegExp | null][] = [
    [killed.lines, "twintig strijders", "20", /Defence Ministry/],
    [killed.lines, "een dode", "1", /Freedom of Russia Legion/],
    [killed.lines, "more than 50 attackers", "≥50", /Defence Ministry/],
    [killed.lines, "meer dan zeventig strijders", "≥70", /Defence Ministry/],
    [killed.lines, "one of its fighters", "1", null],
    [wounded.lines, "drie burgers", "3", /Gladkov/],
    [wounded.lines, "twee gewonden", "2", /Freedom of Russia Legion/],
    [wounded.lines, "four wounded", "4", null],
    [wounded.lines, "eight civilians", "8", /Gladkov/],
    [wounded.lines, "twaalf mensen", "12", /Gladkov/],
  ];
  for (const [lines, quote, value, source] of expect) {
    const l = lines.find((x) => x.quote === quote);
    assert.ok(l, `figure ${quote} missing: ${JSON.stringify(lines.map((x) => x.quote))}`);
    const [shown, who] = l.text.split(" — ");
    assert.equal(shown, value, quote);
    assert.ok(who, `${quote} has a source`);
    // Where the sentence names who gives the figure, the briefing says so (not the outlet).
    if (source) assert.match(who, source, quote);
  }
  // wire copy does not repeat a figure
  assert.equal(wounded.lines.filter((x) => x.quote === "eight civilians").length, 1);
});

test("a short briefing keeps each kind's lowest and highest figure and says how many more there are", async () => {
  const s = await openStore(dbFile, { readonly: true });
  const short = await s.snapshot((r) => buildPicture(r, { lang: "en", limit: 4 })).finally(() => s.close());
  const b = composeBriefing(short, "en");
  const killed = group(b, "figures", /^Killed/)!;
  const wounded = group(b, "figures", /^Wounded/)!;
  // the range heading stays the whole spread, and the two lines shown are its ends
  assert.match(killed.title, /1–70, sources differ/);
  assert.deepEqual(killed.lines.map((l) => l.text.split(" — ")[0]).sort(), ["1", "≥70"]);
  assert.deepEqual(wounded.lines.map((l) => l.text.split(" — ")[0]).sort(), ["12", "2"]);
  const full = section(B.en, "figures").groups!.reduce((n, g) => n + g.lines.length, 0);
  const shown = section(b, "figures").groups!.reduce((n, g) => n + g.lines.length, 0);
  assert.equal(section(b, "figures").more, full - shown);
  assert.equal(section(B.en, "figures").more, undefined);
  // the sections backing the lines above them hold fewer lines than the propositions' sections
  for (const id of ["timeline", "places", "actors"]) {
    assert.ok(section(b, id).lines.length <= 3, id);
    assert.equal(section(b, id).more ?? 0, section(B.en, id).lines.length - section(b, id).lines.length, id);
  }
  assert.ok(section(b, "actors").more! > 0);
  const contested = group(b, "unclear", /Contested|Disputed/i);
  assert.ok(!contested || contested.lines.length <= 4);
});

test("aliases merge across languages and transliterations, named in the reader's language", () => {
  for (const [lang, legion, gladkov] of [
    ["en", "Freedom of Russia Legion", /Vjatsjeslav Gladkov/],
    ["nl", "Legioen Vrijheid voor Rusland", /Vjatsjeslav Gladkov|Vyacheslav Gladkov/],
  ] as const) {
    const actors = section(B[lang], "actors").lines.map((l) => l.text);
    const legionLines = actors.filter((t) => /Legion|Legioen|legioen/i.test(t));
    assert.equal(legionLines.length, 1, JSON.stringify(actors));
    assert.ok(legionLines[0]!.startsWith(legion), legionLines[0]);
    assert.match(legionLines[0]!, /Vrijheidslegioen/);
    assert.match(legionLines[0]!, /4 (reports|berichten)/);
    const g = actors.filter((t) => /Gladkov/.test(t));
    assert.equal(g.length, 1, JSON.stringify(actors));
    assert.match(g[0]!, gladkov);
    assert.match(g[0]!, /4 (reports|berichten)/);
  }
  for (const l of [...section(B.en, "actors").lines, ...section(B.en, "places").lines]) {
    assert.equal(l.cites.length, 1, `${l.text} cites where it is named`);
    const c = l.cites[0]!;
    assert.ok(ledger.documents.find((d) => d.id === c.doc)!.text.slice(c.start, c.end).length > 0);
  }
  const places = section(B.nl, "places").lines.map((l) => l.text);
  assert.equal(places.filter((t) => /Oekraïne|Ukraine/.test(t)).length, 1, JSON.stringify(places));
  assert.match(places.find((t) => /Oekraïne/.test(t))!, /^Oekraïne \(ook: Ukraine\)/);
});

test("the briefing shows each contradiction with a reason, within and across reports", () => {
  const b = B.en;
  const contested = group(b, "unclear", /Contested/)!.lines;
  const find = (a: RegExp, c: RegExp) => contested.find((l) => a.test(l.quote ?? l.text) && c.test(l.quote ?? l.text));
  const avond = docByTitle(/Strijders steken/);
  const independence = find(/onafhankelijk van Kyiv/, /onder het bevel/);
  assert.ok(independence, JSON.stringify(contested, null, 1));
  assert.match(independence.text, /acts independently.*under another's command/);
  assert.deepEqual(independence.cites.map((c) => c.doc), [avond, avond]);
  // Ukraine's denial in either language (the English briefing shows the English one when there is one)
  // (the fusion puts Smits's "could not have crossed the border unnoticed" with the Legion's crossing of the
  // border: the line shows one pair of that proposition)
  assert.match(find(/ontkent elke betrokkenheid|denied any role/, /ondenkbaar|crossing the border/)?.text ?? "", /Ukraine(.s government)? denies involvement; .* says otherwise/);
  assert.match(find(/rejected those figures/, /defence ministry said/)?.text ?? "", /Freedom of Russia Legion rejects what Russian Defence Ministry says/);
  // Ukraine's denial, in Dutch and in English, against the satellite images: one line
  assert.equal(contested.filter((l) => /ontkent elke betrokkenheid|denied any role/.test(l.quote ?? "") && /satellite images/.test(l.quote ?? "")).length, 1);
  assert.match(find(/operation to clear the area was over/, /fight goes on/)?.text ?? "", /it is over; .* it goes on/);
  // the Dutch report's "Russische autoriteiten", named in the English briefing's language
  assert.match(find(/beëindigd/, /gaat de strijd gewoon door/)?.text ?? "", /Russian officials: it is over; .*: it goes on/);
  const killed = contested.find((l) => /^Killed:/.test(l.text));
  assert.ok(killed, "differing death tolls");
  assert.match(killed.text, /≥70 according to Russian Defence Ministry/);
  assert.match(killed.text, /1 according to Freedom of Russia Legion/);
  assert.ok(contested.some((l) => /^Wounded:/.test(l.text)));
  // wire copy: one line, with the copy counted, not a second line
  assert.equal(contested.filter((l) => /satellite images/.test(l.quote ?? "")).length, 1);
});

test("near-identical wire copy in two outlets is one independent source", () => {
  // the satellite images stand against Ukraine's denial: contested, not established; one proposition of two
  // reports that count as one source
  assert.ok(!section(B.en, "established").lines.some((l) => /satellite images/.test(l.quote ?? "")));
  const props = (ledger as SitrepExport & { propositions: { text: string; reports: number; independent_sources: number; claims: string[] }[] }).propositions;
  const sat = props.find((p) => /satellite images/.test(p.text));
  assert.ok(sat);
  assert.equal(sat.reports, 2);
  assert.equal(sat.independent_sources, 1);
  assert.equal(sat.claims.length, 2);
  const contested = group(B.en, "unclear", /contested|Contested/)!.lines;
  assert.ok(contested.some((l) => /satellite images/.test(l.quote ?? "")));
});

test("--since shows only what later reports added", async () => {
  const b = await briefing("nl", "2023-05-24T00:00:00+02:00");
  const later = docByTitle(/Moskou verklaart/);
  for (const id of ["established", "claims", "denied", "unclear", "figures", "timeline"])
    for (const l of allLines(b, id)) assert.ok(l.cites.some((c) => c.doc === later), `${id}: ${l.quote ?? l.text}`);
  assert.ok(allLines(b, "claims").some((l) => /beëindigd/.test(l.quote ?? "")));
  assert.ok(!allLines(b, "denied").some((l) => /Oekraïne ontkent/.test(l.quote ?? "")), "an older denial is not repeated");
  assert.match(renderBriefing(b, "md"), /Wijzigingen sinds 2023-05-24T00:00:00\+02:00/);
});

test("the briefing's language is the reader's, not the reports'", () => {
  const nl = renderBriefing(B.nl, "md");
  const en = renderBriefing(B.en, "md");
  assert.match(nl, /^# Wat we wel en niet weten/);
  assert.match(nl, /## Wie claimt wat/);
  assert.match(en, /^# What we know and what we don't/);
  assert.match(en, /## Who claims what/);
  // quotes stay in the original language in both
  // each quote in its own words, the one in the reader's language where a report in it says the same
  assert.match(nl, /“Oekraïne ontkent elke betrokkenheid bij de aanval”/);
  assert.match(en, /“Ukraine's government has denied any role in the incursion”/);
  const html = renderBriefing(B.en, "html");
  assert.match(html, /<section id="figures">/);
  assert.ok(!/<q>[^<]*"[^<]*<\/q>/.test(html), "quotes are escaped in HTML");
});

test("export: the whole ledger as valid sitrep/1, the claims table and the places", () => {
  const x = ExportSchema.parse(ledger);
  assert.equal(x.documents.length, 4);
  const legion = x.entities.filter((e) => e.key === x.entities.find((f) => f.name === "Freedom of Russia Legion")?.key);
  assert.equal(legion.length, 1, "one fused entity for the Legion");
  assert.ok(new Set(legion[0]!.mentions.map((m) => m.doc)).size >= 3);
  for (const e of x.entities) for (const m of e.mentions) assert.equal(x.documents.find((d) => d.id === m.doc)!.text.slice(m.start, m.end), m.text);
  assert.ok(x.contradictions.length >= 6);
  const csv = spawnSync(process.execPath, [bin, "export", "--db", dbFile, "--format", "csv"], { encoding: "utf8" });
  assert.equal(csv.status, 0, csv.stderr);
  assert.ok(csv.stdout.startsWith("\uFEFF"), "a byte-order mark, so that spreadsheets read UTF-8");
  const rows = csv.stdout.slice(1).trimEnd().split("\r\n");
  assert.equal(rows[0], "id,doc,published,outlet,language,start,end,status,source,source_kind,cue,quote,times,places,figures,text,corrected");
  assert.equal(rows.length - 1, x.claims.length);
  assert.ok(rows.some((r) => r.includes("killed=min:70")), "figures in the claims table");
  const geo = spawnSync(process.execPath, [bin, "export", "--db", dbFile, "--format", "geojson"], { encoding: "utf8" });
  const fc = JSON.parse(geo.stdout) as { type: string; features: { geometry: { coordinates: number[] }; properties: { name: string; claims: unknown[] } }[] };
  assert.equal(fc.type, "FeatureCollection");
  const belgorod = fc.features.find((f) => f.properties.name === "Belgorod");
  assert.ok(belgorod && belgorod.properties.claims.length > 0);
  assert.ok(Math.abs(belgorod.geometry.coordinates[1]! - 50.6) < 0.5);
});

test("brief and export without a ledger fail with one line on stderr; bad options are usage errors", () => {
  const missing = join(tmpdir(), "sitrep-no-such-ledger.db");
  const r = spawnSync(process.execPath, [bin, "brief", "--db", missing], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /no ledger/);
  assert.equal(spawnSync(process.execPath, [bin, "brief", "--db", dbFile, "--since", "gisteren"], { encoding: "utf8" }).status, 2);
  assert.equal(spawnSync(process.execPath, [bin, "export", "--db", dbFile], { encoding: "utf8" }).status, 2);
  for (const cmd of ["ingest", "brief", "export"]) {
    const h = spawnSync(process.execPath, [bin, cmd, "--help"], { encoding: "utf8" });
    assert.equal(h.status, 0);
    assert.match(h.stdout, /Example:\n  sitrep /);
  }
});
