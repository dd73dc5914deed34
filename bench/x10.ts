/**
 * Part of npm run bench — a benchmark, not a test. The corpus ten times over (1,440 reports: the Shenzhen
 * corpus copied under new names, so every report is a document of its own while its agencies and
 * programs merge across the copies) end to end on this machine: extracted with two workers (time, peak
 * memory, the graph file written), loaded into an empty Neo4j (time, items/s, peak memory), and opened
 * in the viewer from the file and from Neo4j (the overview drawn, a search, an expansion). Target: peak
 * memory under 4 GB at every step. BENCH_X10 sets the copies (0 skips it); NEO4J_URI is used when set
 * (its database is emptied), else the benchmark starts its own Neo4j. Writes bench/x10.json.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { readGraphFile } from '../src/graph/io.js';
import { openDriver } from '../src/neo4j/connection.js';
import { expandInputs } from '../src/pipeline.js';
import { fileSource, neo4jSource } from '../src/server/source.js';
import { measureExplore, withNeo4j, wipe } from './measure.js';

const COPIES = Number(process.env.BENCH_X10 ?? 10);
const LIMIT_MIB = 4096;

if (COPIES <= 0) {
  console.log('corpus ×N skipped (BENCH_X10=0)');
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'r2g-bench-x10-'));
try {
  const files = await expandInputs(['data/corpus/shenzhen']);
  const folder = join(work, 'reports');
  mkdirSync(folder);
  for (let k = 0; k < COPIES; k++) for (const f of files) copyFileSync(f, join(folder, `${k}-${basename(f)}`));
  const graphFile = join(work, 'graph.json');
  console.log(`corpus ×${COPIES}: ${files.length * COPIES} reports, extracting with 2 workers…`);
  const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }).trim().split('\n').at(-1)!);
  const extract = node(['bench/corpus-run.ts', folder, '2', graphFile]) as { seconds: number; peakMemoryMiB: number; nodes: number; relationships: number; stages: Record<string, number> };
  const bytes = statSync(graphFile).size;
  console.log(`extracted in ${extract.seconds.toFixed(1)} s (writing the graph ${extract.stages.write!.toFixed(1)} s), peak ${extract.peakMemoryMiB} MiB; ${extract.nodes.toLocaleString('en-US')} nodes, ${extract.relationships.toLocaleString('en-US')} relationships, ${(bytes / 2 ** 20).toFixed(0)} MiB of JSON`);

  const result = await withNeo4j(async (settings) => {
    await wipe(settings);
    console.log('loading into Neo4j…');
    const load = node(['bench/load-run.ts', graphFile], { NEO4J_URI: settings.uri, NEO4J_USERNAME: settings.username, NEO4J_PASSWORD: settings.password }) as { readSeconds: number; loadSeconds: number; items: number; peakMemoryMiB: number };
    console.log(`loaded in ${load.loadSeconds.toFixed(1)} s = ${Math.round(load.items / load.loadSeconds).toLocaleString('en-US')} items/s (reading the file ${load.readSeconds.toFixed(1)} s), peak ${load.peakMemoryMiB} MiB`);
    const graph = await readGraphFile(graphFile);
    const size = { nodes: graph.nodes.length, relationships: graph.edges.length };
    const fromFile = await measureExplore(`corpus ×${COPIES}`, fileSource('corpus', graph), '南山区人民政府', '深圳市南山区人民政府', size);
    const driver = await openDriver(settings);
    try {
      const fromNeo4j = await measureExplore(`corpus ×${COPIES}`, neo4jSource(driver, settings), '南山区人民政府', '深圳市南山区人民政府', size);
      for (const r of [fromFile, fromNeo4j]) {
        console.log(`viewer, ${r.mode}: open ${r.openSeconds.toFixed(2)} s, ${(r.openBytes / 1e6).toFixed(2)} MB to the browser; search ${r.searchSeconds.toFixed(2)} s; expansion ${r.expandSeconds.toFixed(2)} s${r.errors.length ? `; page errors: ${r.errors.join(' | ')}` : ''}`);
      }
      return { load, viewer: [fromFile, fromNeo4j] };
    } finally {
      await driver.close();
    }
  });
  // This process held the graph for the viewer's file source.
  const viewerPeakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const peak = Math.max(extract.peakMemoryMiB, result.load.peakMemoryMiB, viewerPeakMiB);
  console.log(`peak memory: extraction ${extract.peakMemoryMiB} MiB, load ${result.load.peakMemoryMiB} MiB, the viewer's server on the file ${viewerPeakMiB} MiB`);
  const met = peak < LIMIT_MIB && result.viewer.every((v) => v.errors.length === 0);
  console.log(`peak memory ${peak} MiB — under ${LIMIT_MIB} MiB: ${met ? 'met' : 'NOT met'}`);
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/x10.json',
    `${JSON.stringify({ machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, copies: COPIES, reports: files.length * COPIES, extract: { ...extract, graphBytes: bytes }, ...result, viewerPeakMiB, targets: { peakMemoryMiBBelow: LIMIT_MIB }, met }, null, 2)}\n`,
  );
  console.log('wrote bench/x10.json');
} finally {
  rmSync(work, { recursive: true, force: true });
}
