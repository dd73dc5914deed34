import { appendFileSync, copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/corpus/run.js';
import { serializeGraph } from '../../src/graph/serialize.js';
import { expandInputs } from '../../src/pipeline.js';
import { mergeGraphs } from '../../src/resolve/resolve.js';
import { EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { runCli } from '../helpers/cli.js';

const CORPUS = 'data/corpus/shenzhen';
const sample = async (n: number) => (await expandInputs([CORPUS])).filter((f) => /南山|罗湖/.test(f)).slice(0, n);

function copyTo(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'r2g-corpus-'));
  for (const f of files) copyFileSync(f, join(dir, f.split('/').pop()!));
  return dir;
}

describe('corpus mode', () => {
  it('a parallel corpus run equals the merge of single-document runs', async () => {
    const files = await sample(6);
    const corpus = await runCorpus(files, { workers: 2, cacheDir: null });
    const singles = [];
    for (const f of files) singles.push((await runCorpus([f], { workers: 1, cacheDir: null })).graph);
    expect(serializeGraph(corpus.graph)).toBe(serializeGraph(mergeGraphs(singles, EXTRACTOR_VERSION)));
    // One entity across the years: 深圳市南山区人民政府 (named 南山区人民政府 or 区政府) with mentions in several reports.
    const gov = corpus.graph.nodes.find((n) => n.key === 'Agency:深圳市南山区人民政府')!;
    expect(new Set(gov.attributes.mentions.map((m) => m.doc)).size).toBeGreaterThan(1);
  }, 120_000);

  it('re-running with one changed and one new report reprocesses only those and equals a full run', async () => {
    const files = await sample(6);
    const dir = copyTo(files.slice(0, 5));
    const cacheDir = join(dir, '.cache');
    const first = await runCorpus(await expandInputs([dir]), { workers: 2, cacheDir });
    expect([first.extracted, first.reused]).toEqual([5, 0]);
    const changed = (await expandInputs([dir]))[0]!;
    appendFileSync(changed, '\n开展“智慧南山”专项行动，建成智慧南山平台。');
    copyFileSync(files[5]!, join(dir, files[5]!.split('/').pop()!));
    const again = await runCorpus(await expandInputs([dir]), { workers: 2, cacheDir });
    expect([again.extracted, again.reused]).toEqual([2, 4]);
    const full = await runCorpus(await expandInputs([dir]), { workers: 1, cacheDir: null });
    expect(serializeGraph(again.graph)).toBe(serializeGraph(full.graph));
    expect(again.graph.nodes.some((n) => n.attributes.name === '“智慧南山”专项行动')).toBe(true);
  }, 120_000);

  it('lists a corrupt report and an English one with their reasons while the others complete', () => {
    const dir = copyTo([]);
    const good = join(dir, 'good.txt');
    copyFileSync('data/reports/dongguan-2023.txt', good);
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(dir, 'english.txt'), 'This annual report describes the work of the city government in 2023. '.repeat(20));
    const r = runCli(['extract', dir, '--out', join(dir, 'out.json'), '--no-cache']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/extracted 1 document/);
    expect(r.stdout).toMatch(/failed: .*image\.txt: .*is a PNG image/);
    expect(r.stdout).toMatch(/failed: .*english\.txt: .*is not Chinese text/);
    expect(r.stderr).toMatch(/2 of 3 report\(s\) could not be read/);
    const stopped = runCli(['extract', dir, '--out', join(dir, 'out2.json'), '--no-cache', '--fail-fast']);
    expect(stopped.code).toBe(1);
  });

  it('shows progress as plain lines when not on a terminal', async () => {
    const dir = copyTo(await sample(3));
    const r = runCli(['extract', dir, '--out', join(dir, 'out.json'), '--workers', '2']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\[3\/3\] .*\.txt \(\d+\.\d reports\/s\)$/);
    expect(r.stderr).not.toMatch(/\u001b\[/);
  }, 60_000);
});
