// The page as an analyst uses it on a ledger of several hundred claims, in a real headless Chromium
// (Debian's, driven by playwright-core): the claims table paged past row 500, sorted, filtered with counts
// on every value, the filtered view exported; the pages of a report, an actor and a place; the phone
// layout. Screenshots go to test-artifacts/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { buildServer } from "../src/server/app.js";
import { StoreLedger } from "../src/server/store.js";
import { CLAIM_STATUSES } from "../src/model/doc.js";

const CHROMIUM = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../../", import.meta.url));
const webDir = join(root, "dist", "web");
const artifacts = join(root, "test-artifacts");
const TOKEN = "e2e-analyst-token-0123456789";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

const missing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is not installed (apt-get install chromium); the browser tests are skipped`
  : !existsSync(join(webDir, "index.html"))
    ? `the page is not built (${webDir}); run npm run build`
    : undefined;
if (missing) process.stderr.write(`e2e-analyst: SKIPPED: ${missing}\n`);

// Reports of our own about high water along a river, from three outlets over four weeks: enough of them
// that the claims table runs past 500 rows.
const TOWNS = ["Zwolle", "Deventer", "Kampen", "Apeldoorn", "Arnhem", "Nijmegen", "Zutphen", "Hengelo", "Enschede", "Almelo"];
const OUTLETS = ["Regio Courant", "Oost Nieuws", "Rivierbode"];
const REPORTS = 72;
function report(i: number): string {
  const a = TOWNS[i % TOWNS.length]!, b = TOWNS[(i + 3) % TOWNS.length]!;
  return `---
