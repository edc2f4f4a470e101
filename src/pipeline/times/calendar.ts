// Calendar arithmetic on plain dates (no time zone: a report's dates are local to its publication offset).

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ms = (x: Ymd) => Date.UTC(x.y, x.m - 1, x.d);
const fromMs = (t: number): Ymd => {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};

export const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const fmtDay = (x: Ymd) => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
export const fmtMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;

export function addDays(x: Ymd, n: number): Ymd {
  return fromMs(ms(x) + n * 86400000);
}

/** Month arithmetic that keeps the day only as far as the target month allows. */
export function addMonths(x: Ymd, n: number): Ymd {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(x.d, last) };
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekday(x: Ymd): number {
  const w = new Date(ms(x)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week: [week-year, week]. */
export function isoWeek(x: Ymd): [number, number] {
  const thursday = addDays(x, 4 - weekday(x));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((ms(thursday) - ms(jan1)) / 86400000 / 7) + 1;
  return [thursday.y, week];
}

export const fmtWeek = (x: Ymd) => {
  const [y, w] = isoWeek(x);
  return `${pad(y, 4)}-W${pad(w)}`;
};

export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Local calendar date and hour of an ISO 8601 timestamp, in the offset it is written with. */
export function parseLocal(iso: string): { date: Ymd; hour: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}))?/.exec(iso);
  if (!m) return null;
  return { date: { y: +m[1]!, m: +m[2]!, d: +m[3]! }, hour: m[4] === undefined ? 12 : +m[4] };
}
