// Stable identities: a citation made before a new version of a report came in (a claim id, a report id)
// still opens the same words afterwards, in the JSON export, the CSV export and the page's link (which
// reads the report by its id and finds the claim in it), though the new version moved them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StoreLedger } from "../src/server/store.js";

const URL = "https://news.example.org/2024/03/11/ferry-capsized";
const head = `---
title: Ferry capsizes off Texel
source: Noord Post
published: 2024-03-11T10:00:00+01:00
language: en
url: ${URL}
---
`;
const V1 = `${head}A ferry capsized off the coast of Texel early on Monday.
The coast guard said that two fishermen were still missing.
The operator denied that the ferry had been overloaded.
`;
// The update puts a new first paragraph in front, rewords one sentence and keeps the others word for word.
const V2 = `${head}Divers found the wreck of the ferry on Monday afternoon, the navy said.
A ferry capsized off the coast of Texel early on Monday.
The coast guard said that two fishermen were still missing.
The operator firmly denied that the ferry had been overloaded with cars.
`;

/** A CSV line's cells (quoted cells with commas and doubled quotes). */
function cells(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m && m[0] !== ""; m = re.exec(line)) out.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
  return out;
}

async function exported(l: StoreLedger, format: "json" | "csv"): Promise<string> {
  let out = "";
  await l.export(format, async (s) => {
    for await (const c of s.chunks) out += c;
  });
  return out;
}

test("a claim cited before a new version of its report still opens its words in the JSON, the CSV and the page's link", async () => {
  const l = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-stable-")), "l.db"), { workers: false });
  try {
    const v1 = await l.addReport({ body: V1, format: "text", url: URL });
    const before = (await l.getReport(v1.report))!;
    const cited = before.claims.find((c) => /fishermen were still missing/.test(c.text))!;
    assert.ok(cited, before.claims.map((c) => c.text).join(" | "));
    const reworded = before.claims.find((c) => /overloaded/.test(c.text))!;
    // the citation as an analyst keeps it: the ids and the words
    const citation = { report: v1.report, claim: cited.id, words: cited.text, start: cited.start };

    const v2 = await l.addReport({ body: V2, format: "text", url: URL });
    assert.deepEqual([v2.status, v2.report], ["updated", v1.report], "a new version keeps the report's id");

    // The page's link (#/claims?claim=…) reads the report by the id inside the claim id, then finds the claim.
    const now = (await l.getReport(citation.claim.split("-", 1)[0]!))!;
    const c = now.claims.find((x) => x.id === citation.claim);
    assert.ok(c, "the cited claim is in the new version under its id");
    assert.equal(now.text.slice(c.start, c.end), citation.words);
    assert.ok(c.start > citation.start, "its words moved, its id did not");
    assert.ok(!now.claims.some((x) => x.id === reworded.id), "a reworded claim is a new claim");

    // The JSON export: one document for the report (the new version), the claim at its new offsets.
    const js = JSON.parse(await exported(l, "json")) as { documents: { id: string; text: string }[]; claims: { id: string; doc: string; start: number; end: number; text: string }[] };
    const docs = js.documents.filter((d) => d.id === citation.report);
    assert.equal(docs.length, 1);
    const jc = js.claims.find((x) => x.id === citation.claim)!;
    assert.equal(jc.doc, citation.report);
    assert.equal(docs[0]!.text.slice(jc.start, jc.end), citation.words);

    // The CSV export: the same id, the same offsets, the same words.
    const lines = (await exported(l, "csv")).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    const cols = cells(lines[0]!);
    const row = lines.map(cells).find((r) => r[0] === citation.claim)!;
    assert.ok(row, "the cited claim has its row");
    const at = (k: string) => row[cols.indexOf(k)]!;
    assert.deepEqual([at("doc"), Number(at("start")), Number(at("end")), at("text")], [citation.report, jc.start, jc.end, citation.words]);

    // The API's claims (the table the page shows) agree.
    const api = (await l.searchClaims({ report: citation.report, limit: 100 })).items.find((x) => x.id === citation.claim)!;
    assert.deepEqual([api.start, api.end, api.text], [jc.start, jc.end, citation.words]);
  } finally {
    await l.close();
  }
});

test("a span cited by offsets in an earlier version re-anchors on its words, or says they are gone", async () => {
  const l = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-anchor-")), "l.db"), { workers: false });
  const { buildServer } = await import("../src/server/app.js");
  const app = await buildServer({ ledger: l, token: "anchor-token-0123456789abcdef", loopback: true, readNeedsToken: false, allowFetch: false, webDir: mkdtempSync(join(tmpdir(), "sitrep-web-")) });
  try {
    const v1 = await l.addReport({ body: V1, format: "text", url: URL });
    // the briefing's citations say which version their offsets are in
    const cites = (await l.briefing("en")).sections.flatMap((s) => [...s.lines, ...(s.groups ?? []).flatMap((g) => g.lines)]).flatMap((x) => x.cites);
    assert.ok(cites.length && cites.every((c) => c.v === 1), JSON.stringify(cites));
    const text1 = (await l.getReport(v1.report))!.text;
    const span = (words: string) => ({ start: text1.indexOf(words), end: text1.indexOf(words) + words.length });
    const kept = span("The coast guard said that two fishermen were still missing.");
    const gone = span("The operator denied that the ferry had been overloaded.");
    const anchor = async (s: { start: number; end: number }, v = 1) => (await app.inject({ url: `/api/reports/${v1.report}/anchor?v=${v}&start=${s.start}&end=${s.end}` })).json();
    assert.deepEqual(await anchor(kept), { report: v1.report, state: "same", cited: 1, version: 1, ...kept, text: "The coast guard said that two fishermen were still missing." });

    await l.addReport({ body: V2, format: "text", url: URL });
    const text2 = (await l.getReport(v1.report))!.text;
    const moved = await anchor(kept);
    assert.equal(moved.state, "moved");
    assert.equal(moved.version, 2);
    assert.notEqual(moved.start, kept.start, "the new first paragraph moved the words");
    assert.equal(text2.slice(moved.start, moved.end), "The coast guard said that two fishermen were still missing.");
    // the old offsets in the new text would point at other words: that is what the link must not show
    assert.notEqual(text2.slice(kept.start, kept.end), moved.text);
    const stale = await anchor(gone);
    assert.deepEqual([stale.state, stale.text], ["stale", "The operator denied that the ferry had been overloaded."]);
    assert.equal((await app.inject({ url: `/api/reports/dnothere00000/anchor?v=1&start=0&end=4` })).statusCode, 404);
  } finally {
    await app.close();
    await l.close();
  }
});
