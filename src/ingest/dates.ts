// Publication times and language codes as containers write them.
import type { Lang } from "../model/doc.js";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Checks an ISO 8601 date or date-time and returns it unchanged (a space before the time becomes "T"),
 * or undefined when it is not one or names an impossible day or hour.
 */
export function validIso(value: string): string | undefined {
  const v = value.trim();
  const m = ISO.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? undefined : Number(x)));
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysIn(y!, mo!)) return undefined;
  if (h !== undefined && (h > 24 || mi! > 59 || (s ?? 0) > 60)) return undefined;
  const zone = m[7];
  if (zone && zone !== "Z") {
    const zh = Number(zone.slice(1, 3));
    if (zh > 14) return undefined;
  }
  return v.replace(" ", "T");
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const ZONES: Record<string, string> = {
  GMT: "+00:00", UT: "+00:00", UTC: "+00:00", Z: "+00:00",
  EST: "-05:00", EDT: "-04:00", CST: "-06:00", CDT: "-05:00", MST: "-07:00", MDT: "-06:00", PST: "-08:00", PDT: "-07:00",
  CET: "+01:00", CEST: "+02:00", BST: "+01:00", MSK: "+03:00", EET: "+02:00", EEST: "+03:00",
};
const RFC822 = /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** RSS `pubDate` (RFC 822/2822: "Tue, 23 May 2023 15:00:00 +0200") → ISO 8601 keeping the stated offset. */
export function rfc822ToIso(value: string): string | undefined {
  const m = RFC822.exec(value.trim());
  if (!m) return undefined;
  const day = Number(m[1]);
  const mon = MONTHS[m[2]!.toLowerCase()];
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  if (!mon || day < 1 || day > daysIn(year, mon)) return undefined;
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = Number(m[6] ?? 0);
  if (h > 23 || mi > 59 || s > 60) return undefined;
  const z = m[7];
  let offset = "+00:00";
  if (z && /^[+-]\d{4}$/.test(z)) offset = `${z.slice(0, 3)}:${z.slice(3)}`;
  else if (z) offset = ZONES[z.toUpperCase()] ?? "+00:00";
  return `${year}-${pad(mon)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
}

// Metadata dates as sites write them for people, in English as metadata conventionally is (as RFC 822's
// month names are): "May 23, 2023", "23 May 2023 10:15", "May 23, 2023 3:05 PM EDT", and JavaScript's
// Date string "Tue May 23 2023 10:00:00 GMT+0200 (…)".
const HUMAN_MDY = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?\s*([A-Z]{1,5}|[+-]\d{2}:?\d{2})?)?$/;
const HUMAN_DMY = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?\s*([A-Z]{1,5}|[+-]\d{2}:?\d{2})?)?$/;
const JS_DATE = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{4})(?: \(.*\))?$/;

function zoneOffset(z: string | undefined): string | undefined {
  if (!z) return undefined;
  if (/^[+-]\d{2}:?\d{2}$/.test(z)) return `${z.slice(0, 3)}:${z.slice(-2)}`;
  return ZONES[z.toUpperCase()];
}

function humanToIso(v: string): string | undefined {
  let y: number, mon: number | undefined, d: number, h: string | undefined, mi: string | undefined, sec: string | undefined, ampm: string | undefined, zone: string | undefined;
  const js = JS_DATE.exec(v);
  if (js) {
    [mon, d, y, h, mi, sec, zone] = [MONTHS[js[1]!.slice(0, 3).toLowerCase()], +js[2]!, +js[3]!, js[4], js[5], js[6], js[7]];
  } else {
    const a = HUMAN_MDY.exec(v);
    const b = a ? null : HUMAN_DMY.exec(v);
    if (!a && !b) return undefined;
    const m = (a ?? b)!;
    const monthName = a ? m[1]! : m[2]!;
    mon = MONTHS[monthName.slice(0, 3).toLowerCase()];
    // a month name must be one: "Mayday 23, 2023" is not a date
    if (mon === undefined || (monthName.length > 3 && !FULL_MONTHS[mon - 1]!.startsWith(monthName.toLowerCase()))) return undefined;
    d = +(a ? m[2]! : m[1]!);
    y = +m[3]!;
    [h, mi, sec, ampm, zone] = [m[4], m[5], m[6], m[7], m[8]];
  }
  if (!mon || d < 1 || d > daysIn(y, mon)) return undefined;
  const date = `${y}-${pad(mon)}-${pad(d)}`;
  if (h === undefined) return date;
  let hour = +h;
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (/^[Pp]/.test(ampm) ? 12 : 0);
  }
  if (hour > 23 || +mi! > 59 || +(sec ?? 0) > 60) return undefined;
  const off = zoneOffset(zone);
  // without a zone the wall-clock time has no instant; the day is still the page's own
  if (!off) return date;
  return `${date}T${pad(hour)}:${mi}:${sec ?? "00"}${off}`;
}

const FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A feed or page date in whatever common form → ISO 8601, or undefined. */
export function anyDateToIso(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const v = String(value).trim();
  if (!v || v.length > 80) return undefined;
  return validIso(v) ?? rfc822ToIso(v) ?? humanToIso(v);
}

/**
 * A wall-clock time without offset plus the instant it denotes (Telegram exports give both) → ISO 8601
 * with the exporter's offset, so "this morning" resolves against the local day the message was posted.
 */
export function localWithUnix(local: string | undefined, unixSeconds: number | undefined): string | undefined {
  // beyond ±8.64e15 ms a Date is invalid and toISOString throws: such a number is no time at all
  if (unixSeconds !== undefined && Number.isFinite(unixSeconds) && Math.abs(unixSeconds) <= 8.64e12) {
    const utc = new Date(unixSeconds * 1000);
    const lm = local ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local) : null;
    if (lm) {
      const wall = Date.UTC(+lm[1]!, +lm[2]! - 1, +lm[3]!, +lm[4]!, +lm[5]!, +lm[6]!);
      const minutes = Math.round((wall - utc.getTime()) / 60000);
      if (Math.abs(minutes) <= 14 * 60 && minutes % 15 === 0) {
        const sign = minutes < 0 ? "-" : "+";
        const a = Math.abs(minutes);
        return `${local}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
      }
    }
    return utc.toISOString().replace(".000Z", "Z");
  }
  // A wall-clock time alone: read as UTC so the result does not depend on the machine's time zone.
  if (local && validIso(local)) return /(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(local) || local.length <= 10 ? local : `${local}Z`;
  return undefined;
}

/** "nl", "nl-NL", "nl_BE", "en-US", "Dutch", "English" … → nl/en; other languages → the code, for messages. */
export function languageCode(value: unknown): { lang?: Lang; code?: string } {
  if (typeof value !== "string") return {};
  const v = value.trim().toLowerCase();
  if (!v) return {};
  const primary = v.split(/[-_\s]/)[0]!;
  if (primary === "nl" || primary === "nld" || primary === "dut" || v === "dutch" || v === "nederlands" || v === "vlaams" || v === "flemish") return { lang: "nl", code: "nl" };
  if (primary === "en" || primary === "eng" || v === "english" || v === "engels") return { lang: "en", code: "en" };
  return { code: primary };
}

const ISO_639 = /^[a-z]{2,3}$/;

/**
 * A stated language that is not nl or en but looks like a language code (de, fr, deu, de-AT): the code
 * in lower case, else undefined. "Dutch"/"English" and the like are handled by languageCode.
 */
export function otherLanguageCode(value: unknown): string | undefined {
  const { lang, code } = languageCode(value);
  if (lang || !code) return undefined;
  return ISO_639.test(code) ? code : undefined;
}
