// Fuzzing the readers and the pipeline with fast-check. `npm run fuzz [-- --runs N --only TARGET]` runs N
// inputs (default 10 000) per target, each target in a worker thread watched for hangs; test/fuzz.test.ts
// runs the same properties at a size that fits CI. A target passes when no input crashes (a reader may
// only refuse a file with an IngestError), no input hangs, every span lies within the text and says what
// the text says there, and two runs over the same input give the same result.
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { IngestError, readFileReports, toDoc } from "../src/ingest/index.js";
import type { Doc, Lang } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";

// --- generators -------------------------------------------------------------------------------------------

const WORDS = [
  "De", "het", "leger", "zegt", "dat", "Rusland", "volgens", "dhr.", "ca.", "3.500", "14.00", "uur", "'s", "zo'n", "The", "army",
  "said", "Mr.", "U.S.", "Dr.", "killed", "wounded", "Kyiv", "Belgorod", "gisteren", "Wednesday", "May", "23", "2023", "two",
  "twee", "doden", "onduidelijk", "is", "of", "denies", "confirmed", "Noord-Oost", "a-b-c-d", "e.g.", "o.a.", "nr.", "No.",
];
const MARKS = ["!", "?", ".", "…", "...", ",", ";", ":", "„", "“", "”", "\"", "'", "‘", "’", "«", "»", "(", ")", "[", "]", "-", "–", "—", "/", "&", "<", ">", "#", "*", "_", "`", "@"];
const SPACES = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\f", "\v", "\u0085", "\u2028", "\u2029", "\u00a0", "\u200b"];

/** Text built from news words, marks and white space of every kind, with stray code points mixed in. */
export const newsText = (max = 60): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
        { weight: 4, arbitrary: fc.constantFrom(...MARKS) },
        { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
        { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
        { weight: 1, arbitrary: fc.constantFrom(...MARKS).chain((m) => fc.integer({ min: 2, max: 40 }).map((k) => m.repeat(k))) },
      ),
      { maxLength: max },
    )
    .map((xs) => xs.join(""));

const yamlValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("2023-05-23T17:00:00+02:00", "2023-02-30", "nl", "en", "de", "[a, b]", "{x: 1}", "&a x", "*a", "!!int 5", "|", ">", "'", "\"", "-"),
);
const frontMatterText = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fc.constantFrom("title", "source", "url", "published", "language", "date", "? [a]", "x y", "---"), yamlValue), { maxLength: 6 }),
    newsText(),
    fc.boolean(),
  )
  .map(([fm, pairs, body, close]) => (fm ? `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join("\n")}\n${close ? "---\n" : ""}` : "") + body);

const TAGS = ["p", "div", "a", "b", "i", "span", "article", "main", "nav", "aside", "footer", "script", "style", "table", "tr", "td", "template", "svg", "math", "noscript", "title", "head", "body", "html", "h1", "h2", "ul", "li", "figure", "figcaption", "time", "frameset", "select", "textarea", "iframe", "form", "br", "img"];
const htmlPiece = fc.oneof(
  { weight: 5, arbitrary: newsText(12) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom("", ' class="ad story"', ' id="x"', ' hidden', ' datetime="2023-05-23"', " a=b c", ' href="javascript:x"', ' style="display:none"', " class=\"css-1x r-2y\"")).map(([t, a]) => `<${t}${a}>`) },
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
  { weight: 1, arbitrary: fc.constantFrom("&amp;", "&bogus;", "&#8217;", "&#x1F600;", "&#0;", "&#xD800;", "&nbsp", "<!--", "-->", "<![CDATA[", "]]>", "<!doctype html>", "<?xml version='1.0'?>", "<", ">", "</", "<meta property=\"article:published_time\" content=\"2023-05-23T10:00:00Z\">", "<meta charset=utf-8>") },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => `<script type="application/ld+json">${JSON.stringify(typeof v === "object" && v && !Array.isArray(v) ? { "@type": "NewsArticle", ...v } : v)}</script>`) },
);
const htmlText = fc.array(htmlPiece, { maxLength: 60 }).map((xs) => xs.join(""));

