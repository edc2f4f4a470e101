// A language pack bundles everything a stage knows about one language. Stage code is shared and
// language-blind; each stage declares the shape of the knowledge it needs in its own lexicon.ts,
// and src/lang/<code>/ supplies it.
import type { Lang } from "../model/doc.js";
import type { SegmentLexicon } from "../pipeline/segment/lexicon.js";
import type { EntityLexicon } from "../pipeline/entities/lexicon.js";
import type { ClaimLexicon } from "../pipeline/claims/lexicon.js";
import type { TimeLexicon } from "../pipeline/times/lexicon.js";
import type { CountLexicon } from "../pipeline/counts/lexicon.js";
import type { EventLexicon } from "../pipeline/events/lexicon.js";

export interface LangPack {
  code: Lang;
  segment: SegmentLexicon;
  entities: EntityLexicon;
  claims: ClaimLexicon;
  times: TimeLexicon;
  counts: CountLexicon;
  events: EventLexicon;
}
