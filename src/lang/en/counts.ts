import type { CountLexicon } from "../../pipeline/counts/lexicon.js";
import type { NumberLexicon } from "../../pipeline/counts/numbers.js";

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const words: Record<string, number> = { dozen: 12, "a dozen": 12, "a couple of": 2, "a pair of": 2, "a score of": 20 };
ONES.forEach((w, i) => (words[w] = i));
TENS.forEach((w, i) => w && (words[w] = i * 10));

export const numbers: NumberLexicon = {
  words,
  scales: { hundred: 100, thousand: 1000, million: 1e6, millions: 1e6, billion: 1e9, m: 1e6, bn: 1e9, dozen: 12 },
  joiners: ["and"],
  articles: ["a", "an", "one"],
  andAHalf: ["and a half", "and one half", "½"],
  fractions: { "half a": 0.5, "half an": 0.5 },
  decimalMark: ".",
};

export const counts: CountLexicon = {
  numbers,
  kinds: {
    killed: {
      nouns: ["dead", "deaths", "death", "fatalities", "fatality", "bodies", "body", "killed", "lives", "victims", "victim"],
      verbs: [
        "killed", "killing", "kills", "died", "dead", "die", "dies", "perished", "lost their lives", "lost his life", "lost her life", "were killed", "was killed", "have been killed", "has been killed",
        "slain", "executed", "shot dead", "gunned down", "murdered", "stabbed to death", "beaten to death", "drowned", "massacred", "confirmed dead", "feared dead", "presumed dead",
      ],
    },
    wounded: {
      nouns: ["wounded", "injured", "injuries", "casualties", "injury"],
      verbs: [
        "wounded", "injured", "injuring", "wounding", "hurt", "hospitalised", "hospitalized", "were injured", "were wounded", "taken to hospital", "in critical condition", "in serious condition",
        "in a critical condition", "in a serious condition", "in stable condition", "critically injured", "seriously injured",
      ],
    },
    arrested: {
      nouns: ["arrests", "arrested", "detainees", "detained", "prisoners", "detainee", "prisoner"],
      verbs: [
        "arrested", "detained", "arresting", "detaining", "taken into custody", "in custody", "were held", "being held", "held captive", "held in custody", "rounded up", "apprehended", "captured", "taken prisoner", "were charged", "was charged", "been charged", "indicted",
        "remanded", "jailed",
      ],
    },
    missing: { nouns: ["missing", "disappeared"], verbs: ["missing", "unaccounted for", "disappeared", "went missing", "are missing", "remain missing"] },
    personnel: {
      nouns: [
        "soldiers", "soldier", "troops", "fighters", "fighter", "militants", "militant", "servicemen", "serviceman", "personnel", "men", "insurgents", "rebels", "guerrillas", "combatants", "paratroopers",
        "marines", "officers", "police officers", "policemen", "mercenaries", "volunteers", "saboteurs", "recruits", "reservists", "conscripts", "members", "commandos", "guards", "sailors", "pilots", "crew",
        "gunmen", "attackers", "assailants", "perpetrators", "shooters", "terrorists", "jihadists", "hostage-takers", "officer", "police officer", "policeman", "policewoman", "guard",
        "marine", "gunman", "attacker", "assailant", "perpetrator", "shooter", "terrorist", "rebel", "insurgent", "mercenary", "sailor", "pilot", "paratrooper", "conscript", "reservist",
      ],
      verbs: [],
    },
    vehicles: { nouns: ["vehicles", "vehicle", "tanks", "tank", "armoured vehicles", "armored vehicles", "trucks", "truck", "cars", "car", "apcs", "apc", "helicopters", "helicopter", "jets", "aircraft", "planes", "plane", "boats", "ships", "vessels", "humvees", "buses", "bus"], verbs: [] },
    other: {
      nouns: [
        "people", "persons", "person", "civilians", "civilian", "residents", "children", "child", "women", "villagers", "inhabitants", "hostages", "refugees", "migrants", "protesters", "demonstrators",
        "passengers", "workers", "students", "journalists", "suspects", "individuals", "teenagers", "men and women", "man", "woman", "boy", "girl", "resident", "suspect", "teenager", "fans", "supporters",
        "spectators", "visitors", "concertgoers", "households", "families", "nationals", "citizens", "firefighters", "firefighter", "rescuers", "rescuer", "paramedics", "paramedic",
        "medics", "medic", "aid workers", "aid worker", "journalist", "worker", "student", "passenger", "pedestrians", "pedestrian", "tourists", "tourist", "worshippers", "worshipper", "patients",
        "patient", "protester", "demonstrator", "hostage", "migrant", "refugee", "villager", "citizen", "national", "fisherman", "fishermen", "farmer", "farmers", "baby", "babies", "infant", "infants",
        "bystanders", "bystander", "passers-by", "passer-by", "passersby", "passerby",
      ],
      verbs: [],
    },
  },
  objects: [
    "missiles", "missile", "rockets", "rocket", "drones", "drone", "shells", "shell", "bombs", "grenades", "mines", "houses", "homes", "buildings", "villages", "towns", "settlements", "projectiles",
    "explosives", "leaks", "leak", "explosions", "blasts", "tremors", "pipelines", "dams", "bridges",
  ],
  weakNouns: ["victims", "victim"],
  tolls: {
    "death toll": "killed", "number of dead": "killed", "number of deaths": "killed", "number of injured": "wounded", "number of wounded": "wounded", "number of arrests": "arrested", "casualty toll": "killed",
    "number of missing": "missing", "lives of": "killed", "death of": "killed", "deaths of": "killed", "killing of": "killed", "killings of": "killed", "of the dead": "killed", "among the dead": "killed", "of the victims": "killed",
    "among the victims": "killed", "of the injured": "wounded", "among the injured": "wounded", "of the wounded": "wounded", "among the wounded": "wounded", "of the missing": "missing",
    "among the missing": "missing", "arrest of": "arrested", "arrests of": "arrested", "detention of": "arrested", "of those arrested": "arrested", "among those arrested": "arrested",
  },
  anaphoricTolls: ["the number", "the figure", "the total", "the tally", "the toll", "that number", "that figure"],
  demonymSuffixes: ["ians", "ans", "ese", "is", "ns"],
  approx: {
    "more than": "min", over: "min", "at least": "min", "upwards of": "min", "no fewer than": "min", "no less than": "min", "in excess of": "min", "well over": "min", some: "about",
    about: "about", around: "about", roughly: "about", approximately: "about", "an estimated": "about", estimated: "about", nearly: "max", almost: "max", "up to": "max", "fewer than": "max",
    "less than": "max", "at most": "max", "no more than": "max", "as many as": "max", "close to": "about", "some estimated": "about", "just under": "max", "just over": "min", "a minimum of": "min",
  },
  vagueAmounts: { dozens: { value: 24, approx: "min" }, scores: { value: 40, approx: "min" }, hundreds: { value: 200, approx: "min" }, thousands: { value: 2000, approx: "min" }, "tens of thousands": { value: 20000, approx: "min" }, "hundreds of thousands": { value: 200000, approx: "min" }, millions: { value: 2e6, approx: "min" } },
  of: ["of"],
  skipAdjectives: 3,
  stopBefore: ["%", "percent", "per", "cent", "years", "year", "days", "day", "hours", "months", "weeks", "km", "kilometres", "kilometers", "miles", "metres", "meters", "dollars", "euros", "pounds", "times", "degrees", "tons", "tonnes"],
  functionWords: [
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "into", "onto", "off", "across", "near", "after", "before", "during", "since", "under", "over", "among", "between", "inside", "outside",
    "and", "or", "but", "that", "which", "who", "whom", "whose", "this", "these", "those", "as", "than", "while", "when", "where", "because", "if",
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "must", "do", "did", "does",
    "it", "they", "he", "she", "we", "you", "their", "his", "her", "its", "our", "them", "him", "not", "no", "also", "still", "including",
  ],
  including: ["including", "among them", "among whom", "of whom", "of which", "of those", "of them", "among those", "including at least"],
  partitiveOf: ["of the", "of its", "of their", "of his", "of her", "of our", "of these", "of those", "of"],
  partitivePronouns: ["of them", "of those", "of whom", "of which"],
  coordinators: ["and", "but", "plus"],
  articleOrdinals: ["second", "third", "fourth", "fifth"],
  objectStarts: ["the", "a", "an", "his", "her", "their", "its", "him", "them", "us", "me", "dozens", "hundreds", "thousands", "scores"],
  generic: ["usually", "typically", "normally", "generally", "on average", "as a rule", "each year", "every year", "per year", "a year", "annually"],
  figureGivers: [
    "gave the number of", "gave the figure of", "gave the toll of", "gave the number for", "gave the figure for",
    "provided the number of", "provided the figure of", "released the number of", "released the figure of",
    "announced the number of", "put out the number of", "confirmed the number of",
  ],
};
