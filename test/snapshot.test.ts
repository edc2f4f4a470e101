// The briefing's picture kept in the ledger (src/ledger/snapshot.ts): after an ingest it is the picture
// worked out from scratch, and any change the briefing rests on (a new report, a new version of one, an
// editor's correction) makes it stale until it is refreshed. On both backends.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lang } from "../src/model/doc.js";
import { corrected, openStore, type Store } from "../src/store/index.js";
import { buildPicture } from "../src/ledger/picture.js";
import { keptPicture, refreshPictures, SNAPSHOT_LANGS, SNAPSHOT_LIMITS } from "../src/ledger/snapshot.js";
import { runIngest } from "../src/cli/ingest.js";
import { briefText } from "../src/cli/brief.js";
import { composeBriefing, renderBriefing } from "../src/brief/index.js";
import { StoreLedger } from "../src/server/store.js";
import { eachBackend } from "./backends.js";
import { ledgerExport } from "../src/ledger/export.js";
import { keptParts } from "../src/ledger/exportparts.js";
import { exportJson } from "../src/export/stream.js";

// Reports of our own, in both languages, on one flood: figures that differ, a denial, a named source.
const REPORTS: Record<string, string> = {
  "a.txt": `---
title: Dyke breach floods three villages
source: Delta Courier
url: https://example.org/delta/dyke-breach
published: 2024-11-02T09:00:00+01:00
language: en
---
A dyke on the Waal river broke near Zaltbommel on Saturday, flooding three villages.
The regional water board said that 1,200 residents had been evacuated overnight.
Two people were killed when their car was swept off the road, police said.
Mayor Anna de Vries said the breach was caused by a week of heavy rain.
`,
  "b.txt": `---
title: Dijkdoorbraak bij Zaltbommel
source: Rivierenland Dagblad
url: https://example.org/rivierenland/dijk
published: 2024-11-02T14:00:00+01:00
language: nl
---
Bij Zaltbommel is zaterdag een dijk langs de Waal doorgebroken.
Volgens het waterschap zijn 1500 bewoners geëvacueerd.
De politie meldt dat twee mensen om het leven kwamen.
Het waterschap ontkent dat het onderhoud van de dijk was uitgesteld.
`,
  "c.txt": `---
title: Water board under fire after breach
source: Northline Wire
url: https://example.org/northline/water-board
published: 2024-11-03T08:00:00+01:00
language: en
---
Residents accused the water board of delaying repairs to the dyke near Zaltbommel for two years.
The water board denied that maintenance of the dyke had been postponed.
About 1,500 people were evacuated from three villages, the water board said on Sunday.
`,
};

function inputs(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-snap-"));
  return Object.entries(REPORTS).map(([name, body]) => {
    const f = join(dir, name);
    writeFileSync(f, body);
    return f;
  });
}

/** The picture worked out from the ledger as it is, without anything kept. */
const scratch = (s: Store, lang: Lang, limit: number) => s.snapshot(async (r) => buildPicture(await corrected(r), { lang, limit }));
const kept = (s: Store, lang: Lang, limit: number) => s.snapshot((r) => keptPicture(r, { lang, limit }));

