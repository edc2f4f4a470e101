// A toll that later reports raise reads as a rising series ("rising: 3 → 5 … (an update, not a dispute)") only
// when no dispute touches its figures: the picture marks every figure a dispute's side gives, shown in the
// briefing or not, so that the short briefing never calls a toll an update that the whole one calls disputed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { buildPicture } from "../src/ledger/picture.js";
import { composeBriefing } from "../src/brief/index.js";
import { section } from "./briefed.js";

// Reports written for this test: a drone that came down in a village near Tulcea, its toll raised a day later.
const REPORTS = [
  { file: "1.en.txt", source: "Harbour Wire", published: "2025-10-07T20:00:00+01:00", text: "Three people were killed in Tulcea on Tuesday when a drone hit a village near the border with Ukraine.\n" },
  { file: "2.en.txt", source: "Delta Post", published: "2025-10-08T12:00:00+01:00", text: "Five people were killed in Tulcea when a drone hit a village on Tuesday, the mayor said on Wednesday.\n" },
];

test("a rising toll reads as an update, unless the picture marks one of its figures disputed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-rising-disputed-"));
  for (const r of REPORTS) writeFileSync(join(dir, r.file), `---\ntitle: Tulcea\nsource: ${r.source}\npublished: ${r.published}\nlanguage: en\n---\n${r.text}`);
  const s = await openStore(join(dir, "ledger.db"));
  try {
    await ingestFiles(s, REPORTS.map((r) => join(dir, r.file)));
    const p = await s.snapshot((rd) => buildPicture(rd, { lang: "en", limit: 1000 }));
    const killed = p.figures.find((f) => f.kind === "killed");
    assert.ok(killed?.series, JSON.stringify(p.figures));
    assert.deepEqual(killed.series.map((x) => [x.value, x.disputed ?? false]), [[3, false], [5, false]]);
    const heading = () => section(composeBriefing(p, "en"), "figures").groups!.find((g) => g.title.startsWith("Killed"))!.title;
    assert.match(heading(), /^Killed \(Tulcea\) — rising: 3 → 5, latest on Wednesday 8 October 2025 \(an update, not a dispute\)$/);
    // a dispute the short briefing does not show sets the later figure against another
    killed.series[1]!.disputed = true;
    assert.match(heading(), /^Killed \(Tulcea\) — range 3–5, sources differ$/);
  } finally {
    await s.close();
  }
});
