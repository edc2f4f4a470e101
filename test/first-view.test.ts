// The page's first view never waits on the briefing: asked for without waiting, the server answers at once
// that it is being built (and builds it), then gives it when it is there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
