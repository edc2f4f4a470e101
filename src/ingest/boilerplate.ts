// Site furniture that survives article extraction: link lists and related headlines after the last
// paragraph, "Continue reading…" and "The post … appeared first on …" lines of feeds, and text that is
// CSS or a list of class names (a page's markup leaking into its text). Judged per paragraph by shape
// (link density, identifiers) and, for the phrases, by each language's lexicon.
import { langPack } from "../lang/index.js";
import { LANGS } from "../model/doc.js";
import type { Block } from "./htmltext.js";

/** A phrase paragraph longer than this is report text, whatever it starts with. */
const MAX_PHRASE_PARAGRAPH = 400;

let furniture: RegExp | undefined;

/** One pattern over every language's furniture phrases ("{}" stands for a title or a site name). */
function furniturePattern(): RegExp {
  if (!furniture) {
    const alts: string[] = [];
    for (const l of LANGS) {
      for (const p of langPack(l).segment.furniture) {
        alts.push(
          p
            .split("{}")
            .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
            .join("[^\\n]{1,300}?"),
        );
      }
    }
    // the phrase, then at most a short tail (an ellipsis, an arrow, a link's title)
    furniture = new RegExp(`^(?:${alts.join("|")})[^\\n]{0,120}$`, "iu");
  }
  return furniture;
}

/** "Continue reading…", "Read more: …", "The post X appeared first on Y." */
export function isFurniturePhrase(text: string): boolean {
  return text.length <= MAX_PHRASE_PARAGRAPH && furniturePattern().test(text.trim());
}

const IDENT = /^[a-z_][\w-]*$/;
const SEPARATED = /[-_\d]|\p{Ll}\p{Lu}/u;

/**
 * Class names and ids as text: "css-1dbjc4n r-18u37iz", "js-share ad-slot__inner", "sc-bdVaJa kLmNoP".
 * Every word starts in lower case (a capitalised "Covid-19" or "F-16" is a name) and carries a hyphen,
 * an underscore, a digit or a capital inside; one word alone only with two separators ("js-share-bar").
 */
export function isClassNameText(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (!words.length || words.length > 40) return false;
  if (words.length === 1 && (words[0]!.match(/[-_]/g)?.length ?? 0) < 2) return false;
  for (const w of words) if (!IDENT.test(w) || !SEPARATED.test(w)) return false;
  return true;
}

/** Style rules as text: ".story__body{margin:0}", "@media (max-width:600px){…}". */
export function isCssText(text: string): boolean {
  if (!text.includes("{") || !text.includes("}")) return false;
  let inBraces = 0;
  let depth = 0;
  let colons = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (depth > 0) {
      inBraces++;
      if (c === ":") colons++;
    }
  }
  return colons > 0 && inBraces >= text.length * 0.4;
}

/** Mostly link text: a headline list, a "Related:" line, a share bar. */
function linkDense(b: Block): boolean {
  return b.chars > 0 && b.linkChars >= b.chars * 0.6;
}

/** Short and without a sentence's end: a heading over a list ("Related stories", "More on this"). */
function headingLike(b: Block): boolean {
  return b.heading || (b.text.length <= 60 && !/[.!?]["”’)]?$/.test(b.text));
}

/**
 * Drops markup-as-text anywhere, then furniture after the last paragraph of the report: link lists and
 * their heading, "Read more" and "Continue reading" lines, "The post … appeared first on …". A link
 * inside running text is kept: only paragraphs that are mostly links go.
 */
export function cleanBlocks(blocks: Block[]): Block[] {
  // boxes the page marks as furniture go when they are a small part of the text (a wrapper whose class
  // happens to say "sidebar" but holds the article is not furniture)
  let all = 0;
  let chrome = 0;
  for (const b of blocks) {
    all += b.text.length;
    if (b.chrome) chrome += b.text.length;
  }
  const dropChrome = chrome > 0 && chrome < all * 0.3;
  const out = blocks.filter((b) => !(dropChrome && b.chrome) && !isCssText(b.text) && !isClassNameText(b.text));
  // nothing but links (a menu, a list of headlines) is no report at all
  if (out.every((b) => linkDense(b) || isFurniturePhrase(b.text))) return [];
  let droppedLinks = false;
  while (out.length > 1) {
    const last = out[out.length - 1]!;
    if (linkDense(last) || isFurniturePhrase(last.text)) {
      droppedLinks = true;
      out.pop();
    } else if (droppedLinks && headingLike(last)) {
      droppedLinks = false;
      out.pop();
    } else break;
  }
  if (out.length) {
    const last = out[out.length - 1]!;
    const text = cutFurnitureTail(last.text);
    if (text !== last.text) out[out.length - 1] = { ...last, text };
  }
  return out;
}

/** The last sentence(s) of a paragraph when they are furniture: "… was evacuated. Continue reading..." */
export function cutFurnitureTail(text: string): string {
  const from = Math.max(0, text.length - MAX_PHRASE_PARAGRAPH);
  const ends = /[.!?…]["”’)]?\s+/gu;
  ends.lastIndex = from;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    const rest = text.slice(m.index + m[0].length);
    if (isFurniturePhrase(rest)) return text.slice(0, m.index + m[0].length).trimEnd();
  }
  return text;
}

/** Plain paragraphs (a feed item without markup, a JSON-LD articleBody) through the same filter. */
export function cleanParagraphs(paras: string[]): string[] {
  return cleanBlocks(paras.map((text) => ({ text, chars: text.length, linkChars: 0, heading: false }))).map((b) => b.text);
}
