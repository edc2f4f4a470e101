// The places on a map that needs no tile server: Natural Earth country outlines (world-atlas, 1:50m) ship
// with the page as a file of its own, and d3-geo draws them as SVG around the places of the ledger.
import { useEffect, useMemo, useState } from "preact/hooks";
import { geoMercator, geoPath, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { FeatureCollection, Geometry } from "geojson";
import outlinesUrl from "world-atlas/countries-50m.json?url";
import type { PlaceCollection, PlaceFeature } from "../server/port.js";
import { useApi } from "./api.js";
import { useT } from "./i18n.js";
import { go } from "./ui.js";

let outlines: Promise<FeatureCollection<Geometry, { name: string }>> | undefined;
function loadOutlines() {
  outlines ??= fetch(outlinesUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>)
    .then((topo) => feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>);
  return outlines;
}

const W = 1000;
const H = 700;
/** Places within this many degrees of the busiest place make up the focus of the map. */
const FOCUS_DEGREES = 9;

function dist(a: [number, number], b: [number, number]): number {
  const dx = (a[0] - b[0]) * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  return Math.hypot(dx, a[1] - b[1]);
}

/**
 * The places around the busiest neighbourhood: a stray far-off mention (a capital quoted once) should not
 * shrink the scene of the event to a dot on a world map. "All places" shows everything.
 */
function focusCluster(feats: PlaceFeature[]): PlaceFeature[] {
  if (feats.length < 2) return feats;
  let best = feats[0]!;
  let bestWeight = -1;
  for (const f of feats) {
    let w = 0;
    for (const g of feats) if (dist(f.geometry.coordinates, g.geometry.coordinates) <= FOCUS_DEGREES) w += g.properties.claims + 1;
    if (w > bestWeight) {
      bestWeight = w;
      best = f;
    }
  }
  return feats.filter((g) => dist(best.geometry.coordinates, g.geometry.coordinates) <= FOCUS_DEGREES);
}

interface Marker {
  f: PlaceFeature;
  x: number;
  y: number;
  r: number;
  label?: { x: number; y: number; anchor: "start" | "end" | "middle" };
}

/**
 * Labels placed greedily, busiest place first: right of the marker, else left, above or below; a label that
 * would overlap one already placed (or a marker) is left out, and the marker's tooltip still names it.
 */
function placeLabels(ms: Omit<Marker, "label">[]): Marker[] {
  const boxes: [number, number, number, number][] = ms.map((m) => [m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r]);
  const hit = (b: [number, number, number, number], skip: number) =>
    boxes.some((o, i) => i !== skip && b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]);
  const order = ms.map((_, i) => i).sort((a, b) => ms[b]!.f.properties.claims - ms[a]!.f.properties.claims);
  const out: Marker[] = ms.map((m) => ({ ...m }));
  for (const i of order) {
    const m = out[i]!;
    const w = m.f.properties.name.length * 8 + 4;
    const h = 16;
    const tries: [NonNullable<Marker["label"]>, [number, number, number, number]][] = [
      [{ x: m.r + 4, y: 5, anchor: "start" }, [m.x + m.r + 2, m.y - h / 2, m.x + m.r + 4 + w, m.y + h / 2]],
      [{ x: -m.r - 4, y: 5, anchor: "end" }, [m.x - m.r - 4 - w, m.y - h / 2, m.x - m.r - 2, m.y + h / 2]],
      [{ x: 0, y: -m.r - 6, anchor: "middle" }, [m.x - w / 2, m.y - m.r - 6 - h, m.x + w / 2, m.y - m.r - 4]],
      [{ x: 0, y: m.r + 16, anchor: "middle" }, [m.x - w / 2, m.y + m.r + 2, m.x + w / 2, m.y + m.r + 4 + h]],
    ];
    for (const [label, box] of tries) {
      if (!hit(box, i)) {
        m.label = label;
        boxes.push(box);
        break;
      }
    }
  }
  return out;
}

