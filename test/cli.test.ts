import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ExportSchema } from "../src/export/schema.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const samples = join(root, "samples");

function sitrep(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 28, cwd: root });
}

const body = (file: string) => readFileSync(file, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");

test("extract writes a valid sitrep/1 export whose document text is the report body", () => {
  const file = join(samples, "2023-05-23-belgorod-legioen.nl.txt");
  const r = sitrep("extract", file, "--format", "json");
  assert.equal(r.status, 0, r.stderr);
  const exp = ExportSchema.parse(JSON.parse(r.stdout));
  assert.equal(exp.documents.length, 1);
  const d = exp.documents[0]!;
  assert.equal(d.text.trim(), body(file).trim());
  assert.equal(d.language, "nl");
  assert.equal(d.published, "2023-05-23T09:15:00+02:00");
  assert.equal(d.published_from, "front-matter");
  // every span in the export points at the text it claims to
  for (const c of exp.claims) assert.equal(d.text.slice(c.start, c.end), c.text);
  for (const t of exp.times) assert.equal(d.text.slice(t.start, t.end), t.text);
  for (const e of exp.entities) for (const m of e.mentions) assert.equal(d.text.slice(m.start, m.end), m.text);
});

test("the same input gives the same export, byte for byte", () => {
  const files = ["2023-05-22-grayvoron-raid.en.txt", "2023-05-24-belgorod-voorbij.nl.txt"].map((f) => join(samples, f));
  const a = sitrep("extract", ...files);
  const b = sitrep("extract", ...files);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const exp = ExportSchema.parse(JSON.parse(a.stdout));
  assert.deepEqual(exp.documents.map((d) => d.id), ["d1", "d2"]);
  assert.deepEqual(exp.documents.map((d) => d.language), ["en", "nl"]);
});

test("publication time falls back to --published, then to the file's time, and the export says which", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-"));
  const file = join(dir, "bericht.txt");
  writeFileSync(file, "De brandweer heeft gisteravond een brand in een loods in Zwolle geblust. Niemand raakte gewond.\n");
  const flagged = ExportSchema.parse(JSON.parse(sitrep("extract", file, "--published", "2024-02-10T08:00:00+01:00").stdout));
  assert.equal(flagged.documents[0]!.published, "2024-02-10T08:00:00+01:00");
  assert.equal(flagged.documents[0]!.published_from, "flag");
  assert.equal(flagged.documents[0]!.language, "nl");
  const fallback = ExportSchema.parse(JSON.parse(sitrep("extract", file).stdout));
  assert.equal(fallback.documents[0]!.published_from, "file-mtime");
  assert.ok(!Number.isNaN(Date.parse(fallback.documents[0]!.published)));
});

test("--format md prints a readable summary per report", () => {
  const r = sitrep("extract", join(samples, "2023-05-23-ministry-claims.en.txt"), "--format", "md");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Moscow says raid repelled, dozens of fighters killed/);
  assert.match(r.stdout, /published 2023-05-23T15:20:00\+00:00 \(from front-matter\)/);
});

test("usage errors exit 2 with a message on stderr; --help exits 0", () => {
  for (const args of [["extract"], ["extract", "x.txt", "--lang", "fr"], ["extract", "x.txt", "--published", "yesterday"], ["extract", "x.txt", "--format", "xml"], ["frobnicate"]]) {
    const r = sitrep(...args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.ok(r.stderr.trim().length > 0, args.join(" "));
    assert.equal(r.stdout, "");
  }
  for (const args of [["--help"], ["extract", "--help"], ["demo", "--help"]]) {
    const r = sitrep(...args);
    assert.equal(r.status, 0, args.join(" "));
    assert.match(r.stdout, /Usage: sitrep/);
  }
});

test("a missing file fails with exit 1 and the other files are still extracted", () => {
  const r = sitrep("extract", join(samples, "nope.txt"), join(samples, "2023-05-23-belgorod-legioen.nl.txt"));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^sitrep: .*nope\.txt: .+\n$/);
  assert.equal(ExportSchema.parse(JSON.parse(r.stdout)).documents.length, 1);
});

test("demo runs on the bundled samples without the network", () => {
  const r = sitrep("demo");
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.length > 200);
});

test("a bad line in a JSON-lines file fails the call while the good lines are extracted", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-"));
  const file = join(dir, "feed.jsonl");
  const good = (title: string, text: string) =>
    JSON.stringify({ title, published: "2024-04-02T10:00:00+02:00", language: "nl", text });
  writeFileSync(
    file,
    [
      good("Brug dicht", "De brug over de IJssel blijft tot vrijdag dicht, meldt Rijkswaterstaat."),
      "{ dit is geen json",
      good("Staking", "De vakbond zegt dat de staking bij het busbedrijf maandag doorgaat."),
    ].join("\n") + "\n",
  );
  const r = sitrep("extract", file);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /feed\.jsonl:2: /);
  assert.equal(ExportSchema.parse(JSON.parse(r.stdout)).documents.length, 2);
});
