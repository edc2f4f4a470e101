// The order of TIMEX3 values in time, for every part that lists times: the store's timeline, the briefing's,
// the page's.

/** The Monday of an ISO week (week 1 holds 4 January). */
export function weekStart(year: number, week: number): Date {
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday1 + (week - 1) * 7 * 86_400_000);
}

/**
 * Sort key of a TIMEX3 value: parts of the day in the order they come (morning before afternoon), and a week
 * ("2023-W36", "vorige week") where it begins, before its Monday (its weekend before its Saturday), never after
 * every date because "W" sorts after the digits.
 */
export function timexOrder(value: string): string {
  const wk = /^(\d{4})-W(\d{2})(-WE)?/.exec(value);
  if (wk) {
    // (before the days in it, as a month comes before its days: the key of the day before, and after all of it)
    const d = weekStart(Number(wk[1]), Number(wk[2]));
    d.setUTCDate(d.getUTCDate() + (wk[3] ? 4 : -1));
    return `${d.toISOString().slice(0, 10)}~${value.slice(wk[0].length)}`;
  }
  return value.replace(/T(MO|AF|EV|NI|DT)$/, (_, p: string) => `T${{ MO: "06", DT: "09", AF: "13", EV: "18", NI: "22" }[p] ?? "12"}:00`);
}
