import { createHash } from "node:crypto";
import type { Lang } from "../model/doc.js";
import { brief as en } from "../lang/en/brief.js";
import { brief as nl } from "../lang/nl/brief.js";
import type { Cite, ContradictionView, FigureKind, Picture, Proposition, ReportInfo } from "../ledger/picture.js";
import { timexInWords, timexOrder, type BriefLabels } from "./labels.js";
import { quoteWords } from "./quote.js";

const LABELS: Record<Lang, BriefLabels> = { nl, en };

export interface BriefLine {
  text: string;
  /** Original wording of the report, in its own language. */
  quote?: string;
  cites: Cite[];
  isNew?: boolean;
}

export interface BriefSection {
  id: string;
  title: string;
  lines: BriefLine[];
  groups?: { title: string; lines: BriefLine[] }[];
  more?: number;
  /** The section's "more" is a floor, not a count ("… and at least N more"). */
  atLeast?: true;
  /** … and the most it can be ("… and at least 12 more, at most 4,031"), when that is known. */
  upTo?: number;
}

export interface Briefing {
  schema: "sitrep-brief/1";
  lang: Lang;
  title: string;
  basis: string;
  since?: string;
  sections: BriefSection[];
  reports: ReportInfo[];
}

const day = (iso: string) => iso.slice(0, 16).replace("T", " ") + (iso.endsWith("Z") ? " UTC" : "");