const jsonField = fc.oneof(fc.string({ maxLength: 40 }), newsText(20), fc.integer(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), fc.constantFrom("2023-05-23T17:00:00+02:00", "2023-13-01", "nl", "en", "de", "zz-top"));
const jsonlLine = fc.oneof(
  { weight: 4, arbitrary: fc.record({ text: jsonField, title: jsonField, published: jsonField, language: jsonField, url: jsonField, html: jsonField }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
);
const jsonlText = fc.array(jsonlLine, { minLength: 1, maxLength: 8 }).map((xs) => xs.join("\n"));

const xmlText = fc.oneof(newsText(15), htmlText.map((h) => `<![CDATA[${h}]]>`), htmlText.map((h) => h.replace(/&/g, "&amp;").replace(/</g, "&lt;")));
const dateText = fc.constantFrom("Tue, 23 May 2023 15:00:00 +0200", "23 May 2023", "2023-05-23T10:00:00Z", "yesterday", "", "Mon, 31 Feb 2023 25:00:00 GMT");
const rssItem = fc.record({ title: xmlText, description: xmlText, content: xmlText, pubDate: dateText, link: fc.constantFrom("https://x.example/a", "javascript:alert(1)", "") }, { requiredKeys: [] }).map(
  (it) =>
    `<item>${it.title !== undefined ? `<title>${it.title}</title>` : ""}${it.link !== undefined ? `<link>${it.link}</link>` : ""}${it.pubDate !== undefined ? `<pubDate>${it.pubDate}</pubDate>` : ""}${it.description !== undefined ? `<description>${it.description}</description>` : ""}${it.content !== undefined ? `<content:encoded>${it.content}</content:encoded>` : ""}</item>`,
);
const atomEntry = fc.record({ title: xmlText, content: xmlText, type: fc.constantFrom("text", "html", "xhtml", "bogus"), updated: dateText, lang: fc.constantFrom("nl", "en", "de", "") }, { requiredKeys: [] }).map(
  (e) =>
    `<entry${e.lang ? ` xml:lang="${e.lang}"` : ""}>${e.title !== undefined ? `<title>${e.title}</title>` : ""}${e.updated !== undefined ? `<updated>${e.updated}</updated>` : ""}${e.content !== undefined ? `<content type="${e.type ?? "text"}">${e.content}</content>` : ""}</entry>`,
);
const feedText = fc.oneof(
  fc.tuple(fc.array(rssItem, { maxLength: 5 }), fc.constantFrom("", "<language>de</language>", "<language>nl</language>")).map(([items, lang]) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed</title>${lang}${items.join("")}</channel></rss>`),
  fc.array(atomEntry, { maxLength: 5 }).map((es) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title>${es.join("")}</feed>`),
  fc.tuple(fc.array(rssItem, { maxLength: 3 }), fc.string({ maxLength: 20 })).map(([items, junk]) => `<rss><channel>${items.join("")}${junk}`),
);

const tgText = fc.oneof(newsText(20), fc.array(fc.oneof(newsText(8), fc.record({ type: fc.constantFrom("bold", "link"), text: fc.oneof(newsText(5), fc.integer()) })), { maxLength: 4 }), fc.integer(), fc.constant(null));
const tgMessage = fc.oneof(
  { weight: 6, arbitrary: fc.record({ id: fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), type: fc.constantFrom("message", "service", 5), date: fc.oneof(fc.constantFrom("2023-05-23T10:00:00", "2023-99-99T99:99:99", ""), fc.integer()), date_unixtime: fc.oneof(fc.constantFrom("1684828800", "x", "1e300", "-1"), fc.integer()), text: tgText }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const telegramText = fc.array(tgMessage, { maxLength: 8 }).map((messages) => JSON.stringify({ name: "Kanaal", type: "public_channel", id: 1, messages }));

export interface Target {
  name: string;
  ext: string;
  gen: fc.Arbitrary<string>;
}

export const READERS: Target[] = [
  { name: "text", ext: "txt", gen: frontMatterText },
  { name: "html", ext: "html", gen: htmlText },
  { name: "jsonl", ext: "jsonl", gen: jsonlText },
  { name: "feed", ext: "xml", gen: feedText },
  { name: "telegram", ext: "json", gen: telegramText },
];

// --- properties -------------------------------------------------------------------------------------------

/** Every span of a processed document within its text, ordered, and saying what the text says there. */
export function checkSpans(doc: Doc): void {
  const len = doc.text.length;
  const span = (what: string, s: { start: number; end: number }, text?: string) => {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= len)) {
      throw new Error(`${what} span ${s.start}–${s.end} outside the text (length ${len})`);
    }
    if (text !== undefined && doc.text.slice(s.start, s.end) !== text) throw new Error(`${what} text ${JSON.stringify(text)} is not the text at ${s.start}–${s.end}`);
  };
  for (const t of doc.tokens) span("token", t, t.text);
  let prev = -1;
  for (const s of doc.sentences) {
    span("sentence", s);
    if (s.start < prev) throw new Error("sentences out of order");
    prev = s.end;
  }
  for (const q of doc.quotes) span("quote", q);
  for (const m of doc.mentions) span("mention", m, m.text);
  for (const c of doc.claims) {
    span("claim", c, c.text);
    if (c.cue) span("cue", c.cue, c.cue.text);
  }
  for (const u of doc.unknowns) span("unknown", u, u.text);
  for (const t of doc.times) span("time", t, t.text);
  for (const c of doc.counts) span("count", c, c.text);
}

function snapshot(doc: Doc): string {
  const { text, meta, ...rest } = doc as unknown as Record<string, unknown>;
  return JSON.stringify({ text, meta, rest });
}

/** One reader input: a clean refusal or reports whose documents go through the pipeline, twice alike. */
export function readerProperty(dir: string, t: Target, input: string, seq: number): void {
  const path = join(dir, `in-${seq}.${t.ext}`);
  writeFileSync(path, input);
  let result;
  try {
    result = readFileReports(path);
  } catch (e) {
    if (e instanceof IngestError) {
      if (/\n/.test(e.message)) throw new Error(`error message of several lines: ${JSON.stringify(e.message)}`);
      if (/Cannot (?:read|destructure)|is not a function|undefined|TypeError/.test(e.message)) throw new Error(`JavaScript error as a reason: ${e.message}`);
      return;
    }
    throw e;
  }
  for (const e of result.errors) if (!(e instanceof IngestError)) throw new Error(`item error is not an IngestError: ${e}`);
  result.reports.forEach((raw, i) => {
    if (typeof raw.text !== "string" || !raw.text.trim()) throw new Error("a report without text");
    const a = runPipeline(toDoc(raw, `d${i}`, { published: "2023-05-23T12:00:00+02:00" }));
    checkSpans(a);
    const b = runPipeline(toDoc(raw, `d${i}`, { published: "2023-05-23T12:00:00+02:00" }));
    if (snapshot(a) !== snapshot(b)) throw new Error("two runs over the same report differ");
  });
}

export const pipelineInput = fc.tuple(newsText(120), fc.constantFrom<Lang>("nl", "en"));

export function pipelineProperty([text, lang]: [string, Lang]): void {
  const raw = { text: text.trim() ? text : "x", origin: "fuzz", format: "text" as const, language: lang, published: "2023-05-23T12:00:00+02:00" };
  const a = runPipeline(toDoc(raw, "d1"));
  checkSpans(a);
  const b = runPipeline(toDoc(raw, "d1"));
  if (snapshot(a) !== snapshot(b)) throw new Error("two runs over the same text differ");
}

// --- runner -----------------------------------------------------------------------------------------------

interface Progress {
  target: string;
  done: number;
  failure?: string;
  slowestMs?: number;
  slowestInput?: string;
}

/** Runs one target in this thread: fast-check with a fixed seed, so a failure can be replayed. */
export function runTarget(name: string, runs: number, seed: number, onInput?: (i: number) => void): { slowestMs: number; slowestInput: string } {
  // lexicons, the gazetteer and the language detector load on first use: not a cost of any one input
  for (const text of ["De minister zei gisteren in Kyiv dat er twee doden zijn gevallen.", "The minister said in Kyiv on Tuesday that two people were killed."]) {
    runPipeline(toDoc({ text, origin: "warm-up", format: "text", published: "2023-05-23T12:00:00+02:00" }, "w"));
  }
  let i = 0;
  let slowest = 0;
  let slowestInput = "";
  let current = "";
  const timed = (fn: () => void) => {
    onInput?.(i++);
    const a = performance.now();
    fn();
    const ms = performance.now() - a;
    if (ms > slowest) {
      slowest = ms;
      slowestInput = current;
    }
  };
  if (name === "pipeline") {
    fc.assert(fc.property(pipelineInput, (x) => timed(() => pipelineProperty((current = JSON.stringify(x), x)))), { numRuns: runs, seed, endOnFailure: true });
  } else {
    const t = READERS.find((r) => r.name === name);
    if (!t) throw new Error(`no fuzz target ${name}`);
    const dir = mkdtempSync(join(tmpdir(), `sitrep-fuzz-${name}-`));
    try {
      fc.assert(fc.property(t.gen, (input) => timed(() => readerProperty(dir, t, (current = input), i))), { numRuns: runs, seed, endOnFailure: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { slowestMs: slowest, slowestInput };
}

function main(): void {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const runs = Number(arg("--runs") ?? 10_000);
  const seed = Number(arg("--seed") ?? 20230523);
  const hangS = Number(arg("--hang") ?? 30);
  const targets = [...READERS.map((r) => r.name), "pipeline"].filter((t) => !arg("--only") || t === arg("--only"));
  let failed = 0;
  let pending = targets.length;
  for (const target of targets) {
    const started = Date.now();
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: { target, runs, seed } });
    let last = { at: Date.now(), done: 0 };
    const watch = setInterval(() => {
      if (Date.now() - last.at > hangS * 1000) {
        console.log(`${target}: HANG: input ${last.done} has run for over ${hangS} s (seed ${seed})`);
        failed++;
        clearInterval(watch);
        void w.terminate();
      }
    }, 1000);
    w.on("message", (m: Progress) => {
      last = { at: Date.now(), done: m.done };
      if (m.failure !== undefined || m.slowestMs !== undefined) {
        clearInterval(watch);
        if (m.failure) {
          failed++;
          console.log(`${target}: FAILED after ${m.done} inputs:\n${m.failure}`);
        } else {
          console.log(`${target}: ${m.done} inputs, 0 crashes, 0 hangs, spans and determinism checked; slowest input ${m.slowestMs!.toFixed(0)} ms; ${((Date.now() - started) / 1000).toFixed(0)} s`);
          if (process.argv.includes("--show-slowest")) console.log(`  slowest: ${JSON.stringify(m.slowestInput).slice(0, 400)}`);
        }
      }
    });
    w.on("error", (e) => {
      clearInterval(watch);
      failed++;
      console.log(`${target}: worker crashed: ${e.stack ?? e}`);
    });
    w.on("exit", () => {
      clearInterval(watch);
      if (--pending === 0) process.exitCode = failed ? 1 : 0;
    });
  }
}

if (!isMainThread && workerData?.target) {
  const { target, runs, seed } = workerData as { target: string; runs: number; seed: number };
  let done = 0;
  try {
    const r = runTarget(target, runs, seed, (i) => {
      done = i;
      if (i % 50 === 0) parentPort!.postMessage({ target, done: i } satisfies Progress);
    });
    parentPort!.postMessage({ target, done: runs, slowestMs: r.slowestMs, slowestInput: r.slowestInput } satisfies Progress);
  } catch (e) {
    parentPort!.postMessage({ target, done, failure: String((e as Error)?.message ?? e).slice(0, 4000) } satisfies Progress);
  }
} else if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) main();
