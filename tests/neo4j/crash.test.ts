/**
 * Neo4j dies in the middle of a load: the command fails with a message a user can act on, and after a
 * restart the same command completes with no duplicates and nothing missing. This test runs its own
 * Neo4j (started from Maven Central artifacts) so it can kill it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGraphFile } from '../../src/graph/io.js';
import { countGraph } from '../../src/graph/summary.js';
import { syntheticGraph } from '../../src/graph/synthetic.js';
import { openDriver, settingsFromEnv } from '../../src/neo4j/connection.js';
import { freePort, startNeo4j, type RunningNeo4j } from '../../src/neo4j/launcher.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { countByLabel, countByType } from '../helpers/neo4j.js';

const home = mkdtempSync(join(tmpdir(), 'r2g-crash-'));
let server: RunningNeo4j | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('a Neo4j that dies mid-load', () => {
  it('fails clearly, and the same command completes after a restart with nothing lost or doubled', async () => {
    const port = await freePort();
    server = await startNeo4j({ home: join(home, 'db'), port, heap: '1g' });
    const graph = syntheticGraph({ nodes: 20_000, edges: 40_000, seed: 7 });
    const file = join(home, 'graph.json');
    await writeGraphFile(file, graph);
    const env = { ...process.env, NEO4J_URI: server.uri };

    const child = spawn(process.execPath, ['bin/report2graph.js', 'load', file, '--batch-size', '200', '--retry-seconds', '3'], { cwd: ROOT, env });
    let stderr = '';
    let killed = false;
    const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!killed && /\[\d+\/\d+\] loading/.test(stderr)) {
        killed = true;
        void server!.stop('SIGKILL');
      }
    });
    const code = await exit;
    expect(killed).toBe(true);
    expect(code).toBe(1);
    expect(stderr).toMatch(/load: stopped after \d+ of \d+ batches: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+ .*start Neo4j again and re-run the same command/);

    server = await startNeo4j({ home: join(home, 'db'), port, heap: '1g' });
    const again = runCli(['load', file, '--batch-size', '200'], { env: { NEO4J_URI: server.uri }, timeout: 300_000 });
    expect(again.code).toBe(0);

    const settings = settingsFromEnv({ NEO4J_URI: server.uri });
    const driver = await openDriver(settings);
    try {
      const expected = countGraph(graph);
      const labels = await countByLabel(driver, settings);
      const types = await countByType(driver, settings);
      for (const [label, n] of Object.entries(expected.nodes)) expect(labels[label], label).toBe(n);
      for (const [type, n] of Object.entries(expected.relations)) expect(types[type], type).toBe(n);
      const evidence = await driver.executeQuery('MATCH ()-[r:ISSUED|IMPLEMENTED|MEASURED]->() WHERE size(r.evidence) <> 1 RETURN count(r) AS n');
      expect(evidence.records[0]!.get('n')).toBe(0);
    } finally {
      await driver.close();
    }
  }, 600_000);
});
