/**
 * The viewer's server: the built viewer (viz/dist) as static files and a small JSON API.
 *   GET  /api/info    what is being served
 *   GET  /api/graph   the graph (graph contract)
 *   POST /api/cypher  {query, params} → the graph of a read-only query (only with a Neo4j source)
 * Binds 127.0.0.1 unless told otherwise. Documents are served as JSON and drawn as text by the viewer.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { Report2GraphError, UsageError } from '../errors.js';
import type { SerializedGraph } from '../graph/model.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Driver } from 'neo4j-driver';
import type { Neo4jSettings } from '../neo4j/connection.js';
import { queryGraph, readWholeGraph, type ReadLimits } from '../neo4j/reader.js';

export const VIEWER_DIST = join(PACKAGE_ROOT, 'viz', 'dist');

export interface GraphSource {
  kind: 'file' | 'neo4j';
  label: string;
  graph(): Promise<SerializedGraph>;
  /** Present for a Neo4j source: a read-only query's graph. */
  cypher?: (query: string, params: Record<string, unknown>) => Promise<SerializedGraph>;
}

/** A graph file as the viewer's source. */
export function fileSource(label: string, graph: SerializedGraph): GraphSource {
  return { kind: 'file', label, graph: async () => graph };
}

/** Neo4j as the viewer's source: the whole graph, and a read-only Cypher box within limits. */
export function neo4jSource(driver: Driver, settings: Neo4jSettings, limits: ReadLimits): GraphSource {
  return {
    kind: 'neo4j',
    label: settings.uri,
    graph: () => readWholeGraph(driver, settings),
    cypher: (query, params) => queryGraph(driver, settings, query, params, limits),
  };
}

export interface ServeOptions {
  host?: string;
  port?: number;
  dist?: string;
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

async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > limit) throw new UsageError('request body too large');
  }
  return body;
}

export async function startServer(source: GraphSource, options: ServeOptions = {}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const dist = options.dist ?? VIEWER_DIST;
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Report2GraphError(`serve: the viewer is not built (${dist}/index.html is missing); run \`npm run build:viz\` first.`);
  }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/api/info' && req.method === 'GET') return json(res, 200, { source: source.kind, label: source.label, cypher: Boolean(source.cypher) });
      if (url.pathname === '/api/graph' && req.method === 'GET') return json(res, 200, await source.graph());
      if (url.pathname === '/api/cypher' && req.method === 'POST') {
        if (!source.cypher) return json(res, 404, { error: 'This viewer serves a graph file; start it with `report2graph serve --neo4j` to query Neo4j.' });
        let payload: { query?: unknown; params?: unknown };
        try {
          payload = JSON.parse(await readBody(req));
        } catch {
          return json(res, 400, { error: 'The request body must be JSON: {"query": "...", "params": {}}.' });
        }
        if (typeof payload.query !== 'string' || payload.query.trim() === '') return json(res, 400, { error: 'Type a Cypher query first.' });
        const params = typeof payload.params === 'object' && payload.params !== null ? (payload.params as Record<string, unknown>) : {};
        return json(res, 200, await source.cypher(payload.query, params));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
      const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      let file = resolve(dist, `.${path}`);
      if (!file.startsWith(resolve(dist))) return json(res, 403, { error: 'forbidden' });
      if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...SECURITY });
      createReadStream(file).pipe(res);
    } catch (error) {
      const status = error instanceof UsageError ? 400 : 500;
      json(res, status, { error: error instanceof Error ? error.message : String(error) });
    }
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Report2GraphError(`serve: cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0} (${error.code}); choose another --port.`, { cause: error })),
    );
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
