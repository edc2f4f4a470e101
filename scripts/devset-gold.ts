// Development helper for scripts/fuse-eval.ts: replaces a report's extracted claims and figures by those of its
// devset gold file, to measure fusion on correct inputs. Reads ../shared at run time only.
import { readFileSync } from "node:fs";
import type { Claim, Count, Doc } from "../src/model/doc.js";
import { fold } from "../src/ledger/features.js";

interface GoldClaim { id: string; anchor: string; accept: { status: Claim["status"]; source: string[] | null }[] }
interface GoldCount { kind: Count["kind"]; value: number; approx: Count["approx"]; anchor: string }

export function useGold(doc: Doc, goldFile: string): void {
  const g = JSON.parse(readFileSync(goldFile, "utf8")) as { claims: GoldClaim[]; counts?: GoldCount[] };
  const names = (e: Doc["entities"][number]) => [e.name, ...e.aliases].map(fold);
  doc.claims = g.claims.map((gc): Claim => {
    const start = doc.text.indexOf(gc.anchor), end = start + gc.anchor.length;
    const a = gc.accept[0]!;
    const src = a.source?.length ? a.source : null;
    const ent = src ? doc.entities.find((e) => names(e).some((n) => src.some((x) => fold(x) === n))) : undefined;
    let span: { start: number; end: number } | undefined;
    for (const n of src ?? []) {
      const at = gc.anchor.indexOf(n);
      if (at >= 0) {
        span = { start: start + at, end: start + at + n.length };
        break;
      }
    }
    const entities = doc.entities.filter((e) => e.mentions.some((m) => doc.mentions[m]!.start >= start && doc.mentions[m]!.end <= end)).map((e) => e.id);
    return {
      id: gc.id, start, end, text: gc.anchor, sentence: Math.max(0, doc.sentenceAt(start)), status: a.status,
      source: src ? { name: src[0]!, kind: "other", ...(ent && { entity: ent.id }), ...(span && { span }) } : null,
      cue: null, quote: false, entities,
    };
  });
  doc.counts = (g.counts ?? []).flatMap((n): Count[] => {
    const start = doc.text.indexOf(n.anchor);
    if (start < 0) return [];
    const end = start + n.anchor.length;
    const claim = doc.claims.find((c) => c.start <= start && end <= c.end);
    return [{ start, end, text: n.anchor, kind: n.kind, value: n.value, approx: n.approx, ...(claim && { claim: claim.id }) }];
  });
  doc.contradictions = [];
  doc.events = [];
}

