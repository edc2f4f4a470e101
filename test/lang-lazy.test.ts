// Language packs load a stage's lexicon when a stage first reads it (src/lang/lazy.ts): a process that reads
// only English reports never evaluates the Dutch claim, time and count lexicons, and the other way round.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { lazyPack } from "../src/lang/lazy.js";
import { langPack } from "../src/lang/index.js";

const dist = fileURLToPath(new URL("../", import.meta.url));

/** The lexicon modules (lang/<code>/<stage>.js) a fresh process has loaded after running `script`. */
function loadedAfter(script: string): string[] {
  const url = (p: string) => JSON.stringify(pathToFileURL(dist + p).href);
  const r = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module";
       const { toDoc } = await import(${url("src/ingest/index.js")});
       const { runPipeline } = await import(${url("src/pipeline/index.js")});
       ${script}
       const loaded = Object.keys(createRequire(import.meta.url).cache).map((k) => /lang\\/(nl|en)\\/\\w+\\.js$/.exec(k)?.[0]).filter(Boolean);
       process.stdout.write(JSON.stringify(loaded.sort()));`,
    ],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as string[];
}

const ENGLISH =
  "Two people were killed when a fire broke out in a warehouse in the port of Antwerp on Tuesday night, the fire brigade said. " +
  "A spokeswoman for the city said the cause of the fire was not yet known.";
const DUTCH =
  "Bij een brand in een loods in de haven van Antwerpen zijn dinsdagavond twee mensen om het leven gekomen, meldt de brandweer. " +
  "Een woordvoerster van de stad zegt dat de oorzaak van de brand nog niet bekend is.";

test("an English report loads the English lexicons, of the Dutch ones only the names'", () => {
  const loaded = loadedAfter(`runPipeline(toDoc({ text: ${JSON.stringify(ENGLISH)} }, "d1", { lang: "en" }));`);
  for (const stage of ["segment", "entities", "claims", "times", "counts", "events"]) assert.ok(loaded.includes(`lang/en/${stage}.js`), `en/${stage} loaded: ${loaded}`);
  // a Dutch role or demonym inside English text is still known (entity and claim fusion read both languages' names)
  for (const stage of ["claims", "times", "counts", "events"]) assert.ok(!loaded.includes(`lang/nl/${stage}.js`), `nl/${stage} not loaded: ${loaded}`);
});

test("a Dutch report loads the Dutch lexicons, not the English claim or time lexicons", () => {
  const loaded = loadedAfter(`runPipeline(toDoc({ text: ${JSON.stringify(DUTCH)} }, "d1", { lang: "nl" }));`);
  for (const stage of ["segment", "entities", "claims", "times", "counts", "events"]) assert.ok(loaded.includes(`lang/nl/${stage}.js`), `nl/${stage} loaded: ${loaded}`);
  for (const stage of ["claims", "times", "counts", "events"]) assert.ok(!loaded.includes(`lang/en/${stage}.js`), `en/${stage} not loaded: ${loaded}`);
});

test("a lazy pack loads each stage's lexicon once, on first read, and reads like a plain object", () => {
  const calls: string[] = [];
  const stage = <T>(name: string, value: T) => () => {
    calls.push(name);
    return value;
  };
  const real = langPack("en");
  const pack = lazyPack("en", (() => assert.fail("a loader given as a thunk is not required by path")) as unknown as NodeJS.Require, {
    segment: stage("segment", real.segment),
    entities: stage("entities", real.entities),
    claims: stage("claims", real.claims),
    times: stage("times", real.times),
    counts: stage("counts", real.counts),
    events: stage("events", real.events),
  });
  assert.deepEqual(calls, []);
  assert.equal(pack.code, "en");
  assert.equal(pack.claims, real.claims);
  assert.equal(pack.claims, real.claims);
  assert.deepEqual(calls, ["claims"]);
  assert.deepEqual(Object.keys(pack).sort(), ["claims", "code", "counts", "entities", "events", "segment", "times"]);
  assert.equal(langPack("nl").times, langPack("nl").times);
});
