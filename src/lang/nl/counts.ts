import type { CountLexicon } from "../../pipeline/counts/lexicon.js";
import type { NumberLexicon } from "../../pipeline/counts/numbers.js";

const ONES = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"];
const TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];
// Dutch writes numbers below a thousand as one word: vierentwintig, tweeëntwintig, driehonderdvijftig
const UNIT_STEM = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"];
const below100: [string, number][] = [];
ONES.forEach((w, i) => below100.push([w, i]));
below100.push(["eén", 1]);
for (let t = 2; t <= 9; t++) {
  below100.push([TENS[t]!, t * 10]);
  for (let u = 1; u <= 9; u++) {
    const stem = UNIT_STEM[u]!;
    const join = stem.endsWith("e") ? "ën" : "en";
    below100.push([`${stem}${join}${TENS[t]}`, t * 10 + u]);
  }
}
const words: Record<string, number> = {};
for (const [w, v] of below100) words[w] = v;
for (let h = 1; h <= 9; h++) {
  const head = h === 1 ? "honderd" : `${UNIT_STEM[h]}honderd`;
  words[head] = h * 100;
  for (const [w, v] of below100) if (v > 0 && w !== "eén" && w !== "één") words[head + w] = h * 100 + v;
  words[`${head}een`] = h * 100 + 1;
  if (h > 1) words[`${UNIT_STEM[h]}duizend`] = h * 1000;
}
Object.assign(words, { dozijn: 12, "een dozijn": 12, "een tiental": 10, "een twintigtal": 20, "een dertigtal": 30, "een honderdtal": 100, "een paar": 2, "een stuk of": 3, "een handvol": 5 });

export const numbers: NumberLexicon = {
  words,
  scales: { honderd: 100, duizend: 1000, miljoen: 1e6, miljard: 1e9, mln: 1e6, mld: 1e9 },
  joiners: ["en"],
  articles: ["een", "één"],
  andAHalf: ["en een half", "½"],
  fractions: { anderhalf: 1.5, anderhalve: 1.5, "een half": 0.5, "een halve": 0.5, halfjaar: 0.5 },
  decimalMark: ",",
  compoundScales: true,
};

