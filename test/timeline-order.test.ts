// The store gives the timeline in the order of time, on SQLite and PostgreSQL: a week ("vorige week", 2025-W46)
// where it begins, not after every date because "W" sorts after the digits; the parts of a day (morning,
// evening) in their order and among the day's clock times. A short briefing shows the earliest times, so the
// order the store gives decides which times it shows at all.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { buildPicture } from "../src/ledger/picture.js";
import { StoreLedger } from "../src/server/store.js";
import { eachBackend } from "./backends.js";

// Reports written for this test: a dike near Roermond gives way after a week of rain.
const REPORTS = [
  {
    file: "1.nl.txt", source: "Limburgse Post", published: "2025-11-20T09:00:00+01:00", lang: "nl",
    text:
      "Door de aanhoudende regen van vorige week is dinsdag een dijk bij Roermond doorgebroken.\n\n" +
      "Woensdagavond werden driehonderd bewoners van de wijk Hoogvonderen geëvacueerd.\n\n" +
      "Woensdagochtend had het waterschap al zandzakken laten aanrukken.\n",
  },
  {
    file: "2.en.txt", source: "Maas Wire", published: "2025-11-20T18:00:00+01:00", lang: "en",
    text:
      "A dike near Roermond gave way on Tuesday after a week of heavy rain.\n\n" +
      "The water board said the river peaked at 14:30 on Wednesday.\n\n" +
      "On Sunday, residents had already filled sandbags, the mayor said.\n",
  },
];

function files(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-timeline-order-"));
  return REPORTS.map((r) => {
    writeFileSync(join(dir, r.file), `---\ntitle: Dijk Roermond\nsource: ${r.source}\npublished: ${r.published}\nlanguage: ${r.lang}\n---\n${r.text}`);
    return join(dir, r.file);
  });
}

eachBackend("the timeline comes in the order of time: a week where it begins, parts of the day in order", async (be) => {
  const s = await openStore(await be.ledger());
  try {
    assert.equal((await ingestFiles(s, files(), { progress: "none" })).added, 2);
    const values: string[] = [];
    for await (const page of s.reads.timeline({})) values.push(...page.map((t) => t.value));
    assert.deepEqual(values, ["2025-W46", "2025-11-16", "2025-11-18", "2025-11-18", "2025-11-19", "2025-11-19TMO", "2025-11-19T14:30", "2025-11-19TEV"]);
    // the default briefing's few lines are the earliest: the week of rain before the Sunday
    const p = await s.snapshot((r) => buildPicture(r, { lang: "en", limit: 2 }));
    assert.deepEqual(p.timeline.map((t) => t.value), ["2025-W46", "2025-11-16"]);
  } finally {
    await s.close();
  }
});

eachBackend("the page's timeline comes in the same order", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  try {
    await ingestFiles(s, files(), { progress: "none" });
  } finally {
    await s.close();
  }
  const ledger = await StoreLedger.open(spec, { workers: false, pollMs: 100 });
  try {
    // (the page lists every dated time, those outside a claim too)
    assert.deepEqual((await ledger.timeline()).map((t) => t.value), ["2025-W46", "2025-11-16", "2025-11-18", "2025-11-18", "2025-11-19", "2025-11-19TMO", "2025-11-19T14:30", "2025-11-19TEV"]);
  } finally {
    await ledger.close();
  }
});
