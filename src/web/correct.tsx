// Corrections by an editor (with the write token): a claim's status or source, a report's retraction, and
// the undo of any of them. The page shows every correction with who, when and why; the extraction stays
// as it was and is shown beside the corrected value.
import { useState } from "preact/hooks";
import type { ClaimRow, Correction, EntityRow } from "../server/port.js";
import { ApiError, getJson, getToken, postCorrection, qs } from "./api.js";
import { useT } from "./i18n.js";
import { fmtTime } from "./ui.js";

const STATUSES = ["established", "confirmed", "claimed", "denied", "probable", "possible", "unknown"];
const WHO_KEY = "sitrep.editor";

function describe(c: Correction, t: ReturnType<typeof useT>): string {
  switch (c.action) {
    case "status":
      return `${t.corrStatus} → ${t.statuses[String(c.data?.status)] ?? String(c.data?.status)}`;
    case "source":
      return `${t.corrSource} → ${String(c.data?.source)}`;
    case "retract":
      return t.corrRetract;
    case "undo":
      return `${t.corrUndo} #${c.undoes}`;
    case "merge":
      return `${t.corrMerge} ${String(c.data?.into)} (${c.target})`;
    case "split":
      return `${t.corrSplit} ${String(c.data?.from)} (${c.target})`;
    default:
      return `${c.action} ${JSON.stringify(c.data)}`;
  }
}

export function CorrectionTrail(props: { items: Correction[] }) {
  const t = useT();
  const [err, setErr] = useState<string>();
  if (!props.items.length) return null;
  const who = localStorage.getItem(WHO_KEY) || "editor";
  const undo = async (c: Correction) => {
    const why = prompt(t.corrWhyUndo);
    if (!why) return;
    try {
      await postCorrection({ who, why, action: "undo", undoes: c.id });
      setErr(undefined);
    } catch (e) {
      setErr(e instanceof ApiError ? `${e.status}: ${e.message}` : String(e));
    }
  };
  return (
    <div class="trail" data-testid="correction-trail">
      <h3>{t.corrTrail}</h3>
      <ol>
        {props.items.map((c) => (
          <li key={c.id} class={c.undone ? "undone" : ""} data-correction={c.id} data-action={c.action}>
            <span class="what">
              #{c.id} {describe(c, t)}
            </span>{" "}
            <span class="muted">
              {fmtTime(c.at)} · {c.who} · “{c.why}”
            </span>
            {!c.undone && c.action !== "undo" && getToken() && (
              <button class="link" data-testid={`undo-${c.id}`} onClick={() => void undo(c)}>
                {t.corrUndo}
              </button>
            )}
          </li>
        ))}
      </ol>
      {err && <p class="error">{err}</p>}
    </div>
  );
}

/** The form that corrects one claim (status, source) or retracts one report. */
/** Sends an editor's correction; says which number it got, or why it failed. Remembers who sent it. */
async function sendCorrection(
  body: { who: string; why: string } & Record<string, unknown>,
  t: ReturnType<typeof useT>,
  setMsg: (m: { ok: boolean; text: string }) => void,
  done: () => void,
): Promise<void> {
  try {
    localStorage.setItem(WHO_KEY, body.who);
    const r = await postCorrection(body);
    setMsg({ ok: true, text: `${t.corrDone} #${r.id}` });
    done();
  } catch (e) {
    setMsg({ ok: false, text: e instanceof ApiError ? `${e.status}: ${e.message}` : String(e) });
  }
}

/** What the ledger answered to the last correction sent from a form. */
function SendResult(props: { msg: { ok: boolean; text: string } | undefined }) {
  const m = props.msg;
  return m ? (
    <p class={m.ok ? "result ok" : "result bad"} data-testid="corr-result">
      {m.text}
    </p>
  ) : null;
}

