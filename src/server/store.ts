// The server's one read side: every API read is a read of the store (src/store) through src/ledger,
// src/brief and src/export, the same code the command line uses; nothing is built whole at start, so a
// large ledger is served at once. The pipeline and the briefing run in worker threads, so requests keep
// being answered while a report is extracted or the briefing recomputed. Changes are announced once
// committed, whoever made them: this process, or another one writing to the same ledger (`sitrep ingest
// --db` on the same file), noticed through the store's change mark.
import { CLAIM_STATUSES, type Doc, type Lang } from "../model/doc.js";
import { toDoc } from "../ingest/index.js";
import { runPipeline } from "../pipeline/index.js";
import { corrected, openStore, reportOfClaim, StoreBusy, type ClaimFacet, type ClaimFilter, type ClaimKey, type ClaimSort, type Reads, type Store, type StoreOptions } from "../store/index.js";
import { prepare, storeReports } from "../ledger/ingest.js";
import { servedPicture } from "./briefing.js";
import { ledgerExport } from "../ledger/export.js";
import { composeBriefing, renderBriefing, type Briefing as StoreBriefing, type BriefLine } from "../brief/index.js";
import { timexOrder } from "../brief/labels.js";
import { claimsCsv } from "../export/csv.js";
import { exportJson, placesGeoJson } from "../export/stream.js";
import { readBody } from "./extract.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { revive, WorkerClient } from "./workers.js";
import { withCorrections, claimLines, claimRows, claimsJson, isPlace, Names, reportDetail, searchedWords, sentenceAround, summaryOf, townsWithin, words } from "./views.js";
import {
  LedgerUnavailable,
  ReportError,
  type AddResult,
  type Anchor,
  type Briefing,
  type BriefingLine,
  type BriefFormat,
  type ClaimFacets,
  type Correction,
  type CorrectionAction,
  type NewCorrection,
  type ClaimQuery,
  type ClaimRow,
  type ContradictionRow,
  type EntityRow,
  type ExportFormat,
  type LedgerChange,
  type LedgerPort,
  type NewReport,
  type Page,
  type PlaceCollection,
  type Rendered,
  type ReportDetail,
  type ReportSummary,
  type Streamed,
  type BriefLines,
  type TimelineItem,
  type Town,
} from "./port.js";
import type { EntityType } from "../model/doc.js";
import { codeStamp } from "../ledger/snapshot.js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface StoreLedgerOptions extends StoreOptions {
  /** How often to look for reports other processes wrote (ms). */
  pollMs?: number;
  /** Extract and build briefings in worker threads (default); off, everything runs on the calling thread. */
  workers?: boolean;
  /** Called once the ledger is closed (a temporary ledger removes its file). */
  onClose?: () => void;
  /**
   * Compute the page's first views (the briefing, the claim counts) at open and after each change, so
   * that on a large ledger an analyst who opens the page does not wait for them (`sitrep serve`).
   */
  warm?: boolean;
  /** With `warm`: wait for `listening()` (or a minute) before computing them, so the server answers first. */
  warmAfterListen?: boolean;
}

/** A read the reader thread works out (StoreLedger.heavy). */
export type HeavyRead =
  | { what: "facets"; arg: ClaimQuery }
  | { what: "entities"; arg: { type?: EntityType; q?: string } }
  | { what: "towns"; arg: { box: { west: number; south: number; east: number; north: number }; limit: number } };

let stamp: string | undefined;
/**
 * What the kept heavy reads were made by: the code of the picture (store, ledger, model, …) and this
 * module and its views, so that another build never serves counts or names worked out another way.
 */
function keptStamp(): string {
  return (stamp ??= createHash("sha256")
    .update(codeStamp())
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(fileURLToPath(new URL("./views.js", import.meta.url))))
    .digest("hex")
    .slice(0, 16));
}

/** The API's names of entities and places come in this language (the page translates its own words). */
const NAMES_LANG: Lang = "en";
/** Values shown per facet; the rest are reached by search. */
const FACET_LIMIT = 30;
const EXPORT_PAGE = 1000;

/** A list's count: `atLeast` where counting stopped short (the claims of some words: WORDS_COUNTED). */
/** A count of claims; `about`: with `atLeast`, about how many there are (ClaimPage.about). */
type ClaimTotal = { n: number; atLeast?: boolean; about?: number };

export class StoreLedger implements LedgerPort {
  private v = 0;
  private maxSeen = 0;
  private own = new Set<number>();
  private mark = 0;
  private poll: NodeJS.Timeout;
  private polling = false;
  private listeners = new Set<(c: LedgerChange) => void>();
  private extractor: WorkerClient | undefined;
  private briefer: WorkerClient | undefined;
  /** The heavy reads' thread, started at the first of them. */
  private reader: WorkerClient | undefined;
  private closed = false;
  /** Reads that cost more than a query, kept until the next change. */
  private memo = new Map<string, { version: number; value: Promise<unknown>; done?: boolean }>();

