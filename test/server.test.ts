// The HTTP API on an ephemeral loopback port, over a ledger in a temporary file: access rules, reports in and
// out, claim search with filters, places, timeline, briefing, exports, errors, limits, live events, URL fetching.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildServer, type ServerOptions } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";
import { blockedAddress } from "../src/server/fetch.js";
import { bearer, hostAllowed, loadToken, tokenMatches } from "../src/server/auth.js";
import { ExportSchema } from "../src/export/schema.js";
import { timexOrder } from "../src/brief/labels.js";
import type { Briefing, ClaimRow, Page, PlaceCollection, ReportDetail, TimelineItem } from "../src/server/port.js";

const TOKEN = "test-token-abcdefghijklmnop";
const auth = { authorization: `Bearer ${TOKEN}` };

const EN = `---
title: Storm damages harbour in Rotterdam
source: Harbour Courier
published: 2024-03-04T18:00:00+01:00
language: en
---
A storm damaged three cranes in the port of Rotterdam on Monday.
The port authority said two workers were injured.
The crane operator denied that the cranes had been left unsecured.
It is unclear when the terminal will reopen.
`;

const NL = `---
title: Dijk bij Deventer verzwakt
source: IJsselbode
published: 2024-03-05T09:00:00+01:00
language: nl
---
Het waterschap zegt dat de dijk bij Deventer op twee plaatsen is verzwakt.
Burgemeester Jansen ontkent dat de stad te laat heeft gewaarschuwd.
Onduidelijk is hoeveel huizen water hebben gemaakt.
`;

async function start(opts: Partial<ServerOptions> = {}): Promise<{ app: FastifyInstance; base: string; ledger: StoreLedger; close: () => Promise<void> }> {
  const ledger = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-server-")), "ledger.db"), { workers: false, pollMs: 100 });
  const webDir = mkdtempSync(join(tmpdir(), "sitrep-web-"));
  writeFileSync(join(webDir, "index.html"), "<!doctype html><title>sitrep</title>");
  const app = await buildServer({ ledger, token: TOKEN, loopback: true, readNeedsToken: false, allowFetch: false, webDir, ...opts });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const close = async () => {
    await app.close();
    await ledger.close();
  };
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, ledger, close };
}

