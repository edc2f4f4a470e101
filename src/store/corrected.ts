// The ledger as the editors left it: every read side (the server, the export, the briefing, the command
// line) reads through `corrected(r)`, so that a correction shows the same everywhere. Corrections never
// change the extraction rows: they are applied here, when read, from the corrections table (the audit
// trail: who, when, why, and what an undo took back).
//
// - status / source of a claim: the latest in effect replaces the extraction's, which is kept on the row
//   (`extracted`); filters, sorting and facet counts by status see the corrected status (the store's SQL
//   is given the few overridden claims).
// - retract a report: its claims stay readable but are marked `retracted`, and they leave the briefing
//   (propositions, unknowns, figures, timeline).
// - merge entity A into B: every read of fused entities sees one entity B (A's mentions, names and counts
//   added to B's; A's id leads to B); entity rows of either are marked `edited`. A split of A from B, or
//   an undo of the merge, parts them again.
//
// Corrections are few next to claims: all of them are read once per view, and a ledger without any
// reads straight through.
import type { ClaimStatus } from "../model/doc.js";
import { reportOfClaim } from "./ids.js";
import { SPAN } from "./schema.js";
import type { AsserterRow, ClaimFilter, ClaimRow, FigureRow, CorrectionRow, EntityRow, FusedRow, PropRow, Reads, ReportParts, ReportRow } from "./types.js";

/** Corrections in effect: not undone, not an undo; oldest first. */
export function liveCorrections(all: readonly CorrectionRow[]): CorrectionRow[] {
  const undone = new Set(all.filter((c) => c.action === "undo").map((c) => c.undoes));
  return all.filter((c) => c.action !== "undo" && !undone.has(c.id));
}

async function allCorrections(r: Reads): Promise<CorrectionRow[]> {
  const out: CorrectionRow[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await r.corrections({ limit: 5000, offset });
    out.push(...page.rows);
    if (page.rows.length < 5000) return out;
  }
}

/**
 * Groups of fused entities an editor merged, from merges and splits in order: each merge joins two
 * entities; a split of A from B undoes every merge that tied A to B's group. The group's entity is the one
 * the merges went into (never merged into another), the oldest such if several.
 */
export function mergeGroups(live: readonly { action: string; a: number; b: number }[]): Map<number, number> {
  let edges: { a: number; b: number }[] = [];
  const components = () => {
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let p = x;
      while (parent.has(p) && parent.get(p) !== p) p = parent.get(p)!;
      parent.set(x, p);
      return p;
    };
    for (const e of edges) {
      if (!parent.has(e.a)) parent.set(e.a, e.a);
      if (!parent.has(e.b)) parent.set(e.b, e.b);
      const x = find(e.a), y = find(e.b);
      if (x !== y) parent.set(x, y);
    }
    return find;
  };
  for (const c of live) {
    if (c.action === "merge" && c.a !== c.b) edges.push({ a: c.a, b: c.b });
    else if (c.action === "split") {
      const find = components();
      const group = find(c.b);
      edges = edges.filter((e) => !((e.a === c.a && find(e.b) === group) || (e.b === c.a && find(e.a) === group)));
    }
  }
  const find = components();
  const members = new Map<number, number[]>();
  for (const e of edges) for (const x of [e.a, e.b]) {
    const g = members.get(find(x)) ?? members.set(find(x), []).get(find(x))!;
    if (!g.includes(x)) g.push(x);
  }
  const mergedAway = new Set(edges.map((e) => e.a));
  const repOf = new Map<number, number>();
  for (const g of members.values()) {
    const roots = g.filter((x) => !mergedAway.has(x));
    const rep = (roots.length ? roots : g).reduce((m, x) => Math.min(m, x));
    for (const x of g) repOf.set(x, rep);
  }
  return repOf;
}

interface Moved {
  id: number;
  report: number;
  reportUid: string;
  seq: number;
  pkey: number;
  asserter: number;
  from: ClaimStatus;
  /** null: its report is retracted. */
  to: ClaimStatus | null;
  ms: number;
  quote: boolean;
  start: number;
  end: number;
  text: string;
  language: ReportRow["language"];
}