export function CorrectForm(props: { claim?: ClaimRow; report?: string }) {
  const t = useT();
  const [who, setWho] = useState(localStorage.getItem(WHO_KEY) ?? "");
  const [why, setWhy] = useState("");
  const [status, setStatus] = useState(props.claim?.status ?? "");
  const [source, setSource] = useState("");
  const [msg, setMsg] = useState<{ ok: boolean; text: string }>();
  if (!getToken()) return <p class="muted small">{t.corrNeedToken}</p>;
  const send = (body: Record<string, unknown>) => sendCorrection({ who, why, ...body }, t, setMsg, () => setWhy(""));
  const ready = who.trim() && why.trim();
  return (
    <form class="correct" data-testid="correct-form" onSubmit={(e) => e.preventDefault()}>
      <h3>{props.claim ? t.corrClaim : t.corrReport}</h3>
      <div class="row">
        <input placeholder={t.corrWho} value={who} data-testid="corr-who" onInput={(e) => setWho((e.target as HTMLInputElement).value)} />
        <input placeholder={t.corrWhy} value={why} data-testid="corr-why" onInput={(e) => setWhy((e.target as HTMLInputElement).value)} />
      </div>
      {props.claim && (
        <div class="row">
          <select value={status} data-testid="corr-status" onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
          <button type="button" disabled={!ready || status === props.claim.status} data-testid="corr-status-send" onClick={() => void send({ action: "status", target: props.claim!.id, data: { status } })}>
            {t.corrStatus}
          </button>
          <input placeholder={t.corrSourcePh} value={source} data-testid="corr-source" onInput={(e) => setSource((e.target as HTMLInputElement).value)} />
          <button type="button" disabled={!ready || !source.trim()} data-testid="corr-source-send" onClick={() => void send({ action: "source", target: props.claim!.id, data: { source } })}>
            {t.corrSource}
          </button>
        </div>
      )}
      {props.report && (
        <button type="button" class="danger" disabled={!ready} data-testid="corr-retract" onClick={() => void send({ action: "retract", target: props.report })}>
          {t.corrRetract}
        </button>
      )}
      <SendResult msg={msg} />
    </form>
  );
}

/**
 * The corrections of one entity: merge it into another (found by name), part an entity merged into it,
 * and the trail of both, with undo.
 */
export function EntityCorrect(props: { entity: EntityRow; asked: string; trail: Correction[] }) {
  const t = useT();
  const x = props.entity;
  const [who, setWho] = useState(localStorage.getItem(WHO_KEY) ?? "");
  const [why, setWhy] = useState("");
  const [q, setQ] = useState("");
  const [found, setFound] = useState<EntityRow[]>([]);
  const [msg, setMsg] = useState<{ ok: boolean; text: string }>();
  const ids = new Set([x.id, props.asked, ...(x.merged ?? [])]);
  const mine = props.trail.filter((c) => ids.has(c.target) || ids.has(String(c.data?.into)) || ids.has(String(c.data?.from)));
  const undoneIds = new Set(mine.map((c) => c.id));
  const trail = props.trail.filter((c) => undoneIds.has(c.id) || (c.action === "undo" && c.undoes !== null && undoneIds.has(c.undoes)));
  const send = (body: Record<string, unknown>) => sendCorrection({ who, why, ...body }, t, setMsg, () => setWhy(""));
  const search = async (s: string) => {
    setQ(s);
    if (s.trim().length < 2) return setFound([]);
    const rows = await getJson<EntityRow[]>(`/api/entities${qs({ q: s })}`).catch(() => [] as EntityRow[]);
    setFound(rows.filter((e) => e.id !== x.id).slice(0, 8));
  };
  const ready = who.trim() && why.trim();
  return (
    <section class="entity-correct">
      {props.asked !== x.id && <p class="muted" data-testid="merged-note">{t.corrLedHere(props.asked)}</p>}
      {x.merged?.length ? <p class="muted" data-testid="merged-from">{t.corrMergedFrom(x.merged.join(", "))}</p> : null}
      <CorrectionTrail items={trail} />
      {getToken() ? (
        <form class="correct" data-testid="entity-correct" onSubmit={(e) => e.preventDefault()}>
          <h3>{t.corrEntity}</h3>
          <div class="row">
            <input placeholder={t.corrWho} value={who} data-testid="corr-who" onInput={(e) => setWho((e.target as HTMLInputElement).value)} />
            <input placeholder={t.corrWhy} value={why} data-testid="corr-why" onInput={(e) => setWhy((e.target as HTMLInputElement).value)} />
          </div>
          <div class="row">
            <input placeholder={t.corrMergeFind} value={q} data-testid="corr-merge-q" onInput={(e) => void search((e.target as HTMLInputElement).value)} />
          </div>
          <ul class="merge-found">
            {found.map((e) => (
              <li key={e.id}>
                <button type="button" disabled={!ready} data-testid={`merge-into-${e.id}`} onClick={() => void send({ action: "merge", target: x.id, data: { into: e.id } })}>
                  {t.corrMerge} {e.name}
                </button>{" "}
                <span class="muted">
                  {e.type} · {e.id}
                </span>
              </li>
            ))}
          </ul>
          {(x.merged ?? []).map((m) => (
            <button type="button" key={m} disabled={!ready} data-testid={`split-${m}`} onClick={() => void send({ action: "split", target: m, data: { from: x.id } })}>
              {t.corrSplit}: {m}
            </button>
          ))}
          <SendResult msg={msg} />
        </form>
      ) : (
        <p class="muted small">{t.corrNeedToken}</p>
      )}
    </section>
  );
}
