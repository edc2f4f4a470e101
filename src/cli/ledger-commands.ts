import { Option, type Command } from "commander";
import type { Lang } from "../model/doc.js";
import { parseLang, parsePublished } from "./args.js";
import { out, UsageError } from "./io.js";
// The commands' modules load when a command runs, so that `sitrep brief` does not pay for the pipeline.
const ingestModule = () => import("./ingest.js");
const briefModule = () => import("./brief.js");
const exportModule = () => import("./export.js");

const DB_HELP = "the ledger: a SQLite file or a postgres:// URL (default: $SITREP_DB, else sitrep.db)";
const ledger = async (db: string | undefined) => (await import("../store/index.js")).ledgerLocation(db);

function usage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function parseSince(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (Number.isNaN(Date.parse(v))) throw new Error(`--since must be a date or time such as 2023-05-23T12:00:00+02:00, not ${JSON.stringify(v)}`);
  return v;
}

async function ledgerAction(f: () => Promise<string | void>): Promise<void> {
  const { NoLedger } = await briefModule();
  try {
    const text = await f();
    if (typeof text === "string") await out(text);
    process.exitCode = 0;
  } catch (e) {
    if (e instanceof NoLedger) {
      process.stderr.write(`sitrep: ${e.message}\n`);
      process.exitCode = 1;
      return;
    }
    // The reader stopped reading (`sitrep export … | head`): nothing is wrong.
    if ((e as { code?: string })?.code === "EPIPE") return;
    throw e;
  }
}

