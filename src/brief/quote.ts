/**
 * A report's words as a line of the briefing quotes them. The briefing puts its own pair of quotation marks
 * around them, so the report's own marks must not double them:
 * - words that are one quotation whole ("“Overstromingen hebben er hele woonwijken weggespoeld.”") lose
 *   theirs: one pair only;
 * - a mark at an edge whose partner lies outside the words (a sentence cut from the middle of a longer
 *   quotation, "Russia bears ultimate responsibility …”") goes: the briefing's own mark stands for it;
 * - the report's marks inside the words become single ones (a quotation within a quotation, as both
 *   English and Dutch write it), and a mark whose partner lies outside, with the words still going on, gets
 *   its partner at the near edge, so that the quotation inside reads whole ("‘De explosie … begonnen’, zei
 *   de NAVO-chef").
 * Words cut from their sentence say so with "…" where they were cut (`cut`): a quote is a verbatim span, and
 * a fragment is never made to read as a sentence of its own.
 * One pass over the words and one over the marks found: linear in the length of the words.
 */
export function quoteWords(text: string, cut?: { before?: boolean; after?: boolean }): string {
  const marks: { at: number; open: boolean }[] = [];
  const low = "„";
  let lowOpen = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "“") {
      // („…“ is the German and older Dutch pair: after a low mark, the high one closes)
      if (lowOpen > 0) (marks.push({ at: i, open: false }), lowOpen--);
      else marks.push({ at: i, open: true });
    } else if (ch === low) (marks.push({ at: i, open: true }), lowOpen++);
    else if (ch === "”" || ch === "»") {
      marks.push({ at: i, open: false });
      if (ch === "”" && lowOpen > 0) lowOpen--;
    } else if (ch === "«") marks.push({ at: i, open: true });
    else if (ch === '"') {
      // a straight mark opens where words follow it and nothing but space or a bracket precedes it
      const before = i === 0 ? " " : text[i - 1]!;
      const after = text[i + 1];
      marks.push({ at: i, open: /[\s([{\u2014\u2013/-]/.test(before) && after !== undefined && !/\s/.test(after) });
    }
  }
  if (!marks.length) return withCut(text, cut);
  // pair them: a closing mark closes the last one still open
  const partner = new Map<number, number>();
  const stack: number[] = [];
  for (const m of marks) {
    if (m.open) stack.push(m.at);
    else if (stack.length) {
      const o = stack.pop()!;
      partner.set(o, m.at);
      partner.set(m.at, o);
    }
  }
  // the words' last character that is not end punctuation: a mark after it closes the words
  let tail = text.length;
  while (tail > 0 && /[.!?,;:\s]/.test(text[tail - 1]!)) tail--;
  const atEnd = (i: number) => i === tail - 1 || (i >= tail && i < text.length);
  const drop = new Set<number>();
  const first = marks[0]!, last = marks[marks.length - 1]!;
  if (first.at === 0 && first.open && partner.get(0) !== undefined && atEnd(partner.get(0)!)) (drop.add(0), drop.add(partner.get(0)!));
  if (first.at === 0 && first.open && partner.get(0) === undefined) drop.add(0);
  if (!last.open && atEnd(last.at) && partner.get(last.at) === undefined) drop.add(last.at);
  let out = "";
  let from = 0;
  let lead = "", trail = "";
  for (const m of marks) {
    out += text.slice(from, m.at);
    from = m.at + 1;
    if (drop.has(m.at)) continue;
    out += m.open ? "‘" : "’";
    if (partner.get(m.at) === undefined) {
      if (m.open) trail = "’";
      else lead = "‘";
    }
  }
  out += text.slice(from);
  // (a mark dropped at the end may leave the stop before it as the last character, which stays: it is the
  // report's; but a space before a dropped mark does not)
  out = out.trim();
  return withCut(lead + out + trail, cut);
}

/** "…" where the words were cut from their sentence; a comma or colon left at a cut end goes with the rest. */
function withCut(text: string, cut?: { before?: boolean; after?: boolean }): string {
  let t = text;
  if (cut?.after) {
    let end = t.length;
    while (end > 0 && /[\s,;:\u2013\u2014-]/u.test(t[end - 1]!)) end--;
    t = t.slice(0, end) + " …";
  }
  if (cut?.before) t = "… " + t;
  return t;
}
