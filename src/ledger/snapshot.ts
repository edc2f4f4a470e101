// The briefing's picture, kept in the ledger. Fusing every stored report costs time that grows with the
// ledger (minutes at 100,000 reports), so the picture of the briefing (ranked propositions, speakers,
// disputes, figures, timeline, places, actors) is worked out once per ledger version and stored; `brief`
// and the server read it back in milliseconds.
//
// - The version (Reads.ledgerVersion) changes with every report version stored (added, replaced) and
//   every correction (a retraction, a status, a merge): a picture kept under another version is stale.
//   A picture also carries the stamp of the code that made it, so that another sitrep never reads it
//   as its own.
// - Refreshed after an ingest (`sitrep ingest` ends by refreshing; a PostgreSQL worker when its queue goes
//   idle), by the server in the background, and by `brief` when it finds the kept one stale.
// - Kept for the views asked without `--since`, in both languages, at the command line's and the server's
//   number of lines; other options are worked out from the ledger as before. Every refresh makes both
//   languages from one fusion of the ledger: a `brief --lang en` that kept English alone left the server's
//   first Dutch briefing to fuse the whole ledger again (540 s and 3.3 GB at 50,000 reports).
// The picture is the same as buildPicture's from scratch: it is buildPicture's result, stored.
import type { Lang } from "../model/doc.js";
import { corrected, openStore, StoreBusy, StoreFull, type Reads, type Store } from "../store/index.js";
import { buildPicture, type Picture, type PictureOptions } from "./picture.js";
import { ledgerFusions, type LedgerFusion } from "./stored.js";
import { codeStamp } from "./codestamp.js";
import { claimUidsOf, entitySlices, fusedSlices, keepEntityParts, keepLists, keptCurrent, keptListsIn, type KeptLists } from "./exportparts.js";

/**
 * The fusion_state kind of the kept pictures of a number of lines, every language's in one (PictureSet):
 * two languages' pictures are mostly the same names, figures and quotes, and compressed as one they take
 * half as much (0.63 → 0.33 MB for the four of a 10,000-report ledger); reading one costs reading both
 * (twice the milliseconds of one). Ledgers before kept a row per language and number of lines
 * (LEGACY_KIND), deleted when the pictures are next kept.
 */
const KIND = "briefing-pictures";
const LEGACY_KIND = "briefing-picture";
/** The kept pictures of a number of lines, by language. */
interface PictureSet {
  pictures: Partial<Record<Lang, Kept>>;
}
export const SNAPSHOT_LANGS: readonly Lang[] = ["en", "nl"];
/** The numbers of lines per section kept: the command line's default and the server's. */
export const SNAPSHOT_LIMITS: readonly number[] = [4, 40];

interface Kept {
  version: string;
  code: string;
  builtAt: string;
  picture: Picture;
}

/** A picture and how current it is. */
export interface Pictured {
  picture: Picture;
  /** When it was worked out. */
  builtAt: string;
  /** The ledger version it shows; `stale` when the ledger has changed since. */
  version: string;
  stale: boolean;
}

export { codeStamp } from "./codestamp.js";

const kindOf = (limit: number) => `${KIND}:${limit}`;
/** A picture's key in what refreshPictures returns (the kind each was kept as before PictureSet, as it was returned). */
const pictureKey = (lang: Lang, limit: number) => `${LEGACY_KIND}:${lang}:${limit}`;
const legacyKinds = (lang: Lang) => SNAPSHOT_LIMITS.map((limit) => pictureKey(lang, limit));

/** Whether pictures with these options are kept. */
export function isKept(o: PictureOptions): boolean {
  return !o.since && SNAPSHOT_LANGS.includes(o.lang ?? "en") && SNAPSHOT_LIMITS.includes(o.limit ?? 40);
}

/** The kept pictures of a number of lines, by language, whichever code made them. */
async function readSet(r: Reads, limit: number): Promise<PictureSet["pictures"]> {
  return ((await r.fusionState(kindOf(limit)))?.data as PictureSet | undefined)?.pictures ?? {};
}

async function readKept(r: Reads, lang: Lang, limit: number): Promise<Kept | undefined> {
  const k = (await readSet(r, limit))[lang];
  return k && k.code === codeStamp() ? k : undefined;
}

/** The kept picture for these options, current or not (undefined when none is kept). */
export async function keptPicture(r: Reads, o: PictureOptions): Promise<Pictured | undefined> {
  if (!isKept(o)) return undefined;
  const [version, k] = await Promise.all([r.ledgerVersion(), readKept(r, o.lang ?? "en", o.limit ?? 40)]);
  return k && { picture: k.picture, builtAt: k.builtAt, version: k.version, stale: k.version !== version };
}

