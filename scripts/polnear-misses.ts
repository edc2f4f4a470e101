// npm run build, then node dist/scripts/polnear-misses.js [--all]: PolNeAR (../shared/external/polnear-en-test)
// claims whose source is wrong, each with its sentence, cue, the gold source and ours, to find classes of
// error. Reads ../shared at run time only; prints nothing to commit.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFiles } from "../src/cli/extract.js";
import { buildExport } from "../src/export/json.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = resolve(root, "../shared/external/polnear-en-test");
if (!existsSync(dir)) {
  console.log(`polnear-misses: ${dir} is not here; nothing to list`);
  process.exit(0);
}
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const nameMatch = (a: string, b: string) => {
  const fa = fold(a), fb = fold(b);
  return !!fa && !!fb && (` ${fa} `.includes(` ${fb} `) || ` ${fb} `.includes(` ${fa} `));
};
const texts = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
const { docs } = extractFiles(texts.map((f) => join(dir, f)), {});
const exp = buildExport(docs) as unknown as { claims: any[]; entities: any[]; documents: any[] };
const ents = new Map(exp.entities.map((e: any) => [e.id, e]));
const all = process.argv.includes("--all");
let n = 0, hit = 0;
for (const [i, f] of texts.entries()) {
  const gold = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, ".gold.json")), "utf8"));
  const body = readFileSync(join(dir, f), "utf8");
  const doc = exp.documents.find((d: any) => String(d.text).trim() === body.trim()) ?? exp.documents[i];
  const text: string = doc.text;
  const claims = exp.claims.filter((c: any) => c.doc === doc.id);
  for (const g of gold.claims) {
    if (g.source_pronoun) continue;
    const [g0, g1] = g.span;
    let sys: any = null, best = 0;
    for (const c of claims) {
      const ov = Math.max(0, Math.min(g1, c.end) - Math.max(g0, c.start));
      if (ov >= 0.5 * (g1 - g0) && ov >= 0.3 * (c.end - c.start) && ov > best) (sys = c), (best = ov);
    }
    const names: string[] = sys?.source ? [sys.source.name, ...(ents.get(sys.source.entity) ? [ents.get(sys.source.entity).name, ...(ents.get(sys.source.entity).aliases ?? [])] : [])] : [];
    const want: string[] = g.accept.flatMap((o: any) => o.source ?? []);
    const ok = !!sys && names.some((x) => want.some((w) => nameMatch(x, w)));
    n++;
    if (ok) hit++;
    if (ok && !all) continue;
    const lo = Math.min(g0, g.source_span?.[0] ?? g0, g.cue?.span?.[0] ?? g0);
    const hi = Math.max(g1, g.source_span?.[1] ?? g1, g.cue?.span?.[1] ?? g1);
    const ctx = text.slice(Math.max(0, lo - 40), Math.min(text.length, hi + 20)).replace(/\s+/g, " ");
    console.log(`${ok ? "OK  " : "MISS"} ${f.slice(0, 40)} ${g.id} want=[${want[0]}] cue=[${g.cue?.text ?? ""}] got=${sys ? `[${sys.source?.name ?? "report"}] ${sys.status}` : "none"}`);
    console.log(`     ${ctx.length > 400 ? ctx.slice(0, 200) + " … " + ctx.slice(-200) : ctx}`);
    console.log(`     gold: ${text.slice(g0, g1).replace(/\s+/g, " ").slice(0, 160)}`);
    if (sys) console.log(`     ours: ${text.slice(sys.start, sys.end).replace(/\s+/g, " ").slice(0, 160)}`);
    else
      for (const c of claims.filter((c: any) => c.end > g0 && c.start < g1)) {
        // how far the overlap falls short of the scorer's rule (half of gold, 0.3 of ours)
        const ov = Math.min(g1, c.end) - Math.max(g0, c.start);
        const r = `${(ov / (g1 - g0)).toFixed(2)}/${(ov / (c.end - c.start)).toFixed(2)}`;
        console.log(`     near ${r}: [${c.source?.name ?? "report"}] ${c.status}: ${text.slice(c.start, c.end).replace(/\s+/g, " ").slice(0, 200)}`);
      }
  }
}
console.log(`source ${((100 * hit) / n).toFixed(1)}% (${hit}/${n})`);
