// Readers on pages and feeds as they come: furniture after the article, dates in JSON-LD, <meta> and
// <time>, markup that leaks into the text, a report in a language sitrep has no lexicons for, one bad item
// among good ones. All pages and feeds here are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IngestError, languageWarning, readFileReports, readReports, toDoc, type RawReport } from "../src/ingest/index.js";
import { readHtml } from "../src/ingest/html.js";
import { anyDateToIso } from "../src/ingest/dates.js";
import { runPipeline } from "../src/pipeline/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const dir = mkdtempSync(join(tmpdir(), "sitrep-pages-"));
let n = 0;
function file(name: string, content: string): string {
  const p = join(dir, `${++n}-${name}`);
  writeFileSync(p, content);
  return p;
}
function sitrep(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 26, cwd: dir });
}

const P1 =
  "Firefighters brought the blaze at the Harbour Road warehouse under control early on Sunday, the fire service said. " +
  "Two workers were taken to hospital with smoke inhalation.";
const P2 =
  "The cause of the fire is not yet known. Police have closed the road between the ferry terminal and the fish market " +
  "and asked residents to keep their windows shut while the smoke clears.";
const P3 = "A spokeswoman for the port authority said ferries would run to the normal timetable on Monday.";

function page(opts: { head?: string; article?: string; after?: string; lang?: string }): string {
  return `<!doctype html><html${opts.lang ? ` lang="${opts.lang}"` : ""}><head><meta charset="utf-8"><title>Warehouse fire under control | Harbour Gazette</title>${opts.head ?? ""}</head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Warehouse fire under control</h1>${opts.article ?? `<p>${P1}</p><p>${P2}</p><p>${P3}</p>`}${opts.after ?? ""}</article></main>
<footer><p>© Harbour Gazette</p></footer></body></html>`;
}

test("pages: link lists, related headlines and 'Read more' after the article are not part of the report", () => {
  const r = readHtml(
    page({
      after:
        `<h3>More on this story</h3><ul><li><a href="/a">Harbour fire: what we know so far</a></li>` +
        `<li><a href="/b">Ferry services resume after storm damage</a></li></ul>` +
        `<p><a href="/c">Read more: Port authority plans new fire station</a></p>`,
    }),
  );
  assert.deepEqual(r.text.split("\n\n"), [P1, P2, P3]);
});

test("pages: a paragraph with a link inside running text stays; only paragraphs that are mostly links go", () => {
  const withLink = `The port authority published <a href="/r">its safety report</a> on the warehouse in March, which found no faults.`;
  const r = readHtml(page({ article: `<p>${P1}</p><p>${P2}</p><p>${withLink}</p>` }));
  assert.deepEqual(r.text.split("\n\n"), [P1, P2, "The port authority published its safety report on the warehouse in March, which found no faults."]);
});

test("pages: CSS and class names that leak into the text are dropped, wherever they are", () => {
  const r = readHtml(
    page({
      article: `<p>${P1}</p><p>.story-body__inner{margin:0 auto;max-width:640px}.story-body__link{color:#1a1a1a}</p><p>${P2}</p><p>${P3}</p><p>css-1dbjc4n r-18u37iz r-1wtj0ep js-share-bar</p>`,
    }),
  );
  assert.deepEqual(r.text.split("\n\n"), [P1, P2, P3]);
});

test("pages: a wrapper whose class names a furniture word ('layout--sidebar') but holds the article is read", () => {
  const html = `<!doctype html><html><head><title>Fire</title></head><body><div class="layout layout--with-sidebar has-ads">
<div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div><div class="ad-slot"><p>Advertisement: half-price sofas all week at Comfy Homes.</p></div></div></body></html>`;
  const r = readHtml(html);
  assert.deepEqual(r.text.split("\n\n"), [P1, P2, P3]);
});

