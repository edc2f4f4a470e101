import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import type { SitrepExport } from "../src/export/schema.js";

// Reports written for this test: a bombing in Minsk, the president saying all the bombers were caught and
// that they fled towards Lithuania, and a Lithuanian spokesman calling "the version that the suspects were
// caught en route to Lithuania" a lie. The lie answers where they were heading, in either report; it does not
// answer that arrests were made.
const REPORTS = [
  {
    file: "1-wire.en.txt", title: "Minsk bombers caught, Lukashenko says", source: "East Wire", published: "2025-04-12T18:00:00+00:00", lang: "en" as const,
    text:
      "A bomb exploded in a metro station in Minsk on Friday, killing at least 12 people.\n\n" +
      "Belarusian President Alexander Lukashenko said all three bombers had been detained.\n\n" +
      "\"They tried to hide and moved towards Lithuania,\" he said.\n\n" +
      "Lithuanian police spokesman Tomas Petrauskas said the KGB version that the suspects were caught en route to Lithuania was \"another lie from the Belarusian special services\".\n",
  },
  {
    file: "2-krant.nl.txt", title: "Loekasjenko: daders aanslag Minsk opgepakt", source: "Avondkrant", published: "2025-04-13T09:00:00+02:00", lang: "nl" as const,
    text:
      "Bij een bomaanslag in een metrostation in Minsk zijn vrijdag zeker twaalf mensen omgekomen.\n\n" +
      "De Belarussische president Loekasjenko zei dat alle betrokkenen bij de aanslag zijn gearresteerd.\n\n" +
      "Volgens hem waren de daders na de aanslag op weg naar Litouwen.\n",
  },
];

const dir = mkdtempSync(join(tmpdir(), "sitrep-versions-"));
for (const r of REPORTS) writeFileSync(join(dir, r.file), `---\ntitle: ${r.title}\nsource: ${r.source}\npublished: ${r.published}\nlanguage: ${r.lang}\n---\n${r.text}`);
const s = await openStore(join(dir, "ledger.db"));
let x: SitrepExport;
try {
  assert.equal((await ingestFiles(s, REPORTS.map((r) => join(dir, r.file)))).added, 2);
  let json = "";
  await s.snapshot(async (rd) => {
    for await (const chunk of exportJson(ledgerExport(rd))) json += chunk;
  });
  x = JSON.parse(json) as SitrepExport;
} finally {
  await s.close();
}

test("a denial of a version answers what the version says in other reports, not every claim that shares a word", () => {
  const text = new Map(x.claims.map((c) => [c.id, c.text]));
  const against = x.contradictions.map((c) => c.claims.map((id) => text.get(id)!)).filter((t) => t.some((y) => y.includes("another lie"))).map((t) => t.find((y) => !y.includes("another lie"))).sort();
  assert.deepEqual(against, ['"They tried to hide and moved towards Lithuania," he said', "Volgens hem waren de daders na de aanslag op weg naar Litouwen"]);
});
