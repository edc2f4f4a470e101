import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, section, show } from "./briefed.js";

// Reports written for this test: a landslide in Nepal. A wire report attributes a toll to the Nepal Red Cross;
// two days later the Red Cross's spokesman denies that the toll reached that figure. The dispute is between the
// Red Cross and the outlet that put the figure in its mouth: no line may read as the Red Cross rejecting itself.
const REPORTS = [
  {
    file: "1.en.txt", title: "Landslide toll rises to 1,400", source: "Himalaya Wire", published: "2025-07-02T09:00:00+00:00", lang: "en",
    text: "The death toll of the landslide in Pokhara has risen to 1,400 as rescue teams keep digging, the Nepal Red Cross said today.\n\nRoads into the city remain blocked.\n",
  },
  {
    file: "2.en.txt", title: "Red Cross disowns Pokhara toll", source: "Kathmandu Courier", published: "2025-07-04T09:00:00+00:00", lang: "en",
    text: "The spokesman for the Nepal Red Cross, Ram Thapa, denied that the death toll of the landslide in Pokhara had reached 1,400.\n\nRescue teams are still searching the area.\n",
  },
] as const;

const brief = await briefed(REPORTS, "brief-self-denial");
const contested = (lang: "en" | "nl") => (section(brief[lang], "unclear").groups ?? []).flatMap((g) => g.lines).filter((l) => l.quote?.includes("⟷"));

test("a speaker who denies words attributed to it disputes the outlet that reported them, not itself", () => {
  const en = contested("en");
  assert.equal(en.length, 1, en.map(show).join(" | "));
  assert.equal(en[0]!.text, "Nepal Red Cross denies having said it; Himalaya Wire reports otherwise.");
  assert.equal(contested("nl")[0]!.text, "Nepal Red Cross ontkent dit te hebben gezegd; Himalaya Wire meldt van wel.");
  for (const l of [...en, ...contested("nl")]) assert.doesNotMatch(l.text, /Nepal Red Cross (rejects|verwerpt|weerspreekt).*Nepal Red Cross/, l.text);
});
