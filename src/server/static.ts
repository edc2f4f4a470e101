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

export interface StaticFiles {
  dir: string;
  files: Map<string, { type: string; body: Buffer }>;
}

/** dist/src/server/static.js → dist/web */
export function defaultWebDir(): string {
  return fileURLToPath(new URL("../../web/", import.meta.url));
}

export function loadStatic(dir = defaultWebDir()): StaticFiles {
  const files = new Map<string, { type: string; body: Buffer }>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const type = TYPES[extname(name).toLowerCase()];
        if (type) files.set("/" + relative(dir, p).split(sep).join("/"), { type, body: readFileSync(p) });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { dir, files };
}
