// node dist/bench/refresh.js --db FILE [--dump OUT.json]: the refresh `sitrep ingest` ends with (the kept
// briefing pictures and export parts of every language, worked out again whatever is kept), timed on an
// existing ledger: wall time, CPU (user + system) and peak RSS of this process. With --dump, what the
// refresh keeps is written out (sorted, as JSON) so that two versions of sitrep can be compared exactly.
// The ledger is written to: run it on a copy.
import { writeFileSync } from "node:fs";
import { openStore } from "../src/store/index.js";
import { refreshPictures, SNAPSHOT_LANGS } from "../src/ledger/snapshot.js";
import { keptParts } from "../src/ledger/exportparts.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const db = arg("--db");
if (!db) throw new Error("--db FILE is needed (a copy: the refresh writes to it)");
const dump = arg("--dump");

const store = await openStore(db);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const made = await refreshPictures(store, SNAPSHOT_LANGS, { force: true });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const rssMb = process.resourceUsage().maxRSS / 1024;
const reports = (await store.snapshot((r) => r.basis())).reports;
console.log(JSON.stringify({ reports, refresh_s: +(ms / 1000).toFixed(1), cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(1), peak_rss_mb: +rssMb.toFixed(0) }));

if (dump) {
  const out: Record<string, unknown> = {};
  for (const [kind, k] of [...made].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[kind] = k.picture;
  await store.snapshot(async (r) => {
    for (const lang of SNAPSHOT_LANGS) {
      const parts = await keptParts(r, lang);
      if (!parts) throw new Error(`the export parts of ${lang} are not current after the refresh`);
      const all = async <T>(it: AsyncIterable<T[]>) => {
        const xs: T[] = [];
        for await (const p of it) xs.push(...p);
        return xs;
      };
      out[`entities:${lang}`] = await all(parts.entities());
      out[`contradictions:${lang}`] = await all(parts.contradictions());
      out[`propositions:${lang}`] = await all(parts.propositions());
      const uids: string[] = [];
      for (let cursor: { ms: number; id: number } | null = null; ; ) {
        const page = await r.reportsPage(cursor, 500, false);
        if (!page.length) break;
        uids.push(...page.map((x) => x.uid));
        cursor = { ms: page[page.length - 1]!.publishedMs, id: page[page.length - 1]!.id };
      }
      if (lang === SNAPSHOT_LANGS[0]) out.entityIds = [...(await parts.entityIds(uids))];
    }
  });
  writeFileSync(dump, JSON.stringify(out));
}
await store.close();
