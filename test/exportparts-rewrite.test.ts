// The export parts kept again after a change (src/ledger/exportparts.ts): only the items whose content
// changed are written, those no longer made are deleted, and what reads back is what was kept. An ingest
// of one report into a large ledger ends with such a refresh, which wrote every item again. On both backends.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { openStore, type Reads, type Store, type WriteTx } from "../src/store/index.js";
import { exportEntity, keepEntityParts, keepLists, keptParts, type fusedLists, type KeptEntity } from "../src/ledger/exportparts.js";
import { eachBackend } from "./backends.js";

type Lists = ReturnType<typeof fusedLists>;

// Places and bodies named in reports of a storm along a coast, each entity in the report of its number
// (report i names entities i and i+1), with ids spread over the id space as the ledger's random ids are.
const PLACES = ["Den Helder", "Petten", "Callantsoog", "Egmond aan Zee", "Castricum", "Wijk aan Zee", "IJmuiden", "Zandvoort", "Noordwijk", "Katwijk", "Scheveningen", "Ter Heijde"];
const B32 = "0123456789abcdefghjkmnpqrstvwxyz";
const idOf = (i: number) => `e${B32[(i * 7) % 32]}storm${String(i).padStart(4, "0")}`;
const reportOf = (i: number) => `dstorm${String(i).padStart(7, "0")}`;

function entity(i: number, reports: number): { id: string; data: KeptEntity } {
  const name = PLACES[i % PLACES.length]! + (i >= PLACES.length ? ` ${Math.floor(i / PLACES.length)}` : "");
  const mentions = [i - 1, i].filter((r) => r >= 0 && r < reports).map((r) => ({ doc: reportOf(r), start: 20 + i, end: 20 + i + name.length, text: name }));
  return { id: idOf(i), data: { type: "location", key: `G:${1000 + i}`, name: { en: name, nl: name }, names: [name], mentions } };
}

/** The parts of a ledger of `n` reports about the storm: n + 1 entities. */
function parts(n: number) {
  const entities = Array.from({ length: n + 1 }, (_, i) => entity(i, n)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const ids = new Map(Array.from({ length: n }, (_, r) => [reportOf(r), [idOf(r), idOf(r + 1)]] as [string, (string | null)[]]));
  return { ids, entities };
}

// (three propositions a report: the lists are kept in runs of hundreds)
function lists(n: number): Lists {
  const propositions = Array.from({ length: 3 * n }, (_, i) => ({
    id: `p${i + 1}`,
    text: `The dunes at ${PLACES[i % PLACES.length]} were breached in ${i + 2} places`,
    claims: [`${reportOf(Math.floor(i / 3))}-k${i % 3}`],
    status: "claimed",
    sources: [{ name: "the coast guard", kind: "organization" }],
    reports: 1,
    independent_sources: 1,
    first_seen: "2025-01-14T06:00:00+00:00",
    last_seen: "2025-01-14T06:00:00+00:00",
    history: [{ at: "2025-01-14T06:00:00+00:00", status: "claimed", claim: `${reportOf(Math.floor(i / 3))}-k${i % 3}` }],
    incident: "i:2025-01-14|storm",
  }));
  return { propositions, contradictions: [] } as unknown as Lists;
}

/** Items written and deleted through a write transaction, by kind. */
function counting(tx: WriteTx, put: Map<string, number>, deleted: Map<string, number>): WriteTx {
  return new Proxy(tx, {
    get(t, k) {
      if (k === "putFusionItems")
        return (kind: string, items: readonly unknown[]) => (put.set(kind, (put.get(kind) ?? 0) + items.length), t.putFusionItems(kind, items as never));
      if (k === "clearFusionItems") return (kind: string) => (deleted.set(kind, Infinity), t.clearFusionItems(kind));
      if (k === "deleteFusionItems")
        return (kind: string, ids: readonly string[]) => (deleted.set(kind, (deleted.get(kind) ?? 0) + ids.length), t.deleteFusionItems(kind, ids));
      const v = Reflect.get(t, k, t) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

/** Keeps the parts of `n` reports (as current: the ledger itself holds no reports, its version never changes). */
async function keep(s: Store, n: number) {
  const version = await s.snapshot((r) => r.ledgerVersion());
  const put = new Map<string, number>();
  const deleted = new Map<string, number>();
  await s.write(async (raw) => {
    const tx = counting(raw, put, deleted);
    const p = parts(n);
    await keepEntityParts(tx, version, p);
    await keepLists(tx, version, "en", lists(n), [...p.ids.keys()]);
  });
  return { put, deleted };
}

async function readBack(r: Reads) {
  const p = (await keptParts(r, "en"))!;
  const entities: unknown[] = [];
  for await (const xs of p.entities()) entities.push(...xs);
  const propositions: unknown[] = [];
  for await (const xs of p.propositions()) propositions.push(...xs);
  const uids = Array.from({ length: 400 }, (_, r) => reportOf(r));
  return { entities, propositions, ids: await p.entityIds(uids) };
}

/** What keepEntityParts and keepLists were given, as the export reads it. */
function expected(n: number) {
  const p = parts(n);
  return {
    entities: p.entities.map((e) => exportEntity(e.id, e.data, "en")),
    propositions: lists(n).propositions,
    ids: new Map(Array.from({ length: 400 }, (_, r) => [reportOf(r), p.ids.get(reportOf(r)) ?? []])),
  };
}

describe("the export parts kept again", () => {
  eachBackend("only what changed is written again, and everything reads back", async (b) => {
    const s = await openStore(await b.ledger());
    try {
      const first = await keep(s, 300);
      assert.deepEqual(await s.snapshot(readBack), expected(300));
      const runs = first.put.get("export-entities")!;
      assert.ok(runs >= 4, `the entities are kept in several runs (${runs})`);

      // the same parts again: nothing is written but what says which version they are of
      const same = await keep(s, 300);
      assert.deepEqual([...same.put.values()].reduce((a, x) => a + x, 0), 0, `written again: ${JSON.stringify([...same.put])}`);
      assert.deepEqual([...same.deleted], []);
      assert.deepEqual(await s.snapshot(readBack), expected(300));

      // one report more, naming an entity of the last report and a new one: the runs that hold them, the
      // last run of each list and the run of reports it joins are written, not the others
      const one = await keep(s, 301);
      assert.deepEqual(await s.snapshot(readBack), expected(301));
      assert.ok(one.put.get("export-entities")! <= 2, `entity runs written: ${one.put.get("export-entities")} of ${runs}`);
      assert.equal(one.put.get("export-entity-ids"), 1);
      assert.equal(one.put.get("export-report-list"), 1);
      assert.equal(one.put.get("export-entity-list"), 1);
      assert.equal(one.put.get("export-propositions:en"), 1);
      assert.deepEqual([...one.deleted], []);

      // fewer reports (a retraction): what is no longer made is gone, and nothing is read twice
      const fewer = await keep(s, 150);
      assert.deepEqual(await s.snapshot(readBack), expected(150));
      assert.ok((fewer.deleted.get("export-propositions:en") ?? 0) >= 1);
    } finally {
      await s.close();
    }
  });
});
