/**
 * Fusion across reports: one picture from many reports, as pure functions that give the same result
 * whatever order the reports arrive in (ties are broken by content keys, never by ingest order).
 *
 * ## The interface for a store
 *
 * At ingest, per report: pure functions of the report alone, whose results are plain JSON to store:
 * - `entityRecords(doc)` (entityfusion.ts): one `EntityRecord` per entity (names, aliases, roles, place,
 *   government); `entityKeys(record)` gives its link keys (strong keys, and keys it seeks or offers) if
 *   the store wants to index them;
 * - `fusionClaims(doc)` (claimkeys.ts): one `FusionClaim` per claim, its language-free fusion keys:
 *   concepts with polarity (`v:kill`, `!v:operate`, `n:missile@RU`), the first thing it says happens,
 *   entity records, countries, doers, figures, days, source, wording features, a content order key, word
 *   shingles (copies). Nothing of the report's words is needed after this;
 * - `incidentKeys(doc, claims)` (incidents.ts): the entities, acts and days a report is about.
 *
 * When the ledger is read, or after a batch of reports, recomputed from the stored records:
 * 1. `fuseEntities(records)` (entityfusion.ts): entity clusters, the connected components over shared keys
 *    plus the joins a surname, an institution without its country, a role or an ungeocoded place seeks. A
 *    store may keep a union-find over keys and recompute only the components a new report touches.
 * 2. `clusterIncidents(incidentKeys, entities)` (incidents.ts): report → incident. Candidate pairs come
 *    from entity keys (a key in more than 200 reports proposes none); a new report can only join or
 *    bridge the incidents of the reports it shares keys with.
 * 3. per incident, with `ctx = blockContext(entities)` (below):
 *    `fuseBlock(claimsOfIncident, ctx)` (propositions.ts) → the incident's propositions, and
 *    `findDisputes(claimsOfIncident, ctx, { scope: "ledger" })` (disputes.ts) → its contradictions.
 *    Both are functions of the set of claims: a new report means recomputing its own incident's block
 *    only, and the same claims in any order give the same result. Inside a block, candidate pairs come
 *    from indexes (what happens, parties, figures, windows inside a report), never all pairs.
 * `fuseReports(docs)` below does all of it for reports in memory (the one-shot export, the evaluation);
 * `reportContext(doc)` is the cheap context of one report for the pipeline's contradictions stage.
 */
import type { Doc, Lang, SourceKind } from "../model/doc.js";
import { countriesOfName, fusionClaims, type FusionClaim } from "./claimkeys.js";
import { entityRecords, fuseEntities, type EntityRecord, institutionOf, reportEntities, roleKeyOf, roleOf, type EntityFusion } from "./entityfusion.js";
import { nameKey } from "./names.js";
import { langPack } from "../lang/index.js";
import { blockGroups, blockPropositions, fuseBlock, type BlockContext, type Proposition } from "./propositions.js";
import { findDisputes, findDisputesIn, type Dispute } from "./disputes.js";
import { clusterIncidents, incidentKeys, type IncidentKeys } from "./incidents.js";
import { ClaimColumns } from "./claimcolumns.js";

export interface Fusion {
  entities: EntityFusion;
  claims: FusionClaim[];
  /** Report id → incident id. */
  incidents: Map<string, string>;
  propositions: Proposition[];
  /** Contradictions inside reports and across them. */
  disputes: Dispute[];
  context: BlockContext;
}

