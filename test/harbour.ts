// Two reports of our own about one harbour storm, shared by the corrections tests: the port authority in
// English, and under its Dutch name in Dutch, which the extraction does not join (the kind of slip an editor
// repairs), with a union's claim that the authority denies.
import type { StoreLedger } from "../src/server/store.js";

export const HARBOUR_EN = `---
title: Cranes toppled in Rotterdam
source: Harbour Courier
published: 2024-03-04T18:00:00+01:00
language: en
---
A storm toppled two cranes at the Maasvlakte terminal in Rotterdam on Monday.
The Rotterdam Port Authority said that four ships had been diverted to Antwerp.
Dockworkers' union FNV Havens claimed that the cranes had not been inspected for a year.
`;
export const HARBOUR_NL = `---
title: Storm legt haven stil
source: Rijnmond Dagblad
published: 2024-03-05T08:00:00+01:00
language: nl
---
Door de storm zijn maandag twee kranen op de Maasvlakte omgevallen.
Volgens Havenbedrijf Rotterdam zijn vier schepen naar Antwerpen omgeleid.
Havenbedrijf Rotterdam ontkent dat de kranen niet waren gekeurd.
`;

/** A ledger's whole export in one format, as one string. */
export async function exportText(l: StoreLedger, format: "json" | "csv"): Promise<string> {
  let out = "";
  await l.export(format, async (s) => {
    for await (const c of s.chunks) out += c;
  });
  return out;
}
