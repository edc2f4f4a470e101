import { describe } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/store/index.js";
import { keptPicture, refreshPictures, SNAPSHOT_LANGS, SNAPSHOT_LIMITS } from "../src/ledger/snapshot.js";
import { runIngest } from "../src/cli/ingest.js";
import { eachBackend } from "./backends.js";
const samples = join(fileURLToPath(new URL("../..", import.meta.url)), "samples");

describe("kept pictures: every language's of a number of lines in one state", () => {
  eachBackend("both languages read back from one state; the rows a ledger kept a picture in before are deleted", async (b) => {
    const db = await b.ledger();
    await runIngest([samples], db, { progress: "none", jobs: 0, refresh: false });
    const s = await openStore(db);
    try {
      // a picture as an earlier sitrep kept it: its own row per language and number of lines
      await s.write((tx) => tx.setFusionState("briefing-picture:en:40", 1, { version: "old", code: "old", builtAt: "", picture: {} }));
      const made = await refreshPictures(s);
      assert.deepEqual([...made.keys()].sort(), ["briefing-picture:en:4", "briefing-picture:en:40", "briefing-picture:nl:4", "briefing-picture:nl:40"]);
      await s.snapshot(async (r) => {
        assert.equal(await r.fusionState("briefing-picture:en:40"), undefined, "the earlier row is gone");
        for (const limit of SNAPSHOT_LIMITS) {
          const set = (await r.fusionState(`briefing-pictures:${limit}`))?.data as { pictures: Record<string, unknown> };
          assert.deepEqual(Object.keys(set.pictures).sort(), [...SNAPSHOT_LANGS].sort());
          for (const lang of SNAPSHOT_LANGS) {
            const k = await keptPicture(r, { lang, limit });
            assert.equal(k?.stale, false);
            assert.deepEqual(k?.picture, made.get(`briefing-picture:${lang}:${limit}`)!.picture);
          }
        }
      });
      // a language made again keeps the other's as it was
      const again = await refreshPictures(s, ["nl"], { force: true });
      assert.equal(again.size, 2);
      await s.snapshot(async (r) => {
        assert.deepEqual((await keptPicture(r, { lang: "en", limit: 40 }))?.builtAt, made.get("briefing-picture:en:40")!.builtAt);
        assert.deepEqual((await keptPicture(r, { lang: "nl", limit: 4 }))?.builtAt, again.get("briefing-picture:nl:4")!.builtAt);
      });
    } finally {
      await s.close();
    }
  });
});
