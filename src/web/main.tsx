// The page: a header with the views and the live state, and the view the address names (#/brief,
// #/claims?…, #/report/ID, #/timeline, #/map, #/contradictions, #/add).
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import "./styles.css";
import { followEvents, getJson, takeTokenFromHash, type LedgerEvent } from "./api.js";
import { DICTS, LangContext, initialLang, type UiLang } from "./i18n.js";
import { MapView } from "./map.js";
import { EntityPage, ReportPage, ReportsView } from "./pages.js";
import { AddView, BriefView, CLAIM_FILTER_KEYS, ClaimsView, ContradictionsView, TimelineView, type ClaimFilters } from "./views.js";

interface Route {
  view: string;
  params: URLSearchParams;
  id?: string;
}

function parseHash(): Route {
  const h = location.hash.replace(/^#\/?/, "");
  const [path = "", query = ""] = h.split("?", 2);
  const parts = path.split("/").filter(Boolean);
  return { view: parts[0] || "brief", id: parts[1] ? decodeURIComponent(parts[1]) : undefined, params: new URLSearchParams(query) };
}

interface Session {
  readNeedsToken: boolean;
  allowFetch: boolean;
  version: number;
}

function App() {
  const [lang, setLang] = useState<UiLang>(initialLang());
  const [route, setRoute] = useState<Route>(parseHash());
  const [version, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  const [session, setSession] = useState<Session>();
  const [toast, setToast] = useState<LedgerEvent>();
  const [reports, setReports] = useState<number>();
  const t = DICTS[lang];

  useEffect(() => {
    const on = () => {
      setRoute(parseHash());
      setToast(undefined);
    };
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem("sitrep.lang", lang);
  }, [lang]);
  const refreshSession = () => getJson<Session>("/api/session").then(setSession, () => undefined);
  useEffect(() => {
    void refreshSession();
    return followEvents(
      (e) => {
        setVersion(e.version);
        if (e.status !== "unchanged" && e.type === "report") setToast(e);
      },
      (ok, v) => {
        setConnected(ok);
        if (ok && v !== undefined) setVersion(v);
      },
    );
  }, []);
  useEffect(() => {
    getJson<{ total: number }>("/api/reports?limit=1").then((r) => setReports(r.total), () => undefined);
  }, [version]);
  useEffect(() => {
    if (!toast) return;
    const h = setTimeout(() => setToast(undefined), 6000);
    return () => clearTimeout(h);
  }, [toast]);

  const tabs: [string, string][] = [
    ["brief", t.brief],
    ["claims", t.claims],
    ["reports", t.reportsTab],
    ["timeline", t.timeline],
    ["map", t.map],
    ["contradictions", t.contradictions],
    ["add", t.add],
  ];
  const p = route.params;
  const filters: ClaimFilters = {};
  for (const k of CLAIM_FILTER_KEYS) {
    const v = p.get(k);
    if (v) filters[k] = v;
  }
  let body;
  switch (route.view) {
    case "claims":
      body = <ClaimsView filters={filters} version={version} />;
      break;
    case "report":
      body = route.id ? (
        <ReportPage
          id={route.id}
          start={p.has("start") ? Number(p.get("start")) : undefined}
          end={p.has("end") ? Number(p.get("end")) : undefined}
          v={p.has("v") ? Number(p.get("v")) || undefined : undefined}
          version={version}
        />
      ) : null;
      break;
    case "reports":
      body = <ReportsView q={p.get("q") ?? undefined} page={p.get("page") ?? undefined} version={version} />;
      break;
    case "entity":
      body = route.id ? <EntityPage id={route.id} version={version} /> : null;
      break;
    case "timeline":
      body = <TimelineView version={version} />;
      break;
    case "map":
      body = <MapView version={version} focus={p.get("focus") ?? undefined} />;
      break;
    case "contradictions":
      body = <ContradictionsView version={version} />;
      break;
    case "add":
      body = <AddView allowFetch={!!session?.allowFetch} onToken={() => void refreshSession()} />;
      break;
    default:
      body = <BriefView lang={lang} version={version} />;
  }
  const current = route.view === "report" ? "reports" : route.view === "entity" ? "claims" : route.view;
  return (
    <LangContext.Provider value={lang}>
      <header class="top">
        <a class="brand" href="#/">
          <span class="mark" aria-hidden="true" />
          sitrep
        </a>
        <nav>
          {tabs.map(([k, label]) => (
            <a key={k} href={`#/${k}`} class={current === k ? "on" : ""} data-testid={`tab-${k}`}>
              {label}
            </a>
          ))}
        </nav>
        <div class="status">
          {reports !== undefined && <span class="muted">{t.reports(reports)}</span>}
          <span class={`live ${connected ? "on" : "off"}`} data-testid="live" title={connected ? t.live : t.offline}>
            {connected ? t.live : t.offline}
          </span>
          <span class="langs" role="group" aria-label="language">
            {(["nl", "en"] as const).map((l) => (
              <button key={l} class={lang === l ? "on" : ""} aria-pressed={lang === l} data-testid={`lang-${l}`} onClick={() => setLang(l)}>
                {l.toUpperCase()}
              </button>
            ))}
          </span>
        </div>
      </header>
      {session?.readNeedsToken && !localStorage.getItem("sitrep.token") && route.view !== "add" && <p class="notice">{t.needToken}</p>}
      <main class={`view-${route.view}`}>{body}</main>
      {toast && (
        <div class="toast" role="status" data-testid="toast" onClick={() => setToast(undefined)}>
          <a href={`#/claims?report=${encodeURIComponent(toast.report)}`}>{t.newReport(toast.title ?? toast.report)}</a>
        </div>
      )}
    </LangContext.Provider>
  );
}

takeTokenFromHash();
render(<App />, document.getElementById("app")!);
