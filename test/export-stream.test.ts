// The streamed sitrep/1 JSON (src/export/stream.ts) is the text JSON.stringify(whole, null, 2) gives, also
// for an entity named in so many reports that its mentions are written in pieces.
import { test } from "node:test";
import assert from "node:assert/strict";
import { exportJson, objectJson } from "../src/export/stream.js";
import { buildExport } from "../src/export/json.js";
import { Doc } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";
import type { LedgerExport } from "../src/ledger/export.js";

test("an entity with thousands of mentions is written in pieces, as the whole export would be written", async () => {
  const mention = (i: number) => ({ doc: `d${i.toString(36)}`, start: 40 + (i % 300), end: 50 + (i % 300), text: i % 7 ? "Washington" : "Washington, D.C." });
  const capital = {
    id: "e0washington", type: "location", name: "Washington", aliases: ["Washington, D.C.", "\"the capital\""], key: "geo:4140963",
    mentions: Array.from({ length: 2501 }, (_, i) => mention(i)),
    geo: { lat: 38.89511, lon: -77.03637, country: "US", geonameId: 4140963 },
  };
  const mayor = { id: "e1bowser", type: "person", name: "Muriel Bowser", aliases: ["Bowser"], key: "p:bowser", mentions: [mention(3), mention(4)] };
  const pages = <T>(xs: T[]) => async function* () {
    yield xs;
  };
  const x = {
    reportSections: async function* () {},
    entities: pages([capital, mayor]),
    contradictions: pages([]),
    propositions: pages([]),
    corrections: pages([]),
  } as unknown as LedgerExport;
  let text = "";
  for await (const chunk of exportJson(x)) text += chunk;
  const whole = {
    schema: "sitrep/1", documents: [], entities: [capital, mayor], claims: [], unknowns: [], times: [], counts: [], events: [],
    contradictions: [], propositions: [], corrections: [], ledger: { fused: true, contradictions_found_across_reports: true },
  };
  assert.equal(text, JSON.stringify(whole, null, 2) + "\n");
});

test("a one-shot export written in pieces is JSON.stringify of the whole, byte for byte", () => {
  const report = (text: string, id: string, language: "nl" | "en") =>
    runPipeline(new Doc(text, { id, language, published: "2024-03-02T10:00:00+01:00", publishedFrom: "front-matter", languageFrom: "front-matter", source: "Dagblad \"Noord\"" }));
  const docs = [
    report("De brandweer meldt dat bij de brand in de haven van Delfzijl twee mensen gewond zijn geraakt. Volgens de politie is de oorzaak nog onbekend.\n\n“We weten niet hoe het begon,” zei burgemeester Jan de Vries.", "d1", "nl"),
    report("Police in Leeds said on Saturday that three people were arrested after the protest. The council denied that the march had been banned.", "d2", "en"),
  ];
  const x = buildExport(docs);
  const pieces = [...objectJson(x)];
  assert.equal(pieces.join(""), JSON.stringify(x, null, 2) + "\n");
  // long lists come in pieces, never as one string
  const many = { schema: "sitrep/1", none: [], skipped: undefined, n: 3, nested: { a: [1, { b: "x\ny" }], e: [] }, list: Array.from({ length: 3000 }, (_, i) => ({ i, text: `claim ${i}: “quoted” \u2014 ${"x".repeat(i % 50)}`, gone: undefined, at: [i, i + 1] })), holes: [1, undefined, () => 1, null] };
  const parts = [...objectJson(many)];
  assert.equal(parts.join(""), JSON.stringify(many, null, 2) + "\n");
  assert.ok(parts.length > 1 && parts.every((p) => p.length < (1 << 16) + 1000), `${parts.length} pieces`);
  assert.equal([...objectJson({})].join(""), JSON.stringify({}, null, 2) + "\n");
});
