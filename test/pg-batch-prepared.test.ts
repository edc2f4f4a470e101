// A write transaction on PostgreSQL sends its statements as one batch: each prepared statement is parsed once
// per connection and only bound after that. The connection must count as prepared only what the server has
// parsed. When a statement of the batch fails (here a duplicate key; in a worker, a deadlock with another
// worker), the server skips the rest of the batch, the Parse of a new statement after it included: that
// statement must be parsed again the next time, not taken for prepared. (Two workers ingesting 100,000
// reports: after one deadlock a worker's connection failed every later report that used such a statement,
// "prepared statement does not exist", and kept them in the queue unstored.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { openStore } from "../src/store/index.js";
import { PostgresDriver } from "../src/store/postgres.js";
import { PG_URL, newDatabase } from "./backends.js";

test("a statement whose Parse the server skipped after an error in its batch is parsed again on that connection", { skip: !PG_URL && "SITREP_TEST_PG not set", timeout: 120000 }, async () => {
  // (one connection, so that every transaction runs on the one whose batch failed)
  // (a ledger's tables first: a transaction's commit gives its reports their place in commit order)
  const url = await newDatabase();
  await (await openStore(url)).close();
  const d = new PostgresDriver(url, "test", { poolSize: 1 });
  try {
    await d.transaction(async (c) => {
      await c.run("CREATE TABLE harbour_notes (id INTEGER PRIMARY KEY, note TEXT NOT NULL)");
      await c.run("INSERT INTO harbour_notes (id, note) VALUES (?, ?)", [1, "The quay was closed at dawn."]);
    });
    // BEGIN (a statement without values, parsed unnamed), a duplicate key, then a statement new to the
    // connection: its Parse comes after the failure and the server skips it
    await assert.rejects(
      d.transaction(async (c) => {
        await c.run("INSERT INTO harbour_notes (id, note) VALUES (?, ?)", [1, "The quay reopened at noon."]);
        await c.run("UPDATE harbour_notes SET note = ? WHERE id = ?", ["The harbour master said ships wait offshore.", 1]);
        return c.get("SELECT count(*) AS n FROM harbour_notes");
      }),
      /duplicate key/,
    );
    await d.transaction(async (c) => {
      await c.run("UPDATE harbour_notes SET note = ? WHERE id = ?", ["The harbour master said ships may enter.", 1]);
    });
    const row = await d.reader.get<{ note: string }>("SELECT note FROM harbour_notes WHERE id = ?", [1]);
    assert.equal(row?.note, "The harbour master said ships may enter.");
  } finally {
    await d.close();
  }
});
