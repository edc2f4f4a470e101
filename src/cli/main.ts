import { Command, CommanderError, Option } from "commander";
import { parseLang, parsePublished } from "./args.js";
import { fail, out, UsageError } from "./io.js";
import { registerLedgerCommands } from "./ledger-commands.js";

const VERSION = "0.1.0";

function program(): Command {
  const p = new Command("sitrep")
    .description("Turns news reports about a breaking event into a sourced ledger of what we know and what we don't.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  p.command("extract")
    .description("extract claims, sources, entities, places, times and figures from report files (no database)")
    .argument("<file...>", "report files: .txt/.md with front matter, .html, .jsonl, RSS/Atom (.xml/.rss/.atom), Telegram result.json")
    .option("--published <iso>", "publication time for reports that do not state one (ISO 8601)")
    .option("--lang <code>", "language of reports that do not state one: nl or en (default: detected)")
    .addOption(new Option("--format <format>", "output format").choices(["json", "md"]).default("json"))
    .option("--jobs <n>", "threads extracting reports for the json output (0: none, in the main thread; default: 2 for inputs of 4 MB or more on two cores or more, else 0)")
    .addHelpText("after", "\nExample:\n  sitrep extract report.txt --format md\n  sitrep extract a.html b.txt --published 2023-05-23T17:00:00+02:00 > export.json")
    .action(async (files: string[], o: { published?: string; lang?: string; format: string; jobs?: string }) => {
      let published: string | undefined, lang;
      let jobs: number | undefined;
      try {
        published = parsePublished(o.published);
        lang = parseLang(o.lang);
        if (o.jobs !== undefined) {
          if (!/^\d{1,2}$/.test(o.jobs)) throw new Error(`--jobs: a number of threads (0 to 99), not ${JSON.stringify(o.jobs)}`);
          jobs = Number(o.jobs);
        }
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      // a command's modules load when it runs: start-up stays cheap for every other command
      const [{ extractReports, extractThreaded, defaultExtractJobs, boundExtractHeap, endExtraction }, { OneShotExport }, { summaryPart }] = await Promise.all([
        import("./extract.js"),
        import("../export/oneshot.js"),
        import("../export/markdown.js"),
      ]);
      // before any extraction thread starts: they size their heaps at birth
      boundExtractHeap();
      // a report at a time: each is written out (md) or put aside in temporary files (json) as it is
      // extracted, and dropped
      const failed = { n: 0 };
      if (o.format === "md") {
        let n = 0;
        for (const doc of extractReports(files, { published, lang }, failed)) await out((n++ ? "\n\n---\n\n" : "") + summaryPart(doc));
        await out("\n");
      } else {
        const x = new OneShotExport();
        try {
          jobs ??= defaultExtractJobs(files);
          // with threads, this one takes each report (its sections to temporary files) while they extract
          // the next ones; once all are in, it fuses and writes, and they are gone with their memory
          if (jobs > 0) for await (const r of extractThreaded(files, { published, lang }, jobs, failed)) x.add(r.doc, r.fusion);
          else for (const doc of extractReports(files, { published, lang }, failed)) x.add(doc);
          endExtraction();
          // (each piece written before the next is asked for: the export writes the next into the same buffer)
          for await (const chunk of x.json()) await out(chunk);
        } finally {
          x.close();
        }
      }
      process.exitCode = failed.n ? 1 : 0;
    });

  p.command("demo")
    .description("ingest the sample reports that ship with sitrep into a temporary ledger and show the briefing")
    .addOption(new Option("--format <format>", "output format").choices(["json", "md", "html"]).default("md"))
    .addOption(new Option("--lang <code>", "language of the briefing").choices(["nl", "en"]).default("en"))
    .addHelpText("after", "\nExample:\n  sitrep demo\n  sitrep demo --lang nl")
    .action(async (o: { format: string; lang: "nl" | "en" }) => {
      const { demo } = await import("./demo.js");
      process.exitCode = await demo(o.format, o.lang);
    });
  registerLedgerCommands(p);

  p.command("serve")
    .description("serve the ledger as an HTTP API and a web page (reading open on localhost; writing needs the token)")
    .option("--db <file>", "the ledger: a SQLite file, created when missing, or a postgres:// URL (default: $SITREP_DB, else sitrep.db)")
    .option("--port <n>", "port to listen on (0: any free port)", "8080")
    .option("--host <address>", "address to listen on; beyond loopback, reading needs the token unless --public", "127.0.0.1")
    .option("--public", "let anyone who can reach the server read the ledger without the token")
    .option("--allow-fetch", "let clients add a report by URL (private, loopback and link-local addresses are always refused)")
    .option("--token-file <file>", "read the write token from this file (else SITREP_TOKEN, else a random one is printed)")
    .option("--memory", "a temporary ledger, removed when the server stops")
    .addHelpText("after", "\nExample:\n  SITREP_TOKEN=$(openssl rand -hex 20) sitrep serve --db news.db --port 8080")
    .action(async (o: { db?: string; port: string; host: string; public?: boolean; allowFetch?: boolean; tokenFile?: string; memory?: boolean }) => {
      const { serve } = await import("./serve.js");
      process.exitCode = await serve(o);
    });
  return p;
}

/** Runs the CLI; resolves to the exit code (0 success, 1 failure, 2 usage error). */
export async function run(argv: string[]): Promise<number> {
  process.exitCode = 0;
  const p = program();
  try {
    await p.parseAsync(argv, { from: "user" });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      if (e.code === "commander.executeSubCommandAsync") return 1;
      return 2;
    }
    if (e instanceof UsageError) {
      fail(e.message);
      return 2;
    }
    fail(`internal error: ${(e as Error)?.message ?? String(e)}`);
    return 1;
  }
}
