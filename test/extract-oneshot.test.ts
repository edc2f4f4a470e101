// `sitrep extract` of several reports takes them a report at a time (src/export/oneshot.ts): each report's
// sections and fusion records go to temporary files and the report is dropped. Its JSON must be the text
// the export of all reports held in memory gives (buildExport, objectJson), byte for byte: with entities
// joined across reports, with none joined, for one report alone and for none.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildExport } from "../src/export/json.js";
import { objectJson } from "../src/export/stream.js";
import { OneShotExport, Output } from "../src/export/oneshot.js";
import { extractReports } from "../src/cli/extract.js";
import { Doc } from "../src/model/doc.js";
import { runPipeline } from "../src/pipeline/index.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));

/**
 * The export's pieces as text: bytes (cut anywhere, inside a character too) or text. Each piece is copied
 * as it comes: the export writes the next piece into the same buffer.
 */
async function text(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c));
  return Buffer.concat(parts).toString("utf8");
}

async function oneShot(docs: Iterable<Doc>): Promise<string> {
  const x = new OneShotExport();
  try {
    for (const d of docs) x.add(d);
    return await text(x.json());
  } finally {
    x.close();
  }
}

const inMemory = (docs: Doc[]) => [...objectJson(buildExport(docs))].join("");

const report = (text: string, id: string, language: "nl" | "en") =>
  runPipeline(new Doc(text, { id, language, published: "2024-03-02T10:00:00+01:00", publishedFrom: "front-matter", languageFrom: "front-matter", source: "Dagblad Noord" }));

test("the sample reports, a report at a time, give the export of all of them in memory", async () => {
  const files = readdirSync(samples).sort().map((f) => join(samples, f));
  const streamed = await oneShot(extractReports(files, {}));
  const held = inMemory([...extractReports(files, {})]);
  assert.equal(streamed, held);
  const x = JSON.parse(streamed) as { documents: unknown[]; entities: { mentions: { doc: string }[] }[]; propositions: unknown[]; contradictions: unknown[] };
  assert.equal(x.documents.length, files.length);
  // the samples share people and places: entities are joined across reports, and fusion found propositions
  assert.ok(x.entities.some((e) => new Set(e.mentions.map((m) => m.doc)).size > 1), "an entity is named in several reports");
  assert.ok(x.propositions.length > 0);
});

test("reports that share no entity, one report alone, and none give the export held in memory", async () => {
  const a = () =>
    report("De brandweer meldt dat bij de brand in de haven van Delfzijl twee mensen gewond zijn geraakt. Volgens de politie is de oorzaak nog onbekend.", "d1", "nl");
  const b = () => report("Police in Leeds said on Saturday that three people were arrested after the protest. The council denied that the march had been banned.", "d2", "en");
  const c = () => report("A ferry ran aground off the coast of Crete on Monday, the coast guard said. None of the 120 passengers was hurt, according to the port authority.", "d3", "en");
  for (const make of [[a, b, c], [a], []]) assert.equal(await oneShot(make.map((f) => f())), inMemory(make.map((f) => f())));
});

test("a claim or event listing an entity twice before any entity is joined is written as the end decides", async () => {
  // claims and events are written out as their report is taken; whether lists of entities are made sets
  // depends on whether any entity is joined by the end, which is not known for the first report's
  const twice = (d: Doc) => {
    for (const c of d.claims) if (c.entities.length) c.entities.push(c.entities[0]!);
    for (const v of d.events) if (v.actors.length) v.actors.push(v.actors[0]!);
    return d;
  };
  const a = () => twice(report("Police in Leeds said on Saturday that three people were arrested after the protest in Leeds. The council of Leeds denied that the march had been banned.", "d1", "en"));
  const joins = () => report("The mayor of Leeds said on Sunday that the protest in Leeds had been peaceful.", "d2", "en");
  const apart = () => report("A ferry ran aground off the coast of Crete on Monday, the coast guard said. None of the 120 passengers was hurt.", "d3", "en");
  assert.ok(a().claims.some((c) => c.entities.length > 1 && c.entities[0] === c.entities.at(-1)), "a claim lists an entity twice");
  for (const make of [[a, joins], [a, apart], [a, apart, joins]]) {
    const streamed = await oneShot(make.map((f) => f()));
    assert.equal(streamed, inMemory(make.map((f) => f())));
  }
  const joined = JSON.parse(await oneShot([a(), joins()])) as { claims: { entities: string[] }[] };
  assert.ok(joined.claims.every((c) => new Set(c.entities).size === c.entities.length), "joined: every list a set");
  const none = JSON.parse(await oneShot([a(), apart()])) as { claims: { entities: string[] }[] };
  assert.ok(none.claims.some((c) => new Set(c.entities).size < c.entities.length), "none joined: the list as it was");
});

test("a one-shot export leaves no temporary files once closed", async () => {
  const x = new OneShotExport();
  x.add(report("Police in Leeds said on Saturday that three people were arrested.", "d1", "en"));
  x.add(report("The council in Leeds denied on Sunday that the march had been banned.", "d2", "en"));
  const dir = (x as unknown as { dir?: string }).dir;
  assert.ok(dir && readdirSync(dir).length > 0, "the reports went to temporary files");
  assert.ok(JSON.parse(await text(x.json())));
  x.close();
  assert.throws(() => readdirSync(dir));
});

