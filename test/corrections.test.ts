// An editor's corrections change what every output shows (the claims and their filters and counts, the
// entity pages, the exports, the briefing) and keep the extraction and the audit trail: a merge of two
// entities and its undo or split, a claim's status and source, a retracted report. On both backends.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";
import type { Briefing, ClaimRow, EntityRow } from "../src/server/port.js";
import { mergeGroups } from "../src/store/corrected.js";
import { eachBackend } from "./backends.js";
import { HARBOUR_EN as EN, HARBOUR_NL as NL, exportText } from "./harbour.js";
import { test } from "node:test";

const actorLine = (b: Briefing, name: string) => b.sections.find((s) => s.key === "actors")?.lines.find((l) => l.text.startsWith(name))?.text;

describe("corrections are applied everywhere the ledger is read", () => {
  eachBackend("a merge joins two entities on the page, the filters, the exports and the briefing; undo and split part them", async (b) => {
    const l = await StoreLedger.open(await b.ledger(), { workers: false });
    try {
      await l.addReport({ body: EN, format: "text" });
      await l.addReport({ body: NL, format: "text" });
      const claims = (await l.searchClaims({ limit: 100 })).items;
      const bySource = (name: string) => claims.filter((c) => c.source?.name === name);
      const A = bySource("Havenbedrijf Rotterdam")[0]!.source!.entity!;
      const B = bySource("Rotterdam Port Authority")[0]!.source!.entity!;
      assert.ok(A && B && A !== B, `two entities: ${A} ${B}`);
      const before = { a: (await l.entity(A))!, b: (await l.entity(B))! };
      assert.equal((await l.searchClaims({ source: B, limit: 100 })).total, 1);
      assert.match(actorLine(await l.briefing("en"), "Rotterdam Port Authority") ?? "", /1 report\b/);

      const m = await l.correct({ who: "Editor A", why: "Havenbedrijf Rotterdam is the port authority's Dutch name", target: A, action: "merge", data: { into: B } });
      // The entity page: A's id leads to B, which has both entities' mentions, reports and names.
      const merged = (await l.entity(A))!;
      assert.equal(merged.id, B);
      assert.deepEqual(merged.merged, [A]);
      assert.equal(merged.mentions, before.a.mentions + before.b.mentions);
      assert.equal(merged.reports, 2);
      assert.ok(!(await l.entities({})).some((e) => e.id === A), "A is no longer an entity of its own");
      // The filters: what B says now includes what the Dutch report has Havenbedrijf Rotterdam say.
      const says = (await l.searchClaims({ source: B, limit: 100 })).items;
      assert.deepEqual(says.map((c) => c.id).sort(), [...bySource("Havenbedrijf Rotterdam"), ...bySource("Rotterdam Port Authority")].map((c) => c.id).sort());
      assert.ok(says.every((c) => c.source?.entity === B));
      assert.equal((await l.searchClaims({ entity: A, limit: 100 })).total, (await l.searchClaims({ entity: B, limit: 100 })).total);
      // The whole export: one entity, the claims point at it, the trail is there.
      const js = JSON.parse(await exportText(l, "json")) as { entities: { id: string; mentions: unknown[] }[]; claims: { id: string; source: { entity?: string } | null }[]; corrections: { id: number; who: string; why: string; action: string }[] };
      assert.ok(!js.entities.some((e) => e.id === A));
      assert.equal(js.entities.find((e) => e.id === B)?.mentions.length, before.a.mentions + before.b.mentions);
      for (const c of bySource("Havenbedrijf Rotterdam")) assert.equal(js.claims.find((x) => x.id === c.id)?.source?.entity, B);
      assert.deepEqual(js.corrections.map((c) => [c.id, c.who, c.action]), [[m.id, "Editor A", "merge"]]);
      // The briefing: one actor, in both reports, with the claims of both names.
      const line = actorLine(await l.briefing("en"), "Rotterdam Port Authority") ?? "";
      assert.match(line, /2 reports/, line);
      assert.match(line, /3 claims/, line);
      // The extraction is untouched: the store's own rows still have two entities.
      assert.ok(await l.store.reads.fusedByUid(A));
      assert.equal((await l.store.reads.fusedByUid(B))!.mentions, before.b.mentions);

      // Undo: apart again, the trail keeps both.
      await l.correct({ who: "Editor B", why: "checking with the desk", action: "undo", target: A, undoes: m.id });
      assert.equal((await l.entity(A))!.id, A);
      assert.equal((await l.searchClaims({ source: B, limit: 100 })).total, 1);
      assert.deepEqual((await l.corrections()).map((c) => [c.action, !!c.undone]), [["merge", true], ["undo", false]]);

      // Merge again, then split: apart as well.
      await l.correct({ who: "Editor A", why: "confirmed", target: A, action: "merge", data: { into: B } });
      assert.equal((await l.entity(A))!.id, B);
      await l.correct({ who: "Editor C", why: "the Dutch report means the municipality's harbour office", target: A, action: "split", data: { from: B } });
      assert.equal((await l.entity(A))!.id, A);
      assert.match(actorLine(await l.briefing("en"), "Rotterdam Port Authority") ?? "", /1 report\b/);
    } finally {
      await l.close();
    }
  });

  eachBackend("a claim's corrected status is what the filters, the counts, the sorting and the exports see", async (b) => {
    const l = await StoreLedger.open(await b.ledger(), { workers: false });
    try {
      await l.addReport({ body: EN, format: "text" });
      await l.addReport({ body: NL, format: "text" });
      const claim = (await l.searchClaims({ status: ["claimed"], q: "inspected", limit: 10 })).items[0]!;
      assert.ok(claim, "the union's claim");
      const facets0 = await l.claimFacets({});
      const n = (st: string, f = facets0) => f.status.find((x) => x.value === st)?.n ?? 0;
      await l.correct({ who: "Editor A", why: "the union withdrew it; it now denies any inspection failure", target: claim.id, action: "status", data: { status: "denied" } });
      await l.correct({ who: "Editor A", why: "the statement came from the FNV's national office", target: claim.id, action: "source", data: { source: "FNV" } });
      const facets = await l.claimFacets({});
      assert.equal(n("denied", facets), n("denied") + 1);
      assert.equal(n("claimed", facets), n("claimed") - 1);
      const denied = (await l.searchClaims({ status: ["denied"], limit: 100 })).items;
      const row = denied.find((c) => c.id === claim.id);
      assert.ok(row, "the filter finds it under its corrected status");
      assert.equal(row.source?.name, "FNV");
      assert.deepEqual([row.extracted?.status, row.extracted?.source?.name], ["claimed", "FNV Havens"]);
      assert.ok(!(await l.searchClaims({ status: ["claimed"], limit: 100 })).items.some((c) => c.id === claim.id));
      // on the path filtered outside SQL (a text search) too
      assert.equal((await l.searchClaims({ status: ["denied"], q: "inspected", limit: 10 })).total, 1);
      const sorted = (await l.searchClaims({ sort: "status", limit: 100 })).items;
      const order = ["established", "confirmed", "claimed", "denied", "probable", "possible", "unknown"];
      for (let i = 1; i < sorted.length; i++) assert.ok(order.indexOf(sorted[i - 1]!.status) <= order.indexOf(sorted[i]!.status), "sorted by the corrected status");
      const js = JSON.parse(await exportText(l, "json")) as { claims: (ClaimRow & { extracted?: { status: string } })[] };
      const out = js.claims.find((c) => c.id === claim.id)!;
      assert.deepEqual([out.status, out.extracted?.status], ["denied", "claimed"]);
      const csv = (await exportText(l, "csv")).split("\r\n").find((x) => x.startsWith(claim.id))!;
      assert.match(csv, /,denied,FNV,/);
      assert.match(csv, /status was claimed; source was FNV Havens$/);
    } finally {
      await l.close();
    }
  });

  eachBackend("a retracted report stays readable, marked, and leaves the briefing", async (b) => {
    const l = await StoreLedger.open(await b.ledger(), { workers: false });
    try {
      await l.addReport({ body: EN, format: "text" });
      const nl = await l.addReport({ body: NL, format: "text" });
      const says = (x: Briefing) => JSON.stringify(x.sections).includes("Havenbedrijf");
      assert.ok(says(await l.briefing("en")));
      await l.correct({ who: "Editor A", why: "the paper withdrew the story", target: nl.report, action: "retract" });
      assert.ok(!says(await l.briefing("en")), "the briefing no longer stands on it");
      const report = (await l.getReport(nl.report))!;
      assert.equal(report.retracted, true);
      assert.ok(report.claims.length > 0 && report.claims.every((c) => c.retracted));
      const csv = (await exportText(l, "csv")).split("\r\n").filter((x) => x.startsWith(nl.report));
      assert.ok(csv.length > 0 && csv.every((x) => x.endsWith(",retracted")), csv.join("\n"));
    } finally {
      await l.close();
    }
  });

  eachBackend("over HTTP: a merged entity's old id opens the entity it was merged into", async (b) => {
    const l = await StoreLedger.open(await b.ledger(), { workers: false });
    const token = "corrections-token-0123456789ab";
    const app = await buildServer({ ledger: l, token, loopback: true, readNeedsToken: false, allowFetch: false, webDir: mkdtempSync(join(tmpdir(), "sitrep-web-")) });
    try {
      await l.addReport({ body: EN, format: "text" });
      await l.addReport({ body: NL, format: "text" });
      const claims = (await l.searchClaims({ limit: 100 })).items;
      const A = claims.find((c) => c.source?.name === "Havenbedrijf Rotterdam")!.source!.entity!;
      const B = claims.find((c) => c.source?.name === "Rotterdam Port Authority")!.source!.entity!;
      const post = await app.inject({ method: "POST", url: "/api/corrections", headers: { authorization: `Bearer ${token}` }, payload: { who: "Editor A", why: "same body", target: A, action: "merge", data: { into: B } } });
      assert.equal(post.statusCode, 201, post.body);
      const e = (await app.inject({ url: `/api/entities/${A}` })).json() as EntityRow;
      assert.equal(e.id, B);
      assert.deepEqual(e.merged, [A]);
    } finally {
      await app.close();
      await l.close();
    }
  });
});

test("merge groups: chains join, the entity merged into leads, a split parts only what it names", () => {
  const g = mergeGroups([
    { action: "merge", a: 1, b: 2 },
    { action: "merge", a: 3, b: 2 },
    { action: "merge", a: 5, b: 6 },
  ]);
  assert.deepEqual([g.get(1), g.get(2), g.get(3), g.get(5), g.get(6)], [2, 2, 2, 6, 6]);
  const s = mergeGroups([
    { action: "merge", a: 1, b: 2 },
    { action: "merge", a: 3, b: 2 },
    { action: "split", a: 3, b: 2 },
  ]);
  assert.deepEqual([s.get(1), s.get(2), s.get(3)], [2, 2, undefined]);
  assert.equal(mergeGroups([{ action: "merge", a: 4, b: 4 }]).size, 0);
});
