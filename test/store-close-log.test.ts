// A SQLite writer that closes while a reader of the same ledger is still open (as `brief` keeps its picture
// through a writer of its own while its read-only store reads) folds its write-ahead log into the file: a
// read-only connection, closing last, never does, and what the writer wrote stayed in the log beside the file.
import assert from "node:assert/strict";
import { test } from "node:test";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { writeCorpus } from "./helpers.js";

const logBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

test("SQLite: a writer closing before a reader folds its log into the file, and the reader reads what it wrote", { timeout: 120000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-close-log-"));
  writeCorpus(join(dir, "in"), 6, "cl");
  const files = readdirSync(join(dir, "in")).sort().map((f) => join(dir, "in", f));
  const file = join(dir, "ledger.db");
  const first = await openStore(file);
  assert.equal((await ingestFiles(first, files.slice(0, 3), { progress: "none" })).failed.length, 0);
  await first.close();

  const reader = await openStore(file, { readonly: true });
  const before = (await reader.reads.searchClaims({ limit: 1_000_000, offset: 0 })).total;
  const writer = await openStore(file);
  assert.equal((await ingestFiles(writer, files.slice(3), { progress: "none" })).failed.length, 0);
  const kept = { watermark: 7, data: { note: "kept by a writer that closes before its reader" } };
  await writer.write((tx) => tx.setFusionState("close-log-test", kept.watermark, kept.data));
  assert.ok(logBytes(file) > 0, "written through the log");
  await writer.close();
  assert.equal(logBytes(file), 0, "the log folded into the file at the writer's close");

  const after = (await reader.reads.searchClaims({ limit: 1_000_000, offset: 0 })).total;
  assert.ok(after > before, `${before} claims, then ${after}`);
  assert.deepEqual(await reader.reads.fusionState("close-log-test"), kept);
  await reader.close();
});
