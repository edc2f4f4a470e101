// A page of reports' parts (what `export` reads a page at a time) reads each listed report's rows as a range
// of keys on PostgreSQL, whatever the planner thinks a sort costs: on a 100,000-report ledger it took a
// range per report for 140,000 rows and walked the whole claims index in order instead, to save sorting
// them (25 s a page). Here the planner is told that sorts and sequential scans are dear, which gave that
// walk on a small ledger, and the server's counters say how many index entries were read. Needs
// SITREP_TEST_PG.
import { test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { openStore } from "../src/store/index.js";
import { storeReports } from "../src/ledger/ingest.js";
import { pipelineDocs, type TestReport } from "./helpers.js";
import { newDatabase, PG_URL } from "./backends.js";

const TABLES = ["claims", "entities", "times", "counts", "unknowns", "events"] as const;

const REPORTS: TestReport[] = [
  { source: "Dagblad", published: "2023-05-23T09:00:00+02:00", lang: "nl", text: "Volgens de burgemeester van Zeeland zijn bij de brand in de haven drie mensen gewond geraakt. De brandweer zegt dat het vuur om 6.00 uur onder controle was. Hoe de brand ontstond, is nog onduidelijk.\n" },
  { source: "Avondpost", published: "2023-05-23T10:30:00+02:00", lang: "nl", text: "De politie meldt dat twee loodsen in de haven van Zeeland volledig zijn uitgebrand. Een woordvoerder van het havenbedrijf ontkent dat er gevaarlijke stoffen lagen opgeslagen.\n" },
  { source: "Coastal Times", published: "2023-05-23T11:00:00+02:00", lang: "en", text: "Three people were injured in a fire at the port of Zeeland on Tuesday morning, the mayor said. Firefighters said the blaze was under control by 6 a.m. The cause of the fire is not yet known.\n" },
  { source: "Wire Service", published: "2023-05-23T12:15:00+02:00", lang: "en", text: "Police said two warehouses at the Zeeland port burned down overnight. A spokesperson for the port authority denied that hazardous materials were stored there. At least 40 residents were evacuated, officials said.\n" },
  { source: "Regiokrant", published: "2023-05-23T13:00:00+02:00", lang: "nl", text: "Het aantal gewonden bij de havenbrand in Zeeland is opgelopen tot vijf, aldus de veiligheidsregio. Omwonenden mochten dinsdagmiddag terug naar huis.\n" },
  { source: "Evening Herald", published: "2023-05-23T14:00:00+02:00", lang: "en", text: "Five people are now known to have been hurt in the Zeeland port fire, the regional safety authority said on Tuesday afternoon. Residents were allowed to return home.\n" },
];

/** Index entries and rows read from each table so far (the server's cumulative counters). */
async function counters(url: string): Promise<Map<string, { idx: number; seq: number }>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ relname: string; idx: string | null; seq: string | null }>(
      "SELECT relname, idx_tup_fetch AS idx, seq_tup_read AS seq FROM pg_stat_user_tables WHERE relname = ANY($1)",
      [[...TABLES]],
    );
    return new Map(rows.map((r) => [r.relname, { idx: Number(r.idx ?? 0), seq: Number(r.seq ?? 0) }]));
  } finally {
    await c.end();
  }
}

test("a page of reports' parts reads each report's keys on PostgreSQL, however dear the planner thinks a sort is", { skip: !PG_URL && "PostgreSQL: SITREP_TEST_PG not set" }, async () => {
  const url = await newDatabase();
  const s = await openStore(url);
  try {
    for (const r of await storeReports(s, pipelineDocs(REPORTS))) assert.ok(r.ok, JSON.stringify(r));
  } finally {
    await s.close();
  }
  const name = /^postgres(?:ql)?:\/\/[^/?]*\/([^?]+)/.exec(url)![1]!;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} SET enable_sort = off`);
    await admin.query(`ALTER DATABASE ${name} SET enable_seqscan = off`);
  } finally {
    await admin.end();
  }
  const before = await counters(url);
  const r = await openStore(url, { readonly: true });
  let parts;
  try {
    const [first] = await r.reads.reportsPage(null, 1, true);
    parts = (await r.reads.reportParts([first!]))[0]!;
  } finally {
    await r.close();
  }
  assert.ok(parts.claims.length >= 2 && parts.entities.length >= 1, `the report has claims and entities: ${parts.claims.length}, ${parts.entities.length}`);
  const got: Record<(typeof TABLES)[number], number> = {
    claims: parts.claims.length, entities: parts.entities.length, times: parts.times.length, counts: parts.counts.length, unknowns: parts.unknowns.length, events: parts.events.length,
  };
  // (a backend's counters reach the server when it ends: they are read until they settle)
  let after = await counters(url);
  for (let i = 0, last = ""; i < 50; i++) {
    await new Promise((ok) => setTimeout(ok, 200));
    after = await counters(url);
    const now = JSON.stringify([...after]);
    if (now === last && after.get("claims")!.idx > before.get("claims")!.idx) break;
    last = now;
  }
  for (const t of TABLES) {
    const a = after.get(t)!, b = before.get(t)!;
    assert.equal(a.seq - b.seq, 0, `${t}: no rows read by a scan of the table`);
    assert.ok(a.idx - b.idx <= got[t], `${t}: ${a.idx - b.idx} rows read by the index for the report's ${got[t]}`);
  }
});
