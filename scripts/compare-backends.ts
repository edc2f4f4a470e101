// node dist/scripts/compare-backends.js --pg postgres://…/postgres [DIR …]: the same reports ingested into a
// SQLite ledger and into a PostgreSQL ledger (a new database, dropped after) give the same
// `sitrep export --format json` and the same `sitrep brief --format json`. By default the reports are the
// devset's (../shared/devset/<event>/corpus, read at run time), each event a ledger of its own. Prints one
// line per event and the first differences; exits 1 when any output differs.
//
// Nothing is set aside: the export carries no internal row ids (only the stable ids, which are hashes of
// what a report, claim or entity is) and the ingest time of a report is not part of it. Should the
// export ever carry a time of generation, it is the only field ignored ("generated").
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const args = process.argv.slice(2);
const at = args.indexOf("--pg");
const admin = at >= 0 ? args.splice(at, 2)[1] : process.env.SITREP_TEST_PG;
if (!admin) {
  process.stderr.write("compare-backends: give --pg postgres://… (a server where databases may be created) or set SITREP_TEST_PG\n");
  process.exit(2);
}

function withDatabase(url: string, name: string): string {
  const m = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(url);
  if (!m) throw new Error(`not a postgres:// URL: ${url}`);
  return `${m[1]}/${name}${m[3] ?? ""}`;
}

async function sql(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

function sitrep(argv: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`sitrep ${argv.join(" ")} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return r.stdout;
}

/** Paths (JSON pointers) where two values differ, at most `max`. */
function differences(a: unknown, b: unknown, path = "", out: string[] = [], max = 8): string[] {
  if (out.length >= max) return out;
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    out.push(`${path || "/"}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`);
    return out;
  }
  if (a && typeof a === "object") {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    if (Array.isArray(a) && a.length !== (b as unknown[]).length) out.push(`${path}: ${a.length} items ≠ ${(b as unknown[]).length}`);
    for (const k of keys) {
      if (k === "generated") continue;
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`, out, max);
    }
    return out;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`);
  return out;
}

const devset = join(root, "..", "shared", "devset");
let sets: { name: string; dir: string }[];
if (args.length) sets = args.map((d) => ({ name: d, dir: d }));
else if (existsSync(devset))
  sets = readdirSync(devset)
    .filter((e) => existsSync(join(devset, e, "corpus")))
    .sort()
    .map((e) => ({ name: e, dir: join(devset, e, "corpus") }));
else {
  process.stderr.write("compare-backends: no ../shared/devset here and no folders given: nothing to compare\n");
  process.exit(0);
}

let failed = 0;
const work = mkdtempSync(join(tmpdir(), "sitrep-compare-"));
for (const s of sets) {
  const file = join(work, `${s.name.replace(/\W+/g, "_")}.db`);
  const dbName = `sitrep_compare_${process.pid}_${s.name.replace(/\W+/g, "_").toLowerCase()}`.slice(0, 60);
  await sql(`DROP DATABASE IF EXISTS ${dbName}`);
  await sql(`CREATE DATABASE ${dbName}`);
  const url = withDatabase(admin, dbName);
  try {
    sitrep(["ingest", s.dir, "--db", file]);
    sitrep(["ingest", s.dir, "--db", url]);
    const outputs: [string, string[]][] = [
      ["export json", ["export", "--format", "json"]],
      ["brief json", ["brief", "--format", "json"]],
      ["export csv", ["export", "--format", "csv"]],
    ];
    const line: string[] = [];
    for (const [what, argv] of outputs) {
      const a = sitrep([...argv, "--db", file]), b = sitrep([...argv, "--db", url]);
      if (a === b) {
        line.push(`${what} identical (${a.length} bytes)`);
        continue;
      }
      failed++;
      const diffs = what.endsWith("json") ? differences(JSON.parse(a), JSON.parse(b)) : [`${a.split("\n").length} ≠ ${b.split("\n").length} lines`];
      line.push(`${what} DIFFERS: ${diffs.length ? diffs.join("; ") : "same content, other bytes"}`);
    }
    const n = JSON.parse(sitrep(["export", "--format", "json", "--db", file])) as { documents?: unknown[] };
    process.stdout.write(`${s.name} (${n.documents?.length ?? "?"} reports): ${line.join(", ")}\n`);
  } finally {
    await sql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}
rmSync(work, { recursive: true, force: true });
process.stdout.write(failed ? `${failed} outputs differ between SQLite and PostgreSQL\n` : "SQLite and PostgreSQL give the same outputs\n");
process.exit(failed ? 1 : 0);