test("pages: text after stray end tags and content a browser moves out of <head> is read", () => {
  // a browser closes <head> at the first <div>, and reads on after a stray </html>
  const html = `<html><head><title>Harbour fire</title><div class="story"><p>${P1}</p></div></head></html><p>${P2}</p><p>${P3}</p>`;
  const r = readHtml(html);
  assert.deepEqual(r.text.split("\n\n"), [P1, P2, P3]);
});

test("pages: broken markup gives a clear reason, never a JavaScript error", () => {
  for (const bad of ["</html>", "<!--", "<template><p>x</p></template>", "<![CDATA[x]]>", "<html><frameset><frame src=x></frameset></html>"]) {
    const path = file("broken.html", bad);
    try {
      readReports(path);
      assert.fail(`no error for ${JSON.stringify(bad)}`);
    } catch (e) {
      assert.ok(e instanceof IngestError, `${JSON.stringify(bad)}: ${e}`);
      assert.equal(e.message, `${path}: no article text found in the HTML page`);
    }
  }
});

test("dates: JSON-LD datePublished wins over dateCreated and dateModified, wherever in the graph it is", () => {
  const ld = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "NewsArticle", headline: "Warehouse fire under control", dateCreated: "2024-03-09T22:10:00+00:00", dateModified: "2024-03-10T16:00:00+00:00" },
      { "@type": "WebPage", datePublished: "2024-03-10T07:45:00+00:00" },
    ],
  };
  const r = readHtml(page({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` }));
  assert.equal(r.published, "2024-03-10T07:45:00+00:00");
  const only = { "@context": "https://schema.org", "@type": "NewsArticle", dateModified: "2024-03-10T16:00:00+00:00", dateCreated: "2024-03-09T22:10:00+00:00" };
  assert.equal(readHtml(page({ head: `<script type="application/ld+json">${JSON.stringify(only)}</script>` })).published, "2024-03-09T22:10:00+00:00");
});

test("dates: article:published_time, then <time>, before anything the page says about changes", () => {
  const meta = `<meta property="article:modified_time" content="2024-03-11T09:00:00+01:00"><meta property="article:published_time" content="2024-03-10T08:30:00+01:00">`;
  assert.equal(readHtml(page({ head: meta })).published, "2024-03-10T08:30:00+01:00");
  const time = `<p class="meta">Published <time datetime="2024-03-10T08:30:00+01:00">10 March</time></p><p>${P1}</p><p>${P2}</p>`;
  const r = readHtml(page({ head: `<meta property="article:modified_time" content="2024-03-11T09:00:00+01:00">`, article: time }));
  assert.equal(r.published, "2024-03-10T08:30:00+01:00");
});

test("dates: metadata dates written for people are read; a day without a zone stays a day", () => {
  assert.equal(anyDateToIso("May 23, 2023"), "2023-05-23");
  assert.equal(anyDateToIso("Tuesday, 23 May 2023"), "2023-05-23");
  assert.equal(anyDateToIso("May 23, 2023 10:15"), "2023-05-23");
  assert.equal(anyDateToIso("May 23, 2023 3:05 PM EDT"), "2023-05-23T15:05:00-04:00");
  assert.equal(anyDateToIso("Sept. 4, 2023, 11:30 a.m. +02:00"), "2023-09-04T11:30:00+02:00");
  assert.equal(anyDateToIso("Tue May 23 2023 10:00:00 GMT+0200 (Central European Summer Time)"), "2023-05-23T10:00:00+02:00");
  for (const bad of ["Mayday 23, 2023", "February 30, 2023", "May 23, 2023 13:05 PM", "23 Smarch 2023"]) assert.equal(anyDateToIso(bad), undefined, bad);
  const r = readHtml(page({ head: `<meta name="date" content="March 10, 2024 8:30 AM GMT">` }));
  assert.equal(r.published, "2024-03-10T08:30:00+00:00");
});

test("dates: a page's own date beats the file's time; without one the file's time is used and says so", () => {
  const dated = file("dated.html", page({ head: `<meta property="article:published_time" content="2024-03-10T08:30:00+01:00">` }));
  utimesSync(dated, new Date("2026-01-07T12:00:00Z"), new Date("2026-01-07T12:00:00Z"));
  const d1 = toDoc(readReports(dated)[0]!, "d1");
  assert.equal(d1.meta.published, "2024-03-10T08:30:00+01:00");
  assert.equal(d1.meta.publishedFrom, "metadata");
  const undated = file("undated.html", page({}));
  utimesSync(undated, new Date("2026-01-07T12:00:00Z"), new Date("2026-01-07T12:00:00Z"));
  const d2 = toDoc(readReports(undated)[0]!, "d2");
  assert.equal(d2.meta.published, "2026-01-07T12:00:00.000Z");
  // the flag the times stage reads to leave "on Wednesday" unresolved rather than date it to the file
  assert.equal(d2.meta.publishedFrom, "file-mtime");
});

const RSS = (items: string, lang = "") => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example.org/</link>${lang}
${items}
</channel></rss>`;

test("feeds: 'Continue reading…' and 'The post … appeared first on …' are cut from every item", () => {
  const path = file(
    "feed.xml",
    RSS(
      `<item><title>Warehouse fire</title><link>https://gazette.example.org/fire</link><pubDate>Sun, 10 Mar 2024 08:30:00 +0000</pubDate>
<description><![CDATA[<p>${P1}</p><p>${P2}</p><a href="https://gazette.example.org/fire">Continue reading...</a>]]></description></item>
<item><title>Ferries</title><link>https://gazette.example.org/ferries</link><pubDate>Sun, 10 Mar 2024 09:30:00 +0000</pubDate>
<description><![CDATA[<p>${P3}</p><p>The post <a href="https://gazette.example.org/ferries">Ferries back on Monday</a> appeared first on <a href="https://gazette.example.org">Harbour Gazette</a>.</p>]]></description></item>
<item><title>Plain</title><link>https://gazette.example.org/plain</link><pubDate>Sun, 10 Mar 2024 10:30:00 +0000</pubDate>
<description>${P2} Continue reading...</description></item>`,
    ),
  );
  const items = readReports(path);
  assert.deepEqual(
    items.map((r) => r.text),
    [`${P1}\n\n${P2}`, P3, P2],
  );
});

test("feeds: an item without text is skipped with a line naming it, the others are kept", () => {
  const path = file(
    "gaps.xml",
    RSS(
      `<item><title>One</title><link>https://gazette.example.org/1</link><description>${P1}</description></item>
<item><title>Photo only</title><link>https://gazette.example.org/2</link><description><![CDATA[<img src="x.jpg">]]></description></item>
<item><title>Three</title><link>https://gazette.example.org/3</link><description>${P3}</description></item>`,
    ),
  );
  const errors: string[] = [];
  const reports = readReports(path, { onItemError: (e) => errors.push(e.message) });
  assert.deepEqual(reports.map((r) => r.title), ["One", "Three"]);
  assert.deepEqual(errors, [`${path}: item 2: has no description or content`]);
});

const DE =
  "Die Feuerwehr hat den Brand in der Lagerhalle am Hafen am frühen Sonntagmorgen unter Kontrolle gebracht. " +
  "Zwei Arbeiter wurden mit Rauchvergiftungen ins Krankenhaus gebracht, teilte ein Sprecher der Polizei mit. " +
  "Die Ursache des Feuers ist noch unbekannt; die Straße zum Fähranleger bleibt vorerst gesperrt.";

test("languages: a German report is stored with its language and a warning, and nothing is extracted from it", () => {
  const raw: RawReport = { text: DE, origin: "bericht.txt", format: "text", published: "2024-03-10T09:00:00+01:00" };
  const doc = runPipeline(toDoc(raw, "d1"));
  assert.equal(doc.meta.otherLanguage, "de");
  assert.equal(doc.meta.languageFrom, "detected");
  assert.ok(doc.sentences.length >= 3, "still split into sentences");
  assert.deepEqual([doc.claims.length, doc.counts.length, doc.times.length, doc.mentions.length, doc.events.length], [0, 0, 0, 0, 0]);
  assert.equal(
    languageWarning(doc),
    "bericht.txt: written in German (de), a language sitrep has no lexicons for: stored without claims, statuses or figures (--lang nl|en forces one)",
  );
  // --lang forces a language: then the report is read as that language
  const forced = toDoc(raw, "d2", { lang: "en" });
  assert.equal(forced.meta.otherLanguage, undefined);
  assert.equal(forced.meta.language, "en");
  assert.equal(forced.meta.languageFrom, "flag");
});

test("languages: Dutch and English reports are not mistaken for another language", () => {
  const nl = toDoc({ text: "De brandweer heeft de brand in het pakhuis aan de haven vannacht onder controle gekregen. Twee medewerkers zijn met rookvergiftiging naar het ziekenhuis gebracht.", origin: "x", format: "text" }, "d1");
  const en = toDoc({ text: `${P1} ${P2}`, origin: "y", format: "text" }, "d2");
  assert.deepEqual([nl.meta.language, nl.meta.otherLanguage, en.meta.language, en.meta.otherLanguage], ["nl", undefined, "en", undefined]);
  assert.equal(languageWarning(nl), undefined);
});

test("languages: a German item in an Atom feed is kept, marked, and the Dutch item beside it read as Dutch", () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hafenblatt</title>
<entry><title>Brand im Hafen</title><link href="https://hafen.example.de/brand"/><updated>2024-03-10T08:30:00+01:00</updated><content type="text">${DE}</content></entry>
<entry xml:lang="nl"><title>Brand in haven</title><link href="https://hafen.example.de/nl/brand"/><updated>2024-03-10T08:40:00+01:00</updated><content type="text">De brandweer heeft de brand in het pakhuis aan de haven vannacht onder controle gekregen, zegt een woordvoerder.</content></entry>
</feed>`;
  const docs = readReports(file("hafen.atom", atom)).map((r, i) => runPipeline(toDoc(r, `d${i + 1}`)));
  assert.deepEqual(docs.map((d) => [d.meta.otherLanguage, d.meta.language]), [["de", "nl"], [undefined, "nl"]]);
  assert.equal(docs[0]!.claims.length, 0);
  assert.ok(docs[1]!.claims.length > 0);
});

test("languages: a feed that says English over a German item does not make it English", () => {
  const path = file(
    "mixed.xml",
    RSS(
      `<item><title>Brand</title><link>https://hafen.example.de/brand</link><description>${DE}</description></item>
<item><title>Fire</title><link>https://gazette.example.org/fire</link><description>${P1} ${P2}</description></item>`,
      "<language>en-GB</language>",
    ),
  );
  const docs = readReports(path).map((r, i) => toDoc(r, `d${i + 1}`));
  assert.deepEqual(docs.map((d) => [d.meta.language, d.meta.languageFrom, d.meta.otherLanguage]), [["en", "metadata", "de"], ["en", "metadata", undefined]]);
});

