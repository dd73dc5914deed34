/** The viewer's Cypher box against the real Neo4j: it draws what a read query returns and refuses writes. */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { neo4jSource } from '../../src/server/source.js';
import { readDocument } from '../../src/text/document.js';
import { openViewer, screenshot } from '../helpers/browser.js';
import { dump, testSettings, wipe } from '../helpers/neo4j.js';
import { SEED_PATH } from '../helpers/seed.js';

const settings = testSettings();
let driver: Driver;
let browser: Awaited<ReturnType<typeof openViewer>>;

beforeAll(async () => {
  driver = await openDriver(settings);
  await wipe(driver, settings);
  await loadGraph(driver, settings, buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION));
  browser = await openViewer(neo4jSource(driver, settings, { maxRows: 1000, timeoutMs: 10_000 }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await driver?.close();
});

async function run(query: string): Promise<string> {
  const page = browser.page;
  await page.fill('#cypher', query);
  await page.click('#run-cypher');
  await page.waitForTimeout(300);
  await page.waitForFunction(() => document.querySelector('#cypher-message')!.textContent !== '' || !document.querySelector('#status')!.textContent!.startsWith('laying'));
  await page.evaluate(() => window.__r2g.ready());
  return (await page.textContent('#cypher-message')) ?? '';
}

describe('the read-only Cypher box', () => {
  it('draws the graph a read query returns', async () => {
    expect(await browser.page.isVisible('#cypher-box')).toBe(true);
    const message = await run("MATCH (p:Program {name: '“莞薪無憂”專項行動'})-[r]-(x) RETURN p, r, x");
    expect(message).toBe('');
    expect(await browser.page.evaluate(() => window.__r2g.graphNodeCount())).toBe(4);
    expect(await browser.page.evaluate(() => window.__r2g.renderedNodeCount())).toBe(4);
    await screenshot(browser.page, 'viewer-cypher');
  });

  it.each([
    ['CREATE', "CREATE (n:Agency {key: 'x', name: 'x'}) RETURN n"],
    ['MERGE', "MERGE (n:Agency {key: 'x'}) RETURN n"],
    ['DELETE', 'MATCH (n:Metric) DETACH DELETE n'],
    ['SET', "MATCH (n:Agency) SET n.name = 'x' RETURN n"],
    ['CALL dbms', "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')"],
  ])('refuses %s with a clear message and changes nothing', async (_clause, query) => {
    const before = await dump(driver, settings);
    const message = await run(query);
    expect(message).toMatch(/can change the database|only reads/);
    expect(await dump(driver, settings)).toEqual(before);
    expect(browser.errors.filter((e) => !e.includes('400'))).toEqual([]);
  });
});
