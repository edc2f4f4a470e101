// npm run bench:hostile [-- --sizes 100,1000 --only NAME --timeout S]: every hostile shape of
// bench/hostile-shapes.ts at each size (KB) through the whole pipeline, one child process per run (so a
// superlinear shape can be stopped), against normal news text of the same size and language. Prints the
// time per MB, its ratio to normal text, and the slowest stage. The bar: every ratio within 3.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readReports, toDoc } from "../src/ingest/index.js";
import { langPack } from "../src/lang/index.js";
import { Doc, type Lang } from "../src/model/doc.js";
import { STAGES } from "../src/pipeline/index.js";
import { benchSources } from "./corpus.js";
import { newsParagraphs, normalText, SHAPES } from "./hostile-shapes.js";

export interface RunResult {
  ms: number;
  stages: Record<string, number>;
  chars: number;
}

let paraCache: Record<Lang, string[]> | undefined;
export function paragraphs(): Record<Lang, string[]> {
  paraCache ??= newsParagraphs(benchSources(), (f) => readReports(f, { onItemError: () => {} }).map((r, i) => toDoc(r, `n${i}`)).map((d) => ({ text: d.text, lang: d.lang })));
  return paraCache;
}

export function buildText(shape: string, size: number): { text: string; lang: Lang } {
  const m = /^normal-(nl|en)$/.exec(shape);
  if (m) return { text: normalText(paragraphs()[m[1] as Lang], size), lang: m[1] as Lang };
  const s = SHAPES.find((x) => x.name === shape);
  if (!s) throw new Error(`no shape ${shape}`);
  return { text: s.build(size), lang: s.lang };
}

/** The whole pipeline over one document, timed per stage. */
export function timePipeline(text: string, lang: Lang): RunResult {
  const doc = new Doc(text, { id: "h1", published: "2023-05-23T17:00:00+02:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const ctx = { lang: langPack(lang) };
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  for (const s of STAGES) {
    const a = performance.now();
    s.run(doc, ctx);
    stages[s.name] = performance.now() - a;
  }
  return { ms: performance.now() - t0, stages, chars: text.length };
}

/** Loads lexicons and the gazetteer, so the timed run measures the text only. */
export function warmUp(): void {
  for (const lang of ["nl", "en"] as const) timePipeline(normalText(paragraphs()[lang].length ? paragraphs()[lang] : ["De minister zei dat het waar was."], 2000), lang);
}

function child(shape: string, size: number): void {
  warmUp();
  const { text, lang } = buildText(shape, size);
  const r = timePipeline(text, lang);
  process.stdout.write(JSON.stringify(r) + "\n");
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function runChild(shape: string, kb: number, timeoutS: number): RunResult | "timeout" | string {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--one", shape, String(kb * 1024)], {
    encoding: "utf8",
    timeout: timeoutS * 1000,
    maxBuffer: 1 << 24,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") return "timeout";
  if (r.status !== 0) return (r.stderr || `exit ${r.status}`).trim().split("\n").slice(-1)[0]!;
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as RunResult;
}

function main(): void {
  if (process.argv.includes("--one")) return child(arg("--one")!, Number(process.argv[process.argv.indexOf("--one") + 2]));
  const sizes = (arg("--sizes") ?? "100,1000").split(",").map(Number);
  const only = arg("--only");
  const timeoutS = Number(arg("--timeout") ?? 120);
  let worst = 0;
  const over: string[] = [];
  for (const kb of sizes) {
    const normal: Record<string, number> = {};
    for (const lang of ["nl", "en"]) {
      const r = runChild(`normal-${lang}`, kb, timeoutS);
      if (typeof r !== "object") throw new Error(`normal ${lang} text failed: ${r}`);
      normal[lang] = r.ms / (r.chars / 1048576);
      console.log(`${kb} KB normal-${lang}: ${normal[lang]!.toFixed(0)} ms/MB`);
    }
    for (const s of SHAPES) {
      if (only && s.name !== only) continue;
      const r = runChild(s.name, kb, timeoutS);
      let line: string;
      if (r === "timeout") {
        line = `> ${timeoutS} s (stopped)`;
        over.push(`${s.name}@${kb}KB`);
        worst = Infinity;
      } else if (typeof r === "string") {
        line = `ERROR ${r}`;
        over.push(`${s.name}@${kb}KB`);
      } else {
        const perMB = r.ms / (r.chars / 1048576);
        const ratio = perMB / normal[s.lang]!;
        worst = Math.max(worst, ratio);
        if (ratio > 3) over.push(`${s.name}@${kb}KB`);
        const top = Object.entries(r.stages).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ");
        line = `${perMB.toFixed(0).padStart(7)} ms/MB  ratio ${ratio.toFixed(2).padStart(6)}  (ms: ${top})`;
      }
      console.log(`${String(kb).padStart(5)} KB ${s.name.padEnd(22)} ${s.lang}  ${line}${s.todo ? `  (todo: ${s.todo})` : ""}`);
    }
  }
  console.log(`\nworst ratio ${worst === Infinity ? "∞" : worst.toFixed(2)}; over 3×: ${over.length ? over.join(", ") : "none"}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
