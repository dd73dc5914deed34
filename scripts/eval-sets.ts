/**
 * Scores on every gold set, for the README and for reading before and after a rule change:
 * the independent shared report (clean and damaged), the dev set (pooled), the test set (pooled, never
 * tuned on: scores only, no error listing) and the seed.
 *
 *   npm run eval:sets [-- --errors dev|shared]
 */
import { mkdtempSync, readdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateFiles, formatEvalReport } from '../src/eval/run.js';
import { extractFiles } from '../src/pipeline.js';

const errorsFor = process.argv.includes('--errors') ? process.argv[process.argv.indexOf('--errors') + 1] : undefined;
const SHARED = process.env.SHARED_GOLD ?? join(import.meta.dirname, '..', '..', 'shared', 'gold');
const goldIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort().map((f) => join(dir, f));
const textOf = (gold: string) => gold.replace(/\.gold\.json$/, '.txt');

async function run(name: string, texts: string[], golds: string[], doc?: string, errors = false) {
  const graph = (await extractFiles(texts, { cacheDir: null, workers: 1 })).graph;
  const report = await evaluateFiles(graph, golds, { doc });
  process.stdout.write(`\n## ${name}\n${formatEvalReport(report, errors)}`);
}

if (existsSync(SHARED)) {
  // The damaged copy is annotated by the clean copy's gold: extract it under the clean name's directory.
  const dir = mkdtempSync(join(tmpdir(), 'r2g-eval-'));
  copyFileSync(join(SHARED, 'guangming-2021-damaged.txt'), join(dir, 'guangming-2021-damaged.txt'));
  const gold = join(SHARED, 'guangming-2021.gold.json');
  await run('shared: guangming-2021 (clean)', [join(SHARED, 'guangming-2021.txt')], [gold], undefined, errorsFor === 'shared');
  await run('shared: guangming-2021 (damaged)', [join(dir, 'guangming-2021-damaged.txt')], [gold], 'guangming-2021-damaged');
} else process.stdout.write(`(no shared gold at ${SHARED}; set SHARED_GOLD)\n`);
const dev = goldIn('data/gold/dev');
await run(`dev (${dev.length} reports)`, dev.map(textOf), dev, undefined, errorsFor === 'dev');
const test = goldIn('data/gold/test');
await run(`test (${test.length} reports, never tuned on)`, test.map(textOf), test);
