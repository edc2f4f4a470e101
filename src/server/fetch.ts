// Fetching a report by URL for an operator who allowed it (--allow-fetch). The server must not become a way
// into the network it sits in: every address a host name resolves to is checked, the connection goes to the
// address that was checked (no second lookup to rebind), and every redirect is checked the same way.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";

// Two lists: a BlockList checks IPv4 addresses against IPv6 rules too (as IPv4-mapped), so ::ffff:0:0/96
// in one shared list would block every IPv4 address.
const blocked4 = new BlockList();
const blocked6 = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked4.addSubnet(net, bits, "ipv4");
// Every IPv6 form that carries an IPv4 address is refused as a whole (IPv4-compatible ::a.b.c.d, mapped
// ::ffff:a.b.c.d, translated ::ffff:0:a.b.c.d, NAT64, 6to4, Teredo): each can reach a private IPv4 host
// ("http://[::127.0.0.1]/"), and no news site needs one. ::/96 holds :: and ::1 too.
for (const [net, bits] of [
  ["::", 96], ["::ffff:0:0", 96], ["::ffff:0:0:0", 96], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23],
  ["2001:db8::", 32], ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) blocked6.addSubnet(net, bits, "ipv6");

/** Why an address may not be fetched from (private, loopback, link-local …), or undefined when it may. */
export function blockedAddress(ip: string): string | undefined {
  const a = ip.replace(/^\[|\]$/g, "");
  const v = isIP(a);
  if (v === 0) return "not an IP address";
  return (v === 4 ? blocked4.check(a, "ipv4") : blocked6.check(a, "ipv6")) ? `${a} is a private, loopback, link-local or reserved address` : undefined;
}

export class FetchRefused extends Error {
  override name = "FetchRefused";
}
export class FetchFailed extends Error {
  override name = "FetchFailed";
}

export interface FetchOptions {
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** The address policy; tests narrow it, production uses blockedAddress. */
  policy?: (ip: string) => string | undefined;
}

export interface Fetched {
  url: string;
  contentType: string;
  body: string;
}

type LookupCb = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function checkedLookup(policy: (ip: string) => string | undefined) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, cb: LookupCb) => {
    const opts = typeof options === "number" ? { family: options } : options;
    dnsLookup(hostname, { all: true, family: opts.family ?? 0 }, (err, addrs) => {
      if (err) return cb(err, "");
      const list = addrs as LookupAddress[];
      if (!list.length) return cb(Object.assign(new Error(`${hostname} does not resolve`), { code: "ENOTFOUND" }), "");
      for (const a of list) {
        const why = policy(a.address);
        if (why) return cb(Object.assign(new FetchRefused(`${hostname} resolves to ${why.replace(/^\S+ is /, "")} (${a.address})`), { code: "EREFUSED_PRIVATE" }), "");
      }
      if (opts.all) cb(null, list);
      else cb(null, list[0]!.address, list[0]!.family);
    });
  };
}

function once(url: URL, o: Required<FetchOptions>, deadline: number): Promise<{ status: number; location?: string; contentType: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.request(
      url,
      {
        method: "GET",
        lookup: checkedLookup(o.policy) as never,
        headers: { "user-agent": "sitrep (report fetcher)", accept: "text/html, text/plain;q=0.9, */*;q=0.1" },
        timeout: Math.max(1, deadline - Date.now()),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ status, location: res.headers.location, contentType: "", body: Buffer.alloc(0) });
        }
        const declared = Number(res.headers["content-length"] ?? 0);
        if (declared > o.maxBytes) {
          res.destroy();
          return reject(new FetchFailed(`the page is ${declared} bytes, over the limit of ${o.maxBytes}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > o.maxBytes) {
            res.destroy();
            reject(new FetchFailed(`the page is over the limit of ${o.maxBytes} bytes`));
          } else chunks.push(c);
        });
        res.on("end", () => resolve({ status, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }));
        res.on("error", (e) => reject(new FetchFailed(e.message)));
      },
    );
    req.on("timeout", () => req.destroy(new FetchFailed("timed out")));
    req.on("error", (e) => reject(e instanceof FetchRefused || e instanceof FetchFailed ? e : new FetchFailed(e.message)));
    req.end();
  });
}

/** Fetches a report page, refusing private destinations at every hop. */
export async function fetchReport(raw: string, opts: FetchOptions = {}): Promise<Fetched> {
  const o: Required<FetchOptions> = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5, policy: blockedAddress, ...opts };
  const deadline = Date.now() + o.timeoutMs;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused(`not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefused(`only http and https URLs can be fetched, not ${url.protocol}`);
    if (url.username || url.password) throw new FetchRefused("URLs with credentials are not fetched");
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // An address written into the URL is never looked up, so the lookup's check does not see it: check here.
    if (isIP(host)) {
      const why = o.policy(host);
      if (why) throw new FetchRefused(`refused: ${why}`);
    }
    const r = await once(url, o, deadline);
    if (r.location !== undefined) {
      if (hop >= o.maxRedirects) throw new FetchFailed(`more than ${o.maxRedirects} redirects`);
      url = new URL(r.location, url);
      continue;
    }
    if (r.status < 200 || r.status >= 300) throw new FetchFailed(`the server answered ${r.status}`);
    const ct = r.contentType.toLowerCase();
    const charset = /charset=["']?([\w.:-]+)/.exec(ct)?.[1] ?? "utf-8";
    let body: string;
    try {
      body = new TextDecoder(charset).decode(r.body);
    } catch {
      body = new TextDecoder("utf-8").decode(r.body);
    }
    return { url: url.href, contentType: ct.split(";")[0]!.trim(), body };
  }
}
