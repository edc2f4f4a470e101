// Stable identities: what users see and cite, the same in the JSON and CSV exports, the API and the page's
// links, and unchanged when a report is ingested again or comes in a new version.
//
// - report: "d" + 12 base32 characters (60 bits) of SHA-256 over the report's identity: its URL, else the
//   file it was read from, else (no address at all) its content. All versions of a report share the id;
//   the ledger shows the newest. Should two identities ever meet in 60 bits, the later one gets 16.
// - claim: report id + "-" + 8 base32 characters of SHA-256 over the claim's wording (white space
//   collapsed) and how many claims with the same wording precede it in the report. A new version keeps the
//   id of every claim whose words it keeps, wherever they moved.
// - entity (fused across reports): "e" + 10 base32 characters of SHA-256 over its fusion key.
import * as crypto from "node:crypto";

export const B32 = "0123456789abcdefghjkmnpqrstvwxyz";

export function base32(bytes: Uint8Array, chars: number): string {
  let out = "";
  let acc = 0;
  let bits = 0;
  for (let i = 0; out.length < chars; ) {
    if (bits < 5) {
      acc = ((acc << 8) | bytes[i++]!) & 0xffff;
      bits += 8;
    }
    out += B32[(acc >> (bits - 5)) & 31];
    bits -= 5;
  }
  return out;
}

// A digest in one call where Node has one (20.12 on): a Hash object a digest cost more than hashing these
// short strings, and a stored report asks for a few hundred of them.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "buffer") => Buffer }).hash;

/** The SHA-1 or SHA-256 digest of a string (UTF-8), as createHash(…).update(s).digest() gives it. */
export function digest(algorithm: "sha1" | "sha256", s: string): Buffer {
  return oneShot ? oneShot(algorithm, s, "buffer") : crypto.createHash(algorithm).update(s).digest();
}

const sha = (s: string) => digest("sha256", s);

export function reportUid(lineage: string, long = false): string {
  return "d" + base32(sha(`report\u0000${lineage}`), long ? 16 : 12);
}

export function claimKey(text: string, occurrence: number): string {
  return base32(sha(`${text.replace(/\s+/g, " ").trim()}\u0000${occurrence}`), 8);
}

export function claimUid(report: string, key: string): string {
  return `${report}-${key}`;
}

/** The report id inside a claim id. */
export function reportOfClaim(claim: string): string {
  const i = claim.indexOf("-");
  return i < 0 ? claim : claim.slice(0, i);
}

export function entityUid(fkey: string): string {
  return "e" + base32(sha(`entity\u0000${fkey}`), 10);
}

/** A non-negative integer below 2^52 from a string (fits a JavaScript number and a SQL BIGINT). */
export function key52(s: string): number {
  const h = digest("sha1", s);
  return h.readUIntBE(0, 6) * 16 + (h[6]! >> 4);
}
