// A briefing whose picture cannot be kept in the ledger says why on stderr, unless the ledger is only
// read-only or busy, and the briefing is made all the same: a failure to keep it was swallowed, and on a
// 100,000-report ledger each brief then spent minutes working out the same picture again, silently.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Lang } from "../src/model/doc.js";
import { openStore, StoreBusy } from "../src/store/index.js";
import { storeReports } from "../src/ledger/ingest.js";
import { currentPicture } from "../src/ledger/snapshot.js";
import { pipelineDocs, type TestReport } from "./helpers.js";
import { BACKENDS } from "./backends.js";

const REPORTS: TestReport[] = [
  { source: "Harbour Post", published: "2024-03-09T08:00:00+01:00", lang: "en" as Lang, text: "A ferry ran aground off Terschelling on Saturday morning, the coast guard said. All 212 passengers were taken off the ship, according to the operator.\n" },
  { source: "Waddenkrant", published: "2024-03-09T11:00:00+01:00", lang: "nl" as Lang, text: "Bij Terschelling is zaterdagochtend een veerboot vastgelopen. Volgens de kustwacht zijn alle 212 passagiers van boord gehaald. De rederij ontkent dat de kapitein te snel voer.\n" },
];

test("a picture that could not be kept is told with its cause; a busy ledger is not", async () => {
  const db = await BACKENDS[0]!.ledger();
  const w = await openStore(db);
  try {
    for (const r of await storeReports(w, pipelineDocs(REPORTS))) assert.ok(r.ok, JSON.stringify(r));
  } finally {
    await w.close();
  }
  const store = await openStore(db, { readonly: true });
  try {
    const warned: string[] = [];
    const failing = async () => {
      throw Object.assign(new Error("could not extend file: No space left on device"), { code: "53100" });
    };
    const p = await currentPicture(store, { lang: "en", limit: 4 }, failing, (m) => warned.push(m));
    assert.ok(p.picture && !p.stale, "the briefing's picture is worked out all the same");
    assert.equal(warned.length, 1);
    assert.match(warned[0]!, /could not be kept.*No space left on device/);
    const quiet: string[] = [];
    const busy = async () => {
      throw new StoreBusy("other writers held the ledger for over 5 s");
    };
    await currentPicture(store, { lang: "en", limit: 4 }, busy, (m) => quiet.push(m));
    const readOnly = async () => {
      throw Object.assign(new Error("attempt to write a readonly database"), { code: "SQLITE_READONLY" });
    };
    await currentPicture(store, { lang: "en", limit: 4 }, readOnly, (m) => quiet.push(m));
    assert.deepEqual(quiet, [], "a busy or read-only ledger is only read, as before");
  } finally {
    await store.close();
  }
});
