// The refresh keeps what it makes as it goes (src/ledger/snapshot.ts, exportparts.ts): each part (a
// language's pictures, the entity parts, a language's lists) in a transaction of its own, and the lists and
// entities made a slice at a time as they are written, so that the refresh does not hold every part of
// every language of a large ledger at once. What is kept reads back as what was made whole.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { corrected, openStore, type Store, type WriteTx } from "../src/store/index.js";
import { refreshPictures, SNAPSHOT_LANGS } from "../src/ledger/snapshot.js";
import { keepEntityParts, keepLists, keptParts, type KeptEntity, type Slices } from "../src/ledger/exportparts.js";
import type { ExportedProposition } from "../src/ledger/fusionexport.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import { runIngest } from "../src/cli/ingest.js";
import { eachBackend } from "./backends.js";

const samples = join(fileURLToPath(new URL("../..", import.meta.url)), "samples");

/** Each write transaction of `s` from now on: the fusion states it set and how many items each put wrote. */
function watchWrites(s: Store): { states: string[]; puts: number[] }[] {
  const log: { states: string[]; puts: number[] }[] = [];
  const write = s.write.bind(s);
  s.write = <T>(fn: (tx: WriteTx) => Promise<T>) =>
    write((tx) => {
      const t = { states: [] as string[], puts: [] as number[] };
      log.push(t);
      const seen = Object.create(tx) as WriteTx;
      seen.setFusionState = (kind, w, data) => (t.states.push(kind), tx.setFusionState(kind, w, data));
      seen.putFusionItems = (kind, items) => (t.puts.push(items.length), tx.putFusionItems(kind, items));
      return fn(seen);
    });
  return log;
}

/** A list made one item at a time when sliced, counting how many were made. */
function counted<T>(n: number, make: (i: number) => T): Slices<T> & { made: number } {
  const out = {
    length: n,
    made: 0,
    slice(i: number, j: number) {
      const xs: T[] = [];
      for (let k = i; k < Math.min(j, n); k++) xs.push(make(k));
      out.made += xs.length;
      return xs;
    },
  };
  return out;
}

// Propositions about one flood, as many as a large ledger's, and the reports they are in.
const REPORTS = Array.from({ length: 3000 }, (_, i) => `dflood${i}`);
const proposition = (i: number): ExportedProposition => ({
  id: `p${i + 1}`,
  text: `The water board said ${i + 3} houses near the dyke at Zaltbommel were flooded`,
  claims: [`dflood${i % 3000}-c1`, `dflood${(i * 7) % 3000}-c4`],
  status: i % 5 === 0 ? "denied" : "claimed",
  sources: [{ name: "the water board", kind: "organization" }],
  reports: 2,
  independent_sources: 1,
  first_seen: "2024-11-02T08:00:00+00:00",
  last_seen: "2024-11-02T13:00:00+00:00",
  history: [{ at: "2024-11-02T08:00:00+00:00", status: "claimed", claim: `dflood${i % 3000}-c1` }],
  incident: "i:2024-11-02|waal",
});
const entity = (i: number): { id: string; data: KeptEntity } => ({
  id: `e${String(i).padStart(6, "0")}`,
  data: {
    type: "location",
    key: `G:${2743913 + i}`,
    name: `Polder ${i}`,
    names: [`Polder ${i}`],
    mentions: [{ doc: `dflood${i % 3000}`, start: 10, end: 10 + `Polder ${i}`.length, text: `Polder ${i}` }],
  },
});

describe("the refresh keeps what it makes as it goes", () => {
  eachBackend("each part in a transaction of its own; read back, the export is the one worked out in memory", async (b) => {
    const db = await b.ledger();
    await runIngest([samples], db, { progress: "none", jobs: 0 });
    const s = await openStore(db);
    try {
      const log = watchWrites(s);
      await refreshPictures(s, SNAPSHOT_LANGS, { force: true });
      // (every language's pictures of a number of lines are kept in one state, written again with each language's)
      const part = (kind: string) => kind.replace(/^briefing-pictures:\d+$/, "pictures");
      // the pictures of a language, the entity parts and each language's lists: each kept alone
      assert.deepEqual(
        log.map((t) => [...new Set(t.states.map(part))]),
        [["pictures"], ["export-parts"], ["export-parts:en"], ["pictures"], ["export-parts:nl"]],
      );
      assert.ok(log.every((t) => t.puts.every((n) => n <= 20)), "twenty runs at most a write");
      // the Dutch lists kept as what differs from the English ones of the same refresh
      const nl = await s.snapshot((r) => r.fusionState("export-parts:nl"));
      assert.equal((nl?.data as { base?: string }).base, "en");
      for (const lang of SNAPSHOT_LANGS) {
        const json = (kept: boolean) =>
          s.snapshot(async (r) => {
            let out = "";
            for await (const chunk of exportJson(ledgerExport(await corrected(r), lang, { kept }))) out += chunk;
            return out;
          });
        assert.ok(await s.snapshot(async (r) => !!(await keptParts(await corrected(r), lang))), `kept (${lang})`);
        const kept = await json(true);
        assert.equal(kept, await json(false), `the export from the kept parts is the one worked out in memory (${lang})`);
        const x = JSON.parse(kept) as { entities: unknown[]; propositions: unknown[] };
        assert.ok(x.entities.length > 10 && x.propositions.length > 10, `entities and propositions (${lang})`);
      }
    } finally {
      await s.close();
    }
  });

  eachBackend("lists and entities given a slice at a time are made as they are written, and read back whole", async (b) => {
    const s = await openStore(await b.ledger());
    try {
      const version = await s.snapshot((r) => r.ledgerVersion());
      const props = counted(7000, proposition);
      const contras = counted(0, () => ({ claims: ["", ""] as [string, string], reason: "" }));
      const ents = counted(2500, entity);
      // how many were made, and not yet written, at each write
      const ahead: number[] = [];
      await s.write(async (tx) => {
        const seen = Object.create(tx) as WriteTx;
        let written = 0;
        seen.putFusionItems = (kind, items) => {
          const n = items.reduce((k, it) => k + (Array.isArray(it.data) ? it.data.length : 0), 0);
          if (kind.startsWith("export-propositions")) ahead.push(props.made - (written += n));
          if (kind === "export-entities") ahead.push(ents.made - (written += n));
          return tx.putFusionItems(kind, items);
        };
        await keepEntityParts(seen, version, { ids: new Map(REPORTS.map((u) => [u, []])), entities: ents, entityIds: Array.from({ length: ents.length }, (_, i) => entity(i).id) });
        written = 0;
        await keepLists(seen, version, "en", { propositions: props, contradictions: contras }, REPORTS);
      });
      assert.equal(props.made, 7000);
      assert.equal(ents.made, 2500);
      // never more than the twenty runs of a write made ahead of what is written
      assert.ok(ahead.length > 3 && ahead.every((n) => n === 0), `made ahead of the writes: ${ahead.join(" ")}`);
      const back = await s.snapshot(async (r) => {
        const p = (await keptParts(r, "en"))!;
        const xs: unknown[] = [];
        for await (const page of p.propositions()) xs.push(...page);
        let es = 0;
        for await (const page of p.entities()) es += page.length;
        return { xs, es };
      });
      assert.deepEqual(back.xs, Array.from({ length: 7000 }, (_, i) => proposition(i)));
      assert.equal(back.es, 2500);
    } finally {
      await s.close();
    }
  });
});
