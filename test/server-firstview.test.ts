// What makes the page's first view quick on a large ledger, checked for what it must not break: the page's
// files sent compressed only as the browser accepts them (and byte for byte what was built), and the claim
// counts and entities `serve` keeps in the ledger served after a restart only while the ledger is the one
// they were counted on.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../src/server/app.js";
import { acceptedEncodings } from "../src/server/static.js";
import { StoreLedger } from "../src/server/store.js";
import { openStore } from "../src/store/index.js";
import type { ClaimFacets } from "../src/server/port.js";

const report = (n: number, outlet: string) => `---
title: Storm closes the ferry, update ${n}
source: ${outlet}
published: 2024-03-0${n}T08:00:00Z
language: en
---
The harbour master said that the ferry to Texel would not sail before noon.
Police in Den Helder denied that ${n + 2} cars had been swept off the quay.
The coastguard confirmed that ${n + 4} fishermen were brought ashore near Den Helder.
It is unclear whether the dike near Petten was damaged overnight.
`;

describe("the page's files, compressed as the browser accepts", () => {
  let app: FastifyInstance;
  let ledger: StoreLedger;
  // a script long enough to be worth compressing, as the build leaves it: X, X.br and X.gz
  const script = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const line${i} = "the ledger of what we know, line ${i}";\n`).join(""));

  before(async () => {
    const web = mkdtempSync(join(tmpdir(), "sitrep-web-"));
    mkdirSync(join(web, "assets"));
    writeFileSync(join(web, "index.html"), "<!doctype html><title>sitrep</title>");
    writeFileSync(join(web, "assets", "index-abc123.js"), script);
    writeFileSync(join(web, "assets", "index-abc123.js.br"), brotliCompressSync(script));
    writeFileSync(join(web, "assets", "index-abc123.js.gz"), gzipSync(script));
    ledger = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-fv-")), "l.db"), { workers: false });
    app = await buildServer({ ledger, token: "firstview-token-0123456789", loopback: true, readNeedsToken: false, allowFetch: false, webDir: web });
  });
  after(async () => {
    await app.close();
    await ledger.close();
  });

  const get = (url: string, enc?: string) => app.inject({ method: "GET", url, headers: { host: "127.0.0.1", ...(enc !== undefined && { "accept-encoding": enc }) } });

  test("brotli when accepted, else gzip, else the file itself; every answer the same bytes once decoded", async () => {
    const br = await get("/assets/index-abc123.js", "gzip, deflate, br, zstd");
    assert.equal(br.headers["content-encoding"], "br");
    assert.deepEqual(brotliDecompressSync(br.rawPayload), script);
    const gz = await get("/assets/index-abc123.js", "br;q=0, gzip");
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.deepEqual(gunzipSync(gz.rawPayload), script);
    for (const enc of [undefined, "identity", "deflate", "br;q=0, gzip;q=0"]) {
      const plain = await get("/assets/index-abc123.js", enc);
      assert.equal(plain.headers["content-encoding"], undefined, String(enc));
      assert.deepEqual(plain.rawPayload, script);
      // a shared cache must not hand a compressed copy to a client that did not ask for one
      assert.match(String(plain.headers.vary), /accept-encoding/i);
    }
    assert.match(String(br.headers["content-type"]), /javascript/);
  });

  test("hashed assets are kept by the browser for good; the page itself is asked again each time", async () => {
    assert.match(String((await get("/assets/index-abc123.js", "br")).headers["cache-control"]), /max-age=31536000.*immutable/);
    const page = await get("/", "br");
    assert.equal(page.headers["cache-control"], "no-cache");
    // (no compressed copy of it was built: sent as it is)
    assert.equal(page.headers["content-encoding"], undefined);
  });

  test("Accept-Encoding read as the HTTP standard says", () => {
    assert.deepEqual(acceptedEncodings("gzip, deflate, br"), ["br", "gzip"]);
    assert.deepEqual(acceptedEncodings("GZIP;q=0.5, BR;q=1.0"), ["br", "gzip"]);
    assert.deepEqual(acceptedEncodings("*"), ["br", "gzip"]);
    assert.deepEqual(acceptedEncodings("*, br;q=0"), ["gzip"]);
    assert.deepEqual(acceptedEncodings("identity"), []);
    assert.deepEqual(acceptedEncodings(undefined), []);
    assert.deepEqual(acceptedEncodings("br;q=abc"), []);
  });
});

describe("the counts and entities `serve` keeps in the ledger", () => {
  let db: string;
  const open = () => StoreLedger.open(db, { warm: true, warmAfterListen: true });
  const kept = async (kind: string) => {
    const s = await openStore(db, { readonly: true });
    try {
      return await s.snapshot(async (r) => ({ state: (await r.fusionState(kind))?.data as { version: string; code: string; value: unknown } | undefined, version: await r.ledgerVersion() }));
    } finally {
      await s.close();
    }
  };
  const settle = async (kind: string) => {
    for (let i = 0; i < 200; i++) {
      const k = await kept(kind);
      if (k.state?.version === k.version) return k.state;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${kind} was not kept`);
  };
  const denied = (f: ClaimFacets) => f.status.find((x) => x.value === "denied")?.n ?? 0;

  before(async () => {
    db = join(mkdtempSync(join(tmpdir(), "sitrep-fv-")), "l.db");
  });

  test("worked out once, kept under the ledger's version, served after a restart, and not once the ledger changed", async () => {
    let l = await open();
    try {
      for (const [n, outlet] of [[1, "Noord Courant"], [2, "Kust FM"]] as const) await l.addReport({ body: report(n, outlet), format: "text", origin: `test-${n}` });
      const facets = await l.claimFacets({});
      assert.equal(denied(facets), 2);
      assert.deepEqual(facets.outlet.map((x) => x.value).sort(), ["Kust FM", "Noord Courant"]);
      const ents = await l.entities({});
      assert.ok(ents.some((e) => e.name === "Den Helder"), ents.map((e) => e.name).join(", "));
      assert.deepEqual((await settle("server-facets")).value, facets);
      assert.deepEqual((await settle("server-entities")).value, ents);
      // A filtered view is counted for the asking, never kept in place of the whole.
      const one = await l.claimFacets({ outlet: "Kust FM" });
      assert.equal(denied(one), 1);
      assert.deepEqual((await kept("server-facets")).state?.value, facets);
    } finally {
      await l.close();
    }

    // A restarted server reads them back rather than counting again: marked here, the mark is what it serves.
    const marked = { ...(await kept("server-facets")).state!, value: { status: [{ value: "denied", n: 99 }], source: [], outlet: [], language: [] } };
    const w = await openStore(db);
    await w.write((tx) => tx.setFusionState("server-facets", Date.now(), marked));
    await w.close();
    l = await open();
    try {
      assert.equal(denied(await l.claimFacets({})), 99);
      // With one filter, the facet of that filter counts every claim: summed from the facet counters (a
      // ledger without corrections), not the kept ones, whose version costs a count of the reports to
      // check (not the mark's empty outlets); the other facets are counted under the filter.
      const atKust = await l.claimFacets({ outlet: "Kust FM" });
      assert.deepEqual(atKust.outlet.map((x) => x.value).sort(), ["Kust FM", "Noord Courant"]);
      assert.equal(denied(atKust), 1);
      // Once the ledger has another report, what was kept is not its count any more.
      await l.addReport({ body: report(3, "Kust FM"), format: "text", origin: "test-3" });
      assert.equal(denied(await l.claimFacets({})), 3);
      // (then the outlets are counted: each outlet's count is what its own filter selects)
      const kust = await l.claimFacets({ outlet: "Kust FM" }), noord = await l.claimFacets({ outlet: "Noord Courant" });
      const all = (f: ClaimFacets) => f.status.reduce((a, x) => a + x.n, 0);
      assert.deepEqual(kust.outlet.map((x) => [x.value, x.n]).sort(), [["Kust FM", all(kust)], ["Noord Courant", all(noord)]]);
      assert.equal((await l.entities({})).find((e) => e.name === "Den Helder")?.reports, 3);
    } finally {
      await l.close();
    }
  });

  test("a ledger served without computing ahead keeps nothing", async () => {
    const other = join(mkdtempSync(join(tmpdir(), "sitrep-fv-")), "l.db");
    const l = await StoreLedger.open(other, {});
    try {
      await l.addReport({ body: report(1, "Noord Courant"), format: "text", origin: "test-1" });
      assert.equal(denied(await l.claimFacets({})), 1);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await l.close();
    }
    const s = await openStore(other, { readonly: true });
    assert.equal(await s.snapshot((r) => r.fusionState("server-facets")), undefined);
    await s.close();
  });
});
