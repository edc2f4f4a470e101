// npm run bench:page [-- --claims 100000 --db PATH]: the page's first view of a large ledger. Builds (or
// reuses, with --db) a ledger of about N claims from reports we write here (long river-flood reports, 100
// claims each, 20 outlets over two months), serves it on loopback and opens the page in Debian's Chromium:
// the time from navigation until the briefing, the claims table's first page with its counts, and the map
// with its outlines and markers are on screen, each in a new browser context; then the API's own times and
// sizes for the reads behind them (first page, facets, page 500, a sort, a filter, entities, places).
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { buildServer } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const CLAIMS = Number(arg("claims") ?? 100_000);
const DB = arg("db") ?? join(mkdtempSync(join(tmpdir(), "sitrep-bench-page-")), "ledger.db");
const CHROMIUM = "/usr/bin/chromium";
/** How long a view may take before the bench says so and goes on (--wait seconds). */
const WAIT_MS = Number(arg("wait") ?? 180) * 1000;
const TOWNS = ["Zwolle", "Deventer", "Kampen", "Apeldoorn", "Arnhem", "Nijmegen", "Zutphen", "Hengelo", "Enschede", "Almelo", "Doetinchem", "Tiel", "Culemborg", "Wageningen", "Ede", "Harderwijk"];

function report(r: number): string {
  let body = `---\ntitle: High water, update ${r + 1}\nsource: Outlet ${r % 20}\npublished: 2024-02-${String(1 + (r % 28)).padStart(2, "0")}T${String(r % 24).padStart(2, "0")}:00:00Z\nlanguage: en\n---\n`;
  for (let i = 0; i < 25; i++) {
    const a = TOWNS[(i + r) % TOWNS.length]!, b = TOWNS[(i * 3 + r) % TOWNS.length]!;
    body += `The water board said that the dike near ${a} was holding on day ${i + r}.\nPolice in ${b} denied that ${i + 2 + r} bridges had been closed.\nThe fire brigade confirmed that ${i + 3 + r} people were rescued near ${b}.\nIt is unclear how long the road to ${a} will stay closed after ${i + 5 + r} hours.\n`;
  }
  return body;
}

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

// As `sitrep serve` opens it: what it computes ahead starts once the server listens.
const ledger = await StoreLedger.open(DB, { workers: true, warm: !process.argv.includes("--cold"), warmAfterListen: true });
let have = (await ledger.searchClaims({ limit: 1 })).total;
if (have < CLAIMS) {
  const t0 = performance.now();
  for (let r = Math.floor(have / 100); have < CLAIMS; r++) {
    have += (await ledger.addReport({ body: report(r), format: "text", origin: `bench-page-${r}` })).claims;
    if (r % 100 === 0) process.stderr.write(`\r${have} claims`);
  }
  process.stderr.write(`\rbuilt ${have} claims in ${ms(t0)} (${DB})\n`);
}
const app = await buildServer({ ledger, token: "bench-page-token-0123456789", loopback: true, readNeedsToken: false, allowFetch: false, webDir: join(root, "dist", "web") });
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
console.log(`ledger: ${have} claims, ${(await ledger.listReports({ limit: 1 })).total} reports`);

const apiTimes = async () => {
  for (const path of ["/api/claims?limit=100", "/api/claims/facets", "/api/claims?limit=100&offset=50000", "/api/claims?limit=100&sort=-status", "/api/claims?limit=100&status=denied&outlet=Outlet%203", "/api/claims/facets?status=denied", "/api/entities", "/api/places", "/api/reports?limit=1000"]) {
    const t0 = performance.now();
    const r = await fetch(base + path);
    const n = (await r.arrayBuffer()).byteLength;
    console.log(`GET ${path}: ${r.status} ${ms(t0)} (${(n / 1024).toFixed(0)} KB)`);
  }
};

if (existsSync(CHROMIUM) && existsSync(join(root, "dist", "web", "index.html"))) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  // Each view in a new browser context (nothing cached, as on an analyst's first visit), from navigation
  // until what the view is for is on screen: the briefing itself (and, sooner, the newest claims shown
  // while it is built), the claims table's first page with its counts, the map's outlines with its
  // markers. First right after the server started (before anything else asked it), then once what
  // `serve` computes ahead is ready, as when an analyst opens the page some seconds after it came up.
  const views = [
    ["#/", ["[data-testid=first-view] li[data-claim], [data-testid=briefing]"], "first view (newest claims or the briefing)"],
    ["#/", ["[data-testid=briefing]"], "the briefing"],
    ["#/claims", ["tr[data-claim]", "[data-testid=count-denied]"], "first page with counts"],
    ["#/map", ["[data-testid=map] path.land", "[data-testid=map-marker], [data-testid=map-cluster]"], "outlines and markers"],
    ["#/claims?page=500", ["tr[data-row='49901']"], "page 500"],
    ["#/claims?sort=outlet", ["tr[data-claim]", "[data-testid=count-denied]"], "sorted by outlet"],
  ] as const;
  for (const when of ["at start", "warm"]) {
    if (when === "warm") {
      await apiTimes();
      await new Promise((r) => setTimeout(r, 3000));
    }
    for (const [hash, ready, what] of views) {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      let requests = 0, bytes = 0;
      page.on("requestfinished", (r) => {
        requests++;
        void r.sizes().then((s) => (bytes += s.responseBodySize), () => undefined);
      });
      const t0 = performance.now();
      await page.goto(`${base}/${hash}`);
      let took: string;
      try {
        for (const sel of ready) await page.locator(sel).first().waitFor({ timeout: WAIT_MS });
        took = `in ${ms(t0)}`;
      } catch {
        // (a ledger whose briefing was never worked out: minutes of fusion on 100k claims)
        took = `not within ${WAIT_MS / 1000} s`;
      }
      console.log(`page ${hash} (${when}): ${what} ${took} (new context; ${requests} requests, ${(bytes / 1024).toFixed(0)} KB over the wire)`);
      await page.context().close();
    }
  }
  await browser.close();
} else {
  console.log("page: skipped (no Chromium or the page is not built)");
  await apiTimes();
}
await app.close();
await ledger.close();
