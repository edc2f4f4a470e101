import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { detectLanguage, IngestError, readFileReports, readReports, toDoc, type RawReport } from "../src/ingest/index.js";
import { localWithUnix, rfc822ToIso, validIso } from "../src/ingest/dates.js";
import { splitFrontMatter } from "../src/ingest/frontmatter.js";
import { markdownToText } from "../src/ingest/markdown.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = join(root, "test", "fixtures", "ingest");
const dir = mkdtempSync(join(tmpdir(), "sitrep-ingest-"));
let n = 0;
function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, `${++n}-${name}`);
  writeFileSync(p, content);
  return p;
}
function one(path: string): RawReport {
  const r = readReports(path, { onItemError: (e) => assert.fail(`unexpected item error: ${e.message}`) });
  assert.equal(r.length, 1);
  return r[0]!;
}
function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof IngestError, `not an IngestError: ${e}`);
    return e.message;
  }
  return assert.fail("no error thrown");
}

const NL_BODY =
  "De brandweer heeft de brand in het pakhuis aan de haven van Harlingen vannacht onder controle gekregen. " +
  "Volgens een woordvoerder van de veiligheidsregio raakte niemand gewond, maar de schade is groot.\n\n" +
  "Omwonenden werd gevraagd ramen en deuren gesloten te houden.\n";
const EN_BODY =
  "Police in Leeds have arrested two men after a lorry crashed into a shop front on Saturday evening. " +
  "A spokesperson for the force said nobody was seriously hurt, but the building has been declared unsafe.\n\n" +
  "The road is expected to stay closed until Monday.\n";

// --- front matter -------------------------------------------------------------------------------------

test("front matter: keys are read, the timestamp stays exactly as written, the body excludes the fence", () => {
  const p = file("a.txt", `---\ntitle: "Brand in Harlingen: pakhuis verwoest"\nsource: Friesch Dagblad Voorbeeld\nurl: https://example.nl/brand\npublished: 2024-02-11T06:30:00+01:00\nlanguage: nl\n---\n${NL_BODY}`);
  const r = one(p);
  assert.equal(r.title, "Brand in Harlingen: pakhuis verwoest");
  assert.equal(r.source, "Friesch Dagblad Voorbeeld");
  assert.equal(r.url, "https://example.nl/brand");
  assert.equal(r.published, "2024-02-11T06:30:00+01:00");
  const d = toDoc(r, "d1");
  assert.equal(d.meta.publishedFrom, "front-matter");
  assert.equal(d.meta.language, "nl");
  assert.equal(d.meta.languageFrom, "front-matter");
  assert.ok(d.text.startsWith("De brandweer heeft"));
  assert.ok(!d.text.includes("---"));
});

test("front matter: an unquoted title with a colon is read as people mean it", () => {
  const fm = splitFrontMatter("---\ntitle: Storm: trees down across the county\nlanguage: en\n---\nText.\n");
  assert.equal(fm.fields.title, "Storm: trees down across the county");
  assert.equal(fm.body, "Text.\n");
});

test("front matter: simple lines read without the YAML parser give what YAML gives; escapes, comments and lists still go through it", () => {
  // plain and simply quoted values (the fast path) next to what only YAML reads right
  const plain = splitFrontMatter(`---\ntitle: "Explosie in haven: twee gewonden"\nsource: 'Omroep West'\nurl: https://example.nl/a?b=c\nLanguage: nl\n---\nx\n`);
  assert.deepEqual(plain.fields, { title: "Explosie in haven: twee gewonden", source: "Omroep West", url: "https://example.nl/a?b=c", language: "nl" });
  assert.equal(splitFrontMatter(`---\ntitle: "Gas \\"leak\\" at the depot"\n---\nx\n`).fields.title, 'Gas "leak" at the depot');
  assert.equal(splitFrontMatter("---\ntitle: 'It''s over'\n---\nx\n").fields.title, "It's over");
  assert.equal(splitFrontMatter("---\ntitle: Flooding in Derna # a comment\n---\nx\n").fields.title, "Flooding in Derna");
  assert.equal(splitFrontMatter("---\ntags: [storm, flood]\n---\nx\n").fields.tags, "storm, flood");
});

