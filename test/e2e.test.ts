// The page in a real headless Chromium (Debian's chromium, driven by playwright-core): load it, add a report
// through the form, watch the claim appear, filter, open the span, see the map, follow a live update, and
// check that markup inside a report stays text. Screenshots go to test-artifacts/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { buildServer } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";

const CHROMIUM = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../../", import.meta.url));
const webDir = join(root, "dist", "web");
const artifacts = join(root, "test-artifacts");
const TOKEN = "e2e-token-0123456789abcdef";

// Functions that playwright runs in the page reach its globals through globalThis (this file is compiled
// without the DOM library); they are passed as functions, not strings, because the page's CSP forbids eval.

const missing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is not installed (apt-get install chromium); the browser tests are skipped`
  : !existsSync(join(webDir, "index.html"))
    ? `the page is not built (${webDir}); run npm run build`
    : undefined;
if (missing) process.stderr.write(`e2e: SKIPPED: ${missing}\n`);

// A report of our own, in English, with a named source, a cue and a place the gazetteer knows.
const REPORT = `---
title: Floods close rail line near Utrecht
source: Test Wire
published: 2024-02-12T08:30:00+01:00
language: en
---
Heavy rain flooded the railway between Utrecht and Amersfoort on Sunday night.
ProRail said the line would stay closed until Tuesday morning.
The operator denied that maintenance work had caused the flooding.
It is unclear how many passengers were stranded.
`;

const HOSTILE = `---
title: Markup test <b>bold</b>
source: Test Wire
published: 2024-02-13T10:00:00+01:00
language: en
---
The mayor of Rotterdam said <script>window.__pwned = 1</script> the bridge would reopen on Friday.
Officials confirmed <img src=x onerror="window.__pwned = 2"> that nobody was hurt.
`;

/** Sends the add form and waits for the server's answer; fails with what the page says when it is not an
 * addition (an error, or a version of a report already there), not with a bare timeout. The first extraction
 * starts the pipeline in a worker, which on a loaded machine can take long: the wait is for the response. */
async function submitAdd(page: Page): Promise<string> {
  const submit = page.getByTestId("submit");
  await page.waitForFunction(() => !(globalThis as any).document.querySelector("[data-testid=submit]").disabled);
  const t0 = Date.now();
  const [res] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/reports" && r.request().method() === "POST", { timeout: 180_000 }),
    submit.click(),
  ]);
  const result = page.getByTestId("add-result");
  await result.waitFor();
  const text = (await result.textContent()) ?? "";
  if (process.env.E2E_TIMING) process.stderr.write(`e2e: POST /api/reports ${res.status()} in ${Date.now() - t0} ms\n`);
  assert.match(text, /Added as d[0-9a-z]{12,16}\b/, `HTTP ${res.status()}: ${text}`);
  return text;
}

describe("the page in headless Chromium", { skip: missing }, () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let close: () => Promise<void>;
  let ledger: StoreLedger;

  before(async () => {
    ledger = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-e2e-")), "ledger.db"));
    mkdirSync(artifacts, { recursive: true });
    const samples = join(root, "samples");
    for (const f of readdirSync(samples).filter((x) => /\.(txt|html)$/.test(x)).sort()) {
      await ledger.addReport({ body: readFileSync(join(samples, f), "utf8"), format: f.endsWith(".html") ? "html" : "text", origin: f });
    }
    const app = await buildServer({ ledger, token: TOKEN, loopback: true, readNeedsToken: false, allowFetch: false, webDir });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    close = () => app.close();
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
    page = await ctx.newPage();
    page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
  });

  after(async () => {
    await browser?.close();
    await close?.();
    await ledger?.close();
  });

  test("the briefing loads, with sections and citations, and the stream is live", async () => {
    await page.goto(`${base}/#/brief`);
    await page.getByTestId("briefing").waitFor();
    await page.locator(".live.on").waitFor();
    const headings = await page.locator(".brief-section h2").allTextContents();
    assert.ok(headings.length >= 2, `sections: ${headings.join(", ")}`);
    assert.ok((await page.locator(".brief .cite").count()) > 0);
    await page.screenshot({ path: join(artifacts, "briefing.png") });
  });

  test("a report added through the form appears as claims; filters narrow them; a claim opens its span", async () => {
    await page.goto(`${base}/#/add`);
    await page.getByTestId("token").fill(TOKEN);
    await page.locator(".help .ok").waitFor();
    await page.getByTestId("report-input").fill(REPORT);
    await submitAdd(page);
    await page.getByTestId("added-link").click();

    const row = page.locator("tr[data-claim]").filter({ hasText: "the line would stay closed until Tuesday morning" });
    await row.waitFor();
    const allRows = await page.locator("tr[data-claim]").count();
    assert.ok(allRows >= 3, `rows for the new report: ${allRows}`);

    // filter by status: only claimed claims remain, ProRail's among them
    await page.getByTestId("status-claimed").click();
    // a table being re-rendered is empty for a moment, and every() holds on nothing: wait for rows
    await page.waitForFunction(() => {
      const badges = [...(globalThis as any).document.querySelectorAll("tr[data-claim] .badge")];
      return badges.length > 0 && badges.every((b: any) => b.getAttribute("data-status") === "claimed");
    });
    const claimed = await page.locator("tr[data-claim]").allTextContents();
    assert.ok(claimed.some((t) => /ProRail/.test(t)), claimed.join(" | "));
    assert.ok(claimed.length < allRows, "the status filter narrows the table");
    await page.getByTestId("status-claimed").click();

    // search narrows by text
    await page.getByTestId("search").fill("Tuesday");
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll("tr[data-claim]").length === 1);

    // open the claim: the report shows with the claim span, the cue and the source highlighted
    const id = await page.locator("tr[data-claim]").first().getAttribute("data-claim");
    await page.locator("tr[data-claim]").first().click();
    const panel = page.getByTestId("report-panel");
    await panel.waitFor();
    assert.equal(await panel.getByTestId("report-title").textContent(), "Floods close rail line near Utrecht");
    const claimMark = await panel.locator(".report-text .hl-claim").allTextContents();
    assert.match(claimMark.join(""), /the line would stay closed until Tuesday morning/);
    assert.match((await panel.locator(".report-text .hl-cue").allTextContents()).join(""), /said/);
    assert.match((await panel.locator(".report-text .hl-source").allTextContents()).join(""), /ProRail/);
    // the claim view for the screenshot: the whole table, the report beside it
    await page.goto(`${base}/#/claims?claim=${id}`);
    await page.locator(".report-text .hl-cue").waitFor();
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll("tr[data-claim]").length > 10);
    await page.screenshot({ path: join(artifacts, "claims.png") });
  });

  test("the map draws the outlines offline and a marker or cluster for each place", async () => {
    await page.goto(`${base}/#/map`);
    await page.locator(".land").first().waitFor();
    await page.getByTestId("map-marker").first().waitFor();
    // The countries around the places first, the rest of the world a moment later.
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll(".land").length > 100, undefined, { timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, "map.png") });
    // The whole world: Utrecht, far from the busiest places, is on it as a marker or inside a cluster.
    await page.getByTestId("map-all").click();
    await page.waitForFunction(() =>
      [...(globalThis as any).document.querySelectorAll("[data-testid=map-marker], [data-testid=map-cluster]")].some((e: any) =>
        (e.getAttribute("data-place") ?? e.getAttribute("data-places") ?? "").split("|").includes("Utrecht"),
      ),
    );
  });

  test("a report ingested elsewhere shows up live", async () => {
    await page.goto(`${base}/#/claims`);
    await page.locator(".live.on").waitFor();
    const before = Number((await page.getByTestId("claim-count").textContent())!.replace(/\D+/g, ""));
    await ledger.addReport({
      body: "---\ntitle: Ferry service resumes\nsource: Test Wire\npublished: 2024-02-14T07:00:00+01:00\nlanguage: en\n---\nThe ferry between Vlissingen and Breskens resumed service on Wednesday, the operator said.\n",
      format: "text",
    });
    await page.getByTestId("toast").filter({ hasText: "Ferry service resumes" }).waitFor();
    await page.waitForFunction((n) => Number((globalThis as any).document.querySelector("[data-testid=claim-count]").textContent.replace(/\D+/g, "")) > n, before);
  });

  test("markup inside a report is shown as text, never run", async () => {
    const r = await ledger.addReport({ body: HOSTILE, format: "text" });
    await page.goto(`${base}/#/claims?report=${r.report}`);
    await page.locator("tr[data-claim]").first().waitFor();
    const tableText = await page.getByTestId("claims-table").textContent();
    assert.match(tableText!, /<script>window.__pwned = 1<\/script>|<img src=x onerror=/);
    await page.locator("tr[data-claim]").first().click();
    const text = page.getByTestId("report-text");
    await text.waitFor();
    const shown = (await text.textContent())!;
    assert.ok(shown.includes("<script>window.__pwned = 1</script>"), shown);
    assert.ok(shown.includes('<img src=x onerror="window.__pwned = 2">'), shown);
    assert.equal(await page.locator("#app script, #app img, [data-testid=report-text] b").count(), 0);
    assert.equal(await page.evaluate(() => (globalThis as any).__pwned), undefined);
    assert.equal(await page.getByTestId("report-title").textContent(), "Markup test <b>bold</b>");
  });

  test("an HTML file uploaded through the form is read as an article", async () => {
    await page.goto(`${base}/#/add`);
    await page.getByTestId("token").fill(TOKEN);
    const html = `<!doctype html><html lang="nl"><head><title>Veerpont Zwolle weer in de vaart</title><meta name="author" content="Stadskrant"></head><body><nav>Home · Regio · Sport</nav><article><h1>Veerpont Zwolle weer in de vaart</h1><p>De veerpont over de IJssel bij Zwolle vaart sinds vanochtend weer, meldt de gemeente.</p><p>Volgens de schipper was een kapotte motor de oorzaak van de storing.</p></article><footer>Stadskrant</footer></body></html>`;
    await page.getByTestId("report-file").setInputFiles({ name: "veerpont.html", mimeType: "text/html", buffer: Buffer.from(html) });
    // The page reads the file asynchronously (File.text()); send only once it has it, shown by its name.
    await page.waitForFunction(() => (globalThis as any).document.querySelector("[data-testid=report-input]").value === "[veerpont.html]");
    await page.getByTestId("meta-published").fill("2024-06-01T10:00:00+02:00");
    await submitAdd(page);
    await page.getByTestId("added-link").click();
    const rows = page.locator("tr[data-claim]");
    await rows.filter({ hasText: "veerpont" }).first().waitFor();
    const all = (await rows.allTextContents()).join(" ");
    assert.doesNotMatch(all, /Home · Regio · Sport/, "the page's navigation is not part of the report");
  });

  test("the timeline, the contradictions side by side, and the form", async () => {
    await page.goto(`${base}/#/timeline`);
    await page.getByTestId("timeline").waitFor();
    assert.ok((await page.locator(".timeline li").count()) >= 3);
    await page.screenshot({ path: join(artifacts, "timeline.png") });
    await page.goto(`${base}/#/contradictions`);
    await page.locator("[data-testid=contradictions], .empty").first().waitFor();
    if (await page.getByTestId("contradictions").count()) {
      const pair = page.locator(".pair").first();
      assert.equal(await pair.locator(".side").count(), 2, "two claims side by side");
      assert.ok(((await pair.locator(".reason").textContent()) ?? "").length > 10, "with a reason");
    }
    await page.screenshot({ path: join(artifacts, "contradictions.png") });
    await page.goto(`${base}/#/add`);
    await page.getByTestId("add-form").waitFor();
    await page.screenshot({ path: join(artifacts, "add.png") });
  });

  test("the interface speaks Dutch", async () => {
    await page.goto(`${base}/#/brief`);
    await page.getByTestId("lang-nl").click();
    assert.equal(await page.getByTestId("tab-claims").textContent(), "Beweringen");
    await page.locator(".brief h1").filter({ hasText: /weten/ }).waitFor();
    assert.equal(await page.evaluate(() => (globalThis as any).document.documentElement.lang), "nl");
    await page.getByTestId("lang-en").click();
  });
});
