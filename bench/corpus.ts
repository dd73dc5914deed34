/**
 * npm run bench — benchmarks, not tests. On data/corpus/shenzhen (144 reports):
 * 1. throughput end to end and per stage, with peak memory; nodejieba alone cutting the same text
 *    (target: extraction end to end ≤ 3× segmentation alone);
 * 2. scaling: the corpus repeated 1×, 2×, 4× (target: linear within 15%, under 2 GB at 4×);
 * 3. parallelism: 2 workers against 1 (target: ≥ 1.6×).
 * Every timed run is its own process, repeated (BENCH_REPEAT, default 3) and the median taken: on a
 * shared virtual machine single runs vary by ±15%. Prints the figures and writes bench/corpus.json.
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
  /** Every repeat's seconds; `seconds` and the rest are from the median one. */
  repeats: number[];
  /** CPU time of all the process's threads (V8 compiles and collects garbage on threads of its own). */
  cpuSeconds: number;
  stages: Record<string, number>;
  peakMemoryMiB: number;
  nodes: number;
  relationships: number;
}

const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));

function runOnce(folder: string, workers: number): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/corpus-run.ts', folder, String(workers), join(work, 'graph.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

/** The median of REPEAT runs (by time), with every repeat's time. */
function run(folder: string, workers: number): Run {
  const runs = Array.from({ length: REPEAT }, () => runOnce(folder, workers)).sort((a, b) => a.seconds - b.seconds);
  return { ...runs[Math.floor((runs.length - 1) / 2)]!, repeats: runs.map((r) => r.seconds) };
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
console.log(`end to end, 1 worker: ${single.seconds.toFixed(2)} s = ${f(single.chars / single.seconds)} chars/s (median of ${REPEAT}: ${single.repeats.map((x) => x.toFixed(2)).join(', ')}); peak memory ${single.peakMemoryMiB} MiB; ${(single.cpuSeconds / single.seconds).toFixed(2)} cores busy on average`);
for (const [stage, s] of Object.entries(single.stages)) console.log(`  ${stage.padEnd(9)} ${s.toFixed(2)} s  ${f(single.chars / Math.max(s, 1e-9))} chars/s`);
const ratio = single.seconds / jiebaSeconds;
console.log(`nodejieba alone, in its own process: ${jiebaSeconds.toFixed(2)} s (loading its dictionaries ${jieba.load.toFixed(2)} s, cutting ${jieba.cut.toFixed(2)} s = ${f(single.chars / jieba.cut)} chars/s)`);
console.log(`→ extraction end to end costs ${ratio.toFixed(2)}× segmentation alone (target ≤ 3×; both include loading the dictionaries once)`);

// 2. Scaling with 2 workers.
const scaling = [1, 2, 4].map((times) => ({ times, ...run(times === 1 ? CORPUS : repeated(times, files), 2) }));
for (const s of scaling) console.log(`scaling ${s.times}×: ${s.seconds.toFixed(2)} s (${s.repeats.map((x) => x.toFixed(2)).join(', ')}), peak ${s.peakMemoryMiB} MiB`);
// Linear: time = fixed start-up + cost per copy of the corpus. Fit that line to the three sizes (least
// squares) and require every measured time within 15% of it.
const xs = scaling.map((s) => s.times);
const ys = scaling.map((s) => s.seconds);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const slope = xs.reduce((n, x, i) => n + (x - mean(xs)) * (ys[i]! - mean(ys)), 0) / xs.reduce((n, x) => n + (x - mean(xs)) ** 2, 0);
const intercept = mean(ys) - slope * mean(xs);
const deviation = Math.max(...xs.map((x, i) => Math.abs(ys[i]! / (intercept + slope * x) - 1)));
const marginal = [scaling[1]!.seconds - scaling[0]!.seconds, (scaling[2]!.seconds - scaling[1]!.seconds) / 2];
console.log(`linear fit: ${intercept.toFixed(2)} s + ${slope.toFixed(2)} s per copy of the corpus; largest deviation ${(deviation * 100).toFixed(1)}% (target ≤ 15%); cost of each added copy ${marginal.map((m) => `${m.toFixed(2)} s`).join(', then ')}`);
const linear = deviation <= 0.15;
const memoryOk = scaling.at(-1)!.peakMemoryMiB < 2048;

// 3. Parallelism: 2 workers against 1, on the corpus and on the corpus ×4 (where the fixed start-up of
// a worker thread — loading the dictionaries again, about 1.8 s — weighs less).
const speedup1 = single.seconds / scaling[0]!.seconds;
const single4 = run(join(work, 'x4'), 1);
const speedup = single4.seconds / scaling[2]!.seconds;
const cores = (r: Run) => (r.cpuSeconds / r.seconds).toFixed(2);
console.log(`parallelism, corpus ×1: 1 worker ${single.seconds.toFixed(2)} s (${cores(single)} cores busy), 2 workers ${scaling[0]!.seconds.toFixed(2)} s (${cores(scaling[0]!)}) → ${speedup1.toFixed(2)}×`);
console.log(`parallelism, corpus ×4: 1 worker ${single4.seconds.toFixed(2)} s (${cores(single4)} cores busy), 2 workers ${scaling[2]!.seconds.toFixed(2)} s (${cores(scaling[2]!)}) → ${speedup.toFixed(2)}× (target ≥ 1.6×)`);

const met = { segmentationRatio: ratio <= 3, linearWithin15Percent: linear, memoryUnder2GB: memoryOk, parallelSpeedup: speedup >= 1.6 };
console.log(`targets: ${Object.entries(met).map(([k, v]) => `${k} ${v ? 'met' : 'NOT met'}`).join(', ')}`);
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/corpus.json',
  `${JSON.stringify({ machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, corpusMB: mb, single, jieba, ratio, scaling, linearFit: { intercept, slope, deviation }, marginal, parallel: { corpus: speedup1, corpusTimes4: speedup, single4 }, met }, null, 2)}\n`,
);
console.log('wrote bench/corpus.json');
rmSync(work, { recursive: true, force: true });
