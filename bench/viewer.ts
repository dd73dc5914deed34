/**
 * npm run bench:viewer — a benchmark, not a test. In headless Chromium (SwiftShader WebGL, no GPU),
 * for synthetic graphs of 10k and 50k nodes and for the whole Shenzhen corpus extracted together:
 * the time from navigation to the first render (layout included) and the median frame time while
 * panning, as the viewer opens a large graph (metrics not drawn) and with every type drawn; for the
 * corpus also the time to trace an agency.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Page } from 'playwright-core';
import { runCorpus } from '../src/corpus/run.js';
import type { SerializedGraph } from '../src/graph/model.js';
import { syntheticGraph } from '../src/graph/synthetic.js';
import { expandInputs } from '../src/pipeline.js';
import { fileSource } from '../src/server/source.js';
import { openViewer } from '../tests/helpers/browser.js';

declare global {
  interface Window {
    __frames: number[];
    __recording: boolean;
  }
}

const SIZES = (process.env.BENCH_VIEWER_SIZES ?? '10000,50000').split(',').filter(Boolean).map(Number);
const CORPUS = process.env.BENCH_VIEWER_CORPUS ?? 'data/corpus/shenzhen';

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
const nextFrames = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');

async function measure(label: string, graph: SerializedGraph, trace?: string) {
  const browser = await openViewer(fileSource(label, graph));
  const { page } = browser;
  try {
    const firstRenderSeconds = browser.loadSeconds;
    const drawn = (await page.evaluate('window.__r2g.renderedNodeCount()')) as number;
    const medianFrameMs = await panMedian(page);
    // Every type drawn: tick the types a large graph opens without.
    const t1 = Date.now();
    for (const box of await page.locator('#type-filters input:not(:checked)').all()) await box.check();
    await nextFrames(page);
    const allTypesSeconds = (Date.now() - t1) / 1000;
    const drawnAll = (await page.evaluate('window.__r2g.renderedNodeCount()')) as number;
    const medianFrameAllMs = await panMedian(page);
    // Trace an agency (last: the trace dims the rest of the graph).
    let traceSeconds: number | undefined;
    if (trace) {
      const t = Date.now();
      await page.fill('#search', trace);
      await page.press('#search', 'Enter');
      await page.locator('#panel h2').filter({ hasText: trace }).waitFor();
      await nextFrames(page);
      traceSeconds = (Date.now() - t) / 1000;
    }
    return { graph: label, nodes: graph.nodes.length, relationships: graph.edges.length, firstRenderSeconds, drawn, medianFrameMs, traceSeconds, allTypesSeconds, drawnAll, medianFrameAllMs, errors: browser.errors };
  } finally {
    await browser.close();
  }
}

const graphs: Array<[string, () => Promise<SerializedGraph>, string?]> = SIZES.map((n) => [`synthetic ${n}`, async () => syntheticGraph({ nodes: n, edges: n * 2, seed: 5 })]);
if (CORPUS) graphs.push([`corpus ${CORPUS}`, async () => (await runCorpus(await expandInputs([CORPUS]), { cacheDir: null })).graph, '南山区人民政府']);

const results = [];
for (const [label, make, trace] of graphs) {
  const r = await measure(label, await make(), trace);
  const s = (x: number | undefined) => (x === undefined ? '' : `${x.toFixed(1)} s`);
  console.log(
    `${r.graph}: ${r.nodes} nodes, ${r.relationships} relations — first render ${s(r.firstRenderSeconds)} (${r.drawn} nodes drawn), median frame while panning ${r.medianFrameMs.toFixed(0)} ms` +
      (r.traceSeconds === undefined ? '' : `; trace ${s(r.traceSeconds)}`) +
      `; every type drawn: ${s(r.allTypesSeconds)} to draw ${r.drawnAll} nodes, median frame ${r.medianFrameAllMs.toFixed(0)} ms` +
      (r.errors.length ? `; page errors: ${r.errors.join(' | ')}` : ''),
  );
  results.push(r);
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/viewer.json', `${JSON.stringify({ machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) }, browser: 'Debian Chromium, headless, SwiftShader WebGL', results }, null, 2)}\n`);
console.log('wrote bench/viewer.json');
