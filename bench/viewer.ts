/**
 * npm run bench:viewer — a benchmark, not a test. For synthetic graphs of 10k and 50k nodes, measures in
 * headless Chromium (SwiftShader WebGL) the time from navigation to the first render (layout included)
 * and the median frame time while panning.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { syntheticGraph } from '../src/graph/synthetic.js';
import { fileSource, startServer } from '../src/server/server.js';
import { openBrowser } from '../tests/helpers/browser.js';

declare global {
  interface Window {
    __frames: number[];
    __recording: boolean;
  }
}

const SIZES = (process.env.BENCH_VIEWER_SIZES ?? '10000,50000').split(',').map(Number);

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

async function measure(nodes: number) {
  const graph = syntheticGraph({ nodes, edges: nodes * 2, seed: 5 });
  const server = await startServer(fileSource(`synthetic-${nodes}`, graph));
  const browser = await openBrowser();
  try {
    const t0 = Date.now();
    await browser.page.goto(server.url);
    await browser.page.evaluate('window.__r2g.ready()');
    const firstRender = (Date.now() - t0) / 1000;
    // Pan as a user does, dragging the stage, while recording frame times. (Strings, not functions:
    // tsx would add helpers the page does not have.)
    const box = (await browser.page.locator('#graph').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await browser.page.mouse.move(cx, cy);
    await browser.page.evaluate(RECORD);
    await browser.page.mouse.down();
    for (let i = 1; i <= 60; i++) await browser.page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 150 * Math.cos(i / 10));
    await browser.page.mouse.up();
    const frames = ((await browser.page.evaluate('(window.__recording = false, window.__frames)')) as number[]).slice(1);
    const sorted = [...frames].sort((a, b) => a - b);
    return { nodes: graph.nodes.length, relationships: graph.edges.length, firstRenderSeconds: firstRender, medianFrameMs: sorted[Math.floor(sorted.length / 2)]!, errors: browser.errors };
  } finally {
    await browser.close();
    await server.close();
  }
}

const results = [];
for (const size of SIZES) {
  const r = await measure(size);
  console.log(`${r.nodes} nodes, ${r.relationships} relations: first render ${r.firstRenderSeconds.toFixed(1)} s, median frame while panning ${r.medianFrameMs.toFixed(1)} ms`);
  results.push(r);
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/viewer.json', `${JSON.stringify({ machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) }, browser: 'Debian Chromium, headless, SwiftShader WebGL', results }, null, 2)}\n`);
console.log('wrote bench/viewer.json');
