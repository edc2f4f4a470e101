// The report files every benchmark draws on: our samples, plus the corpora under ../shared when present
// (read from there at run time, never copied).
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const shared = resolve(root, "../shared");

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|md|html?)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export function benchSources(): string[] {
  return [
    ...files(join(root, "samples")),
    ...files(join(shared, "corpus")),
    ...["conll2002-nl-testb", "meantime-en", "polnear-en-test", "tempeval3-platinum"].flatMap((d) => files(join(shared, "external", d))),
  ];
}
