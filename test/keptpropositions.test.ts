// A proposition as the refresh keeps it (src/ledger/keptpropositions.ts): its claims by the store's ids or
// as steps from the claims before, its times by its claims' reports', and back the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SPAN } from "../src/store/index.js";
import type { ExportedProposition } from "../src/ledger/fusionexport.js";
import { claimRows, packProposition, unpackProposition, type PackContext, type UnpackContext } from "../src/ledger/keptpropositions.js";

const REPORTS = ["dr0", "dr1", "dr2", "dr3", "dr4", "dr5"];
const TIMES = REPORTS.map((_, i) => `2025-03-0${i + 1}T09:00:00+00:00`);
// the store's claims: report i's claims, internal id (i + 1) × SPAN + seq
const CLAIMS = new Map<string, { id: number; text: string }>();
REPORTS.forEach((r, i) => ["aaaa", "bbbb", "cccc"].forEach((k, seq) => CLAIMS.set(`${r}-${k}`, { id: (i + 1) * SPAN + seq, text: `words ${k}` })));
const ROWS = new Map([...CLAIMS].map(([uid, c]) => [c.id, { uid, text: c.text }]));

function contexts(o: { ids?: boolean; times?: boolean; worded?: boolean } = {}): [PackContext, UnpackContext] {
  const place = (u: string) => (REPORTS.includes(u) ? REPORTS.indexOf(u) : undefined);
  return [
    {
      place,
      claimId: (u) => (o.ids === false ? undefined : CLAIMS.get(u)?.id),
      time: (i) => (o.times === false ? undefined : TIMES[i]),
      worded: (u) => (o.worded !== false && CLAIMS.get(u)?.text === "words aaaa" ? CLAIMS.get(u)!.id : undefined),
    },
    { row: (id) => ROWS.get(id), place, report: (i) => REPORTS[i], time: (i) => TIMES[i] },
  ];
}

const prop = (over: Partial<ExportedProposition> = {}): ExportedProposition => ({
  id: "p3",
  text: "words aaaa",
  // a wire copy's claim in three reports, another claim, back to the first's words, one from outside the ledger
  claims: ["dr0-aaaa", "dr2-aaaa", "dr3-bbbb", "dr4-aaaa", "dr5-aaaa", "dr1-cccc", "dx9-zzzz"],
  status: "established",
  sources: [{ name: "Northline Wire", kind: "media" }],
  reports: 7,
  independent_sources: 2,
  first_seen: TIMES[0]!,
  last_seen: TIMES[5]!,
  history: [
    { at: TIMES[0]!, status: "claimed", claim: "dr0-aaaa" },
    { at: TIMES[3]!, status: "established", claim: "dr3-bbbb" },
    { at: "2025-01-01T00:00:00+00:00", status: "denied", claim: "dr5-aaaa" },
  ],
  incident: "i:2025-03-01|x",
  ...over,
});

const roundTrip = (p: ExportedProposition, index: number, o: { ids?: boolean; times?: boolean; worded?: boolean } = {}) => {
  const [pack, unpack] = contexts(o);
  const kept = JSON.parse(JSON.stringify(packProposition(p, index, pack)));
  for (const id of claimRows(kept)) assert.ok(ROWS.has(id), `a row read back: ${id}`);
  return { kept, back: unpackProposition(kept, index, unpack) };
};

test("a kept proposition reads back as it was", () => {
  const p = prop();
  const { kept, back } = roundTrip(p, 2);
  assert.deepEqual(back, p);
  // its number, words, count of reports and first time left out; claims by ids, steps and the j-th claim id met
  assert.deepEqual(kept.c, [[1, 0], 2, [4, 1], "0:1", 1, [2, 2], { id: "dx9-zzzz" }]);
  assert.equal(kept.id, undefined);
  assert.equal(kept.text, undefined);
  assert.equal(kept.reports, undefined);
  assert.equal(kept.first_seen, undefined);
  assert.equal(kept.last_seen, 4);
  // a time that is not its claim's report's is spelt out
  assert.deepEqual(kept.h, [0, "claimed", 2, "established", { at: "2025-01-01T00:00:00+00:00", status: "denied", claim: 4 }]);
});

test("what is not as the ledger has it is kept spelt out", () => {
  const odd = prop({ id: "p99", text: "other words", reports: 3, first_seen: "2025-02-01T00:00:00+00:00", last_seen: "2025-04-01T00:00:00+00:00" });
  // (its words not its first claim's: the refresh finds none worded so)
  const { kept, back } = roundTrip(odd, 2, { worded: false });
  assert.deepEqual(back, odd);
  assert.equal(kept.id, "p99");
  assert.equal(kept.text, "other words");
  assert.equal(kept.reports, 3);
  assert.equal(kept.last_seen, "2025-04-01T00:00:00+00:00");
  // words of another claim than its first: by that claim's id
  const p = prop({ text: "words bbbb", claims: ["dr3-bbbb", "dr0-aaaa"], history: [{ at: TIMES[3]!, status: "claimed", claim: "dr3-bbbb" }], first_seen: TIMES[3]!, last_seen: TIMES[3]!, reports: 2 });
  const [pack, unpack] = contexts();
  const k = JSON.parse(JSON.stringify(packProposition(p, 0, { ...pack, worded: (u) => (u === "dr3-bbbb" ? CLAIMS.get("dr0-aaaa")!.id : undefined) })));
  assert.equal(k.text, CLAIMS.get("dr0-aaaa")!.id);
  assert.deepEqual(unpackProposition(k, 0, unpack), { ...p, text: "words aaaa" });
  // a proposition without an incident, history or claims the store names
  const bare = prop({ claims: [undefined as unknown as string], history: [], incident: undefined });
  delete bare.incident;
  assert.deepEqual(roundTrip(bare, 2).back, bare);
});

test("without the store's ids or the reports' times, claims by place and times spelt out", () => {
  const p = prop();
  const { kept, back } = roundTrip(p, 2, { ids: false, times: false });
  assert.deepEqual(back, p);
  assert.deepEqual(kept.c, [[0, "-aaaa"], 2, [3, "-bbbb"], "0:1", 1, [1, "-cccc"], { id: "dx9-zzzz" }]);
  // (its words by the id of the claim worded so: given apart from the claims' ids)
  assert.equal(kept.text, CLAIMS.get("dr0-aaaa")!.id);
  assert.equal(kept.first_seen, undefined);
  assert.equal(kept.last_seen, TIMES[5]);
  assert.ok(kept.h.every((h: unknown) => typeof h === "object"));
});
