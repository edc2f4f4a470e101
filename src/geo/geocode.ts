// Geocoding with the context an analyst uses: the countries and regions the report names, the regions of
// places already resolved, and population. It never invents a place: a name the gazetteer does not know
// (and that is not a one-letter slip of a long name inside a region the report names) gets no coordinates.
import { gazetteer, type GazEntry } from "./gazetteer.js";
import { spellingKey, spellingKeyOnce, withinOneEdit } from "./spelling.js";

export interface PlaceQuery {
  /** Every name the report uses for the place. */
  names: readonly string[];
  /** The report calls it a region (regio Belgorod, the Belgorod region). */
  regionHint?: boolean;
  /** Nothing but the gazetteer says it is a place: accept only a place inside a country or region the report names. */
  strict?: boolean;
  /**
   * The text itself says it is a place (in X, the village of X, the X region). Without that, a small town
   * in a country the report never names is taken for a coincidence of spelling (Hamada in a report on
   * Libya, a sentence-initial Four), not for the place.
   */
  supported?: boolean;
  /** The name is also a common word (West, Centre): without support, no region or town outside the report's countries. */
  common?: boolean;
}

/** Population from which a town is known well enough to be meant without support from the text. */
const WELL_KNOWN = 100000;

/** Shortest spelling key for which a one-letter slip is tolerated. */
const FUZZY_MIN = 8;
/** Smallest town a one-letter slip may lead to. */
const FUZZY_MIN_POPULATION = 1000;

function regionId(e: GazEntry): string {
  return (e.region ??= `${e.country}.${e.admin1}`);
}

interface RegionKeys {
  entries: readonly GazEntry[];
  keys: string[];
  /** Indices into `keys` by length and first letter (`7|b`), ascending: the only keys a one-letter slip can reach. */
  byShape: Map<string, number[]>;
}

const regionKeyCache = new Map<string, RegionKeys>();

/** The places of a region with the spelling keys of their names, computed once per region. */
function regionKeys(r: string): RegionKeys {
  let hit = regionKeyCache.get(r);
  if (!hit) {
    const [cc, a1] = r.split(".") as [string, string];
    // a one-letter slip is forgiven only towards a town of some size: the villages of a few hundred the
    // gazetteer also holds are matched by their exact names (and would make this index half again as big)
    const entries = gazetteer().placesIn(cc, a1, FUZZY_MIN_POPULATION);
    const keys = entries.map((e) => spellingKeyOnce(e.name));
    const byShape = new Map<string, number[]>();
    keys.forEach((k, x) => {
      const shape = `${k.length}|${k[0]}`;
      const l = byShape.get(shape);
      if (l) l.push(x);
      else byShape.set(shape, [x]);
    });
    hit = { entries, keys, byShape };
    if (regionKeyCache.size > 500) regionKeyCache.clear();
    regionKeyCache.set(r, hit);
  }
  return hit;
}

/** slipIn's answers by region, then key: a look-up joins no strings (a name is asked about for every region the report names). */
const slipCache = new Map<string, Map<string, GazEntry | null>>();
let slipCount = 0;

/**
 * The most populous town of region `r` whose key is one letter off `k` (the first in table order of equally
 * populous ones), or null. The same unknown names recur from report to report: each pair is looked at once.
 */
function slipIn(r: string, k: string): GazEntry | null {
  let memo = slipCache.get(r);
  let best = memo?.get(k);
  if (best !== undefined) return best;
  best = null;
  const { entries, keys, byShape } = regionKeys(r);
  // the keys one letter longer, as long or one shorter with the same first letter, in table order
  // (the first of equally populous towns wins, as in a scan of the whole region)
  const xs: number[] = [];
  for (const len of [k.length - 1, k.length, k.length + 1]) for (const x of byShape.get(`${len}|${k[0]}`) ?? []) xs.push(x);
  xs.sort((a, b) => a - b);
  for (const x of xs) {
    const e = entries[x]!;
    if (withinOneEdit(k, keys[x]!) && (!best || e.population > best.population)) best = e;
  }
  if (++slipCount > 50000) {
    slipCache.clear();
    slipCount = 1;
    memo = undefined;
  }
  if (!memo) slipCache.set(r, (memo = new Map()));
  memo.set(k, best);
  return best;
}

