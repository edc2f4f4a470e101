// The claims table's API as the page uses it on a large ledger: pages that add up to the whole selection,
// sorting by each column, counts per filter value (facets), a date range, and the export of exactly the
// filtered view as CSV (the whole export's columns) and JSON.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";
import { CLAIM_STATUSES } from "../src/model/doc.js";
import { CLAIM_COLUMNS } from "../src/export/csv.js";
import type { ClaimFacets, ClaimRow, Page } from "../src/server/port.js";

const TOKEN = "claims-token-0123456789abcdef";
const root = fileURLToPath(new URL("../../", import.meta.url));

// Reports of our own, from three outlets on three days, in two languages.
const OWN = [
  ["Harbour Courier", "2024-03-04T18:00:00+01:00", "en", "A storm damaged three cranes in the port of Rotterdam on Monday.\nThe port authority said two workers were injured.\nThe crane operator denied that the cranes had been left unsecured.\n"],
  ["IJsselbode", "2024-03-05T09:00:00+01:00", "nl", "Het waterschap zegt dat de dijk bij Deventer op twee plaatsen is verzwakt.\nBurgemeester Jansen ontkent dat de stad te laat heeft gewaarschuwd.\n"],
  ["Harbour Courier", "2024-03-06T07:30:00+01:00", "en", "Police said the terminal in Rotterdam would reopen on Thursday.\nThe union claimed that the cranes had not been inspected for a year.\n"],
];

