// Ingest workers on a PostgreSQL ledger: reports queued once, taken by several workers at once, some of
// them killed (kill -9) mid-ingest; every report ends up stored exactly once, with all it yielded, the same
// as a plain ingest of the same files. Needs SITREP_TEST_PG (skipped, and says so, without it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SPAN } from "../src/store/index.js";
import { writeCorpus } from "./helpers.js";
import { BACKENDS, newDatabase, PG_URL } from "./backends.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const skip = !PG_URL && "PostgreSQL: SITREP_TEST_PG not set";
const pgb = () => BACKENDS.find((b) => b.name === "PostgreSQL")!;

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function worker(db: string, extra: string[] = []) {
  const child = spawn(process.execPath, [bin, "worker", "--db", db, ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "", stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, stderr: () => stderr };
}

/** Per report (by content hash): current?, and how many claims, entities, figures and times it has. */
async function perReport(db: string): Promise<Map<string, string>> {
  const per = (t: string) => `(SELECT count(*) FROM ${t} x WHERE x.id >= r.id * ${SPAN} AND x.id < (r.id + 1) * ${SPAN})`;
  const rows = await pgb().rows<{ hash: string; current: number; c: string; e: string; n: string; t: string }>(
    db,
    `SELECT encode(r.hash, 'hex') AS hash, r.current, ${per("claims")} AS c, ${per("entities")} AS e, ${per("counts")} AS n, ${per("times")} AS t FROM reports r`,
  );
  const out = new Map<string, string>();
  for (const r of rows) {
    assert.ok(!out.has(r.hash), `report ${r.hash} stored twice`);
    out.set(r.hash, `${r.current}/${r.c}/${r.e}/${r.n}/${r.t}`);
  }
  return out;
}

test("three workers on one queue: every report stored once, a report queued twice or present in two files too, the same as a plain ingest", { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-workers-"));
  const input = join(dir, "in");
  writeCorpus(input, 90, "w");
  // the same reports (same URL, same words) in other files: two workers may race on them
  for (const f of readdirSync(input).slice(0, 12)) copyFileSync(join(input, f), join(input, `copy-${f}`));
  const db = await newDatabase();
  const q = sitrep(["ingest", "--queue", "--db", db, input]);
  assert.equal(q.code, 0, q.stderr);
  assert.match(q.stdout, /^102 queued, 0 queued already, 0 failed/);
  const again = sitrep(["ingest", "--queue", "--db", db, input]);
  assert.match(again.stdout, /^0 queued, 102 queued already/, "what waits in the queue is not queued twice");
  const runs = await Promise.all([1, 2, 3].map(() => worker(db, ["--until-idle"]).done));
  let added = 0, unchanged = 0;
  for (const r of runs) {
    assert.equal(r.code, 0, r.stderr);
    const m = /^(\d+) added, (\d+) unchanged, 0 updated, 0 failed/.exec(r.stdout);
    assert.ok(m, r.stdout);
    added += Number(m[1]);
    unchanged += Number(m[2]);
  }
  assert.equal(added, 90);
  assert.equal(unchanged, 12);
  assert.ok(runs.filter((r) => /^[1-9]/.test(r.stdout)).length >= 2, `the work was shared: ${runs.map((r) => r.stdout.trim()).join(" | ")}`);
  assert.equal(await pgb().n(db, "SELECT count(*) AS n FROM sitrep_jobs"), 0, "the queue is empty");
  const plain = await newDatabase();
  assert.equal(sitrep(["ingest", "--db", plain, input]).code, 0);
  const [a, b] = [await perReport(db), await perReport(plain)];
  assert.equal(a.size, 90);
  assert.deepEqual(a, b);
});

test("kill -9 of a worker mid-ingest, a few rounds, then a clean run: every report exactly once, nothing half-stored", { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-workers-kill-"));
  const input = join(dir, "in");
  const N = 150;
  writeCorpus(input, N, "k");
  const db = await newDatabase();
  assert.equal(sitrep(["ingest", "--queue", "--db", db, input]).code, 0);
  let killedAt = 0;
  for (let round = 0; round < 4; round++) {
    // a worker that is killed once it has stored a report or two, beside one that is not killed
    const victim = worker(db);
    const other = worker(db, ["--until-idle"]);
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if ((victim.stderr().match(/^added /gm) ?? []).length >= 2 || victim.child.exitCode !== null) {
          clearInterval(t);
          victim.child.kill("SIGKILL");
          resolve();
        }
      }, 5);
    });
    const v = await victim.done;
    assert.equal(v.signal, "SIGKILL");
    // a SIGTERM before the other worker has started (still loading, on a busy machine) ends it as any
    // process is ended, before it has taken anything: wait until it has stored or skipped a report
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (/^(added|unchanged|updated) /m.test(other.stderr()) || other.child.exitCode !== null) {
          clearInterval(t);
          resolve();
        }
      }, 5);
    });
    other.child.kill("SIGTERM"); // stops after the report in hand
    const o = await other.done;
    assert.equal(o.code, 0, o.stderr);
    const stored = await perReport(db); // asserts nothing is stored twice
    assert.ok(stored.size > killedAt, `round ${round}: progress (${stored.size} stored)`);
    assert.ok(stored.size < N, `round ${round}: the kill came before the end`);
    killedAt = stored.size;
  }
  const clean = worker(db, ["--until-idle"]);
  const c = await clean.done;
  assert.equal(c.code, 0, c.stderr);
  assert.equal(await pgb().n(db, "SELECT count(*) AS n FROM sitrep_jobs"), 0);
  const plain = await newDatabase();
  assert.equal(sitrep(["ingest", "--db", plain, input]).code, 0);
  const [a, b] = [await perReport(db), await perReport(plain)];
  assert.equal(a.size, N);
  assert.deepEqual(a, b);
});
