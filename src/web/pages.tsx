// Pages for things: the list of reports, one report with every span marked, and one actor or place with
// what they say, what is claimed about them and where, across reports. Every id in an address is the stable
// id of the export, so a link made last week still opens the same report, claim or entity.
import { useState } from "preact/hooks";
import type { Anchor, ClaimRow, Correction, EntityRow, Page, ReportDetail, ReportSummary } from "../server/port.js";
import { qs, useApi } from "./api.js";
import { useT } from "./i18n.js";
import { ReportMeta, paragraphs, pieces } from "./report.js";
import { SourceLabel, StatusBadge, fmtTime, go } from "./ui.js";
import { CorrectForm, CorrectionTrail, EntityCorrect } from "./correct.js";

const PAGE = 100;

export function ReportsView(props: { q?: string; page?: string; version: number }) {
  const t = useT();
  const page = Math.max(1, Number(props.page) || 1);
  const [text, setText] = useState(props.q ?? "");
  const r = useApi<Page<ReportSummary>>(`/api/reports${qs({ q: props.q, limit: PAGE, offset: (page - 1) * PAGE })}`, props.version);
  const total = r.data?.total ?? 0;
  const to = (p: number, q = props.q) => go(`#/reports${qs({ q, page: p > 1 ? p : undefined })}`);
  return (
    <section class="reports-view" data-testid="reports">
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          to(1, text || undefined);
        }}
      >
        <input type="search" class="search" placeholder={t.searchReports} value={text} data-testid="reports-search" onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <p class="count">{r.data ? t.reports(total) : t.loading}</p>
      </form>
      {r.error && <p class="error">{r.error.message}</p>}
      {r.data && (
        <div class="table-wrap">
          <table class="claims reports">
            <thead>
              <tr>
                <th>{t.title}</th>
                <th>{t.outlet}</th>
                <th>{t.publishedCol}</th>
                <th>{t.language}</th>
                <th>{t.claims}</th>
              </tr>
            </thead>
            <tbody>
              {r.data.items.map((x) => (
                <tr key={x.id} data-report={x.id}>
                  <td>
                    <a href={`#/report/${encodeURIComponent(x.id)}`}>{x.title ?? t.untitled}</a> <span class="rid muted">{x.id}</span>
                  </td>
                  <td>{x.source ?? <span class="muted">{t.noOutlet}</span>}</td>
                  <td class="c-time">{fmtTime(x.published)}</td>
                  <td>{x.language.toUpperCase()}</td>
                  <td class="num">
                    <a href={`#/claims?report=${encodeURIComponent(x.id)}`}>{x.claims}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE && (
        <nav class="pager">
          <button disabled={page <= 1} onClick={() => to(page - 1)}>
            ← {t.prev}
          </button>
          <span class="rows">{t.rows((page - 1) * PAGE + 1, Math.min(total, page * PAGE), total)}</span>
          <button disabled={page * PAGE >= total} onClick={() => to(page + 1)}>
            {t.next} →
          </button>
        </nav>
      )}
    </section>
  );
}

/** A report with every claim marked by its status and every named entity linked; a cited span outlined. */
export function ReportPage(props: { id: string; start?: number; end?: number; v?: number; version: number }) {
  const t = useT();
  const r = useApi<ReportDetail>(`/api/reports/${encodeURIComponent(props.id)}`, props.version);
  // A span cited by offsets in a given version: found again by its words in the current one, or said to be gone.
  const cited = props.start !== undefined && props.end !== undefined;
  const a = useApi<Anchor>(cited && props.v ? `/api/reports/${encodeURIComponent(props.id)}/anchor${qs({ v: props.v, start: props.start, end: props.end })}` : null, props.version);
  if (r.error) return <p class="error">{r.error.status === 404 ? t.notFound : r.error.message}</p>;
  if (!r.data || (cited && props.v && !a.data && !a.error)) return <p class="muted">{t.loading}</p>;
  const d = r.data;
  const span = a.data ? (a.data.state === "stale" ? undefined : a.data) : cited ? { start: props.start!, end: props.end! } : undefined;
  const marks = [
    ...d.claims.map((c) => ({ start: c.start, end: c.end, cls: `mk-claim st-${c.status}` })),
    ...(d.claims.flatMap((c) => (c.cue ? [{ start: c.cue.start, end: c.cue.end, cls: "mk-cue" }] : [])) as { start: number; end: number; cls: string }[]),
    ...d.mentions.map((m) => ({ start: m.start, end: m.end, cls: "mk-ent" })),
    ...(span ? [{ start: span.start, end: span.end, cls: "hl-claim" }] : []),
  ];
  // Which claim and entity a piece of text belongs to (the narrowest claim when they nest).
  const claimAt = (s: number) => {
    let best: ClaimRow | undefined;
    for (const c of d.claims) if (c.start <= s && s < c.end && (!best || c.end - c.start < best.end - best.start)) best = c;
    return best;
  };
  const entityAt = (s: number) => d.mentions.find((m) => m.start <= s && s < m.end && m.entity)?.entity;
  const paras = paragraphs(d.text);
  return (
    <article class="report-page" data-testid="report-page">
      <header class="report-head">
        <h1 data-testid="report-title">{d.title ?? t.untitled}</h1>
        <ReportMeta d={d} />
        {d.retracted && <p class="badge retracted" data-testid="retracted">{t.retracted}</p>}
        {a.data?.state === "moved" && (
          <p class="note cite-moved" data-testid="cite-moved">
            {t.citeMoved(a.data.cited, a.data.version)}
          </p>
        )}
        {a.data?.state === "stale" && (
          <p class="note cite-stale" data-testid="cite-stale">
            {t.citeStale(a.data.cited, a.data.version)} <q>{a.data.text}</q>
          </p>
        )}
        <p class="muted">{t.allSpans}</p>
      </header>
      <div class="report-text" data-testid="report-text">
        {paras.map((p) => {
          let off = p.start;
          return (
            <p key={p.start}>
              {pieces(
                p.text,
                marks.map((m) => ({ ...m, start: Math.max(0, m.start - p.start), end: Math.min(p.text.length, m.end - p.start) })).filter((m) => m.start < m.end),
              ).map((x, i) => {
                const s = off;
                off += x.text.length;
                if (!x.cls) return x.text;
                const c = x.cls.includes("mk-claim") ? claimAt(s) : undefined;
                const e = x.cls.includes("mk-ent") ? entityAt(s) : undefined;
                if (e)
                  return (
                    <a key={i} class={x.cls} href={`#/entity/${encodeURIComponent(e)}`} data-claim={c?.id}>
                      {x.text}
                    </a>
                  );
                if (c)
                  return (
                    <a key={i} class={x.cls} href={`#/claims?claim=${encodeURIComponent(c.id)}`} data-claim={c.id} title={t.statuses[c.status]}>
                      {x.text}
                    </a>
                  );
                return (
                  <span key={i} class={x.cls}>
                    {x.text}
                  </span>
                );
              })}
            </p>
          );
        })}
      </div>
      <h2>
        {t.claimsIn} ({d.claims.length})
      </h2>
      <ClaimList items={d.claims} />
      <CorrectionTrail items={d.corrections ?? []} />
      {!d.retracted && <CorrectForm report={d.id} />}
    </article>
  );
}

function ClaimList(props: { items: ClaimRow[]; showReport?: boolean }) {
  return (
    <ul class="claim-list" data-testid="claim-list">
      {props.items.map((c) => (
        <li key={c.id} data-claim={c.id}>
          <StatusBadge status={c.status} /> <a href={`#/claims?claim=${encodeURIComponent(c.id)}`}>{c.text}</a> <span class="sep">—</span> <SourceLabel source={c.source} />
          {props.showReport && (
            <span class="muted">
              {" "}
              · <a href={`#/report/${encodeURIComponent(c.report)}`}>{c.reportSource ?? c.report}</a> {fmtTime(c.published)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function ClaimSection(props: { title: string; query: Record<string, string>; version: number; testid: string }) {
  const t = useT();
  const r = useApi<Page<ClaimRow>>(`/api/claims${qs({ ...props.query, limit: 200 })}`, props.version);
  return (
    <section class="entity-claims" data-testid={props.testid}>
      <h2>
        {props.title} ({r.data?.total ?? "…"})
      </h2>
      {r.data && <ClaimList items={r.data.items} showReport />}
      {r.data && r.data.total > r.data.items.length && (
        <p>
          <a href={`#/claims${qs(props.query)}`}>{t.more(r.data.total - r.data.items.length)} →</a>
        </p>
      )}
    </section>
  );
}

/** An actor (what they say, what is claimed about them) or a place (what is claimed there), across reports. */
export function EntityPage(props: { id: string; version: number }) {
  const t = useT();
  const e = useApi<EntityRow>(`/api/entities/${encodeURIComponent(props.id)}`, props.version);
  const trail = useApi<Correction[]>("/api/corrections", props.version);
  if (e.error) return <p class="error">{e.error.status === 404 ? t.notFound : e.error.message}</p>;
  if (!e.data) return <p class="muted">{t.loading}</p>;
  const x = e.data;
  const place = x.type === "location" || x.type === "facility";
  return (
    <article class="entity-page" data-testid="entity-page" data-type={x.type}>
      <header>
        <h1 data-testid="entity-name">{x.name}</h1>
        <p class="meta">
          {t.entityKinds[x.type] ?? x.type} · {t.mentions}: {x.mentions} · {t.inReports(x.reports)} · {t.claimsCount(x.claims)}
          {x.geo && (
            <span>
              {" "}
              · {x.geo.lat.toFixed(3)}, {x.geo.lon.toFixed(3)} {x.geo.country} · <a href={`#/map?focus=${encodeURIComponent(x.id)}`}>{t.showOnMap}</a>
            </span>
          )}
        </p>
        {x.aliases.length > 0 && (
          <p class="meta">
            {t.aliases}: {x.aliases.join(" · ")}
          </p>
        )}
      </header>
      <EntityCorrect entity={x} asked={props.id} trail={trail.data ?? []} />
      {place ? (
        <ClaimSection title={t.atPlace} query={{ place: x.id }} version={props.version} testid="claims-at" />
      ) : (
        <>
          <ClaimSection title={t.says} query={{ source: x.id }} version={props.version} testid="claims-by" />
          <ClaimSection title={t.about} query={{ about: x.id }} version={props.version} testid="claims-about" />
        </>
      )}
    </article>
  );
}
