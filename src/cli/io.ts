// Output helpers: every error is one line on stderr, prefixed with the program name.
export function fail(message: string): void {
  process.stderr.write(`sitrep: ${message.replace(/\s*\n\s*/g, " ")}\n`);
}

/** Writes to stdout and resolves when flushed, so large exports are not cut off by process exit. */
export function out(text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

export class UsageError extends Error {}