class Fixes {
  /** Claim (internal id) → corrected status / source ("report": the report's own voice). */
  claims = new Map<number, { status?: ClaimStatus; source?: string }>();
  retracted = new Set<number>();
  /** Fused entity → the entity of its editors' group (itself for the group's entity). */
  repOf = new Map<number, number>();
  members = new Map<number, number[]>();
  /** Claims whose status, for the briefing, is not the extraction's. */
  moved: Moved[] = [];
  statusOf = new Map<number, ClaimStatus>();
  /** Claims whose source an editor corrected → that source (null: the report's own voice). */
  sourceOf = new Map<number, string | null>();
  /** Asserter of a merged-away entity → the asserter of the entity it was merged into. */
  asserterOf = new Map<number, number>();
  asserterMembers = new Map<number, number[]>();

  get empty(): boolean {
    return !this.claims.size && !this.retracted.size && !this.repOf.size;
  }

  static async load(r: Reads, live: readonly CorrectionRow[]): Promise<Fixes> {
    const f = new Fixes();
    const claimIds = new Map<string, ClaimRow | null>();
    const reportRows = new Map<string, ReportRow | null>();
    const report = async (uid: string) => {
      if (!reportRows.has(uid)) reportRows.set(uid, (await r.reportByUid(uid)) ?? null);
      return reportRows.get(uid)!;
    };
    const claim = async (uid: string) => {
      if (!claimIds.has(uid)) {
        const rep = await report(reportOfClaim(uid));
        const ids = rep ? (await r.reportParts([rep], ["claimIds"]))[0]!.claims : [];
        const hit = ids.find((c) => c.uid === uid);
        claimIds.set(uid, hit ? ((await r.claimsByIds([hit.id]))[0] ?? null) : null);
      }
      return claimIds.get(uid)!;
    };
    const fused = new Map<string, number | null>();
    const entity = async (uid: unknown) => {
      if (typeof uid !== "string") return null;
      if (!fused.has(uid)) fused.set(uid, (await r.fusedByUid(uid))?.id ?? null);
      return fused.get(uid)!;
    };
    const merges: { action: string; a: number; b: number }[] = [];
    for (const c of live) {
      const data = (c.data ?? {}) as Record<string, unknown>;
      if (c.action === "retract") {
        const rep = await report(c.target);
        if (rep) f.retracted.add(rep.id);
      } else if (c.action === "status" || c.action === "source") {
        const row = await claim(c.target);
        if (!row) continue;
        const fix = f.claims.get(row.id) ?? f.claims.set(row.id, {}).get(row.id)!;
        if (c.action === "status") fix.status = data.status as ClaimStatus;
        else {
          fix.source = String(data.source);
          const to = fix.source === "report" ? null : fix.source;
          if ((row.source?.name ?? null) === to) f.sourceOf.delete(row.id);
          else f.sourceOf.set(row.id, to);
        }
      } else if (c.action === "merge" || c.action === "split") {
        const a = await entity(c.target), b = await entity(c.action === "merge" ? data.into : data.from);
        if (a !== null && b !== null) merges.push({ action: c.action, a, b });
      }
    }
    f.repOf = mergeGroups(merges);
    for (const [x, rep] of f.repOf) (f.members.get(rep) ?? f.members.set(rep, []).get(rep)!).push(x);
    for (const g of f.members.values()) g.sort((a, b) => a - b);
    // Who says it: a merged entity speaks as one (its asserter key is "e:" + its fusion key).
    for (const [rep, members] of f.members) {
      const rows = new Map((await r.fusedByIds(members)).map((x) => [x.id, x]));
      const key = (id: number) => `e:${rows.get(id)?.fkey}`;
      const said = new Map((await r.asserterByKey(members.map(key))).map((a) => [a.key, a.id]));
      const main = said.get(key(rep));
      if (main === undefined) continue;
      for (const m of members) {
        const a = said.get(key(m));
        if (a === undefined) continue;
        f.asserterOf.set(a, main);
        (f.asserterMembers.get(main) ?? f.asserterMembers.set(main, []).get(main)!).push(a);
      }
    }

    // What the briefing counts differently: claims with another status, and the claims of retracted reports.
    const rows: ClaimRow[] = [];
    for (const [id, fix] of f.claims) if (fix.status) rows.push(...(await r.claimsByIds([id])));
    const retractedRows = await r.reportsByIds([...f.retracted]);
    for (const p of await r.reportParts(retractedRows, ["claims"])) rows.push(...p.claims.filter((c) => !f.claims.get(c.id)?.status));
    const reps = new Map((await r.reportsByIds([...new Set(rows.map((c) => c.report))])).map((x) => [x.id, x]));
    for (const c of rows) {
      const rep = reps.get(c.report);
      if (!rep?.current) continue;
      const to = f.retracted.has(c.report) ? null : (f.claims.get(c.id)!.status ?? c.status);
      if (to === c.status) continue;
      if (to) f.statusOf.set(c.id, to);
      f.moved.push({
        id: c.id, report: c.report, reportUid: rep.uid, seq: c.seq, pkey: c.pkey, asserter: f.asserter(c.asserter), from: c.status, to, ms: rep.publishedMs, quote: c.quote,
        start: c.start, end: c.end, text: c.text, language: rep.language,
      });
    }
    return f;
  }