function candidates(q: PlaceQuery): GazEntry[] {
  const g = gazetteer();
  const seen = new Set<GazEntry>();
  for (const n of q.names) for (const e of g.byKey(spellingKey(n))) seen.add(e);
  return [...seen];
}

/** Resolves each query to a gazetteer entry or null, using the other queries as context. */
export function geocodeAll(queries: readonly PlaceQuery[]): (GazEntry | null)[] {
  const cands = queries.map(candidates);
  // the context: countries and regions the report names outright (a name whose only readings are a
  // country or whose readings include a region)
  const countries = new Set<string>();
  const regions = new Set<string>();
  cands.forEach((cs) => {
    for (const e of cs) {
      if (e.kind === "country") countries.add(e.country);
      if (e.kind === "admin1") regions.add(regionId(e));
    }
  });
  const score = (e: GazEntry, q: PlaceQuery, resolvedRegions: Set<string>): number => {
    if (e.kind === "country") return 100;
    let s = e.kind === "admin1" ? (q.regionHint ? 20 : 5.5) : e.kind === "feature" ? 5.5 : Math.log10(e.population + 10);
    if (countries.has(e.country)) s += 3;
    if (e.kind === "place" && regions.has(regionId(e))) s += 4;
    if (e.kind === "place" && resolvedRegions.has(regionId(e))) s += 2;
    if (e.fcode === "PPLC") s += 1;
    else if (e.fcode === "PPLA") s += 0.5;
    return s;
  };
  const pick = (cs: GazEntry[], q: PlaceQuery, rr: Set<string>): GazEntry | null => {
    let best: GazEntry | null = null;
    let bs = -Infinity;
    for (const e of cs) {
      const s = score(e, q, rr);
      if (s > bs) {
        bs = s;
        best = e;
      }
    }
    return best;
  };
  // first pass without, second with the regions of the places resolved in the first
  const inContext = (e: GazEntry) => (e.kind === "place" || e.kind === "feature") && (countries.has(e.country) || regions.has(regionId(e)));
  const farAway = (e: GazEntry) => e.kind === "place" && countries.size > 0 && !inContext(e) && e.population < WELL_KNOWN && e.fcode !== "PPLC";
  cands.forEach((cs, i) => {
    const q = queries[i]!;
    if (q.strict) cands[i] = cs.filter(inContext);
    else if (!q.supported) {
      const keep = (e: GazEntry) => !farAway(e) && !(q.common && (e.kind === "admin1" || e.kind === "place") && !inContext(e) && !(e.kind === "admin1" && countries.has(e.country)));
      // most candidate lists lose nothing: copy only those that do
      let all = true;
      for (const e of cs) if (!keep(e)) {
        all = false;
        break;
      }
      if (!all) cands[i] = cs.filter(keep);
    }
  });
  // results made by push, so that callers always get the same kind of array (see extractEntities)
  const none = new Set<string>();
  const resolved = new Set<string>();
  for (let i = 0; i < queries.length; i++) {
    const e = pick(cands[i]!, queries[i]!, none);
    if (e && e.kind === "place") resolved.add(regionId(e));
  }
  const out: (GazEntry | null)[] = [];
  for (let i = 0; i < queries.length; i++) out.push(pick(cands[i]!, queries[i]!, resolved));
  // a one-letter slip in a long name, only inside a region the report names: Boriskovka → Borisovka
  if (regions.size) {
    queries.forEach((q, i) => {
      if (out[i]) return;
      let best: GazEntry | null = null;
      for (const n of q.names) {
        const k = spellingKey(n);
        if (k.length < FUZZY_MIN) continue;
        for (const r of regions) {
          const e = slipIn(r, k);
          if (e && (!best || e.population > best.population)) best = e;
        }
      }
      out[i] = best;
    });
  }
  return out;
}
