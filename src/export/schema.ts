import { z } from "zod";

// The sitrep/1 export (SPEC §3). Required fields as the spec lists them; extra fields are allowed.
const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const docSpan = { doc: z.string(), ...span };

export const SourceSchema = z.object({
  name: z.string().min(1),
  entity: z.string().optional(),
  kind: z.enum(["party", "official", "expert", "media", "unnamed", "other"]),
  role: z.string().optional(),
});

export const ExportSchema = z.object({
  schema: z.literal("sitrep/1"),
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string().optional(),
      source: z.string().optional(),
      url: z.string().optional(),
      published: z.string(),
      published_from: z.enum(["front-matter", "metadata", "flag", "file-mtime", "feed"]),
      /** nl or en, or the ISO 639-1 code of a language sitrep stored without extracting from it. */
      language: z.string().regex(/^[a-z]{2,3}$/),
      language_from: z.enum(["front-matter", "metadata", "flag", "detected", "fallback"]),
      text: z.string(),
    }),
  ),
  entities: z.array(
    z.object({
      id: z.string(),
      type: z.enum(["person", "organization", "group", "location", "facility", "other"]),
      name: z.string().min(1),
      aliases: z.array(z.string()),
      key: z.string(),
      mentions: z.array(z.object({ ...docSpan, text: z.string() })),
      geo: z
        .object({ lat: z.number(), lon: z.number(), country: z.string(), geonameId: z.number() })
        .optional(),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.string(),
      ...docSpan,
      text: z.string(),
      status: z.enum(["established", "claimed", "confirmed", "denied", "probable", "possible", "unknown"]),
      source: SourceSchema.nullable(),
      cue: z.object({ text: z.string(), ...span }).nullable(),
      quote: z.boolean(),
      entities: z.array(z.string()),
    }),
  ),
  unknowns: z.array(z.object({ id: z.string(), ...docSpan, text: z.string(), claim: z.string().optional() })),
  times: z.array(
    z.object({
      ...docSpan,
      text: z.string(),
      value: z.string(),
      type: z.enum(["DATE", "TIME", "DURATION", "SET"]),
      mod: z.string().optional(),
      unresolved: z.boolean().optional(),
    }),
  ),
  counts: z.array(
    z.object({
      ...docSpan,
      text: z.string(),
      kind: z.enum(["killed", "wounded", "arrested", "missing", "personnel", "vehicles", "other"]),
      value: z.number(),
      approx: z.enum(["exact", "min", "max", "about"]),
      claim: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      claims: z.array(z.string()),
      actors: z.array(z.string()),
      locations: z.array(z.string()),
      time: z.string().nullable(),
      counts: z.array(z.object({ kind: z.string(), value: z.number(), approx: z.string(), start: z.number(), end: z.number() })).optional(),
      trigger: z.object({ text: z.string(), start: z.number(), end: z.number() }).optional(),
    }),
  ),
  contradictions: z.array(z.object({ claims: z.array(z.string()).length(2), reason: z.string() })),
});

export type SitrepExport = z.infer<typeof ExportSchema>;
