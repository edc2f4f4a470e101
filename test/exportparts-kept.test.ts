// The export's lists kept in the ledger (src/ledger/exportparts.ts): a second language kept in the same
// transaction is kept as the items that differ from the first's, reads back whole, and is current only
// while the first language's lists are. On both backends.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { openStore, type Reads } from "../src/store/index.js";
import { exportEntity, keepEntityParts, keepLists, keptParts, type fusedLists, type KeptEntity } from "../src/ledger/exportparts.js";
import type { Lang } from "../src/model/doc.js";
import { eachBackend } from "./backends.js";

type Lists = ReturnType<typeof fusedLists>;

// Propositions about one flood, the same in both languages but for a source's name now and then, and
// contradictions whose reason is written in the briefing's language.
function lists(lang: Lang): Lists {
  const propositions = Array.from({ length: 230 }, (_, i) => ({
    id: `p${i + 1}`,
    text: `The water board said ${i + 3} houses near the dyke at Zaltbommel were flooded`,
    claims: [`dabc${i}-x1`, `dxyz${i}-x2`],
    status: i % 7 === 0 ? "denied" : "claimed",
    sources: [{ name: i % 10 === 0 ? (lang === "nl" ? "het waterschap" : "the water board") : "Anna de Vries", kind: "person" }],
    reports: 2,
    independent_sources: 1,
    first_seen: "2024-11-02T08:00:00+00:00",
    last_seen: "2024-11-02T13:00:00+00:00",
    history: [{ at: "2024-11-02T08:00:00+00:00", status: "claimed", claim: `dabc${i}-x1` }],
    incident: "i:2024-11-02|waal",
  }));
  const contradictions = Array.from({ length: 120 }, (_, i) => ({
    claims: [`dabc${i}-x1`, `dxyz${i}-x2`] as [string, string],
    reason: i % 3 === 0 ? (lang === "nl" ? "andere aantallen" : "different figures") : "denial",
    type: "figures",
    // (an item with a field the other language's has not: kept whole)
    ...(lang === "nl" && i === 5 && { update: true }),
  }));
  return { propositions, contradictions } as Lists;
}

/** The reports the lists' claims are in, in the order the export reads them. */
const REPORTS = [...Array.from({ length: 230 }, (_, i) => `dabc${i}`), ...Array.from({ length: 230 }, (_, i) => `dxyz${i}`)];

async function read(r: Reads, lang: Lang): Promise<Lists | undefined> {
  const p = await keptParts(r, lang);
  if (!p) return undefined;
  const out = { propositions: [], contradictions: [] } as unknown as { propositions: unknown[]; contradictions: unknown[] };
  for await (const xs of p.propositions()) out.propositions.push(...xs);
  for await (const xs of p.contradictions()) out.contradictions.push(...xs);
  return out as Lists;
}

// Fused entities as the refresh keeps them: mentions in several reports, by a name, an alias, or other words.
const ENTITIES: { id: string; data: KeptEntity }[] = [
  {
    id: "e0waterboard",
    data: {
      type: "organization",
      key: "O:waterschap rivierenland",
      name: { en: "Rivierenland water board", nl: "Waterschap Rivierenland" },
      names: ["Rivierenland water board", "Waterschap Rivierenland", "water board"],
      mentions: [
        { doc: "d0report0001", start: 40, end: 64, text: "Rivierenland water board" },
        { doc: "d0report0001", start: 120, end: 131, text: "water board" },
        { doc: "d0report0001", start: 200, end: 202, text: "it" },
        { doc: "d0report0002", start: 10, end: 33, text: "Waterschap Rivierenland" },
      ],
    },
  },
  {
    id: "e1zaltbommel",
    data: {
      type: "location",
      key: "G:2743913",
      name: { en: "Zaltbommel", nl: "Zaltbommel" },
      names: ["Zaltbommel"],
      mentions: [{ doc: "d0report0002", start: 50, end: 60, text: "Zaltbommel" }],
      geo: { lat: 51.81, lon: 5.25, country: "NL", geonameId: 2743913 },
    },
  },
];

