// The HTTP API and the page, on fastify. Routes carry JSON schemas: fastify validates requests with them and
// @fastify/swagger turns them into the OpenAPI 3 description at /openapi.json.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import swagger from "@fastify/swagger";
import type { ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import { CLAIM_STATUSES, type ClaimStatus, type Lang } from "../model/doc.js";
import { bearer, hostAllowed, tokenMatches } from "./auth.js";
import { fetchReport, FetchFailed, FetchRefused, type FetchOptions } from "./fetch.js";
import { BRIEF_LINES, LedgerUnavailable, ReportError, type BriefLines, type ClaimQuery, type LedgerChange, type LedgerPort, type NewCorrection, type NewReport, type Streamed } from "./port.js";
import { acceptedEncodings, loadStatic, type Encoding, type StaticFiles } from "./static.js";
import { decodeCursor } from "./cursor.js";
import { townsWithin } from "./views.js";
import { BRIEF_CSP } from "../brief/index.js";
import { pipeTo } from "../export/stream.js";

/** The deepest /api/claims offset (rows skipped); deeper pages are read by cursor. */
export const MAX_OFFSET = 10_000;

export interface ServerOptions {
  ledger: LedgerPort;
  token: string;
  /** The listener is on a loopback address: requests must name a loopback host. */
  loopback: boolean;
  /** Reading needs the token (a non-loopback listener without --public). */
  readNeedsToken: boolean;
  allowFetch: boolean;
  fetchOptions?: FetchOptions;
  /** Largest request body (a report), bytes. */
  bodyLimit?: number;
  /** Largest number of open event streams. */
  maxStreams?: number;
  /** The built page; defaults to dist/web next to the compiled server. */
  webDir?: string;
}

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type("application/json").send({ error: { status, code, message } });
}

const errorSchema = {
  type: "object",
  properties: { error: { type: "object", properties: { status: { type: "integer" }, code: { type: "string" }, message: { type: "string" } } } },
} as const;
const errors = { 400: errorSchema, 401: errorSchema, 404: errorSchema };

const claimRowSchema = {
  type: "object",
  description: "A claim: the span of a report that carries a proposition, with its status and who asserts it.",
  additionalProperties: true,
  properties: {
    id: { type: "string" },
    report: { type: "string" },
    start: { type: "integer" },
    end: { type: "integer" },
    text: { type: "string" },
    status: { type: "string", enum: [...CLAIM_STATUSES] },
    source: { type: ["object", "null"], additionalProperties: true },
    cue: { type: ["object", "null"], additionalProperties: true },
  },
} as const;

const langQuery = { type: "string", enum: ["nl", "en"] } as const;

/** Bodies shorter than this go out as they are (compressing them saves less than it costs). */
const COMPRESS_FROM = 1024;
const brotli = promisify(brotliCompress), gzipped = promisify(gzip);
/** Compressed off the event loop; brotli at a middle quality (11 takes seconds on a megabyte, 5 a few ms). */
function compress(enc: Encoding, body: string): Promise<Buffer> {
  return enc === "br"
    ? brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } })
    : gzipped(body, { level: 6 });
}

