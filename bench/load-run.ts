/**
 * One measured load in its own process (so its peak memory is its own): reads a graph file and loads it
 * into NEO4J_URI, then prints JSON with the times (reading, loading) and the peak resident memory.
 * Usage: tsx bench/load-run.ts <graph.json>
 */
import { readGraphFile } from '../src/graph/io.js';
import { openDriver, settingsFromEnv } from '../src/neo4j/connection.js';
import { loadGraph } from '../src/neo4j/writer.js';

const t0 = performance.now();
const graph = await readGraphFile(process.argv[2]!);
const readSeconds = (performance.now() - t0) / 1000;
const settings = settingsFromEnv();
const driver = await openDriver(settings);
try {
  const report = await loadGraph(driver, settings, graph);
  console.log(JSON.stringify({ readSeconds, loadSeconds: report.seconds, batches: report.batches, items: graph.nodes.length + graph.edges.length, peakMemoryMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
} finally {
  await driver.close();
}
