// node dist/scripts/kill-workers.js --pg postgres://…/postgres [--rounds 20] [--reports 300]: the bar for
// workers on PostgreSQL. Reports are queued once; then, round after round, a worker is killed (kill -9) as
// soon as it has stored a few reports, beside a second worker that is stopped normally; after each round no
// report may be stored twice; at the end a clean run empties the queue, and the ledger must hold every
// report exactly once, each with the same claims, entities, figures and times as a plain `sitrep ingest` of
// the same files. Prints one line per round; exits 1 on any failure. Creates and drops its own databases.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { SPAN } from "../src/store/index.js";
import { writeCorpus } from "../test/helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const argv = process.argv.slice(2);
const opt = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);
const admin = opt("--pg") ?? process.env.SITREP_TEST_PG;
const ROUNDS = Number(opt("--rounds") ?? 20);
const N = Number(opt("--reports") ?? 300);
if (!admin) {
  process.stderr.write("kill-workers: give --pg postgres://… (a server where databases may be created) or set SITREP_TEST_PG\n");
  process.exit(2);
}
const withDatabase = (url: string, name: string) => {
  const m = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(url)!;
  return `${m[1]}/${name}${m[3] ?? ""}`;
};
async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}
async function perReport(db: string): Promise<{ map: Map<string, string>; doubled: number }> {
  const per = (t: string) => `(SELECT count(*) FROM ${t} x WHERE x.id >= r.id * ${SPAN} AND x.id < (r.id + 1) * ${SPAN})`;
  const rows = await query<Record<string, string>>(
    db,
    `SELECT encode(r.hash, 'hex') AS hash, r.current, ${per("claims")} AS c, ${per("entities")} AS e, ${per("counts")} AS n, ${per("times")} AS t FROM reports r`,
  );
  const map = new Map<string, string>();
  let doubled = 0;
  for (const r of rows) {
    if (map.has(r.hash!)) doubled++;
    map.set(r.hash!, `${r.current}/${r.c}/${r.e}/${r.n}/${r.t}`);
  }
  return { map, doubled };
}
function worker(db: string, extra: string[] = []) {
  const child = spawn(process.execPath, [bin, "worker", "--db", db, ...extra], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
  const done = new Promise<{ code: number | null; signal: string | null }>((res) => child.on("close", (code, signal) => res({ code, signal })));
  return { child, done, err: () => err };
}

const tag = `${process.pid}`;
const names = [`sitrep_kill_${tag}`, `sitrep_kill_plain_${tag}`];
for (const n of names) await query(admin, `CREATE DATABASE ${n}`);
const [db, plain] = names.map((n) => withDatabase(admin, n)) as [string, string];
const dir = mkdtempSync(join(tmpdir(), "sitrep-kill-"));
let failures = 0;
try {
  writeCorpus(join(dir, "in"), N, "k");
  const q = spawnSync(process.execPath, [bin, "ingest", "--queue", "--db", db, join(dir, "in")], { encoding: "utf8" });
  if (q.status !== 0) throw new Error(q.stderr);
  for (let round = 1; round <= ROUNDS; round++) {
    const victim = worker(db);
    const other = worker(db, ["--until-idle"]);
    const want = 1 + (round % 3);
    await new Promise<void>((res) => {
      const t = setInterval(() => {
        if ((victim.err().match(/^added /gm) ?? []).length >= want || victim.child.exitCode !== null) {
          clearInterval(t);
          victim.child.kill("SIGKILL");
          res();
        }
      }, 5);
    });
    await victim.done;
    other.child.kill("SIGTERM");
    const o = await other.done;
    const { map, doubled } = await perReport(db);
    const [{ n: waiting }] = await query<{ n: string }>(db, "SELECT count(*) AS n FROM sitrep_jobs");
    const ok = doubled === 0 && o.code === 0;
    if (!ok) failures++;
    console.log(`round ${round}: ${map.size} stored, ${waiting} jobs left, ${doubled} doubled${o.code === 0 ? "" : `, the other worker exited ${o.code}`}${ok ? "" : "  FAIL"}`);
    if (map.size >= N) break;
  }
  const c = worker(db, ["--until-idle"]);
  const cr = await c.done;
  if (cr.code !== 0) throw new Error(`the clean run failed: ${c.err()}`);
  const p = spawnSync(process.execPath, [bin, "ingest", join(dir, "in"), "--db", plain], { encoding: "utf8" });
  if (p.status !== 0) throw new Error(p.stderr);
  const [a, b] = [await perReport(db), await perReport(plain)];
  const [{ n: left }] = await query<{ n: string }>(db, "SELECT count(*) AS n FROM sitrep_jobs");
  const same = a.map.size === b.map.size && [...a.map].every(([h, v]) => b.map.get(h) === v);
  if (!(a.map.size === N && a.doubled === 0 && same && Number(left) === 0)) failures++;
  console.log(`after the clean run: ${a.map.size} of ${N} reports stored, ${a.doubled} doubled, ${left} jobs left; the same rows per report as a plain ingest: ${same ? "yes" : "NO"}`);
} finally {
  for (const n of names) await query(admin, `DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
}
console.log(failures ? `${failures} failures` : "every report stored exactly once");
process.exit(failures ? 1 : 0);
