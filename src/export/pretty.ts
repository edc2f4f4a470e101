// The export's items as `JSON.stringify(x, null, 2)` writes them, already indented for where they stand in the
// file, in one pass. Stringifying and then indenting every line again (a `.replace(/\n/g, …)` over the result)
// walked and copied each item's text twice, and each report's text is in an item.

/** What JSON.stringify leaves out of an object, and writes as null inside a list. */
const skipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * `JSON.stringify(x, null, 2)` with `pad` before every line after the first: the text of `x` as an item of a
 * list or a member of an object that is itself indented by `pad`. Same text as stringifying and re-indenting,
 * for anything JSON.stringify writes (toJSON included); cyclic values throw as there.
 */
export function prettyJson(x: unknown, pad = ""): string {
  const s = write(x, pad, "");
  return s === undefined ? (undefined as unknown as string) : s;
}

function write(v: unknown, pad: string, key: string): string | undefined {
  if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") v = (v as { toJSON(k: string): unknown }).toJSON(key);
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      // as JSON.stringify: a TypeError
      return JSON.stringify(v);
    case "object":
      break;
    default:
      return undefined;
  }
  if (v === null) return "null";
  // boxed primitives are written as their value, as JSON.stringify does
  if (v instanceof String || v instanceof Number || v instanceof Boolean) return JSON.stringify(v);
  const inner = pad + "  ";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    let out = "[\n" + inner;
    for (let i = 0; i < v.length; i++) {
      if (i) out += ",\n" + inner;
      const it: unknown = v[i];
      out += (skipped(it) ? undefined : write(it, inner, String(i))) ?? "null";
    }
    return out + "\n" + pad + "]";
  }
  let out = "";
  for (const k of Object.keys(v)) {
    const it: unknown = (v as Record<string, unknown>)[k];
    if (skipped(it)) continue;
    const s = write(it, inner, k);
    if (s === undefined) continue;
    out += (out ? ",\n" : "{\n") + inner + JSON.stringify(k) + ": " + s;
  }
  return out ? out + "\n" + pad + "}" : "{}";
}
