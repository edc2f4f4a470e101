// The ledger's sitrep/1 JSON and its places as GeoJSON, written as they are read: a section at a time,
// a page of reports at a time, so that memory stays flat however large the ledger. The text is the same
// as JSON.stringify(whole, null, 2) would give.
import type { LedgerExport, PlaceWithClaims } from "../ledger/export.js";

const item = (x: unknown) => "    " + JSON.stringify(x, null, 2).replace(/\n/g, "\n    ");

/** A top-level array member `"key": [ … ]` from pages of items. */
async function* array(key: string, pages: AsyncIterable<unknown[]>, last: boolean): AsyncIterable<string> {
  let first = true;
  let buf = "";
  for await (const page of pages) {
    for (const x of page) {
      buf += (first ? `  ${JSON.stringify(key)}: [\n` : ",\n") + item(x);
      first = false;
    }
    if (buf.length > 1 << 16) {
      yield buf;
      buf = "";
    }
  }
  yield buf + (first ? `  ${JSON.stringify(key)}: []` : "\n  ]") + (last ? "\n" : ",\n");
}

export async function* exportJson(x: LedgerExport): AsyncIterable<string> {
  yield `{\n  "schema": "sitrep/1",\n`;
  yield* array("documents", x.documents(), false);
  yield* array("entities", x.entities(), false);
  yield* array("claims", x.claims(), false);
  yield* array("unknowns", x.unknowns(), false);
  yield* array("times", x.times(), false);
  yield* array("counts", x.counts(), false);
  yield* array("events", x.events(), false);
  yield* array("contradictions", x.contradictions(), false);
  yield `  "ledger": {\n    "fused": true,\n    "contradictions_found_across_reports": true\n  }\n}\n`;
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

/** Drains chunks into a writable (stdout, a file, an HTTP response), waiting whenever it is full. */
export async function pipeTo(chunks: AsyncIterable<string>, out: NodeJS.WritableStream): Promise<void> {
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
