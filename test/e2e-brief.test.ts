// The HTML briefing in a real headless Chromium (Debian's chromium, driven by playwright-core): reports
// whose address is hostile (javascript:, data:, vbscript:, in odd spellings) must not put a script in the
// file an editor saves and opens; only http(s) addresses are links, and the file's own policy allows no
// script at all. Served by `sitrep serve`, the same briefing keeps its style sheet under the server's policy.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { buildServer } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";

const CHROMIUM = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "sitrep.js");
const artifacts = join(root, "test-artifacts");
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install chromium); the browser tests are skipped`;
if (missing) process.stderr.write(`e2e-brief: SKIPPED: ${missing}\n`);

// Addresses a report can claim for itself; each would run script if it became a link and were clicked.
const HOSTILE = [
  "javascript:window.__pwned=1",
  "JaVaScRiPt:window.__pwned=2",
  " \u0001javascript:window.__pwned=3",
  "java\tscript:window.__pwned=4",
  "data:text/html,<script>parent.__pwned=5</script>",
  "vbscript:msgbox(6)",
  "javascript://example.org/%0Awindow.__pwned=7",
];

function report(i: number, url: string): string {
  return `---\ntitle: "Report ${i} <img src=x onerror=\\"window.__pwned=${100 + i}\\">"\nsource: "Wire ${i}"\nurl: ${JSON.stringify(url)}\nlanguage: en\npublished: 2024-02-1${i % 9}T08:00:00+01:00\n---\nThe mayor of Leiden said the canal bridge ${i} would reopen on Friday.\nThe council denied that the repairs had been delayed.\n`;
}

describe("the HTML briefing in headless Chromium", { skip: missing }, () => {
  let browser: Browser;
  let page: Page;
  let db: string;
  let file: string;
  const dialogs: string[] = [];

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-e2e-brief-"));
    mkdirSync(join(dir, "in"));
    HOSTILE.forEach((u, i) => writeFileSync(join(dir, "in", `r${i}.txt`), report(i, u)));
    writeFileSync(join(dir, "in", "ok.txt"), report(9, "https://news.example.org/leiden/bridge"));
    db = join(dir, "ledger.db");
    const ing = spawnSync(process.execPath, [bin, "ingest", join(dir, "in"), "--db", db], { encoding: "utf8" });
    assert.equal(ing.status, 0, ing.stderr);
    const html = spawnSync(process.execPath, [bin, "brief", "--db", db, "--format", "html"], { encoding: "utf8" });
    assert.equal(html.status, 0, html.stderr);
    file = join(dir, "brief.html");
    writeFileSync(file, html.stdout);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 }, javaScriptEnabled: true });
    // No request leaves the machine: a link that escaped would be answered here, not on the network.
    await ctx.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (r) => r.fulfill({ status: 204, body: "" }));
    page = await ctx.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
  });

  test("only http(s) addresses become links; clicking every link and address runs no script", async () => {
    await page.goto(pathToFileURL(file).href);
    const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null }> } };
    const hrefs = await page.evaluate(() => Array.from((globalThis as unknown as typeof g).document.querySelectorAll("a[href]"), (a) => a.getAttribute("href")!));
    assert.ok(hrefs.includes("https://news.example.org/leiden/bridge"), hrefs.join(" "));
    for (const h of hrefs) assert.match(h, /^(https?:\/\/|#)/, h);
    // the hostile addresses are shown as text, where the reader can see them
    const shown = await page.evaluate(() => Array.from((globalThis as unknown as typeof g).document.querySelectorAll(".url"), (a) => a.textContent ?? ""));
    assert.equal(shown.length, HOSTILE.length);
    assert.equal(await page.locator("script").count(), 0);
    assert.equal(await page.locator("img").count(), 0, "markup in a title is text");
    for (const el of await page.locator("a, .url").all()) {
      const href = await el.getAttribute("href");
      if (href && /^https?:/.test(href)) continue;
      await el.click({ force: true });
    }
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "brief-hostile-urls.png"), fullPage: true });
  });

  test("the file's own policy forbids script even if markup got in", async () => {
    await page.goto(pathToFileURL(file).href);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp ?? "", /default-src 'none'/);
    // Put a script element into the page the way injected markup would: the policy must stop it.
    await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { createElement(t: string): { textContent: string }; body: { appendChild(n: unknown): void } } }).document;
      const s = d.createElement("script");
      s.textContent = "window.__pwned = 'inline'";
      d.body.appendChild(s);
    });
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), undefined);
    // while its style sheet applies
    assert.equal(await page.evaluate(bodyMaxWidth), "832px");
  });

  test("served at /api/brief?format=html it keeps its style sheet under the server's policy", async () => {
    const ledger = await StoreLedger.open(db, { workers: false });
    const app = await buildServer({ ledger, token: "e2e-brief-token-0123456789", loopback: true, readNeedsToken: false, allowFetch: false, webDir: join(tmpdir(), "no-web") });
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`http://localhost:${(app.server.address() as AddressInfo).port}/api/brief?lang=en&format=html`);
      assert.equal(await page.evaluate(bodyMaxWidth), "832px");
      assert.deepEqual(violations, []);
      for (const h of await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute("href"))))
        assert.match(h, /^(https?:\/\/|#)/, h);
    } finally {
      await app.close();
      await ledger.close();
    }
  });
});

/** Runs in the page: the body's computed max-width (52rem when the briefing's style sheet applies). */
function bodyMaxWidth(): string {
  const w = globalThis as unknown as { getComputedStyle(e: unknown): { maxWidth: string }; document: { body: unknown } };
  return w.getComputedStyle(w.document.body).maxWidth;
}
