import { test } from "node:test";
import assert from "node:assert/strict";
import { briefed, groups } from "./briefed.js";

// Reports written for this test: floods around a town in the Balkans. Three aid workers of three bodies, each in a
// report of their own and in two languages, give the same count of missing (5,000), and a
// fourth report states it in its own voice. The line is no one speaker's: its heading names several of its
// sources and how many more there are, in the briefing's language.
const FLOOD = [
  {
    file: "1-wire.en.txt", title: "Floods around Tetovo", source: "Balkan Wire", published: "2025-06-03T10:00:00+02:00", lang: "en" as const,
    text:
      "Floods swept through villages around Tetovo on Monday after two days of rain.\n\n" +
      "About 5,000 people are missing, said Elena Petrova of the Red Cross.\n\n" +
      "Petrova said the roads to Tetovo were cut off.\n",
  },
  {
    file: "2-krant.nl.txt", title: "Overstromingen rond Tetovo", source: "Dagblad Zuid", published: "2025-06-03T14:00:00+02:00", lang: "nl" as const,
    text:
      "Rond Tetovo zijn maandag dorpen overstroomd na twee dagen regen.\n\n" +
      "Volgens Jonas Weber van de VN worden zo'n 5000 mensen vermist.\n",
  },
  {
    file: "3-post.en.txt", title: "Thousands missing after Tetovo floods", source: "Adriatic Post", published: "2025-06-04T09:00:00+02:00", lang: "en" as const,
    text:
      "Villages around Tetovo were flooded on Monday.\n\n" +
      "Some 5,000 people are missing, Marko Ilic of the civil protection agency told reporters on Tuesday.\n",
  },
  {
    file: "4-omroep.nl.txt", title: "Duizenden vermisten rond Tetovo", source: "Omroep Oost", published: "2025-06-04T12:00:00+02:00", lang: "nl" as const,
    text: "Na de overstromingen rond Tetovo worden ongeveer 5000 mensen vermist.\n",
  },
];

test("a line several independent sources back is headed by several of them and how many more", async () => {
  const b = await briefed(FLOOD, "several-sources");
  const heads = { en: "Elena Petrova, Jonas Weber and 2 more", nl: "Elena Petrova, Jonas Weber en 2 andere" };
  for (const lang of ["en", "nl"] as const) {
    const g = groups(b[lang], "claims");
    const missing = g.filter((x) => /5[,.]?[01]00|vermist|missing/.test(x.slice(x.indexOf(":"))));
    assert.equal(missing.length, 1, `${lang}: ${g.join(" || ")}`);
    assert.ok(missing[0]!.startsWith(heads[lang] + ": "), `${lang}: ${missing[0]}`);
  }
});
