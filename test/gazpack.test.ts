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
