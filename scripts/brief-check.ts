// node dist/scripts/brief-check.js [EVENT…] [--lang en|nl] [--verbose]: ingests each devset event's reports into a
// fresh ledger, writes its default briefing (JSON) and checks every line it can against the event's CROSS.md
// (its JSON block: contradictions, corroborations, figures, timeline and the editor's briefing). What it cannot
// decide it marks "read" for a person to check. A development tool: reads ../shared at run time only, ships
// nothing, and says so and stops when ../shared is absent.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Briefing, BriefLine } from "../src/brief/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const devset = resolve(root, "../shared/devset");
if (!existsSync(devset)) {
  console.log(`brief-check: ../shared/devset is not here (looked in ${devset}); nothing to check`);
  process.exit(0);
}
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const langAt = args.indexOf("--lang");
const langs = langAt >= 0 ? [args[langAt + 1]!] : ["en", "nl"];
const wanted = args.filter((a, i) => !a.startsWith("--") && !(langAt >= 0 && i === langAt + 1));
const events = readdirSync(devset, { withFileTypes: true }).filter((d) => d.isDirectory() && (!wanted.length || wanted.includes(d.name))).map((d) => d.name).sort();
const sitrep = (...a: string[]) => {
  const r = spawnSync("node", [join(root, "bin/sitrep.js"), ...a], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`sitrep ${a[0]} failed: ${r.stderr}`);
  return r.stdout;
};

interface XClaim { report: string; claim?: string; anchor: string; status?: string; source?: string | null; kind?: string; value?: number; text?: string; value_t?: string }
interface Tag { what: string; start: number; end: number; claim: XClaim }

/** A report's body as the ledger stores it (after the front matter) and its address. */
function readReport(file: string) {
  const raw = readFileSync(file, "utf8");
  const m = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  const url = m ? /^url:\s*"?([^"\n]*)"?/m.exec(m[1]!)?.[1] : undefined;
  return { body: m ? raw.slice(m[0].length) : raw, url };
}

const norm = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * The pairs of claims CROSS §5 lists as contradicting each other inside one report, each side as its claim in
 * that report's gold file. The paragraph is prose: a two-digit report key before a claim id opens a report, and
 * "cA/cB" or "cA vs cB" is a pair of it; numbers in the explanations ("27 official vs ≥250") are neither.
 */
