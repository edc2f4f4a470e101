import type { Doc } from "../model/doc.js";
import { reportKey, type FusionClaim } from "./claimkeys.js";
import type { EntityFusion } from "./entityfusion.js";
import { firstSharedList } from "./shared-list.js";

/**
 * Incidents: the reports of a ledger grouped by the event they are about, so that propositions, figures
 * and contradictions are fused per incident (a newsroom's ledger holds many events at once; the toll of a
 * flood in Libya never contradicts the toll of a shooting in Brussels).
 *
 * A report's `IncidentKeys` come from the report alone (storable at ingest): the entities it names and how
 * often, the acts its claims say happened, the days its times point at and its publication day. Two reports
 * are about one incident when they name one place (a town or a site their lead names, not a country) or
 * their profiles (entities, countries and acts, weighted by how rare they are in the ledger) are alike,
 * and their days fit together (event days within three days, or the same month
 * when a report names only the month: "de explosies in september"). Incidents are the connected components
 * of such pairs: the same for any order of reports. Candidate pairs come from the rarer keys only.
 */
export interface IncidentKeys {
  doc: string;
  /** The report's content key (reportKey): names the incident it opens, whatever the ingest order. */
  order: string;
  /** Entity records the report names, with how many mentions and whether its lead (first sentences) names it. */
  entities: { record: string; mentions: number; lead: boolean }[];
  /** Acts its claims say happened (`v:` concepts, not negated). */
  acts: string[];
  /** Days (YYYY-MM-DD) or months (YYYY-MM) its time expressions point at. */
  days: string[];
  /** The publication day (YYYY-MM-DD). */
  published: string;
}

export function incidentKeys(doc: Doc, claims: readonly FusionClaim[]): IncidentKeys {
  const acts = new Set<string>();
  for (const c of claims) for (const k of c.concepts) if (k.startsWith("v:") && !k.includes("@")) acts.add(k);
  const days = new Set<string>();
  for (const t of doc.times) {
    if (t.type !== "DATE" && t.type !== "TIME") continue;
    const m = /^(\d{4}-\d{2})(-\d{2})?/.exec(t.value);
    if (m) days.add(m[1]! + (m[2] ?? ""));
  }
  const pub = /^\d{4}-\d{2}-\d{2}/.exec(doc.meta.published)?.[0] ?? doc.meta.published.slice(0, 10);
  const leadEnd = doc.sentences[Math.min(2, doc.sentences.length - 1)]?.end ?? doc.text.length;
  return {
    doc: doc.meta.id,
    order: reportKey(doc),
    entities: doc.entities.map((e) => ({
      record: `${doc.meta.id}/${e.id}`,
      mentions: e.mentions.length,
      lead: e.mentions.some((i) => (doc.mentions[i]?.start ?? Infinity) < leadEnd),
    })),
    acts: [...acts].sort(),
    days: [...days].sort(),
    published: pub,
  };
}

const DAY = 86400e3;

