/**
 * What the benchmarks share: the viewer opened on a graph that stays on the server, measured in headless
 * Chromium; a Neo4j of their own (or NEO4J_URI's), emptied.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDriver, settingsFromEnv, type Neo4jSettings } from '../src/neo4j/connection.js';
import { freePort, startNeo4j } from '../src/neo4j/launcher.js';
import { startServer } from '../src/server/server.js';
import type { GraphSource } from '../src/server/source.js';
import { openBrowser } from '../tests/helpers/browser.js';

export const nextFrames = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');

/**
 * A graph that stays on the server: open (the overview drawn), then search `name` and open the first
 * match (its neighbourhood loaded, its panel shown); bytes are every response body the browser received.
 */
export async function measureExplore(label: string, source: GraphSource, name: string, expected: string, size: { nodes: number; relationships: number }) {
  const server = await startServer(source);
  const browser = await openBrowser();
  let bytes = 0;
  browser.page.on('requestfinished', (request) => {
    void request.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize)).catch(() => {});
  });
  try {
    const { page } = browser;
    const t0 = Date.now();
    await page.goto(server.url);
    await page.evaluate('window.__r2g.ready()');
    await nextFrames(page);
    const openSeconds = (Date.now() - t0) / 1000;
    await page.waitForTimeout(300);
    const openBytes = bytes;
    const overviewNodes = (await page.evaluate('window.__r2g.graphNodeCount()')) as number;
    const t1 = Date.now();
    await page.fill('#search', name);
    await page.waitForSelector('#suggestions li');
    const searchSeconds = (Date.now() - t1) / 1000;
    const t2 = Date.now();
    await page.press('#search', 'Enter');
    await page.locator('#panel h2').filter({ hasText: expected }).waitFor({ timeout: 120_000 });
    await nextFrames(page);
    const expandSeconds = (Date.now() - t2) / 1000;
    await page.waitForTimeout(300);
    // The server's answers alone, as the browser asks them (the second time: warm).
    const api = async (path: string) => {
      const t = performance.now();
      const res = await fetch(new URL(path, server.url));
      const body = await res.text();
      return { seconds: (performance.now() - t) / 1000, bytes: body.length, body };
    };
    const key = (JSON.parse((await api(`/api/search?q=${encodeURIComponent(name)}`)).body) as Array<{ key: string }>)[0]!.key;
    const apiSearch = await api(`/api/search?q=${encodeURIComponent(name)}`);
    const apiExpand = await api(`/api/neighbourhood?key=${encodeURIComponent(key)}`);
    return {
      graph: label,
      mode: `kept on the server (${source.kind})`,
      ...size,
      openSeconds,
      openBytes,
      overviewNodes,
      searchSeconds,
      expandSeconds,
      apiSearchSeconds: apiSearch.seconds,
      apiExpandSeconds: apiExpand.seconds,
      apiExpandBytes: apiExpand.bytes,
      bytesAfterExpand: bytes,
      loadedAfterExpand: (await page.evaluate('window.__r2g.graphNodeCount()')) as number,
      errors: browser.errors,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function withNeo4j<T>(run: (settings: Neo4jSettings) => Promise<T>): Promise<T> {
  if (process.env.NEO4J_URI) return run(settingsFromEnv());
  const home = mkdtempSync(join(tmpdir(), 'r2g-bench-'));
  console.log('starting Neo4j from Maven Central artifacts…');
  const server = await startNeo4j({ home, port: await freePort(), heap: '4g', pagecache: '4g' });
  try {
    return await run(settingsFromEnv({ NEO4J_URI: server.uri }));
  } finally {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

export async function wipe(settings: Neo4jSettings) {
  const driver = await openDriver(settings);
  const session = driver.session({ database: settings.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

