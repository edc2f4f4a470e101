import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import { buildPicture } from "../src/ledger/picture.js";
import { composeBriefing, type Briefing, type BriefLine } from "../src/brief/index.js";
import type { SitrepExport } from "../src/export/schema.js";
import type { Lang } from "../src/model/doc.js";

// Reports written for this test: a night of drone strikes on Ukraine, one drone that came down in a Romanian
// village, and the denials that follow, in English and Dutch. The barrage and the one drone are two acts: a
// denial of "any involvement" in the incident, or of an attack on Romania, answers only what names the
// denier as the one who did it there.
const REPORTS = [
  {
    file: "1-danube.en.txt", source: "Danube Daily", published: "2025-09-09T21:00:00+00:00", lang: "en",
    text:
      "The Ukrainian air force said Russia launched around 40 drones at Ukraine overnight. President Volodymyr Zelensky put the number at 35.\n\n" +
      "The attack cut power to about 20,000 households in the Odesa region.\n\n" +
      "A drone crashed in the Romanian village of Plauru and killed one man, Romania's defence ministry said.\n",
  },
  {
    file: "2-westkrant.nl.txt", source: "Westkrant", published: "2025-09-10T15:00:00+02:00", lang: "nl",
    text:
      "De drone die in het Roemeense dorp Plauru neerstortte, was waarschijnlijk een Oekraïense drone, zegt het Roemeense ministerie van Defensie.\n\n" +
      "Rusland ontkent dat het een aanval op Roemenië heeft uitgevoerd.\n\n" +
      "Oekraïne ontkent elke betrokkenheid bij het incident.\n",
  },
] as const;

const dir = mkdtempSync(join(tmpdir(), "sitrep-brief-disputes-"));
for (const r of REPORTS) writeFileSync(join(dir, r.file), `---\ntitle: ${r.source}\nsource: ${r.source}\npublished: ${r.published}\nlanguage: ${r.lang}\n---\n${r.text}`);

const db = join(dir, "ledger.db");
const s = await openStore(db);
let x: SitrepExport;
const brief = {} as Record<Lang, Briefing>;
try {
  assert.equal((await ingestFiles(s, REPORTS.map((r) => join(dir, r.file)))).added, 2);
  let json = "";
  await s.snapshot(async (rd) => {
    for await (const chunk of exportJson(ledgerExport(rd))) json += chunk;
    for (const lang of ["en", "nl"] as const) brief[lang] = composeBriefing(await buildPicture(rd, { lang }), lang);
  });
  x = JSON.parse(json) as SitrepExport;
} finally {
  await s.close();
}

const lines = (b: Briefing, id: string, title?: string): string[] => {
  const sec = b.sections.find((y) => y.id === id)!;
  const ls: BriefLine[] = title === undefined ? sec.lines : sec.groups!.find((g) => g.title === title)?.lines ?? [];
  return ls.map((l) => (l.quote ? `“${l.quote}” ${l.text}`.trimEnd() : l.text));
};

test("disputes across reports: a denial answers the claim that names the denier as doer, not the barrage it was the target of", () => {
  const text = new Map(x.claims.map((c) => [c.id, c.text]));
  assert.deepEqual(x.contradictions.map((c) => `${(c as { type?: string }).type} | ${c.claims.map((id) => text.get(id)).join(" || ")}`).sort(), [
    "denial | De drone die in het Roemeense dorp Plauru neerstortte, was waarschijnlijk een Oekraïense drone, zegt het Roemeense ministerie van Defensie || Oekraïne ontkent elke betrokkenheid bij het incident",
    "figures | The Ukrainian air force said Russia launched around 40 drones at Ukraine overnight || President Volodymyr Zelensky put the number at 35",
  ]);
});

test("the briefing's contested lines and figures, in English and Dutch: speakers named in the briefing's language, one measure a group, no line without its words", () => {
  assert.deepEqual(lines(brief.en, "unclear", "Contested"), [
    "Other figures (drones): ~40 according to Ukrainian air force; 35 according to Volodymyr Zelensky.",
    "“Oekraïne ontkent elke betrokkenheid bij het incident” ⟷ “De drone die in het Roemeense dorp Plauru neerstortte, was waarschijnlijk een Oekraïense drone, zegt het Roemeense ministerie van Defensie” Ukraine denies involvement; Romania's defence ministry says otherwise.",
  ]);
  assert.deepEqual(lines(brief.nl, "unclear", "Betwist"), [
    "Overige cijfers (drones): ~40 volgens Oekraïense luchtmacht; 35 volgens Volodymyr Zelensky.",
    "“Oekraïne ontkent elke betrokkenheid bij het incident” ⟷ “De drone die in het Roemeense dorp Plauru neerstortte, was waarschijnlijk een Oekraïense drone, zegt het Roemeense ministerie van Defensie” Oekraïne ontkent betrokkenheid; Roemeense ministerie van Defensie zegt het tegendeel.",
  ]);
  assert.deepEqual(lines(brief.en, "denied"), ["“Rusland ontkent dat het een aanval op Roemenië heeft uitgevoerd” Russia denies it", "“Oekraïne ontkent elke betrokkenheid bij het incident” Ukraine denies it"]);
  const figures = (b: Briefing) => b.sections.find((y) => y.id === "figures")!.groups!.map((g) => `${g.title}: ${g.lines.map((l) => l.text).join(" | ")}`);
  assert.deepEqual(figures(brief.en).slice(1), [
    "Other figures (drones) — range 35–40, sources differ: ~40 — Ukrainian air force, Tuesday 9 September 2025 | 35 — Volodymyr Zelensky, Tuesday 9 September 2025",
    // one source gives it: nobody agrees with it
    "Other figures (households) — 20000, one source: ~20000 — Danube Daily, Tuesday 9 September 2025",
  ]);
  assert.deepEqual(figures(brief.nl).slice(1), [
    "Overige cijfers (drones) — 35 tot 40, bronnen lopen uiteen: ~40 — Oekraïense luchtmacht, dinsdag 9 september 2025 | 35 — Volodymyr Zelensky, dinsdag 9 september 2025",
    "Overige cijfers (households) — 20000, één bron: ~20000 — Danube Daily, dinsdag 9 september 2025",
  ]);
});
