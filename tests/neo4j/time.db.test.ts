/**
 * Across the years from Neo4j: the curated track and series queries give the answers `track` and
 * `series` give from the graph file, and the viewer's panel over the years is the same from either
 * source — on real corpus reports loaded into the real Neo4j of the test run.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureSeries } from '../../src/graph/figures.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { findSeries } from '../../src/graph/series.js';
import { TimeIndex } from '../../src/graph/track.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { parseParams, resolveQuery } from '../../src/neo4j/queries.js';
import { runReadQuery } from '../../src/neo4j/reader.js';
import { toPlain } from '../../src/neo4j/values.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { fileSource, neo4jSource } from '../../src/server/source.js';
import { testSettings, wipe } from '../helpers/neo4j.js';
import { timeGraph } from '../helpers/time.js';

const settings = testSettings();
let driver: Driver;
let graph: SerializedGraph;

beforeAll(async () => {
  graph = await timeGraph();
  driver = await openDriver(settings);
  await wipe(driver, settings);
  await loadGraph(driver, settings, graph);
}, 300_000);
afterAll(async () => driver?.close());

async function curated(name: string, pairs: string[]): Promise<Array<Record<string, unknown>>> {
  const q = resolveQuery(name);
  const r = await runReadQuery(driver, settings, q.text, parseParams(q, pairs));
  return r.rows.map((row) => Object.fromEntries(r.keys.map((k, i) => [k, toPlain(row[i])])));
}

describe('across the years in Neo4j', () => {
  it('query track gives track’s answer for every promise of each jurisdiction', async () => {
    const index = new TimeIndex(graph);
    for (const name of ['盐田区', '深圳市龙岗区']) {
      const series = findSeries(graph.attributes.documents, name, 'test');
      const expected = index.track(series).map((p) => [p.planned.doc, p.key, p.outcome, p.done?.doc ?? null, p.doneAs, p.plannedAgain.map((s) => s.year)]);
      const rows = await curated('track', [`jurisdiction=${name}`]);
      expect(rows.map((x) => [x.plannedIn, x.key, x.outcome, x.doneIn, x.doneAs, x.plannedAgain])).toEqual(expected);
      expect(expected.length).toBeGreaterThan(200);
    }
    const kept = (await curated('track', ['jurisdiction=盐田', 'from=2022', 'to=2022'])).find((x) => x.name === '智慧菜篮子工程')!;
    expect(kept).toMatchObject({ outcome: 'kept', doneIn: '盐田区2023年政府工作报告_2023', doneYear: 2022, doneAs: 'Program:全市首个智慧菜篮子系统' });
    expect((kept.planEvidence as { sentence: string }).sentence).toContain('建成智慧菜篮子工程');
  });

  it('query series gives series’ points for every measure', async () => {
    const series = findSeries(graph.attributes.documents, '龙岗区', 'test');
    const expected = figureSeries(graph, series).flatMap((f) => f.points.map((p) => [f.measure, p.year, p.status, p.value, p.doc, p.metric, p.alsoIn]));
    const rows = await curated('series', ['jurisdiction=龙岗区']);
    expect(rows.map((x) => [x.measure, x.year, x.status, x.value, x.doc, x.metric, x.alsoIn])).toEqual(expected);
    const gdp = await curated('series', ['jurisdiction=深圳市龙岗区', 'measure=地区生产总值']);
    expect(gdp.filter((x) => x.status === 'done').map((x) => [x.year, x.raw]).slice(0, 3)).toEqual([[2014, '2358亿元'], [2015, '2636.8亿元'], [2016, '3000亿元']]);
  });

  it('the viewer’s panel over the years is the same from Neo4j as from the file', async () => {
    const file = fileSource('file', graph);
    const neo = neo4jSource(driver, settings);
    const gdp2015 = figureSeries(graph, findSeries(graph.attributes.documents, '龙岗区', 'test'), '地区生产总值')[0]!.points.find((p) => p.year === 2015)!.metric;
    for (const key of ['Program:智慧菜篮子工程', 'Agency:深圳市龙岗区人民政府', 'Program:街道综合行政执法改革', gdp2015]) {
      const [a, b] = [await file.time(key), await neo.time(key)];
      expect(b).toEqual(a);
      expect(a.timeline.length + a.figures.length).toBeGreaterThan(0);
    }
    await expect(neo.time('Program:no such program')).rejects.toThrow('time: no entity with the key "Program:no such program"');
  });
});
