/**
 * One measured corpus run in its own process (so its peak memory is its own): extracts a folder and
 * writes the graph, then prints JSON with times per stage and the peak resident memory.
 * Usage: tsx bench/corpus-run.ts <folder> <workers> <out.json>
 */
import { runCorpus } from '../src/corpus/run.js';
import { writeGraphFile } from '../src/graph/io.js';
import { expandInputs } from '../src/pipeline.js';

const [folder, workers, out] = process.argv.slice(2);
const t0 = performance.now();
const files = await expandInputs([folder!]);
const result = await runCorpus(files, { workers: Number(workers), cacheDir: null });
const t = performance.now();
await writeGraphFile(out!, result.graph);
const write = (performance.now() - t) / 1000;
console.log(
  JSON.stringify({
    documents: files.length,
    chars: result.chars,
    seconds: (performance.now() - t0) / 1000,
    stages: { ...result.timings, write },
    failures: result.failures.length,
    peakMemoryMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    // CPU time of every thread of the process (V8 compiles and collects garbage on threads of its own).
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    nodes: result.graph.nodes.length,
    relationships: result.graph.edges.length,
  }),
);