test("languages: front matter and JSON lines may state a language sitrep does not read; a non-code is still an error", () => {
  const fm = readReports(file("de.txt", `---\nlanguage: de\npublished: 2024-03-10T09:00:00+01:00\n---\n${DE}\n`))[0]!;
  assert.equal(toDoc(fm, "d1").meta.otherLanguage, "de");
  const r = readFileReports(file("lines.jsonl", `${JSON.stringify({ text: DE, language: "de" })}\n${JSON.stringify({ text: P1, language: "klingon!" })}\n`));
  assert.equal(r.reports.length, 1);
  assert.equal(r.errors[0]!.message.endsWith(`:2: "language" must be a language code such as nl, en or de, not "klingon!"`), true, r.errors[0]!.message);
});

test("Telegram: one message with a bad date is skipped with a line naming it; the export is kept", () => {
  const msg = (id: number, extra: Record<string, unknown> = {}) => ({
    id,
    type: "message",
    date: "2024-03-10T09:15:00",
    date_unixtime: "1710058500",
    text: `Bericht ${id}: de brandweer meldt dat de brand in het pakhuis onder controle is.`,
    ...extra,
  });
  const path = file(
    "result.json",
    JSON.stringify({
      name: "Havenkanaal",
      type: "public_channel",
      messages: [msg(1), msg(2, { date: "2024-13-45T99:00:00", date_unixtime: "soon" }), msg(3, { date_unixtime: "1e300" }), null, msg(5)],
    }),
  );
  const r = readFileReports(path);
  assert.deepEqual(r.reports.map((x) => x.item), ["message 1", "message 3", "message 5"]);
  assert.equal(r.reports[1]!.published, "2024-03-10T09:15:00Z", "an impossible unix time falls back to the wall-clock date");
  assert.deepEqual(
    r.errors.map((e) => e.message),
    [`${path}: message 2: has no valid date (date "2024-13-45T99:00:00", date_unixtime "soon")`, `${path}: message #4: is not a JSON object`],
  );
});