export const counts: CountLexicon = {
  numbers,
  kinds: {
    killed: {
      nouns: ["dode", "doden", "dodelijke slachtoffers", "dodelijk slachtoffer", "lichamen", "lijken", "levens", "mensenlevens", "stoffelijke overschotten", "gesneuvelden", "omgekomenen", "overledenen", "slachtoffers", "slachtoffer"],
      verbs: [
        "gedood", "omgekomen", "om het leven gekomen", "om het leven", "kwamen om", "kwam om", "omkwamen", "omkwam", "omkomen", "sneuvelden", "sneuvelde", "gesneuveld", "overleden", "overleed",
        "stierven", "stierf", "bezweken", "bezweek", "verdronken", "verdronk", "doodgeschoten", "doodschoot", "doodschoten", "doodgestoken", "doodstak", "doodde", "doodden", "vermoord", "vermoordde",
        "vermoordden", "omgebracht", "geëxecuteerd", "dood", "liet het leven", "lieten het leven", "het leven lieten", "het leven liet", "kwamen … om", "kwam … om", "komen … om",
        "kwamen … om het leven", "kwam … om het leven", "lieten … het leven", "liet … het leven", "schoot … dood", "schoten … dood", "kostte … het leven",
        "kostten … het leven", "kost … het leven",
      ],
    },
    wounded: {
      nouns: ["gewonde", "gewonden", "zwaargewonden", "lichtgewonden", "zwaargewonde", "gewonde burgers"],
      verbs: [
        "gewond", "raakten gewond", "raakte gewond", "gewond geraakt", "verwond", "verwondde", "verwondden", "zwaargewond", "lichtgewond", "in het ziekenhuis opgenomen", "naar het ziekenhuis",
        "in kritieke toestand", "in levensgevaar", "buiten levensgevaar", "in kritieke staat", "ernstig gewond", "licht gewond", "zwaar gewond",
        "raakten … gewond", "raakte … gewond", "raken … gewond", "raakten … zwaargewond", "raakte … zwaargewond", "raakten … lichtgewond", "raakte … lichtgewond", "werden … gewond", "werden … verwond",
      ],
    },
    arrested: {
      nouns: ["arrestaties", "arrestatie", "aanhoudingen", "aanhouding", "gearresteerden", "gevangenen", "arrestanten", "opgepakten", "aangehoudenen", "gevangene", "arrestant"],
      verbs: [
        "gearresteerd", "aangehouden", "opgepakt", "gevangengenomen", "gevangen genomen", "in hechtenis genomen", "vastgezet", "opgesloten", "aangeklaagd", "in staat van beschuldiging gesteld",
        "in voorarrest", "in voorlopige hechtenis", "voorgeleid", "arresteerde", "arresteerden", "werden … gearresteerd", "werden … opgepakt", "werden … aangehouden", "zijn … gearresteerd",
        "zijn … opgepakt", "zijn … aangehouden", "pakte … op", "pakten … op", "hield … aan", "hielden … aan", "nam … gevangen", "namen … gevangen",
        "werden … gevangengenomen", "zijn … gevangengenomen",
      ],
    },
    missing: { nouns: ["vermisten", "vermiste"], verbs: ["vermist", "worden vermist", "wordt vermist", "spoorloos"] },
    personnel: {
      nouns: [
        "militairen", "militair", "soldaten", "soldaat", "strijders", "strijder", "manschappen", "troepen", "militieleden", "opstandelingen", "rebellen", "strijdkrachten", "agenten", "politieagenten",
        "mariniers", "commando's", "huurlingen", "vrijwilligers", "saboteurs", "leden", "mannen", "reservisten", "dienstplichtigen", "bemanningsleden", "piloten", "guerrillastrijders", "jihadisten",
        "terroristen", "militanten", "daders", "aanslagplegers", "aanvallers", "schutters", "gijzelnemers", "gewapende mannen", "agent", "politieagent", "politieman", "dader",
        "schutter", "aanvaller", "aanslagpleger", "terrorist", "rebel", "opstandeling", "marinier", "piloot", "bewakers", "bewaker", "huurling", "dienstplichtige", "reservist",
      ],
      verbs: [],
    },
    vehicles: { nouns: ["voertuig", "voertuigen", "tank", "tanks", "pantservoertuig", "pantserwagens", "pantserwagen", "vrachtwagens", "vrachtwagen", "auto's", "auto", "helikopters", "helikopter", "gevechtsvliegtuigen", "vliegtuigen", "vliegtuig", "boten", "schepen", "schip", "bussen", "bus", "jeeps", "trucks"], verbs: [] },
    other: {
      nouns: [
        "mensen", "personen", "persoon", "burgers", "burger", "inwoners", "bewoners", "kinderen", "kind", "vrouwen", "gijzelaars", "vluchtelingen", "demonstranten", "betogers", "passagiers", "journalisten",
        "verdachten", "jongeren", "tieners", "man", "vrouw", "jongen", "meisje", "inwoner", "bewoner", "verdachte", "supporters", "fans", "toeschouwers", "bezoekers", "concertgangers", "hulpverleners",
        "medewerkers", "huishoudens", "gezinnen", "brandweerlieden", "brandweerman", "brandweermannen", "hulpverlener", "journalist", "passagier", "toeristen", "toerist", "voetgangers",
        "voetganger", "patiënten", "patiënt", "gelovigen", "gijzelaar", "demonstrant", "betoger", "vluchteling", "migranten", "migrant", "werknemers", "werknemer", "medewerker", "studenten",
        "student", "leerlingen", "leerling", "scholieren", "scholier", "bezoeker", "supporter", "fan", "baby's", "baby", "vissers", "visser", "boeren", "boer", "dorpelingen",
        "voorbijgangers", "voorbijganger", "omstanders", "omstander",
      ],
      verbs: [],
    },
  },
  objects: [
    "raketten", "raket", "drones", "drone", "granaten", "bommen", "mijnen", "huizen", "woningen", "gebouwen", "dorpen", "plaatsen", "projectielen", "kruisraketten", "explosieven", "lekken", "lekkages",
    "explosies", "ontploffingen", "trillingen", "schokken", "pijpleidingen", "leidingen", "dammen", "bruggen",
  ],
  weakNouns: ["slachtoffers", "slachtoffer"],
  tolls: {
    dodental: "killed", dodentol: "killed", "aantal doden": "killed", "aantal gewonden": "wounded", "aantal slachtoffers": "killed", "aantal arrestaties": "arrested", "aantal vermisten": "missing",
    "dood van": "killed", "overlijden van": "killed", "van de doden": "killed", "onder de doden": "killed", "van de slachtoffers": "killed", "onder de slachtoffers": "killed", "van de gewonden": "wounded",
    "onder de gewonden": "wounded", "van de vermisten": "missing", "onder de vermisten": "missing", "van de opgepakten": "arrested", "onder de opgepakten": "arrested", "van de gearresteerden": "arrested",
    "onder de gearresteerden": "arrested", "arrestatie van": "arrested", "aanhouding van": "arrested",
  },
  anaphoricTolls: ["het aantal", "het totaal", "de teller", "het cijfer", "de tol", "die teller", "dat aantal"],
  compoundNouns: true,
  demonymSuffixes: ["en", "ers", "anen", "ezen"],
  approx: {
    ruim: "min", "meer dan": "min", minstens: "min", "ten minste": "min", tenminste: "min", minimaal: "min", zeker: "min", "op zijn minst": "min", "niet minder dan": "min", "een dikke": "min", "liefst": "min",
    bijna: "max", "nog geen": "max", "minder dan": "max", hooguit: "max", maximaal: "max", "tot wel": "max", "tot aan": "max", "ten hoogste": "max", hoogstens: "max",
    ongeveer: "about", circa: "about", "ca.": "about", ca: "about", "zo'n": "about", "zo’n": "about", rond: "about", "rond de": "about", omstreeks: "about", "naar schatting": "about", pakweg: "about",
    "een kleine": "about", "bij benadering": "about", "om en nabij": "about", "om en nabij de": "about", "een stuk of": "about", boven: "min", "boven de": "min",
  },
  vagueAmounts: { tientallen: { value: 20, approx: "min" }, honderden: { value: 200, approx: "min" }, duizenden: { value: 2000, approx: "min" }, tienduizenden: { value: 20000, approx: "min" }, honderdduizenden: { value: 200000, approx: "min" }, miljoenen: { value: 2e6, approx: "min" } },
  of: ["van"],
  skipAdjectives: 3,
  stopBefore: ["%", "procent", "jaar", "jaren", "dagen", "dag", "uur", "uren", "maanden", "maand", "weken", "week", "km", "kilometer", "meter", "euro", "dollar", "keer", "minuten", "seconden", "graden", "kilo", "ton", "liter"],
  functionWords: [
    "de", "het", "een", "van", "in", "op", "aan", "bij", "met", "voor", "naar", "uit", "door", "over", "om", "tot", "tegen", "tussen", "na", "sinds", "onder", "boven", "achter", "naast", "tijdens",
    "en", "of", "maar", "want", "dat", "die", "wie", "wat", "dit", "deze", "waar", "waarbij", "waarvan", "waardoor", "toen", "als", "dan", "omdat", "terwijl",
    "is", "was", "waren", "werd", "werden", "wordt", "worden", "zijn", "ben", "heeft", "hebben", "had", "hadden", "zal", "zullen", "zou", "zouden", "kan", "kunnen", "moet", "moeten",
    "er", "hij", "zij", "ze", "we", "wij", "hun", "haar", "hem", "zich", "niet", "geen", "ook", "al", "nog", "nu", "te", "daar", "hier", "ervan", "daarvan",
  ],
  including: ["onder wie", "onder hen", "van wie", "waaronder", "daaronder", "daarvan", "van hen", "onder meer", "inclusief"],
  partitiveOf: ["van de", "van het", "van zijn", "van hun", "van haar", "van onze", "van deze", "van die", "van"],
  partitivePronouns: ["ervan", "daarvan", "van hen", "van wie"],
  coordinators: ["en", "maar", "plus"],
  articleOrdinals: ["tweede", "derde", "vierde", "vijfde"],
  objectStarts: ["de", "het", "een", "hem", "haar", "hen", "hun"],
  generic: ["doorgaans", "gewoonlijk", "meestal", "normaal gesproken", "normaliter", "gemiddeld", "telkens", "in de regel", "jaarlijks", "per jaar", "elk jaar", "ieder jaar"],
  figureGivers: [
    "noemde het aantal", "gaf het aantal", "maakte het aantal", "bevestigde het aantal", "gaf het cijfer van",
    "noemde het cijfer van", "noemt het aantal", "geeft het aantal",
  ],
};
