// `sitrep serve`: the HTTP API and the web page over one ledger, in one process.
import { isIP } from "node:net";
import { isLoopbackAddress, loadToken } from "../server/auth.js";
import { buildServer } from "../server/app.js";
import { openLedger } from "../server/ledger.js";
import { UsageError } from "./io.js";

export interface ServeOptions {
  db: string;
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
  const ledger = await openLedger(o.memory ? undefined : o.db);
  const app = await buildServer({ ledger: ledger.port, token: token.token, loopback, readNeedsToken: !loopback && !o.public, allowFetch: !!o.allowFetch });
  const address = await app.listen({ port, host: o.host.replace(/^\[|\]$/g, "") });
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
      void app.close().then(() => {
        ledger.port.close();
        resolve();
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
