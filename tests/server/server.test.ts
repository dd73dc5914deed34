/** The viewer's API on a graph file held in memory, over real HTTP on 127.0.0.1. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterFromQuery, refusal, resolveServeOptions, SERVE_DEFAULTS, startServer } from '../../src/server/server.js';
import { UsageError } from '../../src/errors.js';
import { fileSource } from '../../src/server/source.js';
import { ViewError } from '../../src/graph/view.js';
import { viewFixture } from '../helpers/views.js';

const graph = viewFixture();
let whole: Awaited<ReturnType<typeof startServer>>;
let large: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  whole = await startServer(fileSource('fixture', graph));
  // The same graph above a whole-graph limit of 3 nodes: served as a graph that stays on the server.
  large = await startServer(fileSource('fixture', graph), { wholeGraphLimit: 3 });
});
afterAll(async () => {
  await whole?.close();
  await large?.close();
});

const get = async (base: string, path: string) => {
  const res = await fetch(new URL(path, base));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & unknown[] };
};
const key = (k: string) => encodeURIComponent(k);

describe('the viewer API', () => {
  it('says whether the graph is sent whole, and refuses the whole of a large one with what to do instead', async () => {
    expect((await get(whole.url, '/api/info')).body).toMatchObject({ source: 'file', nodes: graph.nodes.length, whole: true });
    expect((await get(whole.url, '/api/graph')).body.nodes).toHaveLength(graph.nodes.length);
    expect((await get(large.url, '/api/info')).body).toMatchObject({ whole: false, wholeGraphLimit: 3 });
    const refused = await get(large.url, '/api/graph');
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatch(/more than the 3 sent whole.*overview/);
  });

  it('searches names in either script and answers a neighbourhood, a path and an overview', async () => {
    const found = await get(large.url, `/api/search?q=${key('福田區人民政府')}`);
    expect(found.body[0]).toMatchObject({ key: 'Agency:深圳市福田区人民政府', type: 'Agency' });
    const near = await get(large.url, `/api/neighbourhood?key=${key('Program:一窗通')}&yearFrom=2020`);
    expect((near.body.graph as { nodes: Array<{ key: string }> }).nodes.map((n) => n.key)).toEqual(['Agency:深圳市福田区人民政府', 'Program:一窗通']);
    const path = await get(large.url, `/api/path?from=${key('Agency:深圳市南山区人民政府')}&to=${key('Agency:深圳市福田区人民政府')}`);
    expect((path.body.graph as { edges: unknown[] }).edges).toHaveLength(2);
    const overview = await get(large.url, '/api/overview?jurisdiction=' + key('深圳市福田区'));
    expect((overview.body.groups as Array<{ id: string }>).map((g) => g.id)).toEqual(['深圳市福田区']);
  });

  it('answers a bad request with 400 or 404 and a message that says what was expected', async () => {
    expect(await get(large.url, '/api/neighbourhood?key=nope')).toMatchObject({ status: 400, body: { error: expect.stringContaining('no entity with the key') } });
    expect(await get(large.url, `/api/neighbourhood?key=${key('Program:一窗通')}&depth=9`)).toMatchObject({ status: 400, body: { error: expect.stringContaining('depth must be a whole number from 1 to 3') } });
    expect(await get(large.url, '/api/overview?yearFrom=20x0')).toMatchObject({ status: 400, body: { error: expect.stringContaining('yearFrom must be a year') } });
    const none = await get(large.url, `/api/path?from=${key('Agency:深圳市南山区人民政府')}&to=${key('Agency:深圳市福田区人民政府')}&yearTo=2015`);
    expect(none).toMatchObject({ status: 404, body: { error: expect.stringContaining('No chain') } });
    expect(await get(large.url, '/api/path?from=x')).toMatchObject({ status: 400, body: { error: 'the request needs ?to=' } });
  });

  it('reads a filter from repeatable parameters, and refuses an unknown type by class', () => {
    expect(filterFromQuery(new URLSearchParams('type=Agency&type=Program&doc=a&doc=b&yearFrom=2019&yearTo=2021'))).toEqual({ types: ['Agency', 'Program'], docs: ['a', 'b'], yearFrom: 2019, yearTo: 2021 });
    expect(() => filterFromQuery(new URLSearchParams('relation=OWNS'))).toThrow(ViewError);
  });
});

describe('the server options', () => {
  it('are the defaults where none is given, and a bad one fails before the server starts, naming its option', async () => {
    expect(resolveServeOptions({ maxQueries: 5, port: undefined })).toEqual({ ...SERVE_DEFAULTS, maxQueries: 5 });
    expect(SERVE_DEFAULTS).toMatchObject({ host: '127.0.0.1', maxBodyBytes: 65_536, maxQueries: 2, maxRequests: 64 });
    for (const [bad, message] of [
      [{ maxQueries: 0 }, /maxQueries \(--max-queries\) must be a whole number from 1/],
      [{ maxBodyBytes: 1.5 }, /maxBodyBytes \(--max-body\)/],
      [{ port: 70000 }, /port \(--port\) must be a whole number from 0 to 65,535, not 70000/],
      [{ host: '' }, /host \(--host\)/],
    ] as const) {
      await expect(startServer(fileSource('fixture', graph), bad), JSON.stringify(bad)).rejects.toThrow(UsageError);
      expect(() => resolveServeOptions(bad)).toThrow(message);
    }
  });
});

describe('who may ask', () => {
  /** A raw request with the headers a hostile page (or a rebound DNS name) would send. */
  const raw = (base: string, path: string, method: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const u = new URL(path, base);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('refuses a request that names another host (DNS rebinding) with 403, and sends no data', async () => {
    const port = new URL(large.url).port;
    const refused = await raw(large.url, '/api/overview', 'GET', { host: `evil.example:${port}` });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('is not this viewer');
    expect(refused.body).not.toContain('深圳市');
    expect((await raw(large.url, '/api/overview', 'GET', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a query or a post from another page’s origin, and answers its own', async () => {
    const port = new URL(large.url).port;
    const own = `127.0.0.1:${port}`;
    const body = JSON.stringify({ query: 'MATCH (n) RETURN n' });
    const posted = await raw(large.url, '/api/cypher', 'POST', { host: own, origin: 'http://evil.example', 'content-type': 'application/json' }, body);
    expect(posted.status).toBe(403);
    expect((await raw(large.url, '/api/search?q=x', 'GET', { host: own, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await raw(large.url, '/api/search?q=x', 'GET', { host: own, origin: `http://${own}` })).status).toBe(200);
  });

  it('allows a name the user allowed, with or without its port', async () => {
    const allowed = await startServer(fileSource('fixture', graph), { allowedHosts: ['viewer.lan'] });
    try {
      const port = new URL(allowed.url).port;
      expect((await raw(allowed.url, '/api/info', 'GET', { host: `viewer.lan:${port}` })).status).toBe(200);
      expect((await raw(allowed.url, '/api/info', 'GET', { host: `other.lan:${port}` })).status).toBe(403);
    } finally {
      await allowed.close();
    }
    expect(refusal({ host: 'viewer.lan:8520' }, new Set(['viewer.lan:8520']))).toBeNull();
    expect(refusal({ host: 'other:8520' }, new Set(['viewer.lan:8520']))).toMatch(/--allow-host other/);
  });
});
