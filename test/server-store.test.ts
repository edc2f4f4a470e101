// The API over the real ledger (the SQLite store with fusion and the briefing): reports in, claims and the
// briefing out, duplicates recognised, and reports written by another process announced live.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";
import { openStore } from "../src/store/index.js";
import { storeReports } from "../src/ledger/ingest.js";
import type { SqliteDriver } from "../src/store/sqlite.js";
import { toDoc } from "../src/ingest/index.js";
import { runPipeline } from "../src/pipeline/index.js";
import { ExportSchema } from "../src/export/schema.js";
import type { Briefing, ClaimRow, Page, ReportDetail } from "../src/server/port.js";
import { BACKENDS, PG_URL } from "./backends.js";

if (!PG_URL) test.skip("PostgreSQL: SITREP_TEST_PG not set (the API ran over SQLite only)");

const TOKEN = "store-test-token-0123456789";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

const EN = `---
title: Power cut hits Eindhoven
source: Southern Post
published: 2024-04-02T07:45:00+02:00
language: en
---
A power cut left twelve thousand homes in Eindhoven without electricity on Monday evening.
The grid operator said a damaged cable was to blame.
The city council denied that the emergency shelters had opened too late.
`;

const NL = `---
title: Stroomstoring in Eindhoven
source: Brabants Nieuws
published: 2024-04-02T09:10:00+02:00
language: nl
---
Twaalfduizend huishoudens in Eindhoven zaten maandagavond zonder stroom.
Volgens de netbeheerder was een beschadigde kabel de oorzaak.
Het is onduidelijk wanneer alle huizen weer stroom hebben.
`;

for (const be of BACKENDS) describe(`the API over the ${be.name} ledger`, () => {
  let app: FastifyInstance;
  let base: string;
  let ledger: StoreLedger;
  let db: string;

  before(async () => {
    db = await be.ledger();
    // On PostgreSQL the server hears of other processes' reports by NOTIFY: no polling to fall back on here.
    ledger = await StoreLedger.open(db, { pollMs: be.name === "PostgreSQL" ? 3_600_000 : 100 });
    app = await buildServer({ ledger, token: TOKEN, loopback: true, readNeedsToken: false, allowFetch: false, webDir: join(tmpdir(), "no-web-here") });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await app.close();
    await ledger.close();
  });

  const add = async (body: object) => {
    const r = await fetch(`${base}/api/reports`, { method: "POST", headers: auth, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as { status: string; report: string; claims: number } };
  };
  /** Reads settle once the snapshot holding the last write is built. */
  const settled = async <T>(path: string, ok: (x: T) => boolean): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const x = (await (await fetch(`${base}${path}`)).json()) as T;
      if (ok(x)) return x;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${path} did not settle`);
  };

  test("reports go in once; the same report again changes nothing, dated or not", async () => {
    const a = await add({ text: EN });
    assert.equal(a.status, 201);
    assert.equal(a.body.status, "added");
    assert.match(a.body.report, /^d[0-9a-z]{12}$/);
    assert.equal((await add({ text: EN })).body.status, "unchanged");
    assert.equal((await add({ text: NL })).status, 201);
    const undated = "De gemeente Tilburg sluit de ijsbaan vanwege de warmte, meldt een woordvoerder.\n";
    const u1 = await add({ text: undated });
    const u2 = await add({ text: undated });
    assert.equal(u1.body.status, "added");
    assert.deepEqual(u2.body, { ...u1.body, status: "unchanged" });
    const claims = await settled<Page<ClaimRow>>("/api/claims?limit=1000", (p) => p.total >= 5);
    for (const c of claims.items) {
      const rep = (await (await fetch(`${base}/api/reports/${c.report}`)).json()) as ReportDetail;
      assert.equal(rep.text.slice(c.start, c.end), c.text);
      if (c.source?.span) assert.ok(rep.text.slice(c.source.span.start, c.source.span.end).length > 0);
    }
    assert.ok(claims.items.some((c) => c.status === "denied" && /emergency shelters/.test(c.text)));
  });

  test("places are fused across languages and the briefing cites real spans", async () => {
    const places = await settled<{ features: { properties: { name: string; reports: number } }[] }>("/api/places", (p) => p.features.length > 0);
    const eindhoven = places.features.filter((f) => f.properties.name === "Eindhoven");
    assert.equal(eindhoven.length, 1, "one Eindhoven across the Dutch and the English report");
    assert.ok(eindhoven[0]!.properties.reports >= 2);
    for (const lang of ["nl", "en"] as const) {
      const b = (await (await fetch(`${base}/api/brief?lang=${lang}`)).json()) as Briefing;
      assert.equal(b.lang, lang);
      assert.ok(b.sections.length >= 3);
      const lines = b.sections.flatMap((s) => [...s.lines, ...(s.groups ?? []).flatMap((g) => g.lines)]);
      assert.ok(lines.length >= 3);
      for (const l of lines) {
        for (const c of l.cites) {
          const rep = (await (await fetch(`${base}/api/reports/${c.report}`)).json()) as ReportDetail;
          assert.ok(c.end <= rep.text.length && c.start < c.end, `${c.report}:${c.start}-${c.end}`);
        }
      }
    }
    const md = await (await fetch(`${base}/api/brief?lang=nl&format=md`)).text();
    assert.match(md, /^# /);
    ExportSchema.parse(await (await fetch(`${base}/api/export?format=json`)).json());
  });

  test("a report another process writes into the same ledger is announced live", async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/events`, { signal: ctrl.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    while (!/event: hello/.test(buf)) buf += (await reader.read()).value ?? "";
    const other = await openStore(db);
    try {
      const doc = toDoc(
        { text: "The A2 motorway near Weert reopened on Tuesday morning, the road authority said.\n", title: "A2 reopens near Weert", published: "2024-04-03T08:00:00+02:00", origin: "elsewhere.txt", format: "text", language: "en" },
        "d0",
      );
      await storeReports(other, [runPipeline(doc)]);
    } finally {
      await other.close();
    }
    while (!/event: ledger\ndata: .*A2 reopens near Weert.*\n\n/.test(buf)) {
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buf += value;
    }
    ctrl.abort();
    const reports = (await (await fetch(`${base}/api/reports`)).json()) as Page<{ title?: string }>;
    assert.equal(reports.items[0]!.title, "A2 reopens near Weert", "the announced report is readable at once");
  });
});

