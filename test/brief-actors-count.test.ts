// "… and N more" under Actors is the number of the ledger's actors not shown, as --all lists them: the parts of
// one actor (a spokesman named in full in one report and by his surname in another) may lie among the weakest
// of the store's entities, beyond those read to gather the lines shown, and are one actor there too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, pictured, section } from "./briefed.js";
import { composeBriefing, renderHtml, renderMarkdown } from "../src/brief/index.js";

// Reports written for this test: an explosion at a chemical plant; a dozen bodies and people named in two
// reports each, and the owner's spokesman named in full in one later report and by his surname in another.
const REPORTS = [
  {
    file: "1.en.txt", title: "Blast at Antwerp chemical plant kills three", source: "Harbour Gazette", published: "2025-03-04T09:00:00+01:00", lang: "en" as const,
    text: "An explosion at the Scheldt Chemicals plant in the port of Antwerp killed three workers on Monday night, the Antwerp fire brigade said.\n\nMayor Pieter Lambrecht said the city had opened a crisis centre. The Federal Police are investigating. The Red Cross cares for the injured at the Middelheim Hospital. Fire chief Koen Smet said the fire was out by dawn.\n\nGreenpeace called for the plant to be closed. The union ACV said its members had warned of leaks for months. Interior Minister Sofie Maes and Prime Minister Tom Willems visited the site on Tuesday. The European Commission offered help. The World Health Organization sent experts. Fluxys shut a pipeline nearby, and the Belga news agency reported that Shell halted deliveries.\n",
  },
  {
    file: "2.en.txt", title: "Antwerp plant blast: toll rises to four", source: "Coastal Times", published: "2025-03-05T09:00:00+01:00", lang: "en" as const,
    text: "A fourth worker has died after the explosion at the Scheldt Chemicals plant in Antwerp, the Antwerp fire brigade said on Wednesday.\n\nMayor Pieter Lambrecht said the crisis centre would stay open. The Federal Police are still investigating. The Red Cross is treating eleven injured at the Middelheim Hospital. Fire chief Koen Smet said the site was safe.\n\nGreenpeace repeated its call. The union ACV demanded an inquiry. Interior Minister Sofie Maes and Prime Minister Tom Willems met the families. The European Commission sent experts. The World Health Organization sent a team. Fluxys kept its pipeline shut, Belga reported, and Shell halted deliveries.\n",
  },
  {
    file: "3.en.txt", title: "Plant owner says valve failed", source: "Industry Wire", published: "2025-03-06T09:00:00+01:00", lang: "en" as const,
    text: "A faulty valve caused the explosion at the Antwerp chemical plant, a spokesman for the owner said on Thursday.\n\n\"The valve had been replaced in January,\" said Hendrik Dierickx, the spokesman.\n",
  },
  {
    file: "4.en.txt", title: "Valve maker rejects blame", source: "Business Daily", published: "2025-03-06T15:00:00+01:00", lang: "en" as const,
    text: "The maker of the valve rejected the blame for the Antwerp explosion on Thursday. Inspectors found no fault in it, the company said. On Thursday morning Dierickx had told reporters that the valve failed.\n",
  },
];

const [short, whole] = [await briefed(REPORTS, "actors-count-short", 1), await briefed(REPORTS, "actors-count-whole")];

test("the actors not shown are counted as the ledger's actors, the parts of one actor once, however weak", () => {
  for (const lang of ["en", "nl"] as const) {
    const all = section(whole[lang], "actors");
    assert.equal(all.lines.length, 13, lang);
    assert.ok(all.lines.some((l) => l.text.startsWith("Hendrik Dierickx (")), lang);
    assert.equal(all.more, undefined, lang);
    const few = section(short[lang], "actors");
    assert.equal(few.lines.length, 1, lang);
    assert.equal(few.more, 12, lang);
    assert.equal(few.atLeast, undefined, lang);
  }
});

test("a count of the actors that is only a floor (a ledger too large to read whole) says so", () => {
  for (const [lang, words] of [["en", "… and at least 12 more."], ["nl", "… en nog minstens 12."]] as const) {
    const b = short[lang];
    const floor = { ...b, sections: b.sections.map((s) => (s.id === "actors" ? { ...s, atLeast: true as const } : s)) };
    assert.ok(renderMarkdown(floor).includes(words), lang);
    assert.ok(renderHtml(floor).includes(words), lang);
    assert.ok(!renderMarkdown(b).includes(words), lang);
  }
});

test("a floor says how many more there are at most when the store's count of its actors tells", async () => {
  // (the picture of a ledger too large to read whole: its lines read and not shown, 12, and the store's
  // entities of actors not read, 28, each at most a line of its own)
  const p = await pictured(REPORTS, "actors-count-up-to", 1);
  for (const [lang, words] of [["en", "… and at least 12 more (at most 40)."], ["nl", "… en nog minstens 12 (hooguit 40)."]] as const) {
    const b = composeBriefing({ ...p[lang], atLeast: { actors: true }, upTo: { actors: 41 } }, lang);
    assert.equal(section(b, "actors").upTo, 40, lang);
    assert.ok(renderMarkdown(b).includes(words), lang);
    assert.ok(renderHtml(b).includes(words), lang);
  }
});
