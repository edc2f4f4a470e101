// Reading a file's bytes safely and turning them into text: size and file-type checks happen before
// anything is read, so a huge file or a device never hangs the run or fills memory.
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";

export class ReadFailure extends Error {}

const MB = 1024 * 1024;

function mb(n: number): string {
  return `${(n / MB).toFixed(1)} MB`;
}

/** Stats a path and refuses what is not a readable regular file. */
export function statReport(path: string): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new ReadFailure("no such file");
    if (code === "EACCES" || code === "EPERM") throw new ReadFailure("permission denied");
    throw new ReadFailure(`cannot be read (${code ?? (e as Error).message})`);
  }
  if (st.isDirectory()) throw new ReadFailure("is a directory, not a report file");
  if (!st.isFile()) throw new ReadFailure("is not a regular file (a device, pipe or socket)");
  return st;
}

/** Reads a whole regular file, refusing it when it is larger than `limit` bytes. */
export function readBytes(path: string, st: Stats, limit: number, what: string): Buffer {
  if (st.size > limit) throw new ReadFailure(`file is ${mb(st.size)}; the limit for ${what} is ${mb(limit).replace(".0 ", " ")}`);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadFailure(code === "EACCES" || code === "EPERM" ? "permission denied" : `cannot be opened (${code})`);
  }
  try {
    // Size again on the open descriptor: the file may have grown since stat; read at most limit + 1 bytes.
    const size = Math.min(fstatSync(fd).size, limit + 1);
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    if (got > limit) throw new ReadFailure(`file is over ${mb(limit)}, the limit for ${what}`);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | string;

export interface Decoded {
  text: string;
  encoding: Encoding;
}

const MAGIC: [string, number[]][] = [
  ["a PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["a ZIP archive (or a .docx/.odt document)", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a SQLite database", [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ["an old Word/Excel document", [0xd0, 0xcf, 0x11, 0xe0]],
  ["an executable", [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

/** UTF-16 without a BOM: one byte of nearly every pair is 0 in Latin-script text. */
function bomlessUtf16(b: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Control bytes other than tab, newline, vertical tab, form feed, carriage return and escape. */
function isBinaryControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f;
}

function decodeWith(label: string, bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes → text. UTF-8 (BOM or not) and UTF-16 (BOM, or unmistakable without) are decoded as such;
 * bytes that are not valid UTF-8 are read as `declared` (a charset the markup names) or else as
 * Windows-1252, the superset of Latin-1 that old Western European text uses. Binary data is refused.
 */
export function decode(bytes: Uint8Array, declared?: string): Decoded {
  for (const [what, sig] of MAGIC) if (startsWith(bytes, sig)) throw new ReadFailure(`is ${what}, not a text report`);
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    throw new ReadFailure("is UTF-32 encoded; save it as UTF-8");
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(decodeUtf8OrThrow(bytes.subarray(3)), "utf-8");
  if (startsWith(bytes, [0xff, 0xfe])) return checked(decodeWith("utf-16le", bytes.subarray(2), false), "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return checked(decodeWith("utf-16be", bytes.subarray(2), false), "utf-16be");
  const u16 = bomlessUtf16(bytes);
  if (u16) return checked(decodeWith(u16, bytes, false), u16);

  binaryCheck(bytes);
  try {
    return { text: decodeWith("utf-8", bytes, true), encoding: "utf-8" };
  } catch {
    const label = declared && !/^utf-?8$/i.test(declared) && supported(declared) ? declared.toLowerCase() : "windows-1252";
    // Node's TextDecoder treats windows-1252 (and its alias latin1) as ISO-8859-1, leaving „ ” € ’ as C1 controls.
    if (WINDOWS_1252_LABELS.has(label)) return { text: windows1252(bytes), encoding: "windows-1252" };
    return { text: decodeWith(label, bytes, false), encoding: label };
  }
}

const WINDOWS_1252_LABELS = new Set(["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii"]);

/** Bytes 0x80–0x9F of Windows-1252; the five unassigned ones stay as their C1 code points. */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function windows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeUtf8OrThrow(bytes: Uint8Array): string {
  binaryCheck(bytes);
  try {
    return decodeWith("utf-8", bytes, true);
  } catch {
    throw new ReadFailure("starts with a UTF-8 byte-order mark but is not valid UTF-8");
  }
}

/** NUL bytes or a share of control bytes no text file has: a binary file under a text name. */
function binaryCheck(bytes: Uint8Array): void {
  const nul = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0);
  if (nul >= 0) throw new ReadFailure(`looks like binary data, not text (a NUL byte at offset ${nul})`);
  const n = Math.min(bytes.length, 1 << 20);
  let ctrl = 0;
  for (let i = 0; i < n; i++) if (isBinaryControl(bytes[i]!)) ctrl++;
  if (ctrl > 8 && ctrl > n * 0.01) throw new ReadFailure(`looks like binary data, not text (${ctrl} control bytes in the first ${n} bytes)`);
}

/** After a UTF-16 decode: text full of control characters was not UTF-16 after all. */
function checked(text: string, encoding: Encoding): Decoded {
  const n = Math.min(text.length, 1 << 20);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || isBinaryControl(c)) ctrl++;
  }
  if (ctrl > 8 && ctrl > n * 0.01) throw new ReadFailure(`looks like binary data, not ${encoding} text`);
  return { text, encoding };
}

/** The charset a page or XML file declares in its first bytes (`<meta charset>`, `<?xml encoding>`). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString("latin1");
  const m =
    /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{1,40})/i.exec(head) ?? /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})["']/i.exec(head);
  return m?.[1];
}
