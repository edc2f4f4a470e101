// The packed gazetteer (src/geo/gazpack.ts): made where it is missing, made again when the tables change, and
// answering every kind of look-up as the installed one does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gazetteer, openGazetteer } from "../src/geo/gazetteer.js";
import { HEADER_BYTES, PACK_FILE, readHeader, SEEN_FILE, seenStamp, sourceStamp } from "../src/geo/gazpack.js";
import { spellingKey } from "../src/geo/spelling.js";

const shipped = fileURLToPath(new URL("../../data/gazetteer/", import.meta.url));
const TABLES = ["countries.tsv", "admin1.tsv", "features.tsv", "places.tsv.gz", "place-keys.tsv.gz"];

test("gazetteer pack: made when missing, made again when a table changes, same answers as the installed one", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-gaz-")) + "/";
  try {
    for (const f of TABLES) copyFileSync(shipped + f, dir + f);
    const g = openGazetteer(dir);
    assert.ok(existsSync(dir + PACK_FILE), "the pack is stored beside the tables");
    const installed = gazetteer();
    assert.equal(g.size, installed.size);
    for (const name of ["Amsterdam", "Kharkiv", "Charkiv", "Харків", "Derna", "Oostzee", "Brussel", "Springfield", "Nowhere Town Xq"]) {
      const k = spellingKey(name);
      assert.deepEqual(g.byKey(k), installed.byKey(k), name);
      assert.deepEqual(g.areas(k), installed.areas(k), name);
      assert.equal(g.has(k), installed.has(k), name);
    }
    // a country found by name is the very entry its code gives (geocoding compares entries by identity)
    assert.ok(g.byKey(spellingKey("Libya")).includes(g.country("LY")!));
    assert.deepEqual(g.placesIn("UA", "07"), installed.placesIn("UA", "07"));
    assert.ok(g.placesIn("UA", "07").length > 10);
    assert.deepEqual(g.townsWithin({ west: 4, south: 51, east: 6, north: 53 }, 10), installed.townsWithin({ west: 4, south: 51, east: 6, north: 53 }, 10));

    // a start that checked the pack's stamp notes the sizes and times of change it saw: the next start skips the hash
    assert.equal(openGazetteer(dir).size, g.size);
    assert.equal(readFileSync(dir + SEEN_FILE, "utf8"), seenStamp(dir));
    const seenBefore = seenStamp(dir);

    // a changed table makes the pack stale: the next opening makes it again and sees the change
    const head = () => readFileSync(dir + PACK_FILE).subarray(0, HEADER_BYTES);
    assert.ok(readHeader(head(), sourceStamp(dir)));
    const countries = readFileSync(dir + "countries.tsv", "utf8").replace(/^LY\tLibya\t/m, "LY\tLibya Renamed\t");
    writeFileSync(dir + "countries.tsv", countries);
    assert.equal(readHeader(head(), sourceStamp(dir)), null);
    assert.notEqual(seenStamp(dir), seenBefore, "a written table is seen to have changed");
    assert.equal(openGazetteer(dir).country("LY")?.name, "Libya Renamed");
    assert.ok(readHeader(head(), sourceStamp(dir)));
    // the same length and a time of change put back: the stamp of the content is still what decides
    writeFileSync(dir + "countries.tsv", countries.replace("Libya Renamed", "Libya Renamex"));
    utimesSync(dir + "countries.tsv", statSync(dir + "countries.tsv").atime, new Date(statSync(dir + PACK_FILE).mtimeMs - 1000));
    assert.equal(openGazetteer(dir).country("LY")?.name, "Libya Renamex");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("gazetteer pack: the bytes read whole are let go on release, and later look-ups give the same entries", () => {
  const g = openGazetteer(shipped);
  const k = (name: string) => spellingKey(name);
  // opened, it holds the pack's index only: a few look-ups read pieces
  assert.equal(g.held(), 0);
  const kharkiv = g.byKey(k("Kharkiv")).find((e) => e.kind === "place" && e.country === "UA");
  assert.ok(kharkiv);
  // the towns in a box are read from the whole pack, which then stays in memory
  const box = { west: 4, south: 51, east: 6, north: 53 };
  const towns = g.townsWithin(box, 10);
  assert.ok(towns.length === 10);
  const size = statSync(shipped + PACK_FILE).size;
  assert.equal(g.held(), size);
  g.release();
  assert.equal(g.held(), 0);
  // read again piece by piece: an entry found before is the very same object (geocoding compares identity),
  // one never asked for is read as the installed gazetteer reads it
  assert.ok(g.byKey(k("Charkiv")).includes(kharkiv), "another spelling finds the entry made before the release");
  assert.equal(g.country("LY"), g.byKey(k("Libya")).find((e) => e.kind === "country"));
  assert.deepEqual(g.placesIn("UA", "07"), gazetteer().placesIn("UA", "07"));
  assert.deepEqual(g.byKey(k("Derna")), gazetteer().byKey(k("Derna")));
  assert.deepEqual(g.townsWithin(box, 10), towns);
  assert.equal(g.held(), 0, "what was worked out of the whole pack is kept: it is not read whole again");
  // a release with nothing held is nothing
  g.release();
  assert.ok(g.has(k("Amsterdam")));
});
