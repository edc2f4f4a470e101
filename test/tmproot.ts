// Loaded before every test file (`npm test`: node --import): the file's temporary ledgers, servers' folders
// and spools go into one folder of its own, removed when the file's process ends, so a run leaves nothing
// in the temp folder (some thirty files make ledgers there and kept none of them in mind).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = mkdtempSync(join(tmpdir(), "sitrep-test-"));
process.env.TMPDIR = root;
process.on("exit", () => rmSync(root, { recursive: true, force: true }));