/**
 * Works out the pictures of these languages (at every kept number of lines) over one consistent view of the
 * ledger, the fusions of all the languages from one reading of it, and keeps them. Languages whose pictures are current are left alone
 * unless `force`. Returns the pictures made, by language and limit.
 *
 * Each part is kept as soon as it is made, in a transaction of its own (the pictures of a language; the
 * entity parts; a language's lists), made a run at a time as it is written, and let go; and each
 * language's fusion is let go once its parts are kept, with all its pictures worked out of it. Holding
 * every part of every language until one transaction kept them all was the refresh's peak, after the fusion.
 * Every part says which version it is of, and is current only with the parts it goes with (keptCurrent),
 * so a reader between two of these transactions finds a part either current, or not and works it out.
 */
export async function refreshPictures(store: Store, langs: readonly Lang[] = SNAPSHOT_LANGS, o: { force?: boolean } = {}): Promise<Map<string, Kept>> {
  return store.snapshot(async (raw) => {
    const version = await raw.ledgerVersion();
    const out = new Map<string, Kept>();
    // what is current already, by language
    const kept = new Map<Lang, { pictures: boolean; parts: { entities: boolean; lists: boolean } }>();
    // (each number of lines' pictures read once: every language's are in one state)
    const sets = o.force ? [] : await Promise.all(SNAPSHOT_LIMITS.map((l) => readSet(raw, l)));
    for (const lang of langs)
      kept.set(lang, {
        pictures: !o.force && sets.every((set) => set[lang]?.code === codeStamp() && set[lang]?.version === version),
        parts: o.force ? { entities: false, lists: false } : await keptCurrent(raw, version, lang),
      });
    // the languages to work out, fused from one reading of the ledger
    const todo = langs.filter((lang, i) => {
      const k = kept.get(lang)!;
      return !(k.pictures && k.parts.lists && (k.parts.entities || langs.slice(0, i).some((l) => !kept.get(l)!.parts.entities)));
    });
    if (!todo.length) return out;
    const r = await corrected(raw);
    const fusions = await ledgerFusions(r, todo);
    // the store's claim ids of what the lists name, in every language from one reading of the ledger
    const listed = langs.filter((lang) => fusions.has(lang) && !kept.get(lang)!.parts.lists);
    const named = listed.length ? await claimUidsOf(r, listed.map((lang) => fusions.get(lang)!)) : undefined;
    let entities = false;
    // the lists of the first language kept whole, that the next ones are kept as the changes from
    let whole: KeptLists | undefined;
    for (const lang of langs) {
      const { pictures, parts } = kept.get(lang)!;
      const fusion = fusions.get(lang);
      if (!fusion) continue;
      fusions.delete(lang);
      if (!pictures) for (const [limit, k] of await keepPictures(store, r, version, lang, fusion)) out.set(pictureKey(lang, limit), k);
      if (!parts.entities && !entities) {
        await keepEntities(store, r, version, fusion);
        entities = true;
      }
      if (named && !parts.lists) {
        const k = await keepListsOf(store, version, lang, fusion, named.uids, named.worded[listed.indexOf(lang)]!, whole);
        whole ??= k;
      }
    }
    return out;
  });
}

// Each part is made, kept and let go in a function of its own: made in refreshPictures' own body, what a
// part held (the entity parts hold every mention of the ledger: 120 MB at 20,000 reports) stayed reachable
// from the suspended async function after it was kept, through the next language's pictures and lists,
// the refresh's peak.

/** A language's pictures at every kept number of lines, worked out and kept. */
async function keepPictures(store: Store, r: Reads, version: string, lang: Lang, fusion: LedgerFusion): Promise<[number, Kept][]> {
  const made: [number, Kept][] = [];
  for (const limit of SNAPSHOT_LIMITS)
    made.push([limit, { version, code: codeStamp(), builtAt: new Date().toISOString(), picture: await buildPicture(r, { lang, limit, fusion }) }]);
  await store.write(async (tx) => {
    // (the other languages' pictures kept as they are, current or not: a stale one is still shown while a new one is made)
    for (const [limit, k] of made) await tx.setFusionState(kindOf(limit), Date.parse(k.builtAt), { pictures: { ...(await readSet(tx, limit)), [lang]: k } } satisfies PictureSet);
    await tx.deleteFusionStates(legacyKinds(lang));
  });
  return made;
}

/** The entity parts (every language's), worked out and kept. */
async function keepEntities(store: Store, r: Reads, version: string, fusion: LedgerFusion): Promise<void> {
  const e = await entitySlices(r, fusion, SNAPSHOT_LANGS);
  await store.write((tx) => keepEntityParts(tx, version, e));
}

