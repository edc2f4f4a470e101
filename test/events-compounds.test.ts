import { test } from "node:test";
import assert from "node:assert/strict";
import { langPack } from "../src/lang/index.js";
import { findTriggers } from "../src/pipeline/events/index.js";

// Dutch writes its event words into compounds the lexicon does not list: the compound is typed by the
// longest trigger it ends in (looked up by its last letters, ASCII or not); English lists its words whole.
test("Dutch compounds are typed by the trigger they end in, short words and non-compounds are not", () => {
  const text =
    "Na de tankaanval en een nieuw dronebombardement volgde een burgerevacuatie. De tegenaanval bleef uit; bijval kwam er niet. " +
    "Het legerbombardement op Tsjasiv Jar (een ‘terreuraanvallen’-golf) en de zuiveringsoperatie. Een val, een knalé en de evacuatieë.";
  assert.deepEqual(findTriggers(text, langPack("nl").events).map((x) => `${x.type}:${x.text}`), [
    "attack:tankaanval", "strike:dronebombardement", "evacuation:burgerevacuatie", "attack:tegenaanval", "strike:legerbombardement",
    "attack:terreuraanvallen", "operation:zuiveringsoperatie",
  ]);
});

test("English triggers match whole words only", () => {
  const text = "The tankattack and the counterattack were followed by an attack on the depot and a missile strike.";
  assert.deepEqual(findTriggers(text, langPack("en").events).map((x) => `${x.type}:${x.text}`), ["attack:attack", "strike:missile strike"]);
});
