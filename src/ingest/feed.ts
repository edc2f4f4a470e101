// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: one report per item/entry. Hostile XML is refused before
// parsing: any entity declaration (the billion-laughs and external-entity attacks both need one) ends
// the read, and the parser never fetches anything.
import type { Lang } from "../model/doc.js";
import { ReadFailure } from "./bytes.js";
import { anyDateToIso, languageCode, otherLanguageCode } from "./dates.js";
import { fragmentToText, plainToText } from "./htmltext.js";
import { lazyModule } from "./lazy.js";

const fxp = lazyModule<typeof import("fast-xml-parser")>("fast-xml-parser");

export interface FeedItem {
  text?: string;
  title?: string;
  url?: string;
  published?: string;
  language?: Lang;
  /** A stated language sitrep has no lexicons for (de, fr …). */
  otherLanguage?: string;
  description?: string;
  id: string;
  error?: string;
}

export interface Feed {
  kind: "rss" | "atom";
  source?: string;
  language?: Lang;
  otherLanguage?: string;
  items: FeedItem[];
}

type Obj = Record<string, unknown>;

let parserMade: InstanceType<typeof import("fast-xml-parser").XMLParser> | undefined;
const parser = () => (parserMade ??= new (fxp().XMLParser)({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
}));

/** Looks like a feed: an RSS, RDF or Atom root element near the start. */
export function looksLikeFeed(head: string): boolean {
  return /<(?:rss|feed|rdf:RDF)[\s>]/.test(head.slice(0, 4096));
}

export function readFeed(xml: string): Feed {
  if (/<!ENTITY/i.test(xml)) {
    throw new ReadFailure("XML declares entities (<!ENTITY …>); refused, as entity expansion is a known attack (billion laughs, external entities)");
  }
  let root: Obj;
  try {
    root = parser().parse(xml) as Obj;
  } catch (e) {
    // the validator words the problem for a person (line and what is wrong); the parser's own message
    // can be an internal one ("readTagExp returned undefined")
    const v = fxp().XMLValidator.validate(xml);
    if (v !== true) throw new ReadFailure(`malformed XML on line ${v.err.line}: ${v.err.msg}`);
    throw new ReadFailure(`malformed XML (${String((e as Error)?.message ?? e).split("\n")[0]!.replace(/\bundefined\b/g, "nothing")})`);
  }
  const rss = obj(root.rss);
  const rdf = obj(root["rdf:RDF"]);
  const atom = obj(root.feed);
  if (rss || rdf) return readRss(rss ? obj(rss.channel) ?? {} : obj(rdf!.channel) ?? {}, rss ? arr(obj(rss.channel)?.item) : arr(rdf!.item));
  if (atom) return readAtom(atom);
  const v = fxp().XMLValidator.validate(xml);
  if (v !== true) throw new ReadFailure(`malformed XML on line ${v.err.line}: ${v.err.msg}`);
  throw new ReadFailure("is XML but not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root element)");
}

function obj(v: unknown): Obj | undefined {
  if (Array.isArray(v)) v = v[0];
  return v && typeof v === "object" ? (v as Obj) : undefined;
}

function arr(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** Text of an element: a string, or an object with #text (attributes present). */
function text(v: unknown): string | undefined {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object") return text((v as Obj)["#text"]);
  return undefined;
}

function oneLine(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, " ").trim();
  return t || undefined;
}

function lang(v: unknown): Lang | undefined {
  return languageCode(text(v)).lang;
}

function other(v: unknown): string | undefined {
  return otherLanguageCode(text(v));
}

function readRss(channel: Obj, items: unknown[]): Feed {
  const source = oneLine(text(channel.title));
  const language = lang(channel.language) ?? lang(channel["dc:language"]);
  const otherLanguage = language ? undefined : other(channel.language) ?? other(channel["dc:language"]);
  const out: FeedItem[] = [];
  items.forEach((raw, i) => {
    const id = `item ${i + 1}`;
    try {
      out.push(rssItem(obj(raw) ?? {}, id));
    } catch (e) {
      out.push({ id, error: (e as Error).message });
    }
  });
  return { kind: "rss", source, language, otherLanguage, items: out };
}

