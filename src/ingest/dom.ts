// HTML → a linkedom document, built by parse5. linkedom's own parser (htmlparser2) does not follow the
// HTML standard's tree construction: it drops a page's text after some stray end tags, leaves no <html>
// or <body> for others (Readability then throws), keeps misnested formatting and table content where no
// browser puts it. parse5 implements the standard's algorithm (jsdom uses it, and so Readability's own
// expectations), and building linkedom nodes from it keeps linkedom's fast DOM for Readability.
import type { DefaultTreeAdapterMap, TreeAdapter, Token } from "parse5";
import { lazyModule } from "./lazy.js";

const parse5 = lazyModule<typeof import("parse5")>("parse5");
const linkedom = lazyModule<typeof import("linkedom")>("linkedom");

/** The slice of linkedom's node API the builder uses. */
interface LNode {
  nodeType: number;
  nodeName: string;
  parentNode: LNode | null;
  firstChild: LNode | null;
  lastChild: LNode | null;
  previousSibling: LNode | null;
  childNodes: ArrayLike<LNode>;
  appendChild(n: LNode): LNode;
  insertBefore(n: LNode, ref: LNode | null): LNode;
  removeChild(n: LNode): LNode;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  data?: string;
  tagName?: string;
  content?: LNode;
}
interface LDocument extends LNode {
  documentElement: LNode | null;
  createElement(name: string): LNode;
  createElementNS(ns: string, name: string): LNode;
  createTextNode(s: string): LNode;
  createComment(s: string): LNode;
  createDocumentFragment(): LNode;
}

const NS_HTML = "http://www.w3.org/1999/xhtml";
// what parse5 needs to remember about an element that linkedom does not keep
const NAMESPACE = Symbol("ns");
const ATTRS = Symbol("attrs");
type Tagged = LNode & { [NAMESPACE]?: string; [ATTRS]?: Token.Attribute[] };

/** Attribute names a DOM refuses (`<p "x"=1>`, `<a b<c>`) are dropped, as they carry no report text. */
function setAttrs(el: LNode, attrs: Token.Attribute[]): void {
  for (const a of attrs) {
    try {
      el.setAttribute(a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value);
    } catch {
      // an invalid attribute name
    }
  }
}

function adapter(doc: LDocument): TreeAdapter<DefaultTreeAdapterMap> {
  const a = {
    createDocument: () => doc,
    createDocumentFragment: () => doc.createDocumentFragment(),
    createElement(tagName: string, namespaceURI: string, attrs: Token.Attribute[]) {
      let el: Tagged;
      try {
        el = (namespaceURI === NS_HTML ? doc.createElement(tagName) : doc.createElementNS(namespaceURI, tagName)) as Tagged;
      } catch {
        el = doc.createElement("span") as Tagged;
      }
      if (namespaceURI !== NS_HTML) el[NAMESPACE] = namespaceURI;
      if (attrs.length) {
        // kept for the tree builder, which compares and copies the attributes of formatting elements
        el[ATTRS] = attrs;
        setAttrs(el, attrs);
      }
      return el;
    },
    createCommentNode: (data: string) => doc.createComment(data),
    createTextNode: (value: string) => doc.createTextNode(value),
    appendChild: (parent: LNode, node: LNode) => void parent.appendChild(node),
    insertBefore: (parent: LNode, node: LNode, ref: LNode) => void parent.insertBefore(node, ref),
    setTemplateContent(template: LNode, content: LNode) {
      (template as Tagged & { _content?: LNode })._content = content;
    },
    getTemplateContent: (template: LNode) => (template as Tagged & { _content?: LNode })._content ?? template,
    setDocumentType() {
      // the doctype carries no text
    },
    setDocumentMode() {},
    getDocumentMode: () => "no-quirks",
    detachNode(node: LNode) {
      node.parentNode?.removeChild(node);
    },
    insertText(parent: LNode, text: string) {
      const last = parent.lastChild;
      if (last && last.nodeType === 3) last.data += text;
      else parent.appendChild(doc.createTextNode(text));
    },
    insertTextBefore(parent: LNode, text: string, ref: LNode) {
      const prev = ref.previousSibling;
      if (prev && prev.nodeType === 3) prev.data += text;
      else parent.insertBefore(doc.createTextNode(text), ref);
    },
    adoptAttributes(recipient: Tagged, attrs: Token.Attribute[]) {
      const have = recipient[ATTRS] ?? [];
      const names = new Set(have.map((x) => x.name));
      const add = attrs.filter((x) => !names.has(x.name));
      recipient[ATTRS] = [...have, ...add];
      setAttrs(recipient, add);
    },
    getFirstChild: (node: LNode) => node.firstChild,
    getChildNodes: (node: LNode) => Array.from(node.childNodes),
    getParentNode: (node: LNode) => node.parentNode,
    getAttrList: (el: Tagged) => el[ATTRS] ?? [],
    getTagName: (el: LNode) => (el.tagName ?? el.nodeName).toLowerCase(),
    getNamespaceURI: (el: Tagged) => el[NAMESPACE] ?? NS_HTML,
    getTextNodeContent: (n: LNode) => n.data ?? "",
    getCommentNodeContent: (n: LNode) => n.data ?? "",
    getDocumentTypeNodeName: () => "html",
    getDocumentTypeNodePublicId: () => "",
    getDocumentTypeNodeSystemId: () => "",
    isTextNode: (n: LNode) => n.nodeType === 3,
    isCommentNode: (n: LNode) => n.nodeType === 8,
    isDocumentTypeNode: (n: LNode) => n.nodeType === 10,
    isElementNode: (n: LNode) => n.nodeType === 1,
    setNodeSourceCodeLocation() {},
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation() {},
  };
  return a as unknown as TreeAdapter<DefaultTreeAdapterMap>;
}

function emptyDocument(): LDocument {
  const { document } = linkedom().parseHTML("<!doctype html><html></html>") as unknown as { document: LDocument };
  const root = document.documentElement;
  if (root) document.removeChild(root);
  return document;
}

/**
 * A whole page as a browser with scripting off would build it (as jsdom does for Readability's tests):
 * always with <html>, <head> and <body>, <noscript> content parsed as markup.
 */
export function parsePage<T>(html: string): T {
  const doc = emptyDocument();
  parse5().parse(html, { treeAdapter: adapter(doc), scriptingEnabled: false });
  return doc as unknown as T;
}

/** An HTML fragment (a feed item's content) inside the <body> of a new page. */
export function parseBodyFragment<T>(html: string): T {
  const doc = emptyDocument();
  const ad = adapter(doc);
  const htmlEl = ad.createElement("html", NS_HTML as never, []) as unknown as LNode;
  const head = ad.createElement("head", NS_HTML as never, []) as unknown as LNode;
  const body = ad.createElement("body", NS_HTML as never, []) as unknown as LNode;
  htmlEl.appendChild(head);
  htmlEl.appendChild(body);
  doc.appendChild(htmlEl);
  const frag = parse5().parseFragment(body as never, html, { treeAdapter: ad, scriptingEnabled: false }) as unknown as LNode;
  body.appendChild(frag);
  return doc as unknown as T;
}
