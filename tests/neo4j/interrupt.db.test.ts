/** Ctrl-C during `load`: the batch under way commits, the load stops and says how to go on; going on gives the whole graph. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { writeGraphFile } from '../../src/graph/io.js';
import { countGraph } from '../../src/graph/summary.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { readDocument } from '../../src/text/document.js';
import { runCli } from '../helpers/cli.js';
import { interruptCli } from '../helpers/interrupt.js';
import { countByLabel, countByType, dump, testSettings, wipe } from '../helpers/neo4j.js';
import { SEED_PATH } from '../helpers/seed.js';

const settings = testSettings();
let driver: Driver;
beforeAll(async () => {
  driver = await openDriver(settings);
  await wipe(driver, settings);
});
afterAll(async () => driver?.close());

describe('Ctrl-C during load', () => {
  it('commits the batch under way, stops with exit code 130 naming the batch to go on from, and --from-batch completes the graph', async () => {
    const graph = buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION);
    const file = join(mkdtempSync(join(tmpdir(), 'r2g-load-interrupt-')), 'seed.json');
    await writeGraphFile(file, graph);
    const env = { NEO4J_URI: settings.uri };
    const stopped = await interruptCli(['load', file, '--batch-size', '5'], /^\[\d+\/\d+\] loading/m, env);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('load: stopping once the batch under way is committed… (Ctrl-C again to quit at once)');
    const m = /load: interrupted after batch (\d+) of (\d+), every one up to it committed\. Go on from there with the same command and --from-batch (\d+) \(and --batch-size 5\), or run it again without: loading is idempotent\./.exec(stopped.stderr);
    expect(m, stopped.stderr).not.toBeNull();
    const [done, total, next] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(next).toBe(done + 1);
    expect(done).toBeLessThan(total);
    const resumed = runCli(['load', file, '--batch-size', '5', '--from-batch', String(next)], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    const expected = countGraph(graph);
    const labels = await countByLabel(driver, settings);
    const types = await countByType(driver, settings);
    for (const [label, n] of Object.entries(expected.nodes)) expect(labels[label] ?? 0, label).toBe(n);
    for (const [type, n] of Object.entries(expected.relations)) expect(types[type] ?? 0, type).toBe(n);
    // Loading the whole graph again changes nothing: the two halves made the graph a single load makes.
    const before = await dump(driver, settings);
    expect(runCli(['load', file], { env }).code).toBe(0);
    expect(await dump(driver, settings)).toEqual(before);
    const bad = runCli(['load', file, '--batch-size', '5', '--from-batch', String(total + 1)], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`load: --from-batch must be from 1 to ${total} (this graph loads in ${total} batches of up to 5 rows), not ${total + 1}.`);
  }, 180_000);
});
