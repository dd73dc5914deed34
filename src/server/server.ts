/**
 * The viewer's server: the built viewer (viz/dist) as static files and a small JSON API. The graph stays
 * here (a file in memory, or Neo4j); the browser asks for what it shows.
 *   GET  /api/info          what is served: its size, its reports, whether it is small enough to send whole
 *   GET  /api/graph         the whole graph (graph contract), only when it is small
 *   GET  /api/search        ?q=&limit= names and aliases in either script
 *   GET  /api/neighbourhood ?key=&depth=&limit= and a filter: an entity and what is within depth steps
 *   GET  /api/path          ?from=&to= and a filter: the shortest chain of facts between two entities
 *   GET  /api/overview      a filter: agencies grouped by jurisdiction, sized by their facts; reports by year
 *   GET  /api/time          ?key= an entity over the years: its timeline, what became of it where planned, its figures' series
 *   POST /api/cypher        {query, params} → the graph of a read-only query (only with a Neo4j source)
 *   POST /api/corrections   {merge: [a, b]} | {reject: a} | {rename: a, to} | {retype: a, to} (an entry of the
 *                           corrections file) → written to the corrections file, applied (only when served with one)
 * A filter is type=, relation=, doc=, jurisdiction= (each repeatable) and yearFrom=, yearTo= (years reviewed).
 * Binds 127.0.0.1 unless told otherwise, and answers only requests that name its own address (or a host
 * allowed with --allow-host) and do not come from another page. Documents are served as JSON and drawn as
 * text by the viewer.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { CorrectionsError, Neo4jError, Report2GraphError, UsageError } from '../errors.js';
import { readCorrections } from '../resolve/corrections.js';
import { withDefaults } from '../options.js';
import { PACKAGE_ROOT } from '../paths.js';
import { VIEW_LIMITS, ViewError, validateFilter, type ViewFilter } from '../graph/view.js';
import type { NodeType, RelationType } from '../graph/model.js';
import type { GraphSource } from './source.js';

/** The corrections the viewer's panel makes. */
const VIEWER_CORRECTIONS = ['merge', 'reject', 'rename', 'retype'] as const;

export const VIEWER_DIST = join(PACKAGE_ROOT, 'viz', 'dist');

/** The server's options: interface → defaults → resolve → validate, as the viewer's are. */
export interface ServeOptions {
  host: string;
  port: number;
  dist: string;
  /** A graph of at most this many nodes is sent whole, and the viewer draws all of it at once. */
  wholeGraphLimit: number;
  /**
   * Host names (with or without a port) requests may name besides the address the server listens on and
   * localhost: a page elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) is refused.
   */
  allowedHosts: string[];
  /** The largest request body (a Cypher query and its parameters), in bytes: a larger one gets 413. */
  maxBodyBytes: number;
  /** Cypher queries running at once: one more gets 429 (Neo4j's threads and memory are not the viewer's to spend). */
  maxQueries: number;
  /** API requests being answered at once: one more gets 503, never a crashed server. */
  maxRequests: number;
}

export const DEFAULT_WHOLE_GRAPH_LIMIT = 5000;

export const SERVE_DEFAULTS: ServeOptions = {
  host: '127.0.0.1',
  port: 0,
  dist: VIEWER_DIST,
  wholeGraphLimit: DEFAULT_WHOLE_GRAPH_LIMIT,
  allowedHosts: [],
  maxBodyBytes: 64 * 1024,
  maxQueries: 2,
  maxRequests: 64,
};

/** The options a caller gave over the defaults, checked: a bad one fails before the server starts, naming its option. */
export function resolveServeOptions(partial: Partial<ServeOptions> = {}): ServeOptions {
  const options = withDefaults(SERVE_DEFAULTS, partial);
  validateServeOptions(options);
  return options;
}

const FLAGS: Record<string, string> = { port: '--port', wholeGraphLimit: '--whole-below', maxBodyBytes: '--max-body', maxQueries: '--max-queries', maxRequests: '--max-requests' };

export function validateServeOptions(o: ServeOptions): void {
  const whole = (name: keyof ServeOptions, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const v = o[name];
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max)) {
      throw new UsageError(`serve: ${name} (${FLAGS[name]}) must be a whole number from ${min} to ${max.toLocaleString('en-US')}, not ${JSON.stringify(v)}.`);
    }
  };
  whole('port', 0, 65535);
  whole('wholeGraphLimit', 1);
  whole('maxBodyBytes', 1);
  whole('maxQueries', 1);
  whole('maxRequests', 1);
  if (typeof o.host !== 'string' || o.host === '') throw new UsageError('serve: host (--host) must be an address to bind, such as 127.0.0.1.');
  if (!Array.isArray(o.allowedHosts) || o.allowedHosts.some((h) => typeof h !== 'string' || h === '')) throw new UsageError('serve: allowedHosts (--allow-host) must be host names.');
}