/** Turns the fused picture into the briefing's sections, in the reader's language. */
export function composeBriefing(p: Picture, lang: Lang): Briefing {
  const L = LABELS[lang];
  const b = p.basis;
  if (!b.reports) return { schema: "sitrep-brief/1", lang, title: L.title, basis: L.empty, ...(p.since && { since: p.since }), sections: [], reports: [] };
  const basis = L.basis(b.reports, b.outlets, b.first ? day(b.first) : "–", b.last ? day(b.last) : "–", b.languages.join(", ") || "–");
  const who = (name: string) => (name === "the report" ? L.theReport : name);
  const prop = (x: Proposition, prefix = ""): BriefLine => ({
    // a prefix with no count after it ("Russia denies it") ends the line, without a dangling space
    text: (prefix + L.reportsCount(x.reports, x.independent).trim()).trim(),
    quote: quoteWords(x.text, x.cut),
    cites: x.cites,
    ...(x.isNew !== undefined && { isNew: x.isNew }),
  });
  const more = (shown: number, total: number) => (total > shown ? { more: total - shown } : {});
  const sections: BriefSection[] = [];

  sections.push({
    id: "established",
    title: L.sections.established,
    lines: p.established.map((x) => prop(x, x.status === "confirmed" && x.sources.length ? L.confirmedBy(x.sources.join(", ")) + " " : "")),
    ...more(p.established.length, p.totals.established),
  });

  // one speaker, one heading: what several speakers say goes under the heading of one of them who has his
  // own (the one who says most alone: "Kremlin / Vladimir Putin" beside "Vladimir Putin" would split one
  // speaker's claims over two places); else under all their names, never under names of others who did
  // not say it
  const alone = new Map<string, number>();
  for (const x of p.claimed) if (x.sources.length === 1) alone.set(x.sources[0]!, (alone.get(x.sources[0]!) ?? 0) + 1);
  const keyOf = (x: Proposition): string => {
    if (x.heading) return x.heading;
    if (!x.sources.length) return "—";
    const own = x.sources.filter((s) => alone.has(s)).sort((a, b) => alone.get(b)! - alone.get(a)! || (a < b ? -1 : 1))[0];
    return own ?? x.sources.join(" / ");
  };
  const bySource = new Map<string, Proposition[]>();
  for (const x of p.claimed) {
    const k = keyOf(x);
    const l = bySource.get(k) ?? [];
    l.push(x);
    bySource.set(k, l);
  }
  sections.push({
    id: "claims",
    title: L.sections.claims,
    lines: [],
    // the others who say it too are named on the line: a shared claim is not one speaker's alone
    groups: [...bySource].map(([k, xs]) => ({ title: k, lines: xs.map((x) => prop(x, x.also?.length ? L.alsoSaidBy(x.also.join(", ")) + " " : "")) })),
    ...more(p.claimed.length, p.totals.claimed),
  });

  sections.push({
    id: "denied",
    title: L.sections.denied,
    lines: p.denied.map((x) => prop(x, x.sources.length ? L.denies(x.sources.join(", ")) + " " : "")),
    ...more(p.denied.length, p.totals.denied),
  });

  // Differing figures read best as one line per kind with every source's figure.
  const contested: BriefLine[] = [];
  const figureLines = new Map<string, { items: Map<string, string>; cites: Cite[]; isNew: boolean }>();
  // one dispute, one line: a pair whose sides are the words of a pair already shown (one side quoted with
  // its whole sentence, the other's clause alone) says it again
  const overlaps = (x: Cite, y: Cite) => x.doc === y.doc && x.start < y.end && y.start < x.end;
  const shownPairs: ContradictionView[] = [];
  for (const c of p.contradictions) {
    if (c.found.type !== "figures") {
      if (shownPairs.some((s) => (overlaps(s.a.cite, c.a.cite) && overlaps(s.b.cite, c.b.cite)) || (overlaps(s.a.cite, c.b.cite) && overlaps(s.b.cite, c.a.cite)))) continue;
      shownPairs.push(c);
      contested.push(contradictionLine(c, L, who, (doc) => p.reports.find((r) => r.doc === doc)?.source ?? undefined));
      continue;
    }
    // (one line per kind, and of other figures per thing counted: missiles and leaks are two lines)
    const kind = `${c.found.detail.kind!}\u0000${c.measure ?? ""}`;
    let g = figureLines.get(kind);
    if (!g) {
      g = { items: new Map(), cites: [], isNew: false };
      figureLines.set(kind, g);
      contested.push({ text: "", cites: g.cites, ...(p.since && { isNew: false }), kindRef: kind } as BriefLine & { kindRef: string });
    }
    for (const [side, v] of [
      [c.a, c.found.detail.values![0]],
      [c.b, c.found.detail.values![1]],
    ] as const) {
      const k = `${who(side.source)}|${v}`;
      if (g.items.has(k)) continue;
      g.items.set(k, shownFigure(v, side.status, L));
      g.cites.push(side.cite);
    }
    g.isNew ||= !!c.isNew;
  }
  // each source's figure in the order the reports gave them (a toll that rose and fell reads as it went:
  // 27, then 250, then 2000 …), one report's in the order it gives them; the citations in the same order
  const publishedMs = new Map(p.reports.map((r) => [r.doc, Date.parse(r.published)]));
  for (const l of contested as (BriefLine & { kindRef?: string })[]) {
    if (!l.kindRef) continue;
    const g = figureLines.get(l.kindRef)!;
    const items = [...g.items].map(([k, v], i) => ({ who: k.slice(0, k.lastIndexOf("|")), v, cite: g.cites[i]!, i }));
    const at = (x: (typeof items)[number]) => publishedMs.get(x.cite.doc) ?? 0;
    items.sort((x, y) => at(x) - at(y) || (x.cite.doc === y.cite.doc ? x.cite.start - y.cite.start : x.i - y.i));
    g.cites.splice(0, g.cites.length, ...items.map((x) => x.cite));
    const [kind, measure] = l.kindRef.split("\u0000") as [keyof typeof L.kinds, string];
    l.text = L.figuresDiffer(`${L.kinds[kind]}${measure ? ` (${measure})` : ""}`, items.map((x) => [x.who, x.v]));
    if (p.since) l.isNew = g.isNew;
    delete l.kindRef;
  }
  sections.push({
    id: "unclear",
    title: L.sections.unclear,
    lines: [],
    groups: [
      { title: L.sub.unknowns, lines: p.unknowns.map((x) => prop(x)) },
      { title: L.sub.contested, lines: contested },
      { title: L.sub.hedged, lines: p.hedged.map((x) => prop(x, `(${L.status[x.status]}${x.sources.length ? ", " + x.sources.join(", ") : ""}) `)) },
    ],
  });

  // a figure some side of a contradiction gives is in dispute
  const inDispute = (x: Cite) => p.contradictions.some((c) => [c.a.cite, c.b.cite].some((s) => s.doc === x.doc && s.start <= x.start && x.end <= s.end));
  const spread = (f: FigureKind) => {
    const up = risingSeries(f, inDispute);
    return up ? L.rising(up.series, timexInWords(up.latest.slice(0, 10), L)) : L.range(String(f.range[0]), String(f.range[1]));
  };
  sections.push({
    id: "figures",
    title: L.sections.figures,
    lines: [],
    groups: p.figures.map((f) => ({
      title: `${L.kinds[f.kind]}${f.measure ? ` (${f.measure})` : ""} — ${f.agree ? `${f.range[0]}, ${new Set(f.lines.map((l) => l.source)).size > 1 || f.sources > 1 ? L.agree : L.oneSource}` : spread(f)}`,
      // the day each figure was published: a toll that rose reads as a series, not as sources at odds
      lines: f.lines.map((l) => ({ text: `${shownFigure(l.shown, l.status, L)} — ${who(l.source)}, ${timexInWords(l.published.slice(0, 10), L)}`, quote: quoteWords(l.text), cites: [l.cite], ...(l.isNew !== undefined && { isNew: l.isNew }) })),
    })),
    ...(p.totals.figures > 0 && { more: p.totals.figures }),
  });

  sections.push({
    id: "timeline",
    title: L.sections.timeline,
    lines: timelineLines(p, L),
    ...more(p.timeline.length, p.totals.timeline),
  });

  sections.push({
    id: "places",
    title: L.sections.places,
    lines: p.places.map((e) => ({
      text:
        e.name +
        (e.names.length ? ` (${L.alsoKnownAs}: ${e.names.join(", ")})` : "") +
        (e.geo ? ` — ${e.geo.lat.toFixed(3)}, ${e.geo.lon.toFixed(3)}${e.geo.country ? ` ${e.geo.country}` : ""}` : "") +
        ` — ${L.reportsOf(e.reports)}`,
      cites: e.cite ? [e.cite] : [],
    })),
    ...more(p.places.length, p.totals.places),
  });

  sections.push({
    id: "actors",
    title: L.sections.actors,
    lines: p.actors.map((e) => ({
      text: e.name + (e.names.length ? ` (${L.alsoKnownAs}: ${e.names.join(", ")})` : "") + ` — ${L.reportsOf(e.reports)}` + (e.asserts ? `, ${L.asserts(e.asserts)}` : ""),
      cites: e.cite ? [e.cite] : [],
    })),
    ...more(p.actors.length, p.totals.actors),
    ...(p.atLeast?.actors && p.totals.actors > p.actors.length && { atLeast: true as const, ...(p.upTo?.actors !== undefined && { upTo: p.upTo.actors - p.actors.length }) }),
  });

  return { schema: "sitrep-brief/1", lang, title: L.title, basis, ...(p.since && { since: p.since }), sections, reports: p.reports };
}

