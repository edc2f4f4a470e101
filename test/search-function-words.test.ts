// Search without function words (issue 16): a report's claims are indexed without its language's function
// words ("de", "het", "the", "of"), and a search drops every language's from its words. Claims are found by
// their content words, the same with function words added to the query as without, on both backends; a
// query of function words alone filters nothing; a ledger whose index still holds them (written before,
// here a copy made without leaving them out) answers the same; `sitrep copy` leaves them out as ingest does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { copyLedger } from "../src/store/copy.js";
import { withoutWords } from "../src/store/dialect.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { copyText } from "../src/cli/copy.js";
import { StoreLedger } from "../src/server/store.js";
import { searchedWords } from "../src/server/views.js";
import { functionWords as nlFunction } from "../src/lang/nl/function-words.js";
import { functionWords as enFunction } from "../src/lang/en/function-words.js";
import { BACKENDS, eachBackend, type Backend } from "./backends.js";

const sqlite = BACKENDS.find((b) => b.name === "SQLite")!;

// Reports written for this test, in the style of news reports.
const REPORTS = [
  {
    lang: "nl",
    title: "Aanval op munitiedepot",
    text:
      "Het ministerie van Defensie meldt dat bij een aanval op een munitiedepot in de buurt van Zaporizja drie militairen om het leven zijn gekomen. " +
      "Volgens de gouverneur van de regio is de brand in het depot nog niet onder controle. " +
      "De woordvoerder van het leger ontkent dat er burgers gewond zijn geraakt. " +
      "Onduidelijk is hoeveel raketten er zijn afgevuurd.",
  },
  {
    lang: "nl",
    title: "Brug over de Maas dicht",
    text:
      "De burgemeester van Rotterdam zegt dat de brug over de Maas tot vrijdag dicht blijft. " +
      "Rijkswaterstaat laat weten dat de schade aan de pijlers groter is dan verwacht. " +
      "Volgens de politie zijn er bij het ongeluk geen gewonden gevallen.",
  },
  {
    lang: "en",
    title: "Strike on ammunition depot",
    text:
      "The defence ministry said three soldiers were killed when a missile struck an ammunition depot near Zaporizhzhia. " +
      "According to the regional governor, the fire at the depot was still burning on Tuesday. " +
      "An army spokesman denied that any civilians had been injured. " +
      "It is unclear how many missiles were fired.",
  },
  {
    lang: "en",
    title: "Maas bridge to stay shut",
    text:
      "The mayor of Rotterdam said the bridge over the Maas would stay closed until Friday. " +
      "The highways agency said the damage to the piers was worse than expected. " +
      "Police said nobody had been hurt in the accident.",
  },
];

/** Content words, and the same with function words around them (each pair finds the same claims). */
const PAIRS: [string, string][] = [
  ["brug Maas", "de brug over de Maas"],
  ["munitiedepot", "bij een munitiedepot"],
  ["soldiers killed", "the soldiers were killed"],
  ["damage piers", "the damage to the piers"],
  ["mayor Rotterdam", "The mayor of Rotterdam"],
  ["def", "het def"],
  ["gewond", "zij zijn gewond"],
];

function files(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-fwords-"));
  return REPORTS.map((r, i) => {
    const f = join(dir, `r${i}.txt`);
    writeFileSync(f, `---\ntitle: "${r.title}"\nsource: "Krant ${i}"\nurl: "https://example.org/fw/${i}"\npublished: 2024-03-1${i}T09:00:00+01:00\nlanguage: ${r.lang}\n---\n${r.text}\n`);
    return f;
  });
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
/** As search promises: every word of the query the start of a word of the text. */
const hasWords = (text: string, ws: readonly string[]) => {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u);
  return ws.every((w) => words.some((x) => x.startsWith(w)));
};

/** Every search of the test through the API's ledger: the claims' ids, and the reports', by query. */
async function answers(spec: string): Promise<Map<string, string[]>> {
  const l = await StoreLedger.open(spec, { workers: false, pollMs: 3_600_000 });
  try {
    const out = new Map<string, string[]>();
    const all = (await l.searchClaims({ limit: 1000 })).items;
    assert.ok(all.length >= 10, `claims: ${all.length}`);
    for (const q of [...PAIRS.flat(), "de het of the", "van"]) {
      const claims = (await l.searchClaims({ q, limit: 1000 })).items;
      out.set(`claims ${q}`, claims.map((c) => c.id).sort());
      out.set(`reports ${q}`, (await l.listReports({ q, limit: 1000 })).items.map((r) => r.id).sort());
      // the claims those words are in, told from the claims' own text
      const ws = searchedWords(q);
      assert.deepEqual(claims.map((c) => c.id).sort(), all.filter((c) => hasWords(c.text, ws)).map((c) => c.id).sort(), `the claims of "${q}"`);
    }
    out.set("all", all.map((c) => c.id).sort());
    return out;
  } finally {
    await l.close();
  }
}

