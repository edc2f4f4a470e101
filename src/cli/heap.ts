// The bound on V8's heap growth, for the commands that exit when done.
import { setFlagsFromString } from "node:v8";

/** How much V8 lets the heap grow past what a full collection leaves, in percent, while an export streams. */
export const EXPORT_HEAP_GROWTH = 50;

/**
 * The V8 flag that bounds the heap's growth for a streaming export, unless the user set one of their own
 * that sizes the heap (on the command line or in NODE_OPTIONS). An export's live set is small (40-60 MB at
 * 100,000 reports) and almost all it allocates is garbage a page later, but V8, allowed gigabytes on a large
 * machine, lets the old generation grow to four times what its last full collection left before the next
 * one: 380 MB at the peak, 250 MB of it garbage. At half as much again the same export peaks at 250 MB.
 * The factor is read at every full collection, so setting it now holds for the rest of the process.
 */
export function heapGrowthFlag(execArgv: readonly string[], nodeOptions = ""): string | undefined {
  const own = [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => /^--(heap-growing-percent|heap_growing_percent|max-old-space-size|max_old_space_size|max-heap-size|max_heap_size)\b/.test(a));
  return own ? undefined : `--heap-growing-percent=${EXPORT_HEAP_GROWTH}`;
}

/**
 * Bounds the heap's growth for the rest of this process (see heapGrowthFlag): a command that exits when done
 * (`export`, `brief`), never a server. Also for a refresh, which fuses the whole ledger: its live set grows
 * while it reads, and V8 let its garbage grow four times as fast (at 10,000 reports, a brief that refreshes:
 * peak 833 MB by default, 587 MB bounded, for 10% more CPU).
 */
export function boundHeapGrowth(): void {
  const flag = heapGrowthFlag(process.execArgv, process.env.NODE_OPTIONS);
  if (flag) setFlagsFromString(flag);
}

/** The young generation's semi-space an extract lets V8 grow to, in MB (V8's own bound is 16 on 64 bits). */
export const EXTRACT_SEMI_SPACE_MB = 4;

/**
 * The V8 flags that bound an extract's heap (see boundExtractHeap), unless the user sized the heap or the
 * young generation themselves.
 */
export function extractHeapFlags(execArgv: readonly string[], nodeOptions = ""): string[] {
  const own = [...execArgv, ...nodeOptions.split(/\s+/)];
  const young = own.some((a) => /^--(max-semi-space-size|max_semi_space_size|semi-space-growth-factor|semi_space_growth_factor)\b/.test(a));
  const flags: string[] = [];
  const growth = heapGrowthFlag(execArgv, nodeOptions);
  if (growth) flags.push(growth);
  if (!young) flags.push(`--max-semi-space-size=${EXTRACT_SEMI_SPACE_MB}`);
  return flags;
}

/**
 * Bounds the heap of a `sitrep extract` for the rest of the process; called before any extraction thread
 * starts. Extracting a report makes tens of megabytes of garbage a report later; V8 lets the old generation
 * grow to four times what a full collection leaves, and each isolate's young generation to 48 MB, so the 10
 * MB bench corpus peaked past 600 MB with a live set under 100. The old generation is bounded as for an
 * export (heapGrowthFlag), in every thread; the young generation of the extraction threads, which size it
 * when they start, to a few megabytes. (This thread's was sized when the process started: V8 reads the
 * flag then only.)
 */
export function boundExtractHeap(): void {
  // (not while the CLI bundle's code cache is made, by extracting the samples: V8 takes a code cache only
  // under the flags it was made with, and every later extract starts with V8's own; scripts/bundle-cli.ts)
  if (process.env.SITREP_BUNDLE_WARMUP) return;
  for (const f of extractHeapFlags(process.execArgv, process.env.NODE_OPTIONS)) setFlagsFromString(f);
}
