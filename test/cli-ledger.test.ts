// The ledger commands as a user meets them: what they say when something is off (a busy port, a missing
// ledger, a short token, a URL given to ingest, a bad item in a file), an empty ledger's briefing, plurals,
// and a CSV that a spreadsheet cannot be tricked by.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/store/index.js";
import { csvCell } from "../src/export/csv.js";
import { StoreLedger } from "../src/server/store.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const tmp = () => mkdtempSync(join(tmpdir(), "sitrep-cli-ledger-"));
const sitrep = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, SITREP_DB: "", ...env }, timeout: 60_000 });
const TOKEN = "cli-ledger-token-0123456789";

test("serve on a port in use exits 1 at once with one line saying so", async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const t0 = Date.now();
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, "serve", "--memory", "--port", String(port)], { env: { ...process.env, SITREP_TOKEN: TOKEN }, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
      const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.on("exit", (code) => {
        clearTimeout(kill);
        resolve({ code, stderr });
      });
    });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^sitrep: port ${port} on 127\\.0\\.0\\.1 is in use: .*--port\\n$`));
    assert.ok(Date.now() - t0 < 15_000);
  } finally {
    blocker.close();
  }
});

test("serve --db on a missing file says that it creates a new ledger there", async () => {
  const file = join(tmp(), "new.db");
  const child = spawn(process.execPath, [bin, "serve", "--db", file, "--port", "0"], { env: { ...process.env, SITREP_TOKEN: TOKEN }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
      if (/serving/.test(stderr)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  child.kill("SIGTERM");
  await new Promise((r) => child.on("exit", r));
  assert.match(stderr, new RegExp(`^sitrep: no ledger at ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: creating a new one\\n`));
  assert.ok(existsSync(file));
});

test("a token that is too short is refused with how to make a good one", () => {
  const r = sitrep(["serve", "--memory", "--port", "0"], { SITREP_TOKEN: "short" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^sitrep: SITREP_TOKEN is shorter than 16 characters: make one with `export SITREP_TOKEN=\$\(openssl rand -hex 20\)`\n$/);
});

test("ingest of a URL says that URLs go through serve --allow-fetch; the files of the same call are stored", () => {
  const dir = tmp();
  const f = join(dir, "a.txt");
  writeFileSync(f, "---\ntitle: Brug dicht\nlanguage: nl\npublished: 2024-04-02T10:00:00+02:00\n---\nDe brug over de IJssel blijft tot vrijdag dicht, meldt Rijkswaterstaat.\n");
  const r = sitrep(["ingest", "https://example.org/news/1", f, "--db", join(dir, "l.db")]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^sitrep: https:\/\/example\.org\/news\/1: ingest reads files; a URL is fetched by the server: run `sitrep serve --allow-fetch`/m);
  assert.match(r.stdout, /^1 added, 0 unchanged, 0 updated, 1 failed, 0 skipped \(1 report\)$/m);
});

test("a bad item in a file is skipped with a line naming it; the summary and the exit code count it", () => {
  const dir = tmp();
  const f = join(dir, "feed.jsonl");
  const good = (title: string, text: string) => JSON.stringify({ title, published: "2024-04-02T10:00:00+02:00", language: "nl", url: `https://example.org/${title.length}`, text });
  writeFileSync(f, [good("Brug dicht", "De brug over de IJssel blijft tot vrijdag dicht, meldt Rijkswaterstaat."), "{ dit is geen json", good("Staking bij de bus", "De vakbond zegt dat de staking bij het busbedrijf maandag doorgaat.")].join("\n") + "\n");
  const r = sitrep(["ingest", f, "--db", join(dir, "l.db")]);
  assert.equal(r.status, 1, "something was skipped");
  assert.match(r.stdout, /^2 added, 0 unchanged, 0 updated, 0 failed, 1 skipped \(2 reports\)$/m);
  assert.match(r.stdout, /^skipped: .*feed\.jsonl \(line 2\): /m);
  assert.match(r.stderr, /^sitrep: .*feed\.jsonl:2: .* \(skipped\)$/m);
});