/**
 * The timeline, earliest first. Times one sentence gives one after the other ("between 2012 and 2014") are one
 * line with both: the same words twice in a row say nothing new, and take the place of another moment.
 */
function timelineLines(p: Picture, L: BriefLabels): BriefLine[] {
  const sorted = [...p.timeline].sort((a, b) => (timexOrder(a.value) < timexOrder(b.value) ? -1 : timexOrder(a.value) > timexOrder(b.value) ? 1 : 0));
  const out: BriefLine[] = [];
  let prev: Picture["timeline"][number] | undefined;
  for (const t of sorted) {
    const when = `${timexInWords(t.value, L)} (${t.text})`;
    const last = out[out.length - 1];
    if (last && prev && prev.cite.doc === t.cite.doc && prev.cite.start === t.cite.start && prev.cite.end === t.cite.end) {
      last.text += `; ${when}`;
      if (t.isNew) last.isNew = true;
    } else out.push({ text: when, quote: quoteWords(t.what, t.cut), cites: [t.cite], ...(t.isNew !== undefined && { isNew: t.isNew }) });
    prev = t;
  }
  return out;
}

/**
 * The figures of a group that only ever go up from one report to a later one ("at least 40" on Friday, 133 on
 * Saturday, 140 on Monday): a toll that rose, read as one series and not as sources that differ. Not when
 * a figure is in dispute, denied or only a guess (an estimate: an exact count in a hedged claim, "two leaks,
 * probably caused by blasts", is none), nor when two differ at the same moment (two sources at odds, not an
 * update).
 */
