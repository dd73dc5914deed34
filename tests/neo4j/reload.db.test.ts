/** A re-load sends only the rows that changed since they were last loaded (each row's content hash is kept with it). */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { readDocument } from '../../src/text/document.js';
import { testSettings, wipe } from '../helpers/neo4j.js';
import { SEED_PATH } from '../helpers/seed.js';

const settings = testSettings();
let driver: Driver;
let seed: SerializedGraph;
beforeAll(async () => {
  driver = await openDriver(settings);
  await wipe(driver, settings);
  seed = buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION);
  await loadGraph(driver, settings, seed, { batchSize: 1000 });
});
afterAll(async () => driver?.close());

describe('re-loading', () => {
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
