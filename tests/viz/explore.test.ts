/**
 * The viewer on the whole corpus (144 reports) served from its graph file, in headless Chromium: the
 * graph stays on the server (tests/helpers/explore.ts has the scenario). How fast it opens and how many
 * bytes it takes is measured by `npm run bench:viewer`.
 */
import { beforeAll, describe, it } from 'vitest';
import { runCorpus } from '../../src/corpus/run.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { expandInputs } from '../../src/pipeline.js';
import { fileSource } from '../../src/server/source.js';
import { exploreScenario } from '../helpers/explore.js';

let graph: SerializedGraph;

beforeAll(async () => {
  graph = (await runCorpus(await expandInputs(['data/corpus/shenzhen']), { cacheDir: null })).graph;
}, 600_000);

describe('the viewer on the corpus served from its file', () => {
  it('opens on the overview, finds, expands, filters by year, draws a path, reopens from its URL and exports a PNG', async () => {
    await exploreScenario(fileSource('shenzhen', graph), graph, 'explore-file');
  }, 300_000);
});