export function MapView(props: { version: number }) {
  const t = useT();
  const places = useApi<PlaceCollection>("/api/places", props.version);
  const [world, setWorld] = useState<FeatureCollection<Geometry, { name: string }>>();
  const [hover, setHover] = useState<PlaceFeature>();
  useEffect(() => {
    void loadOutlines().then(setWorld);
  }, []);

  const feats = places.data?.features ?? [];
  const [all, setAll] = useState(false);
  const framed = all ? feats : focusCluster(feats);
  const projection = useMemo(() => {
    const p = geoMercator();
    if (!framed.length) return p.fitExtent([[20, 20], [W - 20, H - 20]], { type: "Sphere" } as never);
    // Frame the places with a margin of a few degrees, so a single town still shows its region.
    const lons = framed.map((f) => f.geometry.coordinates[0]);
    const lats = framed.map((f) => f.geometry.coordinates[1]);
    const pad = 1.5;
    const box = {
      type: "Feature",
      geometry: {
        type: "MultiPoint",
        coordinates: [
          [Math.min(...lons) - pad * 1.6, Math.max(-80, Math.min(...lats) - pad)],
          [Math.max(...lons) + pad * 1.6, Math.min(84, Math.max(...lats) + pad)],
        ],
      },
      properties: {},
    };
    return p.fitExtent([[70, 50], [W - 70, H - 50]], box as never);
  }, [places.data, all]);
  const path = geoPath(projection);
  const maxClaims = Math.max(1, ...feats.map((f) => f.properties.claims));
  const markers = placeLabels(
    feats.flatMap((f) => {
      const xy = projection(f.geometry.coordinates);
      return xy ? [{ f, x: xy[0], y: xy[1], r: 5 + 13 * Math.sqrt(f.properties.claims / maxClaims) }] : [];
    }),
  );

  return (
    <div class="map-view">
      <div class="map-frame" data-testid="map">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t.map}>
          <rect class="sea" x={0} y={0} width={W} height={H} />
          <path class="graticule" d={path(geoGraticule10()) ?? ""} />
          {world?.features.map((f, i) => (
            <path key={i} class="land" d={path(f) ?? ""}>
              <title>{f.properties.name}</title>
            </path>
          ))}
          {markers.map((m) => (
            <g
              key={m.f.id}
              class="marker"
              data-testid="map-marker"
              data-place={m.f.properties.name}
              transform={`translate(${m.x.toFixed(1)},${m.y.toFixed(1)})`}
              onMouseEnter={() => setHover(m.f)}
              onMouseLeave={() => setHover(undefined)}
              onClick={() => go(`#/claims?place=${encodeURIComponent(m.f.id)}`)}
            >
              <title>{`${m.f.properties.name} · ${t.claimsCount(m.f.properties.claims)}`}</title>
              <circle r={m.r} />
              {m.label && (
                <text x={m.label.x} y={m.label.y} text-anchor={m.label.anchor}>
                  {m.f.properties.name}
                </text>
              )}
            </g>
          ))}
        </svg>
        {!feats.length && places.data && <p class="map-empty">{t.noPlaces}</p>}
        {feats.length > 1 && (
          <div class="map-tools">
            <button class={all ? "" : "on"} onClick={() => setAll(false)} data-testid="map-focus">
              {t.focus}
            </button>
            <button class={all ? "on" : ""} onClick={() => setAll(true)} data-testid="map-all">
              {t.allPlaces}
            </button>
          </div>
        )}
      </div>
      <aside class="map-side">
        <h2>{t.places}</h2>
        <p class="muted small">{t.mapNote}</p>
        <ul class="place-list">
          {[...feats]
            .sort((a, b) => b.properties.claims - a.properties.claims || a.properties.name.localeCompare(b.properties.name))
            .map((f) => (
              <li key={f.id} class={hover?.id === f.id ? "hover" : ""}>
                <a href={`#/claims?place=${encodeURIComponent(f.id)}`}>{f.properties.name}</a>
                <span class="muted">
                  {f.properties.country} · {t.claimsCount(f.properties.claims)} · {t.reports(f.properties.reports)}
                </span>
              </li>
            ))}
        </ul>
      </aside>
    </div>
  );
}
