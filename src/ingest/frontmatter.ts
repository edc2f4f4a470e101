// Front matter between `---` lines: flat `key: value` pairs, values optionally quoted.
export interface FrontMatter {
  fields: Record<string, string>;
  body: string;
}

const FENCE = /^---[ \t]*\r?\n/;

export function splitFrontMatter(input: string): FrontMatter {
  if (!FENCE.test(input)) return { fields: {}, body: input };
  const open = input.match(FENCE)![0].length;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open - 1;
  const m = close.exec(input);
  if (!m) throw new Error("front matter opened with --- is never closed");
  const head = input.slice(open, m.index);
  const fields: Record<string, string> = {};
  for (const [n, line] of head.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!kv) throw new Error(`malformed front matter on line ${n + 2}: ${JSON.stringify(line.slice(0, 60))}`);
    let v = kv[2]!.trim();
    if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
      v = v.startsWith('"') ? JSON.parse(v) : v.slice(1, -1).replace(/''/g, "'");
    }
    fields[kv[1]!.toLowerCase()] = v;
  }
  return { fields, body: input.slice(m.index + m[0].length) };
}