describe("the briefing's picture kept in the ledger", () => {
  eachBackend("after an ingest it is the picture from scratch, in each language and length, and brief reads it", async (b) => {
    const db = await b.ledger();
    const { summary } = await runIngest(inputs(), db, { progress: "none", jobs: 0 });
    assert.equal(summary.added, 3);
    const s = await openStore(db, { readonly: true });
    try {
      for (const lang of SNAPSHOT_LANGS)
        for (const limit of SNAPSHOT_LIMITS) {
          const k = await kept(s, lang, limit);
          assert.ok(k && !k.stale, `kept and current: ${lang} ${limit}`);
          assert.deepEqual(k.picture, await scratch(s, lang, limit));
        }
      const fromScratch = renderBriefing(composeBriefing(await scratch(s, "nl", 4), "nl"), "md");
      assert.ok(fromScratch.includes("Zaltbommel"), fromScratch);
      assert.equal(await briefText(db, { lang: "nl", format: "md", limit: 4 }), fromScratch);
      // options that are not kept are worked out from the ledger, as before
      assert.equal(await briefText(db, { lang: "en", format: "md", limit: 2 }), renderBriefing(composeBriefing(await scratch(s, "en", 2), "en"), "md"));
    } finally {
      await s.close();
    }
  });

  eachBackend("a new report, a new version of one, a correction and a retraction each make it stale; refreshed, it shows them", async (b) => {
    const db = await b.ledger();
    const files = inputs();
    await runIngest(files.slice(0, 2), db, { progress: "none", jobs: 0 });
    const l = await StoreLedger.open(db, { workers: false });
    const s = l.store;
    const stale = async () => (await kept(s, "en", 40))!.stale;
    // the export's fused parts are kept by the same refresh: read back, the export is the one worked out in memory
    const partsKept = (lang: Lang) => s.snapshot(async (r) => !!(await keptParts(await corrected(r), lang)));
    const exported = (lang: Lang, kept: boolean) =>
      s.snapshot(async (r) => {
        let json = "";
        for await (const chunk of exportJson(ledgerExport(await corrected(r), lang, { kept }))) json += chunk;
        return json;
      });
    const refreshed = async (what: string) => {
      assert.equal(await stale(), true, `${what}: stale`);
      for (const lang of SNAPSHOT_LANGS) assert.equal(await partsKept(lang), false, `${what}: the export's kept parts are stale (${lang})`);
      await refreshPictures(s);
      const k = (await kept(s, "en", 40))!;
      assert.equal(k.stale, false, `${what}: current after a refresh`);
      assert.deepEqual(k.picture, await scratch(s, "en", 40), `${what}: as from scratch`);
      for (const lang of SNAPSHOT_LANGS) {
        assert.equal(await partsKept(lang), true, `${what}: the export's parts are kept (${lang})`);
        const json = await exported(lang, true);
        assert.equal(json, await exported(lang, false), `${what}: the export from kept parts is the one worked out (${lang})`);
        const x = JSON.parse(json) as { entities: unknown[]; propositions: unknown[] };
        assert.ok(x.entities.length > 0 && x.propositions.length > 0, `${what}: entities and propositions exported`);
      }
      // kept without copies of the ledger: a proposition's words as its first claim's id, a mention's report by its place in the export's order
      const items = (kind: string) =>
        s.snapshot(async (r) => {
          const xs: unknown[] = [];
          for await (const its of r.fusionItems(kind)) for (const it of its) xs.push(...(it.data as unknown[]));
          return xs;
        });
      // (and a proposition's claims by the store's ids, or as steps from those; its times its claims' reports')
      const props = (await items("export-propositions:en")) as { id?: string; text?: unknown; c: unknown[]; first_seen?: string; last_seen: unknown; h: unknown[] }[];
      assert.ok(props.length > 0, `${what}: propositions kept`);
      for (const p of props) {
        assert.ok(p.text === undefined || typeof p.text === "number", `${what}: kept propositions are worded by their claims`);
        assert.ok(Array.isArray(p.c[0]) && p.c.every((c) => typeof c !== "object" || (Array.isArray(c) && typeof c[1] === "number")), `${what}: a kept proposition's claims by the store's ids`);
        assert.ok(p.id === undefined && p.first_seen === undefined && typeof p.last_seen === "number" && p.h.every((h) => typeof h !== "object"), `${what}: no times spelt out`);
      }
      const ents = (await items("export-entities")) as { ms: unknown[][] }[];
      assert.ok(ents.length > 0 && ents.every((e) => e.ms.every((run) => typeof run[0] === "number")), `${what}: kept mentions name their reports by place`);
      return k.picture;
    };
    try {
      assert.equal(await stale(), false);
      // a report of its own
      await l.addReport({ body: REPORTS["c.txt"]!, format: "text" });
      const p1 = await refreshed("a new report");
      assert.equal(p1.basis.reports, 3);
      // a new version of a report (same URL, a line added)
      await l.addReport({ body: REPORTS["a.txt"]!.replace("police said.", "police said.\nA third villager is missing, the fire brigade said."), format: "text" });
      const p2 = await refreshed("a new version");
      assert.ok(JSON.stringify(p2).includes("third villager"));
      // an editor's status correction
      const claim = (await l.searchClaims({ limit: 100 })).items.find((c) => c.text.includes("maintenance of the dyke"))!;
      assert.ok(claim, "the denial is a claim");
      await l.correct({ who: "Editor A", why: "the water board has since withdrawn its denial", target: claim.id, action: "status", data: { status: "claimed" } });
      await refreshed("a correction");
      // a retraction: the report's lines leave the picture
      const nl = (await l.searchClaims({ limit: 100 })).items.find((c) => c.text.includes("Zaltbommel is zaterdag"))!;
      assert.ok(JSON.stringify(await scratch(s, "en", 40)).includes("Zaltbommel is zaterdag"));
      await l.correct({ who: "Editor A", why: "the paper withdrew the story", target: nl.report, action: "retract" });
      const p4 = await refreshed("a retraction");
      assert.ok(!JSON.stringify(p4).includes("Zaltbommel is zaterdag"));
      // nothing changed: a refresh makes nothing
      assert.equal((await refreshPictures(s)).size, 0);
    } finally {
      await l.close();
    }
  });

  eachBackend("work of one name runs in one process at a time on PostgreSQL", async (b) => {
    const db = await b.ledger();
    const [s1, s2] = [await openStore(db), await openStore(db)];
    try {
      const inner = await s1.exclusive("test", () => s2.exclusive("test", async () => "ran"));
      // SQLite has no other process to leave it to: the work runs
      assert.equal(inner, b.name === "PostgreSQL" ? undefined : "ran");
      assert.equal(await s2.exclusive("test", async () => "free again"), "free again");
    } finally {
      await s1.close();
      await s2.close();
    }
  });
});
