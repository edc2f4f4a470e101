// The sitrep/1 JSON of a one-shot extract (`sitrep extract a b c`), taken a report at a time: each report's
// part of every section, and what fusion across the reports needs of it, go to temporary files as the report
// is extracted, and the report is dropped. Memory then holds the reports' entity records and incident keys
// (what fusing entities and incidents needs), not the reports nor the export. The text is the one
// `objectJson(buildExport(docs))` gives for the same reports.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Doc } from "../model/doc.js";
import type { SitrepExport } from "./schema.js";
import { buildExport, docSections, EntityJoins, joinedClaim, joinedEvent, joinEntity, SECTIONS, type ExportNumbering } from "./json.js";
import { item, objectJson } from "./stream.js";
import { fuseStreamed, reportFusion, type Fusion, type ReportFusion } from "../ledger/fusion.js";
import type { FusionClaim } from "../ledger/claimkeys.js";
import { exportProposition } from "../ledger/fusionexport.js";

const CHUNK = 1 << 16;

/** An append-only temporary file of text, read back whole in order or a piece at a time by where it was put. */
class Spool {
  private fd: number;
  private buf = "";
  /** Bytes written to the file, and in `buf`. */
  private size = 0;
  count = 0;

  constructor(file: string) {
    this.fd = openSync(file, "w+", 0o600);
  }

  /** Appends `s`; returns where it starts and its length, in bytes. */
  put(s: string): [number, number] {
    const at = this.size, n = Buffer.byteLength(s);
    this.buf += s;
    this.size += n;
    this.count++;
    if (this.buf.length > CHUNK) this.flush();
    return [at, n];
  }

  private flush(): void {
    if (this.buf) writeSync(this.fd, this.buf);
    this.buf = "";
  }

  get(at: number, n: number): string {
    this.flush();
    const b = Buffer.allocUnsafe(n);
    let got = 0;
    while (got < n) {
      const r = readSync(this.fd, b, got, n - got, at + got);
      if (!r) throw new Error("a temporary file of the extract came back short");
      got += r;
    }
    return b.toString("utf8");
  }

  /** Bytes put so far: where the next `put` starts. */
  get bytes(): number {
    return this.size;
  }

  /** The whole text, or the bytes from `from` to `to` (where puts started), in pieces. */
  *all(from = 0, to = this.size): Iterable<string> {
    this.flush();
    const b = Buffer.allocUnsafe(CHUNK);
    const dec = new StringDecoder("utf8");
    for (let at = from; at < to; ) {
      const r = readSync(this.fd, b, 0, Math.min(CHUNK, to - at), at);
      if (!r) throw new Error("a temporary file of the extract came back short");
      at += r;
      const s = dec.write(b.subarray(0, r));
      if (s) yield s;
    }
    const rest = dec.end();
    if (rest) yield rest;
  }

  close(): void {
    closeSync(this.fd);
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
  const f = reportFusion(doc);
  return { claims: JSON.stringify(f.claims), head: JSON.stringify({ entities: f.entities, incident: f.incident }) };
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
  private claimsAt = new Map<string, [number, number]>();
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
      const s = this.spool(k);
      for (const x of part[k]) s.put((s.count ? ",\n" : "") + item(x));
    }
    const es = this.spool("entities");
    for (const e of part.entities) {
      // as the export writes it: an entity no later one joins is sent as it is (JSON.parse reads it too)
      const at = es.put(item(e));
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
    this.claimsAt.set(d, this.spool("fusion-claims").put(f.claims));
    // held until every report is in: parsed from JSON, so that its names are strings of their own and not
    // slices of the report's text, which kept every report's whole text alive until the fusion
    this.heads.push(JSON.parse(f.head) as (typeof this.heads)[number]);
  }

  private write<T extends object>(k: "claims" | "events", items: readonly T[], edit: (x: T, id: (x: string) => string) => void): void {
    const s = this.spool(k);
    const joins = this.joins.into;
    const id = (x: string) => joins.get(x) ?? x;
    for (const x of items) {
      const sep = s.count || this.undecided[k].length ? ",\n" : "";
      if (joins.size) {
        edit(x, id);
        s.put(sep + item(x));
        continue;
      }
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
    const claimsOf = async (docs: readonly string[]) => {
      const out = new Map<string, FusionClaim[]>();
      for (const d of docs) {
        const at = this.claimsAt.get(d);
        if (at) out.set(d, JSON.parse(fc.get(...at)) as FusionClaim[]);
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

  /** The export's text, in pieces: as objectJson writes it, a top-level list an item at a time. */
  async *json(): AsyncIterable<string> {
    if (this.docs <= 1) {
      yield* objectJson(buildExport(this.first ? [this.first.doc] : []));
      return;
    }
    const { propositions, across } = await this.fuse();
    const joined = this.joins.into.size > 0;
    const self = this;

    /** `"key": [ … ]` and what comes before it, from items written out. */
    function* list(key: string, items: Iterable<string>): Iterable<string> {
      let any = false;
      let buf = ",\n  " + JSON.stringify(key) + ": ";
      for (const s of items) {
        if (!any) buf += "[\n";
        any = true;
        buf += s;
        if (buf.length > CHUNK) {
          yield buf;
          buf = "";
        }
      }
      yield buf + (any ? "\n  ]" : "[]");
    }
    /** A spool of items written out with their separators. */
    const spooled = (k: string) => (this.spools.get(k)?.count ? this.spools.get(k)!.all() : []);
    /** A spool of claims or events, with the undecided items in their places as the end decided them. */
    function* written(k: "claims" | "events"): Iterable<string> {
      const s = self.spools.get(k);
      if (!s) return;
      let from = 0;
      for (const u of self.undecided[k]) {
        yield* s.all(from, u.at);
        yield joined ? u.joined : u.plain;
        from = u.at;
      }
      yield* s.all(from);
    }
    function* entities(): Iterable<string> {
      const es = self.spools.get("entities");
      if (!es) return;
      let n = 0;
      for (const k of self.kept) {
        const text = es.get(...k.at);
        if (!k.joined) {
          yield (n++ ? ",\n" : "") + text;
          continue;
        }
        const e = JSON.parse(text) as Entity;
        for (const at of k.joined) joinEntity(e, JSON.parse(es.get(...at)) as Entity);
        yield (n++ ? ",\n" : "") + item(e);
      }
    }
    function* contradictions(): Iterable<string> {
      yield* spooled("contradictions");
      let n = self.spools.get("contradictions")?.count ?? 0;
      for (const x of across) yield (n++ ? ",\n" : "") + item(x);
    }
    yield `{\n  "schema": ${JSON.stringify("sitrep/1")}`;
    yield* list("documents", spooled("documents"));
    yield* list("entities", entities());
    yield* list("claims", written("claims"));
    for (const k of ["unknowns", "times", "counts"]) yield* list(k, spooled(k));
    yield* list("events", written("events"));
    yield* list("contradictions", contradictions());
    const claimId = { get: (id: string) => this.exportClaimId(id) };
    function* propositionItems(): Iterable<string> {
      for (let i = 0; i < propositions.length; i++) {
        const p = propositions[i]!;
        // written as made, and let go: the section is the last, nothing reads them after
        propositions[i] = undefined as never;
        yield (i ? ",\n" : "") + item(exportProposition(p, i, claimId));
      }
    }
    yield* list("propositions", propositionItems());
    yield "\n}\n";
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