/** The ledger commands: ingest, brief, export. */
export function registerLedgerCommands(p: Command): void {
  p.command("ingest")
    .description("store reports and what they say in the ledger (idempotent; a changed report becomes a new version)")
    .argument("<input...>", "report files, directories or globs: .txt/.md, .html, .jsonl, RSS/Atom, Telegram result.json")
    .option("--db <file>", DB_HELP)
    .option("--published <iso>", "publication time for reports that do not state one (ISO 8601)")
    .option("--lang <code>", "language of reports that do not state one: nl or en (default: detected)")
    .option("--queue", "PostgreSQL: only queue the reports; `sitrep worker` processes them")
    .option("--jobs <n>", "threads that extract reports (default: one per core when there are many files; 0: none besides the one that writes)")
    .option("--no-refresh", "do not refresh the briefing's kept picture at the end (the next `brief` does)")
    .addHelpText(
      "after",
      "\nBad items of a file (a JSON line, a feed item, a Telegram message) are skipped with a line each; the exit code is 1 when\nanything failed or was skipped. URLs are not fetched here: add them through `sitrep serve --allow-fetch`.\n\nExample:\n  sitrep ingest reports/ 'feeds/*.xml' --db belgorod.db",
    )
    .action(async (inputs: string[], o: { db?: string; published?: string; lang?: string; queue?: boolean; jobs?: string; refresh: boolean }) => {
      const published = usage(() => parsePublished(o.published));
      const lang = usage(() => parseLang(o.lang));
      const jobs = o.jobs === undefined ? undefined : Number(o.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 64)) throw new UsageError(`--jobs must be a whole number from 0 to 64, not ${JSON.stringify(o.jobs)}`);
      const { runIngest, summaryText } = await ingestModule();
      const { StoreRefused } = await import("../store/index.js");
      try {
        if (o.queue) {
          const { enqueueFiles } = await import("./worker.js");
          const s = await enqueueFiles(inputs, await ledger(o.db), { published, lang });
          for (const f of s.failed) process.stderr.write(`sitrep: ${f.file}: ${f.reason}\n`);
          await out(`${s.queued} queued, ${s.already} queued already, ${s.failed.length} failed\n`);
          process.exitCode = s.failed.length ? 1 : 0;
          return;
        }
        const { summary } = await runIngest(inputs, await ledger(o.db), { published, lang, jobs, refresh: o.refresh, progress: process.stderr.isTTY ? "bar" : "lines" });
        await out(summaryText(summary));
        process.exitCode = summary.failed.length || summary.skipped.length ? 1 : 0;
      } catch (e) {
        if (!(e instanceof StoreRefused)) throw e;
        process.stderr.write(`sitrep: ${e.message}\n`);
        process.exitCode = 1;
      }
    });

  p.command("worker")
    .description("PostgreSQL: take reports from the ledger's queue (sitrep ingest --queue), extract and store them, one transaction each")
    .option("--db <url>", "the ledger: a postgres:// URL (default: $SITREP_DB)")
    .option("--concurrency <n>", "worker processes on this machine (one per core at most)", "1")
    .option("--until-idle", "stop once the queue is empty (else wait for more)")
    .option("--quiet", "no line per report")
    .option("--no-refresh", "leave the briefing's kept picture to others (by default a worker whose queue goes idle refreshes it)")
    .addHelpText("after", "\nAny number of workers, on any number of machines, can share one queue.\n\nExample:\n  sitrep worker --db postgres://sitrep@db.example.org/news --concurrency 2")
    .action(async (o: { db?: string; concurrency: string; untilIdle?: boolean; quiet?: boolean; refresh: boolean }) => {
      const concurrency = Number(o.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive whole number, not ${JSON.stringify(o.concurrency)}`);
      const { runWorker, workerSummaryText } = await import("./worker.js");
      const { StoreRefused } = await import("../store/index.js");
      try {
        const s = await runWorker(await ledger(o.db), { concurrency, untilIdle: o.untilIdle, quiet: o.quiet, refresh: o.refresh });
        await out(workerSummaryText(s));
        process.exitCode = s.failed || s.crashed ? 1 : 0;
      } catch (e) {
        if (!(e instanceof StoreRefused)) throw e;
        process.stderr.write(`sitrep: ${e.message}\n`);
        process.exitCode = 1;
      }
    });

  p.command("brief")
    .description("what we know and what we don't: established, who claims what, denied, unclear, figures, timeline, places, actors")
    .option("--db <file>", DB_HELP)
    .addOption(new Option("--lang <code>", "language of the briefing (quotes stay in the original)").choices(["nl", "en"]).default("en"))
    .addOption(new Option("--format <format>", "output format").choices(["md", "html", "json"]).default("md"))
    .option("--since <time>", "only what reports published after this time added or changed")
    .option("--limit <n>", "most lines per section (the strongest first)", "4")
    .option("--all", "every line of every section")
    .addHelpText("after", "\nExample:\n  sitrep brief --lang nl\n  sitrep brief --db belgorod.db --since 2023-05-23T12:00:00+02:00 --format html > brief.html")
    .action(async (o: { db?: string; lang: Lang; format: "md" | "html" | "json"; since?: string; limit: string; all?: boolean }) => {
      const since = usage(() => parseSince(o.since));
      const limit = o.all ? 1_000_000 : Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, not ${JSON.stringify(o.limit)}`);
      const db = await ledger(o.db);
      // (a brief that finds its picture stale fuses the whole ledger to make it again)
      (await import("./heap.js")).boundHeapGrowth();
      await ledgerAction(async () => (await briefModule()).briefText(db, { lang: o.lang, format: o.format, since, limit }));
    });

  p.command("export")
    .description("the whole ledger: sitrep/1 JSON, a claims table (CSV) or the places with their claims (GeoJSON)")
    .option("--db <file>", DB_HELP)
    .addOption(new Option("--format <format>", "output format").choices(["json", "csv", "geojson"]).makeOptionMandatory())
    .addOption(new Option("--lang <code>", "language of fused names (Oekraïne or Ukraine)").choices(["nl", "en"]).default("en"))
    .addHelpText("after", "\nExample:\n  sitrep export --format csv > claims.csv\n  sitrep export --db belgorod.db --format geojson > places.geojson")
    .action(async (o: { db?: string; format: "json" | "csv" | "geojson"; lang: Lang }) => {
      const db = await ledger(o.db);
      await ledgerAction(async () => (await exportModule()).exportTo(db, o, process.stdout));
    });

  p.command("copy")
    .description("copy the whole ledger into a new SQLite file or an empty PostgreSQL database (from either backend to either)")
    .option("--db <file>", "the ledger to copy (only read): a SQLite file or a postgres:// URL (default: $SITREP_DB, else sitrep.db)")
    .requiredOption("--to <target>", "where the copy goes: a new SQLite file, or a postgres:// URL of an empty database")
    .option("--quiet", "no progress lines on stderr")
    .addHelpText(
      "after",
      "\nThe copy keeps every id, stable id, correction and kept briefing; it refuses a target that holds anything.\n\nExample:\n  sitrep copy --db news.db --to postgres://sitrep@db.example.org/news",
    )
    .action(async (o: { db?: string; to: string; quiet?: boolean }) => {
      const { copyText } = await import("./copy.js");
      const { StoreRefused } = await import("../store/index.js");
      try {
        await out(await copyText(await ledger(o.db), o.to, { quiet: !!o.quiet }));
        process.exitCode = 0;
      } catch (e) {
        if (!(e instanceof StoreRefused)) throw e;
        process.stderr.write(`sitrep: ${e.message}\n`);
        process.exitCode = 1;
      }
    });
}