test("front matter: values that YAML would turn into numbers or dates stay strings", () => {
  const fm = splitFrontMatter("---\ntitle: 1984\npublished: 2024-02-11\n---\nx\n");
  assert.equal(fm.fields.title, "1984");
  assert.equal(fm.fields.published, "2024-02-11");
});

test("front matter: malformed YAML, an unclosed fence, a bad date and an unknown language are clear errors", () => {
  assert.match(reason(() => readReports(file("bad.txt", "---\ntitle: [Brand in\n  : x\n---\nTekst.\n"))), /bad\.txt: malformed front matter on line \d+/);
  assert.match(reason(() => readReports(file("open.txt", "---\ntitle: Brand\n\nDe brandweer is ter plaatse.\n"))), /never closed/);
  assert.match(reason(() => readReports(file("date.txt", "---\npublished: 2024-02-30T10:00:00+01:00\n---\nTekst.\n"))), /"published" is not an ISO 8601 date/);
  assert.match(reason(() => readReports(file("date2.txt", "---\npublished: yesterday\n---\nTekst.\n"))), /not an ISO 8601/);
  // "de" is a language sitrep stores without extracting (see ingest-pages.test.ts); a value that is no language code is an error
  assert.match(reason(() => readReports(file("lang.txt", "---\nlanguage: Deutsch!\n---\nDie Feuerwehr ist vor Ort.\n"))), /"language" must be a language code such as nl, en or de, not "Deutsch!"/);
  assert.match(reason(() => readReports(file("nobody.txt", "---\ntitle: Alleen een kop\n---\n\n"))), /front matter but no report text/);
});

test("markdown: headings, emphasis, links and images become plain text", () => {
  const t = markdownToText("# Storm hits coast\n\nThe **coastguard** said [two boats](https://example.com/boats) sank.\n\n![A photo](img.jpg)\n\n- Ferries cancelled\n");
  assert.equal(t, "\nStorm hits coast\n\nThe coastguard said two boats sank.\n\nFerries cancelled\n");
});

// --- publication time and language ----------------------------------------------------------------------

test("publication time: front matter, else --published, else the file's mtime, and the export says which", () => {
  const p = file("plain.txt", EN_BODY);
  utimesSync(p, new Date("2024-05-01T10:00:00Z"), new Date("2024-05-01T10:00:00Z"));
  const flag = toDoc(one(p), "d1", { published: "2024-05-02T09:00:00+01:00" });
  assert.equal(flag.meta.published, "2024-05-02T09:00:00+01:00");
  assert.equal(flag.meta.publishedFrom, "flag");
  const mtime = toDoc(one(p), "d1");
  assert.equal(mtime.meta.published, "2024-05-01T10:00:00.000Z");
  assert.equal(mtime.meta.publishedFrom, "file-mtime");
});

test("language: detected for Dutch and English text, --lang overrides detection but not front matter", () => {
  assert.deepEqual(detectLanguage(NL_BODY), { lang: "nl", from: "detected", by: "eld" });
  assert.deepEqual(detectLanguage(EN_BODY), { lang: "en", from: "detected", by: "eld" });
  const p = file("x.txt", NL_BODY);
  assert.equal(toDoc(one(p), "d1", { lang: "en" }).meta.languageFrom, "flag");
  const q = file("y.txt", `---\nlanguage: nl\n---\n${NL_BODY}`);
  assert.equal(toDoc(one(q), "d1", { lang: "en" }).meta.language, "nl");
});

test("language: short text is judged by function words, then the feed's language, then eld; nothing to go on gives English", () => {
  assert.deepEqual(detectLanguage("Two killed as storm hits the coast"), { lang: "en", from: "detected", by: "function-words" });
  assert.deepEqual(detectLanguage("Twee doden bij storm aan de kust"), { lang: "nl", from: "detected", by: "function-words" });
  assert.deepEqual(detectLanguage("Gouverneur bevestigt evacuatie"), { lang: "nl", from: "detected", by: "eld" });
  assert.deepEqual(detectLanguage("Governor confirms evacuation"), { lang: "en", from: "detected", by: "eld" });
  assert.deepEqual(detectLanguage("Luchtalarm!", "nl"), { lang: "nl", from: "detected", by: "collection" });
  assert.deepEqual(detectLanguage("12:40 — AP"), { lang: "en", from: "fallback", by: "fallback" });
});

