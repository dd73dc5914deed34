/** A re-load sends only the rows that changed since they were last loaded (each row's content hash is kept with it). */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { countGraph } from '../../src/graph/summary.js';
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

  it('into an empty database without its full-text index, creates the index after the data, and leaves the planner statistics of every key index fresh', async () => {
    await wipe(driver, settings);
    await driver.executeQuery('DROP INDEX entity_names IF EXISTS', {}, { database: settings.database });
    await loadGraph(driver, settings, seed, { batchSize: 20 });
    const indexes = await driver.executeQuery("SHOW INDEXES YIELD name, state WHERE name = 'entity_names' RETURN state", {}, { database: settings.database });
    expect(indexes.records.map((r) => r.get('state'))).toEqual(['ONLINE']);
    const found = await driver.executeQuery("CALL db.index.fulltext.queryNodes('entity_names', '放管服') YIELD node RETURN count(node) AS n", {}, { database: settings.database });
    expect(Number(found.records[0]!.get('n'))).toBeGreaterThan(0);
    // What the planner knows of each key index: its size as it is now, nothing updated since it was sampled.
    // (Sampled while the database was empty, a re-load right after a first load scanned an index per row.)
    const stats = await driver.executeQuery("CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data.indexes AS indexes", {}, { database: settings.database });
    const byLabel = new Map<string, { totalSize: number; updatesSinceEstimation: number }>();
    for (const index of stats.records[0]!.get('indexes') as Array<{ labels?: string[]; properties: string[]; totalSize: unknown; updatesSinceEstimation: unknown }>) {
      if (index.labels?.length === 1 && index.properties.length === 1) byLabel.set(index.labels[0]!, { totalSize: Number(index.totalSize), updatesSinceEstimation: Number(index.updatesSinceEstimation) });
    }
    const expected = Object.entries(countGraph(seed).nodes);
    expect(expected.length).toBeGreaterThan(2);
    for (const [label, n] of expected) expect(byLabel.get(label), label).toEqual({ totalSize: n, updatesSinceEstimation: 0 });
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
