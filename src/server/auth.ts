// Who may do what: writes always need the token; reads need it too when the server listens beyond this
// machine, unless the operator made it public. Tokens are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { isIP } from "node:net";

export interface TokenSource {
  token: string;
  /** Where it came from: the environment, a file, or made up at start (then printed for the operator). */
  from: "env" | "file" | "generated";
}

/** The write token: SITREP_TOKEN, else the first line of the token file, else a fresh random one. */
export function loadToken(env: NodeJS.ProcessEnv, file?: string): TokenSource {
  if (file) {
    const t = readFileSync(file, "utf8").split(/\r?\n/, 1)[0]!.trim();
    if (t.length < 16) throw new Error(`the token in ${file} is shorter than 16 characters: make one with \`openssl rand -hex 20 > ${file}\``);
    return { token: t, from: "file" };
  }
  const e = env.SITREP_TOKEN?.trim();
  if (e) {
    if (e.length < 16) throw new Error("SITREP_TOKEN is shorter than 16 characters: make one with `export SITREP_TOKEN=$(openssl rand -hex 20)`");
    return { token: e, from: "env" };
  }
  return { token: randomBytes(24).toString("base64url"), from: "generated" };
}

/**
 * Constant-time comparison. Both sides are hashed first so that the comparison runs over equal lengths
 * and its time tells nothing about the length or any prefix of the token.
 */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(given).digest();
  return timingSafeEqual(a, b);
}

/** The bearer token of an Authorization header, if it has one. */
export function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m ? m[1] : undefined;
}

export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || /^::ffff:127\./.test(h) || /^::ffff:7f[0-9a-f]{2}:/.test(h);
  return false;
}

/**
 * On a loopback listener, only requests addressed to a loopback name are served: a web page elsewhere that
 * rebinds its own host name to 127.0.0.1 cannot read the ledger through the victim's browser.
 */
export function hostAllowed(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::\d+)?$/.exec(hostHeader);
  return !!m && isLoopbackAddress(m[1]!);
}
