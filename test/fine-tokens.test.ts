import { test } from "node:test";
import assert from "node:assert/strict";
import { fineTokens, fineTokensOf, fineTokensRe, hashOf, KD, KP, KW, type FineToks } from "../src/pipeline/counts/numbers.js";

const KIND: Record<number, string> = { [KW]: "w", [KD]: "d", [KP]: "p" };
/** The tokens as plain objects, read through the accessors the stages use. */
const plain = (ts: FineToks) =>
  Array.from({ length: ts.length }, (_, i) => ({ s: ts.s[i]!, e: ts.e[i]!, t: ts.t(i), raw: ts.raw(i), sp: ts.sp(i), kind: KIND[ts.kd(i)]!, len: ts.tlen(i) }));

// fineTokens scans by code point with shortcuts for ASCII; the regular expression (letter runs, digit runs,
// single marks) is what it must equal, token for token, on the text the times, counts and events stages read
const NL =
  "AMSTERDAM (ANP) – Bij de explosie in de Rotterdamse haven zijn dinsdagochtend zeker 3 doden gevallen en raakten " +
  "12 à 15 mensen gewond, meldt de Veiligheidsregio Rotterdam-Rijnmond.\n\nBurgemeester Aboutaleb sprak om 09.45 uur " +
  "van een ‘zwarte dag’; de schade loopt volgens de brandweer in de miljoenen (€ 2,5 mln.). Een zegsman van het " +
  "ministerie van Justitie en Veiligheid wilde niet ingaan op de oorzaak: \"Het onderzoek is net begonnen.\"\tNaïeve " +
  "vragen over coördinatie — ook van de geïnterviewde bewoners — bleven onbeantwoord. Twintigduizend huishoudens zaten " +
  "zonder stroom.";
const EN =
  "KYIV, Ukraine (AP) — At least 14 people were killed and 60 wounded when two Russian missiles hit a residential " +
  "block in Dnipro on Saturday, the regional governor said.\r\nOfficials in Kyiv's Shevchenkivskyi district put the " +
  "toll at 1,200 displaced; 3½ hours later rescuers were still searching the rubble 🚒🚒 of the nine-storey building. " +
  "“We don’t know how many are still under it,” said Olena Kovalenko, 41. Zürich-based analysts and the café owner " +
  "on Ɛwe Street, São Paulo's consul and İstanbul's mayor spoke of a ‘deliberate’ strike\u00a0at 06:30 a.m.";

test("fineTokens reads the same tokens as the regular expression it stands for, in Dutch and English", () => {
  for (const text of [NL, EN, NL + " " + EN, "\ud83d lone high, lone low \udc00 end"]) {
    const fast = fineTokens(text);
    assert.deepEqual(plain(fast), plain(fineTokensRe(text, 0, text.length)));
    // the hash made while scanning (ASCII tokens) is the hash of the lower-cased text
    for (let i = 0; i < fast.length; i++) if (fast.h[i]! >= 0) assert.equal(fast.h[i], hashOf(fast.t(i)), fast.raw(i));
    assert.ok(fast.length > 20 || text.length < 60);
  }
  // the kinds and the lower-casing the stages rely on
  const toks = plain(fineTokens(EN));
  const kyiv = toks.find((t) => t.raw === "KYIV")!;
  assert.equal(kyiv.t, "kyiv");
  assert.equal(kyiv.kind, "w");
  assert.deepEqual(toks.filter((t) => t.kind === "d").slice(0, 3).map((t) => t.raw), ["14", "60", "1"]);
  assert.ok(toks.some((t) => t.raw === "Zürich" && t.t === "zürich"));
  assert.ok(plain(fineTokens(NL)).some((t) => t.raw === "Naïeve" && t.t === "naïeve" && t.sp));
  // lower-casing that changes the length: the length the stages compare is the lower-cased text's
  const dotted = plain(fineTokens("İstanbul"))[0]!;
  assert.equal(dotted.len, dotted.t.length);
});

test("fineTokensOf reuses its buffers from text to text without leaking the text before", () => {
  const long = plain(fineTokens(NL + " " + EN));
  assert.deepEqual(plain(fineTokensOf(NL + " " + EN)), long);
  const short = fineTokensOf("Twee doden.");
  assert.deepEqual(plain(short), plain(fineTokens("Twee doden.")));
  // past the end: nothing, as an out-of-range index of a list gave
  assert.equal(short.kd(short.length), 0);
  assert.equal(short.t(short.length), "");
  assert.equal(short.sp(short.length), false);
  assert.equal(short.kd(-1), 0);
  // a list of its own (a phrase key) is untouched by the shared one
  const own = fineTokens("een half miljoen");
  fineTokensOf(EN);
  assert.deepEqual(plain(own).map((t) => t.t), ["een", "half", "miljoen"]);
});