test("dates: ISO validation, RFC 822 with its offset, Telegram wall clock plus unix time", () => {
  assert.equal(validIso("2023-05-23T17:00:00+02:00"), "2023-05-23T17:00:00+02:00");
  assert.equal(validIso("2023-05-23 17:00"), "2023-05-23T17:00");
  assert.equal(validIso("2023-13-01"), undefined);
  assert.equal(validIso("23 May 2023"), undefined);
  assert.equal(rfc822ToIso("Tue, 23 May 2023 15:00:00 +0200"), "2023-05-23T15:00:00+02:00");
  assert.equal(rfc822ToIso("Wed, 24 May 2023 08:05:00 GMT"), "2023-05-24T08:05:00+00:00");
  assert.equal(rfc822ToIso("Wed, 24 May 2023 08:05:00 EDT"), "2023-05-24T08:05:00-04:00");
  // 14:03:11 local was 11:03:11 UTC: the exporter was at UTC+3.
  assert.equal(localWithUnix("2023-05-22T14:03:11", Date.UTC(2023, 4, 22, 11, 3, 11) / 1000), "2023-05-22T14:03:11+03:00");
  assert.equal(localWithUnix("2023-05-22T14:03:11", undefined), "2023-05-22T14:03:11Z");
});

// --- encodings and bad files ----------------------------------------------------------------------------

