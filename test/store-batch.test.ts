// A batch of reports is written in one transaction without a savepoint per report (each cost a copy of the
// pages the report touched first), and one report that cannot be stored still leaves the others stored,
// with the rows they would have had in a batch of their own.
import assert from "node:assert/strict";
import type { Lang } from "../src/model/doc.js";
import { openStore, type Store, type WriteTx } from "../src/store/index.js";
import { prepare, storeReports } from "../src/ledger/ingest.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import { pipelineDocs, type TestReport } from "./helpers.js";
import { eachBackend } from "./backends.js";

const REPORTS: TestReport[] = [
  { source: "Harbour Post", published: "2024-03-09T08:00:00+01:00", lang: "en" as Lang, text: "A ferry ran aground off Terschelling on Saturday morning, the coast guard said. All 212 passengers were taken off the ship, according to the operator.\n" },
  { source: "Waddenkrant", published: "2024-03-09T11:00:00+01:00", lang: "nl" as Lang, text: "Bij Terschelling is zaterdagochtend een veerboot vastgelopen. Volgens de kustwacht zijn alle 212 passagiers van boord gehaald. De rederij ontkent dat de kapitein te snel voer.\n" },
  { source: "Island Courier", published: "2024-03-09T13:00:00+01:00", lang: "en" as Lang, text: "The operator said the ferry would be towed to Harlingen on Sunday. Police said the captain was questioned.\n" },
];

/** The store, counting the savepoints its write transactions set. */
function counting(s: Store): { store: Store; savepoints: () => number } {
  let n = 0;
  const store = Object.assign(Object.create(s) as Store, {
    write: <T>(fn: (tx: WriteTx) => Promise<T>) =>
      s.write((tx) =>
        fn(
          Object.assign(Object.create(tx) as WriteTx, {
            savepoint: <U>(f: () => Promise<U>) => (n++, tx.savepoint(f)),
          }),
        ),
      ),
  });
  return { store, savepoints: () => n };
}

async function exported(db: string): Promise<string> {
  const s = await openStore(db, { readonly: true });
  try {
    let json = "";
    await s.snapshot(async (r) => {
      for await (const chunk of exportJson(ledgerExport(r))) json += chunk;
    });
    return json;
  } finally {
    await s.close();
  }
}

eachBackend("a batch of reports sets no savepoint; one that fails is left out and the others are stored as on their own", async (be) => {
  const now = new Date("2024-03-10T09:00:00Z");
  const [a, b, c] = pipelineDocs(REPORTS).map(prepare) as [ReturnType<typeof prepare>, ReturnType<typeof prepare>, ReturnType<typeof prepare>];

  // the three in one batch
  const whole = await be.ledger();
  const w = await openStore(whole);
  try {
    const { store, savepoints } = counting(w);
    const res = await storeReports(store, [a, b, c], now);
    assert.deepEqual(res.map((r) => r.ok), [true, true, true]);
    assert.equal(savepoints(), 0, "a batch that stores whole sets no savepoint");
  } finally {
    await w.close();
  }

  // the middle one cannot be stored (a claim without its words): the batch is written again, each in a savepoint
  const broken = { ...b, record: { ...b.record, claims: b.record.claims.map((k, i) => (i === 0 ? { ...k, text: undefined as unknown as string } : k)) } };
  const partial = await be.ledger();
  const p = await openStore(partial);
  try {
    const { store, savepoints } = counting(p);
    const res = await storeReports(store, [a, broken, c], now);
    assert.deepEqual(res.map((r) => r.ok), [true, false, true]);
    assert.equal(savepoints(), 3);
  } finally {
    await p.close();
  }
  // what was stored is what a, then c, on their own make
  const apart = await be.ledger();
  const q = await openStore(apart);
  try {
    for (const x of [a, c]) assert.ok((await storeReports(q, [x], now))[0]!.ok);
  } finally {
    await q.close();
  }
  const got = await exported(partial);
  assert.equal(got, await exported(apart));
  assert.match(got, /Island Courier/);
  assert.doesNotMatch(got, /Waddenkrant/);
});
