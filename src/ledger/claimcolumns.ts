// One incident's claims as the cross-report fusion holds them while it fuses the incident: columns, not an
// object of thirty fields per claim. A block of a whole ledger is every claim of its incident (105,000 in
// the bench corpus), and its claims were a quarter of the fusion's peak heap: each claim an object of ~210
// bytes, its word shingles as lists of heap numbers (25 MB, read only when a proposition's origins are told
// apart) and a copy of every string it repeats. Here each string is one entry of a pool, each field a slot
// of a typed array, and the shingles 32-bit slots of one typed array (or the words they are made of, for
// a claim read back from a ledger record), made a list only for the claims whose shingles are asked for.
import type { FusionClaim } from "./claimkeys.js";
import { textShingles } from "./claimkeys.js";

/**
 * A claim whose shingles may still be the words they are made of (see stored.ts, ReadClaim): the columns
 * take those words as they are, and work the shingles out when asked, as the claim would have.
 */
export const SHINGLE_SOURCE: unique symbol = Symbol("shingle source");
export interface LazyShingles {
  [SHINGLE_SOURCE](): number[] | string;
}

// (a claim's id and order key are its own, never another claim's: they are kept as they come, not pooled — a
// pool entry made for each of them cost a look-up that always missed, and a table twice as large for every
// other string's look-up)
const STRINGS = ["doc", "published", "outlet", "agency", "lang", "text", "status", "main", "subject"] as const;
const NUMBERS = ["start", "end", "sentence", "paragraph"] as const;
const OBJECTS = ["source", "concepts", "background", "agents", "entities", "listed", "countries", "figures", "days", "years", "features", "parts"] as const;
const NS = STRINGS.length, NN = NUMBERS.length, NO = OBJECTS.length;
/** A field's slot for null and for a key the claim leaves out. */
const NULL = -1, ABSENT = -2;

/** Shared by every claim whose list or object of that key is empty (frozen: never written to). */
const NO_ITEMS: readonly never[] = Object.freeze([]);
const NO_FIELDS: Readonly<Record<string, never>> = Object.freeze({});

/**
 * The claims of one block, added a report at a time (`add`), then read through the `ColumnClaim` each add
 * gives back. `seal` lets go of what only adding needs (the indexes that make each string and list one).
 */
export class ClaimColumns {
  private n = 0;
  private strs: Int32Array;
  private nums: Float64Array;
  private objs: Int32Array;
  /** 0 false, 1 true, 2 left out. */
  private quotes: Uint8Array;
  private ids: (string | null | undefined)[] = [];
  private orders: (string | null | undefined)[] = [];
  /**
   * Each claim's shingles once asked for, or the words they are made of until then; else they are
   * `hashes[from[i] .. from[i + 1]]`.
   */
  private shingled: (number[] | string | undefined)[] = [];
  private hashes = new Uint32Array(1024);
  private hashCount = 0;
  private from: Int32Array;
  private readonly stringPool: string[] = [];
  private readonly objectPool: unknown[] = [];
  private stringAt: Map<string, number> | undefined = new Map();
  private objectAt: Map<unknown, number> | undefined = new Map();
  /** Lists of strings by content: claims of a kind say alike, a report's claims name its entities alike. */
  private listAt: Map<string, readonly string[]> | undefined = new Map();

  /** `capacity`: how many claims the block will hold, when known (the columns then never grow). */
  constructor(capacity = 64) {
    const cap = Math.max(1, capacity);
    this.strs = new Int32Array(cap * NS);
    this.nums = new Float64Array(cap * NN);
    this.objs = new Int32Array(cap * NO);
    this.quotes = new Uint8Array(cap);
    this.from = new Int32Array(cap + 1);
  }

  get size(): number {
    return this.n;
  }

  /** Takes these claims in (their values, not the objects) and gives the records that read them, in order. */
  add(claims: readonly FusionClaim[]): ColumnClaim[] {
    const out: ColumnClaim[] = [];
    for (const c of claims) {
      const i = this.n++;
      this.grow(this.n);
      const x = c as unknown as Record<string, unknown>;
      this.ids.push(c.id);
      this.orders.push(c.order);
      for (let f = 0; f < NS; f++) {
        const v = x[STRINGS[f]!];
        this.strs[i * NS + f] = v === null ? NULL : v === undefined ? ABSENT : this.string(v as string);
      }
      for (let f = 0; f < NN; f++) {
        const v = x[NUMBERS[f]!];
        this.nums[i * NN + f] = v === undefined ? NaN : (v as number);
      }
      for (let f = 0; f < NO; f++) {
        const v = x[OBJECTS[f]!];
        this.objs[i * NO + f] = v === null ? NULL : v === undefined ? ABSENT : this.object(v as object);
      }
      this.quotes[i] = c.quote === undefined ? 2 : c.quote ? 1 : 0;
      const lazy = (c as Partial<LazyShingles>)[SHINGLE_SOURCE];
      const sh = lazy ? lazy.call(c) : (x.shingles as number[] | string | undefined);
      // (the words are most often the claim's text: one string)
      if (typeof sh === "string") this.shingled[i] = this.stringPool[this.string(sh)];
      else if (sh && !this.pack(sh)) this.shingled[i] = sh;
      this.from[i + 1] = this.hashCount;
      out.push(new ColumnClaim(this, i));
    }
    return out;
  }

