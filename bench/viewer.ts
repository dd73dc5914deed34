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

const SIZES = (process.env.BENCH_VIEWER_SIZES ?? '10000,50000').split(',').map(Number);

/** Pan in a small circle for 90 frames and return the time between frames (ms). */
const PAN = `new Promise((resolve) => {
  const camera = window.__r2g.renderer().getCamera();
  const times = [];
  let last = performance.now();
  let i = 0;
  const step = () => {
    const now = performance.now();
    if (i > 0) times.push(now - last);
    last = now;
    const s = camera.getState();
    camera.setState({ ...s, x: s.x + 0.004 * Math.cos(i / 10), y: s.y + 0.004 * Math.sin(i / 10) });
    if (++i <= 90) requestAnimationFrame(step);
    else resolve(times);
  };
  requestAnimationFrame(step);
})`;

async function measure(nodes: number) {
  const graph = syntheticGraph({ nodes, edges: nodes * 2, seed: 5 });
  const server = await startServer(fileSource(`synthetic-${nodes}`, graph));
  const browser = await openBrowser();
  try {
    const t0 = Date.now();
    await browser.page.goto(server.url);
    await browser.page.evaluate('window.__r2g.ready()');
    const firstRender = (Date.now() - t0) / 1000;
    // A string, not a function: tsx would add helpers the page does not have.
    const frames = (await browser.page.evaluate(PAN)) as number[];
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
