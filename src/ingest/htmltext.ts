// A DOM subtree → report text: one paragraph per block element, paragraphs separated by a blank line,
// runs of white space inside a paragraph collapsed. Iterative, so a page nested 100 000 levels deep
// cannot overflow the stack.
import { cleanBlocks, cleanParagraphs } from "./boilerplate.js";
import { parseBodyFragment, parsePage } from "./dom.js";

/** The slice of the DOM this module needs (linkedom nodes satisfy it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
  "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "br",
]);
/** Never text a reader sees as part of the report. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
  "button", "select", "textarea", "input", "head", "title", "meta", "link", "picture", "img",
]);
const CELL = new Set(["td", "th"]);

const HEADING = /^h[1-6]$/;

/** One paragraph of a page with what the boilerplate filter needs to judge it. */
export interface Block {
  text: string;
  /** Characters of the paragraph's text (before white space is collapsed) inside links. */
  linkChars: number;
  chars: number;
  /** A heading (h1–h6) rather than running text. */
  heading: boolean;
  /** Inside an element the page marks as furniture by its class or id (an ad box, a newsletter form). */
  chrome?: boolean;
}

const BREAK = 0;
const SPACE = 1;
const LINK_END = 2;
const CHROME_END = 3;
type Item = DomNode | typeof BREAK | typeof SPACE | typeof LINK_END | typeof CHROME_END;

const WS = /[ \t\n\r\f\v]+/g;
const LOWER_END = /\p{Ll}$/u;
const UPPER_START = /^\p{Lu}/u;

export function htmlToParagraphs(root: DomNode): string[] {
  return htmlToBlocks(root).map((b) => b.text);
}

/** `isChrome` marks the blocks inside elements it accepts (see Block.chrome). */
export function htmlToBlocks(root: DomNode, isChrome?: (el: DomNode) => boolean): Block[] {
  const blocks: Block[] = [];
  let cur: string[] = [];
  let chars = 0;
  let linkChars = 0;
  let inLink = 0;
  let heading = false;
  let inChrome = 0;
  let chromeBlock = false;
  const flush = () => {
    if (cur.length) {
      const p = cur.join("").replace(WS, " ").trim();
      if (p) blocks.push(chromeBlock || inChrome ? { text: p, chars, linkChars, heading, chrome: true } : { text: p, chars, linkChars, heading });
    }
    chromeBlock = false;
    cur = [];
    chars = 0;
    linkChars = 0;
    heading = false;
  };
  const stack: Item[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (item === BREAK) {
      flush();
      continue;
    }
    if (item === SPACE) {
      cur.push(" ");
      continue;
    }
    if (item === LINK_END) {
      inLink--;
      continue;
    }
    if (item === CHROME_END) {
      // a block that began inside the furniture keeps the mark until it ends
      if (cur.length) chromeBlock = true;
      inChrome--;
      continue;
    }
    const type = item.nodeType;
    if (type === 3) {
      const t = item.textContent ?? "";
      // Two text nodes in a row are split by a tag. Where the case turns from lower to upper across it
      // ("<span>Credit</span><span>Kevin Frayer</span>") the page shows two words, styled apart; a drop
      // cap ("<span>T</span>he") turns from upper to lower and stays one word.
      if (cur.length && LOWER_END.test(cur[cur.length - 1]!) && UPPER_START.test(t)) cur.push(" ");
      cur.push(t);
      chars += t.length;
      if (inLink) linkChars += t.length;
      continue;
    }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    const tag = item.nodeName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (item.getAttribute && (item.getAttribute("hidden") !== null || item.getAttribute("aria-hidden") === "true")) continue;
    const kids = item.childNodes;
    if (isChrome && type === 1 && isChrome(item)) {
      inChrome++;
      stack.push(CHROME_END);
    }
    if (BLOCK.has(tag)) {
      flush();
      heading = HEADING.test(tag);
      stack.push(BREAK);
    } else if (CELL.has(tag)) stack.push(SPACE);
    else if (tag === "a") {
      inLink++;
      stack.push(LINK_END);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return blocks;
}

/** Net open tags beyond which the markup is read flat rather than parsed into a tree. */
export const MAX_PARSE_DEPTH = 2000;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "option"]);
// `[^<>]*` stops at the next "<", so a run of unterminated tags costs linear time, not quadratic.
const TAG = /<(\/?)([a-zA-Z][\w:-]{0,30})[^<>]*>/g;

