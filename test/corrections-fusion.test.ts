// An editor's corrections reach the ledger's fusion, so the briefing's propositions, "who claims what" and
// the export's propositions show them (the fusion keeps one record per report, stored at ingest; the
// corrections are applied to it as it is read), and an undo takes them back. On both backends.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { StoreLedger } from "../src/server/store.js";
import type { Briefing } from "../src/server/port.js";
import { eachBackend } from "./backends.js";
// A harbour storm told twice: a union's claim in English, the port authority under its Dutch name in Dutch.
import { HARBOUR_EN as EN, HARBOUR_NL as NL, exportText } from "./harbour.js";

const section = (b: Briefing, key: string) => b.sections.find((s) => s.key === key);
/** "Who claims what": speaker → the claims quoted under it. */
const whoClaims = (b: Briefing) => new Map((section(b, "claims")?.groups ?? []).map((g) => [g.heading, g.lines.map((l) => l.quote ?? l.text)]));
const deniedLines = (b: Briefing) => (section(b, "denied")?.lines ?? []).map((l) => `${l.text}${l.quote ?? ""}`);

async function exported(l: StoreLedger): Promise<{ propositions: { status: string; claims: string[]; sources: { name: string }[] }[] }> {
  return JSON.parse(await exportText(l, "json"));
}

