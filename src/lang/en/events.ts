import type { EventLexicon } from "../../pipeline/events/lexicon.js";

export const events: EventLexicon = {
  triggers: {
    attack: [
      "attack", "attacks", "attacked", "attacking", "raid", "raids", "raided", "incursion", "incursions", "invasion", "invaded", "invade",
      "stormed", "storming", "assault", "assaults", "assaulted", "crossed the border", "cross-border", "ambush", "ambushed", "clashes", "clashed",
      "fighting", "fought", "gunfight", "firefight", "shooting", "opened fire", "offensive", "overran", "seized",
    ],
    explosion: ["explosion", "explosions", "exploded", "blast", "blasts", "bomb", "bombs", "bombing", "car bomb", "roadside bomb", "ied", "ieds", "suicide bombing", "suicide bomber", "explosives", "explosive device", "detonated", "blew up"],
    strike: [
      "shelling", "shelled", "shells", "airstrike", "airstrikes", "air strike", "air strikes", "strike", "strikes", "struck", "drone strike",
      "drone strikes", "drone attack", "drone attacks", "missile attack", "missile strike", "missile strikes", "rocket attack", "rocket fire",
      "artillery", "bombardment", "bombarded", "bombed", "mortar", "mortars", "missiles", "rockets", "drones", "air support",
    ],
    casualties: ["killed", "dead", "deaths", "death toll", "wounded", "injured", "casualties", "fatalities", "died"],
    claim_of_responsibility: ["claimed responsibility", "claim responsibility", "claims responsibility", "claiming responsibility", "took responsibility", "claimed the attack", "claimed involvement", "claim of responsibility"],
    denial: ["denied", "denies", "deny", "denying", "denial", "rejected", "rejects", "dismissed", "dismisses", "refuted"],
    arrest: ["arrested", "arrest", "arrests", "detained", "detention", "apprehended", "taken into custody", "rounded up"],
    evacuation: ["evacuation", "evacuations", "evacuated", "evacuate", "evacuating", "fled", "fleeing"],
    operation: ["operation", "operations", "counter-terrorism operation", "counterterrorism operation", "counter-offensive", "counteroffensive", "mop-up", "deployed", "deployment", "reinforcements", "mobilisation", "mobilization", "state of emergency", "neutralise", "neutralize", "eliminate"],
    other: ["incident", "incidents", "sabotage", "cyberattack"],
  },
};
