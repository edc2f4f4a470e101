// The ledger's sitrep/1 JSON and its places as GeoJSON, written as they are read: a section at a time,
// a page of reports at a time, so that memory stays flat however large the ledger. The text is the same
// as JSON.stringify(whole, null, 2) would give.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LedgerExport, PlaceWithClaims, ReportSections } from "../ledger/export.js";

/**
 * An item of a top-level list as JSON.stringify(whole, null, 2) writes it, indented by four. Written nested
 * two lists deep, where JSON.stringify indents it by four itself, and cut out: the same text as indenting
 * each line after the fact, without a second pass over (and a copy of) every item's text, which for a
 * whole extract is the size of its output.
 */
export const item = (x: unknown): string => {
  const s = JSON.stringify([[x]], null, 2);
  // "[\n  [\n" before the item, "\n  ]\n]" after it
  return s.slice(6, s.length - 6);
};

/**
 * The items of a list as `item` writes each, joined by ",\n" as a top-level list has them: one call of
 * JSON.stringify for them all, which writes the same text as `item` for each.
 */
export const items = (xs: readonly unknown[]): string => {
  const s = JSON.stringify([xs], null, 2);
  // "[\n  [\n" before the items, "\n  ]\n]" after them
  return s.slice(6, s.length - 6);
};

/** Where a long list of mentions goes in an entity's text (a string no name holds). */
const HOLE = "\u0000mentions\u0000";
/**
 * An item as `item` writes it, in pieces: an entity named in every report (a capital) has as many mentions
 * as the ledger has reports, and its text whole, with its copies, would be what grows with the ledger.
 */
function* itemPieces(x: unknown): Iterable<string> {
  const ms = (x as { mentions?: unknown })?.mentions;
  if (!Array.isArray(ms) || ms.length <= 1000) {
    yield item(x);
    return;
  }
  const [head, tail] = item({ ...(x as object), mentions: HOLE }).split(JSON.stringify(HOLE)) as [string, string];
  yield head + "[\n";
  for (let i = 0; i < ms.length; i += 1000)
    yield ms.slice(i, i + 1000).map((m) => "        " + JSON.stringify(m, null, 2).replace(/\n/g, "\n        ")).join(",\n") + (i + 1000 < ms.length ? ",\n" : "");
  yield "\n      ]" + tail;
}

/** A top-level array member `"key": [ … ]` from pages of items. */
async function* array(key: string, pages: AsyncIterable<unknown[]>, last: boolean): AsyncIterable<string> {
  let first = true;
  let buf = "";
  for await (const page of pages) {
    for (const x of page) {
      buf += first ? `  ${JSON.stringify(key)}: [\n` : ",\n";
      first = false;
      for (const piece of itemPieces(x)) {
        buf += piece;
        if (buf.length > 1 << 16) {
          yield buf;
          buf = "";
        }
      }
    }
    if (buf.length > 1 << 16) {
      yield buf;
      buf = "";
    }
  }
  yield buf + (first ? `  ${JSON.stringify(key)}: []` : "\n  ]") + (last ? "\n" : ",\n");
}

/**
 * The whole ledger as sitrep/1 JSON. Documents, claims, unknowns, times, counts and events all come from the
 * reports, which are read once: each section is written to a temporary file of its own as the reports go
 * by, and the files are sent in the order the format wants, with the entities (read by fused entity) and
 * the contradictions (found across the ledger) in between.
 */