title: Water levels rise along the IJssel (${i + 1})
source: ${OUTLETS[i % OUTLETS.length]}
published: 2024-01-${String(1 + (i % 28)).padStart(2, "0")}T08:${String(i % 60).padStart(2, "0")}:00+01:00
language: en
---
Rijkswaterstaat said that the dike near ${a} was holding.
Minister Mark Harbers said that the army would help in ${b}.
Farmers accused Mark Harbers of acting too slowly.
The mayor of ${a} said ${i + 12} families had left their homes.
Police in ${b} denied that the bridge had been closed.
The fire brigade confirmed that ${i + 3} people were rescued near ${b}.
Residents claimed that the warning came too late.
It is unclear how long the road to ${a} will stay closed.
The province said that ${i + 40} soldiers had arrived in ${b}.
A spokesman for the railway said trains to ${a} would run again on Friday.
The ministry said that Belgium had sent pumps to ${b}.
Firefighters said that the water in Oudebroekerveld was still rising.
`;
}


describe("the page for an analyst, in headless Chromium", { skip: missing }, () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let close: () => Promise<void>;
  let ledger: StoreLedger;

  before(async () => {
    ledger = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-e2e-analyst-")), "ledger.db"), { workers: false });
    mkdirSync(artifacts, { recursive: true });
    for (let i = 0; i < REPORTS; i++) await ledger.addReport({ body: report(i), format: "text", origin: `river-${i}` });
    const app = await buildServer({ ledger, token: TOKEN, loopback: true, readNeedsToken: false, allowFetch: false, webDir });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    close = () => app.close();
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB", acceptDownloads: true });
    page = await ctx.newPage();
    page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
  });

  after(async () => {
    await browser?.close();
    await close?.();
    await ledger?.close();
  });

  // the count of the table as shown, once it has loaded (it reads "Loading…" meanwhile)
  const countShown = async () => {
    await page.waitForFunction(() => /\d/.test((globalThis as any).document.querySelector("[data-testid=claim-count]")?.textContent ?? ""));
    return Number((await page.getByTestId("claim-count").textContent())!.replace(/\D+/g, ""));
  };
  const waitRows = () => page.locator("tr[data-claim]").first().waitFor();

  test("the claims table pages past row 500", async () => {
    await page.goto(`${base}/#/claims`);
    await waitRows();
    const total = await countShown();
    assert.ok(total > 500, `claims: ${total}`);
    assert.equal(await page.locator("tr[data-claim]").count(), 100, "a page of 100 rows");
    const seen = new Set<string>();
    for (let p = 1; p <= 6; p++) {
      await page.waitForFunction((n) => (globalThis as any).document.querySelector("tr[data-claim]")?.getAttribute("data-row") === String(n), (p - 1) * 100 + 1);
      for (const id of await page.locator("tr[data-claim]").evaluateAll((els) => els.map((e) => e.getAttribute("data-claim")!))) seen.add(id);
      if (p < 6) await page.getByTestId("page-next-bottom").click();
    }
    assert.match((await page.getByTestId("page-rows-top").textContent())!, new RegExp(`^501–${Math.min(600, total)} of ${total}$`));
    assert.equal(seen.size, Math.min(600, total), "every row of six pages is a different claim");
    assert.match(page.url(), /page=6/, "the page is in the address");
    await page.screenshot({ path: join(artifacts, "claims-page-6.png") });
    await page.getByTestId("page-prev-top").click();
    await page.waitForFunction(() => (globalThis as any).document.querySelector("tr[data-claim]")?.getAttribute("data-row") === "401");
  });

  test("every column sorts, both ways", async () => {
    await page.goto(`${base}/#/claims`);
    await waitRows();
    const statuses = () => page.locator("tr[data-claim] .badge").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")!));
    await page.getByTestId("sort-status").click();
    await page.waitForFunction(() => /sort=status/.test((globalThis as any).location.hash) && (globalThis as any).document.querySelector("tr[data-claim]"));
    await page.waitForFunction(() => (globalThis as any).document.querySelector("th[aria-sort=ascending] [data-testid=sort-status]"));
    let s = (await statuses()).map((x) => CLAIM_STATUSES.indexOf(x as never));
    assert.deepEqual(s, [...s].sort((a, b) => a - b), "ascending by status");
    await page.getByTestId("sort-status").click();
    await page.waitForFunction(() => (globalThis as any).document.querySelector("th[aria-sort=descending] [data-testid=sort-status]"));
    await page.waitForFunction(() => /sort=-status/.test((globalThis as any).location.hash));
    await page.waitForTimeout(50);
    await page.waitForFunction((first) => (globalThis as any).document.querySelector("tr[data-claim] .badge")?.getAttribute("data-status") !== first, CLAIM_STATUSES[s[0]!]);
    s = (await statuses()).map((x) => CLAIM_STATUSES.indexOf(x as never));
    assert.deepEqual(s, [...s].sort((a, b) => b - a), "descending by status");
    await page.getByTestId("sort-outlet").click();
    await page.waitForFunction(() => (globalThis as any).document.querySelector("th[aria-sort=ascending] [data-testid=sort-outlet]"));
    await page.waitForFunction(() => (globalThis as any).document.querySelector("tr[data-claim] .c-report .rt")?.textContent === "Oost Nieuws");
    await page.getByTestId("sort-published").click();
    await page.waitForFunction(() => (globalThis as any).document.querySelector("th[aria-sort=ascending] [data-testid=sort-published]"));
    await page.getByTestId("sort-published").click();
    await page.waitForFunction(() => (globalThis as any).document.querySelector("th[aria-sort=descending] [data-testid=sort-published]"));
    await page.waitForFunction(() => /^2024-01-28/.test((globalThis as any).document.querySelector("tr[data-claim] .c-time")?.textContent ?? ""));
    await page.screenshot({ path: join(artifacts, "claims-sorted.png") });
  });

  test("every filter value shows its count, and choosing it gives that many; a date range narrows", async () => {
    await page.goto(`${base}/#/claims`);
    await waitRows();
    const total = await countShown();
    await page.getByTestId("count-denied").waitFor();
    const counts: Record<string, number> = {};
    for (const s of CLAIM_STATUSES) counts[s] = Number(await page.getByTestId(`count-${s}`).textContent());
    assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), total, JSON.stringify(counts));
    assert.ok(counts.denied! > 0 && counts.claimed! > 0, JSON.stringify(counts));
    await page.getByTestId("status-denied").click();
    await page.waitForFunction((n) => Number((globalThis as any).document.querySelector("[data-testid=claim-count]").textContent.replace(/\D+/g, "")) === n, counts.denied);
    // The outlet's count, among the denied claims.
    const option = page.locator("[data-testid=filter-outlet] option", { hasText: "Rivierbode" });
    await page.waitForFunction(() => /Rivierbode \(\d+\)/.test((globalThis as any).document.querySelector("[data-testid=filter-outlet]").textContent));
    const n = Number(/\((\d+)\)/.exec((await option.textContent())!)![1]);
    assert.ok(n > 0 && n < counts.denied!);
    await page.getByTestId("filter-outlet").selectOption("Rivierbode");
    await page.waitForFunction((k) => Number((globalThis as any).document.querySelector("[data-testid=claim-count]").textContent.replace(/\D+/g, "")) === k, n);
    const outlets = await page.locator("tr[data-claim] .c-report .rt").allTextContents();
    assert.ok(outlets.every((o) => o === "Rivierbode"), outlets.join(", "));
    await page.screenshot({ path: join(artifacts, "claims-filtered.png") });
    // A date range: the first week of January.
    await page.goto(`${base}/#/claims`);
    await waitRows();
    await page.getByTestId("filter-from").fill("2024-01-01");
    await page.getByTestId("filter-to").fill("2024-01-07");
    await page.waitForFunction(() => /to=2024-01-07/.test((globalThis as any).location.hash));
    await page.waitForFunction((t) => Number((globalThis as any).document.querySelector("[data-testid=claim-count]").textContent.replace(/\D+/g, "")) < t, total);
    await waitRows();
    const days = await page.locator("tr[data-claim] .c-time").allTextContents();
    assert.ok(days.length > 0 && days.every((d) => d >= "2024-01-01" && d <= "2024-01-07 23:59"), days.join(", "));
  });

  test("the filtered view is exported from the page as CSV and JSON, all of it", async () => {
    await page.goto(`${base}/#/claims?status=claimed&sort=-outlet`);
    await waitRows();
    const total = await countShown();
    assert.ok(total > 100, "more than one page is exported");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const bytes = readFileSync((await csv.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a byte-order mark");
    const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
    assert.match(lines[0]!, /^id,doc,published,outlet/);
    assert.equal(lines.length - 1, total);
    const status = lines[0]!.split(",").indexOf("status");
    assert.ok(lines.slice(1).every((l) => l.split(",")[status] === "claimed"));
    const [js] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
    const data = JSON.parse(readFileSync((await js.path())!, "utf8")) as { claims: { id: string; status: string; reportSource: string }[] };
    assert.equal(data.claims.length, total);
    const shown = await page.locator("tr[data-claim]").evaluateAll((els) => els.map((e) => e.getAttribute("data-claim")));
    assert.deepEqual(data.claims.slice(0, shown.length).map((c) => c.id), shown, "in the order of the table");
  });

  test("a report's page marks every claim; an actor's and a place's pages gather their claims", async () => {
    await page.goto(`${base}/#/reports`);
    await page.locator("tr[data-report]").first().waitFor();
    assert.equal(await page.locator("tr[data-report]").count(), REPORTS);
    await page.screenshot({ path: join(artifacts, "reports.png") });
    await page.locator("tr[data-report] a").filter({ hasText: "(5)" }).first().click();
    await page.getByTestId("report-page").waitFor();
    assert.equal(await page.getByTestId("report-title").textContent(), "Water levels rise along the IJssel (5)");
    const claims = await page.locator("[data-testid=claim-list] li").count();
    const marked = new Set(await page.locator(".report-text [data-claim]").evaluateAll((els) => els.map((e) => e.getAttribute("data-claim"))));
    assert.ok(claims >= 6, `claims: ${claims}`);
    assert.equal(marked.size, claims, "every claim is marked in the text");
    await page.screenshot({ path: join(artifacts, "report-page.png") });
    // An actor, from its mention in the text: what he says, and what others say about him.
    await page.locator("a.mk-ent", { hasText: "Harbers" }).first().click();
    await page.getByTestId("entity-page").waitFor();
    assert.match((await page.getByTestId("entity-name").textContent())!, /Mark Harbers/);
    await page.getByTestId("claims-by").locator("li").first().waitFor();
    await page.getByTestId("claims-about").locator("li").first().waitFor();
    const by = await page.getByTestId("claims-by").locator("li").allTextContents();
    const about = await page.getByTestId("claims-about").locator("li").allTextContents();
    assert.ok(by.length >= 2 && by.every((x) => /the army would help/.test(x)), by.join(" | "));
    assert.ok(about.length >= 2 && about.every((x) => /accused Mark Harbers/.test(x)), about.join(" | "));
    await page.screenshot({ path: join(artifacts, "actor-page.png") });
    // A place, from the claims table.
    await page.goto(`${base}/#/claims?q=dike`);
    await waitRows();
    await page.locator("tr[data-claim] .places a").first().click();
    await page.getByTestId("entity-page").waitFor();
    const place = (await page.getByTestId("entity-name").textContent())!;
    assert.ok(TOWNS.includes(place), place);
    await page.getByTestId("claims-at").locator("li").first().waitFor();
    const at = await page.getByTestId("claims-at").locator("li").allTextContents();
    assert.ok(at.length >= 1 && at.every((x) => x.includes(place)), at.join(" | "));
    await page.screenshot({ path: join(artifacts, "place-page.png") });
  });

  test("the map zooms to a village, whose marker lists its claims; a country is an outline; unplaced places are listed", async () => {
    await page.goto(`${base}/#/map`);
    await page.locator(".land").first().waitFor();
    await page.locator("[data-testid=map-marker], [data-testid=map-cluster]").first().waitFor();
    const zoom = async () => Number(await page.getByTestId("map").getAttribute("data-zoom"));
    // Zwolle and Kampen lie 13 km apart: at first they are one cluster.
    const kampen = page.locator("[data-testid=map-marker][data-place=Kampen]");
    assert.equal(await kampen.count(), 0, "Kampen starts inside a cluster");
    await page.screenshot({ path: join(artifacts, "map-clusters.png") });
    // The wheel zooms in around the pointer.
    const box = (await page.getByTestId("map").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const z0 = await zoom();
    await page.mouse.wheel(0, -300);
    await page.waitForFunction((z) => Number((globalThis as any).document.querySelector("[data-testid=map]").getAttribute("data-zoom")) > z, z0);
    // Click the cluster that holds Kampen until it splits.
    for (let i = 0; i < 8 && !(await kampen.count()); i++) {
      const c = page.locator("[data-testid=map-cluster]").filter({ has: page.locator("title", { hasText: "Kampen" }) });
      if (await c.count()) await c.first().click();
      else await page.getByTestId("zoom-in").click();
      await page.waitForTimeout(100);
    }
    await kampen.waitFor();
    assert.ok((await zoom()) > z0, "zoomed in");
    await kampen.click();
    const popup = page.getByTestId("map-popup");
    await popup.locator("li").first().waitFor();
    assert.equal(await popup.getAttribute("data-place"), "Kampen");
    const items = await popup.locator("li").allTextContents();
    assert.ok(items.length >= 3 && items.every((x) => x.includes("Kampen")), items.join(" | "));
    // Around the village, the gazetteer's towns the reports do not name are labels on the map.
    await page.locator("[data-testid=map-towns] .town").first().waitFor();
    const towns = await page.locator("[data-testid=map-towns] .town").evaluateAll((els) => els.map((e) => e.getAttribute("data-town")));
    assert.ok(towns.length >= 3 && !towns.some((x) => TOWNS.includes(x!)), towns.join(", "));
    // Rivers and lakes are drawn under the markers (Natural Earth, shipped with the page).
    await page.locator("[data-testid=map-water] .river").waitFor({ state: "attached" });
    const riverPath = (await page.locator("[data-testid=map-water] .river").getAttribute("d")) ?? "";
    assert.ok(riverPath.split("M").length > 100, "the rivers are drawn");
    assert.ok((await page.locator("[data-testid=map-water] .lake").count()) > 50, "the lakes are drawn");
    await page.screenshot({ path: join(artifacts, "map-village.png") });
    // Drag pans.
    const before = await page.locator("[data-testid=map-marker][data-place=Kampen]").getAttribute("transform");
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 320, box.y + 260, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await kampen.getAttribute("transform"), before, "the map moved");
    // The country named in the reports is its outline; the place the gazetteer does not know is listed.
    await page.getByTestId("map-all").click();
    await page.locator("[data-testid=map-area][data-place=Belgium]").waitFor();
    assert.deepEqual(await page.getByTestId("unplaced").locator("a").allTextContents(), ["Oudebroekerveld"]);
    await page.screenshot({ path: join(artifacts, "map-world.png") });
  });

  test("an editor corrects a claim's status, sees who/when/why, and undoes it", async () => {
    await page.goto(`${base}/#/claims?status=denied`);
    await waitRows();
    const id = (await page.locator("tr[data-claim]").first().getAttribute("data-claim"))!;
    await page.evaluate((tok) => (globalThis as any).localStorage.setItem("sitrep.token", tok), TOKEN);
    // (the claim's report as the filter: corrected, the claim leaves a filter on its old status)
    await page.goto(`${base}/#/claims?report=${id.split("-", 1)[0]}&claim=${id}`);
    await page.reload();
    const row = page.locator(`tr[data-claim="${id}"]`);
    await row.waitFor();
    await page.getByTestId("correct-form").waitFor();
    await page.getByTestId("corr-who").fill("Desk editor");
    await page.getByTestId("corr-why").fill("The police later said the bridge was closed after all");
    await page.getByTestId("corr-status").selectOption("confirmed");
    await page.getByTestId("corr-status-send").click();
    await page.getByTestId("corr-result").filter({ hasText: /#\d+/ }).waitFor();
    // The row shows the corrected status and says it was corrected; the extraction is shown beside it.
    await page.waitForFunction((cid) => (globalThis as any).document.querySelector(`tr[data-claim="${cid}"]`)?.getAttribute("data-corrected") === "yes", id);
    assert.equal(await row.locator(".badge").getAttribute("data-status"), "confirmed");
    assert.match((await page.getByTestId("extracted").textContent())!, /denied/);
    const trail = page.getByTestId("correction-trail");
    assert.match((await trail.textContent())!, /Desk editor.*The police later said the bridge was closed after all/);
    await page.screenshot({ path: join(artifacts, "correction.png") });
    // Undo, with a reason: the extraction's status is back and the trail keeps both.
    page.once("dialog", (d) => void d.accept("Wrong claim"));
    await trail.locator("button").first().click();
    await page.waitForFunction((cid) => !(globalThis as any).document.querySelector(`tr[data-claim="${cid}"]`)?.hasAttribute("data-corrected"), id);
    assert.equal(await row.locator(".badge").getAttribute("data-status"), "denied");
    await trail.locator("li[data-action=undo]").waitFor();
    assert.equal(await trail.locator("li.undone").count(), 1);
    await page.screenshot({ path: join(artifacts, "correction-undone.png") });
  });

  test("an editor merges two entities on an entity's page, and undoes it", async () => {
    // The port authority under its English and its Dutch name: two entities until an editor merges them.
    const port = (language: string, source: string, lines: string) =>
      `---\ntitle: Storm at the port (${language})\nsource: ${source}\npublished: 2024-01-29T09:00:00+01:00\nlanguage: ${language}\n---\n${lines}\n`;
    await ledger.addReport({ body: port("en", "Harbour Courier", "The Rotterdam Port Authority said that four ships had been diverted to Antwerp."), format: "text", origin: "port-en" });
    await ledger.addReport({ body: port("nl", "Rijnmond Dagblad", "Volgens Havenbedrijf Rotterdam zijn vier schepen naar Antwerpen omgeleid.\nHavenbedrijf Rotterdam ontkent dat de kranen niet waren gekeurd."), format: "text", origin: "port-nl" });
    const claims = (await ledger.searchClaims({ q: "schepen", limit: 10 })).items;
    const A = claims[0]!.source!.entity!;
    const B = (await ledger.searchClaims({ q: "ships diverted", limit: 10 })).items[0]!.source!.entity!;
    assert.ok(A && B && A !== B, `${A} ${B}`);
    await page.evaluate((tok) => (globalThis as any).localStorage.setItem("sitrep.token", tok), TOKEN);
    await page.goto(`${base}/#/entity/${A}`);
    await page.reload();
    await page.getByTestId("entity-correct").waitFor();
    const nameBefore = (await page.getByTestId("entity-name").textContent())!;
    await page.getByTestId("entity-correct").getByTestId("corr-who").fill("Desk editor");
    await page.getByTestId("entity-correct").getByTestId("corr-why").fill("Havenbedrijf Rotterdam is the port authority's Dutch name");
    await page.getByTestId("corr-merge-q").fill("Rotterdam Port");
    await page.getByTestId(`merge-into-${B}`).click();
    // A's address now shows the merged entity, which says what both names said.
    await page.getByTestId("merged-note").waitFor();
    assert.equal(await page.getByTestId("entity-name").textContent(), "Rotterdam Port Authority");
    await page.waitForFunction(() => /Havenbedrijf/.test((globalThis as any).document.querySelector("[data-testid=claims-by]")?.textContent ?? ""));
    const by = await page.getByTestId("claims-by").locator("li").allTextContents();
    assert.equal(by.length, 3, by.join(" | "));
    const trail = page.getByTestId("correction-trail");
    assert.match((await trail.textContent())!, /Desk editor.*Dutch name/);
    await page.screenshot({ path: join(artifacts, "entity-merge.png") });
    // Undo: A is its own entity again; the trail keeps both.
    page.once("dialog", (d) => void d.accept("Not the same office"));
    await trail.locator("li[data-action=merge] button").click();
    await page.waitForFunction(() => !(globalThis as any).document.querySelector("[data-testid=merged-note]"));
    assert.equal(await page.getByTestId("entity-name").textContent(), nameBefore);
    await trail.locator("li[data-action=undo]").waitFor();
    assert.equal(await trail.locator("li.undone").count(), 1);
    await page.screenshot({ path: join(artifacts, "entity-merge-undone.png") });
  });

  test("a claim's link made before a new version of its report opens the same words after it", async () => {
    const url = "https://news.example.org/ijssel/dike-kampen";
    const v = (lead: string) =>
      `---\ntitle: Dike at Kampen\nsource: Regio Courant\npublished: 2024-01-29T12:00:00+01:00\nlanguage: en\n---\n${lead}The water board said that the dike at Kampen had been reinforced overnight.\n`;
    const first = await ledger.addReport({ body: v(""), format: "text", url, origin: "dike-v1" });
    const claim = (await ledger.getReport(first.report))!.claims.find((c) => /reinforced overnight/.test(c.text))!;
    const link = `${base}/#/claims?claim=${claim.id}`;
    const second = await ledger.addReport({ body: v("Soldiers filled sandbags in Kampen on Monday night, the army said.\n"), format: "text", url, origin: "dike-v2" });
    assert.deepEqual([second.status, second.report], ["updated", first.report]);
    await page.goto(link);
    await page.reload();
    await page.getByTestId("report-text").locator(".hl-claim").first().waitFor();
    const marked = (await page.getByTestId("report-text").locator(".hl-claim").allTextContents()).join("");
    assert.equal(marked, claim.text);
    assert.match((await page.getByTestId("report-text").textContent())!, /^Soldiers filled sandbags/, "the new version is shown");
    await page.screenshot({ path: join(artifacts, "stable-link.png") });
  });

  test("a status corrected on the page shows in the briefing, and its undo takes it back", async () => {
    // A ledger of its own, small enough that every line of the briefing is shown (the river ledger's
    // sections are full, and a one-report line would be among those left out).
    const small = await StoreLedger.open(join(mkdtempSync(join(tmpdir(), "sitrep-e2e-brief-")), "ledger.db"), { workers: false });
    const app = await buildServer({ ledger: small, token: TOKEN, loopback: true, readNeedsToken: false, allowFetch: false, webDir });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const at = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const r = await small.addReport({
        body: `---\ntitle: Pumps at Zutphen\nsource: Oost Nieuws\npublished: 2024-01-30T10:00:00+01:00\nlanguage: en\n---\nThe water board said that the dike near Zutphen was holding.\nDike workers claimed that the pumps at Zutphen had failed twice.\nPolice in Zutphen denied that the bridge had been closed.\n`,
        format: "text",
        origin: "pumps-zutphen",
      });
      const claim = (await small.getReport(r.report))!.claims.find((c) => /failed twice/.test(c.text))!;
      assert.equal(claim?.status, "claimed");
      /** Does the briefing's section hold the claim's words (once the briefing is on screen and not updating)? */
      const inSection = (key: string, yes: boolean) =>
        page.waitForFunction(
          ([k, y]) => {
            const d = (globalThis as any).document;
            if (!d.querySelector("[data-testid=briefing]") || d.querySelector(".brief .updating")) return false;
            return /failed twice/.test(d.querySelector(`.sec-${k}`)?.textContent ?? "") === y;
          },
          [key, yes] as const,
          { timeout: 60_000 },
        );
      await page.goto(`${at}/#/`);
      await inSection("claims", true);
      await inSection("denied", false);

      await page.evaluate((tok) => (globalThis as any).localStorage.setItem("sitrep.token", tok), TOKEN);
      await page.goto(`${at}/#/claims?claim=${claim.id}`);
      await page.reload();
      await page.getByTestId("correct-form").waitFor();
      await page.getByTestId("corr-who").fill("Desk editor");
      await page.getByTestId("corr-why").fill("The workers said they never made that claim; they deny the pumps failed");
      await page.getByTestId("corr-status").selectOption("denied");
      await page.getByTestId("corr-status-send").click();
      await page.getByTestId("corr-result").filter({ hasText: /#\d+/ }).waitFor();

      await page.goto(`${at}/#/`);
      await inSection("denied", true);
      await inSection("claims", false);
      assert.match((await page.locator(".sec-denied li", { hasText: "failed twice" }).textContent())!, /Dike workers/);
      await page.screenshot({ path: join(artifacts, "briefing-corrected.png"), fullPage: true });

      // Undone elsewhere (another editor, through the API): the open briefing follows, live.
      const made = (await small.corrections()).filter((c) => c.target === claim.id && c.action === "status");
      await small.correct({ who: "Chief editor", why: "The workers confirmed their claim", target: claim.id, action: "undo", undoes: Number(made[made.length - 1]!.id) });
      await inSection("claims", true);
      await inSection("denied", false);
      await page.screenshot({ path: join(artifacts, "briefing-correction-undone.png"), fullPage: true });
    } finally {
      // (the page's live stream holds a connection open: leave before the server closes)
      await page.goto("about:blank");
      await app.close();
      await small.close();
    }
  });

  test("a span linked by its offsets before a new version is marked where its words went, or said to be gone", async () => {
    const url = "https://news.example.org/ijssel/pumping-station";
    const v = (lead: string, last: string) =>
      `---\ntitle: Pumping station at Deventer\nsource: Rivierbode\npublished: 2024-01-30T12:00:00+01:00\nlanguage: en\n---\n${lead}The water board said that the pumping station at Deventer ran day and night.\n${last}\n`;
    const first = await ledger.addReport({ body: v("", "Engineers said that one pump had broken down."), format: "text", url, origin: "pumping-v1" });
    const text1 = (await ledger.getReport(first.report))!.text;
    const at = (w: string) => `${base}/#/report/${first.report}?start=${text1.indexOf(w)}&end=${text1.indexOf(w) + w.length}&v=1`;
    const kept = "The water board said that the pumping station at Deventer ran day and night.";
    const gone = "Engineers said that one pump had broken down.";
    const [keptLink, goneLink] = [at(kept), at(gone)];
    await ledger.addReport({ body: v("Sandbags were piled along the quay in Deventer on Tuesday, the mayor said.\n", "Engineers said that all pumps were working."), format: "text", url, origin: "pumping-v2" });
    await page.goto(keptLink);
    await page.reload();
    await page.getByTestId("cite-moved").waitFor();
    assert.equal((await page.getByTestId("report-text").locator(".hl-claim").allTextContents()).join(""), kept);
    await page.screenshot({ path: join(artifacts, "offset-link-moved.png") });
    await page.goto(goneLink);
    await page.reload();
    await page.getByTestId("cite-stale").waitFor();
    assert.match((await page.getByTestId("cite-stale").textContent())!, /one pump had broken down/);
    assert.equal(await page.getByTestId("report-text").locator(".hl-claim").count(), 0, "nothing else is marked in its place");
    await page.screenshot({ path: join(artifacts, "offset-link-stale.png") });
  });

  test("on a phone (390×844) no view scrolls sideways, and the map fills the width", async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-GB" });
    const phone = await ctx.newPage();
    try {
      const report = (await ledger.listReports({ limit: 1 })).items[0]!.id;
      for (const [hash, ready, shot] of [
        ["#/brief", "[data-testid=briefing]", "phone-brief.png"],
        ["#/claims", "tr[data-claim]", "phone-claims.png"],
        ["#/reports", "tr[data-report]", ""],
        [`#/report/${report}`, "[data-testid=report-page]", "phone-report.png"],
        ["#/map", "[data-testid=map-marker], [data-testid=map-cluster]", "phone-map.png"],
        ["#/timeline", "[data-testid=timeline]", ""],
        ["#/add", "[data-testid=add-form]", ""],
      ] as const) {
        await phone.goto(`${base}/${hash}`);
        await phone.locator(ready).first().waitFor();
        const w = await phone.evaluate(() => ({ scroll: (globalThis as any).document.documentElement.scrollWidth, client: (globalThis as any).document.documentElement.clientWidth }));
        assert.ok(w.scroll <= w.client, `${hash}: ${w.scroll} px wide on a ${w.client} px screen`);
        if (shot) await phone.screenshot({ path: join(artifacts, shot) });
      }
      await phone.goto(`${base}/#/map`);
      await phone.getByTestId("map").waitFor();
      const box = (await phone.getByTestId("map").boundingBox())!;
      assert.ok(box.width >= 350 && box.height >= 300, `map ${box.width}×${box.height}`);
    } finally {
      await ctx.close();
    }
  });
});
