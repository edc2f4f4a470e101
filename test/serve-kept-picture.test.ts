// The server's briefing is the command line's (src/server/briefing.ts, src/ledger/snapshot.ts): after a
// `brief` in one language, `serve` briefs in either language from the pictures that brief kept, without
// fusing the ledger again; and on a ledger whose pictures are stale, its first briefing refreshes them in
// every language at once, so the other language never refreshes a second time. Observed through the kept
// pictures' stamps (when each was made), not through timing. On both backends, with the briefing worker
// thread `serve` runs and without threads.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lang } from "../src/model/doc.js";
import { openStore } from "../src/store/index.js";
import { keptPicture, SNAPSHOT_LANGS, SNAPSHOT_LIMITS } from "../src/ledger/snapshot.js";
import { runIngest } from "../src/cli/ingest.js";
import { briefText } from "../src/cli/brief.js";
import { StoreLedger } from "../src/server/store.js";
import { eachBackend } from "./backends.js";

// Reports of our own on one warehouse fire, in both languages: figures that differ, a denial, named sources.
const REPORTS = [
  `---
title: Fire at Antwerp port warehouse
source: Scheldt Herald
url: https://example.org/scheldt/warehouse-fire
published: 2025-03-14T07:30:00+01:00
language: en
---
A fire broke out overnight in a chemical warehouse in the port of Antwerp, the fire brigade said.
About 300 residents of Zwijndrecht were told to keep their windows closed.
Three firefighters were treated for smoke inhalation, a spokesman for the fire brigade said.
`,
  `---
title: Brand in loods in Antwerpse haven
source: Kempens Dagblad
url: https://example.org/kempens/loodsbrand
published: 2025-03-14T12:00:00+01:00
language: nl
---
In een loods met chemicaliën in de Antwerpse haven is vannacht brand uitgebroken.
Volgens de brandweer moesten 450 bewoners van Zwijndrecht ramen en deuren gesloten houden.
Het havenbedrijf ontkent dat de loods zonder vergunning chemicaliën opsloeg.
`,
  `---
title: Port company denies permit breach after fire
source: Coastline Wire
url: https://example.org/coastline/port-permit
published: 2025-03-15T09:00:00+01:00
language: en
---
Environmental groups said the warehouse in the port of Antwerp stored chemicals without a permit.
The port company denied that the warehouse had stored chemicals without a permit.
Mayor Sven Peeters said on Saturday that the air in Zwijndrecht was safe again.
`,
];

function files(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-servekept-"));
  return REPORTS.map((body, i) => {
    const f = join(dir, `r${i}.txt`);
    writeFileSync(f, body);
    return f;
  });
}

/** When each kept picture was made, by language and number of lines; "stale" or "none" when not current. */
async function stamps(db: string): Promise<Map<string, string>> {
  const s = await openStore(db, { readonly: true });
  try {
    const out = new Map<string, string>();
    for (const lang of SNAPSHOT_LANGS)
      for (const limit of SNAPSHOT_LIMITS) {
        const k = await s.snapshot((r) => keptPicture(r, { lang, limit }));
        out.set(`${lang}:${limit}`, !k ? "none" : k.stale ? "stale" : k.builtAt);
      }
    return out;
  } finally {
    await s.close();
  }
}

function allCurrent(st: Map<string, string>, what: string): void {
  for (const [key, v] of st) assert.ok(v !== "none" && v !== "stale", `${what}: the ${key} picture is kept and current (${v})`);
}

/** A ledger of the first two reports, ingested, whose kept pictures the third report, added after, made stale. */
async function staleLedger(db: string): Promise<void> {
  const fs = files();
  await runIngest(fs.slice(0, 2), db, { progress: "none", jobs: 0 });
  const l = await StoreLedger.open(db, { workers: false });
  try {
    await l.addReport({ body: REPORTS[2]!, format: "text" });
  } finally {
    await l.close();
  }
  const st = await stamps(db);
  for (const [key, v] of st) assert.equal(v, "stale", `the third report makes the ${key} picture stale`);
}

const langs: Lang[] = ["en", "nl"];

describe("the server briefs from the pictures the command line keeps", () => {
  for (const workers of [true, false])
    eachBackend(`after \`brief --lang en\`, serve briefs in both languages without a refresh (${workers ? "worker thread" : "no threads"})`, async (b) => {
      const db = await b.ledger();
      await staleLedger(db);
      const cli = await briefText(db, { lang: "en", format: "md" });
      const made = await stamps(db);
      // the command line's refresh kept every language, not only the one it was asked
      allCurrent(made, "after brief --lang en");
      const l = await StoreLedger.open(db, { workers });
      try {
        for (const lang of [...langs].reverse()) {
          await l.briefing(lang, 40);
          await l.briefing(lang, 4);
          // the page's briefing is the command line's, read from the same kept picture
          assert.equal((await l.renderBrief(lang, "md")).body, await briefText(db, { lang, format: "md", limit: 40 }), `serve's ${lang} briefing is brief's`);
        }
        assert.ok(cli.includes("Zwijndrecht"), "the English briefing names the place");
        assert.deepEqual(await stamps(db), made, "nothing was made again: the server read what brief kept");
      } finally {
        await l.close();
      }
    });

  for (const workers of [true, false])
    eachBackend(`on a stale ledger, serve's first briefing refreshes every language once (${workers ? "worker thread" : "no threads"})`, async (b) => {
      const db = await b.ledger();
      await staleLedger(db);
      const l = await StoreLedger.open(db, { workers });
      try {
        const en = await l.briefing("en", 4);
        assert.equal(en.reports, 3, "the briefing rests on the three reports");
        const made = await stamps(db);
        allCurrent(made, "after serve's first briefing");
        const nl = await l.briefing("nl", 40);
        assert.equal(nl.reports, 3);
        await l.briefing("en", 40);
        assert.deepEqual(await stamps(db), made, "the Dutch briefing and the longer English one read what the first one kept");
      } finally {
        await l.close();
      }
    });
});
