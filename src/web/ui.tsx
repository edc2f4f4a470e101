// Small pieces shared by the views.
import type { ClaimSource } from "../server/port.js";
import { useT } from "./i18n.js";

export function StatusBadge(props: { status: string }) {
  const t = useT();
  return (
    <span class={`badge st-${props.status}`} data-status={props.status}>
      {t.statuses[props.status] ?? props.status}
    </span>
  );
}

export function SourceLabel(props: { source: ClaimSource | null }) {
  const t = useT();
  if (!props.source) return <span class="src src-self">{t.reportItself}</span>;
  return (
    <span class="src">
      <span class="src-name">{props.source.name}</span> <span class="kind">{t.kinds[props.source.kind] ?? props.source.kind}</span>
    </span>
  );
}

export function fmtTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  return m ? `${m[1]}${m[2] ? ` ${m[2]}` : ""}` : iso;
}

export function go(hash: string): void {
  location.hash = hash;
}