describe("a ledger that cannot take a report", () => {
  test("answers 503 with the reason and a retry-after; nothing half-stored, nothing announced", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "sitrep-store-")), "ledger.db");
    const ledger = await StoreLedger.open(db, { workers: false, pollMs: 100 });
    const app = await buildServer({ ledger, token: TOKEN, loopback: true, readNeedsToken: false, allowFetch: false, webDir: join(tmpdir(), "no-web-here") });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const w = ((ledger.store as unknown as { driver: SqliteDriver }).driver).database!;
      w.pragma(`max_page_count = ${(w.pragma("page_count", { simple: true }) as number) + 2}`);
      // Reports of our own until the ledger is full.
      const stored: string[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 200 && !refused; i++) {
        const text = `---\ntitle: Melding ${i}\nsource: Stadsradio\npublished: 2024-04-0${1 + (i % 9)}T10:00:00+02:00\nlanguage: nl\n---\nDe brandweer in Kampen meldt dat bij brand ${i} niemand gewond raakte. Onduidelijk is hoe het vuur ontstond.\n`;
        const r = await fetch(`${base}/api/reports`, { method: "POST", headers: auth, body: JSON.stringify({ text }) });
        if (r.status === 201) stored.push(((await r.json()) as { report: string }).report);
        else refused = r;
      }
      assert.ok(refused, "the ledger filled up");
      assert.ok(stored.length >= 1, "some reports went in first");
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get("retry-after"), "30");
      assert.match(refused.headers.get("content-security-policy")!, /default-src/);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "ledger_unavailable");
      assert.match(body.error.message, /not stored/);
      const listed = (await (await fetch(`${base}/api/reports?limit=1000`)).json()) as Page<{ id: string }>;
      assert.deepEqual(listed.items.map((r) => r.id).sort(), [...stored].sort(), "exactly the reports answered 201 are in the ledger");
    } finally {
      await app.close();
      await ledger.close();
    }
  });
});
