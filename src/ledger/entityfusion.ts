import type { Doc, EntityType, Lang } from "../model/doc.js";
import { LANGS } from "../model/doc.js";
import { langPack } from "../lang/index.js";
import { gazetteer, lookupArea, lookupName } from "../geo/gazetteer.js";
import { conceptsOf } from "./concepts.js";
import { fold } from "./features.js";
import { ledgerLexicon } from "./lang.js";
import { aliasSetOf, featureName, nameKey, shortFormsOf } from "./names.js";
import { describedIn } from "./naming.js";
import { Bounded } from "./bounded.js";

/**
 * Entities across reports and languages, as a pure function of the set of entities (order-independent).
 *
 * Each entity of a report becomes an `EntityRecord` (plain data, storable at ingest) and gets link keys
 * from it alone (`entityKeys`):
 * - strong keys, any one of which identifies the referent: the cross-language alias set (data/aliases.json),
 *   the gazetteer place, the spelling key of each name (Poetin/Putin, Joesov/Yusov, Grajvoron/Grayvoron),
 *   an acronym and the initials of a long name (OCHA), an institution with its country ("het Russische
 *   ministerie van Defensie" = "Russia's Defense Ministry": `I:RU:ministry:defence`), a role with its body
 *   or country ("NATO Secretary General", "NAVO-chef": `R:head:…`);
 * - seeking keys, which join the one cluster that offers them and nothing when several do: a surname alone
 *   ("Yusov", "President Duda", "Kadhafi" for "Moammar Gadhafi", by a consonant skeleton that absorbs
 *   romanisations), an institution without its country ("het ministerie van Defensie"), a place that was not
 *   geocoded (Schaarbeek/Schaerbeek).
 * Clusters are the connected components over shared strong keys, then the seeking joins computed from that
 * snapshot: the same for any order of the records. A store keeps the keys with each entity and recomputes
 * the components of the keys a new report touches.
 */
export interface EntityRecord {
  /** Unique in the ledger: `<doc>/<entity id>`. */
  id: string;
  doc: string;
  lang: Lang;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Titles and roles seen on its mentions ("gouverneur van Belgorod", "NATO Secretary General"). */
  roles: string[];
  /** Title + name as written ("President Duda", "generaal Haftar"): name forms of the entity. */
  titled?: string[];
  /** Gazetteer key of a place: `geo:<geonameId>`, `geo:<CC>` for a country, `geo:<CC>.<admin1>`. */
  geo?: string;
  /** The country a place lies in. */
  country?: string;
  /** A place that speaks for its government (Kyiv says, het Kremlin). */
  metonym?: boolean;
  /** The country whose government it is or whose capital it is: who speaks when it speaks (Kyiv, het Kremlin). */
  government?: string;
  /**
   * A capital the report names only as its state, never as a place ("Moscow fired missiles", "Kyiv
   * denies"): the record is the country, not the city.
   */
  state?: boolean;
  /**
   * An editor's correction (src/store/corrected.ts, applied as the record is read): keys it shares with the
   * entities it was merged with, and keys it no longer joins by (those of an entity it was split from).
   */
  editor?: { join: string[]; drop: string[] };
}

type Klass = "person" | "org" | "place";
const KLASSES: Record<EntityType, Klass[]> = {
  person: ["person"],
  organization: ["org"],
  group: ["org"],
  location: ["place"],
  facility: ["place"],
  // a name the extraction could not type may be any of them
  other: ["person", "org", "place"],
};

/** The records of one extracted report. */
export function entityRecords(doc: Doc): EntityRecord[] {
  return doc.entities.map((e) => {
    const roles = new Set<string>();
    const titled = new Set<string>();
    for (const i of e.mentions) {
      const m = doc.mentions[i];
      if (m && !m.role && e.type === "person") {
        // a role written as one word with its body before the name ("NAVO-chef Jens Stoltenberg", "VN-chef
        // Guterres"): the extraction keeps no mention of the compound, the role still names the person
        const w = /(?:^|\s)([\p{L}][\p{L}\p{N}]*-[\p{L}]+) $/u.exec(doc.text.slice(Math.max(0, m.start - 40), m.start));
        if (w && conceptOf(w[1]!, doc.lang, "roles")?.qualifier) roles.add(w[1]!);
      }
      if (!m?.role) continue;
      roles.add(m.role);
      // the title written right before the name is a name form of its own ("President Duda")
      const before = doc.text.slice(Math.max(0, m.start - m.role.length - 1), m.start);
      if (!m.role.includes(" ") && before === m.role + " " && m.type === "person") titled.add(`${m.role} ${m.text}`);
    }
    return {
      id: `${doc.meta.id}/${e.id}`,
      doc: doc.meta.id,
      lang: doc.lang,
      type: e.type,
      name: e.name,
      aliases: [...e.aliases],
      roles: [...roles].sort(),
      ...(titled.size && { titled: [...titled].sort() }),
      ...(e.key.startsWith("geo:") && { geo: e.key }),
      ...(e.geo?.country && { country: e.geo.country }),
      ...(e.metonymGovernment && { metonym: true }),
      ...(governmentOf(e) && { government: governmentOf(e)! }),
      ...(actsAsState(doc, e) && { state: true }),
    };
  });
}