/** The block context over a ledger's fused entities. */
export function blockContext(entities: EntityFusion, lang: Lang = "en"): BlockContext {
  const byKey = new Map(entities.clusters.map((c) => [c.key, c]));
  // (asked of every entity of every claim, many times: a cluster of a whole ledger's mentions of a person
  // holds thousands of records, each looked at on every asking)
  const places = new Map<string, boolean>();
  // (asked of each claim by the disputes, the signatures and the propositions, in every block, and of a
  // whole ledger's block: 100,000 claims. A function of a few of the claim's strings, so worked out once for
  // each content of them, looked up by those strings (no key made of them per claim); each content's answer
  // one object, as claims of one speaker share one)
  type A = ReturnType<typeof asserterOf>;
  type Said = { a: A; party?: readonly string[] };
  // (a report's own voice by its outlet, else by the report)
  const voices = { outlet: new Map<string, Said>(), doc: new Map<string, Said>() };
  const sources = new Map<string, Map<string, Map<string, Map<object, Map<string, Said>>>>>();
  // (a source's entity is read only as the cluster it is in: the speaker of every report that names one
  // cluster is looked up alike; an entity in none, and no entity, are each one more)
  const UNLINKED = {}, NO_ENTITY = {};
  const answers = new Map<string, Map<string, Map<string, Map<string, A>>>>();
  const one = (x: A): A => {
    const byName = answers.get(x.key) ?? answers.set(x.key, new Map()).get(x.key)!;
    const byKind = byName.get(x.name) ?? byName.set(x.name, new Map()).get(x.name)!;
    const byEntity = byKind.get(x.kind) ?? byKind.set(x.kind, new Map()).get(x.kind)!;
    const e = x.entity ?? "";
    return byEntity.get(e) ?? (byEntity.set(e, x), x);
  };
  // (a source listed with its members or the names before it is rare: worked out each time)
  const said = (c: FusionClaim): Said | undefined => {
    const s = c.source;
    if (!s) {
      const by = c.outlet != null, m = by ? voices.outlet : voices.doc, v = by ? c.outlet! : c.doc;
      let x = m.get(v);
      if (!x) m.set(v, (x = { a: one(asserterOf(c, entities, lang)) }));
      return x;
    }
    if (s.members || s.before?.length) return undefined;
    let byKind = sources.get(c.lang);
    if (!byKind) sources.set(c.lang, (byKind = new Map()));
    let byName = byKind.get(s.kind);
    if (!byName) byKind.set(s.kind, (byName = new Map()));
    let byEntity = byName.get(s.name);
    if (!byEntity) byName.set(s.name, (byEntity = new Map()));
    const e = s.entity ? (entities.clusterOf.get(s.entity) ?? UNLINKED) : NO_ENTITY;
    let byRole = byEntity.get(e);
    if (!byRole) byEntity.set(e, (byRole = new Map()));
    const r = s.role ?? "";
    let x = byRole.get(r);
    if (!x) byRole.set(r, (x = { a: one(asserterOf(c, entities, lang)) }));
    return x;
  };
  const asserter = (c: FusionClaim): A => said(c)?.a ?? one(asserterOf(c, entities, lang));
  return {
    entityKey: (r) => entities.clusterOf.get(r)?.key,
    countryOf: (k) => byKey.get(k)?.country,
    asserter,
    party: (c) => {
      const x = said(c);
      if (!x) return partyOf(c, entities, lang, asserter(c));
      return (x.party ??= Object.freeze(partyOf(c, entities, lang, x.a)));
    },
    // a gazetteer place (a city, a village), not a country, region or sea
    isPlace: (k) => {
      let p = places.get(k);
      if (p === undefined) places.set(k, (p = !!byKey.get(k)?.records.some((r) => /^geo:\d+$/.test(r.geo ?? ""))));
      return p;
    },
  };
}

/** The block context of one report alone (the pipeline's contradictions stage). */
export function reportContext(doc: Doc): BlockContext {
  return blockContext(reportEntities(doc), doc.lang);
}

const clusterIndex = new WeakMap<EntityFusion, Map<string, EntityFusion["clusters"][number]>>();
/** The cluster whose key this is (the first, as a scan would find it), by an index built once per fusion. */
export function clusterWithKey(entities: EntityFusion, key: string): EntityFusion["clusters"][number] | undefined {
  let m = clusterIndex.get(entities);
  if (!m) {
    m = new Map();
    for (const c of entities.clusters) if (!m.has(c.key)) m.set(c.key, c);
    clusterIndex.set(entities, m);
  }
  return m.get(key);
}