  asserter(a: number): number {
    return this.asserterOf.get(a) ?? a;
  }

  rep(fused: number): number {
    return this.repOf.get(fused) ?? fused;
  }

  claim(c: ClaimRow): ClaimRow {
    const fix = this.claims.get(c.id);
    const retracted = this.retracted.has(c.report);
    if (!fix && !retracted) return c;
    const out: ClaimRow = { ...c, extracted: { status: c.status, source: c.source } };
    if (fix?.status) out.status = fix.status;
    if (fix?.source !== undefined) {
      const same = c.source?.name === fix.source;
      out.source = fix.source === "report" ? null : same ? c.source : { name: fix.source, kind: "other", entity: null, role: null };
    }
    if (retracted) out.retracted = true;
    return out;
  }

  report<T extends ReportRow>(x: T): T {
    return this.retracted.has(x.id) ? { ...x, retracted: true } : x;
  }

  entity<T extends EntityRow>(e: T): T {
    return this.repOf.has(e.fused) ? { ...e, fused: this.rep(e.fused), edited: true } : e;
  }
}

/** Reads that show the ledger with its editors' corrections applied (see the top of this file). */
export async function corrected(r: Reads): Promise<Reads> {
  const live = liveCorrections(await allCorrections(r));
  if (!live.length) return r;
  const fix = await Fixes.load(r, live);
  if (fix.empty) return r;
  return wrap(r, fix);
}

