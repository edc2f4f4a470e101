// A proposition of the export as the refresh keeps it (exportparts.ts keepLists), and back. At 10,000 reports
// the kept propositions were 0.89 MB, most of it what the ledger holds already: each claim's id (its
// report's 13 random characters and 8 more of its own words' digest), the times of their reports, the
// proposition's own number. Kept here against what is kept beside them (the reports in the order the
// export reads them, their published times) and what the store has (a claim row, by its internal id).
import { SPAN } from "../store/index.js";
import type { ExportedProposition } from "./fusionexport.js";

/**
 * A claim of a kept proposition:
 * - a number: the same claim id (its words' digest) as the claim before it, in the report that many places
 *   further in the list of reports (a wire copy's claim has the same id in every report that runs it);
 * - [report, seq]: the store's claim of that internal id (report × SPAN + seq), read back with its row;
 * - "j:n": the same claim id as the proposition's j-th claim id (in the order first met), n places further;
 * - [place, "-key"]: the report at that place, the claim id (its row not known);
 * - { id }: the claim's id spelt out (its report not among the kept reports).
 */
export type KeptClaim = number | [number, number] | [number, string] | string | { id: string };

/** A history entry: its claim (an index into the claims) then its status, its time its claim's report's; else spelt out. */
type KeptHistory = number | string | { at: string; status: string; claim: number | string };

export interface KeptProposition {
  /** When it is not "p" + its place in the list (1 on). */
  id?: string;
  /** Left out: the words of its first claim (kept as [report, seq]); a number: those of the claim row of that id; else the words. */
  text?: string | number;
  c: KeptClaim[];
  status: string;
  sources: ExportedProposition["sources"];
  /** Left out: the number of reports its claims are in. */
  reports?: number;
  independent_sources: number;
  /** Left out: its history's first time. */
  first_seen?: string;
  /** A number: the time of the report of its claim of that index. */
  last_seen: string | number;
  h: KeptHistory[];
  incident?: string;
}

/** What a proposition is kept against, as the refresh has it. */
export interface PackContext {
  /** A report's place in the kept list of reports. */
  place(report: string): number | undefined;
  /** The store's internal id of a claim (by its stable id). */
  claimId(uid: string): number | undefined;
  /** The published time of the report at a place (undefined: times not kept). */
  time(place: number): string | undefined;
  /** The internal id of the claim whose words are the proposition's, when its first claim is worded so. */
  worded(uid: string): number | undefined;
}

/** What a kept proposition is read back with. */
export interface UnpackContext {
  /** A claim row, by internal id (those of claimRows). */
  row(id: number): { uid: string; text: string } | undefined;
  place(report: string): number | undefined;
  report(place: number): string | undefined;
  time(place: number): string | undefined;
}

const reportOf = (uid: string) => {
  const k = uid.indexOf("-");
  return k < 0 ? uid : uid.slice(0, k);
};
const keyOf = (uid: string) => {
  const k = uid.indexOf("-");
  return k < 0 ? "" : uid.slice(k);
};

export function packProposition(p: ExportedProposition, index: number, x: PackContext): KeptProposition {
  const c: KeptClaim[] = [];
  const keys = new Map<string, number>();
  let prevPlace: number | undefined;
  let prevKey: string | undefined;
  const places: (number | undefined)[] = [];
  let firstById = false;
  p.claims.forEach((uid, i) => {
    // (a claim the store's ids did not name: as the export has it)
    if (typeof uid !== "string") {
      c.push({ id: uid });
      places.push((prevPlace = undefined));
      return;
    }
    const report = reportOf(uid), key = keyOf(uid);
    const place = key ? x.place(report) : undefined;
    const id = place === undefined ? undefined : x.claimId(uid);
    const j = key ? keys.get(key) : undefined;
    if (place !== undefined && prevPlace !== undefined && key === prevKey) c.push(place - prevPlace);
    else if (place !== undefined && prevPlace !== undefined && j !== undefined) c.push(`${j}:${place - prevPlace}`);
    else if (id !== undefined) {
      c.push([Math.floor(id / SPAN), id % SPAN]);
      if (i === 0) firstById = true;
    } else if (place !== undefined) c.push([place, key]);
    else c.push({ id: uid });
    if (key && j === undefined) keys.set(key, keys.size);
    places.push(place);
    prevPlace = place;
    prevKey = key;
  });
  const timeOf = (i: number) => {
    const pl = places[i];
    return pl === undefined ? undefined : x.time(pl);
  };
  const at = new Map<string, number>();
  p.claims.forEach((u, i) => at.has(u) || at.set(u, i));
  // (reports: the claims' reports counted as the reader counts them)
  const reports = new Set(p.claims.map((u) => (typeof u === "string" ? reportOf(u) : u))).size;
  const h: KeptHistory[] = [];
  for (const e of p.history) {
    const i = at.get(e.claim);
    if (i !== undefined && timeOf(i) === e.at) h.push(i, e.status);
    else h.push({ at: e.at, status: e.status, claim: i ?? e.claim });
  }
  const worded = p.claims[0] === undefined ? undefined : x.worded(p.claims[0]);
  const id0 = firstById ? (c[0] as [number, number]) : undefined;
  const text: string | number | undefined = worded === undefined ? p.text : id0 && worded === id0[0] * SPAN + id0[1] ? undefined : worded;
  const last = p.claims.findIndex((_, i) => timeOf(i) === p.last_seen);
  return {
    ...(p.id !== `p${index + 1}` && { id: p.id }),
    ...(text !== undefined && { text }),
    c,
    status: p.status,
    sources: p.sources,
    ...(p.reports !== reports && { reports: p.reports }),
    independent_sources: p.independent_sources,
    ...(p.first_seen !== p.history[0]?.at && { first_seen: p.first_seen }),
    last_seen: last >= 0 ? last : p.last_seen,
    h,
    ...(p.incident !== undefined && { incident: p.incident }),
  };
}