/** The parties a claim's asserter speaks for (see BlockContext.party). */
export function partyOf(c: FusionClaim, entities: EntityFusion, lang: Lang, a = asserterOf(c, entities, lang)): string[] {
  if (!c.source) return [];
  const out = new Set<string>([a.key]);
  const cluster = c.source.entity ? entities.clusterOf.get(c.source.entity) : a.entity ? clusterWithKey(entities, a.entity) : undefined;
  if (cluster) for (const p of clusterParties(cluster)) out.add(p);
  // "Washington en Moskou": each of the names speaks for its party
  for (const m of c.source.members ?? []) {
    const cl = entities.clusterOf.get(m);
    if (!cl) continue;
    out.add(cl.government ? `C:${cl.government}` : `e:${cl.key}`);
  }
  // an unnamed or unlinked source may name its country ("Ukrainian officials", "de Russische autoriteiten")
  for (const cc of countriesOfName(c.source.name, c.lang)) out.add(cc);
  if (c.source.role) for (const cc of countriesOfName(c.source.role, c.lang)) out.add(cc);
  return [...out].sort();
}

/**
 * The parties an entity speaks for by its keys and its government (asked for every claim its speaker
 * makes: a ledger's government or ministry holds hundreds of keys). In no order: `partyOf` sorts.
 */
const clusterPartyMemo = new WeakMap<EntityFusion["clusters"][number], string[]>();
function clusterParties(cluster: EntityFusion["clusters"][number]): string[] {
  let out = clusterPartyMemo.get(cluster);
  if (out) return out;
  const ps = new Set<string>();
  for (const k of cluster.keys) {
    // a role's body or country (R:spokesperson:I:C:LY:red-crescent, R:head:C:UA), an institution's country
    const role = /^R:[^:]+:(.*)$/.exec(k);
    const q = role ? role[1]! : k.startsWith("I:") ? k : "";
    const m = /(?:^|:)C:([A-Z]{2})/.exec(q);
    if (m) ps.add(`C:${m[1]}`);
    if (role && q.startsWith("I:")) ps.add(`e:${q}`);
    if (role && q.startsWith("A:")) ps.add(`e:${q}`);
  }
  if (cluster.government) ps.add(`C:${cluster.government}`);
  clusterPartyMemo.set(cluster, (out = [...ps]));
  return out;
}