async function post(base: string, body: unknown, headers: Record<string, string> = auth) {
  return fetch(`${base}/api/reports`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

describe("sitrep serve API", () => {
  let base: string;
  let close: () => Promise<void>;
  let ids: string[] = [];

  before(async () => {
    ({ base, close } = await start());
    for (const text of [EN, NL]) {
      const r = await post(base, { text });
      assert.equal(r.status, 201);
      ids.push(((await r.json()) as { report: string }).report);
    }
  });
  after(() => close());

  test("the OpenAPI 3 description lists the API", async () => {
    const r = await fetch(`${base}/openapi.json`);
    assert.equal(r.status, 200);
    const doc = (await r.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.match(doc.openapi, /^3\./);
    for (const p of ["/api/reports", "/api/reports/{id}", "/api/claims", "/api/entities", "/api/places", "/api/timeline", "/api/contradictions", "/api/brief", "/api/export", "/api/events"]) {
      assert.ok(doc.paths[p], `missing ${p}`);
    }
    assert.ok(doc.paths["/api/reports"]!.post, "POST /api/reports documented");
  });

  test("writing needs the right token; reading on loopback does not", async () => {
    assert.equal((await post(base, { text: "De brandweer blust een brand in Zwolle." }, {})).status, 401);
    const wrong = await post(base, { text: "De brandweer blust een brand in Zwolle." }, { authorization: "Bearer not-the-token-at-all" });
    assert.equal(wrong.status, 401);
    const body = (await wrong.json()) as { error: { status: number; code: string; message: string } };
    assert.equal(body.error.status, 401);
    assert.equal(body.error.code, "unauthorized");
    assert.equal((await fetch(`${base}/api/claims`)).status, 200);
  });

  test("the same report twice changes nothing; a new text at a known URL is a new version", async () => {
    const again = await post(base, { text: EN });
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { status: "unchanged", report: ids[0], title: "Storm damages harbour in Rotterdam", claims: ((await (await fetch(`${base}/api/reports/${ids[0]}`)).json()) as ReportDetail).claims.length });
    const url = "https://example.org/news/ferry";
    const v1 = (await (await post(base, { text: "The ferry to Texel was cancelled on Tuesday, the operator said.", url })).json()) as { status: string };
    const v2 = (await (await post(base, { text: "The ferry to Texel was cancelled on Tuesday and Wednesday, the operator said.", url })).json()) as { status: string };
    assert.equal(v1.status, "added");
    assert.equal(v2.status, "updated");
  });

  test("a raw text/plain body is a report too", async () => {
    const r = await fetch(`${base}/api/reports`, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8", ...auth },
      body: "---\ntitle: Brand in Zwolle\nlanguage: nl\npublished: 2024-03-06T07:00:00+01:00\n---\nDe brandweer heeft vannacht een grote brand in een loods in Zwolle geblust, meldt de veiligheidsregio.\n",
    });
    assert.equal(r.status, 201);
    const rep = (await (await fetch(`${base}/api/reports/${((await r.json()) as { report: string }).report}`)).json()) as ReportDetail;
    assert.equal(rep.title, "Brand in Zwolle");
    assert.equal(rep.language, "nl");
  });

  test("claims can be filtered by status, source, report, place, entity, time and text", async () => {
    const all = (await (await fetch(`${base}/api/claims?limit=5000`)).json()) as Page<ClaimRow>;
    assert.ok(all.total >= 6);
    for (const c of all.items) {
      const rep = (await (await fetch(`${base}/api/reports/${c.report}`)).json()) as ReportDetail;
      assert.equal(rep.text.slice(c.start, c.end), c.text, "every claim points at its span");
      if (c.cue) assert.equal(rep.text.slice(c.cue.start, c.cue.end), c.cue.text);
    }
    const denied = (await (await fetch(`${base}/api/claims?status=denied`)).json()) as Page<ClaimRow>;
    assert.ok(denied.items.length >= 1 && denied.items.every((c) => c.status === "denied"));
    const two = (await (await fetch(`${base}/api/claims?status=denied,claimed`)).json()) as Page<ClaimRow>;
    assert.ok(two.total > denied.total && two.items.every((c) => c.status === "denied" || c.status === "claimed"));

    const mine = (await (await fetch(`${base}/api/claims?report=${ids[1]}`)).json()) as Page<ClaimRow>;
    assert.ok(mine.total >= 2 && mine.items.every((c) => c.report === ids[1]));

    const own = (await (await fetch(`${base}/api/claims?source=report`)).json()) as Page<ClaimRow>;
    assert.ok(own.total >= 1 && own.items.every((c) => c.source === null));
    const named = all.items.find((c) => c.source)!;
    const bySource = (await (await fetch(`${base}/api/claims?source=${encodeURIComponent(named.source!.name)}`)).json()) as Page<ClaimRow>;
    assert.ok(bySource.total >= 1 && bySource.items.every((c) => c.source?.name === named.source!.name || c.source?.entity === named.source!.name));

    const text = (await (await fetch(`${base}/api/claims?q=${encodeURIComponent("DIJK deventer")}`)).json()) as Page<ClaimRow>;
    assert.ok(text.total >= 1 && text.items.every((c) => /dijk/i.test(c.text) && /Deventer/.test(c.text)));

    const withPlace = all.items.find((c) => c.places.length)!;
    assert.ok(withPlace, "some claim names a place");
    const place = withPlace.places[0]!;
    const atPlace = (await (await fetch(`${base}/api/claims?place=${place.id}`)).json()) as Page<ClaimRow>;
    assert.ok(atPlace.total >= 1 && atPlace.items.every((c) => c.places.some((p) => p.id === place.id)));
    const byEntity = (await (await fetch(`${base}/api/claims?entity=${place.id}`)).json()) as Page<ClaimRow>;
    assert.ok(byEntity.total >= atPlace.total);

    const march5 = (await (await fetch(`${base}/api/claims?since=2024-03-05T00:00:00Z&until=2024-03-05T23:59:59Z`)).json()) as Page<ClaimRow>;
    assert.ok(march5.total >= 1 && march5.items.every((c) => c.published.startsWith("2024-03-05")));

    const paged = (await (await fetch(`${base}/api/claims?limit=2&offset=1`)).json()) as Page<ClaimRow>;
    assert.equal(paged.items.length, 2);
    assert.equal(paged.items[0]!.id, all.items[1]!.id);
  });

  test("bad requests get JSON errors with the right status", async () => {
    const bad = await fetch(`${base}/api/claims?status=rumoured`);
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /rumoured/);
    assert.equal((await fetch(`${base}/api/claims?limit=0`)).status, 400);
    assert.equal((await fetch(`${base}/api/brief?lang=fr`)).status, 400);
    const missing = await fetch(`${base}/api/reports/r999`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, "not_found");
    assert.equal((await fetch(`${base}/api/nothing-here`)).status, 404);
    assert.equal((await post(base, { text: "a", html: "<p>b</p>" })).status, 400);
    assert.equal((await post(base, { text: "   " })).status, 422);
    assert.equal((await post(base, { text: "x", colour: "red" })).status, 400);
    const xml = await fetch(`${base}/api/reports`, { method: "POST", headers: { "content-type": "application/xml", ...auth }, body: "<a/>" });
    assert.equal(xml.status, 415);
  });

  test("a body over the limit is refused with 413, before it is read whole", async () => {
    const small = await start({ bodyLimit: 4096 });
    try {
      const r = await post(small.base, { text: "Een zin over de storm. ".repeat(400) });
      assert.equal(r.status, 413);
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, "too_large");
    } finally {
      await small.close();
    }
  });

  test("places are GeoJSON points with the claims that name them", async () => {
    const r = await fetch(`${base}/api/places`);
    assert.match(r.headers.get("content-type")!, /geo\+json/);
    const fc = (await r.json()) as PlaceCollection;
    assert.equal(fc.type, "FeatureCollection");
    const rotterdam = fc.features.find((f) => f.properties.name === "Rotterdam");
    assert.ok(rotterdam, fc.features.map((f) => f.properties.name).join(", "));
    const [lon, lat] = rotterdam.geometry.coordinates;
    assert.ok(Math.abs(lat - 51.92) < 0.2 && Math.abs(lon - 4.48) < 0.3, `${lat},${lon}`);
    assert.equal(rotterdam.properties.country, "NL");
  });

  test("the timeline is in order and each item points at its report", async () => {
    const items = (await (await fetch(`${base}/api/timeline`)).json()) as TimelineItem[];
    assert.ok(items.length >= 1);
    for (let i = 1; i < items.length; i++) assert.ok(timexOrder(items[i - 1]!.value) <= timexOrder(items[i]!.value));
    const rep = (await (await fetch(`${base}/api/reports/${items[0]!.report}`)).json()) as ReportDetail;
    assert.equal(rep.text.slice(items[0]!.start, items[0]!.end), items[0]!.text);
  });

  test("the briefing comes in the language asked for, as data or as a document", async () => {
    const en = (await (await fetch(`${base}/api/brief?lang=en`)).json()) as Briefing;
    const nl = (await (await fetch(`${base}/api/brief?lang=nl`)).json()) as Briefing;
    assert.equal(en.lang, "en");
    assert.equal(nl.lang, "nl");
    assert.notEqual(en.title, nl.title);
    assert.ok(en.sections.length >= 2);
    for (const s of en.sections) for (const l of s.lines) assert.ok(l.cites.length >= 1, "every line cites a span");
    const md = await fetch(`${base}/api/brief?lang=nl&format=md`);
    assert.match(md.headers.get("content-type")!, /markdown/);
    assert.match(await md.text(), /^# /);
    const html = await fetch(`${base}/api/brief?lang=en&format=html`);
    assert.match(html.headers.get("content-type")!, /text\/html/);
    // the served briefing keeps its style sheet under a policy that allows that one and no script
    const csp = html.headers.get("content-security-policy")!;
    const doc = await html.text();
    const style = /<style>([^<]*)<\/style>/.exec(doc)![1]!;
    const { createHash } = await import("node:crypto");
    assert.ok(csp.includes(`'sha256-${createHash("sha256").update(style).digest("base64")}'`), csp);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src|unsafe-inline/);
    assert.ok(doc.includes(`content="${csp.replace(/'/g, "&#39;")}"`), "the same policy travels in the file");
  });

  test("exports: sitrep/1 JSON, claims CSV, places GeoJSON", async () => {
    const j = ExportSchema.parse(await (await fetch(`${base}/api/export?format=json`)).json());
    assert.ok(j.documents.length >= 2);
    const bytes = Buffer.from(await (await fetch(`${base}/api/export?format=csv`)).arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a byte-order mark, so that spreadsheets read UTF-8");
    const csv = bytes.toString("utf8").slice(1);
    assert.equal(csv.split("\r\n")[0]!, "id,doc,published,outlet,language,start,end,status,source,source_kind,cue,quote,times,places,figures,text,corrected");
    // the same ids as the JSON export
    const ids = new Set(j.claims.map((c) => c.id));
    const rows = csv.trimEnd().split("\r\n").slice(1);
    assert.equal(rows.length, j.claims.length);
    for (const r of rows) assert.ok(ids.has(r.split(",", 1)[0]!), r);
    const geo = (await (await fetch(`${base}/api/export?format=geojson`)).json()) as PlaceCollection;
    assert.equal(geo.type, "FeatureCollection");
    assert.equal((await fetch(`${base}/api/export?format=xlsx`)).status, 400);
  });

  test("reads carry an ETag of the ledger version and answer 304 when nothing changed", async () => {
    const a = await fetch(`${base}/api/claims?status=claimed`);
    const etag = a.headers.get("etag")!;
    assert.ok(etag);
    const b = await fetch(`${base}/api/claims?status=claimed`, { headers: { "if-none-match": etag } });
    assert.equal(b.status, 304);
  });

  test("the page is served with a strict content security policy", async () => {
    const r = await fetch(`${base}/`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type")!, /text\/html/);
    const csp = r.headers.get("content-security-policy")!;
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    assert.equal((await fetch(`${base}/assets/..%2f..%2fpackage.json`)).status, 404);
  });

  test("a malformed URL gets a 400 with the security headers, like every other answer", async () => {
    const u = new URL(base);
    for (const path of ["/%E0%A4%A", "/api/reports/%zz", "/api/reports/%E0%A4%A"]) {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
        http.get({ host: u.hostname, port: u.port, path, headers: { host: `localhost:${u.port}` } }, (r) => {
          r.resume();
          resolve(r);
        }).on("error", reject);
      });
      assert.equal(res.statusCode, 400, path);
      assert.match(String(res.headers["content-security-policy"]), /default-src 'self'/, path);
      assert.equal(res.headers["x-content-type-options"], "nosniff", path);
      assert.equal(res.headers["x-frame-options"], "DENY", path);
    }
  });

  test("a request naming another host is refused (DNS rebinding)", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(`${base}/api/claims`);
      http.get({ host: u.hostname, port: u.port, path: u.pathname, headers: { host: "attacker.example:80" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      }).on("error", reject);
    });
    assert.equal(status, 421);
  });

  test("a change to the ledger reaches open event streams", async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/events`, { signal: ctrl.signal });
    assert.match(res.headers.get("content-type")!, /text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    const until = async (re: RegExp) => {
      while (!re.test(buf)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${re}: ${buf}`);
        buf += value;
      }
    };
    await until(/event: hello/);
    const added = (await (await post(base, { text: "---\ntitle: Sluis bij Lith dicht\nlanguage: nl\n---\nRijkswaterstaat meldt dat de sluis bij Lith sinds dinsdag gesloten is.\n" })).json()) as { report: string };
    await until(/event: ledger\ndata: .*\n\n/);
    const data = JSON.parse(/event: ledger\ndata: (.*)\n/.exec(buf)![1]!) as { report: string; status: string; title: string };
    assert.equal(data.report, added.report);
    assert.equal(data.status, "added");
    assert.equal(data.title, "Sluis bij Lith dicht");
    ctrl.abort();
  });
});

