/**
 * The viewer in a real browser (headless Debian Chromium driven by playwright-core), served by the real
 * server from a graph file. Screenshots are kept in test-artifacts/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import graphml from 'graphology-graphml';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { fileSource } from '../../src/server/source.js';
import { readDocument } from '../../src/text/document.js';
import { openViewer, screenshot } from '../helpers/browser.js';
import { SEED_PATH } from '../helpers/seed.js';

const XSS = '<img src=x onerror=alert(1)>';
let graph: SerializedGraph;
let browser: Awaited<ReturnType<typeof openViewer>>;
let page: Page;

beforeAll(async () => {
  graph = buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION);
  // A hostile name and sentence, as a scraped document could carry them.
  graph.nodes.push({ key: `Agency:${XSS}`, attributes: { type: 'Agency', name: XSS, nameSimplified: XSS, aliases: [XSS], mentions: [] } });
  graph.edges.push({
    key: `ISSUED|Agency:${XSS}|Regulation:东莞市物业管理条例|done`,
    source: `Agency:${XSS}`,
    target: 'Regulation:东莞市物业管理条例',
    attributes: { type: 'ISSUED', evidence: [{ doc: 'dongguan-2023', start: 0, end: 1, sentence: `<script>alert(2)</script>${XSS}印發《東莞市物業管理條例》`, section: [], rule: 'test' }], implicit: false, rule: 'test', status: 'done' },
  });
  browser = await openViewer(fileSource('seed', graph));
  page = browser.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const search = async (text: string) => {
  await page.fill('#search', '');
  await page.type('#search', text);
  await page.waitForSelector('#suggestions li');
  return page.$$eval('#suggestions li', (items) => items.map((li) => ({ key: (li as HTMLElement).dataset.key!, text: li.textContent ?? '' })));
};

describe('the viewer', () => {
  it('loads with no console errors and renders every node of the graph', async () => {
    expect(await page.evaluate(() => window.__r2g.renderedNodeCount())).toBe(graph.nodes.length);
    expect(browser.errors).toEqual([]);
    await screenshot(page, 'viewer-loaded');
  });

  it('finds 東莞市人民政府 from 市政府 and from its simplified form, and centres on it', async () => {
    expect((await search('市政府')).map((s) => s.key)).toContain('Agency:东莞市人民政府');
    const simplified = await search('东莞市人民政府');
    expect(simplified[0]!.key).toBe('Agency:东莞市人民政府');
    await page.click('#suggestions li >> nth=0');
    expect(await page.evaluate(() => window.__r2g.selected())).toBe('Agency:东莞市人民政府');
  });

  it('clicking 東莞市人民政府 shows what it issued and implemented, each with its evidence sentence', async () => {
    await page.evaluate(() => window.__r2g.renderer()!.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
    await page.waitForTimeout(400);
    const at = await page.evaluate(() => window.__r2g.screenPosition('Agency:东莞市人民政府'));
    await page.mouse.click(at!.x, at!.y);
    await page.waitForFunction(() => window.__r2g.selected() === 'Agency:东莞市人民政府');
    await expect.poll(() => page.textContent('#panel h2')).toBe('東莞市人民政府');
    for (const relation of ['ISSUED', 'IMPLEMENTED']) {
      const items = await page.$$(`#panel section[data-relation="${relation}"] .item`);
      expect(items.length, relation).toBeGreaterThan(3);
      for (const item of items) expect(await item.$eval('.evidence', (e) => e.textContent!.length)).toBeGreaterThan(5);
    }
    const marked = await page.$eval('#panel section[data-relation="IMPLEMENTED"] .item mark', (m) => m.textContent);
    expect(marked).toBeTruthy();
    const evidence = await page.textContent('#panel section[data-relation="IMPLEMENTED"]');
    expect(evidence).toContain('開展全市“全民反詐”專項行動');
    expect(evidence).not.toContain('(zhí)');
    await screenshot(page, 'viewer-trace');
  });

  it('marks the damaged spans of an evidence sentence as damaged, with the reason', async () => {
    // 东莞市人民政府 was selected by the test before; its ISSUED evidence holds a span of mojibake.
    const damaged = await page.$$eval('#panel mark.damaged', (marks) => marks.map((m) => [m.textContent, (m as HTMLElement).title]));
    const known = graph.attributes.documents[0]!.damage.map((d) => [d.text, `damaged (${d.kind}): ${d.reason}`]);
    expect(damaged.length).toBeGreaterThan(0);
    for (const mark of damaged) expect(known).toContainEqual(mark);
    expect(damaged.some(([, title]) => title!.startsWith('damaged (mojibake)'))).toBe(true);
  });

  it('draws the shortest chain of facts from the selection to another entity, in order', async () => {
    await page.fill('#path-to', '东莞市12345政务服务便民热线管理办法');
    await page.waitForSelector('#path-suggestions li');
    await page.press('#path-to', 'Enter');
    await expect.poll(() => page.textContent('#panel .path-result')).toBe('Path: 東莞市人民政府 — 東莞市12345政務服務便民熱線管理辦法 (1 facts)');
    expect((await page.evaluate(() => window.__r2g.traced()))!.nodes).toEqual(['Agency:东莞市人民政府', 'Regulation:东莞市12345政务服务便民热线管理办法']);
    expect(await page.textContent('#panel .path-steps h4')).toBe('東莞市人民政府 —ISSUED→ 東莞市12345政務服務便民熱線管理辦法');
    expect(await page.textContent('#panel .path-steps .evidence')).toContain('東莞市12345政務服務便民熱線管理辦法');
  });

  it('turning a type filter off changes what is visible', async () => {
    const before = await page.evaluate(() => window.__r2g.visibleNodeKeys().length);
    await page.uncheck('input[data-filter="Metric"]');
    const after = await page.evaluate(() => window.__r2g.visibleNodeKeys());
    expect(after.length).toBe(before - graph.nodes.filter((n) => n.attributes.type === 'Metric').length);
    expect(after.some((k) => k.startsWith('Metric:'))).toBe(false);
    expect(await page.evaluate(() => window.__r2g.renderedNodeCount())).toBe(after.length);
    await screenshot(page, 'viewer-filtered');
  });

  it('exports the visible subgraph as GraphML that parses back to exactly it', async () => {
    const visible = await page.evaluate(() => ({ nodes: window.__r2g.visibleNodeKeys(), edges: window.__r2g.visibleEdgeKeys() }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="graphml"]')]);
    const file = join(mkdtempSync(join(tmpdir(), 'r2g-dl-')), 'sub.graphml');
    await download.saveAs(file);
    const back = graphml.parse(MultiDirectedGraph, readFileSync(file, 'utf8')) as unknown as MultiDirectedGraph;
    expect(back.nodes().sort()).toEqual(visible.nodes);
    expect(back.edges().sort()).toEqual(visible.edges);
    const gov = back.getNodeAttributes('Agency:东莞市人民政府');
    expect(gov.name).toBe('東莞市人民政府');
    expect(JSON.parse(gov.aliases as string)).toEqual(graph.nodes.find((n) => n.key === 'Agency:东莞市人民政府')!.attributes.aliases);
    await page.check('input[data-filter="Metric"]');
  });

  it('shows a node named like HTML as text and runs nothing', async () => {
    await search('<img');
    await page.click('#suggestions li >> nth=0');
    await expect.poll(() => page.textContent('#panel h2')).toBe(XSS);
    expect(await page.$$('#panel img, #panel script')).toHaveLength(0);
    expect(await page.textContent('#panel')).toContain('<script>alert(2)</script>');
    expect(browser.errors).toEqual([]);
    await screenshot(page, 'viewer-hostile-name');
  });
});