export function asserterOf(c: FusionClaim, entities: EntityFusion, lang: Lang): { key: string; name: string; entity?: string; kind: SourceKind | "report" } {
  if (!c.source) return { key: `voice:${c.outlet ?? c.doc}`, name: c.outlet ?? "the report", kind: "report" };
  const s = c.source;
  // several named together speak as one voice, named in the briefing's language ("Washington and Moscow")
  if (s.members) {
    const cls = [...new Set(s.members.map((m) => entities.clusterOf.get(m)).filter((x) => x !== undefined))];
    if (cls.length >= 2) {
      const names = cls.map((x) => x.name(lang));
      const and = langPack(lang).claims.additive[0] ?? "&";
      return { key: `m:${cls.map((x) => (x.government ? `C:${x.government}` : `e:${x.key}`)).sort().join("+")}`, name: `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`, kind: s.kind };
    }
  }
  // a source named in full can say more than the entity it was linked to: "Ukraine's air force" is the
  // air force (the Ukrainian one), as "de Oekraïense luchtmacht" is
  const named = institutionOf(s.name, c.lang);
  // a country's government speaks for the country, as its capital does ("Ukraine's government", "Kyiv")
  const gov = named ? /^C:([A-Z]{2}):government$/.exec(named) : null;
  if (gov) return { key: `C:${gov[1]}`, name: s.name, kind: s.kind };
  if (named?.startsWith("C:")) return { key: `i:${named}`, name: s.name, kind: s.kind };
  const linked = s.entity ? entities.clusterOf.get(s.entity) : undefined;
  // a role linked to the body its words name ("de Belgische minister van Binnenlandse Zaken" to "Binnenlandse
  // Zaken") is the person who holds the role, when the ledger names one
  const cluster = linked && linked.type !== "person" ? roleHolder(s.name, c.lang, entities) ?? placeRoleHolder(s.name, c.lang, linked, entities) ?? linked : linked;
  const byRole = cluster ? undefined : (() => {
    const rk = roleKeyOf(s.name, c.lang);
    const found = rk ? entities.byKey(rk) : undefined;
    if (found) return found;
    // a role without its country ("the regional governor", "de premier") is the one person of the ledger
    // named with that role; none when two hold it. (A role with its country takes only a person named
    // with that country: "the Russian leader" is not whoever else is called "President".)
    const role = roleOf(s.name, c.lang);
    if (!role || role.qualifier) return undefined;
    // the one person the report itself names with that role before it first ("Minister Claes bezocht de
    // haven … zei de minister"), whoever else the ledger names so; two there, and the role names neither
    const key = `Rb:${role.concept}`;
    const here = new Set((s.before ?? []).map((r) => entities.clusterOf.get(r)).filter((x) => x !== undefined && x.type === "person" && x.keys.has(key)));
    return here.size ? (here.size === 1 ? [...here][0] : undefined) : entities.byKey(key);
  })();
  const e = cluster ?? byRole;
  // a capital or a government body speaks for its country: "Kyiv zei", "Ukraine denies" are one speaker
  if (e) return { key: e.government ? `C:${e.government}` : `e:${e.key}`, name: e.name(lang), entity: e.key, kind: s.kind };
  // a body named by what it is, in either language ("the regional government", "de regionale regering")
  const inst = institutionOf(s.name, c.lang);
  if (inst) return { key: `i:${inst}`, name: s.name, kind: s.kind };
  // a role no one in the ledger is named with is one speaker whatever the word and the language ("de
  // schutter", "de verdachte aanslagpleger", "the attacker": the gunman of the incident)
  const bare = s.kind === "unnamed" ? undefined : roleOf(s.name, c.lang);
  if (bare && !bare.qualifier) return { key: `Rb:${bare.concept}`, name: s.name, kind: s.kind };
  return { key: `${s.kind === "unnamed" ? "u" : "n"}:${nameKey(s.name)}`, name: s.name, kind: s.kind };
}

/**
 * The one person of the ledger named with the role a source's name gives: with its country, the person
 * named with that role and country; else the one person named with the bare role ("Interior Minister
 * Annelies Verlinden"), unless the ledger names that role with another country than the source's.
 */
function roleHolder(name: string, lang: Lang, entities: EntityFusion): EntityFusion["clusters"][number] | undefined {
  const role = roleOf(name, lang);
  if (!role) return undefined;
  const rk = roleKeyOf(name, lang);
  const exact = rk ? entities.byKey(rk) : undefined;
  if (exact?.type === "person") return exact;
  const bare = entities.byKey(`Rb:${role.concept}`);
  if (bare?.type !== "person") return undefined;
  const other = `R:${role.concept}:`;
  if (role.qualifier && [...bare.keys].some((k) => k.startsWith(other) && k !== `${other}${role.qualifier}`)) return undefined;
  return bare;
}

/** Offices held over a place: their "of" names where, not whose body speaks. */
const PLACE_ROLES: ReadonlySet<string> = new Set(["governor", "mayor"]);

/**
 * The person who holds an office over the place a source's name was linked to ("the mayor of Liège",
 * "de gouverneur van Karinthië"): the one person of the ledger named with that office, as for the office
 * named alone ("the regional governor"). The place does not speak, its governor does; and a report that
 * names her and one that names her office are one speaker, not two independent ones.
 */
function placeRoleHolder(name: string, lang: Lang, linked: EntityFusion["clusters"][number], entities: EntityFusion): EntityFusion["clusters"][number] | undefined {
  let rest = ` ${name.toLowerCase()} `;
  for (const n of linked.names) rest = rest.split(` ${n.toLowerCase()} `).join(" ");
  if (rest.length > name.length) return undefined;
  const role = roleOf(rest.trim(), lang);
  if (!role || role.qualifier || !PLACE_ROLES.has(role.concept)) return undefined;
  const holder = entities.byKey(`Rb:${role.concept}`);
  return holder?.type === "person" ? holder : undefined;
}

