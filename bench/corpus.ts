/**
 * npm run bench — benchmarks, not tests. On data/corpus/shenzhen (144 reports):
 * 1. throughput end to end and per stage, with peak memory; nodejieba alone cutting the same text
 *    (target: extraction end to end ≤ 3× segmentation alone);
 * 2. scaling: the corpus repeated 1×, 2×, 4× (target: linear within 15%, under 2 GB at 4×);
 * 3. parallelism: 2 workers against 1 (target: ≥ 1.6×).
 * Prints the figures and writes bench/corpus.json.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { expandInputs } from '../src/pipeline.js';

const CORPUS = 'data/corpus/shenzhen';
const work = mkdtempSync(join(tmpdir(), 'r2g-bench-corpus-'));

interface Run {
  documents: number;
  chars: number;
  seconds: number;
  stages: Record<string, number>;
  peakMemoryMiB: number;
  nodes: number;
  relationships: number;
}

function run(folder: string, workers: number): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/corpus-run.ts', folder, String(workers), join(work, 'graph.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

function repeated(times: number, files: string[]): string {
  const dir = join(work, `x${times}`);
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < times; k++) for (const f of files) copyFileSync(f, join(dir, `${k}-${basename(f)}`));
  return dir;
}

const files = await expandInputs([CORPUS]);
const mb = files.reduce((n, f) => n + readFileSync(f).length, 0) / 2 ** 20;

// 1. Throughput, one worker, and nodejieba alone on the same text.
const single = run(CORPUS, 1);
const jieba = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/jieba-run.ts', CORPUS], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as { load: number; cut: number; seconds: number };
const jiebaSeconds = jieba.seconds;
const f = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`corpus: ${files.length} reports, ${mb.toFixed(1)} MB, ${f(single.chars)} characters → ${f(single.nodes)} nodes, ${f(single.relationships)} relationships`);
console.log(`end to end, 1 worker: ${single.seconds.toFixed(2)} s = ${f(single.chars / single.seconds)} chars/s; peak memory ${single.peakMemoryMiB} MiB`);
for (const [stage, s] of Object.entries(single.stages)) console.log(`  ${stage.padEnd(9)} ${s.toFixed(2)} s  ${f(single.chars / Math.max(s, 1e-9))} chars/s`);
const ratio = single.seconds / jiebaSeconds;
console.log(`nodejieba alone, in its own process: ${jiebaSeconds.toFixed(2)} s (loading its dictionaries ${jieba.load.toFixed(2)} s, cutting ${jieba.cut.toFixed(2)} s = ${f(single.chars / jieba.cut)} chars/s)`);
console.log(`→ extraction end to end costs ${ratio.toFixed(2)}× segmentation alone (target ≤ 3×; both include loading the dictionaries once)`);

// 2. Scaling with 2 workers.
const scaling = [1, 2, 4].map((times) => ({ times, ...run(times === 1 ? CORPUS : repeated(times, files), 2) }));
for (const s of scaling) console.log(`scaling ${s.times}×: ${s.seconds.toFixed(2)} s (${(s.seconds / scaling[0]!.seconds / s.times).toFixed(2)} of ${s.times} × the 1× time), peak ${s.peakMemoryMiB} MiB`);
// Time is affine in the input: a fixed start-up (workers loading dictionaries) plus a cost per report.
// Linear within 15%: the cost of each added copy of the corpus stays within 15% of the first one.
const marginal = [scaling[1]!.seconds - scaling[0]!.seconds, (scaling[2]!.seconds - scaling[1]!.seconds) / 2];
const startup = scaling[0]!.seconds - marginal[0]!;
console.log(`cost per added copy of the corpus: ${marginal.map((m) => `${m.toFixed(2)} s`).join(', then ')}; fixed start-up ≈ ${startup.toFixed(2)} s`);
const linear = Math.abs(marginal[1]! / marginal[0]! - 1) <= 0.15;
const memoryOk = scaling.at(-1)!.peakMemoryMiB < 2048;

// 3. Parallelism: 2 workers against 1, on the corpus and on the corpus ×4 (where the fixed start-up of
// a worker thread — loading the dictionaries again, about 1.8 s — weighs less).
const speedup1 = single.seconds / scaling[0]!.seconds;
const single4 = run(join(work, 'x4'), 1);
const speedup = single4.seconds / scaling[2]!.seconds;
console.log(`parallelism, corpus ×1: 1 worker ${single.seconds.toFixed(2)} s, 2 workers ${scaling[0]!.seconds.toFixed(2)} s → ${speedup1.toFixed(2)}×`);
console.log(`parallelism, corpus ×4: 1 worker ${single4.seconds.toFixed(2)} s, 2 workers ${scaling[2]!.seconds.toFixed(2)} s → ${speedup.toFixed(2)}× (target ≥ 1.6×)`);

const met = { segmentationRatio: ratio <= 3, linearWithin15Percent: linear, memoryUnder2GB: memoryOk, parallelSpeedup: speedup >= 1.6 };
console.log(`targets: ${Object.entries(met).map(([k, v]) => `${k} ${v ? 'met' : 'NOT met'}`).join(', ')}`);
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/corpus.json',
  `${JSON.stringify({ machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, corpusMB: mb, single, jieba, ratio, scaling, marginal, startup, parallel: { corpus: speedup1, corpusTimes4: speedup, single4 }, met }, null, 2)}\n`,
);
console.log('wrote bench/corpus.json');
rmSync(work, { recursive: true, force: true });
