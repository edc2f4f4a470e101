// A report with the spans of one claim marked: the claim itself, its cue and the place where the source is
// named. The text is cut into plain string pieces that Preact renders as text nodes: no markup that a
// report contains can ever become an element of the page.
import { useEffect, useRef } from "preact/hooks";
import type { ClaimRow, ReportDetail } from "../server/port.js";
import { useApi } from "./api.js";
import { useT } from "./i18n.js";
import { StatusBadge, SourceLabel, fmtTime } from "./ui.js";
import { CorrectForm, CorrectionTrail } from "./correct.js";

interface Mark {
  start: number;
  end: number;
  cls: string;
}

/** Cuts the text at every mark boundary; each piece carries the classes of the marks that cover it. */
export function pieces(text: string, marks: Mark[]): { text: string; cls: string }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    if (m.start >= 0 && m.end <= text.length && m.start < m.end) {
      cuts.add(m.start);
      cuts.add(m.end);
    }
  }
  const at = [...cuts].sort((a, b) => a - b);
  const out: { text: string; cls: string }[] = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const s = at[i]!;
    const e = at[i + 1]!;
    const cls = marks.filter((m) => m.start <= s && m.end >= e).map((m) => m.cls).join(" ");
    out.push({ text: text.slice(s, e), cls });
  }
  return out;
}

/** A report's paragraphs with where each begins, so marks given as offsets in the whole text can be shifted into them. */
export function paragraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let at = 0;
  for (const p of text.split(/\n/)) {
    if (p.trim()) out.push({ start: at, text: p });
    at += p.length + 1;
  }
  return out;
}

/** Outlet, time, language, id and address of a report, as the panel and the report's page show them. */
export function ReportMeta({ d }: { d: ReportDetail }) {
  const t = useT();
  return (
    <>
      <p class="meta">
        {d.source && <span>{d.source} · </span>}
        <span>
          {t.published} {fmtTime(d.published)}
        </span>
        <span> · {d.language.toUpperCase()}</span>
        <span class="rid"> · {d.id}</span>
      </p>
      {d.url && (
        <p class="meta url">
          <a href={d.url} target="_blank" rel="noopener noreferrer nofollow">
            {d.url}
          </a>
        </p>
      )}
    </>
  );
}

export function ReportPanel(props: { id: string; claim?: string; span?: { start: number; end: number }; version: number; onClose?: () => void }) {
  const t = useT();
  const r = useApi<ReportDetail>(`/api/reports/${encodeURIComponent(props.id)}`, props.version);
  const box = useRef<HTMLDivElement>(null);
  const claim: ClaimRow | undefined = r.data?.claims.find((c) => c.id === props.claim);
  const marks: Mark[] = [];
  if (claim) {
    marks.push({ start: claim.start, end: claim.end, cls: "hl-claim" });
    if (claim.cue) marks.push({ start: claim.cue.start, end: claim.cue.end, cls: "hl-cue" });
    if (claim.source?.span) marks.push({ start: claim.source.span.start, end: claim.source.span.end, cls: "hl-source" });
  } else if (props.span) marks.push({ start: props.span.start, end: props.span.end, cls: "hl-claim" });

  useEffect(() => {
    const el = box.current?.querySelector(".hl-claim");
    if (el) el.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
  }, [r.data, props.claim, props.span?.start]);

  if (!r.data) return <aside class="panel report-panel">{r.error ? <p class="error">{r.error.message}</p> : <p class="muted">{t.loading}</p>}</aside>;
  const d = r.data;
  // Paragraphs keep their breaks; each is cut into pieces separately with the marks shifted into it.
  const paras = paragraphs(d.text);
  return (
    <aside class="panel report-panel" data-testid="report-panel">
      <header class="report-head">
        <div>
          <h2 data-testid="report-title">{d.title ?? t.untitled}</h2>
          <ReportMeta d={d} />
        </div>
        {props.onClose && (
          <button class="icon" title={t.close} aria-label={t.close} onClick={props.onClose}>
            ×
          </button>
        )}
      </header>
      {claim && (
        <div class="claim-summary">
          <StatusBadge status={claim.status} />
          <SourceLabel source={claim.source} />
          {claim.extracted && (
            <span class="muted small" data-testid="extracted">
              ({t.extractedAs} {t.statuses[claim.extracted.status]}
              {claim.extracted.source?.name !== claim.source?.name ? ` · ${claim.extracted.source?.name ?? t.reportItself}` : ""})
            </span>
          )}
          {claim.retracted && <span class="badge retracted">{t.retracted}</span>}
          <span class="legend">
            {t.legend} <span class="hl-claim">{t.span}</span> <span class="hl-cue">{t.cue}</span> <span class="hl-source">{t.sourceSpan}</span>
          </span>
        </div>
      )}
      {claim && (
        <div class="panel-correct">
          <CorrectionTrail items={(d.corrections ?? []).filter((c) => c.target === claim.id || c.target === d.id)} />
          <CorrectForm key={claim.id} claim={claim} />
        </div>
      )}
      <div class="report-text" ref={box} data-testid="report-text">
        {paras.map((p) => (
          <p key={p.start}>
            {pieces(
              p.text,
              marks.map((m) => ({ ...m, start: Math.max(0, m.start - p.start), end: Math.min(p.text.length, m.end - p.start) })).filter((m) => m.start < m.end),
            ).map((x, i) => (x.cls ? <span key={i} class={x.cls}>{x.text}</span> : x.text))}
          </p>
        ))}
      </div>
    </aside>
  );
}