describe("corrections reach the fusion: the briefing's propositions and the export's", () => {
  eachBackend("a status correction moves a claim from who claims what to the denials, and back on undo", async (b) => {
    const l = await StoreLedger.open(await b.ledger(), { workers: false });
    try {
      await l.addReport({ body: EN, format: "text" });
      await l.addReport({ body: NL, format: "text" });
      const claim = (await l.searchClaims({ q: "inspected", limit: 10 })).items[0]!;
      assert.equal(claim.status, "claimed");
      const inspected = (xs: string[] | undefined) => !!xs?.some((x) => x.includes("not been inspected"));
      const before = await l.briefing("en");
      assert.ok(inspected(whoClaims(before).get("FNV Havens")), JSON.stringify([...whoClaims(before)]));
      assert.ok(!deniedLines(before).some((x) => x.includes("not been inspected")));
      const propOf = async () => (await exported(l)).propositions.find((p) => p.claims.includes(claim.id));
      assert.equal((await propOf())?.status, "claimed");

      const c = await l.correct({ who: "Editor A", why: "the union withdrew it and now denies it", target: claim.id, action: "status", data: { status: "denied" } });
      const after = await l.briefing("en");
      assert.ok(!inspected(whoClaims(after).get("FNV Havens")), "no longer claimed");
      const denial = deniedLines(after).find((x) => x.includes("not been inspected"));
      assert.match(denial ?? "", /^FNV Havens\b/, deniedLines(after).join("\n"));
      assert.equal((await propOf())?.status, "denied");
      // the extraction is kept
      assert.equal((await l.store.reads.searchClaims({ words: ["inspected"], limit: 10, offset: 0 })).items[0]?.status, "claimed");

      await l.correct({ who: "Editor B", why: "checking with the union", target: claim.id, action: "undo", undoes: c.id });
      const undone = await l.briefing("en");
      assert.deepEqual([...whoClaims(undone)], [...whoClaims(before)]);
      assert.deepEqual(deniedLines(undone), deniedLines(before));
      assert.equal((await propOf())?.status, "claimed");
    } finally {
      await l.close();
    }
  });

  eachBackend("a source correction puts the claim under its corrected speaker, and back on undo", async (b) => {
    const l = await StoreLedger.open(await b.ledger(), { workers: false });
    try {
      await l.addReport({ body: EN, format: "text" });
      const claim = (await l.searchClaims({ q: "inspected", limit: 10 })).items[0]!;
      const before = await l.briefing("en");
      assert.ok(whoClaims(before).has("FNV Havens"));
      const c = await l.correct({ who: "Editor A", why: "the statement came from the harbour master", target: claim.id, action: "source", data: { source: "Harbour master Rene de Vries" } });
      const after = whoClaims(await l.briefing("en"));
      assert.ok(!after.has("FNV Havens"), [...after.keys()].join(", "));
      assert.ok(after.get("Harbour master Rene de Vries")?.some((x) => x.includes("not been inspected")), [...after.keys()].join(", "));
      const prop = (await exported(l)).propositions.find((p) => p.claims.includes(claim.id));
      assert.deepEqual(prop?.sources.map((s) => s.name), ["Harbour master Rene de Vries"]);
      await l.correct({ who: "Editor A", why: "wrong claim", target: claim.id, action: "undo", undoes: c.id });
      assert.deepEqual([...whoClaims(await l.briefing("en"))], [...whoClaims(before)]);
    } finally {
      await l.close();
    }
  });

  eachBackend("the source filter, its counts and the sort see a claim's corrected source", async (b) => {
    const l = await StoreLedger.open(await b.ledger(), { workers: false });
    try {
      await l.addReport({ body: EN, format: "text" });
      await l.addReport({ body: NL, format: "text" });
      const claim = (await l.searchClaims({ q: "inspected", limit: 10 })).items[0]!;
      const ids = async (q: Parameters<StoreLedger["searchClaims"]>[0]) => (await l.searchClaims({ limit: 100, ...q })).items.map((c) => c.id);
      const facet = async (name: string | null) => (await l.claimFacets({})).source.find((x) => x.value === name)?.n ?? 0;
      assert.deepEqual(await ids({ source: "FNV Havens" }), [claim.id]);
      const own0 = await ids({ source: "report" });
      const c = await l.correct({ who: "Editor A", why: "the statement came from the FNV's national office", target: claim.id, action: "source", data: { source: "FNV" } });
      assert.deepEqual(await ids({ source: "FNV Havens" }), []);
      assert.deepEqual(await ids({ source: "fnv" }), [claim.id]);
      // on the path filtered outside SQL (a text search) as well
      assert.deepEqual(await ids({ source: "FNV", q: "cranes" }), [claim.id]);
      assert.deepEqual([await facet("FNV"), await facet("FNV Havens")], [1, 0]);
      const bySource = (await l.searchClaims({ sort: "source", limit: 100 })).items.filter((x) => x.source).map((x) => x.source!.name);
      assert.deepEqual(bySource, [...bySource].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
      assert.ok(bySource.includes("FNV") && !bySource.includes("FNV Havens"));
      // the report's own voice
      const c2 = await l.correct({ who: "Editor A", why: "the paper's own finding", target: claim.id, action: "source", data: { source: "report" } });
      assert.deepEqual((await ids({ source: "report" })).sort(), [...own0, claim.id].sort());
      assert.equal(await facet(null), own0.length + 1);
      assert.deepEqual(await ids({ source: "fnv" }), []);
      await l.correct({ who: "Editor B", why: "back to the extraction", target: claim.id, action: "undo", undoes: c2.id });
      await l.correct({ who: "Editor B", why: "back to the extraction", target: claim.id, action: "undo", undoes: c.id });
      assert.deepEqual(await ids({ source: "FNV Havens" }), [claim.id]);
      assert.deepEqual([await facet("FNV"), await facet("FNV Havens")], [0, 1]);
    } finally {
      await l.close();
    }
  });

  eachBackend("merged entities speak as one in who claims what; a split parts them again", async (b) => {
    const l = await StoreLedger.open(await b.ledger(), { workers: false });
    try {
      await l.addReport({ body: EN, format: "text" });
      await l.addReport({ body: NL, format: "text" });
      const claims = (await l.searchClaims({ limit: 100 })).items;
      const en = claims.find((c) => c.source?.name === "Rotterdam Port Authority")!;
      const nl = claims.find((c) => c.source?.name === "Havenbedrijf Rotterdam" && c.status === "claimed")!;
      /** The speakers under whom the two statements about the diverted ships stand. */
      const speakers = (b: Briefing) =>
        [...whoClaims(b)].filter(([, xs]) => xs.some((x) => x === en.text || x === nl.text)).map(([h, xs]) => `${h}: ${xs.filter((x) => x === en.text || x === nl.text).length}`);
      const before = speakers(await l.briefing("en"));
      assert.equal(before.length, 2, before.join("; "));
      await l.correct({ who: "Editor A", why: "Havenbedrijf Rotterdam is the port authority's Dutch name", target: nl.source!.entity!, action: "merge", data: { into: en.source!.entity! } });
      const merged = speakers(await l.briefing("en"));
      assert.equal(merged.length, 1, merged.join("; "));
      assert.match(merged[0]!, /: 2$/);
      await l.correct({ who: "Editor C", why: "the Dutch report means another office", target: nl.source!.entity!, action: "split", data: { from: en.source!.entity! } });
      assert.deepEqual(speakers(await l.briefing("en")), before);
    } finally {
      await l.close();
    }
  });
});
