// `sitrep extract --jobs N` extracts reports in worker threads while the main thread takes them: its
// output, its messages and its exit code must be those of the extract in one thread (--jobs 0), byte for
// byte, whatever order the threads finish in, with bad files and bad lines among the good ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const samples = join(root, "samples");
const dir = mkdtempSync(join(tmpdir(), "sitrep-extract-threads-"));

const reports = [
  {
    title: "Dijk bij Zwolle hersteld",
    language: "nl",
    published: "2024-02-12T09:00:00+01:00",
    source: "Dagblad Oost",
    text: "Het waterschap meldt dat de dijk bij Zwolle is hersteld. Volgens burgemeester Peter Snijders konden 240 bewoners van Westenholte maandagavond terug naar huis. De oorzaak van de verzakking is nog onbekend, zei een woordvoerder van het waterschap.",
  },
  {
    title: "Ferry aground off Crete",
    language: "en",
    published: "2024-02-12T11:30:00+02:00",
    source: "Island Post",
    text: "A ferry ran aground off the coast of Crete on Monday, the coast guard said. None of the 120 passengers was hurt, according to the port authority. The operator denied that the captain had ignored a storm warning.",
  },
  {
    title: "Evacuatie Westenholte voorbij",
    language: "nl",
    published: "2024-02-12T21:00:00+01:00",
    source: "Omroep Zwolle",
    text: "De 240 geëvacueerde bewoners van Westenholte mogen terug naar huis, zegt burgemeester Peter Snijders van Zwolle. Het waterschap onderzoekt nog waarom de dijk verzakte.",
  },
  {
    title: "Crete ferry towed to Heraklion",
    language: "en",
    published: "2024-02-13T08:00:00+02:00",
    source: "Aegean Wire",
    text: "The ferry that ran aground off Crete was towed to Heraklion on Tuesday, the coast guard said. Police said two crew members were questioned. The port authority said at least 120 passengers had been taken off safely.",
  },
];

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function extract(jobs: number, files: string[]) {
  const r = spawnSync(process.execPath, [bin, "extract", "--jobs", String(jobs), ...files], { encoding: "utf8", timeout: 300_000, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("extracted in threads, the reports give the export, messages and exit code of one thread", () => {
  const lines = reports.map((r) => JSON.stringify(r));
  // a bad line among the good ones: named, and the others extracted
  // and a report in a language sitrep has no lexicons for, which is warned about in its turn
  const german = JSON.stringify({ title: "Festnahmen in Leipzig", language: "de", text: "Die Polizei in Leipzig sagte am Samstag, dass drei Menschen nach dem Protest festgenommen wurden." });
  const stream = file("stream.jsonl", [lines[0], lines[1], "{\"title\": \"cut off", german, lines[2], lines[3]].join("\n") + "\n");
  const allBad = file("broken.jsonl", "{\"text\": 3}\nnot json\n");
  const missing = join(dir, "missing.txt");
  const files = [...readdirSync(samples).sort().map((f) => join(samples, f)), stream, allBad, missing, file("again.jsonl", lines.slice(1).join("\n") + "\n")];
  const one = extract(0, files);
  assert.equal(one.status, 1, "the bad files and the bad line fail the run");
  const x = JSON.parse(one.stdout) as { documents: { id: string }[]; propositions: unknown[] };
  assert.equal(x.documents.length, readdirSync(samples).length + 5 + 3);
  assert.deepEqual(
    x.documents.map((d) => d.id),
    x.documents.map((_, i) => `d${i + 1}`),
  );
  assert.ok(x.propositions.length > 0, "fusion across the reports found propositions");
  assert.match(one.stderr, /stream\.jsonl:3: /);
  assert.match(one.stderr, /warning: .*stream\.jsonl: line 4: written in German/);
  assert.match(one.stderr, /broken\.jsonl: /);
  assert.match(one.stderr, /missing\.txt: /);
  for (const jobs of [1, 2, 3]) {
    const many = extract(jobs, files);
    assert.equal(many.stdout, one.stdout, `--jobs ${jobs}: the same export`);
    assert.equal(many.stderr, one.stderr, `--jobs ${jobs}: the same messages, in the same order`);
    assert.equal(many.status, one.status);
  }
});

test("extracted in threads, one report alone and no report give the export of one thread", () => {
  const one = file("one.jsonl", JSON.stringify(reports[1]) + "\n");
  const none = join(dir, "none.txt");
  const a = extract(0, [one]);
  assert.equal(a.status, 0);
  assert.equal((JSON.parse(a.stdout) as { documents: unknown[] }).documents.length, 1);
  assert.deepEqual(extract(2, [one]), a);
  const b = extract(0, [none]);
  assert.equal(b.status, 1);
  assert.equal((JSON.parse(b.stdout) as { documents: unknown[] }).documents.length, 0);
  assert.deepEqual(extract(2, [none]), b);
});

test("--jobs takes a number of threads, and nothing else", () => {
  const sample = join(samples, readdirSync(samples)[0]!);
  assert.equal(extract(1, [sample]).status, 0);
  const r = spawnSync(process.execPath, [bin, "extract", "--jobs", "two", sample], { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--jobs: a number of threads/);
});