  private constructor(
    readonly store: Store,
    private readonly spec: string,
    private readonly opts: StoreLedgerOptions,
  ) {
    if (opts.workers !== false) {
      this.extractor = new WorkerClient();
      this.briefer = new WorkerClient();
    }
    this.poll = setInterval(() => void this.checkOthers(), opts.pollMs ?? 1000);
    this.poll.unref();
  }

  /** Opens (creating when missing) the ledger at `spec` for serving. */
  static async open(spec: string, opts: StoreLedgerOptions = {}): Promise<StoreLedger> {
    // The server waits briefly inside SQLite and otherwise retries without blocking requests.
    const store = await openStore(spec, { busyWaitMs: 50, ...opts });
    const l = new StoreLedger(store, spec, opts);
    l.maxSeen = await store.reads.maxReportId();
    l.mark = await store.changeMark();
    // (the first views are computed once the server listens: `listening()`; a ledger not served, at once)
    if (opts.warm) l.warmSoon(opts.warmAfterListen ? 60_000 : 0);
    // PostgreSQL says at once when any process (a worker on another machine) commits: look then too.
    if (store.onChange) l.unlisten = await store.onChange(() => l.wake());
    return l;
  }

  private warmTimer: NodeJS.Timeout | undefined;
  /** The first views, computed once the ledger has been quiet for `delayMs`; failures are ignored (a read will retry). */
  private warmSoon(delayMs: number): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmTimer = undefined;
      if (this.closed) return;
      // The briefing builds in its worker while the counts and the entities are read in theirs: the event
      // loop stays free for the page's own first requests.
      // (the short briefing first: it is what the page paints first)
      void this.storeBriefing("en", 4).catch(() => undefined);
      void this.storeBriefing("en").catch(() => undefined);
      void this.claimFacets({}).catch(() => undefined);
      // (the map's places and the claim table's choosers)
      void this.entities({}).catch(() => undefined);
      void this.towns({ west: -180, south: -85, east: 180, north: 85 }, 1).catch(() => undefined);
    }, delayMs);
    this.warmTimer.unref();
  }

  version(): number {
    return this.v;
  }

  /** The server listens: compute the first views now (with `warm`), the page's first requests not queued behind them. */
  listening(): void {
    if (this.opts.warm) this.warmSoon(0);
  }

  /** The briefing when it is built for the ledger as it is; else starts building it and says so (undefined). */
  async briefingIfReady(lang: Lang, lines: BriefLines = 40): Promise<Briefing | undefined> {
    const hit = this.memo.get(`brief ${lang} ${lines}`);
    if (hit?.done && hit.version === this.v) return this.briefing(lang, lines);
    void this.storeBriefing(lang, lines).catch(() => undefined);
    return undefined;
  }

  private announce(changes: Omit<LedgerChange, "version">[]): void {
    if (!changes.length) return;
    this.v++;
    if (this.opts.warm) this.warmSoon(2000);
    for (const c of changes) for (const l of this.listeners) l({ ...c, version: this.v });
  }

  private unlisten: (() => void) | undefined;
  private lookAgain = false;
  private wake(): void {
    if (this.polling) this.lookAgain = true;
    else void this.checkOthers();
  }

  /** Reports another process committed since we last looked. */
  private async checkOthers(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      const m = await this.store.changeMark();
      if (m === this.mark) return;
      this.mark = m;
      const rows = await this.store.reads.reportsAfter(this.maxSeen);
      if (!rows.length) return;
      const last = rows[rows.length - 1]!;
      this.maxSeen = last.committed ?? last.id;
      const others = rows.filter((r) => !this.own.has(r.id));
      for (const r of rows) this.own.delete(r.id);
      this.announce(others.map((r) => ({ type: "report", status: r.version > 1 ? "updated" : "added", report: r.uid, ...(r.title !== null && { title: r.title }) })));
    } catch {
      /* a ledger being closed or briefly locked: look again next time */
    } finally {
      this.polling = false;
      if (this.lookAgain) {
        this.lookAgain = false;
        void this.checkOthers();
      }
    }
  }

  /** One consistent view of the ledger with the editors' corrections applied: every read goes through it. */
  private view<T>(fn: (r: Reads) => Promise<T>): Promise<T> {
    return this.store.snapshot(async (r) => fn(await corrected(r)));
  }

  private cached<T>(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.memo.get(key);
    if (hit && hit.version === this.v) {
      // (the most recently used last: what every page asks, whether the ledger has corrections, stays)
      this.memo.delete(key);
      this.memo.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = make();
    // (the least recently used goes: clearing them all dropped the reads every page makes with the rest)
    if (this.memo.size > 64) this.memo.delete(this.memo.keys().next().value!);
    const entry: { version: number; value: Promise<unknown>; done?: boolean } = { version: this.v, value };
    this.memo.set(key, entry);
    value.then(
      () => (entry.done = true),
      () => this.memo.delete(key),
    );
    return value;
  }

  private async extract(input: NewReport): Promise<Doc[]> {
    if (this.extractor) return ((await this.extractor.request({ type: "extract", input })).docs ?? []).map(revive);
    return readBody(input).map((raw) => runPipeline(toDoc(raw, "d0", { published: input.published, lang: input.language })));
  }

  async addReport(input: NewReport): Promise<AddResult> {
    const docs = await this.extract(input);
    if (this.closed) throw new Error("the ledger is closed");
    if (!docs.length) throw new ReportError("no report found in the body");
    let results;
    try {
      results = await storeReports(this.store, docs.map(prepare));
    } catch (e) {
      if (e instanceof StoreBusy) throw new LedgerUnavailable(`${e.message}; nothing was stored, send the report again`);
      throw e;
    }
    let last: AddResult | undefined;
    const changes: Omit<LedgerChange, "version">[] = [];
    results.forEach((r, i) => {
      if (!r.ok && r.full) throw new LedgerUnavailable(`the report was not stored: ${r.error}`);
      if (!r.ok) throw new Error(`the report could not be stored: ${r.error}`);
      const title = docs[i]!.meta.title;
      last = { status: r.status, report: r.report, ...(title !== undefined && { title }), claims: r.claims };
      if (r.status !== "unchanged") {
        this.own.add(r.id);
        changes.push({ type: "report", status: r.status, report: r.report, ...(title !== undefined && { title }) });
      }
    });
    this.announce(changes);
    return last!;
  }

  async listReports(opts: { limit?: number; offset?: number; q?: string }): Promise<Page<ReportSummary>> {
    const r = this.store.reads;
    const page = await r.listReports({ words: searchedWords(opts.q), limit: opts.limit ?? 50, offset: opts.offset ?? 0 });
    const counts = await r.claimCounts(page.items.map((x) => x.id));
    return { total: page.total, items: page.items.map((x) => summaryOf({ ...x, text: "" }, counts.get(x.id) ?? 0)) };
  }

  async anchor(id: string, v: number, start: number, end: number): Promise<Anchor | undefined> {
    return this.view(async (r) => {
      const cur = await r.reportByUid(id, true);
      if (!cur) return undefined;
      const text = cur.text ?? "";
      const out = { report: cur.uid, cited: v, version: cur.version };
      if (v === cur.version) return { ...out, state: "same" as const, start, end, text: text.slice(start, end) };
      const old = await r.reportVersion(id, v, true);
      const words = old?.text?.slice(Math.max(0, start), Math.max(0, end)) ?? "";
      if (!words.trim()) return { ...out, state: "stale" as const, start, end, text: words };
      // The occurrence nearest to where the words stood (a report rarely repeats a sentence word for word).
      let best = -1;
      for (let i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) {
        if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i;
        if (i > start) break;
      }
      if (best < 0) return { ...out, state: "stale" as const, start, end, text: words };
      return { ...out, state: best === start ? ("same" as const) : ("moved" as const), start: best, end: best + words.length, text: words };
    });
  }

  async getReport(id: string): Promise<ReportDetail | undefined> {
    return this.view(async (r) => {
      const row = await r.reportByUid(id, true);
      if (!row) return undefined;
      const [p] = await r.reportParts([row]);
      const names = new Names(r, NAMES_LANG);
      await names.load(p!.entities.map((e) => e.fused));
      const d = reportDetail(p!, names);
      const all = await this.correctionsOf(r, [d.id, ...d.claims.map((c) => c.id)]);
      d.claims = withCorrections(d.claims, all);
      if (row.retracted) d.retracted = true;
      if (all.length) d.corrections = all;
      return d;
    });
  }

  /** Corrections about these targets, each marked when a later undo took it back. */
  private async correctionsOf(r: Reads, targets: readonly string[] | undefined): Promise<Correction[]> {
    const rows: Correction[] = [];
    for (let offset = 0; ; offset += 5000) {
      const page = await r.corrections({ ...(targets && { targets }), limit: 5000, offset });
      rows.push(...page.rows.map((x) => ({ ...x, action: x.action as CorrectionAction, data: x.data as Record<string, unknown> | null })));
      if (page.rows.length < 5000) break;
    }
    const undone = new Set(rows.filter((x) => x.action === "undo").map((x) => x.undoes));
    return rows.map((x) => (undone.has(x.id) ? { ...x, undone: true } : x));
  }

  async corrections(targets?: readonly string[]): Promise<Correction[]> {
    return this.store.snapshot((r) => this.correctionsOf(r, targets));
  }

  async correct(c: NewCorrection): Promise<Correction> {
    const who = c.who.trim(), why = c.why.trim();
    if (!who) throw new ReportError("say who makes the correction (who)");
    if (!why) throw new ReportError("say why (why): the audit trail keeps the reason");
    let target = c.target;
    let data: Record<string, unknown> | null = null;
    let undoes: number | null = null;
    await this.store.snapshot(async (r) => {
      const claimExists = async (id: string) => {
        const rep = await r.reportByUid(reportOfClaim(id));
        return !!rep && (await r.reportParts([rep], ["claims"]))[0]!.claims.some((x) => x.uid === id);
      };
      switch (c.action) {
        case "retract":
          if (!(await r.reportByUid(target))) throw new ReportError(`no report ${target}`);
          break;
        case "status": {
          const st = c.data?.status;
          if (typeof st !== "string" || !(CLAIM_STATUSES as readonly string[]).includes(st)) throw new ReportError(`status: one of ${CLAIM_STATUSES.join(", ")}`);
          if (!(await claimExists(target))) throw new ReportError(`no claim ${target}`);
          data = { status: st };
          break;
        }
        case "source": {
          const src = c.data?.source;
          if (typeof src !== "string" || !src.trim() || src.length > 300) throw new ReportError("source: the name of who makes the claim ('report' for the report itself)");
          if (!(await claimExists(target))) throw new ReportError(`no claim ${target}`);
          data = { source: src.trim() };
          break;
        }
        case "merge":
        case "split": {
          if (!(await r.fusedByUid(target))) throw new ReportError(`no entity ${target}`);
          const other = c.action === "merge" ? c.data?.into : c.data?.from;
          if (typeof other !== "string" || !(await r.fusedByUid(other))) throw new ReportError(c.action === "merge" ? "into: the id of the entity to merge with" : "from: the id of the entity to split from");
          data = c.action === "merge" ? { into: other } : { from: other };
          break;
        }
        case "undo": {
          const all = await this.correctionsOf(r, undefined);
          const was = all.find((x) => x.id === c.undoes);
          if (!was) throw new ReportError(`no correction ${c.undoes}`);
          if (was.action === "undo") throw new ReportError("an undo is not undone: make the correction again");
          if (was.undone) throw new ReportError(`correction ${was.id} is already undone`);
          target = was.target;
          undoes = was.id;
          break;
        }
        default:
          throw new ReportError("action: one of retract, status, source, merge, split, undo");
      }
    });
    const record = { at: new Date().toISOString(), who: who.slice(0, 200), why: why.slice(0, 2000), target, action: c.action, data, undoes };
    const id = await this.store.write((tx) => tx.putCorrection(record));
    this.announce([{ type: "correction", status: "updated", report: reportOfClaim(target) }]);
    return { id, ...record };
  }

  /** The store's filter for an API query; undefined when it names a report or entity there is none of. */
  private async filterOf(r: Reads, q: ClaimQuery): Promise<ClaimFilter | undefined> {
    let report: number | undefined;
    if (q.report) {
      const row = await r.reportByUid(q.report);
      if (!row) return undefined;
      report = row.id;
    }
    // An entity is one or more fused entities (an editor's merges): the claims under any of them.
    const membersOf = async (uid: string) => {
      const f = await r.fusedByUid(uid);
      return f ? r.fusedMembers(f.id) : undefined;
    };
    const both = (a: number[] | undefined, b: number[]) => (a ? a.filter((x) => b.includes(x)) : b);
    let fused: number[] | undefined;
    let namedOnly = false;
    if (q.entity) fused = (await membersOf(q.entity)) ?? [];
    if (q.place) {
      fused = both(fused, (await membersOf(q.place)) ?? []);
      namedOnly = !q.entity;
    }
    let notSource = false;
    if (q.about) {
      fused = both(fused, (await membersOf(q.about)) ?? []);
      namedOnly = notSource = true;
    }
    let sourceFused: number[] | undefined;
    let sourceName: string | undefined;
    let ownVoice = false;
    if (q.source === "report") ownVoice = true;
    else if (q.source) {
      const at = /^e[0-9a-z]{10}$/.test(q.source) ? await membersOf(q.source) : undefined;
      if (at) sourceFused = at;
      else sourceName = q.source;
    }
    return {
      ...(q.status?.length && { status: q.status }),
      ...(report !== undefined && { report }),
      ...(ownVoice && { ownVoice }),
      ...(sourceName !== undefined && { sourceName }),
      ...(fused && { fused, entitiesNamedOnly: namedOnly, ...(notSource && { entitiesNotSource: true }) }),
      ...(sourceFused && { sourceFused }),
      ...(q.since && { sinceMs: Date.parse(q.since) }),
      ...(q.until && { untilMs: Date.parse(q.until) }),
      ...(searchedWords(q.q).length && { words: searchedWords(q.q) }),
      ...(q.outlet && { outlet: q.outlet }),
      ...(q.language && { language: q.language }),
      ...(q.sort && { sort: { by: q.sort.replace(/^-/, "") as ClaimSort, desc: q.sort.startsWith("-") } }),
      limit: q.limit ?? 100,
      offset: q.offset ?? 0,
    };
  }

  async searchClaims(q: ClaimQuery): Promise<Page<ClaimRow>> {
    // An offset is read as such (an address from before cursors); else keyset paging, whose cost does not
    // grow with the depth of the page, and the total counted once per filter and ledger version.
    if (q.offset && q.after === undefined && q.before === undefined)
      return this.view(async (r) => {
        const f = await this.filterOf(r, q);
        if (!f) return { total: 0, items: [] };
        const page = await r.searchClaims(f);
        return { total: page.total, items: await this.rows(r, page.items) };
      });
    const sort = q.sort ?? "published";
    const back = q.before !== undefined;
    const at = (back ? decodeCursor(q.before!, sort) : q.after !== undefined ? decodeCursor(q.after, sort) : null) ?? null;
    const page = await this.view(async (r): Promise<(Page<ClaimRow> & { about?: number }) | undefined> => {
      const f = await this.filterOf(r, q);
      if (!f) return undefined;
      // (a later page of a list whose count is known: the store chooses how to read it by that count)
      const known = await this.knownCount(q);
      const p = await r.claimsPage(
        known === undefined ? f : { ...f, known: known.n, ...(known.atLeast && { knownAtLeast: true, ...(known.about !== undefined && { knownAbout: known.about }) }) },
        at,
        back,
      );
      const first = p.keys[0], last = p.keys[p.keys.length - 1];
      // (a list's first page counts it in the same view: a view of its own costs its round trips again)
      const total = p.total ?? (this.countKnown(q) ? -1 : await r.countClaims(f));
      return {
        total,
        ...(p.total !== undefined && p.atLeast && { at_least: true as const, ...(p.about !== undefined && { about: p.about }) }),
        items: await this.rows(r, p.items),
        ...(last && (back || p.more) && { next: encodeCursor(sort, last) }),
        ...(first && (back ? p.more : at !== null) && { prev: encodeCursor(sort, first) }),
      };
    });
    if (!page) return { total: 0, items: [] };
    // (a page that read the whole set to find its rows, an entity's or words', counted it too)
    const { at_least: _l, about, ...rest } = page;
    const count = page.total >= 0 ? await this.claimCount(q, { n: page.total, atLeast: !!page.at_least, ...(about !== undefined && { about }) }) : await this.claimCount(q);
    return { ...rest, total: count.n, ...(count.atLeast && { at_least: true }) };
  }

  private countKey(q: ClaimQuery): string {
    const { sort: _s, limit: _l, offset: _o, after: _a, before: _b, ...key } = q;
    return `count ${JSON.stringify(key)}`;
  }

  /** The count claimCount has worked out for this query and the ledger as it is, if any. */
  private async knownCount(q: ClaimQuery): Promise<ClaimTotal | undefined> {
    const hit = this.memo.get(this.countKey(q));
    return hit?.version === this.v && hit.done ? ((await hit.value) as ClaimTotal) : undefined;
  }

  /** Whether claimCount has this query's count for the ledger as it is. */
  private countKnown(q: ClaimQuery): boolean {
    return this.memo.get(this.countKey(q))?.version === this.v;
  }

  /** How many claims a query selects, kept until the ledger changes (every page of a list shows it). */
  private claimCount(q: ClaimQuery, known?: ClaimTotal): Promise<ClaimTotal> {
    return this.cached(this.countKey(q), () =>
      known !== undefined ? Promise.resolve(known) :
      this.view(async (r) => {
        const f = await this.filterOf(r, q);
        return { n: f ? await r.countClaims(f) : 0 };
      }),
    );
  }

  async claimFacets(q: ClaimQuery): Promise<ClaimFacets> {
    const { sort: _s, limit: _l, offset: _o, after: _a, before: _b, ...key } = q;
    return this.cached(`facets ${JSON.stringify(key)}`, () => this.heavy<ClaimFacets>({ what: "facets", arg: key }, !Object.keys(key).length));
  }

  private async facetsIn(r: Reads, q: ClaimQuery): Promise<ClaimFacets> {
    const out: ClaimFacets = { status: [], source: [], outlet: [], language: [] };
    // Each facet counts the claims the other filters select, so that its own values stay choosable.
    const without: Record<ClaimFacet, Partial<ClaimQuery>> = { status: { status: [] }, source: { source: "" }, outlet: { outlet: "" }, language: { language: undefined } };
    let kept: ClaimFacets | undefined | null = null;
    for (const by of ["status", "source", "outlet", "language"] as const) {
      const rest = { ...q, ...without[by] };
      // A facet whose other filters are all unset counts every claim: the facet counters have it, a sum over
      // a small table, unless editors corrected claims' statuses or sources; then the unfiltered facets kept
      // in the ledger have it (seconds of counting on a large ledger otherwise). (Asking for the kept ones
      // costs a count of the reports, for the ledger's version: more than the counters.)
      if (!Object.values(rest).some((v) => v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)) && (await this.hasCorrections())) {
        if (kept === null) {
          const [st, version] = await Promise.all([r.fusionState("server-facets"), r.ledgerVersion()]);
          const k = st?.data as { version?: string; code?: string; value?: ClaimFacets } | undefined;
          kept = k?.version === version && k.code === keptStamp() ? k.value : undefined;
        }
        if (kept) {
          out[by] = kept[by];
          continue;
        }
      }
      const f = await this.filterOf(r, rest);
      if (f) out[by] = await r.claimFacets(f, by, FACET_LIMIT);
    }
    return out;
  }

  /**
   * A read that takes seconds on a large ledger (every claim counted, every entity named): worked out in
   * the reader thread, so that the event loop goes on answering the page's quick reads meanwhile (the
   * newest claims, a page of the table); and with `keep` (the unfiltered view, served with `warm`), kept
   * in the ledger under its version, so that a restarted server has it at once instead of seconds after.
   */
  private async heavy<T>(read: HeavyRead, keep: boolean): Promise<T> {
    keep &&= !!this.opts.warm && !this.opts.readonly;
    const kind = `server-${read.what}`;
    if (keep) {
      const hit = await this.store
        .snapshot(async (r) => {
          const [s, version] = await Promise.all([r.fusionState(kind), r.ledgerVersion()]);
          const k = s?.data as { version?: string; code?: string; value?: unknown } | undefined;
          return k?.version === version && k.code === keptStamp() ? k.value : undefined;
        })
        .catch(() => undefined);
      if (hit !== undefined) return hit as T;
    }
    if (this.opts.workers !== false && !this.closed) this.reader ??= new WorkerClient();
    const got = this.reader ? (await this.reader.request({ type: "read", db: this.spec, ...read })).read! : await this.readNow(read);
    // (kept in the background; a ledger busy with a writer or not writable only misses the shortcut)
    if (keep && !this.closed)
      void this.store.write((tx) => tx.setFusionState(kind, Date.now(), { version: got.version, code: keptStamp(), value: got.value })).catch(() => undefined);
    return got.value as T;
  }

  /** A heavy read worked out on this thread, over one view, with the ledger version it shows (the reader thread's side of `heavy`). */
  async readNow(read: HeavyRead): Promise<{ version: string; value: unknown }> {
    if (read.what === "towns") return { version: "", value: townsWithin(read.arg.box, read.arg.limit) };
    // (the version only for what is kept, the unfiltered views: it costs a count of the reports)
    const keeps = !Object.keys(read.arg).length;
    return this.view(async (r) => ({ version: keeps ? await r.ledgerVersion() : "", value: read.what === "facets" ? await this.facetsIn(r, read.arg) : await this.entitiesIn(r, read.arg) }));
  }

  /** The map's labels, looked up in the reader thread: its first look indexes the gazetteer's 200,000 places by population (seconds). */
  async towns(box: { west: number; south: number; east: number; north: number }, limit: number): Promise<Town[]> {
    if (this.opts.workers !== false && !this.closed) this.reader ??= new WorkerClient();
    if (!this.reader) return townsWithin(box, limit);
    return (await this.reader.request({ type: "read", db: this.spec, what: "towns", arg: { box, limit } })).read!.value as Town[];
  }

  async exportClaims(q: ClaimQuery, format: "csv" | "json", write: (s: Streamed) => Promise<void>): Promise<void> {
    await this.view(async (r) => {
      const f = await this.filterOf(r, q);
      const self = this;
      // Pages of the filtered view, in its order, read from one snapshot.
      async function* pages(): AsyncIterable<ClaimRow[]> {
        if (!f) return;
        for (let at: ClaimKey | null = null; ; ) {
          const page = await r.claimsPage({ ...f, limit: EXPORT_PAGE, offset: 0 }, at);
          if (page.items.length) yield await self.rows(r, page.items);
          if (!page.more) return;
          at = page.keys[page.keys.length - 1]!;
        }
      }
      if (format === "csv") await write({ contentType: "text/csv; charset=utf-8", chunks: claimsCsv(claimLines(pages())) });
      else await write({ contentType: "application/json; charset=utf-8", chunks: claimsJson(pages(), { filters: q, version: this.v }) });
    });
  }

  /** API rows for stored claims, in the order given. */
  private async rows(r: Parameters<Parameters<Store["snapshot"]>[0]>[0], claims: Awaited<ReturnType<Store["reads"]["claimsByIds"]>>): Promise<ClaimRow[]> {
    const reports = await r.reportsByIds([...new Set(claims.map((c) => c.report))], true);
    // (a row needs its report's entities and times, not all the report yielded)
    const parts = new Map((await r.reportParts(reports, ["entities", "times"])).map((p) => [p.report.id, p]));
    const names = new Names(r, NAMES_LANG);
    // (only the entities the rows name: a page's reports name ten times as many)
    const named = new Set<number>();
    for (const c of claims) {
      const ents = parts.get(c.report)!.entities;
      for (const s of [...c.entities, c.source?.entity, c.extracted?.source?.entity]) if (typeof s === "number" && ents[s]) named.add(ents[s]!.fused);
    }
    await names.load(named);
    // One call per report (it indexes the report's mentions once), then the rows in the order asked.
    const byReport = new Map<number, typeof claims>();
    for (const c of claims) (byReport.get(c.report) ?? byReport.set(c.report, []).get(c.report)!).push(c);
    const made = new Map<number, ClaimRow>();
    for (const [rep, cs] of byReport) claimRows(parts.get(rep)!, names, cs).forEach((row, i) => made.set(cs[i]!.id, row));
    const rows = claims.map((c) => made.get(c.id)!);
    // (most ledgers have no corrections: then no page asks for its rows' ones, two queries fewer a page)
    if (!(await this.hasCorrections())) return rows;
    return withCorrections(rows, await this.correctionsOf(r, [...new Set(rows.flatMap((x) => [x.id, x.report]))]));
  }

  /** Whether the ledger holds any correction, kept until it changes. */
  private hasCorrections(): Promise<boolean> {
    return this.cached("has corrections", () => this.store.snapshot(async (r) => (await r.corrections({ limit: 1, offset: 0 })).total > 0));
  }

  async entities(opts: { type?: EntityType; q?: string }): Promise<EntityRow[]> {
    const arg = { ...(opts.type && { type: opts.type }), ...(opts.q && { q: opts.q }) };
    return this.cached(`entities ${opts.type ?? ""} ${opts.q ?? ""}`, () => this.heavy<EntityRow[]>({ what: "entities", arg }, !opts.type && !opts.q));
  }

  private async entitiesIn(r: Reads, opts: { type?: EntityType; q?: string }): Promise<EntityRow[]> {
    const { rows } = await r.fusedEntities({ ...(opts.type && { type: opts.type }), ...(opts.q && { words: words(opts.q) }), limit: 1_000_000 });
    const out: EntityRow[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const names = await r.fusedNames(chunk.map((f) => f.id));
      const shown = new Names(r, NAMES_LANG);
      await shown.load(chunk.map((f) => f.id));
      for (const f of chunk) {
        const name = shown.nameOf(f.id);
        out.push({
          id: f.uid, name, type: f.type, aliases: (names.get(f.id) ?? []).map((x) => x.name).filter((n) => n !== name),
          mentions: f.mentions, reports: f.reports, claims: f.claims, ...(f.merged?.length && { merged: f.merged }),
          // A gazetteer entry without a GeoNames id is a country or a region: an area, not a point.
          ...(f.geo && { geo: { lat: f.geo.lat, lon: f.geo.lon, country: f.geo.country ?? "", ...(!f.geo.geonameId && { area: true }) } }),
        });
      }
    }
    return out.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async entity(id: string): Promise<EntityRow | undefined> {
    const uid = await this.view(async (r) => (await r.fusedByUid(id))?.uid);
    return uid === undefined ? undefined : (await this.entities({})).find((x) => x.id === uid);
  }

  async places(): Promise<PlaceCollection> {
    const all = await this.entities({});
    return {
      type: "FeatureCollection",
      features: all
        .filter((e) => e.geo && isPlace(e.type))
        .map((e) => ({
          type: "Feature" as const,
          id: e.id,
          geometry: { type: "Point" as const, coordinates: [e.geo!.lon, e.geo!.lat] as [number, number] },
          properties: { id: e.id, name: e.name, country: e.geo!.country, mentions: e.mentions, reports: e.reports, claims: e.claims, ...(e.geo!.area && { area: true }) },
        })),
    };
  }

  async timeline(opts: { limit?: number } = {}): Promise<TimelineItem[]> {
    const limit = opts.limit ?? 5000;
    return this.cached(`timeline ${limit}`, () =>
      this.view(async (r) => {
        // Every dated time expression of the current reports, earliest first, each with the claim that
        // holds it (or its sentence). Read a page of reports at a time; keep the earliest `limit`.
        let items: (TimelineItem & { ms: number })[] = [];
        // (in the order of time, as the briefing's: a week where it begins, parts of the day at their hours)
        const key = new Map<string, string>();
        const k = (v: string) => key.get(v) ?? key.set(v, timexOrder(v)).get(v)!;
        const ord = (a: TimelineItem, b: TimelineItem) => (k(a.value) < k(b.value) ? -1 : k(a.value) > k(b.value) ? 1 : a.report < b.report ? -1 : a.report > b.report ? 1 : a.start - b.start);
        let cursor: { ms: number; id: number } | null = null;
        for (;;) {
          const page = await r.reportsPage(cursor, 200, true);
          if (!page.length) break;
          cursor = { ms: page[page.length - 1]!.publishedMs, id: page[page.length - 1]!.id };
          for (const p of await r.reportParts(page)) {
            for (const t of p.times) {
              if (t.type === "DURATION" || t.type === "SET" || !/^\d{4}/.test(t.value)) continue;
              const c = p.claims.find((x) => t.start >= x.start && t.end <= x.end);
              const label = c ? c.text : sentenceAround(p.report.text, t.start, t.end);
              items.push({ value: t.value, text: t.text, report: p.report.uid, start: t.start, end: t.end, ...(c && { claim: c.uid }), label: label.trim(), ms: 0 });
            }
          }
          if (items.length > 2 * limit) items = items.sort(ord).slice(0, limit);
        }
        return items
          .sort(ord)
          .slice(0, limit)
          .map(({ ms: _ms, ...x }) => x);
      }),
    );
  }

  async contradictions(): Promise<ContradictionRow[]> {
    return this.cached("contradictions", () =>
      this.view(async (r) => {
        const found = [];
        for await (const page of ledgerExport(r, NAMES_LANG).contradictions()) found.push(...page);
        // The claims on either side, read report by report.
        const byReport = new Map<string, Set<string>>();
        for (const f of found) for (const id of f.claims) (byReport.get(reportOfClaim(id)) ?? byReport.set(reportOfClaim(id), new Set()).get(reportOfClaim(id))!).add(id);
        const rowOf = new Map<string, ClaimRow>();
        for (const [uid, ids] of byReport) {
          const rep = await r.reportByUid(uid, true);
          if (!rep) continue;
          const [p] = await r.reportParts([rep]);
          const names = new Names(r, NAMES_LANG);
          await names.load(p!.entities.map((e) => e.fused));
          for (const row of claimRows(p!, names, p!.claims.filter((c) => ids.has(c.uid)))) rowOf.set(row.id, row);
        }
        const rows: ContradictionRow[] = [];
        for (const f of found) {
          const a = rowOf.get(f.claims[0]!), b = rowOf.get(f.claims[1]!);
          if (a && b) rows.push({ a, b, reason: f.reason });
        }
        return rows;
      }),
    );
  }

  /** The briefing, and when the picture it shows was made when that was before this read (a large ledger's last kept picture). */
  private storeBriefing(lang: Lang, lines: BriefLines = 40): Promise<{ b: StoreBriefing; asOf?: string; stale?: boolean }> {
    const key = `brief ${lang} ${lines}`;
    return this.cached(key, async () => {
      if (this.briefer) {
        const r = await this.briefer.request({ type: "brief", db: this.spec, lang, limit: lines });
        // a last kept picture while a new one is made: asked again shortly, not kept until the next change
        if (r.stale) setTimeout(() => this.memo.delete(key), 5000).unref();
        return { b: r.briefing as StoreBriefing, asOf: r.asOf, stale: r.stale };
      }
      // (the picture the worker and `brief` read: kept, or refreshed once in every language and kept)
      const p = await servedPicture(this.store, lang, lines, this.opts.readonly ? undefined : async () => this.store);
      return { b: composeBriefing(p.picture, lang) };
    });
  }

  async briefing(lang: Lang, lines: BriefLines = 40): Promise<Briefing> {
    const { b, asOf, stale } = await this.storeBriefing(lang, lines);
    // Offsets hold in one version of a report: each citation says which (a link made on it re-anchors later).
    const versions = new Map(b.reports.map((x) => [x.doc, x.version]));
    const line = (l: BriefLine): BriefingLine => ({
      text: l.text,
      ...(l.quote !== undefined && { quote: l.quote }),
      ...(l.isNew && { isNew: true }),
      cites: l.cites.map((c) => ({ report: c.doc, start: c.start, end: c.end, ...(versions.has(c.doc) && { v: versions.get(c.doc)! }) })),
    });
    return {
      lang,
      title: b.title,
      generated: (stale && asOf) || new Date().toISOString(),
      ...(stale && { stale: true }),
      reports: b.reports.length,
      basis: b.basis,
      sections: b.sections.map((s) => ({
        key: s.id,
        heading: s.title,
        lines: s.lines.map(line),
        ...(s.groups && { groups: s.groups.map((g) => ({ heading: g.title, lines: g.lines.map(line) })) }),
        ...(s.more && { more: s.more }),
      })),
    };
  }

  async renderBrief(lang: Lang, format: BriefFormat): Promise<Rendered> {
    const body = renderBriefing((await this.storeBriefing(lang)).b, format);
    return { contentType: format === "json" ? "application/json" : format === "html" ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8", body };
  }

  async export(format: ExportFormat, write: (s: Streamed) => Promise<void>): Promise<void> {
    await this.view(async (r) => {
      const x = ledgerExport(r, NAMES_LANG);
      if (format === "csv") return write({ contentType: "text/csv; charset=utf-8", chunks: claimsCsv(x.claimLines()) });
      if (format === "geojson") return write({ contentType: "application/geo+json", chunks: placesGeoJson(x) });
      return write({ contentType: "application/json", chunks: exportJson(x) });
    });
  }

  subscribe(listener: (c: LedgerChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.poll);
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.unlisten?.();
    this.listeners.clear();
    await Promise.all([this.extractor?.close(), this.briefer?.close(), this.reader?.close()]);
    await this.store.close();
    this.opts.onClose?.();
  }
}
