/**
 * The viewer on the whole corpus loaded into the real Neo4j: the server queries Neo4j for what the
 * browser asks and never reads the database whole (tests/helpers/explore.ts has the scenario).
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runCorpus } from '../../src/corpus/run.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { expandInputs } from '../../src/pipeline.js';
import { neo4jSource } from '../../src/server/source.js';
import { exploreScenario } from '../helpers/explore.js';
import { testSettings, wipe } from '../helpers/neo4j.js';

const settings = testSettings();
let driver: Driver;
let graph: SerializedGraph;

beforeAll(async () => {
  graph = (await runCorpus(await expandInputs(['data/corpus/shenzhen']), { cacheDir: null })).graph;
  driver = await openDriver(settings);
  await wipe(driver, settings);
  await loadGraph(driver, settings, graph);
}, 600_000);

afterAll(async () => {
  await driver?.close();
});

describe('the viewer on the corpus in Neo4j', () => {
  it('opens on the overview, finds, expands, filters by year, draws a path, reopens from its URL and exports a PNG', async () => {
    await exploreScenario(neo4jSource(driver, settings, { maxRows: 1000, timeoutMs: 10_000 }), graph, 'explore-neo4j');
  }, 300_000);
});
