// `sitrep serve`: the HTTP API and the web page over one ledger, in one process.
import { isIP } from "node:net";
import { isLoopbackAddress, loadToken } from "../server/auth.js";
import { buildServer } from "../server/app.js";
import { openLedger } from "../server/ledger.js";
import { ledgerExists, ledgerLocation, shownLocation, StoreRefused } from "../store/index.js";
import { fail, UsageError } from "./io.js";

export interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  public?: boolean;
  allowFetch?: boolean;
  tokenFile?: string;
  memory?: boolean;
}

export async function serve(o: ServeOptions): Promise<number> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0–65535), not ${JSON.stringify(o.port)}`);
  if (!isIP(o.host.replace(/^\[|\]$/g, "")) && o.host !== "localhost") throw new UsageError(`--host must be an IP address or localhost, not ${JSON.stringify(o.host)}`);
  let token;
  try {
    token = loadToken(process.env, o.tokenFile);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const loopback = isLoopbackAddress(o.host);
  const db = o.memory ? undefined : ledgerLocation(o.db);
  if (db !== undefined && !ledgerExists(db)) process.stderr.write(`sitrep: no ledger at ${shownLocation(db)}: creating a new one\n`);
  let ledger;
  try {
    ledger = await openLedger(db);
  } catch (e) {
    if (!(e instanceof StoreRefused)) throw e;
    fail(e.message);
    return 1;
  }
  const app = await buildServer({ ledger: ledger.port, token: token.token, loopback, readNeedsToken: !loopback && !o.public, allowFetch: !!o.allowFetch });
  let address: string;
  try {
    address = await app.listen({ port, host: o.host.replace(/^\[|\]$/g, "") });
  } catch (e) {
    const code = (e as { code?: string }).code;
    await app.close();
    await ledger.port.close();
    if (code === "EADDRINUSE") fail(`port ${port} on ${o.host} is in use: stop what is listening there, or choose another with --port`);
    else if (code === "EACCES") fail(`may not listen on port ${port} on ${o.host}: choose a port above 1023 with --port`);
    else if (code === "EADDRNOTAVAIL") fail(`${o.host} is not an address of this machine: choose another with --host`);
    else fail(`cannot listen on ${o.host}:${port}: ${(e as Error).message}`);
    return 1;
  }
  // the first views (briefing, claim counts) are computed once the server answers, not before
  ledger.port.warmNow();
  const url = address.replace("://[::1]", "://[::1]").replace("://127.0.0.1", "://localhost");
  // the banner goes out in one write, so a reader never sees the address without the token line
  const lines = [`sitrep: serving ${ledger.description} on ${url}/`];
  if (!loopback) lines.push(o.public ? "sitrep: listening beyond this machine; reading is public, writing needs the token" : "sitrep: listening beyond this machine; reading and writing need the token");
  if (token.from === "generated") {
    lines.push(`sitrep: write token (set SITREP_TOKEN or --token-file to choose one): ${token.token}`);
    lines.push(`sitrep: open ${url}/#token=${token.token} to add reports from the page`);
  } else lines.push(`sitrep: write token from ${token.from === "env" ? "SITREP_TOKEN" : o.tokenFile}`);
  process.stderr.write(lines.join("\n") + "\n");
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void app
        .close()
        .then(() => ledger.port.close())
        .then(() => resolve());
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
