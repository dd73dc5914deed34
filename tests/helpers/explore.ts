/**
 * The viewer on a graph too large to send whole (the Shenzhen corpus, 144 reports), the same scenario
 * whether the server holds the graph file or queries Neo4j: it opens on the overview, a search finds an
 * agency, expanding shows what it implemented with evidence, a year filter changes what is shown, a path
 * is drawn, a copied URL reopens the same view, the view exports as a PNG image, and an agency's and a
 * program's panels show them over the years (timeline, chart, what became of a promise).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SerializedGraph } from '../../src/graph/model.js';
import type { GraphSource } from '../../src/server/source.js';
import { openBrowser, openViewer, screenshot } from './browser.js';

const NANSHAN = 'Agency:深圳市南山区人民政府';
const FUTIAN = 'Agency:深圳市福田区人民政府';

const hooks = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

async function searchAndOpen(page: Page, text: string, expected: string) {
  await page.fill('#search', text);
  await page.waitForSelector('#suggestions li');
  await page.press('#search', 'Enter');
  await expect.poll(() => page.textContent('#panel h2'), { timeout: 60_000 }).toBe(expected);
}

/** PNG signature, then the IHDR chunk's width and height. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export async function exploreScenario(source: GraphSource, graph: SerializedGraph, name: string): Promise<void> {
  const viewer = await openViewer(source);
  const { page } = viewer;
  try {
    // The overview: agencies by jurisdiction, a few hundred nodes, not the graph.
    expect(await hooks<boolean>(page, 'window.__r2g.exploring()')).toBe(true);
    const loaded = await hooks<number>(page, 'window.__r2g.graphNodeCount()');
    expect(loaded).toBeGreaterThan(50);
    expect(loaded).toBeLessThan(graph.nodes.length / 20);
    expect(await page.$$eval('#overview-groups button', (b) => b.map((x) => x.textContent ?? ''))).toEqual(
      expect.arrayContaining([expect.stringContaining('深圳市南山区'), expect.stringContaining('广东省')]),
    );
    expect(await hooks<number>(page, 'window.__r2g.receivedBytes()')).toBeLessThan(5_000_000);
    await screenshot(page, `${name}-overview`);

    // A search finds the agency; opening it expands what it implemented, each with its sentence.
    await searchAndOpen(page, '南山区人民政府', '深圳市南山区人民政府');
    const section = '#panel section[data-relation="IMPLEMENTED"]';
    const implemented = async () => Number(/\((\d+)\)/.exec((await page.textContent(`${section} h3`)) ?? '')?.[1] ?? 0);
    const all = await implemented();
    expect(all).toBeGreaterThan(20);
    expect(await page.textContent(`${section} .item .evidence`)).toMatch(/\p{Script=Han}{6}/u);
    const nanshanEdges = graph.edges.filter((e) => e.source === NANSHAN && e.attributes.type === 'IMPLEMENTED');
    expect(all).toBe(nanshanEdges.length);

    // Clicking what the expansion brought expands further; clicking the agency again only selects it.
    const loadedOnce = await hooks<number>(page, 'window.__r2g.graphNodeCount()');
    const neighbour = nanshanEdges.find((e) => e.target === 'Program:乡村振兴')?.target ?? nanshanEdges[0]!.target;
    await page.evaluate(`window.__r2g.renderer().emit('clickNode', { node: ${JSON.stringify(neighbour)} })`);
    await expect.poll(() => page.url(), { timeout: 60_000 }).toContain(`exp=${encodeURIComponent(neighbour)}`);
    expect(await hooks<number>(page, 'window.__r2g.graphNodeCount()')).toBeGreaterThan(loadedOnce);
    await page.evaluate(`window.__r2g.renderer().emit('clickNode', { node: ${JSON.stringify(NANSHAN)} })`);
    await expect.poll(() => page.textContent('#panel h2')).toBe('深圳市南山区人民政府');

    // A year filter: only what the reports reviewing 2020–2021 say.
    const years = new Map(graph.attributes.documents.map((d) => [d.id, d.year]));
    const within = nanshanEdges.filter((e) => e.attributes.evidence.some((ev) => [2020, 2021].includes(years.get(ev.doc) ?? 0))).length;
    expect(within).toBeGreaterThan(0);
    expect(within).toBeLessThan(all);
    await page.$eval('#year-from', (el) => {
      (el as HTMLInputElement).value = '2020';
      el.dispatchEvent(new Event('change'));
    });
    await page.$eval('#year-to', (el) => {
      (el as HTMLInputElement).value = '2021';
      el.dispatchEvent(new Event('change'));
    });
    await expect.poll(() => page.url(), { timeout: 60_000 }).toContain('to=2021');
    await expect.poll(implemented, { timeout: 60_000 }).toBe(within);
    const visibleEdges = await hooks<string[]>(page, 'window.__r2g.visibleEdgeKeys()');
    const byKey = new Map(graph.edges.map((e) => [e.key, e]));
    for (const key of visibleEdges) expect(byKey.get(key)!.attributes.evidence.some((ev) => [2020, 2021].includes(years.get(ev.doc) ?? 0))).toBe(true);

    // A path to another agency, drawn and listed.
    await page.fill('#path-to', '福田区人民政府');
    await page.waitForSelector('#path-suggestions li');
    await page.press('#path-to', 'Enter');
    await expect.poll(() => page.textContent('#panel .path-result'), { timeout: 60_000 }).toContain('深圳市福田区人民政府');
    const traced = (await hooks<{ nodes: string[]; edges: string[] }>(page, 'window.__r2g.traced()'))!;
    expect(traced.nodes).toEqual(expect.arrayContaining([NANSHAN, FUTIAN]));
    expect(traced.edges.length).toBe(traced.nodes.length - 1);
    // Each step of the chain with the sentence that states it.
    const steps = await page.$$eval('#panel .path-steps > li', (items) => items.map((li) => [li.querySelector('h4')?.textContent ?? '', li.querySelector('.evidence')?.textContent ?? '']));
    expect(steps).toHaveLength(traced.edges.length);
    for (const [heading, sentence] of steps) {
      expect(heading).toMatch(/ —(ISSUED|IMPLEMENTED|MEASURED)→ /);
      expect(sentence).toMatch(/\p{Script=Han}{6}/u);
    }
    await screenshot(page, `${name}-path`);

    // The URL reopens the same view in a fresh browser, filters included.
    await page.uncheck('#type-filters input[data-filter="Metric"]');
    await expect.poll(() => page.url()).toContain('types=Agency%2CRegulation%2CProgram');
    await page.waitForTimeout(400);
    const url = page.url();
    const view = {
      selected: await hooks<string>(page, 'window.__r2g.selected()'),
      traced,
      visible: await hooks<string[]>(page, 'window.__r2g.visibleNodeKeys()'),
    };
    const second = await openBrowser();
    try {
      await second.page.goto(url);
      await second.page.evaluate('window.__r2g.ready()');
      expect(await hooks<string>(second.page, 'window.__r2g.selected()')).toBe(view.selected);
      expect(await hooks(second.page, 'window.__r2g.traced()')).toEqual(view.traced);
      expect(await hooks<string[]>(second.page, 'window.__r2g.visibleNodeKeys()')).toEqual(view.visible);
      expect(await second.page.inputValue('#year-from')).toBe('2020');
      expect(await second.page.isChecked('#type-filters input[data-filter="Metric"]')).toBe(false);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }

    // The view as a PNG image.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="png"]')]);
    const size = pngSize(readFileSync((await download.path())!));
    const box = (await page.locator('#graph').boundingBox())!;
    expect(size.width).toBeGreaterThanOrEqual(Math.floor(box.width) - 1);
    expect(size.height).toBeGreaterThanOrEqual(Math.floor(box.height) - 1);

    // Collapsing takes out what the expansion brought; the overview and the agency stay.
    const before = await hooks<number>(page, 'window.__r2g.graphNodeCount()');
    await page.click('#panel button.collapse');
    await expect.poll(() => hooks<number>(page, 'window.__r2g.graphNodeCount()')).toBeLessThan(before);
    const overview = (await (await fetch(new URL('/api/overview?yearFrom=2020&yearTo=2021', viewer.url))).json()) as { groups: Array<{ agencies: Array<{ key: string }> }> };
    const kept = await hooks<string[]>(page, 'window.__r2g.visibleNodeKeys()');
    expect(kept).toEqual(expect.arrayContaining([NANSHAN, ...overview.groups.flatMap((g) => g.agencies.map((a) => a.key))]));
    expect(await page.isVisible('#panel button.expand')).toBe(true);
    expect(page.url()).not.toContain(`exp=${encodeURIComponent(NANSHAN)}`);

    // Over the years: a government's panel has its timeline and the charts of its headline figures.
    await searchAndOpen(page, '龙岗区人民政府', '深圳市龙岗区人民政府');
    await page.waitForSelector('#panel section.time .chart[data-measure="地区生产总值"] canvas', { timeout: 60_000 });
    const longgang = graph.attributes.documents.filter((d) => d.series === '深圳市龙岗区');
    const chips = await page.$$eval('#panel section.time ol.timeline li', (items) => items.map((li) => `${(li as HTMLElement).dataset.year} ${(li as HTMLElement).dataset.status}`));
    // The year each of its reports plans, and a year done for each one with a review (the 2014 text keeps only its last paragraph).
    expect(chips).toEqual(expect.arrayContaining(longgang.map((d) => `${d.plans} planned`)));
    expect(chips.filter((c) => c.endsWith('done'))).toEqual(longgang.filter((d) => d.year! >= 2014).map((d) => `${d.year} done`).sort());
    const canvas = (await page.locator('#panel section.time .chart[data-measure="地区生产总值"] canvas').boundingBox())!;
    expect(canvas.width).toBeGreaterThan(200);
    expect(await page.textContent('#panel section.time .chart[data-measure="地区生产总值"]')).toMatch(/地区生产总值 \(亿元\) · 深圳市龙岗区.*reported.*target/s);
    await screenshot(page, `${name}-time`);
    // A program's panel says what became of it where it was planned.
    await searchAndOpen(page, '智慧菜篮子工程', '智慧菜篮子工程');
    await page.waitForSelector('#panel section.time .promise', { timeout: 60_000 });
    expect(await page.textContent('#panel section.time .promise[data-outcome="kept"] h4')).toBe('planned for 2022: kept 已完成 → 2022 (as “全市首个智慧菜篮子系统”)');
    expect(viewer.errors).toEqual([]);
  } finally {
    await viewer.close();
  }
}
