/**
 * The viewer on a large graph: the whole Shenzhen corpus (144 reports) extracted together, in headless
 * Chromium. Behaviour only; how fast it draws and pans is measured by `npm run bench:viewer`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/corpus/run.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { expandInputs } from '../../src/pipeline.js';
import { fileSource } from '../../src/server/server.js';
import { DEFAULT_OPTIONS } from '../../viz/src/options.js';
import { openViewer, screenshot } from '../helpers/browser.js';

let graph: SerializedGraph;
let browser: Awaited<ReturnType<typeof openViewer>>;
let page: Page;
const count = (type: string) => graph.nodes.filter((n) => n.attributes.type === type).length;

beforeAll(async () => {
  graph = (await runCorpus(await expandInputs(['data/corpus/shenzhen']), { cacheDir: null })).graph;
  browser = await openViewer(fileSource('shenzhen', graph));
  page = browser.page;
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe('the viewer on the whole corpus', () => {
  it('opens with every node but the metrics drawn, and says how to draw them', async () => {
    expect(graph.nodes.length).toBeGreaterThan(40_000);
    expect(await page.evaluate(() => window.__r2g.graphNodeCount())).toBe(graph.nodes.length);
    expect(await page.evaluate(() => window.__r2g.renderedNodeCount())).toBe(graph.nodes.length - count('Metric'));
    expect(await page.isChecked('#type-filters input[data-filter="Metric"]')).toBe(false);
    expect(await page.textContent('#status')).toContain(`${count('Metric')} Metric nodes not drawn`);
    expect(browser.errors).toEqual([]);
    await screenshot(page, 'large-graph-opened');
  });

  it('traces 南山区人民政府 through the reports of every year, with the evidence of each', async () => {
    // The short name finds the one node of 深圳市南山区人民政府, whatever a report calls it.
    await page.fill('#search', '南山区人民政府');
    await page.waitForSelector('#suggestions li');
    await page.press('#search', 'Enter');
    await expect.poll(() => page.textContent('#panel h2'), { timeout: 60_000 }).toBe('深圳市南山区人民政府');
    const section = '#panel section[data-relation="IMPLEMENTED"]';
    const total = Number(/\((\d+)\)/.exec((await page.textContent(`${section} h3`))!)![1]);
    expect(total).toBeGreaterThan(DEFAULT_OPTIONS.panelGroupLimit);
    // The first items at once, the rest when asked for.
    expect(await page.$$(`${section} .item`)).toHaveLength(DEFAULT_OPTIONS.panelGroupLimit);
    await page.click(`${section} button.more`);
    expect(await page.$$(`${section} .item`)).toHaveLength(total);
    const docs = new Set((await page.$$eval(`${section} .meta`, (m) => m.map((e) => e.textContent ?? ''))).map((t) => t.split(' · ').at(-1)!.split(' [')[0]));
    expect(docs.size).toBeGreaterThan(5);
    // The trace highlights what it implemented (drawn), not the rest.
    const traced = await page.evaluate(() => {
      const r = window.__r2g.renderer()!;
      return window.__r2g.visibleNodeKeys().filter((k) => r.getNodeDisplayData(k)?.zIndex === 2).length;
    });
    expect(traced).toBeGreaterThan(20);
    await screenshot(page, 'large-graph-trace');
  }, 120_000);

  it('draws the metrics when their type is ticked', async () => {
    await page.check('#type-filters input[data-filter="Metric"]');
    await expect.poll(() => page.evaluate(() => window.__r2g.renderedNodeCount()), { timeout: 60_000 }).toBe(graph.nodes.length);
    expect(await page.textContent('#status')).not.toContain('not drawn');
    expect(browser.errors).toEqual([]);
    await screenshot(page, 'large-graph-all-types');
  }, 120_000);
});