test("the briefing of an empty ledger is one sentence saying so, in the reader's language", async () => {
  const file = join(tmp(), "empty.db");
  await (await openStore(file)).close();
  const en = sitrep(["brief", "--db", file]);
  assert.equal(en.status, 0, en.stderr);
  assert.equal(en.stdout, "# What we know and what we don't\n\n_The ledger holds no reports yet. Add reports with `sitrep ingest FILE…`, or through `sitrep serve`._\n");
  const nl = sitrep(["brief", "--db", file, "--lang", "nl"]);
  assert.match(nl.stdout, /^# Wat we wel en niet weten\n\n_Het grootboek bevat nog geen berichten\. .*_\n$/);
  const html = sitrep(["brief", "--db", file, "--format", "html"]).stdout;
  assert.match(html, /<p><em>The ledger holds no reports yet\./);
  assert.doesNotMatch(html, /<section|None\./);
});

test("SITREP_DB names the ledger when --db is not given", () => {
  const dir = tmp();
  const f = join(dir, "a.txt");
  writeFileSync(f, "---\ntitle: Brug dicht\nlanguage: nl\npublished: 2024-04-02T10:00:00+02:00\n---\nDe brug over de IJssel blijft tot vrijdag dicht, meldt Rijkswaterstaat.\n");
  const db = join(dir, "from-env.db");
  const r = sitrep(["ingest", f], { SITREP_DB: db });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(db));
  assert.match(sitrep(["brief"], { SITREP_DB: db }).stdout, /Based on 1 report from 1 outlet/);
});

test("one of a thing is one: 1 report, 1 claim", () => {
  const dir = tmp();
  const f = join(dir, "a.txt");
  writeFileSync(f, "---\ntitle: Brug dicht\nlanguage: nl\npublished: 2024-04-02T10:00:00+02:00\n---\nDe brug over de IJssel blijft tot vrijdag dicht, meldt Rijkswaterstaat.\n");
  assert.match(sitrep(["ingest", f, "--db", join(dir, "l.db")]).stdout, /\(1 report\)\n$/);
  assert.match(sitrep(["extract", f, "--format", "md"]).stdout, / 1 sentence, 1 claim\n/);
});

test("CSV: a cell a spreadsheet would run as a formula is text; the file opens with a byte-order mark; the API writes the same file", async () => {
  for (const [v, want] of [
    ["=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""],
    ["+31 6 1234", "'+31 6 1234"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "\"'\rcmd\""],
    ["Oekraïne", "Oekraïne"],
    [-5, "'-5"],
  ] as const)
    assert.equal(csvCell(v), want, String(v));

  const dir = tmp();
  const db = join(dir, "l.db");
  writeFileSync(
    join(dir, "a.txt"),
    '---\ntitle: "@SUM(1+1)"\nsource: "=HYPERLINK(\\"http://evil.example\\",\\"Dagblad\\")"\nlanguage: nl\npublished: 2024-04-02T10:00:00+02:00\nurl: https://example.org/a\n---\nDe brug over de IJssel in Oekraïne blijft tot vrijdag dicht, meldt Rijkswaterstaat.\n',
  );
  assert.equal(sitrep(["ingest", join(dir, "a.txt"), "--db", db]).status, 0);
  const r = spawnSync(process.execPath, [bin, "export", "--db", db, "--format", "csv"], { env: { ...process.env, SITREP_DB: "" } });
  assert.equal(r.status, 0, String(r.stderr));
  const bytes = r.stdout as Buffer;
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  const rows = text.slice(1).trimEnd().split("\r\n");
  assert.ok(rows.length >= 2);
  for (const row of rows.slice(1)) {
    assert.match(row, /,"'=HYPERLINK\(""http:\/\/evil\.example"",""Dagblad""\)",/, "the outlet is text");
    for (const cell of row.split(",")) assert.doesNotMatch(cell, /^"?[=+\-@]/, cell);
  }
  assert.match(text, /Oekraïne/);
  const ledger = await StoreLedger.open(db, { workers: false });
  try {
    let api = "";
    await ledger.export("csv", async (s) => {
      for await (const c of s.chunks) api += c;
    });
    assert.equal(api, text, "one CSV writer for the command line and the API");
  } finally {
    await ledger.close();
  }
});

test("a report in a language sitrep does not read is stored with one warning line and exported under its own language, with no claims", () => {
  const dir = tmp();
  const f = join(dir, "bericht.de.txt");
  writeFileSync(
    f,
    "---\ntitle: Brücke gesperrt\npublished: 2024-04-02T10:00:00+02:00\n---\nDie Brücke über den Rhein bei Köln bleibt nach Angaben der Stadt bis Freitag gesperrt. Nach Angaben der Polizei wurden bei dem Unfall zwei Menschen verletzt, die Ursache ist noch unklar.\n",
  );
  const db = join(dir, "ledger.db");
  const r = sitrep(["ingest", f, "--db", db]);
  assert.equal(r.status, 0, r.stderr);
  const warnings = r.stderr.split("\n").filter((l) => /German/.test(l));
  assert.equal(warnings.length, 1, r.stderr);
  const out = sitrep(["export", "--db", db, "--format", "json"]);
  assert.equal(out.status, 0, out.stderr);
  const exp = JSON.parse(out.stdout);
  assert.equal(exp.documents.length, 1);
  assert.equal(exp.documents[0].language, "de");
  assert.equal(exp.claims.length, 0);
  assert.equal(exp.counts?.length ?? 0, 0);
});
