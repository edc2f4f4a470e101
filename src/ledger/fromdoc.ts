import type { Claim, Doc, Entity } from "../model/doc.js";
import type { CClaim, CCount } from "./contradictions.js";
import { featuresOf } from "./features.js";
import { aliasSetOf, featureName, nameKey, shortFormsOf } from "./names.js";

/** The language-independent key under which an entity of a report is fused with others. */
export function fusionKey(name: string, type: Parameters<typeof aliasSetOf>[1], key?: string, aliases: readonly string[] = []): string {
  for (const n of [name, ...aliases]) {
    const s = aliasSetOf(n, type);
    if (s) return s.id;
  }
  return key && key.length ? key : nameKey(name);
}

/** Who asserts a claim, as a key that is the same across reports and languages. */
export function asserterOf(doc: Doc, c: Claim, keyOf?: (entity: string) => string | undefined): { key: string; name: string; sourceKey?: string } {
  return asserter(doc, c, keyOf, (id) => doc.entityById(id));
}

function asserter(
  doc: Doc,
  c: Claim,
  keyOf: ((entity: string) => string | undefined) | undefined,
  entityById: (id: string) => Entity | undefined,
): { key: string; name: string; sourceKey?: string } {
  if (!c.source) return { key: `voice:${doc.meta.source ?? doc.meta.id}`, name: doc.meta.source ?? "the report" };
  // A source named in full ("het Russische ministerie van Defensie") can be more telling than the entity
  // it was linked to ("Defensie"): the cross-language name table decides first.
  const e = c.source.entity ? entityById(c.source.entity) : undefined;
  const named = aliasSetOf(c.source.name, e?.type ?? "other");
  if (named) return { key: `e:${named.id}`, name: c.source.name, sourceKey: named.id };
  if (e) {
    const k = keyOf?.(e.id) ?? fusionKey(e.name, e.type, e.key, e.aliases);
    return { key: `e:${k}`, name: c.source.name, sourceKey: k };
  }
  const s = aliasSetOf(c.source.name, "other");
  const k = s ? s.id : nameKey(c.source.name);
  return { key: `e:${k}`, name: c.source.name, ...(s && { sourceKey: k }) };
}

/** Claims and counts of one report in the form the contradiction finder compares. */
export function docForContradictions(
  doc: Doc,
  keyOf?: (entity: string) => string | undefined,
): { claims: CClaim[]; counts: CCount[]; countClaims: (string | undefined)[] } {
  const entKey = new Map<string, string>();
  const shortForms = shortFormsOf(doc.entities, featureName(doc.lang));
  for (const e of [...doc.entities].sort((a, b) => b.name.length - a.name.length || a.id.localeCompare(b.id))) {
    const full = shortForms.get(e);
    entKey.set(e.id, keyOf?.(e.id) ?? (full && entKey.get(full.id)) ?? fusionKey(e.name, e.type, e.key, e.aliases));
  }
  keyOf ??= (id) => entKey.get(id);
  // doc.entityById scans the entities; every claim asks, so index them once (the first of an id wins there too).
  const byId = new Map<string, Entity>();
  for (const e of doc.entities) if (!byId.has(e.id)) byId.set(e.id, e);
  const claims: CClaim[] = doc.claims.map((c) => {
    const a = asserter(doc, c, keyOf, (id) => byId.get(id));
    const s = doc.sentences[c.sentence] ?? doc.sentences[doc.sentenceAt(c.start)];
    return {
      id: c.id,
      doc: doc.meta.id,
      sentence: s ? s.index : c.sentence,
      paragraph: s ? s.paragraph : 0,
      text: c.text,
      status: c.status,
      asserter: a.key,
      asserterName: a.name,
      ...(a.sourceKey && { sourceKey: a.sourceKey }),
      entityKeys: c.entities.map((id) => entKey.get(id)).filter((k): k is string => !!k),
      features: featuresOf(c, doc.lang),
      published: doc.meta.published,
    };
  });
  const counts: CCount[] = [];
  const countClaims = doc.counts.map((n) => {
    const claim = n.claim ?? doc.claims.find((c) => c.start <= n.start && n.end <= c.end)?.id;
    if (claim) counts.push({ claim, kind: n.kind, value: n.value, approx: n.approx, text: n.text });
    return claim;
  });
  return { claims, counts, countClaims };
}