test("an extract stopped by a signal removes its temporary files (they hold the reports' text)", async () => {
  const { spawn } = await import("node:child_process");
  const { existsSync } = await import("node:fs");
  const src = new URL("../src/", import.meta.url).href;
  // the child spools two reports, says where, and waits to be stopped as Ctrl-C or a kill would stop it
  const child = spawn(process.execPath, ["--input-type=module", "-e", `
    const { OneShotExport } = await import(${JSON.stringify(src + "export/oneshot.js")});
    const { Doc } = await import(${JSON.stringify(src + "model/doc.js")});
    const { runPipeline } = await import(${JSON.stringify(src + "pipeline/index.js")});
    const x = new OneShotExport();
    for (const [id, text] of [["d1", "Police in Leeds said on Saturday that three people were arrested."], ["d2", "The council in Leeds denied on Sunday that the march had been banned."]])
      x.add(runPipeline(new Doc(text, { id, language: "en", published: "2024-03-02T10:00:00Z", publishedFrom: "front-matter", languageFrom: "front-matter", source: "Leeds Post" })));
    console.log(x.dir);
    setInterval(() => {}, 1000);
  `], { stdio: ["ignore", "pipe", "inherit"] });
  const dir = await new Promise<string>((resolve) => child.stdout.once("data", (b: Buffer) => resolve(b.toString().trim())));
  assert.ok(existsSync(dir) && readdirSync(dir).length > 0, "the reports went to temporary files");
  const exit = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  child.kill("SIGTERM");
  assert.equal(await exit, "SIGTERM", "the process still ends by the signal");
  assert.equal(existsSync(dir), false);
});

test("reports in both languages with quotes, accents, emoji and escapes give the export held in memory, sent as UTF-8 bytes in large pieces", async () => {
  const nl = (id: string, extra = "") =>
    report(
      `Volgens de brandweer van Zoeterwoude zijn bij de brand in het café „De Zwaan” drie mensen gewond geraakt 🚒. "We weten nog niet wat de oorzaak is," zei woordvoerder Eline Bakker.\n\nDe politie meldt dat de eigenaar, Joëlle van Dijk, is verhoord; het dossier staat op \\\\server\\zaken\\2024\tmap ‘brand’.${extra}`,
      id,
      "nl",
    );
  const en = (id: string) =>
    report(
      `Firefighters in Zoeterwoude said three people were injured in the fire at the café "De Zwaan" on Saturday. "We do not know the cause yet," said spokeswoman Eline Bakker – the owner, Joëlle van Dijk, was questioned.\u2028The police denied that the café had been closed before.`,
      id,
      "en",
    );
  // a report in a language sitrep does not read (split into sentences, nothing extracted: quick to make)
  // long enough that the documents' temporary file is read back in several pieces, of characters of two,
  // three and four bytes (as it stands, the first piece ends inside one: the reader decodes the bytes whole)
  const long = Array.from({ length: 12000 }, (_, i) => `Beilage ${i}: „Schäden“ an Tür und Dach – ärgerlich für Fußgänger 🔥🚒, gespeichert als C:\\brand\\foto-${i}.jpg.`).join(" ");
  const de = () =>
    runPipeline(
      new Doc(long, { id: "d3", language: "en", otherLanguage: "de", published: "2024-03-02T11:00:00+01:00", publishedFrom: "front-matter", languageFrom: "detected", source: "Tageblatt" }),
    );
  const make = () => [nl("d1"), en("d2"), de(), nl("d4", " Het onderzoek loopt."), en("d5")];
  const chunks: (string | Uint8Array)[] = [];
  const x = new OneShotExport();
  try {
    for (const d of make()) x.add(d);
    // (copied: the next piece is written into the same buffer)
    for await (const c of x.json()) chunks.push(typeof c === "string" ? c : Uint8Array.from(c));
  } finally {
    x.close();
  }
  const streamed = await text((async function* () {
    yield* chunks;
  })());
  assert.equal(streamed, inMemory(make()));
  const out = JSON.parse(streamed) as { documents: { text: string }[]; entities: { mentions: { doc: string }[] }[] };
  assert.ok(out.documents[2]!.text.endsWith("foto-11999.jpg."));
  assert.ok(out.entities.some((e) => new Set(e.mentions.map((m) => m.doc)).size > 1), "entities are joined across reports");
  // the pieces are the bytes of the text, not strings decoded from the temporary files to be encoded again
  assert.ok(chunks.every((c) => c instanceof Uint8Array), "every piece is bytes");
  assert.ok(chunks.length < 8, `a few large pieces, not ${chunks.length}`);
});

test("the export's pieces are one buffer written again: a long text is cut between characters, never inside a pair of surrogates", () => {
  const out = new Output();
  // a text longer than the buffer, of characters of one to four bytes, the pairs lying across every cut
  const long = Array.from({ length: 90000 }, (_, i) => `${i}: ä € 🚒 `).join("");
  const pieces: Buffer[] = [];
  const seen = new Set<ArrayBufferLike>();
  const run = function* () {
    yield* out.text("{");
    yield* out.text(long);
    yield* out.text("}");
    yield* out.take(true);
  };
  for (const c of run()) {
    seen.add(c.buffer);
    pieces.push(Buffer.from(c));
  }
  assert.ok(pieces.length > 1, "more than one piece");
  assert.equal(seen.size, 1, "every piece is the one buffer");
  assert.equal(Buffer.concat(pieces).toString("utf8"), "{" + long + "}");
});
