// An HTML news page → the article body (via Readability: navigation, ads, footers and the like dropped)
// and its metadata from <meta> tags and JSON-LD.
import type { Lang } from "../model/doc.js";
import { cleanBlocks, cleanParagraphs } from "./boilerplate.js";
import { ReadFailure } from "./bytes.js";
import { anyDateToIso, languageCode } from "./dates.js";
import { parsePage } from "./dom.js";
import { lazyModule } from "./lazy.js";

const readability = lazyModule<typeof import("@mozilla/readability")>("@mozilla/readability");
import { flatten, htmlToBlocks, markupPieces, MAX_MARKUP_PIECES, nestingDepth, MAX_PARSE_DEPTH, type Block, type DomNode } from "./htmltext.js";

export interface HtmlReport extends Omit<PageMeta, "articleBody"> {
  text: string;
  /** How the body was found: Readability, the JSON-LD articleBody, or the page text minus its chrome. */
  via: "readability" | "json-ld" | "page";
  /** The language code the page states when it is not one sitrep reads (de, fr …). */
  languageCode?: string;
}

interface El extends DomNode {
  tagName: string;
  parentNode: El | null;
  remove(): void;
  querySelectorAll(sel: string): ArrayLike<El>;
  querySelector(sel: string): El | null;
  getAttribute(name: string): string | null;
}
interface Document extends El {
  documentElement: El | null;
  body: El | null;
  head: El | null;
}

/**
 * Readability's scoring walks each paragraph's ancestors and recurses over the tree, so its cost grows
 * with nesting depth and element count; beyond these bounds (far above any real article page, a 1.6 MB
 * page has some 30 000 elements) the plain-page reading takes over, which is linear.
 */
const MAX_ELEMENTS = 150_000;
const MAX_DEPTH = 300;

const ARTICLE_TYPES = new Set([
  "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "backgroundnewsarticle", "opinionnewsarticle",
  "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting", "report", "webpage",
]);

/** Page furniture that is never part of the report (for the plain-page reading; Readability judges its own). */
const CHROME_SELECTOR = [
  "script:not([type='application/ld+json'])", "style", "noscript", "template", "iframe", "nav", "aside", "footer", "form",
  "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[role=search]", "[aria-hidden=true]",
].join(",");
/** class/id words that mark ads, consent banners, share bars, newsletters, recommendations. */
const CHROME_WORDS = new Set([
  "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "adblock", "banner", "sponsor",
  "sponsored", "promo", "promoted", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "paywall",
  "share", "sharing", "social", "related", "recommended", "outbrain", "taboola", "comments", "breadcrumb",
  "breadcrumbs", "menu", "navbar", "sidebar", "footer", "masthead", "popup", "modal", "byline", "author", "authors",
]);
const KEEP = new Set(["html", "body", "main", "article"]);

function isChrome(el: El): boolean {
  if (!el.getAttribute) return false;
  const tag = el.tagName.toLowerCase();
  if (KEEP.has(tag)) return false;
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  if (!names.trim()) return false;
  for (const w of names.toLowerCase().split(/[^a-z0-9]+/)) if (CHROME_WORDS.has(w)) return true;
  return false;
}

/** Text length under every element, computed bottom-up in one pass (no textContent per element). */
function textLengths(root: DomNode): Map<DomNode, number> {
  const len = new Map<DomNode, number>();
  const order: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) if (kids[i]!.nodeType === 1) stack.push(kids[i]!);
  }
  // pre-order, children pushed last-first: `order` is document order; sizes are filled bottom-up
  for (const n of order) len.set(n, 0);
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    let total = 0;
    const kids = n.childNodes;
    for (let k = 0; k < kids.length; k++) {
      const c = kids[k]!;
      total += c.nodeType === 3 ? (c.textContent ?? "").trim().length : c.nodeType === 1 ? (len.get(c) ?? 0) : 0;
    }
    len.set(n, total);
  }
  return len;
}

/**
 * Chrome out of the page for the plain reading. A wrapper whose class happens to name a chrome word
 * ("layout--with-sidebar", "has-ads") but holds most of the page's text is the page, not chrome.
 */
function stripChrome(document: Document): void {
  for (const el of Array.from(document.querySelectorAll(CHROME_SELECTOR))) el.remove();
  const body = document.body;
  if (!body) return;
  const len = textLengths(body);
  const total = len.get(body) ?? 0;
  for (const el of Array.from(body.querySelectorAll("[class],[id]"))) {
    // An element already detached with an ancestor has no parent chain to the body; removing it is harmless.
    if (isChrome(el) && (len.get(el) ?? 0) < total * 0.3) el.remove();
  }
}

const CHROME_MARK = "data-sitrep-chrome";

/**
 * Marks (not removes) the small boxes the page calls furniture, and everything inside them: removing
 * them changes which container Readability picks, and Readability replaces a box holding one paragraph
 * by that paragraph, so the mark goes on every element inside for the serializer to find.
 */
