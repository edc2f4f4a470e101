// Reports of our own ingested into a fresh ledger and briefed in both languages, for tests that assert the
// briefing's lines exactly; and the lines of a section as they read.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingestFiles } from "../src/cli/ingest.js";
import { buildPicture, type Picture } from "../src/ledger/picture.js";
import { composeBriefing, type Briefing, type BriefLine } from "../src/brief/index.js";
import type { Lang } from "../src/model/doc.js";

export interface OwnReport {
  file: string;
  title: string;
  source: string;
  published: string;
  lang: Lang;
  text: string;
}

/** `limit`: lines a section shows (the default briefing shows a dozen; tests see all unless they ask). */
export async function briefed(reports: readonly OwnReport[], name: string, limit = 1000): Promise<Record<Lang, Briefing>> {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${name}-`));
  for (const r of reports) writeFileSync(join(dir, r.file), `---\ntitle: ${r.title}\nsource: ${r.source}\npublished: ${r.published}\nlanguage: ${r.lang}\n---\n${r.text}`);
  const s = await openStore(join(dir, "ledger.db"));
  const brief = {} as Record<Lang, Briefing>;
  try {
    assert.equal((await ingestFiles(s, reports.map((r) => join(dir, r.file)))).added, reports.length);
    await s.snapshot(async (rd) => {
      for (const lang of ["en", "nl"] as const) brief[lang] = composeBriefing(await buildPicture(rd, { lang, limit }), lang);
    });
  } finally {
    await s.close();
  }
  return brief;
}

/** The pictures a briefing is composed from, in both languages (for tests of what the picture may say). */
export async function pictured(reports: readonly OwnReport[], name: string, limit = 1000): Promise<Record<Lang, Picture>> {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${name}-`));
  for (const r of reports) writeFileSync(join(dir, r.file), `---\ntitle: ${r.title}\nsource: ${r.source}\npublished: ${r.published}\nlanguage: ${r.lang}\n---\n${r.text}`);
  const s = await openStore(join(dir, "ledger.db"));
  const out = {} as Record<Lang, Picture>;
  try {
    assert.equal((await ingestFiles(s, reports.map((r) => join(dir, r.file)))).added, reports.length);
    await s.snapshot(async (rd) => {
      for (const lang of ["en", "nl"] as const) out[lang] = await buildPicture(rd, { lang, limit });
    });
  } finally {
    await s.close();
  }
  return out;
}

export const section = (b: Briefing, id: string) => b.sections.find((y) => y.id === id)!;
export const show = (l: BriefLine) => (l.quote ? `“${l.quote}” ${l.text}`.trimEnd() : l.text);
export const groups = (b: Briefing, id: string) =>
  (section(b, id).groups ?? []).filter((g) => g.lines.length).map((g) => `${g.title}: ${g.lines.map(show).join(" | ")}`);