function wrap(r: Reads, fix: Fixes): Reads {
  const away = new Set([...fix.repOf].filter(([x, rep]) => x !== rep).map(([x]) => x));
  /** A group's entity with its members' counts added; reports counted once. */
  const combined = async (rows: FusedRow[]): Promise<FusedRow[]> => {
    const out: FusedRow[] = [];
    for (const row of rows) {
      const members = fix.members.get(row.id);
      if (!members) {
        out.push(row);
        continue;
      }
      const all = await r.fusedByIds(members);
      const reports = new Set<number>();
      for (const m of members) for (const e of await r.entitiesOfFused(m)) reports.add(e.report);
      out.push({
        ...row,
        reports: reports.size,
        mentions: all.reduce((s, x) => s + x.mentions, 0),
        claims: all.reduce((s, x) => s + x.claims, 0),
        geo: row.geo,
        merged: all.filter((x) => x.id !== row.id).map((x) => x.uid),
      });
    }
    return out;
  };
  const byIds = async (ids: readonly number[]) => combined(await r.fusedByIds([...new Set(ids.map((x) => fix.rep(x)))]));
  const statusFilter = (f: ClaimFilter): ClaimFilter => ({ ...f, ...(fix.statusOf.size && { statusOf: fix.statusOf }), ...(fix.sourceOf.size && { sourceOf: fix.sourceOf }) });
  const notRetracted = <T extends { report: number }>(xs: T[]) => (fix.retracted.size ? xs.filter((x) => !fix.retracted.has(x.report)) : xs);

  /** A merged entity's asserter with the claims of the asserters merged into it. */
  const withMerged = async (rows: AsserterRow[]): Promise<AsserterRow[]> => {
    const out: AsserterRow[] = [];
    for (const a of rows) {
      const members = fix.asserterMembers.get(a.id);
      out.push(members ? { ...a, claims: (await r.asserters(members)).reduce((s, x) => s + x.claims, 0) } : a);
    }
    return out;
  };
  const mainAsserter = new Map<number, AsserterRow>();
  const figureRows = async (rows: FigureRow[]): Promise<FigureRow[]> => {
    const out = notRetracted(rows);
    if (!fix.asserterOf.size) return out;
    const want = [...new Set(out.map((x) => fix.asserter(x.asserter)).filter((a) => !mainAsserter.has(a)))];
    for (const a of await r.asserters(want)) mainAsserter.set(a.id, a);
    return out.map((x) => {
      const a = mainAsserter.get(fix.asserter(x.asserter));
      return a && a.id !== x.asserter ? { ...x, asserter: a.id, asserterKey: a.key, asserterName: a.name } : x;
    });
  };

  const over: Partial<Reads> = {
    async reportsAfter(id) {
      return (await r.reportsAfter(id)).map((x) => fix.report(x));
    },
    async reportsByIds(ids, withText) {
      return (await r.reportsByIds(ids, withText)).map((x) => fix.report(x));
    },
    async reportByUid(uid, withText) {
      const x = await r.reportByUid(uid, withText);
      return x && fix.report(x);
    },
    async listReports(o) {
      const p = await r.listReports(o);
      return { total: p.total, items: p.items.map((x) => fix.report(x)) };
    },
    async reportsPage(after, limit, withText) {
      return (await r.reportsPage(after, limit, withText)).map((x) => fix.report(x));
    },
    async reportParts(reports, only) {
      return (await r.reportParts(reports, only)).map(
        (p): ReportParts => ({ ...p, report: fix.report(p.report), entities: p.entities.map((e) => fix.entity(e)), claims: p.claims.map((c) => fix.claim(c)) }),
      );
    },
    async searchClaims(f) {
      const p = await r.searchClaims(statusFilter(f));
      return { total: p.total, items: p.items.map((c) => fix.claim(c)) };
    },
    claimFacets(f, by, limit) {
      return r.claimFacets(statusFilter(f), by, limit);
    },
    async claimsPage(f, at, back) {
      const p = await r.claimsPage(statusFilter(f), at, back);
      return { ...p, items: p.items.map((c) => fix.claim(c)) };
    },
    countClaims(f) {
      return r.countClaims(statusFilter(f));
    },
    async claimsByIds(ids) {
      return (await r.claimsByIds(ids)).map((c) => fix.claim(c));
    },

    async propGroups(o) {
      if (!fix.moved.length && !fix.asserterOf.size) return r.propGroups(o);
      const raw = await r.propGroups({ ...o, limit: o.limit + fix.moved.length + fix.asserterOf.size });
      const key = (st: ClaimStatus, pkey: number, asserter: number | null) => `${st} ${pkey} ${o.byAsserter ? asserter : ""}`;
      // Rows of asserters that speak as one are one row.
      const rows = new Map<string, PropRow>();
      for (const x of raw.rows) {
        const asserter = x.asserter === null ? null : fix.asserter(x.asserter);
        const asserters = [...new Set(x.asserters.map((a) => fix.asserter(a)))];
        const k = key(x.status, x.pkey, asserter);
        const g = rows.get(k);
        if (!g) rows.set(k, { ...x, asserter, asserters });
        else {
          g.n += x.n;
          g.firstMs = Math.min(g.firstMs, x.firstMs);
          g.lastMs = Math.max(g.lastMs, x.lastMs);
          for (const a of asserters) if (!g.asserters.includes(a)) g.asserters.push(a);
        }
      }
      let total = raw.total - (raw.rows.length - rows.size);
      for (const m of fix.moved) {
        if (o.statuses.includes(m.from)) {
          const g = rows.get(key(m.from, m.pkey, m.asserter));
          if (g) g.n--;
        }
        if (m.to && o.statuses.includes(m.to) && (o.sinceMs === undefined || m.ms > o.sinceMs)) {
          let g = rows.get(key(m.to, m.pkey, m.asserter));
          if (!g) {
            g = { status: m.to, pkey: m.pkey, asserter: o.byAsserter ? m.asserter : null, asserters: [], n: 0, firstMs: m.ms, lastMs: m.ms, kind: null, quote: m.quote };
            rows.set(key(m.to, m.pkey, m.asserter), g);
            total++;
          }
          g.n++;
          g.firstMs = Math.min(g.firstMs, m.ms);
          g.lastMs = Math.max(g.lastMs, m.ms);
          if (!g.asserters.includes(m.asserter)) g.asserters.push(m.asserter);
        }
      }
      const kept: PropRow[] = [...rows.values()].filter((x) => x.n > 0);
      total -= rows.size - kept.length;
      kept.sort((a, b) => b.n - a.n || a.firstMs - b.firstMs);
      return { total, rows: kept.slice(0, o.limit) };
    },
    async propCites(pkey, st, asserter, limit) {
      const extra = fix.moved.length;
      const asserters = asserter === null ? [null] : (fix.asserterMembers.get(asserter) ?? [asserter]);
      if (!extra && asserters.length === 1) return r.propCites(pkey, st, asserter, limit);
      const raw = (await Promise.all(asserters.map((a) => r.propCites(pkey, st, a, limit + extra)))).flat();
      const gone = new Set(fix.moved.filter((m) => m.from === st).map((m) => m.id));
      const cites = raw.filter((c) => !gone.has(c.report * SPAN + c.seq));
      for (const m of fix.moved) {
        if (m.to !== st || m.pkey !== pkey || (asserter !== null && m.asserter !== asserter)) continue;
        cites.push({ report: m.report, reportUid: m.reportUid, seq: m.seq, start: m.start, end: m.end, text: m.text, language: m.language });
      }
      const ms = new Map((await r.reportsByIds([...new Set(cites.map((c) => c.report))])).map((x) => [x.id, x.publishedMs]));
      cites.sort((a, b) => ms.get(a.report)! - ms.get(b.report)! || a.report - b.report || a.start - b.start);
      return cites.slice(0, limit);
    },
    async propClusters(pkey, st, asserter) {
      const asserters = asserter === null ? [null] : (fix.asserterMembers.get(asserter) ?? [asserter]);
      // (origins counted per asserter: a report two merged asserters share counts twice; merges are rare)
      return (await Promise.all(asserters.map((a) => r.propClusters(pkey, st, a)))).reduce((s, n) => s + n, 0);
    },
    async asserters(ids) {
      return withMerged(await r.asserters([...new Set(ids.map((a) => fix.asserter(a)))]));
    },
    async asserterByKey(keys) {
      const rows = await r.asserterByKey(keys);
      const main = [...new Set(rows.map((a) => fix.asserter(a.id)))];
      return withMerged(await r.asserters(main));
    },
    async unknownItems() {
      return notRetracted(await r.unknownItems());
    },
    async figures() {
      return figureRows(await r.figures());
    },
    async latestFigures() {
      return figureRows(await r.latestFigures());
    },
    async *timeline(o) {
      for await (const page of r.timeline(o)) yield notRetracted(page);
    },

    async fusedEntities(o) {
      if (!fix.repOf.size) return r.fusedEntities(o);
      const offset = o.offset ?? 0;
      const raw = await r.fusedEntities({ ...o, offset: 0, limit: offset + o.limit + away.size });
      const kept = raw.rows.filter((x) => !away.has(x.id));
      const rows = await combined(kept);
      rows.sort((a, b) => b.reports - a.reports || b.mentions - a.mentions || (a.fkey < b.fkey ? -1 : a.fkey > b.fkey ? 1 : 0));
      return { total: raw.total - (raw.rows.length - kept.length), rows: rows.slice(offset, offset + o.limit) };
    },
    fusedByIds: byIds,
    async fusedByUid(uid) {
      const x = await r.fusedByUid(uid);
      return x && (await byIds([x.id]))[0];
    },
    async fusedByKeys(fkeys) {
      return byIds((await r.fusedByKeys(fkeys)).map((x) => x.id));
    },
    async fusedWithNames(ids) {
      return { rows: await byIds(ids), names: await over.fusedNames!(ids) };
    },
    async fusedNames(ids) {
      const want = [...new Set(ids.map((x) => fix.rep(x)))];
      const all = await r.fusedNames([...new Set(want.flatMap((x) => fix.members.get(x) ?? [x]))]);
      const out = new Map<number, { name: string; n: number }[]>();
      for (const id of ids) {
        const counts = new Map<string, number>();
        for (const m of fix.members.get(fix.rep(id)) ?? [id]) for (const x of all.get(m) ?? []) counts.set(x.name, (counts.get(x.name) ?? 0) + x.n);
        if (counts.size) out.set(id, [...counts].map(([name, n]) => ({ name, n })).sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
      }
      return out;
    },
    async firstMention(fused) {
      let best: Awaited<ReturnType<Reads["firstMention"]>>;
      for (const m of fix.members.get(fix.rep(fused)) ?? [fused]) {
        const x = await r.firstMention(m);
        if (x && (!best || x.report < best.report || (x.report === best.report && x.start < best.start))) best = x;
      }
      return best;
    },
    async fusedMembers(fused) {
      return [...(fix.members.get(fix.rep(fused)) ?? [fused])];
    },
    async entitiesOfFused(fused, limit) {
      const members = fix.members.get(fix.rep(fused));
      if (!members) return r.entitiesOfFused(fused, limit);
      const all = (await Promise.all(members.map((m) => r.entitiesOfFused(m, limit)))).flat();
      return all.sort((a, b) => a.report - b.report || a.seq - b.seq).slice(0, limit ?? all.length);
    },
    async entitiesPage(after, limit) {
      const raw = await r.entitiesPage(after, limit);
      if (!fix.repOf.size) return raw;
      const out = raw.filter((e) => !away.has(e.fused)).map((e) => fix.entity(e));
      // The rows of the entities merged into one on this page, after its own.
      for (const rep of new Set(out.filter((e) => fix.members.has(e.fused)).map((e) => e.fused))) {
        const fkey = out.find((e) => e.fused === rep)!.fkey;
        const others = fix.members.get(rep)!.filter((m) => m !== rep);
        const at = (await Promise.all(others.map((m) => r.entitiesOfFused(m)))).flat();
        const reports = await r.reportsByIds([...new Set(at.map((e) => e.report))]);
        const ms = new Map(reports.map((x) => [x.id, x.publishedMs]));
        const want = new Set(at.map((e) => e.report * SPAN + e.seq));
        const extra = (await r.reportParts(reports, ["entities"]))
          .flatMap((p) => p.entities)
          .filter((e) => want.has(e.id))
          .map((e) => ({ ...fix.entity(e), fkey, publishedMs: ms.get(e.report)! }));
        const last = out.map((e) => e.fused).lastIndexOf(rep);
        out.splice(last + 1, 0, ...extra.sort((a, b) => a.publishedMs - b.publishedMs || a.id - b.id));
      }
      return out;
    },
  };
  return new Proxy(r, {
    get(target, key, receiver) {
      if (key === UNCORRECTED) return target;
      if (Object.prototype.hasOwnProperty.call(over, key)) return over[key as keyof Reads];
      const v = Reflect.get(target, key, receiver) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The reads under `corrected(r)`'s view (the extraction as stored), for what needs to apply corrections its own way. */
export const UNCORRECTED = Symbol("uncorrected");

function uncorrected(r: Reads): Reads {
  return ((r as unknown as Record<symbol, Reads | undefined>)[UNCORRECTED]) ?? r;
}

/** How an editor joined or parted an entity of a report, for the ledger's fusion (src/ledger/entityfusion.ts). */
export interface EntityEdit {
  /** Keys it shares with the entities an editor merged it with (and with its own mentions in other reports). */
  join: string[];
  /** The keys of the entity an editor split it from: it joins nothing by them. */
  apartFrom: number[];
}

/**
 * The corrections as the ledger's fusion needs them, by report (stable id) and position: the fusion keeps
 * one record per report (src/ledger/stored.ts) and applies these to each as it is read, so the briefing's
 * propositions, "who claims what" and the export's propositions see what the page sees.
 */
export interface FusionFixes {
  /** Report uid → claim position → the corrected status and source ("report": the report's own voice). */
  claims: Map<string, Map<number, { status?: ClaimStatus; source?: string }>>;
  /** Report uid → entity position → how an editor joined or parted it. */
  entities: Map<string, Map<number, EntityEdit>>;
  /** Split groups: a number in `apartFrom` → the positions ("<report uid>/<seq>") of the entities of that group. */
  groups: Map<number, string[]>;
}

/** The corrections in effect that the fusion must apply; undefined when none does. */
export async function fusionFixes(given: Reads): Promise<FusionFixes | undefined> {
  const r = uncorrected(given);
  const live = liveCorrections(await allCorrections(r));
  if (!live.some((c) => c.action === "status" || c.action === "source" || c.action === "merge" || c.action === "split")) return undefined;
  const out: FusionFixes = { claims: new Map(), entities: new Map(), groups: new Map() };
  const reports = new Map<string, ReportRow | null>();
  const current = async (uid: string) => {
    if (!reports.has(uid)) {
      const row = (await r.reportByUid(uid)) ?? null;
      reports.set(uid, row && row.current ? row : null);
    }
    return reports.get(uid)!;
  };
  const seqOf = new Map<string, Map<string, number>>();
  const fused = new Map<string, number | null>();
  const merges: { action: string; a: number; b: number }[] = [];
  for (const c of live) {
    const data = (c.data ?? {}) as Record<string, unknown>;
    if (c.action === "status" || c.action === "source") {
      const uid = reportOfClaim(c.target);
      const rep = await current(uid);
      if (!rep) continue;
      if (!seqOf.has(uid)) seqOf.set(uid, new Map((await r.reportParts([rep], ["claimIds"]))[0]!.claims.map((x) => [x.uid, x.seq])));
      const seq = seqOf.get(uid)!.get(c.target);
      if (seq === undefined) continue;
      const m = out.claims.get(uid) ?? out.claims.set(uid, new Map()).get(uid)!;
      const fix = m.get(seq) ?? m.set(seq, {}).get(seq)!;
      if (c.action === "status") fix.status = data.status as ClaimStatus;
      else fix.source = String(data.source);
    } else if (c.action === "merge" || c.action === "split") {
      const id = async (u: unknown) => {
        if (typeof u !== "string") return null;
        if (!fused.has(u)) fused.set(u, (await r.fusedByUid(u))?.id ?? null);
        return fused.get(u)!;
      };
      const a = await id(c.target), b = await id(c.action === "merge" ? data.into : data.from);
      if (a !== null && b !== null) merges.push({ action: c.action, a, b });
    }
  }
  const repOf = mergeGroups(merges);
  const rep = (x: number) => repOf.get(x) ?? x;
  // The current reports' entities of each fused entity involved, by (report uid, position).
  const at = new Map<number, { uid: string; seq: number }[]>();
  const positions = async (f: number) => {
    if (!at.has(f)) {
      const rows = await r.entitiesOfFused(f);
      const reps = new Map((await r.reportsByIds([...new Set(rows.map((e) => e.report))])).map((x) => [x.id, x]));
      at.set(f, rows.filter((e) => reps.get(e.report)?.current).map((e) => ({ uid: reps.get(e.report)!.uid, seq: e.seq })));
    }
    return at.get(f)!;
  };
  const membersOf = (g: number) => [...new Set([g, ...[...repOf].filter(([, x]) => x === g).map(([m]) => m)])];
  const edit = (uid: string, seq: number) => {
    const m = out.entities.get(uid) ?? out.entities.set(uid, new Map()).get(uid)!;
    return m.get(seq) ?? m.set(seq, { join: [], apartFrom: [] }).get(seq)!;
  };
  const groupKey = async (g: number) => `E:${(await r.fusedByIds([g]))[0]?.uid ?? g}`;
  // Merged: every mention of the group's entities shares one key.
  for (const g of new Set(repOf.values())) {
    const key = await groupKey(g);
    for (const m of membersOf(g)) for (const p of await positions(m)) edit(p.uid, p.seq).join.push(key);
  }
  // Split and not merged again: each side is one entity of its own, joined by nothing the other has.
  for (const s of merges) {
    if (s.action !== "split" || rep(s.a) === rep(s.b)) continue;
    const sides = [rep(s.a), rep(s.b)];
    for (const g of sides) {
      if (!out.groups.has(g)) {
        const ps: string[] = [];
        for (const m of membersOf(g)) for (const p of await positions(m)) ps.push(`${p.uid}/${p.seq}`);
        out.groups.set(g, ps);
      }
    }
    for (const [g, other] of [[sides[0]!, sides[1]!], [sides[1]!, sides[0]!]] as const) {
      const key = await groupKey(g);
      for (const m of membersOf(g))
        for (const p of await positions(m)) {
          const e = edit(p.uid, p.seq);
          if (!e.join.includes(key)) e.join.push(key);
          if (!e.apartFrom.includes(other)) e.apartFrom.push(other);
        }
    }
  }
  return out;
}
