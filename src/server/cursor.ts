// The cursor of a page of claims (keyset paging) as the API hands it out: opaque text that names the sort
// it belongs to and the sort key of a row (src/store ClaimKey). A cursor of another sort is not used (the
// list starts again at its top).
import type { ClaimKey } from "../store/index.js";

export function encodeCursor(sort: string, k: ClaimKey): string {
  return Buffer.from(JSON.stringify([sort, k.seg, k.ms, k.uid, k.id]), "utf8").toString("base64url");
}

/** The key in a cursor, null when the cursor is of another sort; undefined when it is no cursor at all. */
export function decodeCursor(text: string, sort: string): ClaimKey | null | undefined {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(v) || v.length !== 5) return undefined;
  const [s, seg, ms, uid, id] = v as unknown[];
  if (typeof s !== "string" || !(seg === null || typeof seg === "string" || typeof seg === "number")) return undefined;
  if (typeof ms !== "number" || !Number.isFinite(ms) || typeof uid !== "string" || uid.length > 100 || typeof id !== "number" || !Number.isSafeInteger(id)) return undefined;
  return s === sort ? { seg, ms, uid, id } : null;
}
