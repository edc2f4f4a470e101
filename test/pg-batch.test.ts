// PostgreSQL: a write transaction's statements go to the server as batches of prepared statements with
// their values (src/store/postgres.ts). What they write and read must be what the same statements write
// and read one by one: many rows in parts of one statement, the same statement twice in one batch, values
// of every kind, the first failure reported (not the "transaction is aborted" of those after it), and a
// connection that stays usable after a failed batch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PostgresDriver } from "../src/store/postgres.js";
import { newDatabase, PG_URL } from "./backends.js";

const pgTest = PG_URL ? test : test.skip;

pgTest("PostgreSQL: batched prepared statements write and read what the statements say, and a failure is the first one", async () => {
  const url = await newDatabase();
  const d = new PostgresDriver(url, url);
  try {
    // (what every write transaction's commit touches, and a table of our own)
    await d.migrate(1, "CREATE SEQUENCE sitrep_commit_seq; CREATE TABLE reports (id BIGINT PRIMARY KEY, seq BIGINT)");
    await d.migrate(2, "CREATE TABLE notes (id BIGINT PRIMARY KEY, outlet TEXT, n BIGINT NOT NULL DEFAULT 0, score DOUBLE PRECISION, tags TEXT, raw BYTEA, ok BOOLEAN)");
    const rows = Array.from({ length: 13 }, (_, i) => [i + 1, i % 3 ? `Dagblad ${i}` : null, i * 1.5, i % 2 === 0]);
    await d.transaction(async (c) => {
      // 13 rows: parts of 8, 4 and 1; twice the same statement in one batch (a second many)
      await c.many("INSERT INTO notes (id, outlet, score, ok) VALUES (?, ?, ?, ?)", rows);
      await c.many("INSERT INTO notes (id, outlet, score, ok) VALUES (?, ?, ?, ?)", rows.map((r) => [Number(r[0]) + 100, ...r.slice(1)]));
      await c.run("UPDATE notes SET tags = ?, raw = ? WHERE id = ?", ['it said "no" \\ twice', Buffer.from([0, 1, 254, 255]), 1]);
      // a read with writes waiting: they go first, in the same round trip
      const got = await c.all<{ n: number }>("SELECT count(*) AS n FROM notes WHERE id = ANY(?)", [[1, 2, 101, 999]]);
      assert.equal(Number(got[0]!.n), 3);
      // the counter goes up once per row, in order, even when a key comes twice
      await c.many("INSERT INTO notes (id, n) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET n = notes.n + excluded.n", [[1, 5], [2, 1], [1, 2]]);
    });
    const all = await d.reader.all<{ id: number; outlet: string | null; n: number; score: number; tags: string | null; raw: Buffer | null; ok: boolean }>(
      "SELECT id, outlet, n, score, tags, raw, ok FROM notes ORDER BY id",
    );
    assert.equal(all.length, 26);
    assert.deepEqual(
      all.slice(0, 13).map((r) => [r.id, r.outlet, r.score, r.ok]),
      rows,
    );
    assert.equal(all[0]!.tags, 'it said "no" \\ twice');
    assert.deepEqual([...all[0]!.raw!], [0, 1, 254, 255]);
    assert.equal(all[0]!.n, 7);
    assert.equal(all[1]!.n, 1);

    // A key that exists: the unique violation is what fails the transaction, and nothing of it stays.
    await assert.rejects(
      d.transaction(async (c) => {
        await c.run("INSERT INTO notes (id, outlet) VALUES (?, ?)", [500, "Harbour Times"]);
        await c.run("INSERT INTO notes (id, outlet) VALUES (?, ?)", [3, "Harbour Times"]);
        await c.run("INSERT INTO notes (id, outlet) VALUES (?, ?)", [501, "Harbour Times"]);
        await c.all("SELECT 1 AS one");
      }),
      (e: { code?: string }) => e.code === "23505",
    );
    assert.equal(Number((await d.reader.get<{ n: number }>("SELECT count(*) AS n FROM notes WHERE id >= 500"))!.n), 0);
    // and the connections go on: the statements prepared before the failure are used again
    for (let k = 0; k < 8; k++)
      await d.transaction(async (c) => {
        await c.run("INSERT INTO notes (id, outlet) VALUES (?, ?)", [600 + k, "Coastal Courier"]);
        await c.many("INSERT INTO notes (id, outlet, score, ok) VALUES (?, ?, ?, ?)", [[700 + k, null, 1, true], [800 + k, null, 2, false]]);
      });
    assert.equal(Number((await d.reader.get<{ n: number }>("SELECT count(*) AS n FROM notes WHERE id >= 600"))!.n), 24);
  } finally {
    await d.close();
  }
});