function risingSeries(f: FigureKind, inDispute: (c: Cite) => boolean): { series: string[]; latest: string } | undefined {
  const xs = f.series;
  if (f.agree || !xs || xs.length < 2) return undefined;
  const series: string[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!, prev = xs[i - 1];
    if (x.status === "denied" || x.disputed || isEstimate(x.shown, x.status) || inDispute(x.cite)) return undefined;
    if (prev && (x.value < prev.value || (x.value !== prev.value && Date.parse(x.published) === Date.parse(prev.published)))) return undefined;
    if (series[series.length - 1] !== x.shown) series.push(x.shown);
  }
  return series.length > 1 ? { series, latest: xs[xs.length - 1]!.published } : undefined;
}

/**
 * A bound or a round figure its source gives only as possible or probable ("possibly up to 20,000") reads as an
 * estimate; an exact count in a hedged claim ("two leaks, probably caused by blasts") is not one.
 */
const isEstimate = (shown: string, status: string) => (status === "possible" || status === "probable") && /^[≤~]/.test(shown);
const shownFigure = (shown: string, status: string, L: BriefLabels) => (isEstimate(shown, status) ? `${shown} ${L.estimate}` : shown);

function contradictionLine(c: ContradictionView, L: BriefLabels, who: (n: string) => string, outletOf: (doc: string) => string | undefined): BriefLine {
  const f = c.found;
  // The denial reads first ("X denies; Y says otherwise"), whichever report came first.
  if (f.type === "denial" && c.b.status === "denied" && c.a.status !== "denied") c = { ...c, a: c.b, b: c.a };
  const a = who(c.a.source), b = who(c.b.source);
  let text: string;
  if (f.type === "figures") text = L.figuresDiffer(`${L.kinds[f.detail.kind!]}${c.measure ? ` (${c.measure})` : ""}`, [[a, shownFigure(f.detail.values![0], c.a.status, L)], [b, shownFigure(f.detail.values![1], c.b.status, L)]]);
  else if (f.type === "opposed") {
    const [la, lb] = f.detail.labels!;
    text = (f.detail.update ? L.settled : L.opposed)(a, L.states[la] ?? la, b, L.states[lb] ?? lb);
  } else if (a === b && c.b.status !== "denied") {
    // one speaker on both sides: the dispute is with the outlet that puts the words in its mouth ("the Red
    // Crescent said 11,300" in one report, its spokesman denying it gave that toll in another), not with itself
    const outlet = outletOf(c.b.cite.doc);
    text = outlet && outlet !== a ? L.deniesSaying(a, outlet) : L.denial(a, L.theReport, f.detail.via ?? "theme");
  } else text = L.denial(a, b, f.detail.via ?? "theme");
  if (c.more) text += " " + L.sayingMore(c.more);
  return { text, quote: `${quoteWords(c.a.text, c.a.cut)}” ⟷ “${quoteWords(c.b.text, c.b.cut)}`, cites: [c.a.cite, c.b.cite], ...(c.isNew !== undefined && { isNew: c.isNew }) };
}

const cite = (c: Cite) => `[${c.doc}:${c.start}–${c.end}]`;

/**
 * A report's address as a link target, or undefined: only http and https. A report can say anything about
 * itself, and a `javascript:` or `data:` address in a saved briefing would run when clicked.
 */