/** Acts a state does that a place cannot: it fires, attacks, accuses, cuts supplies, denies. */
const STATE_ACTS = new Set(["v:launch", "v:attack", "v:shoot", "v:accuse", "v:stop", "v:plan", "v:use", "v:sabotage", "v:explode", "v:responsible", "v:involve", "v:provide", "v:summon", "v:condemn", "v:warn"]);

/**
 * Does the report name this capital only as its state? Each of its mentions speaks (marked at extraction:
 * "Kyiv bevestigt", "volgens Moskou") or is the subject of an act right after it ("Moscow fired", "Moskou
 * beschuldigt"); one mention as a place ("in Moscow", "a concert hall near Moscow") keeps it a place.
 */
function actsAsState(doc: Doc, e: Doc["entities"][number]): boolean {
  if (e.key.startsWith("gov:") || !e.geo?.geonameId || !governmentOf(e)) return false;
  const speech = new Set(langPack(doc.lang).entities.speechVerbs.map(fold));
  let any = false;
  for (const i of e.mentions) {
    const m = doc.mentions[i];
    if (!m || m.via === "description" || m.via === "pronoun") continue;
    if (m.via === "metonym") {
      any = true;
      continue;
    }
    // the words right after the name, up to the clause's end
    const after = doc.text.slice(m.end, m.end + 80).split(/[,.;:!?"“”()]/u)[0]!;
    const first = /^\s+([\p{L}'’-]+)/u.exec(after)?.[1];
    if (!first) return false;
    if (speech.has(fold(first))) {
      any = true;
      continue;
    }
    const hit = conceptsOf(after, doc.lang)[0];
    if (!hit || hit.at !== 0 || hit.neg || !STATE_ACTS.has(hit.concept)) return false;
    any = true;
  }
  return any;
}

const capitalMemo = new Map<number, string | null>();
/** The country an entity speaks for: a government ("gov:RU", het Kremlin) or a capital (Kyiv, Moskou). */
function governmentOf(e: Doc["entities"][number]): string | undefined {
  if (e.key.startsWith("gov:")) return e.key.slice(4);
  const id = e.geo?.geonameId;
  if (!id) return undefined;
  let c = capitalMemo.get(id);
  if (c === undefined) {
    c = lookupName(e.name).find((g) => g.geonameId === id && g.fcode === "PPLC")?.country ?? null;
    if (capitalMemo.size > 50_000) capitalMemo.clear();
    capitalMemo.set(id, c);
  }
  return c ?? undefined;
}

interface Compiled {
  titles: Set<string>;
  particles: Set<string>;
  demonyms: Map<string, string>;
  fillers: Set<string>;
  institutions: { name: string; re: Bounded }[];
  roles: { name: string; re: Bounded }[];
  /** Any of the institutions, any of the roles: one test rules out most names before each is tried. */
  any: { institutions: Bounded; roles: Bounded };
}

const compiledMemo = new Map<Lang, Compiled>();
function compiled(lang: Lang): Compiled {
  let c = compiledMemo.get(lang);
  if (c) return c;
  const ent = langPack(lang).entities;
  const led = ledgerLexicon(lang).entities;
  const titles = new Set<string>();
  for (const r of ent.roles) titles.add(fold(r.word));
  for (const h of ent.honorifics) titles.add(fold(h).replace(/\.$/, ""));
  for (const p of ent.rolePrefixes) titles.add(fold(p));
  const demonyms = new Map<string, string>();
  for (const [w, cc] of Object.entries(ent.demonyms)) demonyms.set(fold(w), cc);
  for (const [w, cc] of Object.entries(led.demonyms)) demonyms.set(fold(w), cc);
  // whole-word expressions, compiled only once a name holds the bare pattern (src/ledger/bounded.ts)
  const re = (ps: string[]) => new Bounded(ps, "u");
  c = {
    titles,
    particles: new Set(ent.nameParticles.map(fold)),
    demonyms,
    fillers: new Set(led.fillers),
    institutions: led.institutions.map((i) => ({ name: i.name, re: re(i.patterns) })),
    roles: led.roles.map((r) => ({ name: r.name, re: re(r.patterns) })),
    any: { institutions: re(led.institutions.flatMap((i) => i.patterns)), roles: re(led.roles.flatMap((r) => r.patterns)) },
  };
  compiledMemo.set(lang, c);
  return c;
}

/** Words of a name, folded and split on anything that is not a letter or digit. */
function wordsOf(s: string): string[] {
  return fold(s)
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A person's name without the titles before it, as spelling keys per word ("President Duda" → ["duda"]). */
export function personWords(name: string, lang: Lang): string[] {
  // a compound whose head is a common noun ("EK-kwalificatiewedstrijd", "NAVO-topoverleg") names a thing,
  // never a person: it offers no surname to join ("EK-kwalificatiewedstrijd België" is not "Filip van België")
  if (/(?:^|\s)\p{Lu}[\p{L}\p{N}]*-\p{Ll}{5,}(?:\s|$)/u.test(name)) return [];
  const ws = wordsOf(name);
  let i = 0;
  const isTitle = (w: string) => LANGS.some((l) => compiled(l).titles.has(w));
  while (i < ws.length - 1 && isTitle(ws[i]!)) i++;
  return ws.slice(i).map((w) => nameKey(w)).filter(Boolean);
  void lang;
}

/**
 * A consonant skeleton that absorbs the usual romanisations of one name (Kadhafi/Gadhafi/Qaddafi,
 * Hamad/Hamada, Zelensky/Zelenskyy/Zelenski): velars as one, dh/th as d, vowels and doubled letters dropped.
 */
export function skeleton(key: string): string {
  return key
    .replace(/[qgc]/g, "k")
    .replace(/ph/g, "f")
    .replace(/([kdtsz])h/g, "$1")
    .replace(/t/g, "d")
    .replace(/[aeiouy]/g, "")
    .replace(/(.)\1+/g, "$1");
}

/** The country a word names: a nationality adjective or a country's name, in either language. */
function countryOfWord(w: string): string | undefined {
  for (const l of LANGS) {
    const cc = compiled(l).demonyms.get(w);
    if (cc) return cc;
  }
  if (w.length < 4) return undefined;
  const hit = lookupArea(w).find((e) => e.kind === "country");
  return hit?.country;
}

/**
 * An institution or role named by what it is: the concept, the country or body that qualifies it and
 * whether nothing else is left in the name (then the phrase names the institution itself).
 */
type Concept = { concept: string; qualifier?: string; bare: boolean; /** The language whose words matched. */ in: Lang };
const conceptMemo = new Map<string, Concept | null>();
function conceptOf(name: string, lang: Lang, kind: "institutions" | "roles"): Concept | undefined {
  // names and roles repeat across claims and reports
  const key = `${lang}|${kind}|${name}`;
  let r = conceptMemo.get(key);
  if (r === undefined) {
    r = computeConcept(name, lang, kind) ?? null;
    if (conceptMemo.size > 50_000) conceptMemo.clear();
    conceptMemo.set(key, r);
  }
  return r ?? undefined;
}

function computeConcept(name: string, lang: Lang, kind: "institutions" | "roles"): Concept | undefined {
  const f = fold(name);
  for (const l of [lang, ...LANGS.filter((x) => x !== lang)]) {
    const c = compiled(l);
    // the bare patterns: when no entry below matches as whole words, the next language is tried all the same
    if (!c.any[kind].maybe(f)) continue;
    for (const i of c[kind]) {
      const m = i.re.exec(f);
      if (!m) continue;
      const rest = wordsOf(f.slice(0, m.index) + " " + f.slice(m.index + m[0].length));
      let qualifier: string | undefined;
      const left: string[] = [];
      for (const w of rest) {
        const cc = countryOfWord(w);
        const set = cc ? undefined : aliasSetOf(w, "organization");
        if (cc || set) qualifier ??= cc ? `C:${cc}` : `A:${set!.id}`;
        else if (!LANGS.some((x) => compiled(x).fillers.has(w))) left.push(w);
      }
      // a role in a body named by what it is ("spokesman for the Libyan Red Crescent"): the body qualifies it
      if (kind === "roles" && rest.length) {
        const inst = conceptOf(rest.join(" "), lang, "institutions");
        if (inst?.qualifier?.startsWith("C:")) qualifier = `I:${inst.qualifier}:${inst.concept}`;
      }
      return { concept: i.name, ...(qualifier && { qualifier }), bare: left.length === 0, in: l };
    }
  }
  return undefined;
}

/** Names specific enough to join reports on: an acronym, or a key of four letters or more. */
function specific(name: string, key: string): boolean {
  if (/^\p{Lu}[\p{Lu}\d]{1,5}$/u.test(name)) return true;
  return key.replace(/ /g, "").length >= 4;
}

/** Initials of the capitalised words of a long name: "United Nations Office for the Coordination…" → UNOCHA. */
function initials(name: string): string | undefined {
  const ws = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
  if (ws.length < 2) return undefined;
  return ws.map((w) => w[0]!.toUpperCase()).join("");
}

export interface EntityKeys {
  /** Keys that identify the referent: two records sharing one are the same entity. */
  strong: string[];
  /** Keys this record joins by when exactly one cluster offers them. */
  seeks: string[];
  /** Keys this record offers to seekers. */
  offers: string[];
}

/** The link keys of one record: a pure function of the record, so a store can keep them with it. */
export function entityKeys(r: EntityRecord): EntityKeys {
  if (r.editor) {
    const k = entityKeys({ ...r, editor: undefined });
    const drop = new Set(r.editor.drop);
    const keep = (xs: string[]) => xs.filter((x) => !drop.has(x));
    return { strong: [...new Set([...keep(k.strong), ...r.editor.join])].sort(), seeks: keep(k.seeks), offers: keep(k.offers) };
  }
  const strong = new Set<string>();
  const seeks = new Set<string>();
  const offers = new Set<string>();
  // a capital named only as its state is that state: the country's key, none of the city's
  if (r.state && r.government) return { strong: [`G:${r.government}`], seeks: [], offers: [] };
  const klasses = KLASSES[r.type];
  const names = [r.name, ...r.aliases, ...(r.titled ?? [])];
  // the roles its mentions carry ("gouverneur Kim", "regional governor Vitaliy Kim"): a surname too short
  // to join on alone ("Kim", "Lee") still joins the one full name with the same role
  const roleConcepts = new Set<string>();
  if (r.type === "person") for (const role of r.roles) {
    const c = conceptOf(role, r.lang, "roles");
    if (c) roleConcepts.add(c.concept);
  }
  for (const n of names) {
    // a name of several words is specific enough for the table whatever type the extraction gave it
    const set = aliasSetOf(n, r.type) ?? (n.trim().includes(" ") ? aliasSetOf(n, "other") : undefined);
    if (set) strong.add(`A:${set.id}`);
  }
  if (r.geo && r.geo !== "geo:0") strong.add(`G:${r.geo.slice(4)}`);
  for (const n of names) {
    for (const k of klasses) {
      if (k === "person") {
        const ws = personWords(n, r.lang);
        if (!ws.length) continue;
        const particles = compiled(r.lang).particles;
        const key = ws.join(" ");
        for (const rc of roleConcepts) {
          if (ws.length === 1) seeks.add(`T:${rc}:${ws[0]}`);
          else offers.add(`T:${rc}:${ws[ws.length - 1]}`);
        }
        if (!specific(n, key)) continue;
        strong.add(`N:person:${key}`);
        // a surname alone: one word, or particles and one word ("De Croo", "al-Sisi")
        const first = ws.findIndex((w) => !particles.has(w));
        const surnameOnly = ws.length === 1 || first === ws.length - 1;
        const last = ws[ws.length - 1]!;
        // short names keep their spelling: a skeleton of two consonants joins too much
        const sk0 = skeleton(last);
        const sk = sk0.length >= 3 ? sk0 : last;
        if (sk.length < 3) continue;
        if (surnameOnly) {
          seeks.add(`S:${sk}`);
          offers.add(`S1:${sk}`);
          seeks.add(`S1:${sk}`);
        } else if (r.type === "person") offers.add(`S:${sk}`);
        continue;
      }
      const key = nameKey(n);
      if (!key || !specific(n, key)) continue;
      strong.add(`N:${k}:${key}`);
      if (k === "place" && !r.geo) {
        const sk = skeleton(key);
        if (sk.length >= 4) {
          seeks.add(`L:${sk}`);
          offers.add(`L:${sk}`);
        }
        // one word no gazetteer knows, read as a place, may be a person's name in another spelling ("de
        // regering van Hamada" of prime minister Osama Hamad): it joins the one person of that surname
        if (r.type !== "other" && !key.includes(" ") && sk.length >= 3) seeks.add(`S:${sk}`);
      } else if (k === "place" && r.geo) {
        const sk = skeleton(key);
        if (sk.length >= 4) offers.add(`L:${sk}`);
      }
      if (k === "org") {
        if (/^\p{Lu}[\p{Lu}\d]{1,5}$/u.test(n)) strong.add(`X:${n}`);
        const ini = initials(n);
        if (ini) {
          strong.add(`X:${ini}`);
          for (let i = 1; ini.length - i >= 4; i++) strong.add(`X:${ini.slice(i)}`);
        }
        const inst = conceptOf(n, r.lang, "institutions");
        if (inst?.bare) {
          if (inst.qualifier) {
            strong.add(`I:${inst.qualifier}:${inst.concept}`);
            offers.add(`I:${inst.concept}`);
          } else seeks.add(`I:${inst.concept}`);
        }
      }
    }
  }
  // a named storm or the like ("Storm Daniel", "orkaan Katrina") offers its proper name to a report that
  // calls it by that name alone ("Daniel"), as a full name offers its surname
  if (r.type !== "person") {
    const prefixes = langPack(r.lang).entities.namePrefixes;
    for (const n of names) {
      const ws = n.trim().split(/\s+/);
      if (ws.length < 2 || ws.length > 3) continue;
      const head = ws.slice(0, -1).join(" ").toLowerCase();
      const last = ws[ws.length - 1]!;
      if (!Object.hasOwn(prefixes, head) || !/^\p{Lu}\p{Ll}/u.test(last)) continue;
      const sk = skeleton(fold(last));
      if (sk.length < 3) continue;
      offers.add(`S:${sk}`);
      // "storm Daniel", "Storm Daniel", "orkaan Daniel": one storm whatever the head word and language
      strong.add(`W:${sk}`);
    }
  }
  // a role with its body or country names one person ("NATO Secretary General", "de Russische leider")
  if (r.type === "person" || r.type === "other") {
    for (const role of r.roles) {
      const c = conceptOf(role, r.lang, "roles");
      if (c?.qualifier) offers.add(`R:${c.concept}:${c.qualifier}`);
    }
    if (r.type === "other" || !r.name.trim().includes(" ")) {
      const c = conceptOf(r.name, r.lang, "roles");
      if (c?.qualifier && c.bare) seeks.add(`R:${c.concept}:${c.qualifier}`);
    }
  }
  // a named person holds the roles written before the name or beside it ("Premier De Croo", "Belgium's
  // premier, Alexander De Croo"): a source named only by that role ("the regional governor", "the Belgian
  // prime minister") is this person when no one else in the ledger holds it (`Rb:`, the role alone; a
  // role with more words than the role and its country, "police chief", is another role)
  if (r.type === "person" && personWords(r.name, r.lang).length) {
    // (a role of a kind, "minister:interior", is also the kind: "the minister" is the interior minister
    // when the ledger names no other minister)
    const bareRole = (concept: string) => {
      offers.add(`Rb:${concept}`);
      const kind = concept.indexOf(":");
      if (kind > 0) offers.add(`Rb:${concept.slice(0, kind)}`);
    };
    for (const role of r.roles) {
      const c = conceptOf(role, r.lang, "roles");
      if (c?.bare) bareRole(c.concept);
    }
    for (const a of r.aliases) {
      const c = conceptOf(a, r.lang, "roles");
      if (!c?.bare) continue;
      bareRole(c.concept);
      if (c.qualifier) offers.add(`R:${c.concept}:${c.qualifier}`);
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { strong: sorted(strong), seeks: sorted(seeks), offers: sorted(offers) };
}

/**
 * The institution a name says it is, language-free, with its country when it names one ("de regionale
 * regering" → "government", "Russia's defence ministry" → "C:RU:ministry:defence"); undefined when the
 * name says more than that (a named body).
 */
export function institutionOf(name: string, lang: Lang): string | undefined {
  const c = conceptOf(name, lang, "institutions");
  return c?.bare ? (c.qualifier ? `${c.qualifier}:${c.concept}` : c.concept) : undefined;
}

/**
 * A name that is only a role, with its country or body if it names one ("the regional governor" →
 * governor), and the language of its words (a report's language first, then the others).
 */
export function roleOf(name: string, lang: Lang): { concept: string; qualifier?: string; in: Lang } | undefined {
  const c = conceptOf(name, lang, "roles");
  return c?.bare ? { concept: c.concept, ...(c.qualifier && { qualifier: c.qualifier }), in: c.in } : undefined;
}

/** The role key a source named only by its role seeks ("de Russische leider" → `R:head:C:RU`). */
export function roleKeyOf(name: string, lang: Lang): string | undefined {
  const c = conceptOf(name, lang, "roles");
  return c?.qualifier && c.bare ? `R:${c.concept}:${c.qualifier}` : undefined;
}

/**
 * Connected components over numbered nodes: each joins the larger, and a node's path to its root is halved
 * whenever it is followed (what the components are does not depend on which node is a root).
 */
class UnionFind {
  private readonly up: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.up = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.up[i] = i;
  }
  find(x: number): number {
    const up = this.up;
    while (up[x] !== x) x = up[x] = up[up[x]!]!;
    return x;
  }
  union(a: number, b: number): void {
    let ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.up[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }
}

export interface EntityCluster {
  /** Deterministic key of the cluster: its alias set, else its place, else its smallest name key. */
  key: string;
  type: EntityType;
  records: EntityRecord[];
  /** Every name and alias, each once, sorted. */
  names: string[];
  /** Display name: the alias table's name in the language asked, else the name most records use. */
  name(lang: Lang): string;
  /** The country, when the cluster is a country. */
  country?: string;
  /** The country whose government speaks when this entity speaks (a capital, a government body). */
  government?: string;
  /** Keys (strong and offered) of the cluster, for finding it by a role or an institution. */
  keys: Set<string>;
}

const RANK: Record<string, number> = { A: 0, G: 1, I: 2, N: 3, X: 4 };
const keyRank = (k: string) => (RANK[k[0]!] ?? 5) * 1e6 + k.length;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The entities of one report as clusters of their own, without joining them to others: the report's own
 * merging already holds. Cheap enough for the pipeline's contradictions stage; keys are the report's
 * entity keys, and a person's roles still name the body or country they speak for.
 */
export function reportEntities(doc: Doc): EntityFusion {
  const clusters: EntityCluster[] = [];
  const clusterOf = new Map<string, EntityCluster>();
  entityRecords(doc).forEach((r, i) => {
    const e = doc.entities[i]!;
    const keys = new Set<string>();
    for (const role of r.roles) {
      const c = conceptOf(role, r.lang, "roles");
      if (c?.qualifier) keys.add(`R:${c.concept}:${c.qualifier}`);
    }
    const set = aliasSetOf(r.name, r.type);
    const government = r.government ?? set?.country ?? (r.geo && /^geo:[A-Z]{2}$/.test(r.geo) ? r.geo.slice(4) : undefined);
    const c: EntityCluster = {
      key: set ? `A:${set.id}` : e.key || `R:${r.id}`,
      type: r.type,
      records: [r],
      names: [r.name, ...r.aliases],
      name: (lang) => (set ? (lang === "nl" ? set.nl : set.en) : r.name),
      ...(r.geo && /^geo:[A-Z]{2}$/.test(r.geo) && { country: r.geo.slice(4) }),
      ...(government && { government }),
      keys,
    };
    clusters.push(c);
    clusterOf.set(r.id, c);
  });
  const byOffer = new Map<string, EntityCluster | null>();
  for (const c of clusters) for (const k of c.keys) byOffer.set(k, byOffer.has(k) && byOffer.get(k) !== c ? null : c);
  return { clusters, clusterOf, byKey: (k) => byOffer.get(k) ?? undefined };
}

export interface EntityFusion {
  clusters: EntityCluster[];
  /** Record id → its cluster. */
  clusterOf: Map<string, EntityCluster>;
  /** The one cluster offering a key (a role, an institution, a surname), if exactly one does. */
  byKey(key: string): EntityCluster | undefined;
}

/**
 * Clusters of records that name one referent: connected components over shared strong keys, then each
 * seeking key joins the one component that offers it. The result is the same for any order of `records`.
 */
export function fuseEntities(records: readonly EntityRecord[]): EntityFusion {
  // each record by its id (a record given twice is one), each of its strong keys a node beside them
  const nodeOfId = new Map<string, number>();
  const node = new Int32Array(records.length);
  records.forEach((r, i) => (node[i] = number(nodeOfId, r.id)));
  const keys: EntityKeys[] = [];
  const same = new Map<string, EntityKeys>();
  let strong = 0;
  records.forEach((r, i) => {
    const k = keysOfContent(r, same);
    // (a record given twice joins by the keys of each, and offers and seeks those of the last)
    keys[node[i]!] = k;
    strong += k.strong.length;
  });
  const uf = new UnionFind(nodeOfId.size + strong);
  const keyNodes = new Map<string, number>();
  // (a strong key that reads as a record's node, `R:<record id>`, is that record, as it always was)
  const keyNode = (s: string) => (s.startsWith("R:") ? nodeOfId.get(s.slice(2)) : undefined) ?? number(keyNodes, s, nodeOfId.size);
  records.forEach((r, i) => {
    for (const s of keysOfContent(r, same).strong) uf.union(node[i]!, keyNode(s));
  });
  // within one report a short form is the longer name it ends ("the Legion" of "Freedom of Russia Legion"),
  // as the report's own reading of it is
  const byDoc = new Map<string, EntityRecord[]>();
  for (const r of records) (byDoc.get(r.doc) ?? byDoc.set(r.doc, []).get(r.doc)!).push(r);
  // (unless an editor split them apart)
  const parted = (a: EntityRecord, b: EntityRecord) =>
    !!(a.editor && b.editor && (a.editor.drop.length || b.editor.drop.length) && !a.editor.join.some((k) => b.editor!.join.includes(k)));
  for (const rs of byDoc.values()) for (const [short, full] of shortFormsOf(rs, featureName(rs[0]!.lang))) if (!parted(short, full)) uf.union(nodeOfId.get(short.id)!, nodeOfId.get(full.id)!);
  // seeking joins, all decided on the components as they stand after the strong keys: of the components
  // that offer a key, the first two and whether there are more (a seeker joins the one other than its own)
  const offered = new Map<string, Offered>();
  records.forEach((_, i) => {
    const root = uf.find(node[i]!);
    for (const o of keys[node[i]!]!.offers) {
      const got = offered.get(o);
      if (!got) offered.set(o, { a: root, b: -1, more: false });
      else if (got.a !== root && got.b !== root) {
        if (got.b < 0) got.b = root;
        else got.more = true;
      }
    }
  });
  // the one component other than `own` that offers a key, if there is one
  const oneOther = (s: string, own: number): number => {
    const got = offered.get(s);
    if (!got || got.more) return -1;
    if (got.b < 0) return got.a === own ? -1 : got.a;
    return got.a === own ? got.b : got.b === own ? got.a : -1;
  };
  const joins: number[] = [];
  records.forEach((_, i) => {
    const own = uf.find(node[i]!);
    const ks = keys[node[i]!]!;
    // a surname among full names first; among single names only when no full name ends in it
    let named = false;
    for (const s of ks.seeks) {
      if (s.startsWith("S1:")) continue;
      const other = oneOther(s, own);
      if (other >= 0) {
        joins.push(own, other);
        if (s.startsWith("S:")) named = true;
      }
    }
    if (!named)
      for (const s of ks.seeks) {
        if (!s.startsWith("S1:") || offered.has(`S:${s.slice(3)}`)) continue;
        const other = oneOther(s, own);
        if (other >= 0) joins.push(own, other);
      }
  });
  for (let k = 0; k < joins.length; k += 2) uf.union(joins[k]!, joins[k + 1]!);

  const groups = new Map<number, EntityRecord[]>();
  const byId = records.map((_, i) => i).sort((a, b) => cmp(records[a]!.id, records[b]!.id));
  for (const i of byId) {
    const root = uf.find(node[i]!);
    const g = groups.get(root);
    if (g) g.push(records[i]!);
    else groups.set(root, [records[i]!]);
  }
  const clusters: EntityCluster[] = [];
  const clusterOf = new Map<string, EntityCluster>();
  for (const recs of groups.values()) {
    const all = new Set<string>();
    for (const r of recs) for (const s of keys[nodeOfId.get(r.id)!]!.strong) all.add(s);
    // (the first key by rank, then by spelling)
    let first: string | undefined, rank = 0;
    for (const s of all) {
      const k = keyRank(s);
      if (first === undefined || k < rank || (k === rank && s < first)) (first = s), (rank = k);
    }
    const key = first ?? `R:${recs[0]!.id}`;
    for (const r of recs) for (const s of keys[nodeOfId.get(r.id)!]!.offers) all.add(s);
    const c = makeCluster(key, recs, all);
    clusters.push(c);
    for (const r of recs) clusterOf.set(r.id, c);
  }
  clusters.sort((a, b) => cmp(a.key, b.key));
  const byOffer = new Map<string, EntityCluster | null>();
  for (const c of clusters)
    for (const k of c.keys) {
      const got = byOffer.get(k);
      if (got === undefined) byOffer.set(k, c);
      else if (got !== c) byOffer.set(k, null);
    }
  return { clusters, clusterOf, byKey: (k) => byOffer.get(k) ?? undefined };
}

/** The components offering a key: the first two (`b` -1 when one) and whether there are more. */
type Offered = { a: number; b: number; more: boolean };

/** A number for each string, from `from` on, in the order first asked. */
function number(m: Map<string, number>, s: string, from = 0): number {
  let n = m.get(s);
  if (n === undefined) m.set(s, (n = from + m.size));
  return n;
}

/**
 * The link keys of a record, once for each content: the keys are a function of what the record says (its
 * names, roles, place, type, language), never of its id or report, and a ledger names one country or
 * person in thousands of reports alike. (Kept for one fusion; the lists are read, never written to.)
 */
function keysOfContent(r: EntityRecord, same: Map<string, EntityKeys>): EntityKeys {
  if (r.editor) return entityKeys(r);
  // (each part by its length: no character a name may hold can make two contents one)
  let key = `${r.type}|${r.lang}|${r.state ? 1 : 0}|${r.geo?.length ?? -1}:${r.geo ?? ""}|${r.government?.length ?? -1}:${r.government ?? ""}|${r.name.length}:${r.name}`;
  for (const xs of [r.aliases, r.titled ?? NONE, r.roles]) {
    key += `|${xs.length}`;
    for (const x of xs) key += `:${x.length}:${x}`;
  }
  let k = same.get(key);
  if (!k) same.set(key, (k = entityKeys(r)));
  return k;
}
const NONE: readonly string[] = [];

/** Words before a name that are more of the name ("Jens", "Freedom of Russia"), not a title ("governor", "Minister"). */
function namePart(words: string, lang: Lang): boolean {
  const ws = words.split(/\s+/).filter(Boolean);
  if (!ws.length || !/^\p{Lu}/u.test(ws[0]!)) return false;
  if (ws.some((w) => w.length > 3 && !/^\p{Lu}/u.test(w))) return false;
  return !ws.some((w) => conceptOf(w, lang, "roles"));
}

/**
 * The name of a body without the country that qualifies it ("Libische Rode Halve Maan" → "Rode Halve Maan",
 * "Swedish Public Prosecutor's Office" → "Public Prosecutor's Office"): a country word first, then the
 * institution itself under a name of its own (capitalised); "het Russische ministerie van Defensie" names a
 * ministry by what it is, and "het ministerie van Defensie" is any country's.
 */
function withoutCountry(name: string, lang: Lang): string | undefined {
  const m = /^([\p{L}]+)(?:['’]s)?\s+(\p{Lu}\S*(?:\s+\S+)*)$/u.exec(name.trim());
  if (!m || !countryOfWord(fold(m[1]!))) return undefined;
  const inst = conceptOf(m[2]!, lang, "institutions");
  return inst?.bare && !inst.qualifier ? m[2]! : undefined;
}

function makeCluster(key: string, recs: EntityRecord[], keys: Set<string>): EntityCluster {
  const counts = new Map<string, number>();
  const typeVotes = new Map<EntityType, number>();
  for (const r of recs) {
    // a record votes once per name: its own name counts most, an alias less, a titled form ("governor X")
    // only makes the name known, so a display name is never "governor X" when "X" is there
    const votes = new Map<string, number>();
    for (const n of r.titled ?? []) votes.set(n, 0);
    for (const n of r.aliases) votes.set(n, 1);
    // a capital that stands for its state ("Moscow fired") is a name of the state, never its display name
    votes.set(r.name, r.state ? 0 : 2);
    for (const [n, v] of votes) counts.set(n, (counts.get(n) ?? 0) + v);
    typeVotes.set(r.type, (typeVotes.get(r.type) ?? 0) + (r.type === "other" ? 0.5 : 1));
  }
  // a role with its body names the person too ("NATO Secretary General")
  for (const r of recs) for (const role of r.roles) if (conceptOf(role, r.lang, "roles")?.qualifier && !counts.has(role)) counts.set(role, 0);
  // a body named with its country is also called without it ("Libische Rode Halve Maan" is "de Rode Halve
  // Maan" at home; "Russia's Defence Ministry", "the Defence Ministry")
  for (const r of recs)
    if (r.type === "organization")
      for (const n of [r.name, ...r.aliases]) {
        const bare = withoutCountry(n, r.lang);
        if (bare && !counts.has(bare)) counts.set(bare, 0);
      }
  const names = [...counts.keys()].sort();
  const type = [...typeVotes].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]![0];
  const own = new Set(recs.map((r) => r.name));
  // a person or a body is shown by its full name when reports also give it: "Jens Stoltenberg", not the
  // "Stoltenberg" of later mentions; "Freedom of Russia Legion", not "Legion" (a place keeps its own name:
  // "Derna" is not "Wadi Derna")
  const topOf = (votes: Map<string, number>, own: Set<string>): string => {
    const most = [...votes].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || cmp(a[0], b[0]))[0]![0];
    const fuller = type === "location" || type === "facility" ? undefined : [...votes].filter(([n]) => own.has(n) && n.endsWith(" " + most) && namePart(n.slice(0, n.length - most.length - 1), recs[0]!.lang)).sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || cmp(a[0], b[0]))[0];
    return fuller ? fuller[0] : most;
  };
  const top = topOf(counts, own);
  // in a briefing the name is the one its language's reports use ("Putin" in English, "Poetin" in Dutch,
  // "Brussels" and "Brussel"), else the ledger's
  const tops = new Map<Lang, string>();
  const topIn = (lang: Lang): string => {
    let t = tops.get(lang);
    if (t === undefined) {
      const votes = new Map<string, number>();
      const mine = new Set<string>();
      for (const r of recs) {
        if (r.lang !== lang || r.state) continue;
        mine.add(r.name);
        votes.set(r.name, (votes.get(r.name) ?? 0) + 2);
        for (const n of r.aliases) if (n !== r.name) votes.set(n, (votes.get(n) ?? 0) + 1);
      }
      // (a body only reports in another language name, by its descriptive name in this one when the lexicons
      // know every word of it: "Eastern Libyan government" for "Oost-Libische regering")
      const from = votes.size ? undefined : recs.find((r) => r.name === top || r.aliases.includes(top))?.lang;
      t = votes.size ? topOf(votes, mine) : ((from && type !== "person" && type !== "location" && describedIn(top, from, lang)) || top);
      tops.set(lang, t);
    }
    return t;
  };
  let country: string | undefined, government: string | undefined;
  for (const r of recs) if (r.geo && /^geo:[A-Z]{2}$/.test(r.geo)) country = r.geo.slice(4);
  // a country known only by its capital acting for it
  if (!country && /^G:[A-Z]{2}$/.test(key)) country = key.slice(2);
  for (const r of recs) if (r.government) government ??= r.government;
  // the alias set the cluster's key names (a capital standing for its state brings its own set's names)
  const setOf = (n: string) => aliasSetOf(n, type) ?? aliasSetOf(n, "other");
  const candidates = recs.filter((r) => !r.state).flatMap((r) => [r.name, ...r.aliases]);
  const setName = key.startsWith("A:") ? (candidates.find((n) => `A:${setOf(n)?.id}` === key) ?? candidates.find(setOf)) : undefined;
  const set = setName ? setOf(setName) : undefined;
  if (set?.country) government ??= set.country;
  // a country the alias table does not list is named in each language as that language's reports name it
  // ("Poland" in English, "Polen" in Dutch), else as the gazetteer does; never by whichever language's reports
  // mention it most (a capital standing for its state is not its name)
  const land = set === undefined && /^G:[A-Z]{2}$/.test(key) ? gazetteer().country(key.slice(2)) : undefined;
  // (once per language: asked for every claim a country speaks in, over all the records of the country)
  const lands = new Map<Lang, string>();
  const landName = (lang: Lang): string => {
    let got = lands.get(lang);
    if (got === undefined) lands.set(lang, (got = landNameOf(lang)));
    return got;
  };
  const landNameOf = (lang: Lang): string => {
    const n = new Map<string, number>();
    for (const r of recs) if (!r.state && r.lang === lang) n.set(r.name, (n.get(r.name) ?? 0) + 1);
    const used = [...n].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0];
    return used ?? ((lang === "nl" ? land?.nameNl : land?.name) || top);
  };
  return {
    key,
    type,
    records: recs,
    names,
    name: (lang) => (set ? (lang === "nl" ? set.nl : set.en) : land ? landName(lang) : topIn(lang)),
    ...(country && { country }),
    ...((government ?? country) && { government: government ?? country }),
    keys,
  };
}
