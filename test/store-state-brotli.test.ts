// SQLite (schema 20): a kept state (a briefing picture) is compressed with brotli, which finds the repeats of a
// large picture that lie further apart than deflate's window; a state deflated by an earlier schema still reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import Database from "better-sqlite3";
import { openStore } from "../src/store/index.js";

// A picture of our own making: the same lines under several headings, as a briefing lists a claim under its
// incident, its sources and the timeline, tens of KB apart.
const PLACES = ["Hasselt", "Zwolle", "Kampen", "Deventer", "Zutphen", "Doesburg", "Arnhem", "Nijmegen"];
const line = (i: number) => ({
  text: `De dijk bij ${PLACES[i % PLACES.length]} is over ${10 + (i % 37)} meter doorgebroken, meldt het waterschap ${["Drents Overijsselse Delta", "Vallei en Veluwe", "Rijn en IJssel", "Rivierenland"][i % 4]}`,
  reports: 1 + (i % 7),
  sources: [{ name: ["waterschap", "brandweer", "gemeente", "Rijkswaterstaat"][i % 4], kind: "official" }],
  cites: [`d${1000 + i}-c${i % 5}`, `d${2000 + i}-c${i % 3}`],
  first_seen: `2025-11-0${1 + (i % 9)}T0${i % 10}:15:00+01:00`,
});
const lines = Array.from({ length: 400 }, (_, i) => line(i));
const picture = {
  version: "r400.400/c0.0",
  incidents: lines.map((l, i) => ({ id: `i${i % 40}`, line: l })),
  sources: [...lines].reverse().map((l) => ({ source: l.sources[0], line: l })),
  timeline: lines.filter((_, i) => i % 2 === 0).map((l) => ({ at: l.first_seen, line: l })),
};

test("SQLite: a kept state is compressed with brotli, smaller than deflated, and reads back whole; one deflated by an earlier schema still reads", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-statebrotli-")), "l.db");
  const s = await openStore(file);
  await s.write((tx) => tx.setFusionState("briefing-picture:nl:40", 3, picture));
  await s.close();
  const json = JSON.stringify(picture);
  const db = new Database(file);
  const row = db.prepare("SELECT data FROM fusion_state WHERE kind = 'briefing-picture:nl:40'").get() as { data: Buffer };
  const deflated = deflateRawSync(Buffer.from(json, "utf8"));
  assert.ok(json.length > 150_000);
  assert.ok(row.data.length < 0.8 * deflated.length, `${row.data.length} bytes, deflated ${deflated.length}`);
  db.prepare("INSERT INTO fusion_state (kind, watermark, data) VALUES ('briefing-picture:en:40', 4, ?)").run(deflated);
  db.close();
  const again = await openStore(file, { readonly: true });
  assert.deepEqual(await again.reads.fusionState("briefing-picture:nl:40"), { watermark: 3, data: picture });
  assert.deepEqual(await again.reads.fusionState("briefing-picture:en:40"), { watermark: 4, data: picture });
  await again.close();
});
