/**
 * npm run bench:viewer — a benchmark, not a test. In headless Chromium (SwiftShader WebGL, no GPU):
 * - graphs sent whole (synthetic 10k and 50k nodes, and the Shenzhen corpus with the whole-graph limit
 *   lifted, as before this round): the time to the first render (layout included), the median frame
 *   while panning, with every type drawn;
 * - the corpus as a graph that stays on the server, from its file and from Neo4j, and a synthetic Neo4j
 *   database of 1M nodes and 2M relationships: the time to open (the overview drawn), the bytes sent to
 *   the browser, the time of a search and of an expansion (the panel of what was found).
 * Uses NEO4J_URI when set (its database is emptied), else starts its own Neo4j from Maven Central.
 * BENCH_VIEWER_SIZES, BENCH_VIEWER_CORPUS, BENCH_VIEWER_BIG (nodes of the big database; 0 skips it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Page } from 'playwright-core';
import { runCorpus } from '../src/corpus/run.js';
import type { SerializedGraph } from '../src/graph/model.js';
import { syntheticGraph } from '../src/graph/synthetic.js';
import { openDriver } from '../src/neo4j/connection.js';
import { loadGraph } from '../src/neo4j/writer.js';
import { expandInputs } from '../src/pipeline.js';
import { fileSource, neo4jSource } from '../src/server/source.js';
import { openViewer } from '../tests/helpers/browser.js';
import { measureExplore, nextFrames, withNeo4j, wipe } from './measure.js';

declare global {
  interface Window {
    __frames: number[];
    __recording: boolean;
  }
}

const SIZES = (process.env.BENCH_VIEWER_SIZES ?? '10000,50000').split(',').filter(Boolean).map(Number);
const CORPUS = process.env.BENCH_VIEWER_CORPUS ?? 'data/corpus/shenzhen';
const BIG = Number(process.env.BENCH_VIEWER_BIG ?? 1_000_000);
/** Record the time between animation frames (ms) into window.__frames until stopped. */
const RECORD = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const step = () => {
    const now = performance.now();
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})()`;

/** Drag the stage as a user pans, recording frame times; the median frame (ms). */
async function panMedian(page: Page): Promise<number> {
  const box = (await page.locator('#graph').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  // (Strings, not functions: tsx would add helpers the page does not have.)
  await page.evaluate(RECORD);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 150 * Math.cos(i / 10));
  await page.mouse.up();
  const frames = ((await page.evaluate('(window.__recording = false, window.__frames)')) as number[]).slice(1);
  const sorted = [...frames].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wait until the page has drawn a frame after what was just done (sigma renders on the next frame). */

/** A graph sent whole, as the viewer drew every graph before this round. */
async function measureWhole(label: string, graph: SerializedGraph) {
  const browser = await openViewer(fileSource(label, graph), { wholeGraphLimit: Number.MAX_SAFE_INTEGER });
  const { page } = browser;
  try {
    const firstRenderSeconds = browser.loadSeconds;
    const drawn = (await page.evaluate('window.__r2g.renderedNodeCount()')) as number;
    const medianFrameMs = await panMedian(page);
    const t1 = Date.now();
    for (const box of await page.locator('#type-filters input:not(:checked)').all()) await box.check();
    await nextFrames(page);
    const allTypesSeconds = (Date.now() - t1) / 1000;
    const drawnAll = (await page.evaluate('window.__r2g.renderedNodeCount()')) as number;
    const medianFrameAllMs = await panMedian(page);
    return { graph: label, mode: 'whole', nodes: graph.nodes.length, relationships: graph.edges.length, firstRenderSeconds, drawn, medianFrameMs, allTypesSeconds, drawnAll, medianFrameAllMs, errors: browser.errors };
  } finally {
    await browser.close();
  }
}

const s = (x: number | undefined) => (x === undefined ? '' : `${x.toFixed(2)} s`);
const mb = (x: number) => `${(x / 1e6).toFixed(2)} MB`;
const results: unknown[] = [];
function report(r: Record<string, unknown> & { errors: string[] }, line: string) {
  console.log(line + (r.errors.length ? `; page errors: ${r.errors.join(' | ')}` : ''));
  results.push(r);
}

for (const n of SIZES) {
  const r = await measureWhole(`synthetic ${n}`, syntheticGraph({ nodes: n, edges: n * 2, seed: 5 }));
  report(r, `${r.graph} (sent whole): first render ${s(r.firstRenderSeconds)} (${r.drawn} drawn), median frame ${r.medianFrameMs.toFixed(0)} ms; every type: ${s(r.allTypesSeconds)}, ${r.medianFrameAllMs.toFixed(0)} ms`);
}
const corpus = CORPUS ? (await runCorpus(await expandInputs([CORPUS]), { cacheDir: null })).graph : null;
const exploreLine = (r: Awaited<ReturnType<typeof measureExplore>>) =>
  `${r.graph}, ${r.nodes} nodes / ${r.relationships} relations, ${r.mode}: open ${s(r.openSeconds)}, ${mb(r.openBytes)} to the browser (${r.overviewNodes} nodes on the overview); search ${s(r.searchSeconds)}; expansion ${s(r.expandSeconds)} (${r.loadedAfterExpand} loaded, ${mb(r.bytesAfterExpand)} in all); the server alone: search ${s(r.apiSearchSeconds)}, expansion ${s(r.apiExpandSeconds)} (${mb(r.apiExpandBytes)})`;
if (corpus) {
  const size = { nodes: corpus.nodes.length, relationships: corpus.edges.length };
  const whole = await measureWhole('corpus', corpus);
  report(whole, `corpus (sent whole, as before): first render ${s(whole.firstRenderSeconds)} (${whole.drawn} drawn), median frame ${whole.medianFrameMs.toFixed(0)} ms`);
  const r = await measureExplore('corpus', fileSource('corpus', corpus), '南山区人民政府', '深圳市南山区人民政府', size);
  report(r, exploreLine(r));
}
await withNeo4j(async (settings) => {
  const driver = await openDriver(settings);
  try {
    if (corpus) {
      await wipe(settings);
      await loadGraph(driver, settings, corpus);
      const r = await measureExplore('corpus', neo4jSource(driver, settings, {}), '南山区人民政府', '深圳市南山区人民政府', { nodes: corpus.nodes.length, relationships: corpus.edges.length });
      report(r, exploreLine(r));
    }
    if (BIG > 0) {
      await wipe(settings);
      const big = syntheticGraph({ nodes: BIG, edges: BIG * 2, seed: 11, documents: 50 });
      const agency = big.nodes.find((n) => n.attributes.type === 'Agency' && /司法局/.test(n.attributes.name))!.attributes.name;
      const t = Date.now();
      console.log(`loading ${big.nodes.length} nodes and ${big.edges.length} relationships into Neo4j…`);
      await loadGraph(driver, settings, big);
      console.log(`loaded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      const r = await measureExplore(`synthetic ${BIG}`, neo4jSource(driver, settings, {}), agency, agency, { nodes: big.nodes.length, relationships: big.edges.length });
      report(r, exploreLine(r));
    }
  } finally {
    await driver.close();
  }
});
mkdirSync('bench', { recursive: true });
writeFileSync('bench/viewer.json', `${JSON.stringify({ machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) }, browser: 'Debian Chromium, headless, SwiftShader WebGL', results }, null, 2)}\n`);
console.log('wrote bench/viewer.json');
