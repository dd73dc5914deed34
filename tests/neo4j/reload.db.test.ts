/** A re-load sends only the rows that changed since they were last loaded (each row's content hash is kept with it). */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { readDocument } from '../../src/text/document.js';
import { dump, testSettings, wipe } from '../helpers/neo4j.js';
import { SEED_PATH } from '../helpers/seed.js';

const settings = testSettings();
let driver: Driver;
let seed: SerializedGraph;
beforeAll(async () => {
  driver = await openDriver(settings);
  await wipe(driver, settings);
  seed = buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION);
  // Batches of 20: a first load of many batches, three at a time.
  await loadGraph(driver, settings, seed, { batchSize: 20 });
});
afterAll(async () => driver?.close());

describe('the first load and re-loads', () => {
  it('into an empty database, created three batches at a time, gives the database that merging one batch at a time gives', async () => {
    const created = await dump(driver, settings);
    await wipe(driver, settings);
    await loadGraph(driver, settings, seed, { batchSize: 1000, firstLoadSessions: 1 });
    expect(await dump(driver, settings)).toEqual(created);
    expect((created as { nodes: unknown[] }).nodes).toHaveLength(seed.nodes.length + seed.attributes.documents.length);
  });

  it('on a re-load sends only the rows that changed, and applies them', async () => {
    const node = seed.nodes.find((n) => n.attributes.type === 'Program')!;
    const changed = { ...seed, nodes: seed.nodes.map((n) => (n === node ? { ...n, attributes: { ...n.attributes, aliases: [...n.attributes.aliases, '一個新的別名'] } } : n)) };
    const report = await loadGraph(driver, settings, changed, { batchSize: 1000 });
    expect(report.unchanged).toBe(seed.nodes.length + seed.edges.length - 1);
    const session = driver.session({ database: settings.database });
    try {
      const r = await session.run('MATCH (n:Program {key: $key}) RETURN n.aliases AS aliases', { key: node.key });
      expect(r.records[0]!.get('aliases')).toContain('一個新的別名');
    } finally {
      await session.close();
    }
    // Back to the graph as it was: its row differs from the one applied last, so it is sent (and changes nothing).
    expect((await loadGraph(driver, settings, seed, { batchSize: 1000 })).unchanged).toBe(seed.nodes.length + seed.edges.length - 1);
  });
});