describe("access beyond loopback", () => {
  test("reading needs the token unless the server is public", async () => {
    const closed = await start({ loopback: false, readNeedsToken: true });
    const open = await start({ loopback: false, readNeedsToken: false });
    try {
      assert.equal((await fetch(`${closed.base}/api/claims`)).status, 401);
      assert.equal((await fetch(`${closed.base}/api/claims`, { headers: auth })).status, 200);
      assert.equal((await fetch(`${closed.base}/api/events`)).status, 401);
      // the page shell holds no ledger data and must load to ask for the token
      assert.equal((await fetch(`${closed.base}/`)).status, 200);
      assert.equal((await fetch(`${open.base}/api/claims`)).status, 200);
      assert.equal((await post(open.base, { text: "x" }, {})).status, 401);
    } finally {
      await closed.close();
      await open.close();
    }
  });

  test("tokens: constant-time match, bearer parsing, sources, loopback host names", () => {
    assert.ok(tokenMatches("abcdefghijklmnopq", "abcdefghijklmnopq"));
    assert.ok(!tokenMatches("abcdefghijklmnopq", "abcdefghijklmnop"));
    assert.ok(!tokenMatches("abcdefghijklmnopq", undefined));
    assert.equal(bearer("Bearer abc.def"), "abc.def");
    assert.equal(bearer("Basic abc"), undefined);
    assert.equal(loadToken({ SITREP_TOKEN: "0123456789abcdefXYZ" }).token, "0123456789abcdefXYZ");
    assert.throws(() => loadToken({ SITREP_TOKEN: "short" }), /shorter than 16/);
    const gen = loadToken({});
    assert.equal(gen.from, "generated");
    assert.ok(gen.token.length >= 24);
    const dir = mkdtempSync(join(tmpdir(), "sitrep-token-"));
    writeFileSync(join(dir, "token"), "from-a-file-0123456789\n");
    assert.deepEqual(loadToken({ SITREP_TOKEN: "0123456789abcdefXYZ" }, join(dir, "token")), { token: "from-a-file-0123456789", from: "file" });
    for (const h of ["localhost:8080", "127.0.0.1:1", "[::1]:8080", "localhost"]) assert.ok(hostAllowed(h), h);
    for (const h of ["example.org", "10.0.0.5:8080", "localhost.attacker.example", undefined]) assert.ok(!hostAllowed(h), String(h));
  });
});