/** The internal ids of the claim rows a kept proposition is read back with (claims kept as [report, seq], its words). */
export function claimRows(q: KeptProposition): number[] {
  const out: number[] = [];
  for (const c of q.c) if (Array.isArray(c) && typeof c[1] === "number") out.push(c[0] * SPAN + c[1]);
  if (typeof q.text === "number") out.push(q.text);
  return out;
}

export function unpackProposition(q: KeptProposition, index: number, x: UnpackContext): ExportedProposition {
  const claims: string[] = [];
  const places: (number | undefined)[] = [];
  const keys: string[] = [];
  const known = new Set<string>();
  let prevPlace: number | undefined;
  let prevKey = "";
  let text0: string | undefined;
  const at = (place: number | undefined) => {
    const report = place === undefined ? undefined : x.report(place);
    if (report === undefined) throw new Error(`sitrep: a kept proposition names a report at a place not kept (${place})`);
    return report;
  };
  for (const c of q.c) {
    let uid: string, place: number | undefined;
    if (typeof c === "number") {
      place = prevPlace! + c;
      uid = at(place) + prevKey;
    } else if (typeof c === "string") {
      const k = c.indexOf(":");
      place = prevPlace! + Number(c.slice(k + 1));
      uid = at(place) + keys[Number(c.slice(0, k))]!;
    } else if (Array.isArray(c) && typeof c[1] === "string") {
      place = c[0];
      uid = at(place) + c[1];
    } else if (Array.isArray(c)) {
      const id = c[0] * SPAN + (c[1] as number);
      const row = x.row(id);
      if (!row) throw new Error(`sitrep: the claim ${id} a kept proposition names is missing`);
      uid = row.uid;
      if (!claims.length) text0 = row.text;
      place = x.place(reportOf(uid));
    } else {
      uid = c.id;
      place = typeof uid === "string" ? x.place(reportOf(uid)) : undefined;
    }
    const key = typeof uid === "string" ? keyOf(uid) : "";
    if (key && !known.has(key)) known.add(key), keys.push(key);
    claims.push(uid);
    places.push(place);
    prevPlace = place;
    prevKey = key;
  }
  const timeOf = (i: number) => {
    const pl = places[i];
    const t = pl === undefined ? undefined : x.time(pl);
    if (t === undefined) throw new Error(`sitrep: the time of a kept proposition's claim ${claims[i]} is not kept`);
    return t;
  };
  const history: ExportedProposition["history"] = [];
  for (let k = 0; k < q.h.length; k++) {
    const e = q.h[k]!;
    if (typeof e === "number") history.push({ at: timeOf(e), status: q.h[++k] as string, claim: claims[e]! });
    else if (typeof e === "object") history.push({ at: e.at, status: e.status, claim: typeof e.claim === "number" ? claims[e.claim]! : e.claim });
  }
  let text: string;
  if (q.text === undefined) text = text0!;
  else if (typeof q.text === "number") {
    const row = x.row(q.text);
    if (!row) throw new Error(`sitrep: the claim ${q.text} a kept proposition is worded by is missing`);
    text = row.text;
  } else text = q.text;
  return {
    id: q.id ?? `p${index + 1}`,
    text,
    claims,
    status: q.status,
    sources: q.sources,
    reports: q.reports ?? new Set(claims.map((u) => (typeof u === "string" ? reportOf(u) : u))).size,
    independent_sources: q.independent_sources,
    first_seen: q.first_seen ?? history[0]!.at,
    last_seen: typeof q.last_seen === "number" ? timeOf(q.last_seen) : q.last_seen,
    history,
    ...(q.incident !== undefined && { incident: q.incident }),
  };
}
