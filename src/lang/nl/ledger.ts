import type { LedgerLexicon } from "../../ledger/lexicon.js";

// Dutch knowledge for fusing reports. Text is matched lower-cased without diacritics.
const W = String.raw`(?:\S+\s+){0,3}`; // up to three words in between

export const ledger: LedgerLexicon = {
  oppositions: [
    {
      name: "independence",
      a: {
        label: "independent",
        patterns: [
          String.raw`onafhankelijk(?:e)?`,
          String.raw`zelfstandig(?:e)?`,
          String.raw`autonoom`,
          String.raw`op eigen (?:houtje|initiatief|gezag)`,
          String.raw`geen (?:bevelen|orders|instructies) (?:van|uit)`,
        ],
      },
      b: {
        label: "subordinate",
        patterns: [
          String.raw`onder ${W}(?:commando|bevel|leiding|gezag|aansturing|regie)`,
          String.raw`(?:in opdracht|op last|op bevel|op instructie) van`,
          String.raw`(?:valt|vallen|ressorteert|ressorteren) onder`,
          String.raw`aangestuurd (?:door|vanuit)`,
          String.raw`(?:onderdeel|deel) ${W}(?:van het|van de) ${W}(?:leger|strijdkrachten|krijgsmacht)`,
        ],
      },
    },
    {
      name: "continuation",
      a: {
        label: "ended",
        patterns: [
          String.raw`voltrokken`,
          String.raw`afgelopen`,
          String.raw`beeindigd`,
          String.raw`voorbij`,
          String.raw`ten einde`,
          String.raw`afgerond`,
          String.raw`gestaakt`,
          String.raw`(?:is|zijn|werd|werden) (?:ge)?stopt`,
          String.raw`teruggedreven`,
          String.raw`teruggedrongen`,
          String.raw`verdreven`,
          String.raw`vertrokken`,
          String.raw`(?:zich )?teruggetrokken`,
        ],
      },
      b: {
        label: "ongoing",
        patterns: [
          String.raw`(?:gaat|gaan) (?:\S+\s+){0,4}(?:door|verder|voort)`,
          String.raw`doorgaa?t`,
          String.raw`doorgaan`,
          String.raw`voortgaa?t`,
          String.raw`(?:duurt|duren) (?:nog )?voort`,
          String.raw`in volle gang`,
          String.raw`(?:nog|nog steeds|nog altijd) (?:bezig|gaande|aan de gang)`,
          String.raw`voortgezet`,
          String.raw`(?:blijft|blijven) (?:vechten|doorvechten|oprukken)`,
          String.raw`(?:zijn|is) (?:nog|nog steeds|nog altijd) (?:in|op) `,
        ],
      },
    },
  ],
  negators: ["niet", "geen", "nooit", "allerminst", "nog niet"],
  counter: [
    String.raw`ondenkbaar`,
    String.raw`onaannemelijk`,
    String.raw`onwaarschijnlijk`,
    String.raw`ongeloofwaardig`,
    String.raw`in (?:tegenspraak|strijd) met`,
    String.raw`weerlegd`,
    String.raw`ondanks (?:de|die|deze) (?:ontkenning|ontkenningen)`,
    String.raw`(?:blijkt|blijken) (?:echter|toch|wel)`,
    String.raw`(?:zou|zouden) (?:\S+\s+){0,4}wel`,
    String.raw`(?:beelden|foto's|video's|bewijs|bewijzen) (?:\S+\s+){0,3}(?:tonen|laten zien|wijzen)`,
  ],
  backRef: [
    String.raw`(?:die|deze|dat|dit|de|het) (?:cijfers?|bewering(?:en)?|beschuldiging(?:en)?|berichten|bericht|lezing|claims?|verklaring|aantijging(?:en)?|verhaal|versie|weergave)`,
    String.raw`spreekt (?:dat|dit|die|het) tegen`,
    String.raw`spreken (?:dat|dit|die|het) tegen`,
  ],
  themes: [
    {
      name: "involvement",
      patterns: [
        String.raw`betrokken(?:heid)?`,
        String.raw`(?:zit|zitten|zat|zaten|staat|staan|stond|stonden) ${W}achter`,
        String.raw`verantwoordelijk(?:heid)?`,
        String.raw`deelname`,
        String.raw`(?:heeft|hebben|had|hadden) ${W}(?:de hand in|een rol)`,
        String.raw`bewapend`,
        String.raw`gesteund`,
        String.raw`steun van`,
      ],
    },
  ],
};