  /** Done adding: what made each string and list one is let go, and the columns cut to their size. */
  seal(): void {
    this.stringAt = this.objectAt = this.listAt = undefined;
    if (this.hashCount < this.hashes.length) this.hashes = this.hashes.slice(0, this.hashCount);
    if (this.n === this.quotes.length) return;
    this.strs = this.strs.slice(0, this.n * NS);
    this.nums = this.nums.slice(0, this.n * NN);
    this.objs = this.objs.slice(0, this.n * NO);
    this.quotes = this.quotes.slice(0, this.n);
    this.from = this.from.slice(0, this.n + 1);
  }

  id(i: number): string | null | undefined {
    return this.ids[i];
  }

  order(i: number): string | null | undefined {
    return this.orders[i];
  }

  str(i: number, f: number): string | null | undefined {
    const k = this.strs[i * NS + f]!;
    return k >= 0 ? this.stringPool[k] : k === NULL ? null : undefined;
  }

  num(i: number, f: number): number | undefined {
    const v = this.nums[i * NN + f]!;
    return v === v ? v : undefined;
  }

  obj(i: number, f: number): unknown {
    const k = this.objs[i * NO + f]!;
    return k >= 0 ? this.objectPool[k] : k === NULL ? null : undefined;
  }

  quote(i: number): boolean {
    const q = this.quotes[i]!;
    return (q === 2 ? undefined : q === 1) as boolean;
  }

  /**
   * A new list each time: the caller keeps it as long as it needs it (a proposition's origins ask each of
   * its claims once). Kept here, the lists of a block of a whole ledger (80,000 claims asked) were 19 MB
   * of heap held until the block was done.
   */
  shingles(i: number): number[] {
    const s = this.shingled[i];
    if (typeof s === "object") return s;
    return typeof s === "string" ? textShingles(s) : Array.from(this.hashes.subarray(this.from[i]!, this.from[i + 1]!));
  }

  /** Puts a claim's shingles into the one array of them, if each is a 32-bit hash (false: kept as they are). */
  private pack(sh: readonly number[]): boolean {
    for (const v of sh) if (v >>> 0 !== v) return false;
    if (this.hashCount + sh.length > this.hashes.length) {
      const b = new Uint32Array(Math.max(2 * this.hashes.length, this.hashCount + sh.length));
      b.set(this.hashes.subarray(0, this.hashCount));
      this.hashes = b;
    }
    this.hashes.set(sh, this.hashCount);
    this.hashCount += sh.length;
    return true;
  }

  private grow(n: number): void {
    if (n <= this.quotes.length) return;
    const cap = this.quotes.length * 2;
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T, k: number): T => {
      const b = new (a.constructor as new (n: number) => T)(cap * k);
      b.set(a);
      return b;
    };
    this.strs = more(this.strs, NS);
    this.nums = more(this.nums, NN);
    this.objs = more(this.objs, NO);
    this.quotes = more(this.quotes, 1);
    const from = new Int32Array(cap + 1);
    from.set(this.from);
    this.from = from;
  }

  private string(s: string): number {
    const at = this.stringAt!;
    let k = at.get(s);
    if (k === undefined) at.set(s, (k = this.stringPool.push(s) - 1));
    return k;
  }

  /** One pool entry per distinct object: empty ones, and lists of the same strings, are one. */
  private object(v: object): number {
    let o: unknown = v;
    if (Array.isArray(v)) {
      if (!v.length) o = NO_ITEMS;
      else if (typeof v[0] === "string") o = this.list(v as string[]);
      else this.walk(v);
    } else {
      let empty = true;
      for (const _ in v) {
        empty = false;
        break;
      }
      if (empty) o = NO_FIELDS;
      else this.walk(v);
    }
    const at = this.objectAt!;
    let k = at.get(o);
    if (k === undefined) at.set(o, (k = this.objectPool.push(o) - 1));
    return k;
  }

  /** A list of strings as the one list of that content (frozen: every claim holding it reads it only). */
  private list(l: string[]): readonly string[] {
    let key = "";
    for (let j = 0; j < l.length; j++) {
      const s = l[j];
      if (typeof s !== "string") {
        this.walk(l);
        return l;
      }
      l[j] = this.stringPool[this.string(s)]!;
      // (each member by its length: no character a member may hold can make two contents one)
      key += `${s.length}:${s}`;
    }
    const got = this.listAt!.get(key);
    if (got) return got;
    this.listAt!.set(key, Object.freeze(l));
    return l;
  }

  /** The strings inside a claim's object (its source's name, its figures) as the pool's, and empty ones shared. */
  private walk(x: object): void {
    const o = x as Record<string, unknown>;
    if (Array.isArray(x) && typeof x[0] === "number") return;
    for (const k in o) {
      const v = o[k];
      if (typeof v === "string") o[k] = this.stringPool[this.string(v)];
      else if (v !== null && typeof v === "object") {
        if (Array.isArray(v) ? !v.length : isEmpty(v)) o[k] = Array.isArray(v) ? NO_ITEMS : NO_FIELDS;
        else this.walk(v);
      }
    }
  }
}

