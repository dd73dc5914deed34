/**
 * What stops a corpus run and what does not: a report that cannot be read is listed while the others go
 * on; a broken lexicon (or a bug) stops the run once, its class and stack kept across worker threads.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { JobResult } from '../../src/corpus/job.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deserializeError, InputTooLargeError, LexiconError, QueryTimeoutError, serializeError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { copyPackage, editLexicon } from '../helpers/package.js';

describe('errors across a worker thread', () => {
  it('come back as their own class, with their message, stack and fields', () => {
    for (const error of [new LexiconError('data/extract/program.json: headNouns: not a list', 'data/extract/program.json'), new InputTooLargeError('too large', 'big.txt'), new QueryTimeoutError(2), new TypeError("Cannot read properties of undefined (reading 'start')")]) {
      const back = deserializeError(structuredClone(serializeError(error)));
      expect(back).toBeInstanceOf(error.constructor);
      expect([back.name, back.message, back.stack]).toEqual([error.name, error.message, error.stack]);
      if ('file' in error) expect((back as LexiconError).file).toBe(error.file);
    }
    expect(deserializeError(serializeError('a string thrown')).message).toBe('a string thrown');
  });
});

/** A copy of the package whose program lexicon breaks its schema (the rules live in data/, read at run time). */
function brokenPackage(): { root: string; reports: string } {
  const root = copyPackage('r2g-broken-');
  editLexicon(root, 'program', (lexicon) => {
    lexicon.headNouns = 'not a list';
  });
  const reports = join(root, 'reports');
  mkdirSync(reports);
  for (const f of ['2014年南山区政府工作报告_2014.txt', '2015年南山区政府工作报告_2015.txt', '2014年坪山新区管委会工作报告_2014.txt', '2015年坪山新区管委会工作报告_2015.txt']) {
    copyFileSync(join(ROOT, 'data/corpus/shenzhen', f), join(reports, f));
  }
  return { root, reports };
}

describe('a broken lexicon in a corpus run', () => {
  const { root, reports } = brokenPackage();

  it('in a worker thread, comes back to the main thread as a LexiconError with the stack it was thrown with there', async () => {
    const worker = new Worker(join(root, 'src/corpus/worker-entry.mjs'));
    try {
      const { result } = await new Promise<{ result: JobResult }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 1, path: join(reports, '2014年南山区政府工作报告_2014.txt') });
      });
      expect(result.ok === false && result.input === false).toBe(true);
      const error = deserializeError((result as Extract<JobResult, { input: false }>).error);
      expect(error).toBeInstanceOf(LexiconError);
      expect((error as LexiconError).file).toBe('data/extract/program.json');
      // The stack names the copy's files: it is the worker's, not one made here.
      expect(error.stack).toContain(join(root, 'src/extract/lexicon.ts'));
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  it('stops the run once, as a bug, naming the report and the lexicon, and lists no report as failed; --verbose prints its stack', () => {
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [join(root, 'bin/report2graph.js'), 'extract', reports, '--workers', '2', '--no-cache', '--out', join(root, 'out.json'), ...extra], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const r = run();
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('LexiconError'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^report2graph: extract: stopped at .*\.txt by LexiconError: data\/extract\/program\.json: .*headNouns.* a bug in report2graph or in its rules under data\/, not in the report; nothing was written/);
    expect(r.stdout).not.toContain('failed:');
    expect(existsSync(join(root, 'out.json'))).toBe(false);
    const verbose = run('--verbose');
    expect(verbose.status).toBe(1);
    expect(verbose.stderr).toMatch(/caused by: LexiconError: data\/extract\/program\.json[\s\S]*at .*src\/extract\/lexicon\.ts/);
  }, 180_000);
});
