// A DOM subtree → report text: one paragraph per block element, paragraphs separated by a blank line,
// runs of white space inside a paragraph collapsed. Iterative, so a page nested 100 000 levels deep
// cannot overflow the stack.
import { parseHTML } from "linkedom";

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
  "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
  "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "br",
]);
/** Never text a reader sees as part of the report. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
  "button", "select", "textarea", "input", "head", "title", "meta", "link", "figcaption", "picture", "img",
]);
const CELL = new Set(["td", "th"]);

const BREAK = 0;
const SPACE = 1;
type Item = DomNode | typeof BREAK | typeof SPACE;

const WS = /[ \t\n\r\f\v]+/g;

export function htmlToParagraphs(root: DomNode): string[] {
  const paras: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (!cur.length) return;
    const p = cur.join("").replace(WS, " ").trim();
    if (p) paras.push(p);
    cur = [];
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
    const type = item.nodeType;
    if (type === 3) {
      cur.push(item.textContent ?? "");
      continue;
    }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    const tag = item.nodeName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (item.getAttribute && (item.getAttribute("hidden") !== null || item.getAttribute("aria-hidden") === "true")) continue;
    const kids = item.childNodes;
    if (BLOCK.has(tag)) {
      flush();
      stack.push(BREAK);
    } else if (CELL.has(tag)) stack.push(SPACE);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return paras;
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

/** An HTML fragment (a feed item's description, a content:encoded block) → paragraphs joined by blank lines. */
export function fragmentToText(html: string): string {
  if (!/[<&]/.test(html)) return plainToText(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: DomNode & { body: DomNode | null } };
  return htmlToParagraphs(document.body ?? document).join("\n\n");
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