test("encoding: UTF-8 with BOM, UTF-16 LE/BE with BOM, Windows-1252 and Latin-1 are decoded", () => {
  const text = "Café De Kroon aan de Oude Gracht is door de brand verwoest, zegt de eigenaar. „Alles is weg”, aldus de uitbater.";
  const bom = one(file("bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
  assert.equal(bom.text, text);
  const le = one(file("le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])));
  assert.equal(le.text, text);
  const beBytes = Buffer.from(text, "utf16le").swap16();
  const be = one(file("be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), beBytes])));
  assert.equal(be.text, text);
  // Windows-1252: é = E9, „ = 84, ” = 94 (the curly quotes are not in Latin-1 proper).
  const cp = one(file("cp1252.txt", Buffer.from(text.replace("„", "\u0084").replace("”", "\u0094"), "latin1")));
  assert.equal(cp.text, text);
  const latin1 = one(file("latin1.txt", Buffer.from("Het Comité meldt één dode en één gewonde na de aanrijding.", "latin1")));
  assert.equal(latin1.text, "Het Comité meldt één dode en één gewonde na de aanrijding.");
});

test("encoding: UTF-16 without a BOM is recognised; an HTML page declaring windows-1252 is decoded by it", () => {
  const text = "Het waterschap zegt dat de dijk bij Gorinchem het hoogwater goed doorstaat.";
  assert.equal(one(file("u16.txt", Buffer.from(text, "utf16le"))).text, text);
  const page = `<html><head><meta charset="windows-1252"><title>Dijk houdt</title></head><body><article><p>${text} \u0084We blijven alert\u0094, aldus een woordvoerder van het waterschap op zondagmiddag.</p></article></body></html>`;
  const r = one(file("dijk.html", Buffer.from(page, "latin1")));
  assert.match(r.text, /„We blijven alert”, aldus een woordvoerder/);
});

test("bad files: missing, directory, empty, white space only, binary, PDF, UTF-32 — one clear line each", () => {
  assert.match(reason(() => readReports(join(dir, "does-not-exist.txt"))), /does-not-exist\.txt: no such file$/);
  assert.match(reason(() => readReports(dir)), /: is a directory/);
  assert.match(reason(() => readReports(file("empty.txt", ""))), /empty\.txt: is empty$/);
  assert.match(reason(() => readReports(file("ws.txt", " \n\t\n  \r\n"))), /ws\.txt: is empty/);
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
  assert.match(reason(() => readReports(file("noise.txt", noise))), /noise\.txt: looks like binary data/);
  assert.match(reason(() => readReports(file("doc.txt", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj")))), /is a PDF document/);
  assert.match(reason(() => readReports(file("u32.txt", Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])))), /UTF-32/);
  const ctrl = Buffer.from("abc\u0001\u0002\u0003\u0004\u0005\u0006def\u0007\u0008\u000e\u000f\u0010\u0011ghi\u0012\u0013\u0014\u0015\u0016", "latin1");
  assert.match(reason(() => readReports(file("ctrl.txt", ctrl))), /looks like binary data/);
});

test("toDoc drops stray control characters and keeps letters as written (offsets stay the source's)", () => {
  const d = toDoc({ text: "Cafe\u0301 open\u0007 again.\r\nSecond line.", origin: "x", format: "text", language: "en" }, "d1");
  assert.equal(d.text, "Cafe\u0301 open again.\nSecond line.\n");
});

// --- HTML ------------------------------------------------------------------------------------------------

test("HTML: the article body without navigation, ads, cookie banner, share bar, related links or footer", () => {
  const r = one(join(fixtures, "news-page.html"));
  assert.equal(r.format, "html");
  const paras = r.text.split("\n\n");
  // the photo caption stays, as its own paragraph (as Readability keeps it): it describes the event
  assert.equal(paras[0], "Water pours through the damaged wall on Tuesday night. Photo: Courier staff");
  assert.match(paras[1]!, /^Emergency services evacuated more than 400 residents/);
  assert.ok(paras.includes("Warnings ignored?"), "subheading kept as its own paragraph");
  assert.match(r.text, /peak on Wednesday afternoon\.$/);
  for (const junk of ["cookies", "Sport", "Advertisement", "newsletter", "Share on", "Related stories", "celebrities", "All rights reserved", "By Alice Marsh", "Get the morning briefing", "Spring sale"]) {
    assert.ok(!r.text.includes(junk), `body should not contain ${JSON.stringify(junk)}`);
  }
  assert.ok(!r.text.startsWith("Dam breach"), "the headline is metadata, not the first line of the body");
});

test("HTML: metadata from JSON-LD first, then <meta>", () => {
  const r = one(join(fixtures, "news-page.html"));
  assert.equal(r.title, "Dam breach floods three villages; hundreds evacuated overnight");
  assert.equal(r.source, "Northern Courier Media");
  assert.equal(r.url, "https://courier.example.com/news/2024/03/12/dam-breach-floods-villages");
  assert.equal(r.published, "2024-03-12T09:15:00+01:00");
  assert.equal(r.language, "en");
  assert.match(r.description ?? "", /^Emergency services evacuated hundreds/);
  const d = toDoc(r, "d1");
  assert.equal(d.meta.publishedFrom, "metadata");
  assert.equal(d.meta.languageFrom, "metadata");
});

test("HTML without JSON-LD: <meta> and <title>, language detected from the Dutch body", () => {
  const r = one(join(fixtures, "nieuws-pagina.html"));
  assert.equal(r.title, "Brand in distributiecentrum Tilburg onder controle");
  assert.equal(r.source, "Brabants Nieuwsblad Voorbeeld");
  assert.equal(r.published, "2024-06-03T14:20:00+02:00");
  assert.equal(r.language, undefined);
  assert.match(r.text, /^De grote brand in een distributiecentrum/);
  assert.ok(!/Advertentie|Copyright|Regio/.test(r.text));
  const d = toDoc(r, "d1");
  assert.equal(d.meta.language, "nl");
  assert.equal(d.meta.languageFrom, "detected");
});

test("HTML: malformed markup does not crash, deep nesting does not hang", () => {
  const broken = one(
    file(
      "broken.html",
      "<html><body><div class=story><p>Unclosed <b>bold <i>italic text in the first paragraph about the flooding near the river." +
        "<p>Officials said the water was still rising on Monday night &amp; more rain was expected &bogus; tomorrow.<table><tr><td>cell</span></div></html></body> <<<>>> <!-- never closed",
    ),
  );
  assert.match(broken.text, /first paragraph about the flooding near the river\./);
  assert.match(broken.text, /still rising on Monday night & more rain/);
  const depth = 60000;
  const deep = one(file("deep.html", `<html><body>${"<div>".repeat(depth)}<p>The mayor said the bridge would reopen on Friday after repairs.</p>${"</div>".repeat(depth)}</body></html>`));
  assert.equal(deep.text, "The mayor said the bridge would reopen on Friday after repairs.");
  assert.match(reason(() => readReports(file("flood.html", `<html><body><p>${"&amp;".repeat(400_000)}</p></body></html>`))), /HTML too complex: 400\d{3} tags and character references/);
  const refs = one(file("refs.html", `<html><body><p>Storm &amp; flood: ${"&#8217;".repeat(60_000)}</p></body></html>`));
  assert.ok(refs.text.startsWith("Storm & flood: ’’’"));
  assert.match(reason(() => readReports(file("nothing.html", "<html><head><title>Only a title</title></head><body><nav><a href=/>Home</a></nav></body></html>"))), /no article text found/);
});

// --- feeds -----------------------------------------------------------------------------------------------

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Omroep Voorbeeld &#8211; Nieuws</title>
  <link>https://omroep.example.nl/</link>
  <language>nl-NL</language>
  <item>
    <title>Gasexplosie in flat in Zwolle, twee gewonden</title>
    <link>https://omroep.example.nl/nieuws/gasexplosie-zwolle</link>
    <guid isPermaLink="false">omroep-81234</guid>
    <pubDate>Sat, 16 Mar 2024 07:45:00 +0100</pubDate>
    <description>Bij een explosie in een flat zijn twee mensen gewond geraakt.</description>
    <content:encoded><![CDATA[<p>Bij een gasexplosie in een flat in Zwolle zijn vannacht twee mensen gewond geraakt. Dat meldt de politie.</p><p>Zestig bewoners moesten hun woning uit &amp; werden opgevangen in een sporthal.</p>]]></content:encoded>
  </item>
  <item>
    <title>Lege melding</title>
    <link>https://omroep.example.nl/nieuws/leeg</link>
  </item>
  <item>
    <title>Treinverkeer rond Amersfoort hervat</title>
    <link>https://omroep.example.nl/nieuws/trein-amersfoort</link>
    <pubDate>Sat, 16 Mar 2024 09:10:00 +0100</pubDate>
    <description>&lt;p&gt;Het treinverkeer rond Amersfoort rijdt weer, meldt ProRail.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

test("RSS 2.0: one report per item; content:encoded HTML becomes text; a bad item is reported, the others come through", () => {
  const p = file("feed.rss", RSS);
  const { reports, errors } = readFileReports(p);
  assert.equal(reports.length, 2);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /feed\.rss: item 2: has no description or content$/);
  const [a, b] = reports;
  assert.equal(a!.format, "rss");
  assert.equal(a!.title, "Gasexplosie in flat in Zwolle, twee gewonden");
  assert.equal(a!.source, "Omroep Voorbeeld – Nieuws");
  assert.equal(a!.url, "https://omroep.example.nl/nieuws/gasexplosie-zwolle");
  assert.equal(a!.published, "2024-03-16T07:45:00+01:00");
  assert.equal(a!.language, "nl");
  assert.equal(a!.text, "Bij een gasexplosie in een flat in Zwolle zijn vannacht twee mensen gewond geraakt. Dat meldt de politie.\n\nZestig bewoners moesten hun woning uit & werden opgevangen in een sporthal.");
  assert.equal(b!.text, "Het treinverkeer rond Amersfoort rijdt weer, meldt ProRail.");
  assert.equal(toDoc(a!, "d1").meta.publishedFrom, "feed");
  const seen: string[] = [];
  assert.equal(readReports(p, { onItemError: (e) => seen.push(e.message) }).length, 2);
  assert.equal(seen.length, 1);
});

test("Atom: entries with html, text and xhtml content, alternate links and published times", () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Harbour Gazette</title>
  <id>urn:uuid:feed-1</id>
  <entry>
    <title>Ferry runs aground off Dover</title>
    <link rel="alternate" href="https://gazette.example.com/ferry-aground"/>
    <link rel="edit" href="https://gazette.example.com/edit/1"/>
    <id>urn:uuid:entry-1</id>
    <published>2024-01-08T06:20:00Z</published>
    <updated>2024-01-08T07:00:00Z</updated>
    <summary>A ferry ran aground.</summary>
    <content type="html">&lt;p&gt;A passenger ferry ran aground off Dover early on Monday, the coastguard said.&lt;/p&gt;&lt;p&gt;All 212 passengers were taken off safely.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Port strike called off</title>
    <link href="https://gazette.example.com/strike-off"/>
    <id>urn:uuid:entry-2</id>
    <updated>2024-01-09T12:00:00+00:00</updated>
    <content type="text">Dock workers have called off Thursday's strike after a late pay offer, the union said.</content>
  </entry>
  <entry>
    <title>Storm warning</title>
    <id>urn:uuid:entry-3</id>
    <updated>2024-01-10T12:00:00+00:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Forecasters issued an amber warning for gales on Friday.</p><p>Crossings may be cancelled.</p></div></content>
  </entry>
</feed>`;
  const reports = readReports(file("gazette.atom", atom));
  assert.equal(reports.length, 3);
  const [a, b, c] = reports;
  assert.equal(a!.format, "atom");
  assert.equal(a!.source, "Harbour Gazette");
  assert.equal(a!.url, "https://gazette.example.com/ferry-aground");
  assert.equal(a!.published, "2024-01-08T06:20:00Z");
  assert.equal(a!.language, "en");
  assert.equal(a!.text, "A passenger ferry ran aground off Dover early on Monday, the coastguard said.\n\nAll 212 passengers were taken off safely.");
  assert.equal(b!.published, "2024-01-09T12:00:00+00:00");
  assert.equal(b!.text, "Dock workers have called off Thursday's strike after a late pay offer, the union said.");
  assert.equal(c!.text, "Forecasters issued an amber warning for gales on Friday.\n\nCrossings may be cancelled.");
});

test("hostile XML: entity declarations (billion laughs, external entities) are refused; malformed XML is an error", () => {
  const lol =
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
    "<rss><channel><title>&c;</title><item><description>&c;</description></item></channel></rss>";
  assert.match(reason(() => readReports(file("lol.xml", lol))), /lol\.xml: XML declares entities/);
  const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><description>&x;</description></item></channel></rss>';
  assert.match(reason(() => readReports(file("xxe.rss", xxe))), /XML declares entities/);
  assert.match(reason(() => readReports(file("notfeed.xml", "<?xml version='1.0'?><catalog><book>x</book></catalog>"))), /not an RSS or Atom feed/);
  assert.match(reason(() => readReports(file("broken.xml", "<?xml version='1.0'?><catalog><book>x</catalog>"))), /malformed XML on line 1/);
});

// --- JSON lines, .json, Telegram ------------------------------------------------------------------------

test("JSONL: one report per line; bad lines name file:line and the good lines still come through", () => {
  const lines = [
    JSON.stringify({ title: "Bridge closed after crash", source: "Valley Post", url: "https://valley.example.com/bridge", published: "2024-04-02T18:00:00+01:00", language: "en", text: EN_BODY }),
    "{not json",
    "",
    JSON.stringify({ title: "Geen tekst" }),
    JSON.stringify({ text: NL_BODY, published: "gisteren" }),
    JSON.stringify({ text: NL_BODY, language: "nl-BE" }),
  ].join("\n");
  const p = file("reports.jsonl", lines);
  const { reports, errors } = readFileReports(p);
  assert.equal(reports.length, 2);
  assert.deepEqual(
    errors.map((e) => e.message.slice(e.message.indexOf("reports.jsonl"))),
    ["reports.jsonl:2: not valid JSON (" + errors[0]!.reason.slice("not valid JSON (".length), 'reports.jsonl:4: has no "text"', 'reports.jsonl:5: "published" is not an ISO 8601 date or time: "gisteren"'],
  );
  const [a, b] = reports;
  assert.equal(a!.title, "Bridge closed after crash");
  assert.equal(a!.published, "2024-04-02T18:00:00+01:00");
  assert.equal(a!.item, "line 1");
  assert.equal(b!.language, "nl");
  assert.equal(toDoc(a!, "d1").meta.publishedFrom, "metadata");
  assert.match(reason(() => readReports(file("allbad.jsonl", "{x\n[1]\n"), { onItemError: () => {} })), /no usable report: all 2 items are bad/);
});

test("Telegram Desktop export: text as string or entity array, date with the exporter's offset, channel name as source", () => {
  const exp = {
    name: "Frontline Updates Example",
    type: "public_channel",
    id: 1234567,
    messages: [
      { id: 10, type: "service", date: "2024-02-01T08:00:00", date_unixtime: "1706770800", action: "create_channel", text: "" },
      {
        id: 11, type: "message", date: "2024-02-01T09:30:00", date_unixtime: "1706772600", from: "Frontline Updates Example",
        text: ["Air raid alert in the ", { type: "bold", text: "Kharkiv region" }, ". Residents are asked to go to shelters. ", { type: "hashtag", text: "#alert" }],
      },
      { id: 12, type: "message", date: "2024-02-01T09:45:00", date_unixtime: "1706773500", photo: "photos/p.jpg", text: "" },
      { id: 13, type: "message", date: "2024-02-01T10:05:00", date_unixtime: "1706774700", text: "The regional governor says two people were injured when debris fell on a warehouse." },
    ],
  };
  const reports = readReports(file("result.json", JSON.stringify(exp)));
  assert.equal(reports.length, 2);
  const [a, b] = reports;
  assert.equal(a!.format, "telegram");
  assert.equal(a!.source, "Frontline Updates Example");
  assert.equal(a!.text, "Air raid alert in the Kharkiv region. Residents are asked to go to shelters. #alert");
  // 09:30 local at unix 1706772600 (07:30 UTC): the exporter's clock was at UTC+2.
  assert.equal(a!.published, "2024-02-01T09:30:00+02:00");
  assert.equal(a!.item, "message 11");
  assert.equal(b!.item, "message 13");
  assert.equal(toDoc(a!, "d1").meta.publishedFrom, "feed");
});

test("Telegram full export (chats.list): every chat's messages, each with its own channel as source", () => {
  const exp = {
    about: "Here is the data you requested.",
    chats: {
      list: [
        { name: "Stadsnieuws Voorbeeld", type: "public_channel", messages: [{ id: 1, type: "message", date: "2024-03-01T07:00:00", date_unixtime: "1709272800", text: "De brandweer blust een brand in een loods aan de Havenweg." }] },
        { name: "Harbour Alerts", type: "public_channel", messages: [{ id: 7, type: "message", date: "2024-03-01T08:00:00", date_unixtime: "1709276400", text: "The harbour is closed to shipping until further notice." }] },
      ],
    },
  };
  const reports = readReports(file("full.json", JSON.stringify(exp)));
  assert.deepEqual(reports.map((r) => r.source), ["Stadsnieuws Voorbeeld", "Harbour Alerts"]);
  assert.deepEqual(reports.map((r) => r.published), ["2024-03-01T07:00:00+01:00", "2024-03-01T08:00:00+01:00"]);
});

test("a .json file holding one report object is read like a jsonl line; other JSON is refused clearly", () => {
  const r = one(file("one.json", JSON.stringify({ title: "Brand", text: NL_BODY, language: "nl" })));
  assert.equal(r.language, "nl");
  assert.match(reason(() => readReports(file("other.json", '{"foo": 1}'))), /neither a Telegram export/);
  assert.match(reason(() => readReports(file("broken.json", '{"messages": [}'))), /is not valid JSON/);
});

test("JSON lines saved as .json are read as JSON lines", () => {
  const lines = [JSON.stringify({ text: EN_BODY, language: "en" }), JSON.stringify({ text: NL_BODY, language: "nl" })].join("\n");
  assert.deepEqual(readReports(file("lines.json", lines)).map((r) => r.language), ["en", "nl"]);
});

test("formats are sniffed from content when the extension says nothing", () => {
  assert.equal(one(file("page", readFileSync(join(fixtures, "news-page.html"), "utf8"))).format, "html");
  assert.equal(readReports(file("feed", RSS), { onItemError: () => {} })[0]!.format, "rss");
  assert.equal(one(file("notes", EN_BODY)).format, "text");
});
