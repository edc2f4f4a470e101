// On PostgreSQL every round trip to the server is waited for, and on a busy machine one costs more than the
// short reads of a page: a page of claims (after its count is known) waits for at most six. Its view's
// BEGIN goes with the first query and its COMMIT is not waited for; the corrections' count and rows, the
// claim rows with their reports' texts, the reports' parts of every kind, the entities with their names go
// in one round trip each. The page is the same as read on SQLite.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { StoreLedger } from "../src/server/store.js";
import { writeCorpus } from "./helpers.js";
import { PG_URL, newDatabase } from "./backends.js";

test("a page of claims on PostgreSQL waits for at most six round trips", { skip: !PG_URL && "SITREP_TEST_PG not set", timeout: 300000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-trips-"));
  writeCorpus(dir, 16, "t");
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const ledgers = [await newDatabase(), join(mkdtempSync(join(tmpdir(), "sitrep-trips-")), "l.db")];
  for (const spec of ledgers) {
    const s = await openStore(spec);
    assert.equal((await ingestFiles(s, files, { progress: "none" })).failed.length, 0);
    await s.close();
  }
  const pages: unknown[] = [];
  for (const spec of ledgers) {
    const l = await StoreLedger.open(spec, { workers: false });
    try {
      await l.searchClaims({ limit: 10, status: ["claimed", "established"] });
      // (what goes to the server from here on: every query, batch, BEGIN and COMMIT a client sends)
      let sent = 0, commits = 0;
      const query = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, c: unknown, ...rest: unknown[]) {
        sent++;
        if ((typeof c === "string" ? c : (c as { text?: string } | undefined)?.text) === "COMMIT") commits++;
        return (query as (...a: unknown[]) => unknown).call(this, c, ...rest);
      } as typeof query;
      let page;
      try {
        page = await l.searchClaims({ limit: 10, status: ["claimed", "established"], sort: "-published" });
      } finally {
        pg.Client.prototype.query = query;
      }
      assert.equal(page.items.length, 10);
      pages.push(page);
      if (spec.startsWith("postgres")) assert.ok(sent - commits <= 6, `round trips waited for: ${sent - commits} (${commits} commits not waited for)`);
    } finally {
      await l.close();
    }
  }
  assert.deepEqual(pages[0], pages[1], "the same page on both backends");
});
