import type { SitrepExport } from "../export/schema.js";

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per claim: where it is, who says it, how sure, and the times, places and figures inside it. */
export function claimsCsv(x: SitrepExport): string {
  const docs = new Map(x.documents.map((d) => [d.id, d]));
  const ents = new Map(x.entities.map((e) => [e.id, e]));
  const inSpan = (doc: string, s: number, e: number) => (t: { doc: string; start: number; end: number }) => t.doc === doc && t.start >= s && t.end <= e;
  const header = ["id", "doc", "published", "outlet", "language", "start", "end", "status", "source", "source_kind", "cue", "quote", "times", "places", "figures", "text"];
  const rows = [header.join(",")];
  for (const c of x.claims) {
    const d = docs.get(c.doc);
    const within = inSpan(c.doc, c.start, c.end);
    const times = x.times.filter(within).map((t) => t.value);
    const places = c.entities.map((id) => ents.get(id)).filter((e) => e && (e.type === "location" || e.type === "facility")).map((e) => e!.name);
    const figures = x.counts.filter((n) => n.claim === c.id || (n.claim === null && within(n))).map((n) => `${n.kind}=${n.approx === "exact" ? "" : n.approx + ":"}${n.value}`);
    rows.push(
      [c.id, c.doc, d?.published, d?.source, d?.language, c.start, c.end, c.status, c.source?.name, c.source?.kind, c.cue?.text, c.quote ? "yes" : "no", times.join(";"), places.join(";"), figures.join(";"), c.text]
        .map(csvCell)
        .join(","),
    );
  }
  return rows.join("\n") + "\n";
}

/** The places with coordinates, each with the claims that mention it. */
export function placesGeoJson(x: SitrepExport): object {
  const features = x.entities
    .filter((e) => e.geo && (e.type === "location" || e.type === "facility"))
    .map((e) => ({
      type: "Feature",
      id: e.id,
      geometry: { type: "Point", coordinates: [e.geo!.lon, e.geo!.lat] },
      properties: {
        name: e.name,
        aliases: e.aliases,
        key: e.key,
        country: e.geo!.country,
        geonameId: e.geo!.geonameId,
        reports: [...new Set(e.mentions.map((m) => m.doc))],
        claims: x.claims.filter((c) => c.entities.includes(e.id)).map((c) => ({ id: c.id, doc: c.doc, start: c.start, end: c.end, status: c.status, source: c.source?.name ?? null, text: c.text })),
      },
    }));
  return { type: "FeatureCollection", features };
}
