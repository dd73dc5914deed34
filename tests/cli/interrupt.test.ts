/** Ctrl-C during `extract`: it stops after the reports under way, says what was done, and a re-run goes on from the cache. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/pipeline.js';
import { runCli } from '../helpers/cli.js';
import { interruptCli } from '../helpers/interrupt.js';

describe('Ctrl-C during extract', () => {
  it('stops cleanly with exit code 130, writes no graph, keeps what was done in the cache, and the same command goes on from there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r2g-interrupt-'));
    const reports = join(dir, 'reports');
    const files = (await expandInputs(['data/corpus/shenzhen'])).slice(0, 30);
    mkdirSync(reports);
    for (const f of files) copyFileSync(f, join(reports, f.split('/').pop()!));
    const out = join(dir, 'graph.json');
    const args = ['extract', reports, '--out', out, '--workers', '2'];
    const stopped = await interruptCli(args, /^\[\d+\/30\]/m);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('report2graph: extract: stopping after the reports under way… (Ctrl-C again to quit at once)');
    const m = /extract: interrupted after (\d+) of 30 report\(s\); the \1 done are in the cache \((.+)\): run the same command again to go on from there\. No graph was written\./.exec(stopped.stderr);
    expect(m, stopped.stderr).not.toBeNull();
    const done = Number(m![1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(30);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(m![2]!).filter((f) => f.endsWith('.json'))).toHaveLength(done);
    const again = runCli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`extracted 30 document(s) (${30 - done} processed, ${done} unchanged from the cache)`);
  }, 180_000);
});