/**
 * Who may ask: a request must name an allowed host, and a browser's request from another page (its
 * Origin or Sec-Fetch-Site says so) is refused — any page a user visits could otherwise read the graph or
 * run the Cypher box. Returns why a request is refused, or null.
 */
export function refusal(headers: IncomingMessage['headers'], hosts: Set<string>): string | null {
  const host = (headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return `Host ${JSON.stringify(headers.host ?? '')} is not this viewer's address; start it with --allow-host ${host.replace(/:\d+$/, '') || '<name>'} to allow that name.`;
  const origin = headers.origin;
  if (origin !== undefined && origin !== 'null' && origin.toLowerCase() !== `http://${host}`) return `requests from ${origin} are refused: only the viewer's own page may ask.`;
  if (headers['sec-fetch-site'] === 'cross-site') return "requests from another site are refused: only the viewer's own page may ask.";
  return null;
}

/** The filter of a view request, from its query string (repeatable type=, relation=, doc=, jurisdiction=; yearFrom=, yearTo=). */
export function filterFromQuery(params: URLSearchParams): ViewFilter {
  const year = (name: string) => {
    const v = params.get(name);
    if (v === null || v === '') return undefined;
    if (!/^\d{4}$/.test(v)) throw new ViewError(`view filter: ${name} must be a year, not ${JSON.stringify(v)}`);
    return Number(v);
  };
  const list = (name: string) => params.getAll(name).filter(Boolean);
  return validateFilter({
    ...(list('type').length ? { types: list('type') as NodeType[] } : {}),
    ...(list('relation').length ? { relations: list('relation') as RelationType[] } : {}),
    ...(list('doc').length ? { docs: list('doc') } : {}),
    ...(list('jurisdiction').length ? { jurisdictions: list('jurisdiction') } : {}),
    ...(year('yearFrom') !== undefined ? { yearFrom: year('yearFrom') } : {}),
    ...(year('yearTo') !== undefined ? { yearTo: year('yearTo') } : {}),
  });
}

/** A whole number in [1, max] from the query string, or the default. */
function count(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const v = params.get(name);
  if (v === null || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ViewError(`${name} must be a whole number from 1 to ${max}, not ${JSON.stringify(v)}`);
  return n;
}

function required(params: URLSearchParams, name: string): string {
  const v = params.get(name);
  if (!v) throw new ViewError(`the request needs ?${name}=`);
  return v;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const SECURITY = {
  'content-security-policy': "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY });
  res.end(JSON.stringify(body));
}

/** A request body over the limit: answered 413 (by its Content-Length before reading it, else as it arrives). */
class BodyTooLarge extends UsageError {
  constructor(limit: number) {
    super(`The request body is larger than the ${limit.toLocaleString('en-US')} bytes this viewer reads (serve --max-body).`);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    if (bytes > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startServer(source: GraphSource, partial: Partial<ServeOptions> = {}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const options = resolveServeOptions(partial);
  const { dist, wholeGraphLimit } = options;
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Report2GraphError(`serve: the viewer is not built (${dist}/index.html is missing); run \`npm run build:viz\` first.`);
  }
  let hosts = new Set<string>();
  let requests = 0;
  let queries = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refused = refusal(req.headers, hosts);
    if (refused) return json(res, 403, { error: refused });
    const api = url.pathname.startsWith('/api/');
    if (api && requests >= options.maxRequests) {
      res.setHeader('retry-after', '1');
      return json(res, 503, { error: `The viewer's server is answering ${requests} requests already (serve --max-requests ${options.maxRequests}); try again in a moment.` });
    }
    if (api) requests++;
    try {
      const q = url.searchParams;
      if (url.pathname === '/api/info' && req.method === 'GET') {
        const info = await source.info();
        return json(res, 200, { source: source.kind, label: source.label, cypher: Boolean(source.cypher), corrections: Boolean(source.corrections), ...info, whole: info.nodes <= wholeGraphLimit, wholeGraphLimit });
      }
      if (url.pathname === '/api/graph' && req.method === 'GET') {
        const { nodes } = await source.info();
        if (nodes > wholeGraphLimit) {
          return json(res, 413, { error: `The graph has ${nodes} nodes, more than the ${wholeGraphLimit} sent whole (serve --whole-below); the viewer opens it on its overview and loads what is asked for.` });
        }
        return json(res, 200, await source.graph());
      }
      if (url.pathname === '/api/search' && req.method === 'GET') return json(res, 200, await source.search(q.get('q') ?? '', count(q, 'limit', 10, 100)));
      if (url.pathname === '/api/neighbourhood' && req.method === 'GET') {
        return json(res, 200, await source.neighbourhood(required(q, 'key'), count(q, 'depth', 1, VIEW_LIMITS.depth), filterFromQuery(q), count(q, 'limit', VIEW_LIMITS.nodes, VIEW_LIMITS.nodes)));
      }
      if (url.pathname === '/api/path' && req.method === 'GET') {
        const path = await source.path(required(q, 'from'), required(q, 'to'), filterFromQuery(q));
        return path ? json(res, 200, path) : json(res, 404, { error: `No chain of at most ${VIEW_LIMITS.pathHops} facts joins these two entities under the filters.` });
      }
      if (url.pathname === '/api/overview' && req.method === 'GET') return json(res, 200, await source.overview(filterFromQuery(q)));
      if (url.pathname === '/api/time' && req.method === 'GET') return json(res, 200, await source.time(required(q, 'key')));
      if (url.pathname === '/api/corrections' && req.method === 'POST') {
        if (!source.corrections) return json(res, 404, { error: 'This viewer is read-only: start it with `report2graph serve <graph> --corrections <file>` to correct the graph.' });
        // Only the viewer's own page may write: a browser's POST always says where it comes from.
        if (req.headers.origin === undefined) return json(res, 403, { error: "corrections are taken only from the viewer's own page." });
        const body = await readBody(req, options.maxBodyBytes);
        let entry: unknown;
        try {
          entry = JSON.parse(body);
        } catch {
          return json(res, 400, { error: 'The request body must be JSON: one correction, e.g. {"merge": ["Agency:…", "Agency:…"]}.' });
        }
        const op = typeof entry === 'object' && entry !== null ? VIEWER_CORRECTIONS.find((k) => k in entry) : undefined;
        if (!op) return json(res, 400, { error: `The viewer makes one of ${VIEWER_CORRECTIONS.join(', ')}.` });
        const [correction] = readCorrections({ corrections: [entry] }, 'the request');
        return json(res, 200, await source.corrections.add(correction!));
      }
      if (url.pathname === '/api/cypher' && req.method === 'POST') {
        if (!source.cypher) return json(res, 404, { error: 'This viewer serves a graph file; start it with `report2graph serve --neo4j` to query Neo4j.' });
        const body = await readBody(req, options.maxBodyBytes);
        let payload: { query?: unknown; params?: unknown };
        try {
          payload = JSON.parse(body);
        } catch {
          return json(res, 400, { error: 'The request body must be JSON: {"query": "...", "params": {}}.' });
        }
        if (typeof payload.query !== 'string' || payload.query.trim() === '') return json(res, 400, { error: 'Type a Cypher query first.' });
        const params = typeof payload.params === 'object' && payload.params !== null ? (payload.params as Record<string, unknown>) : {};
        if (queries >= options.maxQueries) {
          res.setHeader('retry-after', '1');
          return json(res, 429, { error: `Neo4j is running ${queries} queries from this viewer already (serve --max-queries ${options.maxQueries}); try again when one has finished.` });
        }
        queries++;
        try {
          return json(res, 200, await source.cypher(payload.query, params));
        } finally {
          queries--;
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
      const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      let file = resolve(dist, `.${path}`);
      if (!file.startsWith(resolve(dist))) return json(res, 403, { error: 'forbidden' });
      if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...SECURITY });
      createReadStream(file).pipe(res);
    } catch (error) {
      if (error instanceof BodyTooLarge) res.setHeader('connection', 'close');
      const status = error instanceof BodyTooLarge ? 413 : error instanceof UsageError || error instanceof ViewError || error instanceof CorrectionsError ? 400 : error instanceof Neo4jError ? 503 : 500;
      json(res, status, { error: error instanceof Error ? error.message : String(error) });
    } finally {
      if (api) requests--;
    }
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Report2GraphError(`serve: cannot listen on ${options.host}:${options.port} (${error.code}); choose another --port.`, { cause: error })),
    );
    server.listen(options.port, options.host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const names = [host, 'localhost', '127.0.0.1', '[::1]', ...options.allowedHosts].map((h) => h.toLowerCase());
  hosts = new Set(names.flatMap((h) => (/:\d+$/.test(h) && !h.endsWith(']') ? [h] : [`${h}:${address.port}`, ...(address.port === 80 ? [h] : [])])));
  return {
    server,
    url: `http://${host}:${address.port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