function markChrome(document: Document): void {
  const body = document.body;
  if (!body) return;
  const len = textLengths(body);
  const total = len.get(body) ?? 0;
  // the elements in document order (ancestors first), from the walk textLengths made
  for (const node of len.keys()) {
    const el = node as El;
    if (el === body || !isChrome(el) || el.getAttribute(CHROME_MARK) !== null || (len.get(el) ?? 0) >= total * 0.3) continue;
    const stack: DomNode[] = [el];
    while (stack.length) {
      const n = stack.pop()! as El & { setAttribute(n: string, v: string): void };
      n.setAttribute(CHROME_MARK, "");
      const kids = n.childNodes;
      for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) stack.push(kids[i]!);
    }
  }
}

/** Node count and nesting depth within Readability's comfortable range? Iterative: no stack to overflow. */
function fitsReadability(document: Document): boolean {
  const stack: [DomNode, number][] = [[document, 0]];
  let elements = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH || ++elements > MAX_ELEMENTS) return false;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      if (kids[i]!.nodeType === 1) stack.push([kids[i]!, depth + 1]);
      else if (++elements > MAX_ELEMENTS) return false;
    }
  }
  return true;
}

function parse(html: string): Document {
  try {
    return parsePage<Document>(html);
  } catch (e) {
    throw new ReadFailure(`malformed HTML that could not be parsed (${oneLine((e as Error)?.message ?? String(e))})`);
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim().slice(0, 200);
}

export function readHtml(html: string): HtmlReport {
  // Tree building costs grow with nesting depth (every start tag checks the open elements); a page nested
  // that deep is broken or hostile, and is read flat instead.
  const pieces = markupPieces(html);
  if (pieces > MAX_MARKUP_PIECES) {
    throw new ReadFailure(`HTML too complex: ${pieces} tags and character references (the limit is ${MAX_MARKUP_PIECES.toLocaleString("en")})`);
  }
  const flat = nestingDepth(html) > MAX_PARSE_DEPTH;
  const document = parse(flat ? flatten(html) : html);
  const meta = pageMeta(document);

  let blocks: Block[] = [];
  let via: HtmlReport["via"] = "readability";
  let mutated = false;
  if (!flat && fitsReadability(document)) {
    mutated = true;
    try {
      markChrome(document);
      const article = new (readability().Readability)<Block[]>(document as never, {
        serializer: (node) => htmlToBlocks(node as unknown as DomNode, (el) => el.getAttribute?.(CHROME_MARK) != null),
      }).parse();
      blocks = article?.content ?? [];
      // Readability's title heuristics (JSON-LD name against headline, <title> minus the site's name) beat
      // taking the first field that is there
      if (article?.title?.trim()) meta.title = article.title.replace(/\s+/g, " ").trim();
      if (!meta.source && article?.siteName) meta.source = article.siteName.trim();
      const its = anyDateToIso(article?.publishedTime ?? undefined);
      if (its && (meta.publishedRank ?? Infinity) > 1) meta.published = its;
    } catch {
      // Readability gave up on this page; the readings below still apply
      blocks = [];
    }
  }
  let paras = cleanBlocks(blocks).map((b) => b.text);
  if (!paras.join("").trim() && meta.articleBody) {
    paras = cleanParagraphs(meta.articleBody.split(/\r?\n/).map((p) => p.trim()).filter(Boolean));
    via = "json-ld";
  }
  if (!paras.join("").trim()) {
    // Readability changes the document it reads; the plain reading needs the page as it was.
    const page = mutated ? parse(flat ? flatten(html) : html) : document;
    stripChrome(page);
    paras = cleanBlocks(htmlToBlocks(page.body ?? page)).map((b) => b.text);
    via = "page";
  }
  // The headline is metadata (as in front matter), not the body's first line.
  const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  if (meta.title && paras.length > 1 && norm(paras[0]!) === norm(meta.title)) paras.shift();
  const text = paras.join("\n\n");
  if (!text.trim()) throw new ReadFailure("no article text found in the HTML page");
  return {
    text,
    title: meta.title,
    source: meta.source,
    url: meta.url,
    published: meta.published,
    language: meta.language,
    languageCode: meta.languageCode,
    description: meta.description,
    via,
  };
}

interface PageMeta {
  languageCode?: string;
  /** Which candidate gave `published`: 0 JSON-LD datePublished, 1 a published-time <meta>, higher weaker. */
  publishedRank?: number;
  title?: string;
  source?: string;
  url?: string;
  published?: string;
  language?: Lang;
  description?: string;
  articleBody?: string;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string" && v.trim()) return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === "string") return str(v);
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === "object") return str((v as Record<string, unknown>).name);
  return undefined;
}

function httpUrl(v: unknown): string | undefined {
  const s = typeof v === "object" && v !== null ? str((v as Record<string, unknown>)["@id"]) : str(v);
  return s && /^https?:\/\/\S+$/i.test(s) ? s : undefined;
}

