// Front matter between `---` lines at the top of a .txt/.md report, read as YAML with the failsafe schema:
// every value stays a string exactly as written (2023-05-23T17:00:00+02:00 is not turned into a Date,
// `title: 1984` not into a number).
import { lazyModule } from "./lazy.js";

const yaml = lazyModule<typeof import("yaml")>("yaml");

export interface FrontMatter {
  fields: Record<string, string>;
  body: string;
  /** Number of lines the front matter (fences included) took, so body line numbers can be reported. */
  lines: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
const EMPTY_CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** Front matter beyond this is not front matter but a runaway fence. */
const MAX_HEAD = 64 * 1024;

export class FrontMatterError extends Error {}

export function splitFrontMatter(input: string): FrontMatter {
  const open = OPEN.exec(input);
  if (!open) return { fields: {}, body: input, lines: 0 };
  const start = open[0].length;
  let headEnd: number;
  let bodyStart: number;
  const empty = EMPTY_CLOSE.exec(input.slice(start, start + 8));
  if (empty) {
    headEnd = start;
    bodyStart = start + empty[0].length;
  } else {
    CLOSE.lastIndex = start - 1;
    const m = CLOSE.exec(input);
    if (!m || m.index - start > MAX_HEAD) {
      throw new FrontMatterError("front matter opened with --- on line 1 is never closed with a --- line");
    }
    headEnd = m.index;
    bodyStart = m.index + m[0].length;
  }
  const head = input.slice(start, headEnd);
  const fields = head.trim() ? parseHead(head) : {};
  return { fields, body: input.slice(bodyStart), lines: countLines(input, bodyStart) };
}

function countLines(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0 && i < end; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * A line `key: value` whose value YAML reads as written (a plain scalar: no quote, bracket, anchor, tag,
 * block or comment mark), or quoted without escapes: front matter of only such lines needs no YAML parser,
 * which costs more to load than a small report costs to read.
 */
const PLAIN_PAIR = /^([A-Za-z_][\w-]*):[ ]+([^\s"'\[\]{}&*!|>%@`#,?:\-][^#\t]*)$/;
const QUOTED_PAIR = /^([A-Za-z_][\w-]*):[ ]+(?:"([^"\\]*)"|'([^']*)')[ ]*$/;

function plainPairs(head: string): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const q = QUOTED_PAIR.exec(line);
    if (q) {
      fields[q[1]!.toLowerCase()] = (q[2] ?? q[3]!).trim();
      continue;
    }
    const kv = PLAIN_PAIR.exec(line);
    // ": " inside a value makes the YAML reading fail and the line-by-line one take over: same outcome,
    // but that path is the one that says so
    if (!kv || kv[2]!.includes(": ") || kv[2]!.trimEnd().endsWith(":")) return undefined;
    fields[kv[1]!.toLowerCase()] = kv[2]!.trim();
  }
  return fields;
}

function parseHead(head: string): Record<string, string> {
  const plain = plainPairs(head);
  if (plain) return plain;
  const { isMap, isScalar, parseDocument } = yaml();
  // logLevel "error": yaml's warnings (a collection as a key, an unknown tag) would otherwise go to stderr as
  // Node process warnings of several lines, breaking the one-line-per-problem error output
  const doc = parseDocument(head, { schema: "failsafe", prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  if (doc.errors.length) {
    // `title: Belgorod: wat we weten` is not valid YAML, but it is how people write front matter;
    // read such a block line by line when every line is a plain `key: value`.
    const flat = flatPairs(head);
    if (flat) return flat;
    const e = doc.errors[0]!;
    // Line in the file: the opening fence is line 1.
    const line = countLines(head, Math.min(e.pos[0], head.length)) + 2;
    throw new FrontMatterError(`malformed front matter on line ${line}: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`);
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) {
        throw new FrontMatterError("malformed front matter: a key is a list or a map; expected `key: value` lines between the --- fences");
      }
    }
  }
  const value: unknown = doc.toJS({ maxAliasCount: 10 });
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new FrontMatterError("malformed front matter: expected `key: value` lines between the --- fences");
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = k.trim().toLowerCase();
    if (typeof v === "string") fields[key] = v.trim();
    else if (v === null || v === undefined) continue;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) fields[key] = (v as string[]).join(", ");
    else fields[key] = JSON.stringify(v);
  }
  return fields;
}

function flatPairs(head: string): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]+(\S.*)$/.exec(line);
    if (!kv) return undefined;
    let v = kv[2]!.trim();
    if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) v = v.slice(1, -1);
    fields[kv[1]!.toLowerCase()] = v;
  }
  return fields;
}