test("ingest: skipped items are named one line each, counted in the summary, and make the exit code 1", () => {
  const jsonl = file(
    "items.jsonl",
    [JSON.stringify({ text: P1, published: "2024-03-10T09:00:00+00:00", language: "en" }), "{not json", JSON.stringify({ title: "empty", text: "  " }), JSON.stringify({ text: P3, published: "2024-03-10T10:00:00+00:00", language: "en" })].join("\n"),
  );
  const db = join(dir, `ledger-${n}.db`);
  const r = sitrep("ingest", jsonl, "--db", db);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^2 added, 0 unchanged, 0 updated, 0 failed, 2 skipped \(2 reports\)$/m);
  assert.match(r.stderr, new RegExp(`^sitrep: ${jsonl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2: not valid JSON`, "m"));
  assert.match(r.stderr, new RegExp(`^sitrep: ${jsonl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: has no "text" \\(skipped\\)$`, "m"));
  const e = sitrep("extract", jsonl, "--format", "json");
  assert.equal(e.status, 1);
  assert.equal(JSON.parse(e.stdout).documents.length, 2);
});

test("extract: a German page prints one warning line and yields no claims", () => {
  const path = file("seite.html", `<!doctype html><html lang="de"><head><title>Brand im Hafen</title><meta property="article:published_time" content="2024-03-10T08:30:00+01:00"></head><body><article><p>${DE}</p></article></body></html>`);
  const r = sitrep("extract", path, "--format", "json");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, `sitrep: warning: ${path}: written in German (de), a language sitrep has no lexicons for: stored without claims, statuses or figures (--lang nl|en forces one)\n`);
  const exp = JSON.parse(r.stdout);
  assert.equal(exp.claims.length, 0);
  assert.equal(exp.counts.length, 0);
  assert.equal(exp.documents[0].language, "de", "the export names the language it was written in");
});

test("front matter: a YAML warning does not break the one-line error format", () => {
  const path = file("key.txt", `---\n? [a, b]\n: c\ntitle: x\n---\n${P1}\n`);
  const r = sitrep("extract", path);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `sitrep: ${path}: malformed front matter: a key is a list or a map; expected \`key: value\` lines between the --- fences\n`);
});

test("toDoc: form feed, vertical tab, U+0085 and the Unicode line separators break lines instead of gluing words", () => {
  const d = toDoc({ text: "Eerste zin.\fTweede zin.\vDerde\u0085vierde\u2028vijfde\u2029zesde", origin: "x", format: "text", language: "nl" }, "d1");
  assert.equal(d.text, "Eerste zin.\nTweede zin.\nDerde\nvierde\nvijfde\nzesde\n");
});
