import type { EventLexicon } from "../../pipeline/events/lexicon.js";

// One-word triggers also match as the end of a Dutch compound (raketaanval, anti-terreuroperatie); the
// longest ending wins, so specific compounds are listed where their type differs from their head.
export const events: EventLexicon = {
  compoundTriggers: true,
  triggers: {
    attack: [
      "aanval", "aanvallen", "aangevallen", "aanvielen", "viel aan", "vielen aan", "inval", "invallen", "vielen binnen", "viel binnen",
      "binnengevallen", "binnenvallen", "binnen te vallen", "binnengedrongen", "drongen binnen", "overval", "overvallen", "raid", "invasie",
      "incursie", "stormden", "bestormd", "bestormden", "grensoverschrijdende", "staken de grens over", "stak de grens over",
      "overschreden de grens", "trokken de grens over", "grens overstak", "grens overstaken", "offensief", "gevechten", "vochten", "vuurgevecht",
      "schietpartij", "beschoten", "beschiet", "aanslag", "aanslagen", "hinderlaag",
      // split verbs: the particle closes the clause ("vielen de regio gisterochtend binnen")
      "viel … binnen", "vielen … binnen", "valt … binnen", "vallen … binnen", "drong … binnen", "drongen … binnen", "stak … over",
      "staken … over", "trokken … over", "trok … over", "vielen … aan", "viel … aan", "valt … aan", "vallen … aan",
    ],
    explosion: [
      "explosie", "explosies", "ontploffing", "ontploffingen", "explosieven", "explosief", "ontplofte", "ontploften", "bom", "bommen",
      "bomaanslag", "autobom", "bermbom", "zelfmoordaanslag", "zelfmoordaanslagen", "knal", "knallen", "springstof", "sprengstof", "opgeblazen",
    ],
    strike: [
      "beschieting", "beschietingen", "bombardement", "bombardementen", "gebombardeerd", "bombardeerden", "luchtaanval", "luchtaanvallen",
      "raketaanval", "raketaanvallen", "droneaanval", "droneaanvallen", "drone-aanval", "drone-aanvallen", "artillerie", "artillerievuur",
      "granaatvuur", "mortiervuur", "raketinslag", "inslag", "inslagen", "ingeslagen", "raketten", "kruisraketten", "drones", "luchtsteun",
    ],
    casualties: ["doden", "gewonden", "dodental", "omgekomen", "gesneuveld", "sneuvelden", "slachtoffers", "dodelijke slachtoffers", "om het leven"],
    claim_of_responsibility: [
      "opgeëist", "opeisen", "opeiste", "opeisten", "eisten op", "eiste op", "eisen op", "claimde betrokkenheid", "claimden betrokkenheid",
      "betrokkenheid claimde", "betrokkenheid claimden", "verantwoordelijkheid opgeëist", "nam de verantwoordelijkheid", "namen de verantwoordelijkheid",
      "eist de verantwoordelijkheid", "eisen de verantwoordelijkheid", "eisten … op", "eiste … op", "eist … op", "eisen … op",
    ],
    denial: ["ontkent", "ontkende", "ontkenden", "ontkennen", "ontkenning", "van de hand gewezen", "wijst van de hand", "wezen van de hand", "spreekt tegen", "spraken tegen", "weerspreekt", "wees … af", "wezen … af", "wijst … af", "wijzen … af", "wees … van de hand", "wezen … van de hand", "wijst … van de hand"],
    arrest: ["gearresteerd", "arrestatie", "arrestaties", "aangehouden", "aanhouding", "aanhoudingen", "opgepakt", "gevangengenomen", "arresteerde", "arresteerden"],
    evacuation: ["evacuatie", "evacuaties", "geëvacueerd", "evacueren", "evacueerden", "ontruimd", "ontruiming", "ontruimingen", "gevlucht", "vluchtten", "sloegen op de vlucht", "sloegen … op de vlucht", "sloeg … op de vlucht"],
    operation: [
      "operatie", "operaties", "anti-terreuroperatie", "terreurbestrijdingsoperatie", "tegenoffensief", "zuiveringsactie", "zuiveringsoperatie",
      "uit te schakelen", "uitgeschakeld", "schakelden uit", "militaire actie", "troepenmacht", "versterkingen", "mobilisatie", "noodtoestand",
    ],
    other: ["incident", "incidenten", "voorval", "sabotage", "cyberaanval"],
  },
};
