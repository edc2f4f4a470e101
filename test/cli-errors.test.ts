// Bad input through the real CLI: each bad file gets one stderr line naming it and the reason, no stack
// trace; the other files of the same call are still extracted; the exit code is 1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-errors-"));

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

interface Run {
  status: number | null;
  stderr: string[];
  docs: { title?: string; text: string; language: string; language_from?: string }[];
  ms: number;
}

function extract(...args: string[]): Run {
  const t = Date.now();
  const r = spawnSync(process.execPath, [bin, "extract", ...args, "--format", "json"], { encoding: "utf8", timeout: 60_000 });
  const stderr = r.stderr.split("\n").filter(Boolean);
  const docs = r.stdout.trim() ? (JSON.parse(r.stdout) as { documents: Run["docs"] }).documents : [];
  return { status: r.status, stderr, docs, ms: Date.now() - t };
}

const good = file(
  "good.txt",
  "---\ntitle: Bridge reopens\nlanguage: en\npublished: 2024-04-02T08:00:00+01:00\n---\n" +
    "The Tyne crossing reopened on Tuesday morning after three days of repairs, the city council said.\n",
);

function assertOneLine(run: Run, path: string, reason: RegExp): void {
  const lines = run.stderr.filter((l) => l.includes(path));
  assert.equal(lines.length, 1, `one line for ${path}: ${run.stderr.join(" | ")}`);
  assert.ok(lines[0]!.startsWith(`sitrep: ${path}`), lines[0]);
  assert.match(lines[0]!, reason);
  for (const l of run.stderr) assert.ok(!/^\s+at |Error:|node:internal/.test(l), `no stack trace: ${l}`);
}

test("missing file, directory, empty and white-space files: named, reasoned, the good file still extracted, exit 1", () => {
  const missing = join(dir, "missing.txt");
  const folder = join(dir, "folder");
  mkdirSync(folder);
  const empty = file("empty.txt", "");
  const blank = file("blank.md", "\n   \n\t\n");
  const run = extract(missing, folder, good, empty, blank);
  assert.equal(run.status, 1);
  assertOneLine(run, missing, /no such file$/);
  assertOneLine(run, folder, /is a directory/);
  assertOneLine(run, empty, /is empty$/);
  assertOneLine(run, blank, /is empty/);
  assert.equal(run.docs.length, 1);
  assert.equal(run.docs[0]!.title, "Bridge reopens");
});

test("binary data under a text name is refused; a Windows-1252 file is converted and extracted", () => {
  const noise = Buffer.alloc(8192);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const binary = file("photo.txt", noise);
  const cp1252 = file(
    "oud.txt",
    Buffer.from("De wethouder zegt dat het café \u0084De Zwaan\u0094 na de brand voorlopig dicht blijft. De schade wordt geschat op één miljoen euro.\n", "latin1"),
  );
  const run = extract(binary, cp1252);
  assert.equal(run.status, 1);
  assertOneLine(run, binary, /looks like binary data/);
  assert.equal(run.docs.length, 1);
  assert.equal(run.docs[0]!.text, "De wethouder zegt dat het café „De Zwaan” na de brand voorlopig dicht blijft. De schade wordt geschat op één miljoen euro.\n");
  assert.equal(run.docs[0]!.language, "nl");
});

test("a 50 MB file is refused by its size, at once, without being read", () => {
  const huge = join(dir, "huge.txt");
  const fd = openSync(huge, "w");
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const run = extract(huge, good);
  assert.equal(run.status, 1);
  assertOneLine(run, huge, /file is 50\.0 MB; the limit for one report is 20 MB$/);
  assert.equal(run.docs.length, 1);
  assert.ok(run.ms < 20_000, `took ${run.ms} ms`);
});

test("malformed HTML is extracted as far as it goes; a page without text is refused", () => {
  const broken = file(
    "broken.html",
    "<html><body><article><p>Firefighters were still at the scene of the blaze in Hull on Sunday evening, the fire service said.<p>Two people were treated for smoke inhalation <b>at the scene<div></span></article></html></body> <<<>>> <!-- unterminated",
  );
  const bare = file("bare.html", "<html><head><title>Nothing here</title></head><body><nav><a href='/'>Home</a></nav></body></html>");
  const run = extract(broken, bare);
  assert.equal(run.status, 1);
  assertOneLine(run, bare, /no article text found/);
  assert.equal(run.docs.length, 1);
  assert.match(run.docs[0]!.text, /blaze in Hull on Sunday evening/);
  assert.match(run.docs[0]!.text, /smoke inhalation at the scene/);
});

test("malformed front matter and a bad front-matter date are errors naming the line or the value", () => {
  const fm = file("fm.txt", "---\ntitle: Storm\nthis line has no key\nsource: x\n---\nThe storm brought down trees across the county on Friday.\n");
  const date = file("date.md", "---\npublished: 31-12-2023\n---\nThe storm brought down trees across the county on Friday.\n");
  const run = extract(fm, date, good);
  assert.equal(run.status, 1);
  assertOneLine(run, fm, /malformed front matter on line 3/);
  assertOneLine(run, date, /"published" is not an ISO 8601 date or time .*"31-12-2023"/);
  assert.equal(run.docs.length, 1);
});

test("hostile XML (billion laughs) is refused quickly; a good feed in the same call is extracted", () => {
  const lol =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">' +
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>' +
    "<rss version=\"2.0\"><channel><title>&lol5;</title><item><title>x</title><description>&lol5;</description></item></channel></rss>";
  const hostile = file("lol.xml", lol);
  const feed = file(
    "feed.xml",
    '<?xml version="1.0"?><rss version="2.0"><channel><title>County Radio</title><language>en-gb</language>' +
      "<item><title>Flood warning lifted</title><link>https://radio.example.com/flood</link><pubDate>Mon, 15 Jan 2024 10:00:00 +0000</pubDate>" +
      "<description>The Environment Agency has lifted the flood warning for the lower Severn after river levels fell overnight.</description></item></channel></rss>",
  );
  const run = extract(hostile, feed);
  assert.equal(run.status, 1);
  assertOneLine(run, hostile, /XML declares entities/);
  assert.equal(run.docs.length, 1);
  assert.equal(run.docs[0]!.title, "Flood warning lifted");
});

test("a jsonl file with one bad line: the line is named (file:line), the good lines are extracted", () => {
  const jl = file(
    "stream.jsonl",
    [
      JSON.stringify({ title: "Ferry cancelled", language: "en", text: "All crossings to the island were cancelled on Friday because of the gale, the operator said." }),
      '{"title": "broken", ',
      JSON.stringify({ title: "Veerdienst hervat", text: "De veerdienst naar Texel vaart sinds zaterdagochtend weer volgens de normale dienstregeling, meldt de rederij." }),
    ].join("\n"),
  );
  const run = extract(jl);
  assert.equal(run.docs.length, 2);
  assert.deepEqual(run.docs.map((d) => d.language), ["en", "nl"]);
  assertOneLine(run, `${jl}:2`, /not valid JSON/);
});
