/**
 * npm run bench:neo4j — a benchmark, not a test. Loads a synthetic graph of 100k nodes and 200k
 * relationships with the batched writer, and a sample of it with a naive one-statement-per-row writer,
 * and prints nodes/s and relationships/s for both. Targets: batched ≥ 20× naive and ≥ 10k rel/s.
 * Uses NEO4J_URI when set (it must be empty), else starts its own Neo4j from Maven Central.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { SerializedGraph } from '../src/graph/model.js';
import { syntheticGraph } from '../src/graph/synthetic.js';
import { openDriver, type Neo4jSettings } from '../src/neo4j/connection.js';
import { DEFAULT_BATCH_SIZE, documentStatements, naiveStatements, nodeStatements, relationshipStatements } from '../src/neo4j/statements.js';
import { applySchema, runBatches } from '../src/neo4j/writer.js';
import { withNeo4j, wipe } from './measure.js';

const NODES = Number(process.env.BENCH_NODES ?? 100_000);
const EDGES = Number(process.env.BENCH_EDGES ?? 200_000);
const SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 2_000);
const BATCH = Number(process.env.BENCH_BATCH ?? DEFAULT_BATCH_SIZE);

async function timed(fn: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

/** A sample of the graph: its first nodes and the relationships among them. */
function sample(graph: SerializedGraph, nodes: number, edges: number): SerializedGraph {
  const keep = new Set<string>();
  const picked = graph.edges.filter((e) => keep.size < nodes * 2 && (keep.add(e.source), keep.add(e.target), true)).slice(0, edges);
  return { ...graph, nodes: graph.nodes.filter((n) => keep.has(n.key)), edges: picked };
}

async function main(settings: Neo4jSettings) {
  const driver = await openDriver(settings);
  try {
    const graph = syntheticGraph({ nodes: NODES, edges: EDGES, seed: 1 });
    console.log(`synthetic graph: ${graph.nodes.length} nodes, ${graph.edges.length} relationships; batches of ${BATCH}`);
    await wipe(settings);
    await applySchema(driver, settings);
    await runBatches(driver, settings, documentStatements(graph));
    const batchedNodes = await timed(async () => void (await runBatches(driver, settings, nodeStatements(graph, BATCH))));
    const batchedRels = await timed(async () => void (await runBatches(driver, settings, relationshipStatements(graph, BATCH))));

    const small = sample(graph, SAMPLE, SAMPLE);
    await wipe(settings);
    await runBatches(driver, settings, documentStatements(small));
    const naive = naiveStatements(small);
    const naiveNodes = await timed(async () => void (await runBatches(driver, settings, naive.slice(0, small.nodes.length))));
    const naiveRels = await timed(async () => void (await runBatches(driver, settings, naive.slice(small.nodes.length))));

    const figures = {
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      batched: { nodes: graph.nodes.length, relationships: graph.edges.length, batchSize: BATCH, nodesPerSecond: graph.nodes.length / batchedNodes, relationshipsPerSecond: graph.edges.length / batchedRels },
      naive: { nodes: small.nodes.length, relationships: small.edges.length, nodesPerSecond: small.nodes.length / naiveNodes, relationshipsPerSecond: small.edges.length / naiveRels },
    };
    const speedupNodes = figures.batched.nodesPerSecond / figures.naive.nodesPerSecond;
    const speedupRels = figures.batched.relationshipsPerSecond / figures.naive.relationshipsPerSecond;
    const result = { ...figures, speedup: { nodes: speedupNodes, relationships: speedupRels }, targets: { speedupAtLeast: 20, relationshipsPerSecondAtLeast: 10_000 } };
    const ok = Math.min(speedupNodes, speedupRels) >= 20 && figures.batched.relationshipsPerSecond >= 10_000;
    const f = (x: number) => Math.round(x).toLocaleString('en-US');
    console.log(`batched: ${f(figures.batched.nodesPerSecond)} nodes/s, ${f(figures.batched.relationshipsPerSecond)} relationships/s`);
    console.log(`naive (sample of ${small.nodes.length} nodes, ${small.edges.length} relationships): ${f(figures.naive.nodesPerSecond)} nodes/s, ${f(figures.naive.relationshipsPerSecond)} relationships/s`);
    console.log(`speed-up: ${speedupNodes.toFixed(1)}× nodes, ${speedupRels.toFixed(1)}× relationships — targets ≥ 20× and ≥ 10,000 rel/s: ${ok ? 'met' : 'NOT met'}`);
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/neo4j.json', `${JSON.stringify({ ...result, met: ok }, null, 2)}\n`);
    console.log('wrote bench/neo4j.json');
  } finally {
    await driver.close();
  }
}

await withNeo4j(main);
