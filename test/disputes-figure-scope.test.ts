// A figure that counts a part of a total ("145 of the dead were Egyptians") or a toll somewhere else ("170
// elsewhere in the country") is no rival of the total: the scope is read from the claim's words, in both
// languages, wherever in the clause the part is named.
import { test } from "node:test";
import assert from "node:assert/strict";
import { figureScope } from "../src/ledger/disputes.js";

const scope = (lang: "en" | "nl", text: string, value: number) => figureScope({ figures: [], text, lang }, { kind: "killed", value });

test("the part of a total is read right after the figure as well as at the clause's start", () => {
  assert.equal(scope("en", "At least 60 of the dead were tourists, the regional health office said.", 60), "part");
  assert.equal(scope("en", "Of the victims, 12 were children.", 12), "part");
  assert.equal(scope("en", "Rescuers said that, among the injured, 30 were firefighters.", 30), "part");
  assert.equal(scope("nl", "Zeker 60 van de doden waren toeristen, meldt de gezondheidsdienst.", 60), "part");
  assert.equal(scope("nl", "Onder de slachtoffers zijn 12 kinderen.", 12), "part");
});

test("a toll of elsewhere is told apart; a plain toll has no scope", () => {
  assert.equal(scope("en", "The storm also killed about 40 people elsewhere in the province.", 40), "elsewhere");
  assert.equal(scope("nl", "Elders in het land kwamen nog 40 mensen om.", 40), "elsewhere");
  assert.equal(scope("en", "At least 60 people were killed when the ferry capsized.", 60), undefined);
  // "the number of the dead" names the total itself
  assert.equal(scope("en", "The number of the dead rose to 60 on Friday.", 60), undefined);
});