export async function* exportJson(x: LedgerExport): AsyncIterable<string> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-export-"));
  try {
    const keys = ["documents", "claims", "unknowns", "times", "counts", "events"] as const;
    const fds = new Map(keys.map((k) => [k, openSync(join(dir, k), "w", 0o600)]));
    const any = new Map<string, boolean>(keys.map((k) => [k, false]));
    try {
      for await (const page of x.reportSections()) {
        for (const k of keys) {
          const items = page[k as keyof ReportSections] as unknown[];
          if (!items.length) continue;
          let buf = "";
          for (const it of items) {
            buf += (any.get(k) ? ",\n" : "") + item(it);
            any.set(k, true);
          }
          writeSync(fds.get(k)!, buf);
        }
      }
    } finally {
      for (const fd of fds.values()) closeSync(fd);
    }
    async function* spooled(k: (typeof keys)[number], last: boolean): AsyncIterable<string> {
      if (!any.get(k)) {
        yield `  ${JSON.stringify(k)}: []${last ? "\n" : ",\n"}`;
        return;
      }
      yield `  ${JSON.stringify(k)}: [\n`;
      for await (const chunk of createReadStream(join(dir, k), { encoding: "utf8", highWaterMark: 1 << 16 })) yield chunk as string;
      yield last ? "\n  ]\n" : "\n  ],\n";
    }
    yield `{\n  "schema": "sitrep/1",\n`;
    yield* spooled("documents", false);
    yield* array("entities", x.entities(), false);
    for (const k of ["claims", "unknowns", "times", "counts", "events"] as const) yield* spooled(k, false);
    yield* array("contradictions", x.contradictions(), false);
    yield* array("propositions", x.propositions(), false);
    yield* array("corrections", x.corrections(), false);
    yield `  "ledger": {\n    "fused": true,\n    "contradictions_found_across_reports": true\n  }\n}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function feature(p: PlaceWithClaims) {
  const e = p.entity;
  return {
    type: "Feature",
    id: e.id,
    geometry: { type: "Point", coordinates: [e.geo.lon, e.geo.lat] },
    properties: { name: e.name, aliases: e.aliases, key: e.key, country: e.geo.country, geonameId: e.geo.geonameId, reports: p.reports, claims: p.claims },
  };
}

/** The places with coordinates, each with the claims that name it. */
export async function* placesGeoJson(x: LedgerExport): AsyncIterable<string> {
  yield `{\n  "type": "FeatureCollection",\n`;
  async function* features() {
    for await (const page of x.places()) yield page.map(feature);
  }
  yield* array("features", features(), true);
  yield "}\n";
}

/**
 * `JSON.stringify(x, null, 2) + "\n"` of an object held in memory (a one-shot export), in pieces: a top-level
 * list an item at a time, so that the text is never one string (the extract of 10 MB of reports is ~90 MB
 * of JSON, twice that as a string of two-byte characters).
 */
export function* objectJson(x: object): Iterable<string> {
  let buf = "{";
  let first = true;
  for (const [k, v] of Object.entries(x)) {
    // what JSON.stringify leaves out of an object
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    buf += (first ? "\n  " : ",\n  ") + JSON.stringify(k) + ": ";
    first = false;
    if (!Array.isArray(v) || v.length === 0) {
      buf += JSON.stringify(v, null, 2).replace(/\n/g, "\n  ");
      continue;
    }
    buf += "[\n";
    for (let i = 0; i < v.length; i++) {
      // JSON.stringify writes null for what it cannot write inside a list
      const it: unknown = v[i];
      buf += (i ? ",\n" : "") + (it === undefined || typeof it === "function" || typeof it === "symbol" ? "    null" : item(it));
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    }
    buf += "\n  ]";
  }
  yield buf + (first ? "}\n" : "\n}\n");
}

/** Drains chunks into a writable (stdout, a file, an HTTP response), waiting whenever it is full. */
export async function pipeTo(chunks: AsyncIterable<string> | Iterable<string>, out: NodeJS.WritableStream): Promise<void> {
  for await (const c of chunks) {
    if (!out.write(c)) await new Promise<void>((resolve, reject) => {
      const done = (e?: unknown) => {
        out.off("drain", ok);
        out.off("error", done);
        if (e) reject(e);
        else resolve();
      };
      const ok = () => done();
      out.once("drain", ok);
      out.once("error", done);
    });
  }
}