describe("the export's lists kept in the ledger", () => {
  eachBackend("fused entities read back as kept, in each language", async (b) => {
    const s = await openStore(await b.ledger());
    try {
      const version = await s.snapshot((r) => r.ledgerVersion());
      await s.write(async (tx) => {
        await keepEntityParts(tx, version, {
          ids: new Map([
            ["d0report0001", ["e0waterboard", null]],
            ["d0report0002", ["e1zaltbommel", "e0waterboard"]],
          ]),
          entities: ENTITIES,
        });
        await keepLists(tx, version, "en", lists("en"), ["d0report0001", "d0report0002"]);
        await keepLists(tx, version, "nl", lists("nl"), ["d0report0001", "d0report0002"]);
      });
      for (const lang of ["en", "nl"] as const) {
        const got: unknown[] = [];
        await s.snapshot(async (r) => {
          for await (const xs of (await keptParts(r, lang))!.entities()) got.push(...xs);
        });
        assert.deepEqual(got, ENTITIES.map((e) => exportEntity(e.id, e.data, lang)), lang);
      }
      // each report's entities by their export ids, kept as their places among the entities'
      const ids = await s.snapshot(async (r) => (await keptParts(r, "en"))!.entityIds(["d0report0002", "d0report0001", "d0unknown"]));
      assert.deepEqual(
        ids,
        new Map([
          ["d0report0002", ["e1zaltbommel", "e0waterboard"]],
          ["d0report0001", ["e0waterboard", null]],
          ["d0unknown", []],
        ]),
      );
      // a run of mentions names its report by the step from the run before's place among the reports (its
      // id is random: it does not compress), a mention by the step from the one before's end and its words
      const packed: { ms: unknown[][] }[] = [];
      await s.snapshot(async (r) => {
        for await (const items of r.fusionItems("export-entities")) for (const it of items) packed.push(...(it.data as { ms: unknown[][] }[]));
      });
      assert.deepEqual(packed.map((e) => e.ms.map((run) => run[0])), [[0, 1], [1]]);
      assert.deepEqual(packed[0]!.ms[0], [0, 40, 0, 56, 2, 69, "it"]);
      // in runs of reports in the order read, one item a run
      const stored = await s.snapshot((r) => r.fusionItemsByIds("export-entity-ids", ["000000000"]));
      assert.deepEqual(stored[0]?.data, [
        [0, null],
        [1, 0],
      ]);
    } finally {
      await s.close();
    }
  });

  eachBackend("a second language is kept as what differs from the first, and reads back whole", async (b) => {
    const db = await b.ledger();
    const s = await openStore(db);
    try {
      const version = await s.snapshot((r) => r.ledgerVersion());
      await s.write(async (tx) => {
        await keepEntityParts(tx, version, { ids: new Map(REPORTS.map((u) => [u, []])), entities: [] });
        await keepLists(tx, version, "en", lists("en"), REPORTS);
        await keepLists(tx, version, "nl", lists("nl"), REPORTS);
      });
      for (const lang of ["en", "nl"] as const) assert.deepEqual(await s.snapshot((r) => read(r, lang)), lists(lang), `read back (${lang})`);
      // a claim's report kept as its place among the reports (its id is random: it does not compress), when
      // the store's id of the claim is not given
      const first = await s.snapshot((r) => r.fusionItemsByIds("export-propositions:en", ["000000000"]));
      assert.deepEqual((first[0]?.data as { c: unknown[] }[])[3]!.c, [[3, "-x1"], [233, "-x2"]]);
      // and a claim of its history by its place among the proposition's claims (its time spelt out: the reports' times not given)
      assert.deepEqual((first[0]?.data as { h: unknown[] }[])[3]!.h, [{ at: "2024-11-02T08:00:00+00:00", status: "claimed", claim: 0 }]);
      // the Dutch runs hold only the items that differ: a source every tenth proposition, a reason every third
      // contradiction, and one contradiction more
      const changed = async (kind: string) => {
        let n = 0;
        await s.snapshot(async (r) => {
          for await (const items of r.fusionItems(kind)) for (const it of items) n += (it.data as { changed: unknown[] }).changed.length;
        });
        return n;
      };
      assert.equal(await changed("export-propositions:nl"), 23);
      assert.equal(await changed("export-contradictions:nl"), 41);
      // English lists kept again for another version: the Dutch ones, made from them, are no longer current
      await s.write((tx) => keepLists(tx, `${version}-other`, "en", lists("en"), REPORTS));
      assert.equal(await s.snapshot((r) => read(r, "nl")), undefined);
      // kept alone, a language is kept whole
      await s.write((tx) => keepLists(tx, version, "nl", lists("nl"), REPORTS));
      assert.deepEqual(await s.snapshot((r) => read(r, "nl")), lists("nl"));
      assert.equal(await s.snapshot((r) => read(r, "en")), undefined);
      // lists kept against another list of reports than the entity parts' are not current
      await s.write((tx) => keepLists(tx, version, "nl", lists("nl"), REPORTS.slice(1)));
      assert.equal(await s.snapshot((r) => read(r, "nl")), undefined);
      // parts kept by another sitrep (another form: a ledger kept by an earlier one) are not read: the export works them out
      await s.write(async (tx) => {
        await keepLists(tx, version, "nl", lists("nl"), REPORTS);
        for (const kind of ["export-parts", "export-parts:nl"]) await tx.setFusionState(kind, 1, { ...((await tx.fusionState(kind))!.data as object), code: "0123456789abcdef" });
      });
      assert.equal(await s.snapshot((r) => read(r, "nl")), undefined);
    } finally {
      await s.close();
    }
  });
});