describe("claims: paging, sorting, facets, date range, export of the view", () => {
  let app: FastifyInstance;
  let base: string;
  let ledger: StoreLedger;
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(base + path);
    assert.equal(r.status, 200, `${path}: ${await r.clone().text()}`);
    return (await r.json()) as T;
  };
  const all = async (query: string): Promise<ClaimRow[]> => {
    const out: ClaimRow[] = [];
    for (let offset = 0; ; offset += 7) {
      const p = await get<Page<ClaimRow>>(`/api/claims?${query}&limit=7&offset=${offset}`);
      out.push(...p.items);
      if (p.items.length < 7) {
        assert.equal(out.length, p.total, "the pages add up to the total");
        return out;
      }
    }
  };

  before(async () => {
    ledger = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-claims-")), "ledger.db"), { workers: false });
    const samples = join(root, "samples");
    for (const f of readdirSync(samples).sort()) await ledger.addReport({ body: readFileSync(join(samples, f), "utf8"), format: f.endsWith(".html") ? "html" : "text", origin: f });
    for (const [i, [source, published, language, text]] of OWN.entries())
      await ledger.addReport({ body: `---\ntitle: Report ${i}\nsource: ${source}\npublished: ${published}\nlanguage: ${language}\n---\n${text}`, format: "text", origin: `own-${i}` });
    app = await buildServer({ ledger, token: TOKEN, loopback: true, readNeedsToken: false, allowFetch: false, webDir: mkdtempSync(join(tmpdir(), "sitrep-web-")) });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await app?.close();
    await ledger?.close();
  });

  test("pages of any size add up to the selection, with no claim twice", async () => {
    const whole = await get<Page<ClaimRow>>("/api/claims?limit=5000");
    assert.ok(whole.total > 20, `claims: ${whole.total}`);
    const paged = await all("sort=published");
    assert.deepEqual(paged.map((c) => c.id), whole.items.map((c) => c.id));
    assert.equal(new Set(paged.map((c) => c.id)).size, paged.length);
  });

  test("every column sorts both ways, on the SQL path and on the text-search path", async () => {
    const order = (c: ClaimRow, by: string): string | number =>
      by === "status" ? CLAIM_STATUSES.indexOf(c.status) : by === "source" ? (c.source?.name ?? "") : by === "outlet" ? (c.reportSource ?? "") : Date.parse(c.published);
    for (const extra of ["", "&q=cranes"]) {
      const n = (await get<Page<ClaimRow>>(`/api/claims?limit=1${extra}`)).total;
      for (const by of ["published", "status", "source", "outlet"]) {
        for (const desc of [false, true]) {
          const rows = await all(`sort=${desc ? "-" : ""}${by}${extra}`);
          assert.equal(rows.length, n, `${by}${extra}: the sort keeps every claim`);
          for (let i = 1; i < rows.length; i++) {
            const a = order(rows[i - 1]!, by), b = order(rows[i]!, by);
            assert.ok(desc ? a >= b : a <= b, `${desc ? "-" : ""}${by}${extra}: ${a} then ${b}`);
          }
        }
      }
    }
  });

  test("pages by cursor (next onwards, prev back) are the pages by offset, under every sort and with filters; a bad cursor is refused", async () => {
    for (const extra of ["", "&status=claimed,denied", "&q=cranes", "&outlet=Harbour%20Courier"])
      for (const sort of ["published", "-published", "status", "-status", "source", "-source", "outlet", "-outlet"]) {
        const what = `sort=${sort}${extra}`;
        const byOffset = (await all(`sort=${sort}${extra}`)).map((c) => c.id);
        const pages: Page<ClaimRow>[] = [];
        for (let cursor = ""; ; ) {
          const p = await get<Page<ClaimRow>>(`/api/claims?sort=${sort}${extra}&limit=5${cursor}`);
          assert.equal(p.total, byOffset.length, `${what}: the total on every page`);
          assert.equal(!!p.prev, pages.length > 0, `${what}: a page before this one`);
          pages.push(p);
          if (!p.next) break;
          cursor = `&after=${p.next}`;
        }
        assert.deepEqual(pages.flatMap((p) => p.items.map((c) => c.id)), byOffset, what);
        // back from the last page by prev: the same pages
        for (let i = pages.length - 1; i > 0; i--) {
          const p = await get<Page<ClaimRow>>(`/api/claims?sort=${sort}${extra}&limit=5&before=${pages[i]!.prev}`);
          assert.deepEqual(p.items.map((c) => c.id), pages[i - 1]!.items.map((c) => c.id), `${what}: page ${i} by prev`);
          assert.equal(!!p.prev, i > 1, `${what}: page ${i} has one before it`);
          assert.ok(p.next, `${what}: and one after it`);
        }
      }
    assert.equal((await fetch(`${base}/api/claims?after=nonsense`)).status, 400);
  });

  test("facets count what the other filters select, and each count is what choosing the value gives", async () => {
    const f = await get<ClaimFacets>("/api/claims/facets");
    const total = (await get<Page<ClaimRow>>("/api/claims?limit=1")).total;
    for (const k of ["status", "source", "outlet", "language"] as const) assert.ok(f[k].length > 0, k);
    assert.equal(f.status.reduce((s, x) => s + x.n, 0), total, "statuses partition the claims");
    assert.equal(f.language.reduce((s, x) => s + x.n, 0), total, "languages partition the claims");
    for (const s of f.status) assert.equal((await get<Page<ClaimRow>>(`/api/claims?limit=1&status=${s.value}`)).total, s.n, `status ${s.value}`);
    const courier = f.outlet.find((o) => o.value === "Harbour Courier");
    assert.ok(courier, f.outlet.map((o) => o.value).join(", "));
    const atCourier = await all(`outlet=${encodeURIComponent("Harbour Courier")}`);
    assert.equal(atCourier.length, courier.n);
    assert.ok(atCourier.every((c) => c.reportSource === "Harbour Courier"));
    const named = f.source.find((s) => s.value !== null)!;
    assert.equal((await all(`source=${encodeURIComponent(named.value!)}`)).length, named.n, `source ${named.value}`);
    // With a status chosen, the status facet still offers the others; the outlet facet narrows.
    const denied = await get<ClaimFacets>("/api/claims/facets?status=denied");
    assert.deepEqual(denied.status, f.status);
    const deniedTotal = (await get<Page<ClaimRow>>("/api/claims?limit=1&status=denied")).total;
    assert.equal(denied.outlet.reduce((s, x) => s + x.n, 0), deniedTotal);
    // Facets over a text search (the path filtered outside SQL) count the same way.
    const cranes = await get<ClaimFacets>("/api/claims/facets?q=cranes");
    assert.equal(cranes.status.reduce((s, x) => s + x.n, 0), (await get<Page<ClaimRow>>("/api/claims?limit=1&q=cranes")).total);
  });

  test("facets of an entity's or words' claims, with other filters: each count is what choosing the value gives", async () => {
    // (these views are counted from the claims read once for all four facets, not in SQL as the pages are)
    const rotterdam = (await get<Page<ClaimRow>>("/api/claims?limit=200&q=Rotterdam")).items.flatMap((c) => c.places).find((p) => /Rotterdam/.test(p.name));
    assert.ok(rotterdam, "the reports name Rotterdam as a place");
    for (const view of [`place=${rotterdam.id}`, "q=cranes", `place=${rotterdam.id}&language=en`, "q=cranes&status=denied,claimed"]) {
      const f = await get<ClaimFacets>(`/api/claims/facets?${view}`);
      assert.ok(f.status.length > 0, view);
      for (const s of f.status) assert.equal((await get<Page<ClaimRow>>(`/api/claims?limit=1&${view.replace(/&?status=[^&]*/, "")}&status=${s.value}`)).total, s.n, `${view}: status ${s.value}`);
      for (const o of f.outlet.filter((x) => x.value !== null))
        assert.equal((await get<Page<ClaimRow>>(`/api/claims?limit=1&${view}&outlet=${encodeURIComponent(o.value!)}`)).total, o.n, `${view}: outlet ${o.value}`);
      for (const l of f.language) assert.equal((await get<Page<ClaimRow>>(`/api/claims?limit=1&${view.replace(/&?language=[^&]*/, "")}&language=${l.value}`)).total, l.n, `${view}: language ${l.value}`);
      for (const s of f.source)
        assert.equal((await get<Page<ClaimRow>>(`/api/claims?limit=1&${view}&source=${s.value === null ? "report" : encodeURIComponent(s.value)}`)).total, s.n, `${view}: source ${s.value}`);
    }
  });

  test("a date range keeps the claims of reports published inside it", async () => {
    const since = "2024-03-05T00:00:00Z", until = "2024-03-05T23:59:59.999Z";
    const rows = await all(`since=${since}&until=${until}`);
    assert.ok(rows.length > 0);
    assert.ok(rows.every((c) => Date.parse(c.published) >= Date.parse(since) && Date.parse(c.published) <= Date.parse(until)), rows.map((c) => c.published).join(", "));
    const wider = await all(`since=2024-03-04T00:00:00Z&until=${until}`);
    assert.ok(wider.length > rows.length);
  });

  test("the export is the filtered view in its order: CSV with the whole export's columns, and JSON", async () => {
    const query = `status=claimed,denied&sort=-outlet`;
    const view = await all(query);
    assert.ok(view.length > 2);
    const csv = await fetch(`${base}/api/claims/export?format=csv&${query}`);
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    assert.match(csv.headers.get("content-disposition")!, /attachment/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a byte-order mark for spreadsheets");
    const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
    assert.equal(lines[0], CLAIM_COLUMNS.join(","));
    assert.deepEqual(lines.slice(1).map((l) => l.split(",", 1)[0]), view.map((c) => c.id));
    const js = (await (await fetch(`${base}/api/claims/export?format=json&${query}`)).json()) as { claims: ClaimRow[]; filters: { status: string[] } };
    assert.deepEqual(js.claims.map((c) => c.id), view.map((c) => c.id));
    assert.deepEqual(js.filters.status, ["claimed", "denied"]);
  });

  test("a correction needs the token, shows who/when/why, keeps the extraction, is exported, and can be undone", async () => {
    const send = (body: object, token: string | null = TOKEN) =>
      fetch(`${base}/api/corrections`, { method: "POST", headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) });
    const claim = (await get<Page<ClaimRow>>("/api/claims?status=claimed&limit=1")).items[0]!;
    const body = { who: "Editor A", why: "the ministry retracted the statement", target: claim.id, action: "status", data: { status: "denied" } };
    assert.equal((await send(body, null)).status, 401);
    assert.equal((await send({ ...body, data: { status: "rumoured" } })).status, 422);
    assert.equal((await send({ ...body, target: claim.report + "-zzzzzzzz" })).status, 422);
    const made = await send(body);
    assert.equal(made.status, 201);
    const c = (await made.json()) as { id: number; at: string; who: string };
    assert.equal(c.who, "Editor A");
    const row = async () => (await get<Page<ClaimRow>>(`/api/claims?report=${claim.report}&limit=500`)).items.find((x) => x.id === claim.id)!;
    let now = await row();
    assert.equal(now.status, "denied");
    assert.equal(now.extracted?.status, "claimed", "the extraction is kept");
    assert.equal(now.corrections?.[0]?.why, "the ministry retracted the statement");
    const trail = await get<{ id: number; who: string; at: string; undone?: boolean }[]>(`/api/corrections?target=${claim.id}`);
    assert.equal(trail.length, 1);
    assert.ok(!Number.isNaN(Date.parse(trail[0]!.at)));
    // Exported as corrected, with the extraction beside it in the JSON.
    const js = (await (await fetch(`${base}/api/claims/export?format=json&report=${claim.report}`)).json()) as { claims: ClaimRow[] };
    const out = js.claims.find((x) => x.id === claim.id)!;
    assert.equal(out.status, "denied");
    assert.equal(out.extracted?.status, "claimed");
    const csv = await (await fetch(`${base}/api/claims/export?format=csv&report=${claim.report}`)).text();
    assert.match(csv.split("\r\n").find((l) => l.startsWith(claim.id))!, /,denied,/);
    // Undo: the extraction's status is back; the trail keeps both.
    assert.equal((await send({ who: "Editor B", why: "checked again", action: "undo", undoes: c.id })).status, 201);
    now = await row();
    assert.equal(now.status, "claimed");
    assert.equal(now.extracted, undefined);
    const after = await get<{ id: number; action: string; undone?: boolean }[]>(`/api/corrections?target=${claim.id}`);
    assert.deepEqual(after.map((x) => [x.action, !!x.undone]), [["status", true], ["undo", false]]);
    assert.equal((await send({ who: "Editor B", why: "again", action: "undo", undoes: c.id })).status, 422, "undone once");
    // A retracted report: its claims say so, and so does the report.
    assert.equal((await send({ who: "Editor A", why: "the outlet withdrew the story", target: claim.report, action: "retract" })).status, 201);
    assert.ok((await get<Page<ClaimRow>>(`/api/claims?report=${claim.report}`)).items.every((x) => x.retracted));
    assert.equal((await get<{ retracted?: boolean }>(`/api/reports/${claim.report}`)).retracted, true);
  });

  test("bad sort and status values are refused with 400, and an offset past the deepest one (cursors go further)", async () => {
    assert.equal((await fetch(`${base}/api/claims?sort=text`)).status, 400);
    assert.equal((await fetch(`${base}/api/claims/facets?status=rumoured`)).status, 400);
    assert.equal((await fetch(`${base}/api/claims?offset=10000`)).status, 200);
    const deep = await fetch(`${base}/api/claims?offset=10001`);
    assert.equal(deep.status, 400);
    assert.match(JSON.stringify(await deep.json()), /offset/);
  });
});