function inReportPairs(crossMd: string, files: string[], dir: string): [XClaim, XClaim][] {
  const s5 = crossMd.slice(crossMd.search(/^## 5\./m), crossMd.search(/^## 6\./m));
  const out: [XClaim, XClaim][] = [];
  for (const para of s5.split(/\n\s*\n|\n(?=- )/)) {
    const at = para.search(/inside (single )?reports?/i);
    if (at < 0) continue;
    // what CROSS says is not a contradiction follows in the same paragraph
    const text = para.slice(at).split(/Not contradictions/i)[0]!;
    let report: string | undefined;
    for (const m of text.matchAll(/\b(\d{2}) (?=c\d+\b)|\bc(\d+)\s*(?:\/|vs\.?)\s*c(\d+)\b/g)) {
      if (m[1]) report = files.find((f) => f.startsWith(`${m[1]}_`));
      else if (report) {
        const gold = join(dir, "gold", report.replace(/\.txt$/, ".gold.json"));
        if (!existsSync(gold)) continue;
        const claims = (JSON.parse(readFileSync(gold, "utf8")) as { claims: { id: string; anchor: string }[] }).claims;
        const side = (id: string): XClaim | undefined => {
          const c = claims.find((x) => x.id === `c${id.padStart(2, "0")}`);
          return c && { report: report!, claim: c.id, anchor: c.anchor };
        };
        const a = side(m[2]!), b = side(m[3]!);
        if (a && b) out.push([a, b]);
      }
    }
  }
  return out;
}

type Verdict = "ok" | "read" | `wrong: ${string}`;
interface Checked { section: string; group?: string; line: string; verdict: Verdict }

function check(event: string, lang: string): { md: number; checked: Checked[] } {
  const dir = join(devset, event);
  const crossMd = readFileSync(join(dir, "CROSS.md"), "utf8");
  const cross = JSON.parse(crossMd.slice(crossMd.lastIndexOf("```json") + 7, crossMd.lastIndexOf("```")));
  const files = readdirSync(join(dir, "corpus")).filter((f) => f.endsWith(".txt")).sort();
  const reports = new Map(files.map((f) => [f, readReport(join(dir, "corpus", f))]));
  const tmp = mkdtempSync(join(tmpdir(), "brief-check-"));
  let b: Briefing, md: string;
  try {
    const db = join(tmp, "l.db");
    sitrep("ingest", "--db", db, ...files.map((f) => join(dir, "corpus", f)));
    b = JSON.parse(sitrep("brief", "--db", db, "--lang", lang, "--format", "json")) as Briefing;
    md = sitrep("brief", "--db", db, "--lang", lang);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const fileOfDoc = new Map<string, string>();
  for (const r of b.reports) for (const [f, x] of reports) if (x.url && r.url === x.url) fileOfDoc.set(r.doc, f);

  // every anchor of CROSS, placed in its report
  const tags = new Map<string, Tag[]>();
  const tag = (what: string, c: XClaim) => {
    const body = reports.get(c.report)?.body;
    const at = body?.indexOf(c.anchor) ?? -1;
    if (at < 0) return;
    const l = tags.get(c.report) ?? tags.set(c.report, []).get(c.report)!;
    l.push({ what, start: at, end: at + c.anchor.length, claim: c });
  };
  for (const x of cross.contradictions ?? []) (tag(`${x.id}:a`, x.a), tag(`${x.id}:b`, x.b));
  for (const k of cross.corroborations ?? []) for (const c of k.claims ?? []) tag(k.id, c);
  (cross.figures ?? []).forEach((g: { figures: XClaim[] }, i: number) => g.figures.forEach((c) => tag(`F${i}`, c)));
  for (const t of cross.timeline ?? []) for (const c of [...(t.times ?? []), ...(t.claims ?? [])]) tag(`T:${t.value}`, { ...c, value_t: t.value });
  for (const [sec, items] of Object.entries(cross.briefing ?? {}))
    for (const it of items as { claims?: XClaim[]; unknowns?: XClaim[] }[]) for (const c of [...(it.claims ?? []), ...(it.unknowns ?? [])]) tag(`B:${sec}`, c);
  for (const u of cross.unknowns ?? []) tag("B:unknown", u);
  // contradictions inside one report: CROSS §5 names them by report key and claim ids ("01 c04/c08, c04/c10",
  // "Inside reports: 04 c07 vs c10"); their anchors are the claims' in the report's gold file
  inReportPairs(crossMd, files, dir).forEach(([a, c], i) => (tag(`I${i}:a`, a), tag(`I${i}:b`, c)));

  // a contradiction of CROSS holds for every claim of a proposition CROSS lists as corroborated (K): the
  // briefing may show any report's words for it ("Poland and NATO said … Ukrainian air defence" for Duda's)
  const kOf = new Map<string, string[]>();
  for (const k of cross.corroborations ?? []) for (const c of (k.claims ?? []) as XClaim[]) if (c.claim) (kOf.get(`${c.report}|${c.claim}`) ?? kOf.set(`${c.report}|${c.claim}`, []).get(`${c.report}|${c.claim}`)!).push(k.id);
  const xOfK = new Map<string, Set<string>>();
  for (const x of cross.contradictions ?? []) for (const c of [x.a, x.b] as XClaim[]) for (const k of kOf.get(`${c.report}|${c.claim}`) ?? []) (xOfK.get(k) ?? xOfK.set(k, new Set()).get(k)!).add(x.id);
  const tagsOf = (cite: { doc: string; start: number; end: number }) => {
    const f = fileOfDoc.get(cite.doc);
    return f ? (tags.get(f) ?? []).filter((t) => t.start < cite.end && cite.start < t.end) : [];
  };
  // a CROSS anchor may hold two figures ("forty dead and a hundred wounded"): a line's figure is of the
  // topic whose figure has the line's value
  const valuesIn = (t: string) => new Set([...t.replace(/(\d)[.,](\d{3})/g, "$1$2").matchAll(/\d+/g)].map((m) => Number(m[0])));
  const figureTopics = (l: BriefLine, ts: Tag[]) => {
    const vs = valuesIn(l.text.split(" — ")[0]!.split(" according to ").join(" ").split(" volgens ").join(" "));
    const fs = ts.filter((t) => /^F/.test(t.what));
    const byValue = fs.filter((t) => t.claim.value === undefined || vs.has(t.claim.value));
    return new Set((byValue.length ? byValue : fs).map((t) => t.what));
  };
  // figure topics CROSS sets against each other in a contradiction are one dispute (derna: the toll as it
  // rose, F0, and after the revision, F1, are X08/X09): a line with both sets no different measures apart
  const joined = new Map<string, string>();
  const rootOf = (t: string): string => (joined.has(t) && joined.get(t) !== t ? rootOf(joined.get(t)!) : t);
  {
    const fTagsAt = (c: XClaim) => {
      const body = reports.get(c.report)?.body;
      const at = body?.indexOf(c.anchor) ?? -1;
      return at < 0 ? [] : (tags.get(c.report) ?? []).filter((t) => /^F/.test(t.what) && t.start < at + c.anchor.length && at < t.end).map((t) => t.what);
    };
    for (const x of cross.contradictions ?? [])
      for (const a of fTagsAt(x.a)) for (const b of fTagsAt(x.b)) if (rootOf(a) !== rootOf(b)) joined.set(rootOf(a), rootOf(b));
  }
  const statusesOf = (ts: Tag[]) => new Set(ts.filter((t) => t.claim.status).map((t) => t.claim.status!));
  const out: Checked[] = [];
  const push = (section: string, group: string | undefined, l: BriefLine, verdict: Verdict) =>
    out.push({ section, ...(group && { group }), line: `${l.quote ? `“${l.quote.slice(0, 90)}” ` : ""}${l.text.slice(0, 120)}`, verdict });

  for (const s of b.sections) {
    const groups = [{ title: undefined as string | undefined, lines: s.lines }, ...(s.groups ?? []).map((g) => ({ title: g.title, lines: g.lines }))];
    // one heading per speaker
    if (s.id === "claims") {
      // the same heading twice, or the unnamed source under two names
      const seen = new Map<string, number>();
      for (const g of s.groups ?? []) seen.set(norm(g.title), (seen.get(norm(g.title)) ?? 0) + 1);
      for (const [n, k] of seen) if (k > 1) out.push({ section: s.id, group: n, line: "(heading)", verdict: `wrong: heading "${n}" ${k} times` });
      const unnamed = (s.groups ?? []).filter((g) => /^(—|unnamed|niet genoemd)/i.test(g.title.split(" / ").find((x) => /unnamed|niet genoemd|^—$/i.test(x)) ?? "x"));
      if (unnamed.length > 1) out.push({ section: s.id, line: "(heading)", verdict: `wrong: the unnamed source heads ${unnamed.length} groups` });
    }
    for (const g of groups)
      for (const l of g.lines) {
        const ts = l.cites.flatMap(tagsOf);
        const st = statusesOf(ts);
        const xs = ts.filter((t) => /^X/.test(t.what));
        if (s.id === "established") {
          // one report stating it in its own voice is enough; others may attribute it
          if (st.size && !st.has("established") && !st.has("confirmed")) push(s.id, g.title, l, `wrong: CROSS reads it ${[...st].join("/")}`);
          else if (xs.length) push(s.id, g.title, l, `wrong: disputed in CROSS (${xs.map((t) => t.what).join(", ")})`);
          else if (ts.some((t) => t.what === "B:established" || /^K/.test(t.what))) push(s.id, g.title, l, "ok");
          else push(s.id, g.title, l, "read");
        } else if (s.id === "denied") {
          push(s.id, g.title, l, st.has("denied") ? "ok" : st.size ? `wrong: CROSS reads it ${[...st].join("/")}` : "read");
        } else if (s.id === "claims") {
          if (st.size && [...st].every((x) => x === "established")) push(s.id, g.title, l, "wrong: CROSS reads it established in the report's own voice");
          else push(s.id, g.title, l, st.size ? "ok" : "read");
        } else if (s.id === "unclear" && g.title && l.cites.length === 2 && l.quote?.includes("⟷")) {
          // a contested pair is right when CROSS lists the two claims as one contradiction
          const [a, c] = l.cites.map((x) => new Set(tagsOf(x).flatMap((t) => (/^[XI]/.test(t.what) ? [t.what.split(":")[0]!] : /^K/.test(t.what) ? [...(xOfK.get(t.what) ?? [])] : []))));
          const side = (x: Set<string>) => [...x].join("/") || "none";
          push(s.id, g.title, l, [...a!].some((x) => c!.has(x)) ? "ok" : `wrong: not a contradiction of CROSS (sides: ${side(a!)} ⟷ ${side(c!)})`);
        } else if (s.id === "unclear" && g.title && !l.quote) {
          // differing figures: one CROSS figure topic, and at least two values
          const topics = new Set([...figureTopics(l, l.cites.flatMap(tagsOf))].map(rootOf));
          push(s.id, g.title, l, topics.size > 1 ? "wrong: figures of different measures set against each other" : topics.size ? "read" : "read");
        } else if (s.id === "figures") {
          push(s.id, g.title, l, ts.some((t) => /^F/.test(t.what)) ? "ok" : "read");
        } else if (s.id === "timeline") {
          const vals = ts.filter((t) => t.claim.value_t).map((t) => t.claim.value_t!);
          push(s.id, g.title, l, "read" + (vals.length ? ` (CROSS: ${[...new Set(vals)].join(", ")})` : "") as Verdict);
        } else push(s.id, g.title, l, "read");
      }
    if (s.id === "figures")
      for (const g of s.groups ?? []) {
        const topics = new Set(g.lines.flatMap((l) => [...figureTopics(l, l.cites.flatMap(tagsOf))]));
        if (topics.size > 1) out.push({ section: s.id, group: g.title, line: "(heading)", verdict: `wrong: one heading over ${topics.size} CROSS figure topics` });
      }
    if (s.id === "timeline") {
      const order = s.lines.map((l) => l.text);
      out.push({ section: s.id, line: "(order)", verdict: "read" });
      void order;
    }
  }
  return { md: md.trimEnd().split("\n").length, checked: out };
}

const rows: string[] = [];
for (const ev of events)
  for (const lang of langs) {
    const { md, checked } = check(ev, lang);
    const wrong = checked.filter((c) => c.verdict.startsWith("wrong"));
    const ok = checked.filter((c) => c.verdict === "ok").length;
    rows.push(`| ${ev} | ${lang} | ${md} | ${checked.length} | ${ok} | ${wrong.length} | ${checked.length - ok - wrong.length} |`);
    console.log(`\n# ${ev} ${lang}: ${md} lines; ${checked.length} checked by script: ${ok} ok, ${wrong.length} wrong, ${checked.length - ok - wrong.length} to read`);
    for (const c of checked) if (verbose || c.verdict !== "ok") console.log(`  [${c.verdict}] ${c.section}${c.group ? ` / ${c.group}` : ""}: ${c.line}`);
  }
console.log("\n| event | lang | lines | checked | ok | wrong | to read |\n|---|---|---|---|---|---|---|\n" + rows.join("\n"));
