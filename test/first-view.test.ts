// The page's first view never waits on the briefing: asked for without waiting, the server answers at once
// that it is being built (and builds it), then gives it when it is there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { buildServer } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";

const REPORT = `---
title: Dike breach near Kampen
source: IJssel Courant
published: 2024-02-02T09:00:00+01:00
language: en
---
The water board said that the dike near Kampen was breached on Thursday night.
Police denied that the bridge to Zwolle had been closed.
`;

test("the briefing asked for without waiting: 202 while it is built, then the briefing", async () => {
  const l = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-first-")), "l.db"), { workers: false });
  const app = await buildServer({ ledger: l, token: "first-view-token-0123456789ab", loopback: true, readNeedsToken: false, allowFetch: false, webDir: mkdtempSync(join(tmpdir(), "sitrep-web-")) });
  try {
    await l.addReport({ body: REPORT, format: "text" });
    const first = await app.inject({ url: "/api/brief?lang=en&wait=false" });
    assert.equal(first.statusCode, 202, first.body);
    assert.equal(first.json().pending, true);
    let ready = first;
    for (let i = 0; i < 100 && ready.statusCode === 202; i++) {
      await new Promise((r) => setTimeout(r, 50));
      ready = await app.inject({ url: "/api/brief?lang=en&wait=false" });
    }
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json().sections, (await app.inject({ url: "/api/brief?lang=en" })).json().sections);
    // a change: the briefing is built again, and until then the answer says so
    await l.addReport({ body: REPORT.replace("Kampen", "Zwolle").replace("Dike breach near Zwolle", "Second breach"), format: "text" });
    assert.equal((await app.inject({ url: "/api/brief?lang=en&wait=false" })).statusCode, 202);
  } finally {
    await app.close();
    await l.close();
  }
});

// Eight statements from as many sources in one report: more lines than the short briefing shows.
const MANY = `---
title: Flood along the IJssel
source: IJssel Courant
published: 2024-02-03T09:00:00+01:00
language: en
---
${["Zwolle", "Deventer", "Kampen", "Zutphen", "Arnhem", "Wijhe", "Olst", "Hattem"]
  .map((town, i) => `The mayor of ${town} said that ${i + 3} streets in ${town} were flooded on Friday.\nPolice in ${town} denied that the bridge in ${town} had been closed.\nIt is unclear whether the school in ${town} will open on Monday.`)
  .join("\n")}
`;

test("the short briefing first: at most four lines a section, each saying how many more; reads compressed", async () => {
  const l = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-first-")), "l.db"), { workers: false });
  const app = await buildServer({ ledger: l, token: "first-view-token-0123456789ab", loopback: true, readNeedsToken: false, allowFetch: false, webDir: mkdtempSync(join(tmpdir(), "sitrep-web-")) });
  try {
    await l.addReport({ body: MANY, format: "text" });
    type Sec = { key: string; lines: { text: string }[]; groups?: { lines: unknown[] }[]; more?: number };
    const short = (await app.inject({ url: "/api/brief?lang=en&lines=4" })).json() as { sections: Sec[] };
    const full = (await app.inject({ url: "/api/brief?lang=en" })).json() as { sections: Sec[] };
    assert.deepEqual(short.sections.map((s) => s.key), full.sections.map((s) => s.key));
    const cut = short.sections.filter((s, i) => s.lines.length < full.sections[i]!.lines.length);
    assert.ok(cut.length > 0, "some section has more than four lines in the whole briefing");
    for (const s of short.sections) assert.ok(s.lines.length <= 4, `${s.key}: ${s.lines.length} lines`);
    for (const s of cut) assert.ok((s.more ?? 0) > 0, `${s.key} says there are more`);
    assert.equal((await app.inject({ url: "/api/brief?lang=en&lines=7" })).statusCode, 400);

    // the same bytes, compressed as the client accepts (once per ledger version), or as they are
    const plain = await app.inject({ url: "/api/brief?lang=en" });
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.ok(plain.body.length > 1024);
    const br = await app.inject({ url: "/api/brief?lang=en", headers: { "accept-encoding": "gzip, deflate, br" } });
    assert.equal(br.headers["content-encoding"], "br");
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(br.rawPayload).toString("utf8"), plain.body);
    assert.ok(br.rawPayload.length < plain.body.length / 2);
    const gz = await app.inject({ url: "/api/brief?lang=en", headers: { "accept-encoding": "gzip" } });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.equal(gunzipSync(gz.rawPayload).toString("utf8"), plain.body);
  } finally {
    await app.close();
    await l.close();
  }
});
