/**
 * A graph of real corpus reports for the across-the-years tests: 盐田区 2022–2025 and 龙岗区 2015–2025,
 * extracted once per test file (no cache). The truths the tests hold it to are in data/gold/time/,
 * annotated by hand from the texts.
 */
import { join } from 'node:path';
import { runCorpus } from '../../src/corpus/run.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { ROOT } from './cli.js';

export const CORPUS = join(ROOT, 'data/corpus/shenzhen');
export const YANTIAN = [2022, 2023, 2024, 2025].map((y) => `盐田区${y}年政府工作报告_${y}`);
export const LONGGANG = Array.from({ length: 11 }, (_, i) => 2015 + i).map((y) => `龙岗区${y}年政府工作报告_${y}`);
export const TIME_REPORTS = [...YANTIAN, ...LONGGANG];

let graph: Promise<SerializedGraph> | undefined;
export function timeGraph(): Promise<SerializedGraph> {
  graph ??= runCorpus(TIME_REPORTS.map((id) => join(CORPUS, `${id}.txt`)), { cacheDir: null }).then((r) => r.graph);
  return graph;
}