export function safeUrl(u: string | null | undefined): string | undefined {
  if (!u) return undefined;
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Report text in Markdown: nothing in it can become a link, an image or HTML. */
const mdText = (s: string) => s.replace(/[\\[\]<>]/g, "\\$&");

export function renderMarkdown(b: Briefing): string {
  const L = LABELS[b.lang];
  const out: string[] = [`# ${b.title}`, "", `_${b.basis}_`];
  if (b.since) out.push("", `_${L.changesSince(b.since)}_`);
  const line = (l: BriefLine) => {
    const parts = [l.isNew ? `**${L.isNew}** ` : "", l.quote ? `“${mdText(l.quote)}”` : "", l.quote && l.text ? " — " : "", mdText(l.text), l.cites.length ? " " + l.cites.map(cite).join(" ") : ""];
    return `- ${parts.join("").trim()}`;
  };
  for (const s of b.sections) {
    // headings sit right on their lines: the briefing is read on one screen
    out.push("", `## ${s.title}`);
    const empty = !s.lines.length && !(s.groups ?? []).some((g) => g.lines.length);
    if (empty) out.push(b.since ? L.nothingNew : L.none);
    for (const l of s.lines) out.push(line(l));
    for (const g of s.groups ?? []) {
      if (!g.lines.length) continue;
      out.push(`### ${g.title}`);
      for (const l of g.lines) out.push(line(l));
    }
    if (s.more) out.push(s.atLeast ? L.moreAtLeast(s.more, s.upTo) : L.more(s.more));
  }
  if (b.reports.length) out.push("", `## ${L.sections.reports}`);
  for (const r of b.reports) {
    const url = safeUrl(r.url);
    const shown = url ? ` <${url}>` : r.url ? ` \`${r.url.replace(/`/g, "'")}\`` : "";
    out.push(`- ${r.doc}: ${mdText(r.title ?? "—")} — ${mdText(r.source ?? "—")}, ${r.published} (${r.language})${shown}`);
  }
  return out.join("\n") + "\n";
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}q{font-style:italic}.cite{font-size:.8em;color:#555}.new strong{color:#b00}.url{font-family:monospace;word-break:break-all}";

/**
 * The briefing's own content security policy: no script at all, no requests, only its one style sheet.
 * It travels in the file (a meta element), and the server sends it as the header of the served briefing.
 */
export const BRIEF_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

export function renderHtml(b: Briefing): string {
  const L = LABELS[b.lang];
  const line = (l: BriefLine) =>
    `<li${l.isNew ? ' class="new"' : ""}>${l.isNew ? `<strong>${esc(L.isNew)}</strong> ` : ""}${l.quote ? `<q>${esc(l.quote)}</q>` : ""}${l.quote && l.text ? " — " : ""}${esc(l.text)}${l.cites
      .map((c) => ` <a class="cite" href="#${esc(c.doc)}" data-start="${c.start}" data-end="${c.end}">${esc(cite(c))}</a>`)
      .join("")}</li>`;
  const parts: string[] = [
    `<!doctype html><html lang="${b.lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${esc(BRIEF_CSP)}">`,
    `<meta name="referrer" content="no-referrer"><title>${esc(b.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${esc(b.title)}</h1><p><em>${esc(b.basis)}</em></p>`,
  ];
  if (b.since) parts.push(`<p><em>${esc(L.changesSince(b.since))}</em></p>`);
  for (const s of b.sections) {
    parts.push(`<section id="${s.id}"><h2>${esc(s.title)}</h2>`);
    if (!s.lines.length && !(s.groups ?? []).some((g) => g.lines.length)) parts.push(`<p>${esc(b.since ? L.nothingNew : L.none)}</p>`);
    if (s.lines.length) parts.push(`<ul>${s.lines.map(line).join("")}</ul>`);
    for (const g of s.groups ?? []) if (g.lines.length) parts.push(`<h3>${esc(g.title)}</h3><ul>${g.lines.map(line).join("")}</ul>`);
    if (s.more) parts.push(`<p>${esc(s.atLeast ? L.moreAtLeast(s.more, s.upTo) : L.more(s.more))}</p>`);
    parts.push(`</section>`);
  }
  if (b.reports.length) {
    parts.push(`<section id="reports"><h2>${esc(L.sections.reports)}</h2><ul>`);
    for (const r of b.reports) {
      const url = safeUrl(r.url);
      const shown = url ? ` <a href="${esc(url)}" rel="noopener noreferrer nofollow">${esc(url)}</a>` : r.url ? ` <span class="url">${esc(r.url)}</span>` : "";
      parts.push(`<li id="${esc(r.doc)}">${esc(r.doc)}: ${esc(r.title ?? "—")} — ${esc(r.source ?? "—")}, ${esc(r.published)} (${esc(r.language)})${shown}</li>`);
    }
    parts.push(`</ul></section>`);
  }
  parts.push(`</body></html>`);
  return parts.join("\n") + "\n";
}

export function renderBriefing(b: Briefing, format: "md" | "html" | "json"): string {
  if (format === "json") return JSON.stringify(b, null, 2) + "\n";
  if (format === "html") return renderHtml(b);
  return renderMarkdown(b);
}
