// Talking to the server: JSON reads with the token when there is one, the write of a report, and the live
// event stream (read with fetch rather than EventSource so the token can go in a header).
import { useEffect, useState } from "preact/hooks";

const TOKEN_KEY = "sitrep.token";

export function getToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? "";
}

export function setToken(t: string): void {
  if (t) localStorage.setItem(TOKEN_KEY, t);
  else localStorage.removeItem(TOKEN_KEY);
}

/** `sitrep serve` prints a link with #token=…: take it, keep it, and drop it from the address bar. */
export function takeTokenFromHash(): void {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return;
  setToken(decodeURIComponent(m[1]!));
  history.replaceState(null, "", location.pathname + "#/");
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const t = getToken();
  return t ? { ...extra, authorization: `Bearer ${t}` } : extra;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function asError(res: Response): Promise<ApiError> {
  try {
    const j = (await res.json()) as { error?: { message?: string } };
    return new ApiError(res.status, j.error?.message ?? res.statusText);
  } catch {
    return new ApiError(res.status, res.statusText);
  }
}

/** Answers public/prefetch.js asked for before this code ran, each taken once. */
function early(path: string): Promise<Response> | undefined {
  const got = (globalThis as { __sitrepEarly?: Record<string, Promise<Response>> }).__sitrepEarly;
  const p = got?.[path];
  if (p) delete got[path];
  return p;
}

export async function getJson<T>(path: string): Promise<T> {
  const ask = () => fetch(path, { headers: headers({ accept: "application/json" }) });
  const res = await (early(path)?.catch(ask) ?? ask());
  if (!res.ok) throw await asError(res);
  return (await res.json()) as T;
}

export async function postReport(body: Record<string, string>): Promise<{ status: string; report: string; claims: number; title?: string }> {
  const res = await fetch("/api/reports", { method: "POST", headers: headers({ "content-type": "application/json" }), body: JSON.stringify(body) });
  if (!res.ok) throw await asError(res);
  return res.json();
}

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
}

/** Fetches `path` again whenever it or the ledger version changes; keeps the old data while reloading. */
export function useApi<T>(path: string | null, version: number): Loaded<T> {
  // The answer remembers its question: in the render where the question changes, before the effect below
  // has run, an old answer must not be shown as the new one (page 2's rows numbered as page 3's).
  const [state, setState] = useState<Loaded<T> & { for?: string | null }>({ loading: true });
  useEffect(() => {
    if (!path) return;
    let live = true;
    // A new question clears the old answer; a new ledger version keeps it on screen until the update lands.
    setState((s) => (s.for === path ? { ...s, loading: true } : { loading: true, for: path }));
    getJson<T>(path).then(
      (data) => live && setState({ data, loading: false, for: path }),
      (error: ApiError) => live && setState((s) => ({ data: s.for === path ? s.data : undefined, error, loading: false, for: path })),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  if (state.for !== path) return { loading: true };
  return state;
}

export interface LedgerEvent {
  type: string;
  status: string;
  report: string;
  title?: string;
  version: number;
}

/** Follows /api/events until stopped; reconnects after a pause when the stream breaks. */
export function followEvents(onEvent: (e: LedgerEvent) => void, onState: (connected: boolean, version?: number) => void): () => void {
  let stopped = false;
  let ctrl: AbortController | undefined;
  const run = async () => {
    while (!stopped) {
      ctrl = new AbortController();
      try {
        const res = await fetch("/api/events", { headers: headers({ accept: "text/event-stream" }), signal: ctrl.signal });
        if (!res.ok || !res.body) throw new Error(String(res.status));
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i: number;
          while ((i = buf.indexOf("\n\n")) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            let event = "message";
            let data = "";
            for (const line of block.split("\n")) {
              if (line.startsWith("event:")) event = line.slice(6).trim();
              else if (line.startsWith("data:")) data += line.slice(5).trim();
            }
            if (event === "hello") onState(true, (JSON.parse(data) as { version: number }).version);
            else if (event === "ledger") onEvent(JSON.parse(data) as LedgerEvent);
          }
        }
      } catch {
        /* reconnect below */
      }
      if (stopped) break;
      onState(false);
      await new Promise((r) => setTimeout(r, 3000));
    }
  };
  void run();
  return () => {
    stopped = true;
    ctrl?.abort();
  };
}

/** Query string from the set values of an object. */
export function qs(o: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export async function postCorrection(body: Record<string, unknown>): Promise<{ id: number }> {
  const res = await fetch("/api/corrections", { method: "POST", headers: headers({ "content-type": "application/json" }), body: JSON.stringify(body) });
  if (!res.ok) throw await asError(res);
  return res.json();
}