/** Whether a set holds something of another (asked of millions of pairs: no array made per pair). */
function meets(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * A report's days as daysFit reads them, worked out once per report (it is asked of every candidate pair):
 * its event days, else its publication day; for each, whether it is a month, its month, and its time.
 */
interface Days {
  month: boolean[];
  head: string[];
  ms: number[];
}

function daysOf(r: IncidentKeys): Days {
  const ds = r.days.length ? r.days : [r.published];
  return { month: ds.map((d) => d.length === 7), head: ds.map((d) => d.slice(0, 7)), ms: ds.map((d) => Date.parse(d)) };
}

/** Do two reports' days fit one event? Event days within three days, a month against a day in it. */
function daysFit(a: Days, b: Days): boolean {
  for (let x = 0; x < a.ms.length; x++)
    for (let y = 0; y < b.ms.length; y++) {
      if (a.month[x] || b.month[y]) {
        if (a.head[x] === b.head[y]) return true;
        continue;
      }
      if (Math.abs(a.ms[x]! - b.ms[y]!) <= 3 * DAY) return true;
    }
  return false;
}

/** How alike two reports' profiles must be to be about one incident. */
const ALIKE = 0.2;
/** A key shared by more reports than this proposes no pairs by itself (a country, a capital). */
const MAX_POSTING = 200;

/**
 * Incidents of a ledger: report id → incident id (the content key of its earliest report), the same for
 * any order of the reports.
 */
export function clusterIncidents(reports: readonly IncidentKeys[], entities: EntityFusion): Map<string, string> {
  // profiles: fused entities (countries by their code) weighted by mentions, acts
  const profiles = reports.map((r) => {
    const m = new Map<string, number>();
    for (const e of r.entities) {
      const c = entities.clusterOf.get(e.record);
      if (!c) continue;
      const k = c.country ? `C:${c.country}` : `E:${c.key}`;
      m.set(k, (m.get(k) ?? 0) + Math.log(1 + e.mentions));
    }
    for (const a of r.acts) m.set(a, (m.get(a) ?? 0) + 0.5);
    return m;
  });
  const df = new Map<string, number>();
  for (const p of profiles) for (const k of p.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = reports.length;
  // each profile as its keys' numbers and their weights, in the profile's order (the dot product adds up in
  // that order, as it did over the map); a report's weights spread over a row of all keys while it is compared
  const keyIds = new Map<string, number>();
  const weighted = profiles.map((p) => {
    const ids = new Int32Array(p.size), w = new Float64Array(p.size);
    let norm = 0, at = 0;
    for (const [k, v] of p) {
      const x = v * Math.log(1 + n / df.get(k)!);
      ids[at] = keyIds.get(k) ?? (keyIds.set(k, keyIds.size), keyIds.size - 1);
      w[at++] = x;
      norm += x * x;
    }
    return { ids, w, norm: Math.sqrt(norm) };
  });
  const row = new Float64Array(keyIds.size);
  keyIds.clear();
  const cosine = (i: number, j: number) => {
    const a = weighted[i]!, b = weighted[j]!;
    if (!a.norm || !b.norm) return 0;
    for (let k = 0; k < b.ids.length; k++) row[b.ids[k]!] = b.w[k]!;
    let dot = 0;
    for (let k = 0; k < a.ids.length; k++) {
      const u = row[a.ids[k]!]!;
      if (u) dot += a.w[k]! * u;
    }
    for (let k = 0; k < b.ids.length; k++) row[b.ids[k]!] = 0;
    return dot / (a.norm * b.norm);
  };
  const days = reports.map(daysOf);
  const parent = reports.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const postings = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    for (const k of p.keys()) if (k.startsWith("E:") || k.startsWith("C:")) (postings.get(k) ?? postings.set(k, []).get(k)!).push(i);
  });
  // where it happened: a place (a town, not a country) or a site the lead names, or that the report names
  // more than once; two reports naming one on days that fit are about one incident
  // (main in one of the two reports, named at all in the other)
  const main = reports.map(() => new Set<string>()), named = reports.map(() => new Set<string>());
  reports.forEach((r, i) => {
    for (const e of r.entities) {
      const c = entities.clusterOf.get(e.record);
      if (!c || c.country || !(c.type === "location" || c.type === "facility")) continue;
      named[i]!.add(`E:${c.key}`);
      if (e.lead || e.mentions >= 2) main[i]!.add(`E:${c.key}`);
    }
  });
  const join = (i: number, j: number) => {
    const a = find(i), b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  // Each pair is asked once, in the first list both reports are in.
  const lists = [...postings.values()].filter((l) => l.length <= MAX_POSTING);
  postings.clear();
  const firstShared = firstSharedList(lists, n);
  for (let li = 0; li < lists.length; li++) {
    const list = lists[li]!;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!, j = list[y]!;
        if (firstShared(i, j) !== li) continue;
        const place = meets(main[i]!, named[j]!) || meets(main[j]!, named[i]!);
        // (the days first: the cheaper test, and both are pure)
        if (daysFit(days[i]!, days[j]!) && (place || cosine(i, j) >= ALIKE)) join(i, j);
      }
  }
  // name each incident by its earliest report (publication day, then id): independent of input order
  const members = new Map<number, IncidentKeys[]>();
  reports.forEach((r, i) => (members.get(find(i)) ?? members.set(find(i), []).get(find(i))!).push(r));
  const out = new Map<string, string>();
  for (const ms of members.values()) {
    const first = [...ms].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))[0]!;
    for (const r of ms) out.set(r.doc, `i:${first.order}`);
  }
  return out;
}
