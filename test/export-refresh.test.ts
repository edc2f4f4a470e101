// `sitrep export` of a ledger whose fused parts were never kept (ingested with --no-refresh, or by an older
// sitrep): it makes and keeps them first, then streams them, so the ledger is fused once and not again by
// the next export or brief. The text is the same as the in-memory export's. On both backends.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { corrected, openStore } from "../src/store/index.js";
import { runIngest } from "../src/cli/ingest.js";
import { exportTo } from "../src/cli/export.js";
import { keptCurrent } from "../src/ledger/exportparts.js";
import { keptPicture } from "../src/ledger/snapshot.js";
import { ledgerExport } from "../src/ledger/export.js";
import { exportJson } from "../src/export/stream.js";
import { eachBackend } from "./backends.js";

// Reports of our own on one harbour fire, in both languages: a figure that differs, a denial, named sources.
const REPORTS: Record<string, string> = {
  "a.txt": `---
title: Fire at Rotterdam oil terminal
source: Harbour Times
url: https://example.org/harbour/terminal-fire
published: 2025-03-14T07:30:00+01:00
language: en
---
A fire broke out at an oil terminal in the port of Rotterdam on Friday morning, the fire brigade said.
About 300 workers were evacuated from the Botlek area, a spokesperson for the port authority said.
One firefighter was injured while fighting the blaze, police said.
`,
  "b.txt": `---
title: Brand bij olieterminal in Rotterdamse haven
source: Dagblad Zuid
url: https://example.org/dagblad/brand-botlek
published: 2025-03-14T11:00:00+01:00
language: nl
---
In de Rotterdamse haven is vrijdagochtend brand uitgebroken bij een olieterminal.
Volgens het Havenbedrijf zijn 400 medewerkers uit het Botlekgebied geëvacueerd.
De terminalexploitant ontkent dat de brandblusinstallatie niet werkte.
`,
  "c.txt": `---
title: Terminal operator rejects safety claims
source: Northline Wire
url: https://example.org/northline/terminal-safety
published: 2025-03-15T09:00:00+01:00
language: en
---
Unions said the sprinkler system at the Rotterdam terminal had not worked when the fire started.
The terminal operator denied that the sprinkler system had failed.
`,
};

function inputs(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-exprefresh-"));
  return Object.entries(REPORTS).map(([name, body]) => {
    const f = join(dir, name);
    writeFileSync(f, body);
    return f;
  });
}

const collect = () => {
  const chunks: string[] = [];
  const out = new Writable({
    write(c: Buffer | string, _e, cb) {
      chunks.push(String(c));
      cb();
    },
  });
  return { out, text: () => chunks.join("") };
};

describe("export of a ledger whose fused parts are not kept", () => {
  eachBackend("keeps them first, streams the same text as the in-memory export, and leaves the briefing kept", async (b) => {
    const db = await b.ledger();
    await runIngest(inputs(), db, { progress: "none", jobs: 0, refresh: false });
    const s = await openStore(db, { readonly: true });
    try {
      const before = await s.snapshot(async (r) => keptCurrent(r, await r.ledgerVersion(), "nl"));
      assert.deepEqual(before, { entities: false, lists: false });
      const inMemory = collect();
      await s.snapshot(async (r) => {
        for await (const c of exportJson(ledgerExport(await corrected(r), "nl", { kept: false }))) inMemory.out.write(c);
      });
      const got = collect();
      await exportTo(db, { format: "json", lang: "nl" }, got.out);
      assert.ok(inMemory.text().includes("Botlek"), inMemory.text().slice(0, 200));
      assert.equal(got.text(), inMemory.text());
      // kept now: the next export streams them, and the next brief in that language reads its picture
      const after = await s.snapshot(async (r) => keptCurrent(r, await r.ledgerVersion(), "nl"));
      assert.deepEqual(after, { entities: true, lists: true });
      const k = await s.snapshot((r) => keptPicture(r, { lang: "nl", limit: 4 }));
      assert.ok(k && !k.stale);
      const again = collect();
      await exportTo(db, { format: "json", lang: "nl" }, again.out);
      assert.equal(again.text(), inMemory.text());
    } finally {
      await s.close();
    }
  });
});
