// The streamed sitrep/1 JSON (src/export/stream.ts) is the text JSON.stringify(whole, null, 2) gives, also
// for an entity named in so many reports that its mentions are written in pieces.
import { test } from "node:test";
import assert from "node:assert/strict";
import { exportJson } from "../src/export/stream.js";
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
