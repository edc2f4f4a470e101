// The built page, read into memory once at start: requests are answered by exact lookup of the path in
// this table, so no request path ever reaches the file system.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export type Encoding = "br" | "gzip";

export interface StaticFile {
  type: string;
  body: Buffer;
  /** The same bytes compressed at build time (X.br, X.gz beside X), when the build made them. */
  encoded: Partial<Record<Encoding, Buffer>>;
}

export interface StaticFiles {
  dir: string;
  files: Map<string, StaticFile>;
}

/** dist/src/server/static.js → dist/web */
export function defaultWebDir(): string {
  return fileURLToPath(new URL("../../web/", import.meta.url));
}

export function loadStatic(dir = defaultWebDir()): StaticFiles {
  const files = new Map<string, StaticFile>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const type = TYPES[extname(name).toLowerCase()];
        if (!type) continue;
        const encoded: StaticFile["encoded"] = {};
        if (existsSync(`${p}.br`)) encoded.br = readFileSync(`${p}.br`);
        if (existsSync(`${p}.gz`)) encoded.gzip = readFileSync(`${p}.gz`);
        files.set("/" + relative(dir, p).split(sep).join("/"), { type, body: readFileSync(p), encoded });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { dir, files };
}

/** The encodings an Accept-Encoding header allows, best first (brotli, then gzip); none for identity only. */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  const h = Array.isArray(header) ? header.join(",") : header ?? "";
  const q = new Map<string, number>();
  // (a header is short; split on commas and semicolons, no regular expression)
  for (const part of h.slice(0, 1000).split(",")) {
    const [name = "", ...params] = part.split(";");
    let weight = 1;
    for (const p of params) {
      const [k, v] = p.split("=", 2).map((x) => x.trim());
      if (k === "q" && v !== undefined) weight = Number(v);
    }
    q.set(name.trim().toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  const ok = (e: string) => (q.get(e) ?? (q.has("*") ? q.get("*")! : 0)) > 0;
  return (["br", "gzip"] as const).filter(ok);
}
