import { test } from "node:test";
import assert from "node:assert/strict";
import { fuseRecords, fuseStreamed, reportFusion, blockContext } from "../src/ledger/fusion.js";
import { findDisputes } from "../src/ledger/disputes.js";
import { fuseBlock } from "../src/ledger/propositions.js";
import { fuseEntities } from "../src/ledger/entityfusion.js";
import type { FusionClaim } from "../src/ledger/claimkeys.js";
import { ClaimColumns, plainClaim } from "../src/ledger/claimcolumns.js";
import { shapedClaims, storedFusion } from "../src/ledger/stored.js";
import { pipelineDocs, type TestReport } from "./helpers.js";

// Reports written for these tests: a ferry fire off Texel told in Dutch and English, a toll that rises, a
// denial by the operator, an agency's copy carried by two outlets, and a quote.
const FERRY: TestReport[] = [
  {
    source: "Noordkust Dagblad",
    published: "2025-06-10T08:00:00+02:00",
    lang: "nl",
    text:
      "Bij een brand op een veerboot voor de kust van Texel zijn dinsdagnacht zeker drie mensen om het leven gekomen. Dat meldt de Kustwacht.\n\n" +
      "Volgens de burgemeester van Texel zijn twintig passagiers naar het ziekenhuis gebracht. De rederij ontkent dat de brandmelders uitgeschakeld waren.\n",
  },
  {
    source: "Harbour Post (Reuters)",
    published: "2025-06-10T11:00:00+00:00",
    lang: "en",
    text:
      "At least five people were killed when fire broke out on a ferry off the Dutch island of Texel on Tuesday night, the coast guard said.\n\n" +
      "\"The smoke spread through the lower deck within minutes,\" a survivor told reporters. The operator denied that the fire alarms had been switched off.\n",
  },
  {
    source: "Bay Courier (Reuters)",
    published: "2025-06-10T11:20:00+00:00",
    lang: "en",
    text:
      "At least five people were killed when fire broke out on a ferry off the Dutch island of Texel on Tuesday night, the coast guard said.\n\n" +
      "\"The smoke spread through the lower deck within minutes,\" a survivor told reporters. The operator denied that the fire alarms had been switched off.\n",
  },
  {
    source: "Avondpost",
    published: "2025-06-10T19:00:00+02:00",
    lang: "nl",
    text:
      "Het dodental van de brand op de veerboot bij Texel is opgelopen tot zeven, meldt de Kustwacht. Eerder ging het om drie doden.\n\n" +
      "De Onderzoeksraad voor Veiligheid stelt een onderzoek in. Volgens passagiers werkten de brandmelders niet.\n",
  },
];

const fields = (c: FusionClaim) => JSON.parse(JSON.stringify(plainClaim(c))) as unknown;

test("claims held in columns read back every field as made, their shingles too (from the hashes, or from the words a ledger record keeps), and fuse as the plain claims do", () => {
  const docs = pipelineDocs(FERRY);
  const records = docs.map(reportFusion);
  const made = records.flatMap((r) => r.claims);
  assert.ok(made.length > 8);
  const columns = new ClaimColumns();
  // as the extract's spool gives them back: parsed from JSON, every list and string a copy of its own
  const views = records.flatMap((r) => columns.add(JSON.parse(JSON.stringify(r.claims)) as FusionClaim[]));
  columns.seal();
  assert.equal(columns.size, made.length);
  views.forEach((v, i) => {
    assert.deepEqual(fields(v), fields(made[i]!));
    assert.deepEqual(v.shingles, made[i]!.shingles);
  });
  // a ledger's records keep the words the shingles were made of, not the hashes: worked out when asked
  const ledger = new ClaimColumns();
  const stored = docs.flatMap((d) => ledger.add(shapedClaims(JSON.parse(JSON.stringify(storedFusion(d))), d.meta.id)!));
  ledger.seal();
  assert.deepEqual(stored.map((c) => c.shingles), made.map((c) => c.shingles));
  // each asking gets a list of its own (none is held by the columns): what one caller does to it, the next never sees
  const first = views.find((v) => v.shingles.length)!;
  const got = first.shingles;
  got.length = 0;
  assert.ok(first.shingles.length > 0);
  assert.notEqual(first.shingles, first.shingles);
  assert.deepEqual(stored.map((c) => c.text), made.map((c) => c.text));
  // the agency's copy carried by two outlets: its words are one string, its lists one list
  const copies = views.filter((v) => v.text.startsWith("At least five people"));
  assert.equal(copies.length, 2);
  assert.equal(copies[0]!.concepts, copies[1]!.concepts);
  // one block of the ferry's claims, as plain records and as columns: the same disputes and propositions
  const ctx = blockContext(fuseEntities(records.flatMap((r) => r.entities)));
  const plain = findDisputes(made, ctx, { scope: "ledger" });
  assert.ok(plain.length > 0);
  assert.deepEqual(findDisputes(views, ctx, { scope: "ledger" }), plain);
  const apart = plain.filter((d) => d.detail.denier !== undefined).map((d) => d.claims);
  const props = fuseBlock(made, ctx, apart);
  assert.ok(props.some((p) => p.claims.length > 1));
  assert.deepEqual(fuseBlock(views, ctx, apart), props);
});

test("the one-shot extract's records, read back from the spool's JSON an incident at a time, fuse as the records do whole", async () => {
  const records = pipelineDocs([...FERRY].reverse()).map(reportFusion);
  const spool = new Map(records.map((r) => [r.incident.doc, JSON.stringify(r.claims)]));
  const heads = records.map((r) => ({ entities: r.entities, incident: r.incident }));
  const streamed = (await fuseStreamed(heads, async (docs) => new Map(docs.map((d) => [d, JSON.parse(spool.get(d)!) as FusionClaim[]])), (c) => ({ id: c.id, doc: c.doc }) as FusionClaim)).get("en")!;
  const whole = fuseRecords(records);
  assert.deepEqual(streamed.propositions, whole.propositions);
  assert.deepEqual(streamed.disputes, whole.disputes);
  assert.deepEqual(streamed.claims.map((c) => c.id), whole.claims.map((c) => c.id));
});
