// SQLite (schema 20): a claim row keeps its key (cid) as its 5 bytes and the entities it names as bytes, and
// reads back the same stable ids and entity lists as rows kept as text by an earlier schema; fusion reads
// and a report's parts agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore, type Store } from "../src/store/index.js";
import { claimKey } from "../src/store/ids.js";
import { storedForm } from "../src/store/sql-store.js";
import { storeReports } from "../src/ledger/ingest.js";
import { withTextClaims, reportMaker } from "./old-ledger.js";

// Reports written for this test: a bridge closed after a collision, told by the province, a skipper and the police.
const NL = [
  "De provincie Gelderland meldt dat de brug bij Zaltbommel sinds woensdag dicht is nadat een vrachtschip de pijler raakte.",
  "\"We zagen de brug niet op tijd door de mist\", zei schipper Joost Verhoef tegen de politie.",
  "Volgens Rijkswaterstaat duurt het herstel zeker drie weken.",
  "De politie ontkent dat de schipper te hard voer.",
].join(" ");
const EN = [
  "Gelderland province said the bridge at Zaltbommel has been closed since Wednesday after a cargo ship struck a pier.",
  "\"We did not see the bridge in time because of the fog,\" skipper Joost Verhoef told police.",
  "According to the roads agency, repairs will take at least three weeks.",
  "Police denied that the skipper had been sailing too fast.",
].join(" ");

const report = reportMaker({ prefix: "z", published: (i) => `2025-02-1${i % 8}T08:00:00+01:00`, source: { nl: "Betuwse Courant", en: "Rivers Gazette" }, slug: "bridge" });

const claimsOf = (s: Store) =>
  s.snapshot(async (r) => {
    const reports = (await r.reportsPage(null, 100)).filter((x) => x.current);
    const parts = await r.reportParts(reports);
    const ids = parts.flatMap((p) => p.claims.map((c) => c.id));
    const fusion = await r.fusionClaimsByIds(ids);
    return {
      parts: parts.map((p) => p.claims.map((c) => ({ ...c }))),
      byIds: (await r.claimsByIds(ids)).map((c) => ({ ...c })),
      fusion: fusion.map((c) => ({ uid: c.uid, entityKeys: c.entityKeys })),
    };
  });

test("SQLite: a claim's key and entities are kept as bytes, and read back as the same stable ids and entities as text rows of an earlier schema", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-claimbytes-"));
  const file = join(dir, "new.db"), old = join(dir, "old.db");
  const docs = [report(NL, "nl", 1), report(EN, "en", 2), report(NL.replace("drie", "vier"), "nl", 3)];
  const s = await openStore(file);
  assert.ok((await storeReports(s, docs)).every((r) => r.ok));
  await s.close();
  copyFileSync(file, old);
  const db = new Database(old);
  withTextClaims(db);
  db.close();

  // (the entities among the claim's packed columns: schema 27)
  const rows = (new Database(file, { readonly: true }).prepare("SELECT cid, packed FROM claims ORDER BY id").all() as Record<string, unknown>[]).map(storedForm.unpackedClaim);
  assert.ok(rows.length >= 12);
  for (const r of rows) {
    assert.ok(r.cid instanceof Uint8Array && r.cid.length === 5, "the key's 5 bytes");
    assert.ok(r.entities === null || (r.entities instanceof Uint8Array && r.entities.length < 4));
  }
  assert.ok(rows.some((r) => r.entities !== null));
  const text = new Database(old, { readonly: true }).prepare("SELECT cid FROM claims ORDER BY id").all() as { cid: unknown }[];
  assert.ok(text.every((r) => typeof r.cid === "string" && r.cid.length === 8));

  const a = await openStore(file, { readonly: true }), b = await openStore(old, { readonly: true });
  const [ca, cb] = [await claimsOf(a), await claimsOf(b)];
  assert.deepEqual(ca, cb);
  // the stable ids are the claims' own (ids.ts): the report's id and the key of the claim's words
  const first = ca.parts[0]!;
  assert.ok(first.length >= 4 && first.every((c) => c.uid.endsWith(`-${claimKey(c.text, 0)}`)));
  assert.ok(ca.parts.flat().some((c) => c.entities.length > 0) && ca.fusion.some((c) => c.entityKeys.length > 0));
  assert.ok(ca.parts.flat().some((c) => /Joost Verhoef/.test(c.text)));
  await a.close();
  await b.close();
});
