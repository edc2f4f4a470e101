// The sitrep/1 JSON of a one-shot extract (`sitrep extract a b c`), taken a report at a time: each report's
// part of every section, and what fusion across the reports needs of it, go to temporary files as the report
// is extracted, and the report is dropped. Memory then holds the reports' entity records and incident keys
// (what fusing entities and incidents needs), not the reports nor the export. The text is the one
// `objectJson(buildExport(docs))` gives for the same reports.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Doc } from "../model/doc.js";
import type { SitrepExport } from "./schema.js";
import { buildExport, docSections, EntityJoins, joinedClaim, joinedEvent, joinEntity, SECTIONS, type ExportNumbering } from "./json.js";
import { item, items, objectJson } from "./stream.js";
import { fuseStreamed, type DeferredClaims, type Fusion, type ReportFusion } from "../ledger/fusion.js";
import { fusionClaims, type FusionClaim } from "../ledger/claimkeys.js";
import { entityRecords } from "../ledger/entityfusion.js";
import { incidentKeys } from "../ledger/incidents.js";
import { exportProposition } from "../ledger/fusionexport.js";

/** How much the export reads back or sends at a time. */
const CHUNK = 1 << 20;
/** How much a spool buffers before it writes (there are nine). */
const SPOOL_CHUNK = 1 << 18;

/**
 * An append-only temporary file of text, read back whole in order or a piece at a time by where it was put.
 * Text is encoded straight into a buffer written a quarter megabyte at a time, and read back as bytes: what
 * is only copied to the output is never decoded into a string and encoded again.
 */
class Spool {
  private fd: number;
  /** Bytes put and not yet written (let go once the spool is read: it is written no more by then). */
  private buf: Buffer | undefined;
  /** Bytes in `buf`, not yet written. */
  private pos = 0;
  /** Bytes written to the file. */
  private written = 0;
  /** Items put so far. */
  count = 0;
  /** What `text` reads into. */
  private scratch = Buffer.allocUnsafe(0);

  constructor(file: string) {
    this.fd = openSync(file, "w+", 0o600);
  }

  /** Appends `s`, which holds `items` items; returns where it starts and its length, in bytes. */
  put(s: string, items = 1): [number, number] {
    const at = this.written + this.pos;
    this.count += items;
    // a UTF-16 unit is at most three bytes of UTF-8: what may not fit goes after what is buffered
    if (this.pos + s.length * 3 > SPOOL_CHUNK) {
      this.flush();
      if (s.length * 3 > SPOOL_CHUNK) {
        const b = Buffer.from(s, "utf8");
        writeAll(this.fd, b, b.length);
        this.written += b.length;
        return [at, b.length];
      }
    }
    this.buf ??= Buffer.allocUnsafe(SPOOL_CHUNK);
    const n = this.buf.write(s, this.pos, "utf8");
    this.pos += n;
    return [at, n];
  }

  private flush(): void {
    if (this.pos) writeAll(this.fd, this.buf!, this.pos);
    this.written += this.pos;
    this.pos = 0;
  }

  /** Written out for reading: the buffer is let go (a later `put` takes a new one). */
  private settle(): void {
    this.flush();
    this.buf = undefined;
  }

  /**
   * The text put at `at`, `n` bytes long, read through one buffer kept for it: a buffer of its own for each
   * piece read (every report's fusion claims, 70 MB in all for 10 MB of reports) is memory outside the heap
   * that the collector frees late.
   */
  text(at: number, n: number): string {
    this.settle();
    if (this.scratch.length < n) this.scratch = Buffer.allocUnsafe(Math.max(n, 2 * this.scratch.length));
    const b = this.scratch.subarray(0, n);
    readAll(this.fd, b, at);
    return b.toString("utf8");
  }

  /** Bytes put so far: where the next `put` starts. */
  get bytes(): number {
    return this.written + this.pos;
  }

  /** Reads the bytes at `at` into `b`, whole. */
  read(b: Uint8Array, at: number): void {
    this.settle();
    readAll(this.fd, b, at);
  }

  close(): void {
    closeSync(this.fd);
  }
}

