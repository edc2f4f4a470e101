// The briefing, the claim table, the timeline, the contradictions and the form that adds a report.
import { useEffect, useState } from "preact/hooks";
import type { Briefing, BriefingLine, ClaimFacets, ClaimRow, ContradictionRow, EntityRow, FacetValue, Page, ReportSummary, TimelineItem } from "../server/port.js";
import { ApiError, getJson, postReport, qs, setToken, getToken, useApi } from "./api.js";
import { useT, type UiLang } from "./i18n.js";
import { ReportPanel } from "./report.js";
import { StatusBadge, SourceLabel, fmtTime, go } from "./ui.js";

const STATUSES = ["established", "confirmed", "claimed", "denied", "probable", "possible", "unknown"];

/** A claim by its id (stable); a span by its offsets in a version of the report (re-anchored on a later one). */
function reportLink(report: string, start: number, end: number, claim?: string, v?: number): string {
  return claim ? `#/claims?claim=${encodeURIComponent(claim)}` : `#/report/${encodeURIComponent(report)}?start=${start}&end=${end}${v ? `&v=${v}` : ""}`;
}

function BriefLines(props: { lines: BriefingLine[] }) {
  return (
    <ul>
      {props.lines.map((l, i) => (
        <li key={i} class={l.isNew ? "new" : ""}>
          {l.status && <StatusBadge status={l.status} />}
          {l.quote && <q class="quote">{l.quote}</q>}
          {l.quote && l.text && <span class="sep"> — </span>}
          <span class="line-text">{l.text}</span>
          {l.who && <span class="who"> — {l.who}</span>}
          {l.cites.map((c, j) => (
            <a key={j} class="cite" href={reportLink(c.report, c.start, c.end, c.claim, c.v)} title={`${c.report}:${c.start}–${c.end}`}>
              {c.report}
            </a>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The address the first view asks for the newest claims at (public/prefetch.js asks for it early). */
export const LATEST_CLAIMS = "/api/claims?limit=20&sort=-published";
const BRIEF_POLL_MS = 1500;

/** While the briefing is being built: the newest claims, at once. */
function FirstView(props: { version: number }) {
  const t = useT();
  const c = useApi<Page<ClaimRow>>(LATEST_CLAIMS, props.version);
  return (
    <article class="brief first-view" data-testid="first-view">
      <header class="brief-head">
        <h1>{t.brief}</h1>
        <p class="meta muted" data-testid="briefing-pending">
          {t.briefPending}
        </p>
      </header>
      {c.error && <p class="error">{c.error.message}</p>}
      {c.data && !c.data.total && <p class="empty">{t.empty}</p>}
      {c.data && c.data.items.length > 0 && (
        <ul class="latest">
          {c.data.items.map((x) => (
            <li key={x.id} data-claim={x.id}>
              <StatusBadge status={x.status} /> <a href={`#/claims?claim=${encodeURIComponent(x.id)}`}>{x.text}</a>{" "}
              <span class="muted">
                — <SourceLabel source={x.source} /> · {x.reportSource ?? x.report} {fmtTime(x.published)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="#/claims">{t.allClaims} →</a>
      </p>
    </article>
  );
}

/** The short briefing (a few lines per section) the page paints first; public/prefetch.js asks for it early. */
export const SHORT_BRIEF = (lang: string) => `/api/brief?lang=${lang}&wait=false&lines=4`;

/**
 * A briefing asked for without waiting: while the server builds it (a large ledger, just after start) the
 * answer says so and it is asked for again until it is there. A briefing being rebuilt after a change: the
 * one before stays until the new one is there.
 */
function usePolledBriefing(path: string | null, lang: string, version: number): { d?: Briefing; pending: boolean; error?: ApiError } {
  const [tick, setTick] = useState(0);
  const b = useApi<Briefing | { pending: true }>(path, version * 100_000 + tick);
  const pending = !!b.data && "pending" in b.data;
  const [last, setLast] = useState<{ lang: string; b: Briefing } | undefined>(undefined);
  useEffect(() => {
    if (b.data && !("pending" in b.data)) setLast({ lang, b: b.data });
  }, [b.data]);
  useEffect(() => {
    if (!pending) return;
    // Soon at first (a kept briefing is read in a fraction of a second), then less often (one being worked
    // out on a large ledger takes minutes).
    const h = setTimeout(() => setTick((x) => x + 1), Math.min(BRIEF_POLL_MS, 200 * 2 ** tick));
    return () => clearTimeout(h);
  }, [pending, b.data]);
  const d = b.data && !("pending" in b.data) ? b.data : last?.lang === lang ? last.b : undefined;
  return { ...(d && { d }), pending, ...(b.error && { error: b.error }) };
}

const whenIdle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === "function") {
    const h = requestIdleCallback(fn, { timeout: 500 });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(fn, 50);
  return () => clearTimeout(h);
};

export function BriefView(props: { lang: UiLang; version: number }) {
  const t = useT();
  // A large ledger's whole briefing is most of a megabyte and takes seconds to draw: the short one (a few
  // lines per section, each saying how many more) is painted first, then the whole one is asked for once the
  // page is idle and drawn a section at a time, each in its own idle moment, so the page stays responsive.
  const short = usePolledBriefing(SHORT_BRIEF(props.lang), props.lang, props.version);
  const [later, setLater] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!short.d || later === props.lang) return;
    return whenIdle(() => setLater(props.lang));
  }, [short.d, props.lang]);
  const full = usePolledBriefing(later === props.lang ? `/api/brief?lang=${props.lang}&wait=false` : null, props.lang, props.version);
  const [upto, setUpto] = useState<{ lang: string; n: number }>({ lang: props.lang, n: 0 });
  const drawn = upto.lang === props.lang ? upto.n : 0;
  useEffect(() => {
    if (!full.d || drawn >= full.d.sections.length) return;
    return whenIdle(() => setUpto({ lang: props.lang, n: drawn + 1 }));
  }, [full.d, drawn, props.lang]);
  const pending = short.pending || full.pending;
  let d = short.d;
  if (full.d && drawn > 0) {
    const shortOnes = new Map(short.d?.sections.map((s) => [s.key, s]));
    // (the whole briefing's sections drawn so far; the short ones after them until their turn)
    d = { ...full.d, sections: full.d.sections.map((s, i) => (i < drawn ? s : shortOnes.get(s.key) ?? s)) };
  }
  if (short.error && !d) return <p class="error">{short.error.message}</p>;
  if (!d) return short.pending ? <FirstView version={props.version} /> : <p class="muted">{t.loading}</p>;
  return (
    <article class="brief" data-testid="briefing">
      <header class="brief-head">
        <h1>{d.title}</h1>
        {pending && <p class="muted updating">{t.briefUpdating}</p>}
        <p class="meta">
          {d.basis ?? t.basedOn(d.reports)} · {t.generated} {fmtTime(d.generated)} ·{" "}
          <span class="downloads">
            {t.download}: <a href={`/api/brief?lang=${props.lang}&format=md`} download="briefing.md">Markdown</a> ·{" "}
            <a href={`/api/brief?lang=${props.lang}&format=html`} download="briefing.html">HTML</a> · <a href="/api/export?format=json">JSON</a> ·{" "}
            <a href="/api/export?format=csv">CSV</a> · <a href="/api/export?format=geojson">GeoJSON</a>
          </span>
        </p>
      </header>
      {!d.sections.length && <p class="empty">{t.empty}</p>}
      {d.sections.map((s) => (
        <section key={s.key} class={`brief-section sec-${s.key}`}>
          <h2>{s.heading}</h2>
          {s.lines.length > 0 && <BriefLines lines={s.lines} />}
          {s.groups?.map((g, i) =>
            g.lines.length ? (
              <div key={i} class="brief-group">
                <h3>{g.heading}</h3>
                <BriefLines lines={g.lines} />
              </div>
            ) : null,
          )}
          {!s.lines.length && !s.groups?.some((g) => g.lines.length) && <p class="muted none">—</p>}
          {s.more ? <p class="muted more">+ {s.more}</p> : null}
        </section>
      ))}
    </article>
  );
}

export interface ClaimFilters {
  status?: string;
  source?: string;
  entity?: string;
  place?: string;
  report?: string;
  outlet?: string;
  language?: string;
  /** Publication dates (YYYY-MM-DD), inclusive, in UTC. */
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
  /** Page number, from 1. */
  page?: string;
  /** The cursor the page was reached by (the API's next or prev of the page beside it). */
  after?: string;
  before?: string;
  claim?: string;
}

export const CLAIM_FILTER_KEYS = ["status", "source", "entity", "place", "report", "outlet", "language", "from", "to", "q", "sort", "page", "after", "before", "claim"] as const;

const PAGE_SIZE = 100;

/** The API's query for the filters of the address (dates become a UTC time window). */
function apiQuery(f: ClaimFilters): Record<string, string | undefined> {
  return {
    status: f.status, source: f.source, entity: f.entity, place: f.place, report: f.report, outlet: f.outlet, language: f.language, q: f.q, sort: f.sort,
    since: f.from && /^\d{4}-\d{2}-\d{2}$/.test(f.from) ? `${f.from}T00:00:00Z` : undefined,
    until: f.to && /^\d{4}-\d{2}-\d{2}$/.test(f.to) ? `${f.to}T23:59:59.999Z` : undefined,
  };
}

function SortHead(props: { col: string; label: string; sort?: string; cls?: string; onSort: (s: string | undefined) => void }) {
  const t = useT();
  const cur = props.sort ?? "published";
  const on = cur.replace(/^-/, "") === props.col;
  const desc = on && cur.startsWith("-");
  const next = on ? (desc ? props.col : `-${props.col}`) : props.col;
  return (
    <th class={props.cls} aria-sort={on ? (desc ? "descending" : "ascending") : "none"}>
      <button class="sort" data-testid={`sort-${props.col}`} title={t.sortBy(props.label)} onClick={() => props.onSort(next === "published" ? undefined : next)}>
        {props.label} <span class="arrow">{on ? (desc ? "▼" : "▲") : "↕"}</span>
      </button>
    </th>
  );
}

export function ClaimsView(props: { filters: ClaimFilters; version: number }) {
  const t = useT();
  const f = props.filters;
  const [text, setText] = useState(f.q ?? "");
  useEffect(() => setText(f.q ?? ""), [f.q]);
  const page = Math.max(1, Number(f.page) || 1);
  const query = apiQuery(f);
  // A page reached by next or prev is read from its cursor (as fast at page 500 as at page 1); an address
  // with only a page number, by its offset.
  const at = f.after ? { after: f.after } : f.before ? { before: f.before } : page > 1 ? { offset: String((page - 1) * PAGE_SIZE) } : {};
  const claims = useApi<Page<ClaimRow>>(`/api/claims${qs({ ...query, limit: PAGE_SIZE, ...at })}`, props.version);
  // Counts do not depend on the order: the same address (and the server's cache) for every sort.
  const facets = useApi<ClaimFacets>(`/api/claims/facets${qs({ ...query, sort: undefined })}`, props.version);
  // The lists behind the entity, place and report choosers are asked for once the rows and their counts are
  // on screen: on a large ledger they would otherwise hold up the first view (one server, one thread).
  const [lists, setLists] = useState(false);
  useEffect(() => {
    if (!lists && claims.data && facets.data) setLists(true);
  }, [claims.data, facets.data]);
  const ents = useApi<EntityRow[]>(lists ? "/api/entities" : null, props.version);
  const reports = useApi<Page<ReportSummary>>(lists ? "/api/reports?limit=1000" : null, props.version);
  // Their thousands of options are drawn when the analyst reaches for a chooser (a pointer or the keyboard
  // on it, before it opens), not with the table: drawn with it they hold the first view up for seconds.
  const [choosing, setChoosing] = useState(false);
  const choose = { onFocus: () => setChoosing(true), onPointerDown: () => setChoosing(true) };
  /** The options of a chooser: all of them once it is reached for, else only the chosen one. */
  const shown = <T extends { id: string }>(list: T[], chosen: string | undefined) => (choosing ? list : list.filter((x) => x.id === chosen));
  const set = (patch: Partial<ClaimFilters>) => {
    // Any change but the page or the open claim starts again at the first page.
    const next = { ...f, ...(!("page" in patch) && !("claim" in patch) && { page: undefined, after: undefined, before: undefined }), ...patch };
    go(`#/claims${qs(next as Record<string, string>)}`);
  };
  // Debounced search as the user types.
  useEffect(() => {
    if ((f.q ?? "") === text) return;
    const h = setTimeout(() => set({ q: text || undefined, claim: undefined }), 250);
    return () => clearTimeout(h);
  }, [text]);

  const fc = facets.data;
  // (a count of part of a large view, "at least n", says so: 1200+)
  const shownN = (x: FacetValue) => `${x.n}${x.more ? "+" : ""}`;
  const countOf = (list: FacetValue[] | undefined, v: string | null) => {
    const x = list?.find((y) => y.value === v);
    return x && shownN(x);
  };
  const actorList = (ents.data ?? []).filter((e) => e.type !== "location" && e.type !== "facility");
  const placeList = (ents.data ?? []).filter((e) => e.type === "location" || e.type === "facility");
  const active = new Set((f.status ?? "").split(",").filter(Boolean));
  const toggle = (s: string) => {
    const n = new Set(active);
    if (n.has(s)) n.delete(s);
    else n.add(s);
    set({ status: [...n].join(",") || undefined, claim: undefined });
  };
  const selected = f.claim ? claims.data?.items.find((c) => c.id === f.claim) : undefined;
  const reportOfClaim = selected?.report ?? (f.claim ? f.claim.split("-", 1)[0] : undefined);
  const total = claims.data?.total ?? 0;
  // (a count that stopped short, "1000+": the last page is the one without a next cursor)
  const atLeast = !!claims.data?.at_least;
  const first = (page - 1) * PAGE_SIZE;
  const pages = atLeast ? (claims.data?.next ? page + 1 : page) : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = CLAIM_FILTER_KEYS.some((k) => k !== "sort" && k !== "page" && k !== "after" && k !== "before" && k !== "claim" && f[k]);
  const n = (x: number | string | undefined) => (x === undefined ? "" : ` (${x})`);

  const pager = (where: string) =>
    total > PAGE_SIZE ? (
      <nav class="pager" aria-label="pages" data-testid={`pager-${where}`}>
        <button
          disabled={page <= 1}
          data-testid={`page-prev-${where}`}
          onClick={() =>
            set(page > 2 ? { page: String(page - 1), after: undefined, before: claims.data?.prev } : { page: undefined, after: undefined, before: undefined })
          }
        >
          ← {t.prev}
        </button>
        <span class="rows" data-testid={`page-rows-${where}`}>{t.rows(first + 1, atLeast ? first + (claims.data?.items.length ?? 0) : Math.min(total, first + PAGE_SIZE), total, atLeast)}</span>
        <button disabled={page >= pages} data-testid={`page-next-${where}`} onClick={() => set({ page: String(page + 1), after: claims.data?.next, before: undefined })}>
          {t.next} →
        </button>
      </nav>
    ) : null;

  return (
    <div class={`claims-layout ${f.claim ? "with-panel" : ""}`}>
      <section class="claims-main">
        <div class="filters" data-testid="filters">
          <div class="chips" role="group" aria-label={t.status}>
            {STATUSES.map((s) => (
              <button key={s} class={`chip st-${s} ${active.has(s) ? "on" : ""}`} aria-pressed={active.has(s)} data-testid={`status-${s}`} onClick={() => toggle(s)}>
                {t.statuses[s]}
                {fc && <span class="n" data-testid={`count-${s}`}>{countOf(fc.status, s) ?? (fc.status[0]?.more ? "0+" : 0)}</span>}
              </button>
            ))}
          </div>
          <div class="selects">
            <input type="search" class="search" placeholder={t.search} value={text} data-testid="search" onInput={(e) => setText((e.target as HTMLInputElement).value)} />
            <select data-testid="filter-source" value={f.source ?? ""} onChange={(e) => set({ source: (e.target as HTMLSelectElement).value || undefined, claim: undefined })}>
              <option value="">{t.anySource}</option>
              <option value="report">
                {t.reportItself}
                {n(countOf(fc?.source, null))}
              </option>
              {f.source && f.source !== "report" && !fc?.source.some((x) => x.value === f.source) && <option value={f.source}>{actorList.find((e) => e.id === f.source)?.name ?? f.source}</option>}
              {(fc?.source ?? []).filter((x) => x.value !== null).map((x) => (
                <option key={x.value!} value={x.value!}>
                  {x.value} ({shownN(x)})
                </option>
              ))}
            </select>
            <select data-testid="filter-outlet" value={f.outlet ?? ""} onChange={(e) => set({ outlet: (e.target as HTMLSelectElement).value || undefined, claim: undefined })}>
              <option value="">{t.anyOutlet}</option>
              {(fc?.outlet ?? []).filter((x) => x.value !== null).map((x) => (
                <option key={x.value!} value={x.value!}>
                  {x.value} ({shownN(x)})
                </option>
              ))}
            </select>
            <select data-testid="filter-language" value={f.language ?? ""} onChange={(e) => set({ language: (e.target as HTMLSelectElement).value || undefined, claim: undefined })}>
              <option value="">{t.anyLanguage}</option>
              {(fc?.language ?? []).filter((x) => x.value !== null).map((x) => (
                <option key={x.value!} value={x.value!}>
                  {x.value!.toUpperCase()} ({shownN(x)})
                </option>
              ))}
            </select>
            <select data-testid="filter-entity" value={f.entity ?? ""} {...choose} onChange={(e) => set({ entity: (e.target as HTMLSelectElement).value || undefined, claim: undefined })}>
              <option value="">{t.anyEntity}</option>
              {shown(actorList, f.entity).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({e.claims})
                </option>
              ))}
            </select>
            <select data-testid="filter-place" value={f.place ?? ""} {...choose} onChange={(e) => set({ place: (e.target as HTMLSelectElement).value || undefined, claim: undefined })}>
              <option value="">{t.anyPlace}</option>
              {shown(placeList, f.place).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({e.claims})
                </option>
              ))}
            </select>
            <select data-testid="filter-report" value={f.report ?? ""} {...choose} onChange={(e) => set({ report: (e.target as HTMLSelectElement).value || undefined, claim: undefined })}>
              <option value="">{t.anyReport}</option>
              {shown(reports.data?.items ?? [], f.report).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} · {(r.title ?? t.untitled).slice(0, 60)}
                </option>
              ))}
            </select>
            <label class="date">
              {t.from} <input type="date" value={f.from ?? ""} data-testid="filter-from" onChange={(e) => set({ from: (e.target as HTMLInputElement).value || undefined, claim: undefined })} />
            </label>
            <label class="date">
              {t.to} <input type="date" value={f.to ?? ""} data-testid="filter-to" onChange={(e) => set({ to: (e.target as HTMLInputElement).value || undefined, claim: undefined })} />
            </label>
            {filtered && (
              <button class="link" onClick={() => go(`#/claims${qs({ sort: f.sort })}`)}>
                {t.clear}
              </button>
            )}
          </div>
          <div class="count-row">
            <p class="count" data-testid="claim-count">
              {claims.data ? t.claimsCount(total, atLeast) : t.loading}
            </p>
            <p class="export">
              {t.exportView}:{" "}
              <a href={`/api/claims/export${qs({ ...query, format: "csv" })}`} download="sitrep-claims.csv" data-testid="export-csv">
                CSV
              </a>{" "}
              ·{" "}
              <a href={`/api/claims/export${qs({ ...query, format: "json" })}`} download="sitrep-claims.json" data-testid="export-json">
                JSON
              </a>
            </p>
          </div>
        </div>
        {claims.error && <p class="error">{claims.error.message}</p>}
        {claims.data && !total && <p class="empty">{filtered ? t.noMatch : t.empty}</p>}
        {pager("top")}
        {claims.data && total > 0 && (
          <div class="table-wrap">
            <table class="claims" data-testid="claims-table">
              <thead>
                <tr>
                  <SortHead col="status" label={t.status} sort={f.sort} cls="c-status" onSort={(s) => set({ sort: s })} />
                  <th>{t.claim}</th>
                  <SortHead col="source" label={t.source} sort={f.sort} cls="c-source" onSort={(s) => set({ sort: s })} />
                  <SortHead col="outlet" label={t.outlet} sort={f.sort} cls="c-report" onSort={(s) => set({ sort: s })} />
                  <SortHead col="published" label={t.publishedCol} sort={f.sort} cls="c-time" onSort={(s) => set({ sort: s })} />
                </tr>
              </thead>
              <tbody>
                {claims.data.items.map((c, i) => (
                  <tr
                    key={c.id}
                    class={`${c.id === f.claim ? "sel" : ""} ${c.retracted ? "retracted" : ""}`}
                    data-claim={c.id}
                    data-row={first + i + 1}
                    data-corrected={c.extracted ? "yes" : undefined}
                    tabIndex={0}
                    aria-selected={c.id === f.claim}
                    onClick={() => set({ claim: c.id })}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" || e.key === " ") {
                        e.preventDefault();
                        set({ claim: c.id });
                      }
                    }}
                  >
                    <td class="c-status">
                      <StatusBadge status={c.status} />
                      {c.extracted && (
                        <span class="corrected" title={`${t.extractedAs} ${t.statuses[c.extracted.status]}`}>
                          ✎ {t.corrected}
                        </span>
                      )}
                      {c.retracted && <span class="corrected">{t.retracted}</span>}
                    </td>
                    <td class="c-text">
                      <span class="claim-text">{c.text}</span>
                      {c.places.length > 0 && (
                        <span class="places">
                          {c.places.map((p, j) => (
                            <a key={p.id} href={`#/entity/${encodeURIComponent(p.id)}`} onClick={(e) => e.stopPropagation()}>
                              {j ? " · " : ""}
                              {p.name}
                            </a>
                          ))}
                        </span>
                      )}
                    </td>
                    <td class="c-source">
                      {c.source?.entity ? (
                        <a href={`#/entity/${encodeURIComponent(c.source.entity)}`} onClick={(e) => e.stopPropagation()}>
                          <SourceLabel source={c.source} />
                        </a>
                      ) : (
                        <SourceLabel source={c.source} />
                      )}
                    </td>
                    <td class="c-report">
                      <a class="rt" href={`#/report/${encodeURIComponent(c.report)}`} onClick={(e) => e.stopPropagation()}>
                        {c.reportSource ?? c.report}
                      </a>
                    </td>
                    <td class="c-time">
                      <span class="rd">{fmtTime(c.published)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pager("bottom")}
      </section>
      {f.claim && reportOfClaim && <ReportPanel id={reportOfClaim} claim={f.claim} version={props.version} onClose={() => set({ claim: undefined })} />}
    </div>
  );
}

export function TimelineView(props: { version: number }) {
  const t = useT();
  const tl = useApi<TimelineItem[]>("/api/timeline", props.version);
  if (tl.error) return <p class="error">{tl.error.message}</p>;
  if (!tl.data) return <p class="muted">{t.loading}</p>;
  if (!tl.data.length) return <p class="empty">{t.noTimeline}</p>;
  const days = new Map<string, TimelineItem[]>();
  for (const i of tl.data) {
    const d = i.value.slice(0, 10);
    if (!days.has(d)) days.set(d, []);
    days.get(d)!.push(i);
  }
  return (
    <div class="timeline" data-testid="timeline">
      {[...days].map(([d, items]) => (
        <section key={d} class="day">
          <h2>{d}</h2>
          <ol>
            {items.map((i, k) => (
              <li key={k}>
                <span class="when" title={i.value}>
                  {i.text}
                  <code>{i.value.slice(10) || ""}</code>
                </span>
                <a class="what" href={reportLink(i.report, i.start, i.end, i.claim)}>
                  {i.label}
                </a>
                <span class="cite">{i.report}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function ContradictionsView(props: { version: number }) {
  const t = useT();
  const cs = useApi<ContradictionRow[]>("/api/contradictions", props.version);
  if (cs.error) return <p class="error">{cs.error.message}</p>;
  if (!cs.data) return <p class="muted">{t.loading}</p>;
  if (!cs.data.length) return <p class="empty">{t.noContradictions}</p>;
  const side = (c: ClaimRow) => (
    <div class="side">
      <div class="side-head">
        <StatusBadge status={c.status} />
        <SourceLabel source={c.source} />
      </div>
      <p class="side-text">{c.text}</p>
      <a class="cite" href={`#/claims?claim=${encodeURIComponent(c.id)}`}>
        {c.reportSource ?? c.report} · {fmtTime(c.published)}
      </a>
    </div>
  );
  return (
    <div class="contradictions" data-testid="contradictions">
      {cs.data.map((x, i) => (
        <article key={i} class="pair">
          <p class="reason">
            <strong>{t.because}:</strong> {x.reason}
          </p>
          <div class="sides">
            {side(x.a)}
            <div class="vs">≠</div>
            {side(x.b)}
          </div>
        </article>
      ))}
    </div>
  );
}

export function AddView(props: { allowFetch: boolean; onToken: () => void }) {
  const t = useT();
  const [text, setText] = useState("");
  const [html, setHtml] = useState<string | undefined>();
  const [fileName, setFileName] = useState<string | undefined>();
  const [url, setUrl] = useState("");
  const [meta, setMeta] = useState({ title: "", source: "", published: "", language: "" });
  const [token, setTok] = useState(getToken());
  const [tokenState, setTokenState] = useState<"ok" | "bad" | undefined>();
  const [busy, setBusy] = useState(false);
  // A chosen file is read asynchronously: nothing is sent until its text is in hand.
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; msg: string; report?: string }>();

  useEffect(() => {
    if (!token) return setTokenState(undefined);
    getJson<{ write: boolean }>("/api/session").then((s) => setTokenState(s.write ? "ok" : "bad"), () => setTokenState("bad"));
  }, [token]);

  const onFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setReading(true);
    let body: string;
    try {
      body = await file.text();
    } catch (err) {
      setResult({ ok: false, msg: String(err) });
      return;
    } finally {
      setReading(false);
    }
    setFileName(file.name);
    if (/\.x?html?$/i.test(file.name)) {
      setHtml(body);
      setText("");
    } else {
      setHtml(undefined);
      setText(body);
    }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setResult(undefined);
    try {
      const body: Record<string, string> = {};
      if (url.trim()) body.url = url.trim();
      else if (html !== undefined) body.html = html;
      else body.text = text;
      if (fileName) body.filename = fileName;
      for (const [k, v] of Object.entries(meta)) if (v.trim()) body[k] = v.trim();
      const r = await postReport(body);
      const msg = r.status === "unchanged" ? t.unchanged(r.report) : r.status === "updated" ? t.updated(r.report, r.claims) : t.added(r.report, r.claims);
      setResult({ ok: true, msg, report: r.report });
      if (r.status !== "unchanged") {
        setText("");
        setHtml(undefined);
        setFileName(undefined);
        setUrl("");
      }
    } catch (err) {
      setResult({ ok: false, msg: err instanceof ApiError ? `${err.status}: ${err.message}` : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const field = (k: keyof typeof meta, label: string, placeholder = "") => (
    <label class="field">
      <span>{label}</span>
      <input value={meta[k]} placeholder={placeholder} data-testid={`meta-${k}`} onInput={(e) => setMeta({ ...meta, [k]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <form class="add" onSubmit={submit} data-testid="add-form">
      <div class="add-main">
        <label class="field">
          <span>{t.pasteLabel}</span>
          <textarea rows={16} value={html !== undefined ? `[${fileName}]` : text} disabled={html !== undefined} placeholder={t.pastePlaceholder} data-testid="report-input" onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </label>
        <div class="row">
          <label class="field file">
            <span>{t.upload}</span>
            <input type="file" accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html" data-testid="report-file" onChange={onFile} />
          </label>
          {props.allowFetch && (
            <label class="field">
              <span>{t.urlLabel}</span>
              <input type="url" value={url} placeholder="https://…" data-testid="report-url" onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
            </label>
          )}
        </div>
      </div>
      <div class="add-side">
        {field("title", t.title)}
        {field("source", t.outlet)}
        {field("published", t.publishedAt, "2024-03-01T09:00:00+01:00")}
        <label class="field">
          <span>{t.language}</span>
          <select value={meta.language} onChange={(e) => setMeta({ ...meta, language: (e.target as HTMLSelectElement).value })}>
            <option value="">{t.detect}</option>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>
        <label class="field">
          <span>{t.token}</span>
          <input
            type="password"
            autocomplete="off"
            value={token}
            data-testid="token"
            onInput={(e) => {
              const v = (e.target as HTMLInputElement).value.trim();
              setTok(v);
              setToken(v);
              props.onToken();
            }}
          />
          <small class="help">
            {tokenState === "ok" ? <span class="ok">✓ {t.tokenOk}</span> : tokenState === "bad" ? <span class="bad">✗ {t.tokenBad}</span> : t.tokenHelp}
          </small>
        </label>
        <button type="submit" class="primary" disabled={busy || reading || (!text.trim() && html === undefined && !url.trim())} data-testid="submit">
          {busy ? t.sending : t.submit}
        </button>
        {result && (
          <p class={result.ok ? "result ok" : "result bad"} data-testid="add-result">
            {result.msg}{" "}
            {result.report && (
              <a href={`#/claims?report=${encodeURIComponent(result.report)}`} data-testid="added-link">
                {t.claims} →
              </a>
            )}
          </p>
        )}
      </div>
    </form>
  );
}