function ldObjects(document: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  for (const s of Array.from(document.querySelectorAll("script[type='application/ld+json']"))) {
    try {
      visit(JSON.parse(s.textContent ?? ""), 0);
    } catch {
      // Broken JSON-LD is common; the <meta> tags still count.
    }
  }
  return out;
}

function isArticle(o: Record<string, unknown>): boolean {
  const t = o["@type"];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === "string" && ARTICLE_TYPES.has(x.toLowerCase()));
}

function pageMeta(document: Document): PageMeta {
  const metas = new Map<string, string>();
  for (const m of Array.from(document.querySelectorAll("meta"))) {
    const key = (m.getAttribute("property") ?? m.getAttribute("name") ?? m.getAttribute("itemprop") ?? m.getAttribute("http-equiv"))?.trim().toLowerCase();
    const content = m.getAttribute("content")?.trim();
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const allObjects = ldObjects(document);
  const ld = allObjects.filter(isArticle);
  // A NewsArticle beats a generic WebPage description of the same page.
  ld.sort((a, b) => Number(String(a["@type"]).toLowerCase() === "webpage") - Number(String(b["@type"]).toLowerCase() === "webpage"));
  const art = ld[0] ?? {};
  const first = (...keys: string[]) => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return undefined;
  };

  const title = str(art.headline) ?? first("og:title", "twitter:title", "dc.title") ?? titleTag(document, first("og:site_name"));
  const source = nameOf(art.publisher) ?? first("og:site_name", "application-name", "publisher", "dc.publisher") ?? nameOf(art.sourceOrganization);
  const canonical = document.querySelector("link[rel=canonical]")?.getAttribute("href");
  const url = httpUrl(art.url) ?? httpUrl(art.mainEntityOfPage) ?? httpUrl(first("og:url")) ?? httpUrl(canonical);
  // Publication time: the page's own statement of when it was published, before when it was created or
  // last changed, and any of these before the file's time (which toDoc falls back to).
  const allLd = [...ld, ...allObjects.filter((o) => !isArticle(o))];
  const ldDate = (key: string) => {
    for (const o of allLd) {
      const v = anyDateToIso(str(o[key]));
      if (v) return v;
    }
    return undefined;
  };
  const firstDate = (...keys: string[]) => {
    for (const k of keys) {
      const v = anyDateToIso(metas.get(k));
      if (v) return v;
    }
    return undefined;
  };
  const attr = (sel: string, name: string) => document.querySelector(sel)?.getAttribute(name) ?? undefined;
  let published: string | undefined;
  let publishedRank: number | undefined;
  for (const [rank, cand] of [
    () => ldDate("datePublished"),
    () => firstDate("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
      "publish-date", "publish_date", "published_time", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
      "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime"),
    () => attr("time[pubdate][datetime]", "datetime") ?? attr("[itemprop=datePublished][datetime]", "datetime") ??
      attr("[itemprop=datePublished][content]", "content"),
    () => attr("article time[datetime]", "datetime") ?? attr("main time[datetime]", "datetime") ?? attr("time[datetime]", "datetime"),
    () => ldDate("dateCreated") ?? firstDate("dcterms.created"),
    () => ldDate("dateModified") ?? firstDate("article:modified_time", "og:updated_time", "dcterms.modified", "last-modified"),
  ].entries()) {
    // Dates the page states in a form that is not ISO 8601 or RFC 822 are ignored, not guessed at.
    const v = cand();
    published = v ? anyDateToIso(v) : undefined;
    publishedRank = rank;
    if (published) break;
  }
  let language: Lang | undefined;
  let languageCodeOf: string | undefined;
  for (const cand of [
    typeof art.inLanguage === "object" ? nameOf(art.inLanguage) ?? str((art.inLanguage as Record<string, unknown>)?.alternateName) : str(art.inLanguage),
    first("content-language", "og:locale", "dc.language"),
    document.documentElement?.getAttribute("lang") ?? undefined,
    document.documentElement?.getAttribute("xml:lang") ?? undefined,
  ]) {
    const code = languageCode(cand);
    if (code.code) {
      // The first language the page states decides; one sitrep does not read is checked by detection.
      language = code.lang;
      if (!code.lang) languageCodeOf = code.code;
      break;
    }
  }
  const description = first("og:description", "description", "twitter:description") ?? str(art.description);
  const articleBody = str(art.articleBody);
  return { title, source, url, published, publishedRank, language, languageCode: languageCodeOf, description, articleBody };
}

/** <title> minus a trailing " | Site" / " - Site" when the site is known. */
function titleTag(document: Document, site: string | undefined): string | undefined {
  const t = document.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim();
  if (!t) return undefined;
  if (site) {
    for (const sep of [" | ", " - ", " – ", " — ", " :: "]) {
      if (t.endsWith(sep + site)) return t.slice(0, -(sep + site).length).trim();
    }
  }
  return t;
}