function rssItem(it: Obj, id: string): FeedItem {
  const title = oneLine(fragmentIfHtml(text(it.title)));
  const html = text(it["content:encoded"]) ?? text(it.description);
  const summary = text(it.description);
  const link = text(arr(it.link)[0]);
  const guid = obj(it.guid);
  const guidText = text(it.guid);
  const permalink = guidText && (guid?.["@_isPermaLink"] ?? "true") !== "false" && /^https?:\/\//.test(guidText) ? guidText : undefined;
  const dateRaw = text(it.pubDate) ?? text(it["dc:date"]);
  const item: FeedItem = {
    id,
    title,
    url: link ?? permalink,
    published: anyDateToIso(dateRaw),
    language: lang(it["dc:language"]),
    otherLanguage: other(it["dc:language"]),
    description: html !== summary && summary ? fragmentToText(summary) : undefined,
  };
  const body = html ? fragmentToText(html) : "";
  if (body.trim()) item.text = body;
  else item.error = "has no description or content";
  return item;
}

function fragmentIfHtml(s: string | undefined): string | undefined {
  return s && /<[a-z!/]/i.test(s) ? fragmentToText(s) : s;
}

/** Atom text constructs: type="text" (plain), "html" (escaped HTML), "xhtml" (inline XHTML elements). */
function atomText(v: unknown): string | undefined {
  const o = Array.isArray(v) ? v[0] : v;
  if (o === undefined || o === null) return undefined;
  if (typeof o === "string") return o.trim() ? o.trim() : undefined;
  const type = String((o as Obj)["@_type"] ?? "text").toLowerCase();
  if (type === "xhtml" || type.endsWith("xml")) return flattenXhtml(o).replace(/\n{3,}/g, "\n\n").trim() || undefined;
  const t = text(o);
  if (!t) return undefined;
  return type === "html" || type === "text/html" ? fragmentToText(t) : plainToText(t);
}

const XHTML_BLOCK = /^(?:[\w-]+:)?(?:p|div|h[1-6]|li|blockquote|section|article|tr|br|ul|ol|pre|table)$/i;

function flattenXhtml(v: unknown, depth = 0): string {
  if (depth > 64) return "";
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map((x) => flattenXhtml(x, depth + 1)).join(" ");
  if (!v || typeof v !== "object") return "";
  let out = "";
  for (const [k, x] of Object.entries(v as Obj)) {
    if (k.startsWith("@_")) continue;
    const block = XHTML_BLOCK.test(k);
    for (const part of Array.isArray(x) ? x : [x]) {
      const inner = flattenXhtml(part, depth + 1).replace(/[ \t]+/g, " ").trim();
      out += block ? `\n\n${inner}\n\n` : ` ${inner} `;
    }
  }
  return out.replace(/[ \t]*\n[ \t]*/g, "\n");
}

function atomLink(links: unknown): string | undefined {
  const all = arr(links).map(obj).filter((x): x is Obj => !!x);
  const alt = all.find((l) => (l["@_rel"] ?? "alternate") === "alternate") ?? all[0];
  const href = alt ? String(alt["@_href"] ?? "") : text(links);
  return href && /^https?:\/\//.test(href) ? href : undefined;
}

function readAtom(feed: Obj): Feed {
  const source = oneLine(atomText(feed.title));
  const language = languageCode(feed["@_xml:lang"]).lang;
  const otherLanguage = otherLanguageCode(feed["@_xml:lang"]);
  const out: FeedItem[] = [];
  arr(feed.entry).forEach((raw, i) => {
    const id = `entry ${i + 1}`;
    try {
      out.push(atomEntry(obj(raw) ?? {}, id));
    } catch (e) {
      out.push({ id, error: (e as Error).message });
    }
  });
  return { kind: "atom", source, language, otherLanguage, items: out };
}

function atomEntry(e: Obj, id: string): FeedItem {
  const content = atomText(e.content);
  const summary = atomText(e.summary);
  const body = content ?? summary ?? "";
  const item: FeedItem = {
    id,
    title: oneLine(atomText(e.title)),
    url: atomLink(e.link) ?? (/^https?:\/\//.test(text(e.id) ?? "") ? text(e.id) : undefined),
    published: anyDateToIso(text(e.published)) ?? anyDateToIso(text(e.updated)),
    language: languageCode(e["@_xml:lang"] ?? obj(e.content)?.["@_xml:lang"]).lang,
    otherLanguage: otherLanguageCode(e["@_xml:lang"] ?? obj(e.content)?.["@_xml:lang"]),
    description: content && summary ? summary : undefined,
  };
  if (body.trim()) item.text = body;
  else item.error = "has no content or summary";
  return item;
}