/** Everything fused from reports in memory. */
export function fuseReports(docs: readonly Doc[], lang: Lang = "en"): Fusion {
  return fuseRecords(docs.map(reportFusion), lang);
}

/** What fusion keeps of one report: all it needs, as plain JSON (the ledger stores one per report). */
export interface ReportFusion {
  entities: EntityRecord[];
  claims: FusionClaim[];
  incident: IncidentKeys;
}

export function reportFusion(doc: Doc): ReportFusion {
  const claims = fusionClaims(doc);
  return { entities: entityRecords(doc), claims, incident: incidentKeys(doc, claims) };
}

/** Everything fused from the stored records of reports; the same records in any order give the same result. */
export function fuseRecords(given: readonly ReportFusion[], lang: Lang = "en"): Fusion {
  const { reports, entities, context, incidents } = fuseLedger(given, lang);
  const claims = reports.flatMap((r) => r.claims);
  // one block per incident: propositions and contradictions never cross incidents
  const blocks = new Map<string, FusionClaim[]>();
  for (const c of claims) {
    const i = incidents.get(c.doc)!;
    (blocks.get(i) ?? blocks.set(i, []).get(i)!).push(c);
  }
  const propositions: Proposition[] = [];
  const disputes: Dispute[] = [];
  for (const i of [...blocks.keys()].sort()) fuseIncident(i, blocks.get(i)!, context, propositions, disputes);
  propositions.sort(byKey);
  return { entities, claims, incidents, propositions, disputes, context };
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * What is fused over the whole ledger at once: the entities and the incidents. It needs the reports'
 * entity records and incident keys only, never their claims.
 */
function fuseLedger<R extends Pick<ReportFusion, "entities" | "incident">>(given: readonly R[], lang: Lang) {
  // by content key, so that nothing downstream can see the order reports arrived in
  const reports = [...given].sort((a, b) => (a.incident.order < b.incident.order ? -1 : a.incident.order > b.incident.order ? 1 : 0));
  const entities = fuseEntities(reports.flatMap((r) => r.entities));
  const context = blockContext(entities, lang);
  const incidents = clusterIncidents(
    reports.map((r) => r.incident),
    entities,
  );
  return { reports, entities, context, incidents };
}

/**
 * A block's proposition or dispute (made for it alone) marked with its incident, in place: a copy by spread
 * gave every one of them a hidden class of its own (their descriptors were a quarter of a ledger fusion's
 * memory); the incident comes last, as in such a copy.
 */
function inIncident<T extends { incident?: string }>(x: T, i: string): T {
  x.incident = i;
  return x;
}

/** One incident's block (its claims, in the ledger's content order): its propositions and contradictions. */
function fuseIncident(i: string, block: readonly FusionClaim[], context: BlockContext, propositions: Proposition[], disputes: Dispute[]): void {
  const found = findDisputes(block, context, { scope: "ledger" });
  // a claim that denies, rejects or answers another ("conflicting reports, however, that Z also pleaded
  // guilty" against "X and Y pleaded guilty") never fuses with it into one proposition, however many words
  // they share. (Only disputes with a side that speaks against the other: two states read as opposed,
  // "at large" on Monday and "shot dead" on Tuesday, may each be one of several reports' statements.)
  const apart = found.filter((d) => d.detail.denier !== undefined).map((d) => d.claims);
  for (const p of fuseBlock(block, context, apart)) propositions.push(inIncident(p, i));
  for (const d of found) disputes.push(inIncident(d, i));
}

/**
 * `n` claims of a report, made only when `read`: the claims a block takes in are then whole one report at a
 * time, not all at once beside the columns they go into (the bench corpus has one block of 105,000 claims,
 * whose parsed records were ~80 MB of heap at once).
 */
export interface DeferredClaims {
  n: number;
  read(): FusionClaim[];
}

/**
 * The same fusion as `fuseRecords`, with the claims read one incident at a time, in each of `langs` (the
 * entities, the incidents and the claims kept are one for all: only the block context, which names
 * speakers in its language, differs). `heads` are the reports' records without their claims (entity
 * records, incident keys); `claimsOf` reads the claims of some reports (by report id, each in its record's
 * order), and `keep` makes of each claim, once its incident is fused, what the fusion holds on to (a
 * claim it is given is a record of the block's columns, read field by field: a copy of it by spread holds
 * none of its fields, `plainClaim` makes one). A report's claims may come deferred (`DeferredClaims`), read
 * only as the block takes them in. So at
 * most one incident's claims are whole in memory at a time, and each is read once for every language.
 * `heads` is emptied once the incidents are found: what only the grouping reads of them (the incident keys
 * of every report) is let go before any claim is read.
 */
export async function fuseStreamed(
  heads: Pick<ReportFusion, "entities" | "incident">[],
  claimsOf: (docs: readonly string[]) => Promise<Map<string, FusionClaim[] | DeferredClaims>>,
  keep: (c: FusionClaim) => FusionClaim,
  langs: readonly Lang[] = ["en"],
): Promise<Map<Lang, Fusion>> {
  const { reports, entities, incidents } = fuseLedger(heads, langs[0] ?? "en");
  // each report, in the content order of the ledger, by its id alone from here on
  const docs = reports.map((r) => r.incident.doc);
  heads.length = 0;
  reports.length = 0;
  const contexts = langs.map((lang) => ({ lang, context: blockContext(entities, lang), propositions: [] as Proposition[], disputes: [] as Dispute[] }));
  // each incident's reports, in the content order of the ledger
  const members = new Map<string, number[]>();
  docs.forEach((doc, at) => {
    const i = incidents.get(doc)!;
    (members.get(i) ?? members.set(i, []).get(i)!).push(at);
  });
  // (an array for each report only once its incident is fused: most reports' incidents come later, or
  // have no claims, and an empty array for each of 60,000 reports was 4 MB through the largest block)
  const kept: (FusionClaim[] | undefined)[] = new Array(docs.length);
  for (const i of [...members.keys()].sort()) {
    const ats = members.get(i)!;
    const read = await claimsOf(ats.map((at) => docs[at]!));
    // the block's claims in columns (see ClaimColumns), each report's let go as it is taken in
    let n = 0;
    for (const cs of read.values()) n += Array.isArray(cs) ? cs.length : cs.n;
    const columns = new ClaimColumns(n);
    const byReport = ats.map((at) => {
      const cs = read.get(docs[at]!);
      read.delete(docs[at]!);
      return cs ? columns.add(Array.isArray(cs) ? cs : cs.read()) : [];
    });
    columns.seal();
    const block: FusionClaim[] = byReport.flat();
    // (an incident of reports whose claims are all gone has no block, as in fuseRecords)
    if (block.length && contexts.length) {
      // as fuseIncident does, in each language; which claims state one thing does not depend on the
      // language speakers are named in, only on the pairs the disputes keep apart: grouped once when
      // every language's disputes keep the same pairs apart
      // (one set of the block's items for every language: see findDisputesIn)
      const found = findDisputesIn(block, contexts.map((x) => x.context), { scope: "ledger" });
      const aparts = found.map((ds) => ds.filter((d) => d.detail.denier !== undefined).map((d) => d.claims));
      const sig = (ps: readonly (readonly [string, string])[]) => ps.map((p) => p.join("\u0000")).join("\u0001");
      const one = aparts.every((ps) => sig(ps) === sig(aparts[0]!)) ? blockGroups(block, contexts[0]!.context, aparts[0]) : undefined;
      contexts.forEach((x, k) => {
        for (const p of blockPropositions(one ?? blockGroups(block, x.context, aparts[k]), x.context)) x.propositions.push(inIncident(p, i));
        for (const d of found[k]!) x.disputes.push(inIncident(d, i));
      });
    }
    ats.forEach((at, k) => (kept[at] = byReport[k]!.map(keep)));
  }
  const claims: FusionClaim[] = [];
  for (const k of kept) if (k) for (const c of k) claims.push(c);
  return new Map(contexts.map((x) => [x.lang, { entities, claims, incidents, propositions: x.propositions.sort(byKey), disputes: x.disputes, context: x.context }]));
}
