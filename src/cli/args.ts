// Option parsing shared by the commands; kept apart so that parsing loads no pipeline code.
import type { Lang } from "../model/doc.js";

export function parseLang(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if (v === "nl" || v === "en") return v;
  throw new Error(`--lang must be nl or en, not ${JSON.stringify(v)}`);
}

export function parsePublished(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(Date.parse(v))) {
    throw new Error(`--published must be an ISO 8601 date or time such as 2023-05-23T17:00:00+02:00, not ${JSON.stringify(v)}`);
  }
  return v;
}
