/**
 * Correcting the graph from the viewer, in headless Chromium: served from a graph file with a
 * corrections file, a merge of two agencies picked in the panel is written to the corrections file
 * (never the graph file), the view shows one agency with both names, and a restarted server still does.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/corpus/run.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { readGraphFile, writeGraphFile } from '../../src/graph/io.js';
import { correctedFileSource, fileSource } from '../../src/server/source.js';
import { openViewer, screenshot } from '../helpers/browser.js';
import { CORPUS } from '../helpers/time.js';

const CENTRE = 'Agency:深圳市盐田区政务服务中心';
const HALL = 'Agency:深圳市盐田区政务服务大厅';
const dir = mkdtempSync(join(tmpdir(), 'r2g-viewer-correct-'));
const graphFile = join(dir, 'graph.json');
const correctionsFile = join(dir, 'corrections.yaml');
let graphText: string;

beforeAll(async () => {
  const graph = (await runCorpus([join(CORPUS, '盐田区2015年政府工作报告_2015.txt')], { cacheDir: null })).graph;
  expect(graph.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([CENTRE, HALL]));
  await writeGraphFile(graphFile, graph);
  graphText = readFileSync(graphFile, 'utf8');
}, 120_000);

async function open(page: Page, name: string, expected: string) {
  await page.fill('#search', name);
  await page.waitForSelector('#suggestions li');
  await page.press('#search', 'Enter');
  await expect.poll(() => page.textContent('#panel h2'), { timeout: 30_000 }).toBe(expected);
}
const aliases = (page: Page) => page.$$eval('#panel dl dt', (dts) => dts.find((dt) => dt.textContent === 'aliases')?.nextElementSibling?.textContent ?? '');

describe('corrections from the viewer', () => {
  it('merges two agencies picked in the panel into the corrections file, and keeps the merge after a restart', async () => {
    const first = await openViewer(await correctedFileSource('graph.json', await readGraphFile(graphFile), correctionsFile));
    try {
      await open(first.page, '深圳市盐田区政务服务中心', '深圳市盐田区政务服务中心');
      await first.page.fill('#merge-with', '政务服务大厅');
      await first.page.waitForSelector('#merge-suggestions li');
      await first.page.press('#merge-with', 'Enter');
      // The viewer reopens on the merged agency, from the server.
      const selected = () => first.page.evaluate('window.__r2g ? window.__r2g.ready().then(() => window.__r2g.selected()) : null').catch(() => null);
      await expect.poll(selected, { timeout: 30_000 }).toBe(CENTRE);
      await expect.poll(() => aliases(first.page), { timeout: 30_000 }).toContain('深圳市盐田区政务服务大厅');
      expect(await aliases(first.page)).toContain('深圳市盐田区政务服务中心');
      expect(await first.page.evaluate('window.__r2g.visibleNodeKeys()')).not.toContain(HALL);
      await screenshot(first.page, 'viewer-corrected');
      expect(first.errors).toEqual([]);
    } finally {
      await first.close();
    }
    // The corrections file holds the merge; the graph file is as it was.
    expect(readFileSync(correctionsFile, 'utf8')).toContain(`  - merge:\n      - ${CENTRE}\n      - ${HALL}\n    by: viewer\n`);
    expect(readFileSync(graphFile, 'utf8')).toBe(graphText);

    const second = await openViewer(await correctedFileSource('graph.json', await readGraphFile(graphFile), correctionsFile));
    try {
      await open(second.page, '深圳市盐田区政务服务大厅', '深圳市盐田区政务服务中心');
      expect(await aliases(second.page)).toContain('深圳市盐田区政务服务大厅');
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
  }, 180_000);

  it('is read-only without a corrections file: no tools in the panel, and the server refuses', async () => {
    const viewer = await openViewer(fileSource('graph.json', await readGraphFile(graphFile)));
    try {
      await open(viewer.page, '深圳市盐田区政务服务中心', '深圳市盐田区政务服务中心');
      expect(await viewer.page.$('#panel section.corrections')).toBeNull();
      const status = await viewer.page.evaluate(`fetch('/api/corrections', { method: 'POST', body: '{"reject": "${CENTRE}"}' }).then((r) => r.status)`);
      expect(status).toBe(404);
    } finally {
      await viewer.close();
    }
  }, 120_000);

  it('takes corrections only from the viewer’s own page', async () => {
    writeFileSync(correctionsFile, '');
    const viewer = await openViewer(await correctedFileSource('graph.json', await readGraphFile(graphFile), correctionsFile));
    try {
      const post = (headers: Record<string, string>) => fetch(new URL('/api/corrections', viewer.url), { method: 'POST', headers, body: JSON.stringify({ reject: CENTRE }) });
      expect((await post({})).status).toBe(403);
      expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
      expect(readFileSync(correctionsFile, 'utf8')).toBe('');
      const own = await post({ origin: new URL(viewer.url).origin, 'content-type': 'application/json' });
      expect(own.status).toBe(200);
      expect(((await own.json()) as { outcome: { status: string } }).outcome.status).toBe('applied');
      expect(readFileSync(correctionsFile, 'utf8')).toContain(`reject: ${CENTRE}`);
    } finally {
      await viewer.close();
    }
  }, 120_000);
});
