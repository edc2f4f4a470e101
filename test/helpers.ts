// Test material of our own, shared by several test files (this file holds no tests).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";
import { Doc, type Claim, type Lang } from "../src/model/doc.js";
import { langPack } from "../src/lang/index.js";
import { segment } from "../src/pipeline/segment/index.js";
import { entities } from "../src/pipeline/entities/index.js";
import { times } from "../src/pipeline/times/index.js";
import { claims } from "../src/pipeline/claims/index.js";
import { runPipeline } from "../src/pipeline/index.js";
import type { Fusion } from "../src/ledger/fusion.js";

/** A text of ours run through the stages claims depend on, published on 5 March 2024 at noon. */
export function runClaims(text: string, lang: Lang): Doc {
  const doc = new Doc(text, { id: "d1", published: "2024-03-05T12:00:00+01:00", publishedFrom: "flag", language: lang, languageFrom: "flag" });
  const ctx = { lang: langPack(lang) };
  for (const stage of [segment, entities, times, claims]) stage(doc, ctx);
  return doc;
}

/** The claim whose text holds `part`; fails with every claim's text when there is none. */
export function claimHolding(doc: Doc, part: string): Claim {
  const c = doc.claims.find((x) => x.text.includes(part));
  assert.ok(c, `no claim holds "${part}"; claims: ${doc.claims.map((x) => x.text).join(" | ")}`);
  return c;
}

// Reports of our own, varied so that every one is distinct.
const PLACES = ["Grajvoron", "Kozinka", "Glotovo", "Borisovka", "Sjebekino", "Valoejki"];
export function writeCorpus(dir: string, n: number, tag = "r"): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const p = PLACES[i % PLACES.length]!;
    const text =
      i % 2
        ? `Volgens gouverneur Gladkov zijn in ${p} ${i + 2} burgers gewond geraakt. Het legioen zegt dat het ${p} in handen heeft. Onduidelijk is hoeveel strijders er zijn (bericht ${tag}${i}).`
        : `The governor said ${i + 2} civilians were wounded in ${p}. The legion said it controlled ${p}, but the ministry denied that. It is unclear how many fighters remain (report ${tag}${i}).`;
    writeFileSync(
      join(dir, `${tag}${String(i).padStart(4, "0")}.txt`),
      `---\ntitle: "Bericht ${tag}${i}"\nsource: "Krant ${i % 7}"\nurl: "https://example.org/${tag}/${i}"\npublished: 2023-05-23T${String(8 + (i % 12)).padStart(2, "0")}:00:00+02:00\nlanguage: ${i % 2 ? "nl" : "en"}\n---\n${text}\n`,
    );
  }
}

/** A report written for a fusion test: outlet, publication time, language and text. */
export interface TestReport {
  source: string;
  published: string;
  lang: Lang;
  text: string;
}

/** Our reports through the whole pipeline, ids d1, d2, … in their order. */
export function pipelineDocs(rs: readonly TestReport[]): Doc[] {
  return rs.map((r, i) =>
    runPipeline(new Doc(r.text, { id: `d${i + 1}`, source: r.source, published: r.published, publishedFrom: "flag", language: r.lang, languageFrom: "flag" })),
  );
}

/** A claim as outlet + words, so results can be compared whatever ids the reports got. */
export function namedClaim(f: Fusion, ds: readonly Doc[]): (id: string) => string {
  const byId = new Map(f.claims.map((c) => [c.id, c]));
  const outlet = new Map(ds.map((d) => [d.meta.id, d.meta.source!]));
  return (id) => `${outlet.get(byId.get(id)!.doc)}: ${byId.get(id)!.text}`;
}

/** Each proposition as its named claims, sorted; with `fusedOnly` just those that join several claims. */
export function propositionGroups(f: Fusion, ds: readonly Doc[], fusedOnly = false): string[][] {
  const n = namedClaim(f, ds);
  return f.propositions
    .filter((p) => !fusedOnly || p.claims.length > 1)
    .map((p) => p.claims.map(n).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** Each dispute as "type | claim || claim", sorted; with `updates` a rising figure is marked "(update)". */
export function disputeLines(f: Fusion, ds: readonly Doc[], updates = false): string[] {
  const n = namedClaim(f, ds);
  return f.disputes.map((d) => `${d.type}${updates && d.detail.update ? " (update)" : ""} | ${[n(d.claims[0]), n(d.claims[1])].sort().join(" || ")}`).sort();
}