function isEmpty(v: object): boolean {
  for (const _ in v) return false;
  return true;
}

/**
 * A claim of a block held in columns, read field by field as a FusionClaim (its values are those it was
 * added with; nothing writes to a claim in a block). A copy by spread holds no field: `plainClaim` copies one.
 */
export class ColumnClaim implements FusionClaim {
  constructor(
    private readonly cols: ClaimColumns,
    private readonly at: number,
  ) {}
  get id(): string {
    return this.cols.id(this.at)!;
  }
  get doc(): string {
    return this.cols.str(this.at, 0)!;
  }
  get order(): string {
    return this.cols.order(this.at)!;
  }
  get published(): string {
    return this.cols.str(this.at, 1)!;
  }
  get outlet(): string | null {
    return this.cols.str(this.at, 2) as string | null;
  }
  get agency(): string | null {
    return this.cols.str(this.at, 3) as string | null;
  }
  get lang(): FusionClaim["lang"] {
    return this.cols.str(this.at, 4) as FusionClaim["lang"];
  }
  get text(): string {
    return this.cols.str(this.at, 5)!;
  }
  get status(): FusionClaim["status"] {
    return this.cols.str(this.at, 6) as FusionClaim["status"];
  }
  get main(): string | null {
    return this.cols.str(this.at, 7) as string | null;
  }
  get subject(): string | undefined {
    return this.cols.str(this.at, 8) as string | undefined;
  }
  get start(): number {
    return this.cols.num(this.at, 0)!;
  }
  get end(): number {
    return this.cols.num(this.at, 1)!;
  }
  get sentence(): number {
    return this.cols.num(this.at, 2)!;
  }
  get paragraph(): number {
    return this.cols.num(this.at, 3)!;
  }
  get quote(): boolean {
    return this.cols.quote(this.at);
  }
  get source(): FusionClaim["source"] {
    return this.cols.obj(this.at, 0) as FusionClaim["source"];
  }
  get concepts(): string[] {
    return this.cols.obj(this.at, 1) as string[];
  }
  get background(): string[] | undefined {
    return this.cols.obj(this.at, 2) as string[] | undefined;
  }
  get agents(): string[] {
    return this.cols.obj(this.at, 3) as string[];
  }
  get entities(): string[] {
    return this.cols.obj(this.at, 4) as string[];
  }
  get listed(): string[] | undefined {
    return this.cols.obj(this.at, 5) as string[] | undefined;
  }
  get countries(): string[] {
    return this.cols.obj(this.at, 6) as string[];
  }
  get figures(): FusionClaim["figures"] {
    return this.cols.obj(this.at, 7) as FusionClaim["figures"];
  }
  get days(): string[] {
    return this.cols.obj(this.at, 8) as string[];
  }
  get years(): string[] | undefined {
    return this.cols.obj(this.at, 9) as string[] | undefined;
  }
  get features(): FusionClaim["features"] {
    return this.cols.obj(this.at, 10) as FusionClaim["features"];
  }
  get parts(): FusionClaim["parts"] {
    return this.cols.obj(this.at, 11) as FusionClaim["parts"];
  }
  /** Worked out from the words they were made of when first asked for (only a proposition's origins ask). */
  get shingles(): number[] {
    return this.cols.shingles(this.at);
  }
}

const NO_SHINGLES: number[] = Object.freeze([]) as unknown as number[];

/**
 * A claim as a plain object, its shingles left out (an empty list): what a copy by spread gives of a claim
 * parsed from JSON for every field the rules read, for code that copies a claim to change a field or two.
 */
export function plainClaim(c: FusionClaim): FusionClaim {
  return {
    id: c.id, doc: c.doc, order: c.order, published: c.published, outlet: c.outlet, agency: c.agency, lang: c.lang, text: c.text,
    start: c.start, end: c.end, sentence: c.sentence, paragraph: c.paragraph, status: c.status, quote: c.quote, source: c.source,
    concepts: c.concepts, background: c.background, main: c.main, agents: c.agents, entities: c.entities, subject: c.subject, listed: c.listed,
    countries: c.countries, figures: c.figures, days: c.days, years: c.years, features: c.features, shingles: NO_SHINGLES, parts: c.parts,
  };
}