describe("adding a report by URL", () => {
  let target: http.Server;
  let port: number;
  before(async () => {
    target = http.createServer((req, res) => {
      if (req.url === "/article") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(
          `<!doctype html><html lang="en"><head><title>Bridge closed in Nijmegen</title><meta property="og:site_name" content="River News"></head><body><nav>Home | World</nav><article><h1>Bridge closed in Nijmegen</h1><p>The Waal bridge in Nijmegen was closed on Thursday after a ship hit one of its pillars, the municipality said.</p><p>Engineers are inspecting the damage. It is unclear when the bridge will reopen.</p></article><footer>© River News</footer></body></html>`,
        );
      } else if (req.url === "/to-private") {
        res.writeHead(302, { location: `http://127.0.0.2:${port}/article` });
        res.end();
      } else if (req.url === "/to-v6-loopback") {
        res.writeHead(301, { location: `http://[::1]:${port}/article` });
        res.end();
      } else if (req.url === "/to-metadata") {
        res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" });
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
    port = (target.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((r) => target.close(() => r())));

  test("is off unless the operator allows it", async () => {
    const s = await start({ allowFetch: false });
    try {
      const r = await post(s.base, { url: `http://127.0.0.1:${port}/article` });
      assert.equal(r.status, 403);
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, "fetch_disabled");
    } finally {
      await s.close();
    }
  });

  test("refuses loopback and private addresses, written out or behind a name", async () => {
    const s = await start({ allowFetch: true });
    try {
      for (const url of [
        `http://127.0.0.1:${port}/article`, `http://localhost:${port}/article`, `http://[::1]:${port}/article`, "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/",
        "http://0x7f000001/", "file:///etc/passwd", `http://[::127.0.0.1]:${port}/article`, `http://[::ffff:127.0.0.1]:${port}/article`, `http://[0:0:0:0:0:ffff:7f00:1]:${port}/article`,
      ]) {
        const r = await post(s.base, { url });
        assert.equal(r.status, 422, url);
        assert.equal(((await r.json()) as { error: { code: string } }).error.code, "fetch_refused", url);
      }
    } finally {
      await s.close();
    }
  });

  test("follows redirects, checking every hop", async () => {
    // 127.0.0.1 stands in for a public server here; everything else keeps the production rule.
    const policy = (ip: string) => (ip === "127.0.0.1" ? undefined : blockedAddress(ip));
    const s = await start({ allowFetch: true, fetchOptions: { policy } });
    try {
      const ok = await post(s.base, { url: `http://127.0.0.1:${port}/article` });
      assert.equal(ok.status, 201, await ok.clone().text());
      const rep = (await (await fetch(`${s.base}/api/reports/${((await ok.json()) as { report: string }).report}`)).json()) as ReportDetail;
      assert.match(rep.text, /Waal bridge in Nijmegen/);
      assert.doesNotMatch(rep.text, /Home \| World/);
      assert.equal(rep.url, `http://127.0.0.1:${port}/article`);
      for (const path of ["/to-private", "/to-v6-loopback", "/to-metadata"]) {
        const r = await post(s.base, { url: `http://127.0.0.1:${port}${path}` });
        assert.equal(r.status, 422, path);
        assert.equal(((await r.json()) as { error: { code: string } }).error.code, "fetch_refused", path);
      }
    } finally {
      await s.close();
    }
  });

  test("the address rule", () => {
    for (const ip of [
      "127.0.0.1", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1",
      "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
      // IPv4-compatible, as the URL parser writes http://[::127.0.0.1]/, and IPv4-translated forms
      "::7f00:1", "::127.0.0.1", "::a00:1", "0:0:0:0:0:0:7f00:1", "::ffff:0:7f00:1", "::ffff:0:c0a8:101",
    ]) {
      assert.ok(blockedAddress(ip), `${ip} must be refused`);
    }
    for (const ip of ["8.8.8.8", "93.184.216.34", "172.32.0.1", "2001:4860:4860::8888", "2a00:1450:4001::1"]) assert.equal(blockedAddress(ip), undefined, ip);
  });
});

describe("the serve command", () => {
  const bin = new URL("../../bin/sitrep.js", import.meta.url).pathname;

  test("starts on a free loopback port, answers, and stops cleanly on SIGTERM", async (t) => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [bin, "serve", "--memory", "--port", "0"], { env: { ...process.env, SITREP_TOKEN: TOKEN }, stdio: ["ignore", "ignore", "pipe"] });
    // a failed assertion must not leave the server running: the test process would never end
    t.after(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let err = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (c: Buffer) => {
        err += c.toString();
        const m = /on (http:\/\/localhost:\d+)\//.exec(err);
        if (m) resolve(m[1]!);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    assert.match(err, /write token from SITREP_TOKEN/);
    assert.doesNotMatch(err, new RegExp(TOKEN), "a token the operator chose is not printed");
    const health = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean };
    assert.equal(health.ok, true);
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", resolve);
      child.kill("SIGTERM");
    });
    assert.equal(code, 0);
  });

  test("rejects a bad port or host as a usage error", async () => {
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync(process.execPath, [bin, "serve", "--memory", "--port", "eighty"], { encoding: "utf8" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--port must be a port number/);
    const h = spawnSync(process.execPath, [bin, "serve", "--memory", "--host", "my laptop"], { encoding: "utf8" });
    assert.equal(h.status, 2);
  });
});
