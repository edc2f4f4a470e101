import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { buildPicture } from "../src/ledger/picture.js";
import { composeBriefing, type Briefing, type BriefLine } from "../src/brief/index.js";
import type { Lang } from "../src/model/doc.js";

// Reports written for this test: leaks in a gas pipeline under the Baltic, counted in English ("leaks") and
// later in Dutch ("gaslekken"): one measure, named as the briefing's language names it.
const REPORTS = [
  {
    file: "1.en.txt", title: "Explosions behind pipeline leaks", source: "Baltic Wire", published: "2025-06-02T12:00:00+00:00", lang: "en",
    text:
      "Two undersea leaks that began in the Russian-owned Baltic Link gas pipelines on Monday were likely caused by underwater explosions, Danish seismologists said.\n",
  },
  {
    file: "2.nl.txt", title: "Vier gaslekken gevonden", source: "Noorderkrant", published: "2025-06-05T10:00:00+02:00", lang: "nl",
    text:
      "Moskou heeft elke betrokkenheid bij de explosies ontkend.\n\n" +
      "In de Baltic Link-leidingen zijn inmiddels vier grote gaslekken gevonden, meldt de Deense kustwacht.\n",
  },
] as const;

const dir = mkdtempSync(join(tmpdir(), "sitrep-brief-measures-"));
for (const r of REPORTS) writeFileSync(join(dir, r.file), `---\ntitle: ${r.title}\nsource: ${r.source}\npublished: ${r.published}\nlanguage: ${r.lang}\n---\n${r.text}`);

const db = join(dir, "ledger.db");
const s = await openStore(db);
const brief = {} as Record<Lang, Briefing>;
try {
  assert.equal((await ingestFiles(s, REPORTS.map((r) => join(dir, r.file)))).added, REPORTS.length);
  await s.snapshot(async (rd) => {
    for (const lang of ["en", "nl"] as const) brief[lang] = composeBriefing(await buildPicture(rd, { lang, limit: 1000 }), lang);
  });
} finally {
  await s.close();
}

const section = (b: Briefing, id: string) => b.sections.find((y) => y.id === id)!;
const show = (l: BriefLine) => (l.quote ? `“${l.quote}” ${l.text}`.trimEnd() : l.text);
const groups = (b: Briefing, id: string) => (section(b, id).groups ?? []).filter((g) => g.lines.length).map((g) => `${g.title}: ${g.lines.map(show).join(" | ")}`);

test("figures: leaks counted in English and in Dutch read as one measure, named in the briefing's language", () => {
  assert.deepEqual(groups(brief.en, "figures"), [
    "Other figures (leaks) — 2, one source: “Two undersea leaks” 2 — Danish seismologists, Monday 2 June 2025",
    "Other figures (leaks) — 4, one source: “vier grote gaslekken” 4 — Deense kustwacht, Thursday 5 June 2025",
  ]);
  assert.deepEqual(groups(brief.nl, "figures"), [
    "Overige cijfers (gaslekken) — 2, één bron: “Two undersea leaks” 2 — Danish seismologists, maandag 2 juni 2025",
    "Overige cijfers (gaslekken) — 4, één bron: “vier grote gaslekken” 4 — Deense kustwacht, donderdag 5 juni 2025",
  ]);
});