export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const ledger = o.ledger;
  const bodyLimit = o.bodyLimit ?? 10 * 1024 * 1024;
  const web: StaticFiles = loadStatic(o.webDir);
  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    requestTimeout: 60_000,
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
    // A request the router cannot even read (a malformed URL, bad content type) is answered here, before
    // any hook runs: it gets the same headers and error shape as every other answer.
    frameworkErrors: (err, _req, reply) => {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
      const status = (err as { statusCode?: number }).statusCode ?? 400;
      return sendError(reply, status, "bad_request", err.message);
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "sitrep",
        version: "1",
        description:
          "The ledger of what we know and what we don't: reports, claims with status and source, entities, places, timeline, contradictions, the briefing and exports. Writes need a bearer token; reads need it too when the server is not on loopback and not public.",
      },
      components: { securitySchemes: { token: { type: "http", scheme: "bearer" } } },
    },
  });

  // Raw report bodies: plain text (with optional front matter) and HTML, as sent by curl --data-binary.
  for (const type of ["text/plain", "text/markdown", "text/html"]) {
    app.addContentTypeParser(type, { parseAs: "string", bodyLimit }, (_req, body, done) => done(null, body));
  }

  const streams = new Set<ServerResponse>();

  app.addHook("onRequest", async (req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (o.loopback && !hostAllowed(req.headers.host)) throw new HttpError(421, "misdirected", "this server answers only to localhost, 127.0.0.1 or [::1]");
    const path = req.url.split("?", 1)[0]!;
    const isApi = path.startsWith("/api/");
    const write = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
    if (write || (isApi && o.readNeedsToken)) {
      const given = bearer(req.headers.authorization);
      if (!tokenMatches(o.token, given)) {
        reply.header("www-authenticate", 'Bearer realm="sitrep"');
        throw new HttpError(401, "unauthorized", given === undefined ? "this needs the token: Authorization: Bearer <token>" : "the token is not right");
      }
    }
  });

  // Every answer carries the security headers, whatever path it took (an error, a 404, a 304); a route
  // that sets a policy of its own (the served briefing) keeps it.
  app.addHook("onSend", async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, _req, reply) => {
    if (err instanceof HttpError) return sendError(reply, err.status, err.code, err.message);
    if (err instanceof ReportError) return sendError(reply, 422, "bad_report", err.message);
    if (err instanceof LedgerUnavailable) return sendError(reply.header("retry-after", "30"), 503, "ledger_unavailable", err.message);
    if (err instanceof FetchRefused) return sendError(reply, 422, "fetch_refused", err.message);
    if (err instanceof FetchFailed) return sendError(reply, 502, "fetch_failed", err.message);
    if (err.validation) return sendError(reply, 400, "bad_request", err.message);
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") return sendError(reply, 413, "too_large", `the body is over the limit of ${bodyLimit} bytes`);
    if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return sendError(reply, 415, "unsupported_media_type", "send application/json, text/plain, text/markdown or text/html");
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, err.statusCode, String(err.code ?? "bad_request").toLowerCase(), err.message);
    process.stderr.write(`sitrep serve: internal error: ${err.stack ?? err.message}\n`);
    return sendError(reply, 500, "internal", "internal error");
  });

  app.setNotFoundHandler((req, reply) => sendError(reply, 404, "not_found", `no such resource: ${req.method} ${req.url.split("?", 1)[0]}`));

  // Responses to reads depend only on the URL and the ledger version: cache them until the next change,
  // compressed once per version and encoding (a large ledger's briefing is most of a megabyte of JSON, a
  // tenth of that compressed; compressing it per request would cost each reader the time again).
  const cache = new Map<string, { version: number; type: string; body: string; encoded: Partial<Record<Encoding, Promise<Buffer>>> }>();
  async function cached(req: FastifyRequest, reply: FastifyReply, make: () => Promise<{ type: string; body: string }>) {
    const v = ledger.version();
    const etag = `"v${v}"`;
    reply.header("etag", etag).header("cache-control", "no-cache");
    if (req.headers["if-none-match"] === etag) return reply.code(304).send();
    let hit = cache.get(req.url);
    if (!hit || hit.version !== v) {
      hit = { version: v, ...(await make()), encoded: {} };
      if (cache.size >= 512) cache.delete(cache.keys().next().value!);
      cache.set(req.url, hit);
    }
    reply.type(hit.type);
    if (hit.body.length < COMPRESS_FROM) return reply.send(hit.body);
    reply.header("vary", "accept-encoding");
    const enc = acceptedEncodings(req.headers["accept-encoding"])[0];
    if (!enc) return reply.send(hit.body);
    const body = (hit.encoded[enc] ??= compress(enc, hit.body));
    return reply.header("content-encoding", enc).send(await body);
  }
  const json = (x: unknown) => ({ type: "application/json; charset=utf-8", body: JSON.stringify(x) });


  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.get("/api/health", { schema: { summary: "Liveness and the ledger version", tags: ["meta"] } }, async () => ({
    ok: true,
    version: ledger.version(),
  }));

  app.get(
    "/api/session",
    { schema: { summary: "What this client may do: whether its token is right, whether reading needs one, whether URLs can be fetched", tags: ["meta"] } },
    async (req) => ({
      write: tokenMatches(o.token, bearer(req.headers.authorization)),
      readNeedsToken: o.readNeedsToken,
      allowFetch: o.allowFetch,
      version: ledger.version(),
    }),
  );

  app.get(
    "/api/reports",
    {
      schema: {
        summary: "List reports, newest first, optionally those whose text has all the words of q",
        tags: ["reports"],
        querystring: {
          type: "object",
          properties: { q: { type: "string", maxLength: 500 }, limit: { type: "integer", minimum: 1, maximum: 1000, default: 50 }, offset: { type: "integer", minimum: 0, default: 0 } },
        },
        response: { 400: errorSchema },
      },
    },
    async (req, reply) => {
      const q = req.query as { q?: string; limit: number; offset: number };
      return cached(req, reply, async () => json(await ledger.listReports(q)));
    },
  );

  app.post(
    "/api/reports",
    {
      bodyLimit,
      schema: {
        summary: "Add a report: JSON {text} or {html} (url then is its address) or {url} alone (fetched), or the raw body as text/plain or text/html",
        description:
          "Plain text may start with front matter (title, source, url, published, language). A URL is fetched only when the server was started with --allow-fetch, and never from private, loopback or link-local addresses. Re-sending the same report changes nothing (status unchanged).",
        tags: ["reports"],
        security: [{ token: [] }],
        body: {
          oneOf: [
            {
              type: "object",
              additionalProperties: false,
              properties: {
                text: { type: "string" },
                html: { type: "string" },
                url: { type: "string", maxLength: 2048 },
                title: { type: "string", maxLength: 1000 },
                source: { type: "string", maxLength: 500 },
                published: { type: "string", maxLength: 64 },
                language: langQuery,
                filename: { type: "string", maxLength: 500 },
              },
            },
            { type: "string" },
          ],
        },
        response: {
          201: { type: "object", properties: { status: { type: "string", enum: ["added", "updated"] }, report: { type: "string" }, title: { type: "string" }, claims: { type: "integer" } } },
          200: { type: "object", properties: { status: { type: "string", enum: ["unchanged"] }, report: { type: "string" }, title: { type: "string" }, claims: { type: "integer" } } },
          401: errorSchema,
          413: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const input = await newReport(req, o);
      const r = await ledger.addReport(input);
      return reply.code(r.status === "unchanged" ? 200 : 201).send(r);
    },
  );

  app.get(
    "/api/reports/:id",
    {
      schema: {
        summary: "One report: its text and every annotated span (claims with cue and source, mentions, times)",
        tags: ["reports"],
        params: { type: "object", properties: { id: { type: "string", maxLength: 100 } }, required: ["id"] },
        response: { 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      return cached(req, reply, async () => {
        const r = await ledger.getReport(id);
        if (!r) throw new HttpError(404, "not_found", `no report ${id}`);
        return json(r);
      });
    },
  );

  app.get(
    "/api/reports/:id/anchor",
    {
      schema: {
        summary: "Where a span cited in an earlier version of a report stands now: the same words found again (moved), or gone (stale)",
        tags: ["reports"],
        params: { type: "object", properties: { id: { type: "string", maxLength: 100 } }, required: ["id"] },
        querystring: {
          type: "object",
          properties: { v: { type: "integer", minimum: 1 }, start: { type: "integer", minimum: 0 }, end: { type: "integer", minimum: 0 } },
          required: ["v", "start", "end"],
        },
        response: { 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const { v, start, end } = req.query as { v: number; start: number; end: number };
      return cached(req, reply, async () => {
        const a = ledger.anchor ? await ledger.anchor(id, v, start, end) : undefined;
        if (!a) throw new HttpError(404, "not_found", `no report ${id}`);
        return json(a);
      });
    },
  );

  const claimFilterProps = {
    status: { type: "string", maxLength: 200, description: `comma-separated: ${CLAIM_STATUSES.join(", ")}` },
    source: { type: "string", maxLength: 300, description: "a source's name or entity id; 'report' for the report's own voice" },
    entity: { type: "string", maxLength: 100 },
    place: { type: "string", maxLength: 100 },
    about: { type: "string", maxLength: 100, description: "an entity id: claims naming it that it does not make itself" },
    report: { type: "string", maxLength: 100 },
    outlet: { type: "string", maxLength: 300, description: "the report's outlet" },
    language: { type: "string", maxLength: 16, description: "the report's language code" },
    since: { type: "string", format: "date-time" },
    until: { type: "string", format: "date-time" },
    q: { type: "string", maxLength: 500 },
    sort: { type: "string", enum: ["published", "-published", "status", "-status", "source", "-source", "outlet", "-outlet"], default: "published" },
  } as const;
  const claimQuery = (req: FastifyRequest): ClaimQuery => {
    const q = req.query as Record<string, string | number | undefined>;
    const status = typeof q.status === "string" && q.status ? q.status.split(",").map((s) => s.trim()) : undefined;
    for (const s of status ?? []) if (!(CLAIM_STATUSES as readonly string[]).includes(s)) throw new HttpError(400, "bad_request", `unknown status ${JSON.stringify(s)}: one of ${CLAIM_STATUSES.join(", ")}`);
    return {
      ...(status && { status: status as ClaimStatus[] }),
      ...(["source", "entity", "place", "about", "report", "outlet", "language", "since", "until", "q", "sort"] as const).reduce((a, k) => (typeof q[k] === "string" && q[k] ? { ...a, [k]: q[k] } : a), {}),
      ...(typeof q.limit === "number" && { limit: q.limit }),
      ...(typeof q.offset === "number" && { offset: q.offset }),
      ...(["after", "before"] as const).reduce((a, k) => {
        const c = q[k];
        if (typeof c !== "string" || !c) return a;
        if (decodeCursor(c, "") === undefined) throw new HttpError(400, "bad_request", `${k}: not a cursor of this API (use a page's next or prev)`);
        return { ...a, [k]: c };
      }, {}),
    };
  };

  app.get(
    "/api/claims",
    {
      schema: {
        summary: "Search claims by status, source, entity, place, report, outlet, language, publication time and text; sorted, a page at a time",
        tags: ["claims"],
        querystring: {
          type: "object",
          properties: {
            ...claimFilterProps,
            limit: { type: "integer", minimum: 1, maximum: 5000, default: 200 },
            // (an offset costs what it skips: bounded, so that no page reads more than 10,000 rows to find its own;
            // the cursors reach every page at the cost of one)
            offset: { type: "integer", minimum: 0, maximum: MAX_OFFSET, default: 0, description: `rows to skip, at most ${MAX_OFFSET}: deeper pages are reached by a page's next or prev cursor (as fast at any depth)` },
            after: { type: "string", maxLength: 1000, description: "the next cursor of a page: the page after it (offset ignored)" },
            before: { type: "string", maxLength: 1000, description: "the prev cursor of a page: the page before it (offset ignored)" },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              total: { type: "integer", description: "how many claims the filter selects (with at_least: at least that many)" },
              at_least: {
                type: "boolean",
                enum: [true],
                description:
                  "present (true) when total is a lower bound: a filter of words alone (q, with or without status) on a PostgreSQL ledger counts its claims up to 1,000 and no further, as counting them all would take longer than reading the page; the pages are the same, reached by their cursors",
              },
              items: { type: "array", items: claimRowSchema },
              next: { type: "string" },
              prev: { type: "string" },
            },
          },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const q = claimQuery(req);
      return cached(req, reply, async () => json(await ledger.searchClaims(q)));
    },
  );

  app.get(
    "/api/claims/facets",
    {
      schema: {
        summary:
          "How many of the selected claims have each status, source, outlet and language (each facet ignores its own filter). Views filtered only on these are counted exactly from counters; a view filtered on dates, an entity or words counts at most its first 2,000 claims, and then each value says `more`: at least n",
        tags: ["claims"],
        querystring: { type: "object", properties: claimFilterProps },
        response: errors,
      },
    },
    async (req, reply) => {
      const q = claimQuery(req);
      return cached(req, reply, async () => json(await ledger.claimFacets(q)));
    },
  );

  app.get(
    "/api/claims/export",
    {
      schema: {
        summary: "The selected claims, all of them in the chosen order, as CSV (the columns of the whole export) or JSON",
        tags: ["export"],
        querystring: { type: "object", properties: { ...claimFilterProps, format: { type: "string", enum: ["csv", "json"], default: "csv" } } },
        response: errors,
      },
    },
    async (req, reply) => {
      const q = claimQuery(req);
      const format = (req.query as { format: "csv" | "json" }).format;
      const disposition = `attachment; filename="sitrep-claims.${format}"`;
      await streamExport(reply, { "cache-control": "no-cache", "content-disposition": disposition }, (write) => ledger.exportClaims(q, format, write));
    },
  );

  app.post(
    "/api/corrections",
    {
      schema: {
        summary: "Correct the ledger (needs the token): retract a report, correct a claim's status or source, merge or split entities, or undo a correction",
        description: "Kept with who, when and why beside the extraction, which is never changed; reads show the corrected values with the extraction's under `extracted`.",
        tags: ["corrections"],
        security: [{ token: [] }],
        body: {
          type: "object",
          additionalProperties: false,
          required: ["who", "why", "action"],
          properties: {
            who: { type: "string", minLength: 1, maxLength: 200 },
            why: { type: "string", minLength: 1, maxLength: 2000 },
            target: { type: "string", maxLength: 100 },
            action: { type: "string", enum: ["retract", "status", "source", "merge", "split", "undo"] },
            data: { type: "object", additionalProperties: { type: "string", maxLength: 300 } },
            undoes: { type: "integer", minimum: 1 },
          },
        },
        response: { 201: { type: "object", additionalProperties: true }, 400: errorSchema, 401: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const b = req.body as NewCorrection;
      if (b.action !== "undo" && !b.target) throw new HttpError(400, "bad_request", "target: the id of the report, claim or entity");
      if (b.action === "undo" && b.undoes === undefined) throw new HttpError(400, "bad_request", "undoes: the id of the correction to undo");
      return reply.code(201).send(await ledger.correct({ ...b, target: b.target ?? "" }));
    },
  );

  app.get(
    "/api/corrections",
    {
      schema: {
        summary: "The audit trail: every correction (undone ones included), oldest first, or those about one target",
        tags: ["corrections"],
        querystring: { type: "object", properties: { target: { type: "string", maxLength: 100 } } },
      },
    },
    async (req, reply) => {
      const { target } = req.query as { target?: string };
      return cached(req, reply, async () => json(await ledger.corrections(target ? [target] : undefined)));
    },
  );

  app.get(
    "/api/entities",
    {
      schema: {
        summary: "Entities merged across reports (people, organisations, groups, places), most mentioned first",
        tags: ["entities"],
        querystring: { type: "object", properties: { type: { type: "string", enum: ["person", "organization", "group", "location", "facility", "other"] }, q: { type: "string", maxLength: 300 } } },
        response: { 400: errorSchema },
      },
    },
    async (req, reply) => cached(req, reply, async () => json(await ledger.entities(req.query as { type?: never; q?: string }))),
  );

  app.get(
    "/api/entities/:id",
    {
      schema: {
        summary: "One entity merged across reports, by its stable id",
        tags: ["entities"],
        params: { type: "object", properties: { id: { type: "string", maxLength: 100 } }, required: ["id"] },
        response: { 404: errorSchema },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      return cached(req, reply, async () => {
        const e = await ledger.entity(id);
        if (!e) throw new HttpError(404, "not_found", `no entity ${id}`);
        return json(e);
      });
    },
  );

  app.get(
    "/api/towns",
    {
      schema: {
        summary: "Populated places of the gazetteer (GeoNames, CC BY 4.0) inside a box, most inhabitants first: the map's labels",
        tags: ["entities"],
        querystring: {
          type: "object",
          properties: { bbox: { type: "string", pattern: "^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$", maxLength: 100 }, limit: { type: "integer", minimum: 1, maximum: 200 } },
          required: ["bbox"],
        },
        response: { 400: errorSchema },
      },
    },
    async (req) => {
      const q = req.query as { bbox: string; limit?: number };
      const [west, south, east, north] = q.bbox.split(",").map(Number) as [number, number, number, number];
      if (![west, south, east, north].every(Number.isFinite) || south > north) throw new HttpError(400, "bad_request", "bbox: west,south,east,north in degrees");
      const box = { west, south, east, north };
      return ledger.towns ? ledger.towns(box, q.limit ?? 40) : townsWithin(box, q.limit ?? 40);
    },
  );

  app.get(
    "/api/places",
    { schema: { summary: "Places with coordinates as a GeoJSON FeatureCollection of points", tags: ["entities"] } },
    async (req, reply) => cached(req, reply, async () => ({ type: "application/geo+json", body: JSON.stringify(await ledger.places()) })),
  );

  app.get(
    "/api/timeline",
    {
      schema: {
        summary: "Dated time expressions in order, each with its report span and claim (the earliest `limit`)",
        tags: ["claims"],
        querystring: { type: "object", properties: { limit: { type: "integer", minimum: 1, maximum: 50000, default: 5000 } } },
      },
    },
    async (req, reply) =>
    cached(req, reply, async () => json(await ledger.timeline({ limit: (req.query as { limit?: number }).limit ?? 5000 }))),
  );

  app.get("/api/contradictions", { schema: { summary: "Pairs of claims that cannot both hold, with the reason", tags: ["claims"] } }, async (req, reply) =>
    cached(req, reply, async () => json(await ledger.contradictions())),
  );

  app.get(
    "/api/brief",
    {
      schema: {
        summary: "The briefing: what is established, who claims what, what is denied, what is unclear, the figures",
        description: "format=json (default) is the structured briefing the page renders; md and html are documents.",
        tags: ["briefing"],
        querystring: {
          type: "object",
          properties: {
            lang: { ...langQuery, default: "en" },
            format: { type: "string", enum: ["json", "md", "html"], default: "json" },
            lines: { type: "integer", enum: [...BRIEF_LINES], default: 40, description: "format=json: at most this many lines per section; 4 is the short briefing a page paints first (each section says how many more there are)" },
            wait: { type: "boolean", default: true, description: "false: answer 202 {pending: true} at once while the briefing is still being built (the page shows what is ready meanwhile)" },
          },
        },
        response: {
          202: { description: "The briefing is being built (wait=false)", type: "object", properties: { pending: { type: "boolean" }, lang: { type: "string" }, version: { type: "integer" } } },
          400: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { lang, format, wait, lines } = req.query as { lang: Lang; format: "json" | "md" | "html"; wait: boolean; lines: BriefLines };
      if (!wait && format === "json" && ledger.briefingIfReady) {
        const ready = await ledger.briefingIfReady(lang, lines);
        if (!ready) return reply.code(202).header("cache-control", "no-store").send({ pending: true, lang, version: ledger.version() });
      }
      // The briefing as a document keeps its own policy: it allows its one inline style sheet, nothing else.
      if (format === "html") reply.header("content-security-policy", BRIEF_CSP);
      return cached(req, reply, async () => {
        if (format === "json") return json(await ledger.briefing(lang, lines));
        const r = await ledger.renderBrief(lang, format);
        return { type: r.contentType, body: r.body };
      });
    },
  );

  app.get(
    "/api/export",
    {
      schema: {
        summary: "The whole ledger: sitrep/1 JSON, claims as CSV, or places as GeoJSON",
        tags: ["export"],
        querystring: { type: "object", properties: { format: { type: "string", enum: ["json", "csv", "geojson"], default: "json" } } },
        response: { 400: errorSchema },
      },
    },
    async (req, reply) => {
      const { format } = req.query as { format: "json" | "csv" | "geojson" };
      reply.header("content-disposition", `attachment; filename="sitrep.${format === "csv" ? "csv" : format === "geojson" ? "geojson" : "json"}"`);
      // The export is written as it is read (a large ledger is never built whole in memory), so it is not
      // kept in the cache; a client that has this version gets 304.
      const etag = `"v${ledger.version()}"`;
      reply.header("etag", etag).header("cache-control", "no-cache");
      if (req.headers["if-none-match"] === etag) return (reply as FastifyReply).code(304).send();
      await streamExport(reply, { etag, "cache-control": "no-cache", "content-disposition": String(reply.getHeader("content-disposition")) }, (write) => ledger.export(format, write));
    },
  );

  app.get(
    "/api/events",
    { schema: { summary: "Server-sent events: a `ledger` event with the change after every change to the ledger", tags: ["meta"] } },
    (req, reply) => {
      if (streams.size >= (o.maxStreams ?? 1000)) return sendError(reply, 503, "busy", "too many open event streams");
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no" });
      res.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify({ version: ledger.version() })}\n\n`);
      streams.add(res);
      const off = ledger.subscribe((c: LedgerChange) => {
        res.write(`id: ${c.version}\nevent: ledger\ndata: ${JSON.stringify(c)}\n\n`);
      });
      const ping = setInterval(() => res.write(": ping\n\n"), 20_000);
      const done = () => {
        clearInterval(ping);
        off();
        streams.delete(res);
      };
      req.raw.on("close", done);
      res.on("close", done);
    },
  );

  app.addHook("onClose", async () => {
    for (const s of streams) s.end();
  });
  // What the ledger computes ahead (the briefing, the counts) starts once the page can be answered.
  app.addHook("onListen", async () => {
    ledger.listening?.();
  });

  // The page: the built single-page application (index.html and hashed assets).
  const page = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split("?", 1)[0]!;
    const f = web.files.get(path === "/" ? "/index.html" : path);
    if (!f) {
      if (path === "/") return reply.code(503).type("text/plain; charset=utf-8").send(`the page is not built: run \`npm run build\` (looked in ${web.dir})\n`);
      return sendError(reply, 404, "not_found", `no such file: ${path}`);
    }
    // Hashed names change with their content: the browser keeps them for good and never asks again.
    reply.header("cache-control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    if (Object.keys(f.encoded).length) {
      reply.header("vary", "accept-encoding");
      const enc = acceptedEncodings(req.headers["accept-encoding"]).find((e) => f.encoded[e]);
      if (enc) return reply.header("content-encoding", enc).type(f.type).send(f.encoded[enc]);
    }
    return reply.type(f.type).send(f.body);
  };
  app.get("/", { schema: { hide: true } }, page);
  app.get("/assets/*", { schema: { hide: true } }, page);
  app.get("/favicon.svg", { schema: { hide: true } }, page);
  app.get("/prefetch.js", { schema: { hide: true } }, page);

  return app;
}

async function newReport(req: FastifyRequest, o: ServerOptions): Promise<NewReport> {
  const ct = String(req.headers["content-type"] ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (typeof req.body === "string") return { body: req.body, format: ct === "text/html" ? "html" : "text", origin: "upload" };
  const b = (req.body ?? {}) as { text?: string; html?: string; url?: string; title?: string; source?: string; published?: string; language?: Lang; filename?: string };
  // With text or html, url is the report's address (metadata); alone, it is the page to fetch.
  if (b.text !== undefined && b.html !== undefined) throw new HttpError(400, "bad_request", "send text or html, not both");
  if (b.text === undefined && b.html === undefined && b.url === undefined) throw new HttpError(400, "bad_request", "send one of text, html or url");
  if (b.published !== undefined && Number.isNaN(Date.parse(b.published))) throw new HttpError(400, "bad_request", "published must be an ISO 8601 time");
  const meta = {
    ...(b.title && { title: b.title }),
    ...(b.source && { source: b.source }),
    ...(b.published && { published: b.published }),
    ...(b.language && { language: b.language }),
  };
  if (b.text === undefined && b.html === undefined && b.url !== undefined) {
    if (!o.allowFetch) throw new HttpError(403, "fetch_disabled", "fetching URLs is off: start the server with --allow-fetch, or send the text");
    const f = await fetchReport(b.url, o.fetchOptions);
    const format = f.contentType === "text/html" || f.contentType === "application/xhtml+xml" ? "html" : f.contentType.startsWith("text/") ? "text" : undefined;
    if (!format) throw new HttpError(415, "unsupported_media_type", `the URL gave ${f.contentType || "no content type"}, not HTML or text`);
    return { body: f.body, format, url: f.url, origin: f.url, ...meta };
  }
  const isHtml = b.html !== undefined || (b.filename !== undefined && /\.x?html?$/i.test(b.filename));
  return { body: (b.html ?? b.text)!, format: isHtml ? "html" : "text", origin: b.filename ? `upload:${b.filename}` : "upload", ...(b.url && { url: b.url }), ...meta };
}

/**
 * Streams an export straight to the socket (a ledger of any size in little memory). Headers go out with the
 * first bytes, so a failure before them is a 500 in the API's form; after them the connection is cut, which
 * a client sees as a broken download rather than a complete-looking file.
 */
async function streamExport(reply: FastifyReply, headers: Record<string, string>, run: (write: (s: Streamed) => Promise<void>) => Promise<void>): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  try {
    await run(async (s) => {
      res.writeHead(200, { ...SECURITY_HEADERS, "content-type": s.contentType, ...headers });
      await pipeTo(s.chunks, res);
      res.end();
    });
  } catch (e) {
    process.stderr.write(`sitrep serve: the export failed: ${(e as Error)?.message ?? String(e)}\n`);
    if (!res.headersSent) {
      res.writeHead(500, { ...SECURITY_HEADERS, "content-type": "application/json" });
      res.end(JSON.stringify({ error: { status: 500, code: "internal", message: "the export failed" } }));
    } else res.destroy();
  }
}
