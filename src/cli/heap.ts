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
