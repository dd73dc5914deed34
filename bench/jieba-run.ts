/**
 * nodejieba alone, in its own process: load its dictionaries (with report2graph's user dictionary) and
 * cut the decoded text of every report. Prints JSON: seconds to load, to cut, and both.
 * Usage: tsx bench/jieba-run.ts <folder>
 */
import { readFileSync } from 'node:fs';
import { expandInputs } from '../src/pipeline.js';
import { cutView } from '../src/text/segment.js';

const files = await expandInputs([process.argv[2]!]);
const texts = files.map((f) => readFileSync(f, 'utf8'));
let t = performance.now();
cutView('加载');
const load = (performance.now() - t) / 1000;
t = performance.now();
for (const text of texts) cutView(text);
const cut = (performance.now() - t) / 1000;
console.log(JSON.stringify({ load, cut, seconds: load + cut }));
