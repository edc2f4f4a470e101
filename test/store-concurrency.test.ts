// Writers that meet on one ledger: two `sitrep ingest` processes and a server taking reports over HTTP, all
// at once. SQLite lets one writer in at a time; the others wait and run their whole transaction again, so
// nothing is lost, nothing is stored twice, and nobody gets an error for it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { writeCorpus } from "./helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const TOKEN = "concurrency-token-0123456789";

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "", stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

function apiReport(i: number): string {
  const place = ["Zwolle", "Deventer", "Kampen", "Zutphen"][i % 4];
  return `---\ntitle: "Melding ${i}"\nsource: "Stadsradio"\npublished: 2024-03-0${1 + (i % 9)}T10:00:00+01:00\nlanguage: nl\n---\nDe brandweer in ${place} meldt dat bij brand ${i} niemand gewond raakte. Onduidelijk is hoe het vuur ontstond (melding ${i}).\n`;
}

test("two CLI ingests and a server on one ledger, 300 reports each way: every report stored exactly once, no 500", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-writers-"));
  const a = join(dir, "a"), b = join(dir, "b");
  writeCorpus(a, 300, "a");
  writeCorpus(b, 300, "b");
  // The second ingest also brings 40 of the first one's reports: a race on the same report.
  for (const f of readdirSync(a).slice(0, 40)) copyFileSync(join(a, f), join(b, `dup-${f}`));
  const ledger = join(dir, "ledger.db");

  const server = run(["serve", "--db", ledger, "--port", "0"], { SITREP_TOKEN: TOKEN });
  t.after(() => {
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /on (http:\/\/localhost:\d+)\//.exec(server.stderr());
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    server.child.on("exit", (code) => reject(new Error(`the server exited ${code}: ${server.stderr()}`)));
  });

  const statuses: number[] = [];
  const uploads = (async () => {
    let next = 0;
    const worker = async () => {
      while (next < 300) {
        const i = next++;
        const r = await fetch(`${base}/api/reports`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "text/plain; charset=utf-8" },
          body: apiReport(i),
        });
        statuses.push(r.status);
        await r.arrayBuffer();
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  })();
  const [ia, ib] = await Promise.all([run(["ingest", a, "--db", ledger]).done, run(["ingest", b, "--db", ledger]).done, uploads]);

  assert.equal(ia.code, 0, ia.stderr.split("\n").filter((l) => !/^(added|unchanged) /.test(l)).join("\n"));
  assert.equal(ib.code, 0, ib.stderr.split("\n").filter((l) => !/^(added|unchanged) /.test(l)).join("\n"));
  const counts = (out: string) => {
    const m = /^(\d+) added, (\d+) unchanged, 0 updated, 0 failed, 0 skipped/.exec(out)!;
    assert.ok(m, out);
    return [Number(m[1]), Number(m[2])];
  };
  const [addA, sameA] = counts(ia.stdout), [addB, sameB] = counts(ib.stdout);
  assert.equal(addA + sameA, 300);
  assert.equal(addB + sameB, 340);
  assert.equal(addA + addB, 600, "each of the 600 distinct files once, whichever ingest got there first");
  assert.equal(sameA + sameB, 40);
  assert.deepEqual([...new Set(statuses)], [201], `every upload stored: ${statuses.filter((s) => s !== 201).join(", ")}`);
  assert.equal(statuses.length, 300);

  server.child.kill("SIGTERM");
  const s = await server.done;
  assert.equal(s.code, 0);
  assert.doesNotMatch(s.stderr, /internal error|locked|SQLITE/);

  const db = new Database(ledger, { readonly: true });
  const one = (sql: string) => db.prepare(sql).get() as Record<string, number>;
  assert.deepEqual(one("SELECT count(*) AS n, count(DISTINCT hash) AS h, count(DISTINCT title) AS t FROM reports WHERE current = 1"), { n: 900, h: 900, t: 900 });
  assert.equal(one("SELECT count(*) AS n FROM reports").n, 900, "no second version of anything");
  // the aggregates agree with the rows they count
  assert.equal(one("SELECT sum(n) AS n FROM props").n, one("SELECT count(*) AS n FROM claims").n);
  db.close();
});
