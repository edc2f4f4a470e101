import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

let stamp: string | undefined;
/**
 * The code that makes pictures: a hash of this build's modules that fusion and the picture depend on (a
 * picture made by other code is not current, whatever the ledger's version).
 */
export function codeStamp(): string {
  if (stamp) return stamp;
  const h = createHash("sha256");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (n.endsWith(".js")) h.update(n).update(readFileSync(p));
      else if (!n.includes(".")) walk(p);
    }
  };
  for (const d of ["ledger", "brief", "lang", "model", "store", "geo"]) walk(join(root, d));
  return (stamp = h.digest("hex").slice(0, 16));
}