/** How deep the markup nests at most, counting open and close tags (void and often-unclosed tags ignored). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || m[0].endsWith("/>")) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

const FLAT_BLOCK = /^(?:p|div|br|li|h[1-6]|tr|section|article|blockquote|ul|ol|table|pre|header|footer|main|hr|dd|dt)$/i;

/** Markup without its tree: block tags become paragraph marks, other tags vanish, script/style bodies go. */
export function flatten(html: string): string {
  let out = "";
  let at = 0;
  const lower = html.toLowerCase();
  for (;;) {
    const m = /<(script|style|noscript|template)\b/gi;
    m.lastIndex = at;
    const open = m.exec(html);
    if (!open) break;
    const close = lower.indexOf(`</${open[1]!.toLowerCase()}`, open.index);
    out += html.slice(at, open.index);
    if (close < 0) {
      at = html.length;
      break;
    }
    const end = html.indexOf(">", close);
    at = end < 0 ? html.length : end + 1;
  }
  out += html.slice(at);
  const body = out.replace(TAG, (t, _slash: string, name: string) => (FLAT_BLOCK.test(name) ? "<p>" : /^(?:title|meta)$/i.test(name) ? t : ""));
  return `<!doctype html><html><body>${body.replace(/(?:<p>\s*){2,}/g, "<p>")}</body></html>`;
}

/**
 * linkedom makes one DOM node per tag, entity and stray "<" at ~10 µs each: a 1 MB run of "&amp;" takes
 * seconds, 20 MB minutes. Real pages have a few ten thousand; beyond this the markup is refused.
 */
export const MAX_MARKUP_PIECES = 300_000;

/**
 * Number of "<" and "&" in the markup outside <script> and <style> bodies (raw text the parser keeps as
 * one node, however many comparisons a minified script holds): an upper bound on the nodes it builds.
 */
export function markupPieces(html: string): number {
  let n = 0;
  const lower = html.length > 6 ? html.toLowerCase() : html;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 38) n++;
    else if (c === 60) {
      n++;
      const raw = lower.startsWith("<script", i) ? "</script" : lower.startsWith("<style", i) ? "</style" : undefined;
      if (raw) {
        const close = lower.indexOf(raw, i + 1);
        if (close < 0) break;
        i = close;
        n++;
      }
    }
  }
  return n;
}

export class MarkupTooComplex extends Error {
  constructor(pieces: number) {
    super(`markup too complex: ${pieces} tags and character references (the limit is ${MAX_MARKUP_PIECES.toLocaleString("en")})`);
  }
}

/** Plain text → paragraphs (split at blank lines, white space inside each collapsed) joined by blank lines. */
export function plainToText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(WS, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/**
 * An HTML fragment (a feed item's description, a content:encoded block) → paragraphs joined by blank
 * lines, without the furniture feeds append ("Continue reading…", "The post … appeared first on …").
 */
export function fragmentToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanParagraphs(plainToText(html).split("\n\n")).join("\n\n");
  const pieces = markupPieces(html);
  if (pieces > MAX_MARKUP_PIECES) throw new MarkupTooComplex(pieces);
  const document =
    nestingDepth(html) > MAX_PARSE_DEPTH
      ? parsePage<DomNode & { body: DomNode | null }>(flatten(html))
      : parseBodyFragment<DomNode & { body: DomNode | null }>(html);
  return cleanBlocks(htmlToBlocks(document.body ?? document)).map((b) => b.text).join("\n\n");
}

/** Text whose line breaks mean something (a message, a jsonl body): only line ends and blank runs tidied. */
export function tidyText(s: string): string {
  return s
    .split(/\r\n?|\n/)
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
