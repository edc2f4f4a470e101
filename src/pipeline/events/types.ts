// The one list of event types. docs/events.md documents it and maps each type to ACLED's event types.

export const EVENT_TYPES = [
  "attack",
  "explosion",
  "strike",
  "casualties",
  "claim_of_responsibility",
  "statement",
  "denial",
  "arrest",
  "evacuation",
  "operation",
  "other",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventTypeInfo {
  label: string;
  /** ACLED event type and sub-event types an analyst would compare with; null when ACLED codes no event. */
  acled: { type: string; subTypes: string[] } | null;
  note?: string;
}

export const EVENT_TYPE_INFO: Record<EventType, EventTypeInfo> = {
  attack: {
    label: "attack or incursion",
    acled: { type: "Battles", subTypes: ["Armed clash", "Non-state actor overtakes territory"] },
    note: "An attack on civilians is ACLED's Violence against civilians / Attack.",
  },
  explosion: {
    label: "explosion",
    acled: { type: "Explosions/Remote violence", subTypes: ["Remote explosive/landmine/IED", "Suicide bomb", "Grenade"] },
  },
  strike: {
    label: "shelling or strike",
    acled: { type: "Explosions/Remote violence", subTypes: ["Shelling/artillery/missile attack", "Air/drone strike"] },
  },
  casualties: {
    label: "casualties",
    acled: null,
    note: "ACLED records fatalities as a field of the event that caused them, not as an event.",
  },
  claim_of_responsibility: {
    label: "claim of responsibility",
    acled: null,
    note: "ACLED keeps claims in the event notes; the claimed attack is the event.",
  },
  statement: {
    label: "statement",
    acled: null,
    note: "Statements are not ACLED events; they carry who says what about the events.",
  },
  denial: {
    label: "denial",
    acled: null,
    note: "Not an ACLED event; a denial is a statement against a claim.",
  },
  arrest: { label: "arrest", acled: { type: "Strategic developments", subTypes: ["Arrests"] } },
  evacuation: {
    label: "evacuation",
    acled: { type: "Strategic developments", subTypes: ["Other"] },
    note: "ACLED has no evacuation type; displacement is noted under Strategic developments / Other.",
  },
  operation: {
    label: "military or security operation",
    acled: { type: "Battles", subTypes: ["Armed clash", "Government regains territory"] },
    note: "Without fighting (deployment, build-up) it is Strategic developments / Change to group/activity.",
  },
  other: { label: "other", acled: { type: "Strategic developments", subTypes: ["Other"] } },
};
