import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { entities } from "../src/pipeline/entities/index.js";
import { times } from "../src/pipeline/times/index.js";
import { runPipeline } from "../src/pipeline/index.js";

// The "when" classes of issue #10: relative times resolve against the right anchor. Published Tuesday
// 23 May 2023, 17:00 Amsterdam time, unless a test says otherwise.
const DCT = "2023-05-23T17:00:00+02:00";

function tag(lang: Lang, text: string, published = DCT) {
  const doc = new Doc(text, { id: "d1", published, publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const pack = langPack(lang);
  segmentDoc(doc, pack.segment);
  entities(doc, { lang: pack });
  times(doc, { lang: pack });
  return doc.times.map((t) => [t.text, t.value]);
}
const expectTimes = (lang: Lang, text: string, want: [string, string][], published = DCT) => assert.deepEqual(tag(lang, text, published), want, text);

test("a bare weekday in a past-tense clause is the past one, whatever the clause before it says", () => {
  expectTimes("en", "Officials warned of the coming storm, and on Sunday they ordered residents to leave.", [["Sunday", "2023-05-21"]]);
  expectTimes("nl", "De regering waarschuwde voor de komende storm, maar zondag werden de kustdorpen ontruimd.", [["zondag", "2023-05-21"]]);
  // the future still looks ahead
  expectTimes("en", "The inquiry will report on Friday.", [["Friday", "2023-05-26"]]);
});

test("a day inside a quote counts from when it was said, where the report dates that", () => {
  expectTimes("en", "“The attack yesterday was an act of cowardice,” the mayor said on Sunday.", [
    ["yesterday", "2023-05-20"],
    ["Sunday", "2023-05-21"],
  ]);
  expectTimes("nl", "Minister Jansen bezocht zaterdagavond de getroffen wijk. „Gisteren hebben we een zwarte dag beleefd”, zei Jansen daar.", [
    ["zaterdagavond", "2023-05-20TEV"],
    ["Gisteren", "2023-05-19"],
  ]);
  // undated, it is said when the report is written
  expectTimes("en", "“Yesterday was a dark day,” the mayor said.", [["Yesterday", "2023-05-22"]]);
  // a dated sentence about someone else does not date the quote
  expectTimes("nl", "De brand brak zaterdag uit. „Gisteren was het rustig”, zei een buurman.", [
    ["zaterdag", "2023-05-20"],
    ["Gisteren", "2023-05-22"],
  ]);
});

test("a clock time belongs to the day named nearby, else the day the text last named", () => {
  expectTimes("nl", "Maandag werden twee explosies gemeten. De eerste trilling werd rond 2.00 uur waargenomen. Rond 17.00 uur volgde een tweede.", [
    ["Maandag", "2023-05-22"],
    ["2.00 uur", "2023-05-22T02:00"],
    ["17.00 uur", "2023-05-22T17:00"],
  ]);
  expectTimes("en", "The first blast struck on Sunday. A second followed at 7:04 p.m.", [
    ["Sunday", "2023-05-21"],
    ["7:04 p.m.", "2023-05-21T19:04"],
  ]);
  expectTimes("en", "The minister spoke at 16:15 UTC, May 12, in Brussels.", [
    ["16:15 UTC", "2023-05-12T16:15Z"],
    ["May 12", "2023-05-12"],
  ]);
  // what is still to come is on the day of publication
  expectTimes("nl", "Maandag vielen twee doden. De minister zal om 20.00 uur spreken.", [
    ["Maandag", "2023-05-22"],
    ["20.00 uur", "2023-05-23T20:00"],
  ]);
});

test("nights, dawn and dusk, and the evening the text speaks of", () => {
  // before dawn, "tonight" is the night that began the evening before
  expectTimes("en", "He offered condolences after tonight's attack.", [["tonight", "2023-05-22TNI"]], "2023-05-23T04:30:00+02:00");
  expectTimes("en", "The prime minister spoke at a news conference just before dawn.", [["just before dawn", "2023-05-23TMO"]]);
  expectTimes("en", "Troops entered the village before dawn on Sunday.", [
    ["before dawn", "2023-05-21TMO"],
    ["Sunday", "2023-05-21"],
  ]);
  expectTimes("nl", "De politie viel vlak voor zonsopgang het pand binnen.", [["vlak voor zonsopgang", "2023-05-23TMO"]]);
  expectTimes("nl", "Gisteravond zei de woordvoerder niets. In de loop van de avond werd de aanslag opgeëist.", [
    ["Gisteravond", "2023-05-22TEV"],
    ["de avond", "2023-05-22TEV"],
  ]);
  expectTimes("en", "The assault began on Friday. During the night, troops moved in.", [
    ["Friday", "2023-05-19"],
    ["the night", "2023-05-19TNI"],
  ]);
  // a name is not a dawn
  expectTimes("en", "The report was written by Dawn Butler.", []);
});

test("durations and vague references: afgelopen etmaal, the coming days and weeks, nu", () => {
  expectTimes("nl", "Afgelopen etmaal vielen er drie doden.", [["Afgelopen etmaal", "P1D"]]);
  expectTimes("nl", "Het komende etmaal blijft het onrustig.", [["Het komende etmaal", "P1D"]]);
  expectTimes("en", "The toll is expected to rise in the coming days and weeks.", [["the coming days and weeks", "FUTURE_REF"]]);
  expectTimes("nl", "De spanningen zijn de afgelopen weken en maanden opgelopen.", [["de afgelopen weken en maanden", "PAST_REF"]]);
  expectTimes("en", "Tensions have risen over the past weeks.", [["the past weeks", "PXW"]]);
  expectTimes("nl", "Hoe staat het er nu voor?", [["nu", "PRESENT_REF"]]);
  expectTimes("nl", "Zo gaat dat nu eenmaal.", []);
});

test("a birth year is no event time and anchors nothing", () => {
  const doc = runPipeline(
    new Doc("De verdachte, geboren in 1985, schoot maandag twee mensen dood.", { id: "d1", published: DCT, publishedFrom: "flag", language: "nl", languageFrom: "flag" }),
  );
  assert.deepEqual(
    doc.times.map((t) => [t.text, t.value]),
    [
      ["1985", "1985"],
      ["maandag", "2023-05-22"],
    ],
  );
  assert.deepEqual(doc.events.map((e) => [e.type, e.time]), [["casualties", "2023-05-22"]]);
  // "a year earlier" counts from the year of the events, not from the birth year told after them
  const en = runPipeline(
    new Doc("The gunman was arrested on Monday. Born in 1990, he had served in the army. A year earlier he had been fired.", { id: "d2", published: DCT, publishedFrom: "flag", language: "en", languageFrom: "flag" }),
  );
  assert.deepEqual(
    en.times.map((t) => [t.text, t.value]),
    [
      ["Monday", "2023-05-22"],
      ["1990", "1990"],
      ["A year earlier", "2022"],
    ],
  );
});

test("quotes and anchors stay linear on long texts", () => {
  const pack = langPack("nl");
  // the fastest of three runs, so a busy machine does not make a linear stage look quadratic
  const run = (n: number) => {
    const text = "Jansen zei maandag iets. „Gisteren en vandaag en morgen”, zei Jansen. ".repeat(n);
    const doc = new Doc(text, { id: "d1", published: DCT, publishedFrom: "flag", language: "nl", languageFrom: "flag" });
    segmentDoc(doc, pack.segment);
    entities(doc, { lang: pack });
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      // CPU time, not wall time: a busy machine that sets the process aside does not count
      const t0 = process.cpuUsage();
      times(doc, { lang: pack });
      const u = process.cpuUsage(t0);
      best = Math.min(best, (u.user + u.system) / 1000);
    }
    return best;
  };
  run(50);
  const small = Math.max(run(300), 5);
  // eight times the text: a quadratic pass would take some 64 times as long
  assert.ok(run(2400) < small * 8 * 3, "not linear");
});

test("overnight and midnight that have passed, quarters of a year, the end of the year, named days", () => {
  expectTimes("en", "Residents were evacuated overnight.", [["overnight", "2023-05-22TNI"]]);
  expectTimes("en", "The suspect was arrested shortly after midnight.", [["shortly after midnight", "2023-05-22T24:00"]]);
  expectTimes("nl", "De verdachte werd kort na middernacht aangehouden.", [["kort na middernacht", "2023-05-22T24:00"]]);
  expectTimes("en", "The economy shrank for two consecutive quarters of the year.", [["two consecutive quarters", "P2Q"]]);
  expectTimes("en", "A quarter of its dealers closed.", []);
  expectTimes("en", "In the final quarter of 2022 the company made a loss.", [["the final quarter of 2022", "2022-Q4"]]);
  expectTimes("nl", "In het laatste kwartaal van 2022 leed het bedrijf verlies.", [["het laatste kwartaal van 2022", "2022-Q4"]]);
  expectTimes("en", "Infections peaked by the end of the year.", [["the end of the year", "2022"]]);
  expectTimes("en", "Markets crashed on what became known as Black Monday.", []);
  expectTimes("nl", "Op Goede Vrijdag bleven de winkels dicht.", []);
});

test("the month May is no modal verb: a day in May told in the past lies before the report", () => {
  const dec = "2026-12-01T08:00:00+01:00";
  expectTimes("en", "On 23 May the army withdrew from the border villages.", [["23 May", "2026-05-23"]], dec);
  expectTimes("en", "The army withdrew from the border villages on 23 May.", [["23 May", "2026-05-23"]], dec);
  expectTimes("en", "The talks will resume on 23 May.", [["23 May", "2027-05-23"]], dec);
});

test("with only a file's time to go on, what hangs on the moment of writing is left open and flagged", () => {
  const text = "Shelling hit the port on Wednesday, the harbour master said. On 12 March the ferries stopped. The truce of 4 March 2022 held for a week.";
  const doc = new Doc(text, { id: "d1", published: "2026-11-30T10:00:00Z", publishedFrom: "file-mtime", language: "en", languageFrom: "flag" });
  runPipeline(doc);
  assert.deepEqual(
    doc.times.map((t) => [t.text, t.value, !!t.unresolved]),
    [
      ["Wednesday", "XXXX-XX-XX", true],
      ["12 March", "XXXX-03-12", true],
      ["4 March 2022", "2022-03-04", false],
      ["a week", "P1W", false],
    ],
  );
  // the same text with a stated publication time resolves them
  const dated = new Doc(text, { id: "d1", published: "2026-11-30T10:00:00Z", publishedFrom: "flag", language: "en", languageFrom: "flag" });
  runPipeline(dated);
  assert.deepEqual(dated.times.map((t) => t.value).slice(0, 2), ["2026-11-25", "2026-03-12"]);
});

test("strong and irregular past forms make a later month of the year last year's", () => {
  expectTimes("nl", "In oktober vochten de troepen nog om de brug.", [["oktober", "2022-10"]]);
  expectTimes("nl", "In november schoot de luchtafweer twee drones neer.", [["november", "2022-11"]]);
  expectTimes("en", "In October the brigade withdrew from the river.", [["October", "2022-10"]]);
  expectTimes("en", "In October the brigade will withdraw from the river.", [["October", "2023-10"]]);
});
