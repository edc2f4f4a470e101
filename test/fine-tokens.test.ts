import { test } from "node:test";
import assert from "node:assert/strict";
import { fineTokens, fineTokensRe, hashOf, type Tok } from "../src/pipeline/counts/numbers.js";

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
    const plain = (ts: Tok[]) => ts.map(({ s, e, t, raw, sp, kind }) => ({ s, e, t, raw, sp, kind }));
    assert.deepEqual(plain(fast), plain(fineTokensRe(text, 0, text.length)));
    // the hash made while scanning (ASCII tokens) is the hash of the lower-cased text
    for (const t of fast) if (t.h !== undefined && t.h >= 0) assert.equal(t.h, hashOf(t.t), t.raw);
    assert.ok(fast.length > 20 || text.length < 60);
  }
  // the kinds and the lower-casing the stages rely on
  const toks = fineTokens(EN);
  const kyiv = toks.find((t) => t.raw === "KYIV")!;
  assert.equal(kyiv.t, "kyiv");
  assert.equal(kyiv.kind, "w");
  assert.deepEqual(toks.filter((t) => t.kind === "d").slice(0, 3).map((t) => t.raw), ["14", "60", "1"]);
  assert.ok(toks.some((t) => t.raw === "Zürich" && t.t === "zürich"));
  assert.ok(fineTokens(NL).some((t) => t.raw === "Naïeve" && t.t === "naïeve" && t.sp));
});