/** How many of the claims of reports in a language their index finds by a word, as the index is asked directly. */
async function indexedIn(be: Backend, spec: string, word: string, lang: string): Promise<number> {
  if (be.name === "SQLite")
    return be.n(spec, `SELECT count(*) AS n FROM claims_fts f JOIN reports r ON r.id = f.rowid >> 10 WHERE claims_fts MATCH '"${word}"' AND r.language = '${lang}'`);
  return be.n(spec, `SELECT count(*) AS n FROM claims_search s JOIN reports r ON r.id = s.id / 1048576 WHERE s.search @@ to_tsquery('simple', '${word}') AND r.language = '${lang}'`);
}

eachBackend("search finds claims by their content words, the same with function words added, whose index leaves them out", async (be) => {
  const spec = await be.ledger();
  const s = await openStore(spec);
  try {
    assert.equal((await ingestFiles(s, files(), { progress: "none" })).failed.length, 0);
  } finally {
    await s.close();
  }
  const got = await answers(spec);
  for (const [bare, padded] of PAIRS) {
    assert.ok(got.get(`claims ${bare}`)!.length > 0, `"${bare}" finds claims`);
    assert.deepEqual(got.get(`claims ${padded}`), got.get(`claims ${bare}`), `"${padded}" as "${bare}"`);
    assert.ok(got.get(`reports ${bare}`)!.length > 0, `"${bare}" finds reports`);
    assert.deepEqual(got.get(`reports ${padded}`), got.get(`reports ${bare}`), `reports: "${padded}" as "${bare}"`);
  }
  // "def": the start of a word of either language (defensie, defence)
  assert.equal(got.get("claims def")!.length, 2);
  // function words alone: no filter of words
  assert.deepEqual(got.get("claims de het of the"), got.get("all"));
  // "van" is a Dutch function word and an English noun: kept in the index of both, and in queries
  assert.ok(got.get("claims van")!.length > 0 && got.get("claims van")!.length < got.get("all")!.length);

  // the index holds no function word of its report's language, and the words it holds it finds
  for (const w of ["de", "het", "een", "zijn", "dat"]) assert.equal(await indexedIn(be, spec, w, "nl"), 0, `nl "${w}"`);
  for (const w of ["the", "of", "to", "were", "an"]) assert.equal(await indexedIn(be, spec, w, "en"), 0, `en "${w}"`);
  assert.ok((await indexedIn(be, spec, "munitiedepot", "nl")) > 0);
  assert.ok((await indexedIn(be, spec, "depot", "en")) > 0);

  // a ledger whose index holds every word (as before: a copy that leaves none out) answers the same
  const copy = join(mkdtempSync(join(tmpdir(), "sitrep-fwords-copy-")), "copy.db");
  await copyLedger(spec, copy);
  assert.ok((await indexedIn(sqlite, copy, "the", "en")) > 0, "the copy's index holds the function words");
  assert.deepEqual(await answers(copy), got);
  // `sitrep copy` leaves them out, as ingest does
  const copied = join(mkdtempSync(join(tmpdir(), "sitrep-fwords-copy-")), "copied.db");
  await copyText(spec, copied, { quiet: true });
  for (const w of ["de", "het"]) assert.equal(await indexedIn(sqlite, copied, w, "nl"), 0, `copied: nl "${w}"`);
  for (const w of ["the", "of"]) assert.equal(await indexedIn(sqlite, copied, w, "en"), 0, `copied: en "${w}"`);
  assert.deepEqual(await answers(copied), got);
}, { timeout: 300000 });

test("the lists: no word in both a list and the other language's content words they keep apart, and a word taken out of text whole", () => {
  // (the query drops both languages' lists: the English noun "van" stays searchable)
  for (const w of ["van", "die", "met", "door", "want", "men", "mijn", "may", "mine"]) assert.ok(!nlFunction.includes(w) && !enFunction.includes(w), w);
  for (const w of ["de", "het", "een", "the", "of", "and", "a"]) assert.ok(nlFunction.includes(w) || enFunction.includes(w), w);
  assert.deepEqual(searchedWords("De brug over de Maas, the bridge"), ["brug", "maas", "bridge"]);
  const set = new Set(["de", "the", "s"]);
  assert.equal(withoutWords("Dé brug, DE Maas; the Depot's deur", set), " brug,  Maas;  Depot' deur");
  // a combining mark belongs to its word: "de" followed by a mark is taken out whole, "dex" is no "de"
  assert.equal(withoutWords("de\u0301 dex de", set), " dex ");
  assert.equal(withoutWords("geen woord", undefined), "geen woord");
  // linear on a long run of separators and words
  const long = "de ".repeat(200_000) + "x".repeat(200_000);
  const t0 = performance.now();
  assert.equal(withoutWords(long, set).trim(), "x".repeat(200_000));
  assert.ok(performance.now() - t0 < 2000);
});
