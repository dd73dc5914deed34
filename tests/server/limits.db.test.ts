/**
 * The viewer's server under the loads real users bring, in front of the real Neo4j of the test run: a
 * body over the limit, more Cypher queries than it runs at once, more requests than it answers at once,
 * a flood — clear refusals, never a crashed server.
 */
import { request } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDriver } from '../../src/neo4j/connection.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { startServer } from '../../src/server/server.js';
import { neo4jSource } from '../../src/server/source.js';
import { testSettings, wipe } from '../helpers/neo4j.js';
import { viewFixture } from '../helpers/views.js';

const settings = testSettings();
let driver: Driver;
/** About a second and a half of Neo4j's time, reading nothing. */
const SLOW = 'UNWIND range(1, 20000000) AS i WITH i WHERE i % 7 = 123 RETURN count(*) AS n';

beforeAll(async () => {
  driver = await openDriver(settings);
  await wipe(driver, settings);
  await loadGraph(driver, settings, viewFixture());
});
afterAll(async () => driver?.close());

const serve = (options: Parameters<typeof startServer>[1]) => startServer(neo4jSource(driver, settings, { maxRows: 100, timeoutMs: 30_000 }), options);
const cypher = (base: string, query: string) =>
  fetch(new URL('/api/cypher', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string } }));

describe('bounded work', () => {
  it('runs at most --max-queries Cypher queries at once; one more gets 429 and what to do', async () => {
    const server = await serve({ maxQueries: 2 });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => cypher(server.url, SLOW)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 429, 429, 429, 429]);
      expect(answers.find((a) => a.status === 429)!.body.error).toMatch(/running 2 queries from this viewer already \(serve --max-queries 2\); try again when one has finished/);
      // Once they are done, the next one runs.
      expect((await cypher(server.url, 'MATCH (n:Agency) RETURN n LIMIT 1')).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('answers at most --max-requests requests at once; one more gets 503 with Retry-After', async () => {
    const server = await serve({ maxRequests: 2, maxQueries: 10 });
    try {
      const busy = [cypher(server.url, SLOW), cypher(server.url, SLOW)];
      await new Promise((r) => setTimeout(r, 300));
      const refused = await fetch(new URL('/api/info', server.url));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(((await refused.json()) as { error: string }).error).toMatch(/answering 2 requests already \(serve --max-requests 2\)/);
      expect((await Promise.all(busy)).map((a) => a.status)).toEqual([200, 200]);
      expect((await fetch(new URL('/api/info', server.url))).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('refuses a body over --max-body with 413, by its length or as it arrives, and goes on answering', async () => {
    const server = await serve({ maxBodyBytes: 1000 });
    try {
      const big = await cypher(server.url, `MATCH (n) WHERE n.name = '${'x'.repeat(5000)}' RETURN n`);
      expect(big.status).toBe(413);
      expect(big.body.error).toBe('The request body is larger than the 1,000 bytes this viewer reads (serve --max-body).');
      // No Content-Length: chunks until the limit is passed.
      const { port } = new URL(server.url);
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/cypher', method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        for (let i = 0; i < 20; i++) req.write('{"query": "' + 'y'.repeat(200));
        req.end('"}');
      });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body).error).toContain('(serve --max-body)');
      expect((await cypher(server.url, 'MATCH (n:Agency) RETURN n LIMIT 1')).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('a flood of requests gets answers or clear refusals, and the server stays up', async () => {
    const server = await serve({ maxRequests: 8 });
    try {
      const statuses: number[] = [];
      const paths = ['/api/search?q=%E7%A6%8F%E7%94%B0', '/api/info', '/api/overview', '/api/neighbourhood?key=Agency%3A%E6%B7%B1%E5%9C%B3%E5%B8%82%E7%A6%8F%E7%94%B0%E5%8C%BA%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C'];
      // 400 requests, 50 at a time.
      for (let round = 0; round < 8; round++) {
        const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(new URL(paths[i % paths.length]!, server.url)).then(async (r) => (await r.arrayBuffer(), r.status))));
        statuses.push(...answers);
      }
      expect(statuses).toHaveLength(400);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect((await fetch(new URL('/api/info', server.url))).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 120_000);
});
