import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segmentDoc } from "../src/pipeline/segment/index.js";
import { times } from "../src/pipeline/times/index.js";

// Published Tuesday 23 May 2023, 17:00 Amsterdam time, unless a test says otherwise.
const DCT = "2023-05-23T17:00:00+02:00";

function tag(text: string, lang: Lang, published = DCT) {
  const doc = new Doc(text, { id: "d1", published, publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const pack = langPack(lang);
  segmentDoc(doc, pack.segment);
  times(doc, { lang: pack });
  return doc.times.map((t) => [t.text, t.value]);
}
/** Every [text, value] pair expected, in order, and nothing else. */
function expectTimes(lang: Lang, text: string, want: [string, string][], published = DCT) {
  assert.deepEqual(tag(text, lang, published), want, text);
}

test("nl: parts of day written as one word", () => {
  expectTimes("nl", "Gisterochtend vielen gewapende mannen de grensplaats binnen.", [["Gisterochtend", "2023-05-22TMO"]]);
  expectTimes("nl", "Er werd gisteravond melding gemaakt van explosies.", [["gisteravond", "2023-05-22TEV"]]);
  expectTimes("nl", "De gouverneur liet vanochtend weten dat de operatie voortduurt.", [["vanochtend", "2023-05-23TMO"]]);
  expectTimes("nl", "Vanmiddag sprak de minister de Kamer toe.", [["Vanmiddag", "2023-05-23TAF"]]);
  // told in the past tense, "vannacht" is last night, which carries the date of the evening it began
  expectTimes("nl", "Vannacht werden drie drones neergehaald.", [["Vannacht", "2023-05-22TNI"]]);
  expectTimes("nl", "Vannacht wordt er opnieuw regen verwacht.", [["Vannacht", "2023-05-23TNI"]]);
  expectTimes("nl", "Vanavond vergadert de veiligheidsraad opnieuw.", [["Vanavond", "2023-05-23TEV"]]);
  expectTimes("nl", "Gistermiddag sloeg een raket in op een school.", [["Gistermiddag", "2023-05-22TAF"]]);
});

test("en: parts of day", () => {
  expectTimes("en", "Explosions were heard in the city last night.", [["last night", "2023-05-22TNI"]]);
  expectTimes("en", "The governor said this morning that the operation continues.", [["this morning", "2023-05-23TMO"]]);
  expectTimes("en", "Shelling resumed yesterday afternoon near the border.", [["yesterday afternoon", "2023-05-22TAF"]]);
  expectTimes("en", "The council meets again tonight.", [["tonight", "2023-05-23TNI"]]);
});

test("nl: weekdays relative to publication, past by default and future with a future cue", () => {
  expectTimes("nl", "Maandag vielen de strijders het dorp aan.", [["Maandag", "2023-05-22"]]);
  expectTimes("nl", "Op zaterdag werd de brug opgeblazen.", [["zaterdag", "2023-05-20"]]);
  expectTimes("nl", "De top zal vrijdag in Brussel plaatsvinden.", [["vrijdag", "2023-05-26"]]);
  expectTimes("nl", "Zondagavond werd het vuur geopend.", [["Zondagavond", "2023-05-21TEV"]]);
  expectTimes("nl", "Dinsdag bevestigde het ministerie de aanval.", [["Dinsdag", "2023-05-23"]]);
});

test("en: weekdays relative to publication", () => {
  expectTimes("en", "Fighters crossed the border on Monday.", [["Monday", "2023-05-22"]]);
  expectTimes("en", "The ministry will publish its figures on Friday.", [["Friday", "2023-05-26"]]);
  expectTimes("en", "Troops entered the village on Sunday night.", [["Sunday night", "2023-05-21TNI"]]);
  expectTimes("en", "Officials met last Thursday and again next Monday.", [
    ["last Thursday", "2023-05-18"],
    ["next Monday", "2023-05-29"],
  ]);
});

test("nl and en: a stretch that lasts until a weekday looks ahead, unless its clause is past", () => {
  // published Tuesday 23 May: the coming Friday is the 26th, the last one the 19th
  expectTimes("nl", "De spoorlijn blijft tot zeker vrijdag gesloten.", [["vrijdag", "2023-05-26"]]);
  expectTimes("nl", "De grensovergang is tot en met zondag dicht voor vrachtverkeer.", [["zondag", "2023-05-28"]]);
  // the reporting clause after the comma says when it was decided, not how long it lasts
  expectTimes("nl", "De verdachte blijft tot maandag in voorarrest, heeft de rechter besloten.", [["maandag", "2023-05-29"]]);
  expectTimes("en", "The motorway remains closed through Sunday.", [["Sunday", "2023-05-28"]]);
  expectTimes("en", "Schools in the region stay shut till Monday.", [["Monday", "2023-05-29"]]);
  // a past clause: the stretch is over
  expectTimes("nl", "De snelweg was tot zondag afgesloten.", [["zondag", "2023-05-21"]]);
  expectTimes("en", "Schools were shut till Monday.", [["Monday", "2023-05-22"]]);
  // the end of a range of days goes with its start
  expectTimes("nl", "Van zaterdag tot maandag werd in de haven gestaakt.", [["zaterdag", "2023-05-20"], ["maandag", "2023-05-22"]]);
});

test("nl and en: nights, weekends, named clock times and days of a named week", () => {
  expectTimes("nl", "In de nacht van zaterdag op zondag werden drones neergeschoten.", [["de nacht van zaterdag op zondag", "2023-05-20TNI"]]);
  expectTimes("nl", "Rond middernacht klonken explosies.", [["middernacht", "2023-05-23T24:00"]]);
  expectTimes("nl", "Het kabinet besluit volgende week dinsdag.", [["volgende week dinsdag", "2023-05-30"]]);
  expectTimes("nl", "Op 24 februari vorig jaar begon de invasie.", [["24 februari vorig jaar", "2022-02-24"]]);
  expectTimes("en", "Over the weekend, drones hit two depots.", [["the weekend", "2023-W20-WE"]]);
  expectTimes("en", "On the night of May 20, sirens sounded.", [["the night of May 20", "2023-05-20TNI"]]);
  expectTimes("en", "Officials expect a decision by the end of the month.", [["the end of the month", "2023-05"]]);
});

test("nl: days around the publication date", () => {
  expectTimes("nl", "Het legioen claimde gisteren de aanval, eergisteren was het nog stil.", [
    ["gisteren", "2023-05-22"],
    ["eergisteren", "2023-05-21"],
  ]);
  expectTimes("nl", "Berichten over nieuwe aanvallen blijven vandaag uit.", [["vandaag", "2023-05-23"]]);
  expectTimes("nl", "Morgen beslist het kabinet over nieuwe steun.", [["Morgen", "2023-05-24"]]);
  expectTimes("nl", "Overmorgen reist de premier naar Kyiv.", [["Overmorgen", "2023-05-25"]]);
});

test("en: days around the publication date", () => {
  expectTimes("en", "The group claimed the attack yesterday; the army responded today.", [
    ["yesterday", "2023-05-22"],
    ["today", "2023-05-23"],
  ]);
  expectTimes("en", "Talks resume tomorrow in Geneva.", [["tomorrow", "2023-05-24"]]);
  expectTimes("en", "The convoy left the day before yesterday.", [["the day before yesterday", "2023-05-21"]]);
});

test("nl and en: seasons", () => {
  expectTimes("nl", "Het korps werd in de zomer van 2022 opgericht.", [["de zomer van 2022", "2022-SU"]]);
  expectTimes("nl", "Afgelopen winter viel de stroom vaak uit.", [["Afgelopen winter", "2022-WI"]]);
  expectTimes("en", "The unit was founded in the summer of 2022.", [["the summer of 2022", "2022-SU"]]);
  expectTimes("en", "The offensive began last autumn.", [["last autumn", "2022-FA"]]);
});

test("nl: months and years with and without a year", () => {
  expectTimes("nl", "Beide groepen ontstonden vorig jaar.", [["vorig jaar", "2022"]]);
  expectTimes("nl", "In maart werd de grens gesloten.", [["maart", "2023-03"]]);
  expectTimes("nl", "In augustus 2021 viel Kabul.", [["augustus 2021", "2021-08"]]);
  expectTimes("nl", "De verkiezingen zijn in 2024.", [["2024", "2024"]]);
  expectTimes("nl", "Volgende maand komt het rapport uit, deze week nog niet.", [
    ["Volgende maand", "2023-06"],
    ["deze week", "2023-W21"],
  ]);
  expectTimes("nl", "Vorige week werden twee dorpen beschoten.", [["Vorige week", "2023-W20"]]);
});

test("en: months and years with and without a year", () => {
  expectTimes("en", "The militia was formed last year.", [["last year", "2022"]]);
  expectTimes("en", "The border was closed last August.", [["last August", "2022-08"]]);
  expectTimes("en", "Kabul fell in August 2021.", [["August 2021", "2021-08"]]);
  expectTimes("en", "The report will be published in July.", [["July", "2023-07"]]);
  expectTimes("en", "The ceasefire collapsed in February.", [["February", "2023-02"]]);
  expectTimes("en", "Attacks have doubled this year.", [["this year", "2023"]]);
});

test("nl: explicit dates in common formats", () => {
  expectTimes("nl", "De aanval vond plaats op 22 mei 2023.", [["22 mei 2023", "2023-05-22"]]);
  expectTimes("nl", "Op 3 januari werd de verdachte opgepakt.", [["3 januari", "2023-01-03"]]);
  expectTimes("nl", "Het besluit dateert van 22-05-2023.", [["22-05-2023", "2023-05-22"]]);
  expectTimes("nl", "Het besluit dateert van 7/3/2022.", [["7/3/2022", "2022-03-07"]]);
  expectTimes("nl", "Zie het bericht van 2023-05-22.", [["2023-05-22", "2023-05-22"]]);
  expectTimes("nl", "Op maandag 22 mei was het onrustig.", [["maandag 22 mei", "2023-05-22"]]);
});

test("en: explicit dates in common formats", () => {
  expectTimes("en", "The raid took place on May 22, 2023.", [["May 22, 2023", "2023-05-22"]]);
  expectTimes("en", "The raid took place on 22 May 2023.", [["22 May 2023", "2023-05-22"]]);
  expectTimes("en", "A suspect was detained on Jan. 3.", [["Jan. 3", "2023-01-03"]]);
  expectTimes("en", "The order is dated 5/7/2022.", [["5/7/2022", "2022-05-07"]]);
  expectTimes("en", "The log starts at 2023-05-22.", [["2023-05-22", "2023-05-22"]]);
  expectTimes("en", "On Monday, May 22, the town was quiet.", [["Monday, May 22", "2023-05-22"]]);
  expectTimes("en", "It will be signed on the 4th of July.", [["the 4th of July", "2023-07-04"]]);
});

test("nl and en: clock times", () => {
  expectTimes("nl", "De explosie volgde om 14.00 uur.", [["14.00 uur", "2023-05-23T14:00"]]);
  expectTimes("nl", "Gisteren om 21:30 klonk een knal.", [
    ["Gisteren", "2023-05-22"],
    ["21:30", "2023-05-22T21:30"],
  ]);
  expectTimes("en", "The blast happened at 2 p.m.", [["2 p.m.", "2023-05-23T14:00"]]);
  expectTimes("en", "Trading was halted at 16:08 UTC.", [["16:08 UTC", "2023-05-23T16:08Z"]]);
  expectTimes("en", "The vote is postponed until 15:00 GMT Saturday.", [["15:00 GMT Saturday", "2023-05-27T15:00Z"]]);
});

test("nl and en: clock times with parts of day, ranges and named hours", () => {
  expectTimes("nl", "Rond 3 uur 's nachts klonk een explosie.", [["3 uur 's nachts", "2023-05-23T03:00"]]);
  expectTimes("nl", "Tussen 22.00 en 06.00 uur geldt een avondklok.", [
    ["22.00", "2023-05-23T22:00"],
    ["06.00 uur", "2023-05-23T06:00"],
  ]);
  expectTimes("nl", "Na 24 uur was het voorbij.", [["24 uur", "PT24H"]]);
  expectTimes("en", "At 3 a.m. on Sunday, an explosion was heard.", [
    ["3 a.m.", "2023-05-21T03:00"],
    ["Sunday", "2023-05-21"],
  ]);
  expectTimes("en", "By 9 o'clock the fire was out.", [["9 o'clock", "2023-05-23T09:00"]]);
});

test("nl: durations and ages", () => {
  expectTimes("nl", "De gevechten duurden drie dagen.", [["drie dagen", "P3D"]]);
  expectTimes("nl", "In de afgelopen 24 uur vielen tien raketten.", [["de afgelopen 24 uur", "PT24H"]]);
  expectTimes("nl", "Vijftien maanden geleden begon de oorlog.", [["Vijftien maanden geleden", "2022-02"]]);
  expectTimes("nl", "Het beleg duurde anderhalf jaar.", [["anderhalf jaar", "P1.5Y"]]);
  expectTimes("nl", "Hij zat ruim twee weken vast.", [["ruim twee weken", "P2W"]]);
  expectTimes("nl", "Enkele dagen later volgde een tweede aanval.", [["Enkele dagen", "PXD"]]);
});

test("en: durations and ages", () => {
  expectTimes("en", "More than 70 rockets were fired in the past 24 hours.", [["the past 24 hours", "PT24H"]]);
  expectTimes("en", "The war began 15 months ago.", [["15 months ago", "2022-02"]]);
  expectTimes("en", "The siege lasted three days.", [["three days", "P3D"]]);
  expectTimes("en", "The trial took almost seven years.", [["almost seven years", "P7Y"]]);
  expectTimes("en", "He had been held for two and a half years.", [["two and a half years", "P2.5Y"]]);
  expectTimes("en", "A 22-year-old man was arrested.", []);
  expectTimes("en", "Prices have risen for years.", [["years", "PXY"]]);
});

test("nl and en: anaphoric expressions resolve against the last date in the text", () => {
  expectTimes("nl", "Op 12 maart werd de stad beschoten. De dag erna vluchtten duizenden inwoners.", [
    ["12 maart", "2023-03-12"],
    ["De dag erna", "2023-03-13"],
  ]);
  expectTimes("nl", "De aanval begon op 2 april. Twee dagen later was de stad ingenomen.", [
    ["2 april", "2023-04-02"],
    ["Twee dagen later", "2023-04-04"],
  ]);
  expectTimes("en", "The town was shelled on March 12. The previous day, residents had fled.", [
    ["March 12", "2023-03-12"],
    ["The previous day", "2023-03-11"],
  ]);
  expectTimes("en", "Talks began on April 2, 2022 and collapsed the following year.", [
    ["April 2, 2022", "2022-04-02"],
    ["the following year", "2023"],
  ]);
});

test("nl and en: anaphoric parts of day", () => {
  expectTimes("en", "The town was shelled on May 20. The following morning, residents fled.", [
    ["May 20", "2023-05-20"],
    ["The following morning", "2023-05-21TMO"],
  ]);
  expectTimes("nl", "Op 20 mei werd de stad beschoten. Die avond vluchtten de inwoners.", [
    ["20 mei", "2023-05-20"],
    ["Die avond", "2023-05-20TEV"],
  ]);
});

test("nl and en: quarters, decades and centuries", () => {
  expectTimes("nl", "In het eerste kwartaal van 2023 daalde de export.", [["het eerste kwartaal van 2023", "2023-Q1"]]);
  expectTimes("nl", "Het conflict gaat terug tot de jaren negentig.", [["de jaren negentig", "199"]]);
  expectTimes("nl", "In de twintigste eeuw werd de grens vaak verlegd.", [["de twintigste eeuw", "19"]]);
  expectTimes("en", "Exports fell in the first quarter of 2023.", [["the first quarter of 2023", "2023-Q1"]]);
  expectTimes("en", "The conflict dates back to the 1990s.", [["the 1990s", "199"]]);
  expectTimes("en", "Borders moved often in the 20th century.", [["the 20th century", "19"]]);
});

test("nl and en: sets", () => {
  expectTimes("nl", "De stad wordt elke dag beschoten.", [["elke dag", "P1D"]]);
  expectTimes("nl", "Het leger meldt wekelijks nieuwe verliezen.", [["wekelijks", "P1W"]]);
  expectTimes("en", "Patrols cross the river every week.", [["every week", "P1W"]]);
  expectTimes("en", "Convoys leave every Monday.", [["every Monday", "XXXX-WXX-1"]]);
});

test("en: document-relative references follow the TimeML gold conventions", () => {
  expectTimes("en", "The front is now quiet, but fighting was heavy in the past.", [
    ["now", "PRESENT_REF"],
    ["the past", "PAST_REF"],
  ]);
  expectTimes("en", "The ministry currently lists 40 missing soldiers.", [["currently", "PRESENT_REF"]]);
});

test("no false hits: nu, the verb may, names with month words, percentages", () => {
  expectTimes("nl", "Dit is wat we nu wel en niet weten.", []);
  expectTimes("nl", "Tot nu toe is één pantservoertuig gespot.", []);
  expectTimes("nl", "Het Maart-comité en Jan Maart kwamen bijeen.", []);
  expectTimes("en", "The government may decide to extend the curfew.", []);
  expectTimes("en", "Prime Minister Theresa May spoke to reporters.", []);
  expectTimes("en", "The index fell by 2.36% and 1,200 people were evacuated.", []);
  expectTimes("en", "Some 2000 soldiers took part.", []);
});

test("granularity is what the text says", () => {
  // a day is a date, not an instant; a month is a month
  expectTimes("en", "Rockets hit the port on Monday and again in March.", [
    ["Monday", "2023-05-22"],
    ["March", "2023-03"],
  ]);
  // the local date of the publication offset decides "today" (22:30 UTC is already the 24th in Kyiv)
  expectTimes("en", "Air raid sirens sounded today.", [["today", "2023-05-24"]], "2023-05-24T01:30:00+03:00");
});
