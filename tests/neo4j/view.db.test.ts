/**
 * The viewer's questions answered by the real Neo4j give what the same graph held in memory gives:
 * search, neighbourhoods under filters, a path, the overview, the size — read back from the database.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDriver } from '../../src/neo4j/connection.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { fileSource, neo4jSource, type GraphSource } from '../../src/server/source.js';
import { ViewError, type ViewFilter } from '../../src/graph/view.js';
import { testSettings, wipe } from '../helpers/neo4j.js';
import { viewFixture } from '../helpers/views.js';

const settings = testSettings();
const graph = viewFixture();
let driver: Driver;
let db: GraphSource;
const memory = fileSource('fixture', graph);
const keys = (v: { graph: { nodes: Array<{ key: string }>; edges: Array<{ key: string }> } } | null) => v && { nodes: v.graph.nodes.map((n) => n.key).sort(), edges: v.graph.edges.map((e) => e.key).sort() };

beforeAll(async () => {
  driver = await openDriver(settings);
  await wipe(driver, settings);
  await loadGraph(driver, settings, graph);
  db = neo4jSource(driver, settings, { maxRows: 100, timeoutMs: 5000 });
});
afterAll(async () => driver?.close());

describe('the viewer on Neo4j', () => {
  it('counts the graph from the count store and lists its reports', async () => {
    expect(await db.info()).toEqual(await memory.info());
  });

  it('finds a name typed in the other script, exact names first', async () => {
    expect((await db.search('福田區人民政府', 5))[0]).toEqual((await memory.search('福田區人民政府', 5))[0]);
    expect(await db.search('  ', 5)).toEqual([]);
  });

  it('answers neighbourhoods as the graph in memory does, under filters and depths', async () => {
    for (const [key, depth, filter] of [
      ['Program:一窗通', 1, {}],
      ['Program:一窗通', 1, { yearFrom: 2020 }],
      ['Agency:深圳市福田区人民政府', 2, {}],
      ['Agency:深圳市南山区人民政府', 1, { types: ['Program'] }],
    ] as Array<[string, number, ViewFilter]>) {
      expect(keys(await db.neighbourhood(key, depth, filter, 100))).toEqual(keys(await memory.neighbourhood(key, depth, filter, 100)));
    }
    const node = (await db.neighbourhood('Program:一窗通', 1, {}, 100)).graph.nodes.find((n) => n.key === 'Program:一窗通')!;
    expect(node.attributes.mentions.length).toBeGreaterThan(1);
    await expect(db.neighbourhood('Agency:nowhere', 1, {}, 100)).rejects.toThrow(ViewError);
  });

  it('says a neighbourhood was cut at its limit', async () => {
    const cut = await db.neighbourhood('Agency:深圳市南山区人民政府', 1, {}, 2);
    expect(cut.truncated).toBe(true);
    expect(cut.graph.nodes.length).toBeLessThanOrEqual(2);
  });

  it('draws the shortest path, or none under a filter that leaves none', async () => {
    expect(keys(await db.path('Agency:深圳市南山区人民政府', 'Agency:深圳市福田区人民政府', {}))).toEqual(keys(await memory.path('Agency:深圳市南山区人民政府', 'Agency:深圳市福田区人民政府', {})));
    expect(await db.path('Agency:深圳市南山区人民政府', 'Agency:深圳市福田区人民政府', { yearTo: 2015 })).toBeNull();
  });

  it('gives the same overview', async () => {
    expect(await db.overview({})).toEqual(await memory.overview({}));
    expect(await db.overview({ yearFrom: 2020 })).toEqual(await memory.overview({ yearFrom: 2020 }));
  });
});