function writeAll(fd: number, b: Buffer, n: number): void {
  for (let done = 0; done < n; ) done += writeSync(fd, b, done, n - done);
}

function readAll(fd: number, b: Uint8Array, at: number): void {
  for (let got = 0; got < b.length; ) {
    const r = readSync(fd, b, got, b.length - got, at + got);
    if (!r) throw new Error("a temporary file of the extract came back short");
    got += r;
  }
}

/**
 * The export's output, gathered into one buffer of a megabyte that is sent whenever it fills and then
 * written into again: text is encoded into it, bytes of the spools read into it. A buffer of its own for
 * each megabyte sent (and each read from a spool) was garbage outside the heap that the collector let
 * pile up to 70–96 MB before it freed any, at the peak of the extract. Each method yields the buffer's
 * bytes when it is full; the caller must be done with them before it asks for more.
 */
export class Output {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;

  *text(s: string): Iterable<Uint8Array> {
    // a UTF-16 unit is at most three bytes of UTF-8: a piece of a third of the room left always fits
    for (let i = 0; i < s.length; ) {
      if (CHUNK - this.pos < 3 * 1024) yield* this.cut();
      let j = Math.min(s.length, i + Math.floor((CHUNK - this.pos) / 3));
      // (a pair of surrogates is one character: never cut between them)
      if (j < s.length && j > i + 1 && (s.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--;
      this.pos += this.buf.write(j === s.length && i === 0 ? s : s.slice(i, j), this.pos, "utf8");
      i = j;
    }
  }

  /** The bytes of spool `s` from `from` to `to`, read straight into the buffer. */
  *copy(s: Spool, from: number, to: number): Iterable<Uint8Array> {
    for (let at = from; at < to; ) {
      if (this.pos === CHUNK) yield* this.cut();
      const n = Math.min(CHUNK - this.pos, to - at);
      s.read(this.buf.subarray(this.pos, this.pos + n), at);
      this.pos += n;
      at += n;
    }
  }

  /** What is gathered, once it is half the buffer or more (all of it, once `end`). */
  *take(end = false): Iterable<Uint8Array> {
    if (end ? this.pos > 0 : this.pos > CHUNK / 2) yield* this.cut();
  }

  private *cut(): Iterable<Uint8Array> {
    if (!this.pos) return;
    yield this.buf.subarray(0, this.pos);
    // (the caller is done with those bytes: it asked for more)
    this.pos = 0;
  }
}

type Entity = SitrepExport["entities"][number];
type Contradiction = SitrepExport["contradictions"][number];

/**
 * What fusion across the reports needs of one report, as JSON text: its claims (read back an incident at a
 * time) and the rest (held until every report is in). Text, so that it can be made where the report is
 * extracted (a worker thread) and cross to the export's thread as two strings, not a graph of objects.
 */
export interface FusionText {
  claims: string;
  head: string;
}

export function fusionText(doc: Doc): FusionText {
  // reportFusion's record, made as it makes it, but with no text kept for each claim's shingles: those serve
  // a stored record only (the text sent holds the shingles)
  const claims = fusionClaims(doc, { shingleTexts: false });
  const entities = entityRecords(doc);
  return { claims: JSON.stringify(claims), head: JSON.stringify({ entities, incident: incidentKeys(doc, claims) }) };
}

/**
 * A one-shot export fed a report at a time (`add`), written once all are in (`json`); `close` removes its
 * temporary files. One report alone is exported as buildExport does it (no fusion), so it is held until a
 * second one comes.
 */
export class OneShotExport {
  private dir: string | undefined;
  private spools = new Map<string, Spool>();
  private first: { doc: Doc; fusion?: FusionText } | undefined;
  private docs = 0;
  private n: ExportNumbering = { ne: 0, nc: 0, nu: 0, nv: 0 };
  private joins = new EntityJoins();
  /** The entities kept, in order: where each is in the entity spool, and where those joined into it are. */
  private kept: { at: [number, number]; joined?: [number, number][] }[] = [];
  private keptAt = new Map<string, number>();
  /** What fusing entities and incidents needs of each report; its claims are in the claim spool. */
  private heads: Pick<ReportFusion, "entities" | "incident">[] = [];
  /** Where each report's fusion claims are in their spool, and how many they are. */
  private claimsAt = new Map<string, [number, number, number]>();
  /**
   * Claims and events written before any entity was joined whose lists of entities hold one twice: their
   * text depends on whether any entity is joined by the end (then the lists are made sets), so both texts
   * are kept, with the byte of their spool they go before (rare: the pipeline lists an entity once).
   */
  private undecided: Record<"claims" | "events", { at: number; plain: string; joined: string }[]> = { claims: [], events: [] };
  /** Each report's export claim ids: the number before its first claim, and its claims' own ids. */
  private claimBase = new Map<string, { base: number; ids: string[] | number }>();

  private spool(name: string): Spool {
    let s = this.spools.get(name);
    if (!s) {
      if (!this.dir) {
        this.dir = mkdtempSync(join(tmpdir(), "sitrep-extract-"));
        this.guard(true);
      }
      s = new Spool(join(this.dir, name));
      this.spools.set(name, s);
    }
    return s;
  }

  /** Adds a report; `fusion` is its fusionText when made already (else it is made here). */
  add(doc: Doc, fusion?: FusionText): void {
    this.docs++;
    if (this.docs === 1) {
      this.first = { doc, fusion };
      return;
    }
    if (this.first) {
      this.take(this.first.doc, this.first.fusion);
      this.first = undefined;
    }
    this.take(doc, fusion);
  }

  private take(doc: Doc, fusion?: FusionText): void {
    const d = doc.meta.id;
    const base = this.n.nc;
    const part = docSections(doc, this.n);
    // numbered in order (c1, c2 …), as the pipeline numbers them, a report's claim ids are a count
    const ids = doc.claims.map((c) => c.id);
    this.claimBase.set(d, { base, ids: ids.every((c, i) => c === `c${i + 1}`) ? ids.length : ids });
    for (const k of SECTIONS) {
      if (k === "entities" || k === "claims" || k === "events") continue;
      if (!part[k].length) continue;
      const s = this.spool(k);
      s.put((s.count ? ",\n" : "") + items(part[k]), part[k].length);
    }
    const es = this.spool("entities");
    for (const e of part.entities) {
      // as the export writes it, each after a separator (so that a run of entities no later one joins is
      // sent as it lies): an entity joined by none is sent as it is (JSON.parse reads it too)
      const at = es.put(",\n" + item(e));
      const into = this.joins.add(e);
      if (into === undefined) {
        this.keptAt.set(e.id, this.kept.length);
        this.kept.push({ at });
      } else (this.kept[this.keptAt.get(into)!]!.joined ??= []).push(at);
    }
    // claims and events name entities of this report, whose joins are all decided now (an entity joins one
    // kept before it, when it is added): written out now, with references to joined entities rewritten.
    // Once any entity is joined, every later list of entities is made a set too; before that, a list is
    // only known to stay as it is when it holds no entity twice.
    this.write("claims", part.claims, joinedClaim);
    this.write("events", part.events, joinedEvent);
    const f = fusion ?? fusionText(doc);
    // (fusionClaims makes one record of each of the report's claims)
    this.claimsAt.set(d, [...this.spool("fusion-claims").put(f.claims), doc.claims.length]);
    // held until every report is in: parsed from JSON, so that its names are strings of their own and not
    // slices of the report's text, which kept every report's whole text alive until the fusion
    this.heads.push(JSON.parse(f.head) as (typeof this.heads)[number]);
  }

  private write<T extends object>(k: "claims" | "events", list: readonly T[], edit: (x: T, id: (x: string) => string) => void): void {
    const s = this.spool(k);
    const joins = this.joins.into;
    const id = (x: string) => joins.get(x) ?? x;
    if (joins.size) {
      // every list is made a set from here on: the report's items are written at once
      if (!list.length) return;
      for (const x of list) edit(x, id);
      s.put((s.count || this.undecided[k].length ? ",\n" : "") + items(list), list.length);
      return;
    }
    for (const x of list) {
      const sep = s.count || this.undecided[k].length ? ",\n" : "";
      const plain = item(x);
      edit(x, id);
      const joined = item(x);
      if (plain === joined) s.put(sep + plain);
      else this.undecided[k].push({ at: s.bytes, plain: sep + plain, joined: sep + joined });
    }
  }

  private exportClaimId(fusionId: string): string | undefined {
    const cut = fusionId.lastIndexOf("/");
    const b = this.claimBase.get(fusionId.slice(0, cut));
    if (!b) return undefined;
    const c = fusionId.slice(cut + 1);
    let i: number;
    if (typeof b.ids === "number") {
      const m = /^c(\d+)$/.exec(c);
      i = m && Number(m[1]) <= b.ids ? Number(m[1]) - 1 : -1;
    } else i = b.ids.indexOf(c);
    return i < 0 ? undefined : `c${b.base + i + 1}`;
  }

  /**
   * Fusion across the reports, as addFusion does it, with one incident's claims read back at a time: the
   * fusion's propositions (written last, each as it is made) and the contradictions across reports. The
   * rest of the fusion (its entities, claims and context) is let go here, before the export is written.
   */
  private async fuse(): Promise<{ propositions: Fusion["propositions"]; across: Contradiction[] }> {
    const fc = this.spool("fusion-claims");
    // each report's claims parsed as its block takes them in, not the block's all at once
    const claimsOf = async (docs: readonly string[]) => {
      const out = new Map<string, DeferredClaims>();
      for (const d of docs) {
        const at = this.claimsAt.get(d);
        if (at) out.set(d, { n: at[2], read: () => JSON.parse(fc.text(at[0], at[1])) as FusionClaim[] });
      }
      return out;
    };
    // what is read of the fused claims afterwards: which report each is from
    const keep = (c: FusionClaim) => ({ id: c.id, doc: c.doc }) as FusionClaim;
    const fusion = (await fuseStreamed(this.heads, claimsOf, keep, ["en"])).get("en")!;
    this.heads = [];
    this.claimsAt.clear();
    const docOf = new Map(fusion.claims.map((c) => [c.id, c.doc]));
    const across: Contradiction[] = [];
    for (const d of fusion.disputes) {
      if (docOf.get(d.claims[0]) === docOf.get(d.claims[1])) continue;
      across.push({
        claims: [this.exportClaimId(d.claims[0])!, this.exportClaimId(d.claims[1])!],
        reason: d.reason,
        type: d.type,
        ...(d.detail.update && { update: true }),
      } as Contradiction);
    }
    return { propositions: fusion.propositions, across };
  }

  /**
   * The export's text, in pieces (UTF-8 bytes, or text for one report alone): as objectJson writes it. What
   * the spools hold as it is written is sent as the bytes they hold. The bytes of a piece are those of one
   * buffer, written into again once the next piece is asked for: write each out (and wait until it is
   * written) before asking for the next, or copy it.
   */
  async *json(): AsyncIterable<string | Uint8Array> {
    if (this.docs <= 1) {
      yield* objectJson(buildExport(this.first ? [this.first.doc] : []));
      return;
    }
    // every report is in: what joined their entities (every kept entity's key and id, every joined one's id)
    // is let go before the fusion, whose peak it would add to; the write asks only whether any was joined
    const joined = this.joins.into.size > 0;
    this.joins = new EntityJoins();
    this.keptAt = new Map();
    const { propositions, across } = await this.fuse();
    const out = new Output();
    const spools = this.spools;
    const any = (k: string) => (spools.get(k)?.count ?? 0) > 0;
    /** `"key": [` or `"key": []` and what comes before it. */
    const open = (key: string, some: boolean) => out.text(",\n  " + JSON.stringify(key) + (some ? ": [\n" : ": []"));
    const close = () => out.text("\n  ]");
    function* copy(k: string, from?: number, to?: number): Iterable<Uint8Array> {
      const s = spools.get(k);
      if (!s) return;
      yield* out.copy(s, from ?? 0, to ?? s.bytes);
      yield* out.take();
    }
    /** A spool of items written out with their separators. */
    function* spooled(k: string): Iterable<Uint8Array> {
      yield* open(k, any(k));
      if (!any(k)) return;
      yield* copy(k);
      yield* close();
    }
    const undecided = this.undecided;
    /** A spool of claims or events, with the undecided items in their places as the end decided them. */
    function* written(k: "claims" | "events"): Iterable<Uint8Array> {
      const some = any(k) || undecided[k].length > 0;
      yield* open(k, some);
      if (!some) return;
      let from = 0;
      for (const u of undecided[k]) {
        yield* copy(k, from, u.at);
        yield* out.text(joined ? u.joined : u.plain);
        from = u.at;
      }
      yield* copy(k, from);
      yield* close();
    }
    const kept = this.kept;
    function* entities(): Iterable<Uint8Array> {
      const es = spools.get("entities");
      yield* open("entities", kept.length > 0);
      if (!es || !kept.length) return;
      // each entity was put after a separator, which the first one sent leaves out; a run of entities
      // joined by none that lie one after another in the spool is sent as one piece
      let first = true;
      for (let i = 0; i < kept.length; ) {
        const k = kept[i]!;
        const skip = first ? 2 : 0;
        first = false;
        if (k.joined) {
          const e = JSON.parse(es.text(k.at[0] + 2, k.at[1] - 2)) as Entity;
          for (const at of k.joined) joinEntity(e, JSON.parse(es.text(at[0] + 2, at[1] - 2)) as Entity);
          yield* out.text((skip ? "" : ",\n") + item(e));
          yield* out.take();
          i++;
          continue;
        }
        const from = k.at[0];
        let to = from + k.at[1];
        for (i++; i < kept.length && !kept[i]!.joined && kept[i]!.at[0] === to; i++) to += kept[i]!.at[1];
        yield* copy("entities", from + skip, to);
      }
      yield* close();
    }
    yield* out.text(`{\n  "schema": ${JSON.stringify("sitrep/1")}`);
    // (the first separator is the schema's, not a list's)
    yield* spooled("documents");
    yield* entities();
    yield* written("claims");
    for (const k of ["unknowns", "times", "counts"]) yield* spooled(k);
    yield* written("events");
    const own = spools.get("contradictions")?.count ?? 0;
    yield* open("contradictions", own + across.length > 0);
    if (own) yield* copy("contradictions");
    // a batch at a time, as JSON.stringify writes a list of them
    const BATCH = 512;
    for (let i = 0; i < across.length; i += BATCH) {
      yield* out.text((own || i ? ",\n" : "") + items(across.slice(i, i + BATCH)));
      yield* out.take();
    }
    if (own + across.length) yield* close();
    const claimId = { get: (id: string) => this.exportClaimId(id) };
    yield* open("propositions", propositions.length > 0);
    for (let i = 0; i < propositions.length; i += BATCH) {
      const batch = [];
      for (let j = i; j < Math.min(i + BATCH, propositions.length); j++) {
        batch.push(exportProposition(propositions[j]!, j, claimId));
        // written as made, and let go: the section is the last, nothing reads them after
        propositions[j] = undefined as never;
      }
      yield* out.text((i ? ",\n" : "") + items(batch));
      yield* out.take();
    }
    if (propositions.length) yield* close();
    yield* out.text("\n}\n");
    yield* out.take(true);
  }

  close(): void {
    for (const s of this.spools.values()) s.close();
    this.spools.clear();
    this.removeDir();
    this.guard(false);
  }

  private removeDir = (): void => {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  };

  /** The spools hold the reports' text: a run stopped by Ctrl-C or a kill must not leave them in the temp folder. */
  private onSignal = (signal: NodeJS.Signals): void => {
    this.removeDir();
    this.guard(false);
    process.kill(process.pid, signal);
  };

  private guard(on: boolean): void {
    const f = on ? process.on.bind(process) : process.off.bind(process);
    f("exit", this.removeDir);
    f("SIGINT", this.onSignal);
    f("SIGTERM", this.onSignal);
  }
}
