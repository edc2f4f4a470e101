// Markdown markup → plain text for .md reports, so "**Kyiv**" and "[zegt](https://…)" reach the
// pipeline as words. Line-based and linear: no pattern here can backtrack on hostile input.

const HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const CLOSING_HASHES = /(?<![ \t])[ \t]+#+[ \t]*$/;
const RULE = /^ {0,3}(?:[-*_=][ \t]*){3,}$/;
const QUOTE = /^ {0,3}(?:>[ \t]?)+/;
const BULLET = /^[ \t]*[-*+][ \t]+/;
const REF_DEF = /^ {0,3}\[[^[\]\n]{1,200}\]:[ \t]*\S/;
const FENCE = /^ {0,3}(?:```|~~~)/;
const IMAGE = /!\[[^[\]\n]{0,300}\]\([^()\s]{0,1000}\)/g;
const LINK = /\[([^[\]\n]{0,300})\]\([^()\s]{0,1000}\)/g;
const REF_LINK = /\[([^[\]\n]{1,300})\]\[[^[\]\n]{0,100}\]/g;
const STRONG = /\*\*|__/g;
const EM_OPEN = /(^|[\s(„“"'])\*(?=\S)/g;
const EM_CLOSE = /(?<=\S)\*(?=[\s.,;:!?)”"']|$)/g;
const CODE = /`+/g;

export function markdownToText(md: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const raw of md.split(/\r?\n/)) {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    if (RULE.test(raw) || REF_DEF.test(raw)) {
      // A setext underline or a rule is a paragraph break, not text.
      out.push("");
      continue;
    }
    let line = raw.replace(QUOTE, "");
    if (HEADING.test(line)) {
      line = line.replace(HEADING, "").replace(CLOSING_HASHES, "");
      // A heading is a paragraph of its own.
      out.push("", line, "");
      continue;
    }
    line = line
      .replace(BULLET, "")
      .replace(IMAGE, "")
      .replace(LINK, "$1")
      .replace(REF_LINK, "$1")
      .replace(STRONG, "")
      .replace(EM_OPEN, "$1")
      .replace(EM_CLOSE, "")
      .replace(CODE, "");
    out.push(line);
  }
  return stripComments(out.join("\n")).replace(/\n{3,}/g, "\n\n");
}

function stripComments(s: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const open = s.indexOf("<!--", at);
    if (open < 0) break;
    const close = s.indexOf("-->", open + 4);
    if (close < 0) break;
    out += s.slice(at, open);
    at = close + 3;
  }
  return out + s.slice(at);
}