/** A language's lists, worked out and kept; what the next language's are kept as the changes from. */
async function keepListsOf(
  store: Store,
  version: string,
  lang: Lang,
  fusion: LedgerFusion,
  uids: Awaited<ReturnType<typeof claimUidsOf>>["uids"],
  worded: Map<string, number>,
  whole: KeptLists | undefined,
): Promise<KeptLists | undefined> {
  const lists = fusedSlices(fusion, uids);
  const k = await store.write((tx) => keepLists(tx, version, lang, lists, uids.reports, { ids: uids.ids, worded, times: uids.times }, whole));
  return k && keptListsIn(store.reads, k);
}

/**
 * Whether keeping a picture failed only because the ledger cannot be written now: a file or database
 * that is read-only to this user, or other writers holding it. Anything else (a full disk, a failed
 * statement, a bug) is worth telling: the next brief would spend the same minutes again, and fail again.
 */
function cannotWrite(e: unknown): boolean {
  if (e instanceof StoreBusy) return true;
  const code = String((e as { code?: unknown })?.code ?? "");
  // SQLite's read-only and locked files; the system's refusals; PostgreSQL's read-only transaction,
  // missing privilege, lock not available, serialization failure and deadlock
  if (/^SQLITE_(READONLY|CANTOPEN|BUSY|LOCKED)/.test(code) || ["EACCES", "EPERM", "EROFS", "25006", "42501", "55P03", "40001", "40P01"].includes(code)) return true;
  return e instanceof StoreFull && /read-?only/i.test(e.message);
}

/** Why a picture was not kept, for stderr. */
function notKept(e: unknown): string {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `sitrep: the briefing's picture was worked out but could not be kept in the ledger (${what}); the next brief will work it out again`;
}

/**
 * The picture of the ledger as it is now: the kept one when it is current, else worked out (and, for kept
 * options, kept when `save` can open the ledger for writing; a ledger that cannot be written to, or is
 * busy, is only read). Any other failure to keep it is told to `warn` (stderr), and the picture is
 * worked out all the same.
 */
export async function currentPicture(
  store: Store,
  o: PictureOptions,
  save?: () => Promise<Store>,
  warn: (message: string) => void = (m) => void process.stderr.write(m + "\n"),
): Promise<Pictured> {
  const lang = o.lang ?? "en";
  const got = await store.snapshot(async (r) => {
    const k = await keptPicture(r, o);
    if (k && !k.stale) return k;
    if (isKept(o) && save) return undefined;
    return { picture: await buildPicture(await corrected(r), o), builtAt: new Date().toISOString(), version: await r.ledgerVersion(), stale: false };
  });
  if (got) return got;
  try {
    const w = await save!();
    try {
      // (every language: the next brief or page in the other one reads what this refresh kept)
      const made = (await refreshPictures(w)).get(pictureKey(lang, o.limit ?? 40));
      if (made) return { picture: made.picture, builtAt: made.builtAt, version: made.version, stale: false };
      // another process kept it meanwhile
      const k = await w.snapshot((r) => keptPicture(r, o));
      if (k && !k.stale) return k;
    } finally {
      if (w !== store) await w.close();
    }
  } catch (e) {
    // read-only, or another writer holds the ledger: the picture is worked out without keeping it
    if (!cannotWrite(e)) warn(notKept(e));
  }
  return store.snapshot(async (r) => ({ picture: await buildPicture(await corrected(r), o), builtAt: new Date().toISOString(), version: await r.ledgerVersion(), stale: false }));
}

/**
 * Makes the parts the export reads, in every kept language (and their pictures, from the same fusion), and
 * keeps them, unless they are current: an export of a ledger whose parts are stale then fuses it once, as the next
 * `brief` would have, and streams what is kept, instead of fusing it in memory beside the export at every
 * run. Returns whether they could be kept; a ledger that cannot be written to now is left as it is, and any
 * other failure is told to `warn` (the export then works the parts out in memory, as before).
 */
export async function keepExportParts(
  save: () => Promise<Store>,
  warn: (message: string) => void = (m) => void process.stderr.write(m + "\n"),
): Promise<boolean> {
  try {
    const w = await save();
    try {
      // (every language, as a brief's refresh: an export in one language leaves none to fuse for the other)
      await refreshPictures(w);
      return true;
    } finally {
      await w.close();
    }
  } catch (e) {
    if (!cannotWrite(e)) warn(notKept(e));
    return false;
  }
}

/** Opens the ledger to keep a picture in it, waiting little for other writers (keeping it is an optimisation). */
export function openForKeeping(db: string): Promise<Store> {
  return openStore(db, { busyWaitMs: 200, writeDeadlineMs: 5000 });
}

/**
 * A worker's refresh once its queue is empty: one process at a time (the others, finding it taken, leave
 * it to that one); the pictures it makes are current for what every worker had committed when it began.
 */
export async function refreshWhenIdle(store: Store): Promise<boolean> {
  return (await store.exclusive("briefing-picture", async () => (await refreshPictures(store), true))) ?? false;
}
